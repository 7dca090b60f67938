//! `samskap check`: samskap.yaml, progress.yaml and every record checked
//! against the workbook, and every record searched for personal data that
//! must not leave the workspace. Every problem with its place and a hint.

use super::Context;
use crate::diagnostic::Diagnostic;
use crate::error::{Error, Result};
use crate::i18n::tr;
use crate::output;
use crate::privacy;
use crate::records;

/// Runs the command.
pub fn run(cx: &Context) -> Result<()> {
    let ws = cx.workspace()?;
    let lang = ws.lang(cx.lang_arg);
    let mut problems: Vec<Diagnostic> = Vec::new();
    let progress = match ws.progress() {
        Ok(p) => Some(p),
        Err(Error::Invalid(mut ds)) => {
            problems.append(&mut ds);
            None
        }
        Err(other) => return Err(other),
    };
    let records = match records::read(&ws) {
        Ok(r) => Some(r),
        Err(Error::Invalid(mut ds)) => {
            problems.append(&mut ds);
            None
        }
        Err(other) => return Err(other),
    };
    let names = records::private_names(&ws)?;
    let mut findings = 0;
    if let Some(records) = &records {
        for path in &records.files {
            let text = crate::fs::read_text(path)?;
            let found = privacy::scan(&text, &names);
            findings += found.len();
            problems.extend(privacy::diagnostics(
                &path.display().to_string(),
                &text,
                &found,
                lang,
            ));
        }
    }
    if !problems.is_empty() {
        return Err(Error::Invalid(problems));
    }
    let t = |nb, en| tr(lang, nb, en);
    let (done, records) = (
        progress.map_or(0, |p| p.done.len()),
        records.unwrap_or_default(),
    );
    output::print(&format!(
        "OK {}, {}: {} {}, {} {}, {} {}; {} {}, {} {}, {} {}, {} {}; {} {findings}\n",
        ws.path(crate::sprint::SPRINT_FILE).display(),
        ws.path(crate::sprint::PROGRESS_FILE).display(),
        ws.sprint.groups.len(),
        t("grupper", "groups"),
        ws.sessions().len(),
        t("økter", "sessions"),
        done,
        t("markert som gjennomført", "marked done"),
        records.interviews.len(),
        t("intervjunotater", "interview notes"),
        records.solutions.len(),
        t("løsninger", "solutions"),
        records.assessments.len(),
        t("ledervurderinger", "leader assessments"),
        records.evaluations.len(),
        t("evalueringsnotater", "evaluation notes"),
        t("personopplysninger funnet:", "personal data found:"),
    ))
}

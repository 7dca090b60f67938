//! `samskap check`: samskap.yaml, progress.yaml and every record checked
//! against the workbook, and every record searched for personal data that
//! must not leave the workspace. Every problem with its place and a hint.

use super::Context;
use crate::diagnostic::Diagnostic;
use crate::error::{Error, Result};
use crate::i18n::tr;
use crate::output;
use crate::privacy::fields;
use crate::records;

/// Files and folders where records are looked for that samskap would not
/// read: a misspelt group folder, a note without the `.md` ending, a
/// `solutions.yml`. Unread means unchecked for personal data, too.
fn misplaced(ws: &crate::sprint::Workspace) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    let groups = ws.path("groups");
    let Ok(entries) = std::fs::read_dir(&groups) else {
        return found;
    };
    for entry in entries.filter_map(std::result::Result::ok) {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if path.is_dir() && ws.sprint.group(&name).is_none() {
            found.push(
                Diagnostic::file(
                    path.display().to_string(),
                    format!("`{name}` is not a group of samskap.yaml, so its records are not read"),
                )
                .with_hint(format!(
                    "rename the folder to a group id ({})",
                    ws.sprint.group_ids().join(", ")
                )),
            );
            continue;
        }
        let Ok(files) = std::fs::read_dir(&path) else {
            continue;
        };
        for file in files.filter_map(std::result::Result::ok) {
            let fpath = file.path();
            let fname = file.file_name().to_string_lossy().into_owned();
            let known = fname == crate::records::solutions::SOLUTIONS_FILE || fname == "interviews";
            if !known && !fname.starts_with('.') {
                found.push(
                    Diagnostic::file(
                        fpath.display().to_string(),
                        "samskap does not read this file",
                    )
                    .with_hint(
                        "a group folder holds `solutions.yaml` and the folder `interviews/`",
                    ),
                );
            }
        }
        if let Ok(notes) = std::fs::read_dir(path.join("interviews")) {
            for note in notes.filter_map(std::result::Result::ok) {
                let npath = note.path();
                let is_md = npath.is_file() && npath.extension().is_some_and(|x| x == "md");
                if !is_md && !note.file_name().to_string_lossy().starts_with('.') {
                    found.push(
                        Diagnostic::file(
                            npath.display().to_string(),
                            "samskap does not read this file as an interview note",
                        )
                        .with_hint(
                            "interview notes are files ending in `.md` directly in `interviews/`",
                        ),
                    );
                }
            }
        }
    }
    found
}

/// The personal data in everything an export may show (samskap.yaml, every
/// record, the workspace's templates, a custom workbook), found by the
/// gate's own detector: what `check` finds is what an export refuses.
/// Records that cannot be read are still searched, without the pseudonyms
/// of families who said no (their consent is in what could not be read).
fn personal_data(
    ws: &crate::sprint::Workspace,
    records: Option<&records::Records>,
    lang: crate::workbook::Lang,
) -> Result<Vec<Diagnostic>> {
    let empty = records::Records::default();
    let detector = fields::detector(ws, records.unwrap_or(&empty))?;
    let found = fields::scan_all(ws, records, &detector, lang)?;
    Ok(found.into_iter().map(|(_, d)| d).collect())
}

/// Runs the command.
pub fn run(cx: &Context) -> Result<()> {
    let ws = cx.workspace()?;
    let lang = ws.lang(cx.lang_arg);
    let mut problems: Vec<Diagnostic> = Vec::new();
    let progress = match ws.progress() {
        Ok(mut p) => {
            problems.append(&mut p.stale);
            Some(p)
        }
        Err(Error::Invalid(mut ds)) => {
            problems.append(&mut ds);
            None
        }
        Err(other) => return Err(other),
    };
    let mut records = match records::read(&ws) {
        Ok(r) => {
            // A consent not yet asked is no error in the file, but the note
            // is left out of everything until it is answered.
            problems.extend(r.pending().cloned());
            Some(r)
        }
        Err(Error::Invalid(mut ds)) => {
            problems.append(&mut ds);
            None
        }
        Err(other) => return Err(other),
    };
    problems.extend(misplaced(&ws));
    for warning in records::vocabulary::unknown_tags(&ws, &records::files(&ws)) {
        crate::say!("{}", warning.render_warning(crate::i18n::ui()));
    }
    let mut sprint = ws.sprint.clone();
    let mut none = records::Records::default();
    problems.extend(fields::too_long(
        &mut sprint,
        records.as_mut().unwrap_or(&mut none),
    ));
    let found = personal_data(&ws, records.as_ref(), lang)?;
    let findings = found.len();
    problems.extend(found);
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

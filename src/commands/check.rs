//! `samskap check`: samskap.yaml, progress.yaml and every record checked
//! against the workbook, and every record searched for personal data that
//! must not leave the workspace. Every problem with its place and a hint.

use super::Context;
use crate::diagnostic::{Diagnostic, Kind};
use crate::error::{Error, Result};
use crate::i18n::{msg, ui};
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
                    msg::check_not_a_group_folder(ui(), &name),
                )
                .with_hint(msg::check_not_a_group_folder_hint(
                    ui(),
                    ws.sprint.group_ids().join(", "),
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
                    Diagnostic::file(fpath.display().to_string(), msg::check_unread_file(ui()))
                        .with_hint(msg::check_unread_file_hint(ui())),
                );
            }
        }
        if let Ok(notes) = std::fs::read_dir(path.join("interviews")) {
            for note in notes.filter_map(std::result::Result::ok) {
                let npath = note.path();
                // The entry's own type: no second look at the disk per note.
                let file = note.file_type().is_ok_and(|t| t.is_file()) || npath.is_file();
                let is_md = file && npath.extension().is_some_and(|x| x == "md");
                if !is_md && !note.file_name().to_string_lossy().starts_with('.') {
                    found.push(
                        Diagnostic::file(npath.display().to_string(), msg::check_unread_note(ui()))
                            .with_hint(msg::check_unread_note_hint(ui())),
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

/// Kept, but worth a look: moves in schedule.yaml that break a rule of the
/// plan (at the entry), a group's sessions off its own weekday and time,
/// and steps marked done after today (at the record).
fn plan_warnings(
    ws: &crate::sprint::Workspace,
    progress: Option<&crate::sprint::progress::Progress>,
    lang: crate::workbook::Lang,
) -> Vec<Diagnostic> {
    let mut found: Vec<Diagnostic> = crate::sprint::schedule::rules::warnings(ws, lang)
        .into_iter()
        .map(|d| d.with_kind(Kind::MoveOffPlan))
        .collect();
    let file = ws.path(crate::sprint::SPRINT_FILE).display().to_string();
    found.extend(
        ws.off_own_slots(lang)
            .into_iter()
            .map(|text| Diagnostic::file(&file, text).with_kind(Kind::OffOwnSlot)),
    );
    let today = chrono::Local::now().date_naive();
    found.extend(
        progress
            .and_then(|p| crate::sprint::progress::in_future(ws, p, today))
            .map(|d| d.with_kind(Kind::FutureDate)),
    );
    found
}

/// Kept, but worth a look: sessions without residents the plan keeps in
/// a break (one moved there is warned about at its schedule.yaml entry).
fn in_breaks(ws: &crate::sprint::Workspace, lang: crate::workbook::Lang) -> Vec<Diagnostic> {
    let by_hand = |s: &crate::plan::Session| matches!(&s.moved, Some(m) if m.reason == crate::plan::Reason::ByHand);
    ws.in_breaks()
        .into_iter()
        .filter(|(s, _)| !by_hand(s))
        .map(|(session, name)| {
            let who = session.group.map(|g| format!(" ({g})")).unwrap_or_default();
            let message = msg::plan_in_break(
                lang,
                format!("{}{who}", session.step),
                session.date.format("%Y-%m-%d"),
                name,
            );
            Diagnostic::file(
                ws.path(crate::sprint::SPRINT_FILE).display().to_string(),
                message,
            )
            .with_kind(Kind::InBreak)
        })
        .collect()
}

/// Runs the command; with `json`, every finding goes to standard output
/// as JSON (the exit code stays that of the plain check).
pub fn run(cx: &Context, json: bool) -> Result<()> {
    json_or_plain(check(cx, json), json)
}

/// With `json`, the problems of `outcome` printed as JSON and the error
/// left as a count (the same exit code); without, `outcome` as it is.
pub fn json_or_plain(outcome: Result<()>, json: bool) -> Result<()> {
    match outcome {
        Err(Error::Invalid(problems)) if json => {
            output::print(&crate::diagnostic::json_report(&problems, &[]))?;
            Err(Error::Findings(problems.len()))
        }
        other => other,
    }
}

fn check(cx: &Context, json: bool) -> Result<()> {
    let ws = cx.workspace()?;
    let lang = ws.lang(cx.lang_arg);
    let mut problems: Vec<Diagnostic> = Vec::new();
    let progress = match ws.progress() {
        Ok(mut p) => {
            problems.extend(p.stale.drain(..).map(|d| d.with_kind(Kind::StaleRecord)));
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
    problems.extend(
        misplaced(&ws)
            .into_iter()
            .map(|d| d.with_kind(Kind::UnreadFile)),
    );
    // Read with the records; again from the files when those cannot be read.
    let unknown = match &records {
        Some(r) => r.unknown_tags().cloned().collect(),
        None => records::vocabulary::unknown_tags(&ws, &records::files(&ws)),
    };
    let mut warnings: Vec<Diagnostic> = unknown
        .into_iter()
        .map(|d| d.with_kind(Kind::UnknownTag))
        .collect();
    let mut sprint = ws.sprint.clone();
    let mut none = records::Records::default();
    problems.extend(fields::too_long(
        &mut sprint,
        records.as_mut().unwrap_or(&mut none),
    ));
    let found = personal_data(&ws, records.as_ref(), lang)?;
    let findings = found.len();
    problems.extend(found.into_iter().map(|d| d.with_kind(Kind::PersonalData)));
    warnings.extend(in_breaks(&ws, lang));
    warnings.extend(plan_warnings(&ws, progress.as_ref(), lang));
    if json {
        output::print(&crate::diagnostic::json_report(&problems, &warnings))?;
        return match problems.len() {
            0 => Ok(()),
            n => Err(Error::Findings(n)),
        };
    }
    for warning in &warnings {
        crate::say!("{}", warning.render_warning(crate::i18n::ui()));
    }
    if !problems.is_empty() {
        return Err(Error::Invalid(problems));
    }
    let (done, records) = (
        progress.map_or(0, |p| p.done.len()),
        records.unwrap_or_default(),
    );
    let line = format!(
        "{}\n",
        msg::check_ok(
            lang,
            ws.path(crate::sprint::SPRINT_FILE).display(),
            ws.path(crate::sprint::PROGRESS_FILE).display(),
            ws.sprint.groups.len(),
            ws.planned().len(),
            done,
            records.interviews.len(),
            records.solutions.len(),
            records.assessments.len(),
            records.evaluations.len(),
            findings,
        )
    );
    // The process ends with this command: freeing thousands of notes one
    // by one would only make it wait.
    std::mem::forget(records);
    output::print(&line)
}

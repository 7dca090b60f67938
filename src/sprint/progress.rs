//! `progress.yaml`: which steps are done, for which group, on which date.
//! Only samskap writes it, under a lock and atomically, so two people (or
//! two processes) marking steps at once lose no update.

use chrono::NaiveDate;
use serde::Deserialize;

use super::config::parse_date;
use super::{PROGRESS_FILE, Workspace};
use crate::diagnostic::{Diagnostic, suggest};
use crate::error::{Error, Result};
use crate::fs::{self, Overwrite};
use crate::i18n::{msg, ui};
use crate::workbook::load::Sources;
use crate::workbook::{At, Runs};

/// The file as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ProgressFile {
    #[serde(default)]
    done: Vec<DoneFile>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DoneFile {
    step: At<String>,
    #[serde(default)]
    group: Option<At<String>>,
    date: At<String>,
}

/// One step marked done (for one group, when the step runs per group).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Done {
    /// When it was marked done.
    pub date: NaiveDate,
    /// The step's id.
    pub step: String,
    /// The group, for steps that run per group.
    pub group: Option<String>,
}

/// Everything marked done so far.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    /// The done steps, sorted by date.
    pub done: Vec<Done>,
    /// Records of groups no longer in samskap.yaml, for `check` to show.
    pub stale: Vec<Diagnostic>,
    /// Each record's date with the line and column it is written at, in
    /// the file's order, for `check` to find dates after today.
    pub dated: Vec<(NaiveDate, u32, u32)>,
}

impl Progress {
    /// The record of `step` (for `group`), if it is done.
    pub fn find(&self, step: &str, group: Option<&str>) -> Option<&Done> {
        self.done
            .iter()
            .find(|d| d.step == step && d.group.as_deref() == group)
    }

    /// The file's text: a header in `lang` (the sprint's), then one entry
    /// per done step.
    pub fn render(&self, lang: crate::workbook::Lang) -> String {
        let mut out = format!("{}\n", crate::i18n::msg::header_progress(lang));
        if self.done.is_empty() {
            out.push_str("done: []\n");
            return out;
        }
        out.push_str("done:\n");
        for d in &self.done {
            // Step and group ids are checked slugs, dates ISO: no quoting needed.
            out.push_str(&format!("  - step: {}\n", d.step));
            if let Some(group) = &d.group {
                out.push_str(&format!("    group: {group}\n"));
            }
            out.push_str(&format!("    date: {}\n", d.date.format("%Y-%m-%d")));
        }
        out
    }
}

/// Reads `progress.yaml` and checks it against the workbook and sprint.
pub fn read(ws: &Workspace) -> Result<Progress> {
    let path = ws.path(PROGRESS_FILE);
    if !path.exists() {
        return Ok(Progress::default());
    }
    let display = path.display().to_string();
    let text = fs::read_text(&path)?;
    let mut sources = Sources::default();
    let id = sources.add(display.clone(), text);
    let file: ProgressFile = crate::yaml::parse_or_empty(&display, sources.text(id), id)
        .map_err(|d| Error::Invalid(vec![d]))?;
    check(ws, file, &sources).map_err(Error::Invalid)
}

fn check(
    ws: &Workspace,
    file: ProgressFile,
    sources: &Sources,
) -> Result<Progress, Vec<Diagnostic>> {
    let mut problems = Vec::new();
    let mut stale = Vec::new();
    let mut done = Vec::new();
    let mut dated = Vec::new();
    for entry in file.done {
        let mut problem = |loc, message: String, hint: String| {
            problems.push(sources.diagnostic(loc, message).with_hint(hint));
        };
        let date = parse_date(&entry.date);
        let start = ws.sprint.start;
        let day = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
        match date {
            None => problem(
                entry.date.loc,
                crate::sprint::config::not_a_date(&entry.date),
                msg::not_a_date_hint(ui()).to_owned(),
            ),
            // As `done --date` refuses it: no session was held before the start.
            Some(d) if d < start => problem(
                entry.date.loc,
                msg::done_before_start(ui(), day(d), day(start)),
                msg::progress_date_hint(ui(), day(start)),
            ),
            Some(d) => dated.push((d, entry.date.loc.line, entry.date.loc.col)),
        }
        let Some((_, step)) = ws.workbook.step(&entry.step) else {
            let ids = ws.workbook.steps().map(|(_, s)| s.id.as_str());
            let hint = suggest(&entry.step, ids).map_or_else(
                || msg::progress_unknown_step_hint(ui()).to_owned(),
                |best| msg::did_you_mean(ui(), best),
            );
            problem(entry.step.loc, msg::unknown_step(ui(), &*entry.step), hint);
            continue;
        };
        match (&entry.group, step.runs) {
            // A group removed from samskap.yaml leaves its records here. They
            // are kept (nothing is lost) and `check` shows how to remove them;
            // suggesting another group would mark the wrong group done.
            (Some(group), _) if ws.sprint.group(group).is_none() => {
                stale.push(
                    sources
                        .diagnostic(group.loc, msg::progress_stale_group(ui(), &**group))
                        .with_hint(msg::progress_stale_group_hint(ui(), &*entry.step, &**group)),
                );
            }
            (Some(group), Runs::Once) => problem(
                group.loc,
                msg::progress_once_with_group(ui(), &step.id),
                msg::progress_once_with_group_hint(ui()).to_owned(),
            ),
            (None, Runs::PerGroup) => problem(
                entry.step.loc,
                msg::progress_per_group_without_group(ui(), &step.id),
                msg::progress_per_group_without_group_hint(ui()).to_owned(),
            ),
            _ => {}
        }
        if let Some(date) = date {
            done.push(Done {
                date,
                step: entry.step.value,
                group: entry.group.map(|g| g.value),
            });
        }
    }
    if problems.is_empty() {
        done.sort();
        Ok(Progress { done, stale, dated })
    } else {
        problems.append(&mut stale);
        problems.sort_by_key(|d| (d.line, d.col));
        Err(problems)
    }
}

/// The records dated after `today` (edited by hand: `done` refuses such
/// dates), as one warning at the first of them, for `check`.
pub fn in_future(ws: &Workspace, progress: &Progress, today: NaiveDate) -> Option<Diagnostic> {
    let mut later = progress.dated.iter().filter(|(d, ..)| *d > today);
    let &(date, line, col) = later.next()?;
    let n = 1 + later.count();
    let path = ws.path(PROGRESS_FILE);
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let day = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
    let message = msg::progress_in_future(ui(), n, day(date), day(today));
    let hint = msg::progress_date_hint(ui(), day(ws.sprint.start));
    Some(Diagnostic::at(path.display().to_string(), &text, line, col, message).with_hint(hint))
}

/// Reads progress under the workspace's lock, lets `change` edit it, and
/// writes it back atomically if it changed. Returns what `change` returned.
pub fn update<T>(ws: &Workspace, change: impl FnOnce(&mut Progress) -> T) -> Result<T> {
    super::locked(ws, || {
        let mut progress = read(ws)?;
        let before = progress.clone();
        let outcome = change(&mut progress);
        if progress != before {
            progress.done.sort();
            fs::write(
                &ws.path(PROGRESS_FILE),
                progress.render(ws.lang(None)).as_bytes(),
                Overwrite::Allowed,
            )?;
        }
        Ok(outcome)
    })
}

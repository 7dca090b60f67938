//! `samskap done STEP [--group G] [--undo] [--date D] [--today T]`: records
//! progress in progress.yaml, under a lock. A step is marked done on a day
//! from the sprint's start to today: a session cannot be held before the
//! sprint begins, nor in the future.

use chrono::{Local, NaiveDate};

use super::Context;
use crate::diagnostic::suggest;
use crate::error::{Error, Result};
use crate::i18n::{msg, ui};
use crate::sprint::progress;
use crate::sprint::{Done, Workspace};
use crate::workbook::{Runs, Step};

/// Runs the command.
pub fn run(
    cx: &Context,
    step: &str,
    group: Option<&str>,
    undo: bool,
    date: Option<NaiveDate>,
    today: Option<NaiveDate>,
) -> Result<()> {
    let ws = cx.workspace()?;
    let lang = ws.lang(cx.lang_arg);
    let (_, found) = find_step(&ws, step)?;
    // A record of a group since removed from samskap.yaml can still be undone.
    let stale_record = undo && ws.progress()?.find(step, group).is_some();
    if !stale_record {
        check_group(&ws, found, group)?;
    }
    let today = today.unwrap_or_else(|| Local::now().date_naive());
    let date = date.unwrap_or(today);
    let title = found.title.get(lang);
    let who = group.map(|g| format!(" ({g})")).unwrap_or_default();
    let change = if undo {
        Change::Undo
    } else {
        Change::Done(HeldOn::new(&ws, date, today)?)
    };
    let message = mark(&ws, step, group, change)?;
    let text = match message {
        Marked::Done => msg::done_marked(lang, title, &who, date.format("%Y-%m-%d")),
        Marked::AlreadyDone(on) => msg::done_already(lang, title, &who, on.format("%Y-%m-%d")),
        Marked::Undone => msg::done_undone(lang, title, &who),
        Marked::WasNotDone => msg::done_was_not_done(lang, title, &who),
    };
    crate::say!("{text}");
    Ok(())
}

/// What `done` did.
pub enum Marked {
    /// Recorded now.
    Done,
    /// It was recorded before, on this date.
    AlreadyDone(NaiveDate),
    /// The record was removed.
    Undone,
    /// There was no record to remove.
    WasNotDone,
}

/// A day a session can have been held on: from the sprint's start to today.
/// Made only by [`HeldOn::new`], so no record gets a date outside it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HeldOn(NaiveDate);

impl HeldOn {
    /// `date`, if a session of the sprint can have been held then.
    pub fn new(ws: &Workspace, date: NaiveDate, today: NaiveDate) -> Result<HeldOn> {
        let day = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
        if date > today {
            return Err(Error::usage(
                msg::done_in_future(ui(), day(date), day(today)),
                msg::done_in_future_hint(ui()),
            ));
        }
        let start = ws.sprint.start;
        if date < start {
            return Err(Error::usage(
                msg::done_before_start(ui(), day(date), day(start)),
                msg::done_before_start_hint(ui()),
            ));
        }
        Ok(HeldOn(date))
    }

    /// The day.
    pub fn date(self) -> NaiveDate {
        self.0
    }
}

/// What to record.
#[derive(Clone, Copy, Debug)]
pub enum Change {
    /// The step was held on this day.
    Done(HeldOn),
    /// Take the record back.
    Undo,
}

/// Records (or with [`Change::Undo`], removes) a step as done, under the lock.
pub fn mark(ws: &Workspace, step: &str, group: Option<&str>, change: Change) -> Result<Marked> {
    progress::update(ws, |p| {
        let existing = p
            .done
            .iter()
            .position(|d| d.step == step && d.group.as_deref() == group);
        match (existing, change) {
            (Some(i), Change::Undo) => {
                p.done.remove(i);
                Marked::Undone
            }
            (None, Change::Undo) => Marked::WasNotDone,
            (Some(i), Change::Done(_)) => Marked::AlreadyDone(p.done[i].date),
            (None, Change::Done(held)) => {
                p.done.push(Done {
                    date: held.date(),
                    step: step.to_owned(),
                    group: group.map(str::to_owned),
                });
                Marked::Done
            }
        }
    })
}

/// The step with this id, or a usage error that suggests the closest.
pub fn find_step<'a>(
    ws: &'a Workspace,
    id: &str,
) -> Result<(&'a crate::workbook::Phase, &'a Step)> {
    ws.workbook.step(id).ok_or_else(|| {
        let ids = ws.workbook.steps().map(|(_, s)| s.id.as_str());
        let hint = suggest(id, ids).map_or_else(
            || msg::unknown_step_hint(ui()).to_owned(),
            |best| msg::did_you_mean(ui(), best),
        );
        Error::usage(msg::unknown_step(ui(), id), hint)
    })
}

/// A per-group step needs a known group; a step for everyone takes none.
pub fn check_group(ws: &Workspace, step: &Step, group: Option<&str>) -> Result<()> {
    let groups = ws.sprint.group_ids().join(", ");
    match (step.runs, group) {
        (Runs::PerGroup, None) => Err(Error::usage(
            msg::step_needs_group(ui(), &step.id),
            msg::step_needs_group_hint(ui(), groups),
        )),
        (Runs::Once, Some(_)) => Err(Error::usage(
            msg::step_for_everyone(ui(), &step.id),
            msg::step_for_everyone_hint(ui()),
        )),
        (Runs::PerGroup, Some(g)) => ws.sprint.require_group(g).map(drop),
        _ => Ok(()),
    }
}

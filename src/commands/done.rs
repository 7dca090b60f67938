//! `samskap done STEP [--group G] [--undo] [--date D] [--today T]`: records
//! progress in progress.yaml, under a lock. A step is marked done on a day
//! from the sprint's start to today: a session cannot be held before the
//! sprint begins, nor in the future.

use chrono::{Local, NaiveDate};

use super::Context;
use crate::diagnostic::suggest;
use crate::error::{Error, Result};
use crate::i18n::tr;
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
    let t = |nb, en| tr(lang, nb, en);
    let text = match message {
        Marked::Done => format!(
            "{} «{title}»{who} {} {}.",
            t("Markerte", "Marked"),
            t("som gjennomført", "as done on"),
            date.format("%Y-%m-%d")
        ),
        Marked::AlreadyDone(on) => format!(
            "«{title}»{who} {} {}.",
            t(
                "var allerede markert som gjennomført",
                "was already marked done on"
            ),
            on.format("%Y-%m-%d")
        ),
        Marked::Undone => format!(
            "«{title}»{who} {}.",
            t(
                "er ikke lenger markert som gjennomført",
                "is no longer marked done"
            )
        ),
        Marked::WasNotDone => format!(
            "«{title}»{who} {}.",
            t(
                "var ikke markert som gjennomført; ingenting er endret",
                "was not marked done; nothing changed"
            )
        ),
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
                format!(
                    "{} is in the future (today is {}): a step is marked done once it has been held",
                    day(date),
                    day(today)
                ),
                "mark it done after the session, or give the day it was held with --date YYYY-MM-DD; to change when it is planned, use `samskap move`",
            ));
        }
        let start = ws.sprint.start;
        if date < start {
            return Err(Error::usage(
                format!(
                    "{} is before the sprint starts ({}, `start:` in samskap.yaml): no session of the sprint was held then",
                    day(date),
                    day(start)
                ),
                "give the day the session was held with --date YYYY-MM-DD; if the sprint really began earlier, change `start:` in samskap.yaml",
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
            || "`samskap status` and `samskap workbook list` show the step ids".to_owned(),
            |best| format!("did you mean `{best}`?"),
        );
        Error::usage(format!("the workbook has no step `{id}`"), hint)
    })
}

/// A per-group step needs a known group; a step for everyone takes none.
pub fn check_group(ws: &Workspace, step: &Step, group: Option<&str>) -> Result<()> {
    let groups = ws.sprint.group_ids().join(", ");
    match (step.runs, group) {
        (Runs::PerGroup, None) => Err(Error::usage(
            format!("the step `{}` is held in each group: say which", step.id),
            format!("add --group with one of: {groups}"),
        )),
        (Runs::Once, Some(_)) => Err(Error::usage(
            format!(
                "the step `{}` is held once for everyone, not per group",
                step.id
            ),
            "leave out --group",
        )),
        (Runs::PerGroup, Some(g)) => ws.sprint.require_group(g).map(drop),
        _ => Ok(()),
    }
}

//! `samskap move STEP [--group G] --date D [--time HH:MM] [--place P]` and
//! `samskap move STEP [--group G] --reset`: moves a session in
//! `schedule.yaml`, under the workspace lock, refusing a day or time the
//! session cannot be held on unless --force.

use chrono::{NaiveDate, NaiveTime};

use super::Context;
use super::done::{check_group, find_step};
use crate::error::{Error, Result};
use crate::plan::Session;
use crate::sprint::Workspace;
use crate::sprint::schedule::{self, Move, rules};
use crate::workbook::Lang;

/// Where to move a session, as given on the command line.
#[derive(Clone, Debug)]
pub enum Target {
    /// To this day, and time and place when given.
    To {
        /// The day.
        date: NaiveDate,
        /// The start time; the planned one when not given.
        time: Option<NaiveTime>,
        /// The place; the planned one when not given.
        place: Option<String>,
    },
    /// Back where the plan puts it.
    Reset,
}

/// Runs the command.
pub fn run(
    cx: &Context,
    step: &str,
    group: Option<&str>,
    target: Target,
    force: bool,
) -> Result<()> {
    let ws = cx.workspace()?;
    let lang = ws.lang(cx.lang_arg);
    let (_, found) = find_step(&ws, step)?;
    check_group(&ws, found, group)?;
    let step = found.id.as_str();
    let title = found.title.get(lang).to_owned();
    let who = group.map(|g| format!(" ({g})")).unwrap_or_default();
    let outcome = schedule::update(&ws, step, group, |planned, current| {
        let mv = match &target {
            Target::Reset => return Ok(None),
            Target::To { date, time, place } => Move {
                step: step.to_owned(),
                group: group.map(str::to_owned),
                date: *date,
                time: *time,
                // Moved again: the place agreed in the earlier move stays
                // unless a new one is given.
                place: place
                    .clone()
                    .or_else(|| current.find(step, group).and_then(|m| m.place.clone())),
            },
        };
        schedule::check_move(&ws, planned, &mv)?;
        // Moved to where the plan puts it: no move to keep.
        let in_plan = planned
            .iter()
            .find(|s| mv.is_of(&s.step, s.group.as_deref()));
        if in_plan.is_some_and(|s| mv.is_plan_of(s)) {
            return Ok(None);
        }
        if !force {
            refuse_if_not_possible(&ws, planned, current, &mv, lang)?;
        }
        Ok(Some(mv))
    })?;
    let text = match (&target, outcome) {
        (Target::Reset, schedule::Outcome { before: None, .. }) => {
            crate::i18n::msg::move_step_was_not_moved(lang, &title, &who)
        }
        (Target::Reset, _) => crate::i18n::msg::move_step_held_where_planned(lang, &title, &who),
        (Target::To { .. }, schedule::Outcome { session, anew, .. }) => {
            let mut text = match session {
                Some(s) => crate::i18n::msg::move_step_moved_to(lang, &title, &who, when(&s, lang)),
                None => crate::i18n::msg::move_step_moved(lang, &title, &who),
            };
            if anew {
                text.push_str(&format!(
                    "\n{}",
                    crate::i18n::msg::move_step_schedule_yaml_was_not_laid(lang)
                ));
            }
            text
        }
    };
    crate::say!("{text}");
    crate::say!(
        "{}",
        crate::i18n::msg::move_step_make_the_calendar_again_and(lang)
    );
    Ok(())
}

/// When and where a session is held, in words.
fn when(s: &Session, lang: Lang) -> String {
    let mut text = format!(
        "{} {}–{}",
        crate::plan::long_date(s.date, lang),
        s.start.format("%H:%M"),
        s.end.format("%H:%M")
    );
    if let Some(place) = &s.place {
        text.push_str(&format!(", {place}"));
    }
    text
}

/// Refuses a move onto a day or time the session cannot be held on, with
/// every reason.
fn refuse_if_not_possible(
    ws: &Workspace,
    planned: &[Session],
    current: &schedule::Schedule,
    mv: &Move,
    lang: Lang,
) -> Result<()> {
    let mut sessions = planned.to_vec();
    let mut others = current.clone();
    others.set(mv.clone());
    others.apply(&mut sessions);
    let Some(moved) = sessions
        .iter()
        .find(|s| mv.is_of(&s.step, s.group.as_deref()))
    else {
        return Ok(());
    };
    let title = rules::titles(ws, lang);
    let found = rules::problems(moved, &sessions, &ws.settings, &title, lang);
    if found.is_empty() {
        return Ok(());
    }
    Err(Error::usage(
        format!(
            "{}:\n  - {}",
            crate::i18n::msg::move_step_the_session_cannot_be_moved(lang),
            found.join("\n  - ")
        ),
        crate::i18n::msg::move_step_choose_another_day_or_time(lang),
    ))
}

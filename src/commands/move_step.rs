//! `samskap move STEP [--group G] --date D [--time HH:MM] [--place P]` and
//! `samskap move STEP [--group G] --reset`: moves a session in
//! `schedule.yaml`, under the workspace lock, refusing a day or time the
//! session cannot be held on unless --force.

use chrono::{NaiveDate, NaiveTime};

use super::Context;
use super::done::{check_group, find_step};
use crate::error::{Error, Result};
use crate::i18n::tr;
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
    let t = |nb, en| tr(lang, nb, en);
    let outcome = schedule::update(&ws, step, group, |planned, current| {
        let mv = match &target {
            Target::Reset => return Ok(None),
            Target::To { date, time, place } => Move {
                step: step.to_owned(),
                group: group.map(str::to_owned),
                date: *date,
                time: *time,
                place: place.clone(),
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
        (Target::Reset, schedule::Outcome { before: None, .. }) => format!(
            "«{title}»{who} {}.",
            t(
                "var ikke flyttet; ingenting er endret",
                "was not moved; nothing changed"
            )
        ),
        (Target::Reset, _) => format!(
            "«{title}»{who} {}.",
            t(
                "holdes igjen der planen legger den",
                "is held where the plan puts it again"
            )
        ),
        (Target::To { .. }, schedule::Outcome { session, anew, .. }) => {
            let mut text = match session {
                Some(s) => format!(
                    "{} «{title}»{who} {} {}.",
                    t("Flyttet", "Moved"),
                    t("til", "to"),
                    when(&s, lang)
                ),
                None => format!("{} «{title}»{who}.", t("Flyttet", "Moved")),
            };
            if anew {
                text.push_str(&format!(
                    "\n{}",
                    t(
                        "schedule.yaml var ikke skrevet slik samskap skriver den, og er skrevet på nytt: kommentarer i den er borte.",
                        "schedule.yaml was not laid out as samskap writes it and was written anew: comments in it are gone."
                    )
                ));
            }
            text
        }
    };
    crate::say!("{text}");
    crate::say!(
        "{}",
        t(
            "Lag kalenderen på nytt og send den ut, så oppdateres avtalen hos alle: samskap calendar -o sprint.ics",
            "Make the calendar again and send it out, so the event updates for everyone: samskap calendar -o sprint.ics"
        )
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
    let title = |s: &Session| {
        let step = ws
            .workbook
            .step(&s.step)
            .map_or(s.step.clone(), |(_, st)| st.title.get(lang).to_owned());
        match &s.group {
            Some(g) => format!("{step}, {g}"),
            None => step,
        }
    };
    let found = rules::problems(moved, &sessions, &title, lang);
    if found.is_empty() {
        return Ok(());
    }
    Err(Error::usage(
        format!(
            "{}:\n  - {}",
            tr(
                lang,
                "økta kan ikke flyttes dit",
                "the session cannot be moved there"
            ),
            found.join("\n  - ")
        ),
        tr(
            lang,
            "velg en annen dag eller tid; eller legg til --force for å flytte den likevel",
            "choose another day or time; or add --force to move it all the same",
        ),
    ))
}

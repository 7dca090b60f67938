//! `samskap calendar [--group G] [-o FILE]`: every session as iCalendar,
//! events that update when the plan changes and cancellations for sessions
//! that no longer exist (see `sprint::sent`).

use std::collections::HashMap;
use std::path::Path;

use chrono::{DateTime, Utc};

use super::Context;
use crate::error::Result;
use crate::output;
use crate::plan::Session;
use crate::render::ics::{self, Event};
use crate::sprint::Workspace;
use crate::sprint::sent::{self, Shown};
use crate::workbook::Lang;

/// The time the file is made, or SOURCE_DATE_EPOCH when set, so that a
/// build can be repeated byte for byte.
fn stamp() -> DateTime<Utc> {
    std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .and_then(|secs| DateTime::from_timestamp(secs, 0))
        .unwrap_or_else(Utc::now)
}

/// Runs the command.
pub fn run(
    cx: &Context,
    group: Option<&str>,
    output_path: Option<&Path>,
    force: bool,
) -> Result<()> {
    let (ws, _, guard) = super::export_inputs(cx, false)?;
    let text = ics_text(&ws, group, guard.lang)?;
    let bytes = guard.leave(
        "calendar",
        crate::privacy::view::Reader::Calendar,
        text.into_bytes(),
    )?;
    output::deliver(&bytes, output_path, force)
}

/// The sprint's calendar, or one group's (its sessions and those for
/// everyone); shared with `build`. Updates `calendar-sent.yaml`.
pub fn ics_text(ws: &Workspace, group: Option<&str>, lang: Lang) -> Result<String> {
    let sessions = ws.sessions();
    let plan: Vec<Shown> = sessions.iter().map(|s| shown(ws, s, lang)).collect();
    let record = sent::update(ws, plan, stamp())?;
    if let Some(g) = group {
        // A group removed from samskap.yaml still gets its cancellations.
        if !record.has_group(g) {
            ws.sprint.require_group(g)?;
        }
    }
    let by_uid: HashMap<String, &Session> = sessions
        .iter()
        .map(|s| (ics::uid(&ws.sprint.calendar_id(), s), s))
        .collect();
    let events: Vec<Event> = record
        .events
        .into_iter()
        .filter(|e| group.is_none() || e.shown.group.is_none() || e.shown.group.as_deref() == group)
        .map(|sent| {
            let session = by_uid.get(&sent.shown.uid).filter(|_| !sent.cancelled);
            let description = match session {
                Some(session) => describe(ws, session, lang),
                None => cancelled(lang),
            };
            let tentative = !sent.cancelled && sent.shown.tentative;
            Event {
                sent,
                description,
                tentative,
            }
        })
        .collect();
    let name = match group.and_then(|g| ws.sprint.group(g)) {
        Some(g) => format!("{} – {}", ws.sprint.name, g.name),
        None => ws.sprint.name.clone(),
    };
    Ok(ics::calendar(&name, &events, lang))
}

/// What a calendar shows of a session.
fn shown(ws: &Workspace, session: &Session, lang: Lang) -> Shown {
    let title = ws
        .workbook
        .step(&session.step)
        .map_or(session.step.as_str(), |(_, step)| step.title.get(lang));
    let group = session.group.as_deref().and_then(|g| ws.sprint.group(g));
    Shown {
        uid: ics::uid(&ws.sprint.calendar_id(), session),
        step: session.step.clone(),
        group: session.group.clone(),
        date: session.date,
        start: session.start,
        end: session.end,
        title: match group {
            Some(g) => format!("{title} – {}", g.name),
            None => title.to_owned(),
        },
        place: session.place.clone(),
        tentative: session.unbooked(),
    }
}

/// What the session is: its purpose, phase, agenda with clock times, and
/// where the full agenda is. Never a command line: the people who get the
/// invitation do not run samskap.
fn describe(ws: &Workspace, session: &Session, lang: Lang) -> String {
    let Some((phase, step)) = ws.workbook.step(&session.step) else {
        return String::new();
    };
    let mut text = String::new();
    // An unbooked appointment: say first that its time is a proposal.
    if let Some(window) = session.appointment.filter(|a| !a.booked) {
        text.push_str(&crate::i18n::msg::calendar_proposal(
            lang,
            crate::plan::long_date(window.from, lang),
            crate::plan::long_date(window.by, lang),
        ));
        text.push_str("\n\n");
    }
    text.push_str(&format!(
        "{}: {}\n",
        crate::i18n::msg::calendar_purpose(lang),
        step.purpose.get(lang)
    ));
    text.push_str(&format!(
        "{}: {}",
        crate::i18n::msg::calendar_phase(lang),
        phase.title.get(lang)
    ));
    if let Some(group) = session.group.as_deref().and_then(|g| ws.sprint.group(g)) {
        text.push_str(&format!(
            "\n{}: {}",
            crate::i18n::msg::calendar_work_group(lang),
            group.name
        ));
    }
    text.push('\n');
    let mut at = session.start;
    for block in &step.agenda {
        let end = at + chrono::TimeDelta::minutes(i64::from(*block.minutes));
        // An untimed block has no clock time of its own.
        if *block.minutes == 0 {
            text.push_str(&format!("\n· {}", block.title.get(lang)));
        } else {
            text.push_str(&format!(
                "\n{}–{} {}",
                at.format("%H:%M"),
                end.format("%H:%M"),
                block.title.get(lang)
            ));
        }
        at = end;
    }
    if let Some(moved) = &session.moved {
        text.push_str("\n\n");
        text.push_str(&crate::i18n::msg::calendar_moved_from(
            lang,
            crate::plan::long_date(moved.from, lang),
            moved.why(lang),
        ));
    }
    text.push_str("\n\n");
    text.push_str(&crate::i18n::msg::calendar_full_agenda(
        lang,
        crate::dashboard::pages::agenda_page(session),
        &ws.sprint.name,
    ));
    text
}

fn cancelled(lang: Lang) -> String {
    crate::i18n::msg::calendar_cancelled_the_session_is_no(lang).to_owned()
}

//! `samskap calendar [-o FILE]`: every session as iCalendar.

use std::path::Path;

use chrono::{DateTime, Utc};

use super::Context;
use crate::error::Result;
use crate::i18n::tr;
use crate::output;
use crate::render::ics::{self, Event};

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
pub fn run(cx: &Context, output_path: Option<&Path>, force: bool) -> Result<()> {
    let (ws, _, guard) = super::export_inputs(cx, false)?;
    let text = ics_text(&ws, guard.lang)?;
    let bytes = guard.leave(
        "calendar",
        crate::privacy::view::Reader::Calendar,
        text.into_bytes(),
    )?;
    output::deliver(&bytes, output_path, force)
}

/// The sprint's calendar; shared with `build`.
pub fn ics_text(ws: &crate::sprint::Workspace, lang: crate::workbook::Lang) -> Result<String> {
    let events: Vec<Event> = ws
        .sessions()
        .into_iter()
        .filter_map(|session| {
            let (_, step) = ws.workbook.step(&session.step)?;
            let group = session.group.as_deref().and_then(|g| ws.sprint.group(g));
            let summary = match group {
                Some(g) => format!("{} – {}", step.title.get(lang), g.name),
                None => step.title.get(lang).to_owned(),
            };
            let mut description = format!(
                "{}: {}\n",
                tr(lang, "Formål", "Purpose"),
                step.purpose.get(lang)
            );
            let mut at = session.start;
            for block in &step.agenda {
                let end = at + chrono::TimeDelta::minutes(i64::from(*block.minutes));
                description.push_str(&format!(
                    "\n{}–{} {}",
                    at.format("%H:%M"),
                    end.format("%H:%M"),
                    block.title.get(lang)
                ));
                at = end;
            }
            if let Some(moved) = &session.moved {
                description.push_str(&format!(
                    "\n\n{} {} ({}).",
                    tr(lang, "Flyttet fra", "Moved from"),
                    crate::plan::long_date(moved.from, lang),
                    moved.why(lang)
                ));
            }
            description.push_str(&format!("\n\nsamskap agenda {}", step.id));
            // Redacted values become their markers before lines are folded.
            let unmark = |text: &str| crate::privacy::unmark(text, lang).into_owned();
            Some(Event {
                location: session.place.as_deref().map(unmark),
                session,
                summary: unmark(&summary),
                description: unmark(&description),
            })
        })
        .collect();
    Ok(ics::calendar(
        &crate::privacy::unmark(&ws.sprint.name, lang),
        &ws.sprint.calendar_id(),
        &events,
        stamp(),
    ))
}

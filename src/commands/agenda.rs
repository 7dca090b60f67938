//! `samskap agenda [STEP] [--group G] [--week N] [--participant]`.

use super::Context;
use super::done::{check_group, find_step};
use crate::cli::OutputArgs;
use crate::error::{Error, Result};
use crate::i18n::ui;
use crate::plan::Session;
use crate::render::context;
use crate::sprint::Workspace;

/// Runs the command.
pub fn run(
    cx: &Context,
    step: Option<&str>,
    group: Option<&str>,
    week: Option<u32>,
    participant: bool,
    out: &OutputArgs,
) -> Result<()> {
    let (ws, _, guard) = super::export_inputs(cx, out.redact)?;
    let lang = guard.lang;
    if let Some(g) = group {
        ws.sprint.require_group(g)?;
    }
    let (sessions, title) = select(&ws, step, group, week, lang)?;
    if sessions.is_empty() {
        return Err(Error::usage(
            crate::i18n::msg::agenda_no_session(ui()),
            crate::i18n::msg::agenda_no_session_hint(ui()),
        ));
    }
    let doc = context::agenda(&ws, &sessions, title, participant, lang);
    super::deliver_document(
        &ws,
        "agenda.md",
        "agenda",
        (&doc, &doc.title),
        out,
        lang,
        &guard,
    )
}

fn select(
    ws: &Workspace,
    step: Option<&str>,
    group: Option<&str>,
    week: Option<u32>,
    lang: crate::workbook::Lang,
) -> Result<(Vec<Session>, String)> {
    let for_group =
        |s: &Session| group.is_none() || s.group.is_none() || s.group.as_deref() == group;
    if let Some(week) = week {
        let sessions: Vec<Session> = ws
            .sessions()
            .into_iter()
            .filter(|s| s.week == week && for_group(s))
            .collect();
        return Ok((
            sessions,
            format!("{} {week}", crate::i18n::msg::context_agenda_for_week(lang)),
        ));
    }
    let sessions = match step {
        Some(id) => {
            let (_, found) = find_step(ws, id)?;
            if group.is_some() {
                check_group(ws, found, group)?;
            }
            ws.sessions()
                .into_iter()
                .filter(|s| s.step == id && for_group(s))
                .collect()
        }
        None => {
            let progress = ws.progress()?;
            super::next::next_sessions(ws, &progress)
                .into_iter()
                .filter(|s| for_group(s))
                .collect::<Vec<_>>()
        }
    };
    let title = sessions
        .first()
        .and_then(|s| ws.workbook.step(&s.step))
        .map(|(_, st)| {
            format!(
                "{}: {}",
                crate::i18n::msg::context_agenda(lang),
                st.title.get(lang)
            )
        })
        .unwrap_or_default();
    Ok((sessions, title))
}

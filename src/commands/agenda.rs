//! `samskap agenda [STEP] [--group G] [--week N | --process-week N] [--participant]`.

use chrono::Datelike;

use super::Context;
use super::done::{check_group, find_step};
use crate::cli::OutputArgs;
use crate::error::{Error, Result};
use crate::i18n::ui;
use crate::plan::Session;
use crate::render::context;
use crate::sprint::Workspace;

/// Which week `--week` or `--process-week` asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WeekChoice {
    /// The ISO calendar week ("uke 8"), as calendars number it.
    Calendar(u32),
    /// The process's own week, as `samskap status` numbers it ("prosessuke 8").
    Process(u32),
}

/// Runs the command.
pub fn run(
    cx: &Context,
    step: Option<&str>,
    group: Option<&str>,
    week: Option<WeekChoice>,
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

/// The week of `session` in words, the calendar week first:
/// "uke 9 · sprintuke 2".
pub fn week_words(ws: &Workspace, session: &Session, lang: crate::workbook::Lang) -> String {
    let sprint = ws
        .workbook
        .phases
        .iter()
        .any(|p| p.id.as_str() == session.phase && p.sprint);
    crate::plan::weeks::session_week(session, sprint, lang)
}

fn select(
    ws: &Workspace,
    step: Option<&str>,
    group: Option<&str>,
    week: Option<WeekChoice>,
    lang: crate::workbook::Lang,
) -> Result<(Vec<Session>, String)> {
    let for_group =
        |s: &Session| group.is_none() || s.group.is_none() || s.group.as_deref() == group;
    if let Some(week) = week {
        let all = ws.sessions();
        // A calendar week number comes back every year: the first year
        // the sprint holds it.
        let year = all
            .iter()
            .find(|s| week == WeekChoice::Calendar(s.date.iso_week().week()))
            .map(|s| s.date.iso_week().year());
        let chosen = |s: &Session| match week {
            WeekChoice::Calendar(_) => {
                Some(s.date.iso_week().year()) == year
                    && week == WeekChoice::Calendar(s.date.iso_week().week())
            }
            WeekChoice::Process(n) => s.week == n,
        };
        let sessions: Vec<Session> = all
            .into_iter()
            .filter(|s| chosen(s) && for_group(s))
            .collect();
        let title = match sessions.first() {
            Some(first) => crate::i18n::msg::agenda_for(lang, week_words(ws, first, lang)),
            None => String::new(),
        };
        return Ok((sessions, title));
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

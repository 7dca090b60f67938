//! `samskap next [--today DATE]`: the first step not yet done, in full, with
//! clock times, and the commands that go with it.

use chrono::{Local, NaiveDate};

use super::Context;
use crate::error::Result;
use crate::output;
use crate::plan::{Session, long_date};
use crate::sprint::{Progress, Workspace};
use crate::workbook::describe;

/// The sessions of the next step not done: the earliest open session and
/// every open session of the same step on the same day (its other groups).
pub fn next_sessions(ws: &Workspace, progress: &Progress) -> Vec<Session> {
    let open: Vec<Session> = ws
        .sessions()
        .into_iter()
        .filter(|s| progress.find(&s.step, s.group.as_deref()).is_none())
        .collect();
    let Some(first) = open.first().cloned() else {
        return Vec::new();
    };
    open.into_iter()
        .filter(|s| s.step == first.step && s.date == first.date)
        .collect()
}

/// Runs the command.
pub fn run(cx: &Context, today: Option<NaiveDate>) -> Result<()> {
    let ws = cx.workspace()?;
    let progress = ws.progress()?;
    let lang = ws.lang(cx.lang_arg);
    let today = today.unwrap_or_else(|| Local::now().date_naive());
    let sessions = next_sessions(&ws, &progress);
    output::print(&render(&ws, &sessions, today, lang))
}

/// The next step as text; shared with `guide`.
pub fn render(
    ws: &Workspace,
    sessions: &[Session],
    today: NaiveDate,
    lang: crate::workbook::Lang,
) -> String {
    let Some(first) = sessions.first() else {
        return format!("{}\n", crate::i18n::msg::next_every_step_is_done_well(lang));
    };
    let Some((phase, step)) = ws.workbook.step(&first.step) else {
        return String::new();
    };
    let mut out = String::new();
    let when = format!(
        "{}, {}–{}",
        long_date(first.date, lang),
        first.start.format("%H:%M"),
        first.end.format("%H:%M")
    );
    let late = if first.date < today {
        crate::i18n::msg::next_overdue(lang)
    } else {
        ""
    };
    out.push_str(&format!(
        "{}: {when}{late}\n",
        crate::i18n::msg::report_next_step(lang)
    ));
    if let Some(moved) = &first.moved {
        out.push_str(&crate::i18n::msg::context_moved_from(
            lang,
            long_date(moved.from, lang),
            moved.why(lang),
        ));
        out.push('\n');
    }
    if let Some(place) = &first.place {
        out.push_str(&format!(
            "{}: {place}\n",
            crate::i18n::msg::context_place(lang)
        ));
    }
    let groups: Vec<&str> = sessions.iter().filter_map(|s| s.group.as_deref()).collect();
    if !groups.is_empty() {
        out.push_str(&format!(
            "{}: {}\n",
            crate::i18n::msg::next_groups_not_done_yet(lang),
            groups.join(", ")
        ));
    }
    out.push('\n');
    out.push_str(&describe::step(
        &ws.workbook,
        phase,
        step,
        lang,
        Some(first.start),
    ));
    out.push_str(&format!(
        "\n## {}\n\n",
        crate::i18n::msg::next_commands(lang)
    ));
    let id = step.id.as_str();
    let interview = step.kind == crate::workbook::StepKind::Interview;
    if groups.is_empty() {
        out.push_str(&format!(
            "    samskap agenda {id} -o out/agenda-{id}.html\n"
        ));
        // The files' names are in the language of the rest (`build`'s
        // pages have names of their own, so the two never collide).
        out.push_str(&format!(
            "    samskap agenda {id} --participant -o out/{}\n",
            crate::i18n::msg::next_file_participants(lang, id)
        ));
        out.push_str(&format!("    samskap done {id}\n"));
    }
    for group in &groups {
        out.push_str(&format!(
            "    samskap agenda {id} --group {group} -o out/agenda-{id}-{group}.html\n"
        ));
        if interview {
            out.push_str(&format!(
                "    samskap interview-guide --group {group} -o out/{}\n",
                crate::i18n::msg::next_file_interview_guide(lang, group)
            ));
            out.push_str(&format!(
                "    samskap interview new --group {group} --pseudonym PSEUDONYM\n"
            ));
        }
        out.push_str(&format!("    samskap done {id} --group {group}\n"));
    }
    out.push_str("    samskap calendar -o out/sprint.ics\n");
    out
}

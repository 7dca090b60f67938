//! `samskap guide`: the facilitator's walk-through on a terminal. Pick a
//! step (the next one is offered), read it, tick its checklist, mark it done.

use std::io::IsTerminal;

use chrono::{Local, NaiveDate};

use super::Context;
use super::done::{Change, HeldOn, Marked, mark};
use super::next::render;
use crate::error::{Error, Result};
use crate::i18n::tr;
use crate::output;
use crate::prompt::Prompter;
use crate::workbook::Runs;

/// Runs the command.
pub fn run(cx: &Context, today: Option<NaiveDate>) -> Result<()> {
    if !(std::io::stdin().is_terminal() && std::io::stderr().is_terminal()) {
        return Err(Error::usage(
            "`samskap guide` asks questions and needs a terminal",
            "without one, use `samskap next` to read the next step and `samskap done STEP` to mark it",
        ));
    }
    let ws = cx.workspace()?;
    let lang = ws.lang(cx.lang_arg);
    let t = |nb, en| tr(lang, nb, en);
    let today = today.unwrap_or_else(|| Local::now().date_naive());
    let p = Prompter;
    loop {
        let progress = ws.progress()?;
        let sessions = ws.sessions();
        // One entry per step and day; the default is the first not done.
        let mut entries: Vec<(String, String, bool)> = Vec::new();
        for s in &sessions {
            if entries.iter().any(|(id, _, _)| *id == s.step) {
                continue;
            }
            let all_done = sessions
                .iter()
                .filter(|o| o.step == s.step)
                .all(|o| progress.find(&o.step, o.group.as_deref()).is_some());
            let title = ws
                .workbook
                .step(&s.step)
                .map_or("", |(_, st)| st.title.get(lang));
            let mark = if all_done { "✓" } else { " " };
            entries.push((
                s.step.clone(),
                format!("{mark} {}  {title}", s.date.format("%Y-%m-%d")),
                all_done,
            ));
        }
        let Some(default) = entries.iter().position(|(_, _, done)| !done) else {
            output::print(&format!(
                "{}\n",
                t("Alle stegene er gjennomført.", "Every step is done.")
            ))?;
            return Ok(());
        };
        let labels: Vec<&str> = entries.iter().map(|(_, label, _)| label.as_str()).collect();
        let chosen = p.choose(t("Velg steg", "Choose a step"), &labels, default)?;
        let step_id = entries[chosen].0.clone();
        let open: Vec<_> = sessions
            .iter()
            .filter(|s| s.step == step_id && progress.find(&s.step, s.group.as_deref()).is_none())
            .cloned()
            .collect();
        let shown = if open.is_empty() {
            sessions
                .iter()
                .filter(|s| s.step == step_id)
                .take(1)
                .cloned()
                .collect()
        } else {
            open.clone()
        };
        output::print(&render(&ws, &shown, today, lang))?;
        let Some((_, step)) = ws.workbook.step(&step_id) else {
            return Ok(());
        };
        let group = match step.runs {
            Runs::Once => None,
            Runs::PerGroup => {
                let groups: Vec<String> = if open.is_empty() {
                    ws.sprint.group_ids()
                } else {
                    open.iter().filter_map(|s| s.group.clone()).collect()
                };
                let i = p.choose(t("Hvilken gruppe?", "Which group?"), &groups, 0)?;
                Some(groups[i].clone())
            }
        };
        let items: Vec<&str> = step.checklist.iter().map(|c| c.get(lang)).collect();
        let ticked = if items.is_empty() {
            Vec::new()
        } else {
            p.pick(
                t(
                    "Sjekkliste (mellomrom krysser av, a = alle, Enter = ferdig)",
                    "Checklist (space ticks, a = all, Enter = done)",
                ),
                &items,
            )?
        };
        let all = ticked.len() == items.len();
        if !all {
            crate::say!(
                "{} {} {}",
                items.len() - ticked.len(),
                t("av", "of"),
                format_args!(
                    "{} {}",
                    items.len(),
                    t("punkter er ikke krysset av.", "items are not ticked.")
                )
            );
        }
        if p.confirm(
            t("Marker steget som gjennomført?", "Mark the step as done?"),
            all,
        )? {
            let held = HeldOn::new(&ws, today, today)?;
            let outcome = mark(&ws, &step_id, group.as_deref(), Change::Done(held))?;
            let said = match outcome {
                Marked::AlreadyDone(_) => t(
                    "Steget var allerede markert som gjennomført.",
                    "The step was already marked done.",
                ),
                _ => t("Markert som gjennomført.", "Marked as done."),
            };
            crate::say!("{said}");
        }
        if !p.confirm(t("Videre til neste steg?", "On to the next step?"), true)? {
            return Ok(());
        }
    }
}

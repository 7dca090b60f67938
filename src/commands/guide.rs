//! `samskap guide`: the facilitator's walk-through on a terminal. Pick a
//! step (the next one is offered), read it, tick its checklist, mark it done.

use std::io::IsTerminal;

use chrono::{Local, NaiveDate};

use super::Context;
use super::done::{Change, HeldOn, Marked, mark};
use super::next::render;
use crate::error::{Error, Result};
use crate::output;
use crate::prompt::Prompter;
use crate::workbook::Runs;

/// Runs the command.
pub fn run(cx: &Context, today: Option<NaiveDate>) -> Result<()> {
    if !(std::io::stdin().is_terminal() && std::io::stderr().is_terminal()) {
        return Err(Error::usage(
            crate::i18n::msg::guide_needs_terminal(crate::i18n::ui()),
            crate::i18n::msg::guide_needs_terminal_hint(crate::i18n::ui()),
        ));
    }
    let ws = cx.workspace()?;
    let lang = ws.lang(cx.lang_arg);
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
                crate::i18n::msg::guide_every_step_is_done(lang)
            ))?;
            return Ok(());
        };
        let labels: Vec<&str> = entries.iter().map(|(_, label, _)| label.as_str()).collect();
        let chosen = p.choose(
            crate::i18n::msg::guide_choose_a_step(lang),
            &labels,
            default,
        )?;
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
                let i = p.choose(crate::i18n::msg::guide_which_group(lang), &groups, 0)?;
                Some(groups[i].clone())
            }
        };
        let items: Vec<&str> = step.checklist.iter().map(|c| c.get(lang)).collect();
        let ticked = if items.is_empty() {
            Vec::new()
        } else {
            p.pick(
                crate::i18n::msg::guide_checklist_space_ticks_a_all(lang),
                &items,
            )?
        };
        let all = ticked.len() == items.len();
        if !all {
            crate::say!(
                "{} {} {}",
                items.len() - ticked.len(),
                crate::i18n::msg::guide_of(lang),
                format_args!(
                    "{} {}",
                    items.len(),
                    crate::i18n::msg::guide_items_are_not_ticked(lang)
                )
            );
        }
        if p.confirm(crate::i18n::msg::guide_mark_the_step_as_done(lang), all)? {
            let held = HeldOn::new(&ws, today, today)?;
            let outcome = mark(&ws, &step_id, group.as_deref(), Change::Done(held))?;
            let said = match outcome {
                Marked::AlreadyDone(_) => crate::i18n::msg::guide_the_step_was_already_marked(lang),
                _ => crate::i18n::msg::guide_marked_as_done(lang),
            };
            crate::say!("{said}");
        }
        if !p.confirm(crate::i18n::msg::guide_on_to_the_next_step(lang), true)? {
            return Ok(());
        }
    }
}

//! What was done: key figures and the steps with their dates.

use std::collections::HashMap;

use chrono::NaiveDate;

use serde::Serialize;

use super::Input;
use crate::i18n::msg;

/// The section's context.
#[derive(Debug, Serialize)]
pub struct Done {
    /// The heading.
    pub heading: &'static str,
    /// "Key figures".
    pub key_figures: &'static str,
    /// The key figures, each a line such as "12 interviews with customers".
    pub facts: Vec<String>,
    /// The column headings of the steps' table: date, phase, step, status.
    pub columns: [&'static str; 4],
    /// The steps with their dates.
    pub steps: Vec<StepRow>,
}

/// A step in the "what was done" table.
#[derive(Debug, Serialize)]
pub struct StepRow {
    /// The planned date, and the date held where it differs.
    pub date: String,
    /// The planned date (or first to last, for a step held in each group).
    pub planned: String,
    /// The date held, only where it differs from the planned one.
    pub held: Option<String>,
    /// The phase.
    pub phase: String,
    /// The step.
    pub title: String,
    /// Done, or a word for what it is.
    pub state: String,
}

/// The section; a sprint always has sessions to account for.
pub fn build(i: &Input<'_>) -> Option<Done> {
    let sessions = i.ws.sessions();
    let held = sessions
        .iter()
        .filter(|s| i.progress.find(&s.step, s.group.as_deref()).is_some())
        .count();
    let mut facts = vec![msg::report_sessions_held(i.lang, held, sessions.len())];
    let records = i.records;
    if !records.interviews.is_empty() {
        // Interview consent alone counts; quotes need consent to them too.
        facts.push(msg::report_interviews_consented(
            i.lang,
            records.counted().count(),
            records.quotable().count(),
        ));
        let mut people: Vec<(&str, String)> = records
            .counted()
            .map(|x| (x.group.as_str(), x.pseudonym.to_lowercase()))
            .collect();
        people.sort();
        people.dedup();
        facts.push(msg::report_people_involved(
            i.lang,
            people.len(),
            i.people.count(people.len()),
        ));
    }
    let mut employees: Vec<&String> = i.ws.sprint.groups.iter().flat_map(|g| &g.members).collect();
    employees.sort();
    employees.dedup();
    facts.push(msg::report_employees(
        i.lang,
        employees.len(),
        i.ws.sprint.groups.len(),
    ));
    Some(Done {
        heading: crate::i18n::msg::report_what_was_done(i.lang),
        key_figures: crate::i18n::msg::report_key_figures(i.lang),
        facts,
        columns: [
            crate::i18n::msg::report_date(i.lang),
            crate::i18n::msg::report_phase(i.lang),
            crate::i18n::msg::report_step(i.lang),
            crate::i18n::msg::report_status(i.lang),
        ],
        steps: step_rows(i, &sessions),
    })
}

/// One row per step, in plan order: when it was planned and held, and in
/// how many of its sessions. One pass over the sessions.
fn step_rows(i: &Input<'_>, sessions: &[crate::plan::Session]) -> Vec<StepRow> {
    let mut order: Vec<&str> = Vec::new();
    let mut by_step: HashMap<&str, Vec<&crate::plan::Session>> = HashMap::new();
    for s in sessions {
        let entry = by_step.entry(s.step.as_str()).or_default();
        if entry.is_empty() {
            order.push(s.step.as_str());
        }
        entry.push(s);
    }
    let mut rows = Vec::new();
    for step_id in order {
        let Some((phase, step)) = i.ws.workbook.step(step_id) else {
            continue;
        };
        let all = &by_step[step_id];
        let done: Vec<(NaiveDate, NaiveDate)> = all
            .iter()
            .filter_map(|s| {
                i.progress.find(&s.step, s.group.as_deref()).map(|d| {
                    // A booked appointment was held the day it was booked
                    // for (the notes' date), whenever it was marked done.
                    let booked = s.appointment.is_some_and(|a| a.booked);
                    (s.date, if booked { s.date } else { d.date })
                })
            })
            .collect();
        if i.interim && done.is_empty() {
            continue;
        }
        let state = if done.len() == all.len() {
            crate::i18n::msg::report_held(i.lang).to_owned()
        } else if done.is_empty() {
            crate::i18n::msg::report_not_held(i.lang).to_owned()
        } else {
            msg::report_held_in_groups(i.lang, done.len(), all.len())
        };
        let planned = span(all.iter().map(|s| s.date), i.lang);
        // The day held is shown only where a session was held on another.
        let held = done
            .iter()
            .any(|(planned, held)| planned != held)
            .then(|| span(done.iter().map(|(_, held)| *held), i.lang));
        let date = match &held {
            Some(held) => msg::report_planned_held(i.lang, &planned, held),
            None => planned.clone(),
        };
        rows.push(StepRow {
            date,
            planned,
            held,
            phase: phase.title.get(i.lang).to_owned(),
            title: step.title.get(i.lang).to_owned(),
            state,
        });
    }
    rows
}

/// The first to the last of `dates` in the document's language
/// ("4.–8. januar 2027", "4–8 January 2027"), or the one day.
fn span(dates: impl Iterator<Item = NaiveDate>, lang: crate::workbook::Lang) -> String {
    let (mut first, mut last) = (None::<NaiveDate>, None::<NaiveDate>);
    for d in dates {
        first = Some(first.map_or(d, |f| f.min(d)));
        last = Some(last.map_or(d, |l| l.max(d)));
    }
    match (first, last) {
        (Some(f), Some(l)) => crate::plan::dates::date_range(f, l, lang),
        _ => String::new(),
    }
}

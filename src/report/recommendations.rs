//! Recommendations and next steps: those that follow from the records (the
//! solutions ready to put in place, those to develop further, the weakest
//! prerequisites of the model), then the workbook's way forward.

use serde::Serialize;

use super::{Input, prerequisite_scores, status_name};
use crate::i18n::msg;
use crate::records::Status;

/// The section's context.
#[derive(Debug, Serialize)]
pub struct Recommendations {
    /// The heading.
    pub heading: &'static str,
    /// The recommendations, in order.
    pub items: Vec<String>,
    /// The same, each without its next step: for the summary.
    pub brief: Vec<String>,
}

/// The section, when there is anything to recommend.
pub fn build(i: &Input<'_>) -> Option<Recommendations> {
    let (mut items, mut brief) = (Vec::new(), Vec::new());
    let solutions = &i.records.solutions;
    for s in solutions.iter().filter(|s| s.status >= Status::Tested) {
        let owner = if s.owner.is_empty() {
            crate::i18n::msg::report_owner_to_be_agreed(i.lang).to_owned()
        } else {
            s.owner.clone()
        };
        let status = status_name(s.status, i.lang);
        let put = msg::report_put_in_place(i.lang, &s.title, status, &owner);
        items.push(if s.next_step.trim().is_empty() {
            put.clone()
        } else {
            msg::report_put_in_place_next(i.lang, &s.title, status, &owner, s.next_step.trim())
        });
        brief.push(put);
    }
    let from_records = items.len();
    let developing = solutions
        .iter()
        .filter(|s| s.status < Status::Tested)
        .count();
    if developing > 0 {
        items.push(msg::report_develop_further(
            i.lang,
            developing,
            &i.people.plural,
        ));
    }
    let mut scores = prerequisite_scores(i.ws, i.records, i.lang);
    scores.sort_by(|a, b| a.value.total_cmp(&b.value));
    let weakest: Vec<String> = scores
        .iter()
        .take(2)
        .map(|s| format!("«{}» ({})", s.title, s.average))
        .collect();
    match weakest.as_slice() {
        [] => {}
        [one] => items.push(msg::report_strengthen_weakest(i.lang, one)),
        [first, second, ..] => {
            items.push(msg::report_strengthen_weakest_two(i.lang, first, second))
        }
    }
    items.extend(
        i.ws.workbook
            .report
            .recommendations
            .iter()
            .map(|r| r.get(i.lang).to_owned()),
    );
    brief.extend(items[from_records..].iter().cloned());
    (!items.is_empty()).then(|| Recommendations {
        heading: crate::i18n::msg::report_recommendations_and_next_steps(i.lang),
        items,
        brief,
    })
}

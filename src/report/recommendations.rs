//! Recommendations and next steps: those that follow from the records (the
//! solutions ready to put in place, those to develop further, the weakest
//! prerequisites of the model), then the workbook's way forward.

use serde::Serialize;

use super::{Input, prerequisite_scores, status_name};
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
        let next = if s.next_step.is_empty() {
            String::new()
        } else {
            format!(
                " {}: {}",
                crate::i18n::msg::report_next_step(i.lang),
                s.next_step.trim()
            )
        };
        let put = format!(
            "{} «{}» ({}; {owner}).",
            crate::i18n::msg::report_put_in_place(i.lang),
            s.title,
            status_name(s.status, i.lang),
        );
        items.push(format!("{put}{next}"));
        brief.push(put);
    }
    let from_records = items.len();
    let developing = solutions
        .iter()
        .filter(|s| s.status < Status::Tested)
        .count();
    if developing > 0 {
        items.push(format!(
            "{} {developing} {} {}.",
            crate::i18n::msg::report_develop_and_test_further_the(i.lang),
            crate::i18n::msg::report_solutions_that_are_ideas_or_2(i.lang),
            i.people.plural,
        ));
    }
    let mut scores = prerequisite_scores(i.ws, i.records, i.lang);
    scores.sort_by(|a, b| a.value.total_cmp(&b.value));
    let weakest: Vec<String> = scores
        .iter()
        .take(2)
        .map(|s| format!("«{}» ({})", s.title, s.average))
        .collect();
    if !weakest.is_empty() {
        items.push(format!(
            "{} {}.",
            crate::i18n::msg::report_strengthen_the_prerequisites_with_the(i.lang),
            weakest.join(crate::i18n::msg::report_and_2(i.lang))
        ));
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

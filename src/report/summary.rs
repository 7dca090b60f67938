//! The summary leaders read first, on one page: the challenge, the key
//! figures, the top themes, the solutions with the most effect in the
//! sprint's measures, and the recommendations. Made from the other
//! sections' contexts, so it says nothing they do not.

use serde::Serialize;

use super::{Input, status_name};
use crate::i18n::msg;
use crate::records::Solution;

/// Themes named in the summary.
const THEMES: usize = 3;
/// Solutions named in the summary.
const SOLUTIONS: usize = 3;
/// Recommendations named in the summary.
const RECOMMENDATIONS: usize = 5;

/// The section's context.
#[derive(Debug, Serialize)]
pub struct Summary {
    /// The heading.
    pub heading: String,
    /// The sprint's challenge, when it states one.
    pub challenge: Option<Part>,
    /// Key figures, each a line.
    pub figures: Option<Part>,
    /// The top themes, each with its counts.
    pub themes: Option<Part>,
    /// The solutions with the most effect.
    pub solutions: Option<Part>,
    /// The first recommendations.
    pub recommendations: Option<Part>,
}

/// A labelled part of the summary: a line, or a list.
#[derive(Debug, Serialize)]
pub struct Part {
    /// Its label, such as "Challenge".
    pub label: String,
    /// Its lines.
    pub items: Vec<String>,
    /// A line after the list, such as where to read more.
    pub more: Option<String>,
}

/// What the summary is made from: the sections already built.
pub struct Sections<'a> {
    /// The key figures of "what was done".
    pub facts: &'a [String],
    /// The insights.
    pub insights: Option<&'a super::insights::Insights>,
    /// The recommendations.
    pub recommendations: Option<&'a super::recommendations::Recommendations>,
}

/// The summary: each part only with its data.
pub fn build(i: &Input<'_>, from: &Sections<'_>) -> Summary {
    let challenge = i.ws.sprint.challenge.trim();
    let mut figures = from.facts.to_vec();
    if let Some(line) = effect_of_all(i) {
        figures.push(line);
    }
    Summary {
        heading: msg::report_summary_heading(i.lang).to_owned(),
        challenge: (!challenge.is_empty()).then(|| Part {
            label: msg::report_summary_challenge(i.lang).to_owned(),
            items: vec![challenge.to_owned()],
            more: None,
        }),
        figures: (!figures.is_empty()).then(|| Part {
            label: msg::report_summary_figures(i.lang).to_owned(),
            items: figures,
            more: None,
        }),
        themes: from
            .insights
            .filter(|x| !x.themes.is_empty())
            .map(|x| Part {
                label: msg::report_summary_themes(i.lang).to_owned(),
                items: x
                    .themes
                    .iter()
                    .take(THEMES)
                    .map(|t| format!("{} ({})", t.tag, t.counts))
                    .collect(),
                more: Some(msg::report_summary_more(i.lang, &x.heading)),
            }),
        solutions: top_solutions(i),
        recommendations: from
            .recommendations
            .filter(|r| !r.items.is_empty())
            .map(|r| Part {
                label: msg::report_summary_recommendations(i.lang).to_owned(),
                items: r.brief.iter().take(RECOMMENDATIONS).cloned().collect(),
                more: Some(msg::report_summary_more(i.lang, r.heading)),
            }),
    }
}

/// "Estimated effect of all the solutions: Per family 21.5 hours per month; …".
fn effect_of_all(i: &Input<'_>) -> Option<String> {
    let solutions: Vec<&Solution> = i.records.solutions.iter().collect();
    if solutions.is_empty() || i.measures.is_empty() {
        return None;
    }
    Some(msg::report_summary_effect(i.lang, figures(i, &solutions)))
}

/// Each measure's sum over `solutions`, with its label and unit.
fn figures(i: &Input<'_>, solutions: &[&Solution]) -> String {
    i.measures
        .iter()
        .map(|m| {
            let sum: f64 = solutions.iter().filter_map(|s| s.measures.get(&m.id)).sum();
            format!("{} {}", m.label, m.figure(sum, i.lang))
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// The solutions with the most effect: by the sprint's first measure, then
/// the next; without measures, the furthest along.
fn top_solutions(i: &Input<'_>) -> Option<Part> {
    let mut solutions: Vec<&Solution> = i.records.solutions.iter().collect();
    if solutions.is_empty() {
        return None;
    }
    let value = |s: &Solution, id: &str| s.measures.get(id).copied().unwrap_or(0.0);
    solutions.sort_by(|a, b| {
        i.measures
            .iter()
            .map(|m| value(b, &m.id).total_cmp(&value(a, &m.id)))
            .find(|o| o.is_ne())
            .unwrap_or(std::cmp::Ordering::Equal)
            .then(b.status.cmp(&a.status))
    });
    let items = solutions
        .into_iter()
        .take(SOLUTIONS)
        .map(|s| {
            let what = format!(
                "«{}» ({}, {})",
                s.title,
                i.group_name(&s.group),
                status_name(s.status, i.lang)
            );
            if i.measures.is_empty() {
                what
            } else {
                format!("{what}: {}", figures(i, &[s]))
            }
        })
        .collect();
    Some(Part {
        label: if i.measures.is_empty() {
            msg::report_summary_solutions_ahead(i.lang).to_owned()
        } else {
            msg::report_summary_solutions(i.lang).to_owned()
        },
        items,
        more: None,
    })
}

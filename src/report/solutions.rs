//! The solutions by group, with their figures in the sprint's measures and
//! the sums by group and overall, each with its unit.

use serde::Serialize;

use super::{Input, number, status_name};
use crate::records::Solution;
use crate::sprint::terms::MeasureDef;

/// The section's context.
#[derive(Debug, Serialize)]
pub struct Solutions {
    /// The heading.
    pub heading: &'static str,
    /// What the figures are, when the sprint has measures.
    pub intro: Option<String>,
    /// The measures, one column each.
    pub columns: Vec<Column>,
    /// The column heading for the knowledge base's challenges, when the workbook has one.
    pub challenges_label: Option<String>,
    /// Words of the tables.
    pub t: Words,
    /// Solutions by group.
    pub groups: Vec<GroupSolutions>,
    /// The sums over every solution, one per measure.
    pub totals: Vec<String>,
}

/// The words of the section's tables.
#[derive(Debug, Serialize)]
pub struct Words {
    pub solution: &'static str,
    pub status: &'static str,
    pub total: &'static str,
    pub total_all: &'static str,
    pub owner: &'static str,
    pub next_step: &'static str,
    pub no_solutions: &'static str,
    pub by_group: &'static str,
    pub group: &'static str,
}

/// A measure's column.
#[derive(Debug, Serialize)]
pub struct Column {
    /// The measure's name.
    pub label: String,
    /// Its unit.
    pub unit: String,
}

/// A group's solutions.
#[derive(Debug, Serialize)]
pub struct GroupSolutions {
    /// The group's name.
    pub name: String,
    /// Its sub-challenge.
    pub sub_challenge: String,
    /// The solutions.
    pub solutions: Vec<SolutionRow>,
    /// The group's sums, one per measure.
    pub totals: Vec<String>,
}

/// A solution in the report.
#[derive(Debug, Serialize)]
pub struct SolutionRow {
    /// Its name.
    pub title: String,
    /// What it is.
    pub description: String,
    /// Status in words.
    pub status: String,
    /// The knowledge base's challenges it addresses, by title.
    pub challenges: String,
    /// Its figure for each measure, formatted; "–" where none is given.
    pub figures: Vec<String>,
    /// Owner.
    pub owner: String,
    /// Next step.
    pub next_step: String,
}

/// The section, when any group has registered a solution.
pub fn build(i: &Input<'_>) -> Option<Solutions> {
    let records = &i.records.solutions;
    if records.is_empty() {
        return None;
    }
    let wb = &i.ws.workbook;
    let knowledge = wb.knowledge.as_ref().filter(|k| !k.challenges.is_empty());
    let challenge_title = |id: &str| {
        knowledge
            .and_then(|k| k.challenges.iter().find(|c| c.id.as_str() == id))
            .map_or_else(|| id.to_owned(), |c| c.title.get(i.lang).to_owned())
    };
    let groups =
        i.ws.sprint
            .groups
            .iter()
            .map(|g| {
                let mine: Vec<&Solution> = records.iter().filter(|s| s.group == g.id).collect();
                GroupSolutions {
                    name: g.name.clone(),
                    sub_challenge: g.sub_challenge.clone(),
                    totals: sums(i, &mine),
                    solutions: mine
                        .iter()
                        .map(|s| SolutionRow {
                            title: s.title.clone(),
                            description: s.description.clone(),
                            status: status_name(s.status, i.lang).to_owned(),
                            challenges: s
                                .challenges
                                .iter()
                                .map(|c| challenge_title(c))
                                .collect::<Vec<_>>()
                                .join(", "),
                            figures: i
                                .measures
                                .iter()
                                .map(|m| {
                                    s.measures
                                        .get(&m.id)
                                        .map_or_else(|| "–".to_owned(), |v| number(*v, i.lang))
                                })
                                .collect(),
                            owner: s.owner.clone(),
                            next_step: s.next_step.clone(),
                        })
                        .collect(),
                }
            })
            .collect();
    let all: Vec<&Solution> = records.iter().collect();
    let intro = (!i.measures.is_empty()).then(|| match &wb.report.measures_intro {
        Some(text) if i.ws.sprint.terms.measures.is_none() => text.get(i.lang).to_owned(),
        _ => crate::i18n::msg::report_measures_intro(i.lang).to_owned(),
    });
    Some(Solutions {
        heading: crate::i18n::msg::report_solutions(i.lang),
        intro,
        columns: i
            .measures
            .iter()
            .map(|m| Column {
                label: m.label.clone(),
                unit: m.unit.clone(),
            })
            .collect(),
        challenges_label: knowledge.map(|k| {
            k.label.as_ref().map_or_else(
                || crate::i18n::msg::report_challenges(i.lang).to_owned(),
                |l| l.get(i.lang).to_owned(),
            )
        }),
        t: Words {
            solution: crate::i18n::msg::report_solution(i.lang),
            status: crate::i18n::msg::report_status(i.lang),
            total: crate::i18n::msg::report_total(i.lang),
            total_all: crate::i18n::msg::report_total_all(i.lang),
            owner: crate::i18n::msg::report_owner(i.lang),
            next_step: crate::i18n::msg::report_next_step(i.lang),
            no_solutions: crate::i18n::msg::report_no_solutions(i.lang),
            by_group: crate::i18n::msg::report_totals_by_group(i.lang),
            group: crate::i18n::msg::context_group(i.lang),
        },
        groups,
        totals: sums(i, &all),
    })
}

/// The sum of each measure over `solutions`, formatted.
fn sums(i: &Input<'_>, solutions: &[&Solution]) -> Vec<String> {
    totals(&i.measures, solutions.iter().copied())
        .into_iter()
        .map(|sum| number(sum, i.lang))
        .collect()
}

/// The sum of each of `measures` over `solutions`, in their order: the
/// report's totals, and the dashboard's and the portfolio's.
pub fn totals<'a>(
    measures: &[MeasureDef],
    solutions: impl IntoIterator<Item = &'a Solution> + Clone,
) -> Vec<f64> {
    measures
        .iter()
        .map(|m| {
            solutions
                .clone()
                .into_iter()
                .filter_map(|s| s.measures.get(&m.id))
                .sum()
        })
        .collect()
}

//! The total effect by measure across sprints. A measure is its id and its
//! unit: sprints that share both are summed; a measure only some sprints
//! have, or the same id in another unit, is a measure of its own, shown
//! beside the others and never added to them.

use serde::Serialize;

use super::SprintSummary;
use crate::dashboard::bars::{Bar, Bars};
use crate::sprint::terms::figure;
use crate::workbook::Lang;

/// One measure across the sprints that have it.
#[derive(Debug, Serialize)]
pub struct Across {
    /// Its id.
    pub id: String,
    /// Its name, as the first sprint that has it calls it.
    pub label: String,
    /// Its unit for every figure but 1.
    pub unit: String,
    /// Its unit for a figure of 1.
    pub unit_one: String,
    /// Each sprint that has it, with its total.
    pub rows: Vec<Row>,
    /// The sum over those sprints, formatted.
    pub total: String,
    /// The sum, for the charts and the tests.
    #[serde(skip)]
    pub value: f64,
    /// The sprints that do not have it, by name, joined.
    pub not_in: String,
}

/// A sprint's total in one measure.
#[derive(Debug, Serialize)]
pub struct Row {
    /// The sprint's name.
    pub sprint: String,
    /// Its page.
    pub page: String,
    /// Its total, formatted with the unit.
    pub amount: String,
    /// The total.
    #[serde(skip)]
    pub value: f64,
}

/// Every measure of every sprint, in the order they first appear.
pub fn across(sprints: &[SprintSummary], lang: Lang) -> Vec<Across> {
    let mut all: Vec<Across> = Vec::new();
    for s in sprints {
        for t in &s.totals {
            let row = Row {
                sprint: s.name.clone(),
                page: s.page.clone(),
                amount: t.amount(lang),
                value: t.value,
            };
            match all.iter_mut().find(|a| a.id == t.id && a.unit == t.unit) {
                Some(a) => a.rows.push(row),
                None => all.push(Across {
                    id: t.id.clone(),
                    label: t.label.clone(),
                    unit: t.unit.clone(),
                    unit_one: t.unit_one.clone(),
                    rows: vec![row],
                    total: String::new(),
                    value: 0.0,
                    not_in: String::new(),
                }),
            }
        }
    }
    for a in &mut all {
        a.value = a.rows.iter().map(|r| r.value).sum();
        a.total = figure(a.value, &a.unit_one, &a.unit, lang);
        a.not_in = sprints
            .iter()
            .filter(|s| !a.rows.iter().any(|r| r.page == s.page))
            .map(|s| s.name.as_str())
            .collect::<Vec<_>>()
            .join(", ");
    }
    all
}

/// A chart per measure: a bar per sprint that has it, the total in the
/// description.
pub fn charts(measures: &[Across], lang: Lang) -> Vec<Bars> {
    measures
        .iter()
        .enumerate()
        .map(|(i, a)| Bars {
            id: format!("measure-{}", i + 1),
            title: format!("{} ({})", a.label, a.unit),
            desc: crate::i18n::msg::portfolio_across_total(
                lang,
                a.rows
                    .iter()
                    .map(|r| format!("{}: {}", r.sprint, r.amount))
                    .collect::<Vec<_>>()
                    .join("; "),
                &a.total,
            ),
            bars: a
                .rows
                .iter()
                .map(|r| Bar {
                    label: r.sprint.clone(),
                    value: r.value,
                    text: r.amount.clone(),
                })
                .collect(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dashboard::effect::Total;

    fn sprint(name: &str, totals: &[(&str, &str, f64)]) -> SprintSummary {
        SprintSummary {
            id: name.to_lowercase(),
            page: format!("sprint-{}.html", name.to_lowercase()),
            name: name.into(),
            challenge: String::new(),
            target_group: String::new(),
            dates: String::new(),
            state: String::new(),
            held: String::new(),
            figures: crate::dashboard::groups::KeyFigures {
                sessions: String::new(),
                interviews: String::new(),
                solutions: String::new(),
                evaluations: String::new(),
            },
            effect: Vec::new(),
            columns: Vec::new(),
            solutions: Vec::new(),
            totals: totals
                .iter()
                .map(|&(id, unit, value)| Total {
                    id: id.into(),
                    label: id.into(),
                    unit: unit.into(),
                    unit_one: unit.replace("timer", "time"),
                    value,
                })
                .collect(),
        }
    }

    #[test]
    fn the_same_id_and_unit_is_summed_any_other_stands_beside() {
        let sprints = [
            sprint(
                "A",
                &[
                    ("staff", "timer per måned", 2.5),
                    ("families", "timer per måned", 1.0),
                ],
            ),
            sprint(
                "B",
                &[
                    ("staff", "timer per måned", 4.0),
                    ("staff", "timer per uke", 1.0),
                ],
            ),
            sprint("C", &[("kontakter", "kontakter per uke", 3.0)]),
            sprint("D", &[("staff", "timer per kvartal", 1.0)]),
        ];
        let all = across(&sprints, Lang::Nb);
        let keys: Vec<(&str, &str, f64)> = all
            .iter()
            .map(|a| (a.id.as_str(), a.unit.as_str(), a.value))
            .collect();
        assert_eq!(
            keys,
            [
                ("staff", "timer per måned", 6.5),
                ("families", "timer per måned", 1.0),
                ("staff", "timer per uke", 1.0),
                ("kontakter", "kontakter per uke", 3.0),
                ("staff", "timer per kvartal", 1.0),
            ]
        );
        assert_eq!(all[4].total, "1 time per kvartal");
        assert_eq!(all[0].total, "6,5 timer per måned");
        assert_eq!(all[1].not_in, "B, C, D");
        let charts = charts(&all, Lang::Nb);
        assert_eq!(charts[0].bars.len(), 2);
        assert!(charts[0].desc.ends_with("sum: 6,5 timer per måned"));
    }
}

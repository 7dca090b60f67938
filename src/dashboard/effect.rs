//! The solutions' total effect in the sprint's measures, as the dashboard
//! and the portfolio show it: the sums with their units in words, and bar
//! charts with the numbers written beside the bars. Bars share a scale
//! only within one unit, so figures of different units are never drawn
//! against each other; without measures there is no chart.

use super::bars::{self, Bar, Bars};
use super::svg::esc;
use crate::records::Solution;
use crate::sprint::terms::{MeasureDef, figure as figure_of};
use crate::workbook::Lang;

/// The marker the effect's charts stand for in a page's Markdown.
pub const EFFECT_MARKER: &str = "SAMSKAP-FIGURE-EFFECT";

/// A measure's total over the solutions.
#[derive(Clone, Debug, PartialEq)]
pub struct Total {
    /// The measure's id, as in `solutions.yaml`.
    pub id: String,
    /// Its name.
    pub label: String,
    /// Its unit for every sum but 1.
    pub unit: String,
    /// Its unit for a sum of 1.
    pub unit_one: String,
    /// The sum of the solutions' figures.
    pub value: f64,
}

impl Total {
    /// "12,5 timer per måned", "1 time per måned".
    pub fn amount(&self, lang: Lang) -> String {
        figure_of(self.value, &self.unit_one, &self.unit, lang)
    }

    /// "Per familie: 12,5 timer per måned".
    pub fn line(&self, lang: Lang) -> String {
        format!("{}: {}", self.label, self.amount(lang))
    }
}

/// The sum of each measure over `solutions`, in the measures' order.
pub fn totals(measures: &[MeasureDef], solutions: &[Solution]) -> Vec<Total> {
    let sums = crate::report::solutions::totals(measures, solutions);
    measures
        .iter()
        .zip(sums)
        .map(|(m, value)| Total {
            id: m.id.clone(),
            label: m.label.clone(),
            unit: m.unit.clone(),
            unit_one: m.unit_one.clone(),
            value,
        })
        .collect()
}

/// Charts of one sprint's totals: one chart per unit, a bar per measure;
/// none without measures. `title` names the sprint.
pub fn sprint_charts(title: &str, totals: &[Total], lang: Lang) -> Vec<Bars> {
    let mut units: Vec<&str> = Vec::new();
    for t in totals {
        if !units.contains(&t.unit.as_str()) {
            units.push(&t.unit);
        }
    }
    units
        .iter()
        .enumerate()
        .map(|(i, unit)| {
            let mine: Vec<&Total> = totals.iter().filter(|t| t.unit == *unit).collect();
            Bars {
                id: format!("effect-{}", i + 1),
                title: crate::i18n::msg::effect_chart_title(lang, unit, title),
                desc: mine
                    .iter()
                    .map(|t| t.line(lang))
                    .collect::<Vec<_>>()
                    .join("; "),
                bars: mine
                    .iter()
                    .map(|t| Bar {
                        label: t.label.clone(),
                        value: t.value,
                        text: t.amount(lang),
                    })
                    .collect(),
            }
        })
        .collect()
}

/// The figure holding `charts`, with a caption saying what the figures
/// are; empty when there are no charts.
pub fn figure(charts: &[Bars], lang: Lang) -> String {
    if charts.is_empty() {
        return String::new();
    }
    let svgs: String = charts.iter().map(bars::svg).collect();
    format!(
        "<figure class=\"chart effect-figure\">{svgs}<figcaption>{}</figcaption></figure>",
        esc(crate::i18n::msg::effect_caption(lang))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn total(id: &str, unit: &str, value: f64) -> Total {
        Total {
            id: id.into(),
            label: format!("Mål {id}"),
            unit: unit.into(),
            unit_one: unit
                .replace("timer", "time")
                .replace("kontakter", "kontakt"),
            value,
        }
    }

    #[test]
    fn one_chart_per_unit_with_the_numbers_beside_the_bars() {
        let totals = [
            total("families", "timer per måned", 12.5),
            total("staff", "timer per måned", 4.0),
            total("kontakter", "kontakter per uke", 3.0),
            total("besøk", "kontakter per uke", 1.0),
        ];
        let charts = sprint_charts("Våren", &totals, Lang::Nb);
        assert_eq!(charts.len(), 2);
        assert_eq!(charts[0].bars.len(), 2);
        assert_eq!(charts[1].bars[0].text, "3 kontakter per uke");
        assert_eq!(charts[1].bars[1].text, "1 kontakt per uke");
        let html = figure(&charts, Lang::Nb);
        assert!(html.contains(">12,5 timer per måned</text>"), "{html}");
        assert!(html.contains("<desc id=\"effect-1-desc\">Mål families: 12,5 timer per måned; Mål staff: 4 timer per måned</desc>"), "{html}");
    }

    #[test]
    fn no_measures_no_chart() {
        assert!(sprint_charts("Våren", &[], Lang::Nb).is_empty());
        assert_eq!(figure(&[], Lang::En), "");
    }
}

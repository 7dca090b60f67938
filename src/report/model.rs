//! The leaders' assessment of the workbook's model: the average score of
//! each prerequisite, a chart in HTML, and the leaders' comments.

use serde::Serialize;

use super::Input;
use crate::records::Records;
use crate::sprint::Workspace;
use crate::workbook::Lang;

/// The marker standing where the HTML report shows its chart.
pub const CHART_MARKER: &str = "SAMSKAP-CHART-MODEL-ASSESSMENT";

/// The section's context.
#[derive(Debug, Serialize)]
pub struct Assessment {
    /// The heading: the model's own, else "Assessment: <model>".
    pub heading: String,
    /// How the scores were given.
    pub intro: &'static str,
    /// "Leaders".
    pub leaders_label: &'static str,
    /// How many leaders scored.
    pub leaders: usize,
    /// The column headings: prerequisite, average, range.
    pub columns: [&'static str; 3],
    /// One row per prerequisite.
    pub rows: Vec<PrerequisiteScore>,
    /// The marker replaced by the chart in HTML.
    pub chart: &'static str,
    /// The chart's title.
    #[serde(skip)]
    pub chart_title: String,
    /// The chart's caption.
    #[serde(skip)]
    pub chart_caption: &'static str,
    /// Leaders' comments.
    pub comments: Vec<String>,
}

/// A prerequisite's scores.
#[derive(Debug, Serialize, Clone)]
pub struct PrerequisiteScore {
    /// The prerequisite.
    pub title: String,
    /// The average, formatted.
    pub average: String,
    /// The lowest score given.
    pub min: u8,
    /// The highest score given.
    pub max: u8,
    /// The average as a number.
    #[serde(skip)]
    pub value: f64,
}

/// The section, when the workbook has a model and some leader scored it.
pub fn build(i: &Input<'_>) -> Option<Assessment> {
    let model = i.ws.workbook.model.as_ref()?;
    let rows = prerequisite_scores(i.ws, i.records, i.lang);
    if rows.is_empty() {
        return None;
    }
    let heading = model.heading.as_ref().map_or_else(
        || {
            format!(
                "{}: {}",
                crate::i18n::msg::report_assessment(i.lang),
                model.title.get(i.lang)
            )
        },
        |h| h.get(i.lang).to_owned(),
    );
    Some(Assessment {
        chart_title: format!(
            "{heading} ({})",
            crate::i18n::msg::report_average_1_5(i.lang)
        ),
        chart_caption: crate::i18n::msg::report_model_chart_caption(i.lang),
        heading,
        intro: crate::i18n::msg::report_model_intro(i.lang),
        leaders_label: crate::i18n::msg::report_leaders(i.lang),
        leaders: i.records.assessments.len(),
        columns: [
            crate::i18n::msg::report_prerequisite(i.lang),
            crate::i18n::msg::report_average(i.lang),
            crate::i18n::msg::report_lowest_highest(i.lang),
        ],
        rows,
        chart: CHART_MARKER,
        comments: i
            .records
            .assessments
            .iter()
            .filter_map(|a| {
                a.comment
                    .as_ref()
                    .map(|c| format!("{} ({})", c.trim(), a.leader))
            })
            .collect(),
    })
}

/// The average score of each prerequisite over every leader's statements.
pub fn prerequisite_scores(
    ws: &Workspace,
    records: &Records,
    lang: Lang,
) -> Vec<PrerequisiteScore> {
    let Some(model) = ws.workbook.model.as_ref() else {
        return Vec::new();
    };
    model
        .prerequisites
        .iter()
        .filter_map(|p| {
            let scores: Vec<u8> = records
                .assessments
                .iter()
                .flat_map(|a| {
                    p.statements
                        .iter()
                        .filter_map(|s| a.scores.get(s.id.as_str()).copied())
                })
                .collect();
            let (min, max) = (scores.iter().min().copied()?, scores.iter().max().copied()?);
            let value = scores.iter().map(|&s| f64::from(s)).sum::<f64>() / scores.len() as f64;
            let average = match lang {
                Lang::Nb | Lang::Nn => format!("{value:.1}").replace('.', ","),
                Lang::En => format!("{value:.1}"),
            };
            Some(PrerequisiteScore {
                title: p.title.get(lang).to_owned(),
                average,
                min,
                max,
                value,
            })
        })
        .collect()
}

//! `assessment.yaml`: each leader's scores (1–5) of the co-creation model's
//! statements.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::Deserialize;

use crate::diagnostic::{Diagnostic, suggest};
use crate::error::{Error, Result};
use crate::i18n::{msg, ui};
use crate::sprint::Workspace;
use crate::sprint::config::parse_date;
use crate::workbook::At;
use crate::workbook::load::Sources;

/// The file of the leaders' assessments, at the workspace's root.
pub const ASSESSMENT_FILE: &str = "assessment.yaml";

/// The file as written.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AssessmentFile {
    /// One entry per leader.
    #[serde(default)]
    pub assessments: Vec<AssessmentEntry>,
}

/// One leader's assessment as written.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AssessmentEntry {
    /// The leader (a name or a role).
    pub leader: At<String>,
    /// When, YYYY-MM-DD.
    pub date: At<String>,
    /// Statement id → score from 1 (not true of us) to 5 (true of us).
    pub scores: BTreeMap<String, At<u16>>,
    /// A comment.
    #[serde(default)]
    pub comment: Option<String>,
}

/// A checked assessment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Assessment {
    /// The leader.
    pub leader: String,
    /// When.
    pub date: NaiveDate,
    /// Statement id → score 1–5.
    pub scores: BTreeMap<String, u8>,
    /// A comment.
    pub comment: Option<String>,
}

/// Reads and checks the assessments.
pub fn read(ws: &Workspace, path: &Path) -> Result<Vec<Assessment>> {
    let display = path.display().to_string();
    let mut sources = Sources::default();
    let id = sources.add(display.clone(), crate::fs::read_text(path)?);
    let file: AssessmentFile = crate::yaml::parse_or_empty(&display, sources.text(id), id)
        .map_err(|d| Error::Invalid(vec![d]))?;
    check(ws, file, &sources).map_err(Error::Invalid)
}

/// Every statement id of the model, in order.
pub fn statement_ids(ws: &Workspace) -> Vec<String> {
    ws.workbook
        .model
        .as_ref()
        .map(|m| {
            m.prerequisites
                .iter()
                .flat_map(|p| p.statements.iter().map(|s| s.id.to_string()))
                .collect()
        })
        .unwrap_or_default()
}

fn check(
    ws: &Workspace,
    file: AssessmentFile,
    sources: &Sources,
) -> std::result::Result<Vec<Assessment>, Vec<Diagnostic>> {
    let ids = statement_ids(ws);
    let mut problems = Vec::new();
    let mut out = Vec::new();
    for entry in file.assessments {
        let date = parse_date(&entry.date);
        if date.is_none() {
            problems.push(
                sources
                    .diagnostic(
                        entry.date.loc,
                        crate::sprint::config::not_a_date(&entry.date),
                    )
                    .with_hint(msg::not_a_date_hint(ui())),
            );
        }
        for (statement, score) in &entry.scores {
            if !ids.contains(statement) {
                let hint = suggest(statement, ids.iter().map(String::as_str)).map_or_else(
                    || msg::assess_unknown_statement_hint(ui()).to_owned(),
                    |best| msg::did_you_mean(ui(), best),
                );
                problems.push(
                    sources
                        .diagnostic(score.loc, msg::assess_unknown_statement(ui(), statement))
                        .with_hint(hint),
                );
            }
            if !(1..=5).contains(&score.value) {
                problems.push(
                    sources
                        .diagnostic(
                            score.loc,
                            msg::assess_file_score_out_of_range(ui(), score.value),
                        )
                        .with_hint(msg::assess_score_out_of_range_hint(ui())),
                );
            }
        }
        if let Some(date) = date {
            out.push(Assessment {
                leader: entry.leader.value,
                date,
                scores: entry
                    .scores
                    .into_iter()
                    .map(|(k, v)| (k, u8::try_from(v.value).unwrap_or(0)))
                    .collect(),
                comment: entry.comment,
            });
        }
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}

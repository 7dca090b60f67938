//! `groups/<id>/solutions.yaml`: each group's register of solutions, with
//! the time they are estimated to free for families and for staff.

use std::path::Path;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::diagnostic::{Diagnostic, suggest};
use crate::error::{Error, Result};
use crate::sprint::Workspace;
use crate::workbook::load::Sources;
use crate::workbook::{At, Id, is_slug};

/// The file name of a group's solutions.
pub const SOLUTIONS_FILE: &str = "solutions.yaml";

/// How far a solution has come.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// An idea not yet built.
    Idea,
    /// A prototype exists.
    Prototype,
    /// Tested with residents.
    Tested,
    /// In use in the services.
    InUse,
}

/// Estimated hours freed per month.
#[derive(Clone, Copy, Debug, Default, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Hours {
    /// For each family, per month.
    #[serde(default, deserialize_with = "decimal")]
    pub families: f64,
    /// For the staff involved, per month.
    #[serde(default, deserialize_with = "decimal")]
    pub staff: f64,
}

/// A number of hours as Norwegians write it: `3`, `3.5`, or `3,5` (which
/// YAML reads as text).
fn decimal<'de, D: serde::Deserializer<'de>>(de: D) -> std::result::Result<f64, D::Error> {
    struct Visitor;
    impl serde::de::Visitor<'_> for Visitor {
        type Value = f64;

        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a number of hours, such as 3 or 3,5")
        }

        fn visit_f64<E: serde::de::Error>(self, v: f64) -> std::result::Result<f64, E> {
            Ok(v)
        }

        fn visit_i64<E: serde::de::Error>(self, v: i64) -> std::result::Result<f64, E> {
            Ok(v as f64)
        }

        fn visit_u64<E: serde::de::Error>(self, v: u64) -> std::result::Result<f64, E> {
            Ok(v as f64)
        }

        fn visit_str<E: serde::de::Error>(self, v: &str) -> std::result::Result<f64, E> {
            v.trim()
                .replace(',', ".")
                .parse()
                .ok()
                .filter(|n: &f64| n.is_finite())
                .ok_or_else(|| {
                    E::custom(format!(
                        "`{v}` is not a number of hours: write it as 3 or 3,5"
                    ))
                })
        }
    }
    de.deserialize_any(Visitor)
}

/// The file as written.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SolutionsFile {
    /// The group's solutions (`solutions:` with nothing after it is none).
    #[serde(default)]
    pub solutions: Option<Vec<SolutionEntry>>,
}

/// A solution as written.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SolutionEntry {
    /// A short unique id, such as `felles-kalender`.
    pub id: Id,
    /// The solution's name.
    pub title: String,
    /// What it is and how it works.
    #[serde(default)]
    pub description: String,
    /// The sub-challenge it answers.
    #[serde(default)]
    pub sub_challenge: String,
    /// The system challenges it addresses (ids from the workbook's knowledge base).
    #[serde(default)]
    pub challenges: Vec<At<String>>,
    /// idea, prototype, tested or in-use.
    pub status: Status,
    /// Estimated hours freed per month.
    #[serde(default)]
    pub hours_per_month: At<Hours>,
    /// Who owns it from here.
    #[serde(default)]
    pub owner: String,
    /// What happens next.
    #[serde(default)]
    pub next_step: String,
}

/// A checked solution.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Solution {
    /// The group's id.
    pub group: String,
    /// The id.
    pub id: String,
    /// The name.
    pub title: String,
    /// What it is.
    pub description: String,
    /// The sub-challenge.
    pub sub_challenge: String,
    /// System challenge ids.
    pub challenges: Vec<String>,
    /// Status.
    pub status: Status,
    /// Hours freed per month.
    pub hours: Hours,
    /// Owner.
    pub owner: String,
    /// Next step.
    pub next_step: String,
    /// Where it is written, for messages.
    #[serde(skip)]
    pub place: String,
}

/// Reads and checks a group's solutions.
pub fn read(ws: &Workspace, group: &str, path: &Path) -> Result<Vec<Solution>> {
    let display = path.display().to_string();
    let mut sources = Sources::default();
    let id = sources.add(display.clone(), crate::fs::read_text(path)?);
    // An empty file is a register with nothing in it yet.
    let file: SolutionsFile = crate::yaml::parse_or_empty(&display, sources.text(id), id)
        .map_err(|d| Error::Invalid(vec![d]))?;
    let known = ws.workbook.challenge_ids();
    let mut problems: Vec<Diagnostic> = Vec::new();
    for entry in file.solutions.iter().flatten() {
        if !is_slug(entry.id.as_str()) {
            problems.push(
                sources
                    .diagnostic(
                        entry.id.loc(),
                        format!("the id `{}` is not a slug", entry.id),
                    )
                    .with_hint(
                        "use lowercase letters a-z, digits and hyphens, such as `felles-kalender`",
                    ),
            );
        }
        for challenge in &entry.challenges {
            if !known.contains(&challenge.value.as_str()) {
                let hint = suggest(challenge, known.iter().copied()).map_or_else(
                    || format!("the system challenges are: {}", known.join(", ")),
                    |best| format!("did you mean `{best}`?"),
                );
                problems.push(
                    sources
                        .diagnostic(
                            challenge.loc,
                            format!("unknown system challenge `{}`", challenge.value),
                        )
                        .with_hint(hint),
                );
            }
        }
        let hours = &entry.hours_per_month;
        // A month has 744 hours at most; NaN and infinities are typing mistakes.
        let bad = |h: f64| !h.is_finite() || !(0.0..=744.0).contains(&h);
        if bad(hours.families) || bad(hours.staff) {
            problems.push(
                sources
                    .diagnostic(
                        hours.loc,
                        "hours freed per month must be a number from 0 to 744",
                    )
                    .with_hint("give the estimated hours per month, such as 3 or 3.5"),
            );
        }
    }
    if !problems.is_empty() {
        return Err(Error::Invalid(problems));
    }
    Ok(file
        .solutions
        .into_iter()
        .flatten()
        .map(|e| Solution {
            group: group.to_owned(),
            place: format!("{display}:{}:{}", e.id.loc().line, e.id.loc().col),
            id: e.id.as_str().to_owned(),
            title: e.title,
            description: e.description,
            sub_challenge: e.sub_challenge,
            challenges: e.challenges.into_iter().map(|c| c.value).collect(),
            status: e.status,
            hours: e.hours_per_month.value,
            owner: e.owner,
            next_step: e.next_step,
        })
        .collect())
}

/// Solution ids are unique across the sprint.
pub fn check_unique(solutions: &[Solution]) -> Result<()> {
    let mut problems = Vec::new();
    for (i, s) in solutions.iter().enumerate() {
        if let Some(first) = solutions[..i].iter().find(|o| o.id == s.id) {
            problems.push(
                Diagnostic::file(
                    s.place.clone(),
                    format!("the solution id `{}` is used twice", s.id),
                )
                .with_hint(format!(
                    "it is already used at {}; give each solution its own id",
                    first.place
                )),
            );
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(Error::Invalid(problems))
    }
}

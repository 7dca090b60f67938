//! `groups/<id>/solutions.yaml`: each group's register of solutions, with
//! the time they are estimated to free for families and for staff.

use std::collections::BTreeMap;
use std::path::Path;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::diagnostic::{Diagnostic, suggest};
use crate::error::{Error, Result};
use crate::i18n::{msg, ui};
use crate::sprint::Workspace;
use crate::sprint::terms::MeasureDef;
use crate::workbook::load::Sources;
use crate::workbook::named::{Named, accept_aliases};
use crate::workbook::{At, Id, Lang, is_slug};

/// The file name of a group's solutions.
pub const SOLUTIONS_FILE: &str = "solutions.yaml";

/// How far a solution has come.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
#[schemars(transform = accept_aliases::<Status>)]
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

impl Named for Status {
    const ALL: &'static [Status] = &[
        Status::Idea,
        Status::Prototype,
        Status::Tested,
        Status::InUse,
    ];

    fn id(self) -> &'static str {
        match self {
            Status::Idea => "idea",
            Status::Prototype => "prototype",
            Status::Tested => "tested",
            Status::InUse => "in-use",
        }
    }

    fn aliases(self) -> &'static [&'static str] {
        // "idè": the accent the wrong way, a slip on Norwegian keyboards.
        match self {
            Status::Idea => &["idé", "ide", "idè"],
            Status::Prototype => &["prototyp"],
            Status::Tested => &["testet", "testa", "prøvd", "utprøvd"],
            Status::InUse => &["i-bruk", "i bruk", "ibruk"],
        }
    }

    fn shown(self, lang: Lang) -> &'static str {
        match (lang, self) {
            (Lang::En, _) | (_, Status::Prototype) => self.id(),
            (_, Status::Idea) => "idé",
            (Lang::Nb, Status::Tested) => "testet",
            (Lang::Nn, Status::Tested) => "testa",
            (_, Status::InUse) => "i-bruk",
        }
    }
}

impl<'de> Deserialize<'de> for Status {
    /// The id (`tested`), or a Norwegian word for it (`testa`).
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> std::result::Result<Self, D::Error> {
        crate::workbook::named::deserialize(deserializer)
    }
}

/// Estimated hours freed per month: the form of `solutions.yaml` before
/// measures were declared, still read as the measures `families` and `staff`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Hours {
    /// For each family, per month.
    #[serde(default)]
    pub families: Figure,
    /// For the staff involved, per month.
    #[serde(default)]
    pub staff: Figure,
}

/// A figure as Norwegians write it: `3`, `3.5`, or `3,5` (which YAML reads
/// as text).
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
#[serde(transparent)]
pub struct Figure(pub f64);

impl JsonSchema for Figure {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Figure".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "anyOf": [{ "type": "number" }, { "type": "string", "pattern": "^\\s*-?[0-9]+([.,][0-9]+)?\\s*$" }],
            "description": "A number, such as 3 or 3,5."
        })
    }
}

impl<'de> Deserialize<'de> for Figure {
    fn deserialize<D: serde::Deserializer<'de>>(de: D) -> std::result::Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Figure;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str(msg::figure_expected(ui()))
            }

            fn visit_f64<E: serde::de::Error>(self, v: f64) -> std::result::Result<Figure, E> {
                Ok(Figure(v))
            }

            fn visit_i64<E: serde::de::Error>(self, v: i64) -> std::result::Result<Figure, E> {
                Ok(Figure(v as f64))
            }

            fn visit_u64<E: serde::de::Error>(self, v: u64) -> std::result::Result<Figure, E> {
                Ok(Figure(v as f64))
            }

            fn visit_str<E: serde::de::Error>(self, v: &str) -> std::result::Result<Figure, E> {
                parse_figure(v)
                    .map(Figure)
                    .ok_or_else(|| E::custom(msg::arg_not_a_number(ui(), v)))
            }
        }
        de.deserialize_any(Visitor)
    }
}

/// A number written with a decimal point or comma, finite.
pub fn parse_figure(v: &str) -> Option<f64> {
    v.trim()
        .replace(',', ".")
        .parse()
        .ok()
        .filter(|n: &f64| n.is_finite())
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
    /// The solution's effect in the sprint's measures, such as `families: 3` (ids from the workbook's or the sprint's `measures`).
    #[serde(default)]
    pub measures: Option<At<BTreeMap<At<String>, Figure>>>,
    /// Estimated hours freed per month (the older form of the measures `families` and `staff`).
    #[serde(default)]
    pub hours_per_month: Option<At<Hours>>,
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
    /// The figures given for the sprint's measures, by measure id.
    pub measures: BTreeMap<String, f64>,
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
    let measures = ws.measures(ws.lang(None));
    let mut problems: Vec<Diagnostic> = Vec::new();
    for entry in file.solutions.iter().flatten() {
        if !is_slug(entry.id.as_str()) {
            problems.push(
                sources
                    .diagnostic(entry.id.loc(), msg::id_not_a_slug(ui(), &entry.id))
                    .with_hint(msg::id_not_a_slug_hint(ui(), "felles-kalender")),
            );
        }
        for challenge in &entry.challenges {
            if !known.contains(&challenge.value.as_str()) {
                let hint = suggest(challenge, known.iter().copied()).map_or_else(
                    || msg::unknown_challenge_hint(ui(), known.join(", ")),
                    |best| msg::did_you_mean(ui(), best),
                );
                problems.push(
                    sources
                        .diagnostic(
                            challenge.loc,
                            msg::unknown_challenge(ui(), &challenge.value),
                        )
                        .with_hint(hint),
                );
            }
        }
        problems.extend(check_measures(entry, &measures, &sources));
    }
    if !problems.is_empty() {
        return Err(Error::Invalid(problems));
    }
    Ok(file
        .solutions
        .into_iter()
        .flatten()
        .map(|e| Solution {
            measures: figures(&e),
            group: group.to_owned(),
            place: format!("{display}:{}:{}", e.id.loc().line, e.id.loc().col),
            id: e.id.as_str().to_owned(),
            title: e.title,
            description: e.description,
            sub_challenge: e.sub_challenge,
            challenges: e.challenges.into_iter().map(|c| c.value).collect(),
            status: e.status,
            owner: e.owner,
            next_step: e.next_step,
        })
        .collect())
}

/// The figures of an entry, from `measures:` and the older `hours_per_month:`.
fn figures(entry: &SolutionEntry) -> BTreeMap<String, f64> {
    let mut out: BTreeMap<String, f64> = entry
        .hours_per_month
        .iter()
        .flat_map(|h| [("families", h.families.0), ("staff", h.staff.0)])
        .map(|(id, v)| (id.to_owned(), v))
        .collect();
    for (id, figure) in entry.measures.iter().flat_map(|m| m.value.iter()) {
        out.insert(id.value.clone(), figure.0);
    }
    out
}

/// Every figure is for a declared measure and within its range.
fn check_measures(
    entry: &SolutionEntry,
    measures: &[MeasureDef],
    sources: &Sources,
) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let ids: Vec<&str> = measures.iter().map(|m| m.id.as_str()).collect();
    let unknown = |id: &At<String>, problems: &mut Vec<Diagnostic>| {
        let hint = match suggest(id, ids.iter().copied()) {
            Some(best) => msg::did_you_mean(ui(), best),
            None if ids.is_empty() => msg::unknown_measure_none_in_file_hint(ui()).to_owned(),
            None => msg::unknown_measure_hint(ui(), ids.join(", ")),
        };
        problems.push(
            sources
                .diagnostic(id.loc, msg::unknown_measure(ui(), &id.value))
                .with_hint(hint),
        );
    };
    if let Some(hours) = &entry.hours_per_month {
        for id in ["families", "staff"] {
            if !ids.contains(&id) {
                unknown(
                    &At {
                        value: id.to_owned(),
                        loc: hours.loc,
                    },
                    &mut problems,
                );
            }
        }
        let bad = |h: f64| !h.is_finite() || !(0.0..=744.0).contains(&h);
        if bad(hours.families.0) || bad(hours.staff.0) {
            problems.push(
                sources
                    .diagnostic(hours.loc, msg::hours_out_of_range(ui()))
                    .with_hint(msg::hours_out_of_range_hint(ui())),
            );
        }
    }
    for (id, figure) in entry.measures.iter().flat_map(|m| m.value.iter()) {
        let Some(measure) = measures.iter().find(|m| m.id == id.value) else {
            unknown(id, &mut problems);
            continue;
        };
        if let Some(max) = measure.max
            && !(0.0..=max).contains(&figure.0)
        {
            problems.push(
                sources
                    .diagnostic(
                        id.loc,
                        msg::figure_out_of_range(ui(), &id.value, figure.0, max),
                    )
                    .with_hint(msg::measure_out_of_range_hint(
                        ui(),
                        &measure.label,
                        &measure.unit,
                        max,
                    )),
            );
        }
    }
    problems
}

/// Solution ids are unique across the sprint.
pub fn check_unique(solutions: &[Solution]) -> Result<()> {
    let mut problems = Vec::new();
    for (i, s) in solutions.iter().enumerate() {
        if let Some(first) = solutions[..i].iter().find(|o| o.id == s.id) {
            problems.push(
                Diagnostic::file(s.place.clone(), msg::solution_id_twice(ui(), &s.id))
                    .with_hint(msg::solution_id_twice_hint(ui(), &first.place)),
            );
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(Error::Invalid(problems))
    }
}

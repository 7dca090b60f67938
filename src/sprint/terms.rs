//! The words and measures of one sprint: the workbook's, or the sprint's own
//! where `samskap.yaml` changes them (a new target group, a new measure).
//! Documents and commands take them from here, never from code.

use schemars::JsonSchema;
use serde::Deserialize;

use super::Workspace;
use crate::diagnostic::Diagnostic;
use crate::i18n::{msg, ui};
use crate::workbook::load::Sources;
use crate::workbook::terms::{SECTIONS, Term, unknown};
use crate::workbook::words::{Words, fill};
use crate::workbook::{At, Id, Lang, Loc, Workbook};

/// The people the sprint is for, as written in `samskap.yaml`.
#[derive(Clone, Debug, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PeopleFile {
    /// One of them, in lowercase, such as `eldre` or `customer`.
    pub singular: String,
    /// Several of them, in lowercase, such as `eldre` or `customers`.
    pub plural: String,
    /// One of them, definite, such as `den eldre` or `the customer`.
    #[serde(default)]
    pub the_singular: Option<String>,
    /// Several of them, definite, such as `de eldre` or `the customers`.
    #[serde(default)]
    pub the_plural: Option<String>,
    /// One of them with its article, such as `en eldre` or `a customer`.
    #[serde(default)]
    pub a_singular: Option<String>,
}

/// A measure as written in `samskap.yaml`.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MeasureFile {
    /// Unique id, the key in `solutions.yaml` under `measures:`.
    pub id: Id,
    /// The measure's name, the heading of its column.
    pub label: String,
    /// Its unit for every figure but 1, such as "kontakter per uke" (required).
    #[serde(default)]
    pub unit: Option<At<String>>,
    /// Its unit for exactly 1, such as "kontakt per uke"; `unit` when left out.
    #[serde(default)]
    pub unit_one: Option<String>,
    /// What `solution new` asks for it.
    #[serde(default)]
    pub question: Option<String>,
    /// The largest value that makes sense.
    #[serde(default)]
    pub max: Option<f64>,
}

/// A measure, in one language.
#[derive(Clone, Debug, PartialEq)]
pub struct MeasureDef {
    /// Its id.
    pub id: String,
    /// Its name.
    pub label: String,
    /// Its unit for every figure but 1 (and in headings: "Per family (hours per month)").
    pub unit: String,
    /// Its unit for exactly 1.
    pub unit_one: String,
    /// What `solution new` asks.
    pub question: String,
    /// The largest value that makes sense, if any.
    pub max: Option<f64>,
}

impl MeasureDef {
    /// `value` with its unit, as the documents write it: "1 time per måned",
    /// "2 timer per måned".
    #[must_use]
    pub fn figure(&self, value: f64, lang: Lang) -> String {
        figure(value, &self.unit_one, &self.unit, lang)
    }
}

/// `one` for a figure written as 1, else `other` ("0", "1,5", "2 timer"):
/// the rule of nb, nn and en alike. Documents round figures to a tenth, so
/// 1.04 reads "1" and takes the singular like 1 does.
#[allow(clippy::float_cmp)] // a tenth-rounded 1 is exactly 1.0 in binary
fn unit_for<'a>(value: f64, one: &'a str, other: &'a str) -> &'a str {
    if (value * 10.0).round() / 10.0 == 1.0 {
        one
    } else {
        other
    }
}

/// `value` formatted in `lang`, with the unit its number takes.
#[must_use]
pub fn figure(value: f64, one: &str, other: &str, lang: Lang) -> String {
    format!(
        "{} {}",
        crate::report::number(value, lang),
        unit_for(value, one, other)
    )
}

/// The checked sprint overrides.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SprintTerms {
    /// The people the sprint is for, in the sprint's words.
    pub people: Option<PeopleFile>,
    /// The sprint's measures, replacing the workbook's.
    pub measures: Option<Vec<MeasureDef>>,
    /// The interview guide's purpose sentence.
    pub interview_purpose: Option<String>,
    /// The report's sections, when the sprint chooses them.
    pub sections: Option<Vec<String>>,
    /// Where samskap.yaml sets `lang:`, for a language the workbook lacks.
    pub lang_loc: Option<Loc>,
}

/// What `samskap.yaml` may change of the workbook's words, as written.
pub struct Overrides {
    /// `people:`.
    pub people: Option<PeopleFile>,
    /// `measures:`.
    pub measures: Option<Vec<MeasureFile>>,
    /// `interview_purpose:`.
    pub interview_purpose: Option<String>,
    /// `sections:`.
    pub sections: Option<Vec<At<String>>>,
    /// Where `lang:` is written.
    pub lang_loc: Option<Loc>,
}

/// Checks the sprint's overrides: measures with unique slugs, each with a
/// unit; sections the report has.
pub fn check(o: Overrides, sources: &Sources) -> Result<SprintTerms, Vec<Diagnostic>> {
    let Overrides {
        people,
        measures,
        interview_purpose,
        sections,
        lang_loc,
    } = o;
    let mut problems = Vec::new();
    for section in sections.iter().flatten() {
        if !SECTIONS.contains(&section.value.as_str()) {
            problems.push(unknown(sources, section, Term::Section, &SECTIONS));
        }
    }
    let mut defs = Vec::new();
    for (i, m) in measures.iter().flatten().enumerate() {
        let id = m.id.as_str();
        if !crate::workbook::is_slug(id) {
            problems.push(
                sources
                    .diagnostic(m.id.loc(), msg::measure_id_not_a_slug(ui(), id))
                    .with_hint(msg::id_not_a_slug_hint(ui(), "kontakter")),
            );
        }
        if measures
            .iter()
            .flatten()
            .take(i)
            .any(|o| o.id.as_str() == id)
        {
            problems.push(
                sources
                    .diagnostic(m.id.loc(), msg::measure_id_twice(ui(), id))
                    .with_hint(msg::measure_id_twice_hint(ui())),
            );
        }
        let unit = m.unit.as_ref().map(|u| u.value.trim()).unwrap_or_default();
        if unit.is_empty() {
            let loc = m.unit.as_ref().map_or(m.id.loc(), |u| u.loc);
            problems.push(
                sources
                    .diagnostic(loc, msg::measure_no_unit(ui(), id))
                    .with_hint(msg::measure_no_unit_hint(ui(), "unit: kontakter per uke")),
            );
        }
        defs.push(MeasureDef {
            id: id.to_owned(),
            label: m.label.clone(),
            unit: unit.to_owned(),
            unit_one: m
                .unit_one
                .as_deref()
                .map(str::trim)
                .filter(|u| !u.is_empty())
                .unwrap_or(unit)
                .to_owned(),
            question: m.question.clone().unwrap_or_else(|| m.label.clone()),
            max: m.max,
        });
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(SprintTerms {
        people,
        measures: measures.map(|_| defs),
        interview_purpose,
        sections: sections.map(|s| s.into_iter().map(|x| x.value).collect()),
        lang_loc,
    })
}

/// The people a sprint is for, in words.
#[derive(Clone, Debug, PartialEq)]
pub struct People {
    /// One of them.
    pub singular: String,
    /// Several of them.
    pub plural: String,
}

impl People {
    /// The word for `n` of them: "1 familie", "2 familier".
    #[must_use]
    pub fn count(&self, n: usize) -> &str {
        if n == 1 { &self.singular } else { &self.plural }
    }
}

impl Workspace {
    /// The people the sprint is for: the sprint's words, else the workbook's,
    /// else "participant(s)".
    pub fn people(&self, lang: Lang) -> People {
        let words = self.words(lang);
        People {
            singular: words.singular,
            plural: words.plural,
        }
    }

    /// The words the workbook's placeholders stand for in `lang`: the
    /// sprint's people words (else the workbook's) and its target group.
    pub fn words(&self, lang: Lang) -> Words {
        words(&self.sprint, &self.workbook, lang)
    }

    /// The measures of solutions' effects: the sprint's, else the workbook's.
    pub fn measures(&self, lang: Lang) -> Vec<MeasureDef> {
        if let Some(measures) = &self.sprint.terms.measures {
            return measures.clone();
        }
        self.workbook
            .measures
            .iter()
            .map(|m| MeasureDef {
                id: m.id.as_str().to_owned(),
                label: m.label.get(lang).to_owned(),
                unit: m
                    .unit
                    .as_ref()
                    .map(|u| u.get(lang).to_owned())
                    .unwrap_or_default(),
                unit_one: m
                    .unit_one
                    .as_ref()
                    .or(m.unit.as_ref())
                    .map(|u| u.get(lang).to_owned())
                    .unwrap_or_default(),
                question: m.question.as_ref().unwrap_or(&m.label).get(lang).to_owned(),
                max: m.max.as_ref().map(|x| x.value),
            })
            .collect()
    }

    /// The interview guide's purpose: the sprint's sentence, else the
    /// workbook's with the target group put in, else none.
    pub fn interview_purpose(&self, lang: Lang) -> Option<String> {
        if let Some(purpose) = &self.sprint.terms.interview_purpose {
            return Some(fill(purpose, &self.words(lang)).into_owned());
        }
        let purpose = self.workbook.questions.as_ref()?.purpose.as_ref()?;
        Some(purpose.get(lang).to_owned())
    }
}

/// The words of `sprint` in `lang`, for a workbook that is not yet filled.
pub fn words(sprint: &super::config::Sprint, wb: &Workbook, lang: Lang) -> Words {
    let mut words = match &sprint.terms.people {
        Some(p) => {
            let given = [&p.the_singular, &p.the_plural, &p.a_singular];
            Words::new(lang, &p.singular, &p.plural, given.map(Option::as_deref))
        }
        None => Words::of_workbook(wb, lang),
    };
    sprint.target_group.clone_into(&mut words.target_group);
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_figure_written_as_one_takes_the_singular() {
        let m = MeasureDef {
            id: "timer".into(),
            label: "Per familie".into(),
            unit: "timer per måned".into(),
            unit_one: "time per måned".into(),
            question: String::new(),
            max: None,
        };
        assert_eq!(m.figure(1.0, Lang::Nb), "1 time per måned");
        assert_eq!(m.figure(1.04, Lang::Nb), "1 time per måned");
        assert_eq!(m.figure(0.0, Lang::Nb), "0 timer per måned");
        assert_eq!(m.figure(1.5, Lang::Nb), "1,5 timer per måned");
        assert_eq!(m.figure(2.0, Lang::Nb), "2 timer per måned");
        assert_eq!(m.figure(0.96, Lang::En), "1 time per måned");
    }
}

//! Checks of the process's own vocabulary: the measures of solutions' effects,
//! the tags of notes and the report's sections. Each has its own namespace
//! (a tag may share its id with a challenge it belongs to), so they are
//! checked here rather than with the workbook's shared ids.

use super::load::Sources;
use super::model::{Measure, Tag};
use super::text::{At, Id};
use super::{Workbook, is_slug};
use crate::diagnostic::{Diagnostic, suggest};
use crate::i18n::{msg, ui};

/// The sections a report can have, in their default order.
pub const SECTIONS: [&str; 8] = [
    "about",
    "done",
    "insights",
    "solutions",
    "knowledge",
    "model",
    "evaluation",
    "recommendations",
];

/// Every problem with the workbook's measures, tags and report sections.
pub fn check(wb: &Workbook, sources: &Sources) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let ids: Vec<&Id> = wb.measures.iter().map(|m| &m.id).collect();
    unique_slugs(&ids, Term::Measure, sources, &mut out);
    for measure in &wb.measures {
        out.extend(check_measure(measure, sources));
    }
    let ids: Vec<&Id> = wb.tags.iter().map(|t| &t.id).collect();
    unique_slugs(&ids, Term::Tag, sources, &mut out);
    let challenges = wb.challenge_ids();
    for reference in wb.tags.iter().filter_map(|t: &Tag| t.challenge.as_ref()) {
        if !challenges.contains(&reference.value.as_str()) {
            out.push(unknown(sources, reference, Term::Challenge, &challenges));
        }
    }
    let topics: Vec<&str> = wb
        .questions
        .iter()
        .flat_map(|q| q.topics.iter().map(|t| t.id.as_str()))
        .collect();
    for reference in wb.tags.iter().flat_map(|t| &t.topics) {
        if !topics.contains(&reference.value.as_str()) {
            out.push(unknown(sources, reference, Term::Topic, &topics));
        }
    }
    for section in wb.report.sections.iter().flatten() {
        if !SECTIONS.contains(&section.value.as_str()) {
            out.push(unknown(sources, section, Term::Section, &SECTIONS));
        }
    }
    out
}

/// A measure needs a unit, and a maximum above zero.
fn check_measure(measure: &Measure, sources: &Sources) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    if measure.unit.is_none() {
        out.push(
            sources
                .diagnostic(measure.id.loc(), msg::measure_no_unit(ui(), &measure.id))
                .with_hint(msg::measure_no_unit_hint(
                    ui(),
                    "unit: { nb: timer per måned, en: hours per month }",
                )),
        );
    }
    if let Some(max) = &measure.max
        && !(max.value.is_finite() && max.value > 0.0)
    {
        out.push(
            sources
                .diagnostic(max.loc, msg::measure_max_not_positive(ui(), max.value))
                .with_hint(msg::measure_max_not_positive_hint(ui())),
        );
    }
    out
}

/// The kinds of the process's own vocabulary, each worded whole in the
/// catalogue (nynorsk agrees with the noun: ukjend rapportdel, ukjent tema).
#[derive(Clone, Copy)]
pub enum Term {
    /// A measure of solutions' effects.
    Measure,
    /// A tag of notes.
    Tag,
    /// A system challenge a tag belongs to.
    Challenge,
    /// An interview topic a tag belongs to.
    Topic,
    /// A section of the report.
    Section,
}

impl Term {
    fn not_a_slug(self, id: &str) -> String {
        match self {
            Term::Measure => msg::measure_id_not_a_slug(ui(), id),
            _ => msg::tag_id_not_a_slug(ui(), id),
        }
    }

    fn twice(self, id: &str) -> String {
        match self {
            Term::Measure => msg::measure_id_twice(ui(), id),
            _ => msg::tag_id_twice(ui(), id),
        }
    }

    fn twice_hint(self, place: &str) -> String {
        match self {
            Term::Measure => msg::measure_id_twice_at_hint(ui(), place),
            _ => msg::tag_id_twice_hint(ui(), place),
        }
    }

    fn unknown(self, name: &str) -> String {
        match self {
            Term::Measure => msg::unknown_measure(ui(), name),
            Term::Tag => msg::unknown_tag(ui(), name),
            Term::Challenge => msg::unknown_challenge(ui(), name),
            Term::Topic => msg::unknown_interview_topic(ui(), name),
            Term::Section => msg::unknown_report_section(ui(), name),
        }
    }

    fn known(self, list: &str) -> String {
        match self {
            Term::Measure => msg::unknown_measure_hint(ui(), list),
            Term::Tag => msg::known_tags(ui(), list),
            Term::Challenge => msg::unknown_challenge_hint(ui(), list),
            Term::Topic => msg::unknown_topic_hint(ui(), list),
            Term::Section => msg::known_report_sections(ui(), list),
        }
    }

    fn none(self) -> &'static str {
        match self {
            Term::Measure => msg::unknown_measure_none_hint(ui()),
            Term::Tag => msg::no_tags(ui()),
            Term::Challenge => msg::no_challenges(ui()),
            Term::Topic => msg::no_interview_topics(ui()),
            Term::Section => msg::no_report_sections(ui()),
        }
    }
}

fn unique_slugs(ids: &[&Id], what: Term, sources: &Sources, out: &mut Vec<Diagnostic>) {
    for (i, id) in ids.iter().enumerate() {
        let name = id.as_str();
        if !is_slug(name) {
            let slug = super::slugify(name).unwrap_or_else(|| "my-id".into());
            out.push(
                sources
                    .diagnostic(id.loc(), what.not_a_slug(name))
                    .with_hint(msg::workbook_id_not_a_slug_hint(ui(), slug)),
            );
        }
        if let Some(first) = ids[..i].iter().find(|o| o.as_str() == name) {
            let at = first.loc();
            let place = format!("{}:{}:{}", sources.name(at.source), at.line, at.col);
            out.push(
                sources
                    .diagnostic(id.loc(), what.twice(name))
                    .with_hint(what.twice_hint(&place)),
            );
        }
    }
}

/// "unknown X `y`", with the closest known one or the list of them.
pub fn unknown(
    sources: &Sources,
    reference: &At<String>,
    what: Term,
    known: &[&str],
) -> Diagnostic {
    let name = reference.value.as_str();
    let hint = match suggest(name, known.iter().copied()) {
        Some(best) => msg::did_you_mean(ui(), best),
        None if known.is_empty() => what.none().to_owned(),
        None => what.known(
            &known
                .iter()
                .map(|k| format!("`{k}`"))
                .collect::<Vec<_>>()
                .join(", "),
        ),
    };
    sources
        .diagnostic(reference.loc, what.unknown(name))
        .with_hint(hint)
}

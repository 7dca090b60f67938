//! Checks of the process's own vocabulary: the measures of solutions' effects,
//! the tags of notes and the report's sections. Each has its own namespace
//! (a tag may share its id with a challenge it belongs to), so they are
//! checked here rather than with the workbook's shared ids.

use super::load::Sources;
use super::model::{Measure, Tag};
use super::text::{At, Id};
use super::{Workbook, is_slug};
use crate::diagnostic::{Diagnostic, suggest};

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
    unique_slugs(&ids, "measure", sources, &mut out);
    for measure in &wb.measures {
        out.extend(check_measure(measure, sources));
    }
    let ids: Vec<&Id> = wb.tags.iter().map(|t| &t.id).collect();
    unique_slugs(&ids, "tag", sources, &mut out);
    let challenges = wb.challenge_ids();
    for reference in wb.tags.iter().filter_map(|t: &Tag| t.challenge.as_ref()) {
        if !challenges.contains(&reference.value.as_str()) {
            out.push(unknown(
                sources,
                reference,
                "challenge",
                &challenges,
                "challenges are defined under `knowledge: challenges:`",
            ));
        }
    }
    let topics: Vec<&str> = wb
        .questions
        .iter()
        .flat_map(|q| q.topics.iter().map(|t| t.id.as_str()))
        .collect();
    for reference in wb.tags.iter().flat_map(|t| &t.topics) {
        if !topics.contains(&reference.value.as_str()) {
            out.push(unknown(
                sources,
                reference,
                "interview topic",
                &topics,
                "topics are defined under `questions: topics:`",
            ));
        }
    }
    for section in wb.report.sections.iter().flatten() {
        if !SECTIONS.contains(&section.value.as_str()) {
            out.push(unknown(sources, section, "report section", &SECTIONS, ""));
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
                .diagnostic(
                    measure.id.loc(),
                    format!("the measure `{}` has no unit", measure.id),
                )
                .with_hint(
                    "add `unit:`, such as `unit: { nb: timer per måned, en: hours per month }`; the report shows every figure with it",
                ),
        );
    }
    if let Some(max) = &measure.max
        && !(max.value.is_finite() && max.value > 0.0)
    {
        out.push(
            sources
                .diagnostic(max.loc, format!("`max: {}` is not above zero", max.value))
                .with_hint(
                    "give the largest value that makes sense, such as 744, or leave `max` out",
                ),
        );
    }
    out
}

fn unique_slugs(ids: &[&Id], what: &str, sources: &Sources, out: &mut Vec<Diagnostic>) {
    for (i, id) in ids.iter().enumerate() {
        let name = id.as_str();
        if !is_slug(name) {
            let slug = super::slugify(name).unwrap_or_else(|| "my-id".into());
            out.push(
                sources
                    .diagnostic(id.loc(), format!("the {what} id `{name}` is not a slug"))
                    .with_hint(format!(
                        "ids use only lowercase letters a-z, digits and single hyphens; for example `{slug}`"
                    )),
            );
        }
        if let Some(first) = ids[..i].iter().find(|o| o.as_str() == name) {
            let at = first.loc();
            out.push(
                sources
                    .diagnostic(id.loc(), format!("the {what} id `{name}` is used twice"))
                    .with_hint(format!(
                        "it is already used at {}:{}:{}; give each {what} its own id",
                        sources.name(at.source),
                        at.line,
                        at.col
                    )),
            );
        }
    }
}

/// "unknown X `y`", with the closest known one or the list of them.
pub fn unknown(
    sources: &Sources,
    reference: &At<String>,
    what: &str,
    known: &[&str],
    otherwise: &str,
) -> Diagnostic {
    let name = reference.value.as_str();
    let hint = match suggest(name, known.iter().copied()) {
        Some(best) => format!("did you mean `{best}`?"),
        None if known.is_empty() => format!("no {what} is defined; {otherwise}"),
        None => format!(
            "known {what}s: {}",
            known
                .iter()
                .map(|k| format!("`{k}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    sources
        .diagnostic(reference.loc, format!("unknown {what} `{name}`"))
        .with_hint(hint)
}

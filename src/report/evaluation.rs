//! The evaluation: what participants said about the process, by tag, with
//! quotes from those who consented.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{Input, QuoteRow};

/// Quotes shown at most.
const QUOTES: usize = 6;

/// The section's context.
#[derive(Debug, Serialize)]
pub struct Evaluation {
    /// The heading.
    pub heading: &'static str,
    /// Where the notes come from.
    pub intro: &'static str,
    /// "Notes".
    pub notes_label: &'static str,
    /// Notes.
    pub count: usize,
    /// The column headings: theme, count.
    pub columns: [&'static str; 2],
    /// Tags with counts.
    pub themes: Vec<TagCount>,
    /// Quotes from consenting participants.
    pub quotes: Vec<QuoteRow>,
}

/// A tag and how many notes have it.
#[derive(Debug, Serialize)]
pub struct TagCount {
    /// The tag as readers see it.
    pub tag: String,
    /// Notes with it.
    pub count: usize,
}

/// The section, when there are evaluation notes.
pub fn build(i: &Input<'_>) -> Option<Evaluation> {
    let evaluations = &i.records.evaluations;
    if evaluations.is_empty() {
        return None;
    }
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for e in evaluations {
        // `søsken` and `sosken` are one theme, counted once per note.
        let ids: std::collections::BTreeSet<&str> =
            e.tags.iter().map(|t| i.ws.workbook.tag_id(t)).collect();
        for id in ids {
            *counts.entry(id).or_default() += 1;
        }
    }
    let mut ranked: Vec<(&str, usize)> = counts.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let participant = i.t("deltaker", "participant");
    let quotes = evaluations
        .iter()
        .filter(|e| e.consent.allows_quotes())
        .filter_map(|e| {
            let q = e.quotes.first()?;
            let source = match &e.group {
                Some(g) => format!("{participant}, {}", i.group_name(g)),
                None => participant.to_owned(),
            };
            Some(QuoteRow {
                text: q.text.clone(),
                source,
            })
        })
        .take(QUOTES)
        .collect();
    Some(Evaluation {
        heading: i.t("Evaluering", "Evaluation"),
        intro: i.t(
            "Evalueringsintervjuer med deltakere fra arbeidsgruppene.",
            "Evaluation interviews with participants from the work groups.",
        ),
        notes_label: i.t("Antall notater", "Notes"),
        count: evaluations.len(),
        columns: [i.t("Tema", "Theme"), i.t("Antall", "Count")],
        themes: ranked
            .into_iter()
            .map(|(tag, count)| TagCount {
                tag: i.tag_label(tag),
                count,
            })
            .collect(),
        quotes,
    })
}

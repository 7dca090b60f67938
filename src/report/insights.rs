//! Insights by theme: the tags of the interview notes, ranked, with a few
//! consenting quotes spread over the groups.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{Input, QuoteRow};
use crate::records::{Quote, Records};

/// Quotes shown per theme at most.
const QUOTES_PER_THEME: usize = 3;
/// Themes shown at most.
const THEMES: usize = 10;

/// The section's context.
#[derive(Debug, Serialize)]
pub struct Insights {
    /// The heading.
    pub heading: &'static str,
    /// What the themes are.
    pub intro: String,
    /// The themes, most frequent first.
    pub themes: Vec<Theme>,
}

/// A theme from the interviews' tags.
#[derive(Debug, Serialize)]
pub struct Theme {
    /// The tag as readers see it.
    pub tag: String,
    /// Interviews with it.
    pub count: usize,
    /// Quotes from consenting interviews with it.
    pub quotes: Vec<QuoteRow>,
}

/// The section, when some interview note has tags.
pub fn build(i: &Input<'_>) -> Option<Insights> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for interview in i.records.counted() {
        for tag in &interview.tags {
            *counts.entry(tag.as_str()).or_default() += 1;
        }
    }
    if counts.is_empty() {
        return None;
    }
    let mut ranked: Vec<(&str, usize)> = counts.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let source = |group: &str| format!("{}, {}", i.t("intervju", "interview"), i.group_name(group));
    let intro = format!(
        "{} {} {}",
        i.t(
            "Temaene er emneordene i intervjunotatene, med antall intervjuer. Sitatene er bare fra",
            "The themes are the tags of the interview notes, with the number of interviews. Quotes come only from"
        ),
        i.people.plural,
        i.t(
            "som har samtykket, og er gjengitt uten navn.",
            "who consented, and are given without names."
        )
    );
    Some(Insights {
        heading: i.t("Innsikt etter tema", "Insights by theme"),
        intro,
        themes: ranked
            .into_iter()
            .take(THEMES)
            .map(|(tag, count)| Theme {
                tag: i.tag_label(tag),
                count,
                quotes: spread_quotes(i.records, tag, &source),
            })
            .collect(),
    })
}

/// Up to [`QUOTES_PER_THEME`] quotes for `tag` from consenting interviews:
/// one per interview, taking each group in turn, so that one group's voice
/// does not fill the theme.
fn spread_quotes(records: &Records, tag: &str, source: &dyn Fn(&str) -> String) -> Vec<QuoteRow> {
    let mut by_group: Vec<(&str, Vec<&Quote>)> = Vec::new();
    for i in records
        .interviews
        .iter()
        .filter(|i| i.consent.allows_quotes() && i.tags.iter().any(|t| t == tag))
    {
        let Some(quote) = i.quotes.first() else {
            continue;
        };
        match by_group.iter_mut().find(|(g, _)| *g == i.group) {
            Some((_, quotes)) => quotes.push(quote),
            None => by_group.push((&i.group, vec![quote])),
        }
    }
    let mut out = Vec::new();
    for round in 0.. {
        let mut any = false;
        for (group, quotes) in &by_group {
            if let Some(q) = quotes.get(round) {
                any = true;
                if out.len() < QUOTES_PER_THEME {
                    out.push(QuoteRow {
                        text: q.text.clone(),
                        source: source(group),
                    });
                }
            }
        }
        if !any || out.len() >= QUOTES_PER_THEME {
            break;
        }
    }
    out
}

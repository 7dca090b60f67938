//! Insights by theme: the tags of the interview notes, those most
//! interviews carry first, each with the quotes that belong to it. A quote
//! belongs to the tags of its own place in its note (see
//! [`crate::records::outline`]) and is shown once, under the strongest of
//! them: the one most interviews carry.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use serde::Serialize;

use super::{Input, QuoteRow};
use crate::i18n::msg;
use crate::records::{Interview, Quote};

/// Quotes shown per theme at most.
const QUOTES_PER_THEME: usize = 3;
/// Themes shown at most.
const THEMES: usize = 10;

/// The section's context.
#[derive(Debug, Serialize)]
pub struct Insights {
    /// The heading.
    pub heading: String,
    /// What the themes are.
    pub intro: String,
    /// The themes, those most interviews carry first.
    pub themes: Vec<Theme>,
}

/// A theme from the interviews' tags.
#[derive(Debug, Serialize)]
pub struct Theme {
    /// The tag as readers see it: its label in the vocabulary, else as written.
    pub tag: String,
    /// Interviews carrying it.
    pub count: usize,
    /// Groups whose interviews carry it.
    pub groups: usize,
    /// "8 intervjuer i 3 grupper".
    pub counts: String,
    /// Quotes that belong to it, from interviews with consent to quoting.
    pub quotes: Vec<QuoteRow>,
}

/// A tag of the interviews, under its vocabulary id, with who carries it.
struct Ranked<'a> {
    id: &'a str,
    interviews: usize,
    groups: usize,
}

/// The section, when some interview note has tags.
pub fn build(i: &Input<'_>) -> Option<Insights> {
    let ranked = rank(i);
    if ranked.is_empty() {
        return None;
    }
    let quotes = place_quotes(i, &ranked);
    Some(Insights {
        heading: msg::report_insights_heading(i.lang),
        intro: msg::report_insights_intro(i.lang, &i.people.plural),
        themes: ranked
            .iter()
            .zip(quotes)
            .map(|(r, quotes)| Theme {
                tag: i.tag_label(r.id),
                count: r.interviews,
                groups: r.groups,
                counts: msg::report_theme_count(i.lang, r.interviews, r.groups),
                quotes,
            })
            .collect(),
    })
}

/// The themes shown: by interviews carrying them, then groups, then name.
fn rank<'a>(i: &Input<'a>) -> Vec<Ranked<'a>> {
    let wb = &i.ws.workbook;
    let mut carriers: BTreeMap<&str, (usize, BTreeSet<&str>)> = BTreeMap::new();
    // Consent to the interview alone counts a note in the figures.
    for interview in i.records.counted() {
        let ids: BTreeSet<&str> = interview.tags.iter().map(|t| wb.tag_id(t)).collect();
        for id in ids {
            let entry = carriers.entry(id).or_default();
            entry.0 += 1;
            entry.1.insert(&interview.group);
        }
    }
    let mut ranked: Vec<Ranked<'a>> = carriers
        .into_iter()
        .map(|(id, (interviews, groups))| Ranked {
            id,
            interviews,
            groups: groups.len(),
        })
        .collect();
    ranked.sort_by(|a, b| {
        (b.interviews, b.groups)
            .cmp(&(a.interviews, a.groups))
            .then_with(|| a.id.cmp(b.id))
    });
    ranked.truncate(THEMES);
    ranked
}

/// A quote that may be shown, with the shown themes it belongs to,
/// strongest first, and its place among its group's and interview's.
struct Candidate<'a> {
    quote: &'a Quote,
    group: &'a str,
    group_index: usize,
    interview: usize,
    themes: Vec<usize>,
}

/// The quotes of each ranked theme. Each quote goes to the strongest of
/// its themes that still has room, so it appears once; within a theme,
/// quotes are taken from as many interviews and groups as there are
/// before a second from the same one.
fn place_quotes(i: &Input<'_>, ranked: &[Ranked<'_>]) -> Vec<Vec<QuoteRow>> {
    let candidates = candidates(i, ranked);
    let mut placed: Vec<Vec<&Candidate<'_>>> = vec![Vec::new(); ranked.len()];
    let mut used: HashSet<usize> = HashSet::new();
    let depth = candidates.iter().map(|c| c.themes.len()).max().unwrap_or(0);
    for choice in 0..depth {
        for (theme, room) in placed.iter_mut().enumerate() {
            let wanting: Vec<usize> = (0..candidates.len())
                .filter(|c| !used.contains(c) && candidates[*c].themes.get(choice) == Some(&theme))
                .collect();
            for c in spread(&candidates, wanting) {
                if room.len() >= QUOTES_PER_THEME {
                    break;
                }
                used.insert(c);
                room.push(&candidates[c]);
            }
        }
    }
    placed
        .into_iter()
        .map(|quotes| {
            quotes
                .into_iter()
                .map(|c| QuoteRow {
                    text: c.quote.text.clone(),
                    source: msg::report_interview_source(i.lang, i.group_name(c.group)),
                })
                .collect()
        })
        .collect()
}

/// Whether an interview's quotes may be used.
fn may_quote(interview: &Interview) -> bool {
    interview.consent.allows_quotes()
}

/// Every quote of the interviews that may be quoted and belongs to a shown
/// theme, once even when two notes hold the same words.
fn candidates<'a>(i: &Input<'a>, ranked: &[Ranked<'_>]) -> Vec<Candidate<'a>> {
    let wb = &i.ws.workbook;
    let mut groups: Vec<&str> = Vec::new();
    let mut seen: HashSet<&str> = HashSet::new();
    let mut out = Vec::new();
    for (n, interview) in i.records.interviews.iter().enumerate() {
        if !may_quote(interview) {
            continue;
        }
        let group_index = groups
            .iter()
            .position(|g| *g == interview.group)
            .unwrap_or_else(|| {
                groups.push(&interview.group);
                groups.len() - 1
            });
        for quote in &interview.quotes {
            let mut themes: Vec<usize> = quote
                .tags
                .iter()
                .filter_map(|t| {
                    let id = wb.tag_id(t);
                    ranked.iter().position(|r| r.id == id)
                })
                .collect();
            themes.sort_unstable();
            themes.dedup();
            if themes.is_empty() || !seen.insert(quote.text.as_str()) {
                continue;
            }
            out.push(Candidate {
                quote,
                group: &interview.group,
                group_index,
                interview: n,
                themes,
            });
        }
    }
    out
}

/// The candidates in the order they are taken: a first quote of each
/// interview before a second of any; among those, each group's first, then
/// each group's second, so one group's voice does not fill a theme.
fn spread(candidates: &[Candidate<'_>], wanting: Vec<usize>) -> Vec<usize> {
    let mut of_interview: BTreeMap<usize, usize> = BTreeMap::new();
    let mut of_group: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    let mut rounds: Vec<(usize, usize)> = wanting
        .into_iter()
        .map(|c| {
            let nth = of_interview.entry(candidates[c].interview).or_default();
            *nth += 1;
            (*nth, c)
        })
        .collect();
    rounds.sort_by_key(|(round, _)| *round);
    let mut keyed: Vec<((usize, usize, usize), usize)> = rounds
        .into_iter()
        .map(|(round, c)| {
            let group = candidates[c].group_index;
            let nth = of_group.entry((round, group)).or_default();
            *nth += 1;
            ((round, *nth, group), c)
        })
        .collect();
    keyed.sort_by_key(|(key, _)| *key);
    keyed.into_iter().map(|(_, c)| c).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn candidate(quote: &Quote, interview: usize, group_index: usize) -> Candidate<'_> {
        Candidate {
            quote,
            group: "g",
            group_index,
            interview,
            themes: vec![0],
        }
    }

    #[test]
    fn other_interviews_and_groups_come_before_a_second_quote() {
        let q = Quote {
            text: String::new(),
            path: std::path::PathBuf::new(),
            line: 1,
            tags: Vec::new(),
        };
        // Interview 0 (group 0) has two quotes; interview 1 is group 0's
        // too; interviews 2 and 3 are groups 1 and 2.
        let cs = vec![
            candidate(&q, 0, 0),
            candidate(&q, 0, 0),
            candidate(&q, 1, 0),
            candidate(&q, 2, 1),
            candidate(&q, 3, 2),
        ];
        assert_eq!(spread(&cs, vec![0, 1, 2, 3, 4]), [0, 3, 4, 2, 1]);
    }
}

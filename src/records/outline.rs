//! Where a quote stands in its note, and so which of the note's tags it
//! belongs to. A note's tags are what the interviewer wrote (front matter
//! and `#tags`); a quote belongs to those its own place names, closest
//! first:
//! 1. the `#tags` on its lines or in its paragraph;
//! 2. else those of its section: the `#tags` in it, and the note's tags its
//!    heading names (by the tag's id or label, or the interview topic the
//!    workbook links the tag to); a section naming none defers to the one
//!    it is part of;
//! 3. else, when no place names any, every tag of the note.
//!
//! So "Jeg er egentlig koordinatoren" under `## Hverdag og tid` is a quote
//! about time, not about every theme of its note.

use crate::workbook::{Workbook, slugify};

use super::notes::{Quote, inline_tags};

/// One section of a note: the text under a heading, up to the next heading.
#[derive(Debug)]
struct Section {
    /// The heading's level (1 for `#`); 0 for the text before any heading.
    level: usize,
    /// The section this one is part of.
    parent: Option<usize>,
    /// The note's tags that this section names.
    tags: Vec<String>,
}

/// A note's body cut into sections and paragraphs, each line knowing both.
struct Outline {
    sections: Vec<Section>,
    /// The `#tags` of each paragraph.
    paragraphs: Vec<Vec<String>>,
    /// For each line of the body: its section and paragraph.
    lines: Vec<(usize, usize)>,
}

/// The quotes with the tags they belong to, and without the `#tags`
/// written on their lines (a tag is for sorting, not for readers).
pub fn tag_quotes(
    wb: &Workbook,
    body: &str,
    body_line: u32,
    note_tags: &[String],
    quotes: Vec<Quote>,
) -> Vec<Quote> {
    if quotes.is_empty() {
        return quotes;
    }
    let outline = Outline::of(wb, body, note_tags);
    quotes
        .into_iter()
        .map(|mut q| {
            let line = q.line.saturating_sub(body_line) as usize;
            q.tags = outline.tags_at(line, note_tags);
            q.text = without_tags(&q.text);
            q
        })
        .collect()
}

impl Outline {
    /// One pass over the body's lines.
    fn of(wb: &Workbook, body: &str, note_tags: &[String]) -> Outline {
        let names = Names::of(wb, note_tags);
        let mut sections = vec![Section {
            level: 0,
            parent: None,
            tags: Vec::new(),
        }];
        let mut section_text: Vec<String> = vec![String::new()];
        let mut paragraphs: Vec<String> = vec![String::new()];
        let mut lines = Vec::new();
        let mut in_paragraph = false;
        for line in body.lines() {
            if let Some((level, title)) = heading(line) {
                let mut parent = sections.len() - 1;
                while parent != 0 && sections[parent].level >= level {
                    parent = sections[parent].parent.unwrap_or(0);
                }
                sections.push(Section {
                    level,
                    parent: Some(parent),
                    tags: names.named_by(title),
                });
                section_text.push(String::new());
                in_paragraph = false;
            }
            let blank = line.trim().is_empty() || line.trim() == ">";
            if blank {
                in_paragraph = false;
            } else if !in_paragraph {
                paragraphs.push(String::new());
                in_paragraph = true;
            }
            let (s, p) = (sections.len() - 1, paragraphs.len() - 1);
            section_text[s].push_str(line);
            section_text[s].push('\n');
            paragraphs[p].push_str(line);
            paragraphs[p].push('\n');
            lines.push((s, p));
        }
        for (section, text) in sections.iter_mut().zip(&section_text) {
            for tag in inline_tags(text) {
                if !section.tags.contains(&tag) {
                    section.tags.push(tag);
                }
            }
        }
        Outline {
            sections,
            paragraphs: paragraphs.iter().map(|p| inline_tags(p)).collect(),
            lines,
        }
    }

    /// The tags of what stands at this line of the body, closest first.
    fn tags_at(&self, line: usize, note_tags: &[String]) -> Vec<String> {
        let Some(&(section, paragraph)) = self.lines.get(line) else {
            return note_tags.to_vec();
        };
        if !self.paragraphs[paragraph].is_empty() {
            return self.paragraphs[paragraph].clone();
        }
        let mut at = Some(section);
        while let Some(s) = at {
            if !self.sections[s].tags.is_empty() {
                return self.sections[s].tags.clone();
            }
            at = self.sections[s].parent;
        }
        note_tags.to_vec()
    }
}

/// A Markdown heading's level and text: `## Hverdag og tid`.
fn heading(line: &str) -> Option<(usize, &str)> {
    let trimmed = line.trim_start();
    let level = trimmed.chars().take_while(|&c| c == '#').count();
    let rest = &trimmed[level..];
    ((1..=6).contains(&level) && (rest.is_empty() || rest.starts_with(' ')))
        .then(|| (level, rest.trim().trim_end_matches('#').trim()))
}

/// What each of a note's tags is called, as slugs, made once per note:
/// its id and labels as runs of words (`tid`, `oversikt-over-tjenestene`),
/// and the whole headings of the interview topics the workbook links it to.
struct Names<'a> {
    tags: Vec<Name<'a>>,
}

/// One tag of a note: as written, the word runs that name it, and the
/// headings (as slugs) of its linked topics.
struct Name<'a> {
    tag: &'a str,
    words: Vec<Vec<String>>,
    headings: Vec<String>,
}

impl<'a> Names<'a> {
    fn of(wb: &Workbook, note_tags: &'a [String]) -> Names<'a> {
        let slug_words =
            |name: &str| slugify(name).map(|s| s.split('-').map(str::to_owned).collect());
        let topics = wb
            .questions
            .as_ref()
            .map_or(&[][..], |q| q.topics.as_slice());
        let tags = note_tags
            .iter()
            .map(|written| {
                let mut words: Vec<Vec<String>> = slug_words(written).into_iter().collect();
                let mut headings = Vec::new();
                if let Some(tag) = wb.tag(written) {
                    words.extend(slug_words(tag.id.as_str()));
                    words.extend(
                        wb.languages
                            .iter()
                            .filter_map(|&l| slug_words(tag.label.get(l))),
                    );
                    for topic in topics
                        .iter()
                        .filter(|t| tag.topics.iter().any(|id| id.value == t.id.as_str()))
                    {
                        headings.push(topic.id.as_str().to_owned());
                        headings.extend(
                            wb.languages
                                .iter()
                                .filter_map(|&l| slugify(topic.title.get(l))),
                        );
                    }
                }
                Name {
                    tag: written,
                    words,
                    headings,
                }
            })
            .collect();
        Names { tags }
    }

    /// The note's tags a heading names: by the tag's id or label (its words
    /// among the heading's words), or by the title or id of an interview
    /// topic the workbook links the tag to.
    fn named_by(&self, title: &str) -> Vec<String> {
        let Some(heading) = slugify(title) else {
            return Vec::new();
        };
        let words: Vec<&str> = heading.split('-').collect();
        let mentions = |needle: &Vec<String>| {
            words
                .windows(needle.len())
                .any(|w| w.iter().zip(needle).all(|(a, b)| *a == b))
        };
        self.tags
            .iter()
            .filter(|n| n.headings.contains(&heading) || n.words.iter().any(mentions))
            .map(|n| n.tag.to_owned())
            .collect()
    }
}

/// `text` without the `#tags` written in it.
fn without_tags(text: &str) -> String {
    text.split(' ')
        .filter(|word| {
            let word = word.trim_start_matches('(');
            !(word.starts_with('#') && word[1..].chars().next().is_some_and(char::is_alphanumeric))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::records::notes::quotes;

    fn tagged(body: &str, note: &[&str]) -> Vec<(String, Vec<String>)> {
        let wb = &*BUILTIN;
        let note: Vec<String> = note.iter().map(|s| (*s).to_owned()).collect();
        let qs = quotes(Path::new("x.md"), body, 10);
        tag_quotes(wb, body, 10, &note, qs)
            .into_iter()
            .map(|q| (q.text, q.tags))
            .collect()
    }

    #[test]
    fn a_quote_belongs_to_its_section_not_to_its_note() {
        let body = "## Hverdag og tid\n\nTekst om søsken #sosken.\n\n> «Jeg er koordinatoren.»\n\n## Koordinator og ansvarsgruppe\n\n> «Tre koordinatorer.»\n";
        let got = tagged(body, &["tid", "koordinator", "sosken", "ansvarsgruppe"]);
        assert_eq!(got[0].1, ["tid", "sosken"]);
        assert_eq!(got[1].1, ["koordinator", "ansvarsgruppe"]);
    }

    #[test]
    fn tags_on_the_quote_line_come_first_and_are_not_shown() {
        let body = "## Hverdag og tid\n\n> «Jeg ringer rundt.» #koordinator\n";
        let got = tagged(body, &["tid", "koordinator"]);
        assert_eq!(
            got[0],
            (
                "«Jeg ringer rundt.»".to_owned(),
                vec!["koordinator".to_owned()]
            )
        );
    }

    #[test]
    fn a_heading_names_a_tag_by_its_linked_topic() {
        // "Det som fungerer" is the topic the built-in workbook links to
        // the tag det-som-virker; a note without that tag gains nothing.
        let body = "## Det som fungerer\n\n> «Gull verdt.»\n";
        assert_eq!(
            tagged(body, &["tid", "det-som-virker"])[0].1,
            ["det-som-virker"]
        );
        assert_eq!(tagged(body, &["tid"])[0].1, ["tid"]);
    }

    #[test]
    fn a_subsection_without_tags_defers_to_its_section() {
        let body = "## Overganger\n\n### Skolen\n\n> «Alt på nytt.»\n";
        assert_eq!(tagged(body, &["tid", "overganger"])[0].1, ["overganger"]);
    }

    #[test]
    fn a_note_without_sections_gives_its_quotes_every_tag() {
        assert_eq!(
            tagged("> «Sitat»\n", &["tid", "tolk"])[0].1,
            ["tid", "tolk"]
        );
    }

    /// The built-in workbook, loaded once for every case.
    static BUILTIN: std::sync::LazyLock<Workbook> = std::sync::LazyLock::new(|| {
        crate::workbook::load(&crate::workbook::WorkbookSource::BuiltIn).unwrap()
    });

    proptest::proptest! {
        // Whatever a note holds, every quote belongs to some of the note's
        // own tags (never to a word the note does not have), and no quote
        // shows a `#tag`.
        #[test]
        fn a_quote_belongs_only_to_tags_of_its_note(
            lines in proptest::collection::vec(
                proptest::prop_oneof![
                    "## (Hverdag og tid|Overganger|Det som fungerer|Annet)",
                    "### [a-zæøå ]{0,12}",
                    "> «[a-zæøå ]{1,12}»( #(tid|tolk|ny))?",
                    "[a-zæøå ]{0,12}( #(tid|sosken|bolig))?",
                    proptest::strategy::Just(String::new()),
                ],
                0..20,
            ),
            note in proptest::sample::subsequence(vec!["tid", "overganger", "det-som-virker", "tolk"], 0..4),
        ) {
            let body = lines.join("\n");
            let mut tags: Vec<String> = note.iter().map(|t| (*t).to_owned()).collect();
            for t in inline_tags(&body) {
                if !tags.contains(&t) {
                    tags.push(t);
                }
            }
            let wb = &*BUILTIN;
            let found = quotes(Path::new("x.md"), &body, 1);
            let n = found.len();
            let tagged = tag_quotes(wb, &body, 1, &tags, found);
            proptest::prop_assert_eq!(tagged.len(), n);
            for q in &tagged {
                proptest::prop_assert!(q.tags.iter().all(|t| tags.contains(t)), "{:?} not in {:?}", q.tags, tags);
                proptest::prop_assert_eq!(tags.is_empty(), q.tags.is_empty());
                proptest::prop_assert!(!q.text.contains(" #"), "{}", q.text);
            }
        }
    }

    #[test]
    fn headings_of_a_custom_vocabulary_name_tags_by_their_words() {
        let mut wb = BUILTIN.clone();
        wb.tags.clear();
        wb.questions = None;
        let note = vec!["ventetid".to_owned(), "apningstider".to_owned()];
        assert_eq!(
            Names::of(&wb, &note).named_by("Åpningstider og ventetid"),
            ["ventetid", "apningstider"]
        );
        assert!(Names::of(&wb, &note).named_by("Annet").is_empty());
    }
}

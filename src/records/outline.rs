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
    /// The note's tags that its heading names.
    named: Vec<String>,
    /// Its text, as a byte range of the body (heading included).
    text: std::ops::Range<usize>,
}

/// A note's body cut into sections and paragraphs, each line knowing both.
/// Sections and paragraphs are ranges of the body, read for `#tags` only
/// where a quote stands: a sprint has thousands of notes.
struct Outline<'b> {
    body: &'b str,
    sections: Vec<Section>,
    /// Each paragraph, as a byte range of the body.
    paragraphs: Vec<std::ops::Range<usize>>,
    /// For each line of the body: its section and paragraph.
    lines: Vec<(usize, usize)>,
}

/// The quotes with the tags they belong to, and without the `#tags`
/// written on their lines (a tag is for sorting, not for readers).
pub fn tag_quotes(
    names: &TagNames,
    body: &str,
    body_line: u32,
    note_tags: &[String],
    quotes: Vec<Quote>,
) -> Vec<Quote> {
    if quotes.is_empty() {
        return quotes;
    }
    let outline = Outline::of(names, body, note_tags);
    quotes
        .into_iter()
        .map(|mut q| {
            let line = q.line.saturating_sub(body_line) as usize;
            q.tags = outline.tags_at(line, note_tags);
            if q.text.contains('#') {
                q.text = without_tags(&q.text);
            }
            q
        })
        .collect()
}

impl<'b> Outline<'b> {
    /// One pass over the body's lines.
    fn of(names: &TagNames, body: &'b str, note_tags: &[String]) -> Outline<'b> {
        let names = Names::of(names, note_tags);
        let mut sections = vec![Section {
            level: 0,
            parent: None,
            named: Vec::new(),
            text: 0..0,
        }];
        // The text before the first paragraph is a paragraph without tags.
        let mut paragraphs = Vec::new();
        paragraphs.push(0..0);
        let mut lines = Vec::with_capacity(body.len() / 40);
        let mut in_paragraph = false;
        let mut at = 0;
        for line in body.split_inclusive('\n') {
            let span = at..at + line.len();
            at = span.end;
            if let Some((level, title)) = heading(line.trim_end_matches(['\n', '\r'])) {
                let mut parent = sections.len() - 1;
                while parent != 0 && sections[parent].level >= level {
                    parent = sections[parent].parent.unwrap_or(0);
                }
                sections.push(Section {
                    level,
                    parent: Some(parent),
                    named: names.named_by(title),
                    text: span.start..span.start,
                });
                in_paragraph = false;
            }
            let blank = line.trim().is_empty() || line.trim() == ">";
            if blank {
                in_paragraph = false;
            } else if !in_paragraph {
                paragraphs.push(span.start..span.start);
                in_paragraph = true;
            }
            let (s, p) = (sections.len() - 1, paragraphs.len() - 1);
            sections[s].text.end = span.end;
            paragraphs[p].end = span.end;
            lines.push((s, p));
        }
        Outline {
            body,
            sections,
            paragraphs,
            lines,
        }
    }

    /// The tags of what stands at this line of the body, closest first.
    fn tags_at(&self, line: usize, note_tags: &[String]) -> Vec<String> {
        let Some(&(section, paragraph)) = self.lines.get(line) else {
            return note_tags.to_vec();
        };
        let in_paragraph = inline_tags(&self.body[self.paragraphs[paragraph].clone()]);
        if !in_paragraph.is_empty() {
            return in_paragraph;
        }
        let mut at = Some(section);
        while let Some(s) = at {
            let section = &self.sections[s];
            let mut tags = section.named.clone();
            for tag in inline_tags(&self.body[section.text.clone()]) {
                if !tags.contains(&tag) {
                    tags.push(tag);
                }
            }
            if !tags.is_empty() {
                return tags;
            }
            at = section.parent;
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

/// What each tag of the workbook's vocabulary is called, as slugs, made
/// once per sprint: its id and labels as runs of words (`tid`,
/// `oversikt-over-tjenestene`), and the whole headings of the interview
/// topics the workbook links it to.
#[derive(Debug, Default)]
pub struct TagNames {
    known: Vec<Known>,
}

#[derive(Debug)]
struct Known {
    id: String,
    words: Vec<Vec<String>>,
    headings: Vec<String>,
}

fn slug_words(name: &str) -> Option<Vec<String>> {
    slugify(name).map(|s| s.split('-').map(str::to_owned).collect())
}

impl TagNames {
    /// The names of every tag of `wb`'s vocabulary.
    pub fn of(wb: &Workbook) -> TagNames {
        let topics = wb
            .questions
            .as_ref()
            .map_or(&[][..], |q| q.topics.as_slice());
        let known = wb
            .tags
            .iter()
            .map(|tag| {
                let mut words: Vec<Vec<String>> = slug_words(tag.id.as_str()).into_iter().collect();
                words.extend(
                    wb.languages
                        .iter()
                        .filter_map(|&l| slug_words(tag.label.get(l))),
                );
                let mut headings = Vec::new();
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
                Known {
                    id: tag.id.as_str().to_owned(),
                    words,
                    headings,
                }
            })
            .collect();
        TagNames { known }
    }

    /// The vocabulary's tag a note's tag is, as [`Workbook::tag`] finds it.
    fn find(&self, written: &str) -> Option<&Known> {
        self.known.iter().find(|k| k.id == written).or_else(|| {
            let slug = slugify(written)?;
            self.known.iter().find(|k| k.id == slug)
        })
    }
}

/// The names of a note's tags: the words of each as written, and what the
/// vocabulary calls it.
struct Names<'a> {
    tags: Vec<Name<'a>>,
}

/// One tag of a note: as written, its words, and its vocabulary entry.
struct Name<'a> {
    tag: &'a str,
    written: Option<Vec<String>>,
    known: Option<&'a Known>,
}

impl<'a> Names<'a> {
    fn of(names: &'a TagNames, note_tags: &'a [String]) -> Names<'a> {
        let tags = note_tags
            .iter()
            .map(|written| Name {
                tag: written,
                written: slug_words(written),
                known: names.find(written),
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
            .filter(|n| {
                n.written.as_ref().is_some_and(mentions)
                    || n.known.is_some_and(|k| {
                        k.headings.contains(&heading) || k.words.iter().any(mentions)
                    })
            })
            .map(|n| n.tag.to_owned())
            .collect()
    }
}

/// `text` without the `#tags` written in it.
fn without_tags(text: &str) -> String {
    if !text.contains('#') {
        return text.to_owned();
    }
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
        tag_quotes(&TagNames::of(wb), body, 10, &note, qs)
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
            let tagged = tag_quotes(&TagNames::of(wb), &body, 1, &tags, found);
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
            Names::of(&TagNames::of(&wb), &note).named_by("Åpningstider og ventetid"),
            ["ventetid", "apningstider"]
        );
        assert!(
            Names::of(&TagNames::of(&wb), &note)
                .named_by("Annet")
                .is_empty()
        );
    }
}

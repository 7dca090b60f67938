//! Names from a list the sprint keeps: whole words, with any whitespace
//! between the words of a name (notes wrap lines mid-name, also inside a
//! block quote, where the next line starts with `>`).
//!
//! Letters are compared in their decomposed form (NFD), so a name typed as
//! `Å` matches text where it is `A` and a combining ring, as text copied
//! from a PDF or a Mac may have it. A Norwegian genitive `s` belongs to the
//! name (`Liljes mor`): without it, the possessive, which notes about
//! children use all the time, would slip through.

use std::collections::HashMap;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use super::{Hit, Kind};

/// How letters are compared.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Case {
    /// In any case: real names, which notes write however they come.
    Any,
    /// In any case, except that a listed name with a capital first letter
    /// is not found where the text has a small one: pseudonyms, which are
    /// often ordinary words (`lønn` is pay, `Lønn` and `LØNN` a family).
    Proper,
}

/// Every occurrence of one of `names` in `text`, found as `kind`. Blank
/// entries are skipped.
///
/// One pass over the text's bytes: a word is looked up only when its first
/// byte and its length fit some name, so a long text or a long list costs
/// little more than a short one.
#[cfg(test)]
pub fn find(text: &str, names: &[String], case: Case, kind: Kind) -> Vec<Hit> {
    find_in(text, &List::new(names), case, kind)
}

/// Like [`find`], with the list made once for many texts.
pub fn find_in(text: &str, list: &List, case: Case, kind: Kind) -> Vec<Hit> {
    if list.by_first.is_empty() {
        return Vec::new();
    }
    let mut hits = Vec::new();
    let mut key = String::new();
    // Only bytes a name can start with are looked at (a byte from 0x80 up
    // may be inside a character: those are skipped by the boundary check).
    for (start, &b) in text.as_bytes().iter().enumerate() {
        if !list.first_bytes[usize::from(b)]
            || !text.is_char_boundary(start)
            || !starts_word(text, start)
        {
            continue;
        }
        let rest = &text[start..];
        let word = &rest[..rest.find(|c: char| !is_word(c)).unwrap_or(rest.len())];
        if word.is_empty() || word.len() > list.longest {
            continue;
        }
        key.clear();
        if word.is_ascii() {
            // Most words: no decomposing, no Unicode tables.
            key.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        } else {
            key.extend(fold(word));
        }
        let small = word.starts_with(char::is_lowercase);
        let keys = [Some(key.as_str()), key.strip_suffix('s')];
        for bucket in keys
            .into_iter()
            .flatten()
            .filter_map(|k| list.by_first.get(k))
        {
            for first in bucket {
                for name in first.candidates(text, start) {
                    if case == Case::Proper && name.capital && small {
                        continue;
                    }
                    let end =
                        words_at(text, start, &name.words).map(|end| with_genitive(text, end));
                    if let Some(end) = end.filter(|&end| ends_word(text, end)) {
                        hits.push(Hit { kind, start, end });
                    }
                }
            }
        }
    }
    hits
}

/// The names that start with one first word, indexed by their second
/// word's leading letters: a list of many `Familie …` costs no more per
/// `Familie` in the text than a list of one.
#[derive(Default)]
struct First {
    /// The first word, folded.
    word: Vec<char>,
    /// The names of one word.
    alone: Vec<Name>,
    /// The longer names, by the key of their second word.
    by_second: HashMap<String, Vec<Name>>,
}

impl First {
    /// The names that may stand at `start`: none unless the first word
    /// does; then those of one word, and those whose second word's key is
    /// the text's next word's (or that without a genitive `s`).
    fn candidates<'a>(&'a self, text: &str, start: usize) -> Vec<&'a Name> {
        let Some(after) = word_at(text, start, &self.word) else {
            return Vec::new();
        };
        let mut found: Vec<&Name> = self.alone.iter().collect();
        if self.by_second.is_empty() {
            return found;
        }
        let Some(next) = after_gap(text, after) else {
            return found;
        };
        let rest = &text[next..];
        let token = &rest[..rest.find(|c: char| !is_word(c)).unwrap_or(rest.len())];
        let key: String = fold(token).take_while(|&c| is_word(c)).collect();
        for k in [Some(key.as_str()), key.strip_suffix('s')]
            .into_iter()
            .flatten()
        {
            if let Some(names) = self.by_second.get(k) {
                found.extend(names);
            }
        }
        found
    }
}

/// `text`'s letters as compared: in lower case, decomposed.
fn fold(text: &str) -> impl Iterator<Item = char> + '_ {
    text.chars().flat_map(char::to_lowercase).nfd()
}

/// A name of the list.
struct Name {
    /// Its words, folded.
    words: Vec<Vec<char>>,
    /// Whether it is written with a capital first letter.
    capital: bool,
}

/// The names to look for, indexed by the first word's leading letters
/// (`anne` for `Anne-Lise Berg`: the text is split into words at the
/// hyphen too), folded.
pub struct List {
    by_first: HashMap<String, Vec<First>>,
    /// The bytes a name's first word may start with, in either case.
    /// Non-ASCII letters mark every byte from 0x80 up: their case pairs
    /// are not one byte apart, nor always the same length.
    first_bytes: [bool; 256],
    /// The longest first word in bytes, with room for a genitive `s` and
    /// for letters whose other case or composed form is longer in UTF-8.
    longest: usize,
}

impl List {
    /// The list of `names`, folded and indexed.
    pub fn new(names: &[String]) -> List {
        let mut list = List {
            by_first: HashMap::new(),
            first_bytes: [false; 256],
            longest: 0,
        };
        for name in names {
            let words: Vec<Vec<char>> =
                name.split_whitespace().map(|w| fold(w).collect()).collect();
            let Some(first) = words.first() else {
                continue;
            };
            let key: String = first.iter().take_while(|&&c| is_word(c)).collect();
            let Some(initial) = key.chars().next() else {
                continue;
            };
            if initial.is_ascii() {
                let b = initial as u8;
                list.first_bytes[usize::from(b)] = true;
                list.first_bytes[usize::from(b.to_ascii_uppercase())] = true;
            }
            // A letter the text may write composed (`Å`, decomposed `a` and
            // a ring here) starts with a byte from 0x80 up; so does `K`, the
            // Kelvin sign, a capital `k`.
            let composed = key.chars().nth(1).is_some_and(is_combining_mark);
            if !initial.is_ascii() || composed || initial == 'k' {
                list.first_bytes[0x80..].fill(true);
            }
            list.longest = list.longest.max(key.len() * 3 + 1);
            let capital = name.trim_start().starts_with(char::is_uppercase);
            let firsts = list.by_first.entry(key).or_default();
            let at = match firsts.iter().position(|f| f.word == *first) {
                Some(at) => at,
                None => {
                    firsts.push(First {
                        word: first.clone(),
                        ..First::default()
                    });
                    firsts.len() - 1
                }
            };
            let second: Option<String> = words
                .get(1)
                .map(|w| w.iter().take_while(|&&c| is_word(c)).collect());
            let name = Name { words, capital };
            match second {
                Some(second) => firsts[at].by_second.entry(second).or_default().push(name),
                None => firsts[at].alone.push(name),
            }
        }
        list
    }
}

/// Letters, digits and combining marks make up words; everything else
/// separates them.
fn is_word(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c)
}

/// Whether no word character comes right before `i`.
fn starts_word(text: &str, i: usize) -> bool {
    !text[..i].chars().next_back().is_some_and(is_word)
}

/// Whether no word character comes right after `i`.
fn ends_word(text: &str, i: usize) -> bool {
    !text[i..].chars().next().is_some_and(is_word)
}

/// Where `words`, separated by whitespace, end if they start at `start`.
fn words_at(text: &str, start: usize, words: &[Vec<char>]) -> Option<usize> {
    let mut pos = start;
    for (i, word) in words.iter().enumerate() {
        if i > 0 {
            pos = after_gap(text, pos)?;
        }
        pos = word_at(text, pos, word)?;
    }
    Some(pos)
}

/// Where the next word starts after the whitespace at `pos`, if there is
/// any: a line break inside a block quote takes the next line's `>` too.
fn after_gap(text: &str, pos: usize) -> Option<usize> {
    let rest = &text[pos..];
    // `Tuva-Nordmann`: a hyphen joins the words of a name as a space does.
    if let Some(after) = rest.strip_prefix('-')
        && after.starts_with(is_word)
    {
        return Some(pos + 1);
    }
    let mut next = rest.trim_start();
    if next.len() == rest.len() {
        return None;
    }
    if rest[..rest.len() - next.len()].contains('\n') {
        while let Some(quoted) = next.strip_prefix('>') {
            next = quoted.trim_start();
        }
    }
    Some(text.len() - next.len())
}

/// Where `word` (folded) ends if the text at `pos` spells it.
fn word_at(text: &str, pos: usize, word: &[char]) -> Option<usize> {
    let mut wanted = word.iter().peekable();
    for (i, c) in text[pos..].char_indices() {
        if wanted.peek().is_none() {
            return Some(pos + i);
        }
        if c.is_ascii() {
            // Most letters: no decomposing, no Unicode tables.
            if wanted.next() != Some(&c.to_ascii_lowercase()) {
                return None;
            }
            continue;
        }
        let mut buf = [0; 4];
        for got in fold(c.encode_utf8(&mut buf)) {
            if wanted.next() != Some(&got) {
                return None;
            }
        }
    }
    wanted.peek().is_none().then_some(text.len())
}

/// `end`, moved past a genitive `s` if one follows and ends the word.
/// An English genitive with an apostrophe (`O'Brien's`) counts too.
fn with_genitive(text: &str, end: usize) -> usize {
    let rest = &text[end..];
    let len = if rest.starts_with(['s', 'S']) {
        1
    } else if rest.starts_with("'s") || rest.starts_with("'S") {
        2
    } else {
        0
    };
    if len > 0 && ends_word(text, end + len) {
        end + len
    } else {
        end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found<'a>(text: &'a str, names: &[&str]) -> Vec<&'a str> {
        let names: Vec<String> = names.iter().map(|&n| n.to_owned()).collect();
        let mut hits = find(text, &names, Case::Any, Kind::Name);
        hits.sort_by_key(|h| h.start);
        hits.iter().map(|h| &text[h.start..h.end]).collect()
    }

    #[test]
    fn whole_words_in_any_case() {
        assert_eq!(
            found("Lilje og LILJE og lilje", &["Lilje"]),
            vec!["Lilje", "LILJE", "lilje"]
        );
        assert!(found("Liljekonvall og Storlilje", &["Lilje"]).is_empty());
    }

    #[test]
    fn names_with_norwegian_letters() {
        assert_eq!(
            found("Vi møtte SØLVI ØDEGÅRD i går.", &["Sølvi Ødegård"]),
            vec!["SØLVI ØDEGÅRD"]
        );
        assert_eq!(found("Åse og Åsmund", &["åse"]), vec!["Åse"]);
        assert_eq!(found("Ødegårds", &["Ødegård"]), vec!["Ødegårds"]);
    }

    #[test]
    fn names_at_the_start_and_end_of_lines() {
        let text = "Lilje sa ja.\nSpør Lilje\nLilje";
        assert_eq!(found(text, &["Lilje"]), vec!["Lilje", "Lilje", "Lilje"]);
    }

    #[test]
    fn multi_word_names_across_spaces_and_line_breaks() {
        assert_eq!(
            found("Kari  Nordmann og Kari\nNordmann", &["Kari Nordmann"]),
            vec!["Kari  Nordmann", "Kari\nNordmann"]
        );
        assert_eq!(
            found("KariNordmann og Kari Nordmanns", &["Kari Nordmann"]),
            vec!["Kari Nordmanns"]
        );
        assert!(found("Kari Nordmannsen", &["Kari Nordmann"]).is_empty());
    }

    #[test]
    fn the_genitive_belongs_to_the_name() {
        assert_eq!(found("Liljes mor ringte.", &["Lilje"]), vec!["Liljes"]);
        assert!(found("Liljest", &["Lilje"]).is_empty());
    }

    #[test]
    fn punctuation_separates_words() {
        assert_eq!(
            found("(Lilje), «Lilje» og Kari-Lilje", &["Lilje"]),
            vec!["Lilje", "Lilje", "Lilje"]
        );
    }

    #[test]
    fn letters_whose_cases_differ_in_length() {
        // The Kelvin sign is a capital k; `ẞ` is a capital `ß`.
        assert_eq!(found("\u{212A}ari kom", &["kari"]), vec!["\u{212A}ari"]);
        assert_eq!(found("STRAẞE", &["straße"]), vec!["STRAẞE"]);
        assert_eq!(found("ÆRLIGE Ærlig", &["ærlig"]), vec!["Ærlig"]);
    }

    #[test]
    fn a_long_list_and_a_long_text() {
        let names: Vec<String> = (0..500).map(|i| format!("Familie {i}")).collect();
        let text = "Familie 7 og familie 499 møtte Familiens 8 og Familie 500.\n".repeat(200);
        let hits = find(&text, &names, Case::Any, Kind::Name);
        assert_eq!(hits.len(), 400);
    }

    #[test]
    fn hyphenated_names() {
        assert_eq!(
            found(
                "Jeg er Anne-Lise Berg, og Jan-Erik er mannen min.",
                &["Anne-Lise Berg", "Jan-Erik"]
            ),
            vec!["Anne-Lise Berg", "Jan-Erik"]
        );
        assert_eq!(
            found("Mohammed AL-HASSAN", &["Al-Hassan"]),
            vec!["AL-HASSAN"]
        );
        assert!(found("Anne-Lisa", &["Anne-Lise"]).is_empty());
    }

    #[test]
    fn composed_and_decomposed_letters_are_the_same() {
        let decomposed = "A\u{30a}se Ødega\u{30a}rd";
        assert_eq!(found(decomposed, &["Åse Ødegård"]), vec![decomposed]);
        assert_eq!(
            found("Åse Ødegård", &["A\u{30a}se Ødega\u{30a}rd"]),
            vec!["Åse Ødegård"]
        );
        assert_eq!(
            found("Jose\u{301} Nu\u{301}n\u{303}ez", &["José Núñez"]).len(),
            1
        );
        assert!(found("Ase", &["Åse"]).is_empty());
        assert!(found("A\u{30a}se", &["Ase"]).is_empty());
    }

    #[test]
    fn a_name_across_the_lines_of_a_block_quote() {
        let text = "> «Vi snakket med Kari\n> Nordmann i går.»";
        assert_eq!(found(text, &["Kari Nordmann"]), vec!["Kari\n> Nordmann"]);
        assert!(found("Kari >\nNordmann", &["Kari Nordmann"]).is_empty());
    }

    #[test]
    fn pseudonyms_match_as_names() {
        let found = |text: &'static str, name: &str| -> Vec<&'static str> {
            find(text, &[name.to_owned()], Case::Proper, Kind::Name)
                .iter()
                .map(|h| &text[h.start..h.end])
                .collect()
        };
        let text = "Lønn sa at tapt lønn og LØNN er tema. Lønns mor.";
        assert_eq!(found(text, "Lønn"), vec!["Lønn", "LØNN", "Lønns"]);
        // Listed in small letters, it is found however it is written.
        assert_eq!(found("Hegre og hegre", "hegre"), vec!["Hegre", "hegre"]);
    }

    #[test]
    fn blank_entries_are_skipped() {
        assert!(found("Lilje", &["", "   ", "\t"]).is_empty());
    }
}

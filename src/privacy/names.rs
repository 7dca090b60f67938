//! Names from a list the sprint keeps: whole words, in any case, with any
//! whitespace between the words of a name (notes wrap lines mid-name).
//!
//! A Norwegian genitive `s` belongs to the name (`Liljes mor`): without it,
//! the possessive, which notes about children use all the time, would slip
//! through.

use std::collections::HashMap;

use super::{Hit, Kind};

/// Every occurrence of one of `names` in `text`. Blank entries are skipped.
///
/// One pass over the text's bytes: a word is looked up only when its first
/// byte and its length fit some name, so a long text or a long list costs
/// little more than a short one.
pub fn find(text: &str, names: &[String]) -> Vec<Hit> {
    let list = List::new(names);
    if list.by_first.is_empty() {
        return Vec::new();
    }
    let mut hits = Vec::new();
    let mut lower = String::new();
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
        lower.clear();
        lower.extend(word.chars().flat_map(char::to_lowercase));
        let keys = [Some(lower.as_str()), lower.strip_suffix('s')];
        for candidates in keys
            .into_iter()
            .flatten()
            .filter_map(|k| list.by_first.get(k))
        {
            for words in candidates {
                let end = words_at(text, start, words).map(|end| with_genitive(text, end));
                if let Some(end) = end.filter(|&end| ends_word(text, end)) {
                    hits.push(Hit {
                        kind: Kind::Name,
                        start,
                        end,
                    });
                }
            }
        }
    }
    hits
}

/// The names to look for, indexed by their first word in lowercase.
struct List<'a> {
    by_first: HashMap<String, Vec<Vec<&'a str>>>,
    /// The bytes a name's first word may start with, in either case.
    /// Non-ASCII letters mark every byte from 0x80 up: their case pairs
    /// are not one byte apart, nor always the same length.
    first_bytes: [bool; 256],
    /// The longest first word in bytes, plus room for a genitive `s` and
    /// for letters whose other case is longer in UTF-8.
    longest: usize,
}

impl<'a> List<'a> {
    fn new(names: &'a [String]) -> List<'a> {
        let mut list = List {
            by_first: HashMap::new(),
            first_bytes: [false; 256],
            longest: 0,
        };
        for name in names {
            let words: Vec<&str> = name.split_whitespace().collect();
            let Some(first) = words.first() else {
                continue;
            };
            let key = first.to_lowercase();
            if let Some(b) = key.bytes().next().filter(u8::is_ascii) {
                list.first_bytes[usize::from(b)] = true;
                list.first_bytes[usize::from(b.to_ascii_uppercase())] = true;
            }
            // `K` (the Kelvin sign) is a capital `k` too.
            if !key.starts_with(|c: char| c.is_ascii() && c != 'k') {
                list.first_bytes[0x80..].fill(true);
            }
            // Upper case of a non-ASCII letter may take more bytes
            // (and lower case of `K`, the Kelvin sign, fewer).
            list.longest = list.longest.max(first.len().max(key.len()) * 3 + 1);
            list.by_first.entry(key).or_default().push(words);
        }
        list
    }
}

/// Letters and digits make up words; everything else separates them.
fn is_word(c: char) -> bool {
    c.is_alphanumeric()
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
fn words_at(text: &str, start: usize, words: &[&str]) -> Option<usize> {
    let mut pos = start;
    for (i, word) in words.iter().enumerate() {
        if i > 0 {
            let gap = text[pos..].len() - text[pos..].trim_start().len();
            if gap == 0 {
                return None;
            }
            pos += gap;
        }
        pos = word_at(text, pos, word)?;
    }
    Some(pos)
}

/// Where `word` ends if the text at `pos` spells it, ignoring case.
fn word_at(text: &str, pos: usize, word: &str) -> Option<usize> {
    let mut chars = text[pos..].char_indices();
    for wanted in word.chars() {
        let (_, got) = chars.next()?;
        if !same_letter(got, wanted) {
            return None;
        }
    }
    Some(chars.next().map_or(text.len(), |(i, _)| pos + i))
}

/// `a` and `b` compared without case: `Ø` is `ø`, `Å` is `å`.
fn same_letter(a: char, b: char) -> bool {
    a == b || a.to_lowercase().eq(b.to_lowercase())
}

/// `end`, moved past a genitive `s` if one follows and ends the word.
fn with_genitive(text: &str, end: usize) -> usize {
    let genitive =
        matches!(text[end..].chars().next(), Some('s' | 'S')) && ends_word(text, end + 1);
    if genitive { end + 1 } else { end }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found<'a>(text: &'a str, names: &[&str]) -> Vec<&'a str> {
        let names: Vec<String> = names.iter().map(|&n| n.to_owned()).collect();
        let mut hits = find(text, &names);
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
        let hits = find(&text, &names);
        assert_eq!(hits.len(), 400);
    }

    #[test]
    fn blank_entries_are_skipped() {
        assert!(found("Lilje", &["", "   ", "\t"]).is_empty());
    }
}

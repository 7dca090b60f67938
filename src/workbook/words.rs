//! Placeholders in workbook texts for the words a sprint changes: the people
//! the process is for and the target group. A text says `{people.plural}`
//! where the built-in workbook means "familier"; a sprint for elderly people
//! living alone fills in its own words, so its agendas never speak of
//! families. `{People.plural}` starts the word with a capital letter.
//!
//! Braces are not ordinary Norwegian or English punctuation, so a `{` is read
//! as a placeholder only when a name of letters, digits, dots and
//! underscores follows it up to `}`; anything else in braces is left as
//! written.

use std::borrow::Cow;

use super::load::Sources;
use super::text::{Lang, Text, TextValue};
use super::{Workbook, walk};
use crate::diagnostic::{Diagnostic, suggest};
use crate::i18n::{msg, ui};

/// The forms of the people words, as named after `people.` in a placeholder
/// and as keys of `people:` in the workbook and in `samskap.yaml`.
pub const FORMS: [&str; 5] = [
    "singular",
    "plural",
    "the_singular",
    "the_plural",
    "a_singular",
];

/// The placeholder for the sprint's target group.
pub const TARGET_GROUP: &str = "target_group";

/// The placeholder of the consent text for the sprint's contact, filled when
/// the interview guide is made (src/render/context.rs), not here.
pub const CONTACT: &str = "contact";

/// The words put in for the placeholders, in one language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Words {
    /// One of the people: `familie`, `family`.
    pub singular: String,
    /// Several: `familier`, `families`.
    pub plural: String,
    /// One, definite: `familien`, `the family`.
    pub the_singular: String,
    /// Several, definite: `familiene`, `the families`.
    pub the_plural: String,
    /// One with its article: `en familie`, `a family`.
    pub a_singular: String,
    /// The target group as written.
    pub target_group: String,
}

impl Words {
    /// The words from a singular and a plural, the other forms given or
    /// made from them: English puts "the" and "a"/"an" before, Norwegian,
    /// whose definite forms cannot be guessed, uses the word as it is (and
    /// "en"/"ein" for the article).
    pub fn new(lang: Lang, singular: &str, plural: &str, given: [Option<&str>; 3]) -> Words {
        let [the_singular, the_plural, a_singular] = given;
        use crate::i18n::msg;
        let definite = |word: &str| msg::words_definite(lang, word);
        // English says "an" before a vowel; the message says what each
        // language puts there.
        let indefinite = |word: &str| {
            if word.starts_with(['a', 'e', 'i', 'o', 'u']) {
                msg::words_indefinite_before_vowel(lang, word)
            } else {
                msg::words_indefinite(lang, word)
            }
        };
        Words {
            the_singular: the_singular.map_or_else(|| definite(singular), str::to_owned),
            the_plural: the_plural.map_or_else(|| definite(plural), str::to_owned),
            a_singular: a_singular.map_or_else(|| indefinite(singular), str::to_owned),
            singular: singular.to_owned(),
            plural: plural.to_owned(),
            target_group: String::new(),
        }
    }

    /// The workbook's own words in `lang`, else "deltaker"/"participant".
    pub fn of_workbook(wb: &Workbook, lang: Lang) -> Words {
        let mut words = match &wb.people {
            Some(p) => {
                let given = [&p.the_singular, &p.the_plural, &p.a_singular]
                    .map(|t| t.as_ref().map(|t| t.get(lang)));
                Words::new(lang, p.singular.get(lang), p.plural.get(lang), given)
            }
            None => Words::new(
                lang,
                msg::report_participant(lang),
                msg::terms_participants(lang),
                [None; 3],
            ),
        };
        if let Some(group) = &wb.defaults.target_group {
            group.get(lang).clone_into(&mut words.target_group);
        }
        words
    }

    /// The words of each of `languages`, made by `words`.
    pub fn each_language(languages: &[Lang], words: impl Fn(Lang) -> Words) -> Vec<(Lang, Words)> {
        languages.iter().map(|&l| (l, words(l))).collect()
    }

    /// The word a placeholder's name stands for, if it names one.
    fn get(&self, name: &str) -> Option<Cow<'_, str>> {
        if name == TARGET_GROUP {
            return Some(Cow::Borrowed(&self.target_group));
        }
        let (head, form) = name.split_once('.')?;
        let word = match form {
            "singular" => &self.singular,
            "plural" => &self.plural,
            "the_singular" => &self.the_singular,
            "the_plural" => &self.the_plural,
            "a_singular" => &self.a_singular,
            _ => return None,
        };
        match head {
            "people" => Some(Cow::Borrowed(word)),
            "People" => Some(Cow::Owned(capitalised(word))),
            _ => None,
        }
    }
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// Every placeholder name a text may use.
pub fn names() -> Vec<String> {
    let people = ["people", "People"]
        .into_iter()
        .flat_map(|head| FORMS.iter().map(move |form| format!("{head}.{form}")));
    people
        .chain([TARGET_GROUP.to_owned(), CONTACT.to_owned()])
        .collect()
}

/// The placeholders of `text`: the byte range of each, braces included, and
/// the name inside (spaces around it allowed).
fn placeholders(text: &str) -> impl Iterator<Item = (std::ops::Range<usize>, &str)> {
    text.match_indices('{').filter_map(move |(start, _)| {
        let rest = &text[start + 1..];
        let end = rest.find(['}', '{', '\n'])?;
        if !rest[end..].starts_with('}') {
            return None;
        }
        let name = rest[..end].trim_matches([' ', '\t']);
        let is_name = !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.');
        is_name.then_some((start..start + end + 2, name))
    })
}

/// `text` with every known placeholder filled in; unknown ones (which
/// `workbook check` refuses) are left as written.
pub fn fill<'a>(text: &'a str, words: &Words) -> Cow<'a, str> {
    let mut out = String::new();
    let mut done = 0;
    for (range, name) in placeholders(text) {
        if let Some(word) = words.get(name) {
            out.push_str(&text[done..range.start]);
            out.push_str(&word);
            done = range.end;
        }
    }
    if done == 0 {
        return Cow::Borrowed(text);
    }
    out.push_str(&text[done..]);
    Cow::Owned(out)
}

/// Fills every text of the workbook with the words of each language
/// ([`Words::each_language`]).
pub fn fill_workbook(wb: &mut Workbook, words: &[(Lang, Words)]) {
    let languages = wb.languages.clone();
    walk::texts_mut(wb, &mut |text: &mut Text| {
        if let TextValue::Plain(plain) = &text.value
            && placeholders(plain).next().is_some()
        {
            let each = languages.iter().map(|&l| (l, plain.clone())).collect();
            text.value = TextValue::Localised(each);
        }
        if let TextValue::Localised(map) = &mut text.value {
            for (lang, value) in map.iter_mut() {
                let Some((_, words)) = words.iter().find(|(l, _)| l == lang) else {
                    continue;
                };
                if let Cow::Owned(filled) = fill(value, words) {
                    *value = filled;
                }
            }
        }
    });
}

/// Every placeholder no word stands for, each at its own line and column,
/// with the nearest known name.
pub fn check(wb: &Workbook, sources: &Sources) -> Vec<Diagnostic> {
    let known = names();
    let mut out = Vec::new();
    walk::texts(wb, &mut |text: &Text| {
        let values: Vec<&str> = match &text.value {
            TextValue::Plain(plain) => vec![plain],
            TextValue::Localised(map) => map.values().map(String::as_str).collect(),
        };
        for value in values {
            for (range, name) in placeholders(value) {
                if known.iter().any(|k| k == name) {
                    continue;
                }
                let written = &value[range];
                // Several languages may hold the same mistake: look from
                // where this language's text starts.
                let opening: String = value.chars().take_while(|c| *c != '\n').take(24).collect();
                let from = sources.find_after(text.loc, &opening).unwrap_or(text.loc);
                let loc = sources.find_after(from, written).unwrap_or(text.loc);
                let hint = match suggest(name, known.iter().map(String::as_str)) {
                    Some(best) => msg::did_you_mean(ui(), format!("{{{best}}}")),
                    None => msg::placeholder_known(ui(), list(&known)),
                };
                out.push(
                    sources
                        .diagnostic(loc, msg::placeholder_unknown(ui(), written))
                        .with_hint(hint),
                );
            }
        }
    });
    out
}

fn list(names: &[String]) -> String {
    names
        .iter()
        .map(|n| format!("`{{{n}}}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn eldre() -> Words {
        let mut words = Words::new(Lang::Nb, "eldre", "eldre", [None, Some("de eldre"), None]);
        words.target_group = "eldre som bor alene".into();
        words
    }

    #[test]
    fn fills_every_form_and_capitalises() {
        let w = eldre();
        assert_eq!(
            fill(
                "{People.the_plural} og {people.a_singular} i {target_group}",
                &w
            ),
            "De eldre og en eldre i eldre som bor alene"
        );
        assert_eq!(fill("med { people.plural }", &w), "med eldre");
        assert_eq!(fill("{people.the_singular}s dag", &w), "eldres dag");
    }

    #[test]
    fn english_forms_are_made_with_articles() {
        let w = Words::new(Lang::En, "older person", "older people", [None; 3]);
        assert_eq!(w.the_plural, "the older people");
        assert_eq!(w.a_singular, "an older person");
        let w = Words::new(Lang::En, "family", "families", [None; 3]);
        assert_eq!(w.a_singular, "a family");
    }

    #[test]
    fn other_braces_and_unknown_names_are_left_as_written() {
        let w = eldre();
        for text in [
            "{people.plurals}",
            "a { b c } d",
            "{",
            "}{",
            "{{}}",
            "x {\n}",
        ] {
            assert_eq!(fill(text, &w), text);
        }
        let found: Vec<&str> = placeholders("{a} {b c} {people.x}").map(|p| p.1).collect();
        assert_eq!(found, ["a", "people.x"]);
    }

    #[test]
    fn every_name_is_known() {
        let w = eldre();
        for name in names().iter().filter(|n| *n != CONTACT) {
            assert!(w.get(name).is_some(), "{name}");
        }
    }
}

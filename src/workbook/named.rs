//! Values people may write in more than one word: the id samskap writes
//! (`tue`, `tested`, `given`, `nn`), or a Norwegian word for it (`tysdag`,
//! `testa`, `ja`, `nynorsk`). One table per type serves both the command
//! line (clap's aliases) and the files people edit by hand (serde), so the
//! two take the same words, in any case; samskap itself writes the id.

use std::fmt;
use std::marker::PhantomData;

use schemars::Schema;
use serde::de::{self, Deserializer, Visitor};

use super::Lang;

/// A value with an id and other words for it.
pub trait Named: Copy + Sized + 'static {
    /// Every value, in the order hints list them.
    const ALL: &'static [Self];

    /// The id samskap writes, and JSON and `status` show.
    fn id(self) -> &'static str;

    /// The other words it is read from, in lower case: the command line's
    /// aliases and the files' alike.
    fn aliases(self) -> &'static [&'static str];

    /// The word a hint in `lang` names it by: a Norwegian word in nb and nn
    /// (one of [`Named::aliases`], or the id), the id in English.
    fn shown(self, lang: Lang) -> &'static str;

    /// The value a word means, in any case and without surrounding spaces.
    fn from_word(word: &str) -> Option<Self> {
        let word = word.trim().to_lowercase();
        Self::ALL
            .iter()
            .copied()
            .find(|v| v.id() == word || v.aliases().contains(&word.as_str()))
    }

    /// Every word a value is read from, ids first.
    fn all_words() -> Vec<&'static str> {
        let mut words: Vec<&'static str> = Self::ALL.iter().map(|v| v.id()).collect();
        words.extend(Self::ALL.iter().flat_map(|v| v.aliases().iter().copied()));
        words
    }

    /// The words a hint in `lang` offers: the language's own words, then
    /// the ids not among them.
    fn hint_words(lang: Lang) -> Vec<&'static str> {
        let mut words: Vec<&'static str> = Vec::new();
        let ids = Self::ALL.iter().map(|v| v.id());
        for word in Self::ALL.iter().map(|v| v.shown(lang)).chain(ids) {
            if !words.contains(&word) {
                words.push(word);
            }
        }
        words
    }
}

/// Reads a [`Named`] value from any of its words. A word that is none is
/// reported as serde reports an unknown variant, so that the YAML error
/// keeps its place and its "did you mean", but offering the words of the
/// user's language and the ids.
///
/// # Errors
/// A value that is not a text, or a word that names no value.
pub fn deserialize<'de, D: Deserializer<'de>, T: Named>(deserializer: D) -> Result<T, D::Error> {
    deserializer.deserialize_str(WordVisitor::<T>(PhantomData))
}

/// Reads one word.
struct WordVisitor<T>(PhantomData<T>);

impl<T: Named> Visitor<'_> for WordVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let ids: Vec<&str> = T::ALL.iter().map(|v| v.id()).collect();
        write!(f, "one of {}", ids.join(", "))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<T, E> {
        T::from_word(v).ok_or_else(|| {
            let known: Vec<String> = T::hint_words(crate::i18n::ui())
                .iter()
                .map(|w| format!("`{w}`"))
                .collect();
            // serde's wording for an unknown variant, which the YAML
            // errors turn into the user's language.
            E::custom(format_args!(
                "unknown variant `{}`, expected one of {}",
                v.trim(),
                known.join(", ")
            ))
        })
    }
}

/// Makes a derived schema of a [`Named`] enum accept its other words too,
/// so that an editor does not mark `tysdag` wrong where samskap reads it.
pub fn accept_aliases<T: Named>(schema: &mut Schema) {
    let aliases: Vec<serde_json::Value> = T::ALL
        .iter()
        .flat_map(|v| v.aliases().iter().map(|a| serde_json::Value::from(*a)))
        .collect();
    if let Some(serde_json::Value::Array(one_of)) = schema.get_mut("oneOf") {
        one_of.push(serde_json::json!({ "type": "string", "enum": aliases }));
    } else if let Some(serde_json::Value::Array(words)) = schema.get_mut("enum") {
        words.extend(aliases);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::records::consent::Answer;
    use crate::records::solutions::Status;
    use crate::workbook::Weekday;

    fn table_is_sound<T: Named + PartialEq + fmt::Debug>() {
        let words = T::all_words();
        for (i, w) in words.iter().enumerate() {
            assert_eq!(*w, w.to_lowercase(), "{w}: the table is in lower case");
            assert!(!words[..i].contains(w), "{w} means two values");
        }
        for &v in T::ALL {
            assert_eq!(T::from_word(v.id()), Some(v));
            for lang in Lang::ALL {
                let shown = v.shown(lang);
                assert_eq!(T::from_word(shown), Some(v), "{shown} is read back");
            }
            for alias in v.aliases() {
                assert_eq!(T::from_word(&alias.to_uppercase()), Some(v), "{alias}");
            }
            assert_eq!(v.shown(Lang::En), v.id());
        }
    }

    #[test]
    fn every_table_reads_back_each_word_and_no_word_twice() {
        table_is_sound::<Answer>();
        table_is_sound::<Status>();
        table_is_sound::<Weekday>();
        table_is_sound::<Lang>();
    }

    #[test]
    fn hints_name_the_language_s_words_then_the_ids() {
        assert_eq!(
            Weekday::hint_words(Lang::Nn),
            [
                "måndag", "tysdag", "onsdag", "torsdag", "fredag", "mon", "tue", "wed", "thu",
                "fri"
            ]
        );
        assert_eq!(
            Status::hint_words(Lang::Nb),
            [
                "idé",
                "prototype",
                "testet",
                "i-bruk",
                "idea",
                "tested",
                "in-use"
            ]
        );
        assert_eq!(Lang::hint_words(Lang::En), ["nb", "nn", "en"]);
    }
}

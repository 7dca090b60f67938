//! Consent in two levels: to the interview (the note may count in the
//! sprint's figures) and to quotes (its words may stand in documents). A
//! note writes either one answer for both (`consent: given`) or each
//! (`consent: {interview: given, quotes: declined}`).

use std::borrow::Cow;
use std::fmt;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};

use crate::diagnostic::Diagnostic;
use crate::i18n::msg;
use crate::workbook::load::Sources;
use crate::workbook::named::Named;
use crate::workbook::{At, Lang, Loc};

/// What the interviewee answered to one question of consent.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
#[schemars(transform = crate::workbook::named::accept_aliases::<Answer>)]
pub enum Answer {
    /// Yes.
    Given,
    /// No.
    Declined,
    /// Yes at first, then no.
    Withdrawn,
    /// Not asked or not written down yet: counts as no until it is.
    Pending,
}

impl Answer {
    /// The word a note writes.
    #[must_use]
    pub fn word(self) -> &'static str {
        match self {
            Answer::Given => "given",
            Answer::Declined => "declined",
            Answer::Withdrawn => "withdrawn",
            Answer::Pending => "pending",
        }
    }
}

impl Named for Answer {
    const ALL: &'static [Answer] = &[
        Answer::Given,
        Answer::Declined,
        Answer::Withdrawn,
        Answer::Pending,
    ];

    fn id(self) -> &'static str {
        self.word()
    }

    fn aliases(self) -> &'static [&'static str] {
        match self {
            Answer::Given => &["gitt", "gjeve", "ja"],
            Answer::Declined => &["avslått", "nei"],
            Answer::Withdrawn => &["trukket", "trekt", "trukket-tilbake", "trekt-tilbake"],
            Answer::Pending => &["venter", "ventar"],
        }
    }

    fn shown(self, lang: Lang) -> &'static str {
        match (lang, self) {
            (Lang::En, _) => self.word(),
            (_, Answer::Given) => "ja",
            (_, Answer::Declined) => "nei",
            (Lang::Nb, Answer::Withdrawn) => "trukket",
            (Lang::Nn, Answer::Withdrawn) => "trekt",
            (Lang::Nb, Answer::Pending) => "venter",
            (Lang::Nn, Answer::Pending) => "ventar",
        }
    }
}

impl<'de> Deserialize<'de> for Answer {
    /// The word a note writes (`given`), or a Norwegian one (`ja`).
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::workbook::named::deserialize(deserializer)
    }
}

/// The consent of one note.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Consent {
    /// To the interview and its notes.
    pub interview: Answer,
    /// To short quotes without names in documents.
    pub quotes: Answer,
}

impl Consent {
    /// The same answer to both questions.
    #[must_use]
    pub const fn both(answer: Answer) -> Consent {
        Consent {
            interview: answer,
            quotes: answer,
        }
    }

    /// Whether the note counts in figures: consent to the interview.
    #[must_use]
    pub fn counts(self) -> bool {
        self.interview == Answer::Given
    }

    /// Whether the note may be quoted: consent to both. A quote consent
    /// without interview consent (withdrawn since) allows nothing.
    #[must_use]
    pub fn allows_quotes(self) -> bool {
        self.counts() && self.quotes == Answer::Given
    }

    /// Whether the note is kept out of every document, its pseudonym too:
    /// no consent to the interview.
    #[must_use]
    pub fn withheld(self) -> bool {
        !self.counts()
    }
}

impl fmt::Display for Consent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.interview == self.quotes {
            f.write_str(self.interview.word())
        } else {
            write!(
                f,
                "{{interview: {}, quotes: {}}}",
                self.interview.word(),
                self.quotes.word()
            )
        }
    }
}

/// Consent as a note writes it: the words as written, with where each
/// stands, checked by [`Written::check`] (so that a bad word is reported
/// at its own place, which the parser cannot do inside a choice of forms).
#[derive(Clone, Debug)]
pub struct Written {
    /// The answer to the interview; for one answer, its place is unknown
    /// (line 0) and the caller's is used.
    pub interview: At<Word>,
    /// The answer to quotes.
    pub quotes: At<Word>,
}

/// One answer as written: a word, or a list (`[given]`), which is none.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word(Option<String>);

/// The two-level form.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Levels {
    interview: At<Word>,
    quotes: At<Word>,
}

/// The keys of the two-level form.
const KEYS: &[&str] = &["interview", "quotes"];

impl Written {
    /// The consent it says, or a problem at each bad word; `at` is where
    /// `consent:`'s value stands, for the one-answer form.
    ///
    /// # Errors
    /// Each word that is not an answer, at its place, with the nearest.
    pub fn check(&self, at: Loc, sources: &Sources) -> Result<Consent, Vec<Diagnostic>> {
        let lang = crate::i18n::ui();
        let answer = |word: &At<Word>| {
            let loc = if word.loc.line == 0 { at } else { word.loc };
            let Some(text) = &word.value.0 else {
                return Err(sources
                    .diagnostic(loc, msg::consent_list(lang))
                    .with_hint(msg::consent_words(lang)));
            };
            Answer::from_word(text).ok_or_else(|| {
                let words = Answer::all_words();
                let hint = crate::diagnostic::suggest(text, words).map_or_else(
                    || msg::consent_words(lang).to_string(),
                    |w| msg::consent_words_near(lang, w),
                );
                sources
                    .diagnostic(loc, msg::consent_unknown(lang, text.trim()))
                    .with_hint(hint)
            })
        };
        match (answer(&self.interview), answer(&self.quotes)) {
            (Ok(interview), Ok(quotes)) => Ok(Consent { interview, quotes }),
            (Err(d), Ok(_)) | (Ok(_), Err(d)) => Err(vec![d]),
            (Err(a), Err(b)) if a == b => Err(vec![a]),
            (Err(a), Err(b)) => Err(vec![a, b]),
        }
    }
}

/// Reads one answer as written.
struct WordVisitor;

impl<'de> Visitor<'de> for WordVisitor {
    type Value = Word;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("one of given, declined, withdrawn, pending")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Word, E> {
        Ok(Word(Some(v.to_owned())))
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Word, E> {
        // `yes` and `no` are booleans to YAML: kept as written, so that
        // the check names them at their place.
        self.visit_str(if v { "yes" } else { "no" })
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Word, E> {
        self.visit_str(&v.to_string())
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Word, E> {
        self.visit_str(&v.to_string())
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Word, A::Error> {
        while seq.next_element::<de::IgnoredAny>()?.is_some() {}
        Ok(Word(None))
    }
}

impl<'de> Deserialize<'de> for Word {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(WordVisitor)
    }
}

/// `consent:` itself: one answer for both, or the map of two.
struct WrittenVisitor;

impl<'de> Visitor<'de> for WrittenVisitor {
    type Value = Written;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("one of given, declined, withdrawn, pending, or {interview: …, quotes: …}")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Written, E> {
        Ok(Written::both(WordVisitor.visit_str(v)?))
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Written, E> {
        Ok(Written::both(WordVisitor.visit_bool(v)?))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Written, E> {
        Ok(Written::both(WordVisitor.visit_i64(v)?))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Written, E> {
        Ok(Written::both(WordVisitor.visit_u64(v)?))
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, seq: A) -> Result<Written, A::Error> {
        Ok(Written::both(WordVisitor.visit_seq(seq)?))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Written, A::Error> {
        let levels = Levels::deserialize(de::value::MapAccessDeserializer::new(map))?;
        Ok(Written {
            interview: levels.interview,
            quotes: levels.quotes,
        })
    }
}

impl Written {
    /// One answer for both levels, placed where `consent:` is.
    fn both(word: Word) -> Written {
        Written {
            interview: At::new(word.clone()),
            quotes: At::new(word),
        }
    }
}

impl<'de> Deserialize<'de> for Written {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(WrittenVisitor)
    }
}

impl JsonSchema for Written {
    fn schema_name() -> Cow<'static, str> {
        "Consent".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let answer = json_schema!({ "enum": Answer::all_words() });
        json_schema!({
            "description": "Consent: one answer for the interview and quotes both, or each: {interview: given, quotes: declined}. pending counts as no.",
            "anyOf": [
                answer,
                {
                    "type": "object",
                    "properties": { "interview": answer, "quotes": answer },
                    "required": KEYS,
                    "additionalProperties": false
                }
            ]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(yaml: &str) -> Result<Consent, Vec<Diagnostic>> {
        #[derive(Deserialize)]
        struct Note {
            consent: At<Written>,
        }
        let mut sources = Sources::default();
        let id = sources.add("x.md".into(), yaml.to_owned());
        let note: Note = crate::yaml::parse("x.md", sources.text(id), id).map_err(|d| vec![d])?;
        note.consent.check(note.consent.loc, &sources)
    }

    #[test]
    fn one_answer_means_both() {
        assert_eq!(
            read("consent: given\n").unwrap(),
            Consent::both(Answer::Given)
        );
        assert_eq!(
            read("consent: Withdrawn\n").unwrap(),
            Consent::both(Answer::Withdrawn)
        );
    }

    #[test]
    fn norwegian_words_are_read_as_the_command_line_reads_them() {
        assert_eq!(read("consent: ja\n").unwrap(), Consent::both(Answer::Given));
        assert_eq!(
            read("consent: Gjeve\n").unwrap(),
            Consent::both(Answer::Given)
        );
        let c = read("consent: {interview: gitt, quotes: nei}\n").unwrap();
        assert_eq!((c.interview, c.quotes), (Answer::Given, Answer::Declined));
        assert_eq!(
            read("consent: trekt\n").unwrap(),
            Consent::both(Answer::Withdrawn)
        );
        assert_eq!(
            read("consent: VENTAR\n").unwrap(),
            Consent::both(Answer::Pending)
        );
        // Written back as the ids.
        assert_eq!(c.to_string(), "{interview: given, quotes: declined}");
        let d = &read("consent: gjve\n").unwrap_err()[0];
        assert!(d.hint.as_deref().unwrap().contains("`gjeve`"), "{d:?}");
    }

    #[test]
    fn two_levels_are_read_apart() {
        let c = read("consent: {interview: given, quotes: declined}\n").unwrap();
        assert!(c.counts() && !c.allows_quotes());
        let c = read("consent:\n  interview: withdrawn\n  quotes: given\n").unwrap();
        assert!(!c.counts() && !c.allows_quotes(), "{c}");
        assert!(read("consent: pending\n").unwrap().withheld());
        assert_eq!(c.to_string(), "{interview: withdrawn, quotes: given}");
    }

    #[test]
    fn bad_values_are_placed() {
        let d = &read("consent: gven\n").unwrap_err()[0];
        assert_eq!((d.line, d.col), (1, 10), "{d:?}");
        assert!(d.message.contains("gven"), "{d:?}");
        assert!(d.hint.as_deref().unwrap().contains("given"), "{d:?}");
        let d = &read("consent: yes\n").unwrap_err()[0];
        assert_eq!((d.line, d.col), (1, 10), "{d:?}");
        let ds = read("consent:\n  interview: jo\n  quotes: maybe\n").unwrap_err();
        assert_eq!(ds.len(), 2, "{ds:?}");
        assert_eq!((ds[0].line, ds[0].col), (2, 14), "{ds:?}");
        assert_eq!((ds[1].line, ds[1].col), (3, 11), "{ds:?}");
        let ds = read("consent: {interview: given, quote: given}\n").unwrap_err();
        assert!(ds[0].message.contains("quote"), "{ds:?}");
        let ds = read("consent: {interview: given}\n").unwrap_err();
        assert!(ds[0].message.contains("quotes"), "{ds:?}");
    }
}

//! Localised text and located values: the two building blocks every workbook
//! field is made of.

use crate::i18n::{msg, ui};
use std::borrow::Cow;
use std::cell::Cell;
use std::collections::BTreeMap;
use std::fmt;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};
use serde_saphyr::Spanned;

/// A language a workbook can be written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
#[schemars(transform = super::named::accept_aliases::<Lang>)]
pub enum Lang {
    /// Norwegian bokmål.
    Nb,
    /// Norwegian nynorsk.
    Nn,
    /// English.
    En,
}

impl Lang {
    /// All languages samskap speaks, in the order they are shown.
    pub const ALL: [Lang; 3] = [Lang::Nb, Lang::Nn, Lang::En];

    /// The code used in YAML and on the command line.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nb => "nb",
            Lang::Nn => "nn",
            Lang::En => "en",
        }
    }

    /// Whether this is one of the two Norwegian written standards.
    pub fn is_norwegian(self) -> bool {
        matches!(self, Lang::Nb | Lang::Nn)
    }
}

impl super::named::Named for Lang {
    const ALL: &'static [Lang] = &Lang::ALL;

    fn id(self) -> &'static str {
        self.code()
    }

    fn aliases(self) -> &'static [&'static str] {
        match self {
            Lang::Nb => &["bokmål", "bokmal"],
            Lang::Nn => &["nynorsk"],
            Lang::En => &["engelsk", "english"],
        }
    }

    fn shown(self, lang: Lang) -> &'static str {
        match (lang, self) {
            (Lang::En, _) => self.code(),
            (_, Lang::Nb) => "bokmål",
            (_, Lang::Nn) => "nynorsk",
            (_, Lang::En) => "engelsk",
        }
    }
}

impl<'de> Deserialize<'de> for Lang {
    /// The code (`nn`), or the language's name (`nynorsk`, `bokmål`).
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        super::named::deserialize(deserializer)
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Where a value stands in the workbook's files: which file, which line and
/// which column (both 1-based). `line == 0` means the place is not known.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Loc {
    /// Index of the file in the loader's list of sources.
    pub source: u32,
    /// 1-based line, 0 when unknown.
    pub line: u32,
    /// 1-based column, 0 when unknown.
    pub col: u32,
}

thread_local! {
    /// The file being deserialised on this thread. serde-saphyr's spans know
    /// line and column but not the file, and the loader parses one file at a
    /// time, so it sets this around each parse and every `Loc` picks it up.
    static CURRENT_SOURCE: Cell<u32> = const { Cell::new(0) };
}

/// Runs `f` with `source` recorded as the file every `Loc` made inside it
/// belongs to.
pub(crate) fn with_source<R>(source: u32, f: impl FnOnce() -> R) -> R {
    let previous = CURRENT_SOURCE.with(|c| c.replace(source));
    let result = f();
    CURRENT_SOURCE.with(|c| c.set(previous));
    result
}

fn loc_of(location: serde_saphyr::Location) -> Loc {
    Loc {
        source: CURRENT_SOURCE.with(Cell::get),
        line: u32::try_from(location.line()).unwrap_or(u32::MAX),
        col: u32::try_from(location.column()).unwrap_or(u32::MAX),
    }
}

/// A value together with where it was written, so that checks made after
/// parsing (an unknown reference, a duplicate id) can point at the exact spot.
/// Two `At`s are equal when their values are: the place is not part of the
/// meaning.
#[derive(Clone, Debug, Default)]
pub struct At<T> {
    /// The value itself.
    pub value: T,
    /// Where it was written.
    pub loc: Loc,
}

impl<T> At<T> {
    /// A value with no known place (for values built in code).
    pub fn new(value: T) -> Self {
        At {
            value,
            loc: Loc::default(),
        }
    }
}

impl<T: PartialEq> PartialEq for At<T> {
    fn eq(&self, other: &Self) -> bool {
        self.value == other.value
    }
}
impl<T: Eq> Eq for At<T> {}
impl<T: Ord> PartialOrd for At<T> {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl<T: Ord> Ord for At<T> {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.value.cmp(&other.value)
    }
}

impl<T> std::ops::Deref for At<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for At<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let spanned = Spanned::<T>::deserialize(deserializer)?;
        Ok(At {
            value: spanned.value,
            loc: loc_of(spanned.referenced),
        })
    }
}

impl<T: Serialize> Serialize for At<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.value.serialize(serializer)
    }
}

impl<T: JsonSchema> JsonSchema for At<T> {
    fn inline_schema() -> bool {
        T::inline_schema()
    }
    fn schema_name() -> Cow<'static, str> {
        T::schema_name()
    }
    fn schema_id() -> Cow<'static, str> {
        T::schema_id()
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        T::json_schema(generator)
    }
}

/// An identifier: a lowercase slug such as `dybdeintervju` or `uke-1-oppstart`.
/// Slug form is checked by validation, not by parsing, so that every bad id in
/// a file is reported in one run.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(transparent)]
pub struct Id(pub At<String>);

impl Id {
    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0.value
    }
    /// Where the id was written.
    pub fn loc(&self) -> Loc {
        self.0.loc
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl JsonSchema for Id {
    fn schema_name() -> Cow<'static, str> {
        "Id".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": crate::workbook::SLUG_PATTERN,
            "description": "A lowercase slug: letters a-z, digits and single hyphens, for example `uke-1-oppstart`."
        })
    }
}

/// Text in one or more languages: either a plain string, used as it is in
/// every language, or a map from language code to text, such as
/// `{nb: Formål, en: Purpose}`.
#[derive(Clone, Debug, Default)]
pub struct Text {
    /// The text, plain or per language.
    pub value: TextValue,
    /// Where it was written.
    pub loc: Loc,
}

/// The two forms a [`Text`] can take.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TextValue {
    /// The same text in every language.
    Plain(String),
    /// One text per language.
    Localised(BTreeMap<Lang, String>),
}

impl Default for TextValue {
    fn default() -> Self {
        TextValue::Plain(String::new())
    }
}

impl PartialEq for Text {
    fn eq(&self, other: &Self) -> bool {
        self.value == other.value
    }
}
impl Eq for Text {}

impl Text {
    /// A plain text with no known place (for text built in code).
    pub fn plain(text: impl Into<String>) -> Self {
        Text {
            value: TextValue::Plain(text.into()),
            loc: Loc::default(),
        }
    }

    /// The text in `lang`, falling back to the other Norwegian standard,
    /// then to the first language it has (a validated workbook has every
    /// declared language, so the fallback only matters for languages it
    /// does not declare).
    pub fn get(&self, lang: Lang) -> &str {
        let near = match lang {
            Lang::Nb => Lang::Nn,
            Lang::Nn | Lang::En => Lang::Nb,
        };
        match &self.value {
            TextValue::Plain(text) => text,
            TextValue::Localised(map) => map
                .get(&lang)
                .or_else(|| map.get(&near))
                .or_else(|| map.values().next())
                .map_or("", String::as_str),
        }
    }

    /// Whether the text can be shown in `lang` without falling back.
    pub fn has(&self, lang: Lang) -> bool {
        match &self.value {
            TextValue::Plain(_) => true,
            TextValue::Localised(map) => map.contains_key(&lang),
        }
    }

    /// Whether the text is empty in every language.
    pub fn is_blank(&self) -> bool {
        match &self.value {
            TextValue::Plain(text) => text.trim().is_empty(),
            TextValue::Localised(map) => map.values().all(|t| t.trim().is_empty()),
        }
    }
}

struct TextVisitor;

impl<'de> Visitor<'de> for TextVisitor {
    type Value = TextValue;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(msg::text_expected(ui()))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<TextValue, E> {
        Ok(TextValue::Plain(v.to_owned()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<TextValue, E> {
        Ok(TextValue::Plain(v))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<TextValue, A::Error> {
        let mut texts = BTreeMap::new();
        while let Some(LangKey(lang)) = map.next_key::<LangKey>()? {
            let text: String = map.next_value()?;
            if texts.insert(lang, text).is_some() {
                return Err(de::Error::custom(msg::text_lang_twice(ui(), lang)));
            }
        }
        Ok(TextValue::Localised(texts))
    }
}

/// Why `key` cannot start a map of languages: most often a plain text with
/// a colon and a space in it, which YAML reads as `key: value`.
fn not_a_language(key: &str) -> String {
    let codes: Vec<&str> = Lang::ALL.iter().map(|l| l.code()).collect();
    if key.chars().any(char::is_whitespace) || key.chars().count() > 3 {
        msg::text_colon_read_as_map(ui(), key, codes.join(", "))
    } else {
        msg::text_unknown_lang(ui(), key, codes.join(", "))
    }
}

/// A key of a map of languages. Parsed on its own, so that a problem
/// points at the key itself.
struct LangKey(Lang);

impl<'de> Deserialize<'de> for LangKey {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let key = String::deserialize(deserializer)?;
        Lang::ALL
            .into_iter()
            .find(|l| l.code() == key)
            .map(LangKey)
            .ok_or_else(|| de::Error::custom(not_a_language(&key)))
    }
}

struct TextRepr(TextValue);

impl<'de> Deserialize<'de> for TextRepr {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(TextVisitor).map(TextRepr)
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let spanned = Spanned::<TextRepr>::deserialize(deserializer)?;
        Ok(Text {
            value: spanned.value.0,
            loc: loc_of(spanned.referenced),
        })
    }
}

impl Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match &self.value {
            TextValue::Plain(text) => serializer.serialize_str(text),
            TextValue::Localised(map) => map.serialize(serializer),
        }
    }
}

impl JsonSchema for Text {
    fn schema_name() -> Cow<'static, str> {
        "Text".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "Text: a plain string used in every language, or one text per language such as {nb: ..., en: ...}.",
            "anyOf": [
                { "type": "string" },
                {
                    "type": "object",
                    "properties": {
                        "nb": { "type": "string", "description": "Norwegian bokmål." },
                        "nn": { "type": "string", "description": "Norwegian nynorsk." },
                        "en": { "type": "string", "description": "English." }
                    },
                    "additionalProperties": false,
                    "minProperties": 1
                }
            ]
        })
    }
}

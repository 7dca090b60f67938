//! Parsing YAML into typed values, with errors people can act on: the file,
//! line and column, the offending line, and a hint ("did you mean `x`?").

use serde::de::DeserializeOwned;

use crate::diagnostic::{Diagnostic, suggest};
use crate::i18n::msg;
use crate::workbook::Lang;
use crate::workbook::text::with_source;

/// How serde's own messages begin (they come as custom messages too, but
/// in English): these are explained like the parser's.
const SERDE_WORDS: [&str; 7] = [
    "unknown variant `",
    "unknown field `",
    "missing field `",
    "invalid type",
    "invalid value",
    "invalid length",
    "duplicate field `",
];

/// Parses `text` (the contents of `display`) as a `T`. `source` is the
/// file's index in the caller's list of sources, recorded in every `Loc`.
pub fn parse<T: DeserializeOwned>(display: &str, text: &str, source: u32) -> Result<T, Diagnostic> {
    if is_blank(text) {
        let lang = crate::i18n::ui();
        return Err(
            Diagnostic::file(display, msg::yaml_empty(lang)).with_hint(empty_hint(display, lang))
        );
    }
    with_source(source, || serde_saphyr::from_str::<T>(text)).map_err(|err| {
        let (line, col) = err
            .location()
            .map_or((0, 0), |l| (to_u32(l.line()), to_u32(l.column())));
        let raw = err.without_snippet().to_string();
        // A message of samskap's own (a custom error from a `Deserialize`)
        // is already in the user's language; the parser's are explained.
        let (message, hint) =
            if matches!(err.without_snippet(), serde_saphyr::Error::Message { .. })
                && !SERDE_WORDS.iter().any(|w| raw.starts_with(w))
            {
                (strip_position(&raw).to_owned(), None)
            } else {
                explain(strip_position(&raw), crate::i18n::ui(), key_at(text, line))
            };
        // The parser names the scalar it was reading; the tab comes after.
        let tab = raw
            .contains("found a tab")
            .then(|| first_tab_from(text, line, col))
            .flatten();
        let diagnostic = match tab {
            Some((line, col)) => Diagnostic::at(display, text, line, col, message).with_width(1),
            None => Diagnostic::at(display, text, line, col, message),
        };
        match hint {
            Some(hint) => diagnostic.with_hint(hint),
            None => diagnostic,
        }
    })
}

/// The line and column of the first tab at or after `line`:`col`.
fn first_tab_from(text: &str, line: u32, col: u32) -> Option<(u32, u32)> {
    let skip = (line.max(1) - 1) as usize;
    for (i, text_line) in text.lines().enumerate().skip(skip) {
        let from = if i == skip {
            col.max(1) as usize - 1
        } else {
            0
        };
        let found = text_line
            .chars()
            .enumerate()
            .skip(from)
            .find(|&(_, c)| c == '\t');
        if let Some((at, _)) = found {
            return Some((to_u32(i as u64 + 1), to_u32(at as u64 + 1)));
        }
    }
    None
}

fn to_u32(n: u64) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Like [`parse`], but an empty file (or one of only comments) is the
/// type's default: for files samskap itself creates and fills.
pub fn parse_or_empty<T: DeserializeOwned + Default>(
    display: &str,
    text: &str,
    source: u32,
) -> Result<T, Diagnostic> {
    if is_blank(text) {
        Ok(T::default())
    } else {
        parse(display, text, source)
    }
}

/// What an empty file of this name should hold.
fn empty_hint(display: &str, lang: Lang) -> String {
    let name = std::path::Path::new(display)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    match name {
        "samskap.yaml" => msg::yaml_empty_sprint_hint(lang).to_owned(),
        "solutions.yaml" => msg::yaml_empty_solutions_hint(lang).to_owned(),
        "assessment.yaml" => msg::yaml_empty_assessment_hint(lang).to_owned(),
        _ => msg::yaml_empty_workbook_hint(lang).to_owned(),
    }
}

/// Whether the text holds nothing but blank lines and comments.
fn is_blank(text: &str) -> bool {
    text.lines()
        .map(str::trim)
        .all(|l| l.is_empty() || l.starts_with('#') || l == "---")
}

/// serde-saphyr appends " at line N, column M"; the diagnostic shows the
/// place itself.
fn strip_position(message: &str) -> &str {
    message
        .rfind(" at line ")
        .map_or(message, |i| &message[..i])
}

/// The key written on `line` (1-based) of `text`, if the line has one:
/// `lang` for `lang: [nn]`, `id` for `  - id: a`.
fn key_at(text: &str, line: u32) -> Option<&str> {
    let l = text.lines().nth((line as usize).checked_sub(1)?)?;
    let (key, _) = l.trim_start().trim_start_matches("- ").split_once(':')?;
    let plain = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '-');
    plain.then_some(key)
}

/// Turns the parser's message into one for people, with a hint where one
/// helps; `key` is the key on the line, for the hint's example.
fn explain(message: &str, lang: Lang, key: Option<&str>) -> (String, Option<String>) {
    let key = key.unwrap_or(msg::yaml_a_field(lang));
    if let Some(rest) = message.strip_prefix("unknown field `") {
        return unknown_name(rest, lang, Name::Field);
    }
    if let Some(rest) = message.strip_prefix("unknown variant `") {
        return unknown_name(rest, lang, Name::Value);
    }
    if let Some(rest) = message.strip_prefix("duplicate mapping key: ") {
        let key = rest.split(',').next().unwrap_or(rest);
        return (
            msg::yaml_duplicate_key(lang, key),
            Some(msg::yaml_duplicate_key_hint(lang).to_owned()),
        );
    }
    if message.starts_with("tabs disallowed") || message.contains("found a tab") {
        return (
            msg::yaml_tab(lang).to_owned(),
            Some(msg::yaml_tab_hint(lang).to_owned()),
        );
    }
    if let Some(field) = message.strip_prefix("missing field `") {
        let field = field.trim_end_matches('`');
        return (
            msg::yaml_missing_field(lang, field),
            Some(msg::yaml_missing_field_hint(lang, field)),
        );
    }
    if let Some(kind) = message.strip_prefix("invalid ") {
        let expected = match kind {
            "u8" | "u16" | "u32" | "u64" | "usize" => Some(msg::yaml_expected_number(lang)),
            "bool" | "boolean" => Some(msg::yaml_expected_bool(lang)),
            "f32" | "f64" => Some(msg::yaml_expected_decimal(lang)),
            _ => None,
        };
        if let Some(expected) = expected {
            return (expected.to_owned(), None);
        }
    }
    if message.contains("expected string scalar") {
        return (
            msg::yaml_expected_text(lang).to_owned(),
            Some(msg::yaml_expected_text_hint(lang).to_owned()),
        );
    }
    if message.starts_with("comments must be separated") {
        return (
            msg::yaml_comment(lang).to_owned(),
            Some(msg::yaml_comment_hint(lang).to_owned()),
        );
    }
    if message.contains("expected sequence start") {
        return (
            msg::yaml_expected_list(lang).to_owned(),
            Some(msg::yaml_expected_list_hint(lang, key)),
        );
    }
    if message.contains("enum expected scalar or mapping") {
        return (
            msg::yaml_expected_one(lang).to_owned(),
            Some(msg::yaml_expected_one_hint(lang, key)),
        );
    }
    if message.contains("expected mapping") {
        return (
            msg::yaml_expected_mapping(lang).to_owned(),
            Some(msg::yaml_expected_mapping_hint(lang).to_owned()),
        );
    }
    if let Some(found) = syntax_error(message, lang) {
        return found;
    }
    let syntax = [
        "indicator",
        "scanning",
        "parsing",
        "did not find",
        "unclosed",
        "unexpected",
        "indentation",
        "not allowed",
        "tab",
    ];
    if syntax.iter().any(|w| message.contains(w)) {
        return (
            msg::yaml_syntax(lang, message),
            Some(msg::yaml_syntax_hint(lang).to_owned()),
        );
    }
    (
        msg::yaml_unreadable(lang, message),
        Some(msg::yaml_unreadable_hint(lang).to_owned()),
    )
}

/// The YAML mistakes people make by hand, told as whole sentences with a
/// hint; `None` for a message of the parser this does not recognise.
fn syntax_error(message: &str, lang: Lang) -> Option<(String, Option<String>)> {
    let has = |part: &str| message.contains(part);
    let (text, hint) = if has("mapping values are not allowed") {
        (
            msg::yaml_colon_in_value(lang).to_owned(),
            msg::yaml_colon_in_value_hint(lang),
        )
    } else if has("unknown anchor") {
        (
            msg::yaml_unknown_anchor(lang).to_owned(),
            msg::yaml_unknown_anchor_hint(lang),
        )
    } else if has("null into string") || has("null; use Option") {
        (
            msg::yaml_expected_value(lang).to_owned(),
            msg::yaml_expected_value_hint(lang),
        )
    } else if has("trailing content after") {
        (
            msg::yaml_after_quote(lang).to_owned(),
            msg::yaml_after_quote_hint(lang),
        )
    } else if has("unclosed quote") || has("quoted scalar, found unexpected end") {
        (
            msg::yaml_unclosed_quote(lang).to_owned(),
            msg::yaml_unclosed_quote_hint(lang),
        )
    } else if has("unknown escape character") {
        (
            msg::yaml_escape(lang).to_owned(),
            msg::yaml_escape_hint(lang),
        )
    } else if has("bracket")
        || has("flow sequence")
        || has("flow mapping")
        || has("illegal placement of ':'")
        || has("may not precede")
    {
        (
            msg::yaml_bracket(lang).to_owned(),
            msg::yaml_bracket_hint(lang),
        )
    } else if has("simple key") {
        (
            msg::yaml_missing_colon(lang).to_owned(),
            msg::yaml_missing_colon_hint(lang),
        )
    } else if let Some(sign) = ["'-'", "':'"].into_iter().find(|sign| {
        has(&format!(
            "{sign} must be followed by a valid YAML whitespace"
        ))
    }) {
        (
            msg::yaml_space_after(lang, &sign[1..2]),
            msg::yaml_space_after_hint(lang),
        )
    } else if let Some(rest) = message.strip_prefix("unexpected character: `") {
        let sign = rest.strip_suffix('\'').unwrap_or(rest);
        (
            msg::yaml_bad_start(lang, sign),
            msg::yaml_bad_start_hint(lang),
        )
    } else if has("block scalar, did not find expected comment or line break") {
        (
            msg::yaml_block_scalar(lang).to_owned(),
            msg::yaml_block_scalar_hint(lang),
        )
    } else if has("did not find expected key")
        || has("did not find expected '-'")
        || has("did not find expected node content")
        || has("indentation")
        || has("mapping keys are not allowed")
        || has("block sequence entries are not allowed")
        || has("wrongly indented")
    {
        (
            msg::yaml_indentation(lang).to_owned(),
            msg::yaml_indentation_hint(lang),
        )
    } else {
        return None;
    };
    Some((text, Some(hint.to_owned())))
}

/// What an unknown name is: a field (a key) or a value.
#[derive(Clone, Copy)]
enum Name {
    Field,
    Value,
}

/// "unknown field `x`, expected one of a, b" → message and "did you mean" hint.
fn unknown_name(rest: &str, lang: Lang, what: Name) -> (String, Option<String>) {
    let (name, tail) = rest.split_once('`').unwrap_or((rest, ""));
    let expected: Vec<&str> = tail
        .split_once("expected one of ")
        .or_else(|| tail.split_once("expected "))
        .map(|(_, list)| list.split(", ").map(|s| s.trim_matches('`')).collect())
        .unwrap_or_default();
    let known = expected.join(", ");
    let best = suggest(name, expected.iter().copied());
    let (message, hint) = match what {
        Name::Field => (
            msg::yaml_unknown_field(lang, name),
            match best {
                Some(best) => Some(msg::yaml_did_you_mean_fields(lang, best, &known)),
                None if !expected.is_empty() => Some(msg::yaml_valid_fields(lang, &known)),
                None => None,
            },
        ),
        Name::Value => (
            msg::yaml_unknown_value(lang, name),
            match best {
                Some(best) => Some(msg::yaml_did_you_mean_values(lang, best, &known)),
                None if !expected.is_empty() => Some(msg::yaml_valid_values(lang, &known)),
                None => None,
            },
        ),
    };
    (message, hint)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_field_gets_a_suggestion() {
        let (m, h) = explain(
            "unknown field `minuts`, expected one of id, minutes, kind",
            Lang::En,
            None,
        );
        assert_eq!(m, "unknown field `minuts`");
        assert_eq!(
            h.as_deref(),
            Some("did you mean `minutes`? (valid fields: id, minutes, kind)")
        );
    }

    #[test]
    fn a_list_where_a_text_belongs_is_explained_in_the_language_asked() {
        #[derive(Debug, serde::Deserialize)]
        struct Named {
            #[allow(dead_code)]
            name: String,
        }
        for (lang, words) in [(Lang::Nb, "ventet en tekst"), (Lang::En, "expected a text")] {
            let raw = serde_saphyr::from_str::<Named>("name: [a]\n")
                .unwrap_err()
                .without_snippet()
                .to_string();
            let (m, h) = explain(strip_position(&raw), lang, None);
            assert!(m.starts_with(words), "{m} (from {raw})");
            assert!(h.is_some_and(|h| h.contains('[')));
        }
    }

    /// The raw parser message for `yaml` read as a small struct.
    fn raw(yaml: &str) -> String {
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct Sprint {
            name: String,
            #[serde(default)]
            facilitators: Vec<String>,
            #[serde(default)]
            groups: Vec<Group>,
        }
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct Group {
            id: String,
        }
        serde_saphyr::from_str::<Sprint>(yaml)
            .unwrap_err()
            .without_snippet()
            .to_string()
    }

    #[test]
    fn the_yaml_mistakes_people_make_are_whole_sentences_with_a_hint() {
        let table = [
            (
                "name: Rom 2: 3. etg\n",
                "a colon followed by a space is inside a value",
            ),
            (
                "name: *x\n",
                "a value starting with `*` is, in YAML, a reference",
            ),
            ("name: &x\n", "the value is missing here"),
            ("name: \"Ny\" sprint\n", "the text goes on after the quote"),
            (
                "name: \"Ny sprint\nfacilitators: [\"A\"]\n",
                "the text goes on after the quote",
            ),
            ("name: 'Ny sprint\n", "a quote is opened but never closed"),
            ("name: \"a\\q\"\n", "a text in double quotes has a `\\`"),
            ("name: @x\n", "a value cannot start with `@` in YAML"),
            (
                "name: x\nfacilitators: [\"A\", \"B\"\ngroups: []\n",
                "a list in [ ] or a mapping in { } is not closed",
            ),
            ("name: x\ngroups:\n-x\n", "the line lacks a colon"),
            (
                "name: x\ngroups:\n  - id: a\n   - id: b\n",
                "the indentation here does not match",
            ),
            (
                "name: |x\n",
                "after `|` or `>` the text starts on the next line",
            ),
        ];
        for (yaml, english) in table {
            let raw = raw(yaml);
            let (m, h) = explain(strip_position(&raw), Lang::En, None);
            assert!(m.starts_with(english), "{yaml:?}: {m} (from {raw})");
            assert!(h.is_some(), "{yaml:?}: a hint");
            for lang in [Lang::Nb, Lang::Nn] {
                let (m, h) = explain(strip_position(&raw), lang, None);
                let parser = strip_position(&raw);
                assert!(!m.contains(parser), "{yaml:?} {lang:?}: {m}");
                assert_ne!(m, explain(parser, Lang::En, None).0, "{yaml:?} {lang:?}");
                assert!(h.is_some_and(|h| !h.contains(parser)));
            }
        }
    }

    #[test]
    fn the_hint_for_a_list_or_one_value_cites_the_key_on_the_line() {
        let text = "name: x\nlang: [nn]\ngroups:\n  - id: a\n    members: 5\n";
        assert_eq!(key_at(text, 2), Some("lang"));
        assert_eq!(key_at(text, 4), Some("id"));
        assert_eq!(key_at(text, 5), Some("members"));
        assert_eq!(key_at("- [a]\n", 1), None);
        let (_, one) = explain(
            "externally tagged enum expected scalar or mapping",
            Lang::Nn,
            key_at(text, 2),
        );
        assert_eq!(
            one.as_deref(),
            Some("skriv verdien åleine, utan klammer: `lang: verdi`")
        );
        let (_, list) = explain("expected sequence start", Lang::Nb, key_at(text, 5));
        assert_eq!(
            list.as_deref(),
            Some(
                "skriv en liste: i klammer, `members: [en, to]`, eller én `- ting` per linje under `members:`"
            )
        );
    }

    #[test]
    fn a_parser_message_not_recognised_is_quoted_as_the_yaml_readers_words() {
        let (nb, _) = explain("some new complaint", Lang::Nb, None);
        assert_eq!(
            nb,
            "samskap kan ikke bruke verdien her (YAML-leseren sier: «some new complaint»)"
        );
        let (nn, _) = explain("while parsing something new", Lang::Nn, None);
        assert_eq!(
            nn,
            "dette er ikkje gyldig YAML (YAML-lesaren seier: «while parsing something new»)"
        );
        let (en, _) = explain("invalid trailing rubbish", Lang::En, None);
        assert!(!en.starts_with("expected"), "{en}");
    }

    #[test]
    fn comment_only_file_is_blank() {
        assert!(is_blank("# only a comment\n\n---\n"));
        assert!(!is_blank("a: 1"));
    }
}

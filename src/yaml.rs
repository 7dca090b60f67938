//! Parsing YAML into typed values, with errors people can act on: the file,
//! line and column, the offending line, and a hint ("did you mean `x`?").

use serde::de::DeserializeOwned;

use crate::diagnostic::{Diagnostic, suggest};
use crate::workbook::text::with_source;

/// Parses `text` (the contents of `display`) as a `T`. `source` is the
/// file's index in the caller's list of sources, recorded in every `Loc`.
pub fn parse<T: DeserializeOwned>(display: &str, text: &str, source: u32) -> Result<T, Diagnostic> {
    if is_blank(text) {
        return Err(Diagnostic::file(display, "the file is empty").with_hint(empty_hint(display)));
    }
    with_source(source, || serde_saphyr::from_str::<T>(text)).map_err(|err| {
        let (line, col) = err
            .location()
            .map_or((0, 0), |l| (to_u32(l.line()), to_u32(l.column())));
        let raw = err.without_snippet().to_string();
        let (message, hint) = explain(strip_position(&raw));
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
fn empty_hint(display: &str) -> &'static str {
    let name = std::path::Path::new(display)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    match name {
        "samskap.yaml" => {
            "a sprint's samskap.yaml starts with `name:`; `samskap new-sprint DIR` writes a complete one to copy from"
        }
        "solutions.yaml" => "write `solutions: []`, or add a solution with `samskap solution new`",
        "assessment.yaml" => "delete the file, and add assessments with `samskap assess`",
        _ => {
            "a workbook file is a YAML mapping such as `title: ...`; see `samskap workbook export` for a complete example"
        }
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

/// Turns the parser's message into one for people, with a hint where one helps.
fn explain(message: &str) -> (String, Option<String>) {
    if let Some(rest) = message.strip_prefix("unknown field `") {
        return unknown_name("field", rest, "fields");
    }
    if let Some(rest) = message.strip_prefix("unknown variant `") {
        return unknown_name("value", rest, "values");
    }
    if let Some(rest) = message.strip_prefix("duplicate mapping key: ") {
        let key = rest.split(',').next().unwrap_or(rest);
        return (
            format!("the key `{key}` is given twice in the same mapping"),
            Some("keep one of them".into()),
        );
    }
    if message.starts_with("tabs disallowed") || message.contains("found a tab") {
        return (
            "a tab is used for indentation".into(),
            Some("YAML is indented with spaces only: replace the tab with spaces".into()),
        );
    }
    if let Some(field) = message.strip_prefix("missing field `") {
        let field = field.trim_end_matches('`');
        return (
            format!("the field `{field}` is missing"),
            Some(format!("add `{field}:` to this mapping")),
        );
    }
    if let Some(kind) = message.strip_prefix("invalid ") {
        let expected = match kind {
            "u8" | "u16" | "u32" | "u64" => "a whole number (0 or more)",
            "bool" | "boolean" => "true or false",
            _ => kind,
        };
        return (format!("expected {expected} here"), None);
    }
    if message.starts_with("comments must be separated") {
        return (
            "`#` starts a comment in YAML, so the rest of the line is not read".into(),
            Some("write tags without `#` here (`tags: [tema, annet-tema]`), or put the value in quotes".into()),
        );
    }
    if message.contains("expected sequence start") {
        return (
            "expected a list here".into(),
            Some(
                "write a list: in brackets, `[tema, annet-tema]`, or one `- item` per line below"
                    .into(),
            ),
        );
    }
    if message.contains("enum expected scalar or mapping") {
        return (
            "expected one value here, not a list".into(),
            Some("write the value alone, without brackets: for example `consent: given`".into()),
        );
    }
    if message.contains("expected mapping") {
        return (
            "expected a mapping (`key: value` lines) here".into(),
            Some("check the indentation and that brackets and quotes are closed".into()),
        );
    }
    let syntax = [
        "indicator",
        "scanning",
        "parsing",
        "did not find",
        "unclosed",
        "expected",
    ];
    if syntax.iter().any(|w| message.contains(w)) {
        return (
            format!("this is not valid YAML: {message}"),
            Some("check the indentation, and that every [ { and quote opened on this or an earlier line is closed".into()),
        );
    }
    (message.to_owned(), None)
}

/// "unknown field `x`, expected one of a, b" → message and "did you mean" hint.
fn unknown_name(what: &str, rest: &str, plural: &str) -> (String, Option<String>) {
    let (name, tail) = rest.split_once('`').unwrap_or((rest, ""));
    let expected: Vec<&str> = tail
        .split_once("expected one of ")
        .or_else(|| tail.split_once("expected "))
        .map(|(_, list)| list.split(", ").map(|s| s.trim_matches('`')).collect())
        .unwrap_or_default();
    let message = format!("unknown {what} `{name}`");
    let known = expected.join(", ");
    let hint = match suggest(name, expected.iter().copied()) {
        Some(best) => Some(format!("did you mean `{best}`? (valid {plural}: {known})")),
        None if !expected.is_empty() => Some(format!("valid {plural}: {known}")),
        None => None,
    };
    (message, hint)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_field_gets_a_suggestion() {
        let (m, h) = explain("unknown field `minuts`, expected one of id, minutes, kind");
        assert_eq!(m, "unknown field `minuts`");
        assert_eq!(
            h.as_deref(),
            Some("did you mean `minutes`? (valid fields: id, minutes, kind)")
        );
    }

    #[test]
    fn comment_only_file_is_blank() {
        assert!(is_blank("# only a comment\n\n---\n"));
        assert!(!is_blank("a: 1"));
    }
}

//! Problems found in files people wrote, each tied to a place: the file, the
//! line and column, the offending line and a caret under it. Shared by YAML
//! errors, workbook validation and (later) privacy findings.

use std::fmt;

/// One problem at one place in one file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file as the user knows it (relative where possible).
    pub path: String,
    /// 1-based line; 0 when the problem concerns the whole file.
    pub line: u32,
    /// 1-based column (in characters); 0 when unknown.
    pub col: u32,
    /// The text of the offending line, when known.
    pub source_line: Option<String>,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub hint: Option<String>,
    /// Further advice, each printed as a hint of its own under the first
    /// (boxed: most diagnostics have none, and every `Result` carries one).
    pub more_hints: Option<Box<MoreHints>>,
    /// How many characters to underline, when the caller knows (else the
    /// token at the column).
    pub width: Option<std::num::NonZeroU32>,
    /// What sort of problem it is, for `check --json`.
    pub kind: Kind,
}

/// The hints of a diagnostic after its first.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MoreHints(pub Vec<String>);

/// What sort of problem a diagnostic reports.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// A file is not what samskap expects (syntax, a field, a reference).
    #[default]
    Invalid,
    /// Personal data where it must not be.
    PersonalData,
    /// A file where samskap looks for records but does not read it.
    UnreadFile,
    /// A record of progress that no longer matches the workbook or sprint.
    StaleRecord,
    /// A warning: a tag the workbook's vocabulary does not know.
    UnknownTag,
    /// A warning: a session the plan keeps in a break.
    InBreak,
    /// A warning: a move in schedule.yaml that breaks a rule of the plan.
    MoveOffPlan,
    /// A warning: a group's session not on its own weekday and time.
    OffOwnSlot,
    /// A warning: progress marked done on a day after today.
    FutureDate,
}

impl Diagnostic {
    /// A problem with a whole file (no line to point at).
    pub fn file(path: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic {
            path: path.into(),
            line: 0,
            col: 0,
            source_line: None,
            message: message.into(),
            hint: None,
            more_hints: None,
            width: None,
            kind: Kind::Invalid,
        }
    }

    /// A problem at `line:col` of `text`, the contents of `path`.
    pub fn at(
        path: impl Into<String>,
        text: &str,
        line: u32,
        col: u32,
        message: impl Into<String>,
    ) -> Self {
        let source_line = (line > 0)
            .then(|| text.lines().nth(line as usize - 1))
            .flatten()
            .map(str::to_owned);
        Diagnostic {
            path: path.into(),
            line,
            col,
            source_line,
            message: message.into(),
            hint: None,
            more_hints: None,
            width: None,
            kind: Kind::Invalid,
        }
    }

    /// The same problem with a hint on how to fix it.
    #[must_use]
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// The same problem with one more hint: under the first, or the first.
    #[must_use]
    pub fn with_another_hint(mut self, hint: impl Into<String>) -> Self {
        match self.hint {
            Some(_) => self.more_hints.get_or_insert_default().0.push(hint.into()),
            None => self.hint = Some(hint.into()),
        }
        self
    }

    /// The same problem, of this kind.
    #[must_use]
    pub fn with_kind(mut self, kind: Kind) -> Self {
        self.kind = kind;
        self
    }

    /// The same problem with the caret this many characters wide.
    #[must_use]
    pub fn with_width(mut self, width: u32) -> Self {
        self.width = std::num::NonZeroU32::new(width.max(1));
        self
    }

    /// `path:line:col`, or as much of it as is known.
    pub fn location(&self) -> String {
        match (self.line, self.col) {
            (0, _) => self.path.clone(),
            (line, 0) => format!("{}:{line}", self.path),
            (line, col) => format!("{}:{line}:{col}", self.path),
        }
    }
}

/// The format version of `check --json` and `workbook check --json`.
pub const CHECK_FORMAT: &str = "samskap-check/2";

/// One finding as `check --json` prints it.
#[derive(serde::Serialize)]
struct Finding<'a> {
    file: &'a str,
    line: Option<u32>,
    column: Option<u32>,
    kind: Kind,
    message: &'a str,
    hint: Option<String>,
}

/// Every finding, and every warning (what does not fail the check but is
/// worth a look), as a JSON document (schema: `schemas/check.schema.json`).
pub fn json_report(diagnostics: &[Diagnostic], warnings: &[Diagnostic]) -> String {
    let report = serde_json::json!({
        "format": CHECK_FORMAT,
        "ok": diagnostics.is_empty(),
        "findings": entries(diagnostics),
        "warnings": entries(warnings),
    });
    let mut text = serde_json::to_string_pretty(&report).unwrap_or_default();
    text.push('\n');
    text
}

/// The findings of `list` as JSON sees them.
fn entries(list: &[Diagnostic]) -> Vec<Finding<'_>> {
    list.iter()
        .map(|d| Finding {
            file: &d.path,
            line: (d.line > 0).then_some(d.line),
            column: (d.line > 0 && d.col > 0).then_some(d.col),
            kind: d.kind,
            message: &d.message,
            // Every hint, one a line.
            hint: d.hint.as_ref().map(|first| {
                std::iter::once(first)
                    .chain(d.more_hints.iter().flat_map(|m| &m.0))
                    .map(String::as_str)
                    .collect::<Vec<_>>()
                    .join("\n")
            }),
        })
        .collect()
}

/// How many characters of a source line a diagnostic shows at most.
const WINDOW: usize = 120;

/// How many characters to underline from `col`: the token that starts there.
fn token_width(line: &str, col: u32) -> usize {
    let rest: Vec<char> = line.chars().skip(col.saturating_sub(1) as usize).collect();
    let mut width = 0;
    let mut quote = None;
    for (i, &c) in rest.iter().enumerate() {
        let next = rest.get(i + 1).copied().unwrap_or(' ');
        match quote {
            Some(q) if c == q => {
                width += 1;
                break;
            }
            Some(_) => {}
            None if width == 0 && (c == '"' || c == '\'') => quote = Some(c),
            // A plain scalar may hold spaces; it ends at `: `, ` #`, a flow
            // indicator or the end of the line.
            None if ",[]{}".contains(c) => break,
            None if c == ':' && next == ' ' => break,
            None if c == ' ' && (next == '#' || next == ' ' || i + 1 == rest.len()) => break,
            None => {}
        }
        width += 1;
    }
    width.max(1)
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(crate::i18n::ui()))
    }
}

impl Diagnostic {
    /// The problem as printed, framed in `lang` (the message and hint are
    /// worded when the diagnostic is made).
    pub fn render(&self, lang: crate::workbook::Lang) -> String {
        let mut out = String::new();
        let _ = self.write(&mut out, lang, crate::i18n::msg::error_prefix(lang));
        out
    }

    /// The problem as printed when it is a warning: worth a look, no reason
    /// to stop.
    pub fn render_warning(&self, lang: crate::workbook::Lang) -> String {
        let mut out = String::new();
        let _ = self.write(&mut out, lang, crate::i18n::msg::warning_prefix(lang));
        out
    }

    fn write(
        &self,
        f: &mut impl fmt::Write,
        lang: crate::workbook::Lang,
        prefix: &str,
    ) -> fmt::Result {
        use crate::i18n::msg;
        writeln!(f, "{prefix}: {}", self.message)?;
        write!(f, "  --> {}", self.location())?;
        if let Some(line_text) = &self.source_line {
            let number = self.line.to_string();
            let pad = " ".repeat(number.len());
            // Tabs are shown as one space so the caret lines up with the column.
            let chars: Vec<char> = line_text
                .chars()
                .map(|c| if c == '\t' { ' ' } else { c })
                .collect();
            // A long line (a note written as one paragraph) is shown as a
            // window around the column, not whole.
            let at = (self.col as usize).saturating_sub(1).min(chars.len());
            let start = at.saturating_sub(WINDOW / 3);
            let end = (start + WINDOW).min(chars.len());
            let start = end.saturating_sub(WINDOW).min(start);
            let (before, after) = (
                if start > 0 { "…" } else { "" },
                if end < chars.len() { "…" } else { "" },
            );
            let shown: String = chars[start..end].iter().collect();
            write!(f, "\n{pad} |\n{number} | {before}{shown}{after}")?;
            if self.col > 0 {
                let indent = " ".repeat(at - start + before.chars().count());
                let width = self
                    .width
                    .map_or_else(|| token_width(line_text, self.col), |w| w.get() as usize)
                    .min(end.saturating_sub(at).max(1));
                let carets = "^".repeat(width);
                write!(f, "\n{pad} | {indent}{carets}")?;
            }
        }
        for hint in self
            .hint
            .iter()
            .chain(self.more_hints.iter().flat_map(|m| &m.0))
        {
            write!(f, "\n  = {}: {hint}", msg::hint_prefix(lang))?;
        }
        Ok(())
    }
}

/// The closest of `candidates` to `word`, if one is close enough to be a
/// likely typo.
pub fn suggest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(word, c), c))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_caret_under_the_token() {
        let d = Diagnostic::at(
            "wb.yaml",
            "a: 1\n  minuts: 5\n",
            2,
            3,
            "unknown field `minuts`",
        )
        .with_hint("did you mean `minutes`?");
        assert_eq!(
            d.render(crate::workbook::Lang::En),
            "error: unknown field `minuts`\n  --> wb.yaml:2:3\n  |\n2 |   minuts: 5\n  |   ^^^^^^\n  = hint: did you mean `minutes`?"
        );
    }

    #[test]
    fn a_long_line_is_shown_around_the_column() {
        let line = format!("{}91234567{}", "a".repeat(5000), "b".repeat(5000));
        let d = Diagnostic::at("n.md", &line, 1, 5001, "a phone number").with_width(8);
        let text = d.render(crate::workbook::Lang::En);
        assert!(text.len() < 400, "{text}");
        let lines: Vec<&str> = text.lines().collect();
        let shown = lines[3];
        let carets = lines[4];
        assert!(
            shown.starts_with("1 | …") && shown.ends_with('…'),
            "{shown}"
        );
        let at = shown.chars().position(|c| c == '9').unwrap();
        assert_eq!(carets.chars().position(|c| c == '^'), Some(at));
        assert_eq!(carets.matches('^').count(), 8);
    }

    #[test]
    fn whole_file_problem_has_no_snippet() {
        let d = Diagnostic::file("wb.yaml", "the file is empty");
        assert_eq!(
            d.render(crate::workbook::Lang::En),
            "error: the file is empty\n  --> wb.yaml"
        );
    }

    #[test]
    fn suggests_close_names_only() {
        assert_eq!(
            suggest("minuts", ["id", "minutes", "kind"]),
            Some("minutes")
        );
        assert_eq!(suggest("zzz", ["id", "minutes", "kind"]), None);
    }

    #[test]
    fn plain_scalar_with_spaces_is_underlined_whole() {
        assert_eq!(token_width("  - id: Uke 1 Oppstart", 9), 14);
        assert_eq!(token_width("roles: [a b, c]", 9), 3);
    }

    #[test]
    fn quoted_token_is_underlined_whole() {
        assert_eq!(token_width("id: \"a b\"", 5), 5);
    }
}

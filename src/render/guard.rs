//! The last gate before a document leaves the workspace: personal data in
//! the rendered text stops the export, naming each finding and the file it
//! comes from, unless the user asked to redact, which replaces each with a
//! marker.

use std::path::PathBuf;

use crate::diagnostic::Diagnostic;
use crate::error::{Error, Result};
use crate::privacy;
use crate::workbook::Lang;

/// What an export is checked against.
pub struct Guard {
    /// Residents' real names, from private/names.txt.
    pub names: Vec<String>,
    /// Pseudonyms of families who declined or withdrew consent.
    pub pseudonyms: Vec<String>,
    /// Their notes: never exported, so not where a finding comes from.
    pub withheld: Vec<PathBuf>,
    /// Replace findings instead of refusing.
    pub redact: bool,
    /// The language of messages and markers.
    pub lang: Lang,
    /// The files the document's text comes from, to say where a finding is.
    pub sources: Vec<PathBuf>,
}

impl Guard {
    /// The document's text, unchanged when it holds no personal data,
    /// redacted when asked, else an error naming every finding.
    pub fn check(&self, name: &str, text: String) -> Result<String> {
        let findings = privacy::scan_with(&text, &self.names, &self.pseudonyms);
        if findings.is_empty() {
            return Ok(text);
        }
        if self.redact {
            return Ok(privacy::redact(&text, &findings, self.lang));
        }
        let mut problems: Vec<Diagnostic> = Vec::new();
        for finding in &findings {
            let located = self.locate(finding);
            if located.is_empty() {
                let mut d =
                    privacy::diagnostics(name, &text, std::slice::from_ref(finding), self.lang);
                problems.append(&mut d);
            } else {
                problems.extend(located);
            }
        }
        // A finding that stands in several places of the document (a quote
        // under two themes) is one finding in its source.
        problems.sort_by(|a, b| (&a.path, a.line, a.col).cmp(&(&b.path, b.line, b.col)));
        problems.dedup_by(|a, b| (&a.path, a.line, a.col) == (&b.path, b.line, b.col));
        let hint = format!(
            "{} would contain personal data: fix the notes, or export with --redact",
            name
        );
        if let Some(last) = problems.last_mut() {
            last.hint = Some(match last.hint.take() {
                Some(h) => format!("{h}\n  = note: {hint}"),
                None => hint,
            });
        }
        Err(Error::Invalid(problems))
    }

    /// Where in the source files this finding's text stands.
    fn locate(&self, finding: &privacy::Finding) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        for path in &self.sources {
            let Ok(text) = std::fs::read_to_string(path) else {
                continue;
            };
            let withheld = self.withheld.contains(path);
            let here: Vec<privacy::Finding> =
                privacy::scan_record(&text, &self.names, &self.pseudonyms, withheld)
                    .into_iter()
                    .filter(|f| f.kind == finding.kind && same_data(&f.text, &finding.text))
                    .collect();
            out.extend(privacy::diagnostics(
                &path.display().to_string(),
                &text,
                &here,
                self.lang,
            ));
        }
        out
    }
}

/// Two findings are the same data when their letters and digits match
/// (the rendered text may have escapes or other spacing).
fn same_data(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        s.chars()
            .filter(|c| c.is_alphanumeric() || *c == '@')
            .flat_map(char::to_lowercase)
            .collect::<String>()
    };
    norm(a) == norm(b)
}

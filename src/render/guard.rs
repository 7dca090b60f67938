//! The last gate before a document leaves the workspace. Every document
//! samskap writes passes it after it is rendered, in the form its reader
//! sees (see [`crate::privacy::view`]): personal data there stops the
//! export, each finding named where it comes from (the record or the
//! samskap.yaml line) with how to fix it.
//!
//! With `--redact` the values are replaced at their source before anything
//! is rendered (see [`crate::privacy::fields`]), and the rendered Markdown
//! is redacted too (for text a template itself holds); the gate still
//! checks what is written and refuses whatever is left.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::OnceLock;

use crate::diagnostic::Diagnostic;
use crate::error::{Error, Result};
use crate::privacy::view::{self, Reader};
use crate::privacy::{self, Detector, Finding, Kind};
use crate::workbook::Lang;

/// A file a document's text may come from.
#[derive(Debug, Clone)]
pub struct Source {
    /// Where it is.
    pub path: PathBuf,
    /// Whether it is the note of an interviewee who did not consent: never
    /// exported, so its own pseudonym is no finding there.
    pub withheld: bool,
}

/// What an export is checked against.
pub struct Guard {
    /// The detector: names, pseudonyms and every kind of number.
    pub detector: Detector,
    /// Replace findings instead of refusing.
    pub redact: bool,
    /// The language of messages and markers.
    pub lang: Lang,
    /// The files the documents' text comes from, to say where a finding is.
    sources: Vec<Source>,
    /// The findings in the fields' values that their files' text hides.
    values: Vec<(Finding, Diagnostic)>,
    /// The findings in the sources, by what was found: read once, and only
    /// when a document holds personal data.
    index: OnceLock<HashMap<(Kind, String), Vec<Diagnostic>>>,
}

impl Guard {
    /// A gate with `detector` that names `sources` as the origins of what
    /// it finds.
    #[must_use]
    pub fn new(
        detector: Detector,
        (sources, values): (Vec<Source>, Vec<(Finding, Diagnostic)>),
        redact: bool,
        lang: Lang,
    ) -> Guard {
        Guard {
            detector,
            redact,
            lang,
            sources,
            values,
            index: OnceLock::new(),
        }
    }

    /// The rendered Markdown before it becomes any format: redacted when
    /// asked (a template's own text), else unchanged (the gate on each
    /// format decides).
    pub fn markdown(&self, md: String) -> String {
        if !self.redact {
            return md;
        }
        let md = privacy::unmark(&md, self.lang).into_owned();
        let findings = self.detector.scan(&md);
        if findings.is_empty() {
            md
        } else {
            privacy::redact(&md, &findings, self.lang)
        }
    }

    /// `bytes`, a document called `name`, if its reader would see no
    /// personal data in it; else an error naming every finding.
    pub fn leave(&self, name: &str, reader: Reader, mut bytes: Vec<u8>) -> Result<Vec<u8>> {
        if self.redact && reader != Reader::Docx {
            // The page's title, header and footer, outside the Markdown.
            let text = String::from_utf8_lossy(&bytes);
            if let std::borrow::Cow::Owned(done) = privacy::unmark(&text, self.lang) {
                bytes = done.into_bytes();
            }
        }
        let view = view::view(reader, &bytes)?;
        let findings = self.detector.scan(&view.text);
        if findings.is_empty() {
            return Ok(bytes);
        }
        Err(self.refusal(name, &view, &findings))
    }

    /// Like [`Guard::leave`] for a document that is text.
    pub fn leave_text(&self, name: &str, reader: Reader, text: String) -> Result<String> {
        let bytes = self.leave(name, reader, text.into_bytes())?;
        Ok(String::from_utf8(bytes).unwrap_or_default())
    }

    /// The error for `findings` in the document `name`: each where it comes
    /// from, or where it stands in the document when no source has it.
    fn refusal(&self, name: &str, view: &view::View, findings: &[Finding]) -> Error {
        let index = self.index.get_or_init(|| self.build_index());
        let mut problems: Vec<Diagnostic> = Vec::new();
        for f in findings {
            match index.get(&f.data()) {
                Some(located) => problems.extend(located.iter().cloned()),
                None => problems.push(self.unlocated(name, view, f)),
            }
        }
        // A finding that stands in several places of the document (a quote
        // under two themes) is one finding in its source.
        problems.sort_by(|a, b| (&a.path, a.line, a.col).cmp(&(&b.path, b.line, b.col)));
        problems.dedup_by(|a, b| (&a.path, a.line, a.col) == (&b.path, b.line, b.col));
        let hint = if self.redact {
            crate::i18n::msg::guard_unredactable_hint(crate::i18n::ui(), name)
        } else {
            crate::i18n::msg::guard_personal_data_hint(crate::i18n::ui(), name)
        };
        if let Some(last) = problems.pop() {
            problems.push(last.with_another_hint(hint));
        }
        Error::Invalid(problems)
    }

    /// A finding no source file holds (it comes from a template, or from
    /// the workbook): where in the document it stands.
    fn unlocated(&self, name: &str, view: &view::View, f: &Finding) -> Diagnostic {
        let part = view.part_at(f.start);
        let kind = f.kind.name(self.lang);
        let message = if part.is_empty() {
            crate::i18n::msg::guard_found(self.lang, kind, &f.text)
        } else {
            crate::i18n::msg::guard_found_in(self.lang, kind, part, &f.text)
        };
        Diagnostic::file(name.to_owned(), message)
            .with_hint(crate::i18n::msg::guard_unlocated_hint(self.lang))
    }

    /// Every finding of every source, read once.
    fn build_index(&self) -> HashMap<(Kind, String), Vec<Diagnostic>> {
        let mut index: HashMap<(Kind, String), Vec<Diagnostic>> = HashMap::new();
        let scanned = crate::parallel::map(&self.sources, |source| {
            privacy::fields::scan_source(&self.detector, source, self.lang)
        });
        // A source that cannot be read now was read when the records were.
        let found: Vec<(Finding, Diagnostic)> = scanned.into_iter().flatten().flatten().collect();
        let values = privacy::fields::unseen(&found, self.values.clone());
        for (f, d) in found.into_iter().chain(values) {
            index.entry(f.data()).or_default().push(d);
        }
        index
    }
}

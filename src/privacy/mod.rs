//! Finding personal data in records.
//!
//! Interview notes are health data about children, so samskap looks for what
//! identifies a person before a note is shared: fødselsnumre, D-numbers,
//! phone numbers, e-mail addresses and the names on the sprint's list. All of
//! it is pure computation on a string; reading files is the caller's job.

mod birth_number;
mod digits;
mod email;
pub mod fields;
mod names;
pub mod normalize;
mod phone;
pub mod view;

use std::cmp::Reverse;

use serde::Serialize;

use crate::diagnostic::Diagnostic;
use crate::workbook::Lang;

/// What kind of personal data a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// A fødselsnummer (also H-numbers and synthetic test numbers).
    BirthNumber,
    /// A D-number: a fødselsnummer with 40 added to the day.
    DNumber,
    /// A Norwegian phone number.
    Phone,
    /// An e-mail address.
    Email,
    /// A name from the list given to [`scan`].
    Name,
    /// The pseudonym of an interviewee who did not consent (or withdrew):
    /// it must not show in any document either.
    Pseudonym,
}

impl Kind {
    /// What the kind is called, as a noun.
    #[must_use]
    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            Kind::BirthNumber => crate::i18n::msg::privacy_national_identity_number(lang),
            Kind::DNumber => crate::i18n::msg::privacy_d_number(lang),
            Kind::Phone => crate::i18n::msg::privacy_phone_number(lang),
            Kind::Email => crate::i18n::msg::privacy_email_address(lang),
            Kind::Name => crate::i18n::msg::privacy_name(lang),
            Kind::Pseudonym => crate::i18n::msg::privacy_pseudonym(lang),
        }
    }

    /// The kind with its article, as a diagnostic names it.
    pub fn described(self, lang: Lang) -> &'static str {
        match self {
            Kind::BirthNumber => crate::i18n::msg::privacy_a_national_identity_number_f(lang),
            Kind::DNumber => crate::i18n::msg::privacy_a_d_number_d_nummer(lang),
            Kind::Phone => crate::i18n::msg::privacy_a_phone_number(lang),
            Kind::Email => crate::i18n::msg::privacy_an_email_address(lang),
            Kind::Name => crate::i18n::msg::privacy_a_name_from_the_names(lang),
            Kind::Pseudonym => crate::i18n::msg::privacy_a_pseudonym_without_consent(lang),
        }
    }

    /// What to do about a finding of this kind.
    pub fn hint(self, lang: Lang) -> &'static str {
        match self {
            Kind::BirthNumber | Kind::DNumber | Kind::Phone => {
                crate::i18n::msg::privacy_delete_the_number_or_export(lang)
            }
            Kind::Email => crate::i18n::msg::privacy_delete_the_address_or_export(lang),
            Kind::Name => crate::i18n::msg::privacy_replace_the_name_with_a(lang),
            Kind::Pseudonym => crate::i18n::msg::privacy_consent_refused_or_withdrawn(lang),
        }
    }

    /// Which kind wins when two findings of the same length overlap: the
    /// one least likely to be there by chance.
    fn rank(self) -> u8 {
        match self {
            Kind::BirthNumber | Kind::DNumber => 0,
            Kind::Email => 1,
            Kind::Phone => 2,
            Kind::Name | Kind::Pseudonym => 3,
        }
    }
}

/// One piece of personal data in a text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// What it is.
    pub kind: Kind,
    /// 1-based line where it starts.
    pub line: u32,
    /// 1-based column where it starts, in characters.
    pub col: u32,
    /// Byte offset of its start in the text.
    pub start: usize,
    /// Byte offset just past its end in the text.
    pub end: usize,
    /// The text found.
    pub text: String,
}

impl Finding {
    /// What makes two findings the same data: their kind, and their
    /// letters and digits (another place may have other spacing or
    /// escapes).
    #[must_use]
    pub fn data(&self) -> (Kind, String) {
        let data = self
            .text
            .chars()
            .filter(|c| c.is_alphanumeric() || *c == '@')
            .flat_map(char::to_lowercase)
            .collect::<String>();
        (self.kind, data)
    }
}

/// A candidate before overlaps are settled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Hit {
    kind: Kind,
    start: usize,
    end: usize,
}

/// The personal data in `text`, sorted by start and without overlaps: where
/// candidates overlap, the longest wins, then the most specific kind.
/// `names` are the names to look for; blank entries are ignored.
#[must_use]
pub fn scan(text: &str, names: &[String]) -> Vec<Finding> {
    scan_with(text, names, &[])
}

/// Like [`scan`], also finding `pseudonyms` of families who did not
/// consent, in any case but not in small letters when listed with a capital
/// (a pseudonym is often an ordinary word: `Lønn` is a family, `lønn` pay).
#[must_use]
pub fn scan_with(text: &str, names: &[String], pseudonyms: &[String]) -> Vec<Finding> {
    Detector::new(names, pseudonyms).scan(text)
}

/// The one detector of personal data: what `check` looks for in the
/// sources and what the gate looks for in every document that leaves, so
/// the two agree. Made once from the names list and the pseudonyms of
/// families who did not consent, then used on any number of texts.
pub struct Detector {
    names: names::List,
    pseudonyms: names::List,
    /// What is no finding here: the sprint's own contact (see
    /// [`Detector::allowing`]).
    allowed: Vec<(Kind, String)>,
}

/// The eight digits of `text` when it is one Norwegian phone number and
/// nothing more (`23 40 00 00`, `+47 23400000`), as the detector reads it.
#[must_use]
pub fn phone_number(text: &str) -> Option<String> {
    let normalized = normalize::normalize(text.trim());
    let whole = &normalized.text;
    phone::find(whole)
        .iter()
        .any(|h| h.start == 0 && h.end == whole.len())
        .then(|| last_eight(whole))
}

/// The last eight digits of a text: a phone number without its country code.
fn last_eight(text: &str) -> String {
    let digits: Vec<char> = text.chars().filter(char::is_ascii_digit).collect();
    digits[digits.len().saturating_sub(8)..].iter().collect()
}

/// What makes a finding the allowed one: its data, a phone number by its
/// eight digits (with or without the country code).
fn allowed_key(kind: Kind, data: String) -> (Kind, String) {
    match kind {
        Kind::Phone => (kind, last_eight(&data)),
        _ => (kind, data),
    }
}

impl Detector {
    /// A detector of the kinds of numbers and addresses, `names` and the
    /// `pseudonyms` of families who declined or withdrew.
    #[must_use]
    pub fn new(names: &[String], pseudonyms: &[String]) -> Detector {
        Detector {
            names: names::List::new(names),
            pseudonyms: names::List::new(pseudonyms),
            allowed: Vec::new(),
        }
    }

    /// The same detector, letting the sprint's contact through: an
    /// employee's name and work number, printed in the interview guide so
    /// residents can withdraw, are no finding. Only they are: another
    /// number, or the name with more to it, still is.
    #[must_use]
    pub fn allowing(mut self, contact: Option<&crate::sprint::people::Contact>) -> Detector {
        if let Some(c) = contact {
            for (kind, text) in [(Kind::Name, &c.name), (Kind::Phone, &c.phone)] {
                let finding = Finding {
                    kind,
                    line: 0,
                    col: 0,
                    start: 0,
                    end: 0,
                    text: text.clone(),
                };
                self.allowed.push(allowed_key(kind, finding.data().1));
            }
        }
        self
    }

    /// The personal data in `text` (see [`scan`]).
    #[must_use]
    pub fn scan(&self, text: &str) -> Vec<Finding> {
        self.scan_as(text, true)
    }

    /// The personal data in `text`, with or without the pseudonyms.
    fn scan_as(&self, original: &str, pseudonyms: bool) -> Vec<Finding> {
        let normalized = normalize::normalize(original);
        let text: &str = &normalized.text;
        let mut hits = birth_number::find(text);
        hits.extend(phone::find(text));
        hits.extend(email::find(text));
        hits.extend(names::find_in(
            text,
            &self.names,
            names::Case::Any,
            Kind::Name,
        ));
        if pseudonyms {
            hits.extend(names::find_in(
                text,
                &self.pseudonyms,
                names::Case::Proper,
                Kind::Pseudonym,
            ));
        }
        let hits: Vec<Hit> = settle(hits)
            .into_iter()
            .map(|h| Hit {
                kind: h.kind,
                start: normalized.start(h.start),
                end: normalized.end(h.end),
            })
            .collect();
        let mut found = findings(original, &hits);
        if !self.allowed.is_empty() {
            found.retain(|f| {
                let (kind, data) = f.data();
                !self.allowed.contains(&allowed_key(kind, data))
            });
        }
        found
    }

    /// The personal data in a record file, as an export would see it: a
    /// pseudonym counts neither in its family's own notes (`withheld`:
    /// never exported) nor on a note's own `pseudonym:` line.
    #[must_use]
    pub fn scan_record(&self, text: &str, withheld: bool) -> Vec<Finding> {
        self.scan_as(text, !withheld)
            .into_iter()
            .filter(|f| f.kind != Kind::Pseudonym || !in_pseudonym_field(text, f))
            .collect()
    }
}

/// The hits that survive overlaps, sorted by start.
fn settle(mut hits: Vec<Hit>) -> Vec<Hit> {
    hits.sort_by_key(|h| (Reverse(h.end - h.start), h.kind.rank(), h.start));
    let mut kept: Vec<Hit> = Vec::with_capacity(hits.len());
    for hit in hits {
        if kept
            .iter()
            .all(|k| hit.end <= k.start || k.end <= hit.start)
        {
            kept.push(hit);
        }
    }
    kept.sort_by_key(|h| h.start);
    kept
}

/// Hits, sorted by start, with their places in lines and columns: one
/// pass over the text for all of them.
fn findings(text: &str, hits: &[Hit]) -> Vec<Finding> {
    let (mut line, mut line_start, mut counted) = (1, 0, 0);
    hits.iter()
        .map(|hit| {
            let before = &text[counted..hit.start];
            line += before.matches('\n').count();
            if let Some(i) = before.rfind('\n') {
                line_start = counted + i + 1;
            }
            counted = hit.start;
            let col = text[line_start..hit.start].chars().count() + 1;
            Finding {
                kind: hit.kind,
                line: to_u32(line),
                col: to_u32(col),
                start: hit.start,
                end: hit.end,
                text: text[hit.start..hit.end].to_owned(),
            }
        })
        .collect()
}

/// Line and column numbers beyond `u32` are not worth an error.
fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// `text` with each finding replaced by a marker such as
/// `[fødselsnummer fjernet]`. Expects findings as [`scan`] returns them;
/// one that overlaps an earlier one or lies outside the text is skipped
/// rather than half-replaced.
#[must_use]
pub fn redact(text: &str, findings: &[Finding], lang: Lang) -> String {
    replace(text, findings, |kind| marker(kind, lang))
}

/// `text` with each finding replaced by what `by` makes of its kind.
fn replace(text: &str, findings: &[Finding], by: impl Fn(Kind) -> String) -> String {
    let mut out = String::with_capacity(text.len());
    let mut done = 0;
    for f in findings {
        if f.start < done || text.get(f.start..f.end).is_none() {
            continue;
        }
        out.push_str(&text[done..f.start]);
        out.push_str(&by(f.kind));
        done = f.end;
    }
    out.push_str(&text[done..]);
    out
}

/// The personal data in a record file, as an export would see it (see
/// [`Detector::scan_record`]).
#[must_use]
pub fn scan_record(
    text: &str,
    names: &[String],
    pseudonyms: &[String],
    withheld: bool,
) -> Vec<Finding> {
    Detector::new(names, pseudonyms).scan_record(text, withheld)
}

/// Whether a finding stands on the `pseudonym:` line of a note's front
/// matter, a fact about the note that is never printed as text.
fn in_pseudonym_field(text: &str, finding: &Finding) -> bool {
    let Some(front) = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))
    else {
        return false;
    };
    let front_end = text.len() - front.len() + front.find("\n---").unwrap_or(front.len());
    let line_start = text[..finding.start].rfind('\n').map_or(0, |i| i + 1);
    finding.start < front_end && text[line_start..].starts_with("pseudonym:")
}

/// What stands where personal data was.
fn marker(kind: Kind, lang: Lang) -> String {
    crate::i18n::msg::privacy_removed(lang, kind.name(lang))
}

/// Every kind, in the order of their codes in a [`token`].
const KINDS: [Kind; 6] = [
    Kind::BirthNumber,
    Kind::DNumber,
    Kind::Phone,
    Kind::Email,
    Kind::Name,
    Kind::Pseudonym,
];

/// The characters around a redaction token: private-use characters, which
/// no escaping of any format touches and no one types.
const TOKEN_OPEN: char = '\u{e000}';
const TOKEN_CLOSE: char = '\u{e001}';

/// What stands where personal data was while a document is rendered: a
/// token that passes every format's escaping unchanged, made the marker
/// by [`unmark`] when the document is finished (a marker written into a
/// value would come out as `\[…\]` in Markdown).
fn token(kind: Kind) -> String {
    let code = KINDS.iter().position(|k| *k == kind).unwrap_or(0);
    format!("{TOKEN_OPEN}{code}{TOKEN_CLOSE}")
}

/// `text` with each finding replaced by a token (see [`token`]), for
/// values redacted before they are rendered.
#[must_use]
pub fn redact_to_tokens(text: &str, findings: &[Finding]) -> String {
    replace(text, findings, token)
}

/// `text` with every redaction token made its marker.
#[must_use]
pub fn unmark(text: &str, lang: Lang) -> std::borrow::Cow<'_, str> {
    if !text.contains(TOKEN_OPEN) {
        return text.into();
    }
    let mut out = text.to_owned();
    for (code, kind) in KINDS.iter().enumerate() {
        out = out.replace(
            &format!("{TOKEN_OPEN}{code}{TOKEN_CLOSE}"),
            &marker(*kind, lang),
        );
    }
    out.into()
}

/// One diagnostic per finding in `text`, the contents of `path`: what was
/// found, the line it is on, and what to do about it.
#[must_use]
pub fn diagnostics(path: &str, text: &str, findings: &[Finding], lang: Lang) -> Vec<Diagnostic> {
    findings
        .iter()
        .map(|f| {
            Diagnostic::at(path, text, f.line, f.col, f.kind.described(lang))
                .with_hint(f.kind.hint(lang))
                .with_width(u32::try_from(f.text.chars().count()).unwrap_or(1))
        })
        .collect()
}

#[cfg(test)]
mod tests;

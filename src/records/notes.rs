//! Interview and evaluation notes: Markdown files that start with YAML front
//! matter between `---` lines. Quotes are Markdown block quotes; tags are
//! `#tag` in the text or listed in the front matter.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::Deserialize;

use super::consent::{Answer, Consent, Written};
use crate::diagnostic::Diagnostic;
use crate::error::{Error, Result};
use crate::i18n::{msg, ui};
use crate::sprint::Workspace;
use crate::sprint::config::parse_date;
use crate::workbook::At;
use crate::workbook::load::Sources;

/// The front matter of an interview note.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct InterviewMeta {
    /// The interviewee's pseudonym: never a real name.
    pub pseudonym: At<String>,
    /// The date of the interview, YYYY-MM-DD.
    pub date: At<String>,
    /// The employees who held the interview.
    #[serde(default)]
    pub interviewers: Vec<String>,
    /// Consent to the interview and to quotes: given, declined, withdrawn or
    /// pending for both, or `{interview: given, quotes: declined}`.
    pub consent: At<Written>,
    /// Topics of the note, as lowercase words (`#tag` in the text counts too).
    #[serde(default)]
    pub tags: Vec<At<String>>,
}

/// The front matter of an evaluation note.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EvaluationMeta {
    /// Who was interviewed, without a name (for example `Deltaker 3, gruppe 2`).
    pub participant: At<String>,
    /// The participant's work group, if any.
    #[serde(default)]
    pub group: Option<At<String>>,
    /// The date, YYYY-MM-DD.
    pub date: At<String>,
    /// Consent, as in an interview note.
    pub consent: At<Written>,
    /// Topics of the note.
    #[serde(default)]
    pub tags: Vec<At<String>>,
}

/// A quote from a note, with where it stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    /// The quote's text, without the `>` marks.
    pub text: String,
    /// The file.
    pub path: PathBuf,
    /// The line of the quote's first line.
    pub line: u32,
    /// The note's tags this quote belongs to, closest first (see
    /// [`super::outline`]).
    pub tags: Vec<String>,
}

/// A checked interview note.
#[derive(Clone, Debug)]
pub struct Interview {
    /// The file.
    pub path: PathBuf,
    /// The group's id.
    pub group: String,
    /// The pseudonym.
    pub pseudonym: String,
    /// The date.
    pub date: NaiveDate,
    /// The interviewers.
    pub interviewers: Vec<String>,
    /// The consent.
    pub consent: Consent,
    /// Where the consent is still `pending`: problems for `check`, while
    /// every document treats the note as without consent.
    pub pending: Vec<Diagnostic>,
    /// Tags the workbook's vocabulary does not know, at their places: a
    /// warning from `check`, with the nearest known tag.
    pub unknown_tags: Vec<Diagnostic>,
    /// Tags from the front matter and the text, lowercase, without repeats.
    pub tags: Vec<String>,
    /// The block quotes of the text.
    pub quotes: Vec<Quote>,
}

/// A checked evaluation note.
#[derive(Clone, Debug)]
pub struct Evaluation {
    /// The file.
    pub path: PathBuf,
    /// Who was interviewed, without a name.
    pub participant: String,
    /// The group, if any.
    pub group: Option<String>,
    /// The date.
    pub date: NaiveDate,
    /// The consent.
    pub consent: Consent,
    /// Where the consent is still `pending` (see [`Interview::pending`]).
    pub pending: Vec<Diagnostic>,
    /// Tags the workbook's vocabulary does not know, at their places: a
    /// warning from `check`, with the nearest known tag.
    pub unknown_tags: Vec<Diagnostic>,
    /// Tags.
    pub tags: Vec<String>,
    /// The block quotes.
    pub quotes: Vec<Quote>,
}

/// A note split into its front matter and body.
pub struct Split<'a> {
    /// The front matter, preceded by one blank line standing in for the
    /// opening `---`, so that its line numbers are the file's.
    pub front: String,
    /// The body.
    pub body: &'a str,
    /// The file line the body starts on.
    pub body_line: u32,
}

/// Splits a note into front matter and body, or says what is wrong.
pub fn split<'a>(display: &str, text: &'a str) -> std::result::Result<Split<'a>, Diagnostic> {
    let hint = msg::note_front_matter_hint(ui());
    let Some(rest) = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))
    else {
        return Err(
            Diagnostic::at(display, text, 1, 1, msg::note_no_front_matter(ui())).with_hint(hint),
        );
    };
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "---" {
            let front = format!("\n{}", &rest[..offset]);
            let body = &rest[offset + line.len()..];
            let body_line = u32::try_from(front.lines().count() + 2).unwrap_or(u32::MAX);
            return Ok(Split {
                front,
                body,
                body_line,
            });
        }
        offset += line.len();
    }
    Err(Diagnostic::at(display, text, 1, 1, msg::note_front_matter_unclosed(ui())).with_hint(hint))
}

/// A note's front matter with nothing in it.
fn empty_front(display: &str) -> Diagnostic {
    Diagnostic::at(display, "---", 1, 1, msg::note_front_matter_empty(ui()))
        .with_hint(msg::note_front_matter_empty_hint(ui()))
}

/// The `#tags` of a text: `#` at the start or after a space, then letters,
/// digits or hyphens. Headings (`## Title`) are not tags.
pub fn inline_tags(body: &str) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    for (_, tag) in inline_tag_spans(body) {
        if !tags.contains(&tag) {
            tags.push(tag);
        }
    }
    tags
}

/// Every `#tag` of a text with the byte offset of its `#`, repeats kept.
pub fn inline_tag_spans(body: &str) -> Vec<(usize, String)> {
    let mut tags = Vec::new();
    for (i, _) in body.match_indices('#') {
        let before = body[..i].chars().next_back();
        let after_space = before.is_none_or(|c| c.is_whitespace() || c == '(');
        let rest = &body[i + 1..];
        if !after_space || !rest.chars().next().is_some_and(char::is_alphanumeric) {
            continue;
        }
        let end = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '-'))
            .unwrap_or(rest.len());
        let tag = rest[..end].trim_end_matches('-').to_lowercase();
        if !tag.is_empty() {
            tags.push((i, tag));
        }
    }
    tags
}

/// The block quotes of a body: runs of lines starting with `>`. A line
/// without `>` is never part of a quote, even where Markdown would let it
/// continue one: what stands there is the interviewer's own note, which is
/// never published.
pub fn quotes(path: &Path, body: &str, body_line: u32) -> Vec<Quote> {
    let mut quotes = Vec::new();
    let mut current: Option<Quote> = None;
    for (i, line) in body.lines().enumerate() {
        let trimmed = line.trim_start();
        if let Some(rest) = trimmed.strip_prefix('>') {
            let text = rest.trim();
            match &mut current {
                Some(q) if !text.is_empty() => {
                    if !q.text.is_empty() {
                        q.text.push(' ');
                    }
                    q.text.push_str(text);
                }
                Some(_) => {}
                None => {
                    current = Some(Quote {
                        text: text.to_owned(),
                        path: path.to_owned(),
                        line: body_line + u32::try_from(i).unwrap_or(u32::MAX),
                        tags: Vec::new(),
                    });
                }
            }
        } else if let Some(q) = current.take()
            && !q.text.trim().is_empty()
        {
            quotes.push(q);
        }
    }
    quotes.extend(current.filter(|q| !q.text.trim().is_empty()));
    quotes
}

fn merge_tags(front: &[At<String>], body: &str) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    // `#tid` in the front matter is the tag `tid`, as in the text.
    let written = front
        .iter()
        .map(|t| t.value.trim().trim_start_matches('#').to_lowercase());
    // A tag counts once per note, however often and in whatever case.
    for tag in written.chain(inline_tags(body)) {
        if !tags.contains(&tag) {
            tags.push(tag);
        }
    }
    tags.retain(|t| !t.is_empty());
    tags
}

fn unknown_tags(
    ws: &Workspace,
    path: &Path,
    sources: &Sources,
    front: &[At<String>],
    body: &str,
    body_line: u32,
) -> Vec<Diagnostic> {
    let display = path.display().to_string();
    let note = super::vocabulary::Note {
        path: &display,
        sources,
        front,
        body,
        body_line,
    };
    super::vocabulary::unknown_in_note(&ws.workbook, &note)
}

/// The body's quotes, each with the note's tags it belongs to.
fn tagged_quotes(
    ws: &Workspace,
    path: &Path,
    body: &str,
    body_line: u32,
    front: &[At<String>],
) -> Vec<Quote> {
    let tags = merge_tags(front, body);
    let found = quotes(path, body, body_line);
    super::outline::tag_quotes(ws.tag_names(), body, body_line, &tags, found)
}

fn parse_front<T: serde::de::DeserializeOwned>(path: &Path) -> Result<(T, Sources, String, u32)> {
    let display = path.display().to_string();
    let text = crate::fs::read_text(path)?;
    let parts = split(&display, &text).map_err(|d| Error::Invalid(vec![d]))?;
    let (front, body, body_line) = (parts.front.clone(), parts.body.to_owned(), parts.body_line);
    if front.trim().is_empty() {
        return Err(Error::Invalid(vec![empty_front(&display)]));
    }
    let mut sources = Sources::default();
    let id = sources.add(display.clone(), front);
    let meta: T =
        crate::yaml::parse(&display, sources.text(id), id).map_err(|d| Error::Invalid(vec![d]))?;
    Ok((meta, sources, body, body_line))
}

fn date_of(
    value: &At<String>,
    sources: &Sources,
    problems: &mut Vec<Diagnostic>,
) -> Option<NaiveDate> {
    let date = parse_date(value);
    if date.is_none() {
        problems.push(
            sources
                .diagnostic(value.loc, crate::sprint::config::not_a_date(&value.value))
                .with_hint(msg::not_a_date_hint(ui())),
        );
    }
    date
}

/// A problem for each answer of `written` still `pending`, at its place:
/// one for both when the note writes one answer.
fn pending(written: &At<Written>, consent: Consent, sources: &Sources) -> Vec<Diagnostic> {
    let lang = crate::i18n::ui();
    let one = written.interview.loc.line == 0;
    let levels = [
        (
            consent.interview,
            written.interview.loc,
            msg::consent_pending_interview(lang),
        ),
        (
            consent.quotes,
            written.quotes.loc,
            msg::consent_pending_quotes(lang),
        ),
    ];
    if one {
        return (consent.interview == Answer::Pending)
            .then(|| {
                sources
                    .diagnostic(written.loc, msg::consent_pending(lang))
                    .with_hint(msg::consent_pending_hint(lang))
            })
            .into_iter()
            .collect();
    }
    levels
        .into_iter()
        .filter(|(answer, _, _)| *answer == Answer::Pending)
        .map(|(_, loc, message)| {
            sources
                .diagnostic(loc, message)
                .with_hint(msg::consent_pending_hint(lang))
        })
        .collect()
}

/// The consent a note writes, or its problems added to `problems`.
fn consent_of(
    written: &At<Written>,
    sources: &Sources,
    problems: &mut Vec<Diagnostic>,
) -> Option<Consent> {
    written
        .check(written.loc, sources)
        .map_err(|mut ds| problems.append(&mut ds))
        .ok()
}

/// Reads and checks an interview note of `group`.
pub fn read_interview(ws: &Workspace, group: &str, path: &Path) -> Result<Interview> {
    let (meta, sources, body, body_line): (InterviewMeta, _, _, _) = parse_front(path)?;
    let mut problems = Vec::new();
    let date = date_of(&meta.date, &sources, &mut problems);
    if meta.pseudonym.trim().is_empty() {
        problems.push(
            sources
                .diagnostic(meta.pseudonym.loc, msg::pseudonym_empty(ui()))
                .with_hint(msg::pseudonym_empty_in_note_hint(ui())),
        );
    }
    let consent = consent_of(&meta.consent, &sources, &mut problems);
    match (date, consent) {
        (Some(date), Some(consent)) if problems.is_empty() => Ok(Interview {
            path: path.to_owned(),
            group: group.to_owned(),
            pseudonym: meta.pseudonym.value.trim().to_owned(),
            date,
            interviewers: meta.interviewers,
            consent,
            pending: pending(&meta.consent, consent, &sources),
            unknown_tags: unknown_tags(ws, path, &sources, &meta.tags, &body, body_line),
            quotes: tagged_quotes(ws, path, &body, body_line, &meta.tags),
            tags: merge_tags(&meta.tags, &body),
        }),
        _ => Err(Error::Invalid(problems)),
    }
}

/// Reads and checks an evaluation note.
pub fn read_evaluation(ws: &Workspace, path: &Path) -> Result<Evaluation> {
    let (meta, sources, body, body_line): (EvaluationMeta, _, _, _) = parse_front(path)?;
    let mut problems = Vec::new();
    let date = date_of(&meta.date, &sources, &mut problems);
    if let Some(group) = &meta.group
        && ws.sprint.group(group).is_none()
    {
        problems.push(
            sources
                .diagnostic(group.loc, msg::unknown_group(ui(), &group.value))
                .with_hint(msg::unknown_group_hint(
                    ui(),
                    ws.sprint.group_ids().join(", "),
                )),
        );
    }
    let consent = consent_of(&meta.consent, &sources, &mut problems);
    match (date, consent) {
        (Some(date), Some(consent)) if problems.is_empty() => Ok(Evaluation {
            path: path.to_owned(),
            participant: meta.participant.value,
            group: meta.group.map(|g| g.value),
            date,
            consent,
            pending: pending(&meta.consent, consent, &sources),
            unknown_tags: unknown_tags(ws, path, &sources, &meta.tags, &body, body_line),
            quotes: tagged_quotes(ws, path, &body, body_line, &meta.tags),
            tags: merge_tags(&meta.tags, &body),
        }),
        _ => Err(Error::Invalid(problems)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_keeps_file_line_numbers() {
        let text = "---\npseudonym: Lilje\ndate: 2027-02-23\n---\n## Tid\n\n> «Sitat»\n";
        let parts = split("x.md", text).unwrap();
        assert_eq!(parts.front.lines().nth(2), Some("date: 2027-02-23"));
        assert_eq!(parts.body_line, 5);
        let q = quotes(Path::new("x.md"), parts.body, parts.body_line);
        assert_eq!(q[0].text, "«Sitat»");
        assert_eq!(q[0].line, 7);
    }

    #[test]
    fn tags_in_text() {
        assert_eq!(
            inline_tags(
                "## Tid\nVi snakket om #tid og #Koordinator. Ikke#dette, men (#søsken-tid)."
            ),
            ["tid", "koordinator", "søsken-tid"]
        );
    }

    #[test]
    fn multi_line_quotes_are_joined() {
        let q = quotes(Path::new("x.md"), "tekst\n> første\n> andre\n\n> ny\n", 10);
        assert_eq!(q.len(), 2);
        assert_eq!(q[0].text, "første andre");
        assert_eq!((q[0].line, q[1].line), (11, 14));
    }

    #[test]
    fn a_line_without_its_mark_is_never_quoted() {
        let body = "> «Første linje\ninterviewerens notat\n> «Ny»\n>\nnotat\n";
        let q = quotes(Path::new("x.md"), body, 1);
        let texts: Vec<&str> = q.iter().map(|q| q.text.as_str()).collect();
        assert_eq!(texts, ["«Første linje", "«Ny»"]);
    }

    #[test]
    fn missing_front_matter_is_explained() {
        assert!(split("x.md", "Bare tekst").is_err());
        assert!(split("x.md", "---\npseudonym: A\n").is_err());
    }
}

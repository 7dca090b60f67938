//! Tags the workbook's vocabulary does not know. They are no error: a note
//! may use a new tag, and the report shows it as written. But a tag close
//! to a known one is most likely a slip (`#koordiantor`), so `check` names
//! each unknown tag where it is written, with the nearest known one.

use std::path::Path;

use serde::Deserialize;

use crate::diagnostic::{Diagnostic, suggest};
use crate::i18n::msg;
use crate::sprint::Workspace;
use crate::workbook::load::Sources;
use crate::workbook::{At, Workbook};

use super::notes::{inline_tag_spans, split};

/// Only the tags of a note's front matter; the rest is checked elsewhere.
#[derive(Deserialize)]
struct Tags {
    #[serde(default)]
    tags: Vec<At<String>>,
}

/// Every tag in these notes that the workbook's vocabulary does not know,
/// at its file, line and column. None when the workbook has no vocabulary:
/// then every tag is shown as written and there is nothing to suggest.
pub fn unknown_tags(ws: &Workspace, notes: &[impl AsRef<Path> + Sync]) -> Vec<Diagnostic> {
    let wb = &ws.workbook;
    if wb.tags.is_empty() {
        return Vec::new();
    }
    let known: Vec<&str> = wb.tags.iter().map(|t| t.id.as_str()).collect();
    // Each note on its own, on every core: a sprint has thousands.
    crate::parallel::map(notes, |path| in_note(ws, path.as_ref(), &known))
        .into_iter()
        .flatten()
        .collect()
}

/// The unknown tags of one note file, read again: for `check` when the
/// records as a whole cannot be read.
fn in_note(ws: &Workspace, path: &Path, known: &[&str]) -> Vec<Diagnostic> {
    if path.extension().is_none_or(|x| x != "md") {
        return Vec::new();
    }
    // A note that cannot be read or split is reported by the reading.
    let Ok(text) = crate::fs::read_text(path) else {
        return Vec::new();
    };
    let display = path.display().to_string();
    let Ok(parts) = split(&display, &text) else {
        return Vec::new();
    };
    let mut sources = Sources::default();
    let id = sources.add(display.clone(), parts.front.clone());
    let front: Vec<At<String>> = crate::yaml::parse::<Tags>(&display, sources.text(id), id)
        .map(|t| t.tags)
        .unwrap_or_default();
    let note = Note {
        path: &display,
        sources: &sources,
        front: &front,
        body: parts.body,
        body_line: parts.body_line,
    };
    unknown_in(&ws.workbook, &note, known)
}

/// A note as it is read: its front matter's tags and its text.
pub struct Note<'a> {
    /// The file, as shown.
    pub path: &'a str,
    /// The front matter, for places.
    pub sources: &'a Sources,
    /// The front matter's tags.
    pub front: &'a [At<String>],
    /// The text after the front matter.
    pub body: &'a str,
    /// The line of the file where the body starts.
    pub body_line: u32,
}

/// The tags of `note` the workbook's vocabulary does not know (none when
/// it has no vocabulary), each at its line and column.
pub fn unknown_in_note(wb: &Workbook, note: &Note<'_>) -> Vec<Diagnostic> {
    if wb.tags.is_empty() {
        return Vec::new();
    }
    let known: Vec<&str> = wb.tags.iter().map(|t| t.id.as_str()).collect();
    unknown_in(wb, note, &known)
}

fn unknown_in(wb: &Workbook, note: &Note<'_>, known: &[&str]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for tag in note.front {
        let written = tag.value.trim().trim_start_matches('#').to_lowercase();
        if !written.is_empty() && wb.tag(&written).is_none() {
            out.push(unknown(
                note.sources.diagnostic(tag.loc, message(&written)),
                &written,
                known,
            ));
        }
    }
    for (offset, written) in inline_tag_spans(note.body) {
        if wb.tag(&written).is_some() {
            continue;
        }
        let (line, col) = line_col(note.body, offset);
        let mut at = Diagnostic::at(note.path, note.body, line, col, message(&written))
            .with_width(u32::try_from(written.chars().count() + 1).unwrap_or(1));
        // The body's first line is the rest of the front matter's last.
        at.line = note.body_line + line - 1;
        out.push(unknown(at, &written, known));
    }
    out
}

fn message(tag: &str) -> String {
    msg::tag_unknown(crate::i18n::ui(), tag)
}

fn unknown(d: Diagnostic, tag: &str, known: &[&str]) -> Diagnostic {
    let lang = crate::i18n::ui();
    match suggest(tag, known.iter().copied()) {
        Some(best) => d.with_hint(msg::tag_unknown_near(lang, best, tag)),
        None => d.with_hint(msg::tag_unknown_new(lang)),
    }
}

/// The 1-based line and column (in characters) of a byte offset.
fn line_col(text: &str, offset: usize) -> (u32, u32) {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = before[start..].chars().count() + 1;
    (
        u32::try_from(line).unwrap_or(u32::MAX),
        u32::try_from(col).unwrap_or(u32::MAX),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters() {
        let text = "---\nå: 1\n---\nblå #tag\n";
        let at = text.find('#').unwrap();
        assert_eq!(line_col(text, at), (4, 5));
    }
}

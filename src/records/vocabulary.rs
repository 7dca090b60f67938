//! Tags the workbook's vocabulary does not know. They are no error: a note
//! may use a new tag, and the report shows it as written. But a tag close
//! to a known one is most likely a slip (`#koordiantor`), so `check` names
//! each unknown tag where it is written, with the nearest known one.

use std::path::Path;

use serde::Deserialize;

use crate::diagnostic::{Diagnostic, suggest};
use crate::i18n::msg;
use crate::sprint::Workspace;
use crate::workbook::At;
use crate::workbook::load::Sources;

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
pub fn unknown_tags(ws: &Workspace, notes: &[impl AsRef<Path>]) -> Vec<Diagnostic> {
    let wb = &ws.workbook;
    if wb.tags.is_empty() {
        return Vec::new();
    }
    let known: Vec<&str> = wb.tags.iter().map(|t| t.id.as_str()).collect();
    let mut out = Vec::new();
    for path in notes.iter().map(AsRef::as_ref) {
        if path.extension().is_none_or(|x| x != "md") {
            continue;
        }
        // A note that cannot be read or split is reported by the reading.
        let Ok(text) = crate::fs::read_text(path) else {
            continue;
        };
        let display = path.display().to_string();
        let Ok(parts) = split(&display, &text) else {
            continue;
        };
        let mut sources = Sources::default();
        let id = sources.add(display.clone(), parts.front.clone());
        let front: Vec<At<String>> = crate::yaml::parse::<Tags>(&display, sources.text(id), id)
            .map(|t| t.tags)
            .unwrap_or_default();
        for tag in &front {
            let written = tag.value.trim().trim_start_matches('#').to_lowercase();
            if !written.is_empty() && wb.tag(&written).is_none() {
                out.push(unknown(
                    sources.diagnostic(tag.loc, message(&written)),
                    &written,
                    &known,
                ));
            }
        }
        let body_start = text.len() - parts.body.len();
        for (offset, written) in inline_tag_spans(parts.body) {
            if wb.tag(&written).is_some() {
                continue;
            }
            let (line, col) = line_col(&text, body_start + offset);
            let at = Diagnostic::at(&display, &text, line, col, message(&written))
                .with_width(u32::try_from(written.chars().count() + 1).unwrap_or(1));
            out.push(unknown(at, &written, &known));
        }
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

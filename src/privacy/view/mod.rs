//! What the reader of each format sees: the text a browser shows (and the
//! links it follows), the paragraphs Word shows, the values a calendar
//! shows. The gate scans this, not the bytes written, so markup, escapes,
//! folded lines and runs split by formatting hide nothing.

mod docx;
mod html;
mod ics;

use crate::error::{Error, Result};

/// The formats samskap writes, as their readers decode them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reader {
    /// Markdown, read as written.
    Markdown,
    /// An HTML page (with any inline SVG) in a browser.
    Html,
    /// A Word document.
    Docx,
    /// An iCalendar file in a calendar program.
    Calendar,
}

/// The text a reader sees, in parts that say where in the document each
/// piece stands (the page title, a link, a paragraph).
#[derive(Debug, Default)]
pub struct View {
    /// All the text, parts apart by blank lines.
    pub text: String,
    /// Where each part starts in `text`, and what it is.
    parts: Vec<(usize, String)>,
}

impl View {
    /// Starts a new part called `what`, apart from the text before it.
    fn part(&mut self, what: impl Into<String>) {
        self.gap();
        self.parts.push((self.text.len(), what.into()));
    }

    /// A paragraph break, unless there is one already.
    fn gap(&mut self) {
        if !self.text.is_empty() && !self.text.ends_with("\n\n") {
            self.text.push_str(if self.text.ends_with('\n') {
                "\n"
            } else {
                "\n\n"
            });
        }
    }

    /// What the part holding byte `at` of the text is.
    #[must_use]
    pub fn part_at(&self, at: usize) -> &str {
        let i = self.parts.partition_point(|(start, _)| *start <= at);
        i.checked_sub(1)
            .and_then(|i| self.parts.get(i))
            .map_or("", |(_, what)| what.as_str())
    }
}

/// The text `reader` shows of `bytes`.
pub fn view(reader: Reader, bytes: &[u8]) -> Result<View> {
    match reader {
        Reader::Markdown => Ok(View {
            text: String::from_utf8_lossy(bytes).into_owned(),
            parts: Vec::new(),
        }),
        Reader::Html => Ok(html::view(&String::from_utf8_lossy(bytes))),
        Reader::Calendar => Ok(ics::view(&String::from_utf8_lossy(bytes))),
        Reader::Docx => docx::view(bytes)
            .map_err(|e| Error::Internal(format!("reading back the Word document: {e}"))),
    }
}

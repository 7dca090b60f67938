//! Markdown to a Word document leaders can edit, and that LibreOffice and
//! pandoc read as well as Word: headings in Word's own heading styles
//! ("Heading 1" …), tables with a column grid sized from their content and
//! a header row that repeats on every page, lists in Word's numbering
//! (not typed bullets), quotes, emphasis, figures as pictures with alt text,
//! and the document's title and language in its properties. Built from the
//! same Markdown as the other formats, so template overrides and redaction
//! apply to Word too.

mod package;
mod table;

use comrak::nodes::{AstNode, ListType, NodeValue};
use comrak::{Arena, Options, parse_document};
use docx_rs::{
    AbstractNumbering, Docx, IndentLevel, Level, LevelJc, LevelOverride, LevelText, NumberFormat,
    Numbering, NumberingId, PageMargin, Paragraph, Pic, Run, RunFonts, SpecialIndentType, Start,
    Style, StyleType,
};

use super::chart::Picture;
use crate::error::{Error, Result};

/// What a Word file says about itself.
pub struct Meta<'a> {
    /// The title (File › Properties, and the window's title bar).
    pub title: &'a str,
    /// The language code of the text: `nb`, `nn` or `en`.
    pub lang: &'a str,
}

/// A paragraph holding only `marker` becomes `picture`, or disappears when
/// there is none (the table beside it has the same figures).
pub type Figure<'a> = (&'a str, Option<&'a Picture>);

/// The .docx bytes of `markdown`.
pub fn from_markdown(markdown: &str, meta: &Meta<'_>, figures: &[Figure<'_>]) -> Result<Vec<u8>> {
    let arena = Arena::new();
    let mut options = Options::default();
    options.extension.table = true;
    let root = parse_document(&arena, markdown, &options);
    let mut word = Word::new(figures);
    for node in root.children() {
        word.block(node, 0);
    }
    word.finish(meta)
}

/// A4 in twentieths of a point, and the margins (2 cm).
const PAGE: (u32, u32) = (11906, 16838);
const MARGIN: i32 = 1134;
/// The width of the text between the margins.
const TEXT_WIDTH: usize = PAGE.0 as usize - 2 * MARGIN as usize;

/// The abstract numberings: one for bullets, one for numbered lists.
const BULLETS: usize = 10;
const NUMBERS: usize = 11;
/// The first id of the numbering instances, one per list.
const FIRST_LIST: usize = 20;
/// How deep lists nest in Word's numbering.
const LEVELS: usize = 4;

/// Bold and italic as they apply to a run of text.
#[derive(Clone, Copy, Default)]
struct Marks {
    bold: bool,
    italic: bool,
}

/// The text runs of an inline container.
fn runs<'a>(node: &'a AstNode<'a>, marks: Marks, out: &mut Vec<Run>) {
    for child in node.children() {
        let value = child.data().value.clone();
        match value {
            NodeValue::Text(text) => out.push(styled(Run::new().add_text(text.to_string()), marks)),
            NodeValue::Code(code) => {
                out.push(styled(Run::new().add_text(code.literal.clone()), marks))
            }
            NodeValue::SoftBreak => out.push(Run::new().add_text(" ")),
            NodeValue::LineBreak => {
                out.push(Run::new().add_break(docx_rs::BreakType::TextWrapping))
            }
            NodeValue::Strong => runs(
                child,
                Marks {
                    bold: true,
                    ..marks
                },
                out,
            ),
            NodeValue::Emph => runs(
                child,
                Marks {
                    italic: true,
                    ..marks
                },
                out,
            ),
            _ => runs(child, marks, out),
        }
    }
}

fn styled(run: Run, marks: Marks) -> Run {
    let run = if marks.bold { run.bold() } else { run };
    if marks.italic { run.italic() } else { run }
}

/// The plain text of a node, as the reader sees it.
fn text_of<'a>(node: &'a AstNode<'a>) -> String {
    let mut text = String::new();
    for d in node.descendants() {
        match &d.data().value {
            NodeValue::Text(t) => text.push_str(t),
            NodeValue::Code(c) => text.push_str(&c.literal),
            NodeValue::SoftBreak | NodeValue::LineBreak => text.push(' '),
            _ => {}
        }
    }
    text
}

struct Word<'f> {
    docx: Docx,
    figures: &'f [Figure<'f>],
    /// The numbering instance the next list gets.
    next_list: usize,
    /// Whether a picture was placed (its alt text is set when packing).
    pictures: Vec<&'f Picture>,
}

impl<'f> Word<'f> {
    fn new(figures: &'f [Figure<'f>]) -> Word<'f> {
        let fonts = RunFonts::new()
            .ascii("Calibri")
            .hi_ansi("Calibri")
            .cs("Calibri");
        let mut docx = Docx::new()
            .default_fonts(fonts)
            .default_size(22)
            .page_size(PAGE.0, PAGE.1)
            .page_margin(
                PageMargin::new()
                    .top(MARGIN)
                    .bottom(MARGIN)
                    .left(MARGIN)
                    .right(MARGIN),
            );
        for (level, size) in [(1usize, 36usize), (2, 30), (3, 26), (4, 24)] {
            // Word's built-in heading styles are named "heading N"; Word and
            // python-docx show them as "Heading N".
            docx = docx.add_style(
                Style::new(format!("Heading{level}"), StyleType::Paragraph)
                    .name(format!("heading {level}"))
                    .based_on("Normal")
                    .next("Normal")
                    .q_format(true)
                    .bold()
                    .size(size)
                    .color("0F2A44"),
            );
        }
        docx = docx.add_style(
            Style::new("Quote", StyleType::Paragraph)
                .name("Quote")
                .based_on("Normal")
                .italic(),
        );
        docx = docx.add_style(
            Style::new("ListParagraph", StyleType::Paragraph)
                .name("List Paragraph")
                .based_on("Normal"),
        );
        docx = docx
            .add_abstract_numbering(list_levels(BULLETS, "bullet"))
            .add_abstract_numbering(list_levels(NUMBERS, "decimal"));
        Word {
            docx,
            figures,
            next_list: FIRST_LIST,
            pictures: Vec::new(),
        }
    }

    fn paragraph(&mut self, p: Paragraph) {
        let docx = std::mem::take(&mut self.docx);
        self.docx = docx.add_paragraph(p);
    }

    fn inline_paragraph<'a>(node: &'a AstNode<'a>, style: &str) -> Paragraph {
        let mut list = Vec::new();
        runs(node, Marks::default(), &mut list);
        // Every paragraph names its style: Word and python-docx find no
        // default style in docx-rs's styles part.
        list.into_iter()
            .fold(Paragraph::new().style(style), Paragraph::add_run)
    }

    fn block<'a>(&mut self, node: &'a AstNode<'a>, depth: usize) {
        let value = node.data().value.clone();
        match value {
            NodeValue::Heading(h) => {
                let style = format!("Heading{}", h.level.min(4));
                let p = Self::inline_paragraph(node, &style).keep_next(true);
                self.paragraph(p);
            }
            NodeValue::Paragraph => {
                let text = text_of(node);
                match self.figures.iter().find(|(m, _)| text.trim() == *m) {
                    Some((_, Some(picture))) => self.picture(picture),
                    Some((_, None)) => {}
                    None => self.paragraph(Self::inline_paragraph(node, "Normal")),
                }
            }
            NodeValue::BlockQuote => {
                for child in node.children() {
                    self.paragraph(Self::inline_paragraph(child, "Quote"));
                }
            }
            NodeValue::List(list) => match contents_entries(node) {
                Some(entries) => self.contents(&entries),
                None => self.list(node, &list, depth),
            },
            NodeValue::Table(_) => {
                let docx = std::mem::take(&mut self.docx);
                self.docx = docx.add_table(table::table(node, TEXT_WIDTH));
                self.paragraph(Paragraph::new().style("Normal"));
            }
            NodeValue::ThematicBreak => self.paragraph(Paragraph::new().style("Normal")),
            _ => {
                for child in node.children() {
                    self.block(child, depth);
                }
            }
        }
    }

    /// A list in Word's numbering: an instance of its own, so that every
    /// numbered list starts from its first number.
    fn list<'a>(&mut self, node: &'a AstNode<'a>, list: &comrak::nodes::NodeList, depth: usize) {
        let id = self.next_list;
        self.next_list += 1;
        let level = depth.min(LEVELS - 1);
        let numbering = match list.list_type {
            ListType::Bullet => Numbering::new(id, BULLETS),
            ListType::Ordered => Numbering::new(id, NUMBERS)
                .add_override(LevelOverride::new(level).start(list.start)),
        };
        let docx = std::mem::take(&mut self.docx);
        self.docx = docx.add_numbering(numbering);
        for item in node.children() {
            for (j, child) in item.children().enumerate() {
                if matches!(child.data().value, NodeValue::List(_)) {
                    self.block(child, depth + 1);
                    continue;
                }
                let p = Self::inline_paragraph(child, "ListParagraph");
                // The item's first paragraph carries the number; the others
                // line up with its text.
                let p = if j == 0 {
                    p.numbering(NumberingId::new(id), IndentLevel::new(level))
                } else {
                    p.indent(Some(indent(level)), None, None, None)
                };
                self.paragraph(p);
            }
        }
    }

    /// A table of contents as Word's own field (`TOC \\o "1-2" \\h`):
    /// until Word updates it (F9, or References › Update Table), it shows
    /// the sections' names as the report lists them, so LibreOffice and
    /// pandoc read them too.
    fn contents(&mut self, entries: &[String]) {
        use docx_rs::{FieldCharType, InstrText, InstrToC};
        let last = entries.len().saturating_sub(1);
        for (n, entry) in entries.iter().enumerate() {
            let mut p = Paragraph::new().style("Normal");
            if n == 0 {
                let toc = InstrToC::new().heading_styles_range(1, 2).hyperlink();
                p = p.add_run(
                    Run::new()
                        .add_field_char(FieldCharType::Begin, false)
                        .add_instr_text(InstrText::TOC(toc))
                        .add_field_char(FieldCharType::Separate, false),
                );
            }
            p = p.add_run(Run::new().add_text(entry.clone()));
            if n == last {
                p = p.add_run(Run::new().add_field_char(FieldCharType::End, false));
            }
            self.paragraph(p);
        }
    }

    fn picture(&mut self, picture: &'f Picture) {
        const EMU_PER_PX: u32 = 9525;
        let (w, h) = (picture.width, picture.height);
        let pic = Pic::new_with_dimensions(picture.png.clone(), w * 2, h * 2)
            .size(w * EMU_PER_PX, h * EMU_PER_PX);
        self.pictures.push(picture);
        self.paragraph(
            Paragraph::new()
                .style("Normal")
                .add_run(Run::new().add_image(pic)),
        );
    }

    fn finish(self, meta: &Meta<'_>) -> Result<Vec<u8>> {
        let descriptions: Vec<&str> = self
            .pictures
            .iter()
            .map(|p| p.description.as_str())
            .collect();
        let xml = package::finish(self.docx.build(), meta, &descriptions)?;
        let mut bytes = std::io::Cursor::new(Vec::new());
        xml.pack(&mut bytes)
            .map_err(|e| Error::Internal(format!("building the Word file: {e}")))?;
        Ok(bytes.into_inner())
    }
}

/// The entries of a table of contents: a list whose every item is only a
/// link into the document (`- [Innsikt](#innsikt)`). None for any other list.
fn contents_entries<'a>(list: &'a AstNode<'a>) -> Option<Vec<String>> {
    let mut entries = Vec::new();
    for item in list.children() {
        let mut blocks = item.children();
        let (Some(paragraph), None) = (blocks.next(), blocks.next()) else {
            return None;
        };
        let mut inlines = paragraph.children();
        let (Some(link), None) = (inlines.next(), inlines.next()) else {
            return None;
        };
        match &link.data().value {
            NodeValue::Link(l) if l.url.starts_with('#') => entries.push(text_of(link)),
            _ => return None,
        }
    }
    (!entries.is_empty()).then_some(entries)
}

/// Where the text of a list item at `level` starts, in twips.
fn indent(level: usize) -> i32 {
    360 * (level as i32 + 1) + 360 * level as i32
}

/// The levels of a list numbering: bullets or decimal numbers, indented a
/// step further at each level.
fn list_levels(id: usize, format: &str) -> AbstractNumbering {
    const BULLET_MARKS: [&str; LEVELS] = ["•", "◦", "▪", "•"];
    (0..LEVELS).fold(AbstractNumbering::new(id), |numbering, level| {
        let text = if format == "bullet" {
            BULLET_MARKS[level].to_owned()
        } else {
            format!("%{}.", level + 1)
        };
        numbering.add_level(
            Level::new(
                level,
                Start::new(1),
                NumberFormat::new(format),
                LevelText::new(text),
                LevelJc::new("left"),
            )
            .indent(
                Some(indent(level)),
                Some(SpecialIndentType::Hanging(360)),
                None,
                None,
            ),
        )
    })
}

#[cfg(test)]
mod tests;

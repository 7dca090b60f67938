//! Markdown to a Word document leaders can edit: headings in Word's own
//! heading styles ("Heading 1" …), real tables with a bold header row,
//! lists, quotes and emphasis. Built from the same Markdown as the other
//! formats, so template overrides and redaction apply to Word too.

use comrak::nodes::{AstNode, ListType, NodeValue};
use comrak::{Arena, Options, parse_document};
use docx_rs::{Docx, Paragraph, Run, RunFonts, Style, StyleType, Table, TableCell, TableRow};

use crate::error::{Error, Result};

/// The .docx bytes of `markdown`.
pub fn from_markdown(markdown: &str) -> Result<Vec<u8>> {
    let arena = Arena::new();
    let mut options = Options::default();
    options.extension.table = true;
    let root = parse_document(&arena, markdown, &options);
    let mut word = Word::new();
    for node in root.children() {
        word.block(node, 0);
    }
    word.finish()
}

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

struct Word {
    docx: Docx,
}

impl Word {
    fn new() -> Word {
        let fonts = RunFonts::new()
            .ascii("Calibri")
            .hi_ansi("Calibri")
            .cs("Calibri");
        let mut docx = Docx::new().default_fonts(fonts).default_size(22);
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
        Word { docx }
    }

    fn paragraph(&mut self, p: Paragraph) {
        let docx = std::mem::take(&mut self.docx);
        self.docx = docx.add_paragraph(p);
    }

    fn inline_paragraph<'a>(node: &'a AstNode<'a>, style: Option<&str>, prefix: &str) -> Paragraph {
        let mut list = Vec::new();
        runs(node, Marks::default(), &mut list);
        // Every paragraph names its style: Word and python-docx find no
        // default style in docx-rs's styles part.
        let mut p = Paragraph::new().style(style.unwrap_or("Normal"));
        if !prefix.is_empty() {
            p = p.add_run(Run::new().add_text(prefix));
        }
        list.into_iter().fold(p, Paragraph::add_run)
    }

    fn block<'a>(&mut self, node: &'a AstNode<'a>, depth: usize) {
        let value = node.data().value.clone();
        match value {
            NodeValue::Heading(h) => {
                let style = format!("Heading{}", h.level.min(4));
                self.paragraph(Self::inline_paragraph(node, Some(&style), ""));
            }
            NodeValue::Paragraph => self.paragraph(Self::inline_paragraph(node, None, "")),
            NodeValue::BlockQuote => {
                for child in node.children() {
                    self.paragraph(Self::inline_paragraph(child, Some("Quote"), ""));
                }
            }
            NodeValue::List(list) => {
                for (i, item) in node.children().enumerate() {
                    let marker = match list.list_type {
                        ListType::Bullet => "• ".to_owned(),
                        ListType::Ordered => format!("{}. ", list.start + i),
                    };
                    let indent = "    ".repeat(depth);
                    for (j, child) in item.children().enumerate() {
                        if matches!(child.data().value, NodeValue::List(_)) {
                            self.block(child, depth + 1);
                        } else {
                            let prefix = if j == 0 {
                                format!("{indent}{marker}")
                            } else {
                                indent.clone()
                            };
                            self.paragraph(Self::inline_paragraph(
                                child,
                                Some("ListParagraph"),
                                &prefix,
                            ));
                        }
                    }
                }
            }
            NodeValue::Table(_) => self.table(node),
            NodeValue::ThematicBreak => self.paragraph(Paragraph::new().style("Normal")),
            _ => {
                for child in node.children() {
                    self.block(child, depth);
                }
            }
        }
    }

    fn table<'a>(&mut self, node: &'a AstNode<'a>) {
        let rows: Vec<TableRow> = node
            .children()
            .enumerate()
            .map(|(i, row)| {
                let cells = row
                    .children()
                    .map(|cell| {
                        let mut list = Vec::new();
                        runs(
                            cell,
                            Marks {
                                bold: i == 0,
                                italic: false,
                            },
                            &mut list,
                        );
                        TableCell::new().add_paragraph(
                            list.into_iter()
                                .fold(Paragraph::new().style("Normal"), Paragraph::add_run),
                        )
                    })
                    .collect();
                TableRow::new(cells)
            })
            .collect();
        let docx = std::mem::take(&mut self.docx);
        self.docx = docx.add_table(Table::new(rows));
        self.paragraph(Paragraph::new().style("Normal"));
    }

    fn finish(self) -> Result<Vec<u8>> {
        let mut bytes = std::io::Cursor::new(Vec::new());
        self.docx
            .build()
            .pack(&mut bytes)
            .map_err(|e| Error::Internal(format!("building the Word file: {e}")))?;
        Ok(bytes.into_inner())
    }
}

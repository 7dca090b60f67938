//! Documents: typed contexts rendered by Tera templates to Markdown, and
//! Markdown turned into self-contained, accessible HTML by comrak inside a
//! layout template.
//!
//! Templates are embedded from `templates/`. A workspace may override any of
//! them with a file of the same name in its own `templates/` folder, whole or
//! block by block: the built-ins are also registered as `samskap/NAME`, so an
//! override can `{% extends "samskap/agenda.md" %}` and replace one block.

pub mod chart;
pub mod context;
pub mod docx;
pub mod guard;
pub mod ics;
pub mod markdown;
pub mod pdf;
pub mod raster;
pub mod sizing;

use std::path::{Path, PathBuf};

use include_dir::{Dir, include_dir};
use serde::Serialize;
use tera::{Context, Tera};

use crate::diagnostic::Diagnostic;
use crate::error::{Error, Result};
use crate::fs;
use crate::i18n::{msg, ui};
use crate::workbook::Lang;

/// The built-in templates.
static TEMPLATES: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/templates");

/// The prefix under which built-ins stay reachable from overrides.
const BUILTIN_PREFIX: &str = "samskap/";

/// The formats documents are written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Markdown
    Md,
    /// Self-contained HTML
    Html,
    /// A Word document
    Docx,
    /// PDF, printed from the HTML by a Chromium-family browser
    Pdf,
}

/// The built-in templates as (file name, contents), for export.
pub fn builtin_templates() -> Vec<(&'static str, &'static [u8])> {
    let mut files: Vec<_> = TEMPLATES
        .files()
        .filter_map(|f| Some((f.path().to_str()?, f.contents())))
        .filter(|(name, _)| !name.starts_with('.'))
        .collect();
    files.sort();
    files
}

/// Renders documents with the built-in templates and a workspace's overrides.
pub struct Renderer {
    /// Markdown templates: every value escaped for Markdown.
    markdown: Tera,
    /// HTML layout templates: every value escaped for HTML.
    html: Tera,
}

impl Renderer {
    /// The built-in templates overridden by the files in `overrides` (a
    /// workspace's `templates/` folder), if it exists.
    pub fn new(overrides: Option<&Path>) -> Result<Renderer> {
        let mut markdown = Tera::new();
        markdown.set_escape_fn(markdown::escape);
        markdown.autoescape_on([".md"]);
        let mut html = Tera::new();
        html.autoescape_on([".html"]);
        let mut sources: Vec<(String, String, Option<PathBuf>)> = Vec::new();
        for (name, contents) in builtin_templates() {
            let text = String::from_utf8_lossy(contents).into_owned();
            sources.push((format!("{BUILTIN_PREFIX}{name}"), text.clone(), None));
            sources.push((name.to_owned(), text, None));
        }
        if let Some(dir) = overrides.filter(|d| d.is_dir()) {
            for (name, text, path) in read_overrides(dir)? {
                sources.retain(|(n, _, _)| *n != name);
                sources.push((name, text, Some(path)));
            }
        }
        for (name, text, path) in &sources {
            let tera = if name.ends_with(".md") {
                &mut markdown
            } else {
                &mut html
            };
            tera.add_raw_template(name, text)
                .map_err(|e| template_error(name, path.as_deref(), &e))?;
        }
        Ok(Renderer { markdown, html })
    }

    /// Renders a Markdown document from `template` and its typed context.
    pub fn markdown<T: Serialize>(&self, template: &str, doc: &T) -> Result<String> {
        let context = Context::from_serialize(doc).map_err(|e| Error::Internal(e.to_string()))?;
        self.markdown
            .render(template, &context)
            .map(|md| markdown::tidy(&md))
            .map_err(|e| template_error(template, None, &e))
    }

    /// Wraps a Markdown document in the HTML layout.
    pub fn html(&self, page: &Page, markdown: &str) -> Result<String> {
        let body = markdown::to_html(markdown);
        let context = Context::from_serialize(&PageContext { page, body: &body })
            .map_err(|e| Error::Internal(e.to_string()))?;
        self.html
            .render("layout.html", &context)
            .map_err(|e| template_error("layout.html", None, &e))
    }

    /// Renders `template` to Markdown, passes it through the privacy
    /// `guard`, and writes it in `format`. Figures: a paragraph holding only
    /// a figure's marker becomes the figure's HTML (made by samskap, not from
    /// user text) in HTML, and disappears elsewhere, where the document's
    /// tables carry the same figures.
    pub fn export<T: Serialize>(
        &self,
        template: &str,
        doc: &T,
        page: &Page,
        format: Format,
        figures: &[Figure],
        guard: &guard::Guard,
    ) -> Result<Vec<u8>> {
        let mut one = self.export_all(template, doc, page, &[format], figures, guard)?;
        Ok(one.pop().unwrap_or_default())
    }

    /// Like [`Renderer::export`], in each of `formats`, from one rendering
    /// and one pass of the guard.
    pub fn export_all<T: Serialize>(
        &self,
        template: &str,
        doc: &T,
        page: &Page,
        formats: &[Format],
        figures: &[Figure],
        guard: &guard::Guard,
    ) -> Result<Vec<Vec<u8>>> {
        let md = guard.markdown(self.markdown(template, doc)?);
        let without_figures = || {
            let kept: Vec<&str> = md
                .lines()
                .filter(|l| !figures.iter().any(|f| l.trim() == f.marker))
                .collect();
            markdown::tidy(&kept.join("\n"))
        };
        let pictures: Vec<docx::Figure<'_>> = figures
            .iter()
            .map(|f| (f.marker, f.picture.as_ref()))
            .collect();
        let meta = docx::Meta {
            title: &page.title,
            lang: page.lang.code(),
        };
        formats
            .iter()
            .map(|format| {
                let name = format.file_name(&page.title);
                let bytes = match format {
                    Format::Md => without_figures().into_bytes(),
                    Format::Docx => docx::from_markdown(&md, &meta, &pictures)?,
                    Format::Html => self.page_html(page, &md, figures)?.into_bytes(),
                    Format::Pdf => {
                        // The gate sees what is printed: the HTML page with
                        // the figures samskap drew into it.
                        let browser = pdf::Browser::required()?;
                        let html = self.page_html(page, &md, figures)?.into_bytes();
                        let html = guard.leave(&name, format.reader(), html)?;
                        return browser.print(&String::from_utf8_lossy(&html));
                    }
                };
                guard.leave(&name, format.reader(), bytes)
            })
            .collect()
    }
}

impl Format {
    /// How the reader of this format sees a document (a PDF: as the HTML it
    /// is printed from).
    #[must_use]
    pub fn reader(self) -> crate::privacy::view::Reader {
        use crate::privacy::view::Reader;
        match self {
            Format::Md => Reader::Markdown,
            Format::Html | Format::Pdf => Reader::Html,
            Format::Docx => Reader::Docx,
        }
    }

    /// A document called `title` in this format, as messages name it.
    fn file_name(self, title: &str) -> String {
        let ext = match self {
            Format::Md => "md",
            Format::Html => "html",
            Format::Docx => "docx",
            Format::Pdf => "pdf",
        };
        format!("{title} ({ext})")
    }
}

impl Renderer {
    /// The HTML page of checked Markdown, with its figures drawn in.
    fn page_html(&self, page: &Page, md: &str, figures: &[Figure]) -> Result<String> {
        let mut html = self.html(page, md)?;
        for figure in figures {
            html = html.replace(&format!("<p>{}</p>", figure.marker), &figure.html);
        }
        Ok(html)
    }
}

/// A figure made by samskap (not from user text): a paragraph holding only
/// its marker becomes its HTML in HTML and its picture in Word, and
/// disappears elsewhere, where the document's tables carry the same figures.
#[derive(Clone, Debug)]
pub struct Figure {
    /// The paragraph text it replaces.
    pub marker: &'static str,
    /// Its HTML.
    pub html: String,
    /// Its picture for Word, if it has one.
    pub picture: Option<chart::Picture>,
}

/// What the HTML layout needs besides the body.
#[derive(Debug, Serialize)]
pub struct Page {
    /// The page title.
    pub title: String,
    /// The document's language code.
    pub lang: Lang,
    /// The sprint's name, shown in the header.
    pub sprint: String,
    /// The footer text.
    pub footer: String,
    /// The kind of document, a class on `<body>` for the style.
    pub kind: &'static str,
    /// The running header of a printed page, as a CSS string.
    pub print_header: String,
    /// The page number of a printed page ("side 3 av 12"), as CSS content.
    pub print_page: String,
}

#[derive(Serialize)]
struct PageContext<'a> {
    page: &'a Page,
    body: &'a str,
}

fn read_overrides(dir: &Path) -> Result<Vec<(String, String, PathBuf)>> {
    let entries = std::fs::read_dir(dir).map_err(|source| Error::Read {
        path: dir.to_owned(),
        source,
    })?;
    let mut found = Vec::new();
    for entry in entries.filter_map(std::result::Result::ok) {
        let path = entry.path();
        let Some(name) = path.file_name().and_then(|n| n.to_str()).map(str::to_owned) else {
            continue;
        };
        if path.is_file() && (name.ends_with(".md") || name.ends_with(".html")) {
            confined(dir, &path)?;
            found.push((name, fs::read_text(&path)?, path));
        }
    }
    found.sort();
    Ok(found)
}

/// Refuses an override that is a link to a file outside the workspace
/// (the folder around `templates/`): what a sprint exports comes from the
/// sprint, not from `/etc/passwd` or another sprint's notes.
fn confined(templates: &Path, path: &Path) -> Result<()> {
    let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if !is_link {
        return Ok(());
    }
    let workspace = match templates.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let inside = match (path.canonicalize(), workspace.canonicalize()) {
        (Ok(target), Ok(root)) => target.starts_with(root),
        _ => false,
    };
    if inside {
        return Ok(());
    }
    let target = std::fs::read_link(path).map_or_else(|_| "?".into(), |t| t.display().to_string());
    Err(Error::Invalid(vec![
        Diagnostic::file(
            path.display().to_string(),
            msg::template_link_outside(ui(), &target),
        )
        .with_hint(msg::template_link_outside_hint(ui())),
    ]))
}

/// A template problem: the user's override file, or a bug in a built-in.
fn template_error(name: &str, path: Option<&Path>, err: &tera::Error) -> Error {
    let message = msg::template_unusable(ui(), name, err);
    match path {
        Some(path) => Error::Invalid(vec![
            Diagnostic::file(path.display().to_string(), message)
                .with_hint(msg::template_unusable_hint(ui())),
        ]),
        None => Error::Invalid(vec![
            Diagnostic::file(format!("templates/{name}"), message)
                .with_hint(msg::template_builtin_unusable_hint(ui())),
        ]),
    }
}

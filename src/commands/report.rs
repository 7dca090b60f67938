//! `samskap report [--interim] [--format md|html|docx|pdf] [-o FILE] [--redact]`.

use chrono::{Local, NaiveDate};

use super::Context;
use crate::cli::OutputArgs;
use crate::error::Result;
use crate::output;
use crate::render::{Figure, Renderer, chart};
use crate::report::{self, CHART_MARKER};
use crate::sprint::Workspace;

/// What the report is made from, read once.
pub struct Inputs<'a> {
    /// The workspace.
    pub ws: &'a Workspace,
    /// Its records.
    pub records: &'a crate::records::Records,
    /// Its progress.
    pub progress: &'a crate::sprint::Progress,
}

/// The report's bytes in each of `formats`, made from one rendering;
/// shared with `build`.
pub fn render(
    inputs: &Inputs<'_>,
    renderer: &Renderer,
    guard: &crate::render::guard::Guard,
    interim: bool,
    today: NaiveDate,
    formats: &[crate::render::Format],
) -> Result<Vec<Vec<u8>>> {
    let lang = guard.lang;
    let ws = inputs.ws;
    let doc = report::report(ws, inputs.records, inputs.progress, today, interim, lang);
    let figures: Vec<Figure> = doc
        .model
        .as_ref()
        .map(|a| {
            vec![Figure {
                marker: CHART_MARKER,
                html: chart::assessment(&a.rows, &a.chart_title, a.chart_caption),
                picture: Some(chart::assessment_png(&a.rows, &a.chart_title)),
            }]
        })
        .unwrap_or_default();
    let page = super::page(ws, &doc.title, "report", lang);
    renderer.export_all("report.md", &doc, &page, formats, &figures, guard)
}

/// Runs the command.
pub fn run(cx: &Context, interim: bool, today: Option<NaiveDate>, out: &OutputArgs) -> Result<()> {
    let (ws, records, guard) = super::export_inputs(cx, out.redact)?;
    let renderer = Renderer::new(Some(&ws.path("templates")))?;
    let today = today.unwrap_or_else(|| Local::now().date_naive());
    let progress = ws.progress()?;
    let inputs = Inputs {
        ws: &ws,
        records: &records,
        progress: &progress,
    };
    let formats = [super::format_of(out)?];
    let bytes = render(&inputs, &renderer, &guard, interim, today, &formats)?.concat();
    output::deliver(&bytes, out.output.as_deref(), out.force)
}

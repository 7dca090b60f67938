//! `samskap interview-guide --group G`.

use super::Context;
use crate::cli::OutputArgs;
use crate::error::{Error, Result};
use crate::output;
use crate::render::{Renderer, context};

/// Runs the command.
pub fn run(cx: &Context, group: &str, out: &OutputArgs) -> Result<()> {
    let ws = cx.workspace()?;
    let lang = ws.lang(cx.lang_arg);
    let found = ws.sprint.require_group(group)?;
    let doc = context::interview_guide(&ws, found, lang).ok_or_else(|| {
        Error::usage(
            "the workbook has no question bank",
            "add `questions:` to the workbook, or use the built-in one",
        )
    })?;
    let renderer = Renderer::new(Some(&ws.path("templates")))?;
    let page = super::page(&ws, &doc.title, "interview-guide", lang);
    let guard = super::guard(&ws, out.redact, lang)?;
    let bytes = renderer.export(
        "interview-guide.md",
        &doc,
        &page,
        super::format_of(out)?,
        &[],
        &guard,
    )?;
    output::deliver(&bytes, out.output.as_deref(), out.force)
}

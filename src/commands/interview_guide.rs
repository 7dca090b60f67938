//! `samskap interview-guide --group G`.

use super::Context;
use crate::cli::OutputArgs;
use crate::error::{Error, Result};
use crate::render::context;

/// Runs the command.
pub fn run(cx: &Context, group: &str, out: &OutputArgs) -> Result<()> {
    let (ws, _, guard) = super::export_inputs(cx, out.redact)?;
    let lang = guard.lang;
    let found = ws.sprint.require_group(group)?;
    let doc = context::interview_guide(&ws, found, lang).ok_or_else(|| {
        Error::usage(
            "the workbook has no question bank",
            "add `questions:` to the workbook, or use the built-in one",
        )
    })?;
    super::deliver_document(
        &ws,
        "interview-guide.md",
        "interview-guide",
        (&doc, &doc.title),
        out,
        lang,
        &guard,
    )
}

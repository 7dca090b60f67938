//! `samskap interview-guide --group G [--topics A,B] [--minutes N]`.

use super::Context;
use crate::cli::OutputArgs;
use crate::error::Result;
use crate::render::context::{self, GuideChoice};

/// Runs the command.
pub fn run(cx: &Context, group: &str, choice: &GuideChoice, out: &OutputArgs) -> Result<()> {
    let (ws, _, guard) = super::export_inputs(cx, out.redact)?;
    let lang = guard.lang;
    let found = ws.sprint.require_group(group)?;
    let doc = context::interview_guide(&ws, found, lang, choice)?;
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

//! `samskap check`: samskap.yaml and progress.yaml checked against the
//! workbook; every problem with its place and a hint.

use super::Context;
use crate::error::Result;
use crate::i18n::tr;
use crate::output;

/// Runs the command.
pub fn run(cx: &Context) -> Result<()> {
    let ws = cx.workspace()?;
    let progress = ws.progress()?;
    let lang = ws.lang(cx.lang_arg);
    let t = |nb, en| tr(lang, nb, en);
    output::print(&format!(
        "OK {}, {}: {} {}, {} {}, {} {}\n",
        ws.path(crate::sprint::SPRINT_FILE).display(),
        ws.path(crate::sprint::PROGRESS_FILE).display(),
        ws.sprint.groups.len(),
        t("grupper", "groups"),
        ws.sessions().len(),
        t("økter", "sessions"),
        progress.done.len(),
        t("markert som gjennomført", "marked done"),
    ))
}

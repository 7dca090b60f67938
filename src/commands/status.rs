//! `samskap status [--today DATE] [--json]`.

use chrono::{Local, NaiveDate};

use super::Context;
use crate::error::Result;
use crate::output;
use crate::sprint::status::{self, Facts};

/// Runs the command.
pub fn run(cx: &Context, today: Option<NaiveDate>, json: bool) -> Result<()> {
    let ws = cx.workspace()?;
    let progress = ws.progress()?;
    let lang = ws.lang(cx.lang_arg);
    let today = today.unwrap_or_else(|| Local::now().date_naive());
    let facts = Facts {
        workbook: &ws.workbook,
        sprint: &ws.sprint,
        sessions: ws.sessions(),
        progress: &progress,
        interviews: ws.interview_counts(),
        in_breaks: ws.in_breaks(),
    };
    let status = status::status(facts, today, lang);
    // Warned on stderr, so `--json` stays what the format says.
    for text in ws.off_own_slots(lang) {
        crate::say!("{}: {text}", crate::i18n::msg::warning_prefix(lang));
    }
    if json {
        let mut text = serde_json::to_string_pretty(&status)
            .map_err(|e| crate::error::Error::Internal(e.to_string()))?;
        text.push('\n');
        output::print(&text)
    } else {
        output::print(&status.to_text(lang))
    }
}

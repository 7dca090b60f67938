//! `samskap workbook list|show|check|export|schema`.

use std::path::Path;

use super::Context;
use crate::cli::WorkbookCommand;
use crate::diagnostic::suggest;
use crate::error::{Error, Result};
use crate::fs::{self, Overwrite};
use crate::i18n::msg;
use crate::output;
use crate::workbook::{self, WorkbookSource, describe};

/// Runs a workbook subcommand.
pub fn run(cx: &Context, command: WorkbookCommand) -> Result<()> {
    match command {
        WorkbookCommand::List => {
            let wb = cx.load_workbook()?;
            output::print(&describe::tree(&wb, cx.lang_for(&wb)?))
        }
        WorkbookCommand::Show { id } => show(cx, &id),
        WorkbookCommand::Check { file, json } => {
            super::check::json_or_plain(check(cx, file.map(WorkbookSource::Path), json), json)
        }
        WorkbookCommand::Export { dir, force } => export(cx, &dir, force),
        WorkbookCommand::Schema { sprint: false } => output::print(&workbook::schema(cx.lang())),
        WorkbookCommand::Schema { sprint: true } => {
            output::print(&crate::sprint::schema(cx.lang()))
        }
    }
}

fn show(cx: &Context, id: &str) -> Result<()> {
    let wb = cx.load_workbook()?;
    match wb.find(id) {
        Some(item) => output::print(&describe::item(&wb, item, cx.lang_for(&wb)?)),
        None => {
            let items = wb.items();
            let lang = crate::i18n::ui();
            let hint = match suggest(id, items.iter().map(|(i, _)| i.as_str())) {
                Some(best) => msg::did_you_mean(lang, best),
                None => msg::workbook_nothing_with_id_hint(lang).to_owned(),
            };
            Err(Error::usage(msg::workbook_nothing_with_id(lang, id), hint))
        }
    }
}

fn check(cx: &Context, source: Option<WorkbookSource>, json: bool) -> Result<()> {
    let source = source.unwrap_or_else(|| cx.workbook_source());
    let wb = workbook::load(&source)?;
    if json {
        return output::print(&crate::diagnostic::json_report(&[], &[]));
    }
    let lang = cx.lang_for(&wb)?;
    let name = match &source {
        WorkbookSource::BuiltIn => msg::workbook_builtin(lang).to_owned(),
        WorkbookSource::Path(p) => p.display().to_string(),
    };
    let languages: Vec<&str> = wb.languages.iter().map(|l| l.code()).collect();
    let mut summary = msg::workbook_check_ok(
        lang,
        name,
        wb.phases.len(),
        wb.steps().count(),
        wb.methods.len(),
        wb.questions.as_ref().map_or(0, |q| q.topics.len()),
        languages.join(", "),
    );
    summary.push('\n');
    output::print(&summary)
}

fn export(cx: &Context, dir: &Path, force: bool) -> Result<()> {
    let files = workbook::builtin_files();
    let targets: Vec<_> = files.iter().map(|(rel, _)| dir.join(rel)).collect();
    let overwrite = if force {
        Overwrite::Allowed
    } else {
        Overwrite::Never
    };
    if overwrite == Overwrite::Never {
        fs::ensure_absent(&targets)?;
    }
    // The schema beside the files helps in the language asked for, as
    // `workbook schema` does; the rest is the built-in workbook as it is.
    let schema = workbook::schema(cx.lang());
    for ((rel, contents), target) in files.iter().zip(&targets) {
        let contents = if *rel == Path::new("workbook.schema.json") {
            schema.as_bytes()
        } else {
            contents
        };
        fs::write(target, contents, overwrite)?;
    }
    crate::say!(
        "{} samskap --workbook {} workbook check",
        msg::workbook_exported(cx.lang(), targets.len(), dir.display()),
        dir.display(),
    );
    Ok(())
}

//! `samskap workbook list|show|check|export|schema`.

use std::path::Path;

use super::Context;
use crate::cli::WorkbookCommand;
use crate::diagnostic::suggest;
use crate::error::{Error, Result};
use crate::fs::{self, Overwrite};
use crate::i18n::tr;
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
        WorkbookCommand::Check { file } => check(cx, file.map(WorkbookSource::Path)),
        WorkbookCommand::Export { dir, force } => export(cx, &dir, force),
        WorkbookCommand::Schema { sprint: false } => output::print(&workbook::schema()),
        WorkbookCommand::Schema { sprint: true } => output::print(&crate::sprint::schema()),
    }
}

fn show(cx: &Context, id: &str) -> Result<()> {
    let wb = cx.load_workbook()?;
    match wb.find(id) {
        Some(item) => output::print(&describe::item(&wb, item, cx.lang_for(&wb)?)),
        None => {
            let items = wb.items();
            let hint = match suggest(id, items.iter().map(|(i, _)| i.as_str())) {
                Some(best) => format!("did you mean `{best}`?"),
                None => "`samskap workbook list` shows the ids of every step".into(),
            };
            Err(Error::usage(
                format!("the workbook has nothing with the id `{id}`"),
                hint,
            ))
        }
    }
}

fn check(cx: &Context, source: Option<WorkbookSource>) -> Result<()> {
    let source = source.unwrap_or_else(|| cx.workbook_source());
    let wb = workbook::load(&source)?;
    let lang = cx.lang_for(&wb)?;
    let name = match &source {
        WorkbookSource::BuiltIn => {
            tr(lang, "den innebygde arbeidsboka", "the built-in workbook").to_owned()
        }
        WorkbookSource::Path(p) => p.display().to_string(),
    };
    let languages: Vec<&str> = wb.languages.iter().map(|l| l.code()).collect();
    let summary = format!(
        "OK {name}: {} {}, {} {}, {} {}, {} {}; {}: {}\n",
        wb.phases.len(),
        tr(lang, "faser", "phases"),
        wb.steps().count(),
        tr(lang, "steg", "steps"),
        wb.methods.len(),
        tr(lang, "metoder", "methods"),
        wb.questions.as_ref().map_or(0, |q| q.topics.len()),
        tr(lang, "spørsmålstema", "question topics"),
        tr(lang, "språk", "languages"),
        languages.join(", "),
    );
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
    for ((_, contents), target) in files.iter().zip(&targets) {
        fs::write(target, contents, overwrite)?;
    }
    crate::say!(
        "{} {} {} {}\n{} samskap --workbook {} workbook check",
        tr(cx.lang(), "Skrev", "Wrote"),
        targets.len(),
        tr(cx.lang(), "filer til", "files to"),
        dir.display(),
        tr(
            cx.lang(),
            "Rediger filene, og sjekk dem med:",
            "Edit the files, then check them with:"
        ),
        dir.display(),
    );
    Ok(())
}

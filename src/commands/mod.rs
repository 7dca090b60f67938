//! One module per command: each loads what it needs and calls the library.

mod completions;
mod workbook;

use std::path::PathBuf;

use crate::cli::{Cli, Command, Global};
use crate::error::{Error, Result};
use crate::workbook::{Lang, Workbook, WorkbookSource};

/// What every command knows from the global options.
pub struct Context {
    /// The output language.
    pub lang: Lang,
    /// The workbook named with --workbook, if any.
    pub workbook: Option<PathBuf>,
}

impl Context {
    fn new(global: &Global) -> Result<Self> {
        if let Some(dir) = &global.directory {
            std::env::set_current_dir(dir).map_err(|e| {
                Error::usage(
                    format!("cannot run in `{}`: {e}", dir.display()),
                    "-C takes a folder that exists",
                )
            })?;
        }
        Ok(Context {
            lang: global.lang.map_or(Lang::Nb, Lang::from),
            workbook: global.workbook.clone(),
        })
    }

    /// Where the workbook comes from: --workbook, or the built-in one.
    pub fn workbook_source(&self) -> WorkbookSource {
        self.workbook
            .clone()
            .map_or(WorkbookSource::BuiltIn, WorkbookSource::Path)
    }

    /// Loads and validates the workbook.
    pub fn load_workbook(&self) -> Result<Workbook> {
        crate::workbook::load(&self.workbook_source())
    }
}

/// Runs one parsed command line.
pub fn run(cli: Cli) -> Result<()> {
    let cx = Context::new(&cli.global)?;
    match cli.command {
        Command::Workbook { command } => workbook::run(&cx, command),
        Command::Completions { shell } => completions::run(shell),
    }
}

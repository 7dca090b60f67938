//! The command line, as clap types. No logic lives here: doc comments are the
//! help text, and `commands` does the work.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::workbook::Lang;

/// samskap: the co-creation workbook of Den samskapende bydelen, made
/// executable. Plan a design sprint, guide its sessions, and render agendas,
/// interview guides and reports.
#[derive(Debug, Parser)]
#[command(name = "samskap", version, max_term_width = 100)]
pub struct Cli {
    /// Options every command takes.
    #[command(flatten)]
    pub global: Global,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Options every command takes.
#[derive(Debug, Args)]
pub struct Global {
    /// Language of the output: nb (Norwegian bokmål, the default) or en (English)
    #[arg(long, global = true, value_enum, value_name = "LANG")]
    pub lang: Option<LangArg>,
    /// Use this workbook instead of the built-in one: a workbook.yaml, or the folder holding it
    #[arg(long, global = true, value_name = "PATH")]
    pub workbook: Option<PathBuf>,
    /// Run as if samskap was started in DIR
    #[arg(short = 'C', global = true, value_name = "DIR")]
    pub directory: Option<PathBuf>,
}

/// A language on the command line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// Norwegian bokmål
    Nb,
    /// English
    En,
}

impl From<LangArg> for Lang {
    fn from(arg: LangArg) -> Lang {
        match arg {
            LangArg::Nb => Lang::Nb,
            LangArg::En => Lang::En,
        }
    }
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read, check and export workbooks (the process definition)
    Workbook {
        /// What to do with the workbook.
        #[command(subcommand)]
        command: WorkbookCommand,
    },
    /// Print shell completions, for example `samskap completions bash > /etc/bash_completion.d/samskap`
    Completions {
        /// The shell: bash, zsh, fish, elvish or powershell
        shell: clap_complete::Shell,
    },
}

/// What to do with a workbook.
#[derive(Debug, Subcommand)]
pub enum WorkbookCommand {
    /// List the phases, weeks and steps as a tree
    List,
    /// Show a step, method, question topic or anything else with an id, in full
    Show {
        /// The id, as `samskap workbook list` shows it (for example `dybdeintervju`)
        id: String,
    },
    /// Check a workbook and report every problem with file, line and column
    Check {
        /// The workbook.yaml (or its folder) to check; default: --workbook, or the built-in one
        file: Option<PathBuf>,
    },
    /// Write the built-in workbook out as YAML files, to edit and use with --workbook
    Export {
        /// The folder to write into (created if missing)
        dir: PathBuf,
        /// Replace files that already exist
        #[arg(long)]
        force: bool,
    },
    /// Print the JSON Schema of workbook files, for editors that check and complete YAML
    Schema,
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn cli_is_well_formed() {
        super::Cli::command().debug_assert();
    }
}

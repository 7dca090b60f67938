//! `samskap completions SHELL`: completions generated from the clap types.

use clap::CommandFactory;
use clap_complete::Shell;

use crate::cli::Cli;
use crate::error::Result;
use crate::output;

/// Prints the completion script for `shell`.
pub fn run(shell: Shell) -> Result<()> {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "samskap", &mut script);
    output::print(&String::from_utf8_lossy(&script))
}

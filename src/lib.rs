//! samskap: the co-creation workbook of Den samskapende bydelen, made
//! executable. The binary is a thin shell around [`main`].

pub mod cli;
pub mod commands;
pub mod diagnostic;
pub mod error;
pub mod fs;
pub mod i18n;
pub mod output;
pub mod parallel;
pub mod plan;
pub mod privacy;
pub mod prompt;
pub mod records;
pub mod render;
pub mod report;
pub mod sprint;
pub mod workbook;
pub mod yaml;

use std::panic;

use clap::Parser;

use crate::error::Error;

/// Runs samskap with the process's arguments and returns the exit code.
/// Errors are printed here, once; a panic becomes an internal error with
/// exit code 70 and no backtrace.
pub fn main() -> i32 {
    let cli = match cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            // clap prints help and version to stdout, errors to stderr.
            let _ = err.print();
            return err.exit_code();
        }
    };
    panic::set_hook(Box::new(|_| {}));
    let outcome = panic::catch_unwind(|| commands::run(cli)).unwrap_or_else(|payload| {
        let what = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".into());
        Err(Error::Internal(what))
    });
    match outcome {
        Ok(()) => 0,
        Err(err) => {
            crate::say!("{}", err.render());
            err.exit_code()
        }
    }
}

//! samskap: the co-creation workbook of Den samskapende bydelen, made
//! executable. The binary is a thin shell around [`main`].

pub mod cli;
pub mod commands;
pub mod dashboard;
pub mod diagnostic;
pub mod error;
pub mod fs;
pub mod i18n;
pub mod output;
pub mod parallel;
pub mod plan;
pub mod portfolio;
pub mod privacy;
pub mod prompt;
pub mod records;
pub mod render;
pub mod report;
pub mod sprint;
pub mod workbook;
pub mod yaml;

use std::panic;

use clap::FromArgMatches;

use crate::error::Error;
use crate::i18n::msg;

/// Runs samskap with the process's arguments and returns the exit code.
/// The language is chosen first, so that even clap's errors are in it.
/// Errors are printed here, once; a panic becomes an internal error with
/// exit code 70 and no backtrace.
pub fn main() -> i32 {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let (chosen, env) = i18n::resolve_ui(&args);
    // Nothing chose a language: bokmål, until a workbook says it has none.
    let lang = chosen.unwrap_or(crate::workbook::Lang::Nb);
    i18n::set_ui(lang);
    if chosen.is_none() {
        i18n::ui_is_default();
    }
    if let Err(value) = env {
        let err = Error::usage(
            msg::bad_samskap_lang(lang, value),
            msg::bad_samskap_lang_hint(lang),
        );
        crate::say!("{}", err.render_in(lang));
        return err.exit_code();
    }
    let parsed = i18n::command(lang)
        .try_get_matches_from(&args)
        .and_then(|matches| cli::Cli::from_arg_matches(&matches));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(err) => return clap_failed(&err, lang),
    };
    panic::set_hook(Box::new(|_| {}));
    let outcome = panic::catch_unwind(|| commands::run(cli)).unwrap_or_else(|payload| {
        let what = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| msg::unknown_panic(lang).to_owned());
        Err(Error::Internal(what))
    });
    match outcome {
        Ok(()) => 0,
        Err(err) => {
            // In the language spoken now: a workbook may have changed it.
            crate::say!("{}", err.render_in(i18n::ui()));
            err.exit_code()
        }
    }
}

/// Prints what clap has to say: help and version to stdout, errors to
/// stderr, as clap itself would.
fn clap_failed(err: &clap::Error, lang: workbook::Lang) -> i32 {
    use std::io::Write as _;
    let text = i18n::render_clap_error(err, lang);
    if err.use_stderr() {
        let _ = write!(std::io::stderr(), "{text}");
    } else {
        let _ = write!(std::io::stdout(), "{text}");
    }
    err.exit_code()
}

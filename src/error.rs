//! The one error type of samskap. Every failure ends here, is rendered once
//! by `main`, and maps to an exit code a script can rely on.

use std::fmt;
use std::io;
use std::path::PathBuf;

use crate::diagnostic::Diagnostic;
use crate::i18n::{list_paths, msg};
use crate::workbook::Lang;

/// Exit codes, following BSD's sysexits where one fits.
pub mod exit {
    /// The command line was wrong (clap uses 2 too).
    pub const USAGE: i32 = 2;
    /// A file the user wrote is invalid.
    pub const INVALID_INPUT: i32 = 65;
    /// A file could not be read.
    pub const NO_INPUT: i32 = 66;
    /// A program samskap needs is not installed (a browser for PDF).
    pub const UNAVAILABLE: i32 = 69;
    /// A bug in samskap.
    pub const INTERNAL: i32 = 70;
    /// An output could not be written, or would overwrite a file.
    pub const CANNOT_WRITE: i32 = 73;
}

/// Everything that can go wrong. The words are in `i18n/messages.txt`;
/// a variant carries the data and [`Error::message`] words it once, in the
/// language asked for.
#[derive(Debug)]
pub enum Error {
    /// The command line asks for something that cannot be done.
    Usage {
        /// What is wrong.
        message: String,
        /// How to fix it.
        hint: Option<String>,
    },
    /// One or more problems in files the user wrote.
    Invalid(Vec<Diagnostic>),
    /// This many problems, already listed on standard output (`--json`).
    Findings(usize),
    /// A file could not be read.
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        source: io::Error,
    },
    /// A file could not be written.
    Write {
        /// The file.
        path: PathBuf,
        /// Why.
        source: io::Error,
    },
    /// Writing would overwrite files that already exist.
    Exists(Vec<PathBuf>),
    /// Writing would replace files samskap wrote that someone changed since.
    Changed(Vec<PathBuf>),
    /// A folder that must be empty is not.
    NotEmpty(PathBuf),
    /// A program samskap needs is missing or failed. The words are
    /// samskap's own (English) until the catalogue has them.
    Unavailable {
        /// What is missing.
        message: String,
        /// What to install.
        hint: String,
    },
    /// Something that should not happen: a bug in samskap.
    Internal(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(crate::i18n::ui()))
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Read { source, .. } | Error::Write { source, .. } => Some(source),
            _ => None,
        }
    }
}

fn render_all(diagnostics: &[Diagnostic], lang: Lang) -> String {
    let mut out = diagnostics
        .iter()
        .map(|d| d.render(lang))
        .collect::<Vec<_>>()
        .join("\n\n");
    if diagnostics.len() > 1 {
        out.push_str("\n\n");
        out.push_str(&msg::problems_found(lang, diagnostics.len()));
    }
    out
}

impl Error {
    /// A usage error with a hint.
    pub fn usage(message: impl Into<String>, hint: impl Into<String>) -> Self {
        Error::Usage {
            message: message.into(),
            hint: Some(hint.into()),
        }
    }

    /// A missing program, with what to install.
    pub fn unavailable(message: impl Into<String>, hint: impl Into<String>) -> Self {
        Error::Unavailable {
            message: message.into(),
            hint: hint.into(),
        }
    }

    /// The process exit code for this error.
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Usage { .. } => exit::USAGE,
            Error::Invalid(_) | Error::Findings(_) => exit::INVALID_INPUT,
            Error::Read { .. } => exit::NO_INPUT,
            Error::Write { .. } | Error::Exists(_) | Error::Changed(_) | Error::NotEmpty(_) => {
                exit::CANNOT_WRITE
            }
            Error::Unavailable { .. } => exit::UNAVAILABLE,
            Error::Internal(_) => exit::INTERNAL,
        }
    }

    /// What went wrong, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let io = |source: &io::Error| crate::fs::describe_io(source, lang);
        match self {
            Error::Usage { message, .. } => message.clone(),
            Error::Invalid(diagnostics) => render_all(diagnostics, lang),
            Error::Findings(n) => msg::findings_reported(lang, n),
            Error::Read { path, source } => msg::error_read(lang, path.display(), io(source)),
            Error::Write { path, source } => msg::error_write(lang, path.display(), io(source)),
            Error::Exists(paths) => msg::file_exists(lang, paths.len(), list_paths(paths)),
            Error::Changed(paths) => msg::file_changed(lang, paths.len(), list_paths(paths)),
            Error::NotEmpty(path) => msg::folder_not_empty(lang, path.display()),
            Error::Unavailable { message, .. } => message.clone(),
            Error::Internal(what) => msg::internal_error(lang, what),
        }
    }

    /// Advice printed under the message, if any, in `lang`.
    pub fn hint_in(&self, lang: Lang) -> Option<String> {
        match self {
            Error::Usage { hint, .. } => hint.clone(),
            Error::Unavailable { hint, .. } => Some(hint.clone()),
            Error::Exists(paths) => Some(msg::file_exists_hint(lang, paths.len())),
            Error::Changed(_) => Some(msg::file_changed_hint(lang).to_owned()),
            Error::NotEmpty(_) => Some(msg::folder_not_empty_hint(lang).to_owned()),
            Error::Read { source, .. } if source.kind() == io::ErrorKind::NotFound => {
                Some(msg::read_not_found_hint(lang).to_owned())
            }
            Error::Internal(_) => Some(msg::internal_error_hint(lang).to_owned()),
            _ => None,
        }
    }

    /// Advice printed under the message, if any.
    pub fn hint(&self) -> Option<String> {
        self.hint_in(crate::i18n::ui())
    }

    /// The whole message as printed on standard error, in `lang`.
    pub fn render_in(&self, lang: Lang) -> String {
        let message = self.message(lang);
        match self {
            Error::Invalid(_) => message,
            _ => {
                let error = msg::error_prefix(lang);
                match self.hint_in(lang) {
                    Some(hint) => {
                        format!("{error}: {message}\n  = {}: {hint}", msg::hint_prefix(lang))
                    }
                    None => format!("{error}: {message}"),
                }
            }
        }
    }

    /// The whole message as printed on standard error.
    pub fn render(&self) -> String {
        self.render_in(crate::i18n::ui())
    }
}

/// The result type of samskap.
pub type Result<T, E = Error> = std::result::Result<T, E>;

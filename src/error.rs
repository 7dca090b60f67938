//! The one error type of samskap. Every failure ends here, is rendered once
//! by `main`, and maps to an exit code a script can rely on.

use std::io;
use std::path::PathBuf;

use crate::diagnostic::Diagnostic;

/// Exit codes, following BSD's sysexits where one fits.
pub mod exit {
    /// The command line was wrong (clap uses 2 too).
    pub const USAGE: i32 = 2;
    /// A file the user wrote is invalid.
    pub const INVALID_INPUT: i32 = 65;
    /// A file could not be read.
    pub const NO_INPUT: i32 = 66;
    /// A bug in samskap.
    pub const INTERNAL: i32 = 70;
    /// An output could not be written, or would overwrite a file.
    pub const CANNOT_WRITE: i32 = 73;
}

/// Everything that can go wrong.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The command line asks for something that cannot be done.
    #[error("{message}")]
    Usage {
        /// What is wrong.
        message: String,
        /// How to fix it.
        hint: Option<String>,
    },
    /// One or more problems in files the user wrote.
    #[error("{}", render_all(.0))]
    Invalid(Vec<Diagnostic>),
    /// A file could not be read.
    #[error("cannot read `{}`: {}", .path.display(), crate::fs::describe_io(.source))]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        source: io::Error,
    },
    /// A file could not be written.
    #[error("cannot write `{}`: {}", .path.display(), crate::fs::describe_io(.source))]
    Write {
        /// The file.
        path: PathBuf,
        /// Why.
        source: io::Error,
    },
    /// Writing would overwrite files that already exist.
    #[error("{} already exist{}: {}", plural(.0.len()), if .0.len() == 1 { "s" } else { "" }, list_paths(.0))]
    Exists(Vec<PathBuf>),
    /// Writing would replace files samskap wrote that someone changed since.
    #[error("{} {} changed since samskap wrote {}", list_paths(.0), if .0.len() == 1 { "was" } else { "were" }, if .0.len() == 1 { "it" } else { "them" })]
    Changed(Vec<PathBuf>),
    /// A folder that must be empty is not.
    #[error("the folder `{}` is not empty", .0.display())]
    NotEmpty(PathBuf),
    /// Something that should not happen: a bug in samskap.
    #[error("internal error: {0}")]
    Internal(String),
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "a file" } else { "files" }
}

fn list_paths(paths: &[PathBuf]) -> String {
    paths
        .iter()
        .map(|p| format!("`{}`", p.display()))
        .collect::<Vec<_>>()
        .join(", ")
}

fn render_all(diagnostics: &[Diagnostic]) -> String {
    let mut out = diagnostics
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n\n");
    if diagnostics.len() > 1 {
        out.push_str(&format!("\n\n{} problems found", diagnostics.len()));
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

    /// The process exit code for this error.
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Usage { .. } => exit::USAGE,
            Error::Invalid(_) => exit::INVALID_INPUT,
            Error::Read { .. } => exit::NO_INPUT,
            Error::Write { .. } | Error::Exists(_) | Error::Changed(_) | Error::NotEmpty(_) => {
                exit::CANNOT_WRITE
            }
            Error::Internal(_) => exit::INTERNAL,
        }
    }

    /// Advice printed under the message, if any.
    pub fn hint(&self) -> Option<String> {
        match self {
            Error::Usage { hint, .. } => hint.clone(),
            Error::Exists(_) => Some(
                "samskap never overwrites files you have; move them away, or add --force to replace them"
                    .into(),
            ),
            Error::Changed(_) => Some(
                "to keep your version (say, the report you edited in Word), copy it out of the folder and build again; or add --force to replace it"
                    .into(),
            ),
            Error::NotEmpty(_) => Some(
                "choose a new or empty folder, or add --force to add only the files that are missing (no existing file is changed)"
                    .into(),
            ),
            Error::Read { source, .. } if source.kind() == io::ErrorKind::NotFound => {
                Some("check the path; it is relative to the folder you run samskap in".into())
            }
            Error::Internal(_) => Some(
                "this is a bug in samskap; please report it with the command you ran".into(),
            ),
            _ => None,
        }
    }

    /// The whole message as printed on standard error.
    pub fn render(&self) -> String {
        match self {
            Error::Invalid(_) => self.to_string(),
            _ => match self.hint() {
                Some(hint) => format!("error: {self}\n  = hint: {hint}"),
                None => format!("error: {self}"),
            },
        }
    }
}

/// The result type of samskap.
pub type Result<T, E = Error> = std::result::Result<T, E>;

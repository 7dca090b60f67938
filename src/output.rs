//! Writing results to standard output. A closed pipe (`samskap … | head`)
//! ends the output quietly instead of failing.

use std::io::{self, Write};

use crate::error::{Error, Result};
use crate::i18n::{msg, ui};

/// Writes a message line to standard error. A closed standard error is
/// no reason to fail (or, as `eprintln!` would, to panic).
#[macro_export]
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

/// Prints `text` to standard output.
pub fn print(text: &str) -> Result<()> {
    print_bytes(text.as_bytes())
}

/// Writes bytes to standard output.
fn print_bytes(bytes: &[u8]) -> Result<()> {
    let mut out = io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        Err(source) => Err(Error::Write {
            path: "<standard output>".into(),
            source,
        }),
        Ok(()) => Ok(()),
    }
}

/// Writes a document to `path` (atomically, never over an existing file
/// unless `force`), or to standard output when there is no path.
pub fn deliver(bytes: &[u8], path: Option<&std::path::Path>, force: bool) -> Result<()> {
    match path {
        // A Word file is no use on a terminal screen.
        None if bytes.starts_with(b"PK\x03\x04") && io::IsTerminal::is_terminal(&io::stdout()) => {
            Err(Error::usage(
                msg::output_docx_on_terminal(ui()),
                msg::output_docx_on_terminal_hint(ui()),
            ))
        }
        None => print_bytes(bytes),
        Some(path) if path.is_dir() => Err(Error::usage(
            msg::output_is_a_folder(ui(), path.display()),
            msg::output_is_a_folder_hint(ui()),
        )),
        Some(path) => {
            let overwrite = if force {
                crate::fs::Overwrite::Allowed
            } else {
                crate::fs::Overwrite::Never
            };
            crate::fs::write(path, bytes, overwrite)?;
            crate::say!("{}", path.display());
            Ok(())
        }
    }
}

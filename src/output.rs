//! Writing results to standard output. A closed pipe (`samskap … | head`)
//! ends the output quietly instead of failing.

use std::io::{self, Write};

use crate::error::{Error, Result};

/// Prints `text` to standard output.
pub fn print(text: &str) -> Result<()> {
    let mut out = io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
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
pub fn deliver(text: &str, path: Option<&std::path::Path>, force: bool) -> Result<()> {
    match path {
        None => print(text),
        Some(path) => {
            let overwrite = if force {
                crate::fs::Overwrite::Allowed
            } else {
                crate::fs::Overwrite::Never
            };
            crate::fs::write(path, text.as_bytes(), overwrite)?;
            eprintln!("{}", path.display());
            Ok(())
        }
    }
}

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

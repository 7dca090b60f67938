//! File helpers: every error names its path, text is checked to be UTF-8
//! with the place of the first bad byte, and every write is atomic (a
//! temporary file renamed into place) and refuses to replace a file unless
//! asked to.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::diagnostic::Diagnostic;
use crate::error::{Error, Result};

/// Reads a file as bytes.
pub fn read(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|source| Error::Read {
        path: path.to_owned(),
        source,
    })
}

/// Turns bytes into text, or says where the first byte that is not UTF-8 is.
/// A byte-order mark (Windows Notepad writes one) is dropped.
pub fn utf8(display: &str, mut bytes: Vec<u8>) -> Result<String> {
    if bytes.starts_with(b"\xef\xbb\xbf") {
        bytes.drain(..3);
    }
    String::from_utf8(bytes).map_err(|err| {
        let good = &err.as_bytes()[..err.utf8_error().valid_up_to()];
        let before = String::from_utf8_lossy(good);
        let line = before.matches('\n').count() + 1;
        let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        let text = String::from_utf8_lossy(err.as_bytes());
        Error::Invalid(vec![
            Diagnostic::at(
                display,
                &text,
                u32::try_from(line).unwrap_or(u32::MAX),
                u32::try_from(col).unwrap_or(u32::MAX),
                crate::i18n::msg::not_utf8(crate::i18n::ui()),
            )
            .with_hint(crate::i18n::msg::not_utf8_hint(crate::i18n::ui())),
        ])
    })
}

/// An I/O error in words people know ("there is no such file").
pub fn describe_io(err: &std::io::Error, lang: crate::workbook::Lang) -> String {
    use crate::i18n::msg;
    match err.kind() {
        std::io::ErrorKind::NotFound => msg::io_not_found(lang).to_owned(),
        std::io::ErrorKind::PermissionDenied => msg::io_permission_denied(lang).to_owned(),
        std::io::ErrorKind::IsADirectory => msg::io_is_a_folder(lang).to_owned(),
        std::io::ErrorKind::NotADirectory => msg::io_not_a_folder(lang).to_owned(),
        std::io::ErrorKind::StorageFull | std::io::ErrorKind::QuotaExceeded => {
            msg::io_disk_full(lang).to_owned()
        }
        std::io::ErrorKind::ReadOnlyFilesystem => msg::io_read_only(lang).to_owned(),
        std::io::ErrorKind::FileTooLarge => msg::io_too_large(lang).to_owned(),
        std::io::ErrorKind::InvalidFilename => msg::io_bad_name(lang).to_owned(),
        _ => msg::io_other(lang, err),
    }
}

/// Why a folder cannot be entered (`-C DIR`), in words people know.
pub fn describe_folder_io(err: &std::io::Error, lang: crate::workbook::Lang) -> String {
    use crate::i18n::msg;
    match err.kind() {
        std::io::ErrorKind::NotFound => msg::io_no_such_folder(lang).to_owned(),
        std::io::ErrorKind::NotADirectory => msg::io_is_a_file(lang).to_owned(),
        _ => describe_io(err, lang),
    }
}

/// Reads a UTF-8 text file.
pub fn read_text(path: &Path) -> Result<String> {
    utf8(&path.display().to_string(), read(path)?)
}

/// FNV-1a, 64 bits: a fingerprint stable across versions and platforms
/// (std's hasher is neither), for telling files and names apart.
#[must_use]
pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// Whether to replace a file that is already there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Overwrite {
    /// Keep the existing file: writing fails.
    Never,
    /// Replace it (the user said `--force`).
    Allowed,
    /// Replace it: the file is a generated document that samskap can make
    /// again (`build`'s output), so it is not synced to disk one by one.
    Generated,
}

/// Writes `contents` to `path` atomically: readers see the old file or the
/// new one, never half of it. Creates missing parent folders.
pub fn write(path: &Path, contents: &[u8], overwrite: Overwrite) -> Result<()> {
    let write_err = |source| Error::Write {
        path: path.to_owned(),
        source,
    };
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    };
    // A file where a folder of the path should be: "exists" on Linux.
    std::fs::create_dir_all(&dir).map_err(|e| match e.kind() {
        std::io::ErrorKind::AlreadyExists => write_err(std::io::ErrorKind::NotADirectory.into()),
        _ => write_err(e),
    })?;
    sweep(&dir);
    let mut builder = tempfile::Builder::new();
    builder.prefix(TEMP_PREFIX).suffix(".tmp");
    // Temporary files are private (0600); what samskap writes is shared
    // with the team like any document (0644, less the umask).
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o644));
    let mut temp = builder.tempfile_in(&dir).map_err(write_err)?;
    temp.write_all(contents).map_err(write_err)?;
    // What people wrote must survive a crash; what a build made can be made
    // again, and syncing each of its files would double the build's time.
    if overwrite != Overwrite::Generated {
        temp.as_file().sync_all().map_err(write_err)?;
    }
    match overwrite {
        Overwrite::Allowed | Overwrite::Generated => {
            temp.persist(path).map(drop).map_err(|e| write_err(e.error))
        }
        // persist_noclobber refuses atomically if the file appeared meanwhile.
        Overwrite::Never => temp.persist_noclobber(path).map(drop).map_err(|e| {
            if e.error.kind() == std::io::ErrorKind::AlreadyExists {
                Error::Exists(vec![path.to_owned()])
            } else {
                write_err(e.error)
            }
        }),
    }
}

/// How the temporary files of writes start: a sprint's `.gitignore`
/// covers the name, and records are only read from `.md` and `.yaml` files.
pub const TEMP_PREFIX: &str = ".samskap-tmp-";

/// How old a temporary file must be to be taken for one a stopped write
/// left behind, not one another samskap is writing now.
const STALE: std::time::Duration = std::time::Duration::from_secs(60);

/// Removes the temporary files a write that was stopped (`kill -9`, a
/// power cut) left in `dir`: once per folder and run.
fn sweep(dir: &Path) {
    static SWEPT: std::sync::Mutex<Vec<PathBuf>> = std::sync::Mutex::new(Vec::new());
    let Ok(mut swept) = SWEPT.lock() else {
        return;
    };
    if swept.iter().any(|d| d == dir) {
        return;
    }
    swept.push(dir.to_owned());
    drop(swept);
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.filter_map(std::result::Result::ok) {
        let stale = entry
            .metadata()
            .ok()
            .and_then(|m| m.modified().ok())
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > STALE);
        if stale && entry.file_name().to_string_lossy().starts_with(TEMP_PREFIX) {
            // Gone already, or not ours to remove: either way not an error.
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Fails with [`Error::Exists`] naming every one of `paths` that exists,
/// so that a command writing several files writes none of them.
pub fn ensure_absent(paths: &[PathBuf]) -> Result<()> {
    let existing: Vec<PathBuf> = paths.iter().filter(|p| p.exists()).cloned().collect();
    if existing.is_empty() {
        Ok(())
    } else {
        Err(Error::Exists(existing))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn io_errors_are_told_in_the_language_asked_never_in_the_systems_english() {
        use crate::workbook::Lang;
        use std::io::{Error, ErrorKind};
        let kinds = [
            ErrorKind::NotFound,
            ErrorKind::PermissionDenied,
            ErrorKind::IsADirectory,
            ErrorKind::NotADirectory,
            ErrorKind::StorageFull,
            ErrorKind::ReadOnlyFilesystem,
            ErrorKind::FileTooLarge,
            ErrorKind::InvalidFilename,
        ];
        for kind in kinds {
            let err = Error::from(kind);
            let english = err.to_string();
            for lang in [Lang::Nb, Lang::Nn] {
                let told = describe_io(&err, lang);
                assert!(!told.contains(&english), "{kind:?} {lang:?}: {told}");
                assert_ne!(told, describe_io(&err, Lang::En), "{kind:?} {lang:?}");
            }
        }
        assert_eq!(
            describe_io(&Error::from(ErrorKind::NotADirectory), Lang::Nn),
            "ein del av stien er ei fil, ikkje ei mappe"
        );
        assert_eq!(
            describe_folder_io(&Error::from(ErrorKind::NotFound), Lang::Nn),
            "mappa finst ikkje"
        );
        // What samskap has no words for is framed as the system's own.
        let odd = Error::from(ErrorKind::TimedOut);
        assert_eq!(
            describe_io(&odd, Lang::Nb),
            format!("operativsystemet sier: «{odd}»")
        );
    }

    #[test]
    fn a_file_where_a_folder_of_the_path_should_be_is_named_as_such() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("f");
        std::fs::write(&file, "x").unwrap();
        let err = write(&file.join("a.md"), b"y", Overwrite::Never).unwrap_err();
        let Error::Write { source, .. } = err else {
            panic!("a write error");
        };
        assert_eq!(source.kind(), std::io::ErrorKind::NotADirectory);
    }

    #[test]
    fn fnv1a_matches_published_vectors() {
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn points_at_first_bad_byte() {
        let Err(Error::Invalid(d)) = utf8("x.yaml", b"a: 1\nb: \xff\n".to_vec()) else {
            panic!("expected invalid")
        };
        assert_eq!((d[0].line, d[0].col), (2, 4));
    }

    #[test]
    fn stale_temporary_files_are_removed_on_the_next_write() {
        let dir = tempfile::tempdir().unwrap();
        let stale = dir.path().join(format!("{TEMP_PREFIX}abc.tmp"));
        std::fs::write(&stale, b"half").unwrap();
        let old = std::time::SystemTime::now() - STALE * 2;
        std::fs::File::options()
            .write(true)
            .open(&stale)
            .unwrap()
            .set_modified(old)
            .unwrap();
        let fresh = dir.path().join(format!("{TEMP_PREFIX}def.tmp"));
        std::fs::write(&fresh, b"being written").unwrap();
        write(&dir.path().join("a.md"), b"one", Overwrite::Never).unwrap();
        assert!(!stale.exists());
        assert!(
            fresh.exists(),
            "another run's write in progress is left alone"
        );
    }

    #[test]
    fn never_overwrites_without_force() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        write(&path, b"one", Overwrite::Never).unwrap();
        assert!(matches!(
            write(&path, b"two", Overwrite::Never),
            Err(Error::Exists(_))
        ));
        assert_eq!(std::fs::read(&path).unwrap(), b"one");
        write(&path, b"three", Overwrite::Allowed).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"three");
    }
}

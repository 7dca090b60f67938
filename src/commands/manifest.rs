//! What a build wrote into its output folder, and each file's fingerprint,
//! kept in `.samskap-build` there. The next build may replace or remove a
//! file it wrote, but only while nobody has changed it: leaders are meant
//! to edit `report.docx`, and an edited copy left in `out/` must survive.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::error::Result;
use crate::fs::{self, Overwrite};

/// The manifest's file name, in the output folder.
pub const FILE: &str = ".samskap-build";

/// What one file in the output folder is to the build.
#[derive(Debug, PartialEq, Eq)]
pub enum Standing {
    /// Not there.
    Absent,
    /// Written by samskap and unchanged since.
    Ours,
    /// Written by samskap, changed since (or not written by samskap).
    Theirs,
}

/// The files the last build wrote, with their fingerprints.
#[derive(Debug, Default)]
pub struct Manifest {
    /// Path in the folder → fingerprint; `None` for manifests of older
    /// versions, which kept names only.
    files: BTreeMap<String, Option<u64>>,
}

impl Manifest {
    /// The manifest in `out`, empty when there is none.
    pub fn read(out: &Path) -> Manifest {
        let text = std::fs::read_to_string(out.join(FILE)).unwrap_or_default();
        let files = text
            .lines()
            .filter(|l| !l.is_empty())
            .map(|line| match line.split_once('\t') {
                Some((path, print)) => (path.to_owned(), u64::from_str_radix(print, 16).ok()),
                None => (line.to_owned(), None),
            })
            .collect();
        Manifest { files }
    }

    /// What `path` (relative to `out`) is.
    pub fn standing(&self, out: &Path, path: &Path) -> Standing {
        let full = out.join(path);
        if !full.exists() {
            return Standing::Absent;
        }
        match self.files.get(&key(path)) {
            None => Standing::Theirs,
            Some(None) => Standing::Ours,
            Some(Some(print)) => match std::fs::read(&full) {
                Ok(bytes) if fingerprint(&bytes) == *print => Standing::Ours,
                _ => Standing::Theirs,
            },
        }
    }

    /// The files this manifest lists that are not among `now`: pages of a
    /// group since removed, say.
    pub fn gone(&self, now: &[PathBuf]) -> Vec<PathBuf> {
        let now: Vec<String> = now.iter().map(|p| key(p)).collect();
        self.files
            .keys()
            .filter(|k| !now.contains(k))
            .map(PathBuf::from)
            .collect()
    }

    /// Writes the manifest of `files` (paths relative to `out`) into `out`.
    pub fn write(out: &Path, files: &[(&Path, &[u8])]) -> Result<()> {
        let text: String = files
            .iter()
            .map(|(path, bytes)| format!("{}\t{:016x}\n", key(path), fingerprint(bytes)))
            .collect();
        fs::write(&out.join(FILE), text.as_bytes(), Overwrite::Allowed)
    }
}

/// How a path stands in the manifest: with `/`, whatever the system.
fn key(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

/// FNV-1a, 64 bits: stable across versions and platforms (unlike std's
/// hasher), and enough to tell an edited file from the one written.
fn fingerprint(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_are_fnv1a() {
        // Published test vectors of FNV-1a 64.
        assert_eq!(fingerprint(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fingerprint(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fingerprint(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn edited_files_are_theirs() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path();
        std::fs::write(out.join("a.html"), "a").unwrap();
        std::fs::write(out.join("b.html"), "b").unwrap();
        Manifest::write(
            out,
            &[
                (Path::new("a.html"), b"a".as_slice()),
                (Path::new("b.html"), b"b".as_slice()),
            ],
        )
        .unwrap();
        std::fs::write(out.join("b.html"), "edited").unwrap();
        std::fs::write(out.join("c.html"), "mine").unwrap();
        let manifest = Manifest::read(out);
        assert_eq!(manifest.standing(out, Path::new("a.html")), Standing::Ours);
        assert_eq!(
            manifest.standing(out, Path::new("b.html")),
            Standing::Theirs
        );
        assert_eq!(
            manifest.standing(out, Path::new("c.html")),
            Standing::Theirs
        );
        assert_eq!(
            manifest.standing(out, Path::new("d.html")),
            Standing::Absent
        );
        assert_eq!(
            manifest.gone(&[PathBuf::from("a.html")]),
            vec![PathBuf::from("b.html")]
        );
    }

    #[test]
    fn manifests_of_older_versions_list_names_only() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path();
        std::fs::write(out.join("a.html"), "anything").unwrap();
        std::fs::write(out.join(FILE), "a.html\n").unwrap();
        let manifest = Manifest::read(out);
        assert_eq!(manifest.standing(out, Path::new("a.html")), Standing::Ours);
    }
}

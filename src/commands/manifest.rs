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
    /// Written by samskap and changed since by someone.
    Changed,
    /// Not written by samskap.
    Theirs,
}

/// What the manifest knows of a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Print {
    /// The fingerprint of what build wrote.
    Known(u64),
    /// Listed by an older version, which kept names only.
    Unknown,
    /// Listed with something that is no fingerprint: someone edited the
    /// manifest, so the file is not taken for samskap's.
    Spoilt,
}

/// The files the last build wrote, with their fingerprints.
#[derive(Debug, Default)]
pub struct Manifest {
    /// File name in the folder → what is known of it.
    files: BTreeMap<String, Print>,
}

impl Manifest {
    /// The manifest in `out`, empty when there is none.
    pub fn read(out: &Path) -> Manifest {
        let text = std::fs::read_to_string(out.join(FILE)).unwrap_or_default();
        let files = text
            .lines()
            .map(|line| match line.split_once('\t') {
                Some((name, print)) => (
                    name,
                    u64::from_str_radix(print, 16).map_or(Print::Spoilt, Print::Known),
                ),
                None => (line, Print::Unknown),
            })
            // A site's files stand directly in the folder: a name with a
            // folder in it (`../progress.yaml`) was not written by build.
            .filter(|(name, _)| is_plain_name(name))
            .map(|(name, print)| (name.to_owned(), print))
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
            Some(Print::Spoilt) => Standing::Changed,
            // As earlier versions did: their files are replaced.
            Some(Print::Unknown) => Standing::Ours,
            Some(Print::Known(print)) => match std::fs::read(&full) {
                Ok(bytes) if fingerprint(&bytes) == *print => Standing::Ours,
                _ => Standing::Changed,
            },
        }
    }

    /// Removes the files this manifest lists that are not among `now` (the
    /// pages of a group since removed, say), if they are unchanged since
    /// build wrote them. A file listed without a fingerprint is kept: there
    /// is no telling whether someone changed it. Returns how many went.
    pub fn remove_gone(&self, out: &Path, now: &[PathBuf]) -> Result<usize> {
        let mut removed = 0;
        for path in self.gone(now) {
            let known = matches!(self.files.get(&key(&path)), Some(Print::Known(_)));
            if known && self.standing(out, &path) == Standing::Ours {
                let full = out.join(&path);
                std::fs::remove_file(&full)
                    .map_err(|source| crate::error::Error::Write { path: full, source })?;
                removed += 1;
            }
        }
        Ok(removed)
    }

    /// The files this manifest lists that are not among `now`.
    fn gone(&self, now: &[PathBuf]) -> Vec<PathBuf> {
        let now: Vec<String> = now.iter().map(|p| key(p)).collect();
        self.files
            .keys()
            .filter(|k| !now.contains(k))
            .map(PathBuf::from)
            .collect()
    }

    /// Writes the manifest of `files` (paths relative to `out`, with their
    /// [`fingerprint`]s) into `out`.
    pub fn write(out: &Path, files: &[(&Path, u64)]) -> Result<()> {
        let text: String = files
            .iter()
            .map(|(path, print)| format!("{}\t{print:016x}\n", key(path)))
            .collect();
        fs::write(&out.join(FILE), text.as_bytes(), Overwrite::Allowed)
    }
}

/// How a path stands in the manifest.
fn key(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

/// Whether `name` is a file name alone: no folder, no `..`, no root.
fn is_plain_name(name: &str) -> bool {
    let mut parts = Path::new(name).components();
    matches!(
        (parts.next(), parts.next()),
        (Some(std::path::Component::Normal(_)), None)
    )
}

/// Tells an edited file from the one build wrote.
pub fn fingerprint(bytes: &[u8]) -> u64 {
    crate::fs::fnv1a(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_files_build_could_have_written_are_listed() {
        for name in ["report.md", "agenda-gruppe-1.html"] {
            assert!(is_plain_name(name), "{name}");
        }
        for name in ["../progress.yaml", "/etc/passwd", "a/b.html", "", ".."] {
            assert!(!is_plain_name(name), "{name}");
        }
    }

    #[test]
    fn nothing_outside_the_folder_nor_unfingerprinted_is_removed() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        std::fs::create_dir_all(&out).unwrap();
        std::fs::write(dir.path().join("progress.yaml"), "done: []").unwrap();
        std::fs::write(out.join("old.html"), "old").unwrap();
        std::fs::write(out.join("edited.md"), "mine").unwrap();
        std::fs::write(
            out.join(FILE),
            "../progress.yaml\nold.html\nedited.md\tnot-hex\n",
        )
        .unwrap();
        let manifest = Manifest::read(&out);
        assert_eq!(manifest.remove_gone(&out, &[]).unwrap(), 0);
        assert!(dir.path().join("progress.yaml").exists());
        assert!(out.join("old.html").exists());
        assert_eq!(
            manifest.standing(&out, Path::new("edited.md")),
            Standing::Changed
        );
    }

    #[test]
    fn edited_files_are_changed_and_others_theirs() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path();
        std::fs::write(out.join("a.html"), "a").unwrap();
        std::fs::write(out.join("b.html"), "b").unwrap();
        Manifest::write(
            out,
            &[
                (Path::new("a.html"), fingerprint(b"a")),
                (Path::new("b.html"), fingerprint(b"b")),
            ],
        )
        .unwrap();
        std::fs::write(out.join("b.html"), "edited").unwrap();
        std::fs::write(out.join("c.html"), "mine").unwrap();
        let manifest = Manifest::read(out);
        assert_eq!(manifest.standing(out, Path::new("a.html")), Standing::Ours);
        assert_eq!(
            manifest.standing(out, Path::new("b.html")),
            Standing::Changed
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
        // b.html was edited: it stays; an unchanged page no longer made goes.
        assert_eq!(manifest.remove_gone(out, &[]).unwrap(), 1);
        assert!(!out.join("a.html").exists());
        assert!(out.join("b.html").exists());
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

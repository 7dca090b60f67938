//! The one way integration tests run samskap: the real binary, in a folder
//! of the test's choosing, with stdout, stderr, exit code and files checked.

#![allow(dead_code)]

use std::ops::Deref;
use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// The result of one run.
pub struct Run {
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
    /// The exit code.
    pub code: i32,
}

impl Run {
    /// Fails unless the exit code is `code`; returns self for more checks.
    #[track_caller]
    pub fn code(self, code: i32) -> Self {
        assert_eq!(
            self.code, code,
            "exit code\n--- stdout\n{}\n--- stderr\n{}",
            self.stdout, self.stderr
        );
        assert!(
            !self.stderr.contains("panicked") && !self.stderr.contains("RUST_BACKTRACE"),
            "samskap panicked:\n{}",
            self.stderr
        );
        self
    }

    /// Fails unless the run succeeded.
    #[track_caller]
    pub fn ok(self) -> Self {
        self.code(0)
    }
}

/// Runs `samskap ARGS` in `dir` with no terminal attached. PDF printing is
/// off (SAMSKAP_BROWSER=none), so that `build` does not start a browser in
/// every test; tests of PDF turn it on with [`samskap_env`].
pub fn samskap_in(dir: &Path, args: &[&str]) -> Run {
    samskap_env(dir, args, &[("SAMSKAP_BROWSER", "none")])
}

/// Runs `samskap ARGS` in `dir` with `env` set (an empty value removes the
/// variable).
pub fn samskap_env(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut command = Command::cargo_bin("samskap").expect("binary built");
    command
        .current_dir(dir)
        .args(args)
        .env_remove("RUST_BACKTRACE")
        // The language must not depend on the machine the tests run on.
        .env_remove("SAMSKAP_LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .env_remove("SAMSKAP_BROWSER");
    for (key, value) in env {
        if value.is_empty() {
            command.env_remove(key);
        } else {
            command.env(key, value);
        }
    }
    let output = command.output().expect("samskap runs");
    Run {
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        code: output.status.code().unwrap_or(-1),
    }
}

/// Runs `samskap ARGS` in the repository's root.
pub fn samskap(args: &[&str]) -> Run {
    samskap_in(&root(), args)
}

/// The repository's root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A fixture folder under tests/fixtures.
pub fn fixture(path: &str) -> PathBuf {
    root().join("tests/fixtures").join(path)
}

/// A copy of the folder `from` in `to` (made, with any folders above it, if
/// missing), for running commands that write into a sprint (the calendar's
/// record, say) on one kept in the repository.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("folder made");
    for entry in std::fs::read_dir(from).expect("readable dir") {
        let path = entry.expect("entry").path();
        let target = to.join(path.file_name().expect("named"));
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            std::fs::copy(&path, &target).expect("copied");
        }
    }
}

/// Every file below `dir` with its bytes, for before/after comparisons.
pub fn snapshot_tree(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).expect("readable dir") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let bytes = std::fs::read(&path).expect("readable file");
                files.push((path.strip_prefix(dir).expect("below").to_owned(), bytes));
            }
        }
    }
    files.sort();
    files
}

/// Runs an external validator (installed by scripts/install-validators.sh)
/// from the repository's root on `args` then `files`; fails the test with its
/// output unless it succeeds, and returns that output.
#[track_caller]
pub fn validator(program: &str, args: &[&str], files: &[PathBuf]) -> String {
    let output = std::process::Command::new(program)
        .args(args)
        .args(files)
        .current_dir(root())
        .output()
        .unwrap_or_else(|e| {
            panic!("{program} runs (install with scripts/install-validators.sh): {e}")
        });
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        output.status.success(),
        "{program} {args:?} found problems:\n{text}"
    );
    text
}

/// The HTML files directly in `dir`, sorted.
pub fn html_files(dir: &Path) -> Vec<PathBuf> {
    let mut html: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "html"))
        .collect();
    html.sort();
    html
}

/// Runs vnu and axe over `files`; both must find nothing.
pub fn passes_vnu_and_axe(files: &[PathBuf]) {
    validator("tests/validators/vnu.sh", &[], files);
    let axe = validator("node", &["tests/validators/axe.mjs"], files);
    assert!(
        axe.contains(&format!("{} files checked, 0 violations", files.len())),
        "{axe}"
    );
}

/// A new sprint `ws` in `dir` (two groups, starting 2027-01-04), made by
/// `new-sprint` without questions; returns its folder.
pub fn new_sprint(dir: &Path) -> PathBuf {
    samskap_in(
        dir,
        &[
            "new-sprint",
            "ws",
            "--yes",
            "--start",
            "2027-01-04",
            "--groups",
            "2",
            "--members",
            "Kari, Ola",
        ],
    )
    .ok();
    dir.join("ws")
}

/// Writes `yaml` as group 1's `solutions.yaml` in the sprint `ws`;
/// returns the file.
pub fn write_solutions(ws: &Path, yaml: &str) -> PathBuf {
    let file = ws.join("groups/gruppe-1/solutions.yaml");
    std::fs::create_dir_all(file.parent().expect("a folder")).expect("folder made");
    std::fs::write(&file, yaml).expect("solutions written");
    file
}

/// A valid fødselsnummer (or D-number, with 40 added to the day) for
/// `ddmmyy`, computed here, apart from the code under test.
pub fn birth_number(ddmmyy: &str) -> String {
    let weights1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
    let weights2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
    (0..1000)
        .find_map(|i| {
            let mut d: Vec<u32> = format!("{ddmmyy}{i:03}")
                .chars()
                .map(|c| c.to_digit(10).unwrap())
                .collect();
            for w in [&weights1[..], &weights2[..]] {
                let k = (11 - d.iter().zip(w).map(|(d, w)| d * w).sum::<u32>() % 11) % 11;
                if k == 10 {
                    return None;
                }
                d.push(k);
            }
            Some(d.iter().map(u32::to_string).collect())
        })
        .unwrap()
}

/// `value` as a YAML double-quoted string.
pub fn quoted(value: &str) -> String {
    format!(
        "\"{}\"",
        value
            .replace('\\', "\\\\")
            .replace('"', "\\\"")
            .replace('\n', "\\n")
    )
}

/// Opens `files` in Chromium on a 375-px-wide phone and in print on A4:
/// no element may reach past the page's right edge.
pub fn fits_a_phone_and_a4(files: &[PathBuf]) {
    let out = validator("node", &["tests/validators/layout.mjs"], files);
    assert!(
        out.contains(&format!("{} files checked, 0 too wide", files.len())),
        "{out}"
    );
}

/// Makes the sprint in `ws` one that measures nothing: `measures: []` in its
/// `samskap.yaml`, and no figures in its groups' solutions.
pub fn without_measures(ws: &Path) {
    let sprint = ws.join("samskap.yaml");
    let mut yaml = std::fs::read_to_string(&sprint).unwrap();
    yaml.push_str("measures: []\n");
    std::fs::write(&sprint, yaml).unwrap();
    for group in std::fs::read_dir(ws.join("groups")).unwrap() {
        let path = group.unwrap().path().join("solutions.yaml");
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        // A figure is a line under `measures:` indented deeper than it.
        let mut kept = Vec::new();
        let mut under: Option<usize> = None;
        for line in text.lines() {
            let indent = line.len() - line.trim_start().len();
            if under.is_some_and(|i| indent > i) {
                continue;
            }
            under = (line.trim() == "measures:").then_some(indent);
            if under.is_none() {
                kept.push(line);
            }
        }
        std::fs::write(&path, kept.join("\n") + "\n").unwrap();
    }
}

/// A sprint of the test's own in a fresh temporary folder, removed when the
/// value is dropped. It derefs to the sprint's folder, so `&sprint` passes
/// as a `&Path` and `sprint.join(…)` names a file in it.
pub struct Sprint {
    dir: tempfile::TempDir,
    path: PathBuf,
}

impl Sprint {
    /// A copy of `examples/NAME` as the folder `NAME` in a fresh temporary
    /// folder.
    pub fn example(name: &str) -> Self {
        Self::example_as(name, name)
    }

    /// A copy of `examples/NAME` as the folder `folder` in a fresh temporary
    /// folder.
    pub fn example_as(name: &str, folder: &str) -> Self {
        let dir = tempfile::tempdir().expect("temporary folder");
        let path = dir.path().join(folder);
        copy_dir(&root().join("examples").join(name), &path);
        Self { dir, path }
    }

    /// The sprint [`new_sprint`] makes (`ws`, two groups, from 2027-01-04)
    /// in a fresh temporary folder.
    pub fn new_sprint() -> Self {
        let dir = tempfile::tempdir().expect("temporary folder");
        let path = new_sprint(dir.path());
        Self { dir, path }
    }

    /// The sprint that `samskap ARGS` makes in a fresh temporary folder:
    /// `args` holds `new-sprint FOLDER` (after any global options), and the
    /// run must succeed. Also returns the run, for checks of what it said.
    #[track_caller]
    pub fn made(args: &[&str]) -> (Self, Run) {
        let dir = tempfile::tempdir().expect("temporary folder");
        let run = samskap_in(dir.path(), args).ok();
        let folder = args
            .iter()
            .position(|a| *a == "new-sprint")
            .and_then(|i| args.get(i + 1))
            .expect("new-sprint FOLDER in the arguments");
        let path = dir.path().join(folder);
        (Self { dir, path }, run)
    }

    /// The temporary folder the sprint is in (for other sprints or output
    /// beside it).
    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    /// The sprint's folder.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The text of the file `file` in the sprint.
    #[track_caller]
    pub fn read(&self, file: &str) -> String {
        std::fs::read_to_string(self.path.join(file))
            .unwrap_or_else(|e| panic!("{file} readable: {e}"))
    }

    /// Writes `text` as the file `file` in the sprint, making its folders;
    /// returns the file's path.
    #[track_caller]
    pub fn write(&self, file: &str, text: &str) -> PathBuf {
        let path = self.path.join(file);
        std::fs::create_dir_all(path.parent().expect("a folder")).expect("folder made");
        std::fs::write(&path, text).unwrap_or_else(|e| panic!("{file} written: {e}"));
        path
    }

    /// Rewrites the file `file` in the sprint as `change` makes its text.
    #[track_caller]
    pub fn edit(&self, file: &str, change: impl FnOnce(String) -> String) -> &Self {
        let text = change(self.read(file));
        self.write(file, &text);
        self
    }

    /// Rewrites samskap.yaml as `change` makes its text.
    #[track_caller]
    pub fn edit_yaml(&self, change: impl FnOnce(String) -> String) -> &Self {
        self.edit("samskap.yaml", change)
    }

    /// Replaces the first `from` in samskap.yaml by `to`; fails unless
    /// `from` is there.
    #[track_caller]
    pub fn replace(&self, from: &str, to: &str) -> &Self {
        self.edit_yaml(|text| {
            assert!(text.contains(from), "{from:?} not in samskap.yaml:\n{text}");
            text.replacen(from, to, 1)
        })
    }

    /// Sets the top-level key `key` of samskap.yaml to `value` (YAML as
    /// written): its line is replaced where it has one, else the key is
    /// appended. Only for keys whose value stands on their own line.
    #[track_caller]
    pub fn set(&self, key: &str, value: &str) -> &Self {
        let prefix = format!("{key}:");
        self.edit_yaml(|text| {
            let line = format!("{key}: {value}");
            let mut found = false;
            let mut lines: Vec<String> = text
                .lines()
                .map(|l| {
                    if !found && l.starts_with(&prefix) {
                        found = true;
                        line.clone()
                    } else {
                        l.to_owned()
                    }
                })
                .collect();
            if !found {
                lines.push(line);
            }
            lines.join("\n") + "\n"
        })
    }

    /// Runs `samskap ARGS` in the sprint's folder, as [`samskap_in`].
    pub fn run(&self, args: &[&str]) -> Run {
        samskap_in(&self.path, args)
    }

    /// Runs `samskap ARGS` in the sprint's folder with `env`, as
    /// [`samskap_env`].
    pub fn run_env(&self, args: &[&str], env: &[(&str, &str)]) -> Run {
        samskap_env(&self.path, args, env)
    }
}

impl Deref for Sprint {
    type Target = Path;

    fn deref(&self) -> &Path {
        &self.path
    }
}

impl AsRef<Path> for Sprint {
    fn as_ref(&self) -> &Path {
        &self.path
    }
}

//! Reading a workbook's files, from the binary (the built-in workbook) or
//! from disk, and turning them into a validated [`Workbook`].

use std::path::{Component, Path, PathBuf};

use include_dir::{Dir, include_dir};

use super::model::WorkbookFile;
use super::text::Loc;
use super::{Workbook, validate};
use crate::diagnostic::Diagnostic;
use crate::error::{Error, Result};
use crate::i18n::{msg, ui};
use crate::{fs, yaml};

/// The built-in workbook, embedded at build time.
static BUILTIN: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/workbook");

/// The name of a workbook's root file.
pub const ROOT_FILE: &str = "workbook.yaml";

/// Where a workbook comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WorkbookSource {
    /// The district's workbook, embedded in samskap.
    BuiltIn,
    /// A workbook on disk: its root file, or the folder holding `workbook.yaml`.
    Path(PathBuf),
}

/// The built-in workbook's files as (relative path, contents), for export.
pub fn builtin_files() -> Vec<(&'static Path, &'static [u8])> {
    fn walk(dir: &'static Dir<'static>, out: &mut Vec<(&'static Path, &'static [u8])>) {
        out.extend(dir.files().map(|f| (f.path(), f.contents())));
        for sub in dir.dirs() {
            walk(sub, out);
        }
    }
    let mut files = Vec::new();
    walk(&BUILTIN, &mut files);
    files.sort();
    files
}

/// The files of one workbook as they were read, so that any place in them
/// can be shown with its line.
#[derive(Debug, Default)]
pub struct Sources {
    files: Vec<(String, String)>,
}

impl Sources {
    /// Records a file and returns its index for `Loc::source`.
    pub fn add(&mut self, display: String, text: String) -> u32 {
        self.files.push((display, text));
        u32::try_from(self.files.len() - 1).unwrap_or(u32::MAX)
    }

    /// A problem at `loc`.
    pub fn diagnostic(&self, loc: Loc, message: impl Into<String>) -> Diagnostic {
        match self.files.get(loc.source as usize) {
            Some((name, text)) => Diagnostic::at(name, text, loc.line, loc.col, message),
            None => Diagnostic::file("<workbook>", message),
        }
    }

    /// The text of a source.
    pub fn text(&self, source: u32) -> &str {
        self.files
            .get(source as usize)
            .map_or("", |(_, text)| text.as_str())
    }

    /// Where `needle` is first written at or after `from` in the same file
    /// (a placeholder inside a text whose start is `from`).
    pub fn find_after(&self, from: Loc, needle: &str) -> Option<Loc> {
        let text = self.text(from.source);
        let line_start: usize = text
            .split_inclusive('\n')
            .take((from.line as usize).saturating_sub(1))
            .map(str::len)
            .sum();
        let start = text[line_start..]
            .char_indices()
            .nth((from.col as usize).saturating_sub(1))
            .map_or(line_start, |(i, _)| line_start + i);
        let at = start + text.get(start..)?.find(needle)?;
        let before = &text[..at];
        let line = before.matches('\n').count() + 1;
        let col = before[before.rfind('\n').map_or(0, |i| i + 1)..]
            .chars()
            .count()
            + 1;
        Some(Loc {
            source: from.source,
            line: u32::try_from(line).unwrap_or(u32::MAX),
            col: u32::try_from(col).unwrap_or(u32::MAX),
        })
    }

    /// The display name of a source.
    pub fn name(&self, source: u32) -> &str {
        self.files
            .get(source as usize)
            .map_or("<workbook>", |(name, _)| name.as_str())
    }
}

/// Where the files are read from.
enum Origin {
    BuiltIn,
    Disk { dir: PathBuf, root: PathBuf },
}

impl Origin {
    fn new(source: &WorkbookSource) -> Self {
        match source {
            WorkbookSource::BuiltIn => Origin::BuiltIn,
            WorkbookSource::Path(path) if path.is_dir() => Origin::Disk {
                dir: path.clone(),
                root: path.join(ROOT_FILE),
            },
            WorkbookSource::Path(path) => Origin::Disk {
                dir: path.parent().map(Path::to_owned).unwrap_or_default(),
                root: path.clone(),
            },
        }
    }

    fn display(&self, relative: &str) -> String {
        match self {
            Origin::BuiltIn => format!("<built-in>/{relative}"),
            Origin::Disk { dir, .. } => dir.join(relative).display().to_string(),
        }
    }

    fn read_root(&self) -> Result<(String, String)> {
        match self {
            Origin::BuiltIn => self.read(ROOT_FILE),
            Origin::Disk { root, .. } => {
                let display = root.display().to_string();
                let text = fs::utf8(&display, fs::read(root)?)?;
                Ok((display, text))
            }
        }
    }

    /// Reads a file named relative to the workbook's folder.
    fn read(&self, relative: &str) -> Result<(String, String)> {
        let display = self.display(relative);
        let bytes = match self {
            Origin::BuiltIn => BUILTIN
                .get_file(relative)
                .map(|f| f.contents().to_vec())
                .ok_or_else(|| Error::Read {
                    path: PathBuf::from(&display),
                    source: std::io::ErrorKind::NotFound.into(),
                })?,
            Origin::Disk { dir, .. } => fs::read(&dir.join(relative))?,
        };
        let text = fs::utf8(&display, bytes)?;
        Ok((display, text))
    }
}

/// Loads and validates a workbook, its placeholders filled with its own
/// words (a sprint fills them with its words: [`load_unfilled`]). Every
/// problem in every file is reported at once.
pub fn load(source: &WorkbookSource) -> Result<Workbook> {
    let mut wb = load_unfilled(source)?;
    let own = super::words::Words::each_language(&wb.languages, |l| {
        super::words::Words::of_workbook(&wb, l)
    });
    super::words::fill_workbook(&mut wb, &own);
    Ok(wb)
}

/// Loads and validates a workbook, leaving `{people.plural}` and the other
/// placeholders in its texts for a sprint to fill.
pub fn load_unfilled(source: &WorkbookSource) -> Result<Workbook> {
    let origin = Origin::new(source);
    let mut sources = Sources::default();
    let (display, text) = origin.read_root()?;
    let root_id = sources.add(display.clone(), text);
    let root: WorkbookFile =
        yaml::parse(&display, &sources.files[0].1, root_id).map_err(|d| Error::Invalid(vec![d]))?;

    if let Some(languages) = &root.languages {
        crate::i18n::follow_workbook(&languages.value);
    }
    if let (Origin::Disk { root: path, .. }, true) = (&origin, looks_included(&root))
        && let Some((root_file, line)) = including_root(path)
    {
        let shown = root_file.display();
        return Err(Error::Invalid(vec![
            Diagnostic::file(&display, msg::workbook_included_file(ui(), &shown, line))
                .with_hint(msg::workbook_included_file_hint(ui(), &shown)),
        ]));
    }
    let mut files = vec![(root_id, root.clone())];
    let mut problems = Vec::new();
    let mut seen = Vec::new();
    let mut read = Vec::new();
    for include in &root.include {
        if let Err(problem) = check_include_path(include, &seen) {
            problems.push(
                sources
                    .diagnostic(include.loc, problem.0)
                    .with_hint(problem.1),
            );
            continue;
        }
        seen.push(include.value.clone());
        match origin.read(&include.value) {
            Ok((display, text)) => read.push(sources.add(display, text)),
            Err(Error::Read { source, .. }) => problems.push(
                sources
                    .diagnostic(
                        include.loc,
                        msg::include_unreadable(
                            ui(),
                            &include.value,
                            crate::fs::describe_io(&source, ui()),
                        ),
                    )
                    .with_hint(msg::include_unreadable_hint(ui(), ROOT_FILE)),
            ),
            Err(Error::Invalid(mut ds)) => problems.append(&mut ds),
            Err(other) => return Err(other),
        }
    }
    let parsed = parse_all(&sources, &read);
    for (id, parsed) in read.into_iter().zip(parsed) {
        match parsed {
            Ok(file) => files.push((id, file)),
            Err(d) => problems.push(d),
        }
    }
    if !problems.is_empty() {
        return Err(Error::Invalid(problems));
    }
    validate::workbook(files, &sources).map_err(Error::Invalid)
}

/// Whether a file read as a root is rather an included one: it has none
/// of the fields only a root has.
fn looks_included(file: &WorkbookFile) -> bool {
    file.title.is_none() && file.languages.is_none() && file.include.is_empty()
}

/// The workbook.yaml in a folder above `file` whose `include` names it,
/// with the line that does.
fn including_root(file: &Path) -> Option<(PathBuf, usize)> {
    let file = file.canonicalize().ok()?;
    let mut dir = file.parent();
    for _ in 0..4 {
        let here = dir?;
        let candidate = here.join(ROOT_FILE);
        if candidate != file
            && let Ok(relative) = file.strip_prefix(here)
            && let Ok(text) = std::fs::read_to_string(&candidate)
        {
            let relative = relative.to_string_lossy().replace('\\', "/");
            let line = text.lines().position(|l| {
                let l = l.trim_start();
                (l.starts_with('-') || l.starts_with("include:")) && l.contains(relative.as_str())
            });
            if let Some(line) = line {
                // Shown as the user would type it: relative to where they are.
                let shown = std::env::current_dir()
                    .ok()
                    .and_then(|cwd| cwd.canonicalize().ok())
                    .and_then(|cwd| candidate.strip_prefix(cwd).ok().map(Path::to_owned))
                    .unwrap_or(candidate);
                return Some((shown, line + 1));
            }
        }
        dir = here.parent();
    }
    None
}

/// Parses the included files on every core: they are most of the workbook,
/// and loading it is the first thing every command does.
fn parse_all(sources: &Sources, ids: &[u32]) -> Vec<std::result::Result<WorkbookFile, Diagnostic>> {
    crate::parallel::map(ids, |&id| {
        yaml::parse::<WorkbookFile>(sources.name(id), sources.text(id), id)
    })
}

/// An include must be a relative path inside the workbook's folder, named once.
fn check_include_path(
    include: &super::text::At<String>,
    seen: &[String],
) -> std::result::Result<(), (String, String)> {
    let path = Path::new(&include.value);
    let escapes = path.is_absolute()
        || path
            .components()
            .any(|c| !matches!(c, Component::Normal(_) | Component::CurDir));
    if escapes || include.value.is_empty() {
        return Err((
            msg::include_outside(ui(), &include.value),
            msg::include_outside_hint(ui()).to_owned(),
        ));
    }
    if seen.contains(&include.value) || include.value == ROOT_FILE {
        return Err((
            msg::include_twice(ui(), &include.value),
            msg::include_twice_hint(ui()).to_owned(),
        ));
    }
    Ok(())
}

//! Records: what people write during the sprint. Interview notes and
//! evaluation notes (Markdown with YAML front matter), each group's
//! solutions, and the leaders' assessment of the co-creation model. Read
//! and checked here; rendering never changes them.

pub mod assessment;
pub mod consent;
pub mod notes;
pub mod outline;
pub mod solutions;
pub mod vocabulary;

use std::path::{Path, PathBuf};

use crate::diagnostic::Diagnostic;
use crate::error::{Error, Result};
use crate::sprint::Workspace;

pub use assessment::{ASSESSMENT_FILE, Assessment};
pub use consent::{Answer, Consent};
pub use notes::{Evaluation, Interview, Quote};
pub use solutions::{Solution, Status};

/// The file of residents' real names, so checks can find them in records.
/// It is never exported and belongs in no document.
pub const NAMES_FILE: &str = "private/names.txt";

/// Every record of a sprint, checked.
#[derive(Clone, Debug, Default)]
pub struct Records {
    /// Interview notes, by group and date.
    pub interviews: Vec<Interview>,
    /// Solutions, by group.
    pub solutions: Vec<Solution>,
    /// The leaders' assessments.
    pub assessments: Vec<Assessment>,
    /// Evaluation notes.
    pub evaluations: Vec<Evaluation>,
    /// Every record file read, relative to where samskap runs.
    pub files: Vec<PathBuf>,
}

impl Records {
    /// The interviews without consent to the interview (declined,
    /// withdrawn or still pending): never counted or quoted, and their
    /// pseudonyms kept out of every document.
    pub fn withheld(&self) -> impl Iterator<Item = &Interview> {
        self.interviews.iter().filter(|i| i.consent.withheld())
    }

    /// The interviews that count in figures: consent to the interview.
    pub fn counted(&self) -> impl Iterator<Item = &Interview> {
        self.interviews.iter().filter(|i| i.consent.counts())
    }

    /// The interviews that may be quoted: consent to quotes as well.
    pub fn quotable(&self) -> impl Iterator<Item = &Interview> {
        self.interviews.iter().filter(|i| i.consent.allows_quotes())
    }

    /// Every tag of a note that the workbook's vocabulary does not know.
    pub fn unknown_tags(&self) -> impl Iterator<Item = &Diagnostic> {
        let interviews = self.interviews.iter().flat_map(|i| &i.unknown_tags);
        interviews.chain(self.evaluations.iter().flat_map(|e| &e.unknown_tags))
    }

    /// Every record whose consent is still `pending`, at its place.
    pub fn pending(&self) -> impl Iterator<Item = &Diagnostic> {
        let interviews = self.interviews.iter().flat_map(|i| &i.pending);
        interviews.chain(self.evaluations.iter().flat_map(|e| &e.pending))
    }
}

/// The `*.md` files of a folder, sorted; none when it does not exist.
fn markdown_files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    // The entry's own type spares a stat per file; a symlink is followed.
    let mut files: Vec<PathBuf> = entries
        .filter_map(std::result::Result::ok)
        .filter(|e| {
            e.file_type()
                .is_ok_and(|t| t.is_file() || (t.is_symlink() && e.path().is_file()))
        })
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    files.sort();
    files
}

/// Every record file of the workspace, without reading them.
pub fn files(ws: &Workspace) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for group in &ws.sprint.groups {
        files.extend(markdown_files(&ws.interviews_dir(&group.id)));
        let path = ws.path(
            Path::new("groups")
                .join(&group.id)
                .join(solutions::SOLUTIONS_FILE),
        );
        if path.exists() {
            files.push(path);
        }
    }
    let path = ws.path(ASSESSMENT_FILE);
    if path.exists() {
        files.push(path);
    }
    files.extend(markdown_files(&ws.path("evaluation")));
    files
}

/// Reads and checks every record of the workspace. All problems in all
/// files are reported at once.
pub fn read(ws: &Workspace) -> Result<Records> {
    let mut records = Records::default();
    let mut problems: Vec<Diagnostic> = Vec::new();
    let mut collect = |result: Result<()>| match result {
        Ok(()) => Ok(()),
        Err(Error::Invalid(mut ds)) => {
            problems.append(&mut ds);
            Ok(())
        }
        Err(other) => Err(other),
    };
    // Interview notes are the bulk of a sprint's records: read them on every
    // core, then take the results in group order.
    for (path, result) in read_interviews(ws) {
        collect(result.map(|i| records.interviews.push(i)))?;
        records.files.push(path);
    }
    for group in &ws.sprint.groups {
        let path = ws.path(
            Path::new("groups")
                .join(&group.id)
                .join(solutions::SOLUTIONS_FILE),
        );
        if path.exists() {
            collect(
                solutions::read(ws, &group.id, &path).map(|mut s| records.solutions.append(&mut s)),
            )?;
            records.files.push(path);
        }
    }
    collect(solutions::check_unique(&records.solutions))?;
    let path = ws.path(ASSESSMENT_FILE);
    if path.exists() {
        collect(assessment::read(ws, &path).map(|a| records.assessments = a))?;
        records.files.push(path);
    }
    for path in markdown_files(&ws.path("evaluation")) {
        collect(notes::read_evaluation(ws, &path).map(|e| records.evaluations.push(e)))?;
        records.files.push(path);
    }
    if problems.is_empty() {
        records.interviews.sort_by(|a, b| {
            (&a.group, a.date, &a.pseudonym).cmp(&(&b.group, b.date, &b.pseudonym))
        });
        // The plan books appointments by these dates: known now, so it
        // need not read every note a second time.
        ws.remember_interview_dates(|| dates_of(ws, &records.interviews));
        Ok(records)
    } else {
        Err(Error::Invalid(problems))
    }
}

/// The dates of every group's readable interview notes, by group id.
pub fn interview_dates(ws: &Workspace) -> Vec<(String, Vec<chrono::NaiveDate>)> {
    let read: Vec<Interview> = read_interviews(ws)
        .into_iter()
        .filter_map(|(_, i)| i.ok())
        .collect();
    dates_of(ws, &read)
}

/// The dates of `interviews`, by group id, in the sprint's group order.
fn dates_of(ws: &Workspace, interviews: &[Interview]) -> Vec<(String, Vec<chrono::NaiveDate>)> {
    let mut dates: Vec<(String, Vec<chrono::NaiveDate>)> = ws
        .sprint
        .groups
        .iter()
        .map(|g| (g.id.clone(), Vec::new()))
        .collect();
    for i in interviews {
        if let Some((_, list)) = dates.iter_mut().find(|(g, _)| *g == i.group) {
            list.push(i.date);
        }
    }
    dates
}

/// Every interview note of every group with its reading, in group order.
fn read_interviews(ws: &Workspace) -> Vec<(PathBuf, Result<Interview>)> {
    let jobs: Vec<(String, PathBuf)> = ws
        .sprint
        .groups
        .iter()
        .flat_map(|g| {
            markdown_files(&ws.interviews_dir(&g.id))
                .into_iter()
                .map(|p| (g.id.clone(), p))
        })
        .collect();
    crate::parallel::map(&jobs, |(group, path)| {
        (path.clone(), notes::read_interview(ws, group, path))
    })
}

/// The residents' real names from `private/names.txt` (none if absent).
pub fn private_names(ws: &Workspace) -> Result<Vec<String>> {
    let path = ws.path(NAMES_FILE);
    if !path.exists() {
        return Ok(Vec::new());
    }
    Ok(crate::fs::read_text(&path)?
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_owned)
        .collect())
}

//! The sprint workspace on disk: a folder with `samskap.yaml` at its root,
//! found upward from where samskap runs (as git finds its repository).

pub mod config;
pub mod create;
pub mod people;
pub mod progress;
pub mod readme;
pub mod schedule;
pub mod sent;
pub mod status;
pub mod terms;

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::workbook::load::Sources;
use crate::workbook::{Lang, Workbook, WorkbookSource};
use crate::{fs, yaml};

pub use config::{Group, Sprint, SprintFile};
pub use progress::{Done, Progress};

/// The sprint's settings file, edited by people.
pub const SPRINT_FILE: &str = "samskap.yaml";
/// The record of done steps, written only by samskap.
pub const PROGRESS_FILE: &str = "progress.yaml";
/// The lock taken while progress is updated.
pub const LOCK_FILE: &str = ".samskap.lock";

/// An open sprint workspace: its folder, settings and workbook.
#[derive(Debug)]
pub struct Workspace {
    /// The workspace folder, relative to where samskap runs where possible.
    pub root: PathBuf,
    /// The checked settings.
    pub sprint: Sprint,
    /// The workbook the sprint follows.
    pub workbook: Workbook,
    /// The sessions moved in `schedule.yaml`.
    pub schedule: schedule::Schedule,
}

/// The nearest folder at or above the current one holding `samskap.yaml`,
/// as a relative path (`.`, `..`, `../..`) so messages stay short.
pub fn find_root() -> Option<PathBuf> {
    let mut relative = PathBuf::from(".");
    let mut absolute = std::env::current_dir().ok()?;
    loop {
        if absolute.join(SPRINT_FILE).is_file() {
            return Some(relative);
        }
        absolute = absolute.parent()?.to_owned();
        relative = if relative == Path::new(".") {
            PathBuf::from("..")
        } else {
            relative.join("..")
        };
    }
}

/// The path of `file` in `root`, without a leading `./`.
pub fn path_in(root: &Path, file: impl AsRef<Path>) -> PathBuf {
    if root == Path::new(".") {
        file.as_ref().to_owned()
    } else {
        root.join(file)
    }
}

impl Workspace {
    /// Opens the workspace around the current folder. `workbook` (from
    /// --workbook) overrides the one `samskap.yaml` names.
    pub fn open(workbook: Option<&Path>) -> Result<Workspace> {
        let root = find_root().ok_or_else(|| {
            Error::usage(
                format!(
                    "no sprint here: found no {SPRINT_FILE} in this folder or any folder above it"
                ),
                "start a sprint with `samskap new-sprint DIR`, or run inside one (or use -C DIR)",
            )
        })?;
        Workspace::open_at(root, workbook)
    }

    /// Opens the workspace whose `samskap.yaml` is in `root` (a portfolio's
    /// sprints are folders named on the command line, not found upward).
    pub fn open_at(root: PathBuf, workbook: Option<&Path>) -> Result<Workspace> {
        let mut sources = Sources::default();
        let sprint = read_sprint(&root, &mut sources)?;
        let source = match (workbook, &sprint.workbook) {
            (Some(path), _) => WorkbookSource::Path(path.to_owned()),
            (None, Some(path)) => WorkbookSource::Path(root.join(path)),
            (None, None) => WorkbookSource::BuiltIn,
        };
        let workbook = crate::workbook::load(&source)?;
        check_day_fits(&sprint, &workbook, &path_in(&root, SPRINT_FILE))?;
        if let (Some(lang), Some(loc)) = (sprint.lang, sprint.terms.lang_loc)
            && !workbook.languages.contains(&lang)
        {
            let codes: Vec<&str> = workbook.languages.iter().map(|l| l.code()).collect();
            return Err(Error::Invalid(vec![
                sources
                    .diagnostic(loc, format!("the workbook is not written in `{lang}`"))
                    .with_hint(format!(
                        "its languages are: {}; set `lang:` to one of them",
                        codes.join(", ")
                    )),
            ]));
        }
        let mut ws = Workspace {
            root,
            sprint,
            workbook,
            schedule: schedule::Schedule::default(),
        };
        ws.schedule = schedule::read(
            &ws.path(schedule::SCHEDULE_FILE),
            &ws.sprint,
            &ws.workbook,
            &ws.planned(),
        )?;
        Ok(ws)
    }

    /// The language of output: --lang, else the sprint's, else
    /// SAMSKAP_LANG or the system's, else bokmål.
    pub fn lang(&self, cli: Option<Lang>) -> Lang {
        cli.or(self.sprint.lang).unwrap_or_else(|| {
            let wanted = crate::i18n::from_env().ok().flatten().unwrap_or(Lang::Nb);
            self.workbook.lang_for(wanted)
        })
    }

    /// A path inside the workspace.
    pub fn path(&self, file: impl AsRef<Path>) -> PathBuf {
        path_in(&self.root, file)
    }

    /// The folder of a group's interview notes.
    pub fn interviews_dir(&self, group: &str) -> PathBuf {
        self.path(Path::new("groups").join(group).join("interviews"))
    }

    /// How many interview notes (`*.md`) a group has.
    pub fn interview_count(&self, group: &str) -> usize {
        std::fs::read_dir(self.interviews_dir(group)).map_or(0, |entries| {
            entries
                .filter_map(std::result::Result::ok)
                .filter(|e| e.path().extension().is_some_and(|x| x == "md"))
                .count()
        })
    }

    /// Every session as the plan puts it, before the moves in schedule.yaml.
    pub fn planned(&self) -> Vec<crate::plan::Session> {
        let plan = crate::plan::Settings {
            start: self.sprint.start,
            weekday: self.sprint.weekday,
            time: self.sprint.time,
            groups: self.sprint.group_ids(),
            place: self.sprint.place.clone(),
        };
        crate::plan::plan(&self.workbook, &plan)
    }

    /// Every session of the sprint: the plan with the moves in schedule.yaml.
    pub fn sessions(&self) -> Vec<crate::plan::Session> {
        let mut sessions = self.planned();
        self.schedule.apply(&mut sessions);
        sessions
    }

    /// Interview notes per group, for status.
    pub fn interview_counts(&self) -> Vec<(String, usize)> {
        self.sprint
            .groups
            .iter()
            .map(|g| (g.id.clone(), self.interview_count(&g.id)))
            .collect()
    }

    /// Reads and checks `progress.yaml` (empty when there is none yet).
    pub fn progress(&self) -> Result<Progress> {
        progress::read(self)
    }
}

/// Sessions must end before midnight: the start time leaves room for the
/// workbook's longest session day.
pub fn check_day_fits(sprint: &Sprint, workbook: &Workbook, file: &Path) -> Result<()> {
    use chrono::Timelike;
    let longest = crate::plan::longest_day(workbook);
    let start = sprint.time.hour() * 60 + sprint.time.minute();
    if start + longest < 24 * 60 {
        return Ok(());
    }
    let latest = 24 * 60 - 1 - longest.min(24 * 60 - 1);
    Err(Error::Invalid(vec![crate::diagnostic::Diagnostic::file(
        file.display().to_string(),
        format!(
            "sessions starting at {} would run past midnight: the longest session day lasts {} h {} min",
            sprint.time.format("%H:%M"),
            longest / 60,
            longest % 60
        ),
    )
    .with_hint(format!("set `time:` to {:02}:{:02} or earlier", latest / 60, latest % 60))]))
}

/// Runs `f` holding the workspace's exclusive lock, so that files samskap
/// reads, changes and writes back (progress, assessments, solutions) lose no
/// update when two people or processes write at once.
pub fn locked<T>(ws: &Workspace, f: impl FnOnce() -> Result<T>) -> Result<T> {
    let lock_path = ws.path(LOCK_FILE);
    let lock = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock_path)
        .map_err(|source| Error::Write {
            path: lock_path.clone(),
            source,
        })?;
    lock.lock().map_err(|source| Error::Write {
        path: lock_path,
        source,
    })?;
    // The lock is released when `lock` is dropped, after `f` has written.
    let result = f();
    drop(lock);
    result
}

/// The JSON Schema of `samskap.yaml`, generated from its types.
pub fn schema() -> String {
    let mut schema = schemars::schema_for!(SprintFile);
    schema.insert("title".into(), "samskap sprint file (samskap.yaml)".into());
    let mut json = serde_json::to_string_pretty(&schema).unwrap_or_default();
    json.push('\n');
    json
}

/// Reads and checks `samskap.yaml` in `root`.
pub fn read_sprint(root: &Path, sources: &mut Sources) -> Result<Sprint> {
    let path = path_in(root, SPRINT_FILE);
    let display = path.display().to_string();
    let text = fs::read_text(&path)?;
    let id = sources.add(display.clone(), text);
    let file: SprintFile =
        yaml::parse(&display, sources.text(id), id).map_err(|d| Error::Invalid(vec![d]))?;
    config::check(file, sources).map_err(Error::Invalid)
}

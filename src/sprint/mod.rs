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
use crate::i18n::{msg, ui};
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
    /// What the plan is made from.
    pub settings: crate::plan::Settings,
    /// Every session as the plan puts it.
    plan: Vec<crate::plan::Session>,
    /// The dates of each group's interview notes, read once when first asked.
    interview_dates: std::sync::OnceLock<Vec<(String, Vec<chrono::NaiveDate>)>>,
    /// What the workbook's tags are called, made once for all notes.
    tag_names: std::sync::OnceLock<crate::records::outline::TagNames>,
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
                crate::i18n::msg::no_sprint_here(crate::i18n::ui(), SPRINT_FILE),
                crate::i18n::msg::no_sprint_here_hint(crate::i18n::ui()),
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
        let mut workbook = crate::workbook::load_unfilled(&source)?;
        let words = crate::workbook::words::Words::each_language(&workbook.languages, |l| {
            terms::words(&sprint, &workbook, l)
        });
        crate::workbook::words::fill_workbook(&mut workbook, &words);
        if let (Some(lang), Some(loc)) = (sprint.lang, sprint.terms.lang_loc)
            && !workbook.languages.contains(&lang)
        {
            let langs = workbook
                .languages
                .iter()
                .map(|l| format!("`{l}`"))
                .collect::<Vec<_>>()
                .join(", ");
            let ui = crate::i18n::ui();
            return Err(Error::Invalid(vec![
                sources
                    .diagnostic(
                        loc,
                        crate::i18n::msg::lang_not_in_workbook(ui, lang, &langs),
                    )
                    .with_hint(crate::i18n::msg::sprint_lang_not_in_workbook_hint(
                        ui, &langs,
                    )),
            ]));
        }
        let file = path_in(&root, SPRINT_FILE);
        let settings = plan_settings(&sprint, &workbook, &sources)?;
        let plan = plan(&workbook, &settings, &file)?;
        let mut ws = Workspace {
            root,
            sprint,
            workbook,
            schedule: schedule::Schedule::default(),
            settings,
            plan,
            interview_dates: std::sync::OnceLock::new(),
            tag_names: std::sync::OnceLock::new(),
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

    /// Carries the sprint's texts as they stand now (after `--redact`
    /// replaced personal data in them) into the plan made from them: break
    /// names and facilitators are copied into sessions when planning. The
    /// plan itself stays as it was: redaction changes words, not times, and
    /// two names redacted alike must not become one person.
    pub fn follow_redaction(&mut self) {
        let renamed = |old: &[String], new: &[String], name: &mut String| {
            if let Some(i) = old.iter().position(|o| o == name) {
                new[i].clone_into(name);
            }
        };
        let old_breaks: Vec<String> = self
            .settings
            .breaks
            .iter()
            .map(|b| b.name.clone())
            .collect();
        let new_breaks: Vec<String> = self.sprint.breaks.iter().map(|b| b.name.clone()).collect();
        let old_people = std::mem::replace(
            &mut self.settings.facilitators,
            self.sprint.facilitators.clone(),
        );
        for session in &mut self.plan {
            if let Some(crate::plan::Moved {
                reason: crate::plan::Reason::Break(name),
                ..
            }) = &mut session.moved
            {
                renamed(&old_breaks, &new_breaks, name);
            }
            if let Some(name) = &mut session.facilitator {
                renamed(&old_people, &self.sprint.facilitators, name);
            }
        }
        self.settings.breaks.clone_from(&self.sprint.breaks);
        self.settings.place.clone_from(&self.sprint.place);
        for (planned, group) in self.settings.groups.iter_mut().zip(&self.sprint.groups) {
            planned.place.clone_from(&group.place);
        }
    }

    /// Every session as the plan puts it, before the moves in schedule.yaml.
    pub fn planned(&self) -> Vec<crate::plan::Session> {
        let mut sessions = self.plan.clone();
        // Places come from samskap.yaml as it stands now (an export with
        // --redact rewrites them after the plan was made).
        for session in &mut sessions {
            if session.appointment.is_some() {
                continue;
            }
            let group = session.group.as_deref().and_then(|g| self.sprint.group(g));
            session.place = group
                .and_then(|g| g.place.clone())
                .or_else(|| self.sprint.place.clone());
        }
        sessions
    }

    /// The plan's sessions that a group's own weekday or time in
    /// samskap.yaml could not hold (their week had no room), in words, for
    /// status and check to warn about.
    pub fn off_own_slots(&self, lang: Lang) -> Vec<String> {
        let sessions = self.planned();
        crate::plan::rules::off_own_slot(&sessions, &self.settings)
            .into_iter()
            .map(|i| {
                let s = &sessions[i];
                let title = self
                    .workbook
                    .step(&s.step)
                    .map_or(s.step.as_str(), |(_, st)| st.title.get(lang));
                let group = s.group.as_deref().unwrap_or_default();
                let own = self.settings.groups.iter().find(|g| g.id == group);
                let slot = own.map_or_else(Vec::new, |g| {
                    let day = g
                        .weekday
                        .map(|w| format!("weekday: {}", w.to_string().to_lowercase()));
                    let time = g.time.map(|t| format!("time: \"{}\"", t.format("%H:%M")));
                    day.into_iter().chain(time).collect()
                });
                let when = format!(
                    "{} {}",
                    crate::plan::long_date(s.date, lang),
                    s.start.format("%H:%M")
                );
                msg::plan_off_own_slot(lang, format!("«{title}» ({group})"), when, slot.join(", "))
            })
            .collect()
    }

    /// Sessions in a break that the plan keeps (no residents take part),
    /// or that were moved there, with the break's name, for status and
    /// check to warn about.
    pub fn in_breaks(&self) -> Vec<(crate::plan::Session, String)> {
        use crate::plan::rules::{Problem, problems};
        let sessions = self.sessions();
        problems(&sessions, &self.settings)
            .into_iter()
            .filter_map(|p| match p {
                Problem::InBreak { session, name } => Some((sessions[session].clone(), name)),
                _ => None,
            })
            .collect()
    }

    /// The dates of each group's interview notes, for booking its
    /// appointments (notes that cannot be read are left out here; `check`
    /// reports them).
    pub fn interview_dates(&self) -> &[(String, Vec<chrono::NaiveDate>)] {
        self.interview_dates
            .get_or_init(|| crate::records::interview_dates(self))
    }

    /// What the workbook's tags are called, for placing quotes under them.
    pub fn tag_names(&self) -> &crate::records::outline::TagNames {
        self.tag_names
            .get_or_init(|| crate::records::outline::TagNames::of(&self.workbook))
    }

    /// Keeps the interview notes' dates when whoever read the notes knows
    /// them, unless they are known already.
    pub fn remember_interview_dates(
        &self,
        dates: impl FnOnce() -> Vec<(String, Vec<chrono::NaiveDate>)>,
    ) {
        self.interview_dates.get_or_init(dates);
    }

    /// Every session of the sprint: the plan with the moves in
    /// schedule.yaml, and each appointment a group has not moved itself
    /// booked on the date of its interview notes, so status, agendas, the
    /// calendar and the site all show the day the interview was held.
    pub fn sessions(&self) -> Vec<crate::plan::Session> {
        let mut sessions = self.planned();
        self.schedule.apply(&mut sessions);
        let dates = self.interview_dates();
        for session in &mut sessions {
            session.book_from_notes(dates);
        }
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

/// The plan's settings: the sprint's, with the workbook's working day
/// where the sprint sets none. Checks what only the two together can tell:
/// lunch inside the hours, the start time inside the day.
pub fn plan_settings(
    sprint: &Sprint,
    workbook: &Workbook,
    sources: &Sources,
) -> Result<crate::plan::Settings> {
    use crate::plan::WorkingDay;
    let usual = crate::workbook::timing::working_day(&workbook.defaults);
    let hours = sprint.hours.as_ref().map_or(usual.hours(), |h| h.value);
    let lunch = sprint.lunch.as_ref().map_or(usual.lunch(), |l| l.value);
    let Some(day) = WorkingDay::new(hours, lunch) else {
        let loc = sprint
            .lunch
            .as_ref()
            .or(sprint.hours.as_ref())
            .map(|l| l.loc)
            .unwrap_or(sprint.time_at);
        let d = sources.diagnostic(loc, msg::plan_lunch_outside(ui(), lunch, hours));
        return Err(Error::Invalid(vec![
            d.with_hint(msg::plan_lunch_outside_hint(ui())),
        ]));
    };
    let mut problems = Vec::new();
    let mut time_problem = |time: chrono::NaiveTime, loc| {
        if !(hours.start <= time && time < hours.end) {
            let d = sources.diagnostic(
                loc,
                msg::plan_time_outside(ui(), time.format("%H:%M"), hours),
            );
            problems.push(d.with_hint(msg::plan_time_outside_hint(
                ui(),
                hours.start.format("%H:%M"),
                hours.end.format("%H:%M"),
            )));
        }
    };
    time_problem(sprint.time, sprint.time_at);
    for group in &sprint.groups {
        if let Some(time) = &group.time {
            time_problem(time.value, time.loc);
        }
    }
    if !problems.is_empty() {
        return Err(Error::Invalid(problems));
    }
    Ok(crate::plan::Settings {
        start: sprint.start,
        weekday: sprint.weekday,
        time: sprint.time,
        day,
        place: sprint.place.clone(),
        facilitators: sprint.facilitators.clone(),
        breaks: sprint.breaks.clone(),
        groups: sprint
            .groups
            .iter()
            .map(|g| crate::plan::GroupSettings {
                id: g.id.clone(),
                weekday: g.weekday,
                time: g.time.as_ref().map(|t| t.value),
                place: g.place.clone(),
            })
            .collect(),
    })
}

/// Plans the sprint, or says which session its week cannot hold and what to change.
pub fn plan(
    workbook: &Workbook,
    settings: &crate::plan::Settings,
    file: &Path,
) -> Result<Vec<crate::plan::Session>> {
    crate::plan::plan(workbook, settings).map_err(|unfit| {
        let who = unfit
            .group
            .as_ref()
            .map_or_else(String::new, |g| format!(" ({g})"));
        Error::Invalid(vec![
            crate::diagnostic::Diagnostic::file(
                file.display().to_string(),
                msg::plan_week_cannot_hold(
                    ui(),
                    unfit.week,
                    crate::plan::weeks::calendar_week(unfit.monday, ui()),
                    unfit.monday,
                    unfit.step,
                    who,
                    settings.day.hours(),
                    settings.day.lunch(),
                ),
            )
            .with_hint(msg::plan_week_cannot_hold_hint(ui())),
        ])
    })
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

/// The JSON Schema of `samskap.yaml`, generated from its types, with its
/// descriptions in `lang`.
pub fn schema(lang: Lang) -> String {
    let mut schema = schemars::schema_for!(SprintFile);
    schema.insert("title".into(), msg::schema_title_sprint(lang).into());
    let mut schema = schema.to_value();
    crate::i18n::schema::localise(&mut schema, SPRINT_FILE, lang);
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

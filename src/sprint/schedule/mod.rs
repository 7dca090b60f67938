//! `schedule.yaml`: sessions moved from where the plan puts them. `samskap
//! move` writes it and people may edit it; it is checked like every other
//! file (each problem with file:line:col and a hint) and applied to the plan
//! in [`Workspace::sessions`](super::Workspace::sessions).

pub mod edit;
pub mod rules;

use chrono::{NaiveDate, NaiveTime, TimeDelta};
use serde::Deserialize;

use super::config::{Sprint, not_a_date, parse_date, parse_time};
use crate::diagnostic::{Diagnostic, suggest};
use crate::error::{Error, Result};
use std::path::Path;

use super::Workspace;
use crate::fs::{self, Overwrite};
use crate::i18n::{msg, ui};
use crate::plan::Session;
use crate::workbook::load::Sources;
use crate::workbook::{At, Loc, Runs, Workbook};

/// The file's name in the workspace.
pub const SCHEDULE_FILE: &str = "schedule.yaml";

/// The file as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ScheduleFile {
    /// `moves:` with nothing under it is no moves.
    #[serde(default)]
    moves: Option<Vec<MoveFile>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct MoveFile {
    step: At<String>,
    #[serde(default)]
    group: Option<At<String>>,
    date: At<String>,
    #[serde(default)]
    time: Option<At<String>>,
    #[serde(default)]
    place: Option<At<String>>,
}

impl MoveFile {
    /// The lines the entry's values are written on.
    fn lines(&self) -> (u32, u32) {
        let locs = [Some(self.step.loc), Some(self.date.loc)]
            .into_iter()
            .chain([&self.group, &self.time, &self.place].map(|v| v.as_ref().map(|v| v.loc)))
            .flatten()
            .map(|loc| loc.line);
        locs.fold((u32::MAX, 0), |(lo, hi), l| (lo.min(l), hi.max(l)))
    }
}

/// One session moved: the step (and group) and where it goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Move {
    /// The step's id.
    pub step: String,
    /// The group, for a step held in each group.
    pub group: Option<String>,
    /// The new day.
    pub date: NaiveDate,
    /// The new start time; the planned one when not given.
    pub time: Option<NaiveTime>,
    /// The new place; the planned one when not given.
    pub place: Option<String>,
}

impl Move {
    /// Whether this move puts `session` (as planned) where it already is.
    pub fn is_plan_of(&self, session: &Session) -> bool {
        self.date == session.date
            && self.time.is_none_or(|t| t == session.start)
            && self
                .place
                .as_ref()
                .is_none_or(|p| Some(p) == session.place.as_ref())
    }

    /// Whether this move is of `session`.
    pub fn is_of(&self, step: &str, group: Option<&str>) -> bool {
        self.step == step && self.group.as_deref() == group
    }
}

/// Every move in `schedule.yaml`, checked, with the lines each is written on
/// (for writing the file back without touching the rest).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Schedule {
    /// The moves, in the file's order.
    pub moves: Vec<Move>,
    /// The first and last line of each move's entry, in the same order.
    pub lines: Vec<(u32, u32)>,
    /// Where each move's day and time are written, in the same order.
    pub written: Vec<Written>,
}

/// Where a move's `date:` and `time:` values are written: (line, column),
/// for pointing at the entry when the move breaks a rule of the plan.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Written {
    /// The `date:` value.
    pub date: (u32, u32),
    /// The `time:` value, when there is one.
    pub time: Option<(u32, u32)>,
}

impl Schedule {
    /// The move of this step and group, if any.
    pub fn find(&self, step: &str, group: Option<&str>) -> Option<&Move> {
        self.moves.iter().find(|m| m.is_of(step, group))
    }

    /// Sets the move of its step and group, replacing one there was.
    pub fn set(&mut self, m: Move) {
        match self
            .moves
            .iter()
            .position(|x| x.is_of(&m.step, m.group.as_deref()))
        {
            Some(i) => self.moves[i] = m,
            None => {
                self.moves.push(m);
                self.lines.push((0, 0));
                self.written.push(Written::default());
            }
        }
    }

    /// Takes away the move of `step` and `group`, if there is one.
    pub fn remove(&mut self, step: &str, group: Option<&str>) {
        if let Some(i) = self.moves.iter().position(|m| m.is_of(step, group)) {
            self.moves.remove(i);
            self.lines.remove(i);
            if i < self.written.len() {
                self.written.remove(i);
            }
        }
    }

    /// `sessions` with every move applied, sorted again by date and time.
    /// Linear: the moves are looked up by step and group.
    pub fn apply(&self, sessions: &mut [Session]) {
        if self.moves.is_empty() {
            return;
        }
        let by_key: std::collections::HashMap<(&str, Option<&str>), &Move> = self
            .moves
            .iter()
            .map(|m| ((m.step.as_str(), m.group.as_deref()), m))
            .collect();
        for session in sessions.iter_mut() {
            if let Some(m) = by_key.get(&(session.step.as_str(), session.group.as_deref())) {
                session.reschedule(m.date, m.time, m.place.clone());
            }
        }
        sessions.sort_by_key(|s| (s.date, s.start));
    }
}

/// The days a session of the sprint can be moved to: from its start to the
/// end of the process's last week, or the last planned session if later.
pub fn sprint_days(
    sprint: &Sprint,
    workbook: &Workbook,
    planned: &[Session],
) -> (NaiveDate, NaiveDate) {
    let weeks: i64 = workbook.phases.iter().map(|p| i64::from(*p.weeks)).sum();
    let end = sprint.start + TimeDelta::days(weeks * 7 - 1);
    let last = planned.iter().map(|s| s.date).max().unwrap_or(end);
    (sprint.start, end.max(last))
}

/// Reads and checks the file at `path` (no moves when there is none).
/// `planned` is the plan without moves, for the sessions' lengths and the
/// sprint's last day.
pub fn read(
    path: &Path,
    sprint: &Sprint,
    workbook: &Workbook,
    planned: &[Session],
) -> Result<Schedule> {
    let text = read_text(path)?;
    parse(path, &text, sprint, workbook, planned)
}

/// The file's text, empty when there is none.
fn read_text(path: &Path) -> Result<String> {
    if path.exists() {
        fs::read_text(path)
    } else {
        Ok(String::new())
    }
}

/// Checks `text`, the contents of `path`.
fn parse(
    path: &Path,
    text: &str,
    sprint: &Sprint,
    workbook: &Workbook,
    planned: &[Session],
) -> Result<Schedule> {
    let display = path.display().to_string();
    let mut sources = Sources::default();
    let id = sources.add(display.clone(), text.to_owned());
    let file: ScheduleFile = crate::yaml::parse_or_empty(&display, sources.text(id), id)
        .map_err(|d| Error::Invalid(vec![d]))?;
    let cx = Checking {
        sprint,
        workbook,
        sources: &sources,
        days: sprint_days(sprint, workbook, planned),
    };
    cx.check(file.moves.unwrap_or_default())
        .map_err(Error::Invalid)
}

/// Checks a move given on the command line as the file's entries are
/// checked: a day within the sprint, a session that ends by midnight.
pub fn check_move(ws: &Workspace, planned: &[Session], m: &Move) -> Result<()> {
    let (first, last) = sprint_days(&ws.sprint, &ws.workbook, planned);
    let day = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
    if m.date < first || m.date > last {
        return Err(Error::usage(
            msg::move_outside_sprint(ui(), day(m.date), day(first), day(last)),
            msg::move_outside_sprint_hint(ui()),
        ));
    }
    if let Some(time) = m.time
        && !ends_by_midnight(minutes(ws, &m.step), time)
    {
        return Err(Error::usage(
            msg::move_past_midnight(ui(), time.format("%H:%M")),
            msg::move_past_midnight_flag_hint(ui()),
        ));
    }
    Ok(())
}

/// Whether a session of `minutes`, started at `time`, ends before midnight.
fn ends_by_midnight(minutes: u16, time: NaiveTime) -> bool {
    time.signed_duration_since(NaiveTime::MIN) + TimeDelta::minutes(i64::from(minutes))
        < TimeDelta::hours(24)
}

/// How long the step's sessions last.
fn minutes(ws: &Workspace, step: &str) -> u16 {
    ws.workbook.step(step).map_or(0, |(_, s)| *s.minutes)
}

/// What [`update`] did.
#[derive(Debug)]
pub struct Outcome {
    /// The move there was before, if any.
    pub before: Option<Move>,
    /// The session as it is held now.
    pub session: Option<Session>,
    /// Whether the file was written anew (its comments are gone).
    pub anew: bool,
}

/// Sets the move of `step` and `group` to what `decide` returns (`None`:
/// back where the plan puts it), under the workspace's lock. `decide` gets
/// the plan without moves and the file's moves as they are now. Only the
/// lines of that entry are rewritten; if someone saves the file while this
/// runs, it is read again and the change made on their version.
pub fn update(
    ws: &Workspace,
    step: &str,
    group: Option<&str>,
    mut decide: impl FnMut(&[Session], &Schedule) -> Result<Option<Move>>,
) -> Result<Outcome> {
    let path = ws.path(SCHEDULE_FILE);
    let planned = ws.planned();
    super::locked(ws, || {
        for _ in 0..ATTEMPTS {
            let text = read_text(&path)?;
            let current = parse(&path, &text, &ws.sprint, &ws.workbook, &planned)?;
            let new = decide(&planned, &current)?;
            let index = current.moves.iter().position(|m| m.is_of(step, group));
            let before = index.map(|i| current.moves[i].clone());
            let mut after = current.clone();
            match &new {
                Some(m) => after.set(m.clone()),
                None => after.remove(step, group),
            }
            let session = |schedule: &Schedule| {
                let mut sessions = planned.clone();
                schedule.apply(&mut sessions);
                sessions
                    .into_iter()
                    .find(|s| s.step == step && s.group.as_deref() == group)
            };
            if new == before {
                return Ok(Outcome {
                    before,
                    session: session(&current),
                    anew: false,
                });
            }
            let mut edited = edit::set(
                &text,
                &current,
                index,
                new.as_ref(),
                &after.moves,
                ws.lang(None),
            );
            // The edit must read back as the moves intended, or the file is written anew.
            let reads_back = parse(&path, &edited.text, &ws.sprint, &ws.workbook, &planned)
                .is_ok_and(|s| s.moves == after.moves);
            if !reads_back {
                edited = edit::Edited {
                    text: edit::render(&after.moves, ws.lang(None)),
                    anew: true,
                };
            }
            // Someone saved the file meanwhile: make the change on their version.
            if read_text(&path)? != text {
                continue;
            }
            fs::write(&path, edited.text.as_bytes(), Overwrite::Allowed)?;
            return Ok(Outcome {
                before,
                session: session(&after),
                anew: edited.anew,
            });
        }
        Err(Error::usage(
            msg::schedule_kept_changing(ui(), SCHEDULE_FILE),
            msg::schedule_kept_changing_hint(ui()),
        ))
    })
}

/// How often [`update`] reads the file again when someone saves it meanwhile.
const ATTEMPTS: usize = 5;

/// What a move is checked against.
struct Checking<'a> {
    sprint: &'a Sprint,
    workbook: &'a Workbook,
    sources: &'a Sources,
    days: (NaiveDate, NaiveDate),
}

impl Checking<'_> {
    fn check(&self, entries: Vec<MoveFile>) -> Result<Schedule, Vec<Diagnostic>> {
        let mut problems = Vec::new();
        let mut schedule = Schedule::default();
        let mut seen: std::collections::HashMap<(String, Option<String>), u32> =
            std::collections::HashMap::new();
        for entry in entries {
            let lines = entry.lines();
            let mut problem = |loc: Loc, message: String, hint: String| {
                problems.push(self.sources.diagnostic(loc, message).with_hint(hint));
            };
            let Some(m) = self.entry(&entry, &mut problem) else {
                continue;
            };
            let key = (m.step.clone(), m.group.clone());
            if let Some(first) = seen.insert(key, lines.0) {
                let message = match m.group.as_deref() {
                    Some(g) => msg::schedule_moved_twice_group(ui(), &m.step, g, first),
                    None => msg::schedule_moved_twice(ui(), &m.step, first),
                };
                problem(
                    entry.step.loc,
                    message,
                    msg::schedule_moved_twice_hint(ui()).to_owned(),
                );
                continue;
            }
            schedule.moves.push(m);
            schedule.lines.push(lines);
            let at = |loc: Loc| (loc.line, loc.col);
            schedule.written.push(Written {
                date: at(entry.date.loc),
                time: entry.time.as_ref().map(|t| at(t.loc)),
            });
        }
        if problems.is_empty() {
            Ok(schedule)
        } else {
            problems.sort_by_key(|d| (d.line, d.col));
            Err(problems)
        }
    }

    /// One entry checked, or `None` after reporting what is wrong with it.
    fn entry(&self, e: &MoveFile, problem: &mut impl FnMut(Loc, String, String)) -> Option<Move> {
        let Some((_, step)) = self.workbook.step(&e.step) else {
            let ids = self.workbook.steps().map(|(_, s)| s.id.as_str());
            let hint = suggest(&e.step, ids).map_or_else(
                || msg::progress_unknown_step_hint(ui()).to_owned(),
                |best| msg::did_you_mean(ui(), best),
            );
            problem(e.step.loc, msg::unknown_step(ui(), &*e.step), hint);
            return None;
        };
        let group_ok = match (&e.group, step.runs) {
            (Some(g), Runs::PerGroup) if self.sprint.group(g).is_none() => {
                let ids = self.sprint.groups.iter().map(|g| g.id.as_str());
                let hint = suggest(g, ids).map_or_else(
                    || msg::schedule_stale_group_hint(ui(), self.sprint.group_ids().join(", ")),
                    |best| msg::schedule_stale_group_near_hint(ui(), best),
                );
                problem(g.loc, msg::progress_stale_group(ui(), &**g), hint);
                false
            }
            (Some(g), Runs::Once) => {
                problem(
                    g.loc,
                    msg::progress_once_with_group(ui(), &step.id),
                    msg::progress_once_with_group_hint(ui()).to_owned(),
                );
                false
            }
            (None, Runs::PerGroup) => {
                problem(
                    e.step.loc,
                    msg::progress_per_group_without_group(ui(), &step.id),
                    msg::schedule_group_needed_hint(ui(), self.sprint.group_ids().join(", ")),
                );
                false
            }
            _ => true,
        };
        let date = self.date(&e.date, problem);
        let time = match &e.time {
            Some(t) => match parse_time(t) {
                Some(time) => Some(Some(time)),
                None => {
                    problem(
                        t.loc,
                        msg::not_a_time(ui(), &**t),
                        msg::schedule_time_hint(ui()).to_owned(),
                    );
                    None
                }
            },
            None => Some(None),
        };
        let place = match &e.place {
            Some(p) if p.trim().is_empty() => {
                problem(
                    p.loc,
                    msg::schedule_place_empty(ui()).to_owned(),
                    msg::schedule_place_empty_hint(ui()).to_owned(),
                );
                None
            }
            Some(p) => Some(Some(p.trim().to_owned())),
            None => Some(None),
        };
        let (true, Some(date), Some(time), Some(place)) = (group_ok, date, time, place) else {
            return None;
        };
        let m = Move {
            step: step.id.as_str().to_owned(),
            group: e.group.as_ref().map(|g| g.value.clone()),
            date,
            time,
            place,
        };
        if let (Some(at), Some(time)) = (&e.time, time)
            && !ends_by_midnight(*step.minutes, time)
        {
            problem(
                at.loc,
                msg::move_past_midnight(ui(), time.format("%H:%M")),
                msg::move_past_midnight_hint(ui()).to_owned(),
            );
            return None;
        }
        Some(m)
    }

    fn date(
        &self,
        at: &At<String>,
        problem: &mut impl FnMut(Loc, String, String),
    ) -> Option<NaiveDate> {
        let Some(date) = parse_date(at) else {
            problem(
                at.loc,
                not_a_date(at),
                msg::not_a_date_hint(ui()).to_owned(),
            );
            return None;
        };
        let (first, last) = self.days;
        if date < first || date > last {
            let day = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
            problem(
                at.loc,
                msg::move_outside_sprint(ui(), day(date), day(first), day(last)),
                msg::move_outside_sprint_hint(ui()).to_owned(),
            );
            return None;
        }
        Some(date)
    }
}

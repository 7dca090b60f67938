//! Where a sprint stands on a given day: every session's state, the phase
//! and week, and what is missing. Pure: the caller gathers the facts (the
//! schedule, progress, interview counts), this only reasons about them.

use chrono::{Datelike, Days, NaiveDate};
use serde::Serialize;

use super::{Progress, Sprint};
use crate::plan::Session;
use crate::workbook::{Lang, StepKind, Workbook};

/// The format version of `samskap status --json`.
pub const STATUS_FORMAT: &str = "samskap-status/1";

/// A session's state on the day asked about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum State {
    /// Marked done.
    Done,
    /// Its date has passed and it is not marked done.
    Overdue,
    /// It is held today.
    Today,
    /// It lies ahead.
    Upcoming,
}

/// One session with its state.
#[derive(Clone, Debug, Serialize)]
pub struct SessionStatus {
    /// The session as scheduled.
    #[serde(flatten)]
    pub session: Session,
    /// The step's title in the output language.
    pub title: String,
    /// Its state.
    pub state: State,
    /// When it was marked done.
    #[serde(serialize_with = "crate::plan::serialize_opt_date")]
    pub done_on: Option<NaiveDate>,
}

/// Something that should have happened and has not.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Missing {
    /// What kind of gap it is.
    pub kind: MissingKind,
    /// The step concerned, if any.
    pub step: Option<String>,
    /// The group concerned, if any.
    pub group: Option<String>,
    /// The gap in words, in the output language.
    pub message: String,
}

/// The kinds of gaps `status` reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum MissingKind {
    /// A session past its date and not marked done.
    OverdueStep,
    /// A group with no interview notes after its interview week.
    NoInterviewNotes,
    /// An appointment (an interview) not yet booked.
    UnbookedAppointment,
    /// A session without residents planned in a break.
    InBreak,
    /// A group whose sub-challenge is not written yet.
    NoSubChallenge,
    /// A group with no members listed.
    NoMembers,
}

/// Where the day falls in the process.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Position {
    /// The phase's id.
    pub phase: String,
    /// The phase's title.
    pub phase_title: String,
    /// The week of the whole process, from 1.
    pub week: u32,
    /// The week within the phase, from 1.
    pub phase_week: u32,
    /// The ISO calendar week of the day ("uke 8").
    pub calendar_week: u32,
    /// Whether the phase is the design sprint.
    pub sprint: bool,
}

/// Counts by state.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Sessions done.
    pub done: usize,
    /// Sessions overdue.
    pub overdue: usize,
    /// Sessions today.
    pub today: usize,
    /// Sessions ahead.
    pub upcoming: usize,
}

/// The whole picture, as `samskap status --json` prints it.
#[derive(Clone, Debug, Serialize)]
pub struct Status {
    /// Always [`STATUS_FORMAT`].
    pub format: &'static str,
    /// The day asked about.
    #[serde(serialize_with = "crate::plan::serialize_date")]
    pub today: NaiveDate,
    /// The sprint's name.
    pub sprint: String,
    /// Where today falls; `null` before the start or after the end.
    pub position: Option<Position>,
    /// Every session in date order.
    pub sessions: Vec<SessionStatus>,
    /// What is missing, most urgent first.
    pub missing: Vec<Missing>,
    /// Sessions by state.
    pub counts: Counts,
}

/// The facts about the workspace that status needs besides the plan.
pub struct Facts<'a> {
    /// The workbook.
    pub workbook: &'a Workbook,
    /// The sprint.
    pub sprint: &'a Sprint,
    /// The schedule.
    pub sessions: Vec<Session>,
    /// What is done.
    pub progress: &'a Progress,
    /// How many interview notes each group has, by group id.
    pub interviews: Vec<(String, usize)>,
    /// Sessions the plan keeps in a break, with the break's name.
    pub in_breaks: Vec<(Session, String)>,
}

/// Works out the status on `today`.
pub fn status(facts: Facts<'_>, today: NaiveDate, lang: Lang) -> Status {
    let position = position(facts.workbook, &facts.sessions, today).map(|mut p| {
        if let Some(phase) = facts
            .workbook
            .phases
            .iter()
            .find(|ph| ph.id.as_str() == p.phase)
        {
            p.phase_title = phase.title.get(lang).to_owned();
        }
        p
    });
    let mut counts = Counts::default();
    let mut missing = Vec::new();
    let mut sessions = Vec::new();
    for session in facts.sessions {
        let done_on = facts
            .progress
            .find(&session.step, session.group.as_deref())
            .map(|d| d.date);
        let state = match done_on {
            Some(_) => State::Done,
            None if session
                .appointment
                .filter(|a| !a.booked)
                .map_or(session.date, |a| a.by)
                < today =>
            {
                State::Overdue
            }
            None if session.date == today => State::Today,
            None => State::Upcoming,
        };
        *match state {
            State::Done => &mut counts.done,
            State::Overdue => &mut counts.overdue,
            State::Today => &mut counts.today,
            State::Upcoming => &mut counts.upcoming,
        } += 1;
        let step = facts.workbook.step(&session.step).map(|(_, s)| s);
        let title = step.map_or_else(String::new, |s| s.title.get(lang).to_owned());
        if state == State::Overdue {
            missing.push(overdue(&session, &title, lang));
        } else if state != State::Done && session.unbooked() {
            missing.push(unbooked(&session, &title, lang));
        }
        let interview = step.is_some_and(|s| s.kind == StepKind::Interview);
        if let (true, Some(group)) = (interview, &session.group) {
            let week_over = session
                .date
                .checked_add_days(Days::new(7))
                .is_some_and(|d| d <= today);
            let notes = facts
                .interviews
                .iter()
                .find(|(g, _)| g == group)
                .map_or(0, |(_, n)| *n);
            if week_over && notes == 0 {
                missing.push(Missing {
                    kind: MissingKind::NoInterviewNotes,
                    step: Some(session.step.clone()),
                    group: Some(group.clone()),
                    message: crate::i18n::msg::status_no_interview_notes(lang, group),
                });
            }
        }
        sessions.push(SessionStatus {
            session,
            title,
            state,
            done_on,
        });
    }
    missing.extend(
        facts
            .in_breaks
            .iter()
            .map(|(s, name)| in_break(facts.workbook, s, name, lang)),
    );
    let sub_challenges = facts.workbook.defaults.sub_challenges;
    missing.extend(group_gaps(facts.sprint, sub_challenges, lang));
    Status {
        format: STATUS_FORMAT,
        today,
        sprint: facts.sprint.name.clone(),
        position,
        sessions,
        missing,
        counts,
    }
}

fn overdue(session: &Session, title: &str, lang: Lang) -> Missing {
    let who = session
        .group
        .as_ref()
        .map(|g| format!(" ({})", g))
        .unwrap_or_default();
    Missing {
        kind: MissingKind::OverdueStep,
        step: Some(session.step.clone()),
        group: session.group.clone(),
        message: crate::i18n::msg::status_overdue_step(
            lang,
            title,
            who,
            session.date.format("%Y-%m-%d"),
        ),
    }
}

fn unbooked(session: &Session, title: &str, lang: Lang) -> Missing {
    let (who, window) = (
        session
            .group
            .as_ref()
            .map(|g| format!(" ({g})"))
            .unwrap_or_default(),
        session.appointment.unwrap_or(crate::plan::Appointment {
            from: session.date,
            by: session.date,
            booked: false,
        }),
    );
    Missing {
        kind: MissingKind::UnbookedAppointment,
        step: Some(session.step.clone()),
        group: session.group.clone(),
        message: crate::i18n::msg::status_unbooked(
            lang,
            title,
            who,
            window.from.format("%Y-%m-%d"),
            window.by.format("%Y-%m-%d"),
        ),
    }
}

fn in_break(workbook: &Workbook, session: &Session, name: &str, lang: Lang) -> Missing {
    let title = workbook
        .step(&session.step)
        .map_or(session.step.as_str(), |(_, s)| s.title.get(lang));
    let who = session
        .group
        .as_ref()
        .map(|g| format!(" ({g})"))
        .unwrap_or_default();
    Missing {
        kind: MissingKind::InBreak,
        step: Some(session.step.clone()),
        group: session.group.clone(),
        message: crate::i18n::msg::status_in_break(
            lang,
            title,
            who,
            session.date.format("%Y-%m-%d"),
            name,
        ),
    }
}

/// What the groups lack in samskap.yaml: members always, a sub-challenge
/// only where the workbook's process gives each group one.
fn group_gaps(sprint: &Sprint, sub_challenges: bool, lang: Lang) -> Vec<Missing> {
    let gap = |kind, group: &str, message: String| Missing {
        kind,
        step: None,
        group: Some(group.to_owned()),
        message,
    };
    let mut gaps = Vec::new();
    for group in &sprint.groups {
        if sub_challenges && group.sub_challenge.trim().is_empty() {
            let message = crate::i18n::msg::status_no_sub_challenge(lang, &group.id);
            gaps.push(gap(MissingKind::NoSubChallenge, &group.id, message));
        }
        if group.members.is_empty() {
            let message = crate::i18n::msg::status_no_members(lang, &group.id);
            gaps.push(gap(MissingKind::NoMembers, &group.id, message));
        }
    }
    gaps
}

impl Status {
    /// Whether today is before the first session: the process has not
    /// started, whatever progress.yaml already records.
    pub fn not_started(&self) -> bool {
        self.position.is_none()
            && self
                .sessions
                .first()
                .is_some_and(|s| s.session.date > self.today)
    }

    /// The status as text for the terminal: where the sprint is, what is
    /// missing, and one line per step.
    pub fn to_text(&self, lang: Lang) -> String {
        let mut out = format!(
            "{} · {} {}
",
            self.sprint,
            crate::i18n::msg::status_today(lang),
            crate::plan::long_date(self.today, lang)
        );
        match &self.position {
            Some(p) => {
                use crate::plan::weeks::own_week;
                let in_phase = if p.sprint {
                    own_week(p.phase_week, true, lang)
                } else {
                    crate::i18n::msg::plan_phase_week(lang, p.phase_week)
                };
                out.push_str(&crate::i18n::msg::status_position(
                    lang,
                    &p.phase_title,
                    in_phase,
                    own_week(p.week, false, lang),
                    crate::i18n::msg::plan_calendar_week(lang, p.calendar_week),
                ));
                out.push('\n');
            }
            None if self.not_started() => {
                out.push_str(crate::i18n::msg::status_the_process_has_not_started(lang));
            }
            None => out.push_str(crate::i18n::msg::status_the_process_is_over(lang)),
        }
        let c = &self.counts;
        out.push_str(&crate::i18n::msg::status_counts(
            lang, c.done, c.overdue, c.today, c.upcoming,
        ));
        out.push('\n');
        if !self.missing.is_empty() {
            out.push_str(&format!("\n{}\n", crate::i18n::msg::status_missing(lang)));
            for m in &self.missing {
                out.push_str(&format!("  ! {}\n", m.message));
            }
        }
        out.push_str(&format!("\n{}\n", crate::i18n::msg::status_steps(lang)));
        for line in self.step_lines(lang) {
            out.push_str(&line);
        }
        out.push_str(&format!("\n{}\n", crate::i18n::msg::status_legend(lang)));
        out
    }

    /// One line per step: the worst state of its sessions, date, id and
    /// title, and for per-group steps the groups not done yet.
    fn step_lines(&self, lang: Lang) -> Vec<String> {
        let mut lines = Vec::new();
        let mut i = 0;
        while i < self.sessions.len() {
            let first = &self.sessions[i];
            let same: Vec<&SessionStatus> = self.sessions[i..]
                .iter()
                .take_while(|s| {
                    s.session.step == first.session.step && s.session.date == first.session.date
                })
                .collect();
            i += same.len();
            let state = [State::Overdue, State::Today, State::Upcoming]
                .into_iter()
                .find(|st| same.iter().any(|s| s.state == *st))
                .unwrap_or(State::Done);
            let mark = match state {
                State::Done => "✓",
                State::Overdue => "!",
                State::Today => "→",
                State::Upcoming => "·",
            };
            let open: Vec<&str> = same
                .iter()
                .filter(|s| s.state != State::Done)
                .filter_map(|s| s.session.group.as_deref())
                .collect();
            let groups = if open.is_empty() || same.len() == 1 {
                String::new()
            } else {
                format!(
                    " [{}: {}]",
                    crate::i18n::msg::status_to_do(lang),
                    open.join(", ")
                )
            };
            let moved = first.session.moved.as_ref().map_or_else(String::new, |m| {
                format!(
                    " {}",
                    crate::i18n::msg::status_moved_from(
                        lang,
                        m.from.format("%Y-%m-%d"),
                        m.why(lang)
                    )
                )
            });
            lines.push(format!(
                "  {mark} {} {}  {}  {}{groups}{moved}\n",
                first.session.date.format("%Y-%m-%d"),
                first.session.start.format("%H:%M"),
                first.session.step,
                first.title,
            ));
        }
        lines
    }
}

/// The phase and week `today` falls in: process week n runs from
/// `start + 7·(n−1)` days for seven days.
pub fn position(workbook: &Workbook, sessions: &[Session], today: NaiveDate) -> Option<Position> {
    let monday = |d: NaiveDate| d - Days::new(u64::from(d.weekday().num_days_from_monday()));
    let first = sessions.first()?;
    let last = sessions.last()?;
    if today < monday(first.date) || today >= monday(last.date) + Days::new(7) {
        return None;
    }
    // The latest session whose week has begun, and the weeks since.
    let current = sessions.iter().rfind(|s| monday(s.date) <= today)?;
    let since = u32::try_from((monday(today) - monday(current.date)).num_weeks()).ok()?;
    let phase = workbook
        .phases
        .iter()
        .find(|p| p.id.as_str() == current.phase)?;
    Some(Position {
        phase: phase.id.as_str().to_owned(),
        phase_title: String::new(),
        week: current.week + since,
        phase_week: (current.phase_week + since).min(u32::from(*phase.weeks)),
        calendar_week: today.iso_week().week(),
        sprint: phase.sprint,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workbook::{WorkbookSource, load};

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn position_walks_through_the_planned_weeks() {
        let wb = load(&WorkbookSource::BuiltIn).unwrap();
        let settings = crate::plan::Settings {
            start: date("2027-01-04"),
            weekday: chrono::Weekday::Tue,
            time: chrono::NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
            day: crate::plan::WorkingDay::USUAL,
            place: None,
            facilitators: vec!["A".into(), "B".into()],
            breaks: vec![crate::plan::Break {
                name: "Vinterferie 2027".into(),
                from: date("2027-02-22"),
                to: date("2027-02-28"),
            }],
            groups: vec![crate::plan::GroupSettings::new("a")],
        };
        let sessions = crate::plan::plan(&wb, &settings).unwrap();
        assert_eq!(position(&wb, &sessions, date("2027-01-03")), None);
        let first = position(&wb, &sessions, date("2027-01-04")).unwrap();
        assert_eq!(
            (
                first.phase.as_str(),
                first.week,
                first.phase_week,
                first.calendar_week
            ),
            ("diagnose", 1, 1, 1)
        );
        // Diagnose lasts six weeks: week 7 is the sprint's first (calendar week 7).
        let sprint = position(&wb, &sessions, date("2027-02-16")).unwrap();
        assert_eq!(
            (
                sprint.phase.as_str(),
                sprint.week,
                sprint.phase_week,
                sprint.sprint,
                sprint.calendar_week
            ),
            ("utforske", 7, 1, true, 7)
        );
        // The interviews (with families) skip the winter holiday: sprint week 2 is calendar week 9.
        let second = position(&wb, &sessions, date("2027-03-02")).unwrap();
        assert_eq!(
            (second.week, second.phase_week, second.calendar_week),
            (8, 2, 9)
        );
        let last = sessions.last().unwrap().date;
        assert_eq!(position(&wb, &sessions, last + Days::new(7)), None);
    }
}

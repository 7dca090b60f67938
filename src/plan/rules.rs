//! What every plan keeps to, checked over any list of sessions: the one
//! the planner made, or one people changed by moving sessions.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate, Weekday};

use super::breaks::break_on;
use super::holidays::{Holiday, holiday_on};
use super::{Session, Settings};

/// A rule a session breaks. Indices point into the checked list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// It starts before or ends after the working day.
    OutsideHours(usize),
    /// It runs through lunch.
    OverLunch(usize),
    /// It falls on a Saturday or Sunday.
    Weekend(usize),
    /// It falls on a public holiday.
    Holiday(usize, Holiday),
    /// It falls in a break: an error when residents take part, else a warning.
    InBreak {
        /// The session.
        session: usize,
        /// The break's name.
        name: String,
    },
    /// Two sessions need the same group, room or facilitator at once.
    Clash {
        /// The earlier session.
        first: usize,
        /// The later one.
        second: usize,
        /// Who or what both need: a group id, a place or a facilitator.
        what: String,
    },
}

impl Problem {
    /// Whether the plan may keep it with a warning: a session without
    /// residents in a break.
    pub fn is_warning(&self, sessions: &[Session]) -> bool {
        matches!(self, Problem::InBreak { session, .. } if !sessions[*session].residents)
    }
}

/// Everything in `sessions` that breaks a rule of `settings`, in list order.
/// A session for everyone needs every group; an unbooked appointment's
/// reservation counts as the group's time.
pub fn problems(sessions: &[Session], settings: &Settings) -> Vec<Problem> {
    let mut found = Vec::new();
    let mut by_day: HashMap<NaiveDate, Vec<usize>> = HashMap::new();
    for (i, s) in sessions.iter().enumerate() {
        by_day.entry(s.date).or_default().push(i);
        if !settings.day.hours().contains(s.span()) {
            found.push(Problem::OutsideHours(i));
        } else if settings.day.lunch().overlaps(s.span()) {
            found.push(Problem::OverLunch(i));
        }
        if matches!(s.date.weekday(), Weekday::Sat | Weekday::Sun) {
            found.push(Problem::Weekend(i));
        }
        if let Some(holiday) = holiday_on(s.date) {
            found.push(Problem::Holiday(i, holiday));
        }
        if let Some(b) = break_on(&settings.breaks, s.date) {
            found.push(Problem::InBreak {
                session: i,
                name: b.name.clone(),
            });
        }
    }
    let mut days: Vec<_> = by_day.into_values().collect();
    days.sort();
    for day in days {
        for (n, &a) in day.iter().enumerate() {
            for &b in &day[n + 1..] {
                let (x, y) = (&sessions[a], &sessions[b]);
                if x.span().overlaps(y.span())
                    && let Some(what) = shared(x, y, settings)
                {
                    found.push(Problem::Clash {
                        first: a.min(b),
                        second: a.max(b),
                        what,
                    });
                }
            }
        }
    }
    found
}

/// The problems a session would have among the others: for refusing a move.
pub fn problems_of(index: usize, sessions: &[Session], settings: &Settings) -> Vec<Problem> {
    problems(sessions, settings)
        .into_iter()
        .filter(|p| match p {
            Problem::OutsideHours(i) | Problem::OverLunch(i) | Problem::Weekend(i) => *i == index,
            Problem::Holiday(i, _) => *i == index,
            Problem::InBreak { session, .. } => *session == index,
            Problem::Clash { first, second, .. } => *first == index || *second == index,
        })
        .collect()
}

/// The sessions of a group with its own weekday or time that the plan could
/// not hold then (its week had no room): held on another weekday, or
/// earlier than the group's time. Appointments (the group agrees on them
/// with the people it meets) and sessions moved by hand are left out.
pub fn off_own_slot(sessions: &[Session], settings: &Settings) -> Vec<usize> {
    let own: HashMap<&str, &super::GroupSettings> =
        settings.groups.iter().map(|g| (g.id.as_str(), g)).collect();
    sessions
        .iter()
        .enumerate()
        .filter(|(_, s)| s.appointment.is_none() && !by_hand(s))
        .filter(|(_, s)| {
            let Some(g) = s.group.as_deref().and_then(|g| own.get(g)) else {
                return false;
            };
            // The group's day that week, unless a public holiday took it.
            let own_day = g.weekday.map(|w| {
                let monday = s.date.week(Weekday::Mon).first_day();
                monday + chrono::Days::new(u64::from(w.num_days_from_monday()))
            });
            let other_day = own_day.is_some_and(|d| d != s.date && holiday_on(d).is_none());
            let too_early = g.time.is_some_and(|t| s.start < t);
            other_day || too_early
        })
        .map(|(i, _)| i)
        .collect()
}

/// Whether someone moved the session (`samskap move`, schedule.yaml).
fn by_hand(s: &Session) -> bool {
    matches!(&s.moved, Some(m) if m.reason == super::Reason::ByHand)
}

/// Who or what two sessions both need, if anyone.
fn shared(x: &Session, y: &Session, settings: &Settings) -> Option<String> {
    let groups_clash = match (&x.group, &y.group) {
        (Some(a), Some(b)) => (a == b).then(|| a.clone()),
        (Some(g), None) | (None, Some(g)) => Some(g.clone()),
        (None, None) => settings.groups.first().map(|g| g.id.clone()),
    };
    groups_clash
        .or_else(|| {
            x.place
                .as_ref()
                .filter(|p| Some(*p) == y.place.as_ref())
                .cloned()
        })
        .or_else(|| {
            (x.facilitated && y.facilitated && x.facilitator == y.facilitator).then(|| {
                x.facilitator
                    .clone()
                    .unwrap_or_else(|| "facilitator".into())
            })
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::test_support::{date, time};
    use crate::plan::{Break, GroupSettings, WorkingDay};

    fn session(step: &str, group: Option<&str>, day: &str, start: &str, end: &str) -> Session {
        Session {
            phase: "p".into(),
            step: step.into(),
            group: group.map(Into::into),
            week: 1,
            phase_week: 1,
            date: date(day),
            start: time(start),
            end: time(end),
            place: None,
            facilitated: false,
            facilitator: None,
            residents: false,
            appointment: None,
            moved: None,
        }
    }

    fn settings() -> Settings {
        Settings {
            start: date("2027-01-04"),
            weekday: Weekday::Tue,
            time: time("09:00"),
            day: WorkingDay::USUAL,
            place: None,
            facilitators: Vec::new(),
            breaks: vec![Break {
                name: "Vinterferie".into(),
                from: date("2027-02-22"),
                to: date("2027-02-28"),
            }],
            groups: vec![GroupSettings::new("a"), GroupSettings::new("b")],
        }
    }

    #[test]
    fn each_rule_is_found() {
        let mut sessions = vec![
            session("early", Some("a"), "2027-01-05", "08:30", "09:30"),
            session("lunch", Some("b"), "2027-01-05", "11:00", "12:00"),
            session("holiday", Some("a"), "2027-05-17", "09:00", "10:00"),
            session("saturday", Some("a"), "2027-01-09", "09:00", "10:00"),
            session("break", Some("a"), "2027-02-23", "09:00", "10:00"),
            session("x", Some("a"), "2027-01-06", "09:00", "10:00"),
            session("y", Some("a"), "2027-01-06", "09:30", "10:30"),
            session("all", None, "2027-01-07", "09:00", "10:00"),
            session("z", Some("b"), "2027-01-07", "09:30", "10:30"),
            session("room1", Some("a"), "2027-01-08", "09:00", "10:00"),
            session("room2", Some("b"), "2027-01-08", "09:00", "10:00"),
        ];
        sessions[9].place = Some("Sal".into());
        sessions[10].place = Some("Sal".into());
        let found = problems(&sessions, &settings());
        assert!(found.contains(&Problem::OutsideHours(0)));
        assert!(found.contains(&Problem::OverLunch(1)));
        assert!(found.contains(&Problem::Holiday(2, Holiday::ConstitutionDay)));
        assert!(found.contains(&Problem::Weekend(3)));
        assert!(found.contains(&Problem::InBreak {
            session: 4,
            name: "Vinterferie".into()
        }));
        assert!(
            found
                .iter()
                .any(|p| matches!(p, Problem::Clash { first: 5, second: 6, what } if what == "a"))
        );
        assert!(
            found
                .iter()
                .any(|p| matches!(p, Problem::Clash { first: 7, second: 8, what } if what == "b"))
        );
        assert!(
            found.iter().any(
                |p| matches!(p, Problem::Clash { first: 9, second: 10, what } if what == "Sal")
            )
        );
        // A break is a warning without residents and an error with them.
        let in_break = Problem::InBreak {
            session: 4,
            name: "Vinterferie".into(),
        };
        assert!(in_break.is_warning(&sessions));
        sessions[4].residents = true;
        assert!(!in_break.is_warning(&sessions));
        assert_eq!(problems_of(9, &sessions, &settings()).len(), 1);
    }

    #[test]
    fn a_session_off_its_groups_own_day_or_before_its_time_is_found() {
        let mut s = settings();
        s.groups[0].weekday = Some(Weekday::Fri);
        s.groups[0].time = Some(time("13:00"));
        s.groups[1].time = Some(time("12:00"));
        let mut sessions = vec![
            session("kept", Some("a"), "2027-01-08", "13:00", "14:00"),
            session("later", Some("a"), "2027-01-08", "14:15", "15:15"),
            session("thursday", Some("a"), "2027-01-07", "13:00", "14:00"),
            session("early", Some("a"), "2027-01-08", "09:00", "10:00"),
            session("b-early", Some("b"), "2027-01-05", "09:00", "10:00"),
            session("b-kept", Some("b"), "2027-01-06", "12:00", "13:00"),
            session("all", None, "2027-01-05", "09:00", "10:00"),
            session("interview", Some("a"), "2027-01-05", "09:00", "10:00"),
            // Friday 26 March 2027 is Good Friday: Thursday is no miss.
            session("easter", Some("a"), "2027-03-25", "13:00", "14:00"),
        ];
        sessions[7].appointment = Some(crate::plan::Appointment {
            from: date("2027-01-04"),
            by: date("2027-01-08"),
            booked: false,
        });
        assert_eq!(off_own_slot(&sessions, &s), [2, 3, 4]);
    }

    #[test]
    fn sessions_apart_or_of_other_people_are_fine() {
        let sessions = vec![
            session("x", Some("a"), "2027-01-05", "09:00", "10:00"),
            session("y", Some("b"), "2027-01-05", "09:00", "10:00"),
            session("z", Some("a"), "2027-01-05", "10:00", "11:00"),
        ];
        assert_eq!(problems(&sessions, &settings()), []);
    }
}

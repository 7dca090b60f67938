//! The sprint's plan: which session is held when, where and by whom.
//!
//! Each rule lives in one file: [`holidays`] (the days no one works),
//! [`breaks`] (school holidays), [`day`] (working hours and lunch),
//! [`weeks`] (week numbers in words), [`dates`] (how dates are written),
//! [`slot`] (laying steps out over the weeks) and [`rules`] (what a plan
//! must keep to, checked over any list of sessions). Everything here is pure: it takes dates and a workbook and
//! returns values, so the calendar rules are tested with plain values and
//! no clock or disk.

pub mod breaks;
pub mod dates;
pub mod day;
pub mod holidays;
pub mod rules;
pub mod slot;
pub mod weeks;

use chrono::{NaiveDate, NaiveTime, TimeDelta, Weekday};
use serde::Serialize;

use crate::workbook::Lang;

pub use breaks::Break;
pub use dates::{long_date, serialize_date, serialize_opt_date};
pub use day::{Span, WorkingDay};
pub use holidays::{
    Holiday, easter_sunday, holiday_on, holidays, is_working_day, next_working_day,
};
pub use slot::{Unfit, plan};

/// What the plan is made from, besides the workbook: the sprint's settings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settings {
    /// The first day of the process; nothing is planned before it.
    pub start: NaiveDate,
    /// The weekday sessions are held on when the week allows.
    pub weekday: Weekday,
    /// The time sessions start when the day allows.
    pub time: NaiveTime,
    /// The working hours and lunch.
    pub day: WorkingDay,
    /// Where sessions for everyone are held, and group sessions unless the
    /// group has its own place.
    pub place: Option<String>,
    /// The facilitators; a facilitated session needs one of them. None
    /// named means one, unnamed.
    pub facilitators: Vec<String>,
    /// The breaks: no session with residents falls in one.
    pub breaks: Vec<Break>,
    /// The work groups, in the order their sessions are listed.
    pub groups: Vec<GroupSettings>,
}

/// A work group's own weekday, time and place, where it has them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GroupSettings {
    /// The group's id.
    pub id: String,
    /// The weekday its own sessions are held on when the week allows.
    pub weekday: Option<Weekday>,
    /// The time its own sessions start when the day allows.
    pub time: Option<NaiveTime>,
    /// Where its own sessions are held.
    pub place: Option<String>,
}

impl GroupSettings {
    /// A group with no settings of its own.
    pub fn new(id: impl Into<String>) -> GroupSettings {
        GroupSettings {
            id: id.into(),
            ..GroupSettings::default()
        }
    }
}

/// One session of the sprint: a step held once, or held by one work group.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Session {
    /// The phase's id.
    pub phase: String,
    /// The step's id.
    pub step: String,
    /// The work group's id, or `None` for a session for everyone.
    pub group: Option<String>,
    /// The week of the whole process, from 1 ("prosessuke").
    pub week: u32,
    /// The week within its phase, from 1 ("sprintuke" in the design sprint).
    pub phase_week: u32,
    /// The day it is held.
    #[serde(serialize_with = "serialize_date")]
    pub date: NaiveDate,
    /// When it starts.
    #[serde(serialize_with = "dates::clock")]
    pub start: NaiveTime,
    /// When it ends.
    #[serde(serialize_with = "dates::clock")]
    pub end: NaiveTime,
    /// Where it is held, when the sprint says (an appointment: where the
    /// group and the people it meets agree).
    pub place: Option<String>,
    /// Whether the step needs a facilitator.
    pub facilitated: bool,
    /// The facilitator booked for it, when the step needs one and the
    /// sprint names its facilitators.
    pub facilitator: Option<String>,
    /// Whether residents take part: such a session never falls in a break.
    pub residents: bool,
    /// For an appointment, the window it is booked within; its date and
    /// time are the plan's reservation until it is booked.
    pub appointment: Option<Appointment>,
    /// Why it is not where the plan would put it, if it was moved.
    pub moved: Option<Moved>,
}

/// The window of an appointment the group books itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Appointment {
    /// The first day it can be held.
    #[serde(serialize_with = "serialize_date")]
    pub from: NaiveDate,
    /// The last day it can be held: the deadline.
    #[serde(serialize_with = "serialize_date")]
    pub by: NaiveDate,
    /// Whether a date has been agreed.
    pub booked: bool,
}

impl Session {
    /// How long the session lasts.
    pub fn length(&self) -> TimeDelta {
        self.end - self.start
    }

    /// Whether it is an appointment no one has booked yet.
    pub fn unbooked(&self) -> bool {
        self.appointment.is_some_and(|a| !a.booked)
    }

    /// The clock span it takes.
    pub fn span(&self) -> Span {
        Span {
            start: self.start,
            end: self.end,
        }
    }

    /// Books an appointment for `date` (from the notes of the meeting):
    /// its window's date, at the planned time.
    pub fn book(&mut self, date: NaiveDate) {
        self.date = date;
        if let Some(appointment) = &mut self.appointment {
            appointment.booked = true;
        }
    }

    /// Books an unbooked appointment of a group on the first date of its
    /// interview notes (`dates`, by group) that falls in its window.
    pub fn book_from_notes(&mut self, dates: &[(String, Vec<NaiveDate>)]) {
        let (Some(window), Some(group)) = (self.appointment, &self.group) else {
            return;
        };
        if window.booked {
            return;
        }
        let noted = dates
            .iter()
            .filter(|(g, _)| g == group)
            .flat_map(|(_, d)| d)
            .filter(|d| (window.from..=window.by).contains(*d))
            .min();
        if let Some(date) = noted {
            self.book(*date);
        }
    }

    /// Holds the session on `date`, at `time` and in `place` when given
    /// (else at its planned time and place), keeping its length: the one
    /// way a per-session override (a move someone made) changes the plan.
    /// An appointment counts as booked from then on.
    pub fn reschedule(&mut self, date: NaiveDate, time: Option<NaiveTime>, place: Option<String>) {
        let length = self.length();
        let from = self.date;
        self.date = date;
        if let Some(time) = time {
            self.start = time;
            self.end = time + length;
        }
        if place.is_some() {
            self.place = place;
        }
        if let Some(appointment) = &mut self.appointment {
            appointment.booked = true;
        }
        self.moved = Some(Moved {
            from,
            reason: Reason::ByHand,
        });
    }
}

/// A session held on another day than the plan's usual one, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Moved {
    /// The day it would have been held.
    #[serde(serialize_with = "serialize_date")]
    pub from: NaiveDate,
    /// Why it moved.
    #[serde(flatten)]
    pub reason: Reason,
}

/// Why a session moved.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Reason {
    /// The day was a public holiday.
    Holiday(Holiday),
    /// The week was in a break (a school holiday) and residents take part:
    /// the process moved on a week.
    Break(String),
    /// Someone moved it (`samskap move`).
    #[serde(rename = "by-hand")]
    ByHand,
}

impl Moved {
    /// Why it moved, in a few words: "Kristi himmelfartsdag", "etter avtale"
    /// (read after "moved from DATE", in status, agendas and calendars).
    pub fn why(&self, lang: Lang) -> String {
        match &self.reason {
            Reason::Holiday(holiday) => holiday.name(lang).to_owned(),
            Reason::Break(name) => name.clone(),
            Reason::ByHand => crate::i18n::msg::plan_by_arrangement(lang).to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::test_support::{date, time};
    use super::*;

    fn session() -> Session {
        Session {
            phase: "utforske".into(),
            step: "intervju".into(),
            group: Some("a".into()),
            week: 2,
            phase_week: 2,
            date: date("2027-02-23"),
            start: time("09:00"),
            end: time("10:30"),
            place: Some("Solsikken".into()),
            facilitated: false,
            facilitator: None,
            residents: true,
            appointment: Some(Appointment {
                from: date("2027-03-01"),
                by: date("2027-03-05"),
                booked: false,
            }),
            moved: None,
        }
    }

    #[test]
    fn reschedule_keeps_the_length_and_says_it_was_moved() {
        let mut s = session();
        s.reschedule(
            date("2027-03-02"),
            Some(time("12:15")),
            Some("Biblioteket".into()),
        );
        assert_eq!(s.place.as_deref(), Some("Biblioteket"));
        assert!(!s.unbooked());
        assert_eq!(
            (s.date, s.start, s.end),
            (date("2027-03-02"), time("12:15"), time("13:45"))
        );
        let moved = s.moved.clone().unwrap();
        assert_eq!(moved.from, date("2027-02-23"));
        assert_eq!(moved.why(Lang::En), "by arrangement");
        let json = serde_json::to_value(&s).unwrap();
        assert_eq!(
            json["moved"],
            serde_json::json!({ "from": "2027-02-23", "by-hand": null })
        );
    }

    #[test]
    fn reschedule_without_a_time_keeps_the_clock() {
        let mut s = session();
        s.reschedule(date("2027-03-04"), None, None);
        assert_eq!((s.start, s.end), (time("09:00"), time("10:30")));
        assert_eq!(s.place.as_deref(), Some("Solsikken"));
    }
}

#[cfg(test)]
pub(crate) mod test_support {
    use chrono::{NaiveDate, NaiveTime};

    pub fn date(iso: &str) -> NaiveDate {
        NaiveDate::parse_from_str(iso, "%Y-%m-%d").unwrap()
    }

    pub fn time(hh_mm: &str) -> NaiveTime {
        NaiveTime::parse_from_str(hh_mm, "%H:%M").unwrap()
    }
}

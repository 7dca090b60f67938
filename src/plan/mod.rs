//! The sprint's plan: which session is held when, where and by whom.
//!
//! Each rule lives in one file: [`holidays`] (the days no one works),
//! [`dates`] (how dates are written), [`slot`] (laying steps out over the
//! weeks). Everything here is pure: it takes dates and a workbook and
//! returns values, so the calendar rules are tested with plain values and
//! no clock or disk.

pub mod dates;
pub mod holidays;
pub mod slot;

use chrono::{NaiveDate, NaiveTime, TimeDelta, Weekday};
use serde::Serialize;

use crate::workbook::Lang;

pub use dates::{long_date, serialize_date, serialize_opt_date};
pub use holidays::{
    Holiday, easter_sunday, holiday_on, holidays, is_working_day, next_working_day,
};
pub use slot::{longest_day, plan};

/// What the plan is made from, besides the workbook: the sprint's settings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settings {
    /// The sprint starts on the first `weekday` on or after this date.
    pub start: NaiveDate,
    /// The day of the week sessions are held. A session day that is a public
    /// holiday moves to the next working day; other days are kept as given.
    pub weekday: Weekday,
    /// When the first session of a day starts.
    pub time: NaiveTime,
    /// The work groups' ids, in the order their sessions are listed.
    pub groups: Vec<String>,
    /// Where sessions are held.
    pub place: Option<String>,
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
    /// The week of the whole process, from 1.
    pub week: u32,
    /// The day it is held.
    #[serde(serialize_with = "serialize_date")]
    pub date: NaiveDate,
    /// When it starts.
    #[serde(serialize_with = "dates::clock")]
    pub start: NaiveTime,
    /// When it ends.
    #[serde(serialize_with = "dates::clock")]
    pub end: NaiveTime,
    /// Where it is held, when the sprint says.
    pub place: Option<String>,
    /// Why it is not where the plan would put it, if it was moved.
    pub moved: Option<Moved>,
}

impl Session {
    /// How long the session lasts.
    pub fn length(&self) -> TimeDelta {
        self.end - self.start
    }

    /// Holds the session on `date`, at `time` and in `place` when given
    /// (else at its planned time and place), keeping its length: the one
    /// way a per-session override (a move someone made) changes the plan.
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
            date: date("2027-02-23"),
            start: time("09:00"),
            end: time("10:30"),
            place: Some("Solsikken".into()),
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

//! The working day: the hours sessions are held in and the lunch no
//! session runs through.

use chrono::{NaiveTime, TimeDelta};

/// A stretch of one day, from `start` up to (not including) `end`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    /// When it starts.
    pub start: NaiveTime,
    /// When it ends; always after `start`.
    pub end: NaiveTime,
}

impl Span {
    /// The span from `start` to `end`, or `None` unless `end` is after `start`.
    pub fn new(start: NaiveTime, end: NaiveTime) -> Option<Span> {
        (end > start).then_some(Span { start, end })
    }

    /// Parses `HH:MM-HH:MM` (an en dash works too).
    pub fn parse(s: &str) -> Result<Span, SpanError> {
        let (from, to) = s.split_once(['-', '–']).ok_or(SpanError::NotASpan)?;
        let time = |t: &str| {
            let t = t.trim();
            (t.len() == 5)
                .then(|| NaiveTime::parse_from_str(t, "%H:%M").ok())
                .flatten()
                .ok_or(SpanError::NotASpan)
        };
        let (start, end) = (time(from)?, time(to)?);
        Span::new(start, end).ok_or(SpanError::EndNotAfterStart)
    }

    /// Whether the two spans share a moment.
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// Whether `other` lies wholly inside this span.
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// How long it lasts, in minutes.
    pub fn minutes(self) -> i64 {
        (self.end - self.start).num_minutes()
    }
}

impl std::fmt::Display for Span {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}–{}",
            self.start.format("%H:%M"),
            self.end.format("%H:%M")
        )
    }
}

/// Why a text is no span.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SpanError {
    /// Not two clock times joined by a dash.
    NotASpan,
    /// The end comes at or before the start.
    EndNotAfterStart,
}

/// The sprint's working day: its hours and its lunch.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WorkingDay {
    hours: Span,
    lunch: Span,
}

impl WorkingDay {
    /// The hours of the built-in workbook: 09:00–15:30 with lunch 11:30–12:00.
    pub const USUAL: WorkingDay = WorkingDay {
        hours: Span {
            start: NaiveTime::from_hms_opt(9, 0, 0).expect("a clock time"),
            end: NaiveTime::from_hms_opt(15, 30, 0).expect("a clock time"),
        },
        lunch: Span {
            start: NaiveTime::from_hms_opt(11, 30, 0).expect("a clock time"),
            end: NaiveTime::from_hms_opt(12, 0, 0).expect("a clock time"),
        },
    };

    /// A working day, or `None` when the lunch is not inside the hours.
    pub fn new(hours: Span, lunch: Span) -> Option<WorkingDay> {
        let inside = hours.start < lunch.start && lunch.end < hours.end;
        inside.then_some(WorkingDay { hours, lunch })
    }

    /// The hours sessions are held in.
    pub fn hours(self) -> Span {
        self.hours
    }

    /// The lunch break.
    pub fn lunch(self) -> Span {
        self.lunch
    }

    /// Whether a session held `span` keeps to the day: inside the hours
    /// and clear of lunch.
    pub fn allows(self, span: Span) -> bool {
        self.hours.contains(span) && !self.lunch.overlaps(span)
    }

    /// The longest session the day can hold: the longer of the morning and
    /// the afternoon.
    pub fn longest(self) -> i64 {
        let morning = (self.lunch.start - self.hours.start).num_minutes();
        let afternoon = (self.hours.end - self.lunch.end).num_minutes();
        morning.max(afternoon)
    }

    /// The span of a `minutes`-long session starting at `start`, if it keeps
    /// to the day.
    pub fn session_at(self, start: NaiveTime, minutes: i64) -> Option<Span> {
        let (end, wrapped) = start.overflowing_add_signed(TimeDelta::minutes(minutes));
        let span = Span::new(start, end).filter(|_| wrapped == 0)?;
        self.allows(span).then_some(span)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::test_support::time;

    fn span(s: &str) -> Span {
        Span::parse(s).unwrap()
    }

    #[test]
    fn spans_parse_with_a_hyphen_or_an_en_dash() {
        assert_eq!(span("09:00-15:30"), span("09:00–15:30"));
        assert_eq!(span(" 09:00 - 15:30 ").minutes(), 390);
        assert_eq!(Span::parse("15:30-09:00"), Err(SpanError::EndNotAfterStart));
        assert_eq!(Span::parse("09:00-09:00"), Err(SpanError::EndNotAfterStart));
        assert_eq!(Span::parse("9-15"), Err(SpanError::NotASpan));
        assert_eq!(Span::parse("09:00"), Err(SpanError::NotASpan));
        assert_eq!(span("09:00-15:30").to_string(), "09:00–15:30");
    }

    #[test]
    fn lunch_must_lie_inside_the_hours() {
        let hours = span("09:00-15:30");
        assert!(WorkingDay::new(hours, span("11:30-12:00")).is_some());
        assert!(WorkingDay::new(hours, span("08:30-09:30")).is_none());
        assert!(WorkingDay::new(hours, span("15:00-16:00")).is_none());
        assert!(WorkingDay::new(hours, span("09:00-09:30")).is_none());
    }

    #[test]
    fn a_session_keeps_to_the_hours_and_clear_of_lunch() {
        let day = WorkingDay::USUAL;
        assert!(day.session_at(time("09:00"), 150).is_some());
        assert!(day.session_at(time("09:00"), 155).is_none()); // into lunch
        assert!(day.session_at(time("11:00"), 60).is_none()); // through lunch
        assert!(day.session_at(time("12:00"), 210).is_some());
        assert!(day.session_at(time("12:00"), 215).is_none()); // past 15:30
        assert!(day.session_at(time("08:45"), 30).is_none()); // before 09:00
        assert!(day.session_at(time("23:30"), 60).is_none()); // past midnight
        assert_eq!(day.longest(), 210);
    }
}

//! `calendar-sent.yaml`: what samskap last wrote to calendar files, event by
//! event, so that a calendar updates instead of keeping stale events.
//!
//! Calendars (Outlook, Google) replace an event they hold only when the new
//! one has the same UID and a higher SEQUENCE, and remove one only when it
//! comes back as cancelled. The record keeps each event's sequence, the
//! time that version was first written (its DTSTAMP) and what a calendar
//! shows of it; writing the calendar again gives the same file as long as
//! the plan is the same. Only samskap writes it, under the workspace lock.

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use serde::Deserialize;

use super::Workspace;
use super::config::{parse_date, parse_time};
use crate::diagnostic::Diagnostic;
use crate::error::{Error, Result};
use crate::fs::{self, Overwrite};
use crate::i18n::{msg, ui};
use crate::workbook::At;
use crate::workbook::load::Sources;

/// The record's file name in the workspace.
pub const SENT_FILE: &str = "calendar-sent.yaml";

/// What a calendar shows of an event: when it changes, the event's
/// sequence rises.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shown {
    /// The event's UID.
    pub uid: String,
    /// The step's id.
    pub step: String,
    /// The work group's id, for a session held in each group.
    pub group: Option<String>,
    /// The day.
    pub date: NaiveDate,
    /// When it starts.
    pub start: NaiveTime,
    /// When it ends.
    pub end: NaiveTime,
    /// Its title.
    pub title: String,
    /// Where.
    pub place: Option<String>,
    /// Its time is a proposal (an appointment not yet booked): booking it
    /// changes the event's STATUS, which calendars take only with a higher
    /// sequence.
    pub tentative: bool,
}

/// One event as last written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sent {
    /// What it showed.
    pub shown: Shown,
    /// Its SEQUENCE: 0 when first written, one more at every change.
    pub sequence: u32,
    /// When this version was first written: its DTSTAMP.
    pub stamp: DateTime<Utc>,
    /// The session no longer exists: written as cancelled.
    pub cancelled: bool,
}

/// Every event ever written for the sprint, in the order of the plan, the
/// cancelled ones after the others.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Record {
    /// The events.
    pub events: Vec<Sent>,
}

impl Record {
    /// The events to write now for `plan` (what a calendar should show of
    /// each session, in order), made at `now`. An event unchanged since it
    /// was last written keeps its sequence and stamp; a changed one, or one
    /// that comes back, gets the next sequence; one no longer in the plan
    /// is cancelled, once.
    #[must_use]
    pub fn next(&self, plan: Vec<Shown>, now: DateTime<Utc>) -> Record {
        let mut before: std::collections::HashMap<&str, &Sent> = self
            .events
            .iter()
            .map(|e| (e.shown.uid.as_str(), e))
            .collect();
        let mut events = Vec::with_capacity(plan.len().max(self.events.len()));
        for shown in plan {
            let event = match before.remove(shown.uid.as_str()) {
                Some(old) if !old.cancelled && old.shown == shown => old.clone(),
                Some(old) => Sent {
                    shown,
                    sequence: old.sequence.saturating_add(1),
                    stamp: now,
                    cancelled: false,
                },
                None => Sent {
                    shown,
                    sequence: 0,
                    stamp: now,
                    cancelled: false,
                },
            };
            events.push(event);
        }
        // What is left is gone from the plan: in the record's order.
        for old in &self.events {
            if !before.contains_key(old.shown.uid.as_str()) {
                continue;
            }
            events.push(if old.cancelled {
                old.clone()
            } else {
                Sent {
                    shown: old.shown.clone(),
                    sequence: old.sequence.saturating_add(1),
                    stamp: now,
                    cancelled: true,
                }
            });
        }
        Record { events }
    }

    /// The groups the record has events of, for `calendar --group` of a
    /// group since removed.
    pub fn has_group(&self, group: &str) -> bool {
        self.events
            .iter()
            .any(|e| e.shown.group.as_deref() == Some(group))
    }

    /// The file's text, its header in `lang` (the sprint's).
    pub fn render(&self, lang: crate::workbook::Lang) -> String {
        let mut out = format!("{}\n", crate::i18n::msg::header_sent(lang));
        if self.events.is_empty() {
            out.push_str("events: []\n");
            return out;
        }
        out.push_str("events:\n");
        for e in &self.events {
            let s = &e.shown;
            // Ids are checked slugs and times fixed formats; texts are quoted.
            out.push_str(&format!("  - uid: {}\n", quoted(&s.uid)));
            out.push_str(&format!("    step: {}\n", quoted(&s.step)));
            if let Some(group) = &s.group {
                out.push_str(&format!("    group: {}\n", quoted(group)));
            }
            out.push_str(&format!("    sequence: {}\n", e.sequence));
            out.push_str(&format!(
                "    stamp: {}\n",
                e.stamp.format("%Y-%m-%dT%H:%M:%SZ")
            ));
            out.push_str(&format!("    date: {}\n", s.date.format("%Y-%m-%d")));
            out.push_str(&format!("    start: \"{}\"\n", s.start.format("%H:%M")));
            out.push_str(&format!("    end: \"{}\"\n", s.end.format("%H:%M")));
            out.push_str(&format!("    title: {}\n", quoted(&s.title)));
            if let Some(place) = &s.place {
                out.push_str(&format!("    place: {}\n", quoted(place)));
            }
            if s.tentative {
                out.push_str("    tentative: true\n");
            }
            if e.cancelled {
                out.push_str("    cancelled: true\n");
            }
        }
        out
    }
}

/// A YAML double-quoted scalar (JSON's escapes are YAML's).
fn quoted(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
}

/// The file as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RecordFile {
    #[serde(default)]
    events: Vec<SentFile>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SentFile {
    uid: String,
    step: String,
    #[serde(default)]
    group: Option<String>,
    sequence: u32,
    stamp: At<String>,
    date: At<String>,
    start: At<String>,
    end: At<String>,
    title: String,
    #[serde(default)]
    place: Option<String>,
    #[serde(default)]
    tentative: bool,
    #[serde(default)]
    cancelled: bool,
}

/// Reads the record (empty when there is none yet).
pub fn read(ws: &Workspace) -> Result<Record> {
    let path = ws.path(SENT_FILE);
    if !path.exists() {
        return Ok(Record::default());
    }
    let display = path.display().to_string();
    let text = fs::read_text(&path)?;
    let mut sources = Sources::default();
    let id = sources.add(display.clone(), text);
    let file: RecordFile = crate::yaml::parse_or_empty(&display, sources.text(id), id)
        .map_err(|d| Error::Invalid(vec![with_advice(d)]))?;
    check(file, &sources).map_err(Error::Invalid)
}

/// What to do about a broken record: it is samskap's, so starting afresh
/// is safe, at the price of calendars that may not update once.
fn with_advice(d: Diagnostic) -> Diagnostic {
    d.with_hint(msg::sent_file_hint(ui(), SENT_FILE))
}

fn check(file: RecordFile, sources: &Sources) -> Result<Record, Vec<Diagnostic>> {
    let mut problems = Vec::new();
    let mut events = Vec::with_capacity(file.events.len());
    for e in file.events {
        let mut bad = |at: &At<String>, what: String| {
            problems.push(with_advice(sources.diagnostic(at.loc, what)));
        };
        let stamp = DateTime::parse_from_rfc3339(&e.stamp)
            .ok()
            .map(|t| t.with_timezone(&Utc));
        if stamp.is_none() {
            bad(&e.stamp, msg::sent_not_a_stamp(ui(), &e.stamp.value));
        }
        let date = parse_date(&e.date);
        if date.is_none() {
            bad(&e.date, msg::sent_not_a_date(ui(), &e.date.value));
        }
        let (start, end) = (parse_time(&e.start), parse_time(&e.end));
        if start.is_none() {
            bad(&e.start, msg::sent_not_a_time(ui(), &e.start.value));
        }
        if end.is_none() {
            bad(&e.end, msg::sent_not_a_time(ui(), &e.end.value));
        }
        if let (Some(stamp), Some(date), Some(start), Some(end)) = (stamp, date, start, end) {
            events.push(Sent {
                shown: Shown {
                    uid: e.uid,
                    step: e.step,
                    group: e.group,
                    date,
                    start,
                    end,
                    title: e.title,
                    place: e.place,
                    tentative: e.tentative,
                },
                sequence: e.sequence,
                stamp,
                cancelled: e.cancelled,
            });
        }
    }
    if problems.is_empty() {
        Ok(Record { events })
    } else {
        Err(problems)
    }
}

/// Reads the record under the workspace's lock, works out the events for
/// `plan` and writes the record back if they changed. Returns the events.
pub fn update(ws: &Workspace, plan: Vec<Shown>, now: DateTime<Utc>) -> Result<Record> {
    super::locked(ws, || {
        let before = read(ws)?;
        let after = before.next(plan, now);
        if after != before {
            fs::write(
                &ws.path(SENT_FILE),
                after.render(ws.lang(None)).as_bytes(),
                Overwrite::Allowed,
            )?;
        }
        Ok(after)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(uid: &str, day: u32, title: &str) -> Shown {
        Shown {
            uid: uid.into(),
            step: uid.into(),
            group: Some("gruppe-1".into()),
            date: NaiveDate::from_ymd_opt(2027, 1, day).unwrap(),
            start: NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
            end: NaiveTime::from_hms_opt(10, 30, 0).unwrap(),
            title: title.into(),
            place: Some("Rom 2, «store»".into()),
            tentative: false,
        }
    }

    fn at(secs: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(secs, 0).unwrap()
    }

    #[test]
    fn the_same_plan_gives_the_same_events() {
        let first = Record::default().next(vec![shown("a", 5, "A"), shown("b", 6, "B")], at(1));
        assert!(first.events.iter().all(|e| e.sequence == 0 && !e.cancelled));
        let again = first.next(vec![shown("a", 5, "A"), shown("b", 6, "B")], at(2));
        assert_eq!(first, again, "nothing changed, not even the stamps");
    }

    #[test]
    fn a_change_raises_the_sequence_and_a_gone_event_is_cancelled_once() {
        let first = Record::default().next(vec![shown("a", 5, "A"), shown("b", 6, "B")], at(1));
        let moved = first.next(vec![shown("a", 7, "A")], at(2));
        assert_eq!(moved.events[0].sequence, 1);
        assert_eq!(moved.events[0].stamp, at(2));
        assert_eq!(moved.events[0].shown.date.to_string(), "2027-01-07");
        let gone = &moved.events[1];
        assert_eq!(
            (gone.shown.uid.as_str(), gone.sequence, gone.cancelled),
            ("b", 1, true)
        );
        // Written again, the cancellation is the same; back again, it rises.
        let again = moved.next(vec![shown("a", 7, "A")], at(3));
        assert_eq!(again, moved);
        let back = again.next(vec![shown("a", 7, "A"), shown("b", 6, "B")], at(4));
        assert_eq!(
            (back.events[1].sequence, back.events[1].cancelled),
            (2, false)
        );
        // A new title is a change too.
        let renamed = back.next(vec![shown("a", 7, "A2"), shown("b", 6, "B")], at(5));
        assert_eq!(renamed.events[0].sequence, 2);
        assert_eq!(renamed.events[1].sequence, 2);
    }

    #[test]
    fn the_file_reads_back_as_written() {
        let record = Record::default()
            .next(vec![shown("a", 5, "Økt: \"a\", b\\c")], at(1_800_000_000))
            .next(vec![], at(1_800_000_060));
        let text = record.render(crate::workbook::Lang::Nb);
        let file: RecordFile = serde_saphyr::from_str(&text).unwrap();
        let back = check(file, &Sources::default()).unwrap();
        assert_eq!(back, record);
    }

    /// A plan of up to six sessions: (which uid, which day, which title).
    fn plan_of(raw: &[(u8, u32, u8)]) -> Vec<Shown> {
        let mut seen = std::collections::HashSet::new();
        raw.iter()
            .filter(|(uid, _, _)| seen.insert(*uid))
            .map(|(uid, day, title)| shown(&format!("s{uid}"), *day, &format!("T{title}")))
            .collect()
    }

    proptest::proptest! {
        /// Over any run of plans: no event is ever lost, its sequence rises by
        /// one exactly when what a calendar shows of it changes (or it is
        /// cancelled or comes back), and the same plan again changes nothing.
        #[test]
        fn sequences_rise_exactly_when_an_event_changes(
            plans in proptest::collection::vec(
                proptest::collection::vec((0u8..6, 1u32..29, 0u8..2), 0..6),
                1..8,
            )
        ) {
            let mut record = Record::default();
            for (n, raw) in plans.iter().enumerate() {
                let plan = plan_of(raw);
                let next = record.next(plan.clone(), at(i64::try_from(n).unwrap()));
                let uids: std::collections::HashSet<&str> =
                    next.events.iter().map(|e| e.shown.uid.as_str()).collect();
                proptest::prop_assert_eq!(uids.len(), next.events.len(), "a UID twice");
                for old in &record.events {
                    let new = next.events.iter().find(|e| e.shown.uid == old.shown.uid);
                    let new = new.expect("no event is lost");
                    let changed = new.cancelled != old.cancelled || new.shown != old.shown;
                    let rise = new.sequence - old.sequence;
                    proptest::prop_assert_eq!(rise, u32::from(changed));
                    proptest::prop_assert_eq!(new.stamp == old.stamp, !changed);
                }
                for shown in &plan {
                    let e = next.events.iter().find(|e| e.shown.uid == shown.uid).unwrap();
                    proptest::prop_assert!(!e.cancelled && &e.shown == shown);
                }
                proptest::prop_assert_eq!(
                    next.events.iter().filter(|e| !e.cancelled).count(),
                    plan.len()
                );
                proptest::prop_assert_eq!(&next.next(plan, at(99)), &next);
                record = next;
            }
        }
    }

    #[test]
    fn booking_a_proposed_time_raises_the_sequence() {
        let proposed = Shown {
            tentative: true,
            ..shown("a", 5, "A")
        };
        let first = Record::default().next(vec![proposed], at(1));
        let booked = first.next(vec![shown("a", 5, "A")], at(2));
        assert_eq!(booked.events[0].sequence, 1);
        assert!(!booked.events[0].shown.tentative);
    }

    #[test]
    fn a_proposed_time_survives_the_file() {
        let proposed = Shown {
            tentative: true,
            ..shown("a", 5, "A")
        };
        let record = Record::default().next(vec![proposed], at(1));
        let text = record.render(crate::workbook::Lang::Nb);
        assert!(text.contains("tentative: true"), "{text}");
        let file: RecordFile = serde_saphyr::from_str(&text).unwrap();
        assert!(file.events[0].tentative);
    }
}

//! The sprint as an RFC 5545 calendar: one event per session, in Oslo time
//! with its VTIMEZONE, and a UID per session that stays the same when the
//! file is made again, so a calendar updates events instead of doubling them.
//!
//! Written by hand: the format is small, and the icalendar crate has no
//! VTIMEZONE support, which we need for Outlook to place events right.

use chrono::NaiveDateTime;

use crate::plan::Session;
use crate::sprint::sent::Sent;
use crate::workbook::Lang;

/// Europe/Oslo's rules since 1996: CET in winter, CEST from the last Sunday
/// of March to the last Sunday of October.
const OSLO: &str = "BEGIN:VTIMEZONE\r\n\
TZID:Europe/Oslo\r\n\
BEGIN:DAYLIGHT\r\n\
TZOFFSETFROM:+0100\r\n\
TZOFFSETTO:+0200\r\n\
TZNAME:CEST\r\n\
DTSTART:19700329T020000\r\n\
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n\
END:DAYLIGHT\r\n\
BEGIN:STANDARD\r\n\
TZOFFSETFROM:+0200\r\n\
TZOFFSETTO:+0100\r\n\
TZNAME:CET\r\n\
DTSTART:19701025T030000\r\n\
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n\
END:STANDARD\r\n\
END:VTIMEZONE\r\n";

/// One event to write: a session, or one that no longer exists.
#[derive(Debug, Clone)]
pub struct Event {
    /// What a calendar shows of it, its sequence and stamp, as recorded.
    pub sent: Sent,
    /// What the session is and where its agenda is.
    pub description: String,
    /// An appointment not booked yet: its time is only a proposal, so the
    /// event is tentative.
    pub tentative: bool,
}

/// Escapes TEXT values (RFC 5545 §3.3.11).
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            // iCalendar text allows no control characters but tab.
            c if crate::render::markdown::unprintable(c) => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line at 75 octets without splitting a character, and
/// ends it with CRLF (RFC 5545 §3.1).
fn fold(line: &str, out: &mut String) {
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
}

fn local(date: chrono::NaiveDate, time: chrono::NaiveTime) -> String {
    NaiveDateTime::new(date, time)
        .format("%Y%m%dT%H%M%S")
        .to_string()
}

/// A stable UID: the same step and group in the same sprint always get the
/// same one, whatever their date. (No `@`: RFC 5545 allows any unique
/// text, and an address-like UID would look like an e-mail address to the
/// privacy check.)
pub fn uid(sprint_slug: &str, session: &Session) -> String {
    let group = session.group.as_deref().unwrap_or("alle");
    format!("samskap-{sprint_slug}-{}-{group}", session.step)
}

/// The calendar file. Each event's DTSTAMP is the time its version was
/// first written, so the same plan gives the same file.
pub fn calendar(name: &str, events: &[Event], lang: Lang) -> String {
    let mut out = String::new();
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//samskap//samskap//NB",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ] {
        fold(line, &mut out);
    }
    fold(&format!("X-WR-CALNAME:{}", escape(name)), &mut out);
    fold("X-WR-TIMEZONE:Europe/Oslo", &mut out);
    out.push_str(OSLO);
    for event in events {
        let e = &event.sent;
        let s = &e.shown;
        let summary = if e.cancelled {
            format!("{}: {}", crate::i18n::msg::ics_cancelled(lang), s.title)
        } else {
            s.title.clone()
        };
        let mut lines = vec![
            "BEGIN:VEVENT".to_owned(),
            format!("UID:{}", s.uid),
            format!("SEQUENCE:{}", e.sequence),
            format!("DTSTAMP:{}", e.stamp.format("%Y%m%dT%H%M%SZ")),
            format!("DTSTART;TZID=Europe/Oslo:{}", local(s.date, s.start)),
            format!("DTEND;TZID=Europe/Oslo:{}", local(s.date, s.end)),
            format!("SUMMARY:{}", escape(&summary)),
            format!("DESCRIPTION:{}", escape(&event.description)),
        ];
        if let Some(location) = &s.place {
            lines.push(format!("LOCATION:{}", escape(location)));
        }
        lines.push(format!(
            "STATUS:{}",
            match (e.cancelled, event.tentative) {
                (true, _) => "CANCELLED",
                (false, true) => "TENTATIVE",
                (false, false) => "CONFIRMED",
            }
        ));
        lines.push("END:VEVENT".to_owned());
        for line in lines {
            fold(&line, &mut out);
        }
    }
    fold("END:VCALENDAR", &mut out);
    out
}

/// A slug of the sprint's name for UIDs: lowercase ASCII and hyphens.
pub fn slug(name: &str) -> String {
    // Frozen: sprints made before samskap.yaml had `id:` take their events'
    // ids from this. Spelling the name differently (`ü` as `u`, say, as
    // workbook::slugify does) would change them, and a calendar that
    // imports the file again would show every session twice.
    let mut slug = String::new();
    for c in name.to_lowercase().chars() {
        match c {
            'a'..='z' | '0'..='9' => slug.push(c),
            'æ' => slug.push_str("ae"),
            'ø' => slug.push('o'),
            'å' => slug.push('a'),
            _ if !slug.ends_with('-') => slug.push('-'),
            _ => {}
        }
    }
    let slug = slug.trim_matches('-').to_owned();
    if slug.is_empty() {
        // A name without letters a-z or digits: a hash keeps names apart.
        format!("sprint-{:08x}", crate::fs::fnv1a(name.as_bytes()) >> 32)
    } else {
        slug
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_respects_octets_and_characters() {
        let mut out = String::new();
        fold(&format!("DESCRIPTION:{}", "å".repeat(60)), &mut out);
        for line in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(line.len() <= 75, "{} octets", line.len());
        }
        let unfolded = out.replace("\r\n ", "");
        assert_eq!(unfolded, format!("DESCRIPTION:{}\r\n", "å".repeat(60)));
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
    }

    #[test]
    fn slugs() {
        assert_eq!(slug("Våren 2027: Tid!"), "varen-2027-tid");
        assert!(slug("!!!").starts_with("sprint-"));
        assert_ne!(slug("🎉"), slug("🌷"));
        // The ids of earlier versions, unchanged.
        assert_eq!(slug("Grünerløkka"), "gr-nerlokka");
    }
}

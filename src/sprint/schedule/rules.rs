//! Whether a session can be held where someone moves it: on a working day,
//! and not at the same time as a session of the same people or in the same
//! room. `samskap move` refuses a move that breaks one unless --force.

use crate::plan::{Session, holiday_on};
use crate::workbook::Lang;

/// Why `moved` cannot be held where it is, in words: one line per reason.
/// `others` is the rest of the plan (the moved session itself is skipped);
/// `title` names a session for the message.
pub fn problems(
    moved: &Session,
    others: &[Session],
    title: &dyn Fn(&Session) -> String,
    lang: Lang,
) -> Vec<String> {
    let mut out = Vec::new();
    let day = crate::plan::long_date(moved.date, lang);
    if let Some(holiday) = holiday_on(moved.date) {
        out.push(crate::i18n::msg::rules_holiday(
            lang,
            &day,
            holiday.name(lang),
        ));
    } else if !crate::plan::is_working_day(moved.date) {
        out.push(crate::i18n::msg::rules_weekend(lang, &day));
    }
    for other in others {
        let same = other.step == moved.step && other.group == moved.group;
        let overlaps =
            other.date == moved.date && other.start < moved.end && moved.start < other.end;
        if same || !overlaps {
            continue;
        }
        let when = format!(
            "{}–{}",
            other.start.format("%H:%M"),
            other.end.format("%H:%M")
        );
        if moved.group.is_some() && other.group == moved.group {
            out.push(crate::i18n::msg::rules_group_busy(
                lang,
                title(other),
                &when,
            ));
        } else if moved.group.is_none() || other.group.is_none() {
            out.push(crate::i18n::msg::rules_everyone_busy(
                lang,
                title(other),
                &when,
            ));
        } else if moved.place.is_some() && other.place == moved.place {
            out.push(crate::i18n::msg::rules_room_taken(
                lang,
                title(other),
                &when,
                other.place.as_deref().unwrap_or_default(),
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::test_support::{date, time};

    fn session(step: &str, group: Option<&str>, day: &str, from: &str, to: &str) -> Session {
        Session {
            phase: "p".into(),
            step: step.into(),
            group: group.map(str::to_owned),
            week: 1,
            phase_week: 1,
            date: date(day),
            start: time(from),
            end: time(to),
            place: Some("Rom 2".into()),
            facilitated: false,
            facilitator: None,
            residents: false,
            appointment: None,
            moved: None,
        }
    }

    fn title(s: &Session) -> String {
        s.step.clone()
    }

    #[test]
    fn holidays_weekends_and_clashes_are_named() {
        let moved = session("a", Some("g1"), "2027-03-25", "09:00", "10:00");
        let found = problems(&moved, &[], &title, Lang::En);
        assert_eq!(found, ["Thursday 25 March 2027 is Maundy Thursday"]);
        let moved = session("a", Some("g1"), "2027-03-06", "09:00", "10:00");
        assert_eq!(problems(&moved, &[], &title, Lang::En).len(), 1);

        let moved = session("a", Some("g1"), "2027-03-03", "09:00", "10:00");
        let others = [
            moved.clone(),
            session("b", Some("g1"), "2027-03-03", "09:30", "11:00"),
            session("c", None, "2027-03-03", "09:59", "12:00"),
            session("d", Some("g2"), "2027-03-03", "08:00", "09:01"),
            session("e", Some("g2"), "2027-03-03", "10:00", "11:00"),
            session("f", Some("g1"), "2027-03-04", "09:00", "10:00"),
        ];
        let found = problems(&moved, &others, &title, Lang::En);
        assert_eq!(found.len(), 3, "{found:?}");
        assert!(found[0].contains("the group already has another session then: «b» (09:30–11:00)"));
        assert!(found[1].contains("for every group"));
        assert!(found[2].contains("the room is taken by «d»"));
    }
}

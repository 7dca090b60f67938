//! Whether a session can be held where someone moves it: on a working day,
//! inside the working hours and not through lunch, outside the breaks,
//! inside an appointment's window, and not at the same time as a session of
//! the same people or in the same room. `samskap move` refuses a move that
//! breaks one unless --force; `check` warns about a move in schedule.yaml
//! that does.

use std::collections::HashMap;

use super::SCHEDULE_FILE;
use crate::diagnostic::Diagnostic;
use crate::i18n::msg;
use crate::plan::breaks::break_on;
use crate::plan::{Session, Settings, holiday_on};
use crate::sprint::Workspace;
use crate::workbook::Lang;

/// Which of a move's values a problem is about: its day or its time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum About {
    Day,
    Time,
}

/// Why `moved` cannot be held where it is, in words: one line per reason.
/// `others` is the rest of the plan (the moved session itself is skipped);
/// `title` names a session for the message.
pub fn problems(
    moved: &Session,
    others: &[Session],
    settings: &Settings,
    title: &dyn Fn(&Session) -> String,
    lang: Lang,
) -> Vec<String> {
    found(moved, others, settings, title, lang)
        .into_iter()
        .map(|(_, text)| text)
        .collect()
}

/// The moves in schedule.yaml that break a rule `samskap move` refuses
/// without --force (edited by hand, or forced), each pointing at the
/// entry's `date:` or `time:`: warnings, since people may have agreed on
/// them.
pub fn warnings(ws: &Workspace, lang: Lang) -> Vec<Diagnostic> {
    let schedule = &ws.schedule;
    if schedule.moves.is_empty() {
        return Vec::new();
    }
    let path = ws.path(SCHEDULE_FILE);
    let display = path.display().to_string();
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let sessions = ws.sessions();
    let index: HashMap<(&str, Option<&str>), &Session> = sessions
        .iter()
        .map(|s| ((s.step.as_str(), s.group.as_deref()), s))
        .collect();
    let title = titles(ws, lang);
    let mut out = Vec::new();
    for (m, written) in schedule.moves.iter().zip(&schedule.written) {
        let Some(moved) = index.get(&(m.step.as_str(), m.group.as_deref())) else {
            continue;
        };
        let what = match &m.group {
            Some(g) => format!("{} ({g})", m.step),
            None => m.step.clone(),
        };
        for (about, reason) in found(moved, &sessions, &ws.settings, &title, lang) {
            let (line, col) = match about {
                About::Time => written.time.unwrap_or(written.date),
                About::Day => written.date,
            };
            let message = msg::schedule_move_breaks_rule(lang, &what, reason);
            out.push(
                Diagnostic::at(&display, &text, line, col, message)
                    .with_hint(msg::schedule_move_breaks_rule_hint(lang)),
            );
        }
    }
    out
}

/// Names a session for a message: the step's title, and its group.
pub fn titles(ws: &Workspace, lang: Lang) -> impl Fn(&Session) -> String {
    move |s: &Session| {
        let step = ws
            .workbook
            .step(&s.step)
            .map_or(s.step.clone(), |(_, st)| st.title.get(lang).to_owned());
        match &s.group {
            Some(g) => format!("{step}, {g}"),
            None => step,
        }
    }
}

/// Every problem of `moved` among `others`, with what it is about.
fn found(
    moved: &Session,
    others: &[Session],
    settings: &Settings,
    title: &dyn Fn(&Session) -> String,
    lang: Lang,
) -> Vec<(About, String)> {
    let mut out = day_problems(moved, settings, lang);
    out.extend(
        clashes(moved, others, title, lang)
            .into_iter()
            .map(|text| (About::Time, text)),
    );
    out
}

/// What is wrong with the day and time alone: a holiday or weekend, a
/// break, outside an appointment's window, outside the hours or through
/// lunch.
fn day_problems(moved: &Session, settings: &Settings, lang: Lang) -> Vec<(About, String)> {
    let mut out = Vec::new();
    let long = |d| crate::plan::long_date(d, lang);
    let day = long(moved.date);
    if let Some(holiday) = holiday_on(moved.date) {
        out.push(msg::rules_holiday(lang, &day, holiday.name(lang)));
    } else if !crate::plan::is_working_day(moved.date) {
        out.push(msg::rules_weekend(lang, &day));
    }
    if let Some(b) = break_on(&settings.breaks, moved.date) {
        out.push(if moved.residents {
            msg::rules_in_break_residents(lang, &day, &b.name)
        } else {
            msg::rules_in_break(lang, &day, &b.name)
        });
    }
    if let Some(window) = moved.appointment
        && !(window.from..=window.by).contains(&moved.date)
    {
        out.push(msg::rules_outside_window(
            lang,
            &day,
            long(window.from),
            long(window.by),
        ));
    }
    let mut out: Vec<_> = out.into_iter().map(|text| (About::Day, text)).collect();
    let span = moved.span();
    if !settings.day.hours().contains(span) {
        let text = msg::rules_outside_hours(lang, span, settings.day.hours());
        out.push((About::Time, text));
    } else if settings.day.lunch().overlaps(span) {
        let text = msg::rules_over_lunch(lang, span, settings.day.lunch());
        out.push((About::Time, text));
    }
    out
}

/// The sessions of the same people or in the same room at the same time.
fn clashes(
    moved: &Session,
    others: &[Session],
    title: &dyn Fn(&Session) -> String,
    lang: Lang,
) -> Vec<String> {
    let mut out = Vec::new();
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
            out.push(msg::rules_group_busy(lang, title(other), &when));
        } else if moved.group.is_none() || other.group.is_none() {
            out.push(msg::rules_everyone_busy(lang, title(other), &when));
        } else if moved.place.is_some() && other.place == moved.place {
            out.push(msg::rules_room_taken(
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

    fn settings() -> Settings {
        Settings {
            start: date("2027-01-04"),
            weekday: chrono::Weekday::Tue,
            time: time("09:00"),
            day: crate::plan::WorkingDay::USUAL,
            place: None,
            facilitators: Vec::new(),
            breaks: vec![crate::plan::Break {
                name: "Vinterferie".into(),
                from: date("2027-02-22"),
                to: date("2027-02-26"),
            }],
            groups: vec![crate::plan::GroupSettings::new("g1")],
        }
    }

    fn alone(moved: &Session) -> Vec<String> {
        problems(moved, &[], &settings(), &title, Lang::En)
    }

    #[test]
    fn hours_lunch_breaks_and_windows_are_named() {
        let early = session("a", Some("g1"), "2027-03-03", "07:00", "10:00");
        assert_eq!(
            alone(&early),
            ["07:00–10:00 is outside the working day 09:00–15:30"]
        );
        let late = session("a", Some("g1"), "2027-03-03", "15:00", "17:30");
        assert_eq!(alone(&late).len(), 1);
        let lunch = session("a", Some("g1"), "2027-03-03", "11:00", "14:00");
        assert_eq!(
            alone(&lunch),
            ["11:00–14:00 runs through lunch 11:30–12:00"]
        );
        let fine = session("a", Some("g1"), "2027-03-03", "12:00", "15:00");
        assert_eq!(alone(&fine), Vec::<String>::new());

        let mut holiday = session("a", Some("g1"), "2027-02-24", "09:00", "10:00");
        assert_eq!(
            alone(&holiday),
            ["Wednesday 24 February 2027 is in the break Vinterferie"]
        );
        holiday.residents = true;
        assert!(alone(&holiday)[0].contains("and residents take part"));

        let mut interview = session("a", Some("g1"), "2027-04-20", "09:00", "10:00");
        interview.appointment = Some(crate::plan::Appointment {
            from: date("2027-04-05"),
            by: date("2027-04-09"),
            booked: true,
        });
        assert_eq!(
            alone(&interview),
            [
                "Tuesday 20 April 2027 is outside the window the appointment is held in: \
              from Monday 5 April 2027 to Friday 9 April 2027"
            ]
        );
        interview.date = date("2027-04-09");
        assert_eq!(alone(&interview), Vec::<String>::new());
    }

    #[test]
    fn holidays_weekends_and_clashes_are_named() {
        let moved = session("a", Some("g1"), "2027-03-25", "09:00", "10:00");
        assert_eq!(alone(&moved), ["Thursday 25 March 2027 is Maundy Thursday"]);
        let moved = session("a", Some("g1"), "2027-03-06", "09:00", "10:00");
        assert_eq!(alone(&moved).len(), 1);

        let moved = session("a", Some("g1"), "2027-03-03", "09:00", "10:00");
        let others = [
            moved.clone(),
            session("b", Some("g1"), "2027-03-03", "09:30", "11:00"),
            session("c", None, "2027-03-03", "09:59", "12:00"),
            session("d", Some("g2"), "2027-03-03", "08:00", "09:01"),
            session("e", Some("g2"), "2027-03-03", "10:00", "11:00"),
            session("f", Some("g1"), "2027-03-04", "09:00", "10:00"),
        ];
        let found = problems(&moved, &others, &settings(), &title, Lang::En);
        assert_eq!(found.len(), 3, "{found:?}");
        assert!(found[0].contains("the group already has another session then: «b» (09:30–11:00)"));
        assert!(found[1].contains("for every group"));
        assert!(found[2].contains("the room is taken by «d»"));
    }
}

//! Laying the workbook's steps out over the sprint's weeks and days.

use chrono::{Days, NaiveDate, NaiveTime, TimeDelta};

use super::dates::first_on_or_after;
use super::holidays::{holiday_on, next_working_day};
use super::{Moved, Reason, Session, Settings};
use crate::workbook::{Phase, Runs, Step, Workbook};

/// The break between two sessions held the same day.
const GAP_MINUTES: i64 = 15;

/// Every session of the workbook's process laid out by `plan`, sorted by
/// date, start time, workbook order and group order.
///
/// Phases follow one another; a step's week counts within its phase. The
/// steps of one phase and week are held the same day one after another with
/// a break between them; a per-group step is held by all groups at once. A
/// per-group step with no groups in the plan yields no sessions but keeps
/// its place in the day, so the other sessions' times do not depend on it.
pub fn plan(workbook: &Workbook, plan: &Settings) -> Vec<Session> {
    let first_day = first_on_or_after(plan.start, plan.weekday);
    let mut sessions = Vec::new();
    let mut weeks_before = 0;
    for phase in &workbook.phases {
        sessions.extend(phase_sessions(phase, weeks_before, first_day, plan));
        weeks_before += u32::from(*phase.weeks);
    }
    // Stable, so sessions at the same date and time stay in workbook and group order.
    sessions.sort_by_key(|s| (s.date, s.start));
    sessions
}

/// The sessions of one phase, which starts after `weeks_before` weeks.
fn phase_sessions(
    phase: &Phase,
    weeks_before: u32,
    first_day: NaiveDate,
    plan: &Settings,
) -> Vec<Session> {
    // Each week of the phase has its own clock, advanced by every step held that week.
    let mut clocks: Vec<(u8, NaiveTime)> = Vec::new();
    let mut sessions = Vec::new();
    for step in &phase.steps {
        let start = next_start(&mut clocks, *step.week, plan.time, *step.minutes);
        let week = weeks_before + u32::from(*step.week);
        let (date, moved) = held_on(week_day(first_day, week));
        let session = |group: Option<&String>| Session {
            phase: phase.id.as_str().to_owned(),
            step: step.id.as_str().to_owned(),
            group: group.cloned(),
            week,
            date,
            start,
            end: start + minutes(*step.minutes),
            place: plan.place.clone(),
            moved: moved.clone(),
        };
        sessions.extend(groups_of(step, plan).into_iter().map(session));
    }
    sessions
}

/// The longest session day of the workbook in minutes: the steps of one
/// phase and week with the breaks between them. Sessions must end before
/// midnight, so the start time can be at most a day minus this.
pub fn longest_day(workbook: &Workbook) -> u32 {
    let mut longest = 0;
    for phase in &workbook.phases {
        let mut weeks: Vec<(u8, u32, u32)> = Vec::new();
        for step in &phase.steps {
            match weeks.iter_mut().find(|(w, _, _)| *w == *step.week) {
                Some((_, total, count)) => {
                    *total += u32::from(*step.minutes);
                    *count += 1;
                }
                None => weeks.push((*step.week, u32::from(*step.minutes), 1)),
            }
        }
        for (_, total, count) in weeks {
            let gaps = u32::try_from(GAP_MINUTES).unwrap_or(0) * (count - 1);
            longest = longest.max(total + gaps);
        }
    }
    longest
}

/// The start of a `length`-minute session in `week`, moving that week's clock
/// past it and the break that follows.
fn next_start(
    clocks: &mut Vec<(u8, NaiveTime)>,
    week: u8,
    day_start: NaiveTime,
    length: u16,
) -> NaiveTime {
    let index = match clocks.iter().position(|(w, _)| *w == week) {
        Some(index) => index,
        None => {
            clocks.push((week, day_start));
            clocks.len() - 1
        }
    };
    let start = clocks[index].1;
    clocks[index].1 = start + minutes(length) + TimeDelta::minutes(GAP_MINUTES);
    start
}

/// The groups a step is held for: `None` once, or each group of the plan.
fn groups_of<'a>(step: &Step, plan: &'a Settings) -> Vec<Option<&'a String>> {
    match step.runs {
        Runs::Once => vec![None],
        Runs::PerGroup => plan.groups.iter().map(Some).collect(),
    }
}

fn minutes(length: u16) -> TimeDelta {
    TimeDelta::minutes(i64::from(length))
}

/// The usual session day of process week `week` (from 1).
fn week_day(first_day: NaiveDate, week: u32) -> NaiveDate {
    first_day + Days::new(7 * u64::from(week.saturating_sub(1)))
}

/// Where a session planned for `day` is held, and why it moved if it did.
fn held_on(day: NaiveDate) -> (NaiveDate, Option<Moved>) {
    match holiday_on(day) {
        Some(holiday) => (
            next_working_day(day),
            Some(Moved {
                from: day,
                reason: Reason::Holiday(holiday),
            }),
        ),
        None => (day, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::Holiday;
    use crate::plan::test_support::{date, time};
    use crate::workbook::{WorkbookSource, load};
    use chrono::Weekday;

    fn workbook(name: &str) -> Workbook {
        let dir = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
        load(&WorkbookSource::Path(dir.into())).unwrap()
    }

    fn settings(start: &str, weekday: Weekday, groups: &[&str]) -> Settings {
        Settings {
            start: date(start),
            weekday,
            time: time("09:00"),
            groups: groups.iter().map(|g| (*g).to_owned()).collect(),
            place: None,
        }
    }

    /// A session as one line, so whole schedules compare at a glance.
    fn line(s: &Session) -> String {
        let moved = s.moved.as_ref().map_or(String::new(), |m| {
            format!(" (moved from {} {:?})", m.from, m.reason)
        });
        format!(
            "w{} {} {}-{} {}/{} {}{moved}",
            s.week,
            s.date,
            s.start.format("%H:%M"),
            s.end.format("%H:%M"),
            s.phase,
            s.step,
            s.group.as_deref().unwrap_or("all"),
        )
    }

    fn lines(sessions: &[Session]) -> Vec<String> {
        sessions.iter().map(line).collect()
    }

    #[test]
    fn schedule_moves_ascension_day_to_friday() {
        let wb = workbook("workbooks-valid/schedule");
        let sessions = plan(&wb, &settings("2027-04-29", Weekday::Thu, &["a", "b"]));
        let moved = " (moved from 2027-05-06 Holiday(AscensionDay))";
        assert_eq!(
            lines(&sessions),
            [
                "w1 2027-04-29 09:00-10:00 utforske/oppstart all".to_owned(),
                "w1 2027-04-29 10:15-11:45 utforske/intervju a".to_owned(),
                "w1 2027-04-29 10:15-11:45 utforske/intervju b".to_owned(),
                format!("w2 2027-05-07 09:00-09:45 utforske/refleksjon a{moved}"),
                format!("w2 2027-05-07 09:00-09:45 utforske/refleksjon b{moved}"),
                "w4 2027-05-20 09:00-11:00 utvikle/prototyp a".to_owned(),
                "w4 2027-05-20 09:00-11:00 utvikle/prototyp b".to_owned(),
                "w5 2027-05-27 09:00-10:00 utvikle/visning all".to_owned(),
            ]
        );
        assert_eq!(
            sessions[3].moved,
            Some(Moved {
                from: date("2027-05-06"),
                reason: Reason::Holiday(Holiday::AscensionDay)
            })
        );
    }

    #[test]
    fn schedule_starts_on_the_first_weekday_after_an_off_weekday_start() {
        // Wednesday 6 January; sessions on Mondays, the first on 11 January.
        let wb = workbook("workbooks-valid/schedule");
        let sessions = plan(&wb, &settings("2027-01-06", Weekday::Mon, &["x"]));
        assert_eq!(
            lines(&sessions),
            [
                "w1 2027-01-11 09:00-10:00 utforske/oppstart all",
                "w1 2027-01-11 10:15-11:45 utforske/intervju x",
                "w2 2027-01-18 09:00-09:45 utforske/refleksjon x",
                "w4 2027-02-01 09:00-11:00 utvikle/prototyp x",
                "w5 2027-02-08 09:00-10:00 utvikle/visning all",
            ]
        );
    }

    #[test]
    fn schedule_keeps_group_order_from_the_plan() {
        let wb = workbook("workbooks-valid/schedule");
        let sessions = plan(&wb, &settings("2027-01-11", Weekday::Mon, &["c", "a", "b"]));
        let groups: Vec<_> = sessions
            .iter()
            .filter(|s| s.step == "intervju")
            .map(|s| s.group.as_deref().unwrap())
            .collect();
        assert_eq!(groups, ["c", "a", "b"]);
    }

    #[test]
    fn schedule_without_groups_keeps_only_sessions_for_all() {
        let wb = workbook("workbooks-valid/schedule");
        let sessions = plan(&wb, &settings("2027-01-11", Weekday::Mon, &[]));
        assert_eq!(
            lines(&sessions),
            [
                "w1 2027-01-11 09:00-10:00 utforske/oppstart all",
                "w5 2027-02-08 09:00-10:00 utvikle/visning all",
            ]
        );
    }

    #[test]
    fn schedule_of_the_minimal_workbook() {
        let wb = workbook("workbooks/minimal");
        let mut plan = settings("2027-03-22", Weekday::Thu, &["a"]);
        plan.time = time("13:30");
        // The only session falls on Maundy Thursday and moves past Easter.
        let sessions = super::plan(&wb, &plan);
        assert_eq!(
            lines(&sessions),
            [
                "w1 2027-03-30 13:30-14:30 utforske/oppstart all (moved from 2027-03-25 Holiday(MaundyThursday))"
            ]
        );
    }

    #[test]
    fn sessions_serialize_with_iso_dates_and_clock_times() {
        let wb = workbook("workbooks-valid/schedule");
        let sessions = plan(&wb, &settings("2027-04-29", Weekday::Thu, &["a"]));
        let json = serde_json::to_value(&sessions[2]).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "phase": "utforske",
                "step": "refleksjon",
                "group": "a",
                "week": 2,
                "date": "2027-05-07",
                "start": "09:00",
                "end": "09:45",
                "place": null,
                "moved": { "from": "2027-05-06", "holiday": "ascension-day" },
            })
        );
        assert_eq!(
            serde_json::to_value(&sessions[0]).unwrap()["moved"],
            serde_json::Value::Null
        );
    }
}

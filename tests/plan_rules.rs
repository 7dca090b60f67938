//! The plan's rules hold for generated sprints: start dates 2026–2031 on
//! any weekday, start times 08:00–14:00, 1–8 groups, the built-in workbook
//! and a five-consecutive-day workbook. No session starts before or ends
//! after the working day, none runs through lunch, no group, room or
//! facilitator has two sessions at once, none falls on a public holiday or
//! a weekend, and no session with residents falls in a break. Groups
//! sometimes share a room (one another's, or the sprint's) and sometimes
//! have their own weekday and time.

mod common;

use chrono::{Datelike, Days, NaiveDate, NaiveTime, Weekday};
use proptest::prelude::*;
use samskap::plan::breaks::{BreakNames, school_holidays};
use samskap::plan::rules::{Problem, problems};
use samskap::plan::{GroupSettings, Session, Settings, WorkingDay, plan};
use samskap::workbook::{Runs, Workbook, WorkbookSource, load};

const NAMES: BreakNames = BreakNames {
    winter: "Vinterferie",
    easter: "Påskeferie",
    autumn: "Høstferie",
    christmas: "Juleferie",
    summer: "Sommerferie",
};

fn workbooks() -> [Workbook; 2] {
    let five = format!(
        "{}/tests/fixtures/workbooks-valid/five-days",
        env!("CARGO_MANIFEST_DIR")
    );
    [
        load(&WorkbookSource::BuiltIn).unwrap(),
        load(&WorkbookSource::Path(five.into())).unwrap(),
    ]
}

/// A group's own settings as generated: its room (4: group 1's, 5: none,
/// so the sprint's; else its own), its weekday (0–4, else none) and its time
/// (quarter hours from 09:00 up to 15:15, else none).
type Own = (u8, usize, u32);

fn settings(start: NaiveDate, weekday: Weekday, time: NaiveTime, groups: usize) -> Settings {
    with_own(start, weekday, time, groups, &[])
}

fn with_own(
    start: NaiveDate,
    weekday: Weekday,
    time: NaiveTime,
    groups: usize,
    own: &[Own],
) -> Settings {
    let nine = NaiveTime::from_hms_opt(9, 0, 0).unwrap();
    Settings {
        start,
        weekday,
        time,
        day: WorkingDay::USUAL,
        place: Some("Storsalen".into()),
        // One facilitator for every three groups, as a district would staff it.
        facilitators: (0..=groups / 3)
            .map(|n| format!("Fasilitator {n}"))
            .collect(),
        breaks: school_holidays(start.year() - 1, start.year() + 2, (8, 40), NAMES),
        groups: (1..=groups)
            .map(|n| {
                let (room, day, quarter) = own.get(n - 1).copied().unwrap_or((0, 5, 99));
                GroupSettings {
                    place: match room {
                        4 => Some("Grupperom 1".into()),
                        5 => None,
                        _ => Some(format!("Grupperom {n}")),
                    },
                    weekday: WEEKDAYS.get(day).copied(),
                    time: (quarter <= 25)
                        .then(|| nine + chrono::TimeDelta::minutes(i64::from(quarter) * 15)),
                    ..GroupSettings::new(format!("gruppe-{n}"))
                }
            })
            .collect(),
    }
}

fn expected_sessions(wb: &Workbook, groups: usize) -> usize {
    wb.steps()
        .map(|(_, s)| match s.runs {
            Runs::Once => 1,
            Runs::PerGroup => groups,
        })
        .sum()
}

const WEEKDAYS: [Weekday; 5] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn every_generated_plan_keeps_the_rules(
        offset in 0u64..(6 * 365),
        weekday in 0usize..5,
        quarter_hours in 0u32..=24,
        groups in 1usize..=8,
        which in 0usize..2,
        own in proptest::collection::vec((0u8..12, 0usize..8, 0u32..40), 8),
    ) {
        let start = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + Days::new(offset);
        let time = NaiveTime::from_hms_opt(8, 0, 0).unwrap()
            + chrono::TimeDelta::minutes(i64::from(quarter_hours) * 15);
        let wb = &workbooks()[which];
        let s = with_own(start, WEEKDAYS[weekday], time, groups, &own);
        let shares = s.groups.iter().any(|g| g.place.as_deref() != Some(&format!("Grupperom {}", &g.id[7..])));
        let sessions = match plan(wb, &s) {
            Ok(sessions) => sessions,
            // Groups in one room may not fit in a week (or a day of a
            // run): a clear error naming the group, never a broken rule.
            Err(u) if shares && u.group.is_some() => return Ok(()),
            Err(u) => return Err(TestCaseError::fail(format!("{u:?}"))),
        };
        prop_assert_eq!(sessions.len(), expected_sessions(wb, groups));
        let broken: Vec<_> = problems(&sessions, &s)
            .into_iter()
            .filter(|p| !p.is_warning(&sessions))
            .collect();
        prop_assert!(broken.is_empty(), "{:?}\n{:#?}", broken, broken.iter().map(|p| match p {
            Problem::Clash { first, second, .. } => format!("{:?} / {:?}", sessions[*first], sessions[*second]),
            Problem::OutsideHours(i) | Problem::OverLunch(i) | Problem::Weekend(i) | Problem::Holiday(i, _) => format!("{:?}", sessions[*i]),
            Problem::InBreak { session, .. } => format!("{:?}", sessions[*session]),
        }).collect::<Vec<_>>());
        prop_assert!(sessions.iter().all(|x| x.date >= start));
    }
}

/// The five-day workbook's plan for `groups` groups from `start` (Mondays
/// at 09:00), and the days it falls on, in order.
fn five_days(start: NaiveDate, groups: usize) -> (Vec<Session>, Vec<String>) {
    let s = settings(
        start,
        Weekday::Mon,
        NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
        groups,
    );
    let sessions = plan(&workbooks()[1], &s).unwrap();
    let mut days: Vec<_> = sessions.iter().map(|x| x.date.to_string()).collect();
    days.dedup();
    (sessions, days)
}

#[test]
fn a_five_day_sprint_runs_monday_to_friday() {
    let (sessions, days) = five_days(NaiveDate::from_ymd_opt(2027, 9, 6).unwrap(), 3);
    assert_eq!(
        days,
        [
            "2027-09-06",
            "2027-09-07",
            "2027-09-08",
            "2027-09-09",
            "2027-09-10"
        ]
    );
    let first = &sessions[0];
    assert_eq!(
        (first.step.as_str(), first.start.to_string().as_str()),
        ("forsta", "09:00:00")
    );
}

#[test]
fn a_five_day_sprint_over_ascension_day_moves_the_rest_on() {
    // Ascension Day 2027 is Thursday 6 May: days 4 and 5 fall on Friday and Monday.
    let (sessions, days) = five_days(NaiveDate::from_ymd_opt(2027, 5, 3).unwrap(), 2);
    assert_eq!(
        days,
        [
            "2027-05-03",
            "2027-05-04",
            "2027-05-05",
            "2027-05-07",
            "2027-05-10"
        ]
    );
    let moved = sessions
        .iter()
        .find(|x| x.step == "prototyp")
        .unwrap()
        .moved
        .clone()
        .unwrap();
    assert_eq!(moved.from.to_string(), "2027-05-06");
}

#[test]
fn a_five_day_sprint_with_residents_skips_the_winter_holiday() {
    let (sessions, _) = five_days(NaiveDate::from_ymd_opt(2027, 2, 22).unwrap(), 2);
    assert_eq!(sessions[0].date.to_string(), "2027-03-01");
    assert!(sessions.iter().all(|x| x.moved.is_some()));
}

/// The example sprint as people see it (`samskap status --json`): nothing
/// with residents in Oslo's winter holiday 2027 (22–26 February), every
/// session inside 09:00–15:30 and clear of lunch (11:30–12:00).
#[test]
fn the_example_sprint_keeps_the_winter_holiday_and_the_working_day() {
    let example = common::root().join("examples/varen-2027");
    let example = example.to_str().unwrap();
    let out = common::samskap(&["-C", example, "status", "--json", "--today", "2027-01-01"]).ok();
    let status: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let sessions = status["sessions"].as_array().unwrap();
    assert!(sessions.len() > 40);
    for s in sessions {
        let (date, start, end) = (
            s["date"].as_str().unwrap(),
            s["start"].as_str().unwrap(),
            s["end"].as_str().unwrap(),
        );
        assert!(start >= "09:00" && end <= "15:30", "{s}");
        assert!(end <= "11:30" || start >= "12:00", "over lunch: {s}");
        if s["residents"] == true {
            assert!(
                !("2027-02-22"..="2027-02-26").contains(&date),
                "in the winter holiday: {s}"
            );
        }
    }
    let interviews: Vec<_> = sessions
        .iter()
        .filter(|s| s["step"] == "utforske-uke-2-intervju")
        .collect();
    assert_eq!(interviews.len(), 5);
    for s in interviews {
        assert_eq!(s["moved"]["break"], "Vinterferie 2027", "{s}");
        assert!(s["date"].as_str().unwrap() >= "2027-03-01", "{s}");
    }
}

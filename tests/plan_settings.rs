//! Bad plan settings in samskap.yaml (working day, lunch, breaks, group
//! slots) are refused with file:line:col and a hint, never a panic, and
//! samskap.yaml is never rewritten. new-sprint proposes school holidays.

mod common;

use common::{Sprint, samskap_in};
use std::path::Path;

/// A new three-group sprint `s` from 2027-01-04; new-sprint says it
/// proposed the school holidays.
fn sprint() -> Sprint {
    let (ws, run) = Sprint::made(&[
        "new-sprint",
        "s",
        "--yes",
        "--name",
        "Våren 2027",
        "--start",
        "2027-01-04",
        "--groups",
        "3",
    ]);
    assert!(run.stderr.contains("skoleferiene"), "{}", run.stderr);
    ws
}

/// Replaces `from` by `to` in samskap.yaml, runs `check`, and returns its
/// stderr (in English) after checking the exit code and that the file is
/// unchanged.
fn bad(ws: &Path, from: &str, to: &str) -> String {
    let path = ws.join("samskap.yaml");
    let original = std::fs::read_to_string(&path).unwrap();
    assert!(original.contains(from), "{from} not in samskap.yaml");
    let edited = original.replacen(from, to, 1);
    std::fs::write(&path, &edited).unwrap();
    let run = samskap_in(ws, &["--lang", "en", "check"]).code(65);
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        edited,
        "samskap.yaml is never rewritten"
    );
    std::fs::write(&path, original).unwrap();
    run.stderr
}

#[test]
fn new_sprint_proposes_the_school_holidays_when_the_target_group_has_children() {
    let ws = sprint();
    let yaml = ws.read("samskap.yaml");
    assert!(yaml.contains("hours: \"09:00-15:30\""), "{yaml}");
    assert!(yaml.contains("lunch: \"11:30-12:00\""), "{yaml}");
    assert!(
        yaml.contains("  - name: \"Vinterferie 2027\"\n    from: 2027-02-22\n    to: 2027-02-28"),
        "{yaml}"
    );
    assert!(yaml.contains("Påskeferie 2027"), "{yaml}");
    ws.run(&["check"]).ok();
    // No children in the target group: no breaks proposed.
    let run = samskap_in(
        ws.dir(),
        &[
            "new-sprint",
            "t",
            "--yes",
            "--start",
            "2027-01-04",
            "--target-group",
            "Eldre over 80 år",
        ],
    )
    .ok();
    assert!(!run.stderr.contains("skoleferiene"), "{}", run.stderr);
    let yaml = std::fs::read_to_string(ws.dir().join("t/samskap.yaml")).unwrap();
    assert!(yaml.contains("breaks: []"), "{yaml}");
}

#[test]
fn bad_plan_settings_are_refused_with_their_place_and_a_hint() {
    let ws = sprint();
    let err = bad(&ws, "hours: \"09:00-15:30\"", "hours: \"15:30-09:00\"");
    assert!(
        err.contains("samskap.yaml:") && err.contains("ends before it starts"),
        "{err}"
    );
    assert!(err.contains("= hint: put the earlier time first"), "{err}");
    let err = bad(&ws, "hours: \"09:00-15:30\"", "hours: \"ni til halv fire\"");
    assert!(err.contains("is not a span of time"), "{err}");
    let err = bad(&ws, "lunch: \"11:30-12:00\"", "lunch: \"16:00-16:30\"");
    assert!(
        err.contains("lunch 16:00–16:30 is not inside the working day 09:00–15:30"),
        "{err}"
    );
    let err = bad(&ws, "    to: 2027-02-28", "    to: 2027-02-01");
    assert!(
        err.contains("ends (2027-02-01) before it starts (2027-02-22)"),
        "{err}"
    );
    let err = bad(&ws, "    from: 2027-03-22", "    from: 2027-02-25");
    assert!(
        err.contains("overlaps the break `Vinterferie 2027`"),
        "{err}"
    );
    let err = bad(&ws, "    from: 2027-02-22", "    from: 22.02.2027");
    assert!(err.contains("is not a date"), "{err}");
    let err = bad(&ws, "time: \"09:00\"", "time: \"07:00\"");
    assert!(err.contains("outside the working day"), "{err}");
    let err = bad(&ws, "    # time: \"12:00\"", "    time: \"tolv\"");
    assert!(err.contains("`tolv` is not a time of day"), "{err}");
    let err = bad(&ws, "    # weekday: wed", "    weekday: sun");
    assert!(err.contains("samskap.yaml:"), "{err}");
    // It points at the line and column of the lunch.
    let err = bad(&ws, "lunch: \"11:30-12:00\"", "lunch: \"11:30-11:00\"");
    let line = ws
        .read("samskap.yaml")
        .lines()
        .position(|l| l.starts_with("lunch:"))
        .unwrap()
        + 1;
    assert!(err.contains(&format!("samskap.yaml:{line}:8")), "{err}");
}

#[test]
fn a_week_that_cannot_hold_its_sessions_says_what_to_change() {
    let ws = sprint();
    ws.edit_yaml(|yaml| {
        yaml.replace(
            "facilitators: [\"Fasilitator 1\", \"Fasilitator 2\"]",
            "facilitators: [\"Kari\"]",
        )
        .replace("hours: \"09:00-15:30\"", "hours: \"09:00-13:00\"")
    });
    let run = ws.run(&["--lang", "en", "status"]).code(65);
    assert!(
        run.stderr.contains("cannot hold its sessions"),
        "{}",
        run.stderr
    );
    // In the sprint's own language by default.
    let run = ws.run(&["status"]).code(65);
    assert!(
        run.stderr.contains("har ikke plass til samlingene sine"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("facilitators"), "{}", run.stderr);
}

#[test]
fn unbooked_interviews_are_missing_until_a_note_is_dated_in_their_week() {
    let ws = sprint();
    let status = ws.run(&["status", "--today", "2027-03-01", "--json"]).ok();
    let json: serde_json::Value = serde_json::from_str(&status.stdout).unwrap();
    let unbooked = |json: &serde_json::Value| -> Vec<String> {
        json["missing"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|m| {
                m["kind"] == "unbooked-appointment" && m["step"] == "utforske-uke-2-intervju"
            })
            .map(|m| m["group"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(unbooked(&json), ["gruppe-1", "gruppe-2", "gruppe-3"]);
    ws.run(&[
        "interview",
        "new",
        "--group",
        "gruppe-1",
        "--pseudonym",
        "Lilje",
        "--date",
        "2027-03-03",
    ])
    .ok();
    let status = ws.run(&["status", "--today", "2027-03-01", "--json"]).ok();
    let json: serde_json::Value = serde_json::from_str(&status.stdout).unwrap();
    assert_eq!(unbooked(&json), ["gruppe-2", "gruppe-3"]);
    let booked = json["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["step"] == "utforske-uke-2-intervju" && s["group"] == "gruppe-1")
        .unwrap();
    assert_eq!(booked["date"], "2027-03-03");
    assert_eq!(booked["appointment"]["booked"], true);
    // The agenda and the calendar show the day the note books, not the window.
    let agenda = ws
        .run(&["agenda", "utforske-uke-2-intervju", "--group", "gruppe-1"])
        .ok();
    assert!(
        agenda.stdout.contains("onsdag 3. mars 2027"),
        "{}",
        agenda.stdout
    );
    assert!(!agenda.stdout.contains("avtales"), "{}", agenda.stdout);
    let calendar = ws.run(&["calendar", "--group", "gruppe-1"]).ok();
    let event = calendar
        .stdout
        .split("BEGIN:VEVENT")
        .find(|e| e.contains("SUMMARY:Dybdeintervju med en familie"))
        .unwrap();
    assert!(
        event.contains("DTSTART;TZID=Europe/Oslo:20270303T"),
        "{event}"
    );
}

/// Booking an appointment on the very day the plan proposed changes only
/// the event's STATUS (TENTATIVE to CONFIRMED); calendars take that only
/// with a higher SEQUENCE, so it rises.
#[test]
fn booking_the_proposed_day_confirms_the_event_with_a_higher_sequence() {
    let ws = sprint();
    let event = |ws: &std::path::Path| -> String {
        let calendar = samskap_in(ws, &["calendar", "--group", "gruppe-1"]).ok();
        calendar
            .stdout
            .split("BEGIN:VEVENT")
            .find(|e| e.contains("SUMMARY:Dybdeintervju med en familie"))
            .unwrap()
            .to_owned()
    };
    let proposed = event(&ws);
    assert!(proposed.contains("STATUS:TENTATIVE"), "{proposed}");
    assert!(proposed.contains("SEQUENCE:0"), "{proposed}");
    let day = proposed
        .split("DTSTART;TZID=Europe/Oslo:")
        .nth(1)
        .map(|rest| &rest[..8])
        .unwrap();
    let date = format!("{}-{}-{}", &day[..4], &day[4..6], &day[6..]);
    samskap_in(
        &ws,
        &[
            "interview",
            "new",
            "--group",
            "gruppe-1",
            "--pseudonym",
            "Lilje",
            "--date",
            &date,
        ],
    )
    .ok();
    let booked = event(&ws);
    assert!(
        booked.contains(&format!("DTSTART;TZID=Europe/Oslo:{day}T")),
        "the same day: {booked}"
    );
    assert!(booked.contains("STATUS:CONFIRMED"), "{booked}");
    assert!(booked.contains("SEQUENCE:1"), "{booked}");
}

/// The example sprint with gruppe-2 on Fridays at 13:00: its sessions go
/// there where the week has room, and status and check warn about each
/// one the week could not hold there.
#[test]
fn a_groups_own_weekday_and_time_are_kept_where_the_week_has_room() {
    let ws = Sprint::example("varen-2027");
    let text = ws.read("samskap.yaml");
    let room = "    place: \"Bydelshuset, grupperom 2\"\n";
    ws.replace(
        room,
        &format!("{room}    weekday: fri\n    time: \"13:00\"\n"),
    );
    let run = ws
        .run(&["--lang", "en", "status", "--json", "--today", "2027-01-05"])
        .ok();
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let mine: Vec<_> = json["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["group"] == "gruppe-2" && s["appointment"].is_null())
        .collect();
    let at = |step: &str| {
        let s = mine.iter().find(|s| s["step"] == step).unwrap();
        (s["date"].as_str().unwrap(), s["start"].as_str().unwrap())
    };
    assert_eq!(at("utforske-uke-1-planlegging"), ("2027-02-19", "13:00"));
    assert_eq!(
        at("utforske-uke-3-problemdefinisjon"),
        ("2027-03-12", "13:00")
    );
    // Every session elsewhere is warned about, on stderr, by name and day.
    let fridays = mine
        .iter()
        .filter(|s| {
            let date = chrono::NaiveDate::parse_from_str(s["date"].as_str().unwrap(), "%Y-%m-%d");
            date.unwrap().format("%a").to_string() == "Fri" && s["start"].as_str() >= Some("13:00")
        })
        .count();
    let warned = run
        .stderr
        .matches("not on the group's own day and time")
        .count();
    assert!(warned > 0, "{}", run.stderr);
    assert_eq!(warned, mine.len() - fridays, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("(weekday: fri, time: \"13:00\"): the week has no room for it there"),
        "{}",
        run.stderr
    );
    let check = ws.run(&["--lang", "en", "check"]).ok();
    assert_eq!(
        check
            .stderr
            .matches("not on the group's own day and time")
            .count(),
        warned,
        "{}",
        check.stderr
    );
    // Without a weekday or time of its own, no warning.
    ws.write("samskap.yaml", &text);
    let run = ws.run(&["status", "--today", "2027-01-05"]).ok();
    assert!(!run.stderr.contains("samskap.yaml ("), "{}", run.stderr);
}

/// progress.yaml edited by hand: a date before the sprint's start is an
/// error with its place (as `done --date` refuses it), a date after today a
/// warning with its place; nothing is rewritten.
#[test]
fn done_dates_written_by_hand_before_the_start_or_in_the_future_are_reported() {
    let (ws, _) = Sprint::made(&[
        "new-sprint",
        "s",
        "--yes",
        "--name",
        "Høsten 2026",
        "--start",
        "2026-01-05",
        "--groups",
        "2",
    ]);
    let write = |first: &str, second: &str| {
        let text = format!(
            "done:\n  - step: diagnose-oppstart-styringsgruppe\n    date: {first}\n  - step: diagnose-verksted-seksjonsledere\n    date: {second}\n"
        );
        ws.write("progress.yaml", &text);
        text
    };
    let text = write("2025-12-01", "2026-01-07");
    let run = ws.run(&["--lang", "en", "check"]).code(65);
    for expected in [
        "progress.yaml:3:11",
        "2025-12-01 is before the sprint starts (2026-01-05",
        "write the day the session was held, from 2026-01-05 to today",
    ] {
        assert!(run.stderr.contains(expected), "{expected}:\n{}", run.stderr);
    }
    ws.run(&["status"]).code(65);
    assert_eq!(ws.read("progress.yaml"), text);

    write("2026-01-06", "2199-01-01");
    let run = ws.run(&["--lang", "en", "check"]).ok();
    for expected in [
        "warning: a step is marked done on 2199-01-01, which is in the future (today is ",
        "progress.yaml:5:11",
    ] {
        assert!(run.stderr.contains(expected), "{expected}:\n{}", run.stderr);
    }
    // Two of them: one sentence with the number, the first pointed at.
    write("2199-01-01", "2199-02-01");
    let run = samskap_in(&ws, &["--lang", "nn", "check"]).ok();
    for expected in [
        "åtvaring: 2 steg er markerte som gjennomførte på dagar fram i tid, det første her på 2199-01-01 (i dag er ",
        "); eit steg vert markert som gjennomført når det er halde\n",
        "progress.yaml:3:11",
    ] {
        assert!(run.stderr.contains(expected), "{expected}:\n{}", run.stderr);
    }
    write("2026-01-06", "2026-01-07");
    let run = ws.run(&["--lang", "en", "check"]).ok();
    assert!(!run.stderr.contains("progress.yaml"), "{}", run.stderr);
}

//! Moving sessions end to end: `samskap move`, `schedule.yaml` as people
//! edit it, and every command following the moves, through the real binary.

mod common;

use std::path::Path;

use common::{Sprint, samskap_in, validator};

const INTERVIEW: &str = "utforske-uke-2-intervju";

/// A new sprint `sprint`, made in `lang`: Tuesdays from 4 January 2027, two groups, a
/// place, and a target group without children (so no school holidays).
fn sprint(lang: &str) -> Sprint {
    Sprint::made(&[
        "--lang",
        lang,
        "new-sprint",
        "sprint",
        "--yes",
        "--name",
        "Våren 2027",
        "--target-group",
        "Eldre som bor alene",
        "--start",
        "2027-01-04",
        "--weekday",
        "tue",
        "--time",
        "09:00",
        "--groups",
        "2",
        "--place",
        "Bydelshuset",
    ])
    .0
}

fn status(ws: &Path) -> Vec<serde_json::Value> {
    let run = samskap_in(ws, &["status", "--json", "--today", "2027-01-05"]).ok();
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    json["sessions"].as_array().unwrap().clone()
}

fn session<'a>(
    sessions: &'a [serde_json::Value],
    step: &str,
    group: Option<&str>,
) -> &'a serde_json::Value {
    sessions
        .iter()
        .find(|s| s["step"] == step && s["group"].as_str() == group)
        .unwrap_or_else(|| panic!("no session {step} {group:?}"))
}

/// The calendar's events as Python's icalendar reads them (no parse errors).
fn calendar(ws: &Path, file: &str) -> Vec<serde_json::Value> {
    samskap_in(ws, &["calendar", "-o", file, "--force"]).ok();
    let text = validator(
        "python3",
        &["tests/validators/ics_check.py"],
        &[ws.join(file)],
    );
    text.lines()
        .filter(|l| l.starts_with('{'))
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn event<'a>(events: &'a [serde_json::Value], uid_end: &str) -> &'a serde_json::Value {
    events
        .iter()
        .find(|e| e["uid"].as_str().unwrap().ends_with(uid_end))
        .unwrap_or_else(|| panic!("no event {uid_end}"))
}

#[test]
fn a_moved_session_is_followed_everywhere_and_its_event_updates() {
    let ws = sprint("en");
    let before = calendar(&ws, "before.ics");
    let planned = session(&status(&ws), INTERVIEW, Some("group-1")).clone();
    let (planned_day, planned_start) = (
        planned["date"].as_str().unwrap().to_owned(),
        planned["start"].as_str().unwrap().to_owned(),
    );

    let run = ws
        .run(&[
            "move",
            INTERVIEW,
            "--group",
            "group-1",
            "--date",
            "2027-02-25",
            "--time",
            "13:00",
            "--place",
            "The library",
            // Whatever else the plan holds then: this test is about following it.
            "--force",
        ])
        .ok();
    assert!(
        run.stderr
            .contains("Thursday 25 February 2027 13:00–14:30, The library"),
        "{}",
        run.stderr
    );
    let file = std::fs::read_to_string(ws.join("schedule.yaml")).unwrap();
    assert!(file.contains("  - step: utforske-uke-2-intervju\n    group: group-1\n    date: 2027-02-25\n    time: \"13:00\"\n    place: \"The library\"\n"), "{file}");

    // Status and the agenda follow the move; the other group keeps its day.
    let sessions = status(&ws);
    let moved = session(&sessions, INTERVIEW, Some("group-1"));
    assert_eq!(
        (&moved["date"], &moved["start"]),
        (&"2027-02-25".into(), &"13:00".into())
    );
    assert_eq!(moved["moved"]["from"], planned_day.as_str());
    assert_eq!(
        session(&sessions, INTERVIEW, Some("group-2"))["date"],
        planned_day.as_str()
    );
    let agenda = ws.run(&["agenda", INTERVIEW, "--group", "group-1"]).ok();
    assert!(
        agenda.stdout.contains("25 February 2027"),
        "{}",
        agenda.stdout
    );
    assert!(agenda.stdout.contains("The library"), "{}", agenda.stdout);

    // The calendar's event keeps its UID, with a higher SEQUENCE and the new time.
    let after = calendar(&ws, "after.ics");
    let uid = "-utforske-uke-2-intervju-group-1";
    assert_eq!(event(&before, uid)["uid"], event(&after, uid)["uid"]);
    assert_eq!(event(&before, uid)["sequence"], 0);
    assert_eq!(event(&after, uid)["sequence"], 1);
    assert_eq!(event(&after, uid)["dtstart"], "2027-02-25T13:00");
    assert_eq!(event(&after, uid)["location"], "The library");
    assert_eq!(
        event(&after, "-utforske-uke-2-intervju-group-2")["sequence"],
        0
    );

    // Back where the plan puts it: the file keeps no entry, the event rises again.
    ws.run(&["move", INTERVIEW, "--group", "group-1", "--reset"])
        .ok();
    assert_eq!(
        session(&status(&ws), INTERVIEW, Some("group-1"))["date"],
        planned_day.as_str()
    );
    let back = calendar(&ws, "back.ics");
    assert_eq!(event(&back, uid)["sequence"], 2);
    assert_eq!(
        event(&back, uid)["dtstart"],
        format!("{planned_day}T{planned_start}")
    );
    let run = ws
        .run(&["move", INTERVIEW, "--group", "group-1", "--reset"])
        .ok();
    assert!(run.stderr.contains("was not moved"), "{}", run.stderr);
    // A move to where the plan puts it keeps no entry.
    ws.run(&[
        "move",
        INTERVIEW,
        "--group",
        "group-1",
        "--date",
        &planned_day,
    ])
    .ok();
    let file = std::fs::read_to_string(ws.join("schedule.yaml")).unwrap();
    assert!(!file.contains("- step:"), "{file}");
}

#[test]
fn a_move_onto_a_holiday_a_weekend_or_a_clash_is_refused_unless_forced() {
    let ws = sprint("en");
    let refused = |args: &[&str], why: &str| {
        let mut all = vec!["move", INTERVIEW, "--group", "group-1"];
        all.extend_from_slice(args);
        let run = ws.run(&all).code(2);
        assert!(run.stderr.contains(why), "{why}:\n{}", run.stderr);
        assert!(run.stderr.contains("--force"), "{}", run.stderr);
        assert!(!ws.join("schedule.yaml").exists(), "nothing written");
    };
    refused(&["--date", "2027-03-25"], "Maundy Thursday");
    refused(&["--date", "2027-02-27"], "weekend");
    // Onto another session of group 1, and onto one for every group.
    let sessions = status(&ws);
    let other = sessions
        .iter()
        .find(|s| s["group"] == "group-1" && s["step"] != INTERVIEW)
        .unwrap();
    refused(
        &[
            "--date",
            other["date"].as_str().unwrap(),
            "--time",
            other["start"].as_str().unwrap(),
        ],
        "the group already has another session then",
    );
    let for_all = sessions.iter().find(|s| s["group"].is_null()).unwrap();
    refused(
        &[
            "--date",
            for_all["date"].as_str().unwrap(),
            "--time",
            for_all["start"].as_str().unwrap(),
        ],
        "a session for every group then",
    );
    // The same slot in another room is free.
    let planned = session(&sessions, INTERVIEW, Some("group-1"));
    ws.run(&[
        "move",
        INTERVIEW,
        "--group",
        "group-1",
        "--date",
        planned["date"].as_str().unwrap(),
        "--place",
        "The library",
    ])
    .ok();
    assert_eq!(
        session(&status(&ws), INTERVIEW, Some("group-1"))["place"],
        "The library"
    );
    std::fs::remove_file(ws.join("schedule.yaml")).unwrap();
    ws.run(&[
        "move",
        INTERVIEW,
        "--group",
        "group-1",
        "--date",
        "2027-03-25",
        "--force",
    ])
    .ok();
    assert_eq!(
        session(&status(&ws), INTERVIEW, Some("group-1"))["date"],
        "2027-03-25"
    );

    // What cannot be moved at all is a usage error, named.
    let run = ws
        .run(&[
            "move",
            INTERVIEW,
            "--group",
            "group-1",
            "--date",
            "2026-12-01",
        ])
        .code(2);
    assert!(run.stderr.contains("outside the sprint"), "{}", run.stderr);
    let run = ws
        .run(&[
            "move",
            "utforske-uke-2-intervjuu",
            "--group",
            "group-1",
            "--date",
            "2027-02-25",
        ])
        .code(2);
    assert!(
        run.stderr
            .contains("did you mean `utforske-uke-2-intervju`"),
        "{}",
        run.stderr
    );
    let run = ws
        .run(&[
            "move",
            INTERVIEW,
            "--group",
            "grup-1",
            "--date",
            "2027-02-25",
        ])
        .code(2);
    assert!(
        run.stderr.contains("did you mean `group-1`"),
        "{}",
        run.stderr
    );
    let run = ws
        .run(&[
            "move",
            INTERVIEW,
            "--group",
            "group-1",
            "--date",
            "2027-02-25",
            "--time",
            "25:00",
        ])
        .code(2);
    assert!(run.stderr.contains("HH:MM"), "{}", run.stderr);
    let run = ws
        .run(&[
            "move",
            INTERVIEW,
            "--group",
            "group-1",
            "--date",
            "2027-02-25",
            "--time",
            "23:30",
        ])
        .code(2);
    assert!(run.stderr.contains("past midnight"), "{}", run.stderr);
    ws.run(&["move", INTERVIEW, "--group", "group-1"]).code(2);
}

/// The example sprint (Tuesdays from 4 January 2027, the winter holiday
/// 22–28 February 2027 as a break, 09:00–15:30 with lunch 11:30–12:00),
/// copied into a temporary folder.
fn example() -> Sprint {
    Sprint::example("varen-2027")
}

#[test]
fn a_move_outside_the_day_through_lunch_into_a_break_or_its_window_is_refused_unless_forced() {
    let ws = example();
    let refused = |args: &[&str], why: &str| {
        let mut all = vec!["--lang", "en", "move"];
        all.extend_from_slice(args);
        let run = ws.run(&all).code(2);
        assert!(run.stderr.contains(why), "{why}:\n{}", run.stderr);
        assert!(run.stderr.contains("--force"), "{}", run.stderr);
        assert!(!ws.join("schedule.yaml").exists(), "nothing written");
        all.push("--force");
        ws.run(&all).ok();
        std::fs::remove_file(ws.join("schedule.yaml")).unwrap();
    };
    let start = "diagnose-oppstart-styringsgruppe";
    let workshop = "utforske-uke-4-samskapingsverksted";
    refused(
        &[start, "--date", "2027-01-05", "--time", "07:00"],
        "07:00–10:00 is outside the working day 09:00–15:30",
    );
    refused(
        &[start, "--date", "2027-01-05", "--time", "11:00"],
        "11:00–14:00 runs through lunch 11:30–12:00",
    );
    refused(
        &[
            workshop,
            "--group",
            "gruppe-2",
            "--date",
            "2027-03-16",
            "--time",
            "15:00",
        ],
        "15:00–17:30 is outside the working day 09:00–15:30",
    );
    refused(
        &[workshop, "--group", "gruppe-2", "--date", "2027-02-24"],
        "Wednesday 24 February 2027 is in the break Vinterferie 2027, and residents take part",
    );
    refused(
        &[start, "--date", "2027-02-23"],
        "Tuesday 23 February 2027 is in the break Vinterferie 2027",
    );
    refused(
        &["diagnose-dybdeintervjuer", "--date", "2027-01-27"],
        "Wednesday 27 January 2027 is outside the window the appointment is held in: \
         from Monday 18 January 2027 to Friday 22 January 2027",
    );
    // In Norwegian too, with the same exit code.
    let run = ws
        .run(&[
            "--lang",
            "nb",
            "move",
            start,
            "--date",
            "2027-01-05",
            "--time",
            "07:00",
        ])
        .code(2);
    assert!(
        run.stderr
            .contains("07:00–10:00 er utenfor arbeidsdagen 09:00–15:30"),
        "{}",
        run.stderr
    );
    // Inside the day and the window: moved.
    ws.run(&["move", start, "--date", "2027-01-07", "--time", "12:00"])
        .ok();
    assert!(ws.join("schedule.yaml").exists());
}

#[test]
fn moving_a_moved_session_again_keeps_its_place_unless_a_new_one_is_given() {
    let ws = example();
    let step = "diagnose-dybdeintervjuer";
    let place = |ws: &Path| {
        let run = samskap_in(ws, &["status", "--json", "--today", "2027-01-05"]).ok();
        let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
        let sessions = json["sessions"].as_array().unwrap().clone();
        session(&sessions, step, None)["place"].clone()
    };
    ws.run(&[
        "move",
        step,
        "--date",
        "2027-01-20",
        "--place",
        "Hjemme hos familien",
    ])
    .ok();
    ws.run(&["move", step, "--date", "2027-01-21"]).ok();
    assert_eq!(place(&ws), "Hjemme hos familien");
    let file = std::fs::read_to_string(ws.join("schedule.yaml")).unwrap();
    assert!(file.contains("date: 2027-01-21"), "{file}");
    assert!(file.contains("place: \"Hjemme hos familien\""), "{file}");
    ws.run(&[
        "move",
        step,
        "--date",
        "2027-01-21",
        "--place",
        "Biblioteket",
    ])
    .ok();
    assert_eq!(place(&ws), "Biblioteket");
}

#[test]
fn check_warns_about_a_move_by_hand_that_breaks_the_plan_with_its_place() {
    let ws = example();
    std::fs::write(
        ws.join("schedule.yaml"),
        "moves:\n  - step: diagnose-oppstart-styringsgruppe\n    date: 2027-01-05\n    time: \"14:30\"\n  - step: utforske-uke-4-samskapingsverksted\n    group: gruppe-2\n    date: 2027-02-24\n  - step: utforske-uke-2-intervju\n    group: gruppe-1\n    date: 2027-04-20\n    time: \"11:00\"\n",
    )
    .unwrap();
    let run = ws.run(&["--lang", "en", "check"]).ok();
    for expected in [
        "warning: the move of diagnose-oppstart-styringsgruppe breaks the plan's rules: \
         14:30–17:30 is outside the working day 09:00–15:30",
        "schedule.yaml:4:11",
        "the move of utforske-uke-4-samskapingsverksted (gruppe-2) breaks the plan's rules: \
         Wednesday 24 February 2027 is in the break Vinterferie 2027, and residents take part",
        "schedule.yaml:7:11",
        "the move of utforske-uke-2-intervju (gruppe-1) breaks the plan's rules: \
         Tuesday 20 April 2027 is outside the window the appointment is held in",
        "schedule.yaml:10:11",
        "runs through lunch 11:30–12:00",
        "schedule.yaml:11:11",
    ] {
        assert!(run.stderr.contains(expected), "{expected}:\n{}", run.stderr);
    }
    // The break is said once, at the entry, not again without a place.
    assert_eq!(
        run.stderr.matches("Vinterferie 2027").count(),
        1,
        "{}",
        run.stderr
    );
    // A move that keeps the rules gives no warning.
    std::fs::write(
        ws.join("schedule.yaml"),
        "moves:\n  - step: diagnose-oppstart-styringsgruppe\n    date: 2027-01-05\n    time: \"12:00\"\n",
    )
    .unwrap();
    let run = ws.run(&["--lang", "en", "check"]).ok();
    assert!(!run.stderr.contains("schedule.yaml"), "{}", run.stderr);
}

#[test]
fn an_unbooked_appointment_is_a_tentative_proposal_until_it_is_booked() {
    let ws = sprint("en");
    let uid = format!("{INTERVIEW}-group-1");
    let before = calendar(&ws, "before.ics");
    let proposal = event(&before, &uid);
    assert_eq!(proposal["status"], "TENTATIVE", "{proposal}");
    let description = proposal["description"].as_str().unwrap();
    assert!(
        description.starts_with(
            "PROPOSAL, not agreed yet: the group agrees on the day and time with the resident, between "
        ),
        "{description}"
    );
    let planned = session(&status(&ws), INTERVIEW, Some("group-1")).clone();
    let day = planned["date"].as_str().unwrap();
    ws.run(&[
        "move", INTERVIEW, "--group", "group-1", "--date", day, "--place", "At home",
    ])
    .ok();
    let after = calendar(&ws, "after.ics");
    let booked = event(&after, &uid);
    assert_eq!(booked["status"], "CONFIRMED", "{booked}");
    assert!(!booked["description"].as_str().unwrap().contains("PROPOSAL"));
    // The other group's interview is still a proposal.
    assert_eq!(
        event(&after, &format!("{INTERVIEW}-group-2"))["status"],
        "TENTATIVE"
    );
}

#[test]
fn schedule_yaml_is_checked_with_file_line_and_column() {
    let ws = sprint("en");
    std::fs::write(
        ws.join("schedule.yaml"),
        "moves:\n  - step: utforske-uke-2-intervjuu\n    group: group-1\n    date: 2027-02-25\n  - step: utforske-uke-2-intervju\n    group: grup-1\n    date: 2027-02-25\n  - step: utforske-uke-2-intervju\n    group: group-2\n    date: 2028-02-25\n  - step: diagnose-oppstart-styringsgruppe\n    date: 2027-01-05\n    time: \"9.00\"\n",
    )
    .unwrap();
    let run = ws.run(&["check"]).code(65);
    for expected in [
        "schedule.yaml:2:11",
        "did you mean `utforske-uke-2-intervju`?",
        "schedule.yaml:6:12",
        "did you mean `group-1`?",
        "schedule.yaml:10:11",
        "outside the sprint",
        "schedule.yaml:13:11",
        "is not a time of day",
        "4 problems found",
    ] {
        assert!(run.stderr.contains(expected), "{expected}:\n{}", run.stderr);
    }
    // Every command stops at the same problems; nothing is rewritten.
    let before = std::fs::read(ws.join("schedule.yaml")).unwrap();
    ws.run(&["status"]).code(65);
    ws.run(&["move", INTERVIEW, "--group", "group-1", "--reset"])
        .code(65);
    assert_eq!(before, std::fs::read(ws.join("schedule.yaml")).unwrap());
    std::fs::write(
        ws.join("schedule.yaml"),
        "moves:\n  - step: utforske-uke-2-intervju\n    date: 2027-02-25\n    dato: x\n",
    )
    .unwrap();
    let run = ws.run(&["check"]).code(65);
    assert!(run.stderr.contains("schedule.yaml:4:5"), "{}", run.stderr);
}

#[test]
fn a_move_keeps_what_people_wrote_in_schedule_yaml() {
    let ws = sprint("nb");
    let mine = "# Avtalt med familiene.\nmoves:\n  # Familien ville ha ettermiddag.\n  - step: utforske-uke-2-intervju\n    group: gruppe-2\n    date: 2027-02-24   # onsdag\n    time: \"14:00\"\n# Slutt på lista.\n";
    std::fs::write(ws.join("schedule.yaml"), mine).unwrap();
    assert_eq!(
        session(&status(&ws), INTERVIEW, Some("gruppe-2"))["start"],
        "14:00"
    );
    ws.run(&[
        "move",
        INTERVIEW,
        "--group",
        "gruppe-1",
        "--date",
        "2027-02-25",
        "--force",
    ])
    .ok();
    let file = std::fs::read_to_string(ws.join("schedule.yaml")).unwrap();
    assert_eq!(
        file,
        mine.replace(
            "    time: \"14:00\"\n",
            "    time: \"14:00\"\n  - step: utforske-uke-2-intervju\n    group: gruppe-1\n    date: 2027-02-25\n"
        )
    );
    // Taking one away leaves the other entry and every comment.
    ws.run(&["move", INTERVIEW, "--group", "gruppe-2", "--reset"])
        .ok();
    let file = std::fs::read_to_string(ws.join("schedule.yaml")).unwrap();
    assert_eq!(
        file,
        "# Avtalt med familiene.\nmoves:\n  # Familien ville ha ettermiddag.\n  - step: utforske-uke-2-intervju\n    group: gruppe-1\n    date: 2027-02-25\n# Slutt på lista.\n"
    );
}

#[test]
fn two_processes_moving_at_once_lose_no_move() {
    let (ws, _) = Sprint::made(&[
        "new-sprint",
        "sprint",
        "--yes",
        "--groups",
        "12",
        "--start",
        "2027-01-04",
    ]);
    // Twelve groups need more than two facilitators to fit their weeks.
    ws.edit_yaml(|yaml| {
        yaml.replace(
            "facilitators: [\"Fasilitator 1\", \"Fasilitator 2\"]",
            "facilitators: [\"A\", \"B\", \"C\", \"D\", \"E\", \"F\"]",
        )
    });
    let bin = env!("CARGO_BIN_EXE_samskap");
    let spawn = |groups: Vec<String>, day: &'static str| {
        let ws = ws.to_path_buf();
        std::thread::spawn(move || {
            for group in groups {
                let out = std::process::Command::new(bin)
                    .current_dir(&ws)
                    .args([
                        "move", INTERVIEW, "--group", &group, "--date", day, "--force",
                    ])
                    .output()
                    .unwrap();
                assert!(
                    out.status.success(),
                    "{}",
                    String::from_utf8_lossy(&out.stderr)
                );
            }
        })
    };
    let groups: Vec<String> = (1..=12).map(|n| format!("gruppe-{n}")).collect();
    let a = spawn(groups[..6].to_vec(), "2027-02-24");
    let b = spawn(groups[6..].to_vec(), "2027-02-25");
    a.join().unwrap();
    b.join().unwrap();
    let file = std::fs::read_to_string(ws.join("schedule.yaml")).unwrap();
    assert_eq!(file.matches("- step:").count(), 12, "{file}");
    ws.run(&["check"]).ok();
}

#[test]
fn next_report_and_build_follow_a_move() {
    let ws = sprint("en");
    let first = "diagnose-oppstart-styringsgruppe";
    ws.run(&[
        "move",
        first,
        "--date",
        "2027-01-04",
        "--time",
        "10:00",
        "--place",
        "City hall",
        "--force",
    ])
    .ok();
    let next = ws.run(&["next", "--today", "2027-01-04"]).ok();
    assert!(next.stdout.contains("4 January 2027"), "{}", next.stdout);
    assert!(next.stdout.contains("10:00"), "{}", next.stdout);
    assert!(next.stdout.contains("City hall"), "{}", next.stdout);
    // Held on the day it was moved to (the first of the sprint): the report shows that day alone.
    ws.run(&[
        "done",
        first,
        "--date",
        "2027-01-04",
        "--today",
        "2027-01-08",
    ])
    .ok();
    let report = ws
        .run(&["report", "--interim", "--today", "2027-01-05"])
        .ok();
    let row = report
        .stdout
        .lines()
        .find(|l| l.starts_with("| 4 January 2027"))
        .unwrap_or_else(|| panic!("{}", report.stdout));
    assert!(!row.contains("(held"), "{row}");
    ws.run(&["build", "--today", "2027-01-05"]).ok();
    let page = std::fs::read_to_string(ws.join("out/agenda-week-1.html")).unwrap();
    assert!(page.contains("4 January 2027"), "{page}");
    assert!(page.contains("City hall"), "{page}");
}

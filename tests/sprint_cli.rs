//! The sprint workspace end to end: new-sprint, status, next, done, check,
//! run in temporary folders through the real binary, in both languages.

mod common;

use std::path::Path;

use common::{samskap_in, snapshot_tree};

const FLAGS: &[&str] = &[
    "--name",
    "Våren 2027",
    "--challenge",
    "Hvordan kan vi frigjøre tid?",
    "--target-group",
    "Familier med barn med sammensatte behov",
    "--start",
    "2027-01-04",
    "--weekday",
    "tue",
    "--time",
    "09:00",
    "--groups",
    "2",
    "--sub-challenge",
    "Koordinatorrollen",
    "--sub-challenge",
    "Overganger",
    "--members",
    "Kari, Ola, Per",
    "--members",
    "Aisha, Jonas",
];

fn new_sprint(dir: &Path, lang: &str) {
    let mut args = vec!["--lang", lang, "new-sprint", "sprint"];
    args.extend_from_slice(FLAGS);
    samskap_in(dir, &args).ok();
}

#[test]
fn new_sprint_writes_a_workspace_in_both_languages() {
    for lang in ["nb", "en"] {
        let dir = tempfile::tempdir().unwrap();
        new_sprint(dir.path(), lang);
        let ws = dir.path().join("sprint");
        let yaml = std::fs::read_to_string(ws.join("samskap.yaml")).unwrap();
        insta::assert_snapshot!(format!("samskap_yaml_{lang}"), yaml);
        let readme = std::fs::read_to_string(ws.join("README.md")).unwrap();
        assert!(readme.starts_with("# Våren 2027"));
        assert!(
            std::fs::read_to_string(ws.join(".gitignore"))
                .unwrap()
                .contains("out/")
        );
        samskap_in(&ws, &["check"]).ok();
    }
}

#[test]
fn without_a_terminal_missing_answers_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let run = samskap_in(dir.path(), &["new-sprint", "sprint", "--name", "X"]).code(2);
    assert!(
        run.stderr.contains("--challenge, --target-group, --start"),
        "{}",
        run.stderr
    );
    assert!(!dir.path().join("sprint").exists(), "nothing created");
    samskap_in(dir.path(), &["new-sprint", "sprint", "--yes"]).ok();
    samskap_in(&dir.path().join("sprint"), &["check"]).ok();
}

#[test]
fn a_second_new_sprint_changes_nothing_and_force_only_adds() {
    let dir = tempfile::tempdir().unwrap();
    new_sprint(dir.path(), "nb");
    let ws = dir.path().join("sprint");
    std::fs::write(
        ws.join("samskap.yaml"),
        std::fs::read_to_string(ws.join("samskap.yaml")).unwrap() + "# my note\n",
    )
    .unwrap();
    let before = snapshot_tree(&ws);
    let run = samskap_in(dir.path(), &["new-sprint", "sprint", "--yes"]).code(73);
    assert!(run.stderr.contains("er ikke tom"), "{}", run.stderr);
    assert_eq!(before, snapshot_tree(&ws), "every file byte-identical");

    std::fs::remove_file(ws.join("README.md")).unwrap();
    std::fs::remove_file(ws.join(".gitignore")).unwrap();
    let run = samskap_in(dir.path(), &["new-sprint", "sprint", "--yes", "--force"]).ok();
    assert!(run.stderr.contains("README.md"), "{}", run.stderr);
    let after = snapshot_tree(&ws);
    for (path, bytes) in &before {
        if path != Path::new("README.md") && path != Path::new(".gitignore") {
            let now = after.iter().find(|(p, _)| p == path).expect("still there");
            assert_eq!(&now.1, bytes, "{} unchanged", path.display());
        }
    }
    assert!(ws.join("README.md").exists() && ws.join(".gitignore").exists());
}

#[test]
fn status_next_and_done_follow_the_sprint() {
    for lang in ["nb", "en"] {
        let dir = tempfile::tempdir().unwrap();
        new_sprint(dir.path(), lang);
        let ws = dir.path().join("sprint");
        // Before anything is done, the first session is next.
        let next = samskap_in(&ws, &["next", "--today", "2027-01-04"]).ok();
        insta::assert_snapshot!(format!("next_first_{lang}"), next.stdout);

        samskap_in(
            &ws,
            &[
                "done",
                "diagnose-oppstart-styringsgruppe",
                "--date",
                "2027-01-05",
                "--today",
                "2027-01-05",
            ],
        )
        .ok();
        samskap_in(
            &ws,
            &[
                "done",
                "diagnose-verksted-seksjonsledere",
                "--date",
                "2027-01-05",
                "--today",
                "2027-01-05",
            ],
        )
        .ok();
        let status = samskap_in(&ws, &["status", "--today", "2027-01-13"]).ok();
        insta::assert_snapshot!(format!("status_{lang}"), status.stdout);

        let undo = samskap_in(&ws, &["done", "diagnose-verksted-seksjonsledere", "--undo"]).ok();
        assert!(!undo.stderr.is_empty());
        let progress = std::fs::read_to_string(ws.join("progress.yaml")).unwrap();
        assert!(progress.contains("diagnose-oppstart-styringsgruppe"));
        assert!(!progress.contains("diagnose-verksted-seksjonsledere"));
    }
}

#[test]
fn status_json_has_the_documented_shape() {
    let dir = tempfile::tempdir().unwrap();
    new_sprint(dir.path(), "nb");
    let ws = dir.path().join("sprint");
    samskap_in(
        &ws,
        &[
            "done",
            "diagnose-oppstart-styringsgruppe",
            "--date",
            "2027-01-05",
            "--today",
            "2027-01-05",
        ],
    )
    .ok();
    let run = samskap_in(&ws, &["status", "--json", "--today", "2027-03-10"]).ok();
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(json["format"], "samskap-status/1");
    assert_eq!(json["today"], "2027-03-10");
    assert_eq!(json["position"]["phase"], "utforske");
    // The winter holiday moved the process on a week: 10 March is sprint week 3.
    assert_eq!(json["position"]["phase_week"], 3);
    assert_eq!(json["position"]["calendar_week"], 10);
    let sessions = json["sessions"].as_array().unwrap();
    assert_eq!(sessions[0]["step"], "diagnose-oppstart-styringsgruppe");
    assert_eq!(sessions[0]["state"], "done");
    assert_eq!(sessions[0]["done_on"], "2027-01-05");
    assert_eq!(sessions[0]["date"], "2027-01-05");
    // Three hours do not fit before lunch: the afternoon.
    assert_eq!(sessions[0]["start"], "12:00");
    assert_eq!(sessions[1]["state"], "overdue");
    let missing = json["missing"].as_array().unwrap();
    // The sprint's interview week is over and no group has notes.
    for group in ["gruppe-1", "gruppe-2"] {
        assert!(
            missing
                .iter()
                .any(|m| m["kind"] == "no-interview-notes" && m["group"] == group),
            "{group}: {missing:?}"
        );
    }
    // A group with notes is no longer reported.
    let notes = ws.join("groups/gruppe-1/interviews");
    std::fs::create_dir_all(&notes).unwrap();
    std::fs::write(
        notes.join("2027-02-24-lilje.md"),
        "---\npseudonym: Lilje\n---\n",
    )
    .unwrap();
    let run = samskap_in(&ws, &["status", "--json", "--today", "2027-03-10"]).ok();
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let missing = json["missing"].as_array().unwrap();
    assert!(
        !missing
            .iter()
            .any(|m| m["kind"] == "no-interview-notes" && m["group"] == "gruppe-1")
    );
    assert_eq!(json["counts"]["done"], 1);
}

#[test]
fn holiday_moves_are_shown() {
    // Tuesday sessions from 2027-03-01: sprint week 6 of diagnose... pick a
    // Thursday sprint so Ascension Day (Thu 6 May 2027) is hit.
    let dir = tempfile::tempdir().unwrap();
    let mut args = vec![
        "new-sprint",
        "sprint",
        "--yes",
        "--start",
        "2027-03-25",
        "--weekday",
        "thu",
    ];
    args.extend_from_slice(&["--groups", "1"]);
    samskap_in(dir.path(), &args).ok();
    let ws = dir.path().join("sprint");
    let run = samskap_in(&ws, &["status", "--json", "--today", "2027-03-01"]).ok();
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let sessions = json["sessions"].as_array().unwrap();
    // 25 March 2027 is Maundy Thursday and the 26th Good Friday: the first
    // week has no working day left, so it is the week after, on its Thursday.
    assert_eq!(sessions[0]["date"], "2027-04-01");
    assert_eq!(sessions[0]["moved"]["from"], "2027-03-25");
    assert_eq!(sessions[0]["moved"]["holiday"], "maundy-thursday");
    assert!(sessions.iter().any(|s| s["moved"]["from"] == "2027-05-06"));
    let text = samskap_in(&ws, &["status", "--today", "2027-03-01"]).ok();
    assert!(
        text.stdout.contains("flyttet fra 2027-03-25: skjærtorsdag"),
        "{}",
        text.stdout
    );
}

#[test]
fn done_rejects_what_does_not_exist() {
    let dir = tempfile::tempdir().unwrap();
    new_sprint(dir.path(), "nb");
    let ws = dir.path().join("sprint");
    let run = samskap_in(&ws, &["done", "diagnose-oppstrat-styringsgruppe"]).code(2);
    assert!(
        run.stderr
            .contains("mente du `diagnose-oppstart-styringsgruppe`"),
        "{}",
        run.stderr
    );
    let run = samskap_in(&ws, &["done", "utforske-uke-1-planlegging"]).code(2);
    assert!(run.stderr.contains("--group"), "{}", run.stderr);
    let run = samskap_in(
        &ws,
        &["done", "utforske-uke-1-planlegging", "--group", "gruppe-7"],
    )
    .code(2);
    assert!(run.stderr.contains("gruppe-7"), "{}", run.stderr);
    let run = samskap_in(
        &ws,
        &[
            "done",
            "diagnose-oppstart-styringsgruppe",
            "--group",
            "gruppe-1",
        ],
    )
    .code(2);
    assert!(run.stderr.contains("én gang for alle"), "{}", run.stderr);
    let run = samskap_in(
        &ws,
        &[
            "done",
            "diagnose-oppstart-styringsgruppe",
            "--date",
            "2027-13-01",
        ],
    )
    .code(2);
    assert!(run.stderr.contains("ÅÅÅÅ-MM-DD"), "{}", run.stderr);
    assert!(
        !std::fs::read_to_string(ws.join("progress.yaml"))
            .unwrap()
            .contains("step:")
    );
}

#[test]
fn two_processes_marking_at_once_lose_no_update() {
    let dir = tempfile::tempdir().unwrap();
    samskap_in(
        dir.path(),
        &[
            "new-sprint",
            "sprint",
            "--yes",
            "--groups",
            "20",
            "--start",
            "2027-01-04",
        ],
    )
    .ok();
    let ws = dir.path().join("sprint");
    // Twenty groups need more than two facilitators to fit their weeks.
    let yaml = std::fs::read_to_string(ws.join("samskap.yaml")).unwrap();
    let many: Vec<String> = (1..=10).map(|n| format!("\"F{n}\"")).collect();
    let yaml = yaml.replace(
        "facilitators: [\"Fasilitator 1\", \"Fasilitator 2\"]",
        &format!("facilitators: [{}]", many.join(", ")),
    );
    std::fs::write(ws.join("samskap.yaml"), yaml).unwrap();
    let per_group = [
        "utforske-uke-1-planlegging",
        "utforske-uke-2-intervju",
        "utforske-uke-3-problemdefinisjon",
        "utforske-uke-4-samskapingsverksted",
        "utforske-uke-5-prototyping",
    ];
    // Worker A marks five steps for ten groups, worker B five other steps.
    let others = ["utforske-uke-5-testing", "utforske-uke-6-ferdigstilling"];
    let bin = env!("CARGO_BIN_EXE_samskap");
    let spawn = |pairs: Vec<(String, String)>| {
        let ws = ws.clone();
        std::thread::spawn(move || {
            for (step, group) in pairs {
                let status = std::process::Command::new(bin)
                    .current_dir(&ws)
                    .args([
                        "done",
                        &step,
                        "--group",
                        &group,
                        "--date",
                        "2027-03-01",
                        "--today",
                        "2027-03-01",
                    ])
                    .output()
                    .unwrap();
                assert!(
                    status.status.success(),
                    "{}",
                    String::from_utf8_lossy(&status.stderr)
                );
            }
        })
    };
    let groups: Vec<String> = (1..=20).map(|n| format!("gruppe-{n}")).collect();
    let a: Vec<(String, String)> = per_group[..3]
        .iter()
        .flat_map(|s| {
            groups
                .iter()
                .take(17)
                .map(move |g| (s.to_string(), g.clone()))
        })
        .take(50)
        .collect();
    let b: Vec<(String, String)> = per_group[3..]
        .iter()
        .chain(others.iter())
        .flat_map(|s| {
            groups
                .iter()
                .take(13)
                .map(move |g| (s.to_string(), g.clone()))
        })
        .take(50)
        .collect();
    assert_eq!((a.len(), b.len()), (50, 50));
    let (ta, tb) = (spawn(a), spawn(b));
    ta.join().unwrap();
    tb.join().unwrap();
    let progress = std::fs::read_to_string(ws.join("progress.yaml")).unwrap();
    assert_eq!(progress.matches("- step:").count(), 100, "{progress}");
    samskap_in(&ws, &["check"]).ok();
}

#[test]
fn commands_find_the_workspace_upward_and_with_c() {
    let dir = tempfile::tempdir().unwrap();
    new_sprint(dir.path(), "en");
    let deep = dir.path().join("sprint/groups/gruppe-1/interviews");
    std::fs::create_dir_all(&deep).unwrap();
    samskap_in(
        &deep,
        &[
            "done",
            "diagnose-oppstart-styringsgruppe",
            "--today",
            "2027-01-05",
        ],
    )
    .ok();
    let run = samskap_in(dir.path(), &["-C", "sprint", "status", "--json"]).ok();
    assert!(run.stdout.contains("\"state\": \"done\""));
    let run = samskap_in(dir.path(), &["status"]).code(2);
    assert!(run.stderr.contains("ingen sprint her"), "{}", run.stderr);
}

#[test]
fn check_reports_bad_sprint_files_with_place() {
    let dir = tempfile::tempdir().unwrap();
    new_sprint(dir.path(), "nb");
    let ws = dir.path().join("sprint");
    let yaml = std::fs::read_to_string(ws.join("samskap.yaml")).unwrap();
    let bad = yaml
        .replace("start: 2027-01-04", "start: 2027-02-30")
        .replace("id: gruppe-2", "id: ../gruppe-2")
        .replace("time: \"09:00\"", "time: \"9 am\"");
    std::fs::write(ws.join("samskap.yaml"), bad).unwrap();
    let run = samskap_in(&ws, &["--lang", "en", "check"]).code(65);
    insta::assert_snapshot!("check_bad_sprint", run.stderr);

    std::fs::write(
        ws.join("samskap.yaml"),
        yaml.replace("weekdy", "x")
            .replace("weekday: tue", "weekdy: tue"),
    )
    .unwrap();
    let run = samskap_in(&ws, &["check"]).code(65);
    assert!(run.stderr.contains("mente du `weekday`"), "{}", run.stderr);

    std::fs::write(ws.join("samskap.yaml"), &yaml).unwrap();
    std::fs::write(
        ws.join("progress.yaml"),
        "done:\n  - step: diagnose-oppstrat\n    date: 2027-01-05\n  - step: utforske-uke-1-planlegging\n    group: gruppe-9\n    date: 2027-01-05\n  - step: diagnose-oppstart-styringsgruppe\n    date: 5.1.2027\n",
    )
    .unwrap();
    let run = samskap_in(&ws, &["--lang", "en", "check"]).code(65);
    insta::assert_snapshot!("check_bad_progress", run.stderr);
    // A broken progress file is never overwritten by `done`.
    let before = std::fs::read(ws.join("progress.yaml")).unwrap();
    samskap_in(
        &ws,
        &[
            "done",
            "diagnose-oppstart-styringsgruppe",
            "--today",
            "2027-01-05",
        ],
    )
    .code(65);
    assert_eq!(before, std::fs::read(ws.join("progress.yaml")).unwrap());
}

#[test]
fn done_refuses_a_date_in_the_future_or_before_the_start() {
    let dir = tempfile::tempdir().unwrap();
    new_sprint(dir.path(), "en");
    let ws = dir.path().join("sprint");
    let step = "diagnose-oppstart-styringsgruppe";
    let future = samskap_in(
        &ws,
        &[
            "done",
            step,
            "--date",
            "2027-01-06",
            "--today",
            "2027-01-05",
        ],
    )
    .code(2);
    assert!(
        future
            .stderr
            .contains("2027-01-06 is in the future (today is 2027-01-05)"),
        "{}",
        future.stderr
    );
    let early = samskap_in(
        &ws,
        &[
            "done",
            step,
            "--date",
            "2027-01-03",
            "--today",
            "2027-01-05",
        ],
    )
    .code(2);
    assert!(
        early
            .stderr
            .contains("2027-01-03 is before the sprint starts (2027-01-04"),
        "{}",
        early.stderr
    );
    assert!(
        early.stderr.contains("`start:` in samskap.yaml"),
        "{}",
        early.stderr
    );
    // Today before the start: marking without --date is refused the same way.
    samskap_in(&ws, &["done", step, "--today", "2026-12-01"]).code(2);
    let progress = std::fs::read_to_string(ws.join("progress.yaml")).unwrap_or_default();
    assert!(!progress.contains(step), "nothing was recorded: {progress}");
    // The first and the last day allowed are taken.
    samskap_in(
        &ws,
        &[
            "done",
            step,
            "--date",
            "2027-01-04",
            "--today",
            "2027-01-04",
        ],
    )
    .ok();
    // Undoing needs no date check.
    samskap_in(&ws, &["done", step, "--undo", "--today", "2026-12-01"]).ok();
}

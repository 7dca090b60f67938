//! Documents end to end: agendas, interview guides and the calendar, in
//! Markdown and HTML, both languages; snapshots; hostile input; and the
//! independent validators (Nu HTML Checker, axe-core in Chromium, Python's
//! icalendar), installed by scripts/install-validators.sh. The validator
//! tests fail, never skip, when a validator is missing.

mod common;

use std::path::{Path, PathBuf};

use common::{samskap_in, validator};

/// A sprint in `dir/sprint` with fixed dates, a place and named people.
fn sprint(dir: &Path, lang: &str) -> PathBuf {
    samskap_in(
        dir,
        &[
            "--lang",
            lang,
            "new-sprint",
            "sprint",
            "--name",
            "Våren 2027",
            "--challenge",
            "Hvordan kan vi frigjøre tid?",
            "--target-group",
            "Familier med barn med sammensatte behov",
            "--start",
            "2027-01-04",
            "--weekday",
            "thu",
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
            "--steering-group",
            "Bydelsdirektør",
            "--place",
            "Bydelshuset, rom 2",
        ],
    )
    .ok();
    dir.join("sprint")
}

/// A sprint whose every user-written value is an attack.
fn hostile_sprint(dir: &Path) -> PathBuf {
    samskap_in(
        dir,
        &[
            "new-sprint",
            "evil",
            "--name",
            "<script>window.__samskap_xss=1</script>",
            "--challenge",
            "</style><script>alert(1)</script>",
            "--target-group",
            "<img src=x onerror=alert(1)>",
            "--start",
            "2027-01-04",
            "--groups",
            "1",
            "--sub-challenge",
            "[klikk](javascript:alert(1)) {{ x }} {% raw %}",
            "--members",
            "{{ 7*7 }}, {% include 'layout.html' %}",
            "--place",
            "![x](https://tracker.example/p.png) <b onmouseover=alert(1)>",
            "--steering-group",
            "`code` *em* # heading",
        ],
    )
    .ok();
    dir.join("evil")
}

#[test]
fn agenda_and_guide_snapshots_in_both_languages() {
    for lang in ["nb", "en"] {
        let dir = tempfile::tempdir().unwrap();
        let ws = sprint(dir.path(), lang);
        let group = if lang == "nb" { "gruppe-1" } else { "group-1" };
        let run = samskap_in(
            &ws,
            &["agenda", "utforske-uke-2-intervju", "--group", group],
        )
        .ok();
        insta::assert_snapshot!(format!("agenda_step_{lang}"), run.stdout);
        let run = samskap_in(&ws, &["agenda", "--week", "7", "--participant"]).ok();
        insta::assert_snapshot!(format!("agenda_week_participant_{lang}"), run.stdout);
        let run = samskap_in(&ws, &["interview-guide", "--group", group]).ok();
        insta::assert_snapshot!(format!("interview_guide_{lang}"), run.stdout);
        let run = samskap_in(
            &ws,
            &[
                "agenda",
                "diagnose-oppstart-styringsgruppe",
                "--format",
                "html",
            ],
        )
        .ok();
        insta::assert_snapshot!(format!("agenda_html_{lang}"), run.stdout);
    }
}

#[test]
fn participant_agenda_leaves_out_facilitator_notes() {
    let dir = tempfile::tempdir().unwrap();
    let ws = sprint(dir.path(), "nb");
    let full = samskap_in(&ws, &["agenda", "utforske-uke-1-oppstart"]).ok();
    let participant = samskap_in(&ws, &["agenda", "utforske-uke-1-oppstart", "--participant"]).ok();
    assert!(full.stdout.contains("Til fasilitatoren"));
    assert!(!participant.stdout.contains("Til fasilitatoren"));
    assert!(!participant.stdout.contains("### Sjekkliste"));
}

#[test]
fn holiday_moves_are_in_the_agenda_and_calendar() {
    let dir = tempfile::tempdir().unwrap();
    let ws = sprint(dir.path(), "nb");
    // Thursdays from 7 January 2027: calendar week 18 holds Thursday 6 May, Ascension Day.
    let run = samskap_in(&ws, &["agenda", "--week", "18"]).ok();
    assert!(
        run.stdout
            .contains("Flyttet fra torsdag 6. mai 2027 (Kristi himmelfartsdag)"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("fredag 7. mai 2027"), "{}", run.stdout);
    assert!(
        run.stdout.contains("# Agenda for uke 18 · prosessuke 16"),
        "{}",
        run.stdout
    );
    // The families' interviews skip the winter holiday (week 8), and documents say why.
    let run = samskap_in(&ws, &["agenda", "--process-week", "8"]).ok();
    assert!(
        run.stdout.contains("# Agenda for uke 9 · sprintuke 2"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("(Vinterferie 2027)"), "{}", run.stdout);
}

#[test]
fn output_files_are_never_overwritten_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let ws = sprint(dir.path(), "nb");
    samskap_in(&ws, &["agenda", "-o", "out/agenda.html"]).ok();
    let first = std::fs::read_to_string(ws.join("out/agenda.html")).unwrap();
    assert!(
        first.starts_with("<!DOCTYPE html>"),
        "the .html extension picks HTML"
    );
    std::fs::write(ws.join("out/agenda.html"), "mine").unwrap();
    let run = samskap_in(&ws, &["agenda", "-o", "out/agenda.html"]).code(73);
    assert!(run.stderr.contains("--force"), "{}", run.stderr);
    assert_eq!(
        std::fs::read_to_string(ws.join("out/agenda.html")).unwrap(),
        "mine"
    );
    samskap_in(&ws, &["agenda", "-o", "out/agenda.html", "--force"]).ok();
    assert_eq!(
        std::fs::read_to_string(ws.join("out/agenda.html")).unwrap(),
        first
    );
}

#[test]
fn templates_can_be_exported_and_overridden_block_by_block() {
    let dir = tempfile::tempdir().unwrap();
    let ws = sprint(dir.path(), "nb");
    samskap_in(&ws, &["templates", "export", "maler"]).ok();
    for name in ["agenda.md", "interview-guide.md", "layout.html"] {
        assert!(ws.join("maler").join(name).exists(), "{name}");
    }
    samskap_in(&ws, &["templates", "export", "maler"]).code(73);
    std::fs::create_dir_all(ws.join("templates")).unwrap();
    std::fs::write(
        ws.join("templates/agenda.md"),
        "{% extends \"samskap/agenda.md\" %}{% block heading %}# Bydelens egen agenda: {{ title }}\n{% endblock heading %}",
    )
    .unwrap();
    let run = samskap_in(&ws, &["agenda", "utforske-uke-1-oppstart"]).ok();
    assert!(
        run.stdout
            .starts_with("# Bydelens egen agenda: Agenda: Oppstart"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("### Agenda"),
        "the other blocks are kept"
    );
    std::fs::write(ws.join("templates/agenda.md"), "{% if %}").unwrap();
    let run = samskap_in(&ws, &["agenda"]).code(65);
    assert!(run.stderr.contains("templates/agenda.md"), "{}", run.stderr);
}

#[test]
fn calendar_has_stable_uids_and_local_times() {
    let dir = tempfile::tempdir().unwrap();
    let ws = sprint(dir.path(), "nb");
    let run = |args: &[&str]| {
        let out = assert_cmd::Command::cargo_bin("samskap")
            .unwrap()
            .current_dir(&ws)
            .env("SOURCE_DATE_EPOCH", "1800000000")
            .args(args)
            .output()
            .unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };
    let ics = run(&["calendar"]);
    insta::assert_snapshot!(
        "calendar_nb",
        ics.lines().take(60).collect::<Vec<_>>().join("\n")
    );
    // In English every title changes, so every event's SEQUENCE is 1.
    let en = run(&["--lang", "en", "calendar"]);
    insta::assert_snapshot!(
        "calendar_en",
        en.lines().take(60).collect::<Vec<_>>().join("\n")
    );
    assert!(ics.contains("\r\n"), "CRLF line ends");
    // Moving the start, or renaming the sprint, keeps the UIDs.
    let yaml = std::fs::read_to_string(ws.join("samskap.yaml")).unwrap();
    std::fs::write(
        ws.join("samskap.yaml"),
        yaml.replace("start: 2027-01-04", "start: 2027-01-11")
            .replace("name: \"Våren 2027\"", "name: \"Våren 2027 (ny)\""),
    )
    .unwrap();
    let moved = run(&["calendar"]);
    let uids = |s: &str| {
        s.lines()
            .filter(|l| l.starts_with("UID:"))
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    assert_eq!(uids(&ics), uids(&moved));
    assert_ne!(ics, moved);
}

/// Renders every document type as HTML into `out`, for the validators.
fn render_all_html(out: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for lang in ["nb", "en"] {
        let dir = out.join(lang);
        std::fs::create_dir_all(&dir).unwrap();
        let ws = sprint(&dir, lang);
        let group = if lang == "nb" { "gruppe-2" } else { "group-2" };
        let docs: Vec<(String, Vec<&str>)> = vec![
            (
                format!("agenda-step-{lang}.html"),
                vec!["agenda", "utforske-uke-4-samskapingsverksted"],
            ),
            (
                format!("agenda-week-{lang}.html"),
                vec!["agenda", "--week", "13"],
            ),
            (
                format!("agenda-participant-{lang}.html"),
                vec!["agenda", "--week", "7", "--participant"],
            ),
            (
                format!("interview-guide-{lang}.html"),
                vec!["interview-guide", "--group", group],
            ),
        ];
        for (name, args) in docs {
            let path = out.join(&name);
            let mut args = args.clone();
            let target = path.to_str().unwrap().to_owned();
            args.extend(["-o", &target]);
            samskap_in(&ws, &args).ok();
            files.push(path);
        }
    }
    let evil = hostile_sprint(out);
    for (name, args) in [
        (
            "hostile-agenda.html",
            vec!["agenda", "diagnose-oppstart-styringsgruppe"],
        ),
        ("hostile-agenda-week.html", vec!["agenda", "--week", "7"]),
        (
            "hostile-guide.html",
            vec!["interview-guide", "--group", "gruppe-1"],
        ),
    ] {
        let path = out.join(name);
        let target = path.to_str().unwrap().to_owned();
        let mut args = args.clone();
        args.extend(["-o", &target]);
        samskap_in(&evil, &args).ok();
        files.push(path);
    }
    files
}

#[test]
fn hostile_input_is_only_ever_text() {
    let dir = tempfile::tempdir().unwrap();
    let evil = hostile_sprint(dir.path());
    let outputs = [
        samskap_in(&evil, &["agenda", "diagnose-oppstart-styringsgruppe"])
            .ok()
            .stdout,
        samskap_in(&evil, &["agenda", "--week", "7", "--format", "html"])
            .ok()
            .stdout,
        samskap_in(
            &evil,
            &["agenda", "utforske-uke-1-planlegging", "--format", "html"],
        )
        .ok()
        .stdout,
        samskap_in(&evil, &["interview-guide", "--group", "gruppe-1"])
            .ok()
            .stdout,
        samskap_in(
            &evil,
            &["interview-guide", "--group", "gruppe-1", "--format", "html"],
        )
        .ok()
        .stdout,
    ];
    for out in &outputs {
        let lower = out.to_lowercase();
        assert!(!lower.contains("<script"), "{out}");
        assert!(!lower.contains("<img"), "{out}");
        assert!(!lower.contains("<b "), "{out}");
        assert!(!lower.contains("href=\"javascript"), "{out}");
        assert!(
            !lower.contains("tracker.example/p.png\""),
            "no request leaves the file: {out}"
        );
        assert!(!out.contains("49"), "{{ 7*7 }} was not evaluated: {out}");
    }
    // The calendar is plain text: the values are there as text, escaped
    // for iCalendar, and no template ran.
    let ics = samskap_in(&evil, &["calendar"]).ok().stdout;
    assert!(
        ics.contains("X-WR-CALNAME:<script>window.__samskap_xss=1</script>"),
        "{ics}"
    );
    assert!(!ics.contains("\n49"), "{ics}");
    // The text itself survives, visibly.
    let html = &outputs[2];
    assert!(html.contains("{{ 7*7 }}"), "{html}");
    assert!(
        html.contains("&lt;script&gt;window.__samskap_xss=1&lt;/script&gt;"),
        "{html}"
    );
}

#[test]
fn html_passes_the_nu_html_checker_and_axe() {
    let dir = tempfile::tempdir().unwrap();
    let files = render_all_html(dir.path());
    assert_eq!(files.len(), 11);
    validator("tests/validators/vnu.sh", &[], &files);
    let axe = validator("node", &["tests/validators/axe.mjs"], &files);
    assert!(axe.contains("11 files checked, 0 violations"), "{axe}");
}

#[test]
fn calendar_parses_with_python_icalendar() {
    let dir = tempfile::tempdir().unwrap();
    let ws = sprint(dir.path(), "nb");
    samskap_in(&ws, &["calendar", "-o", "sprint.ics"]).ok();
    let text = validator(
        "python3",
        &["tests/validators/ics_check.py"],
        &[ws.join("sprint.ics")],
    );
    let events: Vec<serde_json::Value> = text
        .lines()
        .filter(|l| l.starts_with('{'))
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    // 25 steps; per-group steps once per group (2 groups).
    let wb = samskap::workbook::load(&samskap::workbook::WorkbookSource::BuiltIn).unwrap();
    let expected: usize = wb
        .steps()
        .map(|(_, s)| {
            if s.runs == samskap::workbook::Runs::PerGroup {
                2
            } else {
                1
            }
        })
        .sum();
    assert_eq!(events.len(), expected);
    let first = &events[0];
    assert_eq!(
        first["uid"],
        "samskap-varen-2027-2027-01-04-diagnose-oppstart-styringsgruppe-alle"
    );
    // Three hours do not fit the morning before lunch (09:00–11:30).
    assert_eq!(first["dtstart"], "2027-01-07T12:00");
    assert_eq!(first["tzid"], "Europe/Oslo");
    assert_eq!(first["location"], "Bydelshuset, rom 2");
    // The session of 6 May 2027 (Ascension Day) is on Friday 7 May.
    assert!(
        events.iter().any(|e| e["dtstart"] == "2027-05-07T09:00"),
        "{events:?}"
    );
    assert!(
        !events
            .iter()
            .any(|e| e["dtstart"].as_str().unwrap().starts_with("2027-05-06"))
    );
    // Every event starts within the working day.
    for e in &events {
        let start = e["dtstart"].as_str().unwrap();
        assert!(("09:00".."15:30").contains(&&start[11..]), "{e}");
    }
    // Unbooked interviews are tentative proposals, everything else confirmed.
    for e in &events {
        let uid = e["uid"].as_str().unwrap();
        let description = e["description"].as_str().unwrap();
        if uid.contains("-intervju-gruppe-") || uid.contains("dybdeintervjuer") {
            assert_eq!(e["status"], "TENTATIVE", "{e}");
            assert!(description.starts_with("FORSLAG, ikke avtalt ennå"), "{e}");
        } else {
            assert_eq!(e["status"], "CONFIRMED", "{e}");
            assert!(!description.contains("FORSLAG"), "{e}");
        }
    }
}

/// The events `ics_check.py` read from `file`, which must parse cleanly.
fn checked_events(file: &Path) -> Vec<serde_json::Value> {
    let text = validator(
        "python3",
        &["tests/validators/ics_check.py"],
        &[file.to_owned()],
    );
    text.lines()
        .filter(|l| l.starts_with('{'))
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn event<'a>(events: &'a [serde_json::Value], uid: &str) -> &'a serde_json::Value {
    events
        .iter()
        .find(|e| e["uid"] == uid)
        .unwrap_or_else(|| panic!("no event {uid}"))
}

#[test]
fn calendar_events_update_and_removed_groups_come_back_cancelled() {
    let dir = tempfile::tempdir().unwrap();
    let ws = sprint(dir.path(), "nb");
    let calendar = |file: &str, epoch: &str| {
        let out = assert_cmd::Command::cargo_bin("samskap")
            .unwrap()
            .current_dir(&ws)
            .env("SOURCE_DATE_EPOCH", epoch)
            .args(["calendar", "-o", file])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        checked_events(&ws.join(file))
    };
    let first = calendar("first.ics", "1800000000");
    // Unbooked interviews are tentative; everything else confirmed.
    assert!(first.iter().all(|e| {
        let uid = e["uid"].as_str().unwrap();
        let proposal = uid.contains("-intervju-gruppe-") || uid.contains("dybdeintervjuer");
        let status = if proposal { "TENTATIVE" } else { "CONFIRMED" };
        e["sequence"] == 0 && e["status"] == status
    }));
    // The same plan, made later, gives the same file byte for byte.
    calendar("again.ics", "1800009999");
    assert_eq!(
        std::fs::read(ws.join("first.ics")).unwrap(),
        std::fs::read(ws.join("again.ics")).unwrap()
    );
    for e in &first {
        let description = e["description"].as_str().unwrap();
        assert!(
            !description.contains("samskap "),
            "no command line: {description}"
        );
        assert!(description.contains(".html i mappa out/"), "{description}");
    }

    // Gruppe 1 renamed, gruppe 2 removed.
    let yaml = std::fs::read_to_string(ws.join("samskap.yaml")).unwrap();
    let cut = yaml.find("  - id: gruppe-2").unwrap();
    std::fs::write(
        ws.join("samskap.yaml"),
        yaml[..cut].replace("name: \"Gruppe 1\"", "name: \"Koordinatorene\""),
    )
    .unwrap();
    let second = calendar("second.ics", "1800086400");
    assert_eq!(
        second.len(),
        first.len(),
        "every event of the first file is there"
    );
    let interview = "samskap-varen-2027-2027-01-04-utforske-uke-2-intervju";
    let renamed = event(&second, &format!("{interview}-gruppe-1"));
    assert_eq!(renamed["sequence"], 1);
    assert_eq!(renamed["status"], "TENTATIVE");
    assert!(
        renamed["summary"]
            .as_str()
            .unwrap()
            .ends_with("Koordinatorene")
    );
    let gone = event(&second, &format!("{interview}-gruppe-2"));
    assert_eq!(
        (&gone["sequence"], &gone["status"]),
        (&1.into(), &"CANCELLED".into())
    );
    assert_eq!(
        gone["dtstart"],
        event(&first, &format!("{interview}-gruppe-2"))["dtstart"]
    );
    let once = "samskap-varen-2027-2027-01-04-diagnose-oppstart-styringsgruppe-alle";
    assert_eq!(event(&second, once)["sequence"], 0, "unchanged events stay");

    // The start moved two weeks (one would put the families' interviews,
    // pushed past the winter holiday, on the same day): every live event
    // rises again, the cancelled stay.
    std::fs::write(
        ws.join("samskap.yaml"),
        std::fs::read_to_string(ws.join("samskap.yaml"))
            .unwrap()
            .replace("start: 2027-01-04", "start: 2027-01-18"),
    )
    .unwrap();
    let third = calendar("third.ics", "1800172800");
    assert_eq!(event(&third, once)["sequence"], 1);
    assert_eq!(
        event(&third, &format!("{interview}-gruppe-1"))["sequence"],
        2
    );
    assert_eq!(
        event(&third, &format!("{interview}-gruppe-2"))["sequence"],
        1
    );
}

#[test]
fn a_group_calendar_has_its_sessions_and_those_for_everyone() {
    let dir = tempfile::tempdir().unwrap();
    let ws = sprint(dir.path(), "nb");
    samskap_in(&ws, &["calendar", "-o", "all.ics"]).ok();
    samskap_in(&ws, &["calendar", "--group", "gruppe-1", "-o", "g1.ics"]).ok();
    let all = checked_events(&ws.join("all.ics"));
    let g1 = checked_events(&ws.join("g1.ics"));
    let is = |e: &serde_json::Value, suffix: &str| e["uid"].as_str().unwrap().ends_with(suffix);
    assert!(g1.iter().all(|e| is(e, "-gruppe-1") || is(e, "-alle")));
    assert_eq!(
        g1.len(),
        all.iter().filter(|e| !is(e, "-gruppe-2")).count(),
        "every session of the group and every one for all"
    );
    let ics = std::fs::read_to_string(ws.join("g1.ics")).unwrap();
    assert!(ics.contains("X-WR-CALNAME:Våren 2027 – Gruppe 1"), "{ics}");
    // An unknown group is named, with the closest.
    let run = samskap_in(&ws, &["calendar", "--group", "grupe-1"]).code(2);
    assert!(run.stderr.contains("mente du `gruppe-1`"), "{}", run.stderr);
    // A removed group's members can still get its cancellations.
    let yaml = std::fs::read_to_string(ws.join("samskap.yaml")).unwrap();
    let cut = yaml.find("  - id: gruppe-2").unwrap();
    std::fs::write(ws.join("samskap.yaml"), &yaml[..cut]).unwrap();
    samskap_in(&ws, &["calendar", "--group", "gruppe-2", "-o", "g2.ics"]).ok();
    let g2 = checked_events(&ws.join("g2.ics"));
    let cancelled: Vec<_> = g2.iter().filter(|e| e["status"] == "CANCELLED").collect();
    assert!(!cancelled.is_empty());
    assert!(cancelled.iter().all(|e| is(e, "-gruppe-2")));
}

#[test]
fn a_broken_calendar_record_is_pointed_at_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    let ws = sprint(dir.path(), "en");
    samskap_in(&ws, &["calendar"]).ok();
    let record = std::fs::read_to_string(ws.join("calendar-sent.yaml")).unwrap();
    let line = record
        .lines()
        .position(|l| l.trim_start().starts_with("date:"))
        .unwrap()
        + 1;
    let broken = record.replacen("date: 2027-01-07", "date: 7.1.2027", 1);
    std::fs::write(ws.join("calendar-sent.yaml"), &broken).unwrap();
    let run = samskap_in(&ws, &["calendar"]).code(65);
    assert!(
        run.stderr
            .contains(&format!("calendar-sent.yaml:{line}:11")),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("delete it"), "{}", run.stderr);
    assert_eq!(
        std::fs::read_to_string(ws.join("calendar-sent.yaml")).unwrap(),
        broken
    );
}

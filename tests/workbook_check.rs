//! `samskap workbook check` on malformed workbooks: each fixture's exact
//! message, with file, line and column, is pinned in a snapshot.

mod common;

use common::{fixture, samskap_in};

const MALFORMED: &[&str] = &[
    "agenda-too-long",
    "bad-syntax",
    "bad-timing",
    "dangling-method",
    "duplicate-id",
    "duplicate-key",
    "empty-file",
    "empty-include",
    "id-not-slug",
    "include-escapes",
    "many-problems",
    "missing-field",
    "missing-include",
    "missing-translation",
    "not-utf8",
    "root-only-in-include",
    "tab-indent",
    "unknown-field",
    "unknown-kind",
    "unknown-language",
    "unknown-role",
    "week-out-of-range",
    "wrong-type",
];

#[test]
fn every_malformed_fixture_is_listed_and_pinned() {
    let mut on_disk: Vec<String> = std::fs::read_dir(fixture("workbooks"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "minimal")
        .collect();
    on_disk.sort();
    assert_eq!(on_disk, MALFORMED, "a fixture folder is not in MALFORMED");
    assert!(MALFORMED.len() >= 15);
}

#[test]
fn malformed_workbooks_are_reported_with_place_and_hint() {
    let dir = fixture("workbooks");
    for name in MALFORMED {
        let run = samskap_in(&dir, &["--lang", "en", "workbook", "check", name]).code(65);
        assert!(run.stdout.is_empty(), "{name}: nothing on stdout");
        assert!(
            run.stderr.contains(&format!("--> {name}/")),
            "{name}: names the file:\n{}",
            run.stderr
        );
        insta::assert_snapshot!(format!("check_{name}"), run.stderr);
    }
}

#[test]
fn the_same_problems_via_global_workbook_option() {
    let dir = fixture("workbooks");
    let direct = samskap_in(&dir, &["workbook", "check", "unknown-field"]).code(65);
    let global = samskap_in(&dir, &["--workbook", "unknown-field", "workbook", "list"]).code(65);
    assert_eq!(direct.stderr, global.stderr);
}

#[test]
fn minimal_workbook_passes() {
    let run = samskap_in(&fixture("workbooks"), &["workbook", "check", "minimal"]).ok();
    insta::assert_snapshot!(run.stdout);
    let run = samskap_in(
        &fixture("workbooks"),
        &["--lang", "en", "workbook", "check", "minimal/workbook.yaml"],
    )
    .ok();
    insta::assert_snapshot!(run.stdout);
}

#[test]
fn a_missing_workbook_is_a_read_error() {
    let run = samskap_in(
        &fixture("workbooks"),
        &["--lang", "en", "workbook", "check", "nowhere"],
    )
    .code(66);
    insta::assert_snapshot!(run.stderr);
}

#[test]
fn list_and_show_on_a_small_workbook() {
    let dir = fixture("workbooks");
    for lang in ["nb", "en"] {
        let list = samskap_in(
            &dir,
            &["--workbook", "minimal", "--lang", lang, "workbook", "list"],
        )
        .ok();
        insta::assert_snapshot!(format!("list_minimal_{lang}"), list.stdout);
        let show = samskap_in(
            &dir,
            &[
                "--workbook",
                "minimal",
                "--lang",
                lang,
                "workbook",
                "show",
                "oppstart",
            ],
        )
        .ok();
        insta::assert_snapshot!(format!("show_step_minimal_{lang}"), show.stdout);
    }
}

#[test]
fn show_of_an_unknown_id_suggests_the_closest() {
    let run = samskap_in(
        &fixture("workbooks"),
        &[
            "--lang",
            "en",
            "--workbook",
            "minimal",
            "workbook",
            "show",
            "oppstrat",
        ],
    )
    .code(2);
    insta::assert_snapshot!(run.stderr);
}

/// `dir`'s workbook with only its English texts, declaring only English.
fn english_only(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let mut english = text.replace("languages: [nb, en]", "languages: [en]");
        // `{ nb: Innsjekk, en: Check-in }` → `{ en: Check-in }`
        while let Some(start) = english.find("{ nb: ") {
            let end = start + english[start..].find(", en: ").unwrap();
            english.replace_range(start + 2..end + 2, "");
        }
        std::fs::write(to.join(path.file_name().unwrap()), english).unwrap();
    }
}

#[test]
fn an_english_only_workbook_is_checked_in_english() {
    let tmp = tempfile::tempdir().unwrap();
    let ok = tmp.path().join("small");
    english_only(&fixture("workbooks/minimal"), &ok);
    let run = samskap_in(tmp.path(), &["workbook", "check", "small"]).ok();
    assert!(
        run.stdout.starts_with("OK small: 1 phase"),
        "{}",
        run.stdout
    );
    let bad = tmp.path().join("bad");
    english_only(&fixture("workbooks/id-not-slug"), &bad);
    let run = samskap_in(tmp.path(), &["workbook", "check", "bad"]).code(65);
    assert!(run.stderr.starts_with("error: "), "{}", run.stderr);
    assert!(!run.stderr.contains("feil"), "{}", run.stderr);
    // A language asked for still speaks, here about the workbook lacking it.
    let asked = samskap_in(tmp.path(), &["--lang", "nb", "workbook", "check", "small"]);
    assert!(asked.stderr.contains("feil"), "{}", asked.stderr);
}

/// The minimal workbook in a temporary folder with `measure` appended to
/// its root file, and the run of `workbook check` on it.
fn check_with_measure(measure: &str) -> (tempfile::TempDir, common::Run) {
    let dir = tempfile::tempdir().unwrap();
    common::copy_dir(&fixture("workbooks/minimal"), &dir.path().join("wb"));
    let root = dir.path().join("wb/workbook.yaml");
    let mut text = std::fs::read_to_string(&root).unwrap();
    text.push_str(measure);
    std::fs::write(&root, text).unwrap();
    let run = samskap_in(dir.path(), &["--lang", "en", "workbook", "check", "wb"]);
    (dir, run)
}

#[test]
fn a_measure_unit_may_have_a_singular_or_not() {
    let plural_only = "measures:\n  - id: timer\n    label: { nb: Per familie, en: Per family }\n    unit: { nb: timer per måned, en: hours per month }\n";
    check_with_measure(plural_only).1.ok();
    let both = format!("{plural_only}    unit_one: {{ nb: time per måned, en: hour per month }}\n");
    check_with_measure(&both).1.ok();
}

#[test]
fn a_singular_unit_missing_a_language_is_placed() {
    let measure = "measures:\n  - id: timer\n    label: { nb: Per familie, en: Per family }\n    unit: { nb: timer per måned, en: hours per month }\n    unit_one: { nb: time per måned }\n";
    let (_dir, run) = check_with_measure(measure);
    let run = run.code(65);
    let line = std::fs::read_to_string(fixture("workbooks/minimal/workbook.yaml"))
        .unwrap()
        .lines()
        .count()
        + 5;
    assert!(
        run.stderr.contains("this text has no `en` translation")
            && run
                .stderr
                .contains(&format!("--> wb/workbook.yaml:{line}:15")),
        "{}",
        run.stderr
    );
}

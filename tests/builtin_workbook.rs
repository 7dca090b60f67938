//! The built-in workbook: it loads, validates in both languages, survives
//! export → check unchanged, and its committed JSON Schema is current.

mod common;

use common::{root, samskap, samskap_in, snapshot_tree};
use samskap::workbook::{self, StepKind, WorkbookSource};

#[test]
fn builtin_workbook_checks_in_both_languages() {
    for lang in ["nb", "en"] {
        let run = samskap(&["--lang", lang, "workbook", "check"]).ok();
        assert!(run.stdout.starts_with("OK "), "{}", run.stdout);
        assert!(run.stdout.contains("nb, en"), "{}", run.stdout);
    }
}

#[test]
fn builtin_workbook_is_complete() {
    let wb = workbook::load(&WorkbookSource::BuiltIn).expect("built-in workbook is valid");
    let ids: Vec<&str> = wb.phases.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["diagnose", "utforske", "utvikle"]);
    let sprint = &wb.phases[1];
    assert!(sprint.sprint);
    assert_eq!(*sprint.weeks, 6);
    for week in 1..=6 {
        assert!(
            sprint.steps.iter().any(|s| *s.week == week),
            "sprint week {week} has sessions"
        );
    }
    for (_, step) in wb.steps() {
        let total: u32 = step.agenda.iter().map(|b| u32::from(*b.minutes)).sum();
        assert_eq!(
            total,
            u32::from(*step.minutes),
            "{}: agenda fills the session",
            step.id
        );
        assert!(!step.checklist.is_empty(), "{}: has a checklist", step.id);
    }
    let kinds: Vec<StepKind> = sprint.steps.iter().map(|s| s.kind).collect();
    for kind in [StepKind::Interview, StepKind::Testing] {
        assert!(
            kinds.contains(&kind),
            "the sprint involves residents: {kind:?}"
        );
    }
    assert!(wb.methods.len() >= 12);
    let questions = wb.questions.as_ref().expect("question bank");
    assert!(questions.topics.len() >= 5);
    let model = wb.model.as_ref().expect("model");
    assert_eq!(model.prerequisites.len(), 7);
    assert_eq!(
        wb.knowledge.as_ref().expect("knowledge").challenges.len(),
        4
    );
}

#[test]
fn export_then_check_gives_the_same_workbook() {
    let dir = tempfile::tempdir().unwrap();
    samskap_in(dir.path(), &["workbook", "export", "wb"]).ok();
    let exported = dir.path().join("wb");
    let builtin = workbook::load(&WorkbookSource::BuiltIn).unwrap();
    let reloaded = workbook::load(&WorkbookSource::Path(exported.clone())).unwrap();
    assert_eq!(builtin, reloaded);
    for lang in ["nb", "en"] {
        samskap_in(dir.path(), &["--lang", lang, "workbook", "check", "wb"]).ok();
        samskap_in(
            dir.path(),
            &[
                "--lang",
                lang,
                "--workbook",
                "wb/workbook.yaml",
                "workbook",
                "list",
            ],
        )
        .ok();
    }
}

#[test]
fn export_never_overwrites_without_force() {
    let dir = tempfile::tempdir().unwrap();
    samskap_in(dir.path(), &["workbook", "export", "wb"]).ok();
    let wb = dir.path().join("wb");
    std::fs::write(wb.join("methods.yaml"), "# my own edits\n").unwrap();
    let before = snapshot_tree(&wb);
    let run = samskap_in(dir.path(), &["workbook", "export", "wb"]).code(73);
    assert!(run.stderr.contains("finnes allerede"), "{}", run.stderr);
    assert!(run.stderr.contains("--force"), "{}", run.stderr);
    assert_eq!(before, snapshot_tree(&wb), "nothing changed");
    samskap_in(dir.path(), &["workbook", "export", "wb", "--force"]).ok();
    samskap_in(dir.path(), &["workbook", "check", "wb"]).ok();
}

#[test]
fn committed_schema_is_current() {
    let committed = std::fs::read_to_string(root().join("workbook/workbook.schema.json")).unwrap();
    let run = samskap(&["workbook", "schema"]).ok();
    assert!(
        committed == run.stdout,
        "workbook/workbook.schema.json is stale: run `cargo run -- workbook schema > workbook/workbook.schema.json`"
    );
}

#[test]
fn every_step_and_method_can_be_shown() {
    let wb = workbook::load(&WorkbookSource::BuiltIn).unwrap();
    for lang in ["nb", "en"] {
        let list = samskap(&["--lang", lang, "workbook", "list"]).ok();
        for (_, step) in wb.steps() {
            assert!(list.stdout.contains(step.id.as_str()), "{} listed", step.id);
        }
        for id in wb
            .steps()
            .map(|(_, s)| s.id.as_str())
            .take(3)
            .chain(["dybdeintervju"])
        {
            let run = samskap(&["--lang", lang, "workbook", "show", id]).ok();
            assert!(run.stdout.starts_with("# "), "{id}: {}", run.stdout);
        }
    }
}

#[test]
fn completions_are_generated() {
    for shell in ["bash", "zsh", "fish"] {
        let run = samskap(&["completions", shell]).ok();
        assert!(run.stdout.contains("samskap"));
    }
}

#[test]
fn directory_option_runs_elsewhere() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().to_str().unwrap();
    samskap(&["-C", target, "workbook", "export", "copy"]).ok();
    assert!(dir.path().join("copy/workbook.yaml").exists());
    let run = samskap(&["-C", "/no/such/dir", "workbook", "list"]).code(2);
    assert!(run.stderr.contains("/no/such/dir"));
}

#[test]
fn bad_usage_exits_with_2() {
    let run = samskap(&["workbook", "frobnicate"]).code(2);
    assert!(run.stderr.contains("frobnicate"));
    samskap(&["--lang", "de", "workbook", "list"]).code(2);
}

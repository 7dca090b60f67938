//! The built-in workbook: it loads, validates in all three languages, survives
//! export → check unchanged, and its committed JSON Schema is current.

mod common;

use common::{root, samskap, samskap_in, snapshot_tree};
use samskap::workbook::{self, StepKind, WorkbookSource};

#[test]
fn builtin_workbook_checks_in_all_three_languages() {
    for lang in ["nb", "nn", "en"] {
        let run = samskap(&["--lang", lang, "workbook", "check"]).ok();
        assert!(run.stdout.starts_with("OK "), "{}", run.stdout);
        assert!(run.stdout.contains("nb, nn, en"), "{}", run.stdout);
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
    for lang in ["nb", "nn", "en"] {
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
    // In English, the language of the built-in workbook's developers; the
    // schema follows --lang.
    let run = samskap(&["--lang", "en", "workbook", "schema"]).ok();
    assert!(
        committed == run.stdout,
        "workbook/workbook.schema.json is stale: run `cargo run -- --lang en workbook schema > workbook/workbook.schema.json`"
    );
}

#[test]
fn every_step_and_method_can_be_shown() {
    let wb = workbook::load(&WorkbookSource::BuiltIn).unwrap();
    for lang in ["nb", "nn", "en"] {
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

/// Words only bokmål has: correct nynorsk never contains them, so an `nn`
/// text holding one was copied from `nb` or half translated.
const BOKMAL_ONLY: &str = "ikke hva hvordan hvorfor hvem hvor hvilke hvilken hvilket jeg mye noe noen dere \
     deres være gjøre bare uke uker uka løsning løsningen løsninger løsningene \
     tjeneste tjenesten tjenester tjenestene innbygger innbyggeren innbyggere \
     innbyggerne ansatte hverdag hverdagen";

/// Every `{nb, nn}` pair in the built-in workbook's files, with its file.
fn nb_nn_pairs() -> Vec<(String, String, String)> {
    fn walk(file: &str, value: &serde_json::Value, out: &mut Vec<(String, String, String)>) {
        match value {
            serde_json::Value::Object(map) => {
                if let (Some(nb), Some(nn)) = (map.get("nb"), map.get("nn")) {
                    let text = |v: &serde_json::Value| v.as_str().unwrap_or_default().to_owned();
                    out.push((file.to_owned(), text(nb), text(nn)));
                }
                map.values().for_each(|v| walk(file, v, out));
            }
            serde_json::Value::Array(items) => items.iter().for_each(|v| walk(file, v, out)),
            _ => {}
        }
    }
    let dir = root().join("workbook");
    let mut out = Vec::new();
    for file in [
        "workbook.yaml",
        "model.yaml",
        "questions.yaml",
        "methods.yaml",
        "phases/diagnose.yaml",
        "phases/explore.yaml",
        "phases/develop.yaml",
    ] {
        let yaml = std::fs::read_to_string(dir.join(file)).unwrap();
        let value: serde_json::Value = serde_saphyr::from_str(&yaml).unwrap();
        walk(file, &value, &mut out);
    }
    out
}

#[test]
fn builtin_nynorsk_is_nynorsk_not_copied_bokmal() {
    let pairs = nb_nn_pairs();
    assert!(
        pairs.len() > 1000,
        "nn beside nb throughout: {}",
        pairs.len()
    );
    for (file, nb, nn) in &pairs {
        assert!(!nn.trim().is_empty(), "{file}: empty nn for {nb:?}");
        let lower = nn.to_lowercase();
        for word in lower.split(|c: char| !c.is_alphabetic()) {
            assert!(
                !BOKMAL_ONLY.split_whitespace().any(|w| w == word),
                "{file}: the nn text has the bokmål word {word:?}: {nn:?}"
            );
        }
    }
    // Short titles can be the same in both ("Pause", "Diagnose"); whole
    // sentences almost never are.
    let sentences: Vec<_> = pairs
        .iter()
        .filter(|(_, nb, _)| nb.split_whitespace().count() >= 6)
        .collect();
    let same = sentences.iter().filter(|(_, nb, nn)| nb == nn).count();
    assert!(
        same * 20 <= sentences.len(),
        "{same} of {} nn sentences are copies of nb",
        sentences.len()
    );
}

//! `check --json` and `workbook check --json` print every finding in the
//! documented shape (schemas/check.schema.json, judged by Python's
//! jsonschema), with the exit code of the plain check; `samskap man`
//! writes pages that `man -l` renders. Fails, never skips, when a
//! validator is missing.

mod common;

use std::path::Path;
use std::process::Command;

use common::{fixture, root, samskap_in};

/// Validates `json` against the schema in the repository.
fn valid(json: &str, dir: &Path) -> serde_json::Value {
    let file = dir.join("check.json");
    std::fs::write(&file, json).unwrap();
    let out = Command::new("python3")
        .arg(root().join("tests/validators/json_schema.py"))
        .arg(root().join("schemas/check.schema.json"))
        .arg(&file)
        .output()
        .expect("python3 runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !stderr.contains("ModuleNotFoundError"),
        "run scripts/install-validators.sh: {stderr}"
    );
    assert!(
        out.status.success(),
        "{json}\ndoes not match the schema:\n{}{stderr}",
        String::from_utf8_lossy(&out.stdout)
    );
    serde_json::from_str(json).expect("JSON")
}

/// A new sprint of the built-in workbook in `dir/ws`.
fn new_ws(dir: &std::path::Path) -> std::path::PathBuf {
    samskap_in(dir, &["new-sprint", "ws", "--yes", "--start", "2027-01-04"]).ok();
    dir.join("ws")
}

/// A new interview note of gruppe-1 in the sprint `ws`, as `interview new`
/// writes it.
fn new_note(ws: &std::path::Path) -> std::path::PathBuf {
    let args = [
        "interview",
        "new",
        "-g",
        "gruppe-1",
        "-p",
        "Lilje",
        "--date",
        "2027-02-23",
    ];
    samskap_in(ws, &args).ok();
    ws.join("groups/gruppe-1/interviews/2027-02-23-lilje.md")
}

#[test]
fn check_json_lists_every_finding_with_its_place() {
    let tmp = tempfile::tempdir().unwrap();
    let ws = new_ws(tmp.path());
    let clean = samskap_in(&ws, &["check", "--json"]).ok();
    let report = valid(&clean.stdout, tmp.path());
    assert_eq!(report["ok"], true);
    assert_eq!(report["format"], "samskap-check/2");

    let config = ws.join("samskap.yaml");
    let text = std::fs::read_to_string(&config).unwrap();
    std::fs::write(&config, format!("{text}bogus: 1\n")).unwrap();
    let bad = samskap_in(&ws, &["--lang", "nn", "check", "--json"]).code(65);
    let report = valid(&bad.stdout, tmp.path());
    assert_eq!(report["ok"], false);
    let finding = &report["findings"][0];
    assert_eq!(finding["file"], "samskap.yaml");
    assert_eq!(finding["kind"], "invalid");
    assert!(finding["line"].as_u64().unwrap() > 1, "{finding}");
    assert_eq!(finding["column"], 1);
    assert_eq!(finding["message"], "ukjend felt `bogus`");
    assert!(
        finding["hint"]
            .as_str()
            .unwrap()
            .starts_with("gyldige felt")
    );
    assert!(bad.stderr.contains("1 problem funne"), "{}", bad.stderr);

    // Personal data in a note is a finding of its own kind.
    std::fs::write(&config, &text).unwrap();
    let note = new_note(&ws);
    let body = std::fs::read_to_string(&note).unwrap();
    std::fs::write(&note, format!("{body}\nRing mor på 912 34 567.\n")).unwrap();
    let found = samskap_in(&ws, &["check", "--json"]).code(65);
    let report = valid(&found.stdout, tmp.path());
    let kinds: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["kind"].as_str().unwrap())
        .collect();
    assert!(kinds.contains(&"personal-data"), "{}", found.stdout);
}

#[test]
fn check_json_lists_warnings_beside_the_findings() {
    let tmp = tempfile::tempdir().unwrap();
    let ws = new_ws(tmp.path());
    let note = new_note(&ws);
    let body = std::fs::read_to_string(&note)
        .unwrap()
        .replace("interview: pending", "interview: given")
        .replace("quotes: pending", "quotes: given");
    std::fs::write(&note, format!("{body}\nMor ringer rundt. #koordiantor\n")).unwrap();
    let run = samskap_in(&ws, &["--lang", "en", "check", "--json"]).ok();
    let report = valid(&run.stdout, tmp.path());
    assert_eq!(report["ok"], true, "{}", run.stdout);
    let warning = report["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["kind"] == "unknown-tag")
        .unwrap_or_else(|| panic!("no unknown-tag warning in {}", run.stdout));
    assert!(
        warning["file"]
            .as_str()
            .unwrap()
            .ends_with("2027-02-23-lilje.md"),
        "{warning}"
    );
    assert!(warning["line"].as_u64().is_some(), "{warning}");
    assert!(
        warning["hint"].as_str().unwrap().contains("koordinator"),
        "{warning}"
    );
    // Nothing else on standard error: the JSON holds it.
    assert!(!run.stderr.contains("koordiantor"), "{}", run.stderr);
}

#[test]
fn workbook_check_json_points_at_each_problem() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = fixture("workbooks");
    let run = samskap_in(&dir, &["workbook", "check", "many-problems", "--json"]).code(65);
    let report = valid(&run.stdout, tmp.path());
    let findings = report["findings"].as_array().unwrap();
    assert!(findings.len() > 1, "{}", run.stdout);
    for f in findings {
        assert!(
            f["file"].as_str().unwrap().starts_with("many-problems/"),
            "{f}"
        );
    }
    let ok = samskap_in(&dir, &["workbook", "check", "minimal", "--json"]).ok();
    assert_eq!(valid(&ok.stdout, tmp.path())["ok"], true);
}

#[test]
fn the_man_pages_render_with_man() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("man1");
    samskap_in(
        tmp.path(),
        &["--lang", "en", "man", "-o", out.to_str().unwrap()],
    )
    .ok();
    assert!(out.join("samskap-done.1").is_file());
    // Written once; again only with --force.
    samskap_in(tmp.path(), &["man", "-o", out.to_str().unwrap()]).code(73);
    samskap_in(tmp.path(), &["man", "-o", out.to_str().unwrap(), "--force"]).ok();
    let stdout = samskap_in(tmp.path(), &["--lang", "nn", "man"]).ok().stdout;
    assert!(stdout.starts_with(".ie"), "{stdout}");
    for page in ["samskap.1", "samskap-done.1"] {
        let rendered = Command::new("man")
            .args(["-l", "-P", "cat"])
            .arg(out.join(page))
            .env("MANWIDTH", "80")
            .output()
            .expect("man runs: install man-db with scripts/install-validators.sh");
        let text = String::from_utf8_lossy(&rendered.stdout);
        assert!(
            rendered.status.success(),
            "{page}: {}",
            String::from_utf8_lossy(&rendered.stderr)
        );
        assert!(text.contains("samskap"), "{page}: {text}");
    }
}

//! The JSON Schema from `samskap workbook schema` is a valid JSON Schema and
//! accepts every file of the built-in workbook, as judged by Python's
//! jsonschema (installed by scripts/test.sh). It also rejects a bad file.
//! This test fails, never skips, when the validator is missing.

mod common;

use std::process::Command;

use common::{root, samskap};

fn validate(schema: &std::path::Path, files: &[std::path::PathBuf]) -> std::process::Output {
    let output = Command::new("python3")
        .arg(root().join("tests/validators/json_schema.py"))
        .arg(schema)
        .args(files)
        .output()
        .expect("python3 runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        !stderr.contains("ModuleNotFoundError"),
        "the validator is not installed: run scripts/test.sh, which installs it\n{stderr}"
    );
    output
}

fn yaml_files(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(yaml_files(&path));
        } else if path.extension().is_some_and(|e| e == "yaml") {
            files.push(path);
        }
    }
    files.sort();
    files
}

#[test]
fn schema_validates_the_builtin_workbook() {
    let dir = tempfile::tempdir().unwrap();
    let schema = dir.path().join("schema.json");
    std::fs::write(&schema, samskap(&["workbook", "schema"]).ok().stdout).unwrap();
    let files = yaml_files(&root().join("workbook"));
    assert!(files.len() >= 6, "{files:?}");
    let output = validate(&schema, &files);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(stdout.contains(", 0 problems"), "{stdout}");
}

#[test]
fn schema_rejects_a_mistyped_field() {
    let dir = tempfile::tempdir().unwrap();
    let schema = dir.path().join("schema.json");
    std::fs::write(&schema, samskap(&["workbook", "schema"]).ok().stdout).unwrap();
    let bad = root().join("tests/fixtures/workbooks/unknown-field/workbook.yaml");
    let output = validate(&schema, &[bad]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(!output.status.success(), "{stdout}");
    assert!(stdout.contains("purpse"), "{stdout}");
}

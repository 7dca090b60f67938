//! Every message in the user's language: a table of failing commands run
//! under --lang nb, nn and en, each told in that language with the same
//! exit code; the language chosen from the sprint and the environment;
//! Norwegian values accepted where people type them.

mod common;

use std::path::{Path, PathBuf};

use common::{Run, fixture, samskap_in};

/// Words of English messages that no bokmål or nynorsk message has.
const ENGLISH: &[&str] = &[
    "the",
    "has",
    "is",
    "not",
    "already",
    "exists",
    "unknown",
    "unexpected",
    "found",
    "needs",
    "give",
    "error",
    "hint",
    "field",
    "valid",
    "did",
    "you",
    "mean",
    "usage",
    "options",
    "more",
    "information",
    "try",
    "run",
    "add",
    "file",
    "sprint's",
];

/// A sprint following the trilingual fixture workbook, with a file in the
/// way of an output.
fn sprint(dir: &Path) -> PathBuf {
    samskap_in(dir, &["new-sprint", "ws", "--yes", "--start", "2027-01-04"]).ok();
    let ws = dir.join("ws");
    let config = ws.join("samskap.yaml");
    let text = std::fs::read_to_string(&config).unwrap();
    let workbook = fixture("trilingual");
    std::fs::write(&config, format!("{text}workbook: {}\n", workbook.display())).unwrap();
    std::fs::write(ws.join("agenda.md"), "mine\n").unwrap();
    ws
}

/// The words of a message, without the quoted source line under it and
/// without the ids in backticks (canonical names in every language).
fn words(text: &str) -> Vec<String> {
    let message: String = text
        .lines()
        .filter(|l| {
            !l.trim_start()
                .starts_with(|c: char| c.is_ascii_digit() || c == '|')
        })
        .collect::<Vec<_>>()
        .join("\n");
    let unquoted: String = message.split('`').step_by(2).collect::<Vec<_>>().join(" ");
    unquoted
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '_')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn run(dir: &Path, lang: &str, args: &[&str]) -> Run {
    let mut all = vec!["--lang", lang];
    all.extend_from_slice(args);
    samskap_in(dir, &all)
}

#[test]
fn failing_commands_speak_the_language_asked_for_with_the_same_exit_code() {
    let tmp = tempfile::tempdir().unwrap();
    let ws = sprint(tmp.path());
    let bad = tmp.path().join("bad");
    samskap_in(tmp.path(), &["new-sprint", "bad", "--yes"]).ok();
    let config = bad.join("samskap.yaml");
    let text = std::fs::read_to_string(&config).unwrap();
    std::fs::write(&config, format!("{text}bogus: 1\n")).unwrap();
    let empty = tmp.path().join("empty");
    std::fs::create_dir(&empty).unwrap();

    let table: &[(&str, &Path, &[&str], i32)] = &[
        ("unknown step", &ws, &["done", "nosuch"], 2),
        ("unknown group", &ws, &["agenda", "--group", "nope"], 2),
        (
            "existing output file",
            &ws,
            &["agenda", "oppstart", "-o", "agenda.md"],
            73,
        ),
        ("invalid samskap.yaml", &bad, &["status"], 65),
        (
            "missing flag, no terminal",
            &ws,
            &["solution", "new", "-g", "gruppe-1"],
            2,
        ),
        (
            "missing answers, no terminal",
            &empty,
            &["new-sprint", "x"],
            2,
        ),
        ("unknown option", &ws, &["status", "--bogus"], 2),
    ];
    for (what, dir, args, code) in table {
        let en = run(dir, "en", args).code(*code);
        assert!(
            en.stderr.starts_with("error: "),
            "{what} en:\n{}",
            en.stderr
        );
        let english: Vec<String> = words(&en.stderr)
            .into_iter()
            .filter(|w| ENGLISH.contains(&w.as_str()))
            .collect();
        assert!(
            !english.is_empty(),
            "{what}: the English message has English words"
        );
        for lang in ["nb", "nn"] {
            let out = run(dir, lang, args).code(*code);
            assert!(out.stdout.is_empty(), "{what} {lang}: stdout stays empty");
            assert!(
                out.stderr.starts_with("feil: "),
                "{what} {lang}:\n{}",
                out.stderr
            );
            let found: Vec<String> = words(&out.stderr)
                .into_iter()
                .filter(|w| ENGLISH.contains(&w.as_str()))
                .collect();
            assert!(
                found.is_empty(),
                "{what} {lang}: English words {found:?} in\n{}",
                out.stderr
            );
        }
    }
}

#[test]
fn the_sprint_then_the_environment_choose_the_language() {
    let tmp = tempfile::tempdir().unwrap();
    let ws = sprint(tmp.path());
    // The sprint says nb: its errors are in bokmål whatever the locale.
    let out = assert_cmd::Command::cargo_bin("samskap")
        .unwrap()
        .current_dir(&ws)
        .args(["done", "nosuch"])
        .env("LANG", "en_GB.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("SAMSKAP_LANG")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.starts_with("feil: arbeidsboka har ikke"), "{stderr}");
    let nn = samskap_in(&ws, &["--lang", "nn", "done", "nosuch"]).code(2);
    assert!(
        nn.stderr
            .starts_with("feil: arbeidsboka har ikkje noko steg"),
        "{}",
        nn.stderr
    );
    // Outside a sprint, SAMSKAP_LANG wins over the locale, and the locale
    // over bokmål.
    let outside = |env: &[(&str, &str)]| {
        let mut cmd = assert_cmd::Command::cargo_bin("samskap").unwrap();
        cmd.current_dir(tmp.path())
            .args(["workbook", "show", "nosuch"])
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("LANG")
            .env_remove("SAMSKAP_LANG");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let out = cmd.output().unwrap();
        assert_eq!(out.status.code(), Some(2));
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    assert!(outside(&[]).starts_with("feil: "));
    assert!(outside(&[("LANG", "en_US.UTF-8")]).starts_with("error: "));
    assert!(outside(&[("LANG", "en_US.UTF-8"), ("SAMSKAP_LANG", "nb")]).starts_with("feil: "));
    assert!(outside(&[("LC_ALL", "nb_NO.UTF-8"), ("LANG", "en_US")]).starts_with("feil: "));
    let bad = outside(&[("SAMSKAP_LANG", "klingon")]);
    assert!(bad.contains("SAMSKAP_LANG"), "{bad}");
}

#[test]
fn a_language_the_workbook_lacks_is_an_error_naming_those_it_has() {
    let dir = fixture("workbooks");
    let run = samskap_in(
        &dir,
        &["--lang", "nn", "--workbook", "minimal", "workbook", "list"],
    )
    .code(2);
    assert!(run.stderr.contains("`nn`"), "{}", run.stderr);
    assert!(run.stderr.contains("`nb`, `en`"), "{}", run.stderr);
    assert!(
        run.stderr.starts_with("feil: arbeidsboka finst ikkje"),
        "{}",
        run.stderr
    );
}

#[test]
fn norwegian_values_are_taken_and_files_keep_canonical_ids() {
    let tmp = tempfile::tempdir().unwrap();
    samskap_in(
        tmp.path(),
        &[
            "new-sprint",
            "ws",
            "--yes",
            "--start",
            "2027-01-04",
            "--weekday",
            "Tirsdag",
        ],
    )
    .ok();
    let ws = tmp.path().join("ws");
    let yaml = std::fs::read_to_string(ws.join("samskap.yaml")).unwrap();
    assert!(yaml.contains("\nweekday: tue\n"), "{yaml}");
    samskap_in(
        &ws,
        &[
            "solution",
            "new",
            "-g",
            "gruppe-1",
            "--title",
            "Felles plan",
            "--status",
            "idé",
        ],
    )
    .ok();
    let solutions = std::fs::read_to_string(ws.join("groups/gruppe-1/solutions.yaml")).unwrap();
    assert!(solutions.contains("status: idea"), "{solutions}");
}

#[test]
fn help_is_in_the_language_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let nn = samskap_in(dir.path(), &["--lang", "nn", "done", "--help"]).ok();
    assert!(nn.stdout.contains("Bruk: samskap done"), "{}", nn.stdout);
    assert!(
        nn.stdout.contains("Registrer at eit steg er gjort"),
        "{}",
        nn.stdout
    );
    let en = samskap_in(dir.path(), &["--lang", "en", "done", "--help"]).ok();
    assert!(en.stdout.contains("Usage: samskap done"), "{}", en.stdout);
}

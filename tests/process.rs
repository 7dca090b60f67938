//! Any challenge, any process: a sprint changes its challenge, its people
//! and its measures, and the documents speak of them.

mod common;

use std::path::Path;

use common::{new_sprint, samskap_in};

/// Replaces the challenge and target group of the sprint's samskap.yaml and
/// appends `extra`.
fn rewrite_sprint(ws: &Path, extra: &str) {
    let path = ws.join("samskap.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    let text: String = text
        .lines()
        .map(|l| {
            if l.starts_with("challenge:") {
                "challenge: \"Hvordan kan eldre som bor alene få flere gode kontakter i uka?\""
                    .to_owned()
            } else if l.starts_with("target_group:") {
                "target_group: \"Eldre som bor alene\"".to_owned()
            } else {
                l.to_owned()
            }
        })
        .map(|l| l + "\n")
        .collect();
    std::fs::write(&path, text + extra).unwrap();
}

const CONTACTS: &str = "sections: [about, done, insights, solutions, evaluation, recommendations]\npeople: { singular: eldre, plural: eldre }\nmeasures:\n  - id: kontakter\n    label: Kontakter\n    unit: kontakter per uke\n    question: Hvor mange flere kontakter i uka gir løsningen?\n";

#[test]
fn a_changed_challenge_and_measure_reach_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let ws = new_sprint(dir.path());
    rewrite_sprint(&ws, CONTACTS);
    samskap_in(&ws, &["check"]).ok();
    samskap_in(
        &ws,
        &[
            "solution",
            "new",
            "-g",
            "gruppe-1",
            "--title",
            "Besøksvenn",
            "--measure",
            "kontakter=2,5",
            "--status",
            "tested",
            "--yes",
        ],
    )
    .ok();
    let written = std::fs::read_to_string(ws.join("groups/gruppe-1/solutions.yaml")).unwrap();
    assert!(
        written.contains("measures:\n      kontakter: 2.5\n"),
        "{written}"
    );
    assert!(!written.contains("hours_per_month"), "{written}");
    let report = samskap_in(&ws, &["report", "--interim"]).ok().stdout;
    assert!(
        report.contains("| Kontakter (kontakter per uke) |"),
        "{report}"
    );
    assert!(report.contains("**2,5**"), "{report}");
    assert!(report.contains("Eldre som bor alene"), "{report}");
    for word in ["timer", "Timer", "familie", "Familie"] {
        assert!(!report.contains(word), "`{word}` in\n{report}");
    }
    let en = samskap_in(&ws, &["--lang", "en", "report", "--interim"])
        .ok()
        .stdout;
    assert!(!en.contains("hours") && !en.contains("Hours"), "{en}");
    // A measure the sprint does not have is refused with the closest one.
    let run = samskap_in(
        &ws,
        &[
            "solution",
            "new",
            "-g",
            "gruppe-1",
            "--title",
            "X",
            "--measure",
            "kontakt=1",
            "--yes",
        ],
    )
    .code(2);
    assert!(
        run.stderr.contains("unknown measure `kontakt`"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("did you mean `kontakter`?"),
        "{}",
        run.stderr
    );
}

#[test]
fn unknown_measures_and_measures_without_unit_are_refused_with_their_place() {
    let dir = tempfile::tempdir().unwrap();
    let ws = new_sprint(dir.path());
    let file = ws.join("groups/gruppe-1/solutions.yaml");
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    std::fs::write(
        &file,
        "solutions:\n  - id: felles-plan\n    title: Felles plan\n    status: idea\n    measures:\n      familes: 2\n",
    )
    .unwrap();
    let run = samskap_in(&ws, &["check"]).code(65);
    assert!(run.stderr.contains("solutions.yaml:6:7"), "{}", run.stderr);
    assert!(
        run.stderr.contains("unknown measure `familes`"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("did you mean `families`?"),
        "{}",
        run.stderr
    );
    // The older form is still read, as the built-in measures.
    std::fs::write(
        &file,
        "solutions:\n  - id: felles-plan\n    title: Felles plan\n    status: idea\n    hours_per_month:\n      families: 2\n      staff: 1\n",
    )
    .unwrap();
    samskap_in(&ws, &["check"]).ok();
    // A section the report does not have is named with the closest.
    rewrite_sprint(&ws, "sections: [about, solution]\n");
    let run = samskap_in(&ws, &["check"]).code(65);
    assert!(
        run.stderr.contains("unknown report section `solution`"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("did you mean `solutions`?"),
        "{}",
        run.stderr
    );
    // A sprint measure needs a unit.
    rewrite_sprint(&ws, "measures:\n  - id: kontakter\n    label: Kontakter\n");
    let run = samskap_in(&ws, &["check"]).code(65);
    assert!(
        run.stderr.contains("the measure `kontakter` has no unit"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("samskap.yaml:"), "{}", run.stderr);
}

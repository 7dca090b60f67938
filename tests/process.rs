//! Any challenge, any process: a sprint changes its challenge, its people
//! and its measures, and the documents speak of them.

mod common;

use common::{Sprint, samskap_in};

/// Replaces the challenge and target group of the sprint's samskap.yaml and
/// appends `extra`.
fn rewrite_sprint(ws: &Sprint, extra: &str) {
    ws.set(
        "challenge",
        "\"Hvordan kan eldre som bor alene få flere gode kontakter i uka?\"",
    )
    .set("target_group", "\"Eldre som bor alene\"")
    .edit_yaml(|text| text + extra);
}

const CONTACTS: &str = "sections: [about, done, insights, solutions, evaluation, recommendations]\npeople: { singular: eldre, plural: eldre }\nmeasures:\n  - id: kontakter\n    label: Kontakter\n    unit: kontakter per uke\n    unit_one: kontakt per uke\n    question: Hvor mange flere kontakter i uka gir løsningen?\n";

#[test]
fn a_sprints_own_measure_takes_its_singular_for_one() {
    let ws = Sprint::new_sprint();
    rewrite_sprint(&ws, CONTACTS);
    common::write_solutions(
        &ws,
        "solutions:\n  - id: besok\n    title: Besøksvenn\n    status: idea\n    measures:\n      kontakter: 1\n",
    );
    ws.run(&["check"]).ok();
    let report = ws.run(&["report", "--interim"]).ok().stdout;
    assert!(report.contains("Kontakter 1 kontakt per uke"), "{report}");
    assert!(!report.contains("1 kontakter"), "{report}");
}

#[test]
fn a_changed_challenge_and_measure_reach_the_report() {
    let ws = Sprint::new_sprint();
    rewrite_sprint(&ws, CONTACTS);
    ws.run(&["check"]).ok();
    ws.run(&[
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
    ])
    .ok();
    let written = std::fs::read_to_string(ws.join("groups/gruppe-1/solutions.yaml")).unwrap();
    assert!(
        written.contains("measures:\n      kontakter: 2.5\n"),
        "{written}"
    );
    assert!(!written.contains("hours_per_month"), "{written}");
    let report = ws.run(&["report", "--interim"]).ok().stdout;
    assert!(
        report.contains("| Kontakter (kontakter per uke) |"),
        "{report}"
    );
    assert!(report.contains("**2,5**"), "{report}");
    assert!(report.contains("Eldre som bor alene"), "{report}");
    for word in ["timer", "Timer", "familie", "Familie"] {
        assert!(!report.contains(word), "`{word}` in\n{report}");
    }
    let en = ws.run(&["--lang", "en", "report", "--interim"]).ok().stdout;
    assert!(!en.contains("hours") && !en.contains("Hours"), "{en}");
    // A measure the sprint does not have is refused with the closest one.
    let run = ws
        .run(&[
            "solution",
            "new",
            "-g",
            "gruppe-1",
            "--title",
            "X",
            "--measure",
            "kontakt=1",
            "--yes",
        ])
        .code(2);
    assert!(
        run.stderr.contains("ukjent måltall `kontakt`"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("mente du `kontakter`?"),
        "{}",
        run.stderr
    );
}

#[test]
fn unknown_measures_and_measures_without_unit_are_refused_with_their_place() {
    let ws = Sprint::new_sprint();
    let file = common::write_solutions(
        &ws,
        "solutions:\n  - id: felles-plan\n    title: Felles plan\n    status: idea\n    measures:\n      familes: 2\n",
    );
    let run = ws.run(&["check"]).code(65);
    assert!(run.stderr.contains("solutions.yaml:6:7"), "{}", run.stderr);
    assert!(
        run.stderr.contains("ukjent måltall `familes`"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("mente du `families`?"),
        "{}",
        run.stderr
    );
    // The older form is still read, as the built-in measures.
    std::fs::write(
        &file,
        "solutions:\n  - id: felles-plan\n    title: Felles plan\n    status: idea\n    hours_per_month:\n      families: 2\n      staff: 1\n",
    )
    .unwrap();
    ws.run(&["check"]).ok();
    // A section the report does not have is named with the closest.
    rewrite_sprint(&ws, "sections: [about, solution]\n");
    let run = ws.run(&["check"]).code(65);
    assert!(
        run.stderr.contains("ukjent rapportdel `solution`"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("mente du `solutions`?"),
        "{}",
        run.stderr
    );
    // A sprint measure needs a unit.
    rewrite_sprint(&ws, "measures:\n  - id: kontakter\n    label: Kontakter\n");
    let run = ws.run(&["check"]).code(65);
    assert!(
        run.stderr.contains("måltallet `kontakter` har ingen enhet"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("samskap.yaml:"), "{}", run.stderr);
}

#[test]
fn workbook_check_refuses_what_commands_would_refuse_later() {
    let dir = common::fixture("process");
    let run = samskap_in(
        &dir,
        &["--lang", "en", "workbook", "check", "no-question-bank"],
    )
    .code(65);
    assert!(
        run.stderr
            .contains("the step `oppstart` is an interview, but the workbook has no question bank"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("no-question-bank/workbook.yaml:17:13"),
        "{}",
        run.stderr
    );
    // A colon in a plain text is explained, not taken for a language.
    let run = samskap_in(&dir, &["--lang", "en", "workbook", "check", "colon"]).code(65);
    assert!(
        run.stderr.contains("colon/methods.yaml:10:9"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains(
            "`Follow the 90/10 rule: …` is read as a map, because a colon followed by a space"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("put it all in quotes"),
        "{}",
        run.stderr
    );
}

#[test]
fn workbook_check_on_an_included_file_names_its_root() {
    let dir = common::fixture("process");
    let run = samskap_in(
        &dir,
        &[
            "--lang",
            "en",
            "workbook",
            "check",
            "included/phases/explore.yaml",
        ],
    )
    .code(65);
    assert!(
        run.stderr.contains(
            "this file is part of the workbook included/workbook.yaml, which includes it (line 5)"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("samskap workbook check included/workbook.yaml"),
        "{}",
        run.stderr
    );
    // One problem, not one per missing root field.
    assert_eq!(run.stderr.matches("error:").count(), 1, "{}", run.stderr);
    samskap_in(&dir, &["--lang", "en", "workbook", "check", "included"]).ok();
}

/// The first example's words: no document of another process may show one.
const DISTRICT_WORDS: &[&str] = &[
    "familie",
    "familier",
    "familien",
    "familiene",
    "barn",
    "barna",
    "bydel",
    "bydelen",
    "bydelens",
    "koordinator",
    "koordinatoren",
    "ansvarsgruppe",
    "ansvarsgruppemøte",
    "samskaping",
    "samskapingsmodellen",
    "systemutfordring",
    "systemutfordringene",
    "helseopplysninger",
    "district",
    "family",
    "families",
    "children",
    "co-creation",
    "coordinator",
    "residents",
    "system challenge",
    "system challenges",
    "health data",
    "hours per month",
    "timer per måned",
];

/// The words and two-word phrases of `text`, lowercase.
fn words(text: &str) -> Vec<String> {
    let single: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let mut all: Vec<String> = single
        .windows(2)
        .map(|w| format!("{} {}", w[0], w[1]))
        .collect();
    all.extend(
        single
            .windows(3)
            .map(|w| format!("{} {} {}", w[0], w[1], w[2])),
    );
    all.extend(single);
    all
}

/// Every document `build` makes for the second example, in every language
/// its workbook declares, speaks only of its own process and challenge.
#[test]
fn the_second_examples_documents_hold_no_word_of_the_first() {
    let example = common::root().join("examples/eldre-2027");
    let workbook = std::fs::read_to_string(example.join("workbook/workbook.yaml")).unwrap();
    let languages: Vec<&str> = workbook
        .lines()
        .find_map(|l| l.strip_prefix("languages:"))
        .unwrap()
        .trim()
        .trim_matches(|c| c == '[' || c == ']')
        .split(',')
        .map(str::trim)
        .collect();
    assert!(!languages.is_empty());
    for lang in languages {
        let sprint = Sprint::example_as("eldre-2027", &format!("sprint-{lang}"));
        let out = sprint.dir().join(format!("out-{lang}"));
        let target = out.to_str().unwrap();
        sprint
            .run(&[
                "build",
                "-o",
                target,
                "--today",
                "2027-10-04",
                "--lang",
                lang,
            ])
            .ok();
        let mut documents = 0;
        for entry in std::fs::read_dir(&out).unwrap() {
            let path = entry.unwrap().path();
            let text = match path.extension().and_then(|e| e.to_str()) {
                Some("md" | "html" | "ics") => std::fs::read_to_string(&path).unwrap(),
                Some("docx") => {
                    common::validator("pandoc", &["-t", "plain"], std::slice::from_ref(&path))
                }
                _ => continue,
            };
            documents += 1;
            let found = words(&text);
            for word in DISTRICT_WORDS {
                assert!(
                    !found.iter().any(|w| w == word),
                    "{lang}: `{word}` in {}",
                    path.display()
                );
            }
        }
        assert!(documents >= 10, "{lang}: {documents} documents");
    }
}

#[test]
fn a_workbook_in_english_only_is_listed_checked_and_run_in_english() {
    let dir = common::fixture("process");
    let list = samskap_in(&dir, &["--workbook", "english-only", "workbook", "list"]).ok();
    assert!(
        list.stdout.contains("2 weeks") && list.stdout.contains("everyone together"),
        "{}",
        list.stdout
    );
    let check = samskap_in(&dir, &["workbook", "check", "english-only"]).ok();
    assert!(
        check.stdout.contains("1 phase,") && check.stdout.contains("languages: en"),
        "{}",
        check.stdout
    );
    let run = samskap_in(
        &dir,
        &[
            "--lang",
            "nb",
            "--workbook",
            "english-only",
            "workbook",
            "list",
        ],
    )
    .code(2);
    assert!(
        run.stderr
            .contains("arbeidsboka finnes ikke på `nb`; den har `en`"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("velg et av språkene med --lang"),
        "{}",
        run.stderr
    );
    // A sprint of it is set up in English, and a `lang:` it lacks is refused
    // with its place.
    let workbook = dir.join("english-only");
    let (ws, _) = Sprint::made(&[
        "--workbook",
        workbook.to_str().unwrap(),
        "new-sprint",
        "ws",
        "--yes",
        "--start",
        "2027-01-04",
        "--groups",
        "1",
    ]);
    let yaml = ws.read("samskap.yaml");
    assert!(yaml.contains("\nlang: en\n"), "{yaml}");
    ws.run(&["check"]).ok();
    ws.write(
        "samskap.yaml",
        &yaml.replace("\nlang: en\n", "\nlang: nb\n"),
    );
    let run = ws.run(&["check"]).code(65);
    assert!(
        run.stderr
            .contains("arbeidsboka finnes ikke på `nb`; den har `en`"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("samskap.yaml:"), "{}", run.stderr);
}

#[test]
fn a_prototype_day_with_an_untimed_optional_block_runs() {
    let dir = common::fixture("process");
    samskap_in(&dir, &["workbook", "check", "open"]).ok();
    let workbook = dir.join("open");
    let (ws, _) = Sprint::made(&[
        "--workbook",
        workbook.to_str().unwrap(),
        "new-sprint",
        "ws",
        "--yes",
        "--start",
        "2027-01-04",
        "--groups",
        "1",
        "--members",
        "Kim, Alex",
    ]);
    ws.run(&["check"]).ok();
    let agenda = ws
        .run(&["agenda", "prototype-day", "--group", "group-1"])
        .ok()
        .stdout;
    assert!(agenda.contains("· Build**"), "{agenda}");
    assert!(
        agenda.contains("- **Warm-down walk, if there is time** *(optional)*"),
        "{agenda}"
    );
    assert!(agenda.contains("Team: Kim, Alex"), "{agenda}");
    // A topic's audience that is no role is refused with the closest one.
    let bad = ws.dir().join("bad");
    common::copy_dir(&workbook, &bad);
    let text = std::fs::read_to_string(bad.join("workbook.yaml")).unwrap();
    std::fs::write(
        bad.join("workbook.yaml"),
        text.replace("audience: customer", "audience: customers"),
    )
    .unwrap();
    // An English-only workbook is checked in English when nothing asks
    // for another language.
    let run = samskap_in(ws.dir(), &["workbook", "check", "bad"]).code(65);
    assert!(
        run.stderr.contains("unknown role `customers`"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("did you mean `customer`?"),
        "{}",
        run.stderr
    );
}

//! The values people type into the files they edit by hand are read in the
//! same words the command line takes: `consent: ja`, `status: testa`,
//! `weekday: tysdag`, `lang: nynorsk`, in any case. samskap itself keeps
//! writing the ids (`given`, `tested`, `tue`, `nn`), and a word that is no
//! value is still placed, with the words of the user's language and the ids
//! in the hint.

mod common;

use std::path::Path;

use chrono::{Datelike, NaiveDate};
use common::{new_sprint, samskap_in, write_solutions};

fn note(ws: &Path, name: &str, consent: &str, body: &str) -> std::path::PathBuf {
    let dir = ws.join("groups/gruppe-1/interviews");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("2027-02-23-{name}.md"));
    std::fs::write(
        &path,
        format!("---\npseudonym: {name}\ndate: 2027-02-23\nconsent: {consent}\ntags: [tid]\n---\n{body}\n"),
    )
    .unwrap();
    path
}

/// Replaces the line starting with `key` in samskap.yaml.
fn set_in_sprint(ws: &Path, key: &str, line: &str) {
    let path = ws.join("samskap.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    let text: Vec<&str> = text
        .lines()
        .map(|l| if l.starts_with(key) { line } else { l })
        .collect();
    std::fs::write(path, text.join("\n") + "\n").unwrap();
}

/// The sessions' dates as `status --json` plans them, with their group.
fn sessions(ws: &Path) -> Vec<(NaiveDate, Option<String>)> {
    let run = samskap_in(ws, &["status", "--json", "--today", "2027-01-04"]).ok();
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    json["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["date"].as_str().unwrap().parse().unwrap(),
                s["group"].as_str().map(str::to_owned),
            )
        })
        .collect()
}

#[test]
fn consent_in_norwegian_is_read_as_the_answer_it_names() {
    let dir = tempfile::tempdir().unwrap();
    let ws = new_sprint(dir.path());
    note(&ws, "Ask", "ja", "> «Sitat fra Ask.»");
    note(
        &ws,
        "Bjørk",
        "{interview: Gjeve, quotes: nei}",
        "> «Sitat fra Bjørk.»",
    );
    note(&ws, "Rogn", "trukket", "> «Sitat fra Rogn.»");
    note(&ws, "Selje", "venter", "> «Sitat fra Selje.»");
    // `venter` is pending, which check flags, and nothing else.
    let check = samskap_in(&ws, &["check"]).code(65);
    assert!(
        check.stderr.contains("samtykket er fortsatt `pending`"),
        "{}",
        check.stderr
    );
    assert!(
        check.stderr.contains("Selje.md:4:10") && !check.stderr.contains("Ask.md"),
        "{}",
        check.stderr
    );
    let report = samskap_in(&ws, &["report", "--interim"]).ok().stdout;
    assert!(
        report.contains("2 intervjuer med samtykke, 1 av dem også med samtykke til sitater"),
        "{report}"
    );
    assert!(report.contains("«Sitat fra Ask.»"), "{report}");
    assert!(!report.contains("Sitat fra Bjørk"), "{report}");
    assert!(!report.contains("Rogn"), "withdrawn: {report}");
    assert!(!report.contains("Selje"), "pending: {report}");
    // The export treats `ja` as given: the site quotes Ask, and only Ask.
    samskap_in(&ws, &["build", "-o", "site"]).ok();
    let index = std::fs::read_to_string(ws.join("site/index.html")).unwrap();
    assert!(
        index.contains("<td>4 (2 med samtykke, 1 til sitater)</td>"),
        "{index}"
    );
    let site: String = common::html_files(&ws.join("site"))
        .iter()
        .map(|f| std::fs::read_to_string(f).unwrap())
        .collect();
    assert!(site.contains("Sitat fra Ask"));
    for other in ["Sitat fra Bjørk", "Sitat fra Rogn", "Sitat fra Selje"] {
        assert!(!site.contains(other), "{other} in the site");
    }
}

#[test]
fn an_unknown_consent_word_is_placed_and_the_hint_offers_words_that_work() {
    let dir = tempfile::tempdir().unwrap();
    let ws = new_sprint(dir.path());
    note(&ws, "Ask", "jo", "tekst");
    let run = samskap_in(&ws, &["check"]).code(65);
    assert!(
        run.stderr.contains("2027-02-23-Ask.md:4:10"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("`jo` er ikke et svar om samtykke"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("skriv given (eller ja), declined (nei)"),
        "{}",
        run.stderr
    );
    // The words that hint names are read.
    for word in ["ja", "nei", "trukket", "venter"] {
        note(&ws, "Ask", word, "tekst");
        let run = samskap_in(&ws, &["--lang", "en", "check"]);
        assert!(
            !run.stderr.contains("not an answer about consent"),
            "{word}: {}",
            run.stderr
        );
    }
    note(&ws, "Ask", "gjve", "tekst");
    let run = samskap_in(&ws, &["--lang", "nn", "check"]).code(65);
    assert!(run.stderr.contains("meinte du `gjeve`?"), "{}", run.stderr);
}

#[test]
fn interview_new_writes_the_id_of_a_norwegian_consent() {
    let dir = tempfile::tempdir().unwrap();
    let ws = new_sprint(dir.path());
    samskap_in(
        &ws,
        &[
            "interview",
            "new",
            "-g",
            "gruppe-1",
            "-p",
            "Lilje",
            "--date",
            "2027-02-23",
            "--consent",
            "ja",
            "--quote-consent",
            "nei",
        ],
    )
    .ok();
    let text =
        std::fs::read_to_string(ws.join("groups/gruppe-1/interviews/2027-02-23-lilje.md")).unwrap();
    assert!(text.contains("\n  interview: given\n"), "{text}");
    assert!(text.contains("\n  quotes: declined\n"), "{text}");
}

#[test]
fn a_solution_status_in_norwegian_is_read_and_samskap_writes_the_id() {
    let dir = tempfile::tempdir().unwrap();
    let ws = new_sprint(dir.path());
    write_solutions(
        &ws,
        "solutions:\n  - id: kalender\n    title: Felles kalender\n    status: testa\n  - id: sms\n    title: Påminnelse på SMS\n    status: I-bruk\n  - id: logg\n    title: Logg\n    status: idé\n",
    );
    samskap_in(&ws, &["check"]).ok();
    let report = samskap_in(&ws, &["--lang", "en", "report", "--interim"])
        .ok()
        .stdout;
    assert!(report.contains("| Felles kalender | tested |"), "{report}");
    assert!(
        report.contains("| Påminnelse på SMS | in use |"),
        "{report}"
    );
    assert!(report.contains("| Logg | idea |"), "{report}");
    samskap_in(
        &ws,
        &[
            "solution", "new", "-g", "gruppe-1", "--title", "Ny", "--status", "testa", "--yes",
        ],
    )
    .ok();
    let text = std::fs::read_to_string(ws.join("groups/gruppe-1/solutions.yaml")).unwrap();
    assert!(text.contains("    title: \"Ny\"\n"), "{text}");
    assert_eq!(last_status(&text), Some("tested"), "{text}");
    // A word that is no status: placed, the hint names Norwegian words and ids.
    write_solutions(
        &ws,
        "solutions:\n  - id: kalender\n    title: Felles kalender\n    status: testt\n",
    );
    let run = samskap_in(&ws, &["--lang", "nn", "check"]).code(65);
    assert!(run.stderr.contains("solutions.yaml:4:13"), "{}", run.stderr);
    assert!(
        run.stderr.contains("ukjend verdi `testt`"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains(
            "meinte du `testa`? (gyldige verdiar: idé, prototype, testa, i-bruk, idea, tested, in-use)"
        ),
        "{}",
        run.stderr
    );
}

/// The last solution's status in a solutions.yaml.
fn last_status(text: &str) -> Option<&str> {
    text.lines()
        .rev()
        .find_map(|l| l.trim().strip_prefix("status: "))
}

#[test]
fn a_weekday_in_norwegian_plans_on_that_day_for_the_sprint_and_a_group() {
    let dir = tempfile::tempdir().unwrap();
    let ws = new_sprint(dir.path());
    let text = std::fs::read_to_string(ws.join("samskap.yaml")).unwrap();
    assert!(
        text.contains("\nweekday: tue\n"),
        "new-sprint writes the id"
    );
    set_in_sprint(&ws, "weekday:", "weekday: torsdag");
    let thursdays = sessions(&ws);
    assert!(
        thursdays
            .iter()
            .any(|(d, _)| d.weekday() == chrono::Weekday::Thu),
        "{thursdays:?}"
    );
    set_in_sprint(&ws, "weekday:", "weekday: Tysdag");
    let tuesdays = sessions(&ws);
    set_in_sprint(&ws, "weekday:", "weekday: tue");
    assert_eq!(tuesdays, sessions(&ws), "tysdag plans as tue");
    assert!(
        tuesdays
            .iter()
            .any(|(d, _)| d.weekday() == chrono::Weekday::Tue)
    );
    // A group's own weekday, in nynorsk.
    let path = ws.join("samskap.yaml");
    let text = std::fs::read_to_string(&path).unwrap().replacen(
        "  - id: gruppe-1\n",
        "  - id: gruppe-1\n    weekday: onsdag\n",
        1,
    );
    std::fs::write(&path, text).unwrap();
    let planned = sessions(&ws);
    assert!(
        planned
            .iter()
            .any(|(d, g)| g.as_deref() == Some("gruppe-1") && d.weekday() == chrono::Weekday::Wed),
        "{planned:?}"
    );
    // A word that is no weekday: placed, with the weekdays of the language.
    set_in_sprint(&ws, "weekday:", "weekday: tysdga");
    let run = samskap_in(&ws, &["--lang", "nn", "check"]).code(65);
    assert!(run.stderr.contains("samskap.yaml:"), "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "meinte du `tysdag`? (gyldige verdiar: måndag, tysdag, onsdag, torsdag, fredag, mon, tue, wed, thu, fri)"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn the_language_may_be_named_in_words() {
    let dir = tempfile::tempdir().unwrap();
    let ws = new_sprint(dir.path());
    set_in_sprint(&ws, "lang:", "lang: Nynorsk");
    let run = samskap_in(&ws, &["status", "--today", "2027-01-04"]).ok();
    assert!(run.stdout.contains("prosessveke 1"), "{}", run.stdout);
    set_in_sprint(&ws, "lang:", "lang: engelsk");
    let run = samskap_in(&ws, &["status", "--today", "2027-01-04"]).ok();
    assert!(run.stdout.contains("process week 1"), "{}", run.stdout);
    set_in_sprint(&ws, "lang:", "lang: nynorks");
    let run = samskap_in(&ws, &["check"]).code(65);
    assert!(run.stderr.contains("samskap.yaml:"), "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "mente du `nynorsk`? (gyldige verdier: bokmål, nynorsk, engelsk, nb, nn, en)"
        ),
        "{}",
        run.stderr
    );
}

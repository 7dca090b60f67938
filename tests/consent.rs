//! Consent in two levels, as a sprint lives with it: a note counts in the
//! figures with consent to the interview and is quoted only with consent to
//! quotes too; `interview new` writes `pending` and `check` flags it; bad
//! answers are placed; the interview guide names the sprint's contact for
//! withdrawal, and the privacy gate lets that contact through and nothing
//! else.

mod common;

use std::path::Path;

use common::{Sprint, samskap_in};

fn note(ws: &Path, name: &str, consent: &str, body: &str) {
    let dir = ws.join("groups/gruppe-1/interviews");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join(format!("2027-02-2{}-{name}.md", name.len())),
        format!("---\npseudonym: {name}\ndate: 2027-02-2{}\nconsent: {consent}\ntags: [tid]\n---\n{body}\n", name.len()),
    )
    .unwrap();
}

fn add_to_sprint(ws: &Path, yaml: &str) {
    let path = ws.join("samskap.yaml");
    let mut text = std::fs::read_to_string(&path).unwrap();
    text.push_str(yaml);
    std::fs::write(path, text).unwrap();
}

#[test]
fn interview_consent_counts_and_only_quote_consent_quotes() {
    let ws = Sprint::new_sprint();
    note(&ws, "Ask", "given", "> «Sitat fra Ask.»");
    note(
        &ws,
        "Bjørk",
        "{interview: given, quotes: declined}",
        "> «Sitat fra Bjørk.»",
    );
    note(
        &ws,
        "Rogn",
        "\n  interview: withdrawn\n  quotes: given",
        "> «Sitat fra Rogn.»",
    );
    samskap_in(&ws, &["check"]).ok();
    let report = samskap_in(&ws, &["report", "--interim"]).ok().stdout;
    assert!(report.contains("«Sitat fra Ask.»"), "{report}");
    assert!(!report.contains("Sitat fra Bjørk"), "{report}");
    assert!(!report.contains("Sitat fra Rogn"), "{report}");
    assert!(!report.contains("Rogn"), "a withdrawn pseudonym: {report}");
    assert!(
        report.contains("2 intervjuer med samtykke, 1 av dem også med samtykke til sitater"),
        "{report}"
    );
    assert!(report.contains("2 familier involvert"), "{report}");
    let en = samskap_in(&ws, &["--lang", "en", "report", "--interim"])
        .ok()
        .stdout;
    assert!(
        en.contains("2 interviews with consent, 1 of them also with consent to quotes"),
        "{en}"
    );
    samskap_in(&ws, &["build", "-o", "site"]).ok();
    let index = std::fs::read_to_string(ws.join("site/index.html")).unwrap();
    assert!(
        index.contains("<td>3 (2 med samtykke, 1 til sitater)</td>"),
        "{index}"
    );
    assert!(
        index.contains(
            "3 intervjunotater: 2 med samtykke til intervjuet, 1 av dem også til sitater"
        ),
        "{index}"
    );
}

#[test]
fn one_interview_and_one_family_are_singular() {
    let ws = Sprint::new_sprint();
    note(&ws, "Ask", "given", "> «Sitat.»");
    let report = samskap_in(&ws, &["report", "--interim"]).ok().stdout;
    assert!(
        report.contains("1 intervju med samtykke, 1 av dem også med samtykke til sitater"),
        "{report}"
    );
    assert!(report.contains("1 familie involvert"), "{report}");
    let nn = samskap_in(&ws, &["--lang", "nn", "report", "--interim"])
        .ok()
        .stdout;
    assert!(nn.contains("1 intervju med samtykke"), "{nn}");
    let en = samskap_in(&ws, &["--lang", "en", "report", "--interim"])
        .ok()
        .stdout;
    assert!(en.contains("1 interview with consent"), "{en}");
    assert!(en.contains("1 family involved"), "{en}");
}

#[test]
fn interview_new_writes_pending_and_check_flags_it_until_answered() {
    let ws = Sprint::new_sprint();
    let new = [
        "interview",
        "new",
        "--group",
        "gruppe-1",
        "--pseudonym",
        "Lilje",
        "--date",
        "2027-02-23",
    ];
    let run = samskap_in(&ws, &new).ok();
    assert!(run.stderr.contains("pending"), "{}", run.stderr);
    let path = ws.join("groups/gruppe-1/interviews/2027-02-23-lilje.md");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("\n  interview: pending\n"), "{text}");
    assert!(text.contains("\n  quotes: pending\n"), "{text}");
    let line = |key: &str| {
        text.lines()
            .position(|l| l.trim_start().starts_with(key))
            .unwrap()
            + 1
    };
    let check = samskap_in(&ws, &["--lang", "en", "check"]).code(65);
    let at = format!("2027-02-23-lilje.md:{}:14", line("interview:"));
    assert!(check.stderr.contains(&at), "{at}: {}", check.stderr);
    let at = format!("2027-02-23-lilje.md:{}:11", line("quotes:"));
    assert!(check.stderr.contains(&at), "{at}: {}", check.stderr);
    assert!(
        check
            .stderr
            .contains("consent to the interview is still `pending`"),
        "{}",
        check.stderr
    );
    assert!(
        check.stderr.contains("hint: ask the interviewee"),
        "{}",
        check.stderr
    );
    // Documents are made all the same: the note neither counts nor quotes.
    std::fs::write(&path, format!("{text}\n> «Ikke ennå.»\n")).unwrap();
    let report = samskap_in(&ws, &["report", "--interim"]).ok().stdout;
    assert!(!report.contains("Ikke ennå"), "{report}");
    assert!(report.contains("0 intervjuer med samtykke"), "{report}");
    // Answered, it checks clean.
    let answered = text
        .replace("interview: pending", "interview: given")
        .replace("quotes: pending", "quotes: declined");
    std::fs::write(&path, answered).unwrap();
    samskap_in(&ws, &["check"]).ok();
    // The answers can be given on the command line.
    let mut with = new.to_vec();
    with[5] = "Rogn";
    with.extend(["--consent", "given", "--quote-consent", "declined"]);
    samskap_in(&ws, &with).ok();
    let text =
        std::fs::read_to_string(ws.join("groups/gruppe-1/interviews/2027-02-23-rogn.md")).unwrap();
    assert!(
        text.contains("interview: given\n") && text.contains("quotes: declined\n"),
        "{text}"
    );
    samskap_in(&ws, &["check"]).ok();
    let mut bad = new.to_vec();
    bad[5] = "Spurv";
    bad.extend(["--consent", "kanskje"]);
    samskap_in(&ws, &bad).code(2);
    assert!(
        !ws.join("groups/gruppe-1/interviews/2027-02-23-spurv.md")
            .exists()
    );
}

#[test]
fn bad_consent_answers_are_placed_with_a_hint() {
    let ws = Sprint::new_sprint();
    for (consent, at, message) in [
        ("gven", ":4:10", "did you mean `given`?"),
        ("yes", ":4:10", "`yes` is not an answer about consent"),
        (
            "\n  interview: given\n  quotes: kanskje",
            ":6:11",
            "`kanskje`",
        ),
        ("{interview: given}", ":4", "quotes"),
        (
            "{interview: given, quote: given}",
            ":4",
            "unknown field `quote`",
        ),
        ("[given]", ":4:10", "one value here, not a list"),
    ] {
        note(&ws, "Ask", consent, "tekst");
        let run = samskap_in(&ws, &["--lang", "en", "check"]).code(65);
        assert!(
            run.stderr.contains(&format!("2027-02-23-Ask.md{at}")),
            "{consent}: {}",
            run.stderr
        );
        assert!(run.stderr.contains(message), "{consent}: {}", run.stderr);
        samskap_in(&ws, &["build"]).code(65);
    }
}

#[test]
fn the_guide_names_the_contact_and_the_gate_lets_only_the_contact_through() {
    let ws = Sprint::new_sprint();
    // Without a contact the guide says "us" and leaves a line to fill in.
    let guide = samskap_in(&ws, &["interview-guide", "--group", "gruppe-1"])
        .ok()
        .stdout;
    assert!(guide.contains("kan du ta kontakt med oss, så"), "{guide}");
    assert!(
        guide.contains("**Vil du trekke samtykket, ta kontakt med:** ……"),
        "{guide}"
    );
    add_to_sprint(
        &ws,
        "contact: { name: \"Hanne Vik\", phone: \"23 40 00 00\" }\n",
    );
    samskap_in(&ws, &["check"]).ok();
    let guide = samskap_in(&ws, &["interview-guide", "--group", "gruppe-1"])
        .ok()
        .stdout;
    assert!(
        guide.contains("kan du ta kontakt med Hanne Vik på telefon 23 40 00 00, så sletter vi"),
        "{guide}"
    );
    assert!(
        guide.contains("ta kontakt med:** Hanne Vik, telefon 23 40 00 00"),
        "{guide}"
    );
    let en = samskap_in(
        &ws,
        &["--lang", "en", "interview-guide", "--group", "gruppe-1"],
    )
    .ok()
    .stdout;
    assert!(
        en.contains("get in touch with Hanne Vik on 23 40 00 00 and we will delete"),
        "{en}"
    );
    // Every document may show it, in HTML and Word too.
    samskap_in(&ws, &["build", "-o", "site"]).ok();
    let html = std::fs::read_to_string(ws.join("site/interview-guide-gruppe-1.html")).unwrap();
    assert!(html.contains("23 40 00 00"), "{html}");
    samskap_in(
        &ws,
        &["interview-guide", "--group", "gruppe-1", "-o", "guide.docx"],
    )
    .ok();
    // Another number is still found, in samskap.yaml as in a note.
    add_to_sprint(&ws, "place: \"Ring 23 40 00 01\"\n");
    let check = samskap_in(&ws, &["--lang", "en", "check"]).code(65);
    assert!(check.stderr.contains("samskap.yaml:"), "{}", check.stderr);
    assert!(check.stderr.contains("a phone number"), "{}", check.stderr);
    assert_eq!(check.stderr.matches("a phone number").count(), 1);
    samskap_in(&ws, &["build", "-o", "refused"]).code(65);
    assert!(!ws.join("refused").exists());
}

#[test]
fn a_bad_contact_is_placed() {
    let ws = Sprint::new_sprint();
    let yaml = std::fs::read_to_string(ws.join("samskap.yaml")).unwrap();
    let line = yaml.lines().count() + 1;
    for (contact, col, message) in [
        (
            "{ name: \"Hanne Vik\", phone: \"2340\" }",
            38,
            "`2340` is not a Norwegian phone number",
        ),
        (
            "{ name: \" \", phone: \"23 40 00 00\" }",
            18,
            "the contact has no name",
        ),
        ("{ name: \"Hanne Vik\" }", 0, "phone"),
        (
            "{ name: \"Hanne Vik\", phone: \"23 40 00 00\", email: \"x\" }",
            0,
            "email",
        ),
    ] {
        std::fs::write(
            ws.join("samskap.yaml"),
            format!("{yaml}contact: {contact}\n"),
        )
        .unwrap();
        let run = samskap_in(&ws, &["--lang", "en", "check"]).code(65);
        let at = if col > 0 {
            format!("samskap.yaml:{line}:{col}")
        } else {
            format!("samskap.yaml:{line}")
        };
        assert!(run.stderr.contains(&at), "{contact}: {at}: {}", run.stderr);
        assert!(run.stderr.contains(message), "{contact}: {}", run.stderr);
    }
}

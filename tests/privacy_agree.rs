//! check and the exports agree: for every case of the planted corpus (the
//! written forms of every kind, the planted fixture's lines, the negative
//! corpus), `check` finds it exactly when an export refuses it. And the
//! smaller guarantees around them: template links out of the workspace,
//! temporary files of a stopped write, pseudonyms, field lengths.

mod common;

use std::path::Path;

use common::{Sprint, birth_number, fixture, quoted, samskap_in};

/// Texts that hold personal data, each as people write it.
fn positives() -> Vec<String> {
    let fnr = birth_number("150765");
    let mut cases: Vec<String> = [
        "Siobhan O’Brien kom",
        "ring tlf41234567",
        "mob:41234567",
        "ring 412  34 567",
        "ring 412\u{2009}34\u{a0}567",
        "ring 4123\u{200b}4567",
        "Tu\u{ad}va Nordmann",
        "ring ４１２３４５６７",
        "tuva＠skole.no",
        "*Tuva* Nordmann",
        "tuva@skole.xn--p1ai",
        "ring 4 1 2 3 4 5 6 7",
        "tuva_nordmann@example.no",
        "\u{422}uva Nordmann",
        "Tuva Nordmanns mor",
        "Tuva  Nordmann",
        "Tuva-Nordmann",
        "Det var Hegre som sa det",
    ]
    .map(String::from)
    .to_vec();
    cases.push(format!("fnr{fnr}"));
    cases.push(format!("**{}**{}", &fnr[..4], &fnr[4..]));
    // The planted fixture's values, each alone.
    let expected = std::fs::read_to_string(fixture("privacy/expected.txt")).unwrap();
    cases.extend(
        expected
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .map(|l| l.splitn(3, ' ').nth(2).unwrap().to_owned()),
    );
    cases
}

/// Texts with numbers that are no one's.
const NEGATIVES: [&str; 9] = [
    "Org.nr. 912 345 678 og konto 1234.56.78901",
    "IBAN NO93 8601 1117 947",
    "Budsjett 25 000 000 kroner, 1 250 000 kr",
    "Møtet 2027-02-24 kl. 09:30–11:00, 24.02.2027",
    "Klokka 0930 og 10.30–11.45",
    "Skoleåret 2027-2028, årene 2024 2025 2026",
    "Sak 2027/1234, saksnr. 27/01234-5",
    "ISBN 978-82-02-12345-6",
    "Uke 12, rom 204, 3,5 timer, *viktig*",
];

/// A sprint with a names list, a family that withdrew (`Hegre`) and a
/// solution whose description is the case.
fn sprint() -> Sprint {
    let ws = Sprint::new_sprint();
    ws.write(
        "private/names.txt",
        &(std::fs::read_to_string(fixture("privacy/names.txt")).unwrap()
            + "Tuva Nordmann\nSiobhan O'Brien\n"),
    );
    ws.write(
        "groups/gruppe-1/interviews/2027-02-23-hegre.md",
        "---\npseudonym: Hegre\ndate: 2027-02-23\ninterviewers: [Kari]\nconsent: withdrawn\n---\nTrakk samtykket.\n",
    );
    ws
}

/// Whether check finds personal data, and whether the report refuses.
fn verdicts(ws: &Path) -> (bool, bool) {
    let check = samskap_in(ws, &["check"]);
    assert!(matches!(check.code, 0 | 65), "{}", check.stderr);
    let report = samskap_in(ws, &["report", "--format", "html"]);
    assert!(matches!(report.code, 0 | 65), "{}", report.stderr);
    (check.code == 65, report.code == 65)
}

#[test]
fn check_finds_exactly_what_an_export_refuses() {
    let ws = sprint();
    let solutions = ws.join("groups/gruppe-1/solutions.yaml");
    let write = |text: &str| {
        std::fs::write(
            &solutions,
            format!(
                "solutions:\n  - id: plan\n    title: Felles plan\n    description: {}\n    challenges: [koordinator]\n    status: idea\n",
                quoted(text)
            ),
        )
        .unwrap();
    };
    for case in positives() {
        write(&format!("Bakgrunn: {case}."));
        assert_eq!(verdicts(&ws), (true, true), "{case:?}");
    }
    for case in NEGATIVES {
        write(case);
        assert_eq!(verdicts(&ws), (false, false), "{case:?}");
    }
}

#[test]
fn a_birth_number_over_two_quote_lines_is_found_by_check_and_refused() {
    let ws = sprint();
    let fnr = birth_number("010190");
    std::fs::write(
        ws.join("groups/gruppe-1/interviews/2027-02-24-lilje.md"),
        format!(
            "---\npseudonym: Lilje\ndate: 2027-02-24\ninterviewers: [Kari]\nconsent: given\ntags: [tid]\n---\n> «Nummeret er {}\n> {}, står det.»\n",
            &fnr[..6],
            &fnr[6..]
        ),
    )
    .unwrap();
    let check = samskap_in(&ws, &["check"]).code(65);
    assert!(check.stderr.contains("lilje.md:8:"), "{}", check.stderr);
    let report = samskap_in(&ws, &["report"]).code(65);
    assert!(report.stderr.contains("lilje.md"), "{}", report.stderr);
}

#[cfg(unix)]
#[test]
fn a_template_linked_from_outside_the_workspace_is_refused() {
    let ws = Sprint::new_sprint();
    let outside = ws.dir().join("secret.md");
    std::fs::write(&outside, "Tuva Nordmann 41234567\n").unwrap();
    std::fs::create_dir_all(ws.join("templates")).unwrap();
    std::os::unix::fs::symlink(&outside, ws.join("templates/agenda.md")).unwrap();
    let run = samskap_in(&ws, &["agenda", "--week", "1"]).code(65);
    assert!(
        run.stderr.contains("templates/agenda.md") && run.stderr.contains("utenfor sprintmappa"),
        "{}",
        run.stderr
    );
    assert!(!run.stdout.contains("41234567"));
    // A link to a file inside the workspace is the user's own choice.
    std::fs::remove_file(ws.join("templates/agenda.md")).unwrap();
    samskap_in(&ws, &["templates", "export", "mine"]).ok();
    std::os::unix::fs::symlink(
        ws.join("mine/agenda.md").canonicalize().unwrap(),
        ws.join("templates/agenda.md"),
    )
    .unwrap();
    samskap_in(&ws, &["agenda", "--week", "1"]).ok();
}

#[cfg(unix)]
#[test]
fn a_write_killed_halfway_leaves_nothing_git_or_check_sees() {
    let ws = Sprint::new_sprint();
    let notes = ws.join("groups/gruppe-1/interviews");
    std::fs::create_dir_all(&notes).unwrap();
    // What `kill -9` during a write leaves: a temporary file, half written.
    let left = notes.join(".samskap-tmp-Ab12Cd.tmp");
    std::fs::write(&left, "---\npseudonym: Half\n").unwrap();
    let old = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    std::fs::File::options()
        .write(true)
        .open(&left)
        .unwrap()
        .set_modified(old)
        .unwrap();
    // Not read as a record, not reported as a stray file.
    samskap_in(&ws, &["check"]).ok();
    let gitignore = std::fs::read_to_string(ws.join(".gitignore")).unwrap();
    assert!(gitignore.contains(".samskap-tmp-*"), "{gitignore}");
    if std::process::Command::new("git")
        .arg("--version")
        .output()
        .is_ok()
    {
        let git = |args: &[&str]| {
            std::process::Command::new("git")
                .args(args)
                .current_dir(&ws)
                .output()
                .unwrap()
        };
        git(&["init", "-q"]);
        let status = git(&["status", "--porcelain", "--untracked-files=all"]);
        let status = String::from_utf8_lossy(&status.stdout);
        assert!(!status.contains(".samskap-tmp-"), "{status}");
    }
    // The next write into the folder removes it.
    samskap_in(
        &ws,
        &[
            "interview",
            "new",
            "--group",
            "gruppe-1",
            "--pseudonym",
            "Lilje",
            "--date",
            "2027-02-24",
        ],
    )
    .ok();
    assert!(!left.exists());
}

#[test]
fn pseudonyms_are_matched_against_the_names_as_the_gate_matches() {
    let ws = sprint();
    for pseudonym in [
        "Tuva Nordmanns",
        "Tuva  Nordmann",
        "tuva",
        "Karis",
        "\u{422}uva",
        "Bjørk 41234567",
    ] {
        let run = samskap_in(
            &ws,
            &[
                "interview",
                "new",
                "--group",
                "gruppe-1",
                "--pseudonym",
                pseudonym,
                "--date",
                "2027-02-24",
            ],
        );
        assert_eq!(run.code, 2, "{pseudonym}: {}", run.stderr);
    }
}

#[test]
fn a_field_of_absurd_length_is_refused_at_the_documented_limit() {
    let ws = Sprint::new_sprint();
    let yaml = ws.join("samskap.yaml");
    let text = std::fs::read_to_string(&yaml).unwrap();
    let at = text.find("\nname:").unwrap() + 1;
    let end = at + text[at..].find('\n').unwrap();
    let long = format!(
        "{}name: \"{}\"{}",
        &text[..at],
        "Våren ".repeat(5_000),
        &text[end..]
    );
    std::fs::write(&yaml, long).unwrap();
    for args in [&["check"][..], &["build"], &["report"]] {
        let run = samskap_in(&ws, args).code(65);
        assert!(
            run.stderr.contains("`name` er 30000 tegn lang") && run.stderr.contains("høyst 20000"),
            "{args:?}: {}",
            run.stderr
        );
    }
}

#[test]
fn solution_new_keeps_every_comment_and_the_files_line_endings() {
    let ws = Sprint::new_sprint();
    let path = ws.join("groups/gruppe-1/solutions.yaml");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(
        &path,
        "# Gruppas løsninger\r\nsolutions: []  # ingen ennå\r\n# Husk timene.\r\n",
    )
    .unwrap();
    let add = |title: &str| {
        samskap_in(
            &ws,
            &[
                "solution", "new", "--group", "gruppe-1", "--title", title, "--yes",
            ],
        )
        .ok();
    };
    add("Felles plan");
    add("Tjenestekart");
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(
        text.matches('\n').count(),
        text.matches("\r\n").count(),
        "{text:?}"
    );
    let first = text.find("# Gruppas løsninger").unwrap();
    let list = text.find("solutions:  # ingen ennå\r\n").unwrap();
    let plan = text.find("Felles plan").unwrap();
    let note = text.find("# Husk timene.").unwrap();
    let map = text.find("Tjenestekart").unwrap();
    assert!(
        first < list && list < plan && plan < note && note < map,
        "{text}"
    );
    samskap_in(&ws, &["check"]).ok();
}

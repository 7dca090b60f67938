//! Records and the final report, end to end: interview notes, solutions and
//! assessments written through the commands, the report in three formats,
//! the example sprint's whole site through the validators, and planted
//! personal data that must never reach any exported file.

mod common;

use std::path::PathBuf;
use std::process::Command;

use common::{
    Sprint, fixture, html_files, new_sprint, passes_vnu_and_axe, root, samskap_in, snapshot_tree,
    validator, write_solutions,
};

fn example() -> PathBuf {
    root().join("examples/varen-2027")
}

#[test]
fn the_example_sprint_checks_clean() {
    let run = samskap_in(&example(), &["check"]).ok();
    assert!(
        run.stdout
            .contains("25 intervjunotater, 11 løsninger, 3 ledervurderinger, 9 evalueringsnotater"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("personopplysninger funnet: 0"),
        "{}",
        run.stdout
    );
}

#[test]
fn the_example_report_in_markdown() {
    let run = samskap_in(&example(), &["report", "--today", "2027-05-10"]).ok();
    insta::assert_snapshot!("example_report_nb", run.stdout);
    // Withdrawn and declined interviews count, but are never quoted.
    for withdrawn in ["hegre", "svale", "selje"] {
        let notes: Vec<PathBuf> = snapshot_tree(&example().join("groups"))
            .into_iter()
            .map(|(p, _)| p)
            .filter(|p| p.to_string_lossy().contains(withdrawn))
            .collect();
        assert_eq!(notes.len(), 1, "{withdrawn}");
        let text = std::fs::read_to_string(example().join("groups").join(&notes[0])).unwrap();
        for line in text.lines().filter(|l| l.starts_with('>')) {
            let quote = line.trim_start_matches('>').trim();
            if quote.len() > 10 {
                assert!(!run.stdout.contains(quote), "{withdrawn} quoted: {quote}");
            }
        }
    }
    assert!(
        run.stdout
            .contains("| **Sum av alle anslagene** | **21,5** | **14,5** |"),
        "{}",
        run.stdout
    );
}

#[test]
fn the_example_site_passes_the_validators_and_word_has_heading_styles() {
    // A copy: build records the calendar it wrote in the sprint's folder.
    let sprint = Sprint::example_as("varen-2027", "example");
    let out = sprint.dir().join("site");
    let target = out.to_str().unwrap().to_owned();
    sprint
        .run(&["build", "-o", &target, "--today", "2027-05-10"])
        .ok();
    let html = html_files(&out);
    assert!(html.len() >= 25, "{html:?}");
    passes_vnu_and_axe(&html);
    // Every link of the index leads to a file of the site.
    let index = std::fs::read_to_string(out.join("index.html")).unwrap();
    for href in index
        .split("href=\"")
        .skip(1)
        .map(|s| s.split('"').next().unwrap())
    {
        assert!(out.join(href).exists(), "{href}");
    }
    let docx = out.join("report.docx");
    let script = "import sys, docx\nd = docx.Document(sys.argv[1])\nfor p in d.paragraphs:\n    if p.style.name.startswith('Heading'):\n        print(p.style.name + '|' + p.text)\nprint('tables', len(d.tables))\n";
    let text = validator("python3", &["-c", script], std::slice::from_ref(&docx));
    for expected in [
        "Heading 1|Sluttrapport: Våren 2027",
        "Heading 2|Sammendrag",
        "Heading 2|Innhold",
        "Heading 2|Vedlegg: Hva er gjort",
        "Heading 2|Innsikt etter tema",
        "Heading 2|Løsninger",
        "Heading 3|Summer etter gruppe",
        "Heading 2|De fire systemutfordringene",
        "Heading 2|Vurdering av samskapingsmodellen",
        "Heading 2|Evaluering",
        "Heading 2|Anbefalinger og neste steg",
    ] {
        assert!(text.contains(expected), "{expected}:\n{text}");
    }
    assert!(text.contains("tables 9"), "{text}");
    // The site's report is the report command's, made once for three formats.
    let report = sprint.run(&["report", "--today", "2027-05-10"]).ok();
    assert_eq!(
        std::fs::read_to_string(out.join("report.md")).unwrap(),
        report.stdout
    );
    // A second build replaces what the first wrote; a file of the user's is kept.
    std::fs::write(out.join("notat.txt"), "mitt").unwrap();
    sprint
        .run(&["build", "-o", &target, "--today", "2027-05-10"])
        .ok();
    assert_eq!(
        std::fs::read_to_string(out.join("notat.txt")).unwrap(),
        "mitt"
    );
}

#[test]
fn build_refuses_files_it_did_not_write() {
    let ws = Sprint::new_sprint();
    std::fs::create_dir_all(ws.join("out")).unwrap();
    std::fs::write(ws.join("out/index.html"), "mine").unwrap();
    let run = ws.run(&["build"]).code(73);
    assert!(run.stderr.contains("index.html"), "{}", run.stderr);
    assert_eq!(
        std::fs::read_to_string(ws.join("out/index.html")).unwrap(),
        "mine"
    );
    ws.run(&["build", "--force"]).ok();
    assert!(
        std::fs::read_to_string(ws.join("out/index.html"))
            .unwrap()
            .starts_with("<!DOCTYPE html>")
    );

    // A file the build wrote and someone edited since is theirs now.
    std::fs::write(ws.join("out/report.md"), "# Min versjon\n").unwrap();
    let run = ws.run(&["build"]).code(73);
    assert!(run.stderr.contains("report.md"), "{}", run.stderr);
    assert!(
        run.stderr.contains("er endret siden samskap skrev den"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("index.html"), "{}", run.stderr);
    assert_eq!(
        std::fs::read_to_string(ws.join("out/report.md")).unwrap(),
        "# Min versjon\n"
    );
    ws.run(&["build", "--force"]).ok();
    assert!(
        std::fs::read_to_string(ws.join("out/report.md"))
            .unwrap()
            .starts_with("# ")
    );
    ws.run(&["build"]).ok();

    // A group removed: its pages go, unless someone changed them.
    std::fs::write(ws.join("out/interview-guide-gruppe-2.html"), "notater").unwrap();
    ws.edit_yaml(|config| {
        let cut = config.find("  - id: gruppe-2").unwrap();
        config[..cut].to_owned()
    });
    let run = ws.run(&["build"]).ok();
    assert!(
        run.stderr.contains("fjernet 1 gammel fil"),
        "{}",
        run.stderr
    );
    assert!(!ws.join("out/agenda-gruppe-2.html").exists());
    assert_eq!(
        std::fs::read_to_string(ws.join("out/interview-guide-gruppe-2.html")).unwrap(),
        "notater"
    );
    assert!(ws.join("out/agenda-gruppe-1.html").exists());
}

/// A sprint whose notes hold the planted personal data of the privacy fixture.
fn planted() -> Sprint {
    let ws = Sprint::new_sprint();
    let notes = ws.join("groups/gruppe-1/interviews");
    std::fs::create_dir_all(&notes).unwrap();
    std::fs::copy(
        fixture("privacy/planted.md"),
        notes.join("2027-02-24-bjork.md"),
    )
    .unwrap();
    std::fs::create_dir_all(ws.join("private")).unwrap();
    std::fs::copy(fixture("privacy/names.txt"), ws.join("private/names.txt")).unwrap();
    ws
}

/// The planted values, from the fixture's list of expected findings.
fn planted_values() -> Vec<String> {
    std::fs::read_to_string(fixture("privacy/expected.txt"))
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.splitn(3, ' ').nth(2).unwrap().to_owned())
        .collect()
}

#[test]
fn check_names_every_planted_finding_exactly() {
    let ws = planted();
    let run = ws.run(&["--lang", "en", "check"]).code(65);
    let expected = planted_values();
    assert!(
        run.stderr
            .contains(&format!("{} problems found", expected.len())),
        "{}",
        run.stderr
    );
    let places: Vec<&str> = run.stderr.lines().filter(|l| l.contains("--> ")).collect();
    let wanted: Vec<String> = std::fs::read_to_string(fixture("privacy/expected.txt"))
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            format!(
                "groups/gruppe-1/interviews/2027-02-24-bjork.md:{}",
                l.split(' ').next().unwrap()
            )
        })
        .collect();
    for want in &wanted {
        assert!(
            places.iter().any(|p| p.ends_with(want.as_str())),
            "{want} not reported:\n{}",
            run.stderr
        );
    }
}

#[test]
fn nothing_planted_reaches_any_exported_file() {
    let ws = planted();
    // Raw notes never leave the workspace: the report and the site are
    // written, and hold none of the note's personal data.
    ws.run(&["report", "-o", "plain.md"]).ok();
    // Personal data in what a report does show (a solution, a quote)
    // stops every export, which names the source and writes nothing …
    ws.run(&[
        "solution",
        "new",
        "--group",
        "gruppe-1",
        "--title",
        "Ring Lilje",
        "--description",
        "Ring mor på 912 34 567 eller skriv til lilje.mor@example.no.",
        "--yes",
    ])
    .ok();
    let run = ws.run(&["report", "-o", "out/report.html"]).code(65);
    assert!(run.stderr.contains("--redact"), "{}", run.stderr);
    assert!(
        run.stderr.contains("groups/gruppe-1/solutions.yaml"),
        "names the source file:\n{}",
        run.stderr
    );
    assert!(!ws.join("out/report.html").exists());
    ws.run(&["build"]).code(65);
    assert!(!ws.join("out").exists(), "a refused build writes nothing");
    // With --redact the documents are written, and hold none of it.
    ws.run(&["report", "--redact", "-o", "report.md"]).ok();
    ws.run(&["report", "--redact", "-o", "report.docx"]).ok();
    ws.run(&["build", "--redact"]).ok();
    let mut outputs = snapshot_tree(&ws.join("out"));
    outputs.push((
        PathBuf::from("report.md"),
        std::fs::read(ws.join("report.md")).unwrap(),
    ));
    outputs.push((
        PathBuf::from("plain.md"),
        std::fs::read(ws.join("plain.md")).unwrap(),
    ));
    let redacted = String::from_utf8_lossy(&outputs[outputs.len() - 2].1).into_owned();
    assert!(redacted.contains("[telefonnummer fjernet]"), "{redacted}");
    let docx = Command::new("python3")
        .args(["-c", "import sys, docx\nd = docx.Document(sys.argv[1])\nprint('\\n'.join(p.text for p in d.paragraphs))\nfor t in d.tables:\n    for r in t.rows:\n        print(' '.join(c.text for c in r.cells))", ws.join("report.docx").to_str().unwrap()])
        .output()
        .unwrap();
    outputs.push((PathBuf::from("report.docx.txt"), docx.stdout));
    let values = planted_values();
    for (path, bytes) in &outputs {
        let text = String::from_utf8_lossy(bytes);
        for value in &values {
            assert!(
                !text.contains(value.as_str()),
                "{value} reached {}",
                path.display()
            );
        }
        assert!(
            !text.contains("Kari Nordmann"),
            "the private list reached {}",
            path.display()
        );
        assert!(
            !text.contains("912 34 567") && !text.contains("lilje.mor@example.no"),
            "{}",
            path.display()
        );
    }
}

#[test]
fn interview_new_writes_a_note_to_fill_in_and_never_overwrites() {
    let ws = Sprint::new_sprint();
    ws.run(&[
        "interview",
        "new",
        "--group",
        "gruppe-1",
        "--pseudonym",
        "Lilje",
        "--date",
        "2027-02-23",
    ])
    .ok();
    let path = ws.join("groups/gruppe-1/interviews/2027-02-23-lilje.md");
    let text = std::fs::read_to_string(&path).unwrap();
    insta::assert_snapshot!("interview_note_nb", text);
    ws.run(&[
        "interview",
        "new",
        "--group",
        "gruppe-1",
        "--pseudonym",
        "Lilje",
        "--date",
        "2027-02-23",
    ])
    .code(2);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
    ws.run(&[
        "interview",
        "new",
        "--group",
        "gruppe-9",
        "--pseudonym",
        "X",
    ])
    .code(2);
    // A pseudonym from the list of real names is refused.
    std::fs::create_dir_all(ws.join("private")).unwrap();
    std::fs::write(ws.join("private/names.txt"), "Sølvi Ødegård\n").unwrap();
    let run = ws
        .run(&[
            "interview",
            "new",
            "--group",
            "gruppe-1",
            "--pseudonym",
            "Sølvi",
        ])
        .code(2);
    assert!(run.stderr.contains("ekte navn"), "{}", run.stderr);
    // The note checks clean, with its consent, tags and quotes once filled in.
    std::fs::write(
        &path,
        text.replace("tags: []", "tags: [tid]")
            .replace("interview: pending", "interview: given")
            .replace("quotes: pending", "quotes: given")
            + "\n> «Jeg er koordinatoren.»\n\n#overganger\n",
    )
    .unwrap();
    ws.run(&["check"]).ok();
    let report = ws.run(&["report"]).ok();
    assert!(
        report.stdout.contains("«Jeg er koordinatoren.»"),
        "{}",
        report.stdout
    );
    assert!(
        report
            .stdout
            .contains("### Overganger\n\n*1 intervju i 1 gruppe*"),
        "{}",
        report.stdout
    );
}

#[test]
fn bad_notes_are_reported_with_their_place() {
    let ws = Sprint::new_sprint();
    let notes = ws.join("groups/gruppe-2/interviews");
    std::fs::create_dir_all(&notes).unwrap();
    std::fs::write(
        notes.join("a.md"),
        "---\npseudonym: Rogn\ndate: 2027-02-30\nconsent: maybe\n---\ntext\n",
    )
    .unwrap();
    std::fs::write(notes.join("b.md"), "No front matter\n").unwrap();
    std::fs::write(
        notes.join("c.md"),
        "---\npseudonym: Ask\ndate: 2027-02-23\nconsent: given\nintervjuere: [A]\n---\n",
    )
    .unwrap();
    let run = ws.run(&["--lang", "en", "check"]).code(65);
    insta::assert_snapshot!("bad_notes", run.stderr);
}

#[test]
fn solutions_and_assessments_through_the_commands() {
    let ws = Sprint::new_sprint();
    ws.run(&[
        "solution",
        "new",
        "--group",
        "gruppe-1",
        "--title",
        "Felles kalender",
        "--challenge",
        "koordinator",
        "--status",
        "tested",
        "--families",
        "3.5",
        "--staff",
        "2",
        "--owner",
        "Helsestasjonen",
        "--next-step",
        "Prøve i tre måneder",
    ])
    .ok();
    ws.run(&[
        "solution",
        "new",
        "--group",
        "gruppe-1",
        "--title",
        "Tjenestekart",
        "--yes",
    ])
    .ok();
    let file = std::fs::read_to_string(ws.join("groups/gruppe-1/solutions.yaml")).unwrap();
    assert_eq!(file.matches("- id:").count(), 2, "{file}");
    let run = ws
        .run(&[
            "solution",
            "new",
            "--group",
            "gruppe-1",
            "--title",
            "Feil",
            "--challenge",
            "koordinatorr",
        ])
        .code(2);
    assert!(
        run.stderr.contains("mente du `koordinator`"),
        "{}",
        run.stderr
    );
    assert_eq!(
        std::fs::read_to_string(ws.join("groups/gruppe-1/solutions.yaml")).unwrap(),
        file,
        "nothing written"
    );
    ws.run(&["solution", "new", "--group", "gruppe-1"]).code(2);

    let partial = ws
        .run(&[
            "assess",
            "--leader",
            "Bydelsdirektør",
            "--date",
            "2027-04-20",
            "--score",
            "felles-forstaelse-1=2",
            "--score",
            "felles-mal-1=4",
        ])
        .ok();
    // Scores left out are a leader's choice, but never a silent one.
    assert!(
        partial.stderr.contains("2 av 27 påstander har skår"),
        "{}",
        partial.stderr
    );
    ws.run(&[
        "assess",
        "--leader",
        "Bydelsdirektør",
        "--score",
        "felles-mal-1=5",
    ])
    .code(2);
    ws.run(&[
        "assess",
        "--leader",
        "Bydelsdirektør",
        "--score",
        "felles-mal-1=5",
        "--force",
        "--date",
        "2027-04-21",
    ])
    .ok();
    std::fs::write(
        ws.join("scores.yaml"),
        "felles-forstaelse-1: 3\nlederforankring-1: 4\n",
    )
    .unwrap();
    ws.run(&[
        "assess",
        "--leader",
        "Seksjonsleder",
        "--file",
        "scores.yaml",
        "--date",
        "2027-04-20",
    ])
    .ok();
    let run = ws
        .run(&["assess", "--leader", "X", "--score", "felles-mal-1=7"])
        .code(2);
    assert!(run.stderr.contains("er ikke fra 1 til 5"), "{}", run.stderr);
    let run = ws
        .run(&["assess", "--leader", "X", "--score", "felles-mall-1=3"])
        .code(2);
    assert!(
        run.stderr.contains("mente du `felles-mal-1`"),
        "{}",
        run.stderr
    );

    let report = ws
        .run(&[
            "--lang",
            "en",
            "report",
            "--interim",
            "--today",
            "2027-03-01",
        ])
        .ok();
    assert!(
        report.stdout.starts_with("# Interim report"),
        "{}",
        report.stdout
    );
    assert!(
        report.stdout.contains("| Felles kalender | tested |"),
        "{}",
        report.stdout
    );
    assert!(
        report
            .stdout
            .contains("| **Sum of all estimates** | **3.5** | **2** |"),
        "{}",
        report.stdout
    );
    let html = ws.run(&["report", "--format", "html"]).ok();
    assert!(
        html.stdout.contains("<svg") && html.stdout.contains("role=\"img\""),
        "the chart is inline"
    );
}

#[test]
fn inputs_that_would_break_later_commands_are_refused_up_front() {
    let dir = tempfile::tempdir().unwrap();
    let run = samskap_in(
        dir.path(),
        &["new-sprint", "late", "--yes", "--time", "23:59"],
    )
    .code(2);
    assert!(
        run.stderr.contains("utenfor arbeidsdagen 09:00–15:30"),
        "{}",
        run.stderr
    );
    samskap_in(
        dir.path(),
        &["new-sprint", "far", "--yes", "--start", "9999-12-31"],
    )
    .code(2);
    samskap_in(dir.path(), &["new-sprint", "noname", "--yes", "--name", ""]).code(2);
    let run = samskap_in(
        dir.path(),
        &[
            "new-sprint",
            "extra",
            "--yes",
            "--groups",
            "1",
            "--sub-challenge",
            "A",
            "--sub-challenge",
            "B",
        ],
    )
    .code(2);
    assert!(
        run.stderr.contains("--sub-challenge er gitt 2 ganger"),
        "{}",
        run.stderr
    );
    assert!(!dir.path().join("late").exists() && !dir.path().join("extra").exists());

    let ws = new_sprint(dir.path());
    let yaml = std::fs::read_to_string(ws.join("samskap.yaml")).unwrap();
    std::fs::write(
        ws.join("samskap.yaml"),
        yaml.replace("time: \"09:00\"", "time: \"22:00\""),
    )
    .unwrap();
    let run = samskap_in(&ws, &["calendar"]).code(65);
    assert!(
        run.stderr.contains("utenfor arbeidsdagen"),
        "{}",
        run.stderr
    );
    std::fs::write(ws.join("samskap.yaml"), &yaml).unwrap();

    samskap_in(
        &ws,
        &[
            "solution",
            "new",
            "--group",
            "gruppe-1",
            "--title",
            "X",
            "--families",
            "inf",
        ],
    )
    .code(2);
    samskap_in(
        &ws,
        &[
            "solution",
            "new",
            "--group",
            "gruppe-1",
            "--title",
            "X",
            "--families",
            "3,5",
        ],
    )
    .ok();
    let run = samskap_in(
        &ws,
        &["solution", "new", "--group", "gruppe-2", "--title", "X"],
    )
    .code(2);
    assert!(
        run.stderr.contains("har allerede en løsning med id-en `x`"),
        "{}",
        run.stderr
    );
    let file = std::fs::read_to_string(ws.join("groups/gruppe-1/solutions.yaml")).unwrap();
    assert!(file.contains("families: 3.5"), "{file}");
}

#[test]
fn a_removed_group_leaves_records_that_can_be_undone() {
    let ws = Sprint::new_sprint();
    ws.run(&[
        "done",
        "utforske-uke-1-planlegging",
        "--group",
        "gruppe-2",
        "--date",
        "2027-02-16",
        "--today",
        "2027-02-16",
    ])
    .ok();
    ws.edit_yaml(|yaml| {
        let cut = yaml.find("  - id: gruppe-2").unwrap();
        yaml[..cut].to_owned()
    });
    ws.run(&["status"]).ok();
    let run = ws.run(&["check"]).code(65);
    assert!(
        run.stderr.contains("--group gruppe-2 --undo"),
        "{}",
        run.stderr
    );
    assert!(
        !run.stderr.contains("mente du"),
        "no hint towards another group: {}",
        run.stderr
    );
    ws.run(&[
        "done",
        "utforske-uke-1-planlegging",
        "--group",
        "gruppe-2",
        "--undo",
    ])
    .ok();
    ws.run(&["check"]).ok();
}

#[test]
fn build_from_a_subfolder_writes_to_the_sprints_out() {
    let ws = Sprint::new_sprint();
    let sub = ws.join("groups/gruppe-1/interviews");
    std::fs::create_dir_all(&sub).unwrap();
    samskap_in(&sub, &["build"]).ok();
    assert!(ws.join("out/index.html").exists());
    assert!(!sub.join("out").exists());
}

#[test]
fn check_finds_misplaced_records_bom_names_and_data_in_samskap_yaml() {
    let ws = Sprint::new_sprint();
    let notes = ws.join("groups/gruppe-1/interviews");
    std::fs::create_dir_all(&notes).unwrap();
    std::fs::write(notes.join("a.md"), "---\npseudonym: Ask\ndate: 2027-02-23\nconsent: given\ntags: [tid, Tid]\n---\nTrude Olsen fortalte.\n\n#tid\n").unwrap();
    std::fs::write(notes.join("b.MD"), "x").unwrap();
    std::fs::create_dir_all(ws.join("groups/grupe-1")).unwrap();
    std::fs::create_dir_all(ws.join("private")).unwrap();
    std::fs::write(ws.join("private/names.txt"), "\u{feff}Trude Olsen\n").unwrap();
    let yaml = ws.read("samskap.yaml");
    ws.edit_yaml(|yaml| {
        yaml.replace(
            "# place: Bydelshuset, møterom 1",
            "place: \"Rom 3, ring 91234567\"",
        )
    });
    let run = ws.run(&["check"]).code(65);
    for wanted in ["b.MD", "grupe-1", "a.md:7:1", "samskap.yaml"] {
        assert!(run.stderr.contains(wanted), "{wanted}:\n{}", run.stderr);
    }
    std::fs::remove_file(notes.join("b.MD")).unwrap();
    std::fs::remove_dir(ws.join("groups/grupe-1")).unwrap();
    ws.write("samskap.yaml", &yaml);
    std::fs::write(notes.join("a.md"), "---\npseudonym: Ask\ndate: 2027-02-23\nconsent: given\ntags: [tid, Tid]\n---\nMor fortalte.\n\n#tid\n").unwrap();
    ws.run(&["check"]).ok();
    let report = ws.run(&["report"]).ok();
    assert!(
        report.stdout.contains("### Tid\n\n*1 intervju i 1 gruppe*"),
        "a tag counts once per note:\n{}",
        report.stdout
    );
}

#[test]
fn a_withdrawn_familys_pseudonym_is_kept_out_of_documents() {
    let ws = Sprint::new_sprint();
    ws.run(&[
        "interview",
        "new",
        "--group",
        "gruppe-1",
        "--pseudonym",
        "Hegre",
        "--date",
        "2027-02-23",
        "--consent",
        "withdrawn",
    ])
    .ok();
    ws.run(&[
        "solution",
        "new",
        "--group",
        "gruppe-1",
        "--title",
        "Felles plan",
        "--description",
        "Bygger på samtalen med Hegre.",
        "--yes",
    ])
    .ok();
    let run = ws.run(&["report"]).code(65);
    assert!(run.stderr.contains("solutions.yaml"), "{}", run.stderr);
    assert!(
        run.stderr.contains("et pseudonym uten samtykke"),
        "{}",
        run.stderr
    );
    // The family's own note is never exported: it is not named as a source.
    assert!(!run.stderr.contains("hegre.md"), "{}", run.stderr);
    // check finds what the export refuses, before anyone exports.
    let check = ws.run(&["check"]).code(65);
    assert!(check.stderr.contains("solutions.yaml"), "{}", check.stderr);
    assert!(!check.stderr.contains("hegre.md"), "{}", check.stderr);
    let redacted = ws.run(&["report", "--redact"]).ok();
    assert!(!redacted.stdout.contains("Hegre"), "{}", redacted.stdout);
    assert!(
        redacted.stdout.contains("[pseudonym fjernet]"),
        "{}",
        redacted.stdout
    );

    // A pseudonym is often an ordinary word: only the name, as written, counts.
    let solutions = ws.join("groups/gruppe-1/solutions.yaml");
    let text = std::fs::read_to_string(&solutions).unwrap();
    std::fs::write(
        &solutions,
        text.replace("samtalen med Hegre", "en hegre ved bekken"),
    )
    .unwrap();
    ws.run(&["check"]).ok();
    ws.run(&["report"]).ok();
}

#[test]
fn control_characters_pasted_into_records_never_break_a_document() {
    let ws = Sprint::new_sprint();
    ws.run(&[
        "interview",
        "new",
        "--group",
        "gruppe-1",
        "--pseudonym",
        "Lilje",
        "--date",
        "2027-02-23",
        "--consent",
        "given",
    ])
    .ok();
    // Word's Shift+Enter pastes as a vertical tab; other controls come
    // from PDFs and old systems.
    let note = ws.join("groups/gruppe-1/interviews/2027-02-23-lilje.md");
    let mut text = std::fs::read_to_string(&note).unwrap();
    text.push_str("\n> «Vi bruker\u{b}timer\u{c} hver uke\u{1} på å ringe.»\n\n#tid\n");
    std::fs::write(&note, text).unwrap();
    std::fs::write(
        ws.join("groups/gruppe-1/solutions.yaml"),
        "solutions:\n  - id: felles-plan\n    title: \"Felles\\x01 plan\\x0b for alle\"\n    status: idea\n",
    )
    .unwrap();
    // The sprint's name reaches every page's title and the calendar.
    ws.edit_yaml(|config| {
        let name_line = config.lines().find(|l| l.starts_with("name:")).unwrap();
        config.replace(name_line, "name: \"Våren\\x0b 2027\"")
    });
    let site = ws.dir().join("site");
    ws.run(&[
        "build",
        "-o",
        site.to_str().unwrap(),
        "--today",
        "2027-05-10",
    ])
    .ok();
    for entry in std::fs::read_dir(&site).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|x| x == "docx") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(
            !text
                .chars()
                .any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r')),
            "{}",
            path.display()
        );
    }
    let report = std::fs::read_to_string(site.join("report.md")).unwrap();
    assert!(
        report.contains("Vi bruker timer  hver uke  på å ringe."),
        "{report}"
    );
    let script = "import sys, docx\nd = docx.Document(sys.argv[1])\nprint(sum(len(p.text) for p in d.paragraphs) > 0)\n";
    let out = validator("python3", &["-c", script], &[site.join("report.docx")]);
    assert!(out.contains("True"), "{out}");
    validator(
        "tests/validators/vnu.sh",
        &[site.join("report.html").to_str().unwrap()],
        &[],
    );
}

#[test]
fn a_figure_of_exactly_one_takes_the_units_singular() {
    let ws = Sprint::new_sprint();
    let file = write_solutions(
        &ws,
        "solutions:\n  - id: felles-plan\n    title: Felles plan\n    status: idea\n    measures:\n      families: 1\n      staff: 2\n",
    );
    let nb = ws.run(&["report", "--interim"]).ok().stdout;
    assert!(nb.contains("Per familie 1 time per måned"), "{nb}");
    assert!(nb.contains("Ansatte 2 timer per måned"), "{nb}");
    assert!(!nb.contains("1 timer"), "{nb}");
    let nn = ws.run(&["--lang", "nn", "report", "--interim"]).ok().stdout;
    assert!(nn.contains("Per familie 1 time per månad"), "{nn}");
    assert!(nn.contains("Tilsette 2 timar per månad"), "{nn}");
    let en = ws.run(&["--lang", "en", "report", "--interim"]).ok().stdout;
    assert!(en.contains("Per family 1 hour per month"), "{en}");
    assert!(en.contains("Staff 2 hours per month"), "{en}");
    assert!(!en.contains("1 hours"), "{en}");
    std::fs::write(
        &file,
        "solutions:\n  - id: felles-plan\n    title: Felles plan\n    status: idea\n    measures:\n      families: 0\n      staff: 1,5\n",
    )
    .unwrap();
    let en = ws.run(&["--lang", "en", "report", "--interim"]).ok().stdout;
    assert!(en.contains("Per family 0 hours per month"), "{en}");
    assert!(en.contains("Staff 1.5 hours per month"), "{en}");
}

#[test]
fn hours_with_a_decimal_comma_in_solutions_yaml() {
    let ws = Sprint::new_sprint();
    let file = write_solutions(
        &ws,
        "solutions:\n  - id: felles-plan\n    title: Felles plan\n    status: idea\n    hours_per_month:\n      families: 1,5\n      staff: \"2,25\"\n",
    );
    ws.run(&["check"]).ok();
    let report = ws.run(&["report", "--interim"]).ok();
    assert!(report.stdout.contains("1,5"), "{}", report.stdout);
    std::fs::write(
        &file,
        "solutions:\n  - id: felles-plan\n    title: Felles plan\n    status: idea\n    hours_per_month:\n      families: mye\n",
    )
    .unwrap();
    let run = ws.run(&["check"]).code(65);
    assert!(
        run.stderr
            .contains("`mye` er ikke et tall; skriv det som 3 eller 3,5"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("solutions.yaml:6:"), "{}", run.stderr);
}

#[test]
fn small_things_a_review_found() {
    let ws = Sprint::new_sprint();
    // A format samskap cannot write is refused, not written as Markdown.
    let run = ws
        .run(&["report", "--interim", "-o", "rapport.odt"])
        .code(2);
    assert!(
        run.stderr.contains("samskap kan ikke skrive .odt-filer"),
        "{}",
        run.stderr
    );
    assert!(!ws.join("rapport.odt").exists());
    // A front-matter tag written `#Tid` is the tag `tid`.
    ws.run(&[
        "interview",
        "new",
        "--group",
        "gruppe-1",
        "--pseudonym",
        "Lilje",
        "--date",
        "2027-02-23",
        "--consent",
        "given",
    ])
    .ok();
    let note = ws.join("groups/gruppe-1/interviews/2027-02-23-lilje.md");
    let text = std::fs::read_to_string(&note).unwrap();
    std::fs::write(&note, text.replacen("tags: []", "tags: [\"#Tid\"]", 1)).unwrap();
    let report = ws.run(&["report", "--interim"]).ok();
    assert!(!report.stdout.contains("\\#tid"), "{}", report.stdout);
    assert!(report.stdout.contains("tid"), "{}", report.stdout);
    // A blank group name: the id stands in, no empty headings.
    let config = ws.read("samskap.yaml");
    ws.write(
        "samskap.yaml",
        &config.replace("name: \"Gruppe 1\"", "name: \"  \""),
    );
    let agenda = ws
        .run(&["agenda", "--group", "gruppe-1", "--week", "9"])
        .ok();
    assert!(agenda.stdout.contains("gruppe-1"), "{}", agenda.stdout);
    // A year out of range is named as such.
    ws.write(
        "samskap.yaml",
        &config.replace("start: 2027-01-04", "start: 9999-01-04"),
    );
    let run = ws.run(&["check"]).code(65);
    assert!(
        run.stderr
            .contains("`9999-01-04` ligger utenfor årene 1900–2199"),
        "{}",
        run.stderr
    );
}

#[test]
fn solution_new_fills_an_empty_register_and_common_yaml_slips_are_explained() {
    let ws = Sprint::new_sprint();
    let file = ws.join("groups/gruppe-1/solutions.yaml");
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    for start in ["", "solutions: []\n", "# Våre løsninger\n", "solutions:\n"] {
        std::fs::write(&file, start).unwrap();
        ws.run(&["check"]).ok();
        ws.run(&[
            "solution", "new", "--group", "gruppe-1", "--title", "Plan A", "--yes",
        ])
        .ok();
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(text.contains("title: \"Plan A\""), "{start:?}: {text}");
        if start.starts_with('#') {
            assert!(text.starts_with("# Våre løsninger\n"), "{text}");
        }
        ws.run(&["check"]).ok();
    }
    std::fs::remove_file(&file).unwrap();

    ws.run(&[
        "interview",
        "new",
        "--group",
        "gruppe-1",
        "--pseudonym",
        "Lilje",
        "--date",
        "2027-02-23",
        "--consent",
        "given",
    ])
    .ok();
    let note = ws.join("groups/gruppe-1/interviews/2027-02-23-lilje.md");
    let original = std::fs::read_to_string(&note).unwrap();
    for (from, to, message) in [
        (
            "tags: []",
            "tags: [#tid]",
            "`#` begynner en kommentar i YAML",
        ),
        ("tags: []", "tags: tid, koordinator", "ventet en liste her"),
        (
            "interview: given",
            "interview: [given]",
            "samtykket er én verdi her, ikke en liste",
        ),
    ] {
        std::fs::write(&note, original.replacen(from, to, 1)).unwrap();
        let run = ws.run(&["check"]).code(65);
        assert!(run.stderr.contains(message), "{to}: {}", run.stderr);
        assert!(
            run.stderr.contains("2027-02-23-lilje.md:"),
            "{}",
            run.stderr
        );
    }
    // A tab is pointed at where it is, not at the value before it.
    std::fs::write(
        &note,
        original.replacen("interviewers:", "\tinterviewers:", 1),
    )
    .unwrap();
    let run = ws.run(&["check"]).code(65);
    assert!(
        run.stderr.contains("en tabulator er brukt"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("2027-02-23-lilje.md:5:1"),
        "{}",
        run.stderr
    );
}

#[test]
fn the_report_shows_the_planned_date_and_the_date_held_where_different() {
    let ws = Sprint::new_sprint();
    for (step, date) in [
        ("diagnose-oppstart-styringsgruppe", "2027-01-07"),
        // The plan holds this workshop the day after the kickoff.
        ("diagnose-verksted-seksjonsledere", "2027-01-06"),
    ] {
        ws.run(&["done", step, "--date", date, "--today", "2027-01-08"])
            .ok();
    }
    let run = ws
        .run(&[
            "--lang",
            "en",
            "report",
            "--interim",
            "--today",
            "2027-01-08",
        ])
        .ok();
    let rows: Vec<&str> = run
        .stdout
        .lines()
        .filter(|l| l.starts_with("| 5 January") || l.starts_with("| 6 January"))
        .collect();
    // Held two days late: both dates; held as planned: the one.
    assert_eq!(rows.len(), 2, "{}", run.stdout);
    assert!(
        rows[0].starts_with("| 5 January 2027 (held 7 January 2027) | "),
        "{}",
        rows[0]
    );
    assert!(rows[1].starts_with("| 6 January 2027 | "), "{}", rows[1]);
}

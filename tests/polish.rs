//! Documents leaders, groups and residents use as they are: plurals right in
//! every language, no command lines or Markdown marks in what they read,
//! dates in the document's language, the people named on agendas, notes of
//! a session a group runs alone addressed to the group, and a sprint README
//! that explains the files people write.

mod common;

use std::path::Path;

use common::{Sprint, new_sprint, samskap_in, snapshot_tree};
use samskap::privacy::view::{self, Reader};

/// Every document of `dir` as its reader sees it: HTML text, Word
/// paragraphs, calendar values.
fn read_back(dir: &Path) -> Vec<(String, String)> {
    snapshot_tree(dir)
        .into_iter()
        .filter_map(|(path, bytes)| {
            let reader = match path.extension()?.to_str()? {
                "html" => Reader::Html,
                "docx" => Reader::Docx,
                "ics" => Reader::Calendar,
                _ => return None,
            };
            let text = view::view(reader, &bytes).unwrap().text;
            Some((path.display().to_string(), text))
        })
        .collect()
}

/// The example sprint, copied, in `lang`.
fn example(lang: &str) -> Sprint {
    let ws = Sprint::example_as("varen-2027", "ws");
    ws.edit_yaml(|text| text.replace("\nlang: nb\n", &format!("\nlang: {lang}\n")));
    ws
}

/// The commands of samskap, as a document must never show them.
const COMMANDS: [&str; 14] = [
    "new-sprint",
    "status",
    "next",
    "agenda",
    "done",
    "check",
    "build",
    "report",
    "assess",
    "interview",
    "solution",
    "calendar",
    "workbook",
    "templates",
];

#[test]
fn no_document_shows_a_command_line_a_markdown_mark_or_a_numeric_date() {
    for lang in ["nb", "en"] {
        let ws = example(lang);
        samskap_in(&ws, &["build", "-o", "site"]).ok();
        let docs = read_back(&ws.join("site"));
        assert!(docs.len() > 20, "{}", docs.len());
        for (path, text) in docs {
            assert!(!text.contains('`'), "{lang} {path}: a backtick");
            assert!(!text.contains("**"), "{lang} {path}: Markdown emphasis");
            for command in COMMANDS {
                assert!(
                    !text.contains(&format!("samskap {command}")),
                    "{lang} {path}: `samskap {command}`"
                );
            }
            // dd.mm.yyyy: the report's log writes dates in words.
            let numeric = text.as_bytes().windows(10).any(|w| {
                w.iter().enumerate().all(|(i, b)| match i {
                    2 | 5 => *b == b'.',
                    _ => b.is_ascii_digit(),
                })
            });
            assert!(!numeric, "{lang} {path}: a date as dd.mm.yyyy");
        }
        let report = std::fs::read_to_string(ws.join("site/report.md")).unwrap();
        let month = if lang == "en" {
            " January 2027 |"
        } else {
            ". januar 2027 |"
        };
        assert!(report.contains(month), "{lang}: {report}");
    }
}

#[test]
fn plurals_are_right_for_one() {
    let dir = tempfile::tempdir().unwrap();
    let ws = new_sprint(dir.path());
    samskap_in(
        &ws,
        &[
            "solution",
            "new",
            "--group",
            "gruppe-1",
            "--title",
            "Felles kalender",
            "--yes",
        ],
    )
    .ok();
    std::fs::create_dir_all(ws.join("evaluation")).unwrap();
    std::fs::write(
        ws.join("evaluation/2027-04-06-deltaker-1.md"),
        "---\nparticipant: Deltaker 1\ndate: 2027-04-06\nconsent: given\n---\nTekst.\n",
    )
    .unwrap();
    for (lang, develop, solutions, notes) in [
        (
            "nb",
            "Utvikle og test videre den ene løsningen som er idé eller prototyp",
            "1 løsning: 1 idé",
            "1 evalueringsnotat<",
        ),
        (
            "nn",
            "Utvikle og test vidare den eine løysinga som er idé eller prototype",
            "1 løysing: ",
            "1 evalueringsnotat<",
        ),
        (
            "en",
            "Develop and test further the one solution that is an idea or a prototype",
            "1 solution: ",
            "1 evaluation note<",
        ),
    ] {
        let report = samskap_in(&ws, &["--lang", lang, "report", "--interim"])
            .ok()
            .stdout;
        assert!(report.contains(develop), "{lang}: {report}");
        assert!(report.contains("1 "), "{lang}");
        let site = format!("site-{lang}");
        samskap_in(&ws, &["--lang", lang, "build", "-o", &site]).ok();
        let index = std::fs::read_to_string(ws.join(&site).join("index.html")).unwrap();
        assert!(index.contains(solutions), "{lang}: {index}");
        assert!(index.contains(notes), "{lang}: {index}");
    }
    // Two read as two.
    samskap_in(
        &ws,
        &[
            "solution",
            "new",
            "--group",
            "gruppe-1",
            "--title",
            "Tjenestekart",
            "--yes",
        ],
    )
    .ok();
    let report = samskap_in(&ws, &["report", "--interim"]).ok().stdout;
    assert!(
        report.contains("Utvikle og test videre de 2 løsningene som er idé eller prototyp"),
        "{report}"
    );
}

#[test]
fn new_sprint_names_the_facilitators_project_lead_and_contact() {
    let dir = tempfile::tempdir().unwrap();
    samskap_in(
        dir.path(),
        &[
            "new-sprint",
            "ws",
            "--yes",
            "--start",
            "2027-01-04",
            "--facilitator",
            "Hanne Vik",
            "--facilitator",
            "Jon Eide",
            "--project-lead",
            "Per Lund",
            "--contact-name",
            "Hanne Vik",
            "--contact-phone",
            "23 40 00 00",
        ],
    )
    .ok();
    let ws = dir.path().join("ws");
    let yaml = std::fs::read_to_string(ws.join("samskap.yaml")).unwrap();
    assert!(
        yaml.contains("\nfacilitators: [\"Hanne Vik\", \"Jon Eide\"]\n"),
        "{yaml}"
    );
    assert!(yaml.contains("\nproject_lead: \"Per Lund\"\n"), "{yaml}");
    assert!(
        yaml.contains("\ncontact: { name: \"Hanne Vik\", phone: \"23 40 00 00\" }\n"),
        "{yaml}"
    );
    samskap_in(&ws, &["check"]).ok();
    let agenda = samskap_in(&ws, &["agenda", "diagnose-oppstart-styringsgruppe"])
        .ok()
        .stdout;
    // The plan books one of the two facilitators for the session.
    assert!(
        agenda.contains("Fasilitator: Hanne Vik; Prosjektleder: Per Lund"),
        "{agenda}"
    );
    let guide = samskap_in(&ws, &["interview-guide", "--group", "gruppe-1"])
        .ok()
        .stdout;
    assert!(
        guide.contains("Hanne Vik på telefon 23 40 00 00"),
        "{guide}"
    );
    // Without them, the lines are examples to fill in.
    samskap_in(dir.path(), &["new-sprint", "bare", "--yes"]).ok();
    let yaml = std::fs::read_to_string(dir.path().join("bare/samskap.yaml")).unwrap();
    // The plan needs facilitators: as many as the workbook says, numbered to be named.
    assert!(
        yaml.contains("\nfacilitators: [\"Fasilitator 1\", \"Fasilitator 2\"]\n# "),
        "{yaml}"
    );
    assert!(yaml.contains("\n# project_lead: "), "{yaml}");
    assert!(yaml.contains("\n# contact: { name: "), "{yaml}");
    samskap_in(&dir.path().join("bare"), &["check"]).ok();
    // A phone number the gate would not know is refused before anything is written.
    let run = samskap_in(
        dir.path(),
        &[
            "--lang",
            "en",
            "new-sprint",
            "feil",
            "--yes",
            "--contact-name",
            "Hanne Vik",
            "--contact-phone",
            "2340",
        ],
    )
    .code(2);
    assert!(
        run.stderr
            .contains("`2340` is not a Norwegian phone number"),
        "{}",
        run.stderr
    );
    assert!(!dir.path().join("feil/samskap.yaml").exists());
    // A name needs its number, and a number its name.
    samskap_in(
        dir.path(),
        &["new-sprint", "halv", "--yes", "--contact-name", "Hanne Vik"],
    )
    .code(2);
    assert!(!dir.path().join("halv/samskap.yaml").exists());
    let help = samskap_in(dir.path(), &["--lang", "nn", "new-sprint", "--help"])
        .ok()
        .stdout;
    assert!(
        help.contains("Ein fasilitator, slik agendaene namngir dei"),
        "{help}"
    );
    assert!(help.contains("--contact-phone"), "{help}");
}

#[test]
fn notes_of_a_session_a_group_runs_alone_are_addressed_to_the_group() {
    let dir = tempfile::tempdir().unwrap();
    let ws = new_sprint(dir.path());
    let own = ["agenda", "utforske-uke-2-intervju", "--group", "gruppe-1"];
    for participant in [false, true] {
        let mut args = own.to_vec();
        if participant {
            args.push("--participant");
        }
        let agenda = samskap_in(&ws, &args).ok().stdout;
        assert!(agenda.contains("*Til gruppa:*"), "{agenda}");
        assert!(!agenda.contains("fasilitatoren:"), "{agenda}");
        assert!(agenda.contains("### Forberedelser"), "{agenda}");
    }
    let en = samskap_in(&ws, &["--lang", "en", own[0], own[1], own[2], own[3]])
        .ok()
        .stdout;
    assert!(en.contains("*For the group:*"), "{en}");
    // A facilitated session keeps its notes for the facilitator, out of
    // the participants' version.
    let led = samskap_in(&ws, &["agenda", "diagnose-oppstart-styringsgruppe"])
        .ok()
        .stdout;
    assert!(led.contains("*Til fasilitatoren:*"), "{led}");
    let theirs = samskap_in(
        &ws,
        &[
            "agenda",
            "diagnose-oppstart-styringsgruppe",
            "--participant",
        ],
    )
    .ok()
    .stdout;
    assert!(!theirs.contains("Til fasilitatoren"), "{theirs}");
    assert!(!theirs.contains("Til gruppa"), "{theirs}");
}

#[test]
fn the_sprint_readme_describes_every_field_people_write() {
    let dir = tempfile::tempdir().unwrap();
    for lang in ["nb", "nn", "en"] {
        let ws = dir.path().join(lang);
        samskap_in(
            dir.path(),
            &[
                "--lang",
                lang,
                "new-sprint",
                lang,
                "--yes",
                "--start",
                "2027-01-04",
            ],
        )
        .ok();
        let readme = std::fs::read_to_string(ws.join("README.md")).unwrap();
        for field in [
            "id",
            "title",
            "description",
            "sub_challenge",
            "challenges",
            "status",
            "measures",
            "owner",
            "next_step",
        ] {
            assert!(
                readme.contains(&format!("| `{field}` |")),
                "{lang}: {field}\n{readme}"
            );
        }
        // The workbook's own challenges and measures, by the ids to write.
        for id in ["`koordinator`", "`families`", "`staff`", "`in-use`"] {
            assert!(readme.contains(id), "{lang}: {id}\n{readme}");
        }
        assert!(readme.contains("`quotes`"), "{lang}: {readme}");
    }
}

#[test]
fn the_dashboard_says_where_the_sprint_stands_in_words() {
    // Before the first session the process has not started, whatever
    // progress.yaml already records (the example's is filled in).
    let ws = example("nb");
    samskap_in(&ws, &["build", "-o", "site", "--today", "2026-12-01"]).ok();
    let index = std::fs::read_to_string(ws.join("site/index.html")).unwrap();
    assert!(index.contains("prosessen har ikke startet ennå"), "{index}");
    assert!(!index.contains("prosessen er over"), "{index}");
    // A new sprint, its interviews unbooked and no solutions yet: no "-0",
    // and the gaps with dates in words.
    let fresh = Sprint::new_sprint();
    samskap_in(&fresh, &["build", "-o", "site", "--today", "2027-02-24"]).ok();
    let index = std::fs::read_to_string(fresh.join("site/index.html")).unwrap();
    assert!(!index.contains("-0 "), "a negative zero in {index}");
    let gaps = index
        .split("<h2")
        .find(|s| s.contains("mangler"))
        .unwrap_or_else(|| panic!("no list of gaps in {index}"));
    assert!(gaps.contains("ikke avtalt ennå"), "{gaps}");
    let iso = gaps.as_bytes().windows(10).any(|w| {
        w[4] == b'-'
            && w[7] == b'-'
            && w.iter()
                .enumerate()
                .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit())
    });
    assert!(!iso, "an ISO date among the gaps: {gaps}");
}

//! Every message in the user's language: a table of failing commands run
//! under --lang nb, nn and en, each told in that language with the same
//! exit code; the language chosen from the sprint and the environment;
//! Norwegian values accepted where people type them.

mod common;

use std::path::{Path, PathBuf};

use common::{Run, Sprint, fixture, html_files, passes_vnu_and_axe, samskap_in};

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
    "note",
];

/// A sprint following the trilingual fixture workbook, with a file in the
/// way of an output.
fn sprint() -> Sprint {
    let (ws, _) = Sprint::made(&["new-sprint", "ws", "--yes", "--start", "2027-01-04"]);
    let workbook = fixture("trilingual");
    ws.edit_yaml(|text| format!("{text}workbook: {}\n", workbook.display()));
    ws.write("agenda.md", "mine\n");
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
    let ws = sprint();
    let bad = ws.dir().join("bad");
    samskap_in(ws.dir(), &["new-sprint", "bad", "--yes"]).ok();
    let config = bad.join("samskap.yaml");
    let text = std::fs::read_to_string(&config).unwrap();
    std::fs::write(&config, format!("{text}bogus: 1\n")).unwrap();
    let empty = ws.dir().join("empty");
    std::fs::create_dir(&empty).unwrap();
    // The YAML mistakes people make by hand in samskap.yaml.
    let broken = |dir: &str, line: &str| {
        let ws = ws.dir().join(dir);
        common::copy_dir(&bad, &ws);
        let name = text.lines().find(|l| l.starts_with("name:")).unwrap();
        std::fs::write(ws.join("samskap.yaml"), text.replacen(name, line, 1)).unwrap();
        ws
    };
    let colon = broken("colon", "name: Rom 2: 3. etg");
    let anchor = broken("anchor", "name: *viktig");
    let quote = broken("quote", "name: 'Ny sprint");
    let after_quote = broken("after-quote", "name: \"Ny sprint");
    let bracket = broken("bracket", "name: [Ny, sprint");
    let workbooks = fixture("workbooks");
    let personal = ws.dir().join("personal");
    samskap_in(
        ws.dir(),
        &["new-sprint", "personal", "--yes", "--start", "2027-01-04"],
    )
    .ok();
    let config = std::fs::read_to_string(personal.join("samskap.yaml")).unwrap();
    let config = config.replacen(
        "sub_challenge: \"\"",
        "sub_challenge: \"Ring Kari på 912 34 567\"",
        1,
    );
    std::fs::write(personal.join("samskap.yaml"), config).unwrap();

    let range_args: &[&str] = &[
        "solution",
        "new",
        "-g",
        "gruppe-1",
        "--measure",
        "families=-1",
        "--title",
        "A",
        "--yes",
    ];
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
        (
            "-C to a missing folder",
            &ws,
            &["-C", "nosuch", "status"],
            2,
        ),
        ("-C to a file", &ws, &["-C", "agenda.md", "status"], 2),
        (
            "an output under a file",
            &ws,
            &["agenda", "oppstart", "-o", "agenda.md/a.md"],
            73,
        ),
        (
            "reading under a file",
            &ws,
            &["workbook", "check", "agenda.md/wb"],
            66,
        ),
        (
            "timing checks of a workbook",
            &workbooks,
            &["workbook", "check", "bad-timing"],
            65,
        ),
        (
            "personal data in a document",
            &personal,
            &["interview-guide", "-g", "gruppe-1", "-o", "ig.md"],
            65,
        ),
        ("a measure out of range", &personal, range_args, 2),
        ("YAML: a colon in a value", &colon, &["check"], 65),
        ("YAML: a value starting with *", &anchor, &["check"], 65),
        ("YAML: an unclosed quote", &quote, &["check"], 65),
        ("YAML: text after a quote", &after_quote, &["check"], 65),
        ("YAML: an unclosed bracket", &bracket, &["check"], 65),
    ];
    // The measure's heading is quoted, not put mid-sentence as a noun.
    let range = run(&personal, "nn", range_args).code(2);
    assert!(
        range
            .stderr
            .contains("= tips: gje eit tal frå 0 til 744 for «Per familie» (timar per månad)"),
        "{}",
        range.stderr
    );
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
    let ws = sprint();
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
    let nn = ws.run(&["--lang", "nn", "done", "nosuch"]).code(2);
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
        cmd.current_dir(ws.dir())
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
    let (ws, _) = Sprint::made(&[
        "new-sprint",
        "ws",
        "--yes",
        "--start",
        "2027-01-04",
        "--weekday",
        "Tirsdag",
    ]);
    let yaml = ws.read("samskap.yaml");
    assert!(yaml.contains("\nweekday: tue\n"), "{yaml}");
    ws.run(&[
        "solution",
        "new",
        "-g",
        "gruppe-1",
        "--title",
        "Felles plan",
        "--status",
        "idé",
    ])
    .ok();
    let solutions = ws.read("groups/gruppe-1/solutions.yaml");
    assert!(solutions.contains("status: idea"), "{solutions}");
}

#[test]
fn the_schema_beside_samskap_yaml_helps_in_the_sprint_s_language() {
    let tmp = tempfile::tempdir().unwrap();
    let schema = |lang: &str| -> serde_json::Value {
        let dir = format!("ws-{lang}");
        samskap_in(
            tmp.path(),
            &[
                "new-sprint",
                &dir,
                "--yes",
                "--start",
                "2027-01-04",
                "--lang",
                lang,
            ],
        )
        .ok();
        let text =
            std::fs::read_to_string(tmp.path().join(dir).join("samskap.schema.json")).unwrap();
        serde_json::from_str(&text).unwrap()
    };
    let description = |schema: &serde_json::Value, pointer: &str| -> String {
        schema
            .pointer(pointer)
            .and_then(|d| d.as_str())
            .unwrap_or_else(|| panic!("no {pointer}"))
            .to_owned()
    };
    let nn = schema("nn");
    assert_eq!(
        description(&nn, "/properties/weekday/description"),
        "Vekedagen øktene blir haldne på: måndag, tysdag, onsdag, torsdag eller fredag (eller mon, tue, wed, thu, fri)."
    );
    assert_eq!(
        description(&nn, "/properties/groups/description"),
        "Arbeidsgruppene."
    );
    assert_eq!(
        description(&nn, "/$defs/GroupFile/properties/members/description"),
        "Dei tilsette i gruppa (namn går fint her: dei er tilsette, ikkje innbyggjarar)."
    );
    assert!(
        description(&nn, "/properties/breaks/description").starts_with("Pausar: skuleferiar"),
        "{nn}"
    );
    assert_eq!(
        description(&nn, "/title"),
        "sprintfil for samskap (samskap.yaml)"
    );
    let nb = schema("nb");
    assert!(
        description(&nb, "/properties/breaks/description").starts_with("Pauser: skoleferier"),
        "{nb}"
    );
    let en = schema("en");
    assert!(
        description(&en, "/properties/breaks/description").starts_with("Breaks: school holidays"),
        "{en}"
    );
    // The schema is the same in every language but for its words, and
    // takes the Norwegian words samskap reads.
    let weekdays = |schema: &serde_json::Value| {
        schema
            .pointer("/$defs/Weekday/oneOf")
            .unwrap()
            .as_array()
            .unwrap()
            .len()
    };
    assert_eq!(weekdays(&nn), weekdays(&en));
    assert!(nn.to_string().contains("\"tysdag\""));
    // `workbook schema --sprint` follows --lang.
    let printed = samskap_in(
        tmp.path(),
        &["--lang", "nn", "workbook", "schema", "--sprint"],
    )
    .ok();
    let printed: serde_json::Value = serde_json::from_str(&printed.stdout).unwrap();
    assert_eq!(printed, nn);
    // And so does the workbook's schema.
    let workbook = samskap_in(tmp.path(), &["--lang", "nn", "workbook", "schema"]).ok();
    let workbook: serde_json::Value = serde_json::from_str(&workbook.stdout).unwrap();
    assert_eq!(
        description(&workbook, "/$defs/Step/properties/minutes/description"),
        "Kor lenge økta varer, i minutt."
    );
    assert_eq!(
        description(&workbook, "/$defs/StepKind/oneOf/0/description"),
        "Ei fasilitert arbeidsøkt."
    );
    // The schema `workbook export` writes beside the files is that one.
    samskap_in(tmp.path(), &["--lang", "nn", "workbook", "export", "wb"]).ok();
    let exported = std::fs::read_to_string(tmp.path().join("wb/workbook.schema.json")).unwrap();
    let exported: serde_json::Value = serde_json::from_str(&exported).unwrap();
    assert_eq!(exported, workbook);
}

#[test]
fn files_samskap_writes_have_their_header_in_the_sprints_language_and_old_headers_still_read() {
    let tmp = tempfile::tempdir().unwrap();
    let args = [
        "new-sprint",
        "ws",
        "--yes",
        "--start",
        "2026-10-05",
        "--lang",
        "nn",
    ];
    samskap_in(tmp.path(), &args).ok();
    let ws = tmp.path().join("ws");
    let step = "diagnose-oppstart-styringsgruppe";
    samskap_in(&ws, &["move", step, "--date", "2026-10-08"]).ok();
    samskap_in(&ws, &["calendar", "-o", "cal.ics"]).ok();
    samskap_in(&ws, &["done", step, "--date", "2026-10-08"]).ok();
    // Words of bokmål or English that the nynorsk headers do not have.
    let foreign = [
        "skrives",
        "ikke",
        "hva",
        "dere",
        "deres",
        "fremdriften",
        "økter",
        "made",
        "written",
        "the",
        "real",
        "files",
    ];
    for (file, nynorsk) in [
        ("progress.yaml", "Framdrifta i sprinten"),
        ("schedule.yaml", "Samlingar som er flytte"),
        ("calendar-sent.yaml", "Kva samskap sist skreiv"),
        (".gitignore", "Laga av samskap"),
    ] {
        let text = std::fs::read_to_string(ws.join(file)).unwrap();
        assert!(text.starts_with(&format!("# {nynorsk}")), "{file}:\n{text}");
        let comments: Vec<&str> = text.lines().filter(|l| l.starts_with('#')).collect();
        for word in words(&comments.join("\n")) {
            assert!(
                !foreign.contains(&word.as_str()),
                "{file}: `{word}` in\n{text}"
            );
        }
    }
    // A file with the headers of earlier versions reads as before.
    let progress = ws.join("progress.yaml");
    let text = std::fs::read_to_string(&progress).unwrap();
    let body: String = text
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| format!("{l}\n"))
        .collect();
    let old = "# Fremdriften i sprinten. Fila skrives av samskap: bruk `samskap done`.\n\
               # The sprint's progress. Written by samskap: use `samskap done`.\n";
    std::fs::write(&progress, format!("{old}{body}")).unwrap();
    let check = samskap_in(&ws, &["--lang", "en", "check"]).ok();
    assert!(check.stdout.contains("1 marked done"), "{}", check.stdout);
}

#[test]
fn next_suggests_file_names_in_the_language_of_the_rest() {
    let tmp = tempfile::tempdir().unwrap();
    let args = ["new-sprint", "ws", "--yes", "--start", "2027-01-04"];
    samskap_in(tmp.path(), &args).ok();
    let ws = tmp.path().join("ws");
    let step = "diagnose-oppstart-styringsgruppe";
    for (lang, file, foreign) in [
        ("nb", "deltakere", "deltakarar"),
        ("nn", "deltakarar", "deltakere"),
        ("en", "participants", "deltakere"),
    ] {
        let next = run(&ws, lang, &["next", "--today", "2027-01-04"]).ok();
        let line = format!("--participant -o out/agenda-{step}-{file}.html\n");
        assert!(next.stdout.contains(&line), "{lang}:\n{}", next.stdout);
        assert!(!next.stdout.contains(foreign), "{lang}:\n{}", next.stdout);
    }
}

#[test]
fn assess_names_statements_and_scores_alike_in_its_help_and_its_errors() {
    let tmp = tempfile::tempdir().unwrap();
    let args = ["new-sprint", "ws", "--yes", "--start", "2027-01-04"];
    samskap_in(tmp.path(), &args).ok();
    let ws = tmp.path().join("ws");
    for (lang, statement, score, other) in [
        ("nb", "påstand", "skår", ["utsagn", "score"]),
        ("nn", "påstand", "skåre", ["utsegn", "score"]),
    ] {
        let help = run(&ws, lang, &["assess", "--help"]).ok();
        let none = run(&ws, lang, &["assess", "--leader", "L"]).code(2);
        let unknown = run(&ws, lang, &["assess", "--leader", "L", "--score", "a=3"]).code(2);
        for text in [&help.stdout, &none.stderr, &unknown.stderr] {
            for word in other {
                // The flag is `--score` in every language.
                let prose = text.replace("--score", "").to_lowercase();
                assert!(!prose.contains(word), "{lang}: {word} in\n{text}");
            }
        }
        assert!(help.stdout.contains("PÅSTAND=N"), "{}", help.stdout);
        assert!(help.stdout.contains(score), "{}", help.stdout);
        let each = if lang == "nb" { "hver" } else { "kvar" };
        let hint = format!("--score PÅSTAND=N for {each} {statement}");
        assert!(none.stderr.contains(&hint), "{}", none.stderr);
        assert!(
            unknown.stderr.contains(&format!("{statement} `a`")),
            "{}",
            unknown.stderr
        );
    }
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

/// Words only bokmål writes (nynorsk: ikkje, kva, kvar, korleis, nokon,
/// frå, berre, sjølv, utan, veke, manglar, samlingar, løysingar).
const BOKMAL_ONLY: &[&str] = &[
    "ikke",
    "hva",
    "hvor",
    "hvordan",
    "noen",
    "fra",
    "bare",
    "selv",
    "uten",
    "uke",
    "uker",
    "ennå",
    "mangler",
    "samlinger",
    "løsninger",
    "hver",
    "hvert",
    "navn",
    "ble",
    "laget",
];

/// The words a reader sees on an HTML page, without tags and attributes.
fn visible_words(html: &str) -> Vec<String> {
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                text.push(' ');
            }
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn build_site(ws: &Path, lang: &str) -> PathBuf {
    let site = ws.join(format!("site-{lang}"));
    samskap_in(
        ws,
        &[
            "--lang",
            lang,
            "build",
            "-o",
            site.to_str().unwrap(),
            "--today",
            "2027-02-23",
        ],
    )
    .ok();
    site
}

#[test]
fn a_sprint_in_nynorsk_builds_pages_in_nynorsk_that_pass_vnu_and_axe() {
    let ws = Sprint::example("varen-2027");
    // The example says `lang: nb`.
    ws.replace("\nlang: nb\n", "\nlang: nn\n");
    // The sprint's `lang: nn` chooses the language: no --lang.
    let site = ws.join("site");
    ws.run(&[
        "build",
        "-o",
        site.to_str().unwrap(),
        "--today",
        "2027-02-23",
    ])
    .ok();
    // What the sprint's people wrote (the challenge, solutions, quotes) is
    // the same in every language; what samskap and the workbook write is
    // not. Words of a nynorsk page that its English twin lacks are
    // samskap's, and must be nynorsk.
    let english = build_site(&ws, "en");
    let pages = html_files(&site);
    assert!(pages.len() >= 10, "{} pages", pages.len());
    let mut weekdays = 0;
    for page in &pages {
        let html = std::fs::read_to_string(page).unwrap();
        assert!(html.contains("<html lang=\"nn\""), "{}", page.display());
        let words = visible_words(&html);
        let twin = english.join(page.strip_prefix(&site).unwrap());
        let twin = visible_words(&std::fs::read_to_string(&twin).unwrap());
        let ours: Vec<&String> =
            similar::capture_diff_slices(similar::Algorithm::Myers, &twin, &words)
                .iter()
                .filter(|op| op.tag() != similar::DiffTag::Equal)
                .flat_map(|op| op.new_range())
                .map(|i| &words[i])
                .collect();
        assert!(
            !ours.is_empty(),
            "{} reads as its English twin",
            page.display()
        );
        let bokmal: Vec<&&String> = ours
            .iter()
            .filter(|w| BOKMAL_ONLY.contains(&w.as_str()))
            .collect();
        assert!(
            bokmal.is_empty(),
            "bokmål words {bokmal:?} in {}",
            page.display()
        );
        weekdays += words.iter().filter(|w| *w == "tysdag").count();
        assert!(!words.iter().any(|w| w == "tirsdag"), "{}", page.display());
    }
    // The sessions fall on Tuesdays: "tysdag 12. januar 2027".
    assert!(weekdays > 0, "no nynorsk weekday in the pages");
    let index = std::fs::read_to_string(site.join("index.html")).unwrap();
    assert!(index.contains("tysdag 23. februar 2027"), "{index}");
    assert!(index.contains("Kvar står sprinten?"), "{index}");
    passes_vnu_and_axe(&pages);
}

//! The gate on what leaves: every document is scanned as its reader sees
//! it (HTML text, title and attributes; calendar values unfolded and
//! unescaped; Word paragraphs joined), findings are named at their source,
//! and --redact replaces values at their source so every place shows the
//! marker.

mod common;

use std::path::{Path, PathBuf};

use common::{Sprint, samskap_in, snapshot_tree};

/// Replaces the first line of samskap.yaml starting with `key:`.
fn set(ws: &Path, key: &str, value: &str) {
    let path = ws.join("samskap.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    let mut done = false;
    let lines: Vec<String> = text
        .lines()
        .map(|l| {
            if !done && l.starts_with(&format!("{key}:")) {
                done = true;
                format!("{key}: {value}")
            } else {
                l.to_owned()
            }
        })
        .collect();
    let mut text = lines.join("\n") + "\n";
    if !done {
        text.push_str(&format!("{key}: {value}\n"));
    }
    std::fs::write(&path, text).unwrap();
}

/// Sets the first group's name.
fn set_group_name(ws: &Path, value: &str) {
    let path = ws.join("samskap.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    let at = text.find("    name: ").expect("a group name");
    let end = at + text[at..].find('\n').unwrap();
    let text = format!("{}    name: {value}{}", &text[..at], &text[end..]);
    std::fs::write(&path, text).unwrap();
}

/// Every file under `dir` as its reader would see it, by path.
fn read_back(dir: &Path) -> Vec<(PathBuf, String)> {
    snapshot_tree(dir)
        .into_iter()
        .map(|(path, bytes)| {
            let text = if path.extension().is_some_and(|x| x == "docx") {
                docx_text(&dir.join(&path))
            } else if path.extension().is_some_and(|x| x == "ics") {
                ics_text(&String::from_utf8_lossy(&bytes))
            } else {
                String::from_utf8_lossy(&bytes).into_owned()
            };
            (path, text)
        })
        .collect()
}

/// A Word file's paragraphs and table cells, as python-docx reads them.
fn docx_text(path: &Path) -> String {
    let out = std::process::Command::new("python3")
        .args([
            "-c",
            "import sys, docx\nd = docx.Document(sys.argv[1])\nprint('\\n'.join(p.text for p in d.paragraphs))\nfor t in d.tables:\n    for r in t.rows:\n        print(' '.join(c.text for c in r.cells))",
            path.to_str().unwrap(),
        ])
        .output()
        .expect("python3 with python-docx");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A calendar unfolded and unescaped, as a calendar program shows it.
fn ics_text(text: &str) -> String {
    text.replace("\r\n ", "")
        .replace("\\n", "\n")
        .replace("\\,", ",")
        .replace("\\;", ";")
        .replace("\\\\", "\\")
}

#[test]
fn the_sprint_name_in_titles_headers_and_footers_is_refused_at_its_line() {
    let ws = Sprint::new_sprint();
    set(&ws, "name", "\"Våren 2027 ring Tuva Nordmann 41234567\"");
    let run = samskap_in(
        &ws,
        &[
            "agenda",
            "utforske-uke-2-intervju",
            "--group",
            "gruppe-1",
            "-o",
            "a.html",
        ],
    )
    .code(65);
    assert!(run.stderr.contains("samskap.yaml:"), "{}", run.stderr);
    assert!(run.stderr.contains("--redact"), "{}", run.stderr);
    assert!(!ws.join("a.html").exists());
    // With --redact the title, header and footer show the marker.
    samskap_in(
        &ws,
        &[
            "agenda",
            "utforske-uke-2-intervju",
            "--group",
            "gruppe-1",
            "--redact",
            "-o",
            "a.html",
        ],
    )
    .ok();
    let html = std::fs::read_to_string(ws.join("a.html")).unwrap();
    assert!(!html.contains("41234567"), "{html}");
    let header = &html[html.find("<header>").unwrap()..html.find("</header>").unwrap()];
    assert!(header.contains("[telefonnummer fjernet]"), "{header}");
    let footer = &html[html.find("<footer>").unwrap()..html.find("</footer>").unwrap()];
    assert!(
        footer.contains("[navn fjernet]") || footer.contains("[telefonnummer fjernet]"),
        "{footer}"
    );
}

#[test]
fn a_group_name_with_a_number_is_refused_and_redacted_in_every_title() {
    let ws = Sprint::new_sprint();
    set_group_name(&ws, "Gruppe Tuva 412 34 567");
    let run = samskap_in(&ws, &["interview-guide", "--group", "gruppe-1"]).code(65);
    assert!(run.stderr.contains("samskap.yaml:"), "{}", run.stderr);
    samskap_in(&ws, &["build"]).code(65);
    samskap_in(&ws, &["build", "--redact"]).ok();
    for (path, text) in read_back(&ws.join("out")) {
        assert!(
            !text.contains("412 34 567") && !text.contains("41234567"),
            "{} has the number",
            path.display()
        );
    }
    let guide = std::fs::read_to_string(ws.join("out/interview-guide-gruppe-1.html")).unwrap();
    assert!(guide.contains("<title>") && guide.contains("[telefonnummer fjernet]"));
}

#[test]
fn a_calendar_value_folded_or_escaped_in_the_file_is_seen_whole() {
    let ws = Sprint::new_sprint();
    // Long enough that the number is folded across two lines of the file.
    set(
        &ws,
        "place",
        "\"Bydelshuset, 3. etasje, møterom Solsikken, ring vakt 41234567\"",
    );
    let run = samskap_in(&ws, &["calendar"]).code(65);
    assert!(run.stderr.contains("samskap.yaml:"), "{}", run.stderr);
    // A line break in a value is `\n` in the file: the next line's start
    // is not glued to an `n`.
    set(&ws, "place", "\"Bydelshuset\\n41234567\"");
    samskap_in(&ws, &["calendar"]).code(65);
    set(&ws, "place", "\"Bydelshuset\\nTuva Nordmann\"");
    std::fs::create_dir_all(ws.join("private")).unwrap();
    std::fs::write(ws.join("private/names.txt"), "Tuva Nordmann\n").unwrap();
    samskap_in(&ws, &["calendar"]).code(65);
}

#[test]
fn redacted_e_mail_with_an_underscore_goes_whole() {
    let ws = Sprint::new_sprint();
    samskap_in(
        &ws,
        &[
            "solution",
            "new",
            "--group",
            "gruppe-1",
            "--title",
            "Felles plan",
            "--description",
            "Skriv til tuva_nordmann@example.no.",
            "--yes",
        ],
    )
    .ok();
    samskap_in(&ws, &["report"]).code(65);
    let md = samskap_in(&ws, &["report", "--redact"]).ok().stdout;
    assert!(!md.contains("tuva") && !md.contains("nordmann"), "{md}");
    assert!(md.contains("[e-postadresse fjernet]"), "{md}");
}

#[test]
fn an_export_refuses_when_records_cannot_be_read() {
    let ws = Sprint::new_sprint();
    let notes = ws.join("groups/gruppe-1/interviews");
    std::fs::create_dir_all(&notes).unwrap();
    std::fs::write(notes.join("2027-02-01-x.md"), "---\npseudonym: [\n---\n").unwrap();
    for args in [
        &["agenda", "--week", "1"][..],
        &["interview-guide", "--group", "gruppe-1"],
        &["calendar"],
        &["report"],
        &["build"],
    ] {
        let run = samskap_in(&ws, args).code(65);
        assert!(
            run.stderr.contains("2027-02-01-x.md"),
            "{args:?}: {}",
            run.stderr
        );
    }
}

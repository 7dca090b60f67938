//! The documents as their readers' programs see them: the example's report
//! in Word through pandoc and python-docx, and PDFs through pdftotext.

mod common;

use std::path::PathBuf;

use common::{root, samskap_env, samskap_in, validator};

fn example() -> PathBuf {
    root().join("examples/varen-2027")
}

/// Whitespace folded, so that text wrapped by pandoc compares equal.
fn folded(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_example_report_in_word_survives_pandoc_and_python_docx() {
    let dir = tempfile::tempdir().unwrap();
    let docx = dir.path().join("report.docx");
    samskap_in(
        &example(),
        &[
            "report",
            "--today",
            "2027-05-10",
            "-o",
            docx.to_str().unwrap(),
        ],
    )
    .ok();
    let plain = folded(&validator(
        "pandoc",
        &["-f", "docx", "-t", "plain", "--wrap=none"],
        std::slice::from_ref(&docx),
    ));
    // Every solution's title, from the registers themselves.
    let titles = validator(
        "python3",
        &[
            "-c",
            "import sys, glob\nfrom ruamel.yaml import YAML\nfor f in sorted(glob.glob(sys.argv[1] + '/groups/*/solutions.yaml')):\n    for s in YAML(typ='safe').load(open(f))['solutions']:\n        print(s['title'])\n",
            example().to_str().unwrap(),
        ],
        &[],
    );
    assert!(titles.lines().count() >= 5, "{titles}");
    for title in titles.lines() {
        assert!(plain.contains(&folded(title)), "{title} missing:\n{plain}");
    }
    // What python-docx sees: every table's header row repeats, every list
    // paragraph is numbered by Word, the title and language are set, and
    // the chart is a picture with alt text.
    let script = "import sys, docx\nfrom docx.oxml.ns import qn\nd = docx.Document(sys.argv[1])\n\
print('title', d.core_properties.title, d.core_properties.language)\n\
for t in d.tables:\n    tr = t.rows[0]._tr\n    print('table', tr.trPr is not None and tr.trPr.find(qn('w:tblHeader')) is not None, len(t.columns))\n    for r in t.rows:\n        for c in r.cells:\n            print('cell', c.text)\n\
for p in d.paragraphs:\n    if p.style.name == 'List Paragraph':\n        print('list', p._p.pPr is not None and p._p.pPr.numPr is not None, p.text)\n    if '\\u2022' in p.text:\n        print('typed bullet', p.text)\n\
for s in d.inline_shapes:\n    print('picture', s._inline.docPr.get('descr'))\n";
    let seen = validator("python3", &["-c", script], std::slice::from_ref(&docx));
    assert!(
        seen.contains("title Sluttrapport: Våren 2027 nb-NO"),
        "{seen}"
    );
    let tables: Vec<&str> = seen.lines().filter(|l| l.starts_with("table ")).collect();
    assert!(tables.len() >= 8, "{seen}");
    assert!(
        tables.iter().all(|t| t.starts_with("table True ")),
        "{seen}"
    );
    let lists: Vec<&str> = seen.lines().filter(|l| l.starts_with("list ")).collect();
    assert!(lists.len() >= 5, "{seen}");
    assert!(lists.iter().all(|l| l.starts_with("list True ")), "{seen}");
    assert!(!seen.contains("typed bullet"), "{seen}");
    assert!(
        seen.contains("picture Vurdering av samskapingsmodellen (snitt, 1–5). Felles forståelse"),
        "{seen}"
    );
    // Every cell of every table is in pandoc's text: none is dropped.
    let cells: Vec<&str> = seen
        .lines()
        .filter_map(|l| l.strip_prefix("cell "))
        .collect();
    assert!(
        cells.iter().any(|c| c.contains("Koordinatoravtale")),
        "{seen}"
    );
    for cell in cells {
        assert!(
            plain.contains(&folded(cell)),
            "cell {cell:?} missing:\n{plain}"
        );
    }
}

/// The browser the test script installs (Debian's chromium).
fn browser() -> (&'static str, &'static str) {
    ("SAMSKAP_BROWSER", "/usr/bin/chromium")
}

#[test]
fn the_example_report_in_pdf_has_its_headings_and_page_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("r.pdf");
    samskap_env(
        &example(),
        &[
            "report",
            "--today",
            "2027-05-10",
            "-o",
            pdf.to_str().unwrap(),
        ],
        &[browser()],
    )
    .ok();
    let text = validator(
        "pdftotext",
        &["-layout"],
        &[pdf.clone(), dir.path().join("r.txt")],
    );
    assert!(text.is_empty(), "{text}");
    let text = std::fs::read_to_string(dir.path().join("r.txt")).unwrap();
    let pages = text.matches('\u{c}').count();
    assert!(pages >= 5, "{pages} pages");
    for heading in [
        "Sluttrapport: Våren 2027",
        "Hva er gjort",
        "Løsninger",
        "Anbefalinger og neste steg",
    ] {
        assert!(text.contains(heading), "{heading}:\n{text}");
    }
    // Every page: the title in the running header, "side N av M" below.
    for n in 1..=pages {
        assert!(
            text.contains(&format!("side {n} av {pages}")),
            "side {n} av {pages}:\n{text}"
        );
    }
    assert!(
        text.matches("Sluttrapport: Våren 2027").count() > pages,
        "{text}"
    );
    // In English, "page N of M".
    let en = dir.path().join("en.pdf");
    samskap_env(
        &example(),
        &[
            "--lang",
            "en",
            "interview-guide",
            "--group",
            "gruppe-1",
            "-o",
            en.to_str().unwrap(),
        ],
        &[browser()],
    )
    .ok();
    let text = validator("pdftotext", &[], &[en, PathBuf::from("-")]);
    assert!(text.contains("page 1 of "), "{text}");
}

#[test]
fn pdf_without_a_browser_exits_69_naming_what_to_install() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("bin");
    std::fs::create_dir(&empty).unwrap();
    let pdf = dir.path().join("r.pdf");
    let run = samskap_env(
        &example(),
        &["report", "--format", "pdf", "-o", pdf.to_str().unwrap()],
        &[("PATH", empty.to_str().unwrap()), ("SAMSKAP_BROWSER", "")],
    )
    .code(69);
    assert!(
        run.stderr.contains("nettleser i Chromium-familien"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("apt install chromium"),
        "{}",
        run.stderr
    );
    assert!(!pdf.exists());
    // A named browser that is not there is named in the error.
    let run = samskap_env(
        &example(),
        &[
            "interview-guide",
            "--group",
            "gruppe-1",
            "-o",
            pdf.to_str().unwrap(),
        ],
        &[("SAMSKAP_BROWSER", "/nowhere/chrome")],
    )
    .code(69);
    assert!(run.stderr.contains("/nowhere/chrome"), "{}", run.stderr);
    // build says that it made no PDF, and makes everything else (in a
    // copy: build records the calendar it wrote in the sprint's folder).
    let site = dir.path().join("site");
    let sprint = common::Sprint::example_as("varen-2027", "example");
    let run = samskap_in(
        &sprint,
        &[
            "build",
            "--today",
            "2027-05-10",
            "-o",
            site.to_str().unwrap(),
        ],
    )
    .ok();
    assert!(
        run.stderr.contains("report.pdf ble ikke laget"),
        "{}",
        run.stderr
    );
    assert!(site.join("report.docx").exists() && !site.join("report.pdf").exists());
}

#[test]
fn build_prints_the_report_to_pdf_when_a_browser_is_there() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    // A copy: build records the calendar it wrote in the sprint's folder.
    let sprint = common::Sprint::example_as("varen-2027", "example");
    let run = samskap_env(
        &sprint,
        &[
            "build",
            "--today",
            "2027-05-10",
            "-o",
            site.to_str().unwrap(),
        ],
        &[browser()],
    )
    .ok();
    assert!(!run.stderr.contains("report.pdf"), "{}", run.stderr);
    let text = validator(
        "pdftotext",
        &[],
        &[site.join("report.pdf"), PathBuf::from("-")],
    );
    assert!(text.contains("side 1 av "), "{text}");
    let index = std::fs::read_to_string(site.join("index.html")).unwrap();
    assert!(index.contains("href=\"report.pdf\""), "{index}");
}

/// The headings of a Markdown document at `level` (`## ` …).
fn headings<'a>(md: &'a str, level: &str) -> Vec<&'a str> {
    md.lines().filter_map(|l| l.strip_prefix(level)).collect()
}

#[test]
fn interview_guides_hold_the_chosen_topics_and_fit_the_minutes() {
    let run = samskap_in(
        &example(),
        &[
            "interview-guide",
            "--group",
            "gruppe-2",
            "--topics",
            "overganger,det-som-fungerer",
            "--minutes",
            "60",
        ],
    )
    .ok();
    let md = run.stdout;
    let topics = [
        "Hverdag og tid",
        "Kontakt med tjenestene",
        "Koordinator og ansvarsgruppe",
        "Overganger",
        "Det som fungerer",
        "Nettverk og informasjon",
    ];
    let shown: Vec<&str> = headings(&md, "## ")
        .into_iter()
        .filter(|h| topics.contains(h))
        .collect();
    assert_eq!(shown, ["Overganger", "Det som fungerer"], "{md}");
    // Warm-up and closing are kept.
    assert!(
        md.contains("## Oppvarming") && md.contains("## Avslutning"),
        "{md}"
    );
    assert!(md.contains("| **Sum** | **"), "{md}");
    // Every group's guide from the example: the sum of its time plan
    // within the declared 45 minutes, and as many main questions under the
    // topics as the plan says.
    for group in ["gruppe-1", "gruppe-2", "gruppe-3", "gruppe-4", "gruppe-5"] {
        let md = samskap_in(&example(), &["interview-guide", "--group", group])
            .ok()
            .stdout;
        let sum: u16 = md
            .split("| **Sum** | **")
            .nth(1)
            .and_then(|rest| rest.split("**").next())
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("no sum in\n{md}"));
        assert!(sum <= 45, "{group}: {sum} minutes\n{md}");
        let claimed: usize = md
            .lines()
            .find_map(|l| {
                l.strip_prefix("| ")
                    .and_then(|l| l.split(" hovedspørsmål").next()?.parse().ok())
            })
            .unwrap_or_else(|| panic!("no question count in\n{md}"));
        let mut counted = 0;
        let mut in_topic = false;
        for line in md.lines() {
            if let Some(h) = line.strip_prefix("## ") {
                in_topic = topics.contains(&h);
            } else if in_topic
                && line
                    .split_once(". ")
                    .is_some_and(|(n, _)| n.parse::<u32>().is_ok())
            {
                counted += 1;
            }
        }
        assert_eq!(counted, claimed, "{group}:\n{md}");
        assert!((8..=10).contains(&claimed), "{group}: {claimed}");
    }
    // The group's topics in samskap.yaml come first in its guide.
    let md = samskap_in(&example(), &["interview-guide", "--group", "gruppe-1"])
        .ok()
        .stdout;
    let shown: Vec<&str> = headings(&md, "## ")
        .into_iter()
        .filter(|h| topics.contains(h))
        .collect();
    assert_eq!(
        shown,
        [
            "Koordinator og ansvarsgruppe",
            "Hverdag og tid",
            "Det som fungerer"
        ],
        "{md}"
    );
    // An unknown topic is refused with the ones there are.
    let run = samskap_in(
        &example(),
        &[
            "--lang",
            "en",
            "interview-guide",
            "--group",
            "gruppe-1",
            "--topics",
            "overgangar",
        ],
    )
    .code(2);
    assert!(
        run.stderr.contains("did you mean `overganger`"),
        "{}",
        run.stderr
    );
}

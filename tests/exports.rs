//! The documents as their readers' programs see them: the example's report
//! in Word through pandoc and python-docx, and PDFs through pdftotext.

mod common;

use std::path::PathBuf;

use common::{root, samskap_in, validator};

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
    assert!(seen.contains("picture Ledernes vurdering"), "{seen}");
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

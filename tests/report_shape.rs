//! The report's shape as a leader meets it: the summary first, before any
//! table; a table of contents whose links lead to the sections (in HTML)
//! and real headings in Word; the process log last, as an appendix.

mod common;

use std::path::PathBuf;

use common::{root, samskap_in, validator};

fn example() -> PathBuf {
    root().join("examples/varen-2027")
}

fn report(args: &[&str]) -> String {
    let mut all = vec!["report", "--today", "2027-05-10"];
    all.extend_from_slice(args);
    samskap_in(&example(), &all).ok().stdout
}

/// The `## ` headings of a Markdown report, in order.
fn sections(markdown: &str) -> Vec<&str> {
    markdown
        .lines()
        .filter_map(|l| l.strip_prefix("## "))
        .collect()
}

#[test]
fn the_summary_comes_first_and_before_the_first_table() {
    for (lang, summary, contents, appendix) in [
        ("nb", "Sammendrag", "Innhold", "Vedlegg: "),
        ("nn", "Samandrag", "Innhald", "Vedlegg: "),
        ("en", "Summary", "Contents", "Appendix: "),
    ] {
        let md = report(&["--lang", lang]);
        let order = sections(&md);
        assert_eq!(order[0], summary, "{lang}: {order:?}");
        assert_eq!(order[1], contents, "{lang}: {order:?}");
        // The process log is the appendix, after every finding.
        assert!(
            order.last().is_some_and(|s| s.starts_with(appendix)),
            "{lang}: {order:?}"
        );
        let summary_at = md.find(&format!("## {summary}")).unwrap();
        let first_table = md.find("\n|").unwrap();
        assert!(summary_at < first_table, "{lang}");
        // The summary holds the challenge, figures, themes, solutions and
        // recommendations, on about one page.
        let part = &md[summary_at..md.find(&format!("## {contents}")).unwrap()];
        assert!(part.lines().count() < 45, "{lang}: {part}");
        assert!(
            !part.contains('|'),
            "{lang}: a table in the summary:\n{part}"
        );
    }
    let md = report(&[]);
    let summary = &md[md.find("## Sammendrag").unwrap()..md.find("## Innhold").unwrap()];
    for wanted in [
        "**Utfordringen:** Hvordan kan vi frigjøre tid",
        "- 22 intervjuer med samtykke, 21 av dem også med samtykke til sitater",
        "- Anslått effekt av alle løsningene: Per familie 21,5 timer per måned; Ansatte 14,5 timer per måned",
        "- Tid (17 intervjuer i 5 grupper)",
        "- «Bydelen møter familien før utskrivning fra sykehuset» (Trygge overganger, prototyp): Per familie 4 timer per måned",
        "- Ta i bruk «Koordinatoravtale – én side om hvem som gjør hva» (testet; Leder for koordinerende enhet).",
        "Mer i «Anbefalinger og neste steg».",
    ] {
        assert!(summary.contains(wanted), "{wanted}:\n{summary}");
    }
}

#[test]
fn the_contents_link_every_section_in_html() {
    let md = report(&[]);
    let html = report(&["--format", "html"]);
    let contents = &md[md.find("## Innhold").unwrap()..];
    let links: Vec<(&str, &str)> = contents
        .lines()
        .skip(1)
        .skip_while(|l| l.is_empty())
        .take_while(|l| l.starts_with("- ["))
        .filter_map(|l| {
            let (title, rest) = l.strip_prefix("- [")?.split_once("](#")?;
            Some((title, rest.strip_suffix(')')?))
        })
        .collect();
    // Every section after the contents, and nothing else.
    let after: Vec<&str> = sections(&md).into_iter().skip(2).collect();
    let titles: Vec<&str> = links.iter().map(|(t, _)| *t).collect();
    assert_eq!(titles, after);
    for (title, anchor) in links {
        let heading = format!("<h2 id=\"{anchor}\">{title}</h2>");
        assert!(html.contains(&heading), "{heading}");
        // The link is percent-encoded, as a browser matches it to the id.
        let encoded: String = anchor
            .bytes()
            .map(|b| {
                if b.is_ascii() {
                    char::from(b).to_string()
                } else {
                    format!("%{b:02X}")
                }
            })
            .collect();
        assert!(html.contains(&format!("href=\"#{encoded}\"")), "{encoded}");
    }
}

#[test]
fn word_has_the_summary_first_and_the_sections_as_headings() {
    let dir = tempfile::tempdir().unwrap();
    let docx = dir.path().join("r.docx");
    report(&["-o", docx.to_str().unwrap()]);
    let script = "import sys, docx\nd = docx.Document(sys.argv[1])\nbody = d.element.body\nfor el in body.iterchildren():\n    tag = el.tag.split('}')[1]\n    if tag == 'tbl':\n        print('TABLE')\n    elif tag == 'p':\n        p = docx.text.paragraph.Paragraph(el, d)\n        if p.style.name.startswith('Heading'):\n            print(p.style.name + '|' + p.text)\nfor t in body.iter('{http://schemas.openxmlformats.org/wordprocessingml/2006/main}instrText'):\n    print('FIELD|' + t.text.strip())\nfor u in d.settings.element.iter('{http://schemas.openxmlformats.org/wordprocessingml/2006/main}updateFields'):\n    print('UPDATE|' + u.get('{http://schemas.openxmlformats.org/wordprocessingml/2006/main}val'))\n";
    let out = validator("python3", &["-c", script], std::slice::from_ref(&docx));
    let lines: Vec<&str> = out.lines().collect();
    let at = |wanted: &str| {
        lines
            .iter()
            .position(|l| *l == wanted)
            .unwrap_or_else(|| panic!("{wanted}:\n{out}"))
    };
    let first_table = lines.iter().position(|l| *l == "TABLE").unwrap();
    assert!(at("Heading 2|Sammendrag") < first_table, "{out}");
    assert!(
        at("Heading 2|Innhold") < at("Heading 2|Innsikt etter tema"),
        "{out}"
    );
    // The contents are Word's own field, which Word can update with page numbers.
    assert!(out.contains("FIELD|TOC \\o \"1-2\" \\h"), "{out}");
    // Word fills in the contents' page numbers when it opens the report.
    assert!(out.contains("UPDATE|true"), "{out}");
    let last_heading2 = lines
        .iter()
        .rposition(|l| l.starts_with("Heading 2|"))
        .unwrap();
    assert_eq!(
        lines[last_heading2], "Heading 2|Vedlegg: Hva er gjort",
        "{out}"
    );
}

//! The report's themes, as a leader reads them: headed by the vocabulary's
//! labels, ordered by how many interviews carry them, each quote once under
//! the theme of its own part of the note; and `check`'s did-you-mean for a
//! tag the vocabulary does not know.

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use common::{Sprint, root, samskap_in};

fn example() -> PathBuf {
    root().join("examples/varen-2027")
}

/// The built-in vocabulary's labels in `lang`.
fn labels(lang: &str) -> BTreeSet<String> {
    let text = std::fs::read_to_string(root().join("workbook/tags.yaml")).unwrap();
    let file: serde_json::Value = serde_saphyr::from_str(&text).unwrap();
    file["tags"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["label"][lang].as_str().unwrap().to_owned())
        .collect()
}

/// The `### ` headings of the insights section, and its quotes.
fn insights(report: &str, heading: &str) -> (Vec<String>, Vec<String>) {
    let start = report
        .find(&format!("\n## {heading}\n"))
        .unwrap_or_else(|| panic!("no {heading}:\n{report}"));
    let section = &report[start + 1..];
    let end = section[3..].find("\n## ").map_or(section.len(), |e| e + 3);
    let section = &section[..end];
    let themes = section
        .lines()
        .filter_map(|l| l.strip_prefix("### "))
        .map(str::to_owned)
        .collect();
    let quotes = section
        .lines()
        .filter_map(|l| l.strip_prefix("> "))
        .filter(|q| !q.starts_with('—'))
        .map(str::to_owned)
        .collect();
    (themes, quotes)
}

fn report(dir: &Path, lang: &str) -> String {
    samskap_in(dir, &["report", "--today", "2027-05-10", "--lang", lang])
        .ok()
        .stdout
}

#[test]
fn the_example_report_has_no_quote_twice_in_any_language() {
    for (lang, heading) in [
        ("nb", "Innsikt etter tema"),
        ("nn", "Innsikt etter tema"),
        ("en", "Insights by theme"),
    ] {
        let text = report(&example(), lang);
        let (_, quotes) = insights(&text, heading);
        assert!(quotes.len() >= 15, "{lang}: {quotes:?}");
        let mut seen = BTreeSet::new();
        for q in &quotes {
            assert!(seen.insert(q), "{lang}: quoted twice: {q}");
        }
        // Nor anywhere else in the report.
        for q in &quotes {
            assert_eq!(text.matches(q.as_str()).count(), 1, "{lang}: {q}");
        }
    }
}

#[test]
fn every_theme_heading_is_a_label_of_the_vocabulary() {
    for (lang, heading) in [
        ("nb", "Innsikt etter tema"),
        ("nn", "Innsikt etter tema"),
        ("en", "Insights by theme"),
    ] {
        let known = labels(lang);
        let (themes, _) = insights(&report(&example(), lang), heading);
        assert_eq!(themes.len(), 10, "{lang}: {themes:?}");
        for theme in &themes {
            assert!(known.contains(theme), "{lang}: `{theme}` is no label");
        }
    }
}

#[test]
fn themes_are_ordered_by_interviews_with_counts_of_interviews_and_groups() {
    let text = report(&example(), "nb");
    let start = text.find("## Innsikt etter tema").unwrap();
    let counts: Vec<(usize, usize)> = text[start..]
        .lines()
        .take_while(|l| !l.starts_with("## Løsninger"))
        .filter_map(|l| l.strip_prefix('*')?.strip_suffix('*'))
        .filter_map(|l| {
            let (n, rest) = l.split_once(" intervju")?;
            let groups = rest.split(" i ").nth(1)?.split(' ').next()?;
            Some((n.parse().ok()?, groups.parse().ok()?))
        })
        .collect();
    assert_eq!(counts.len(), 10, "{text}");
    assert!(
        counts.windows(2).all(|w| w[0] >= w[1]),
        "not by interviews, then groups: {counts:?}"
    );
    // Tid is in 17 of the example's interviews, in all five groups.
    assert!(
        text.contains("### Tid\n\n*17 intervjuer i 5 grupper*"),
        "{text}"
    );
}

/// The example with one note of group 1 replaced by `note`.
fn with_note(note: &str) -> Sprint {
    let sprint = Sprint::example_as("varen-2027", "sprint");
    sprint.write("groups/gruppe-1/interviews/2027-02-22-lilje.md", note);
    sprint
}

#[test]
fn a_quote_is_under_the_theme_of_its_own_place_in_the_note() {
    let note = "---\npseudonym: Lilje\ndate: 2027-02-22\nconsent: given\ntags: [tid, sosken, tolk]\n---\n## Hverdag og tid\n\nMor forteller om søsknene.\n\n> «Jeg er egentlig den som ringer rundt.»\n\n## Nettverk og informasjon\n\n> «Jeg får brev jeg ikke kan lese.» #tolk\n";
    let sprint = with_note(note);
    let text = report(&sprint, "nb");
    let under = |quote: &str| {
        let at = text
            .find(quote)
            .unwrap_or_else(|| panic!("{quote}:\n{text}"));
        text[..at]
            .rfind("\n### ")
            .map(|h| text[h + 5..].lines().next().unwrap().to_owned())
    };
    // Under "Hverdag og tid": time, not siblings though the note has both.
    assert_eq!(
        under("«Jeg er egentlig den som ringer rundt.»").as_deref(),
        Some("Tid")
    );
    // A tag on the quote's line decides, and is not shown.
    assert_eq!(
        under("«Jeg får brev jeg ikke kan lese.»").as_deref(),
        Some("Tolk og språk")
    );
    assert!(!text.contains("lese.» #tolk"), "{text}");
}

#[test]
fn check_suggests_the_nearest_known_tag_where_an_unknown_one_is_written() {
    let note = "---\npseudonym: Lilje\ndate: 2027-02-22\nconsent: given\ntags: [tid, koordiantor, søsken]\n---\n## Hverdag og tid\n\nMor ringer rundt. #ansvarsgrupe #sykkel\n";
    let sprint = with_note(note);
    // The sprint is in bokmål, so check speaks bokmål.
    let run = samskap_in(&sprint, &["check"]).ok();
    let err = &run.stderr;
    let file = "groups/gruppe-1/interviews/2027-02-22-lilje.md";
    assert!(err.contains(&format!("{file}:5:13")), "{err}");
    assert!(err.contains("mente du `koordinator`?"), "{err}");
    assert!(err.contains(&format!("{file}:9:19")), "{err}");
    assert!(err.contains("mente du `ansvarsgruppe`?"), "{err}");
    // A new word is no slip: named, with no guess.
    assert!(
        err.contains("emneordet `sykkel` står ikke i arbeidsbokas emneordliste"),
        "{err}"
    );
    assert_eq!(err.matches("mente du").count(), 2, "{err}");
    // `søsken` is the vocabulary's `sosken`, written with its letter.
    assert!(!err.contains("`søsken`"), "{err}");
    assert!(run.stdout.starts_with("OK "), "{}", run.stdout);
}

#[test]
fn a_workbook_without_a_vocabulary_shows_tags_as_written() {
    let sprint = root().join("examples/eldre-2027");
    let text = samskap_in(&sprint, &["report", "--today", "2027-05-10"])
        .ok()
        .stdout;
    let (themes, quotes) = insights(&text, "Innsikt etter tema");
    assert!(themes.contains(&"ikke-til-bry".to_owned()), "{themes:?}");
    let unique: BTreeSet<&String> = quotes.iter().collect();
    assert_eq!(unique.len(), quotes.len(), "{quotes:?}");
    let run = samskap_in(&sprint, &["check"]).ok();
    assert!(
        !run.stderr.contains("vocabulary") && !run.stderr.contains("emneord"),
        "{}",
        run.stderr
    );
}

#[test]
fn workbook_check_refuses_a_tag_linked_to_an_unknown_topic() {
    let dir = tempfile::tempdir().unwrap();
    let wb = dir.path().join("wb");
    let target = wb.to_str().unwrap().to_owned();
    samskap_in(dir.path(), &["workbook", "export", &target]).ok();
    samskap_in(dir.path(), &["workbook", "check", &target]).ok();
    let tags = wb.join("tags.yaml");
    let text = std::fs::read_to_string(&tags).unwrap();
    std::fs::write(
        &tags,
        text.replace("topics: [det-som-fungerer]", "topics: [det-som-fungrer]"),
    )
    .unwrap();
    let run = samskap_in(dir.path(), &["workbook", "check", &target, "--lang", "en"]).code(65);
    assert!(
        run.stderr
            .contains("unknown interview topic `det-som-fungrer`"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("tags.yaml:"), "{}", run.stderr);
    assert!(
        run.stderr.contains("did you mean `det-som-fungerer`?"),
        "{}",
        run.stderr
    );
}

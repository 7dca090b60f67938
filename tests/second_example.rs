//! The second example, `examples/eldre-2027/`: another process (four weeks,
//! three phases of its own) on another challenge (loneliness among older
//! people living alone), with its own workbook, sprint and records. It
//! proves the engine runs a workbook that is not the built-in one: it
//! checks clean, and its whole site, in both languages the workbook
//! declares, passes the validators.

mod common;

use std::path::{Path, PathBuf};

use common::{html_files, passes_vnu_and_axe, root, samskap_in, snapshot_tree};

fn example() -> PathBuf {
    root().join("examples/eldre-2027")
}

/// The first example's words. None may appear in the second example's own
/// files: everything it shows of its process and challenge is its own.
const FIRST_EXAMPLES_WORDS: &[&str] = &[
    "familie",
    "familier",
    "barn",
    "bydel",
    "koordinator",
    "ansvarsgruppe",
    "samskaping",
    "samskapende",
    "district",
    "family",
    "families",
    "children",
    "co-creation model",
    "system challenge",
    "tid",
];

/// Every word of `text` in lowercase, with the phrases of two words too.
fn words(text: &str) -> Vec<String> {
    let single: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let pairs = single.windows(2).map(|w| format!("{} {}", w[0], w[1]));
    let mut all = single.clone();
    all.extend(pairs);
    all
}

#[test]
fn the_second_example_is_written_in_its_own_words() {
    let mut files = 0;
    for (path, bytes) in snapshot_tree(&example()) {
        let name = path.to_string_lossy();
        if name.starts_with("out/") || name.ends_with(".json") {
            continue;
        }
        let text = String::from_utf8(bytes).unwrap();
        let found = words(&text);
        for word in FIRST_EXAMPLES_WORDS {
            // Compound words count too: `familiemedlem`, `bydelshuset`.
            let hit = found
                .iter()
                .find(|w| *w == word || (word.len() >= 4 && w.starts_with(word)));
            assert!(hit.is_none(), "{name}: `{}`", hit.unwrap());
        }
        files += 1;
    }
    assert!(files >= 25, "{files}");
}

#[test]
fn the_second_example_checks_clean_with_its_own_workbook() {
    let run = samskap_in(
        &root(),
        &["workbook", "check", "examples/eldre-2027/workbook"],
    )
    .ok();
    assert!(
        run.stdout
            .contains("3 faser, 10 steg, 14 metoder, 8 spørsmålstema"),
        "{}",
        run.stdout
    );
    let run = samskap_in(&example(), &["check"]).ok();
    for expected in [
        "3 grupper, 18 økter, 18 markert som gjennomført",
        "12 intervjunotater, 6 løsninger",
        "4 evalueringsnotater",
        "personopplysninger funnet: 0",
    ] {
        assert!(run.stdout.contains(expected), "{expected}: {}", run.stdout);
    }
}

/// Builds the site of a copy of the example into a fresh folder and returns
/// its HTML files.
fn build(out: &Path, lang: &str) -> Vec<PathBuf> {
    let target = out.to_str().unwrap();
    // A copy: build records the calendar it wrote in the sprint's folder.
    let sprint = out.with_file_name(format!("sprint-{lang}"));
    common::copy_dir(&example(), &sprint);
    samskap_in(
        &sprint,
        &[
            "build",
            "-o",
            target,
            "--today",
            "2027-10-04",
            "--lang",
            lang,
        ],
    )
    .ok();
    html_files(out)
}

#[test]
fn the_second_examples_site_in_both_languages_passes_the_validators() {
    let dir = tempfile::tempdir().unwrap();
    let mut all = Vec::new();
    for (lang, heading, phase, quote) in [
        (
            "nb",
            "Idéverksted med seniorpanelet",
            "Prøve ut",
            "Hun tok av seg jakka.",
        ),
        (
            "en",
            "Idea workshop with the senior panel",
            "Try out",
            "Hun tok av seg jakka.",
        ),
    ] {
        let out = dir.path().join(lang);
        let html = build(&out, lang);
        // An agenda per week, per group, an interview guide per group,
        // the report and the index.
        assert!(html.len() >= 12, "{html:?}");
        let index = std::fs::read_to_string(out.join("index.html")).unwrap();
        for href in index
            .split("href=\"")
            .skip(1)
            .map(|s| s.split('"').next().unwrap())
        {
            assert!(out.join(href).exists(), "{lang}: {href}");
        }
        let report = std::fs::read_to_string(out.join("report.md")).unwrap();
        for expected in ["Kaffekoppen", "Følgevenn", "Ringevenn", phase, quote] {
            assert!(report.contains(expected), "{lang}: {expected}\n{report}");
        }
        let agendas: String = html
            .iter()
            .filter(|p| p.to_string_lossy().contains("agenda"))
            .map(|p| std::fs::read_to_string(p).unwrap())
            .collect();
        assert!(agendas.contains(heading), "{lang}: {heading}");
        // A consenting interviewee is quoted; a withdrawn one is never
        // quoted or named, in any page.
        assert!(report.contains("Den i alarmsentralen var så hyggelig."));
        let mut pages = html.clone();
        pages.push(out.join("report.md"));
        for page in &pages {
            let text = std::fs::read_to_string(page).unwrap();
            for never in ["Om vinteren er det bare meg og radioen", "Solbær"] {
                assert!(!text.contains(never), "{}: {never}", page.display());
            }
        }
        all.extend(html);
    }
    passes_vnu_and_axe(&all);
}

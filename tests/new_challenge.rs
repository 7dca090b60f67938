//! Issue 11, point 4: a sprint on the built-in workbook with another target
//! group and its own people words gets documents that speak of them. The
//! workbook's texts say `{people.plural}` where they mean the people the
//! process is for; this sprint fills in "eldre", and no document of `build`
//! may speak of families, and its interview guides ask about no child,
//! parents or siblings.

mod common;

use std::io::Read;
use std::path::Path;

use common::{Sprint, root, samskap_in};

/// The words of the built-in target group, whole words only (bokmål,
/// nynorsk, English).
const FAMILY: [&str; 8] = [
    "familie",
    "familien",
    "familier",
    "familiene",
    "familiar",
    "familiane",
    "family",
    "families",
];

/// The words of the built-in target group's children, parents and
/// siblings, whole words only (bokmål, nynorsk, English): an interview
/// guide for other people asks about none of them.
const CHILD: [&str; 24] = [
    "barn",
    "barnet",
    "barna",
    "barns",
    "barnets",
    "barnas",
    "barnehage",
    "barnehagen",
    "forelder",
    "foreldre",
    "foreldrene",
    "foreldra",
    "foreldrenes",
    "søsken",
    "søsknene",
    "sysken",
    "syskena",
    "child",
    "children",
    "parent",
    "parents",
    "sibling",
    "siblings",
    "kindergarten",
];

/// The sprint's own challenge, target group, people words and measure; the
/// report leaves out the knowledge base, which is the first round's history.
fn to_elderly(ws: &Path, people: &str) {
    let path = ws.join("samskap.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    let text: String = text
        .lines()
        .map(|l| {
            if l.starts_with("challenge:") {
                "challenge: \"Hvordan kan eldre som bor alene få flere gode kontakter i uka?\""
            } else if l.starts_with("target_group:") {
                "target_group: \"Eldre som bor alene\""
            } else {
                l
            }
        })
        .map(|l| format!("{l}\n"))
        .collect();
    let extra = format!(
        "sections: [about, done, insights, solutions, evaluation, recommendations]\n\
         people: {people}\n\
         measures:\n  - id: kontakter\n    label: Kontakter\n    unit: kontakter per uke\n"
    );
    std::fs::write(&path, text + &extra).unwrap();
}

/// The words of `list` that stand as whole words in `text`, as written.
fn whole_words<'a>(text: &'a str, list: &[&str]) -> Vec<&'a str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| list.contains(&w.to_lowercase().as_str()))
        .collect()
}

/// How often each word of `FAMILY` stands as a whole word in `text`.
fn family_words(text: &str) -> usize {
    whole_words(text, &FAMILY).len()
}

/// The text of a document as its reader gets it: Word's XML for .docx.
fn readable(path: &Path) -> String {
    if path.extension().is_some_and(|e| e == "docx") {
        let file = std::fs::File::open(path).unwrap();
        let mut zip = zip::ZipArchive::new(file).unwrap();
        let mut xml = String::new();
        zip.by_name("word/document.xml")
            .unwrap()
            .read_to_string(&mut xml)
            .unwrap();
        return xml;
    }
    String::from_utf8_lossy(&std::fs::read(path).unwrap()).into_owned()
}

/// The family words of each document `build` writes for the elderly
/// sprint in `lang`, the child words of each interview guide, and all the
/// documents' text.
struct Built {
    family: Vec<(String, usize)>,
    child: Vec<(String, Vec<String>)>,
    all: String,
}

fn build_counts(lang: &str, people: &str) -> Built {
    let ws = Sprint::new_sprint();
    to_elderly(&ws, people);
    samskap_in(&ws, &["check"]).ok();
    let out = ws.join("out");
    samskap_in(
        &ws,
        &[
            "--lang",
            lang,
            "build",
            "--today",
            "2027-03-20",
            "-o",
            "out",
        ],
    )
    .ok();
    let mut built = Built {
        family: Vec::new(),
        child: Vec::new(),
        all: String::new(),
    };
    for entry in std::fs::read_dir(&out).unwrap() {
        let path = entry.unwrap().path();
        if path.is_file() && path.extension().is_none_or(|e| e != "pdf") {
            let text = readable(&path);
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if name.starts_with("interview-guide-") {
                let words = whole_words(&text, &CHILD);
                built
                    .child
                    .push((name.clone(), words.into_iter().map(str::to_owned).collect()));
            }
            built.family.push((name, family_words(&text)));
            built.all.push_str(&text);
        }
    }
    built.family.sort();
    built.child.sort();
    built
}

fn assert_no_family(lang: &str, people: &str, own_word: &str) {
    let Built {
        family: counts,
        child,
        all,
    } = build_counts(lang, people);
    for kind in [
        "agenda-",
        "interview-guide-",
        "calendar.ics",
        "report.md",
        "index.html",
    ] {
        assert!(
            counts.iter().any(|(name, _)| name.starts_with(kind)),
            "no {kind} in {counts:?}"
        );
    }
    let found: Vec<_> = counts.iter().filter(|(_, n)| *n > 0).collect();
    assert!(found.is_empty(), "{lang}: family words in {found:?}");
    let found: Vec<_> = child
        .iter()
        .filter(|(_, words)| !words.is_empty())
        .collect();
    assert!(
        found.is_empty(),
        "{lang}: child words in the interview guides: {found:?}"
    );
    assert!(
        all.contains(own_word),
        "{lang}: `{own_word}` not in the documents"
    );
    assert!(
        !all.contains("{people."),
        "{lang}: a placeholder left unfilled"
    );
}

#[test]
fn a_sprint_for_elderly_people_speaks_of_them_in_bokmal() {
    assert_no_family(
        "nb",
        "{ singular: eldre, plural: eldre, the_singular: den eldre, the_plural: de eldre, a_singular: en eldre }",
        "de eldre",
    );
}

#[test]
fn a_sprint_for_elderly_people_speaks_of_them_in_nynorsk() {
    assert_no_family(
        "nn",
        "{ singular: eldre, plural: eldre, the_singular: den eldre, the_plural: dei eldre, a_singular: ein eldre }",
        "dei eldre",
    );
}

#[test]
fn a_sprint_for_elderly_people_speaks_of_them_in_english() {
    // Only two forms given: the others are made with "the" and "an".
    assert_no_family(
        "en",
        "{ singular: older person, plural: older people }",
        "an older person",
    );
}

/// The ids of the question bank's topics for residents: the built-in
/// workbook's own file, read apart from the code under test.
fn resident_topics() -> Vec<String> {
    let yaml = std::fs::read_to_string(root().join("workbook/questions.yaml")).unwrap();
    let bank: serde_json::Value = serde_saphyr::from_str(&yaml).unwrap();
    bank["questions"]["topics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["audience"] == "residents")
        .map(|t| t["id"].as_str().unwrap().to_owned())
        .collect()
}

/// Every question for residents, not only those the sprint's guides have
/// time for: an interview guide with all their topics and time for them.
#[test]
fn every_resident_question_fits_an_elderly_sprint() {
    let topics = resident_topics();
    assert!(topics.len() >= 6, "{topics:?}");
    let topics = topics.join(",");
    let ws = Sprint::new_sprint();
    let yaml = std::fs::read_to_string(ws.join("samskap.yaml")).unwrap();
    for (lang, people, own_word) in [
        (
            "nb",
            "{ singular: eldre, plural: eldre, the_singular: den eldre, the_plural: de eldre, a_singular: en eldre }",
            "andre eldre",
        ),
        (
            "nn",
            "{ singular: eldre, plural: eldre, the_singular: den eldre, the_plural: dei eldre, a_singular: ein eldre }",
            "andre eldre",
        ),
        (
            "en",
            "{ singular: older person, plural: older people }",
            "other older people",
        ),
    ] {
        std::fs::write(ws.join("samskap.yaml"), &yaml).unwrap();
        to_elderly(&ws, people);
        let run = samskap_in(
            &ws,
            &[
                "--lang",
                lang,
                "interview-guide",
                "--group",
                "gruppe-1",
                "--topics",
                &topics,
                "--minutes",
                "600",
            ],
        )
        .ok();
        let guide = &run.stdout;
        assert!(
            guide.contains(own_word),
            "{lang}: `{own_word}` not in {guide}"
        );
        assert_eq!(family_words(guide), 0, "{lang}: {guide}");
        let found = whole_words(guide, &CHILD);
        assert!(found.is_empty(), "{lang}: child words {found:?} in {guide}");
        assert!(!guide.contains("{people."), "{lang}: {guide}");
    }
}

#[test]
fn the_example_keeps_its_families() {
    let ws = Sprint::new_sprint();
    samskap_in(&ws, &["build", "--today", "2027-03-20", "-o", "out"]).ok();
    let agenda = std::fs::read_to_string(ws.join("out/agenda-gruppe-1.html")).unwrap();
    assert!(family_words(&agenda) > 50, "{}", family_words(&agenda));
    assert!(agenda.contains("Dybdeintervju med en familie"));
    assert!(!agenda.contains("{people."));
}

#[test]
fn workbook_check_refuses_an_unknown_placeholder_with_its_place() {
    let dir = tempfile::tempdir().unwrap();
    samskap_in(dir.path(), &["workbook", "export", "wb"]).ok();
    let methods = dir.path().join("wb/methods.yaml");
    let text = std::fs::read_to_string(&methods).unwrap();
    let text = text.replacen("{people.the_singular}", "{people.the_singulr}", 1);
    std::fs::write(&methods, &text).unwrap();
    let (line, col) = text
        .lines()
        .enumerate()
        .find_map(|(i, l)| {
            l.find("{people.the_singulr}")
                .map(|c| (i + 1, l[..c].chars().count() + 1))
        })
        .unwrap();
    let run = samskap_in(dir.path(), &["--lang", "en", "workbook", "check", "wb"]).code(65);
    assert!(
        run.stderr.contains(&format!("methods.yaml:{line}:{col}")),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("unknown placeholder `{people.the_singulr}`"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("did you mean `{people.the_singular}`?"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_misspelt_people_form_in_samskap_yaml_is_refused_at_its_place() {
    let ws = Sprint::new_sprint();
    to_elderly(
        &ws,
        "{ singular: eldre, plural: eldre, the_plurl: de eldre }",
    );
    let run = samskap_in(&ws, &["--lang", "en", "check"]).code(65);
    let text = std::fs::read_to_string(ws.join("samskap.yaml")).unwrap();
    let line = text.lines().position(|l| l.starts_with("people:")).unwrap() + 1;
    assert!(
        run.stderr.contains(&format!("samskap.yaml:{line}:")),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("`the_plural`"), "{}", run.stderr);
}

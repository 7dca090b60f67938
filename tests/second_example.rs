//! The second example, `examples/eldre-2027/`: another process (four weeks,
//! three phases of its own) on another challenge (loneliness among older
//! people living alone), with its own workbook, sprint and records. It
//! proves the engine runs a workbook that is not the built-in one: it
//! checks clean, and its whole site, in both languages the workbook
//! declares, passes the validators; its report sums its own measure
//! (contacts per week) by group and overall in its unit, never in hours,
//! and the dashboard charts the total; every session is inside the sprint's
//! working day, and the agendas name its facilitators, rooms and people.

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
        let out = site(dir.path(), lang);
        let html = html_files(&out);
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

/// The example's own files, read as data.
fn yaml(path: &str) -> serde_json::Value {
    let text = std::fs::read_to_string(example().join(path)).unwrap();
    serde_saphyr::from_str(&text).unwrap()
}

/// A figure as the documents write it: "21,5" or "21.5" is 21.5.
fn figure(text: &str) -> f64 {
    text.trim_matches(|c: char| !c.is_ascii_digit())
        .replace(',', ".")
        .parse()
        .unwrap_or_else(|_| panic!("no figure in {text:?}"))
}

/// The cells of a Markdown table row, without bold marks.
fn cells(row: &str) -> Vec<String> {
    row.trim()
        .trim_matches('|')
        .split('|')
        .map(|c| c.trim().trim_matches('*').to_owned())
        .collect()
}

/// The rows of the Markdown table in `md` whose header is `header`.
fn table(md: &str, header: &[&str]) -> Vec<Vec<String>> {
    let mut lines = md.lines().skip_while(|l| {
        let row = cells(l);
        !(l.starts_with('|') && row[1..] == header[1..])
    });
    assert!(lines.next().is_some(), "no table {header:?} in\n{md}");
    lines
        .skip(1)
        .take_while(|l| l.starts_with('|'))
        .map(cells)
        .collect()
}

/// The example's own measure: the workbook's only one, as a test reads the
/// files, and the solutions' figures for it summed by group name.
struct Measure {
    id: String,
    label: serde_json::Value,
    unit: serde_json::Value,
    by_group: Vec<(String, f64)>,
}

fn the_examples_measure() -> Measure {
    let workbook = yaml("workbook/workbook.yaml");
    let measures = workbook["measures"].as_array().unwrap();
    assert_eq!(measures.len(), 1, "{measures:?}");
    let id = measures[0]["id"].as_str().unwrap().to_owned();
    let sprint = yaml("samskap.yaml");
    let by_group = sprint["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| {
            let solutions = yaml(&format!(
                "groups/{}/solutions.yaml",
                g["id"].as_str().unwrap()
            ));
            let sum = solutions["solutions"]
                .as_array()
                .unwrap()
                .iter()
                .filter_map(|s| s["measures"][&id].as_f64())
                .sum();
            (g["name"].as_str().unwrap().to_owned(), sum)
        })
        .collect();
    Measure {
        id,
        label: measures[0]["label"].clone(),
        unit: measures[0]["unit"].clone(),
        by_group,
    }
}

/// Builds the site of a copy of the example in `dir` in `lang` and returns
/// its folder. A copy: build records the calendar it wrote in the sprint's
/// folder.
fn site(dir: &Path, lang: &str) -> PathBuf {
    let out = dir.join(format!("site-{lang}"));
    let target = out.to_str().unwrap().to_owned();
    let sprint = dir.join(format!("sprint-{lang}"));
    common::copy_dir(&example(), &sprint);
    samskap_in(
        &sprint,
        &[
            "build",
            "-o",
            &target,
            "--today",
            "2027-10-04",
            "--lang",
            lang,
        ],
    )
    .ok();
    out
}

#[test]
fn the_report_sums_the_examples_own_measure_by_group_and_overall_in_its_unit() {
    let measure = the_examples_measure();
    let total: f64 = measure.by_group.iter().map(|(_, n)| n).sum();
    // Every solution but the bare idea has an estimate, so the sums are
    // more than one solution's.
    assert!(
        measure.by_group.iter().all(|(_, n)| *n > 0.0),
        "{}",
        measure.id
    );
    let dir = tempfile::tempdir().unwrap();
    for (lang, group) in [("nb", "Gruppe"), ("en", "Group")] {
        let label = measure.label[lang].as_str().unwrap();
        let unit = measure.unit[lang].as_str().unwrap();
        let out = site(dir.path(), lang);
        let md = std::fs::read_to_string(out.join("report.md")).unwrap();
        let column = format!("{label} ({unit})");
        let rows = table(&md, &[group, &column]);
        let (sum, groups) = rows.split_last().unwrap();
        assert_eq!(groups.len(), measure.by_group.len(), "{lang}: {rows:?}");
        for ((name, expected), row) in measure.by_group.iter().zip(groups) {
            assert_eq!(&row[0], name, "{lang}: {rows:?}");
            assert_eq!(figure(&row[1]), *expected, "{lang}: {name}");
        }
        assert_eq!(figure(&sum[1]), total, "{lang}: {sum:?}");
        // The summary's key figure is the same total in the same unit.
        let key = format!("{label} {total} {unit}");
        assert!(md.contains(&key), "{lang}: {key}\n{md}");
        // The report, in every format its readers open, speaks of this
        // measure only: never of hours.
        let docx = common::validator("pandoc", &["-t", "plain"], &[out.join("report.docx")]);
        let html = std::fs::read_to_string(out.join("report.html")).unwrap();
        for (format, text) in [("md", &md), ("docx", &docx), ("html", &html)] {
            assert!(text.contains(unit), "{lang} {format}: {unit}");
            let words = words(text);
            for hours in ["timer", "hours", "hour"] {
                assert!(
                    !words.iter().any(|w| w == hours),
                    "{lang} {format}: {hours}"
                );
            }
        }
        // The dashboard charts the total, written beside its bar.
        let index = std::fs::read_to_string(out.join("index.html")).unwrap();
        let chart = index
            .split("<figure class=\"chart effect-figure\">")
            .nth(1)
            .unwrap_or_else(|| panic!("{lang}: no effect chart in\n{index}"))
            .split("</figure>")
            .next()
            .unwrap();
        assert_eq!(chart.matches("<rect class=\"bar\"").count(), 1, "{chart}");
        assert!(
            chart.contains(&format!("({unit}): Færre alene høsten 2027</title>")),
            "{chart}"
        );
        assert!(
            chart.contains(&format!(">{total} {unit}</text>")),
            "{chart}"
        );
        assert!(
            chart.contains(&format!(
                "<desc id=\"effect-1-desc\">{label}: {total} {unit}</desc>"
            )),
            "{chart}"
        );
    }
}

/// `HH:MM` as minutes of the day.
fn minutes(clock: &str) -> u32 {
    let (h, m) = clock.split_once(':').unwrap();
    h.parse::<u32>().unwrap() * 60 + m.parse::<u32>().unwrap()
}

/// The span `HH:MM-HH:MM` in minutes of the day.
fn span(text: &str) -> (u32, u32) {
    let (from, to) = text.split_once('-').unwrap();
    (minutes(from), minutes(to))
}

#[test]
fn every_session_is_inside_the_working_day_with_its_people_and_rooms() {
    let sprint = yaml("samskap.yaml");
    let (day_from, day_to) = span(sprint["hours"].as_str().unwrap());
    let (lunch_from, lunch_to) = span(sprint["lunch"].as_str().unwrap());
    let dir = tempfile::tempdir().unwrap();
    let out = site(dir.path(), "nb");
    let ics = std::fs::read_to_string(out.join("calendar.ics")).unwrap();
    let times = |key: &str| -> Vec<u32> {
        ics.lines()
            .filter_map(|l| l.strip_prefix(key))
            .map(|t| {
                let t = t.split('T').nth(1).unwrap();
                minutes(&format!("{}:{}", &t[..2], &t[2..4]))
            })
            .collect()
    };
    let (starts, ends) = (
        times("DTSTART;TZID=Europe/Oslo:"),
        times("DTEND;TZID=Europe/Oslo:"),
    );
    assert_eq!(starts.len(), 18, "{ics}");
    assert_eq!(starts.len(), ends.len());
    for (start, end) in starts.iter().zip(&ends) {
        assert!(day_from <= *start && end <= &day_to, "{start}-{end}");
        assert!(
            *end <= lunch_from || *start >= lunch_to,
            "{start}-{end} through lunch"
        );
    }
    // Two teams prepare their visits at once, each in its own room with one
    // of the two facilitators; the agendas name them and the steering group.
    let facilitators: Vec<&str> = sprint["facilitators"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f.as_str().unwrap())
        .collect();
    assert_eq!(facilitators.len(), 2);
    let week = std::fs::read_to_string(out.join("agenda-week-1.html")).unwrap();
    for name in &facilitators {
        assert!(week.contains(name), "{name}");
    }
    let groups = sprint["groups"].as_array().unwrap();
    let names: Vec<&str> = groups.iter().map(|g| g["name"].as_str().unwrap()).collect();
    for name in &facilitators {
        assert!(
            names
                .iter()
                .any(|g| week.contains(&format!("{name} ({g})"))),
            "{name} booked for no group:\n{week}"
        );
    }
    let mut in_own_room = 0;
    for (group, name) in groups.iter().zip(&names) {
        let place = group["place"].as_str().unwrap();
        assert!(week.contains(place), "{place}");
        in_own_room += usize::from(week.contains(&format!("{place} ({name})")));
        for member in group["members"].as_array().unwrap() {
            assert!(week.contains(member.as_str().unwrap()), "{member}");
        }
    }
    assert!(in_own_room >= 2, "{week}");
    for member in sprint["steering_group"].as_array().unwrap() {
        assert!(week.contains(member.as_str().unwrap()), "{member}");
    }
}

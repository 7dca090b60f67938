//! The site's front page as the sprint's dashboard, on the example sprint
//! in the middle of its process: the timeline has one mark per session in
//! the state `status` gives it, the next sessions, each group's figures
//! and what is missing; the agendas are grouped by phase; and every page
//! passes vnu and axe and fits a phone and an A4 page.

mod common;

use std::path::{Path, PathBuf};

use common::{copy_tree, fits_a_phone_and_a4, html_files, passes_vnu_and_axe, root, samskap_in};

const TODAY: &str = "2027-02-23";

/// The example sprint as it stood on [`TODAY`]: what was held before it is
/// done, except the insight workshop of week 3, and nothing after.
fn midway(dir: &Path) -> PathBuf {
    let ws = dir.join("varen-2027");
    copy_tree(&root().join("examples/varen-2027"), &ws);
    let progress = std::fs::read_to_string(ws.join("progress.yaml")).unwrap();
    let (head, entries) = progress.split_once("done:\n").unwrap();
    let kept: Vec<&str> = entries
        .split("  - step: ")
        .skip(1)
        .filter(|e| {
            let date = e.split("date: ").nth(1).unwrap().trim();
            date < "2027-02-20" && !e.starts_with("diagnose-valg-av-problemstilling")
        })
        .collect();
    let body: String = kept.iter().map(|e| format!("  - step: {e}")).collect();
    std::fs::write(ws.join("progress.yaml"), format!("{head}done:\n{body}")).unwrap();
    ws
}

fn status(ws: &Path) -> serde_json::Value {
    let run = samskap_in(ws, &["status", "--json", "--today", TODAY]).ok();
    serde_json::from_str(&run.stdout).unwrap()
}

fn build(ws: &Path, lang: &str) -> PathBuf {
    let out = ws.join(format!("site-{lang}"));
    let target = out.to_str().unwrap().to_owned();
    samskap_in(
        ws,
        &["build", "-o", &target, "--today", TODAY, "--lang", lang],
    )
    .ok();
    out
}

#[test]
fn the_timeline_has_one_mark_per_session_in_its_state() {
    let dir = tempfile::tempdir().unwrap();
    let ws = midway(dir.path());
    let status = status(&ws);
    let sessions = status["sessions"].as_array().unwrap();
    let index = std::fs::read_to_string(build(&ws, "nb").join("index.html")).unwrap();
    let svg = index
        .split("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline\"")
        .nth(1)
        .unwrap()
        .split("</svg>")
        .next()
        .unwrap();
    assert_eq!(svg.matches("<g class=\"mark ").count(), sessions.len());
    let count = |state: &str| sessions.iter().filter(|s| s["state"] == state).count();
    assert_eq!(svg.matches("<g class=\"mark done").count(), count("done"));
    assert_eq!(
        svg.matches("<g class=\"mark overdue").count(),
        count("overdue")
    );
    assert_eq!(svg.matches("<g class=\"mark today").count(), count("today"));
    assert!(count("today") > 0 && count("overdue") == 1);
    // The next sessions and those further ahead are all the upcoming.
    let ahead = svg.matches("<g class=\"mark next").count()
        + svg.matches("<g class=\"mark upcoming").count();
    assert_eq!(ahead, count("upcoming"));
    assert!(svg.matches("<g class=\"mark next").count() >= 1);
    // Accessible: a title and a description, a legend in words, the same
    // figures in a table.
    assert!(svg.contains("role=\"img\""));
    assert!(svg.contains("<title id=\"timeline-title\">Tidslinje: Våren 2027</title>"));
    let desc = svg.split("<desc id=\"timeline-desc\">").nth(1).unwrap();
    assert!(
        desc.starts_with(&format!("{} samlinger", sessions.len())),
        "{desc}"
    );
    for word in [
        "gjennomført",
        "i dag",
        "neste",
        "forsinket",
        "kommer",
        "flyttet",
    ] {
        assert!(index.contains(&format!("</svg>{word}")), "legend: {word}");
    }
    // Easter, the holiday in the weeks shown, is shaded.
    assert!(svg.contains("<title>skjærtorsdag</title>"), "{svg}");
    assert!(index.contains("<h3>Samlingene fase for fase</h3>"));
    assert!(index.contains("<td>Diagnose</td>\n<td>uke 1–6: 5. januar–9. februar 2027</td>\n<td>6 / 7, 1 forsinket</td>"), "{index}");
}

#[test]
fn the_index_lists_what_comes_next_each_groups_figures_and_what_is_missing() {
    let dir = tempfile::tempdir().unwrap();
    let ws = midway(dir.path());
    let index = std::fs::read_to_string(build(&ws, "nb").join("index.html")).unwrap();
    let next = index
        .split("<h2>De neste samlingene</h2>")
        .nth(1)
        .unwrap()
        .split("<h2>")
        .next()
        .unwrap();
    // Today's interviews, held by all five groups at once, are one entry.
    assert_eq!(next.matches("<li>").count(), 3, "{next}");
    assert!(
        next.contains("<strong>tirsdag 23. februar 2027, 09:00–10:30:</strong> <a href=\"agenda-week-8.html\">"),
        "{next}"
    );
    assert!(next.contains("Koordinatoren, Ansvarsgruppemøtene, Oversikt og kontaktpersoner"));
    assert!(next.contains("Bydelshuset, møterom Solsikken"));
    let groups = index.split("<h2>Arbeidsgruppene</h2>").nth(1).unwrap();
    assert!(
        groups.contains("<td>Koordinatoren</td>\n<td>1 / 7</td>\n<td>5 (4 med samtykke, 4 til sitater)</td>\n<td>1 idé, 1 testet</td>"),
        "{groups}"
    );
    let missing = index.split("<h2>Hva mangler?</h2>").nth(1).unwrap();
    assert!(
        missing.contains("«Valg av problemstilling og målgruppe» skulle vært holdt tirsdag 2. februar 2027, men er ikke registrert som gjennomført."),
        "{missing}"
    );
    // Agendas by phase, each week with its ISO week and days.
    let agendas = index
        .split("<h2>Agendaene fase for fase</h2>")
        .nth(1)
        .unwrap();
    assert!(agendas.contains("<h3>Diagnose</h3>"));
    assert!(
        agendas.contains(
            "<a href=\"agenda-week-8.html\">Uke 8 av prosessen</a>: uke 8, 23. februar 2027"
        ),
        "{agendas}"
    );
}

#[test]
fn every_page_passes_the_validators_and_fits_a_phone_and_a4() {
    let dir = tempfile::tempdir().unwrap();
    let ws = midway(dir.path());
    let mut pages = Vec::new();
    for lang in ["nb", "en"] {
        pages.extend(html_files(&build(&ws, lang)));
    }
    let en = std::fs::read_to_string(ws.join("site-en/index.html")).unwrap();
    assert!(en.contains("<h2>Where does the sprint stand?</h2>"));
    assert!(en.contains("Timeline: Våren 2027"));
    passes_vnu_and_axe(&pages);
    fits_a_phone_and_a4(&pages);
}

/// The totals row of the report's solutions, as figures.
fn report_totals(ws: &Path) -> Vec<String> {
    let md = samskap_in(ws, &["report", "--today", TODAY]).ok().stdout;
    let row = md
        .lines()
        .find(|l| l.contains("**Sum av alle anslagene**"))
        .unwrap();
    row.trim_matches('|')
        .split('|')
        .skip(1)
        .map(|c| c.trim().trim_matches('*').to_owned())
        .collect()
}

#[test]
fn the_index_charts_the_solutions_total_effect_in_the_sprints_measures() {
    let dir = tempfile::tempdir().unwrap();
    let ws = midway(dir.path());
    let index = std::fs::read_to_string(build(&ws, "nb").join("index.html")).unwrap();
    let figure = index
        .split("<figure class=\"chart effect-figure\">")
        .nth(1)
        .unwrap()
        .split("</figure>")
        .next()
        .unwrap();
    // One chart (both measures are hours per month), a bar per measure, a
    // title and a description, the numbers written beside the bars: the
    // report's totals.
    assert_eq!(figure.matches("<svg ").count(), 1, "{figure}");
    assert_eq!(figure.matches("<rect class=\"bar\"").count(), 2, "{figure}");
    assert!(figure.contains("role=\"img\" aria-labelledby=\"effect-1-title effect-1-desc\""));
    assert!(figure.contains(
        "<title id=\"effect-1-title\">Løsningenes samlede effekt (timer per måned): Våren 2027</title>"
    ));
    let totals = report_totals(&ws);
    for total in &totals {
        assert!(
            figure.contains(&format!(">{total} timer per måned</text>")),
            "{total}: {figure}"
        );
    }
    // The same figures as text.
    assert!(index.contains(&format!(
        "<li>Per familie: {} timer per måned</li>",
        totals[0]
    )));
}

#[test]
fn a_sprint_without_measures_has_no_effect_chart() {
    // The second example declares no measures.
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("eldre-2027");
    copy_tree(&root().join("examples/eldre-2027"), &ws);
    let index = std::fs::read_to_string(build(&ws, "nb").join("index.html")).unwrap();
    assert!(index.contains("<h2>Nøkkeltall</h2>"), "{index}");
    assert!(!index.contains("effect-figure"), "{index}");
    assert!(!index.contains("class=\"bars\""));
}

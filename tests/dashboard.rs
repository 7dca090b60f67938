//! The site's front page as the sprint's dashboard, on the example sprint
//! in the middle of its process: the timeline has one mark per session in
//! the state `status` gives it, the next sessions, each group's figures
//! and what is missing; the agendas are grouped by phase; and every page
//! passes vnu and axe and fits a phone and an A4 page.

mod common;

use std::path::{Path, PathBuf};

use common::{Sprint, fits_a_phone_and_a4, html_files, passes_vnu_and_axe, samskap_in};

const TODAY: &str = "2027-03-01";

/// The example sprint as it stood on [`TODAY`]: what was held before it is
/// done, except the insight workshop of week 3, and nothing after.
fn midway() -> Sprint {
    let ws = Sprint::example("varen-2027");
    let progress = ws.read("progress.yaml");
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
    ws.write("progress.yaml", &format!("{head}done:\n{body}"));
    ws
}

/// The timeline's `<svg>` in a page.
fn timeline_svg(index: &str) -> &str {
    index
        .split("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline\"")
        .nth(1)
        .unwrap()
        .split("</svg>")
        .next()
        .unwrap()
}

/// Moves a session without residents into the winter break: `move`
/// refuses a break unless forced, and the site then marks the session.
fn into_the_winter_break(ws: &Path) {
    samskap_in(
        ws,
        &[
            "move",
            "diagnose-underproblemstillinger-og-rekruttering",
            "--date",
            "2027-02-24",
            "--force",
        ],
    )
    .ok();
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
    let ws = midway();
    let status = status(&ws);
    let sessions = status["sessions"].as_array().unwrap();
    let index = std::fs::read_to_string(build(&ws, "nb").join("index.html")).unwrap();
    let svg = timeline_svg(&index);
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
    assert!(
        svg.contains("<title>C: skjærtorsdag, 25. mars 2027</title>"),
        "{svg}"
    );
    assert!(index.contains("<h3>Samlingene fase for fase</h3>"));
    assert!(index.contains("<td>Diagnose</td>\n<td>uke 1–6: 5. januar–9. februar 2027</td>\n<td>6 / 7, 1 forsinket</td>"), "{index}");
}

#[test]
fn each_break_and_holiday_in_the_timelines_weeks_is_shaded_and_named() {
    let ws = midway();
    let status = status(&ws);
    let sessions = status["sessions"].as_array().unwrap();
    let day = |s: &serde_json::Value| s["date"].as_str().unwrap().to_owned();
    let (first, last) = (day(&sessions[0]), day(&sessions[sessions.len() - 1]));
    // The breaks of samskap.yaml that share a day with the weeks shown
    // (Monday 4 January to Sunday 23 May 2027): winter and Easter, not
    // the summer.
    assert_eq!(
        (first.as_str(), last.as_str()),
        ("2027-01-05", "2027-05-18")
    );
    let yaml = std::fs::read_to_string(ws.join("samskap.yaml")).unwrap();
    let sprint: serde_json::Value = serde_saphyr::from_str(&yaml).unwrap();
    let date = |v: &serde_json::Value| v.as_str().map_or_else(|| v.to_string(), str::to_owned);
    let breaks: Vec<(String, String, String)> = sprint["breaks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| {
            (
                b["name"].as_str().unwrap().to_owned(),
                date(&b["from"]),
                date(&b["to"]),
            )
        })
        .filter(|(_, from, to)| from.as_str() <= "2027-05-23" && to.as_str() >= "2027-01-04")
        .collect();
    let names: Vec<&str> = breaks.iter().map(|b| b.0.as_str()).collect();
    assert_eq!(names, ["Vinterferie 2027", "Påskeferie 2027"]);
    let index = std::fs::read_to_string(build(&ws, "nb").join("index.html")).unwrap();
    let svg = timeline_svg(&index);
    // One hatched band per break, named in its title and by its letter.
    assert_eq!(
        svg.matches("<rect class=\"shade break\"").count(),
        breaks.len()
    );
    for (key, name, days) in [
        ("A", "Vinterferie 2027", "22.–28. februar 2027"),
        ("B", "Påskeferie 2027", "22.–29. mars 2027"),
    ] {
        let title = format!("<title>{key}: {name}, {days}</title>");
        assert!(
            svg.contains(&format!("fill=\"url(#timeline-break)\">{title}</rect>")),
            "{name}: {svg}"
        );
        assert!(
            svg.contains(&format!("<g class=\"shade-key\">{title}")),
            "{name}"
        );
        assert!(svg.contains(&format!(">{key}</text></g>")), "{name}");
        // The same in text: the description and the table of days off.
        assert!(svg.contains(&format!("{key} {name} ({days})")), "{name}");
        assert!(
            index.contains(&format!(
                "<td>{key}</td>\n<td>{name}</td>\n<td>pause</td>\n<td>{days}</td>"
            )),
            "{name}: {index}"
        );
    }
    // The holidays on working days, dotted, each with its letter: Easter's
    // three, 1 May, Ascension Day, and 17 May with Whit Monday.
    assert_eq!(svg.matches("<rect class=\"shade holiday\"").count(), 6);
    assert_eq!(svg.matches("<g class=\"shade-key\">").count(), 8);
    assert!(index.contains("<td>H</td>\n<td>17. mai (grunnlovsdag), 2. pinsedag</td>\n<td>helligdag</td>\n<td>17. mai 2027</td>"));
    assert!(index.contains("<h3>Pauser og helligdager i tidslinja</h3>"));
    for word in ["i en pause", "pause", "helligdag"] {
        assert!(
            index.contains(&format!("</svg>{word}</li>")),
            "legend: {word}"
        );
    }
    // No session is in a break: the plan moved those with residents out.
    assert!(!svg.contains(" in-break\""));
}

#[test]
fn a_session_in_a_break_is_marked_so() {
    let ws = midway();
    into_the_winter_break(&ws);
    let status = status(&ws);
    let in_break = status["missing"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["kind"] == "in-break")
        .count();
    assert_eq!(in_break, 1, "{status}");
    let index = std::fs::read_to_string(build(&ws, "nb").join("index.html")).unwrap();
    let svg = timeline_svg(&index);
    let marks: Vec<&str> = svg
        .split("<g class=\"mark ")
        .skip(1)
        .filter(|m| m.split('"').next().unwrap().contains("in-break"))
        .collect();
    assert_eq!(marks.len(), in_break, "{svg}");
    assert!(
        marks[0].starts_with(
            "done moved in-break\"><title>Underproblemstillinger og rekruttering til arbeidsgruppene · Alle · onsdag 24. februar 2027 12:00 · gjennomført; flyttet fra tirsdag 9. februar 2027"
        ),
        "{}",
        marks[0]
    );
    assert!(marks[0].contains("; i pausen Vinterferie 2027</title>"));
    assert!(svg.contains("1 samling ligger i en pause."), "{svg}");
}

#[test]
fn with_redact_the_shaded_break_shows_the_redacted_name() {
    let ws = midway();
    // A resident's name, on the list of names never to show.
    std::fs::create_dir_all(ws.join("private")).unwrap();
    std::fs::write(ws.join("private/names.txt"), "Tuva Nordmann\n").unwrap();
    let yaml = ws.join("samskap.yaml");
    let text = std::fs::read_to_string(&yaml).unwrap();
    std::fs::write(
        &yaml,
        text.replacen(
            "\"Vinterferie 2027\"",
            "\"Vinterferie hos Tuva Nordmann\"",
            1,
        ),
    )
    .unwrap();
    // The gate refuses the page with the name in it ...
    let plain = samskap_in(&ws, &["build", "-o", "plain", "--today", TODAY]);
    assert_eq!(plain.code, 65, "{}", plain.stderr);
    assert!(!ws.join("plain").exists());
    // ... and with --redact the band, its letter, the description and the
    // table carry the redacted name.
    samskap_in(
        &ws,
        &["build", "--redact", "-o", "redacted", "--today", TODAY],
    )
    .ok();
    let index = std::fs::read_to_string(ws.join("redacted/index.html")).unwrap();
    assert!(!index.contains("Nordmann"));
    let svg = timeline_svg(&index);
    let name = "Vinterferie hos [navn fjernet]";
    let title = format!("<title>A: {name}, 22.–28. februar 2027</title>");
    assert!(
        svg.contains(&format!("fill=\"url(#timeline-break)\">{title}</rect>")),
        "{svg}"
    );
    assert!(svg.contains(&format!("<g class=\"shade-key\">{title}")));
    assert!(svg.contains(&format!("A {name} (22.–28. februar 2027)")));
    assert!(
        index.contains(&format!("<td>A</td>\n<td>{name}</td>")),
        "{index}"
    );
}

#[test]
fn the_index_lists_what_comes_next_each_groups_figures_and_what_is_missing() {
    let ws = midway();
    let index = std::fs::read_to_string(build(&ws, "nb").join("index.html")).unwrap();
    let next = index
        .split("<h2>De neste samlingene</h2>")
        .nth(1)
        .unwrap()
        .split("<h2>")
        .next()
        .unwrap();
    // Today's interviews, booked by all five groups for today (the dates
    // of their notes), are one entry.
    assert_eq!(next.matches("<li>").count(), 3, "{next}");
    assert!(
        next.contains(
            "<strong>mandag 1. mars 2027, 09:00–10:30:</strong> <a href=\"agenda-week-8.html\">"
        ),
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
        agendas.contains("<a href=\"agenda-week-8.html\">Sprintuke 2</a>: uke 9, 1.–3. mars 2027"),
        "{agendas}"
    );
}

#[test]
fn every_page_passes_the_validators_and_fits_a_phone_and_a4() {
    let ws = midway();
    // With a session in a break, so its mark is drawn too.
    into_the_winter_break(&ws);
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
    let ws = midway();
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
    // The second example, its measure taken away.
    let ws = Sprint::example("eldre-2027");
    common::without_measures(&ws);
    let index = std::fs::read_to_string(build(&ws, "nb").join("index.html")).unwrap();
    assert!(index.contains("<h2>Nøkkeltall</h2>"), "{index}");
    assert!(!index.contains("effect-figure"), "{index}");
    assert!(!index.contains("class=\"bars\""));
}

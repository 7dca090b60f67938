//! `samskap portfolio` over the example sprints: one site with every
//! sprint, the totals per measure the sums of the sprints' own reports'
//! totals (only the same measure in the same unit summed), every page
//! valid and accessible, personal data in one sprint blocking the whole
//! portfolio as it blocks that sprint's report, and every bad input a
//! clear message naming the folder.

mod common;

use std::path::{Path, PathBuf};

use common::{copy_dir, fits_a_phone_and_a4, html_files, passes_vnu_and_axe, root, samskap_in};

const TODAY: &str = "2027-05-10";

/// The three example sprints in `dir`: the example, the second example,
/// and a copy of the example under another id and name.
fn sprints(dir: &Path) -> [PathBuf; 3] {
    let varen = dir.join("varen-2027");
    copy_dir(&root().join("examples/varen-2027"), &varen);
    let eldre = dir.join("eldre-2027");
    copy_dir(&root().join("examples/eldre-2027"), &eldre);
    let copy = dir.join("varen-kopi");
    copy_dir(&root().join("examples/varen-2027"), &copy);
    edit(&copy.join("samskap.yaml"), |text| {
        text.replace("id: varen-2027-2027-01-04", "id: varen-kopi")
            .replace("name: \"Våren 2027\"", "name: \"Våren 2028\"")
    });
    [varen, eldre, copy]
}

fn edit(path: &Path, change: impl Fn(&str) -> String) {
    let text = std::fs::read_to_string(path).unwrap();
    let changed = change(&text);
    assert_ne!(text, changed, "{} unchanged", path.display());
    std::fs::write(path, changed).unwrap();
}

fn portfolio(dir: &Path, args: &[&str]) -> common::Run {
    let mut all = vec!["portfolio", "--today", TODAY];
    all.extend_from_slice(args);
    samskap_in(dir, &all)
}

/// A Norwegian figure as a number: "21,5" is 21.5.
fn figure(text: &str) -> f64 {
    text.trim_matches(|c: char| !c.is_ascii_digit())
        .replace(',', ".")
        .parse()
        .unwrap_or_else(|_| panic!("no figure in {text:?}"))
}

/// The measures' labels and the report's total of each, from its Markdown.
fn report_totals(ws: &Path) -> Vec<(String, f64)> {
    let md = samskap_in(ws, &["report", "--today", TODAY]).ok().stdout;
    let section = md.split("Summer etter gruppe").nth(1).unwrap();
    let header = section.lines().find(|l| l.starts_with("| Gruppe")).unwrap();
    let sums = section
        .lines()
        .find(|l| l.contains("**Sum av alle anslagene**"))
        .unwrap();
    let cells = |line: &str| -> Vec<String> {
        line.trim_matches('|')
            .split('|')
            .skip(1)
            .map(|c| c.trim().to_owned())
            .collect()
    };
    cells(header)
        .into_iter()
        .zip(cells(sums).iter().map(|c| figure(c)))
        .collect()
}

/// The portfolio's total for the measure headed `heading`.
fn portfolio_total(index: &str, heading: &str) -> f64 {
    let section = index
        .split(&format!("<h3>{heading}</h3>"))
        .nth(1)
        .unwrap_or_else(|| panic!("no {heading} in {index}"));
    let row = section
        .split("<td><strong>Sum</strong></td>")
        .nth(1)
        .unwrap();
    figure(row.split("</strong>").next().unwrap())
}

#[test]
fn one_site_with_every_sprint_and_each_measure_summed_as_the_reports_sum_it() {
    let dir = tempfile::tempdir().unwrap();
    let [varen, eldre, copy] = sprints(dir.path());
    let run = portfolio(
        dir.path(),
        &["varen-2027", "eldre-2027", "varen-kopi", "-o", "site"],
    )
    .ok();
    assert!(run.stderr.contains("3 sprinter"), "{}", run.stderr);
    let site = dir.path().join("site");
    let index = std::fs::read_to_string(site.join("index.html")).unwrap();
    for name in ["Våren 2027", "Våren 2028", "Færre alene høsten 2027"] {
        assert!(
            index.contains(&format!(".html\">{name}</a></td>")),
            "{name}"
        );
    }
    let pages: Vec<PathBuf> = html_files(&site);
    assert_eq!(pages.len(), 4, "{pages:?}");
    // The built-in measures, in both copies of the example: each total is
    // the sum of the two reports' totals.
    let (a, b) = (report_totals(&varen), report_totals(&copy));
    assert_eq!(a.len(), 2, "{a:?}");
    for ((label, x), (_, y)) in a.iter().zip(&b) {
        // The report heads its columns "Per familie (timer per måned)".
        let total = portfolio_total(&index, label);
        assert!(
            (total - (x + y)).abs() < 0.05,
            "{label}: {total} ≠ {x} + {y}"
        );
    }
    // The second example has a measure of its own: beside the hours, in
    // no sum of theirs, and said so under each.
    assert!(index.contains("Måles ikke i: Færre alene høsten 2027."));
    let contacts = report_totals(&eldre);
    assert_eq!(contacts.len(), 1, "{contacts:?}");
    let total = portfolio_total(&index, &contacts[0].0);
    assert!((total - contacts[0].1).abs() < 0.05, "{total}");
    assert!(
        index.contains("Måles ikke i: Våren 2027, Våren 2028."),
        "{index}"
    );
    let eldre_page =
        std::fs::read_to_string(site.join("sprint-faerre-alene-2027-09-06.html")).unwrap();
    assert!(eldre_page.contains("class=\"bars\""));
    // Each sprint's page: challenge, dates, state, figures, solutions with
    // status and owner.
    let page = std::fs::read_to_string(site.join("sprint-varen-kopi.html")).unwrap();
    assert!(
        page.contains("<strong>Tidsrom:</strong> 5. januar–18. mai 2027"),
        "{page}"
    );
    assert!(
        page.contains("<strong>Status:</strong> pågår: fasen Utvikle, prosessuke 17 av 18"),
        "{page}"
    );
    assert!(page.contains("53 av 53 samlinger holdt"), "{page}");
    assert!(page.contains("<td>Koordinatoravtale – én side om hvem som gjør hva</td>\n<td>Koordinatoren</td>\n<td>testet</td>\n<td>Leder for koordinerende enhet</td>"), "{page}");
    // No raw note and no quote reaches the portfolio.
    assert!(!index.contains("<blockquote>") && !page.contains("<blockquote>"));
}

#[test]
fn a_sprint_without_measures_is_in_no_sum_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let [_, eldre, _] = sprints(dir.path());
    common::without_measures(&eldre);
    portfolio(dir.path(), &["varen-2027", "eldre-2027", "-o", "site"]).ok();
    let site = dir.path().join("site");
    let index = std::fs::read_to_string(site.join("index.html")).unwrap();
    assert!(index.contains("Måles ikke i: Færre alene høsten 2027."));
    assert!(!index.contains("kontakter per uke"), "{index}");
    let eldre_page =
        std::fs::read_to_string(site.join("sprint-faerre-alene-2027-09-06.html")).unwrap();
    assert!(eldre_page.contains("Sprinten har ingen mål for løsningenes effekt."));
    assert!(!eldre_page.contains("class=\"bars\""));
}

#[test]
fn a_measure_in_another_unit_stands_beside_and_is_never_summed() {
    let dir = tempfile::tempdir().unwrap();
    let [_, _, copy] = sprints(dir.path());
    // The copy counts the staff's hours per week: the same id, another unit.
    let mut yaml = std::fs::read_to_string(copy.join("samskap.yaml")).unwrap();
    yaml.push_str("measures:\n  - id: families\n    label: Per familie\n    unit: timer per måned\n  - id: staff\n    label: Ansatte\n    unit: timer per uke\n");
    std::fs::write(copy.join("samskap.yaml"), yaml).unwrap();
    portfolio(dir.path(), &["varen-2027", "varen-kopi", "-o", "site"]).ok();
    let index = std::fs::read_to_string(dir.path().join("site/index.html")).unwrap();
    let varen = report_totals(&dir.path().join("varen-2027"));
    let families = portfolio_total(&index, "Per familie (timer per måned)");
    assert!((families - 2.0 * varen[0].1).abs() < 0.05, "{families}");
    let monthly = portfolio_total(&index, "Ansatte (timer per måned)");
    let weekly = portfolio_total(&index, "Ansatte (timer per uke)");
    assert!((monthly - varen[1].1).abs() < 0.05, "{monthly}");
    assert!((weekly - varen[1].1).abs() < 0.05, "{weekly}");
    // One chart per measure, the numbers written beside the bars.
    assert_eq!(
        index
            .matches("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"bars\"")
            .count(),
        3
    );
    assert!(index.contains("<title id=\"measure-3-title\">Ansatte (timer per uke)</title>"));
}

#[test]
fn every_page_passes_the_validators_and_fits_a_phone_and_a4() {
    let dir = tempfile::tempdir().unwrap();
    let [varen, _, _] = sprints(dir.path());
    // A solution in use, with its follow-up on the front page.
    edit(&varen.join("groups/gruppe-1/solutions.yaml"), |text| {
        text.replacen("status: tested", "status: in-use", 1)
    });
    let mut pages = Vec::new();
    for lang in ["nb", "en"] {
        let out = format!("site-{lang}");
        portfolio(
            dir.path(),
            &[
                "varen-2027",
                "eldre-2027",
                "varen-kopi",
                "--lang",
                lang,
                "-o",
                &out,
            ],
        )
        .ok();
        pages.extend(html_files(&dir.path().join(&out)));
    }
    let nb = std::fs::read_to_string(dir.path().join("site-nb/index.html")).unwrap();
    let in_use = nb
        .split("<h2>Løsninger i bruk og oppfølgingen av dem</h2>")
        .nth(1)
        .unwrap();
    assert!(
        in_use.contains("<td>Koordinatoravtale – én side om hvem som gjør hva</td>"),
        "{in_use}"
    );
    assert!(
        in_use.contains(
            "<td>Leder for koordinerende enhet</td>\n<td>Tas i bruk for alle nye koordinatoroppdrag"
        ),
        "{in_use}"
    );
    let en = std::fs::read_to_string(dir.path().join("site-en/index.html")).unwrap();
    assert!(en.contains("<h2>Total effect by measure</h2>"), "{en}");
    passes_vnu_and_axe(&pages);
    fits_a_phone_and_a4(&pages);
}

#[test]
fn personal_data_in_one_sprint_blocks_the_portfolio_as_it_blocks_its_report() {
    let dir = tempfile::tempdir().unwrap();
    let [_, eldre, _] = sprints(dir.path());
    let solutions = std::fs::read_dir(eldre.join("groups"))
        .unwrap()
        .map(|e| e.unwrap().path().join("solutions.yaml"))
        .find(|p| p.is_file())
        .unwrap();
    edit(&solutions, |text| {
        let (head, rest) = text.split_once("owner: ").unwrap();
        format!("{head}owner: Ring 41234567, {rest}")
    });
    let report = samskap_in(&eldre, &["report", "--today", TODAY, "-o", "r.html"]).code(65);
    assert!(
        report.stderr.contains("solutions.yaml:"),
        "{}",
        report.stderr
    );
    let run = portfolio(dir.path(), &["varen-2027", "eldre-2027", "-o", "site"]).code(65);
    assert!(run.stderr.contains("solutions.yaml:"), "{}", run.stderr);
    assert!(run.stderr.contains("41234567"), "{}", run.stderr);
    assert!(!dir.path().join("site").exists());
    // As for the report, --redact replaces it with a marker.
    portfolio(
        dir.path(),
        &["varen-2027", "eldre-2027", "-o", "site", "--redact"],
    )
    .ok();
    let site = dir.path().join("site");
    for page in html_files(&site) {
        let html = std::fs::read_to_string(&page).unwrap();
        assert!(!html.contains("41234567"), "{}", page.display());
    }
}

#[test]
fn a_folder_that_is_no_sprint_is_left_out_with_a_warning_or_stops_with_strict() {
    let dir = tempfile::tempdir().unwrap();
    sprints(dir.path());
    std::fs::create_dir(dir.path().join("notes")).unwrap();
    let run = portfolio(dir.path(), &["varen-2027", "notes", "-o", "site"]).ok();
    assert!(
        run.stderr
            .contains("advarsel: `notes` er ikke en sprint: mappen har ingen samskap.yaml"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("sprinten i `notes` er utelatt"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("én sprint"), "{}", run.stderr);
    let strict = portfolio(
        dir.path(),
        &["varen-2027", "notes", "-o", "strict", "--strict"],
    )
    .code(65);
    assert!(
        strict.stderr.contains("feil: `notes` er ikke en sprint"),
        "{}",
        strict.stderr
    );
    assert!(!dir.path().join("strict").exists());
    // Nothing left to show: an error, whatever --strict says.
    let none = portfolio(dir.path(), &["notes", "missing", "-o", "none"]).code(65);
    assert!(
        none.stderr.contains("`missing` er ikke en sprint"),
        "{}",
        none.stderr
    );
    assert!(
        none.stderr.contains("alle 2 oppgitte er utelatt"),
        "{}",
        none.stderr
    );
}

#[test]
fn two_sprints_with_one_id_are_named_both() {
    let dir = tempfile::tempdir().unwrap();
    let [_, _, copy] = sprints(dir.path());
    edit(&copy.join("samskap.yaml"), |t| {
        t.replace("id: varen-kopi", "id: varen-2027-2027-01-04")
    });
    let run = portfolio(dir.path(), &["varen-2027", "varen-kopi", "-o", "site"]).ok();
    assert!(
        run.stderr.contains("sprinten i `varen-kopi` har samme id (`varen-2027-2027-01-04`) som sprinten i `varen-2027`"),
        "{}",
        run.stderr
    );
    assert_eq!(html_files(&dir.path().join("site")).len(), 2);
    portfolio(
        dir.path(),
        &["varen-2027", "varen-kopi", "-o", "s2", "--strict"],
    )
    .code(65);
}

#[test]
fn a_sprint_whose_workbook_fails_to_load_is_named_by_its_folder() {
    let dir = tempfile::tempdir().unwrap();
    let [_, eldre, _] = sprints(dir.path());
    std::fs::write(eldre.join("workbook/workbook.yaml"), "phases: [\n").unwrap();
    let run = portfolio(
        dir.path(),
        &["varen-2027", "eldre-2027", "-o", "site", "--lang", "en"],
    )
    .ok();
    assert!(
        run.stderr
            .contains("warning: the sprint in `eldre-2027` cannot be loaded"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("eldre-2027/workbook/workbook.yaml:"),
        "{}",
        run.stderr
    );
    let strict = portfolio(
        dir.path(),
        &["varen-2027", "eldre-2027", "-o", "s", "--strict"],
    )
    .code(65);
    assert!(
        strict.stderr.contains("eldre-2027/workbook/workbook.yaml:"),
        "{}",
        strict.stderr
    );
    assert!(!strict.stderr.contains("panicked"));
}

#[test]
fn a_language_a_sprint_s_workbook_lacks_is_refused_naming_the_folder() {
    let dir = tempfile::tempdir().unwrap();
    sprints(dir.path());
    // eldre-2027's workbook is nb and en: its own commands refuse nn …
    let own = samskap_in(&dir.path().join("eldre-2027"), &["--lang", "nn", "status"]).code(2);
    assert!(
        own.stderr
            .contains("arbeidsboka finst ikkje på `nn`; ho har `nb`, `en`"),
        "{}",
        own.stderr
    );
    // … and so does a portfolio it is in, before writing anything.
    let run = portfolio(
        dir.path(),
        &["varen-2027", "eldre-2027", "-o", "site", "--lang", "nn"],
    )
    .code(2);
    assert!(
        run.stderr.contains(
            "feil: sprinten i `eldre-2027` kan ikkje visast på dette språket: arbeidsboka finst ikkje på `nn`; ho har `nb`, `en`"
        ),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("--lang"), "{}", run.stderr);
    assert!(!dir.path().join("site").exists());
    // --strict or not: a language is no sprint to leave out.
    portfolio(
        dir.path(),
        &[
            "eldre-2027",
            "varen-2027",
            "-o",
            "site",
            "--lang",
            "nn",
            "--strict",
        ],
    )
    .code(2);
    // A language every sprint has is shown.
    portfolio(
        dir.path(),
        &["varen-2027", "eldre-2027", "-o", "site", "--lang", "en"],
    )
    .ok();
}

#[test]
fn a_portfolio_file_lists_the_sprints_relative_to_itself() {
    let dir = tempfile::tempdir().unwrap();
    sprints(dir.path());
    let district = dir.path().join("district");
    std::fs::create_dir(&district).unwrap();
    std::fs::write(
        district.join("portfolio.yaml"),
        "name: Bydel Nord\nsprints:\n  - ../varen-2027\n  - ../eldre-2027\n  - ../gone\n",
    )
    .unwrap();
    // No folder given: portfolio.yaml here.
    let run = portfolio(&district, &[]).ok();
    assert!(run.stderr.contains("portfolio.yaml:5:"), "{}", run.stderr);
    let index = std::fs::read_to_string(district.join("portfolio/index.html")).unwrap();
    assert!(index.contains("<h1>Bydel Nord</h1>"), "{index}");
    assert!(index.contains("2 sprinter"), "{index}");
    // Nothing given and no list: how to name the sprints.
    let none = portfolio(dir.path(), &[]).code(2);
    assert!(none.stderr.contains("portfolio.yaml"), "{}", none.stderr);
}

#[test]
fn output_is_replaced_only_where_samskap_wrote_it_unless_force() {
    let dir = tempfile::tempdir().unwrap();
    sprints(dir.path());
    let site = dir.path().join("site");
    std::fs::create_dir(&site).unwrap();
    std::fs::write(site.join("index.html"), "mine").unwrap();
    let run = portfolio(dir.path(), &["varen-2027", "-o", "site"]).code(73);
    assert!(run.stderr.contains("--force"), "{}", run.stderr);
    assert_eq!(
        std::fs::read_to_string(site.join("index.html")).unwrap(),
        "mine"
    );
    portfolio(dir.path(), &["varen-2027", "-o", "site", "--force"]).ok();
    // Its own files are replaced on the next run without --force; a sprint
    // no longer shown takes its page with it.
    portfolio(dir.path(), &["varen-2027", "eldre-2027", "-o", "site"]).ok();
    assert_eq!(html_files(&site).len(), 3);
    portfolio(dir.path(), &["varen-2027", "-o", "site"]).ok();
    assert_eq!(html_files(&site).len(), 2);
}

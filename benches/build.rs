//! `cargo bench`: a sprint of 50 groups × 40 interview notes, built with
//! `samskap build`, timed beside comrak alone converting the same notes'
//! Markdown to HTML (reading the files included), and beside pandoc doing
//! the same when pandoc is installed. Prints the figures and whether the
//! targets hold: samskap within 1.5× of comrak alone, peak memory under
//! 64 MB, both for samskap's own work (the site without report.pdf, which
//! a browser prints: the whole build is timed and measured beside it). Then `samskap portfolio` over 10 such sprints, beside `build` of
//! one (`cargo bench --bench build -- portfolio` runs that part alone).
//! It reports; it does not fail on slow machines.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const GROUPS: usize = 50;
const NOTES_PER_GROUP: usize = 40;
const RUNS: usize = 5;

const PARAGRAPHS: &[&str] = &[
    "Mor forteller at uka styres av avtaler: fysioterapi tirsdag, logoped torsdag og en ny innkalling til habiliteringstjenesten som kom i posten med fire dagers varsel. Hun anslår at hun bruker tre til fire timer i uka bare på å ringe, vente og skrive.",
    "Far jobber turnus og tar det meste av kjøringen. Han beskriver ansvarsgruppemøtene som nyttige når skolen og helsestasjonen er der samtidig, men sier at han ofte må fortelle den samme historien på nytt fordi det er nye folk rundt bordet.",
    "Familien fikk koordinator etter et halvt år. Koordinatoren er god, men har lite tid, og mor sier at det i praksis fortsatt er hun som holder oversikten over hvem som har ansvar for hva.",
    "Søsknene merker at tiden går til broren. Storesøster har begynt å si fra om at hun vil ha en fast kveld i uka med mor alene, og familien prøver å få det til.",
    "Overgangen fra barnehage til skole var det tyngste året. Ingen hadde ansvar for å samle trådene, og familien måtte selv sørge for at assistenten fra barnehagen fikk snakke med skolen før oppstart.",
    "Det som virker best er når én person tar ansvar og ringer tilbake. Mor trekker fram helsesykepleieren, som alltid svarer samme dag og vet hvem hun skal sette familien i kontakt med.",
];

const QUOTES: &[&str] = &[
    "«Jeg er egentlig koordinatoren. Det står et navn på papiret, men det er jeg som ringer rundt.»",
    "«Hvis noen bare kunne samle avtalene på ett sted, hadde jeg fått en kveld tilbake i uka.»",
    "«Det er første gang noen spør hva vi trenger, og ikke bare hva hun trenger.»",
    "«Overgangene er verst. Da starter alt på nytt.»",
];

const TAGS: &[&str] = &[
    "tid",
    "koordinator",
    "ansvarsgruppe",
    "oversikt",
    "overganger",
    "skjema",
    "sosken",
    "det-som-virker",
];

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().expect("a parent")).expect("folder");
    std::fs::write(path, text).expect("write");
}

/// Writes the sprint (`GROUPS` groups of `per_group` notes) and returns
/// the note files.
fn generate(root: &Path, per_group: usize) -> Vec<PathBuf> {
    let mut yaml = String::from(
        "name: Benchmark\nlang: nb\nchallenge: Hvordan kan vi frigjøre tid?\ntarget_group: Familier med barn med sammensatte behov\nstart: 2027-01-04\nweekday: tue\ntime: \"09:00\"\nplace: Bydelshuset\nsteering_group: [Bydelsdirektør]\n",
    );
    // Fifty groups need rooms of their own and several facilitators, as a
    // coordinator would give them: one room for all cannot hold the plan.
    let facilitators: Vec<String> = (1..=10).map(|f| format!("Fasilitator {f}")).collect();
    yaml.push_str(&format!(
        "facilitators: [{}]\ngroups:\n",
        facilitators.join(", ")
    ));
    let mut notes = Vec::new();
    for g in 1..=GROUPS {
        yaml.push_str(&format!(
            "  - id: gruppe-{g}\n    name: Gruppe {g}\n    sub_challenge: Underproblemstilling {g}\n    members: [Ansatt {g}a, Ansatt {g}b, Ansatt {g}c]\n    place: Grupperom {g}\n"
        ));
        for n in 1..=per_group {
            let tags = format!(
                "[{}, {}]",
                TAGS[(g + n) % TAGS.len()],
                TAGS[(g * 3 + n) % TAGS.len()]
            );
            let consent = if n % 13 == 0 { "withdrawn" } else { "given" };
            let mut text = format!(
                "---\npseudonym: Familie {g}-{n}\ndate: 2027-02-{:02}\ninterviewers: [Ansatt {g}a, Ansatt {g}b]\nconsent: {consent}\ntags: {tags}\n---\n",
                22 + n % 5
            );
            for (i, title) in [
                "Hverdag og tid",
                "Kontakt med tjenestene",
                "Koordinator og ansvarsgruppe",
                "Overganger",
                "Det som fungerer",
            ]
            .iter()
            .enumerate()
            {
                text.push_str(&format!(
                    "\n## {title}\n\n{}\n\n{}\n\n> {}\n",
                    PARAGRAPHS[(n + i) % PARAGRAPHS.len()],
                    PARAGRAPHS[(g + i * 2) % PARAGRAPHS.len()],
                    QUOTES[(g + n + i) % QUOTES.len()]
                ));
            }
            text.push_str(&format!("\n#{}\n", TAGS[n % TAGS.len()]));
            let path = root.join(format!(
                "groups/gruppe-{g}/interviews/2027-02-22-familie-{n}.md"
            ));
            write(&path, &text);
            notes.push(path);
        }
        write(
            &root.join(format!("groups/gruppe-{g}/solutions.yaml")),
            &format!(
                "solutions:\n  - id: losning-{g}-a\n    title: Felles plan {g}\n    description: En felles plan for avtalene.\n    challenges: [koordinator]\n    status: tested\n    hours_per_month:\n      families: 2.5\n      staff: 1\n  - id: losning-{g}-b\n    title: Tjenestekart {g}\n    challenges: [oversikt-over-tjenester]\n    status: idea\n    hours_per_month:\n      families: 1\n      staff: 0.5\n"
            ),
        );
    }
    write(&root.join("samskap.yaml"), &yaml);
    write(&root.join("progress.yaml"), "done: []\n");
    notes
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

/// Each run builds into a folder of its own, none deleted until the end:
/// on ext4, creating files right after deleting as many costs about ten
/// times as much (the allocator skips recently freed inodes), which once
/// made a third of the measured time here.
/// `samskap check` on the sprint at `root`, median of the runs.
fn time_check(bin: &str, root: &Path) -> Duration {
    median(
        (0..RUNS)
            .map(|_| {
                let start = Instant::now();
                let run = Command::new(bin)
                    .current_dir(root)
                    .arg("check")
                    .output()
                    .expect("samskap runs");
                let took = start.elapsed();
                assert!(
                    run.status.success(),
                    "{}",
                    String::from_utf8_lossy(&run.stderr)
                );
                took
            })
            .collect(),
    )
}

/// Whether `build` finds the browser that prints report.pdf.
#[derive(Clone, Copy, PartialEq)]
enum Browser {
    /// As installed: the PDF is printed (most of build's time and memory
    /// are then the browser's).
    Found,
    /// Turned off (SAMSKAP_BROWSER=none): samskap's own work.
    Hidden,
}

/// `samskap build` of the sprint at `root`, as a command that finds the
/// browser or not.
fn build_command(bin: &str, root: &Path, browser: Browser) -> Command {
    let mut cmd = Command::new(bin);
    cmd.current_dir(root)
        .args(["build", "--today", "2027-05-10", "-o"]);
    if browser == Browser::Hidden {
        hide_browser(&mut cmd);
    }
    cmd
}

/// SAMSKAP_BROWSER=none: samskap prints no PDF.
fn hide_browser(cmd: &mut Command) {
    cmd.env("SAMSKAP_BROWSER", "none");
}

fn time_build(bin: &str, root: &Path) -> Duration {
    time_build_with(bin, root, Browser::Found)
}

fn time_build_with(bin: &str, root: &Path, browser: Browser) -> Duration {
    let sites = root.join("bench-sites");
    let _ = std::fs::remove_dir_all(&sites);
    median(
        (0..RUNS)
            .map(|run| {
                let out = sites.join(format!("run-{run}"));
                let start = Instant::now();
                let status = build_command(bin, root, browser)
                    .arg(&out)
                    .output()
                    .expect("samskap runs");
                let took = start.elapsed();
                assert!(
                    status.status.success(),
                    "{}",
                    String::from_utf8_lossy(&status.stderr)
                );
                took
            })
            .collect(),
    )
}

/// How many sprints the portfolio is timed over.
const SPRINTS: usize = 10;

/// `SPRINTS` sprints like the one at `root`, each with its own id, in
/// folders beside it.
fn generate_sprints(root: &Path) -> Vec<PathBuf> {
    (1..=SPRINTS)
        .map(|i| {
            let dir = root.with_file_name(format!("portfolio-sprint-{i}"));
            generate(&dir, NOTES_PER_GROUP);
            let yaml = dir.join("samskap.yaml");
            let text = std::fs::read_to_string(&yaml).expect("samskap.yaml");
            let text = text.replacen(
                "name: Benchmark\n",
                &format!("name: Benchmark {i}\nid: benchmark-{i}\n"),
                1,
            );
            std::fs::write(&yaml, text).expect("samskap.yaml");
            dir
        })
        .collect()
}

/// `samskap portfolio` over `sprints`, median of the runs, each into a
/// folder of its own.
fn time_portfolio(bin: &str, sprints: &[PathBuf]) -> Duration {
    let sites = sprints[0].with_file_name("bench-portfolios");
    let _ = std::fs::remove_dir_all(&sites);
    median(
        (0..RUNS)
            .map(|run| {
                let start = Instant::now();
                let output = Command::new(bin)
                    .args(["portfolio", "--strict", "--today", "2027-05-10", "-o"])
                    .arg(sites.join(format!("run-{run}")))
                    .args(sprints)
                    .output()
                    .expect("samskap runs");
                let took = start.elapsed();
                assert!(
                    output.status.success(),
                    "{}",
                    String::from_utf8_lossy(&output.stderr)
                );
                took
            })
            .collect(),
    )
}

/// The portfolio over `SPRINTS` sprints like the one at `root`, beside
/// `build` of that one.
fn bench_portfolio(bin: &str, root: &Path, build: Duration) {
    let sprints = generate_sprints(root);
    let portfolio = time_portfolio(bin, &sprints);
    println!(
        "samskap portfolio      {:>8.1} ms  (median of {RUNS}, {SPRINTS} sprints of {GROUPS} groups × {NOTES_PER_GROUP} notes; build of one: {:.1} ms, portfolio/build {:.2}, per sprint {:.1} ms)",
        portfolio.as_secs_f64() * 1e3,
        build.as_secs_f64() * 1e3,
        portfolio.as_secs_f64() / build.as_secs_f64(),
        portfolio.as_secs_f64() * 1e3 / SPRINTS as f64
    );
}

/// An interview note's front matter, as samskap reads it.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Front {
    pseudonym: serde_saphyr::Spanned<String>,
    date: serde_saphyr::Spanned<String>,
    interviewers: Vec<String>,
    consent: String,
    tags: Vec<serde_saphyr::Spanned<String>>,
}

/// What no build can go below on one core: reading every note and parsing
/// its front matter with the YAML library samskap uses.
fn time_front_matter(notes: &[PathBuf]) -> Duration {
    median(
        (0..RUNS)
            .map(|_| {
                let start = Instant::now();
                for path in notes {
                    let text = std::fs::read_to_string(path).expect("note");
                    let front = text[4..].split("\n---\n").next().expect("front matter");
                    let parsed: Front = serde_saphyr::from_str(front).expect("front matter");
                    std::hint::black_box(parsed);
                }
                start.elapsed()
            })
            .collect(),
    )
}

fn time_comrak(notes: &[PathBuf]) -> (Duration, usize) {
    let mut bytes = 0;
    let times = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            let mut options = comrak::Options::default();
            options.extension.table = true;
            for path in notes {
                let text = std::fs::read_to_string(path).expect("note");
                let html = comrak::markdown_to_html(&text, &options);
                bytes += html.len();
            }
            start.elapsed()
        })
        .collect();
    (median(times), bytes / RUNS)
}

/// The peak resident memory of `build`: the largest of samskap and the
/// programs it runs (so, with the browser, the browser's).
fn peak_memory_kb(bin: &str, root: &Path, browser: Browser) -> Option<u64> {
    let out = root.join("bench-sites").join("memory");
    let _ = std::fs::remove_dir_all(&out);
    let mut time = Command::new("/usr/bin/time");
    time.args(["-f", "%M", bin, "build", "--today", "2027-05-10", "-o"])
        .arg(&out)
        .current_dir(root);
    if browser == Browser::Hidden {
        hide_browser(&mut time);
    }
    let output = time.output().ok()?;
    String::from_utf8_lossy(&output.stderr)
        .lines()
        .last()?
        .trim()
        .parse()
        .ok()
}

fn time_pandoc(notes: &[PathBuf]) -> Option<Duration> {
    Command::new("pandoc").arg("--version").output().ok()?;
    let start = Instant::now();
    let status = Command::new("pandoc")
        .args(["-f", "markdown", "-t", "html", "-o", "/dev/null"])
        .args(notes)
        .status()
        .ok()?;
    status.success().then(|| start.elapsed())
}

fn main() {
    // `cargo bench -- --list` and filters: nothing to list, nothing to skip.
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let bin = env!("CARGO_BIN_EXE_samskap");
    let dir = tempfile::tempdir().expect("temp dir");
    // SAMSKAP_BENCH_DIR keeps the generated sprint, to profile it afterwards.
    let root = match std::env::var_os("SAMSKAP_BENCH_DIR") {
        Some(keep) => PathBuf::from(keep),
        None => dir.path().join("sprint"),
    };
    let notes = generate(&root, NOTES_PER_GROUP);
    let size: u64 = notes
        .iter()
        .map(|p| std::fs::metadata(p).map_or(0, |m| m.len()))
        .sum();
    println!(
        "sprint: {GROUPS} groups × {NOTES_PER_GROUP} interview notes = {} notes, {:.1} MB of Markdown",
        notes.len(),
        size as f64 / 1e6
    );
    let build = time_build(bin, &root);
    if std::env::args().skip(1).any(|a| a == "portfolio") {
        bench_portfolio(bin, &root, build);
        return;
    }
    let (comrak, _) = time_comrak(&notes);
    // The browser printing report.pdf is most of a whole build; the target
    // beside comrak is samskap's own work, the site without the PDF.
    let own = time_build_with(bin, &root, Browser::Hidden);
    let ratio = own.as_secs_f64() / comrak.as_secs_f64();
    println!(
        "samskap build          {:>8.1} ms  (median of {RUNS}, whole site: agendas, guides, report ×3, calendar, and report.pdf by the browser)",
        build.as_secs_f64() * 1e3
    );
    println!(
        "samskap build, no PDF  {:>8.1} ms  (median of {RUNS}, the same site without report.pdf: samskap's own work)",
        own.as_secs_f64() * 1e3
    );
    println!(
        "comrak alone           {:>8.1} ms  (read + convert every note to HTML, in process)",
        comrak.as_secs_f64() * 1e3
    );
    let front = time_front_matter(&notes);
    println!(
        "front matter alone     {:>8.1} ms  (read every note and parse its front matter with serde-saphyr, one core: work build cannot skip)",
        front.as_secs_f64() * 1e3
    );
    match time_pandoc(&notes) {
        Some(p) => println!(
            "pandoc                 {:>8.1} ms  (the same notes to HTML, one run)",
            p.as_secs_f64() * 1e3
        ),
        None => println!("pandoc                 not installed"),
    }
    println!(
        "ratio samskap/comrak   {ratio:>8.2}   (build without PDF / comrak alone) target ≤ 1.5: {}",
        if ratio <= 1.5 { "met" } else { "NOT met" }
    );
    // check reads and scans everything an export may show: linear in the
    // notes, under a second for 20,000, within 3× of build.
    let check = time_check(bin, &root);
    let large_root = root.with_file_name("sprint-20000");
    generate(&large_root, 20_000 / GROUPS);
    let large_check = time_check(bin, &large_root);
    let large_build = time_build(bin, &large_root);
    println!(
        "samskap check          {:>8.1} ms  (2,000 notes; build {:.1} ms)",
        check.as_secs_f64() * 1e3,
        build.as_secs_f64() * 1e3
    );
    let ratio = large_check.as_secs_f64() / large_build.as_secs_f64();
    println!(
        "samskap check 20,000   {:>8.1} ms  (build {:.1} ms, check/build {ratio:.2}) target < 1000 ms and ≤ 3× build: {}",
        large_check.as_secs_f64() * 1e3,
        large_build.as_secs_f64() * 1e3,
        if large_check.as_secs_f64() < 1.0 && ratio <= 3.0 {
            "met"
        } else {
            "NOT met"
        }
    );
    // names.txt of 100,000 names: check on the 2,000 notes in under a second.
    let names: String = (0..100_000)
        .map(|i| format!("Fornavn{i} Etternavn{}\n", i % 977))
        .collect();
    write(&root.join("private/names.txt"), &names);
    let named = time_check(bin, &root);
    println!(
        "check, 100,000 names   {:>8.1} ms  (2,000 notes, private/names.txt of 100,000 names) target < 1000 ms: {}",
        named.as_secs_f64() * 1e3,
        if named.as_secs_f64() < 1.0 {
            "met"
        } else {
            "NOT met"
        }
    );
    std::fs::remove_file(root.join("private/names.txt")).expect("names.txt");
    bench_portfolio(bin, &root, build);
    match peak_memory_kb(bin, &root, Browser::Hidden) {
        Some(kb) => println!(
            "peak memory            {:>8.1} MB  (samskap build without PDF) target < 64 MB: {}",
            kb as f64 / 1024.0,
            if kb < 64 * 1024 { "met" } else { "NOT met" }
        ),
        None => println!("peak memory            unknown (/usr/bin/time not installed)"),
    }
    if let Some(kb) = peak_memory_kb(bin, &root, Browser::Found) {
        println!(
            "peak memory with PDF   {:>8.1} MB  (the largest process: the browser printing report.pdf)",
            kb as f64 / 1024.0
        );
    }
}

//! The interactive commands on a real terminal: `new-sprint`'s wizard,
//! `guide`, `assess`'s questions and `build`'s progress bar, answered
//! through a pseudo-terminal (expectrl) with the keys a person would press,
//! and the files they write checked afterwards.
//!
//! Each test waits for a question's text before it answers, so the answers
//! never race the questions. The terminal is 80×24 (ptyprocess sets that
//! size before samskap starts) with echo off, so what is read back is what
//! samskap wrote.

#![cfg(unix)]

mod common;

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use expectrl::process::unix::WaitStatus;
use expectrl::session::OsSession;
use expectrl::{Eof, Expect, Regex, Session};

use common::{samskap_env, samskap_in, snapshot_tree};

/// How long to wait for any one question before failing.
const TIMEOUT: Duration = Duration::from_secs(20);
/// The Enter key, as a terminal sends it.
const ENTER: &str = "\r";
/// The down arrow, as a terminal sends it.
const DOWN: &str = "\x1b[B";
/// What Linux reports when the program on a terminal has ended (EIO).
const ENDED: i32 = 5;

/// samskap running on a pseudo-terminal.
struct Terminal {
    session: OsSession,
    /// What samskap has written so far, for failure messages.
    seen: String,
}

impl Terminal {
    /// Starts `samskap ARGS` in `dir` on a new pseudo-terminal.
    fn spawn(dir: &Path, args: &[&str]) -> Terminal {
        let mut command = Command::new(env!("CARGO_BIN_EXE_samskap"));
        command
            .current_dir(dir)
            .args(args)
            .env("TERM", "xterm")
            .env("NO_COLOR", "1")
            .env("CLICOLOR", "0")
            .env_remove("RUST_BACKTRACE");
        let mut session = Session::spawn(command).expect("samskap starts on a pseudo-terminal");
        session.set_expect_timeout(Some(TIMEOUT));
        let size = session
            .get_process()
            .get_window_size()
            .expect("terminal size");
        assert_eq!(size, (80, 24), "terminal size (columns, rows)");
        Terminal {
            session,
            seen: String::new(),
        }
    }

    /// Waits until samskap writes `text`.
    #[track_caller]
    fn expect(&mut self, text: &str) {
        match self.session.expect(text) {
            Ok(found) => self.seen.push_str(&plain(found.as_bytes())),
            Err(err) => self.fail(&format!("waiting for {text:?}: {err}")),
        }
    }

    /// Waits for a menu's highlighted line (`> item`) and returns the item.
    #[track_caller]
    fn highlighted(&mut self) -> String {
        match self.session.expect(Regex(r"> ([^\r\n\x1b]+)[\r\n\x1b]")) {
            Ok(found) => {
                self.seen.push_str(&plain(found.as_bytes()));
                let item = found.get(1).expect("the regex has a group");
                String::from_utf8_lossy(item).trim().to_owned()
            }
            Err(err) => self.fail(&format!("waiting for a highlighted item: {err}")),
        }
    }

    /// Sends keys.
    #[track_caller]
    fn send(&mut self, keys: &str) {
        if let Err(err) = self.session.send(keys) {
            self.fail(&format!("sending {keys:?}: {err}"));
        }
    }

    /// Answers the text question `prompt` with `answer`.
    #[track_caller]
    fn answer(&mut self, prompt: &str, answer: &str) {
        self.expect(prompt);
        self.send(&format!("{answer}{ENTER}"));
    }

    /// Answers the menu `prompt` with the item that starts with `wanted`,
    /// moving down from whichever item is highlighted first.
    #[track_caller]
    fn choose(&mut self, prompt: &str, items: &[&str], wanted: &str) {
        self.expect(prompt);
        let first = self.highlighted();
        let position = |text: &str| {
            items
                .iter()
                .position(|item| *item == text)
                .unwrap_or_else(|| panic!("{text:?} is none of {items:?}"))
        };
        let (from, to) = (position(&first), position(wanted));
        let downs = (to + items.len() - from) % items.len();
        self.send(&format!("{}{ENTER}", DOWN.repeat(downs)));
    }

    /// Waits for samskap to end, and returns its exit code.
    #[track_caller]
    fn exit_code(mut self) -> i32 {
        match self.session.expect(Eof) {
            Ok(found) => self.seen.push_str(&plain(found.as_bytes())),
            Err(expectrl::Error::IO(err)) if err.raw_os_error() == Some(ENDED) => {}
            Err(err) => self.fail(&format!("waiting for the end: {err}")),
        }
        match self.session.get_process().wait() {
            Ok(WaitStatus::Exited(_, code)) => code,
            other => self.fail(&format!("samskap did not exit normally: {other:?}")),
        }
    }

    /// Fails the test, showing what samskap wrote.
    #[track_caller]
    fn fail(&mut self, what: &str) -> ! {
        let rest = self
            .session
            .check(Regex(r"(?s).+"))
            .map(|found| plain(found.as_bytes()))
            .unwrap_or_default();
        panic!("{what}\n--- the terminal so far\n{}{rest}", self.seen);
    }
}

/// Terminal output without escape sequences and carriage returns.
fn plain(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match c {
            '\x1b' => {
                if chars.next() == Some('[') {
                    for c in chars.by_ref() {
                        if ('\x40'..='\x7e').contains(&c) {
                            break;
                        }
                    }
                }
            }
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// The answers both workspaces are made from.
const NAME: &str = "Trygg skolevei";
const CHALLENGE: &str = "Hvordan kan barn gå trygt til skolen?";
const TARGET_GROUP: &str = "Barn 6–12 år og foreldrene deres";

#[test]
fn wizard_creates_the_same_workspace_as_flags() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path();
    samskap_in(
        dir,
        &[
            "new-sprint",
            "viaflags",
            "--name",
            NAME,
            "--challenge",
            CHALLENGE,
            "--target-group",
            TARGET_GROUP,
            "--start",
            "2027-01-04",
            "--weekday",
            "tue",
            "--time",
            "09:30",
            "--groups",
            "2",
            "--sub-challenge",
            "A",
            "--sub-challenge",
            "B",
            "--members",
            "Kari, Ola",
            "--members",
            "Per",
            "--steering-group",
            "Leder 1, Leder 2",
            "--lang",
            "nb",
        ],
    )
    .ok();

    let mut term = Terminal::spawn(dir, &["new-sprint", "viawizard"]);
    term.choose(
        "Språk i dokumentene",
        &["nb – norsk bokmål", "nn – norsk nynorsk", "en – engelsk"],
        "nb – norsk bokmål",
    );
    term.answer("Navn på sprinten", NAME);
    term.answer("Utfordringen (problemstillingen)", CHALLENGE);
    term.answer("Målgruppa", TARGET_GROUP);
    term.choose(
        "Ukedag for samlingene",
        &["mandag", "tirsdag", "onsdag", "torsdag", "fredag"],
        "tirsdag",
    );
    term.answer("Første dag (ÅÅÅÅ-MM-DD)", "2027-01-04");
    term.answer("Klokkeslett for samlingene (TT:MM)", "09:30");
    term.answer("Antall arbeidsgrupper", "2");
    term.answer("Gruppe 1: underproblemstilling", "A");
    term.answer("Gruppe 1: medlemmer", "Kari, Ola");
    term.answer("Gruppe 2: underproblemstilling", "B");
    term.answer("Gruppe 2: medlemmer", "Per");
    term.answer("Styringsgruppa, skilt med komma", "Leder 1, Leder 2");
    term.expect("Sprinten er klar.");
    assert_eq!(term.exit_code(), 0);

    let flags = snapshot_tree(&dir.join("viaflags"));
    let wizard = snapshot_tree(&dir.join("viawizard"));
    let names = |tree: &[(std::path::PathBuf, Vec<u8>)]| {
        tree.iter().map(|(p, _)| p.clone()).collect::<Vec<_>>()
    };
    assert_eq!(names(&wizard), names(&flags), "the same files");
    for ((path, wizard), (_, flags)) in wizard.iter().zip(&flags) {
        assert!(
            wizard == flags,
            "{} differs\n--- via the wizard\n{}\n--- via flags\n{}",
            path.display(),
            String::from_utf8_lossy(wizard),
            String::from_utf8_lossy(flags),
        );
    }
    for file in [
        "README.md",
        "samskap.yaml",
        "progress.yaml",
        "samskap.schema.json",
        ".gitignore",
    ] {
        assert!(
            flags.iter().any(|(p, _)| p == Path::new(file)),
            "{file} written"
        );
    }
    let yaml = std::fs::read_to_string(dir.join("viawizard/samskap.yaml")).expect("samskap.yaml");
    assert!(
        yaml.contains(&format!("challenge: \"{CHALLENGE}\"")),
        "{yaml}"
    );
    assert!(yaml.contains("\n# workbook: "), "no workbook line: {yaml}");
}

/// In nynorsk the wizard offers nynorsk weekday names, and a refused
/// answer is framed in nynorsk too ("feil:", not dialoguer's "error:"),
/// saying what is wrong with it: 30 February does not exist.
#[test]
fn wizard_in_nynorsk_names_weekdays_and_refusals_in_nynorsk() {
    let tmp = tempfile::tempdir().unwrap();
    let mut term = Terminal::spawn(tmp.path(), &["--lang", "nn", "new-sprint", "viann"]);
    term.answer("Namnet på sprinten", NAME);
    term.answer("Utfordringa (problemstillinga)", CHALLENGE);
    term.answer("Målgruppa", TARGET_GROUP);
    term.choose(
        "Vekedag for samlingane",
        &["måndag", "tysdag", "onsdag", "torsdag", "fredag"],
        "tysdag",
    );
    term.answer("Første dag (ÅÅÅÅ-MM-DD)", "2027-02-30");
    term.expect("feil: `2027-02-30` er ikkje ein dato");
    assert!(!term.seen.contains("error:"), "{}", term.seen);
}

#[test]
fn wizard_refuses_a_folder_that_is_not_empty_before_asking() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().join("ws");
    std::fs::create_dir(&dir).expect("ws");
    std::fs::write(dir.join("notater.txt"), "mine\n").expect("a file");

    let mut term = Terminal::spawn(tmp.path(), &["new-sprint", "ws"]);
    term.expect("er ikke tom");
    term.expect("--force");
    assert!(!term.seen.contains("Språk"), "asked first:\n{}", term.seen);
    assert_eq!(term.exit_code(), 73);
    let files = snapshot_tree(&dir);
    assert_eq!(files.len(), 1, "nothing written: {files:?}");
}

/// A workspace in `dir`/ws, with the defaults, starting 2027-01-04.
fn workspace(dir: &Path, extra: &[&str]) -> std::path::PathBuf {
    let mut args = vec!["new-sprint", "ws", "--yes", "--start", "2027-01-04"];
    args.extend_from_slice(extra);
    samskap_in(dir, &args).ok();
    dir.join("ws")
}

#[test]
fn guide_marks_the_chosen_step_done() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let ws = workspace(tmp.path(), &[]);

    let mut term = Terminal::spawn(&ws, &["guide", "--today", "2027-01-05"]);
    term.expect("Velg steg");
    let first = term.highlighted();
    assert!(
        first.contains("Oppstart med styringsgruppa"),
        "the first step not done is offered: {first:?}"
    );
    term.send(ENTER);
    term.expect("Sjekkliste");
    term.send(&format!("a{ENTER}"));
    term.expect("Marker steget som gjennomført? [J/n]");
    term.send(ENTER);
    term.expect("Markert som gjennomført.");
    term.expect("Videre til neste steg?");
    term.send(&format!("nei{ENTER}"));
    assert_eq!(term.exit_code(), 0);

    let progress = std::fs::read_to_string(ws.join("progress.yaml")).expect("progress.yaml");
    assert!(
        progress.contains("- step: diagnose-oppstart-styringsgruppe\n    date: 2027-01-05\n"),
        "{progress}"
    );
    assert_eq!(progress.matches("- step:").count(), 1, "{progress}");
}

#[test]
fn guide_in_english() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let ws = workspace(tmp.path(), &[]);

    let mut term = Terminal::spawn(&ws, &["--lang", "en", "guide", "--today", "2027-01-05"]);
    term.expect("Choose a step");
    let first = term.highlighted();
    assert!(
        first.contains("Kickoff with the steering group"),
        "{first:?}"
    );
    term.send(ENTER);
    term.expect("Checklist");
    term.send(&format!("a{ENTER}"));
    term.expect("Mark the step as done? [Y/n]");
    term.send(ENTER);
    term.expect("Marked as done.");
    term.expect("On to the next step?");
    term.send(&format!("n{ENTER}"));
    assert_eq!(term.exit_code(), 0);
    let progress = std::fs::read_to_string(ws.join("progress.yaml")).expect("progress.yaml");
    assert!(
        progress.contains("- step: diagnose-oppstart-styringsgruppe\n    date: 2027-01-05\n"),
        "{progress}"
    );
}

#[test]
fn guide_marks_a_step_done_for_the_chosen_group() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let ws = workspace(tmp.path(), &["--groups", "3"]);
    for step in [
        "diagnose-oppstart-styringsgruppe",
        "diagnose-verksted-seksjonsledere",
        "diagnose-verksted-tjenesteledere",
        "diagnose-dybdeintervjuer",
        "diagnose-analyse-intervjuer",
        "diagnose-valg-av-problemstilling",
        "diagnose-underproblemstillinger-og-rekruttering",
        "utforske-uke-1-oppstart",
    ] {
        samskap_in(
            &ws,
            &[
                "done",
                step,
                "--date",
                "2027-02-16",
                "--today",
                "2027-02-16",
            ],
        )
        .ok();
    }
    samskap_in(
        &ws,
        &[
            "done",
            "utforske-uke-1-planlegging",
            "--group",
            "gruppe-1",
            "--date",
            "2027-02-16",
            "--today",
            "2027-02-16",
        ],
    )
    .ok();

    let mut term = Terminal::spawn(&ws, &["guide", "--today", "2027-02-16"]);
    term.expect("Velg steg");
    let first = term.highlighted();
    assert!(
        first.contains("Planlegg intervjuene"),
        "the step some groups have left is offered: {first:?}"
    );
    term.send(ENTER);
    // Only the groups still to do it are offered; take the second.
    term.choose("Hvilken gruppe?", &["gruppe-2", "gruppe-3"], "gruppe-3");
    term.expect("Sjekkliste");
    term.send(&format!("a{ENTER}"));
    term.expect("Marker steget som gjennomført? [J/n]");
    term.send(&format!("ja{ENTER}"));
    term.expect("Markert som gjennomført.");
    term.expect("Videre til neste steg?");
    term.send(&format!("j{ENTER}"));

    // Round two: gruppe-2 is left. Tick nothing, so the default is not to mark it.
    term.expect("Velg steg");
    let again = term.highlighted();
    assert!(again.contains("Planlegg intervjuene"), "{again:?}");
    term.send(ENTER);
    term.expect("Hvilken gruppe?");
    assert_eq!(term.highlighted(), "gruppe-2");
    term.send(ENTER);
    term.expect("Sjekkliste");
    term.send(ENTER);
    term.expect("punkter er ikke krysset av.");
    term.expect("Marker steget som gjennomført? [j/N]");
    term.send(ENTER);
    term.expect("Videre til neste steg?");
    term.send(&format!("nei{ENTER}"));
    assert_eq!(term.exit_code(), 0);

    let progress = std::fs::read_to_string(ws.join("progress.yaml")).expect("progress.yaml");
    for group in ["gruppe-1", "gruppe-3"] {
        let record = format!(
            "- step: utforske-uke-1-planlegging\n    group: {group}\n    date: 2027-02-16\n"
        );
        assert!(progress.contains(&record), "{group}:\n{progress}");
    }
    assert!(!progress.contains("gruppe-2"), "{progress}");
}

#[test]
fn guide_without_a_terminal_fails_clearly() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let ws = workspace(tmp.path(), &[]);
    let run = samskap_in(&ws, &["guide", "--today", "2027-01-05"]).code(2);
    assert!(run.stderr.contains("trenger en terminal"), "{}", run.stderr);
    assert!(run.stderr.contains("`samskap next`"), "{}", run.stderr);
    let progress = std::fs::read_to_string(ws.join("progress.yaml")).expect("progress.yaml");
    assert!(progress.contains("done: []"), "{progress}");
}

#[test]
fn assess_asks_for_the_leader_and_each_missing_score() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let ws = workspace(tmp.path(), &[]);
    // One score as a flag: the prompts ask only for the others.
    let mut term = Terminal::spawn(
        &ws,
        &[
            "assess",
            "--date",
            "2027-05-03",
            "--score",
            "felles-forstaelse-1=1",
        ],
    );
    term.answer("Leder (navn eller rolle)", "Bydelsdirektør");
    term.expect("Felles forståelse");
    let first = term.highlighted();
    assert!(
        first.starts_with("3 – "),
        "the middle of the scale first: {first:?}"
    );
    assert!(
        !term.seen.contains("felles-forstaelse-1"),
        "a score given as a flag is not asked for"
    );
    // The first statement asked: two steps down from 3 is 5.
    term.send(&format!("{DOWN}{DOWN}{ENTER}"));
    let mut asked = 1;
    while asked < 26 {
        term.expect(" – ");
        term.send(ENTER);
        asked += 1;
    }
    term.expect("Lagret vurderingen til Bydelsdirektør");
    assert_eq!(term.exit_code(), 0);

    let file = std::fs::read_to_string(ws.join("assessment.yaml")).expect("assessment.yaml");
    assert!(file.contains("leader: \"Bydelsdirektør\""), "{file}");
    assert!(file.contains("date: 2027-05-03"), "{file}");
    assert!(file.contains("felles-forstaelse-1: 1\n"), "{file}");
    assert!(file.contains("felles-forstaelse-2: 5\n"), "{file}");
    assert_eq!(file.matches(": 3\n").count(), 25, "{file}");
    // What the prompts wrote reads back as a valid record.
    samskap_in(&ws, &["check"]).ok();
}

#[test]
fn build_shows_a_progress_bar_on_a_terminal_and_only_the_summary_otherwise() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/varen-2027");
    let ws = tmp.path().join("varen-2027");
    for (path, bytes) in snapshot_tree(&example) {
        let target = ws.join(path);
        std::fs::create_dir_all(target.parent().expect("a parent")).expect("folder");
        std::fs::write(target, bytes).expect("copy");
    }

    let mut term = Terminal::spawn(&ws, &["build", "--today", "2027-05-10"]);
    // The bar counts files ("3/32") while it runs and is cleared when done.
    let total: usize = match term.session.expect(Regex(r"\d+/(\d+) ")) {
        Ok(found) => String::from_utf8_lossy(found.get(1).expect("a group"))
            .parse()
            .expect("a number"),
        Err(err) => term.fail(&format!("waiting for the bar: {err}")),
    };
    term.expect(&format!("Skrev {total} filer til out"));
    assert_eq!(term.exit_code(), 0);
    // Every file the bar counted, and the build's list of them.
    let made = std::fs::read_dir(ws.join("out")).expect("out").count();
    assert_eq!(made, total + 1);

    std::fs::remove_dir_all(ws.join("out")).expect("remove out");
    // As on the terminal: the browser samskap finds prints report.pdf.
    let run = samskap_env(
        &ws,
        &["build", "--today", "2027-05-10"],
        &[("SAMSKAP_BROWSER", "")],
    )
    .ok();
    assert_eq!(
        run.stderr.trim(),
        format!(
            "Skrev {total} filer til out ({})",
            Path::new("out").join("index.html").display()
        )
    );
    assert!(run.stdout.is_empty(), "{}", run.stdout);
}

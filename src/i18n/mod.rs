//! Everything samskap says, in the user's language: bokmål, nynorsk or
//! English.
//!
//! The words live in two catalogue files, compiled by `build.rs`:
//! - `i18n/messages.txt`: every message, one function per message in [`msg`]
//!   (`msg::file_exists(lang, n, paths)`), whole sentences with
//!   placeholders and plural forms;
//! - `i18n/help.txt`: the `--help` texts in bokmål and nynorsk (English is
//!   in the doc comments of `src/cli.rs`, which clap reads).
//!
//! Why a compiled table rather than fluent: the three languages share one
//! plural rule (one/other), so fluent's runtime parser, plural rules and
//! ICU-style locale machinery (eight crates) would buy nothing; a compiled
//! table costs no dependency, makes an unknown message or a wrong argument a
//! compile error instead of a runtime fallback, and lets a test see every
//! language of every message at once.
//!
//! Every message is written in all three languages: a test below fails on
//! a message missing one, on a nynorsk text holding words only bokmål
//! writes, and on a message no code uses. (`build.rs` still falls back
//! from nynorsk to bokmål, then English, so a catalogue in the making
//! compiles.)

mod clap_text;
pub mod schema;
mod select;

pub use clap_text::{command, render_clap_error};
pub use select::{from_env, from_locale, parse_lang, prescan, resolve_ui};

use std::sync::atomic::{AtomicU8, Ordering};

use crate::workbook::Lang;

/// One function per message of `i18n/messages.txt`.
#[allow(unused_imports, unused_mut, clippy::all)]
pub mod msg {
    include!(concat!(env!("OUT_DIR"), "/messages.rs"));
}

/// The help texts of `i18n/help.txt`.
pub mod help {
    include!(concat!(env!("OUT_DIR"), "/help.rs"));
}

/// A message as written in the catalogue, for tests and tools.
#[derive(Debug)]
pub struct Entry {
    /// The message's id (its function's name).
    pub id: &'static str,
    /// Its parameters.
    pub params: &'static [&'static str],
    /// Its text in nb, nn and en, where given.
    pub texts: [Option<&'static str>; 3],
}

/// A number a message chooses its plural form by.
pub trait Count {
    /// The number.
    fn count(&self) -> u64;
}

macro_rules! count_for {
    ($($t:ty),*) => {$(
        impl Count for $t {
            fn count(&self) -> u64 {
                u64::try_from(*self).unwrap_or(u64::MAX)
            }
        }
    )*};
}
count_for!(usize, u64, u32, u16, u8, i64, i32);

impl<T: Count> Count for &T {
    fn count(&self) -> u64 {
        (*self).count()
    }
}

/// The language of messages for this run (set once at start by `main`).
static UI: AtomicU8 = AtomicU8::new(0);

/// Sets the language samskap speaks in for the rest of the run.
pub fn set_ui(lang: Lang) {
    UI.store(lang as u8, Ordering::Relaxed);
}

/// Whether nothing (no --lang, sprint, SAMSKAP_LANG or locale) chose the
/// language samskap speaks in.
static UI_DEFAULT: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Marks the language samskap speaks in as the default, not chosen.
pub fn ui_is_default() {
    UI_DEFAULT.store(true, Ordering::Relaxed);
}

/// Speaks a language of `languages` (a workbook's) when nothing chose
/// one: an English-only workbook is listed and checked in English.
pub fn follow_workbook(languages: &[Lang]) {
    if UI_DEFAULT.load(Ordering::Relaxed)
        && let Some(&first) = languages.first()
        && !languages.contains(&ui())
    {
        set_ui(first);
    }
}

/// The language samskap speaks in: for errors, hints and progress lines
/// made where no document language is at hand.
pub fn ui() -> Lang {
    match UI.load(Ordering::Relaxed) {
        1 => Lang::Nn,
        2 => Lang::En,
        _ => Lang::Nb,
    }
}

/// A yes or a no as people type it: `ja`, `nei`, `yes`, `no`, their first
/// letters, `true` or `false`, in any case.
pub fn parse_yes_no(answer: &str) -> Option<bool> {
    match answer.trim().to_lowercase().as_str() {
        "j" | "ja" | "y" | "yes" | "true" | "sant" => Some(true),
        "n" | "nei" | "no" | "false" | "usant" => Some(false),
        _ => None,
    }
}

/// `paths` as `` `a`, `b` ``, for messages naming files.
pub fn list_paths<P: AsRef<std::path::Path>>(paths: &[P]) -> String {
    paths
        .iter()
        .map(|p| format!("`{}`", p.as_ref().display()))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_is_in_bokmal_nynorsk_and_english() {
        let missing: Vec<String> = msg::ENTRIES
            .iter()
            .filter(|e| e.texts.iter().any(Option::is_none))
            .map(|e| e.id.to_owned())
            .collect();
        assert!(
            missing.is_empty(),
            "messages missing a language (give nb, nn and en in i18n/messages.txt): {missing:?}"
        );
        let help: Vec<&str> = help::HELP
            .iter()
            .filter(|(_, nb, nn)| nb.is_none() || nn.is_none())
            .map(|(path, ..)| *path)
            .collect();
        assert!(
            help.is_empty(),
            "help texts missing bokmål or nynorsk in i18n/help.txt: {help:?}"
        );
    }

    /// Words of bokmål that nynorsk writes otherwise (ikkje, kva, kvar,
    /// nokon, frå, berre, sjølv, utan, finst, dykk, eg, mykje): a nynorsk
    /// text holding one is bokmål with a few words swapped.
    const BOKMAL_ONLY: &[&str] = &[
        "ikke",
        "hva",
        "hvor",
        "hvis",
        "hvem",
        "hvordan",
        "hvilke",
        "hvilken",
        "hver",
        "hvert",
        "noen",
        "noe",
        "ennå",
        "fra",
        "bare",
        "selv",
        "uten",
        "finnes",
        "dere",
        "deres",
        "jeg",
        "mye",
        "egen",
        "eget",
        "følgende",
        "mangler",
        "ble",
        "blitt",
        "skrevet",
        "laget",
        "tallet",
        "tall",
        "navn",
        "gjøre",
        "kommer",
        "dessuten",
        "enten",
        "ukjent",
        "avtaler",
        "skrives",
        "filen",
        "mappen",
    ];

    fn bokmal_words(text: &str) -> Vec<String> {
        // Backticked parts are ids and commands, the same in every language.
        let prose: String = text.split('`').step_by(2).collect::<Vec<_>>().join(" ");
        prose
            .split(|c: char| !c.is_alphanumeric() && c != 'å' && c != 'ø' && c != 'æ')
            .map(str::to_lowercase)
            .filter(|w| BOKMAL_ONLY.contains(&w.as_str()))
            .collect()
    }

    #[test]
    fn nynorsk_is_written_in_nynorsk() {
        let mut found: Vec<String> = msg::ENTRIES
            .iter()
            .filter_map(|e| {
                let words = bokmal_words(e.texts[1]?);
                (!words.is_empty()).then(|| format!("{}: {words:?}", e.id))
            })
            .collect();
        found.extend(help::HELP.iter().filter_map(|(path, _, nn)| {
            let words = bokmal_words((*nn)?);
            (!words.is_empty()).then(|| format!("help `{path}`: {words:?}"))
        }));
        found.extend(schema::SCHEMA.iter().filter_map(|(path, _, nn)| {
            let words = bokmal_words((*nn)?);
            (!words.is_empty()).then(|| format!("schema `{path}`: {words:?}"))
        }));
        // The new sprint's README, a page of its own in each language.
        for (name, text) in [
            ("README", crate::sprint::create::README_NN),
            ("README: solutions", crate::sprint::readme::SOLUTIONS_NN),
        ] {
            let words = bokmal_words(text);
            if !words.is_empty() {
                found.push(format!("{name}: {words:?}"));
            }
        }
        assert!(
            found.is_empty(),
            "bokmål words in nynorsk texts:\n{}",
            found.join("\n")
        );
    }

    #[test]
    fn every_message_is_used() {
        let mut code = String::new();
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut dirs = vec![root];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    dirs.push(path);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    code.push_str(&std::fs::read_to_string(&path).unwrap());
                }
            }
        }
        let unused: Vec<&str> = msg::ENTRIES
            .iter()
            .map(|e| e.id)
            .filter(|id| !code.contains(&format!("{id}(")))
            .collect();
        assert!(
            unused.is_empty(),
            "messages no code uses (remove them from i18n/messages.txt): {unused:?}"
        );
    }

    #[test]
    fn every_text_of_a_message_uses_its_parameters() {
        for entry in msg::ENTRIES {
            for text in entry.texts.iter().flatten() {
                for param in entry.params {
                    assert!(
                        text.contains(&format!("{{{param}}}"))
                            || text.contains(&format!("{{{param}|")),
                        "`{}` does not use `{param}` in `{text}`",
                        entry.id
                    );
                }
            }
        }
    }

    #[test]
    fn each_language_has_its_own_text() {
        assert_eq!(msg::made_with_samskap(Lang::Nb), "laget med samskap");
        assert_eq!(msg::made_with_samskap(Lang::Nn), "laga med samskap");
        assert_eq!(msg::made_with_samskap(Lang::En), "made with samskap");
    }

    #[test]
    fn ja_and_nei_are_answers() {
        assert_eq!(parse_yes_no("Ja"), Some(true));
        assert_eq!(parse_yes_no("nei"), Some(false));
        assert_eq!(parse_yes_no("y"), Some(true));
        assert_eq!(parse_yes_no("kanskje"), None);
    }

    #[test]
    fn plurals_choose_by_number() {
        let one = msg::file_exists(Lang::En, 1, "`a`");
        let two = msg::file_exists(Lang::En, 2, "`a`, `b`");
        assert_eq!(one, "a file already exists: `a`");
        assert_eq!(two, "files already exist: `a`, `b`");
        assert_eq!(
            msg::file_exists(Lang::Nn, 1, "`a`"),
            "ei fil finst alt: `a`"
        );
        // The hint's pronoun follows the number of files.
        assert!(msg::file_exists_hint(Lang::Nn, 1).contains("flytt ho, eller"));
        assert!(msg::file_exists_hint(Lang::Nn, 2).contains("flytt dei, eller"));
        assert!(msg::file_exists_hint(Lang::Nb, 1).contains("erstatte den"));
        assert!(msg::file_exists_hint(Lang::En, 1).contains("move it away"));
    }

    #[test]
    fn the_build_summary_has_single_spaces() {
        assert_eq!(
            msg::build_wrote(Lang::Nn, 33, "out", "out/index.html"),
            "Skreiv 33 filer til out (out/index.html)"
        );
        for entry in msg::ENTRIES {
            for text in entry.texts.iter().flatten() {
                assert!(!text.contains("  ("), "{}: {text}", entry.id);
            }
        }
    }
}

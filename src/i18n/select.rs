//! Which language samskap speaks: `--lang`, then the sprint's `lang`, then
//! `SAMSKAP_LANG`, then the system locale, then bokmål.
//!
//! This is decided before clap parses the command line, because clap's own
//! errors and `--help` must already be in that language; so the arguments
//! are scanned for `--lang` and `-C` by hand, and `samskap.yaml` is read
//! for its `lang:` line only (a sprint file with errors elsewhere still
//! chooses the language its errors are told in).

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use crate::workbook::Lang;

/// A language code as a user writes it: `nb`, `nn`, `en`, a locale such as
/// `nn_NO.UTF-8`, or the language's name.
pub fn parse_lang(value: &str) -> Option<Lang> {
    let v = value.trim().to_lowercase();
    let base = v.split(['_', '-', '.', '@']).next().unwrap_or("");
    match base {
        "nb" | "no" | "bokmål" | "bokmal" | "norsk" => Some(Lang::Nb),
        "nn" | "nynorsk" => Some(Lang::Nn),
        "en" | "english" | "engelsk" => Some(Lang::En),
        _ => None,
    }
}

/// The language of the system locale: the first of `LC_ALL`,
/// `LC_MESSAGES` and `LANG` that is set decides, as POSIX has it.
pub fn from_locale(var: impl Fn(&str) -> Option<String>) -> Option<Lang> {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .filter_map(&var)
        .find(|v| !v.is_empty())
        .and_then(|v| parse_lang(&v))
}

/// The language the environment asks for: `SAMSKAP_LANG`, else the
/// locale. `Err` holds a `SAMSKAP_LANG` that names no language.
pub fn from_env() -> Result<Option<Lang>, String> {
    let var = |name: &str| std::env::var(name).ok();
    match var("SAMSKAP_LANG").filter(|v| !v.trim().is_empty()) {
        Some(value) => parse_lang(&value).map(Some).ok_or(value),
        None => Ok(from_locale(var)),
    }
}

/// What the command line says before clap reads it: the value of `--lang`
/// and the folder of `-C`.
pub fn prescan(args: &[OsString]) -> (Option<Lang>, Option<PathBuf>) {
    let mut lang = None;
    let mut dir = None;
    let mut iter = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(arg) = iter.next() {
        if arg == "--" {
            break;
        }
        if arg == "--lang" {
            lang = iter.next().and_then(|v| parse_lang(&v)).or(lang);
        } else if let Some(v) = arg.strip_prefix("--lang=") {
            lang = parse_lang(v).or(lang);
        } else if arg == "-C" {
            dir = iter.next().map(|v| PathBuf::from(v.as_ref()));
        } else if let Some(v) = arg.strip_prefix("-C").filter(|v| !v.is_empty()) {
            dir = Some(PathBuf::from(v.strip_prefix('=').unwrap_or(v)));
        }
    }
    (lang, dir)
}

/// The `lang:` of the nearest `samskap.yaml` at or above `start`.
fn sprint_lang(start: &Path) -> Option<Lang> {
    let start = std::env::current_dir().ok()?.join(start);
    let root = start
        .ancestors()
        .find(|dir| dir.join(crate::sprint::SPRINT_FILE).is_file())?;
    let text = std::fs::read_to_string(root.join(crate::sprint::SPRINT_FILE)).ok()?;
    text.lines().find_map(|line| {
        let value = line.strip_prefix("lang:")?;
        let value = value.split('#').next()?.trim().trim_matches(['"', '\'']);
        parse_lang(value)
    })
}

/// The language of this run. `Err` holds a `SAMSKAP_LANG` that names no
/// language, to be reported (in the language chosen without it).
pub fn resolve_ui(args: &[OsString]) -> (Option<Lang>, Result<(), String>) {
    let (arg, dir) = prescan(args);
    let sprint = || sprint_lang(dir.as_deref().unwrap_or(Path::new(".")));
    let env = from_env();
    let lang = arg.or_else(sprint).or_else(|| env.clone().ok().flatten());
    (lang, env.map(drop))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<OsString> {
        list.iter().map(OsString::from).collect()
    }

    #[test]
    fn codes_locales_and_names_are_languages() {
        assert_eq!(parse_lang("nn_NO.UTF-8"), Some(Lang::Nn));
        assert_eq!(parse_lang("nb_NO"), Some(Lang::Nb));
        assert_eq!(parse_lang("no_NO.utf8"), Some(Lang::Nb));
        assert_eq!(parse_lang("en_GB.UTF-8"), Some(Lang::En));
        assert_eq!(parse_lang("Nynorsk"), Some(Lang::Nn));
        assert_eq!(parse_lang("C.UTF-8"), None);
        assert_eq!(parse_lang("de_DE"), None);
    }

    #[test]
    fn lc_all_wins_over_lang() {
        let env = |all: &'static str, lang: &'static str| {
            move |name: &str| match name {
                "LC_ALL" => Some(all.to_owned()),
                "LANG" => Some(lang.to_owned()),
                _ => None,
            }
        };
        assert_eq!(from_locale(env("nn_NO.UTF-8", "en_US")), Some(Lang::Nn));
        assert_eq!(from_locale(env("", "en_US")), Some(Lang::En));
        assert_eq!(from_locale(env("C", "nb_NO")), None);
    }

    #[test]
    fn lang_and_dir_are_found_before_clap() {
        let (lang, dir) = prescan(&args(&["samskap", "-C", "x", "done", "--lang", "nn"]));
        assert_eq!((lang, dir), (Some(Lang::Nn), Some(PathBuf::from("x"))));
        let (lang, dir) = prescan(&args(&["samskap", "--lang=en", "-Cy", "status"]));
        assert_eq!((lang, dir), (Some(Lang::En), Some(PathBuf::from("y"))));
        let (lang, _) = prescan(&args(&["samskap", "--", "--lang", "en"]));
        assert_eq!(lang, None);
    }
}

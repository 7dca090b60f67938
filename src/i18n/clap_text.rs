//! clap in the user's language: `--help` from `i18n/help.txt`, clap's own
//! headings and flags from the catalogue, and clap's errors worded again
//! from the data they carry.
//!
//! English is clap's own output, untouched. For bokmål and nynorsk the
//! command tree is built first (so that clap's generated `--help`,
//! `--version` and `help` exist) and then every text in it is replaced.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, CommandFactory};

use super::msg;
use crate::workbook::Lang;

/// The command line of samskap, its texts in `lang`.
pub fn command(lang: Lang) -> clap::Command {
    let mut cmd = crate::cli::Cli::command();
    if lang == Lang::En {
        return cmd;
    }
    cmd.build();
    localise(&mut cmd, "", lang);
    cmd
}

/// The key of `arg` in `help.txt`: `--long`, `-s` or `<id>`, after the
/// command's path (global options are keyed once, at the top).
pub(crate) fn arg_key(path: &str, arg: &Arg) -> String {
    let name = match (arg.get_long(), arg.get_short()) {
        (Some(long), _) => format!("--{long}"),
        (None, Some(short)) => format!("-{short}"),
        (None, None) => format!("<{}>", arg.get_id()),
    };
    if path.is_empty() || arg.is_global_set() {
        name
    } else {
        format!("{path} {name}")
    }
}

/// The bokmål or nynorsk help text under `key`.
pub(crate) fn help_text(key: &str, lang: Lang) -> Option<&'static str> {
    let (_, nb, nn) = super::help::HELP.iter().find(|(k, _, _)| *k == key)?;
    match lang {
        Lang::Nn => nn.or(*nb),
        _ => *nb,
    }
}

/// Whether a help text names the values an option takes: their first and
/// last id ("mon til fri", "idea, prototype, tested, in-use").
fn names_its_values(text: &str, values: &[String]) -> bool {
    let words: Vec<&str> = text
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .collect();
    match (values.first(), values.last()) {
        (Some(first), Some(last)) => {
            words.contains(&first.as_str()) && words.contains(&last.as_str())
        }
        _ => false,
    }
}

/// The help text of the option that takes exactly `values`, where it
/// names them in the user's words: what a refused value is told instead
/// of the bare ids.
fn help_naming(cmd: &clap::Command, values: &[String]) -> Option<String> {
    for arg in cmd.get_arguments() {
        let names: Vec<String> = arg
            .get_possible_values()
            .iter()
            .filter(|v| !v.is_hide_set())
            .map(|v| v.get_name().to_owned())
            .collect();
        let help = arg.get_help().map(ToString::to_string);
        if let Some(help) = help.filter(|h| names == values && names_its_values(h, &names)) {
            return Some(help);
        }
    }
    cmd.get_subcommands()
        .find_map(|sub| help_naming(sub, values))
}

/// The key a command's texts are under in `help.txt`. clap's generated
/// `help` command holds a copy of its siblings (`help status`, `workbook
/// help list`); each copy takes the texts of the command it stands for.
fn command_key(path: &str) -> String {
    if path.is_empty() {
        return "samskap".into();
    }
    let words: Vec<&str> = path.split(' ').collect();
    words
        .iter()
        .enumerate()
        .filter(|&(i, w)| !(*w == "help" && i + 1 < words.len()))
        .map(|(_, w)| *w)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The word a value stands under in usage lines ("--group <GRUPPE>"):
/// clap's own (the field's name in capitals) for English. Names made of
/// symbols and ids (`N`, `ID`, `ID=N`, `FORMAT`, `STATUS`) are the same
/// in every language.
fn value_name(name: &str, lang: Lang) -> Option<&'static str> {
    Some(match name {
        "CHALLENGE" => msg::clap_value_challenge(lang),
        "COMMENT" => msg::clap_value_comment(lang),
        "CONSENT" => msg::clap_value_consent(lang),
        "DATE" => msg::clap_value_date(lang),
        "DESCRIPTION" => msg::clap_value_description(lang),
        "DIR" => msg::clap_value_dir(lang),
        "FILE" => msg::clap_value_file(lang),
        "GROUP" => msg::clap_value_group(lang),
        "HH:MM" => msg::clap_value_hh_mm(lang),
        "HOURS" => msg::clap_value_hours(lang),
        "ID=NUMBER" => msg::clap_value_id_number(lang),
        "LANG" => msg::clap_value_lang(lang),
        "LEADER" => msg::clap_value_leader(lang),
        "MINUTES" => msg::clap_value_minutes(lang),
        "NAME" => msg::clap_value_name(lang),
        "NAMES" => msg::clap_value_names(lang),
        "NEXT_STEP" => msg::clap_value_next_step(lang),
        "OWNER" => msg::clap_value_owner(lang),
        "PATH" => msg::clap_value_path(lang),
        "PHONE" => msg::clap_value_phone(lang),
        "PLACE" => msg::clap_value_place(lang),
        "SHELL" => msg::clap_value_shell(lang),
        "STEP" => msg::clap_value_step(lang),
        "TEXT" => msg::clap_value_text(lang),
        "TITLE" => msg::clap_value_title(lang),
        "WEEKDAY" => msg::clap_value_weekday(lang),
        _ => return None,
    })
}

fn localise(cmd: &mut clap::Command, path: &str, lang: Lang) {
    let key = command_key(path);
    let mut c = std::mem::take(cmd);
    if let Some(about) = help_text(&key, lang) {
        c = c.about(about).long_about(None::<&str>);
    } else if c.get_name() == "help" {
        c = c.about(msg::clap_help_command(lang));
    }
    let options = msg::clap_options_heading(lang);
    let arguments = msg::clap_arguments_heading(lang);
    let builtin = |arg: &Arg| match arg.get_id().as_str() {
        "help" => Some(msg::clap_help_flag(lang).to_owned()),
        "version" => Some(msg::clap_version_flag(lang).to_owned()),
        _ => None,
    };
    c = c.mut_args(|mut arg| {
        let text = help_text(&arg_key(path, &arg), lang)
            .map(str::to_owned)
            .or_else(|| builtin(&arg));
        if let Some(text) = text {
            let mut text = text;
            let defaults: Vec<String> = arg
                .get_default_values()
                .iter()
                .map(|v| v.to_string_lossy().into_owned())
                .collect();
            let flag = !arg.get_action().takes_values();
            if !defaults.is_empty() && !flag && !arg.is_hide_default_value_set() {
                text = format!("{text} [{}]", msg::clap_default(lang, defaults.join(", ")));
                arg = arg.hide_default_value(true);
            }
            let values: Vec<String> = arg
                .get_possible_values()
                .iter()
                .filter(|v| !v.is_hide_set())
                .map(|v| v.get_name().to_owned())
                .collect();
            // A text that names the values itself names them in the
            // user's words too ("idé, … (eller idea, …)"): no English list.
            if names_its_values(&text, &values) {
                arg = arg.hide_possible_values(true);
            }
            if !values.is_empty() && !arg.is_hide_possible_values_set() {
                text = format!("{text} [{}]", msg::clap_possible(lang, values.join(", ")));
                arg = arg.hide_possible_values(true);
            }
            arg = arg.help(text).long_help(None::<&str>);
        }
        // A flag has no value to name (clap gives it one all the same).
        let names: Vec<String> = match arg.get_value_names() {
            _ if !arg.get_action().takes_values() => Vec::new(),
            Some(names) => names.iter().map(ToString::to_string).collect(),
            None => vec![arg.get_id().as_str().to_uppercase()],
        };
        if !names.is_empty() && names.iter().any(|n| value_name(n, lang).is_some()) {
            let words: Vec<String> = names
                .iter()
                .map(|n| value_name(n, lang).map_or_else(|| n.clone(), str::to_owned))
                .collect();
            arg = arg.value_names(words);
        }
        let heading = if arg.is_positional() {
            &arguments
        } else {
            &options
        };
        arg.help_heading(*heading)
    });
    c = c
        .subcommand_help_heading(msg::clap_commands_heading(lang))
        .subcommand_value_name(msg::clap_command_value(lang))
        .help_template(format!(
            "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
            msg::clap_usage_heading(lang)
        ));
    let usage = c.render_usage().to_string();
    let usage = usage
        .split_once(' ')
        .map_or(usage.as_str(), |(_, u)| u)
        .to_owned();
    c = c.override_usage(
        usage
            .replace("[OPTIONS]", &format!("[{}]", msg::clap_options_value(lang)))
            .replace("<COMMAND>", &format!("<{}>", msg::clap_command_value(lang))),
    );
    for sub in c.get_subcommands_mut() {
        let name = sub.get_name().to_owned();
        let sub_path = if path.is_empty() {
            name
        } else {
            format!("{path} {name}")
        };
        localise(sub, &sub_path, lang);
    }
    *cmd = c;
}

/// A clap error as samskap prints it in `lang`; clap's own words for
/// English, and for help and version, which are not errors.
pub fn render_clap_error(err: &clap::Error, lang: Lang) -> String {
    let kind = err.kind();
    if lang == Lang::En
        || matches!(
            kind,
            ErrorKind::DisplayHelp
                | ErrorKind::DisplayVersion
                | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
        )
    {
        return err.render().to_string();
    }
    let text = |k: ContextKind| match err.get(k) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(list)) => list
            .iter()
            .map(|s| format!("`{s}`"))
            .collect::<Vec<_>>()
            .join(", "),
        Some(ContextValue::Number(n)) => n.to_string(),
        Some(ContextValue::StyledStr(s)) => s.to_string(),
        _ => String::new(),
    };
    let arg = text(ContextKind::InvalidArg);
    let value = text(ContextKind::InvalidValue);
    let mut out = match kind {
        ErrorKind::UnknownArgument => msg::clap_unknown_argument(lang, &arg),
        ErrorKind::InvalidSubcommand => {
            msg::clap_unknown_command(lang, text(ContextKind::InvalidSubcommand))
        }
        ErrorKind::InvalidValue if value.is_empty() => msg::clap_value_missing(lang, &arg),
        ErrorKind::InvalidValue => msg::clap_invalid_value(lang, &value, &arg),
        ErrorKind::ValueValidation => {
            let why = std::error::Error::source(err)
                .map(ToString::to_string)
                .unwrap_or_default();
            msg::clap_value_rejected(lang, &value, &arg, why)
        }
        ErrorKind::MissingRequiredArgument => {
            msg::clap_missing_argument(lang, text(ContextKind::InvalidArg))
        }
        ErrorKind::MissingSubcommand => {
            msg::clap_missing_command(lang, text(ContextKind::InvalidSubcommand))
        }
        ErrorKind::ArgumentConflict => msg::clap_conflict(lang, &arg, text(ContextKind::PriorArg)),
        ErrorKind::TooManyValues => msg::clap_too_many_values(lang, &value, &arg),
        ErrorKind::NoEquals => msg::clap_no_equals(lang, &arg),
        ErrorKind::InvalidUtf8 => msg::clap_invalid_utf8(lang).to_owned(),
        _ => msg::clap_wrong_values(lang, &arg),
    };
    let out_prefix = msg::error_prefix(lang);
    out = format!("{out_prefix}: {out}");
    let valid = text(ContextKind::ValidValue);
    let ids: Vec<String> = match err.get(ContextKind::ValidValue) {
        Some(ContextValue::Strings(list)) => list.clone(),
        _ => Vec::new(),
    };
    if let Some(help) = help_naming(&command(lang), &ids) {
        out.push_str(&format!("\n  [{help}]"));
    } else if !valid.is_empty() {
        out.push_str(&format!("\n  [{}]", msg::clap_possible(lang, valid)));
    }
    for suggested in [
        ContextKind::SuggestedArg,
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedValue,
    ] {
        let s = text(suggested);
        if !s.is_empty() {
            out.push_str(&format!(
                "\n\n  {}",
                msg::clap_did_you_mean(lang, s.trim_matches('`'))
            ));
        }
    }
    let usage = text(ContextKind::Usage);
    if let Some((_, usage)) = usage.split_once(' ') {
        out.push_str(&format!("\n\n{} {usage}", msg::clap_usage_heading(lang)));
    }
    out.push_str(&format!("\n\n{}\n", msg::clap_try_help(lang)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every command and option, keyed as in `help.txt`.
    fn keys(cmd: &clap::Command, path: &str, out: &mut Vec<String>) {
        out.push(if path.is_empty() {
            "samskap".into()
        } else {
            path.to_owned()
        });
        for arg in cmd.get_arguments() {
            if path.is_empty() || !arg.is_global_set() {
                out.push(arg_key(path, arg));
            }
        }
        for sub in cmd.get_subcommands() {
            let name = sub.get_name();
            let sub_path = if path.is_empty() {
                name.to_owned()
            } else {
                format!("{path} {name}")
            };
            keys(sub, &sub_path, out);
        }
    }

    #[test]
    fn every_command_and_option_has_bokmal_help_and_no_help_is_orphaned() {
        let mut all = Vec::new();
        keys(&crate::cli::Cli::command(), "", &mut all);
        let missing: Vec<&String> = all
            .iter()
            .filter(|k| help_text(k, Lang::Nb).is_none())
            .collect();
        assert!(
            missing.is_empty(),
            "no bokmål help in i18n/help.txt for {missing:?}"
        );
        let orphans: Vec<&str> = super::super::help::HELP
            .iter()
            .map(|(k, _, _)| *k)
            .filter(|k| !all.iter().any(|a| a == k))
            .collect();
        assert!(
            orphans.is_empty(),
            "help for what does not exist: {orphans:?}"
        );
    }

    /// Every value name clap shows, as the English command has them.
    fn value_names(cmd: &clap::Command, out: &mut Vec<String>) {
        for arg in cmd
            .get_arguments()
            .filter(|a| a.get_action().takes_values())
        {
            match arg.get_value_names() {
                Some(names) => out.extend(names.iter().map(ToString::to_string)),
                None if arg.get_action().takes_values() => {
                    out.push(arg.get_id().as_str().to_uppercase());
                }
                None => {}
            }
        }
        for sub in cmd.get_subcommands() {
            value_names(sub, out);
        }
    }

    #[test]
    fn every_value_name_has_norwegian_words_or_is_the_same_in_every_language() {
        const SAME: [&str; 7] = ["N", "ID", "ID,ID", "ID=N", "FORMAT", "STATUS", "PSEUDONYM"];
        let mut cmd = crate::cli::Cli::command();
        cmd.build();
        let mut names = Vec::new();
        value_names(&cmd, &mut names);
        names.sort();
        names.dedup();
        let missing: Vec<&String> = names
            .iter()
            .filter(|n| value_name(n, Lang::Nb).is_none() && !SAME.contains(&n.as_str()))
            .collect();
        assert!(
            missing.is_empty(),
            "no Norwegian value name for {missing:?}"
        );
        let mut usage = command(Lang::Nn);
        let done = usage.find_subcommand_mut("done").unwrap().render_usage();
        assert!(done.to_string().contains("<STEG>"), "{done}");
    }

    #[test]
    fn the_help_commands_copies_take_the_texts_of_what_they_stand_for() {
        assert_eq!(command_key("help status"), "status");
        assert_eq!(command_key("workbook help list"), "workbook list");
        assert_eq!(command_key("workbook help"), "workbook help");
        let cmd = command(Lang::Nn);
        let help = cmd.find_subcommand("help").unwrap();
        let status = help.find_subcommand("status").unwrap();
        assert_eq!(
            status.get_about().map(ToString::to_string).as_deref(),
            help_text("status", Lang::Nn)
        );
    }

    #[test]
    fn help_is_norwegian_without_english_headings() {
        for lang in [Lang::Nb, Lang::Nn] {
            let help = command(lang).render_help().to_string();
            for english in ["Usage:", "Options:", "Commands:", "Print help", "[OPTIONS]"] {
                assert!(!help.contains(english), "{lang}: {english} in\n{help}");
            }
        }
        let help = command(Lang::En).render_help().to_string();
        assert!(help.contains("Usage:"), "{help}");
    }

    #[test]
    fn unknown_option_is_told_in_nynorsk() {
        let err = command(Lang::Nn)
            .try_get_matches_from(["samskap", "status", "--bogus"])
            .unwrap_err();
        let text = render_clap_error(&err, Lang::Nn);
        assert!(text.starts_with("feil: "), "{text}");
        assert!(text.contains("--bogus"), "{text}");
        assert!(!text.contains("unexpected"), "{text}");
        assert_eq!(err.exit_code(), 2);
    }

    #[test]
    fn a_refused_value_is_told_the_words_that_work() {
        let err = command(Lang::Nb)
            .try_get_matches_from(["samskap", "new-sprint", "x", "--weekday", "laurdag"])
            .unwrap_err();
        let text = render_clap_error(&err, Lang::Nb);
        assert!(text.contains("mandag til fredag"), "{text}");
        assert!(!text.contains("mulige verdier"), "{text}");
        let help = command(Lang::Nn)
            .find_subcommand_mut("solution")
            .and_then(|s| s.find_subcommand_mut("new"))
            .map(|c| c.render_long_help().to_string())
            .unwrap();
        assert!(help.contains("testa"), "{help}");
        assert!(!help.contains("moglege verdiar: idea"), "{help}");
    }
}

//! Questions on a terminal (dialoguer). Only commands use this; what they
//! ask ends up in the same plain structs that flags fill in.

use chrono::{NaiveDate, NaiveTime};
use dialoguer::theme::Theme;
use dialoguer::{Input, MultiSelect, Select};

use crate::error::{Error, Result};
use crate::i18n::msg;
use crate::sprint::config::{parse_date, parse_time};

/// Asks questions on standard error's terminal.
#[derive(Debug, Default)]
pub struct Prompter;

/// dialoguer's plain look, with its one word of its own, the "error:" in
/// front of an answer it refuses, in the user's language.
struct Plain;

impl Theme for Plain {
    fn format_error(&self, f: &mut dyn std::fmt::Write, err: &str) -> std::fmt::Result {
        write!(f, "{}: {err}", msg::error_prefix(crate::i18n::ui()))
    }
}

const THEME: &Plain = &Plain;

fn cancelled(err: dialoguer::Error) -> Error {
    let lang = crate::i18n::ui();
    Error::usage(
        msg::question_unanswered(lang, err),
        msg::question_unanswered_hint(lang),
    )
}

impl Prompter {
    /// A required text, with an optional default.
    pub fn text(&self, prompt: &str, default: Option<&str>) -> Result<String> {
        let mut input = Input::<String>::with_theme(THEME)
            .with_prompt(prompt)
            .validate_with(|s: &String| {
                if s.trim().is_empty() {
                    Err(msg::answer_empty(crate::i18n::ui()))
                } else {
                    Ok(())
                }
            });
        if let Some(default) = default {
            input = input.default(default.to_owned());
        }
        input
            .interact_text()
            .map(|s| s.trim().to_owned())
            .map_err(cancelled)
    }

    /// A text that may be left empty.
    pub fn optional_text(&self, prompt: &str) -> Result<String> {
        Input::<String>::with_theme(THEME)
            .with_prompt(prompt)
            .allow_empty(true)
            .interact_text()
            .map(|s| s.trim().to_owned())
            .map_err(cancelled)
    }

    /// A date as YYYY-MM-DD.
    pub fn date(&self, prompt: &str, default: NaiveDate) -> Result<NaiveDate> {
        let text = Input::<String>::with_theme(THEME)
            .with_prompt(prompt)
            .default(default.format("%Y-%m-%d").to_string())
            .validate_with(|s: &String| {
                parse_date(s)
                    .map(drop)
                    .ok_or_else(|| msg::arg_not_a_date(crate::i18n::ui(), s))
            })
            .interact_text()
            .map_err(cancelled)?;
        Ok(parse_date(&text).unwrap_or(default))
    }

    /// A time as HH:MM.
    pub fn time(&self, prompt: &str, default: NaiveTime) -> Result<NaiveTime> {
        let text = Input::<String>::with_theme(THEME)
            .with_prompt(prompt)
            .default(default.format("%H:%M").to_string())
            .validate_with(|s: &String| {
                parse_time(s)
                    .map(drop)
                    .ok_or_else(|| msg::arg_not_a_time(crate::i18n::ui(), s))
            })
            .interact_text()
            .map_err(cancelled)?;
        Ok(parse_time(&text).unwrap_or(default))
    }

    /// A whole number from `min` to `max`.
    pub fn number(&self, prompt: &str, default: u8, min: u8, max: u8) -> Result<u8> {
        Input::<u8>::with_theme(THEME)
            .with_prompt(prompt)
            .default(default)
            .validate_with(move |n: &u8| {
                if (min..=max).contains(n) {
                    Ok(())
                } else {
                    Err(msg::prompt_number_range(crate::i18n::ui(), min, max))
                }
            })
            .interact_text()
            .map_err(cancelled)
    }

    /// A figure, with a decimal point or comma, from 0 to `max` when given.
    pub fn figure(&self, prompt: &str, max: Option<f64>) -> Result<f64> {
        let parse = crate::records::solutions::parse_figure;
        let ok = move |v: f64| max.is_none_or(|m| (0.0..=m).contains(&v));
        let text = Input::<String>::with_theme(THEME)
            .with_prompt(prompt)
            .default("0".to_owned())
            .validate_with(move |s: &String| match parse(s) {
                Some(v) if ok(v) => Ok(()),
                _ => Err(max.map_or_else(
                    || msg::prompt_figure(crate::i18n::ui()).to_owned(),
                    |m| msg::prompt_figure_range(crate::i18n::ui(), m),
                )),
            })
            .interact_text()
            .map_err(cancelled)?;
        Ok(parse(&text).unwrap_or(0.0))
    }

    /// One of `items`; returns its index.
    pub fn choose<S: std::fmt::Display>(
        &self,
        prompt: &str,
        items: &[S],
        default: usize,
    ) -> Result<usize> {
        Select::with_theme(THEME)
            .with_prompt(prompt)
            .items(items)
            .default(default)
            .interact()
            .map_err(cancelled)
    }

    /// Any of `items`; returns the indexes picked.
    pub fn pick<S: std::fmt::Display>(&self, prompt: &str, items: &[S]) -> Result<Vec<usize>> {
        MultiSelect::with_theme(THEME)
            .with_prompt(prompt)
            .items(items)
            .interact()
            .map_err(cancelled)
    }

    /// Yes or no: `ja`/`nei` as well as `yes`/`no` (or their first
    /// letters), Enter for the default.
    pub fn confirm(&self, prompt: &str, default: bool) -> Result<bool> {
        let lang = crate::i18n::ui();
        let choices = if default {
            msg::prompt_yes_default(lang)
        } else {
            msg::prompt_no_default(lang)
        };
        let answer = Input::<String>::with_theme(THEME)
            .with_prompt(msg::prompt_yes_no(lang, prompt, choices))
            .allow_empty(true)
            .validate_with(move |s: &String| match s.trim() {
                "" => Ok(()),
                s if crate::i18n::parse_yes_no(s).is_some() => Ok(()),
                _ => Err(msg::prompt_yes_or_no(lang)),
            })
            .interact_text()
            .map_err(cancelled)?;
        Ok(crate::i18n::parse_yes_no(answer.trim()).unwrap_or(default))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refused_answer_is_framed_in_the_users_language() {
        let mut out = String::new();
        Plain.format_error(&mut out, "svar ja eller nei").unwrap();
        let prefix = msg::error_prefix(crate::i18n::ui());
        assert_eq!(out, format!("{prefix}: svar ja eller nei"));
    }
}

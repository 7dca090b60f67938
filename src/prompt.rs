//! Questions on a terminal (dialoguer). Only commands use this; what they
//! ask ends up in the same plain structs that flags fill in.

use chrono::{NaiveDate, NaiveTime};
use dialoguer::{Confirm, Input, MultiSelect, Select};

use crate::error::{Error, Result};
use crate::sprint::config::{parse_date, parse_time};

/// Asks questions on standard error's terminal.
#[derive(Debug, Default)]
pub struct Prompter;

fn cancelled(err: dialoguer::Error) -> Error {
    Error::usage(
        format!("the question was not answered: {err}"),
        "run the command again, or give the answers as flags",
    )
}

impl Prompter {
    /// A required text, with an optional default.
    pub fn text(&self, prompt: &str, default: Option<&str>) -> Result<String> {
        let mut input = Input::<String>::new()
            .with_prompt(prompt)
            .validate_with(|s: &String| {
                if s.trim().is_empty() {
                    Err("svar kan ikke være tomt / cannot be empty")
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
        Input::<String>::new()
            .with_prompt(prompt)
            .allow_empty(true)
            .interact_text()
            .map(|s| s.trim().to_owned())
            .map_err(cancelled)
    }

    /// A date as YYYY-MM-DD.
    pub fn date(&self, prompt: &str, default: NaiveDate) -> Result<NaiveDate> {
        let text = Input::<String>::new()
            .with_prompt(prompt)
            .default(default.format("%Y-%m-%d").to_string())
            .validate_with(|s: &String| parse_date(s).map(drop).ok_or("ÅÅÅÅ-MM-DD / YYYY-MM-DD"))
            .interact_text()
            .map_err(cancelled)?;
        Ok(parse_date(&text).unwrap_or(default))
    }

    /// A time as HH:MM.
    pub fn time(&self, prompt: &str, default: NaiveTime) -> Result<NaiveTime> {
        let text = Input::<String>::new()
            .with_prompt(prompt)
            .default(default.format("%H:%M").to_string())
            .validate_with(|s: &String| parse_time(s).map(drop).ok_or("TT:MM / HH:MM"))
            .interact_text()
            .map_err(cancelled)?;
        Ok(parse_time(&text).unwrap_or(default))
    }

    /// A whole number from `min` to `max`.
    pub fn number(&self, prompt: &str, default: u8, min: u8, max: u8) -> Result<u8> {
        Input::<u8>::new()
            .with_prompt(prompt)
            .default(default)
            .validate_with(move |n: &u8| {
                if (min..=max).contains(n) {
                    Ok(())
                } else {
                    Err(format!("{min}–{max}"))
                }
            })
            .interact_text()
            .map_err(cancelled)
    }

    /// A figure, with a decimal point or comma, from 0 to `max` when given.
    pub fn figure(&self, prompt: &str, max: Option<f64>) -> Result<f64> {
        let parse = crate::records::solutions::parse_figure;
        let ok = move |v: f64| max.is_none_or(|m| (0.0..=m).contains(&v));
        let text = Input::<String>::new()
            .with_prompt(prompt)
            .default("0".to_owned())
            .validate_with(move |s: &String| match parse(s) {
                Some(v) if ok(v) => Ok(()),
                _ => Err(max.map_or_else(|| "3 / 3,5".to_owned(), |m| format!("0–{m}"))),
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
        Select::new()
            .with_prompt(prompt)
            .items(items)
            .default(default)
            .interact()
            .map_err(cancelled)
    }

    /// Any of `items`; returns the indexes picked.
    pub fn pick<S: std::fmt::Display>(&self, prompt: &str, items: &[S]) -> Result<Vec<usize>> {
        MultiSelect::new()
            .with_prompt(prompt)
            .items(items)
            .interact()
            .map_err(cancelled)
    }

    /// Yes or no.
    pub fn confirm(&self, prompt: &str, default: bool) -> Result<bool> {
        Confirm::new()
            .with_prompt(prompt)
            .default(default)
            .interact()
            .map_err(cancelled)
    }
}

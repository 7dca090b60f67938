//! `samskap solution new --group G …`: adds a solution to the group's
//! register, keeping everything already in the file.

use std::io::IsTerminal;

use super::Context;
use crate::cli::{SolutionCommand, StatusArg};
use crate::error::{Error, Result};
use crate::fs::{self, Overwrite};
use crate::i18n::{msg, ui};
use crate::prompt::Prompter;
use crate::records::solutions::SOLUTIONS_FILE;

/// Runs the command.
pub fn run(cx: &Context, command: SolutionCommand) -> Result<()> {
    let SolutionCommand::New(args) = command;
    let ws = cx.workspace()?;
    let lang = ws.lang(cx.lang_arg);
    let group = ws.sprint.require_group(&args.group)?;
    check_challenges(&ws, &args.challenges)?;
    let interactive =
        !args.yes && std::io::stdin().is_terminal() && std::io::stderr().is_terminal();
    let figures = figures(&ws, &args, lang, interactive)?;
    let title = match (&args.title, interactive) {
        (Some(t), _) => t.clone(),
        (None, true) => {
            Prompter.text(crate::i18n::msg::solution_name_of_the_solution(lang), None)?
        }
        (None, false) => {
            return Err(Error::usage(
                msg::flag_needed(ui(), "solution new", "--title"),
                msg::flag_needed_hint(ui()),
            ));
        }
    };
    let ask = |value: &Option<String>, prompt: &str| -> Result<String> {
        match (value, interactive) {
            (Some(v), _) => Ok(v.clone()),
            (None, true) => Prompter.optional_text(prompt),
            (None, false) => Ok(String::new()),
        }
    };
    let description = ask(&args.description, msg::solution_prompt_description(lang))?;
    let owner = ask(&args.owner, msg::solution_prompt_owner(lang))?;
    let next_step = ask(&args.next_step, msg::solution_prompt_next_step(lang))?;
    if title.trim().is_empty() {
        return Err(Error::usage(
            msg::solution_title_empty(ui()),
            msg::solution_title_empty_hint(ui()),
        ));
    }
    let Some(id) = args.id.clone().or_else(|| crate::workbook::slugify(&title)) else {
        return Err(Error::usage(
            msg::solution_no_id(ui(), &title),
            msg::solution_no_id_hint(ui()),
        ));
    };
    if !crate::workbook::is_slug(&id) {
        return Err(Error::usage(
            msg::solution_bad_id(ui(), &id),
            msg::solution_bad_id_hint(ui()),
        ));
    }
    // Ids are unique in the sprint; the groups' files are read as they are.
    let taken: Vec<String> = ws
        .sprint
        .groups
        .iter()
        .map(|g| {
            ws.path(
                std::path::Path::new("groups")
                    .join(&g.id)
                    .join(SOLUTIONS_FILE),
            )
        })
        .filter(|p| p.exists())
        .filter_map(|p| crate::records::solutions::read(&ws, "", &p).ok())
        .flatten()
        .map(|s| s.id)
        .collect();
    if taken.contains(&id) {
        return Err(Error::usage(
            msg::solution_id_taken(ui(), &id),
            msg::solution_id_taken_hint(ui()),
        ));
    }
    let status = match args.status.unwrap_or(StatusArg::Idea) {
        StatusArg::Idea => "idea",
        StatusArg::Prototype => "prototype",
        StatusArg::Tested => "tested",
        StatusArg::InUse => "in-use",
    };
    let q = |s: &str| serde_json::to_string(s).unwrap_or_default();
    let challenges: Vec<String> = args.challenges.iter().map(|c| q(c)).collect();
    let measures: String = if figures.is_empty() {
        String::new()
    } else {
        let lines: String = figures
            .iter()
            .map(|(id, v)| format!("      {id}: {v}\n"))
            .collect();
        format!("    measures:\n{lines}")
    };
    let entry = format!(
        "  - id: {}\n    title: {}\n    description: {}\n    sub_challenge: {}\n    challenges: [{}]\n    status: {status}\n{measures}    owner: {}\n    next_step: {}\n",
        q(&id),
        q(&title),
        q(&description),
        q(&group.sub_challenge),
        challenges.join(", "),
        q(&owner),
        q(&next_step),
    );
    let path = ws.path(
        std::path::Path::new("groups")
            .join(&group.id)
            .join(SOLUTIONS_FILE),
    );
    crate::sprint::locked(&ws, || {
        let (text, overwrite) = if path.exists() {
            let old = fs::read_text(&path)?;
            let count = crate::records::solutions::read(&ws, &group.id, &path)?.len();
            // The file's own line endings (Windows editors write CRLF).
            let eol = if old.contains("\r\n") { "\r\n" } else { "\n" };
            let entry = entry.replace('\n', eol);
            let separator = if old.ends_with('\n') || old.is_empty() {
                ""
            } else {
                eol
            };
            let mut new = format!("{old}{separator}{entry}");
            // A register with nothing in it yet (empty, comments only, or
            // `solutions: []`) gets a block list; its comments stay where
            // they are, the one on the `solutions:` line too.
            if count == 0 && !appends_cleanly(&new, count) {
                new = into_empty(&old, &entry, eol);
            }
            // Appending works when `solutions:` is the file's last, block-style
            // list; anything else is left for a person to edit.
            if !appends_cleanly(&new, count) {
                return Err(Error::usage(
                    msg::solution_cannot_append(ui(), path.display()),
                    msg::solution_cannot_append_hint(ui()),
                ));
            }
            (new, Overwrite::Allowed)
        } else {
            let header = crate::i18n::msg::solution_the_group_s_solutions_see(lang);
            (format!("{header}{entry}"), Overwrite::Never)
        };
        fs::write(&path, text.as_bytes(), overwrite)
    })?;
    // Check the result as any other record, so a bad challenge id is caught.
    if let Err(err) = crate::records::solutions::read(&ws, &group.id, &path) {
        crate::say!(
            "{}",
            crate::i18n::msg::solution_the_solution_was_added_but(lang)
        );
        return Err(err);
    }
    crate::say!(
        "{} «{title}» {} {}",
        crate::i18n::msg::solution_added(lang),
        crate::i18n::msg::solution_to(lang),
        path.display()
    );
    Ok(())
}

/// `old`, a register with no solutions, with `entry` as its first: the
/// `solutions:` line becomes a block list's (keeping its comment), the
/// entry follows it, and every other line stays where it was.
fn into_empty(old: &str, entry: &str, eol: &str) -> String {
    let mut out = String::with_capacity(old.len() + entry.len() + 16);
    let mut placed = false;
    for line in old.split_inclusive('\n') {
        let bare = line.trim_end_matches(['\r', '\n']);
        if !placed && bare.starts_with("solutions:") {
            out.push_str("solutions:");
            if let Some(i) = bare.find(" #") {
                out.push_str("  ");
                out.push_str(bare[i..].trim_start());
            }
            out.push_str(eol);
            out.push_str(entry);
            placed = true;
        } else {
            out.push_str(bare);
            out.push_str(eol);
        }
    }
    if !placed {
        out.push_str("solutions:");
        out.push_str(eol);
        out.push_str(entry);
    }
    out
}

/// The challenges named with --challenge are the knowledge base's.
fn check_challenges(ws: &crate::sprint::Workspace, given: &[String]) -> Result<()> {
    let known = ws.workbook.challenge_ids();
    let Some(bad) = given.iter().find(|c| !known.contains(&c.as_str())) else {
        return Ok(());
    };
    let hint = match crate::diagnostic::suggest(bad, known.iter().copied()) {
        Some(best) => msg::did_you_mean(ui(), best),
        None if known.is_empty() => msg::unknown_challenge_none_hint(ui()).to_owned(),
        None => msg::unknown_challenge_hint(ui(), known.join(", ")),
    };
    Err(Error::usage(msg::unknown_challenge(ui(), bad), hint))
}

/// A figure for exactly each of the sprint's measures: from --measure (and
/// the short --families/--staff), asked on a terminal, else 0.
fn figures(
    ws: &crate::sprint::Workspace,
    args: &crate::cli::SolutionArgs,
    lang: crate::workbook::Lang,
    interactive: bool,
) -> Result<Vec<(String, f64)>> {
    let measures = ws.measures(lang);
    let ids: Vec<&str> = measures.iter().map(|m| m.id.as_str()).collect();
    let mut given: Vec<(String, f64)> = args.measures.clone();
    given.extend(args.families.map(|v| ("families".to_owned(), v)));
    given.extend(args.staff.map(|v| ("staff".to_owned(), v)));
    for (id, value) in &given {
        let Some(measure) = measures.iter().find(|m| &m.id == id) else {
            let hint = match crate::diagnostic::suggest(id, ids.iter().copied()) {
                Some(best) => msg::did_you_mean(ui(), best),
                None if ids.is_empty() => msg::unknown_measure_none_hint(ui()).to_owned(),
                None => msg::unknown_measure_hint(ui(), ids.join(", ")),
            };
            return Err(Error::usage(msg::unknown_measure(ui(), id), hint));
        };
        if let Some(max) = measure.max
            && !(0.0..=max).contains(value)
        {
            return Err(Error::usage(
                msg::measure_out_of_range(ui(), id, value, max),
                msg::measure_out_of_range_hint(ui(), &measure.label, &measure.unit, max),
            ));
        }
    }
    measures
        .iter()
        .map(|m| {
            let value = match given.iter().rev().find(|(id, _)| *id == m.id) {
                Some((_, v)) => *v,
                None if interactive => {
                    Prompter.figure(&format!("{} ({})", m.question, m.unit), m.max)?
                }
                None => 0.0,
            };
            Ok((m.id.clone(), value))
        })
        .collect()
}

fn appends_cleanly(text: &str, count_before: usize) -> bool {
    #[derive(serde::Deserialize)]
    struct Count {
        #[serde(default)]
        solutions: Option<Vec<serde::de::IgnoredAny>>,
    }
    serde_saphyr::from_str::<Count>(text)
        .is_ok_and(|c| c.solutions.unwrap_or_default().len() == count_before + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ENTRY: &str = "  - id: a\n    title: \"A\"\n";

    #[test]
    fn an_empty_register_keeps_its_comments_where_they_are() {
        let old = "# Løsninger\nsolutions: []  # ingen ennå\n# slutt\n";
        assert_eq!(
            into_empty(old, ENTRY, "\n"),
            "# Løsninger\nsolutions:  # ingen ennå\n  - id: a\n    title: \"A\"\n# slutt\n"
        );
        assert_eq!(
            into_empty("# bare\n", ENTRY, "\n"),
            format!("# bare\nsolutions:\n{ENTRY}")
        );
    }

    #[test]
    fn crlf_stays_crlf() {
        let old = "# Løsninger\r\nsolutions: []\r\n";
        let entry = ENTRY.replace('\n', "\r\n");
        let new = into_empty(old, &entry, "\r\n");
        assert_eq!(new.matches('\n').count(), new.matches("\r\n").count());
        assert!(appends_cleanly(&new, 0));
    }
}

//! `samskap assess`: a leader scores the model's statements, by prompts,
//! flags or a file; samskap keeps one entry per leader in assessment.yaml.

use std::collections::BTreeMap;
use std::io::IsTerminal;

use chrono::Local;

use super::Context;
use crate::cli::AssessArgs;
use crate::error::{Error, Result};
use crate::fs::{self, Overwrite};
use crate::i18n::{msg, ui};
use crate::prompt::Prompter;
use crate::records::assessment::{self, ASSESSMENT_FILE, Assessment, statement_ids};
use crate::sprint::Workspace;

/// Runs the command.
pub fn run(cx: &Context, args: &AssessArgs) -> Result<()> {
    let ws = cx.workspace()?;
    let lang = ws.lang(cx.lang_arg);
    let interactive = std::io::stdin().is_terminal() && std::io::stderr().is_terminal();
    let ids = statement_ids(&ws);
    if ids.is_empty() {
        return Err(Error::usage(
            "the workbook has no model to assess",
            "add `model:` to the workbook, or use the built-in one",
        ));
    }
    let leader = match (&args.leader, interactive) {
        (Some(l), _) if l.trim().is_empty() => {
            return Err(Error::usage(
                "the leader's name is empty",
                "give a name or a role with --leader",
            ));
        }
        (Some(l), _) => l.trim().to_owned(),
        (None, true) => Prompter.text(crate::i18n::msg::assess_leader_name_or_role(lang), None)?,
        (None, false) => {
            return Err(Error::usage(
                msg::flag_needed(ui(), "assess", "--leader"),
                msg::flag_needed_hint(ui()),
            ));
        }
    };
    let mut scores = given_scores(&ws, args)?;
    let missing: Vec<&String> = ids.iter().filter(|id| !scores.contains_key(*id)).collect();
    if !missing.is_empty() && interactive {
        ask_scores(&ws, &missing, &mut scores, lang)?;
    } else if scores.is_empty() {
        return Err(Error::usage(
            "no scores given",
            "give --score STATEMENT=N for each statement, or --file FILE, or run on a terminal to be asked",
        ));
    }
    let path = ws.path(ASSESSMENT_FILE);
    let date = args.date.unwrap_or_else(|| Local::now().date_naive());
    crate::sprint::locked(&ws, || {
        let mut all = if path.exists() {
            assessment::read(&ws, &path)?
        } else {
            Vec::new()
        };
        if let Some(i) = all.iter().position(|a| a.leader == leader) {
            if !args.force {
                return Err(Error::usage(
                    format!(
                        "{leader} has already assessed the model ({})",
                        all[i].date.format("%Y-%m-%d")
                    ),
                    "add --force to replace that assessment",
                ));
            }
            all.remove(i);
        }
        all.push(Assessment {
            leader: leader.clone(),
            date,
            scores: scores.clone(),
            comment: args.comment.clone(),
        });
        fs::write(&path, render(&all, &ids).as_bytes(), Overwrite::Allowed)?;
        // Read back through the same checks as every record.
        assessment::read(&ws, &path).map(drop)
    })?;
    crate::say!(
        "{} {} {}",
        crate::i18n::msg::assess_saved_the_assessment_of(lang),
        leader,
        format_args!("{} {}", crate::i18n::msg::guard_in(lang), path.display())
    );
    // A leader may leave out what they cannot judge; say so, so that a
    // forgotten flag is not taken for a choice.
    let unscored = ids.len() - scores.len();
    if unscored > 0 {
        crate::say!(
            "{} {} {} {}; {}",
            scores.len(),
            crate::i18n::msg::guide_of(lang),
            ids.len(),
            crate::i18n::msg::assess_statements_are_scored(lang),
            crate::i18n::msg::assess_the_others_have_none_run(lang)
        );
    }
    Ok(())
}

/// Scores from --file and --score (the flags win).
fn given_scores(ws: &Workspace, args: &AssessArgs) -> Result<BTreeMap<String, u8>> {
    // Read wide, so that 300 is reported as "not from 1 to 5", not as a
    // number that does not fit.
    let mut scores: BTreeMap<String, u16> = BTreeMap::new();
    if let Some(file) = &args.file {
        let display = file.display().to_string();
        let text = fs::read_text(file)?;
        let mut sources = crate::workbook::load::Sources::default();
        let id = sources.add(display.clone(), text);
        let map: BTreeMap<String, u16> = crate::yaml::parse(&display, sources.text(id), id)
            .map_err(|d| Error::Invalid(vec![d]))?;
        scores.extend(map);
    }
    for pair in &args.scores {
        let parsed = pair
            .split_once('=')
            .and_then(|(id, n)| Some((id.trim().to_owned(), n.trim().parse::<u16>().ok()?)));
        let Some((id, n)) = parsed else {
            return Err(Error::usage(
                format!("`{pair}` is not a score"),
                "write scores as STATEMENT=N, for example felles-forstaelse-1=4",
            ));
        };
        scores.insert(id, n);
    }
    let ids = statement_ids(ws);
    for (id, n) in &scores {
        if !ids.contains(id) {
            let hint = crate::diagnostic::suggest(id, ids.iter().map(String::as_str)).map_or_else(
                || {
                    "`samskap workbook show felles-forstaelse` lists a prerequisite's statements"
                        .to_owned()
                },
                |b| format!("did you mean `{b}`?"),
            );
            return Err(Error::usage(format!("unknown statement `{id}`"), hint));
        }
        if !(1..=5).contains(n) {
            return Err(Error::usage(
                format!("the score {n} for `{id}` is not from 1 to 5"),
                "score from 1 (not true of us) to 5 (true of us)",
            ));
        }
    }
    Ok(scores
        .into_iter()
        .map(|(id, n)| (id, u8::try_from(n).unwrap_or(0)))
        .collect())
}

fn ask_scores(
    ws: &Workspace,
    missing: &[&String],
    scores: &mut BTreeMap<String, u8>,
    lang: crate::workbook::Lang,
) -> Result<()> {
    let Some(model) = ws.workbook.model.as_ref() else {
        return Ok(());
    };
    let labels: Vec<String> = model
        .scale
        .iter()
        .enumerate()
        .map(|(i, l)| format!("{} – {}", i + 1, l.get(lang)))
        .collect();
    for p in &model.prerequisites {
        for s in p
            .statements
            .iter()
            .filter(|s| missing.iter().any(|m| m.as_str() == s.id.as_str()))
        {
            let prompt = format!("{}: {}", p.title.get(lang), s.text.get(lang));
            let i = Prompter.choose(&prompt, &labels, 2)?;
            scores.insert(s.id.to_string(), u8::try_from(i + 1).unwrap_or(3));
        }
    }
    Ok(())
}

/// The file, written whole by samskap: one entry per leader.
fn render(all: &[Assessment], ids: &[String]) -> String {
    let mut out = String::from(
        "# Ledernes vurdering av arbeidsbokas modell. Skrives av samskap: bruk `samskap assess`.\n\
         # The leaders' assessment of the workbook's model. Written by samskap: use `samskap assess`.\n\
         assessments:\n",
    );
    let q = |s: &str| serde_json::to_string(s).unwrap_or_default();
    for a in all {
        out.push_str(&format!(
            "  - leader: {}\n    date: {}\n    scores:\n",
            q(&a.leader),
            a.date.format("%Y-%m-%d")
        ));
        for id in ids {
            if let Some(n) = a.scores.get(id) {
                out.push_str(&format!("      {id}: {n}\n"));
            }
        }
        if let Some(comment) = &a.comment {
            out.push_str(&format!("    comment: {}\n", q(comment)));
        }
    }
    out
}

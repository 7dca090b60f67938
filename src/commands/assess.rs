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
            msg::assess_no_model(ui()),
            msg::assess_no_model_hint(ui()),
        ));
    }
    let leader = match (&args.leader, interactive) {
        (Some(l), _) if l.trim().is_empty() => {
            return Err(Error::usage(
                msg::assess_leader_empty(ui()),
                msg::assess_leader_empty_hint(ui()),
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
            msg::assess_no_scores(ui()),
            msg::assess_no_scores_hint(ui()),
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
                    msg::assess_already(ui(), &leader, all[i].date.format("%Y-%m-%d")),
                    msg::assess_already_hint(ui()),
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
        fs::write(
            &path,
            render(&all, &ids, ws.lang(None)).as_bytes(),
            Overwrite::Allowed,
        )?;
        // Read back through the same checks as every record.
        assessment::read(&ws, &path).map(drop)
    })?;
    crate::say!("{}", msg::assess_saved(lang, &leader, path.display()));
    // A leader may leave out what they cannot judge; say so, so that a
    // forgotten flag is not taken for a choice.
    let unscored = ids.len() - scores.len();
    if unscored > 0 {
        crate::say!(
            "{}",
            msg::assess_some_unscored(lang, scores.len(), ids.len())
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
                msg::assess_not_a_score(ui(), pair),
                msg::assess_not_a_score_hint(ui()),
            ));
        };
        scores.insert(id, n);
    }
    let ids = statement_ids(ws);
    for (id, n) in &scores {
        if !ids.contains(id) {
            let hint = crate::diagnostic::suggest(id, ids.iter().map(String::as_str)).map_or_else(
                || msg::assess_unknown_statement_hint(ui()).to_owned(),
                |b| msg::did_you_mean(ui(), b),
            );
            return Err(Error::usage(msg::assess_unknown_statement(ui(), id), hint));
        }
        if !(1..=5).contains(n) {
            return Err(Error::usage(
                msg::assess_score_out_of_range(ui(), n, id),
                msg::assess_score_out_of_range_hint(ui()),
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
fn render(all: &[Assessment], ids: &[String], lang: crate::workbook::Lang) -> String {
    let mut out = format!(
        "{}\nassessments:\n",
        crate::i18n::msg::header_assessment(lang)
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

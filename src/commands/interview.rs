//! `samskap interview new --group G --pseudonym P`: a notes file to fill in.

use chrono::Local;

use super::Context;
use crate::cli::{ConsentArg, InterviewCommand};
use crate::error::{Error, Result};
use crate::fs::{self, Overwrite};
use crate::i18n::{msg, ui};
use crate::records::{Answer, Consent};
use crate::sprint::Workspace;
use crate::workbook::Lang;

/// Runs the command.
pub fn run(cx: &Context, command: InterviewCommand) -> Result<()> {
    let InterviewCommand::New {
        group,
        pseudonym,
        date,
        interviewers,
        consent,
        quote_consent,
    } = command;
    let ws = cx.workspace()?;
    let lang = ws.lang(cx.lang_arg);
    let found = ws.sprint.require_group(&group)?;
    let pseudonym = pseudonym.trim().to_owned();
    check_pseudonym(&ws, &pseudonym)?;
    let date = date.unwrap_or_else(|| Local::now().date_naive());
    let interviewers: Vec<String> = match interviewers {
        Some(names) => names
            .split(',')
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(str::to_owned)
            .collect(),
        None => found.members.clone(),
    };
    let consent = Consent {
        interview: answer(consent),
        quotes: answer(quote_consent.unwrap_or(consent)),
    };
    let path = ws.interviews_dir(&group).join(format!(
        "{}-{}.md",
        date.format("%Y-%m-%d"),
        crate::workbook::file_slug(&pseudonym).unwrap_or_else(|| "intervju".into())
    ));
    let text = note(
        &ws,
        &pseudonym,
        &date.format("%Y-%m-%d").to_string(),
        &interviewers,
        consent,
        lang,
    );
    fs::write(&path, text.as_bytes(), Overwrite::Never).map_err(|err| match err {
        Error::Exists(_) => Error::usage(
            msg::interview_note_exists(ui(), pseudonym, path.display()),
            msg::interview_note_exists_hint(ui()),
        ),
        other => other,
    })?;
    output(&path, consent, lang);
    Ok(())
}

/// The answer a command-line value means.
fn answer(arg: ConsentArg) -> Answer {
    match arg {
        ConsentArg::Given => Answer::Given,
        ConsentArg::Declined => Answer::Declined,
        ConsentArg::Withdrawn => Answer::Withdrawn,
        ConsentArg::Pending => Answer::Pending,
    }
}

/// A pseudonym may not be a name from the private list of real names.
fn check_pseudonym(ws: &Workspace, pseudonym: &str) -> Result<()> {
    if pseudonym.is_empty() {
        return Err(Error::usage(
            msg::pseudonym_empty(ui()),
            msg::pseudonym_empty_hint(ui()),
        ));
    }
    let names = crate::records::private_names(ws)?;
    // The gate's own matching (genitive, spacing, case, look-alike
    // letters), against each name and each of its words: `Tuva` alone is
    // as much a real name as `Tuva Nordmann`.
    let mut list = names.clone();
    list.extend(
        names
            .iter()
            .flat_map(|n| n.split_whitespace().map(str::to_owned)),
    );
    let found = crate::privacy::Detector::new(&list, &[]).scan(pseudonym);
    if let Some(f) = found.iter().find(|f| f.kind != crate::privacy::Kind::Name) {
        return Err(Error::usage(
            msg::pseudonym_holds(ui(), pseudonym, f.kind.name(ui())),
            msg::pseudonym_holds_hint(ui()),
        ));
    }
    if !found.is_empty() {
        return Err(Error::usage(
            msg::pseudonym_real_name(ui(), pseudonym, crate::records::NAMES_FILE),
            msg::pseudonym_real_name_hint(ui()),
        ));
    }
    Ok(())
}

fn output(path: &std::path::Path, consent: Consent, lang: Lang) {
    crate::say!("{} {}", msg::templates_wrote(lang), path.display());
    let said = if consent.interview == Answer::Pending || consent.quotes == Answer::Pending {
        msg::interview_new_pending(lang).to_string()
    } else {
        msg::interview_new_consent(lang, consent)
    };
    crate::say!("{said}");
}

fn quoted(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_default()
}

/// The comment above `tags:`: the workbook's first tags as the example.
fn tags_comment(ws: &Workspace, lang: Lang) -> String {
    let examples: Vec<&str> = ws
        .workbook
        .tags
        .iter()
        .take(2)
        .map(|t| t.id.as_str())
        .collect();
    if examples.is_empty() {
        crate::i18n::msg::interview_note_tags_list(lang).to_owned()
    } else {
        crate::i18n::msg::interview_note_tags_example(lang, examples.join(", "))
    }
}

/// The note: front matter, then one section per topic of the interview step.
fn note(
    ws: &Workspace,
    pseudonym: &str,
    date: &str,
    interviewers: &[String],
    consent: Consent,
    lang: Lang,
) -> String {
    let names: Vec<String> = interviewers.iter().map(|n| quoted(n)).collect();
    let mut out = format!(
        "---\n{}\npseudonym: {}\ndate: {date}\ninterviewers: [{}]\nconsent:\n  # {}\n  interview: {}\n  # {}\n  quotes: {}\n{}\ntags: []\n---\n",
        msg::interview_note_personal_data(lang),
        quoted(pseudonym),
        names.join(", "),
        msg::interview_note_consent_interview(lang),
        consent.interview.word(),
        msg::interview_note_consent_quotes(lang),
        consent.quotes.word(),
        tags_comment(ws, lang),
    );
    out.push_str(&format!(
        "\n{}\n",
        crate::i18n::msg::interview_note_write_under_topics(lang)
    ));
    for topic in ws.workbook.interview_topics() {
        out.push_str(&format!("\n## {}\n\n", topic.title.get(lang)));
    }
    out.push_str(&format!(
        "\n## {}\n\n",
        crate::i18n::msg::interview_closing_and_follow_up(lang)
    ));
    out
}

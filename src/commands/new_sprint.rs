//! `samskap new-sprint [DIR]`: gathers the answers (flags first, then
//! prompts on a terminal, then the workbook's defaults with --yes) into one
//! plain `NewSprint`, and creates the workspace from it.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use chrono::{Datelike, Days, Local, NaiveDate};

use super::Context;
use crate::cli::NewSprintArgs;
use crate::error::{Error, Result};
use crate::i18n::{msg, tr};
use crate::prompt::Prompter;
use crate::sprint::config::chrono_weekday;
use crate::sprint::create::{self, NewGroup, NewPeople, NewSprint};
use crate::workbook::{Lang, Weekday, Workbook};

/// Runs the command.
pub fn run(cx: &Context, args: NewSprintArgs) -> Result<()> {
    let workbook = cx.load_workbook()?;
    let dir = args.dir.clone().unwrap_or_else(|| PathBuf::from("."));
    // Refuse a folder that is not empty before the wizard asks anything,
    // not after every answer has been typed (`create` checks it too).
    if !args.force && non_empty(&dir) {
        return Err(Error::NotEmpty(dir));
    }
    let interactive =
        !args.yes && std::io::stdin().is_terminal() && std::io::stderr().is_terminal();
    let new = if interactive {
        ask(cx, &args, &workbook, &dir)?
    } else {
        from_flags(cx, &args, &workbook, &dir)?
    };
    check_answers(&new, &args, &workbook)?;
    let created = create::create(&dir, &new, &workbook, args.force)?;
    report(&dir, &created, new.lang);
    Ok(())
}

/// Whether `dir` exists and holds anything.
fn non_empty(dir: &Path) -> bool {
    std::fs::read_dir(dir).is_ok_and(|mut entries| entries.next().is_some())
}

/// Answers that would make a sprint every later command rejects are
/// refused before anything is written.
fn check_answers(new: &NewSprint, args: &NewSprintArgs, wb: &Workbook) -> Result<()> {
    if new.name.trim().is_empty() {
        return Err(Error::usage(
            "the sprint's name is empty",
            "give it a name, for example --name \"Våren 2027\"",
        ));
    }
    let groups = new.groups.len();
    for (flag, given) in [
        ("--sub-challenge", args.sub_challenges.len()),
        ("--members", args.members.len()),
    ] {
        if given > groups {
            return Err(Error::usage(
                format!("{flag} is given {given} times, but the sprint has {groups} groups"),
                format!("give {flag} once per group, in group order, or raise --groups"),
            ));
        }
    }
    let sprint = crate::sprint::Sprint {
        name: new.name.clone(),
        lang: Some(new.lang),
        workbook: None,
        challenge: String::new(),
        target_group: String::new(),
        start: new.start,
        weekday: chrono_weekday(new.weekday),
        time: new.time,
        place: None,
        facilitators: Vec::new(),
        steering_group: Vec::new(),
        project_lead: None,
        contact: None,
        groups: Vec::new(),
        id: None,
        terms: Default::default(),
    };
    crate::sprint::check_day_fits(&sprint, wb, Path::new("--time")).map_err(|_| {
        let latest = 24 * 60 - 1 - crate::plan::longest_day(wb).min(24 * 60 - 1);
        Error::usage(
            format!(
                "sessions starting at {} would run past midnight",
                new.time.format("%H:%M")
            ),
            format!(
                "choose --time {:02}:{:02} or earlier",
                latest / 60,
                latest % 60
            ),
        )
    })
}

fn split_names(names: &str) -> Vec<String> {
    names
        .split(',')
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The first `weekday` after today: the default start.
fn next_weekday(weekday: Weekday) -> NaiveDate {
    let today = Local::now().date_naive();
    let target = chrono_weekday(weekday);
    (1..=7)
        .filter_map(|n| today.checked_add_days(Days::new(n)))
        .find(|d| d.weekday() == target)
        .unwrap_or(today)
}

/// The workbook path as samskap.yaml should name it: relative to the
/// workspace folder, so the workspace can move as a whole.
fn workbook_for(cx: &Context, dir: &Path) -> Option<String> {
    let path = cx.workbook.as_ref()?;
    let absolute = std::path::absolute(path).ok()?;
    let base = std::path::absolute(dir).ok()?;
    Some(relative(&absolute, &base).display().to_string())
}

/// `path` relative to `base` (both absolute).
fn relative(path: &Path, base: &Path) -> PathBuf {
    let path: Vec<_> = path.components().collect();
    let base: Vec<_> = base.components().collect();
    let common = path.iter().zip(&base).take_while(|(a, b)| a == b).count();
    let mut out: PathBuf = base[common..].iter().map(|_| "..").collect();
    out.extend(&path[common..]);
    out
}

fn from_flags(cx: &Context, args: &NewSprintArgs, wb: &Workbook, dir: &Path) -> Result<NewSprint> {
    let lang = cx.lang_for(wb)?;
    if !args.yes {
        let missing: Vec<&str> = [
            ("--name", args.name.is_none()),
            ("--challenge", args.challenge.is_none()),
            ("--target-group", args.target_group.is_none()),
            ("--start", args.start.is_none()),
        ]
        .into_iter()
        .filter_map(|(flag, absent)| absent.then_some(flag))
        .collect();
        if !missing.is_empty() {
            return Err(Error::usage(
                format!(
                    "new-sprint needs answers that were not given: {}",
                    missing.join(", ")
                ),
                "give them as flags, add --yes to take the defaults, or run on a terminal to be asked",
            ));
        }
    }
    let defaults = &wb.defaults;
    let weekday = args.weekday.map_or(defaults.weekday, Weekday::from);
    let groups = args.groups.unwrap_or(defaults.groups).max(1);
    Ok(NewSprint {
        name: args
            .name
            .clone()
            .unwrap_or_else(|| tr(lang, "Ny sprint", "New sprint").to_owned()),
        lang,
        workbook: workbook_for(cx, dir),
        challenge: args
            .challenge
            .clone()
            .unwrap_or_else(|| default_text(defaults.challenge.as_ref(), lang)),
        target_group: args
            .target_group
            .clone()
            .unwrap_or_else(|| default_text(defaults.target_group.as_ref(), lang)),
        start: args.start.unwrap_or_else(|| next_weekday(weekday)),
        weekday,
        time: args.time.unwrap_or_else(|| default_time(wb)),
        place: args.place.clone(),
        steering_group: args
            .steering_group
            .as_deref()
            .map(split_names)
            .unwrap_or_default(),
        groups: (0..usize::from(groups))
            .map(|i| NewGroup {
                sub_challenge: args.sub_challenges.get(i).cloned().unwrap_or_default(),
                members: args
                    .members
                    .get(i)
                    .map(|m| split_names(m))
                    .unwrap_or_default(),
            })
            .collect(),
        people: people(args)?,
    })
}

fn default_text(text: Option<&crate::workbook::Text>, lang: Lang) -> String {
    text.map(|t| t.get(lang).to_owned()).unwrap_or_default()
}

fn default_time(wb: &Workbook) -> chrono::NaiveTime {
    crate::sprint::config::parse_time(&wb.defaults.time).unwrap_or_default()
}

/// Asks for every answer not given as a flag, offering the defaults.
fn ask(cx: &Context, args: &NewSprintArgs, wb: &Workbook, dir: &Path) -> Result<NewSprint> {
    let p = Prompter;
    // Only the languages the workbook is written in are offered.
    let lang = match (cx.lang_arg, wb.languages.as_slice()) {
        (Some(_), _) => cx.lang_for(wb)?,
        (None, [only]) => *only,
        (None, languages) => {
            let names: Vec<&str> = languages
                .iter()
                .map(|l| match l {
                    Lang::Nb => "nb – norsk bokmål",
                    Lang::Nn => "nn – norsk nynorsk",
                    Lang::En => "en – English",
                })
                .collect();
            let i = p.choose("Språk / language", &names, 0)?;
            languages.get(i).copied().unwrap_or(Lang::Nb)
        }
    };
    let t = |nb, en| tr(lang, nb, en);
    let d = &wb.defaults;
    let name = match &args.name {
        Some(name) => name.clone(),
        None => p.text(t("Navn på sprinten", "Name of the sprint"), None)?,
    };
    let challenge = match &args.challenge {
        Some(c) => c.clone(),
        None => p.text(
            t(
                "Utfordringen (problemstillingen)",
                "The challenge (problem statement)",
            ),
            d.challenge.as_ref().map(|c| c.get(lang)),
        )?,
    };
    let target_group = match &args.target_group {
        Some(g) => g.clone(),
        None => p.text(
            t("Målgruppa", "The target group"),
            d.target_group.as_ref().map(|c| c.get(lang)),
        )?,
    };
    let weekday = match args.weekday {
        Some(w) => Weekday::from(w),
        None => {
            let days = [
                Weekday::Mon,
                Weekday::Tue,
                Weekday::Wed,
                Weekday::Thu,
                Weekday::Fri,
            ];
            let names = if lang == Lang::Nb {
                ["mandag", "tirsdag", "onsdag", "torsdag", "fredag"]
            } else {
                ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
            };
            let default = days.iter().position(|w| *w == d.weekday).unwrap_or(0);
            days[p.choose(
                t("Ukedag for samlingene", "Weekday of the sessions"),
                &names,
                default,
            )?]
        }
    };
    let start = match args.start {
        Some(s) => s,
        None => p.date(
            t("Første dag (ÅÅÅÅ-MM-DD)", "First day (YYYY-MM-DD)"),
            next_weekday(weekday),
        )?,
    };
    let time = match args.time {
        Some(time) => time,
        None => p.time(
            t(
                "Klokkeslett for samlingene (TT:MM)",
                "Time of the sessions (HH:MM)",
            ),
            default_time(wb),
        )?,
    };
    let count = match args.groups {
        Some(n) => n,
        None => p.number(
            t("Antall arbeidsgrupper", "Number of work groups"),
            d.groups,
            1,
            20,
        )?,
    };
    let mut groups = Vec::new();
    for i in 0..usize::from(count) {
        let n = i + 1;
        let sub_challenge = match args.sub_challenges.get(i) {
            Some(s) => s.clone(),
            None => p.optional_text(&format!(
                "{} {n}: {}",
                t("Gruppe", "Group"),
                t(
                    "underproblemstilling (kan fylles inn senere)",
                    "sub-challenge (can be filled in later)"
                )
            ))?,
        };
        let members = match args.members.get(i) {
            Some(m) => split_names(m),
            None => split_names(&p.optional_text(&format!(
                "{} {n}: {}",
                t("Gruppe", "Group"),
                t("medlemmer, skilt med komma", "members, separated by commas")
            ))?),
        };
        groups.push(NewGroup {
            sub_challenge,
            members,
        });
    }
    let steering_group = match &args.steering_group {
        Some(s) => split_names(s),
        None => split_names(&p.optional_text(t(
            "Styringsgruppa, skilt med komma",
            "The steering group, separated by commas",
        ))?),
    };
    Ok(NewSprint {
        name,
        lang,
        workbook: workbook_for(cx, dir),
        challenge,
        target_group,
        start,
        weekday,
        time,
        place: args.place.clone(),
        steering_group,
        groups,
        people: people(args)?,
    })
}

/// The facilitators, project lead and contact from the flags, trimmed; a
/// phone number the privacy gate would not know as one is refused here
/// rather than by `check` later.
fn people(args: &NewSprintArgs) -> Result<NewPeople> {
    let name = |s: &String| Some(s.trim().to_owned()).filter(|s| !s.is_empty());
    let contact = match (&args.contact_name, &args.contact_phone) {
        (Some(n), Some(phone)) => {
            let lang = crate::i18n::ui();
            let Some(n) = name(n) else {
                return Err(Error::usage(
                    msg::contact_no_name(lang),
                    msg::contact_hint(lang),
                ));
            };
            if crate::privacy::phone_number(phone).is_none() {
                return Err(Error::usage(
                    msg::contact_bad_phone(lang, phone.trim()),
                    msg::contact_hint(lang),
                ));
            }
            Some((n, phone.trim().to_owned()))
        }
        _ => None,
    };
    Ok(NewPeople {
        facilitators: args.facilitators.iter().filter_map(name).collect(),
        project_lead: args.project_lead.as_ref().and_then(name),
        contact,
    })
}

fn report(dir: &Path, created: &create::Created, lang: Lang) {
    let t = |nb, en| tr(lang, nb, en);
    for path in &created.written {
        crate::say!("  {} {}", t("laget", "created"), path.display());
    }
    for path in &created.kept {
        crate::say!("  {} {}", t("beholdt", "kept"), path.display());
    }
    let cd = if dir == Path::new(".") {
        String::new()
    } else {
        format!("cd {} && ", dir.display())
    };
    crate::say!(
        "\n{}\n  {cd}samskap status\n  {cd}samskap next",
        t(
            "Sprinten er klar. Fyll inn samskap.yaml, og se hva som er neste steg:",
            "The sprint is ready. Fill in samskap.yaml, then see what comes next:"
        ),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths() {
        assert_eq!(
            relative(Path::new("/a/b/wb"), Path::new("/a/c")),
            PathBuf::from("../b/wb")
        );
        assert_eq!(
            relative(Path::new("/a/c/wb"), Path::new("/a/c")),
            PathBuf::from("wb")
        );
    }

    #[test]
    fn names_are_split_on_commas() {
        assert_eq!(split_names(" Kari, Ola ,,Per "), ["Kari", "Ola", "Per"]);
    }
}

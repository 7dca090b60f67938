//! `samskap new-sprint [DIR]`: gathers the answers (flags first, then
//! prompts on a terminal, then the workbook's defaults with --yes) into one
//! plain `NewSprint`, and creates the workspace from it.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use chrono::{Datelike, Days, Local, NaiveDate};

use super::Context;
use crate::cli::NewSprintArgs;
use crate::error::{Error, Result};
use crate::i18n::{msg, ui};
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
    let mut new = new;
    let proposed = propose_breaks(&mut new, &workbook);
    check_answers(&new, &args)?;
    let created = create::create(&dir, &new, &workbook, args.force)?;
    report(&dir, &created, new.lang);
    if let Some(warning) = plan_warning(&new, &workbook) {
        crate::say!("\n{warning}");
    }
    if proposed {
        crate::say!("\n{}", msg::new_sprint_breaks_proposed(new.lang));
    }
    Ok(())
}

/// Whether `dir` exists and holds anything.
fn non_empty(dir: &Path) -> bool {
    std::fs::read_dir(dir).is_ok_and(|mut entries| entries.next().is_some())
}

/// Answers that would make a sprint every later command rejects are
/// refused before anything is written.
fn check_answers(new: &NewSprint, args: &NewSprintArgs) -> Result<()> {
    if new.name.trim().is_empty() {
        return Err(Error::usage(
            msg::sprint_name_empty(ui()),
            msg::sprint_name_empty_hint(ui()),
        ));
    }
    let groups = new.groups.len();
    for (flag, given) in [
        ("--sub-challenge", args.sub_challenges.len()),
        ("--members", args.members.len()),
    ] {
        if given > groups {
            return Err(Error::usage(
                msg::flag_too_often(ui(), flag, given, groups),
                msg::flag_too_often_hint(ui(), flag),
            ));
        }
    }
    let day = new.day;
    let hours = day.hours();
    if !(hours.start <= new.time && new.time < hours.end) {
        return Err(Error::usage(
            msg::plan_time_outside(ui(), new.time.format("%H:%M"), hours),
            msg::new_sprint_time_outside_hint(
                ui(),
                hours.start.format("%H:%M"),
                hours.end.format("%H:%M"),
            ),
        ));
    }
    Ok(())
}

/// What to change in samskap.yaml when the new sprint's plan does not fit
/// (too many groups for the facilitators, say): the files are written all
/// the same, so people can fix the settings there.
fn plan_warning(new: &NewSprint, wb: &Workbook) -> Option<String> {
    let settings = crate::plan::Settings {
        start: new.start,
        weekday: chrono_weekday(new.weekday),
        time: new.time,
        day: new.day,
        place: new.place.clone(),
        facilitators: new.people.facilitators.clone(),
        breaks: new.breaks.clone(),
        groups: (1..=new.groups.len())
            .map(|n| crate::plan::GroupSettings::new(format!("g{n}")))
            .collect(),
    };
    let unfit = crate::plan::plan(wb, &settings).err()?;
    Some(msg::new_sprint_plan_does_not_fit(
        new.lang,
        unfit.week,
        unfit.step,
        new.day.hours(),
    ))
}

/// The facilitators the workbook says a sprint has, numbered for people
/// to replace with names.
fn facilitators(wb: &Workbook, lang: Lang) -> Vec<String> {
    let count = wb
        .defaults
        .facilitators
        .as_deref()
        .copied()
        .unwrap_or(1)
        .max(1);
    (1..=count)
        .map(|n| msg::plan_facilitator_n(lang, n))
        .collect()
}

/// Proposes the school holidays of the years the sprint spans as breaks
/// when the workbook says how and the target group has children; whether
/// it did.
fn propose_breaks(new: &mut NewSprint, wb: &Workbook) -> bool {
    let Some(holidays) = &wb.defaults.school_holidays else {
        return false;
    };
    let target = new.target_group.to_lowercase();
    let children = holidays
        .when_target_group_mentions
        .iter()
        .any(|w| !w.trim().is_empty() && target.contains(&w.trim().to_lowercase()));
    if !children {
        return false;
    }
    let weeks: u32 = wb.phases.iter().map(|p| u32::from(*p.weeks)).sum();
    // Room for the weeks breaks push the process on by.
    let end = new.start + Days::new(7 * u64::from(weeks + 12));
    let l = new.lang;
    let names = crate::plan::breaks::BreakNames {
        winter: msg::plan_break_winter(l),
        easter: msg::plan_break_easter(l),
        autumn: msg::plan_break_autumn(l),
        christmas: msg::plan_break_christmas(l),
        summer: msg::plan_break_summer(l),
    };
    let weeks = (holidays.winter_week, holidays.autumn_week);
    new.breaks =
        crate::plan::breaks::school_holidays(new.start.year() - 1, end.year(), weeks, names)
            .into_iter()
            .filter(|b| b.to >= new.start && b.from <= end)
            .collect();
    true
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
                msg::answers_missing(ui(), "new-sprint", missing.join(", ")),
                msg::answers_missing_hint(ui()),
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
            .unwrap_or_else(|| crate::i18n::msg::new_sprint_new_sprint(lang).to_owned()),
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
        day: crate::workbook::timing::working_day(&wb.defaults),
        breaks: Vec::new(),
        people: people(args, wb, lang)?,
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
            // Nothing chose a language yet: ask in the user's own.
            let ui = crate::i18n::ui();
            let names: Vec<&str> = languages
                .iter()
                .map(|l| match l {
                    Lang::Nb => crate::i18n::msg::language_nb(ui),
                    Lang::Nn => crate::i18n::msg::language_nn(ui),
                    Lang::En => crate::i18n::msg::language_en(ui),
                })
                .collect();
            let i = p.choose(crate::i18n::msg::new_sprint_language(ui), &names, 0)?;
            languages.get(i).copied().unwrap_or(Lang::Nb)
        }
    };
    let d = &wb.defaults;
    let name = match &args.name {
        Some(name) => name.clone(),
        None => p.text(crate::i18n::msg::new_sprint_name_of_the_sprint(lang), None)?,
    };
    let challenge = match &args.challenge {
        Some(c) => c.clone(),
        None => p.text(
            crate::i18n::msg::new_sprint_the_challenge_problem_statement(lang),
            d.challenge.as_ref().map(|c| c.get(lang)),
        )?,
    };
    let target_group = match &args.target_group {
        Some(g) => g.clone(),
        None => p.text(
            crate::i18n::msg::new_sprint_the_target_group(lang),
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
            let names = days.map(|day| {
                crate::plan::dates::weekday_name(crate::sprint::config::chrono_weekday(day), lang)
            });
            let default = days.iter().position(|w| *w == d.weekday).unwrap_or(0);
            days[p.choose(
                crate::i18n::msg::new_sprint_weekday_of_the_sessions(lang),
                &names,
                default,
            )?]
        }
    };
    let start = match args.start {
        Some(s) => s,
        None => p.date(
            crate::i18n::msg::new_sprint_first_day_yyyy_mm_dd(lang),
            next_weekday(weekday),
        )?,
    };
    let time = match args.time {
        Some(time) => time,
        None => p.time(
            crate::i18n::msg::new_sprint_time_of_the_sessions_hh(lang),
            default_time(wb),
        )?,
    };
    let count = match args.groups {
        Some(n) => n,
        None => p.number(
            crate::i18n::msg::new_sprint_number_of_work_groups(lang),
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
            None => p.optional_text(&crate::i18n::msg::new_sprint_group_sub_challenge(lang, n))?,
        };
        let members = match args.members.get(i) {
            Some(m) => split_names(m),
            None => {
                split_names(&p.optional_text(&crate::i18n::msg::new_sprint_group_members(lang, n))?)
            }
        };
        groups.push(NewGroup {
            sub_challenge,
            members,
        });
    }
    let steering_group = match &args.steering_group {
        Some(s) => split_names(s),
        None => split_names(
            &p.optional_text(crate::i18n::msg::new_sprint_the_steering_group_separated_by(lang))?,
        ),
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
        day: crate::workbook::timing::working_day(&wb.defaults),
        breaks: Vec::new(),
        people: people(args, wb, lang)?,
    })
}

/// The facilitators, project lead and contact from the flags, trimmed; a
/// phone number the privacy gate would not know as one is refused here
/// rather than by `check` later.
fn people(args: &NewSprintArgs, wb: &Workbook, lang: Lang) -> Result<NewPeople> {
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
        // Not named: as many as the workbook says a sprint has, numbered
        // for people to name.
        facilitators: Some(
            args.facilitators
                .iter()
                .filter_map(name)
                .collect::<Vec<_>>(),
        )
        .filter(|named| !named.is_empty())
        .unwrap_or_else(|| facilitators(wb, lang)),
        project_lead: args.project_lead.as_ref().and_then(name),
        contact,
    })
}

fn report(dir: &Path, created: &create::Created, lang: Lang) {
    for path in &created.written {
        crate::say!(
            "  {} {}",
            crate::i18n::msg::new_sprint_created(lang),
            path.display()
        );
    }
    for path in &created.kept {
        crate::say!(
            "  {} {}",
            crate::i18n::msg::new_sprint_kept(lang),
            path.display()
        );
    }
    let cd = if dir == Path::new(".") {
        String::new()
    } else {
        format!("cd {} && ", dir.display())
    };
    crate::say!(
        "\n{}\n  {cd}samskap status\n  {cd}samskap next",
        crate::i18n::msg::new_sprint_the_sprint_is_ready_fill(lang),
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

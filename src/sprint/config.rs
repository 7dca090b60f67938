//! `samskap.yaml`: the sprint's settings as people write them, and the
//! checked [`Sprint`] made from them. The file is written once by
//! `new-sprint` and then edited by people; samskap never rewrites it.

use chrono::{NaiveDate, NaiveTime};
use schemars::JsonSchema;
use serde::Deserialize;

use crate::diagnostic::Diagnostic;
use crate::i18n::{msg, ui};
use crate::plan::{Break, Span};
use crate::workbook::load::Sources;
use crate::workbook::text::Loc;
use crate::workbook::timing::{SpanField, span_problem};
use crate::workbook::{At, Id, Lang, Weekday, is_slug};

/// The sprint file, `samskap.yaml`, as written.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SprintFile {
    /// The sprint's name, shown on every document.
    pub name: At<String>,
    /// A fixed id for the sprint's calendar events; keep it when you rename the sprint.
    #[serde(default)]
    pub id: Option<At<String>>,
    /// The language of the documents: one the workbook declares, such as nb (Norwegian bokmål) or en (English).
    #[serde(default)]
    pub lang: Option<At<Lang>>,
    /// The workbook, relative to this file: a workbook.yaml or its folder. Leave out for the built-in workbook.
    #[serde(default)]
    pub workbook: Option<At<String>>,
    /// The challenge (problem statement) the sprint works on, as a question.
    pub challenge: At<String>,
    /// The target group: the residents the sprint is for.
    pub target_group: At<String>,
    /// The first day of the process, as YYYY-MM-DD.
    pub start: At<String>,
    /// The weekday sessions are held on: mon, tue, wed, thu or fri.
    pub weekday: At<Weekday>,
    /// The time sessions start, as HH:MM.
    pub time: At<String>,
    /// The working day, as HH:MM-HH:MM: no session starts before or ends after it (the workbook's, else 09:00-15:30).
    #[serde(default)]
    pub hours: Option<At<String>>,
    /// The lunch break, as HH:MM-HH:MM inside the working day: no session runs through it (the workbook's, else 11:30-12:00).
    #[serde(default)]
    pub lunch: Option<At<String>>,
    /// Where sessions are held.
    #[serde(default)]
    pub place: Option<String>,
    /// The facilitators (names or roles). A facilitated session needs one of them, and no one is in two sessions at once.
    #[serde(default)]
    pub facilitators: Vec<String>,
    /// Breaks: school holidays and the like. No session with residents is planned in one; the process moves on a week.
    #[serde(default)]
    pub breaks: Vec<BreakFile>,
    /// The members of the steering group.
    #[serde(default)]
    pub steering_group: Vec<String>,
    /// The project lead (a name or a role), shown on agendas with the facilitators.
    #[serde(default)]
    pub project_lead: Option<At<String>>,
    /// Whom residents contact to withdraw their consent: {name, phone}, an employee's work number; named in the interview guide.
    #[serde(default)]
    pub contact: Option<super::people::ContactFile>,
    /// The work groups.
    pub groups: Vec<GroupFile>,
    /// The words for the people the sprint is for, when they differ from the workbook's.
    #[serde(default)]
    pub people: Option<super::terms::PeopleFile>,
    /// What solutions' effects are measured in, replacing the workbook's measures (`[]` for none).
    #[serde(default)]
    pub measures: Option<Vec<super::terms::MeasureFile>>,
    /// The interview guide's purpose sentence, replacing the workbook's.
    #[serde(default)]
    pub interview_purpose: Option<String>,
    /// The report's sections, replacing the workbook's choice: about, done, insights, solutions, knowledge, model, evaluation, recommendations.
    #[serde(default)]
    pub sections: Option<Vec<At<String>>>,
}

/// A work group as written.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GroupFile {
    /// A short id used in commands and folder names, such as `gruppe-1`.
    pub id: Id,
    /// The group's name; the id when left out.
    #[serde(default)]
    pub name: Option<String>,
    /// The part of the challenge this group explores.
    #[serde(default)]
    pub sub_challenge: String,
    /// The employees in the group (names are fine here: they are staff, not residents).
    #[serde(default)]
    pub members: Vec<String>,
    /// The weekday the group's own sessions are held on, when the week allows: mon to fri.
    #[serde(default)]
    pub weekday: Option<At<Weekday>>,
    /// The time the group's own sessions start, when the day allows (HH:MM).
    #[serde(default)]
    pub time: Option<At<String>>,
    /// Where the group's own sessions are held.
    #[serde(default)]
    pub place: Option<String>,
    /// The question topics of the group's interview guide (ids from the
    /// workbook's `questions.topics`); default: the workbook's choice.
    #[serde(default)]
    pub topics: Vec<String>,
}

/// A break as written.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BreakFile {
    /// The break's name, as documents show it: "Vinterferie 2027".
    pub name: At<String>,
    /// The first day, as YYYY-MM-DD.
    pub from: At<String>,
    /// The last day, as YYYY-MM-DD.
    pub to: At<String>,
}

/// A checked sprint: dates and times parsed, group ids safe to use as
/// folder names.
#[derive(Clone, Debug, PartialEq)]
pub struct Sprint {
    /// The sprint's name.
    pub name: String,
    /// The fixed id of its calendar events, if the file sets one.
    pub id: Option<String>,
    /// The documents' language, when the file sets one.
    pub lang: Option<Lang>,
    /// The workbook path as written, relative to the workspace.
    pub workbook: Option<String>,
    /// The challenge.
    pub challenge: String,
    /// The target group.
    pub target_group: String,
    /// The first day of the process.
    pub start: NaiveDate,
    /// The session weekday.
    pub weekday: chrono::Weekday,
    /// The session start time.
    pub time: NaiveTime,
    /// The working hours, when the file sets them, with where.
    pub hours: Option<At<Span>>,
    /// The lunch, when the file sets it, with where.
    pub lunch: Option<At<Span>>,
    /// Where `time:` is written, for messages about it.
    pub time_at: Loc,
    /// The breaks.
    pub breaks: Vec<Break>,
    /// Where sessions are held.
    pub place: Option<String>,
    /// The facilitators.
    pub facilitators: Vec<String>,
    /// The steering group.
    pub steering_group: Vec<String>,
    /// The project lead, if named.
    pub project_lead: Option<String>,
    /// The contact for withdrawing consent, if given.
    pub contact: Option<super::people::Contact>,
    /// The work groups.
    pub groups: Vec<Group>,
    /// The sprint's own people words, measures and interview purpose.
    pub terms: super::terms::SprintTerms,
}

/// A checked work group.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    /// The id: a slug, safe as a folder name.
    pub id: String,
    /// The name shown in documents.
    pub name: String,
    /// The sub-challenge; empty until someone writes it.
    pub sub_challenge: String,
    /// The members.
    pub members: Vec<String>,
    /// The group's own weekday.
    pub weekday: Option<chrono::Weekday>,
    /// The group's own start time, with where it is written.
    pub time: Option<At<NaiveTime>>,
    /// The group's own place.
    pub place: Option<String>,
    /// The question topics of its interview guide; empty: the workbook's.
    pub topics: Vec<String>,
}

impl Sprint {
    /// The group with this id.
    pub fn group(&self, id: &str) -> Option<&Group> {
        self.groups.iter().find(|g| g.id == id)
    }

    /// The group with this id, or a usage error that names the groups and
    /// suggests the closest.
    pub fn require_group(&self, id: &str) -> crate::error::Result<&Group> {
        self.group(id).ok_or_else(|| {
            let hint = crate::diagnostic::suggest(id, self.groups.iter().map(|g| g.id.as_str()))
                .map_or_else(
                    || msg::unknown_group_hint(ui(), self.group_ids().join(", ")),
                    |b| msg::did_you_mean(ui(), b),
                );
            crate::error::Error::usage(msg::unknown_group(ui(), id), hint)
        })
    }

    /// The stable id of the sprint's calendar events: `id:` from
    /// samskap.yaml, else one made from the name.
    pub fn calendar_id(&self) -> String {
        self.id
            .clone()
            .unwrap_or_else(|| crate::render::ics::slug(&self.name))
    }

    /// The group ids in order.
    pub fn group_ids(&self) -> Vec<String> {
        self.groups.iter().map(|g| g.id.clone()).collect()
    }
}

/// The breaks as written, checked: dates, an end on or after the start,
/// no two sharing a day.
fn check_breaks(breaks: &[BreakFile], problem: &mut impl FnMut(Loc, String, String)) -> Vec<Break> {
    let mut checked: Vec<(Break, Loc)> = Vec::new();
    for b in breaks {
        let date = |d: &At<String>, problem: &mut dyn FnMut(Loc, String, String)| {
            let parsed = parse_date(d);
            if parsed.is_none() {
                problem(d.loc, not_a_date(d), msg::not_a_date_hint(ui()).to_owned());
            }
            parsed
        };
        let (Some(from), Some(to)) = (date(&b.from, problem), date(&b.to, problem)) else {
            continue;
        };
        if to < from {
            problem(
                b.to.loc,
                msg::break_ends_before_start(ui(), &*b.name, to, from),
                msg::break_ends_before_start_hint(ui()).to_owned(),
            );
            continue;
        }
        let new = Break {
            name: b.name.trim().to_owned(),
            from,
            to,
        };
        if let Some((other, _)) = checked.iter().find(|(o, _)| o.overlaps(&new)) {
            problem(
                b.from.loc,
                msg::breaks_overlap(ui(), &new.name, from, to, &other.name, other.from, other.to),
                msg::breaks_overlap_hint(ui()).to_owned(),
            );
            continue;
        }
        checked.push((new, b.from.loc));
    }
    checked.into_iter().map(|(b, _)| b).collect()
}

/// Converts a workbook weekday to chrono's.
pub fn chrono_weekday(day: Weekday) -> chrono::Weekday {
    match day {
        Weekday::Mon => chrono::Weekday::Mon,
        Weekday::Tue => chrono::Weekday::Tue,
        Weekday::Wed => chrono::Weekday::Wed,
        Weekday::Thu => chrono::Weekday::Thu,
        Weekday::Fri => chrono::Weekday::Fri,
    }
}

/// The years samskap accepts: a sprint is planned in this century or the
/// next, and far-off years only come from typing mistakes.
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=2199;

/// Parses YYYY-MM-DD, for a year in [`YEARS`].
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    use chrono::Datelike;
    let s = s.trim();
    // chrono accepts signs and five-digit years; people mean four digits.
    if s.len() != 10 || !s.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .ok()
        .filter(|d| YEARS.contains(&d.year()))
}

/// Why `s` is no date [`parse_date`] takes: not a date at all, or a year
/// out of range.
pub fn not_a_date(s: &str) -> String {
    let s = s.trim();
    if s.len() == 10 && NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok() {
        msg::date_out_of_range(ui(), s, YEARS.start(), YEARS.end())
    } else {
        msg::not_a_date(ui(), s)
    }
}

/// Parses HH:MM.
pub fn parse_time(s: &str) -> Option<NaiveTime> {
    let s = s.trim();
    (s.len() == 5)
        .then(|| NaiveTime::parse_from_str(s, "%H:%M").ok())
        .flatten()
}

/// Why a group id is unsafe, in words, or `None` when it is a good id.
pub fn group_id_problem(id: &str) -> Option<String> {
    if id.contains('/') || id.contains('\\') {
        Some(msg::group_id_slash(ui()).to_owned())
    } else if id.contains("..") || id.starts_with('.') {
        Some(msg::group_id_dots(ui()).to_owned())
    } else if !is_slug(id) {
        Some(msg::group_id_not_slug(ui()).to_owned())
    } else {
        None
    }
}

/// Checks the sprint file; every problem is reported with its place.
pub fn check(file: SprintFile, sources: &Sources) -> Result<Sprint, Vec<Diagnostic>> {
    let mut problems = Vec::new();
    let mut problem = |loc, message: String, hint: String| {
        problems.push(sources.diagnostic(loc, message).with_hint(hint));
    };
    let start = parse_date(&file.start);
    if start.is_none() {
        problem(
            file.start.loc,
            not_a_date(&file.start),
            msg::not_a_date_hint(ui()).to_owned(),
        );
    }
    let time = parse_time(&file.time);
    if time.is_none() {
        problem(
            file.time.loc,
            msg::not_a_time(ui(), &*file.time),
            msg::not_a_time_hint(ui()).to_owned(),
        );
    }
    let mut span = |field: &Option<At<String>>, what: SpanField| {
        let field = field.as_ref()?;
        match span_problem(field, what) {
            Some((message, hint)) => {
                problem(field.loc, message, hint);
                None
            }
            None => Span::parse(field).ok().map(|s| At {
                value: s,
                loc: field.loc,
            }),
        }
    };
    let hours = span(&file.hours, SpanField::Hours);
    let lunch = span(&file.lunch, SpanField::Lunch);
    let breaks = check_breaks(&file.breaks, &mut problem);
    let mut group_times = Vec::new();
    for group in &file.groups {
        group_times.push(group.time.as_ref().and_then(|t| {
            let parsed = parse_time(t);
            if parsed.is_none() {
                problem(
                    t.loc,
                    msg::not_a_time(ui(), &**t),
                    msg::not_a_time_hint(ui()).to_owned(),
                );
            }
            parsed.map(|value| At { value, loc: t.loc })
        }));
    }
    if file.name.trim().is_empty() {
        problem(
            file.name.loc,
            msg::sprint_no_name(ui()).to_owned(),
            msg::sprint_no_name_hint(ui()).to_owned(),
        );
    }
    if file.groups.is_empty() {
        problem(
            file.name.loc,
            msg::sprint_no_groups(ui()).to_owned(),
            msg::sprint_no_groups_hint(ui()).to_owned(),
        );
    }
    let mut seen: Vec<&str> = Vec::new();
    for group in &file.groups {
        let id = group.id.as_str();
        if let Some(why) = group_id_problem(id) {
            problem(
                group.id.loc(),
                msg::group_id_unusable(ui(), id, why),
                msg::group_id_unusable_hint(ui()).to_owned(),
            );
        }
        if seen.contains(&id) {
            problem(
                group.id.loc(),
                msg::group_id_twice(ui(), id),
                msg::group_id_twice_hint(ui()).to_owned(),
            );
        }
        seen.push(id);
    }
    let terms = super::terms::check(
        super::terms::Overrides {
            people: file.people,
            measures: file.measures,
            interview_purpose: file.interview_purpose,
            sections: file.sections,
            lang_loc: file.lang.as_ref().map(|l| l.loc),
        },
        sources,
    )
    .unwrap_or_else(|mut more| {
        problems.append(&mut more);
        super::terms::SprintTerms::default()
    });
    let contact = super::people::check_contact(file.contact, sources).unwrap_or_else(|mut more| {
        problems.append(&mut more);
        None
    });
    if !problems.is_empty() {
        return Err(problems);
    }
    let (Some(start), Some(time)) = (start, time) else {
        return Err(problems);
    };
    if let Some(id) = &file.id
        && !crate::workbook::is_slug(id)
    {
        return Err(vec![
            sources
                .diagnostic(id.loc, msg::sprint_id_not_slug(ui(), &id.value))
                .with_hint(msg::sprint_id_not_slug_hint(ui())),
        ]);
    }
    Ok(Sprint {
        name: file.name.value,
        id: file.id.map(|i| i.value),
        lang: file.lang.map(|l| l.value),
        workbook: file.workbook.map(|w| w.value),
        challenge: file.challenge.value,
        target_group: file.target_group.value,
        start,
        weekday: chrono_weekday(*file.weekday),
        time,
        hours,
        lunch,
        time_at: file.time.loc,
        breaks,
        place: file.place,
        facilitators: file.facilitators,
        steering_group: file.steering_group,
        project_lead: file
            .project_lead
            .map(|p| p.value.trim().to_owned())
            .filter(|p| !p.is_empty()),
        contact,
        groups: file
            .groups
            .into_iter()
            .zip(group_times)
            .map(|(g, time)| Group {
                // A blank name would leave empty headings: the id stands in.
                name: g
                    .name
                    .map(|n| n.trim().to_owned())
                    .filter(|n| !n.is_empty())
                    .unwrap_or_else(|| g.id.as_str().to_owned()),
                id: g.id.as_str().to_owned(),
                sub_challenge: g.sub_challenge,
                members: g.members,
                weekday: g.weekday.map(|w| chrono_weekday(*w)),
                time,
                place: g.place,
                topics: g.topics,
            })
            .collect(),
        terms,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unsafe_group_ids_are_rejected() {
        for bad in ["../x", "a/b", "a\\b", ".skjult", "a..b", "Gruppe 1", ""] {
            assert!(group_id_problem(bad).is_some(), "{bad}");
        }
        assert_eq!(group_id_problem("gruppe-1"), None);
    }

    #[test]
    fn dates_and_times() {
        assert_eq!(
            parse_date("2027-01-11"),
            NaiveDate::from_ymd_opt(2027, 1, 11)
        );
        assert_eq!(parse_date("2027-02-30"), None);
        assert_eq!(parse_date("11.01.2027"), None);
        assert_eq!(parse_date("9999-12-31"), None);
        assert_eq!(parse_date("+262142-12-01"), None);
        assert_eq!(parse_date("-0001-01-01"), None);
        assert_eq!(parse_time("09:00"), NaiveTime::from_hms_opt(9, 0, 0));
        assert_eq!(parse_time("9:00"), None);
        assert_eq!(parse_time("25:00"), None);
    }
}

//! `samskap.yaml`: the sprint's settings as people write them, and the
//! checked [`Sprint`] made from them. The file is written once by
//! `new-sprint` and then edited by people; samskap never rewrites it.

use chrono::{NaiveDate, NaiveTime};
use schemars::JsonSchema;
use serde::Deserialize;

use crate::diagnostic::Diagnostic;
use crate::workbook::load::Sources;
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
    /// Where sessions are held.
    #[serde(default)]
    pub place: Option<String>,
    /// The facilitators (names or roles).
    #[serde(default)]
    pub facilitators: Vec<String>,
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
    /// The question topics of the group's interview guide (ids from the
    /// workbook's `questions.topics`); default: the workbook's choice.
    #[serde(default)]
    pub topics: Vec<String>,
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
                    || format!("the groups are: {}", self.group_ids().join(", ")),
                    |b| format!("did you mean `{b}`?"),
                );
            crate::error::Error::usage(format!("the sprint has no group `{id}`"), hint)
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
        format!(
            "`{s}` is outside the years {}–{}",
            YEARS.start(),
            YEARS.end()
        )
    } else {
        format!("`{s}` is not a date")
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
pub fn group_id_problem(id: &str) -> Option<&'static str> {
    if id.contains('/') || id.contains('\\') {
        Some("it contains a slash, and group ids become folder names")
    } else if id.contains("..") || id.starts_with('.') {
        Some("it contains `..` or starts with a dot, and group ids become folder names")
    } else if !is_slug(id) {
        Some("ids use only lowercase letters a-z, digits and single hyphens")
    } else {
        None
    }
}

/// Checks the sprint file; every problem is reported with its place.
pub fn check(file: SprintFile, sources: &Sources) -> Result<Sprint, Vec<Diagnostic>> {
    let mut problems = Vec::new();
    let mut problem = |loc, message: String, hint: &str| {
        problems.push(sources.diagnostic(loc, message).with_hint(hint));
    };
    let start = parse_date(&file.start);
    if start.is_none() {
        problem(
            file.start.loc,
            not_a_date(&file.start),
            "write the date as YYYY-MM-DD, for example 2027-01-11",
        );
    }
    let time = parse_time(&file.time);
    if time.is_none() {
        problem(
            file.time.loc,
            format!("`{}` is not a time of day", *file.time),
            "write the time as HH:MM, for example \"09:00\"",
        );
    }
    if file.name.trim().is_empty() {
        problem(
            file.name.loc,
            "the sprint has no name".into(),
            "give the sprint a name, for example `name: Høsten 2027`",
        );
    }
    if file.groups.is_empty() {
        problem(
            file.name.loc,
            "the sprint has no work groups".into(),
            "add groups under `groups:`, each with an `id`",
        );
    }
    let mut seen: Vec<&str> = Vec::new();
    for group in &file.groups {
        let id = group.id.as_str();
        if let Some(why) = group_id_problem(id) {
            problem(
                group.id.loc(),
                format!("the group id `{id}` cannot be used: {why}"),
                "use an id such as `gruppe-1`",
            );
        }
        if seen.contains(&id) {
            problem(
                group.id.loc(),
                format!("the group id `{id}` is used twice"),
                "give every group its own id",
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
        return Err(vec![sources.diagnostic(id.loc, format!("the id `{}` is not a slug", id.value)).with_hint("use lowercase letters a-z, digits and hyphens; keep it once the calendar is shared")]);
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
            .map(|g| Group {
                // A blank name would leave empty headings: the id stands in.
                name: g
                    .name
                    .map(|n| n.trim().to_owned())
                    .filter(|n| !n.is_empty())
                    .unwrap_or_else(|| g.id.as_str().to_owned()),
                id: g.id.as_str().to_owned(),
                sub_challenge: g.sub_challenge,
                members: g.members,
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

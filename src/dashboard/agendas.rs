//! The agendas of the site grouped by phase, each week with its ISO week
//! and the days its sessions fall on.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::plan::Session;
use crate::workbook::{Lang, Workbook};

/// A phase with its weeks.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PhaseWeeks {
    /// The phase's title.
    pub title: String,
    /// Its weeks, in order.
    pub weeks: Vec<WeekLink>,
}

/// A link to a week's agenda.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct WeekLink {
    /// "Prosessuke 3", "Sprintuke 2".
    pub title: String,
    /// "uke 38" or "uke 38–39": the ISO weeks of its sessions.
    pub iso: String,
    /// "22.–24. september 2027": the days of its sessions.
    pub days: String,
    /// The agenda's file.
    pub href: String,
}

/// The weeks of `sessions` (in date order) grouped by the phase of their
/// first session, phases in the workbook's order.
pub fn by_phase(workbook: &Workbook, sessions: &[Session], lang: Lang) -> Vec<PhaseWeeks> {
    let mut weeks: Vec<(u32, &str, NaiveDate, NaiveDate, u32)> = Vec::new();
    for s in sessions {
        match weeks.iter_mut().find(|(w, ..)| *w == s.week) {
            Some((_, _, first, last, _)) => {
                *first = (*first).min(s.date);
                *last = (*last).max(s.date);
            }
            None => weeks.push((s.week, &s.phase, s.date, s.date, s.phase_week)),
        }
    }
    weeks.sort_by_key(|(w, ..)| *w);
    let mut phases: Vec<PhaseWeeks> = Vec::new();
    for phase in &workbook.phases {
        let links: Vec<WeekLink> = weeks
            .iter()
            .filter(|(_, p, ..)| *p == phase.id.as_str())
            .map(|&(week, _, first, last, phase_week)| WeekLink {
                // "uke 8" is the calendar's: the process's own week in words.
                title: capitalise(&if phase.sprint {
                    crate::plan::weeks::own_week(phase_week, true, lang)
                } else {
                    crate::plan::weeks::own_week(week, false, lang)
                }),
                iso: iso_weeks(first, last, lang),
                days: date_range(first, last, lang),
                href: super::pages::week_page(week),
            })
            .collect();
        if !links.is_empty() {
            phases.push(PhaseWeeks {
                title: phase.title.get(lang).to_owned(),
                weeks: links,
            });
        }
    }
    phases
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// "uke 38", or "uke 38–39" when the days span two ISO weeks.
pub fn iso_weeks(first: NaiveDate, last: NaiveDate, lang: Lang) -> String {
    let (a, b) = (first.iso_week().week(), last.iso_week().week());
    if a == b {
        crate::i18n::msg::dashboard_iso_week(lang, a)
    } else {
        crate::i18n::msg::dashboard_iso_weeks(lang, a, b)
    }
}

pub use crate::plan::dates::date_range;

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn ranges_in_both_languages() {
        let (a, b) = (date("2027-09-08"), date("2027-09-10"));
        assert_eq!(date_range(a, a, Lang::Nb), "8. september 2027");
        assert_eq!(date_range(a, b, Lang::Nb), "8.–10. september 2027");
        assert_eq!(date_range(a, b, Lang::En), "8–10 September 2027");
        let (c, d) = (date("2027-09-30"), date("2027-10-01"));
        assert_eq!(date_range(c, d, Lang::Nb), "30. september–1. oktober 2027");
        assert_eq!(date_range(c, d, Lang::En), "30 September–1 October 2027");
        let (e, f) = (date("2027-12-30"), date("2028-01-04"));
        assert_eq!(
            date_range(e, f, Lang::Nb),
            "30. desember 2027–4. januar 2028"
        );
    }

    #[test]
    fn iso_weeks_of_a_range() {
        let (a, b) = (date("2027-09-08"), date("2027-09-10"));
        assert_eq!(iso_weeks(a, b, Lang::Nb), "uke 36");
        assert_eq!(iso_weeks(a, date("2027-09-14"), Lang::En), "weeks 36–37");
    }
}

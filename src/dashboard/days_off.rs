//! The days off in the weeks the timeline shows: the sprint's breaks (as
//! the plan's settings hold them, so `--redact` shows the redacted names)
//! and the public holidays on working days, each named by a letter, for
//! the chart's shading and for the table of days off beside it.

use chrono::{Datelike, Days, NaiveDate};
use serde::Serialize;

use super::timeline::{DayOff, Shade, shades::key};
use crate::plan::Break;
use crate::plan::dates::date_range;
use crate::sprint::Workspace;
use crate::sprint::status::Status;
use crate::workbook::Lang;

/// One row of the table of days off: the chart's letter, in words.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DayOffRow {
    /// The chart's letter for it.
    pub key: String,
    /// Its name.
    pub name: String,
    /// "pause" or "helligdag".
    pub kind: &'static str,
    /// Its days.
    pub days: String,
}

/// The days off in the weeks of `status`'s sessions.
pub fn of_sprint(ws: &Workspace, status: &Status, lang: Lang) -> Vec<Shade> {
    match (status.sessions.first(), status.sessions.last()) {
        (Some(a), Some(b)) => shades(&ws.settings.breaks, a.session.date, b.session.date, lang),
        _ => Vec::new(),
    }
}

/// The breaks that share a day with the weeks from `first`'s Monday to
/// `last`'s Sunday, and the holidays in them, in date order (a break
/// before the holidays it holds), lettered A, B, …
pub fn shades(breaks: &[Break], first: NaiveDate, last: NaiveDate, lang: Lang) -> Vec<Shade> {
    let from = first - Days::new(u64::from(first.weekday().num_days_from_monday()));
    let to = last + Days::new(u64::from(6 - last.weekday().num_days_from_monday()));
    let mut found: Vec<(DayOff, String, NaiveDate, NaiveDate)> = breaks
        .iter()
        .filter(|b| b.from <= to && from <= b.to)
        .map(|b| (DayOff::Break, b.name.clone(), b.from, b.to))
        .collect();
    found.extend(
        holidays(from, to, lang)
            .into_iter()
            .map(|(day, name)| (DayOff::Holiday, name, day, day)),
    );
    found.sort_by_key(|&(kind, _, from, _)| (from, kind == DayOff::Holiday));
    found
        .into_iter()
        .enumerate()
        .map(|(i, (kind, name, from, to))| Shade {
            kind,
            key: key(i),
            name,
            days: date_range(from, to, lang),
            from,
            to,
        })
        .collect()
}

/// The public holidays from `from` to `to`, one entry a day: two holidays
/// on one day (17 May and Whit Monday in 2027) are named together.
fn holidays(from: NaiveDate, to: NaiveDate, lang: Lang) -> Vec<(NaiveDate, String)> {
    let mut days: Vec<(NaiveDate, String)> = Vec::new();
    for year in from.year()..=to.year() {
        for (day, holiday) in crate::plan::holidays::holidays(year) {
            if !(from..=to).contains(&day) {
                continue;
            }
            match days.last_mut() {
                Some((last, name)) if *last == day => {
                    name.push_str(", ");
                    name.push_str(holiday.name(lang));
                }
                _ => days.push((day, holiday.name(lang).to_owned())),
            }
        }
    }
    days
}

/// The table of days off, in the chart's order.
pub fn rows(shades: &[Shade], lang: Lang) -> Vec<DayOffRow> {
    shades
        .iter()
        .map(|sh| DayOffRow {
            key: sh.key.clone(),
            name: sh.name.clone(),
            kind: word(sh.kind, lang),
            days: sh.days.clone(),
        })
        .collect()
}

/// The word for a kind of day off.
pub fn word(kind: DayOff, lang: Lang) -> &'static str {
    match kind {
        DayOff::Break => crate::i18n::msg::dashboard_break(lang),
        DayOff::Holiday => crate::i18n::msg::dashboard_public_holiday(lang),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::test_support::date;

    fn breaks() -> Vec<Break> {
        let b = |name: &str, from, to| Break {
            name: name.into(),
            from: date(from),
            to: date(to),
        };
        vec![
            b("Vinterferie 2027", "2027-02-22", "2027-02-28"),
            b("Påskeferie 2027", "2027-03-22", "2027-03-29"),
            b("Sommerferie 2027", "2027-06-19", "2027-08-15"),
        ]
    }

    #[test]
    fn breaks_and_holidays_in_the_weeks_shown_in_date_order() {
        // From Tuesday 16 February to Tuesday 18 May 2027: weeks 7 to 20.
        let shades = shades(&breaks(), date("2027-02-16"), date("2027-05-18"), Lang::Nb);
        let named: Vec<(&str, &str, DayOff)> = shades
            .iter()
            .map(|s| (s.key.as_str(), s.name.as_str(), s.kind))
            .collect();
        assert_eq!(
            named,
            [
                ("A", "Vinterferie 2027", DayOff::Break),
                ("B", "Påskeferie 2027", DayOff::Break),
                ("C", "skjærtorsdag", DayOff::Holiday),
                ("D", "langfredag", DayOff::Holiday),
                ("E", "2. påskedag", DayOff::Holiday),
                ("F", "1. mai (offentlig høytidsdag)", DayOff::Holiday),
                ("G", "Kristi himmelfartsdag", DayOff::Holiday),
                ("H", "17. mai (grunnlovsdag), 2. pinsedag", DayOff::Holiday),
            ]
        );
        assert_eq!(shades[0].days, "22.–28. februar 2027");
        assert_eq!(shades[0].from, date("2027-02-22"));
        let rows = rows(&shades, Lang::En);
        assert_eq!(rows[1].kind, "break");
        assert_eq!(rows[2].kind, "public holiday");
    }

    #[test]
    fn a_break_reaching_into_the_weeks_shown_is_kept_whole() {
        // The last session on Wednesday 23 June: the summer break begins
        // on Saturday 19 June, in that week.
        let shades = shades(&breaks(), date("2027-06-01"), date("2027-06-23"), Lang::Nb);
        let summer = shades.iter().find(|s| s.kind == DayOff::Break).unwrap();
        assert_eq!(summer.name, "Sommerferie 2027");
        assert_eq!(
            (summer.from, summer.to),
            (date("2027-06-19"), date("2027-08-15"))
        );
        // And one ending the Sunday before the first week is left out.
        let none = super::shades(&breaks(), date("2027-03-01"), date("2027-03-02"), Lang::Nb);
        assert!(none.is_empty(), "{none:?}");
    }
}

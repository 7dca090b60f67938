//! Breaks: named stretches of days (school holidays, the summer holiday)
//! when residents are not asked to come.

use chrono::{Datelike, Days, NaiveDate, Weekday};

use super::holidays::easter_sunday;

/// A named break, from one day to another, both included.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Break {
    /// The break's name, as documents show it: "Vinterferie".
    pub name: String,
    /// The first day of the break.
    pub from: NaiveDate,
    /// The last day of the break; never before `from`.
    pub to: NaiveDate,
}

impl Break {
    /// Whether `date` falls in the break.
    pub fn contains(&self, date: NaiveDate) -> bool {
        (self.from..=self.to).contains(&date)
    }

    /// Whether the two breaks share a day.
    pub fn overlaps(&self, other: &Break) -> bool {
        self.from <= other.to && other.from <= self.to
    }
}

/// The break `date` falls in, if any.
pub fn break_on(breaks: &[Break], date: NaiveDate) -> Option<&Break> {
    breaks.iter().find(|b| b.contains(date))
}

/// The first pair of breaks that share a day, if any.
pub fn first_overlap(breaks: &[Break]) -> Option<(&Break, &Break)> {
    breaks.iter().enumerate().find_map(|(i, a)| {
        breaks[i + 1..]
            .iter()
            .find(|b| a.overlaps(b))
            .map(|b| (a, b))
    })
}

/// The names of Oslo's school holidays, in the sprint's language.
#[derive(Clone, Copy, Debug)]
pub struct BreakNames {
    /// The winter holiday in week 8.
    pub winter: &'static str,
    /// The Easter holiday.
    pub easter: &'static str,
    /// The autumn holiday in week 40.
    pub autumn: &'static str,
    /// The Christmas holiday.
    pub christmas: &'static str,
    /// The summer holiday.
    pub summer: &'static str,
}

/// The usual school holidays of the years `first..=last`, in year order:
/// winter holiday in ISO week `winter` (8 in Oslo), the Easter week (Monday
/// before Easter to Easter Monday), autumn holiday in week `autumn` (40 in
/// Oslo), Christmas (from 21 December
/// to 1 January) and the summer holiday (from the Saturday after 18 June
/// to the Sunday before the third Monday of August). They are a proposal:
/// the school authority publishes the real dates each year, and people
/// correct them in samskap.yaml.
pub fn school_holidays(first: i32, last: i32, weeks: (u8, u8), names: BreakNames) -> Vec<Break> {
    let mut breaks = Vec::new();
    let named = |name: &str, from: NaiveDate, to| Break {
        name: format!("{name} {}", from.year()),
        from,
        to,
    };
    for year in first..=last {
        // A week a year lacks (53 in most years) falls back to week 1.
        let week = |w: u8| {
            NaiveDate::from_isoywd_opt(year, u32::from(w), Weekday::Mon).unwrap_or_else(|| {
                NaiveDate::from_isoywd_opt(year, 1, Weekday::Mon).expect("week 1 exists")
            })
        };
        let (winter, autumn) = weeks;
        breaks.push(named(
            names.winter,
            week(winter),
            week(winter) + Days::new(6),
        ));
        let easter = easter_sunday(year);
        breaks.push(named(
            names.easter,
            easter - Days::new(6),
            easter + Days::new(1),
        ));
        let summer_from = first_weekday_after(ymd(year, 6, 18), Weekday::Sat);
        let summer_to = first_weekday_after(ymd(year, 8, 14), Weekday::Mon) - Days::new(1);
        breaks.push(named(names.summer, summer_from, summer_to));
        breaks.push(named(
            names.autumn,
            week(autumn),
            week(autumn) + Days::new(6),
        ));
        breaks.push(named(
            names.christmas,
            ymd(year, 12, 21),
            ymd(year + 1, 1, 1),
        ));
    }
    breaks
}

fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).expect("a valid date")
}

/// The first `weekday` strictly after `date`.
fn first_weekday_after(date: NaiveDate, weekday: Weekday) -> NaiveDate {
    date.iter_days()
        .skip(1)
        .find(|d| d.weekday() == weekday)
        .expect("every weekday comes within a week")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::test_support::date;

    const NAMES: BreakNames = BreakNames {
        winter: "Vinterferie",
        easter: "Påskeferie",
        autumn: "Høstferie",
        christmas: "Juleferie",
        summer: "Sommerferie",
    };

    fn on(breaks: &[Break], iso: &str) -> Option<String> {
        break_on(breaks, date(iso)).map(|b| b.name.clone())
    }

    #[test]
    fn oslo_2027() {
        let breaks = school_holidays(2027, 2027, (8, 40), NAMES);
        assert_eq!(
            on(&breaks, "2027-02-22").as_deref(),
            Some("Vinterferie 2027")
        );
        assert_eq!(
            on(&breaks, "2027-02-26").as_deref(),
            Some("Vinterferie 2027")
        );
        assert_eq!(on(&breaks, "2027-03-01"), None);
        // Easter Sunday 2027 is 28 March: the week before and Easter Monday.
        assert_eq!(
            on(&breaks, "2027-03-22").as_deref(),
            Some("Påskeferie 2027")
        );
        assert_eq!(
            on(&breaks, "2027-03-29").as_deref(),
            Some("Påskeferie 2027")
        );
        assert_eq!(on(&breaks, "2027-03-30"), None);
        assert_eq!(on(&breaks, "2027-06-18"), None);
        assert_eq!(
            on(&breaks, "2027-06-21").as_deref(),
            Some("Sommerferie 2027")
        );
        assert_eq!(
            on(&breaks, "2027-07-05").as_deref(),
            Some("Sommerferie 2027")
        );
        assert_eq!(
            on(&breaks, "2027-08-13").as_deref(),
            Some("Sommerferie 2027")
        );
        assert_eq!(on(&breaks, "2027-08-16"), None);
        assert_eq!(on(&breaks, "2027-10-04").as_deref(), Some("Høstferie 2027"));
        assert_eq!(on(&breaks, "2027-12-23").as_deref(), Some("Juleferie 2027"));
        assert_eq!(on(&breaks, "2028-01-01").as_deref(), Some("Juleferie 2027"));
        assert_eq!(first_overlap(&breaks), None);
    }

    #[test]
    fn overlapping_breaks_are_found() {
        let a = Break {
            name: "a".into(),
            from: date("2027-02-22"),
            to: date("2027-02-26"),
        };
        let b = Break {
            name: "b".into(),
            from: date("2027-02-26"),
            to: date("2027-03-01"),
        };
        let c = Break {
            name: "c".into(),
            from: date("2027-03-02"),
            to: date("2027-03-02"),
        };
        assert_eq!(first_overlap(&[a.clone(), c.clone()]), None);
        assert_eq!(first_overlap(&[c, a.clone(), b.clone()]), Some((&a, &b)));
    }
}

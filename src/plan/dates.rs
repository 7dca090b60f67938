//! Dates as documents write them and as JSON carries them.

use chrono::{Datelike, Days, Locale, NaiveDate, NaiveTime, Weekday};
use serde::Serializer;

use crate::workbook::Lang;

/// Serialises a date as YYYY-MM-DD.
pub fn serialize_date<S: Serializer>(date: &NaiveDate, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_str(&date.format("%Y-%m-%d"))
}

/// Serialises an optional date as YYYY-MM-DD or null.
pub fn serialize_opt_date<S: Serializer>(
    date: &Option<NaiveDate>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match date {
        Some(date) => serialize_date(date, serializer),
        None => serializer.serialize_none(),
    }
}

pub fn clock<S: Serializer>(time: &NaiveTime, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_str(&time.format("%H:%M"))
}

/// The first `weekday` on or after `date`.
pub fn first_on_or_after(date: NaiveDate, weekday: Weekday) -> NaiveDate {
    let ahead = weekday.days_since(date.weekday());
    date + Days::new(u64::from(ahead))
}

/// "Monday 11 January 2027".
pub fn long_date(date: NaiveDate, lang: Lang) -> String {
    let (pattern, locale) = match lang {
        Lang::Nb => ("%A %-d. %B %Y", Locale::nb_NO),
        Lang::Nn => ("%A %-d. %B %Y", Locale::nn_NO),
        Lang::En => ("%A %-d %B %Y", Locale::en_GB),
    };
    // glibc's nn_NO data pads weekday names ("tysdag "): close the gap.
    let text = date.format_localized(pattern, locale).to_string();
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The weekday's name: "tirsdag", "tysdag", "Tuesday".
pub fn weekday_name(day: Weekday, lang: Lang) -> String {
    let locale = match lang {
        Lang::Nb => Locale::nb_NO,
        Lang::Nn => Locale::nn_NO,
        Lang::En => Locale::en_GB,
    };
    // Any date on that weekday: the first week of 2024 began on a Monday.
    let monday = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap_or_default();
    let date = monday + Days::new(u64::from(day.num_days_from_monday()));
    // glibc's nn_NO data pads weekday names ("tysdag "): trim it.
    date.format_localized("%A", locale)
        .to_string()
        .trim()
        .to_owned()
}

/// "8. september 2027", "8.–10. september 2027", "30. september–1. oktober
/// 2027" (nb); "8–10 September 2027" and so on (en).
pub fn date_range(first: NaiveDate, last: NaiveDate, lang: Lang) -> String {
    let (locale, day) = match lang {
        Lang::Nb => (chrono::Locale::nb_NO, "%-d."),
        Lang::Nn => (chrono::Locale::nn_NO, "%-d."),
        Lang::En => (chrono::Locale::en_GB, "%-d"),
    };
    let full = |d: NaiveDate| {
        d.format_localized(&format!("{day} %B %Y"), locale)
            .to_string()
    };
    if first == last {
        full(last)
    } else if first.year() != last.year() {
        format!("{}–{}", full(first), full(last))
    } else if first.month() != last.month() {
        let start = first
            .format_localized(&format!("{day} %B"), locale)
            .to_string();
        format!("{start}–{}", full(last))
    } else {
        format!("{}–{}", first.format(day), full(last))
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn weekday_names_in_each_language() {
        assert_eq!(weekday_name(Weekday::Tue, Lang::Nb), "tirsdag");
        assert_eq!(weekday_name(Weekday::Tue, Lang::Nn), "tysdag");
        assert_eq!(weekday_name(Weekday::Mon, Lang::Nn), "måndag");
        assert_eq!(weekday_name(Weekday::Fri, Lang::En), "Friday");
    }

    use super::*;
    use crate::plan::test_support::date;

    #[test]
    fn first_session_day() {
        let monday = date("2027-01-11");
        assert_eq!(first_on_or_after(monday, Weekday::Mon), monday);
        assert_eq!(first_on_or_after(monday, Weekday::Thu), date("2027-01-14"));
        assert_eq!(
            first_on_or_after(date("2027-01-12"), Weekday::Mon),
            date("2027-01-18")
        );
    }

    #[test]
    fn long_dates() {
        let day = date("2027-01-11");
        assert_eq!(long_date(day, Lang::Nb), "mandag 11. januar 2027");
        assert_eq!(
            long_date(date("2027-01-12"), Lang::Nn),
            "tysdag 12. januar 2027"
        );
        assert_eq!(long_date(day, Lang::En), "Monday 11 January 2027");
        let day = date("2027-05-06");
        assert_eq!(long_date(day, Lang::Nb), "torsdag 6. mai 2027");
        assert_eq!(long_date(day, Lang::En), "Thursday 6 May 2027");
    }
}

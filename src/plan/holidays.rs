//! Norwegian public holidays: the days no weekday session can be held.

use chrono::{Datelike, NaiveDate, TimeDelta, Weekday};
use serde::Serialize;

use crate::workbook::Lang;

/// The date of Easter Sunday in `year`, by the anonymous Gregorian computus
/// (Meeus/Jones/Butcher), which is what the Church of Norway follows.
///
/// # Panics
/// If `year` is outside the range chrono can represent (±262 000 years).
pub fn easter_sunday(year: i32) -> NaiveDate {
    // Euclidean division so that proleptic years before 1 also work.
    let a = year.rem_euclid(19);
    let (b, c) = (year.div_euclid(100), year.rem_euclid(100));
    let (d, e) = (b.div_euclid(4), b.rem_euclid(4));
    let f = (b + 8).div_euclid(25);
    let g = (b - f + 1).div_euclid(3);
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l) / 451;
    let n = h + l - 7 * m + 114;
    // The computus only yields days in March or April, so both casts are exact.
    let (month, day) = ((n / 31) as u32, (n % 31 + 1) as u32);
    NaiveDate::from_ymd_opt(year, month, day).expect("year within chrono's range")
}

/// A Norwegian public holiday on which a weekday session cannot be held.
///
/// Easter Sunday and Whit Sunday are holidays too, but they always fall on a
/// Sunday, so they never move a session and are left out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Holiday {
    /// 1 January.
    NewYearsDay,
    /// The Thursday before Easter.
    MaundyThursday,
    /// The Friday before Easter.
    GoodFriday,
    /// The Monday after Easter.
    EasterMonday,
    /// 1 May.
    LabourDay,
    /// 17 May.
    ConstitutionDay,
    /// 39 days after Easter, a Thursday.
    AscensionDay,
    /// 50 days after Easter.
    WhitMonday,
    /// 25 December.
    ChristmasDay,
    /// 26 December.
    BoxingDay,
}

impl Holiday {
    /// Every holiday, in the order they are listed when two share a date.
    const ALL: [Holiday; 10] = [
        Holiday::NewYearsDay,
        Holiday::MaundyThursday,
        Holiday::GoodFriday,
        Holiday::EasterMonday,
        Holiday::LabourDay,
        Holiday::ConstitutionDay,
        Holiday::AscensionDay,
        Holiday::WhitMonday,
        Holiday::ChristmasDay,
        Holiday::BoxingDay,
    ];

    /// The holiday's name, as it stands in Norwegian calendars.
    pub fn name(self, lang: Lang) -> &'static str {
        use crate::i18n::msg;
        match self {
            Holiday::NewYearsDay => msg::holiday_new_years_day(lang),
            Holiday::MaundyThursday => msg::holiday_maundy_thursday(lang),
            Holiday::GoodFriday => msg::holiday_good_friday(lang),
            Holiday::EasterMonday => msg::holiday_easter_monday(lang),
            Holiday::LabourDay => msg::holiday_labour_day(lang),
            Holiday::ConstitutionDay => msg::holiday_constitution_day(lang),
            Holiday::AscensionDay => msg::holiday_ascension_day(lang),
            Holiday::WhitMonday => msg::holiday_whit_monday(lang),
            Holiday::ChristmasDay => msg::holiday_christmas_day(lang),
            Holiday::BoxingDay => msg::holiday_boxing_day(lang),
        }
    }

    /// The holiday's date in the year whose Easter Sunday is `easter`.
    fn date(self, easter: NaiveDate) -> NaiveDate {
        let fixed = |month, day| {
            NaiveDate::from_ymd_opt(easter.year(), month, day).expect("a valid fixed date")
        };
        let from_easter = |days: i64| easter + TimeDelta::days(days);
        match self {
            Holiday::NewYearsDay => fixed(1, 1),
            Holiday::MaundyThursday => from_easter(-3),
            Holiday::GoodFriday => from_easter(-2),
            Holiday::EasterMonday => from_easter(1),
            Holiday::LabourDay => fixed(5, 1),
            Holiday::ConstitutionDay => fixed(5, 17),
            Holiday::AscensionDay => from_easter(39),
            Holiday::WhitMonday => from_easter(50),
            Holiday::ChristmasDay => fixed(12, 25),
            Holiday::BoxingDay => fixed(12, 26),
        }
    }
}

/// The public holidays of `year`, sorted by date. Holidays that share a date
/// (17 May and Whit Monday in 2027) are both kept, in [`Holiday`] order.
pub fn holidays(year: i32) -> Vec<(NaiveDate, Holiday)> {
    let easter = easter_sunday(year);
    let mut days: Vec<_> = Holiday::ALL.map(|h| (h.date(easter), h)).into();
    days.sort();
    days
}

/// The holiday on `date`, if any; the first one when two share the date.
pub fn holiday_on(date: NaiveDate) -> Option<Holiday> {
    holidays(date.year())
        .into_iter()
        .find(|(day, _)| *day == date)
        .map(|(_, holiday)| holiday)
}

/// Whether `date` is a Monday to Friday that is not a public holiday.
pub fn is_working_day(date: NaiveDate) -> bool {
    let weekend = matches!(date.weekday(), Weekday::Sat | Weekday::Sun);
    !weekend && holiday_on(date).is_none()
}

/// `date` itself if it is a working day, otherwise the first working day after it.
pub fn next_working_day(date: NaiveDate) -> NaiveDate {
    date.iter_days()
        .find(|day| is_working_day(*day))
        .expect("a working day comes within a week")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::test_support::date;

    #[test]
    fn easter_in_the_coming_years() {
        let known = [
            (2025, "2025-04-20"),
            (2026, "2026-04-05"),
            (2027, "2027-03-28"),
            (2028, "2028-04-16"),
            (2029, "2029-04-01"),
            (2030, "2030-04-21"),
        ];
        for (year, easter) in known {
            assert_eq!(easter_sunday(year), date(easter), "{year}");
        }
    }

    #[test]
    fn easter_in_far_years_and_at_its_limits() {
        let known = [
            (1583, "1583-04-10"), // the first full Gregorian year
            (1818, "1818-03-22"), // earliest possible
            (1943, "1943-04-25"), // latest possible
            (1961, "1961-04-02"),
            (2000, "2000-04-23"),
            (2038, "2038-04-25"),
            (2285, "2285-03-22"),
        ];
        for (year, easter) in known {
            assert_eq!(easter_sunday(year), date(easter), "{year}");
        }
    }

    #[test]
    fn easter_is_always_a_sunday_between_22_march_and_25_april() {
        for year in 1583..3000 {
            let easter = easter_sunday(year);
            assert_eq!(easter.weekday(), Weekday::Sun, "{year}");
            let (earliest, latest) = (
                NaiveDate::from_ymd_opt(year, 3, 22).unwrap(),
                NaiveDate::from_ymd_opt(year, 4, 25).unwrap(),
            );
            assert!((earliest..=latest).contains(&easter), "{year}: {easter}");
        }
    }

    #[test]
    fn holidays_of_2027() {
        use Holiday::*;
        let expected = [
            ("2027-01-01", NewYearsDay),
            ("2027-03-25", MaundyThursday),
            ("2027-03-26", GoodFriday),
            ("2027-03-29", EasterMonday),
            ("2027-05-01", LabourDay),
            ("2027-05-06", AscensionDay),
            ("2027-05-17", ConstitutionDay),
            ("2027-05-17", WhitMonday),
            ("2027-12-25", ChristmasDay),
            ("2027-12-26", BoxingDay),
        ]
        .map(|(d, h)| (date(d), h));
        assert_eq!(holidays(2027), expected);
    }

    /// Written out by hand from the almanac, not computed.
    const ALMANAC: [(i32, [&str; 10]); 6] = [
        (
            2025,
            [
                "01-01 1. nyttårsdag",
                "04-17 skjærtorsdag",
                "04-18 langfredag",
                "04-21 2. påskedag",
                "05-01 1. mai (offentlig høytidsdag)",
                "05-17 17. mai (grunnlovsdag)",
                "05-29 Kristi himmelfartsdag",
                "06-09 2. pinsedag",
                "12-25 1. juledag",
                "12-26 2. juledag",
            ],
        ),
        (
            2026,
            [
                "01-01 1. nyttårsdag",
                "04-02 skjærtorsdag",
                "04-03 langfredag",
                "04-06 2. påskedag",
                "05-01 1. mai (offentlig høytidsdag)",
                "05-14 Kristi himmelfartsdag",
                "05-17 17. mai (grunnlovsdag)",
                "05-25 2. pinsedag",
                "12-25 1. juledag",
                "12-26 2. juledag",
            ],
        ),
        (
            2027,
            [
                "01-01 1. nyttårsdag",
                "03-25 skjærtorsdag",
                "03-26 langfredag",
                "03-29 2. påskedag",
                "05-01 1. mai (offentlig høytidsdag)",
                "05-06 Kristi himmelfartsdag",
                "05-17 17. mai (grunnlovsdag)",
                "05-17 2. pinsedag",
                "12-25 1. juledag",
                "12-26 2. juledag",
            ],
        ),
        (
            2028,
            [
                "01-01 1. nyttårsdag",
                "04-13 skjærtorsdag",
                "04-14 langfredag",
                "04-17 2. påskedag",
                "05-01 1. mai (offentlig høytidsdag)",
                "05-17 17. mai (grunnlovsdag)",
                "05-25 Kristi himmelfartsdag",
                "06-05 2. pinsedag",
                "12-25 1. juledag",
                "12-26 2. juledag",
            ],
        ),
        (
            2029,
            [
                "01-01 1. nyttårsdag",
                "03-29 skjærtorsdag",
                "03-30 langfredag",
                "04-02 2. påskedag",
                "05-01 1. mai (offentlig høytidsdag)",
                "05-10 Kristi himmelfartsdag",
                "05-17 17. mai (grunnlovsdag)",
                "05-21 2. pinsedag",
                "12-25 1. juledag",
                "12-26 2. juledag",
            ],
        ),
        (
            2030,
            [
                "01-01 1. nyttårsdag",
                "04-18 skjærtorsdag",
                "04-19 langfredag",
                "04-22 2. påskedag",
                "05-01 1. mai (offentlig høytidsdag)",
                "05-17 17. mai (grunnlovsdag)",
                "05-30 Kristi himmelfartsdag",
                "06-10 2. pinsedag",
                "12-25 1. juledag",
                "12-26 2. juledag",
            ],
        ),
    ];

    #[test]
    fn holidays_match_the_almanac_2025_to_2030() {
        for (year, expected) in ALMANAC {
            let got: Vec<String> = holidays(year)
                .into_iter()
                .map(|(d, h)| format!("{} {}", d.format("%m-%d"), h.name(Lang::Nb)))
                .collect();
            assert_eq!(got, expected, "{year}");
        }
    }

    #[test]
    fn holidays_sharing_a_date_are_all_kept_and_the_first_is_reported() {
        // 2027: 17 May is Whit Monday; 2008: Ascension Day fell on 1 May.
        assert_eq!(
            holiday_on(date("2027-05-17")),
            Some(Holiday::ConstitutionDay)
        );
        assert_eq!(holiday_on(date("2008-05-01")), Some(Holiday::LabourDay));
        let may_day_2008: Vec<_> = holidays(2008)
            .into_iter()
            .filter(|(d, _)| *d == date("2008-05-01"))
            .map(|(_, h)| h)
            .collect();
        assert_eq!(may_day_2008, [Holiday::LabourDay, Holiday::AscensionDay]);
    }

    #[test]
    fn holiday_names_in_both_languages() {
        assert_eq!(Holiday::WhitMonday.name(Lang::Nb), "2. pinsedag");
        assert_eq!(Holiday::WhitMonday.name(Lang::En), "Whit Monday");
        assert_eq!(Holiday::NewYearsDay.name(Lang::En), "New Year's Day");
        for holiday in Holiday::ALL {
            assert!(!holiday.name(Lang::En).is_empty(), "{holiday:?}");
        }
    }

    #[test]
    fn holiday_on_an_ordinary_day_is_none() {
        assert_eq!(holiday_on(date("2027-05-05")), None);
        assert_eq!(holiday_on(date("2026-12-24")), None); // Christmas Eve is not a public holiday
    }

    #[test]
    fn working_days() {
        assert!(is_working_day(date("2027-01-11"))); // Monday
        assert!(is_working_day(date("2027-05-07"))); // Friday after Ascension Day
        assert!(!is_working_day(date("2027-01-09"))); // Saturday
        assert!(!is_working_day(date("2027-01-10"))); // Sunday
        assert!(!is_working_day(date("2027-05-06"))); // Ascension Day
        assert!(!is_working_day(date("2026-05-01"))); // Labour Day on a Friday
    }

    #[test]
    fn next_working_day_is_the_day_itself_when_it_works() {
        assert_eq!(next_working_day(date("2027-05-05")), date("2027-05-05"));
    }

    #[test]
    fn next_working_day_across_easter() {
        // Maundy Thursday, Good Friday, the weekend and Easter Monday are all off.
        for off in [
            "2027-03-25",
            "2027-03-26",
            "2027-03-27",
            "2027-03-28",
            "2027-03-29",
        ] {
            assert_eq!(next_working_day(date(off)), date("2027-03-30"), "{off}");
        }
    }

    #[test]
    fn next_working_day_across_christmas() {
        // 2026: Christmas Day on a Friday, Boxing Day on the Saturday.
        assert_eq!(next_working_day(date("2026-12-25")), date("2026-12-28"));
        // 2025: Thursday and Friday off.
        assert_eq!(next_working_day(date("2025-12-25")), date("2025-12-29"));
        // 2027 falls on a weekend; Norway gives no day in lieu.
        assert_eq!(next_working_day(date("2027-12-25")), date("2027-12-27"));
        // New Year's Day 2027 is a Friday.
        assert_eq!(next_working_day(date("2027-01-01")), date("2027-01-04"));
    }
}

//! The sprint calendar: Norwegian public holidays and the date and time of every session.
//!
//! Everything here is pure: it takes dates and a workbook and returns values,
//! so the calendar rules are tested with plain dates and no clock or disk.

use chrono::{Datelike, Days, Locale, NaiveDate, NaiveTime, TimeDelta, Weekday};
use serde::{Serialize, Serializer};

use crate::workbook::{Lang, Phase, Runs, Step, Workbook};

/// The break between two sessions held the same day.
const GAP_MINUTES: i64 = 15;

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
        match lang {
            Lang::Nb => self.name_nb(),
            Lang::En => self.name_en(),
        }
    }

    fn name_nb(self) -> &'static str {
        match self {
            Holiday::NewYearsDay => "1. nyttårsdag",
            Holiday::MaundyThursday => "skjærtorsdag",
            Holiday::GoodFriday => "langfredag",
            Holiday::EasterMonday => "2. påskedag",
            Holiday::LabourDay => "1. mai (offentlig høytidsdag)",
            Holiday::ConstitutionDay => "17. mai (grunnlovsdag)",
            Holiday::AscensionDay => "Kristi himmelfartsdag",
            Holiday::WhitMonday => "2. pinsedag",
            Holiday::ChristmasDay => "1. juledag",
            Holiday::BoxingDay => "2. juledag",
        }
    }

    fn name_en(self) -> &'static str {
        match self {
            Holiday::NewYearsDay => "New Year's Day",
            Holiday::MaundyThursday => "Maundy Thursday",
            Holiday::GoodFriday => "Good Friday",
            Holiday::EasterMonday => "Easter Monday",
            Holiday::LabourDay => "Labour Day",
            Holiday::ConstitutionDay => "Constitution Day",
            Holiday::AscensionDay => "Ascension Day",
            Holiday::WhitMonday => "Whit Monday",
            Holiday::ChristmasDay => "Christmas Day",
            Holiday::BoxingDay => "Boxing Day",
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

/// How a sprint's sessions are laid out in the calendar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    /// The sprint starts on the first `weekday` on or after this date.
    pub start: NaiveDate,
    /// The day of the week sessions are held. A session day that is a public
    /// holiday moves to the next working day; other days are kept as given.
    pub weekday: Weekday,
    /// When the first session of a day starts.
    pub time: NaiveTime,
    /// The work groups' ids, in the order their sessions are listed.
    pub groups: Vec<String>,
}

/// One session of the sprint: a step held once, or held by one work group.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Session {
    /// The phase's id.
    pub phase: String,
    /// The step's id.
    pub step: String,
    /// The work group's id, or `None` for a session for everyone.
    pub group: Option<String>,
    /// The week of the whole process, from 1.
    pub week: u32,
    /// The day it is held.
    #[serde(serialize_with = "serialize_date")]
    pub date: NaiveDate,
    /// When it starts.
    #[serde(serialize_with = "clock")]
    pub start: NaiveTime,
    /// When it ends.
    #[serde(serialize_with = "clock")]
    pub end: NaiveTime,
    /// Why it is not on its week's usual day, if it was moved.
    pub moved: Option<Moved>,
}

/// A session day moved off a public holiday.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Moved {
    /// The day it would have been held.
    #[serde(serialize_with = "serialize_date")]
    pub from: NaiveDate,
    /// The holiday on that day.
    pub holiday: Holiday,
}

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

fn clock<S: Serializer>(time: &NaiveTime, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_str(&time.format("%H:%M"))
}

/// Every session of the workbook's process laid out by `plan`, sorted by
/// date, start time, workbook order and group order.
///
/// Phases follow one another; a step's week counts within its phase. The
/// steps of one phase and week are held the same day one after another with
/// a break between them; a per-group step is held by all groups at once. A
/// per-group step with no groups in the plan yields no sessions but keeps
/// its place in the day, so the other sessions' times do not depend on it.
pub fn schedule(workbook: &Workbook, plan: &Plan) -> Vec<Session> {
    let first_day = first_on_or_after(plan.start, plan.weekday);
    let mut sessions = Vec::new();
    let mut weeks_before = 0;
    for phase in &workbook.phases {
        sessions.extend(phase_sessions(phase, weeks_before, first_day, plan));
        weeks_before += u32::from(*phase.weeks);
    }
    // Stable, so sessions at the same date and time stay in workbook and group order.
    sessions.sort_by_key(|s| (s.date, s.start));
    sessions
}

/// The sessions of one phase, which starts after `weeks_before` weeks.
fn phase_sessions(
    phase: &Phase,
    weeks_before: u32,
    first_day: NaiveDate,
    plan: &Plan,
) -> Vec<Session> {
    // Each week of the phase has its own clock, advanced by every step held that week.
    let mut clocks: Vec<(u8, NaiveTime)> = Vec::new();
    let mut sessions = Vec::new();
    for step in &phase.steps {
        let start = next_start(&mut clocks, *step.week, plan.time, *step.minutes);
        let week = weeks_before + u32::from(*step.week);
        let (date, moved) = held_on(week_day(first_day, week));
        let session = |group: Option<&String>| Session {
            phase: phase.id.as_str().to_owned(),
            step: step.id.as_str().to_owned(),
            group: group.cloned(),
            week,
            date,
            start,
            end: start + minutes(*step.minutes),
            moved,
        };
        sessions.extend(groups_of(step, plan).into_iter().map(session));
    }
    sessions
}

/// The longest session day of the workbook in minutes: the steps of one
/// phase and week with the breaks between them. Sessions must end before
/// midnight, so the start time can be at most a day minus this.
pub fn longest_day(workbook: &Workbook) -> u32 {
    let mut longest = 0;
    for phase in &workbook.phases {
        let mut weeks: Vec<(u8, u32, u32)> = Vec::new();
        for step in &phase.steps {
            match weeks.iter_mut().find(|(w, _, _)| *w == *step.week) {
                Some((_, total, count)) => {
                    *total += u32::from(*step.minutes);
                    *count += 1;
                }
                None => weeks.push((*step.week, u32::from(*step.minutes), 1)),
            }
        }
        for (_, total, count) in weeks {
            let gaps = u32::try_from(GAP_MINUTES).unwrap_or(0) * (count - 1);
            longest = longest.max(total + gaps);
        }
    }
    longest
}

/// The start of a `length`-minute session in `week`, moving that week's clock
/// past it and the break that follows.
fn next_start(
    clocks: &mut Vec<(u8, NaiveTime)>,
    week: u8,
    day_start: NaiveTime,
    length: u16,
) -> NaiveTime {
    let index = match clocks.iter().position(|(w, _)| *w == week) {
        Some(index) => index,
        None => {
            clocks.push((week, day_start));
            clocks.len() - 1
        }
    };
    let start = clocks[index].1;
    clocks[index].1 = start + minutes(length) + TimeDelta::minutes(GAP_MINUTES);
    start
}

/// The groups a step is held for: `None` once, or each group of the plan.
fn groups_of<'a>(step: &Step, plan: &'a Plan) -> Vec<Option<&'a String>> {
    match step.runs {
        Runs::Once => vec![None],
        Runs::PerGroup => plan.groups.iter().map(Some).collect(),
    }
}

fn minutes(length: u16) -> TimeDelta {
    TimeDelta::minutes(i64::from(length))
}

/// The first `weekday` on or after `date`.
fn first_on_or_after(date: NaiveDate, weekday: Weekday) -> NaiveDate {
    let ahead = weekday.days_since(date.weekday());
    date + Days::new(u64::from(ahead))
}

/// The usual session day of process week `week` (from 1).
fn week_day(first_day: NaiveDate, week: u32) -> NaiveDate {
    first_day + Days::new(7 * u64::from(week.saturating_sub(1)))
}

/// Where a session planned for `day` is held, and why it moved if it did.
fn held_on(day: NaiveDate) -> (NaiveDate, Option<Moved>) {
    match holiday_on(day) {
        Some(holiday) => (next_working_day(day), Some(Moved { from: day, holiday })),
        None => (day, None),
    }
}

/// A date written out in full, as in "mandag 11. januar 2027" or
/// "Monday 11 January 2027".
pub fn long_date(date: NaiveDate, lang: Lang) -> String {
    let (pattern, locale) = match lang {
        Lang::Nb => ("%A %-d. %B %Y", Locale::nb_NO),
        Lang::En => ("%A %-d %B %Y", Locale::en_GB),
    };
    date.format_localized(pattern, locale).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workbook::{WorkbookSource, load};

    fn date(iso: &str) -> NaiveDate {
        NaiveDate::parse_from_str(iso, "%Y-%m-%d").unwrap()
    }

    fn time(hh_mm: &str) -> NaiveTime {
        NaiveTime::parse_from_str(hh_mm, "%H:%M").unwrap()
    }

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
        assert_eq!(long_date(day, Lang::En), "Monday 11 January 2027");
        let day = date("2027-05-06");
        assert_eq!(long_date(day, Lang::Nb), "torsdag 6. mai 2027");
        assert_eq!(long_date(day, Lang::En), "Thursday 6 May 2027");
    }

    // ---- the schedule ----

    fn workbook(name: &str) -> Workbook {
        let dir = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
        load(&WorkbookSource::Path(dir.into())).unwrap()
    }

    fn plan(start: &str, weekday: Weekday, groups: &[&str]) -> Plan {
        Plan {
            start: date(start),
            weekday,
            time: time("09:00"),
            groups: groups.iter().map(|g| (*g).to_owned()).collect(),
        }
    }

    /// A session as one line, so whole schedules compare at a glance.
    fn line(s: &Session) -> String {
        let moved = s.moved.map_or(String::new(), |m| {
            format!(" (moved from {} {:?})", m.from, m.holiday)
        });
        format!(
            "w{} {} {}-{} {}/{} {}{moved}",
            s.week,
            s.date,
            s.start.format("%H:%M"),
            s.end.format("%H:%M"),
            s.phase,
            s.step,
            s.group.as_deref().unwrap_or("all"),
        )
    }

    fn lines(sessions: &[Session]) -> Vec<String> {
        sessions.iter().map(line).collect()
    }

    #[test]
    fn schedule_moves_ascension_day_to_friday() {
        let wb = workbook("workbooks-valid/schedule");
        let sessions = schedule(&wb, &plan("2027-04-29", Weekday::Thu, &["a", "b"]));
        let moved = " (moved from 2027-05-06 AscensionDay)";
        assert_eq!(
            lines(&sessions),
            [
                "w1 2027-04-29 09:00-10:00 utforske/oppstart all".to_owned(),
                "w1 2027-04-29 10:15-11:45 utforske/intervju a".to_owned(),
                "w1 2027-04-29 10:15-11:45 utforske/intervju b".to_owned(),
                format!("w2 2027-05-07 09:00-09:45 utforske/refleksjon a{moved}"),
                format!("w2 2027-05-07 09:00-09:45 utforske/refleksjon b{moved}"),
                "w4 2027-05-20 09:00-11:00 utvikle/prototyp a".to_owned(),
                "w4 2027-05-20 09:00-11:00 utvikle/prototyp b".to_owned(),
                "w5 2027-05-27 09:00-10:00 utvikle/visning all".to_owned(),
            ]
        );
        assert_eq!(
            sessions[3].moved,
            Some(Moved {
                from: date("2027-05-06"),
                holiday: Holiday::AscensionDay
            })
        );
    }

    #[test]
    fn schedule_starts_on_the_first_weekday_after_an_off_weekday_start() {
        // Wednesday 6 January; sessions on Mondays, the first on 11 January.
        let wb = workbook("workbooks-valid/schedule");
        let sessions = schedule(&wb, &plan("2027-01-06", Weekday::Mon, &["x"]));
        assert_eq!(
            lines(&sessions),
            [
                "w1 2027-01-11 09:00-10:00 utforske/oppstart all",
                "w1 2027-01-11 10:15-11:45 utforske/intervju x",
                "w2 2027-01-18 09:00-09:45 utforske/refleksjon x",
                "w4 2027-02-01 09:00-11:00 utvikle/prototyp x",
                "w5 2027-02-08 09:00-10:00 utvikle/visning all",
            ]
        );
    }

    #[test]
    fn schedule_keeps_group_order_from_the_plan() {
        let wb = workbook("workbooks-valid/schedule");
        let sessions = schedule(&wb, &plan("2027-01-11", Weekday::Mon, &["c", "a", "b"]));
        let groups: Vec<_> = sessions
            .iter()
            .filter(|s| s.step == "intervju")
            .map(|s| s.group.as_deref().unwrap())
            .collect();
        assert_eq!(groups, ["c", "a", "b"]);
    }

    #[test]
    fn schedule_without_groups_keeps_only_sessions_for_all() {
        let wb = workbook("workbooks-valid/schedule");
        let sessions = schedule(&wb, &plan("2027-01-11", Weekday::Mon, &[]));
        assert_eq!(
            lines(&sessions),
            [
                "w1 2027-01-11 09:00-10:00 utforske/oppstart all",
                "w5 2027-02-08 09:00-10:00 utvikle/visning all",
            ]
        );
    }

    #[test]
    fn schedule_of_the_minimal_workbook() {
        let wb = workbook("workbooks/minimal");
        let mut plan = plan("2027-03-22", Weekday::Thu, &["a"]);
        plan.time = time("13:30");
        // The only session falls on Maundy Thursday and moves past Easter.
        let sessions = schedule(&wb, &plan);
        assert_eq!(
            lines(&sessions),
            [
                "w1 2027-03-30 13:30-14:30 utforske/oppstart all (moved from 2027-03-25 MaundyThursday)"
            ]
        );
    }

    #[test]
    fn sessions_serialize_with_iso_dates_and_clock_times() {
        let wb = workbook("workbooks-valid/schedule");
        let sessions = schedule(&wb, &plan("2027-04-29", Weekday::Thu, &["a"]));
        let json = serde_json::to_value(&sessions[2]).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "phase": "utforske",
                "step": "refleksjon",
                "group": "a",
                "week": 2,
                "date": "2027-05-07",
                "start": "09:00",
                "end": "09:45",
                "moved": { "from": "2027-05-06", "holiday": "ascension-day" },
            })
        );
        assert_eq!(
            serde_json::to_value(&sessions[0]).unwrap()["moved"],
            serde_json::Value::Null
        );
    }
}

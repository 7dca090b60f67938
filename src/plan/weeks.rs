//! Week numbers as people read them: "uke 8" is the ISO calendar week, as
//! in every Norwegian calendar; the process's own weeks are named in words.

use chrono::{Datelike, NaiveDate};

use crate::i18n::msg;
use crate::workbook::Lang;

/// The ISO calendar week `date` falls in: "uke 8".
pub fn iso_week(date: NaiveDate) -> u32 {
    date.iso_week().week()
}

/// The calendar week in words: "uke 8", "week 8".
pub fn calendar_week(date: NaiveDate, lang: Lang) -> String {
    msg::plan_calendar_week(lang, iso_week(date))
}

/// The process's own week in words: "sprintuke 2" in the design sprint,
/// else "prosessuke 8" ("sprint week 2", "process week 8").
pub fn own_week(week: u32, sprint: bool, lang: Lang) -> String {
    if sprint {
        msg::plan_sprint_week(lang, week)
    } else {
        msg::plan_process_week(lang, week)
    }
}

/// Where a session falls, in words: "uke 9 · sprintuke 2" in the design
/// sprint, else "uke 3 · prosessuke 3".
pub fn session_week(session: &super::Session, sprint: bool, lang: Lang) -> String {
    let own = if sprint {
        own_week(session.phase_week, true, lang)
    } else {
        own_week(session.week, false, lang)
    };
    format!("{} · {own}", calendar_week(session.date, lang))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::test_support::date;

    #[test]
    fn weeks_in_words() {
        assert_eq!(calendar_week(date("2027-02-23"), Lang::Nb), "uke 8");
        assert_eq!(calendar_week(date("2027-01-01"), Lang::En), "week 53");
        assert_eq!(own_week(2, true, Lang::Nb), "sprintuke 2");
        assert_eq!(own_week(8, false, Lang::En), "process week 8");
    }
}

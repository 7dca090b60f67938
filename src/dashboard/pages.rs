//! The names of the site's pages, shared by the pages that link to them
//! and the calendar's descriptions.

use crate::plan::Session;

/// The page of the site with a week's agendas.
pub fn week_page(week: u32) -> String {
    format!("agenda-week-{week}.html")
}

/// The page of the site with a group's agendas.
pub fn group_page(group: &str) -> String {
    format!("agenda-{group}.html")
}

/// The page of the site with a group's interview guide.
pub fn guide_page(group: &str) -> String {
    format!("interview-guide-{group}.html")
}

/// The page of the site with `session`'s agenda: its group's page, or its
/// week's for a session for everyone.
pub fn agenda_page(session: &Session) -> String {
    match &session.group {
        Some(group) => group_page(group),
        None => week_page(session.week),
    }
}

//! The front page of the site as the sprint's dashboard: where the sprint
//! stands (a timeline of every session by state), the sessions coming
//! next, each group's progress, the key figures, what is missing, and the
//! documents, with the agendas grouped by phase.
//!
//! Each part builds its typed values from the status and the records; the
//! charts are inline SVG made here, each with a title, a description and
//! the same figures as text beside it.

pub mod agendas;
pub mod bars;
pub mod days_off;
pub mod effect;
pub mod groups;
pub mod pages;
pub mod sessions;
pub mod svg;
pub mod timeline;

use chrono::NaiveDate;
use serde::Serialize;

use crate::records::Records;
use crate::render::Figure;
use crate::render::context::Labels;
use crate::sprint::Workspace;
use crate::sprint::status::{Missing, MissingKind, Status};
use crate::workbook::Lang;

/// The marker the timeline stands for in the page's Markdown.
pub const TIMELINE_MARKER: &str = "SAMSKAP-FIGURE-TIMELINE";

/// What the dashboard is made from.
pub struct Input<'a> {
    /// The sprint.
    pub ws: &'a Workspace,
    /// Its records.
    pub records: &'a Records,
    /// Where it stands on the day.
    pub status: &'a Status,
    /// The day.
    pub today: NaiveDate,
    /// The output language.
    pub lang: Lang,
    /// The report as PDF, when the site has one.
    pub report_pdf: Option<&'static str>,
}

/// The words of the page.
#[derive(Serialize)]
pub struct Words {
    standing: &'static str,
    timeline_table: &'static str,
    phase: &'static str,
    when: &'static str,
    held: &'static str,
    overdue: &'static str,
    next_day: &'static str,
    days_off: &'static str,
    letter: &'static str,
    name: &'static str,
    kind: &'static str,
    days: &'static str,
    next: &'static str,
    no_next: &'static str,
    agenda: &'static str,
    groups: &'static str,
    group: &'static str,
    sessions_held: &'static str,
    interviews: &'static str,
    solutions: &'static str,
    guide: &'static str,
    figures: &'static str,
    effect: &'static str,
    missing: &'static str,
    nothing_missing: &'static str,
    report: &'static str,
    report_html: &'static str,
    report_docx: &'static str,
    report_md: &'static str,
    report_pdf: &'static str,
    agendas_by_phase: &'static str,
    calendar: &'static str,
    calendar_file: &'static str,
    generated: &'static str,
}

impl Words {
    fn new(lang: Lang) -> Self {
        Words {
            standing: crate::i18n::msg::dashboard_where_does_the_sprint_stand(lang),
            timeline_table: crate::i18n::msg::dashboard_the_sessions_phase_by_phase(lang),
            phase: crate::i18n::msg::report_phase(lang),
            when: crate::i18n::msg::dashboard_calendar_weeks_and_days(lang),
            held: crate::i18n::msg::dashboard_held(lang),
            overdue: crate::i18n::msg::status_overdue(lang),
            next_day: crate::i18n::msg::dashboard_next_session(lang),
            days_off: crate::i18n::msg::dashboard_days_off(lang),
            letter: crate::i18n::msg::dashboard_letter(lang),
            name: crate::i18n::msg::dashboard_name(lang),
            kind: crate::i18n::msg::dashboard_kind(lang),
            days: crate::i18n::msg::dashboard_days(lang),
            next: crate::i18n::msg::dashboard_the_next_sessions(lang),
            no_next: crate::i18n::msg::dashboard_every_session_has_been_held(lang),
            agenda: crate::i18n::msg::build_agenda(lang),
            groups: crate::i18n::msg::build_the_work_groups(lang),
            group: crate::i18n::msg::context_group(lang),
            sessions_held: crate::i18n::msg::dashboard_sessions_held_heading(lang),
            interviews: crate::i18n::msg::report_interviews(lang),
            solutions: crate::i18n::msg::report_solutions(lang),
            guide: crate::i18n::msg::build_interview_guide(lang),
            figures: crate::i18n::msg::report_key_figures(lang),
            effect: crate::i18n::msg::dashboard_effect_heading(lang),
            missing: crate::i18n::msg::dashboard_what_is_missing(lang),
            nothing_missing: crate::i18n::msg::dashboard_nothing_is_missing_everything_that(lang),
            report: crate::i18n::msg::build_report(lang),
            report_html: crate::i18n::msg::build_the_report_as_a_web(lang),
            report_docx: crate::i18n::msg::build_the_report_as_a_word(lang),
            report_md: crate::i18n::msg::build_the_report_as_markdown(lang),
            report_pdf: crate::i18n::msg::build_the_report_as_pdf(lang),
            agendas_by_phase: crate::i18n::msg::dashboard_the_agendas_phase_by_phase(lang),
            calendar: crate::i18n::msg::build_calendar(lang),
            calendar_file: crate::i18n::msg::build_every_session_as_a_calendar(lang),
            generated: crate::i18n::msg::build_made_with_samskap(lang),
        }
    }
}

/// The page's context.
#[derive(Serialize)]
pub struct IndexDoc {
    t: Words,
    l: Labels,
    sprint: String,
    challenge: String,
    target_group: String,
    standing: String,
    timeline: &'static str,
    phases: Vec<sessions::PhaseRow>,
    /// The breaks and holidays the timeline shades, by their letters.
    days_off: Vec<days_off::DayOffRow>,
    next: Vec<sessions::NextSession>,
    groups: Vec<groups::GroupRow>,
    figures: groups::KeyFigures,
    /// The solutions' total in each measure, in words.
    effect: Vec<String>,
    /// The marker of the effect's charts, when the sprint has measures.
    effect_chart: Option<&'static str>,
    missing: Vec<String>,
    agendas: Vec<agendas::PhaseWeeks>,
    report_pdf: Option<&'static str>,
    calendar: &'static str,
    date: String,
}

/// The page's context and the figures its markers stand for.
pub fn index(i: &Input<'_>) -> (IndexDoc, Vec<Figure>) {
    let (ws, status, lang) = (i.ws, i.status, i.lang);
    let sessions: Vec<crate::plan::Session> =
        status.sessions.iter().map(|s| s.session.clone()).collect();
    let totals = effect::totals(&ws.measures(lang), &i.records.solutions);
    let charts = effect::sprint_charts(&ws.sprint.name, &totals, lang);
    let doc = IndexDoc {
        t: Words::new(lang),
        l: Labels::new(lang),
        sprint: ws.sprint.name.clone(),
        challenge: ws.sprint.challenge.clone(),
        target_group: ws.sprint.target_group.clone(),
        standing: standing(ws, status, lang),
        timeline: TIMELINE_MARKER,
        phases: sessions::phase_rows(ws, status, lang),
        days_off: days_off::rows(&days_off::of_sprint(ws, status, lang), lang),
        next: sessions::next(ws, status, lang),
        groups: groups::rows(ws, status, i.records, lang),
        figures: groups::key_figures(status, i.records, lang),
        effect: totals.iter().map(|t| t.line(lang)).collect(),
        effect_chart: (!charts.is_empty()).then_some(effect::EFFECT_MARKER),
        missing: status
            .missing
            .iter()
            .map(|m| missing(ws, status, m, lang))
            .collect(),
        agendas: agendas::by_phase(&ws.workbook, &sessions, lang),
        report_pdf: i.report_pdf,
        calendar: "calendar.ics",
        date: crate::plan::long_date(i.today, lang),
    };
    let mut figures = vec![Figure {
        marker: TIMELINE_MARKER,
        html: sessions::figure(ws, status, lang),
        picture: None,
    }];
    if !charts.is_empty() {
        figures.push(Figure {
            marker: effect::EFFECT_MARKER,
            html: effect::figure(&charts, lang),
            picture: None,
        });
    }
    (doc, figures)
}

/// Where the sprint stands, in one sentence.
fn standing(ws: &Workspace, status: &Status, lang: Lang) -> String {
    let today = crate::plan::long_date(status.today, lang);
    let weeks: u32 = ws.workbook.phases.iter().map(|p| u32::from(*p.weeks)).sum();
    match &status.position {
        Some(p) => {
            let of_phase = ws
                .workbook
                .phases
                .iter()
                .find(|ph| ph.id.as_str() == p.phase)
                .map_or(0, |ph| u32::from(*ph.weeks));
            crate::i18n::msg::dashboard_today_in_phase(
                lang,
                &today,
                &p.phase_title,
                p.phase_week,
                of_phase,
                p.week,
                weeks,
            )
        }
        None if status.not_started() => crate::i18n::msg::dashboard_today_not_started(lang, &today),
        None => crate::i18n::msg::dashboard_today_over(lang, &today),
    }
}

/// A gap `status` found, in words a leader understands: group names, not
/// ids, and dates as people write them.
fn missing(ws: &Workspace, status: &Status, m: &Missing, lang: Lang) -> String {
    let group = m.group.as_deref().map(|id| {
        ws.sprint
            .group(id)
            .map_or(id, |g| g.name.as_str())
            .to_owned()
    });
    let session = status
        .sessions
        .iter()
        .find(|s| Some(&s.session.step) == m.step.as_ref() && s.session.group == m.group);
    let title = session.map_or_else(String::new, |s| s.title.clone());
    let whose = group
        .as_ref()
        .map(|g| format!(" ({g})"))
        .unwrap_or_default();
    let date = |d| crate::plan::long_date(d, lang);
    match m.kind {
        MissingKind::OverdueStep => {
            let when = session.map_or_else(String::new, |s| date(s.session.date));
            crate::i18n::msg::dashboard_missing_overdue(lang, title, whose, when)
        }
        MissingKind::UnbookedAppointment => match session.and_then(|s| s.session.appointment) {
            Some(window) => crate::i18n::msg::dashboard_missing_unbooked(
                lang,
                title,
                whose,
                date(window.from),
                date(window.by),
            ),
            None => m.message.clone(),
        },
        MissingKind::InBreak => {
            let held = session.map(|s| s.session.date);
            let name = held.and_then(|d| ws.sprint.breaks.iter().find(|b| b.contains(d)));
            match (held, name) {
                (Some(d), Some(b)) => crate::i18n::msg::dashboard_missing_in_break(
                    lang,
                    title,
                    whose,
                    date(d),
                    &b.name,
                ),
                _ => m.message.clone(),
            }
        }
        MissingKind::NoInterviewNotes => {
            crate::i18n::msg::dashboard_missing_notes(lang, group.unwrap_or_default())
        }
        MissingKind::NoSubChallenge => {
            crate::i18n::msg::dashboard_missing_sub_challenge(lang, group.unwrap_or_default())
        }
        MissingKind::NoMembers => {
            crate::i18n::msg::dashboard_missing_members(lang, group.unwrap_or_default())
        }
    }
}

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
pub mod effect;
pub mod groups;
pub mod pages;
pub mod sessions;
pub mod svg;
pub mod timeline;

use chrono::NaiveDate;
use serde::Serialize;

use crate::i18n::tr;
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
        let t = |nb, en| tr(lang, nb, en);
        Words {
            standing: t("Hvor står sprinten?", "Where does the sprint stand?"),
            timeline_table: t("Samlingene fase for fase", "The sessions phase by phase"),
            phase: t("Fase", "Phase"),
            when: t("Kalenderuker og dager", "Calendar weeks and days"),
            held: t("Holdt", "Held"),
            overdue: t("forsinket", "overdue"),
            next_day: t("Neste samling", "Next session"),
            next: t("De neste samlingene", "The next sessions"),
            no_next: t(
                "Alle samlingene er holdt eller har passert.",
                "Every session has been held or has passed.",
            ),
            agenda: t("agenda", "agenda"),
            groups: t("Arbeidsgruppene", "The work groups"),
            group: t("Gruppe", "Group"),
            sessions_held: t("Samlinger holdt", "Sessions held"),
            interviews: t("Intervjuer", "Interviews"),
            solutions: t("Løsninger", "Solutions"),
            guide: t("intervjuguide", "interview guide"),
            figures: t("Nøkkeltall", "Key figures"),
            effect: t(
                "Løsningenes samlede effekt, etter gruppenes anslag",
                "The solutions' total effect, as the groups estimate it",
            ),
            missing: t("Hva mangler?", "What is missing?"),
            nothing_missing: t(
                "Ingenting mangler: alt som skulle vært gjort, er registrert.",
                "Nothing is missing: everything that should have been done is recorded.",
            ),
            report: t("Rapport", "Report"),
            report_html: t("Rapporten som nettside", "The report as a web page"),
            report_docx: t(
                "Rapporten som Word-dokument",
                "The report as a Word document",
            ),
            report_md: t("Rapporten som Markdown", "The report as Markdown"),
            report_pdf: t("Rapporten som PDF", "The report as PDF"),
            agendas_by_phase: t("Agendaene fase for fase", "The agendas phase by phase"),
            calendar: t("Kalender", "Calendar"),
            calendar_file: t(
                "Alle samlingene som kalenderfil (.ics) for Outlook eller Google Kalender",
                "Every session as a calendar file (.ics) for Outlook or Google Calendar",
            ),
            generated: t("Laget med samskap", "Made with samskap"),
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
    let t = |nb, en| tr(lang, nb, en);
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
            match lang {
                Lang::Nb => format!(
                    "I dag, {today}: fasen {}, uke {} av {of_phase} (uke {} av {weeks} i prosessen).",
                    p.phase_title, p.phase_week, p.week
                ),
                Lang::Nn => format!(
                    "I dag, {today}: fasen {}, veke {} av {of_phase} (veke {} av {weeks} i prosessen).",
                    p.phase_title, p.phase_week, p.week
                ),
                Lang::En => format!(
                    "Today, {today}: phase {}, week {} of {of_phase} (week {} of {weeks} of the process).",
                    p.phase_title, p.phase_week, p.week
                ),
            }
        }
        None if status.counts.done + status.counts.overdue == 0 => format!(
            "{} {today}: {}",
            t("I dag,", "Today,"),
            t(
                "prosessen har ikke startet ennå.",
                "the process has not started yet."
            )
        ),
        None => format!(
            "{} {today}: {}",
            t("I dag,", "Today,"),
            t("prosessen er over.", "the process is over.")
        ),
    }
}

/// A gap `status` found, in words a leader understands: group names, not
/// ids, and dates as people write them.
fn missing(ws: &Workspace, status: &Status, m: &Missing, lang: Lang) -> String {
    let t = |nb, en| tr(lang, nb, en);
    let group = m.group.as_deref().map(|id| {
        ws.sprint
            .group(id)
            .map_or(id, |g| g.name.as_str())
            .to_owned()
    });
    match m.kind {
        MissingKind::OverdueStep => {
            let session = status
                .sessions
                .iter()
                .find(|s| Some(&s.session.step) == m.step.as_ref() && s.session.group == m.group);
            let (title, date) = session.map_or((String::new(), String::new()), |s| {
                (
                    s.title.clone(),
                    crate::plan::long_date(s.session.date, lang),
                )
            });
            let whose = group.map(|g| format!(" ({g})")).unwrap_or_default();
            format!(
                "«{title}»{whose} {} {date}, {}",
                t("skulle vært holdt", "should have been held on"),
                t(
                    "men er ikke registrert som gjennomført.",
                    "but is not recorded as done."
                )
            )
        }
        MissingKind::NoInterviewNotes => format!(
            "{} {}",
            group.unwrap_or_default(),
            t(
                "har ikke lagt inn noen intervjunotater, selv om intervjuuka er over.",
                "has logged no interview notes, though its interview week is over."
            )
        ),
        MissingKind::NoSubChallenge => format!(
            "{} {}",
            group.unwrap_or_default(),
            t(
                "har ennå ikke fått sin del av utfordringen.",
                "has not yet been given its part of the challenge."
            )
        ),
        MissingKind::NoMembers => format!(
            "{} {}",
            group.unwrap_or_default(),
            t("har ingen medlemmer ennå.", "has no members yet.")
        ),
    }
}

//! The sessions as the dashboard shows them: the timeline with its legend,
//! the sessions coming next, and a table by phase with the same figures
//! as the timeline, in words.

use chrono::NaiveDate;
use serde::Serialize;

use super::agendas::{date_range, iso_weeks};
use super::svg::esc;
use super::timeline::{self, DayOff, Legend, Mark, MarkState, Shade, Span, Timeline};
use crate::plan::long_date;
use crate::sprint::Workspace;
use crate::sprint::status::{SessionStatus, State, Status};
use crate::workbook::Lang;

/// How many sessions "next" lists.
pub const NEXT: usize = 3;

/// A session coming up; one step held by several groups at once is one.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct NextSession {
    /// The step's title.
    pub title: String,
    /// Who: the groups' names, or everyone.
    pub who: String,
    /// "onsdag 22. september 2027".
    pub date: String,
    /// "09:30–12:00".
    pub time: String,
    /// Where, or a dash.
    pub place: String,
    /// The agenda of its week.
    pub href: String,
    /// Whether it is today.
    pub today: bool,
}

/// One row of the table by phase.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PhaseRow {
    /// The phase's title.
    pub title: String,
    /// Its ISO weeks.
    pub weeks: String,
    /// Its days.
    pub days: String,
    /// Sessions done of all.
    pub held: String,
    /// Sessions overdue.
    pub overdue: usize,
    /// The day of its next session not done, or a dash.
    pub next: String,
}

/// The word for a state, as the legend and the table say it.
pub fn state_word(state: MarkState, lang: Lang) -> &'static str {
    match state {
        MarkState::Done => crate::i18n::msg::status_done(lang),
        MarkState::Today => crate::i18n::msg::status_today(lang),
        MarkState::Next => crate::i18n::msg::dashboard_next(lang),
        MarkState::Overdue => crate::i18n::msg::status_overdue(lang),
        MarkState::Upcoming => crate::i18n::msg::dashboard_ahead(lang),
    }
}

/// The name of a session's group, or the word for everyone.
fn who(ws: &Workspace, group: Option<&str>, lang: Lang) -> String {
    match group {
        Some(id) => ws
            .sprint
            .group(id)
            .map_or(id, |g| g.name.as_str())
            .to_owned(),
        None => crate::i18n::msg::dashboard_everyone(lang).to_owned(),
    }
}

/// The sessions not done yet, from today on, with a step held by several
/// groups at the same time counted once: the first [`NEXT`] of them.
fn coming(status: &Status) -> Vec<Vec<&SessionStatus>> {
    let mut coming: Vec<Vec<&SessionStatus>> = Vec::new();
    for s in status
        .sessions
        .iter()
        .filter(|s| matches!(s.state, State::Today | State::Upcoming))
    {
        let key = |o: &SessionStatus| {
            let s = &o.session;
            (s.step.clone(), s.date, s.start, s.unbooked())
        };
        if let Some(same) = coming.iter_mut().find(|c| key(c[0]) == key(s)) {
            same.push(s);
        } else if coming.len() < NEXT {
            coming.push(vec![s]);
        } else {
            break;
        }
    }
    coming
}

/// The day of a session, or the days of an appointment's window while it
/// is not booked.
fn when(session: &crate::plan::Session, lang: Lang) -> String {
    match session.appointment {
        Some(window) if session.unbooked() => date_range(window.from, window.by, lang),
        _ => long_date(session.date, lang),
    }
}

/// The next sessions, for the list above the timeline.
pub fn next(ws: &Workspace, status: &Status, lang: Lang) -> Vec<NextSession> {
    coming(status)
        .into_iter()
        .map(|same| {
            let s = same[0];
            let groups: Vec<String> = same
                .iter()
                .map(|o| who(ws, o.session.group.as_deref(), lang))
                .collect();
            NextSession {
                title: s.title.clone(),
                who: groups.join(", "),
                date: when(&s.session, lang),
                time: if s.session.unbooked() {
                    crate::i18n::msg::plan_by_arrangement(lang).to_owned()
                } else {
                    format!(
                        "{}–{}",
                        s.session.start.format("%H:%M"),
                        s.session.end.format("%H:%M")
                    )
                },
                place: s.session.place.clone().unwrap_or_else(|| "–".into()),
                // Several groups at once: the week's page holds them all.
                href: if same.len() > 1 {
                    super::pages::week_page(s.session.week)
                } else {
                    super::pages::agenda_page(&s.session)
                },
                today: s.state == State::Today,
            }
        })
        .collect()
}

/// Each session's state on the timeline: the next ones stand out from
/// those further ahead.
fn mark_states(status: &Status) -> Vec<MarkState> {
    let coming = coming(status);
    let is_next = |s: &SessionStatus| coming.iter().flatten().any(|c| std::ptr::eq(*c, s));
    status
        .sessions
        .iter()
        .map(|s| match s.state {
            State::Done => MarkState::Done,
            State::Overdue => MarkState::Overdue,
            State::Today => MarkState::Today,
            State::Upcoming if is_next(s) => MarkState::Next,
            State::Upcoming => MarkState::Upcoming,
        })
        .collect()
}

/// The timeline of `status` and its legend, as one `<figure>`.
pub fn figure(ws: &Workspace, status: &Status, lang: Lang) -> String {
    let everyone = status.sessions.iter().any(|s| s.session.group.is_none());
    let mut lanes: Vec<String> = Vec::new();
    if everyone {
        lanes.push(who(ws, None, lang));
    }
    let offset = lanes.len();
    lanes.extend(ws.sprint.groups.iter().map(|g| g.name.clone()));
    let states = mark_states(status);
    let marks: Vec<Mark> = status
        .sessions
        .iter()
        .zip(&states)
        .map(|(s, &state)| {
            let lane = match &s.session.group {
                None => 0,
                Some(id) => {
                    offset
                        + ws.sprint
                            .groups
                            .iter()
                            .position(|g| &g.id == id)
                            .unwrap_or(0)
                }
            };
            let moved = s.session.moved.as_ref().map(|m| {
                format!(
                    "; {}",
                    crate::i18n::msg::dashboard_mark_moved(
                        lang,
                        long_date(m.from, lang),
                        m.why(lang)
                    )
                )
            });
            let in_break =
                crate::plan::breaks::break_on(&ws.settings.breaks, s.session.date).map(|b| {
                    format!(
                        "; {}",
                        crate::i18n::msg::dashboard_mark_in_break(lang, &b.name)
                    )
                });
            Mark {
                lane,
                date: s.session.date,
                state,
                moved: moved.is_some(),
                in_break: in_break.is_some(),
                label: format!(
                    "{} · {} · {} {} · {}{}{}",
                    s.title,
                    who(ws, s.session.group.as_deref(), lang),
                    long_date(s.session.date, lang),
                    s.session.start.format("%H:%M"),
                    state_word(state, lang),
                    moved.unwrap_or_default(),
                    in_break.unwrap_or_default()
                ),
            }
        })
        .collect();
    if status.sessions.is_empty() {
        return String::new();
    }
    let phases = phase_spans(ws, status, lang);
    let shaded = super::days_off::of_sprint(ws, status, lang);
    let in_break = marks.iter().filter(|m| m.in_break).count();
    let timeline = Timeline {
        title: crate::i18n::msg::dashboard_timeline(lang, &ws.sprint.name),
        desc: describe(status, &phases, &shaded, &states, in_break, lang),
        lanes,
        phases,
        shaded,
        marks,
        today: status.today,
        today_label: crate::i18n::msg::dashboard_today_label(lang).into(),
        week_label: crate::i18n::msg::describe_week(lang).into(),
    };
    let mut legend = String::new();
    let mut item = |icon: Legend, word: &str| {
        legend.push_str(&format!(
            "<li>{}{}</li>",
            timeline::legend_icon(icon),
            esc(word)
        ));
    };
    for state in MarkState::ALL {
        item(Legend::State(state), state_word(state, lang));
    }
    item(
        Legend::Moved,
        crate::i18n::msg::dashboard_moved_from_its_planned_day(lang),
    );
    item(
        Legend::InBreak,
        crate::i18n::msg::dashboard_in_a_break(lang),
    );
    for kind in [DayOff::Break, DayOff::Holiday] {
        item(Legend::DayOff(kind), super::days_off::word(kind, lang));
    }
    format!(
        "<figure class=\"chart timeline-figure\">{}<ul class=\"legend\">{legend}</ul><figcaption>{}</figcaption></figure>",
        timeline::svg(&timeline),
        esc(crate::i18n::msg::dashboard_each_session_is_one_mark(lang))
    )
}

/// Each phase from its first session's day to its last's.
fn phase_spans(ws: &Workspace, status: &Status, lang: Lang) -> Vec<Span> {
    ws.workbook
        .phases
        .iter()
        .filter_map(|phase| {
            let days = status
                .sessions
                .iter()
                .filter(|s| s.session.phase == phase.id.as_str())
                .map(|s| s.session.date);
            let (from, to) = days.fold(None, |acc: Option<(NaiveDate, NaiveDate)>, d| {
                Some(acc.map_or((d, d), |(a, b)| (a.min(d), b.max(d))))
            })?;
            Some(Span {
                label: phase.title.get(lang).to_owned(),
                from,
                to,
            })
        })
        .collect()
}

/// The timeline's figures in one paragraph, for screen readers.
fn describe(
    status: &Status,
    phases: &[Span],
    shaded: &[Shade],
    states: &[MarkState],
    in_break: usize,
    lang: Lang,
) -> String {
    let phases: Vec<String> = phases
        .iter()
        .map(|p| format!("{} ({})", p.label, iso_weeks(p.from, p.to, lang)))
        .collect();
    let counts: Vec<String> = MarkState::ALL
        .iter()
        .map(|&state| {
            let n = states.iter().filter(|&&s| s == state).count();
            format!("{n} {}", state_word(state, lang))
        })
        .collect();
    let mut text = crate::i18n::msg::dashboard_timeline_summary(
        lang,
        status.sessions.len(),
        match (
            phases.first(),
            status.sessions.first(),
            status.sessions.last(),
        ) {
            (Some(_), Some(a), Some(b)) => date_range(a.session.date, b.session.date, lang),
            _ => String::new(),
        },
        phases.join(", "),
        counts.join(", "),
    );
    let moved = status
        .sessions
        .iter()
        .filter(|s| s.session.moved.is_some())
        .count();
    if moved > 0 {
        text.push(' ');
        text.push_str(&crate::i18n::msg::dashboard_timeline_moved(lang, moved));
    }
    if in_break > 0 {
        text.push(' ');
        text.push_str(&crate::i18n::msg::dashboard_timeline_in_break(
            lang, in_break,
        ));
    }
    for kind in [DayOff::Break, DayOff::Holiday] {
        let names: Vec<String> = shaded
            .iter()
            .filter(|s| s.kind == kind)
            .map(|s| format!("{} {} ({})", s.key, s.name, s.days))
            .collect();
        if names.is_empty() {
            continue;
        }
        let names = names.join(", ");
        text.push(' ');
        text.push_str(&match kind {
            DayOff::Break => crate::i18n::msg::dashboard_timeline_breaks(lang, names),
            DayOff::Holiday => crate::i18n::msg::dashboard_timeline_holidays(lang, names),
        });
    }
    text
}

/// The table by phase: the timeline's figures in words.
pub fn phase_rows(ws: &Workspace, status: &Status, lang: Lang) -> Vec<PhaseRow> {
    phase_spans(ws, status, lang)
        .into_iter()
        .zip(ws.workbook.phases.iter().filter(|p| {
            status
                .sessions
                .iter()
                .any(|s| s.session.phase == p.id.as_str())
        }))
        .map(|(span, phase)| {
            let of_phase: Vec<&SessionStatus> = status
                .sessions
                .iter()
                .filter(|s| s.session.phase == phase.id.as_str())
                .collect();
            let done = of_phase.iter().filter(|s| s.state == State::Done).count();
            let overdue = of_phase
                .iter()
                .filter(|s| s.state == State::Overdue)
                .count();
            let next = of_phase
                .iter()
                .find(|s| matches!(s.state, State::Today | State::Upcoming))
                .map_or_else(|| "–".to_owned(), |s| long_date(s.session.date, lang));
            PhaseRow {
                title: span.label,
                weeks: iso_weeks(span.from, span.to, lang),
                days: date_range(span.from, span.to, lang),
                held: format!("{done} / {}", of_phase.len()),
                overdue,
                next,
            }
        })
        .collect()
}

//! A portfolio across sprints, for leaders: each sprint's challenge, dates,
//! state, key figures and solutions, the solutions in use with their
//! follow-up, and the total effect by measure across sprints.
//!
//! Everything comes from the typed values the sprint's own documents use
//! (its records, its status, the dashboard's key figures, the report's
//! sums); raw notes never: a portfolio holds no quote and no note text.
//! Measures are added up across sprints only where both id and unit are
//! the same; any other is shown beside the rest, never summed with it.

pub mod across;
pub mod list;
pub mod problem;

use serde::Serialize;

use crate::dashboard::effect::{self, Total};
use crate::dashboard::groups::{self, KeyFigures};
use crate::i18n::msg;
use crate::records::{Records, Status as SolutionStatus};
use crate::report::{number, status_name};
use crate::sprint::Workspace;
use crate::sprint::status::Status;
use crate::workbook::Lang;

/// One sprint as the portfolio shows it.
#[derive(Debug, Serialize)]
pub struct SprintSummary {
    /// Its id (`id:` in samskap.yaml, else made from its name).
    pub id: String,
    /// Its page in the portfolio.
    pub page: String,
    /// Its name.
    pub name: String,
    /// Its challenge.
    pub challenge: String,
    /// Its target group.
    pub target_group: String,
    /// From its first session to its last, in words.
    pub dates: String,
    /// Where it stands, in a few words.
    pub state: String,
    /// Sessions held of all: "12 / 18".
    pub held: String,
    /// The key figures in words, as the sprint's dashboard gives them.
    pub figures: KeyFigures,
    /// The total in each of its measures, in words.
    pub effect: Vec<String>,
    /// The measures' column headings: "Per familie (timer per måned)".
    pub columns: Vec<String>,
    /// Its solutions.
    pub solutions: Vec<SolutionRow>,
    /// The totals, for the sums across sprints.
    #[serde(skip)]
    pub totals: Vec<Total>,
}

/// A solution in the portfolio.
#[derive(Debug, Serialize)]
pub struct SolutionRow {
    /// Its name.
    pub title: String,
    /// The group's name.
    pub group: String,
    /// Its status in words.
    pub status: String,
    /// Who owns it, or a dash.
    pub owner: String,
    /// Its next step, or a dash.
    pub next_step: String,
    /// Its figure in each of the sprint's measures, "–" where none.
    pub figures: Vec<String>,
    /// Whether it is in use.
    #[serde(skip)]
    pub in_use: bool,
}

/// One sprint's values, read the way its own exports read them.
pub struct Input<'a> {
    /// The sprint.
    pub ws: &'a Workspace,
    /// Its records.
    pub records: &'a Records,
    /// Where it stands on the day.
    pub status: &'a Status,
    /// The portfolio's language.
    pub lang: Lang,
}

fn or_dash(text: &str) -> String {
    if text.trim().is_empty() {
        "–".to_owned()
    } else {
        text.to_owned()
    }
}

/// The sprint's summary; `page` is its page in the portfolio.
pub fn summary(i: &Input<'_>, page: String) -> SprintSummary {
    let (ws, lang) = (i.ws, i.lang);
    let measures = ws.measures(lang);
    let totals = effect::totals(&measures, &i.records.solutions);
    let sessions = &i.status.sessions;
    let dates = match (sessions.first(), sessions.last()) {
        (Some(a), Some(b)) => {
            crate::dashboard::agendas::date_range(a.session.date, b.session.date, lang)
        }
        _ => "–".to_owned(),
    };
    let solutions = i
        .records
        .solutions
        .iter()
        .map(|s| SolutionRow {
            title: s.title.clone(),
            group: ws
                .sprint
                .group(&s.group)
                .map_or_else(|| s.group.clone(), |g| g.name.clone()),
            status: status_name(s.status, lang).to_owned(),
            owner: or_dash(&s.owner),
            next_step: or_dash(&s.next_step),
            figures: measures
                .iter()
                .map(|m| {
                    s.measures
                        .get(&m.id)
                        .map_or_else(|| "–".to_owned(), |v| number(*v, lang))
                })
                .collect(),
            in_use: s.status == SolutionStatus::InUse,
        })
        .collect();
    SprintSummary {
        id: ws.sprint.calendar_id(),
        page,
        name: ws.sprint.name.clone(),
        challenge: ws.sprint.challenge.clone(),
        target_group: ws.sprint.target_group.clone(),
        dates,
        state: state(ws, i.status, lang),
        held: format!("{} / {}", i.status.counts.done, sessions.len()),
        figures: groups::key_figures(i.status, i.records, lang),
        effect: totals.iter().map(|t| t.line(lang)).collect(),
        columns: measures
            .iter()
            .map(|m| format!("{} ({})", m.label, m.unit))
            .collect(),
        solutions,
        totals,
    }
}

/// Where the sprint stands, in a few words: not started, in which phase
/// and week, or over (with the sessions not recorded as held).
fn state(ws: &Workspace, status: &Status, lang: Lang) -> String {
    let overdue = status.counts.overdue;
    let text = match &status.position {
        Some(p) => {
            let weeks: u32 = ws.workbook.phases.iter().map(|p| u32::from(*p.weeks)).sum();
            msg::portfolio_state_running(lang, &p.phase_title, p.week, weeks)
        }
        None if status.not_started() => msg::portfolio_state_not_started(lang).to_owned(),
        None => msg::portfolio_state_over(lang).to_owned(),
    };
    if overdue == 0 {
        text
    } else {
        format!("{text}; {}", msg::portfolio_state_overdue(lang, overdue))
    }
}

/// A solution in use, with its follow-up.
#[derive(Debug, Serialize)]
pub struct InUse {
    /// The solution.
    pub title: String,
    /// The sprint's name.
    pub sprint: String,
    /// The sprint's page.
    pub page: String,
    /// The group's name.
    pub group: String,
    /// Who owns it.
    pub owner: String,
    /// Its next step.
    pub next_step: String,
}

/// Every solution in use, sprint by sprint.
pub fn in_use(sprints: &[SprintSummary]) -> Vec<InUse> {
    sprints
        .iter()
        .flat_map(|s| {
            s.solutions.iter().filter(|r| r.in_use).map(|r| InUse {
                title: r.title.clone(),
                sprint: s.name.clone(),
                page: s.page.clone(),
                group: r.group.clone(),
                owner: r.owner.clone(),
                next_step: r.next_step.clone(),
            })
        })
        .collect()
}

/// The words of the portfolio's pages.
#[derive(Debug, Serialize)]
pub struct Words {
    sprints: &'static str,
    sprint: &'static str,
    challenge: &'static str,
    target_group: &'static str,
    dates: &'static str,
    state: &'static str,
    held: &'static str,
    solutions: &'static str,
    solution: &'static str,
    group: &'static str,
    status: &'static str,
    owner: &'static str,
    next_step: &'static str,
    next_steps: &'static str,
    estimates: &'static str,
    figures: &'static str,
    effect: &'static str,
    effect_intro: &'static str,
    total: &'static str,
    not_measured: &'static str,
    in_use: &'static str,
    no_in_use: &'static str,
    no_solutions: &'static str,
    no_measures: &'static str,
    back: &'static str,
    generated: &'static str,
}

impl Words {
    /// The words in `lang`.
    pub fn new(lang: Lang) -> Self {
        Words {
            sprints: crate::i18n::msg::portfolio_sprints_heading(lang),
            sprint: crate::i18n::msg::portfolio_sprint(lang),
            challenge: crate::i18n::msg::portfolio_challenge(lang),
            target_group: crate::i18n::msg::portfolio_target_group(lang),
            dates: crate::i18n::msg::portfolio_dates(lang),
            state: crate::i18n::msg::portfolio_state(lang),
            held: crate::i18n::msg::portfolio_sessions_held(lang),
            solutions: crate::i18n::msg::portfolio_solutions(lang),
            solution: crate::i18n::msg::portfolio_solution(lang),
            group: crate::i18n::msg::portfolio_group(lang),
            status: crate::i18n::msg::portfolio_status(lang),
            owner: crate::i18n::msg::portfolio_owner(lang),
            next_step: crate::i18n::msg::portfolio_next_step(lang),
            next_steps: crate::i18n::msg::portfolio_each_solutions_next_step(lang),
            estimates: crate::i18n::msg::portfolio_the_groups_estimates_for_each(lang),
            figures: crate::i18n::msg::portfolio_key_figures(lang),
            effect: crate::i18n::msg::portfolio_total_effect_by_measure(lang),
            effect_intro: crate::i18n::msg::portfolio_the_sum_of_the_groups(lang),
            total: crate::i18n::msg::portfolio_total(lang),
            not_measured: crate::i18n::msg::portfolio_not_measured_in(lang),
            in_use: crate::i18n::msg::portfolio_solutions_in_use_and_their(lang),
            no_in_use: crate::i18n::msg::portfolio_no_solution_is_recorded_as(lang),
            no_solutions: crate::i18n::msg::portfolio_the_sprint_has_registered_no(lang),
            no_measures: crate::i18n::msg::portfolio_the_sprint_has_no_measures(lang),
            back: crate::i18n::msg::portfolio_back_to_the_portfolio(lang),
            generated: crate::i18n::msg::portfolio_made_with_samskap(lang),
        }
    }
}

/// The portfolio's front page.
#[derive(Debug, Serialize)]
pub struct IndexDoc {
    /// The words.
    pub t: Words,
    /// The heading.
    pub title: String,
    /// How many sprints, in words.
    pub intro: String,
    /// The sprints.
    pub sprints: Vec<SprintSummary>,
    /// The effect by measure across sprints.
    pub measures: Vec<across::Across>,
    /// The marker of the effect's charts, when any sprint has measures.
    pub chart: Option<&'static str>,
    /// The solutions in use.
    pub in_use: Vec<InUse>,
    /// The day, in words.
    pub date: String,
}

/// A sprint's page in the portfolio.
#[derive(Debug, Serialize)]
pub struct SprintDoc<'a> {
    /// The words.
    pub t: Words,
    /// The portfolio's heading.
    pub portfolio: &'a str,
    /// The sprint.
    pub s: &'a SprintSummary,
    /// The marker of its effect's charts, when it has measures.
    pub chart: Option<&'static str>,
    /// The day, in words.
    pub date: String,
}

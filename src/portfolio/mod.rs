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
use crate::i18n::{msg, tr};
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
        None if status.counts.done + overdue == 0 => msg::portfolio_state_not_started(lang),
        None => msg::portfolio_state_over(lang),
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
        let t = |nb, en| tr(lang, nb, en);
        Words {
            sprints: t("Sprintene", "The sprints"),
            sprint: t("Sprint", "Sprint"),
            challenge: t("Utfordring", "Challenge"),
            target_group: t("Målgruppe", "Target group"),
            dates: t("Tidsrom", "Dates"),
            state: t("Status", "State"),
            held: t("Samlinger holdt", "Sessions held"),
            solutions: t("Løsninger", "Solutions"),
            solution: t("Løsning", "Solution"),
            group: t("Gruppe", "Group"),
            status: t("Status", "Status"),
            owner: t("Eier", "Owner"),
            next_step: t("Neste steg", "Next step"),
            next_steps: t("Neste steg for hver løsning", "Each solution's next step"),
            estimates: t(
                "Gruppenes anslag for hver løsning",
                "The groups' estimates for each solution",
            ),
            figures: t("Nøkkeltall", "Key figures"),
            effect: t("Samlet effekt etter mål", "Total effect by measure"),
            effect_intro: t(
                "Summen av gruppenes anslag for løsningene, mål for mål. Bare mål med samme id og samme enhet legges sammen på tvers av sprinter; andre mål står ved siden av.",
                "The sum of the groups' estimates for the solutions, measure by measure. Only measures with the same id and the same unit are added up across sprints; any other stands beside them.",
            ),
            total: t("Sum", "Total"),
            not_measured: t("Måles ikke i", "Not measured in"),
            in_use: t(
                "Løsninger i bruk og oppfølgingen av dem",
                "Solutions in use and their follow-up",
            ),
            no_in_use: t(
                "Ingen løsninger er registrert som i bruk ennå.",
                "No solution is recorded as in use yet.",
            ),
            no_solutions: t(
                "Sprinten har ikke registrert løsninger.",
                "The sprint has registered no solutions.",
            ),
            no_measures: t(
                "Sprinten har ingen mål for løsningenes effekt.",
                "The sprint has no measures of the solutions' effect.",
            ),
            back: t("Tilbake til porteføljen", "Back to the portfolio"),
            generated: t("Laget med samskap", "Made with samskap"),
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

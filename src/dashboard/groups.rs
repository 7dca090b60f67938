//! Each group's progress and the sprint's key figures, counted from the
//! status and the records.

use serde::Serialize;

use crate::i18n::msg;
use crate::records::Records;
use crate::records::solutions::{Solution, Status as SolutionStatus};
use crate::sprint::Workspace;
use crate::sprint::status::{State, Status};
use crate::workbook::Lang;

/// One group's row of the progress table.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GroupRow {
    /// The group's name.
    pub name: String,
    /// "4 / 6": its own sessions done of all.
    pub held: String,
    /// Interview notes logged, with how many have consent to the interview
    /// and to quotes: "5 (4 med samtykke, 3 til sitater)".
    pub interviews: String,
    /// Solutions by status: "1 idé, 1 testet", or a dash.
    pub solutions: String,
    /// Its agenda.
    pub agenda: String,
    /// Its interview guide.
    pub guide: String,
}

/// The key figures in words.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct KeyFigures {
    /// "18 av 18 samlinger holdt".
    pub sessions: String,
    /// "12 intervjuer, 10 med samtykke til sitater".
    pub interviews: String,
    /// "6 løsninger: 1 idé, 2 prototyper …".
    pub solutions: String,
    /// "4 evalueringsnotater".
    pub evaluations: String,
}

const STATUSES: [SolutionStatus; 4] = [
    SolutionStatus::Idea,
    SolutionStatus::Prototype,
    SolutionStatus::Tested,
    SolutionStatus::InUse,
];

/// How many solutions there are of each status, leaving out those with
/// none: "1 idé, 2 prototyper"; a dash for no solutions.
fn by_status(solutions: &[&Solution], lang: Lang) -> String {
    let counts: Vec<String> = STATUSES
        .iter()
        .filter_map(|&st| {
            let n = solutions.iter().filter(|s| s.status == st).count();
            (n > 0).then(|| count_of(st, n, lang))
        })
        .collect();
    if counts.is_empty() {
        "–".into()
    } else {
        counts.join(", ")
    }
}

/// "2 prototypar": a number of solutions of one status, in `lang`.
fn count_of(status: SolutionStatus, n: usize, lang: Lang) -> String {
    use crate::i18n::msg;
    match status {
        SolutionStatus::Idea => msg::count_idea(lang, n),
        SolutionStatus::Prototype => msg::count_prototype(lang, n),
        SolutionStatus::Tested => msg::count_tested(lang, n),
        SolutionStatus::InUse => msg::count_in_use(lang, n),
    }
}

/// A row per group of the sprint, in its order.
pub fn rows(ws: &Workspace, status: &Status, records: &Records, lang: Lang) -> Vec<GroupRow> {
    ws.sprint
        .groups
        .iter()
        .map(|g| {
            let own: Vec<_> = status
                .sessions
                .iter()
                .filter(|s| s.session.group.as_deref() == Some(g.id.as_str()))
                .collect();
            let done = own.iter().filter(|s| s.state == State::Done).count();
            let notes: Vec<_> = records
                .interviews
                .iter()
                .filter(|i| i.group == g.id)
                .collect();
            let own_solutions: Vec<_> = records
                .solutions
                .iter()
                .filter(|s| s.group == g.id)
                .collect();
            let solutions = by_status(&own_solutions, lang);
            GroupRow {
                name: g.name.clone(),
                held: format!("{done} / {}", own.len()),
                interviews: msg::dashboard_interviews(
                    lang,
                    notes.len(),
                    notes.iter().filter(|i| i.consent.counts()).count(),
                    notes.iter().filter(|i| i.consent.allows_quotes()).count(),
                ),
                solutions,
                agenda: super::pages::group_page(&g.id),
                guide: super::pages::guide_page(&g.id),
            }
        })
        .collect()
}

/// The sprint's key figures.
pub fn key_figures(status: &Status, records: &Records, lang: Lang) -> KeyFigures {
    let c = status.counts;
    let sessions = if c.overdue > 0 {
        crate::i18n::msg::dashboard_figure_sessions_overdue(
            lang,
            c.done,
            status.sessions.len(),
            c.overdue,
        )
    } else {
        crate::i18n::msg::dashboard_figure_sessions(lang, c.done, status.sessions.len())
    };
    let pending = records
        .interviews
        .iter()
        .filter(|i| !i.pending.is_empty())
        .count();
    let interviews = msg::dashboard_interview_figures(
        lang,
        records.interviews.len(),
        records.counted().count(),
        records.quotable().count(),
        if pending > 0 {
            msg::dashboard_pending(lang, pending)
        } else {
            String::new()
        },
    );
    let all: Vec<&Solution> = records.solutions.iter().collect();
    let solutions = msg::dashboard_solutions(lang, records.solutions.len(), by_status(&all, lang));
    let evaluations = msg::dashboard_evaluations(lang, records.evaluations.len());
    KeyFigures {
        sessions,
        interviews,
        solutions,
        evaluations,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_count_of_solutions_agrees_with_its_number() {
        let all = |lang, n| {
            STATUSES
                .iter()
                .map(|&st| count_of(st, n, lang))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            all(Lang::Nn, 1),
            ["1 idé", "1 prototype", "1 testa", "1 i bruk"]
        );
        assert_eq!(
            all(Lang::Nn, 2),
            ["2 idear", "2 prototypar", "2 testa", "2 i bruk"]
        );
        assert_eq!(
            all(Lang::Nb, 2),
            ["2 idéer", "2 prototyper", "2 testet", "2 i bruk"]
        );
        assert_eq!(
            all(Lang::En, 2),
            ["2 ideas", "2 prototypes", "2 tested", "2 in use"]
        );
        assert_eq!(all(Lang::En, 1)[0], "1 idea");
    }
}

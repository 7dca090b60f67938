//! The final report for leaders: what was done, what was learned, the
//! solutions and the time they free, the model assessment and the way
//! forward. Built from the sprint and its records; only quotes from
//! interviews with consent given are used, and raw notes never are.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use crate::plan::long_date;
use crate::records::{Consent, Records, Status};
use crate::render::context::Labels;
use crate::sprint::{Progress, Workspace};
use crate::workbook::Lang;

/// Quotes shown per theme at most.
const QUOTES_PER_THEME: usize = 3;
/// Themes shown at most.
const THEMES: usize = 10;

/// The report's context.
#[derive(Debug, Serialize)]
pub struct ReportDoc {
    /// The language.
    pub lang: Lang,
    /// Words around the data.
    pub t: ReportLabels,
    /// Shared labels.
    pub l: Labels,
    /// The heading.
    pub title: String,
    /// The sprint's name.
    pub sprint: String,
    /// Whether the sprint is still under way.
    pub interim: bool,
    /// The date of the report, in words.
    pub date: String,
    /// The challenge.
    pub challenge: String,
    /// The target group.
    pub target_group: String,
    /// Key figures.
    pub facts: Facts,
    /// The steps with their dates.
    pub steps: Vec<StepRow>,
    /// Insights by theme.
    pub themes: Vec<Theme>,
    /// Solutions by group.
    pub groups: Vec<GroupSolutions>,
    /// Total hours freed per month.
    pub total: HoursRow,
    /// The system challenges and the solutions addressing them.
    pub challenges: Vec<ChallengeRow>,
    /// The model assessment, if any leader has scored it.
    pub assessment: Option<AssessmentSection>,
    /// The evaluation.
    pub evaluation: EvaluationSection,
    /// Recommendations and next steps.
    pub recommendations: Vec<String>,
}

/// Key figures.
#[derive(Debug, Serialize)]
pub struct Facts {
    /// Sessions held.
    pub sessions_done: usize,
    /// Sessions planned.
    pub sessions_total: usize,
    /// Interviews with residents.
    pub interviews: usize,
    /// Of those, with consent given.
    pub interviews_consenting: usize,
    /// Families interviewed (distinct pseudonyms per group).
    pub residents: usize,
    /// Employees in the work groups.
    pub employees: usize,
    /// Work groups.
    pub groups: usize,
    /// Evaluation notes.
    pub evaluations: usize,
}

/// A step in the "what was done" table.
#[derive(Debug, Serialize)]
pub struct StepRow {
    /// The planned date, and the date held where it differs.
    pub date: String,
    /// The planned date (or first to last, for a step held in each group).
    pub planned: String,
    /// The date held, only where it differs from the planned one.
    pub held: Option<String>,
    /// The phase.
    pub phase: String,
    /// The step.
    pub title: String,
    /// Done, or a word for what it is.
    pub state: String,
}

/// A theme from the interviews' tags.
#[derive(Debug, Serialize)]
pub struct Theme {
    /// The tag.
    pub tag: String,
    /// Interviews with it.
    pub count: usize,
    /// Quotes from consenting interviews with it.
    pub quotes: Vec<QuoteRow>,
}

/// A quote with whose group it came from (never the pseudonym).
#[derive(Debug, Serialize, Clone)]
pub struct QuoteRow {
    /// The quote.
    pub text: String,
    /// Where it comes from, such as "intervju, Gruppe 1".
    pub source: String,
}

/// A group's solutions.
#[derive(Debug, Serialize)]
pub struct GroupSolutions {
    /// The group's name.
    pub name: String,
    /// Its sub-challenge.
    pub sub_challenge: String,
    /// The solutions.
    pub solutions: Vec<SolutionRow>,
    /// Sum of hours.
    pub total: HoursRow,
}

/// A solution in the report.
#[derive(Debug, Serialize)]
pub struct SolutionRow {
    /// Its name.
    pub title: String,
    /// What it is.
    pub description: String,
    /// Status in words.
    pub status: String,
    /// The system challenges' titles.
    pub challenges: String,
    /// Hours per month for each family, formatted.
    pub families: String,
    /// Hours per month for staff, formatted.
    pub staff: String,
    /// Owner.
    pub owner: String,
    /// Next step.
    pub next_step: String,
}

/// Hours per month, formatted, with the raw numbers for charts.
#[derive(Debug, Serialize, Default, Clone)]
pub struct HoursRow {
    /// For families, formatted.
    pub families: String,
    /// For staff, formatted.
    pub staff: String,
    /// For families.
    #[serde(skip)]
    pub families_value: f64,
    /// For staff.
    #[serde(skip)]
    pub staff_value: f64,
}

/// A system challenge and the solutions that address it.
#[derive(Debug, Serialize)]
pub struct ChallengeRow {
    /// Its title.
    pub title: String,
    /// Its description.
    pub description: String,
    /// The solutions' titles.
    pub solutions: Vec<String>,
}

/// The model assessment.
#[derive(Debug, Serialize)]
pub struct AssessmentSection {
    /// How many leaders scored.
    pub leaders: usize,
    /// One row per prerequisite.
    pub rows: Vec<PrerequisiteScore>,
    /// The marker replaced by the chart in HTML.
    pub chart: &'static str,
    /// Leaders' comments.
    pub comments: Vec<String>,
}

/// A prerequisite's scores.
#[derive(Debug, Serialize, Clone)]
pub struct PrerequisiteScore {
    /// The prerequisite.
    pub title: String,
    /// The average, formatted.
    pub average: String,
    /// The lowest score given.
    pub min: u8,
    /// The highest score given.
    pub max: u8,
    /// The average as a number.
    #[serde(skip)]
    pub value: f64,
}

/// The evaluation.
#[derive(Debug, Serialize)]
pub struct EvaluationSection {
    /// Notes.
    pub count: usize,
    /// Tags with counts.
    pub themes: Vec<TagCount>,
    /// Quotes from consenting participants.
    pub quotes: Vec<QuoteRow>,
}

/// A tag and how many notes have it.
#[derive(Debug, Serialize)]
pub struct TagCount {
    /// The tag.
    pub tag: String,
    /// Notes with it.
    pub count: usize,
}

/// The words of the report.
#[derive(Debug, Serialize)]
pub struct ReportLabels {
    pub about: &'static str,
    pub done: &'static str,
    pub key_figures: &'static str,
    pub sessions: &'static str,
    pub interviews: &'static str,
    pub with_consent: &'static str,
    pub residents: &'static str,
    pub employees: &'static str,
    pub groups: &'static str,
    pub insights: &'static str,
    pub insights_intro: &'static str,
    pub theme: &'static str,
    pub count: &'static str,
    pub solutions: &'static str,
    pub solution: &'static str,
    pub status: &'static str,
    pub challenges: &'static str,
    pub families_per_month: &'static str,
    pub staff_per_month: &'static str,
    pub total: &'static str,
    pub total_all: &'static str,
    pub owner: &'static str,
    pub next_step: &'static str,
    pub time_freed: &'static str,
    pub time_intro: &'static str,
    pub system_challenges: &'static str,
    pub addressed_by: &'static str,
    pub none_yet: &'static str,
    pub model: &'static str,
    pub model_intro: &'static str,
    pub prerequisite: &'static str,
    pub average: &'static str,
    pub range: &'static str,
    pub no_assessment: &'static str,
    pub evaluation: &'static str,
    pub evaluation_intro: &'static str,
    pub recommendations: &'static str,
    pub date_col: &'static str,
    pub phase: &'static str,
    pub step: &'static str,
    pub interim_note: &'static str,
    pub privacy_note: &'static str,
    pub no_solutions: &'static str,
    pub leaders: &'static str,
    pub notes_count: &'static str,
}

impl ReportLabels {
    fn new(lang: Lang) -> Self {
        ReportLabels {
            about: crate::i18n::msg::report_challenge_and_target_group(lang),
            done: crate::i18n::msg::report_what_was_done(lang),
            key_figures: crate::i18n::msg::report_key_figures(lang),
            sessions: crate::i18n::msg::report_sessions_held(lang),
            interviews: crate::i18n::msg::report_interviews_with_families(lang),
            with_consent: crate::i18n::msg::report_with_consent_to_quote(lang),
            residents: crate::i18n::msg::report_families_involved(lang),
            employees: crate::i18n::msg::report_employees_in_the_work_groups(lang),
            groups: crate::i18n::msg::report_work_groups(lang),
            insights: crate::i18n::msg::report_insights_by_theme(lang),
            insights_intro: crate::i18n::msg::report_the_themes_are_the_tags(lang),
            theme: crate::i18n::msg::report_theme(lang),
            count: crate::i18n::msg::report_interviews(lang),
            solutions: crate::i18n::msg::report_solutions(lang),
            solution: crate::i18n::msg::report_solution(lang),
            status: crate::i18n::msg::report_status(lang),
            challenges: crate::i18n::msg::report_system_challenges(lang),
            families_per_month: crate::i18n::msg::report_hours_per_month_per_family(lang),
            staff_per_month: crate::i18n::msg::report_hours_per_month_staff(lang),
            total: crate::i18n::msg::report_total(lang),
            total_all: crate::i18n::msg::report_sum_of_all_estimates(lang),
            owner: crate::i18n::msg::report_owner(lang),
            next_step: crate::i18n::msg::report_next_step(lang),
            time_freed: crate::i18n::msg::report_time_freed(lang),
            time_intro: crate::i18n::msg::report_the_figures_are_the_groups(lang),
            system_challenges: crate::i18n::msg::report_the_four_system_challenges(lang),
            addressed_by: crate::i18n::msg::report_solutions_addressing_it(lang),
            none_yet: crate::i18n::msg::report_none_yet(lang),
            model: crate::i18n::msg::report_assessment_of_the_co_creation(lang),
            model_intro: crate::i18n::msg::report_the_leaders_scored_the_statements(lang),
            prerequisite: crate::i18n::msg::report_prerequisite(lang),
            average: crate::i18n::msg::report_average(lang),
            range: crate::i18n::msg::report_lowest_highest(lang),
            no_assessment: crate::i18n::msg::report_no_leader_has_assessed_the(lang),
            evaluation: crate::i18n::msg::report_evaluation(lang),
            evaluation_intro: crate::i18n::msg::report_evaluation_interviews_with_participants_from(
                lang,
            ),
            recommendations: crate::i18n::msg::report_recommendations_and_next_steps(lang),
            date_col: crate::i18n::msg::report_date(lang),
            phase: crate::i18n::msg::report_phase(lang),
            step: crate::i18n::msg::report_step(lang),
            interim_note: crate::i18n::msg::report_this_is_an_interim_report(lang),
            privacy_note: crate::i18n::msg::report_the_report_builds_on_interview(lang),
            no_solutions: crate::i18n::msg::report_the_group_has_registered_no(lang),
            leaders: crate::i18n::msg::report_leaders(lang),
            notes_count: crate::i18n::msg::report_notes(lang),
        }
    }
}

/// The marker standing where the HTML report shows its chart.
pub const CHART_MARKER: &str = "SAMSKAP-CHART-MODEL-ASSESSMENT";

/// Hours in the document's language: "4,5" in Norwegian, "4.5" in English.
pub fn hours(value: f64, lang: Lang) -> String {
    // Rounded to a tenth first, so 1.96 is "2" like any whole number, not
    // "2.0"; a little more than nothing is not shown as nothing.
    let tenths = (value * 10.0).round() / 10.0;
    let text = if tenths == 0.0 && value > 0.0 {
        "< 0.1".to_owned()
    } else if (tenths - tenths.round()).abs() < 1e-9 {
        format!("{tenths:.0}")
    } else {
        format!("{tenths:.1}")
    };
    match lang {
        Lang::Nb | Lang::Nn => text.replace('.', ","),
        Lang::En => text,
    }
}

fn hours_row(families: f64, staff: f64, lang: Lang) -> HoursRow {
    HoursRow {
        families: hours(families, lang),
        staff: hours(staff, lang),
        families_value: families,
        staff_value: staff,
    }
}

/// A solution's status in words.
pub fn status_name(status: Status, lang: Lang) -> &'static str {
    match status {
        Status::Idea => crate::i18n::msg::report_idea(lang),
        Status::Prototype => crate::i18n::msg::report_prototype(lang),
        Status::Tested => crate::i18n::msg::report_tested(lang),
        Status::InUse => crate::i18n::msg::report_in_use(lang),
    }
}

/// Builds the report.
pub fn report(
    ws: &Workspace,
    records: &Records,
    progress: &Progress,
    today: NaiveDate,
    interim: bool,
    lang: Lang,
) -> ReportDoc {
    let sessions = ws.sessions();
    let done = sessions
        .iter()
        .filter(|s| progress.find(&s.step, s.group.as_deref()).is_some())
        .count();
    let group_name = |id: &str| {
        ws.sprint
            .group(id)
            .map_or_else(|| id.to_owned(), |g| g.name.clone())
    };
    let mut families: Vec<(String, String)> = records
        .interviews
        .iter()
        .map(|i| (i.group.clone(), i.pseudonym.to_lowercase()))
        .collect();
    families.sort();
    families.dedup();
    let mut employees: Vec<&String> = ws.sprint.groups.iter().flat_map(|g| &g.members).collect();
    employees.sort();
    employees.dedup();
    let facts = Facts {
        sessions_done: done,
        sessions_total: sessions.len(),
        interviews: records.interviews.len(),
        interviews_consenting: records
            .interviews
            .iter()
            .filter(|i| i.consent == Consent::Given)
            .count(),
        residents: families.len(),
        employees: employees.len(),
        groups: ws.sprint.groups.len(),
        evaluations: records.evaluations.len(),
    };
    ReportDoc {
        lang,
        t: ReportLabels::new(lang),
        l: Labels::new(lang),
        title: if interim {
            format!(
                "{}: {}",
                crate::i18n::msg::report_interim_report(lang),
                ws.sprint.name
            )
        } else {
            format!(
                "{}: {}",
                crate::i18n::msg::report_final_report(lang),
                ws.sprint.name
            )
        },
        sprint: ws.sprint.name.clone(),
        interim,
        date: long_date(today, lang),
        challenge: ws.sprint.challenge.clone(),
        target_group: ws.sprint.target_group.clone(),
        facts,
        steps: step_rows(ws, progress, interim, lang),
        themes: themes(records, &group_name, lang),
        groups: group_solutions(ws, records, lang),
        total: {
            let (f, s) = records.solutions.iter().fold((0.0, 0.0), |(f, s), x| {
                (f + x.hours.families, s + x.hours.staff)
            });
            hours_row(f, s, lang)
        },
        challenges: challenge_rows(ws, records, lang),
        assessment: assessment(ws, records, lang),
        evaluation: evaluation(records, &group_name, lang),
        recommendations: recommendations(ws, records, lang),
    }
}

fn step_rows(ws: &Workspace, progress: &Progress, interim: bool, lang: Lang) -> Vec<StepRow> {
    // One pass over the sessions, grouped by step in order of first session.
    let mut by_step: Vec<(String, Vec<crate::plan::Session>)> = Vec::new();
    let mut index: BTreeMap<String, usize> = BTreeMap::new();
    for session in ws.sessions() {
        let i = *index.entry(session.step.clone()).or_insert_with(|| {
            by_step.push((session.step.clone(), Vec::new()));
            by_step.len() - 1
        });
        by_step[i].1.push(session);
    }
    let mut rows: Vec<StepRow> = Vec::new();
    for (id, all) in by_step {
        let Some((phase, step)) = ws.workbook.step(&id) else {
            continue;
        };
        let done: Vec<(NaiveDate, NaiveDate)> = all
            .iter()
            .filter_map(|s| {
                progress
                    .find(&s.step, s.group.as_deref())
                    .map(|d| (s.date, d.date))
            })
            .collect();
        let state = if done.len() == all.len() {
            crate::i18n::msg::report_held(lang).to_owned()
        } else if done.is_empty() {
            crate::i18n::msg::report_not_held(lang).to_owned()
        } else {
            format!(
                "{} {}/{} {}",
                crate::i18n::msg::report_held_in(lang),
                done.len(),
                all.len(),
                crate::i18n::msg::report_groups(lang)
            )
        };
        if interim && done.is_empty() {
            continue;
        }
        let planned = span(all.iter().map(|s| s.date));
        // The day held is shown only where a session was held on another.
        let held = done
            .iter()
            .any(|(planned, held)| planned != held)
            .then(|| span(done.iter().map(|(_, held)| *held)));
        let date = match &held {
            Some(held) => format!(
                "{planned} ({} {held})",
                crate::i18n::msg::report_held_2(lang)
            ),
            None => planned.clone(),
        };
        rows.push(StepRow {
            date,
            planned,
            held,
            phase: phase.title.get(lang).to_owned(),
            title: step.title.get(lang).to_owned(),
            state,
        });
    }
    rows
}

/// The first to the last of `dates` as dd.mm.yyyy, or the one day.
fn span(dates: impl Iterator<Item = NaiveDate>) -> String {
    let (mut first, mut last) = (None::<NaiveDate>, None::<NaiveDate>);
    for d in dates {
        first = Some(first.map_or(d, |f| f.min(d)));
        last = Some(last.map_or(d, |l| l.max(d)));
    }
    let day = |d: NaiveDate| d.format("%d.%m.%Y").to_string();
    match (first, last) {
        (Some(f), Some(l)) if f != l => format!("{}–{}", day(f), day(l)),
        (Some(f), _) => day(f),
        _ => String::new(),
    }
}

fn themes(records: &Records, group_name: &dyn Fn(&str) -> String, lang: Lang) -> Vec<Theme> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for interview in &records.interviews {
        for tag in &interview.tags {
            *counts.entry(tag.as_str()).or_default() += 1;
        }
    }
    let mut ranked: Vec<(&str, usize)> = counts.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let source = |group: &str| {
        format!(
            "{}, {}",
            crate::i18n::msg::report_interview(lang),
            group_name(group)
        )
    };
    ranked
        .into_iter()
        .take(THEMES)
        .map(|(tag, count)| Theme {
            tag: tag.to_owned(),
            count,
            quotes: spread_quotes(records, tag, &source),
        })
        .collect()
}

/// Up to [`QUOTES_PER_THEME`] quotes for `tag` from consenting interviews:
/// one per interview, taking each group in turn, so that one group's voice
/// does not fill the theme.
fn spread_quotes(records: &Records, tag: &str, source: &dyn Fn(&str) -> String) -> Vec<QuoteRow> {
    let mut by_group: Vec<(&str, Vec<&crate::records::Quote>)> = Vec::new();
    for i in records
        .interviews
        .iter()
        .filter(|i| i.consent == Consent::Given && i.tags.iter().any(|t| t == tag))
    {
        let Some(quote) = i.quotes.first() else {
            continue;
        };
        match by_group.iter_mut().find(|(g, _)| *g == i.group) {
            Some((_, quotes)) => quotes.push(quote),
            None => by_group.push((&i.group, vec![quote])),
        }
    }
    let mut out = Vec::new();
    for round in 0.. {
        let mut any = false;
        for (group, quotes) in &by_group {
            if let Some(q) = quotes.get(round) {
                any = true;
                if out.len() < QUOTES_PER_THEME {
                    out.push(QuoteRow {
                        text: q.text.clone(),
                        source: source(group),
                    });
                }
            }
        }
        if !any || out.len() >= QUOTES_PER_THEME {
            break;
        }
    }
    out
}

fn group_solutions(ws: &Workspace, records: &Records, lang: Lang) -> Vec<GroupSolutions> {
    let challenge_title = |id: &str| {
        ws.workbook
            .knowledge
            .as_ref()
            .and_then(|k| k.challenges.iter().find(|c| c.id.as_str() == id))
            .map_or_else(|| id.to_owned(), |c| c.title.get(lang).to_owned())
    };
    ws.sprint
        .groups
        .iter()
        .map(|g| {
            let mine: Vec<_> = records
                .solutions
                .iter()
                .filter(|s| s.group == g.id)
                .collect();
            let (f, s) = mine.iter().fold((0.0, 0.0), |(f, s), x| {
                (f + x.hours.families, s + x.hours.staff)
            });
            GroupSolutions {
                name: g.name.clone(),
                sub_challenge: g.sub_challenge.clone(),
                solutions: mine
                    .iter()
                    .map(|s| SolutionRow {
                        title: s.title.clone(),
                        description: s.description.clone(),
                        status: status_name(s.status, lang).to_owned(),
                        challenges: s
                            .challenges
                            .iter()
                            .map(|c| challenge_title(c))
                            .collect::<Vec<_>>()
                            .join(", "),
                        families: hours(s.hours.families, lang),
                        staff: hours(s.hours.staff, lang),
                        owner: s.owner.clone(),
                        next_step: s.next_step.clone(),
                    })
                    .collect(),
                total: hours_row(f, s, lang),
            }
        })
        .collect()
}

fn challenge_rows(ws: &Workspace, records: &Records, lang: Lang) -> Vec<ChallengeRow> {
    let Some(k) = ws.workbook.knowledge.as_ref() else {
        return Vec::new();
    };
    k.challenges
        .iter()
        .map(|c| ChallengeRow {
            title: c.title.get(lang).to_owned(),
            description: c.description.get(lang).to_owned(),
            solutions: records
                .solutions
                .iter()
                .filter(|s| s.challenges.iter().any(|x| x == c.id.as_str()))
                .map(|s| s.title.clone())
                .collect(),
        })
        .collect()
}

/// The average score of each prerequisite over every leader's statements.
pub fn prerequisite_scores(
    ws: &Workspace,
    records: &Records,
    lang: Lang,
) -> Vec<PrerequisiteScore> {
    let Some(model) = ws.workbook.model.as_ref() else {
        return Vec::new();
    };
    model
        .prerequisites
        .iter()
        .filter_map(|p| {
            let scores: Vec<u8> = records
                .assessments
                .iter()
                .flat_map(|a| {
                    p.statements
                        .iter()
                        .filter_map(|s| a.scores.get(s.id.as_str()).copied())
                })
                .collect();
            let (min, max) = (scores.iter().min().copied()?, scores.iter().max().copied()?);
            let value = scores.iter().map(|&s| f64::from(s)).sum::<f64>() / scores.len() as f64;
            let average = match lang {
                Lang::Nb | Lang::Nn => format!("{value:.1}").replace('.', ","),
                Lang::En => format!("{value:.1}"),
            };
            Some(PrerequisiteScore {
                title: p.title.get(lang).to_owned(),
                average,
                min,
                max,
                value,
            })
        })
        .collect()
}

fn assessment(ws: &Workspace, records: &Records, lang: Lang) -> Option<AssessmentSection> {
    let rows = prerequisite_scores(ws, records, lang);
    (!rows.is_empty()).then(|| AssessmentSection {
        leaders: records.assessments.len(),
        rows,
        chart: CHART_MARKER,
        comments: records
            .assessments
            .iter()
            .filter_map(|a| {
                a.comment
                    .as_ref()
                    .map(|c| format!("{} ({})", c.trim(), a.leader))
            })
            .collect(),
    })
}

fn evaluation(
    records: &Records,
    group_name: &dyn Fn(&str) -> String,
    lang: Lang,
) -> EvaluationSection {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for e in &records.evaluations {
        for tag in &e.tags {
            *counts.entry(tag.as_str()).or_default() += 1;
        }
    }
    let mut themes: Vec<TagCount> = counts
        .into_iter()
        .map(|(tag, count)| TagCount {
            tag: tag.to_owned(),
            count,
        })
        .collect();
    themes.sort_by(|a, b| b.count.cmp(&a.count).then(a.tag.cmp(&b.tag)));
    let quotes = records
        .evaluations
        .iter()
        .filter(|e| e.consent == Consent::Given)
        .flat_map(|e| {
            let source = match &e.group {
                Some(g) => format!(
                    "{}, {}",
                    crate::i18n::msg::report_participant(lang),
                    group_name(g)
                ),
                None => crate::i18n::msg::report_participant(lang).to_owned(),
            };
            e.quotes.iter().take(1).map(move |q| QuoteRow {
                text: q.text.clone(),
                source: source.clone(),
            })
        })
        .take(6)
        .collect();
    EvaluationSection {
        count: records.evaluations.len(),
        themes,
        quotes,
    }
}

fn recommendations(ws: &Workspace, records: &Records, lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    let ready: Vec<&crate::records::Solution> = records
        .solutions
        .iter()
        .filter(|s| s.status >= Status::Tested)
        .collect();
    for s in &ready {
        let owner = if s.owner.is_empty() {
            crate::i18n::msg::report_owner_to_be_agreed(lang).to_owned()
        } else {
            s.owner.clone()
        };
        out.push(format!(
            "{} «{}» ({}; {}).{}",
            crate::i18n::msg::report_put_in_place(lang),
            s.title,
            status_name(s.status, lang),
            owner,
            if s.next_step.is_empty() {
                String::new()
            } else {
                format!(
                    " {}: {}",
                    crate::i18n::msg::report_next_step(lang),
                    s.next_step.trim()
                )
            }
        ));
    }
    let developing = records
        .solutions
        .iter()
        .filter(|s| s.status < Status::Tested)
        .count();
    if developing > 0 {
        out.push(format!(
            "{} {developing} {}",
            crate::i18n::msg::report_develop_and_test_further_the(lang),
            crate::i18n::msg::report_solutions_that_are_ideas_or(lang)
        ));
    }
    let mut scores = prerequisite_scores(ws, records, lang);
    scores.sort_by(|a, b| a.value.total_cmp(&b.value));
    let weakest: Vec<String> = scores
        .iter()
        .take(2)
        .map(|s| format!("«{}» ({})", s.title, s.average))
        .collect();
    if !weakest.is_empty() {
        out.push(format!(
            "{} {}.",
            crate::i18n::msg::report_strengthen_the_prerequisites_with_the(lang),
            weakest.join(crate::i18n::msg::report_and(lang))
        ));
    }
    out.push(crate::i18n::msg::report_let_the_leadership_group_review(lang).to_owned());
    out.push(crate::i18n::msg::report_share_the_insights_widely_in(lang).to_owned());
    out.push(crate::i18n::msg::report_take_the_findings_and_recommendations(lang).to_owned());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_are_written_in_the_document_language() {
        assert_eq!(hours(4.5, Lang::Nb), "4,5");
        assert_eq!(hours(4.5, Lang::En), "4.5");
        assert_eq!(hours(12.0, Lang::Nb), "12");
        assert_eq!(hours(1.96, Lang::Nb), "2");
        assert_eq!(hours(1.94, Lang::Nb), "1,9");
        assert_eq!(hours(0.04, Lang::Nb), "< 0,1");
        assert_eq!(hours(0.0, Lang::Nb), "0");
    }
}

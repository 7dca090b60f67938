//! The workbook as text for the terminal: the tree of `workbook list` and the
//! full view of `workbook show`. Both are Markdown-flavoured plain text, so
//! they read well on screen and paste well into documents.

use std::fmt::Write;

use chrono::{NaiveTime, TimeDelta};

use super::{Item, Method, Phase, Runs, Step, StepKind, Text, Workbook};
use crate::workbook::Lang;

/// The kind of a step in words.
pub fn kind_name(kind: StepKind, lang: Lang) -> &'static str {
    match kind {
        StepKind::Workshop => crate::i18n::msg::describe_workshop(lang),
        StepKind::Interview => crate::i18n::msg::report_interview(lang),
        StepKind::Analysis => crate::i18n::msg::describe_analysis(lang),
        StepKind::Meeting => crate::i18n::msg::describe_meeting(lang),
        StepKind::Evaluation => crate::i18n::msg::describe_evaluation(lang),
        StepKind::Presentation => crate::i18n::msg::describe_presentation(lang),
        StepKind::Testing => crate::i18n::msg::describe_testing(lang),
        StepKind::Build => crate::i18n::msg::describe_build(lang),
        StepKind::Prototype => crate::i18n::msg::describe_prototype(lang),
        StepKind::Test => crate::i18n::msg::describe_test(lang),
    }
}

/// Whether a step is for all or per group, in words.
pub fn runs_name(runs: Runs, lang: Lang) -> &'static str {
    match runs {
        Runs::Once => crate::i18n::msg::describe_everyone_together(lang),
        Runs::PerGroup => crate::i18n::msg::describe_each_group(lang),
    }
}

/// The tree of phases, weeks and steps.
pub fn tree(wb: &Workbook, lang: Lang) -> String {
    let mut out = format!("{}\n", wb.title.get(lang));
    let width = wb
        .steps()
        .map(|(_, s)| s.id.as_str().len())
        .max()
        .unwrap_or(0);
    for (pi, phase) in wb.phases.iter().enumerate() {
        let last_phase = pi + 1 == wb.phases.len();
        let (branch, stem) = if last_phase {
            ("└─", "   ")
        } else {
            ("├─", "│  ")
        };
        let weeks = if phase.sprint {
            crate::i18n::msg::describe_sprint_weeks(lang, *phase.weeks)
        } else {
            crate::i18n::msg::describe_phase_weeks(lang, *phase.weeks)
        };
        let _ = writeln!(
            out,
            "{branch} {} ({weeks})  [{}]",
            phase.title.get(lang),
            phase.id
        );
        let mut weeks_used: Vec<u8> = phase.steps.iter().map(|s| *s.week).collect();
        weeks_used.dedup();
        for (wi, week) in weeks_used.iter().enumerate() {
            let last_week = wi + 1 == weeks_used.len();
            let (wbranch, wstem) = if last_week {
                ("└─", "   ")
            } else {
                ("├─", "│  ")
            };
            let _ = writeln!(
                out,
                "{stem}{wbranch} {} {week}",
                crate::i18n::msg::describe_week(lang)
            );
            let steps: Vec<&Step> = phase.steps.iter().filter(|s| *s.week == *week).collect();
            for (si, step) in steps.iter().enumerate() {
                let sbranch = if si + 1 == steps.len() {
                    "└─"
                } else {
                    "├─"
                };
                let _ = writeln!(
                    out,
                    "{stem}{wstem}{sbranch} {:width$}  {} · {} · {} min",
                    step.id.as_str(),
                    step.title.get(lang),
                    runs_name(step.runs, lang),
                    *step.minutes,
                );
            }
        }
    }
    let _ = write!(
        out,
        "\n{} {} · {} {}\n{}\n",
        wb.methods.len(),
        crate::i18n::msg::describe_methods(lang),
        wb.questions.as_ref().map_or(0, |q| q.topics.len()),
        crate::i18n::msg::describe_question_topics(lang),
        crate::i18n::msg::describe_show_a_step_or_method(lang),
    );
    out
}

fn list(out: &mut String, heading: &str, items: &[Text], lang: Lang, numbered: bool) {
    if items.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n## {heading}\n");
    for (i, item) in items.iter().enumerate() {
        if numbered {
            let _ = writeln!(out, "{}. {}", i + 1, item.get(lang));
        } else {
            let _ = writeln!(out, "- {}", item.get(lang));
        }
    }
}

/// A step in full: purpose, participants, the agenda with running times,
/// preparation, materials, outputs and checklist.
/// With `start`, blocks show clock times; without, minutes from the start.
pub fn step(
    wb: &Workbook,
    phase: &Phase,
    step: &Step,
    lang: Lang,
    start: Option<NaiveTime>,
) -> String {
    let mut out = format!("# {}\n\n", step.title.get(lang));
    let week = crate::i18n::msg::status_week(lang);
    let _ = writeln!(
        out,
        "`{}` · {}, {week} {} · {} · {} · {} min\n",
        step.id,
        phase.title.get(lang),
        *step.week,
        kind_name(step.kind, lang),
        runs_name(step.runs, lang),
        *step.minutes
    );
    let _ = writeln!(
        out,
        "**{}:** {}\n",
        crate::i18n::msg::context_purpose(lang),
        step.purpose.get(lang)
    );
    let roles: Vec<&str> = step
        .roles
        .iter()
        .map(|r| {
            wb.role(r)
                .map_or(r.value.as_str(), |role| role.title.get(lang))
        })
        .collect();
    let _ = writeln!(
        out,
        "**{}:** {}",
        crate::i18n::msg::context_participants(lang),
        roles.join(", ")
    );
    let _ = writeln!(out, "\n## {}\n", crate::i18n::msg::context_agenda(lang));
    let mut offset = 0u32;
    for block in &step.agenda {
        let end = offset + u32::from(*block.minutes);
        let method = block
            .method
            .as_ref()
            .and_then(|m| wb.method(m))
            .map(|m| {
                format!(
                    " · {}: {} (`{}`)",
                    crate::i18n::msg::describe_method(lang),
                    m.title.get(lang),
                    m.id
                )
            })
            .unwrap_or_default();
        let optional = if block.optional {
            format!(" ({})", crate::i18n::msg::context_optional(lang))
        } else {
            String::new()
        };
        if *block.minutes == 0 {
            let _ = writeln!(out, "- **{}**{optional}{method}", block.title.get(lang));
        } else {
            let _ = writeln!(
                out,
                "- {}–{} **{}** ({} min){optional}{method}",
                clock(start, offset),
                clock(start, end),
                block.title.get(lang),
                *block.minutes
            );
        }
        if let Some(notes) = &block.notes {
            let _ = writeln!(out, "  {}", notes.get(lang));
        }
        offset = end;
    }
    list(
        &mut out,
        crate::i18n::msg::context_preparation(lang),
        &step.preparation,
        lang,
        false,
    );
    list(
        &mut out,
        crate::i18n::msg::context_materials(lang),
        &step.materials,
        lang,
        false,
    );
    list(
        &mut out,
        crate::i18n::msg::context_outputs(lang),
        &step.outputs,
        lang,
        false,
    );
    list(
        &mut out,
        crate::i18n::msg::context_checklist(lang),
        &step.checklist,
        lang,
        false,
    );
    if !step.topics.is_empty() {
        let _ = writeln!(
            out,
            "\n## {}\n",
            crate::i18n::msg::describe_topics_heading(lang)
        );
        for id in &step.topics {
            let title = wb.topic(id).map_or("", |t| t.title.get(lang));
            let _ = writeln!(out, "- {title} (`{}`)", id.value);
        }
    }
    out
}

/// `minutes` after `start` as HH:MM, or after the session's start as H:MM.
fn clock(start: Option<NaiveTime>, minutes: u32) -> String {
    match start {
        Some(start) => (start + TimeDelta::minutes(i64::from(minutes)))
            .format("%H:%M")
            .to_string(),
        None => format!("{}:{:02}", minutes / 60, minutes % 60),
    }
}

/// A method in full.
pub fn method(m: &Method, lang: Lang) -> String {
    let mut out = format!("# {}\n\n", m.title.get(lang));
    let people = crate::i18n::msg::describe_people(lang);
    let size = m
        .group_size
        .as_ref()
        .map(|g| format!(" · {}–{} {people}", *g.min, *g.max))
        .unwrap_or_default();
    let _ = writeln!(out, "`{}` · {} min{size}\n", m.id, *m.minutes);
    let _ = writeln!(
        out,
        "**{}:** {}",
        crate::i18n::msg::context_purpose(lang),
        m.purpose.get(lang)
    );
    list(
        &mut out,
        crate::i18n::msg::context_materials(lang),
        &m.materials,
        lang,
        false,
    );
    list(
        &mut out,
        crate::i18n::msg::describe_how_to_do_it(lang),
        &m.steps,
        lang,
        true,
    );
    list(
        &mut out,
        crate::i18n::msg::describe_tips(lang),
        &m.tips,
        lang,
        false,
    );
    out
}

/// Any item with an id, in full.
pub fn item(wb: &Workbook, item: Item<'_>, lang: Lang) -> String {
    match item {
        Item::Step(phase, s) => step(wb, phase, s, lang, None),
        Item::Method(m) => method(m, lang),
        Item::Role(r) => format!(
            "# {}\n\n`{}`\n\n{}\n",
            r.title.get(lang),
            r.id,
            r.description.get(lang)
        ),
        Item::Phase(p) => {
            let mut out = format!(
                "# {}\n\n`{}` · {}\n\n{}\n\n",
                p.title.get(lang),
                p.id,
                crate::i18n::msg::describe_weeks(lang, *p.weeks),
                p.purpose.get(lang)
            );
            for s in &p.steps {
                let _ = writeln!(
                    out,
                    "- {} {}: {} (`{}`)",
                    crate::i18n::msg::describe_week(lang),
                    *s.week,
                    s.title.get(lang),
                    s.id
                );
            }
            out
        }
        Item::Topic(t) => {
            let mut out = format!(
                "# {}\n\n`{}`\n\n{}\n\n",
                t.title.get(lang),
                t.id,
                t.purpose.get(lang)
            );
            for (i, q) in t.questions.iter().enumerate() {
                let _ = writeln!(out, "{}. {}", i + 1, q.text.get(lang));
                for f in &q.follow_ups {
                    let _ = writeln!(out, "   - {}", f.get(lang));
                }
            }
            out
        }
        Item::Prerequisite(p) => {
            let mut out = format!(
                "# {}\n\n`{}`\n\n{}\n\n",
                p.title.get(lang),
                p.id,
                p.description.get(lang)
            );
            for s in &p.statements {
                let _ = writeln!(out, "- {} (`{}`)", s.text.get(lang), s.id);
            }
            out
        }
        Item::Statement(p, s) => format!(
            "{}\n\n`{}` · {}\n",
            s.text.get(lang),
            s.id,
            p.title.get(lang)
        ),
        Item::Challenge(c) => {
            let mut out = format!(
                "# {}\n\n`{}`\n\n{}\n",
                c.title.get(lang),
                c.id,
                c.description.get(lang)
            );
            list(
                &mut out,
                crate::i18n::msg::describe_findings(lang),
                &c.findings,
                lang,
                false,
            );
            out
        }
    }
}

#[cfg(test)]
mod tests {
    use super::clock;
    use chrono::NaiveTime;

    #[test]
    fn clock_times() {
        assert_eq!(clock(None, 0), "0:00");
        assert_eq!(clock(None, 95), "1:35");
        let nine = NaiveTime::from_hms_opt(9, 0, 0);
        assert_eq!(clock(nine, 95), "10:35");
    }
}

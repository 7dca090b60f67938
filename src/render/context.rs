//! One typed context per document, built from the workbook, the sprint and
//! the schedule. Templates see exactly these fields and nothing else.

use chrono::{NaiveTime, TimeDelta};
use serde::Serialize;

use crate::i18n::msg;
use crate::plan::{Session, long_date};
use crate::sprint::Workspace;
use crate::workbook::{Lang, Question, RoleMembers, Runs, Step, Text};

/// The words templates print around the data, in the document's language.
#[derive(Debug, Serialize)]
pub struct Labels {
    pub agenda: &'static str,
    pub agenda_for_week: &'static str,
    pub purpose: &'static str,
    pub when: &'static str,
    pub place: &'static str,
    pub participants: &'static str,
    pub time: &'static str,
    pub activity: &'static str,
    pub method: &'static str,
    pub method_materials: &'static str,
    pub minutes: &'static str,
    pub facilitator_notes: &'static str,
    pub preparation: &'static str,
    pub materials: &'static str,
    pub outputs: &'static str,
    pub checklist: &'static str,
    pub warning: &'static str,
    pub interview_guide: &'static str,
    pub group: &'static str,
    pub sub_challenge: &'static str,
    pub challenge: &'static str,
    pub target_group: &'static str,
    pub consent: &'static str,
    pub rights: &'static str,
    pub warm_up: &'static str,
    pub closing: &'static str,
    pub follow_ups: &'static str,
    pub notes: &'static str,
    pub interview_facts: &'static str,
    pub pseudonym: &'static str,
    pub date: &'static str,
    pub interviewers: &'static str,
    pub consent_interview: String,
    pub consent_quotes: String,
    pub contact: String,
    pub not_written: &'static str,
    pub time_plan: &'static str,
    pub part: &'static str,
    pub minutes_long: &'static str,
    pub total: &'static str,
    pub optional: &'static str,
}

impl Labels {
    /// The labels in `lang`.
    pub fn new(lang: Lang) -> Labels {
        Labels {
            agenda: crate::i18n::msg::context_agenda(lang),
            agenda_for_week: crate::i18n::msg::context_agenda_for_week(lang),
            purpose: crate::i18n::msg::context_purpose(lang),
            when: crate::i18n::msg::context_when(lang),
            place: crate::i18n::msg::context_place(lang),
            participants: crate::i18n::msg::context_participants(lang),
            time: crate::i18n::msg::context_time(lang),
            activity: crate::i18n::msg::context_activity(lang),
            method: crate::i18n::msg::context_method(lang),
            method_materials: crate::i18n::msg::context_needs(lang),
            minutes: crate::i18n::msg::context_min(lang),
            facilitator_notes: crate::i18n::msg::context_for_the_facilitator(lang),
            preparation: crate::i18n::msg::context_preparation(lang),
            materials: crate::i18n::msg::context_materials(lang),
            outputs: crate::i18n::msg::context_outputs(lang),
            checklist: crate::i18n::msg::context_checklist(lang),
            warning: crate::i18n::msg::context_warning(lang),
            interview_guide: crate::i18n::msg::context_interview_guide(lang),
            group: crate::i18n::msg::context_group(lang),
            sub_challenge: crate::i18n::msg::context_sub_challenge(lang),
            challenge: crate::i18n::msg::context_challenge(lang),
            target_group: crate::i18n::msg::context_target_group(lang),
            consent: crate::i18n::msg::context_consent_read_aloud_before_the(lang),
            rights: crate::i18n::msg::context_your_rights(lang),
            warm_up: crate::i18n::msg::context_warm_up(lang),
            closing: crate::i18n::msg::context_closing(lang),
            follow_ups: crate::i18n::msg::context_follow_up(lang),
            notes: crate::i18n::msg::context_notes(lang),
            interview_facts: crate::i18n::msg::context_about_the_interview(lang),
            pseudonym: crate::i18n::msg::context_pseudonym_never_a_real_name(lang),
            date: crate::i18n::msg::report_date(lang),
            interviewers: crate::i18n::msg::context_interviewers(lang),
            consent_interview: msg::guide_consent_interview(lang).to_string(),
            consent_quotes: msg::guide_consent_quotes(lang).to_string(),
            contact: msg::guide_contact_label(lang).to_string(),
            not_written: crate::i18n::msg::context_not_written_yet(lang),
            time_plan: crate::i18n::msg::context_time_plan(lang),
            part: crate::i18n::msg::context_part(lang),
            minutes_long: crate::i18n::msg::context_minutes_heading(lang),
            total: crate::i18n::msg::report_total(lang),
            optional: crate::i18n::msg::context_optional(lang),
        }
    }
}

/// An agenda: one session, or every session of a week.
#[derive(Debug, Serialize)]
pub struct AgendaDoc {
    /// The document's language code.
    pub lang: Lang,
    /// The labels.
    pub t: Labels,
    /// The heading.
    pub title: String,
    /// The sprint's name.
    pub sprint: String,
    /// Whether this is the participants' version (no facilitator notes).
    pub participant: bool,
    /// The sessions, in order.
    pub sessions: Vec<AgendaSession>,
}

/// One session of an agenda.
#[derive(Debug, Serialize)]
pub struct AgendaSession {
    /// The step's title (with the group's name for group sessions).
    pub title: String,
    /// The step's id.
    pub step: String,
    /// The date in words.
    pub date: String,
    /// Start, HH:MM.
    pub start: String,
    /// End, HH:MM.
    pub end: String,
    /// Why the date is not the usual one, if it was moved.
    pub moved: Option<String>,
    /// Where.
    pub place: Option<String>,
    /// Who takes part.
    pub participants: Vec<String>,
    /// Why the session is held.
    pub purpose: String,
    /// The timed blocks.
    pub blocks: Vec<AgendaBlock>,
    /// A warning when the blocks run past the session's end.
    pub overrun: Option<String>,
    /// What to do before.
    pub preparation: Vec<String>,
    /// What must be in the room.
    pub materials: Vec<String>,
    /// What the session produces.
    pub outputs: Vec<String>,
    /// What must be true afterwards.
    pub checklist: Vec<String>,
    /// Whether the group runs the session on its own (no facilitator takes
    /// part): its notes, preparation and checklist are the group's, and
    /// stay in the participants' version.
    pub self_run: bool,
    /// The heading of the blocks' notes: to the facilitator, or to the
    /// group when it runs the session alone.
    pub notes_label: String,
}

/// One block of a session.
#[derive(Debug, Serialize)]
pub struct AgendaBlock {
    /// Start, HH:MM.
    pub start: String,
    /// End, HH:MM.
    pub end: String,
    /// Length in minutes.
    pub minutes: u16,
    /// Whether it has a clock time (untimed blocks have none).
    pub timed: bool,
    /// Whether the block may be left out.
    pub optional: bool,
    /// What happens.
    pub title: String,
    /// The method's name, if one is used.
    pub method: Option<String>,
    /// The method's purpose, at the method's first block in the session.
    pub method_summary: Option<String>,
    /// What the method needs, at its first block in the session.
    pub method_materials: Vec<String>,
    /// Notes for the facilitator (left out of the participants' version).
    pub notes: Option<String>,
}

fn texts(items: &[Text], lang: Lang) -> Vec<String> {
    items.iter().map(|t| t.get(lang).to_owned()).collect()
}

fn clock(time: NaiveTime) -> String {
    time.format("%H:%M").to_string()
}

/// Builds the agenda of `sessions`.
pub fn agenda(
    ws: &Workspace,
    sessions: &[Session],
    title: String,
    participant: bool,
    lang: Lang,
) -> AgendaDoc {
    // The groups' sessions of one step on one day share their agenda: it is
    // shown once, with every group among the participants. One group's own
    // agenda comes from choosing that group.
    let mut merged: Vec<Vec<(&Session, Option<&crate::sprint::Group>)>> = Vec::new();
    for s in sessions {
        let group = s.group.as_deref().and_then(|g| ws.sprint.group(g));
        match merged.last_mut().map(|m| (m[0].0, m)) {
            Some((first, same))
                if first.step == s.step
                    && first.date == s.date
                    && first.start == s.start
                    && group.is_some() =>
            {
                same.push((s, group));
            }
            _ => merged.push(vec![(s, group)]),
        }
    }
    let sessions = merged
        .into_iter()
        .filter_map(|same| {
            let (_, step) = ws.workbook.step(&same[0].0.step)?;
            Some(agenda_session(ws, &same, step, participant, lang))
        })
        .collect();
    AgendaDoc {
        lang,
        t: Labels::new(lang),
        title,
        sprint: ws.sprint.name.clone(),
        participant,
        sessions,
    }
}

fn agenda_session(
    ws: &Workspace,
    same: &[(&Session, Option<&crate::sprint::Group>)],
    step: &Step,
    participant: bool,
    lang: Lang,
) -> AgendaSession {
    let session = same[0].0;
    let groups: Vec<&crate::sprint::Group> = same.iter().filter_map(|(_, g)| *g).collect();
    let groups = groups.as_slice();
    let self_run = self_run(ws, step);
    // A group running the session alone reads the notes itself.
    let notes_shown = !participant || self_run;
    let mut at = session.start;
    let mut blocks = Vec::new();
    let mut described: Vec<&str> = Vec::new();
    for block in &step.agenda {
        let end = at + TimeDelta::minutes(i64::from(*block.minutes));
        let method = block.method.as_ref().and_then(|m| ws.workbook.method(m));
        // A method is described at its first block only; later blocks name it.
        let first_use = method.filter(|m| !described.contains(&m.id.as_str()));
        if let Some(m) = first_use {
            described.push(m.id.as_str());
        }
        let timed = *block.minutes > 0;
        blocks.push(AgendaBlock {
            start: if timed { clock(at) } else { String::new() },
            end: if timed { clock(end) } else { String::new() },
            timed,
            optional: block.optional,
            minutes: *block.minutes,
            title: block.title.get(lang).to_owned(),
            method: method.map(|m| m.title.get(lang).to_owned()),
            method_summary: first_use.map(|m| m.purpose.get(lang).to_owned()),
            method_materials: first_use
                .map(|m| texts(&m.materials, lang))
                .unwrap_or_default(),
            notes: notes_shown
                .then(|| block.notes.as_ref().map(|n| n.get(lang).to_owned()))
                .flatten(),
        });
        at = end;
    }
    let planned: i64 = step.agenda.iter().map(|b| i64::from(*b.minutes)).sum();
    let overrun = (at > session.end).then(|| {
        crate::i18n::msg::context_agenda_overrun(
            lang,
            planned,
            *step.minutes,
            clock(session.start),
            clock(session.end),
        )
    });
    let title = match groups {
        [] => step.title.get(lang).to_owned(),
        [g] => format!("{} – {}", step.title.get(lang), g.name),
        _ => crate::i18n::msg::context_title_groups_apart(lang, step.title.get(lang), groups.len()),
    };
    AgendaSession {
        title,
        step: step.id.to_string(),
        date: match session.appointment.filter(|a| !a.booked) {
            // Not booked yet: the window, with the plan's reservation as a proposal.
            Some(window) => crate::i18n::msg::agenda_to_be_booked(
                lang,
                long_date(window.from, lang),
                long_date(window.by, lang),
                long_date(session.date, lang),
            ),
            None => long_date(session.date, lang),
        },
        start: clock(session.start),
        end: clock(session.end),
        moved: session.moved.as_ref().map(|m| {
            crate::i18n::msg::context_moved_from(lang, long_date(m.from, lang), m.why(lang))
        }),
        place: Some(by_group(same, |s| s.place.as_deref()).join("; ")).filter(|p| !p.is_empty()),
        participants: participants(
            ws,
            step,
            groups,
            by_group(same, |s| s.facilitator.as_deref()),
            lang,
        ),
        purpose: step.purpose.get(lang).to_owned(),
        blocks,
        overrun,
        preparation: texts(&step.preparation, lang),
        materials: texts(&step.materials, lang),
        outputs: texts(&step.outputs, lang),
        checklist: texts(&step.checklist, lang),
        self_run,
        notes_label: if self_run {
            msg::agenda_notes_for_group(lang).to_string()
        } else {
            msg::agenda_notes_for_facilitator(lang).to_string()
        },
    }
}

/// What the groups' sessions shown as one have of `field` (their place, their
/// facilitator): the one value when they share it, else each group's with
/// its name, so that no group is sent to another group's room or person.
fn by_group<'a>(
    same: &[(&'a Session, Option<&crate::sprint::Group>)],
    field: impl Fn(&'a Session) -> Option<&'a str>,
) -> Vec<String> {
    let first = field(same[0].0);
    if same.iter().all(|(s, _)| field(s) == first) {
        return first.map(str::to_owned).into_iter().collect();
    }
    same.iter()
        .filter_map(|(s, g)| {
            let value = field(s)?;
            Some(g.map_or_else(|| value.to_owned(), |g| format!("{value} ({})", g.name)))
        })
        .collect()
}

/// Whether a step's sessions are run by the groups alone: none of its
/// roles is filled by the sprint's facilitators.
fn self_run(ws: &Workspace, step: &Step) -> bool {
    !step.roles.iter().any(|r| {
        ws.workbook
            .role(r)
            .is_some_and(|role| role.members == Some(RoleMembers::Facilitators))
    })
}

/// The roles taking part, with names where the sprint knows them.
fn participants(
    ws: &Workspace,
    step: &Step,
    groups: &[&crate::sprint::Group],
    booked: Vec<String>,
    lang: Lang,
) -> Vec<String> {
    step.roles
        .iter()
        .map(|r| {
            let role = ws.workbook.role(r);
            let title = role.map_or(r.value.as_str(), |role| role.title.get(lang));
            // The facilitators the plan booked, else all of them.
            let facilitators = || {
                if booked.is_empty() {
                    ws.sprint.facilitators.clone()
                } else {
                    booked.clone()
                }
            };
            let names = match role.and_then(|role| role.members) {
                _ if role.is_some_and(|role| role.facilitator) => facilitators(),
                Some(RoleMembers::WorkGroups) => match (groups, step.runs) {
                    ([g], _) => g.members.clone(),
                    ([], Runs::Once) => ws.sprint.groups.iter().map(|g| g.name.clone()).collect(),
                    ([], Runs::PerGroup) => Vec::new(),
                    (many, _) => many
                        .iter()
                        .map(|g| {
                            if g.members.is_empty() {
                                g.name.clone()
                            } else {
                                format!("{} ({})", g.name, g.members.join(", "))
                            }
                        })
                        .collect(),
                },
                Some(RoleMembers::SteeringGroup) => ws.sprint.steering_group.clone(),
                Some(RoleMembers::Facilitators) => facilitators(),
                Some(RoleMembers::ProjectLead) => ws.sprint.project_lead.iter().cloned().collect(),
                None => Vec::new(),
            };
            if names.is_empty() {
                title.to_owned()
            } else {
                format!("{title}: {}", names.join(", "))
            }
        })
        .collect()
}

/// The guide's purpose: the sprint's or workbook's sentence (else one that
/// names the target group as written), then the group's sub-challenge.
fn guide_purpose(ws: &Workspace, group: &crate::sprint::Group, lang: Lang) -> String {
    let purpose = ws.interview_purpose(lang).unwrap_or_else(|| {
        crate::i18n::msg::context_guide_purpose(lang, ws.sprint.target_group.trim())
    });
    match group.sub_challenge.trim() {
        "" => purpose,
        sub => crate::i18n::msg::context_guide_purpose_sub(lang, purpose.trim(), sub),
    }
}

/// The consent text with `{contact}` made the sprint's contact, or "us"
/// when it names none.
fn consent_text(ws: &Workspace, text: &str, lang: Lang) -> String {
    if !text.contains("{contact}") {
        return text.to_owned();
    }
    let contact = ws.sprint.contact.as_ref().map_or_else(
        || msg::guide_contact_none(lang).to_string(),
        |c| msg::guide_contact_in_text(lang, &c.name, &c.phone),
    );
    text.replace("{contact}", &contact)
}

/// An interview guide for one group.
#[derive(Debug, Serialize)]
pub struct GuideDoc {
    /// The document's language code.
    pub lang: Lang,
    /// The labels.
    pub t: Labels,
    /// The heading.
    pub title: String,
    /// The sprint's name.
    pub sprint: String,
    /// The group's name.
    pub group: String,
    /// The group's sub-challenge, if written.
    pub sub_challenge: Option<String>,
    /// The sprint's challenge.
    pub challenge: String,
    /// The target group.
    pub target_group: String,
    /// What the interview is for.
    pub purpose: String,
    /// The consent text, read aloud, with the contact put in.
    pub consent: String,
    /// Whom to contact to withdraw consent, with the phone number; none
    /// when the sprint names no one (the guide leaves a line to fill in).
    pub contact: Option<String>,
    /// The interviewee's rights.
    pub rights: Vec<String>,
    /// Opening questions.
    pub warm_up: Vec<GuideQuestion>,
    /// The topics with their questions.
    pub topics: Vec<GuideTopic>,
    /// Closing questions.
    pub closing: Vec<GuideQuestion>,
    /// The time plan: each part with its minutes.
    pub timing: Vec<GuidePart>,
    /// The minutes the plan takes, never more than the interview's.
    pub planned_minutes: u16,
    /// The interview's minutes.
    pub minutes: u16,
}

/// A part of the interview with its minutes.
#[derive(Debug, Serialize)]
pub struct GuidePart {
    /// What is done.
    pub title: String,
    /// How long it takes.
    pub minutes: u16,
}

/// What an interview guide is sized to, when the user chose.
#[derive(Debug, Default)]
pub struct GuideChoice {
    /// Topic ids (empty: the group's in samskap.yaml, else the workbook's).
    pub topics: Vec<String>,
    /// The interview's minutes (else the workbook's).
    pub minutes: Option<u16>,
}

/// A topic of an interview guide.
#[derive(Debug, Serialize)]
pub struct GuideTopic {
    /// The topic.
    pub title: String,
    /// What the interviewer wants to understand.
    pub purpose: String,
    /// The questions.
    pub questions: Vec<GuideQuestion>,
}

/// A question with follow-ups.
#[derive(Debug, Serialize)]
pub struct GuideQuestion {
    /// The question.
    pub text: String,
    /// Follow-up prompts.
    pub follow_ups: Vec<String>,
}

fn questions(qs: &[Question], lang: Lang) -> Vec<GuideQuestion> {
    qs.iter()
        .map(|q| GuideQuestion {
            text: q.text.get(lang).to_owned(),
            follow_ups: texts(&q.follow_ups, lang),
        })
        .collect()
}

/// Builds the interview guide of `group`, sized to the interview: the
/// topics chosen (by the user, else the group in samskap.yaml, else the
/// workbook's recommended number of the sprint's interview step's topics),
/// and of each as many questions as fit the minutes.
pub fn interview_guide(
    ws: &Workspace,
    group: &crate::sprint::Group,
    lang: Lang,
    choice: &GuideChoice,
) -> crate::error::Result<GuideDoc> {
    let bank = ws.workbook.questions.as_ref().ok_or_else(|| {
        crate::error::Error::usage(
            crate::i18n::msg::no_question_bank(crate::i18n::ui()),
            crate::i18n::msg::no_question_bank_hint(crate::i18n::ui()),
        )
    })?;
    let chosen = if choice.topics.is_empty() {
        &group.topics
    } else {
        &choice.topics
    };
    let plan = super::sizing::plan(
        bank,
        &ws.workbook.interview_topics(),
        Some(chosen),
        choice.minutes,
    )?;
    let topics = plan
        .topics
        .iter()
        .map(|(t, n)| GuideTopic {
            title: t.title.get(lang).to_owned(),
            purpose: t.purpose.get(lang).to_owned(),
            questions: questions(&t.questions[..*n], lang),
        })
        .collect();
    let timing = plan.timing;
    let main = plan.main_questions as u16 * timing.per_question;
    let parts = vec![
        GuidePart {
            title: crate::i18n::msg::context_consent_and_warm_up(lang).to_owned(),
            minutes: timing.opening,
        },
        GuidePart {
            title: crate::i18n::msg::context_guide_size(
                lang,
                plan.main_questions,
                plan.topics.len(),
            ),
            minutes: main,
        },
        GuidePart {
            title: crate::i18n::msg::context_closing(lang).to_owned(),
            minutes: timing.closing,
        },
    ];
    let planned_minutes = parts.iter().map(|p| p.minutes).sum();
    let sub = group.sub_challenge.trim();
    let purpose = guide_purpose(ws, group, lang);
    Ok(GuideDoc {
        lang,
        t: Labels::new(lang),
        title: format!(
            "{} – {}",
            crate::i18n::msg::context_interview_guide(lang),
            group.name
        ),
        sprint: ws.sprint.name.clone(),
        group: group.name.clone(),
        sub_challenge: (!sub.is_empty()).then(|| sub.to_owned()),
        challenge: ws.sprint.challenge.clone(),
        target_group: ws.sprint.target_group.clone(),
        purpose,
        consent: consent_text(ws, bank.consent.get(lang), lang),
        contact: ws
            .sprint
            .contact
            .as_ref()
            .map(|c| msg::guide_contact(lang, &c.name, &c.phone)),
        rights: texts(&bank.rights, lang),
        warm_up: questions(&bank.warm_up, lang),
        topics,
        closing: questions(&bank.closing, lang),
        timing: parts,
        planned_minutes,
        minutes: plan.minutes,
    })
}

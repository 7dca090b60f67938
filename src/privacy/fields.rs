//! Every text a user writes that a document may show, kept as one list
//! ([`FIELDS`]) and one walk over them ([`visit`]), so that redaction, the
//! gate's sources and the tests cannot forget one. The walk takes every
//! struct apart field by field: a field added to a type without a word
//! here does not compile.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::{Detector, Finding};
use crate::error::Result;
use crate::records::{Assessment, Evaluation, Interview, Quote, Records, Solution};
use crate::render::guard::Source;
use crate::sprint::{Group, Sprint, Workspace};

/// A text field people write.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    /// samskap.yaml `name`.
    SprintName,
    /// samskap.yaml `challenge`.
    Challenge,
    /// samskap.yaml `target_group`.
    TargetGroup,
    /// samskap.yaml `place`.
    Place,
    /// samskap.yaml `facilitators`.
    Facilitators,
    /// samskap.yaml `steering_group`.
    SteeringGroup,
    /// samskap.yaml `breaks[].name`.
    BreakName,
    /// samskap.yaml `groups[].name`.
    GroupName,
    /// samskap.yaml `groups[].sub_challenge`.
    SubChallenge,
    /// samskap.yaml `groups[].members`.
    Members,
    /// An interview note's `pseudonym`.
    Pseudonym,
    /// An interview note's `interviewers`.
    Interviewers,
    /// An interview note's tags (front matter and `#tags`).
    InterviewTags,
    /// An interview note's quotes (its body).
    InterviewQuote,
    /// An evaluation note's `participant`.
    Participant,
    /// An evaluation note's tags.
    EvaluationTags,
    /// An evaluation note's quotes.
    EvaluationQuote,
    /// A solution's `title`.
    SolutionTitle,
    /// A solution's `description`.
    SolutionDescription,
    /// A solution's `sub_challenge`.
    SolutionSubChallenge,
    /// A solution's `owner`.
    SolutionOwner,
    /// A solution's `next_step`.
    SolutionNextStep,
    /// An assessment's `leader`.
    Leader,
    /// An assessment's `comment`.
    AssessmentComment,
    /// samskap.yaml `people`, `measures` and `interview_purpose`.
    SprintTerms,
    /// samskap.yaml `project_lead`.
    ProjectLead,
    /// samskap.yaml `contact` (its name; its phone is the one number let through).
    Contact,
    /// Any text of a custom workbook. Not replaced at its source: the gate
    /// refuses a document that shows one, even with --redact.
    WorkbookText,
}

/// Every field, once.
pub const FIELDS: [Field; 28] = [
    Field::SprintName,
    Field::Challenge,
    Field::TargetGroup,
    Field::Place,
    Field::Facilitators,
    Field::SteeringGroup,
    Field::BreakName,
    Field::GroupName,
    Field::SubChallenge,
    Field::Members,
    Field::Pseudonym,
    Field::Interviewers,
    Field::InterviewTags,
    Field::InterviewQuote,
    Field::Participant,
    Field::EvaluationTags,
    Field::EvaluationQuote,
    Field::SolutionTitle,
    Field::SolutionDescription,
    Field::SolutionSubChallenge,
    Field::SolutionOwner,
    Field::SolutionNextStep,
    Field::Leader,
    Field::AssessmentComment,
    Field::SprintTerms,
    Field::ProjectLead,
    Field::Contact,
    Field::WorkbookText,
];

/// One text to look at: which field, the file it is written in, and
/// whether it belongs to the note of an interviewee who did not consent (never
/// exported, so its own pseudonym is no finding there).
pub type Visit<'a> = dyn FnMut(Field, &mut String, &Origin<'_>) + 'a;

/// Where a field is written.
pub struct Origin<'a> {
    /// The file, as messages name it.
    pub file: &'a str,
    /// Whether it is the note of an interviewee who did not consent.
    pub own: bool,
}

/// Calls `f` on every text of the sprint's settings and records.
pub fn visit(sprint: &mut Sprint, records: &mut Records, f: &mut Visit<'_>) {
    visit_sprint(sprint, crate::sprint::SPRINT_FILE, f);
    let Records {
        interviews,
        solutions,
        assessments,
        evaluations,
        files: _,
    } = records;
    interviews.iter_mut().for_each(|i| visit_interview(i, f));
    evaluations.iter_mut().for_each(|e| visit_evaluation(e, f));
    solutions.iter_mut().for_each(|s| visit_solution(s, f));
    assessments.iter_mut().for_each(|a| visit_assessment(a, f));
}

fn visit_sprint(sprint: &mut Sprint, file: &str, f: &mut Visit<'_>) {
    let at = Origin { file, own: false };
    let Sprint {
        name,
        id: _,
        lang: _,
        workbook: _,
        challenge,
        target_group,
        start: _,
        weekday: _,
        time: _,
        hours: _,
        lunch: _,
        time_at: _,
        breaks,
        place,
        facilitators,
        steering_group,
        project_lead,
        contact,
        groups,
        terms,
    } = sprint;
    visit_terms(terms, f, &at);
    f(Field::SprintName, name, &at);
    f(Field::Challenge, challenge, &at);
    f(Field::TargetGroup, target_group, &at);
    if let Some(place) = place {
        f(Field::Place, place, &at);
    }
    each(Field::Facilitators, facilitators, &at, f);
    each(Field::SteeringGroup, steering_group, &at, f);
    for b in breaks {
        f(Field::BreakName, &mut b.name, &at);
    }
    if let Some(lead) = project_lead {
        f(Field::ProjectLead, lead, &at);
    }
    if let Some(crate::sprint::people::Contact { name, phone }) = contact {
        f(Field::Contact, name, &at);
        f(Field::Contact, phone, &at);
    }
    for group in groups {
        let Group {
            id: _,
            name,
            sub_challenge,
            members,
            weekday: _,
            time: _,
            place,
            topics: _,
        } = group;
        if let Some(place) = place {
            f(Field::Place, place, &at);
        }
        f(Field::GroupName, name, &at);
        f(Field::SubChallenge, sub_challenge, &at);
        each(Field::Members, members, &at, f);
    }
}

fn visit_terms(terms: &mut crate::sprint::terms::SprintTerms, f: &mut Visit<'_>, at: &Origin<'_>) {
    let crate::sprint::terms::SprintTerms {
        people,
        measures,
        interview_purpose,
        sections: _,
        lang_loc: _,
    } = terms;
    if let Some(crate::sprint::terms::PeopleFile {
        singular,
        plural,
        the_singular,
        the_plural,
        a_singular,
    }) = people
    {
        f(Field::SprintTerms, singular, at);
        f(Field::SprintTerms, plural, at);
        let forms = [the_singular, the_plural, a_singular];
        for form in forms.into_iter().flatten() {
            f(Field::SprintTerms, form, at);
        }
    }
    for m in measures.iter_mut().flatten() {
        let crate::sprint::terms::MeasureDef {
            id: _,
            label,
            unit,
            unit_one,
            question,
            max: _,
        } = m;
        f(Field::SprintTerms, label, at);
        f(Field::SprintTerms, unit, at);
        f(Field::SprintTerms, unit_one, at);
        f(Field::SprintTerms, question, at);
    }
    if let Some(purpose) = interview_purpose {
        f(Field::SprintTerms, purpose, at);
    }
}

fn visit_interview(interview: &mut Interview, f: &mut Visit<'_>) {
    let Interview {
        path,
        group: _,
        pseudonym,
        date: _,
        interviewers,
        consent,
        pending: _,
        // Warnings on the terminal, never in a document.
        unknown_tags: _,
        tags,
        quotes,
    } = interview;
    let file = path.display().to_string();
    let at = Origin {
        file: &file,
        own: consent.withheld(),
    };
    f(Field::Pseudonym, pseudonym, &at);
    each(Field::Interviewers, interviewers, &at, f);
    each(Field::InterviewTags, tags, &at, f);
    visit_quotes(Field::InterviewQuote, quotes, &at, f);
}

fn visit_evaluation(evaluation: &mut Evaluation, f: &mut Visit<'_>) {
    let Evaluation {
        path,
        participant,
        group: _,
        date: _,
        consent,
        pending: _,
        unknown_tags: _,
        tags,
        quotes,
    } = evaluation;
    let file = path.display().to_string();
    let at = Origin {
        file: &file,
        own: consent.withheld(),
    };
    f(Field::Participant, participant, &at);
    each(Field::EvaluationTags, tags, &at, f);
    visit_quotes(Field::EvaluationQuote, quotes, &at, f);
}

fn visit_quotes(field: Field, quotes: &mut [Quote], at: &Origin<'_>, f: &mut Visit<'_>) {
    for quote in quotes {
        let Quote {
            text,
            path: _,
            line: _,
            // Some of the note's tags, visited with them.
            tags: _,
        } = quote;
        f(field, text, at);
    }
}

fn visit_solution(solution: &mut Solution, f: &mut Visit<'_>) {
    let Solution {
        group: _,
        id: _,
        title,
        description,
        sub_challenge,
        challenges: _,
        status: _,
        measures: _,
        owner,
        next_step,
        place,
    } = solution;
    // `place` is `file:line:col` of the solution's id.
    let file = place.split(':').next().unwrap_or_default().to_owned();
    let at = Origin {
        file: &file,
        own: false,
    };
    f(Field::SolutionTitle, title, &at);
    f(Field::SolutionDescription, description, &at);
    f(Field::SolutionSubChallenge, sub_challenge, &at);
    f(Field::SolutionOwner, owner, &at);
    f(Field::SolutionNextStep, next_step, &at);
}

fn visit_assessment(assessment: &mut Assessment, f: &mut Visit<'_>) {
    let Assessment {
        leader,
        date: _,
        scores: _,
        comment,
    } = assessment;
    let at = Origin {
        file: crate::records::ASSESSMENT_FILE,
        own: false,
    };
    f(Field::Leader, leader, &at);
    if let Some(comment) = comment {
        f(Field::AssessmentComment, comment, &at);
    }
}

fn each(field: Field, texts: &mut [String], at: &Origin<'_>, f: &mut Visit<'_>) {
    for text in texts {
        f(field, text, at);
    }
}

/// Replaces the personal data in every field with its marker, before
/// anything is rendered: then every place that shows a value (a title, a
/// chart, the calendar) shows the marker.
/// The values hold tokens until the document is finished (see
/// [`super::unmark`]).
pub fn redact(sprint: &mut Sprint, records: &mut Records, detector: &Detector) {
    visit(sprint, records, &mut |field, text, at| {
        let found = scan_field(detector, field, text, at.own);
        if !found.is_empty() {
            *text = super::redact_to_tokens(text, &found);
        }
    });
}

/// The longest text one field may hold, in characters (about five pages):
/// a longer one is a mistake (a file pasted into a name), and would be
/// copied into every page of a site.
pub const MAX_FIELD_CHARS: usize = 20_000;

/// A problem for every field longer than [`MAX_FIELD_CHARS`].
pub fn too_long(sprint: &mut Sprint, records: &mut Records) -> Vec<crate::diagnostic::Diagnostic> {
    let mut found = Vec::new();
    visit(sprint, records, &mut |field, text, at| {
        // Bytes first: most texts are far shorter, and counting is linear.
        if text.len() > MAX_FIELD_CHARS && text.chars().count() > MAX_FIELD_CHARS {
            found.push(
                crate::diagnostic::Diagnostic::file(
                    at.file.to_owned(),
                    crate::i18n::msg::field_too_long(
                        crate::i18n::ui(),
                        field.key(),
                        text.chars().count(),
                        MAX_FIELD_CHARS,
                    ),
                )
                .with_hint(crate::i18n::msg::field_too_long_hint(crate::i18n::ui())),
            );
        }
    });
    found
}

/// The detector for documents of `ws`: the names of private/names.txt and
/// the pseudonyms of families who declined or withdrew.
pub fn detector(ws: &Workspace, records: &Records) -> Result<Detector> {
    let names = crate::records::private_names(ws)?;
    let pseudonyms: Vec<String> = records.withheld().map(|i| i.pseudonym.clone()).collect();
    Ok(Detector::new(&names, &pseudonyms).allowing(ws.sprint.contact.as_ref()))
}

/// Every file the text of a document of `ws` may come from: samskap.yaml,
/// every record, the workspace's templates and a custom workbook's files.
pub fn sources(ws: &Workspace, records: &Records) -> Vec<Source> {
    let withheld: HashSet<&Path> = records.withheld().map(|i| i.path.as_path()).collect();
    sources_of(ws, &records.files, &withheld)
}

/// [`sources`] when the records could not be read: every record file,
/// none known to be withheld.
pub fn sources_unread(ws: &Workspace) -> Vec<Source> {
    sources_of(ws, &crate::records::files(ws), &HashSet::new())
}

fn sources_of(ws: &Workspace, files: &[PathBuf], withheld: &HashSet<&Path>) -> Vec<Source> {
    let mut sources = vec![Source {
        path: ws.path(crate::sprint::SPRINT_FILE),
        withheld: false,
    }];
    sources.extend(files.iter().map(|path| Source {
        withheld: withheld.contains(path.as_path()),
        path: path.clone(),
    }));
    let mut others = Vec::new();
    files_in(&ws.path("templates"), &["md", "html"], &mut others);
    if let Some(workbook) = &ws.sprint.workbook {
        let path = ws.path(workbook);
        let dir = if path.is_dir() {
            path
        } else {
            path.parent().map(Path::to_owned).unwrap_or_default()
        };
        files_in(&dir, &["yaml", "yml"], &mut others);
    }
    sources.extend(others.into_iter().map(|path| Source {
        path,
        withheld: false,
    }));
    sources
}

/// The personal data in one source, as `check` reports it and as the gate
/// names where a finding comes from: the same detector on the same text.
pub fn scan_source(
    detector: &Detector,
    source: &Source,
    lang: crate::workbook::Lang,
) -> Result<Vec<(Finding, crate::diagnostic::Diagnostic)>> {
    let text = crate::fs::read_text(&source.path)?;
    let found = detector.scan_record(&text, source.withheld);
    let diagnostics = super::diagnostics(&source.path.display().to_string(), &text, &found, lang);
    Ok(found.into_iter().zip(diagnostics).collect())
}

/// The personal data in one field's value. Tags are in small letters
/// whatever was written: a pseudonym is looked for in them as a name.
fn scan_field(detector: &Detector, field: Field, text: &str, own: bool) -> Vec<Finding> {
    if !matches!(field, Field::InterviewTags | Field::EvaluationTags) {
        return detector.scan_record(text, own);
    }
    let capital: String = text
        .split_inclusive(|c: char| !c.is_alphanumeric())
        .map(|word| {
            let mut chars = word.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_uppercase().chain(chars).collect::<String>()
            })
        })
        .collect();
    if capital.len() != text.len() {
        return detector.scan_record(text, own);
    }
    detector
        .scan_record(&capital, own)
        .into_iter()
        .map(|f| Finding {
            text: text[f.start..f.end].to_owned(),
            ..f
        })
        .collect()
}

/// The personal data in the fields' values as samskap reads them, where
/// the file's text hides it (a YAML escape: `"Tuva\\nNordmann"`,
/// `'O''Brien'`): each named by its file and field. Quotes are left out:
/// they are the notes' own text, which [`scan_source`] reads as written.
#[must_use]
pub fn scan_values(
    sprint: &Sprint,
    records: &Records,
    detector: &Detector,
    lang: crate::workbook::Lang,
) -> Vec<(Finding, crate::diagnostic::Diagnostic)> {
    let scan = |found: &mut Vec<_>, field: Field, text: &mut String, at: &Origin<'_>| {
        if matches!(field, Field::InterviewQuote | Field::EvaluationQuote) {
            return;
        }
        for f in scan_field(detector, field, text, at.own) {
            let d = crate::diagnostic::Diagnostic::file(
                at.file.to_owned(),
                format!("{} in `{}`", f.kind.described(lang), field.key()),
            )
            .with_hint(f.kind.hint(lang));
            found.push((f, d));
        }
    };
    // The visit may change what it visits (that is how --redact works), so
    // it gets copies: of the interviews without their quotes, which are
    // scanned in their files, and on every core, as a sprint has thousands.
    let mut sprint = sprint.clone();
    let mut rest = Records {
        interviews: Vec::new(),
        solutions: records.solutions.clone(),
        assessments: records.assessments.clone(),
        evaluations: records.evaluations.clone(),
        files: Vec::new(),
    };
    let mut found = Vec::new();
    visit(&mut sprint, &mut rest, &mut |field, text, at| {
        scan(&mut found, field, text, at);
    });
    let chunks: Vec<&[Interview]> = records.interviews.chunks(256).collect();
    let in_interviews = crate::parallel::map(&chunks, |chunk| {
        let mut found = Vec::new();
        for interview in *chunk {
            let mut copy = Interview {
                path: interview.path.clone(),
                group: interview.group.clone(),
                pseudonym: interview.pseudonym.clone(),
                date: interview.date,
                interviewers: interview.interviewers.clone(),
                consent: interview.consent,
                pending: Vec::new(),
                unknown_tags: Vec::new(),
                tags: interview.tags.clone(),
                quotes: Vec::new(),
            };
            visit_interview(&mut copy, &mut |field, text, at| {
                scan(&mut found, field, text, at);
            });
        }
        found
    });
    found.extend(in_interviews.into_iter().flatten());
    found
}

/// Everything any export may show, searched with `detector`: every source
/// file as written (with line and column), then the fields' values where
/// the text hid what they hold (see [`scan_values`]). What `check` reports
/// and what the gate names as the origin of a finding.
pub fn scan_all(
    ws: &Workspace,
    records: Option<&Records>,
    detector: &Detector,
    lang: crate::workbook::Lang,
) -> Result<Vec<(Finding, crate::diagnostic::Diagnostic)>> {
    let sources = match records {
        Some(r) => sources(ws, r),
        None => sources_unread(ws),
    };
    let scanned = crate::parallel::map(&sources, |s| scan_source(detector, s, lang));
    let mut found = Vec::new();
    for result in scanned {
        found.extend(result?);
    }
    if let Some(records) = records {
        let values = scan_values(&ws.sprint, records, detector, lang);
        found.extend(unseen(&found, values));
    }
    Ok(found)
}

/// The findings of `values` whose data none of `seen` has.
#[must_use]
pub fn unseen(
    seen: &[(Finding, crate::diagnostic::Diagnostic)],
    values: Vec<(Finding, crate::diagnostic::Diagnostic)>,
) -> Vec<(Finding, crate::diagnostic::Diagnostic)> {
    let known: HashSet<(super::Kind, String)> = seen.iter().map(|(f, _)| f.data()).collect();
    values
        .into_iter()
        .filter(|(f, _)| !known.contains(&f.data()))
        .collect()
}

impl Field {
    /// The field as its file writes it.
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Field::SprintName => "name",
            Field::Challenge => "challenge",
            Field::TargetGroup => "target_group",
            Field::Place => "place",
            Field::Facilitators => "facilitators",
            Field::SteeringGroup => "steering_group",
            Field::BreakName => "breaks: name",
            Field::GroupName => "groups: name",
            Field::SubChallenge => "groups: sub_challenge",
            Field::Members => "groups: members",
            Field::Pseudonym => "pseudonym",
            Field::Interviewers => "interviewers",
            Field::InterviewTags | Field::EvaluationTags => "tags",
            Field::InterviewQuote | Field::EvaluationQuote => "> quote",
            Field::Participant => "participant",
            Field::SolutionTitle => "title",
            Field::SolutionDescription => "description",
            Field::SolutionSubChallenge => "sub_challenge",
            Field::SolutionOwner => "owner",
            Field::SolutionNextStep => "next_step",
            Field::Leader => "leader",
            Field::AssessmentComment => "comment",
            Field::SprintTerms => "people, measures, interview_purpose",
            Field::ProjectLead => "project_lead",
            Field::Contact => "contact",
            Field::WorkbookText => "workbook text",
        }
    }
}

/// The files under `dir` (in subfolders too) ending in one of `exts`,
/// sorted; symlinks are not followed.
fn files_in(dir: &Path, exts: &[&str], out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut found: Vec<PathBuf> = Vec::new();
    for entry in entries.filter_map(std::result::Result::ok) {
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        let path = entry.path();
        if kind.is_dir() {
            files_in(&path, exts, out);
        } else if kind.is_file()
            && path
                .extension()
                .is_some_and(|x| exts.iter().any(|e| x == *e))
        {
            found.push(path);
        }
    }
    found.sort();
    out.extend(found);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_walk_visits_every_field_but_the_workbook() {
        let ws_text = "x".to_owned();
        let mut sprint = Sprint {
            name: ws_text.clone(),
            id: None,
            lang: None,
            workbook: None,
            challenge: ws_text.clone(),
            target_group: ws_text.clone(),
            start: chrono::NaiveDate::from_ymd_opt(2027, 1, 4).unwrap(),
            weekday: chrono::Weekday::Tue,
            time: chrono::NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
            hours: None,
            lunch: None,
            time_at: crate::workbook::Loc::default(),
            breaks: vec![crate::plan::Break {
                name: ws_text.clone(),
                from: chrono::NaiveDate::from_ymd_opt(2027, 2, 22).unwrap(),
                to: chrono::NaiveDate::from_ymd_opt(2027, 2, 28).unwrap(),
            }],
            place: Some(ws_text.clone()),
            facilitators: vec![ws_text.clone()],
            steering_group: vec![ws_text.clone()],
            project_lead: Some(ws_text.clone()),
            contact: Some(crate::sprint::people::Contact {
                name: ws_text.clone(),
                phone: ws_text.clone(),
            }),
            groups: vec![Group {
                id: "g".into(),
                name: ws_text.clone(),
                sub_challenge: ws_text.clone(),
                members: vec![ws_text.clone()],
                weekday: None,
                time: None,
                place: Some(ws_text.clone()),
                topics: Vec::new(),
            }],
            terms: crate::sprint::terms::SprintTerms {
                interview_purpose: Some(ws_text.clone()),
                ..Default::default()
            },
        };
        let date = chrono::NaiveDate::from_ymd_opt(2027, 2, 1).unwrap();
        let quote = Quote {
            text: ws_text.clone(),
            path: PathBuf::new(),
            line: 1,
            tags: Vec::new(),
        };
        let mut records = Records {
            interviews: vec![Interview {
                path: PathBuf::new(),
                group: "g".into(),
                pseudonym: ws_text.clone(),
                date,
                interviewers: vec![ws_text.clone()],
                consent: crate::records::Consent::both(crate::records::Answer::Given),
                pending: Vec::new(),
                unknown_tags: Vec::new(),
                tags: vec![ws_text.clone()],
                quotes: vec![quote.clone()],
            }],
            solutions: vec![Solution {
                group: "g".into(),
                id: "s".into(),
                title: ws_text.clone(),
                description: ws_text.clone(),
                sub_challenge: ws_text.clone(),
                challenges: Vec::new(),
                status: crate::records::Status::Idea,
                measures: std::collections::BTreeMap::new(),
                owner: ws_text.clone(),
                next_step: ws_text.clone(),
                place: String::new(),
            }],
            assessments: vec![Assessment {
                leader: ws_text.clone(),
                date,
                scores: std::collections::BTreeMap::new(),
                comment: Some(ws_text.clone()),
            }],
            evaluations: vec![Evaluation {
                path: PathBuf::new(),
                participant: ws_text.clone(),
                group: None,
                date,
                consent: crate::records::Consent::both(crate::records::Answer::Given),
                pending: Vec::new(),
                unknown_tags: Vec::new(),
                tags: vec![ws_text.clone()],
                quotes: vec![quote],
            }],
            files: Vec::new(),
        };
        let mut seen = HashSet::new();
        visit(&mut sprint, &mut records, &mut |field, _, _| {
            seen.insert(field);
        });
        for field in FIELDS {
            assert_eq!(
                seen.contains(&field),
                field != Field::WorkbookText,
                "{field:?}"
            );
        }
    }
}

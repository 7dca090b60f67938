//! Checks of meaning, made after every file has parsed: ids, references,
//! weeks, agenda times and translations. All problems are collected, so one
//! run shows everything there is to fix.

use std::collections::HashMap;

use super::load::Sources;
use super::model::*;
use super::text::{At, Id, Lang, Loc, Text};
use super::{Workbook, is_slug};
use crate::diagnostic::{Diagnostic, suggest};
use crate::i18n::{msg, ui};

/// The kinds of things that have ids; all share one namespace.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Role,
    Phase,
    Step,
    Method,
    Topic,
    Prerequisite,
    Statement,
    Challenge,
}

impl Kind {
    /// One of this kind, with its article: "a role", "ei rolle".
    fn a(self, lang: Lang) -> &'static str {
        match self {
            Kind::Role => msg::kind_a_role(lang),
            Kind::Phase => msg::kind_a_phase(lang),
            Kind::Step => msg::kind_a_step(lang),
            Kind::Method => msg::kind_a_method(lang),
            Kind::Topic => msg::kind_a_topic(lang),
            Kind::Prerequisite => msg::kind_a_prerequisite(lang),
            Kind::Statement => msg::kind_a_statement(lang),
            Kind::Challenge => msg::kind_a_challenge(lang),
        }
    }

    /// "unknown role `x`".
    fn unknown(self, lang: Lang, name: &str) -> String {
        match self {
            Kind::Role => msg::unknown_ref_role(lang, name),
            Kind::Phase => msg::unknown_ref_phase(lang, name),
            Kind::Step => msg::unknown_ref_step(lang, name),
            Kind::Method => msg::unknown_ref_method(lang, name),
            Kind::Topic => msg::unknown_ref_topic(lang, name),
            Kind::Prerequisite => msg::unknown_ref_prerequisite(lang, name),
            Kind::Statement => msg::unknown_ref_statement(lang, name),
            Kind::Challenge => msg::unknown_ref_challenge(lang, name),
        }
    }

    /// "known roles: …".
    fn known(self, lang: Lang, list: &str) -> String {
        match self {
            Kind::Role => msg::known_refs_role(lang, list),
            Kind::Phase => msg::known_refs_phase(lang, list),
            Kind::Step => msg::known_refs_step(lang, list),
            Kind::Method => msg::known_refs_method(lang, list),
            Kind::Topic => msg::known_refs_topic(lang, list),
            Kind::Prerequisite => msg::known_refs_prerequisite(lang, list),
            Kind::Statement => msg::known_refs_statement(lang, list),
            Kind::Challenge => msg::known_refs_challenge(lang, list),
        }
    }

    /// "no role is defined; roles are defined under `roles:`".
    fn none(self, lang: Lang) -> &'static str {
        match self {
            Kind::Role => msg::no_refs_role(lang),
            Kind::Phase => msg::no_refs_phase(lang),
            Kind::Step => msg::no_refs_step(lang),
            Kind::Method => msg::no_refs_method(lang),
            Kind::Topic => msg::no_refs_topic(lang),
            Kind::Prerequisite => msg::no_refs_prerequisite(lang),
            Kind::Statement => msg::no_refs_statement(lang),
            Kind::Challenge => msg::no_refs_challenge(lang),
        }
    }
}

struct Checker<'a> {
    sources: &'a Sources,
    problems: Vec<Diagnostic>,
    ids: HashMap<String, (Kind, Loc)>,
}

impl Checker<'_> {
    fn problem(&mut self, loc: Loc, message: impl Into<String>, hint: impl Into<String>) {
        let diagnostic = self.sources.diagnostic(loc, message).with_hint(hint);
        self.problems.push(diagnostic);
    }

    fn define(&mut self, id: &Id, kind: Kind) {
        let name = id.as_str();
        if !is_slug(name) {
            let slug = slugify(name);
            self.problem(
                id.loc(),
                msg::workbook_id_not_a_slug(ui(), name),
                msg::workbook_id_not_a_slug_hint(ui(), slug),
            );
        }
        if let Some((other, at)) = self.ids.get(name).copied() {
            let place = self.place(at);
            self.problem(
                id.loc(),
                msg::workbook_id_twice(ui(), name),
                msg::workbook_id_twice_hint(ui(), other.a(ui()), place),
            );
        } else {
            self.ids.insert(name.to_owned(), (kind, id.loc()));
        }
    }

    fn place(&self, loc: Loc) -> String {
        format!("{}:{}:{}", self.sources.name(loc.source), loc.line, loc.col)
    }

    fn refer(&mut self, reference: &At<String>, kind: Kind) {
        let name = reference.value.as_str();
        if self.ids.get(name).is_some_and(|(k, _)| *k == kind) {
            return;
        }
        let candidates: Vec<&str> = self
            .ids
            .iter()
            .filter(|(_, (k, _))| *k == kind)
            .map(|(id, _)| id.as_str())
            .collect();
        let hint = match (
            suggest(name, candidates.iter().copied()),
            self.ids.get(name),
        ) {
            (Some(best), _) => msg::did_you_mean(ui(), best),
            (None, Some((other, _))) => {
                msg::ref_of_other_kind(ui(), name, other.a(ui()), kind.a(ui()))
            }
            (None, None) if candidates.is_empty() => kind.none(ui()).to_owned(),
            (None, None) => {
                let mut known = candidates.clone();
                known.sort_unstable();
                let shown = known
                    .iter()
                    .take(12)
                    .map(|k| format!("`{k}`"))
                    .collect::<Vec<_>>();
                let more = if known.len() > 12 { ", …" } else { "" };
                kind.known(ui(), &format!("{}{more}", shown.join(", ")))
            }
        };
        let loc = reference.loc;
        self.problem(loc, kind.unknown(ui(), name), hint);
    }
}

/// The audiences of question topics before they were roles.
const LEGACY_AUDIENCES: [&str; 3] = ["residents", "employees", "leaders"];

/// Suggests a slug for a bad id: lowercase, ASCII, hyphens.
fn slugify(name: &str) -> String {
    super::slugify(name).unwrap_or_else(|| "my-id".into())
}

/// Joins the parsed files into one workbook and checks it.
pub fn workbook(
    files: Vec<(u32, WorkbookFile)>,
    sources: &Sources,
) -> Result<Workbook, Vec<Diagnostic>> {
    let mut checker = Checker {
        sources,
        problems: Vec::new(),
        ids: HashMap::new(),
    };
    let workbook = merge(files, &mut checker);
    if let Some(workbook) = &workbook {
        check_ids(workbook, &mut checker);
        check_references(workbook, &mut checker);
        check_times(workbook, &mut checker);
        check_texts(workbook, &mut checker);
        let timing = super::timing::check(workbook, sources);
        checker.problems.extend(timing);
        let terms = super::terms::check(workbook, sources);
        checker.problems.extend(terms);
        checker
            .problems
            .extend(super::words::check(workbook, sources));
    }
    match workbook {
        Some(workbook) if checker.problems.is_empty() => Ok(workbook),
        _ => {
            // Read in file order, top to bottom, as people fix them.
            let mut problems = checker.problems;
            problems.sort_by(|a, b| (&a.path, a.line, a.col).cmp(&(&b.path, b.line, b.col)));
            Err(problems)
        }
    }
}

/// Joins the sections of all files, checking that root-only fields stand in
/// the root file and one-of sections in one file only.
fn merge(files: Vec<(u32, WorkbookFile)>, c: &mut Checker<'_>) -> Option<Workbook> {
    let mut iter = files.into_iter();
    let (root_source, root) = iter.next()?;
    let root_name = c.sources.name(root_source).to_owned();
    let mut wb = Workbook {
        title: root.title.unwrap_or_default(),
        description: root.description,
        languages: root.languages.map(|l| l.value).unwrap_or_default(),
        defaults: root.defaults.unwrap_or_else(default_defaults),
        roles: root.roles,
        phases: root.phases,
        methods: root.methods,
        questions: root.questions,
        model: root.model,
        knowledge: root.knowledge,
        people: root.people,
        measures: root.measures,
        tags: root.tags,
        report: root.report.unwrap_or_default(),
    };
    if wb.title.is_blank() {
        c.problems.push(
            Diagnostic::file(&root_name, msg::workbook_no_title(ui()))
                .with_hint(msg::workbook_no_title_hint(ui())),
        );
    }
    if wb.languages.is_empty() {
        c.problems.push(
            Diagnostic::file(&root_name, msg::workbook_no_languages(ui()))
                .with_hint(msg::workbook_no_languages_hint(ui())),
        );
    }
    for (source, file) in iter {
        let root_only = [
            file.title.as_ref().map(|t| ("title", t.loc)),
            file.description.as_ref().map(|t| ("description", t.loc)),
            file.languages.as_ref().map(|l| ("languages", l.loc)),
            file.include.first().map(|i| ("include", i.loc)),
            file.defaults.as_ref().map(|d| ("defaults", d.time.loc)),
            file.people.as_ref().map(|p| ("people", p.singular.loc)),
            file.report.as_ref().map(|_| {
                (
                    "report",
                    Loc {
                        source,
                        line: 1,
                        col: 1,
                    },
                )
            }),
        ];
        for (field, loc) in root_only.into_iter().flatten() {
            c.problem(
                loc,
                msg::workbook_root_only(ui(), field),
                msg::workbook_root_only_hint(ui(), &root_name),
            );
        }
        wb.roles.extend(file.roles);
        wb.phases.extend(file.phases);
        wb.methods.extend(file.methods);
        wb.measures.extend(file.measures);
        wb.tags.extend(file.tags);
        let once = [
            (
                "questions",
                file.questions.as_ref().map(|q| q.consent.loc),
                wb.questions.is_some(),
            ),
            (
                "model",
                file.model.as_ref().map(|m| m.title.loc),
                wb.model.is_some(),
            ),
            (
                "knowledge",
                file.knowledge.as_ref().map(|_| Loc {
                    source,
                    line: 1,
                    col: 1,
                }),
                wb.knowledge.is_some(),
            ),
        ];
        for (section, loc, taken) in once {
            if let (Some(loc), true) = (loc, taken) {
                c.problem(
                    loc,
                    msg::workbook_defined_twice(ui(), section),
                    msg::workbook_defined_twice_hint(ui()),
                );
            }
        }
        wb.questions = wb.questions.or(file.questions);
        wb.model = wb.model.or(file.model);
        wb.knowledge = wb.knowledge.or(file.knowledge);
    }
    Some(wb)
}

fn default_defaults() -> Defaults {
    Defaults {
        groups: 5,
        members_per_group: 3,
        weekday: Weekday::Tue,
        time: At::new("09:00".into()),
        hours: None,
        lunch: None,
        school_holidays: None,
        facilitators: None,
        challenge: None,
        target_group: None,
        sub_challenges: false,
    }
}

/// Registers every id (slug form, uniqueness) in workbook order.
fn check_ids(wb: &Workbook, c: &mut Checker<'_>) {
    for role in &wb.roles {
        c.define(&role.id, Kind::Role);
    }
    for phase in &wb.phases {
        c.define(&phase.id, Kind::Phase);
        for step in &phase.steps {
            c.define(&step.id, Kind::Step);
        }
    }
    for method in &wb.methods {
        c.define(&method.id, Kind::Method);
    }
    if let Some(q) = &wb.questions {
        for topic in &q.topics {
            c.define(&topic.id, Kind::Topic);
        }
    }
    if let Some(model) = &wb.model {
        for p in &model.prerequisites {
            c.define(&p.id, Kind::Prerequisite);
            for s in &p.statements {
                c.define(&s.id, Kind::Statement);
            }
        }
    }
    if let Some(k) = &wb.knowledge {
        for ch in &k.challenges {
            c.define(&ch.id, Kind::Challenge);
        }
    }
}

fn check_references(wb: &Workbook, c: &mut Checker<'_>) {
    for (_, step) in wb.steps() {
        for role in &step.roles {
            c.refer(role, Kind::Role);
        }
        for topic in &step.topics {
            c.refer(topic, Kind::Topic);
        }
        for method in step.agenda.iter().filter_map(|b| b.method.as_ref()) {
            c.refer(method, Kind::Method);
        }
    }
    if wb.questions.is_none() {
        // Interview guides and notes are made from the question bank, so
        // `build` and `interview new` would refuse an interview step later.
        for (_, step) in wb.steps().filter(|(_, s)| s.kind == StepKind::Interview) {
            c.problem(
                step.id.loc(),
                msg::workbook_interview_without_bank(ui(), &step.id),
                msg::workbook_interview_without_bank_hint(ui()),
            );
        }
    }
    if let Some(q) = &wb.questions {
        // The audience is a role; the older words stay valid.
        for topic in &q.topics {
            if !LEGACY_AUDIENCES.contains(&topic.audience.value.as_str()) {
                c.refer(&topic.audience, Kind::Role);
            }
        }
        for challenge in q.topics.iter().flat_map(|t| &t.challenges) {
            c.refer(challenge, Kind::Challenge);
        }
    }
}

/// Weeks within their phase, agendas within their step, sensible numbers.
fn check_times(wb: &Workbook, c: &mut Checker<'_>) {
    if !valid_time(&wb.defaults.time.value) {
        c.problem(
            wb.defaults.time.loc,
            msg::not_a_time(ui(), &wb.defaults.time.value),
            msg::workbook_time_hint(ui()),
        );
    }
    for phase in &wb.phases {
        if *phase.weeks == 0 {
            c.problem(
                phase.weeks.loc,
                msg::workbook_phase_no_weeks(ui()),
                msg::workbook_phase_no_weeks_hint(ui()),
            );
        }
        if phase.steps.is_empty() {
            c.problem(
                phase.id.loc(),
                msg::workbook_phase_no_steps(ui(), &phase.id),
                msg::workbook_phase_no_steps_hint(ui()),
            );
        }
        for step in &phase.steps {
            check_step(phase, step, c);
        }
    }
    for method in &wb.methods {
        if let Some(size) = &method.group_size {
            let (min, max) = (&size.min, &size.max);
            if **min == 0 || **min > **max {
                c.problem(
                    min.loc,
                    msg::workbook_group_size(ui(), **min, **max),
                    msg::workbook_group_size_hint(ui()),
                );
            }
        }
        if method.steps.is_empty() {
            c.problem(
                method.id.loc(),
                msg::workbook_method_no_steps(ui(), &method.id),
                msg::workbook_method_no_steps_hint(ui()),
            );
        }
    }
    if let Some(model) = &wb.model {
        if model.scale.len() != 5 {
            c.problem(
                model.title.loc,
                msg::workbook_scale(ui(), model.scale.len()),
                msg::workbook_scale_hint(ui()),
            );
        }
        for p in model
            .prerequisites
            .iter()
            .filter(|p| p.statements.is_empty())
        {
            c.problem(
                p.id.loc(),
                msg::workbook_no_statements(ui(), &p.id),
                msg::workbook_no_statements_hint(ui()),
            );
        }
    }
}

fn check_step(phase: &Phase, step: &Step, c: &mut Checker<'_>) {
    if *step.week == 0 || *step.week > *phase.weeks {
        c.problem(
            step.week.loc,
            msg::workbook_week_outside(ui(), *step.week, &phase.id, *phase.weeks),
            msg::workbook_week_outside_hint(ui(), *phase.weeks),
        );
    }
    if step.agenda.is_empty() {
        c.problem(
            step.id.loc(),
            msg::workbook_no_agenda(ui(), &step.id),
            msg::workbook_no_agenda_hint(ui()),
        );
    }
    let total: u32 = step.agenda.iter().map(|b| u32::from(*b.minutes)).sum();
    if total > u32::from(*step.minutes) {
        c.problem(
            step.minutes.loc,
            msg::workbook_agenda_too_long(ui(), &step.id, total, *step.minutes),
            msg::workbook_agenda_too_long_hint(ui(), total - u32::from(*step.minutes), total),
        );
    }
    if let Some(block) = step.agenda.iter().find(|b| *b.minutes == 0 && !b.optional) {
        let loc = if block.minutes.loc.line == 0 {
            block.title.loc
        } else {
            block.minutes.loc
        };
        c.problem(
            loc,
            msg::workbook_block_zero(ui()),
            msg::workbook_block_zero_hint(ui()),
        );
    }
}

/// Whether `s` is a time of day as HH:MM.
pub fn valid_time(s: &str) -> bool {
    let Some((h, m)) = s.split_once(':') else {
        return false;
    };
    h.len() == 2
        && m.len() == 2
        && h.parse::<u8>().is_ok_and(|h| h < 24)
        && m.parse::<u8>().is_ok_and(|m| m < 60)
}

/// Every text has every declared language, and none is empty.
fn check_texts(wb: &Workbook, c: &mut Checker<'_>) {
    let languages = wb.languages.clone();
    let mut check = |text: &Text| {
        for lang in &languages {
            if !text.has(*lang) {
                c.problem(
                    text.loc,
                    msg::workbook_text_missing_lang(ui(), lang),
                    missing_hint(*lang),
                );
            }
        }
        if text.is_blank() {
            c.problem(
                text.loc,
                msg::workbook_text_empty(ui()),
                msg::workbook_text_empty_hint(ui()),
            );
        }
    };
    super::walk::texts(wb, &mut check);
}

fn missing_hint(lang: Lang) -> String {
    msg::workbook_text_missing_lang_hint(ui(), lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugify_suggests_ascii() {
        assert_eq!(slugify("Uke 1: Oppstart"), "uke-1-oppstart");
        assert_eq!(slugify("Brukerreise_på_tvers"), "brukerreise-pa-tvers");
        assert_eq!(slugify("!!"), "my-id");
    }

    #[test]
    fn times() {
        assert!(valid_time("09:00"));
        assert!(valid_time("23:59"));
        assert!(!valid_time("24:00"));
        assert!(!valid_time("9:00"));
        assert!(!valid_time("nine"));
    }
}

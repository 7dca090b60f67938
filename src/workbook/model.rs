//! The workbook as it is written in YAML: every type here is one kind of
//! mapping in a workbook file. Doc comments become the descriptions of the
//! JSON Schema (`samskap workbook schema`), so they are written for the people
//! who edit workbooks.

use schemars::JsonSchema;
use serde::Deserialize;

use super::text::{At, Id, Lang, Text};

/// One YAML file of a workbook. The root file (`workbook.yaml`) gives the
/// title and languages and lists the other files under `include`; every file
/// may hold any of the sections, and the loader joins them in include order.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WorkbookFile {
    /// The workbook's name, shown on every document (root file only).
    #[serde(default)]
    pub title: Option<Text>,
    /// What the workbook is for and when to use it (root file only).
    #[serde(default)]
    pub description: Option<Text>,
    /// The languages every text must be given in, for example `[nb, en]` (root file only).
    #[serde(default)]
    pub languages: Option<At<Vec<Lang>>>,
    /// Other files of this workbook, relative to this file's folder, for example `phases/explore.yaml` (root file only).
    #[serde(default)]
    pub include: Vec<At<String>>,
    /// Defaults offered when a new sprint is set up (root file only).
    #[serde(default)]
    pub defaults: Option<Defaults>,
    /// The roles people have in the process: facilitator, work group, steering group and so on.
    #[serde(default)]
    pub roles: Vec<Role>,
    /// The phases of the process in the order they run: diagnose, explore, develop.
    #[serde(default)]
    pub phases: Vec<Phase>,
    /// The library of methods that agenda blocks refer to.
    #[serde(default)]
    pub methods: Vec<Method>,
    /// The interview question bank (in one file only).
    #[serde(default)]
    pub questions: Option<QuestionBank>,
    /// The co-creation model: prerequisites with statements leaders score (in one file only).
    #[serde(default)]
    pub model: Option<Model>,
    /// The knowledge base: the system challenges that reports refer to (in one file only).
    #[serde(default)]
    pub knowledge: Option<Knowledge>,
    /// The words for the people the process is for, such as familie/familier (root file only).
    #[serde(default)]
    pub people: Option<People>,
    /// What a solution's effect is measured in, such as hours per month freed for families.
    #[serde(default)]
    pub measures: Vec<Measure>,
    /// The vocabulary of tags on interview and evaluation notes, with their labels in each language: the report's themes are headed by them. A tag a note uses that is not here is shown as written.
    #[serde(default)]
    pub tags: Vec<Tag>,
    /// What the final report holds and its fixed texts (root file only).
    #[serde(default)]
    pub report: Option<ReportSettings>,
}

/// The words for the people the process is for.
#[derive(Clone, Debug, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct People {
    /// One of them, in lowercase, such as `familie` or `customer`.
    pub singular: Text,
    /// Several of them, in lowercase, such as `familier` or `customers`.
    pub plural: Text,
    /// One of them, definite: `familien`, `the family` (`singular`, in English with "the", when left out).
    #[serde(default)]
    pub the_singular: Option<Text>,
    /// Several of them, definite: `familiene`, `the families` (`plural`, in English with "the", when left out).
    #[serde(default)]
    pub the_plural: Option<Text>,
    /// One of them with its article: `en familie`, `ein familie`, `a family` (made from `singular` when left out).
    #[serde(default)]
    pub a_singular: Option<Text>,
}

/// A measure of a solution's effect.
#[derive(Clone, Debug, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Measure {
    /// Unique id, the key in `solutions.yaml` under `measures:`.
    pub id: Id,
    /// The measure's name, the heading of its column, such as "Per family".
    pub label: Text,
    /// Its unit for every figure but 1, such as "hours per month" (required): "0 hours per month", "2,5 hours per month".
    #[serde(default)]
    pub unit: Option<Text>,
    /// Its unit for exactly 1, such as "hour per month": "1 hour per month". Give it in every language of the workbook; when left out, `unit` is used for 1 too.
    #[serde(default)]
    pub unit_one: Option<Text>,
    /// What `solution new` asks for it.
    #[serde(default)]
    pub question: Option<Text>,
    /// The largest value that makes sense, such as 744 for hours in a month.
    #[serde(default)]
    pub max: Option<At<f64>>,
}

/// A tag of the notes' vocabulary.
#[derive(Clone, Debug, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Tag {
    /// The tag as written in notes, a slug such as `overganger`.
    pub id: Id,
    /// The tag as readers see it, such as "Overganger".
    pub label: Text,
    /// What the tag is used for.
    #[serde(default)]
    pub description: Option<Text>,
    /// The challenge of the knowledge base it belongs to, if any (an id from `knowledge.challenges`).
    #[serde(default)]
    pub challenge: Option<At<String>>,
    /// Interview topics (ids from `questions.topics`) whose sections in a note are about this tag: a quote under the topic's heading belongs to this tag when its note has it.
    #[serde(default)]
    pub topics: Vec<At<String>>,
}

/// What the final report holds.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReportSettings {
    /// The sections to show, in order, from: about, done, insights, solutions, knowledge, model, evaluation, recommendations. All when left out.
    #[serde(default)]
    pub sections: Option<Vec<At<String>>>,
    /// The paragraph above the measures of the solutions: what the figures are and how to read them.
    #[serde(default)]
    pub measures_intro: Option<Text>,
    /// The way forward: fixed recommendations shown after those made from the records.
    #[serde(default)]
    pub recommendations: Vec<Text>,
}

/// Defaults for a new sprint.
#[derive(Clone, Debug, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Defaults {
    /// How many work groups a sprint has.
    pub groups: u8,
    /// How many employees each work group has.
    pub members_per_group: u8,
    /// The weekday sessions are held on: mon, tue, wed, thu or fri.
    pub weekday: Weekday,
    /// The time sessions start, as HH:MM.
    pub time: At<String>,
    /// The working day, as HH:MM-HH:MM: no session starts before or ends after it (09:00-15:30 when left out).
    #[serde(default)]
    pub hours: Option<At<String>>,
    /// The lunch break, as HH:MM-HH:MM, inside the working day: no session runs through it (11:30-12:00 when left out).
    #[serde(default)]
    pub lunch: Option<At<String>>,
    /// How many facilitators a sprint has: new-sprint lists that many for people to name (1 when left out).
    #[serde(default)]
    pub facilitators: Option<At<u8>>,
    /// The school holidays new-sprint proposes as breaks, when the target group has children.
    #[serde(default)]
    pub school_holidays: Option<SchoolHolidays>,
    /// An example challenge, offered when a new sprint is set up.
    #[serde(default)]
    pub challenge: Option<Text>,
    /// An example target group, offered when a new sprint is set up.
    #[serde(default)]
    pub target_group: Option<Text>,
    /// Whether each work group explores a sub-challenge of its own (`status` then names a group without one).
    #[serde(default)]
    pub sub_challenges: bool,
}

/// The local school holidays, proposed as a sprint's breaks.
#[derive(Clone, Debug, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SchoolHolidays {
    /// Words that, found in a sprint's target group, mean it has children, for example `[barn, children]`.
    pub when_target_group_mentions: Vec<String>,
    /// The ISO week of the winter holiday (8 in Oslo).
    #[serde(default = "winter_week")]
    pub winter_week: u8,
    /// The ISO week of the autumn holiday (40 in Oslo).
    #[serde(default = "autumn_week")]
    pub autumn_week: u8,
}

fn winter_week() -> u8 {
    8
}

fn autumn_week() -> u8 {
    40
}

/// A working day of the week.
#[derive(Clone, Copy, Debug, PartialEq, Eq, JsonSchema)]
#[serde(rename_all = "lowercase")]
#[schemars(transform = super::named::accept_aliases::<Weekday>)]
pub enum Weekday {
    /// Monday.
    Mon,
    /// Tuesday.
    Tue,
    /// Wednesday.
    Wed,
    /// Thursday.
    Thu,
    /// Friday.
    Fri,
}

impl super::named::Named for Weekday {
    const ALL: &'static [Weekday] = &[
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
    ];

    fn id(self) -> &'static str {
        match self {
            Weekday::Mon => "mon",
            Weekday::Tue => "tue",
            Weekday::Wed => "wed",
            Weekday::Thu => "thu",
            Weekday::Fri => "fri",
        }
    }

    fn aliases(self) -> &'static [&'static str] {
        match self {
            Weekday::Mon => &["monday", "mandag", "måndag", "man"],
            Weekday::Tue => &["tuesday", "tirsdag", "tysdag", "tir", "tys"],
            Weekday::Wed => &["wednesday", "onsdag", "ons"],
            Weekday::Thu => &["thursday", "torsdag", "tor"],
            Weekday::Fri => &["friday", "fredag", "fre"],
        }
    }

    fn shown(self, lang: Lang) -> &'static str {
        match (lang, self) {
            (Lang::En, _) => self.id(),
            (Lang::Nb, Weekday::Mon) => "mandag",
            (Lang::Nn, Weekday::Mon) => "måndag",
            (Lang::Nb, Weekday::Tue) => "tirsdag",
            (Lang::Nn, Weekday::Tue) => "tysdag",
            (_, Weekday::Wed) => "onsdag",
            (_, Weekday::Thu) => "torsdag",
            (_, Weekday::Fri) => "fredag",
        }
    }
}

impl<'de> Deserialize<'de> for Weekday {
    /// The id (`tue`), or the day's name in Norwegian or English (`tysdag`).
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        super::named::deserialize(deserializer)
    }
}

/// A role people have in the process.
#[derive(Clone, Debug, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Role {
    /// Unique id, referred to from steps' `roles`.
    pub id: Id,
    /// The role's name.
    pub title: Text,
    /// Who has this role and what they do.
    pub description: Text,
    /// Whether the role is the facilitator's: a step with it needs one of the sprint's facilitators, who cannot be in two sessions at once.
    #[serde(default)]
    pub facilitator: bool,
    /// Whether the role is residents': a step with it is never planned in a break (a school holiday).
    #[serde(default)]
    pub residents: bool,
    /// Which list of the sprint names the people in this role on agendas: work-groups, steering-group, facilitators or project-lead.
    #[serde(default)]
    pub members: Option<RoleMembers>,
}

/// A list of people in samskap.yaml that fills a role.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum RoleMembers {
    /// The work groups (`groups:`), with their members.
    WorkGroups,
    /// The steering group (`steering_group:`).
    SteeringGroup,
    /// The facilitators (`facilitators:`).
    Facilitators,
    /// The project lead (`project_lead:`).
    ProjectLead,
}

/// A phase of the process (a diamond of StimuLab's triple diamond).
#[derive(Clone, Debug, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Phase {
    /// Unique id, for example `utforske`.
    pub id: Id,
    /// The phase's name.
    pub title: Text,
    /// What the phase is for and what it ends with.
    pub purpose: Text,
    /// How many weeks the phase lasts; each step says which of them it falls in.
    pub weeks: At<u8>,
    /// Whether the phase is the work groups' design sprint (the weeks count as sprint weeks).
    #[serde(default)]
    pub sprint: bool,
    /// Whether the phase is a run of consecutive working days (a five-day sprint, Monday to Friday): each step says its `day` of the run.
    #[serde(default)]
    pub consecutive_days: bool,
    /// The steps (sessions) of the phase, in the order they run.
    pub steps: Vec<Step>,
}

/// What kind of session a step is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum StepKind {
    /// A facilitated working session.
    Workshop,
    /// Interviews with residents or participants.
    Interview,
    /// Making sense of what has been gathered.
    Analysis,
    /// A meeting that decides or anchors.
    Meeting,
    /// Looking back on the process.
    Evaluation,
    /// Presenting and sharing results.
    Presentation,
    /// Testing prototypes with residents.
    Testing,
    /// Building something: a service, a tool, a space.
    Build,
    /// Making a prototype.
    Prototype,
    /// Testing a solution with the people it is for.
    Test,
}

/// Whether a step runs once for everyone or once in each work group.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Runs {
    /// One session for all participants.
    #[default]
    Once,
    /// One session in each work group.
    PerGroup,
}

/// One step of a phase: a session with its agenda and everything needed to run it.
#[derive(Clone, Debug, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// Unique id, used on the command line (`samskap agenda ID`).
    pub id: Id,
    /// The session's name.
    pub title: Text,
    /// Why the session is held and what it should give.
    pub purpose: Text,
    /// What kind of session it is.
    pub kind: StepKind,
    /// The week of the phase it falls in, from 1 to the phase's `weeks`.
    pub week: At<u8>,
    /// Whether it runs once for all or once per work group.
    #[serde(default)]
    pub runs: Runs,
    /// The weekday the step is held on, when it must be that day (mon to fri); else the plan chooses.
    #[serde(default)]
    pub weekday: Option<Weekday>,
    /// In a phase of consecutive days: which day of the run the step is held, from 1.
    #[serde(default)]
    pub day: Option<At<u8>>,
    /// Whether the step is an appointment the group books with the people it meets (an interview at a family's chosen time and place): it is planned within its week until booked.
    #[serde(default)]
    pub appointment: bool,
    /// The roles taking part (ids from `roles`).
    pub roles: Vec<At<String>>,
    /// How long the session lasts, in minutes.
    pub minutes: At<u16>,
    /// The timed agenda: blocks in order, their minutes adding up to at most the session's.
    pub agenda: Vec<Block>,
    /// What the facilitator or group must do before the session.
    #[serde(default)]
    pub preparation: Vec<Text>,
    /// What must be in the room.
    #[serde(default)]
    pub materials: Vec<Text>,
    /// What the session produces.
    #[serde(default)]
    pub outputs: Vec<Text>,
    /// What must be true before the step counts as done.
    #[serde(default)]
    pub checklist: Vec<Text>,
    /// Question topics the session's interviews use (ids from `questions.topics`).
    #[serde(default)]
    pub topics: Vec<At<String>>,
}

/// One timed block of an agenda.
#[derive(Clone, Debug, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Block {
    /// What happens, as participants see it.
    pub title: Text,
    /// How long it takes, in minutes; 0 or left out for an untimed block, which must be `optional`.
    #[serde(default)]
    pub minutes: At<u16>,
    /// Whether the block may be left out; an untimed optional block is shown without clock time.
    #[serde(default)]
    pub optional: bool,
    /// The method used (an id from `methods`), if any.
    #[serde(default)]
    pub method: Option<At<String>>,
    /// Notes for the facilitator: how to run the block, what to watch for.
    #[serde(default)]
    pub notes: Option<Text>,
}

/// A method in the library.
#[derive(Clone, Debug, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Method {
    /// Unique id, referred to from agenda blocks.
    pub id: Id,
    /// The method's name.
    pub title: Text,
    /// What the method is for.
    pub purpose: Text,
    /// How long it usually takes, in minutes.
    pub minutes: At<u16>,
    /// How many people it works for, if it matters.
    #[serde(default)]
    pub group_size: Option<GroupSize>,
    /// What is needed.
    #[serde(default)]
    pub materials: Vec<Text>,
    /// How to do it, step by step.
    pub steps: Vec<Text>,
    /// Advice from experience.
    #[serde(default)]
    pub tips: Vec<Text>,
}

/// The range of people a method works for.
#[derive(Clone, Debug, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GroupSize {
    /// The fewest people.
    pub min: At<u16>,
    /// The most people.
    pub max: At<u16>,
}

/// The interview question bank.
#[derive(Clone, Debug, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct QuestionBank {
    /// The interview guide's purpose sentence; `{target_group}` stands for the sprint's target group as written.
    #[serde(default)]
    pub purpose: Option<Text>,
    /// Read aloud at the start of every interview, before any question; `{contact}` stands for the sprint's contact for withdrawing consent (its name and phone).
    pub consent: Text,
    /// The interviewee's rights, said and handed over with the consent text.
    pub rights: Vec<Text>,
    /// Opening questions that put the interviewee at ease.
    pub warm_up: Vec<Question>,
    /// Closing questions and words.
    pub closing: Vec<Question>,
    /// The questions by topic.
    pub topics: Vec<Topic>,
    /// How long an interview lasts and how its time is shared: the guide
    /// holds as many questions as fit.
    #[serde(default)]
    pub interview: Option<InterviewSize>,
}

/// How long an interview lasts and how its time is shared.
#[derive(Clone, Debug, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct InterviewSize {
    /// The interview's length in minutes (default 45).
    #[serde(default)]
    pub minutes: Option<At<u16>>,
    /// How many topics one interview covers (default: all the step's).
    #[serde(default)]
    pub topics: Option<At<u8>>,
    /// Minutes for the consent text and the warm-up (default 10).
    #[serde(default)]
    pub opening_minutes: Option<At<u16>>,
    /// Minutes for the closing questions (default 5).
    #[serde(default)]
    pub closing_minutes: Option<At<u16>>,
    /// Minutes for one main question with its follow-ups (default 3).
    #[serde(default)]
    pub minutes_per_question: Option<At<u16>>,
}

/// A topic of the question bank.
#[derive(Clone, Debug, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Topic {
    /// Unique id, referred to from steps' `topics`.
    pub id: Id,
    /// The topic's name.
    pub title: Text,
    /// What the interviewer wants to understand under this topic.
    pub purpose: Text,
    /// Who the questions are for: a role id from `roles` (or residents, employees, leaders).
    pub audience: At<String>,
    /// The system challenges this topic sheds light on (ids from `knowledge.challenges`).
    #[serde(default)]
    pub challenges: Vec<At<String>>,
    /// The questions, in the order they are asked.
    pub questions: Vec<Question>,
}

/// A question with the follow-ups the interviewer can use.
#[derive(Clone, Debug, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// The question as it is asked.
    pub text: Text,
    /// Follow-up prompts to go deeper.
    #[serde(default)]
    pub follow_ups: Vec<Text>,
}

/// The co-creation model leaders assess.
#[derive(Clone, Debug, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Model {
    /// The model's name.
    pub title: Text,
    /// What the model is and how to use it.
    pub description: Text,
    /// The heading of its assessment in the report; "Assessment: <title>" when left out.
    #[serde(default)]
    pub heading: Option<Text>,
    /// The labels of the scores 1 to 5, lowest first.
    pub scale: Vec<Text>,
    /// The prerequisites for co-creation.
    pub prerequisites: Vec<Prerequisite>,
}

/// A prerequisite for co-creation.
#[derive(Clone, Debug, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Prerequisite {
    /// Unique id.
    pub id: Id,
    /// The prerequisite in a few words.
    pub title: Text,
    /// The prerequisite in full.
    pub description: Text,
    /// Statements leaders score from 1 (not true of us) to 5 (true of us).
    pub statements: Vec<Statement>,
}

/// A statement leaders score.
#[derive(Clone, Debug, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Statement {
    /// Unique id, used in assessment files.
    pub id: Id,
    /// The statement.
    pub text: Text,
}

/// The knowledge base.
#[derive(Clone, Debug, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Knowledge {
    /// The heading of the knowledge base in the report, such as "The four system challenges".
    #[serde(default)]
    pub title: Option<Text>,
    /// The short word for its challenges, in tables and prompts, such as "System challenges".
    #[serde(default)]
    pub label: Option<Text>,
    /// The system challenges that lead to exclusion.
    pub challenges: Vec<Challenge>,
    /// What makes the challenges hit some families harder.
    #[serde(default)]
    pub amplifiers: Vec<Text>,
}

/// A system challenge.
#[derive(Clone, Debug, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Challenge {
    /// Unique id, referred to from topics and solutions.
    pub id: Id,
    /// The challenge in a few words.
    pub title: Text,
    /// The challenge in full.
    pub description: Text,
    /// What the work found, as short findings.
    #[serde(default)]
    pub findings: Vec<Text>,
}

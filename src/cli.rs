//! The command line, as clap types. No logic lives here: doc comments are the
//! help text, and `commands` does the work.

use std::path::PathBuf;

use chrono::{NaiveDate, NaiveTime};
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::records::{Answer, solutions::Status};
use crate::workbook::named::Named;
use crate::workbook::{Lang, Weekday};

/// samskap: a co-creation workbook, made executable. Plan a design sprint, guide its sessions, and render agendas,
/// interview guides and reports.
#[derive(Debug, Parser)]
#[command(name = "samskap", version, max_term_width = 100)]
pub struct Cli {
    /// Options every command takes.
    #[command(flatten)]
    pub global: Global,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Options every command takes.
#[derive(Debug, Args)]
pub struct Global {
    /// Language of messages and documents: nb (Norwegian bokmål), nn (Norwegian nynorsk) or en (English); default: the sprint's, else SAMSKAP_LANG, else the system's, else nb
    #[arg(
        long,
        global = true,
        value_enum,
        value_name = "LANG",
        ignore_case = true
    )]
    pub lang: Option<LangArg>,
    /// Use this workbook instead of the built-in one: a workbook.yaml, or the folder holding it
    #[arg(long, global = true, value_name = "PATH")]
    pub workbook: Option<PathBuf>,
    /// Run as if samskap was started in DIR
    #[arg(short = 'C', global = true, value_name = "DIR")]
    pub directory: Option<PathBuf>,
}

/// A language on the command line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// Norwegian bokmål
    #[value(aliases = Lang::Nb.aliases())]
    Nb,
    /// Norwegian nynorsk
    #[value(aliases = Lang::Nn.aliases())]
    Nn,
    /// English
    #[value(aliases = Lang::En.aliases())]
    En,
}

impl From<LangArg> for Lang {
    fn from(arg: LangArg) -> Lang {
        match arg {
            LangArg::Nb => Lang::Nb,
            LangArg::Nn => Lang::Nn,
            LangArg::En => Lang::En,
        }
    }
}

/// A weekday on the command line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum WeekdayArg {
    /// Monday
    #[value(aliases = Weekday::Mon.aliases())]
    Mon,
    /// Tuesday
    #[value(aliases = Weekday::Tue.aliases())]
    Tue,
    /// Wednesday
    #[value(aliases = Weekday::Wed.aliases())]
    Wed,
    /// Thursday
    #[value(aliases = Weekday::Thu.aliases())]
    Thu,
    /// Friday
    #[value(aliases = Weekday::Fri.aliases())]
    Fri,
}

impl From<WeekdayArg> for Weekday {
    fn from(arg: WeekdayArg) -> Weekday {
        match arg {
            WeekdayArg::Mon => Weekday::Mon,
            WeekdayArg::Tue => Weekday::Tue,
            WeekdayArg::Wed => Weekday::Wed,
            WeekdayArg::Thu => Weekday::Thu,
            WeekdayArg::Fri => Weekday::Fri,
        }
    }
}

/// Parses a date given on the command line.
pub fn date_arg(s: &str) -> Result<NaiveDate, String> {
    crate::sprint::config::parse_date(s)
        .ok_or_else(|| crate::i18n::msg::arg_not_a_date(crate::i18n::ui(), s))
}

/// Parses a whole number from `min` to `max`, refusing in the user's
/// language (clap's own range parser answers in English).
fn whole_number<T>(s: &str, min: T, max: T) -> Result<T, String>
where
    T: std::str::FromStr + PartialOrd + std::fmt::Display,
{
    s.trim()
        .parse::<T>()
        .ok()
        .filter(|n| (&min..=&max).contains(&n))
        .ok_or_else(|| crate::i18n::msg::arg_not_a_whole_number(crate::i18n::ui(), s, min, max))
}

/// An interview's length in minutes: up to a working day and more.
fn minutes_arg(s: &str) -> Result<u16, String> {
    whole_number(s, 1, 600)
}

/// The number of work groups.
fn groups_arg(s: &str) -> Result<u8, String> {
    whole_number(s, 1, 20)
}

/// An ISO calendar week.
fn week_arg(s: &str) -> Result<u32, String> {
    whole_number(s, 1, 53)
}

/// A week of the process; no process runs for years.
fn process_week_arg(s: &str) -> Result<u32, String> {
    whole_number(s, 1, 520)
}

/// Parses hours per month: a number from 0 to 744 (the hours of a month),
/// with a decimal point or comma ("3,5").
pub fn hours_arg(s: &str) -> Result<f64, String> {
    s.trim()
        .replace(',', ".")
        .parse::<f64>()
        .ok()
        .filter(|h| h.is_finite() && (0.0..=744.0).contains(h))
        .ok_or_else(|| crate::i18n::msg::arg_not_hours(crate::i18n::ui(), s))
}

/// Parses `ID=NUMBER`, the number with a decimal point or comma.
pub fn measure_arg(s: &str) -> Result<(String, f64), String> {
    let (id, value) = s
        .split_once('=')
        .ok_or_else(|| crate::i18n::msg::arg_not_a_measure(crate::i18n::ui(), s))?;
    let value = crate::records::solutions::parse_figure(value)
        .ok_or_else(|| crate::i18n::msg::arg_not_a_number(crate::i18n::ui(), value))?;
    Ok((id.trim().to_owned(), value))
}

/// Parses a time of day given on the command line.
pub fn time_arg(s: &str) -> Result<NaiveTime, String> {
    crate::sprint::config::parse_time(s)
        .ok_or_else(|| crate::i18n::msg::arg_not_a_time(crate::i18n::ui(), s))
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Set up a sprint workspace: asks on a terminal, or takes every answer as a flag
    NewSprint(NewSprintArgs),
    /// Where the sprint stands: phase and week, what is done, due, overdue and missing
    Status {
        /// Pretend today is this date (YYYY-MM-DD)
        #[arg(long, value_parser = date_arg, value_name = "DATE")]
        today: Option<NaiveDate>,
        /// Print JSON for scripts (the shape is documented in README.md)
        #[arg(long)]
        json: bool,
    },
    /// The next step in full, with clock times, and the commands that make its documents
    Next {
        /// Pretend today is this date (YYYY-MM-DD)
        #[arg(long, value_parser = date_arg, value_name = "DATE")]
        today: Option<NaiveDate>,
    },
    /// Record that a step is done (for one group, when it runs per group)
    Done {
        /// The step's id, as `samskap status` or `samskap workbook list` shows it
        step: String,
        /// The group, for steps held in each group
        #[arg(long, short, value_name = "GROUP")]
        group: Option<String>,
        /// Take the record back: the step is not done after all
        #[arg(long)]
        undo: bool,
        /// The date it was held (default: today): from the sprint's start to today
        #[arg(long, value_parser = date_arg, value_name = "DATE")]
        date: Option<NaiveDate>,
        /// Pretend today is this date (YYYY-MM-DD)
        #[arg(long, value_parser = date_arg, value_name = "DATE")]
        today: Option<NaiveDate>,
    },
    /// Move a session to another day, time or place (kept in schedule.yaml), or back with --reset
    Move {
        /// The step's id, as `samskap status` or `samskap workbook list` shows it
        step: String,
        /// The group, for steps held in each group
        #[arg(long, short, value_name = "GROUP")]
        group: Option<String>,
        /// The new day (YYYY-MM-DD), within the sprint
        #[arg(long, value_parser = date_arg, value_name = "DATE", required_unless_present = "reset", conflicts_with = "reset")]
        date: Option<NaiveDate>,
        /// The new start time (HH:MM); default: the planned time
        #[arg(long, value_parser = time_arg, value_name = "HH:MM", requires = "date")]
        time: Option<NaiveTime>,
        /// The new place; default: the planned place
        #[arg(long, requires = "date")]
        place: Option<String>,
        /// Hold the session where the plan puts it again
        #[arg(long)]
        reset: bool,
        /// Move it even onto a holiday, a weekend or a clash
        #[arg(long)]
        force: bool,
    },
    /// Walk through the current step on a terminal: read it, tick its checklist, mark it done
    Guide {
        /// Pretend today is this date (YYYY-MM-DD)
        #[arg(long, value_parser = date_arg, value_name = "DATE")]
        today: Option<NaiveDate>,
    },
    /// Check samskap.yaml and progress.yaml against the workbook
    Check {
        /// Print every finding as JSON for scripts (the shape is documented in README.md)
        #[arg(long)]
        json: bool,
    },
    /// The agenda of a session (default: the next one) or of a whole week, with clock times
    Agenda {
        /// The step (default: the next step not done)
        step: Option<String>,
        /// Only this group's sessions
        #[arg(long, short, value_name = "GROUP")]
        group: Option<String>,
        /// Every session of this calendar week (ISO week, "uke 8" in Norwegian calendars)
        #[arg(long, value_name = "N", value_parser = week_arg, conflicts_with = "step")]
        week: Option<u32>,
        /// Every session of this week of the process, as `samskap status` numbers them ("prosessuke 8")
        #[arg(long, value_name = "N", value_parser = process_week_arg, conflicts_with_all = ["step", "week"])]
        process_week: Option<u32>,
        /// The participants' version: without facilitator notes, preparation and checklist
        #[arg(long)]
        participant: bool,
        /// Where and how to write it.
        #[command(flatten)]
        out: OutputArgs,
    },
    /// The interview guide for a group's interviews
    InterviewGuide {
        /// The group
        #[arg(long, short, value_name = "GROUP")]
        group: String,
        /// The question topics, by id (default: the group's `topics` in samskap.yaml, else the workbook's)
        #[arg(long, value_name = "ID,ID", value_delimiter = ',')]
        topics: Vec<String>,
        /// How long the interview lasts (default: the workbook's, 45)
        #[arg(long, value_name = "MINUTES", value_parser = minutes_arg)]
        minutes: Option<u16>,
        /// Where and how to write it.
        #[command(flatten)]
        out: OutputArgs,
    },
    /// Every session of the sprint as an iCalendar file for Outlook or Google Calendar; events update when sessions move, and removed ones come back cancelled
    Calendar {
        /// Only this group's sessions and those for every group, for its members
        #[arg(long, short, value_name = "GROUP")]
        group: Option<String>,
        /// Write to FILE instead of standard output
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Replace FILE if it exists
        #[arg(long)]
        force: bool,
    },
    /// Interview notes
    Interview {
        /// What to do.
        #[command(subcommand)]
        command: InterviewCommand,
    },
    /// The groups' solutions
    Solution {
        /// What to do.
        #[command(subcommand)]
        command: SolutionCommand,
    },
    /// Leaders score the statements of the workbook's model from 1 to 5
    Assess(AssessArgs),
    /// The final report for leaders: findings, solutions and their effect, the model assessment, recommendations
    Report {
        /// A status report for a sprint under way
        #[arg(long)]
        interim: bool,
        /// The report's date (default: today)
        #[arg(long, value_parser = date_arg, value_name = "DATE")]
        today: Option<NaiveDate>,
        /// Where and how to write it.
        #[command(flatten)]
        out: OutputArgs,
    },
    /// Every document of the sprint as a linked web site (default: out/)
    Build {
        /// The folder to write into (default: `out/` in the sprint's folder)
        #[arg(long, short, value_name = "DIR")]
        output: Option<PathBuf>,
        /// The report's date (default: today)
        #[arg(long, value_parser = date_arg, value_name = "DATE")]
        today: Option<NaiveDate>,
        /// Replace files in DIR that samskap did not write there
        #[arg(long)]
        force: bool,
        /// Replace personal data with a marker instead of refusing
        #[arg(long)]
        redact: bool,
    },
    /// One site for leaders over several sprints: each sprint's state, key figures and solutions, the solutions in use, the total effect by measure
    Portfolio {
        /// The sprints' folders, or portfolio.yaml files listing them (default: portfolio.yaml here)
        #[arg(value_name = "DIR")]
        sprints: Vec<PathBuf>,
        /// The folder to write into (default: `portfolio/` here)
        #[arg(long, short, value_name = "DIR")]
        output: Option<PathBuf>,
        /// The day the sprints' state is shown for (default: today)
        #[arg(long, value_parser = date_arg, value_name = "DATE")]
        today: Option<NaiveDate>,
        /// Replace files in DIR that samskap did not write there
        #[arg(long)]
        force: bool,
        /// Stop when a sprint cannot be shown, instead of leaving it out with a warning
        #[arg(long)]
        strict: bool,
        /// Replace personal data with a marker instead of refusing
        #[arg(long)]
        redact: bool,
    },
    /// The built-in document templates
    Templates {
        /// What to do with them.
        #[command(subcommand)]
        command: TemplatesCommand,
    },
    /// Read, check and export workbooks (the process definition)
    Workbook {
        /// What to do with the workbook.
        #[command(subcommand)]
        command: WorkbookCommand,
    },
    /// Write the manual pages (man samskap), made from these help texts
    Man {
        /// Write samskap.1 and a page per command into DIR instead of samskap.1 to standard output
        #[arg(long, short, value_name = "DIR")]
        output: Option<PathBuf>,
        /// Replace pages in DIR that exist
        #[arg(long)]
        force: bool,
    },
    /// Print shell completions, for example `samskap completions bash > /etc/bash_completion.d/samskap`
    Completions {
        /// The shell: bash, zsh, fish, elvish or powershell
        shell: clap_complete::Shell,
    },
}

/// The answers `new-sprint` needs; any not given are asked for on a
/// terminal, or taken from the workbook's defaults with --yes.
#[derive(Debug, Args)]
pub struct NewSprintArgs {
    /// The folder for the workspace, created if missing (default: this folder)
    pub dir: Option<PathBuf>,
    /// The sprint's name
    #[arg(long)]
    pub name: Option<String>,
    /// The challenge (problem statement), as a question
    #[arg(long)]
    pub challenge: Option<String>,
    /// The target group
    #[arg(long, value_name = "TEXT")]
    pub target_group: Option<String>,
    /// The first day of the process (YYYY-MM-DD)
    #[arg(long, value_parser = date_arg, value_name = "DATE")]
    pub start: Option<NaiveDate>,
    /// The weekday sessions are held on
    #[arg(long, value_enum, ignore_case = true)]
    pub weekday: Option<WeekdayArg>,
    /// The time sessions start (HH:MM)
    #[arg(long, value_parser = time_arg, value_name = "HH:MM")]
    pub time: Option<NaiveTime>,
    /// How many work groups (1 to 20)
    #[arg(long, value_parser = groups_arg, value_name = "N")]
    pub groups: Option<u8>,
    /// A group's sub-challenge; repeat once per group, in group order
    #[arg(long = "sub-challenge", value_name = "TEXT")]
    pub sub_challenges: Vec<String>,
    /// A group's members, separated by commas; repeat once per group, in group order
    #[arg(long = "members", value_name = "NAMES")]
    pub members: Vec<String>,
    /// The steering group's members, separated by commas
    #[arg(long, value_name = "NAMES")]
    pub steering_group: Option<String>,
    /// Where sessions are held
    #[arg(long)]
    pub place: Option<String>,
    /// A facilitator, as agendas name them; repeat for each
    #[arg(long = "facilitator", value_name = "NAME")]
    pub facilitators: Vec<String>,
    /// The project lead, as agendas name them
    #[arg(long, value_name = "NAME")]
    pub project_lead: Option<String>,
    /// The employee residents contact to withdraw their consent, named in the interview guide (with --contact-phone)
    #[arg(long, value_name = "NAME", requires = "contact_phone")]
    pub contact_name: Option<String>,
    /// The contact's work phone number, such as "23 40 00 00" (with --contact-name)
    #[arg(long, value_name = "PHONE", requires = "contact_name")]
    pub contact_phone: Option<String>,
    /// Take the defaults for everything not given, without asking
    #[arg(long, short)]
    pub yes: bool,
    /// Add the missing files to a folder that is not empty (no existing file is changed)
    #[arg(long)]
    pub force: bool,
}

/// Where and how a document is written.
#[derive(Debug, Args)]
pub struct OutputArgs {
    /// md (Markdown), html (a self-contained web page), docx (Word) or pdf (printed by a Chromium-family browser); default: from FILE's extension, else md
    #[arg(long, value_enum)]
    pub format: Option<crate::render::Format>,
    /// Write to FILE instead of standard output
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace FILE if it exists
    #[arg(long)]
    pub force: bool,
    /// Replace personal data (national identity numbers, phone numbers, e-mail addresses, listed names) with a marker instead of refusing
    #[arg(long)]
    pub redact: bool,
}

/// What to do with interview notes.
#[derive(Debug, Subcommand)]
pub enum InterviewCommand {
    /// Write a new interview notes file, with the guide's sections to fill in (never overwrites)
    New {
        /// The group that held the interview
        #[arg(long, short, value_name = "GROUP")]
        group: String,
        /// The interviewee's pseudonym: an invented name, never a real one
        #[arg(long, short)]
        pseudonym: String,
        /// The date of the interview (default: today)
        #[arg(long, value_parser = date_arg, value_name = "DATE")]
        date: Option<NaiveDate>,
        /// The interviewers, separated by commas (default: the group's members)
        #[arg(long, value_name = "NAMES")]
        interviewers: Option<String>,
        /// Consent to the interview: pending (default: not asked yet), given, declined or withdrawn
        #[arg(long, value_enum, default_value = "pending", ignore_case = true)]
        consent: ConsentArg,
        /// Consent to short quotes without names (default: as --consent)
        #[arg(long, value_enum, ignore_case = true, value_name = "CONSENT")]
        quote_consent: Option<ConsentArg>,
    },
}

/// Consent on the command line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ConsentArg {
    /// Consent given
    #[value(aliases = Answer::Given.aliases())]
    Given,
    /// The interviewee said no
    #[value(aliases = Answer::Declined.aliases())]
    Declined,
    /// Consent withdrawn afterwards
    #[value(aliases = Answer::Withdrawn.aliases())]
    Withdrawn,
    /// Not asked yet: the note counts as without consent
    #[value(aliases = Answer::Pending.aliases())]
    Pending,
}

/// What to do with solutions.
#[derive(Debug, Subcommand)]
pub enum SolutionCommand {
    /// Add a solution to a group's register (asks on a terminal for what flags do not give)
    New(SolutionArgs),
}

/// A new solution.
#[derive(Debug, Args)]
pub struct SolutionArgs {
    /// The group
    #[arg(long, short, value_name = "GROUP")]
    pub group: String,
    /// The solution's name
    #[arg(long)]
    pub title: Option<String>,
    /// A short id (default: from the title)
    #[arg(long)]
    pub id: Option<String>,
    /// What it is and how it works
    #[arg(long)]
    pub description: Option<String>,
    /// A challenge of the workbook's knowledge base it addresses (repeat for more; `samskap workbook list` shows them)
    #[arg(long = "challenge", value_name = "ID")]
    pub challenges: Vec<String>,
    /// idea, prototype, tested or in-use
    #[arg(long, value_enum, ignore_case = true)]
    pub status: Option<StatusArg>,
    /// The solution's figure for one of the sprint's measures (`measures:` in the workbook or samskap.yaml), as ID=NUMBER; repeat for each
    #[arg(long = "measure", value_name = "ID=NUMBER", value_parser = measure_arg)]
    pub measures: Vec<(String, f64)>,
    /// Short for --measure families=HOURS (for workbooks that declare it)
    #[arg(long, value_name = "HOURS", value_parser = hours_arg, hide = true)]
    pub families: Option<f64>,
    /// Short for --measure staff=HOURS (for workbooks that declare it)
    #[arg(long, value_name = "HOURS", value_parser = hours_arg, hide = true)]
    pub staff: Option<f64>,
    /// Who owns it from here
    #[arg(long)]
    pub owner: Option<String>,
    /// What happens next
    #[arg(long)]
    pub next_step: Option<String>,
    /// Take the defaults for what is not given, without asking
    #[arg(long, short)]
    pub yes: bool,
}

/// A solution's status on the command line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum StatusArg {
    /// An idea
    #[value(aliases = Status::Idea.aliases())]
    Idea,
    /// A prototype exists
    #[value(aliases = Status::Prototype.aliases())]
    Prototype,
    /// Tested with residents
    #[value(aliases = Status::Tested.aliases())]
    Tested,
    /// In use
    #[value(aliases = Status::InUse.aliases())]
    InUse,
}

/// A leader's assessment.
#[derive(Debug, Args)]
pub struct AssessArgs {
    /// The leader (a name or a role)
    #[arg(long)]
    pub leader: Option<String>,
    /// The date (default: today)
    #[arg(long, value_parser = date_arg, value_name = "DATE")]
    pub date: Option<NaiveDate>,
    /// A score, as STATEMENT=N with N from 1 to 5 (repeat for each statement)
    #[arg(long = "score", value_name = "ID=N")]
    pub scores: Vec<String>,
    /// A YAML file of scores (`statement-id: N` per line)
    #[arg(long, value_name = "FILE")]
    pub file: Option<PathBuf>,
    /// A comment
    #[arg(long)]
    pub comment: Option<String>,
    /// Replace this leader's earlier assessment
    #[arg(long)]
    pub force: bool,
}

/// What to do with the built-in templates.
#[derive(Debug, Subcommand)]
pub enum TemplatesCommand {
    /// Copy the built-in templates into DIR, to change them (put them in the sprint's templates/ folder)
    Export {
        /// The folder to write into (created if missing)
        dir: PathBuf,
        /// Replace files that already exist
        #[arg(long)]
        force: bool,
    },
}

/// What to do with a workbook.
#[derive(Debug, Subcommand)]
pub enum WorkbookCommand {
    /// List the phases, weeks and steps as a tree
    List,
    /// Show a step, method, question topic or anything else with an id, in full
    Show {
        /// The id, as `samskap workbook list` shows it (for example `dybdeintervju`)
        id: String,
    },
    /// Check a workbook and report every problem with file, line and column
    Check {
        /// The workbook.yaml (or its folder) to check; default: --workbook, or the built-in one
        file: Option<PathBuf>,
        /// Print every finding as JSON for scripts (the shape is documented in README.md)
        #[arg(long)]
        json: bool,
    },
    /// Write the built-in workbook out as YAML files, to edit and use with --workbook
    Export {
        /// The folder to write into (created if missing)
        dir: PathBuf,
        /// Replace files that already exist
        #[arg(long)]
        force: bool,
    },
    /// Print the JSON Schema of workbook files, for editors that check and complete YAML
    Schema {
        /// The schema of the sprint file (samskap.yaml) instead
        #[arg(long)]
        sprint: bool,
    },
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn cli_is_well_formed() {
        super::Cli::command().debug_assert();
    }

    #[test]
    fn whole_numbers_are_refused_in_the_users_words() {
        assert_eq!(super::week_arg(" 8 "), Ok(8));
        assert_eq!(super::groups_arg("20"), Ok(20));
        for bad in ["x", "0", "54", "-1", "8.5"] {
            let why = super::week_arg(bad).unwrap_err();
            assert!(why.contains("1") && why.contains("53"), "{why}");
            assert!(!why.contains("invalid digit"), "{why}");
        }
        assert!(super::minutes_arg("601").is_err());
    }
}

//! One module per command: each loads what it needs and calls the library.

mod agenda;
mod assess;
mod build;
mod calendar;
mod check;
mod completions;
mod done;
mod guide;
mod interview;
mod interview_guide;
mod man;
mod manifest;
mod move_step;
mod new_sprint;
mod next;
mod portfolio;
mod report;
mod solution;
mod status;
mod templates;
mod workbook;

use std::path::PathBuf;

use crate::cli::{Cli, Command, Global};
use crate::error::{Error, Result};
use crate::i18n::msg;
use crate::sprint::Workspace;
use crate::workbook::{Lang, Workbook, WorkbookSource};

/// What every command knows from the global options.
pub struct Context {
    /// The output language, if --lang was given.
    pub lang_arg: Option<Lang>,
    /// The workbook named with --workbook, if any.
    pub workbook: Option<PathBuf>,
}

impl Context {
    fn new(global: &Global) -> Result<Self> {
        if let Some(dir) = &global.directory {
            std::env::set_current_dir(dir).map_err(|e| {
                Error::usage(
                    msg::cannot_run_in(
                        crate::i18n::ui(),
                        dir.display(),
                        crate::fs::describe_folder_io(&e, crate::i18n::ui()),
                    ),
                    msg::cannot_run_in_hint(crate::i18n::ui()),
                )
            })?;
        }
        Ok(Context {
            lang_arg: global.lang.map(Lang::from),
            workbook: global.workbook.clone(),
        })
    }

    /// The output language outside a sprint: --lang, else the language
    /// chosen for this run (see `i18n::resolve_ui`).
    pub fn lang(&self) -> Lang {
        self.lang_arg.unwrap_or_else(crate::i18n::ui)
    }

    /// Opens the sprint workspace around the current folder. The language
    /// asked for (--lang, or the sprint's `lang`) must be one the workbook
    /// is written in.
    pub fn workspace(&self) -> Result<Workspace> {
        let ws = Workspace::open(self.workbook.as_deref())?;
        if let Some(lang) = self.lang_arg.or(ws.sprint.lang) {
            ws.workbook.require_lang(lang)?;
        }
        Ok(ws)
    }

    /// The language to speak about `wb` outside a sprint: --lang, which
    /// must be one of its languages, else the run's language where the
    /// workbook has it, else its first.
    pub fn lang_for(&self, wb: &Workbook) -> Result<Lang> {
        match self.lang_arg {
            Some(lang) => wb.require_lang(lang),
            None => Ok(wb.lang_for(crate::i18n::ui())),
        }
    }

    /// Where the workbook comes from: --workbook, or the built-in one.
    pub fn workbook_source(&self) -> WorkbookSource {
        self.workbook
            .clone()
            .map_or(WorkbookSource::BuiltIn, WorkbookSource::Path)
    }

    /// Loads and validates the workbook, which must be written in the
    /// language --lang asks for.
    pub fn load_workbook(&self) -> Result<Workbook> {
        let wb = crate::workbook::load(&self.workbook_source())?;
        if let Some(lang) = self.lang_arg {
            wb.require_lang(lang)?;
        }
        Ok(wb)
    }
}

/// The format to write in: --format, else from the output file's
/// extension, else Markdown.
pub fn format_of(out: &crate::cli::OutputArgs) -> Result<crate::render::Format> {
    use crate::render::Format;
    if let Some(format) = out.format {
        return Ok(format);
    }
    let ext = out
        .output
        .as_ref()
        .and_then(|p| p.extension())
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    match ext.as_deref() {
        None | Some("md" | "markdown" | "txt") => Ok(Format::Md),
        Some("html" | "htm") => Ok(Format::Html),
        Some("docx") => Ok(Format::Docx),
        Some("pdf") => Ok(Format::Pdf),
        Some(other) => Err(Error::usage(
            msg::format_unknown(crate::i18n::ui(), other),
            msg::format_unknown_hint(crate::i18n::ui()),
        )),
    }
}

/// The frame of a document of `ws`: title, language, header and footer.
pub fn page(ws: &Workspace, title: &str, kind: &'static str, lang: Lang) -> crate::render::Page {
    frame(&ws.sprint.name, title, kind, lang)
}

/// The frame of a document called `title` under the header `header` (the
/// sprint's name, or the portfolio's heading).
pub fn frame(header: &str, title: &str, kind: &'static str, lang: Lang) -> crate::render::Page {
    // These values reach the HTML layout without Markdown's escaping.
    let printable = crate::render::markdown::printable;
    crate::render::Page {
        title: printable(title),
        lang,
        sprint: printable(header),
        footer: format!(
            "{} · {}",
            printable(header),
            crate::i18n::msg::made_with_samskap(lang)
        ),
        kind,
        print_header: crate::render::pdf::css_string(title),
        print_page: crate::render::pdf::page_counter(lang),
    }
}

/// Renders `doc` with `template` through the workspace's templates and the
/// privacy gate, and delivers it as `out` asks (the file, or stdout): the
/// last step of `agenda` and `interview-guide`.
pub fn deliver_document<T: serde::Serialize>(
    ws: &Workspace,
    template: &str,
    kind: &'static str,
    (doc, title): (&T, &str),
    out: &crate::cli::OutputArgs,
    lang: Lang,
    guard: &crate::render::guard::Guard,
) -> Result<()> {
    let format = format_of(out)?;
    let renderer = crate::render::Renderer::new(Some(&ws.path("templates")))?;
    let page = page(ws, title, kind, lang);
    let bytes = renderer.export(template, doc, &page, format, &[], guard)?;
    crate::output::deliver(&bytes, out.output.as_deref(), out.force)
}

/// What every export starts from: the workspace, its records and the gate.
pub type ExportInputs = (
    Workspace,
    crate::records::Records,
    crate::render::guard::Guard,
);

/// What every export starts from: the workspace, its records and the gate.
/// With `redact`, the personal data in every field of the settings and
/// records is replaced by its marker here, before anything is rendered.
pub fn export_inputs(cx: &Context, redact: bool) -> Result<ExportInputs> {
    let ws = cx.workspace()?;
    let lang = ws.lang(cx.lang_arg);
    export_inputs_of(ws, lang, redact)
}

/// Like [`export_inputs`], for a workspace already open: a portfolio's
/// sprints are opened by folder.
pub fn export_inputs_of(mut ws: Workspace, lang: Lang, redact: bool) -> Result<ExportInputs> {
    let mut records = crate::records::read(&ws)?;
    let too_long = crate::privacy::fields::too_long(&mut ws.sprint, &mut records);
    if !too_long.is_empty() {
        return Err(Error::Invalid(too_long));
    }
    let guard = guard_with(&ws, &records, redact, lang)?;
    if redact {
        crate::privacy::fields::redact(&mut ws.sprint, &mut records, &guard.detector);
        ws.follow_redaction();
    }
    Ok((ws, records, guard))
}

/// The privacy gate for documents of `ws`: the private names, the
/// pseudonyms of families who said no (from the records, which must have
/// been read: the gate never runs knowing less), and every file a
/// document's text may come from.
pub fn guard_with(
    ws: &Workspace,
    records: &crate::records::Records,
    redact: bool,
    lang: Lang,
) -> Result<crate::render::guard::Guard> {
    use crate::privacy::fields;
    let detector = fields::detector(ws, records)?;
    let sources = fields::sources(ws, records);
    let values = fields::scan_values(&ws.sprint, records, &detector, lang);
    Ok(crate::render::guard::Guard::new(
        detector,
        (sources, values),
        redact,
        lang,
    ))
}

/// Runs one parsed command line.
pub fn run(cli: Cli) -> Result<()> {
    let cx = Context::new(&cli.global)?;
    match cli.command {
        Command::Workbook { command } => workbook::run(&cx, command),
        Command::Completions { shell } => completions::run(&cx, shell),
        Command::NewSprint(args) => new_sprint::run(&cx, args),
        Command::Status { today, json } => status::run(&cx, today, json),
        Command::Next { today } => next::run(&cx, today),
        Command::Done {
            step,
            group,
            undo,
            date,
            today,
        } => done::run(&cx, &step, group.as_deref(), undo, date, today),
        Command::Guide { today } => guide::run(&cx, today),
        Command::Move {
            step,
            group,
            date,
            time,
            place,
            reset,
            force,
        } => {
            let target = match date {
                Some(date) if !reset => move_step::Target::To { date, time, place },
                _ => move_step::Target::Reset,
            };
            move_step::run(&cx, &step, group.as_deref(), target, force)
        }
        Command::Check { json } => check::run(&cx, json),
        Command::Man { output, force } => man::run(&cx, output.as_deref(), force),
        Command::Agenda {
            step,
            group,
            week,
            process_week,
            participant,
            out,
        } => agenda::run(
            &cx,
            step.as_deref(),
            group.as_deref(),
            week.map(agenda::WeekChoice::Calendar)
                .or(process_week.map(agenda::WeekChoice::Process)),
            participant,
            &out,
        ),
        Command::InterviewGuide {
            group,
            topics,
            minutes,
            out,
        } => {
            let choice = crate::render::context::GuideChoice { topics, minutes };
            interview_guide::run(&cx, &group, &choice, &out)
        }
        Command::Calendar {
            group,
            output,
            force,
        } => calendar::run(&cx, group.as_deref(), output.as_deref(), force),
        Command::Templates { command } => templates::run(&cx, command),
        Command::Interview { command } => interview::run(&cx, command),
        Command::Solution { command } => solution::run(&cx, command),
        Command::Assess(args) => assess::run(&cx, &args),
        Command::Report {
            interim,
            today,
            out,
        } => report::run(&cx, interim, today, &out),
        Command::Build {
            output,
            today,
            force,
            redact,
        } => build::run(&cx, output.as_deref(), today, force, redact),
        Command::Portfolio {
            sprints,
            output,
            today,
            force,
            strict,
            redact,
        } => portfolio::run(
            &cx,
            &portfolio::Args {
                sprints: &sprints,
                output: output.as_deref(),
                today,
                force,
                strict,
                redact,
            },
        ),
    }
}

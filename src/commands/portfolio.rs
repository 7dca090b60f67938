//! `samskap portfolio DIR… [-o DIR]`: one site for leaders over several
//! sprints. Each sprint is read as its own exports read it (its records,
//! its privacy gate), summarised, and its page passes its gate; the front
//! page, which shows every sprint, passes every sprint's gate.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use chrono::{Local, NaiveDate};

use super::Context;
use super::build::{Job, check_targets, progress_bar, render_all, write_site};
use super::manifest::Manifest;
use crate::dashboard::effect;
use crate::error::{Error, Result};
use crate::i18n::msg;
use crate::portfolio::list::{self, Folder};
use crate::portfolio::problem::{Problem, refusal};
use crate::portfolio::{self as pf, IndexDoc, SprintDoc, SprintSummary};
use crate::privacy::view::Reader;
use crate::render::guard::Guard;
use crate::render::{Figure, Format, Renderer};
use crate::sprint::Workspace;
use crate::workbook::Lang;

/// The command line.
pub struct Args<'a> {
    /// The sprints' folders and lists.
    pub sprints: &'a [PathBuf],
    /// Where to write.
    pub output: Option<&'a Path>,
    /// The day.
    pub today: Option<NaiveDate>,
    /// Replace files samskap did not write.
    pub force: bool,
    /// Stop at a sprint that cannot be shown.
    pub strict: bool,
    /// Replace personal data with a marker instead of refusing.
    pub redact: bool,
}

/// A sprint read for the portfolio.
struct Loaded {
    summary: SprintSummary,
    guard: Guard,
}

/// Runs the command.
pub fn run(cx: &Context, args: &Args<'_>) -> Result<()> {
    let ui = cx.lang();
    let listing = list::resolve(args.sprints, ui)?;
    let today = args.today.unwrap_or_else(|| Local::now().date_naive());
    // Opening a sprint is cheap: all of them are opened first, so that the
    // language is known before anything is worded.
    let opened = crate::parallel::map(&listing.folders, |f| open(cx, f));
    let (mut problems, opened) = same_ids(opened);
    let lang = cx
        .lang_arg
        .or_else(|| opened.first().map(|(_, ws)| ws.lang(None)))
        .unwrap_or(ui);
    // Every sprint is shown in the one language, which its workbook must
    // be written in, as a single sprint's commands require.
    for (folder, ws) in &opened {
        if let Err(Error::Usage { message, hint }) = ws.workbook.require_lang(lang) {
            return Err(Error::Usage {
                message: msg::portfolio_lang_not_in_workbook(ui, folder.dir.display(), message),
                hint,
            });
        }
    }
    let pages = page_names(&opened);
    // Each sprint is read on its own core; the cells hand each its sprint.
    let cells: Vec<_> = opened
        .into_iter()
        .zip(pages)
        .map(|((folder, ws), page)| (folder, page, Mutex::new(Some(ws))))
        .collect();
    let read = crate::parallel::map(&cells, |(folder, page, cell)| {
        let ws = cell.lock().ok().and_then(|mut c| c.take());
        let result = match ws {
            Some(ws) => read(ws, page.clone(), today, lang, args.redact),
            None => Err(crate::error::Error::Internal("a sprint read twice".into())),
        };
        (folder.clone(), result)
    });
    let mut sprints = Vec::new();
    for (folder, result) in read {
        match result {
            Ok(loaded) => sprints.push(loaded),
            Err(error) => problems.push(Problem::Unloadable { folder, error }),
        }
    }
    problems.sort_by_key(|p| listing.folders.iter().position(|f| f.dir == p.folder().dir));
    if args.strict && !problems.is_empty() {
        return Err(refusal(&problems, ui));
    }
    if sprints.is_empty() {
        let mut error = refusal(&problems, ui);
        if let crate::error::Error::Invalid(ds) = &mut error {
            ds.push(crate::diagnostic::Diagnostic::file(
                ".",
                msg::portfolio_none_left(ui, problems.len()),
            ));
        }
        return Err(error);
    }
    for p in &problems {
        crate::say!("{}", p.warning(ui));
    }
    let out = args.output.unwrap_or(Path::new("portfolio"));
    let title = listing
        .name
        .clone()
        .unwrap_or_else(|| msg::portfolio_title(lang).to_owned());
    write(out, &title, sprints, today, lang, args.force)
}

/// Opens the sprint in `folder`, or says why it cannot be shown.
fn open(cx: &Context, folder: &Folder) -> std::result::Result<Workspace, Problem> {
    if !folder.dir.join(crate::sprint::SPRINT_FILE).is_file() {
        return Err(Problem::NotASprint(folder.clone()));
    }
    let ws = Workspace::open_at(folder.dir.clone(), cx.workbook.as_deref());
    ws.map_err(|error| Problem::Unloadable {
        folder: folder.clone(),
        error,
    })
}

/// The sprints opened, each id once: a sprint with the id of one named
/// before it is a problem.
fn same_ids(
    opened: Vec<std::result::Result<Workspace, Problem>>,
) -> (Vec<Problem>, Vec<(Folder, Workspace)>) {
    let mut problems = Vec::new();
    let mut kept: Vec<(Folder, Workspace)> = Vec::new();
    for result in opened {
        match result {
            Err(p) => problems.push(p),
            Ok(ws) => {
                let id = ws.sprint.calendar_id();
                let folder = Folder {
                    dir: ws.root.clone(),
                    listed: None,
                };
                match kept.iter().find(|(_, o)| o.sprint.calendar_id() == id) {
                    Some((first, _)) => problems.push(Problem::SameId {
                        folder,
                        id,
                        first: first.dir.clone(),
                    }),
                    None => kept.push((folder, ws)),
                }
            }
        }
    }
    (problems, kept)
}

/// Each sprint's page: `sprint-ID.html`, with a number added where two
/// ids make the same file name.
fn page_names(opened: &[(Folder, Workspace)]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for (_, ws) in opened {
        let slug = crate::render::ics::slug(&ws.sprint.calendar_id());
        let mut name = format!("sprint-{slug}.html");
        let mut n = 2;
        while names.contains(&name) {
            name = format!("sprint-{slug}-{n}.html");
            n += 1;
        }
        names.push(name);
    }
    names
}

/// Reads a sprint as its exports do (records, the gate, progress), and
/// summarises it.
fn read(ws: Workspace, page: String, today: NaiveDate, lang: Lang, redact: bool) -> Result<Loaded> {
    let (ws, records, guard) = super::export_inputs_of(ws, lang, redact)?;
    let progress = ws.progress()?;
    let status = super::build::status_of(&ws, &ws.sessions(), &progress, today, lang);
    let summary = pf::summary(
        &pf::Input {
            ws: &ws,
            records: &records,
            status: &status,
            lang,
        },
        page,
    );
    Ok(Loaded { summary, guard })
}

/// Renders every page, each through the gates of the sprints it shows,
/// and writes them only when all passed.
fn write(
    out: &Path,
    title: &str,
    loaded: Vec<Loaded>,
    today: NaiveDate,
    lang: Lang,
    force: bool,
) -> Result<()> {
    let (sprints, guards): (Vec<SprintSummary>, Vec<Guard>) =
        loaded.into_iter().map(|l| (l.summary, l.guard)).unzip();
    let renderer = Renderer::new(None)?;
    let date = crate::plan::long_date(today, lang);
    let measures = pf::across::across(&sprints, lang);
    let charts = pf::across::charts(&measures, lang);
    let index = IndexDoc {
        t: pf::Words::new(lang),
        title: title.to_owned(),
        intro: msg::portfolio_intro(lang, sprints.len(), &date),
        in_use: pf::in_use(&sprints),
        chart: (!charts.is_empty()).then_some(effect::EFFECT_MARKER),
        measures,
        sprints,
        date: date.clone(),
    };
    let index_figures = figures(&charts, lang);
    let mut jobs: Vec<Job<'_>> = vec![Job::one("index.html", || {
        let page = super::frame(title, title, "portfolio", lang);
        let mut bytes = renderer.export(
            "portfolio.md",
            &index,
            &page,
            Format::Html,
            &index_figures,
            &guards[0],
        )?;
        for guard in &guards[1..] {
            bytes = guard.leave(&page.title, Reader::Html, bytes)?;
        }
        Ok(bytes)
    })];
    for (s, guard) in index.sprints.iter().zip(&guards) {
        let charts = effect::sprint_charts(&s.name, &s.totals, lang);
        let (renderer, date) = (&renderer, &date);
        jobs.push(Job::one(s.page.clone(), move || {
            let doc = SprintDoc {
                t: pf::Words::new(lang),
                portfolio: title,
                s,
                chart: (!charts.is_empty()).then_some(effect::EFFECT_MARKER),
                date: date.clone(),
            };
            let page = super::frame(title, &s.name, "portfolio", lang);
            let figures = figures(&charts, lang);
            renderer.export(
                "portfolio-sprint.md",
                &doc,
                &page,
                Format::Html,
                &figures,
                guard,
            )
        }));
    }
    let paths: Vec<PathBuf> = jobs.iter().flat_map(|j| j.paths.clone()).collect();
    let manifest = Manifest::read(out);
    check_targets(out, &paths, &manifest, force)?;
    let bar = progress_bar(paths.len());
    let files = render_all(&jobs, bar.as_ref())?;
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    write_site(out, &files, &manifest)?;
    crate::say!(
        "{}",
        msg::portfolio_wrote(
            lang,
            index.sprints.len(),
            out.display(),
            out.join("index.html").display()
        )
    );
    Ok(())
}

/// The effect's charts as the figure of a page, when there are any.
fn figures(charts: &[crate::dashboard::bars::Bars], lang: Lang) -> Vec<Figure> {
    if charts.is_empty() {
        return Vec::new();
    }
    vec![Figure {
        marker: effect::EFFECT_MARKER,
        html: effect::figure(charts, lang),
        picture: None,
    }]
}

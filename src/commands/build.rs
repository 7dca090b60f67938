//! `samskap build [-o DIR]`: every document of the sprint as a linked
//! static site. Files samskap wrote there before are replaced; any other
//! file in the way is kept unless --force.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use chrono::{Local, NaiveDate};

use super::Context;
use super::manifest::{Manifest, Standing, fingerprint};
use crate::dashboard::{
    self,
    pages::{group_page, guide_page, week_page},
};
use crate::error::{Error, Result};
use crate::fs::{self, Overwrite};
use crate::plan::Session;
use crate::privacy::view::Reader;
use crate::render::context;
use crate::render::{Format, Renderer};
use crate::sprint::Workspace;
use crate::workbook::Lang;

/// Files of the site made together, on demand (on any of the threads):
/// one page, or the report in every format from one rendering.
pub(super) struct Job<'a> {
    pub(super) paths: Vec<PathBuf>,
    pub(super) make: Box<dyn Fn() -> Result<Vec<Vec<u8>>> + Send + Sync + 'a>,
}

impl<'a> Job<'a> {
    /// A job that makes one file.
    pub(super) fn one(
        path: impl Into<PathBuf>,
        make: impl Fn() -> Result<Vec<u8>> + Send + Sync + 'a,
    ) -> Self {
        Job {
            paths: vec![path.into()],
            make: Box::new(move || make().map(|bytes| vec![bytes])),
        }
    }
}

/// Runs the command.
pub fn run(
    cx: &Context,
    out: Option<&Path>,
    today: Option<NaiveDate>,
    force: bool,
    redact: bool,
) -> Result<()> {
    let (ws, records, guard) = super::export_inputs(cx, redact)?;
    let lang = guard.lang;
    // By default the site goes to the sprint's own out/, wherever we run.
    let default_out = ws.path("out");
    let out = out.unwrap_or(&default_out);
    let today = today.unwrap_or_else(|| Local::now().date_naive());
    let renderer = Renderer::new(Some(&ws.path("templates")))?;
    let sessions = ws.sessions();
    let progress = ws.progress()?;
    let inputs = super::report::Inputs {
        ws: &ws,
        records: &records,
        progress: &progress,
    };
    // The report is printed to PDF too when there is a browser to print it.
    let browser = crate::render::pdf::Browser::find()?;
    let jobs = jobs(
        &inputs,
        &renderer,
        &guard,
        &sessions,
        today,
        lang,
        browser.is_some(),
    );
    let paths: Vec<PathBuf> = jobs.iter().flat_map(|j| j.paths.clone()).collect();
    let manifest = Manifest::read(out);
    check_targets(out, &paths, &manifest, force)?;
    let bar = progress_bar(jobs.iter().map(|j| j.paths.len()).sum());
    // Everything is rendered before anything is written, so a document that
    // fails (personal data found, a broken template) leaves DIR as it was.
    // Pages are independent: they are rendered on every core.
    let files = render_all(&jobs, bar.as_ref())?;
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    let removed = write_site(out, &files, &manifest)?;
    let index = out.join("index.html");
    let wrote = match removed {
        0 => crate::i18n::msg::build_wrote(lang, files.len(), out.display(), index.display()),
        n => crate::i18n::msg::build_wrote_removed(
            lang,
            files.len(),
            out.display(),
            n,
            index.display(),
        ),
    };
    crate::say!("{wrote}");
    if browser.is_none() {
        crate::say!("{}", crate::i18n::msg::build_report_pdf_was_not_made(lang));
    }
    Ok(())
}

/// Where the sprint stands on `today`, as `status` and the dashboard see it.
pub(super) fn status_of(
    ws: &Workspace,
    sessions: &[Session],
    progress: &crate::sprint::Progress,
    today: NaiveDate,
    lang: Lang,
) -> crate::sprint::status::Status {
    crate::sprint::status::status(
        crate::sprint::status::Facts {
            workbook: &ws.workbook,
            sprint: &ws.sprint,
            sessions: sessions.to_vec(),
            progress,
            interviews: ws.interview_counts(),
            in_breaks: ws.in_breaks(),
        },
        today,
        lang,
    )
}

/// Writes `files` into `out`, each atomically, with the manifest of what
/// was written; pages the last run made that this one does not (a removed
/// group's) go, unless someone changed them since. Returns how many went.
pub(super) fn write_site(out: &Path, files: &[Rendered], manifest: &Manifest) -> Result<usize> {
    for file in files {
        fs::write(&out.join(&file.path), &file.bytes, Overwrite::Generated)?;
    }
    let listed: Vec<(&Path, u64)> = files.iter().map(|f| (f.path.as_path(), f.print)).collect();
    Manifest::write(out, &listed)?;
    let paths: Vec<PathBuf> = files.iter().map(|f| f.path.clone()).collect();
    manifest.remove_gone(out, &paths)
}

/// A file of the site, ready to write.
pub(super) struct Rendered {
    /// Where, relative to the output folder.
    pub(super) path: PathBuf,
    /// What.
    pub(super) bytes: Vec<u8>,
    /// Its fingerprint, for the manifest.
    pub(super) print: u64,
}

/// Renders every job on every core: the files, in job order.
pub(super) fn render_all(
    jobs: &[Job<'_>],
    bar: Option<&indicatif::ProgressBar>,
) -> Result<Vec<Rendered>> {
    let made = crate::parallel::map(jobs, |job| {
        let files = (job.make)()?;
        if let Some(bar) = bar {
            bar.inc(job.paths.len() as u64);
        }
        // Fingerprinted here, on every core, rather than after, on one.
        Ok(job
            .paths
            .iter()
            .zip(files)
            .map(|(path, bytes)| Rendered {
                path: path.clone(),
                print: fingerprint(&bytes),
                bytes,
            })
            .collect())
    });
    made.into_iter()
        .collect::<Result<Vec<Vec<_>>>>()
        .map(|files| files.into_iter().flatten().collect())
}

pub(super) fn progress_bar(len: usize) -> Option<indicatif::ProgressBar> {
    std::io::stderr().is_terminal().then(|| {
        let bar = indicatif::ProgressBar::new(len as u64);
        if let Ok(style) = indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} {msg}") {
            bar.set_style(style);
        }
        bar
    })
}

/// Files in the way that the last build did not write, or that someone
/// changed since, are kept, unless --force.
pub(super) fn check_targets(
    out: &Path,
    paths: &[PathBuf],
    manifest: &Manifest,
    force: bool,
) -> Result<()> {
    if force {
        return Ok(());
    }
    let (mut changed, mut theirs) = (Vec::new(), Vec::new());
    for path in paths {
        match manifest.standing(out, path) {
            Standing::Changed => changed.push(out.join(path)),
            Standing::Theirs => theirs.push(out.join(path)),
            Standing::Ours | Standing::Absent => {}
        }
    }
    if !theirs.is_empty() {
        return Err(Error::Exists(theirs));
    }
    if changed.is_empty() {
        Ok(())
    } else {
        Err(Error::Changed(changed))
    }
}

fn jobs<'a>(
    inputs: &'a super::report::Inputs<'a>,
    renderer: &'a Renderer,
    guard: &'a crate::render::guard::Guard,
    sessions: &'a [Session],
    today: NaiveDate,
    lang: Lang,
    pdf: bool,
) -> Vec<Job<'a>> {
    let ws: &'a Workspace = inputs.ws;
    let mut jobs: Vec<Job<'a>> = Vec::new();
    // The longest jobs come first, so that no core is left with one of
    // them at the end while the other idles. The report is final once every
    // session is marked done.
    let interim = sessions
        .iter()
        .any(|s| inputs.progress.find(&s.step, s.group.as_deref()).is_none());
    let mut report = vec![
        (Format::Docx, "report.docx"),
        (Format::Html, "report.html"),
        (Format::Md, "report.md"),
    ];
    if pdf {
        report.push((Format::Pdf, "report.pdf"));
    }
    let (formats, paths): (Vec<Format>, Vec<&str>) = report.into_iter().unzip();
    jobs.push(Job {
        paths: paths.into_iter().map(PathBuf::from).collect(),
        make: Box::new(move || {
            super::report::render(inputs, renderer, guard, interim, today, &formats)
        }),
    });
    jobs.push(Job::one("calendar.ics", move || {
        super::calendar::ics_text(ws, None, lang)
            .and_then(|text| guard.leave("calendar.ics", Reader::Calendar, text.into_bytes()))
    }));
    // One page per week of the process; its title names the calendar week.
    let mut weeks: Vec<u32> = sessions.iter().map(|s| s.week).collect();
    weeks.sort_unstable();
    weeks.dedup();
    for week in weeks {
        let href = week_page(week);
        let chosen: Vec<Session> = sessions
            .iter()
            .filter(|s| s.week == week)
            .cloned()
            .collect();
        let words = chosen
            .first()
            .map(|s| super::agenda::week_words(ws, s, lang))
            .unwrap_or_default();
        let title = crate::i18n::msg::agenda_for(lang, words);
        jobs.push(Job::one(href, move || {
            let doc = context::agenda(ws, &chosen, title.clone(), false, lang);
            let page = super::page(ws, &doc.title, "agenda", lang);
            renderer.export("agenda.md", &doc, &page, Format::Html, &[], guard)
        }));
    }
    for group in &ws.sprint.groups {
        let agenda = group_page(&group.id);
        let guide = guide_page(&group.id);
        let chosen: Vec<Session> = sessions
            .iter()
            .filter(|s| s.group.as_deref() == Some(group.id.as_str()))
            .cloned()
            .collect();
        jobs.push(Job::one(agenda, move || {
            let title = crate::i18n::msg::build_group_agenda(lang, &group.name);
            let doc = context::agenda(ws, &chosen, title, false, lang);
            let page = super::page(ws, &doc.title, "agenda", lang);
            renderer.export("agenda.md", &doc, &page, Format::Html, &[], guard)
        }));
        jobs.push(Job::one(guide, move || {
            let doc = context::interview_guide(ws, group, lang, &context::GuideChoice::default())?;
            let page = super::page(ws, &doc.title, "interview-guide", lang);
            renderer.export("interview-guide.md", &doc, &page, Format::Html, &[], guard)
        }));
    }
    let status = status_of(ws, sessions, inputs.progress, today, lang);
    jobs.push(Job::one("index.html", move || {
        let (index, figures) = dashboard::index(&dashboard::Input {
            ws,
            records: inputs.records,
            status: &status,
            today,
            lang,
            report_pdf: pdf.then_some("report.pdf"),
        });
        let page = super::page(ws, &ws.sprint.name, "index", lang);
        renderer.export("index.md", &index, &page, Format::Html, &figures, guard)
    }));
    jobs
}

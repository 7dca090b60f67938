//! `samskap man [-o DIR] [--force]`: the manual pages, made by clap_mangen
//! from the same command tree (and language) as `--help`.

use std::path::{Path, PathBuf};

use super::Context;
use crate::error::{Error, Result};
use crate::fs::{self, Overwrite};
use crate::i18n::msg;
use crate::output;
use crate::workbook::Lang;

/// Runs the command.
pub fn run(cx: &Context, dir: Option<&Path>, force: bool) -> Result<()> {
    let mut cmd = crate::i18n::command(cx.lang());
    cmd.build();
    let pages = pages(&cmd, cx.lang())?;
    let Some(dir) = dir else {
        let (_, main) = pages.last().expect("the top page is always made");
        return output::print(&String::from_utf8_lossy(main));
    };
    let targets: Vec<PathBuf> = pages.iter().map(|(name, _)| dir.join(name)).collect();
    let overwrite = if force {
        Overwrite::Allowed
    } else {
        fs::ensure_absent(&targets)?;
        Overwrite::Never
    };
    for ((_, page), target) in pages.iter().zip(&targets) {
        fs::write(target, page, overwrite)?;
    }
    crate::say!(
        "{}",
        msg::man_written(cx.lang(), targets.len(), dir.display())
    );
    Ok(())
}

/// Every page: one per command (not the `help` command), the top one last.
fn pages(cmd: &clap::Command, lang: Lang) -> Result<Vec<(String, Vec<u8>)>> {
    let mut out = Vec::new();
    for sub in cmd.get_subcommands() {
        if sub.get_name() != "help" && !sub.is_hide_set() {
            out.extend(pages(sub, lang)?);
        }
    }
    // The date must not be empty: clap_mangen leaves an empty one unquoted, so
    // man reads the next field in its place.
    let today = chrono::Local::now().date_naive();
    // NAME reads "samskap - what it is": an about that begins with the
    // name itself ("samskap: arbeidsboka …") would say it twice.
    let mut page_cmd = cmd.clone();
    let about = cmd.get_about().map(ToString::to_string);
    if let Some(rest) = about
        .as_deref()
        .and_then(|a| a.strip_prefix(&format!("{}: ", cmd.get_name())))
    {
        page_cmd = page_cmd.about(rest.to_owned());
    }
    let man = clap_mangen::Man::new(page_cmd)
        .date(crate::plan::dates::date_range(today, today, lang))
        .manual(msg::man_manual(lang));
    let mut page = Vec::new();
    man.render(&mut page)
        .map_err(|e| Error::Internal(format!("man page of {}: {e}", cmd.get_name())))?;
    let page = localise_headings(&String::from_utf8_lossy(&page), lang);
    out.push((man.get_filename(), page.into_bytes()));
    Ok(out)
}

/// clap_mangen writes its own section headings (`.SH NAME`, `.SH SYNOPSIS`
/// …) in English; only those control lines change, and every heading is in
/// capitals as man pages have them (clap's "Kommandoer" too).
fn localise_headings(page: &str, lang: Lang) -> String {
    let mut out = String::with_capacity(page.len());
    for line in page.split_inclusive('\n') {
        let Some(heading) = line.strip_prefix(".SH ") else {
            out.push_str(line);
            continue;
        };
        let (heading, end) = heading
            .strip_suffix('\n')
            .map_or((heading, ""), |h| (h, "\n"));
        let words = match heading {
            "NAME" => msg::man_heading_name(lang),
            "SYNOPSIS" => msg::man_heading_synopsis(lang),
            "DESCRIPTION" => msg::man_heading_description(lang),
            "OPTIONS" => msg::man_heading_options(lang),
            "EXTRA" => msg::man_heading_extra(lang),
            "VERSION" => msg::man_heading_version(lang),
            "AUTHORS" => msg::man_heading_authors(lang),
            other => other,
        };
        out.push_str(&format!(".SH {}{end}", words.to_uppercase()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_for_every_command_and_one_for_samskap() {
        let mut cmd = crate::i18n::command(Lang::Nn);
        cmd.build();
        let pages = pages(&cmd, Lang::Nn).unwrap();
        let names: Vec<&str> = pages.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names.last(), Some(&"samskap.1"));
        assert!(names.contains(&"samskap-new-sprint.1"), "{names:?}");
        assert!(names.contains(&"samskap-workbook-check.1"), "{names:?}");
        let top = String::from_utf8_lossy(&pages.last().unwrap().1).into_owned();
        assert!(top.contains(".TH samskap 1"), "{top}");
        assert!(top.contains("arbeidsboka"), "{top}");
        assert!(!top.contains("samskap \\- samskap:"), "{top}");
    }

    #[test]
    fn every_section_heading_is_in_the_pages_language() {
        for (lang, name, synopsis, commands) in [
            (Lang::Nb, ".SH NAVN\n", ".SH BRUK\n", ".SH KOMMANDOER\n"),
            (Lang::Nn, ".SH NAMN\n", ".SH BRUK\n", ".SH KOMMANDOAR\n"),
            (
                Lang::En,
                ".SH NAME\n",
                ".SH SYNOPSIS\n",
                ".SH SUBCOMMANDS\n",
            ),
        ] {
            let mut cmd = crate::i18n::command(lang);
            cmd.build();
            let pages = pages(&cmd, lang).unwrap();
            let top = String::from_utf8_lossy(&pages.last().unwrap().1).into_owned();
            for heading in [name, synopsis, commands] {
                assert!(top.contains(heading), "{lang:?}: no {heading:?} in\n{top}");
            }
            if lang != Lang::En {
                for page in &pages {
                    let page = String::from_utf8_lossy(&page.1);
                    for english in ["NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "VERSION"] {
                        assert!(
                            !page.contains(&format!(".SH {english}\n")),
                            "{lang:?}: {english} in {}",
                            page.lines().nth(2).unwrap_or_default()
                        );
                    }
                }
            }
        }
    }
}

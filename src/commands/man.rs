//! `samskap man [-o DIR] [--force]`: the manual pages, made by clap_mangen
//! from the same command tree (and language) as `--help`.

use std::path::{Path, PathBuf};

use super::Context;
use crate::error::{Error, Result};
use crate::fs::{self, Overwrite};
use crate::i18n::msg;
use crate::output;

/// Runs the command.
pub fn run(cx: &Context, dir: Option<&Path>, force: bool) -> Result<()> {
    let mut cmd = crate::i18n::command(cx.lang());
    cmd.build();
    let pages = pages(&cmd)?;
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
fn pages(cmd: &clap::Command) -> Result<Vec<(String, Vec<u8>)>> {
    let mut out = Vec::new();
    for sub in cmd.get_subcommands() {
        if sub.get_name() != "help" && !sub.is_hide_set() {
            out.extend(pages(sub)?);
        }
    }
    let man = clap_mangen::Man::new(cmd.clone());
    let mut page = Vec::new();
    man.render(&mut page)
        .map_err(|e| Error::Internal(format!("man page of {}: {e}", cmd.get_name())))?;
    out.push((man.get_filename(), page));
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workbook::Lang;

    #[test]
    fn a_page_for_every_command_and_one_for_samskap() {
        let mut cmd = crate::i18n::command(Lang::Nn);
        cmd.build();
        let pages = pages(&cmd).unwrap();
        let names: Vec<&str> = pages.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names.last(), Some(&"samskap.1"));
        assert!(names.contains(&"samskap-new-sprint.1"), "{names:?}");
        assert!(names.contains(&"samskap-workbook-check.1"), "{names:?}");
        let top = String::from_utf8_lossy(&pages.last().unwrap().1).into_owned();
        assert!(top.contains(".TH samskap 1"), "{top}");
        assert!(top.contains("arbeidsboka"), "{top}");
    }
}

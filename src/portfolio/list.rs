//! Which sprints a portfolio shows: the folders named on the command line,
//! and the folders a `portfolio.yaml` lists (relative to that file).

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::diagnostic::Diagnostic;
use crate::error::{Error, Result};
use crate::i18n::msg;
use crate::workbook::Lang;
use crate::workbook::text::At;

/// The file that lists a portfolio's sprints.
pub const PORTFOLIO_FILE: &str = "portfolio.yaml";

/// `portfolio.yaml` as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PortfolioFile {
    /// The portfolio's heading, such as the district's name.
    #[serde(default)]
    name: Option<String>,
    /// The sprints' folders, relative to this file.
    sprints: Vec<At<String>>,
}

/// A sprint's folder, and where it was named.
#[derive(Clone, Debug, PartialEq)]
pub struct Folder {
    /// The folder, as samskap reaches it from where it runs.
    pub dir: PathBuf,
    /// The line of `portfolio.yaml` that lists it; none when it was named
    /// on the command line.
    pub listed: Option<Box<Diagnostic>>,
}

impl Folder {
    /// A problem with this folder: at its line in `portfolio.yaml`, or at
    /// the folder itself when it was named on the command line.
    pub fn diagnostic(&self, message: String) -> Diagnostic {
        match &self.listed {
            Some(at) => Diagnostic {
                message,
                ..(**at).clone()
            },
            None => Diagnostic::file(self.dir.display().to_string(), message),
        }
    }
}

/// What the portfolio is made of.
#[derive(Debug, Default)]
pub struct Listing {
    /// The heading, when a `portfolio.yaml` names one.
    pub name: Option<String>,
    /// The sprints' folders, in the order given.
    pub folders: Vec<Folder>,
}

/// The folders `args` name: each a sprint's folder, a `portfolio.yaml`, or
/// a folder holding one (and no sprint). Without any, `portfolio.yaml` in
/// the current folder.
pub fn resolve(args: &[PathBuf], lang: Lang) -> Result<Listing> {
    let mut listing = Listing::default();
    if args.is_empty() {
        let here = Path::new(PORTFOLIO_FILE);
        if !here.is_file() {
            return Err(Error::usage(
                msg::portfolio_no_sprints(lang),
                msg::portfolio_no_sprints_hint(lang),
            ));
        }
        read_list(here, &mut listing)?;
        return Ok(listing);
    }
    for arg in args {
        let inside = arg.join(PORTFOLIO_FILE);
        if arg.is_file() {
            read_list(arg, &mut listing)?;
        } else if arg.is_dir()
            && !arg.join(crate::sprint::SPRINT_FILE).is_file()
            && inside.is_file()
        {
            read_list(&inside, &mut listing)?;
        } else {
            listing.folders.push(Folder {
                dir: arg.clone(),
                listed: None,
            });
        }
    }
    Ok(listing)
}

/// Adds the folders `file` lists to `listing`.
fn read_list(file: &Path, listing: &mut Listing) -> Result<()> {
    let display = file.display().to_string();
    let text = crate::fs::read_text(file)?;
    let parsed: PortfolioFile =
        crate::yaml::parse(&display, &text, 0).map_err(|d| Error::Invalid(vec![d]))?;
    let base = file.parent().unwrap_or(Path::new(""));
    if listing.name.is_none() {
        listing.name = parsed.name.filter(|n| !n.trim().is_empty());
    }
    for entry in parsed.sprints {
        let listed = Diagnostic::at(&display, &text, entry.loc.line, entry.loc.col, "");
        listing.folders.push(Folder {
            dir: base.join(entry.value.trim()),
            listed: Some(Box::new(listed)),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_names_folders_relative_to_itself() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("district/portfolio.yaml");
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(
            &file,
            "name: Bydel Nord\nsprints:\n  - varen-2027\n  - ../eldre-2027\n",
        )
        .unwrap();
        let listing = resolve(&[file.parent().unwrap().to_owned()], Lang::En).unwrap();
        assert_eq!(listing.name.as_deref(), Some("Bydel Nord"));
        let dirs: Vec<PathBuf> = listing.folders.iter().map(|f| f.dir.clone()).collect();
        assert_eq!(
            dirs,
            [
                dir.path().join("district/varen-2027"),
                dir.path().join("district/../eldre-2027")
            ]
        );
        let d = listing.folders[1].diagnostic("not a sprint".into());
        assert_eq!((d.line, d.message.as_str()), (4, "not a sprint"));
    }

    #[test]
    fn an_unknown_key_is_refused_at_its_line() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("portfolio.yaml");
        std::fs::write(&file, "sprints: [a]\nsprint: [b]\n").unwrap();
        match resolve(&[file], Lang::En) {
            Err(Error::Invalid(ds)) => assert_eq!(ds[0].line, 2),
            other => panic!("{other:?}"),
        }
    }
}

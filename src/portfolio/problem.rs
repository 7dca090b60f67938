//! What can be wrong with a sprint a portfolio is to show: the folder is no
//! sprint, it has the id of another, or it does not load. Such a sprint is
//! left out with a warning, or, with `--strict`, stops the portfolio.

use std::path::PathBuf;

use super::list::Folder;
use crate::diagnostic::Diagnostic;
use crate::error::Error;
use crate::i18n::msg;
use crate::workbook::Lang;

/// A sprint the portfolio cannot show.
#[derive(Debug)]
pub enum Problem {
    /// The folder has no `samskap.yaml`.
    NotASprint(Folder),
    /// Another sprint named before it has the same id.
    SameId {
        /// This one.
        folder: Folder,
        /// The id.
        id: String,
        /// The folder of the sprint named first.
        first: PathBuf,
    },
    /// Its settings, workbook or records fail to load.
    Unloadable {
        /// The folder.
        folder: Folder,
        /// Why.
        error: Error,
    },
}

impl Problem {
    /// The folder it concerns.
    pub fn folder(&self) -> &Folder {
        match self {
            Problem::NotASprint(folder)
            | Problem::SameId { folder, .. }
            | Problem::Unloadable { folder, .. } => folder,
        }
    }

    /// The problem as diagnostics: the first names the folder (at its line
    /// of `portfolio.yaml` when listed there), the rest say what is wrong
    /// inside it.
    pub fn diagnostics(&self, lang: Lang) -> Vec<Diagnostic> {
        let folder = self.folder();
        let dir = folder.dir.display();
        match self {
            Problem::NotASprint(_) => vec![
                folder
                    .diagnostic(msg::portfolio_not_a_sprint(lang, dir))
                    .with_hint(msg::portfolio_not_a_sprint_hint(lang)),
            ],
            Problem::SameId { id, first, .. } => vec![
                folder
                    .diagnostic(msg::portfolio_same_id(lang, dir, id, first.display()))
                    .with_hint(msg::portfolio_same_id_hint(lang)),
            ],
            Problem::Unloadable {
                error: Error::Invalid(inner),
                ..
            } => {
                let why = msg::problems_found(lang, inner.len());
                let mut all = vec![folder.diagnostic(msg::portfolio_cannot_load(lang, dir, why))];
                all.extend(inner.iter().cloned());
                all
            }
            Problem::Unloadable { error, .. } => {
                let d =
                    folder.diagnostic(msg::portfolio_cannot_load(lang, dir, error.message(lang)));
                vec![match error.hint_in(lang) {
                    Some(hint) => d.with_hint(hint),
                    None => d,
                }]
            }
        }
    }

    /// The warning printed when the sprint is left out.
    pub fn warning(&self, lang: Lang) -> String {
        let mut parts: Vec<String> = self
            .diagnostics(lang)
            .iter()
            .map(|d| d.render_warning(lang))
            .collect();
        parts.push(format!(
            "{}: {}",
            msg::warning_prefix(lang),
            msg::portfolio_left_out(lang, self.folder().dir.display())
        ));
        parts.join("\n")
    }
}

/// The error that stops a portfolio with `problems` under `--strict`, or
/// with no sprint left to show.
pub fn refusal(problems: &[Problem], lang: Lang) -> Error {
    Error::Invalid(problems.iter().flat_map(|p| p.diagnostics(lang)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_problem_names_the_folder() {
        let folder = Folder {
            dir: PathBuf::from("sprints/notes"),
            listed: None,
        };
        let problems = [
            Problem::NotASprint(folder.clone()),
            Problem::SameId {
                folder: folder.clone(),
                id: "varen".into(),
                first: PathBuf::from("sprints/varen"),
            },
            Problem::Unloadable {
                folder,
                error: Error::usage("no good", "fix it"),
            },
        ];
        for p in &problems {
            let text = p.warning(Lang::En);
            assert!(text.starts_with("warning: "), "{text}");
            assert!(text.contains("`sprints/notes`"), "{text}");
            assert!(text.contains("left out of the portfolio"), "{text}");
        }
        assert!(problems[1].warning(Lang::En).contains("`sprints/varen`"));
        assert!(
            problems[2]
                .warning(Lang::Nb)
                .contains("kan ikke lastes: no good")
        );
        match refusal(&problems, Lang::En) {
            Error::Invalid(ds) => assert_eq!(ds.len(), 3),
            other => panic!("{other:?}"),
        }
    }
}

//! `samskap templates export DIR`.

use super::Context;
use crate::cli::TemplatesCommand;
use crate::error::Result;
use crate::fs::{self, Overwrite};
use crate::i18n::tr;
use crate::render::builtin_templates;

/// Runs the command.
pub fn run(cx: &Context, command: TemplatesCommand) -> Result<()> {
    let TemplatesCommand::Export { dir, force } = command;
    let files = builtin_templates();
    let targets: Vec<_> = files.iter().map(|(name, _)| dir.join(name)).collect();
    let overwrite = if force {
        Overwrite::Allowed
    } else {
        Overwrite::Never
    };
    if !force {
        fs::ensure_absent(&targets)?;
    }
    for ((_, contents), target) in files.iter().zip(&targets) {
        fs::write(target, contents, overwrite)?;
    }
    let lang = cx.lang();
    crate::say!(
        "{} {} {} {}\n{}",
        tr(lang, "Skrev", "Wrote"),
        targets.len(),
        tr(lang, "maler til", "templates to"),
        dir.display(),
        tr(
            lang,
            "Legg de du endrer i sprintens templates/-mappe; samskap bruker dem i stedet for de innebygde.",
            "Put the ones you change in the sprint's templates/ folder; samskap uses them instead of the built-in ones."
        ),
    );
    Ok(())
}

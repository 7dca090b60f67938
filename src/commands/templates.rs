//! `samskap templates export DIR`.

use super::Context;
use crate::cli::TemplatesCommand;
use crate::error::Result;
use crate::fs::{self, Overwrite};
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
        crate::i18n::msg::templates_wrote(lang),
        targets.len(),
        crate::i18n::msg::templates_templates_to(lang),
        dir.display(),
        crate::i18n::msg::templates_put_the_ones_you_change(lang),
    );
    Ok(())
}

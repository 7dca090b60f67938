//! `samskap completions SHELL`: completions generated from the clap types,
//! their descriptions (shown on Tab in zsh, fish and PowerShell) in the
//! same language as `--help`.

use clap_complete::Shell;

use super::Context;
use crate::error::Result;
use crate::output;

/// Prints the completion script for `shell`.
pub fn run(cx: &Context, shell: Shell) -> Result<()> {
    let mut cmd = crate::i18n::command(cx.lang());
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut cmd, "samskap", &mut script);
    output::print(&String::from_utf8_lossy(&script))
}

#[cfg(test)]
mod tests {
    use crate::workbook::Lang;

    #[test]
    fn descriptions_follow_the_language() {
        for (lang, words) in [(Lang::Nn, "arbeidsgruppe"), (Lang::En, "work group")] {
            let mut cmd = crate::i18n::command(lang);
            let mut script = Vec::new();
            clap_complete::generate(clap_complete::Shell::Fish, &mut cmd, "samskap", &mut script);
            let script = String::from_utf8(script).unwrap();
            assert!(script.contains(words), "{lang:?}: {script}");
        }
    }
}

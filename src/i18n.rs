//! The few words samskap itself says, in the user's language. Pairs stand at
//! the call site, so a reader sees both versions together.

use crate::workbook::Lang;

/// `nb` or `en`, as `lang` asks.
pub fn tr(lang: Lang, nb: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Nb => nb,
        Lang::En => en,
    }
}

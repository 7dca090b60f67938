//! The employees a sprint names in its documents: the project lead, shown on
//! agendas, and the contact residents call to withdraw their consent, named
//! in the interview guide's consent text. Staff, not residents: the privacy
//! gate lets the contact's own name and work number through, and nothing
//! else of the kind (see [`crate::privacy::Detector::allowing`]).

use schemars::JsonSchema;
use serde::Deserialize;

use crate::diagnostic::Diagnostic;
use crate::i18n::msg;
use crate::workbook::At;
use crate::workbook::load::Sources;

/// `contact:` as written.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ContactFile {
    /// The employee residents contact to withdraw their consent, as the interview guide names them.
    pub name: At<String>,
    /// Their work phone number, such as "23 40 00 00": the one phone number documents may show.
    pub phone: At<String>,
}

/// The contact for withdrawing consent, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Contact {
    /// The name, as written.
    pub name: String,
    /// The phone number, as written (a Norwegian number).
    pub phone: String,
}

/// Checks `contact:`: a name, and a phone number the privacy gate reads
/// as one (else the gate would not know it as the contact's).
pub fn check_contact(
    file: Option<ContactFile>,
    sources: &Sources,
) -> Result<Option<Contact>, Vec<Diagnostic>> {
    let Some(file) = file else {
        return Ok(None);
    };
    let lang = crate::i18n::ui();
    let mut problems = Vec::new();
    if file.name.trim().is_empty() {
        problems.push(
            sources
                .diagnostic(file.name.loc, msg::contact_no_name(lang))
                .with_hint(msg::contact_hint(lang)),
        );
    }
    if crate::privacy::phone_number(&file.phone).is_none() {
        problems.push(
            sources
                .diagnostic(
                    file.phone.loc,
                    msg::contact_bad_phone(lang, file.phone.trim()),
                )
                .with_hint(msg::contact_hint(lang)),
        );
    }
    if problems.is_empty() {
        Ok(Some(Contact {
            name: file.name.value.trim().to_owned(),
            phone: file.phone.value.trim().to_owned(),
        }))
    } else {
        Err(problems)
    }
}

//! The knowledge base's challenges and the solutions that address each.

use serde::Serialize;

use super::Input;

/// The section's context.
#[derive(Debug, Serialize)]
pub struct Knowledge {
    /// The heading: the workbook's, else "Knowledge base".
    pub heading: String,
    /// "Solutions addressing it".
    pub addressed_by: &'static str,
    /// "none yet".
    pub none_yet: &'static str,
    /// The challenges.
    pub challenges: Vec<ChallengeRow>,
}

/// A challenge and the solutions that address it.
#[derive(Debug, Serialize)]
pub struct ChallengeRow {
    /// Its title.
    pub title: String,
    /// Its description.
    pub description: String,
    /// The solutions' titles.
    pub solutions: Vec<String>,
}

/// The section, when the workbook has a knowledge base with challenges.
pub fn build(i: &Input<'_>) -> Option<Knowledge> {
    let k = i.ws.workbook.knowledge.as_ref()?;
    if k.challenges.is_empty() {
        return None;
    }
    Some(Knowledge {
        heading: k.title.as_ref().map_or_else(
            || crate::i18n::msg::report_knowledge_base(i.lang).to_owned(),
            |t| t.get(i.lang).to_owned(),
        ),
        addressed_by: crate::i18n::msg::report_solutions_addressing_it(i.lang),
        none_yet: crate::i18n::msg::report_none_yet(i.lang),
        challenges: k
            .challenges
            .iter()
            .map(|c| ChallengeRow {
                title: c.title.get(i.lang).to_owned(),
                description: c.description.get(i.lang).to_owned(),
                solutions: i
                    .records
                    .solutions
                    .iter()
                    .filter(|s| s.challenges.iter().any(|x| x == c.id.as_str()))
                    .map(|s| s.title.clone())
                    .collect(),
            })
            .collect(),
    })
}

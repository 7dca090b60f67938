//! The challenge and the target group the sprint works on.

use serde::Serialize;

use super::Input;

/// The section's context.
#[derive(Debug, Serialize)]
pub struct About {
    /// The heading.
    pub heading: &'static str,
    /// "Challenge".
    pub challenge_label: &'static str,
    /// The sprint's challenge.
    pub challenge: String,
    /// "Target group".
    pub target_group_label: &'static str,
    /// The sprint's target group.
    pub target_group: String,
}

/// The section, when the sprint states a challenge or a target group.
pub fn build(i: &Input<'_>) -> Option<About> {
    let sprint = &i.ws.sprint;
    if sprint.challenge.trim().is_empty() && sprint.target_group.trim().is_empty() {
        return None;
    }
    Some(About {
        heading: crate::i18n::msg::report_challenge_and_target_group(i.lang),
        challenge_label: crate::i18n::msg::context_challenge(i.lang),
        challenge: sprint.challenge.clone(),
        target_group_label: crate::i18n::msg::context_target_group(i.lang),
        target_group: sprint.target_group.clone(),
    })
}

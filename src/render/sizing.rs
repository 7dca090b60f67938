//! An interview guide sized to the interview: the topics chosen for the
//! group, and as many of each topic's questions (in the order the workbook
//! asks them) as fit the minutes after the consent, the warm-up and the
//! closing, which are always kept.

use crate::error::{Error, Result};
use crate::i18n::{msg, ui};
use crate::workbook::{QuestionBank, Topic};

/// How an interview's time is shared, from the workbook's
/// `questions.interview` (or samskap's defaults).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Timing {
    /// How long an interview lasts.
    pub minutes: u16,
    /// How many topics one interview covers.
    pub topics: usize,
    /// The consent text and the warm-up questions.
    pub opening: u16,
    /// The closing questions.
    pub closing: u16,
    /// One main question with its follow-ups.
    pub per_question: u16,
}

impl Timing {
    /// The workbook's timing, each value it leaves out samskap's default
    /// (45 minutes, every topic, 10 + 5 minutes, 3 per question).
    pub fn of(bank: &QuestionBank) -> Timing {
        let size = bank.interview.as_ref();
        Timing {
            minutes: size
                .and_then(|s| s.minutes.as_ref())
                .map_or(45, |m| m.value),
            topics: size
                .and_then(|s| s.topics.as_ref())
                .map_or(usize::MAX, |t| usize::from(t.value)),
            opening: size
                .and_then(|s| s.opening_minutes.as_ref())
                .map_or(10, |m| m.value),
            closing: size
                .and_then(|s| s.closing_minutes.as_ref())
                .map_or(5, |m| m.value),
            per_question: size
                .and_then(|s| s.minutes_per_question.as_ref())
                .map_or(3, |m| m.value.max(1)),
        }
    }
}

/// The guide's plan: each chosen topic with how many of its questions are
/// asked, and the time that takes.
#[derive(Debug)]
pub struct Plan<'a> {
    /// The topics with the number of their questions in the guide.
    pub topics: Vec<(&'a Topic, usize)>,
    /// The interview's minutes.
    pub minutes: u16,
    /// Minutes for the main questions.
    pub main_minutes: u16,
    /// The number of main questions.
    pub main_questions: usize,
    /// The timing it was made with.
    pub timing: Timing,
}

/// Plans a guide from `bank`: the topics `chosen` (ids; else the first of
/// `default` as many as the workbook recommends) in `minutes` (else the
/// workbook's).
pub fn plan<'a>(
    bank: &'a QuestionBank,
    default: &[&'a Topic],
    chosen: Option<&[String]>,
    minutes: Option<u16>,
) -> Result<Plan<'a>> {
    let timing = Timing::of(bank);
    let topics: Vec<&Topic> = match chosen {
        Some(ids) if !ids.is_empty() => {
            ids.iter().map(|id| find(bank, id)).collect::<Result<_>>()?
        }
        _ => default.iter().copied().take(timing.topics).collect(),
    };
    let minutes = minutes.unwrap_or(timing.minutes);
    let fixed = timing.opening + timing.closing;
    let main_minutes = minutes.saturating_sub(fixed);
    let budget = usize::from(main_minutes / timing.per_question);
    if budget < topics.len() {
        return Err(Error::usage(
            msg::guide_too_short(ui(), minutes, budget, fixed, topics.len()),
            msg::guide_too_short_hint(ui(), timing.per_question),
        ));
    }
    // Round by round, one more question from each topic that has one left,
    // so that every topic gets its first questions before any its last.
    let mut counts = vec![0usize; topics.len()];
    let mut left = budget;
    while left > 0 {
        let before = left;
        for (i, topic) in topics.iter().enumerate() {
            if left > 0 && counts[i] < topic.questions.len() {
                counts[i] += 1;
                left -= 1;
            }
        }
        if left == before {
            break;
        }
    }
    let main_questions = counts.iter().sum();
    Ok(Plan {
        topics: topics.into_iter().zip(counts).collect(),
        minutes,
        main_minutes,
        main_questions,
        timing,
    })
}

/// The topic `id` of the bank, or an error naming the ones there are.
fn find<'a>(bank: &'a QuestionBank, id: &str) -> Result<&'a Topic> {
    bank.topics
        .iter()
        .find(|t| t.id.as_str() == id.trim())
        .ok_or_else(|| {
            let ids: Vec<&str> = bank.topics.iter().map(|t| t.id.as_str()).collect();
            let near = ids
                .iter()
                .max_by(|a, b| strsim::jaro_winkler(a, id).total_cmp(&strsim::jaro_winkler(b, id)))
                .filter(|n| strsim::jaro_winkler(n, id) > 0.8)
                .copied();
            let message = match near {
                Some(near) => msg::unknown_topic_near(ui(), id.trim(), near),
                None => msg::unknown_topic(ui(), id.trim()),
            };
            Error::usage(message, msg::unknown_topic_hint(ui(), ids.join(", ")))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bank() -> QuestionBank {
        let wb = crate::workbook::load(&crate::workbook::WorkbookSource::BuiltIn).unwrap();
        wb.questions.unwrap()
    }

    #[test]
    fn the_workbook_default_fits_its_minutes_with_first_questions_first() {
        let bank = bank();
        let default: Vec<&Topic> = bank.topics.iter().take(6).collect();
        let plan = plan(&bank, &default, None, None).unwrap();
        assert_eq!(plan.minutes, 45);
        assert_eq!(plan.topics.len(), 3);
        assert_eq!(plan.main_questions, 10);
        let counts: Vec<usize> = plan.topics.iter().map(|(_, n)| *n).collect();
        assert_eq!(counts, [4, 3, 3]);
        let t = plan.timing;
        assert!(t.opening + t.closing + plan.main_questions as u16 * t.per_question <= 45);
    }

    #[test]
    fn chosen_topics_and_minutes_decide() {
        let bank = bank();
        let ids = vec!["overganger".to_owned(), " det-som-fungerer".to_owned()];
        let plan = plan(&bank, &[], Some(&ids), Some(90)).unwrap();
        let chosen: Vec<&str> = plan.topics.iter().map(|(t, _)| t.id.as_str()).collect();
        assert_eq!(chosen, ["overganger", "det-som-fungerer"]);
        // 75 minutes of main questions, but the two topics have 13.
        assert_eq!(plan.main_questions, 13);
    }

    #[test]
    fn too_few_minutes_or_an_unknown_topic_are_refused() {
        let bank = bank();
        let ids = vec!["overganger".to_owned(), "hverdag-og-tid".to_owned()];
        let err = plan(&bank, &[], Some(&ids), Some(18)).unwrap_err();
        assert!(err.to_string().contains("18 minutter"), "{err}");
        let ids = vec!["overgangar".to_owned()];
        let err = plan(&bank, &[], Some(&ids), None).unwrap_err();
        assert!(err.to_string().contains("mente du `overganger`"), "{err}");
    }
}

//! Checks of the fields that place a workbook's steps in time: the working
//! day of its defaults, consecutive days, pinned days and session lengths.

use crate::diagnostic::Diagnostic;
use crate::plan::day::{Span, SpanError, WorkingDay};

use super::load::Sources;
use super::model::Defaults;
use super::{At, Workbook};

/// The working day the workbook proposes, or the usual one.
pub fn working_day(defaults: &Defaults) -> WorkingDay {
    let span = |s: &Option<At<String>>| s.as_ref().and_then(|s| Span::parse(s).ok());
    match (span(&defaults.hours), span(&defaults.lunch)) {
        (None, None) => WorkingDay::USUAL,
        (hours, lunch) => WorkingDay::new(
            hours.unwrap_or(WorkingDay::USUAL.hours()),
            lunch.unwrap_or(WorkingDay::USUAL.lunch()),
        )
        .unwrap_or(WorkingDay::USUAL),
    }
}

/// What is wrong with a span as written, in words, with a hint.
pub fn span_problem(text: &str, what: SpanField) -> Option<(String, String)> {
    use crate::i18n::{msg, ui};
    let l = ui();
    match (Span::parse(text), what) {
        (Ok(_), _) => None,
        (Err(SpanError::NotASpan), SpanField::Hours) => Some((
            msg::plan_hours_not_a_span(l, text),
            msg::plan_span_hint(l).to_owned(),
        )),
        (Err(SpanError::NotASpan), SpanField::Lunch) => Some((
            msg::plan_lunch_not_a_span(l, text),
            msg::plan_span_hint(l).to_owned(),
        )),
        (Err(SpanError::EndNotAfterStart), SpanField::Hours) => Some((
            msg::plan_hours_backwards(l, text),
            msg::plan_span_backwards_hint(l).to_owned(),
        )),
        (Err(SpanError::EndNotAfterStart), SpanField::Lunch) => Some((
            msg::plan_lunch_backwards(l, text),
            msg::plan_span_backwards_hint(l).to_owned(),
        )),
    }
}

/// Which span of the day a field holds, for its messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SpanField {
    /// `hours:`, the working day.
    Hours,
    /// `lunch:`.
    Lunch,
}

/// Every problem with the timing fields of `wb`.
pub fn check(wb: &Workbook, sources: &Sources) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let mut problem = |loc, message: String, hint: String| {
        problems.push(sources.diagnostic(loc, message).with_hint(hint));
    };
    let defaults = &wb.defaults;
    let mut spans_ok = true;
    for (field, what) in [
        (&defaults.hours, SpanField::Hours),
        (&defaults.lunch, SpanField::Lunch),
    ] {
        if let Some(text) = field
            && let Some((message, hint)) = span_problem(text, what)
        {
            problem(text.loc, message, hint);
            spans_ok = false;
        }
    }
    let span = |s: &Option<At<String>>| s.as_ref().and_then(|s| Span::parse(s).ok());
    let hours = span(&defaults.hours).unwrap_or(WorkingDay::USUAL.hours());
    let lunch = span(&defaults.lunch).unwrap_or(WorkingDay::USUAL.lunch());
    if spans_ok && WorkingDay::new(hours, lunch).is_none() {
        let loc = defaults
            .lunch
            .as_ref()
            .or(defaults.hours.as_ref())
            .map(|l| l.loc);
        problem(
            loc.unwrap_or_default(),
            format!("lunch {lunch} is not inside the working day {hours}"),
            "put `lunch:` between the start and the end of `hours:` under `defaults:`".into(),
        );
    }
    let day = working_day(defaults);
    for phase in &wb.phases {
        for step in &phase.steps {
            if i64::from(*step.minutes) > day.longest() {
                problem(
                    step.minutes.loc,
                    format!(
                        "the step `{}` lasts {} minutes, but the longest stretch of the working day {} with lunch {} is {} minutes",
                        step.id,
                        *step.minutes,
                        day.hours(),
                        day.lunch(),
                        day.longest()
                    ),
                    "shorten the step, or widen `hours:` or move `lunch:` under `defaults:`".into(),
                );
            }
            match (&step.day, phase.consecutive_days) {
                (Some(d), false) => problem(
                    d.loc,
                    format!("the step `{}` has a `day:`, but its phase `{}` is not a run of consecutive days", step.id, phase.id),
                    "set `consecutive_days: true` on the phase, or pin a weekday with `weekday:` instead".into(),
                ),
                (Some(d), true) if **d == 0 => problem(
                    d.loc,
                    "days of a run count from 1".into(),
                    "use `day: 1` for the first day".into(),
                ),
                (None, true) => problem(
                    step.id.loc(),
                    format!("the step `{}` is in a run of consecutive days but has no `day:`", step.id),
                    "say which day of the run it is held, for example `day: 1`".into(),
                ),
                _ => {}
            }
            if phase.consecutive_days && step.weekday.is_some() {
                problem(
                    step.id.loc(),
                    format!(
                        "the step `{}` pins a weekday in a run of consecutive days",
                        step.id
                    ),
                    "use `day:` alone in a phase of consecutive days".into(),
                );
            }
        }
    }
    problems
}

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
    use crate::i18n::{msg, ui};
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
            msg::timing_lunch_outside(ui(), lunch, hours),
            msg::timing_lunch_outside_hint(ui()).to_owned(),
        );
    }
    let day = working_day(defaults);
    for phase in &wb.phases {
        for step in &phase.steps {
            if i64::from(*step.minutes) > day.longest() {
                problem(
                    step.minutes.loc,
                    msg::timing_step_too_long(
                        ui(),
                        &step.id,
                        *step.minutes,
                        day.hours(),
                        day.lunch(),
                        day.longest(),
                    ),
                    msg::timing_step_too_long_hint(ui()).to_owned(),
                );
            }
            match (&step.day, phase.consecutive_days) {
                (Some(d), false) => problem(
                    d.loc,
                    msg::timing_day_without_run(ui(), &step.id, &phase.id),
                    msg::timing_day_without_run_hint(ui()).to_owned(),
                ),
                (Some(d), true) if **d == 0 => problem(
                    d.loc,
                    msg::timing_day_zero(ui()).to_owned(),
                    msg::timing_day_zero_hint(ui()).to_owned(),
                ),
                (None, true) => problem(
                    step.id.loc(),
                    msg::timing_run_without_day(ui(), &step.id),
                    msg::timing_run_without_day_hint(ui()).to_owned(),
                ),
                _ => {}
            }
            if phase.consecutive_days && step.weekday.is_some() {
                problem(
                    step.id.loc(),
                    msg::timing_weekday_in_run(ui(), &step.id),
                    msg::timing_weekday_in_run_hint(ui()).to_owned(),
                );
            }
        }
    }
    problems
}

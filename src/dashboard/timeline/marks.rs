//! The sessions' marks: a shape per state (so the chart reads in black and
//! white and for those who do not see colour), a dashed ring for a session
//! moved from its planned day, a square frame for one held in a break, and
//! the legend's small pictures of each.

use std::fmt::Write;

use std::collections::HashMap;

use chrono::NaiveDate;

use super::shades::{DayOff, pattern};
use super::{LANE, Scale, Timeline};
use crate::dashboard::svg::esc;

/// A session's state as the dashboard shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum MarkState {
    /// Marked done.
    Done,
    /// Held today.
    Today,
    /// One of the next sessions ahead.
    Next,
    /// Its day has passed and it is not marked done.
    Overdue,
    /// Further ahead.
    Upcoming,
}

impl MarkState {
    /// Every state, in the legend's order.
    pub const ALL: [MarkState; 5] = [
        MarkState::Done,
        MarkState::Today,
        MarkState::Next,
        MarkState::Overdue,
        MarkState::Upcoming,
    ];

    /// The class on the mark, also used by tests to count marks by state.
    pub fn class(self) -> &'static str {
        match self {
            MarkState::Done => "done",
            MarkState::Today => "today",
            MarkState::Next => "next",
            MarkState::Overdue => "overdue",
            MarkState::Upcoming => "upcoming",
        }
    }

    /// The shape, centred on (x, y).
    fn shape(self, x: f64, y: f64) -> String {
        const R: f64 = 6.0;
        match self {
            MarkState::Done => {
                format!("<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{R}\" fill=\"#1e6b3a\"/>")
            }
            MarkState::Today => format!(
                "<path d=\"M{x:.1} {:.1}L{:.1} {y:.1}L{x:.1} {:.1}L{:.1} {y:.1}Z\" fill=\"#a34f00\"/>",
                y - R - 1.5,
                x + R + 1.5,
                y + R + 1.5,
                x - R - 1.5
            ),
            MarkState::Next => format!(
                "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{:.1}\" fill=\"#ffffff\" stroke=\"#0b4f8a\" stroke-width=\"2.5\"/><circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"2.2\" fill=\"#0b4f8a\"/>",
                R - 0.5
            ),
            MarkState::Overdue => format!(
                "<path d=\"M{x:.1} {:.1}L{:.1} {:.1}L{:.1} {:.1}Z\" fill=\"#b00020\"/>",
                y - R - 1.0,
                x + R + 1.0,
                y + R,
                x - R - 1.0,
                y + R
            ),
            MarkState::Upcoming => format!(
                "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{:.1}\" fill=\"#ffffff\" stroke=\"#5a5a5a\" stroke-width=\"1.5\"/>",
                R - 0.5
            ),
        }
    }
}

/// The dashed ring around a mark of a session that was moved.
fn moved_ring(x: f64, y: f64) -> String {
    format!(
        "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"9.5\" fill=\"none\" stroke=\"#5a2a82\" stroke-width=\"1.5\" stroke-dasharray=\"2.5 2\"/>"
    )
}

/// The square frame around a mark of a session held in a break: square,
/// where the moved ring is round, so the two read apart and together.
fn break_frame(x: f64, y: f64) -> String {
    format!(
        "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"21\" height=\"21\" fill=\"none\" stroke=\"#1b1b1b\" stroke-width=\"1.5\"/>",
        x - 10.5,
        y - 10.5
    )
}

/// One entry of the legend beside the chart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Legend {
    /// A session in this state.
    State(MarkState),
    /// A session moved from its planned day.
    Moved,
    /// A session held in a break.
    InBreak,
    /// A shaded break or public holiday.
    DayOff(DayOff),
}

/// A small stand-alone picture of a legend's entry.
pub fn legend_icon(item: Legend) -> String {
    let inner = match item {
        Legend::State(state) => state.shape(11.0, 11.0),
        Legend::Moved => moved_ring(11.0, 11.0),
        Legend::InBreak => MarkState::Upcoming.shape(11.0, 11.0) + &break_frame(11.0, 11.0),
        Legend::DayOff(kind) => format!(
            "<defs>{}</defs><rect x=\"1\" y=\"1\" width=\"20\" height=\"20\" fill=\"url(#legend-{})\" stroke=\"#8a8a8a\"/>",
            pattern(kind, "legend"),
            kind.class()
        ),
    };
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" aria-hidden=\"true\" focusable=\"false\" width=\"22\" height=\"22\" viewBox=\"0 0 22 22\">{inner}</svg>"
    )
}

/// Every session's mark, in the rows starting at `top`.
pub(super) fn draw(s: &mut String, t: &Timeline, top: f64, scale: &Scale) {
    // Counted first, so the marks of a crowded day are placed in one pass.
    let mut count: HashMap<(usize, NaiveDate), usize> = HashMap::new();
    for mark in &t.marks {
        *count.entry((mark.lane, mark.date)).or_default() += 1;
    }
    let mut seen: HashMap<(usize, NaiveDate), usize> = HashMap::new();
    for mark in &t.marks {
        // Sessions of one row on one day sit side by side.
        let key = (mark.lane, mark.date);
        let n = count[&key] as f64;
        let k = seen.entry(key).or_default();
        let cx = scale.x(mark.date) + scale.per_day / 2.0 + (*k as f64 - (n - 1.0) / 2.0) * 9.0;
        *k += 1;
        let cy = top + LANE * mark.lane as f64 + LANE / 2.0;
        let _ = write!(
            s,
            "<g class=\"mark {}{}{}\"><title>{}</title>{}{}{}</g>",
            mark.state.class(),
            if mark.moved { " moved" } else { "" },
            if mark.in_break { " in-break" } else { "" },
            esc(&mark.label),
            mark.state.shape(cx, cy),
            if mark.moved {
                moved_ring(cx, cy)
            } else {
                String::new()
            },
            if mark.in_break {
                break_frame(cx, cy)
            } else {
                String::new()
            }
        );
    }
}

//! The timeline of the process as an inline SVG: phases as bands over a
//! calendar axis of ISO weeks, one row for the sessions everyone attends
//! and one per work group, every session a mark whose shape (not only its
//! colour) says its state, breaks and holidays shaded. Pure: it draws the
//! values it is given.

use std::fmt::Write;

use chrono::{Datelike, Days, NaiveDate};

use super::svg::{esc, fit};

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

    /// The shape, centred on (x, y). Each state has its own shape, so the
    /// chart reads in black and white and for those who do not see colour.
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

/// A small stand-alone picture of a state, for the legend beside the chart.
pub fn legend_icon(state: Option<MarkState>, moved: bool, shade: bool) -> String {
    let mut inner = String::new();
    if shade {
        inner.push_str("<rect x=\"1\" y=\"1\" width=\"20\" height=\"20\" fill=\"url(#legend-hatch)\" stroke=\"#8a8a8a\"/>");
    }
    if let Some(state) = state {
        inner.push_str(&state.shape(11.0, 11.0));
    }
    if moved {
        inner.push_str(&moved_ring(11.0, 11.0));
    }
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" aria-hidden=\"true\" focusable=\"false\" width=\"22\" height=\"22\" viewBox=\"0 0 22 22\">{}{inner}</svg>",
        if shade { HATCH_LEGEND } else { "" }
    )
}

const HATCH_LEGEND: &str = "<defs><pattern id=\"legend-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#eeeeee\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#9a9a9a\" stroke-width=\"2\"/></pattern></defs>";

/// One session on the timeline.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    /// The row: 0 for everyone's sessions when there are any, else a group's.
    pub lane: usize,
    /// The day it is held.
    pub date: NaiveDate,
    /// Its state.
    pub state: MarkState,
    /// Whether it was moved from the plan's day.
    pub moved: bool,
    /// What a pointer over it shows: the step, the day, the state.
    pub label: String,
}

/// A stretch of days drawn across the chart: a phase above, a break or
/// holiday shaded.
#[derive(Clone, Debug, PartialEq)]
pub struct Span {
    /// Its name.
    pub label: String,
    /// The first day.
    pub from: NaiveDate,
    /// The last day (inclusive).
    pub to: NaiveDate,
}

/// Everything the chart shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Timeline {
    /// Announced first by screen readers.
    pub title: String,
    /// The chart's figures in words.
    pub desc: String,
    /// The rows' names, top to bottom.
    pub lanes: Vec<String>,
    /// The phases, in order.
    pub phases: Vec<Span>,
    /// Breaks and holidays.
    pub shaded: Vec<Span>,
    /// Every session.
    pub marks: Vec<Mark>,
    /// The day the dashboard is made for, drawn as a line when in range.
    pub today: NaiveDate,
    /// "I dag" / "Today".
    pub today_label: String,
    /// "Uke" / "Week", above the ISO week numbers.
    pub week_label: String,
}

const WIDTH: f64 = 760.0;
const LABEL: f64 = 150.0;
const RIGHT: f64 = 8.0;
const BAND: f64 = 24.0;
const AXIS: f64 = 22.0;
const LANE: f64 = 28.0;
/// Room under the rows for the today line's label.
const TODAY_ROW: f64 = 16.0;

/// The Monday of `date`'s ISO week.
fn monday(date: NaiveDate) -> NaiveDate {
    date - Days::new(u64::from(date.weekday().num_days_from_monday()))
}

/// The days the chart spans: whole ISO weeks around every mark and phase.
fn range(t: &Timeline) -> Option<(NaiveDate, NaiveDate)> {
    let dates = t
        .marks
        .iter()
        .map(|m| m.date)
        .chain(t.phases.iter().flat_map(|p| [p.from, p.to]));
    let (first, last) = dates.fold(None, |acc: Option<(NaiveDate, NaiveDate)>, d| match acc {
        None => Some((d, d)),
        Some((a, b)) => Some((a.min(d), b.max(d))),
    })?;
    Some((monday(first), monday(last) + Days::new(6)))
}

/// The chart as a `<svg>` element (no surrounding figure).
pub fn svg(t: &Timeline) -> String {
    let Some((start, end)) = range(t) else {
        return String::new();
    };
    let days = (end - start).num_days() as f64 + 1.0;
    let plot = WIDTH - LABEL - RIGHT;
    let per_day = plot / days;
    let x = |d: NaiveDate| LABEL + (d - start).num_days() as f64 * per_day;
    let top = BAND + AXIS;
    let height = top + LANE * t.lanes.len().max(1) as f64 + 8.0 + TODAY_ROW;
    let mut s = String::new();
    let _ = write!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline\" role=\"img\" aria-labelledby=\"timeline-title timeline-desc\" viewBox=\"0 0 {WIDTH} {height}\" width=\"100%\" style=\"max-width:{WIDTH}px\">\
<title id=\"timeline-title\">{}</title><desc id=\"timeline-desc\">{}</desc>\
<defs><pattern id=\"timeline-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#eeeeee\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#9a9a9a\" stroke-width=\"2\"/></pattern></defs>",
        esc(&t.title),
        esc(&t.desc)
    );
    phases(&mut s, t, &x, per_day);
    weeks(&mut s, t, start, end, &x, per_day, height);
    for span in &t.shaded {
        let (from, to) = (span.from.max(start), span.to.min(end));
        if from > to {
            continue;
        }
        let _ = write!(
            s,
            "<rect class=\"shade\" x=\"{:.1}\" y=\"{top}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"url(#timeline-hatch)\"><title>{}</title></rect>",
            x(from),
            ((to - from).num_days() as f64 + 1.0) * per_day,
            height - top - 8.0 - TODAY_ROW,
            esc(&span.label)
        );
    }
    lanes(&mut s, t, top);
    if (start..=end).contains(&t.today) {
        let tx = x(t.today) + per_day / 2.0;
        let _ = write!(
            s,
            "<line x1=\"{tx:.1}\" x2=\"{tx:.1}\" y1=\"{}\" y2=\"{:.1}\" stroke=\"#a34f00\" stroke-width=\"2\"/><text x=\"{tx:.1}\" y=\"{:.1}\" font-size=\"11\" text-anchor=\"middle\" fill=\"#7a3b00\" font-weight=\"bold\">{}</text>",
            top,
            height - TODAY_ROW - 4.0,
            height - 4.0,
            esc(&t.today_label)
        );
    }
    marks(&mut s, t, top, &x, per_day);
    s.push_str("</svg>");
    s
}

fn phases(s: &mut String, t: &Timeline, x: &dyn Fn(NaiveDate) -> f64, per_day: f64) {
    let mut left = LABEL;
    for (i, phase) in t.phases.iter().enumerate() {
        // A phase starts where the one before ends, so bands never overlap.
        let from = x(monday(phase.from)).max(left);
        let to = (x(monday(phase.to)) + 7.0 * per_day).max(from);
        left = to;
        let width = to - from;
        let fill = if i % 2 == 0 { "#dce8f4" } else { "#bcd3ea" };
        let chars = ((width - 6.0) / 6.6).max(0.0) as usize;
        let _ = write!(
            s,
            "<rect x=\"{from:.1}\" y=\"0\" width=\"{width:.1}\" height=\"{BAND}\" fill=\"{fill}\" stroke=\"#ffffff\"><title>{}</title></rect>",
            esc(&phase.label)
        );
        if chars >= 2 {
            let _ = write!(
                s,
                "<text x=\"{:.1}\" y=\"16\" font-size=\"12\" text-anchor=\"middle\" fill=\"#0f2a44\">{}</text>",
                from + width / 2.0,
                esc(&fit(&phase.label, chars))
            );
        }
    }
}

fn weeks(
    s: &mut String,
    t: &Timeline,
    start: NaiveDate,
    end: NaiveDate,
    x: &dyn Fn(NaiveDate) -> f64,
    per_day: f64,
    height: f64,
) {
    let week_width = 7.0 * per_day;
    // Every other label when they would crowd.
    let every = if week_width < 20.0 { 2 } else { 1 };
    let _ = write!(
        s,
        "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\" text-anchor=\"end\" fill=\"#1b1b1b\">{}</text>",
        LABEL - 8.0,
        BAND + 15.0,
        esc(&t.week_label)
    );
    let mut day = start;
    let mut i = 0;
    while day <= end {
        let x0 = x(day);
        let _ = write!(
            s,
            "<line x1=\"{x0:.1}\" x2=\"{x0:.1}\" y1=\"{BAND}\" y2=\"{:.1}\" stroke=\"#c8c8c8\" stroke-width=\"1\"/>",
            height - 8.0 - TODAY_ROW
        );
        if i % every == 0 {
            let _ = write!(
                s,
                "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\" text-anchor=\"middle\" fill=\"#1b1b1b\">{}</text>",
                x0 + week_width / 2.0,
                BAND + 15.0,
                day.iso_week().week()
            );
        }
        day = day + Days::new(7);
        i += 1;
    }
}

fn lanes(s: &mut String, t: &Timeline, top: f64) {
    for (i, lane) in t.lanes.iter().enumerate() {
        let y = top + LANE * i as f64 + LANE / 2.0;
        let _ = write!(
            s,
            "<line x1=\"{LABEL}\" x2=\"{:.1}\" y1=\"{y:.1}\" y2=\"{y:.1}\" stroke=\"#dddddd\" stroke-width=\"1\"/><text x=\"{:.1}\" y=\"{:.1}\" font-size=\"12\" text-anchor=\"end\" fill=\"#1b1b1b\"><title>{}</title>{}</text>",
            WIDTH - RIGHT,
            LABEL - 8.0,
            y + 4.0,
            esc(lane),
            esc(&fit(lane, 22))
        );
    }
}

fn marks(s: &mut String, t: &Timeline, top: f64, x: &dyn Fn(NaiveDate) -> f64, per_day: f64) {
    for (i, mark) in t.marks.iter().enumerate() {
        // Sessions of one row on one day sit side by side.
        let same: Vec<usize> = (0..t.marks.len())
            .filter(|&j| t.marks[j].lane == mark.lane && t.marks[j].date == mark.date)
            .collect();
        let k = same.iter().position(|&j| j == i).unwrap_or(0) as f64;
        let n = same.len() as f64;
        let cx = x(mark.date) + per_day / 2.0 + (k - (n - 1.0) / 2.0) * 9.0;
        let cy = top + LANE * mark.lane as f64 + LANE / 2.0;
        let _ = write!(
            s,
            "<g class=\"mark {}{}\"><title>{}</title>{}{}</g>",
            mark.state.class(),
            if mark.moved { " moved" } else { "" },
            esc(&mark.label),
            mark.state.shape(cx, cy),
            if mark.moved {
                moved_ring(cx, cy)
            } else {
                String::new()
            }
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn timeline() -> Timeline {
        let mark = |lane, d: &str, state| Mark {
            lane,
            date: date(d),
            state,
            moved: false,
            label: format!("<{d}>"),
        };
        Timeline {
            title: "Tidslinje".into(),
            desc: "Tre samlinger".into(),
            lanes: vec!["Alle".into(), "Gruppe <1>".into()],
            phases: vec![
                Span {
                    label: "Kartlegge".into(),
                    from: date("2027-09-08"),
                    to: date("2027-09-08"),
                },
                Span {
                    label: "Prøve ut".into(),
                    from: date("2027-09-15"),
                    to: date("2027-09-22"),
                },
            ],
            shaded: vec![Span {
                label: "Høstferie".into(),
                from: date("2027-09-13"),
                to: date("2027-09-14"),
            }],
            marks: vec![
                mark(0, "2027-09-08", MarkState::Done),
                mark(0, "2027-09-08", MarkState::Overdue),
                Mark {
                    moved: true,
                    ..mark(1, "2027-09-22", MarkState::Next)
                },
            ],
            today: date("2027-09-15"),
            today_label: "I dag".into(),
            week_label: "Uke".into(),
        }
    }

    #[test]
    fn one_mark_per_session_with_its_state_and_label() {
        let svg = svg(&timeline());
        assert_eq!(svg.matches("<g class=\"mark ").count(), 3);
        assert!(svg.contains("<g class=\"mark done\"><title>&lt;2027-09-08&gt;</title>"));
        assert!(svg.contains("<g class=\"mark next moved\">"));
        assert!(svg.contains("stroke-dasharray"));
        assert!(svg.contains("role=\"img\""));
        assert!(svg.contains("<title id=\"timeline-title\">Tidslinje</title>"));
        // The lane's name is escaped.
        assert!(svg.contains("Gruppe &lt;1&gt;"));
    }

    #[test]
    fn weeks_holidays_and_today_are_drawn() {
        let svg = svg(&timeline());
        // ISO weeks 36 to 38, Monday 6 to Sunday 26 September.
        for week in ["36", "37", "38"] {
            assert!(svg.contains(&format!(">{week}</text>")), "{week}");
        }
        assert!(!svg.contains(">39</text>"));
        assert!(svg.contains("class=\"shade\""));
        assert!(svg.contains("<title>Høstferie</title>"));
        assert!(svg.contains(">I dag</text>"));
    }

    #[test]
    fn two_sessions_on_one_day_sit_side_by_side() {
        let mut t = timeline();
        t.marks[1].state = MarkState::Done;
        let svg = svg(&t);
        let xs: Vec<&str> = svg
            .split("<g class=\"mark ")
            .skip(1)
            .take(2)
            .map(|g| g.split("cx=\"").nth(1).unwrap().split('"').next().unwrap())
            .collect();
        assert_ne!(xs[0], xs[1]);
    }

    #[test]
    fn nothing_to_draw_is_no_chart() {
        let empty = Timeline {
            marks: vec![],
            phases: vec![],
            ..timeline()
        };
        assert_eq!(svg(&empty), "");
    }
}

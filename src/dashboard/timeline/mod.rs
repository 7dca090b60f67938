//! The timeline of the process as an inline SVG: phases as bands over a
//! calendar axis of ISO weeks, one row for the sessions everyone attends
//! and one per work group, every session a mark whose shape (not only its
//! colour) says its state, breaks and holidays shaded. Pure: it draws the
//! values it is given.

pub mod marks;
pub mod shades;

use std::fmt::Write;

use chrono::{Datelike, Days, NaiveDate};

pub use marks::{Legend, MarkState, legend_icon};
pub use shades::{DayOff, Shade};

use super::svg::{esc, fit};

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
    /// Whether its day falls in one of the sprint's breaks.
    pub in_break: bool,
    /// What a pointer over it shows: the step, the day, the state.
    pub label: String,
}

/// A phase: a stretch of days drawn as a band above the weeks.
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
    /// Breaks and holidays, each named by its letter.
    pub shaded: Vec<Shade>,
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
pub(crate) const LANE: f64 = 28.0;
/// The characters of a row's name that fit left of the rows (12-px text).
const LANE_CHARS: usize = 20;
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

/// Where the days fall across the chart: `per_day` units a day, the
/// first day at the rows' left edge.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scale {
    /// The first day shown.
    pub start: NaiveDate,
    /// The last day shown.
    pub end: NaiveDate,
    /// The width of one day.
    pub per_day: f64,
}

impl Scale {
    /// The days from `start` to `end` over the plot's width.
    pub fn new(start: NaiveDate, end: NaiveDate) -> Self {
        let days = (end - start).num_days() as f64 + 1.0;
        Scale {
            start,
            end,
            per_day: (WIDTH - LABEL - RIGHT) / days,
        }
    }

    /// The left edge of `day`.
    pub fn x(&self, day: NaiveDate) -> f64 {
        LABEL + (day - self.start).num_days() as f64 * self.per_day
    }

    /// The rows' left edge.
    pub fn left(&self) -> f64 {
        LABEL
    }

    /// The rows' right edge.
    pub fn right(&self) -> f64 {
        WIDTH - RIGHT
    }

    /// The band of the days `from` to `to` (inclusive) as its left edge
    /// and width, cut to the days shown; `None` when none of them is.
    pub fn band(&self, from: NaiveDate, to: NaiveDate) -> Option<(f64, f64)> {
        let (from, to) = (from.max(self.start), to.min(self.end));
        (from <= to).then(|| {
            (
                self.x(from),
                ((to - from).num_days() as f64 + 1.0) * self.per_day,
            )
        })
    }
}

/// The chart as a `<svg>` element (no surrounding figure).
pub fn svg(t: &Timeline) -> String {
    let Some((start, end)) = range(t) else {
        return String::new();
    };
    let scale = Scale::new(start, end);
    let shaded = t
        .shaded
        .iter()
        .any(|sh| scale.band(sh.from, sh.to).is_some());
    // The row of the days off's letters, when there are any to show.
    let top = BAND + AXIS + if shaded { shades::KEY_ROW } else { 0.0 };
    let bottom = top + LANE * t.lanes.len().max(1) as f64;
    let height = bottom + 8.0 + TODAY_ROW;
    let mut s = String::new();
    let _ = write!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline\" role=\"img\" aria-labelledby=\"timeline-title timeline-desc\" viewBox=\"0 0 {WIDTH} {height}\" width=\"100%\" style=\"max-width:{WIDTH}px\">\
<title id=\"timeline-title\">{}</title><desc id=\"timeline-desc\">{}</desc><defs>{}{}</defs>",
        esc(&t.title),
        esc(&t.desc),
        shades::pattern(DayOff::Break, "timeline"),
        shades::pattern(DayOff::Holiday, "timeline")
    );
    phases(&mut s, t, &scale);
    weeks(&mut s, t, &scale, bottom);
    shades::draw(&mut s, &t.shaded, &scale, top, bottom);
    lanes(&mut s, t, top);
    if (start..=end).contains(&t.today) {
        let tx = scale.x(t.today) + scale.per_day / 2.0;
        let _ = write!(
            s,
            "<line x1=\"{tx:.1}\" x2=\"{tx:.1}\" y1=\"{}\" y2=\"{:.1}\" stroke=\"#a34f00\" stroke-width=\"2\"/><text x=\"{tx:.1}\" y=\"{:.1}\" font-size=\"11\" text-anchor=\"middle\" fill=\"#7a3b00\" font-weight=\"bold\">{}</text>",
            BAND + AXIS,
            height - TODAY_ROW - 4.0,
            height - 4.0,
            esc(&t.today_label)
        );
    }
    marks::draw(&mut s, t, top, &scale);
    s.push_str("</svg>");
    s
}

fn phases(s: &mut String, t: &Timeline, scale: &Scale) {
    let (x, per_day) = (|d| scale.x(d), scale.per_day);
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

fn weeks(s: &mut String, t: &Timeline, scale: &Scale, bottom: f64) {
    let week_width = 7.0 * scale.per_day;
    // Every other label when they would crowd.
    let every = if week_width < 20.0 { 2 } else { 1 };
    let _ = write!(
        s,
        "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\" text-anchor=\"end\" fill=\"#1b1b1b\">{}</text>",
        LABEL - 8.0,
        BAND + 15.0,
        esc(&t.week_label)
    );
    let mut day = scale.start;
    let mut i = 0;
    while day <= scale.end {
        let x0 = scale.x(day);
        let _ = write!(
            s,
            "<line x1=\"{x0:.1}\" x2=\"{x0:.1}\" y1=\"{BAND}\" y2=\"{bottom:.1}\" stroke=\"#c8c8c8\" stroke-width=\"1\"/>"
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
            esc(&fit(lane, LANE_CHARS))
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
            in_break: false,
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
            shaded: vec![Shade {
                kind: DayOff::Break,
                key: "A".into(),
                name: "Høstferie".into(),
                days: "13.–14. september 2027".into(),
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
        assert!(svg.contains("class=\"shade break\""));
        assert!(svg.contains("<title>A: Høstferie, 13.–14. september 2027</title>"));
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
    fn a_band_covers_its_days_cut_to_the_weeks_shown() {
        // Three weeks, Monday 6 to Sunday 26 September: 21 days over the
        // rows' 602 units.
        let scale = Scale::new(date("2027-09-06"), date("2027-09-26"));
        let day = (WIDTH - LABEL - RIGHT) / 21.0;
        assert_eq!(scale.per_day, day);
        let (x, width) = scale.band(date("2027-09-13"), date("2027-09-14")).unwrap();
        assert!((x - (LABEL + 7.0 * day)).abs() < 1e-9, "{x}");
        assert!((width - 2.0 * day).abs() < 1e-9, "{width}");
        // A break that began before the chart is cut at its left edge ...
        let (x, width) = scale.band(date("2027-08-30"), date("2027-09-07")).unwrap();
        assert_eq!(x, LABEL);
        assert!((width - 2.0 * day).abs() < 1e-9, "{width}");
        // ... one running past it at the right edge ...
        let (x, width) = scale.band(date("2027-09-20"), date("2027-10-03")).unwrap();
        assert!((x + width - (WIDTH - RIGHT)).abs() < 1e-9, "{x} {width}");
        // ... and one outside it is not drawn.
        assert_eq!(scale.band(date("2027-09-27"), date("2027-10-03")), None);
        assert_eq!(scale.band(date("2027-08-01"), date("2027-09-05")), None);
    }

    #[test]
    fn a_break_and_a_holiday_in_it_each_have_a_band_and_a_letter() {
        let mut t = timeline();
        t.shaded.push(Shade {
            kind: DayOff::Holiday,
            key: "B".into(),
            name: "Fridag <x>".into(),
            days: "14. september 2027".into(),
            from: date("2027-09-14"),
            to: date("2027-09-14"),
        });
        t.marks[2].in_break = true;
        let svg = svg(&t);
        let scale = Scale::new(date("2027-09-06"), date("2027-09-26"));
        let (x, width) = scale.band(date("2027-09-14"), date("2027-09-14")).unwrap();
        assert!(svg.contains(&format!(
            "<rect class=\"shade holiday\" x=\"{x:.1}\" y=\"{:.1}\" width=\"{width:.1}\"",
            BAND + AXIS + shades::KEY_ROW
        )));
        // Holidays over the breaks they fall in.
        assert!(svg.find("shade break").unwrap() < svg.find("shade holiday").unwrap());
        assert_eq!(svg.matches("<g class=\"shade-key\">").count(), 2);
        assert!(svg.contains(">A</text>") && svg.contains(">B</text>"));
        assert!(svg.contains("<title>B: Fridag &lt;x&gt;, 14. september 2027</title>"));
        assert!(svg.contains("<g class=\"mark next moved in-break\">"));
        // Without days off in the weeks shown, no row for their letters.
        t.shaded.iter_mut().for_each(|sh| {
            sh.from = date("2027-10-04");
            sh.to = date("2027-10-04");
        });
        let none = super::svg(&t);
        assert!(!none.contains("shade-key") && !none.contains("class=\"shade "));
        assert!(none.contains(&format!("y1=\"{}\"", BAND + AXIS)));
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

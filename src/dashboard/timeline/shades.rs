//! The breaks and public holidays shaded across the rows, each in its own
//! pattern (grey hatching for a break, dots for a holiday: both read
//! without colour and in black-and-white print), and named by a letter in
//! a row above the rows: the letter's key is the table of days off under
//! the chart, and each band's `<title>` gives its name and days.

use std::fmt::Write;

use chrono::NaiveDate;

use super::Scale;
use crate::dashboard::svg::esc;

/// What a shaded stretch of days is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DayOff {
    /// One of the sprint's breaks (`breaks:` in samskap.yaml).
    Break,
    /// A public holiday.
    Holiday,
}

impl DayOff {
    /// The class on the band, also the end of its pattern's id.
    pub fn class(self) -> &'static str {
        match self {
            DayOff::Break => "break",
            DayOff::Holiday => "holiday",
        }
    }
}

/// A break or holiday on the chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Shade {
    /// A break or a holiday.
    pub kind: DayOff,
    /// The letter naming it on the chart and in the table: "A".
    pub key: String,
    /// Its name: "Vinterferie 2027", "skjærtorsdag".
    pub name: String,
    /// Its days in words, for its title: "22.–28. februar 2027".
    pub days: String,
    /// The first day.
    pub from: NaiveDate,
    /// The last day (inclusive).
    pub to: NaiveDate,
}

/// The letters naming the shaded stretches: A to Z, then AA, AB …
pub fn key(index: usize) -> String {
    let mut n = index + 1;
    let mut letters = Vec::new();
    while n > 0 {
        n -= 1;
        letters.push(char::from(b'A' + (n % 26) as u8));
        n /= 26;
    }
    letters.iter().rev().collect()
}

/// The `<pattern>` of a kind of day off, with the id `{prefix}-{class}`.
pub fn pattern(kind: DayOff, prefix: &str) -> String {
    match kind {
        DayOff::Break => format!(
            "<pattern id=\"{prefix}-break\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#eeeeee\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#9a9a9a\" stroke-width=\"2\"/></pattern>"
        ),
        DayOff::Holiday => format!(
            "<pattern id=\"{prefix}-holiday\" width=\"4\" height=\"4\" patternUnits=\"userSpaceOnUse\"><rect width=\"4\" height=\"4\" fill=\"#d2d2d2\"/><circle cx=\"2\" cy=\"2\" r=\"1\" fill=\"#404040\"/></pattern>"
        ),
    }
}

/// The height of the row of letters above the rows.
pub const KEY_ROW: f64 = 22.0;
/// The least distance between two letters' centres.
const KEY_GAP: f64 = 14.0;

/// Where the letters go, in the order of `centres` (the letters' order):
/// each as near its band's centre as it can be with the letters left to
/// right and no two closer than `gap`, all between `left` and `right`.
/// Crowded days off, such as Easter's, get their letters side by side,
/// each with a line to its band.
pub fn spread(centres: &[f64], gap: f64, left: f64, right: f64) -> Vec<f64> {
    let mut at = Vec::with_capacity(centres.len());
    let mut last = f64::NEG_INFINITY;
    for &centre in centres {
        last = centre.max(last + gap).max(left);
        at.push(last);
    }
    // Pushed past the right edge: back from there, as far as it takes.
    let mut next = f64::INFINITY;
    for x in at.iter_mut().rev() {
        *x = x.min(next - gap).min(right);
        next = *x;
    }
    at
}

/// The shaded bands over the rows from `top` to `bottom`, breaks under the
/// holidays they hold, and their letters in the row above `top`.
pub(super) fn draw(s: &mut String, shades: &[Shade], scale: &Scale, top: f64, bottom: f64) {
    let shown: Vec<(&Shade, (f64, f64))> = shades
        .iter()
        .filter_map(|shade| scale.band(shade.from, shade.to).map(|b| (shade, b)))
        .collect();
    for kind in [DayOff::Break, DayOff::Holiday] {
        for (shade, (x, width)) in shown.iter().filter(|(sh, _)| sh.kind == kind) {
            let _ = write!(
                s,
                "<rect class=\"shade {}\" x=\"{x:.1}\" y=\"{top:.1}\" width=\"{width:.1}\" height=\"{:.1}\" fill=\"url(#timeline-{})\"><title>{}</title></rect>",
                kind.class(),
                bottom - top,
                kind.class(),
                esc(&title(shade))
            );
        }
    }
    let centres: Vec<f64> = shown.iter().map(|(_, (x, w))| x + w / 2.0).collect();
    let at = spread(&centres, KEY_GAP, scale.left() + 7.0, scale.right() - 7.0);
    let row = top - KEY_ROW;
    for ((shade, _), (&centre, &lx)) in shown.iter().zip(centres.iter().zip(&at)) {
        let width = 6.0 + 7.0 * shade.key.chars().count() as f64;
        let _ = write!(
            s,
            "<g class=\"shade-key\"><title>{}</title><line x1=\"{lx:.1}\" y1=\"{:.1}\" x2=\"{centre:.1}\" y2=\"{top:.1}\" stroke=\"#5a5a5a\" stroke-width=\"1\"/><rect x=\"{:.1}\" y=\"{:.1}\" width=\"{width:.1}\" height=\"14\" rx=\"2\" fill=\"#ffffff\" stroke=\"#5a5a5a\"/><text x=\"{lx:.1}\" y=\"{:.1}\" font-size=\"10\" font-weight=\"bold\" text-anchor=\"middle\" fill=\"#1b1b1b\">{}</text></g>",
            esc(&title(shade)),
            row + 16.0,
            lx - width / 2.0,
            row + 2.0,
            row + 12.5,
            esc(&shade.key)
        );
    }
}

/// "A: Vinterferie 2027, 22.–28. februar 2027".
fn title(shade: &Shade) -> String {
    format!("{}: {}, {}", shade.key, shade.name, shade.days)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_run_from_a_to_z_and_on() {
        assert_eq!(key(0), "A");
        assert_eq!(key(25), "Z");
        assert_eq!(key(26), "AA");
        assert_eq!(key(27), "AB");
        assert_eq!(key(26 * 27), "AAA");
    }

    #[test]
    fn letters_keep_apart_and_inside() {
        // Apart already: where their bands are.
        assert_eq!(spread(&[20.0, 60.0], 14.0, 0.0, 100.0), vec![20.0, 60.0]);
        // A break and the holidays in it, on neighbouring days: in the
        // letters' order, left to right.
        assert_eq!(
            spread(&[52.0, 50.0, 54.0], 14.0, 0.0, 100.0),
            vec![52.0, 66.0, 80.0]
        );
        // Against the right edge: moved back left.
        assert_eq!(spread(&[95.0, 99.0], 14.0, 0.0, 100.0), vec![86.0, 100.0]);
        // And never left of the left edge when there is room.
        assert_eq!(spread(&[-5.0], 14.0, 0.0, 100.0), vec![0.0]);
    }
}

//! A horizontal bar chart as an inline SVG: one bar per row with its value
//! written beside it, so the figure reads without the bar's length or
//! colour. Pure: it draws the values it is given. Every bar of one chart
//! shares one scale, so a chart holds figures of one unit only.

use std::fmt::Write;

use super::svg::{esc, fit};

/// One bar.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    /// What it is, left of the bar.
    pub label: String,
    /// Its length.
    pub value: f64,
    /// The value as written beside the bar, with its unit.
    pub text: String,
}

/// A chart of bars.
#[derive(Clone, Debug, PartialEq)]
pub struct Bars {
    /// Unique on the page: the ids of the title and description.
    pub id: String,
    /// Announced first by screen readers.
    pub title: String,
    /// The figures in words.
    pub desc: String,
    /// The bars, top to bottom.
    pub bars: Vec<Bar>,
}

const WIDTH: f64 = 760.0;
const LABEL: f64 = 200.0;
const ROW: f64 = 30.0;
/// About the width of a character of the value's text at 13 px.
const CHAR: f64 = 7.5;

/// The chart as a `<svg>` element.
pub fn svg(chart: &Bars) -> String {
    // The value's text needs room beside the longest bar.
    let longest = chart
        .bars
        .iter()
        .map(|b| b.text.chars().count())
        .max()
        .unwrap_or(0);
    let value = (longest as f64 * CHAR + 12.0).clamp(100.0, WIDTH - LABEL - 120.0);
    let plot = WIDTH - LABEL - value;
    let max = chart.bars.iter().map(|b| b.value).fold(0.0_f64, f64::max);
    let height = ROW * chart.bars.len() as f64 + 8.0;
    let id = &chart.id;
    let mut s = String::new();
    let _ = write!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"bars\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" viewBox=\"0 0 {WIDTH} {height}\" width=\"100%\" style=\"max-width:{WIDTH}px\">\
<title id=\"{id}-title\">{}</title><desc id=\"{id}-desc\">{}</desc>",
        esc(&chart.title),
        esc(&chart.desc)
    );
    let _ = write!(
        s,
        "<line x1=\"{LABEL}\" x2=\"{LABEL}\" y1=\"0\" y2=\"{height}\" stroke=\"#5a5a5a\" stroke-width=\"1\"/>"
    );
    for (i, bar) in chart.bars.iter().enumerate() {
        let y = ROW * i as f64 + 4.0;
        let length = if max > 0.0 {
            (plot * bar.value / max).max(0.0)
        } else {
            0.0
        };
        let _ = write!(
            s,
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"13\" text-anchor=\"end\" fill=\"#1b1b1b\"><title>{}</title>{}</text>\
<rect class=\"bar\" x=\"{LABEL}\" y=\"{y:.1}\" width=\"{length:.1}\" height=\"20\" fill=\"#1f5f8b\" stroke=\"#0f2a44\" stroke-width=\"1\"/>\
<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"13\" fill=\"#1b1b1b\">{}</text>",
            LABEL - 8.0,
            y + 15.0,
            esc(&bar.label),
            esc(&fit(&bar.label, 28)),
            LABEL + length + 6.0,
            y + 15.0,
            esc(&bar.text)
        );
    }
    s.push_str("</svg>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chart(values: &[f64]) -> Bars {
        Bars {
            id: "m-1".into(),
            title: "Kontakter per uke".into(),
            desc: "Gruppe 1: 3".into(),
            bars: values
                .iter()
                .enumerate()
                .map(|(i, &v)| Bar {
                    label: format!("Gruppe <{i}>"),
                    value: v,
                    text: format!("{v} kontakter"),
                })
                .collect(),
        }
    }

    #[test]
    fn bars_scale_to_the_largest_and_carry_their_numbers() {
        let svg = svg(&chart(&[3.0, 6.0]));
        assert!(svg.contains("aria-labelledby=\"m-1-title m-1-desc\""));
        // The value column is 100 wide: the plot is 460, the largest bar too.
        assert!(svg.contains("width=\"230.0\""), "{svg}");
        assert!(svg.contains("width=\"460.0\""), "{svg}");
        assert!(svg.contains(">3 kontakter</text>"));
        assert!(svg.contains("Gruppe &lt;0&gt;"));
    }

    #[test]
    fn a_long_value_text_gets_room_beside_the_bar() {
        let mut c = chart(&[1.0]);
        c.bars[0].text = "x".repeat(40);
        let svg = svg(&c);
        // 40 × 7.5 + 12 = 312 for the text: the bar may be 248 long.
        assert!(svg.contains("width=\"248.0\""), "{svg}");
    }

    #[test]
    fn all_zero_draws_no_bar_length() {
        let svg = svg(&chart(&[0.0, 0.0]));
        assert_eq!(svg.matches("width=\"0.0\"").count(), 2);
    }
}

//! The model assessment as an accessible inline SVG: a horizontal bar per
//! prerequisite on the 1–5 scale, with a title and description that screen
//! readers announce, and the same figures in a table beside it.

use std::fmt::Write;

use super::raster::{Canvas, Rgb};
use crate::report::PrerequisiteScore;

use super::markdown::xml_escape as esc;

/// The chart as a `<figure>` with an SVG and a caption.
pub fn assessment(rows: &[PrerequisiteScore], title: &str, caption: &str) -> String {
    const LABEL: f64 = 230.0;
    const BAR: f64 = 300.0;
    const ROW: f64 = 34.0;
    let height = ROW * rows.len() as f64 + 40.0;
    let width = LABEL + BAR + 60.0;
    let desc: Vec<String> = rows
        .iter()
        .map(|r| format!("{}: {}", r.title, r.average))
        .collect();
    let mut svg = String::new();
    let _ = write!(
        svg,
        "<figure class=\"chart\"><svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"chart-title chart-desc\" viewBox=\"0 0 {width} {height}\" width=\"100%\" style=\"max-width:{width}px\">\
<title id=\"chart-title\">{}</title><desc id=\"chart-desc\">{}</desc>",
        esc(title),
        esc(&desc.join("; "))
    );
    for tick in 1..=5 {
        let x = LABEL + BAR * f64::from(tick - 1) / 4.0;
        let _ = write!(
            svg,
            "<line x1=\"{x}\" x2=\"{x}\" y1=\"0\" y2=\"{}\" stroke=\"#8a8a8a\" stroke-width=\"1\"/><text x=\"{x}\" y=\"{}\" font-size=\"13\" text-anchor=\"middle\" fill=\"#1b1b1b\">{tick}</text>",
            height - 28.0,
            height - 10.0
        );
    }
    for (i, row) in rows.iter().enumerate() {
        let y = ROW * i as f64 + 6.0;
        let length = (BAR * (row.value - 1.0) / 4.0).max(2.0);
        let _ = write!(
            svg,
            "<text x=\"{}\" y=\"{}\" font-size=\"14\" text-anchor=\"end\" fill=\"#1b1b1b\">{}</text>\
<rect x=\"{LABEL}\" y=\"{y}\" width=\"{length:.1}\" height=\"22\" fill=\"#1f5f8b\"/>\
<text x=\"{:.1}\" y=\"{}\" font-size=\"14\" fill=\"#1b1b1b\">{}</text>",
            LABEL - 10.0,
            y + 16.0,
            esc(&row.title),
            LABEL + length + 6.0,
            y + 16.0,
            esc(&row.average)
        );
    }
    let _ = write!(
        svg,
        "</svg><figcaption>{}</figcaption></figure>",
        esc(caption)
    );
    svg
}

/// The chart as a picture for Word: the same bars and scale as the SVG,
/// drawn at twice the size it is shown at so that it prints sharply. The
/// bars come in the order of the table beside it, which names them; the
/// picture's description (its alt text) names them too.
pub fn assessment_png(rows: &[PrerequisiteScore], title: &str) -> Picture {
    const SCALE: u32 = 2;
    const LEFT: u32 = 20 * SCALE;
    const BAR: u32 = 300 * SCALE;
    const ROW: u32 = 34 * SCALE;
    const INK: Rgb = [0x1b, 0x1b, 0x1b];
    let rows_height = ROW * rows.len() as u32;
    let mut canvas = Canvas::new(LEFT * 2 + BAR, rows_height + 40 * SCALE);
    for tick in 0..=4u32 {
        let x = LEFT + BAR * tick / 4;
        canvas.fill(x, 0, SCALE, rows_height + 4 * SCALE, [0x8a, 0x8a, 0x8a]);
        // A digit is 3 dots of 2 × SCALE pixels wide: centred on its line.
        canvas.digit(
            tick as u8 + 1,
            x - 3 * SCALE,
            rows_height + 12 * SCALE,
            2 * SCALE,
            INK,
        );
    }
    for (i, row) in rows.iter().enumerate() {
        let y = ROW * i as u32 + 6 * SCALE;
        let length = (f64::from(BAR) * (row.value - 1.0) / 4.0).max(f64::from(2 * SCALE));
        canvas.fill(LEFT, y, length as u32, 22 * SCALE, [0x1f, 0x5f, 0x8b]);
    }
    let desc: Vec<String> = rows
        .iter()
        .map(|r| format!("{}: {}", r.title, r.average))
        .collect();
    Picture {
        png: canvas.png(),
        width: canvas.width() / SCALE,
        height: canvas.height() / SCALE,
        description: format!("{title}. {}", desc.join("; ")),
    }
}

/// A picture for a Word file.
#[derive(Clone, Debug)]
pub struct Picture {
    /// The PNG file.
    pub png: Vec<u8>,
    /// The width it is shown at, in CSS pixels (1/96 inch).
    pub width: u32,
    /// The height it is shown at, in CSS pixels.
    pub height: u32,
    /// What it shows, for those who cannot see it (Word's alt text).
    pub description: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chart_escapes_and_labels() {
        let rows = vec![PrerequisiteScore {
            title: "<b>Felles mål</b>".into(),
            average: "3,5".into(),
            min: 2,
            max: 5,
            value: 3.5,
        }];
        let svg = assessment(&rows, "Modell", "Snitt");
        assert!(svg.contains("role=\"img\""));
        assert!(svg.contains("&lt;b&gt;Felles mål&lt;/b&gt;"));
        assert!(!svg.contains("<b>"));
        assert!(svg.contains("<desc id=\"chart-desc\">&lt;b&gt;Felles mål&lt;/b&gt;: 3,5</desc>"));
        let picture = assessment_png(&rows, "Modell");
        assert!(picture.png.starts_with(b"\x89PNG"));
        assert_eq!((picture.width, picture.height), (340, 74));
        assert_eq!(picture.description, "Modell. <b>Felles mål</b>: 3,5");
    }
}

//! The model assessment as an accessible inline SVG: a horizontal bar per
//! prerequisite on the 1–5 scale, with a title and description that screen
//! readers announce, and the same figures in a table beside it.

use std::fmt::Write;

use crate::report::PrerequisiteScore;

/// Escapes text for SVG/HTML.
fn esc(text: &str) -> String {
    super::markdown::printable(text)
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

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
    }
}

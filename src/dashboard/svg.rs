//! Small helpers shared by the dashboard's charts.

/// Escapes text for SVG and HTML, after making it printable.
pub fn esc(text: &str) -> String {
    crate::render::markdown::printable(text)
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// `text` cut to about `max` characters with an ellipsis, for labels that
/// must fit a fixed width (the whole text goes in a `<title>` beside).
pub fn fit(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_fits() {
        assert_eq!(esc("<a & \"b\">"), "&lt;a &amp; &quot;b&quot;&gt;");
        assert_eq!(fit("Oversikt og kontaktpersoner", 12), "Oversikt og…");
        assert_eq!(fit("Kort", 12), "Kort");
        assert_eq!(fit("Blåbærsyltetøy", 6), "Blåbæ…");
    }
}

//! Markdown: escaping what users wrote, and turning a document into safe
//! HTML. This is the one place comrak is configured.

use std::io::Write;

use comrak::nodes::NodeValue;
use comrak::{Arena, Options, format_html, parse_document};

/// Escapes text for Markdown so that it shows as written: no emphasis, no
/// links, no raw HTML, no headings or lists from text that happens to start
/// with `#` or `-`. Used as Tera's escape function for `.md` templates, so
/// every `{{ value }}` is escaped unless a template says `| safe`.
pub fn escape(input: &str, out: &mut dyn Write) -> std::io::Result<()> {
    let text = input.trim();
    // Most values (names, dates, titles) need no escaping: written as they
    // are, without building a copy.
    if !text.bytes().any(needs_escape)
        && !text.starts_with(['-', '+', '='])
        && !has_unprintable(text)
    {
        return out.write_all(text.as_bytes());
    }
    out.write_all(escaped(text).as_bytes())
}

/// Whether a byte may need escaping or folding (see [`escaped`]).
fn needs_escape(b: u8) -> bool {
    matches!(
        b,
        0..=0x1F
            | 0x7F
            | b'<'
            | b'>'
            | b'&'
            | b'\\'
            | b'`'
            | b'*'
            | b'_'
            | b'['
            | b']'
            | b'{'
            | b'}'
            | b'#'
            | b'|'
            | b'!'
            | b'~'
            | b'$'
    )
}

/// Whether `text` has a C1 control or a noncharacter (see [`unprintable`]):
/// looked for by their UTF-8 lead bytes, so that `«`, `–` and `æ` cost
/// nothing.
fn has_unprintable(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.iter().enumerate().any(|(i, &b)| match b {
        0xC2 => bytes.get(i + 1).is_some_and(|n| (0x80..=0x9F).contains(n)),
        0xEF..=0xF4 => text[i..].chars().next().is_some_and(unprintable),
        _ => false,
    })
}

/// Escapes one value for Markdown into a string (see [`escape`]).
pub fn escaped(input: &str) -> String {
    let text = input.trim().replace("\r\n", "\n");
    let mut out = String::with_capacity(text.len() + 8);
    let mut at_start = true;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            // A blank line is a paragraph break and stays one; a single line
            // break is folded, so a value cannot start other Markdown blocks.
            '\n' if chars.peek() == Some(&'\n') => {
                while chars.peek().is_some_and(|c| c.is_whitespace()) {
                    chars.next();
                }
                out.push_str("\n\n");
                at_start = true;
                continue;
            }
            '\n' | '\r' => {
                out.push(' ');
                continue;
            }
            c if unprintable(c) => out.push(' '),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '{' | '}' | '#' | '|' | '!' | '~' | '$' => {
                out.push('\\');
                out.push(c);
            }
            // A value that begins like a list item or a quote stays text.
            '-' | '+' | '=' if at_start => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
        at_start = false;
    }
    out
}

/// Whether a character has no place in a document: control characters
/// other than tab and line breaks (Word's Shift+Enter pastes as U+000B, and
/// one makes a .docx unreadable), and Unicode noncharacters. HTML, XML and
/// iCalendar all forbid them.
pub fn unprintable(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
        || matches!(u32::from(c), 0xFDD0..=0xFDEF)
        || u32::from(c) & 0xFFFE == 0xFFFE
}

/// `text` with every unprintable character (see [`unprintable`]) made a
/// space: for the few values that do not pass through [`escape`].
#[must_use]
pub fn printable(text: &str) -> String {
    text.chars()
        .map(|c| if unprintable(c) { ' ' } else { c })
        .collect()
}

/// Escapes text for XML, SVG and HTML, in elements and attributes alike.
pub fn xml_escape(text: &str) -> String {
    printable(text)
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Tidies rendered Markdown: no runs of blank lines, one final newline.
pub fn tidy(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    let mut blank = 0;
    for line in markdown.trim().lines() {
        if line.trim().is_empty() {
            blank += 1;
            if blank > 1 {
                continue;
            }
            out.push('\n');
        } else {
            blank = 0;
            // Trailing spaces stay: two of them are a Markdown line break.
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

fn options() -> Options<'static> {
    let mut options = Options::default();
    options.extension.table = true;
    options.extension.strikethrough = true;
    options.extension.autolink = false;
    // Raw HTML is never passed through: comrak replaces it with a comment.
    options.render.r#unsafe = false;
    options
}

/// Whether a link target may stay: web and mail links, and links inside the
/// document or the site (no scheme). Everything else (`javascript:`,
/// `data:`, `file:` …) is dropped.
fn allowed_link(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    match lower.split_once(':') {
        Some((scheme, _))
            if !scheme.contains('/') && !scheme.contains('#') && !scheme.contains('?') =>
        {
            matches!(scheme, "http" | "https" | "mailto")
        }
        _ => true,
    }
}

/// The id a heading gets in the HTML page when the document links to it:
/// `Innsikt etter tema` is `innsikt-etter-tema`, as GitHub and comrak
/// make them, so the Markdown's own links work there too.
pub fn anchor(heading: &str) -> String {
    comrak::Anchorizer::new().anchorize(heading)
}

/// Renders Markdown to an HTML fragment: raw HTML dropped, links other than
/// http, https and mailto unlinked (their text kept), images replaced by
/// their description so that no request leaves the file. A heading the
/// document links to (`[…](#its-anchor)`, a table of contents) gets its id.
pub fn to_html(markdown: &str) -> String {
    let arena = Arena::new();
    let options = options();
    let root = parse_document(&arena, markdown, &options);
    let targets = link_targets(root);
    let mut ids: Vec<Option<String>> = Vec::new();
    for node in root.descendants() {
        if let NodeValue::Heading(_) = node.data().value {
            let id = anchor(&heading_text(node));
            let wanted = targets.contains(&id) && !ids.iter().flatten().any(|x| *x == id);
            ids.push(wanted.then_some(id));
        }
    }
    for node in root.descendants() {
        let mut data = node.data_mut();
        let replacement = match &data.value {
            NodeValue::Link(link) if !allowed_link(&link.url) => Some(NodeValue::Emph),
            NodeValue::Image(_) => Some(NodeValue::Emph),
            NodeValue::HtmlInline(_) => Some(NodeValue::Text(String::new().into())),
            _ => None,
        };
        if let Some(value) = replacement {
            data.value = value;
        }
    }
    let mut html = String::new();
    // Formatting into a String cannot fail.
    let _ = format_html(root, &options, &mut html);
    with_heading_ids(&html, &ids)
}

/// The anchors the document's own links point to (`#…`).
fn link_targets<'a>(root: &'a comrak::nodes::AstNode<'a>) -> Vec<String> {
    root.descendants()
        .filter_map(|n| match &n.data().value {
            NodeValue::Link(link) => link.url.strip_prefix('#').map(str::to_owned),
            _ => None,
        })
        .collect()
}

/// A heading's text as its anchor is made from.
fn heading_text<'a>(node: &'a comrak::nodes::AstNode<'a>) -> String {
    let mut text = String::new();
    for d in node.descendants() {
        match &d.data().value {
            NodeValue::Text(t) => text.push_str(t),
            NodeValue::Code(c) => text.push_str(&c.literal),
            _ => {}
        }
    }
    text
}

/// `html` with the n-th heading's opening tag given `ids[n]`. Raw HTML is
/// never passed through, so every `<hN>` in it is a heading of the text.
fn with_heading_ids(html: &str, ids: &[Option<String>]) -> String {
    if ids.iter().all(Option::is_none) {
        return html.to_owned();
    }
    let mut out = String::with_capacity(html.len() + 64);
    let mut rest = html;
    let mut n = 0;
    while let Some(at) = rest.find("<h") {
        let tag = &rest[at..];
        let is_heading =
            tag.len() > 3 && tag.as_bytes()[2].is_ascii_digit() && tag.as_bytes()[3] == b'>';
        out.push_str(&rest[..at]);
        if is_heading {
            out.push_str(&tag[..3]);
            if let Some(Some(id)) = ids.get(n) {
                out.push_str(&format!(" id=\"{}\"", xml_escape(id)));
            }
            out.push('>');
            rest = &tag[4..];
            n += 1;
        } else {
            out.push_str("<h");
            rest = &tag[2..];
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_a_document_links_to_get_their_ids() {
        let html = to_html(
            "# Rapport\n\n- [Innsikt etter tema](#innsikt-etter-tema)\n\n## Innsikt etter tema\n\n## Løsninger\n\n## Innsikt etter tema\n",
        );
        assert!(
            html.contains("<h2 id=\"innsikt-etter-tema\">Innsikt etter tema</h2>"),
            "{html}"
        );
        // Only those linked to, and an id only once.
        assert!(
            html.contains("<h1>Rapport</h1>") && html.contains("<h2>Løsninger</h2>"),
            "{html}"
        );
        assert_eq!(html.matches("id=").count(), 1, "{html}");
        assert!(html.contains("<a href=\"#innsikt-etter-tema\">"), "{html}");
        assert_eq!(anchor("Vedlegg: Hva er gjort"), "vedlegg-hva-er-gjort");
    }

    #[test]
    fn escaping_keeps_text_as_text() {
        assert_eq!(
            escaped("<script>alert(1)</script>"),
            "&lt;script&gt;alert(1)&lt;/script&gt;"
        );
        assert_eq!(
            escaped("{{ x }} {% raw %}"),
            "\\{\\{ x \\}\\} \\{% raw %\\}"
        );
        assert_eq!(
            escaped("[a](javascript:alert(1))"),
            "\\[a\\](javascript:alert(1))"
        );
        assert_eq!(
            escaped("# not a heading\n- not a list"),
            "\\# not a heading - not a list"
        );
        assert_eq!(escaped("09:00–10:30, «sitat»"), "09:00–10:30, «sitat»");
        assert_eq!(escaped("One\nline.\n\n    - Two"), "One line.\n\n\\- Two");
    }

    proptest::proptest! {
        /// The shortcut for values with nothing to escape gives exactly
        /// what the full escaping gives.
        #[test]
        fn escape_writes_what_escaped_returns(text in "[ a-zA-Zæøå0-9\\-+=#*_<>&\\[\\]\n\r\t.,:«»–\\x0B\\x{85}\\x{FFFE}]{0,40}") {
            let mut out = Vec::new();
            escape(&text, &mut out).unwrap();
            proptest::prop_assert_eq!(String::from_utf8(out).unwrap(), escaped(&text));
        }
    }

    #[test]
    fn unprintable_characters_become_spaces() {
        let bad = "a\u{b}b\u{1}c\u{0}d\u{7f}e\u{85}f\u{fffe}g\u{1fffe}h";
        assert_eq!(printable(bad), "a b c d e f g h");
        assert_eq!(escaped(bad), "a b c d e f g h");
        let fine = "Tab\tog linje\r\n«sitat» – æøå 😀 \u{a0}";
        assert_eq!(printable(fine), fine);
        let mut out = Vec::new();
        escape("«Vi\u{b}ringer»", &mut out).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "«Vi ringer»");
    }

    #[test]
    fn escaped_text_renders_literally() {
        let html = to_html(&escaped(
            "<img src=x onerror=alert(1)> **b** [l](javascript:x)",
        ));
        assert!(
            html.contains("&lt;img src=x onerror=alert(1)&gt;"),
            "{html}"
        );
        assert!(!html.contains("<img"), "{html}");
        assert!(!html.contains("<strong>"), "{html}");
        assert!(!html.contains("<a "), "{html}");
    }

    #[test]
    fn unsafe_markdown_is_neutralised() {
        let html = to_html(
            "[ok](https://example.org) [bad](javascript:alert(1)) [mail](mailto:a@b.no) [local](agenda.html)\n\n\
             ![x](https://tracker.example/p.png) <img src=x onerror=alert(1)>\n\n<script>alert(1)</script>\n",
        );
        assert!(html.contains("href=\"https://example.org\""), "{html}");
        assert!(html.contains("href=\"mailto:a@b.no\""), "{html}");
        assert!(html.contains("href=\"agenda.html\""), "{html}");
        assert!(!html.contains("javascript"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("tracker.example"), "{html}");
    }
}

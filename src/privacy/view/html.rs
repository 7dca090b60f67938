//! HTML as a browser shows it: every text node with its character
//! references decoded (inline SVG's `<text>`, `<title>` and `<desc>`
//! included), and the attribute values people see or follow. Whitespace
//! runs are one space, as the browser lays them out; block elements keep
//! their texts apart, inline ones (`<em>`, `<a>`) do not.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::View;

/// Attributes whose values a reader sees (a tooltip, a text instead of an
/// image, what a screen reader says) or follows (a link).
const SHOWN: [&str; 6] = [
    "title",
    "alt",
    "aria-label",
    "href",
    "placeholder",
    "content",
];

/// Elements whose content the reader never sees as text.
const HIDDEN: [&str; 3] = ["script", "style", "template"];

/// Elements that start a block of their own.
const BLOCKS: [&str; 43] = [
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "br",
    "caption",
    "dd",
    "desc",
    "details",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hr",
    "html",
    "li",
    "main",
    "nav",
    "ol",
    "option",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "td",
    "text",
    "th",
    "title",
    "tr",
    "ul",
];

/// The text of the page `html`.
pub fn view(html: &str) -> View {
    let mut view = View::default();
    view.part("text");
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        text(&rest[..lt], &mut view);
        rest = &rest[lt..];
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |i| &after[i + 3..]);
        } else if rest.starts_with("<!") || rest.starts_with("<?") {
            rest = rest.find('>').map_or("", |i| &rest[i + 1..]);
        } else if let Some((tag, after)) = tag(rest) {
            rest = after;
            if tag.name == "title" && !tag.closing {
                view.part("<title>");
            }
            if BLOCKS.contains(&tag.name.as_str()) {
                view.gap();
            }
            for (name, value) in &tag.attributes {
                if SHOWN.contains(&name.as_str()) {
                    view.part(format!("<{}> {name}", tag.name));
                    let value = decode(value);
                    if name == "href" {
                        view.text.push_str(&percent_decoded(&value));
                    } else {
                        view.text.push_str(&value);
                    }
                    view.part("text");
                }
            }
            if !tag.closing && HIDDEN.contains(&tag.name.as_str()) {
                let close = format!("</{}", tag.name);
                rest = find_ascii_ci(rest, &close).map_or("", |i| &rest[i..]);
            }
        } else {
            // A `<` that starts no tag is text.
            text("<", &mut view);
            rest = &rest[1..];
        }
    }
    text(rest, &mut view);
    view
}

/// A tag as the browser reads it.
struct Tag {
    name: String,
    closing: bool,
    attributes: Vec<(String, String)>,
}

/// The tag at the start of `s` and what follows it, if `s` starts one.
fn tag(s: &str) -> Option<(Tag, &str)> {
    let body = &s[1..];
    let (closing, body) = match body.strip_prefix('/') {
        Some(b) => (true, b),
        None => (false, body),
    };
    if !body.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let name_len = body
        .find(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/')
        .unwrap_or(body.len());
    let name = body[..name_len].to_ascii_lowercase();
    let mut rest = &body[name_len..];
    let mut attributes = Vec::new();
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_ascii_whitespace() || c == '/');
        if rest.is_empty() {
            break;
        }
        if let Some(after) = rest.strip_prefix('>') {
            return Some((
                Tag {
                    name,
                    closing,
                    attributes,
                },
                after,
            ));
        }
        let len = rest
            .find(|c: char| c.is_ascii_whitespace() || matches!(c, '=' | '>' | '/'))
            .unwrap_or(rest.len())
            .max(1);
        let attr = rest[..len].to_ascii_lowercase();
        rest = rest[len..].trim_start();
        let Some(after) = rest.strip_prefix('=') else {
            attributes.push((attr, String::new()));
            continue;
        };
        let after = after.trim_start();
        let (value, next) = match after.chars().next() {
            Some(q @ ('"' | '\'')) => {
                let inner = &after[1..];
                let end = inner.find(q).unwrap_or(inner.len());
                (&inner[..end], inner.get(end + 1..).unwrap_or(""))
            }
            _ => {
                let end = after
                    .find(|c: char| c.is_ascii_whitespace() || c == '>')
                    .unwrap_or(after.len());
                (&after[..end], &after[end..])
            }
        };
        attributes.push((attr, value.to_owned()));
        rest = next;
    }
    Some((
        Tag {
            name,
            closing,
            attributes,
        },
        "",
    ))
}

/// Appends a text node, decoded and with its whitespace runs as one space.
fn text(raw: &str, view: &mut View) {
    if raw.is_empty() {
        return;
    }
    let decoded = decode(raw);
    for c in decoded.chars() {
        if c.is_ascii_whitespace() {
            if !view.text.is_empty() && !view.text.ends_with([' ', '\n']) {
                view.text.push(' ');
            }
        } else {
            view.text.push(c);
        }
    }
}

/// `s` with its character references decoded.
fn decode(s: &str) -> String {
    if !s.contains('&') {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        match reference(rest) {
            Some((decoded, len)) => {
                out.push_str(&decoded);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The character reference at the start of `s` (`&amp;`, `&#64;`,
/// `&#x40;`) and its length in bytes.
fn reference(s: &str) -> Option<(String, usize)> {
    let end = s.get(1..)?.find(';')? + 1;
    if end > 40 {
        return None;
    }
    let body = &s[1..end];
    let decoded = if let Some(num) = body.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        char::from_u32(code).unwrap_or('\u{fffd}').to_string()
    } else {
        (*named().get(body)?).to_owned()
    };
    Some((decoded, end + 1))
}

/// HTML's named character references, by name without `&` and `;`.
fn named() -> &'static HashMap<&'static str, &'static str> {
    static MAP: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    MAP.get_or_init(|| {
        entities::ENTITIES
            .iter()
            .filter_map(|e| {
                let name = e.entity.strip_prefix('&')?.strip_suffix(';')?;
                Some((name, e.characters))
            })
            .collect()
    })
}

/// A link as it is followed: `%40` is `@`.
fn percent_decoded(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = || {
            let h = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            u8::from_str_radix(h, 16).ok()
        };
        match (bytes[i], hex()) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Where `needle` (ASCII) first stands in `hay`, in any case.
fn find_ascii_ci(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    (0..=h.len().checked_sub(n.len())?).find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_title_and_shown_attributes() {
        let page = "<!DOCTYPE html><html><head><title>Våren 412&#32;34&nbsp;567</title>\
            <style>p { color: #412345 }</style></head><body>\
            <p><em>Tuva</em> Nord&shy;mann &amp; co</p>\
            <a href=\"mailto:tuva%40skole.no\" title='Kari'>x</a><img alt=Ola>\
            <svg><text x=\"1\">Lise</text><text>Berg</text></svg><!-- 41234567 --></body></html>";
        let v = view(page);
        assert!(v.text.contains("Våren 412 34\u{a0}567"), "{}", v.text);
        assert!(v.text.contains("Tuva Nord\u{ad}mann & co"), "{}", v.text);
        assert!(v.text.contains("mailto:tuva@skole.no"), "{}", v.text);
        assert!(v.text.contains("Kari") && v.text.contains("Ola"));
        assert!(v.text.contains("Lise\n\nBerg"), "{}", v.text);
        assert!(!v.text.contains("412345") && !v.text.contains("41234567"));
        assert_eq!(v.part_at(v.text.find("Våren").unwrap()), "<title>");
        assert_eq!(v.part_at(v.text.find("Kari").unwrap()), "<a> title");
    }

    #[test]
    fn broken_markup_is_text() {
        let v = view("a < b & c <p");
        assert_eq!(v.text.trim(), "a < b & c");
    }
}

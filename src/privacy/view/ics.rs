//! iCalendar as a calendar program shows it: lines unfolded (RFC 5545
//! §3.1), each property's value unescaped (§3.3.11).

use super::View;

/// The values of every property of `text`.
pub fn view(text: &str) -> View {
    let mut view = View::default();
    let unfolded = text
        .replace("\r\n ", "")
        .replace("\r\n\t", "")
        .replace("\n ", "")
        .replace("\n\t", "");
    for line in unfolded.lines() {
        let Some((name, value)) = split(line) else {
            continue;
        };
        view.part(name.to_owned());
        unescape(value, &mut view.text);
    }
    view
}

/// A content line's name (without parameters) and value: the value starts
/// after the first colon outside a quoted parameter value.
fn split(line: &str) -> Option<(&str, &str)> {
    let mut quoted = false;
    for (i, c) in line.char_indices() {
        match c {
            '"' => quoted = !quoted,
            ':' if !quoted => {
                let head = &line[..i];
                let name = head.split(';').next().unwrap_or(head);
                return Some((name, &line[i + 1..]));
            }
            _ => {}
        }
    }
    None
}

/// `value` with its escapes undone, appended to `out`.
fn unescape(value: &str, out: &mut String) {
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n' | 'N') => out.push('\n'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folded_lines_are_joined_and_escapes_undone() {
        let text = "BEGIN:VEVENT\r\nLOCATION:vakt 41\r\n 234567\r\nDESCRIPTION:a\\nb\\, c\\;d\\\\e\r\nSUMMARY;LANGUAGE=\"x:y\":Møte\r\nEND:VEVENT\r\n";
        let view = view(text);
        assert!(view.text.contains("vakt 41234567"), "{}", view.text);
        assert!(view.text.contains("a\nb, c;d\\e"), "{}", view.text);
        assert!(view.text.contains("Møte"), "{}", view.text);
        let at = view.text.find("vakt").unwrap();
        assert_eq!(view.part_at(at), "LOCATION");
    }
}

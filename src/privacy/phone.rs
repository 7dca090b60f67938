//! Norwegian phone numbers: eight digits starting with 2–9 (mobiles with 4
//! or 9, landlines with 2, 3, 5, 6 or 7), written in one of the ways
//! Norwegians write them, with or without the country code.
//!
//! Only these layouts count, so amounts (`12 000`, `2 500 kroner`), dates,
//! clock times, weeks and room numbers do not match; nor do two years or
//! two clock times side by side (`2027-2028`, `2000–2200`), nor two dates
//! written as eight digits (`20270104-20270628`). An eight-digit date alone
//! (`31122026`) cannot be told from a number and is found.

use super::digits::{
    free_after, free_before, groups_at, joined, space_at, unglued_after, unglued_before,
};
use super::{Hit, Kind};

/// `91234567`, `912 34 567`, `91 23 45 67`, `9123 4567` and digit by digit,
/// `9 1 2 3 4 5 6 7`.
const LAYOUTS: [&[usize]; 5] = [
    &[8],
    &[3, 2, 3],
    &[2, 2, 2, 2],
    &[4, 4],
    &[1, 1, 1, 1, 1, 1, 1, 1],
];

/// The country code, as written before the number.
const PREFIXES: [&str; 2] = ["+47", "0047"];

/// Every phone number in `text`.
pub fn find(text: &str) -> Vec<Hit> {
    let mut hits = Vec::new();
    for (start, b) in text.bytes().enumerate() {
        // A number or its country code starts with a digit or a plus (ASCII,
        // so a whole character wherever the byte is found).
        if !(b.is_ascii_digit() || b == b'+') || !unglued_before(text, start) {
            continue;
        }
        let Some(body) = body_start(text, start) else {
            continue;
        };
        for layout in LAYOUTS {
            // After a country code it is a number, whatever it looks like.
            if let Some(end) = groups_at(text, body, layout)
                && unglued_after(text, end)
                && !(layout == [4, 4] && body == start && span(&text[body..end]))
                && !(matches!(layout.len(), 2 | 8) && in_longer_grouping(text, start, end))
            {
                hits.push(Hit {
                    kind: Kind::Phone,
                    start,
                    end,
                });
            }
        }
    }
    // Digits joined by `.`, `-`, `/` or `:` make something longer (a date,
    // an account number), unless they are another phone number: a list
    // written without spaces, `98765432/41234567`.
    let listed = |a: &Hit, b: &Hit| {
        joined(text, a.end, b.start)
            && !(date(&text[a.start..a.end]) && date(&text[b.start..b.end]))
    };
    hits.iter()
        .filter(|h| {
            let before = free_before(text, h.start) || hits.iter().any(|o| listed(o, h));
            let after = free_after(text, h.end) || hits.iter().any(|o| listed(h, o));
            before && after
        })
        .copied()
        .collect()
}

/// Whether digits in groups of four (or one by one) are part of a longer
/// number in such groups (an IBAN, `NO93 8601 1117 947`): another group
/// one space before or after.
fn in_longer_grouping(text: &str, start: usize, end: usize) -> bool {
    let spaced = |chars: &mut dyn Iterator<Item = char>| {
        chars.next().is_some_and(|c| c.is_whitespace())
            && chars.next().is_some_and(|c| c.is_ascii_digit())
    };
    spaced(&mut text[..start].chars().rev()) || spaced(&mut text[end..].chars())
}

/// Whether eight digits are a date, YYYYMMDD.
fn date(digits: &str) -> bool {
    digits.len() == 8
        && crate::sprint::config::parse_date(&format!(
            "{}-{}-{}",
            &digits[..4],
            &digits[4..6],
            &digits[6..]
        ))
        .is_some()
}

/// Whether `2027 2028` or `2027-2028` are two years, or `2000–2200` two
/// clock times, rather than a number in two halves.
fn span(number: &str) -> bool {
    let halves: Vec<&str> = number
        .split(|c: char| !c.is_ascii_digit())
        .filter(|h| !h.is_empty())
        .collect();
    let [first, second] = halves[..] else {
        return false;
    };
    let year = |h: &str| h.starts_with("19") || h.starts_with("20");
    let clock = |h: &str| h[..2] < *"24" && h[2..] < *"60";
    let dashed = number.contains(['-', '–']);
    (year(first) && year(second) && first <= second) || (dashed && clock(first) && clock(second))
}

/// Where the eight digits begin if a number starts at `start`: right there,
/// or after a country code and an optional space. The first digit must be
/// 2–9; 0 and 1 begin no Norwegian subscriber number.
fn body_start(text: &str, start: usize) -> Option<usize> {
    let rest = &text[start..];
    let body = match PREFIXES.iter().find(|p| rest.starts_with(*p)) {
        Some(prefix) => {
            let after = start + prefix.len();
            after + space_at(text, after).unwrap_or(0)
        }
        None => start,
    };
    matches!(text.as_bytes().get(body), Some(b'2'..=b'9')).then_some(body)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        find(text).iter().map(|h| &text[h.start..h.end]).collect()
    }

    #[test]
    fn every_layout_is_found() {
        for number in ["91234567", "912 34 567", "91 23 45 67", "9123 4567"] {
            assert_eq!(found(&format!("Ring {number} i dag")), vec![number]);
        }
    }

    #[test]
    fn country_codes_with_and_without_space() {
        for number in [
            "+47 91234567",
            "+4791234567",
            "0047 91234567",
            "004791234567",
            "+47 912 34 567",
            "0047 91 23 45 67",
            "+47 9123 4567",
        ] {
            let text = format!("tlf. {number}.");
            assert_eq!(found(&text).first(), Some(&number), "{text}");
        }
    }

    #[test]
    fn mobiles_and_landlines() {
        for first in '2'..='9' {
            let number = format!("{first}1234567");
            assert_eq!(found(&number), vec![number.as_str()]);
        }
        assert!(found("01234567").is_empty());
        assert!(found("11234567").is_empty());
        assert!(found("+47 01234567").is_empty());
    }

    #[test]
    fn not_inside_longer_numbers() {
        for text in [
            "912345678",
            "191234567",
            "4791234567",
            "912 34 5678",
            "9123 45678",
            "1234.91234567",
            "91234567.12",
            "nr91234567",
            "91234567kr",
        ] {
            assert!(found(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn hyphens_dashes_and_dots_between_groups() {
        for number in [
            "912-34-567",
            "+47-912-34-567",
            "912.34.567",
            "91-23-45-67",
            "9123–4567",
        ] {
            assert_eq!(found(&format!("ring {number} i dag")).len(), 1, "{number}");
        }
    }

    #[test]
    fn harmless_numbers_are_left_alone() {
        let text = "Møtet 2027-02-24 kl. 09:30–11:00, 24.02.2027, uke 12, rom 204, \
                    i 2027 kostet det 12 000 kroner, 2 500 kroner og 1 250 000 kr. \
                    Referanse 12345, klokka 0930, 3,5 timer, 50 %. Konto 1234.56.78901, \
                    24.02.27, uke 12-13, 10.30–11.45.";
        assert!(found(text).is_empty(), "{:?}", found(text));
    }

    #[test]
    fn numbers_in_a_list_without_spaces() {
        for sep in ["/", ",", "-", ".", ":", "–", ";", " / "] {
            let text = format!("Ring 98765432{sep}41234567 i dag");
            assert_eq!(found(&text), vec!["98765432", "41234567"], "{text}");
        }
        assert_eq!(
            found("987 65 432/41 23 45 67"),
            vec!["987 65 432", "41 23 45 67"]
        );
    }

    #[test]
    fn years_are_not_numbers() {
        for text in [
            "skoleåret 2027-2028",
            "2027–2028",
            "årene 2024 2025 2026",
            "1999 2000",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
        assert_eq!(found("ring 9123 4567"), vec!["9123 4567"]);
    }

    #[test]
    fn numbers_at_the_edges_of_the_text() {
        assert_eq!(found("91234567"), vec!["91234567"]);
        assert_eq!(found("(91 23 45 67)"), vec!["91 23 45 67"]);
    }
}

//! E-mail addresses: `local@domain.tld`, found from each `@` outwards. A
//! practical pattern, not RFC 5322: it finds what people type into notes.

use super::{Hit, Kind};

/// Every e-mail address in `text`.
pub fn find(text: &str) -> Vec<Hit> {
    text.match_indices('@')
        .filter_map(|(at, _)| {
            let start = local_start(text, at)?;
            let end = domain_end(text, at + 1)?;
            Some(Hit {
                kind: Kind::Email,
                start,
                end,
            })
        })
        .collect()
}

/// Characters of the part before the `@`.
fn is_local(c: char) -> bool {
    c.is_alphanumeric() || "._%+-".contains(c)
}

/// Characters of the part after the `@`.
fn is_domain(c: char) -> bool {
    c.is_alphanumeric() || c == '.' || c == '-'
}

/// Where the part before the `@` at `at` begins, if there is one. Leading
/// dots are punctuation, not part of the address.
fn local_start(text: &str, at: usize) -> Option<usize> {
    let before = &text[..at];
    let start = before
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_local(c))
        .last()
        .map(|(i, _)| i)?;
    let start = start + (before[start..].len() - before[start..].trim_start_matches('.').len());
    // `a@b@c.no` is no address at all, not `b@c.no`.
    let clean = start < at && !before[..start].ends_with('@');
    clean.then_some(start)
}

/// Where the domain starting at `from` ends, if it is a plausible one: at
/// least two labels, none empty, ending in a top-level domain of letters.
/// A full stop or hyphen after it ends the sentence, not the address.
fn domain_end(text: &str, from: usize) -> Option<usize> {
    let rest = &text[from..];
    let len = rest.find(|c| !is_domain(c)).unwrap_or(rest.len());
    let domain = rest[..len].trim_end_matches(['.', '-']);
    let labels: Vec<&str> = domain.split('.').collect();
    let tld = labels.last()?;
    let plausible = labels.len() >= 2
        && labels
            .iter()
            .all(|l| !l.is_empty() && !l.starts_with('-') && !l.ends_with('-'))
        && top_level(tld)
        && !rest[domain.len()..].starts_with('@');
    plausible.then_some(from + domain.len())
}

/// Whether `tld` can be a top-level domain: letters, or an
/// internationalised one in its ASCII form (`xn--p1ai` is `.рф`).
fn top_level(tld: &str) -> bool {
    let idn = tld.strip_prefix("xn--").is_some_and(|rest| {
        rest.len() >= 2 && rest.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    });
    idn || (tld.chars().count() >= 2 && tld.chars().all(char::is_alphabetic))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        find(text).iter().map(|h| &text[h.start..h.end]).collect()
    }

    #[test]
    fn plain_addresses() {
        assert_eq!(found("kari@bydel.no"), vec!["kari@bydel.no"]);
        assert_eq!(
            found("Skriv til ola.nordmann+sfo@skole.oslo.kommune.no i dag"),
            vec!["ola.nordmann+sfo@skole.oslo.kommune.no"]
        );
        assert_eq!(found("x_y-z%1@a-b.com"), vec!["x_y-z%1@a-b.com"]);
    }

    #[test]
    fn letters_beyond_ascii() {
        assert_eq!(
            found("Sølvi: sølvi.ødegård@bydel.no"),
            vec!["sølvi.ødegård@bydel.no"]
        );
    }

    #[test]
    fn punctuation_around_is_not_part_of_it() {
        assert_eq!(found("(kari@bydel.no)."), vec!["kari@bydel.no"]);
        assert_eq!(found("<kari@bydel.no>,"), vec!["kari@bydel.no"]);
        assert_eq!(found("...kari@bydel.no-"), vec!["kari@bydel.no"]);
        assert_eq!(found("e-post:kari@bydel.no"), vec!["kari@bydel.no"]);
    }

    #[test]
    fn things_that_only_look_like_addresses() {
        for text in [
            "@bydel.no",
            "kari@",
            "kari@bydel",
            "kari@.no",
            "kari@bydel..no",
            "kari@bydel.n",
            "kari@bydel.n0",
            "kari @ bydel.no",
            "a@b@c.no",
            "møte @ 10.30",
            "kari@-bydel.no",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn internationalised_top_level_domains() {
        assert_eq!(found("tuva@skole.xn--p1ai."), vec!["tuva@skole.xn--p1ai"]);
        assert!(found("tuva@skole.xn--1").is_empty());
    }

    #[test]
    fn two_addresses_in_one_line() {
        assert_eq!(
            found("kari@bydel.no og ola@skole.no"),
            vec!["kari@bydel.no", "ola@skole.no"]
        );
    }
}

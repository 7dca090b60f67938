//! Numbers as people write them: runs of digits, split into groups by single
//! spaces, that stand alone in the text. Shared by the detectors of
//! fødselsnumre, D-numbers and phone numbers.

/// Characters that join digit runs into one larger number: account numbers
/// (`1234.56.78901`), dates (`2027-02-24`, `24.02.2027`, `24/2`), times
/// (`10:30`), spans (`10–12`) and decimals (`3,5`). Digits on the far side of
/// one of these mean we are looking at part of something else.
const JOINERS: [char; 6] = ['.', ',', '-', '/', ':', '–'];

/// The byte length of the one separator allowed between two groups at `i`:
/// a space, a no-break space (word processors put them into phone numbers,
/// and the reader cannot see the difference), or the hyphen, dash or dot
/// people also write (`912-34-567`, `010101-50074`, `912.34.567`). Only the
/// layouts of phone and identity numbers are matched, so dates and account
/// numbers, which have other layouts, stay out.
pub fn space_at(text: &str, i: usize) -> Option<usize> {
    match text.get(i..)?.chars().next()? {
        c @ (' ' | '\u{a0}' | '\u{202f}' | '-' | '–' | '.') => Some(c.len_utf8()),
        _ => None,
    }
}

/// Where a number laid out as `groups` (the lengths of its digit runs, one
/// space between them) ends, if one starts at `start`. Each run must be
/// exactly as long as its group: a longer run is a different number.
pub fn groups_at(text: &str, start: usize, groups: &[usize]) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut pos = start;
    for (i, &len) in groups.iter().enumerate() {
        if i > 0 {
            pos += space_at(text, pos)?;
        }
        let run = bytes.get(pos..pos + len)?;
        if !run.iter().all(u8::is_ascii_digit)
            || bytes.get(pos + len).is_some_and(u8::is_ascii_digit)
        {
            return None;
        }
        pos += len;
    }
    Some(pos)
}

/// The digits of `s`, as numbers, skipping everything else.
pub fn digits(s: &str) -> Vec<u32> {
    s.chars().filter_map(|c| c.to_digit(10)).collect()
}

/// Whether a number may start at `i`: not glued to a letter or digit, nor
/// to a joiner with a digit before it.
pub fn free_before(text: &str, i: usize) -> bool {
    let mut before = text[..i].chars().rev();
    match before.next() {
        Some(c) if is_glue(c) => false,
        Some(c) if JOINERS.contains(&c) => !before.next().is_some_and(|c| c.is_ascii_digit()),
        _ => true,
    }
}

/// Whether a number may end at `i`: the mirror image of [`free_before`].
/// A full stop ends a sentence, so `ring 91234567.` still counts.
pub fn free_after(text: &str, i: usize) -> bool {
    let mut after = text[i..].chars();
    match after.next() {
        Some(c) if is_glue(c) => false,
        Some(c) if JOINERS.contains(&c) => !after.next().is_some_and(|c| c.is_ascii_digit()),
        _ => true,
    }
}

/// Whether no letter or digit is glued to the left of `i`: a number may
/// start there if nothing else matters (a valid fødselsnummer does not
/// happen by chance, so a joiner beside it does not hide it).
pub fn unglued_before(text: &str, i: usize) -> bool {
    !text[..i].chars().next_back().is_some_and(is_glue)
}

/// The mirror image of [`unglued_before`].
pub fn unglued_after(text: &str, i: usize) -> bool {
    !text[i..].chars().next().is_some_and(is_glue)
}

/// Whether one joiner, and nothing else, stands between `a` and `b`: two
/// numbers written as a list without spaces (`98765432/41234567`).
pub fn joined(text: &str, a: usize, b: usize) -> bool {
    let mut between = text.get(a..b).unwrap_or_default().chars();
    between.next().is_some_and(|c| JOINERS.contains(&c)) && between.next().is_none()
}

/// Characters that make a number part of a word or a longer number.
fn is_glue(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The byte offsets where a run of digits begins, not glued to a word.
pub fn starts(text: &str) -> impl Iterator<Item = usize> + '_ {
    // Bytes, not chars: an ASCII digit is always a whole character, and
    // documents are mostly letters, so most bytes are passed over at once.
    text.bytes()
        .enumerate()
        .filter(|&(i, b)| b.is_ascii_digit() && unglued_before(text, i))
        .map(|(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_must_have_exact_lengths() {
        assert_eq!(groups_at("912 34 567", 0, &[3, 2, 3]), Some(10));
        assert_eq!(groups_at("912 34 5678", 0, &[3, 2, 3]), None);
        assert_eq!(groups_at("9123 34 567", 0, &[3, 2, 3]), None);
        assert_eq!(groups_at("91234567", 0, &[8]), Some(8));
        assert_eq!(groups_at("9123456", 0, &[8]), None);
    }

    #[test]
    fn groups_allow_exactly_one_space() {
        assert_eq!(groups_at("9123  4567", 0, &[4, 4]), None);
        assert_eq!(groups_at("9123\u{a0}4567", 0, &[4, 4]), Some(10));
        assert_eq!(groups_at("9123\n4567", 0, &[4, 4]), None);
    }

    #[test]
    fn joined_numbers_are_not_free() {
        let text = "1234.56.78901";
        assert!(free_before(text, 0));
        assert!(!free_after(text, 4));
        assert!(!free_before(text, 8));
        assert!(free_after("ring 91234567.", 13));
        assert!(free_after("ring 91234567, takk", 13));
        assert!(!free_after("kl. 10:30", 6));
    }

    #[test]
    fn numbers_glued_to_words_are_not_free() {
        assert!(!free_before("ID91234567", 2));
        assert!(!free_after("91234567abc", 8));
        assert!(!free_after("91234567ø", 8));
        assert!(free_before("tlf:91234567", 4));
    }

    #[test]
    fn starts_skip_the_middle_of_runs_and_glued_digits() {
        let found: Vec<usize> = starts("ab 12 345 6x7 8.9").collect();
        assert_eq!(found, vec![3, 6, 10, 14, 16]);
    }

    #[test]
    fn one_joiner_between_is_a_list() {
        let text = "98765432/41234567 og 1, 2";
        assert!(joined(text, 8, 9));
        assert!(!joined(text, 17, 21));
        assert!(!joined(text, 22, 24));
    }

    #[test]
    fn digits_skip_spaces() {
        assert_eq!(digits("12 3"), vec![1, 2, 3]);
    }
}

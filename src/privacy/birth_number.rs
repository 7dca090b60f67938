//! Fødselsnumre and D-numbers: eleven digits, DDMMYY, a three-digit
//! individual number and two mod-11 control digits.
//!
//! Accepted besides plain fødselsnumre: D-numbers (day + 40), H-numbers
//! (month + 40) and Skatteetaten's synthetic test numbers (month + 80). An
//! H-number is a real patient identifier in health services, which is where
//! these notes come from; a synthetic number cannot be told from a real one
//! by its shape, and a false alarm on test data costs less than a missed
//! child.

use super::digits::{digits, groups_at, starts, unglued_after};
use super::{Hit, Kind};

/// How a fødselsnummer is written: all together, date and personal
/// number apart (`010190 12345`), or digit by digit.
const LAYOUTS: [&[usize]; 3] = [&[11], &[6, 5], &[1; 11]];

/// Weights of the first control digit, over the first nine digits.
const K1: [u32; 9] = [3, 7, 6, 1, 8, 9, 4, 5, 2];
/// Weights of the second control digit, over the first ten digits.
const K2: [u32; 10] = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

/// Every valid fødselsnummer and D-number in `text`.
pub fn find(text: &str) -> Vec<Hit> {
    let mut hits = Vec::new();
    for start in starts(text) {
        for layout in LAYOUTS {
            let Some(end) = groups_at(text, start, layout) else {
                continue;
            };
            // A joiner beside it does not make it part of something else:
            // eleven digits with both control digits right are a person.
            if !unglued_after(text, end) {
                continue;
            }
            if let Some(kind) = classify(&digits(&text[start..end])) {
                hits.push(Hit { kind, start, end });
            }
        }
    }
    hits
}

/// Whether eleven digits are a fødselsnummer or a D-number, or neither.
pub fn classify(d: &[u32]) -> Option<Kind> {
    if d.len() != 11 || !controls_match(d) {
        return None;
    }
    let (mut day, mut month) = (d[0] * 10 + d[1], d[2] * 10 + d[3]);
    let kind = if day > 40 {
        day -= 40;
        Kind::DNumber
    } else {
        Kind::BirthNumber
    };
    if month > 80 {
        month -= 80;
    } else if month > 40 {
        month -= 40;
    }
    let year = d[4] * 10 + d[5];
    let individual = d[6] * 100 + d[7] * 10 + d[8];
    is_date(day, month, year, individual).then_some(kind)
}

/// Whether the two last digits are the control digits of the nine before.
fn controls_match(d: &[u32]) -> bool {
    control(&d[..9], &K1) == Some(d[9]) && control(&d[..10], &K2) == Some(d[10])
}

/// The mod-11 control digit of `d`; `None` where the remainder is 1, since
/// no number is issued with that remainder.
fn control(d: &[u32], weights: &[u32]) -> Option<u32> {
    let sum: u32 = d.iter().zip(weights).map(|(d, w)| d * w).sum();
    match 11 - sum % 11 {
        11 => Some(0),
        10 => None,
        k => Some(k),
    }
}

/// Whether `day` exists in `month` of the two-digit `year`.
fn is_date(day: u32, month: u32, year: u32, individual: u32) -> bool {
    // The individual number gives the century: 000–499 is 1900–1999, so
    // `00` there is 1900, no leap year; every other `00` in use is 2000.
    let leap = year.is_multiple_of(4) && !(year == 0 && individual < 500);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A valid number for `ddmmyy`, from the first individual number at or
    /// after `individual` whose control digits exist. Computed here, apart
    /// from the code under test.
    pub(crate) fn valid(ddmmyy: &str, individual: u32) -> String {
        (individual..1000)
            .find_map(|i| with_controls(&format!("{ddmmyy}{i:03}")))
            .expect("some individual number has control digits")
    }

    /// `nine` followed by its two control digits, if it has them.
    pub(crate) fn with_controls(nine: &str) -> Option<String> {
        let mut d: Vec<u32> = nine.chars().map(|c| c.to_digit(10).unwrap()).collect();
        for weights in [&K1[..], &K2[..]] {
            let sum: u32 = d.iter().zip(weights).map(|(d, w)| d * w).sum();
            let k = (11 - sum % 11) % 11;
            if k == 10 {
                return None;
            }
            d.push(k);
        }
        Some(d.iter().map(u32::to_string).collect())
    }

    /// `number` with its last digit changed to every other value.
    pub(crate) fn wrong_controls(number: &str) -> Vec<String> {
        let (head, last) = number.split_at(number.len() - 1);
        (0..10)
            .map(|k| format!("{head}{k}"))
            .filter(|n| !n.ends_with(last))
            .collect()
    }

    fn kind_of(number: &str) -> Option<Kind> {
        classify(&digits(number))
    }

    #[test]
    fn control_digits_from_the_helper_are_checked_alike() {
        for date in ["010190", "311299", "150605", "290296", "311224"] {
            for individual in [0, 123, 499, 500, 750, 990] {
                let n = valid(date, individual);
                assert_eq!(kind_of(&n), Some(Kind::BirthNumber), "{n}");
            }
        }
    }

    #[test]
    fn every_wrong_last_digit_is_rejected() {
        let n = valid("240315", 512);
        for wrong in wrong_controls(&n) {
            assert_eq!(kind_of(&wrong), None, "{wrong}");
        }
    }

    #[test]
    fn a_wrong_first_control_digit_is_rejected() {
        let n = valid("240315", 512);
        let mut d = digits(&n);
        d[9] = (d[9] + 1) % 10;
        assert_eq!(classify(&d), None);
    }

    #[test]
    fn remainder_one_is_never_valid() {
        // Find nine digits whose first control would be 10 and check that
        // no choice of the last two digits makes them valid.
        let nine = (0..1000)
            .map(|i| format!("010190{i:03}"))
            .find(|n| with_controls(n).is_none())
            .unwrap();
        for k in 0..100 {
            assert_eq!(kind_of(&format!("{nine}{k:02}")), None);
        }
    }

    #[test]
    fn d_numbers_add_forty_to_the_day() {
        assert_eq!(kind_of(&valid("410190", 0)), Some(Kind::DNumber));
        assert_eq!(kind_of(&valid("710190", 0)), Some(Kind::DNumber));
        assert_eq!(kind_of(&valid("720190", 0)), None);
        assert_eq!(kind_of(&valid("400190", 0)), None);
        assert_eq!(kind_of(&valid("700490", 0)), Some(Kind::DNumber));
        assert_eq!(kind_of(&valid("710490", 0)), None);
    }

    #[test]
    fn h_numbers_and_synthetic_numbers_count_as_birth_numbers() {
        assert_eq!(kind_of(&valid("014190", 0)), Some(Kind::BirthNumber));
        assert_eq!(kind_of(&valid("018190", 0)), Some(Kind::BirthNumber));
        assert_eq!(kind_of(&valid("419290", 0)), Some(Kind::DNumber));
        assert_eq!(kind_of(&valid("015390", 0)), None);
        assert_eq!(kind_of(&valid("019390", 0)), None);
    }

    #[test]
    fn impossible_dates_are_rejected() {
        for date in ["000190", "320190", "010090", "011390", "310490", "300290"] {
            assert_eq!(kind_of(&valid(date, 0)), None, "{date}");
        }
    }

    #[test]
    fn leap_days_follow_the_century() {
        assert_eq!(kind_of(&valid("290296", 0)), Some(Kind::BirthNumber));
        assert_eq!(kind_of(&valid("290297", 0)), None);
        // 29.02.1900 did not exist; 29.02.2000 did.
        assert_eq!(kind_of(&valid("290200", 0)), None);
        assert_eq!(kind_of(&valid("290200", 500)), Some(Kind::BirthNumber));
    }

    #[test]
    fn finds_both_layouts_and_nothing_else() {
        let n = valid("010190", 123);
        let spaced = format!("{} {}", &n[..6], &n[6..]);
        let text = format!("a {n} b {spaced} c");
        let found: Vec<&str> = find(&text).iter().map(|h| &text[h.start..h.end]).collect();
        assert_eq!(found, vec![n.as_str(), spaced.as_str()]);
    }

    #[test]
    fn not_inside_longer_numbers() {
        let n = valid("010190", 123);
        for text in [
            format!("1{n}"),
            format!("{n}1"),
            format!("x{n}"),
            format!("{}  {}", &n[..6], &n[6..]),
            format!("{} {}7", &n[..6], &n[6..]),
        ] {
            assert!(find(&text).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_joiner_beside_it_does_not_hide_it() {
        let (a, b) = (valid("010190", 123), valid("150585", 456));
        for text in [
            format!("{a}/{b}"),
            format!("{a},{b}"),
            format!("{a}.12"),
            format!("12.{a}"),
        ] {
            let found: Vec<&str> = find(&text).iter().map(|h| &text[h.start..h.end]).collect();
            assert!(found.contains(&a.as_str()), "{text}");
        }
    }

    #[test]
    fn written_with_a_hyphen_or_dash() {
        let n = valid("010190", 123);
        for text in [
            format!("{}-{}", &n[..6], &n[6..]),
            format!("{}–{}", &n[..6], &n[6..]),
        ] {
            assert_eq!(find(&text).len(), 1, "{text}");
        }
    }

    #[test]
    fn an_account_number_is_not_a_birth_number() {
        assert!(find("konto 1234.56.78901").is_empty());
    }
}

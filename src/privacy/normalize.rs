//! Text as a person reads it, before anything is matched: what a reader
//! would not see as different is made the same, so a number or a name
//! cannot hide behind how it is typed.
//!
//! - Unicode compatibility forms (NFKC): full-width digits `４`, `＠`.
//! - Zero-width characters and soft hyphens are dropped.
//! - Typographic apostrophes and quotes are the plain ones.
//! - Markdown's emphasis and code markers (`*`, `_`, `` ` ``, `~`) and its
//!   backslash escapes are looked through: `**0101**0012356`.
//! - Any run of spaces (thin, no-break, tabs) is one space; a single line
//!   break, with the `>` of a quote's next line, is one space too (a
//!   paragraph reads on); a blank line stays a break.
//! - A number glued to a word that names it (`tlf41234567`, `fnr:…`) is
//!   set apart from it.
//! - Cyrillic and Greek letters that look like Latin ones are the Latin
//!   ones (`Тuva` with a Cyrillic `Т`).
//!
//! Every byte of the result knows the byte of the original it comes from,
//! so a finding is reported, and redacted, where it stands in the original.

use std::borrow::Cow;

use unicode_normalization::UnicodeNormalization;

/// Words that name the number glued to them.
const PREFIXES: [&str; 13] = [
    "tlf",
    "tel",
    "telefon",
    "mob",
    "mobil",
    "fnr",
    "fødselsnr",
    "fødselsnummer",
    "dnr",
    "d-nr",
    "pnr",
    "personnr",
    "hnr",
];

/// A text made ready for matching, and the way back to the original.
pub struct Normalized<'a> {
    /// The text to match in.
    pub text: Cow<'a, str>,
    /// For each byte of `text` (and one past its end), the byte of the
    /// original it comes from; none when the text is the original.
    origin: Option<Vec<u32>>,
    /// The original.
    original: &'a str,
}

impl<'a> Normalized<'a> {
    /// Where a match starting at `at` in [`Normalized::text`] starts in the
    /// original.
    #[must_use]
    pub fn start(&self, at: usize) -> usize {
        match &self.origin {
            None => at,
            Some(origin) => origin.get(at).map_or(self.original.len(), |&o| o as usize),
        }
    }

    /// Where a match ending at `at` (exclusive) ends in the original: just
    /// past the original character its last byte comes from.
    #[must_use]
    pub fn end(&self, at: usize) -> usize {
        let Some(origin) = &self.origin else {
            return at;
        };
        if at == 0 {
            return 0;
        }
        let from = origin
            .get(at - 1)
            .map_or(self.original.len(), |&o| o as usize);
        from + self.original[from..]
            .chars()
            .next()
            .map_or(0, char::len_utf8)
    }
}

/// `text` as a person reads it (see the module's documentation).
#[must_use]
pub fn normalize(text: &str) -> Normalized<'_> {
    if text.len() > u32::MAX as usize || plain(text) {
        return Normalized {
            text: Cow::Borrowed(text),
            origin: None,
            original: text,
        };
    }
    let mut out = Builder {
        text: String::with_capacity(text.len()),
        origin: Vec::with_capacity(text.len() + 1),
    };
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            c if invisible(c) => {}
            '*' | '_' | '`' | '~' => {}
            '\\' if chars.peek().is_some_and(|(_, n)| n.is_ascii_punctuation()) => {}
            c if c.is_whitespace() => {
                let mut breaks = usize::from(c == '\n');
                while let Some(&(_, n)) = chars.peek() {
                    if n.is_whitespace() || invisible(n) || (breaks > 0 && n == '>') {
                        breaks += usize::from(n == '\n');
                        chars.next();
                    } else {
                        break;
                    }
                }
                out.push(if breaks > 1 { "\n\n" } else { " " }, i);
            }
            c if c.is_ascii() => {
                if c.is_ascii_digit() && out.after_prefix() {
                    out.push(" ", i);
                }
                out.push_char(c, i);
            }
            c => {
                let mut buf = [0; 4];
                if let Some(latin) = folded(c) {
                    out.push_char(latin, i);
                } else if unicode_normalization::is_nfkc_quick(std::iter::once(c))
                    == unicode_normalization::IsNormalized::Yes
                {
                    out.push(c.encode_utf8(&mut buf), i);
                } else {
                    for n in std::iter::once(c).nfkc() {
                        let n = folded(n).unwrap_or(n);
                        if n.is_ascii_digit() && out.after_prefix() {
                            out.push(" ", i);
                        }
                        out.push_char(n, i);
                    }
                }
            }
        }
    }
    out.origin
        .push(u32::try_from(text.len()).unwrap_or(u32::MAX));
    Normalized {
        text: Cow::Owned(out.text),
        origin: Some(out.origin),
        original: text,
    }
}

/// The normalised text being built.
struct Builder {
    text: String,
    origin: Vec<u32>,
}

impl Builder {
    fn push(&mut self, s: &str, from: usize) {
        self.text.push_str(s);
        let from = u32::try_from(from).unwrap_or(u32::MAX);
        self.origin.extend(std::iter::repeat_n(from, s.len()));
    }

    fn push_char(&mut self, c: char, from: usize) {
        let mut buf = [0; 4];
        self.push(c.encode_utf8(&mut buf), from);
    }

    /// Whether the text ends with a word that names a number, maybe with
    /// a colon or full stop after it: `tlf`, `fnr:`, `mob.`.
    fn after_prefix(&self) -> bool {
        let text = self.text.trim_end_matches([':', '.', '#']);
        let Some(last) = text.chars().next_back() else {
            return false;
        };
        if !last.is_alphabetic() {
            return false;
        }
        let start = text
            .char_indices()
            .rev()
            .take_while(|&(_, c)| c.is_alphabetic() || c == '-')
            .last()
            .map_or(text.len(), |(i, _)| i);
        let word = text[start..].to_lowercase();
        PREFIXES.contains(&word.as_str())
    }
}

/// Whether `text` needs no normalising: nothing of what [`normalize`]
/// changes matters in it. Letters beyond ASCII that have one form
/// (`æ`, `ø`, `å`, `«`, `–`) are plain; so is whitespace, except a run
/// other than one space between two digits (names are matched across any
/// whitespace anyway). Most notes are plain, and are then matched as they
/// are, without a copy.
fn plain(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b'*' | b'_' | b'`' | b'~' | b'\\' => return false,
            // A number glued to a word may be glued to its name: `tlf4…`.
            b'0'..=b'9'
                if i > 0
                    && (bytes[i - 1].is_ascii_alphabetic() || b":.#".contains(&bytes[i - 1])) =>
            {
                return false;
            }
            b' ' | b'\t' | b'\n' | b'\r' => {
                let start = i;
                while i < bytes.len() && matches!(bytes[i], b' ' | b'\t' | b'\n' | b'\r' | b'>') {
                    i += 1;
                }
                let digits = start > 0
                    && bytes[start - 1].is_ascii_digit()
                    && bytes.get(i).is_some_and(u8::is_ascii_digit);
                if digits && &bytes[start..i] != b" " {
                    return false;
                }
                continue;
            }
            0x80.. => {
                let c = text[i..].chars().next().unwrap_or(' ');
                if c.is_whitespace()
                    || invisible(c)
                    || folded(c).is_some()
                    || unicode_normalization::is_nfkc_quick(std::iter::once(c))
                        != unicode_normalization::IsNormalized::Yes
                {
                    return false;
                }
                i += c.len_utf8();
                continue;
            }
            _ if b.is_ascii_control() => return false,
            _ => {}
        }
        i += 1;
    }
    true
}

/// Characters a reader does not see: zero-width ones and soft hyphens.
fn invisible(c: char) -> bool {
    matches!(
        c,
        '\u{ad}' | '\u{180e}' | '\u{200b}'..='\u{200f}' | '\u{2060}'..='\u{2064}' | '\u{feff}'
    )
}

/// The plain character a typographic one or a look-alike letter stands for.
fn folded(c: char) -> Option<char> {
    Some(match c {
        '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2032}' | '\u{02bc}'
        | '\u{00b4}' | '\u{ff07}' => '\'',
        '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{2033}' => '"',
        '\u{2010}' | '\u{2011}' => '-',
        // Cyrillic look-alikes.
        'А' => 'A',
        'В' => 'B',
        'Е' => 'E',
        'К' => 'K',
        'М' => 'M',
        'Н' => 'H',
        'О' => 'O',
        'Р' => 'P',
        'С' => 'C',
        'Т' => 'T',
        'Х' => 'X',
        'Ѕ' => 'S',
        'І' => 'I',
        'Ј' => 'J',
        'а' => 'a',
        'е' => 'e',
        'о' => 'o',
        'р' => 'p',
        'с' => 'c',
        'у' => 'y',
        'х' => 'x',
        'ѕ' => 's',
        'і' => 'i',
        'ј' => 'j',
        'һ' => 'h',
        'ԁ' => 'd',
        // Greek look-alikes.
        'Α' => 'A',
        'Β' => 'B',
        'Ε' => 'E',
        'Ζ' => 'Z',
        'Η' => 'H',
        'Ι' => 'I',
        'Κ' => 'K',
        'Μ' => 'M',
        'Ν' => 'N',
        'Ο' => 'O',
        'Ρ' => 'P',
        'Τ' => 'T',
        'Υ' => 'Y',
        'Χ' => 'X',
        'ο' => 'o',
        'ν' => 'v',
        'ι' => 'i',
        'κ' => 'k',
        'ρ' => 'p',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The normalised text, and the original span of `needle` in it.
    fn span<'a>(text: &'a str, needle: &str) -> (String, &'a str) {
        let n = normalize(text);
        let at = n
            .text
            .find(needle)
            .unwrap_or_else(|| panic!("{needle} in {:?}", n.text));
        let (s, e) = (n.start(at), n.end(at + needle.len()));
        (n.text.to_string(), &text[s..e])
    }

    #[test]
    fn plain_text_is_borrowed() {
        for text in [
            "Ring 41234567 i dag.",
            "Mor på sju år «sier»\n\n> at – Kari\n> Nordmann 12 000",
        ] {
            assert!(matches!(normalize(text).text, Cow::Borrowed(_)), "{text}");
        }
        for text in ["4123\n4567", "412  34", "4\n> 1", "a\u{a0}b", "*a*", "tlf4"] {
            assert!(matches!(normalize(text).text, Cow::Owned(_)), "{text:?}");
        }
    }

    #[test]
    fn what_a_reader_does_not_see_is_gone() {
        assert_eq!(
            span("ring 412\u{200b}34\u{ad}567", "41234567").1,
            "412\u{200b}34\u{ad}567"
        );
        assert_eq!(span("**0101**0012356 x", "01010012356").1, "0101**0012356");
        assert_eq!(span("*Tuva* Nordmann", "Tuva Nordmann").1, "Tuva* Nordmann");
        assert_eq!(
            span("tuva\\_nordmann@x.no", "tuvanordmann@x.no").1,
            "tuva\\_nordmann@x.no"
        );
    }

    #[test]
    fn compatibility_forms_and_look_alikes() {
        assert_eq!(
            span("ring ４１２３４５６７", "41234567").1,
            "４１２３４５６７"
        );
        assert_eq!(span("tuva＠skole.no", "tuva@skole.no").1, "tuva＠skole.no");
        assert_eq!(span("Тuva Nordmann", "Tuva").1, "Тuva");
        assert_eq!(span("Siobhan O’Brien", "O'Brien").1, "O’Brien");
    }

    #[test]
    fn spaces_and_line_breaks() {
        assert_eq!(
            span("412  34\u{2009}567", "412 34 567").1,
            "412  34\u{2009}567"
        );
        assert_eq!(
            span("> 010190\n> 12345", "010190 12345").1,
            "010190\n> 12345"
        );
        let (text, _) = span("a\n\nb", "a");
        assert_eq!(text, "a\n\nb");
    }

    #[test]
    fn numbers_glued_to_their_names() {
        assert_eq!(span("tlf41234567", "tlf 41234567").1, "tlf41234567");
        assert_eq!(
            span("fnr:15076500565", "fnr: 15076500565").1,
            "fnr:15076500565"
        );
        assert_eq!(span("Mob.41234567", "Mob. 41234567").1, "Mob.41234567");
        assert!(normalize("uke12 rom204").text.contains("uke12"));
    }
}

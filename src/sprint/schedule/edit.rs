//! Writing `schedule.yaml` back as people left it: only the lines of the
//! entry that changes are rewritten, so comments and the order of the other
//! entries stay. A file in a shape this does not follow (a flow list, say)
//! is written anew, and the caller says so.

use super::{Move, Schedule};

/// A new text for the file.
#[derive(Debug, PartialEq, Eq)]
pub struct Edited {
    /// The text.
    pub text: String,
    /// Whether the whole file was written anew (comments in it are gone).
    pub anew: bool,
}

/// The whole file for `moves`, its header in `lang` (the sprint's).
pub fn render(moves: &[Move], lang: crate::workbook::Lang) -> String {
    let mut out = format!("{}\n", crate::i18n::msg::header_schedule(lang));
    if moves.is_empty() {
        out.push_str("moves: []\n");
        return out;
    }
    out.push_str("moves:\n");
    for m in moves {
        out.push_str(&entry(m, 2, "\n"));
    }
    out
}

/// One entry, its dash at column `indent`.
fn entry(m: &Move, indent: usize, eol: &str) -> String {
    let pad = " ".repeat(indent);
    // Step and group ids are checked slugs; a place is any text: quoted.
    let mut out = format!("{pad}- step: {}{eol}", m.step);
    if let Some(group) = &m.group {
        out.push_str(&format!("{pad}  group: {group}{eol}"));
    }
    out.push_str(&format!("{pad}  date: {}{eol}", m.date.format("%Y-%m-%d")));
    if let Some(time) = m.time {
        out.push_str(&format!("{pad}  time: \"{}\"{eol}", time.format("%H:%M")));
    }
    if let Some(place) = &m.place {
        let quoted = serde_json::to_string(place).unwrap_or_else(|_| "\"\"".into());
        out.push_str(&format!("{pad}  place: {quoted}{eol}"));
    }
    out
}

/// `text` (the file as read, parsed into `schedule`) with the move of `step`
/// and `group` replaced by `new`, or taken away when `new` is `None`.
/// `all` is every move after the change, for a file written anew.
pub fn set(
    text: &str,
    schedule: &Schedule,
    index: Option<usize>,
    new: Option<&Move>,
    all: &[Move],
    lang: crate::workbook::Lang,
) -> Edited {
    let anew = || Edited {
        text: render(all, lang),
        anew: true,
    };
    if text.trim().is_empty() {
        return Edited {
            text: render(all, lang),
            anew: false,
        };
    }
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let eol = if text.contains("\r\n") { "\r\n" } else { "\n" };
    match (index, new) {
        (Some(i), new) => {
            let Some((from, to, indent)) = span(&lines, schedule.lines[i]) else {
                return anew();
            };
            let replacement = new.map(|m| entry(m, indent, eol)).unwrap_or_default();
            let mut out: String = lines[..from].concat();
            out.push_str(&replacement);
            out.push_str(&lines[to + 1..].concat());
            Edited {
                text: out,
                anew: false,
            }
        }
        (None, Some(m)) => match schedule.lines.last() {
            Some(&last) => {
                let Some((_, to, indent)) = span(&lines, last) else {
                    return anew();
                };
                let mut out: String = lines[..=to].concat();
                if !out.ends_with('\n') {
                    out.push_str(eol);
                }
                out.push_str(&entry(m, indent, eol));
                out.push_str(&lines[to + 1..].concat());
                Edited {
                    text: out,
                    anew: false,
                }
            }
            None => {
                // No entry yet: under `moves:` (or `moves: []`), else at the end.
                let key = lines.iter().position(|l| is_empty_moves_key(l));
                let new_entry = entry(m, 2, eol);
                match key {
                    Some(k) => {
                        let mut out: String = lines[..k].concat();
                        out.push_str(&format!("moves:{eol}{new_entry}"));
                        out.push_str(&lines[k + 1..].concat());
                        Edited {
                            text: out,
                            anew: false,
                        }
                    }
                    None if lines.iter().any(|l| l.starts_with("moves")) => anew(),
                    None => {
                        let mut out = text.to_owned();
                        if !out.ends_with('\n') {
                            out.push_str(eol);
                        }
                        out.push_str(&format!("moves:{eol}{new_entry}"));
                        Edited {
                            text: out,
                            anew: false,
                        }
                    }
                }
            }
        },
        (None, None) => Edited {
            text: text.to_owned(),
            anew: false,
        },
    }
}

/// `moves:` or `moves: []` alone on a line (a comment may follow).
fn is_empty_moves_key(line: &str) -> bool {
    let line = line.split('#').next().unwrap_or("").trim_end();
    let Some(rest) = line.strip_prefix("moves:") else {
        return false;
    };
    matches!(rest.trim(), "" | "[]")
}

/// The lines (0-based, inclusive) of the entry whose values are on the
/// 1-based lines `lines`, and the column of its dash: from the line with the
/// dash to the last line indented under it that is not a comment. `None`
/// when the entry is not a block-style list item.
fn span(lines: &[&str], (first, last): (u32, u32)) -> Option<(usize, usize, usize)> {
    let from = usize::try_from(first).ok()?.checked_sub(1)?;
    let mut to = usize::try_from(last).ok()?.checked_sub(1)?;
    let head = lines.get(from)?;
    let indent = head.len() - head.trim_start().len();
    if !head.trim_start().starts_with("- ") || to >= lines.len() {
        return None;
    }
    // A value over several lines (a folded place, say) goes on indented.
    while let Some(next) = lines.get(to + 1) {
        let trimmed = next.trim_start();
        let deeper = next.len() - trimmed.len() > indent;
        if deeper && !trimmed.is_empty() && !trimmed.starts_with('#') {
            to += 1;
        } else {
            break;
        }
    }
    Some((from, to, indent))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::test_support::{date, time};

    fn m(step: &str, day: &str) -> Move {
        Move {
            step: step.into(),
            group: Some("gruppe-1".into()),
            date: date(day),
            time: Some(time("13:00")),
            place: Some("Biblioteket, «rom 2»".into()),
        }
    }

    const FILE: &str = "\
# Familiene valgte tid selv.
moves:
  # Familien Lilje ville ha ettermiddag.
  - step: a
    group: gruppe-1
    date: 2027-02-25   # torsdag
  # Neste:
  - step: b
    date: 2027-03-04
# slutt
";

    fn schedule() -> Schedule {
        Schedule {
            moves: vec![m("a", "2027-02-25"), m("b", "2027-03-04")],
            lines: vec![(4, 6), (8, 9)],
            ..Schedule::default()
        }
    }

    #[test]
    fn changing_one_entry_keeps_every_comment_around_it() {
        let new = m("a", "2027-02-26");
        let all = [new.clone(), m("b", "2027-03-04")];
        let out = set(
            FILE,
            &schedule(),
            Some(0),
            Some(&new),
            &all,
            crate::workbook::Lang::Nb,
        );
        assert!(!out.anew);
        assert_eq!(
            out.text,
            "# Familiene valgte tid selv.\nmoves:\n  # Familien Lilje ville ha ettermiddag.\n  - step: a\n    group: gruppe-1\n    date: 2027-02-26\n    time: \"13:00\"\n    place: \"Biblioteket, «rom 2»\"\n  # Neste:\n  - step: b\n    date: 2027-03-04\n# slutt\n"
        );
    }

    #[test]
    fn removing_and_adding_keep_the_rest() {
        let out = set(
            FILE,
            &schedule(),
            Some(1),
            None,
            &[],
            crate::workbook::Lang::Nb,
        );
        assert_eq!(
            out.text,
            FILE.replace("  - step: b\n    date: 2027-03-04\n", "")
        );
        let c = m("c", "2027-03-11");
        let out = set(
            FILE,
            &schedule(),
            None,
            Some(&c),
            &[],
            crate::workbook::Lang::Nb,
        );
        assert!(
            out.text.contains("    date: 2027-03-04\n  - step: c\n"),
            "{}",
            out.text
        );
        assert!(out.text.ends_with("# slutt\n"));
    }

    #[test]
    fn a_first_entry_goes_under_moves_and_an_odd_file_is_written_anew() {
        let c = m("c", "2027-03-11");
        let empty = Schedule::default();
        let out = set(
            "# mine\nmoves: []\n",
            &empty,
            None,
            Some(&c),
            std::slice::from_ref(&c),
            crate::workbook::Lang::Nb,
        );
        assert!(
            out.text.starts_with("# mine\nmoves:\n  - step: c\n"),
            "{}",
            out.text
        );
        let out = set(
            "# mine\n",
            &empty,
            None,
            Some(&c),
            std::slice::from_ref(&c),
            crate::workbook::Lang::Nb,
        );
        assert!(
            out.text.starts_with("# mine\nmoves:\n  - step: c\n"),
            "{}",
            out.text
        );
        let flow = Schedule {
            moves: vec![m("a", "2027-02-25")],
            lines: vec![(1, 1)],
            ..Schedule::default()
        };
        let out = set(
            "moves: [{step: a, date: 2027-02-25}]\n",
            &flow,
            Some(0),
            None,
            &[],
            crate::workbook::Lang::Nb,
        );
        assert!(out.anew);
        assert!(out.text.ends_with("moves: []\n"));
    }

    #[test]
    fn windows_line_ends_stay() {
        let text = FILE.replace('\n', "\r\n");
        let new = m("a", "2027-02-26");
        let out = set(
            &text,
            &schedule(),
            Some(0),
            Some(&new),
            &[],
            crate::workbook::Lang::Nb,
        );
        assert!(
            !out.text.replace("\r\n", "").contains('\n'),
            "{:?}",
            out.text
        );
    }

    /// The moves of `text` as written, unchecked, with their lines.
    fn read_back(text: &str) -> Schedule {
        let file: super::super::ScheduleFile = serde_saphyr::from_str(text).unwrap();
        let mut schedule = Schedule::default();
        for e in file.moves.unwrap_or_default() {
            schedule.lines.push(e.lines());
            schedule.moves.push(Move {
                step: e.step.value.clone(),
                group: e.group.map(|g| g.value),
                date: date(&e.date),
                time: e.time.map(|t| time(&t)),
                place: e.place.map(|p| p.value),
            });
        }
        schedule
    }

    fn a_move(n: u8, day: u32, with_time: bool, place: Option<&str>) -> Move {
        Move {
            step: format!("steg-{n}"),
            group: n.is_multiple_of(2).then(|| "gruppe-1".to_owned()),
            date: date(&format!("2027-02-{day:02}")),
            time: with_time.then(|| time("13:30")),
            place: place.map(str::to_owned),
        }
    }

    proptest::proptest! {
        /// Whatever the entries and comments, a change reads back as the
        /// moves intended, and every comment outside the changed entry stays.
        #[test]
        fn an_edit_reads_back_as_intended_and_keeps_comments(
            entries in proptest::collection::vec((1u32..28, proptest::bool::ANY, proptest::option::of("[a-zæøå ,:#\"'-]{0,12}")), 0..5),
            op in 0usize..6,
            crlf in proptest::bool::ANY,
        ) {
            let moves: Vec<Move> = entries
                .iter()
                .enumerate()
                .map(|(n, (day, t, place))| a_move(u8::try_from(n).unwrap(), *day, *t, place.as_deref()))
                .collect();
            let mut text = String::from("# øverst\nmoves:\n");
            for (n, m) in moves.iter().enumerate() {
                text.push_str(&format!("  # før {n}\n"));
                text.push_str(&entry(m, 2, "\n"));
            }
            text.push_str("# nederst\n");
            if moves.is_empty() {
                text = "# øverst\nmoves: []\n# nederst\n".into();
            }
            if crlf {
                text = text.replace('\n', "\r\n");
            }
            let schedule = read_back(&text);
            proptest::prop_assert_eq!(&schedule.moves, &moves);
            let new = a_move(9, 3, true, Some("Biblioteket"));
            let mut expected = moves.clone();
            let (index, change) = match (op % 3, moves.len()) {
                (0, n) if n > 0 => {
                    let i = op % n;
                    expected[i] = Move { step: moves[i].step.clone(), group: moves[i].group.clone(), ..new.clone() };
                    (Some(i), Some(expected[i].clone()))
                }
                (1, n) if n > 0 => {
                    let i = op % n;
                    expected.remove(i);
                    (Some(i), None)
                }
                _ => {
                    expected.push(new.clone());
                    (None, Some(new.clone()))
                }
            };
            let out = set(&text, &schedule, index, change.as_ref(), &expected, crate::workbook::Lang::Nb);
            proptest::prop_assert!(!out.anew);
            proptest::prop_assert_eq!(&read_back(&out.text).moves, &expected);
            for comment in ["# øverst", "# nederst"] {
                proptest::prop_assert!(out.text.contains(comment));
            }
            for n in 0..moves.len() {
                let comment = format!("# før {n}");
                proptest::prop_assert!(out.text.contains(&comment));
            }
            if crlf {
                proptest::prop_assert!(!out.text.replace("\r\n", "").contains('\n'));
            }
        }
    }
}

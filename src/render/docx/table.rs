//! A Markdown table as a Word table with a real column grid: Word lays out
//! a table without one, but LibreOffice draws equal columns that break
//! words and pandoc drops the table. The widths follow the content; the
//! header row is bold, shaded, never split and repeats on every page (see
//! `package`, which marks it).

use comrak::nodes::AstNode;
use docx_rs::{
    Paragraph, Shading, ShdType, Table, TableCell, TableLayoutType, TableRow, WidthType,
};

use super::{Marks, runs, text_of};

/// Longest a cell's text counts when sharing out the width: a long
/// description wraps rather than squeezing its neighbours.
const LONGEST_COUNTED: usize = 40;

/// The table of `node`, `width` twips wide.
pub(super) fn table<'a>(node: &'a AstNode<'a>, width: usize) -> Table {
    let cells: Vec<Vec<&'a AstNode<'a>>> = node
        .children()
        .map(|row| row.children().collect())
        .collect();
    let texts: Vec<Vec<String>> = cells
        .iter()
        .map(|row| row.iter().map(|c| text_of(c)).collect())
        .collect();
    let grid = column_widths(&texts, width);
    let rows = cells
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let header = i == 0;
            let cells = row
                .iter()
                .zip(&grid)
                .map(|(cell, &w)| {
                    let mut list = Vec::new();
                    let marks = Marks {
                        bold: header,
                        italic: false,
                    };
                    runs(cell, marks, &mut list);
                    let p = list
                        .into_iter()
                        .fold(Paragraph::new().style("Normal"), Paragraph::add_run);
                    let cell = TableCell::new().add_paragraph(p).width(w, WidthType::Dxa);
                    if header {
                        cell.shading(Shading::new().shd_type(ShdType::Clear).fill("E7ECF1"))
                    } else {
                        cell
                    }
                })
                .collect();
            let row = TableRow::new(cells);
            // Only the header row is marked never to split: `package` finds
            // it by that mark and makes it repeat.
            if header { row.cant_split() } else { row }
        })
        .collect();
    Table::new(rows)
        .set_grid(grid)
        .width(width, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
}

/// The width of each column, in twips, summing to `width`: shared by the
/// longest text of each column (counted up to [`LONGEST_COUNTED`]), and at
/// least its longest word, so that no word is broken.
fn column_widths(rows: &[Vec<String>], width: usize) -> Vec<usize> {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    if columns == 0 {
        return Vec::new();
    }
    let mut longest = vec![1usize; columns];
    let mut word = vec![1usize; columns];
    for row in rows {
        for (c, text) in row.iter().enumerate() {
            let chars = text.chars().count();
            longest[c] = longest[c].max(chars.min(LONGEST_COUNTED));
            let w = text
                .split_whitespace()
                .map(|w| w.chars().count())
                .max()
                .unwrap_or(0);
            word[c] = word[c].max(w);
        }
    }
    // One character of 11 pt text is about 110 twips wide; a cell's
    // padding takes about two more.
    let needed: Vec<usize> = word.iter().map(|w| (w + 2) * 110).collect();
    let weights: Vec<usize> = longest
        .iter()
        .zip(&word)
        .map(|(l, w)| (*l).max(*w) + 2)
        .collect();
    let total: usize = weights.iter().sum();
    let mut widths: Vec<usize> = weights.iter().map(|w| width * w / total).collect();
    // A column narrower than its longest word borrows from the widest.
    for c in 0..columns {
        while widths[c] < needed[c] {
            let Some(widest) = (0..columns)
                .filter(|&o| o != c && widths[o] > needed[o])
                .max_by_key(|&o| widths[o] - needed[o])
            else {
                break;
            };
            let spare = (widths[widest] - needed[widest]).min(needed[c] - widths[c]);
            widths[widest] -= spare;
            widths[c] += spare;
        }
    }
    let rounding = width - widths.iter().sum::<usize>();
    widths[columns - 1] += rounding;
    widths
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(rows: &[&[&str]]) -> Vec<Vec<String>> {
        rows.iter()
            .map(|r| r.iter().map(|s| (*s).to_owned()).collect())
            .collect()
    }

    #[test]
    fn widths_follow_the_content_and_fill_the_line() {
        let widths = column_widths(
            &rows(&[
                &["Nr", "Underproblemstillinger", "Beskrivelse"],
                &[
                    "1",
                    "Tid",
                    "En lang beskrivelse av hva som skal skje og hvorfor det er viktig",
                ],
            ]),
            9638,
        );
        assert_eq!(widths.iter().sum::<usize>(), 9638);
        assert!(widths[0] < widths[1] && widths[1] < widths[2], "{widths:?}");
        // "Underproblemstillinger" (22 letters) fits on one line.
        assert!(widths[1] >= 24 * 110, "{widths:?}");
    }

    #[test]
    fn a_long_word_borrows_width_from_a_wide_column() {
        let long = "x ".repeat(200);
        let widths = column_widths(
            &rows(&[&["Samskapingsprosessen", &long, &long, &long]]),
            9638,
        );
        assert!(widths[0] >= 22 * 110, "{widths:?}");
        assert_eq!(widths.iter().sum::<usize>(), 9638);
    }

    #[test]
    fn ragged_and_empty_tables_have_a_grid() {
        assert!(column_widths(&[], 9638).is_empty());
        let widths = column_widths(&rows(&[&["a", "b"], &["c"]]), 9638);
        assert_eq!(widths.len(), 2);
    }
}

//! Tables written in HTML (`<table><tr><td>…</td></tr></table>`): lists
//! exported from a spreadsheet, or wanting column widths, write their rows
//! so. This module turns an HTML block into the pieces of such a table, its
//! rows, cells and their inline tokens, for the walk to read as it reads a
//! markdown table's: `<a href>` opens a link as `[` does, `<b>` and `<i>` are
//! emphasis, `<br>` a break, text between tags is text, and any other tag
//! stays HTML.

use super::Span;
use super::inline::{self, Mark, Token, TokenKind};

/// One piece of an HTML table, in the order written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Piece {
    TableOpen,
    TableClose,
    /// `<tr>`, at the offset of its `<`.
    RowOpen(usize),
    /// `</tr>`, at the offset after its `>`.
    RowClose(usize),
    /// `<td>` or `<th>` (`head`), at the offset after its `>`; how many rows
    /// it spans down.
    CellOpen {
        at: usize,
        head: bool,
        rows: usize,
    },
    /// `</td>` or `</th>`, at the offset of its `<`.
    CellClose(usize),
    /// What a cell holds.
    Token(Token),
}

/// Whether an HTML block holds a table's rows: a `<table>` or a `<tr>`
/// (a table with blank lines inside is several HTML blocks).
pub(super) fn has_rows(html: &str) -> bool {
    let lower = html.as_bytes();
    lower.windows(3).any(|w| {
        w[0] == b'<' && w[1].eq_ignore_ascii_case(&b't') && matches!(w[2] | 0x20, b'r' | b'a')
    })
}

/// The table pieces of the HTML at `span` of `text`, offsets in `text`.
/// Inline tokens outside a cell are left out; marks a cell opens and does
/// not close are closed at its end, so every cell's tokens nest.
pub(super) fn pieces(text: &str, span: Span) -> Vec<Piece> {
    let html = &text[span.clone()];
    let base = span.start;
    let mut pieces = Vec::new();
    let mut in_cell = false;
    // The marks opened in the cell, innermost last: `a`, `b`, `i`.
    let mut open: Vec<&'static str> = Vec::new();
    let mut at = 0;
    while at < html.len() {
        let Some(lt) = html[at..].find('<').map(|i| at + i) else {
            text_token(&mut pieces, in_cell, base, html, at..html.len());
            break;
        };
        text_token(&mut pieces, in_cell, base, html, at..lt);
        if html[lt..].starts_with("<!--") {
            at = html[lt..].find("-->").map_or(html.len(), |i| lt + i + 3);
            continue;
        }
        let Some(tag) = read_tag(html, lt) else {
            // A `<` that opens no tag (`a < b`) is text.
            text_token(&mut pieces, in_cell, base, html, lt..lt + 1);
            at = lt + 1;
            continue;
        };
        at = tag.end;
        let tag_span = base + lt..base + tag.end;
        match (tag.name.as_str(), tag.closing) {
            ("table", false) => pieces.push(Piece::TableOpen),
            ("table", true) => pieces.push(Piece::TableClose),
            ("tr", false) => pieces.push(Piece::RowOpen(base + lt)),
            ("tr", true) => {
                close_cell(&mut pieces, &mut in_cell, &mut open, base + lt);
                pieces.push(Piece::RowClose(base + tag.end));
            }
            ("td" | "th", false) => {
                close_cell(&mut pieces, &mut in_cell, &mut open, base + lt);
                let rows = inline::html_attribute(&html[lt..tag.end], "rowspan")
                    .and_then(|r| html[lt + r.start..lt + r.end].parse::<usize>().ok())
                    .unwrap_or(1)
                    .max(1);
                pieces.push(Piece::CellOpen {
                    at: base + tag.end,
                    head: tag.name == "th",
                    rows,
                });
                in_cell = true;
            }
            ("td" | "th", true) => close_cell(&mut pieces, &mut in_cell, &mut open, base + lt),
            _ if !in_cell => {}
            (name, false) => {
                let kind = match name {
                    "a" => inline::html_attribute(&html[lt..tag.end], "href").map(|dest| {
                        TokenKind::Open(Mark::Link {
                            dest: Some(base + lt + dest.start..base + lt + dest.end),
                            auto: false,
                        })
                    }),
                    "b" | "strong" => Some(TokenKind::Open(Mark::Strong)),
                    "i" | "em" => Some(TokenKind::Open(Mark::Emph)),
                    "br" => Some(TokenKind::Break),
                    _ => None,
                };
                if let Some(TokenKind::Open(_)) = kind {
                    open.push(mark_name(name));
                }
                let kind = kind.unwrap_or(TokenKind::Html);
                pieces.push(Piece::Token(Token {
                    kind,
                    span: tag_span,
                }));
            }
            (name, true) => {
                let kind = if open.last() == Some(&mark_name(name)) {
                    open.pop();
                    TokenKind::Close
                } else {
                    TokenKind::Html
                };
                pieces.push(Piece::Token(Token {
                    kind,
                    span: tag_span,
                }));
            }
        }
    }
    close_cell(&mut pieces, &mut in_cell, &mut open, span.end);
    pieces
}

/// The one name of a mark written several ways.
fn mark_name(tag: &str) -> &'static str {
    match tag {
        "a" => "a",
        "b" | "strong" => "b",
        "i" | "em" => "i",
        _ => "",
    }
}

fn close_cell(pieces: &mut Vec<Piece>, in_cell: &mut bool, open: &mut Vec<&str>, at: usize) {
    if !*in_cell {
        return;
    }
    for _ in open.drain(..) {
        pieces.push(Piece::Token(Token {
            kind: TokenKind::Close,
            span: at..at,
        }));
    }
    pieces.push(Piece::CellClose(at));
    *in_cell = false;
}

/// The text between two tags, without the whitespace around it.
fn text_token(pieces: &mut Vec<Piece>, in_cell: bool, base: usize, html: &str, range: Span) {
    if !in_cell {
        return;
    }
    let run = &html[range.clone()];
    let trimmed = run.trim();
    if trimmed.is_empty() {
        return;
    }
    let start = range.start + (run.len() - run.trim_start().len());
    pieces.push(Piece::Token(Token {
        kind: TokenKind::Text,
        span: base + start..base + start + trimmed.len(),
    }));
}

struct Tag {
    /// Lowercase.
    name: String,
    closing: bool,
    /// The offset after its `>`.
    end: usize,
}

/// The tag that opens at `lt` (a `<`), if one does: a name of letters and
/// digits after `<` or `</`, up to a `>` outside quotes.
fn read_tag(html: &str, lt: usize) -> Option<Tag> {
    let bytes = html.as_bytes();
    let mut i = lt + 1;
    let closing = bytes.get(i) == Some(&b'/');
    if closing {
        i += 1;
    }
    let name_start = i;
    while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
        i += 1;
    }
    if i == name_start || !bytes[name_start].is_ascii_alphabetic() {
        return None;
    }
    let name = html[name_start..i].to_ascii_lowercase();
    let mut quote = None;
    while i < bytes.len() {
        match (bytes[i], quote) {
            (b'>', None) => {
                return Some(Tag {
                    name,
                    closing,
                    end: i + 1,
                });
            }
            (q @ (b'"' | b'\''), None) => quote = Some(q),
            (q, Some(open)) if q == open => quote = None,
            _ => {}
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn describe(text: &str) -> Vec<String> {
        pieces(text, 0..text.len())
            .into_iter()
            .map(|piece| match piece {
                Piece::TableOpen => "table".to_owned(),
                Piece::TableClose => "/table".to_owned(),
                Piece::RowOpen(_) => "tr".to_owned(),
                Piece::RowClose(_) => "/tr".to_owned(),
                Piece::CellOpen { head, rows, .. } => {
                    format!("{}{}", if head { "th" } else { "td" }, rows)
                }
                Piece::CellClose(_) => "/td".to_owned(),
                Piece::Token(token) => match token.kind {
                    TokenKind::Text => format!("'{}'", &text[token.span]),
                    TokenKind::Open(Mark::Link { dest: Some(d), .. }) => {
                        format!("a({})", &text[d])
                    }
                    TokenKind::Open(Mark::Strong) => "b".to_owned(),
                    TokenKind::Close => "/".to_owned(),
                    TokenKind::Break => "br".to_owned(),
                    _ => format!("html{}", &text[token.span]),
                },
            })
            .collect()
    }

    #[test]
    fn cells_hold_links_marks_and_text() {
        let html = r#"<table>
  <tr><th>Title</th><th>Code</th></tr>
  <tr>
    <td rowspan=2 align="center"><a href="https://arxiv.org/abs/2301.00001">A <b>Bold</b> Title</a><br>Ann Lee</td>
    <td><a href='https://github.com/a/b'>code</a> <img src="x.svg"></td>
  </tr>
</table>"#;
        assert_eq!(
            describe(html),
            [
                "table",
                "tr",
                "th1",
                "'Title'",
                "/td",
                "th1",
                "'Code'",
                "/td",
                "/tr",
                "tr",
                "td2",
                "a(https://arxiv.org/abs/2301.00001)",
                "'A'",
                "b",
                "'Bold'",
                "/",
                "'Title'",
                "/",
                "br",
                "'Ann Lee'",
                "/td",
                "td1",
                "a(https://github.com/a/b)",
                "'code'",
                "/",
                "html<img src=\"x.svg\">",
                "/td",
                "/tr",
                "/table"
            ]
        );
    }

    #[test]
    fn unclosed_cells_and_marks_close_with_their_row() {
        let html = "<tr><td><b>Open <td>next</tr>";
        assert_eq!(
            describe(html),
            [
                "tr", "td1", "b", "'Open'", "/", "/td", "td1", "'next'", "/td", "/tr"
            ]
        );
    }

    #[test]
    fn comments_stray_angles_and_text_outside_cells_are_left_out() {
        let html = "<table><!-- <tr> --> outside <tr><td>a < b</td></tr></table>";
        assert_eq!(
            describe(html),
            [
                "table", "tr", "td1", "'a'", "'<'", "'b'", "/td", "/tr", "/table"
            ]
        );
        assert!(has_rows("<TABLE>"));
        assert!(has_rows("  <tr height=19>"));
        assert!(!has_rows("<details><summary>x</summary>"));
    }
}

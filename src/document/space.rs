//! What one space inserted into a line does to its markdown.
//!
//! A missing space is the most common slip in a list, and its fix the most
//! common edit awesome-lint makes. But a space is syntax in places: it can
//! turn a line into a list item or a heading, re-pair the line's emphasis
//! (`3DV**m` is a run that may open and close, `3DV** m` one that may only
//! close, and CommonMark's "rule of three" pairs the two differently), or
//! complete a link that was text (`[a](url(b))` is text, `[a](url (b))` a
//! link titled `b`). Rules that insert spaces ask here first.

/// Whether inserting one space at byte `at` of `text` changes nothing but
/// the space: no new block, the same emphasis, no new link.
pub(crate) fn space_is_inert(text: &str, at: usize) -> bool {
    !space_would_open_a_block(line_prefix(text, at))
        && space_keeps_emphasis(text, at)
        && !space_could_complete_a_link(text, at)
}

// --- blocks ---------------------------------------------------------------

/// The line up to `at`, if it holds nothing but what could open a block
/// (indentation, `>`, list markers, `#`); otherwise empty. Looking back only
/// that far keeps a line of many parts linear.
fn line_prefix(text: &str, at: usize) -> &str {
    let opener = |c: char| {
        matches!(
            c,
            ' ' | '\t' | '>' | '-' | '+' | '*' | '#' | '.' | ')' | '0'..='9'
        )
    };
    match text[..at].rfind(|c: char| !opener(c)) {
        None => &text[..at],
        Some(i) if text.as_bytes()[i] == b'\n' => &text[i + 1..at],
        Some(_) => "",
    }
}

/// Whether a space after `prefix` (a line up to a part of an entry) would
/// turn the line into a new block: `-[[pdf]]` on a continuation line is text,
/// `- [[pdf]]` a list item of its own, `#[[pdf]]` a heading.
fn space_would_open_a_block(prefix: &str) -> bool {
    let mut rest = prefix;
    // Past the containers the line already opens: quotes and list markers.
    loop {
        rest = rest.trim_start_matches([' ', '\t']);
        if let Some(after) = rest.strip_prefix('>') {
            rest = after;
            continue;
        }
        let token = rest.find([' ', '\t']).map_or(rest, |end| &rest[..end]);
        if token.len() < rest.len() && is_list_marker(token) {
            rest = &rest[token.len()..];
            continue;
        }
        break;
    }
    let hashes = rest.bytes().take_while(|&b| b == b'#').count();
    is_list_marker(rest) || ((1..=6).contains(&hashes) && hashes == rest.len())
}

fn is_list_marker(token: &str) -> bool {
    let digits = token.bytes().take_while(u8::is_ascii_digit).count();
    matches!(token, "-" | "+" | "*")
        || ((1..=9).contains(&digits) && digits + 1 == token.len() && token.ends_with(['.', ')']))
}

// --- emphasis -------------------------------------------------------------

/// Whether inserting one space at byte `at` leaves every delimiter run that
/// touches `at` flanking the way it did: the emphasis pairs up the same.
fn space_keeps_emphasis(text: &str, at: usize) -> bool {
    edit_keeps_emphasis(text, at..at, " ")
}

/// Whether replacing `span` of `text` with `content` leaves the delimiter
/// runs on either side of the edit as they were: the same length, and
/// flanking the same way, so the line's emphasis pairs up as before.
/// Deleting the `$` of `**Title.**$NeurIPS` glues a closing run to a letter,
/// and a run after punctuation and before a letter can only open: the
/// title's bold breaks (found by the fix fuzzer). Runs inside `content` are
/// the edit's own business (a rule that adds `**` means to).
pub(crate) fn edit_keeps_emphasis(text: &str, span: std::ops::Range<usize>, content: &str) -> bool {
    let (before, after) = (&text[..span.start], &text[span.end..]);
    // The neighbours of the edit's two ends, as written and as edited.
    let old_next = text[span.start..].chars().next();
    let new_next = content.chars().next().or_else(|| after.chars().next());
    let old_prev = text[..span.end].chars().next_back();
    let new_prev = content
        .chars()
        .next_back()
        .or_else(|| before.chars().next_back());
    // The run that ends where the edit starts.
    if let Some(run) = run_ending(before) {
        let mark = before.as_bytes()[before.len() - 1] as char;
        // A run the edit shortens or lengthens pairs up anew.
        if old_next == Some(mark) || new_next == Some(mark) {
            return false;
        }
        let prev = before[..before.len() - run].chars().next_back();
        if flanking(prev, old_next) != flanking(prev, new_next) {
            return false;
        }
    }
    // The run that starts where the edit ends.
    if let Some(run) = run_starting(after) {
        let mark = after.as_bytes()[0] as char;
        if old_prev == Some(mark) || new_prev == Some(mark) {
            return false;
        }
        let next = after[run..].chars().next();
        if flanking(old_prev, next) != flanking(new_prev, next) {
            return false;
        }
    }
    true
}

fn is_delimiter(b: u8) -> bool {
    matches!(b, b'*' | b'_' | b'~')
}

/// The length of the delimiter run at the end of `text`, if there is one.
fn run_ending(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let last = *bytes.last()?;
    is_delimiter(last).then(|| bytes.iter().rev().take_while(|&&b| b == last).count())
}

/// The length of the delimiter run at the start of `text`, if there is one.
fn run_starting(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let first = *bytes.first()?;
    is_delimiter(first).then(|| bytes.iter().take_while(|&&b| b == first).count())
}

/// (left-flanking, right-flanking) of a run between `prev` and `next`
/// (`None`: the start or end of the text, which counts as whitespace).
fn flanking(prev: Option<char>, next: Option<char>) -> (bool, bool) {
    let space = |c: Option<char>| c.is_none_or(char::is_whitespace);
    let punct = |c: Option<char>| c.is_some_and(is_punctuation);
    let left = !space(next) && (!punct(next) || space(prev) || punct(prev));
    let right = !space(prev) && (!punct(prev) || space(next) || punct(next));
    (left, right)
}

/// CommonMark's punctuation: ASCII punctuation and Unicode P and S classes.
/// Outside ASCII, anything neither alphanumeric nor whitespace is taken as
/// punctuation; both sides of a comparison use the same test, so a wrong
/// guess can only make a fix look unsafe, never the reverse, for the
/// characters that matter (letters, digits, spaces).
fn is_punctuation(c: char) -> bool {
    c.is_ascii_punctuation() || (!c.is_ascii() && !c.is_alphanumeric() && !c.is_whitespace())
}

// --- links ----------------------------------------------------------------

/// Whether a space at `at` could make a link's destination and title of
/// what markdown reads as text: a title opens with `(`, `"` or `'` after
/// whitespace, and the word before it would be the destination if it
/// follows a `](` whose parenthesis is still open (`[a](url(b))` is text,
/// `[a](url (b))` a link titled `b`).
fn space_could_complete_a_link(text: &str, at: usize) -> bool {
    if !text[at..].starts_with(['(', '"', '\'']) {
        return false;
    }
    let before = &text[..at];
    let word_start = before.rfind(char::is_whitespace).map_or(0, |i| i + 1);
    let word = &before[word_start..];
    let destination = match word.rfind("](") {
        Some(i) => &word[i + 2..],
        // A destination may also follow its `](` after whitespace.
        None if before[..word_start].trim_end().ends_with("](") => word,
        None => return false,
    };
    // A `)` that closes the `(` of `](` ended the link already.
    let mut depth = 0i32;
    for b in destination.bytes() {
        match b {
            b'(' => depth += 1,
            b')' => depth -= 1,
            _ => {}
        }
        if depth < 0 {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_line_prefix_is_looked_at_only_when_it_could_open_a_block() {
        assert_eq!(line_prefix("title\r\n  -[[pdf]]", 10), "  -");
        assert_eq!(line_prefix("> 1.[[pdf]]", 4), "> 1.");
        assert_eq!(line_prefix("- [**X 2023**] T[[a]](", 16), "");
        assert_eq!(line_prefix("x\n", 2), "");
    }

    #[test]
    fn a_space_after_a_bare_marker_would_open_a_block() {
        for prefix in [
            "-", "  *", "+", "1.", "12)", "#", "###", "> -", "- -", "> 1. #",
        ] {
            assert!(space_would_open_a_block(prefix), "{prefix:?}");
        }
        for prefix in [
            "- [**CVPR 2023**] Title",
            "Title -",
            "-x",
            "#######",
            "1234567890.",
            "",
            "- ",
        ] {
            assert!(!space_would_open_a_block(prefix), "{prefix:?}");
        }
    }

    fn keeps(text: &str, before: &str) -> bool {
        space_keeps_emphasis(text, text.find(before).unwrap())
    }

    #[test]
    fn a_closing_run_glued_to_a_link_keeps_its_pairing() {
        assert!(keeps("**Title**[[pdf]](u)", "[[pdf]]"));
        assert!(keeps("Title[[pdf]](u)", "[[pdf]]"));
    }

    #[test]
    fn a_run_that_could_open_and_close_is_left_alone() {
        // `**` between letters may open or close; after a space only close.
        assert!(!keeps("*3DV**mCC", "mCC"));
        assert!(!keeps("a**b", "b"));
        // Before a run: `x**y` becomes `x **y`, which may only open.
        assert!(!keeps("x**y", "**y"));
        assert!(!keeps("x_y", "_y"));
    }

    #[test]
    fn a_run_after_punctuation_changes_when_glued_to_a_word() {
        // `.**m`: left-flanking only; `.** m`: neither.
        assert!(!keeps(".**m", "m"));
    }

    fn edit_keeps(text: &str, from: &str, content: &str) -> bool {
        let start = text.find(from).unwrap();
        edit_keeps_emphasis(text, start..start + from.len(), content)
    }

    #[test]
    fn an_edit_that_glues_a_closing_run_to_a_letter_changes_the_emphasis() {
        // `.**$N`: the run may close; `.**N`: it may only open.
        assert!(!edit_keeps("1. **Title.**$NeurIPS 2017.", "$", ""));
        // Even a space changes it: after it, the run can no longer open.
        assert!(!edit_keeps("1. **Title.**$NeurIPS 2017.", "$", " "));
        assert!(edit_keeps("1. **Title.**$NeurIPS 2017.", "$", "%"));
        // Away from any run, an edit is free.
        assert!(edit_keeps("**Title** NIPS 2017.", "NIPS", "NeurIPS"));
        assert!(edit_keeps(
            "[**NIPS 2022**] T",
            "[**NIPS 2022**]",
            "[**NeurIPS 2022**]"
        ));
    }

    #[test]
    fn an_edit_that_lengthens_or_shortens_a_run_changes_the_emphasis() {
        assert!(!edit_keeps("**a**x", "x", "*x"));
        assert!(!edit_keeps("x*** a**", "* ", " "));
        assert!(!edit_keeps("*a* _b_", " ", "_"));
    }

    #[test]
    fn a_space_before_parentheses_after_a_link_opener_could_make_a_title() {
        let text = "[[Paper](https://a.org/1.pdf](https://a.org/\u{0}2.pdf))]";
        assert!(!space_is_inert(text, text.rfind("(https").unwrap()));
        assert!(space_is_inert("Title(2023)", 5));
        assert!(!space_is_inert("[a](url\"t\")", 7));
        assert!(space_is_inert("- [**X 2023**] Title[[pdf]](u)", 20));
        // A link closed before the word, on this line or the one before.
        let text = "[[Code](u)]\n* **A**:\"A: T\"";
        assert!(space_is_inert(text, text.find('"').unwrap()));
        assert!(space_is_inert("[[pdf]](u)(CVPR 2023)", 10));
        assert!(!space_is_inert("[a](\nurl(t)", 8));
    }
}

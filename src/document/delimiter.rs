//! Emphasis delimiter runs (`*`, `_`, `~`) and what whitespace does to them.
//!
//! Whether a run opens or closes emphasis depends on its neighbours: `3DV**m`
//! is a run that may open and close, `3DV** m` one that may only close, and
//! CommonMark's "rule of three" pairs the two differently. A fix that inserts
//! a space beside a run can therefore re-pair the emphasis of the whole
//! line, so rules that insert spaces ask here first.

/// Whether inserting one space at byte `at` leaves every delimiter run that
/// touches `at` flanking the way it did: the emphasis pairs up the same.
pub fn space_keeps_emphasis(text: &str, at: usize) -> bool {
    let (before, after) = text.split_at(at);
    // The run that ends at `at`: its next character becomes the space.
    if let Some(run) = run_ending(before) {
        let prev = before[..before.len() - run].chars().next_back();
        let next = after.chars().next();
        if flanking(prev, next) != flanking(prev, Some(' ')) {
            return false;
        }
    }
    // The run that starts at `at`: its previous character becomes the space.
    if let Some(run) = run_starting(after) {
        let prev = before.chars().next_back();
        let next = after[run..].chars().next();
        if flanking(prev, next) != flanking(Some(' '), next) {
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

#[cfg(test)]
mod tests {
    use super::space_keeps_emphasis;

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
}

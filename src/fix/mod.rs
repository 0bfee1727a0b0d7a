//! Applying fixes: which of a set of fixes go together (the mode allows
//! them, they do not overlap), the text with their edits made, the diff it
//! makes, and [`write`], which puts the result on disk without losing a byte.
//!
//! A rule describes the edits that would repair a finding and whether
//! applying them is safe ([`crate::diagnostic::Fix`]); it never rewrites
//! text itself. Linting again until nothing applies is the linter's loop
//! ([`crate::lint::fix_to_fixpoint`]).

pub(crate) mod write;

use std::collections::BTreeSet;

use crate::diagnostic::{Edit, Finding, Fix};
use crate::source::Span;

/// Which fixes may be applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FixMode {
    /// `--fix`: safe fixes only.
    Safe,
    /// `--fix --unsafe-fixes`: safe and unsafe fixes.
    Unsafe,
}

impl FixMode {
    fn allows(self, fix: &Fix) -> bool {
        match self {
            FixMode::Safe => fix.is_safe(),
            FixMode::Unsafe => true,
        }
    }
}

/// The findings whose fixes the mode allows and do not overlap a fix taken
/// before them (in text order).
pub(crate) fn choose<'f>(text: &str, findings: &'f [Finding], mode: FixMode) -> Vec<&'f Finding> {
    let mut fixes: Vec<(&Finding, &Fix)> = findings
        .iter()
        .filter_map(|f| Some((f, f.fix.as_ref()?)))
        .filter(|(_, fix)| mode.allows(fix) && !fix.edits.is_empty())
        .filter(|(_, fix)| {
            fix.edits.iter().all(|e| {
                e.span.end <= text.len()
                    && text.is_char_boundary(e.span.start)
                    && text.is_char_boundary(e.span.end)
            })
        })
        .collect();
    fixes.sort_by_key(|(_, fix)| fix.edits.iter().map(|e| e.span.start).min());
    // Taken spans, ordered; an insertion is a span of length zero.
    let mut taken: BTreeSet<(usize, usize)> = BTreeSet::new();
    let mut chosen = Vec::new();
    for (finding, fix) in fixes {
        if fix.edits.iter().any(|edit| overlaps(&taken, &edit.span)) || self_overlapping(fix) {
            continue;
        }
        for edit in &fix.edits {
            taken.insert((edit.span.start, edit.span.end));
        }
        chosen.push(finding);
    }
    chosen
}

/// The text with the edits of the findings' (non-overlapping) fixes made.
pub(crate) fn splice(text: &str, findings: &[&Finding]) -> String {
    let mut edits: Vec<&Edit> = findings
        .iter()
        .filter_map(|f| f.fix.as_ref())
        .flat_map(|fix| &fix.edits)
        .collect();
    edits.sort_by_key(|edit| std::cmp::Reverse((edit.span.start, edit.span.end)));
    let mut out = text.to_owned();
    for edit in edits {
        out.replace_range(edit.span.clone(), &edit.content);
    }
    out
}

/// Whether a span meets a taken one: they share bytes, an insertion falls
/// inside the other, or both are insertions at one point (whose order would
/// be a guess).
fn overlaps(taken: &BTreeSet<(usize, usize)>, span: &Span) -> bool {
    let conflict = |&(start, end): &(usize, usize)| match (start == end, span.is_empty()) {
        (true, true) => start == span.start,
        (true, false) => span.start < start && start < span.end,
        (false, true) => start < span.start && span.start < end,
        (false, false) => start < span.end && span.start < end,
    };
    // Taken spans never overlap each other, so of those starting before this
    // one only the last can reach into it.
    taken
        .range(..(span.start, 0))
        .next_back()
        .is_some_and(conflict)
        || taken
            .range((span.start, 0)..(span.end.max(span.start + 1), 0))
            .any(conflict)
}

fn self_overlapping(fix: &Fix) -> bool {
    let mut spans: Vec<&Span> = fix.edits.iter().map(|e| &e.span).collect();
    spans.sort_by_key(|s| (s.start, s.end));
    spans
        .windows(2)
        .any(|w| w[1].start < w[0].end || (w[0] == w[1]))
}

/// The unified diff from `old` to `new`, headed with the file's path as git
/// heads it (`a/README.md`, `b/README.md`).
pub fn unified_diff(path: &std::path::Path, old: &str, new: &str) -> String {
    let name = crate::source::relative_path(path);
    let (a, b) = if name.starts_with('/') {
        (name.clone(), name)
    } else {
        (format!("a/{name}"), format!("b/{name}"))
    };
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(&a, &b)
        .to_string()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::diagnostic::{Applicability, Edit};
    use crate::rule::Rule;

    /// Applies every fix the mode allows that does not overlap a fix taken
    /// before it (in text order); returns the new text and the number applied.
    fn apply(text: &str, findings: &[Finding], mode: FixMode) -> (String, usize) {
        let chosen = choose(text, findings, mode);
        (splice(text, &chosen), chosen.len())
    }

    /// A finding where its first edit is, as rules report them.
    pub(crate) fn finding(edits: Vec<Edit>, applicability: Applicability) -> Finding {
        let at = edits.first().map_or(0..0, |e| e.span.clone());
        Finding::new(Rule::Spacing, at, "x").fix(Fix::new(edits, applicability))
    }

    #[test]
    fn applies_non_overlapping_fixes_from_the_end() {
        let text = "abcdef";
        let findings = vec![
            finding(vec![Edit::insert(3, " ")], Applicability::Safe),
            finding(vec![Edit::replace(0..1, "A")], Applicability::Safe),
            // Overlaps the first replacement: left for the next pass.
            finding(vec![Edit::replace(0..2, "XY")], Applicability::Safe),
            finding(vec![Edit::delete(5..6)], Applicability::Unsafe),
        ];
        assert_eq!(
            apply(text, &findings, FixMode::Safe),
            ("Abc def".to_owned(), 2)
        );
        assert_eq!(
            apply(text, &findings, FixMode::Unsafe),
            ("Abc de".to_owned(), 3)
        );
    }

    #[test]
    fn a_fix_applies_whole_or_not_at_all() {
        let text = "one\ntwo\nthree\n";
        // Move "three" first: delete it and insert it at the start.
        let mv = finding(
            vec![Edit::delete(8..14), Edit::insert(0, "three\n")],
            Applicability::Unsafe,
        );
        let clash = finding(vec![Edit::replace(9..10, "H")], Applicability::Safe);
        assert_eq!(
            apply(text, &[mv.clone(), clash.clone()], FixMode::Unsafe),
            ("three\none\ntwo\n".to_owned(), 1)
        );
        assert_eq!(
            apply(text, &[clash, mv], FixMode::Safe),
            ("one\ntwo\ntHree\n".to_owned(), 1)
        );
    }

    #[test]
    fn two_insertions_at_one_point_are_one_too_many() {
        let findings = vec![
            finding(vec![Edit::insert(1, "x")], Applicability::Safe),
            finding(vec![Edit::insert(1, "y")], Applicability::Safe),
        ];
        assert_eq!(apply("ab", &findings, FixMode::Safe), ("axb".to_owned(), 1));
    }
}

//! Fixes as data, and the one engine that applies them.
//!
//! A rule describes the edits that would repair a finding and whether
//! applying them is safe; it never rewrites text itself. The engine applies
//! non-overlapping fixes, lints the result again, and repeats until nothing
//! applies; [`write`] puts the result on disk without losing a byte.

pub mod write;

use std::collections::BTreeSet;

use crate::config::Settings;
use crate::document::structure::{Node, Structure};
use crate::document::{Document, Span};
use crate::finding::Finding;
use crate::lint::lint;
use crate::source::Source;

/// Replace the bytes of `span` with `content` (an insertion when the span is empty).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub span: Span,
    pub content: String,
}

impl Edit {
    pub fn replace(span: Span, content: impl Into<String>) -> Self {
        Self {
            span,
            content: content.into(),
        }
    }

    pub fn insert(at: usize, content: impl Into<String>) -> Self {
        Self::replace(at..at, content)
    }

    pub fn delete(span: Span) -> Self {
        Self::replace(span, "")
    }
}

/// Whether a fix can be applied without a human looking at it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Applicability {
    /// Keeps the meaning of the list: whitespace, canonical spellings.
    Safe,
    /// Probably right, but a guess (a did-you-mean, an indentation change on a
    /// multi-line item): only with `--unsafe-fixes`.
    Unsafe,
}

/// The edits that repair one finding, applied together or not at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    pub edits: Vec<Edit>,
    pub applicability: Applicability,
    /// The one link destination the fix means to change, as written before
    /// and after (a permanent redirect's new URL); every other link stays.
    pub retarget: Option<(String, String)>,
}

impl Fix {
    pub fn new(edits: Vec<Edit>, applicability: Applicability) -> Self {
        Self {
            edits,
            applicability,
            retarget: None,
        }
    }

    pub fn safe(edit: Edit) -> Self {
        Self::new(vec![edit], Applicability::Safe)
    }

    pub fn unsafe_edit(edit: Edit) -> Self {
        Self::new(vec![edit], Applicability::Unsafe)
    }

    /// Declares the link destination this fix changes.
    pub fn retargets(mut self, from: impl Into<String>, to: impl Into<String>) -> Self {
        self.retarget = Some((from.into(), to.into()));
        self
    }

    pub fn is_safe(&self) -> bool {
        self.applicability == Applicability::Safe
    }
}

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

/// At most this many rounds of fix-then-lint; more is a bug, reported.
pub const MAX_PASSES: usize = 10;

/// A file's text after fixing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fixed {
    /// The new text (without the byte order mark, like [`Source::text`]).
    pub text: String,
    /// Findings fixed, over all passes.
    pub fixed: usize,
    /// Fixes not applied because they would have changed what the list
    /// renders or lost an entry (a bug in the rule that offered them).
    pub withheld: Vec<Withheld>,
    pub passes: usize,
}

/// A fix the engine refused, and where its finding was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Withheld {
    pub rule: crate::rules::Rule,
    /// 1-based line of the finding, in the text of the pass that offered it.
    pub line: usize,
}

/// Why fixing stopped.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub enum FixError {
    #[error("fixing `{file}` did not settle after {MAX_PASSES} passes")]
    #[diagnostic(
        code(fix),
        help(
            "this is a bug in awesome-lint: the file was left untouched; please report it with the file"
        )
    )]
    NoConvergence { file: String },
}

/// Applies fixes, re-lints and repeats until no fix applies.
///
/// `first` holds findings from outside the rules (moved links from this
/// run's link check) whose fixes apply in the first pass only: their spans
/// point into the original text.
///
/// Two guards, one independent of how awesome-lint read the list:
/// - safe fixes must leave what markdown renders as it was: every block
///   (list item, heading, table row, paragraph, code and HTML block) and
///   every link and image, destination and text, in order (whitespace
///   collapsed; a declared retarget aside). Unsafe fixes, which move
///   entries, must keep the same link destinations;
/// - no fix may lose or change an entry (its title and link labels).
///
/// A fix that fails either is withheld and reported by rule and line, and
/// the others are applied. Unsafe fixes apply only in passes where no safe
/// fix is left, so that each pass is judged by one guard.
pub fn fix_to_fixpoint(
    source: &Source,
    settings: &Settings,
    mode: FixMode,
    first: Vec<Finding>,
) -> Result<Fixed, FixError> {
    let mut text = source.text().to_owned();
    let mut linted = lint(source, settings);
    let guard = Guard {
        entries: entry_prints(&text, &linted.doc),
    };
    let mut first = Some(first);
    let mut fixed = 0;
    let mut withheld = Vec::new();
    for pass in 1..=MAX_PASSES {
        let mut findings = std::mem::take(&mut linted.findings);
        findings.extend(first.take().unwrap_or_default());
        let chosen = choose(&text, &findings, mode);
        let safe: Vec<&Finding> = chosen
            .iter()
            .copied()
            .filter(|f| f.fix.as_ref().is_some_and(Fix::is_safe))
            .collect();
        let batch = if safe.is_empty() { chosen } else { safe };
        let before = Structure::of(&text);
        let (next, next_linted, kept) = match guard.apply(source, settings, &text, &before, &batch)
        {
            Some(applied) => applied,
            None => (
                text.clone(),
                lint(&source.revised(text.clone()), settings),
                Vec::new(),
            ),
        };
        for finding in &batch {
            if !kept.iter().any(|k| std::ptr::eq(*k, *finding)) {
                // Offered again in a later pass, it is still one fix withheld.
                let one = Withheld {
                    rule: finding.rule,
                    line: line_of(&text, finding.span.start),
                };
                if !withheld.contains(&one) {
                    withheld.push(one);
                }
            }
        }
        if kept.is_empty() {
            return Ok(Fixed {
                text,
                fixed,
                withheld,
                passes: pass,
            });
        }
        fixed += kept.len();
        text = next;
        linted = next_linted;
    }
    if choose(&text, &linted.findings, mode).is_empty() {
        return Ok(Fixed {
            text,
            fixed,
            withheld,
            passes: MAX_PASSES,
        });
    }
    Err(FixError::NoConvergence {
        file: source.name().to_owned(),
    })
}

fn line_of(text: &str, offset: usize) -> usize {
    let offset = offset.min(text.len());
    memchr::memchr_iter(b'\n', &text.as_bytes()[..offset]).count() + 1
}

/// What every pass must keep.
struct Guard {
    /// The entries the file started with (their prints, sorted).
    entries: Vec<u64>,
}

impl Guard {
    /// The fixes of `batch` that keep what they must, applied: the new
    /// text, its lint, and the fixes kept. All of them together in the
    /// common case; when that breaks something, halves are tried in turn,
    /// so that a few bad fixes among many cost a few parses each. `None`
    /// when no subset found keeps it all (which leaves the text as it is).
    fn apply<'f>(
        &self,
        source: &Source,
        settings: &Settings,
        text: &str,
        before: &Structure,
        batch: &[&'f Finding],
    ) -> Option<(String, crate::lint::Linted, Vec<&'f Finding>)> {
        if batch.is_empty() {
            return None;
        }
        let next = splice(text, batch);
        let linted = lint(&source.revised(next.clone()), settings);
        if self.keeps(before, batch, &next, &linted.doc) {
            return Some((next, linted, batch.to_vec()));
        }
        let kept = self.keeping(settings, text, before, batch);
        if kept.is_empty() {
            return None;
        }
        let next = splice(text, &kept);
        let linted = lint(&source.revised(next.clone()), settings);
        // Fixes that keep it all one half at a time may still not together.
        self.keeps(before, &kept, &next, &linted.doc)
            .then_some((next, linted, kept))
    }

    /// Bisects `batch` down to the fixes that, applied with their half, keep it all.
    fn keeping<'f>(
        &self,
        settings: &Settings,
        text: &str,
        before: &Structure,
        batch: &[&'f Finding],
    ) -> Vec<&'f Finding> {
        let next = splice(text, batch);
        let doc = Document::parse_with(&next, settings.parse_options());
        if self.keeps(before, batch, &next, &doc) {
            return batch.to_vec();
        }
        if batch.len() == 1 {
            return Vec::new();
        }
        let (left, right) = batch.split_at(batch.len() / 2);
        let mut kept = self.keeping(settings, text, before, left);
        kept.extend(self.keeping(settings, text, before, right));
        kept
    }

    /// Whether `after` (the text with `batch` applied, and its document)
    /// keeps the entries and, for safe fixes, what markdown renders; for
    /// unsafe ones, the link destinations.
    fn keeps(&self, before: &Structure, batch: &[&Finding], after: &str, doc: &Document) -> bool {
        if entry_prints(after, doc) != self.entries {
            return false;
        }
        let retargets: Vec<(&str, &str)> = batch
            .iter()
            .filter_map(|f| f.fix.as_ref()?.retarget.as_ref())
            .map(|(from, to)| (from.as_str(), to.as_str()))
            .collect();
        let moved = |dest: &str| -> String {
            retargets
                .iter()
                .find(|(from, _)| *from == dest)
                .map_or(dest, |(_, to)| to)
                .to_owned()
        };
        let after = Structure::of(after);
        let all_safe = batch
            .iter()
            .all(|f| f.fix.as_ref().is_some_and(Fix::is_safe));
        if all_safe {
            before.nodes.len() == after.nodes.len()
                && before
                    .nodes
                    .iter()
                    .zip(&after.nodes)
                    .all(|(a, b)| match (a, b) {
                        (Node::Link { dest: d1, text: t1 }, Node::Link { dest: d2, text: t2 })
                        | (
                            Node::Image { dest: d1, text: t1 },
                            Node::Image { dest: d2, text: t2 },
                        ) => t1 == t2 && (d1 == d2 || moved(d1) == *d2),
                        _ => a == b,
                    })
        } else {
            let mut was: Vec<String> = before.destinations().into_iter().map(moved).collect();
            was.sort_unstable();
            was == after.destinations()
        }
    }
}

/// What fixes must leave alone, one print per entry, sorted: its title and
/// its link labels, whitespace collapsed. (Fixes may change whitespace, the
/// venue tag and a moved link's URL; nothing else of an entry.)
fn entry_prints(text: &str, doc: &Document) -> Vec<u64> {
    use std::hash::{BuildHasher, Hasher};
    let state =
        std::hash::BuildHasherDefault::<std::collections::hash_map::DefaultHasher>::default();
    let mut prints: Vec<u64> = doc
        .entries
        .iter()
        .map(|entry| {
            let mut hasher = state.build_hasher();
            for word in text[entry.title_text()].split_whitespace() {
                hasher.write(word.as_bytes());
                hasher.write_u8(b' ');
            }
            for link in &entry.links {
                hasher.write_u8(0);
                // A title link's label is the title: whitespace is the fixes'.
                for word in text[link.label.clone()].split_whitespace() {
                    hasher.write(word.as_bytes());
                    hasher.write_u8(b' ');
                }
            }
            hasher.finish()
        })
        .collect();
    prints.sort_unstable();
    prints
}

/// Applies every fix the mode allows that does not overlap a fix taken
/// before it (in text order); returns the new text and the number applied.
pub fn apply(text: &str, findings: &[Finding], mode: FixMode) -> (String, usize) {
    let chosen = choose(text, findings, mode);
    (splice(text, &chosen), chosen.len())
}

/// The findings whose fixes the mode allows and do not overlap a fix taken
/// before them (in text order).
fn choose<'f>(text: &str, findings: &'f [Finding], mode: FixMode) -> Vec<&'f Finding> {
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
fn splice(text: &str, findings: &[&Finding]) -> String {
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
    let name = crate::report::relative_path(path);
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
mod tests {
    use super::*;
    use crate::rules::Rule;

    /// A finding where its first edit is, as rules report them.
    fn finding(edits: Vec<Edit>, applicability: Applicability) -> Finding {
        let at = edits.first().map_or(0..0, |e| e.span.clone());
        Finding::new(Rule::Spacing, at, "x").fix(Fix::new(edits, applicability))
    }

    #[test]
    fn a_fix_that_would_change_an_entry_is_withheld_and_the_others_applied() {
        let text = "# Papers\nSome words.\n\n### 2023\n- [**CVPR 2023**] [**A**] A: First Title [[pdf]](https://x.org/a.pdf)\n- [**CVPR 2023**] [**B**] B: Second Title [[pdf]](https://x.org/b.pdf)\n";
        let source = Source::new("t.md", "t.md", text.to_owned());
        let at = |needle: &str| text.find(needle).unwrap();
        let first = vec![
            // Good: outside every entry.
            finding(
                vec![Edit::replace(at("Some")..at("Some") + 4, "Many")],
                Applicability::Safe,
            ),
            // Bad: one changes a title, one removes an entry's link.
            finding(
                vec![Edit::delete(at("First ")..at("First ") + 6)],
                Applicability::Safe,
            ),
            finding(
                vec![Edit::delete(
                    at(" [[pdf]](https://x.org/b")..at("b.pdf)") + 6,
                )],
                Applicability::Safe,
            ),
        ];
        let fixed = fix_to_fixpoint(&source, &Settings::default(), FixMode::Safe, first).unwrap();
        assert_eq!(fixed.withheld.len(), 2);
        assert_eq!(fixed.fixed, 1);
        assert_eq!(fixed.text, text.replace("Some words", "Many words"));
    }

    #[test]
    fn a_safe_fix_that_changes_what_renders_is_withheld_even_outside_entries() {
        // No entry reads the prose link: only the rendered structure shows
        // that the fix breaks it.
        let text = "# Papers\nSee [the docs](https://x.org/docs) first.\n\n### 2023\n- [**CVPR 2023**] [**A**] A: First Title [[pdf]](https://x.org/a.pdf)\n";
        let source = Source::new("t.md", "t.md", text.to_owned());
        let at = text.find("](https://x.org/docs").unwrap() + 1;
        let first = vec![finding(vec![Edit::insert(at, " ")], Applicability::Safe)];
        let fixed = fix_to_fixpoint(&source, &Settings::default(), FixMode::Safe, first).unwrap();
        assert_eq!(
            fixed.withheld,
            vec![Withheld {
                rule: Rule::Spacing,
                line: 2
            }]
        );
        assert_eq!(fixed.text, text);
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

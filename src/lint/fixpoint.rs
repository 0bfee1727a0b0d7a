//! The lint-fix loop: lint, choose the fixes that go together, apply them,
//! check that the result keeps what it must (the guard), lint again, until
//! no fix applies; fails loudly when it does not settle.

use crate::config::Settings;
use crate::diagnostic::{Finding, Fix};
use crate::document::Document;
use crate::document::structure::{Node, Structure};
use crate::fix::{FixMode, choose, splice};
use crate::rule::Rule;
use crate::source::Source;

use super::{Linted, lint};

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
    pub rule: Rule,
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
        entries: entry_prints(&text, &linted.doc, &[]),
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
    ) -> Option<(String, Linted, Vec<&'f Finding>)> {
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
        let added: Vec<&str> = batch
            .iter()
            .filter_map(|f| f.fix.as_ref()?.adds.as_deref())
            .collect();
        if entry_prints(after, doc, &added) != self.entries {
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
            was.extend(
                batch
                    .iter()
                    .filter_map(|f| f.fix.as_ref()?.restores.clone()),
            );
            was.extend(added.iter().map(|dest| (*dest).to_owned()));
            was.sort_unstable();
            was == after.destinations()
        }
    }
}

/// What fixes must leave alone, one print per entry, sorted: its title and
/// its link labels, whitespace collapsed. (Fixes may change whitespace, the
/// venue tag and a moved link's URL; nothing else of an entry.) A link to
/// one of `added` is one a fix wrote anew, and not printed.
fn entry_prints(text: &str, doc: &Document, added: &[&str]) -> Vec<u64> {
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
                let url = link.url.as_ref().map(|u| text[u.clone()].trim());
                if url.is_some_and(|url| added.contains(&url)) {
                    continue;
                }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Applicability, Edit};
    use crate::fix::tests::finding;

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
}

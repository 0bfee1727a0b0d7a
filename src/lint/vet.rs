//! Fixes vetted in one place: what a safe fix may change.
//!
//! A safe fix is applied without anyone looking, so it may change only what
//! a reader would not call a change: whitespace, markup characters (stars,
//! underscores, backticks, bullets), a venue's spelling its finding names,
//! or the one link destination it retargets. Anything else it offers (a
//! comma, a year written another way, a word moved) may still be right,
//! and is kept as an unsafe fix, applied only with `--unsafe-fixes`. Rules
//! say what they would fix; this step says how sure one can be.

use crate::diagnostic::{Applicability, Finding, Fix};

/// Demotes to unsafe every safe fix that changes more than it may.
pub(super) fn vet(text: &str, findings: &mut [Finding]) {
    for finding in findings {
        if let Some(fix) = &mut finding.fix
            && fix.is_safe()
            && !quiet(text, fix)
        {
            fix.applicability = Applicability::Unsafe;
        }
    }
}

/// Whether the fix changes nothing a reader reads as words.
fn quiet(text: &str, fix: &Fix) -> bool {
    if fix.spelling || fix.retarget.is_some() {
        return true;
    }
    fix.edits.iter().all(|edit| {
        let Some(old) = text.get(edit.span.clone()) else {
            return false;
        };
        (is_marker(old) && is_marker(&edit.content)) || readable(old).eq(readable(&edit.content))
    })
}

/// The characters of a text that read as words: no whitespace, no markup.
fn readable(text: &str) -> impl Iterator<Item = char> + '_ {
    text.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '*' | '_' | '`'))
}

/// A list item's marker with its indent and gap (` * `, `1. `): a bullet
/// renders as a bullet whichever character writes it.
fn is_marker(text: &str) -> bool {
    let t = text.trim();
    matches!(t, "-" | "*" | "+")
        || t.strip_suffix(['.', ')'])
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Edit;
    use crate::rule::Rule;

    fn vetted(text: &str, fix: Fix) -> Applicability {
        let mut findings = vec![Finding::new(Rule::VenueFormat, 0..1, "x").fix(fix)];
        vet(text, &mut findings);
        findings[0].fix.as_ref().unwrap().applicability
    }

    #[test]
    fn whitespace_and_markup_stay_safe() {
        let text = "Title[[pdf]](u) [** CVPR 2023 **] * item";
        assert_eq!(
            vetted(text, Fix::safe(Edit::insert(5, " "))),
            Applicability::Safe
        );
        assert_eq!(
            vetted(text, Fix::safe(Edit::replace(16..33, "[**CVPR 2023**]"))),
            Applicability::Safe
        );
        assert_eq!(
            vetted(text, Fix::safe(Edit::replace(34..36, "- "))),
            Applicability::Safe
        );
    }

    #[test]
    fn words_and_punctuation_become_unsafe() {
        let text = "[EMNLP 2020 findings] (KDD '21) arXiv2020";
        assert_eq!(
            vetted(
                text,
                Fix::safe(Edit::replace(0..21, "[Findings of EMNLP 2020]"))
            ),
            Applicability::Unsafe
        );
        assert_eq!(
            vetted(text, Fix::safe(Edit::replace(26..30, ", 2021"))),
            Applicability::Unsafe
        );
        assert_eq!(
            vetted(text, Fix::safe(Edit::insert(37, ", "))),
            Applicability::Unsafe
        );
        assert_eq!(
            vetted(text, Fix::safe(Edit::insert(37, " "))),
            Applicability::Safe
        );
    }

    #[test]
    fn a_named_spelling_stays_safe() {
        let text = "NIPS 2022";
        assert_eq!(
            vetted(text, Fix::spelling(Edit::replace(0..4, "NeurIPS"))),
            Applicability::Safe
        );
    }
}

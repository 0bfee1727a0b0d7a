//! `duplicate-entry`: the same paper listed twice.

use std::hash::BuildHasher;

use rustc_hash::{FxBuildHasher, FxHashMap};

use super::{Context, Fixable, Rule, RuleInfo};
use crate::document::Span;
use crate::finding::{Finding, Severity};
use crate::url::{self, PaperKey};

pub(super) const INFO: RuleInfo = RuleInfo {
    rule: Rule::DuplicateEntry,
    name: "duplicate-entry",
    severity: Severity::Error,
    fixable: Fixable::No,
    summary: "the same paper twice: same normalized URL, arXiv id, DOI, or title",
    doc: DOC,
    check: Some(check),
};

const DOC: &str = "\
## What it does
Finds entries that list a paper already listed: the same paper link
(labelled `pdf`, `paper`, `arxiv`, `doi` or `html`) after normalizing it,
or the same title. arXiv
`abs`, `pdf` and versioned links of one id are one paper, as are DOI links
in any case, OpenReview forum and pdf pages, and URLs differing only in
http/https, `www.` or a trailing slash. Titles are compared ignoring case,
punctuation and spacing.

The later copy is reported, with the first one labelled. A shared link is
an error; a shared title alone is a warning (a journal extension may keep
its conference title).

## Why is this bad?
Long lists collect duplicates from contributors who did not search first;
each copy then drifts (one gets the code link, the other does not).

## Example
```markdown
### 2023
- [**ICCV 2023**] [**MedKLIP**] MedKLIP: Medical Knowledge Enhanced ... [[pdf]](https://arxiv.org/pdf/2301.02228.pdf)
- [**arXiv 2023**] [**MedKLIP**] MedKLIP: Medical Knowledge Enhanced ... [[pdf]](https://arxiv.org/abs/2301.02228v2)
```
Use instead: keep one entry, with the venue of the published version.
";

/// Where an entry's key came from, to point at it.
#[derive(Clone)]
struct Seen {
    entry: usize,
    span: Span,
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let entries = &ctx.doc.entries;
    let mut by_link: FxHashMap<PaperKey, Seen> =
        FxHashMap::with_capacity_and_hasher(entries.len() * 2, FxBuildHasher);
    // Titles are keyed by a hash of their normalized form (no string per
    // entry); a hash match is confirmed by comparing the titles themselves.
    let hasher = FxBuildHasher;
    let mut buffer = Vec::new();
    let mut by_title: FxHashMap<u64, Seen> =
        FxHashMap::with_capacity_and_hasher(entries.len(), FxBuildHasher);
    // Different titles with one hash (rare): the later ones, kept apart.
    let mut collisions: Vec<(u64, Seen)> = Vec::new();
    // Entries nested under an entry are versions of it, not duplicates.
    for (index, entry) in entries.iter().enumerate().filter(|(_, e)| !e.in_entry) {
        let mut reported = false;
        for link in entry
            .links
            .iter()
            .filter(|link| link.is_title || link.kind.is_paper())
        {
            let Some(url) = &link.url else { continue };
            let Some(key) = url::paper_key(ctx.text(url)) else {
                continue;
            };
            match by_link.get(&key) {
                Some(first) if first.entry != index => {
                    if !reported {
                        let why = format!("same {key}");
                        out.push(duplicate(ctx, url.clone(), first, &why, Severity::Error));
                        reported = true;
                    }
                }
                Some(_) => {}
                None => {
                    by_link.insert(
                        key,
                        Seen {
                            entry: index,
                            span: url.clone(),
                        },
                    );
                }
            }
        }
        let Some(title_part) = &entry.title else {
            continue;
        };
        let title = ctx.text(&title_part.inner);
        let Some(hash) = title_hash(&hasher, title, &mut buffer) else {
            continue;
        };
        let seen = Seen {
            entry: index,
            span: title_part.inner.clone(),
        };
        let first = match by_title.get(&hash) {
            None => {
                by_title.insert(hash, seen);
                continue;
            }
            Some(first) if same_title(ctx.text(&first.span), title) => Some(first),
            Some(_) => collisions
                .iter()
                .find(|(h, s)| *h == hash && same_title(ctx.text(&s.span), title))
                .map(|(_, s)| s),
        };
        match first {
            Some(first) if !reported => {
                out.push(duplicate(
                    ctx,
                    title_part.inner.clone(),
                    first,
                    "same title",
                    Severity::Warning,
                ));
            }
            Some(_) => {}
            None => collisions.push((hash, seen)),
        }
    }
}

fn duplicate(ctx: &Context, span: Span, first: &Seen, why: &str, severity: Severity) -> Finding {
    let line = ctx.line(ctx.doc.entries[first.entry].span.start);
    Finding::new(
        Rule::DuplicateEntry,
        span,
        format!("duplicate of the entry on line {line} ({why})"),
    )
    .severity(severity)
    .label("listed again here")
    .related(first.span.clone(), "first listed here")
    .help("keep one entry; merge its links and use the published venue")
}

/// A title's letters and digits, lowercased: case, punctuation and spacing do not matter.
fn normalized(title: &str) -> impl Iterator<Item = char> + '_ {
    title
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
}

/// The hash of a normalized title; `None` for titles too short to compare.
/// `buffer` is reused between titles: the normalized form is built there
/// and hashed in one call (hashing it a character at a time cost more than
/// the rest of the rule).
fn title_hash(hasher: &FxBuildHasher, title: &str, buffer: &mut Vec<u8>) -> Option<u64> {
    buffer.clear();
    let chars = if title.is_ascii() {
        buffer.extend(
            title
                .bytes()
                .filter(u8::is_ascii_alphanumeric)
                .map(|b| b.to_ascii_lowercase()),
        );
        buffer.len()
    } else {
        let mut chars = 0;
        let mut utf8 = [0u8; 4];
        for c in normalized(title) {
            buffer.extend_from_slice(c.encode_utf8(&mut utf8).as_bytes());
            chars += 1;
        }
        chars
    };
    (chars >= 8).then(|| hasher.hash_one(buffer.as_slice()))
}

fn same_title(a: &str, b: &str) -> bool {
    normalized(a).eq(normalized(b))
}

//! `duplicate-entry`: the same paper listed twice.

use std::collections::HashMap;

use super::{Context, Rule, RuleInfo};
use crate::document::{Entry, Span};
use crate::finding::{Finding, Severity};
use crate::url;

pub(super) const INFO: RuleInfo = RuleInfo {
    rule: Rule::DuplicateEntry,
    name: "duplicate-entry",
    severity: Severity::Error,
    fixable: false,
    summary: "the same paper twice: same normalized URL, arXiv id, DOI, or title",
    doc: DOC,
    check: Some(check),
};

const DOC: &str = "\
## What it does
Finds entries that list a paper already listed: the same paper link
(`pdf`/`paper` label) after normalizing it, or the same title. arXiv
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

/// Labels whose URL identifies the paper itself.
fn is_paper_label(label: &str) -> bool {
    ["pdf", "paper", "arxiv", "doi"]
        .iter()
        .any(|l| l.eq_ignore_ascii_case(label))
}

/// Where an entry's key came from, to point at it.
#[derive(Clone)]
struct Seen {
    entry: usize,
    span: Span,
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let mut by_link: HashMap<String, Seen> = HashMap::new();
    let mut by_title: HashMap<String, Seen> = HashMap::new();
    for (index, entry) in ctx.doc.entries.iter().enumerate() {
        let mut reported = false;
        for (key, span) in link_keys(ctx, entry) {
            match by_link.get(&key) {
                Some(first) if first.entry != index => {
                    if !reported {
                        out.push(duplicate(
                            ctx,
                            span,
                            first,
                            &describe(&key),
                            Severity::Error,
                        ));
                        reported = true;
                    }
                }
                Some(_) => {}
                None => {
                    by_link.insert(key, Seen { entry: index, span });
                }
            }
        }
        let title = normalize_title(ctx.text(&entry.title));
        if title.len() < 8 {
            continue;
        }
        match by_title.get(&title) {
            Some(first) if !reported => {
                out.push(duplicate(
                    ctx,
                    entry.title.clone(),
                    first,
                    "same title",
                    Severity::Warning,
                ));
            }
            Some(_) => {}
            None => {
                by_title.insert(
                    title,
                    Seen {
                        entry: index,
                        span: entry.title.clone(),
                    },
                );
            }
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

fn link_keys(ctx: &Context, entry: &Entry) -> Vec<(String, Span)> {
    entry
        .links
        .iter()
        .filter(|link| is_paper_label(ctx.text(&link.label)))
        .filter_map(|link| {
            let url = link.url.as_ref()?;
            Some((url::paper_key(ctx.text(url))?, url.clone()))
        })
        .collect()
}

fn describe(key: &str) -> String {
    match key.split_once(':') {
        Some(("arxiv", id)) => format!("same arXiv id {id}"),
        Some(("doi", doi)) => format!("same DOI {doi}"),
        Some(("openreview", id)) => format!("same OpenReview id {id}"),
        _ => "same paper link".to_owned(),
    }
}

/// Letters and digits only, lowercased: case, punctuation and spacing do not matter.
fn normalize_title(title: &str) -> String {
    title
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

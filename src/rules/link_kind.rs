//! `link-kind`: a link whose label says one thing and whose URL another
//! (`[[pdf]]` to GitHub, `[[code]]` to arXiv), and labels the list does not use.

use super::{Context, Fixable, Rule, RuleInfo};
use crate::document::{Entry, Form, Link};
use crate::finding::{Finding, Severity};
use crate::label::LabelKind;
use crate::url::{self, HostKind};

pub(super) const INFO: RuleInfo = RuleInfo {
    rule: Rule::LinkKind,
    name: "link-kind",
    severity: Severity::Error,
    fixable: Fixable::No,
    summary: "a `[[pdf]]` link to a code host or a `[[code]]` link to a paper host (swapped links); an unknown label",
    doc: DOC,
    check: Some(check),
};

const DOC: &str = "\
## What it does
Checks each entry link's label against where its URL points:
- a paper label (`pdf`, `paper`) pointing at a code host (github.com,
  gitlab.com, ...) is an error, unless the URL is itself a `.pdf` file;
- a `code` label pointing at a paper host (arxiv.org, openreview.net,
  doi.org, publishers' sites) is an error;
- both at once in one entry are reported once, as swapped links;
- a label that is not in the config's `[entry] labels` is a warning, with
  the closest known label as a did-you-mean.

## Why is this bad?
Swapped links send readers to the wrong place, and an odd label (`[[cdoe]]`)
is usually a typo that breaks tools reading the list.

## Example
```markdown
- [**ICCV 2023**] [**PRIOR**] PRIOR: Prototype Representation ... [[pdf]](https://github.com/QtacierP/PRIOR) [[code]](https://arxiv.org/pdf/2307.12577.pdf)
```
Use instead:
```markdown
- [**ICCV 2023**] [**PRIOR**] PRIOR: Prototype Representation ... [[pdf]](https://arxiv.org/pdf/2307.12577.pdf) [[code]](https://github.com/QtacierP/PRIOR)
```
";

/// What a link should point at, by its label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expect {
    Paper,
    Code,
    Anything,
}

fn expect(label: &str) -> Expect {
    match crate::label::kind(label) {
        LabelKind::Pdf | LabelKind::Paper => Expect::Paper,
        LabelKind::Code => Expect::Code,
        _ => Expect::Anything,
    }
}

/// A link whose URL is on the wrong kind of host.
struct Wrong<'a> {
    link: &'a Link,
    host: &'a str,
    expected: Expect,
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for entry in &ctx.doc.entries {
        check_labels(ctx, entry, out);
        let wrong: Vec<Wrong> = entry
            .labelled_links()
            .filter_map(|link| wrong_host(ctx, link))
            .collect();
        let paper = wrong.iter().find(|w| w.expected == Expect::Paper);
        let code = wrong.iter().find(|w| w.expected == Expect::Code);
        if let (Some(paper), Some(code)) = (paper, code) {
            out.push(
                Finding::new(
                    Rule::LinkKind,
                    paper.link.span.clone(),
                    format!(
                        "the `{}` and `{}` links are swapped",
                        ctx.text(&paper.link.label),
                        ctx.text(&code.link.label)
                    ),
                )
                .label(format!("points at code ({})", paper.host))
                .related(
                    code.link.span.clone(),
                    format!("points at a paper ({})", code.host),
                )
                .help("swap the two URLs"),
            );
            continue;
        }
        for w in wrong {
            let label = ctx.text(&w.link.label);
            let (message, help) = match w.expected {
                Expect::Paper => (
                    format!("`[[{label}]]` points at a code host ({})", w.host),
                    "link the paper itself (arXiv, the proceedings or the publisher) here, and the repository as `[[code]]`",
                ),
                _ => (
                    format!("`[[{label}]]` points at a paper ({})", w.host),
                    "link the source code repository here, and the paper as `[[pdf]]`",
                ),
            };
            out.push(
                Finding::new(Rule::LinkKind, w.link.span.clone(), message)
                    .label("wrong kind of link")
                    .help(help),
            );
        }
    }
}

fn check_labels(ctx: &Context, entry: &Entry, out: &mut Vec<Finding>) {
    // A badge's text describes the image, and a bare address has no label.
    for link in entry
        .labelled_links()
        .filter(|l| !matches!(l.form, Form::Bare | Form::Badge))
    {
        let label = ctx.text(&link.label);
        if ctx.settings.is_known_label(label) {
            continue;
        }
        let lower = label.to_lowercase();
        let suggestion = ctx
            .settings
            .labels
            .iter()
            .map(|known| (strsim::damerau_levenshtein(&lower, known), known))
            // Short labels get a suggestion for one typo only (`Repo` is not `demo`).
            .filter(|&(distance, _)| distance <= if lower.len() <= 4 { 1 } else { 2 })
            .min()
            .map(|(_, known)| known);
        let help = match suggestion {
            Some(known) => format!(
                "did you mean `{known}`? (or add `{label}` to `labels` in [entry] of the config)"
            ),
            None => format!("add `{label}` to `labels` in [entry] of the config if it is intended"),
        };
        out.push(
            Finding::new(
                Rule::LinkKind,
                link.label.clone(),
                format!("unknown link label `{label}`"),
            )
            .severity(Severity::Warning)
            .label("unknown label")
            .help(help),
        );
    }
}

fn wrong_host<'a>(ctx: &Context<'a>, link: &'a Link) -> Option<Wrong<'a>> {
    let expected = expect(ctx.text(&link.label));
    if expected == Expect::Anything {
        return None;
    }
    let parts = url::parse(ctx.text(link.url.as_ref()?))?;
    let kind = url::host_kind(parts.host);
    let is_wrong = match expected {
        // A PDF committed to a repository is still the paper.
        Expect::Paper => {
            kind == HostKind::Code && !parts.path.to_ascii_lowercase().ends_with(".pdf")
        }
        Expect::Code => kind == HostKind::Paper,
        Expect::Anything => false,
    };
    is_wrong.then_some(Wrong {
        link,
        host: parts.host,
        expected,
    })
}

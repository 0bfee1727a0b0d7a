//! `empty-link`: a link with no URL (`[[code]]`) or an empty one (`[[pdf]]()`).

use super::{Context, Rule, RuleInfo};
use crate::finding::{Finding, Severity};

pub(super) const INFO: RuleInfo = RuleInfo {
    rule: Rule::EmptyLink,
    name: "empty-link",
    severity: Severity::Error,
    fixable: false,
    summary: "`[[code]]` with no URL, `[[pdf]]()` with an empty one",
    doc: DOC,
    check: Some(check),
};

const DOC: &str = "\
## What it does
Flags entry links that lead nowhere: a label with no `(url)` after it, or
parentheses with nothing (or only `#`) inside.

## Why is this bad?
On GitHub, `[[code]]` with no URL renders as the literal text `[[code]]`,
and `[[pdf]]()` as a link to the list itself. Readers click and get nothing;
usually a contributor meant to fill the URL in later and forgot.

## Example
```markdown
- [**MICCAI 2024**] [**ASG**] Anatomical Structure-Guided Medical Vision-Language Pre-training [[pdf]](https://arxiv.org/pdf/2403.09294) [[code]]
```
Use instead: add the URL, or remove the link until there is one.
```markdown
- [**MICCAI 2024**] [**ASG**] Anatomical Structure-Guided Medical Vision-Language Pre-training [[pdf]](https://arxiv.org/pdf/2403.09294)
```
";

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for entry in &ctx.doc.entries {
        for link in &entry.links {
            let label = ctx.text(&link.label);
            let written = ctx.text(&link.span);
            let message = match &link.url {
                None => format!("`{written}` has no URL"),
                Some(url) if matches!(ctx.text(url), "" | "#" | "<>") => {
                    format!("`{written}` has an empty URL")
                }
                Some(_) => continue,
            };
            out.push(
                Finding::new(Rule::EmptyLink, link.span.clone(), message)
                    .label("links nowhere")
                    .help(format!(
                        "add the URL, `[[{label}]](https://...)`, or remove the link"
                    )),
            );
        }
    }
}

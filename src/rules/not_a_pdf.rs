//! `not-a-pdf`: a `[[pdf]]` link that serves no PDF. Checked by the link checker.

use super::{Fixable, Rule, RuleInfo};
use crate::finding::Severity;

pub(super) const INFO: RuleInfo = RuleInfo {
    rule: Rule::NotAPdf,
    name: "not-a-pdf",
    severity: Severity::Warning,
    fixable: Fixable::No,
    summary: "a `[[pdf]]` link that serves no PDF (content type or `%PDF-` magic, reading at most 64 KiB)",
    doc: DOC,
    check: None,
};

const DOC: &str = "\
## What it does
For each `[[pdf]]` link that resolves, checks that it serves a PDF: by the
`Content-Type` header, or, when the server is vague (`application/octet-stream`,
no type), by the `%PDF-` magic in the first bytes. At most 64 KiB of any
body is read; a PDF is never downloaded whole.

Not checked with `--offline`.

## Why is this bad?
A `[[pdf]]` link to an abstract page, a login wall or a project page makes
readers hunt for the paper; it is usually a link copied from the wrong tab.

## Example
```markdown
- [**MIA 2023**] [**SAT**] Improving Medical Vision-Language Contrastive Pretraining ... [[pdf]](https://example.org/paper-landing-page)
```
Use instead: link the PDF itself (for arXiv, `https://arxiv.org/pdf/ID`).
";

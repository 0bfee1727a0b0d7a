//! `unverifiable-link`: a link the server would not let us check. Checked by the link checker.

use super::{Fixable, Rule, RuleInfo};
use crate::finding::Severity;

pub(super) const INFO: RuleInfo = RuleInfo {
    rule: Rule::UnverifiableLink,
    name: "unverifiable-link",
    severity: Severity::Warning,
    fixable: Fixable::No,
    summary: "401/403/429 that persist after retries (bot walls, rate limits): reported, not failed",
    doc: DOC,
    check: None,
};

const DOC: &str = "\
## What it does
Reports links answered with 401, 403 or 429 even after retries (and after
honouring `Retry-After`): the server is up but refuses automated clients.
It is a warning, so it never fails a run unless `--deny-warnings` is set.

Not checked with `--offline`.

## Why is this bad?
It may be fine in a browser: publishers and Cloudflare block bots. It is
reported so that you can look, not failed so that CI stays meaningful.

## Example
```markdown
- [**Radiology 2023**] [**X**] Title [[pdf]](https://pubs.rsna.org/doi/pdf/10.1148/radiol.000000)
```
Check it in a browser; add the host to `[links] exclude` if it always blocks checkers.
";

//! `moved-link`: a permanent redirect. Checked by the link checker.

use super::{Fixable, Rule, RuleInfo};
use crate::finding::Severity;

pub(super) const INFO: RuleInfo = RuleInfo {
    rule: Rule::MovedLink,
    name: "moved-link",
    severity: Severity::Warning,
    fixable: Fixable::Safe,
    summary: "a permanent redirect; the fix replaces the URL with its target",
    doc: DOC,
    check: None,
};

const DOC: &str = "\
## What it does
Reports links answered with a permanent redirect (301 or 308), and
github.com repositories that were renamed or moved to another owner, with
the new URL. Temporary redirects (302, 307) are followed silently.

Not checked with `--offline`.

## Why is this bad?
Old URLs keep working only as long as the redirect does; renamed
repositories lose theirs when the old name is reused.

## Example
```markdown
- [**ICCV 2021**] [**GLoRIA**] ... [[code]](https://github.com/old-owner/gloria)
```
Use instead:
```markdown
- [**ICCV 2021**] [**GLoRIA**] ... [[code]](https://github.com/marshuang80/gloria)
```

## Fix safety
Safe: the URL is replaced with the target the server named.
";

//! `broken-link`: a link that does not resolve. Checked by the link checker.

use super::{Fixable, Rule, RuleInfo};
use crate::finding::Severity;

pub(super) const INFO: RuleInfo = RuleInfo {
    rule: Rule::BrokenLink,
    name: "broken-link",
    severity: Severity::Error,
    fixable: Fixable::No,
    summary: "404/410/other 4xx/5xx after retries, DNS or connection failure, redirect loop, timeout",
    doc: DOC,
    check: None,
};

const DOC: &str = "\
## What it does
Requests every http(s) link of the file (each distinct URL once) and reports
the links that do not resolve: a 404, 410 or other client or server error
that persists after retries, a host that does not resolve or refuses the
connection, a redirect loop or more than 10 redirects, or a timeout. For a
github.com repository, a repository that does not exist.

arXiv links are not requested one by one: the arXiv API is asked about a
hundred ids at a time, and an id it does not know, or a version it does
not have yet (`2401.00001v5`), is a broken link. A doi.org or OpenReview
link whose paper Crossref or OpenReview describes needs no request either.

Not checked with `--offline`. 401, 403 and 429 are `unverifiable-link`
instead: bot walls and rate limits are not dead links.

## Why is this bad?
Dead links are what readers of a paper list hit most; each one is a paper
or a repository they cannot reach.

## Example
```markdown
- [**CVPR 2023**] [**X**] Title [[pdf]](https://arxiv.org/pdf/2301.99999.pdf) [[code]](https://github.com/someone/deleted-repo)
```
Use instead: link the paper's current location, or remove the code link.
";

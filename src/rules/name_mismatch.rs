//! `name-mismatch`: the short-name tag disagrees with the name the title gives itself.

use super::{Context, Rule, RuleInfo};
use crate::finding::{Finding, Severity};

pub(super) const INFO: RuleInfo = RuleInfo {
    rule: Rule::NameMismatch,
    name: "name-mismatch",
    severity: Severity::Warning,
    fixable: false,
    summary: "the short name disagrees with the title's own `Name:` prefix",
    doc: DOC,
    check: Some(check),
};

const DOC: &str = "\
## What it does
When a title starts with the method's name and a colon (`CARZero: Cross-Attention ...`),
checks that the short-name tag says the same name. Only a name-like first
word counts (one word with a capital after its first letter, a digit or a
hyphen: `MedKLIP`, `K-Diag`, `PRIOR`), so titles like `Retrieval: A Survey`
are left alone.

## Why is this bad?
The tag is what readers search for; a typo in it (`CARZeroP`) hides the
paper from anyone who knows its real name.

## Example
```markdown
- [**CVPR 2024**] [**CARZeroP**] CARZero: Cross-Attention Alignment for Radiology Zero-Shot Classification [[pdf]](https://arxiv.org/pdf/2402.17417.pdf)
```
Use instead:
```markdown
- [**CVPR 2024**] [**CARZero**] CARZero: Cross-Attention Alignment for Radiology Zero-Shot Classification [[pdf]](https://arxiv.org/pdf/2402.17417.pdf)
```
";

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for entry in &ctx.doc.entries {
        let Some(name_tag) = &entry.name else {
            continue;
        };
        let Some(prefix) = title_name(ctx.text(&entry.title)) else {
            continue;
        };
        let prefix_span = entry.title.start..entry.title.start + prefix.len();
        let name = ctx.text(&name_tag.inner).trim();
        if name == prefix {
            continue;
        }
        out.push(
            Finding::new(
                Rule::NameMismatch,
                name_tag.inner.clone(),
                format!("short name `{name}` does not match the title's `{prefix}`"),
            )
            .label("short name")
            .related(prefix_span, format!("the title calls it `{prefix}`"))
            .help(format!(
                "use one name in both places, e.g. `[**{prefix}**]`"
            )),
        );
    }
}

/// The name a title gives itself: a name-like first word followed by `: `.
pub(crate) fn title_name(title: &str) -> Option<&str> {
    let (prefix, rest) = title.split_once(':')?;
    if !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
        return None;
    }
    let looks_like_name = !prefix.is_empty()
        && prefix.chars().count() <= 40
        && !prefix.contains(char::is_whitespace)
        && (prefix.chars().skip(1).any(char::is_uppercase)
            || prefix.contains(|c: char| c.is_ascii_digit() || c == '-'));
    looks_like_name.then_some(prefix)
}

#[cfg(test)]
mod tests {
    use super::title_name;

    #[test]
    fn recognizes_name_prefixes() {
        assert_eq!(title_name("CARZero: Cross-Attention"), Some("CARZero"));
        assert_eq!(title_name("K-Diag: Knowledge"), Some("K-Diag"));
        assert_eq!(title_name("PRIOR: Prototype"), Some("PRIOR"));
        assert_eq!(title_name("Knowledge Boosting: Rethinking"), None);
        assert_eq!(title_name("Retrieval: A Survey"), None);
        assert_eq!(title_name("DecomposingDiseaseDescriptions:A Multi"), None);
        assert_eq!(title_name("No colon here"), None);
    }
}

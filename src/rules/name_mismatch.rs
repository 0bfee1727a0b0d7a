//! `name-mismatch`: the short-name tag disagrees with the name the title gives itself.

use super::{Context, Fixable, Rule, RuleInfo};
use crate::finding::{Finding, Severity};

pub(super) const INFO: RuleInfo = RuleInfo {
    rule: Rule::NameMismatch,
    name: "name-mismatch",
    severity: Severity::Warning,
    fixable: Fixable::No,
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
        let Some(title) = &entry.title else {
            continue;
        };
        let Some(prefix_span) = title.prefix.clone() else {
            continue;
        };
        let prefix = ctx.text(&prefix_span);
        let name = ctx.text(&name_tag.inner).trim();
        if same_name(name, prefix) {
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

/// Whether two spellings name the same method: equal, or one is the other
/// with a version or size (`MEDITRON-70B`, `MedCLIP-SAMv2`, `GPT-4V(ision)`).
/// `CARZeroP` for `CARZero` is a typo, not a version.
fn same_name(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let Some(suffix) = long.strip_prefix(short) else {
        return false;
    };
    let version = suffix
        .strip_prefix(['v', 'V'])
        .unwrap_or(suffix)
        .bytes()
        .all(|b| b.is_ascii_digit() || b == b'.');
    suffix.is_empty()
        || suffix.starts_with(['-', '_', '(', '.', ' '])
        || (version && !short.is_empty())
}

#[cfg(test)]
mod tests {
    use super::same_name;
    use crate::document::title_prefix as title_name;

    #[test]
    fn versions_and_sizes_are_the_same_name() {
        assert!(same_name("MEDITRON", "MEDITRON-70B"));
        assert!(same_name("MedCLIP-SAM", "MedCLIP-SAMv2"));
        assert!(same_name("GPT-4V", "GPT-4V(ision)"));
        assert!(same_name("CARZero", "CARZero"));
        assert!(!same_name("CARZeroP", "CARZero"));
        assert!(!same_name("Medklip", "MedKLIP"));
    }

    #[test]
    fn recognizes_name_prefixes() {
        let name = |t| title_name(t).map(|(_, n)| n);
        assert_eq!(name("CARZero: Cross-Attention"), Some("CARZero"));
        assert_eq!(name("K-Diag: Knowledge"), Some("K-Diag"));
        assert_eq!(name("PRIOR: Prototype"), Some("PRIOR"));
        assert_eq!(title_name("**MedKLIP**: Medical"), Some((2, "MedKLIP")));
        assert_eq!(name("Knowledge Boosting: Rethinking"), None);
        assert_eq!(name("Retrieval: A Survey"), None);
        assert_eq!(name("DecomposingDiseaseDescriptions:A Multi"), None);
        assert_eq!(name("No colon here"), None);
    }
}

//! `entry-format`: a list item in a year section that is not a well-formed entry.

use super::{Context, Fixable, Rule, RuleInfo};
use crate::document::Span;
use crate::finding::{Finding, Severity};

pub(super) const INFO: RuleInfo = RuleInfo {
    rule: Rule::EntryFormat,
    name: "entry-format",
    severity: Severity::Error,
    fixable: Fixable::No,
    summary: "a list item in a year section that is not a well-formed entry",
    doc: DOC,
    check: Some(check),
};

const DOC: &str = "\
## What it does
Flags list items under a year heading that do not read as an entry, and
entries that miss a part: the title, or a link the config requires
(`[entry] required`, by default `pdf`).

An entry is `[**Venue Year**] [**Name**] Title [[pdf]](url) [[code]](url)`;
the name tag is optional.

## Why is this bad?
Readers scan a paper list by venue, year and link. An item without a venue
tag, without a title or without its paper link breaks that, and every other
rule skips it, so its other defects go unseen.

## Example
```markdown
### 2023
- MedKLIP: Medical Knowledge Enhanced Language-Image Pre-Training [[pdf]](https://arxiv.org/pdf/2301.02228.pdf)
- [**ICCV 2023**] [**PTUnifier**] [[pdf]](https://arxiv.org/pdf/2302.08958.pdf)
```
Use instead:
```markdown
### 2023
- [**ICCV 2023**] [**MedKLIP**] MedKLIP: Medical Knowledge Enhanced Language-Image Pre-Training [[pdf]](https://arxiv.org/pdf/2301.02228.pdf)
- [**ICCV 2023**] [**PTUnifier**] Towards Unifying Medical Vision-and-Language Pre-training via Soft Prompts [[pdf]](https://arxiv.org/pdf/2302.08958.pdf)
```
List items outside year sections (news, contents, badges) are entries only
if they start with a venue tag; other items there are never checked.
";

const SHAPE: &str = "an entry reads `[**Venue Year**] [**Name**] Title [[pdf]](url)`";

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for stray in &ctx.doc.strays {
        let text = ctx.text(&stray.span);
        let first_line = text.lines().next().unwrap_or_default();
        let span = stray.span.start..stray.span.start + first_line.len();
        let year = ctx.doc.sections[stray.section].year;
        let (message, help) = if text.is_empty() {
            (
                "empty list item in a year section".to_owned(),
                "remove it".to_owned(),
            )
        } else if text.starts_with("[**") {
            (
                "the venue tag is not closed with `**]`".to_owned(),
                SHAPE.to_owned(),
            )
        } else if text.starts_with("**[") || (text.starts_with('[') && !text.starts_with("[[")) {
            (
                "the venue tag is not written `[**Venue Year**]`".to_owned(),
                SHAPE.to_owned(),
            )
        } else {
            (
                format!(
                    "list item in the {year} section is not an entry: it does not start with a venue tag"
                ),
                format!("{SHAPE}; move other items out of the year section"),
            )
        };
        out.push(
            Finding::new(Rule::EntryFormat, span, message)
                .label("not an entry")
                .help(help),
        );
    }

    for entry in &ctx.doc.entries {
        if entry.title.is_empty() {
            let after = entry.name.as_ref().unwrap_or(&entry.venue_tag).span.end;
            out.push(
                Finding::new(
                    Rule::EntryFormat,
                    entry.venue_tag.span.start..after,
                    "entry has no title",
                )
                .label("no title after this")
                .help(SHAPE),
            );
        }
        for required in &ctx.settings.required {
            let present = entry
                .links
                .iter()
                .any(|link| ctx.text(&link.label).eq_ignore_ascii_case(required));
            if !present {
                let span = last_part(
                    entry.links.last().map(|l| &l.span),
                    &entry.title,
                    &entry.venue_tag.span,
                );
                // A paper link under another label is the likely reason.
                let paper = entry
                    .links
                    .iter()
                    .map(|l| ctx.text(&l.label))
                    .find(|label| crate::label::kind(label) == crate::label::LabelKind::Paper);
                let help = match paper {
                    Some(label) => format!(
                        "the paper is linked as `{label}`: label it `{required}`, or set `required = [\"{}\"]` in [entry] of the config",
                        label.to_lowercase()
                    ),
                    None => format!(
                        "every entry links its `{required}`; see `required` in [entry] of the config"
                    ),
                };
                out.push(
                    Finding::new(
                        Rule::EntryFormat,
                        span,
                        format!("entry has no `[[{required}]]` link"),
                    )
                    .label(format!("add `[[{required}]](url)` after this"))
                    .help(help),
                );
            }
        }
    }
}

fn last_part(link: Option<&Span>, title: &Span, tag: &Span) -> Span {
    match link {
        Some(span) => span.clone(),
        None if !title.is_empty() => title.clone(),
        None => tag.clone(),
    }
}

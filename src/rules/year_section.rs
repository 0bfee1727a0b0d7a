//! `year-section`: an entry whose tag years do not include its section's year.

use super::{Context, Rule, RuleInfo};
use crate::finding::{Finding, Severity};

pub(super) const INFO: RuleInfo = RuleInfo {
    rule: Rule::YearSection,
    name: "year-section",
    severity: Severity::Error,
    fixable: false,
    summary: "an entry whose tag years do not include its section's year",
    doc: DOC,
    check: Some(check),
};

const DOC: &str = "\
## What it does
Compares the years in each entry's venue tag with the year heading it sits
under (the nearest enclosing heading whose text is a year, such as `### 2023`).
An entry tagged with several years (`PMLR 2022(arxiv 2020)`) passes if any
of them is the section's year.

## Why is this bad?
Readers browse by year; an entry in the wrong section is effectively lost,
and it is the most common mistake in pull requests that add entries to a
long list.

## Example
```markdown
### 2021
- [**ICCV 2021**] [**GLoRIA**] GLoRIA: A Multimodal Global-Local Representation Learning Framework ... [[pdf]](...)
- [**MICCAI 2022**] [**M3AE**] Multi-Modal Masked Autoencoders ... [[pdf]](https://arxiv.org/pdf/2209.07098.pdf)
```
Use instead: move the MICCAI 2022 entry under `### 2022`.
";

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    // An entry nested under an entry is a version of it (a journal version
    // under its conference paper): its year may differ.
    for entry in ctx.doc.entries.iter().filter(|e| !e.in_entry) {
        let Some(section) = ctx.doc.section_of(entry) else {
            continue;
        };
        let Some(first) = entry.years.first() else {
            continue;
        };
        if entry.years.iter().any(|y| y.value == section.year) {
            continue;
        }
        let heading = &ctx.doc.headings[section.heading];
        let target = ctx.doc.runs[section.run]
            .sections
            .iter()
            .map(|&i| &ctx.doc.sections[i])
            .find(|s| s.year == first.value);
        let help = match target {
            Some(target) => {
                let target_heading = &ctx.doc.headings[target.heading];
                format!(
                    "move it to the {} section (line {})",
                    first.value,
                    ctx.line(target_heading.span.start)
                )
            }
            None => format!("move it to a {} section", first.value),
        };
        let years: Vec<String> = entry.years.iter().map(|y| y.value.to_string()).collect();
        out.push(
            Finding::new(
                Rule::YearSection,
                first.span.clone(),
                format!(
                    "entry from {} is in the {} section",
                    years.join("/"),
                    section.year
                ),
            )
            .label(format!("tagged {}", first.value))
            .related(heading.span.clone(), format!("section {}", section.year))
            .help(help),
        );
    }
}

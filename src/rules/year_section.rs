//! `year-section`: an entry whose tag years do not include its section's year.

use super::section_order::ascending;
use super::{Context, Fixable, Rule, RuleInfo, line_ending, section_block};
use crate::document::{Entry, YearSection};
use crate::finding::{Finding, Severity};
use crate::fix::{Applicability, Edit, Fix};

pub(super) const INFO: RuleInfo = RuleInfo {
    rule: Rule::YearSection,
    name: "year-section",
    severity: Severity::Error,
    fixable: Fixable::Unsafe,
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

## Fix safety
Unsafe (`--fix --unsafe-fixes`): the entry's lines, with anything nested
under it, move to the end of its year's section in the same run of
sections; when that section is missing, it is created where the run's
order puts it. Entries tagged with several years are left for a person.
";

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    // An entry nested under an entry is a version of it (a journal version
    // under its conference paper): its year may differ.
    for (index, entry) in ctx
        .doc
        .entries
        .iter()
        .enumerate()
        .filter(|(_, e)| !e.in_entry)
    {
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
        let mut finding = Finding::new(
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
        .help(help);
        // Only an entry of one year has one place to go.
        if entry.years.iter().all(|y| y.value == first.value)
            && let Some(fix) = move_entry(ctx, index, entry, section, first.value)
        {
            finding = finding.fix(fix);
        }
        out.push(finding);
    }
}

/// The unsafe fix: the entry's lines move to the end of its year's section
/// in the same run, which is created in its place in the run when missing.
fn move_entry(
    ctx: &Context,
    index: usize,
    entry: &Entry,
    section: &YearSection,
    year: u16,
) -> Option<Fix> {
    let text = ctx.source.text();
    let doc = ctx.doc;
    let newline = line_ending(text);
    let run: Vec<&YearSection> = doc.runs[section.run]
        .sections
        .iter()
        .map(|&i| &doc.sections[i])
        .collect();
    let target = run.iter().position(|s| s.year == year);

    // The lines to move, ending with a line ending; at the end of a file
    // without one, the line ending before them goes instead.
    let mut removed = entry.item.clone();
    let mut block = text[entry.item.clone()].to_owned();
    if !block.ends_with('\n') {
        let before = text[..removed.start].strip_suffix('\n')?;
        removed.start = before.strip_suffix('\r').unwrap_or(before).len();
        block.push_str(newline);
    }

    let (at, content) = match target {
        Some(position) => {
            let target = run[position];
            let target_index = doc.runs[section.run].sections[position];
            // After the last entry of the section, or right under its heading.
            let last_entry_end = doc
                .entries
                .iter()
                .enumerate()
                .filter(|(i, e)| *i != index && !e.in_entry && e.section == Some(target_index))
                .map(|(_, e)| e.item.end)
                .max();
            let heading_end = line_end(text, doc.headings[target.heading].span.end);
            (last_entry_end.unwrap_or(heading_end), block)
        }
        None => {
            let years: Vec<u16> = unique_years(&run);
            let up = ascending(ctx, &years);
            let level = doc.headings[section.heading].level as usize;
            let new_section = format!("{} {year}{newline}{block}", "#".repeat(level));
            let next = run
                .iter()
                .find(|s| if up { s.year > year } else { s.year < year });
            match next {
                Some(next) => (section_block(ctx, next).start, new_section),
                None => (section_block(ctx, run.last()?).end, new_section),
            }
        }
    };
    // An insertion at the end of a file that lacks a final line ending starts one.
    let content = if at == text.len() && !text.is_empty() && !text.ends_with('\n') {
        format!(
            "{newline}{}",
            content.strip_suffix(newline).unwrap_or(&content)
        )
    } else {
        content
    };
    if removed.contains(&at) && at != removed.start {
        return None;
    }
    Some(Fix {
        edits: vec![Edit::delete(removed), Edit::insert(at, content)],
        applicability: Applicability::Unsafe,
    })
}

/// The end of the line holding `offset`, after its line ending.
fn line_end(text: &str, offset: usize) -> usize {
    memchr::memchr(b'\n', &text.as_bytes()[offset.min(text.len())..])
        .map_or(text.len(), |i| offset + i + 1)
}

fn unique_years(run: &[&YearSection]) -> Vec<u16> {
    let mut seen = Vec::new();
    for section in run {
        if !seen.contains(&section.year) {
            seen.push(section.year);
        }
    }
    seen
}

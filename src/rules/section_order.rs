//! `section-order`: year sections out of their run's direction, or a year repeated.

use std::collections::HashMap;

use super::Context;
use super::section_block;
use crate::config::Direction;
use crate::diagnostic::Finding;
use crate::diagnostic::{Applicability, Edit, Fix};
use crate::document::Span;
use crate::document::YearSection;
use crate::rule::Rule;

pub(super) fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for run in &ctx.doc.runs {
        let sections: Vec<&YearSection> =
            run.sections.iter().map(|&i| &ctx.doc.sections[i]).collect();
        let mut first_of_year: HashMap<u16, &YearSection> = HashMap::new();
        let mut unique: Vec<&YearSection> = Vec::new();
        for &section in &sections {
            match first_of_year.get(&section.year) {
                Some(first) => {
                    let first_heading = &ctx.doc.headings[first.heading];
                    out.push(
                        Finding::new(
                            Rule::SectionOrder,
                            ctx.doc.headings[section.heading].span.clone(),
                            format!("{} has a section already", section.year),
                        )
                        .label("repeated year")
                        .related(first_heading.span.clone(), "first section")
                        .help(format!(
                            "merge it into the section on line {}",
                            ctx.line(first_heading.span.start)
                        )),
                    );
                }
                None => {
                    first_of_year.insert(section.year, section);
                    unique.push(section);
                }
            }
        }
        // Sections can be put in order only when they are all distinct.
        check_direction(ctx, &unique, unique.len() == sections.len(), out);
    }
}

/// Whether a run's distinct years (in document order) go oldest first: as the
/// config says, or detected: the direction that keeps more sections in place,
/// and on a tie the direction of the first two years.
pub(super) fn ascending(ctx: &Context, years: &[u16]) -> bool {
    match ctx.settings.direction {
        Direction::Ascending => true,
        Direction::Descending => false,
        Direction::Auto if years.len() < 2 => true,
        Direction::Auto => {
            let up = longest_monotone(years, true).len();
            let down = longest_monotone(years, false).len();
            match up.cmp(&down) {
                std::cmp::Ordering::Greater => true,
                std::cmp::Ordering::Less => false,
                std::cmp::Ordering::Equal => years[1] > years[0],
            }
        }
    }
}

/// The unsafe fix that sorts a run's sections, each moving whole with its
/// content; only when the sections follow one another with nothing between.
fn reorder(ctx: &Context, sections: &[&YearSection], up: bool) -> Option<Fix> {
    let years: Vec<u16> = sections.iter().map(|s| s.year).collect();
    // `<details>` groups move with their `<details>` line, HTML headings
    // with whatever HTML holds them: not done here.
    if sections
        .iter()
        .any(|s| !ctx.doc.headings[s.heading].kind.is_markdown())
    {
        return None;
    }
    let blocks: Vec<Span> = sections.iter().map(|s| section_block(ctx, s)).collect();
    if blocks.windows(2).any(|w| w[0].end != w[1].start) {
        return None;
    }
    let text = ctx.source.text();
    let whole = blocks.first()?.start..blocks.last()?.end;
    let mut order: Vec<usize> = (0..sections.len()).collect();
    order.sort_by_key(|&i| {
        if up {
            i32::from(years[i])
        } else {
            -i32::from(years[i])
        }
    });
    let newline = super::line_ending(text);
    let mut sorted = String::with_capacity(whole.len() + newline.len());
    for &i in &order {
        let block = &text[blocks[i].clone()];
        sorted.push_str(block);
        if !block.ends_with('\n') {
            sorted.push_str(newline);
        }
    }
    // Keep the file's last line as it was: with or without a line ending.
    if !text[whole.clone()].ends_with('\n') {
        sorted.truncate(sorted.trim_end_matches(['\r', '\n']).len());
    }
    // Every section must still be a section: a heading moved after an
    // unclosed code fence would not be.
    let parsed = super::reparse_keeping_entries(ctx, &whole, &sorted)?;
    if parsed.headings.len() != ctx.doc.headings.len()
        || parsed.sections.len() != ctx.doc.sections.len()
    {
        return None;
    }
    Some(Fix::new(
        vec![Edit::replace(whole, sorted)],
        Applicability::Unsafe,
    ))
}

fn check_direction(
    ctx: &Context,
    sections: &[&YearSection],
    fixable: bool,
    out: &mut Vec<Finding>,
) {
    if sections.len() < 2 {
        return;
    }
    let years: Vec<u16> = sections.iter().map(|s| s.year).collect();
    let up = ascending(ctx, &years);
    let keep = longest_monotone(&years, up);
    // One fix sorts the whole run: built only when needed, given to the first finding.
    let mut fix = (fixable && keep.len() < sections.len())
        .then(|| reorder(ctx, sections, up))
        .flatten();
    let order = if up { "oldest first" } else { "newest first" };
    let mut kept = keep.iter().peekable();
    for (index, section) in sections.iter().enumerate() {
        if kept.peek() == Some(&&index) {
            kept.next();
            continue;
        }
        // Where it belongs: before the first kept section it should precede.
        let belongs_before = keep.iter().map(|&i| sections[i]).find(|s| {
            if up {
                s.year > section.year
            } else {
                s.year < section.year
            }
        });
        let help = match belongs_before {
            Some(next) => {
                let heading = &ctx.doc.headings[next.heading];
                format!(
                    "move it before the {} section (line {})",
                    next.year,
                    ctx.line(heading.span.start)
                )
            }
            None => {
                let last = sections[*keep.last().unwrap_or(&0)];
                let heading = &ctx.doc.headings[last.heading];
                format!(
                    "move it after the {} section (line {})",
                    last.year,
                    ctx.line(heading.span.start)
                )
            }
        };
        let mut finding = Finding::new(
            Rule::SectionOrder,
            ctx.doc.headings[section.heading].span.clone(),
            format!(
                "the {} section is out of order: these sections run {order}",
                section.year
            ),
        )
        .label("out of order")
        .help(help);
        if let Some(fix) = fix.take() {
            finding = finding.fix(fix);
        }
        out.push(finding);
    }
}

/// Indices of a longest strictly increasing (or decreasing) run of years:
/// the sections that can stay where they are.
fn longest_monotone(years: &[u16], ascending: bool) -> Vec<usize> {
    let keys: Vec<i64> = years
        .iter()
        .map(|&y| {
            if ascending {
                i64::from(y)
            } else {
                -i64::from(y)
            }
        })
        .collect();
    super::order::longest_ordered(&keys, false)
}

#[cfg(test)]
mod tests {
    use super::longest_monotone;

    #[test]
    fn longest_runs() {
        assert_eq!(longest_monotone(&[2021, 2022, 2023], true), vec![0, 1, 2]);
        assert_eq!(
            longest_monotone(&[2021, 2025, 2022, 2023, 2024], true),
            vec![0, 2, 3, 4]
        );
        assert_eq!(
            longest_monotone(&[2024, 2023, 2025, 2022], false),
            vec![0, 1, 3]
        );
        assert_eq!(longest_monotone(&[], true), Vec::<usize>::new());
    }
}

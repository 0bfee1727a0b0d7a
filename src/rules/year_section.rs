//! `year-section`: an entry whose tag years do not include its section's year.

use super::section_order::ascending;
use super::{Context, line_ending, reparse_keeping_entries, section_block};
use crate::rule::Rule;
use std::collections::{BTreeMap, HashMap, HashSet};

use crate::diagnostic::Finding;
use crate::diagnostic::{Applicability, Edit, Fix};
use crate::document::{Document, Entry, Form, Span, YearSection};

pub(super) fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let doc = ctx.doc;
    // The moves of each run are one fix, built once, given to the run's first finding.
    let mut runs_with_fix: HashSet<usize> = HashSet::new();
    // An entry nested under an entry is a version of it (a journal version
    // under its conference paper): its year may differ.
    // Each misfiled entry with its place among the list's entries.
    let misfiled_entries: Vec<(usize, &Entry, &YearSection)> = doc
        .entries
        .iter()
        .filter(|e| !e.in_entry)
        .enumerate()
        .filter_map(|(at, entry)| {
            let section = doc.section_of(entry)?;
            entry.year()?;
            misfiled(ctx, entry, section).then_some((at, entry, section))
        })
        .collect();
    let mut i = 0;
    while i < misfiled_entries.len() {
        let (at, entry, section) = misfiled_entries[i];
        let Some(first) = entry.year() else {
            i += 1;
            continue;
        };
        let heading = &doc.headings[section.heading];
        let target = doc.runs[section.run]
            .sections
            .iter()
            .map(|&i| &doc.sections[i])
            .find(|s| s.year == first.value);
        // Entries of a year the list has no section for yet, one after
        // another in a section (a year's papers appended under the last
        // year's heading): one defect, a heading missing, said once.
        let group = if target.is_none() {
            misfiled_entries[i..]
                .iter()
                .enumerate()
                .take_while(|&(k, &(next_at, e, s))| {
                    next_at == at + k
                        && std::ptr::eq(s, section)
                        && e.year().is_some_and(|y| y.value == first.value)
                })
                .count()
        } else {
            1
        };
        if group >= 3 {
            let last = misfiled_entries[i + group - 1].1;
            let mut finding = Finding::new(
                Rule::YearSection,
                first.span.clone(),
                format!(
                    "{group} entries from {} in a row are in the {} section, and the list has no {} section here",
                    first.value, section.year, first.value
                ),
            )
            .label(format!("tagged {}, as are the {} after it", first.value, group - 1))
            .related(heading.span.clone(), format!("section {}", section.year))
            .help(format!(
                "add a {} heading above line {}, or move these entries (lines {}-{}) to where they belong",
                first.value,
                ctx.line(entry.span.start),
                ctx.line(entry.span.start),
                ctx.line(last.span.start)
            ));
            if runs_with_fix.insert(section.run)
                && let Some(fix) = run_moves(ctx, section.run)
            {
                finding = finding.fix(fix);
            }
            out.push(finding);
            i += group;
            continue;
        }
        let help = match target {
            Some(target) => format!(
                "move it to the {} section (line {})",
                first.value,
                ctx.line(doc.headings[target.heading].span.start)
            ),
            None => format!("move it to a {} section", first.value),
        };
        let mut years: Vec<String> = Vec::new();
        for year in entry.years() {
            let year = year.value.to_string();
            if !years.contains(&year) {
                years.push(year);
            }
        }
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
        if runs_with_fix.insert(section.run)
            && let Some(fix) = run_moves(ctx, section.run)
        {
            finding = finding.fix(fix);
        }
        out.push(finding);
        i += 1;
    }
}

/// Whether an entry's years leave its section out. A journal citation's
/// year (`Future Generation Computer Systems, 2022, 126: 70-81.`, with its
/// volume or pages) is its issue's, and a list may file the paper by the
/// year it appeared online, one year before or after; a conference's year
/// (`ICLR 2018.`) and a preprint's are when the paper appeared.
fn misfiled(ctx: &Context, entry: &Entry, section: &YearSection) -> bool {
    if entry.years().any(|y| y.value == section.year) {
        return false;
    }
    // `Data Mining and Big Data: 7th International Conference, DMBD 2022,
    // …, Proceedings. Springer, 2023`: the year in the proceedings' name is
    // the conference's, and the paper's; the year after it the volume's.
    let text = ctx.source.text();
    if entry.venue.as_ref().is_some_and(|v| {
        crate::document::date::years(&text[v.name.clone()])
            .iter()
            .any(|y| y.value == section.year)
    }) {
        return false;
    }
    let posted_in_section = || posted_year(ctx, entry) == Some(section.year);
    // A preprint posted in the section's year (its arXiv id says so) whose
    // tag says another: the tag is the slip, which `year-mismatch` reports.
    if super::names_a_preprint(ctx, entry) && posted_in_section() {
        return false;
    }
    // A paper posted in the section's year (`AAAI 2019` on arXiv
    // 1811.05181 under `## 2018`, `ICLR 2019` on 1711.08856 under `2017`,
    // `NeurIPS 2023` posted in January 2024 under `2024`), in a list that
    // files its papers by when they appeared rather than by their venue's
    // year: where it belongs.
    if posted_in_section() && files_by_posting(ctx) {
        return false;
    }
    let cited = entry.venue.as_ref().is_some_and(|v| {
        let name = text[v.name.clone()].trim().to_lowercase();
        // `arXiv preprint arXiv:2203.12505, 2022`: the server names it.
        let server = name.split_whitespace().next().unwrap_or_default();
        let preprints = ctx.settings.venues.preprints();
        v.form == Form::Plain
            && !preprints.iter().any(|p| *p == name || p == server)
            && v.years.iter().any(|y| pages_follow(&text[y.span.end..]))
    });
    let next_door = entry.years().all(|y| y.value.abs_diff(section.year) == 1);
    !(cited && next_door)
}

/// The year an entry's arXiv id says the paper was posted.
fn posted_year(ctx: &Context, entry: &Entry) -> Option<u16> {
    crate::identity::paper_keys(ctx.source.text(), entry).find_map(|(key, _)| match key {
        crate::url::PaperKey::Arxiv(id)
            if id.len() >= 4 && id.as_bytes()[..4].iter().all(u8::is_ascii_digit) =>
        {
            id[..2].parse::<u16>().ok().map(|yy| 2000 + yy)
        }
        _ => None,
    })
}

/// Whether the list files papers by when they were posted: of its entries
/// in year sections whose venue's year and arXiv year differ, a good part
/// sit under the arXiv year rather than under the venue's. (Asked only of
/// the rare entry filed under its posting year and not its venue's.)
fn files_by_posting(ctx: &Context) -> bool {
    let (mut by_posting, mut by_venue) = (0usize, 0usize);
    for entry in &ctx.doc.entries {
        let (Some(section), Some(year)) = (
            entry.section,
            entry.venue.as_ref().and_then(|v| v.years.first()),
        ) else {
            continue;
        };
        let Some(posted) = posted_year(ctx, entry) else {
            continue;
        };
        let filed = ctx.doc.sections[section].year;
        if posted == year.value {
            continue;
        }
        if filed == posted {
            by_posting += 1;
        } else if filed == year.value {
            by_venue += 1;
        }
    }
    // The entry asked about counts itself among those filed by posting: the
    // habit is the others', two at least, and a third of the entries whose
    // two years differ or more (a list that files most by their venue's
    // year and some by when they appeared mixes two ways; neither place
    // is a slip).
    by_posting >= 3 && (by_posting - 1) * 3 >= by_venue
}

/// Whether a year is followed by a volume or pages: `: 1-12`, `, 126: 70-81`.
fn pages_follow(after: &str) -> bool {
    let after = after.trim_start();
    let rest = match after.as_bytes().first() {
        Some(b':' | b',') => after[1..].trim_start(),
        _ => return false,
    };
    rest.bytes().next().is_some_and(|b| b.is_ascii_digit())
}

/// Where a misplaced entry goes: the year it belongs to, when it has one.
fn destination(ctx: &Context, entry: &Entry, section: &YearSection) -> Option<u16> {
    let year = entry.year()?.value;
    let one_year = entry.years().all(|y| y.value == year);
    (one_year && misfiled(ctx, entry, section) && !entry.in_entry).then_some(year)
}

/// The unsafe fix for a run: every misplaced entry's lines (with what is
/// nested under it, re-indented to the top level) move to the end of its
/// year's section; missing sections are created where the run's order puts
/// them. One fix, so that any number of moves settles in one pass.
fn run_moves(ctx: &Context, run_index: usize) -> Option<Fix> {
    let text = ctx.source.text();
    let doc = ctx.doc;
    let newline = line_ending(text);
    let run = &doc.runs[run_index];
    let in_run = |section: Option<usize>| section.is_some_and(|s| doc.sections[s].run == run_index);

    let mut edits = Vec::new();
    // Blocks to insert, by target year, in document order.
    let mut arriving: BTreeMap<u16, String> = BTreeMap::new();
    // Where each section's remaining entries end.
    let mut section_end: HashMap<usize, usize> = HashMap::new();
    let mut moved = 0;
    for entry in doc.entries.iter().filter(|e| in_run(e.section)) {
        let section_index = entry.section?;
        match destination(ctx, entry, &doc.sections[section_index]) {
            Some(year) => {
                let (removed, block) = lines_to_move(text, entry, newline);
                edits.push(Edit::delete(removed));
                moved += 1;
                arriving.entry(year).or_default().push_str(&block);
            }
            // Entries nested under an entry end inside it: only top ones count.
            None if !entry.in_entry => {
                let end = section_end.entry(section_index).or_insert(0);
                *end = (*end).max(entry.item.end);
            }
            None => {}
        }
    }
    if arriving.is_empty() {
        return None;
    }
    let sections: Vec<(usize, &YearSection)> = run
        .sections
        .iter()
        .map(|&i| (i, &doc.sections[i]))
        .collect();
    let years: Vec<u16> = {
        let mut seen = Vec::new();
        for (_, s) in &sections {
            if !seen.contains(&s.year) {
                seen.push(s.year);
            }
        }
        seen
    };
    let up = ascending(ctx, &years);
    let level = doc.headings[sections.first()?.1.heading].level as usize;
    // What arrives where: entries appended to a section, then new sections
    // (in the run's order), which may go at the same place.
    let mut appended: BTreeMap<usize, String> = BTreeMap::new();
    let mut created: BTreeMap<usize, Vec<(u16, String)>> = BTreeMap::new();
    for (year, block) in arriving {
        match sections.iter().find(|(_, s)| s.year == year) {
            Some(&(index, target)) => {
                let heading_end = line_end(ctx, doc.headings[target.heading].span.end);
                let at = section_end
                    .get(&index)
                    .copied()
                    .unwrap_or(heading_end)
                    .max(heading_end);
                appended.entry(at).or_default().push_str(&block);
            }
            // A `<details>` group is not created by writing a heading, nor
            // is a run of HTML headings continued with a markdown one.
            None if !doc.headings[sections.first()?.1.heading].kind.is_markdown() => {
                return None;
            }
            None => {
                let next = sections
                    .iter()
                    .find(|(_, s)| if up { s.year > year } else { s.year < year });
                let at = match next {
                    Some((_, next)) => section_block(ctx, next).start,
                    None => section_block(ctx, sections.last()?.1).end,
                };
                let heading = format!("{} {year}{newline}", "#".repeat(level));
                created
                    .entry(at)
                    .or_default()
                    .push((year, heading + &block));
            }
        }
    }
    for (_, new) in created.iter_mut() {
        new.sort_by_key(|(year, _)| {
            if up {
                i32::from(*year)
            } else {
                -i32::from(*year)
            }
        });
    }
    let points: std::collections::BTreeSet<usize> =
        appended.keys().chain(created.keys()).copied().collect();
    for at in points {
        let mut content = appended.remove(&at).unwrap_or_default();
        for (_, text) in created.remove(&at).unwrap_or_default() {
            content.push_str(&text);
        }
        // Text right after a list would continue its last item: keep it apart.
        if continues_a_list(text, at) {
            content.push_str(newline);
        }
        edits.push(Edit::insert(at, content));
    }
    // All of it as one replacement of the stretch it touches: deletions and
    // insertions then never meet each other, and the file's last line keeps
    // its line ending or its lack of one.
    edits.sort_by_key(|edit| (edit.span.start, edit.span.end));
    let region = edits.first()?.span.start..edits.iter().map(|e| e.span.end).max()?;
    let mut replacement = String::with_capacity(region.len());
    let mut at = region.start;
    for edit in &edits {
        if edit.span.start < at {
            return None;
        }
        replacement.push_str(&text[at..edit.span.start]);
        // Lines added after a last line that has no line ending give it one.
        if edit.span.start == text.len()
            && !text.is_empty()
            && !replacement.ends_with('\n')
            && !text.ends_with('\n')
        {
            replacement.push_str(newline);
        }
        replacement.push_str(&edit.content);
        at = edit.span.end;
    }
    replacement.push_str(&text[at..region.end]);
    if region.end == text.len() && !text.ends_with('\n') {
        let kept = replacement.trim_end_matches(['\r', '\n']).len();
        replacement.truncate(kept);
    }
    if !moves_only(ctx, &region, &replacement, moved) {
        return None;
    }
    Some(Fix::new(
        vec![Edit::replace(region, replacement)],
        Applicability::Unsafe,
    ))
}

/// Whether the moved text reads as intended: the same entries, and `moved`
/// fewer of them misplaced.
fn moves_only(ctx: &Context, region: &Span, replacement: &str, moved: usize) -> bool {
    reparse_keeping_entries(ctx, region, replacement)
        .is_some_and(|parsed| misplaced(&parsed) + moved == misplaced(ctx.doc))
}

/// Top-level entries whose tag years do not include their section's year.
fn misplaced(doc: &Document) -> usize {
    doc.entries
        .iter()
        .filter(|e| !e.in_entry && e.year().is_some())
        .filter(|e| {
            doc.section_of(e)
                .is_some_and(|s| e.years().all(|y| y.value != s.year))
        })
        .count()
}

/// The bytes an entry's move deletes, and its lines as they arrive: ending
/// with a line ending, indentation taken down to the top level.
fn lines_to_move(text: &str, entry: &Entry, newline: &str) -> (Span, String) {
    let removed = entry.item.clone();
    let indent = entry
        .block
        .marker()
        .map_or(0, |marker| marker.bullet.start - marker.line_start);
    let mut block: String = text[removed.clone()]
        .split_inclusive('\n')
        .map(|line| {
            let blank = line.len() - line.trim_start_matches([' ', '\t']).len();
            &line[blank.min(indent)..]
        })
        .collect();
    if !block.ends_with('\n') {
        block.push_str(newline);
    }
    (removed, block)
}

/// Whether the line at `at` might be read as the continuation of a list
/// item placed just before it: anything but a blank line, another list item
/// or a heading. (A blank line too many is harmless; one too few merges text
/// into the moved entry.)
fn continues_a_list(text: &str, at: usize) -> bool {
    let line = text[at..].lines().next().unwrap_or_default().trim_start();
    let marker_then_space = |rest: &str| rest.is_empty() || rest.starts_with([' ', '\t']);
    let bullet = line
        .strip_prefix(['-', '*', '+'])
        .is_some_and(marker_then_space);
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let ordered = (1..=9).contains(&digits)
        && line[digits..]
            .strip_prefix(['.', ')'])
            .is_some_and(marker_then_space);
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    let heading = (1..=6).contains(&hashes) && marker_then_space(&line[hashes..]);
    !(line.trim().is_empty() || bullet || ordered || heading)
}

/// The end of the line holding `offset`, after its line ending.
fn line_end(ctx: &Context, offset: usize) -> usize {
    let source = ctx.source;
    let index = source.line_index(offset.min(source.text().len()));
    let line = source.line_range(index);
    let text = source.text();
    match text[line.end..].find('\n') {
        Some(i) => line.end + i + 1,
        None => text.len(),
    }
}

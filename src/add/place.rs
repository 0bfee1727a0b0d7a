//! Where the new entry goes: the section (the year section of its year, or
//! the heading the user names, and its year section if it has them), and
//! the place the section's own order gives it (by date, newest or oldest
//! first, or at the end where the section keeps no order).

use std::collections::HashMap;

use super::{AddError, NewPaper};
use crate::document::{Block, BulletKind, Document, Entry, Heading};
use crate::source::Span;

/// A section of the list: what its heading spans.
#[derive(Debug, Clone)]
pub(super) struct Region {
    pub span: Span,
    pub name: String,
}

/// The section the new entry goes in.
pub(super) fn region(
    text: &str,
    doc: &Document,
    section: Option<&str>,
    year: u16,
) -> Result<Region, AddError> {
    let of = |index: usize| {
        let heading = &doc.headings[index];
        Region {
            span: heading.span.end..heading.end,
            name: heading.text.trim().to_owned(),
        }
    };
    let line = |heading: &Heading| text[..heading.span.start].matches('\n').count() + 1;
    let listed = |indices: &[usize]| {
        indices
            .iter()
            .map(|&i| {
                format!(
                    "`{}` (line {})",
                    doc.headings[i].text.trim(),
                    line(&doc.headings[i])
                )
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let year_sections_under = |within: Option<&Heading>| -> Vec<usize> {
        doc.sections
            .iter()
            .map(|s| s.heading)
            .filter(|&h| {
                within.is_none_or(|w| {
                    doc.headings[h].span.start >= w.span.end && doc.headings[h].span.start < w.end
                })
            })
            .collect()
    };
    let of_year = |sections: &[usize]| -> Vec<usize> {
        sections
            .iter()
            .copied()
            .filter(|&h| {
                doc.sections
                    .iter()
                    .any(|s| s.heading == h && s.year == year)
            })
            .collect()
    };

    let Some(name) = section else {
        let sections = year_sections_under(None);
        if !sections.is_empty() {
            return match of_year(&sections).as_slice() {
                [] => Err(AddError::NoYearSection { year }),
                [one] => Ok(of(*one)),
                many => Err(AddError::WhichSection {
                    what: format!("{} sections are headed {year}", many.len()),
                    candidates: listed(
                        &many
                            .iter()
                            .filter_map(|&h| doc.headings[h].parent)
                            .collect::<Vec<_>>(),
                    ),
                }),
            };
        }
        // No year sections: the one heading whose section holds the
        // entries (a `<details>` group is one), if one does.
        let mut holding: Vec<usize> = doc
            .entries
            .iter()
            .filter(|e| !e.in_entry)
            .filter_map(|e| innermost(doc, e.span.start))
            .collect();
        holding.dedup();
        let mut distinct = holding.clone();
        distinct.sort_unstable();
        distinct.dedup();
        return match distinct.as_slice() {
            [one] => Ok(of(*one)),
            [] => Err(AddError::NoEntries {
                section: "the list".into(),
            }),
            _ => {
                holding.truncate(12);
                Err(AddError::WhichSection {
                    what: format!("the list's entries are under {} headings", distinct.len()),
                    candidates: listed(&holding),
                })
            }
        };
    };

    let matches = named(doc, name);
    let heading = match matches.as_slice() {
        [one] => *one,
        [] => {
            let mut known: Vec<usize> = doc.entries.iter().filter_map(|e| e.topic).collect();
            known.dedup();
            known.truncate(12);
            return Err(AddError::UnknownSection {
                name: name.to_owned(),
                known: format!("sections that hold entries: {}", listed(&known)),
            });
        }
        many => {
            return Err(AddError::WhichSection {
                what: format!("{} headings match `{name}`", many.len()),
                candidates: format!(
                    "{} (a heading above one tells them apart: `Topic/{name}`)",
                    listed(many)
                ),
            });
        }
    };
    // A topic divided into years: its section for the paper's year.
    let sections = year_sections_under(Some(&doc.headings[heading]));
    if sections.is_empty() || doc.sections.iter().any(|s| s.heading == heading) {
        return Ok(of(heading));
    }
    match of_year(&sections).as_slice() {
        [one] => Ok(of(*one)),
        [] => Err(AddError::NoYearSection { year }),
        many => Err(AddError::WhichSection {
            what: format!("{} sections under `{name}` are headed {year}", many.len()),
            candidates: listed(many),
        }),
    }
}

/// The headings `name` names: by their words (any case, without markup
/// or emoji), exactly, else as part of them; where that names several, a
/// path through the headings (`Medical Imaging/Generation`) names the one
/// under the others.
fn named(doc: &Document, name: &str) -> Vec<usize> {
    let find = |name: &str| -> Vec<usize> {
        let wanted = normalized(name);
        if wanted.is_empty() {
            return Vec::new();
        }
        let exact: Vec<usize> = (0..doc.headings.len())
            .filter(|&i| normalized(&doc.headings[i].text) == wanted)
            .collect();
        if !exact.is_empty() {
            return exact;
        }
        (0..doc.headings.len())
            .filter(|&i| normalized(&doc.headings[i].text).contains(&wanted))
            .collect()
    };
    let whole = find(name);
    if whole.len() == 1 || !name.contains(['/', '>']) {
        return whole;
    }
    let steps: Vec<&str> = name
        .split(['/', '>'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    let Some((last, above)) = steps.split_last() else {
        return whole;
    };
    let within = |inner: usize, outer: usize| {
        let (i, o) = (&doc.headings[inner], &doc.headings[outer]);
        i.span.start >= o.span.end && i.span.start < o.end
    };
    find(last)
        .into_iter()
        .filter(|&h| {
            above
                .iter()
                .all(|step| find(step).iter().any(|&a| within(h, a)))
        })
        .collect()
}

/// The innermost heading (a `<details>` group included) whose section
/// holds `offset`.
fn innermost(doc: &Document, offset: usize) -> Option<usize> {
    doc.headings
        .iter()
        .enumerate()
        .filter(|(_, h)| h.span.end <= offset && offset < h.end)
        .max_by_key(|(_, h)| h.span.start)
        .map(|(i, _)| i)
}

/// A heading's words, lowercase, without markup, emoji or punctuation.
fn normalized(text: &str) -> String {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Where the entry goes among the section's entries written as the model
/// is, and the text to insert there: the entry with the blank lines the
/// section puts between entries, and the number its place gives it in a
/// numbered list.
pub(super) fn position(
    text: &str,
    doc: &Document,
    members: &[&Entry],
    model: &Entry,
    paper: &NewPaper,
    written: String,
) -> (usize, String) {
    let peers: Vec<&Entry> = members
        .iter()
        .copied()
        .filter(|e| e.block.kind() == model.block.kind() && e.block.depth() == model.block.depth())
        .filter(|e| match (&e.block, &model.block) {
            (Block::Row { table: a, .. }, Block::Row { table: b, .. }) => a == b,
            _ => true,
        })
        .collect();
    let keys: Vec<Option<(u16, u8, u8)>> = peers.iter().map(|e| key(text, e)).collect();
    let with_months = keys.iter().flatten().any(|&(_, m, _)| m > 0);
    let with_days = keys.iter().flatten().any(|&(_, _, d)| d > 0);
    // The paper's own date where it is the year it is filed under.
    let dated = paper.published.is_none() || paper.year() == paper.date.0;
    let new_key = (
        paper.year(),
        paper.date.1.filter(|_| with_months && dated).unwrap_or(0),
        paper.date.2.filter(|_| with_days && dated).unwrap_or(0),
    );
    // The section's own order; where it tells none (too short, or mixed),
    // the list's (all its sections').
    let (mut newer, mut older) = order(&keys);
    let decided = |newer: usize, older: usize| {
        (newer >= 2 && newer >= older * 3) || (older >= 2 && older >= newer * 3)
    };
    if !decided(newer, older) {
        (newer, older) = (0, 0);
        let top: Vec<&Entry> = doc.entries.iter().filter(|e| !e.in_entry).collect();
        for run in top.chunk_by(|a, b| a.topic == b.topic && a.section == b.section) {
            let keys: Vec<_> = run.iter().map(|e| key(text, e)).collect();
            let (n, o) = order(&keys);
            newer += n;
            older += o;
        }
    }
    // Before which peer it goes; `None`: after the last.
    let before = if newer >= 2 && newer >= older * 3 {
        keys.iter().position(|k| k.is_some_and(|k| k <= new_key))
    } else if older >= 2 && older >= newer * 3 {
        keys.iter().position(|k| k.is_some_and(|k| k > new_key))
    } else {
        None
    };
    let gap = usual_gap(text, &peers);
    let last = peers.last().copied().unwrap_or(model);
    match before {
        Some(i) => {
            let next = peers[i];
            let written = numbered(text, written, model, &peers, Some(next));
            (next.item.start, format!("{written}{gap}"))
        }
        None => {
            let written = numbered(text, written, model, &peers, None);
            let at = last.item.end;
            let newline = if text[..at].ends_with('\n') { "" } else { "\n" };
            (at, format!("{newline}{gap}{written}"))
        }
    }
}

/// How many neighbours run newest first, and how many oldest first.
fn order(keys: &[Option<(u16, u8, u8)>]) -> (usize, usize) {
    let (mut newer, mut older) = (0, 0);
    for pair in keys.windows(2) {
        if let [Some(a), Some(b)] = pair {
            match a.cmp(b) {
                std::cmp::Ordering::Greater => newer += 1,
                std::cmp::Ordering::Less => older += 1,
                std::cmp::Ordering::Equal => {}
            }
        }
    }
    (newer, older)
}

/// The year, month and day an entry is dated by (0 for what it does not
/// give).
fn key(text: &str, entry: &Entry) -> Option<(u16, u8, u8)> {
    let dated = entry.years().find(|y| y.month.is_some());
    let year = dated.or_else(|| entry.year())?;
    let day = year
        .month
        .map_or(0, |_| day_of(&text[year.date.clone()], year));
    Some((year.value, year.month.unwrap_or(0), day))
}

/// The day a date gives (`16 Oct 2023`, `2023-10-16`), 0 if none: the
/// number that is neither its year nor, written as a number, its month.
fn day_of(date: &str, year: &crate::document::Year) -> u8 {
    let numbers: Vec<&str> = date
        .split(|c: char| !c.is_ascii_digit())
        .filter(|n| !n.is_empty())
        .collect();
    let named_month = date.contains(char::is_alphabetic);
    let mut rest = numbers.iter().filter(|n| {
        !(n.len() == 4
            || (n.len() == 2
                && n.parse::<u16>().ok() == Some(year.value % 100)
                && !named_month
                && numbers.len() == 3
                && n == &&numbers[0]))
    });
    if !named_month {
        // Year, month, day: the month comes first of what is left.
        rest.next();
    }
    rest.next()
        .and_then(|n| n.parse().ok())
        .filter(|d| (1..=31).contains(d))
        .unwrap_or(0)
}

/// The blank lines the section writes between its entries, the commonest.
fn usual_gap(text: &str, peers: &[&Entry]) -> String {
    let mut gaps: HashMap<&str, usize> = HashMap::new();
    for pair in peers.windows(2) {
        let (a, b) = (pair[0].item.end, pair[1].item.start);
        if a <= b && text[a..b].trim().is_empty() {
            *gaps.entry(&text[a..b]).or_default() += 1;
        }
    }
    gaps.into_iter()
        .max_by_key(|&(g, n)| (n, std::cmp::Reverse(g.len())))
        .map(|(g, _)| g.to_owned())
        .unwrap_or_default()
}

/// The entry's number, in a numbered list that numbers its items one by
/// one: the number of the item it goes before, or one more than the last.
fn numbered(
    text: &str,
    written: String,
    model: &Entry,
    peers: &[&Entry],
    before: Option<&Entry>,
) -> String {
    let number = |e: &Entry| -> Option<(usize, u64)> {
        let marker = e.block.marker()?;
        matches!(marker.kind, BulletKind::Ordered(_)).then_some(())?;
        let digits = text[marker.bullet.clone()].trim_end_matches(['.', ')']);
        Some((marker.bullet.start - e.item.start, digits.parse().ok()?))
    };
    let Some((offset, own)) = number(model) else {
        return written;
    };
    let numbers: Vec<u64> = peers
        .iter()
        .filter_map(|e| number(e).map(|(_, n)| n))
        .collect();
    // Every item `1.`: markdown numbers them.
    if numbers.iter().all(|&n| n == own) {
        return written;
    }
    let new = match before {
        Some(next) => number(next).map_or(own, |(_, n)| n),
        None => numbers.last().map_or(own, |n| n + 1),
    };
    let old = own.to_string();
    if written.get(offset..offset + old.len()) == Some(old.as_str()) {
        format!(
            "{}{new}{}",
            &written[..offset],
            &written[offset + old.len()..]
        )
    } else {
        written
    }
}

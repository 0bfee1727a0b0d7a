//! Which candidate blocks are entries.
//!
//! A block that links a paper (a paper host, a PDF, a paper label) is an
//! entry; its region's shape is inferred from those. A block that links no
//! paper is an entry when it is written in its region's shape with the
//! parts only papers have (a venue or date, authors): a paper whose link is
//! missing or points at a project page. Nested items that only carry their
//! parent's authors, venue or links are parts of the parent. Nothing under
//! a news, contents or citation heading is an entry.

use std::collections::HashMap;

use super::read::{Reading, looks_like_authors};
use super::shape::Shape;
use super::{
    Authors, Block, BlockKind, Document, EmptyItem, Entry, Form, HeadingKind, ListMarker,
    ParseOptions, Place, Span,
};

/// A block that may be an entry, as the walk leaves it.
#[derive(Debug)]
pub(super) struct Candidate {
    pub kind: CandidateKind,
    pub reading: Reading,
    /// The block as lines.
    pub item: Span,
    pub section: Option<usize>,
    /// The innermost heading above it.
    pub heading: Option<usize>,
    /// Whether it links a paper.
    pub paper: bool,
    /// Nested items (indices into the candidates).
    pub children: Vec<usize>,
}

#[derive(Debug)]
pub(super) enum CandidateKind {
    Item {
        marker: ListMarker,
        depth: usize,
        /// Which list it is in: siblings share it.
        list: usize,
        parent: Option<usize>,
    },
    Row {
        table: usize,
        cells: Vec<Span>,
    },
    Paragraph,
}

impl CandidateKind {
    fn block_kind(&self) -> BlockKind {
        match self {
            CandidateKind::Item { .. } => BlockKind::Item,
            CandidateKind::Row { .. } => BlockKind::Row,
            CandidateKind::Paragraph => BlockKind::Paragraph,
        }
    }
}

/// Headings whose sections hold no entries, whatever they link.
fn is_excluded_heading(text: &str) -> bool {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let Some(first) = words.first() else {
        return false;
    };
    const ALONE: &[&str] = &[
        "news",
        "updates",
        "update",
        "contents",
        "toc",
        "citation",
        "citations",
        "cite",
        "contributing",
        "contributors",
        "contribution",
        "contributions",
        "acknowledgement",
        "acknowledgements",
        "acknowledgment",
        "acknowledgments",
        "license",
        "contact",
        "changelog",
        "todo",
        "bibtex",
    ];
    let phrase = words.join(" ");
    const PHRASES: &[&str] = &[
        "table of contents",
        "star history",
        "what's new",
        "latest news",
        "recent news",
        "recent updates",
        "latest updates",
        "update news",
        "how to contribute",
        "how to cite",
    ];
    (words.len() <= 3 && ALONE.contains(&first.as_str()))
        || PHRASES.iter().any(|p| phrase.starts_with(p))
}

/// Entries from candidates: shapes inferred, entries chosen, put in document order.
pub(super) fn assemble(
    text: &str,
    doc: &mut Document,
    mut candidates: Vec<Candidate>,
    options: ParseOptions,
) {
    // Only what sits right under such a heading: a `## Contents` list is
    // often followed by the year headings it links to, one level down.
    let excluded: Vec<bool> = doc
        .headings
        .iter()
        .map(|h| is_excluded_heading(&h.text))
        .collect();
    let mut is_year = vec![false; doc.headings.len()];
    for section in &doc.sections {
        is_year[section.heading] = true;
    }
    let top_level = top_level(doc, &is_year);
    // A region is a topic: year headings and `<details>` groups divide a
    // region's entries, they do not make regions of their own.
    let region_of = |heading: Option<usize>| -> Option<usize> {
        let mut region = None;
        let mut at = heading;
        while let Some(h) = at {
            if doc.headings[h].level >= top_level
                && doc.headings[h].kind != HeadingKind::Summary
                && !is_year[h]
            {
                region = Some(h);
            }
            at = doc.headings[h].parent;
        }
        region
    };

    // Nested items that carry only their parent's parts become part of it.
    let mut absorbed = vec![false; candidates.len()];
    for index in 0..candidates.len() {
        let children = std::mem::take(&mut candidates[index].children);
        for &child in &children {
            let (parent, child_cand) = two(&mut candidates, index, child);
            if child_cand.reading.is_empty() {
                continue;
            }
            let untitled = child_cand.reading.title.is_none() && parent.reading.title.is_some();
            if (parent.paper && !child_cand.paper) || untitled {
                let reading = std::mem::take(&mut child_cand.reading);
                absorb(text, &mut parent.reading, reading);
                absorbed[child] = true;
            }
        }
        candidates[index].children = children;
        if candidates[index].children.iter().any(|&c| absorbed[c]) {
            candidates[index].paper = candidates[index].reading.links_a_paper(text);
        }
    }

    // Provisional entries of every live candidate, grouped by region and kind.
    let live: Vec<usize> = (0..candidates.len())
        .filter(|&i| {
            !absorbed[i]
                && !candidates[i].reading.is_empty()
                && !candidates[i].heading.is_some_and(|h| excluded[h])
        })
        .collect();
    let mut provisional: HashMap<usize, Entry> = HashMap::with_capacity(live.len());
    for &i in &live {
        provisional.insert(i, to_entry(doc, &candidates[i]));
    }
    type Key = (Option<usize>, BlockKind, usize);
    let key_of = |c: &Candidate, region: Option<usize>| -> Key {
        match &c.kind {
            CandidateKind::Row { table, .. } => (region, BlockKind::Row, *table),
            kind => (region, kind.block_kind(), 0),
        }
    };
    let mut papers: HashMap<Key, Vec<usize>> = HashMap::new();
    for &i in &live {
        if candidates[i].paper {
            let region = region_of(candidates[i].heading);
            papers
                .entry(key_of(&candidates[i], region))
                .or_default()
                .push(i);
        }
    }
    // Regions with few papers are judged with the file's other entries of their kind.
    const MIN_REGION: usize = 5;
    let mut group_of: HashMap<Key, Key> = HashMap::new();
    let mut merged: HashMap<Key, Vec<usize>> = HashMap::new();
    for (key, members) in &papers {
        let target = if members.len() >= MIN_REGION || key.1 == BlockKind::Row {
            *key
        } else {
            (None, key.1, 0)
        };
        group_of.insert(*key, target);
        merged
            .entry(target)
            .or_default()
            .extend(members.iter().copied());
    }
    let mut keys: Vec<Key> = merged.keys().copied().collect();
    keys.sort_by_key(|k| merged[k].iter().copied().min());

    let mut shape_of: HashMap<Key, usize> = HashMap::new();
    for key in keys {
        let members = &merged[&key];
        let shape = match options.shape {
            Some(declared) if declared.kind.is_none_or(|k| k == key.1) => {
                let mut shape = declared.clone();
                shape.region = key.0;
                shape.kind = Some(key.1);
                shape
            }
            _ => {
                let entries: Vec<&Entry> = members.iter().map(|i| &provisional[i]).collect();
                Shape::infer(text, &entries, key.1, key.0)
            }
        };
        shape_of.insert(key, doc.shapes.len());
        doc.shapes.push(shape);
    }
    let shape_for = |c: &Candidate| -> Option<usize> {
        let key = key_of(c, region_of(c.heading));
        let group = group_of.get(&key).copied().unwrap_or((
            None,
            key.1,
            if key.1 == BlockKind::Row { key.2 } else { 0 },
        ));
        shape_of
            .get(&group)
            .or_else(|| shape_of.get(&(None, key.1, 0)))
            .copied()
    };

    // Entries: the papers, and the blocks that read as papers of the list's shape.
    let mut is_entry = vec![false; candidates.len()];
    let mut chosen: Vec<(usize, usize)> = Vec::new();
    for &i in &live {
        let Some(shape) = shape_for(&candidates[i]) else {
            continue;
        };
        let entry = &provisional[&i];
        let fits = {
            let s = &doc.shapes[shape];
            (s.declared || s.support >= 2) && s.fits(entry)
        };
        if candidates[i].paper || fits {
            is_entry[i] = true;
            chosen.push((i, shape));
        }
    }
    let parent_of = |i: usize| match &candidates[i].kind {
        CandidateKind::Item { parent, .. } => *parent,
        _ => None,
    };
    let mut entries = Vec::with_capacity(chosen.len());
    for (i, shape) in chosen {
        let mut entry = provisional.remove(&i).expect("a provisional entry");
        entry.shape = shape;
        let mut up = parent_of(i);
        while let Some(p) = up {
            if is_entry[p] {
                entry.in_entry = true;
                break;
            }
            up = parent_of(p);
        }
        entries.push(entry);
    }
    entries.sort_by_key(|e| e.item.start);
    doc.entries = entries;

    // Empty bullets in lists that hold entries.
    let mut lists_with_entries = std::collections::HashSet::new();
    for (i, c) in candidates.iter().enumerate() {
        if let CandidateKind::Item { list, .. } = c.kind
            && is_entry[i]
        {
            lists_with_entries.insert(list);
        }
    }
    for c in &candidates {
        if let CandidateKind::Item { marker, list, .. } = &c.kind
            && c.reading.is_empty()
            && c.children.is_empty()
            && lists_with_entries.contains(list)
        {
            doc.empty_items.push(EmptyItem {
                span: marker.bullet.clone(),
                section: c.section,
            });
        }
    }
    doc.empty_items.sort_by_key(|e| e.span.start);
    doc.paper_blocks += candidates.iter().filter(|c| c.paper).count();
}

/// Two distinct elements of a slice, mutably.
fn two<T>(items: &mut [T], a: usize, b: usize) -> (&mut T, &mut T) {
    assert_ne!(a, b);
    if a < b {
        let (left, right) = items.split_at_mut(b);
        (&mut left[a], &mut right[0])
    } else {
        let (left, right) = items.split_at_mut(a);
        (&mut right[0], &mut left[b])
    }
}

/// Adds a nested item's parts to its parent's: a plain "title" that reads
/// as a list of names is the authors line.
fn absorb(text: &str, parent: &mut Reading, mut child: Reading) {
    if let Some(title) = &child.title
        && title.form == Form::Plain
        && child.authors.is_none()
        && looks_like_authors(&text[title.inner.clone()], true)
    {
        let title = child.title.take().expect("a title");
        child.authors = Some(Authors {
            span: title.span,
            inner: title.inner,
            form: Form::Plain,
            place: Place::SubItem,
        });
    }
    parent.absorb(child);
}

/// The level of the headings that cut the file into regions: the highest
/// level used by two headings or more (one `#` title over `##` sections
/// makes `##` the top).
fn top_level(doc: &Document, is_year: &[bool]) -> u8 {
    let mut counts = [0usize; 7];
    for (h, year) in doc.headings.iter().zip(is_year) {
        if h.kind != HeadingKind::Summary && !year {
            counts[(h.level as usize).min(6)] += 1;
        }
    }
    (1..=6u8)
        .find(|&level| counts[level as usize] >= 2)
        .unwrap_or(1)
}

pub(super) fn to_entry(doc: &Document, c: &Candidate) -> Entry {
    let r = &c.reading;
    let span = r.span.clone().unwrap_or(c.item.clone());
    let block = match &c.kind {
        CandidateKind::Item { marker, depth, .. } => Block::Item {
            marker: marker.clone(),
            depth: *depth,
        },
        CandidateKind::Row { table, cells } => Block::Row {
            table: *table,
            cells: cells.clone(),
        },
        CandidateKind::Paragraph => Block::Paragraph,
    };
    // The topic: the nearest heading above that is not a year. Year
    // sections nest under topics, never the reverse, so it is the nearest
    // ancestor of the section's heading, or the entry's own heading.
    let mut topic = c.heading;
    let section_heading = c.section.map(|s| doc.sections[s].heading);
    while let Some(h) = topic {
        if Some(h) == section_heading || heading_year_of(doc, h) {
            topic = doc.headings[h].parent;
        } else {
            break;
        }
    }
    Entry {
        head: r.head.clone().unwrap_or(span.clone()),
        span,
        block,
        section: c.section,
        topic,
        shape: 0,
        venue: r.venue.clone(),
        dates: r.dates.clone(),
        name: r.name.clone(),
        title: r.title.clone(),
        authors: r.authors.clone(),
        links: r.links.clone(),
        notes: r.notes.clone(),
        in_entry: false,
        item: c.item.clone(),
    }
}

/// Whether a heading is a year section's.
fn heading_year_of(doc: &Document, heading: usize) -> bool {
    doc.sections
        .binary_search_by_key(&heading, |s| s.heading)
        .is_ok()
}

#[cfg(test)]
mod tests {
    use super::is_excluded_heading;

    #[test]
    fn news_contents_and_citation_hold_no_entries() {
        for text in [
            "📢 News",
            "News",
            "Table of Contents",
            "Citation",
            "Star History",
            "Contributing",
            "Updates",
            "What's New",
        ] {
            assert!(is_excluded_heading(text), "{text}");
        }
        for text in [
            "Newsworthy Models",
            "Content Generation",
            "Papers",
            "2023",
            "Multimodal Updates Benchmarks and Data",
        ] {
            assert!(!is_excluded_heading(text), "{text}");
        }
    }
}

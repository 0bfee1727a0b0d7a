//! Which candidate blocks are entries.
//!
//! A block that links a paper (a paper host, a PDF, a paper label) is an
//! entry; its region's shape is inferred from those. A block that links no
//! paper is an entry when it is written in its region's shape with the
//! parts only papers have (a venue or date, authors): a paper whose link is
//! missing or points at a project page. Nested items that only carry their
//! parent's authors, venue or links are parts of the parent. Nothing under
//! a news, contents or citation heading is an entry.

use rustc_hash::FxHashMap as HashMap;

use super::by_shape;
use super::read::{self, Reading, looks_like_authors};
use super::shape::{Shape, Tally};
use crate::vocabulary;

use super::{
    Authors, Block, BlockKind, Document, EmptyItem, Entry, Form, HeadingKind, HostKind, Known,
    Name, ParseOptions, Place, Span, Title,
};

/// What the walk knows of a block that may be an entry, beside its parts
/// (which wait in the parallel list of entries).
#[derive(Debug)]
pub(super) struct Candidate {
    pub kind: CandidateKind,
    /// The innermost heading above it.
    pub heading: Option<usize>,
    /// Whether it links a paper.
    pub paper: bool,
    /// Whether its text cites a paper by its identifier, with no link to
    /// it (`Hinton et al. arXiv:1503.02531`): a paper entry on its own, but
    /// under an entry that links the paper, a line of that entry.
    pub cites: bool,
    /// Whether it links no paper but reads as a citation, a title and a
    /// known venue with its year (`Title (SIGMOD 2021)`): a paper entry in
    /// a list written so throughout (see `citation_lists`).
    pub dated: bool,
    /// Whether nothing was read in it.
    pub empty: bool,
    /// Nested items (indices into the candidates).
    pub children: Vec<usize>,
    /// A one-line paragraph of plain text that links a paper (`(Arxiv
    /// 24.04.24) A Survey on Visual Mamba [Paper](…)`): a list's entry
    /// when the file writes five or more so, else prose that cites.
    pub plain: bool,
    /// A paragraph of plain lines that links a paper, with the items of
    /// the list after it as children: an entry only where it names the
    /// paper and its venue and the list gives its title (`FGFI. *CVPR
    /// 2019*. \[[CVF](…)\]` over `- Distilling Object Detectors …`).
    pub lead: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum CandidateKind {
    Item {
        /// Which list it is in: siblings share it.
        list: usize,
        parent: Option<usize>,
    },
    Row {
        table: usize,
    },
    Paragraph,
}

impl CandidateKind {
    fn block_kind(self) -> BlockKind {
        match self {
            CandidateKind::Item { .. } => BlockKind::Item,
            CandidateKind::Row { .. } => BlockKind::Row,
            CandidateKind::Paragraph => BlockKind::Paragraph,
        }
    }
}

/// Whether an entry links a paper: a paper host, a PDF, or a paper label
/// (even one whose URL is missing).
pub(super) fn links_a_paper(text: &str, entry: &Entry) -> bool {
    let row = matches!(entry.block, Block::Row { .. });
    entry.links.iter().any(|link| {
        // In a table, a link labelled as a citation (`[Salimans et al.,
        // 2016](…)` in a `Reference` column) is a row's reference: the row
        // is about something else (a metric, a dataset) that cites a paper.
        if row && cites_by_author(&text[link.label.clone()]) {
            return false;
        }
        // A jump within the page (`[Survey](#survey)` in a table of
        // contents) leads to no paper, whatever its label says.
        // Nor does a markdown page of a repository (`…/Lists/Survey.md`, a
        // list's own sub-list).
        // Nor does a section of a repository's README
        // (`https://github.com/owner/list#papers`, a table of contents
        // written with whole addresses).
        let in_page = link.url.as_ref().is_some_and(|u| {
            let url = text[u.clone()].trim();
            url.starts_with('#')
                || url
                    .split(['?', '#'])
                    .next()
                    .is_some_and(|path| path.to_ascii_lowercase().ends_with(".md"))
                || readme_section(url)
        });
        // `[[Paper](URL)]` in a list's template for its entries: a word
        // standing for an address leads nowhere.
        let placeholder = link.url.as_ref().is_some_and(|u| {
            let url = text[u.clone()].trim();
            !url.is_empty() && !url.contains(['.', '/', ':', '#', ' '])
        });
        if placeholder {
            return false;
        }
        // `[Blockchain Papers](https://github.com/…)`: a name that ends in a
        // paper word, on a repository, names a list of papers, not its paper.
        let named_repository =
            link.host == HostKind::Code && text[link.label.clone()].split_whitespace().count() > 1;
        !in_page
            && ((!link.is_title && link.kind.is_paper() && !named_repository)
                || link.host == HostKind::Paper
                || link.to_pdf)
    })
}

/// Whether a link's text is a citation by author and year: `Salimans et
/// al., 2016`, `Powers, 2020`, `Turing 1950`.
fn cites_by_author(label: &str) -> bool {
    let label = label.trim().trim_end_matches(['.', ')']);
    let Some((names, year)) = label.rsplit_once([',', ' ']) else {
        return false;
    };
    let year = year.trim().trim_start_matches('(');
    let names = names.trim().trim_end_matches([',', '(']).trim();
    let is_year = year.len() == 4
        && year.bytes().all(|b| b.is_ascii_digit())
        && (year.starts_with("19") || year.starts_with("20"));
    let words: Vec<&str> = names.split_whitespace().collect();
    let surname = |w: &str| {
        w.starts_with(char::is_uppercase) && w.chars().skip(1).all(|c| c.is_lowercase() || c == '-')
    };
    is_year
        && match words.as_slice() {
            [name] => surname(name),
            [name, "et", "al" | "al."] => surname(name),
            [a, "and" | "&", b] => surname(a) && surname(b),
            _ => false,
        }
}

/// Whether a URL is a section of a GitHub repository's README: the
/// repository's own page with a fragment (`https://github.com/o/r#papers`).
fn readme_section(url: &str) -> bool {
    let Some((page, fragment)) = url.split_once('#') else {
        return false;
    };
    let Some(parts) = crate::url::parse(page) else {
        return false;
    };
    let segments = parts
        .path
        .trim_matches('/')
        .split('/')
        .filter(|s| !s.is_empty())
        .count();
    !fragment.is_empty()
        && matches!(
            parts.host.to_ascii_lowercase().as_str(),
            "github.com" | "www.github.com"
        )
        && segments == 2
        && parts.query.is_empty()
}

/// Whether an entry names its paper by its arXiv identifier in the text
/// (`Title. Hinton et al. arXiv:1503.02531`), as a citation does: a paper
/// as surely as a link to it.
pub(super) fn cites_a_preprint(text: &str, entry: &Entry) -> bool {
    entry.venue.as_ref().is_some_and(|v| {
        v.years.is_empty() && read::arxiv_id_tail(&text[v.span.clone()]) == Some(0)
    })
}

/// Whether an entry names its paper by a title and a venue the vocabulary
/// knows, with its year (`Database Gyms (CIDR 2023)`), as a reference list
/// without links does.
pub(super) fn cites_a_venue(text: &str, entry: &Entry, known: &super::Known<'_>) -> bool {
    entry.title.is_some()
        && entry.venue.as_ref().is_some_and(|v| {
            !v.years.is_empty() && read::is_known_venue(&text[v.name.clone()], known)
        })
}

/// An entry from a block's reading.
pub(super) fn entry_of(
    reading: Reading,
    block: Block,
    item: Span,
    section: Option<usize>,
    topic: Option<usize>,
) -> Entry {
    let span = reading.span.clone().unwrap_or(item.clone());
    // A vector grown by pushing holds room for four: an entry keeps only
    // what it has (a list of 100,000 entries keeps their parts for the
    // whole run).
    let mut reading = reading;
    reading.dates.shrink_to_fit();
    reading.links.shrink_to_fit();
    reading.notes.shrink_to_fit();
    if let Some(venue) = &mut reading.venue {
        venue.years.shrink_to_fit();
    }
    Entry {
        head: reading.head.unwrap_or(span.clone()),
        span,
        block,
        section,
        topic,
        shape: 0,
        venue: reading.venue,
        dates: reading.dates,
        name: reading.name,
        title: reading.title,
        authors: reading.authors,
        links: reading.links,
        notes: reading.notes,
        in_entry: false,
        label: None,
        group: None,
        item,
    }
}

/// Headings whose sections hold no entries, whatever they link.
fn is_excluded_heading(text: &str) -> bool {
    // `## :collision: Update Log`: an emoji shortcode is no word of it.
    let text = without_shortcodes(text);
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let Some(first) = words.first() else {
        return false;
    };
    let phrase = words.join(" ");
    let known = &vocabulary::words().headings;
    (words.len() <= 3 && vocabulary::is_one_of(first, &known.no_entries))
        || known
            .no_entries_phrases
            .iter()
            .any(|p| phrase.starts_with(p.as_str()))
}

/// Text without its emoji shortcodes (`:collision:`, `:+1:`).
fn without_shortcodes(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains(':') {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find(':') {
        let after = &rest[open + 1..];
        let len = after
            .find(|c: char| {
                !(c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '_' | '+' | '-'))
            })
            .unwrap_or(after.len());
        if len > 0 && after[len..].starts_with(':') {
            out.push_str(&rest[..open]);
            rest = &after[len + 1..];
        } else {
            out.push_str(&rest[..=open]);
            rest = after;
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

/// Entries from candidates: shapes inferred, entries chosen, put in document
/// order. `entries[i]` holds the parts of `candidates[i]`.
pub(super) fn assemble(
    text: &str,
    doc: &mut Document,
    mut candidates: Vec<Candidate>,
    mut entries: Vec<Entry>,
    table_kinds: &[usize],
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
    let top_level = top_level(doc, &is_year, &excluded);
    // A region is a topic: year headings and `<details>` groups divide a
    // region's entries, they do not make regions of their own. Headings come
    // before what they head: each one's region follows from its parent's.
    let mut regions: Vec<Option<usize>> = Vec::with_capacity(doc.headings.len());
    for (h, heading) in doc.headings.iter().enumerate() {
        let inherited = heading.parent.and_then(|p| regions[p]);
        let own = heading.level >= top_level && heading.kind != HeadingKind::Summary && !is_year[h];
        regions.push(inherited.or(own.then_some(h)));
    }
    let region_of = |heading: Option<usize>| heading.and_then(|h| regions[h]);

    // Nested items that carry only their parent's parts become part of it.
    // Children are finished (and numbered) before their parents.
    let mut absorbed = vec![false; candidates.len()];
    for index in 0..candidates.len() {
        // A lead paragraph is a paper's head only as a name and a venue,
        // its list's first item the title; prose that links a paper is
        // none, nor are the items of the list after it its lines.
        if candidates[index].lead {
            let entry = &entries[index];
            // (`*AAAI 2022*.` alone, or `D^3^ETR.` with no venue, as well.)
            let words = entry
                .title
                .as_ref()
                .map_or(0, |t| text[t.inner.clone()].split_whitespace().count());
            let named = words <= 2 && (entry.venue.is_some() || words == 1);
            let titled_below = candidates[index].children.first().is_some_and(|&c| {
                !candidates[c].paper
                    && entries[c]
                        .title
                        .as_ref()
                        .is_some_and(|t| text[t.inner.clone()].split_whitespace().count() >= 3)
            });
            if !(named && titled_below) {
                candidates[index].children.clear();
                candidates[index].empty = true;
                continue;
            }
            // `TADF.`: the name and the period that ends its sentence.
            if let Some(title) = entries[index].title.as_mut()
                && text[title.inner.clone()].ends_with('.')
            {
                title.inner.end -= 1;
                title.span.end = title.span.end.min(title.inner.end);
            }
        }
        let children = std::mem::take(&mut candidates[index].children);
        // `- **HeGAN**` alone on its line over the paper's lines: a bold
        // name and nothing else, read as no part, names the paper.
        // (Over link lines of its own, not over papers of their own under
        // a label: `- **USENIX ATC 2021**` over its papers' titles.)
        let link_lines = children
            .iter()
            .any(|&c| entries[c].title.is_none() && !entries[c].links.is_empty());
        let named_alone = link_lines
            && bold_name_alone(text, &entries[index])
                .map(|name| entries[index].name = Some(name))
                .is_some();
        let mut changed = false;
        for &child in &children {
            if candidates[child].empty {
                continue;
            }
            let untitled =
                entries[child].title.is_none() && entries[child].links.iter().all(|l| !l.is_title);
            // (An item that only names its paper, `- **HeGAN**`, heads its
            // lines as a titled one does.)
            let parent_titled = entries[index].title.is_some() || named_alone;
            // `- **Title (AAAI 2020)**` over `  - Ekagra Ranjan, Soumya
            // Sanyal` and its link items: a line of names alone, or of
            // names and where the paper appeared (`- Stefanos Koffas.
            // *Master Thesis at TU Delft*, 2021.`), is the authors line of
            // the title over it.
            let names = || {
                let child = &entries[child];
                child.links.is_empty()
                    && child.authors.is_none()
                    && child.title.as_ref().is_some_and(|t| {
                        t.form == Form::Plain && looks_like_authors(&text[t.inner.clone()], true)
                    })
            };
            if (candidates[index].paper && !candidates[child].paper)
                || (parent_titled && (untitled || names()))
            {
                let (parent, child_entry) = two(&mut entries, index, child);
                absorb(text, parent, child_entry, &options.known);
                absorbed[child] = true;
                changed = true;
            }
        }
        if changed {
            candidates[index].paper = links_a_paper(text, &entries[index]);
        }
        // `- **HeGAN**` over `- Adversarial Learning on …, KDD 2019` and
        // `- [[Paper]](…)`: a parent that links its paper only through a
        // later child takes the lines before it too, as it would have had
        // it linked the paper itself.
        if changed && candidates[index].paper {
            candidates[index].empty = false;
            for (nth, &child) in children.iter().enumerate() {
                // (The first line may be the title, linked: `- [node2vec:
                // …](url), KDD'16`, a paper of its own read alone.)
                let linked_title = nth == 0
                    && entries[index].title.is_none()
                    && entries[index].name.is_some()
                    && entries[child]
                        .title
                        .as_ref()
                        .is_some_and(|t| matches!(t.form, Form::Linked | Form::LinkedBold));
                if absorbed[child]
                    || candidates[child].empty
                    || (candidates[child].paper && !linked_title)
                {
                    continue;
                }
                let (parent, child_entry) = two(&mut entries, index, child);
                absorb(text, parent, child_entry, &options.known);
                absorbed[child] = true;
            }
        }
        candidates[index].children = children;
    }

    link_lists(
        text,
        &mut candidates,
        &mut entries,
        &mut absorbed,
        &options.known,
    );

    title_lists(text, &mut candidates, &entries, &absorbed);
    // `- Query-based RAG` over paragraphs of papers, each a linked title:
    // an item holding three papers' titles or more is a group of papers
    // under a label, not one paper with many links.
    for (i, entry) in entries.iter().enumerate() {
        let titles = entry
            .links
            .iter()
            .filter(|l| {
                (l.host == HostKind::Paper || l.to_pdf)
                    && text[l.label.clone()].split_whitespace().count() >= 4
            })
            .count();
        if titles >= 3 && matches!(candidates[i].kind, CandidateKind::Item { .. }) {
            absorbed[i] = true;
        }
    }
    citation_lists(&mut candidates, &absorbed);
    bold_title_lists(text, &mut candidates, &entries, &absorbed);
    // One-line paragraphs of plain text are entries only as a habit.
    if candidates.iter().filter(|c| c.plain && c.paper).count() < 5 {
        for c in candidates.iter_mut().filter(|c| c.plain) {
            c.empty = true;
        }
    }

    let live: Vec<usize> = (0..candidates.len())
        .filter(|&i| {
            !absorbed[i]
                && !candidates[i].empty
                && !candidates[i].heading.is_some_and(|h| excluded[h])
        })
        .collect();
    let key_of = |c: &Candidate, region: Option<usize>| -> Key {
        match c.kind {
            CandidateKind::Row { table } => (
                region,
                BlockKind::Row,
                table_kinds.get(table).copied().unwrap_or(table),
            ),
            kind => (region, kind.block_kind(), 0),
        }
    };
    by_shape::short_years_by_habit(text, &mut entries, &live);
    let mut papers: HashMap<Key, Vec<usize>> = HashMap::default();
    for &i in &live {
        if candidates[i].paper || candidates[i].cites {
            let region = region_of(candidates[i].heading);
            papers
                .entry(key_of(&candidates[i], region))
                .or_default()
                .push(i);
        }
    }
    // Regions with few papers are judged with the file's other entries of their kind.
    const MIN_REGION: usize = 5;
    let mut group_of: HashMap<Key, Key> = HashMap::default();
    let mut merged: HashMap<Key, Vec<usize>> = HashMap::default();
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
    // The groups' shapes, inferred while merging.
    let mut inferred: HashMap<Key, Shape> = if options.shape.is_none() {
        merge_alike(text, &entries, &mut keys, &mut merged, &mut group_of)
    } else {
        HashMap::default()
    };

    let mut shape_of: HashMap<Key, usize> = HashMap::default();
    for key in keys {
        let members = &merged[&key];
        let shape = match options.shape {
            Some(declared) if declared.kind.is_none_or(|k| k == key.1) => {
                let mut shape = declared.clone();
                shape.region = key.0;
                shape.kind = Some(key.1);
                shape
            }
            _ => match inferred.remove(&key) {
                Some(mut shape) => {
                    shape.region = key.0;
                    shape
                }
                None => {
                    let group: Vec<&Entry> = members.iter().map(|&i| &entries[i]).collect();
                    Shape::infer(text, &group, key.1, key.0)
                }
            },
        };
        shape_of.insert(key, doc.shapes.len());
        doc.shapes.push(shape);
    }
    // A declared shape also holds where no item links a paper: that is
    // what declaring it is for, in a list the reader cannot tell by links.
    let mut declared_of: HashMap<BlockKind, usize> = HashMap::default();
    if let Some(declared) = options.shape {
        for kind in [BlockKind::Item, BlockKind::Row, BlockKind::Paragraph] {
            if declared.kind.is_none_or(|k| k == kind) {
                let mut shape = declared.clone();
                shape.kind = Some(kind);
                declared_of.insert(kind, doc.shapes.len());
                doc.shapes.push(shape);
            }
        }
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
            .or_else(|| declared_of.get(&key.1))
            .copied()
    };

    // Entries: the papers, and the blocks that read as papers of the list's shape.
    let mut is_entry = vec![false; candidates.len()];
    // Which entries had a part read again in the light of the shape.
    let mut reread = vec![false; entries.len()];
    for &i in &live {
        let Some(shape) = shape_for(&candidates[i]) else {
            continue;
        };
        reread[i] = by_shape::reread(text, &mut entries[i], &doc.shapes[shape], &options.known);
        let fits = || {
            let s = &doc.shapes[shape];
            (s.declared || s.support >= 2) && s.fits(&entries[i])
        };
        if candidates[i].paper || candidates[i].cites || fits() {
            is_entry[i] = true;
            entries[i].shape = shape;
        }
    }
    // Parts read again change what the entries have in common: the shapes
    // of their groups are inferred again from the same members.
    if options.shape.is_none() {
        for (key, &index) in &shape_of {
            if !merged[key].iter().any(|&i| reread[i]) {
                continue;
            }
            let group: Vec<&Entry> = merged[key].iter().map(|&i| &entries[i]).collect();
            doc.shapes[index] = Shape::infer(text, &group, key.1, key.0);
        }
    }
    let parent_of = |i: usize| match candidates[i].kind {
        CandidateKind::Item { parent, .. } => parent,
        _ => None,
    };
    for i in 0..candidates.len() {
        if !is_entry[i] {
            continue;
        }
        let mut up = parent_of(i);
        while let Some(p) = up {
            if is_entry[p] {
                entries[i].in_entry = true;
                break;
            }
            up = parent_of(p);
        }
    }

    // Empty bullets in lists that hold entries.
    let mut lists_with_entries = rustc_hash::FxHashSet::default();
    for (i, c) in candidates.iter().enumerate() {
        if let CandidateKind::Item { list, .. } = c.kind
            && is_entry[i]
        {
            lists_with_entries.insert(list);
        }
    }
    for (i, c) in candidates.iter().enumerate() {
        if let CandidateKind::Item { list, .. } = c.kind
            && c.empty
            && c.children.is_empty()
            && lists_with_entries.contains(&list)
            && let Some(marker) = entries[i].block.marker()
        {
            doc.empty_items.push(EmptyItem {
                span: marker.bullet.clone(),
                section: entries[i].section,
            });
        }
    }
    doc.empty_items.sort_by_key(|e| e.span.start);
    doc.paper_blocks += candidates.iter().filter(|c| c.paper).count();

    // Kept in place: a list of 100,000 entries holds its parts once.
    let mut keep = is_entry.into_iter();
    entries.retain(|_| keep.next().unwrap_or(false));
    in_document_order(&mut entries);
    entries.shrink_to_fit();
    doc.entries = entries;
}

/// Each group's tally of its members. A large file's entries are counted on
/// two threads, half each, whatever their groups: counts add up.
fn tally_groups<'t>(text: &'t str, entries: &[Entry], groups: &[&[usize]]) -> Vec<Tally<'t>> {
    const TWO_THREADS_FROM: usize = 10_000;
    let members: Vec<(usize, usize)> = groups
        .iter()
        .enumerate()
        .flat_map(|(g, members)| members.iter().map(move |&i| (g, i)))
        .collect();
    let count = |members: &[(usize, usize)]| {
        let mut tallies = vec![Tally::default(); groups.len()];
        let mut parts = Vec::new();
        for &(g, i) in members {
            tallies[g].count(text, &entries[i], &mut parts);
        }
        tallies
    };
    let two = members.len() >= TWO_THREADS_FROM
        && std::thread::available_parallelism().is_ok_and(|n| n.get() > 1);
    if !two {
        return count(&members);
    }
    let (first, second) = members.split_at(members.len() / 2);
    std::thread::scope(|scope| {
        let other = scope.spawn(|| count(second));
        let mut tallies = count(first);
        let theirs = other
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        for (mine, theirs) in tallies.iter_mut().zip(&theirs) {
            mine.add(theirs);
        }
        tallies
    })
}

/// Puts entries in the order of their items (nested items were finished
/// before their parents), as a stable sort would, in place: a stable sort
/// of the entries themselves would borrow room for half of them.
fn in_document_order(entries: &mut [Entry]) {
    if entries.is_sorted_by_key(|e| e.item.start) {
        return;
    }
    let mut order: Vec<usize> = (0..entries.len()).collect();
    order.sort_by_key(|&i| entries[i].item.start);
    // Each cycle of the permutation is followed once: the entry for place
    // `at` is the one at `order[at]`.
    for start in 0..entries.len() {
        if order[start] == start {
            continue;
        }
        let mut at = start;
        while order[at] != start {
            let from = order[at];
            entries.swap(at, from);
            order[at] = at;
            at = from;
        }
        order[at] = at;
    }
}

/// A list written as references without links (`* Database Gyms (CIDR
/// 2023)`, `* QTune: … (VLDB 2019)`): its items are papers, cited by title,
/// venue and year. Only as a habit of the file (ten such items or more)
/// and of each list (four in five of its items or more), so that a line
/// naming a workshop or a talk among other items stays what it is.
fn citation_lists(candidates: &mut [Candidate], absorbed: &[bool]) {
    const FEWEST: usize = 10;
    let dated = |c: &Candidate| c.dated && !c.paper && !c.cites;
    let mut by_list: HashMap<usize, (usize, usize)> = HashMap::default();
    for (i, c) in candidates.iter().enumerate() {
        let CandidateKind::Item { list, .. } = c.kind else {
            continue;
        };
        if absorbed[i] || c.empty {
            continue;
        }
        // Items already papers (a link, a preprint's id) count with the
        // dated: a list of references some of which link their paper.
        let counts = by_list.entry(list).or_default();
        counts.0 += usize::from(dated(c) || c.paper || c.cites);
        counts.1 += 1;
    }
    let habit = |list: &usize| {
        by_list
            .get(list)
            .is_some_and(|&(dated, items)| dated * 5 >= items * 4)
    };
    let total: usize = candidates
        .iter()
        .filter(|c| matches!(c.kind, CandidateKind::Item { list, .. } if habit(&list)) && dated(c))
        .count();
    if total < FEWEST {
        return;
    }
    for c in candidates.iter_mut() {
        if let CandidateKind::Item { list, .. } = c.kind
            && habit(&list)
            && dated(c)
        {
            c.cites = true;
        }
    }
}

/// A list of papers cited by their bold titles and their authors, with no
/// link and no date (`- **Grounded Situation Recognition;** Sarah Pratt et
/// al`): a reading list kept without addresses. Only as a habit of the file
/// (ten such items or more) and of each list (four in five of its items),
/// with titles of three words or more and names after them, so that a list
/// of bold terms and their definitions stays what it is.
fn bold_title_lists(
    text: &str,
    candidates: &mut [Candidate],
    entries: &[Entry],
    absorbed: &[bool],
) {
    const FEWEST: usize = 10;
    let cited = |i: usize| {
        let entry = &entries[i];
        entry.links.is_empty()
            && entry.authors.is_some()
            && entry.title.as_ref().is_some_and(|t| {
                t.form == Form::Bold && text[t.inner.clone()].split_whitespace().count() >= 3
            })
    };
    let habit = items_by_habit(candidates, absorbed, |i, c| {
        !c.paper && !c.cites && cited(i)
    });
    if habit.len() >= FEWEST {
        for i in habit {
            candidates[i].cites = true;
        }
    }
}

/// The items of the lists that are each four in five of one kind
/// (`of_kind`), of all items of the file's lists. (Lists under headings of
/// a few papers each count together: the caller asks how many in all.)
fn items_by_habit(
    candidates: &[Candidate],
    absorbed: &[bool],
    of_kind: impl Fn(usize, &Candidate) -> bool,
) -> Vec<usize> {
    let mut lists: HashMap<usize, (usize, Vec<usize>)> = HashMap::default();
    for (i, c) in candidates.iter().enumerate() {
        if let CandidateKind::Item { list, .. } = c.kind
            && !absorbed[i]
            && !c.empty
        {
            let (all, kind) = lists.entry(list).or_default();
            *all += 1;
            if of_kind(i, c) {
                kind.push(i);
            }
        }
    }
    lists
        .into_values()
        .filter(|(all, kind)| !kind.is_empty() && kind.len() * 5 >= all * 4)
        .flat_map(|(_, kind)| kind)
        .collect()
}

/// A list whose items are each a paper's title linked and nothing else
/// (`- [Learning on Large Graphs using Intersecting Communities](…/README.md)`,
/// a title per paper linking its page): its items are papers, whatever
/// their links lead to. Four in five of a list's items, five such items at
/// least in the file, with titles of four words or more, so that a list of tools or
/// repositories by name stays what it is. A jump within the page is a table
/// of contents, and a repository's home page names software.
fn title_lists(text: &str, candidates: &mut [Candidate], entries: &[Entry], absorbed: &[bool]) {
    let title_only = |i: usize| {
        let entry = &entries[i];
        let [link] = entry.links.as_slice() else {
            return false;
        };
        let Some(url) = &link.url else {
            return false;
        };
        let url = text[url.clone()].trim();
        let repository_home = link.host == HostKind::Code
            && url
                .split("://")
                .nth(1)
                .is_some_and(|rest| rest.trim_end_matches('/').matches('/').count() <= 2);
        link.is_title
            && entry.venue.is_none()
            && entry.authors.is_none()
            && entry.dates.is_empty()
            && entry.name.is_none()
            && entry.notes.is_empty()
            && !url.starts_with('#')
            && !repository_home
            && entry
                .title
                .as_ref()
                .is_some_and(|t| text[t.inner.clone()].split_whitespace().count() >= 4)
    };
    let habit = items_by_habit(candidates, absorbed, |i, c| !c.paper && title_only(i));
    if habit.len() >= 5 {
        for i in habit {
            candidates[i].paper = true;
        }
    }
}

/// A title on a paragraph of its own, its links in the list right under it
/// (`**Title**` then `- Paper: https://…`, `- Code: https://…`): the list's
/// items are lines of the paragraph's entry, as nested items are of their
/// parent's. Only a list whose every item is a labelled link and nothing
/// else is taken, so a list of papers under a bold intro stays a list of papers.
fn link_lists(
    text: &str,
    candidates: &mut [Candidate],
    entries: &mut [Entry],
    absorbed: &mut [bool],
    known: &Known<'_>,
) {
    let link_line = |c: &Candidate, e: &Entry| {
        matches!(c.kind, CandidateKind::Item { parent: None, .. })
            && c.children.is_empty()
            && e.venue.is_none()
            && e.dates.is_empty()
            && e.name.is_none()
            && e.authors.is_none()
            && e.links.len() == 1
            && !e.links[0].is_title
            && e.title.as_ref().is_none_or(|t| {
                // `Paper(Oral): [Link](…)`: a label of its own before the link.
                let words = text[t.inner.clone()].trim();
                words.ends_with([':', '：']) && words.split_whitespace().count() <= 2
            })
    };
    let mut p = 0;
    while p < candidates.len() {
        let titled_paragraph = candidates[p].kind == CandidateKind::Paragraph
            && !absorbed[p]
            && entries[p].title.is_some()
            && entries[p].links.is_empty();
        if !titled_paragraph {
            p += 1;
            continue;
        }
        let Some(CandidateKind::Item { list, .. }) = candidates.get(p + 1).map(|c| c.kind) else {
            p += 1;
            continue;
        };
        let next_to = |a: &Entry, b: &Entry| {
            a.item.end <= b.item.start && text[a.item.end..b.item.start].trim().is_empty()
        };
        if candidates[p + 1].heading != candidates[p].heading
            || !next_to(&entries[p], &entries[p + 1])
        {
            p += 1;
            continue;
        }
        // The list's items, up to the next block that is not one of them.
        let mut end = p + 1;
        while end < candidates.len()
            && matches!(candidates[end].kind, CandidateKind::Item { list: l, .. } if l == list)
        {
            end += 1;
        }
        let items = p + 1..end;
        // (`- intro: NIPS 2015`, `- arxiv: <…>`, `- github(Caffe): <…>`:
        // lines led by a key, among which one at least links.)
        let keyed = items
            .clone()
            .all(|i| keyed_line(text, &candidates[i], &entries[i]))
            && items.clone().any(|i| !entries[i].links.is_empty());
        if !keyed
            && !items
                .clone()
                .all(|i| link_line(&candidates[i], &entries[i]))
        {
            p = end;
            continue;
        }
        for i in items {
            let (parent, child) = two(entries, p, i);
            absorb(text, parent, child, known);
            parent.item.end = parent.item.end.max(child.item.end);
            absorbed[i] = true;
        }
        candidates[p].paper = links_a_paper(text, &entries[p]);
        candidates[p].empty = false;
        p = end;
    }
}

/// An item that is one line led by a key and a colon (`intro: NIPS 2015`,
/// `github(Caffe): <https://…>`), with one link at most and no title link:
/// a field of the paper over it, as a labelled line is.
fn keyed_line(text: &str, candidate: &Candidate, entry: &Entry) -> bool {
    if !matches!(candidate.kind, CandidateKind::Item { parent: None, .. })
        || !candidate.children.is_empty()
        || entry.links.len() > 1
        || entry.links.iter().any(|l| l.is_title)
    {
        return false;
    }
    let line = text[entry.head.clone()].trim_start();
    let Some(colon) = line.find([':', '：']) else {
        return false;
    };
    let key = &line[..colon];
    // A key of a word or two, perhaps qualified (`github(official, Matlab)`).
    let bare = key.split('(').next().unwrap_or_default().trim();
    !bare.is_empty()
        && bare.split_whitespace().count() <= 2
        && bare
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_'))
        && !line[..colon].contains(['[', '*', '<'])
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

/// Adds a nested item's parts to its parent's (taking them out of the
/// child): a plain "title" that reads as a list of names is the authors line.
/// The name of an item that holds only a bold name (`**HeGAN**`, up to
/// three words) on its line and no part read.
fn bold_name_alone(text: &str, entry: &Entry) -> Option<Name> {
    if entry.title.is_some()
        || entry.name.is_some()
        || entry.venue.is_some()
        || !entry.links.is_empty()
        || entry.authors.is_some()
    {
        return None;
    }
    let head = &text[entry.head.clone()];
    let line = head.split('\n').next().unwrap_or_default();
    let lead = line.len() - line.trim_start().len();
    let written = line.trim();
    let inner = written.strip_prefix("**")?.strip_suffix("**")?;
    // (A year makes it a venue's or a year's label, no paper's name.)
    if inner.trim().is_empty()
        || inner.contains(['*', '[', ']', '(', ')'])
        || inner.split_whitespace().count() > 3
        || !super::date::years(inner).is_empty()
    {
        return None;
    }
    let start = entry.head.start + lead;
    Some(Name {
        span: start..start + written.len(),
        inner: start + 2..start + written.len() - 2,
        form: Form::Bold,
        place: Place::Line(0),
    })
}

fn absorb(text: &str, parent: &mut Entry, child: &mut Entry, known: &Known<'_>) {
    let sub = Place::SubItem;
    // `- **node2vec**` over `- [node2vec: Scalable Feature Learning for
    // Networks](url), KDD'16`: the title the name heads, linked.
    let mut title_link: Option<Span> = None;
    if parent.title.is_none()
        && parent.name.is_some()
        && let Some(title) = child
            .title
            .take_if(|t| matches!(t.form, Form::Linked | Form::LinkedBold))
    {
        title_link = Some(title.span.clone());
        parent.title = Some(Title {
            place: sub,
            ..title
        });
    }
    // `* GoogLeNet [[Paper]](…)` over `* Karen Simonyan and Andrew
    // Zisserman, Very Deep …, ICLR, 2015.`: the item names the paper, the
    // reference under it gives its title, authors, venue and year.
    if let Some(title) = &child.title
        && title.form == Form::Plain
        && child.links.is_empty()
        && parent.name.is_none()
        && let Some(parent_title) = &parent.title
        && text[parent_title.inner.clone()].split_whitespace().count() <= 6
        && let Some((authors, cited, rest)) =
            read::comma_citation(text, title.span.start..child.span.end, known)
    {
        let line = read::line_fields(text, rest, known);
        // The item may give the title itself: then it names nothing else.
        let same = text[parent_title.inner.clone()]
            .trim()
            .eq_ignore_ascii_case(text[cited.clone()].trim());
        parent.name = (!same).then(|| Name {
            span: parent_title.span.clone(),
            inner: parent_title.inner.clone(),
            form: parent_title.form,
            place: parent_title.place,
        });
        parent.title = Some(Title {
            span: cited.clone(),
            inner: cited.clone(),
            form: Form::Plain,
            place: sub,
            prefix: read::title_prefix(&text[cited.clone()])
                .map(|(offset, name)| cited.start + offset..cited.start + offset + name.len()),
        });
        child.title = None;
        child.authors = Some(Authors {
            span: authors.clone(),
            inner: authors,
            form: Form::Plain,
            place: sub,
        });
        child.venue = line.venue;
        child.dates = line.dates;
        child.notes.extend(line.notes);
    }
    // `- **HeGAN**` over `- Adversarial Learning on Heterogeneous
    // Information Networks, KDD 2019`: the item names the paper, the line
    // under it gives its title (and venue).
    if let Some(title) = &child.title
        && title.form == Form::Plain
        && child.links.is_empty()
        && parent.name.is_none()
        && let Some(parent_title) = &parent.title
        && matches!(parent_title.form, Form::Bold | Form::Plain)
        && text[parent_title.inner.clone()].split_whitespace().count() <= 2
        // `- Cliff-Learning.`, `- Machine Love.`: a sentence's period ends
        // a title as the list writes titles; a name has none.
        && !text[parent_title.inner.clone()].trim_end().ends_with('.')
        && text[title.inner.clone()].split_whitespace().count() >= 3
        && !looks_like_authors(&text[title.inner.clone()], true)
    {
        parent.name = Some(Name {
            span: parent_title.span.clone(),
            inner: parent_title.inner.clone(),
            form: parent_title.form,
            place: parent_title.place,
        });
        parent.title = Some(Title {
            place: sub,
            ..title.clone()
        });
        child.title = None;
    }
    // (Words in capitals with no comma or `and` between them, `Graph
    // Wavelet Neural Network`, pass for one author's name read alone; under
    // a name, they are the title it heads.)
    let one_run = |words: &str| {
        !words.contains([',', ';', '&'])
            && !words.split_whitespace().any(|w| w == "and" || w == "et")
    };
    if let Some(title) = &child.title
        && title.form == Form::Plain
        && child.links.is_empty()
        && parent.title.is_none()
        && parent.name.is_some()
        && text[title.inner.clone()].split_whitespace().count() >= 3
        && (!looks_like_authors(&text[title.inner.clone()], true)
            || one_run(&text[title.inner.clone()]))
    {
        parent.title = Some(Title {
            place: sub,
            ..title.clone()
        });
        child.title = None;
    }
    // (The same, read as authors already.)
    if child.title.is_none()
        && child.links.is_empty()
        && parent.title.is_none()
        && parent.name.is_some()
        && let Some(authors) = &child.authors
        && authors.form == Form::Plain
        && {
            let words = text[authors.inner.clone()].trim();
            words.split_whitespace().count() >= 3 && one_run(words)
        }
    {
        let authors = child.authors.take().expect("checked above");
        parent.title = Some(Title {
            span: authors.span,
            inner: authors.inner.clone(),
            form: Form::Plain,
            place: sub,
            prefix: read::title_prefix(&text[authors.inner.clone()]).map(|(offset, name)| {
                authors.inner.start + offset..authors.inner.start + offset + name.len()
            }),
        });
    }
    // A plain line with nothing else read in it: read again as the line of
    // an entry (`A, B, and C. AAMAS, 2024.`).
    if let Some(title) = &child.title
        && title.form == Form::Plain
        && child.venue.is_none()
        && child.dates.is_empty()
        && child.authors.is_none()
    {
        let line = read::line_fields(text, title.span.clone(), known);
        if line.venue.is_some() || line.authors.is_some() || !line.dates.is_empty() {
            child.title = None;
            child.venue = line.venue;
            child.dates = line.dates;
            child.authors = line.authors;
            child.notes.extend(line.notes);
        }
    }
    // `Sherry Yang, Ofir Nachum, ...`: read alone, the line's first name
    // passed for a title and the others for the authors after it.
    if let (Some(title), Some(authors)) = (&child.title, &mut child.authors)
        && title.form == Form::Plain
        && title.span.end <= authors.span.start
        && text[title.span.end..authors.span.start].trim() == ","
        && looks_like_authors(&text[title.inner.clone()], true)
    {
        authors.span.start = title.span.start;
        authors.inner.start = title.inner.start;
        child.title = None;
    }
    if let Some(title) = child.title.take() {
        if title.form == Form::Plain
            && child.authors.is_none()
            && looks_like_authors(&text[title.inner.clone()], true)
        {
            child.authors = Some(Authors {
                span: title.span,
                inner: title.inner,
                form: Form::Plain,
                place: sub,
            });
        } else {
            parent.notes.push(title.span);
        }
    }
    if let Some(mut venue) = child.venue.take() {
        venue.place = sub;
        if parent.venue.is_none() {
            parent.venue = Some(venue);
        } else {
            parent.notes.push(venue.span);
        }
    }
    for mut date in child.dates.drain(..) {
        date.place = sub;
        parent.dates.push(date);
    }
    if let Some(mut authors) = child.authors.take() {
        authors.place = sub;
        if parent.authors.is_none() {
            parent.authors = Some(authors);
        } else {
            parent.notes.push(authors.span);
        }
    }
    if let Some(name) = child.name.take() {
        parent.notes.push(name.span);
    }
    for mut link in child.links.drain(..) {
        link.place = sub;
        link.is_title = title_link.as_ref() == Some(&link.span);
        parent.links.push(link);
    }
    parent.notes.append(&mut child.notes);
    parent.notes.sort_unstable_by_key(|n| n.start);
    parent.span = parent.span.start.min(child.span.start)..parent.span.end.max(child.span.end);
}

/// A group of entries judged together: region (`None` for the file), block
/// kind, and for rows the kind of table.
type Key = (Option<usize>, BlockKind, usize);

/// Joins the groups of regions whose entries are written alike, so that a
/// convention is judged on all the entries that follow it: five entries of
/// one topic are too few to tell a missing venue from an optional one, fifty
/// over ten topics are not. Rows keep their tables. Returns the groups'
/// shapes, inferred on the way.
fn merge_alike(
    text: &str,
    entries: &[Entry],
    keys: &mut Vec<Key>,
    merged: &mut HashMap<Key, Vec<usize>>,
    group_of: &mut HashMap<Key, Key>,
) -> HashMap<Key, Shape> {
    let groups: Vec<&[usize]> = keys.iter().map(|k| merged[k].as_slice()).collect();
    let tallies = tally_groups(text, entries, &groups);
    let shapes: Vec<Shape> = keys
        .iter()
        .zip(&tallies)
        .map(|(k, tally)| tally.shape(k.1, None))
        .collect();
    if keys.len() < 2 {
        return keys.iter().copied().zip(shapes).collect();
    }
    // Each group joins the first earlier group written alike.
    let mut into: Vec<usize> = (0..keys.len()).collect();
    for b in 1..keys.len() {
        if keys[b].1 == BlockKind::Row {
            continue;
        }
        into[b] = (0..b)
            .find(|&a| into[a] == a && shapes[a].same_layout(&shapes[b]))
            .unwrap_or(b);
    }
    // A joined group belongs to no one region.
    let target = |b: usize| -> Key {
        let a = into[b];
        let joined = into.iter().enumerate().any(|(c, &t)| t == a && c != a);
        if joined {
            (None, keys[a].1, 0)
        } else {
            keys[a]
        }
    };
    let targets: Vec<Key> = (0..keys.len()).map(target).collect();
    if targets.iter().zip(keys.iter()).all(|(t, k)| t == k) {
        return keys.iter().copied().zip(shapes).collect();
    }
    // A joined group's counts are its members' together.
    let mut joined: HashMap<Key, Tally> = HashMap::default();
    for (tally, target) in tallies.iter().zip(&targets) {
        joined.entry(*target).or_default().add(tally);
    }
    let inferred = joined
        .into_iter()
        .map(|(key, tally)| (key, tally.shape(key.1, key.0)))
        .collect();
    let mut regrouped: HashMap<Key, Vec<usize>> = HashMap::default();
    for (key, target) in keys.iter().zip(&targets) {
        regrouped
            .entry(*target)
            .or_default()
            .extend(merged[key].iter().copied());
    }
    for group in group_of.values_mut() {
        if let Some(b) = keys.iter().position(|k| k == group) {
            *group = targets[b];
        }
    }
    for members in regrouped.values_mut() {
        members.sort_unstable();
    }
    *merged = regrouped;
    keys.clear();
    keys.extend(merged.keys().copied());
    keys.sort_by_key(|k| merged[k].iter().copied().min());
    inferred
}

/// The level of the headings that cut the file into regions: the highest
/// level used by two headings or more (one `#` title over `##` sections
/// makes `##` the top).
/// The shallowest level with two topic headings or more: the level of the
/// list's regions. A contents heading (`# Table of Contents` beside the
/// list's `# Title`) is no topic: counted, it would make one region of
/// everything after it.
fn top_level(doc: &Document, is_year: &[bool], excluded: &[bool]) -> u8 {
    let mut counts = [0usize; 7];
    for ((h, year), excluded) in doc.headings.iter().zip(is_year).zip(excluded) {
        if h.kind != HeadingKind::Summary && !year && !excluded {
            counts[(h.level as usize).min(6)] += 1;
        }
    }
    (1..=6u8)
        .find(|&level| counts[level as usize] >= 2)
        .unwrap_or(1)
}

#[cfg(test)]
mod tests {
    use super::{cites_by_author, in_document_order, is_excluded_heading, readme_section};

    #[test]
    fn a_citation_by_author_and_year_is_told_from_a_title() {
        for label in [
            "Salimans et al., 2016",
            "Powers, 2020",
            "Turing, 1950",
            "Karras et al. 2019",
            "Heusel and Ramsauer, 2017",
        ] {
            assert!(cites_by_author(label), "{label}");
        }
        for label in [
            "Attention Is All You Need",
            "GPT-4, 2023",
            "CVPR 2023",
            "Scaling Laws, 2020",
            "Turing Test",
        ] {
            assert!(!cites_by_author(label), "{label}");
        }
    }

    #[test]
    fn a_repositorys_readme_sections_are_no_papers() {
        for url in [
            "https://github.com/apexrl/Imitation-Learning-Paper-Lists#papers",
            "https://github.com/o/r/#inverse-rl",
            "http://www.github.com/o/r#a",
        ] {
            assert!(readme_section(url), "{url}");
        }
        for url in [
            "https://github.com/o/r",
            "https://github.com/o/r#",
            "https://github.com/o/r/tree/main#readme",
            "https://arxiv.org/abs/2301.00001#section",
            "https://github.com/o#a",
        ] {
            assert!(!readme_section(url), "{url}");
        }
    }

    #[test]
    fn entries_are_put_in_document_order_stably_and_in_place() {
        let text = "- A Paper on Some Things [[pdf]](https://arxiv.org/abs/2301.00001)\n";
        let one = crate::document::Document::parse(text)
            .entries
            .pop()
            .expect("an entry");
        // Each entry's `span` says where it was before the sort.
        let starts = [5, 3, 9, 3, 0, 7, 1, 8, 2, 6, 3];
        let mut entries: Vec<_> = starts
            .iter()
            .enumerate()
            .map(|(was, &start)| {
                let mut entry = one.clone();
                entry.item = start..start + 1;
                entry.span = was..was + 1;
                entry
            })
            .collect();
        let mut expected: Vec<(usize, usize)> = starts.iter().copied().zip(0..).collect();
        // A stable sort: equal starts keep the order they were written in.
        expected.sort_by_key(|&(start, _)| start);
        in_document_order(&mut entries);
        let got: Vec<(usize, usize)> = entries
            .iter()
            .map(|e| (e.item.start, e.span.start))
            .collect();
        assert_eq!(got, expected);
    }

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
            ":collision: Update Log",
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

//! Which of a section's entries the new one is written like: the one
//! written as most of them are.
//!
//! Two entries are written alike when their skeletons are equal: the text
//! of the entry with every part (venue, date, name, title, authors, links,
//! notes) replaced by its role and form, and the list marker by its kind.
//! What is left is what the list writes around its parts.

use std::collections::HashMap;

use super::NewPaper;
use crate::document::{Document, Entry};
use crate::venue::Venues;

/// The entry to write the new paper like. Of the skeletons shared by at
/// least half as many entries as the commonest, the one whose parts the
/// new paper fills best (a code link only with code), then the commonest;
/// where no two entries are written alike, the entry with the least text
/// of its own outside its parts.
pub(super) fn choose<'d>(
    text: &str,
    doc: &Document,
    members: &[&'d Entry],
    paper: &NewPaper,
    venues: &Venues,
) -> &'d Entry {
    let skeletons: Vec<String> = members.iter().map(|e| skeleton(text, doc, e)).collect();
    let unfilled: Vec<usize> = members
        .iter()
        .map(|e| unfilled(text, e, paper) + other_kind(text, e, paper, venues))
        .collect();
    // Each skeleton: how many entries have it, and its best member (the
    // fewest parts left unfilled, the first).
    let mut groups: HashMap<&str, (usize, usize)> = HashMap::new();
    for (i, skeleton) in skeletons.iter().enumerate() {
        let group = groups.entry(skeleton.as_str()).or_insert((i, 0));
        group.1 += 1;
        if unfilled[i] < unfilled[group.0] {
            group.0 = i;
        }
    }
    let most = groups.values().map(|&(_, n)| n).max().unwrap_or(0);
    if most >= 2 {
        let best = groups
            .values()
            // A way most entries are written, or a way three or more are
            // that fits the paper better (the entries with a code link,
            // for a paper with code).
            .filter(|&&(_, n)| n * 2 >= most || n >= 3)
            .min_by_key(|&&(best, n)| (unfilled[best], usize::MAX - n, best));
        if let Some(&(best, _)) = best {
            return members[best];
        }
    }
    let own_text = |i: usize| skeletons[i].chars().filter(|c| c.is_alphanumeric()).count();
    let best = (0..members.len())
        .min_by_key(|&i| (unfilled[i], own_text(i), i))
        .unwrap_or(0);
    members[best]
}

/// The entry's text with its parts and marker replaced by placeholders.
pub(super) fn skeleton(text: &str, doc: &Document, entry: &Entry) -> String {
    let mut spans: Vec<(std::ops::Range<usize>, String)> = entry
        .parts()
        .into_iter()
        .map(|p| {
            (
                p.span.clone(),
                format!("\u{1}{:?}{:?}\u{1}", p.role, p.form),
            )
        })
        .collect();
    if let Some(title) = &entry.title {
        // The title's own link is in its span.
        spans.retain(|(s, _)| {
            !(s.start >= title.span.start && s.end <= title.span.end && s != &title.span)
        });
    }
    if let Some(marker) = entry.block.marker() {
        let kind = match marker.kind {
            crate::document::BulletKind::Bullet(b) => format!("\u{1}{}\u{1}", b as char),
            crate::document::BulletKind::Ordered(d) => format!("\u{1}#{}\u{1}", d as char),
        };
        spans.push((marker.bullet.clone(), kind));
    }
    // Entries nested in it are its own text no more than a description is.
    for nested in doc
        .entries
        .iter()
        .filter(|e| e.in_entry && e.item.start > entry.item.start && e.item.end <= entry.item.end)
    {
        spans.push((nested.item.clone(), "\u{1}nested\u{1}".into()));
    }
    spans.sort_by_key(|(s, _)| (s.start, usize::MAX - s.end));
    let mut out = String::new();
    let mut at = entry.item.start;
    for (span, token) in spans {
        if span.start < at || span.end > entry.item.end {
            continue;
        }
        out.push_str(&text[at..span.start]);
        out.push_str(&token);
        at = span.end;
    }
    out.push_str(&text[at..entry.item.end]);
    // Trailing spaces (a hard break or a slip) and tabs for spaces are
    // nothing a reader sees.
    out.lines()
        .map(|line| line.trim_end().replace('\t', "    "))
        .collect::<Vec<_>>()
        .join("\n")
        .trim_end()
        .to_owned()
}

/// 1 where the entry's venue is a preprint server and the new paper is
/// published, or the other way round: a list may tag the two unlike
/// (`[arXiv]` plain, `[**NeurIPS'25**]` in bold).
fn other_kind(text: &str, entry: &Entry, paper: &NewPaper, venues: &Venues) -> usize {
    let Some(venue) = &entry.venue else {
        return 0;
    };
    let name = text[venue.name.clone()].trim();
    if name.is_empty() {
        return 0;
    }
    let preprint = crate::rules::is_preprint_name(name, venues);
    usize::from(preprint != paper.published.is_none())
}

/// How many of the entry's parts the new paper has nothing to write in.
fn unfilled(text: &str, entry: &Entry, paper: &NewPaper) -> usize {
    let mut n = 0;
    if entry.name.is_some() && paper.short_name().is_none() {
        n += 1;
    }
    if entry.authors.is_some() && paper.authors.is_empty() {
        n += 1;
    }
    if entry.venue.is_some() && paper.published.is_none() && paper.server.is_none() {
        n += 1;
    }
    for (i, link) in entry.links.iter().enumerate() {
        if link.is_title {
            continue;
        }
        match super::render::slot(entry, i) {
            "paper" => {}
            "code" if paper.code.is_some() => {}
            _ => n += 1,
        }
        // A link by reference is written elsewhere.
        if link
            .url
            .as_ref()
            .is_none_or(|u| u.start < entry.item.start || u.end > entry.item.end)
        {
            n += 2;
        }
    }
    // What the new paper has and the entry has no place for.
    let has_code = (0..entry.links.len()).any(|i| super::render::slot(entry, i) == "code");
    if paper.code.is_some() && !has_code {
        n += 1;
    }
    if paper.short_name().is_some() && entry.name.is_none() {
        n += 1;
    }
    // A note of punctuation only (the `.` after a venue) is how the list
    // writes, not what the entry says.
    // A note that names the entry's repository (a stars badge) or its
    // arXiv id names the new paper's, where it has them.
    let repo = super::render::model_repo(text, entry).map(|r| r.to_lowercase());
    let id = super::render::model_arxiv_id(text, entry)
        .filter(|_| matches!(paper.id, crate::paper::PaperId::Arxiv(_)));
    n + entry
        .notes
        .iter()
        .map(|note| text[note.clone()].to_lowercase())
        .filter(|note| note.contains(char::is_alphanumeric))
        .filter(|note| {
            let names_repo = paper.code.is_some()
                && repo
                    .as_ref()
                    .is_some_and(|repo| note.contains(repo.as_str()));
            let names_id = id.as_ref().is_some_and(|id| note.contains(id.as_str()));
            !(names_repo || names_id)
        })
        .count()
}

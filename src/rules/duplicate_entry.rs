//! `duplicate-entry`: the same paper listed twice in one section.

use rustc_hash::{FxBuildHasher, FxHashMap, FxHashSet};

use super::Context;
use crate::diagnostic::Finding;
use crate::document::{Entry, Span};
use crate::identity::{normalized_title, normalized_title_hash, same_paper_titles};
use crate::rule::Rule;
use crate::rule::Severity;
use crate::url::PaperKey;

/// Where an entry's key came from, to point at it.
#[derive(Clone)]
struct Seen {
    entry: usize,
    span: Span,
}

/// The part of a list an entry is compared within: its topic (the heading,
/// and the bold line heading a group of items below it), or the whole list.
/// Year sections do not part it: the same paper under two years of a topic
/// is listed twice.
type Scope = Option<(Option<usize>, Option<u32>)>;

/// Whether the list is grouped by topic: its entries sit under two topic
/// headings or group labels or more.
pub(super) fn grouped_by_topic(entries: &[Entry]) -> bool {
    let mut topics = FxHashSet::default();
    for entry in entries.iter().filter(|e| !e.in_entry) {
        topics.insert((entry.topic, entry.group));
        if topics.len() >= 2 {
            return true;
        }
    }
    false
}

pub(super) fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let entries = &ctx.doc.entries;
    let per_section = grouped_by_topic(entries) && !ctx.settings.duplicates_across_sections;
    let scope = |e: &Entry| -> Scope { per_section.then_some((e.topic, e.group)) };
    let mut by_link: FxHashMap<(Scope, PaperKey), Seen> =
        FxHashMap::with_capacity_and_hasher(entries.len(), FxBuildHasher);
    // Titles are keyed by a hash of their normalized form; a hash match is
    // confirmed by comparing the titles themselves. The map holds the first
    // title of each hash; the rare others chain from it in `titles`, so that
    // a list of distinct titles allocates nothing per title.
    let mut by_title: FxHashMap<(Scope, u64), usize> =
        FxHashMap::with_capacity_and_hasher(entries.len(), FxBuildHasher);
    let mut titles: Vec<(Seen, Option<usize>)> = Vec::with_capacity(entries.len());
    // Entries nested under an entry are versions of it, not duplicates.
    for (index, entry) in entries.iter().enumerate().filter(|(_, e)| !e.in_entry) {
        let here = scope(entry);
        let title = entry.title.as_ref().map(|t| ctx.text(&t.inner));
        let mut reported = false;
        for &(key, url) in ctx.identities.paper_keys(index) {
            match by_link.get(&(here, key)) {
                Some(first) if first.entry != index => {
                    let first_title = title_of(ctx, &entries[first.entry]);
                    let same = match (title, first_title) {
                        (Some(a), Some(b)) => same_paper_titles(a, b),
                        // Two untitled items linking one paper are its links
                        // listed apart (`* [Link](…)`, `* [Paper](…)` under
                        // the paper's heading), not the paper twice.
                        (None, None) => false,
                        // An untitled row that names what it is in its link
                        // (`| [SDR-PRSQ](arxiv) |` under `| [Complex U-net
                        // reimplemented](arxiv) |`, two methods of a results
                        // table from one paper) is no copy of the other.
                        (None, Some(other)) => !labelled_apart(ctx, entry, url, other),
                        (Some(this), None) => {
                            !labelled_apart(ctx, &entries[first.entry], &first.span, this)
                        }
                    } && !named_apart(ctx, &entries[first.entry], entry);
                    // One link under two titles is `shared-link`'s.
                    if same && !reported {
                        // (An entry with no title of its own is the other's
                        // link again, a stub: it has no title to share.)
                        let why = if title.is_some() {
                            format!("same {key} and title")
                        } else {
                            format!("same {key}, and no title of its own")
                        };
                        out.push(duplicate(
                            ctx,
                            index,
                            url.clone(),
                            first,
                            &why,
                            Severity::Error,
                        ));
                        reported = true;
                    }
                }
                Some(_) => {}
                None => {
                    by_link.insert(
                        (here, key),
                        Seen {
                            entry: index,
                            span: url.clone(),
                        },
                    );
                }
            }
        }
        if reported {
            continue;
        }
        let (Some(title_part), Some(title)) = (&entry.title, title) else {
            continue;
        };
        // Hashed without being built; built only to confirm a hash match.
        let (hash, length) = normalized_title_hash(title);
        if length < 8 || cut_short(title) {
            continue;
        }
        let chain = by_title.get(&(here, hash)).copied();
        let first = chain.and_then(|head| {
            let normalized = normalized_title(title);
            let mut at = Some(head);
            while let Some(i) = at {
                let (seen, next) = &titles[i];
                let seen_title = title_of(ctx, &entries[seen.entry]).unwrap_or_default();
                if normalized_title(seen_title) == normalized {
                    return Some(seen);
                }
                at = *next;
            }
            None
        });
        match first {
            Some(first) => {
                if !are_versions(ctx, first.entry, index)
                    && !named_apart(ctx, &entries[first.entry], entry)
                {
                    // Two papers apart by every identifier under one
                    // title: a title copied onto the wrong entry, whose
                    // removal would lose a paper.
                    let keys = |i: usize| -> Vec<_> {
                        ctx.identities
                            .paper_keys(i)
                            .iter()
                            .map(|(k, _)| *k)
                            .collect()
                    };
                    // Of one kind: a paper has one arXiv id, where its
                    // arXiv and published pages are two of its addresses.
                    let (mine, theirs) = (keys(index), keys(first.entry));
                    let arxiv =
                        |k: &crate::url::PaperKey| matches!(k, crate::url::PaperKey::Arxiv(_));
                    let apart = mine.iter().any(arxiv)
                        && theirs.iter().any(arxiv)
                        && !mine.iter().any(|k| theirs.contains(k));
                    let mut finding = duplicate(
                        ctx,
                        index,
                        title_part.inner.clone(),
                        first,
                        "same title",
                        Severity::Warning,
                    );
                    if apart {
                        let line = ctx.line(entries[first.entry].span.start);
                        finding.message = format!(
                            "same title as the entry on line {line}, but another arXiv paper: the paper posted twice, or one of the two has the wrong title or the wrong links"
                        );
                        finding.help = Some(
                            "check which paper each link is; give the entry its own title, or its own links"
                                .to_owned(),
                        );
                    }
                    out.push(finding);
                }
            }
            None => {
                // The newest title heads its hash's chain.
                titles.push((
                    Seen {
                        entry: index,
                        span: title_part.inner.clone(),
                    },
                    chain,
                ));
                by_title.insert((here, hash), titles.len() - 1);
            }
        }
    }
    // One paper link under two titles, apart: the paper twice, retitled.
    super::shared_link::check_listed_twice(ctx, out);
}

/// Two entries of one paper under two names are two things it presents
/// (`MMLU (College Medicine)` and `MMLU (Professional Medicine)`, the
/// subsets of one benchmark), listed apart on purpose. So is a table's row
/// that names what the paper introduced (its `MCMD` dataset in a table of
/// benchmarks) beside an item or paragraph citing the paper itself.
fn named_apart(ctx: &Context, a: &Entry, b: &Entry) -> bool {
    use crate::document::BlockKind;
    let named_row =
        |x: &Entry, y: &Entry| x.block.kind() == BlockKind::Row && y.block.kind() != BlockKind::Row;
    match (&a.name, &b.name) {
        (Some(x), Some(y)) => !ctx.text(&x.inner).eq_ignore_ascii_case(ctx.text(&y.inner)),
        (Some(_), None) => named_row(a, b),
        (None, Some(_)) => named_row(b, a),
        (None, None) => false,
    }
}

/// Whether the untitled `entry` names what it is in the label of its link
/// at `url` (a name, not a kind of link), and that name is not `title`.
fn labelled_apart(ctx: &Context, entry: &Entry, url: &Span, title: &str) -> bool {
    entry.links.iter().any(|link| {
        link.url.as_ref() == Some(url)
            && link.kind == crate::label::LabelKind::Unknown
            && !link.generic
            && {
                let label = ctx.text(&link.label).trim();
                !label.is_empty() && !same_paper_titles(label, title)
            }
    })
}

fn title_of<'a>(ctx: &Context<'a>, entry: &Entry) -> Option<&'a str> {
    entry.title.as_ref().map(|t| ctx.text(&t.inner))
}

/// Two entries of one title that are two publications: two arXiv ids by
/// other authors, other authors and other paper links, or different venues, neither a preprint server, and
/// different paper links (an ICIP paper and its journal version).
fn are_versions(ctx: &Context, index_a: usize, index_b: usize) -> bool {
    let text = ctx.source.text();
    let (a, b) = (&ctx.doc.entries[index_a], &ctx.doc.entries[index_b]);
    let venue = |e: &Entry| {
        e.venue
            .as_ref()
            .map(|v| text[v.name.clone()].to_lowercase())
    };
    let (va, vb) = (venue(a), venue(b));
    let keys = |index| -> Vec<PaperKey> {
        ctx.identities
            .paper_keys(index)
            .iter()
            .map(|&(key, _)| key)
            .collect()
    };
    let (keys_a, keys_b) = (keys(index_a), keys(index_b));
    let arxiv = |keys: &[PaperKey]| -> Vec<String> {
        keys.iter()
            .filter_map(|k| match k {
                PaperKey::Arxiv(id) => Some(id.to_string()),
                _ => None,
            })
            .collect()
    };
    let (arxiv_a, arxiv_b) = (arxiv(&keys_a), arxiv(&keys_b));
    // Two arXiv ids by other authors are two papers (two surveys may share
    // a title); one paper keeps its id through its versions.
    let authors = |e: &Entry| e.authors.as_ref().map(|x| &text[x.inner.clone()]);
    let other_authors = matches!((authors(a), authors(b)), (Some(x), Some(y)) if !crate::identity::same_authors(x, y));
    let two_preprints = !arxiv_a.is_empty()
        && !arxiv_b.is_empty()
        && !arxiv_a.iter().any(|id| arxiv_b.contains(id))
        && other_authors;
    // A preprint and the venue that published it are one paper listed
    // twice: the preprint's entry is the stale one.
    let preprints = ctx.settings.venues.preprints();
    // (`arXiv preprint`, `ArXiv e-prints`: the server, named at length.)
    let preprint = |v: &Option<String>| {
        v.as_ref().is_some_and(|v| {
            let first = v.split_whitespace().next().unwrap_or_default();
            preprints.iter().any(|p| p == v || p == first)
                || v.split_whitespace().any(|w| w == "preprint")
        })
    };
    // One title by other authors, linking other papers: two works under
    // a short title (`Deep learning`, the book and the review).
    let two_works = other_authors
        && !keys_a.is_empty()
        && !keys_b.is_empty()
        && !keys_a.iter().any(|k| keys_b.contains(k));
    two_preprints
        || two_works
        || (va.is_some()
            && vb.is_some()
            && va != vb
            && !preprint(&va)
            && !preprint(&vb)
            && !keys_a.is_empty()
            && !keys_b.is_empty()
            && !keys_a.iter().any(|k| keys_b.contains(k)))
}

/// Reported at the copy's first line, where a reader sees the entry begin;
/// `at` (the shared link or title) is labelled.
fn duplicate(
    ctx: &Context,
    entry: usize,
    at: Span,
    first: &Seen,
    why: &str,
    severity: Severity,
) -> Finding {
    let line = ctx.line(ctx.doc.entries[first.entry].span.start);
    let head = ctx.doc.entries[entry].head.clone();
    let finding = Finding::new(
        Rule::DuplicateEntry,
        head.clone(),
        format!("duplicate of the entry on line {line} ({why})"),
    )
    .severity(severity)
    .label("listed again here")
    .related(first.span.clone(), "first listed here")
    .help("keep one entry; merge its links and use the published venue");
    if at.start >= head.end || at.end <= head.start {
        finding.related(at, "the same here")
    } else {
        finding
    }
}

/// Whether a title ends on a word that cannot end one (`Contains the
/// implementation of`, read up to a link in a description): a fragment,
/// which two entries share without being one paper.
fn cut_short(title: &str) -> bool {
    let last = title
        .trim_end()
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or_default();
    [
        "of", "the", "a", "an", "for", "and", "to", "in", "with", "on", "by", "via", "from",
    ]
    .contains(&last.to_ascii_lowercase().as_str())
}

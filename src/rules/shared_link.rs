//! `shared-link`: two different papers carrying the same paper link (or
//! the same code repository): one of them links the wrong one.

use rustc_hash::FxHashMap;

use super::Context;
use crate::diagnostic::Finding;
use crate::document::{Entry, Span};
use crate::identity::{RepoKey, code_repos, other_authors, same_paper_titles, title_spells};
use crate::rule::Rule;
use crate::rule::Severity;
use crate::url::PaperKey;

#[derive(Clone)]
struct Seen {
    entry: usize,
    span: Span,
}

/// A repository's entries: only the first two matter (a third makes it an
/// umbrella repository), so none of them needs a list of its own.
struct RepoSeen {
    first: Seen,
    second: Option<Seen>,
    more: bool,
}

pub(super) fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let text = ctx.source.text();
    let entries = &ctx.doc.entries;
    // The entries reported: a wrong link copied into several entries, or
    // one paper's several listings sharing one wrong entry's link, is each
    // wrong entry's finding once.
    let mut reported = rustc_hash::FxHashSet::default();
    // Pairs that share their code repository as well as their paper link,
    // reported once for both.
    let mut repo_pairs: Vec<(usize, usize)> = Vec::new();
    // The entries found to carry their own paper's link: a title listed
    // again with that link (a paper under two labels of a survey) carries
    // its own too, whatever other title shares it.
    let mut rightful: Vec<usize> = Vec::new();
    each_shared_paper_link(ctx, |index, url, other, key| {
        if listed_twice_pair(ctx, index, other) {
            return;
        }
        let relisting =
            |e: &usize| match (title_of(ctx, &entries[*e]), title_of(ctx, &entries[index])) {
                (Some(a), Some(b)) => same_paper_titles(a, b),
                _ => false,
            };
        if rightful.iter().any(relisting) {
            return;
        }
        // The later entry is the one reported, unless the dates settle it
        // the other way: the paper was posted when the later one says.
        let here = Seen {
            entry: index,
            span: url.clone(),
        };
        let dated = dated_owner(ctx, key, index, other.entry);
        // Or the address names one of the two (its name, or its first
        // author as proceedings do).
        let named = || {
            let named = owner(ctx, ctx.text(url), &entries[other.entry], &entries[index])?;
            Some(std::ptr::eq(named, &entries[index]))
        };
        let owned_here = match &dated {
            Some(owner) => owner.entry == index,
            None => named().unwrap_or(false),
        };
        let (wrong, right) = if owned_here {
            (other.clone(), here)
        } else {
            (here, other.clone())
        };
        rightful.push(right.entry);
        if !reported.insert(wrong.entry) {
            return;
        }
        // Its code repository too (`[[Paper](…/2501.05179)] [[Code](…/GlobalCom2)]`
        // under two titles of one subject): one paper renamed, listed
        // twice, as likely as a line copied whole and given another title.
        // Said so, once.
        // (Titles that share a rare word, as a paper's two titles do; a
        // copied line's new title is another paper's.)
        if let Some(repo) = shared_repo(ctx, wrong.entry, right.entry)
            && one_paper(ctx, &entries[wrong.entry], &entries[right.entry])
        {
            repo_pairs.push((right.entry.min(wrong.entry), right.entry.max(wrong.entry)));
            out.push(copied_or_renamed(
                ctx,
                &wrong,
                &right,
                &format!("{key}"),
                repo,
            ));
            return;
        }
        let mut finding = shared(
            ctx,
            &entries[wrong.entry],
            &wrong.span,
            &right,
            &format!("{key}"),
            Severity::Error,
        );
        // Two titles with nothing in common on one link, and nothing in the
        // file to say whose it is: a neighbour's link copied, or one paper
        // retitled between versions (`GKD: …` on arXiv, `On-Policy
        // Distillation of …` at its conference) and listed under both.
        // Offline the two look alike; the message claims neither.
        if dated.is_none() && named().is_none() {
            let first = title_of(ctx, &entries[right.entry]).unwrap_or_default();
            finding.message = format!(
                "same {key} as `{}` (line {}), under another title: a link to another paper, or one paper listed twice",
                short(first),
                ctx.line(entries[right.entry].head.start),
            );
            finding.help = Some(
                "link this entry's own paper if it is another one; if the two titles are one paper's, keep one entry"
                    .to_owned(),
            );
        }
        if let Some(owner) = dated {
            finding.help = Some(format!(
                "{key} was posted in {}, as `{}` (line {}) is dated; this entry is dated {}: link its own paper",
                super::month_of_year(owner.posted.0, owner.posted.1),
                short(title_of(ctx, &entries[right.entry]).unwrap_or_default()),
                ctx.line(entries[right.entry].head.start),
                super::month_of_year(owner.wrong_date.0, owner.wrong_date.1),
            ));
        }
        out.push(finding);
    });
    let mut by_repo: FxHashMap<RepoKey, RepoSeen> =
        FxHashMap::with_capacity_and_hasher(entries.len(), Default::default());
    for (index, entry) in entries.iter().enumerate().filter(|(_, e)| !e.in_entry) {
        if title_of(ctx, entry).is_none() {
            continue;
        }
        for (repo, url) in code_repos(text, entry) {
            let here = Seen {
                entry: index,
                span: url.clone(),
            };
            match by_repo.get_mut(&repo) {
                None => {
                    by_repo.insert(
                        repo,
                        RepoSeen {
                            first: here,
                            second: None,
                            more: false,
                        },
                    );
                }
                Some(seen) if seen.first.entry == index => {}
                Some(seen) => match &seen.second {
                    None => seen.second = Some(here),
                    Some(second) if second.entry == index => {}
                    Some(_) => seen.more = true,
                },
            }
        }
    }
    for (repo, seen) in &by_repo {
        // Two papers only: an umbrella repository serves many.
        let (first, Some(second), false) = (&seen.first, &seen.second, seen.more) else {
            continue;
        };
        if repo_pairs.contains(&(first.entry, second.entry)) {
            continue;
        }
        // A link copied by mistake comes from the entry next to it; two
        // papers far apart on one repository are a project's papers
        // (a model and its successor, a method and its workshop version,
        // a paper whose code lives in its group's earlier repository:
        // `XQ-GAN` in `ImageFolder`, `ElasTST` in `ProbTS`), even where
        // the repository is one's very name.
        if second.entry - first.entry > 2 {
            continue;
        }
        // A repository named after one of the two papers and not the other
        // is that paper's, copied to the other; one named after both (a
        // family: `VITA`, `VITA-1.5`) or neither (an organisation's) serves both.
        let repo_name = repo.name;
        // A name the list's titles share (`mamba` in a list of Mamba
        // papers) is its topic's, not one paper's: it names neither.
        let topic = is_topic_word(ctx, repo_name);
        let named = |e: &Entry| !topic && names_repo(ctx, e, repo_name);
        if one_family(ctx, &entries[first.entry], &entries[second.entry])
            || by_the_same_authors(ctx, first.entry, second.entry)
        {
            continue;
        }
        let (first_named, second_named) =
            (named(&entries[first.entry]), named(&entries[second.entry]));
        // Named after neither, it may serve both, unless the two papers are
        // other people's: a repository is its authors' code.
        let strangers =
            !first_named && !second_named && by_other_authors(ctx, first.entry, second.entry);
        if first_named == second_named && !strangers {
            continue;
        }
        // A repository that one paper's name extends by a version
        // (`ARTrackV2` on `MIV-XJTU/ARTrack`) is the project's first
        // paper's, and hosts its successor: it serves both.
        if [first.entry, second.entry]
            .iter()
            .any(|&e| versions_repo(ctx, &entries[e], repo_name))
        {
            continue;
        }
        let (Some(a), Some(b)) = (
            title_of(ctx, &entries[first.entry]),
            title_of(ctx, &entries[second.entry]),
        ) else {
            continue;
        };
        if same_paper_titles(a, b) {
            continue;
        }
        // The one the repository is not named after carries it wrongly;
        // with neither named, the later one, as a line copied from above.
        let (wrong, right) = if second_named {
            (first, second)
        } else {
            (second, first)
        };
        let mut finding = shared(
            ctx,
            &entries[wrong.entry],
            &wrong.span,
            right,
            "code repository",
            Severity::Warning,
        );
        // (Unless the address spells a name, which `shared` says.)
        if first_named != second_named
            && owner(
                ctx,
                ctx.text(&wrong.span),
                &entries[right.entry],
                &entries[wrong.entry],
            )
            .is_none()
        {
            let (line, title) = where_and_what(ctx, right.entry);
            finding.help = Some(format!(
                "`{repo_name}` is named after `{title}` (line {line}): link this paper's own code, or none"
            ));
        }
        if strangers {
            finding.message = format!(
                "same code repository as `{}` (line {}), a paper by other authors",
                short(a),
                ctx.line(entries[first.entry].head.start),
            );
            finding.help = Some(
                "one of the two links another paper's code (likely this one, copied from the entry above): link this paper's own"
                    .to_owned(),
            );
        }
        out.push(finding);
    }
    neighbours_repos(ctx, &by_repo, out);
}

/// Whether two entries' papers are by the same people (most names shared):
/// their repository may be both papers' code.
fn by_the_same_authors(ctx: &Context, a: usize, b: usize) -> bool {
    matches!((authors_of(ctx, a), authors_of(ctx, b)), (Some(a), Some(b)) if crate::identity::same_authors(a, b))
}

/// The entry's authors as written, if it names them.
fn authors_of<'a>(ctx: &Context<'a>, index: usize) -> Option<&'a str> {
    ctx.doc.entries[index]
        .authors
        .as_ref()
        .map(|authors| ctx.text(&authors.inner))
}

/// Whether a repository's name is a word three titles of the list or more
/// have (`Mamba`, `LLaVA` in lists of their papers): the topic's name.
fn is_topic_word(ctx: &Context, repo: &str) -> bool {
    let repo = fold(repo);
    if repo.is_empty() {
        return false;
    }
    ctx.doc
        .entries
        .iter()
        .filter_map(|e| title_of(ctx, e))
        .filter(|title| {
            title
                .split(|c: char| !c.is_alphanumeric())
                .any(|word| word.len() == repo.len() && fold(word) == repo)
        })
        .nth(2)
        .is_some()
}

/// Whether two entries' papers are by other people (both author lists
/// written in full, no name shared).
fn by_other_authors(ctx: &Context, a: usize, b: usize) -> bool {
    matches!((authors_of(ctx, a), authors_of(ctx, b)), (Some(a), Some(b)) if other_authors(a, b))
}

/// A code link one entry down or up from its paper: the repository is
/// named after the entry next to it, which links no code, and not after
/// its own (`Affine-Consistent Transformer` linking `lhaof/PGT`, under
/// `Prompt-based Grouping Transformer`).
fn neighbours_repos(ctx: &Context, by_repo: &FxHashMap<RepoKey, RepoSeen>, out: &mut Vec<Finding>) {
    let entries = &ctx.doc.entries;
    let text = ctx.source.text();
    let mut found: Vec<(usize, Finding)> = Vec::new();
    for seen in by_repo.values().filter(|seen| seen.second.is_none()) {
        let here = &seen.first;
        let entry = &entries[here.entry];
        let Some((repo, _)) = code_repos(text, entry).find(|(_, url)| **url == here.span) else {
            continue;
        };
        if names_repo(ctx, entry, repo.name) || versions_repo(ctx, entry, repo.name) {
            continue;
        }
        let neighbours = [here.entry.checked_sub(1), Some(here.entry + 1)];
        let owners: Vec<usize> = neighbours
            .into_iter()
            .flatten()
            .filter(|&n| {
                entries.get(n).is_some_and(|other| {
                    !other.in_entry
                        && other.shape == entry.shape
                        && title_of(ctx, other).is_some()
                        && code_repos(text, other).next().is_none()
                        && spells_repo(ctx, other, repo.name)
                        && !one_family(ctx, entry, other)
                })
            })
            .collect();
        // (The topic's name is looked for last: it reads every title.)
        let [owner] = owners[..] else {
            continue;
        };
        if is_topic_word(ctx, repo.name) {
            continue;
        }
        let (line, title) = where_and_what(ctx, owner);
        let finding = Finding::new(
            Rule::SharedLink,
            here.span.clone(),
            format!(
                "the code repository `{}` is named after `{title}` (line {line}), the entry {}, not this paper",
                repo.name,
                if owner < here.entry { "above" } else { "below" },
            ),
        )
        .severity(Severity::Warning)
        .label("another entry's repository")
        .related(entries[owner].head.clone(), format!("`{title}`"))
        .help("move the code link to the entry it belongs to, and link this paper's own code if it has any");
        found.push((here.span.start, finding));
    }
    // In the order of the file: the map's order is no order.
    found.sort_by_key(|(at, _)| *at);
    out.extend(found.into_iter().map(|(_, finding)| finding));
}

/// Of two entries on one arXiv id, the one the dates say it is: dated to
/// the month the id was posted, where the other is dated months apart
/// (`[2023/05] Voyager` and `[2023/10] FireAct` on 2305.16291).
#[derive(Clone, Copy)]
struct DatedOwner {
    entry: usize,
    posted: (u16, u8),
    /// The other entry's date, which the id contradicts.
    wrong_date: (u16, u8),
}

fn dated_owner(ctx: &Context, key: PaperKey, a: usize, b: usize) -> Option<DatedOwner> {
    let PaperKey::Arxiv(id) = key else {
        return None;
    };
    let posted = crate::url::arxiv_posted(id)?;
    // Its date, or its venue's when that has a month (`*ACL, Jun 2021*`).
    let month = |index: usize| {
        let entry = &ctx.doc.entries[index];
        entry
            .dates
            .iter()
            .map(|d| &d.year)
            .chain(entry.venue.iter().flat_map(|v| v.years.iter()))
            .find_map(|y| Some((y.value, y.month?)))
    };
    let months_apart = |(y, m): (u16, u8)| {
        (i32::from(y) * 12 + i32::from(m) - i32::from(posted.0) * 12 - i32::from(posted.1)).abs()
    };
    let (date_a, date_b) = (month(a)?, month(b)?);
    // A month's slack: a list dates a paper by its first version, or by the
    // day it read it.
    match (months_apart(date_a) <= 1, months_apart(date_b) <= 1) {
        (true, false) if months_apart(date_b) >= 3 => Some(DatedOwner {
            entry: a,
            posted,
            wrong_date: date_b,
        }),
        (false, true) if months_apart(date_a) >= 3 => Some(DatedOwner {
            entry: b,
            posted,
            wrong_date: date_a,
        }),
        _ => None,
    }
}

/// `duplicate-entry`'s half of the paper links two entries share: the
/// paper listed twice under two titles (see [`one_paper`]).
pub(super) fn check_listed_twice(ctx: &Context, out: &mut Vec<Finding>) {
    let entries = &ctx.doc.entries;
    each_shared_paper_link(ctx, |index, url, other, key| {
        if !listed_twice_pair(ctx, index, other) {
            return;
        }
        // Posted under one title and published under another.
        let how = match key {
            PaperKey::Arxiv(id)
                if preprint_and_publication(ctx, &entries[other.entry], &entries[index], id) =>
            {
                "as its preprint and as published, under two titles"
            }
            _ => "under two titles",
        };
        out.push(listed_twice(ctx, url, other, &format!("{key}"), how));
    });
}

/// Whether the entry at `index` and the earlier one sharing its paper link
/// are one paper twice. (Apart: a link copied by mistake comes from the
/// entry next to it.)
fn listed_twice_pair(ctx: &Context, index: usize, other: &Seen) -> bool {
    let entries = &ctx.doc.entries;
    index - other.entry > 2 && one_paper(ctx, &entries[other.entry], &entries[index])
}

/// Calls `visit` for each entry whose paper link an earlier entry of
/// another title carries (the first such entry, once per entry), but for
/// the pairs that are rightly one link: software and its paper, a paper
/// cross-listed, a pointer to the other.
fn each_shared_paper_link(ctx: &Context, mut visit: impl FnMut(usize, &Span, &Seen, PaperKey)) {
    let entries = &ctx.doc.entries;
    // Every paper key with the entries (first of each distinct title) that
    // carry it: the first inline, the rare others apart, so that a list of
    // unique links (nearly every key) allocates nothing per key.
    let mut first_by_key: FxHashMap<PaperKey, Seen> =
        FxHashMap::with_capacity_and_hasher(entries.len(), Default::default());
    let mut more_by_key: FxHashMap<PaperKey, Vec<Seen>> = FxHashMap::default();
    for (index, entry) in entries.iter().enumerate().filter(|(_, e)| !e.in_entry) {
        let Some(title) = title_of(ctx, entry) else {
            continue;
        };
        let mut visited = false;
        for &(key, url) in ctx.identities.paper_keys(index) {
            let here = Seen {
                entry: index,
                span: url.clone(),
            };
            let Some(first) = first_by_key.get(&key) else {
                first_by_key.insert(key, here);
                continue;
            };
            let more = more_by_key.get(&key);
            let seen = || std::iter::once(first).chain(more.into_iter().flatten());
            if seen().any(|s| s.entry == index) {
                continue;
            }
            let other = seen().find(|s| {
                let first = &entries[s.entry];
                title_of(ctx, first).is_some_and(|t| !same_paper_titles(t, title))
                    && !software_and_its_paper(first, entry)
                    && !cross_listed(ctx, (first, &s.span), (entry, url))
                    && !points_to(ctx, first, &s.span, entry, url)
            });
            // A title seen already under another topic is kept again: a
            // paper cross-listed, then given a neighbour's link in its
            // second topic, is compared with its own topic's entries.
            let listed = seen().any(|s| {
                entries[s.entry].topic == entry.topic
                    && title_of(ctx, &entries[s.entry]).is_some_and(|t| same_paper_titles(t, title))
            });
            if let (Some(other), false) = (other, visited) {
                visit(index, url, other, key);
                visited = true;
            }
            // Later copies compare with every distinct title seen.
            if !listed {
                more_by_key.entry(key).or_default().push(here);
            }
        }
    }
}

/// Whether one of two entries links the other's paper as a pointer to it
/// (`(Similar topic: [2018-NIPSw-rethink](…))`): the link is the other's
/// title link and not its own, while it has a title link of its own.
fn points_to(ctx: &Context, a: &Entry, a_link: &Span, b: &Entry, b_link: &Span) -> bool {
    // (`at` is the link's address.)
    let title_link = |e: &Entry, at: &Span| {
        e.links
            .iter()
            .any(|l| l.is_title && l.url.as_ref() == Some(at))
    };
    let own_title = |e: &Entry, at: &Span| {
        e.links
            .iter()
            .any(|l| l.is_title && l.url.as_ref() != Some(at))
    };
    // The pointer is labelled by what it points to, not as the entry's own
    // paper (`[arXiv]`, a badge): those claim the paper as its own.
    let pointer = |e: &Entry, at: &Span| {
        e.links.iter().any(|l| {
            !l.is_title
                && l.url.as_ref() == Some(at)
                && ctx.settings.labels.kind(ctx.text(&l.label)) == crate::label::LabelKind::Unknown
                && l.form != crate::document::Form::Badge
        })
    };
    (title_link(a, a_link) && pointer(b, b_link) && own_title(b, b_link))
        || (title_link(b, b_link) && pointer(a, a_link) && own_title(a, a_link))
}

/// Whether two entries on one paper link, apart in the list, are that
/// paper twice under two titles (retitled between versions, or listed
/// again as first posted): their titles share a word few of the list's
/// titles use, or they name the same authors. A link copied by mistake
/// comes from the entry beside it, whose title shares the topic's words
/// and, copied whole, its authors: side by side, neither tells the paper
/// twice from a wrong link. (A code repository copied with the link is no
/// evidence either.)
fn one_paper(ctx: &Context, a: &Entry, b: &Entry) -> bool {
    // Other authors on both: two papers, whatever words their titles share
    // (`…Supervised Learning` and `…Unsupervised Images through…`).
    let written = |e: &Entry| e.authors.as_ref().map(|x| ctx.text(&x.inner));
    if let (Some(x), Some(y)) = (written(a), written(b))
        && !crate::identity::same_authors(x, y)
    {
        return false;
    }
    let authors = |e: &Entry| {
        let written = ctx.text(&e.authors.as_ref()?.inner);
        let several = written.contains(',') || written.contains(" and ");
        (several && !written.contains("et al")).then(|| fold(written))
    };
    matches!((authors(a), authors(b)), (Some(x), Some(y)) if x == y) || share_a_rare_word(ctx, a, b)
}

/// One paper in two entries under two titles: `duplicate-entry`'s, a warning
/// since only the reader can tell which title is the paper's now.
fn listed_twice(ctx: &Context, url: &Span, other: &Seen, what: &str, how: &str) -> Finding {
    let (line, first_title) = where_and_what(ctx, other.entry);
    Finding::new(
        Rule::DuplicateEntry,
        url.clone(),
        format!("same {what} as `{first_title}` (line {line}): the paper listed twice, {how}"),
    )
    .severity(Severity::Warning)
    .label("listed again here")
    .related(other.span.clone(), format!("`{first_title}`"))
    .help("keep one entry, under the paper's current title")
}

/// Whether of two entries on one arXiv id, one is a preprint of the year
/// the id was posted and the other a venue's paper of that year or later:
/// the paper as posted and as published, perhaps retitled (`Early Anomaly
/// Detection by Learning and Forecasting Behavior`, arXiv 2020, became
/// `Action Sequence Augmentation for Early Graph-based Anomaly Detection`,
/// CIKM 2021).
fn preprint_and_publication(ctx: &Context, a: &Entry, b: &Entry, id: &str) -> bool {
    let Some((posted, _)) = crate::url::arxiv_posted(id) else {
        return false;
    };
    let year = |e: &Entry| e.year().map(|y| y.value);
    let pair = |preprint: &Entry, published: &Entry| {
        super::names_a_preprint(ctx, preprint)
            && !super::names_a_preprint(ctx, published)
            && published.venue.is_some()
            && year(preprint) == Some(posted)
            && year(published).is_some_and(|y| y >= posted)
    };
    pair(a, b) || pair(b, a)
}

/// Words that join a title's others, never a trace of one paper.
const JOINING_WORDS: [&str; 16] = [
    "with", "from", "into", "over", "than", "that", "this", "through", "towards", "toward",
    "using", "under", "without", "within", "across", "beyond",
];

/// Whether two entries' titles share a word of four letters or more that
/// few of the list's titles use (`ConvNets` in `EdgeFormer: Improving
/// Light-weight ConvNets…` and `ParC-Net: … Merits from ConvNets and
/// Transformer`): a trace of one paper renamed, where `Reinforcement
/// Learning` in a list of reinforcement learning papers is none.
fn share_a_rare_word(ctx: &Context, a: &Entry, b: &Entry) -> bool {
    let words = |e: &Entry| -> Vec<String> {
        title_of(ctx, e)
            .unwrap_or_default()
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() >= 4 && w.chars().any(char::is_alphabetic))
            .map(str::to_lowercase)
            // (`through`, `with`: words of any title, however few use them.)
            .filter(|w| !JOINING_WORDS.contains(&w.as_str()))
            .collect()
    };
    let theirs = words(b);
    let shared: Vec<String> = words(a)
        .into_iter()
        .filter(|w| theirs.contains(w))
        .collect();
    if shared.is_empty() {
        return false;
    }
    let titles: Vec<Vec<String>> = ctx.doc.entries.iter().map(words).collect();
    let rare = 3.max(titles.len() / 50);
    shared
        .iter()
        .any(|w| titles.iter().filter(|t| t.contains(w)).count() <= rare)
}

/// A tool or dataset entry (its title links a repository) that links the
/// paper presenting it, listed elsewhere as a paper: one paper, two entries.
fn software_and_its_paper(a: &Entry, b: &Entry) -> bool {
    let titled_by_repo = |e: &Entry| {
        e.links
            .iter()
            .any(|l| l.is_title && l.host == crate::url::HostKind::Code)
    };
    titled_by_repo(a) || titled_by_repo(b)
}

/// Two entries under different topics of a list grouped by topic, by the
/// same authors (or with authors on neither to tell): a paper cross-listed,
/// perhaps under its arXiv and its conference title. Different authors on
/// one arXiv id are a wrong link wherever the entries are.
fn cross_listed(ctx: &Context, (a, at_a): (&Entry, &Span), (b, at_b): (&Entry, &Span)) -> bool {
    if ctx.settings.duplicates_across_sections || a.topic.is_none() || a.topic == b.topic {
        return false;
    }
    // A paper listed again under another title keeps some of its words
    // (`Sparse Transformers` and `Generating Long Sequences with Sparse
    // Transformers`); two titles with no word of substance in common, by
    // authors not known to be the same, are two papers, one linked wrong.
    let same_authors = match (&a.authors, &b.authors) {
        (Some(x), Some(y)) => crate::identity::same_authors(ctx.text(&x.inner), ctx.text(&y.inner)),
        _ => false,
    };
    // (Between entries of one shape, or two whose titles are the links to
    // the address: a dataset's line or a note that links a paper by a label
    // reads its title otherwise.)
    let titled_by = |e: &Entry, at: &Span| {
        e.links
            .iter()
            .any(|l| l.is_title && l.url.as_ref() == Some(at))
    };
    if !same_authors
        && (a.shape == b.shape || (titled_by(a, at_a) && titled_by(b, at_b)))
        && let (Some(x), Some(y)) = (title_of(ctx, a), title_of(ctx, b))
    {
        let substance = |t: &str| -> Vec<String> {
            crate::identity::words(t)
                .into_iter()
                .filter(|w| w.chars().count() >= 4)
                .collect()
        };
        let (wx, wy) = (substance(x), substance(y));
        let shared = wx.iter().filter(|w| wy.contains(w)).count();
        // (Or with only a few in common, in a list where every title says
        // `dynamics` and `training`: a third of the shorter title's words.)
        if wx.len() >= 3 && wy.len() >= 3 && shared * 3 <= wx.len().min(wy.len()) {
            return false;
        }
    }
    match (&a.authors, &b.authors) {
        (Some(x), Some(y)) => crate::identity::same_authors(ctx.text(&x.inner), ctx.text(&y.inner)),
        _ => true,
    }
}

fn title_of<'a>(ctx: &Context<'a>, entry: &Entry) -> Option<&'a str> {
    entry.title.as_ref().map(|t| ctx.text(&t.inner))
}

fn shared(
    ctx: &Context,
    entry: &Entry,
    url: &Span,
    other: &Seen,
    what: &str,
    severity: Severity,
) -> Finding {
    let first = &ctx.doc.entries[other.entry];
    let line = ctx.line(first.head.start);
    let first_title = title_of(ctx, first).unwrap_or_default();
    let help = match owner(ctx, ctx.text(url), first, entry) {
        // (By its name, or by its first author as proceedings' addresses do.)
        Some(owner) if std::ptr::eq(owner, first) => format!(
            "the address is `{}`'s (line {line}), by the name it spells: give this entry its own paper's link",
            short(first_title)
        ),
        Some(_) => format!(
            "the address is this entry's paper, by the name it spells: `{}` (line {line}) needs its own paper's link",
            short(first_title)
        ),
        None => "one of the two links the wrong paper (check which, and link its own), \
                 or they are one paper under two titles (keep one entry)"
            .to_owned(),
    };
    Finding::new(
        Rule::SharedLink,
        url.clone(),
        format!(
            "same {what} as `{}` (line {line}), a different paper",
            short(first_title)
        ),
    )
    .severity(severity)
    .label("also linked by another paper")
    .related(other.span.clone(), format!("`{}`", short(first_title)))
    .help(help)
}

/// The code repository two entries both link, if they do.
fn shared_repo<'t>(ctx: &Context<'t>, a: usize, b: usize) -> Option<&'t str> {
    let text = ctx.source.text();
    let entries = &ctx.doc.entries;
    crate::identity::code_repos(text, &entries[a]).find_map(|(repo, _)| {
        crate::identity::code_repos(text, &entries[b])
            .any(|(other, _)| other == repo)
            .then_some(repo.name)
    })
}

/// Two entries on one paper link and one code repository under two
/// titles: which of the two stories it is, a paper renamed and listed
/// again or a line copied and retitled, only the reader can tell.
fn copied_or_renamed(ctx: &Context, wrong: &Seen, right: &Seen, what: &str, repo: &str) -> Finding {
    let (line, first_title) = where_and_what(ctx, right.entry);
    Finding::new(
        Rule::SharedLink,
        wrong.span.clone(),
        format!(
            "same {what} and code repository (`{repo}`) as `{first_title}` (line {line}): \
             one paper under two titles, or this entry's links copied from it"
        ),
    )
    .label("also linked by another entry")
    .related(right.span.clone(), format!("`{first_title}`"))
    .help(
        "if the paper was renamed, keep one entry under its current title; \
         otherwise give this entry its own paper's links",
    )
}

/// The one of two entries whose name (or title's name) the address spells
/// (`github.com/o/MedRPG` for MedRPG), or whose first author's surname
/// opens the address's last part as proceedings name their papers
/// (`proceedings.mlr.press/v235/liu24ao.html` for Xu-Hui Liu's, CVF's
/// `Li_Title_CVPR_2023_paper.html`), if exactly one.
fn owner<'e>(ctx: &Context, url: &str, a: &'e Entry, b: &'e Entry) -> Option<&'e Entry> {
    let url = url.to_lowercase();
    let name = |e: &Entry| {
        let name = fold(ctx.text(&name_span(e)?));
        (name.len() >= 3).then_some(name)
    };
    let slug_head = slug_head(&url);
    let spelled = |e: &Entry| {
        name(e).is_some_and(|n| {
            url.split(|c: char| !c.is_alphanumeric())
                .any(|segment| segment == n)
        }) || slug_head.is_some_and(|head| surname(ctx, e).is_some_and(|s| s == head))
    };
    match (spelled(a), spelled(b)) {
        (true, false) => Some(a),
        (false, true) => Some(b),
        _ => None,
    }
}

/// The letters opening an address's last part (`liu` of `…/liu24ao.html`,
/// `li` of `…/Li_Title_CVPR_2023_paper.html`), when the part opens with a
/// word of two letters or more and goes on with a digit or `_`.
fn slug_head(url: &str) -> Option<&str> {
    let path = url.split(['?', '#']).next()?.trim_end_matches('/');
    let last = path.rsplit('/').next()?;
    let head_len = last.bytes().take_while(u8::is_ascii_lowercase).count();
    let next = last.as_bytes().get(head_len)?;
    (head_len >= 2 && (next.is_ascii_digit() || *next == b'_')).then(|| &last[..head_len])
}

/// The first author's surname, lowercase, its first word (`liu` of
/// `Xu-Hui Liu, Tian-Shuo Liu`, `baity` of `Marco Baity-Jesi`), where it
/// is written in ASCII letters.
fn surname(ctx: &Context, entry: &Entry) -> Option<String> {
    let authors = ctx.text(&entry.authors.as_ref()?.inner);
    let first = authors.split([',', ';']).next()?.split(" and ").next()?;
    let last = first.split_whitespace().last()?;
    let word: String = last
        .chars()
        .take_while(char::is_ascii_alphabetic)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    (word.len() >= 2).then_some(word)
}

/// Whether two entries name papers of one family (`VILA` and `NVILA`,
/// `MiniGPT-4` and `MiniGPT-v2`): one name holds the other, or they start
/// alike.
fn one_family(ctx: &Context, a: &Entry, b: &Entry) -> bool {
    let name = |e: &Entry| -> Option<String> {
        let span = name_span(e).or_else(|| {
            let title = e.title.as_ref()?;
            let text = ctx.text(&title.inner);
            let first = text.split([' ', ':']).next()?;
            Some(title.inner.start..title.inner.start + first.len())
        })?;
        let folded = fold(ctx.text(&span));
        (folded.len() >= 3).then_some(folded)
    };
    // `EE-LLM` and `EE-Tuning`: one acronym heads both names.
    let head = |e: &Entry| -> Option<String> {
        let (first, _) = ctx.text(&name_span(e)?).trim().split_once('-')?;
        ((2..=4).contains(&first.len()) && first.bytes().all(|b| b.is_ascii_uppercase()))
            .then(|| first.to_owned())
    };
    if head(a).is_some_and(|x| head(b).is_some_and(|y| x == y)) {
        return true;
    }
    let (Some(a), Some(b)) = (name(a), name(b)) else {
        return false;
    };
    let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    a.contains(&b) || b.contains(&a) || common >= 4
}

/// Whether an entry's name, or its title's opening word, is the repository's name.
fn names_repo(ctx: &Context, entry: &Entry, repo: &str) -> bool {
    let repo = fold(repo);
    if repo.len() < 3 {
        return false;
    }
    let mut spans = Vec::new();
    if let Some(name) = &entry.name {
        spans.push(name.inner.clone());
    }
    if let Some(title) = &entry.title {
        if let Some(prefix) = &title.prefix {
            spans.push(prefix.clone());
        }
        let text = ctx.text(&title.inner);
        let first = text
            .split(|c: char| c.is_whitespace() || c == ':')
            .next()
            .unwrap_or_default();
        let start = title.inner.start + (first.as_ptr() as usize - text.as_ptr() as usize);
        spans.push(start..start + first.len());
    }
    spans.iter().any(|span| {
        let name = fold(ctx.text(span));
        name.len() >= 3 && (repo.starts_with(&name) || name.starts_with(&repo))
    }) || spells_repo(ctx, entry, &repo)
}

/// Whether an entry's name is the repository's name, or its title's words
/// spell it: what says whose a repository is, where a name's first word
/// (`Dynamic` for `dynamic-pooling`) only hints.
fn spells_repo(ctx: &Context, entry: &Entry, repo: &str) -> bool {
    name_span(entry).is_some_and(|span| fold(ctx.text(&span)) == fold(repo))
        || title_of(ctx, entry).is_some_and(|title| title_spells(title, repo))
}

/// Whether the entry's short name is the repository's name and a version
/// after it (`ARTrackV2`, `VITA-1.5`, `Foo2` on `Foo`).
fn versions_repo(ctx: &Context, entry: &Entry, repo: &str) -> bool {
    let repo = fold(repo);
    let Some(span) = name_span(entry) else {
        return false;
    };
    let name = fold(ctx.text(&span));
    repo.len() >= 3 && name.len() > repo.len() && name.starts_with(&repo) && {
        let version = name[repo.len()..].trim_start_matches('v');
        !version.is_empty() && version.bytes().all(|b| b.is_ascii_digit())
    }
}

/// An entry's short name, or the name its title opens with.
fn name_span(entry: &Entry) -> Option<Span> {
    entry
        .name
        .as_ref()
        .map(|n| n.inner.clone())
        .or_else(|| entry.title.as_ref().and_then(|t| t.prefix.clone()))
}

/// A name's letters and digits, in lowercase (`MiniGPT-4` as `minigpt4`).
fn fold(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// A title cut for a message.
/// The line an entry starts on and its title, shortened, as findings
/// name the other entry of a pair.
fn where_and_what(ctx: &Context, index: usize) -> (usize, String) {
    let entry = &ctx.doc.entries[index];
    (
        ctx.line(entry.head.start),
        short(title_of(ctx, entry).unwrap_or_default()),
    )
}

fn short(title: &str) -> String {
    let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
    match title.char_indices().nth(60) {
        Some((cut, _)) => format!("{}…", &title[..cut]),
        None => title,
    }
}

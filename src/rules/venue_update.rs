//! `venue-update`: an entry tagged as a preprint whose paper has since been
//! published. The cheapest evidence first: the list itself, where another
//! entry lists the same paper under its venue (offline); then what arXiv
//! says of it (its `journal_ref`, which arrives in the batches the link
//! check asks for anyway: no request of its own). Online, the link checker
//! asks, and this rule reads the answers.

use std::collections::HashMap;

use super::Context;
use crate::diagnostic::{Edit, Finding, Fix};
use crate::document::{Document, Entry, Span, Venue, YearForm};
use crate::identity;
use crate::paper::{Answer, PaperId};
use crate::rule::Rule;
use crate::source::Source;
use crate::url::PaperKey;
use crate::venue::{VenueCheck, Venues};

/// The arXiv papers of the entries tagged as preprints, with their links.
pub(crate) fn papers(text: &str, doc: &Document, venues: &Venues) -> Vec<(PaperId, Span)> {
    let mut ids = Vec::new();
    for entry in doc
        .entries
        .iter()
        .filter(|e| tagged_preprint(text, e, venues))
    {
        for (key, url) in identity::paper_keys(text, entry) {
            if let PaperKey::Arxiv(id) = key {
                ids.push((PaperId::Arxiv(id.to_owned()), url.clone()));
            }
        }
    }
    ids
}

/// The preprints whose arXiv record names no publication (no
/// `journal_ref`, or one that names none), to ask a batch service about:
/// each with its link.
pub(crate) fn unpublished(
    text: &str,
    doc: &Document,
    venues: &Venues,
    answers: &HashMap<PaperId, Answer>,
) -> Vec<(PaperId, Span)> {
    papers(text, doc, venues)
        .into_iter()
        .filter_map(|(id, url)| {
            let Some(Answer::Found(paper)) = answers.get(&id) else {
                return None;
            };
            let named = paper
                .journal_ref
                .as_deref()
                .and_then(|r| published_in(r, venues));
            let PaperId::Arxiv(bare) = id else {
                return None;
            };
            named.is_none().then_some((PaperId::Publication(bare), url))
        })
        .collect()
}

/// The findings, from what arXiv said, and for the papers arXiv names no
/// publication of, what the batch service said.
pub(crate) fn findings(
    source: &Source,
    doc: &Document,
    venues: &Venues,
    answers: &HashMap<PaperId, Answer>,
) -> Vec<Finding> {
    let text = source.text();
    let mut out = Vec::new();
    // Entries the list itself says were published are told offline.
    let settled: Vec<usize> = listed_published(text, doc, venues, &|_, _| true)
        .into_iter()
        .map(|(index, _)| index)
        .collect();
    for (index, entry) in doc.entries.iter().enumerate() {
        if !tagged_preprint(text, entry, venues) || settled.contains(&index) {
            continue;
        }
        let Some(venue) = &entry.venue else {
            continue;
        };
        let published = identity::paper_keys(text, entry).find_map(|(key, url)| {
            let PaperKey::Arxiv(id) = key else {
                return None;
            };
            let arxiv = match answers.get(&PaperId::Arxiv(id.to_owned())) {
                Some(Answer::Found(paper)) => Some(paper),
                _ => None,
            };
            let named = arxiv.and_then(|paper| {
                let journal_ref = paper.journal_ref.as_deref()?;
                Some((
                    published_in(journal_ref, venues)?,
                    journal_ref,
                    paper.doi.clone(),
                ))
            });
            if let Some(((name, year), journal_ref, doi)) = named {
                return Some((
                    name,
                    year,
                    format!("arXiv gives \u{201c}{journal_ref}\u{201d}"),
                    url,
                    doi,
                ));
            }
            // Semantic Scholar's venue, in DBLP's year.
            let Some(Answer::Found(paper)) = answers.get(&PaperId::Publication(id.to_owned()))
            else {
                return None;
            };
            let (venue, year) = (paper.venue.as_deref()?, paper.year?);
            // (DBLP files a conference's workshops under the conference.)
            if names_no_publication(venue) {
                return None;
            }
            let (name, _) = std::iter::once(venue)
                .chain(paper.venue_aliases.iter().map(String::as_str))
                .find_map(|name| published_in(&format!("{name} {year}"), venues))?;
            let key = paper.journal_ref.as_deref().unwrap_or("DBLP");
            Some((
                name,
                year,
                format!("Semantic Scholar gives \u{201c}{venue}\u{201d}, {year} ({key})"),
                url,
                paper.doi.clone(),
            ))
        });
        let Some((name, year, evidence, url, doi)) = published else {
            continue;
        };
        // The venue as the list writes it, where another entry names it.
        let name = written_by_the_list(text, doc, venues, &name).unwrap_or(name);
        // A preprint's date (`2023.07`) is the posting's: the published
        // venue's year replaces it only where the tag writes a year alone.
        let Some((mut edits, tag)) = retag(text, venue, &name, Some(year)) else {
            continue;
        };
        // The published version's link, where the list's published entries
        // carry one beside arXiv's and the service gives its DOI.
        let link = doi.and_then(|doi| published_link(text, doc, venues, entry, url, &doi));
        let help = match &link {
            Some((link, _)) => {
                edits.push(link.clone());
                format!("write `{tag}`, and link the published version as the list does")
            }
            None => format!("write `{tag}`, and link the published version if the list links one"),
        };
        let mut fix = Fix::new(edits, crate::diagnostic::Applicability::Unsafe);
        fix.adds = link.map(|(_, dest)| dest);
        let was = text[venue.inner.clone()].trim();
        out.push(
            Finding::new(
                Rule::VenueUpdate,
                venue.inner.clone(),
                format!(
                    "the entry is tagged `{was}`, but the paper has been published: {evidence}"
                ),
            )
            .label("a preprint's tag")
            .related(url.clone(), "arXiv's record of this paper")
            .help(help)
            .fix(fix),
        );
    }
    out
}

/// The edit that links the published version (`https://doi.org/{doi}`)
/// beside the entry's arXiv link `arxiv`, as the list's published entries
/// of its shape do: where three or more of them, and half at least, carry
/// a paper link elsewhere than arXiv beside arXiv's, the commonest way
/// (its label, its form, its side of arXiv's link, what separates them).
/// `None` where the entry links a published version already. With the
/// edit, the destination it adds.
fn published_link(
    text: &str,
    doc: &Document,
    venues: &Venues,
    entry: &Entry,
    arxiv: &Span,
    doi: &str,
) -> Option<(Edit, String)> {
    let is_arxiv = |link: &crate::document::Link| {
        link.url.as_ref().is_some_and(|u| {
            matches!(
                crate::url::paper_key(&text[u.clone()]),
                Some(PaperKey::Arxiv(_))
            )
        })
    };
    let elsewhere = |e: &Entry, i: usize| {
        let link = &e.links[i];
        !link.is_title && link.renders() && e.link_category(i) == "paper" && !is_arxiv(link)
    };
    if (0..entry.links.len()).any(|i| elsewhere(entry, i)) {
        return None;
    }
    // Each way: (the published link's text, its URL within it, before
    // arXiv's, the separator) → how many entries write it.
    let mut ways: HashMap<(String, usize, usize, bool, String), usize> = HashMap::new();
    let mut published = 0;
    for other in doc.entries.iter().filter(|e| e.shape == entry.shape) {
        let Some(venue) = &other.venue else { continue };
        if super::is_preprint_name(&text[venue.name.clone()], venues) {
            continue;
        }
        published += 1;
        let Some(arxiv_link) = other.links.iter().find(|l| !l.is_title && is_arxiv(l)) else {
            continue;
        };
        let Some(link) = (0..other.links.len())
            .find(|&i| elsewhere(other, i))
            .map(|i| &other.links[i])
        else {
            continue;
        };
        let (Some(url), before) = (&link.url, link.span.end <= arxiv_link.span.start) else {
            continue;
        };
        let gap = if before {
            link.span.end..arxiv_link.span.start
        } else {
            arxiv_link.span.end..link.span.start
        };
        if gap.start > gap.end || !crate::document::only_separates(&text[gap.clone()]) {
            continue;
        }
        let way = (
            text[link.span.clone()].to_owned(),
            url.start - link.span.start,
            url.end - link.span.start,
            before,
            text[gap].to_owned(),
        );
        // The label and form are what count, not the address.
        let key = (
            format!("{}{}", &way.0[..way.1], &way.0[way.2..]),
            way.1,
            way.0.len() - way.2,
            before,
            way.4.clone(),
        );
        *ways.entry(key).or_default() += 1;
    }
    let carrying: usize = ways.values().sum();
    if carrying < 3 || carrying * 2 < published {
        return None;
    }
    let ((written, url_at, tail, before, gap), _) = ways
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))?;
    let dest = format!("https://doi.org/{doi}");
    let link = format!(
        "{}{dest}{}",
        &written[..url_at],
        &written[written.len() - tail..]
    );
    // The entry's own arXiv link, whose span holds `arxiv` (its URL).
    let own = entry
        .links
        .iter()
        .find(|l| l.url.as_ref() == Some(arxiv) && !l.is_title)?;
    let edit = if before {
        Edit::insert(own.span.start, format!("{link}{gap}"))
    } else {
        Edit::insert(own.span.end, format!("{gap}{link}"))
    };
    Some((edit, dest))
}

/// The edits that retag `venue` as `name` of `year` (the year in the
/// tag's own form: `'23`, `23`, `2023`), and the tag they write. `None`
/// where the tag's year is a date (`2023.07`, the posting's), or where it
/// has a year and the publication's is not known.
fn retag(text: &str, venue: &Venue, name: &str, year: Option<u16>) -> Option<(Vec<Edit>, String)> {
    let mut edits = vec![Edit::replace(venue.name.clone(), name.to_owned())];
    if let Some(written) = venue.years.first() {
        let year = year?;
        let digits = match written.form {
            YearForm::Short => format!("'{:02}", year % 100),
            YearForm::Bare => format!("{:02}", year % 100),
            YearForm::Full => year.to_string(),
            _ => return None,
        };
        edits.push(Edit::replace(written.span.clone(), digits));
    }
    // The tag as the fix writes it: the edits made inside its text.
    let mut at = venue.inner.start;
    let mut tag = String::new();
    let mut sorted: Vec<&Edit> = edits.iter().collect();
    sorted.sort_by_key(|e| e.span.start);
    for edit in sorted {
        if edit.span.start < at || edit.span.end > venue.inner.end {
            continue;
        }
        tag.push_str(&text[at..edit.span.start]);
        tag.push_str(&edit.content);
        at = edit.span.end;
    }
    tag.push_str(&text[at.min(venue.inner.end)..venue.inner.end]);
    Some((edits, tag.trim().to_owned()))
}

/// The offline half: an entry tagged as a preprint whose paper another
/// entry of the list names under a venue (`[arXiv 2022]` in one topic,
/// `[CVPR 2023]` in another, one arXiv id and one title).
pub(super) fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let text = ctx.source.text();
    let venues = &ctx.settings.venues;
    for (index, other) in listed_published(text, ctx.doc, venues, &|_, _| true) {
        let entries = &ctx.doc.entries;
        let (Some(venue), Some(published)) = (&entries[index].venue, &entries[other].venue) else {
            continue;
        };
        let name = published.written_name(text);
        let year = published.years.first().map(|y| y.value);
        let named = match year {
            Some(year) => format!("{} {year}", name.trim()),
            None => name.trim().to_owned(),
        };
        let line = ctx.line(published.inner.start);
        let was = text[venue.inner.clone()].trim();
        let mut finding = Finding::new(
            Rule::VenueUpdate,
            venue.inner.clone(),
            format!("the entry is tagged `{was}`, but the list names this paper `{named}` at line {line}"),
        )
        .label("a preprint's tag")
        .related(published.inner.clone(), "the paper's venue");
        match retag(text, venue, name.trim(), year) {
            Some((edits, tag)) => {
                finding = finding
                    .help(format!("write `{tag}`, as line {line} names the paper"))
                    .fix(Fix::new(edits, crate::diagnostic::Applicability::Unsafe));
            }
            None => {
                finding = finding.help(format!(
                    "tag the entry with the paper's venue, as line {line} does"
                ));
            }
        }
        out.push(finding);
    }
}

/// The entries tagged as preprints whose paper (one paper key, one title)
/// another entry names under a venue the vocabulary knows, not a preprint
/// server's or a workshop's: each with the first such entry that `apart`
/// lets it be compared with.
fn listed_published(
    text: &str,
    doc: &Document,
    venues: &Venues,
    apart: &dyn Fn(&Entry, &Entry) -> bool,
) -> Vec<(usize, usize)> {
    let published_venue = |entry: &Entry| {
        let Some(venue) = &entry.venue else {
            return false;
        };
        let name = venue.written_name(text);
        let name = name.trim();
        let workshop = name
            .to_lowercase()
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w.starts_with("workshop") || w == "w");
        !name.is_empty()
            && !workshop
            && !super::is_preprint_name(name, venues)
            && recognized(name, venues).is_some()
    };
    let mut by_key: rustc_hash::FxHashMap<PaperKey, Vec<usize>> = Default::default();
    let mut preprints = Vec::new();
    for (index, entry) in doc.entries.iter().enumerate() {
        if tagged_preprint(text, entry, venues) {
            preprints.push(index);
        } else if published_venue(entry) {
            for (key, _) in identity::paper_keys(text, entry) {
                by_key.entry(key).or_default().push(index);
            }
        }
    }
    if by_key.is_empty() {
        return Vec::new();
    }
    let title = |entry: &Entry| entry.title.as_ref().map(|t| &text[t.inner.clone()]);
    let mut found = Vec::new();
    for index in preprints {
        let entry = &doc.entries[index];
        let Some(own) = title(entry) else { continue };
        let other = identity::paper_keys(text, entry).find_map(|(key, _)| {
            by_key.get(&key)?.iter().copied().find(|&other| {
                let published = &doc.entries[other];
                title(published).is_some_and(|t| identity::same_paper_titles(t, own))
                    && apart(entry, published)
            })
        });
        if let Some(other) = other {
            found.push((index, other));
        }
    }
    found
}

/// Whether the entry's venue tag names a preprint server (`arXiv 2023`,
/// `Preprint`).
fn tagged_preprint(text: &str, entry: &Entry, venues: &Venues) -> bool {
    entry
        .venue
        .as_ref()
        .is_some_and(|v| super::is_preprint_name(&text[v.name.clone()], venues))
}

/// The venue and year a `journal_ref` names, where it names a publication:
/// a venue the vocabulary knows and a year. A workshop, a thesis, a paper
/// submitted or under review is no publication; nor is a preprint server.
pub(crate) fn published_in(journal_ref: &str, venues: &Venues) -> Option<(String, u16)> {
    if names_no_publication(journal_ref) {
        return None;
    }
    // `IJCAI-23`, `AAAI'24`: a venue and its year's last two digits.
    let short_year = journal_ref.split_whitespace().find_map(|word| {
        let (name, digits) = word
            .trim_end_matches([',', '.', ';'])
            .rsplit_once(['-', '\''])?;
        let yy: u16 = (digits.len() == 2).then(|| digits.parse().ok()).flatten()?;
        recognized(name, venues).map(|canonical| (canonical, 2000 + yy))
    });
    let year = journal_ref
        .split(|c: char| !c.is_ascii_digit())
        .filter(|d| d.len() == 4)
        .filter_map(|d| d.parse::<u16>().ok())
        .rfind(|y| (1990..=2100).contains(y));
    let Some(year) = year else {
        return short_year.filter(|(name, _)| !super::is_preprint_name(name, venues));
    };
    let words: Vec<&str> = journal_ref
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '(' | ')' | ';' | ':'))
        .map(|w| w.trim_matches(['.', '\'', '"']))
        .filter(|w| !w.is_empty())
        .collect();
    // Words that open or join a phrase, never a venue's name: a name found
    // after one that joins (`Computer Vision and Pattern Recognition`) is
    // the end of a longer name, not a venue of its own.
    const OPENS: [&str; 12] = [
        "proceedings",
        "of",
        "the",
        "in",
        "at",
        "by",
        "to",
        "accepted",
        "published",
        "appear",
        "appears",
        "conference",
    ];
    const JOINS: [&str; 4] = ["and", "&", "for", "on"];
    let is = |word: &str, list: &[&str]| list.iter().any(|w| word.eq_ignore_ascii_case(w));
    // The first known venue, longest first: `Proceedings of the IEEE/CVF
    // Conference … (CVPR)` names CVPR, `ICLR 2024` ICLR.
    for start in 0..words.len() {
        if is(words[start], &OPENS) || is(words[start], &JOINS) {
            continue;
        }
        if start > 0 && is(words[start - 1], &JOINS) {
            continue;
        }
        for len in (1..=6.min(words.len() - start)).rev() {
            let name = words[start..start + len].join(" ");
            // (A year or a number is no venue's name.)
            if !name.chars().any(char::is_alphabetic) || name.len() < 2 {
                continue;
            }
            let Some(canonical) = recognized(&name, venues) else {
                continue;
            };
            if super::is_preprint_name(&canonical, venues) {
                return None;
            }
            // `EMNLP 2023 Findings`: the track the name leaves out.
            let track = ["Findings", "Demo", "Demos", "Industry", "Tutorial"]
                .into_iter()
                .find(|t| {
                    words.iter().any(|w| w.eq_ignore_ascii_case(t))
                        && !canonical.to_lowercase().contains(&t.to_lowercase())
                });
            return match track {
                None => Some((canonical, year)),
                Some(track) => {
                    let named = format!("{canonical} {track}");
                    recognized(&named, venues).map(|_| (named, year))
                }
            };
        }
    }
    None
}

/// Whether a venue's description says it is no publication: a workshop,
/// a thesis, a paper submitted or under review, a preprint.
fn names_no_publication(text: &str) -> bool {
    const NOT_PUBLISHED: [&str; 9] = [
        "workshop",
        "submitted",
        "submission",
        "under review",
        "in review",
        "thesis",
        "dissertation",
        "preprint",
        "arxiv",
    ];
    let lower = text.to_lowercase();
    NOT_PUBLISHED.iter().any(|w| lower.contains(w))
}

/// The canonical name of a venue the vocabulary knows in this spelling.
fn recognized(name: &str, venues: &Venues) -> Option<String> {
    match venues.check(name) {
        VenueCheck::Known => Some(venues.canonical_name(name).unwrap_or(name).to_owned()),
        VenueCheck::Alias { canonical } => Some(canonical),
        VenueCheck::Unknown { .. } => None,
    }
}

/// How the list writes `venue` in the entries that name it (`NeurIPS`
/// where the vocabulary's canonical name is another spelling), the most
/// common way.
pub(crate) fn written_by_the_list(
    text: &str,
    doc: &Document,
    venues: &Venues,
    venue: &str,
) -> Option<String> {
    let canonical = |name: &str| recognized(name, venues).map(|c| c.to_lowercase());
    let wanted = canonical(venue)?;
    let mut ways: Vec<(&str, usize)> = Vec::new();
    for entry in &doc.entries {
        let Some(v) = &entry.venue else { continue };
        let name = text[v.name.clone()].trim();
        if name.is_empty() || canonical(name).as_deref() != Some(wanted.as_str()) {
            continue;
        }
        match ways.iter_mut().find(|(w, _)| *w == name) {
            Some((_, n)) => *n += 1,
            None => ways.push((name, 1)),
        }
    }
    ways.into_iter()
        .max_by_key(|&(_, n)| n)
        .map(|(w, _)| w.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn journal_refs_that_name_a_publication() {
        let venues = Venues::builtin();
        let read = |r: &str| published_in(r, &venues);
        assert_eq!(read("CVPR 2024"), Some(("CVPR".into(), 2024)));
        assert_eq!(read("Accepted at ICLR 2024"), Some(("ICLR".into(), 2024)));
        assert_eq!(
            read(
                "Proceedings of the 40th International Conference on Machine Learning (ICML), 2023"
            ),
            Some(("ICML".into(), 2023))
        );
        assert_eq!(
            read("NeurIPS 2023 (spotlight)"),
            Some(("NeurIPS".into(), 2023))
        );
        assert_eq!(
            read("Proceedings of the AAAI Conference on Artificial Intelligence, 38(5), 2024"),
            Some(("AAAI".into(), 2024))
        );
        assert_eq!(
            read("IEEE Transactions on Medical Imaging, 2023"),
            Some(("TMI".into(), 2023))
        );
        assert_eq!(
            read("EMNLP 2023 Findings"),
            Some(("EMNLP Findings".into(), 2023))
        );
        assert_eq!(read("IJCAI-23"), Some(("IJCAI".into(), 2023)));
        assert_eq!(
            read("MICCAI 2023, LNCS 14220"),
            Some(("MICCAI".into(), 2023))
        );
        // A venue's name inside a longer one is not that venue.
        assert_eq!(read("Computer Vision and Pattern Recognition 2022"), None);
        assert_eq!(read("Accepted by IEEE TPAMI"), None);
        // No publication: a workshop, a submission, a thesis; no year; no venue known.
        assert_eq!(read("ICML 2023 Workshop on Efficient Systems"), None);
        assert_eq!(read("Submitted to NeurIPS 2024"), None);
        assert_eq!(read("PhD thesis, 2021"), None);
        assert_eq!(read("CVPR"), None);
        assert_eq!(read("Some Regional Meeting 2022"), None);
        assert_eq!(read("12 pages, 5 figures, 2023"), None);
    }
}

//! `year-mismatch`: an entry's year contradicts the paper its link
//! identifies: a preprint's arXiv id was posted after its year, or a CVF
//! proceedings link is of another year than the venue's.

use super::Context;
use crate::diagnostic::Finding;
use crate::document::Entry;
use crate::rule::Rule;
use crate::rule::Severity;
use crate::url::{self, PaperKey};

/// arXiv numbers a month's papers in order; the first thousand of January
/// are the ones sent between the last December cut-off and New Year.
const EARLY_JANUARY: u32 = 1000;

pub(super) fn check(ctx: &Context, out: &mut Vec<Finding>) {
    // Preprints dated to the month, of the same year as their id: how many
    // could be checked, and the findings of those dated two months or more
    // before their id was posted.
    let mut dated_to_month = 0;
    let mut months_before = Vec::new();
    // Preprints dated to the month, of any year: how many, how many within
    // a month of their ids, and those dated long after their ids.
    let mut preprints_dated = 0usize;
    let mut preprints_agree = 0usize;
    let mut months_after = Vec::new();
    // Venues' papers with a date of their own: how many, how many agree
    // with their ids within a month, and those dated before their ids.
    let mut column_dates = 0usize;
    let mut column_agree = 0usize;
    let mut column_before = Vec::new();
    for (index, entry) in ctx.doc.entries.iter().enumerate() {
        let Some(latest) = entry.years().max_by_key(|y| (y.value, y.month)) else {
            continue;
        };
        // A proceedings link names its year: against the venue's years
        // only, since a list's date column is often the arXiv posting
        // date, months before the conference.
        let venue_years = entry.venue.as_ref().map_or(&[][..], |v| &v.years[..]);
        let mut seen: Vec<&str> = Vec::new();
        let mut told_conference = false;
        for (key, url) in ctx.identities.paper_keys(index) {
            let written = ctx.text(url);
            // Proceedings are plain paper URLs on two hosts: every other
            // link (an arXiv id, a DOI) needs no second parse.
            let host = match key {
                PaperKey::Url { host, .. } => host.trim_start_matches("www."),
                _ => "",
            };
            // An ACL Anthology id names its conference too: an entry of
            // one conference linking another's paper (`Findings of ACL
            // 2023` on `2023.findings-emnlp.1053`).
            if !told_conference && let Some(finding) = other_conference(ctx, entry, url, written) {
                told_conference = true;
                out.push(finding);
            }
            let proceedings = if host.eq_ignore_ascii_case("openaccess.thecvf.com") {
                url::cvf_proceedings(written).map(|(conference, year)| {
                    let name = conference.to_ascii_uppercase();
                    (year, format!("the {name} {year} proceedings"))
                })
            } else if host.eq_ignore_ascii_case("aclanthology.org")
                || host.eq_ignore_ascii_case("aclweb.org")
            {
                url::acl_anthology_year(written)
                    .map(|year| (year, format!("an ACL Anthology paper of {year}")))
            } else if (host.ends_with("neurips.cc") || host.ends_with("nips.cc"))
                && names_neurips(ctx, entry)
            {
                // Only a NeurIPS entry's: a journal's extended version often
                // links the conference paper it grew from.
                url::neurips_proceedings_year(written)
                    .map(|year| (year, format!("the NeurIPS {year} proceedings")))
            } else if let PaperKey::Pii(pii) = key {
                // A PII's year is when the article was given it, never after
                // it appeared: only a venue year before it contradicts it (a
                // preprint's year is the posting's, before the journal's).
                url::pii_year(pii)
                    .filter(|&year| {
                        venue_years.iter().all(|y| y.value < year) && !is_preprint(ctx, entry)
                    })
                    .map(|year| (year, format!("a ScienceDirect article of {year}")))
            } else {
                None
            };
            if let Some((year, what)) = proceedings {
                if let Some(first) = venue_years.first()
                    && !venue_years.iter().any(|y| y.value == year)
                {
                    out.push(
                        Finding::new(
                            Rule::YearMismatch,
                            first.span.clone(),
                            format!(
                                "the entry is from {}, but its link is to {what}",
                                first.value
                            ),
                        )
                        .severity(Severity::Warning)
                        .label(format!("{} here", first.value))
                        .related((*url).clone(), format!("of {year}"))
                        .help("correct the year, or the link if it is another paper's"),
                    );
                }
                continue;
            }
            let PaperKey::Arxiv(id) = key else {
                continue;
            };
            if seen.contains(id) {
                continue;
            }
            seen.push(id);
            let Some((year, month)) = url::arxiv_posted(id) else {
                continue;
            };
            // A venue's paper dated to the month by a date of its own (a
            // date column, `[2023-07]`): against the id where the list's
            // dates are the postings (see below).
            if let Some(dated) = entry.dates.iter().find(|d| d.year.month.is_some())
                && !is_preprint(ctx, entry)
            {
                // A date in its venue's year is the venue's (`| 19-08-10 |
                // IJCAI 2019 |`), whenever the paper was posted.
                let venues_date = venue_years.iter().any(|y| y.value == dated.year.value);
                let claimed = months(dated.year.value, dated.year.month.unwrap_or(1));
                let posted = months(year, month);
                column_dates += 1;
                if claimed.abs_diff(posted) <= 1 {
                    column_agree += 1;
                } else if posted >= claimed + FIRST_SHOWN_ELSEWHERE && !venues_date {
                    let when = super::month_of_year(year, month);
                    let said =
                        super::month_of_year(dated.year.value, dated.year.month.unwrap_or(1));
                    column_before.push(
                        Finding::new(
                            Rule::YearMismatch,
                            dated.year.date.clone(),
                            format!(
                                "the entry is dated {said}, but its arXiv id {id} was posted in {when}"
                            ),
                        )
                        .severity(Severity::Warning)
                        .label(format!("{said} here"))
                        .related((*url).clone(), format!("posted in {when}"))
                        .help(
                            "the list dates its papers by the month they were posted: correct the date, or the link if it is another paper's",
                        ),
                    );
                }
            }
            // An id numbered early in January may be a paper sent in the
            // last days of December, after arXiv's final cut-off of the year.
            let december_then_january = year == latest.value + 1
                && month == 1
                && latest.month.is_none_or(|m| m == 12)
                && url::arxiv_sequence(id).is_some_and(|n| n < EARLY_JANUARY);
            if let Some(dated) = latest.month
                && is_preprint(ctx, entry)
            {
                let claimed = months(latest.value, dated);
                let posted = months(year, month);
                let told = |said: String| {
                    let when = super::month_of_year(year, month);
                    Finding::new(
                        Rule::YearMismatch,
                        latest.date.clone(),
                        format!(
                            "the entry is an arXiv preprint of {said}, but its arXiv id {id} was posted in {when}"
                        ),
                    )
                    .severity(Severity::Warning)
                    .label(format!("{said} here"))
                    .related((*url).clone(), format!("posted in {when}"))
                };
                preprints_dated += 1;
                if claimed.abs_diff(posted) <= 1 {
                    preprints_agree += 1;
                } else if claimed >= posted + LATER_VERSION {
                    months_after.push(told(super::month_of_year(latest.value, dated)).help(
                        "the list dates its preprints by the month they were posted: correct the date, or the link if it is another paper's",
                    ));
                }
                // A month apart is the edge of a month (a paper sent on the
                // 30th), or a paper held by arXiv's moderators: it is
                // numbered in the month it is announced, and keeps the day
                // it was sent as its date, which lists copy. However far
                // into the month its number, its date is right.
                if year == latest.value {
                    dated_to_month += 1;
                    if month >= dated + 2 {
                        months_before.push(
                            told(super::month_of_year(year, dated))
                                .help("correct the date, or the link if it is another paper's"),
                        );
                    }
                }
            }
            if year <= latest.value || december_then_january {
                continue;
            }
            let preprint = is_preprint(ctx, entry);
            // A venue's paper posted after its year is common (camera-ready
            // versions, proceedings uploaded in bulk): on the corpus, three
            // in nineteen such findings were wrong links. Only a preprint's
            // own date is a contradiction.
            if !preprint {
                continue;
            }
            let when = super::month_of_year(year, month);
            let (severity, message, help) = if preprint {
                (
                    Severity::Error,
                    format!(
                        "the entry is an arXiv preprint of {}, but its arXiv id {id} was posted in {when}",
                        latest.value
                    ),
                    "correct the year, or the link if it is another paper's",
                )
            } else {
                (
                    Severity::Warning,
                    format!(
                        "the entry is from {}, but its arXiv id {id} was first posted in {when}",
                        latest.value
                    ),
                    "check the link: a neighbour's link copied by mistake looks like this; if the paper was posted late, the entry is right",
                )
            };
            out.push(
                Finding::new(Rule::YearMismatch, latest.span.clone(), message)
                    .severity(severity)
                    .label(format!("{} here", latest.value))
                    .related((*url).clone(), format!("posted in {when}"))
                    .help(help),
            );
        }
    }
    // Where many preprints are dated months before their ids, the list's
    // dates mean something else (when the entry was added, the version
    // read): one in five is a habit, not a slip.
    if months_before.len() * 5 <= dated_to_month {
        out.extend(months_before);
    }
    // A preprint dated long after its id is a later version's date, or
    // another paper's link, only where the list's preprint dates are their
    // postings nearly without exception: lists that date by when a paper
    // was added or revised fail this by far.
    if preprints_dated >= MIN_DATED_PREPRINTS && preprints_agree * 10 >= preprints_dated * 9 {
        out.extend(months_after);
    }
    // A date column means many things (the conference's month, when the
    // entry was added, the version read): only where four in five of its
    // dates are their papers' postings is a date long before its id a slip.
    if column_dates >= MIN_DATED && column_agree * 5 >= column_dates * 4 {
        out.extend(column_before);
    }
}

/// How far before its id a venue paper's own date may lie: a paper is
/// often shown first elsewhere (its venue, a blog, a model's release) and
/// posted months later. On the lists tried, dates 4 to 10 months before the
/// id were such papers; more than a year before, a mistyped date.
const FIRST_SHOWN_ELSEWHERE: u32 = 13;

/// How many months after its id a preprint's date may lie before it is a
/// slip, in a list that dates its preprints by their postings: a month or
/// two is a revision the list dated, half a year another version or paper.
const LATER_VERSION: u32 = 6;

/// How many preprints dated to the month make a list's habit.
const MIN_DATED_PREPRINTS: usize = 20;

/// How many venue papers with dates of their own make a list's habit.
const MIN_DATED: usize = 10;

/// Months since year zero, to compare dates across a new year.
fn months(year: u16, month: u8) -> u32 {
    u32::from(year) * 12 + u32::from(month)
}

/// An entry whose venue names one ACL conference, linking an ACL Anthology
/// paper of another (`ACL` on `2023.findings-emnlp.12`): a warning at the
/// venue. Joint conferences (`ACL-IJCNLP`) and venues naming none of them
/// are left alone.
/// Whether the entry's venue is NeurIPS's main conference (`NeurIPS 2022`,
/// `NIPS'17`), not one of its workshops.
fn names_neurips(ctx: &Context, entry: &Entry) -> bool {
    entry.venue.as_ref().is_some_and(|venue| {
        let name = venue.written_name(ctx.source.text()).to_ascii_lowercase();
        let words: Vec<&str> = name.split(|c: char| !c.is_ascii_alphanumeric()).collect();
        words.iter().any(|w| *w == "neurips" || *w == "nips")
            && !words.iter().any(|w| w.starts_with("workshop") || *w == "w")
    })
}

fn other_conference(
    ctx: &Context,
    entry: &Entry,
    url: &crate::document::Span,
    written: &str,
) -> Option<Finding> {
    let linked = url::acl_anthology_conference(written)?;
    let venue = entry.venue.as_ref()?;
    let name = ctx.text(&venue.name);
    let named: Vec<String> = name
        .split(|c: char| !c.is_ascii_alphanumeric())
        .map(str::to_ascii_lowercase)
        .filter(|w| url::ACL_CONFERENCES.contains(&w.as_str()))
        .collect();
    let [own] = named.as_slice() else {
        return None;
    };
    if own == linked {
        return None;
    }
    let id = written
        .rsplit('/')
        .find(|part| !part.is_empty())
        .unwrap_or(written);
    Some(
        Finding::new(
            Rule::YearMismatch,
            venue.name.clone(),
            format!(
                "the entry is from {}, but its link is to an {} paper in the ACL Anthology (`{}`)",
                name.trim(),
                linked.to_ascii_uppercase(),
                id.trim_end_matches(".pdf")
            ),
        )
        .severity(Severity::Warning)
        .label(format!("{} here", name.trim()))
        .related(
            url.clone(),
            format!("an {} paper", linked.to_ascii_uppercase()),
        )
        .help("correct the venue, or the link if it is another paper's"),
    )
}

/// Whether the entry's venue is a preprint server (its year is the posting's).
fn is_preprint(ctx: &Context, entry: &Entry) -> bool {
    super::names_a_preprint(ctx, entry)
}

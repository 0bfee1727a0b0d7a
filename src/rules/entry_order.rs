//! `entry-order`: an entry out of the date order its section keeps.

use super::Context;
use super::order::longest_ordered;
use crate::diagnostic::Finding;
use crate::diagnostic::{Applicability, Edit, Fix};
use crate::document::{Block, Entry, Form, Span};
use crate::rule::Rule;
use crate::rule::Severity;

/// How many dated entries a run needs before its order is judged.
const MIN_DATED: usize = 5;
/// Neighbouring pairs that must step in the run's direction.
const MIN_STEPS: usize = 3;

/// An entry's date, as far as it gives one: year, and month when known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct When {
    year: u16,
    month: Option<u8>,
}

impl When {
    fn of(entry: &Entry) -> Option<When> {
        // A dated part with a month (an arXiv date) says when more exactly
        // than a venue's year.
        let exact = entry
            .dates
            .iter()
            .map(|d| &d.year)
            .chain(entry.venue.iter().flat_map(|v| v.years.iter()))
            .find(|y| y.month.is_some());
        // A date of its own (a table's Year column, a date tag) is when the
        // list files the entry, more than the year its venue gives
        // (`| 2020 | … | [CVPR2021](…) |`).
        // A badge's year (`Conference-ICML'23`) is a label the list shows,
        // not when it files the entry.
        let badge = entry.venue.as_ref().is_some_and(|v| v.form == Form::Badge);
        let year = exact
            .or_else(|| entry.dates.first().map(|d| &d.year))
            .or_else(|| entry.year().filter(|_| !badge))?;
        Some(When {
            year: year.value,
            month: year.month,
        })
    }

    /// When the paper first appeared on arXiv, from the id of its arXiv
    /// link (`2211.00716`: November 2022).
    fn posted(ctx: &Context, entry: &Entry) -> Option<When> {
        crate::identity::paper_keys(ctx.source.text(), entry).find_map(|(key, _)| {
            let crate::url::PaperKey::Arxiv(id) = key else {
                return None;
            };
            let digits = id.as_bytes().get(..4)?;
            if !digits.iter().all(u8::is_ascii_digit) || id.as_bytes().get(4) != Some(&b'.') {
                return None;
            }
            let yy = u16::from(digits[0] - b'0') * 10 + u16::from(digits[1] - b'0');
            let month = (digits[2] - b'0') * 10 + (digits[3] - b'0');
            (1..=12).contains(&month).then_some(When {
                year: 2000 + yy,
                month: Some(month),
            })
        })
    }

    fn spelled(self, with_month: bool) -> String {
        const MONTHS: [&str; 12] = [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ];
        match self.month {
            Some(m) if with_month && (1..=12).contains(&m) => {
                format!("{} {}", MONTHS[usize::from(m) - 1], self.year)
            }
            _ => self.year.to_string(),
        }
    }
}

pub(super) fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let mut runs: Vec<Vec<usize>> = Vec::new();
    let mut run: Vec<usize> = Vec::new();
    let entries = &ctx.doc.entries;
    for (index, entry) in entries.iter().enumerate() {
        if entry.in_entry {
            continue;
        }
        if let Some(&last) = run.last()
            && !super::same_run(ctx, &entries[last], entry)
        {
            runs.push(std::mem::take(&mut run));
        }
        run.push(index);
    }
    runs.push(run);
    let verdicts: Vec<Verdict> = runs
        .iter()
        .map(|run| check_run(ctx, run, out, None))
        .collect();

    // The list's own order, where its long runs dated to the month keep
    // one: the law of its other runs too, those too short to tell an order
    // from chance (six entries newest first, and the seventh, appended
    // later, from a year before) and those with a few entries out of it.
    let Some(ascending) = list_order(&verdicts) else {
        return;
    };
    for (run, verdict) in runs.iter().zip(&verdicts) {
        if matches!(verdict, Verdict::Short | Verdict::Unordered) {
            check_run(ctx, run, out, Some(ascending));
        }
    }
}

/// What a run's order was found to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Verdict {
    /// Dated to the month, long enough, and clearly in this order
    /// (`true`: oldest first).
    Ordered(bool),
    /// Dated to the month, long enough, and in no clear order.
    Unordered,
    /// Dated to the month, with too few entries (or too few in order) for
    /// its own order to be judged.
    Short,
    /// Anything else: dated by years, or hardly dated.
    Other,
}

/// How many of a list's long runs must keep one order for its short runs
/// to be held to it, and the share of them that must.
const MIN_ORDERED_RUNS: usize = 3;

/// The order nearly all of the list's long runs dated to the month keep.
fn list_order(verdicts: &[Verdict]) -> Option<bool> {
    let count = |v: Verdict| verdicts.iter().filter(|&&x| x == v).count();
    let (up, down) = (
        count(Verdict::Ordered(true)),
        count(Verdict::Ordered(false)),
    );
    let judged = up + down + count(Verdict::Unordered);
    let (ascending, agree) = if up >= down {
        (true, up)
    } else {
        (false, down)
    };
    (agree >= MIN_ORDERED_RUNS && agree * 4 >= judged * 3).then_some(ascending)
}

/// The fewest dated entries of a short run held to the list's order.
const MIN_DATED_SHORT: usize = 3;

/// Checks one run. With `list_order`, the run is a short one held to the
/// list's order (`true`: oldest first) rather than to its own.
fn check_run(
    ctx: &Context,
    run: &[usize],
    out: &mut Vec<Finding>,
    list_order: Option<bool>,
) -> Verdict {
    let entries = &ctx.doc.entries;
    // A paper listed again later in the run (a copy appended at the end)
    // is duplicate-entry's to report, not out of order.
    let mut seen = rustc_hash::FxHashSet::default();
    let mut dated: Vec<(usize, When)> = run
        .iter()
        .filter(|&&i| {
            let keys = ctx.identities.paper_keys(i);
            let again = keys.iter().any(|(key, _)| seen.contains(key));
            seen.extend(keys.iter().map(|(key, _)| *key));
            !again
        })
        .filter_map(|&i| When::of(&entries[i]).map(|w| (i, w)))
        .collect();
    let with_month = dated.iter().all(|(_, w)| w.month.is_some());
    let short = if with_month {
        Verdict::Short
    } else {
        Verdict::Other
    };
    let least = if list_order.is_some() {
        MIN_DATED_SHORT
    } else {
        MIN_DATED
    };
    if dated.len() < least {
        return if dated.len() >= MIN_DATED_SHORT {
            short
        } else {
            Verdict::Other
        };
    }
    // A run with many entries of no date read keeps an order nobody can
    // check: what looks ordered among the dated ones may not be.
    if (run.len() - dated.len()) * 5 > run.len() {
        return Verdict::Other;
    }
    // By years alone, a run may be filed by venue: a group kept apart is
    // not out of the run's order. (Dated to the month, the run is ordered
    // by those dates, whatever venues follow one another.)
    if !with_month {
        let grouped = grouped_apart(ctx, run);
        dated.retain(|(i, _)| !grouped.contains(i));
        if dated.len() < MIN_DATED {
            return Verdict::Other;
        }
    }
    // In a year section the entries share its year: by years alone they
    // have no order to keep, and one of another year is `year-section`'s.
    if !with_month && entries[run[0]].section.is_some() {
        return Verdict::Other;
    }
    let key = |w: When| {
        let month = if with_month { w.month.unwrap_or(0) } else { 0 };
        i64::from(w.year) * 16 + i64::from(month)
    };
    let keys: Vec<i64> = dated.iter().map(|&(_, w)| key(w)).collect();
    let (mut up, mut down) = (0usize, 0usize);
    for pair in keys.windows(2) {
        match pair[0].cmp(&pair[1]) {
            std::cmp::Ordering::Less => up += 1,
            std::cmp::Ordering::Greater => down += 1,
            std::cmp::Ordering::Equal => {}
        }
    }
    let pairs = keys.len() - 1;
    let (ascending, steps, against) = match list_order {
        // Held to the list's order, whatever its own few steps say.
        Some(true) => (true, up, down),
        Some(false) => (false, down, up),
        None if up >= down => (true, up, down),
        None => (false, down, up),
    };
    // (A short run's steps are few by its nature.)
    let least_steps = if list_order.is_some() { 1 } else { MIN_STEPS };
    if steps < least_steps {
        return if with_month {
            Verdict::Short
        } else {
            Verdict::Other
        };
    }
    if against == 0 {
        return if with_month {
            Verdict::Ordered(ascending)
        } else {
            Verdict::Other
        };
    }
    let signed: Vec<i64> = keys
        .iter()
        .map(|&k| if ascending { k } else { -k })
        .collect();
    // A date its own arXiv id contradicts (`2024-04-15` on an id of June
    // 2024) says nothing of where the entry belongs: the order is found
    // among the others, and such an entry out of it has its date to blame,
    // not its neighbours their places.
    let mistyped: Vec<bool> = dated
        .iter()
        .map(|&(index, when)| {
            with_month
                && When::posted(ctx, &entries[index])
                    .is_some_and(|posted| posted.year != when.year || key(posted) >= key(when) + 2)
        })
        .collect();
    // Taken only where it puts more of the other entries in order than the
    // order found among all: where it does not, the doubtful date agrees
    // with its neighbours as well as their own dates do.
    // Where many dates disagree with their ids, the list's dates are not
    // the papers' postings (a venue's date, when the entry was added): one
    // in five is a habit, not slips, and every date counts.
    let mistyped = if mistyped.iter().filter(|&&m| m).count() * 5 > dated.len() {
        vec![false; dated.len()]
    } else {
        mistyped
    };
    let trusted: Vec<usize> = (0..dated.len()).filter(|&p| !mistyped[p]).collect();
    let trusted_keys: Vec<i64> = trusted.iter().map(|&p| signed[p]).collect();
    let kept_trusted: Vec<usize> = longest_ordered(&trusted_keys, true)
        .into_iter()
        .map(|k| trusted[k])
        .collect();
    let kept_all = longest_ordered(&signed, true);
    let trusted_in_all = kept_all.iter().filter(|&&p| !mistyped[p]).count();
    let by_trusted = kept_trusted.len() > trusted_in_all;
    let (kept, considered) = if by_trusted {
        (kept_trusted, trusted.len())
    } else {
        (kept_all, dated.len())
    };
    // Clearly ordered: nine neighbouring pairs in ten agree once the
    // entries out of order are set aside. A run sorted some other way
    // (by topic, by name) has many more out of place.
    // (In a short run dated to the month, one entry out of order among six
    // or more in order is as clear: a table of eight with a row appended
    // at its end. By years alone, ties and venue years blur a short run.)
    let misplaced = considered - kept.len();
    // Held to the list's order, a run has one entry out of it, or one in
    // five at most.
    let clear = if list_order.is_some() {
        (misplaced == 1 && kept.len() >= 2) || misplaced * 5 <= pairs
    } else {
        misplaced * 10 <= pairs || (with_month && misplaced == 1 && kept.len() >= 6)
    };
    if !clear {
        // One out of order among a few in order is too short a run to
        // judge by itself: the list's order may judge it.
        return if with_month && misplaced == 1 {
            Verdict::Short
        } else if with_month {
            Verdict::Unordered
        } else {
            Verdict::Other
        };
    }
    let order = if ascending {
        "oldest first"
    } else {
        "newest first"
    };
    // Venue years lag: a list kept in the order papers appeared puts an
    // ICLR 2023 paper posted in 2022 among 2022's. Where only years are
    // compared, an entry is out of order only if it is by its arXiv date too.
    let in_order_when_posted = if with_month {
        Vec::new()
    } else {
        posted_in_order(ctx, &dated, ascending)
    };
    // In a run whose papers nearly all have arXiv ids, one without can't
    // be confirmed out of order by them: its venue year alone says little.
    let arxiv_dated = !with_month && {
        let posted = dated
            .iter()
            .filter(|&&(i, _)| When::posted(ctx, &entries[i]).is_some())
            .count();
        posted * 5 >= dated.len() * 4
    };
    let mut kept_iter = kept.iter().peekable();
    for (position, &(index, when)) in dated.iter().enumerate() {
        if kept_iter.peek() == Some(&&position) {
            kept_iter.next();
            continue;
        }
        if in_order_when_posted.get(position).copied().unwrap_or(false) {
            continue;
        }
        if arxiv_dated && When::posted(ctx, &entries[index]).is_none() {
            continue;
        }
        if !with_month && in_order_with_lag(ctx, &dated, &kept, position, ascending) {
            continue;
        }
        let entry = &entries[index];
        // A paper listed again under its title, linked another way, is
        // duplicate-entry's. (Asked of the few entries out of order only:
        // this is no work for every entry of every run.)
        let title_of = |i: usize| {
            entries[i]
                .title
                .as_ref()
                .map(|t| crate::identity::normalized_title_hash(ctx.text(&t.inner)))
                .filter(|&(_, length)| length >= 8)
        };
        if let Some(title) = title_of(index)
            && run
                .iter()
                .take_while(|&&i| i != index)
                .any(|&i| title_of(i) == Some(title))
        {
            continue;
        }
        // `(2024.05.13)` on arXiv 2505.09022 among May 2025's entries: the
        // date is mistyped, the entry is where it belongs.
        let (previous, next) = kept_around(&kept, position);
        let kept_key = |k: usize| key(dated[k].1);
        let (previous, next) = (previous.map(kept_key), next.map(kept_key));
        let fits = |at: i64| {
            previous.is_none_or(|p| !precedes(at, p, ascending))
                && next.is_none_or(|n| !precedes(n, at, ascending))
        };
        // Left out of the order for its doubtful date, and in order by it.
        if by_trusted && mistyped[position] && fits(key(when)) {
            continue;
        }
        // Compared by years, an entry dated by its posting (`2024-10-16`)
        // whose venue's year (`EMNLP 2025`) puts it in order is where the
        // list files it: by the year of the venue, as its neighbours with
        // no date of their own are.
        if !with_month
            && let Some(year) = entry.venue.as_ref().and_then(|v| v.years.first())
            && fits(i64::from(year.value) * 16)
        {
            continue;
        }
        // (Any month off will do: its id puts it in order, its date not.)
        if with_month
            && let Some(posted) = When::posted(ctx, entry)
            && key(posted) != key(when)
            && fits(key(posted))
        {
            out.push(
                Finding::new(
                    Rule::EntryOrder,
                    entry.head.clone(),
                    format!(
                        "entry dated {} is out of order, but its arXiv id says {}: the date looks mistyped",
                        when.spelled(true),
                        posted.spelled(true)
                    ),
                )
                .severity(Severity::Warning)
                .label("date against its place")
                .help(format!("check the date: the paper was posted in {}", posted.spelled(true))),
            );
            continue;
        }
        // Where it belongs: before the first kept entry it should precede.
        let before = kept
            .iter()
            .map(|&k| dated[k])
            .find(|&(_, other)| precedes(key(when), key(other), ascending));
        let (help, fix) = match before {
            Some((target, other)) => (
                format!(
                    "move it before the entry on line {} ({})",
                    ctx.line(entries[target].span.start),
                    other.spelled(with_month)
                ),
                move_fix(ctx, entry, &entries[target], true),
            ),
            None => {
                let (target, other) = dated[*kept.last().unwrap_or(&0)];
                (
                    format!(
                        "move it after the entry on line {} ({})",
                        ctx.line(entries[target].span.start),
                        other.spelled(with_month)
                    ),
                    move_fix(ctx, entry, &entries[target], false),
                )
            }
        };
        // `(2014)` between entries of 1991 and 1994: its year is years from
        // both neighbours, which are close to each other; the year is as
        // likely mistyped as the entry misplaced, and the message says so.
        let (before_year, after_year) = kept_around(&kept, position);
        let strays = !with_month
            && before_year.zip(after_year).is_some_and(|(b, a)| {
                let (b, a) = (dated[b].1.year, dated[a].1.year);
                let (low, high) = (b.min(a), b.max(a));
                high - low <= 3 && (when.year + 5 <= low || when.year >= high + 5)
            });
        let message = if strays {
            let (b, a) = (
                dated[before_year.unwrap_or_default()].1.year,
                dated[after_year.unwrap_or_default()].1.year,
            );
            format!(
                "entry from {} sits between entries from {b} and {a}: its year looks mistyped, or the entry is out of order",
                when.spelled(false)
            )
        } else if list_order.is_some() {
            format!(
                "entry from {} is out of order: the list's sections run {order}",
                when.spelled(with_month)
            )
        } else {
            format!(
                "entry from {} is out of order: the entries around it run {order}",
                when.spelled(with_month)
            )
        };
        let help = if strays {
            format!("check its year; if it is right, {help}")
        } else {
            help
        };
        let mut finding = Finding::new(Rule::EntryOrder, entry.head.clone(), message)
            .severity(Severity::Warning)
            .label("out of date order")
            .help(help);
        // (Moving it is no fix when its year may be the slip.)
        if let Some(fix) = fix.filter(|_| !strays) {
            finding = finding.fix(fix);
        }
        out.push(finding);
    }
    if with_month {
        Verdict::Ordered(ascending)
    } else {
        Verdict::Other
    }
}

/// For each dated entry of a run: whether it has an arXiv date and is in
/// order by it (in a longest run of arXiv dates in the run's direction).
fn posted_in_order(ctx: &Context, dated: &[(usize, When)], ascending: bool) -> Vec<bool> {
    let posted: Vec<(usize, i64)> = dated
        .iter()
        .enumerate()
        .filter_map(|(position, &(index, _))| {
            let when = When::posted(ctx, &ctx.doc.entries[index])?;
            // By year, as the run is compared: a list kept by posting date
            // only roughly (a June preprint after a September one) is in
            // its order still.
            let key = i64::from(when.year);
            Some((position, if ascending { key } else { -key }))
        })
        .collect();
    let keys: Vec<i64> = posted.iter().map(|&(_, k)| k).collect();
    let mut in_order = vec![false; dated.len()];
    for k in longest_ordered(&keys, true) {
        in_order[posted[k].0] = true;
    }
    in_order
}

/// The kept entries just before and just after `position` (positions
/// into the run's dated entries).
fn kept_around(kept: &[usize], position: usize) -> (Option<usize>, Option<usize>) {
    (
        kept.iter().rev().find(|&&k| k < position).copied(),
        kept.iter().find(|&&k| k > position).copied(),
    )
}

/// The years an entry's paper may have first appeared in, by what it says:
/// its arXiv id's year, or the year of a preprint server or of a date of
/// its own; a venue's year otherwise, or the year before it (a paper is
/// posted, or published online, before the conference or volume that
/// carries it).
fn appeared(ctx: &Context, entry: &Entry, when: When) -> (u16, u16) {
    if let Some(posted) = When::posted(ctx, entry) {
        return (posted.year, posted.year);
    }
    if !entry.dates.is_empty() || super::names_a_preprint(ctx, entry) {
        return (when.year, when.year);
    }
    (when.year.saturating_sub(1), when.year)
}

/// Whether an entry left out of the run's order by years is in it once
/// venue years are taken for what they are, the year a paper appeared or
/// the one after (`Portrait NeRF, Arxiv 2020` after `pi-GAN, CVPR 2021`
/// in a list kept in the order papers were posted).
fn in_order_with_lag(
    ctx: &Context,
    dated: &[(usize, When)],
    kept: &[usize],
    position: usize,
    ascending: bool,
) -> bool {
    let entries = &ctx.doc.entries;
    let range = |p: usize| appeared(ctx, &entries[dated[p].0], dated[p].1);
    let (first, last) = range(position);
    let (previous, next) = kept_around(kept, position);
    let (previous, next) = (previous.map(range), next.map(range));
    // Ascending: not before what precedes it could have appeared, not after
    // what follows it could have; newest first, the other way round.
    let (before, after) = if ascending {
        (previous, next)
    } else {
        (next, previous)
    };
    before.is_none_or(|(earliest, _)| last >= earliest)
        && after.is_none_or(|(_, latest)| first <= latest)
}

/// The entries of a run kept together by venue rather than by date: three
/// or more in a row naming one venue over several years (the list's
/// preprints, `arXiv 2024` down to `arXiv 2020`, filed apart from its
/// conference blocks). Their order is their group's, not the run's.
fn grouped_apart(ctx: &Context, run: &[usize]) -> rustc_hash::FxHashSet<usize> {
    let entries = &ctx.doc.entries;
    let venue = |i: usize| entries[i].venue.as_ref().map(|v| ctx.text(&v.name).trim());
    let same = |a: Option<&str>, b: Option<&str>| match (a, b) {
        (Some(a), Some(b)) => a.eq_ignore_ascii_case(b),
        _ => false,
    };
    let mut grouped = rustc_hash::FxHashSet::default();
    let mut from = 0;
    while from < run.len() {
        let name = venue(run[from]);
        let mut to = from + 1;
        while to < run.len() && same(name, venue(run[to])) {
            to += 1;
        }
        let block = &run[from..to];
        let mut years: Vec<u16> = block
            .iter()
            .filter_map(|&i| entries[i].year().map(|y| y.value))
            .collect();
        years.sort_unstable();
        years.dedup();
        if block.len() >= 3 && years.len() >= 2 {
            grouped.extend(block.iter().copied());
        }
        from = to;
    }
    grouped
}

/// Whether an entry dated `a` goes before one dated `b` in the run's direction.
fn precedes(a: i64, b: i64, ascending: bool) -> bool {
    if ascending { a < b } else { a > b }
}

/// The unsafe fix moving `entry`'s lines before (or after) `target`'s: for
/// list items at one indentation and table rows, checked by parsing the
/// result.
fn move_fix(ctx: &Context, entry: &Entry, target: &Entry, before: bool) -> Option<Fix> {
    let text = ctx.source.text();
    let movable = match (&entry.block, &target.block) {
        (Block::Item { marker: a, .. }, Block::Item { marker: b, .. }) => {
            a.plain_indent
                && b.plain_indent
                && a.bullet.start - a.line_start == b.bullet.start - b.line_start
        }
        (Block::Row { .. }, Block::Row { .. }) => true,
        _ => false,
    };
    let lines = &text[entry.item.clone()];
    if !movable || !lines.ends_with('\n') {
        return None;
    }
    let at = if before {
        target.item.start
    } else {
        target.item.end
    };
    // After the last line of the file, which has no line ending: not here.
    if !before && !text[..at].ends_with('\n') {
        return None;
    }
    let removed: Span = entry.item.clone();
    let region = removed.start.min(at)..removed.end.max(at);
    let mut replacement = String::with_capacity(region.len());
    if at <= removed.start {
        replacement.push_str(lines);
        replacement.push_str(&text[at..removed.start]);
    } else {
        replacement.push_str(&text[removed.end..at]);
        replacement.push_str(lines);
    }
    super::reparse_keeping_entries(ctx, &region, &replacement)?;
    Some(Fix::new(
        vec![Edit::replace(region, replacement)],
        Applicability::Unsafe,
    ))
}

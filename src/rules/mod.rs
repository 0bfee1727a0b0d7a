//! The rules' checks, and running every enabled rule over a document.
//!
//! One rule, one file: each file holds the rule's check (its documentation
//! sits beside it, `<rule>.md`, and its name, severity and summary in the
//! registry, [`crate::rule`]). The online rules turn what the link checker
//! found into findings ([`link_findings`], `title_mismatch`); the others
//! read the document, its conventions and the settings.

mod broken_link;
mod date_form;
mod duplicate_entry;
mod empty_link;
mod entry_format;
mod entry_order;
mod link_kind;
mod list_indent;
mod malformed_link;
mod moved_link;
mod name_mismatch;
mod not_a_pdf;
mod order;
mod runs;
mod section_order;
mod shared_link;
mod spacing;
mod title_format;
pub(crate) mod title_mismatch;
mod unverifiable_link;
mod venue_format;
pub(crate) mod venue_update;
mod whitespace;
mod year_mismatch;
mod year_section;

use crate::config::Settings;
use crate::diagnostic::Finding;
use crate::document::{Document, Span};
use crate::link::{LinkResult, Occurrence};
use crate::rule::Rule;
use crate::source::Source;

/// A rule's check over one document.
pub(crate) type Check = fn(&Context, &mut Vec<Finding>);

/// The check of each rule; `None` for the online rules, whose findings come
/// from what the link checker found (see [`link_findings`] and `title_mismatch`).
pub(crate) fn check_of(rule: Rule) -> Option<Check> {
    Some(match rule {
        Rule::EntryFormat => entry_format::check,
        Rule::EmptyLink => empty_link::check,
        Rule::Spacing => spacing::check,
        Rule::Whitespace => whitespace::check,
        Rule::ListIndent => list_indent::check,
        Rule::VenueFormat => venue_format::check,
        Rule::NameMismatch => name_mismatch::check,
        Rule::TitleFormat => title_format::check,
        Rule::LinkKind => link_kind::check,
        Rule::YearSection => year_section::check,
        Rule::YearMismatch => year_mismatch::check,
        Rule::SectionOrder => section_order::check,
        Rule::DuplicateEntry => duplicate_entry::check,
        Rule::SharedLink => shared_link::check,
        Rule::MalformedLink => malformed_link::check,
        Rule::EntryOrder => entry_order::check,
        // Offline, from the list's own listings; online, from arXiv's.
        Rule::VenueUpdate => venue_update::check,
        Rule::TitleMismatch
        | Rule::BrokenLink
        | Rule::NotAPdf
        | Rule::MovedLink
        | Rule::UnverifiableLink
        // Judged on the comments, once the other rules have found what they find.
        | Rule::Suppression => return None,
    })
}

/// Where a checked link is written, as the link rules name it.
pub(crate) struct LinkPlace {
    /// The URL as written, or the whole link when the URL is not literal.
    span: Span,
    /// `` `[[pdf]]` link `` for an entry's labelled link, `link` for others.
    what: String,
}

impl LinkPlace {
    fn of(occurrence: &Occurrence) -> Self {
        Self {
            span: occurrence
                .url_span
                .clone()
                .unwrap_or_else(|| occurrence.span.clone()),
            what: match &occurrence.label {
                Some(label) => format!("`[[{label}]]` link"),
                None => "link".to_owned(),
            },
        }
    }
}

/// The findings of the link rules for one place a checked URL is written
/// (`written_url`: the URL as the text spells it, for a fix to replace).
pub(crate) fn link_findings(
    occurrence: &Occurrence,
    result: &LinkResult,
    written_url: Option<&str>,
) -> Vec<Finding> {
    let place = LinkPlace::of(occurrence);
    let mut out = Vec::new();
    not_a_pdf::report(&place, occurrence, result, &mut out);
    broken_link::report(&place, result, &mut out);
    unverifiable_link::report(&place, result, &mut out);
    moved_link::report(&place, occurrence, result, written_url, &mut out);
    out
}

/// What a rule may read: the document, its text, and the settings.
pub(crate) struct Context<'a> {
    pub source: &'a Source,
    pub doc: &'a Document,
    pub settings: &'a Settings,
    /// What the list does by habit, inferred once for every rule.
    pub conventions: &'a crate::conventions::Conventions,
    /// Every entry's paper keys, read once for the rules that compare entries.
    pub identities: &'a crate::identity::Identities<'a>,
}

impl<'a> Context<'a> {
    pub(crate) fn text(&self, span: &Span) -> &'a str {
        &self.source.text()[span.clone()]
    }

    /// 1-based line of a byte offset, for messages that name another place.
    pub(crate) fn line(&self, offset: usize) -> usize {
        self.source.line_of(offset)
    }
}

/// The line ending for text a fix adds: CRLF in a file that has any.
pub(crate) fn line_ending(text: &str) -> &'static str {
    if text.contains("\r\n") { "\r\n" } else { "\n" }
}

/// A year section as lines: from its heading's line to the next heading of
/// its level or higher (or the end of the file).
pub(crate) fn section_block(ctx: &Context, section: &crate::document::YearSection) -> Span {
    let heading = &ctx.doc.headings[section.heading];
    let source = ctx.source;
    let line_start = |offset: usize| source.line_range(source.line_index(offset)).start;
    let text = source.text();
    let end = if heading.end >= text.len() {
        text.len()
    } else {
        line_start(heading.end)
    };
    line_start(heading.span.start)..end
}

/// The document `region` replaced by `replacement` makes, when every entry
/// of the current one survives the change (up to indentation). Markdown
/// decides where a block ends, and some blocks swallow what follows them (an
/// unclosed code fence or HTML block, a paragraph that continues lazily):
/// rather than predict every such case, a fix that moves blocks is checked
/// by parsing its result, and not offered when an entry would be lost or
/// changed.
pub(crate) fn reparse_keeping_entries(
    ctx: &Context,
    region: &Span,
    replacement: &str,
) -> Option<Document> {
    let text = ctx.source.text();
    let mut after = String::with_capacity(text.len() - region.len() + replacement.len());
    after.push_str(&text[..region.start]);
    after.push_str(replacement);
    after.push_str(&text[region.end..]);
    let parsed = Document::parse_with(&after, ctx.settings.parse_options());
    (parsed.entries.len() == ctx.doc.entries.len()
        && entry_texts(text, ctx.doc) == entry_texts(&after, &parsed))
    .then_some(parsed)
}

/// A fingerprint of each entry's item text without indentation, sorted:
/// what a move must keep (hashes, because this runs on every lint that
/// finds a misplaced entry, and sorting the texts themselves costs more).
fn entry_texts(text: &str, doc: &Document) -> Vec<u64> {
    use std::hash::{BuildHasher, Hasher};
    let state =
        std::hash::BuildHasherDefault::<std::collections::hash_map::DefaultHasher>::default();
    let mut all: Vec<u64> = doc
        .entries
        .iter()
        .map(|e| {
            let mut hasher = state.build_hasher();
            for line in text[e.item.clone()].lines().map(str::trim) {
                if !line.is_empty() {
                    hasher.write(line.as_bytes());
                    hasher.write_u8(b'\n');
                }
            }
            hasher.finish()
        })
        .collect();
    all.sort_unstable();
    all
}

/// Runs every rule that the settings leave on, in table order.
pub(crate) fn check_document(ctx: &Context) -> Vec<Finding> {
    let checks: Vec<(Rule, Check)> = Rule::all()
        .filter(|&rule| ctx.settings.is_enabled(rule))
        .filter_map(|rule| Some((rule, check_of(rule)?)))
        .collect();
    let threads = if runs_in_parallel(ctx.doc) {
        std::thread::available_parallelism().map_or(1, |n| n.get().min(MAX_THREADS))
    } else {
        1
    };
    let mut findings = if threads > 1 {
        in_parallel(ctx, &checks, threads)
    } else {
        let mut findings = Vec::new();
        for (_, check) in &checks {
            check(ctx, &mut findings);
        }
        findings
    };
    keep_findings_on_confident_readings(ctx, &mut findings);
    keep_one_remedy_for_a_paper_twice(ctx, &mut findings);
    keep_fixes_that_keep_emphasis(ctx.source.text(), &mut findings);
    keep_fixes_out_of_headings(ctx, &mut findings);
    keep_fixes_that_keep_link_text(ctx, &mut findings);
    findings
}

/// The entry whose item or text holds `offset`, if one does (entries are
/// in document order).
fn entry_at(entries: &[crate::document::Entry], offset: usize) -> Option<usize> {
    let i = entries.partition_point(|e| e.item.start <= offset);
    i.checked_sub(1)
        .filter(|&j| offset < entries[j].item.end.max(entries[j].span.end))
}

/// Two entries that are one paper twice (`duplicate-entry`): one is to be
/// deleted, and `venue-update`'s retag of the preprint's tag after the
/// other's venue would be the wrong remedy. It is not said.
fn keep_one_remedy_for_a_paper_twice(ctx: &Context, findings: &mut Vec<Finding>) {
    let entry_at = |offset: usize| entry_at(&ctx.doc.entries, offset);
    // Each finding's entry and the entry it names.
    let pair = |f: &Finding| {
        let mut pair = [
            entry_at(f.span.start)?,
            entry_at(f.related.first()?.span.start)?,
        ];
        pair.sort_unstable();
        Some(pair)
    };
    let twice: Vec<[usize; 2]> = findings
        .iter()
        .filter(|f| f.rule == Rule::DuplicateEntry)
        .filter_map(pair)
        .collect();
    if twice.is_empty() {
        return;
    }
    findings.retain(|f| f.rule != Rule::VenueUpdate || pair(f).is_none_or(|p| !twice.contains(&p)));
}

/// Whether a rule judges an entry's parts as they were read (which part is
/// the venue, where the title ends): where the reading is a guess, so is
/// what it says.
fn judges_parts(rule: Rule) -> bool {
    matches!(
        rule,
        Rule::EntryFormat
            | Rule::VenueFormat
            | Rule::Spacing
            | Rule::NameMismatch
            | Rule::TitleFormat
            | Rule::YearSection
            | Rule::EntryOrder
    )
}

/// The fewest entries a region has for its misreading to be worth a warning.
const MISREAD_REGION: usize = 10;

/// Know when you misread: in entries read by a shape that most of them do
/// not follow, the rules that judge parts say nothing, and instead the
/// region gets one warning that says so and how to declare its shape.
/// What does not depend on reading parts (empty and malformed links,
/// shared paper identities, link checks) is reported there as anywhere.
fn keep_findings_on_confident_readings(ctx: &Context, findings: &mut Vec<Finding>) {
    let confident = ctx.doc.confident_shapes();
    if confident.iter().all(|&c| c) {
        return;
    }
    let entries = &ctx.doc.entries;
    findings.retain(|f| {
        if !judges_parts(f.rule) {
            return true;
        }
        entry_at(entries, f.span.start)
            .is_none_or(|e| confident.get(entries[e].shape).copied().unwrap_or(true))
    });
    if !ctx.settings.is_enabled(Rule::EntryFormat) {
        return;
    }
    let counts = ctx.doc.fit_counts();
    for (index, &(written, all)) in counts.iter().enumerate() {
        // Said of a region that most of it is not understood, and that
        // is large enough for declaring its shape to be worth the while.
        if confident[index] || all < MISREAD_REGION || written * 2 >= all {
            continue;
        }
        let Some(first) = entries.iter().find(|e| e.shape == index) else {
            continue;
        };
        let shape = &ctx.doc.shapes[index];
        let under = shape
            .region
            .map(|h| format!(" under \"{}\"", ctx.doc.headings[h].text.trim()))
            .unwrap_or_default();
        findings.push(
            Finding::new(
                Rule::EntryFormat,
                first.head.clone(),
                format!(
                    "the {all} entries{under} are written in no one shape that awesome-lint can read: \
                     {written} of them have the parts of `{}`",
                    shape.template()
                ),
            )
            .severity(crate::rule::Severity::Warning)
            .label("read with little confidence")
            .help(
                "their links are checked, their parts are not; declare how the entries are \
                 written with `shape` in [entry] of .awesome-lint.toml (`awesome-lint init` \
                 shows the shapes it reads)",
            ),
        );
    }
}

/// A fix that changes the words of a link's label (a venue read from
/// `[arXiv2024](url)`, respelled) changes the link: whatever rule offers
/// it, such a finding is reported without its fix. The amount of
/// whitespace inside a label may change; a title's link is its title,
/// which fixes may space.
fn keep_fixes_that_keep_link_text(ctx: &Context, findings: &mut [Finding]) {
    let text = ctx.source.text();
    let mut labels: Vec<&Span> = ctx
        .doc
        .entries
        .iter()
        .flat_map(|e| &e.links)
        .filter(|l| !l.is_title)
        .map(|l| &l.label)
        .collect();
    if labels.is_empty() {
        return;
    }
    labels.sort_unstable_by_key(|s| s.start);
    // An edit that cuts into a label, not one that takes the whole link
    // along (an entry moved elsewhere).
    let inside_label = |span: &Span| {
        let i = labels.partition_point(|l| l.end <= span.start);
        labels.get(i).is_some_and(|l| {
            let meets = l.start < span.end.max(span.start + 1) && span.start < l.end;
            let covers = span.start <= l.start && l.end <= span.end;
            meets && !covers
        })
    };
    for finding in findings {
        let changes_words = finding.fix.as_ref().is_some_and(|fix| {
            fix.edits.iter().any(|e| {
                // More or less of the spaces already there; a space added
                // where there was none, or all taken away, splits or joins words.
                let written = &text[e.span.clone()];
                let respaced = !written.is_empty()
                    && !e.content.is_empty()
                    && written.trim().is_empty()
                    && e.content.trim().is_empty();
                // A label's missing `[`, put back before its first letter.
                let opened = written.is_empty()
                    && !e.content.is_empty()
                    && e.content.bytes().all(|b| b == b'[');
                !respaced && !opened && inside_label(&e.span)
            })
        });
        if changes_words {
            finding.fix = None;
        }
    }
}

/// From this many entries the rules run on several threads: below it,
/// starting them costs more than they save.
const PARALLEL_FROM: usize = 2_000;

/// Whether a document is large enough for its rules to run side by side
/// (and the machine has more than one core to run them on).
pub(crate) fn runs_in_parallel(doc: &Document) -> bool {
    doc.entries.len() >= PARALLEL_FROM
        && std::thread::available_parallelism().is_ok_and(|n| n.get() > 1)
}
/// The rules are a score of independent passes over one document: beyond a
/// few threads, the longest rule alone sets the time.
const MAX_THREADS: usize = 4;
/// The rules that compare every entry with every other build a map of the
/// whole list each: they run one after the other, so that their maps are
/// not all alive at once.
const COMPARING: [Rule; 2] = [Rule::DuplicateEntry, Rule::SharedLink];

/// Runs the checks on `threads` threads: one runs the comparing rules,
/// then joins the others in taking the next rule not yet run. The findings
/// come back in the rules' order, as if run one by one.
fn in_parallel(ctx: &Context, checks: &[(Rule, Check)], threads: usize) -> Vec<Finding> {
    use std::sync::Mutex;
    use std::sync::atomic::{AtomicUsize, Ordering};
    let (comparing, others): (Vec<usize>, Vec<usize>) =
        (0..checks.len()).partition(|&i| COMPARING.contains(&checks[i].0));
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<(usize, Vec<Finding>)>> = Mutex::new(Vec::with_capacity(checks.len()));
    let run = |index: usize| {
        let mut found = Vec::new();
        (checks[index].1)(ctx, &mut found);
        results
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push((index, found));
    };
    let take = || {
        while let Some(&index) = others.get(next.fetch_add(1, Ordering::Relaxed)) {
            run(index);
        }
    };
    std::thread::scope(|scope| {
        for _ in 2..threads {
            scope.spawn(take);
        }
        scope.spawn(|| {
            for &index in &comparing {
                run(index);
            }
            take();
        });
        take();
    });
    let mut results = results.into_inner().unwrap_or_else(|e| e.into_inner());
    results.sort_by_key(|(index, _)| *index);
    results.into_iter().flat_map(|(_, found)| found).collect()
}

/// A fix that edits beside a `*`, `_` or `~` run can change how the run
/// flanks its text, and so what is bold or italic: whatever rule offers it,
/// such a finding is reported without its fix. The engine would withhold
/// the fix anyway; asking here keeps it from being offered at all.
fn keep_fixes_that_keep_emphasis(text: &str, findings: &mut [Finding]) {
    for finding in findings {
        let keeps = finding.fix.as_ref().is_none_or(|fix| {
            fix.edits
                .iter()
                .all(|e| crate::document::edit_keeps_emphasis(text, e.span.clone(), &e.content))
        });
        if !keeps {
            finding.fix = None;
        }
    }
}

/// An entry written as a heading: any edit to its words changes the
/// heading's anchor, which the list's contents link to. Its findings are
/// reported without their fixes.
fn keep_fixes_out_of_headings(ctx: &Context, findings: &mut [Finding]) {
    let headings = &ctx.doc.entry_headings;
    if headings.is_empty() {
        return;
    }
    for finding in findings {
        let inside = finding.fix.as_ref().is_some_and(|fix| {
            fix.edits.iter().any(|e| {
                let i = headings.partition_point(|h| h.end < e.span.start);
                headings
                    .get(i)
                    .is_some_and(|h| h.start <= e.span.end && e.span.start <= h.end)
            })
        });
        if inside {
            finding.fix = None;
        }
    }
}

/// Whether two entries, one right after the other, belong to one run: the
/// same section and topic, the same kind of block at the same depth, and
/// nothing but blank lines between them.
pub(super) fn same_run(
    ctx: &Context,
    a: &crate::document::Entry,
    b: &crate::document::Entry,
) -> bool {
    use crate::document::{Block, Entry};
    let kind = |e: &Entry| match &e.block {
        Block::Item { depth, .. } => (0, *depth),
        Block::Row { table, .. } => (1, *table),
        Block::Paragraph => (2, 0),
    };
    // Items of one list are one run, whatever items between them were not
    // read as entries (a line of a paper cited some other way): the list
    // is what its writer kept one way.
    let one_list = matches!(
        (&a.block, &b.block),
        (Block::Item { list: x, .. }, Block::Item { list: y, .. }) if x == y
    );
    a.section == b.section
        && a.topic == b.topic
        && kind(a) == kind(b)
        && a.item.end <= b.item.start
        && (one_list || ctx.text(&(a.item.end..b.item.start)).trim().is_empty())
}

/// Whether `span` lies within an entry's item: a defect the document
/// noted by its place (a dropped cell, a glued bullet) is the list's only
/// among its entries.
pub(super) fn in_an_entry(ctx: &Context, span: &Span) -> bool {
    ctx.doc
        .entries
        .iter()
        .any(|e| e.item.start <= span.start && span.end <= e.item.end)
}

/// A month of a year as messages write it: `May 2023`.
pub(super) fn month_of_year(year: u16, month: u8) -> String {
    match crate::document::date::MONTH_NAMES.get(usize::from(month).wrapping_sub(1)) {
        Some(name) => format!("{name} {year}"),
        None => year.to_string(),
    }
}

/// Whether an entry's venue is a preprint server (`arXiv`, `arXiv
/// preprint`, `bioRxiv`) or says it is a preprint (`Preprint'24`): its
/// year is when the paper was posted.
pub(super) fn names_a_preprint(ctx: &Context, entry: &crate::document::Entry) -> bool {
    entry
        .venue
        .as_ref()
        .is_some_and(|venue| is_preprint_name(ctx.text(&venue.name), &ctx.settings.venues))
}

/// Whether a venue's name names a preprint server (`arXiv`, `arXiv
/// preprint`, `bioRxiv`) or says `preprint`.
pub(crate) fn is_preprint_name(name: &str, venues: &crate::venue::Venues) -> bool {
    let name = name.trim().to_lowercase();
    let first = name.split_whitespace().next().unwrap_or_default();
    venues.preprints().iter().any(|p| *p == name || p == first)
        || name.split_whitespace().any(|w| w == "preprint")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_side_by_side_find_what_one_by_one_finds() {
        // Defects of many kinds, in a list long enough to be checked in parallel.
        let mut text = String::from("# Papers\n\n### 2023\n");
        for i in 0..PARALLEL_FROM / 4 + 10 {
            text.push_str(&format!(
                "- [**CVPR 2023**] [**A{i}**] A{i}: First Paper About Things{i} [[pdf]](https://arxiv.org/pdf/2301.{i:05}.pdf)\n\
                 - [**NIPS 2023**] [**B{i}**] B{i}: Second  Paper[[pdf]](https://arxiv.org/pdf/2301.{i:05}.pdf)\n\
                 - [**ICCV 2022**] [**C{i}**] C{i}: Third Paper [[pdf]]() [[code]](https://github.com/o/r{i})\n\
                 * [**arXiv 2023**] [**D{i}**] D{i}: AFourth Paper [[pdf]](https://arxiv.org/pdf/2402.{i:05}.pdf)\n"
            ));
        }
        let source = Source::new("list.md", "list.md", text);
        let settings = Settings::default();
        let doc = Document::parse_with(source.text(), settings.parse_options());
        assert!(
            runs_in_parallel(&doc)
                || std::thread::available_parallelism().is_ok_and(|n| n.get() == 1)
        );
        let conventions =
            crate::conventions::Conventions::infer(source.text(), &doc, &settings.venues);
        let identities = crate::identity::Identities::of(source.text(), &doc);
        let ctx = Context {
            source: &source,
            doc: &doc,
            settings: &settings,
            conventions: &conventions,
            identities: &identities,
        };
        let checks: Vec<(Rule, Check)> = Rule::all()
            .filter_map(|rule| Some((rule, check_of(rule)?)))
            .collect();
        let mut one_by_one = Vec::new();
        for (_, check) in &checks {
            check(&ctx, &mut one_by_one);
        }
        assert!(
            one_by_one.len() > 4 * PARALLEL_FROM / 4,
            "{}",
            one_by_one.len()
        );
        for threads in [2, 3, 4] {
            assert!(
                in_parallel(&ctx, &checks, threads) == one_by_one,
                "{threads} threads"
            );
        }
    }
}

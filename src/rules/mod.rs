//! The rule table, and running every enabled rule over a document.
//!
//! One rule, one file: each file holds the rule's documentation (printed by
//! `awesome-lint explain`), its metadata and its check. Link rules are listed
//! here too, so config, `rules` and reports know them, but they are checked
//! by the link checker, not over the document.

mod broken_link;
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
mod section_order;
mod shared_link;
mod spacing;
mod title_format;
pub mod title_mismatch;
mod unverifiable_link;
mod venue_format;
mod year_mismatch;
mod year_section;

use std::fmt;
use std::str::FromStr;

use crate::config::Settings;
use crate::document::{Document, Span};
use crate::finding::{Finding, Severity};
use crate::source::Source;

/// Every rule, by its stable name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rule {
    EntryFormat,
    EmptyLink,
    Spacing,
    ListIndent,
    VenueFormat,
    NameMismatch,
    TitleFormat,
    LinkKind,
    YearSection,
    YearMismatch,
    TitleMismatch,
    SectionOrder,
    DuplicateEntry,
    SharedLink,
    MalformedLink,
    EntryOrder,
    BrokenLink,
    NotAPdf,
    MovedLink,
    UnverifiableLink,
}

/// Whether a rule's findings come with fixes, and how safe they are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fixable {
    No,
    /// `--fix` applies them.
    Safe,
    /// Only `--fix --unsafe-fixes` applies them.
    Unsafe,
    /// Some are safe, some (the guesses) unsafe.
    SafeAndUnsafe,
}

impl Fixable {
    pub fn as_str(self) -> &'static str {
        match self {
            Fixable::No => "no",
            Fixable::Safe => "safe",
            Fixable::Unsafe => "unsafe",
            Fixable::SafeAndUnsafe => "safe/unsafe",
        }
    }
}

/// A rule's check over one document.
pub type Check = fn(&Context, &mut Vec<Finding>);

/// What the rule table knows about a rule.
pub struct RuleInfo {
    pub rule: Rule,
    pub name: &'static str,
    /// The most serious severity the rule reports by default; some findings
    /// of a rule are milder (an unknown venue is a warning, a malformed tag an error).
    pub severity: Severity,
    pub fixable: Fixable,
    pub summary: &'static str,
    /// What it flags, why, and an example: the text of `awesome-lint explain`.
    pub doc: &'static str,
    /// `None` for the link rules, which the link checker reports.
    pub check: Option<Check>,
}

/// All rules, in the order of [`Rule`].
pub static RULES: [RuleInfo; 20] = [
    entry_format::INFO,
    empty_link::INFO,
    spacing::INFO,
    list_indent::INFO,
    venue_format::INFO,
    name_mismatch::INFO,
    title_format::INFO,
    link_kind::INFO,
    year_section::INFO,
    year_mismatch::INFO,
    title_mismatch::INFO,
    section_order::INFO,
    duplicate_entry::INFO,
    shared_link::INFO,
    malformed_link::INFO,
    entry_order::INFO,
    broken_link::INFO,
    not_a_pdf::INFO,
    moved_link::INFO,
    unverifiable_link::INFO,
];

impl Rule {
    pub fn info(self) -> &'static RuleInfo {
        &RULES[self as usize]
    }

    pub fn name(self) -> &'static str {
        self.info().name
    }

    pub fn all() -> impl Iterator<Item = Rule> {
        RULES.iter().map(|info| info.rule)
    }

    /// The closest rule name, for a did-you-mean.
    pub fn suggest(name: &str) -> Option<&'static str> {
        RULES
            .iter()
            .map(|info| (strsim::levenshtein(name, info.name), info.name))
            .filter(|&(distance, _)| distance <= 3)
            .min()
            .map(|(_, name)| name)
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Rule {
    type Err = ();

    fn from_str(name: &str) -> Result<Self, ()> {
        RULES
            .iter()
            .find(|info| info.name == name)
            .map(|info| info.rule)
            .ok_or(())
    }
}

/// What a rule may read: the document, its text, and the settings.
pub struct Context<'a> {
    pub source: &'a Source,
    pub doc: &'a Document,
    pub settings: &'a Settings,
    /// What the list does by habit, inferred once for every rule.
    pub conventions: &'a crate::conventions::Conventions,
    /// Every entry's paper keys, read once for the rules that compare entries.
    pub identities: &'a crate::identity::Identities<'a>,
}

impl<'a> Context<'a> {
    pub fn text(&self, span: &Span) -> &'a str {
        &self.source.text()[span.clone()]
    }

    /// 1-based line of a byte offset, for messages that name another place.
    pub fn line(&self, offset: usize) -> usize {
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
pub fn check_document(ctx: &Context) -> Vec<Finding> {
    let checks: Vec<(Rule, Check)> = RULES
        .iter()
        .filter(|info| ctx.settings.is_enabled(info.rule))
        .filter_map(|info| Some((info.rule, info.check?)))
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
    keep_fixes_that_keep_emphasis(ctx.source.text(), &mut findings);
    findings
}

/// From this many entries the rules run on several threads: below it,
/// starting them costs more than they save.
const PARALLEL_FROM: usize = 2_000;

/// Whether a document is large enough for its rules to run side by side
/// (and the machine has more than one core to run them on).
pub fn runs_in_parallel(doc: &Document) -> bool {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_in_enum_order_with_unique_kebab_names() {
        for (index, info) in RULES.iter().enumerate() {
            assert_eq!(info.rule as usize, index, "{}", info.name);
            assert_eq!(info.name.parse::<Rule>(), Ok(info.rule));
            assert!(
                info.name
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b == b'-')
            );
            assert!(
                !info.summary.is_empty() && info.doc.contains("## Example"),
                "{}",
                info.name
            );
        }
    }

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
        let conventions = crate::conventions::Conventions::infer(source.text(), &doc);
        let identities = crate::identity::Identities::of(source.text(), &doc);
        let ctx = Context {
            source: &source,
            doc: &doc,
            settings: &settings,
            conventions: &conventions,
            identities: &identities,
        };
        let checks: Vec<(Rule, Check)> = RULES
            .iter()
            .filter_map(|info| Some((info.rule, info.check?)))
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

    #[test]
    fn suggests_close_rule_names() {
        assert_eq!(Rule::suggest("year-sections"), Some("year-section"));
        assert_eq!(Rule::suggest("nonsense-rule-name"), None);
    }
}

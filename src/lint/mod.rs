//! Linting one file: parse, run the rules, apply suppressions and the
//! configured severities, sort. Findings found later (by the link checker)
//! go through the same suppressions and severities with [`Linted::add`].
//! Fixing is linting in a loop: [`fix_to_fixpoint`].

mod fixpoint;
mod vet;

pub use fixpoint::{FixError, Fixed, MAX_PASSES, Withheld, fix_to_fixpoint};

use crate::config::Settings;
use crate::conventions::Conventions;
use crate::diagnostic::Finding;
use crate::document::Document;
use crate::rules::{self, Context};
use crate::source::Source;
use crate::suppress::Suppressions;

/// What linting one file found, and what later findings need.
#[derive(Debug)]
pub struct Linted {
    pub doc: Document,
    pub findings: Vec<Finding>,
    suppressions: Suppressions,
}

impl Linted {
    pub fn entries(&self) -> usize {
        self.doc.entries.len()
    }

    /// Whether the file links papers but no entry could be read in it.
    pub fn unreadable(&self) -> bool {
        self.doc.entries.is_empty() && self.doc.paper_blocks > 0
    }

    /// Adds findings from outside the rules (link results), suppressed and
    /// graded like the rules' own, and keeps the order.
    pub fn add(&mut self, source: &Source, settings: &Settings, findings: Vec<Finding>) {
        let mut used = vec![false; self.suppressions.len()];
        self.findings.extend(filter(
            source,
            settings,
            &self.suppressions,
            findings,
            &mut used,
        ));
        sort(&mut self.findings);
    }
}

/// Lints a source with the offline rules.
pub fn lint(source: &Source, settings: &Settings) -> Linted {
    let doc = Document::parse_with(source.text(), settings.parse_options());
    // Two independent reads of the document: on a large one, side by side.
    let (conventions, identities) = if rules::runs_in_parallel(&doc) {
        std::thread::scope(|scope| {
            let identities = scope.spawn(|| crate::identity::Identities::of(source.text(), &doc));
            let conventions = Conventions::infer(source.text(), &doc, &settings.venues);
            let identities = identities
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            (conventions, identities)
        })
    } else {
        (
            Conventions::infer(source.text(), &doc, &settings.venues),
            crate::identity::Identities::of(source.text(), &doc),
        )
    };
    let raw = {
        let ctx = Context {
            source,
            doc: &doc,
            settings,
            conventions: &conventions,
            identities: &identities,
        };
        rules::check_document(&ctx)
    };
    let (suppressions, comments) = Suppressions::collect(source, &doc);
    let mut used = vec![false; suppressions.len()];
    let mut findings = filter(source, settings, &suppressions, raw, &mut used);
    // What the comments themselves do wrong, now that it is known what they
    // suppressed: judged only for the rules this run checked.
    let mut comments = comments;
    comments.extend(suppressions.unused(&used, |rule| {
        rules::check_of(rule).is_some() && settings.is_enabled(rule)
    }));
    findings.extend(filter(source, settings, &suppressions, comments, &mut used));
    vet::vet(source.text(), &mut findings);
    sort(&mut findings);
    Linted {
        doc,
        findings,
        suppressions,
    }
}

/// Drops suppressed findings (marking in `used` the directives that
/// suppressed them) and findings of rules that are off; applies configured
/// severities.
fn filter(
    source: &Source,
    settings: &Settings,
    suppressions: &Suppressions,
    findings: Vec<Finding>,
    used: &mut [bool],
) -> Vec<Finding> {
    findings
        .into_iter()
        .filter(|finding| !suppressions.is_suppressed(source, finding, used))
        .filter_map(|mut finding| {
            finding.severity = settings.severity(finding.rule, finding.severity)?;
            Some(finding)
        })
        .collect()
}

/// Orders findings by position, then rule, so output is stable.
pub(crate) fn sort(findings: &mut [Finding]) {
    findings.sort_by(|a, b| {
        (a.span.start, a.rule, a.span.end, &a.message).cmp(&(
            b.span.start,
            b.rule,
            b.span.end,
            &b.message,
        ))
    });
}

//! Linting one file: parse, run the rules, apply suppressions and the
//! configured severities, sort.

use crate::config::Settings;
use crate::document::Document;
use crate::finding::Finding;
use crate::rules::{self, Context};
use crate::source::Source;
use crate::suppress::{Notice, Suppressions};

/// What linting one file found.
#[derive(Debug)]
pub struct Linted {
    pub findings: Vec<Finding>,
    pub entries: usize,
    pub notices: Vec<Notice>,
}

/// Lints a source with the offline rules.
pub fn lint(source: &Source, settings: &Settings) -> Linted {
    let doc = Document::parse(source.text());
    lint_document(source, &doc, settings)
}

/// Lints an already parsed document.
pub fn lint_document(source: &Source, doc: &Document, settings: &Settings) -> Linted {
    let ctx = Context {
        source,
        doc,
        settings,
    };
    let raw = rules::check_document(&ctx);
    let (suppressions, notices) = Suppressions::collect(source, doc);
    let mut findings: Vec<Finding> = raw
        .into_iter()
        .filter(|finding| !suppressions.is_suppressed(source, finding))
        .filter_map(|mut finding| {
            finding.severity = settings.severity(finding.rule, finding.severity)?;
            Some(finding)
        })
        .collect();
    sort(&mut findings);
    Linted {
        findings,
        entries: doc.entries.len(),
        notices,
    }
}

/// Orders findings by position, then rule, so output is stable.
pub fn sort(findings: &mut [Finding]) {
    findings.sort_by(|a, b| {
        (a.span.start, a.rule, a.span.end, &a.message).cmp(&(
            b.span.start,
            b.rule,
            b.span.end,
            &b.message,
        ))
    });
}

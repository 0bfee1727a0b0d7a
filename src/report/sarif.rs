//! `--format sarif`: a SARIF 2.1.0 log for GitHub code scanning, with every
//! rule described and every finding located by a physical region.

use std::io::{self, Write};
use std::path::Path;

use serde_json::{Value, json};

use super::FileReport;
use super::artifact::Root;
use super::failure::Failure;
use crate::rule::RULES;
use crate::rule::Severity;

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// Writes the SARIF log of a run, with what stopped it, if anything.
pub fn render(reports: &[FileReport], failures: &[Failure], out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &log(reports, failures, &Root::here()))?;
    out.write_all(b"\n")
}

/// The SARIF log as JSON, with paths against `root`.
pub fn log(reports: &[FileReport], failures: &[Failure], root: &Root) -> Value {
    let rules: Vec<Value> = RULES
        .iter()
        .map(|rule| {
            let mut descriptor = json!({
                "id": rule.name,
                "shortDescription": { "text": sentence(rule.summary) },
                "fullDescription": { "text": first_paragraph(rule.doc) },
                "help": { "text": rule.doc, "markdown": rule.doc },
                "defaultConfiguration": { "level": level(rule.severity), "enabled": rule.enabled },
                "properties": { "tags": ["awesome-list"] },
            });
            // SARIF wants `name` to differ from `id`: a one-word rule has none.
            if rule.name.contains('-') {
                descriptor["name"] = Value::String(pascal_case(rule.name));
            }
            descriptor
        })
        .collect();
    let mut results = Vec::new();
    for report in reports {
        let artifact = root.sarif_location(report.source.path());
        for finding in &report.findings {
            let start = report.source.position(finding.span.start);
            let end = report.source.position(finding.span.end);
            let mut message = finding.message.clone();
            if let Some(help) = &finding.help {
                message.push_str(&format!("\nhelp: {help}"));
            }
            let mut result = json!({
                "ruleId": finding.rule.name(),
                "ruleIndex": finding.rule as usize,
                "level": level(finding.severity),
                "message": { "text": message },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": artifact,
                        "region": {
                            "startLine": start.line,
                            "startColumn": start.column,
                            "endLine": end.line,
                            "endColumn": end.column.max(if end.line == start.line { start.column + 1 } else { 1 }),
                        }
                    }
                }],
            });
            if !finding.related.is_empty() {
                let related: Vec<Value> = finding
                    .related
                    .iter()
                    .enumerate()
                    .map(|(id, related)| {
                        let at = report.source.position(related.span.start);
                        json!({
                            "id": id,
                            "message": { "text": related.label },
                            "physicalLocation": {
                                "artifactLocation": artifact,
                                "region": { "startLine": at.line, "startColumn": at.column },
                            }
                        })
                    })
                    .collect();
                result["relatedLocations"] = Value::Array(related);
            }
            results.push(result);
        }
    }
    // What stopped the run, as the tool's own notifications: code scanning
    // shows a run that did not succeed instead of a clean result.
    let notifications: Vec<Value> = failures
        .iter()
        .map(|failure| {
            let mut text = failure.message.clone();
            if let Some(help) = &failure.help {
                text.push_str(&format!("\nhelp: {help}"));
            }
            let mut notification = json!({
                "level": "error",
                "message": { "text": text },
            });
            if let Some(file) = &failure.file {
                let mut location = json!({
                    "physicalLocation": { "artifactLocation": root.sarif_location(Path::new(file)) }
                });
                if let Some(line) = failure.line {
                    location["physicalLocation"]["region"] =
                        json!({ "startLine": line, "startColumn": failure.column.unwrap_or(1) });
                }
                notification["locations"] = json!([location]);
            }
            notification
        })
        .collect();
    let mut base = json!({ "description": { "text": "The repository (or the directory) awesome-lint ran in." } });
    if let Some(uri) = root.uri() {
        base["uri"] = Value::String(uri);
    }
    json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "awesome-lint",
                    "version": env!("CARGO_PKG_VERSION"),
                    "semanticVersion": env!("CARGO_PKG_VERSION"),
                    "informationUri": env!("CARGO_PKG_REPOSITORY"),
                    "rules": rules,
                }
            },
            "invocations": [{
                "executionSuccessful": failures.is_empty(),
                "toolExecutionNotifications": notifications,
            }],
            "columnKind": "unicodeCodePoints",
            "originalUriBaseIds": { "%SRCROOT%": base },
            "results": results,
        }]
    })
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// `year-section` → `YearSection`.
fn pascal_case(name: &str) -> String {
    name.split('-')
        .map(|word| {
            let mut chars = word.chars();
            chars
                .next()
                .map(|first| first.to_uppercase().chain(chars).collect::<String>())
                .unwrap_or_default()
        })
        .collect()
}

/// A summary as a sentence: capitalized, ending with a period.
fn sentence(text: &str) -> String {
    let mut out = super::capitalize(text);
    if !out.ends_with('.') {
        out.push('.');
    }
    out
}

/// The text under the doc's first heading ("What it does"), as one paragraph.
fn first_paragraph(doc: &str) -> String {
    let body = doc
        .lines()
        .skip_while(|l| l.starts_with('#'))
        .take_while(|l| !l.starts_with('#'));
    let text = body.collect::<Vec<_>>().join(" ");
    sentence(text.split_whitespace().collect::<Vec<_>>().join(" ").trim())
}

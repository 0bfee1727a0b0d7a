//! `--format json`: one document on stdout, in the shape the contract fixes.

use std::io::{self, Write};

use serde::Serialize;

use super::failure::Failure;
use super::{FileReport, Summary};

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    diagnostics: Vec<Diagnostic<'a>>,
    summary: Summary,
    /// What stopped the run (exit 2); absent when it ran to the end.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    failures: &'a [Failure],
}

#[derive(Serialize)]
struct Diagnostic<'a> {
    file: &'a str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    rule: &'static str,
    severity: &'static str,
    message: &'a str,
    help: Option<&'a str>,
    fixable: bool,
}

/// Writes the JSON report. Positions are 1-based; columns count characters;
/// the end is exclusive (the column just after the span). `failures` say
/// what stopped the run, if anything.
pub fn render(
    reports: &[FileReport],
    summary: &Summary,
    failures: &[Failure],
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut diagnostics = Vec::new();
    for report in reports {
        for finding in &report.findings {
            let start = report.source.position(finding.span.start);
            let end = report.source.position(finding.span.end);
            diagnostics.push(Diagnostic {
                file: report.source.name(),
                line: start.line,
                column: start.column,
                end_line: end.line,
                end_column: end.column,
                rule: finding.rule.name(),
                severity: finding.severity.as_str(),
                message: &finding.message,
                help: finding.help.as_deref(),
                fixable: finding.fix.as_ref().is_some_and(|fix| fix.is_safe()),
            });
        }
    }
    let document = Document {
        version: 1,
        diagnostics,
        summary: *summary,
        failures,
    };
    serde_json::to_writer_pretty(&mut *out, &document)?;
    out.write_all(b"\n")
}

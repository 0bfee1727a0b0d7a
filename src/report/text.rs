//! Findings as miette diagnostics: the source lines, a label on the exact
//! span, related places as second labels, and a help line.

use std::fmt;
use std::io::{self, Write};

use miette::{Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, SourceCode};

use super::{FileReport, Summary, plural};
use crate::diagnostic::Finding;
use crate::document::Span;
use crate::rule::Severity;
use crate::source::{LONG_LINE, Source};

/// How text output looks.
#[derive(Debug, Clone, Copy)]
pub struct TextOptions {
    pub color: bool,
    /// Columns to wrap messages at.
    pub width: usize,
}

impl Default for TextOptions {
    fn default() -> Self {
        Self {
            color: false,
            width: 100,
        }
    }
}

/// Renders every finding of every file.
pub fn render(
    reports: &[FileReport],
    options: &TextOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    let theme = if options.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(options.width)
        .with_links(false);
    let mut rendered = String::new();
    for report in reports {
        for finding in &report.findings {
            rendered.clear();
            let diagnostic = FindingDiagnostic {
                finding,
                source: &report.source,
            };
            handler
                .render_report(&mut rendered, &diagnostic)
                .map_err(|_| io::Error::other("formatting a diagnostic failed"))?;
            out.write_all(rendered.as_bytes())?;
            out.write_all(b"\n")?;
        }
    }
    Ok(())
}

/// The closing line: what was checked and what was found.
pub(crate) fn summary_line(summary: &Summary) -> String {
    let checked = match summary.links {
        None => format!(
            "{}, {}",
            plural(summary.files, "file", "files"),
            plural(summary.entries, "entry", "entries")
        ),
        Some(links) => {
            let counted: Vec<String> = [
                (links.cached, "cached"),
                (links.unchecked, "could not be checked"),
            ]
            .iter()
            .filter(|(n, _)| *n > 0)
            .map(|(n, what)| format!("{n} {what}"))
            .collect();
            let cached = if counted.is_empty() {
                String::new()
            } else {
                format!(" ({})", counted.join(", "))
            };
            format!(
                "{}, {} and {}{cached} in {:.1} s",
                plural(summary.files, "file", "files"),
                plural(summary.entries, "entry", "entries"),
                plural(links.checked, "link", "links"),
                links.elapsed.as_secs_f64()
            )
        }
    };
    let broken = if summary.broken > 0 {
        format!(
            " ({})",
            plural(summary.broken, "broken link", "broken links")
        )
    } else {
        String::new()
    };
    let fixed = if summary.fixed > 0 {
        format!(" ({} fixed)", summary.fixed)
    } else {
        String::new()
    };
    let unreadable = match summary.unreadable {
        0 => String::new(),
        1 if summary.files == 1 => {
            " No entry could be read in it: see `awesome-lint init`.".to_owned()
        }
        n => format!(
            " In {} no entry could be read: see `awesome-lint init`.",
            plural(n, "file", "files")
        ),
    };
    format!(
        "Checked {checked}: {}{broken}, {}{fixed}.{unreadable}",
        plural(summary.errors, "error", "errors"),
        plural(summary.warnings, "warning", "warnings"),
    )
}

/// Longest label drawn, in bytes: a longer span is shown by its start.
const MAX_LABEL: usize = 200;

/// A finding seen through miette's eyes.
struct FindingDiagnostic<'a> {
    finding: &'a Finding,
    source: &'a Source,
}

impl FindingDiagnostic<'_> {
    /// The part of a span that is drawn: its first line, at most [`MAX_LABEL`] bytes.
    fn shown(&self, span: &Span) -> Span {
        let line_end = self
            .source
            .line_range(self.source.line_index(span.start))
            .end;
        let mut end = span
            .end
            .min(line_end)
            .min(span.start + MAX_LABEL)
            .max(span.start);
        while !self.source.text().is_char_boundary(end) {
            end -= 1;
        }
        span.start..end
    }
}

impl fmt::Debug for FindingDiagnostic<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.finding, f)
    }
}

impl fmt::Display for FindingDiagnostic<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.finding.message)
    }
}

impl std::error::Error for FindingDiagnostic<'_> {}

impl Diagnostic for FindingDiagnostic<'_> {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(self.finding.rule.name()))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.finding.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
        })
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.finding
            .help
            .as_ref()
            .map(|help| Box::new(help) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let primary_span = self.shown(&self.finding.span);
        let primary_line = self.source.line_index(primary_span.start);
        let long = self.source.line_range(primary_line).len() > LONG_LINE;
        let primary =
            LabeledSpan::new_primary_with_span(self.finding.label.clone(), primary_span.clone());
        let related = self
            .finding
            .related
            .iter()
            .map(|r| (r, self.shown(&r.span)))
            // On a long line, a far-away second label would stretch the snippet to the whole line.
            .filter(move |(_, span)| {
                !long
                    || self.source.line_index(span.start) != primary_line
                    || span.start.abs_diff(primary_span.start) <= MAX_LABEL
            })
            // miette heads the report with the location of the first snippet: a
            // place far above the finding would take over the header. The
            // message and help name such places by line instead.
            .filter(move |(_, span)| self.source.line_index(span.start) + 2 >= primary_line)
            .map(|(r, span)| LabeledSpan::new_with_span(Some(r.label.clone()), span));
        Some(Box::new(std::iter::once(primary).chain(related)))
    }
}

//! `--format github`: one workflow command per finding, which GitHub Actions
//! turns into an annotation on the line, and a Markdown job summary.
//!
//! GitHub shows at most 10 error and 10 warning annotations per step, so each
//! finding is also written as a plain log line, and the summary lists them all.

use std::io::{self, Write};

use super::artifact::Root;
use super::failure::Failure;
use super::{FileReport, Summary, plural};
use crate::rule::Severity;

/// Writes a workflow command and a log line for every finding, and an
/// `::error` for every failure that stopped the run.
pub fn render(reports: &[FileReport], failures: &[Failure], out: &mut dyn Write) -> io::Result<()> {
    let root = Root::here();
    for failure in failures {
        let mut message = failure.message.clone();
        if let Some(help) = &failure.help {
            message.push_str("\nhelp: ");
            message.push_str(help);
        }
        let mut properties = Vec::new();
        if let Some(file) = &failure.file {
            let path = annotation_path(&root, std::path::Path::new(file));
            writeln!(
                out,
                "{}: error: {}",
                plain_path(&failure.place()),
                failure.message
            )?;
            properties.push(format!("file={}", escape_property(&path)));
            if let Some(line) = failure.line {
                properties.push(format!("line={line}"));
            }
            if let Some(column) = failure.column {
                properties.push(format!("col={column}"));
            }
        } else {
            writeln!(out, "error: {}", failure.message)?;
        }
        properties.push("title=awesome-lint".to_owned());
        writeln!(
            out,
            "::error {}::{}",
            properties.join(","),
            escape_data(&message)
        )?;
    }
    for report in reports {
        let file = annotation_path(&root, report.source.path());
        for finding in &report.findings {
            let start = report.source.position(finding.span.start);
            let end = report.source.position(finding.span.end);
            let command = match finding.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            };
            let mut message = finding.message.clone();
            if let Some(help) = &finding.help {
                message.push_str("\nhelp: ");
                message.push_str(help);
            }
            writeln!(
                out,
                "{}:{}:{}: {}[{}] {}",
                plain_path(&file),
                start.line,
                start.column,
                command,
                finding.rule,
                finding.message
            )?;
            writeln!(
                out,
                "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}",
                escape_property(&file),
                start.line,
                start.column,
                end.line,
                end.column,
                escape_property(finding.rule.name()),
                escape_data(&message),
            )?;
        }
    }
    Ok(())
}

/// A path as GitHub places annotations: relative to the repository.
fn annotation_path(root: &Root, path: &std::path::Path) -> String {
    root.relative(path)
        .unwrap_or_else(|| path.to_string_lossy().replace('\\', "/"))
}

/// A path as the plain log line shows it: one line, and never starting with
/// `::`, which the runner would read as a command.
fn plain_path(path: &str) -> String {
    let one_line: String = path
        .chars()
        .map(|c| if c.is_control() { '?' } else { c })
        .collect();
    if one_line.starts_with(':') {
        format!("./{one_line}")
    } else {
        one_line
    }
}

/// The Actions toolkit's escaping of a command's message.
pub(crate) fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// The Actions toolkit's escaping of a command's property values.
pub(crate) fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// GitHub refuses step summaries over 1 MiB; stop adding rows well before.
const SUMMARY_LIMIT: usize = 1024 * 1024 - 16 * 1024;

/// The job summary: what stopped the run, if anything, then counts, then a
/// table of every finding, truncated with a note before GitHub's 1 MiB limit.
pub fn summary_markdown(reports: &[FileReport], summary: &Summary, failures: &[Failure]) -> String {
    let mut md = String::from("## awesome-lint\n\n");
    if !failures.is_empty() {
        md.push_str(":x: **The check could not be completed** (exit 2):\n\n");
        let root = Root::here();
        for failure in failures {
            let place = match &failure.file {
                Some(file) => {
                    let path = annotation_path(&root, std::path::Path::new(file));
                    match failure.line {
                        Some(line) => format!("{path}:{line}"),
                        None => path,
                    }
                }
                None => String::new(),
            };
            let mut line = if place.is_empty() {
                format!("- {}", table_cell(&failure.message))
            } else {
                format!(
                    "- `{}`: {}",
                    place.replace('`', "'"),
                    table_cell(&failure.message)
                )
            };
            if let Some(help) = &failure.help {
                line.push_str(&format!(" ({})", table_cell(help)));
            }
            md.push_str(&line);
            md.push('\n');
        }
        md.push('\n');
        if reports.is_empty() {
            return md;
        }
    }
    let links = match summary.links {
        Some(links) if links.unchecked > 0 => format!(
            ", {}, {} of them could not be",
            plural(links.checked, "link checked", "links checked"),
            links.unchecked
        ),
        Some(links) => format!(
            ", {}",
            plural(links.checked, "link checked", "links checked")
        ),
        None => String::new(),
    };
    md.push_str(&format!(
        "**{}, {}** in {} ({}{links})\n\n",
        plural(summary.errors, "error", "errors"),
        plural(summary.warnings, "warning", "warnings"),
        plural(summary.files, "file", "files"),
        plural(summary.entries, "entry", "entries"),
    ));
    let total: usize = reports.iter().map(|r| r.findings.len()).sum();
    if total == 0 {
        md.push_str(if failures.is_empty() {
            "No findings.\n"
        } else {
            "No findings in the files that could be checked.\n"
        });
        return md;
    }
    md.push_str("| Location | Rule | Severity | Message |\n|---|---|---|---|\n");
    let mut written = 0;
    let root = Root::here();
    'files: for report in reports {
        let file = annotation_path(&root, report.source.path());
        for finding in &report.findings {
            let line = report.source.position(finding.span.start).line;
            let row = format!(
                "| `{}:{}` | `{}` | {} | {} |\n",
                file.replace('`', "'"),
                line,
                finding.rule,
                finding.severity,
                table_cell(&finding.message)
            );
            if md.len() + row.len() > SUMMARY_LIMIT {
                break 'files;
            }
            md.push_str(&row);
            written += 1;
        }
    }
    if written < total {
        md.push_str(&format!(
            "\n{} more not shown: the summary is limited to 1 MiB. The log of this step lists every finding.\n",
            plural(total - written, "finding", "findings")
        ));
    }
    md
}

/// A table cell: pipes escaped, line breaks as `<br>`.
fn table_cell(text: &str) -> String {
    text.replace('|', "\\|")
        .replace("\r\n", "<br>")
        .replace('\n', "<br>")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_like_the_actions_toolkit() {
        assert_eq!(escape_data("100% done\r\nnext"), "100%25 done%0D%0Anext");
        assert_eq!(escape_property("dir,a:b/c.md"), "dir%2Ca%3Ab/c.md");
        assert_eq!(escape_property("50%"), "50%25");
    }
}

//! `--format github`: one workflow command per finding, which GitHub Actions
//! turns into an annotation on the line, and a Markdown job summary.
//!
//! GitHub shows at most 10 error and 10 warning annotations per step, so each
//! finding is also written as a plain log line, and the summary lists them all.

use std::io::{self, Write};

use super::{FileReport, Summary, plural, relative_path};
use crate::finding::Severity;

/// Writes a workflow command and a log line for every finding.
pub fn render(reports: &[FileReport], out: &mut dyn Write) -> io::Result<()> {
    for report in reports {
        let file = relative_path(report.source.path());
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
pub fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// The Actions toolkit's escaping of a command's property values.
pub fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// GitHub refuses step summaries over 1 MiB; stop adding rows well before.
const SUMMARY_LIMIT: usize = 1024 * 1024 - 16 * 1024;

/// The job summary: counts, then a table of every finding, truncated with a
/// note before GitHub's 1 MiB limit.
pub fn summary_markdown(reports: &[FileReport], summary: &Summary) -> String {
    let mut md = String::from("## awesome-lint\n\n");
    let links = match summary.links {
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
        md.push_str("No findings.\n");
        return md;
    }
    md.push_str("| Location | Rule | Severity | Message |\n|---|---|---|---|\n");
    let mut written = 0;
    'files: for report in reports {
        let file = relative_path(report.source.path());
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

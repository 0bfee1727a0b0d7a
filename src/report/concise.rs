//! One line per finding, `file:line:col: severity[rule] message`, for
//! editors and grep; and `--statistics`, one line per rule with its count.

use std::collections::BTreeMap;
use std::io::{self, Write};

use super::FileReport;
use crate::rule::Rule;

/// Writes every finding as one line.
pub fn render(reports: &[FileReport], out: &mut dyn Write) -> io::Result<()> {
    for report in reports {
        for finding in &report.findings {
            let at = report.source.position(finding.span.start);
            let fix = match &finding.fix {
                Some(fix) if fix.is_safe() => " [*]",
                _ => "",
            };
            writeln!(
                out,
                "{}:{}:{}: {}[{}] {}{fix}",
                report.source.name(),
                at.line,
                at.column,
                finding.severity,
                finding.rule,
                finding.message
            )?;
        }
    }
    Ok(())
}

/// Writes one line per rule that found something, most findings first:
/// the count, the rule, and how many of them `--fix` would repair.
pub fn render_statistics(reports: &[FileReport], out: &mut dyn Write) -> io::Result<()> {
    let mut counts: BTreeMap<Rule, (usize, usize)> = BTreeMap::new();
    for finding in reports.iter().flat_map(|r| &r.findings) {
        let count = counts.entry(finding.rule).or_default();
        count.0 += 1;
        count.1 += usize::from(finding.fix.as_ref().is_some_and(|f| f.is_safe()));
    }
    let mut rows: Vec<(Rule, usize, usize)> = counts
        .into_iter()
        .map(|(rule, (n, fixable))| (rule, n, fixable))
        .collect();
    rows.sort_by_key(|&(rule, n, _)| (std::cmp::Reverse(n), rule));
    let width = rows
        .iter()
        .map(|(_, n, _)| n.to_string().len())
        .max()
        .unwrap_or(1);
    for (rule, n, fixable) in rows {
        let fixable = if fixable > 0 {
            format!("  ({fixable} fixable)")
        } else {
            String::new()
        };
        writeln!(out, "{n:>width$}  {rule}{fixable}")?;
    }
    Ok(())
}

//! `awesome-lint rules`: the rule table.

use std::io;

use super::{ExitStatus, Output};
use crate::rules::RULES;

pub(super) fn run(output: &mut Output) -> io::Result<ExitStatus> {
    let width = RULES.iter().map(|r| r.name.len()).max().unwrap_or(0);
    writeln!(
        output.stdout,
        "{:width$}  {:8}  {:7}  summary",
        "rule", "severity", "fixable"
    )?;
    for rule in &RULES {
        writeln!(
            output.stdout,
            "{:width$}  {:8}  {:7}  {}",
            rule.name,
            rule.severity.as_str(),
            if rule.fixable { "yes" } else { "no" },
            rule.summary
        )?;
    }
    Ok(ExitStatus::Success)
}

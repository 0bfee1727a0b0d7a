//! `awesome-lint rules`: the rule table.

use std::io;

use super::{ExitStatus, Output};
use crate::rule::RULES;

pub(super) fn run(output: &mut Output) -> io::Result<ExitStatus> {
    let width = RULES.iter().map(|r| r.name.len()).max().unwrap_or(0);
    writeln!(
        output.stdout,
        "{:width$}  {:8}  {:11}  summary",
        "rule", "severity", "fixable"
    )?;
    for rule in &RULES {
        writeln!(
            output.stdout,
            "{:width$}  {:8}  {:11}  {}",
            rule.name,
            // A rule outside the default set shows `off`; its summary says
            // what it reports once turned on.
            if rule.enabled {
                rule.severity.as_str()
            } else {
                "off"
            },
            rule.fixable.as_str(),
            rule.summary
        )?;
    }
    Ok(ExitStatus::Success)
}

//! `awesome-lint explain RULE`: a rule's documentation.

use std::io;

use super::{ExitStatus, Output};
use crate::report::capitalize;
use crate::rule::Rule;

pub(super) fn run(name: &str, output: &mut Output) -> io::Result<ExitStatus> {
    let Ok(rule) = name.parse::<Rule>() else {
        let hint = match Rule::suggest(name) {
            Some(suggestion) => format!("did you mean `{suggestion}`?"),
            None => "`awesome-lint rules` lists them".to_owned(),
        };
        writeln!(output.stderr, "error: unknown rule `{name}`; {hint}")?;
        return Ok(ExitStatus::Error);
    };
    let info = rule.info();
    writeln!(output.stdout, "# {}\n", info.name)?;
    writeln!(
        output.stdout,
        "{}.\nDefault severity: {}. Fixable: {}.\n",
        capitalize(info.summary),
        info.severity,
        info.fixable.as_str()
    )?;
    write!(output.stdout, "{}", info.doc)?;
    Ok(ExitStatus::Success)
}

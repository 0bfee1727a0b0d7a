//! What a rule reports: a finding at a span, with a message, help, related
//! places and an optional fix. Findings carry byte spans; lines and columns
//! are computed only when reporting.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::document::Span;
use crate::fix::Fix;
use crate::rules::Rule;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A second place that explains a finding (the first copy of a duplicate).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Related {
    pub span: Span,
    pub label: String,
}

/// One problem found in one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub rule: Rule,
    pub severity: Severity,
    pub span: Span,
    pub message: String,
    /// Short text under the primary span.
    pub label: Option<String>,
    pub help: Option<String>,
    pub related: Vec<Related>,
    pub fix: Option<Fix>,
}

impl Finding {
    /// A finding with the rule's default severity.
    pub fn new(rule: Rule, span: Span, message: impl Into<String>) -> Self {
        Self {
            rule,
            severity: rule.info().severity,
            span,
            message: one_line(message.into()),
            label: None,
            help: None,
            related: Vec::new(),
            fix: None,
        }
    }

    pub fn severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }

    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(one_line(label.into()));
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(one_line(help.into()));
        self
    }

    pub fn related(mut self, span: Span, label: impl Into<String>) -> Self {
        self.related.push(Related {
            span,
            label: one_line(label.into()),
        });
        self
    }

    pub fn fix(mut self, fix: Fix) -> Self {
        self.fix = Some(fix);
        self
    }
}

/// Messages quote the file, and the file is not to be trusted: a line break
/// in a message would start a line of its own in a CI log, where `::error`
/// at the start of a line is a command. Control characters become spaces.
fn one_line(text: String) -> String {
    if text.chars().any(char::is_control) {
        text.chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect()
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_are_one_line() {
        let finding = Finding::new(
            Rule::VenueFormat,
            0..1,
            "unknown venue `Foo\n::error file=x::pwned`",
        )
        .help("a\r\nb")
        .label("c\td");
        assert_eq!(finding.message, "unknown venue `Foo ::error file=x::pwned`");
        assert_eq!(finding.help.as_deref(), Some("a  b"));
        assert_eq!(finding.label.as_deref(), Some("c d"));
    }
}

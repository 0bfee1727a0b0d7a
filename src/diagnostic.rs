//! What a rule reports: a finding at a span, with a message, help, related
//! places and an optional fix, the fix being data (edits, and whether they
//! are safe to apply unseen). Findings carry byte spans; lines and columns
//! are computed only when reporting. A leaf: it knows rules by their
//! registry entry, and nothing of how they check or how fixes are applied.

use crate::rule::{Rule, Severity};
use crate::source::Span;

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

/// Replace the bytes of `span` with `content` (an insertion when the span is empty).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub span: Span,
    pub content: String,
}

impl Edit {
    pub fn replace(span: Span, content: impl Into<String>) -> Self {
        Self {
            span,
            content: content.into(),
        }
    }

    pub fn insert(at: usize, content: impl Into<String>) -> Self {
        Self::replace(at..at, content)
    }

    pub(crate) fn delete(span: Span) -> Self {
        Self::replace(span, "")
    }
}

/// Whether a fix can be applied without a human looking at it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Applicability {
    /// Keeps the meaning of the list: whitespace, canonical spellings.
    Safe,
    /// Probably right, but a guess (a did-you-mean, an indentation change on a
    /// multi-line item): only with `--unsafe-fixes`.
    Unsafe,
}

/// The edits that repair one finding, applied together or not at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    pub edits: Vec<Edit>,
    pub applicability: Applicability,
    /// The one link destination the fix means to change, as written before
    /// and after (a permanent redirect's new URL); every other link stays.
    pub retarget: Option<(String, String)>,
    /// A venue's spelling, as its finding names it (`NIPS` → `NeurIPS`):
    /// the one change of words a safe fix may make.
    pub spelling: bool,
    /// The destination of a link the fix makes render, as written
    /// (`[[Code]] (url)` joined): the one link an unsafe fix may add.
    pub restores: Option<String>,
    /// The destination of a link the fix writes anew beside the entry's
    /// own (the published version's, `venue-update`): an unsafe fix's one
    /// new link, label and all.
    pub adds: Option<String>,
}

impl Fix {
    pub fn new(edits: Vec<Edit>, applicability: Applicability) -> Self {
        Self {
            edits,
            applicability,
            retarget: None,
            spelling: false,
            restores: None,
            adds: None,
        }
    }

    /// A safe fix that writes a venue's name as its finding says.
    pub(crate) fn spelling(edit: Edit) -> Self {
        Self {
            spelling: true,
            ..Self::safe(edit)
        }
    }

    pub fn safe(edit: Edit) -> Self {
        Self::new(vec![edit], Applicability::Safe)
    }

    pub(crate) fn unsafe_edit(edit: Edit) -> Self {
        Self::new(vec![edit], Applicability::Unsafe)
    }

    /// Declares the link destination this fix changes.
    pub(crate) fn retargets(mut self, from: impl Into<String>, to: impl Into<String>) -> Self {
        self.retarget = Some((from.into(), to.into()));
        self
    }

    /// Declares the link this fix makes render, by its destination.
    pub(crate) fn restores(mut self, destination: impl Into<String>) -> Self {
        self.restores = Some(destination.into());
        self
    }

    pub fn is_safe(&self) -> bool {
        self.applicability == Applicability::Safe
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

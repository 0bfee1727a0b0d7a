//! Inline suppressions: `<!-- awesome-lint-disable-next-line RULE... -->`,
//! `<!-- awesome-lint-disable RULE... -->` ... `<!-- awesome-lint-enable RULE... -->`,
//! and, as in markdownlint, `disable-line` (the comment's own line) and
//! `disable-file`. Without rule names, a directive covers every rule.

use std::collections::HashMap;

use crate::diagnostic::Finding;
use crate::document::{Document, Span};
use crate::rule::Rule;
use crate::source::Source;

/// Which rules a directive names.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Rules {
    All,
    Only(Vec<Rule>),
}

impl Rules {
    fn covers(&self, rule: Rule) -> bool {
        match self {
            Rules::All => true,
            Rules::Only(rules) => rules.contains(&rule),
        }
    }
}

/// Something wrong with a directive, reported beside the findings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub span: Span,
    pub message: String,
}

/// The suppressions of one file.
#[derive(Debug, Default)]
pub(crate) struct Suppressions {
    /// 0-based line → rules suppressed on it.
    lines: HashMap<usize, Vec<Rules>>,
    /// Byte ranges where rules are disabled.
    ranges: Vec<(Span, Rules)>,
}

impl Suppressions {
    /// Reads every directive of a document.
    pub(crate) fn collect(source: &Source, doc: &Document) -> (Self, Vec<Notice>) {
        let mut suppressions = Self::default();
        let mut notices = Vec::new();
        // Open `disable` directives: where they start and what they cover.
        let mut open: Vec<(usize, Rules)> = Vec::new();
        let text = source.text();
        for span in &doc.directives {
            for (comment, kind, names) in directives(text, span) {
                if kind == Kind::Unknown {
                    notices.push(Notice {
                        span: comment,
                        message: format!(
                            "unknown comment `awesome-lint-{names}`: use disable-next-line, disable-line, disable, enable or disable-file"
                        ),
                    });
                    continue;
                }
                let rules = match parse_rules(names, &comment, &mut notices) {
                    Some(rules) => rules,
                    None => continue,
                };
                match kind {
                    Kind::NextLine => {
                        let line = source.line_index(comment.end.saturating_sub(1)) + 1;
                        suppressions.lines.entry(line).or_default().push(rules);
                    }
                    Kind::Line => {
                        let line = source.line_index(comment.start);
                        suppressions.lines.entry(line).or_default().push(rules);
                    }
                    Kind::Disable => open.push((comment.end, rules)),
                    Kind::Enable => {
                        close(&mut open, &rules, comment.start, &mut suppressions.ranges)
                    }
                    Kind::File => suppressions.ranges.push((0..text.len(), rules)),
                    Kind::Unknown => {}
                }
            }
        }
        for (start, rules) in open {
            suppressions.ranges.push((start..text.len(), rules));
        }
        (suppressions, notices)
    }

    pub(crate) fn is_suppressed(&self, source: &Source, finding: &Finding) -> bool {
        if self.lines.is_empty() && self.ranges.is_empty() {
            return false;
        }
        let line = source.line_index(finding.span.start);
        if self
            .lines
            .get(&line)
            .is_some_and(|all| all.iter().any(|rules| rules.covers(finding.rule)))
        {
            return true;
        }
        self.ranges
            .iter()
            .any(|(span, rules)| span.contains(&finding.span.start) && rules.covers(finding.rule))
    }
}

/// Ends the open ranges an `enable` names, at `at`.
fn close(
    open: &mut Vec<(usize, Rules)>,
    enabled: &Rules,
    at: usize,
    ranges: &mut Vec<(Span, Rules)>,
) {
    let mut still_open = Vec::new();
    for (start, rules) in open.drain(..) {
        match (enabled, rules) {
            (Rules::All, rules) => ranges.push((start..at, rules)),
            (Rules::Only(names), Rules::Only(disabled)) => {
                let (closed, kept): (Vec<Rule>, Vec<Rule>) =
                    disabled.into_iter().partition(|r| names.contains(r));
                if !closed.is_empty() {
                    ranges.push((start..at, Rules::Only(closed)));
                }
                if !kept.is_empty() {
                    still_open.push((start, Rules::Only(kept)));
                }
            }
            // `enable foo` inside `disable` (all): every rule but foo stays off.
            (Rules::Only(names), Rules::All) => {
                ranges.push((start..at, Rules::Only(names.clone())));
                let rest: Vec<Rule> = Rule::all().filter(|r| !names.contains(r)).collect();
                still_open.push((start, Rules::Only(rest)));
            }
        }
    }
    *open = still_open;
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    NextLine,
    /// The comment's own line (markdownlint's `disable-line`).
    Line,
    Disable,
    Enable,
    File,
    Unknown,
}

/// Each `<!-- awesome-lint-... -->` comment inside an HTML span, with its kind and rule names.
fn directives<'a>(text: &'a str, span: &Span) -> Vec<(Span, Kind, &'a str)> {
    let html = &text[span.clone()];
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(open) = html[from..].find("<!--").map(|i| i + from) {
        // `<!-->` is an empty comment: its `-->` is not the one after `<!--`.
        let Some(close) = html[open + 4..].find("-->").map(|i| i + open + 4) else {
            break;
        };
        let body = html[open + 4..close].trim();
        from = close + 3;
        let Some(rest) = body.strip_prefix("awesome-lint-") else {
            continue;
        };
        let word_end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let (word, names) = rest.split_at(word_end);
        let kind = match word {
            "disable-next-line" => Kind::NextLine,
            "disable-line" => Kind::Line,
            "disable" => Kind::Disable,
            "enable" => Kind::Enable,
            "disable-file" => Kind::File,
            _ => Kind::Unknown,
        };
        found.push((
            span.start + open..span.start + close + 3,
            kind,
            if kind == Kind::Unknown { word } else { names },
        ));
    }
    found
}

fn parse_rules(names: &str, comment: &Span, notices: &mut Vec<Notice>) -> Option<Rules> {
    let mut rules = Vec::new();
    for name in names
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|n| !n.is_empty())
    {
        match name.parse::<Rule>() {
            Ok(rule) => rules.push(rule),
            Err(()) => {
                let hint = Rule::suggest(name)
                    .map(|s| format!("; did you mean `{s}`?"))
                    .unwrap_or_default();
                notices.push(Notice {
                    span: comment.clone(),
                    message: format!("unknown rule `{name}` in an awesome-lint comment{hint}"),
                });
            }
        }
    }
    match (rules.is_empty(), names.trim().is_empty()) {
        (true, true) => Some(Rules::All),
        // Every name was unknown: suppress nothing rather than everything.
        (true, false) => None,
        (false, _) => Some(Rules::Only(rules)),
    }
}

//! Inline suppressions: `<!-- awesome-lint-disable-next-line RULE... -->`,
//! `<!-- awesome-lint-disable RULE... -->` ... `<!-- awesome-lint-enable RULE... -->`,
//! and, as in markdownlint, `disable-line` (the comment's own line) and
//! `disable-file`. Without rule names, a directive covers every rule.
//!
//! A comment that does nothing is a finding of the `suppression` rule: an
//! unknown rule or kind, or (once the rules have run) a directive that
//! suppressed nothing.

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

/// A comment that does nothing, as a finding of the `suppression` rule.
fn finding(span: Span, message: String, help: &str) -> Finding {
    Finding::new(Rule::Suppression, span, message)
        .label("does nothing")
        .help(help.to_owned())
}

/// The suppressions of one file.
#[derive(Debug, Default)]
pub(crate) struct Suppressions {
    /// 0-based line → rules suppressed on it, and by which directive.
    lines: HashMap<usize, Vec<(Rules, usize)>>,
    /// Byte ranges where rules are disabled, and by which directive.
    ranges: Vec<(Span, Rules, usize)>,
    /// Each directive that suppresses: its comment, and the rules it names.
    directives: Vec<(Span, Rules)>,
}

impl Suppressions {
    /// Reads every directive of a document; the comments that do nothing
    /// whatever the findings (an unknown rule or kind) are findings.
    pub(crate) fn collect(source: &Source, doc: &Document) -> (Self, Vec<Finding>) {
        let mut suppressions = Self::default();
        let mut findings = Vec::new();
        // Open `disable` directives: where they start, what they cover, which they are.
        let mut open: Vec<(usize, Rules, usize)> = Vec::new();
        let text = source.text();
        for span in &doc.directives {
            for (comment, kind, names) in directives(text, span) {
                if kind == Kind::Unknown {
                    findings.push(finding(
                        comment,
                        format!("unknown comment `awesome-lint-{names}`"),
                        "use disable-next-line, disable-line, disable, enable or disable-file",
                    ));
                    continue;
                }
                let rules = match parse_rules(names, &comment, &mut findings) {
                    Some(rules) => rules,
                    None => continue,
                };
                let id = suppressions.directives.len();
                if kind != Kind::Enable {
                    suppressions
                        .directives
                        .push((comment.clone(), rules.clone()));
                }
                match kind {
                    Kind::NextLine => {
                        let line = source.line_index(comment.end.saturating_sub(1)) + 1;
                        suppressions
                            .lines
                            .entry(line)
                            .or_default()
                            .push((rules, id));
                    }
                    Kind::Line => {
                        let line = source.line_index(comment.start);
                        suppressions
                            .lines
                            .entry(line)
                            .or_default()
                            .push((rules, id));
                    }
                    Kind::Disable => open.push((comment.end, rules, id)),
                    Kind::Enable => {
                        close(&mut open, &rules, comment.start, &mut suppressions.ranges)
                    }
                    Kind::File => suppressions.ranges.push((0..text.len(), rules, id)),
                    Kind::Unknown => {}
                }
            }
        }
        for (start, rules, id) in open {
            suppressions.ranges.push((start..text.len(), rules, id));
        }
        (suppressions, findings)
    }

    /// How many directives suppress: the length of the `used` marks
    /// [`Suppressions::is_suppressed`] keeps.
    pub(crate) fn len(&self) -> usize {
        self.directives.len()
    }

    /// Whether a directive covers the finding; marks each one that does in
    /// `used` (indexed by directive, [`Suppressions::len`] long).
    pub(crate) fn is_suppressed(
        &self,
        source: &Source,
        finding: &Finding,
        used: &mut [bool],
    ) -> bool {
        if self.lines.is_empty() && self.ranges.is_empty() {
            return false;
        }
        let mut suppressed = false;
        let mut mark = |id: usize| {
            suppressed = true;
            if let Some(used) = used.get_mut(id) {
                *used = true;
            }
        };
        let line = source.line_index(finding.span.start);
        for (rules, id) in self.lines.get(&line).into_iter().flatten() {
            if rules.covers(finding.rule) {
                mark(*id);
            }
        }
        for (span, rules, id) in &self.ranges {
            if span.contains(&finding.span.start) && rules.covers(finding.rule) {
                mark(*id);
            }
        }
        suppressed
    }

    /// The directives that suppressed nothing, as findings. Only those whose
    /// every rule is `judged` (ran, and could have found something): a
    /// directive about rules that did not run may well be needed.
    pub(crate) fn unused(&self, used: &[bool], judged: impl Fn(Rule) -> bool) -> Vec<Finding> {
        self.directives
            .iter()
            .zip(used)
            .filter(|(_, used)| !**used)
            .filter_map(|((comment, rules), _)| {
                let Rules::Only(names) = rules else {
                    return None;
                };
                if !names.iter().all(|&rule| judged(rule)) {
                    return None;
                }
                let names: Vec<String> = names.iter().map(|r| format!("`{r}`")).collect();
                Some(finding(
                    comment.clone(),
                    format!(
                        "this comment suppresses nothing: no {} finding where it applies",
                        names.join(" or ")
                    ),
                    "remove the comment, or move it to the finding it is for",
                ))
            })
            .collect()
    }
}

/// Ends the open ranges an `enable` names, at `at`.
fn close(
    open: &mut Vec<(usize, Rules, usize)>,
    enabled: &Rules,
    at: usize,
    ranges: &mut Vec<(Span, Rules, usize)>,
) {
    let mut still_open = Vec::new();
    for (start, rules, id) in open.drain(..) {
        match (enabled, rules) {
            (Rules::All, rules) => ranges.push((start..at, rules, id)),
            (Rules::Only(names), Rules::Only(disabled)) => {
                let (closed, kept): (Vec<Rule>, Vec<Rule>) =
                    disabled.into_iter().partition(|r| names.contains(r));
                if !closed.is_empty() {
                    ranges.push((start..at, Rules::Only(closed), id));
                }
                if !kept.is_empty() {
                    still_open.push((start, Rules::Only(kept), id));
                }
            }
            // `enable foo` inside `disable` (all): every rule but foo stays off.
            (Rules::Only(names), Rules::All) => {
                ranges.push((start..at, Rules::Only(names.clone()), id));
                let rest: Vec<Rule> = Rule::all().filter(|r| !names.contains(r)).collect();
                still_open.push((start, Rules::Only(rest), id));
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

fn parse_rules(names: &str, comment: &Span, findings: &mut Vec<Finding>) -> Option<Rules> {
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
                findings.push(finding(
                    comment.clone(),
                    format!("unknown rule `{name}` in an awesome-lint comment{hint}"),
                    "`awesome-lint rules` lists the rules",
                ));
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

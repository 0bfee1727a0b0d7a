//! The rule registry: every rule's stable name, default severity, whether
//! its findings come with fixes, a one-line summary and its documentation.
//!
//! Data only, and a leaf: config, suppressions, findings and reports name
//! rules through this table without knowing how any rule checks. The checks
//! live in `rules/`, one file per rule, with the rule's documentation beside
//! it (`rules/<rule>.md`, printed by `awesome-lint explain`).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

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

/// Every rule, by its stable name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rule {
    EntryFormat,
    EmptyLink,
    Spacing,
    Whitespace,
    ListIndent,
    VenueFormat,
    NameMismatch,
    TitleFormat,
    LinkKind,
    YearSection,
    YearMismatch,
    TitleMismatch,
    VenueUpdate,
    SectionOrder,
    DuplicateEntry,
    SharedLink,
    MalformedLink,
    EntryOrder,
    BrokenLink,
    NotAPdf,
    MovedLink,
    UnverifiableLink,
    Suppression,
}

/// Whether a rule's findings come with fixes, and how safe they are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fixable {
    No,
    /// `--fix` applies them.
    Safe,
    /// Only `--fix --unsafe-fixes` applies them.
    Unsafe,
    /// Some are safe, some (the guesses) unsafe.
    SafeAndUnsafe,
}

impl Fixable {
    pub fn as_str(self) -> &'static str {
        match self {
            Fixable::No => "no",
            Fixable::Safe => "safe",
            Fixable::Unsafe => "unsafe",
            Fixable::SafeAndUnsafe => "safe/unsafe",
        }
    }
}

/// What the registry knows about a rule.
pub struct RuleInfo {
    pub rule: Rule,
    pub name: &'static str,
    /// The most serious severity the rule reports by default; some findings
    /// of a rule are milder (an unknown venue is a warning, a malformed tag an error).
    pub severity: Severity,
    pub fixable: Fixable,
    /// In the default rule set. A rule that is not (what a reader never
    /// sees) runs only where the config or `--select` turns it on.
    pub enabled: bool,
    /// Checked against the network (links, paper metadata), not over the
    /// document: nothing with `--offline`.
    pub online: bool,
    pub summary: &'static str,
    /// What it flags, why, and an example: the text of `awesome-lint explain`.
    pub doc: &'static str,
}

/// All rules, in the order of [`Rule`].
pub static RULES: [RuleInfo; 23] = [
    RuleInfo {
        rule: Rule::EntryFormat,
        name: "entry-format",
        severity: Severity::Error,
        fixable: Fixable::No,
        enabled: true,
        online: false,
        summary: "an entry written in another shape than the list's other entries; a file whose entries cannot be read",
        doc: include_str!("rules/entry_format.md"),
    },
    RuleInfo {
        rule: Rule::EmptyLink,
        name: "empty-link",
        severity: Severity::Error,
        fixable: Fixable::No,
        enabled: true,
        online: false,
        summary: "`[[code]]` with no URL, `[[pdf]]()` with an empty one",
        doc: include_str!("rules/empty_link.md"),
    },
    RuleInfo {
        rule: Rule::Spacing,
        name: "spacing",
        severity: Severity::Error,
        fixable: Fixable::Safe,
        enabled: true,
        online: false,
        summary: "a missing space between an entry's parts or a doubled one in a title (errors); trailing whitespace, tabs, whitespace-only lines (warnings)",
        doc: include_str!("rules/spacing.md"),
    },
    RuleInfo {
        rule: Rule::Whitespace,
        name: "whitespace",
        severity: Severity::Warning,
        fixable: Fixable::Safe,
        enabled: false,
        online: false,
        summary: "what a reader never sees: trailing whitespace, whitespace-only lines, several spaces or a tab between an entry's parts or in its title (off by default)",
        doc: include_str!("rules/whitespace.md"),
    },
    RuleInfo {
        rule: Rule::ListIndent,
        name: "list-indent",
        severity: Severity::Error,
        fixable: Fixable::SafeAndUnsafe,
        enabled: true,
        online: false,
        summary: "a bullet or indentation that differs from the file's dominant style",
        doc: include_str!("rules/list_indent.md"),
    },
    RuleInfo {
        rule: Rule::VenueFormat,
        name: "venue-format",
        severity: Severity::Error,
        fixable: Fixable::SafeAndUnsafe,
        enabled: true,
        online: false,
        summary: "malformed venue tag (error); a tag unlike the list's others, an unknown venue with a confident did-you-mean, a non-canonical spelling (warnings)",
        doc: include_str!("rules/venue_format.md"),
    },
    RuleInfo {
        rule: Rule::NameMismatch,
        name: "name-mismatch",
        severity: Severity::Warning,
        fixable: Fixable::No,
        enabled: true,
        online: false,
        summary: "the short name disagrees with the title's own `Name:` prefix",
        doc: include_str!("rules/name_mismatch.md"),
    },
    RuleInfo {
        rule: Rule::TitleFormat,
        name: "title-format",
        severity: Severity::Warning,
        fixable: Fixable::No,
        enabled: true,
        online: false,
        summary: "words glued together in a title, without flagging real names like PTUnifier or BioViL",
        doc: include_str!("rules/title_format.md"),
    },
    RuleInfo {
        rule: Rule::LinkKind,
        name: "link-kind",
        severity: Severity::Error,
        fixable: Fixable::No,
        enabled: true,
        online: false,
        summary: "a `[[pdf]]` link to a code host or a `[[code]]` link to a paper host (swapped links); a label misspelled",
        doc: include_str!("rules/link_kind.md"),
    },
    RuleInfo {
        rule: Rule::YearSection,
        name: "year-section",
        severity: Severity::Error,
        fixable: Fixable::Unsafe,
        enabled: true,
        online: false,
        summary: "an entry whose tag years do not include its section's year",
        doc: include_str!("rules/year_section.md"),
    },
    RuleInfo {
        rule: Rule::YearMismatch,
        name: "year-mismatch",
        severity: Severity::Error,
        fixable: Fixable::No,
        enabled: true,
        online: false,
        summary: "an arXiv preprint dated before its id was posted (error); a CVF proceedings or ACL Anthology link of another year than the venue's (warning)",
        doc: include_str!("rules/year_mismatch.md"),
    },
    RuleInfo {
        rule: Rule::TitleMismatch,
        name: "title-mismatch",
        severity: Severity::Warning,
        fixable: Fixable::No,
        enabled: true,
        online: true,
        summary: "online: an entry's paper link is to a paper of another title (by arXiv, Crossref or OpenReview)",
        doc: include_str!("rules/title_mismatch.md"),
    },
    RuleInfo {
        rule: Rule::VenueUpdate,
        name: "venue-update",
        severity: Severity::Warning,
        fixable: Fixable::Unsafe,
        enabled: true,
        online: true,
        summary: "an entry tagged as a preprint whose paper has since been published (by the list's own other listing of it; online, by arXiv's journal_ref, then Semantic Scholar with DBLP)",
        doc: include_str!("rules/venue_update.md"),
    },
    RuleInfo {
        rule: Rule::SectionOrder,
        name: "section-order",
        severity: Severity::Error,
        fixable: Fixable::Unsafe,
        enabled: true,
        online: false,
        summary: "year sections out of the run's direction, or a year section repeated",
        doc: include_str!("rules/section_order.md"),
    },
    RuleInfo {
        rule: Rule::DuplicateEntry,
        name: "duplicate-entry",
        severity: Severity::Error,
        fixable: Fixable::No,
        enabled: true,
        online: false,
        summary: "the same paper twice in one section: same link and title (error), same title (warning)",
        doc: include_str!("rules/duplicate_entry.md"),
    },
    RuleInfo {
        rule: Rule::SharedLink,
        name: "shared-link",
        severity: Severity::Error,
        fixable: Fixable::No,
        enabled: true,
        online: false,
        summary: "two different papers with the same paper link (error) or code repository (warning)",
        doc: include_str!("rules/shared_link.md"),
    },
    RuleInfo {
        rule: Rule::MalformedLink,
        name: "malformed-link",
        severity: Severity::Error,
        fixable: Fixable::Unsafe,
        enabled: true,
        online: false,
        summary: "a link that does not render as written: `[paper]((url))`, a label and its URL apart (on two lines, or a space between), a URL without a scheme, two URLs glued by `](`, the other double-bracket form",
        doc: include_str!("rules/malformed_link.md"),
    },
    RuleInfo {
        rule: Rule::EntryOrder,
        name: "entry-order",
        severity: Severity::Warning,
        fixable: Fixable::Unsafe,
        enabled: true,
        online: false,
        summary: "in a run of entries clearly ordered by date, an entry out of that order",
        doc: include_str!("rules/entry_order.md"),
    },
    RuleInfo {
        rule: Rule::BrokenLink,
        name: "broken-link",
        severity: Severity::Error,
        fixable: Fixable::No,
        enabled: true,
        online: true,
        summary: "404/410/other 4xx/5xx after retries, DNS or connection failure, redirect loop, timeout",
        doc: include_str!("rules/broken_link.md"),
    },
    RuleInfo {
        rule: Rule::NotAPdf,
        name: "not-a-pdf",
        severity: Severity::Warning,
        fixable: Fixable::No,
        enabled: true,
        online: true,
        summary: "a `[[pdf]]` link that serves no PDF (content type or `%PDF-` magic, reading at most 64 KiB)",
        doc: include_str!("rules/not_a_pdf.md"),
    },
    RuleInfo {
        rule: Rule::MovedLink,
        name: "moved-link",
        severity: Severity::Warning,
        fixable: Fixable::Safe,
        enabled: true,
        online: true,
        summary: "a permanent redirect; the fix replaces the URL with its target",
        doc: include_str!("rules/moved_link.md"),
    },
    RuleInfo {
        rule: Rule::UnverifiableLink,
        name: "unverifiable-link",
        severity: Severity::Warning,
        fixable: Fixable::No,
        enabled: true,
        online: true,
        summary: "401/403/429 that persist after retries (bot walls, rate limits): reported, not failed",
        doc: include_str!("rules/unverifiable_link.md"),
    },
    RuleInfo {
        rule: Rule::Suppression,
        name: "suppression",
        severity: Severity::Warning,
        fixable: Fixable::No,
        enabled: true,
        online: false,
        summary: "an awesome-lint comment that names an unknown rule, or suppresses nothing",
        doc: include_str!("rules/suppression.md"),
    },
];

impl Rule {
    pub fn info(self) -> &'static RuleInfo {
        &RULES[self as usize]
    }

    pub fn name(self) -> &'static str {
        self.info().name
    }

    pub fn all() -> impl Iterator<Item = Rule> {
        RULES.iter().map(|info| info.rule)
    }

    /// The closest rule name, for a did-you-mean.
    pub(crate) fn suggest(name: &str) -> Option<&'static str> {
        RULES
            .iter()
            .map(|info| (strsim::levenshtein(name, info.name), info.name))
            .filter(|&(distance, _)| distance <= 3)
            .min()
            .map(|(_, name)| name)
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Rule {
    type Err = ();

    fn from_str(name: &str) -> Result<Self, ()> {
        RULES
            .iter()
            .find(|info| info.name == name)
            .map(|info| info.rule)
            .ok_or(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_in_enum_order_with_unique_kebab_names() {
        for (index, info) in RULES.iter().enumerate() {
            assert_eq!(info.rule as usize, index, "{}", info.name);
            assert_eq!(info.name.parse::<Rule>(), Ok(info.rule));
            assert!(
                info.name
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b == b'-')
            );
            assert!(
                !info.summary.is_empty() && info.doc.contains("## Example"),
                "{}",
                info.name
            );
        }
    }

    #[test]
    fn suggests_close_rule_names() {
        assert_eq!(Rule::suggest("year-sections"), Some("year-section"));
        assert_eq!(Rule::suggest("nonsense-rule-name"), None);
    }
}

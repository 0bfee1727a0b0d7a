//! Reports: findings rendered for people (`text`), scripts (`json`), CI
//! (`github` annotations and job summary, `sarif` for code scanning), and the
//! parsed entries (`entries`). Renderers write to a writer they are given;
//! nothing here decides where output goes.

pub(crate) mod artifact;
pub mod concise;
pub mod entries;
pub mod failure;
pub mod github;
pub mod json;
pub mod sarif;
pub mod text;

use std::time::Duration;

use serde::Serialize;

use crate::diagnostic::Finding;
use crate::rule::Rule;
use crate::rule::Severity;
use crate::source::Source;

/// One linted file and what was found in it.
#[derive(Debug)]
pub struct FileReport {
    pub source: Source,
    pub findings: Vec<Finding>,
    pub entries: usize,
    /// Whether it links papers but no entry could be read in it.
    pub unreadable: bool,
}

/// Totals over a run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub files: usize,
    pub entries: usize,
    pub errors: usize,
    pub warnings: usize,
    pub links_checked: usize,
    /// Of the links checked, those that could not be asked (their host or
    /// the service that answers for them gave no answer).
    pub links_unchecked: usize,
    /// What the link checker did, when it ran (not part of the JSON summary).
    #[serde(skip)]
    pub links: Option<LinkSummary>,
    /// Findings of `broken-link`.
    #[serde(skip)]
    pub broken: usize,
    /// Findings fixed by `--fix`.
    #[serde(skip)]
    pub fixed: usize,
    /// Files that link papers where no entry could be read.
    #[serde(skip)]
    pub unreadable: usize,
}

/// What the link checker did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LinkSummary {
    /// Distinct URLs checked, from the network or the cache.
    pub checked: usize,
    /// Of those, answered from the cache.
    pub cached: usize,
    /// Of those, not checked after all: no answer from their host or from
    /// the service that answers for them.
    pub unchecked: usize,
    pub elapsed: Duration,
}

impl Summary {
    pub fn of(reports: &[FileReport], links: Option<LinkSummary>) -> Self {
        let mut summary = Summary {
            files: reports.len(),
            links_checked: links.map_or(0, |l| l.checked),
            links_unchecked: links.map_or(0, |l| l.unchecked),
            links,
            ..Summary::default()
        };
        for report in reports {
            summary.entries += report.entries;
            summary.unreadable += usize::from(report.unreadable);
            for finding in &report.findings {
                match finding.severity {
                    Severity::Error => summary.errors += 1,
                    Severity::Warning => summary.warnings += 1,
                }
                if finding.rule == Rule::BrokenLink {
                    summary.broken += 1;
                }
            }
        }
        summary
    }
}

/// `1 entry`, `2 entries`.
pub(crate) fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The text with its first letter in upper case.
pub(crate) fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Whether to color output, from `--color` and the environment.
///
/// `auto` follows the conventions: `NO_COLOR` (non-empty) disables,
/// `FORCE_COLOR` (non-empty, not `0`) and `CLICOLOR_FORCE` (not `0`) enable,
/// `CLICOLOR=0` disables, a terminal that says it cannot (`TERM=dumb`)
/// gets none, and otherwise color goes to terminals only.
pub(crate) fn use_color(
    choice: ColorChoice,
    is_terminal: bool,
    env: impl Fn(&str) -> Option<String>,
) -> bool {
    let set = |name: &str| env(name).filter(|v| !v.is_empty());
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            if set("NO_COLOR").is_some() {
                false
            } else if set("FORCE_COLOR").is_some_and(|v| v != "0")
                || set("CLICOLOR_FORCE").is_some_and(|v| v != "0")
            {
                true
            } else if set("CLICOLOR").is_some_and(|v| v == "0") {
                false
            } else {
                is_terminal && env("TERM").is_none_or(|term| term != "dumb")
            }
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ColorChoice {
    #[default]
    Auto,
    Always,
    Never,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(vars: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
        move |name| {
            vars.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| (*v).to_owned())
        }
    }

    #[test]
    fn color_follows_the_conventions() {
        assert!(use_color(ColorChoice::Auto, true, env(&[])));
        assert!(!use_color(ColorChoice::Auto, false, env(&[])));
        assert!(!use_color(
            ColorChoice::Auto,
            true,
            env(&[("NO_COLOR", "1")])
        ));
        assert!(use_color(
            ColorChoice::Auto,
            false,
            env(&[("FORCE_COLOR", "1")])
        ));
        assert!(!use_color(
            ColorChoice::Auto,
            false,
            env(&[("FORCE_COLOR", "0")])
        ));
        assert!(!use_color(
            ColorChoice::Auto,
            true,
            env(&[("CLICOLOR", "0")])
        ));
        assert!(use_color(
            ColorChoice::Always,
            false,
            env(&[("NO_COLOR", "1")])
        ));
        assert!(!use_color(ColorChoice::Never, true, env(&[])));
        // A terminal that cannot show colours says so.
        assert!(!use_color(
            ColorChoice::Auto,
            true,
            env(&[("TERM", "dumb")])
        ));
        assert!(use_color(
            ColorChoice::Auto,
            true,
            env(&[("TERM", "xterm-256color")])
        ));
        assert!(use_color(
            ColorChoice::Auto,
            true,
            env(&[("TERM", "dumb"), ("FORCE_COLOR", "1")])
        ));
    }
}

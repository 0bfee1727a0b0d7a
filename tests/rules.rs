//! Rule tests as data: each `fixtures/rules/<rule>/bad.md` must produce exactly
//! the findings listed in `bad.expected` (line:column, rule, severity,
//! message), and `ok.md` none at all.
//!
//! After an intended change, regenerate with `AWESOME_LINT_BLESS=1 cargo test --test rules`
//! and review the diff: the expected files are the specification.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use awesome_lint::config::Settings;
use awesome_lint::lint::lint;
use awesome_lint::rules::{RULES, Rule};
use awesome_lint::source::Source;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

fn read(path: &Path) -> Source {
    Source::read(path).unwrap_or_else(|err| panic!("{}: {err}", path.display()))
}

/// One line per finding, in output order.
fn render(source: &Source, settings: &Settings) -> String {
    let mut out = String::new();
    for finding in lint(source, settings).findings {
        let at = source.position(finding.span.start);
        let fix = match &finding.fix {
            Some(fix) if fix.is_safe() => " [fix]",
            Some(_) => " [unsafe fix]",
            None => "",
        };
        writeln!(
            out,
            "{}:{} {} {}: {}{}",
            at.line, at.column, finding.rule, finding.severity, finding.message, fix
        )
        .unwrap();
    }
    out
}

fn check_bad(rule: Rule) {
    let dir = fixtures().join("rules").join(rule.name());
    let source = read(&dir.join("bad.md"));
    let actual = render(&source, &Settings::default());
    let expected_path = dir.join("bad.expected");
    if std::env::var_os("AWESOME_LINT_BLESS").is_some() {
        fs::write(&expected_path, &actual).unwrap();
    }
    let expected = fs::read_to_string(&expected_path).unwrap_or_else(|_| {
        panic!(
            "missing {}: run with AWESOME_LINT_BLESS=1",
            expected_path.display()
        )
    });
    assert_eq!(
        actual,
        expected,
        "findings for {} differ from bad.expected",
        rule.name()
    );
    assert!(
        actual
            .lines()
            .any(|line| line.split(' ').nth(1) == Some(rule.name())),
        "bad.md of {} must show the rule itself",
        rule.name()
    );
}

fn check_ok(rule: Rule) {
    let path = fixtures().join("rules").join(rule.name()).join("ok.md");
    let actual = render(&read(&path), &Settings::default());
    assert_eq!(actual, "", "{} must produce no findings", path.display());
}

macro_rules! rule_tests {
    ($($name:ident => $rule:expr),* $(,)?) => {
        $(
            mod $name {
                use super::*;
                #[test]
                fn bad() {
                    check_bad($rule);
                }
                #[test]
                fn ok() {
                    check_ok($rule);
                }
            }
        )*
    };
}

rule_tests! {
    entry_format => Rule::EntryFormat,
    empty_link => Rule::EmptyLink,
    spacing => Rule::Spacing,
    list_indent => Rule::ListIndent,
    venue_format => Rule::VenueFormat,
    name_mismatch => Rule::NameMismatch,
    title_format => Rule::TitleFormat,
    link_kind => Rule::LinkKind,
    year_section => Rule::YearSection,
    section_order => Rule::SectionOrder,
    duplicate_entry => Rule::DuplicateEntry,
    shared_link => Rule::SharedLink,
    malformed_link => Rule::MalformedLink,
}

#[test]
fn every_offline_rule_has_fixtures() {
    for info in RULES.iter().filter(|info| info.check.is_some()) {
        let dir = fixtures().join("rules").join(info.name);
        for file in ["bad.md", "bad.expected", "ok.md"] {
            assert!(dir.join(file).is_file(), "{} is missing {file}", info.name);
        }
    }
}

#[test]
fn well_formed_lists_produce_nothing() {
    let dir = fixtures().join("well-formed");
    let mut seen = 0;
    for entry in fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let source = read(&path);
        let linted = lint(&source, &Settings::default());
        assert!(linted.entries() > 0, "{} has no entries", path.display());
        assert_eq!(
            render(&source, &Settings::default()),
            "",
            "{}",
            path.display()
        );
        seen += 1;
    }
    assert!(seen >= 5);
}

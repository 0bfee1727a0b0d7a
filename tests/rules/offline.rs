//! Each document rule alone on its fixtures, `fixtures/rules/<rule>/`:
//! `bad.md` shows what the rule finds and fixes, `ok.md` what it must leave
//! alone. The snapshot beside each (`bad.snap`, `ok.snap`) is the rule's
//! behaviour written down.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use awesome_lint::{Applicability, FixMode, Rule, Settings, Source, fix_to_fixpoint, lint};

use crate::snapshot::changes;

pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

/// The text with a fix's edits made.
fn applied(text: &str, edits: &[awesome_lint::Edit]) -> String {
    let mut edits: Vec<&awesome_lint::Edit> = edits.iter().collect();
    edits.sort_by_key(|e| std::cmp::Reverse((e.span.start, e.span.end)));
    let mut out = text.to_owned();
    for edit in edits {
        out.replace_range(edit.span.clone(), &edit.content);
    }
    out
}

/// What `rule` alone finds in `source`, each finding with the change its
/// own fix makes, and the text after `--fix` and `--fix --unsafe-fixes`.
/// Checks on the way that fixing settles, withholds nothing and is done
/// after one run.
pub fn render(rule: Rule, name: &str, text: &str) -> String {
    let source = &Source::new(name, name, text.to_owned());
    let settings = Settings::with_only(rule);
    let text = source.text();
    let linted = lint(source, &settings);
    let mut out = format!("{rule} alone on {}\n", source.name());
    if linted.findings.is_empty() {
        out.push_str("\nno findings\n");
    }
    for finding in &linted.findings {
        assert_eq!(finding.rule, rule, "only {rule} is on");
        let at = source.position(finding.span.start);
        writeln!(
            out,
            "\n{}:{} {}[{}] {}",
            at.line, at.column, finding.severity, finding.rule, finding.message
        )
        .unwrap();
        if let Some(help) = &finding.help {
            writeln!(out, "  help: {help}").unwrap();
        }
        for related in &finding.related {
            let at = source.position(related.span.start);
            writeln!(
                out,
                "  related {}:{}: {}",
                at.line, at.column, related.label
            )
            .unwrap();
        }
        if let Some(fix) = &finding.fix {
            let kind = match fix.applicability {
                Applicability::Safe => "safe",
                Applicability::Unsafe => "unsafe",
            };
            writeln!(out, "  fix ({kind}):").unwrap();
            out.push_str(&changes(text, &applied(text, &fix.edits), 0, "    "));
        }
    }
    let mut safe_text = None;
    for (mode, name) in [
        (FixMode::Safe, "--fix"),
        (FixMode::Unsafe, "--fix --unsafe-fixes"),
    ] {
        let fixed = fix_to_fixpoint(source, &settings, mode, Vec::new())
            .unwrap_or_else(|err| panic!("{name} on {}: {err}", source.name()));
        assert!(
            fixed.withheld.is_empty(),
            "{name} on {} withheld fixes (a fix the rule should not offer): {:?}",
            source.name(),
            fixed.withheld
        );
        let again = fix_to_fixpoint(
            &source.revised(fixed.text.clone()),
            &settings,
            mode,
            Vec::new(),
        )
        .unwrap_or_else(|err| panic!("{name} again on {}: {err}", source.name()));
        assert_eq!(
            again.text,
            fixed.text,
            "a second {name} changes {}",
            source.name()
        );
        if safe_text.as_ref() == Some(&fixed.text) {
            writeln!(out, "\n{name}: as --fix").unwrap();
        } else if fixed.fixed == 0 {
            writeln!(out, "\n{name}: nothing to fix").unwrap();
        } else {
            writeln!(out, "\n{name}: {} fixed", fixed.fixed).unwrap();
            out.push_str(&changes(text, &fixed.text, 1, ""));
        }
        safe_text = Some(fixed.text);
    }
    out
}

crate::rule_fixtures! {
    render;
    entry_format => Rule::EntryFormat,
    empty_link => Rule::EmptyLink,
    spacing => Rule::Spacing,
    whitespace => Rule::Whitespace,
    list_indent => Rule::ListIndent,
    venue_format => Rule::VenueFormat,
    name_mismatch => Rule::NameMismatch,
    title_format => Rule::TitleFormat,
    link_kind => Rule::LinkKind,
    year_section => Rule::YearSection,
    year_mismatch => Rule::YearMismatch,
    section_order => Rule::SectionOrder,
    duplicate_entry => Rule::DuplicateEntry,
    shared_link => Rule::SharedLink,
    malformed_link => Rule::MalformedLink,
    entry_order => Rule::EntryOrder,
    suppression => Rule::Suppression,
}

#[test]
fn every_rule_has_its_fixtures_and_nothing_else() {
    for info in awesome_lint::RULES.iter() {
        let dir = fixtures().join("rules").join(info.name);
        let mut files: Vec<String> = std::fs::read_dir(&dir)
            .unwrap_or_else(|_| panic!("{} has no fixtures in {}", info.name, dir.display()))
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        files.sort();
        assert_eq!(
            files,
            ["bad.md", "bad.snap", "ok.md", "ok.snap"],
            "{}: a fixture no test runs, or a snapshot of none",
            info.name
        );
        let covered = if info.online {
            crate::online::COVERED
        } else {
            COVERED
        };
        assert!(
            covered.contains(&info.rule),
            "{}: no test runs its fixtures",
            info.name
        );
    }
}

//! The shape fixtures and the well-formed lists, every rule on: each way
//! real lists write entries reads whole, and a well-kept list gives nothing.

use std::fmt::Write as _;
use std::fs;
use std::path::Path;

use awesome_lint::Settings;
use awesome_lint::Source;
use awesome_lint::lint;

use crate::offline::fixtures;

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

/// The shape fixtures: one small list per way real lists write entries
/// (`fixtures/shapes/<class>/`). `ok.md` reads as `entries` entries with no
/// finding; `bad.md` holds planted defects, listed by line in `planted.txt`,
/// and must show exactly those lines, with the findings of `bad.expected`.
fn check_shape(class: &str, entries: usize) {
    let dir = fixtures().join("shapes").join(class);
    let settings = Settings::default();
    let ok = read(&dir.join("ok.md"));
    let linted = lint(&ok, &settings);
    assert_eq!(linted.entries(), entries, "{class}/ok.md: entries read");
    assert_eq!(
        render(&ok, &settings),
        "",
        "{class}/ok.md must produce no findings"
    );

    let bad = read(&dir.join("bad.md"));
    let actual = render(&bad, &settings);
    let planted: std::collections::BTreeSet<usize> = fs::read_to_string(dir.join("planted.txt"))
        .unwrap()
        .lines()
        .filter_map(|line| line.split(':').next()?.trim().parse().ok())
        .collect();
    let found: std::collections::BTreeSet<usize> = actual
        .lines()
        .filter_map(|line| line.split(':').next()?.parse().ok())
        .collect();
    assert_eq!(
        found, planted,
        "{class}/bad.md: lines with findings vs planted.txt\n{actual}"
    );
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
    assert_eq!(actual, expected, "{class}/bad.md differs from bad.expected");
}

macro_rules! shape_tests {
    ($($name:ident => ($class:expr, $entries:expr)),* $(,)?) => {
        mod shapes {
            use super::*;
            $(
                #[test]
                fn $name() {
                    check_shape($class, $entries);
                }
            )*
        }
    };
}

shape_tests! {
    seed => ("seed", 11),
    seed_comma => ("seed-comma", 11),
    seed_variant => ("seed-variant", 12),
    seed_multiline => ("seed-multiline", 11),
    plain_bracket_venue => ("plain-bracket-venue", 11),
    title_link_first => ("title-link-first", 12),
    title_link_first_multiline => ("title-link-first-multiline", 11),
    paren_venue => ("paren-venue", 11),
    bold_name_quoted_title => ("bold-name-quoted-title", 11),
    table => ("table", 12),
    numbered => ("numbered", 11),
    multiline_backslash => ("multiline-backslash", 11),
    bold_title => ("bold-title", 12),
    citation_authors_first => ("citation-authors-first", 11),
    citation_gbt => ("citation-gbt", 11),
    venue_in_link_label => ("venue-in-link-label", 11),
    html_badge_table => ("html-badge-table", 11),
    html_table => ("html-table", 11),
    citation_apa => ("citation-apa", 11),
    citation_ieee => ("citation-ieee", 11),
    date_bracket_markers => ("date-bracket-markers", 11),
    venue_label_year_sections => ("venue-label-year-sections", 11),
    year_venue_lead => ("year-venue-lead", 11),
    title_paragraph_link_list => ("title-paragraph-link-list", 11),
    lead_paragraph_title_list => ("lead-paragraph-title-list", 11),
    citation_text_only => ("citation-text-only", 11),
    reference_list => ("reference-list", 12),
    name_over_reference => ("name-over-reference", 11),
    labelled_paper_paragraphs => ("labelled-paper-paragraphs", 12),
}

#[test]
fn every_shape_fixture_is_tested() {
    let tested = [
        "seed",
        "seed-comma",
        "seed-variant",
        "seed-multiline",
        "plain-bracket-venue",
        "title-link-first",
        "title-link-first-multiline",
        "paren-venue",
        "bold-name-quoted-title",
        "table",
        "numbered",
        "multiline-backslash",
        "bold-title",
        "citation-authors-first",
        "citation-gbt",
        "venue-in-link-label",
        "html-badge-table",
        "html-table",
        "citation-apa",
        "citation-ieee",
        "date-bracket-markers",
        "venue-label-year-sections",
        "year-venue-lead",
        "title-paragraph-link-list",
        "citation-text-only",
        "name-over-reference",
        "reference-list",
        "lead-paragraph-title-list",
        "labelled-paper-paragraphs",
    ];
    for entry in fs::read_dir(fixtures().join("shapes")).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            let name = path.file_name().unwrap().to_str().unwrap().to_owned();
            assert!(
                tested.contains(&name.as_str()),
                "shape fixture {name} has no test"
            );
        }
    }
}

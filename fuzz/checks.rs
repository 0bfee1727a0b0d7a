//! The properties the fuzz targets check, shared with the test suite
//! (`tests/fuzz_regressions.rs` runs them on the seeds and on every input a
//! fuzzer once broke). Each function panics on a violation.

// Each fuzz target includes this file and calls one of its checks.
#![allow(dead_code)]

use awesome_lint::Document;
use awesome_lint::Settings;
use awesome_lint::Source;
use awesome_lint::Structure;
use awesome_lint::lint;
use awesome_lint::report::text::TextOptions;
use awesome_lint::report::{self, FileReport, Summary};
use awesome_lint::{FixMode, fix_to_fixpoint};

/// Parse and every rule on any input, through every report: no panic, spans
/// on character boundaries, and parsing in chunks invisible.
pub fn check_lint(data: &[u8]) {
    let Ok(source) = Source::from_bytes("fuzz.md".into(), "fuzz.md".into(), data.to_vec()) else {
        return;
    };
    let settings = Settings::default();
    let linted = lint(&source, &settings);
    let text = source.text();
    for finding in &linted.findings {
        assert!(finding.span.start <= finding.span.end && finding.span.end <= text.len());
        assert!(
            text.is_char_boundary(finding.span.start) && text.is_char_boundary(finding.span.end)
        );
    }
    let whole = format!("{:?}", Document::parse_in_chunks(text, usize::MAX));
    assert_eq!(
        format!("{:?}", Document::parse_in_chunks(text, 7)),
        whole,
        "chunks are visible"
    );

    let entries = linted.entries();
    let unreadable = linted.unreadable();
    let mut sink = Vec::new();
    let _ = report::entries::render_shapes(&linted.doc, &mut sink);
    // Every inferred shape spells a template that reads back (or is refused
    // with an error, never a panic).
    for shape in &linted.doc.shapes {
        let _ = awesome_lint::Shape::from_template(&shape.template(), settings.known());
    }
    let _ = report::entries::render_json(&source, &linted.doc, &settings, &mut sink);
    let _ = report::entries::render_csv(&source, &linted.doc, &settings, &mut sink);
    let reports = vec![FileReport {
        source,
        findings: linted.findings,
        entries,
        unreadable,
    }];
    let summary = Summary::of(&reports, None);
    let _ = report::text::render(&reports, &TextOptions::default(), &mut sink);
    let _ = report::json::render(&reports, &summary, &[], &mut sink);
    let _ = report::github::render(&reports, &[], &mut sink);
    let _ = report::github::summary_markdown(&reports, &summary, &[]);
    let _ = report::sarif::render(&reports, &[], &mut sink);
}

/// Each entry as (title, links as label and URL), whitespace collapsed (fixes re-indent the
/// lines of an entry, and a link may span lines), sorted.
fn entries(text: &str) -> Vec<(String, Vec<String>)> {
    let doc = Document::parse(text);
    let mut found: Vec<(String, Vec<String>)> = doc
        .entries
        .iter()
        .map(|e| {
            let title = text[e.title_text()]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            (
                title,
                // Label and URL: fixes may move brackets around a link
                // (`[[pdf]](url)` to `[[pdf](url)]`), never change either.
                e.links
                    .iter()
                    .map(|l| {
                        let label = text[l.label.clone()]
                            .split_whitespace()
                            .collect::<Vec<_>>()
                            .join(" ");
                        let url = l.url.as_ref().map_or("", |u| &text[u.clone()]);
                        format!("{label} -> {url}")
                    })
                    .collect(),
            )
        })
        .collect();
    found.sort();
    found
}

/// The fix engine on any input: it settles, a second run changes nothing,
/// and no entry is lost or changed. The safety invariant: what a rule's fix
/// would break, the engine withholds.
pub fn check_fix(data: &[u8]) {
    fix_holds(data, false);
}

/// [`check_fix`], and stricter: no rule even offers a fix that the engine
/// must withhold (the user would see a "did not apply" warning). A quality
/// bar for the rules, fuzzed as a target of its own (`fix_offers`), so that
/// a withheld fix does not stop the search for a broken invariant.
pub fn check_fix_offers(data: &[u8]) {
    fix_holds(data, true);
}

fn fix_holds(data: &[u8], no_withheld: bool) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let settings = Settings::default();
    for mode in [FixMode::Safe, FixMode::Unsafe] {
        let source = Source::new("fuzz.md", "fuzz.md", text.to_owned());
        let fixed = fix_to_fixpoint(&source, &settings, mode, Vec::new()).expect("fixes settle");
        let again = fix_to_fixpoint(
            &source.revised(fixed.text.clone()),
            &settings,
            mode,
            Vec::new(),
        )
        .expect("fixes settle");
        if no_withheld {
            assert_eq!(
                fixed.withheld,
                Vec::new(),
                "a rule offered a fix that changes an entry or what the list renders"
            );
        }
        // What markdown renders, read by pulldown-cmark alone: safe fixes
        // keep it; unsafe ones (moves) keep every link destination.
        let (before, after) = (Structure::of(source.text()), Structure::of(&fixed.text));
        match mode {
            FixMode::Safe => assert_eq!(before, after, "a safe fix changed what the list renders"),
            // Unsafe fixes keep every destination; one may restore a link
            // that was written broken (`[Paper] (url)`), whose URL the text
            // held already.
            FixMode::Unsafe => {
                let mut kept = after.destinations();
                for dest in before.destinations() {
                    let at = kept.iter().position(|d| *d == dest);
                    assert!(at.is_some(), "an unsafe fix lost the link to {dest}");
                    kept.remove(at.unwrap_or_default());
                }
                for restored in kept {
                    assert!(
                        source.text().contains(restored),
                        "an unsafe fix made up a link to {restored}"
                    );
                }
            }
        }
        assert_eq!(again.text, fixed.text, "a second fix changed something");
        assert_eq!(
            entries(source.text()),
            entries(&fixed.text),
            "an entry changed"
        );
    }
}

/// A shape template (`[entry] shape` in a config, which a pull request can
/// edit) read on any input: an error or a shape, never a panic; a shape's
/// own template is read again the same way, and a list parsed with it.
pub fn check_template(data: &[u8]) {
    let Ok(template) = std::str::from_utf8(data) else {
        return;
    };
    let settings = Settings::default();
    let Ok(shape) = awesome_lint::Shape::from_template(template, settings.known()) else {
        return;
    };
    let _ = awesome_lint::Shape::from_template(&shape.template(), settings.known());
    let mut declared = Settings::default();
    declared.shape = Some(shape);
    let text = format!("# List\n\n- {template}\n- {template}\n\n{template}\n");
    let source = Source::new("fuzz.md", "fuzz.md", text);
    let _ = lint(&source, &declared);
}

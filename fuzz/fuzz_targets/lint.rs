//! Parse and every rule on any input, through every report: no panic, and
//! parsing in chunks is invisible.
#![no_main]

use awesome_lint::config::Settings;
use awesome_lint::document::Document;
use awesome_lint::lint::lint;
use awesome_lint::report::text::TextOptions;
use awesome_lint::report::{self, FileReport, Summary};
use awesome_lint::source::Source;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(source) = Source::from_bytes("fuzz.md".into(), "fuzz.md".into(), data.to_vec()) else {
        return;
    };
    let settings = Settings::default();
    let linted = lint(&source, &settings);
    // Spans must be in the text and on character boundaries.
    for finding in &linted.findings {
        let text = source.text();
        assert!(finding.span.start <= finding.span.end && finding.span.end <= text.len());
        assert!(text.is_char_boundary(finding.span.start) && text.is_char_boundary(finding.span.end));
    }
    // Chunked parsing gives what one parse of the whole text gives.
    let whole = format!("{:?}", Document::parse_in_chunks(source.text(), usize::MAX));
    assert_eq!(format!("{:?}", Document::parse_in_chunks(source.text(), 7)), whole);

    let entries = linted.entries();
    let mut sink = Vec::new();
    let _ = report::entries::render_json(&source, &linted.doc, &settings, &mut sink);
    let _ = report::entries::render_csv(&source, &linted.doc, &settings, &mut sink);
    let reports = vec![FileReport {
        source,
        findings: linted.findings,
        entries,
    }];
    let summary = Summary::of(&reports, None);
    let _ = report::text::render(&reports, &TextOptions::default(), &mut sink);
    let _ = report::json::render(&reports, &summary, &mut sink);
    let _ = report::github::render(&reports, &mut sink);
    let _ = report::github::summary_markdown(&reports, &summary);
    let _ = report::sarif::render(&reports, &mut sink);
});

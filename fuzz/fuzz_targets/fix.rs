//! The fix engine on any input: it settles, a second run changes nothing,
//! and no entry is lost.
#![no_main]

use awesome_lint::config::Settings;
use awesome_lint::document::Document;
use awesome_lint::fix::{FixMode, fix_to_fixpoint};
use awesome_lint::source::Source;
use libfuzzer_sys::fuzz_target;

/// Each entry as (title with whitespace collapsed, links), sorted.
fn entries(text: &str) -> Vec<(String, Vec<String>)> {
    let doc = Document::parse(text);
    let mut found: Vec<(String, Vec<String>)> = doc
        .entries
        .iter()
        .map(|e| {
            let title = text[e.title.clone()].split_whitespace().collect::<Vec<_>>().join(" ");
            (title, e.links.iter().map(|l| text[l.span.clone()].to_owned()).collect())
        })
        .collect();
    found.sort();
    found
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let settings = Settings::default();
    for mode in [FixMode::Safe, FixMode::Unsafe] {
        let source = Source::new("fuzz.md", "fuzz.md", text.to_owned());
        let fixed = fix_to_fixpoint(&source, &settings, mode, Vec::new()).expect("fixes settle");
        let again = fix_to_fixpoint(
            &Source::new("fuzz.md", "fuzz.md", fixed.text.clone()),
            &settings,
            mode,
            Vec::new(),
        )
        .expect("fixes settle");
        assert_eq!(again.text, fixed.text, "a second fix changed something");
        assert_eq!(entries(source.text()), entries(&fixed.text), "an entry changed");
    }
});

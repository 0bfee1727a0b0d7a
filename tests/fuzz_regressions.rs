//! The fuzz targets' properties on the committed seeds and on every input a
//! fuzzer once broke (`fuzz/regressions/<target>/`), run by `cargo test`
//! without libFuzzer. Add a crashing input there when fixing it.

#[path = "../fuzz/checks.rs"]
mod checks;

use std::fs;
use std::path::Path;

fn inputs(kind: &str) -> Vec<(String, Vec<u8>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut found = Vec::new();
    for dir in [
        root.join("seeds").join(kind),
        root.join("regressions").join(kind),
    ] {
        for entry in fs::read_dir(&dir).unwrap_or_else(|_| panic!("{}", dir.display())) {
            let path = entry.unwrap().path();
            found.push((path.display().to_string(), fs::read(&path).unwrap()));
        }
    }
    assert!(!found.is_empty());
    found
}

#[test]
fn lint_properties_hold_on_seeds_and_regressions() {
    for (name, data) in inputs("lint") {
        let result = std::panic::catch_unwind(|| checks::check_lint(&data));
        assert!(result.is_ok(), "{name}");
    }
}

#[test]
fn fix_properties_hold_on_seeds_and_regressions() {
    for (name, data) in inputs("fix") {
        // The invariant, and the strict check: every regression meets both.
        let result = std::panic::catch_unwind(|| checks::check_fix(&data));
        assert!(result.is_ok(), "{name}");
        let result = std::panic::catch_unwind(|| checks::check_fix_offers(&data));
        assert!(result.is_ok(), "{name} (a fix offered that was withheld)");
    }
}

#[test]
fn template_properties_hold_on_seeds_and_regressions() {
    for (name, data) in inputs("template") {
        let result = std::panic::catch_unwind(|| checks::check_template(&data));
        assert!(result.is_ok(), "{name}");
    }
}

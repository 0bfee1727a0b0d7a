//! The version a user is told to pin agrees with the crate's.

use std::fs;
use std::path::Path;

fn read(name: &str) -> String {
    fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(name)).unwrap()
}

#[test]
fn readme_snippets_and_changelog_name_the_crate_version() {
    let version = env!("CARGO_PKG_VERSION");
    let tag = format!("v{version}");
    let readme = read("README.md");
    for (what, pinned) in [
        ("the action snippet", "awesome-lint/awesome-lint@"),
        ("the pre-commit snippet", "rev: "),
    ] {
        let refs: Vec<&str> = readme
            .match_indices(pinned)
            .map(|(at, _)| {
                let rest = &readme[at + pinned.len()..];
                rest.split(|c: char| c.is_whitespace()).next().unwrap_or("")
            })
            .collect();
        assert!(!refs.is_empty(), "README has no {what}");
        for r in refs {
            assert_eq!(r, tag, "{what} in README pins {r}, the crate is {version}");
        }
    }
    // The newest version heading of the changelog, after `[Unreleased]`.
    let changelog = read("CHANGELOG.md");
    let newest = changelog
        .lines()
        .filter_map(|l| l.strip_prefix("## ["))
        .filter_map(|l| l.split(']').next())
        .find(|v| *v != "Unreleased");
    assert_eq!(newest, Some(version), "CHANGELOG.md's newest version");
}

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

/// The declared `rust-version` is at least every locked dependency's own:
/// a user on the oldest Rust the crate claims can build it as locked.
/// (Read from `cargo metadata`, offline, for the platform the tests run on:
/// the registry already holds what the test build used.)
#[test]
fn rust_version_covers_the_locked_dependencies() {
    let parse = |v: &str| -> Vec<u32> { v.split('.').map(|n| n.parse().unwrap_or(0)).collect() };
    let manifest = read("Cargo.toml");
    let declared = manifest
        .lines()
        .find_map(|l| l.strip_prefix("rust-version = "))
        .map(|v| v.trim().trim_matches('"').to_owned())
        .expect("Cargo.toml declares rust-version");
    let host = std::process::Command::new("rustc")
        .args(["-vV"])
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .and_then(|out| {
            out.lines()
                .find_map(|l| l.strip_prefix("host: ").map(str::to_owned))
        })
        .expect("the host triple, from rustc -vV");
    let output = std::process::Command::new(env!("CARGO"))
        .args([
            "metadata",
            "--format-version",
            "1",
            "--locked",
            "--offline",
            "--filter-platform",
            &host,
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "cargo metadata: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let metadata: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let mut needed: Vec<(Vec<u32>, String)> = metadata["packages"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["name"] != "awesome-lint")
        .filter_map(|p| {
            let v = p["rust_version"].as_str()?;
            Some((
                parse(v),
                format!("{} {} needs {v}", p["name"], p["version"]),
            ))
        })
        .collect();
    needed.sort();
    let (oldest_ok, why) = needed.last().expect("dependencies declare rust-version");
    assert!(
        parse(&declared) >= *oldest_ok,
        "rust-version {declared} is older than a locked dependency allows: {why}"
    );
}

//! The README's snippets do what it says, and the pieces it names agree:
//! the action's inputs, the release's targets and the install script.

use std::fs;
use std::path::Path;

use assert_cmd::Command;

fn read(name: &str) -> String {
    fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(name)).unwrap()
}

/// The fenced blocks of a README section, as (info string, body).
fn blocks_of<'a>(readme: &'a str, heading: &str) -> Vec<(&'a str, String)> {
    let start = readme
        .find(heading)
        .unwrap_or_else(|| panic!("no {heading}"));
    let section = &readme[start + heading.len()..];
    let section = &section[..section.find("\n## ").unwrap_or(section.len())];
    let mut blocks = Vec::new();
    let mut lines = section.lines();
    while let Some(line) = lines.next() {
        if let Some(info) = line.strip_prefix("```") {
            let body: Vec<&str> = lines.by_ref().take_while(|l| *l != "```").collect();
            blocks.push((info, body.join("\n")));
        }
    }
    blocks
}

#[test]
fn the_quick_start_shows_findings_on_the_bundled_list() {
    let readme = read("README.md");
    let blocks = blocks_of(&readme, "## Quick start");
    let (_, first) = blocks.first().expect("a command in the quick start");
    let args = first
        .strip_prefix("cargo run --release -- ")
        .expect("the quick start runs the tool with cargo run");
    let args = shell_words(args);
    let out = Command::cargo_bin("awesome-lint")
        .unwrap()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(&args)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    // Every defect the README promises is reported.
    for rule in [
        "year-section",
        "shared-link",
        "duplicate-entry",
        "empty-link",
        "spacing",
        "venue-format",
    ] {
        assert!(
            stdout.contains(rule),
            "the quick start shows no {rule}:\n{stdout}"
        );
    }
    assert!(stdout.contains("Checked 1 file, 10 entries"), "{stdout}");
}

/// The quick start's arguments are plain words; no quoting to undo.
fn shell_words(text: &str) -> Vec<&str> {
    assert!(!text.contains(['"', '\'', '\\']), "{text}");
    text.split_whitespace().collect()
}

#[test]
fn every_action_input_is_in_the_readme_table_and_back() {
    let action = read("action.yml");
    let inputs = &action[action.find("\ninputs:\n").unwrap()..action.find("\noutputs:\n").unwrap()];
    let declared: Vec<&str> = inputs
        .lines()
        .filter_map(|l| l.strip_prefix("  ")?.strip_suffix(':'))
        .filter(|l| !l.starts_with(' '))
        .collect();
    let readme = read("README.md");
    let section = &readme[readme.find("## In a pull request").unwrap()..];
    let table: Vec<&str> = section
        .lines()
        .skip_while(|l| !l.starts_with("| input |"))
        .skip(2)
        .take_while(|l| l.starts_with('|'))
        .filter_map(|l| l.split('`').nth(1))
        .collect();
    assert_eq!(
        declared, table,
        "action.yml inputs against the README's table"
    );
    for output in ["exit-code", "errors", "warnings"] {
        assert!(
            action.contains(&format!("\n  {output}:\n")),
            "action output {output}"
        );
        assert!(
            section.contains(&format!("`{output}`")),
            "README output {output}"
        );
    }
}

#[test]
fn the_release_builds_every_target_the_installer_downloads() {
    let release = read(".github/workflows/release.yml");
    let built: Vec<&str> = release
        .lines()
        .filter_map(|l| l.trim().strip_prefix("- target: "))
        .collect();
    // The action's installer and the prebuilt hook share these names.
    let script = read("scripts/release-assets");
    let wanted: Vec<&str> = script
        .lines()
        .filter_map(|l| l.trim().split_once(") echo "))
        .map(|(_, target)| target.trim_end_matches(" ;;"))
        .filter(|t| {
            t.matches('-').count() >= 2
                && t.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        })
        .collect();
    assert_eq!(built.len(), 5, "{built:?}");
    let mut b = built.clone();
    let mut w = wanted.clone();
    b.sort_unstable();
    w.sort_unstable();
    assert_eq!(b, w, "release.yml targets against install-awesome-lint's");
    // Both name the archives alike.
    for name in ["awesome-lint-$TARGET.tar.gz", "awesome-lint-$TARGET.zip"] {
        assert!(release.contains(name), "release.yml packs {name}");
    }
    for name in ["awesome-lint-$1.tar.gz", "awesome-lint-$1.zip"] {
        assert!(script.contains(name), "the installer downloads {name}");
    }
    // And `cargo binstall` finds them by the same names.
    let manifest = read("Cargo.toml");
    assert!(
        manifest.contains(
            "pkg-url = \"{ repo }/releases/download/v{ version }/awesome-lint-{ target }{ archive-suffix }\""
        ),
        "binstall's pkg-url"
    );
    assert!(manifest.contains(
        "[package.metadata.binstall.overrides.x86_64-pc-windows-msvc]\npkg-fmt = \"zip\""
    ));
}

#[test]
fn the_configuration_example_loads() {
    let readme = read("README.md");
    let blocks = blocks_of(&readme, "## Configuration");
    let (_, config) = blocks
        .iter()
        .find(|(info, _)| *info == "toml")
        .expect("a toml block in the configuration section");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(".awesome-lint.toml");
    fs::write(&path, config).unwrap();
    let out = Command::cargo_bin("awesome-lint")
        .unwrap()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .arg("--config")
        .arg(&path)
        .args(["--offline", "--format", "json", "examples/papers.md"])
        .output()
        .unwrap();
    // Findings (1), not a config that cannot be used (2).
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

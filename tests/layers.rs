//! The crate's layers, written down: each top-level module may use only the
//! modules before it in [`LAYERS`]. Data flows one way, text → document →
//! findings → fixes or link results → report, and the basic data (spans,
//! the rule registry, findings and fixes, the vocabulary, link and paper
//! results) sits in leaves that the modules doing work depend on.
//!
//! The test reads every `crate::module` path in the code (comments left
//! out, tests included) and fails on a use that points up the list, or on
//! a module the list does not place.

use std::fs;
use std::path::{Path, PathBuf};

/// Lowest first.
const LAYERS: &[&str] = &[
    // Leaves: text and spans, the rule registry, findings and fixes.
    "source",
    "rule",
    "diagnostic",
    "fix",
    // The vocabulary, and what a URL or a label says without fetching it.
    "vocabulary",
    "label",
    "venue",
    "url",
    // What the network said, as plain data.
    "paper",
    "link",
    // Finding the files, and what git says changed.
    "files",
    "changes",
    // Text → document; the settings that read a shape through it.
    "document",
    "config",
    // What the list does by habit, and its papers' identities.
    "conventions",
    "identity",
    // Document → findings, fixes to a fixpoint.
    "rules",
    "suppress",
    "lint",
    // A new entry written in the list's shape.
    "add",
    // The network.
    "links",
    // Findings → reports; the command line.
    "report",
    "cli",
    "commands",
];

fn source_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            source_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level module a file belongs to, and how deep below it the file
/// sits (0 for `src/x.rs` and `src/x/mod.rs`); `None` for the crate root.
fn module_of(src: &Path, file: &Path) -> Option<(String, usize)> {
    let relative = file.strip_prefix(src).unwrap();
    let parts: Vec<String> = relative
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let first = parts[0].trim_end_matches(".rs").to_owned();
    if parts.len() == 1 && (first == "lib" || first == "main") {
        return None;
    }
    let last = parts.last().unwrap();
    let depth = parts.len() - 1 - usize::from(last == "mod.rs");
    Some((first, depth))
}

/// The crate-level modules a line of code names: `crate::x`, and `super::x`
/// where `super` climbs to the crate root.
fn named_modules(line: &str, depth: usize) -> Vec<String> {
    let mut prefixes = vec!["crate::".to_owned()];
    prefixes.push(format!("{}super::", "super::".repeat(depth)));
    let mut found = Vec::new();
    for prefix in &prefixes {
        let mut rest = line;
        while let Some(at) = rest.find(prefix.as_str()) {
            // `super::super::x` must not be read as `super::x` at a lesser depth.
            let before = &rest[..at];
            rest = &rest[at + prefix.len()..];
            if before.ends_with("super::")
                || before.ends_with(|c: char| c.is_alphanumeric() || c == '_')
            {
                continue;
            }
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            // A module is a path that goes on (`crate::rule::Rule`) or one of
            // the layers (`use crate::fix;`); `crate::run` is an item of the root.
            let goes_on = rest[name.len()..].starts_with("::");
            if !name.is_empty() && (goes_on || LAYERS.contains(&name.as_str())) {
                found.push(name);
            }
        }
    }
    found
}

/// Every use that points up the layers (or at a module the layers do not
/// place), as `file:line: a -> b`.
fn back_edges(src: &Path) -> Vec<String> {
    let rank = |name: &str| LAYERS.iter().position(|l| *l == name);
    let mut files = Vec::new();
    source_files(src, &mut files);
    files.sort();
    let mut problems = Vec::new();
    for file in files {
        let Some((module, depth)) = module_of(src, &file) else {
            continue;
        };
        let Some(own) = rank(&module) else {
            problems.push(format!(
                "{}: module `{module}` is not placed in LAYERS",
                file.display()
            ));
            continue;
        };
        let text = fs::read_to_string(&file).unwrap();
        for (number, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or_default();
            for used in named_modules(code, depth) {
                if used == module {
                    continue;
                }
                match rank(&used) {
                    Some(theirs) if theirs < own => {}
                    Some(_) => problems.push(format!(
                        "{}:{}: `{module}` uses `{used}`, which is above it",
                        file.display(),
                        number + 1
                    )),
                    None => problems.push(format!(
                        "{}:{}: `{module}` uses `{used}`, which LAYERS does not place",
                        file.display(),
                        number + 1
                    )),
                }
            }
        }
    }
    problems
}

#[test]
fn every_module_uses_only_the_layers_below_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let problems = back_edges(&src);
    assert!(
        problems.is_empty(),
        "the layers are broken:\n{}",
        problems.join("\n")
    );
}

#[test]
fn a_back_edge_is_found() {
    // A copy of two files of a leaf and a module above it, the leaf then
    // made to use the module above: the check must see it.
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("src");
    fs::create_dir_all(src.join("rules")).unwrap();
    fs::write(
        src.join("rule.rs"),
        "use std::fmt;\n// crate::rules in a comment is no use.\nuse crate::rules::check_of;\n",
    )
    .unwrap();
    fs::write(
        src.join("rules/mod.rs"),
        "use crate::rule::Rule;\nuse super::diagnostic::Finding;\n",
    )
    .unwrap();
    fs::write(
        src.join("rules/spacing.rs"),
        "use super::super::lint::lint;\n",
    )
    .unwrap();
    let problems = back_edges(&src);
    assert_eq!(problems.len(), 2, "{problems:#?}");
    assert!(
        problems[0].contains("rule.rs:3: `rule` uses `rules`"),
        "{problems:#?}"
    );
    assert!(
        problems[1].contains("spacing.rs:1: `rules` uses `lint`"),
        "{problems:#?}"
    );
}

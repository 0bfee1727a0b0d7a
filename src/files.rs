//! Which files a run reads: the FILE arguments, each a path or a glob.
//!
//! Globs are expanded here rather than by a shell because the places that
//! run awesome-lint often have none that would: a GitHub Action input
//! (`files: '**/*.md'`), a Windows terminal, a config written by hand. A
//! glob walks from its literal directory prefix and honours `.gitignore`,
//! `.ignore` and hidden files the way ripgrep does, so `'**/*.md'` does not
//! lint `node_modules/` or `target/`. A glob whose literal directory is
//! itself ignored (`vendor/*.md`) still walks it: naming a directory is
//! asking for it, as with ripgrep.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use globset::{Glob, GlobBuilder, GlobMatcher};
use miette::Diagnostic;
use thiserror::Error;

#[derive(Debug, Error, Diagnostic)]
pub(crate) enum FilesError {
    #[error("invalid glob `{pattern}`: {reason}")]
    #[diagnostic(
        code(glob),
        help(
            "globs use `*`, `**`, `?`, `[abc]` and `{{a,b}}`; quote them so the shell leaves them alone"
        )
    )]
    Invalid { pattern: String, reason: String },

    #[error("no file matches `{pattern}`")]
    #[diagnostic(
        code(glob),
        help("a glob matches files below its directory that `.gitignore` does not exclude")
    )]
    NoMatch { pattern: String },
}

/// The list a run reads when no file is named: `README.md` in the current
/// directory, or else the file there whose name is that whatever its case
/// (`readme.md`, `Readme.md`), as GitHub finds it. `README.md` when there
/// is none, for the error to name.
pub(crate) fn default_readme() -> PathBuf {
    let exact = PathBuf::from("README.md");
    if exact.is_file() {
        return exact;
    }
    let mut found: Vec<PathBuf> = std::fs::read_dir(".")
        .into_iter()
        .flatten()
        .flatten()
        .filter(|entry| {
            entry
                .file_name()
                .to_str()
                .is_some_and(|name| name.eq_ignore_ascii_case("readme.md"))
                && entry.path().is_file()
        })
        .map(|entry| PathBuf::from(entry.file_name()))
        .collect();
    found.sort();
    found.into_iter().next().unwrap_or(exact)
}

/// The files the arguments name, in argument order, each once: an existing
/// path as given, a glob as the files it matches (sorted). Every argument
/// that cannot be expanded is an error of its own; the others still count.
pub(crate) fn expand(args: &[PathBuf]) -> (Vec<PathBuf>, Vec<(PathBuf, FilesError)>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    let mut seen = HashSet::new();
    for arg in args {
        let Some(pattern) = arg.to_str().filter(|p| is_glob(p) && !arg.exists()) else {
            // A path, which reading reports on if it is missing.
            if seen.insert(arg.clone()) {
                files.push(arg.clone());
            }
            continue;
        };
        match matches(pattern) {
            Ok(found) if found.is_empty() => errors.push((
                arg.clone(),
                FilesError::NoMatch {
                    pattern: pattern.to_owned(),
                },
            )),
            Ok(found) => files.extend(found.into_iter().filter(|f| seen.insert(f.clone()))),
            Err(err) => errors.push((arg.clone(), err)),
        }
    }
    (files, errors)
}

fn is_glob(text: &str) -> bool {
    text.contains(['*', '?', '[', '{'])
}

/// The files under the pattern's literal prefix that it matches, sorted.
fn matches(pattern: &str) -> Result<Vec<PathBuf>, FilesError> {
    let pattern = pattern.strip_prefix("./").unwrap_or(pattern);
    let matcher = matcher(pattern)?;
    let base = literal_prefix(pattern);
    let root = if base.as_os_str().is_empty() {
        Path::new(".")
    } else {
        base.as_path()
    };
    let mut found = Vec::new();
    let walk = ignore::WalkBuilder::new(root)
        // A list checked outside a git checkout honours its .gitignore too.
        .require_git(false)
        .build();
    // An unreadable directory is skipped, as a shell's glob skips it.
    for entry in walk.flatten() {
        if !entry.file_type().is_some_and(|t| t.is_file()) {
            continue;
        }
        let path = entry.path();
        let path = path.strip_prefix(".").unwrap_or(path);
        if matcher.is_match(path) {
            found.push(path.to_path_buf());
        }
    }
    found.sort();
    Ok(found)
}

/// `*` stays within a directory, as in a shell; `**` crosses them.
fn matcher(pattern: &str) -> Result<GlobMatcher, FilesError> {
    let invalid = |err: globset::Error| FilesError::Invalid {
        pattern: pattern.to_owned(),
        reason: err.kind().to_string(),
    };
    let glob: Glob = GlobBuilder::new(pattern)
        .literal_separator(true)
        .backslash_escape(!cfg!(windows))
        .build()
        .map_err(invalid)?;
    Ok(glob.compile_matcher())
}

/// The directories before the first component with a glob character:
/// `docs/**/*.md` walks `docs`, `*.md` the working directory.
fn literal_prefix(pattern: &str) -> PathBuf {
    let mut base = PathBuf::new();
    let components: Vec<&str> = pattern.split('/').collect();
    for component in &components[..components.len().saturating_sub(1)] {
        if is_glob(component) {
            break;
        }
        base.push(component);
    }
    if pattern.starts_with('/') {
        Path::new("/").join(base)
    } else {
        base
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_glob_walks_from_its_literal_directory() {
        assert_eq!(literal_prefix("docs/**/*.md"), PathBuf::from("docs"));
        assert_eq!(literal_prefix("*.md"), PathBuf::new());
        assert_eq!(literal_prefix("a/b/c.md"), PathBuf::from("a/b"));
        assert_eq!(literal_prefix("a/{b,c}/d.md"), PathBuf::from("a"));
    }

    #[test]
    fn a_star_stays_within_a_directory() {
        let m = matcher("*.md").unwrap();
        assert!(m.is_match("README.md"));
        assert!(!m.is_match("docs/a.md"));
        let m = matcher("**/*.md").unwrap();
        assert!(m.is_match("README.md"));
        assert!(m.is_match("docs/a/b.md"));
    }

    #[test]
    fn a_bad_glob_is_an_error_not_a_panic() {
        assert!(matches!(matcher("[a-"), Err(FilesError::Invalid { .. })));
    }
}

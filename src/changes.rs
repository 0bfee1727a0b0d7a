//! `--changed-since REF`: which lines of a file changed between a git
//! revision and the working tree, read from `git diff` through the git CLI.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

/// The lines of one file that changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ChangedLines {
    /// The file is new since the revision (or untracked): every line counts.
    All,
    /// 1-based line numbers in the working tree.
    Lines(BTreeSet<usize>),
}

impl ChangedLines {
    pub(crate) fn contains(&self, line: usize) -> bool {
        match self {
            ChangedLines::All => true,
            ChangedLines::Lines(lines) => lines.contains(&line),
        }
    }
}

/// Why changed lines could not be found.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub(crate) enum ChangesError {
    #[error("--changed-since needs git: {0}")]
    #[diagnostic(code(git), help("install git, or run without --changed-since"))]
    NoGit(String),
    #[error("--changed-since: `{path}` is not in a git repository")]
    #[diagnostic(
        code(git),
        help("run inside the repository, or without --changed-since")
    )]
    NotARepository { path: String },
    #[error("--changed-since: `{rev}` is not a revision of this repository")]
    #[diagnostic(
        code(git),
        help(
            "give a commit, branch or tag that exists here (in CI, fetch it first: `git fetch origin BASE`)"
        )
    )]
    UnknownRevision { rev: String },
    #[error("--changed-since: git diff failed: {0}")]
    #[diagnostic(code(git))]
    Diff(String),
}

/// The lines of `file` changed since `rev` (working tree against the revision).
pub(crate) fn changed_lines(file: &Path, rev: &str) -> Result<ChangedLines, ChangesError> {
    let absolute = std::path::absolute(file).map_err(|err| ChangesError::Diff(err.to_string()))?;
    let dir = absolute.parent().unwrap_or(Path::new("/"));
    let name = absolute
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    git(dir, &["rev-parse", "--show-toplevel"]).map_err(|_| ChangesError::NotARepository {
        path: file.display().to_string(),
    })?;
    if git(
        dir,
        &[
            "rev-parse",
            "--verify",
            "--quiet",
            &format!("{rev}^{{commit}}"),
        ],
    )
    .is_err()
    {
        return Err(ChangesError::UnknownRevision {
            rev: rev.to_owned(),
        });
    }
    // A file that did not exist at the revision is wholly new. (`./name`
    // is relative to `-C dir`, whatever symbolic links lead there.)
    if git(dir, &["cat-file", "-e", &format!("{rev}:./{name}")]).is_err() {
        return Ok(ChangedLines::All);
    }
    let diff = git(
        dir,
        &[
            "diff",
            "--no-color",
            "--no-ext-diff",
            "--unified=0",
            rev,
            "--",
            &name,
        ],
    )
    .map_err(ChangesError::Diff)?;
    Ok(ChangedLines::Lines(added_lines(&diff)))
}

/// Runs git in `dir`; stdout on success, stderr on failure.
fn git(dir: &Path, args: &[&str]) -> Result<String, String> {
    let output = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .env("LC_ALL", "C")
        .output()
        .map_err(|err| err.to_string())?;
    if output.status.success() {
        Ok(String::from_utf8_lossy(&output.stdout).into_owned())
    } else {
        Err(String::from_utf8_lossy(&output.stderr).trim().to_owned())
    }
}

/// Checks that git itself can run, for a clear error before any file.
pub(crate) fn check_git() -> Result<(), ChangesError> {
    Command::new("git")
        .arg("--version")
        .output()
        .map(|_| ())
        .map_err(|err| ChangesError::NoGit(err.to_string()))
}

/// The new-side line numbers of every hunk in a `--unified=0` diff.
fn added_lines(diff: &str) -> BTreeSet<usize> {
    let mut lines = BTreeSet::new();
    for hunk in diff.lines().filter(|l| l.starts_with("@@ ")) {
        let Some(new) = hunk.split(' ').find(|part| part.starts_with('+')) else {
            continue;
        };
        let mut numbers = new[1..].split(',');
        let start: usize = numbers.next().and_then(|n| n.parse().ok()).unwrap_or(0);
        let count: usize = numbers.next().and_then(|n| n.parse().ok()).unwrap_or(1);
        lines.extend(start..start + count);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hunks_give_new_side_lines() {
        let diff = "diff --git a/x b/x\n@@ -3 +3 @@\n-a\n+b\n@@ -10,0 +11,2 @@\n+c\n+d\n@@ -20,2 +22,0 @@\n-e\n-f\n";
        assert_eq!(added_lines(diff), BTreeSet::from([3, 11, 12]));
    }
}

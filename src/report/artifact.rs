//! Where a file is, for machines. GitHub reads annotation paths relative to
//! the repository, and SARIF wants a URI relative to a base it names
//! (`%SRCROOT%`) for files under it and an absolute `file://` URI for any
//! other: an absolute path under a base is invalid (SARIF1004), and code
//! scanning cannot place it.

use std::path::{Component, Path, PathBuf};

use serde_json::{Value, json};
use url::Url;

/// The base files are reported against: the root of the git repository
/// holding the working directory, else the working directory itself.
#[derive(Debug, Clone)]
pub struct Root {
    dir: PathBuf,
}

impl Root {
    /// The root for a run in `cwd`.
    pub fn of(cwd: &Path) -> Self {
        let cwd = std::fs::canonicalize(cwd).unwrap_or_else(|_| cwd.to_path_buf());
        let dir = cwd
            .ancestors()
            .find(|dir| dir.join(".git").exists())
            .unwrap_or(&cwd)
            .to_path_buf();
        Root { dir }
    }

    /// The root for a run in the current directory.
    pub fn here() -> Self {
        Self::of(&std::env::current_dir().unwrap_or_default())
    }

    /// `path` relative to the root with forward slashes, or `None` when it
    /// lies outside.
    pub fn relative(&self, path: &Path) -> Option<String> {
        let absolute = absolute(path);
        let rest = absolute.strip_prefix(&self.dir).ok()?;
        let parts: Vec<String> = rest
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        (!parts.is_empty()).then(|| parts.join("/"))
    }

    /// The root as a `file://` URI ending in a slash, as SARIF asks of a base.
    pub fn uri(&self) -> Option<String> {
        Url::from_directory_path(&self.dir)
            .ok()
            .map(|url| url.to_string())
    }

    /// A SARIF `artifactLocation` for `path`.
    pub(crate) fn sarif_location(&self, path: &Path) -> Value {
        if self.relative(path).is_some()
            && let (Ok(base), Ok(file)) = (
                Url::from_directory_path(&self.dir),
                Url::from_file_path(absolute(path)),
            )
            && let Some(uri) = base.make_relative(&file)
        {
            // A colon in the first segment would read as a scheme (RFC 3986
            // forbids it there); escaped everywhere, it means the same.
            let uri = uri.replace(':', "%3A");
            return json!({ "uri": uri, "uriBaseId": "%SRCROOT%" });
        }
        match Url::from_file_path(absolute(path)) {
            Ok(url) => json!({ "uri": url.to_string() }),
            // Not expressible as a file URI: the path as given, with no base.
            Err(()) => json!({ "uri": path.to_string_lossy().replace('\\', "/") }),
        }
    }
}

/// `path` made absolute and free of `.`/`..`, through symbolic links where it
/// exists (so it compares with the canonical root), lexically where not.
fn absolute(path: &Path) -> PathBuf {
    if let Ok(real) = std::fs::canonicalize(path) {
        return real;
    }
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(path)
    };
    // A file that does not exist (a failure about it): its directory may.
    if let (Some(parent), Some(name)) = (joined.parent(), joined.file_name())
        && let Ok(parent) = std::fs::canonicalize(parent)
    {
        return parent.join(name);
    }
    let mut clean = PathBuf::new();
    for component in joined.components() {
        match component {
            Component::ParentDir => {
                clean.pop();
            }
            Component::CurDir => {}
            other => clean.push(other),
        }
    }
    clean
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_under_the_root_are_relative_and_others_absolute_uris() {
        let dir = tempfile::tempdir().unwrap();
        let repo = dir.path().join("repo");
        std::fs::create_dir_all(repo.join(".git")).unwrap();
        std::fs::create_dir_all(repo.join("docs/sub dir")).unwrap();
        std::fs::write(repo.join("docs/sub dir/list.md"), "").unwrap();
        std::fs::create_dir_all(repo.join("a:b")).unwrap();
        std::fs::write(repo.join("a:b/list.md"), "").unwrap();
        assert_eq!(
            Root::of(&repo).sarif_location(&repo.join("a:b/list.md"))["uri"],
            "a%3Ab/list.md"
        );
        std::fs::write(dir.path().join("outside.md"), "").unwrap();

        // Run from a subdirectory: the repository is still the root.
        let root = Root::of(&repo.join("docs"));
        let inside = repo.join("docs/sub dir/list.md");
        assert_eq!(
            root.relative(&inside).as_deref(),
            Some("docs/sub dir/list.md")
        );
        assert_eq!(
            root.sarif_location(&inside),
            json!({ "uri": "docs/sub%20dir/list.md", "uriBaseId": "%SRCROOT%" })
        );
        assert!(root.uri().unwrap().starts_with("file:///"));
        assert!(root.uri().unwrap().ends_with("/repo/"));

        let outside = dir.path().join("outside.md");
        assert_eq!(root.relative(&outside), None);
        let location = root.sarif_location(&outside);
        assert!(location.get("uriBaseId").is_none());
        let uri = location["uri"].as_str().unwrap();
        assert!(
            uri.starts_with("file:///") && uri.ends_with("/outside.md"),
            "{uri}"
        );

        // A missing file is placed by its directory.
        let missing = repo.join("docs/missing.md");
        assert_eq!(root.relative(&missing).as_deref(), Some("docs/missing.md"));
    }
}

//! Links into the repository, checked without the network: a `#fragment`
//! against the anchors of the file itself (GitHub's heading slugs and HTML
//! ids), a relative path against the files beside it.

use std::borrow::Cow;
use std::path::{Component, Path, PathBuf};

use crate::document::{anchors, local_links};
use crate::link::{Expect, LinkResult, Occurrence, Status};
use crate::source::Source;

/// The file's local links that lead nowhere, each with why.
pub(crate) fn broken(source: &Source) -> Vec<(Occurrence, LinkResult)> {
    let text = source.text();
    let links = local_links(text);
    if links.is_empty() {
        return Vec::new();
    }
    // Read from standard input with no name: there is no directory to look in.
    let path = source.path();
    let dir = (path.as_os_str() != "-").then(|| {
        path.parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."))
            .to_path_buf()
    });
    let root = dir.as_deref().map(repository_root);
    let mut own_anchors = None;
    let mut found = Vec::new();
    for link in links {
        let (target, fragment) = match link.url.split_once('#') {
            Some((target, fragment)) => (target, Some(fragment)),
            None => (link.url.as_str(), None),
        };
        let target = target.split('?').next().unwrap_or_default();
        let reason = if target.is_empty() {
            let Some(fragment) = fragment.filter(|f| !f.is_empty()) else {
                continue;
            };
            let anchors = own_anchors.get_or_insert_with(|| anchors(text));
            let wanted = decode(fragment).to_lowercase();
            let wanted = wanted.strip_prefix("user-content-").unwrap_or(&wanted);
            if anchors.contains(wanted) {
                continue;
            }
            format!("no heading or anchor `#{fragment}` in this file")
        } else {
            let (Some(dir), Some(root)) = (&dir, &root) else {
                continue;
            };
            let decoded = decode(target);
            let Some(resolved) = resolve(dir, root, &decoded) else {
                // Above the repository (`../../issues`): a page GitHub
                // serves beside the repository's files, not one of them.
                continue;
            };
            if resolved.exists() {
                continue;
            }
            format!("no file `{target}` in the repository")
        };
        let url_span = super::target::literal_span(text, &link.span, &link.url);
        found.push((
            Occurrence {
                span: link.span,
                url_span,
                url: link.url,
                label: None,
                expect: Expect::Resolve,
            },
            LinkResult::new(Status::Broken {
                reason,
                unreachable: false,
            }),
        ));
    }
    found
}

/// `%20` and the like, decoded; the text as is where it does not decode.
fn decode(text: &str) -> Cow<'_, str> {
    percent_encoding::percent_decode_str(text)
        .decode_utf8()
        .unwrap_or(Cow::Borrowed(text))
}

/// The nearest directory up from `dir` that holds `.git`, else `dir`.
fn repository_root(dir: &Path) -> PathBuf {
    let absolute = std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf());
    absolute
        .ancestors()
        .find(|d| d.join(".git").exists())
        .unwrap_or(&absolute)
        .to_path_buf()
}

/// Where a relative link leads: from the file's directory, or from the
/// repository's root for a path that starts with `/` (as GitHub reads it);
/// `None` when it climbs out of the repository.
fn resolve(dir: &Path, root: &Path, target: &str) -> Option<PathBuf> {
    let (base, rest) = match target.strip_prefix('/') {
        Some(rest) => (root.to_path_buf(), rest),
        None => (std::path::absolute(dir).ok()?, target),
    };
    let mut path = base;
    for component in Path::new(rest).components() {
        match component {
            Component::Normal(part) => path.push(part),
            Component::ParentDir => {
                if !path.pop() || !path.starts_with(root) {
                    return None;
                }
            }
            Component::CurDir => {}
            Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    path.starts_with(root).then_some(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fragments_and_files_that_lead_nowhere() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join(".git")).unwrap();
        std::fs::create_dir_all(dir.path().join("docs/img")).unwrap();
        std::fs::write(dir.path().join("docs/img/a b.png"), "").unwrap();
        std::fs::write(dir.path().join("LICENSE"), "").unwrap();
        let text = "# List\n\n## Papers (2024)\n\n- [top](#list) [papers](#papers-2024) [gone](#surveys)\n- ![i](img/a%20b.png) [lic](../LICENSE) [root](/LICENSE) [missing](notes.md#x)\n- [issues](../../issues) [mail](mailto:a@b.c) [web](https://example.org/#x)\n";
        let path = dir.path().join("docs/README.md");
        std::fs::write(&path, text).unwrap();
        let source = Source::read(&path).unwrap();
        let broken: Vec<(String, String)> = broken(&source)
            .into_iter()
            .map(|(o, r)| (o.url, r.status.reason()))
            .collect();
        assert_eq!(
            broken,
            [
                (
                    "#surveys".to_owned(),
                    "no heading or anchor `#surveys` in this file".to_owned()
                ),
                (
                    "notes.md#x".to_owned(),
                    "no file `notes.md` in the repository".to_owned()
                ),
            ]
        );
    }
}

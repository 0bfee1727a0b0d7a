//! Writing a fixed file without losing anything: the new bytes go to a
//! temporary file beside the original, are flushed to disk, take the
//! original's permissions, and replace it by a rename. A file that vanished
//! or changed since it was read is left alone.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Why a fixed file was not written.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub(crate) enum WriteError {
    #[error("cannot fix `{path}`: it vanished while it was being fixed")]
    #[diagnostic(code(fix))]
    Vanished { path: String },
    #[error("cannot fix `{path}`: it changed while it was being fixed")]
    #[diagnostic(code(fix), help("run awesome-lint --fix again"))]
    Changed { path: String },
    #[error("cannot fix `{path}`: it is read-only")]
    #[diagnostic(
        code(fix),
        help("the file was left as it was; make it writable to fix it, or run without --fix")
    )]
    ReadOnly { path: String },
    #[error("cannot write `{path}`: {reason}")]
    #[diagnostic(code(fix), help("the file was left as it was"))]
    Io {
        path: String,
        reason: std::io::Error,
    },
}

/// Replaces `path`, which must still hold `original`, with `new`.
pub(crate) fn write_atomically(path: &Path, original: &[u8], new: &[u8]) -> Result<(), WriteError> {
    let name = path.display().to_string();
    let io = |reason| WriteError::Io {
        path: name.clone(),
        reason,
    };
    // Through a symbolic link, the file it points at is the one to replace.
    let path = &fs::canonicalize(path).map_err(|_| WriteError::Vanished { path: name.clone() })?;
    let metadata = fs::metadata(path).map_err(|_| WriteError::Vanished { path: name.clone() })?;
    // The rename below would replace a read-only file all the same (only the
    // directory's permissions decide that); its owner asked for it to stay.
    if metadata.permissions().readonly() {
        return Err(WriteError::ReadOnly { path: name });
    }
    match fs::read(path) {
        Ok(current) if current == original => {}
        Ok(_) => return Err(WriteError::Changed { path: name }),
        Err(_) => return Err(WriteError::Vanished { path: name }),
    }
    replace_file(path, new, Some(metadata.permissions())).map_err(io)
}

/// Puts `bytes` at `path` all at once: written to a new temporary file
/// beside it (never through a link someone left there), flushed, given
/// `permissions`, and renamed over the path. A failure leaves the path as it was.
pub(crate) fn replace_file(
    path: &Path,
    bytes: &[u8],
    permissions: Option<fs::Permissions>,
) -> std::io::Result<()> {
    let temp = temporary_beside(path);
    let result = (|| {
        let mut file = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        if let Some(permissions) = permissions {
            fs::set_permissions(&temp, permissions)?;
        }
        fs::rename(&temp, path)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result
}

fn temporary_beside(path: &Path) -> PathBuf {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    dir.join(format!(".{name}.awesome-lint-{}.tmp", std::process::id()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_keeping_permissions_and_refuses_changed_or_missing_files() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("list.md");
        fs::write(&path, "old\r\n").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
        write_atomically(&path, b"old\r\n", b"new\r\n").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"new\r\n");
        assert_eq!(
            fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o640
        );
        assert_eq!(
            fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temporary file left"
        );

        assert!(matches!(
            write_atomically(&path, b"old\r\n", b"x"),
            Err(WriteError::Changed { .. })
        ));
        assert_eq!(fs::read(&path).unwrap(), b"new\r\n");
        let gone = dir.path().join("gone.md");
        assert!(matches!(
            write_atomically(&gone, b"", b"x"),
            Err(WriteError::Vanished { .. })
        ));
        assert!(!gone.exists());
    }

    #[test]
    fn a_failed_write_leaves_the_original_intact() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("list.md");
        fs::write(&path, "old\n").unwrap();
        // Something in the way of the temporary file: the write cannot start.
        fs::create_dir(temporary_beside(&path)).unwrap();
        assert!(matches!(
            write_atomically(&path, b"old\n", b"new\n"),
            Err(WriteError::Io { .. })
        ));
        assert_eq!(fs::read(&path).unwrap(), b"old\n");
    }
}

//! A run that could not finish (an unreadable list, a bad config, no
//! network) exits 2. Its reasons are reported where each format's reader
//! looks, not only on stderr: a CI log that shows "No findings" for a job
//! that failed helps nobody.

use std::path::Path;

use miette::Diagnostic;
use serde::Serialize;

/// Why (part of) a run could not be done.
#[derive(Debug, Clone, Serialize)]
pub struct Failure {
    pub message: String,
    pub help: Option<String>,
    /// The file it is about, as given, when it is about one.
    pub file: Option<String>,
    /// 1-based position in that file, when the failure points at a place
    /// (a bad value in a config, an invalid byte in a list).
    pub line: Option<usize>,
    pub column: Option<usize>,
}

impl Failure {
    /// The failure a diagnostic describes. `file` names the file when the
    /// diagnostic carries no source of its own (a list that cannot be read).
    pub fn of(diagnostic: &dyn Diagnostic, file: Option<&Path>) -> Self {
        let mut failure = Failure {
            message: diagnostic.to_string(),
            help: diagnostic.help().map(|help| help.to_string()),
            file: file.map(|path| path.display().to_string()),
            line: None,
            column: None,
        };
        let label = diagnostic.labels().and_then(|mut labels| labels.next());
        if let (Some(source), Some(label)) = (diagnostic.source_code(), label)
            && let Ok(contents) = source.read_span(label.inner(), 0, 0)
        {
            failure.line = Some(contents.line() + 1);
            failure.column = Some(contents.column() + 1);
            // A config found by searching upward is named by its absolute
            // path; below the working directory, say it as a user would.
            if let Some(name) = contents.name() {
                failure.file = Some(crate::source::relative_path(Path::new(name)));
            }
        }
        failure
    }

    /// `file:line: ` (or `file: `, or nothing) before a message.
    pub fn place(&self) -> String {
        match (&self.file, self.line) {
            (Some(file), Some(line)) => format!("{file}:{line}"),
            (Some(file), None) => file.clone(),
            _ => String::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use miette::{NamedSource, SourceSpan};

    #[derive(Debug, thiserror::Error, Diagnostic)]
    #[error("bad value")]
    #[diagnostic(help("fix it"))]
    struct Located {
        #[source_code]
        src: NamedSource<String>,
        #[label("here")]
        span: SourceSpan,
    }

    #[derive(Debug, thiserror::Error, Diagnostic)]
    #[error("no network")]
    struct Nowhere;

    #[test]
    fn a_located_diagnostic_names_its_file_and_line() {
        let text = "[links]\ntimeout = -1\n".to_owned();
        let at = text.find("-1").unwrap();
        let failure = Failure::of(
            &Located {
                src: NamedSource::new(".awesome-lint.toml", text),
                span: (at, 2).into(),
            },
            None,
        );
        assert_eq!(failure.file.as_deref(), Some(".awesome-lint.toml"));
        assert_eq!((failure.line, failure.column), (Some(2), Some(11)));
        assert_eq!(failure.help.as_deref(), Some("fix it"));
        assert_eq!(failure.place(), ".awesome-lint.toml:2");

        let failure = Failure::of(&Nowhere, None);
        assert_eq!((failure.file, failure.line), (None, None));
        let failure = Failure::of(&Nowhere, Some(Path::new("list.md")));
        assert_eq!(failure.place(), "list.md");
    }
}

//! A file's text and the one index that turns byte offsets into lines and columns.
//!
//! The text is held without its UTF-8 byte order mark, so spans, columns and
//! the parser all agree; [`Source::had_bom`] remembers it for writing back.

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use miette::{MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};

/// A byte range into a source text.
pub type Span = Range<usize>;

/// A file's path for machines (annotations, SARIF): relative to the working
/// directory when it lies below it, with forward slashes and no `./`.
pub(crate) fn relative_path(path: &Path) -> String {
    let cwd = std::env::current_dir().ok();
    let relative = match &cwd {
        Some(cwd) if path.is_absolute() => path.strip_prefix(cwd).unwrap_or(path),
        _ => path,
    };
    let text = relative.to_string_lossy().replace('\\', "/");
    match text.strip_prefix("./") {
        Some(rest) => rest.to_owned(),
        None => text,
    }
}

/// Why a file could not be read as a markdown source.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub enum SourceError {
    #[error("cannot read `{path}`: {reason}")]
    #[diagnostic(code(io))]
    Io {
        path: String,
        reason: std::io::Error,
    },
    #[error("cannot lint `{path}`: it is a directory")]
    #[diagnostic(
        code(io),
        help("pass the markdown files themselves, e.g. `{path}/README.md`")
    )]
    Directory { path: String },
    #[error("cannot lint `{path}`: not valid UTF-8 (line {line}, column {column})")]
    #[diagnostic(
        code(encoding),
        help("awesome-lint reads UTF-8 markdown; re-save the file as UTF-8")
    )]
    NotUtf8 {
        path: String,
        line: usize,
        column: usize,
    },
}

/// One markdown file: its name as the user gave it, its text, and its line starts.
#[derive(Debug, Clone)]
pub struct Source {
    name: String,
    path: PathBuf,
    text: Arc<str>,
    had_bom: bool,
    line_starts: Vec<usize>,
    /// Whether each line is pure ASCII, where a column is a byte difference.
    ascii_lines: Vec<bool>,
}

/// Lines longer than this (in bytes) are shown as a window around a span,
/// and never as context: a long line would make every snippet huge.
pub(crate) const LONG_LINE: usize = 1_000;
/// Bytes shown on each side of a span inside a long line.
const WINDOW: usize = 160;

impl Source {
    /// Reads a file. Paths are reported as given, so output matches what the user typed.
    pub fn read(path: &Path) -> Result<Self, SourceError> {
        let name = path.display().to_string();
        if path.is_dir() {
            return Err(SourceError::Directory { path: name });
        }
        let bytes = std::fs::read(path).map_err(|reason| SourceError::Io {
            path: name.clone(),
            reason,
        })?;
        Self::from_bytes(name, path.to_path_buf(), bytes)
    }

    /// Builds a source from raw bytes, rejecting invalid UTF-8 with its position.
    pub fn from_bytes(name: String, path: PathBuf, bytes: Vec<u8>) -> Result<Self, SourceError> {
        match String::from_utf8(bytes) {
            Ok(text) => Ok(Self::new(name, path, text)),
            Err(err) => {
                let valid = err.utf8_error().valid_up_to();
                let bytes = err.as_bytes();
                let prefix = std::str::from_utf8(&bytes[..valid]).unwrap_or_default();
                let line = prefix.matches('\n').count() + 1;
                let column = prefix.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
                Err(SourceError::NotUtf8 {
                    path: name,
                    line,
                    column,
                })
            }
        }
    }

    /// Builds a source from text; a leading byte order mark is set aside.
    pub fn new(name: impl Into<String>, path: impl Into<PathBuf>, text: String) -> Self {
        let (text, had_bom) = match text.strip_prefix('\u{feff}') {
            Some(rest) => (rest.to_owned(), true),
            None => (text, false),
        };
        Self::build(name.into(), path.into(), text, had_bom)
    }

    /// The same file with new text (after fixes): the byte order mark was
    /// already set aside, so a second one at the start of `text` is content
    /// and stays.
    pub fn revised(&self, text: String) -> Self {
        Self::build(self.name.clone(), self.path.clone(), text, self.had_bom)
    }

    fn build(name: String, path: PathBuf, text: String, had_bom: bool) -> Self {
        let mut line_starts = Vec::with_capacity(text.len() / 64 + 1);
        line_starts.push(0);
        line_starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        let ascii_lines = if text.is_ascii() {
            vec![true; line_starts.len()]
        } else {
            let ends = line_starts.iter().skip(1).copied().chain(Some(text.len()));
            line_starts
                .iter()
                .zip(ends)
                .map(|(&start, end)| text.as_bytes()[start..end].is_ascii())
                .collect()
        };
        Self {
            name,
            path,
            text: Arc::from(text),
            had_bom,
            line_starts,
            ascii_lines,
        }
    }

    /// The name used in reports: the path as the user gave it.
    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub(crate) fn had_bom(&self) -> bool {
        self.had_bom
    }

    /// Number of lines, counting a last line without a newline.
    pub(crate) fn line_count(&self) -> usize {
        if self.text.ends_with('\n') {
            self.line_starts.len() - 1
        } else {
            self.line_starts.len()
        }
    }

    /// 0-based line index of a byte offset.
    pub(crate) fn line_index(&self, offset: usize) -> usize {
        self.line_starts.partition_point(|&start| start <= offset) - 1
    }

    /// 1-based line number of a byte offset.
    pub fn line_of(&self, offset: usize) -> usize {
        self.line_index(offset) + 1
    }

    /// Byte range of a 0-based line, without its line ending (`\n` or `\r\n`).
    pub(crate) fn line_range(&self, index: usize) -> Range<usize> {
        let start = self.line_starts[index];
        let mut end = self
            .line_starts
            .get(index + 1)
            .map_or(self.text.len(), |next| next - 1);
        if end > start && self.text.as_bytes()[end - 1] == b'\r' {
            end -= 1;
        }
        start..end
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn position(&self, offset: usize) -> Position {
        let offset = self.floor_char_boundary(offset.min(self.text.len()));
        let index = self.line_index(offset);
        Position {
            line: index + 1,
            column: self.column_index(index, offset) + 1,
        }
    }

    /// 0-based character column of `offset` on 0-based line `index`; constant
    /// time on ASCII lines, so reports stay linear on huge one-line inputs.
    fn column_index(&self, index: usize, offset: usize) -> usize {
        let start = self.line_starts[index];
        if self.ascii_lines[index] {
            offset - start
        } else {
            self.text[start..offset].chars().count()
        }
    }

    fn ceil_char_boundary(&self, mut offset: usize) -> usize {
        while !self.text.is_char_boundary(offset) {
            offset += 1;
        }
        offset
    }

    fn floor_char_boundary(&self, mut offset: usize) -> usize {
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        offset
    }
}

/// A 1-based line and character column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// Gives miette the lines around a span by lookup in the line index, where
/// miette's own `&str` implementation rescans the file from its start for
/// every diagnostic (quadratic on large lists with many findings). Long lines
/// are cut to a window around the span: miette pads underlines with a format
/// width, which panics past 65,535 columns.
impl SourceCode for Source {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let start = span.offset();
        let end = start + span.len();
        if end > self.text.len() {
            return Err(MietteError::OutOfBounds);
        }
        let start_line = self.line_index(start);
        let end_line = self.line_index(if span.is_empty() { end } else { end - 1 });
        let line_len = |index: usize| self.line_range(index).len();
        let long = (start_line..=end_line).any(|index| line_len(index) > LONG_LINE);

        let (first, last, from, to) = if long {
            let own_end = self.line_range(end_line).end;
            let from = self.floor_char_boundary(
                start
                    .saturating_sub(WINDOW)
                    .max(self.line_starts[start_line]),
            );
            let to = self
                .ceil_char_boundary((end + WINDOW).min(own_end))
                .max(end);
            (start_line, end_line, from, to)
        } else {
            let mut first = start_line;
            while first > 0
                && start_line - first < context_lines_before
                && line_len(first - 1) <= LONG_LINE
            {
                first -= 1;
            }
            let mut last = end_line;
            while last + 1 < self.line_starts.len()
                && last - end_line < context_lines_after
                && line_len(last + 1) <= LONG_LINE
            {
                last += 1;
            }
            (
                first,
                last,
                self.line_starts[first],
                self.line_range(last).end.max(end),
            )
        };
        // Without context before, miette asks where the span itself starts
        // (for the `file:line:column` header): answer in characters, like the JSON.
        let (from, column) = if context_lines_before == 0 {
            (start, self.column_index(start_line, start))
        } else {
            (from, 0)
        };
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            &self.text.as_bytes()[from..to],
            (from, to - from).into(),
            first,
            column,
            last - first + 1,
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(text: &str) -> Source {
        Source::new("t.md", "t.md", text.to_owned())
    }

    #[test]
    fn positions_count_characters_and_survive_crlf() {
        let s = source("ab\r\nçd e\r\n");
        assert_eq!(s.position(0), Position { line: 1, column: 1 });
        assert_eq!(s.position(4), Position { line: 2, column: 1 });
        // `ç` is two bytes, one column.
        assert_eq!(s.position(7), Position { line: 2, column: 3 });
        assert_eq!(s.line_range(0), 0..2);
        assert_eq!(s.line_range(1), 4..9);
        assert_eq!(s.line_count(), 2);
    }

    #[test]
    fn a_revision_keeps_the_set_aside_bom_and_strips_no_other() {
        let s = source("\u{feff}\u{feff}x\n");
        assert_eq!(s.text(), "\u{feff}x\n");
        let revised = s.revised(s.text().to_owned());
        assert!(revised.had_bom());
        assert_eq!(revised.text(), "\u{feff}x\n");
    }

    #[test]
    fn bom_is_set_aside_and_columns_ignore_it() {
        let s = source("\u{feff}# x\n");
        assert!(s.had_bom());
        assert_eq!(s.text(), "# x\n");
        assert_eq!(s.position(2), Position { line: 1, column: 3 });
    }

    #[test]
    fn invalid_utf8_reports_its_position() {
        let err =
            Source::from_bytes("x.md".into(), "x.md".into(), b"ok\nab\xffc".to_vec()).unwrap_err();
        match err {
            SourceError::NotUtf8 { line, column, .. } => assert_eq!((line, column), (2, 3)),
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn last_line_without_newline_counts() {
        assert_eq!(source("a\nb").line_count(), 2);
        assert_eq!(source("").line_count(), 1);
    }
}

//! The document model: what a paper list is made of, with byte spans into its text.
//!
//! This module is the only place that touches pulldown-cmark. Everything
//! downstream (rules, fixes, reports) reads spans from here and the text from
//! [`crate::source::Source`]; nothing here knows about rules or settings.

mod entry;
mod links;
mod parse;

use std::ops::Range;

pub use entry::{Link, LinkBracket, Tag, Year};
pub use links::{MarkdownLink, markdown_links};

/// A byte range into the source text.
pub type Span = Range<usize>;

/// A parsed markdown paper list.
#[derive(Debug, Default)]
pub struct Document {
    pub headings: Vec<Heading>,
    /// Year sections in document order.
    pub sections: Vec<YearSection>,
    /// Runs of sibling year sections, each ordered on its own.
    pub runs: Vec<SectionRun>,
    /// Entries in document order.
    pub entries: Vec<Entry>,
    /// List items in a year section that are not entries.
    pub strays: Vec<StrayItem>,
    /// Code and HTML blocks: text that is not markdown prose.
    pub verbatim: Vec<Span>,
    /// HTML comments that mention `awesome-lint-`, for suppressions.
    pub directives: Vec<Span>,
}

/// The pulldown-cmark options every parse uses (and the benchmark's baseline walk).
pub fn markdown_options() -> pulldown_cmark::Options {
    parse::options()
}

impl Document {
    pub fn parse(text: &str) -> Self {
        parse::parse(text)
    }

    /// Parses in chunks of at least `chunk` bytes: what [`Document::parse`]
    /// does with its own chunk size. For tests and fuzzing, which check that
    /// the chunks are invisible.
    #[doc(hidden)]
    pub fn parse_in_chunks(text: &str, chunk: usize) -> Self {
        parse::parse_in_chunks(text, chunk)
    }

    /// The year section that holds an entry, if any.
    pub fn section_of(&self, entry: &Entry) -> Option<&YearSection> {
        entry.section.map(|index| &self.sections[index])
    }
}

/// A heading of any level.
#[derive(Debug, Clone)]
pub struct Heading {
    pub span: Span,
    pub level: u8,
    /// The nearest earlier heading of a higher rank (smaller level).
    pub parent: Option<usize>,
}

/// A heading whose text is a year, and the entries under it.
#[derive(Debug, Clone)]
pub struct YearSection {
    pub heading: usize,
    pub year: u16,
    pub run: usize,
}

/// Sibling year sections: same level, same parent heading.
#[derive(Debug, Clone, Default)]
pub struct SectionRun {
    /// Indices into [`Document::sections`], in document order.
    pub sections: Vec<usize>,
}

/// How a list item's line begins: indentation, bullet and the space after it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListMarker {
    /// Start of the line that holds the marker.
    pub line_start: usize,
    /// The bullet (`-`, `*`, `+`) or ordinal (`1.`, `2)`).
    pub bullet: Span,
    /// Whitespace between the bullet and the item's text.
    pub gap: Span,
    pub kind: BulletKind,
    /// False when something other than whitespace (a block quote's `>`)
    /// precedes the bullet on its line.
    pub plain_indent: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BulletKind {
    /// `-`, `*` or `+`.
    Bullet(u8),
    /// A number followed by `.` or `)`.
    Ordered(u8),
}

/// A paper: `[**Venue Year**] [**Name**] Title [[pdf]](url) [[code]](url)`.
#[derive(Debug, Clone)]
pub struct Entry {
    /// From the venue tag to the end of the item's first paragraph.
    pub span: Span,
    pub marker: ListMarker,
    /// Nesting depth: 0 for an item of a top-level list.
    pub depth: usize,
    pub section: Option<usize>,
    pub venue_tag: Tag,
    /// The venue name inside the venue tag (`ICCV` in `ICCV 2023`); may be empty.
    pub venue: Span,
    /// Every four-digit number inside the venue tag.
    pub years: Vec<Year>,
    pub name: Option<Tag>,
    /// Bold tags after the name tag (`[**Oral**]`).
    pub extra_tags: Vec<Tag>,
    /// The title, trimmed; empty when missing.
    pub title: Span,
    pub links: Vec<Link>,
    /// Text after the title that is not a link (`(Oral)`, `⭐`).
    pub notes: Vec<Span>,
    /// True when the entry is nested under another entry (a version or a
    /// note of it), where section and duplicate checks do not apply.
    pub in_entry: bool,
    /// The whole list item as lines: from the start of the bullet's line to
    /// the end of its last line (nested items included, trailing blank lines
    /// not), with the line ending when there is one. What moves when the
    /// entry moves.
    pub item: Span,
}

impl Entry {
    /// The spans of all parts in order, for rules about what lies between them.
    pub fn parts(&self) -> Vec<Span> {
        let mut parts = Vec::with_capacity(4 + self.links.len() + self.notes.len());
        parts.push(self.venue_tag.span.clone());
        parts.extend(self.name.iter().map(|t| t.span.clone()));
        parts.extend(self.extra_tags.iter().map(|t| t.span.clone()));
        if !self.title.is_empty() {
            parts.push(self.title.clone());
        }
        parts.extend(self.links.iter().map(|l| l.span.clone()));
        parts.extend(self.notes.iter().cloned());
        parts.sort_unstable_by_key(|p| p.start);
        parts
    }
}

/// A list item in a year section that does not parse as an entry.
#[derive(Debug, Clone)]
pub struct StrayItem {
    /// The item's text, after the bullet, trimmed.
    pub span: Span,
    pub marker: ListMarker,
    pub section: usize,
}

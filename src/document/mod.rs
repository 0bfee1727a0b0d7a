//! The document model: what a paper list is made of, with byte spans into its text.
//!
//! This module is the only place that touches pulldown-cmark. Everything
//! downstream (rules, fixes, reports) reads spans from here and the text from
//! [`crate::source::Source`]; nothing here knows about rules or settings.
//!
//! The way from text to entries, one file each:
//! - `walk`: the pulldown-cmark walk: headings, year sections, and the
//!   candidate blocks (list items, table rows, paragraphs that open with a
//!   bold title) with their inline tokens;
//! - `inline`: a block's tokens as atoms (text, emphasis, links, images,
//!   bracket groups, quotes);
//! - `read`: atoms into parts (venue, dates, name, title, authors, links),
//!   whatever way the list writes them;
//! - `shape`: the list's own way of writing entries, inferred per region
//!   (or declared), and the template syntax that spells it;
//! - `assemble`: which candidates are entries, given the shapes.
//!
//! Entries of every shape reach the rules in one form, [`Entry`]; rules
//! never see how a part was written except through its [`Form`].

mod assemble;
mod batch;
mod by_shape;
pub(crate) mod date;
mod html_table;
mod inline;
mod links;
mod read;
pub(crate) mod shape;
mod space;
pub(crate) mod structure;
mod walk;

pub(crate) use date::{Year, YearForm};
pub(crate) use links::{anchors, local_links, markdown_links};
pub(crate) use read::text::looks_like_authors;
pub(crate) use read::title_prefix;
pub use shape::Shape;
pub(crate) use shape::{Join, Slot, VenueStyle, join};
pub(crate) use space::{edit_keeps_emphasis, space_is_inert};

pub(crate) use crate::label::LabelKind;
use crate::label::Labels;
pub(crate) use crate::url::HostKind;
use crate::url::Hosts;
use crate::venue::Venues;

pub(crate) use crate::source::Span;

/// A parsed markdown paper list.
#[derive(Debug, Default)]
pub struct Document {
    /// Headings, and `<details><summary>` groups, in document order.
    pub headings: Vec<Heading>,
    /// Year sections in document order.
    pub sections: Vec<YearSection>,
    /// Runs of sibling year sections, each ordered on its own.
    pub runs: Vec<SectionRun>,
    /// Entries in document order.
    pub entries: Vec<Entry>,
    /// The shapes entries are written in: one per region of the file.
    pub shapes: Vec<Shape>,
    /// Blocks (items, rows, paragraphs, HTML) that link a paper, entries or not.
    pub paper_blocks: usize,
    /// Empty list items among a list's entries (`-` with nothing after it).
    pub empty_items: Vec<EmptyItem>,
    /// Code and HTML blocks: text that is not markdown prose.
    pub verbatim: Vec<Span>,
    /// HTML comments that mention `awesome-lint-`, for suppressions.
    pub directives: Vec<Span>,
    /// Headings and lines of their own that name a venue (`#### CVPR 2022`,
    /// `**ICCV**`) over the entries that follow.
    pub venue_labels: Vec<VenueLabel>,
    /// Bold lines of their own over a list (`**In web scenarios**`), which
    /// group the items under them as a heading would.
    pub group_labels: Vec<Span>,
    /// Headings read as entries (a paper per heading), in document order.
    pub entry_headings: Vec<Span>,
    /// Cells of table rows beyond their header's columns, which GFM drops
    /// from the page (`| [Model](…) |` after a three-column row): each
    /// row's extra cells, from the `|` that opens the first.
    pub dropped_cells: Vec<Span>,
    /// Full reference links (`[[code]][1.10]`) whose label no definition
    /// in the file names: text on the page.
    pub undefined_references: Vec<Span>,
    /// A list's bullet in the middle of an item's line, before a paper's
    /// linked title (`… Limin Wang+ [Masked Autoencoders are …](…)`): the
    /// line break before the next entry left out. The bullet's span.
    pub glued_entries: Vec<Span>,
    /// Indented code blocks whose lines are written as a list's linked
    /// items (four spaces before `- [Title](…)`, where the list above has
    /// closed): entries the page shows as code. Each block with how many.
    pub entries_in_code: Vec<(Span, usize)>,
    /// The labels of the file's link reference definitions (`1.10` of
    /// `[1.10]: https://…`), as markdown matches them.
    pub reference_labels: Vec<String>,
}

/// A venue named over a group of entries rather than in each: the venue of
/// the entries under it that name none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VenueLabel {
    /// The heading or line that names it.
    pub span: Span,
    /// The venue's name as written there.
    pub name: String,
    pub year: Option<u16>,
}

/// What the words of a list mean while reading it: the venues (they tell
/// a venue from a name in an untagged text), the link labels and the hosts,
/// built in or the list's own.
#[derive(Debug, Clone, Copy)]
pub struct Known<'a> {
    pub(crate) venues: &'a Venues,
    pub(crate) labels: &'a Labels,
    pub(crate) hosts: &'a Hosts,
}

impl Known<'static> {
    /// The built-in vocabulary.
    pub(crate) fn builtin() -> Self {
        Self {
            venues: Venues::builtin_shared(),
            labels: Labels::builtin(),
            hosts: Hosts::builtin(),
        }
    }
}

/// What parsing needs to know beyond the text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ParseOptions<'a> {
    pub(crate) known: Known<'a>,
    /// The shape the config declares, if any: it replaces inference.
    pub(crate) shape: Option<&'a Shape>,
}

/// The pulldown-cmark options every parse uses (and the benchmark's baseline walk).
pub fn markdown_options() -> pulldown_cmark::Options {
    walk::options()
}

/// The fewest entries of a shape that tell how well they are read.
const MIN_FIT_SUPPORT: usize = 5;

impl Document {
    /// Parses with the built-in venues and an inferred shape.
    pub fn parse(text: &str) -> Self {
        Self::parse_with(
            text,
            ParseOptions {
                known: Known::builtin(),
                shape: None,
            },
        )
    }

    pub(crate) fn parse_with(text: &str, options: ParseOptions) -> Self {
        walk::parse(text, options, walk::CHUNK)
    }

    /// Whether an entry sits under a heading that names material other than
    /// papers (`## Introductory Posts` under `# Resources`): a blog post or a
    /// talk has no venue to expect, whatever the list's papers carry.
    pub fn under_other_material(&self, entry: &Entry) -> bool {
        let words = &crate::vocabulary::words().headings.not_papers;
        let mut heading = entry.topic;
        while let Some(h) = heading {
            let Some(found) = self.headings.get(h) else {
                break;
            };
            // The list's own title (`# Awesome Talks and Papers`) heads
            // everything: it names the list, not a part of it.
            let title = found.parent.is_none()
                && self
                    .headings
                    .iter()
                    .filter(|other| other.parent.is_none() && other.level == found.level)
                    .count()
                    == 1;
            if title {
                break;
            }
            // Words as written: `Post-training` is no post.
            if found
                .text
                .split_whitespace()
                .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
                .any(|w| crate::vocabulary::is_one_of(w, words))
            {
                return true;
            }
            heading = found.parent;
        }
        false
    }

    /// Parses in chunks of at least `chunk` bytes: what [`Document::parse`]
    /// does with its own chunk size. For tests and fuzzing, which check that
    /// the chunks are invisible.
    #[doc(hidden)]
    pub fn parse_in_chunks(text: &str, chunk: usize) -> Self {
        walk::parse(
            text,
            ParseOptions {
                known: Known::builtin(),
                shape: None,
            },
            chunk,
        )
    }

    /// The year section that holds an entry, if any.
    pub(crate) fn section_of(&self, entry: &Entry) -> Option<&YearSection> {
        entry.section.map(|index| &self.sections[index])
    }

    /// The shape an entry was judged against.
    pub(crate) fn shape_of(&self, entry: &Entry) -> &Shape {
        &self.shapes[entry.shape]
    }

    /// For each shape (by index), how many of the entries read by it have
    /// the parts it requires, and how many there are: `(read, all)`.
    pub(crate) fn fit_counts(&self) -> Vec<(usize, usize)> {
        let mut counts = vec![(0, 0); self.shapes.len()];
        for entry in &self.entries {
            if let Some(count) = counts.get_mut(entry.shape) {
                count.0 += usize::from(self.shapes[entry.shape].reads(entry));
                count.1 += 1;
            }
        }
        counts
    }

    /// For each shape (by index), whether its entries are read with
    /// confidence: a declared shape, or most of its entries written its
    /// way. Where they are not, what the reading says of their parts is a
    /// guess, and the rules that judge parts say nothing there.
    pub(crate) fn confident_shapes(&self) -> Vec<bool> {
        self.fit_counts()
            .into_iter()
            .zip(&self.shapes)
            .map(|((written, all), shape)| {
                // Too few entries say nothing of how well they are read.
                shape.declared || all < MIN_FIT_SUPPORT || shape::is_confident(written, all)
            })
            .collect()
    }

    /// Of the entries read in `shape` (or one written alike), how many are
    /// written its way, and how many there are: `(written, all)`.
    pub(crate) fn written_by(&self, shape: &Shape) -> (usize, usize) {
        self.entries
            .iter()
            .filter(|e| self.shape_of(e) == shape)
            .fold((0, 0), |(written, all), e| {
                (written + usize::from(shape.is_written_by(e)), all + 1)
            })
    }
}

/// Text as markdown shows it as is, in a line of an entry: the characters
/// that would open a link, emphasis or code escaped, and in a table row
/// the `|` that would end the cell.
pub(crate) fn escape_inline(text: &str, in_row: bool) -> String {
    let mut out = String::with_capacity(text.len());
    let mut previous = ' ';
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let next = chars.peek().copied().unwrap_or(' ');
        let escape = match c {
            '[' | ']' | '*' | '`' | '\\' | '<' => true,
            '|' => in_row,
            // Inside a word (`snake_case`) an underscore emphasises nothing.
            '_' => !(previous.is_alphanumeric() && next.is_alphanumeric()),
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
        previous = c;
    }
    out
}

/// Whether text between two parts of an entry only separates them: no
/// word, no line break; an HTML line break (`<br>`) separates too.
pub(crate) fn only_separates(gap: &str) -> bool {
    let lower = gap.to_ascii_lowercase();
    let without_breaks = lower
        .replace("<br />", "")
        .replace("<br/>", "")
        .replace("<br>", "");
    !without_breaks.contains(['\n', '\r']) && !without_breaks.contains(char::is_alphanumeric)
}

/// How a heading is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeadingKind {
    /// `## Title`
    Atx,
    /// `Title` underlined with `---` or `===`.
    Setext,
    /// `<details><summary>Title</summary> ... </details>`.
    Summary,
    /// `<h2 id="topic">Title</h2>` on a line of its own: a heading the
    /// reader sees, written in HTML.
    Html,
}

impl HeadingKind {
    /// Written with markdown's `#` (or underline): a fix may write one like it.
    pub fn is_markdown(self) -> bool {
        matches!(self, HeadingKind::Atx | HeadingKind::Setext)
    }
}

/// A heading of any level, or a `<details>` group (level 7 and deeper, one
/// more for each `<details>` it is nested in).
#[derive(Debug, Clone)]
pub struct Heading {
    /// The heading's line(s), or the `<summary>` element.
    pub span: Span,
    pub level: u8,
    pub kind: HeadingKind,
    /// The nearest earlier heading of a higher rank (smaller level).
    pub parent: Option<usize>,
    /// Its text, markup removed.
    pub text: String,
    /// Where what it heads ends: at the next heading of its level or higher,
    /// at the `</details>` that closes its group, or at the end of the file.
    pub end: usize,
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

impl ListMarker {
    /// A bullet glued to its text (`-[Title](url)`): markdown makes no list
    /// item of it, and the reader reads the line as the item it was meant
    /// to be. A real item always has a gap, unless it is empty.
    pub(crate) fn is_glued(&self) -> bool {
        self.gap.is_empty()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BulletKind {
    /// `-`, `*` or `+`.
    Bullet(u8),
    /// A number followed by `.` or `)`.
    Ordered(u8),
}

/// The kind of block an entry is written as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A list item, bulleted or numbered; `depth` 0 is a top-level list.
    /// `list` tells the file's lists apart: siblings share it.
    Item {
        marker: ListMarker,
        depth: usize,
        list: usize,
    },
    /// A table row; `table` counts the file's tables, `cells` are the cells' spans.
    Row { table: usize, cells: Vec<Span> },
    /// A paragraph that opens with a bold title.
    Paragraph,
}

impl Block {
    pub(crate) fn marker(&self) -> Option<&ListMarker> {
        match self {
            Block::Item { marker, .. } => Some(marker),
            _ => None,
        }
    }

    pub fn depth(&self) -> usize {
        match self {
            Block::Item { depth, .. } => *depth,
            _ => 0,
        }
    }

    pub fn kind(&self) -> BlockKind {
        match self {
            Block::Item { .. } => BlockKind::Item,
            Block::Row { .. } => BlockKind::Row,
            Block::Paragraph => BlockKind::Paragraph,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum BlockKind {
    Item,
    Row,
    Paragraph,
}

/// How a part is written: the markup around its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Form {
    /// As is.
    Plain,
    /// `**x**`
    Bold,
    /// `*x*` or `_x_`
    Emph,
    /// `***x***`
    BoldEmph,
    /// `` `x` ``
    Code,
    /// `[x]`
    Bracket,
    /// `[**x**]`
    BracketBold,
    /// `[**x**` with no `]` after it.
    BracketBoldOpen,
    /// `(x)`
    Paren,
    /// `(*x*)`
    ParenEmph,
    /// `(**x**)`
    ParenBold,
    /// `**x**:` (a name)
    BoldColon,
    /// `x:` (a name, before the authors)
    Colon,
    /// `x - ` (a name, before its linked title)
    Dashed,
    /// `**x:**`, `***x:***` (a name)
    BoldInnerColon,
    /// `**[x]**` (a name)
    BoldBracket,
    /// `"x"`
    Quoted,
    /// `[x](url)` (a title)
    Linked,
    /// `[**x**](url)` or `**[x](url)**` (a title)
    LinkedBold,
    /// `[[l]](url)`
    DoubleInside,
    /// `[[l](url)]`
    DoubleOutside,
    /// `[l](url)`
    Single,
    /// `[**l**](url)`
    BoldLabel,
    /// `[![l](badge)](url)`
    Badge,
    /// A bare web address, or `<https://...>`.
    Bare,
    /// `[[l]]` or `[l]` with no URL after it: not a link when rendered.
    Unlinked,
    /// `[l]` and `(url)` on two lines: two texts when rendered.
    Split,
    /// `[l(url)]`: the `](` between label and URL missing; text when rendered.
    Unjoined,
    /// `l](url)`, `[l]](url)`: a `[` before the label missing; text when rendered.
    Unopened,
}

impl Form {
    /// Whether this form is `plain` with emphasis added around it (`**x**`
    /// for `x`, `(**x**)` for `(x)`, `[**x**](url)` for `[x](url)`): the
    /// way lists highlight a paper they think important, not a way of
    /// writing the part.
    pub fn highlights(self, plain: Form) -> bool {
        matches!(
            (plain, self),
            (Form::Plain, Form::Bold | Form::Emph | Form::BoldEmph)
                | (Form::Paren, Form::ParenBold | Form::ParenEmph)
                | (Form::Bracket, Form::BracketBold)
                | (Form::Linked, Form::LinkedBold)
        )
    }

    /// Spells the form around a placeholder, for messages and templates.
    pub(crate) fn wrap(self, inner: &str) -> String {
        match self {
            Form::Plain | Form::Bare => inner.to_owned(),
            Form::Bold => format!("**{inner}**"),
            Form::Emph => format!("*{inner}*"),
            Form::BoldEmph => format!("***{inner}***"),
            Form::Code => format!("`{inner}`"),
            Form::Bracket => format!("[{inner}]"),
            Form::BracketBold => format!("[**{inner}**]"),
            Form::BracketBoldOpen => format!("[**{inner}**"),
            Form::Paren => format!("({inner})"),
            Form::ParenEmph => format!("(*{inner}*)"),
            Form::ParenBold => format!("(**{inner}**)"),
            Form::BoldColon => format!("**{inner}**:"),
            Form::Colon => format!("{inner}:"),
            Form::Dashed => format!("{inner} -"),
            Form::BoldInnerColon => format!("**{inner}:**"),
            Form::BoldBracket => format!("**[{inner}]**"),
            Form::Quoted => format!("\"{inner}\""),
            Form::Linked => format!("[{inner}](url)"),
            Form::LinkedBold => format!("[**{inner}**](url)"),
            Form::DoubleInside => format!("[[{inner}]](url)"),
            Form::DoubleOutside => format!("[[{inner}](url)]"),
            Form::Single => format!("[{inner}](url)"),
            Form::BoldLabel => format!("[**{inner}**](url)"),
            Form::Badge => format!("[![{inner}](badge)](url)"),
            Form::Unlinked => format!("[[{inner}]]"),
            Form::Split => format!("[{inner}]⏎(url)"),
            Form::Unjoined => format!("[{inner}(url)]"),
            Form::Unopened => format!("{inner}](url)"),
        }
    }
}

/// What a part of an entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u8)]
pub enum Role {
    Venue,
    Date,
    Name,
    Title,
    Authors,
    Link,
    /// A badge image, a qualifier (`Oral`), an emoji: kept, never judged.
    Note,
}

impl Role {
    /// How many roles there are, for tables indexed by role.
    pub const COUNT: usize = 7;

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Venue => "venue",
            Role::Date => "date",
            Role::Name => "name",
            Role::Title => "title",
            Role::Authors => "authors",
            Role::Link => "links",
            Role::Note => "note",
        }
    }
}

/// Where in an entry a part is: its line (0 is the first), or its table
/// column, or a nested item under the entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Place {
    Line(u8),
    Column(u8),
    SubItem,
}

/// The venue (and its year) as written: `[**CVPR 2023**]`, `(*ICLR'25*)`,
/// `ICLR 2014.`, `*arXiv, Sep 2024*`, a table cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Venue {
    /// The whole written part, with its markup.
    pub span: Span,
    /// The text inside the markup.
    pub inner: Span,
    /// The venue's name in it (`CVPR`); may be empty (`[**2023**]`).
    pub name: Span,
    /// Every year written in it.
    pub years: Vec<Year>,
    pub form: Form,
    pub place: Place,
}

impl Venue {
    /// The venue as the list names it: its name, and the track written
    /// after the year (`ACL 2025 Findings` is `ACL Findings`, `ICLR 2024
    /// Workshop` is `ICLR Workshop`), which names another venue than the
    /// main conference's.
    pub fn written_name<'t>(&self, text: &'t str) -> std::borrow::Cow<'t, str> {
        // A badge writes its text in its URL, as shields spells it: `%20`
        // or `_` for a space, `--` for a dash (`LREC--COLING'24%20Findings`).
        let decode = |written: &'t str| -> std::borrow::Cow<'t, str> {
            if self.form == Form::Badge {
                written
                    .replace("%20", " ")
                    .replace("--", "\u{0}")
                    .replace(['_', '-'], " ")
                    .replace('\u{0}', "-")
                    .into()
            } else {
                written.into()
            }
        };
        let name = decode(&text[self.name.clone()]);
        let track = self
            .years
            .last()
            .filter(|year| year.date.end >= self.name.end && year.date.end <= self.inner.end)
            .and_then(|year| {
                let rest = decode(&text[year.date.end..self.inner.end]);
                track_after_year(&rest).map(str::to_owned)
            });
        match track {
            Some(track) if !name.is_empty() => format!("{name} {track}").into(),
            _ => name,
        }
    }

    /// What lies between the name and `year`: the separator, without the
    /// emphasis that closes around the name alone (`*ICML*, 2020` is
    /// separated by `, ` as `ICML, 2020` is).
    pub fn year_gap(&self, text: &str, year: &Year) -> Span {
        let start = self.name.end.min(year.date.start);
        let closing = if matches!(self.form, Form::Emph | Form::Bold | Form::BoldEmph) {
            text[start..year.date.start]
                .bytes()
                .take_while(|&b| b == b'*' || b == b'_')
                .count()
        } else {
            0
        };
        start + closing..year.date.start
    }
}

/// The track that text after a venue's year names, if it names one: a
/// track word alone (`Findings`, `Industry Track`), or a workshop with its
/// own name after it (`Workshop on Sparsity in LLMs (SLLM)` is `Workshop`).
/// A track names another venue than the main conference's.
pub(crate) fn track_after_year(rest: &str) -> Option<&str> {
    const TRACKS: [&str; 7] = [
        "findings",
        "workshop",
        "workshops",
        "demo",
        "demos",
        "tutorial",
        "industry",
    ];
    let rest = rest.trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | '*' | '_'));
    // (`Industry Track`: the track, named as such.)
    let word = rest
        .strip_suffix(" Track")
        .or_else(|| rest.strip_suffix(" track"))
        .unwrap_or(rest);
    if TRACKS.iter().any(|track| word.eq_ignore_ascii_case(track)) {
        return Some(rest);
    }
    let first = rest.split_whitespace().next()?;
    let workshop =
        first.eq_ignore_ascii_case("workshop") || first.eq_ignore_ascii_case("workshops");
    workshop.then_some(first)
}

/// A date written apart from the venue: `[Sep., 2022]`, `16 Oct 2023`, a date column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatePart {
    pub span: Span,
    pub inner: Span,
    pub year: Year,
    pub form: Form,
    pub place: Place,
}

/// The short name of the paper's method: `[**MedKLIP**]`, `**ReKep**:`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Name {
    pub span: Span,
    pub inner: Span,
    pub form: Form,
    pub place: Place,
}

/// The paper's title.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Title {
    /// The whole written part (`**Title.**`, `[Title](url)`, `"Title"`).
    pub span: Span,
    /// The title's text.
    pub inner: Span,
    pub form: Form,
    pub place: Place,
    /// The name the title opens with (`CARZero` in `CARZero: Cross-Attention
    /// ...`): one name-like word and a colon.
    pub prefix: Option<Span>,
}

/// The authors, as one span: `Yu et al.`, `*A, B, C*`, a sub-item's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Authors {
    pub span: Span,
    pub inner: Span,
    pub form: Form,
    pub place: Place,
}

/// A link of an entry, possibly without a URL (`[[code]]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// As written, with wrapping brackets (`[[Paper](url)]`).
    pub span: Span,
    /// Its label (`Paper`); for the title's own link, the title.
    pub label: Span,
    /// The destination as written, trimmed; `None` without one.
    pub url: Option<Span>,
    pub form: Form,
    pub place: Place,
    /// True for the link the title itself is.
    pub is_title: bool,
    /// What its label names (read once: every rule asks).
    pub kind: LabelKind,
    /// What its URL's host serves.
    pub host: HostKind,
    /// Whether its URL's path is a `.pdf` file.
    pub to_pdf: bool,
    /// Whether it leads to a markdown page (`…/blob/main/notes/X.md`): a
    /// document to read, on a code host or not, and no code.
    pub to_page: bool,
    /// Whether it leads to a site built from a repository (`…github.io`):
    /// a project's pages, where a label says `code`.
    pub to_site: bool,
    /// Whether its label names no kind of link (`[Link]`, `[URL]`, the
    /// venue and year): it leads to what its host serves, and on a host
    /// that serves no kind in particular, an entry's such link is its paper
    /// when no other link is (a thesis on its university's repository).
    pub generic: bool,
}

impl Link {
    /// Whether markdown renders it as a link.
    pub fn renders(&self) -> bool {
        !matches!(
            self.form,
            Form::Unlinked | Form::Split | Form::Unjoined | Form::Unopened
        ) && self.url.is_some()
    }

    /// What the link leads to on its own (`paper`, `code`, `project`,
    /// `data`, `media`, `other`), from its label and host together: a code
    /// host serves code and a paper host papers whatever the label says
    /// (`[data](github.com/...)` is a repository, `[code](arxiv.org/...)` a
    /// slip); otherwise a label that names a category says it, and a link
    /// to a PDF is the paper. `None` for a title link to another host:
    /// its entry decides (see [`Entry::link_category`]).
    fn own_category(&self) -> Option<&'static str> {
        match self.host {
            // (A PDF on a code host is a paper kept in a repository.)
            HostKind::Code if !self.to_page && !self.to_pdf => return Some("code"),
            HostKind::Paper if self.is_title || !matches!(self.kind.category(), Some("media")) => {
                return Some("paper");
            }
            _ => {}
        }
        if !self.is_title
            && let Some(category) = self.kind.category()
        {
            return Some(if category == "code" && self.to_site {
                "project"
            } else {
                category
            });
        }
        if self.to_pdf {
            return Some("paper");
        }
        (!self.is_title).then_some("other")
    }
}

/// A paper, whatever shape its list writes it in.
#[derive(Debug, Clone)]
pub struct Entry {
    /// From the entry's first part to its last, on all its lines.
    pub span: Span,
    /// Its first line's text after the bullet (or the row, or the paragraph's
    /// first line): where a finding about the whole entry points.
    pub head: Span,
    pub block: Block,
    /// The year section it is in.
    pub section: Option<usize>,
    /// The nearest heading above it that is not a year (its topic).
    pub topic: Option<usize>,
    /// Index into [`Document::shapes`].
    pub shape: usize,
    pub venue: Option<Venue>,
    pub dates: Vec<DatePart>,
    pub name: Option<Name>,
    pub title: Option<Title>,
    pub authors: Option<Authors>,
    pub links: Vec<Link>,
    /// Text that is none of the above (`(Oral)`, `⭐`, a badge).
    pub notes: Vec<Span>,
    /// True when the entry is nested under another entry (a version or a
    /// note of it), where section and duplicate checks do not apply.
    pub in_entry: bool,
    /// Index into [`Document::venue_labels`]: the venue named over it
    /// (32 bits: an entry is kept small, a list holds fewer labels).
    pub label: Option<u32>,
    /// Index into [`Document::group_labels`]: the bold line that heads the
    /// group of items it sits in (`**In web scenarios**` over a list), a
    /// topic below the headings.
    pub group: Option<u32>,
    /// The whole block as lines: from the start of its first line to the
    /// end of its last (nested items included, trailing blank lines not),
    /// with the line ending when there is one. What moves when the entry moves.
    pub item: Span,
}

/// One part of an entry, for rules about order and what lies between parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PartRef<'a> {
    pub role: Role,
    pub form: Form,
    pub place: Place,
    pub span: &'a Span,
}

impl Entry {
    /// Whether the entry's row leaves the cell at `place` empty on purpose,
    /// with a placeholder (`-`, `N/A`, `?`): a part the list says it does
    /// not have, not one it forgot.
    pub(crate) fn placeholder_at(&self, text: &str, place: Place) -> bool {
        let (Block::Row { cells, .. }, Place::Column(c)) = (&self.block, place) else {
            return false;
        };
        cells.get(usize::from(c)).is_some_and(|cell| {
            let t = text[cell.clone()].trim().trim_matches(['*', '_', '`']);
            matches!(t, "-" | "--" | "—" | "–" | "?" | "/" | "x" | "×")
                || ["n/a", "na", "none", "tbd", "todo", "unknown"]
                    .iter()
                    .any(|p| t.eq_ignore_ascii_case(p))
        })
    }

    /// What the entry's link `index` leads to: its own category, and for a
    /// title that links elsewhere than a paper or code host, the paper
    /// unless another link of the entry is (a title linked to a talk or a
    /// blog post beside the paper's own link is not the paper).
    /// Whether a link to its paper is labelled with the paper's name
    /// (`[RSITMD](https://arxiv.org/…)`), not with a kind of link
    /// (`[Paper]`, `[Link]`).
    pub(crate) fn names_its_paper(&self) -> bool {
        self.links.iter().enumerate().any(|(i, link)| {
            !link.is_title
                && !link.generic
                && !link.kind.is_paper()
                && self.link_category(i) == "paper"
        })
    }

    pub fn link_category(&self, index: usize) -> &'static str {
        let link = &self.links[index];
        let own = link.own_category();
        let generic = link.generic && link.host == HostKind::Other && own == Some("other");
        own.filter(|_| !generic).unwrap_or_else(|| {
            let other_paper = self
                .links
                .iter()
                .enumerate()
                .any(|(i, l)| i != index && l.own_category() == Some("paper"));
            if other_paper { "other" } else { "paper" }
        })
    }

    /// The title's text; empty (at the entry's start) when it has none.
    pub fn title_text(&self) -> Span {
        match &self.title {
            Some(title) => title.inner.clone(),
            None => self.head.start..self.head.start,
        }
    }

    /// Every year the entry gives: its venue's, then its dates'.
    pub fn years(&self) -> impl Iterator<Item = &Year> {
        self.venue
            .iter()
            .flat_map(|v| v.years.iter())
            .chain(self.dates.iter().map(|d| &d.year))
    }

    /// The first year the entry gives, the one it is filed under.
    pub fn year(&self) -> Option<&Year> {
        self.years().next()
    }

    /// The links that are not the title itself.
    pub(crate) fn labelled_links(&self) -> impl Iterator<Item = &Link> {
        self.links.iter().filter(|l| !l.is_title)
    }

    /// All parts in document order.
    /// Whether the entry has a part in `role`.
    pub(crate) fn has(&self, role: Role) -> bool {
        match role {
            Role::Venue => self.venue.is_some(),
            Role::Date => !self.dates.is_empty(),
            Role::Name => self.name.is_some(),
            Role::Title => self.title.is_some(),
            Role::Authors => self.authors.is_some(),
            Role::Link => !self.links.is_empty(),
            Role::Note => !self.notes.is_empty(),
        }
    }

    pub fn parts(&self) -> Vec<PartRef<'_>> {
        let mut parts = Vec::with_capacity(4 + self.links.len() + self.notes.len());
        self.parts_into(&mut parts);
        parts
    }

    /// [`Entry::parts`] into a buffer the caller reuses (rules walk every
    /// entry's parts; one allocation for all of them).
    pub(crate) fn parts_into<'a>(&'a self, parts: &mut Vec<PartRef<'a>>) {
        parts.clear();
        if let Some(v) = &self.venue {
            parts.push(PartRef {
                role: Role::Venue,
                form: v.form,
                place: v.place,
                span: &v.span,
            });
        }
        for d in &self.dates {
            parts.push(PartRef {
                role: Role::Date,
                form: d.form,
                place: d.place,
                span: &d.span,
            });
        }
        if let Some(n) = &self.name {
            parts.push(PartRef {
                role: Role::Name,
                form: n.form,
                place: n.place,
                span: &n.span,
            });
        }
        if let Some(t) = &self.title {
            parts.push(PartRef {
                role: Role::Title,
                form: t.form,
                place: t.place,
                span: &t.span,
            });
        }
        if let Some(a) = &self.authors {
            parts.push(PartRef {
                role: Role::Authors,
                form: a.form,
                place: a.place,
                span: &a.span,
            });
        }
        for l in self.links.iter().filter(|l| !l.is_title) {
            parts.push(PartRef {
                role: Role::Link,
                form: l.form,
                place: l.place,
                span: &l.span,
            });
        }
        for n in &self.notes {
            parts.push(PartRef {
                role: Role::Note,
                form: Form::Plain,
                place: Place::Line(0),
                span: n,
            });
        }
        parts.sort_unstable_by_key(|p| p.span.start);
    }
}

/// An empty list item among entries: a bullet with nothing after it.
#[derive(Debug, Clone)]
pub struct EmptyItem {
    pub span: Span,
    pub section: Option<usize>,
}

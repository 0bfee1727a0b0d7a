//! The pulldown-cmark walk that builds a [`Document`].
//!
//! One pass over the events with offsets. Headings, `<details>` groups and
//! year sections are recorded as they come; list items, table rows and
//! top-level paragraphs are candidate blocks, whose inline events are kept
//! as tokens until the block ends, when they are gathered for the reader
//! (`batch`), which turns them into parts, and dropped. Which candidates are
//! entries is decided at the end, once the list's shapes are known
//! (`assemble`).
//!
//! Large files are parsed in chunks that start at top-level ATX headings:
//! pulldown-cmark keeps a tree of the whole input in memory (about 12 bytes
//! per byte of markdown), and a paper list is mostly long runs of sections.
//! A heading line at column 0 closes every open block except a top-level
//! fenced code or HTML block, so a chunk boundary is kept only when the chunk
//! does not end inside one of those; otherwise the chunk is parsed again,
//! longer. (Link reference definitions do not cross chunks.)

use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;
use std::sync::mpsc::TrySendError;

use pulldown_cmark::{CowStr, Event, LinkType, Options, Parser, Tag as MdTag, TagEnd};

use super::assemble::{self, Candidate, CandidateKind};
use super::batch::{Batch, Buffers, Placement, Reader};
use super::html_table::{self, Piece};
use super::inline::{self, Mark, Token, TokenKind};
use super::read::{self, UnitPlace};
use super::{
    BulletKind, Document, Heading, HeadingKind, ListMarker, ParseOptions, SectionRun, Span,
    YearSection,
};

/// The markdown options used everywhere (and by the benchmark's baseline walk).
pub(crate) fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH
}

/// Smallest chunk worth a parser of its own.
pub(super) const CHUNK: usize = 16 * 1024;

pub(super) fn parse(text: &str, options: ParseOptions, chunk: usize) -> Document {
    let pipelined = text.len() >= PIPELINE_FROM
        && std::thread::available_parallelism().is_ok_and(|n| n.get() > 1);
    parse_on(text, options, chunk, pipelined)
}

/// [`parse`], on two threads or one.
fn parse_on(text: &str, options: ParseOptions, chunk: usize, pipelined: bool) -> Document {
    let references = References::of(text);
    let reference_labels = references.labels();
    if !pipelined {
        let mut builder = Builder::new(options);
        let mut events = Vec::new();
        let mut start = 0;
        while start < text.len() {
            start = walk_chunk(&mut builder, text, &references, &mut events, start, chunk);
            builder.read_gathered(text);
        }
        builder.doc.reference_labels = reference_labels;
        return builder.finish(text);
    }
    // On a large text, one thread parses the markdown and walks it while
    // this one reads what the walk gathered, chunk by chunk: the two halves
    // of the work are about even, where parsing on one thread and walking
    // and reading on the other left the parser idle half the time.
    let known = options.known;
    let mut reader = Reader::default();
    let mut builder = std::thread::scope(|scope| {
        let (gathered, to_read) = std::sync::mpsc::sync_channel::<Batch>(1);
        let walker = scope.spawn(move || {
            let mut builder = Builder::new(options);
            let mut events = Vec::new();
            let mut start = 0;
            let mut buffers = Buffers::default();
            while start < text.len() {
                start = walk_chunk(&mut builder, text, &references, &mut events, start, chunk);
                // While the reader is behind, this thread reads the batch's
                // last blocks itself: however the work of a list divides,
                // neither thread waits long for the other.
                let mut batch = builder.take_batch();
                while let Err(TrySendError::Full(back)) = gathered.try_send(batch) {
                    batch = back;
                    if !batch.read_one_from_the_end(text, &known, &mut buffers) {
                        // The reader stops only once this thread is done.
                        let _ = gathered.send(batch);
                        break;
                    }
                }
            }
            builder
        });
        for batch in to_read {
            reader.read(text, batch, &known);
        }
        walker
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
    });
    builder.reader = reader;
    builder.doc.reference_labels = reference_labels;
    builder.finish(text)
}

/// Parses and walks the chunk of `text` from `start`; returns where it ends.
fn walk_chunk<'t>(
    builder: &mut Builder,
    text: &'t str,
    references: &References<'t>,
    events: &mut Events<'t>,
    start: usize,
    chunk: usize,
) -> usize {
    let end = chunk_events(
        text,
        references,
        start,
        chunk,
        events,
        &mut builder.doc.undefined_references,
    );
    builder.walk(text, start..end, events.drain(..));
    builder.reserve_ahead(text.len(), end);
    end
}

/// From this size a text is parsed and walked on one thread and read on another.
const PIPELINE_FROM: usize = 1024 * 1024;

/// A chunk's markdown events, with their ranges in the whole text.
type Events<'t> = Vec<(Event<'t>, Range<usize>)>;

/// Parses the chunk of `text` from `start`: at least `chunk` bytes, ending
/// at a heading line, and longer when a top-level code or HTML block
/// reaches that end (the next line might still belong to it). Fills
/// `events`; returns where the chunk ends.
fn chunk_events<'t>(
    text: &'t str,
    references: &References<'t>,
    start: usize,
    chunk: usize,
    events: &mut Events<'t>,
    undefined: &mut Vec<Span>,
) -> usize {
    let mut want = chunk;
    let found = undefined.len();
    loop {
        undefined.truncate(found);
        let end = next_heading_line(text, start.saturating_add(want));
        let chunk_len = end - start;
        events.clear();
        // Open container blocks (lists, items, tables): zero means top level.
        let mut containers = 0usize;
        let mut open_verbatim = false;
        // A reference defined in another chunk resolves as it would in the whole text.
        // A full reference (`[[code]][1.10]`) to a label defined nowhere
        // is text on the page: kept, for `malformed-link` to tell.
        let resolve = |link: pulldown_cmark::BrokenLink<'t>| {
            let dest = references.get(&link.reference);
            if dest.is_none() && link.link_type == LinkType::Reference {
                undefined.push(link.span.start + start..link.span.end + start);
            }
            dest.map(|dest| (CowStr::Borrowed(dest), CowStr::Borrowed("")))
        };
        let parser =
            Parser::new_with_broken_link_callback(&text[start..end], options(), Some(resolve));
        for (event, local) in parser.into_offset_iter() {
            match &event {
                Event::Start(MdTag::List(_) | MdTag::Item | MdTag::Table(_)) => containers += 1,
                Event::End(TagEnd::List(_) | TagEnd::Item | TagEnd::Table) => {
                    containers = containers.saturating_sub(1);
                }
                Event::Start(MdTag::CodeBlock(_) | MdTag::HtmlBlock) => {
                    open_verbatim = containers == 0 && local.end >= chunk_len;
                }
                _ => {}
            }
            events.push((event, local.start + start..local.end + start));
        }
        if open_verbatim && end < text.len() {
            want = want.saturating_mul(2);
            continue;
        }
        return end;
    }
}

/// The first entry of a short text read on its own, with no shape to judge
/// it by: how a template is read.
pub(super) fn sample_entry(text: &str, known: super::Known<'_>) -> Option<super::Entry> {
    let mut builder = Builder::new(ParseOptions { known, shape: None });
    let events = Parser::new_ext(text, options()).into_offset_iter();
    builder.walk(text, 0..text.len(), events);
    builder.read_gathered(text);
    let reader = std::mem::take(&mut builder.reader);
    reader
        .entries
        .into_iter()
        .zip(&reader.found)
        .find(|(_, found)| !found.empty)
        .map(|(entry, _)| entry)
}

/// The start of the first line at or after `from` that begins with an ATX
/// heading marker (`#` to `######`, then a space, a tab or the line's end);
/// the text's length if there is none.
fn next_heading_line(text: &str, from: usize) -> usize {
    let bytes = text.as_bytes();
    if from >= bytes.len() {
        return bytes.len();
    }
    for newline in memchr::memmem::find_iter(&bytes[from.saturating_sub(1)..], b"\n#") {
        let line = from.saturating_sub(1) + newline + 1;
        let hashes = bytes[line..].iter().take_while(|&&b| b == b'#').count();
        let after = bytes.get(line + hashes).copied();
        if hashes <= 6 && matches!(after, None | Some(b' ' | b'\t' | b'\n' | b'\r')) {
            return line;
        }
    }
    bytes.len()
}

/// A candidate block while its events are walked.
struct Frame {
    kind: FrameKind,
    start: usize,
    /// Where its tokens start in the shared buffer.
    token_start: usize,
    units: Vec<(Range<usize>, UnitPlace)>,
    /// The unit being filled: its first token and place.
    open: Option<(usize, UnitPlace)>,
    section: Option<usize>,
    heading: Option<usize>,
    children: Vec<usize>,
    /// `<a href>` tags read as links whose `</a>` has not come yet.
    open_html_links: usize,
}

enum FrameKind {
    Item {
        list: usize,
        depth: usize,
    },
    Row {
        table: usize,
        cells: Vec<Span>,
    },
    Paragraph,
    /// A heading's words, an entry when they link a paper.
    Heading,
}

/// The document under construction, and the walk's state between chunks.
struct Builder<'o> {
    options: ParseOptions<'o>,
    doc: Document,
    candidates: Vec<Candidate>,
    /// The candidates not read yet, in order.
    batch: Batch,
    /// The candidates read so far, in order: the entries they may be.
    reader: Reader,
    /// Open headings, outermost first: the parent chain of what follows.
    heading_stack: Vec<usize>,
    /// For each heading, its year section if it is one.
    section_of_heading: Vec<Option<usize>>,
    /// Per heading: whether it names a venue and nothing else (`### NeurIPS
    /// 2024`, `### Arxiv`), a part of its topic as a year's heading is.
    names_venue: Vec<bool>,
    current_section: Option<usize>,
    /// Open `<details>` groups: the summary heading each one has, if any.
    details: Vec<Option<usize>>,
    lists: usize,
    tables: usize,
    /// Each table's header cells, normalized, by table number (from 1).
    headers: Vec<Vec<String>>,
    /// The open blocks' inline events, innermost last.
    tokens: Vec<Token>,
    /// Blocks outside candidates (HTML, plain paragraphs) that link a paper.
    paper_blocks: usize,
    /// Room for the rest of the entries was made.
    reserved: bool,
    /// The venue label in effect, and the level of its heading (none for a
    /// line of its own, which any heading ends).
    label: Option<(usize, Option<u8>)>,
    /// The candidate of the heading just read as an entry: a paragraph of
    /// its authors may follow it.
    heading_entry: Option<usize>,
    /// A paragraph that links a paper over lines of its own, and the list
    /// that follows it, if one does: its lines may be that paper's title
    /// and authors (`FGFI. *CVPR 2019*. \[[CVF](…)\]` over `- Distilling
    /// Object Detectors …` and `- Tao Wang and …`).
    lead: Option<(usize, Option<usize>)>,
    /// The HTML table being read, across the HTML blocks it spans.
    html_table: Option<HtmlTable>,
    /// The group label in effect: a bold line over the list that follows it,
    /// until the next heading or label.
    group: Option<u32>,
}

/// An HTML table while its rows are walked.
struct HtmlTable {
    /// Its number among the file's tables.
    table: usize,
    /// Its header row was read, or its first row was not one.
    headed: bool,
    /// Per column, how many more rows a cell above still spans.
    spanned: Vec<usize>,
    /// Rows still under the venue label a spanning cell named.
    labelled: usize,
    /// Tables inside one of its cells: their rows are not its rows.
    nested: usize,
}

impl<'o> Builder<'o> {
    fn new(options: ParseOptions<'o>) -> Self {
        Self {
            options,
            doc: Document::default(),
            candidates: Vec::new(),
            batch: Batch::default(),
            reader: Reader::default(),
            heading_stack: Vec::new(),
            section_of_heading: Vec::new(),
            names_venue: Vec::new(),
            current_section: None,
            details: Vec::new(),
            lists: 0,
            tables: 0,
            headers: Vec::new(),
            tokens: Vec::new(),
            paper_blocks: 0,
            reserved: false,
            label: None,
            heading_entry: None,
            lead: None,
            html_table: None,
            group: None,
        }
    }

    /// A long list is mostly more of the same: once a quarter megabyte is
    /// read, room for the rest is made at once rather than by doubling (each
    /// doubling copies every entry read so far).
    fn reserve_ahead(&mut self, len: usize, read: usize) {
        const QUARTER_MEGABYTE: usize = 256 * 1024;
        if read < QUARTER_MEGABYTE || read >= len || self.reserved {
            return;
        }
        self.reserved = true;
        let per_byte = self.candidates.len() as f64 / read as f64;
        let expected = (per_byte * len as f64 * 1.05) as usize;
        let more = expected.saturating_sub(self.candidates.len());
        self.candidates.reserve(more);
        self.batch.expected = Some(expected);
    }

    /// The blocks gathered since the last call, to be read.
    fn take_batch(&mut self) -> Batch {
        std::mem::take(&mut self.batch)
    }

    /// Reads the blocks gathered so far, on this thread.
    fn read_gathered(&mut self, text: &str) {
        let batch = self.take_batch();
        self.reader.read(text, batch, &self.options.known);
    }

    /// Builds the document once every candidate was read.
    fn finish(mut self, text: &str) -> Document {
        debug_assert!(self.batch.is_empty());
        let reader = std::mem::take(&mut self.reader);
        debug_assert_eq!(reader.entries.len(), self.candidates.len());
        for (candidate, found) in self.candidates.iter_mut().zip(&reader.found) {
            candidate.paper = found.paper;
            candidate.cites = found.cites;
            candidate.dated = found.dated;
            candidate.empty = found.empty;
        }
        // Items are finished innermost first: put nested ones back in document order.
        finish_heading_ends(&mut self.doc, text.len());
        group_runs(&mut self.doc);
        self.doc.paper_blocks = self.paper_blocks;
        // Tables with one header are one kind of table: their rows share a shape.
        let mut table_kinds: Vec<usize> = Vec::with_capacity(self.headers.len() + 1);
        table_kinds.push(0);
        for (index, header) in self.headers.iter().enumerate() {
            let first = self.headers[..index]
                .iter()
                .position(|h| h == header)
                .unwrap_or(index);
            table_kinds.push(first + 1);
        }
        assemble::assemble(
            text,
            &mut self.doc,
            self.candidates,
            reader.entries,
            &table_kinds,
            self.options,
        );
        self.doc
    }

    /// Builds the document from one chunk of `text`: its markdown events,
    /// in order (see [`chunk_events`]).
    fn walk<'t>(
        &mut self,
        text: &'t str,
        chunk: Range<usize>,
        events: impl Iterator<Item = (Event<'t>, Range<usize>)>,
    ) {
        let base = chunk.start;
        let chunk_len = chunk.len();
        let mut heading_start: Option<(usize, u8)> = None;
        let mut heading_text = String::new();
        // The heading's words outside its links (`2021 [[Back to Top](#top)]`
        // is the year 2021): what says whether it is a year's.
        let mut heading_words = String::new();
        let mut heading_links = 0usize;
        let mut frames: Vec<Frame> = Vec::new();
        // Open container blocks (lists, items, quotes...): zero means top level.
        let mut containers = 0usize;
        let mut in_code = false;
        let mut html_block: Option<usize> = None;
        let mut list_ids: Vec<usize> = Vec::new();
        let mut header: Vec<String> = Vec::new();
        let mut in_table_head = false;
        self.tokens.clear();

        for (event, range) in events {
            if heading_start.is_some() {
                match &event {
                    Event::Start(MdTag::Link { .. }) => heading_links += 1,
                    Event::End(TagEnd::Link) => heading_links = heading_links.saturating_sub(1),
                    Event::Text(t) | Event::Code(t) if heading_links == 0 => {
                        heading_words.push_str(t);
                    }
                    _ => {}
                }
            }
            match event {
                Event::Start(MdTag::Heading { level, .. }) => {
                    close_unit(&mut frames, self.tokens.len());
                    heading_start = Some((range.start, level as u8));
                    heading_text.clear();
                    heading_words.clear();
                    heading_links = 0;
                    // A top-level heading's words are read as a paragraph's
                    // would be: one that links its paper is an entry (a list
                    // that gives each paper a heading of its own).
                    if frames.is_empty() && containers == 0 {
                        frames.push(self.frame(FrameKind::Heading, range.start));
                    }
                }
                Event::End(TagEnd::Heading(_)) => {
                    let frame = in_heading(&frames).then(|| frames.pop().expect("a frame"));
                    if let Some((start, level)) = heading_start.take() {
                        let end = trim_newline(text, range.end);
                        let entry = frame.is_some_and(|frame| {
                            self.finish_heading_entry(text, frame, start..end, level)
                        });
                        if !entry {
                            let kind = if text[start..].starts_with('#') {
                                HeadingKind::Atx
                            } else {
                                HeadingKind::Setext
                            };
                            self.add_heading_worded(
                                start..end,
                                level,
                                kind,
                                heading_text.trim().to_owned(),
                                heading_words.trim(),
                            );
                        }
                    }
                }
                Event::Text(_) | Event::Code(_)
                    if heading_start.is_some() && in_heading(&frames) =>
                {
                    if let Event::Text(t) | Event::Code(t) = &event {
                        heading_text.push_str(t);
                    }
                    let kind = if matches!(event, Event::Code(_)) {
                        TokenKind::Code
                    } else {
                        TokenKind::Text
                    };
                    self.token(&mut frames, kind, range);
                }
                Event::Text(t) | Event::Code(t) if heading_start.is_some() => {
                    heading_text.push_str(&t)
                }
                Event::Text(t) if in_table_head => {
                    if let Some(last) = header.last_mut() {
                        last.push_str(&t);
                    }
                }
                Event::Start(MdTag::List(_)) => {
                    containers += 1;
                    close_unit(&mut frames, self.tokens.len());
                    self.lists += 1;
                    list_ids.push(self.lists);
                }
                Event::End(TagEnd::List(_)) => {
                    containers = containers.saturating_sub(1);
                    list_ids.pop();
                }
                Event::Start(MdTag::Item) => {
                    containers += 1;
                    close_unit(&mut frames, self.tokens.len());
                    let depth = frames
                        .iter()
                        .filter(|f| matches!(f.kind, FrameKind::Item { .. }))
                        .count();
                    frames.push(self.frame(
                        FrameKind::Item {
                            list: list_ids.last().copied().unwrap_or(0),
                            depth,
                        },
                        range.start,
                    ));
                }
                Event::End(TagEnd::Item) => {
                    containers = containers.saturating_sub(1);
                    if let Some(frame) = frames.pop() {
                        self.finish_frame(text, frame, range.end, &mut frames);
                    }
                }
                Event::Start(MdTag::Table(_)) => {
                    containers += 1;
                    close_unit(&mut frames, self.tokens.len());
                    self.tables += 1;
                    header.clear();
                }
                Event::End(TagEnd::Table) => containers = containers.saturating_sub(1),
                Event::Start(MdTag::TableHead) => in_table_head = true,
                Event::End(TagEnd::TableHead) => {
                    in_table_head = false;
                    let normalized = header.iter().map(|cell| normalize_header(cell)).collect();
                    self.headers.resize(self.tables, Vec::new());
                    self.headers[self.tables - 1] = normalized;
                }
                Event::Start(MdTag::TableRow) => {
                    frames.push(self.frame(
                        FrameKind::Row {
                            table: self.tables,
                            cells: Vec::new(),
                        },
                        range.start,
                    ));
                }
                Event::End(TagEnd::TableRow) => {
                    if let Some(frame) = frames.pop() {
                        self.finish_row(text, frame, range.end);
                    }
                }
                Event::Start(MdTag::TableCell) => {
                    if in_table_head {
                        header.push(String::new());
                    } else if let Some(frame) = frames.last_mut()
                        && let FrameKind::Row { cells, .. } = &mut frame.kind
                    {
                        let column = cells.len().min(u8::MAX as usize) as u8;
                        cells.push(range.clone());
                        frame.open = Some((self.tokens.len(), UnitPlace::Cell(column)));
                    }
                }
                Event::End(TagEnd::TableCell) if !in_table_head => {
                    close_unit(&mut frames, self.tokens.len());
                }
                Event::Start(MdTag::Paragraph) => {
                    if frames.is_empty() && containers == 0 {
                        frames.push(self.frame(FrameKind::Paragraph, range.start));
                    } else {
                        close_unit(&mut frames, self.tokens.len());
                    }
                }
                Event::End(TagEnd::Paragraph) => {
                    if let Some(frame) = frames.last()
                        && matches!(frame.kind, FrameKind::Paragraph)
                    {
                        let frame = frames.pop().expect("a frame");
                        self.finish_paragraph(text, frame, range.end);
                    } else {
                        close_unit(&mut frames, self.tokens.len());
                    }
                }
                Event::Start(MdTag::CodeBlock(kind)) => {
                    close_unit(&mut frames, self.tokens.len());
                    in_code = true;
                    if matches!(kind, pulldown_cmark::CodeBlockKind::Indented) {
                        let items = items_in_code(&text[range.clone()]);
                        if items > 0 {
                            self.doc.entries_in_code.push((range.clone(), items));
                        }
                    }
                    self.doc.verbatim.push(range);
                }
                Event::End(TagEnd::CodeBlock) => in_code = false,
                Event::Start(MdTag::HtmlBlock) => {
                    close_unit(&mut frames, self.tokens.len());
                    html_block = Some(range.start);
                }
                Event::End(TagEnd::HtmlBlock) => {
                    if let Some(start) = html_block.take() {
                        let span = start..range.end;
                        if containers == 0 {
                            self.html_headings(text, span.clone());
                            if frames.is_empty()
                                && (self.html_table.is_some()
                                    || html_table::has_rows(&text[span.clone()]))
                            {
                                self.html_table_rows(text, span.clone());
                            }
                        }
                        self.html(text, span.clone());
                        self.doc.verbatim.push(span);
                    }
                }
                Event::Html(_) => {}
                Event::Start(
                    MdTag::BlockQuote(_) | MdTag::FootnoteDefinition(_) | MdTag::DefinitionList,
                ) => {
                    containers += 1;
                    close_unit(&mut frames, self.tokens.len());
                }
                Event::End(
                    TagEnd::BlockQuote(_) | TagEnd::FootnoteDefinition | TagEnd::DefinitionList,
                ) => containers = containers.saturating_sub(1),
                Event::Rule => close_unit(&mut frames, self.tokens.len()),
                Event::InlineHtml(html) => {
                    if contains_details_markup(&html) {
                        self.html(text, range.clone());
                    } else if html.contains("awesome-lint-") {
                        self.doc.directives.push(range.clone());
                    }
                    if heading_start.is_none() || in_heading(&frames) {
                        let kind = html_link(text, &range, &mut frames);
                        self.token(&mut frames, kind, range);
                    }
                }
                _ if (heading_start.is_some() && !in_heading(&frames))
                    || in_code
                    || in_table_head => {}
                Event::Text(_) => self.token(&mut frames, TokenKind::Text, range),
                Event::Code(_) => self.token(&mut frames, TokenKind::Code, range),
                Event::SoftBreak | Event::HardBreak => {
                    self.token(&mut frames, TokenKind::Break, range)
                }
                Event::Start(tag) => {
                    let mark = match tag {
                        MdTag::Emphasis => Mark::Emph,
                        MdTag::Strong => Mark::Strong,
                        MdTag::Strikethrough => Mark::Strike,
                        MdTag::Link {
                            link_type,
                            dest_url,
                            ..
                        } => Mark::Link {
                            dest: if is_reference(link_type) {
                                defined_span(text, &dest_url)
                            } else {
                                dest_span(text, &dest_url, &range)
                            },
                            auto: matches!(link_type, LinkType::Autolink | LinkType::Email),
                        },
                        MdTag::Image { dest_url, .. } => Mark::Image {
                            dest: dest_span(text, &dest_url, &range),
                        },
                        _ => Mark::Other,
                    };
                    self.token(&mut frames, TokenKind::Open(mark), range);
                }
                Event::End(_) => self.token(&mut frames, TokenKind::Close, range),
                _ => {}
            }
        }
        // A chunk ends at a heading line: whatever is still open ends there.
        while let Some(frame) = frames.pop() {
            let end = base + chunk_len;
            match frame.kind {
                FrameKind::Row { .. } => self.finish_row(text, frame, end),
                FrameKind::Paragraph => self.finish_paragraph(text, frame, end),
                FrameKind::Item { .. } => self.finish_frame(text, frame, end, &mut frames),
                FrameKind::Heading => self.tokens.truncate(frame.token_start),
            }
        }
    }

    fn frame(&self, kind: FrameKind, start: usize) -> Frame {
        Frame {
            kind,
            start,
            token_start: self.tokens.len(),
            units: Vec::new(),
            open: None,
            section: self.current_section,
            heading: self.heading_stack.last().copied(),
            children: Vec::new(),
            open_html_links: 0,
        }
    }

    /// Records an inline event for the innermost candidate, opening a unit
    /// for it when none is open.
    fn token(&mut self, frames: &mut [Frame], kind: TokenKind, span: Span) {
        let Some(frame) = frames.last_mut() else {
            return;
        };
        if frame.open.is_none() {
            let place = if frame.units.is_empty() {
                UnitPlace::Head
            } else {
                UnitPlace::Paragraph
            };
            frame.open = Some((self.tokens.len(), place));
        }
        self.tokens.push(Token { kind, span });
    }

    /// The topic of what sits under `heading`: the nearest heading that is
    /// not a year.
    fn topic(&self, mut heading: Option<usize>) -> Option<usize> {
        while let Some(h) = heading {
            if self.section_of_heading[h].is_none() && !self.names_venue[h] {
                return Some(h);
            }
            heading = self.doc.headings[h].parent;
        }
        None
    }

    /// Records a finished block as a candidate, and gathers its inline
    /// events to be read into the entry it may be (a table's row with its
    /// `table`'s header). What reading finds is the candidate's at the end.
    fn push_candidate(
        &mut self,
        frame: &mut Frame,
        table: Option<usize>,
        block: super::Block,
        kind: CandidateKind,
        item: Span,
    ) -> usize {
        close_frame_unit(frame, self.tokens.len());
        let header = table.and_then(|table| {
            let cells = self.headers.get(table.wrapping_sub(1))?;
            Some((table, cells.as_slice()))
        });
        let placement = Placement {
            block,
            item,
            section: frame.section,
            topic: self.topic(frame.heading),
            label: self.label.and_then(|(label, _)| u32::try_from(label).ok()),
            group: self.group,
        };
        self.batch
            .gather(&self.tokens, &frame.units, header, placement);
        self.tokens.truncate(frame.token_start);
        self.candidates.push(Candidate {
            kind,
            heading: frame.heading,
            paper: false,
            cites: false,
            dated: false,
            empty: false,
            children: Vec::new(),
            plain: false,
            lead: false,
        });
        self.candidates.len() - 1
    }

    fn finish_frame(&mut self, text: &str, mut frame: Frame, end: usize, frames: &mut [Frame]) {
        self.heading_entry = None;
        let top_level = !frames
            .iter()
            .any(|f| matches!(f.kind, FrameKind::Item { .. }));
        let glued = self.take_glued_lines(text, &mut frame);
        let end = glued.first().map_or(end, |&(line_start, _)| line_start);
        let FrameKind::Item { list, depth } = frame.kind else {
            self.tokens.truncate(frame.token_start);
            return;
        };
        let marker = read_marker(text, frame.start);
        self.glued_entry(text, &frame, &marker);
        let item = item_lines(text, marker.line_start, end);
        let children = std::mem::take(&mut frame.children);
        // `- Query-based RAG` over paragraphs that each link a paper by its
        // title: a label over its papers, each paragraph an entry.
        close_frame_unit(&mut frame, self.tokens.len());
        let papers = self.papers_under_label(text, &frame);
        if !papers.is_empty() {
            frame.units.truncate(1);
        }
        let index = self.push_candidate(
            &mut frame,
            None,
            super::Block::Item {
                marker,
                depth,
                list,
            },
            CandidateKind::Item { list, parent: None },
            item,
        );
        for &child in &children {
            if let CandidateKind::Item { parent, .. } = &mut self.candidates[child].kind {
                *parent = Some(index);
            }
        }
        self.candidates[index].children = children;
        if !papers.is_empty() {
            self.push_labelled_papers(text, &frame, papers);
        }
        // The first list after a lead paragraph, its items alone: lines
        // of the paper the paragraph links (`assemble` decides).
        if top_level {
            self.lead = match self.lead {
                Some((lead, None)) => Some((lead, Some(list))),
                Some((lead, Some(of))) if of == list => Some((lead, Some(of))),
                _ => None,
            };
            if let Some((lead, _)) = self.lead {
                self.candidates[lead].children.push(index);
            }
        }
        let siblings = self.push_glued(text, glued, &frame, list, depth);
        if let Some(parent) = frames
            .iter_mut()
            .rev()
            .find(|f| matches!(f.kind, FrameKind::Item { .. }))
        {
            parent.children.push(index);
            parent.children.extend(siblings);
        }
    }

    /// The paragraphs of an item that is a label over its papers: a head of
    /// a few words linking nothing, and two paragraphs or more, each opening
    /// with a link, two of them or more titles (three words or more). Their tokens
    /// are taken out of the item's (the item keeps its head); none unless
    /// every paragraph is one, so that an entry written over several
    /// paragraphs (`- Title` then `[[pdf](…)]`) stays whole.
    fn papers_under_label(&mut self, text: &str, frame: &Frame) -> Vec<(Span, Vec<Token>)> {
        let [(head, UnitPlace::Head), rest @ ..] = frame.units.as_slice() else {
            return Vec::new();
        };
        if rest.len() < 2 {
            return Vec::new();
        }
        let tokens = &self.tokens;
        let label_words: usize = tokens[head.clone()]
            .iter()
            .filter(|t| t.kind == TokenKind::Text)
            .map(|t| text[t.span.clone()].split_whitespace().count())
            .sum();
        let links = |range: &Range<usize>| {
            tokens[range.clone()]
                .iter()
                .any(|t| matches!(t.kind, TokenKind::Open(Mark::Link { .. })))
        };
        if label_words == 0 || label_words > 8 || links(head) {
            return Vec::new();
        }
        // The words of the link a paragraph opens with; `None` when it
        // opens otherwise.
        let link_words = |range: &Range<usize>| {
            let unit = &tokens[range.clone()];
            if !matches!(
                unit.first().map(|t| &t.kind),
                Some(TokenKind::Open(Mark::Link { .. }))
            ) {
                return None;
            }
            let mut depth = 0usize;
            let mut words = 0;
            for token in unit {
                match token.kind {
                    TokenKind::Open(_) => depth += 1,
                    TokenKind::Close => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    TokenKind::Text => words += text[token.span.clone()].split_whitespace().count(),
                    _ => {}
                }
            }
            Some(words)
        };
        // (A short title or two among them: `[Instance-conditioned gan](…)`.)
        let mut titled = 0;
        for (range, place) in rest {
            match link_words(range) {
                Some(words) if *place == UnitPlace::Paragraph => titled += usize::from(words >= 3),
                _ => return Vec::new(),
            }
        }
        if titled < 2 {
            return Vec::new();
        }
        let papers = rest
            .iter()
            .map(|(range, _)| {
                let unit = &tokens[range.clone()];
                let span = unit[0].span.start..unit[unit.len() - 1].span.end;
                (span, unit.to_vec())
            })
            .collect();
        // The item keeps its head alone.
        self.tokens.truncate(rest[0].0.start);
        papers
    }

    /// Each paragraph of a label's papers as an entry of its own, grouped
    /// under the label (papers a survey lists under several labels are
    /// listed there on purpose).
    fn push_labelled_papers(&mut self, text: &str, item: &Frame, papers: Vec<(Span, Vec<Token>)>) {
        let label_start = item.start;
        let label_end = text[label_start..]
            .find('\n')
            .map_or(text.len(), |i| label_start + i);
        self.doc.group_labels.push(label_start..label_end);
        let outer = self.group;
        self.group = u32::try_from(self.doc.group_labels.len() - 1).ok();
        for (span, unit) in papers {
            let token_start = self.tokens.len();
            self.tokens.extend(unit);
            let mut frame = Frame {
                kind: FrameKind::Paragraph,
                start: span.start,
                token_start,
                units: vec![(token_start..self.tokens.len(), UnitPlace::Head)],
                open: None,
                section: item.section,
                heading: item.heading,
                children: Vec::new(),
                open_html_links: 0,
            };
            let line_start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
            let line_end = text[span.end..]
                .find('\n')
                .map_or(text.len(), |i| span.end + i + 1);
            self.push_candidate(
                &mut frame,
                None,
                super::Block::Paragraph,
                CandidateKind::Paragraph,
                line_start..line_end,
            );
        }
        self.group = outer;
    }

    fn finish_row(&mut self, text: &str, mut frame: Frame, end: usize) {
        self.heading_entry = None;
        self.lead = None;
        let FrameKind::Row { table, cells } =
            std::mem::replace(&mut frame.kind, FrameKind::Paragraph)
        else {
            self.tokens.truncate(frame.token_start);
            return;
        };
        let line_start = text[..frame.start].rfind('\n').map_or(0, |i| i + 1);
        // Cells past the header's columns: markdown reads them, GFM shows
        // none of them. (Their text is no part of the row read.)
        let columns = self.headers.get(table.wrapping_sub(1)).map_or(0, Vec::len);
        if columns > 0
            && cells.len() == columns
            && let Some(last) = cells.last()
            && let Some(rest) = text.get(last.end..end)
            && let Some(bar) = rest.find('|')
            && !rest[bar + 1..]
                .trim()
                .trim_end_matches('|')
                .trim()
                .is_empty()
        {
            let row_end = last.end + rest.trim_end().len();
            self.doc.dropped_cells.push(last.end + bar..row_end);
        }
        self.push_candidate(
            &mut frame,
            Some(table),
            super::Block::Row { table, cells },
            CandidateKind::Row { table },
            item_lines(text, line_start, end),
        );
    }

    /// A heading that links its paper (`##### • [\[arXiv:2102.07067\]](…)
    /// FastHand: … [\[PDF\]](…)`) is that paper's entry, read as a paragraph
    /// is; otherwise its words go back to being a heading's.
    fn finish_heading_entry(
        &mut self,
        text: &str,
        mut frame: Frame,
        span: Span,
        level: u8,
    ) -> bool {
        // A paper's own address, not a site that hosts papers among other
        // pages (`#### [Workshop on Continual Learning at ICML 2020](…)` heads
        // that workshop's papers): an arXiv, OpenReview or DOI page, or a PDF.
        let own_paper = |url: &str| {
            let url = url.to_ascii_lowercase();
            ["arxiv.org/", "openreview.net/", "doi.org/"]
                .iter()
                .any(|host| url.contains(host))
                || url
                    .split(['?', '#'])
                    .next()
                    .is_some_and(|u| u.ends_with(".pdf"))
        };
        // Only below the top two levels: a list's title and its parts are
        // headings whatever they link.
        // Or a link its label calls the paper (`[\[PDF\]](https://ieeexplore…)`),
        // wherever it points.
        let labels = self.options.known.labels;
        let labelled_paper = |link: &Span, dest: &Span| {
            let label = text
                .get(link.start + 1..dest.start.saturating_sub(2))
                .unwrap_or_default()
                .replace('\\', "");
            let label = label.trim().trim_start_matches('[').trim_end_matches(']');
            !label.trim().is_empty() && labels.kind(label).is_paper()
        };
        let links_a_paper = level >= 3
            && self.tokens[frame.token_start..]
                .iter()
                .any(|t| match &t.kind {
                    TokenKind::Open(Mark::Link { dest: Some(d), .. }) => {
                        own_paper(&text[d.clone()]) || labelled_paper(&t.span, d)
                    }
                    _ => false,
                });
        if !links_a_paper {
            self.tokens.truncate(frame.token_start);
            return false;
        }
        frame.kind = FrameKind::Paragraph;
        let index = self.push_paragraph(text, &mut frame, span.end);
        self.heading_entry = Some(index);
        self.doc.entry_headings.push(span);
        true
    }

    fn finish_paragraph(&mut self, text: &str, mut frame: Frame, end: usize) {
        self.lead = None;
        // `_Shreyas Hampali, Sayan Deb Sarkar, …_` under a heading read as
        // an entry: a line of that entry, as a nested item is of its item.
        if let Some(parent) = self.heading_entry.take()
            && self.tokens[frame.token_start..]
                .first()
                .is_some_and(|t| t.kind == TokenKind::Open(Mark::Emph))
        {
            let child = self.push_paragraph(text, &mut frame, end);
            self.candidates[parent].children.push(child);
            return;
        }
        if self.glued_items(text, &frame) {
            return;
        }
        // `**CVPR**` on a line of its own over a list: the venue of what follows.
        let line = text[frame.start..end.min(text.len())].trim();
        if line.len() <= 60 && !line.contains(['\n', '[', '(']) {
            let span = frame.start..frame.start + line.len();
            if self.venue_label(span, line, None) {
                self.tokens.truncate(frame.token_start);
                return;
            }
        }
        if self.group_label(text, &frame, end) {
            self.tokens.truncate(frame.token_start);
            return;
        }
        // Only a paragraph that opens with bold text can be an entry, or a
        // line of its own that opens with a title linked to its paper
        // (`[Title](https://arxiv.org/abs/…), Venue 2024`, a list written
        // as one-line paragraphs).
        let first = self.tokens[frame.token_start..]
            .iter()
            .find(|t| !(t.kind == TokenKind::Text && text[t.span.clone()].trim().is_empty()));
        let opens_bold = first.is_some_and(|t| t.kind == TokenKind::Open(Mark::Strong));
        let opens_with_title_link = !opens_bold
            && first.is_some_and(|t| match &t.kind {
                TokenKind::Open(Mark::Link { dest: Some(d), .. }) => {
                    let line = text[frame.start..end.min(text.len())].trim();
                    // A title of two words (`[Visual Dialog](…), CVPR
                    // 2017`) where a year follows the link.
                    let words = link_text_words(text, &self.tokens[frame.token_start..]);
                    // After the whole link: a reference link's destination
                    // is written in its definition, anywhere in the file.
                    let dated = || {
                        let end = end.min(text.len());
                        let after = text[t.span.end.min(end)..end].trim_start_matches(')');
                        let before_links = after.split('[').next().unwrap_or_default();
                        !super::date::years(before_links).is_empty()
                    };
                    // (On a host not known to serve papers, a title of
                    // three words or more with a year after it: the file's
                    // shape judges whether it is one of its entries.)
                    let paper = read::is_paper_url(&text[d.clone()], &self.options.known);
                    (words >= 3 && (paper || dated()) || (paper && words == 2 && dated()))
                        && !line.contains('\n')
                }
                _ => false,
            });
        if !opens_bold && !opens_with_title_link {
            let links_paper = self.tokens[frame.token_start..]
                .iter()
                .any(|t| match &t.kind {
                    TokenKind::Open(Mark::Link { dest: Some(d), .. }) => {
                        read::is_paper_url(&text[d.clone()], &self.options.known)
                    }
                    _ => false,
                });
            // A line of its own that opens with text and links its paper
            // may be one of a list written as such lines: kept, to be
            // judged with the file's others (see `Candidate::plain`).
            let one_line = !text[frame.start..end.min(text.len())].trim().contains('\n');
            let opens_text = first.is_some_and(|t| t.kind == TokenKind::Text);
            if links_paper
                && one_line
                && opens_text
                && ends_in_links(text, &self.tokens[frame.token_start..])
            {
                let index = self.push_paragraph(text, &mut frame, end);
                self.candidates[index].plain = true;
                return;
            }
            if links_paper {
                // Over lines of its own, it may lead the list that follows
                // (a candidate, counted among the blocks that link a paper
                // as candidates are).
                if !one_line && opens_text {
                    let index = self.push_paragraph(text, &mut frame, end);
                    self.candidates[index].lead = true;
                    self.lead = Some((index, None));
                    return;
                }
                self.paper_blocks += 1;
            }
            self.tokens.truncate(frame.token_start);
            return;
        }
        self.push_paragraph(text, &mut frame, end);
    }

    /// Reads a paragraph's frame (or a heading's, read as one) and records
    /// it as a candidate, from its first line's start to `end`.
    fn push_paragraph(&mut self, text: &str, frame: &mut Frame, end: usize) -> usize {
        let line_start = text[..frame.start].rfind('\n').map_or(0, |i| i + 1);
        self.push_candidate(
            frame,
            None,
            super::Block::Paragraph,
            CandidateKind::Paragraph,
            item_lines(text, line_start, end),
        )
    }

    /// Lines written `-[Title](url)`: a bullet glued to its text makes no
    /// list item, so markdown runs the lines together into one paragraph.
    /// When the paragraph opens so, each line that does is read as the item
    /// its writer meant (lines without a bullet continue the one above),
    /// with a marker that has no gap after its bullet.
    /// `… Limin Wang+ [Masked Autoencoders are Efficient …](https://arxiv…)`:
    /// the item's own bullet again mid-line, before a paper's linked title
    /// of three words or more, is the next entry with its line break left
    /// out. Noted for `entry-format`.
    fn glued_entry(&mut self, text: &str, frame: &Frame, marker: &super::ListMarker) {
        let bullet = &text[marker.bullet.clone()];
        if !matches!(bullet, "-" | "*" | "+") {
            return;
        }
        let tokens = &self.tokens[frame.token_start..];
        for pair in tokens.windows(2) {
            let (
                Token {
                    kind: TokenKind::Text,
                    span,
                },
                Token {
                    kind:
                        TokenKind::Open(Mark::Link {
                            dest: Some(dest), ..
                        }),
                    span: link,
                },
            ) = (&pair[0], &pair[1])
            else {
                continue;
            };
            let before = &text[span.clone()];
            let Some(rest) = before
                .strip_suffix(' ')
                .and_then(|b| b.strip_suffix(bullet))
            else {
                continue;
            };
            // After the previous entry's words, on its line, glued to the
            // last of them (`Name - [Title](…)`, spaced, is a separator).
            if span.end != link.start
                || rest.trim().is_empty()
                || rest.ends_with(char::is_whitespace)
                || text[frame.start..span.start].contains('\n')
                || !read::is_paper_url(&text[dest.clone()], &self.options.known)
            {
                continue;
            }
            let label_end = dest.start.saturating_sub(2);
            let words = text
                .get(link.start + 1..label_end)
                .map_or(0, |label| label.split_whitespace().count());
            if words >= 3 {
                let at = span.end - 1 - bullet.len();
                self.doc.glued_entries.push(at..at + bullet.len());
            }
        }
    }

    fn glued_items(&mut self, text: &str, frame: &Frame) -> bool {
        let tokens = &self.tokens[frame.token_start..];
        if tokens.first().and_then(|t| glued_at(text, t)).is_none() {
            return false;
        }
        let items = glued_lines(text, tokens);
        self.tokens.truncate(frame.token_start);
        self.lists += 1;
        let list = self.lists;
        self.push_glued(text, items, frame, list, 0);
        true
    }

    /// A glued line under an item (`- [A](url)` then `-[B](url)`) is a
    /// lazy continuation to markdown, part of the item above; it is read
    /// as the sibling item its writer meant. Cuts such lines from the end
    /// of the frame's last unit, and returns them.
    fn take_glued_lines(&mut self, text: &str, frame: &mut Frame) -> Vec<(usize, Vec<Token>)> {
        close_frame_unit(frame, self.tokens.len());
        let Some((range, _)) = frame.units.last_mut() else {
            return Vec::new();
        };
        let Some(cut) = (range.start + 1..range.end).find(|&i| {
            self.tokens[i - 1].kind == TokenKind::Break && glued_at(text, &self.tokens[i]).is_some()
        }) else {
            return Vec::new();
        };
        let items = glued_lines(text, &self.tokens[cut..range.end]);
        // The break before the first glued line ends the item.
        range.end = cut - 1;
        if range.start >= range.end {
            frame.units.pop();
        }
        items
    }

    /// Candidates for glued lines, siblings in `list` at `depth`; their
    /// indexes.
    fn push_glued(
        &mut self,
        text: &str,
        items: Vec<(usize, Vec<Token>)>,
        frame: &Frame,
        list: usize,
        depth: usize,
    ) -> Vec<usize> {
        let mut pushed = Vec::with_capacity(items.len());
        for (line_start, tokens) in items {
            let end = tokens.last().map_or(line_start, |t| t.span.end);
            // Under the heading of the block it was read from.
            let mut item = Frame {
                section: frame.section,
                heading: frame.heading,
                ..self.frame(FrameKind::Item { list, depth }, line_start)
            };
            if !tokens.is_empty() {
                item.open = Some((self.tokens.len(), UnitPlace::Head));
            }
            self.tokens.extend(tokens);
            let marker = read_marker(text, line_start);
            pushed.push(self.push_candidate(
                &mut item,
                None,
                super::Block::Item {
                    marker,
                    depth,
                    list,
                },
                CandidateKind::Item { list, parent: None },
                item_lines(text, line_start, end),
            ));
        }
        pushed
    }

    /// A line of bold words alone (`**In web scenarios**`, no link, no
    /// year) right over a list: it heads the group of items that follows,
    /// as a heading would, until the next heading or such line.
    fn group_label(&mut self, text: &str, frame: &Frame, end: usize) -> bool {
        let tokens = &self.tokens[frame.token_start..];
        let bold_alone = matches!(
            tokens,
            [open, words @ .., close]
                if open.kind == TokenKind::Open(Mark::Strong)
                    && close.kind == TokenKind::Close
                    && !words.is_empty()
                    && words.iter().all(|t| t.kind == TokenKind::Text)
        );
        if !bold_alone {
            return false;
        }
        let line = text[frame.start..end.min(text.len())].trim();
        let words = line.trim_matches('*').trim();
        // A label names a kind of papers in a few words; a paper's title in
        // bold over its own links (`**Faster R-CNN: Towards …**` over `- arxiv:
        // …`) is longer, or says `Name: …`.
        if line.contains('\n')
            || words.split_whitespace().count() > 5
            || words.contains(':')
            || heading_year(words).is_some()
            || !super::date::years(words).is_empty()
        {
            return false;
        }
        // What follows is a list: its first line, past blank ones, a bullet,
        // and an entry's line (a title and more), not a field of one
        // (`- Paper: https://…`).
        let next = text[end.min(text.len())..]
            .lines()
            .map(str::trim_start)
            .find(|l| !l.is_empty())
            .unwrap_or_default();
        let next_words = next
            .split_whitespace()
            .filter(|w| !w.contains("://"))
            .count();
        if next_words < 6 {
            return false;
        }
        let bullet = next.starts_with(['-', '*', '+']) && next[1..].starts_with(' ')
            || next.split_once(['.', ')']).is_some_and(|(n, rest)| {
                !n.is_empty()
                    && n.len() <= 3
                    && n.bytes().all(|b| b.is_ascii_digit())
                    && rest.starts_with(' ')
            });
        if !bullet {
            return false;
        }
        self.doc
            .group_labels
            .push(frame.start..frame.start + line.len());
        self.group = u32::try_from(self.doc.group_labels.len() - 1).ok();
        true
    }

    /// The rows of an HTML table in the HTML block at `span`, read as a
    /// markdown table's rows are: a row of `<th>` cells, or a first row
    /// that links nothing, is the header; a cell that spans rows down
    /// (`<td rowspan=50>ICML 2023</td>`) is a label over those rows, as a
    /// line naming a venue is over the items under it, and the rows it
    /// spans keep their cells under their own columns.
    fn html_table_rows(&mut self, text: &str, span: Span) {
        let mut row: Option<(Frame, bool)> = None;
        // The cell being filled: its column and start, and for a cell that
        // spans rows, where its tokens start (they are a label's, not the row's).
        let mut cell: Option<(usize, usize, Option<usize>)> = None;
        for piece in html_table::pieces(text, span.clone()) {
            match piece {
                Piece::TableOpen => match &mut self.html_table {
                    Some(table) => table.nested += 1,
                    None => {
                        self.tables += 1;
                        self.html_table = Some(HtmlTable {
                            table: self.tables,
                            headed: false,
                            spanned: Vec::new(),
                            labelled: 0,
                            nested: 0,
                        });
                    }
                },
                Piece::TableClose => match &mut self.html_table {
                    Some(table) if table.nested > 0 => table.nested -= 1,
                    Some(table) => {
                        if table.labelled > 0 {
                            self.label = None;
                        }
                        self.html_table = None;
                    }
                    None => {}
                },
                Piece::RowOpen(at) => {
                    let Some(table) = self.html_table.as_ref().filter(|t| t.nested == 0) else {
                        continue;
                    };
                    let kind = FrameKind::Row {
                        table: table.table,
                        cells: Vec::new(),
                    };
                    row = Some((self.frame(kind, at), false));
                    cell = None;
                }
                Piece::CellOpen { at, head, rows } => {
                    let (Some((frame, headed)), Some(table)) = (&mut row, &mut self.html_table)
                    else {
                        continue;
                    };
                    let FrameKind::Row { cells, .. } = &mut frame.kind else {
                        continue;
                    };
                    *headed |= head;
                    // Columns a cell above still fills are this row's too.
                    let mut column = cells.len();
                    while table.spanned.get(column).is_some_and(|&n| n > 0) {
                        cells.push(at..at);
                        column += 1;
                    }
                    if rows > 1 && table.headed {
                        if table.spanned.len() <= column {
                            table.spanned.resize(column + 1, 0);
                        }
                        // Counted down at this row's end, with the others.
                        table.spanned[column] = rows;
                        cell = Some((column, at, Some(self.tokens.len())));
                    } else {
                        cell = Some((column, at, None));
                        frame.open = Some((
                            self.tokens.len(),
                            UnitPlace::Cell(column.min(u8::MAX as usize) as u8),
                        ));
                    }
                }
                Piece::Token(token) => {
                    if row.is_some() && cell.is_some() {
                        self.tokens.push(token);
                    }
                }
                Piece::CellClose(end) => {
                    let (Some((frame, _)), Some((column, start, label))) = (&mut row, cell.take())
                    else {
                        continue;
                    };
                    close_frame_unit(frame, self.tokens.len());
                    if let FrameKind::Row { cells, .. } = &mut frame.kind {
                        cells.resize(column, end..end);
                        cells.push(start..end);
                    }
                    if let Some(first) = label {
                        let words = self.tokens[first..]
                            .iter()
                            .filter(|t| t.kind == TokenKind::Text)
                            .map(|t| &text[t.span.clone()])
                            .collect::<Vec<_>>()
                            .join(" ");
                        self.tokens.truncate(first);
                        let rows = self.html_table.as_ref().map_or(0, |t| t.spanned[column]);
                        if self.venue_label(start..end, &words, None)
                            && let Some(table) = &mut self.html_table
                        {
                            table.labelled = rows;
                        }
                    }
                }
                Piece::RowClose(end) => {
                    let Some((frame, head)) = row.take() else {
                        continue;
                    };
                    self.finish_html_row(text, frame, head, end);
                }
            }
        }
        // A row the block leaves open ends with it.
        if let Some((frame, head)) = row {
            self.finish_html_row(text, frame, head, span.end);
        }
    }

    fn finish_html_row(&mut self, text: &str, mut frame: Frame, head: bool, end: usize) {
        let Some(table) = &mut self.html_table else {
            self.tokens.truncate(frame.token_start);
            return;
        };
        let links = self.tokens[frame.token_start..]
            .iter()
            .any(|t| matches!(t.kind, TokenKind::Open(Mark::Link { .. })));
        if !table.headed && (head || !links) {
            // The header: each cell's words.
            close_frame_unit(&mut frame, self.tokens.len());
            let mut header = Vec::new();
            for (range, place) in &frame.units {
                let UnitPlace::Cell(column) = place else {
                    continue;
                };
                let words: String = self.tokens[range.clone()]
                    .iter()
                    .filter(|t| t.kind == TokenKind::Text)
                    .map(|t| &text[t.span.clone()])
                    .collect::<Vec<_>>()
                    .join(" ");
                header.resize(usize::from(*column) + 1, String::new());
                header[usize::from(*column)] = normalize_header(&words);
            }
            let number = table.table;
            table.headed = true;
            self.headers
                .resize(self.headers.len().max(number), Vec::new());
            self.headers[number - 1] = header;
            self.tokens.truncate(frame.token_start);
            return;
        }
        table.headed = true;
        for n in &mut table.spanned {
            *n = n.saturating_sub(1);
        }
        let ends_label = table.labelled == 1;
        table.labelled = table.labelled.saturating_sub(1);
        self.finish_row(text, frame, end);
        if ends_label {
            self.label = None;
        }
    }

    /// An HTML block or inline HTML: directives, `<details>` groups, paper links.
    fn html(&mut self, text: &str, span: Span) {
        let html = &text[span.clone()];
        if html.contains("awesome-lint-") {
            self.doc.directives.push(span.clone());
        }
        if html.contains("http")
            && !html.trim_start().starts_with("<!--")
            && html_links_a_paper(html, &self.options.known)
        {
            self.paper_blocks += 1;
        }
        if !contains_details_markup(html) {
            return;
        }
        let lower = html.to_ascii_lowercase();
        let mut at = 0;
        while at < lower.len() {
            let next = ["<details", "<summary", "</details"]
                .iter()
                .filter_map(|tag| lower[at..].find(tag).map(|i| (at + i, *tag)))
                .min_by_key(|&(i, _)| i);
            let Some((i, tag)) = next else {
                break;
            };
            match tag {
                "<details" => {
                    self.details.push(None);
                    at = i + tag.len();
                }
                "<summary" => {
                    let open_end = lower[i..].find('>').map_or(lower.len(), |j| i + j + 1);
                    let close = lower[open_end..].find("</summary").map(|j| open_end + j);
                    let inner = &html[open_end..close.unwrap_or(open_end)];
                    let title = strip_tags(inner);
                    let end = close
                        .and_then(|c| lower[c..].find('>').map(|j| c + j + 1))
                        .unwrap_or(open_end);
                    let level = 6 + self.details.len().min(200) as u8;
                    if let Some(slot) = self.details.last_mut()
                        && slot.is_none()
                    {
                        let heading = self.doc.headings.len();
                        *slot = Some(heading);
                        self.add_heading(
                            span.start + i..span.start + end,
                            level,
                            HeadingKind::Summary,
                            title,
                        );
                    }
                    at = end.max(i + tag.len());
                }
                _ => {
                    if let Some(Some(heading)) = self.details.pop() {
                        self.doc.headings[heading].end = span.start + i;
                        // What follows the group is under what held the group.
                        if let Some(at) = self.heading_stack.iter().rposition(|&h| h == heading) {
                            self.heading_stack.truncate(at);
                        }
                        self.update_section();
                    }
                    at = i + tag.len();
                }
            }
        }
    }

    /// The lines of an HTML block that are a heading each, `<h3 id="x">Title</h3>`:
    /// lists that want anchors of their own write their headings so.
    fn html_headings(&mut self, text: &str, span: Span) {
        let mut at = span.start;
        for line in text[span.clone()].split_inclusive('\n') {
            let start = at;
            at += line.len();
            let trimmed = line.trim();
            let lower = trimmed.to_ascii_lowercase();
            let level = match lower.as_bytes() {
                [b'<', b'h', n @ b'1'..=b'6', next, ..]
                    if *next == b'>' || next.is_ascii_whitespace() =>
                {
                    n - b'0'
                }
                _ => continue,
            };
            let close = format!("</h{level}>");
            let lead = line.len() - line.trim_start().len();
            let open_end = lower.find('>').map_or(0, |i| i + 1);
            let (inner, end) = if lower.ends_with(&close) {
                (
                    trimmed[open_end..trimmed.len() - close.len()].to_owned(),
                    start + lead + trimmed.len(),
                )
            } else {
                // `<h1>` on a line of its own: the heading's text runs on,
                // through markdown blocks (a fenced `diff` block to colour
                // it), to its `</h1>`.
                let from = start + lead + open_end;
                let Some(close_at) = find_closing(text, from, &close) else {
                    continue;
                };
                let inner = text[from..close_at]
                    .lines()
                    .filter(|l| !l.trim_start().starts_with("```"))
                    .collect::<Vec<_>>()
                    .join(" ");
                (inner, close_at + close.len())
            };
            let title = strip_tags(&inner).trim().to_owned();
            if title.is_empty() {
                continue;
            }
            self.add_heading(start + lead..end, level, HeadingKind::Html, title);
        }
    }

    /// Records a venue named over the entries that follow (a heading's
    /// text, or a line of its own), when `name` is a known venue and
    /// nothing else, its year aside.
    fn venue_label(&mut self, span: Span, name: &str, level: Option<u8>) -> bool {
        let name = name.trim().trim_matches(['*', '_']).trim();
        // `2024 ECCV`: the year first.
        let (lead_year, name) = match name.split_once(' ') {
            Some((year, rest))
                if year.len() == 4
                    && year.bytes().all(|b| b.is_ascii_digit())
                    && !rest.bytes().any(|b| b.is_ascii_digit()) =>
            {
                (year.parse::<u16>().ok(), rest.trim())
            }
            _ => (None, name),
        };
        let split = super::date::split_venue(name);
        let venue = name[split.name.clone()].trim();
        // `## Machine Learning` is a topic as much as a journal: a label
        // names a venue by its acronym (`CVPR`, `NeurIPS`), or with its year.
        // A preprint server is named alone (`### Arxiv` over the preprints,
        // then `### NeurIPS 2024`).
        let acronym = !venue.contains(' ')
            && (venue.chars().skip(1).any(char::is_uppercase)
                || self
                    .options
                    .known
                    .venues
                    .preprints()
                    .contains(&venue.to_lowercase()));
        let year = lead_year.or(split.years.first().map(|y| y.value));
        if venue.is_empty()
            || split.years.len() > 1
            || !(acronym || year.is_some())
            || !self.options.known.venues.recognizes(venue)
            || name[split.name.end..]
                .trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, ' ' | '\''))
                .chars()
                .any(char::is_alphanumeric)
        {
            return false;
        }
        self.doc.venue_labels.push(super::VenueLabel {
            span,
            name: venue.to_owned(),
            year,
        });
        self.label = Some((self.doc.venue_labels.len() - 1, level));
        true
    }

    fn add_heading(&mut self, span: Span, level: u8, kind: HeadingKind, text: String) {
        let words = text.clone();
        self.add_heading_worded(span, level, kind, text, &words);
    }

    /// [`Self::add_heading`], its year read from `words` (the text outside
    /// its links).
    fn add_heading_worded(
        &mut self,
        span: Span,
        level: u8,
        kind: HeadingKind,
        text: String,
        words: &str,
    ) {
        self.heading_entry = None;
        self.lead = None;
        self.group = None;
        // A heading ends a label of its level or deeper, and any line's.
        if self
            .label
            .is_some_and(|(_, at)| at.is_none_or(|at| level <= at))
        {
            self.label = None;
        }
        let names_venue =
            kind != HeadingKind::Summary && self.venue_label(span.clone(), &text, Some(level));
        while let Some(&top) = self.heading_stack.last() {
            if self.doc.headings[top].level >= level {
                self.heading_stack.pop();
            } else {
                break;
            }
        }
        // (A heading that is all link, `## [2023](#2023)`, by its text.)
        let year = if words.trim().is_empty() {
            heading_year(&text)
        } else {
            heading_year(words)
        };
        let index = self.doc.headings.len();
        self.doc.headings.push(Heading {
            span,
            level,
            kind,
            parent: self.heading_stack.last().copied(),
            text,
            end: usize::MAX,
        });
        self.heading_stack.push(index);
        let section = year.map(|year| {
            self.doc.sections.push(YearSection {
                heading: index,
                year,
                run: 0,
            });
            self.doc.sections.len() - 1
        });
        self.section_of_heading.push(section);
        self.names_venue.push(names_venue);
        self.update_section();
    }

    fn update_section(&mut self) {
        self.current_section = self
            .heading_stack
            .iter()
            .rev()
            .find_map(|&h| self.section_of_heading[h]);
    }
}

/// Whether the innermost open frame is a heading's words.
fn in_heading(frames: &[Frame]) -> bool {
    frames
        .last()
        .is_some_and(|f| matches!(f.kind, FrameKind::Heading))
}

fn close_unit(frames: &mut [Frame], at: usize) {
    if let Some(frame) = frames.last_mut() {
        close_frame_unit(frame, at);
    }
}

fn close_frame_unit(frame: &mut Frame, at: usize) {
    if let Some((start, place)) = frame.open.take()
        && start < at
    {
        frame.units.push((start..at, place));
    }
}

/// Whether a link takes its destination from a definition elsewhere
/// (`[[code]][1.10]` and `[1.10]: https://…` at the end of the file).
fn is_reference(link_type: LinkType) -> bool {
    matches!(
        link_type,
        LinkType::Reference
            | LinkType::ReferenceUnknown
            | LinkType::Collapsed
            | LinkType::CollapsedUnknown
            | LinkType::Shortcut
            | LinkType::ShortcutUnknown
    )
}

/// Where a reference link's destination is written: in its definition,
/// wherever that is in the text (a fix to the URL fixes the definition).
fn defined_span(text: &str, dest: &CowStr) -> Option<Span> {
    let base = text.as_ptr() as usize;
    let ptr = dest.as_ptr() as usize;
    (matches!(dest, CowStr::Borrowed(_)) && ptr >= base && ptr + dest.len() <= base + text.len())
        .then(|| ptr - base..ptr - base + dest.len())
}

/// The link reference definitions of a text (`[label]: url`), by their
/// label as markdown matches it (case and runs of spaces ignored): a
/// chunk parsed alone needs the definitions written in the others.
#[derive(Default)]
struct References<'t> {
    by_label: rustc_hash::FxHashMap<String, &'t str>,
}

impl<'t> References<'t> {
    /// The labels defined, as markdown matches them.
    fn labels(&self) -> Vec<String> {
        self.by_label.keys().cloned().collect()
    }

    fn of(text: &'t str) -> Self {
        let mut refs = References::default();
        if memchr::memmem::find(text.as_bytes(), b"]:").is_none() {
            return refs;
        }
        // Whether the line before goes on a paragraph: a definition cannot
        // interrupt one (`1. Title` and then `[ban]: htt…` is the item's text).
        let mut in_paragraph = false;
        for line in text.lines() {
            let trimmed = line.trim_start_matches(' ');
            let continues = in_paragraph;
            let blank = trimmed.trim().is_empty();
            // (A heading, a fence, an HTML line or a rule ends no paragraph
            // a definition could go on.)
            in_paragraph = !blank
                && !trimmed.starts_with(['#', '<', '|'])
                && !trimmed.starts_with("```")
                && !trimmed.starts_with("~~~")
                && !matches!(trimmed.trim(), "---" | "***" | "___");
            if line.len() - trimmed.len() > 3 || !trimmed.starts_with('[') {
                continue;
            }
            let Some(close) = trimmed.find("]:") else {
                continue;
            };
            if continues {
                continue;
            }
            // A definition is no paragraph of its own: one may follow it.
            in_paragraph = false;
            let label = &trimmed[1..close];
            if label.is_empty() || label.contains(['[', ']']) {
                continue;
            }
            let rest = trimmed[close + 2..].trim_start();
            let dest = match rest.strip_prefix('<') {
                Some(inner) => inner.split('>').next().unwrap_or_default(),
                None => rest.split_whitespace().next().unwrap_or_default(),
            };
            // (A destination holds no control character: with one, the
            // line is text, and a later definition counts.)
            if !dest.is_empty() && !dest.chars().any(|c| c.is_ascii_control()) {
                // The first definition of a label is the one that counts.
                refs.by_label.entry(Self::key(label)).or_insert(dest);
            }
        }
        refs
    }

    fn key(label: &str) -> String {
        label
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    }

    fn get(&self, label: &str) -> Option<&'t str> {
        if self.by_label.is_empty() {
            return None;
        }
        self.by_label.get(&Self::key(label)).copied()
    }
}

/// Where a link's destination is written: pulldown-cmark hands it out
/// borrowed from the text when it has no escapes, so its place is known.
fn dest_span(text: &str, dest: &CowStr, link: &Span) -> Option<Span> {
    let base = text.as_ptr() as usize;
    let ptr = dest.as_ptr() as usize;
    if matches!(dest, CowStr::Borrowed(_)) && ptr >= base && ptr + dest.len() <= base + text.len() {
        let start = ptr - base;
        if start >= link.start && start + dest.len() <= link.end {
            return Some(start..start + dest.len());
        }
    }
    // An escaped or entity-bearing destination: the text between `](` and the final `)`.
    let written = &text[link.clone()];
    let open = written.rfind("](")?;
    let close = written.rfind(')')?;
    (close >= open + 2).then(|| {
        let inner = &written[open + 2..close];
        let start = link.start + open + 2 + (inner.len() - inner.trim_start().len());
        let end = link.start + open + 2 + inner.trim_end().len();
        start..end.max(start)
    })
}

/// An inline HTML tag as a token: `<a href="url">` opens a link, as
/// `[` does, and the `</a>` that closes such a tag closes it; lists whose
/// links are badges (`<a href><img src></a>`) write their links so. Any
/// other tag, and an `</a>` of an anchor without `href`, stays HTML.
fn html_link(text: &str, range: &Span, frames: &mut [Frame]) -> TokenKind {
    let Some(frame) = frames.last_mut() else {
        return TokenKind::Html;
    };
    let html = &text[range.clone()];
    let trimmed = html.trim();
    if trimmed.eq_ignore_ascii_case("</a>") {
        if frame.open_html_links > 0 {
            frame.open_html_links -= 1;
            return TokenKind::Close;
        }
        return TokenKind::Html;
    }
    let is_anchor = trimmed.len() > 3
        && trimmed.as_bytes()[..3].eq_ignore_ascii_case(b"<a ")
        && trimmed.ends_with('>');
    if let Some(dest) = is_anchor
        .then(|| inline::html_attribute(html, "href"))
        .flatten()
    {
        frame.open_html_links += 1;
        return TokenKind::Open(Mark::Link {
            dest: Some(range.start + dest.start..range.start + dest.end),
            auto: false,
        });
    }
    TokenKind::Html
}

/// The length of the glued bullet a text token opens with, if it opens
/// its line with one.
fn glued_at(text: &str, token: &Token) -> Option<usize> {
    (token.kind == TokenKind::Text)
        .then(|| glued_bullet(text, token.span.start))
        .flatten()
}

/// Tokens that open with a glued line, as one item per glued line (lines
/// without a bullet continue the item above): each item's line start and
/// tokens, its bullet left out.
fn glued_lines(text: &str, tokens: &[Token]) -> Vec<(usize, Vec<Token>)> {
    let mut items: Vec<(usize, Vec<Token>)> = Vec::new();
    let mut after_break = true;
    for token in tokens {
        let bullet = if after_break {
            glued_at(text, token)
        } else {
            None
        };
        after_break = token.kind == TokenKind::Break;
        match (bullet, items.last_mut()) {
            (Some(len), _) => {
                // The break that ended the previous item is not its text.
                if let Some((_, previous)) = items.last_mut()
                    && previous.last().is_some_and(|t| t.kind == TokenKind::Break)
                {
                    previous.pop();
                }
                let line_start = text[..token.span.start].rfind('\n').map_or(0, |i| i + 1);
                let rest = token.span.start + len..token.span.end;
                let first = (!rest.is_empty()).then_some(Token {
                    kind: TokenKind::Text,
                    span: rest,
                });
                items.push((line_start, first.into_iter().collect()));
            }
            (None, Some((_, item))) => item.push(token.clone()),
            (None, None) => {}
        }
    }
    items
}

/// The length of a bullet glued to the text after it (`-[`, `*Title`,
/// `1.[`) that starts a line at `at`, if one does.
fn glued_bullet(text: &str, at: usize) -> Option<usize> {
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let lead = &text[line_start..at];
    if lead.len() > 3 || !lead.bytes().all(|b| b == b' ') {
        return None;
    }
    let bytes = &text.as_bytes()[at..];
    let len = match bytes.first()? {
        b'-' | b'+' | b'*' => 1,
        b'0'..=b'9' => {
            let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
            (digits <= 3 && matches!(bytes.get(digits), Some(b'.' | b')'))).then_some(digits + 1)?
        }
        _ => return None,
    };
    // What follows opens the entry's text: a link, emphasis, a word. Not
    // another bullet character (`--`, `**`), a space, a number (`-1`).
    let next = text[at + len..].chars().next()?;
    (next == '['
        || next == '<'
        || next == '_'
        || next.is_alphabetic()
        || next == '*' && bytes[0] != b'*')
        .then_some(len)
}

fn contains_details_markup(html: &str) -> bool {
    let lower = html.to_ascii_lowercase();
    lower.contains("<details") || lower.contains("</details") || lower.contains("<summary")
}

/// Text without HTML tags and markdown emphasis.
fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag && c != '*' && c != '_' => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn html_links_a_paper(html: &str, known: &super::Known<'_>) -> bool {
    html.split(['"', '\''])
        .filter(|part| part.starts_with("http"))
        .any(|url| read::is_paper_url(url, known))
}

fn normalize_header(cell: &str) -> String {
    cell.trim()
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

/// The lines of an item from its bullet's line to its last non-blank line,
/// with that line's ending.
fn item_lines(text: &str, line_start: usize, end: usize) -> Span {
    let bytes = text.as_bytes();
    let mut last = end.min(bytes.len());
    while last > line_start && matches!(bytes[last - 1], b' ' | b'\t' | b'\n' | b'\r') {
        last -= 1;
    }
    let line_end = memchr::memchr(b'\n', &bytes[last..]).map_or(bytes.len(), |i| last + i + 1);
    line_start..line_end
}

/// Reads the bullet of an item whose range starts at or before it.
pub(super) fn read_marker(text: &str, item_start: usize) -> ListMarker {
    let bytes = text.as_bytes();
    // An item indented with a tab starts at the end of the previous line.
    let mut i = item_start;
    while i < bytes.len() && matches!(bytes[i], b' ' | b'\t' | b'\n' | b'\r') {
        i += 1;
    }
    let bullet_start = i;
    let line_start = text[..bullet_start].rfind('\n').map_or(0, |i| i + 1);
    let kind = match bytes.get(i) {
        Some(&b) if matches!(b, b'-' | b'*' | b'+') => {
            i += 1;
            BulletKind::Bullet(b)
        }
        _ => {
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            let delimiter = bytes.get(i).copied().unwrap_or(b'.');
            i = (i + 1).min(bytes.len());
            BulletKind::Ordered(delimiter)
        }
    };
    let bullet = bullet_start..i;
    let mut gap_end = i;
    while gap_end < bytes.len() && matches!(bytes[gap_end], b' ' | b'\t') {
        gap_end += 1;
    }
    let plain_indent = bytes[line_start..bullet_start]
        .iter()
        .all(|&b| matches!(b, b' ' | b'\t'));
    ListMarker {
        line_start,
        bullet,
        gap: i..gap_end,
        kind,
        plain_indent,
    }
}

/// The year of a heading whose text is a year: `2023`, also decorated
/// (`🔥 2024`, `2015:`), counted (`2023 (10 papers)`) or worded (`Year 2023`,
/// `2023 Papers`, `Papers in 2023`), but not `2023 and earlier`.
pub(super) fn heading_year(text: &str) -> Option<u16> {
    // `Empirical Study: 2022`: a topic's part for one year, its name before
    // a colon and the year alone after it.
    if let Some((topic, year)) = text.rsplit_once(':')
        && !topic.trim().is_empty()
    {
        let year = year.trim().trim_matches(|c: char| !c.is_alphanumeric());
        if year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit()) {
            return year.parse().ok().filter(|y| (1900..=2100).contains(y));
        }
    }
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace())
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    let known = &crate::vocabulary::words().headings;
    let before = |w: &str| crate::vocabulary::is_one_of(w, &known.before_year);
    let after = |w: &str| crate::vocabulary::is_one_of(w, &known.after_year);
    let at = words
        .iter()
        .position(|w| w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))?;
    if !words[..at].iter().all(|w| before(w)) {
        return None;
    }
    let rest = &words[at + 1..];
    // `2023 (10 papers)`: a count in parentheses.
    let counted = text.contains('(')
        && text.trim_end().ends_with(')')
        && rest
            .iter()
            .all(|w| w.bytes().all(|b| b.is_ascii_digit()) || after(w));
    if !counted && !rest.iter().all(|w| after(w)) {
        return None;
    }
    words[at]
        .parse()
        .ok()
        .filter(|year| (1900..=2100).contains(year))
}

/// Sets where each heading's part of the document ends.
fn finish_heading_ends(doc: &mut Document, len: usize) {
    let starts: Vec<(usize, u8, HeadingKind)> = doc
        .headings
        .iter()
        .map(|h| (h.span.start, h.level, h.kind))
        .collect();
    for (index, heading) in doc.headings.iter_mut().enumerate() {
        if heading.kind == HeadingKind::Summary {
            heading.end = heading.end.min(len);
            continue;
        }
        heading.end = starts[index + 1..]
            .iter()
            .find(|(_, level, kind)| *kind != HeadingKind::Summary && *level <= heading.level)
            .map_or(len, |&(start, _, _)| start);
    }
}

/// Groups year sections by (parent heading, level), keeping document order.
/// A heading of another kind between them at their level (`### Multimodal
/// Reasoning` after `### 2022`, before its own `### 2025`) ends a run: the
/// years after it are its own.
fn group_runs(doc: &mut Document) {
    let mut year_of_heading: HashMap<usize, usize> = HashMap::default();
    for (index, section) in doc.sections.iter().enumerate() {
        year_of_heading.insert(section.heading, index);
    }
    // For each (parent, level): how many other headings have cut its runs.
    let mut cuts: HashMap<(Option<usize>, u8), usize> = HashMap::default();
    let mut run_of: HashMap<(Option<usize>, u8, usize), usize> = HashMap::default();
    for (index, heading) in doc.headings.iter().enumerate() {
        let key = (heading.parent, heading.level);
        let Some(&section) = year_of_heading.get(&index) else {
            if heading.kind != HeadingKind::Summary {
                *cuts.entry(key).or_default() += 1;
            }
            continue;
        };
        let cut = cuts.get(&key).copied().unwrap_or(0);
        let run = *run_of.entry((key.0, key.1, cut)).or_insert_with(|| {
            doc.runs.push(SectionRun::default());
            doc.runs.len() - 1
        });
        doc.sections[section].run = run;
        doc.runs[run].sections.push(section);
    }
}

fn trim_newline(text: &str, mut end: usize) -> usize {
    let bytes = text.as_bytes();
    while end > 0 && matches!(bytes[end - 1], b'\n' | b'\r') {
        end -= 1;
    }
    end
}

/// Where a heading opened in HTML closes (`</h1>`, any case), if it does
/// within a few lines: an unclosed tag is no heading.
fn find_closing(text: &str, from: usize, close: &str) -> Option<usize> {
    const REACH: usize = 2_000;
    let mut end = (from + REACH).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let window = &text[from..end];
    let bytes = window.as_bytes();
    (0..bytes.len().saturating_sub(close.len() - 1))
        .find(|&i| bytes[i..i + close.len()].eq_ignore_ascii_case(close.as_bytes()))
        .map(|i| from + i)
}

/// Whether nothing but links and markup follows the first link (`Title
/// [Paper](…) [Code](…) ![Stars](…)`): an entry's links end it, where a
/// sentence that cites goes on (`our survey [paper](…) on state space
/// models.`).
fn ends_in_links(text: &str, tokens: &[Token]) -> bool {
    let Some(first) = tokens
        .iter()
        .position(|t| matches!(t.kind, TokenKind::Open(Mark::Link { .. })))
    else {
        return false;
    };
    let mut depth = 0usize;
    for token in &tokens[first..] {
        match &token.kind {
            TokenKind::Open(_) => depth += 1,
            TokenKind::Close => depth = depth.saturating_sub(1),
            TokenKind::Text
                if depth == 0 && text[token.span.clone()].chars().any(char::is_alphanumeric) =>
            {
                return false;
            }
            _ => {}
        }
    }
    true
}

/// How many words the text of the link that opens `tokens` has: a title
/// has several, a label (`[Paper]`) one or two.
fn link_text_words(text: &str, tokens: &[Token]) -> usize {
    let mut depth = 0usize;
    let mut words = 0;
    for token in tokens {
        match &token.kind {
            TokenKind::Open(_) => depth += 1,
            TokenKind::Close => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    break;
                }
            }
            TokenKind::Text if depth > 0 => {
                words += text[token.span.clone()].split_whitespace().count()
            }
            _ => {}
        }
    }
    words
}

/// How many lines of an indented code block are a list's linked items
/// (`- **[Arxiv, 2025.10]** Title [Paper](https://…)`), where they are two
/// or more and most of its lines: a list indented one step too far, not
/// code. 0 otherwise.
fn items_in_code(block: &str) -> usize {
    let mut lines = 0;
    let mut items = 0;
    for line in block.lines().map(str::trim).filter(|l| !l.is_empty()) {
        lines += 1;
        let digits = line.bytes().take_while(u8::is_ascii_digit).count();
        let marked = line.starts_with("- ")
            || line.starts_with("* ")
            || line.starts_with("+ ")
            || (digits > 0 && line[digits..].starts_with(". "));
        items += usize::from(marked && line.contains("](http"));
    }
    if items >= 2 && items * 2 >= lines {
        items
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_in_chunks(text: &str, chunk: usize) -> Document {
        parse(
            text,
            ParseOptions {
                known: crate::document::Known::builtin(),
                shape: None,
            },
            chunk,
        )
    }

    /// Parsing in chunks must give exactly what one parse of the whole text gives.
    fn assert_chunking_is_invisible(text: &str) {
        let whole = format!("{:?}", parse_in_chunks(text, usize::MAX));
        for chunk in [1, 7, 64, 200] {
            assert_eq!(
                format!("{:?}", parse_in_chunks(text, chunk)),
                whole,
                "chunk {chunk}"
            );
        }
    }

    #[test]
    fn bold_bracketed_tags_with_short_years_are_venues() {
        let text = "# A\n\n## 2024\n\n\
                    - **[NeurIPS 24]** DiffSF: Diffusion Models for Scene Flow [[2403.05327]](https://arxiv.org/abs/2403.05327)\n\
                    - **[[WACV 24](https://openaccess.thecvf.com/x.pdf)]** OptFlow: Fast Scene Flow Estimation [[2401.02550]](https://arxiv.org/abs/2401.02550)\n";
        let doc = parse_in_chunks(text, usize::MAX);
        let read: Vec<(&str, &str, Option<u16>)> = doc
            .entries
            .iter()
            .map(|e| {
                let venue = e.venue.as_ref().expect("a venue");
                (
                    &text[venue.name.clone()],
                    &text[e.title.as_ref().expect("a title").inner.clone()],
                    venue.years.first().map(|y| y.value),
                )
            })
            .collect();
        assert_eq!(
            read,
            [
                (
                    "NeurIPS",
                    "DiffSF: Diffusion Models for Scene Flow",
                    Some(2024)
                ),
                ("WACV", "OptFlow: Fast Scene Flow Estimation", Some(2024)),
            ]
        );
    }

    #[test]
    fn a_title_after_a_date_column_is_read() {
        let text = "# A\n\n## Models\n\n| Date | Project | RL |\n| --- | --- | --- |\n\
                    | 25.03 | Reason-RFT: Reinforcement Fine-Tuning for Visual Reasoning [[Paper]](https://arxiv.org/abs/2503.20752) | GRPO |\n\
                    | 2024 | Building | 5 |\n";
        let doc = parse_in_chunks(text, usize::MAX);
        let title = |e: &crate::document::Entry| e.title.as_ref().map(|t| &text[t.inner.clone()]);
        assert_eq!(
            title(&doc.entries[0]),
            Some("Reason-RFT: Reinforcement Fine-Tuning for Visual Reasoning")
        );
    }

    #[test]
    fn reference_links_resolve_across_chunks() {
        let text = "# A\n\n## One\n\n- [**CVPR 2019**] A Title of a Paper [[pdf]][a1] [[code]][B 2]\n\n\
                    ## Two\n\n- [**ICCV 2019**] Another Title [[pdf]](https://arxiv.org/pdf/1901.00002)\n\n\
                    ## Three\n\n[a1]: https://arxiv.org/pdf/1901.00001\n[b  2]: <https://github.com/a/b>\n";
        assert_chunking_is_invisible(text);
        let doc = parse_in_chunks(text, 1);
        let urls: Vec<&str> = doc.entries[0]
            .links
            .iter()
            .filter_map(|l| l.url.as_ref().map(|u| &text[u.clone()]))
            .collect();
        assert_eq!(
            urls,
            ["https://arxiv.org/pdf/1901.00001", "https://github.com/a/b"]
        );
    }

    #[test]
    fn two_threads_read_what_one_reads() {
        // Blocks that cross chunk ends, repeated past the size from which
        // a text is parsed on one thread and built on another.
        let block = "\
### 2023
- [**ICCV 2023**] [**A**] A: Title [[pdf]](https://a)
```
### 2022
- [**ICCV 2022**] [**B**] inside a fence
```
| Title | Venue |
|---|---|
| [T](https://arxiv.org/abs/2301.00001) | CVPR 2023 |
<!--
# not a heading
-->
";
        let text = block.repeat(PIPELINE_FROM / block.len() + 2);
        assert!(text.len() > PIPELINE_FROM);
        for chunk in [64, CHUNK] {
            let options = || ParseOptions {
                known: crate::document::Known::builtin(),
                shape: None,
            };
            assert_eq!(
                format!("{:?}", parse_on(&text, options(), chunk, true)),
                format!("{:?}", parse_on(&text, options(), chunk, false)),
                "chunk {chunk}"
            );
        }
    }

    #[test]
    fn blocks_the_walker_reads_for_a_slow_reader_keep_their_place() {
        let text = "\
## Papers
- [**ICCV 2023**] [**A**] A: First Title [[pdf]](https://arxiv.org/abs/2301.00001)
- [**CVPR 2022**] Second Title [[code]](https://github.com/a/b)

| Title | Venue |
|---|---|
| [Third Title](https://arxiv.org/abs/2301.00003) | CVPR 2023 |
| [Fourth Title](https://arxiv.org/abs/2301.00004) | ECCV 2022 |

**Fifth Title.** *Ada Lovelace, Alan Turing.* NeurIPS 2021. [[paper]](https://x/5.pdf)
";
        let known = crate::document::Known::builtin();
        let walked = || {
            let mut builder = Builder::new(ParseOptions { known, shape: None });
            let events = Parser::new_ext(text, options()).into_offset_iter();
            builder.walk(text, 0..text.len(), events);
            builder
        };
        let whole = {
            let mut builder = walked();
            builder.read_gathered(text);
            format!("{:?}", builder.finish(text))
        };
        for stolen in 1..=6 {
            let mut builder = walked();
            let mut batch = builder.take_batch();
            let mut buffers = Buffers::default();
            for _ in 0..stolen {
                batch.read_one_from_the_end(text, &known, &mut buffers);
            }
            builder.reader.read(text, batch, &known);
            assert_eq!(
                format!("{:?}", builder.finish(text)),
                whole,
                "{stolen} read by the walker"
            );
        }
    }

    #[test]
    fn chunks_never_split_code_or_html_blocks() {
        let text = "\
# List
## Topic
### 2023
- [**ICCV 2023**] [**A**] A: Title [[pdf]](https://a)
```
### 2022
- [**ICCV 2022**] [**B**] inside a fence
```
### 2022
- [**ICCV 2022**] [**C**] C: Title [[pdf]](https://c)
<!--
# not a heading
<!-- awesome-lint-disable spacing -->
-->
<div>
### still html
</div>

#not a heading either
> ### 2021
> - [**ICCV 2021**] [**D**] quoted
####### seven hashes
### 2020
~~~
unterminated fence
### 2019
";
        assert_chunking_is_invisible(text);
        let doc = parse_in_chunks(text, 1);
        let years: Vec<u16> = doc.sections.iter().map(|s| s.year).collect();
        assert_eq!(years, [2023, 2022, 2021, 2020]);
        assert_eq!(doc.entries.len(), 3);
        assert_eq!(doc.runs.len(), 1);
    }

    #[test]
    fn year_headings() {
        for (text, year) in [
            ("2023", Some(2023)),
            ("🔥 2024", Some(2024)),
            ("2015:", Some(2015)),
            ("2023 (10 papers)", Some(2023)),
            ("**2022**", Some(2022)),
            ("Year 2023", Some(2023)),
            ("2023 Papers", Some(2023)),
            ("Papers in 2021", Some(2021)),
            ("2023 and earlier", None),
            ("Before 2020", None),
            ("20234", None),
            ("0000", None),
            ("CVPR 2023", None),
            ("2023 Workshop", None),
            ("Empirical Study: 2022", Some(2022)),
            ("Neural Collapse: **2021**", Some(2021)),
            ("Benchmarks: 2023 and earlier", None),
            ("Recap: CVPR 2023", None),
        ] {
            assert_eq!(heading_year(text), year, "{text}");
        }
    }

    #[test]
    fn tab_indented_and_nested_entries_are_entries_in_document_order() {
        let text = "### 2023\n- **Seg**\n\t- [**ICCV 2023**] [**C**] Gamma [[pdf]](https://a/3.pdf)\n  - [**ICCV 2023**] [**E**] Eps [[pdf]](https://a/5.pdf)\n- [**ICCV 2023**] [**A**] Alpha [[pdf]](https://a/1.pdf)\n  - [**arXiv 2023**] [**A2**] Alpha v2 [[pdf]](https://a/2.pdf)\n";
        let doc = parse_in_chunks(text, usize::MAX);
        let names: Vec<&str> = doc
            .entries
            .iter()
            .map(|e| &text[e.name.clone().unwrap().inner])
            .collect();
        assert_eq!(names, ["C", "E", "A", "A2"]);
        let nested: Vec<bool> = doc.entries.iter().map(|e| e.in_entry).collect();
        assert_eq!(nested, [false, false, false, true]);
    }

    #[test]
    fn html_headings_on_lines_of_their_own_are_headings() {
        let text = "# Papers\n\n<h2 id=\"a\">Acoustic <i>Model</i></h2>\n<h3>2021</h3>\n\n- [**ICCV 2021**] [**A**] Alpha [[pdf]](https://a/1.pdf)\n\n<p><h2>Not alone on its line</h2></p>\n\n<H2 class=x>Vocoder</H2>\n";
        let doc = parse_in_chunks(text, usize::MAX);
        let headings: Vec<(u8, &str, HeadingKind)> = doc
            .headings
            .iter()
            .map(|h| (h.level, h.text.as_str(), h.kind))
            .collect();
        assert_eq!(
            headings,
            [
                (1, "Papers", HeadingKind::Atx),
                (2, "Acoustic Model", HeadingKind::Html),
                (3, "2021", HeadingKind::Html),
                (2, "Vocoder", HeadingKind::Html),
            ]
        );
        assert_eq!(
            &text[doc.headings[1].span.clone()],
            "<h2 id=\"a\">Acoustic <i>Model</i></h2>"
        );
        assert_eq!(
            doc.sections.len(),
            1,
            "an HTML year heading is a year section"
        );
        assert_eq!(doc.entries[0].section, Some(0));
    }

    #[test]
    fn details_groups_are_headings_and_year_sections() {
        let text = "\
# Papers
<details>
<summary>2023</summary>

- [**CVPR 2023**] A Title Here [[pdf]](https://arxiv.org/abs/2301.00001)
</details>

<details><summary><b>2022</b></summary>

- [**CVPR 2022**] B Title Here [[pdf]](https://arxiv.org/abs/2201.00001)

</details>

- [**CVPR 2021**] C Title Here [[pdf]](https://arxiv.org/abs/2101.00001)
";
        let doc = parse_in_chunks(text, usize::MAX);
        let years: Vec<u16> = doc.sections.iter().map(|s| s.year).collect();
        assert_eq!(years, [2023, 2022]);
        assert_eq!(doc.runs.len(), 1);
        let sections: Vec<Option<u16>> = doc
            .entries
            .iter()
            .map(|e| doc.section_of(e).map(|s| s.year))
            .collect();
        assert_eq!(sections, [Some(2023), Some(2022), None]);
        assert_chunking_is_invisible(text);
    }

    #[test]
    fn chunking_matches_on_every_fixture() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
        let mut stack = vec![dir];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                } else if path.extension().is_some_and(|e| e == "md") {
                    let text = std::fs::read_to_string(&path).unwrap();
                    assert_chunking_is_invisible(text.trim_start_matches('\u{feff}'));
                }
            }
        }
    }
}

//! The pulldown-cmark walk that builds a [`Document`].
//!
//! One pass over the events with offsets; inline text is read only inside
//! headings. List items are cut into their first paragraph ("head") here and
//! handed to [`super::entry::scan`].
//!
//! Large files are parsed in chunks that start at top-level ATX headings:
//! pulldown-cmark keeps a tree of the whole input in memory (about 12 bytes
//! per byte of markdown), and a paper list is mostly long runs of sections.
//! A heading line at column 0 closes every open block except a top-level
//! fenced code or HTML block, so a chunk boundary is kept only when the chunk
//! does not end inside one of those; otherwise the chunk is parsed again,
//! longer. (Link reference definitions do not cross chunks; no rule reads
//! resolved reference links.)

use std::collections::HashMap;
use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag as MdTag, TagEnd};

use super::entry::{scan, split_venue_tag};
use super::{
    BulletKind, Document, Entry, Heading, ListMarker, SectionRun, Span, StrayItem, YearSection,
};

/// The markdown options used everywhere (and by the benchmark's baseline walk).
pub fn options() -> Options {
    Options::empty()
}

/// Smallest chunk worth a parser of its own.
const CHUNK: usize = 16 * 1024;

/// An open list item while its children are walked.
struct ItemFrame {
    start: usize,
    /// Where the item's first paragraph starts, once seen (loose lists).
    head_start: Option<usize>,
    /// Where the item's first paragraph ends: at the first nested block.
    head_end: Option<usize>,
    section: Option<usize>,
    /// Entries among its children (indices into `Document::entries`).
    child_entries: Vec<usize>,
}

pub(super) fn parse(text: &str) -> Document {
    parse_in_chunks(text, CHUNK)
}

pub(super) fn parse_in_chunks(text: &str, chunk: usize) -> Document {
    let mut builder = Builder::default();
    let mut start = 0;
    while start < text.len() {
        let mut want = chunk;
        loop {
            let end = next_heading_line(text, start + want);
            let mark = builder.mark();
            let open_verbatim = builder.walk(text, start..end);
            if open_verbatim && end < text.len() {
                // The boundary may sit inside a code or HTML block: redo, longer.
                builder.rewind(mark);
                want = want.saturating_mul(2);
                continue;
            }
            start = end;
            break;
        }
    }
    builder.finish()
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

/// The document under construction, and the walk's state between chunks.
#[derive(Default)]
struct Builder {
    doc: Document,
    /// Open headings, outermost first: the parent chain of what follows.
    heading_stack: Vec<usize>,
    /// For each heading, its year section if it is one.
    section_of_heading: Vec<Option<usize>>,
    current_section: Option<usize>,
}

/// Where the builder stood before a chunk, to undo the chunk.
struct Mark {
    headings: usize,
    sections: usize,
    entries: usize,
    strays: usize,
    verbatim: usize,
    directives: usize,
    heading_stack: Vec<usize>,
    current_section: Option<usize>,
}

impl Builder {
    fn mark(&self) -> Mark {
        Mark {
            headings: self.doc.headings.len(),
            sections: self.doc.sections.len(),
            entries: self.doc.entries.len(),
            strays: self.doc.strays.len(),
            verbatim: self.doc.verbatim.len(),
            directives: self.doc.directives.len(),
            heading_stack: self.heading_stack.clone(),
            current_section: self.current_section,
        }
    }

    fn rewind(&mut self, mark: Mark) {
        self.doc.headings.truncate(mark.headings);
        self.section_of_heading.truncate(mark.headings);
        self.doc.sections.truncate(mark.sections);
        self.doc.entries.truncate(mark.entries);
        self.doc.strays.truncate(mark.strays);
        self.doc.verbatim.truncate(mark.verbatim);
        self.doc.directives.truncate(mark.directives);
        self.heading_stack = mark.heading_stack;
        self.current_section = mark.current_section;
    }

    fn finish(mut self) -> Document {
        // Items are finished innermost first: put nested entries back in document order.
        self.doc.entries.sort_by_key(|entry| entry.span.start);
        self.doc.strays.sort_by_key(|stray| stray.span.start);
        group_runs(&mut self.doc);
        self.doc
    }

    /// Walks one chunk of `text`. Returns whether the chunk ends inside (or
    /// right after) a top-level code or HTML block, where the next line might
    /// still belong to that block.
    fn walk(&mut self, text: &str, chunk: Range<usize>) -> bool {
        let base = chunk.start;
        let chunk_len = chunk.len();
        let mut heading_start: Option<(usize, u8)> = None;
        let mut heading_text = String::new();
        let mut items: Vec<ItemFrame> = Vec::new();
        // Open container blocks (lists, items, quotes...): zero means top level.
        let mut containers = 0usize;
        let mut open_verbatim = false;

        for (event, local) in Parser::new_ext(&text[chunk], options()).into_offset_iter() {
            let range = local.start + base..local.end + base;
            match event {
                Event::Start(MdTag::Heading { level, .. }) => {
                    close_head(&mut items, range.start);
                    heading_start = Some((range.start, level as u8));
                    heading_text.clear();
                }
                Event::End(TagEnd::Heading(_)) => {
                    if let Some((start, level)) = heading_start.take() {
                        self.add_heading(text, start..range.end, level, &heading_text);
                    }
                }
                Event::Text(t) | Event::Code(t) if heading_start.is_some() => {
                    heading_text.push_str(&t)
                }
                Event::Start(MdTag::Item) => {
                    containers += 1;
                    close_head(&mut items, range.start);
                    items.push(ItemFrame {
                        start: range.start,
                        head_start: None,
                        head_end: None,
                        section: self.current_section,
                        child_entries: Vec::new(),
                    });
                }
                Event::End(TagEnd::Item) => {
                    containers -= 1;
                    if let Some(frame) = items.pop() {
                        let entry = finish_item(text, &mut self.doc, frame, items.len(), range.end);
                        if let (Some(entry), Some(parent)) = (entry, items.last_mut()) {
                            parent.child_entries.push(entry);
                        }
                    }
                }
                Event::Start(MdTag::Paragraph) => {
                    if let Some(frame) = items.last_mut() {
                        if frame.head_start.is_none() && frame.head_end.is_none() {
                            frame.head_start = Some(range.start);
                        } else {
                            close_head(&mut items, range.start);
                        }
                    }
                }
                Event::End(TagEnd::Paragraph) => {
                    if let Some(frame) = items.last_mut()
                        && frame.head_start.is_some()
                        && frame.head_end.is_none()
                    {
                        frame.head_end = Some(range.end);
                    }
                }
                Event::Start(MdTag::CodeBlock(_)) | Event::Start(MdTag::HtmlBlock) => {
                    close_head(&mut items, range.start);
                    open_verbatim = containers == 0 && local.end >= chunk_len;
                    // An HTML block comes one line per event; a comment may span several.
                    if matches!(event, Event::Start(MdTag::HtmlBlock))
                        && text[range.clone()].contains("awesome-lint-")
                    {
                        self.doc.directives.push(range.clone());
                    }
                    self.doc.verbatim.push(range);
                }
                Event::Start(
                    MdTag::List(_)
                    | MdTag::BlockQuote(_)
                    | MdTag::Table(_)
                    | MdTag::FootnoteDefinition(_)
                    | MdTag::DefinitionList,
                ) => {
                    containers += 1;
                    close_head(&mut items, range.start);
                }
                Event::End(
                    TagEnd::List(_)
                    | TagEnd::BlockQuote(_)
                    | TagEnd::Table
                    | TagEnd::FootnoteDefinition
                    | TagEnd::DefinitionList,
                ) => containers = containers.saturating_sub(1),
                Event::Rule => close_head(&mut items, range.start),
                Event::InlineHtml(html) if html.contains("awesome-lint-") => {
                    self.doc.directives.push(range);
                }
                _ => {}
            }
        }
        open_verbatim
    }

    fn add_heading(&mut self, text: &str, span: Range<usize>, level: u8, heading_text: &str) {
        while let Some(&top) = self.heading_stack.last() {
            if self.doc.headings[top].level >= level {
                self.heading_stack.pop();
            } else {
                break;
            }
        }
        let trimmed = heading_text.trim();
        let year = heading_year(trimmed);
        let index = self.doc.headings.len();
        self.doc.headings.push(Heading {
            span: span.start..trim_newline(text, span.end),
            level,
            parent: self.heading_stack.last().copied(),
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
        self.current_section = self
            .heading_stack
            .iter()
            .rev()
            .find_map(|&h| self.section_of_heading[h]);
    }
}

/// Ends the head of the innermost open item at a nested block's start.
fn close_head(items: &mut [ItemFrame], at: usize) {
    if let Some(frame) = items.last_mut()
        && frame.head_end.is_none()
    {
        frame.head_end = Some(at);
    }
}

/// Turns a finished list item into an entry or a stray item. Returns the entry's index.
fn finish_item(
    text: &str,
    doc: &mut Document,
    frame: ItemFrame,
    depth: usize,
    item_end: usize,
) -> Option<usize> {
    let marker = read_marker(text, frame.start);
    let marker_line_start = marker.line_start;
    let content_start = frame
        .head_start
        .unwrap_or(marker.gap.end)
        .max(marker.gap.end);
    let head_end = frame.head_end.unwrap_or(item_end).max(content_start);
    let head = content_start..trim_end(text, content_start, head_end);

    if let Some(parts) = scan(text, head.clone()) {
        let mut tags = parts.tags.into_iter();
        let venue_tag = tags.next()?;
        let (venue, years) = split_venue_tag(text, &venue_tag.inner);
        let name = tags.next();
        let end = [
            Some(parts.title.end),
            parts.links.last().map(|l| l.span.end),
            parts.notes.last().map(|n| n.end),
            Some(venue_tag.span.end),
            name.as_ref().map(|n| n.span.end),
        ]
        .into_iter()
        .flatten()
        .max()
        .unwrap_or(head.end);
        doc.entries.push(Entry {
            span: head.start..end,
            marker,
            depth,
            section: frame.section,
            venue_tag,
            venue,
            years,
            name,
            extra_tags: tags.collect(),
            title: parts.title,
            links: parts.links,
            notes: parts.notes,
            in_entry: false,
            item: item_lines(text, marker_line_start, item_end),
        });
        // Entries under an entry are versions or notes of it (a journal
        // version under its conference paper).
        for &child in &frame.child_entries {
            doc.entries[child].in_entry = true;
        }
        return Some(doc.entries.len() - 1);
    }
    // Only the items of a section's own list are expected to be entries; a
    // nested item is a note on its parent, and an item with entries under it
    // is a group heading.
    if let (Some(section), 0, true) = (frame.section, depth, frame.child_entries.is_empty()) {
        doc.strays.push(StrayItem {
            span: head,
            marker,
            section,
        });
    }
    None
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
fn read_marker(text: &str, item_start: usize) -> ListMarker {
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
/// (`🔥 2024`, `2015:`) or counted (`2023 (10 papers)`), but not `2023 and earlier`.
fn heading_year(text: &str) -> Option<u16> {
    let rest = text.trim_start_matches(|c: char| !c.is_alphanumeric());
    let digits = rest
        .get(..4)
        .filter(|d| d.bytes().all(|b| b.is_ascii_digit()))?;
    let mut after = &rest[4..];
    if let Some(open) = after.find('(')
        && after.trim_end().ends_with(')')
        && after[..open].chars().all(|c| !c.is_alphanumeric())
    {
        after = &after[..open];
    }
    if after.chars().any(char::is_alphanumeric) {
        return None;
    }
    digits
        .parse()
        .ok()
        .filter(|year| (1900..=2100).contains(year))
}

/// Groups year sections by (parent heading, level), keeping document order.
fn group_runs(doc: &mut Document) {
    let mut run_of: HashMap<(Option<usize>, u8), usize> = HashMap::new();
    for (index, section) in doc.sections.iter_mut().enumerate() {
        let heading = &doc.headings[section.heading];
        let run = *run_of
            .entry((heading.parent, heading.level))
            .or_insert_with(|| {
                doc.runs.push(SectionRun::default());
                doc.runs.len() - 1
            });
        section.run = run;
        doc.runs[run].sections.push(index);
    }
}

fn trim_newline(text: &str, mut end: usize) -> usize {
    let bytes = text.as_bytes();
    while end > 0 && matches!(bytes[end - 1], b'\n' | b'\r') {
        end -= 1;
    }
    end
}

fn trim_end(text: &str, start: usize, mut end: usize) -> usize {
    let bytes = text.as_bytes();
    while end > start && matches!(bytes[end - 1], b' ' | b'\t' | b'\n' | b'\r') {
        end -= 1;
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

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
            ("2023 and earlier", None),
            ("Before 2020", None),
            ("20234", None),
            ("0000", None),
            ("2023 Papers", None),
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

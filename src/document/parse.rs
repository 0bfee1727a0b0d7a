//! The pulldown-cmark walk that builds a [`Document`].
//!
//! One pass over the events with offsets; inline text is read only inside
//! headings. List items are cut into their first paragraph ("head") here and
//! handed to [`super::entry::scan`].

use std::collections::HashMap;

use pulldown_cmark::{Event, Options, Parser, Tag as MdTag, TagEnd};

use super::entry::{scan, split_venue_tag};
use super::{BulletKind, Document, Entry, Heading, ListMarker, SectionRun, StrayItem, YearSection};

/// The markdown options used everywhere (and by the benchmark's baseline walk).
pub fn options() -> Options {
    Options::empty()
}

/// An open list item while its children are walked.
struct ItemFrame {
    start: usize,
    /// Where the item's first paragraph starts, once seen (loose lists).
    head_start: Option<usize>,
    /// Where the item's first paragraph ends: at the first nested block.
    head_end: Option<usize>,
    section: Option<usize>,
    has_child_entry: bool,
}

pub(super) fn parse(text: &str) -> Document {
    let mut doc = Document::default();
    // Open headings, outermost first: the parent chain of what follows.
    let mut heading_stack: Vec<usize> = Vec::new();
    let mut heading_start: Option<(usize, u8)> = None;
    let mut heading_text = String::new();
    let mut items: Vec<ItemFrame> = Vec::new();
    let mut section_of_heading: HashMap<usize, usize> = HashMap::new();
    let mut current_section: Option<usize> = None;

    for (event, range) in Parser::new_ext(text, options()).into_offset_iter() {
        match event {
            Event::Start(MdTag::Heading { level, .. }) => {
                close_head(&mut items, range.start);
                heading_start = Some((range.start, level as u8));
                heading_text.clear();
            }
            Event::End(TagEnd::Heading(_)) => {
                let Some((start, level)) = heading_start.take() else {
                    continue;
                };
                while let Some(&top) = heading_stack.last() {
                    if doc.headings[top].level >= level {
                        heading_stack.pop();
                    } else {
                        break;
                    }
                }
                let trimmed = heading_text.trim();
                let year = (trimmed.len() == 4 && trimmed.bytes().all(|b| b.is_ascii_digit()))
                    .then(|| trimmed.parse().ok())
                    .flatten();
                let index = doc.headings.len();
                doc.headings.push(Heading {
                    span: start..trim_newline(text, range.end),
                    level,
                    text: trimmed.to_owned(),
                    year,
                    parent: heading_stack.last().copied(),
                });
                heading_stack.push(index);
                if let Some(year) = year {
                    section_of_heading.insert(index, doc.sections.len());
                    doc.sections.push(YearSection {
                        heading: index,
                        year,
                        run: 0,
                    });
                }
                current_section = heading_stack
                    .iter()
                    .rev()
                    .find_map(|h| section_of_heading.get(h).copied());
            }
            Event::Text(t) | Event::Code(t) if heading_start.is_some() => heading_text.push_str(&t),
            Event::Start(MdTag::Item) => {
                close_head(&mut items, range.start);
                items.push(ItemFrame {
                    start: range.start,
                    head_start: None,
                    head_end: None,
                    section: current_section,
                    has_child_entry: false,
                });
            }
            Event::End(TagEnd::Item) => {
                if let Some(frame) = items.pop() {
                    let is_entry = finish_item(text, &mut doc, frame, items.len(), range.end);
                    if is_entry && let Some(parent) = items.last_mut() {
                        parent.has_child_entry = true;
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
                doc.verbatim.push(range);
            }
            Event::Start(
                MdTag::List(_)
                | MdTag::BlockQuote(_)
                | MdTag::Table(_)
                | MdTag::FootnoteDefinition(_)
                | MdTag::DefinitionList,
            )
            | Event::Rule => close_head(&mut items, range.start),
            Event::Html(html) | Event::InlineHtml(html) if html.contains("awesome-lint-") => {
                doc.directives.push(range);
            }
            _ => {}
        }
    }
    group_runs(&mut doc);
    doc
}

/// Ends the head of the innermost open item at a nested block's start.
fn close_head(items: &mut [ItemFrame], at: usize) {
    if let Some(frame) = items.last_mut()
        && frame.head_end.is_none()
    {
        frame.head_end = Some(at);
    }
}

/// Turns a finished list item into an entry or a stray item. Returns whether it is an entry.
fn finish_item(text: &str, doc: &mut Document, frame: ItemFrame, depth: usize, end: usize) -> bool {
    let marker = read_marker(text, frame.start);
    let content_start = frame
        .head_start
        .unwrap_or(marker.gap.end)
        .max(marker.gap.end);
    let head_end = frame.head_end.unwrap_or(end).max(content_start);
    let head = content_start..trim_end(text, content_start, head_end);

    if let Some(parts) = scan(text, head.clone()) {
        let mut tags = parts.tags.into_iter();
        let Some(venue_tag) = tags.next() else {
            return false;
        };
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
        let multiline = text[head.clone()].contains('\n');
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
            multiline,
        });
        return true;
    }
    // Only the items of a section's own list are expected to be entries; a
    // nested item is a note on its parent, and an item with entries under it
    // is a group heading.
    if let (Some(section), 0, false) = (frame.section, depth, frame.has_child_entry) {
        doc.strays.push(StrayItem {
            span: head,
            marker,
            section,
        });
    }
    false
}

/// Reads the bullet of an item whose range starts at or before it.
fn read_marker(text: &str, item_start: usize) -> ListMarker {
    let bytes = text.as_bytes();
    let line_start = text[..item_start].rfind('\n').map_or(0, |i| i + 1);
    let mut i = item_start;
    while i < bytes.len() && matches!(bytes[i], b' ' | b'\t') {
        i += 1;
    }
    let bullet_start = i;
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

//! `awesome-lint entries`: the parsed entries as JSON or CSV, for scripts
//! that build tables, counts or other views of a list.

use std::io::{self, Write};

use serde::Serialize;

use crate::config::Settings;
use crate::document::{BlockKind, Document, Entry};
use crate::source::Source;
use crate::venue::VenueCheck;

#[derive(Serialize)]
struct EntriesDocument<'a> {
    version: u32,
    file: &'a str,
    /// The shapes entries are written in, as templates.
    shapes: Vec<ShapeRecord>,
    entries: Vec<EntryRecord<'a>>,
}

#[derive(Serialize)]
struct ShapeRecord {
    template: String,
    /// `item`, `row` or `paragraph`.
    kind: &'static str,
    /// The heading of the region it was inferred in; none for the whole file.
    region: Option<String>,
    /// How many entries it was inferred from.
    entries: usize,
    /// The share of them written its way (every required part, in its
    /// form): how confidently the region was read.
    fit: f64,
    /// Whether its entries are read with confidence (most have the parts it
    /// asks for): where not, the rules that judge parts say nothing.
    confident: bool,
    declared: bool,
}

#[derive(Serialize)]
struct EntryRecord<'a> {
    line: usize,
    column: usize,
    /// The year of the section the entry is in.
    section: Option<u16>,
    /// The nearest heading above it that is not a year: its topic.
    heading: Option<&'a str>,
    /// Which of `shapes` it was read by.
    shape: usize,
    /// The venue part's text, as written inside its markup.
    venue_tag: Option<&'a str>,
    /// The venue as written, or as the heading or line over it names it.
    venue: Option<std::borrow::Cow<'a, str>>,
    /// The canonical name of the venue, when it is known.
    canonical_venue: Option<String>,
    /// Every year the entry gives (venue, then dates).
    years: Vec<u16>,
    /// The year it is filed under, and its month when given: its own, or
    /// else its section's (a year heading dates the entries under it).
    year: Option<u16>,
    month: Option<u8>,
    name: Option<&'a str>,
    /// Whitespace collapsed: a title wrapped over two lines reads as one.
    title: String,
    authors: Option<String>,
    links: Vec<LinkRecord<'a>>,
}

#[derive(Serialize)]
struct LinkRecord<'a> {
    label: &'a str,
    url: Option<&'a str>,
    line: usize,
    column: usize,
    /// How the link is written: `[[label]](url)`, `[[label](url)]`, `[label](url)`, ...
    form: String,
    /// True for the title's own link.
    title: bool,
    /// What it leads to: `paper`, `code`, `project`, `data`, `media` or `other`.
    category: &'static str,
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn record<'a>(
    source: &'a Source,
    doc: &'a Document,
    settings: &Settings,
    entry: &Entry,
    shape: usize,
) -> EntryRecord<'a> {
    let text = source.text();
    let at = source.position(entry.head.start);
    // A venue named over the entry (`#### CVPR 2022`) is its venue when it
    // names none itself.
    let label = entry.label.map(|l| &doc.venue_labels[l as usize]);
    let venue: Option<std::borrow::Cow<'a, str>> = entry
        .venue
        .as_ref()
        .map(|v| v.written_name(text))
        .or(label.map(|l| l.name.as_str().into()));
    // The canonical name is the conference's, its track aside.
    let name = entry
        .venue
        .as_ref()
        .map(|v| &text[v.name.clone()])
        .or(label.map(|l| l.name.as_str()));
    let canonical_venue =
        name.filter(|v| !v.is_empty())
            .and_then(|venue| match settings.venues.check(venue) {
                VenueCheck::Known => Some(venue.to_owned()),
                VenueCheck::Alias { canonical } => Some(canonical),
                VenueCheck::Unknown { .. } => None,
            });
    let year = entry.year();
    let section = doc.section_of(entry).map(|s| s.year);
    EntryRecord {
        line: at.line,
        column: at.column,
        section,
        heading: entry
            .topic
            .and_then(|t| doc.headings.get(t))
            .map(|h| h.text.trim()),
        shape,
        venue_tag: entry.venue.as_ref().map(|v| &text[v.inner.clone()]),
        venue,
        canonical_venue,
        years: entry.years().map(|y| y.value).collect(),
        year: year
            .map(|y| y.value)
            .or(section)
            .or(label.and_then(|l| l.year)),
        month: year.and_then(|y| y.month),
        name: entry.name.as_ref().map(|n| text[n.inner.clone()].trim()),
        title: collapse(&text[entry.title_text()]),
        authors: entry
            .authors
            .as_ref()
            .map(|a| collapse(&text[a.inner.clone()])),
        links: entry
            .links
            .iter()
            .enumerate()
            .map(|(index, link)| {
                let at = source.position(link.span.start);
                LinkRecord {
                    label: &text[link.label.clone()],
                    url: link.url.as_ref().map(|u| &text[u.clone()]),
                    line: at.line,
                    column: at.column,
                    form: if link.is_title {
                        "title".to_owned()
                    } else {
                        link.form.wrap("label")
                    },
                    title: link.is_title,
                    category: entry.link_category(index),
                }
            })
            .collect(),
    }
}

/// For each shape of the document, its place among the shapes written out
/// (those that read an entry).
fn shape_numbers(doc: &Document) -> Vec<Option<usize>> {
    let mut used = vec![false; doc.shapes.len()];
    for entry in &doc.entries {
        if let Some(u) = used.get_mut(entry.shape) {
            *u = true;
        }
    }
    let mut next = 0;
    used.into_iter()
        .map(|u| {
            u.then(|| {
                next += 1;
                next - 1
            })
        })
        .collect()
}

fn shapes(doc: &Document) -> Vec<ShapeRecord> {
    let numbers = shape_numbers(doc);
    let confident = doc.confident_shapes();
    doc.shapes
        .iter()
        .enumerate()
        .filter(|&(index, _)| numbers[index].is_some())
        .map(|(index, shape)| {
            let (written, all) = doc.written_by(shape);
            ShapeRecord {
                template: shape.template(),
                kind: match shape.kind {
                    Some(BlockKind::Item) => "item",
                    Some(BlockKind::Row) => "row",
                    Some(BlockKind::Paragraph) => "paragraph",
                    None => "any",
                },
                region: shape.region.map(|h| doc.headings[h].text.clone()),
                entries: all,
                fit: if all == 0 {
                    1.0
                } else {
                    (written as f64 / all as f64 * 100.0).round() / 100.0
                },
                confident: confident[index],
                declared: shape.declared,
            }
        })
        .collect()
}

/// One line per shape, for people: `shape: TEMPLATE (N entries, under HEADING)`.
pub fn render_shapes(doc: &Document, out: &mut dyn Write) -> io::Result<()> {
    for shape in shapes(doc) {
        let region = shape
            .region
            .map(|r| format!(", under \"{r}\""))
            .unwrap_or_default();
        writeln!(
            out,
            "shape: {} ({} {}{region})",
            shape.template,
            shape.entries,
            if shape.entries == 1 {
                "entry"
            } else {
                "entries"
            }
        )?;
    }
    Ok(())
}

/// Writes `{"version": 1, "file": ..., "shapes": [...], "entries": [...]}`.
pub fn render_json(
    source: &Source,
    doc: &Document,
    settings: &Settings,
    out: &mut dyn Write,
) -> io::Result<()> {
    let document = EntriesDocument {
        version: 1,
        file: source.name(),
        shapes: shapes(doc),
        entries: {
            let numbers = shape_numbers(doc);
            doc.entries
                .iter()
                .map(|e| record(source, doc, settings, e, numbers[e.shape].unwrap_or(0)))
                .collect()
        },
    };
    serde_json::to_writer_pretty(&mut *out, &document)?;
    out.write_all(b"\n")
}

/// Writes one CSV row per entry (RFC 4180): the first `pdf` and `code` links
/// get columns of their own, other links go to `other_links` as `label=url`;
/// `paper_url` and `code_url` are the first links of those categories,
/// whatever their labels.
pub fn render_csv(
    source: &Source,
    doc: &Document,
    settings: &Settings,
    out: &mut dyn Write,
) -> io::Result<()> {
    writeln!(
        out,
        "line,section,venue,years,name,title,pdf,code,other_links,authors,year,month,paper_url,code_url"
    )?;
    for entry in &doc.entries {
        let r = record(source, doc, settings, entry, 0);
        let find = |label: &str| {
            r.links
                .iter()
                .find(|l| !l.title && l.label.eq_ignore_ascii_case(label))
                .and_then(|l| l.url)
                .unwrap_or_default()
        };
        // The first link of a category, the title's own among them: what
        // a script wants when it asks for "the paper" whatever its label.
        let by_category = |category: &str| {
            r.links
                .iter()
                .find(|l| l.category == category && l.url.is_some())
                .and_then(|l| l.url)
                .unwrap_or_default()
        };
        let pdf = find("pdf");
        let code = find("code");
        let mut taken_pdf = false;
        let mut taken_code = false;
        let others: Vec<String> = r
            .links
            .iter()
            .filter(|l| !l.title)
            .filter(|l| {
                let first = |label: &str, taken: &mut bool| {
                    let is = l.label.eq_ignore_ascii_case(label) && !*taken;
                    *taken |= is;
                    is
                };
                !(first("pdf", &mut taken_pdf) || first("code", &mut taken_code))
            })
            .map(|l| format!("{}={}", l.label, l.url.unwrap_or_default()))
            .collect();
        let fields = [
            r.line.to_string(),
            r.section.map(|y| y.to_string()).unwrap_or_default(),
            r.venue.clone().unwrap_or_default().into_owned(),
            r.years
                .iter()
                .map(u16::to_string)
                .collect::<Vec<_>>()
                .join(";"),
            r.name.unwrap_or_default().to_owned(),
            r.title.clone(),
            pdf.to_owned(),
            code.to_owned(),
            others.join(" "),
            r.authors.clone().unwrap_or_default(),
            r.year.map(|y| y.to_string()).unwrap_or_default(),
            r.month.map(|m| m.to_string()).unwrap_or_default(),
            by_category("paper").to_owned(),
            by_category("code").to_owned(),
        ];
        let row: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
        writeln!(out, "{}", row.join(","))?;
    }
    Ok(())
}

/// Quotes a field when it holds a comma, a quote or a line break.
fn csv_field(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::csv_field;

    #[test]
    fn csv_quoting() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a, b"), "\"a, b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
    }
}

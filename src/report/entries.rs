//! `awesome-lint entries`: the parsed entries as JSON or CSV, for scripts
//! that build tables, counts or other views of a list.

use std::io::{self, Write};

use serde::Serialize;

use crate::config::Settings;
use crate::document::{Document, Entry};
use crate::source::Source;
use crate::venue::VenueCheck;

#[derive(Serialize)]
struct EntriesDocument<'a> {
    version: u32,
    file: &'a str,
    entries: Vec<EntryRecord<'a>>,
}

#[derive(Serialize)]
struct EntryRecord<'a> {
    line: usize,
    column: usize,
    /// The year of the section the entry is in.
    section: Option<u16>,
    /// The venue tag's text, as written.
    venue_tag: &'a str,
    /// The venue as written.
    venue: &'a str,
    /// The canonical name of the venue, when it is known.
    canonical_venue: Option<String>,
    years: Vec<u16>,
    name: Option<&'a str>,
    /// Whitespace collapsed: a title wrapped over two lines reads as one.
    title: String,
    links: Vec<LinkRecord<'a>>,
}

#[derive(Serialize)]
struct LinkRecord<'a> {
    label: &'a str,
    url: Option<&'a str>,
    line: usize,
    column: usize,
}

fn record<'a>(
    source: &'a Source,
    doc: &Document,
    settings: &Settings,
    entry: &Entry,
) -> EntryRecord<'a> {
    let text = source.text();
    let at = source.position(entry.span.start);
    let venue = &text[entry.venue.clone()];
    let canonical_venue = match settings.venues.check(venue) {
        VenueCheck::Known => Some(venue.to_owned()),
        VenueCheck::Alias { canonical } => Some(canonical),
        VenueCheck::Unknown { .. } => None,
    };
    EntryRecord {
        line: at.line,
        column: at.column,
        section: doc.section_of(entry).map(|s| s.year),
        venue_tag: &text[entry.venue_tag.inner.clone()],
        venue,
        canonical_venue,
        years: entry.years.iter().map(|y| y.value).collect(),
        name: entry.name.as_ref().map(|n| text[n.inner.clone()].trim()),
        title: text[entry.title.clone()]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
        links: entry
            .links
            .iter()
            .map(|link| {
                let at = source.position(link.span.start);
                LinkRecord {
                    label: &text[link.label.clone()],
                    url: link.url.as_ref().map(|u| &text[u.clone()]),
                    line: at.line,
                    column: at.column,
                }
            })
            .collect(),
    }
}

/// Writes `{"version": 1, "file": ..., "entries": [...]}`.
pub fn render_json(
    source: &Source,
    doc: &Document,
    settings: &Settings,
    out: &mut dyn Write,
) -> io::Result<()> {
    let document = EntriesDocument {
        version: 1,
        file: source.name(),
        entries: doc
            .entries
            .iter()
            .map(|e| record(source, doc, settings, e))
            .collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &document)?;
    out.write_all(b"\n")
}

/// Writes one CSV row per entry (RFC 4180): the first `pdf` and `code` links
/// get columns of their own, other links go to `other_links` as `label=url`.
pub fn render_csv(
    source: &Source,
    doc: &Document,
    settings: &Settings,
    out: &mut dyn Write,
) -> io::Result<()> {
    writeln!(
        out,
        "line,section,venue,years,name,title,pdf,code,other_links"
    )?;
    for entry in &doc.entries {
        let r = record(source, doc, settings, entry);
        let find = |label: &str| {
            r.links
                .iter()
                .find(|l| l.label.eq_ignore_ascii_case(label))
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
            r.venue.to_owned(),
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

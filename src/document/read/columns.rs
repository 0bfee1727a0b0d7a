//! A table's columns by their header: title, venue, date, name, notes.

use super::*;

pub(in crate::document) fn is_venue_column(name: &str) -> bool {
    words()
        .columns
        .venue
        .iter()
        .any(|c| name.starts_with(c.as_str()))
}

pub(in crate::document) fn is_date_column(name: &str) -> bool {
    words()
        .columns
        .date
        .iter()
        .any(|c| name.starts_with(c.as_str()))
}

/// A column of short names (`Abbreviation`, `Method`).
pub(in crate::document) fn is_name_column(name: &str) -> bool {
    words().columns.name.iter().any(|c| c == name)
}

/// A column of notes (`Keywords`, `Description`): what it holds is about
/// the paper, never its title, authors or venue.
pub(in crate::document) fn is_notes_column(name: &str) -> bool {
    let notes = &words().columns.notes;
    name.split(|c: char| !c.is_alphanumeric())
        .any(|w| notes.iter().any(|n| n == w))
}

/// Of a header's columns, the one that holds the venue: the first named by
/// the likeliest word (`Publication` before `Source`, which may name where a
/// dataset's images come from).
pub(in crate::document) fn venue_column(header: &[String]) -> Option<usize> {
    words()
        .columns
        .venue
        .iter()
        .find_map(|word| header.iter().position(|h| h.starts_with(word.as_str())))
}

/// The header's title column, if it has one: a header with the word
/// `title` first, then by the order of the vocabulary's words (`Paper`
/// before `Name`, which may name the method).
pub(in crate::document) fn title_column(header: &[String]) -> Option<u8> {
    header
        .iter()
        .position(|h| {
            h.split(|c: char| !c.is_alphanumeric())
                .any(|w| w == "title")
        })
        .or_else(|| {
            words()
                .columns
                .title
                .iter()
                .find_map(|word| header.iter().position(|h| h == word))
        })
        .and_then(|c| u8::try_from(c).ok())
}

pub(in crate::document) fn is_title_column(name: &str) -> bool {
    // `Paper Title and Paper Interpretation (In Chinese)`: a title column
    // by its word for it, whatever else the header says.
    words().columns.title.iter().any(|c| c == name)
        || name
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w == "title")
}

/// What an entry's line written `Label: value` holds, by its label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(in crate::document) enum Field {
    Date,
    Venue,
    /// The venue if it names one the vocabulary knows, else a note.
    Publisher,
    Note,
}

/// `Publish Date: 2024.12.24`: the field a line's label names, and where
/// its value starts in `t`. The label is a few words and a colon (either
/// width) opening the text, one of the labels the vocabulary knows.
pub(in crate::document) fn field_label(t: &str) -> Option<(Field, usize)> {
    let (label, rest) = t.split_once([':', '：'])?;
    // `📅 Date:`, `🏛️ Institutions:`: a list's marker before its labels
    // (any symbol that is neither a letter nor ASCII) is no part of them.
    let label = label
        .trim_start_matches(|c: char| c.is_whitespace() || (!c.is_ascii() && !c.is_alphanumeric()))
        .trim();
    if label.is_empty() || label.len() > 24 || label.split_whitespace().count() > 3 {
        return None;
    }
    let value = rest.trim_start();
    if value.is_empty() {
        return None;
    }
    let fields = &words().fields;
    let label = label.to_lowercase();
    let label = label.split_whitespace().collect::<Vec<_>>().join(" ");
    let field = if is_one_of(&label, &fields.date) {
        Field::Date
    } else if is_one_of(&label, &fields.venue) {
        Field::Venue
    } else if is_one_of(&label, &fields.publisher) {
        Field::Publisher
    } else if is_one_of(&label, &fields.notes) {
        Field::Note
    } else {
        return None;
    };
    Some((field, t.len() - value.len()))
}

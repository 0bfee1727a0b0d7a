//! Reads one block's atoms as the parts of a paper: venue, dates, name,
//! title, authors, links, notes, whatever way the list writes them.
//!
//! The reader knows the ways lists write each part (see the module docs of
//! [`super`]) and decides by what a part says, not by where a fixed grammar
//! puts it: a tag with a year is a venue or a date, a long link text at the
//! start is the title, `**Name**:` is a short name, a comma-separated list
//! of capitalized names is the authors. The shape a list uses is inferred
//! afterwards from what the reader found.

use super::date;
use super::inline::{Atom, LabelStyle, LinkAtom};
use crate::vocabulary::{is_one_of, words};

use super::{
    Authors, DatePart, Form, HostKind, Known, LabelKind, Link, Name, Place, Span, Title, Venue,
};

mod columns;
mod lead;
mod pieces;
mod tag;
pub(super) mod text;
mod title;

pub(crate) use self::title::title_prefix;
pub(in crate::document) use self::{columns::*, lead::*, pieces::*, tag::*, text::*, title::*};

/// Where a unit of a block sits: the part of the block its atoms come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum UnitPlace {
    /// The block's first paragraph or line group.
    Head,
    /// A later paragraph of the same list item.
    Paragraph,
    /// A table cell, by column.
    Cell(u8),
}

/// A unit's atoms, as a range into the shared atom buffer.
#[derive(Debug, Clone)]
pub(super) struct Unit {
    pub atoms: std::ops::Range<usize>,
    pub place: UnitPlace,
}

/// What the reader found in a block.
#[derive(Debug, Clone, Default)]
pub(super) struct Reading {
    pub venue: Option<Venue>,
    pub dates: Vec<DatePart>,
    pub name: Option<Name>,
    pub title: Option<Title>,
    pub authors: Option<Authors>,
    pub links: Vec<Link>,
    pub notes: Vec<Span>,
    /// Extent of the parts: first start to last end.
    pub span: Option<Span>,
    /// The first line's content.
    pub head: Option<Span>,
}

impl Reading {
    pub(crate) fn is_empty(&self) -> bool {
        self.span.is_none()
    }

    fn grow(&mut self, span: &Span) {
        self.span = Some(match self.span.take() {
            Some(s) => s.start.min(span.start)..s.end.max(span.end),
            None => span.clone(),
        });
    }
}

/// Reads a block. `header` names a table's columns (lowercase), when it is a row.
/// Buffers the reader reuses from block to block.
#[derive(Debug, Default)]
pub(super) struct Scratch {
    placed: Vec<Placed>,
}

pub(super) fn read(
    text: &str,
    atoms: &[Atom],
    units: &[Unit],
    header: &[String],
    vocab: &Known<'_>,
    scratch: &mut Scratch,
) -> Reading {
    let placed = &mut scratch.placed;
    placed.clear();
    let mut line = 0u8;
    for (index, unit) in units.iter().enumerate() {
        let place_of = |line: u8| match unit.place {
            UnitPlace::Cell(c) => Place::Column(c),
            _ => Place::Line(line),
        };
        if index > 0 && matches!(unit.place, UnitPlace::Paragraph) {
            line = line.saturating_add(1);
        }
        let unit_atoms = &atoms[unit.atoms.clone()];
        let mut start = 0;
        for (i, atom) in unit_atoms.iter().enumerate() {
            if let Atom::Break(_) = atom {
                pieces(text, &unit_atoms[start..i], place_of(line), vocab, placed);
                if !matches!(unit.place, UnitPlace::Cell(_)) {
                    line = line.saturating_add(1);
                }
                start = i + 1;
            }
        }
        pieces(text, &unit_atoms[start..], place_of(line), vocab, placed);
    }
    join_split_links(text, placed, vocab);
    let mut reading = assign(text, placed, header, vocab);
    if let Some(title) = &mut reading.title {
        title.inner = without_emoji(text, title.inner.clone());
    }
    reading
}

/// How many words `text` has, as `split_whitespace().count()` says, without
/// decoding characters where the text is ASCII: titles are counted several
/// times each while their parts are chosen.
fn word_count(text: &str) -> usize {
    if !text.is_ascii() {
        return text.split_whitespace().count();
    }
    // `char::is_whitespace` on ASCII: space, tab, line feed, vertical tab,
    // form feed and carriage return.
    let space = |b: u8| matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r');
    let mut words = 0;
    let mut in_word = false;
    for &b in text.as_bytes() {
        let starts = !space(b);
        words += usize::from(starts && !in_word);
        in_word = starts;
    }
    words
}

fn is_blank(text: &str, span: &Span) -> bool {
    // Markdown's own whitespace: what lists put between parts.
    text.as_bytes()[span.clone()]
        .iter()
        .all(|b| b.is_ascii_whitespace())
}

fn trim(text: &str, span: Span) -> Span {
    let s = &text.as_bytes()[span.clone()];
    let start = s.iter().take_while(|b| b.is_ascii_whitespace()).count();
    let end = s.len()
        - s[start..]
            .iter()
            .rev()
            .take_while(|b| b.is_ascii_whitespace())
            .count();
    span.start + start..span.start + end
}

/// Trims whitespace and the separators lists put between parts.
fn trim_separators(text: &str, span: Span) -> Span {
    let is_sep = |c: char| {
        c.is_whitespace()
            || matches!(
                c,
                ',' | '，' | '|' | ';' | '-' | '–' | '—' | ':' | '·' | '•' | '&'
            )
    };
    let t = &text[span.clone()];
    // (`<[Title](…)>, by …`: the angle bracket closing a wrapped title
    // opens nothing after it.)
    let mut start = t.len() - t.trim_start_matches(|c| is_sep(c) || c == '>').len();
    // What closes the part before (`"**Title**." Nature`: the period and
    // the quote after an emphasised title) is no part of the next; a quote
    // alone may open it (`"Do Anything Now": …`).
    for closing in ["\".", "\",", ".\"", ",\"", ".”", ",”", "”"] {
        if let Some(rest) = t[start..].strip_prefix(closing) {
            start = t.len() - rest.trim_start_matches(is_sep).len();
            break;
        }
    }
    // An opening bracket at the end opens what follows (`Title. [**cls.**]`).
    let end = t
        .trim_end_matches(|c: char| (is_sep(c) && c != ':') || matches!(c, '[' | '(' | '{' | '\\'))
        .len();
    if start >= end {
        return span.start + start..span.start + start;
    }
    span.start + start..span.start + end
}

/// Where a known venue (and its year) starts in names that end with it as
/// a sentence of its own: `Ivan Vulić et al. arXiv.`, `A. Lee, B. Kim.
/// NeurIPS 2023.`
fn venue_closing_names(names: &str, vocab: &Known<'_>) -> Option<usize> {
    let t = names.trim_end().trim_end_matches('.');
    // `et al.` ends the names for certain: what follows it is the venue,
    // known or not (`et al. CoRR.`, `et al. Artificial Life.`), and glued
    // to it all the same (`et al.arXiv.`).
    if let Some(end) = t.rfind("et al.").map(|at| at + "et al.".len()) {
        let clause = t[end..].trim_start();
        let at = t.len() - clause.len();
        let words = clause.split_whitespace().count();
        // (No more names follow `et al.`: a short capitalized clause is
        // the venue, `Artificial Life`, `IEEE (IRC)`.)
        let named = clause.chars().next().is_some_and(char::is_alphabetic)
            && (is_known_venue(clause, vocab)
                || (clause.starts_with(|c: char| c.is_uppercase())
                    && words <= 4
                    && !clause.contains([',', ';', ':'])));
        if named && looks_like_authors(&t[..end], true) {
            return Some(at);
        }
    }
    if let Some(at) = t.rfind(". ").map(|at| at + 2) {
        let clause = &t[at..];
        let known = match tag_meaning(clause, vocab) {
            TagMeaning::Venue(split) => is_known_venue(&clause[split.name], vocab),
            TagMeaning::VenueOnly(_) => true,
            _ => false,
        };
        // A venue the vocabulary does not know, as a sentence after the
        // names: `H Leung. Systems for Advanced Applications.` (a phrase
        // with a word in lowercase, as no person's name has).
        let unknown_venue = !known
            && clause.split_whitespace().count() <= 5
            && clause.starts_with(|c: char| c.is_uppercase())
            && !clause.contains([',', ';', ':', '(', '&'])
            && clause.split_whitespace().count() >= 2
            && clause
                .split_whitespace()
                .any(|w| w.chars().all(|c| c.is_lowercase()));
        if (known || unknown_venue) && names_with_affiliations(&t[..at]) {
            return Some(at);
        }
    }
    // `XLang Lab (The University of Hong Kong) arXiv.`: a preprint
    // server's name closing the names without a period of its own.
    let at = t.rfind([' ', ')']).map(|at| at + 1)?;
    let names = t[..at].trim_end();
    (is_preprint_server(&t[at..], vocab)
        && (names_with_affiliations(names) || names.ends_with(')')))
    .then_some(at)
}

/// Whether text reads as authors once their affiliations in parentheses
/// are set aside: `Qiao Jin (National Institutes of Health), Yifan Yang`.
fn names_with_affiliations(text: &str) -> bool {
    if !text.contains('(') {
        return looks_like_authors(text, true);
    }
    let mut names = String::with_capacity(text.len());
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => names.push(c),
            _ => {}
        }
    }
    looks_like_authors(&names, true)
}

pub(in crate::document) fn is_known_venue(name: &str, vocab: &Known<'_>) -> bool {
    vocab.venues.recognizes(name.trim())
}

/// `TIM 22`: one word of two capitals or more, a space and two digits.
pub(super) fn acronym_and_short_year(t: &str) -> bool {
    let Some((name, digits)) = t.trim().rsplit_once(' ') else {
        return false;
    };
    digits.len() == 2
        && digits.bytes().all(|b| b.is_ascii_digit())
        && !name.is_empty()
        && !name.contains(char::is_whitespace)
        && name.bytes().filter(u8::is_ascii_uppercase).count() >= 2
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'&')
}

/// `arXiv`, `bioRxiv`: a preprint server's name, in any case.
pub(super) fn is_preprint_server(name: &str, vocab: &Known<'_>) -> bool {
    let name = name.trim().to_lowercase();
    vocab.venues.preprints().contains(&name)
}

/// `**Graph U-Nets (ICML 2019)**`: a title that ends in its venue's tag,
/// inside the title's own markup. The tag is the venue, and the title ends
/// before it. Only a venue the vocabulary knows, or an acronym, with a year:
/// a title's own parenthesis (`(Extended Abstract)`, `(GPT-4)`) stays.
fn venue_ending_title(text: &str, r: &mut Reading, vocab: &Known<'_>) {
    let Some(title) = &mut r.title else {
        return;
    };
    // A linked title's label is the link's: its words stay as written, but
    // for a short name and a year the list writes inside it.
    if matches!(title.form, Form::Linked | Form::LinkedBold) {
        parts_in_title_label(text, r);
        return;
    }
    let written = text[title.inner.clone()].trim_end();
    // `**(Arxiv 23.12.01) Mamba: …**`: the tag opens the title instead.
    if r.venue.is_none()
        && let Some(rest) = written.strip_prefix('(')
        && let Some(close) = rest.find(')')
        && rest[close + 1..].starts_with(' ')
        && rest[close + 1..].split_whitespace().count() >= 2
        && is_venue_tag(&rest[..close], vocab)
    {
        let start = title.inner.start;
        let end = start + close + 2;
        let plain = title.span == title.inner;
        title.inner.start =
            end + (written[close + 2..].len() - written[close + 2..].trim_start().len());
        if plain {
            title.span.start = title.inner.start;
        }
        let place = title.place;
        paren_tag(text, r, start..end, place, true, vocab);
        return;
    }
    let Some(open) = written.strip_suffix(')').and_then(|w| w.rfind('(')) else {
        return;
    };
    let before = written[..open].trim_end();
    let affiliation = written[open + 1..].trim_start().starts_with('@');
    if before.is_empty() || !(written[..open].ends_with(char::is_whitespace) || affiliation) {
        return;
    }
    let content = &written[open + 1..written.len() - 1];
    // `(2016, 900+ citations)`: a year the list gives where others give a
    // venue and its year.
    let dated = r.venue.is_none()
        && r.dates.is_empty()
        && matches!(tag_meaning_for(content, vocab, true), TagMeaning::Date(_));
    let venue = r.venue.is_none() && (dated || is_venue_tag(content, vocab));
    // `**Relational recurrent neural networks. (Relational Reasoning)**`:
    // a remark after the title's last sentence (a topic, `(In Chinese)`).
    // `Title(@nycu.edu.tw)`, `Title (@Meta)`: the authors' affiliation.
    let remark = !venue
        && ((before.ends_with('.') && !before.ends_with(".."))
            || content.trim_start().starts_with('@'));
    if !venue && !remark {
        return;
    }
    let start = title.inner.start + open;
    let end = title.inner.start + written.len();
    let plain = title.span == title.inner;
    title.inner.end = title.inner.start + before.len();
    if plain {
        title.span.end = title.inner.end;
    }
    if remark {
        r.notes.push(start..end);
        return;
    }
    let place = title.place;
    paren_tag(text, r, start..end, place, false, vocab);
}

/// A list that writes its whole entry as the paper's link (`[[DCN] Deep &
/// Cross Network for Ad Click Predictions (Stanford 2017)](…pdf)`): the
/// bracketed name opening the label is the short name, and a parenthesis
/// closing it that ends in a year (an organisation's or a venue's) dates
/// the entry; the title is the words between.
fn parts_in_title_label(text: &str, r: &mut Reading) {
    let Some(title) = &mut r.title else {
        return;
    };
    // Only a paper's own link: a contents list's `[Title (2022)](#anchor)`
    // names a section of the page, and its words are the heading's.
    let to_paper = r
        .links
        .iter()
        .any(|l| l.span == title.span && (l.to_pdf || l.host == crate::url::HostKind::Paper));
    if !to_paper {
        return;
    }
    let written = &text[title.inner.clone()];
    if r.name.is_none()
        && let Some(rest) = written.strip_prefix('[')
        && let Some(close) = rest.find(']')
        && close > 0
        && close <= 30
        && !rest[..close].contains(['[', '(', '*'])
        && rest[close + 1..].starts_with(' ')
        && rest[close + 1..].split_whitespace().count() >= 3
    {
        let start = title.inner.start;
        r.name = Some(Name {
            span: start..start + close + 2,
            inner: start + 1..start + close + 1,
            form: Form::Bracket,
            place: title.place,
        });
        let after = &written[close + 2..];
        title.inner.start = start + close + 2 + (after.len() - after.trim_start().len());
    }
    let written = text[title.inner.clone()].trim_end();
    let Some(open) = written.strip_suffix(')').and_then(|w| w.rfind('(')) else {
        return;
    };
    let content = &written[open + 1..written.len() - 1];
    let words: Vec<&str> = content.split_whitespace().collect();
    let Some((&last, org)) = words.split_last() else {
        return;
    };
    let year = last
        .parse::<u16>()
        .ok()
        .filter(|y| last.len() == 4 && (1950..=2100).contains(y));
    if r.venue.is_some()
        || !r.dates.is_empty()
        || year.is_none()
        || org.len() > 3
        || !org
            .iter()
            .all(|w| w.starts_with(|c: char| c.is_uppercase()))
        || written[..open].split_whitespace().count() < 3
    {
        return;
    }
    let start = title.inner.start + open;
    let end = title.inner.start + written.len();
    let at = end - 1 - last.len();
    title.inner.end = title.inner.start + written[..open].trim_end().len();
    r.dates.push(DatePart {
        span: start..end,
        inner: start + 1..end - 1,
        year: date::Year {
            value: year.unwrap_or_default(),
            month: None,
            span: at..at + 4,
            form: date::YearForm::Full,
            date: at..at + 4,
        },
        form: Form::Paren,
        place: title.place,
    });
}

/// `Passage Re-ranking with BERT, Authors: Rodrigo Nogueira, Kyunghyun
/// Cho`: a list that labels its authors says where the title ends.
/// (With `in_notes`, once the rest is read: a line of its own after the
/// title, `, Authors: Jacob Devlin, …`.)
fn labelled_authors(text: &str, r: &mut Reading, in_notes: bool) {
    let Some(title) = &mut r.title else {
        return;
    };
    if r.authors.is_some() || title.form != Form::Plain {
        return;
    }
    let written = &text[title.inner.clone()];
    // (Most entries name no authors so: out before anything is lowercased.)
    let names_authors = |t: &str| t.contains("uthor") || t.contains("UTHOR");
    if in_notes {
        let found = r.notes.iter().position(|note| {
            let written = &text[note.clone()];
            if !names_authors(written) {
                return false;
            }
            let lower = written.to_ascii_lowercase();
            let lower = lower.trim_start_matches([',', ' ']);
            lower.starts_with("authors:") || lower.starts_with("author:")
        });
        if let Some(index) = found {
            let note = r.notes.remove(index);
            let written = &text[note.clone()];
            let colon = written.find(':').map_or(0, |c| c + 1);
            let names = &written[colon..];
            let lead = names.len() - names.trim_start().len();
            let kept = names.trim().trim_end_matches('.');
            let start = note.start + colon + lead;
            r.authors = Some(Authors {
                span: note.clone(),
                inner: start..start + kept.len(),
                form: Form::Plain,
                place: title.place,
            });
        }
        return;
    }
    if !names_authors(written) {
        return;
    }
    let lower = written.to_ascii_lowercase();
    let Some(at) = ["authors:", "author:"]
        .iter()
        .filter_map(|label| lower.find(label).map(|at| (at, label.len())))
        .min()
    else {
        return;
    };
    let (at, width) = at;
    let kept = written[..at].trim_end_matches(|c: char| c == ',' || c == ';' || c.is_whitespace());
    let names = &written[at + width..];
    let lead = names.len() - names.trim_start().len();
    let names_trimmed = names.trim().trim_end_matches('.');
    if kept.split_whitespace().count() < 2 || names_trimmed.is_empty() {
        return;
    }
    let start = title.inner.start + at + width + lead;
    let authors = start..start + names_trimmed.len();
    let plain = title.span == title.inner;
    title.inner.end = title.inner.start + kept.len();
    if plain {
        title.span.end = title.inner.end;
    }
    r.authors = Some(Authors {
        span: authors.clone(),
        inner: authors,
        form: Form::Plain,
        place: title.place,
    });
}

/// `([paper](…) [code](…)) A Closer Look At Few-shot Classification`: the
/// parenthesis around the links closes before the title, which starts
/// after it (a `)` or `]` with no opening in the title is no word of it).
fn past_closing_marks(text: &str, r: &mut Reading) {
    let Some(title) = &mut r.title else {
        return;
    };
    if title.form != Form::Plain {
        return;
    }
    let written = &text[title.inner.clone()];
    // (And a rank opening the title's cell, `1) Ultra-Fast …`.)
    let digits = written.bytes().take_while(u8::is_ascii_digit).count();
    let rest = if (1..=3).contains(&digits) && written[digits..].starts_with(") ") {
        &written[digits + 1..]
    } else {
        written.trim_start_matches([')', ']'])
    };
    let cut = written.len() - rest.len();
    if cut == 0 || rest.split_whitespace().count() < 2 {
        return;
    }
    let skipped = cut + (rest.len() - rest.trim_start().len());
    let plain = title.span == title.inner;
    title.inner.start += skipped;
    if plain {
        title.span.start = title.inner.start;
    }
}

/// Reads `(…)` at `span`, cut from a title, as the tag it is.
fn paren_tag(
    text: &str,
    r: &mut Reading,
    span: Span,
    place: Place,
    before_title: bool,
    vocab: &Known<'_>,
) {
    let inner = span.start + 1..span.end - 1;
    tag(
        text,
        r,
        span,
        inner,
        Form::Paren,
        place,
        before_title,
        vocab,
        None,
    );
}

/// `**Title (TKDE, 2009) [[**Paper**](…)]**`: emphasis around the whole
/// line holds the entry's links too; the title ends where they begin.
fn title_before_its_links(text: &str, placed: &[Placed], r: &mut Reading) {
    let Some(title) = &mut r.title else {
        return;
    };
    if matches!(title.form, Form::Linked | Form::LinkedBold) {
        return;
    }
    let inner = title.inner.clone();
    let Some(link) = placed
        .iter()
        .filter(|p| !p.used && matches!(p.piece, Piece::Link { .. }))
        .map(|p| p.piece.span().start)
        .filter(|&at| at > inner.start && at < inner.end)
        .min()
    else {
        return;
    };
    let kept = text[inner.start..link].trim_end_matches(|c: char| c == '[' || c.is_whitespace());
    if kept.split_whitespace().count() < 2 {
        return;
    }
    title.inner.end = inner.start + kept.len();
}

/// Whether a parenthesis's text is a venue and its year, the venue known
/// or an acronym: a title's own parenthesis (`(Extended Abstract)`,
/// `(GPT-4)`) is not.
fn is_venue_tag(content: &str, vocab: &Known<'_>) -> bool {
    // (`Arxiv 24.03.05, ICML24`: the preprint's date, then the venue.)
    if let Some((_, venue, _)) = tag::preprint_then_venue(content, vocab) {
        return is_venue_tag(&content[venue], vocab);
    }
    match tag_meaning_for(content, vocab, true) {
        TagMeaning::Venue(split) => {
            let name = content.trim()[split.name.clone()].trim();
            let acronym = (2..=8).contains(&name.len())
                && name.chars().all(|c| c.is_ascii_alphanumeric())
                && name.chars().filter(char::is_ascii_uppercase).count() >= 2;
            !split.years.is_empty() && (is_known_venue(name, vocab) || acronym)
        }
        _ => false,
    }
}

/// The roles, assigned piece by piece.
fn assign(text: &str, placed: &mut Vec<Placed>, header: &[String], vocab: &Known<'_>) -> Reading {
    let mut r = Reading::default();
    for p in placed.iter() {
        let span = p.piece.span();
        if !(matches!(p.piece, Piece::Text(_)) && is_blank(text, span)) {
            r.grow(span);
        }
    }
    let head_line = placed
        .iter()
        .find(|p| !matches!(&p.piece, Piece::Text(s) if is_blank(text, s)))
        .map(|p| p.place);
    if let Some(place) = head_line {
        let mut on_head = placed
            .iter()
            .filter(|p| p.place == place)
            .map(|p| p.piece.span())
            .filter(|s| !is_blank(text, s));
        if let Some(first) = on_head.next() {
            let last = on_head.next_back().unwrap_or(first);
            r.head = Some(first.start..last.end);
        }
    }

    // A second venue-like column (`Source` beside `Publication`) is no venue's.
    let venue_col = venue_column(header);
    let title_col = title_column(header);
    let column = |place: Place| match place {
        Place::Column(c) => header.get(c as usize).map(|h| {
            if is_venue_column(h) && venue_col != Some(c as usize) {
                ""
            } else {
                h.as_str()
            }
        }),
        _ => None,
    };

    choose_title(text, placed, &mut r, header, venue_col, vocab);
    title_before_its_links(text, placed, &mut r);
    venue_ending_title(text, &mut r, vocab);
    labelled_authors(text, &mut r, false);
    past_closing_marks(text, &mut r);

    // Everything else, in order.
    let title_start = r.title.as_ref().map(|t| t.span.start);
    let title_place = r.title.as_ref().map(|t| t.place);
    for p in placed.drain(..) {
        if p.used {
            continue;
        }
        let place = p.place;
        let before_title =
            title_start.is_some_and(|t| p.piece.span().start < t) && Some(place) == title_place;
        let col = column(place);
        // A name column's text is the short name (`| **Major TOM** |`), as
        // is a `Name` column's beside a column of titles (`| Name | Paper |`).
        let names = col.is_some_and(is_name_column)
            || (col == Some("name")
                && matches!(place, Place::Column(c) if title_col.is_some_and(|t| t != c)));
        if names
            && r.name.is_none()
            && let Piece::Text(span)
            | Piece::Emph { inner: span, .. }
            | Piece::Tag { inner: span, .. } = &p.piece
        {
            let inner = trim(text, span.clone());
            // `| - |`: the list's mark for no name.
            if text[inner.clone()].chars().any(char::is_alphanumeric) {
                // Plain text's part is its words: the spaces around them are
                // the gaps between parts (found by the fix fuzzer: an
                // untrimmed span made a spacing fix that never settles).
                let part = match p.piece {
                    Piece::Text(_) => inner.clone(),
                    _ => p.piece.span().clone(),
                };
                r.name = Some(Name {
                    span: part,
                    inner,
                    form: match p.piece {
                        Piece::Emph { level: 2.., .. } => Form::Bold,
                        Piece::Emph { .. } => Form::Emph,
                        _ => Form::Plain,
                    },
                    place,
                });
                continue;
            }
        }
        // A notes column's text is about the paper; its links stay links.
        if col.is_some_and(is_notes_column) && !matches!(p.piece, Piece::Link { .. }) {
            let note = trim(text, p.piece.span().clone());
            if !note.is_empty() {
                r.notes.push(note);
            }
            continue;
        }
        match p.piece {
            Piece::Link {
                mut link, badge, ..
            } => {
                if r.venue.is_none()
                    && let Some(src) = badge
                    && let Some(venue) = badge_venue(text, &src, link.span.clone(), place, vocab)
                {
                    r.venue = Some(venue);
                }
                link.place = place;
                // In a table, a link named for what it is (`[RSCC](...)` in a
                // `Dataset` column) is of its column's kind.
                if link.kind == LabelKind::Unknown
                    && let Some(kind) = col
                        .map(|c| vocab.labels.kind(c))
                        .filter(|&k| k != LabelKind::Unknown)
                {
                    link.kind = kind;
                }
                let link = with_target(text, link, vocab);
                if col.is_some_and(is_venue_column) {
                    venue_of_column_link(text, &mut r, &link, vocab);
                } else {
                    venue_in_label(text, &mut r, &link, before_title, vocab);
                }
                r.links.push(link);
            }
            // `![](https://img.shields.io/badge/arXiv-2025.09-red)` beside
            // the links: a badge that shows the venue, not a link to it.
            Piece::Image(span) => {
                let written = &text[span.clone()];
                let src = written.rfind("](").map(|open| {
                    span.start + open + 2..span.end - usize::from(written.ends_with(')'))
                });
                if r.venue.is_none()
                    && let Some(src) = src
                    && let Some(venue) = badge_venue(text, &src, span.clone(), place, vocab)
                {
                    r.venue = Some(venue);
                } else {
                    r.notes.push(span);
                }
            }
            Piece::Html(span) => r.notes.push(span),
            // `**[CVPR 2019]**`: the bold-bracket form that names a paper
            // elsewhere holds a venue and its year here; what it holds
            // decides, not the markup.
            Piece::Named {
                span,
                inner,
                form: Form::BoldBracket,
            } if r.venue.is_none()
                && match tag_meaning_for(&text[inner.clone()], vocab, true) {
                    TagMeaning::Venue(split) => !split.years.is_empty(),
                    // `**[arXiv]**`: a preprint server, named alone, is no
                    // paper's short name.
                    TagMeaning::VenueOnly(name) => {
                        is_preprint_server(&text[inner.clone()][name], vocab)
                    }
                    // `**[TIM 22]**`: an acronym and two digits, the tag's
                    // shape saying a year goes there.
                    _ => acronym_and_short_year(&text[inner.clone()]),
                } =>
            {
                tag(
                    text,
                    &mut r,
                    span,
                    inner,
                    Form::BoldBracket,
                    place,
                    before_title,
                    vocab,
                    col,
                );
            }
            Piece::Named { span, inner, form } => {
                // `**[14]**`: a reference's number in the list, not a name.
                let number = text[inner.clone()]
                    .trim()
                    .bytes()
                    .all(|b| b.is_ascii_digit());
                if r.name.is_none() && !number {
                    r.name = Some(Name {
                        span,
                        inner: trim(text, inner),
                        form,
                        place,
                    });
                } else {
                    r.notes.push(span);
                }
            }
            Piece::Tag { span, inner, form } => {
                tag(
                    text,
                    &mut r,
                    span,
                    inner,
                    form,
                    place,
                    before_title,
                    vocab,
                    col,
                );
            }
            Piece::Emph { span, inner, level } => {
                let content = &text[inner.clone()];
                match tag_meaning(content, vocab) {
                    TagMeaning::Venue(_) | TagMeaning::Date(_) | TagMeaning::VenueOnly(_)
                        if r.venue.is_none() || r.dates.is_empty() =>
                    {
                        let form = if level == 1 {
                            Form::Emph
                        } else if level == 2 {
                            Form::Bold
                        } else {
                            Form::BoldEmph
                        };
                        tag(
                            text,
                            &mut r,
                            span,
                            inner,
                            form,
                            place,
                            before_title,
                            vocab,
                            col,
                        );
                    }
                    _ if r.authors.is_none()
                        && !before_title
                        && (looks_like_authors(&link_labels(content), true)
                            || (r.venue.is_none()
                                && venue_closing_names(content, vocab).is_some())) =>
                    {
                        let form = if level == 1 { Form::Emph } else { Form::Bold };
                        // `*Ivan Vulić et al. arXiv.*`: the venue a sentence
                        // of its own after the names, inside their emphasis.
                        let venue = r
                            .venue
                            .is_none()
                            .then(|| venue_closing_names(content, vocab))
                            .flatten();
                        match venue {
                            Some(at) => {
                                let names_end = inner.start + content[..at].trim_end().len();
                                let venue = inner.start + at
                                    ..inner.start + content.trim_end().trim_end_matches('.').len();
                                r.authors = Some(Authors {
                                    span: span.start..names_end,
                                    inner: trim(text, inner.start..names_end),
                                    form,
                                    place,
                                });
                                tag(
                                    text,
                                    &mut r,
                                    venue.clone(),
                                    venue,
                                    Form::Plain,
                                    place,
                                    false,
                                    vocab,
                                    Some("venue"),
                                );
                            }
                            None => {
                                r.authors = Some(Authors {
                                    span,
                                    inner: trim(text, inner),
                                    form,
                                    place,
                                });
                            }
                        }
                    }
                    // A reference's venue: italics after the authors and
                    // the title, as citation styles write it (`"Title," in
                    // *Proc. MICCAI*, 2020`), known to the vocabulary or not.
                    _ if level == 1
                        && r.venue.is_none()
                        && r.authors.is_some()
                        && title_place == Some(place)
                        && title_start.is_some_and(|t| span.start > t)
                        && content.split_whitespace().count() <= 12
                        && content.starts_with(|c: char| c.is_uppercase()) =>
                    {
                        tag(
                            text,
                            &mut r,
                            span,
                            inner.clone(),
                            Form::Emph,
                            place,
                            false,
                            vocab,
                            Some("venue"),
                        );
                    }
                    _ if level >= 2
                        && r.name.is_none()
                        && before_title
                        && is_name_like(content) =>
                    {
                        r.name = Some(Name {
                            span,
                            inner: trim(text, inner),
                            form: Form::Bold,
                            place,
                        });
                    }
                    _ => r.notes.push(span),
                }
            }
            Piece::Quote { span, .. } => r.notes.push(span),
            Piece::Text(span) => text_fields(text, &mut r, span, place, vocab, col),
        }
    }
    r.notes.sort_unstable_by_key(|s| s.start);
    labelled_authors(text, &mut r, true);
    if let Some(title) = &mut r.title {
        title.prefix = title_prefix(&text[title.inner.clone()]).map(|(offset, name)| {
            title.inner.start + offset..title.inner.start + offset + name.len()
        });
    }
    r
}

impl Venue {
    /// A venue named in plain text without a year (`TNNLS`, `RLEM.`).
    pub(in crate::document) fn plain(name: Span, place: Place) -> Venue {
        Venue {
            span: name.clone(),
            inner: name.clone(),
            name,
            years: Vec::new(),
            form: Form::Plain,
            place,
        }
    }

    /// A venue read from text split into name and years, spans relative to
    /// `base` (where that text starts in the file).
    pub(in crate::document) fn split_at(
        split: date::VenueText,
        base: usize,
        span: Span,
        inner: Span,
        form: Form,
        place: Place,
    ) -> Venue {
        Venue {
            span,
            inner,
            name: base + split.name.start..base + split.name.end,
            years: split
                .years
                .into_iter()
                .map(|y| shift_year(y, base))
                .collect(),
            form,
            place,
        }
    }
}

/// A title's span without the emoji that mark it at either end
/// (`[🔥BEIT: …](…)`, `Title ✨`): the list's highlight, no word of it.
fn without_emoji(text: &str, span: Span) -> Span {
    let emoji = |c: char| matches!(u32::from(c), 0x2600..=0x27BF | 0x2B00..=0x2BFF | 0x1F000..=0x1FAFF | 0xFE0F | 0x200D);
    let written = &text[span.clone()];
    let start = written
        .char_indices()
        .find(|&(_, c)| !(emoji(c) || c.is_whitespace()))
        .map_or(written.len(), |(i, _)| i);
    let end = written
        .char_indices()
        .rev()
        .find(|&(_, c)| !(emoji(c) || c.is_whitespace()))
        .map_or(start, |(i, c)| i + c.len_utf8());
    if start >= end {
        return span;
    }
    span.start + start..span.start + end
}

pub(in crate::document) fn shift_year(mut y: date::Year, by: usize) -> date::Year {
    y.span = y.span.start + by..y.span.end + by;
    y.date = y.date.start + by..y.date.end + by;
    y
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_dates_or_venues_by_their_words() {
        let known = Known {
            venues: crate::venue::Venues::builtin_shared(),
            labels: crate::label::Labels::builtin(),
            hosts: crate::url::Hosts::builtin(),
        };
        let meaning = |t: &str| match tag_meaning_for(t, &known, true) {
            TagMeaning::Date(y) => format!("date {} {:?}", y.value, y.month),
            TagMeaning::Venue(v) => format!("venue {} {}", &t[v.name], v.years[0].value),
            TagMeaning::VenueOnly(span) => format!("venue {}", &t[span]),
            TagMeaning::Other => "other".to_owned(),
        };
        // The day before the month, with its comma.
        assert_eq!(meaning("8th, Jul., 2024"), "date 2024 Some(7)");
        assert_eq!(meaning("27th Jan., 2023"), "date 2023 Some(1)");
        // A venue unknown to the vocabulary, named so by a word of its own.
        assert_eq!(meaning("CEUR workshop, 2025"), "venue CEUR workshop 2025");
        // A remark with a year stays a remark.
        assert_eq!(meaning("An outstanding Work in 2015"), "other");
    }

    #[test]
    fn words_are_counted_as_split_whitespace_counts_them() {
        for text in [
            "",
            "   ",
            "One",
            " Vision  Transformers\tfor\nDense Prediction ",
            "a\u{0b}b\u{0c}c\rd",
            "Caf\u{e9} au\u{a0}lait \u{3000} \u{65e5}\u{672c}",
        ] {
            assert_eq!(
                word_count(text),
                text.split_whitespace().count(),
                "{text:?}"
            );
        }
    }

    #[test]
    fn a_conference_acronym_and_two_digits_is_a_short_year() {
        let known = Known {
            venues: crate::venue::Venues::builtin_shared(),
            labels: crate::label::Labels::builtin(),
            hosts: crate::url::Hosts::builtin(),
        };
        let read = |t: &str| {
            spaced_short_year(t, &known).map(|v| (t[v.name].to_owned(), v.years[0].value))
        };
        assert_eq!(read("EMNLP 18."), Some(("EMNLP".to_owned(), 2018)));
        assert_eq!(read("ICML 99"), Some(("ICML".to_owned(), 1999)));
        // A journal's volume, an edition far from any year, no known venue.
        assert_eq!(read("IEEE Access 12."), None);
        assert_eq!(read("TCSVT 72"), None);
        assert_eq!(read("Zorbconf 18"), None);
    }

    #[test]
    fn authors() {
        assert!(looks_like_authors("Yu et al.", false));
        assert!(looks_like_authors(
            "Chengxin Liu, Kewei Wang, Hao Lu, Zhiguo Cao, Ziming Zhang.",
            false
        ));
        assert!(looks_like_authors(
            "Sergey Levine, Aviral Kumar, George Tucker, and Justin Fu",
            false
        ));
        assert!(looks_like_authors("Weijian Luo", true));
        assert!(!looks_like_authors("Weijian Luo", false));
        assert!(!looks_like_authors(
            "Align, Reason and Learn: Enhancing Medical Vision-and-Language Pre-training with Knowledge",
            false
        ));
        assert!(!looks_like_authors(
            "Towards a unified model, for all tasks and data",
            false
        ));
        assert!(!looks_like_authors("huggingface", true));
    }

    /// The venue and year that end a line, as `text` writes them.
    fn tail(text: &str) -> Option<(String, Vec<u16>)> {
        let (_, tail) = split_tail(text, 0..text.len(), &Known::builtin());
        let (_, name, years) = tail?.venue?;
        Some((
            text[name].to_owned(),
            years.iter().map(|y| y.value).collect(),
        ))
    }

    #[test]
    fn a_year_glued_by_an_apostrophe_marks_its_venue() {
        assert_eq!(
            tail("Rotation Invariant Descriptors on 3D Meshes. VC'2011"),
            Some(("VC".to_owned(), vec![2011]))
        );
        assert_eq!(
            tail("Deep Global Registration with Spatial Consistency CVPR'2021"),
            Some(("CVPR".to_owned(), vec![2021]))
        );
        // A possessive is no tag: the title keeps its words.
        assert_eq!(tail("A Survey of the authors' 2021 results"), None);
    }

    #[test]
    fn a_year_after_a_comma_ends_a_title() {
        assert_eq!(
            tail("A literature survey on single channel speech enhancement, 2020"),
            Some((String::new(), vec![2020]))
        );
        // A title's own number is not its year.
        assert_eq!(tail("Attention, 2020"), None);
    }

    #[test]
    fn a_venue_as_a_sentence_before_its_year_is_read() {
        assert_eq!(
            tail("Yuanying Cai, Chuheng Zhang, and Jiang Bian. AAMAS. 2023."),
            Some(("AAMAS".to_owned(), vec![2023]))
        );
        // A sentence that names no venue stays the text's.
        assert_eq!(
            tail("Learning to Plan. Planning Is All. 2023."),
            Some((String::new(), vec![2023]))
        );
    }

    #[test]
    fn a_venue_in_emphasis_ends_a_line_by_its_name() {
        assert_eq!(
            tail("Yu and Lee. *ICLR Workshop*, 2021."),
            Some(("ICLR Workshop".to_owned(), vec![2021]))
        );
        assert_eq!(
            tail("Yu and Lee. **CVPR**, 2023."),
            Some(("CVPR".to_owned(), vec![2023]))
        );
        assert_eq!(
            tail("Yu and Lee. ICLR, 2014."),
            Some(("ICLR".to_owned(), vec![2014]))
        );
        // Not a known venue: a tail only in emphasis and a sentence of its own.
        assert_eq!(
            tail("Yu and Lee. *Zorbconf*, 2021."),
            Some(("Zorbconf".to_owned(), vec![2021]))
        );
        assert_eq!(tail("Yu and Lee. Zorbconf, 2021."), None);
        // Emphasis inside a title, then the year: the year alone.
        assert_eq!(
            tail("Learning from *Everything*, 2021."),
            Some((String::new(), vec![2021]))
        );
    }

    #[test]
    fn a_remark_after_the_year_leaves_the_venue_read() {
        let known = Known::builtin();
        let t = "A. Lee, B. Kim. *AAAI*, 2022. (Discuss the limitations of earlier defenses.)";
        let r = line_fields(t, 0..t.len(), &known);
        let venue = r.venue.expect("a venue");
        assert_eq!(&t[venue.name], "AAAI");
        assert_eq!(venue.years.first().map(|y| y.value), Some(2022));
    }

    #[test]
    fn a_journal_with_its_volume_and_no_year_is_its_venue() {
        let known = Known::builtin();
        let venue = |t: &str| last_known_venue(t, 0..t.len(), &known).map(|s| t[s].to_owned());
        assert_eq!(venue(", IEEE Access 12."), Some("IEEE Access".to_owned()));
        assert_eq!(venue(", IEEE Access."), Some("IEEE Access".to_owned()));
        assert_eq!(venue(", Zorbconf 12."), None);
    }

    #[test]
    fn a_known_venue_with_two_digits_glued_is_venue_and_short_year() {
        let known = Known::builtin();
        let venue = |t: &str| match tag_meaning(t, &known) {
            TagMeaning::Venue(split) => Some((
                t[split.name].to_owned(),
                split
                    .years
                    .iter()
                    .map(|y| (y.value, t[y.span.clone()].to_owned()))
                    .collect::<Vec<_>>(),
            )),
            _ => None,
        };
        let read = |name: &str, year: u16, digits: &str| {
            Some((name.to_owned(), vec![(year, digits.to_owned())]))
        };
        assert_eq!(venue("ECCV24"), read("ECCV", 2024, "24"));
        assert_eq!(venue("NeurIPS98"), read("NeurIPS", 1998, "98"));
        assert_eq!(venue("GPT4"), None);
        assert_eq!(venue("ResNet50"), None);
        // Spaced, as lists write every tag of theirs (`**[NeurIPS 24]**`):
        // whether it is the list's way is the venue style's to judge.
        assert_eq!(venue("CVPR 24"), read("CVPR", 2024, "24"));
        assert_eq!(venue("Zorbconf 24"), None);
    }

    #[test]
    fn labels_and_titles() {
        assert!(is_label("pdf"));
        assert!(is_label("🤗 Dataset"));
        assert!(is_label("project page"));
        assert!(!is_label("Neural Radiance Fields from One or Few Images"));
        assert!(is_title_text(
            "pixelNeRF: Neural Radiance Fields from One or Few Images",
            &Known::builtin()
        ));
        assert!(is_title_text(
            "Visual Instruction Tuning",
            &Known::builtin()
        ));
        assert!(!is_title_text("project page", &Known::builtin()));
        assert!(!is_title_text("Paper", &Known::builtin()));
    }
}

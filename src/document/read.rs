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

/// A link with what its URL points at, read once.
fn with_target(text: &str, mut link: Link, vocab: &Known<'_>) -> Link {
    if let Some(parts) = link
        .url
        .as_ref()
        .and_then(|u| crate::url::parse(&text[u.clone()]))
    {
        link.host = vocab.hosts.kind(parts.host);
        let path = parts.path.as_bytes();
        link.to_pdf = path.len() >= 4 && path[path.len() - 4..].eq_ignore_ascii_case(b".pdf");
        // A label that names no kind of its own (`[Link]`, `[URL]`, or the
        // paper's venue and year, `[Sensors 21 (2021)]`) leads to what its
        // host serves: a paper on a publisher's, code on GitHub.
        let label = &text[link.label.clone()];
        let generic = match link.kind {
            LabelKind::Other => is_one_of(
                crate::label::normalize(label).as_str(),
                &words().links.generic_labels,
            ),
            LabelKind::Unknown => {
                !link.is_title
                    && !date::years(label).is_empty()
                    && label.split_whitespace().count() <= 12
            }
            _ => false,
        };
        if generic {
            match link.host {
                HostKind::Paper => link.kind = LabelKind::Paper,
                HostKind::Code => link.kind = LabelKind::Code,
                HostKind::Other if link.to_pdf || crate::url::names_a_doi(parts.path) => {
                    link.kind = LabelKind::Paper;
                }
                HostKind::Other => {}
            }
        }
    }
    link
}

/// A web address that is a paper: on a paper host, or a PDF.
pub(super) fn is_paper_url(url: &str, vocab: &Known<'_>) -> bool {
    vocab.hosts.is_paper_link(url)
}

/// A piece of a block after wrappers are recognized.
#[derive(Debug, Clone)]
enum Piece {
    /// Text in a wrapper (`[**x**]`, `[x]`, `(*x*)`, `` `x` ``, ...):
    /// a venue, a date, a name or a note, by what it says.
    Tag {
        span: Span,
        inner: Span,
        form: Form,
    },
    /// Emphasis not inside a wrapper.
    Emph {
        span: Span,
        inner: Span,
        level: u8,
    },
    /// `**x**:`, `**x:**`, `**[x]**`.
    Named {
        span: Span,
        inner: Span,
        form: Form,
    },
    Link {
        link: Link,
        style_title: bool,
        /// The image a badge link shows (`[![CVPR](…badge/CVPR-2024-blue)](url)`).
        badge: Option<Span>,
    },
    Quote {
        span: Span,
        inner: Span,
    },
    Text(Span),
    Image(Span),
    Html(Span),
}

impl Piece {
    fn span(&self) -> &Span {
        match self {
            Piece::Tag { span, .. }
            | Piece::Emph { span, .. }
            | Piece::Named { span, .. }
            | Piece::Quote { span, .. } => span,
            Piece::Link { link, .. } => &link.span,
            Piece::Text(span) | Piece::Image(span) | Piece::Html(span) => span,
        }
    }
}

/// A piece and where it is.
#[derive(Debug, Clone)]
struct Placed {
    piece: Piece,
    place: Place,
    /// Taken by a role already.
    used: bool,
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
    assign(text, placed, header, vocab)
}

fn is_blank(text: &str, span: &Span) -> bool {
    // Markdown's own whitespace: what lists put between parts.
    text.as_bytes()[span.clone()]
        .iter()
        .all(|b| b.is_ascii_whitespace())
}

/// Where a text that starts with one or two words and a `]` closes its
/// bracket (` Findings]` after `[**ACL'25**`): the offset of the `]`.
fn closing_word(text: &str, next: &Span) -> Option<usize> {
    let written = &text[next.clone()];
    let close = written.find(']')?;
    let words = &written[..close];
    let count = words.split_whitespace().count();
    (words.starts_with(' ')
        && (1..=2).contains(&count)
        && words.chars().all(|c| c.is_alphabetic() || c == ' '))
    .then_some(next.start + close)
}

/// After a bold name at `atoms[at]`, ` (qualifier):`: the offset of the colon.
fn qualified_name_colon(text: &str, atoms: &[Atom], at: usize) -> Option<usize> {
    let name = atoms.get(at)?.span();
    let (Some(Atom::Text(gap)), Some(Atom::Paren { span: paren, .. }), Some(Atom::Text(after))) =
        (atoms.get(at + 1), atoms.get(at + 2), atoms.get(at + 3))
    else {
        return None;
    };
    (gap.start == name.end
        && &text[gap.clone()] == " "
        && paren.start == gap.end
        && after.start == paren.end
        && text[after.clone()].starts_with(':'))
    .then_some(after.start)
}

/// Turns one line's atoms into pieces: wrappers joined to what they wrap.
fn pieces(text: &str, atoms: &[Atom], place: Place, vocab: &Known<'_>, out: &mut Vec<Placed>) {
    let s = text.as_bytes();
    // Pending text, shrunk at its edges as wrappers take characters from it.
    let mut i = 0;
    let push = |piece: Piece, out: &mut Vec<Placed>| {
        out.push(Placed {
            piece,
            place,
            used: false,
        })
    };
    // Text atoms may lend their last character (`[`, `(`) to the next atom
    // and their first (`]`, `)`) to the previous one.
    let mut lent_start: Option<usize> = None;
    while i < atoms.len() {
        let atom = &atoms[i];
        let next_text = match atoms.get(i + 1) {
            Some(Atom::Text(span)) => Some(span.clone()),
            _ => None,
        };
        let prev_ends_with = |c: u8| -> bool {
            matches!(out.last(), Some(Placed { piece: Piece::Text(span), .. }) if span.end == atom.span().start && span.end > span.start && s[span.end - 1] == c)
        };
        let next_starts_with = |c: u8| -> bool {
            next_text
                .as_ref()
                .is_some_and(|span| span.start == atom.span().end && s.get(span.start) == Some(&c))
        };
        match atom {
            Atom::Text(span) => {
                let start = lent_start.take().unwrap_or(span.start).min(span.end);
                if start < span.end {
                    push(Piece::Text(start..span.end), out);
                }
            }
            // `Multi**MAE**: ...`: emphasis inside a word is part of it.
            Atom::Emph { span, .. }
                if matches!(out.last(), Some(Placed { piece: Piece::Text(prev), .. })
                    if prev.end == span.start
                        && prev.end > prev.start
                        && s[prev.end - 1].is_ascii_alphanumeric()) =>
            {
                push(Piece::Text(span.clone()), out);
            }
            Atom::Emph { span, inner, level } => {
                let bracketed = prev_ends_with(b'[') && next_starts_with(b']');
                let parenthesized = prev_ends_with(b'(') && next_starts_with(b')');
                if bracketed || parenthesized {
                    take_last_char(out);
                    lent_start = Some(span.end + 1);
                    let form = match (bracketed, *level) {
                        (true, 1) => Form::Bracket,
                        (true, _) => Form::BracketBold,
                        (false, 1) => Form::ParenEmph,
                        (false, _) => Form::ParenBold,
                    };
                    push(
                        Piece::Tag {
                            span: span.start - 1..span.end + 1,
                            inner: inner.clone(),
                            form,
                        },
                        out,
                    );
                } else if let Some(close) = prev_ends_with(b'[')
                    .then(|| next_text.as_ref().and_then(|t| closing_word(text, t)))
                    .flatten()
                    .filter(|_| next_text.as_ref().is_some_and(|t| t.start == span.end))
                {
                    // `[**NAACL'25** Findings]`: a tag with a word after its
                    // emphasis; the word (the track) goes with it.
                    take_last_char(out);
                    lent_start = Some(close + 1);
                    push(
                        Piece::Tag {
                            span: span.start - 1..close + 1,
                            inner: inner.clone(),
                            form: if *level == 1 {
                                Form::Bracket
                            } else {
                                Form::BracketBold
                            },
                        },
                        out,
                    );
                } else if prev_ends_with(b'[') && *level >= 2 && is_first_content(text, out) {
                    // `[**CVPR 2023** Title`: an opened tag never closed.
                    take_last_char(out);
                    push(
                        Piece::Tag {
                            span: span.start - 1..span.end,
                            inner: inner.clone(),
                            form: Form::BracketBoldOpen,
                        },
                        out,
                    );
                } else if let Some(colon) = (*level >= 2)
                    .then(|| qualified_name_colon(text, atoms, i))
                    .flatten()
                {
                    // `**Codex** (GPT-3): "Title"`: a name, a qualifier of it,
                    // and the colon that ends both.
                    i += 2;
                    lent_start = Some(colon + 1);
                    push(
                        Piece::Named {
                            span: span.start..colon + 1,
                            inner: inner.clone(),
                            form: Form::BoldColon,
                        },
                        out,
                    );
                } else if *level >= 2 && next_starts_with(b':') {
                    lent_start = Some(span.end + 1);
                    push(
                        Piece::Named {
                            span: span.start..span.end + 1,
                            inner: inner.clone(),
                            form: Form::BoldColon,
                        },
                        out,
                    );
                } else if *level >= 2 && text[inner.clone()].trim_end().ends_with(':') {
                    let trimmed = text[inner.clone()].trim_end();
                    push(
                        Piece::Named {
                            span: span.clone(),
                            inner: inner.start..inner.start + trimmed.len() - 1,
                            form: Form::BoldInnerColon,
                        },
                        out,
                    );
                } else if *level >= 2 && {
                    let t = text[inner.clone()].trim();
                    t.starts_with('[')
                        && t.ends_with(']')
                        && t.len() > 2
                        && !t[1..t.len() - 1].contains(['[', ']'])
                } {
                    push(
                        Piece::Named {
                            span: span.clone(),
                            inner: inner.start + 1..inner.end - 1,
                            form: Form::BoldBracket,
                        },
                        out,
                    );
                } else {
                    push(
                        Piece::Emph {
                            span: span.clone(),
                            inner: inner.clone(),
                            level: *level,
                        },
                        out,
                    );
                }
            }
            Atom::Link(link) => {
                let wrapped = prev_ends_with(b'[') && next_starts_with(b']');
                let mut span = link.span.clone();
                if wrapped {
                    take_last_char(out);
                    lent_start = Some(span.end + 1);
                    span = span.start - 1..span.end + 1;
                }
                push(link_piece(text, link, span, wrapped, vocab), out);
            }
            Atom::Image { span, .. } => push(Piece::Image(span.clone()), out),
            Atom::Code { span, inner } => push(
                Piece::Tag {
                    span: span.clone(),
                    inner: inner.clone(),
                    form: Form::Code,
                },
                out,
            ),
            Atom::Bracket { span, inner } => {
                let inner_text = &text[inner.clone()];
                // `[[code]]`, `[[pdf]](coming soon)`: a link markdown does not see.
                let double = inner_text.starts_with('[')
                    && inner_text.ends_with(']')
                    && inner_text.len() >= 2;
                let paren = match atoms.get(i + 1) {
                    Some(Atom::Paren { span: p, inner: pi }) if p.start == span.end => {
                        Some((p.clone(), pi.clone()))
                    }
                    _ => None,
                };
                let label = if double {
                    inner.start + 1..inner.end - 1
                } else {
                    inner.clone()
                };
                let label_text = &text[label.clone()];
                let label_ok = is_label(label_text) && !label_text.trim().is_empty();
                // `[[Paper(https://...)]`: the `](` between label and URL is missing.
                if let Some(open) = inner_text.find("(http")
                    && inner_text[..open].trim_start_matches('[').chars().count() <= 40
                {
                    let label_start =
                        inner.start + (inner_text.len() - inner_text.trim_start_matches('[').len());
                    let url_start = inner.start + open + 1;
                    let url_end = inner.start
                        + inner_text
                            .rfind(')')
                            .filter(|&c| c > open)
                            .unwrap_or(inner_text.len());
                    let label = trim(text, label_start..inner.start + open);
                    // `[[Paper(url)]`: the outer `[` belongs to the link.
                    let mut span = span.clone();
                    if prev_ends_with(b'[') {
                        take_last_char(out);
                        span.start -= 1;
                    }
                    push(
                        Piece::Link {
                            link: Link {
                                span,
                                kind: vocab.labels.kind(&text[label.clone()]),
                                label,
                                url: Some(trim(text, url_start..url_end)),
                                form: Form::Unjoined,
                                place,
                                is_title: false,
                                host: HostKind::Other,
                                to_pdf: false,
                            },
                            style_title: false,
                            badge: None,
                        },
                        out,
                    );
                } else if label_ok && (double || paren.is_some()) {
                    let (span, url) = match &paren {
                        Some((p, pi)) => {
                            i += 1;
                            (span.start..p.end, Some(trim(text, pi.clone())))
                        }
                        None => (span.clone(), None),
                    };
                    push(
                        Piece::Link {
                            link: Link {
                                span,
                                kind: vocab.labels.kind(&text[label.clone()]),
                                label: trim(text, label),
                                url,
                                // `[paper](coming soon)`: text to markdown, too.
                                form: Form::Unlinked,
                                place,
                                is_title: false,
                                host: HostKind::Other,
                                to_pdf: false,
                            },
                            style_title: false,
                            badge: None,
                        },
                        out,
                    );
                } else {
                    // `[** CVPR 2023 **]`: meant bold, though markdown does
                    // not read stars before a space as emphasis.
                    let stars = inner_text.trim();
                    let meant_bold = stars.len() > 4
                        && stars.starts_with("**")
                        && stars.ends_with("**")
                        && !stars.trim_matches([' ', '*']).is_empty();
                    push(
                        Piece::Tag {
                            span: span.clone(),
                            inner: if meant_bold {
                                let lead = inner_text.len()
                                    - inner_text.trim_start_matches([' ', '*']).len();
                                let tail = inner_text.len()
                                    - inner_text.trim_end_matches([' ', '*']).len();
                                inner.start + lead..inner.end - tail
                            } else {
                                inner.clone()
                            },
                            form: if meant_bold {
                                Form::BracketBold
                            } else {
                                Form::Bracket
                            },
                        },
                        out,
                    );
                }
            }
            Atom::Paren { span, inner } => push(
                Piece::Tag {
                    span: span.clone(),
                    inner: inner.clone(),
                    form: Form::Paren,
                },
                out,
            ),
            Atom::Quote { span, inner } => push(
                Piece::Quote {
                    span: span.clone(),
                    inner: inner.clone(),
                },
                out,
            ),
            Atom::Url(span) => push(
                {
                    let label = bare_label(text, span.start, out);
                    Piece::Link {
                        link: Link {
                            span: span.clone(),
                            kind: label.as_ref().map_or(LabelKind::Unknown, |l| {
                                vocab.labels.kind(&text[l.clone()])
                            }),
                            label: label.unwrap_or(span.clone()),
                            url: Some(span.clone()),
                            form: Form::Bare,
                            place,
                            is_title: false,
                            host: HostKind::Other,
                            to_pdf: false,
                        },
                        style_title: false,
                        badge: None,
                    }
                },
                out,
            ),
            Atom::Html(span) => push(Piece::Html(span.clone()), out),
            Atom::Break(_) => {}
        }
        i += 1;
    }
    // Text left empty by wrappers taking its edges is dropped.
    out.retain(|p| !matches!(&p.piece, Piece::Text(span) if span.is_empty()));
}

/// `[paper]` at a line's end and `(https://...)` at the next one's start,
/// or `[[Code]] (https://...)` with a space between: a link broken apart,
/// which markdown reads as texts.
fn join_split_links(text: &str, placed: &mut Vec<Placed>, vocab: &Known<'_>) {
    let mut i = 0;
    while i + 1 < placed.len() {
        // The label: a bracket, or a double bracket no link followed.
        let label_of = |p: &Placed| match &p.piece {
            Piece::Tag {
                form: Form::Bracket,
                span,
                inner,
            } if is_label(&text[inner.clone()]) => Some((span.clone(), inner.clone())),
            Piece::Link { link, .. } if link.form == Form::Unlinked && link.url.is_none() => {
                Some((link.span.clone(), link.label.clone()))
            }
            _ => None,
        };
        let url_of = |p: &Placed| match &p.piece {
            Piece::Tag {
                form: Form::Paren,
                span,
                inner,
            } if text[inner.clone()].trim_start().starts_with("http") => {
                Some((span.clone(), inner.clone()))
            }
            _ => None,
        };
        let Some((span, inner)) = label_of(&placed[i]) else {
            i += 1;
            continue;
        };
        // Next line, or the same line past spaces.
        let (url_at, gap) = if placed[i + 1].place != placed[i].place {
            (i + 1, 0)
        } else if let Piece::Text(between) = &placed[i + 1].piece
            && !between.is_empty()
            && text[between.clone()].bytes().all(|b| b == b' ')
            && placed
                .get(i + 2)
                .is_some_and(|p| p.place == placed[i].place)
        {
            (i + 2, 1)
        } else {
            i += 1;
            continue;
        };
        let Some((end, url)) = url_of(&placed[url_at]) else {
            i += 1;
            continue;
        };
        let label = trim(text, inner.clone());
        let mut whole = span.start..end.end;
        // `[[Paper]⏎(url)]`: the outer brackets belong to the link.
        let (place, end_place) = (placed[i].place, placed[url_at].place);
        if let Some(Placed {
            piece: Piece::Text(before),
            place: p,
            ..
        }) = i.checked_sub(1).and_then(|j| placed.get(j))
            && *p == place
            && before.end == whole.start
            && before.end > before.start
            && text.as_bytes()[before.end - 1] == b'['
            && matches!(placed.get(url_at + 1), Some(Placed { piece: Piece::Text(after), place: q, .. })
                if *q == end_place && after.start == whole.end && text.as_bytes().get(after.start) == Some(&b']'))
        {
            whole = whole.start - 1..whole.end + 1;
        }
        let wrapped = whole.start < span.start;
        let link = Link {
            span: whole,
            kind: vocab.labels.kind(&text[label.clone()]),
            label,
            url: Some(trim(text, url.clone())),
            form: Form::Split,
            place,
            is_title: false,
            host: HostKind::Other,
            to_pdf: false,
        };
        placed[i].piece = Piece::Link {
            link,
            style_title: false,
            badge: None,
        };
        placed.drain(i + 1..=i + 1 + gap);
        if wrapped {
            if let Piece::Text(before) = &mut placed[i - 1].piece {
                before.end -= 1;
            }
            if let Piece::Text(after) = &mut placed[i + 1].piece {
                after.start += 1;
            }
        }
        i += 1;
    }
}

/// Whether nothing but blank text precedes on this line (of this block).
fn is_first_content(text: &str, out: &[Placed]) -> bool {
    let mut rev = out.iter().rev();
    match rev.next() {
        Some(Placed {
            piece: Piece::Text(span),
            ..
        }) => {
            text[span.start..span.end - 1].trim().is_empty()
                && rev.all(|p| {
                    matches!(&p.piece, Piece::Text(s) if text[s.clone()].trim().is_empty())
                        || p.place != out.last().map_or(p.place, |l| l.place)
                })
        }
        _ => false,
    }
}

/// Gives the last text piece's last character to a wrapper.
fn take_last_char(out: &mut [Placed]) {
    if let Some(Placed {
        piece: Piece::Text(span),
        ..
    }) = out.last_mut()
    {
        span.end -= 1;
    }
}

/// The word before a bare address (`Paper: https://...`), as its label.
fn bare_label(text: &str, at: usize, out: &[Placed]) -> Option<Span> {
    let Some(Placed {
        piece: Piece::Text(span),
        ..
    }) = out.last()
    else {
        return None;
    };
    if span.end != at {
        return None;
    }
    let before = text[span.clone()].trim_end();
    let before = before.strip_suffix(':')?;
    let word_start = before
        .rfind(|c: char| !(c.is_alphanumeric() || c == ' ' || c == '-'))
        .map_or(0, |i| i + 1);
    let word = before[word_start..].trim();
    if word.is_empty() || word.len() > 30 {
        return None;
    }
    let start = span.start + before[..].find(word).unwrap_or(word_start);
    Some(start..start + word.len())
}

fn link_piece(text: &str, link: &LinkAtom, span: Span, wrapped: bool, vocab: &Known<'_>) -> Piece {
    let form = match (wrapped, link.style) {
        (_, LabelStyle::Image) => Form::Badge,
        (true, _) => Form::DoubleOutside,
        (false, LabelStyle::Bracketed) => Form::DoubleInside,
        (false, LabelStyle::Bold) => Form::BoldLabel,
        (false, LabelStyle::Plain) if link.auto => Form::Bare,
        (false, LabelStyle::Plain) => Form::Single,
    };
    let label_text = &text[link.text.clone()];
    Piece::Link {
        link: Link {
            span,
            label: link.text.clone(),
            url: link.dest.clone(),
            form,
            place: Place::Line(0),
            is_title: false,
            kind: vocab.labels.kind(label_text),
            host: HostKind::Other,
            to_pdf: false,
        },
        // A bold link (`[**Title**](url)`, `**[Title](url)**`) reads as a title.
        style_title: link.bold || (link.style == LabelStyle::Bold && !is_label(label_text)),
        badge: link.image.clone(),
    }
}

/// The authors, and perhaps the year, that open an entry before its
/// linked title, as citation styles write them (`A. Lee and B. Kim. 2009.
/// [Title](url). *Venue*.`): one plain text that reads as names.
fn authors_lead(text: &str, before: &[Placed]) -> Option<(Span, Option<date::Year>)> {
    authors_lead_as(text, before, false)
}

/// [`authors_lead`]; with `alone`, one name is enough (the comma an IEEE
/// reference writes before its quoted title says it is the authors).
fn authors_lead_as(
    text: &str,
    before: &[Placed],
    alone: bool,
) -> Option<(Span, Option<date::Year>)> {
    let [
        Placed {
            piece: Piece::Text(span),
            ..
        },
    ] = before
    else {
        return None;
    };
    let raw = &text[span.clone()];
    let start = span.start + (raw.len() - raw.trim_start().len());
    let lead = raw.trim();
    let years = date::years(lead);
    let (names, year) = match years.last() {
        Some(year)
            if lead[year.span.end..]
                .trim_matches(['.', ',', ' ', '(', ')'])
                .is_empty() =>
        {
            (
                &lead[..year.span.start],
                Some(shift_year(year.clone(), start)),
            )
        }
        _ => (lead, None),
    };
    let names = names
        .trim_end()
        .trim_end_matches(['.', ',', '('])
        .trim_end();
    // A year after the names says they are names, even one alone (`Franz
    // Josef Och. 2003.`).
    (!names.is_empty() && looks_like_authors(names, year.is_some() || alone))
        .then(|| (start..start + names.len(), year))
}

/// A venue's name without the paper identifier a reference writes after it
/// (`arXiv preprint arXiv:2101.01000`, `CoRR abs/1706.03762`).
fn without_identifier(name: &str) -> &str {
    let Some((before, last)) = name.trim_end().rsplit_once(' ') else {
        return name;
    };
    let lower = last.to_ascii_lowercase();
    let identifier = ["arxiv:", "abs/", "doi:", "10."]
        .iter()
        .any(|prefix| lower.starts_with(prefix) && lower.len() > prefix.len())
        && last.bytes().any(|b| b.is_ascii_digit());
    if identifier { before.trim_end() } else { name }
}

/// A link labelled with its paper's venue and year, as references are
/// (`[Nat Mach Intell 4, 739–748 (2022)](https://doi.org/...)`,
/// `[Chemical Science 12.9 (2021)](...)`): the entry's venue and year,
/// when it has none of its own. The link is its paper link (see
/// [`with_target`] for its kind).
/// The venue and year a shields badge shows (`badge/Conference-ICML'23-blue`,
/// `badge/CVPR-2024-blue`, `badge/NeurIPS%202024-blue`), when its name is a
/// venue the vocabulary knows. Its spans point into the badge's URL; the
/// form `Badge` keeps rules from rewriting it there.
fn badge_venue(
    text: &str,
    src: &Span,
    span: Span,
    place: Place,
    vocab: &Known<'_>,
) -> Option<Venue> {
    let url = &text[src.clone()];
    let at = url.find("/badge/")? + "/badge/".len();
    let end = url[at..].find(['?', '#']).map_or(url.len(), |i| at + i);
    let path = &url[at..end];
    let path = path
        .strip_suffix(".svg")
        .or_else(|| path.strip_suffix(".png"))
        .unwrap_or(path);
    // Segments at a lone `-` (shields writes a literal dash as `--`).
    let b = path.as_bytes();
    let mut segments = Vec::new();
    let (mut start, mut i) = (0, 0);
    while i < b.len() {
        if b[i] == b'-' {
            if b.get(i + 1) == Some(&b'-') {
                i += 2;
                continue;
            }
            segments.push(start..i);
            start = i + 1;
        }
        i += 1;
    }
    segments.push(start..b.len());
    // The last segment is the colour.
    let content = &segments[..segments.len().saturating_sub(1)];
    let mut candidates: Vec<Span> = content.last().cloned().into_iter().collect();
    if let [.., label, message] = content {
        candidates.push(label.start..message.end);
    }
    for region in candidates {
        // Spaces written `%20` or `_`, and the dash between label and
        // message, decoded to spaces of the same width: spans stay true.
        let decoded: String = path[region.clone()]
            .replace("%20", "   ")
            .chars()
            .map(|c| if c == '_' || c == '-' { ' ' } else { c })
            .collect();
        if decoded.len() != region.len() {
            continue;
        }
        if let TagMeaning::Venue(split) = tag_meaning(&decoded, vocab)
            && !split.years.is_empty()
        {
            let name = &decoded[split.name.clone()];
            if !is_known_venue(name, vocab) {
                continue;
            }
            let base = src.start + at + region.start;
            return Some(Venue::split_at(
                split,
                base,
                span,
                base..base + region.len(),
                Form::Badge,
                place,
            ));
        }
    }
    None
}

/// A link in a table's venue column (`| [TGRS2022](…) |`): its label is the
/// venue, whatever it links; the link stays the entry's link.
fn venue_of_column_link(text: &str, r: &mut Reading, link: &Link, vocab: &Known<'_>) {
    if r.venue.is_some() {
        return;
    }
    let label = trim(text, link.label.clone());
    let written = &text[label.clone()];
    if written.is_empty() || written.len() > 120 {
        return;
    }
    let mut split = date::split_venue(written);
    if split.name.is_empty() {
        return;
    }
    // `[cvpr21](…)`: a known venue with its two-digit year glued on.
    if split.years.is_empty()
        && let Some(glued) = glued_short_year(written, &split, vocab)
    {
        split = glued;
    }
    r.venue = Some(Venue::split_at(
        split,
        label.start,
        link.span.clone(),
        label.clone(),
        Form::Linked,
        link.place,
    ));
}

/// A paper link labelled with its venue: `[Nat Mach Intell 4, 739–748
/// (2022)](https://doi.org/…)` anywhere, or `[[CVPR](…)] Title` before the
/// title, where a list whose sections give the years names only the venue.
fn venue_in_label(text: &str, r: &mut Reading, link: &Link, before_title: bool, vocab: &Known<'_>) {
    if link.is_title || !(link.host == HostKind::Paper || link.to_pdf) {
        return;
    }
    let label = trim(text, link.label.clone());
    let written = &text[label.clone()];
    let split = date::split_venue(written);
    let Some(year) = split.years.last().cloned() else {
        if before_title
            && r.venue.is_none()
            && split.name == (0..written.len())
            && is_known_venue(written, vocab)
        {
            r.venue = Some(Venue {
                span: link.span.clone(),
                inner: label.clone(),
                name: label,
                years: Vec::new(),
                form: Form::Linked,
                place: link.place,
            });
        }
        return;
    };
    // Only numbers between the name and the year (volume, issue, pages,
    // an article number like `e1608`): `chemrxiv-2024-gzq4r (2024)` is an
    // identifier, not a venue.
    let numbers = written[split.name.end..year.date.start]
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '(' | ')' | ':' | ';'))
        .filter(|w| !w.is_empty())
        .all(|w| {
            let digits = w.trim_start_matches(|c: char| c.is_ascii_alphabetic());
            w.len() - digits.len() <= 1 && !digits.chars().any(char::is_alphabetic)
        });
    if !numbers {
        return;
    }
    // The venue's name, without the volume, issue, pages and article
    // number after it (`12, e1608`).
    let mut name = written[split.name.clone()].trim_end();
    loop {
        let trimmed = name.trim_end_matches(|c: char| {
            c.is_whitespace() || matches!(c, ',' | ':' | '(' | ')' | '-' | '–' | ';')
        });
        let word_start = trimmed
            .rfind(|c: char| c.is_whitespace() || c == ',')
            .map_or(0, |i| i + 1);
        let word = &trimmed[word_start..];
        let digits = word.trim_start_matches(|c: char| c.is_ascii_alphabetic());
        let number = !digits.is_empty()
            && word.len() - digits.len() <= 1
            && digits
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '–'));
        if !number || word_start == 0 {
            name = trimmed;
            break;
        }
        name = &trimmed[..word_start];
    }
    if name.is_empty() || !is_known_venue(name, vocab) {
        return;
    }
    let at = label.start + split.name.start;
    let year = shift_year(year, label.start);
    if r.venue.is_none() {
        r.venue = Some(Venue {
            span: link.span.clone(),
            inner: label,
            name: at..at + name.len(),
            years: vec![year],
            form: Form::Linked,
            place: link.place,
        });
    } else if r.dates.is_empty() && r.venue.as_ref().is_some_and(|v| v.years.is_empty()) {
        r.dates.push(DatePart {
            span: year.span.clone(),
            inner: year.date.clone(),
            year,
            form: Form::Linked,
            place: link.place,
        });
    }
}

/// The authors and year that open an entry, read by [`authors_lead`].
fn take_lead(r: &mut Reading, names: Span, year: Option<date::Year>, place: Place) {
    r.authors = Some(Authors {
        span: names.clone(),
        inner: names,
        form: Form::Plain,
        place,
    });
    if let Some(year) = year {
        r.dates.push(DatePart {
            span: year.span.clone(),
            inner: year.date.clone(),
            year,
            form: Form::Plain,
            place,
        });
    }
}

/// A title without the document-type mark that references in the GB/T 7714
/// style end it with (`Title[J]`, `Title[C]`): the mark says journal or
/// conference paper, and is not part of the title.
fn without_type_mark(text: &str, title: Span) -> Span {
    let written = &text[title.clone()];
    let Some(rest) = written.strip_suffix(']') else {
        return title;
    };
    let Some(open) = rest.rfind('[') else {
        return title;
    };
    if !is_one_of(&rest[open + 1..], &words().tags.citation_types) {
        return title;
    }
    let kept = written[..open].trim_end();
    if kept.is_empty() {
        return title;
    }
    title.start..title.start + kept.len()
}

/// Text that is only decoration: punctuation, symbols and emoji
/// shortcodes (`:star:`, `:fire: -`).
fn is_decoration(text: &str) -> bool {
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if c == ':'
            && let Some(end) = rest[1..].find(':')
            && end > 0
            && rest[1..1 + end].bytes().all(|b| {
                b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'_' | b'+' | b'-')
            })
        {
            rest = &rest[end + 2..];
            continue;
        }
        if c.is_alphanumeric() {
            return false;
        }
        rest = &rest[c.len_utf8()..];
    }
    true
}

/// A title without the quotes a list puts inside its emphasis
/// (`**"Title"**`): they mark the title, as the emphasis does.
fn without_quotes(text: &str, title: Span) -> Span {
    let written = &text[title.clone()];
    for (open, close) in [('"', '"'), ('“', '”')] {
        if let Some(inner) = written
            .strip_prefix(open)
            .and_then(|rest| rest.strip_suffix(close))
            && !inner.contains(open)
            && !inner.trim().is_empty()
        {
            let start = title.start + open.len_utf8();
            return trim(text, start..start + inner.len());
        }
    }
    title
}

/// A link label is short and one line: `pdf`, `Paper`, `project page`, `🤗 Dataset`.
pub(super) fn is_label(label: &str) -> bool {
    let label = label.trim();
    // A run of spaces counts once, so that collapsing doubled spaces (a
    // `spacing` fix) never turns title text into a label. One pass, out at
    // the first sign of a title.
    let mut len = 0;
    let mut words = 0;
    let mut prev_space = true;
    for c in label.chars() {
        if matches!(c, '[' | ']' | '\n' | '\r') {
            return false;
        }
        let space = c == ' ' || c == '\t';
        if !(space && prev_space) {
            len += 1;
        }
        if !space && prev_space {
            words += 1;
        }
        if len > 40 || words > 4 {
            return false;
        }
        prev_space = space;
    }
    true
}

/// Whether a link's text reads as a title rather than a label.
fn is_title_text(label: &str, vocab: &Known<'_>) -> bool {
    let label = label.trim();
    if vocab.labels.is_known(label) {
        return false;
    }
    let words = label.split_whitespace().count();
    words >= 4 || (words >= 2 && label.chars().count() >= 24) || (label.contains(':') && words >= 2)
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
        c.is_whitespace() || matches!(c, ',' | '|' | ';' | '-' | '–' | '—' | ':' | '·' | '&')
    };
    let t = &text[span.clone()];
    let start = t.len() - t.trim_start_matches(is_sep).len();
    // An opening bracket at the end opens what follows (`Title. [**cls.**]`).
    let end = t
        .trim_end_matches(|c: char| (is_sep(c) && c != ':') || matches!(c, '[' | '(' | '{' | '\\'))
        .len();
    if start >= end {
        return span.start + start..span.start + start;
    }
    span.start + start..span.start + end
}

/// A word a list puts beside a venue (`Oral`, `Spotlight`), never a name.
fn is_qualifier(text: &str) -> bool {
    is_one_of(text.trim(), &words().tags.qualifiers)
}

/// What a tag's text says it is.
enum TagMeaning {
    Venue(date::VenueText),
    Date(date::Year),
    /// A known venue's name without a year (or with a broken one: `NeurIPS 202`).
    VenueOnly(Span),
    Other,
}

fn tag_meaning(text: &str, vocab: &Known<'_>) -> TagMeaning {
    tag_meaning_for(text, vocab, true)
}

/// [`tag_meaning`]; without `want_venue`, a yearless text is not looked up
/// among the vocab (the entry has its venue already).
fn tag_meaning_for(text: &str, vocab: &Known<'_>, want_venue: bool) -> TagMeaning {
    let t = text.trim();
    // A link inside (`[Yang Hong](https://hy1995.top/), …`) makes it no
    // tag: its URL's digits are no year.
    if t.is_empty() || t.len() > 120 || t.contains("](") {
        return TagMeaning::Other;
    }
    let split = date::split_venue(t);
    if let Some(first) = split.years.first() {
        let name = &t[split.name.clone()];
        // A date alone (`Sep., 2022`, `2023`, `2023-07-01`, `27th Jan., 2023`).
        if name.is_empty()
            || name.chars().all(|c| !c.is_alphabetic())
            || date::is_day_and_month(name)
        {
            return TagMeaning::Date(first.clone());
        }
        // Text like a sentence with a year in it is not a venue tag.
        if name.split_whitespace().count() > 12 {
            return TagMeaning::Other;
        }
        return TagMeaning::Venue(split);
    }
    let name = &t[split.name.clone()];
    if want_venue && let Some(glued) = glued_short_year(t, &split, vocab) {
        return TagMeaning::Venue(glued);
    }
    if want_venue && !name.is_empty() && is_known_venue(name, vocab) {
        let offset = text.len() - text.trim_start().len();
        return TagMeaning::VenueOnly(split.name.start + offset..split.name.end + offset);
    }
    TagMeaning::Other
}

/// `EMNLP 18.` in plain text: a known venue, a space and two digits is that
/// venue and its short year, written without the apostrophe (`'18`) that
/// would say so. (In a tag, `[CVPR 24]` is a broken year: the tag's own
/// shape says a year goes there.)
fn spaced_short_year(t: &str, vocab: &Known<'_>) -> Option<date::VenueText> {
    let trimmed = t.trim_end_matches(['.', ',', ';', ')']);
    let (name, digits) = trimmed.rsplit_once(' ')?;
    if digits.len() != 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let name_trimmed = name.trim_end();
    let lead = name.len() - name.trim_start().len();
    // A conference's acronym (`EMNLP`), not a journal whose number after
    // it is a volume (`IEEE Access 12`), and a plausible year.
    let acronym = !name_trimmed.trim_start().contains(char::is_whitespace)
        && name_trimmed
            .chars()
            .filter(char::is_ascii_uppercase)
            .count()
            >= 2;
    let yy = digits.parse::<u16>().ok()?;
    if !acronym || !(yy <= 30 || yy >= 90) || !is_known_venue(name_trimmed, vocab) {
        return None;
    }
    let at = trimmed.len() - 2;
    Some(date::VenueText {
        name: lead..name_trimmed.len(),
        years: vec![date::Year {
            value: if yy >= 70 { 1900 + yy } else { 2000 + yy },
            month: None,
            span: at..at + 2,
            form: date::YearForm::Short,
            date: at..at + 2,
        }],
    })
}

/// `ECCV24`: a known venue with two digits glued to it is that venue and
/// its short year. Only a known name: `GPT4` and `ResNet50` are no venues.
fn glued_short_year(
    t: &str,
    split: &date::VenueText,
    vocab: &Known<'_>,
) -> Option<date::VenueText> {
    let name = &t[split.name.clone()];
    let b = name.as_bytes();
    let n = b.len();
    if n < 4
        || !b[n - 2..].iter().all(u8::is_ascii_digit)
        || !b[n - 3].is_ascii_alphabetic()
        || !is_known_venue(&name[..n - 2], vocab)
    {
        return None;
    }
    let yy = u16::from(b[n - 2] - b'0') * 10 + u16::from(b[n - 1] - b'0');
    let end = split.name.end;
    Some(date::VenueText {
        name: split.name.start..end - 2,
        years: vec![date::Year {
            value: if yy >= 70 { 1900 + yy } else { 2000 + yy },
            month: None,
            span: end - 2..end,
            form: date::YearForm::Short,
            date: end - 2..end,
        }],
    })
}

fn is_known_venue(name: &str, vocab: &Known<'_>) -> bool {
    vocab.venues.recognizes(name.trim())
}

/// Text with its markdown links written as their labels: an author line
/// that links its authors' homepages (`[Yang Hong](https://…), Peng Bo`)
/// reads as the names.
fn link_labels(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains("](") {
        return std::borrow::Cow::Borrowed(text);
    }
    // Each `](url)` goes, and the brackets with it; a label whose `[` was
    // forgotten (`Divi Schmidt](…)`) reads as a name all the same.
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(close) = rest.find("](") {
        out.push_str(&rest[..close]);
        match rest[close..].find(')') {
            Some(end) => rest = &rest[close + end + 1..],
            None => {
                rest = "";
                break;
            }
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out.replace('[', ""))
}

/// Whether text reads as a list of authors: `Yu et al.`, `A. Lee, B. Kim
/// and C. Wu`, and, when `alone` (on a line of its own, or in italics), a
/// single `Firstname Lastname`.
pub(super) fn looks_like_authors(text: &str, alone: bool) -> bool {
    let t = text.trim().trim_end_matches(['.', ',', ';']);
    if t.is_empty() || t.len() > 2000 || t.contains([':', '"', '?', '!']) {
        return false;
    }
    let lower = t.to_lowercase();
    if lower.contains("et al") {
        return true;
    }
    let names: Vec<&str> = t
        .split([',', '&', ';'])
        .flat_map(|p| p.split(" and "))
        .map(str::trim)
        .filter(|p| !p.is_empty() && *p != "and")
        .collect();
    if names.len() < 2 && !alone {
        return false;
    }
    let particles = [
        "de", "van", "von", "der", "den", "la", "le", "di", "da", "du", "del", "dos", "bin", "al",
    ];
    let name_like = |name: &str| {
        let words: Vec<&str> = name.split_whitespace().collect();
        (1..=5).contains(&words.len())
            && words.iter().all(|w| {
                let first = w.chars().next().unwrap_or(' ');
                (first.is_uppercase() || !first.is_ascii() || particles.contains(w))
                    && w.chars().count() <= 25
                    && !w.chars().any(|c| c.is_ascii_digit())
            })
    };
    let good = names.iter().filter(|n| name_like(n)).count();
    if names.len() == 1 {
        let words = names[0].split_whitespace().count();
        return good == 1 && (2..=4).contains(&words);
    }
    good * 10 >= names.len() * 8
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
        // A name column's text is the short name (`| **Major TOM** |`).
        if col.is_some_and(is_name_column)
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
            Piece::Image(span) | Piece::Html(span) => r.notes.push(span),
            // `**[CVPR 2019]**`: the bold-bracket form that names a paper
            // elsewhere holds a venue and its year here; what it holds
            // decides, not the markup.
            Piece::Named {
                span,
                inner,
                form: Form::BoldBracket,
            } if r.venue.is_none()
                && matches!(
                    tag_meaning_for(&text[inner.clone()], vocab, true),
                    TagMeaning::Venue(ref split) if !split.years.is_empty()
                ) =>
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
                if r.name.is_none() {
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
                        && looks_like_authors(&link_labels(content), true)
                        && !before_title =>
                    {
                        r.authors = Some(Authors {
                            span,
                            inner: trim(text, inner),
                            form: if level == 1 { Form::Emph } else { Form::Bold },
                            place,
                        });
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
    if let Some(title) = &mut r.title {
        title.prefix = title_prefix(&text[title.inner.clone()]).map(|(offset, name)| {
            title.inner.start + offset..title.inner.start + offset + name.len()
        });
    }
    r
}

/// The name a title gives itself: a name-like first word followed by `: `,
/// without emphasis (`**MedKLIP**: ...`). Returns its offset in the title.
pub(crate) fn title_prefix(title: &str) -> Option<(usize, &str)> {
    let colon = memchr::memchr(b':', title.as_bytes())?;
    let (prefix, rest) = (&title[..colon], &title[colon + 1..]);
    if !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
        return None;
    }
    let markup = |c: char| matches!(c, '*' | '_' | '`');
    let name = prefix.trim_start_matches(markup);
    let offset = prefix.len() - name.len();
    let name = name.trim_end_matches(markup);
    let looks_like_name = !name.is_empty()
        && name.len() <= 160
        && name.chars().count() <= 40
        && !name.contains(char::is_whitespace)
        && (name.chars().skip(1).any(char::is_uppercase)
            || name.contains(|c: char| c.is_ascii_digit() || c == '-'));
    looks_like_name.then_some((offset, name))
}

/// A short name: one word (or two) with a capital after its first letter,
/// a digit or a hyphen (`MedKLIP`, `K-Diag`, `RT-2`, `Generative Agents`).
fn is_name_like(text: &str) -> bool {
    let t = text.trim();
    let words = t.split_whitespace().count();
    (1..=3).contains(&words) && t.chars().count() <= 40 && !t.ends_with('.')
}

/// A tag: a venue, a date, a name, or a note.
#[allow(clippy::too_many_arguments)]
fn tag(
    text: &str,
    r: &mut Reading,
    span: Span,
    inner: Span,
    form: Form,
    place: Place,
    before_title: bool,
    vocab: &Known<'_>,
    column: Option<&str>,
) {
    let inner = trim(text, inner);
    let content = &text[inner.clone()];
    let shift = |s: Span| inner.start + s.start..inner.start + s.end;
    let mut meaning = tag_meaning_for(content, vocab, r.venue.is_none());
    // A second venue-like tag before the title is the name (`[**N2022**]`).
    if matches!(meaning, TagMeaning::Venue(_) | TagMeaning::VenueOnly(_))
        && r.venue.is_some()
        && r.name.is_none()
        && before_title
        && matches!(form, Form::BracketBold | Form::Bracket)
        && is_name_like(content)
    {
        meaning = TagMeaning::Other;
    }
    match meaning {
        TagMeaning::Venue(split)
            if r.venue.is_none() && column.is_none_or(|c| !is_date_column(c)) =>
        {
            r.venue = Some(Venue {
                span,
                inner: inner.clone(),
                name: shift(split.name.clone()),
                years: split
                    .years
                    .into_iter()
                    .map(|mut y| {
                        y.span = shift(y.span);
                        y.date = shift(y.date);
                        y
                    })
                    .collect(),
                form,
                place,
            });
        }
        TagMeaning::Date(mut year) => {
            year.span = shift(year.span);
            year.date = shift(year.date);
            r.dates.push(DatePart {
                span,
                inner,
                year,
                form,
                place,
            });
        }
        TagMeaning::VenueOnly(name) if r.venue.is_none() => {
            r.venue = Some(Venue {
                span,
                name: shift(name),
                inner,
                years: Vec::new(),
                form,
                place,
            });
        }
        TagMeaning::Other
            if r.name.is_none()
                && matches!(form, Form::BracketBold | Form::Bracket)
                && before_title
                && is_name_like(content)
                && !is_qualifier(content) =>
        {
            r.name = Some(Name {
                span,
                inner,
                form,
                place,
            });
        }
        // `[**CVPR 2023** Title`: a venue tag that was never closed.
        TagMeaning::Other if form == Form::BracketBoldOpen && r.venue.is_none() => {
            r.venue = Some(Venue {
                span,
                name: inner.clone(),
                inner,
                years: Vec::new(),
                form,
                place,
            });
        }
        _ if column.is_some_and(is_venue_column) && r.venue.is_none() && !content.is_empty() => {
            r.venue = Some(Venue {
                span,
                name: inner.clone(),
                inner,
                years: Vec::new(),
                form,
                place,
            });
        }
        _ => r.notes.push(span),
    }
}

fn is_venue_column(name: &str) -> bool {
    words()
        .columns
        .venue
        .iter()
        .any(|c| name.starts_with(c.as_str()))
}

fn is_date_column(name: &str) -> bool {
    words()
        .columns
        .date
        .iter()
        .any(|c| name.starts_with(c.as_str()))
}

/// A column of short names (`Abbreviation`, `Method`).
fn is_name_column(name: &str) -> bool {
    words().columns.name.iter().any(|c| c == name)
}

/// A column of notes (`Keywords`, `Description`): what it holds is about
/// the paper, never its title, authors or venue.
fn is_notes_column(name: &str) -> bool {
    let notes = &words().columns.notes;
    name.split(|c: char| !c.is_alphanumeric())
        .any(|w| notes.iter().any(|n| n == w))
}

/// Of a header's columns, the one that holds the venue: the first named by
/// the likeliest word (`Publication` before `Source`, which may name where a
/// dataset's images come from).
fn venue_column(header: &[String]) -> Option<usize> {
    words()
        .columns
        .venue
        .iter()
        .find_map(|word| header.iter().position(|h| h.starts_with(word.as_str())))
}

/// The header's title column, if it has one: a header with the word
/// `title` first, then by the order of the vocabulary's words (`Paper`
/// before `Name`, which may name the method).
fn title_column(header: &[String]) -> Option<u8> {
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

fn is_title_column(name: &str) -> bool {
    // `Paper Title and Paper Interpretation (In Chinese)`: a title column
    // by its word for it, whatever else the header says.
    words().columns.title.iter().any(|c| c == name)
        || name
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w == "title")
}

/// Picks the title: a quoted title, a long link text at the start, a bold
/// text at the start, or the plain text after the leading tags.
fn choose_title(
    text: &str,
    placed: &mut [Placed],
    r: &mut Reading,
    header: &[String],
    venue_col: Option<usize>,
    vocab: &Known<'_>,
) {
    let first_place = placed
        .iter()
        .find(|p| !matches!(&p.piece, Piece::Text(s) if is_blank(text, s)))
        .map(|p| p.place);
    let Some(first_place) = first_place else {
        return;
    };
    let is_row = matches!(first_place, Place::Column(_));
    // A table with a title column has its title there, not in a name or
    // dataset column beside it (`|**Cross-Scale MAE**|**Cross-Scale MAE: A
    // Tale of…**|`).
    let title_col = if is_row { title_column(header) } else { None };
    let outside_title_col = |place: Place| title_col.is_some_and(|t| place != Place::Column(t));
    // Only pieces that may precede a title: tags, names, images, emoji.
    let leading = |placed: &[Placed], upto: usize| {
        placed[..upto].iter().all(|p| match &p.piece {
            Piece::Tag { .. } | Piece::Named { .. } | Piece::Image(_) | Piece::Html(_) => true,
            // Badges before the title (`[![Star](…)](repo) [![Publish](…)]()`).
            Piece::Link { link, .. } => link.form == Form::Badge,
            Piece::Text(s) => is_decoration(&text[s.clone()]),
            Piece::Emph { inner, level, .. } => *level >= 2 && is_name_like(&text[inner.clone()]),
            _ => false,
        })
    };

    // 1. A link whose text is a title, at the start of its line (or cell).
    for i in 0..placed.len() {
        let Piece::Link {
            link, style_title, ..
        } = &placed[i].piece
        else {
            continue;
        };
        let label = &text[link.label.clone()];
        if !(is_title_text(label, vocab) || *style_title) {
            continue;
        }
        let (mut link, style_title) = (link.clone(), *style_title);
        let place = placed[i].place;
        // A link in the venue column names the venue (`[TGRS2022](…)`).
        let in_venue_col = matches!(place, Place::Column(c) if venue_col == Some(c as usize));
        if outside_title_col(place) || in_venue_col {
            continue;
        }
        let line_start = placed.iter().position(|p| p.place == place).unwrap_or(0);
        let first = is_row || place == first_place;
        let lead = if leading(&placed[line_start..], i - line_start) {
            None
        } else {
            match authors_lead(text, &placed[line_start..i]) {
                Some(lead) => Some(lead),
                None => continue,
            }
        };
        if !first {
            continue;
        }
        if let Some((names, year)) = lead {
            take_lead(r, names, year, place);
            placed[line_start].used = true;
        }
        let bold = matches!(link.form, Form::BoldLabel) || style_title;
        link.is_title = true;
        link.place = place;
        r.title = Some(Title {
            span: link.span.clone(),
            inner: trim(text, link.label.clone()),
            form: if bold { Form::LinkedBold } else { Form::Linked },
            place,
            prefix: None,
        });
        r.links.push(with_target(text, link, vocab));
        placed[i].used = true;
        return;
    }

    // 2. A quoted title on the first two lines, with nothing but tags and
    // names before it on its line (`Don't Just Chase "Highlighted Tokens"
    // in MLLMs` quotes inside a plain title).
    for i in 0..placed.len() {
        let place = placed[i].place;
        let in_reach = match place {
            Place::Line(n) => n <= 1,
            Place::Column(_) => true,
            Place::SubItem => false,
        };
        if !in_reach || !matches!(placed[i].piece, Piece::Quote { .. }) || outside_title_col(place)
        {
            continue;
        }
        let line_start = placed.iter().position(|p| p.place == place).unwrap_or(0);
        // Or after the authors, as IEEE references write them (`J. Smith
        // and A. Doe, "Title," *Venue*, 2021.`).
        let lead = if leading(&placed[line_start..], i - line_start) {
            None
        } else {
            let comma_before = matches!(
                &placed[i - 1].piece,
                Piece::Text(t) if text[t.clone()].trim_end().ends_with(',')
            );
            match authors_lead_as(text, &placed[line_start..i], comma_before) {
                Some(lead) => Some(lead),
                None => continue,
            }
        };
        // `"Do Anything Now": Characterizing ...`: a quoted phrase that
        // opens a plain title, which goes on after its colon (step 4).
        if lead.is_none() && quote_opens_title(text, placed, i) {
            continue;
        }
        if let Piece::Quote { span, inner } = &placed[i].piece
            && text[inner.clone()].split_whitespace().count() >= 2
        {
            // The comma or period IEEE puts inside the quotes ends the title.
            let inner = trim(text, inner.clone());
            let kept = text[inner.clone()].trim_end_matches([',', '.', ' ']).len();
            r.title = Some(Title {
                span: span.clone(),
                inner: inner.start..inner.start + kept.max(1).min(inner.len()),
                form: Form::Quoted,
                place,
                prefix: None,
            });
            placed[i].used = true;
            if let Some((names, year)) = lead {
                take_lead(r, names, year, place);
                placed[line_start].used = true;
            }
            return;
        }
    }

    // 2b. A reference in the APA style: the authors, the year in
    // parentheses, then the title as a sentence of its own (`Smith, J., &
    // Doe, A. (2021). Title of the paper. *Venue*, 3(4), 1-9.`).
    if let Some(title) = apa_title(text, placed, first_place) {
        let (authors, paren, title) = title;
        take_lead(r, authors, None, first_place);
        placed[paren - 1].used = true;
        placed[paren + 1].used = true;
        r.title = Some(Title {
            span: title.clone(),
            inner: title,
            form: Form::Plain,
            place: first_place,
            prefix: None,
        });
        return;
    }

    // 3. Bold text at the start (`**Title.**`), or in a title column.
    for i in 0..placed.len() {
        let place = placed[i].place;
        let col_is_title = match place {
            Place::Column(c) => header.get(c as usize).is_some_and(|h| is_title_column(h)),
            _ => false,
        };
        if (place != first_place && !col_is_title) || outside_title_col(place) {
            continue;
        }
        let (span, inner, level) = match &placed[i].piece {
            Piece::Emph { span, inner, level } => (span.clone(), inner.clone(), *level),
            _ => continue,
        };
        let (span, inner, level) = (&span, &inner, &level);
        let content = text[inner.clone()].trim();
        // One bold word is a name, unless it ends a sentence like the titles
        // of `**Title.**` lists do (`**MIMIC-CXR-annotations.**`): names never do.
        if *level < 2
            || content.split_whitespace().count() < 2 && !col_is_title && !content.ends_with('.')
        {
            continue;
        }
        let line_start = placed.iter().position(|p| p.place == place).unwrap_or(0);
        // At the start, or after the authors as references write them
        // (`Yu K, Qin X, et al. <b>Title[J]</b>. Sensors, 2021.`).
        // A GB/T type mark (`Title[C]`) says this is a reference's title:
        // one author before it is enough (`James J Q. <b>Title[C]</b>`).
        let typed = {
            let inner = trim(text, inner.clone());
            without_type_mark(text, inner.clone()) != inner
        };
        let lead = if leading(&placed[line_start..], i - line_start) {
            None
        } else {
            match authors_lead_as(text, &placed[line_start..i], typed) {
                Some(lead) => Some(lead),
                None => break,
            }
        };
        // `**Internist.ai 7b** Impact of high-quality data...`: a short bold
        // text followed by a longer plain one names the paper; the plain
        // text is the title.
        let words = content.split_whitespace().count();
        let plain_after: usize = placed[i + 1..]
            .iter()
            .take_while(|p| p.place == place && matches!(p.piece, Piece::Text(_)))
            .map(|p| text[p.piece.span().clone()].split_whitespace().count())
            .sum();
        // The plain text goes on from the bold one (`**Name** Impact of`),
        // not after a separator that ends it (`<b>Title[C]</b>//Venue`,
        // `**Title**. Venue`).
        let goes_on = matches!(
            placed.get(i + 1),
            Some(Placed { piece: Piece::Text(next), .. })
                if text[next.clone()].trim_start().starts_with(char::is_alphanumeric)
        );
        if words < 4 && plain_after >= 3 && goes_on && !col_is_title {
            break;
        }
        if let Some((names, year)) = lead {
            take_lead(r, names, year, place);
            placed[line_start].used = true;
        }
        // `**Egocentric Video** Task Translation, [[Paper]]`: bold words that
        // a plain title goes on from are a highlight inside the title.
        if goes_on
            && !col_is_title
            && !content.ends_with(['.', ':', '?', '!'])
            && let Some(end) = title_goes_on(text, placed, i, place, vocab)
        {
            let title = span.start..end;
            r.title = Some(Title {
                span: title.clone(),
                inner: title,
                form: Form::Plain,
                place,
                prefix: None,
            });
            return;
        }
        // `**Name**` followed by a quoted title is a name (checked above).
        r.title = Some(Title {
            span: span.clone(),
            inner: without_quotes(text, without_type_mark(text, trim(text, inner.clone()))),
            form: if *level == 3 {
                Form::BoldEmph
            } else {
                Form::Bold
            },
            place,
            prefix: None,
        });
        placed[i].used = true;
        return;
    }

    // 4. Plain text after the leading tags, up to the first link or tag.
    let place = if is_row {
        // The title column's text, or the first cell's.
        placed
            .iter()
            .map(|p| p.place)
            .find(|&pl| matches!(pl, Place::Column(c) if header.get(c as usize).is_some_and(|h| is_title_column(h))))
            .unwrap_or(first_place)
    } else {
        first_place
    };
    let mut start = None;
    let mut end = 0;
    let mut pieces_used = Vec::new();
    for (i, p) in placed.iter().enumerate() {
        if p.place != place {
            if start.is_some() {
                break;
            }
            continue;
        }
        match &p.piece {
            Piece::Text(span) => {
                if start.is_none() && text[span.clone()].chars().all(|c| !c.is_alphanumeric()) {
                    continue;
                }
                start.get_or_insert(span.start);
                end = span.end;
                pieces_used.push(i);
            }
            Piece::Quote { span, .. } if start.is_none() && quote_opens_title(text, placed, i) => {
                start = Some(span.start);
                end = span.end;
                pieces_used.push(i);
            }
            // Italic words, code, parentheses and quoted words inside a
            // plain title.
            Piece::Emph { span, level: 1, .. }
            | Piece::Quote { span, .. }
            | Piece::Tag {
                span,
                form: Form::Code | Form::Paren,
                ..
            } if start.is_some() => {
                end = span.end;
                pieces_used.push(i);
            }
            // A bold keyword inside a plain title (`Attention Networks for
            // **Shape Reconstruction** in Function Space`): words go on after
            // it on the line, or it ends the title before the list's
            // separator (`Transformers for **Semantic Segmentation**, [[Paper]]`),
            // unless it says what a tag says (`**Oral**`, a venue, a date).
            Piece::Emph { span, inner, .. }
                if start.is_some()
                    && matches!(
                        placed.get(i + 1),
                        Some(Placed { piece: Piece::Text(next), place: q, .. })
                            if *q == place && {
                                let after = &text[next.clone()];
                                let words_go_on = after
                                    .split([',', '|', ';'])
                                    .next()
                                    .is_some_and(|w| w.chars().any(char::is_alphanumeric));
                                let content = &text[inner.clone()];
                                let ends_title = after.trim_start().starts_with([',', '|', ';'])
                                    && !is_qualifier(content)
                                    && matches!(tag_meaning(content, vocab), TagMeaning::Other);
                                words_go_on || ends_title
                            }
                    ) =>
            {
                end = span.end;
                pieces_used.push(i);
            }
            Piece::Tag { .. }
            | Piece::Named { .. }
            | Piece::Image(_)
            | Piece::Html(_)
            | Piece::Emph { .. }
                if start.is_none() => {}
            _ => {
                if start.is_some() {
                    break;
                }
            }
        }
    }
    let Some(start) = start else {
        return;
    };
    // Trailing pieces that are a venue or date are not the title.
    while let Some(&last) = pieces_used.last() {
        if let Piece::Tag {
            inner,
            form: Form::Paren | Form::Code,
            ..
        } = &placed[last].piece
            && !matches!(tag_meaning(&text[inner.clone()], vocab), TagMeaning::Other)
        {
            pieces_used.pop();
            end = pieces_used
                .last()
                .map_or(start, |&i| placed[i].piece.span().end);
            continue;
        }
        break;
    }
    let span = trim_separators(text, start..end);
    if span.is_empty() || !text[span.clone()].chars().any(char::is_alphabetic) {
        return;
    }
    // The text may open with the year and venue (`2016-KBS - Title`) ...
    let (title_start, lead) = split_lead(text, span.clone(), vocab);
    if let Some(lead) = lead {
        push_tail(text, r, lead, place);
    }
    let span = title_start..span.end;
    // ... and end with them: `Title. ICLR 2014.`, `Title 2020.`
    let (title_end, tail) = split_tail(text, span.clone(), vocab);
    let mut title = trim_separators(text, span.start..title_end);
    if title.is_empty() {
        return;
    }
    // `Title, Ada Lee and Bo Kim`: authors after the title, before the venue.
    if tail.is_some()
        && let Some(authors) = trailing_authors(text, &title)
    {
        title = trim_separators(text, title.start..authors.start);
        r.authors = Some(Authors {
            span: authors.clone(),
            inner: authors,
            form: Form::Plain,
            place,
        });
    }
    for &i in &pieces_used {
        let s = placed[i].piece.span().clone();
        if s.end <= title.end || s.start < title.end {
            placed[i].used = true;
        }
    }
    // The rest of a partly used piece (a tail) goes back as text.
    if let Some(tail) = tail {
        r.title = Some(Title {
            span: title.clone(),
            inner: title,
            form: Form::Plain,
            place,
            prefix: None,
        });
        push_tail(text, r, tail, place);
        return;
    }
    // A plain title that reads as a list of authors is not a title when a
    // later line holds one (`**Name**: A, B, C.` then `"Title."`): handled by
    // quotes above; here it stays the title.
    r.title = Some(Title {
        span: title.clone(),
        inner: title,
        form: Form::Plain,
        place,
        prefix: None,
    });
}

/// Whether the quote at `i` opens a plain title that goes on after a colon
/// (`"Do Anything Now": Characterizing ...`), rather than being the title.
fn quote_opens_title(text: &str, placed: &[Placed], i: usize) -> bool {
    let (
        Some(Placed {
            piece: Piece::Quote { span, .. },
            place,
            ..
        }),
        Some(next),
    ) = (placed.get(i), placed.get(i + 1))
    else {
        return false;
    };
    matches!(&next.piece, Piece::Text(rest)
        if next.place == *place
            && rest.start == span.end
            && text[rest.clone()].starts_with(':')
            && text[rest.clone()].split_whitespace().count() >= 2)
}

/// Where a title that opens with emphasis goes on to, in plain words and
/// more emphasis on its line, up to the list's separator (`,`, `|`, `;`) or
/// the next link or tag; the pieces it takes are marked used (a piece it
/// takes part of keeps its rest). `None` when what follows reads as
/// authors (`**Title** by A. Lee`) or runs on past a title's length.
fn title_goes_on(
    text: &str,
    placed: &mut [Placed],
    open: usize,
    place: Place,
    vocab: &Known<'_>,
) -> Option<usize> {
    let mut end = placed[open].piece.span().end;
    let mut taken = Vec::new();
    let mut rest: Option<(usize, Span)> = None;
    let mut words = 0;
    for (j, p) in placed.iter().enumerate().skip(open + 1) {
        if p.place != place {
            break;
        }
        match &p.piece {
            Piece::Emph { span, .. } => {
                words += text[span.clone()].split_whitespace().count();
                end = span.end;
                taken.push(j);
            }
            Piece::Text(span) => {
                let written = &text[span.clone()];
                match written.find([',', '|', ';']) {
                    Some(cut) => {
                        let kept = written[..cut].trim_end();
                        words += kept.split_whitespace().count();
                        if !kept.is_empty() {
                            end = span.start + kept.len();
                        }
                        rest = Some((j, span.start + cut..span.end));
                        break;
                    }
                    None => {
                        words += written.split_whitespace().count();
                        end = span.start + written.trim_end().len();
                        taken.push(j);
                    }
                }
            }
            _ => break,
        }
    }
    let continuation = text[placed[open].piece.span().end..end].trim();
    // A venue or a sentence after the bold title is no part of it
    // (`**Title** ICCV 2019.`, `**Title** ArXiv, 2024.`, `**Title** Preprint.`).
    let first_word = continuation
        .split(|c: char| c.is_whitespace() || c == ',')
        .next()
        .unwrap_or_default();
    if continuation.is_empty()
        || words > 20
        || continuation.starts_with("by ")
        || continuation.ends_with('.')
        || !date::years(continuation).is_empty()
        || is_known_venue(first_word, vocab)
        || !matches!(tag_meaning(continuation, vocab), TagMeaning::Other)
        || looks_like_authors(continuation, false)
    {
        return None;
    }
    placed[open].used = true;
    for j in taken {
        placed[j].used = true;
    }
    if let Some((j, span)) = rest {
        placed[j].piece = Piece::Text(span);
    }
    Some(end)
}

/// An APA reference's parts on the entry's first line: the authors' span,
/// the index of the piece that holds the year in parentheses, and the
/// title: the sentence after `(year).`, up to its closing period (the
/// venue follows, usually in italics).
fn apa_title(text: &str, placed: &[Placed], place: Place) -> Option<(Span, usize, Span)> {
    let line_start = placed.iter().position(|p| p.place == place)?;
    let line = &placed[line_start..];
    let [authors, year, after, ..] = line else {
        return None;
    };
    if after.place != place || year.place != place {
        return None;
    }
    let (names, _) = authors_lead(text, std::slice::from_ref(authors))?;
    let Piece::Tag {
        inner,
        form: Form::Paren,
        ..
    } = &year.piece
    else {
        return None;
    };
    // `(2021)`, `(2021a)`, `(2021, March 3)`.
    let written = text[inner.clone()].trim();
    let digits = written.bytes().take_while(u8::is_ascii_digit).count();
    if digits != 4 || date::years(written).is_empty() {
        return None;
    }
    let Piece::Text(after) = &after.piece else {
        return None;
    };
    let sentence = &text[after.clone()];
    let rest = sentence.trim_start().strip_prefix('.')?;
    let start = after.end - rest.len();
    let rest_trimmed = rest.trim_start();
    let start = start + (rest.len() - rest_trimmed.len());
    // The title ends at its sentence's end: a period, question or
    // exclamation mark before a space, or the end of the text.
    let len = rest_trimmed
        .match_indices(['.', '?', '!'])
        .find(|(i, _)| {
            rest_trimmed[i + 1..]
                .chars()
                .next()
                .is_none_or(char::is_whitespace)
        })
        .map_or(rest_trimmed.trim_end().len(), |(i, mark)| {
            if mark == "." { i } else { i + 1 }
        });
    let title = start..start + len;
    (text[title.clone()].split_whitespace().count() >= 2).then_some((names, line_start + 1, title))
}

/// The authors at the end of a plain title (`Seeing Clearly, Ada Lee and
/// Bo Kim`): after a comma, two names or more of two words or more each
/// (`Vision, Language and Action` is a title).
fn trailing_authors(text: &str, title: &Span) -> Option<Span> {
    let t = &text[title.clone()];
    let mut from = 0;
    while let Some(comma) = t[from..].find(", ") {
        let at = from + comma + 2;
        let rest = &t[at..];
        let names: Vec<&str> = rest
            .split(',')
            .flat_map(|p| p.split(" and "))
            .map(|n| n.trim().trim_start_matches("and ").trim())
            .filter(|n| !n.is_empty())
            .collect();
        let full_names =
            names.iter().all(|n| n.split_whitespace().count() >= 2) || rest.contains("et al");
        if names.len() >= 2 && full_names && looks_like_authors(rest, false) {
            return Some(title.start + at..title.end);
        }
        from = at;
    }
    None
}

/// What the end of a plain title holds, if it is a venue or a year.
struct Tail {
    venue: Option<(Span, Span, Vec<date::Year>)>,
}

/// Splits `2016-KBS - Title`, `2018 - Title` or `2021- IEEE PAMI - Title`
/// into the lead (a year, and a venue joined to it) and the title's start:
/// the date and venue a list writes before its titles, set off by a dash,
/// a colon or a bar.
fn split_lead(text: &str, span: Span, vocab: &Known<'_>) -> (usize, Option<Tail>) {
    const REACH: usize = 48;
    let t = &text[span.clone()];
    let mut reach = t.len().min(REACH);
    while !t.is_char_boundary(reach) {
        reach -= 1;
    }
    let window = &t[..reach];
    // The longest lead that reads as one: in `2021- IEEE TPAMI - Title` the
    // first dash joins the year to the venue.
    let mut best: Option<(usize, usize, Span, date::Year)> = None;
    for sep in [" - ", " – ", " — ", "- ", ": ", " | "] {
        for (sep_at, _) in window.match_indices(sep) {
            if best.as_ref().is_some_and(|b| b.0 >= sep_at) {
                continue;
            }
            if let Some((name, year)) = lead_of(&t[..sep_at], vocab) {
                best = Some((sep_at, sep.len(), name, year));
            }
        }
    }
    let Some((sep_at, sep_len, name, year)) = best else {
        return (span.start, None);
    };
    let title_start = span.start + sep_at + sep_len;
    // Nothing left for a title: the lead was the title.
    if !text[title_start..span.end].chars().any(char::is_alphabetic) {
        return (span.start, None);
    }
    let lead = &t[..sep_at];
    let whole = span.start..span.start + lead.trim_end().len();
    let name = span.start + name.start..span.start + name.end;
    (
        title_start,
        Some(Tail {
            venue: Some((whole, name, vec![shift_year(year, span.start)])),
        }),
    )
}

/// A lead's venue (its span in `lead`, empty without one) and year: a
/// four-digit year first, then, joined by a dash or slash (or known to the
/// vocabulary), a short name with a capital.
fn lead_of(lead: &str, vocab: &Known<'_>) -> Option<(Span, date::Year)> {
    let years = date::years(lead);
    let [year] = years.as_slice() else {
        return None;
    };
    if year.date.start != 0 || year.form != date::YearForm::Full {
        return None;
    }
    let rest = &lead[year.date.end..];
    let joined = rest.starts_with(['-', '/', '_']);
    let name = rest
        .trim_start_matches(['-', '/', '_', ' ', ','])
        .trim_end();
    let name_ok = name.is_empty()
        || (name.split_whitespace().count() <= 3
            && name.chars().any(|c| c.is_ascii_uppercase())
            && !name.contains(" - ")
            && name
                .chars()
                .all(|c| c.is_alphanumeric() || " -&.".contains(c))
            && (joined || is_known_venue(name, vocab)));
    if !name_ok {
        return None;
    }
    let at = lead.len() - rest.len()
        + (rest.len() - rest.trim_start_matches(['-', '/', '_', ' ', ',']).len());
    Some((at..at + name.len(), year.clone()))
}

/// Splits `Title. ICLR 2014.` or `Title 2020.` into the title's end and its tail.
fn split_tail(text: &str, span: Span, vocab: &Known<'_>) -> (usize, Option<Tail>) {
    let t = &text[span.clone()];
    let trimmed = t.trim_end_matches(['.', ' ', ',']);
    // The tail must end with a year.
    let years = date::years(trimmed);
    let Some(last) = years.last() else {
        return (span.end, None);
    };
    if last.span.end != trimmed.len() {
        return (span.end, None);
    }
    // Back over the date and the venue's words to a sentence or clause boundary.
    let before = &trimmed[..last.date.start];
    let boundary = before
        .rfind(". ")
        .map(|i| i + 2)
        .or_else(|| before.rfind(", ").map(|i| i + 2));
    let venue_start = boundary.unwrap_or(last.date.start);
    let venue = before[venue_start..]
        .trim()
        .trim_end_matches([',', '\'', '-'])
        .trim();
    // An italic or bold venue (`*ICLR Workshop*, 2021.`): its name is
    // inside the markers, and the markers are not the title's.
    let written = venue;
    let venue = unwrap_emphasis(written);
    // Known, or set apart as a venue is: in emphasis, a sentence of its own
    // before the year (`A. Lee and B. Kim. *WiseML*, 2022.`).
    let sentence = before[..venue_start].trim_end().ends_with('.');
    let known = !venue.is_empty()
        && (is_known_venue(venue, vocab)
            || (written != venue && sentence && venue.split_whitespace().count() <= 10));
    if venue.is_empty() {
        // `Title 2020.`: a year alone ends the title only after a space, before a final period.
        let ends_with_period = t.trim_end().ends_with('.');
        if !(ends_with_period && before.ends_with(' ')) || before.split_whitespace().count() < 2 {
            return (span.end, None);
        }
        let year_start = span.start + last.date.start;
        return (
            year_start,
            Some(Tail {
                venue: Some((
                    year_start..span.start + last.span.end,
                    year_start..year_start,
                    vec![shift_year(last.clone(), span.start)],
                )),
            }),
        );
    }
    if !known {
        return (span.end, None);
    }
    let start = span.start + venue_start + before[venue_start..].find(written).unwrap_or(0);
    let name_start = start + (venue.as_ptr() as usize - written.as_ptr() as usize);
    let name = name_start..name_start + venue.len();
    let whole = start..span.start + last.span.end;
    let years = years
        .into_iter()
        .filter(|y| y.date.start >= venue_start)
        .map(|y| shift_year(y, span.start))
        .collect();
    (
        start,
        Some(Tail {
            venue: Some((whole, name, years)),
        }),
    )
}

/// Text without the emphasis markers that wrap all of it (`*x*`, `**x**`,
/// `_x_`), or as it is.
fn unwrap_emphasis(text: &str) -> &str {
    for marker in ["***", "**", "*", "___", "__", "_"] {
        if let Some(inner) = text
            .strip_prefix(marker)
            .and_then(|rest| rest.strip_suffix(marker))
            && !inner.is_empty()
            && !inner.starts_with(['*', '_', ' '])
            && !inner.ends_with(['*', '_', ' '])
        {
            return inner;
        }
    }
    text
}

impl Venue {
    /// A venue read from text split into name and years, spans relative to
    /// `base` (where that text starts in the file).
    fn split_at(
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

fn shift_year(mut y: date::Year, by: usize) -> date::Year {
    y.span = y.span.start + by..y.span.end + by;
    y.date = y.date.start + by..y.date.end + by;
    y
}

fn push_tail(text: &str, r: &mut Reading, tail: Tail, place: Place) {
    let Some((whole, name, years)) = tail.venue else {
        return;
    };
    if name.is_empty() {
        if let Some(year) = years.into_iter().next() {
            r.dates.push(DatePart {
                inner: whole.clone(),
                span: whole,
                year,
                form: Form::Plain,
                place,
            });
        }
    } else if r.venue.is_none() {
        let _ = text;
        r.venue = Some(Venue {
            inner: whole.clone(),
            span: whole,
            name,
            years,
            form: Form::Plain,
            place,
        });
    }
}

/// `2019-09, Comput. Secur. 2021,`: a date with its month as the first
/// field, and the venue as the next when it reads as one (a capital, a
/// few words): the date, and the venue's span in `t`.
fn comma_fields(t: &str) -> Option<(date::Year, Option<Span>)> {
    let first = t.find(',').unwrap_or(t.len());
    let field = t[..first].trim_end();
    let years = date::years(field);
    let [date] = years.as_slice() else {
        return None;
    };
    if date.month.is_none() || date.date.start != 0 || date.date.end != field.len() {
        return None;
    }
    let rest = t.get(first + 1..).unwrap_or_default();
    let second_end = rest.find(',').unwrap_or(rest.len());
    let raw = &rest[..second_end];
    let lead = raw.len() - raw.trim_start().len();
    let venue = raw.trim();
    let venue_like = !venue.is_empty()
        && venue.split_whitespace().count() <= 6
        && venue.chars().next().is_some_and(|c| c.is_alphabetic())
        && venue.chars().any(char::is_uppercase)
        && !venue.contains(['[', ']', '(', ')']);
    let start = first + 1 + lead;
    Some((date.clone(), venue_like.then(|| start..start + venue.len())))
}

/// A nested item's line read as a line of its parent entry: authors, then a
/// venue and year (`A, B, and C. AAMAS, 2024.`), whatever the venue.
pub(super) fn line_fields(text: &str, span: Span, vocab: &Known<'_>) -> Reading {
    let mut r = Reading::default();
    text_fields(text, &mut r, span, Place::SubItem, vocab, None);
    r
}

/// The last segment of a text (after `, ` or `. `) when it is a venue the
/// vocabulary knows, as a span.
fn last_known_venue(text: &str, span: Span, vocab: &Known<'_>) -> Option<Span> {
    let written = &text[span.clone()];
    let trimmed =
        written.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ',' | ';'));
    let start = [", ", ". "]
        .iter()
        .filter_map(|sep| trimmed.rfind(sep).map(|i| i + sep.len()))
        .max()
        .unwrap_or(0);
    let segment = trimmed[start..].trim();
    let lead = trimmed[start..].len() - trimmed[start..].trim_start().len();
    if segment.is_empty()
        || segment.split_whitespace().count() > 8
        || !is_known_venue(segment, vocab)
    {
        return None;
    }
    let at = span.start + start + lead;
    Some(at..at + segment.len())
}

/// Whether a number read as a year is a page: after `pp.`, `p.` or
/// `pages`, or the end of a range (`2041-2046`).
fn is_page_number(t: &str, year: &date::Year) -> bool {
    let before = t[..year.date.start].trim_end();
    let ends_with = |suffix: &str| {
        before.len() >= suffix.len()
            && before.as_bytes()[before.len() - suffix.len()..]
                .eq_ignore_ascii_case(suffix.as_bytes())
    };
    before.ends_with(['-', '–'])
        && before[..before.len() - before.chars().next_back().map_or(0, char::len_utf8)]
            .ends_with(|c: char| c.is_ascii_digit())
        || ends_with("pp.")
        || ends_with(" p.")
        || ends_with("pages")
}

/// Text that is not the title: a venue and year, authors, or a note.
fn text_fields(
    text: &str,
    r: &mut Reading,
    span: Span,
    place: Place,
    vocab: &Known<'_>,
    column: Option<&str>,
) {
    let span = trim_separators(text, span);
    if span.is_empty() {
        return;
    }
    let t = &text[span.clone()];
    if !t.chars().any(char::is_alphanumeric) {
        return;
    }
    if let Some(col) = column {
        if is_date_column(col) {
            let year = date::years(t)
                .into_iter()
                .next()
                .or_else(|| date::short_numeric(t));
            if let Some(year) = year {
                r.dates.push(DatePart {
                    span: span.clone(),
                    inner: span.clone(),
                    year: shift_year(year, span.start),
                    form: Form::Plain,
                    place,
                });
                return;
            }
        } else if is_venue_column(col) && r.venue.is_none() {
            let split = date::split_venue(t);
            r.venue = Some(Venue::split_at(
                split,
                span.start,
                span.clone(),
                span.clone(),
                Form::Plain,
                place,
            ));
            return;
        } else if col.starts_with("author") && r.authors.is_none() {
            r.authors = Some(Authors {
                span: span.clone(),
                inner: span,
                form: Form::Plain,
                place,
            });
            return;
        }
    }
    // A GB/T 7714 container after a conference paper's title: `[C]//2020
    // Chinese Automation Congress (CAC). IEEE, 2020: 802-806.` The venue is
    // what `//` opens, up to the sentence's end, without its leading year;
    // the year is the publication's, after the publisher.
    if let Some(container) = t.strip_prefix("//")
        && r.venue.is_none()
    {
        let start = span.start + 2;
        let end = container.find(". ").map_or(container.len(), |i| i);
        let raw = &container[..end];
        let lead = raw.len()
            - raw
                .trim_start_matches(|c: char| c.is_ascii_digit() || c == ' ')
                .len();
        let name = trim(text, start + lead..start + end);
        if !name.is_empty() && text[name.clone()].chars().any(char::is_alphabetic) {
            let years: Vec<date::Year> = date::years(t)
                .into_iter()
                .filter(|y| span.start + y.date.start >= name.end)
                .chain(date::years(&raw[..lead]))
                .take(1)
                .map(|y| {
                    let at = if span.start + y.date.start >= name.end {
                        span.start
                    } else {
                        start
                    };
                    shift_year(y, at)
                })
                .collect();
            // The year is the publication's, written apart from the venue.
            if let Some(year) = years.into_iter().next() {
                r.dates.push(DatePart {
                    span: year.span.clone(),
                    inner: year.date.clone(),
                    year,
                    form: Form::Plain,
                    place,
                });
            }
            r.venue = Some(Venue {
                span: start..start + end,
                inner: name.clone(),
                name,
                years: Vec::new(),
                form: Form::Plain,
                place,
            });
            let rest = trim_separators(text, start + end..span.end);
            if !rest.is_empty() {
                r.notes.push(rest);
            }
            return;
        }
    }
    // `, 2019-09, Comput. Secur. 2021,` after a title: fields apart by
    // commas, a date with its month first, then the venue (and its year).
    if r.dates.is_empty()
        && r.venue.is_none()
        && let Some(fields) = comma_fields(t)
    {
        let (date, venue) = fields;
        let year = shift_year(date, span.start);
        r.dates.push(DatePart {
            span: year.date.clone(),
            inner: year.date.clone(),
            year,
            form: Form::Plain,
            place,
        });
        if let Some(venue) = venue {
            let at = span.start + venue.start;
            let split = date::split_venue(&t[venue.clone()]);
            r.venue = Some(Venue::split_at(
                split,
                at,
                at..span.start + venue.end,
                at..span.start + venue.end,
                Form::Plain,
                place,
            ));
        }
        return;
    }
    // A venue and year at the end: `Yu et al., CVPR 2021`, `A, B. arXiv, 2023.`, `CVPR, June 2025.`
    // The year is the last one, or the first that only numbers follow: a
    // reference's volume, issue and pages (`Sensors, 2023, 23(4): 1975.`).
    let mut years = date::years(t);
    // `EMNLP 18.` alone: a known venue and its two-digit year.
    if r.venue.is_none()
        && r.dates.is_empty()
        && years.is_empty()
        && let Some(split) = spaced_short_year(t, vocab)
    {
        r.venue = Some(Venue::split_at(
            split,
            span.start,
            span.clone(),
            span.clone(),
            Form::Plain,
            place,
        ));
        return;
    }
    years.retain(|y| !is_page_number(t, y));
    // A venue the vocabulary knows, with no year (`Mario Bergés, RLEM.`,
    // `IEEE Security & Privacy.`): the entry's venue, its year missing,
    // which is what venue-format then says.
    if years.is_empty()
        && r.venue.is_none()
        && let Some(name) = last_known_venue(text, span.clone(), vocab)
    {
        r.venue = Some(Venue {
            span: name.clone(),
            inner: name.clone(),
            name,
            years: Vec::new(),
            form: Form::Plain,
            place,
        });
        return;
    }
    // `*Venue*, vol. 40, pp. 1-9, 2021.`: a venue read already, and the
    // year ending the text, as IEEE references write them.
    if r.venue.as_ref().is_some_and(|v| v.years.is_empty())
        && r.dates.is_empty()
        && let Some(last) = years.last()
        && t[last.date.end..]
            .trim_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ')'))
            .is_empty()
        && {
            // After the venue's comma, or alone after its sentence (`(AAAI). 2021.`).
            let before = t[..last.date.start].trim_end();
            before.trim_start_matches(['.', ' ']).is_empty() || before.ends_with(',')
        }
    {
        let year = shift_year(last.clone(), span.start);
        r.dates.push(DatePart {
            span: year.date.clone(),
            inner: year.date.clone(),
            year,
            form: Form::Plain,
            place,
        });
        let rest = trim_separators(text, span.start..span.start + last.date.start);
        if !rest.is_empty() {
            r.notes.push(rest);
        }
        return;
    }
    let chosen = years
        .iter()
        .find(|y| {
            let after = &t[y.date.end..];
            !after.trim().is_empty() && !after.chars().any(char::is_alphabetic)
        })
        .or(years.last());
    if let Some(last) = chosen
        && (r.venue.is_none() || r.dates.is_empty())
    {
        let before = &t[..last.date.start];
        let mut name_end = before.trim_end_matches([' ', ',', '\'', '-', '(']).len();
        // `IEEE T-VCG 25. 11(2019): 3052–3062`: a volume and issue between the
        // journal and its year belong to neither.
        let numbers = before[..name_end]
            .trim_end_matches(|c: char| c.is_ascii_digit() || matches!(c, '.' | ' ' | ','));
        let removed = &before[numbers.len()..name_end];
        if removed.bytes().any(|b| b.is_ascii_digit())
            && removed
                .trim_start()
                .starts_with(|c: char| c.is_ascii_digit())
            && removed.trim_start().contains(". ")
            && numbers.ends_with(|c: char| c.is_alphabetic())
        {
            name_end = numbers.len();
        }
        let boundary = before[..name_end]
            .rfind([',', '|', ';', '"'])
            .map(|i| i + 1)
            .into_iter()
            .chain(before[..name_end].rfind(". ").map(|i| i + 2))
            // `Wanli Ouyang *ICCV 2023*`: emphasis opening before the year
            // sets the venue apart from the authors before it.
            .chain({
                let b = &before.as_bytes()[..name_end];
                (1..b.len().saturating_sub(1)).rev().find(|&i| {
                    matches!(b[i], b'*' | b'_')
                        && matches!(b[i - 1], b' ' | b'.')
                        && b[i + 1].is_ascii_alphanumeric()
                })
            })
            .max()
            .unwrap_or(0);
        let name = trim(text, span.start + boundary..span.start + name_end);
        // `A. Lee. *ICML 2016*` read as text: the emphasis is the venue's
        // markup, not its name.
        // Markers that open emphasis: right before a letter.
        let stars = {
            let written = &text[name.clone()];
            let bare = written.trim_start_matches(['*', '_']);
            if bare.starts_with(char::is_alphanumeric) {
                written.len() - bare.len()
            } else {
                0
            }
        };
        let name = name.start + stars..name.end;
        // `arXiv preprint arXiv:2101.01000`: the paper's identifier is not
        // the venue's name.
        let name = name.start..name.start + without_identifier(&text[name.clone()]).len();
        let name_text = &text[name.clone()];
        let venue_like = !name_text.is_empty()
            && name_text.split_whitespace().count() <= 10
            && name_text
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || !c.is_ascii())
            || is_known_venue(name_text, vocab);
        let after = &t[last.date.end..];
        let after_words: Vec<&str> = after
            .trim_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ',' | ')' | '|'))
            .split_whitespace()
            .collect();
        // A track or qualifier in title case after the year (`NeurIPS 2022
        // Datasets and Benchmarks Track.`) is part of the venue's line.
        let title_case = after_words.len() <= 6
            && after_words.iter().all(|w| {
                w.starts_with(char::is_uppercase) || matches!(*w, "and" | "of" | "&" | "on" | "the")
            });
        let after_ok = after_words.len() <= 3 || title_case;
        if after_ok && (name_text.is_empty() || venue_like) {
            let mut end = span.start + last.date.end;
            let mut whole_start = if name_text.is_empty() {
                span.start + last.date.start
            } else {
                name.start
            };
            // The emphasis around the venue and its year (and a qualifier
            // after it, `*ICCV 2019 Oral*`) is its markup.
            let marker = &text[name.start - stars..name.start];
            let after_year =
                text[end..span.end].trim_end_matches(|c: char| c.is_whitespace() || c == '.');
            let closes = stars > 0
                && after_year.ends_with(marker)
                && !after_year[..after_year.len() - stars].contains(marker);
            // Opened and not closed, the markers stay the venue's text.
            whole_start -= stars.min(whole_start - span.start);
            let form = if closes {
                end += after_year.len();
                if stars == 1 { Form::Emph } else { Form::Bold }
            } else {
                Form::Plain
            };
            let whole = whole_start..end;
            // The venue's years follow its name (a year inside the name,
            // `ILCR 2018.Wavelet ... ICLR 2019`, is not the venue's).
            let years_from = if name_text.is_empty() {
                whole_start
            } else {
                name.end
            };
            let years: Vec<_> = years
                .iter()
                .filter(|y| y.date.start + span.start >= years_from)
                .cloned()
                .map(|y| shift_year(y, span.start))
                .collect();
            let rest_before = trim_separators(text, span.start..whole_start);
            let rest_after = trim_separators(text, end..span.end);
            if name_text.is_empty() {
                if let Some(year) = years.into_iter().next() {
                    r.dates.push(DatePart {
                        span: whole.clone(),
                        inner: whole,
                        year,
                        form: Form::Plain,
                        place,
                    });
                }
            } else if r.venue.is_none() {
                let inner = if form == Form::Plain {
                    whole.clone()
                } else {
                    whole.start + stars..whole.end - stars
                };
                r.venue = Some(Venue {
                    span: whole,
                    inner,
                    name,
                    years,
                    form,
                    place,
                });
            } else {
                r.notes.push(whole);
            }
            if !rest_before.is_empty() {
                authors_or_note(text, r, rest_before, place);
            }
            if !rest_after.is_empty() {
                r.notes.push(rest_after);
            }
            return;
        }
    }
    // A known venue alone: `, CVPR |`, `TACL.` (the period ends the sentence).
    let (t, span) = match t.strip_suffix('.') {
        Some(bare) if !bare.ends_with('.') && is_known_venue(bare, vocab) => {
            (bare, span.start..span.end - 1)
        }
        _ => (t, span),
    };
    if r.venue.is_none() && is_known_venue(t, vocab) && t.split_whitespace().count() <= 6 {
        r.venue = Some(Venue {
            span: span.clone(),
            inner: span.clone(),
            name: span,
            years: Vec::new(),
            form: Form::Plain,
            place,
        });
        return;
    }
    authors_or_note(text, r, span, place);
}

fn authors_or_note(text: &str, r: &mut Reading, span: Span, place: Place) {
    let mut span = span;
    let alone = matches!(place, Place::SubItem | Place::Line(1..));
    // `LabelFlow: A. Lee, B. Kim.`: a plain name before the authors.
    if r.name.is_none()
        && r.title.as_ref().is_none_or(|t| span.end <= t.span.start)
        && r.authors.is_none()
        && let trimmed = trim(text, span.clone())
        && let Some((0, name)) = title_prefix(&text[trimmed.clone()])
    {
        let after = trimmed.start + name.len() + 1;
        let rest = trim(text, after..trimmed.end);
        if !rest.is_empty() && looks_like_authors(&text[rest.clone()], true) {
            let inner = trimmed.start..trimmed.start + name.len();
            r.name = Some(Name {
                span: inner.start..after,
                inner,
                form: Form::Colon,
                place,
            });
            span = rest;
        }
    }
    let t = &text[span.clone()];
    if r.authors.is_none() && looks_like_authors(t, alone) {
        r.authors = Some(Authors {
            span: span.clone(),
            inner: span,
            form: Form::Plain,
            place,
        });
    } else {
        r.notes.push(span);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn a_person_is_no_label() {
        assert!(crate::document::looks_like_person("Yan Song"));
        assert!(crate::document::looks_like_person("Jean-Luc O'Neil"));
        assert!(!crate::document::looks_like_person("Code"));
        assert!(!crate::document::looks_like_person("GPT 4"));
        assert!(!crate::document::looks_like_person("HuggingFace DEMO"));
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
        assert_eq!(venue("CVPR 24"), None, "a broken year, not a short one");
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

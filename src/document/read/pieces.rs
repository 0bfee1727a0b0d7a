//! A block's atoms as placed pieces: texts, tags, emphasis, quotes and
//! links, each with the line or cell it sits in; links joined across line
//! breaks and spaces; what each link leads to.

use super::*;

/// A link with what its URL points at, read once.
pub(in crate::document) fn with_target(text: &str, mut link: Link, vocab: &Known<'_>) -> Link {
    if let Some(parts) = link
        .url
        .as_ref()
        .and_then(|u| crate::url::parse(&text[u.clone()]))
    {
        link.host = vocab.hosts.kind(parts.host);
        if link.host == HostKind::Paper
            && (crate::url::is_archive(parts.path) || crate::url::is_journal_page(parts.path))
        {
            link.host = HostKind::Other;
        }
        let path = parts.path.as_bytes();
        link.to_pdf = path.len() >= 4 && path[path.len() - 4..].eq_ignore_ascii_case(b".pdf");
        link.to_page = path.len() >= 3 && path[path.len() - 3..].eq_ignore_ascii_case(b".md");
        link.to_site = crate::url::is_pages_site(parts.host);
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
        link.generic = generic;
        // `- Datasets: [NAVSIM](…), [nuScenes](…)`: a link named after what
        // it leads to, on a line whose label says what that is. (A badge,
        // `[![GitHub Repo stars](…)](…)` after `Paper: [Title](…)`, shows
        // what it shows, not what the line is about.)
        if link.kind == LabelKind::Unknown
            && !link.is_title
            && link.form != Form::Badge
            && let Some(kind) = line_label_kind(text, link.span.start, vocab)
        {
            link.kind = kind;
            return link;
        }
        // A dataset's page on a data hub is data, under a label that names
        // no kind (`[LAMM-Benchmark](https://huggingface.co/datasets/…)`).
        if matches!(link.kind, LabelKind::Unknown | LabelKind::Other)
            && !link.is_title
            && crate::url::is_dataset_page(parts.host, parts.path)
        {
            link.kind = LabelKind::Data;
        } else if generic {
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

/// The kind the label opening a link's line names (`- Project Pages:
/// [AutoSceneGen](…)`, `Code: [x](…), [y](…)`): a few words and a colon
/// at the line's start, after its bullet, a kind the label table knows.
fn line_label_kind(text: &str, at: usize, vocab: &Known<'_>) -> Option<LabelKind> {
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let before = text[line_start..at].trim_start_matches([' ', '\t', '-', '*', '+', '>']);
    let (label, rest) = before.split_once([':', '：'])?;
    // Only links follow the colon (`[a](…), [b](…)`), no prose.
    if !rest.trim().is_empty() && !rest.trim_start().starts_with('[') {
        return None;
    }
    let label = label.trim();
    if label.is_empty() || label.len() > 24 || label.contains(['[', ']', '(', ')']) {
        return None;
    }
    match vocab.labels.kind(label) {
        LabelKind::Unknown | LabelKind::Other => None,
        kind => Some(kind),
    }
}

/// A web address written out, not in link markup (`https://…`, or in
/// brackets `[https://…]`), which GitHub links all the same.
fn bare_link(span: Span, label: Span, url: Span, kind: LabelKind, place: Place) -> Piece {
    link_of(span, label, Some(url), kind, Form::Bare, place)
}

/// A link read from the text rather than from markdown's links (a bare
/// address, or a link written broken: `form` says how), with nothing known
/// yet of its host or what it leads to.
fn link_of(
    span: Span,
    label: Span,
    url: Option<Span>,
    kind: LabelKind,
    form: Form,
    place: Place,
) -> Piece {
    Piece::Link {
        link: Link {
            span,
            kind,
            label,
            url,
            form,
            place,
            is_title: false,
            host: HostKind::Other,
            to_pdf: false,
            to_page: false,
            to_site: false,
            generic: false,
        },
        style_title: false,
        badge: None,
    }
}

/// A web address that is a paper: on a paper host, or a PDF.
pub(in crate::document) fn is_paper_url(url: &str, vocab: &Known<'_>) -> bool {
    vocab.hosts.is_paper_link(url)
}

/// A piece of a block after wrappers are recognized.
#[derive(Debug, Clone)]
pub(in crate::document) enum Piece {
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
    pub(super) fn span(&self) -> &Span {
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
pub(in crate::document) struct Placed {
    pub(super) piece: Piece,
    pub(super) place: Place,
    /// Taken by a role already.
    pub(super) used: bool,
}

/// Where a text that starts with one or two words and a `]` closes its
/// bracket (` Findings]` after `[**ACL'25**`): the offset of the `]`.
pub(in crate::document) fn closing_word(text: &str, next: &Span) -> Option<usize> {
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
pub(in crate::document) fn qualified_name_colon(
    text: &str,
    atoms: &[Atom],
    at: usize,
) -> Option<usize> {
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
pub(in crate::document) fn pieces(
    text: &str,
    atoms: &[Atom],
    place: Place,
    vocab: &Known<'_>,
    out: &mut Vec<Placed>,
) {
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
                    && let Some(Atom::Paren { span: paren, .. }) = atoms.get(i + 2)
                    && {
                        let inside = text[paren.start + 1..paren.end - 1].trim();
                        inside.len() == 4 && inside.bytes().all(|b| b.is_ascii_digit())
                    }
                {
                    // `**RepoZero** (2026): [Title](…)`: the name, then the
                    // year it came out, then the colon.
                    let paren = paren.clone();
                    i += 2;
                    lent_start = Some(colon + 1);
                    push(
                        Piece::Named {
                            span: span.clone(),
                            inner: inner.clone(),
                            form: Form::Bold,
                        },
                        out,
                    );
                    push(
                        Piece::Tag {
                            span: paren.clone(),
                            inner: paren.start + 1..paren.end - 1,
                            form: Form::Paren,
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
                } else if let Some(label) = (*level >= 2)
                    .then(|| linked_venue_tag(text, inner.clone(), vocab))
                    .flatten()
                {
                    // `**[[WACV 24](…/WACV2024/papers/…pdf)]**`: the list's
                    // bold bracketed venue tag, linked to the paper's page.
                    push(
                        Piece::Named {
                            span: span.clone(),
                            inner: label,
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
                // `[[https://…)]`: the label and the `(` are missing too; an
                // empty label before the URL stands for them.
                let lead = inner_text.len() - inner_text.trim_start_matches('[').len();
                // (label end, URL start) in the brackets: `[[Paper(url)]`
                // has its label before the `(`; `[[https://…)]` has none.
                let joined = inner_text
                    .find("(http")
                    .filter(|&open| inner_text[lead.min(open)..open].chars().count() <= 40)
                    .map(|open| (open, open + 1));
                let bare = (inner_text[lead..].starts_with("http")
                    && inner_text[lead..].trim_end_matches(']').ends_with(')'))
                .then_some((lead, lead));
                // `[https://arxiv.org/pdf/1605.06211.pdf]`: an address in
                // brackets, which GitHub links as it links a bare one.
                let trimmed = inner_text.trim();
                let address = !double
                    && (trimmed.starts_with("https://") || trimmed.starts_with("http://"))
                    && !trimmed.contains(|c: char| {
                        c.is_whitespace() || matches!(c, '(' | ')' | '[' | ']')
                    });
                if address {
                    let url = trim(text, inner.clone());
                    push(
                        bare_link(span.clone(), url.clone(), url, LabelKind::Unknown, place),
                        out,
                    );
                } else if let Some((label_end, url_at)) = joined.or(bare) {
                    let label_start = inner.start + lead;
                    let url_start = inner.start + url_at;
                    let url_end = inner.start
                        + inner_text
                            .rfind(')')
                            .filter(|&c| c >= url_at)
                            .unwrap_or(inner_text.len());
                    // (`[[Website] (url)]`: the label's own `]` is no part of it.)
                    let written = &text[label_start..(inner.start + label_end).max(label_start)];
                    let kept = written.trim_end().trim_end_matches(']').len();
                    let label = trim(text, label_start..label_start + kept);
                    // `[[Paper(url)]`: the outer `[` belongs to the link.
                    let mut span = span.clone();
                    if prev_ends_with(b'[') {
                        take_last_char(out);
                        span.start -= 1;
                    }
                    let kind = vocab.labels.kind(&text[label.clone()]);
                    let url = Some(trim(text, url_start..url_end));
                    push(link_of(span, label, url, kind, Form::Unjoined, place), out);
                } else if label_ok && (double || paren.is_some()) {
                    let (span, url) = match &paren {
                        Some((p, pi)) => {
                            i += 1;
                            (span.start..p.end, Some(trim(text, pi.clone())))
                        }
                        None => (span.clone(), None),
                    };
                    let kind = vocab.labels.kind(&text[label.clone()]);
                    // `[paper](coming soon)`: text to markdown, too.
                    let label = trim(text, label);
                    push(link_of(span, label, url, kind, Form::Unlinked, place), out);
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
            // `TGRS(24.07.12, 24.12.16)`: a venue and, in parentheses, its
            // paper's days; the parentheses belong to the venue's text.
            Atom::Paren { span, .. }
                if matches!(out.last(), Some(Placed { piece: Piece::Text(prev), .. })
                    if prev.end <= span.start
                        && text[prev.end..span.start].trim().is_empty()
                        && date::venue_with_days(&text[prev.start..span.end]).is_some()) =>
            {
                if let Some(Placed {
                    piece: Piece::Text(prev),
                    ..
                }) = out.last_mut()
                {
                    prev.end = span.end;
                }
            }
            Atom::Paren { span, inner } => {
                let piece =
                    unopened_link(text, span, inner, vocab, place, out).unwrap_or_else(|| {
                        Piece::Tag {
                            span: span.clone(),
                            inner: inner.clone(),
                            form: Form::Paren,
                        }
                    });
                push(piece, out)
            }
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
                    if let Some(label) = &label {
                        cut_label(text, label, vocab, out);
                    }
                    let kind = label
                        .as_ref()
                        .map_or(LabelKind::Unknown, |l| vocab.labels.kind(&text[l.clone()]));
                    bare_link(
                        span.clone(),
                        label.unwrap_or(span.clone()),
                        span.clone(),
                        kind,
                        place,
                    )
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
pub(in crate::document) fn join_split_links(
    text: &str,
    placed: &mut Vec<Placed>,
    vocab: &Known<'_>,
) {
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
            to_page: false,
            to_site: false,
            generic: false,
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
pub(in crate::document) fn is_first_content(text: &str, out: &[Placed]) -> bool {
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
pub(in crate::document) fn take_last_char(out: &mut [Placed]) {
    if let Some(Placed {
        piece: Piece::Text(span),
        ..
    }) = out.last_mut()
    {
        span.end -= 1;
    }
}

/// `code](https://…)`, `[code]](https://…)`: a link label and its URL with
/// a `[` missing before the label, which markdown shows as text. Read as
/// the link it was meant to be (the form tells it is broken), taking the
/// label and its brackets out of the pieces before. Only a label the
/// vocabulary knows: `Title](url)` is no such slip.
fn unopened_link(
    text: &str,
    paren: &Span,
    inner: &Span,
    vocab: &Known<'_>,
    place: Place,
    out: &mut Vec<Placed>,
) -> Option<Piece> {
    let url = trim(text, inner.clone());
    let address = &text[url.clone()];
    if !(address.starts_with("https://") || address.starts_with("http://"))
        || address.contains(char::is_whitespace)
    {
        return None;
    }
    let before = &text[..paren.start];
    let closes = before.len() - before.trim_end_matches(']').len();
    if !(1..=2).contains(&closes) {
        return None;
    }
    let label_end = paren.start - closes;
    let label_start = text[..label_end]
        .rfind(|c: char| c.is_whitespace() || matches!(c, '[' | ']' | '(' | ')' | '|' | '*'))
        .map_or(0, |i| i + 1);
    let label = label_start..label_end;
    let kind = vocab.labels.kind(&text[label.clone()]);
    if label.is_empty() || kind == LabelKind::Unknown {
        return None;
    }
    let opening = text[..label_start].len() - text[..label_start].trim_end_matches('[').len();
    if opening >= closes {
        return None;
    }
    let start = label_start - opening;
    // The pieces read from the label and its brackets go; a text that
    // runs into them ends before. Anything else straddling the label is
    // not this slip.
    let keep = out
        .iter()
        .rposition(|p| p.piece.span().start < start)
        .map_or(0, |i| i + 1);
    if let Some(straddling) = keep.checked_sub(1).map(|i| &out[i].piece)
        && straddling.span().end > start
        && !matches!(straddling, Piece::Text(_))
    {
        return None;
    }
    out.truncate(keep);
    if let Some(Placed {
        piece: Piece::Text(span),
        ..
    }) = out.last_mut()
    {
        span.end = span.end.min(start);
        if text[span.clone()].trim().is_empty() {
            out.pop();
        }
    }
    Some(link_of(
        start..paren.end,
        label,
        Some(url),
        kind,
        Form::Unopened,
        place,
    ))
}

/// The word before a bare address (`Paper: https://...`), as its label.
pub(in crate::document) fn bare_label(text: &str, at: usize, out: &[Placed]) -> Option<Span> {
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

/// Takes the label of a bare address out of the text before it, when it is
/// surely a label and not the end of a title (`Paper: https://…`, but not
/// `Attention Is All You Need: https://…`): a known link label, or one word.
fn cut_label(text: &str, label: &Span, vocab: &Known<'_>, out: &mut Vec<Placed>) {
    let word = &text[label.clone()];
    if vocab.labels.kind(word) == LabelKind::Unknown && word.contains(' ') {
        return;
    }
    let Some(Placed {
        piece: Piece::Text(span),
        ..
    }) = out.last_mut()
    else {
        return;
    };
    span.end = label.start;
    if text[span.clone()].trim().is_empty() {
        out.pop();
    }
}

pub(in crate::document) fn link_piece(
    text: &str,
    link: &LinkAtom,
    span: Span,
    wrapped: bool,
    vocab: &Known<'_>,
) -> Piece {
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
            to_page: false,
            to_site: false,
            generic: false,
        },
        // A bold link (`[**Title**](url)`, `**[Title](url)**`) reads as a title.
        style_title: link.bold || (link.style == LabelStyle::Bold && !is_label(label_text)),
        badge: link.image.clone(),
    }
}

/// A link label is short and one line: `pdf`, `Paper`, `project page`, `🤗 Dataset`.
pub(in crate::document) fn is_label(label: &str) -> bool {
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
pub(in crate::document) fn is_title_text(label: &str, vocab: &Known<'_>) -> bool {
    let label = label.trim();
    if vocab.labels.is_known(label) {
        return false;
    }
    let words = label.split_whitespace().count();
    words >= 4 || (words >= 2 && label.chars().count() >= 24) || (label.contains(':') && words >= 2)
}

/// The label of `[[WACV 24](url)]`, the whole of a bold emphasis, when it
/// names a venue and its year: a venue tag written as a link.
fn linked_venue_tag(text: &str, inner: Span, vocab: &Known<'_>) -> Option<Span> {
    let t = &text[inner.clone()];
    let trimmed = t.trim();
    let start = inner.start + (t.len() - t.trim_start().len());
    let link = trimmed.strip_prefix("[[")?.strip_suffix(")]")?;
    let (label, url) = link.split_once("](")?;
    if label.contains(['[', ']']) || url.contains(char::is_whitespace) || !url.starts_with("http") {
        return None;
    }
    match tag_meaning_for(label, vocab, true) {
        TagMeaning::Venue(split) if !split.years.is_empty() => {
            Some(start + 2..start + 2 + label.len())
        }
        _ if acronym_and_short_year(label) => Some(start + 2..start + 2 + label.len()),
        _ => None,
    }
}

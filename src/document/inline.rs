//! A block's inline content as atoms: the units the reader assigns roles to.
//!
//! The walk records pulldown-cmark's inline events as [`Token`]s (spans
//! only); [`atoms`] folds each emphasis, link and image into one atom, then
//! cuts plain text at what markdown leaves as text but lists use as
//! structure: bracket groups (`[CCS 2020]`, `[[code]]` with no URL),
//! parentheses, quotes and bare web addresses.

use super::Span;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Mark {
    Emph,
    Strong,
    Strike,
    /// A link; `dest` is its destination as written, when it could be placed.
    Link {
        dest: Option<Span>,
        auto: bool,
    },
    Image {
        dest: Option<Span>,
    },
    /// Superscripts, footnotes and the like: their text is kept as text.
    Other,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum TokenKind {
    Text,
    Code,
    Html,
    /// A soft or hard line break.
    Break,
    Open(Mark),
    Close,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Token {
    pub kind: TokenKind,
    pub span: Span,
}

/// How a link's text is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum LabelStyle {
    /// `[text](url)`
    Plain,
    /// `[[text]](url)`: brackets inside the link's text.
    Bracketed,
    /// `[**text**](url)`
    Bold,
    /// `[![alt](badge)](url)`
    Image,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct LinkAtom {
    pub span: Span,
    /// The link's text, inside any brackets or stars of its label.
    pub text: Span,
    pub dest: Option<Span>,
    pub style: LabelStyle,
    pub auto: bool,
    /// Stars around the whole link (`**[Title](url)**`).
    pub bold: bool,
    /// For a badge link, where its image comes from.
    pub image: Option<Span>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Atom {
    Text(Span),
    /// A line break: soft, hard, or `<br>`.
    Break(Span),
    Html(Span),
    Code {
        span: Span,
        inner: Span,
    },
    /// Emphasis around text: `level` 1 is `*x*`, 2 `**x**`, 3 both.
    Emph {
        span: Span,
        inner: Span,
        level: u8,
    },
    Link(LinkAtom),
    Image {
        span: Span,
        alt: Span,
    },
    /// `[x]` in text: not a link.
    Bracket {
        span: Span,
        inner: Span,
    },
    /// `(x)` in text.
    Paren {
        span: Span,
        inner: Span,
    },
    /// `"x"` or `“x”`.
    Quote {
        span: Span,
        inner: Span,
    },
    /// A web address written out: GitHub renders it as a link.
    Url(Span),
}

impl Atom {
    pub(crate) fn span(&self) -> &Span {
        match self {
            Atom::Text(span) | Atom::Break(span) | Atom::Html(span) | Atom::Url(span) => span,
            Atom::Code { span, .. }
            | Atom::Emph { span, .. }
            | Atom::Image { span, .. }
            | Atom::Bracket { span, .. }
            | Atom::Paren { span, .. }
            | Atom::Quote { span, .. } => span,
            Atom::Link(link) => &link.span,
        }
    }
}

/// Folds tokens into atoms, appending them to `out`.
pub(super) fn atoms(text: &str, tokens: &[Token], out: &mut Vec<Atom>) {
    let mut i = 0;
    let mut pending_text: Option<Span> = None;
    // Where the current line's atoms begin in `out`.
    let mut line_start = out.len();
    let flush = |pending: &mut Option<Span>, out: &mut Vec<Atom>| {
        if let Some(span) = pending.take() {
            split_text(text, span, out);
        }
    };
    while i < tokens.len() {
        let token = &tokens[i];
        match &token.kind {
            // pulldown-cmark cuts text at brackets and entities: glue it
            // back. `IA-RED<sup>2</sup>`: super- and subscripts are letters
            // of the word they sit in, so the text runs on through them (a
            // quote around such a title closes after them).
            TokenKind::Text => {
                glue(text, &mut pending_text, &token.span, out);
                i += 1;
            }
            TokenKind::Html if is_script_tag(&text[token.span.clone()]) => {
                glue(text, &mut pending_text, &token.span, out);
                i += 1;
            }
            TokenKind::Break => {
                // `Title with Covariate and` / `Label Shift [[ICLR 2020]](…)`:
                // a plain title soft-wrapped mid-phrase runs on through the
                // break, as it renders.
                if let Some(line) = &pending_text
                    && out.len() == line_start
                    && let Some(next) = tokens.get(i + 1)
                    && next.kind == TokenKind::Text
                    && matches!(&text[token.span.clone()], "\n" | "\r\n")
                    && runs_on(&text[line.clone()], &text[next.span.clone()])
                {
                    pending_text = Some(line.start..next.span.end);
                    i += 2;
                    continue;
                }
                flush(&mut pending_text, out);
                // `Title <br>` then the line's end: one break, as ` \`
                // before it is (the two render alike).
                if !matches!(out.last(), Some(Atom::Break(_))) {
                    out.push(Atom::Break(token.span.clone()));
                }
                line_start = out.len();
                i += 1;
            }
            TokenKind::Html => {
                flush(&mut pending_text, out);
                let html = &text[token.span.clone()];
                if is_line_break_tag(html) {
                    out.push(Atom::Break(token.span.clone()));
                } else if let Some((atom, next)) = html_emphasis(text, tokens, i) {
                    out.push(atom);
                    i = next;
                    continue;
                } else {
                    out.push(Atom::Html(token.span.clone()));
                }
                i += 1;
            }
            TokenKind::Code => {
                flush(&mut pending_text, out);
                let span = token.span.clone();
                let ticks = text[span.clone()]
                    .bytes()
                    .take_while(|&b| b == b'`')
                    .count();
                let inner = trim(
                    text,
                    (span.start + ticks).min(span.end)
                        ..span
                            .end
                            .saturating_sub(ticks)
                            .max(span.start + ticks.min(span.len())),
                );
                out.push(Atom::Code { span, inner });
                i += 1;
            }
            TokenKind::Close => i += 1,
            TokenKind::Open(mark) => {
                flush(&mut pending_text, out);
                let end = matching_close(tokens, i);
                let children = &tokens[i + 1..end.min(tokens.len())];
                // An HTML link's opening tag is not all of it: it ends with `</a>`.
                let span = match tokens.get(end) {
                    Some(close) if close.span.end > token.span.end => {
                        token.span.start..close.span.end
                    }
                    _ => token.span.clone(),
                };
                match mark {
                    Mark::Emph | Mark::Strong => {
                        fold_emphasis(text, span, mark, children, out);
                    }
                    Mark::Link { dest, auto } => {
                        out.push(Atom::Link(link_atom(
                            text,
                            span,
                            dest.clone(),
                            *auto,
                            children,
                        )));
                        // Links inside a link's text do not exist in markdown.
                    }
                    Mark::Image { .. } => {
                        out.push(Atom::Image {
                            alt: children_span(children).unwrap_or(span.start + 2..span.start + 2),
                            span,
                        });
                    }
                    Mark::Strike | Mark::Other => {
                        // Their content reads as if unmarked.
                        atoms(text, children, out);
                    }
                }
                i = end + 1;
            }
        }
    }
    flush(&mut pending_text, out);
}

/// Adds `span` to the text being gathered when it follows on, or splits
/// what was gathered and starts anew.
fn glue(text: &str, pending: &mut Option<Span>, span: &Span, out: &mut Vec<Atom>) {
    *pending = Some(match pending.take() {
        // (`S\*`: an escaped character's text starts after its backslash.)
        Some(gathered)
            if gathered.end == span.start
                || (gathered.end + 1 == span.start && text.as_bytes()[gathered.end] == b'\\') =>
        {
            gathered.start..span.end
        }
        Some(gathered) => {
            split_text(text, gathered, out);
            span.clone()
        }
        None => span.clone(),
    });
}

/// Whether a line of plain text goes on into the next line's text: it
/// reads as a title's words (three or more, no closing punctuation) cut
/// where a phrase cannot end (`…Covariate and`) or before a word that
/// cannot start one (`for Adversarial…`). Names (`by …`) and venues never
/// start so.
fn runs_on(line: &str, next: &str) -> bool {
    const JOINING: [&str; 17] = [
        "and", "of", "for", "with", "in", "on", "to", "via", "from", "the", "a", "an", "using",
        "under", "without", "through", "into",
    ];
    let line = line.trim_end();
    let words = line.split_whitespace().count();
    if words < 3 || line.ends_with(['.', ',', ':', ';', ')', ']']) {
        return false;
    }
    let last = line.rsplit(char::is_whitespace).next().unwrap_or("");
    let first = next.split_whitespace().next().unwrap_or("");
    JOINING.contains(&last) || (JOINING.contains(&first) && first != "a" && first != "the")
}

/// `<sup>`, `</sup>`, `<sub>`, `</sub>`.
fn is_script_tag(html: &str) -> bool {
    let t = html.trim();
    ["<sup>", "</sup>", "<sub>", "</sub>"]
        .iter()
        .any(|tag| t.eq_ignore_ascii_case(tag))
}

/// `<b>x</b>`, `<strong>x</strong>`, `<i>x</i>`, `<em>x</em>` around plain
/// text: emphasis as HTML writes it (lists that cite papers in the GB/T 7714
/// style bold their titles so), read as `**x**` and `*x*` are. The atom and
/// the index of the token after the closing tag, when the tags pair up with
/// only text between them.
fn html_emphasis(text: &str, tokens: &[Token], open: usize) -> Option<(Atom, usize)> {
    let tag = html_tag_name(&text[tokens[open].span.clone()])?;
    let level = match tag.as_str() {
        "b" | "strong" | "u" => 2,
        "i" | "em" => 1,
        _ => return None,
    };
    let mut inner: Option<Span> = None;
    for (at, token) in tokens.iter().enumerate().skip(open + 1) {
        match token.kind {
            TokenKind::Text => {
                inner = Some(match inner {
                    Some(span) => span.start..token.span.end,
                    None => token.span.clone(),
                });
            }
            TokenKind::Html
                if html_tag_name(&text[token.span.clone()]).as_deref()
                    == Some(&format!("/{tag}")) =>
            {
                let inner = trim(text, inner?);
                if inner.is_empty() {
                    return None;
                }
                return Some((
                    Atom::Emph {
                        span: tokens[open].span.start..token.span.end,
                        inner,
                        level,
                    },
                    at + 1,
                ));
            }
            _ => return None,
        }
    }
    None
}

/// The lowercase name of a lone HTML tag (`<b>` is `b`, `</B>` is `/b`);
/// `None` for anything else (comments, tags with attributes, several tags).
fn html_tag_name(html: &str) -> Option<String> {
    let inner = html.trim().strip_prefix('<')?.strip_suffix('>')?;
    let name = inner.trim();
    (!name.is_empty()
        && name
            .trim_start_matches('/')
            .bytes()
            .all(|b| b.is_ascii_alphabetic()))
    .then(|| name.to_ascii_lowercase())
}

/// The index of the `Close` that ends the `Open` at `open` (or the end).
fn matching_close(tokens: &[Token], open: usize) -> usize {
    let mut depth = 0usize;
    for (i, token) in tokens.iter().enumerate().skip(open) {
        match token.kind {
            TokenKind::Open(_) => depth += 1,
            TokenKind::Close => {
                depth -= 1;
                if depth == 0 {
                    return i;
                }
            }
            _ => {}
        }
    }
    tokens.len()
}

fn children_span(children: &[Token]) -> Option<Span> {
    Some(children.first()?.span.start..children.last()?.span.end)
}

/// `*x*`, `**x**`, `***x***` (two nested marks), and emphasis around one link.
fn fold_emphasis(text: &str, span: Span, mark: &Mark, children: &[Token], out: &mut Vec<Atom>) {
    let mut level = if *mark == Mark::Strong { 2 } else { 1 };
    let mut inner_tokens = children;
    // `***x***` is emphasis directly around strong emphasis (or the reverse).
    if let Some(first) = children.first()
        && let TokenKind::Open(inner_mark @ (Mark::Emph | Mark::Strong)) = &first.kind
        && inner_mark != mark
        && matching_close(children, 0) + 1 == children.len()
    {
        level = 3;
        inner_tokens = &children[1..children.len() - 1];
    }
    // `**[Title](url)**`: the emphasis belongs to the link; so it does with
    // the sentence's punctuation slipped inside it (`*[Title](url),*`,
    // `*[Title](url).*`).
    if let Some(first) = inner_tokens.first()
        && let TokenKind::Open(Mark::Link { dest, auto }) = &first.kind
        && let close = matching_close(inner_tokens, 0)
        && (close + 1 == inner_tokens.len()
            || (close + 2 == inner_tokens.len()
                && inner_tokens[close + 1].kind == TokenKind::Text
                && text[inner_tokens[close + 1].span.clone()]
                    .trim()
                    .chars()
                    .all(|c| matches!(c, '.' | ',' | ';' | ':'))))
    {
        let mut link = link_atom(
            text,
            first.span.clone(),
            dest.clone(),
            *auto,
            &inner_tokens[1..close],
        );
        link.bold = true;
        link.span = span;
        out.push(Atom::Link(link));
        return;
    }
    let inner = children_span(inner_tokens).unwrap_or(span.start..span.start);
    out.push(Atom::Emph { span, inner, level });
    // A link inside emphasis among other text keeps its place as a link.
    let mut i = 0;
    while i < inner_tokens.len() {
        if let TokenKind::Open(Mark::Link { dest, auto }) = &inner_tokens[i].kind {
            let end = matching_close(inner_tokens, i);
            out.push(Atom::Link(link_atom(
                text,
                inner_tokens[i].span.clone(),
                dest.clone(),
                *auto,
                &inner_tokens[i + 1..end.min(inner_tokens.len())],
            )));
            i = end + 1;
        } else {
            i += 1;
        }
    }
}

fn link_atom(
    text: &str,
    span: Span,
    dest: Option<Span>,
    auto: bool,
    children: &[Token],
) -> LinkAtom {
    let whole = children_span(children).unwrap_or(span.start + 1..span.start + 1);
    let mut style = LabelStyle::Plain;
    let mut label = whole.clone();
    let blank = |t: &Token| {
        t.kind == TokenKind::Text
            && text.as_bytes()[t.span.clone()]
                .iter()
                .all(|b| b.is_ascii_whitespace())
    };
    let mut image = None;
    // `[![alt](badge)](url)`: an image and nothing else.
    if let Some(first) = children.iter().position(|t| !blank(t))
        && let TokenKind::Open(Mark::Image { dest }) = &children[first].kind
    {
        let end = matching_close(children, first);
        if end + 1 >= children.len() || children[end + 1..].iter().all(blank) {
            style = LabelStyle::Image;
            image = dest.clone();
            label = children_span(&children[first + 1..end.min(children.len())])
                .unwrap_or(children[first].span.clone());
        }
    }
    // `<a href="url"><img src="badge"></a>`: an HTML image and nothing else.
    if style == LabelStyle::Plain
        && let [first, rest @ ..] = children
            .iter()
            .filter(|t| !blank(t))
            .collect::<Vec<_>>()
            .as_slice()
        && rest.is_empty()
        && first.kind == TokenKind::Html
        && let Some(alt) = html_image_label(text, &first.span)
    {
        style = LabelStyle::Image;
        label = alt;
        image = html_attribute(&text[first.span.clone()], "src")
            .map(|src| first.span.start + src.start..first.span.start + src.end);
    }
    if style == LabelStyle::Plain {
        let written = &text[whole.clone()];
        if written.len() >= 2 && written.starts_with('[') && written.ends_with(']') {
            style = LabelStyle::Bracketed;
            // `[\[PDF\]](url)`: the escaped brackets render as brackets.
            let escaped = usize::from(written.ends_with("\\]"));
            label = trim(text, whole.start + 1..whole.end - 1 - escaped);
        } else if let (Some(first), true) = (
            children.first(),
            matching_close(children, 0) + 1 == children.len(),
        ) && matches!(first.kind, TokenKind::Open(Mark::Strong | Mark::Emph))
        {
            style = LabelStyle::Bold;
            label = children_span(&children[1..children.len() - 1]).unwrap_or(whole.clone());
            // `[***x***](url)`
            if let Some(inner) = children.get(1)
                && matches!(inner.kind, TokenKind::Open(Mark::Strong | Mark::Emph))
                && children.len() >= 4
            {
                label = children_span(&children[2..children.len() - 2]).unwrap_or(label);
            }
        }
    }
    LinkAtom {
        span,
        text: trim(text, label),
        dest,
        style,
        auto,
        bold: false,
        image,
    }
}

/// Where the value of attribute `name` sits in one HTML tag (`href` in
/// `<a class="x" href="url">`), quoted or not; `None` when it is absent or
/// empty.
pub(super) fn html_attribute(html: &str, name: &str) -> Option<Span> {
    let lower = html.to_ascii_lowercase();
    let bytes = html.as_bytes();
    let mut from = 0;
    while let Some(found) = lower[from..].find(name) {
        let at = from + found;
        from = at + name.len();
        // A whole attribute name: after whitespace, before `=`.
        if at == 0 || !bytes[at - 1].is_ascii_whitespace() {
            continue;
        }
        let mut i = from;
        while i < bytes.len() && bytes[i] == b' ' {
            i += 1;
        }
        if bytes.get(i) != Some(&b'=') {
            continue;
        }
        i += 1;
        while i < bytes.len() && bytes[i] == b' ' {
            i += 1;
        }
        let (start, end) = match bytes.get(i)? {
            quote @ (b'"' | b'\'') => {
                let end = html[i + 1..].find(*quote as char)? + i + 1;
                (i + 1, end)
            }
            _ => {
                let end = html[i..]
                    .find(|c: char| c.is_ascii_whitespace() || c == '>')
                    .map_or(html.len(), |e| i + e);
                (i, end)
            }
        };
        let value = &html[start..end];
        let lead = value.len() - value.trim_start().len();
        let span = start + lead..start + value.trim_end().len();
        return (!span.is_empty()).then_some(span);
    }
    None
}

/// The text an `<img>` tag shows or stands for: its `alt`, or a badge's
/// label (`Paper` in `img.shields.io/badge/Paper-CVPR%202024-blue`), as a
/// span of `text`.
fn html_image_label(text: &str, tag: &Span) -> Option<Span> {
    let html = &text[tag.clone()];
    if !html.trim_start().get(..4)?.eq_ignore_ascii_case("<img") {
        return None;
    }
    let shift = |s: Span| tag.start + s.start..tag.start + s.end;
    if let Some(alt) = html_attribute(html, "alt") {
        return Some(shift(alt));
    }
    let src = html_attribute(html, "src")?;
    let url = &html[src.clone()];
    let at = url.find("/badge/")? + "/badge/".len();
    let rest = &url[at..];
    // Shields writes a literal dash as `--`: the label ends at a lone one.
    let bytes = rest.as_bytes();
    let mut end = 0;
    while end < bytes.len() {
        match bytes[end] {
            b'-' if bytes.get(end + 1) == Some(&b'-') => end += 2,
            b'-' | b'?' | b'.' => break,
            _ => end += 1,
        }
    }
    (end > 0).then(|| shift(src.start + at..src.start + at + end))
}

fn is_line_break_tag(html: &str) -> bool {
    let lower: String = html
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect();
    matches!(lower.as_str(), "<br>" | "<br/>" | "</br>" | "<br/ >")
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

/// Where the straight quote opened at `open` closes on its line, quotes
/// inside it counted (`"When "Correct" Is Not Safe"`, a title that quotes a
/// word): a quote after a space and before a letter opens, any other
/// closes. Where they do not balance, the next quote closes it.
fn quote_close(s: &[u8], open: usize, end: usize) -> Option<usize> {
    let line_end = memchr::memchr(b'\n', &s[open + 1..end]).map_or(end, |p| open + 1 + p);
    let mut first = None;
    let mut depth = 1usize;
    for at in memchr::memchr_iter(b'"', &s[open + 1..line_end]).map(|p| open + 1 + p) {
        first.get_or_insert(at);
        let after_space = at == open + 1 || matches!(s[at - 1], b' ' | b'(' | b'[' | b'"');
        let before_word = s
            .get(at + 1)
            .is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'\'' || b >= 0x80);
        if after_space && before_word {
            depth += 1;
        } else {
            depth -= 1;
            if depth == 0 {
                return Some(at);
            }
        }
    }
    first
}

/// Cuts a run of plain text at bracket groups, parentheses, quotes and web
/// addresses. Escaped characters (`\[`) are text.
fn split_text(text: &str, span: Span, out: &mut Vec<Atom>) {
    let s = text.as_bytes();
    let end = span.end;
    let mut plain_start = span.start;
    let mut i = span.start;
    let push_plain = |from: usize, to: usize, out: &mut Vec<Atom>| {
        if from < to {
            out.push(Atom::Text(from..to));
        }
    };
    while i < end {
        // Most text is words: jump to the next byte that could start something.
        match s[i..end]
            .iter()
            .position(|&b| matches!(b, b'\\' | b'[' | b'(' | b'"' | b'h' | b'H' | 0xE2 | 0xEF))
        {
            Some(p) => i += p,
            None => break,
        }
        match s[i] {
            // `\[2021 TPAMI\]`: escaped brackets show as brackets, a tag as
            // `[2021 TPAMI]` is.
            b'\\' if s.get(i + 1) == Some(&b'[') => {
                let from = i + 2;
                let close = s[from..end]
                    .windows(2)
                    .position(|w| w == b"\\]")
                    .map(|p| from + p)
                    .filter(|&close| {
                        close > from
                            && !s[from..close]
                                .iter()
                                .any(|b| matches!(b, b'[' | b']' | b'\n'))
                    });
                match close {
                    Some(close) => {
                        push_plain(plain_start, i, out);
                        out.push(Atom::Bracket {
                            span: i..close + 2,
                            inner: from..close,
                        });
                        i = close + 2;
                        plain_start = i;
                    }
                    None => i += 2,
                }
            }
            b'\\' => i += 2,
            b'[' => match close_of(s, i, end, b'[', b']') {
                Some(close) => {
                    push_plain(plain_start, i, out);
                    out.push(Atom::Bracket {
                        span: i..close + 1,
                        inner: i + 1..close,
                    });
                    i = close + 1;
                    plain_start = i;
                }
                None => i += 1,
            },
            // `21(24)`: a journal's volume and issue, one number, not a
            // parenthesized part.
            b'(' if i > span.start
                && s[i - 1].is_ascii_digit()
                && close_of(s, i, end, b'(', b')')
                    .is_some_and(|close| s[i + 1..close].iter().all(u8::is_ascii_digit)) =>
            {
                i += 1;
            }
            // `(Mis)Fitting`, `(Re)thinking`, `Network(s)`: a few letters in
            // parentheses glued to a word are letters of it, not a part of
            // their own (`Title(CVPR 2021)`, glued too, is a tag).
            b'(' if close_of(s, i, end, b'(', b')').is_some_and(|close| {
                let inner = &s[i + 1..close];
                let letters = !inner.is_empty() && inner.iter().all(u8::is_ascii_alphabetic);
                (letters
                    && inner.len() <= 3
                    && inner.iter().all(u8::is_ascii_lowercase)
                    && i > span.start
                    && s[i - 1].is_ascii_alphabetic())
                    || (letters
                        && inner.len() <= 6
                        && s.get(close + 1).is_some_and(u8::is_ascii_alphabetic))
            }) =>
            {
                i += 1;
            }
            // `Systems (TMIS), 2021, 12(3): 1-22.`: a journal's acronym
            // after its name, in a citation whose year and volume follow,
            // is a word of the name, not a part of its own.
            b'(' if i > span.start
                && s[i - 1] == b' '
                && close_of(s, i, end, b'(', b')').is_some_and(|close| {
                    let inner = &s[i + 1..close];
                    let after = &s[close + 1..end];
                    (2..=8).contains(&inner.len())
                        && inner.iter().filter(|b| b.is_ascii_uppercase()).count() >= 2
                        && inner
                            .iter()
                            .all(|&b| b.is_ascii_alphanumeric() || b == b'&' || b == b'-')
                        && after.len() >= 7
                        && after.starts_with(b", ")
                        && after[2..6].iter().all(u8::is_ascii_digit)
                        && matches!(after[6], b',' | b':')
                }) =>
            {
                i += 1;
            }
            b'(' => match close_of(s, i, end, b'(', b')') {
                Some(close) => {
                    push_plain(plain_start, i, out);
                    out.push(Atom::Paren {
                        span: i..close + 1,
                        inner: i + 1..close,
                    });
                    i = close + 1;
                    plain_start = i;
                }
                None => i += 1,
            },
            b'"' => match quote_close(s, i, end).map(|close| close - i - 1) {
                Some(p) if p > 0 => {
                    push_plain(plain_start, i, out);
                    out.push(Atom::Quote {
                        span: i..i + 2 + p,
                        inner: i + 1..i + 1 + p,
                    });
                    i += p + 2;
                    plain_start = i;
                }
                _ => i += 1,
            },
            // `（2016）`, `（APSys 2020)`: a full-width parenthesis, as text
            // typed with a Chinese or Japanese input method has them, closed
            // by either kind, around a date or a venue and its year. (Around
            // words alone, `（Joint Adaptation Network, JAN）`, it stays text:
            // such a gloss is often all the title there is.)
            0xEF if s[i..end].starts_with("（".as_bytes()) => {
                let open = "（".len();
                let line = &text[i + open..end];
                let line = &line[..line.find('\n').unwrap_or(line.len())];
                match line.find(['）', ')', '（', '(']) {
                    Some(p)
                        if p > 0
                            && line[p..].starts_with(['）', ')'])
                            && line[..p].bytes().any(|b| b.is_ascii_digit()) =>
                    {
                        push_plain(plain_start, i, out);
                        let close = i + open + p;
                        let width = if line[p..].starts_with('）') {
                            "）".len()
                        } else {
                            1
                        };
                        out.push(Atom::Paren {
                            span: i..close + width,
                            inner: i + open..close,
                        });
                        i = close + width;
                        plain_start = i;
                    }
                    _ => i += open,
                }
            }
            0xE2 if s[i..end].starts_with("“".as_bytes()) => {
                let open = "“".len();
                match text[i + open..end].find(['”', '\n']) {
                    Some(p) if text[i + open + p..].starts_with('”') && p > 0 => {
                        push_plain(plain_start, i, out);
                        let close = i + open + p;
                        out.push(Atom::Quote {
                            span: i..close + "”".len(),
                            inner: i + open..close,
                        });
                        i = close + "”".len();
                        plain_start = i;
                    }
                    _ => i += open,
                }
            }
            b'h' | b'H'
                if (i == span.start || !s[i - 1].is_ascii_alphanumeric())
                    && (starts_with_ignore_case(&s[i..end], b"https://")
                        || starts_with_ignore_case(&s[i..end], b"http://")) =>
            {
                let mut j = i;
                while j < end && !s[j].is_ascii_whitespace() && !matches!(s[j], b'<' | b'>' | b'"')
                {
                    j += 1;
                }
                // Trailing punctuation is not part of an autolink (GFM).
                while j > i
                    && matches!(
                        s[j - 1],
                        b'.' | b',' | b';' | b':' | b'!' | b'?' | b')' | b'*' | b'_'
                    )
                {
                    j -= 1;
                }
                push_plain(plain_start, i, out);
                out.push(Atom::Url(i..j));
                i = j;
                plain_start = i;
            }
            _ => i += 1,
        }
    }
    push_plain(plain_start, end, out);
}

fn starts_with_ignore_case(s: &[u8], prefix: &[u8]) -> bool {
    s.len() >= prefix.len() && s[..prefix.len()].eq_ignore_ascii_case(prefix)
}

/// The matching close of a bracket or parenthesis on the same line, nested
/// pairs balanced, within `end`.
fn close_of(s: &[u8], open: usize, end: usize, opening: u8, closing: u8) -> Option<usize> {
    let mut depth = 0usize;
    let mut i = open;
    // Bounded: a group longer than this is prose, and the bound keeps a line
    // of ten thousand `[` linear.
    let limit = (open + 400).min(end);
    while i < limit {
        let b = s[i];
        if b == b'\\' {
            i += 2;
            continue;
        }
        if b == b'\n' {
            return None;
        }
        if b == opening {
            depth += 1;
        } else if b == closing {
            depth -= 1;
            if depth == 0 {
                return Some(i);
            }
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(s: &str) -> Vec<String> {
        let mut out = Vec::new();
        split_text(s, 0..s.len(), &mut out);
        out.iter()
            .map(|a| {
                let kind = match a {
                    Atom::Text(_) => "text",
                    Atom::Bracket { .. } => "bracket",
                    Atom::Paren { .. } => "paren",
                    Atom::Quote { .. } => "quote",
                    Atom::Url(_) => "url",
                    _ => "other",
                };
                format!("{kind}:{}", &s[a.span().clone()])
            })
            .collect()
    }

    #[test]
    fn text_is_cut_at_groups_quotes_and_addresses() {
        assert_eq!(
            split("[CCS 2020] Title [[code]] (Oral) \"Quoted\" https://a.b/c."),
            [
                "bracket:[CCS 2020]",
                "text: Title ",
                "bracket:[[code]]",
                "text: ",
                "paren:(Oral)",
                "text: ",
                "quote:\"Quoted\"",
                "text: ",
                "url:https://a.b/c",
                "text:."
            ]
        );
        assert_eq!(split("a \\[b] c"), ["text:a \\[b] c"]);
        assert_eq!(split("“Curly” x"), ["quote:“Curly”", "text: x"]);
        // Quotes inside a quoted title are its words.
        assert_eq!(
            split("\"When \"Correct\" Is Not Safe\" [x]"),
            [
                "quote:\"When \"Correct\" Is Not Safe\"",
                "text: ",
                "bracket:[x]"
            ]
        );
        assert_eq!(
            split("\"\"It's Weird\": Usability\" x"),
            ["quote:\"\"It's Weird\": Usability\"", "text: x"]
        );
        assert_eq!(
            split("\"A\" and \"B\""),
            ["quote:\"A\"", "text: and ", "quote:\"B\""]
        );
        assert_eq!(split("[open only"), ["text:[open only"]);
        // A journal's acronym in a citation is a word of its name.
        assert_eq!(
            split("Management Systems (TMIS), 2021, 12(3): 1-22."),
            ["text:Management Systems (TMIS), 2021, 12(3): 1-22."]
        );
    }

    #[test]
    fn groups_stay_linear_on_hostile_text() {
        let s = "[".repeat(100_000);
        let start = std::time::Instant::now();
        assert_eq!(split(&s).len(), 1);
        assert!(start.elapsed().as_secs() < 2);
    }
}

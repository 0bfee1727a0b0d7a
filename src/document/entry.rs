//! Reads one list item's text as an entry: tags, title, links and notes.
//!
//! This works on the raw text rather than on pulldown-cmark's inline events
//! because the defects we report (`Title[[pdf]]`, `[[code]]` with no URL,
//! `ICCV2023`) are exactly what markdown does not model. Every search below is
//! memoized or bounded so that hostile input (thousands of `[[` with no `]]`)
//! stays linear in the length of the item.

use std::sync::LazyLock;

use memchr::memmem;

use super::Span;

/// A bold tag `[**...**]`: the whole tag and the text inside the stars.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tag {
    pub span: Span,
    pub inner: Span,
}

/// A four-digit number in a venue tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Year {
    pub value: u16,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkBracket {
    /// `[[pdf]](url)`, the list format's own link.
    Double,
    /// `[pdf](url)`, a plain markdown link.
    Single,
}

/// A labelled link, possibly with its URL missing (`[[code]]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub span: Span,
    pub label: Span,
    /// The text between the parentheses, trimmed; `None` without parentheses.
    pub url: Option<Span>,
    pub bracket: LinkBracket,
}

/// The parts of an entry found in an item's text.
#[derive(Debug, Default)]
pub(super) struct Parts {
    pub tags: Vec<Tag>,
    pub title: Span,
    pub links: Vec<Link>,
    pub notes: Vec<Span>,
}

/// Finds the first occurrence of a pattern at or after a position, remembering
/// the last answer so that a left-to-right scan never searches the same bytes twice.
struct Finder<'a> {
    haystack: &'a [u8],
    needle: &'static memmem::Finder<'static>,
    /// The answer for positions up to and including `known_from`.
    memo: Option<(usize, Option<usize>)>,
}

// Searchers are built once: building one per entry cost more than the search.
static TAG_OPEN: LazyLock<memmem::Finder<'static>> = LazyLock::new(|| memmem::Finder::new(b"[**"));
static TAG_CLOSE: LazyLock<memmem::Finder<'static>> = LazyLock::new(|| memmem::Finder::new(b"**]"));
static LABEL_CLOSE: LazyLock<memmem::Finder<'static>> =
    LazyLock::new(|| memmem::Finder::new(b"]]"));
static BRACKET_CLOSE: LazyLock<memmem::Finder<'static>> =
    LazyLock::new(|| memmem::Finder::new(b"]"));

impl<'a> Finder<'a> {
    fn new(haystack: &'a [u8], needle: &'static memmem::Finder<'static>) -> Self {
        Self {
            haystack,
            needle,
            memo: None,
        }
    }

    fn find_from(&mut self, from: usize) -> Option<usize> {
        if let Some((known_from, answer)) = self.memo {
            match answer {
                None if from >= known_from => return None,
                Some(at) if from >= known_from && from <= at => return Some(at),
                _ => {}
            }
        }
        let answer = self
            .needle
            .find(self.haystack.get(from..)?)
            .map(|i| i + from);
        self.memo = Some((from, answer));
        answer
    }
}

/// Reads an item's text (`head`, a span of `text`) as an entry.
///
/// Returns `None` unless the text starts with a closed bold tag `[**...**]`.
pub(super) fn scan(text: &str, head: Span) -> Option<Parts> {
    let base = head.start;
    let s = &text.as_bytes()[head];
    if !s.starts_with(b"[**") {
        return None;
    }
    let mut parts = Parts {
        links: Vec::with_capacity(2),
        ..Parts::default()
    };
    let mut tag_close = Finder::new(s, &TAG_CLOSE);
    let mut pos = 0;
    while s[pos..].starts_with(b"[**") {
        // A tag does not run across another tag's opening; an unclosed tag
        // after the first is read as part of the title.
        let close = tag_close
            .find_from(pos + 3)
            .filter(|&close| TAG_OPEN.find(&s[pos + 3..close]).is_none());
        let Some(close) = close else {
            if parts.tags.is_empty() {
                return None;
            }
            break;
        };
        parts.tags.push(Tag {
            span: base + pos..base + close + 3,
            inner: base + pos + 3..base + close,
        });
        pos = close + 3;
        let next = skip_space(s, pos);
        if !s[next..].starts_with(b"[**") {
            break;
        }
        pos = next;
    }

    let title_start = skip_space(s, pos);
    let mut title_end = None;
    let mut double_close = Finder::new(s, &LABEL_CLOSE);
    let mut single_close = Finder::new(s, &BRACKET_CLOSE);
    let mut parens: Option<Vec<(usize, usize)>> = None;
    let mut note_start: Option<usize> = None;
    let mut i = title_start;
    while i < s.len() {
        // An image (`![stars](badge.svg)`) is part of a note, never a link.
        if s[i] == b'!' && s.get(i + 1) == Some(&b'[') {
            if title_end.is_some() && note_start.is_none() {
                note_start = Some(i);
            }
            i += 2;
            continue;
        }
        let link = match s[i] {
            b'[' => read_link(s, i, &mut double_close, &mut single_close, &mut parens),
            _ => None,
        };
        match link {
            // A plain link where the title starts is the title, linked.
            Some((end, _, _, LinkBracket::Single)) if title_end.is_none() && i == title_start => {
                i = end;
            }
            Some((end, label, url, bracket)) => {
                if title_end.is_none() {
                    title_end = Some(trim_end(s, title_start, i));
                }
                if let Some(start) = note_start.take() {
                    parts.notes.push(base + start..base + trim_end(s, start, i));
                }
                parts.links.push(Link {
                    span: base + i..base + end,
                    label: base + label.start..base + label.end,
                    url: url.map(|u| base + u.start..base + u.end),
                    bracket,
                });
                i = end;
            }
            None => {
                if title_end.is_some() && note_start.is_none() && !is_space(s[i]) {
                    note_start = Some(i);
                }
                i += 1;
            }
        }
    }
    if let Some(start) = note_start {
        parts
            .notes
            .push(base + start..base + trim_end(s, start, s.len()));
    }
    let title_end = title_end.unwrap_or_else(|| trim_end(s, title_start, s.len()));
    parts.title = base + title_start..base + title_end.max(title_start);
    Some(parts)
}

type RawLink = (usize, Span, Option<Span>, LinkBracket);

/// Reads `[[label]](url)`, `[[label]]` or `[label](url)` at `i`.
fn read_link(
    s: &[u8],
    i: usize,
    double_close: &mut Finder,
    single_close: &mut Finder,
    parens: &mut Option<Vec<(usize, usize)>>,
) -> Option<RawLink> {
    let (label, after, bracket) = if s[i..].starts_with(b"[[") {
        let close = double_close.find_from(i + 2)?;
        let label = i + 2..close;
        if !is_label(&s[label.clone()]) {
            return None;
        }
        (label, close + 2, LinkBracket::Double)
    } else {
        let close = single_close.find_from(i + 1)?;
        let label = i + 1..close;
        // A plain `[text]` is prose; only `[text](` is a link.
        if s.get(close + 1) != Some(&b'(') || !is_label(&s[label.clone()]) {
            return None;
        }
        (label, close + 1, LinkBracket::Single)
    };
    if s.get(after) != Some(&b'(') {
        return match bracket {
            LinkBracket::Double => Some((after, label, None, bracket)),
            LinkBracket::Single => None,
        };
    }
    let pairs = parens.get_or_insert_with(|| match_parens(s));
    match pairs.binary_search_by_key(&after, |&(open, _)| open) {
        Ok(found) => {
            let close = pairs[found].1;
            let url_start = skip_space(s, after + 1);
            // `(url "title")`: the destination ends where the title starts.
            let url_end = match s[url_start..close].iter().position(|&b| is_space(b)) {
                Some(p)
                    if matches!(
                        s.get(skip_space(s, url_start + p)),
                        Some(b'"' | b'\'' | b'(')
                    ) =>
                {
                    url_start + p
                }
                _ => trim_end(s, url_start, close),
            };
            Some((close + 1, label, Some(url_start..url_end), bracket))
        }
        // `(` with no balanced `)` on the same run of non-space: not a
        // destination. `[[code]](coming soon)` is still read as a link whose
        // "URL" is the placeholder, so that it is reported as one.
        Err(_) => match bracket {
            LinkBracket::Double => {
                let window = &s[after..(after + 41).min(s.len())];
                let close = memchr::memchr(b')', window)
                    .map(|p| after + p)
                    .filter(|&close| {
                        !s[after + 1..close]
                            .iter()
                            .any(|&b| matches!(b, b'[' | b'\n' | b'('))
                    });
                match close {
                    Some(close) => {
                        let url_start = skip_space(s, after + 1);
                        Some((
                            close + 1,
                            label,
                            Some(url_start..trim_end(s, url_start, close)),
                            bracket,
                        ))
                    }
                    None => Some((after, label, None, bracket)),
                }
            }
            LinkBracket::Single => None,
        },
    }
}

/// Pairs each `(` with its balanced `)` in one pass. Link destinations contain no
/// unescaped whitespace, so whitespace ends every open pair, except directly
/// inside `(` where markdown allows spaces around the destination.
fn match_parens(s: &[u8]) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    let mut blank_since_open = false;
    let mut i = 0;
    while i < s.len() {
        match s[i] {
            b'\\' => {
                i += 2;
                blank_since_open = false;
                continue;
            }
            b'(' => {
                open.push(i);
                blank_since_open = true;
            }
            b')' => {
                if let Some(start) = open.pop() {
                    pairs.push((start, i));
                }
                blank_since_open = false;
            }
            b if is_space(b) => {
                let run_end = skip_space(s, i);
                // Whitespace ends a destination, unless the `)` or a quoted
                // link title (`"the paper"`) follows; the title is skipped whole.
                if let Some(&quote) = s.get(run_end).filter(|&&q| q == b'"' || q == b'\'')
                    && !open.is_empty()
                    && let Some(close) = memchr::memchr(quote, &s[run_end + 1..])
                {
                    i = run_end + 1 + close + 1;
                    blank_since_open = false;
                    continue;
                }
                if !blank_since_open && s.get(run_end) != Some(&b')') {
                    open.clear();
                }
                i = run_end;
                continue;
            }
            _ => blank_since_open = false,
        }
        i += 1;
    }
    pairs.sort_unstable_by_key(|&(o, _)| o);
    pairs
}

/// A link label is short, one line, and holds no brackets. Its length counts
/// a run of spaces once, so that collapsing doubled spaces (a `spacing` fix)
/// never turns title text into a label.
fn is_label(label: &[u8]) -> bool {
    let mut len = 0;
    for (i, &b) in label.iter().enumerate() {
        if matches!(b, b'[' | b']' | b'\n' | b'\r') {
            return false;
        }
        if !(is_space(b) && i > 0 && is_space(label[i - 1])) {
            len += 1;
            if len > 40 {
                return false;
            }
        }
    }
    true
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

fn skip_space(s: &[u8], mut i: usize) -> usize {
    while i < s.len() && is_space(s[i]) {
        i += 1;
    }
    i
}

fn trim_end(s: &[u8], start: usize, mut end: usize) -> usize {
    while end > start && is_space(s[end - 1]) {
        end -= 1;
    }
    end
}

/// Splits a venue tag's inner text into the venue name and its years.
///
/// The venue is the text before the first four-digit number; without one, the
/// text before a trailing number of another length (`NeurIPS 202`); otherwise all of it.
pub(super) fn split_venue_tag(text: &str, inner: &Span) -> (Span, Vec<Year>) {
    let s = &text.as_bytes()[inner.clone()];
    let base = inner.start;
    let mut years = Vec::with_capacity(1);
    let mut last_number: Option<Span> = None;
    let mut i = 0;
    while i < s.len() {
        if !s[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < s.len() && s[i].is_ascii_digit() {
            i += 1;
        }
        if i - start == 4 {
            let value = std::str::from_utf8(&s[start..i])
                .ok()
                .and_then(|d| d.parse().ok());
            if let Some(value) = value {
                years.push(Year {
                    value,
                    span: base + start..base + i,
                });
            }
        }
        last_number = Some(start..i);
    }
    let venue_end = match (years.first(), last_number) {
        (Some(year), _) => year.span.start - base,
        // `NeurIPS 202`: a trailing number of the wrong length is a broken year.
        (None, Some(n)) if n.end == s.len() && n.start > 0 && s[n.start - 1] == b' ' => n.start,
        _ => s.len(),
    };
    // Stray stars (`[***CVPR 2023***]`) and separators before the year
    // (`MICCAI-2023`, `CVPR, 2023`) are not part of the venue's name.
    let mut start = 0;
    while start < venue_end && matches!(s[start], b' ' | b'*') {
        start += 1;
    }
    let mut end = venue_end;
    while end > start
        && matches!(
            s[end - 1],
            b' ' | b'\t' | b'*' | b'-' | b'_' | b'\'' | b',' | b':'
        )
    {
        end -= 1;
    }
    (base + start..base + end, years)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(s: &str) -> Option<Parts> {
        scan(s, 0..s.len())
    }

    fn texts<'a>(s: &'a str, spans: &[Span]) -> Vec<&'a str> {
        spans.iter().map(|r| &s[r.clone()]).collect()
    }

    #[test]
    fn a_labels_length_counts_a_run_of_spaces_once() {
        // Collapsing the doubled spaces must not turn text into a label.
        let spaced = format!("pdf{}paper{}one", " ".repeat(30), " ".repeat(30));
        assert!(is_label(spaced.as_bytes()));
        assert!(is_label(b"pdf paper one"));
        assert!(!is_label("x".repeat(41).as_bytes()));
        assert!(!is_label(b"pdf]x"));
        assert!(!is_label(b"pdf\nx"));
    }

    #[test]
    fn reads_a_well_formed_entry() {
        let s = "[**ICCV 2023**] [**MedKLIP**] MedKLIP: Title [[pdf]](https://a/b.pdf) [[code]](https://github.com/o/r)";
        let p = parts(s).unwrap();
        assert_eq!(p.tags.len(), 2);
        assert_eq!(&s[p.tags[0].inner.clone()], "ICCV 2023");
        assert_eq!(&s[p.tags[1].inner.clone()], "MedKLIP");
        assert_eq!(&s[p.title.clone()], "MedKLIP: Title");
        let labels: Vec<_> = p.links.iter().map(|l| &s[l.label.clone()]).collect();
        assert_eq!(labels, ["pdf", "code"]);
        assert_eq!(
            &s[p.links[1].url.clone().unwrap()],
            "https://github.com/o/r"
        );
        assert!(p.notes.is_empty());
    }

    #[test]
    fn empty_code_link_and_missing_space() {
        let s = "[**MICCAI 2024**] [**ASG**]  Title [[pdf]](https://x/1)[[code]]";
        let p = parts(s).unwrap();
        assert_eq!(&s[p.title.clone()], "Title");
        assert_eq!(p.links.len(), 2);
        assert_eq!(p.links[1].url, None);
        assert_eq!(&s[p.links[1].span.clone()], "[[code]]");
        assert_eq!(p.links[0].span.end, p.links[1].span.start);
    }

    #[test]
    fn glued_title_and_link() {
        let s = "[**arxiv 2024**] [**E**] E: Pre-training[[pdf]](u) [[code]](v)";
        let p = parts(s).unwrap();
        assert_eq!(&s[p.title.clone()], "E: Pre-training");
        assert_eq!(p.title.end, p.links[0].span.start);
    }

    #[test]
    fn urls_keep_balanced_parentheses() {
        let s = "[**X 2020**] T [[pdf]](https://en.wikipedia.org/wiki/A_(b)) [[code]]()";
        let p = parts(s).unwrap();
        assert_eq!(
            &s[p.links[0].url.clone().unwrap()],
            "https://en.wikipedia.org/wiki/A_(b)"
        );
        assert_eq!(&s[p.links[1].url.clone().unwrap()], "");
    }

    #[test]
    fn notes_and_single_bracket_links() {
        let s = "[**CVPR 2023**] Title [Oral] [paper](https://p) (Highlight) [[code]](c) ⭐";
        let p = parts(s).unwrap();
        assert_eq!(&s[p.title.clone()], "Title [Oral]");
        assert_eq!(p.links[0].bracket, LinkBracket::Single);
        assert_eq!(texts(s, &p.notes), ["(Highlight)", "⭐"]);
    }

    #[test]
    fn images_titles_and_linked_titles() {
        let s = "[**ICCV 2023**] [**A**] A Title [[pdf]](https://a/1.pdf \"the paper\") [[code]](https://g/a) ![stars](https://img/s.svg) [![Stars](https://img/b.svg)](https://g/b)";
        let p = parts(s).unwrap();
        assert_eq!(p.links.len(), 2);
        assert_eq!(&s[p.links[0].url.clone().unwrap()], "https://a/1.pdf");
        assert_eq!(
            texts(s, &p.notes),
            ["![stars](https://img/s.svg) [![Stars](https://img/b.svg)](https://g/b)"]
        );

        let s = "[**CVPR 2023**] [Linked Title](https://x/abs) [[pdf]](https://x/1.pdf)";
        let p = parts(s).unwrap();
        assert_eq!(&s[p.title.clone()], "[Linked Title](https://x/abs)");
        assert_eq!(p.links.len(), 1);
    }

    #[test]
    fn not_an_entry_without_a_closed_bold_tag() {
        assert!(parts("News: we moved").is_none());
        assert!(parts("[ICCV 2023] Title").is_none());
        assert!(parts("[**ICCV 2023] Title [[pdf]](u)").is_none());
    }

    #[test]
    fn hostile_brackets_stay_linear() {
        let mut s = String::from("[**X 2020**] ");
        for _ in 0..200_000 {
            s.push_str("[[a]](");
        }
        let start = std::time::Instant::now();
        let p = parts(&s).unwrap();
        assert!(start.elapsed().as_secs() < 5);
        assert_eq!(p.links.len(), 200_000);
        assert!(p.links.iter().all(|l| l.url.is_none()));
    }

    #[test]
    fn splits_venue_and_years() {
        let split = |s: &str| {
            let (venue, years) = split_venue_tag(s, &(0..s.len()));
            (
                s[venue].to_owned(),
                years.iter().map(|y| y.value).collect::<Vec<_>>(),
            )
        };
        assert_eq!(split("ICCV 2023"), ("ICCV".into(), vec![2023]));
        assert_eq!(split("ICCV2023"), ("ICCV".into(), vec![2023]));
        assert_eq!(split("ML4H 2022"), ("ML4H".into(), vec![2022]));
        assert_eq!(split("NeurIPS 202"), ("NeurIPS".into(), vec![]));
        assert_eq!(
            split("PMLR 2022(arxiv 2020)"),
            ("PMLR".into(), vec![2022, 2020])
        );
        assert_eq!(split("MICCAI-ws 2023"), ("MICCAI-ws".into(), vec![2023]));
        assert_eq!(split("Nature"), ("Nature".into(), vec![]));
        assert_eq!(split("3DV 2024"), ("3DV".into(), vec![2024]));
        assert_eq!(split("*CVPR 2023*"), ("CVPR".into(), vec![2023]));
        assert_eq!(split("MICCAI-2023"), ("MICCAI".into(), vec![2023]));
        assert_eq!(split("CVPR, 2023"), ("CVPR".into(), vec![2023]));
    }
}

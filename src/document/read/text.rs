//! Plain text after the title: authors, the venue and year at its end,
//! comma-separated reference fields, notes.

use super::*;

/// Text with its markdown links written as their labels: an author line
/// that links its authors' homepages (`[Yang Hong](https://…), Peng Bo`)
/// reads as the names.
pub(in crate::document) fn link_labels(text: &str) -> std::borrow::Cow<'_, str> {
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
pub(crate) fn looks_like_authors(text: &str, alone: bool) -> bool {
    let t = text.trim().trim_end_matches(['.', ',', ';']);
    // A question mark between letters is a letter lost to an encoding
    // (`Christian B?hm`); elsewhere it ends a question, no name.
    let question = t.match_indices('?').any(|(i, _)| {
        let letter = |c: Option<char>| c.is_some_and(char::is_alphabetic);
        !(letter(t[..i].chars().next_back()) && letter(t[i + 1..].chars().next()))
    });
    if t.is_empty() || t.len() > 2000 || t.contains([':', '"', '!']) || question {
        return false;
    }
    if t.as_bytes()
        .windows(5)
        .any(|w| w.eq_ignore_ascii_case(b"et al"))
    {
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
    // Where the text stands apart as a line of names (its own line, in
    // italics) and lists three or more.
    let lenient = alone && names.len() >= 3;
    let capital = |w: &str| {
        let first = w.chars().next().unwrap_or(' ');
        first.is_uppercase() || !first.is_ascii()
    };
    // (Asked of every name of every line that may be authors: counted as
    // it goes, nothing collected.)
    let name_like = |name: &str| {
        let mut words = 0;
        // One word of a name written in lowercase beside capitalised ones
        // is a slip in the name (`jia Wang`, `Gerard De melo`), not prose.
        let mut lowercase = 0;
        for w in name.split_whitespace() {
            words += 1;
            if words > 5 || w.chars().count() > 25 || w.chars().any(|c| c.is_ascii_digit()) {
                return false;
            }
            if !capital(w) && !particles.contains(&w) {
                lowercase += 1;
            }
        }
        // Asked only of the rare name with a lowercase word.
        let function_word = || {
            name.split_whitespace().any(|w| {
                [
                    "of", "and", "for", "the", "in", "on", "with", "via", "to", "a", "an", "by",
                ]
                .iter()
                .any(|f| w.eq_ignore_ascii_case(f))
            })
        };
        words >= 1
            && (lowercase == 0
                || (lowercase == 1 && lenient && (2..=3).contains(&words) && !function_word()))
    };
    let good = names.iter().filter(|n| name_like(n)).count();
    if names.len() == 1 {
        let words = names[0].split_whitespace().count();
        return good == 1 && (2..=4).contains(&words);
    }
    good * 10 >= names.len() * 8
}

/// Reads `by A, B and C, Venue 2019.` (after what closes a title: `>`,
/// `,`): the names after `by` are the authors, and what follows the last
/// of them (a venue the vocabulary knows or an acronym, and the year that
/// ends the text) is read as any text is. Only where the names read as
/// authors and a year ends the text.
fn by_authors(text: &str, r: &mut Reading, span: Span, place: Place, vocab: &Known<'_>) -> bool {
    let t = &text[span.clone()];
    let lead = t.len() - t.trim_start_matches(['>', ',', ' ']).len();
    let Some(names_and_rest) = t[lead..]
        .strip_prefix("by ")
        .or_else(|| t[lead..].strip_prefix("By "))
    else {
        return false;
    };
    let start = span.start + (t.len() - names_and_rest.len());
    let trimmed = names_and_rest.trim_end().trim_end_matches('.');
    let years = date::years(trimmed);
    let Some(last) = years.last().filter(|y| y.span.end == trimmed.len()) else {
        return false;
    };
    let before = trimmed[..last.date.start].trim_end_matches([',', ' ']);
    // The venue, if any: the clause after the last comma, when it names one.
    let venue_at = before.rfind(", ").map(|i| i + 2).filter(|&at| {
        let clause = before[at..].trim();
        is_known_venue(clause, vocab)
            || ((2..=8).contains(&clause.len())
                && clause
                    .bytes()
                    .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit()))
    });
    let names = match venue_at {
        Some(at) => before[..at].trim_end_matches([',', ' ']),
        None => before,
    };
    if names.is_empty() || !looks_like_authors(names, true) {
        return false;
    }
    let names_span = start..start + names.len();
    r.authors = Some(Authors {
        span: names_span.clone(),
        inner: names_span.clone(),
        form: Form::Plain,
        place,
    });
    text_fields(text, r, names_span.end..span.end, place, vocab, None);
    true
}

/// What the end of a plain title holds, if it is a venue or a year.
pub(in crate::document) struct Tail {
    pub(super) venue: Option<(Span, Span, Vec<date::Year>)>,
}

/// Splits `Title. ICLR 2014.` or `Title 2020.` into the title's end and its tail.
pub(in crate::document) fn split_tail(
    text: &str,
    span: Span,
    vocab: &Known<'_>,
) -> (usize, Option<Tail>) {
    let t = &text[span.clone()];
    let trimmed = t.trim_end_matches(['.', ' ', ',']);
    // `…, TETCI, 2018 (first audio-visual SE)`: a remark after the year
    // (no venue, no date of its own) is no part of the tail it follows.
    let trimmed = match trimmed.strip_suffix(')').and_then(|inner| {
        inner
            .rfind('(')
            .map(|open| (&trimmed[..open], &inner[open + 1..]))
    }) {
        Some((before, remark))
            if date::years(remark).is_empty()
                && !is_known_venue(remark, vocab)
                && date::years(before.trim_end())
                    .last()
                    .is_some_and(|y| y.span.end == before.trim_end().len()) =>
        {
            before.trim_end()
        }
        _ => trimmed,
    };
    // `Title. Hinton et al. arXiv:1503.02531`: the preprint's identifier
    // ends the text, and names its venue.
    if let Some(at) = arxiv_id_tail(trimmed) {
        let start = span.start + at;
        let name = start..start + arxiv_name_len(trimmed, at);
        return (
            start,
            Some(Tail {
                venue: Some((start..span.start + trimmed.len(), name, Vec::new())),
            }),
        );
    }
    // `Title. In *ICML 2018*.`: the venue and its year in one emphasis,
    // whose closing marker follows the year.
    let closing = trimmed.len() - trimmed.trim_end_matches(['*', '_']).len();
    let trimmed = &trimmed[..trimmed.len() - closing];
    let marker = &t[trimmed.len()..trimmed.len() + closing];
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
    // (A title may end its sentence with a question: `When does SGD
    // escape local minima? In *ICML 2018*.`; but not every question ends
    // the title: `Attention, please! A survey …, in *AI Review* 2022`.)
    let asked = ["? ", "! "]
        .iter()
        .filter_map(|end| before.rfind(end))
        .max()
        .map(|i| i + 2)
        .filter(|&at| word_count(&before[at..]) <= 4);
    // `CVPR'2021`, the year glued to its venue by an apostrophe: a tag's
    // form, never a title's words, so its word is the venue even where no
    // sentence boundary sets it apart (`… Consistency CVPR'2021`).
    let glued = before
        .strip_suffix('\'')
        .filter(|name| !name.ends_with(' '))
        .map(|name| name.rfind(' ').map_or(0, |i| i + 1))
        .filter(|&at| {
            let word = &before[at..before.len() - 1];
            word.bytes().any(|b| b.is_ascii_uppercase())
                && word.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        });
    let boundary = before
        .rfind(". ")
        .map(|i| i + 2)
        .or_else(|| before.rfind(", ").map(|i| i + 2).max(asked))
        .or_else(|| before.rfind('，').map(|i| i + '，'.len_utf8()))
        .or(glued.filter(|&at| at > 0));
    let mut venue_start = boundary.unwrap_or(last.date.start);
    // Where the title ends: before the venue, or before the citation's `in`
    // that introduces it (`Title, in *ICLR* 2024.`), which is neither's.
    let mut title_end = venue_start;
    let mut cited = false;
    if boundary.is_some() {
        let rest = &before[venue_start..];
        if let Some(after) = rest
            .strip_prefix("in ")
            .or_else(|| rest.strip_prefix("In "))
            && !after.trim().is_empty()
        {
            venue_start += rest.len() - after.trim_start().len();
            cited = true;
        }
    }
    // (Emphasis closing after the year is read here only after the
    // citation's `in`: `Names. *NeurIPS 2019*` is the authors' line, read
    // as one.)
    // (Or after a short name and its period, all there is before it:
    // `FGFI. *CVPR 2019*.` heads a paper whose title is on a line below.)
    let named = boundary.is_some()
        && before[..venue_start]
            .trim_end()
            .strip_suffix('.')
            .is_some_and(|name| name.split_whitespace().count() == 1);
    if closing > 0 && !cited && !named {
        return (span.end, None);
    }
    if named && !cited {
        // The name ends at its period, which parts it from the venue.
        title_end = before[..venue_start].trim_end().len() - 1;
    }
    let venue = before[venue_start..]
        .trim()
        .trim_end_matches([',', '\'', '-'])
        .trim();
    // An italic or bold venue (`*ICLR Workshop*, 2021.`): its name is
    // inside the markers, and the markers are not the title's.
    let written = venue;
    let venue = match written.strip_prefix(marker) {
        Some(inner) if closing > 0 && !inner.starts_with(['*', '_', ' ']) => inner,
        _ if closing > 0 => return (span.end, None),
        _ => unwrap_emphasis(written),
    };
    // Known, or set apart as a venue is: in emphasis, a sentence of its own
    // before the year (`A. Lee and B. Kim. *WiseML*, 2022.`).
    let sentence = before[..venue_start].trim_end().ends_with(['.', '?', '!']);
    // An acronym as a sentence of its own before the year (`Yu et al.
    // CVRP 2019`) is a venue's name, known or misspelt.
    // (Two letters are enough in the glued tag form: `VC'2011`.)
    let shortest = if glued == Some(venue_start) { 2 } else { 3 };
    let acronym = (shortest..=8).contains(&venue.len())
        && venue
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        && venue.bytes().filter(u8::is_ascii_uppercase).count() >= shortest;
    let known = !venue.is_empty()
        && (is_known_venue(venue, vocab)
            || ((sentence || glued == Some(venue_start)) && acronym)
            || (written != venue && (sentence || cited) && venue.split_whitespace().count() <= 10));
    // `Names. AAMAS. 2023.`: a known venue, a sentence of its own before
    // the year's, is the venue, set apart by a period where the list puts
    // a comma.
    if venue.is_empty()
        && closing == 0
        && let Some(at) = boundary.filter(|&b| b == venue_start && b >= 2)
    {
        let prior = before[..at - 2].trim_end();
        let from = prior.rfind(". ").map_or(0, |i| i + 2);
        let candidate = &prior[from..];
        if from > 0 && candidate.split_whitespace().count() <= 3 && is_known_venue(candidate, vocab)
        {
            let start = span.start + from;
            let years = vec![shift_year(last.clone(), span.start)];
            return (
                start,
                Some(Tail {
                    venue: Some((
                        start..span.start + last.span.end,
                        start..start + candidate.len(),
                        years,
                    )),
                }),
            );
        }
    }
    if venue.is_empty() {
        // `Title 2020.`: a year alone ends the title only after a space, before a final period;
        // `Title, 2020`, after a comma, as a citation adds it.
        let ends_with_period = t.trim_end().ends_with('.');
        let after_comma = before.ends_with(", ") && closing == 0;
        // `Title, TETCI, 2018`: a known venue or an acronym, a field of its
        // own before the year's, is the venue.
        if after_comma {
            let prior = &before[..before.len() - 2];
            if let Some(comma) = prior.rfind(", ") {
                let field = prior[comma + 2..].trim();
                let acronym = (3..=8).contains(&field.len())
                    && field
                        .bytes()
                        .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
                    && field.bytes().filter(u8::is_ascii_uppercase).count() >= 3;
                if !field.is_empty()
                    && field.split_whitespace().count() <= 3
                    && (acronym || is_known_venue(field, vocab))
                    && word_count(&prior[..comma]) >= 3
                {
                    let start = span.start + comma + 2;
                    return (
                        span.start + comma,
                        Some(Tail {
                            venue: Some((
                                start..span.start + last.span.end,
                                start..start + field.len(),
                                vec![shift_year(last.clone(), span.start)],
                            )),
                        }),
                    );
                }
            }
        }
        if !((ends_with_period && before.ends_with(' ')) || after_comma)
            || before.split_whitespace().count() < 2
        {
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
    if title_end == venue_start {
        title_end = start - span.start;
    }
    let name_start = start + (venue.as_ptr() as usize - written.as_ptr() as usize);
    let name = name_start..name_start + venue.len();
    let whole = start..span.start + last.span.end + closing;
    let years = years
        .into_iter()
        .filter(|y| y.date.start >= venue_start)
        .map(|y| shift_year(y, span.start))
        .collect();
    (
        span.start + title_end,
        Some(Tail {
            venue: Some((whole, name, years)),
        }),
    )
}

/// `arXiv` written with a letter left out or two letters swapped.
const ARXIV_SLIPS: [&[u8]; 9] = [
    b"rxiv", b"axiv", b"ariv", b"arxv", b"arxi", b"raxiv", b"axriv", b"arixv", b"arxvi",
];

/// How long the preprint server's name is at `at`, where
/// [`arxiv_id_tail`] found it: `arXiv`, or a slip of it (`arXv`).
pub(in crate::document) fn arxiv_name_len(t: &str, at: usize) -> usize {
    t[at..]
        .bytes()
        .take_while(u8::is_ascii_alphabetic)
        .count()
        .min(5)
}

/// Where `arXiv:1503.02531` (or `arXiv 1503.02531v2`) starts, when it ends
/// the text and follows a space or starts it.
pub(in crate::document) fn arxiv_id_tail(t: &str) -> Option<usize> {
    let b = t.as_bytes();
    // An identifier ends in a digit: most texts are ruled out here, with
    // nothing allocated (this runs on every title's text).
    if !b.last().is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let from = b.len().saturating_sub(24);
    // `arXiv`, or a slip of one letter left out or two swapped (`arXv:`,
    // `axriv:`) before a colon: a preprint's id all the same, whose name
    // venue-format then tells.
    let exact = (from..b.len().saturating_sub(4))
        .rev()
        .find(|&i| b[i..i + 5].eq_ignore_ascii_case(b"arxiv"))
        .map(|i| (i, 5));
    let (found, name) = exact.or_else(|| {
        (from..b.len().saturating_sub(4)).rev().find_map(|i| {
            ARXIV_SLIPS.iter().find_map(|slip| {
                let end = i + slip.len();
                (b.get(i..end)?.eq_ignore_ascii_case(slip) && b.get(end) == Some(&b':'))
                    .then_some((i, slip.len()))
            })
        })
    })?;
    // (After a space, a parenthesis, a comma, or glued to the authors'
    // `et al.`.)
    if found > 0 && !matches!(b[found - 1], b' ' | b'(' | b',' | b'.') {
        return None;
    }
    let rest = t[found + name..].trim_start_matches([':', ' ']);
    let (id, version) = match rest.find(['v', 'V']) {
        Some(v) => (&rest[..v], &rest[v + 1..]),
        None => (rest, ""),
    };
    let (yymm, number) = id.split_once('.')?;
    let digits = |s: &str| s.bytes().all(|c| c.is_ascii_digit());
    (yymm.len() == 4
        && digits(yymm)
        && (4..=5).contains(&number.len())
        && digits(number)
        && digits(version)
        && rest.len() < t.len() - found)
        .then_some(found)
}

/// Text without the emphasis markers that wrap all of it (`*x*`, `**x**`,
/// `_x_`), or as it is.
pub(in crate::document) fn unwrap_emphasis(text: &str) -> &str {
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

pub(in crate::document) fn push_tail(text: &str, r: &mut Reading, tail: Tail, place: Place) {
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
        // `*ICML*, 2020`: the name in emphasis of its own is written so,
        // as a tag in emphasis is (the year after it is plain text).
        let mark = |b: &&u8| **b == b'*' || **b == b'_';
        let open = text.as_bytes()[whole.start..name.start]
            .iter()
            .rev()
            .take_while(mark)
            .count();
        let close = text.as_bytes()[name.end..whole.end]
            .iter()
            .take_while(mark)
            .count();
        let form = match (open == close).then_some(open) {
            Some(1) => Form::Emph,
            Some(2) => Form::Bold,
            Some(3) => Form::BoldEmph,
            _ => Form::Plain,
        };
        r.venue = Some(Venue {
            inner: whole.clone(),
            span: whole,
            name,
            years,
            form,
            place,
        });
    }
}

/// `2019-09, Comput. Secur. 2021,`: a date with its month as the first
/// field, and the venue as the next when it reads as one (a capital, a
/// few words): the date, and the venue's span in `t`.
pub(in crate::document) fn comma_fields(t: &str) -> Option<(date::Year, Option<Span>)> {
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
pub(in crate::document) fn line_fields(text: &str, span: Span, vocab: &Known<'_>) -> Reading {
    let mut r = Reading::default();
    text_fields(text, &mut r, span, Place::SubItem, vocab, None);
    r
}

/// `Karen Simonyan and Andrew Zisserman, Very Deep Convolutional Networks
/// for Large-Scale Visual Recognition, ICLR, 2015.`: a reference written
/// with commas alone, authors first. The authors are the leading segments
/// that are people's names; the title runs from there to the segment that
/// names the venue (a known one, or a preprint's identifier) or the year.
/// Returns the authors', the title's and the rest's spans.
pub(in crate::document) fn comma_citation(
    text: &str,
    span: Span,
    vocab: &Known<'_>,
) -> Option<(Span, Span, Span)> {
    let t = &text[span.clone()];
    let mut segments: Vec<Span> = Vec::new();
    let mut from = 0;
    for (i, _) in t.match_indices(", ") {
        segments.push(from..i);
        from = i + 2;
    }
    segments.push(from..t.trim_end().len());
    let person = |s: &str| {
        s.split(" and ")
            .map(|n| n.trim().trim_start_matches("and "))
            .all(|n| {
                let words: Vec<&str> = n.split_whitespace().collect();
                (2..=5).contains(&words.len())
                    && words.iter().all(|w| {
                        w.starts_with(|c: char| c.is_uppercase())
                            && w.chars()
                                .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\''))
                    })
            })
    };
    let authors_end = segments
        .iter()
        .position(|s| !person(&t[s.clone()]))
        .filter(|&n| n > 0)?;
    let ends_title = |s: &str| {
        let s = s.trim().trim_end_matches('.');
        is_known_venue(s, vocab)
            || arxiv_id_tail(s) == Some(0)
            || (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()))
    };
    let title_end =
        (authors_end + 1..segments.len()).find(|&j| ends_title(&t[segments[j].clone()]))?;
    let title = segments[authors_end].start..segments[title_end - 1].end;
    // A sentence's stop says the reference is written with periods
    // (`A, B, and C. Title. Venue, 2022.`), not with commas alone.
    let written = &t[title.clone()];
    if written.split_whitespace().count() < 2
        || written.starts_with("and ")
        || sentence_stop(&t[..title.end])
    {
        return None;
    }
    let at = |r: Span| span.start + r.start..span.start + r.end;
    Some((
        at(0..segments[authors_end - 1].end),
        at(title),
        at(segments[title_end].start..t.len()),
    ))
}

/// Whether a text has a stop that ends a sentence: `. ` after a word, not
/// after an initial (`Geoffrey E. Hinton`).
fn sentence_stop(t: &str) -> bool {
    t.match_indices(". ").any(|(i, _)| {
        t[..i]
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .is_some_and(|w| w.chars().count() >= 2)
    })
}

/// The last segment of a text (after `, ` or `. `) when it is a venue the
/// vocabulary knows, as a span.
pub(in crate::document) fn last_known_venue(
    text: &str,
    span: Span,
    vocab: &Known<'_>,
) -> Option<Span> {
    let written = &text[span.clone()];
    let trimmed =
        written.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ',' | ';'));
    let start = [", ", ". "]
        .iter()
        .filter_map(|sep| trimmed.rfind(sep).map(|i| i + sep.len()))
        .max()
        .unwrap_or(0);
    let mut segment = trimmed[start..].trim();
    let lead = trimmed[start..].len() - trimmed[start..].trim_start().len();
    // `IEEE Access 12`, `… Association 44 247`: a journal's volume and
    // issue after its name (the year is read apart, `(2023)`).
    if !is_known_venue(segment, vocab) {
        let name = segment.trim_end_matches(|c: char| c.is_ascii_digit() || c == ' ' || c == '.');
        if name.len() < segment.len()
            && segment[name.len()..]
                .trim_start()
                .starts_with(|c: char| c.is_ascii_digit())
        {
            segment = name.trim_end();
        }
    }
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
pub(in crate::document) fn is_page_number(t: &str, year: &date::Year) -> bool {
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
pub(in crate::document) fn text_fields(
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
        // `| arXiv(24.05.07) |` under `Date`: a venue and its paper's days,
        // whatever the column is called; `| Arxiv 24.04.24 |` under a venue
        // or date column.
        let dated = date::venue_with_days(t).or_else(|| {
            (is_venue_column(col) || is_date_column(col))
                .then(|| date::venue_with_short_date(t))
                .flatten()
        });
        // Otherwise a venue column's text is its venue, however written.
        let plain = || (is_venue_column(col) && !is_date_column(col)).then(|| date::split_venue(t));
        if r.venue.is_none()
            && let Some(split) = dated.or_else(plain)
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
        } else if !is_venue_column(col)
            && t.len() <= 7
            && t.trim().bytes().all(|b| b.is_ascii_digit() || b == b',')
        {
            // `| 2088 |` under `Stars`, `Citations`: a count, not a year.
            r.notes.push(span);
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
    // `<[Title](…)> by Jonathan Ho and Stefano Ermon, ICML 2016.`: text that
    // says `by` names the authors, up to the venue and year that end it.
    if column.is_none() && r.authors.is_none() && by_authors(text, r, span.clone(), place, vocab) {
        return;
    }
    // `arxiv:` before its link (`- arxiv: <https://…>`): the link's key,
    // no venue.
    if column.is_none()
        && t.trim_end().ends_with([':', '：'])
        && t.split_whitespace().count() <= 2
        && !t.contains(['[', ']'])
    {
        r.notes.push(span);
        return;
    }
    // `Publish Date: 2024.12.24`, `Publisher: University of Macau`: a
    // labelled line is what its label says, and a publisher is no venue.
    if column.is_none()
        && let Some((field, at)) = field_label(t)
    {
        let value = trim_separators(text, span.start + at..span.end);
        match field {
            Field::Date => {
                if let Some(year) = date::years(&text[value.clone()]).into_iter().next() {
                    let year = shift_year(year, value.start);
                    r.dates.push(DatePart {
                        span: span.clone(),
                        inner: year.date.clone(),
                        year,
                        form: Form::Plain,
                        place,
                    });
                } else {
                    r.notes.push(span);
                }
            }
            // Read as any text is (`intro: CVPR 2017 oral`, `Venue: ICLR
            // 2024`): the venue and year it holds, if any.
            Field::Venue => text_fields(text, r, value, place, vocab, None),
            Field::Publisher => {
                let names_venue = {
                    let split = date::split_venue(&text[value.clone()]);
                    let name = &text[value.clone()][split.name];
                    !name.is_empty()
                        && (super::is_known_venue(name, vocab)
                            || name.split_whitespace().any(super::tag::is_venue_word))
                };
                if names_venue && r.venue.is_none() {
                    let split = date::split_venue(&text[value.clone()]);
                    r.venue = Some(Venue::split_at(
                        split,
                        value.start,
                        value.clone(),
                        value,
                        Form::Plain,
                        place,
                    ));
                } else {
                    r.notes.push(span);
                }
            }
            Field::Note => r.notes.push(span),
        }
        return;
    }
    // `arXiv:1608.08021` alone, or named first (`arXiv preprint
    // arXiv:1602.02999.`): the preprint server, by its identifier.
    if r.venue.is_none() {
        let bare = t.trim_end_matches(['.', ' ']);
        let named = arxiv_id_tail(bare).and_then(|at| {
            if at == 0 {
                let name = span.start..span.start + arxiv_name_len(bare, 0);
                return Some((name, span.clone()));
            }
            // (After a GB/T mark, the sentence's period: `[J]. arXiv …`.)
            let lead = (bare.len() - bare.trim_start_matches(['.', ' ']).len()).min(at);
            let named = bare[lead..at].trim_end_matches([' ', ',']);
            let server = matches!(
                named.to_ascii_lowercase().as_str(),
                "arxiv preprint" | "arxiv e-prints" | "arxiv e-print" | "arxiv" | "preprint"
            );
            let name = span.start + lead..span.start + lead + named.len();
            server.then(|| (name.clone(), name))
        });
        if let Some((name, inner)) = named {
            r.venue = Some(Venue {
                span: span.clone(),
                inner,
                name,
                years: Vec::new(),
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
        // What comes before: the authors (`Xiao Wang, Bo Jiang, 2024` under
        // a `[arXiv:…]` tag), or the volume and pages.
        let mut rest = trim_separators(text, span.start..span.start + last.date.start);
        // `…, Bo Jiang, arXiv Pre-print arXiv:2408.09743, 2024`: the
        // preprint's citation after the names is a note of its own.
        if let Some(at) = arxiv_id_tail(&text[rest.clone()])
            && let Some(comma) = text[rest.start..rest.start + at].rfind(',')
        {
            r.notes
                .push(trim_separators(text, rest.start + comma..rest.end));
            rest = trim_separators(text, rest.start..rest.start + comma);
        }
        if !rest.is_empty() {
            authors_or_note(text, r, rest, place);
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
        let mut name_end = before
            .trim_end_matches([' ', ',', '\'', '-', '(', ':'])
            .len();
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
        // After a title set apart by its markup, a period ends an
        // abbreviation of the venue's name as often as a sentence
        // (`**Title**. J. Artif. Intell. Res. 2021.`): only one after a
        // word no abbreviation is (`et al.`, an acronym, a long word)
        // ends the authors before the venue.
        let titled_before = r
            .title
            .as_ref()
            .is_some_and(|t| t.span.end <= span.start && t.form != Form::Plain);
        let sentence_end = {
            let head = &before[..name_end];
            let mut end = head.len();
            loop {
                let Some(at) = head[..end].rfind(". ") else {
                    break None;
                };
                let word = head[..at]
                    .rsplit(|c: char| c.is_whitespace() || c == '.')
                    .next()
                    .unwrap_or_default();
                let mut letters = word.chars();
                // (Unless a venue's acronym follows: `… Le Song, Yuan Qi.
                // AAAI 2019.`, the authors' last name ends a sentence.)
                let abbreviation = titled_before
                    && letters.next().is_some_and(char::is_uppercase)
                    && letters.clone().count() < 7
                    && letters.all(char::is_lowercase)
                    && !is_known_acronym(head[at + 2..].trim(), vocab);
                if !abbreviation {
                    break Some(at + 2);
                }
                end = at;
            }
        };
        let boundary = before[..name_end]
            .rfind([',', '|', ';', '"'])
            .map(|i| i + 1)
            .into_iter()
            .chain(sentence_end)
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
        // `*AAAI*, 2022`: emphasis around the name alone closes before the year.
        let closing = text[name.start + stars..name.end].len()
            - text[name.start + stars..name.end]
                .trim_end_matches(['*', '_'])
                .len();
        let name = name.start + stars..name.end - if stars > 0 { closing } else { 0 };
        // `arXiv preprint arXiv:2101.01000`: the paper's identifier is not
        // the venue's name.
        let name = name.start..name.start + without_identifier(&text[name.clone()]).len();
        // `Roli. F, 2014`, `I. Goodfellow, 2015`: the end of a person's
        // name before the year, not a venue; the year is a date of its own.
        // (`Le Paine et al, 2018`: an `et al` ends the authors, never a venue.)
        let et_al = text[name.clone()]
            .trim_end_matches('.')
            .to_ascii_lowercase()
            .ends_with("et al");
        let name =
            if et_al || ends_a_person(&text[span.start..name.start], &text[name.clone()], vocab) {
                name.end..name.end
            } else {
                name
            };
        let name_text = &text[name.clone()];
        // A proceedings' name spelled out is long (`Proceedings of the IEEE
        // Conference on Computer Vision and Pattern Recognition`).
        let spelled_out = [
            "Proceedings",
            "Conference",
            "Journal",
            "Transactions",
            "Symposium",
        ]
        .iter()
        .any(|w| name_text.contains(w));
        let venue_like = !name_text.is_empty()
            && name_text.split_whitespace().count() <= if spelled_out { 16 } else { 10 }
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
        // `*AAAI*, 2022. (Discuss the limitations of …)`: a remark in
        // parentheses after the year is a note of its own.
        let remark = after.trim_start_matches(['.', ',', ' ']).starts_with('(');
        let after_ok = after_words.len() <= 3 || title_case || remark;
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
                // A track after the year (`ACL 2024 Findings`, `ICLR 2025
                // Workshop on Sparsity in LLMs`) is the venue's, as it is
                // before the year (`EMNLP Findings 2024`).
                if !name_text.is_empty() && crate::document::track_after_year(after_year).is_some()
                {
                    end += after_year.len();
                }
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
    // A known venue alone: `, CVPR |`, `TACL.` (the period ends the sentence);
    // or the word a list writes for its preprints' venue (`Preprint.`).
    let alone = |t: &str| {
        is_known_venue(t, vocab) || crate::vocabulary::is_one_of(t, &words().tags.preprint)
    };
    let (t, span) = match t.strip_suffix('.') {
        Some(bare) if !bare.ends_with('.') && alone(bare) => (bare, span.start..span.end - 1),
        _ => (t, span),
    };
    if r.venue.is_none() && alone(t) && t.split_whitespace().count() <= 6 {
        r.venue = Some(Venue::plain(span, place));
        return;
    }
    authors_or_note(text, r, span, place);
}

/// Whether `name`, read before a year, is the end of a person's name
/// rather than a venue: an initial (`F`, `F.`), or a word whose initial the
/// text before it ends with (`I.` + `Goodfellow`). A known venue never is.
/// A known venue written as its acronym (`AAAI`, `ICLR`): never the end of
/// an abbreviated name (`Comput. Vis. Media`).
fn is_known_acronym(name: &str, vocab: &Known<'_>) -> bool {
    name.len() >= 3
        && name
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-')
        && is_known_venue(name, vocab)
}

/// A word written as a name is (`Zhu`, `Jean-Luc`): capitalised, the rest
/// in lowercase.
fn capitalised_name(w: &str) -> bool {
    w.split('-').all(|part| {
        let mut chars = part.chars();
        chars.next().is_some_and(char::is_uppercase) && chars.all(char::is_lowercase)
    })
}

fn ends_a_person(before: &str, name: &str, vocab: &Known<'_>) -> bool {
    let is_initial = |w: &str| {
        let w = w.strip_suffix('.').unwrap_or(w);
        w.chars().count() == 1 && w.starts_with(|c: char| c.is_uppercase())
    };
    if name.is_empty() || is_known_venue(name, vocab) {
        return false;
    }
    if is_initial(name) {
        return true;
    }
    // `T. Mitchell`, `Geoffrey E. Hinton`, `Zeng and Tony R. Martinez`: a
    // person's name with an initial in it, every other word capitalised
    // and unabbreviated (`J. Artif. Intell. Res.` abbreviates a journal).
    let words: Vec<&str> = name.split_whitespace().collect();
    let person_word = |w: &str| {
        is_initial(w)
            || w == "and"
            || (w.starts_with(|c: char| c.is_uppercase())
                && !w.ends_with('.')
                && w.chars().skip(1).all(|c| c.is_lowercase() || c == '-'))
    };
    if (2..=8).contains(&words.len())
        && words.iter().any(|w| is_initial(w) && w.ends_with('.'))
        && words.iter().any(|w| !is_initial(w) && *w != "and")
        && words.iter().all(|w| person_word(w))
    {
        return true;
    }
    // `Ziwei Zhang, Peng Cui and Wenwu Zhu. 2018.`: names joined by `and`,
    // their sentence closed before the year.
    if name.ends_with('.')
        && words.len() >= 3
        && words.contains(&"and")
        && words.iter().all(|w| {
            let w = w.trim_end_matches(['.', ',']);
            w == "and" || is_initial(w) || capitalised_name(w)
        })
    {
        return true;
    }
    // `Xiao Wang, Yuehang Li, Bo Jiang, 2024`: after names, a name of two
    // or three capitalised words is the last of them.
    let capitalised = |w: &str| {
        w.split('-').all(|part| {
            let mut chars = part.chars();
            chars.next().is_some_and(char::is_uppercase) && chars.all(char::is_lowercase)
        })
    };
    let words: Vec<&str> = name.split_whitespace().collect();
    if (2..=3).contains(&words.len())
        && words.iter().all(|w| capitalised(w))
        && let Some(names) = before.trim_end().strip_suffix(',')
        && names.contains(',')
        && looks_like_authors(names, true)
    {
        return true;
    }
    let single_word = !name.contains(' ')
        && name.starts_with(|c: char| c.is_uppercase())
        && name.chars().skip(1).all(char::is_lowercase);
    single_word
        && before
            .trim_end()
            .rsplit([' ', ','])
            .next()
            .is_some_and(|w| w.ends_with('.') && is_initial(w))
}

pub(in crate::document) fn authors_or_note(text: &str, r: &mut Reading, span: Span, place: Place) {
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

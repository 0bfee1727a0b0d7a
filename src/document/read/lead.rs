//! What opens an entry before its title: authors and their year in the
//! citation styles (GB/T 7714, APA, IEEE), a `YEAR-VENUE - ` lead, and the
//! marks and decoration around a title.

use super::*;

/// The authors, and perhaps the year, that open an entry before its
/// linked title, as citation styles write them (`A. Lee and B. Kim. 2009.
/// [Title](url). *Venue*.`): one plain text that reads as names.
pub(in crate::document) fn authors_lead(
    text: &str,
    before: &[Placed],
) -> Option<(Span, Option<date::Year>)> {
    authors_lead_as(text, before, false)
}

/// [`authors_lead`]; with `alone`, one name is enough (the comma an IEEE
/// reference writes before its quoted title says it is the authors).
pub(in crate::document) fn authors_lead_as(
    text: &str,
    before: &[Placed],
    alone: bool,
) -> Option<(Span, Option<date::Year>)> {
    // After what may open an entry (`**[14]** Hinton, G., et al. "…"`: a
    // reference's number), the names are the text right before the title.
    let opening = before.len().saturating_sub(1);
    let numbered = |inner: &Span| {
        let t = text[inner.clone()].trim();
        !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit())
    };
    if !before[..opening].iter().all(|p| match &p.piece {
        Piece::Named { inner, .. } | Piece::Tag { inner, .. } => numbered(inner),
        _ => false,
    }) {
        return None;
    }
    let Some(Placed {
        piece: Piece::Text(span),
        ..
    }) = before.last()
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
    // The quote that opens a title written in emphasis inside quotes
    // (`Courville. "**Deep learning**."`) is not the names'.
    let names = names
        .trim_end()
        .trim_end_matches(['"', '“'])
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
pub(in crate::document) fn without_identifier(name: &str) -> &str {
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

/// The authors and year that open an entry, read by [`authors_lead`].
pub(in crate::document) fn take_lead(
    r: &mut Reading,
    names: Span,
    year: Option<date::Year>,
    place: Place,
) {
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
pub(in crate::document) fn without_type_mark(text: &str, title: Span) -> Span {
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
/// shortcodes (`:star:`, `:fire: -`), after a rank (`3) `).
pub(in crate::document) fn is_decoration(text: &str) -> bool {
    // `1) ` opening a table's cell: the entry's rank, as a list's `1.` is.
    let trimmed = text.trim_start();
    let digits = trimmed.bytes().take_while(u8::is_ascii_digit).count();
    let mut rest = match trimmed.as_bytes().get(digits) {
        Some(b')') if (1..=3).contains(&digits) => &trimmed[digits + 1..],
        _ => text,
    };
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
pub(in crate::document) fn without_quotes(text: &str, title: Span) -> Span {
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

/// An APA reference's parts on the entry's first line: the authors' span,
/// the index of the piece that holds the year in parentheses, and the
/// title: the sentence after `(year).`, up to its closing period (the
/// venue follows, usually in italics).
pub(in crate::document) fn apa_title(
    text: &str,
    placed: &[Placed],
    place: Place,
) -> Option<(Span, usize, Span)> {
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
pub(in crate::document) fn trailing_authors(text: &str, title: &Span) -> Option<Span> {
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
            // `Title. Guobin Chen, Wongun Choi, Xiang Yu`: the first name
            // is the sentence before the comma, after the title's stop.
            // (A stop after initials is the name's own: `M. Caner Tol`,
            // `H.J. Terry Suh`.)
            let before = &t[..at - 2];
            let initial = |s: &str| {
                s.rsplit(' ').next().is_some_and(|w| {
                    w.starts_with(char::is_uppercase)
                        && w.split(['.', '-']).all(|part| part.chars().count() <= 1)
                })
            };
            let mut stop = before.rfind(". ");
            while let Some(at) = stop
                && initial(&before[..at])
            {
                stop = before[..at].rfind(". ");
            }
            let first = stop.map(|stop| stop + 2).filter(|&stop| {
                let name = &before[stop..];
                let words = name.split_whitespace().count();
                (2..=3).contains(&words) && stop > 2 && looks_like_authors(name, true)
            });
            return Some(title.start + first.unwrap_or(at)..title.end);
        }
        from = at;
    }
    // `Title. Park, Wonpyo et al.`, `Title. Cho, J. & Hariharan, B.`: the
    // authors as a sentence of their own after the title's. A sentence of
    // capitalized words alone may be the title's own (`Deep Learning. A
    // Review and Survey`): an `et al.`, an initial or an `&` says names.
    // A stop after a single capital is an initial's, not the title's end.
    let mut from = 0;
    while let Some(stop) = t[from..].find(". ") {
        let at = from + stop + 2;
        let rest = &t[at..];
        let before = t[..at - 2].trim_end();
        let after_initial = before
            .rsplit(' ')
            .next()
            .is_some_and(|w| w.chars().count() == 1 && w.starts_with(|c: char| c.is_uppercase()));
        let initial = rest
            .as_bytes()
            .windows(3)
            .any(|w| w[0].is_ascii_uppercase() && w[1] == b'.' && (w[2] == b' ' || w[2] == b','));
        let marked = rest.contains("et al") || rest.contains(" & ") || initial;
        if !after_initial && before.len() > 2 && marked && looks_like_authors(rest, false) {
            return Some(title.start + at..title.end);
        }
        from = at;
    }
    None
}

/// Splits `2016-KBS - Title`, `2018 - Title` or `2021- IEEE PAMI - Title`
/// into the lead (a year, and a venue joined to it) and the title's start:
/// the date and venue a list writes before its titles, set off by a dash,
/// a colon or a bar.
pub(in crate::document) fn split_lead(
    text: &str,
    span: Span,
    vocab: &Known<'_>,
) -> (usize, Option<Tail>) {
    const REACH: usize = 48;
    let t = &text[span.clone()];
    // `CVPR'13 Masked Images Are…`, `ICCV-21 Domain…`: a known venue glued
    // to its year opens the title as a tag would; no title's word is so.
    let opening = t.trim_start();
    // (`SemEval-2013 task 9: …`, a shared task named by its venue and
    // year, opens its own title: the title goes on in lowercase.)
    let next_word = |w: &str| opening[w.len()..].split_whitespace().next().unwrap_or("");
    if let Some(word) = opening.split_whitespace().next()
        && let Some((name, year)) = glued_venue_year(word, vocab)
        && opening[word.len()..].split_whitespace().count() >= 2
        && (!next_word(word).starts_with(char::is_lowercase)
            || super::tag::is_qualifier(next_word(word)))
    {
        let at = span.start + (t.len() - opening.len());
        let mut title_start = at
            + word.len()
            + (opening[word.len()..].len() - opening[word.len()..].trim_start().len());
        // (`ICLR'24 spotlight Title`: the tag's qualifier goes with it.)
        let rest = &text[title_start..span.end];
        if let Some(next) = rest.split_whitespace().next()
            && super::tag::is_qualifier(next)
            && rest[next.len()..].split_whitespace().count() >= 2
        {
            title_start +=
                next.len() + (rest[next.len()..].len() - rest[next.len()..].trim_start().len());
        }
        return (
            title_start,
            Some(Tail {
                venue: Some((
                    at..at + word.len(),
                    at + name.start..at + name.end,
                    vec![shift_year(year, at)],
                )),
            }),
        );
    }
    let mut reach = t.len().min(REACH);
    while !t.is_char_boundary(reach) {
        reach -= 1;
    }
    let window = &t[..reach];
    // A lead starts with its year: most titles have no digit this early,
    // and need no separator searched for.
    if !window.bytes().any(|b| b.is_ascii_digit()) {
        return (span.start, None);
    }
    // The longest lead that reads as one: in `2021- IEEE TPAMI - Title` the
    // first dash joins the year to the venue.
    let mut best: Option<(usize, usize, Span, date::Year)> = None;
    // (With no-break spaces too, as a list pasted from a web page has them.)
    for sep in [
        " - ",
        " – ",
        " — ",
        "- ",
        ": ",
        " | ",
        "\u{a0}-\u{a0}",
        "\u{a0}– ",
        "-\u{a0}",
    ] {
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

/// `CVPR'13`, `ICCV-21`, `NeurIPS2020`: a known venue and its year glued
/// into one word (by an apostrophe, a dash or nothing), split.
fn glued_venue_year(word: &str, vocab: &Known<'_>) -> Option<(Span, date::Year)> {
    let digits = word.len() - word.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    if digits != 2 && digits != 4 {
        return None;
    }
    let digits_at = word.len() - digits;
    let name = word[..digits_at].trim_end_matches(['\'', '’', '-']);
    let apostrophe = word[name.len()..digits_at].contains(['\'', '’']);
    // (`SemEval-2013`, `WNUT-2020`: a workshop's own name, year and all.)
    if digits == 4 && word[name.len()..digits_at].contains('-') {
        return None;
    }
    if name.len() < 2
        || !name.starts_with(|c: char| c.is_ascii_uppercase())
        || !is_known_venue(name, vocab)
    {
        return None;
    }
    let number: u16 = word[digits_at..].parse().ok()?;
    let value = match digits {
        2 if number >= 70 => 1900 + number,
        2 => 2000 + number,
        _ if (1950..=2100).contains(&number) => number,
        _ => return None,
    };
    let form = match (digits, apostrophe) {
        (4, _) => date::YearForm::Full,
        (_, true) => date::YearForm::Short,
        _ => date::YearForm::Bare,
    };
    let year_start = if apostrophe { name.len() } else { digits_at };
    Some((
        0..name.len(),
        date::Year {
            value,
            month: None,
            span: year_start..word.len(),
            form,
            date: year_start..word.len(),
        },
    ))
}

/// A lead's venue (its span in `lead`, empty without one) and year: a
/// four-digit year first, then, joined by a dash or slash (or known to the
/// vocabulary), a short name with a capital.
pub(in crate::document) fn lead_of(lead: &str, vocab: &Known<'_>) -> Option<(Span, date::Year)> {
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
                .all(|c| c.is_alphanumeric() || " -&._".contains(c))
            && (joined || is_known_venue(name, vocab)));
    if !name_ok {
        return None;
    }
    let at = lead.len() - rest.len()
        + (rest.len() - rest.trim_start_matches(['-', '/', '_', ' ', ',']).len());
    Some((at..at + name.len(), year.clone()))
}

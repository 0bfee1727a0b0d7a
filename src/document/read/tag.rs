//! Tags and labels that name a venue or a date: `[**CVPR 2023**]`,
//! `(arXiv 2022.10)`, a badge, a link labelled with its venue, a table's
//! venue column.

use super::*;

/// A link labelled with its paper's venue and year, as references are
/// (`[Nat Mach Intell 4, 739–748 (2022)](https://doi.org/...)`,
/// `[Chemical Science 12.9 (2021)](...)`): the entry's venue and year,
/// when it has none of its own. The link is its paper link (see
/// [`with_target`] for its kind).
/// The venue and year a shields badge shows (`badge/Conference-ICML'23-blue`,
/// `badge/CVPR-2024-blue`, `badge/NeurIPS%202024-blue`), when its name is a
/// venue the vocabulary knows. Its spans point into the badge's URL; the
/// form `Badge` keeps rules from rewriting it there.
pub(in crate::document) fn badge_venue(
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
            // A badge that shows a name and a year shows where and when the
            // paper appeared (`AAAI/EAAI-2025`, `Notion-2025.02`), known or not.
            let name = decoded[split.name.clone()].trim();
            let one_word = !name.is_empty() && !name.contains(' ') && name.len() <= 16;
            if !is_known_venue(name, vocab) && !one_word {
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
pub(in crate::document) fn venue_of_column_link(
    text: &str,
    r: &mut Reading,
    link: &Link,
    vocab: &Known<'_>,
) {
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
pub(in crate::document) fn venue_in_label(
    text: &str,
    r: &mut Reading,
    link: &Link,
    before_title: bool,
    vocab: &Known<'_>,
) {
    if link.is_title || !(link.host == HostKind::Paper || link.to_pdf) {
        return;
    }
    let label = trim(text, link.label.clone());
    let written = &text[label.clone()];
    // `[[12 Feb 2020]](https://arxiv.org/abs/…)`: the paper link labelled
    // with the day it came out, under a group label that names its venue.
    if r.dates.is_empty()
        && let TagMeaning::Date(year) = tag_meaning_for(written, vocab, false)
    {
        r.dates.push(DatePart {
            span: link.span.clone(),
            inner: label.clone(),
            year: shift_year(year, label.start),
            form: Form::Linked,
            place: link.place,
        });
        return;
    }
    let mut split = date::split_venue(written);
    // `[[ACL 24](…)]`: a known venue's acronym and its two-digit year.
    if split.years.is_empty()
        && let Some(spaced) = spaced_short_year(written, vocab)
    {
        split = spaced;
    }
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

/// A word a list puts beside a venue (`Oral`, `Spotlight`), never a name.
pub(in crate::document) fn is_qualifier(text: &str) -> bool {
    is_one_of(text.trim(), &words().tags.qualifiers)
}

/// A word that says a name is a venue's (`Journal`, `workshop`).
pub(in crate::document) fn is_venue_word(word: &str) -> bool {
    words()
        .tags
        .venue_words
        .iter()
        .any(|v| word.eq_ignore_ascii_case(v))
}

/// What a tag's text says it is.
pub(in crate::document) enum TagMeaning {
    Venue(date::VenueText),
    Date(date::Year),
    /// A known venue's name without a year (or with a broken one: `NeurIPS 202`).
    VenueOnly(Span),
    Other,
}

pub(in crate::document) fn tag_meaning(text: &str, vocab: &Known<'_>) -> TagMeaning {
    tag_meaning_for(text, vocab, true)
}

/// [`tag_meaning`]; without `want_venue`, a yearless text is not looked up
/// among the vocab (the entry has its venue already).
pub(in crate::document) fn tag_meaning_for(
    text: &str,
    vocab: &Known<'_>,
    want_venue: bool,
) -> TagMeaning {
    let t = text.trim();
    // A link inside (`[Yang Hong](https://hy1995.top/), …`) makes it no
    // tag: its URL's digits are no year.
    if t.is_empty() || t.len() > 120 || t.as_bytes().windows(2).any(|w| w == b"](") {
        return TagMeaning::Other;
    }
    // `[arXiv:2408.09764]`: a preprint named by its identifier, its venue
    // arXiv (the identifier's digits are no year, and no short name).
    if super::text::arxiv_id_tail(t) == Some(0) {
        let offset = text.len() - text.trim_start().len();
        return TagMeaning::VenueOnly(offset..offset + "arxiv".len());
    }
    // `[Zhang et al., Proc. ICCV 2023]`, `[Peng, Thesis 2022]`: a
    // citation's authors before the venue and its year.
    if let Some((lead, rest)) = t.split_once(", ")
        && cited_authors(lead, vocab)
        && let TagMeaning::Venue(mut split) = tag_meaning_for(rest, vocab, want_venue)
        && !split.years.is_empty()
    {
        let by = t.len() - rest.trim_start().len();
        split.name = split.name.start + by..split.name.end + by;
        split.years = split.years.into_iter().map(|y| shift_year(y, by)).collect();
        return TagMeaning::Venue(split);
    }
    if want_venue && let Some(dated) = date::venue_with_days(text) {
        return TagMeaning::Venue(dated);
    }
    let mut split = date::split_venue(t);
    if let Some(first) = split.years.first() {
        let name = &t[split.name.clone()];
        // A date alone (`Sep., 2022`, `2023`, `2023-07-01`, `27th Jan., 2023`).
        // (`8th, Jul., 2024`: the day before the month and its comma.)
        if name.is_empty()
            || name.chars().all(|c| !c.is_alphabetic())
            || date::is_day_and_month(name)
            || (first.month.is_some() && date::is_day(name.trim_end_matches([',', '.', ' '])))
        {
            // `[2021 TPAMI]`, `[2018 ICIP]`: the year, then the venue (a
            // known one, or a word in capitals the way acronyms are).
            let after = t[first.date.end..].trim_start_matches([' ', ',', '-']);
            if name.is_empty()
                && split.years.len() == 1
                && !after.is_empty()
                && after.split_whitespace().count() <= 4
                && (is_known_venue(after, vocab)
                    || (!after.contains(' ')
                        && after.chars().filter(char::is_ascii_uppercase).count() >= 2
                        && after.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')))
            {
                let at = t.len() - after.len();
                return TagMeaning::Venue(date::VenueText {
                    name: at..t.len(),
                    years: split.years,
                });
            }
            return TagMeaning::Date(first.clone());
        }
        // Text like a sentence with a year in it is not a venue tag, nor
        // is a remark (`(An outstanding Work in 2015)`): an unknown venue's
        // name is written in capitals but for its little words.
        let little = [
            "in", "of", "on", "the", "and", "for", "at", "&", "de", "et", "to",
        ];
        let remark = !is_known_venue(name, vocab)
            && name.split_whitespace().any(|w| {
                w.starts_with(|c: char| c.is_lowercase())
                    && !little.contains(&w)
                    && !is_qualifier(w)
                    && !is_venue_word(w)
                    && !w.contains(|c: char| c.is_uppercase() || c.is_ascii_digit())
            });
        if name.split_whitespace().count() > 12 || remark {
            return TagMeaning::Other;
        }
        // `Proc. ICCV`: the proceedings of a known venue are the venue (where
        // `Proc. IEEE`, a journal's name, stays whole).
        if let Some(rest) = ["Proc. ", "Proc ", "Proceedings of the ", "Proceedings of "]
            .iter()
            .find_map(|p| name.strip_prefix(p))
            && is_known_venue(rest, vocab)
        {
            split.name.start = split.name.end - rest.len();
        }
        return TagMeaning::Venue(split);
    }
    let name = &t[split.name.clone()];
    // `(Arxiv 24.04.24)`, `[Arxiv 24.06]`: a known venue and the day or
    // month its paper came out, its year first in two digits (a two-digit
    // date alone is no year).
    if want_venue
        && let Some((venue, date)) = t.rsplit_once(' ')
        && (date.len() == 8 || date.len() == 5)
        && is_known_venue(venue, vocab)
        && let Some(mut year) = date::short_numeric(date)
    {
        let at = t.len() - date.len();
        year.span = at..t.len();
        year.date = at..t.len();
        let venue = venue.trim_end();
        return TagMeaning::Venue(date::VenueText {
            name: 0..venue.len(),
            years: vec![year],
        });
    }
    if want_venue && let Some(glued) = glued_short_year(t, &split, vocab) {
        return TagMeaning::Venue(glued);
    }
    // `[NeurIPS 24]`, `**[ECCV 20]**`: a known venue's acronym and two
    // digits, its short year as a list may write all its tags; whether
    // that is the list's way is the venue's style to judge, not a broken
    // year.
    if want_venue && let Some(spaced) = spaced_short_year(t, vocab) {
        return TagMeaning::Venue(spaced);
    }
    if want_venue && !name.is_empty() && is_known_venue(name, vocab) {
        let offset = text.len() - text.trim_start().len();
        return TagMeaning::VenueOnly(split.name.start + offset..split.name.end + offset);
    }
    TagMeaning::Other
}

/// `Arxiv 24.01.24, MICCAI24`, `Arxiv 24.02.08->ECCV24`: the day a
/// preprint came out, then the venue that published it, in one tag. The
/// two parts (spans in `content`) and the preprint's date.
pub(in crate::document) fn preprint_then_venue(
    content: &str,
    vocab: &Known<'_>,
) -> Option<(Span, Span, date::Year)> {
    let (at, sep) = [", ", " -> ", "->", " → ", "→"]
        .iter()
        .find_map(|sep| content.find(sep).map(|at| (at, *sep)))?;
    let (first, second) = (&content[..at], &content[at + sep.len()..]);
    let TagMeaning::Venue(split) = tag_meaning_for(first, vocab, true) else {
        return None;
    };
    let published = matches!(
        tag_meaning_for(second, vocab, true),
        TagMeaning::Venue(venue) if !venue.years.is_empty()
    );
    let lead = first.len() - first.trim_start().len();
    let year = split.years.first()?.clone();
    (published && is_preprint_server(&first.trim()[split.name.clone()], vocab))
        .then(|| (0..at, at + sep.len()..content.len(), shift_year(year, lead)))
}

/// The authors a citation names before its venue: `Zhang et al.`, `Wang
/// and Wu`, `Peng` (one surname, which no qualifier or venue word is).
fn cited_authors(lead: &str, vocab: &Known<'_>) -> bool {
    let lead = lead.trim();
    let surname = |s: &str| {
        let words: Vec<&str> = s.split_whitespace().collect();
        (1..=3).contains(&words.len())
            && words.iter().all(|w| {
                let mut chars = w.chars();
                chars.next().is_some_and(char::is_uppercase)
                    && chars.clone().any(char::is_lowercase)
                    && chars.all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
            })
    };
    let (names, et_al) = match lead
        .strip_suffix("et al.")
        .or_else(|| lead.strip_suffix("et al"))
    {
        Some(names) => (names.trim_end().trim_end_matches(',').trim_end(), true),
        None => (lead, false),
    };
    // (`Yu and Pei et al.`, as lists write it too.)
    if let Some((a, b)) = names
        .split_once(" and ")
        .or_else(|| names.split_once(" & "))
    {
        return surname(a) && surname(b);
    }
    if et_al {
        return surname(names);
    }
    !lead.contains(char::is_whitespace)
        && surname(lead)
        && !is_qualifier(lead)
        && !is_venue_word(lead)
        && !is_known_venue(lead, vocab)
}

/// `EMNLP 18.` in plain text, `[NeurIPS 24]` in a tag: a known venue's
/// acronym, a space and two digits is that venue and its short year,
/// written without the apostrophe (`'18`) that would say so.
pub(in crate::document) fn spaced_short_year(
    t: &str,
    vocab: &Known<'_>,
) -> Option<date::VenueText> {
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
    // (A preprint server has no volumes either: `arXiv 25`.)
    let acronym = acronym || super::is_preprint_server(name_trimmed, vocab);
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
            form: date::YearForm::Bare,
            date: at..at + 2,
        }],
    })
}

/// `ECCV24`: a known venue with two digits glued to it is that venue and
/// its short year. Only a known name: `GPT4` and `ResNet50` are no venues.
pub(in crate::document) fn glued_short_year(
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
            form: date::YearForm::Bare,
            date: end - 2..end,
        }],
    })
}

/// A tag: a venue, a date, a name, or a note.
#[allow(clippy::too_many_arguments)]
pub(in crate::document) fn tag(
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
    // `(Oct., 2024 | NeurIPS 2024)`: the date it came out and the venue,
    // one tag apart by a bar; each is read for what it is.
    // (Most tags have no bar: looking for one byte costs less.)
    if content.contains('|')
        && let Some(bar) = content.find(" | ")
        && !content[bar + 3..].contains('|')
    {
        let first = inner.start..inner.start + bar;
        let second = inner.start + bar + 3..inner.end;
        let venue = |m: &TagMeaning| matches!(m, TagMeaning::Venue(_) | TagMeaning::VenueOnly(_));
        let (a, b) = (
            tag_meaning_for(&text[first.clone()], vocab, true),
            tag_meaning_for(&text[second.clone()], vocab, true),
        );
        let apart = (matches!(a, TagMeaning::Date(_)) && venue(&b))
            || (venue(&a) && matches!(b, TagMeaning::Date(_)));
        if apart && r.venue.is_none() {
            // The date keeps the tag's markup, as the list's other dates
            // are written; the venue is the text after the bar.
            let dated_first = matches!(a, TagMeaning::Date(_));
            let (date, venue) = if dated_first {
                (first, second)
            } else {
                (second, first)
            };
            tag(
                text,
                r,
                span.clone(),
                date,
                form,
                place,
                before_title,
                vocab,
                column,
            );
            tag(
                text,
                r,
                venue.clone(),
                venue,
                Form::Plain,
                place,
                before_title,
                vocab,
                column,
            );
            return;
        }
    }
    // `(Arxiv 24.01.24, MICCAI24)`: the preprint's date, and the venue.
    if r.venue.is_none()
        && let Some((first, second, year)) = preprint_then_venue(content, vocab)
    {
        let shift = |s: Span| inner.start + s.start..inner.start + s.end;
        r.dates.push(DatePart {
            span: span.clone(),
            inner: shift(first.clone()),
            year: shift_year(year, inner.start),
            form,
            place,
        });
        tag(
            text,
            r,
            span,
            shift(second),
            form,
            place,
            before_title,
            vocab,
            column,
        );
        return;
    }
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
            r.venue = Some(Venue::split_at(
                split,
                inner.start,
                span,
                inner,
                form,
                place,
            ));
        }
        // `` `DaC` [Zhang et al., Proc. NeurIPS 2022] ``: a known venue's
        // name alone, then a tag that names a venue with its year; the
        // dated tag is the venue, and the first, where it opens the entry,
        // its name.
        TagMeaning::Venue(split)
            if !split.years.is_empty()
                && before_title
                && column.is_none()
                && r.venue
                    .as_ref()
                    .is_some_and(|v| v.years.is_empty() && v.form != form) =>
        {
            let earlier = r.venue.take().expect("checked above");
            if r.name.is_none() && is_name_like(&text[earlier.inner.clone()]) {
                r.name = Some(Name {
                    span: earlier.span,
                    inner: earlier.inner,
                    form: earlier.form,
                    place: earlier.place,
                });
            }
            r.venue = Some(Venue::split_at(
                split,
                inner.start,
                span,
                inner,
                form,
                place,
            ));
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
                && !is_qualifier(content)
                // `[💬 3D]`: a topic marked by its emoji, a note.
                && content
                    .trim_start_matches(['*', '_', ' '])
                    .starts_with(char::is_alphanumeric) =>
        {
            r.name = Some(Name {
                span,
                inner,
                form,
                place,
            });
        }
        // `**[TIM 22]**`: the list's bold bracketed tag, an acronym the
        // vocabulary does not know and its short year.
        TagMeaning::Other
            if form == Form::BoldBracket
                && r.venue.is_none()
                && super::acronym_and_short_year(content) =>
        {
            let space = content.rfind(' ').unwrap_or(0);
            let digits = inner.start + space + 1..inner.end;
            let yy: u16 = content[space + 1..].parse().unwrap_or(0);
            r.venue = Some(Venue {
                span,
                name: inner.start..inner.start + space,
                inner: inner.clone(),
                years: vec![date::Year {
                    value: if yy >= 70 { 1900 + yy } else { 2000 + yy },
                    month: None,
                    span: digits.clone(),
                    form: date::YearForm::Bare,
                    date: digits,
                }],
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

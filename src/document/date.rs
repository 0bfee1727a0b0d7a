//! Years and dates as paper lists write them: `2023`, `'23`, `2023.07`,
//! `2026-06-12`, `Sep 2024`, `(Nov., 2024)`, `19 Jun 2020`, and the venue
//! name in front of them (`CVPR 2023`, `Nature Medicine, 2024`, `arXiv, Sep 2024`).
//!
//! Works on plain text (the inside of a tag, a table cell, a line) and
//! returns spans relative to it; the reader shifts them into the file.

use super::Span;

/// How a year is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum YearForm {
    /// `2023`
    Full,
    /// `'23`
    Short,
    /// `23` after the venue with no apostrophe: `ECCV24`, `[ICLR 25]`
    Bare,
    /// `2023.7`, `2023.07`
    Dotted,
    /// `2023-07`, `2023-07-12`, `2023/07`
    Numeric,
    /// `Sep 2024`, `19 Jun 2020`, `Sep., 2024`
    Named,
}

/// A year written somewhere, with the month when one is given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Year {
    pub value: u16,
    pub month: Option<u8>,
    /// The digits of the year (with the apostrophe of `'23`).
    pub span: Span,
    pub form: YearForm,
    /// The whole date as written (`Sep 2024`, `2023-07-12`): from the day or
    /// month to the last digit.
    pub date: Span,
}

/// The months' names, January first: what messages and new entries write.
pub(crate) const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// The month a word names (`Sep`, `Sept.`, `September`), ignoring case.
pub(crate) fn month(word: &str) -> Option<u8> {
    let word = word.trim_end_matches('.');
    if word.len() < 3 || word.len() > 9 || !word.is_ascii() {
        return None;
    }
    let mut buffer = [0u8; 9];
    let lower = &mut buffer[..word.len()];
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    let lower = std::str::from_utf8(lower).ok()?;
    let Some(index) = MONTHS.iter().position(|m| lower.starts_with(m)) else {
        return other_language(lower);
    };
    const FULL: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    // `Sep`, `Sept`, `September`: a prefix of the full name, nothing else.
    if FULL[index].starts_with(lower) || lower == "sept" {
        return Some(index as u8 + 1);
    }
    other_language(lower)
}

/// A month named in another language lists are written in (Dutch, German,
/// French, Spanish), where it is not an English month's prefix: `okt`,
/// `mrt`, `mei`, `Dez`, `juli`, `janv`, `abr`.
fn other_language(lower: &str) -> Option<u8> {
    const NAMES: [(&str, u8); 26] = [
        ("januar", 1),
        ("janv", 1),
        ("ene", 1),
        ("enero", 1),
        ("februar", 2),
        ("fevr", 2),
        ("mrt", 3),
        ("maart", 3),
        ("maerz", 3),
        ("avr", 4),
        ("avril", 4),
        ("abr", 4),
        ("abril", 4),
        ("mei", 5),
        ("mai", 5),
        ("juni", 6),
        ("juin", 6),
        ("juli", 7),
        ("juil", 7),
        ("aout", 8),
        ("okt", 10),
        ("oktober", 10),
        ("dez", 12),
        ("dezember", 12),
        ("dic", 12),
        ("diciembre", 12),
    ];
    NAMES
        .iter()
        .find(|(name, _)| *name == lower)
        .map(|&(_, m)| m)
}

/// Whether text before a year says only which day of which month
/// (`27th Jan.,`, `9 Oct`, `Sep.`): a date, not a venue's name.
pub(crate) fn is_day_and_month(text: &str) -> bool {
    let mut month_seen = false;
    for word in text
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '-' | '/'))
        .filter(|w| !w.is_empty())
    {
        if month(word).is_some() {
            month_seen = true;
            continue;
        }
        if !is_day(word) {
            return false;
        }
    }
    month_seen
}

/// A day of a month as written in a date: `8`, `8th`, `21st`, `8.`.
pub(crate) fn is_day(word: &str) -> bool {
    let digits = word.bytes().take_while(u8::is_ascii_digit).count();
    let day: Option<u8> = word[..digits].parse().ok();
    let suffix = word[digits..].to_ascii_lowercase();
    let ordinal = matches!(suffix.as_str(), "" | "st" | "nd" | "rd" | "th" | ".");
    day.is_some_and(|d| (1..=31).contains(&d)) && ordinal
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

/// A date written with a two-digit year first, `19-06-29` or `23.07`: no
/// year anywhere else, only where a column says the cell is a date.
pub(crate) fn short_numeric(text: &str) -> Option<Year> {
    let t = text.trim();
    let b = t.as_bytes();
    let two = |at: usize| -> Option<u8> {
        let d = b.get(at..at + 2)?;
        d.iter()
            .all(u8::is_ascii_digit)
            .then(|| (d[0] - b'0') * 10 + (d[1] - b'0'))
    };
    let separator = *b.get(2)?;
    if !matches!(separator, b'-' | b'.' | b'/') || !(b.len() == 5 || b.len() == 8) {
        return None;
    }
    let (yy, month) = (two(0)?, two(3)?);
    if b.len() == 8 && (b[5] != separator || !(1..=31).contains(&two(6)?)) {
        return None;
    }
    if !(1..=12).contains(&month) {
        return None;
    }
    let value = if yy >= 70 { 1900 } else { 2000 } + u16::from(yy);
    let start = text.len() - text.trim_start().len();
    Some(Year {
        value,
        month: Some(month),
        span: start..start + t.len(),
        form: YearForm::Numeric,
        date: start..start + t.len(),
    })
}

/// Every year written in `text`, in order.
pub(crate) fn years(text: &str) -> Vec<Year> {
    let s = text.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i < s.len() {
        // Most of a text is letters: skip to what could start a year.
        match s[i..]
            .iter()
            .position(|&b| b.is_ascii_digit() || b == b'\'' || b == 0xE2)
        {
            Some(p) => i += p,
            None => break,
        }
        let b = s[i];
        // `'23` (or `’23`): two digits after an apostrophe, not more.
        // `‘23`, the opening quote, is a slip for the apostrophe that still
        // reads as a short year.
        let apostrophe = if b == b'\'' {
            Some(1)
        } else if s[i..].starts_with("’".as_bytes()) || s[i..].starts_with("‘".as_bytes()) {
            Some(3)
        } else {
            None
        };
        if let Some(width) = apostrophe {
            // `CVPR' 19`: one space after the apostrophe of an acronym is
            // still its short year (a possessive, `authors' 19`, is not).
            let spaced = s.get(i + width) == Some(&b' ') && {
                let word = &s[..i];
                let from = word
                    .iter()
                    .rposition(|b| !b.is_ascii_alphanumeric())
                    .map_or(0, |p| p + 1);
                i > from && word[from..].iter().any(u8::is_ascii_uppercase)
            };
            let d = i + width + usize::from(spaced);
            if d + 2 <= s.len()
                && s[d].is_ascii_digit()
                && s[d + 1].is_ascii_digit()
                && !s.get(d + 2).is_some_and(|b| b.is_ascii_digit())
            {
                let yy = u16::from(s[d] - b'0') * 10 + u16::from(s[d + 1] - b'0');
                let value = if yy >= 70 { 1900 + yy } else { 2000 + yy };
                let (month, date_start) = month_before(text, i);
                found.push(Year {
                    value,
                    month,
                    span: i..d + 2,
                    form: if month.is_some() {
                        YearForm::Named
                    } else {
                        YearForm::Short
                    },
                    date: date_start.unwrap_or(i)..d + 2,
                });
                i = d + 2;
                continue;
            }
        }
        if !b.is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < s.len() && s[i].is_ascii_digit() {
            i += 1;
        }
        // A year is four digits standing alone: not inside a longer number,
        // and not glued to a word on the right (`2023abc`). A word on the
        // left is allowed: `ICCV2023` is a venue with its space missing.
        if i - start != 4
            || s.get(i).is_some_and(|&b| b.is_ascii_alphabetic())
            || glued_to_short_word(s, start)
            || is_long_fraction(s, i)
            || (start > 0
                && matches!(s[start - 1], b'.' | b'/' | b'-')
                && preceded_by_digit(s, start - 1))
        {
            continue;
        }
        let value: u16 = text[start..i].parse().unwrap_or(0);
        if !(1900..=2100).contains(&value) {
            continue;
        }
        let mut end = i;
        let mut month = None;
        let mut form = YearForm::Full;
        // `2023.07`, `2023-07-12`, `2023/7`
        if let Some(&sep) = s.get(i)
            && matches!(sep, b'.' | b'-' | b'/')
        {
            let m = i + 1;
            let mut j = m;
            while j < s.len() && s[j].is_ascii_digit() && j - m < 3 {
                j += 1;
            }
            let digits = j - m;
            if (1..=2).contains(&digits) && !s.get(j).is_some_and(|b| b.is_ascii_digit()) {
                let value: u8 = text[m..j].parse().unwrap_or(0);
                if (1..=12).contains(&value) {
                    month = Some(value);
                    form = if sep == b'.' {
                        YearForm::Dotted
                    } else {
                        YearForm::Numeric
                    };
                    end = j;
                    // A day after the month: `2026-06-12`.
                    if let Some(&sep2) = s.get(j)
                        && sep2 == sep
                    {
                        let d = j + 1;
                        let mut k = d;
                        while k < s.len() && s[k].is_ascii_digit() && k - d < 3 {
                            k += 1;
                        }
                        if (1..=2).contains(&(k - d)) {
                            end = k;
                        }
                    }
                }
            }
        }
        let mut date_start = start;
        if month.is_none() {
            let (named, from) = month_before(text, start);
            if named.is_some() {
                month = named;
                form = YearForm::Named;
                date_start = from.unwrap_or(start);
            }
        }
        found.push(Year {
            value,
            month,
            span: start..i,
            form,
            date: date_start..end,
        });
        i = end;
    }
    found
}

/// `N2022` is a name, `ICCV2023` a venue whose space is missing: a year glued
/// to a word counts only after two letters or more.
fn glued_to_short_word(s: &[u8], start: usize) -> bool {
    let letters = s[..start]
        .iter()
        .rev()
        .take_while(|b| b.is_ascii_alphabetic())
        .count();
    letters == 1 && (start < 2 || !s[start - 2].is_ascii_alphanumeric())
}

/// `1912.01234`: a dot followed by four or more digits is an identifier, not a date.
fn is_long_fraction(s: &[u8], at: usize) -> bool {
    s.get(at) == Some(&b'.')
        && s[at + 1..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count()
            >= 4
}

fn preceded_by_digit(s: &[u8], at: usize) -> bool {
    at > 0 && s[at - 1].is_ascii_digit()
}

/// A month name just before `at` (`Sep 2024`, `Sep., 2024`, `19 Jun 2020`,
/// `June '24`): the month, and where the date starts (the day, when there is one).
fn month_before(text: &str, at: usize) -> (Option<u8>, Option<usize>) {
    let s = text.as_bytes();
    let mut end = at;
    while end > 0 && matches!(s[end - 1], b' ' | b',') {
        end -= 1;
    }
    // `Sep2024` is not a date anyone writes: a separator is required.
    if end == at {
        return (None, None);
    }
    // `Sep 7 2023`, `Mar 14, 2022`: the day between the month and the year.
    let mut day = end;
    while day > 0 && s[day - 1].is_ascii_digit() && end - day < 2 {
        day -= 1;
    }
    if day < end
        && day > 0
        && s[day - 1] == b' '
        && text[day..end]
            .parse::<u8>()
            .is_ok_and(|d| (1..=31).contains(&d))
    {
        let mut month_end = day;
        while month_end > 0 && s[month_end - 1] == b' ' {
            month_end -= 1;
        }
        let mut month_start = month_end;
        while month_start > 0
            && (s[month_start - 1].is_ascii_alphabetic() || s[month_start - 1] == b'.')
        {
            month_start -= 1;
        }
        if let Some(value) = month(&text[month_start..month_end])
            && (month_start == 0 || !is_word_byte(s[month_start - 1]))
        {
            return (Some(value), Some(month_start));
        }
    }
    let mut start = end;
    while start > 0 && (s[start - 1].is_ascii_alphabetic() || s[start - 1] == b'.') {
        start -= 1;
    }
    let Some(value) = month(&text[start..end]) else {
        return (None, None);
    };
    if start > 0 && is_word_byte(s[start - 1]) {
        return (None, None);
    }
    // `19 Jun 2020`, `27th Jan., 2023`: a day before the month.
    let mut day_end = start;
    while day_end > 0 && s[day_end - 1] == b' ' {
        day_end -= 1;
    }
    // Bytes, not text: the day may follow any character.
    if day_end > 2
        && s[day_end - 3].is_ascii_digit()
        && [b"st", b"nd", b"rd", b"th"]
            .iter()
            .any(|suffix| s[day_end - 2..day_end].eq_ignore_ascii_case(*suffix))
    {
        day_end -= 2;
    }
    let mut day_start = day_end;
    while day_start > 0 && s[day_start - 1].is_ascii_digit() && day_end - day_start < 2 {
        day_start -= 1;
    }
    let has_day = day_start < day_end
        && day_end < start
        && (day_start == 0 || !is_word_byte(s[day_start - 1]));
    (Some(value), Some(if has_day { day_start } else { start }))
}

/// `TGRS(24.08.07, 25.01.02)`, `arXiv(24.04.24)`, `RS (-, 24.12.01)`: a
/// venue and, in parentheses, the days its paper was received and accepted
/// (`-` for one not given), two-digit years first as a date column writes
/// them. The parentheses hold dates only, so the name before them is the
/// venue, known or not. The last date (the acceptance) comes first: it is
/// the venue's year, where a paper's preprint may follow its submission.
pub(crate) fn venue_with_days(text: &str) -> Option<VenueText> {
    let lead = text.len() - text.trim_start().len();
    let t = text.trim();
    let open = t.find('(')?;
    let close = t.rfind(')')?;
    let name = t[..open].trim_end();
    if close + 1 != t.len()
        || close < open
        || name.is_empty()
        || !name.chars().next().is_some_and(char::is_alphabetic)
        || name.contains(['(', ')', ',', '['])
        || name.split_whitespace().count() > 8
    {
        return None;
    }
    let mut years = Vec::new();
    let mut at = open + 1;
    for part in t[open + 1..close].split(',') {
        let start = at + (part.len() - part.trim_start().len());
        at += part.len() + 1;
        let part = part.trim();
        if part.is_empty() || part == "-" || part == "–" {
            continue;
        }
        let mut year = short_numeric(part).filter(|y| y.month.is_some())?;
        year.span = start..start + part.len();
        year.date = year.span.clone();
        years.push(year);
    }
    if years.is_empty() || years.len() > 2 {
        return None;
    }
    years.reverse();
    for year in &mut years {
        year.span = year.span.start + lead..year.span.end + lead;
        year.date = year.span.clone();
    }
    Some(VenueText {
        name: lead..lead + name.len(),
        years,
    })
}

/// A date written in digits only (`2025.02`, `24-10-03`, `25.01.27`) as a
/// pattern: each digit a `9`, the separators as written (`9999.99`). Two
/// dates of one pattern are written the same way; `2025.2` is `9999.9`.
pub(crate) fn digit_pattern(written: &str) -> Option<String> {
    let written = written.trim();
    let mut groups = 0;
    let mut in_digits = false;
    let mut out = String::with_capacity(written.len());
    for c in written.chars() {
        if c.is_ascii_digit() {
            if !in_digits {
                groups += 1;
            }
            in_digits = true;
            out.push('9');
        } else if matches!(c, '.' | '-' | '/' | ',') {
            in_digits = false;
            out.push(c);
        } else {
            return None;
        }
    }
    (groups >= 2 && written.starts_with(|c: char| c.is_ascii_digit())).then_some(out)
}

/// `written` (a date of [`digit_pattern`]) in `pattern`, where the two
/// differ only by the widths of their numbers: a month or day padded
/// (`2025.2` → `2025.02`), the year in four digits or two (`2025.02.01` →
/// `25.02.01`). Anything else (another separator, another order) is no
/// rewriting this can be sure of.
pub(crate) fn in_pattern(written: &str, pattern: &str, year: u16) -> Option<String> {
    let split = |s: &str| -> (Vec<String>, Vec<char>) {
        let mut groups = vec![String::new()];
        let mut separators = Vec::new();
        for c in s.trim().chars() {
            if c.is_ascii_digit() {
                if let Some(group) = groups.last_mut() {
                    group.push(c);
                }
            } else {
                separators.push(c);
                groups.push(String::new());
            }
        }
        (groups, separators)
    };
    let (groups, separators) = split(written);
    let (widths, wanted_separators) = split(pattern);
    if separators != wanted_separators || groups.len() != widths.len() {
        return None;
    }
    let mut out = String::with_capacity(pattern.len());
    for (i, (group, width)) in groups.iter().zip(&widths).enumerate() {
        if i > 0 {
            out.push(separators[i - 1]);
        }
        let value = match (group.len(), width.len()) {
            (a, b) if a == b => group.clone(),
            (1, 2) => format!("0{group}"),
            (4, 2) if group.parse::<u16>().ok() == Some(year) => group[2..].to_owned(),
            (2, 4) if group.parse::<u16>().ok() == Some(year % 100) => year.to_string(),
            _ => return None,
        };
        out.push_str(&value);
    }
    Some(out)
}

/// `Arxiv 24.04.24`, `TGRS 24.08`: a venue and the day (or month) its
/// paper came out, two-digit year first, as a table's venue or date column
/// writes it. Only where the place says the text is a venue (a column, the
/// shape's venue slot): elsewhere `Updated 24.04.24` is no venue.
pub(crate) fn venue_with_short_date(text: &str) -> Option<VenueText> {
    let trimmed = text.trim_end();
    let (name, date) = trimmed.rsplit_once(' ')?;
    let lead = name.len() - name.trim_start().len();
    let name = name.trim();
    if name.is_empty()
        || !name.chars().next().is_some_and(char::is_alphabetic)
        || name.split_whitespace().count() > 8
        || name.contains(['(', ')', '[', ']', '|'])
    {
        return None;
    }
    let mut year = short_numeric(date).filter(|y| y.month.is_some())?;
    let at = trimmed.len() - date.len();
    year.span = at..trimmed.len();
    year.date = year.span.clone();
    Some(VenueText {
        name: lead..lead + name.len(),
        years: vec![year],
    })
}

/// [`venue_with_days`] or [`venue_with_short_date`]: a venue and its
/// paper's days, in a place that holds a venue.
pub(crate) fn venue_with_date(text: &str) -> Option<VenueText> {
    venue_with_days(text).or_else(|| venue_with_short_date(text))
}

/// A venue tag's or venue line's text split into its parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct VenueText {
    /// The venue's name: the text before the date, without separators and
    /// stray stars (`CVPR` in `CVPR, 2023`); may be empty.
    pub name: Span,
    pub years: Vec<Year>,
}

/// Splits text into a venue name and its years. The name is what comes
/// before the first date; without any year, a trailing number of another
/// length (`NeurIPS 202`) is left out of the name, as a broken year.
pub(crate) fn split_venue(text: &str) -> VenueText {
    let years = years(text);
    let s = text.as_bytes();
    let name_end = match years.first() {
        Some(year) => year.date.start,
        None => {
            // `NeurIPS 202`: a trailing number of the wrong length is a broken year.
            let trimmed = text.trim_end_matches([' ', '*']);
            let digits = trimmed.bytes().rev().take_while(u8::is_ascii_digit).count();
            let at = trimmed.len() - digits;
            if digits > 0 && at > 0 && s[at - 1] == b' ' {
                at
            } else {
                s.len()
            }
        }
    };
    // A marker (`⚡MICCAI`, `CVPR 🔥`: an emoji or symbol a list puts on
    // some tags) is no part of the name.
    let is_marker = |c: char| !c.is_ascii() && !c.is_alphanumeric();
    let mut start = 0;
    while let Some(c) = text[start..name_end].chars().next()
        && (matches!(c, ' ' | '*' | '_') || is_marker(c))
    {
        start += c.len_utf8();
    }
    let mut end = name_end;
    while let Some(c) = text[start..end].chars().next_back()
        && (matches!(
            c,
            ' ' | '\t' | '*' | '-' | '_' | '\'' | ',' | ':' | '(' | '.'
        ) || is_marker(c))
    {
        end -= c.len_utf8();
    }
    // `arXiv on 24 May 2019`: the word that leads to the date is no part
    // of the name.
    if years.first().is_some_and(|y| y.month.is_some()) {
        for word in [" on", " in", " at"] {
            if text[start..end].ends_with(word) && end - start > word.len() {
                end -= word.len();
                break;
            }
        }
    }
    // `Jun.` kept after a name would be a month the parser did not take.
    VenueText {
        name: start..end,
        years,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_the_lists_pattern() {
        assert_eq!(digit_pattern("2025.2").as_deref(), Some("9999.9"));
        assert_eq!(digit_pattern("24-10-03").as_deref(), Some("99-99-99"));
        assert_eq!(digit_pattern("Sep 2024"), None);
        assert_eq!(digit_pattern("2024"), None);
        assert_eq!(
            in_pattern("2025.2", "9999.99", 2025).as_deref(),
            Some("2025.02")
        );
        assert_eq!(
            in_pattern("2025.02.01", "99.99.99", 2025).as_deref(),
            Some("25.02.01")
        );
        assert_eq!(
            in_pattern("25.02.01", "9999.99.99", 2025).as_deref(),
            Some("2025.02.01")
        );
        // Another separator, another number of parts: not rewritten.
        assert_eq!(in_pattern("2025-02", "9999.99", 2025), None);
        assert_eq!(in_pattern("2025.02.01", "9999.99", 2025), None);
    }

    #[test]
    fn a_venue_with_its_days_in_parentheses() {
        let read = venue_with_days(" TGRS(24.07.12, 24.12.16) ").unwrap();
        assert_eq!(read.name, 1..5);
        let years: Vec<_> = read.years.iter().map(|y| (y.value, y.month)).collect();
        assert_eq!(years, [(2024, Some(12)), (2024, Some(7))]);
        assert_eq!(
            &" TGRS(24.07.12, 24.12.16) "[read.years[0].span.clone()],
            "24.12.16"
        );
        assert!(venue_with_days("arXiv(24.08.15, -)").is_some());
        // Not dates only, or more after them: no venue's days.
        assert!(venue_with_days("CVPR (Oral)").is_none());
        assert!(venue_with_days("ResNet(50)").is_none());
        assert!(venue_with_days("TGRS(24.07.12) Oral").is_none());
        assert!(venue_with_days("(24.07.12)").is_none());
    }

    #[test]
    fn a_venue_and_its_short_date() {
        let read = venue_with_short_date(" Arxiv 24.04.24").unwrap();
        assert_eq!(read.name, 1..6);
        assert_eq!((read.years[0].value, read.years[0].month), (2024, Some(4)));
        assert_eq!(read.years[0].span, 7..15);
        assert!(venue_with_short_date("TGRS 24.08").is_some());
        assert!(venue_with_short_date("24.04.24").is_none());
        assert!(venue_with_short_date("CVPR 2024").is_none());
    }

    fn read(text: &str) -> Vec<(u16, Option<u8>, YearForm, &str)> {
        years(text)
            .into_iter()
            .map(|y| (y.value, y.month, y.form, &text[y.date]))
            .collect()
    }

    #[test]
    fn forms_of_years() {
        use YearForm::*;
        assert_eq!(read("CVPR 2023"), [(2023, None, Full, "2023")]);
        assert_eq!(read("Sep 7 2023"), [(2023, Some(9), Named, "Sep 7 2023")]);
        assert_eq!(
            read("Mar 14, 2022"),
            [(2022, Some(3), Named, "Mar 14, 2022")]
        );
        assert_eq!(read("CVPR'25"), [(2025, None, Short, "'25")]);
        assert_eq!(read("ICLR’24"), [(2024, None, Short, "’24")]);
        assert_eq!(read("TKDE‘23"), [(2023, None, Short, "‘23")]);
        assert_eq!(read("CVPR' 19"), [(2019, None, Short, "' 19")]);
        assert_eq!(read("arXiv' 17"), [(2017, None, Short, "' 17")]);
        assert!(read("the authors' 19 papers").is_empty());
        assert_eq!(read("Arxiv, 2023.7"), [(2023, Some(7), Dotted, "2023.7")]);
        assert_eq!(read("arXiv 2023.05"), [(2023, Some(5), Dotted, "2023.05")]);
        assert_eq!(read("2026-06-12"), [(2026, Some(6), Numeric, "2026-06-12")]);
        assert_eq!(
            read("arXiv, Sep 2024"),
            [(2024, Some(9), Named, "Sep 2024")]
        );
        assert_eq!(
            read("(Nov., 2024)"),
            [(2024, Some(11), Named, "Nov., 2024")]
        );
        assert_eq!(read("19 Jun 2020"), [(2020, Some(6), Named, "19 Jun 2020")]);
        assert_eq!(read("Sept 2022"), [(2022, Some(9), Named, "Sept 2022")]);
        assert_eq!(read("ICCV2023"), [(2023, None, Full, "2023")]);
        assert_eq!(
            read("PMLR 2022(arxiv 2020)"),
            [(2022, None, Full, "2022"), (2020, None, Full, "2020")]
        );
        assert!(read("NeurIPS 202").is_empty());
        assert!(read("20234").is_empty());
        assert!(read("1912.01234").is_empty());
        assert!(read("June 24").is_empty());
        assert!(read("May").is_empty());
        assert!(read("3000").is_empty());
        assert!(read("2023abc").is_empty());
    }

    #[test]
    fn a_marker_is_no_part_of_the_venue() {
        for (text, name) in [
            ("⚡MICCAI, 2021", "MICCAI"),
            ("🔥 CVPR 2022", "CVPR"),
            ("ICCV 2023 ⭐️", "ICCV"),
            ("Médecine 2020", "Médecine"),
        ] {
            let split = split_venue(text);
            assert_eq!(&text[split.name], name, "{text}");
        }
    }

    #[test]
    fn short_numeric_dates() {
        let read = |t: &str| short_numeric(t).map(|y| (y.value, y.month));
        assert_eq!(read("19-06-29"), Some((2019, Some(6))));
        assert_eq!(read("23.07"), Some((2023, Some(7))));
        assert_eq!(read(" 98/12 "), Some((1998, Some(12))));
        assert_eq!(read("19-13-01"), None);
        assert_eq!(read("19-06-41"), None);
        assert_eq!(read("2019-06"), None);
        assert_eq!(read("12.9"), None);
    }

    #[test]
    fn a_day_and_month_is_a_date() {
        for text in ["27th Jan., ", "9th Oct.,", "1 Sept", "Dec", "3rd-Mar"] {
            assert!(is_day_and_month(text), "{text}");
        }
        for text in ["MICCAI", "3DV", "27th", "ICML Jan", "32nd Jan", ""] {
            assert!(!is_day_and_month(text), "{text}");
        }
        // Found by a real list: a day's place held by a character of
        // several bytes.
        assert_eq!(years("• Apr 2022 •").len(), 1);
        assert_eq!(years("9th Oct., 2021")[0].date, 0..14);
    }

    #[test]
    fn months_are_words_of_their_own() {
        assert_eq!(month("Sep"), Some(9));
        assert_eq!(month("Sept."), Some(9));
        assert_eq!(month("september"), Some(9));
        assert_eq!(month("June"), Some(6));
        assert_eq!(month("Mayo"), None);
        assert_eq!(month("Ma"), None);
        // Other languages' months, where no English one is meant.
        assert_eq!(month("okt"), Some(10));
        assert_eq!(month("Mrt"), Some(3));
        assert_eq!(month("Dez."), Some(12));
        assert_eq!(month("juli"), Some(7));
        assert_eq!(read("24 okt 2016")[0].1, Some(10));
        assert_eq!(read("Summer 2023")[0].1, None);
        assert_eq!(read("Decision 2023")[0].1, None);
    }

    #[test]
    fn venue_names_before_the_date() {
        let split = |s: &str| {
            let v = split_venue(s);
            (
                s[v.name].to_owned(),
                v.years.iter().map(|y| y.value).collect::<Vec<_>>(),
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
        assert_eq!(split("CVPR'25"), ("CVPR".into(), vec![2025]));
        assert_eq!(
            split("Nature Medicine, 2024"),
            ("Nature Medicine".into(), vec![2024])
        );
        assert_eq!(split("arXiv, Sep 2024"), ("arXiv".into(), vec![2024]));
        assert_eq!(
            split("International Conference on Robotics and Automation (ICRA), May 2025"),
            (
                "International Conference on Robotics and Automation (ICRA)".into(),
                vec![2025]
            )
        );
        assert_eq!(split("NeurIPS'24 D&B"), ("NeurIPS".into(), vec![2024]));
        assert_eq!(split("Sep., 2022"), ("".into(), vec![2022]));
    }
}

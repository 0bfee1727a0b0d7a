//! The new entry's text: the model entry's, with each part replaced by the
//! new paper's in the model's own way of writing it (its year form, its
//! date format, its way of listing authors, its link forms), and the parts
//! the new paper has nothing for taken out with their separators.

use std::collections::HashMap;

use super::NewPaper;
use crate::document::{self, Block, Document, Entry, Form, Place, Year, YearForm};
use crate::paper::PaperId;
use crate::source::Span;
use crate::venue::Venues;

/// The entry's lines, each ending with a line break. `Err` names the way
/// of linking the paper that cannot be written (by a reference definition).
pub(super) fn entry(
    text: &str,
    doc: &Document,
    model: &Entry,
    members: &[&Entry],
    paper: &NewPaper,
    venues: &Venues,
) -> Result<String, &'static str> {
    let in_row = matches!(model.block, Block::Row { .. });
    let item = model.item.clone();
    let mut edits: Vec<(Span, String)> = Vec::new();
    // Each part: where it is, and whether it stays.
    let mut parts: Vec<(Span, Place, bool)> = Vec::new();

    if let Some(venue) = &model.venue {
        let kept = match written_venue(text, doc, paper, venues) {
            Some((name, year)) => {
                edits.extend(venue_edits(text, venue, &name, year, paper));
                true
            }
            None => false,
        };
        parts.push((venue.span.clone(), venue.place, kept));
    }
    for date in &model.dates {
        let kept = match written_year(text, &date.year, paper.date) {
            Some((span, written)) => {
                edits.push((span, written));
                true
            }
            None => false,
        };
        parts.push((date.span.clone(), date.place, kept));
    }
    if let Some(name) = &model.name {
        // A name that is the paper's link (`[TimeBridge](arxiv…)`) stays,
        // with the title where the title gives itself no name: the link
        // is not lost with the name.
        let links_paper = model.links.iter().enumerate().any(|(i, l)| {
            model.link_category(i) == "paper"
                && l.span.start < name.span.end
                && name.span.start < l.span.end
        });
        let short = paper
            .short_name()
            .or(links_paper.then_some(paper.title.as_str()));
        if let Some(short) = short {
            edits.push((name.inner.clone(), document::escape_inline(short, in_row)));
        }
        parts.push((name.span.clone(), name.place, short.is_some()));
    }
    if let Some(title) = &model.title {
        let mut written = document::escape_inline(&paper.title, in_row);
        let old = text[title.inner.clone()].trim_end();
        if old.ends_with('.') && !written.ends_with(['.', '?', '!']) {
            written.push('.');
        }
        edits.push((title.inner.clone(), written));
        parts.push((title.span.clone(), title.place, true));
    }
    if let Some(authors) = &model.authors {
        let kept = !paper.authors.is_empty();
        if kept {
            let written = written_authors(&text[authors.inner.clone()], &paper.authors);
            edits.push((
                authors.inner.clone(),
                document::escape_inline(&written, in_row),
            ));
        }
        parts.push((authors.span.clone(), authors.place, kept));
    }
    // How the list links arXiv papers, for a model that links its paper
    // elsewhere (a publisher's page).
    let list_arxiv_link = arxiv_link_form(text, doc);
    let repo = model_repo(text, model);
    let new_repo = paper.code.as_deref().and_then(repo_slug);
    // A label that names the model's paper or repository (`[ContiFormer]`
    // for its code) names the new one.
    let mut old_names: Vec<String> = repo
        .iter()
        .filter_map(|r| r.rsplit('/').next().map(str::to_lowercase))
        .collect();
    if let Some(name) = &model.name {
        old_names.push(text[name.inner.clone()].trim().to_lowercase());
        // A linked name (`[ContiFormer](…)`): its label.
        old_names.extend(
            model
                .links
                .iter()
                .filter(|l| l.span.start < name.span.end && name.span.start < l.span.end)
                .map(|l| text[l.label.clone()].trim().to_lowercase()),
        );
    }
    for (i, link) in model.links.iter().enumerate() {
        let url = link
            .url
            .clone()
            .filter(|u| u.start >= item.start && u.end <= item.end);
        let new_url = match slot(model, i) {
            "paper" => Some(paper_url(
                url.as_ref().map(|u| &text[u.clone()]),
                &list_arxiv_link,
                paper,
            )),
            "code" => paper.code.clone(),
            _ => None,
        };
        if link.is_title {
            match (url, new_url) {
                (Some(url), Some(new_url)) => edits.push((url, new_url)),
                _ => return Err("by a reference definition"),
            }
            continue;
        }
        let kept = match (url, new_url) {
            (Some(url), Some(new_url)) => {
                edits.push((url, new_url));
                let label = text[link.label.clone()].trim().to_lowercase();
                // A paper link labelled with its paper's name (`[TimeBridge]`),
                // not with a kind of link (`[Paper]`).
                let names_paper =
                    model.link_category(i) == "paper" && !link.generic && !link.kind.is_paper();
                if !label.is_empty() && (names_paper || old_names.contains(&label)) {
                    let new_label = match slot(model, i) {
                        "code" => new_repo.as_deref().and_then(|r| r.rsplit('/').next()),
                        _ => Some(paper.short_name().unwrap_or(&paper.title)),
                    };
                    if let Some(new_label) = new_label {
                        edits.push((
                            link.label.clone(),
                            document::escape_inline(new_label, in_row),
                        ));
                    }
                }
                true
            }
            (None, Some(_)) if slot(model, i) == "paper" => {
                return Err("by a reference definition");
            }
            _ => false,
        };
        parts.push((link.span.clone(), link.place, kept));
    }
    // A note that names the model's repository (a stars badge) or its
    // arXiv id (`arXiv:2112.02736` after the venue) names the new paper's;
    // any other note is the model's own.
    let mut renames: Vec<(String, String)> = Vec::new();
    if let (Some(old), Some(new)) = (&repo, &new_repo) {
        renames.push((old.clone(), new.clone()));
    }
    if let (Some(old), PaperId::Arxiv(new)) = (model_arxiv_id(text, model), &paper.id) {
        renames.push((old, new.clone()));
    }
    for note in &model.notes {
        let written = &text[note.clone()];
        // Punctuation read as a note (the `.` after a venue) is the list's.
        if !written.contains(char::is_alphanumeric) {
            parts.push((note.clone(), Place::Line(0), true));
            continue;
        }
        let lower = written.to_ascii_lowercase();
        let mut kept = false;
        for (old, new) in &renames {
            for (at, _) in lower.match_indices(&old.to_ascii_lowercase()) {
                let start = note.start + at;
                edits.push((start..start + old.len(), new.clone()));
                kept = true;
            }
        }
        parts.push((note.clone(), Place::Line(0), kept));
    }
    // In a table, each part is where its cell is.
    if let Block::Row { cells, .. } = &model.block {
        for (span, place, _) in &mut parts {
            if let Some(column) = cells
                .iter()
                .position(|c| c.start <= span.start && span.end <= c.end)
            {
                *place = Place::Column(u8::try_from(column).unwrap_or(u8::MAX));
            }
        }
    }
    parts.sort_by_key(|(span, _, _)| span.start);

    let placeholder = |column: u8| column_placeholder(text, members, column);
    edits.extend(removals(text, &parts, &placeholder));
    // The model's identities anywhere else in what is kept of it (`arXiv
    // preprint arXiv:2104.00488` around a venue's name) are the new paper's.
    for (old, new) in &renames {
        let lower = text[item.clone()].to_ascii_lowercase();
        for (at, _) in lower.match_indices(&old.to_ascii_lowercase()) {
            let span = item.start + at..item.start + at + old.len();
            if !edits
                .iter()
                .any(|(e, _)| e.start < span.end && span.start < e.end)
            {
                edits.push((span, new.clone()));
            }
        }
    }
    edits.extend(lines_of_its_own(text, doc, model, &parts));
    Ok(apply(text, item, edits))
}

/// The venue the new entry names, and its year: where it was published,
/// or its preprint server as the list spells it. `None` for a paper
/// neither published nor on a server.
fn written_venue(
    text: &str,
    doc: &Document,
    paper: &NewPaper,
    venues: &Venues,
) -> Option<(String, u16)> {
    if let Some((name, year)) = &paper.published {
        return Some((name.clone(), *year));
    }
    let server = paper.server?;
    // The list's own spelling of the server (`ArXiv`), or of preprints in
    // general (`Preprint`) where it names no server.
    // An id in the name (`arXiv preprint arXiv:2112.02736`) is each
    // entry's own: spellings are compared without it, and the new entry's
    // is written in.
    let id_form = |name: &str| -> String {
        let mut out = String::new();
        for (i, word) in name.split(' ').enumerate() {
            if i > 0 {
                out.push(' ');
            }
            let (head, tail) = word.split_at(
                word.find(|c: char| c.is_ascii_digit())
                    .unwrap_or(word.len()),
            );
            let id = tail.trim_end_matches(['.', ',', ';']);
            if !id.is_empty() && crate::url::arxiv_id(&format!("/abs/{id}")) == Some(id) {
                out.push_str(head);
                out.push_str("{id}");
                out.push_str(&tail[id.len()..]);
            } else {
                out.push_str(word);
            }
        }
        out
    };
    let mut spellings: HashMap<String, usize> = HashMap::new();
    for venue in doc.entries.iter().filter_map(|e| e.venue.as_ref()) {
        let name = text[venue.name.clone()].trim();
        if !name.is_empty() && crate::rules::is_preprint_name(name, venues) {
            *spellings.entry(id_form(name)).or_default() += 1;
        }
    }
    let first_word = |name: &str| {
        name.split_whitespace()
            .next()
            .unwrap_or_default()
            .to_owned()
    };
    let own = spellings
        .iter()
        .filter(|(name, _)| first_word(name).eq_ignore_ascii_case(server))
        .max_by_key(|&(name, n)| (*n, std::cmp::Reverse(name.clone())))
        .or_else(|| {
            spellings
                .iter()
                .filter(|(name, _)| name.eq_ignore_ascii_case("preprint"))
                .max_by_key(|&(_, n)| *n)
        })
        .map_or(server.to_owned(), |(name, _)| name.clone());
    let own = match &paper.id {
        PaperId::Arxiv(id) => own.replace("{id}", id),
        _ => own.replace("{id}", ""),
    };
    Some((own, paper.date.0))
}

/// The edits that write the venue tag for `name` of `year`: its name, its
/// first year in the tag's own form, and no other year or track.
fn venue_edits(
    text: &str,
    venue: &document::Venue,
    name: &str,
    year: u16,
    paper: &NewPaper,
) -> Vec<(Span, String)> {
    let mut edits = Vec::new();
    if !venue.name.is_empty() {
        let written = if venue.form == Form::Badge {
            name.replace('-', "--").replace(' ', "%20")
        } else {
            name.to_owned()
        };
        edits.push((venue.name.clone(), written));
    }
    let date = if year == paper.date.0 {
        paper.date
    } else {
        (year, None, None)
    };
    let mut end = venue.name.end;
    for (i, written) in venue.years.iter().enumerate() {
        if i == 0 {
            if let Some(edit) = written_year(text, written, date).or_else(|| {
                // A dated tag for a year known without its month: the year.
                Some((written.date.clone(), year.to_string()))
            }) {
                edits.push(edit);
            }
        } else {
            // A second year (`ICLR 2023, 2024`) is the model's own.
            edits.push((venue.years[i - 1].date.end..written.date.end, String::new()));
        }
        end = end.max(written.date.end);
    }
    // A track or a qualifier after the year (`Workshop`, `Oral`) is the
    // model's own, unless the new venue names it.
    if end < venue.inner.end
        && text[end..venue.inner.end].contains(char::is_alphanumeric)
        && !venue.years.is_empty()
    {
        edits.push((end..venue.inner.end, String::new()));
    }
    edits
}

/// The year (or date) `year` written as `written` is, for the new date;
/// `None` where its form needs a month or day the new date lacks.
fn written_year(
    text: &str,
    written: &Year,
    date: (u16, Option<u8>, Option<u8>),
) -> Option<(Span, String)> {
    let (y, ..) = date;
    Some(match written.form {
        YearForm::Full => (written.span.clone(), y.to_string()),
        YearForm::Short => (written.span.clone(), format!("'{:02}", y % 100)),
        YearForm::Bare => (written.span.clone(), format!("{:02}", y % 100)),
        YearForm::Dotted | YearForm::Numeric | YearForm::Named => (
            written.date.clone(),
            written_date(&text[written.date.clone()], written, date)?,
        ),
    })
}

/// A date written as `example` is (`2023.07`, `2023-07-12`, `Jul 2023`,
/// `24-10-03`), for the new date: each number and month name in its place,
/// with its width and case.
pub(super) fn written_date(
    example: &str,
    year: &Year,
    date: (u16, Option<u8>, Option<u8>),
) -> Option<String> {
    #[derive(Clone, Copy, PartialEq)]
    enum Role {
        Year,
        Month,
        MonthName,
        Day,
        Other,
    }
    // Runs of digits, of letters, and single other characters.
    let mut tokens: Vec<(&str, Role)> = Vec::new();
    let mut rest = example;
    while let Some(c) = rest.chars().next() {
        let len = if c.is_ascii_digit() {
            rest.find(|c: char| !c.is_ascii_digit())
                .unwrap_or(rest.len())
        } else if c.is_alphabetic() {
            rest.find(|c: char| !c.is_alphabetic())
                .unwrap_or(rest.len())
        } else {
            c.len_utf8()
        };
        tokens.push((&rest[..len], Role::Other));
        rest = &rest[len..];
    }
    let number = |t: &str| t.parse::<u16>().ok();
    let full = tokens
        .iter()
        .position(|(t, _)| t.len() == 4 && number(t) == Some(year.value));
    let short = || {
        tokens
            .iter()
            .position(|(t, _)| t.len() == 2 && number(t) == Some(year.value % 100))
    };
    let at = full.or_else(short)?;
    tokens[at].1 = Role::Year;
    if let Some(month) = year.month {
        let named = tokens
            .iter()
            .position(|(t, r)| *r == Role::Other && document::date::month(t) == Some(month));
        let numbered = || {
            tokens.iter().position(|(t, r)| {
                *r == Role::Other
                    && t.bytes().all(|b| b.is_ascii_digit())
                    && number(t) == Some(u16::from(month))
            })
        };
        match named {
            Some(i) => tokens[i].1 = Role::MonthName,
            None => {
                let i = numbered()?;
                tokens[i].1 = Role::Month;
            }
        }
    }
    if let Some(i) = tokens.iter().position(|(t, r)| {
        *r == Role::Other
            && t.bytes().all(|b| b.is_ascii_digit())
            && number(t).is_some_and(|d| (1..=31).contains(&d))
    }) {
        tokens[i].1 = Role::Day;
    }
    let (y, month, day) = date;
    let named = tokens.iter().any(|(_, r)| *r == Role::MonthName);
    let mut out = String::new();
    let mut previous = Role::Other;
    for (t, role) in tokens {
        // `21st`: the suffix is the new day's.
        if previous == Role::Day && role == Role::Other && ordinal_suffix(t) {
            out.push_str(match day? {
                1 | 21 | 31 => "st",
                2 | 22 => "nd",
                3 | 23 => "rd",
                _ => "th",
            });
            previous = role;
            continue;
        }
        // `Jul.` abbreviates; `May` does not.
        if previous == Role::MonthName && t == "." && month == Some(5) {
            previous = role;
            continue;
        }
        previous = role;
        match role {
            Role::Year if t.len() == 4 => out.push_str(&y.to_string()),
            Role::Year => out.push_str(&format!("{:02}", y % 100)),
            Role::Month if t.len() == 2 => out.push_str(&format!("{:02}", month?)),
            Role::Month => out.push_str(&month?.to_string()),
            // `02 Oct`, `2023-07-12`: a day written with its zero; `16 Oct`
            // may be either, and named dates are mostly written without.
            Role::Day if t.starts_with('0') || (t.len() == 2 && !named) => {
                out.push_str(&format!("{:02}", day?));
            }
            Role::Day => out.push_str(&day?.to_string()),
            Role::MonthName => out.push_str(&month_name(t, month?)),
            Role::Other => out.push_str(t),
        }
    }
    Some(out)
}

fn ordinal_suffix(word: &str) -> bool {
    ["st", "nd", "rd", "th"]
        .iter()
        .any(|s| word.eq_ignore_ascii_case(s))
}

/// The month's name as `example` writes one: abbreviated or in full, in
/// its case.
fn month_name(example: &str, month: u8) -> String {
    let full = crate::document::date::MONTH_NAMES[usize::from(month.clamp(1, 12) - 1)];
    let name = if example.chars().count() <= 4 {
        &full[..3]
    } else {
        full
    };
    if example.chars().all(|c| c.is_uppercase()) {
        name.to_uppercase()
    } else if example.chars().all(|c| c.is_lowercase()) {
        name.to_lowercase()
    } else {
        name.to_owned()
    }
}

/// The authors written as `example` lists its own: all of them, or the
/// first few and `et al.`; with its separator and its `and`; with initials
/// where it abbreviates first names; with what it writes after the last.
pub(super) fn written_authors(example: &str, names: &[String]) -> String {
    let lower = example.to_ascii_lowercase();
    let et_al = lower.find("et al");
    let listed = et_al.map_or(example, |at| &example[..at]);
    let separator = if listed.contains(';') { "; " } else { ", " };
    let pieces: Vec<&str> = listed
        .split([',', ';'])
        .flat_map(|p| p.split(" and "))
        .map(|p| p.trim().trim_start_matches("and ").trim())
        .filter(|p| p.contains(char::is_alphabetic))
        .collect();
    // `Y. LeCun`, `Y LeCun`: first names as initials.
    let initials = pieces.len() >= 2.min(names.len()).max(1)
        && pieces.iter().filter(|p| is_initialled(p)).count() * 2 > pieces.len();
    // `Li et al.`, `Smith, Jones`: last names only.
    let surnames = !pieces.is_empty() && pieces.iter().all(|p| !p.contains(char::is_whitespace));
    // `Fu J, Zhou WX`: last name, then the initials.
    let initials_after = !surnames
        && !pieces.is_empty()
        && pieces
            .iter()
            .filter(|p| {
                let words: Vec<&str> = p.split_whitespace().collect();
                words.len() == 2
                    && (1..=3).contains(&words[1].chars().count())
                    && words[1].chars().all(|c| c.is_uppercase())
            })
            .count()
            * 2
            > pieces.len();
    let names: Vec<String> = names
        .iter()
        .map(|n| {
            if surnames {
                n.split_whitespace().last().unwrap_or(n).to_owned()
            } else if initials_after {
                let words: Vec<&str> = n.split_whitespace().collect();
                match words.split_last() {
                    Some((last, first)) if !first.is_empty() => {
                        let letters: String = first
                            .iter()
                            .flat_map(|w| w.split('-'))
                            .filter_map(|w| w.chars().next())
                            .flat_map(char::to_uppercase)
                            .collect();
                        format!("{last} {letters}")
                    }
                    _ => n.clone(),
                }
            } else if initials {
                initialled(n)
            } else {
                n.clone()
            }
        })
        .collect();
    let tail_start = example
        .rfind(|c: char| c.is_alphanumeric())
        .map_or(example.len(), |i| {
            i + example[i..].chars().next().map_or(1, char::len_utf8)
        });
    match et_al {
        Some(at) => {
            let shown = pieces.len().max(1);
            // What separates the last name shown from `et al.` (` `, `, `).
            let gap = &example[listed
                .rfind(|c: char| c.is_alphanumeric() || c == '.')
                .map_or(0, |i| i + 1)..at];
            if names.len() <= shown {
                // What follows `et al.` (`)`), without it.
                let after = &example[at + "et al".len()..];
                let mut out = join(&names, separator, listed);
                out.push_str(after.strip_prefix('.').unwrap_or(after));
                return out;
            }
            let mut out = names[..shown].join(separator);
            out.push_str(if gap.is_empty() { " " } else { gap });
            out.push_str(&example[at..]);
            out
        }
        None => {
            let mut out = join(&names, separator, listed);
            out.push_str(&example[tail_start..]);
            out
        }
    }
}

/// The names joined as `example` joins its own: `and` before the last
/// where it writes one (`A, B, and C` or `A, B and C`).
fn join(names: &[String], separator: &str, example: &str) -> String {
    let oxford = example.contains(", and ");
    let and = oxford || example.contains(" and ");
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [first, last] if and => format!("{first} and {last}"),
        [rest @ .., last] if and => {
            let glue = if oxford { ", and " } else { " and " };
            format!("{}{glue}{last}", rest.join(separator))
        }
        _ => names.join(separator),
    }
}

fn is_initialled(name: &str) -> bool {
    let first = name.split_whitespace().next().unwrap_or_default();
    let letters = first.trim_end_matches('.');
    name.split_whitespace().count() >= 2
        && !letters.is_empty()
        && letters
            .split(['.', '-'])
            .all(|part| part.chars().count() == 1 && part.chars().all(char::is_uppercase))
}

/// `Yann LeCun` as `Y. LeCun`.
fn initialled(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    let Some((last, first)) = words.split_last() else {
        return name.to_owned();
    };
    let mut out = String::new();
    for word in first {
        if let Some(c) = word.chars().next() {
            out.push(c);
            out.push_str(". ");
        }
    }
    out.push_str(last);
    out
}

/// The URL of the new paper in the form the model's paper link has: an
/// arXiv abstract or PDF, a doi.org link, an OpenReview forum or pdf page.
fn paper_url(example: Option<&str>, list_arxiv_link: &str, paper: &NewPaper) -> String {
    let example = example
        .filter(|e| is_arxiv_link(e) || !matches!(paper.id, PaperId::Arxiv(_)))
        .unwrap_or(list_arxiv_link);
    let parts = crate::url::parse(example);
    let scheme = if example.starts_with("http://") {
        "http"
    } else {
        "https"
    };
    let host = parts.as_ref().map(|p| p.host.to_ascii_lowercase());
    match (&paper.id, host.as_deref()) {
        (PaperId::Arxiv(id), Some(host @ ("arxiv.org" | "www.arxiv.org"))) => {
            let path = parts.as_ref().map_or("", |p| p.path);
            if path.starts_with("/pdf") {
                let suffix = if path.ends_with(".pdf") { ".pdf" } else { "" };
                format!("{scheme}://{host}/pdf/{id}{suffix}")
            } else {
                format!("{scheme}://{host}/abs/{id}")
            }
        }
        (PaperId::Arxiv(id), _) if crate::url::paper_key(&paper.url).is_some() => {
            format!("https://arxiv.org/abs/{id}")
        }
        (PaperId::Doi(doi), Some(host @ ("doi.org" | "dx.doi.org"))) => {
            format!("{scheme}://{host}/{doi}")
        }
        (PaperId::OpenReview(id), Some("openreview.net")) => {
            let path = parts.as_ref().map_or("", |p| p.path);
            let page = if path == "/pdf" { "pdf" } else { "forum" };
            format!("https://openreview.net/{page}?id={id}")
        }
        _ => paper.url.clone(),
    }
}

/// What the model's link `index` holds for the new entry: what its label
/// names where it names a kind of link (`[bibtex]` on GitHub is no code
/// link), else what it leads to.
pub(super) fn slot(model: &Entry, index: usize) -> &'static str {
    let link = &model.links[index];
    match link.kind.category() {
        Some(category) if !link.is_title => category,
        _ => model.link_category(index),
    }
}

/// The arXiv id of the model's paper link, if it links one.
pub(super) fn model_arxiv_id(text: &str, model: &Entry) -> Option<String> {
    model.links.iter().enumerate().find_map(|(i, l)| {
        let url = &text[l.url.clone()?];
        match (slot(model, i), crate::url::paper_key(url)?) {
            ("paper", crate::url::PaperKey::Arxiv(id)) => Some(id.to_owned()),
            _ => None,
        }
    })
}

/// `owner/repo` of the model's code repository, if it links one on GitHub.
pub(super) fn model_repo(text: &str, model: &Entry) -> Option<String> {
    model
        .links
        .iter()
        .enumerate()
        .filter(|&(i, _)| slot(model, i) == "code")
        .find_map(|(_, l)| l.url.as_ref().and_then(|u| repo_slug(&text[u.clone()])))
}

fn is_arxiv_link(url: &str) -> bool {
    matches!(
        crate::url::paper_key(url),
        Some(crate::url::PaperKey::Arxiv(_))
    )
}

/// The list's commonest form of arXiv link (`https://arxiv.org/pdf/ID.pdf`,
/// `…/abs/ID`), as one of its links; `https://arxiv.org/abs/` where it has none.
fn arxiv_link_form(text: &str, doc: &Document) -> String {
    let mut forms: HashMap<(bool, bool, bool, bool), (usize, &str)> = HashMap::new();
    for entry in &doc.entries {
        for link in &entry.links {
            let Some(url) = link.url.as_ref().map(|u| &text[u.clone()]) else {
                continue;
            };
            let Some(parts) = crate::url::parse(url) else {
                continue;
            };
            if !parts.host.eq_ignore_ascii_case("arxiv.org") || !is_arxiv_link(url) {
                continue;
            }
            let form = (
                url.starts_with("http://"),
                parts.host.starts_with("www."),
                parts.path.starts_with("/pdf"),
                parts.path.ends_with(".pdf"),
            );
            forms.entry(form).or_insert((0, url)).0 += 1;
        }
    }
    forms
        .into_values()
        .max_by_key(|&(n, url)| (n, std::cmp::Reverse(url)))
        .map_or_else(
            || "https://arxiv.org/abs/".to_owned(),
            |(_, url)| url.to_owned(),
        )
}

/// `owner/repo` of a GitHub repository URL.
pub(super) fn repo_slug(url: &str) -> Option<String> {
    let parts = crate::url::parse(url)?;
    if !parts.host.eq_ignore_ascii_case("github.com")
        && !parts.host.eq_ignore_ascii_case("www.github.com")
    {
        return None;
    }
    let mut segments = parts.path.split('/').filter(|s| !s.is_empty());
    let owner = segments.next()?;
    let repo = segments.next()?.trim_end_matches(".git");
    Some(format!("{owner}/{repo}"))
}

/// What the list writes in a table cell it has nothing for (`-`), the
/// commonest such placeholder in `column`; nothing where it writes none.
fn column_placeholder(text: &str, members: &[&Entry], column: u8) -> String {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for entry in members {
        if entry.placeholder_at(text, Place::Column(column))
            && let Block::Row { cells, .. } = &entry.block
            && let Some(cell) = cells.get(usize::from(column))
        {
            *seen.entry(text[cell.clone()].trim()).or_default() += 1;
        }
    }
    seen.into_iter()
        .max_by_key(|&(p, n)| (n, std::cmp::Reverse(p)))
        .map(|(p, _)| p.to_owned())
        .unwrap_or_default()
}

/// The edits that take out the parts that do not stay, each with the
/// separator before it on its line (or after it, for the first of its
/// line); in a table, the cell keeps the list's placeholder.
fn removals(
    text: &str,
    parts: &[(Span, Place, bool)],
    placeholder: &dyn Fn(u8) -> String,
) -> Vec<(Span, String)> {
    // In a table, what separates parts never ends a cell.
    let in_row = parts
        .iter()
        .any(|(_, place, _)| matches!(place, Place::Column(_)));
    let separators = |gap: &str| document::only_separates(gap) && !(in_row && gap.contains('|'));
    let alone = |i: usize, column: u8| {
        !parts
            .iter()
            .enumerate()
            .any(|(j, (_, place, _))| j != i && *place == Place::Column(column))
    };
    let mut edits = Vec::new();
    let mut consumed = 0;
    for (i, (span, place, kept)) in parts.iter().enumerate() {
        if *kept {
            continue;
        }
        if let Place::Column(column) = place
            && alone(i, *column)
        {
            edits.push((span.clone(), placeholder(*column)));
            consumed = span.end;
            continue;
        }
        let before = parts[..i]
            .iter()
            .rev()
            .find(|(s, _, _)| s.end <= span.start)
            .filter(|(s, _, _)| separators(&text[s.end..span.start]));
        let after = parts[i + 1..]
            .iter()
            .find(|(s, _, _)| s.start >= span.end)
            .filter(|(s, _, _)| separators(&text[span.end..s.start]));
        let (start, end) = match (before, after) {
            (Some((prev, _, _)), _) => (prev.end, span.end),
            (None, Some((next, _, _))) => (span.start, next.start),
            (None, None) => (span.start, span.end),
        };
        let start = start.max(consumed);
        if start < end {
            edits.push((start..end, String::new()));
        }
        consumed = end;
    }
    edits
}

/// The model's lines after its first that are its own and not the list's:
/// entries nested in it, lines of text outside its parts (a description),
/// lines whose every part was taken out. Each is taken out whole.
fn lines_of_its_own(
    text: &str,
    doc: &Document,
    model: &Entry,
    parts: &[(Span, Place, bool)],
) -> Vec<(Span, String)> {
    let item = model.item.clone();
    let nested: Vec<&Span> = doc
        .entries
        .iter()
        .filter(|e| e.in_entry && e.item.start > item.start && e.item.end <= item.end)
        .map(|e| &e.item)
        .collect();
    let mut edits = Vec::new();
    let mut start = item.start;
    for line in text[item.clone()].split_inclusive('\n') {
        let span = start..start + line.len();
        start = span.end;
        if span.start == item.start {
            continue;
        }
        let on_line: Vec<bool> = parts
            .iter()
            .filter(|(s, _, _)| s.start < span.end && s.end > span.start)
            .map(|&(_, _, kept)| kept)
            .collect();
        let in_nested = nested
            .iter()
            .any(|n| n.start <= span.start && span.end <= n.end);
        let own = if on_line.is_empty() {
            in_nested || line.contains(char::is_alphanumeric)
        } else {
            on_line.iter().all(|kept| !kept)
        };
        if own {
            edits.push((span, String::new()));
        }
    }
    edits
}

/// The model's text with the edits made: an edit inside a line taken out
/// whole is dropped with it, and so is one overlapping an edit before it.
fn apply(text: &str, item: Span, mut edits: Vec<(Span, String)>) -> String {
    edits.sort_by_key(|(span, _)| (span.start, std::cmp::Reverse(span.end)));
    let mut out = String::new();
    let mut at = item.start;
    for (span, written) in edits {
        if span.start < at || span.end > item.end {
            continue;
        }
        out.push_str(&text[at..span.start]);
        out.push_str(&written);
        at = span.end;
    }
    out.push_str(&text[at..item.end]);
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out
}

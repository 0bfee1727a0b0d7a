//! Reading an entry again by its region's shape.
//!
//! The reader reads each entry alone; the shape says what the region's
//! entries have in common: which part sits where, written how. Where an
//! entry lacks a part its region writes by convention, and holds something
//! unread (or read as another part) in that part's place and form, the
//! shape decides what it is: `[**KAIS**]` where every entry opens with a
//! venue tag is a venue without its year, `[[IV](…)]` where every entry
//! opens with its venue as the paper link's label is the venue IV.

use super::date;
use super::read;
use super::shape::Shape;
use super::{Authors, Entry, Form, Known, Place, Role, Span, Title};

/// Reads `entry` again in the light of its region's `shape`; whether a
/// part changed (the shapes are then inferred again).
pub(super) fn reread(text: &str, entry: &mut Entry, shape: &Shape, known: &Known<'_>) -> bool {
    let mut changed = name_before_linked_title(text, entry, shape, known);
    changed |= promote_title_link(text, entry, shape, known);
    changed |= remark_before_linked_title(text, entry, shape, known);
    changed |= bold_label_before_linked_title(text, entry, shape, known);
    changed |= name_as_venue(text, entry, shape);
    changed |= lead_tag_as_venue(text, entry, shape);
    changed |= note_as_venue(text, entry, shape);
    changed |= link_as_venue(text, entry, shape, known);
    changed |= line_as_venue(text, entry, shape);
    changed |= authors_tail_as_venue(text, entry, shape, known);
    changed |= tail_as_venue(text, entry, shape);
    changed |= authors_in_title(text, entry, shape);
    changed |= name_into_title(text, entry, shape);
    changed |= bold_lead_as_name(text, entry, shape);
    changed |= bold_into_title(text, entry, shape);
    changed |= bold_note_as_title(text, entry, shape);
    changed |= cell_note_as_title(text, entry, shape);
    changed
}

/// In a list that writes its authors as a sentence after a plain title,
/// half its entries or more (`Title. Park, Wonpyo et al. CVPR 2019`), an
/// entry with none read whose title ends in a sentence of two names or
/// more (`… Learning. Shen,Zhiqiang, He,Zhankui, and Xue Xiangyang`) has
/// them there: no `et al.` marks them, the list's way does.
fn authors_in_title(text: &str, entry: &mut Entry, shape: &Shape) -> bool {
    if entry.authors.is_some() {
        return false;
    }
    let (Some(slot), Some(title)) = (shape.slot(Role::Authors), &entry.title) else {
        return false;
    };
    let follows = shape
        .slot(Role::Title)
        .is_some_and(|t| t.place == slot.place && t.form == Form::Plain);
    if title.form != Form::Plain
        || slot.form != Form::Plain
        || slot.place != title.place
        || !follows
        || !(shape.declared || (slot.present >= 5 && slot.present * 2 >= shape.support))
    {
        return false;
    }
    let written = &text[title.inner.clone()];
    if entry.dates.is_empty()
        && let Some(found) = dated_authors_in_title(written, shape, slot.place)
    {
        let (paren, year, names) = found;
        let base = title.inner.start;
        let place = title.place;
        entry.dates.push(super::DatePart {
            span: base + paren.start..base + paren.end,
            inner: base + paren.start + 1..base + paren.end - 1,
            year: read::shift_year(year, base),
            form: Form::Paren,
            place,
        });
        entry.authors = Some(Authors {
            span: base + names.start..base + names.end,
            inner: base + names.start..base + names.end,
            form: Form::Plain,
            place,
        });
        let end = base + written[..paren.start].trim_end().len();
        if let Some(title) = &mut entry.title {
            title.inner.end = end;
            title.span.end = end;
        }
        return true;
    }
    let Some(stop) = written.rfind(". ") else {
        return false;
    };
    let before = written[..stop].trim_end();
    let rest = written[stop + 2..].trim();
    let names = rest.trim_end_matches(['.', ',']);
    let count = names
        .split([',', '&', ';'])
        .flat_map(|p| p.split(" and "))
        .filter(|p| !p.trim().is_empty() && p.trim() != "and")
        .count();
    // (A stop after a single capital is an initial's, not the title's end.)
    let after_initial = before
        .rsplit(' ')
        .next()
        .is_some_and(|w| w.chars().count() == 1);
    if count < 2
        || after_initial
        || before.split_whitespace().count() < 2
        || !read::looks_like_authors(names, true)
    {
        return false;
    }
    let start = title.inner.start + (rest.as_ptr() as usize - written.as_ptr() as usize);
    // (The title keeps its stop, as those read with their authors do.)
    let title_end = title.inner.start + stop + 1;
    let authors = start..start + rest.len();
    if let Some(title) = &mut entry.title {
        title.inner.end = title_end;
        title.span.end = title_end;
    }
    entry.authors = Some(Authors {
        span: authors.clone(),
        inner: authors,
        form: Form::Plain,
        place: slot.place,
    });
    true
}

/// `Title (2017), S. Ioffe.` in a list that writes `{title} ({date})
/// {authors}`: the date in parentheses and one name or more after it, all
/// read into the title where no `et al.` or second name marked them. The
/// parentheses' span, their year and the names' span, within `written`.
fn dated_authors_in_title(
    written: &str,
    shape: &Shape,
    place: Place,
) -> Option<(Span, date::Year, Span)> {
    let dated = shape
        .slot(Role::Date)
        .is_some_and(|d| d.form == Form::Paren && d.place == place);
    if !dated {
        return None;
    }
    let open = written.rfind(" (")? + 1;
    let close = open + written[open..].find(')')?;
    let years = date::years(&written[open + 1..close]);
    let [year] = years.as_slice() else {
        return None;
    };
    // The parentheses hold the date, and at most a word of what the work
    // is (`(Book, Jan 2017)`).
    if written[open + 1..close].split_whitespace().count() > 3 {
        return None;
    }
    let after = &written[close + 1..];
    let names = after.strip_prefix(", ")?.trim_end();
    if open < 8 || names.is_empty() || !read::looks_like_authors(names, true) {
        return None;
    }
    let start = written.len() - after.len() + 2;
    let year = read::shift_year(year.clone(), open + 1);
    Some((open..close + 1, year, start..start + names.len()))
}

/// In a table whose title column holds plain titles, a row with no title
/// read whose cell there holds one plain note has it for its title, however
/// short (`| 25.03 | MetaSpatial [[🖥️Code]](…) |`: a project named in a
/// word, its code linked and no paper): the column says what it holds.
fn cell_note_as_title(text: &str, entry: &mut Entry, shape: &Shape) -> bool {
    if entry.title.is_some() || !convention(shape, Role::Title) {
        return false;
    }
    let Some(slot) = shape.slot(Role::Title) else {
        return false;
    };
    let (Place::Column(column), super::Block::Row { cells, .. }) = (slot.place, &entry.block)
    else {
        return false;
    };
    if slot.form != Form::Plain {
        return false;
    }
    let Some(cell) = cells.get(usize::from(column)) else {
        return false;
    };
    let mut inside = entry
        .notes
        .iter()
        .enumerate()
        .filter(|(_, n)| n.start >= cell.start && n.end <= cell.end);
    let (Some((index, note)), None) = (inside.next(), inside.next()) else {
        return false;
    };
    let note = trim_span(text, note.clone());
    let written = &text[note.clone()];
    let words = written.split_whitespace().count();
    if !(1..=16).contains(&words)
        || !written.starts_with(|c: char| c.is_alphanumeric())
        || written.contains(['[', ']', '(', ')', '*', '_', '`', '<', '|'])
    {
        return false;
    }
    entry.notes.remove(index);
    entry.title = Some(Title {
        prefix: read::title_prefix(written)
            .map(|(offset, name)| note.start + offset..note.start + offset + name.len()),
        span: note.clone(),
        inner: note,
        form: Form::Plain,
        place: slot.place,
    });
    true
}

/// Whether four in five of the shape's entries write `role` in the slot's
/// form and place (or the shape was declared): the region's convention.
fn convention(shape: &Shape, role: Role) -> bool {
    shape.slot(role).is_some_and(|slot| {
        shape.declared || (slot.present >= 5 && slot.agree * 5 >= shape.support * 4)
    })
}

/// In a list that writes the venue as plain text on the line after the
/// title (`Title <br> NeurIPS 2023 [[Paper]](…)`), an entry with no venue
/// read has it there: the line's text up to its first link, whatever words
/// follow the year (`NeurIPS 2023 on Efficient Natural Language and Speech
/// Processing`) or stand between the name and the year (`NAACL Student
/// Research Workshop (SRW) 2025`).
fn line_as_venue(text: &str, entry: &mut Entry, shape: &Shape) -> bool {
    if entry.venue.is_some() || !convention(shape, Role::Venue) {
        return false;
    }
    let (Some(slot), Some(title)) = (shape.slot(Role::Venue), &entry.title) else {
        return false;
    };
    let (Place::Line(venue_line), Place::Line(title_line)) = (slot.place, title.place) else {
        return false;
    };
    if slot.form != Form::Plain
        || venue_line != title_line + 1
        || shape
            .slot(Role::Authors)
            .is_some_and(|a| a.place == slot.place)
    {
        return false;
    }
    // The break after the title, and the first link after it.
    let after = &text[title.span.end..entry.span.end.min(text.len())];
    let lower = after.to_ascii_lowercase();
    let Some((at, width)) = [("<br>", 4), ("<br/>", 5), ("<br />", 6), ("\n", 1)]
        .iter()
        .filter_map(|(mark, width)| lower.find(mark).map(|i| (i, *width)))
        .min_by_key(|&(i, _)| i)
    else {
        return false;
    };
    let start = title.span.end + at + width;
    let Some(end) = entry
        .links
        .iter()
        .map(|l| l.span.start)
        .filter(|&s| s > start)
        .min()
    else {
        return false;
    };
    let raw = &text[start..end];
    let lead = raw.len() - raw.trim_start().len();
    let line = raw.trim();
    let split = date::split_venue(line);
    if line.is_empty()
        || line.contains('\n')
        || line.split_whitespace().count() > 20
        || !line.starts_with(|c: char| c.is_uppercase())
        || split.years.is_empty()
        || split.name.is_empty()
    {
        return false;
    }
    let at = start + lead;
    let span = at..at + line.len();
    entry.venue = Some(super::Venue::split_at(
        split,
        at,
        span.clone(),
        span.clone(),
        Form::Plain,
        slot.place,
    ));
    // What the line was read as before goes: it is the venue.
    let inside = |s: &Span| s.start >= span.start && s.end <= span.end;
    entry.dates.retain(|d| !inside(&d.span));
    entry.notes.retain(|n| !inside(n));
    if entry.authors.as_ref().is_some_and(|a| inside(&a.span)) {
        entry.authors = None;
    }
    true
}

/// In a list whose entries open with the venue as the paper link's label
/// (`[[CVPR](…)] Title`), an entry opening with a link whose label is not a
/// link label (`[[IV](…)]`, `[[arvix](…)]`) has its venue there, known to
/// the vocabulary or not: whether it is spelled right is `venue-format`'s.
fn link_as_venue(text: &str, entry: &mut Entry, shape: &Shape, known: &Known<'_>) -> bool {
    if entry.venue.is_some() || !convention(shape, Role::Venue) {
        return false;
    }
    let Some(slot) = shape.slot(Role::Venue) else {
        return false;
    };
    if slot.form != Form::Linked {
        return false;
    }
    // `\[[Nat. Mach. Intell. 2023](…)\] Knowledge graph-enhanced …`: a
    // label too long or too dotted to pass for a tag was read as the title;
    // the words after it are the title the others have there.
    title_after_linked_venue(text, entry);
    let Some(title) = &entry.title else {
        return false;
    };
    // The venue's link opens the entry, or (`Title [[NeurlPS2019]](…)`,
    // where the shape writes the venue after the title) is the first link
    // after the title.
    let slot_at = |role: Role| shape.slots.iter().position(|s| s.role == role);
    let after_title = slot_at(Role::Venue) > slot_at(Role::Title);
    let link = if after_title {
        entry
            .links
            .iter()
            .find(|l| !l.is_title && l.span.start >= title.span.end)
    } else {
        entry.links.first()
    };
    let Some(link) = link else {
        return false;
    };
    let label = text[link.label.clone()].trim();
    // (Opening brackets around the tag, escaped or not: `\[[PR 2021](…)\]`.)
    let opens = after_title
        || text[entry.head.start..link.span.start]
            .trim()
            .trim_start_matches(['\\', '[', '('])
            .is_empty();
    if link.is_title
        || !opens
        || (!after_title && link.span.end > title.span.start)
        || link.place != slot.place
        || label.is_empty()
        || label.split_whitespace().count()
            > if venue_text(label).years.is_empty() {
                4
            } else {
                8
            }
        || known.labels.is_known(label)
    {
        return false;
    }
    // (`[[9 Feb 2020]](…)`: a date, the venue left to the group's label.)
    if venue_text(label).name.is_empty() {
        return false;
    }
    let lead = text[link.label.clone()].len() - text[link.label.clone()].trim_start().len();
    let name = link.label.start + lead..link.label.start + lead + label.len();
    // The label holds the venue and its year (`[PR 2021](…)`), as the
    // list's others do.
    entry.venue = Some(super::Venue::split_at(
        venue_text(label),
        name.start,
        link.span.clone(),
        name,
        Form::Linked,
        link.place,
    ));
    true
}

/// Where the venue's tag is the first link and the title follows it, an
/// entry read with that link for its title while its label is a venue and
/// a year (`[Pattern Recognition Letters 2023](…)`) and words follow on the
/// line: the words are the title, and the link is left to be the venue.
fn title_after_linked_venue(text: &str, entry: &mut Entry) {
    let Some(title) = &entry.title else {
        return;
    };
    if !matches!(title.form, Form::Linked) {
        return;
    }
    let Some(link) = entry.links.first().filter(|l| l.is_title) else {
        return;
    };
    let label = text[link.label.clone()].trim();
    if venue_text(label).years.is_empty() || label.split_whitespace().count() > 8 {
        return;
    }
    // The rest of the line, past the tag's closing brackets, up to a link.
    let line_end = text[link.span.end..]
        .find('\n')
        .map_or(text.len(), |i| link.span.end + i);
    let rest = &text[link.span.end..line_end];
    let skip = rest.len() - rest.trim_start_matches(['\\', ']', ')', ' ']).len();
    let start = link.span.end + skip;
    let words = &text[start..line_end];
    let end = start + words.find('[').unwrap_or(words.len());
    let written = text[start..end].trim_end().trim_end_matches(['.', ' ']);
    if written.split_whitespace().count() < 3 {
        return;
    }
    let span = start..start + written.len();
    let place = title.place;
    if let Some(link) = entry.links.first_mut() {
        link.is_title = false;
    }
    entry.title = Some(super::Title {
        span: span.clone(),
        inner: span,
        form: Form::Plain,
        place,
        prefix: None,
    });
}

/// In a list whose titles are links (`[Title](url)`), an untitled entry
/// that opens with a link not labelled like one (`[Guided Policy
/// Search](url)`, too short to read as a title alone) has it for its title.
fn promote_title_link(text: &str, entry: &mut Entry, shape: &Shape, known: &Known<'_>) -> bool {
    if entry.title.is_some() {
        return false;
    }
    let titles_link = titles_are_links(shape);
    if !titles_link {
        return false;
    }
    let Some(link) = entry.links.first_mut() else {
        return false;
    };
    let label = &text[link.label.clone()];
    let opens = text[entry.head.start..link.span.start].trim().is_empty();
    let form = match link.form {
        Form::Single => Form::Linked,
        Form::BoldLabel => Form::LinkedBold,
        _ => return false,
    };
    // `[Impossible Videos](https://arxiv.org/…)`: two words, one a label's,
    // on a paper host, are a short title.
    let short_title = link.host == crate::url::HostKind::Paper && !known.labels.is_listed(label);
    if !opens
        || (known.labels.is_known(label) && !short_title)
        || label.split_whitespace().count() < 2
    {
        return false;
    }
    entry.title = Some(title_of_link(text, link, form));
    true
}

/// An entry read with a plain title that a title-like link follows on its
/// line (`20180110 AAAI-18 将Wasserstein GAN用到domain adaptaiton中
/// [Wasserstein Distance Guided …](url)`), in a list whose titles are
/// links or where the link is to a paper's host: the link is the title,
/// the words before it a remark on the paper.
fn remark_before_linked_title(
    text: &str,
    entry: &mut Entry,
    shape: &Shape,
    known: &Known<'_>,
) -> bool {
    let Some(title) = &entry.title else {
        return false;
    };
    if title.form != Form::Plain {
        return false;
    }
    let titles_link = titles_are_links(shape);
    let (place, end) = (title.place, title.span.end);
    let Some(link) = entry.links.iter_mut().find(|l| {
        !l.is_title
            && l.place == place
            && l.span.start >= end
            && {
                // (Only space, or a year in parentheses, between: `CoRR
                // abs/1711.09020 (2017) [Title](url)`.)
                let between = text[end..l.span.start].trim();
                between.is_empty()
                    || (between.starts_with('(')
                        && between.ends_with(')')
                        && between[1..between.len() - 1].trim().parse::<u16>().is_ok())
            }
            && matches!(l.form, Form::Single)
            && (titles_link || l.host == crate::url::HostKind::Paper)
            && !known.labels.is_known(&text[l.label.clone()])
            && read::is_title_text(&text[l.label.clone()], known)
    }) else {
        return false;
    };
    let remark = title.span.clone();
    entry.title = Some(title_of_link(text, link, Form::Linked));
    entry.notes.push(remark);
    true
}

/// Whether the shape's titles are links (`[Title](url)`), by a convention
/// of five entries or more (or declared so).
fn titles_are_links(shape: &Shape) -> bool {
    shape.slot(Role::Title).is_some_and(|slot| {
        matches!(slot.form, Form::Linked | Form::LinkedBold)
            && slot.agree * 5 >= slot.present * 4
            && (shape.declared || slot.present >= 5)
    })
}

/// In a list that writes its authors before a linked title (`Lin T Y,
/// Goyal P .[Focal loss …](…)`), an entry whose one author was read as a
/// plain title (`- Bappaditya Mandal .[Improved Eigenfeature …](…)`): the
/// name is the authors, and the link after it the title.
fn name_before_linked_title(
    text: &str,
    entry: &mut Entry,
    shape: &Shape,
    known: &Known<'_>,
) -> bool {
    let Some(title) = &entry.title else {
        return false;
    };
    if title.form != Form::Plain || entry.authors.is_some() {
        return false;
    }
    let rank = |role: Role| shape.slots.iter().position(|s| s.role == role);
    let linked_title = shape.slot(Role::Title).is_some_and(|slot| {
        matches!(slot.form, Form::Linked | Form::LinkedBold) && slot.agree * 5 >= slot.present * 4
    });
    if !linked_title || !convention(shape, Role::Authors) || rank(Role::Authors) > rank(Role::Title)
    {
        return false;
    }
    let written = text[title.inner.clone()].trim_end_matches([' ', '.', ',']);
    if !read::looks_like_authors(written, true) {
        return false;
    }
    let Some(index) = entry
        .links
        .iter()
        .position(|l| l.span.start >= title.span.end && !l.is_title)
    else {
        return false;
    };
    let link = &entry.links[index];
    // Only what separates the name from the link lies between.
    let between = &text[title.span.end..link.span.start];
    if !between.trim_matches([' ', '.', ',', ':', '-']).is_empty()
        || known.labels.is_known(&text[link.label.clone()])
        || text[link.label.clone()].split_whitespace().count() < 2
    {
        return false;
    }
    let form = match link.form {
        Form::Single => Form::Linked,
        Form::BoldLabel => Form::LinkedBold,
        _ => return false,
    };
    let names = title.inner.start..title.inner.start + written.len();
    entry.authors = Some(Authors {
        span: names.clone(),
        inner: names,
        form: Form::Plain,
        place: title.place,
    });
    entry.title = Some(title_of_link(text, &mut entry.links[index], form));
    true
}

/// Makes `link` the entry's title, written in `form`.
fn title_of_link(text: &str, link: &mut super::Link, form: Form) -> Title {
    link.is_title = true;
    let inner = link.label.clone();
    let prefix = read::title_prefix(&text[inner.clone()])
        .map(|(offset, name)| inner.start + offset..inner.start + offset + name.len());
    Title {
        span: link.span.clone(),
        inner,
        form,
        place: link.place,
        prefix,
    }
}

/// In a list whose titles are links (some after a bold label: `**Multi-task
/// Learning**, [12-in-1: …](url)`), an entry that opens with a bold label
/// read as its title, for its words (`**Social Bias in VL Embedding**`),
/// has the title-like link right after it for its title, the bold for its
/// name.
fn bold_label_before_linked_title(
    text: &str,
    entry: &mut Entry,
    shape: &Shape,
    known: &Known<'_>,
) -> bool {
    let titles_link = titles_are_links(shape);
    if entry.name.is_some() || !titles_link {
        return false;
    }
    let Some(title) = entry
        .title
        .clone()
        .filter(|t| t.form == Form::Bold && text[entry.head.start..t.span.start].trim().is_empty())
    else {
        return false;
    };
    let Some(link) = entry
        .links
        .iter_mut()
        .filter(|l| l.span.start >= title.span.end)
        .min_by_key(|l| l.span.start)
    else {
        return false;
    };
    let between = text[title.span.end..link.span.start].trim();
    let label = &text[link.label.clone()];
    if !matches!(between, "" | "," | ":" | "-")
        || link.form != Form::Single
        || known.labels.is_known(label)
        || label.split_whitespace().count() < 3
    {
        return false;
    }
    entry.title = Some(title_of_link(text, link, Form::Linked));
    entry.name = Some(super::Name {
        span: title.span,
        inner: title.inner,
        form: Form::Bold,
        place: title.place,
    });
    true
}

/// In a list whose entries give a venue tag and carry no short name, an
/// entry with a tag of that form, on the venue's side of the title, read as
/// a name has it for its venue: `[**KAIS**]`, a venue without its year;
/// `**[IJCAI 19]**` among `**[CVPR' 19]**` tags, a year written another
/// way. What is wrong with it is `venue-format`'s to say.
///
/// Where the region's "names" stand in the venue's very slot and form, and
/// no entry has both (`[Thesis 23]`, `[Springer FCS]` among `[ICLR 25]`),
/// they are venues the reader did not know, unless the title holds the
/// name as a short name does.
fn name_as_venue(text: &str, entry: &mut Entry, shape: &Shape) -> bool {
    if entry.venue.is_some() {
        return false;
    }
    let Some(slot) = shape.slot(Role::Venue) else {
        return false;
    };
    let Some(name) = &entry.name else {
        return false;
    };
    let in_venue_slot = shape.slot(Role::Name).map(|names| {
        names.form == slot.form
            && names.place == slot.place
            && names.present + slot.present <= shape.support
    });
    if in_venue_slot == Some(false) {
        return false;
    }
    if in_venue_slot == Some(true)
        && entry
            .title
            .as_ref()
            .is_some_and(|title| text[title.span.clone()].contains(text[name.inner.clone()].trim()))
    {
        return false;
    }
    // Four in five entries give the venue (this one aside, perhaps).
    let convention = shape.declared || (slot.present >= 5 && slot.present * 5 >= shape.support * 4);
    let opens = text[entry.head.start..name.span.start].trim().is_empty();
    let rank = |role: Role| shape.slots.iter().position(|s| s.role == role);
    let venue_first = rank(Role::Venue) < rank(Role::Title);
    let venue_side = match &entry.title {
        Some(title) => (name.span.end <= title.span.start) == venue_first,
        None => opens,
    };
    if !(convention && venue_side && name.form == slot.form && name.place == slot.place) {
        return false;
    }
    let name = entry.name.take().expect("checked above");
    entry.venue = Some(super::Venue::split_at(
        venue_text(&text[name.inner.clone()]),
        name.inner.start,
        name.span,
        name.inner,
        name.form,
        name.place,
    ));
    true
}

/// In a region that opens its entries with a venue tag by convention, an
/// entry whose text before the title is one such tag, left unread
/// (`[Reliab. Eng. Syst. Saf.]`, `[Internet of Things 23]`: venues the
/// vocabulary does not know, in words), has its venue there.
fn lead_tag_as_venue(text: &str, entry: &mut Entry, shape: &Shape) -> bool {
    if entry.venue.is_some() || entry.name.is_some() || !convention(shape, Role::Venue) {
        return false;
    }
    let (Some(slot), Some(title)) = (shape.slot(Role::Venue), &entry.title) else {
        return false;
    };
    let rank = |role: Role| shape.slots.iter().position(|s| s.role == role);
    let (open, close) = match slot.form {
        Form::Bracket => ("[", "]"),
        Form::BracketBold => ("[**", "**]"),
        Form::Paren => ("(", ")"),
        _ => return false,
    };
    if rank(Role::Venue) > rank(Role::Title) || title.place != slot.place {
        return false;
    }
    let head = entry.head.start..title.span.start.max(entry.head.start);
    let before = &text[head.clone()];
    let lead = before.len() - before.trim_start().len();
    let written = before.trim();
    let Some(inner) = written
        .strip_prefix(open)
        .and_then(|rest| rest.strip_suffix(close))
    else {
        return false;
    };
    // A venue's name in words and abbreviations, and perhaps its year: not
    // a remark (`Arxiv 24.05.31, ICML24, Mamba-2`, `2402.08->ECCV24`).
    let venue_like = inner
        .chars()
        .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '.' | '&' | '\'' | '-'))
        && !inner.contains("->");
    if inner.trim().is_empty() || !venue_like || inner.split_whitespace().count() > 8 {
        return false;
    }
    let start = head.start + lead;
    let span = start..start + written.len();
    let inner = start + open.len()..span.end - close.len();
    entry.venue = Some(super::Venue::split_at(
        venue_text(&text[inner.clone()]),
        inner.start,
        span,
        inner,
        slot.form,
        slot.place,
    ));
    true
}

/// `[ICLR 25]`: a tag whose venue ends in two digits after a space is a
/// broken year where one tag does it, and the list's way of writing years
/// where its tags do it by habit (three or more, and a fifth of the tags
/// that hold a venue). Those tags are read again, their two digits the
/// year, before the shapes are inferred; whether one changed.
pub(super) fn short_years_by_habit(text: &str, entries: &mut [Entry], live: &[usize]) -> bool {
    let in_tag = |venue: &super::Venue| {
        matches!(
            venue.form,
            Form::Bracket
                | Form::BracketBold
                | Form::BoldBracket
                | Form::BracketBoldOpen
                | Form::Paren
                | Form::ParenBold
        )
    };
    let short = |venue: &super::Venue| {
        in_tag(venue)
            && venue.years.is_empty()
            && !venue_text(&text[venue.inner.clone()]).years.is_empty()
    };
    let (mut tags, mut shorts) = (0, 0);
    for &i in live {
        if let Some(venue) = entries[i].venue.as_ref().filter(|v| in_tag(v)) {
            tags += 1;
            shorts += usize::from(short(venue));
        }
    }
    if shorts < 3 || shorts * 5 < tags {
        return false;
    }
    for &i in live {
        let Some(venue) = entries[i].venue.as_mut() else {
            continue;
        };
        if short(venue) {
            let inner = venue.inner.clone();
            *venue = super::Venue::split_at(
                venue_text(&text[inner.clone()]),
                inner.start,
                venue.span.clone(),
                inner,
                venue.form,
                venue.place,
            );
        }
    }
    true
}

/// A venue tag's name and years, where the shape says the text is a
/// venue: a trailing two-digit number is its year (`IJCAI 19`), whatever
/// the venue, since the place says it is one.
fn venue_text(written: &str) -> date::VenueText {
    if let Some(dated) = date::venue_with_date(written) {
        return dated;
    }
    let split = date::split_venue(written);
    if !split.years.is_empty() {
        return split;
    }
    let trimmed = written.trim_end();
    if let Some((name, digits)) = trimmed.rsplit_once(' ')
        && digits.len() == 2
        && digits.bytes().all(|b| b.is_ascii_digit())
        && !name.trim().is_empty()
        && let Ok(yy) = digits.parse::<u16>()
    {
        let end = trimmed.len();
        let lead = name.len() - name.trim_start().len();
        return date::VenueText {
            name: lead..name.trim_end().len(),
            years: vec![date::Year {
                value: if yy >= 70 { 1900 + yy } else { 2000 + yy },
                month: None,
                span: end - 2..end,
                form: date::YearForm::Bare,
                date: end - 2..end,
            }],
        };
    }
    split
}

/// In a list that writes the venue and its year in plain text right after
/// the title on its line (`[Title](…), DMKD 2023`), an entry with no venue
/// read holds it in the note there, a venue the vocabulary does not know
/// (`[Title](…), MIT Press 2024`): the list's shape says what the place holds.
fn tail_as_venue(text: &str, entry: &mut Entry, shape: &Shape) -> bool {
    if entry.venue.is_some() || !convention(shape, Role::Venue) {
        return false;
    }
    let Some(title) = &entry.title else {
        return false;
    };
    let next = shape
        .slots
        .iter()
        .skip_while(|slot| slot.role != Role::Title)
        .nth(1);
    if !is_plain_venue_at(next, title.place) {
        return false;
    }
    let line_end = text[title.span.end..]
        .find('\n')
        .map_or(text.len(), |i| title.span.end + i);
    let mut after = entry
        .notes
        .iter()
        .enumerate()
        .filter(|(_, n)| n.start >= title.span.end && n.end <= line_end);
    let (Some((index, note)), None) = (after.next(), after.next()) else {
        return false;
    };
    let written = &text[note.clone()];
    let words = written
        .trim_start_matches([',', ' '])
        .trim_end_matches(['.', ' ']);
    let split = date::split_venue(words);
    let name = words[split.name.clone()].trim();
    if split.years.is_empty()
        || name.is_empty()
        || name.split_whitespace().count() > 8
        || !name.starts_with(|c: char| c.is_alphabetic())
        || words.contains(['[', ']', '(', ')', '*', '_', '<', '|'])
    {
        return false;
    }
    let start = note.start + (words.as_ptr() as usize - written.as_ptr() as usize);
    let span = start..start + words.len();
    let place = title.place;
    entry.notes.remove(index);
    entry.venue = Some(super::Venue::split_at(
        split,
        start,
        span.clone(),
        span,
        Form::Plain,
        place,
    ));
    true
}

/// Whether `slot` is the shape's venue, written plain at `place`.
fn is_plain_venue_at(slot: Option<&super::shape::Slot>, place: Place) -> bool {
    slot.is_some_and(|s| s.role == Role::Venue && s.form == Form::Plain && s.place == place)
}

/// In a list that writes the venue after the authors on their line
/// (`Ann Lee and Bo Chen. arXiv, 2021.`), an entry whose "authors" end in a
/// venue after a comma (`…, and Mark van der Laan, arXiv, 2021.`: a comma
/// where the list puts a period) has its venue there: a known venue's name,
/// or an acronym no person is named (`RLEM`).
fn authors_tail_as_venue(text: &str, entry: &mut Entry, shape: &Shape, known: &Known<'_>) -> bool {
    if entry.venue.is_some() || entry.dates.is_empty() || !convention(shape, Role::Venue) {
        return false;
    }
    let mut roles = shape.slots.iter().map(|slot| (slot.role, slot.place));
    let Some(place) = roles
        .by_ref()
        .find(|&(role, _)| role == Role::Authors)
        .map(|(_, place)| place)
    else {
        return false;
    };
    if roles.next() != Some((Role::Venue, place)) {
        return false;
    }
    // The names as read, or, unread for the venue among them, the note on
    // their line.
    let line_of = |at: usize| text[entry.head.start..at].matches('\n').count();
    let held = match (&entry.authors, place) {
        (Some(authors), _) if authors.place == place => Some((authors.inner.clone(), None)),
        (None, Place::Line(_) | Place::SubItem) => entry
            .notes
            .iter()
            .position(|n| {
                n.start > entry.head.start
                    && match place {
                        Place::Line(line) => line_of(n.start) == usize::from(line),
                        _ => line_of(n.start) > 0,
                    }
            })
            .map(|i| (entry.notes[i].clone(), Some(i))),
        _ => None,
    };
    let Some((span, note)) = held else {
        return false;
    };
    let written = &text[span.clone()];
    let Some((names, last)) = written.trim_end_matches(['.', ' ']).rsplit_once(',') else {
        return false;
    };
    let word = last.trim();
    let acronym = (3..=8).contains(&word.len())
        && word.chars().all(|c| c.is_ascii_alphanumeric())
        && word.chars().filter(char::is_ascii_uppercase).count() >= 3;
    if word.contains(' ') || !(acronym || read::is_known_venue(word, known)) {
        return false;
    }
    let names = names.trim_end();
    if !read::looks_like_authors(names, false) {
        return false;
    }
    let start = span.start + (word.as_ptr() as usize - written.as_ptr() as usize);
    let venue = start..start + word.len();
    let names = span.start..span.start + names.len();
    match note {
        // The note is the names and the venue now; the year after them
        // was read as the entry's date.
        Some(index) => {
            entry.notes.remove(index);
            entry.authors = Some(Authors {
                span: names.clone(),
                inner: names,
                form: Form::Plain,
                place,
            });
        }
        None => {
            if let Some(authors) = &mut entry.authors {
                authors.inner.end = names.end;
                authors.span.end = names.end;
            }
        }
    }
    entry.venue = Some(super::Venue::split_at(
        date::split_venue(word),
        start,
        venue.clone(),
        venue,
        Form::Plain,
        place,
    ));
    true
}

/// In a list that writes its venues in emphasis after the title (four in
/// five entries, `[Title](url). *Computational Linguistics*.`), an entry
/// without a venue whose first emphasis after the title was left unread
/// has its venue there: the list's shape says what that place holds, even
/// for a venue the vocabulary does not know.
fn note_as_venue(text: &str, entry: &mut Entry, shape: &Shape) -> bool {
    if entry.venue.is_some() {
        return false;
    }
    let Some(slot) = shape.slot(Role::Venue) else {
        return false;
    };
    if !(convention(shape, Role::Venue)
        && matches!(slot.form, Form::Emph | Form::Bold | Form::BoldEmph))
    {
        return false;
    }
    let Some(title) = &entry.title else {
        return false;
    };
    let after = title.span.end;
    let marker = match slot.form {
        Form::Emph => "*",
        Form::Bold => "**",
        _ => "***",
    };
    let found = entry.notes.iter().position(|note| {
        let written = &text[note.clone()];
        note.start >= after
            && written.len() > 2 * marker.len()
            && (written.starts_with(marker) && written.ends_with(marker)
                || written.starts_with(&marker.replace('*', "_"))
                    && written.ends_with(&marker.replace('*', "_")))
            && !written[marker.len()..written.len() - marker.len()].starts_with(['*', '_'])
    });
    let Some(index) = found else {
        return false;
    };
    let span = entry.notes.remove(index);
    let inner = span.start + marker.len()..span.end - marker.len();
    entry.venue = Some(super::Venue::split_at(
        date::split_venue(&text[inner.clone()]),
        inner.start,
        span,
        inner,
        slot.form,
        slot.place,
    ));
    true
}

/// In a list whose entries have no short name (one in five at most), a
/// bold word that opens an entry's plain title (`**Foundation**
/// Transformers`) is a word of the title the list bolded, not a name.
fn name_into_title(text: &str, entry: &mut Entry, shape: &Shape) -> bool {
    if shape.declared
        || shape
            .slot(Role::Name)
            .is_some_and(|s| s.present * 5 > shape.support)
    {
        return false;
    }
    let (Some(name), Some(title)) = (&entry.name, &mut entry.title) else {
        return false;
    };
    let joined = name.form == Form::Bold
        && title.form == Form::Plain
        && name.place == title.place
        && name.span.end <= title.span.start
        && text[name.span.end..title.span.start]
            .chars()
            .all(|c| c == ' ');
    if !joined {
        return false;
    }
    title.span.start = name.span.start;
    title.inner.start = name.span.start;
    title.prefix = None;
    entry.name = None;
    true
}

/// In a list that names its papers in bold (`**SAR:** Title`), or writes
/// its titles plain, a plain title that opens with one bold word (`**SAR**
/// Customize Your Visual Autoregressive Recipe …`) opens with the paper's
/// name, its colon left out: the bold word is the name, the rest the title.
fn bold_lead_as_name(text: &str, entry: &mut Entry, shape: &Shape) -> bool {
    let bold_names = shape.slot(Role::Name).is_some_and(|slot| {
        matches!(
            slot.form,
            Form::Bold | Form::BoldColon | Form::BoldInnerColon
        )
    }) && convention(shape, Role::Name);
    // Or titles are plain text throughout: a bold word opening one is no
    // markup of the title's.
    let plain_titles = convention(shape, Role::Title)
        && shape
            .slot(Role::Title)
            .is_some_and(|s| s.form == Form::Plain);
    if entry.name.is_some() || !(bold_names || plain_titles) {
        return false;
    }
    let Some(title) = entry.title.as_mut().filter(|t| t.form == Form::Plain) else {
        return false;
    };
    let written = &text[title.inner.clone()];
    let Some(rest) = written.strip_prefix("**") else {
        return false;
    };
    let Some(close) = rest.find("**") else {
        return false;
    };
    let word = &rest[..close];
    let after = &rest[close + 2..];
    let words_after = after.split_whitespace().count();
    let capitals = after
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic) && !w.chars().any(char::is_lowercase))
        .count();
    // A coined name (`SAR`, `AiM`, `GR-1`, `NYUTron`), not a word of the
    // title set in bold for emphasis (`**Lightweight** Real-time Semantic
    // **Segmentation** Network`), which is neither coined nor alone.
    let chars: Vec<char> = word.chars().collect();
    let coined = chars.iter().any(char::is_ascii_digit)
        || chars.windows(2).any(|pair| {
            pair[1].is_uppercase() && (pair[0].is_uppercase() || pair[0].is_lowercase())
        });
    if word.is_empty()
        || word.contains(char::is_whitespace)
        || word.ends_with([':', '：'])
        || !coined
        || !after.starts_with(' ')
        || after.contains("**")
        // (`**ResT** V2: Simpler, …`: the name goes on to its colon.)
        || after.split_whitespace().next().is_some_and(|w| w.ends_with(':'))
        // (`**EFFICIENT** SPARSELY ACTIVATED TRANSFORMERS`: a title in
        // capitals; `**MetaFormer** is Actually What You Need`: a sentence
        // whose subject the name is.)
        || capitals * 2 > words_after
        || !after.trim_start().starts_with(char::is_uppercase)
        || words_after < 3
    {
        return false;
    }
    let start = title.inner.start;
    let name_end = start + 2 + close + 2;
    let place = title.place;
    let title_start = name_end + (after.len() - after.trim_start().len());
    title.span.start = title.span.start.max(title_start);
    title.inner.start = title_start;
    title.prefix = None;
    entry.name = Some(super::Name {
        span: start..name_end,
        inner: start + 2..start + 2 + close,
        form: Form::Bold,
        place,
    });
    true
}

/// In a list that writes its titles in bold, a plain "title" holding one
/// bold span is a citation pasted whole (`Ma, Jun, and Bo Wang.
/// "**U-mamba: …**." arXiv preprint …`, `**"StableSSM: …."** Wang, Shida`):
/// the bold span is the title, without the quotes inside it, and names
/// before it are the authors.
fn bold_into_title(text: &str, entry: &mut Entry, shape: &Shape) -> bool {
    if !convention(shape, Role::Title)
        || shape.slot(Role::Title).is_none_or(|s| s.form != Form::Bold)
    {
        return false;
    }
    let Some(title) = &entry.title else {
        return false;
    };
    if title.form != Form::Plain {
        return false;
    }
    // The bold span is in the "title", or, on a line of its own under a
    // line of names read as the title, a note.
    let mut holder = title.span.clone();
    let mut place = title.place;
    let mut apart = false;
    let mut displaced_names = false;
    if bold_marks(&text[holder.clone()]).is_none() {
        let Place::Line(line) = title.place else {
            return false;
        };
        let mut bold_notes = entry
            .notes
            .iter()
            .filter(|n| n.start > title.span.end && bold_marks(&text[(*n).clone()]).is_some());
        let (Some(note), None) = (bold_notes.next(), bold_notes.next()) else {
            return false;
        };
        let lines = text[title.span.start..note.start].matches('\n').count();
        let Ok(lines) = u8::try_from(lines) else {
            return false;
        };
        // Names over the title's line, or, on the title's own line, a
        // scrap read for the title (`(CVPR 2021 [Workshop](…)) **Title**`).
        let names_first =
            read::looks_like_authors(text[title.inner.clone()].trim_end_matches('.'), true);
        let scrap = lines == 0 && text[title.inner.clone()].split_whitespace().count() <= 4;
        if !(scrap || (names_first && lines > 0)) {
            return false;
        }
        displaced_names = names_first && lines > 0;
        holder = note.clone();
        place = Place::Line(line.saturating_add(lines));
        apart = true;
    }
    let written = &text[holder.clone()];
    let Some(((open, open_len), (close, close_len))) = bold_marks(written) else {
        return false;
    };
    // A `[**…**]` tag is a venue's or a name's, not the title.
    if written[..open].ends_with('[') || close <= open + open_len {
        return false;
    }
    let quotes = |c: char| matches!(c, '"' | '“' | '”' | ' ');
    let content = &written[open + open_len..close];
    let bare = content
        .trim_matches(quotes)
        .trim_end_matches(['.', ','])
        .trim_end_matches(quotes);
    if bare.split_whitespace().count() < 3 {
        return false;
    }
    let base = holder.start;
    let inner_start =
        base + open + open_len + (content.len() - content.trim_start_matches(quotes).len());
    let inner = inner_start..inner_start + bare.len();
    if apart {
        // The names line is the authors (a scrap, a note); the note is the
        // title now.
        let names = title.inner.start
            ..title.inner.start + text[title.inner.clone()].trim_end_matches('.').len();
        if !displaced_names {
            entry.notes.push(title.span.clone());
        } else if entry.authors.is_none() {
            entry.authors = Some(Authors {
                span: names.clone(),
                inner: names,
                form: Form::Plain,
                place: title.place,
            });
        }
        entry.notes.retain(|n| *n != holder);
    }
    let before = if apart {
        ""
    } else {
        written[..open].trim_end_matches(quotes)
    };
    // (`Lee J G. : <b>Title</b>`: a colon between names and title; `Ma, H.,
    // & Yeung, D. (2018). <b>Title</b>`: the year after the names.)
    let mut names = before
        .trim_end()
        .trim_end_matches(':')
        .trim_end()
        .trim_end_matches('.')
        .trim_end();
    if let Some(open) = names.rfind('(')
        && names.ends_with(')')
        && date::years(&names[open..]).len() == 1
        && names[open + 1..names.len() - 1].trim().len() == 4
    {
        names = names[..open].trim_end();
    }
    if entry.authors.is_none() && !names.is_empty() && read::looks_like_authors(names, false) {
        let start = base + (names.as_ptr() as usize - written.as_ptr() as usize);
        entry.authors = Some(Authors {
            span: start..start + names.len(),
            inner: start..start + names.len(),
            form: Form::Plain,
            place,
        });
    }
    // Quotes around the bold (`"**Title.**"`, `"**Title**."`) are the
    // title's markup too, and no note's.
    let mut span = base + open..base + close + close_len;
    let opening = ['"', '“']
        .into_iter()
        .find(|&q| text[..span.start].ends_with(q))
        .map_or(0, char::len_utf8);
    let closing = ["\".", "\"", "”.", "”"]
        .iter()
        .find(|q| text[span.end..].starts_with(**q))
        .map_or(0, |q| q.len());
    if opening > 0 && closing > 0 {
        span = span.start - opening..span.end + closing;
        for note in &mut entry.notes {
            if note.start >= span.start && note.start < span.end {
                note.start = span.end.min(note.end);
            }
            if note.end > span.start && note.end <= span.end {
                note.end = span.start.max(note.start);
            }
        }
        let trimmed: Vec<Span> = entry
            .notes
            .drain(..)
            .map(|n| trim_span(text, n))
            .filter(|n| !n.is_empty())
            .collect();
        entry.notes = trimmed;
    }
    // What the "title" held after the bold (`</b>. UAI.`), where the list
    // writes its venue in plain text after the title, is the venue.
    if !apart && entry.venue.is_none() && convention(shape, Role::Venue) {
        let tail_start = base + close + close_len;
        let tail = &text[tail_start.max(span.end)..holder.end];
        let words = tail.trim_matches(|c: char| c == '.' || c == ',' || c.is_whitespace());
        // (The venue's slot next after the title's: not names between.)
        let next = shape
            .slots
            .iter()
            .skip_while(|slot| slot.role != Role::Title)
            .find(|slot| matches!(slot.role, Role::Venue | Role::Authors | Role::Name));
        if is_plain_venue_at(next, place)
            && !words.is_empty()
            && words.split_whitespace().count() <= 8
            && words.starts_with(|c: char| c.is_alphabetic())
            && !words.contains(['[', ']', '(', ')', '<', '>', '*', '"'])
            && !read::looks_like_authors(words, false)
        {
            let start =
                tail_start.max(span.end) + (words.as_ptr() as usize - tail.as_ptr() as usize);
            let inner = start..start + words.len();
            // (`arXiv preprint arXiv:2304.08640`: the id is no word of it.)
            let mut split = date::split_venue(words);
            split.name.end =
                split.name.start + read::without_identifier(&words[split.name.clone()]).len();
            entry.venue = Some(super::Venue::split_at(
                split,
                start,
                inner.clone(),
                inner,
                Form::Plain,
                place,
            ));
        }
    }
    entry.title = Some(Title {
        span,
        prefix: read::title_prefix(&text[inner.clone()])
            .map(|(offset, name)| inner.start + offset..inner.start + offset + name.len()),
        inner,
        form: Form::Bold,
        place,
    });
    true
}

/// Where the one bold span of `written` opens and closes, with each mark's
/// length: `**…**`, or `<b>…</b>` and `<strong>…</strong>` in a list that
/// writes its bold in HTML. `None` unless there is exactly one.
fn bold_marks(written: &str) -> Option<((usize, usize), (usize, usize))> {
    let mut stars = written.match_indices("**").map(|(i, _)| i);
    match (stars.next(), stars.next(), stars.next()) {
        (Some(open), Some(close), None) => return Some(((open, 2), (close, 2))),
        (None, ..) => {}
        _ => return None,
    }
    let lower = written.to_ascii_lowercase();
    for (open_tag, close_tag) in [("<b>", "</b>"), ("<strong>", "</strong>")] {
        let (Some(open), Some(close)) = (lower.find(open_tag), lower.find(close_tag)) else {
            continue;
        };
        if lower.matches(open_tag).count() == 1
            && lower.matches(close_tag).count() == 1
            && open < close
        {
            return Some(((open, open_tag.len()), (close, close_tag.len())));
        }
    }
    None
}

/// A span without the spaces at its ends.
fn trim_span(text: &str, span: Span) -> Span {
    let written = &text[span.clone()];
    let start = span.start + (written.len() - written.trim_start().len());
    start..start.max(span.start + written.trim_end().len())
}

/// In a list that writes its titles in bold, an untitled entry holding one
/// bold note in the title's place has it for its title, however short
/// (`**TextArena**`: a one-word title is read as no title alone).
fn bold_note_as_title(text: &str, entry: &mut Entry, shape: &Shape) -> bool {
    if entry.title.is_some() || !convention(shape, Role::Title) {
        return false;
    }
    let Some(slot) = shape.slot(Role::Title) else {
        return false;
    };
    if slot.form != Form::Bold {
        return false;
    }
    let line_end = text[entry.head.start..]
        .find('\n')
        .map_or(text.len(), |i| entry.head.start + i);
    let mut bold = entry.notes.iter().enumerate().filter(|(_, n)| {
        let written = text[(*n).clone()].trim();
        n.end <= line_end
            && written.len() > 4
            && written.starts_with("**")
            && written.ends_with("**")
            && !written[2..written.len() - 2].contains('*')
    });
    let (Some((index, note)), None) = (bold.next(), bold.next()) else {
        return false;
    };
    let note = trim_span(text, note.clone());
    let inner = note.start + 2..note.end - 2;
    entry.notes.remove(index);
    entry.title = Some(Title {
        prefix: read::title_prefix(&text[inner.clone()])
            .map(|(offset, name)| inner.start + offset..inner.start + offset + name.len()),
        span: note,
        inner,
        form: Form::Bold,
        place: slot.place,
    });
    true
}

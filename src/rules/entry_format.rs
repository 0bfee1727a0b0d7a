//! `entry-format`: an entry written in another shape than its list's other
//! entries, an entry without a title or a required link, an empty bullet
//! among entries, and a file that links papers where no entry is recognized.

use super::Context;
use super::runs::Runs;
use crate::conventions::{MIN_SUPPORT, is_strong};
use crate::diagnostic::Finding;
use crate::document::{Entry, Form, HostKind, PartRef, Place, Role, Shape, Slot, Span};
use crate::rule::Rule;
use crate::rule::Severity;

pub(super) fn check(ctx: &Context, out: &mut Vec<Finding>) {
    if ctx.doc.entries.is_empty() && ctx.doc.paper_blocks > 0 {
        out.push(unreadable(ctx.doc.paper_blocks));
    }
    // A date of its own written unlike the list's (`2025.2` among `2025.02`).
    for entry in ctx.doc.entries.iter().filter(|e| !e.in_entry) {
        out.extend(entry.dates.iter().filter_map(|date| {
            super::date_form::departure(ctx, entry.shape, &date.year, false, Rule::EntryFormat)
        }));
    }
    // Empty bullets that recur are the list's spacers between groups, put
    // there on purpose; one or two among entries are slips.
    let spacers = ctx.doc.empty_items.len() >= MIN_SUPPORT;
    for item in ctx.doc.empty_items.iter().filter(|_| !spacers) {
        let message = match item.section {
            Some(section) => format!(
                "empty list item in the {} section",
                ctx.doc.sections[section].year
            ),
            None => "empty list item among the entries".to_owned(),
        };
        out.push(
            Finding::new(Rule::EntryFormat, item.span.clone(), message)
                .label("nothing after the bullet")
                .help("remove it"),
        );
    }
    // `… Limin Wang+ [Next Title](…)`: two entries on one line.
    for bullet in &ctx.doc.glued_entries {
        if !super::in_an_entry(ctx, bullet) {
            continue;
        }
        // (No fix: a new item changes what the list renders, which no fix
        // may; the writer puts the line break where the entries part.)
        out.push(
            Finding::new(
                Rule::EntryFormat,
                bullet.clone(),
                format!(
                    "two entries on one line: the line break before `{}` is missing",
                    ctx.text(bullet)
                ),
            )
            .label("the next entry starts here")
            .help("start the next entry on a line of its own"),
        );
    }
    // Entries and titled entries under each topic heading: a part of the
    // file whose entries mostly have no title (a paper per heading, its
    // links as bullets under it) writes them without one, whatever the
    // file's other entries do.
    let mut topics: rustc_hash::FxHashMap<Option<usize>, (usize, usize)> = Default::default();
    // And how many of a topic's titles are a word or two (`Bi-directional
    // RNN`, `Theano`): a topic that labels some papers so links them by
    // informal labels, and `[LSTM](…)` is one more, not a title left out.
    let mut labelled: rustc_hash::FxHashMap<Option<usize>, usize> = Default::default();
    for entry in ctx.doc.entries.iter().filter(|e| !e.in_entry) {
        let counts = topics.entry(entry.topic).or_default();
        counts.0 += 1;
        counts.1 += usize::from(entry.title.is_some());
        if let Some(title) = &entry.title
            && ctx.text(&title.inner).split_whitespace().count() <= 2
        {
            *labelled.entry(entry.topic).or_default() += 1;
        }
    }
    let labels_papers = |topic: &Option<usize>| {
        let titled = topics.get(topic).map_or(0, |&(_, titled)| titled);
        let short = labelled.get(topic).copied().unwrap_or(0);
        short > 0 && short * 50 >= titled
    };
    // How many entries of each shape link anything: a list that cites its
    // papers without links (`Title. Hinton et al. arXiv:1503.02531`) does
    // so on purpose, and an entry without a link is written its way.
    let mut linking = vec![Linking::default(); ctx.doc.shapes.len()];
    for entry in &ctx.doc.entries {
        if let Some(count) = linking.get_mut(entry.shape) {
            count.entries += 1;
            count.anything += usize::from(links_something(ctx, entry));
            count.paper += usize::from(has_link(ctx, entry, "paper"));
        }
    }
    // Built on the first departure only: a well-kept list never needs it.
    let lists = std::cell::OnceCell::new();
    let unvenued = std::cell::OnceCell::new();
    let mut parts = Vec::new();
    for (index, entry) in ctx.doc.entries.iter().enumerate() {
        let shape = ctx.doc.shape_of(entry);
        // A region whose entries mostly have no title (a table of datasets
        // that links each one's paper) writes its entries without one.
        let topic_titled = topics
            .get(&entry.topic)
            .is_none_or(|&(all, titled)| titled * 2 >= all);
        let titled = shape.declared
            || (topic_titled
                && shape
                    .slot(Role::Title)
                    .is_some_and(|s| s.present * 5 >= shape.support));
        if entry.title.is_none() && !titled {
            check_required(ctx, entry, &linking, out);
            continue;
        }
        if entry.title.is_none() {
            // `**A Long Title**: *arXiv*`: the title written where names go.
            let as_name = entry
                .name
                .as_ref()
                .filter(|n| ctx.text(&n.inner).split_whitespace().count() >= 4);
            // `- [LimSim++](https://arxiv.org/…)`: the paper linked by its
            // short name, where the others link their title.
            let named_link = entry.links.iter().find(|l| {
                l.kind == crate::label::LabelKind::Unknown
                    && l.url.is_some()
                    && l.span.start == entry.head.start
                    && looks_like_a_short_name(ctx.text(&l.label).trim())
            });
            if as_name.is_none() && named_link.is_some() && labels_papers(&entry.topic) {
                continue;
            }
            let (span, message, label) = match (as_name, named_link) {
                (Some(name), _) => (
                    name.span.clone(),
                    "the title is written like a short name, and the entry has no title".to_owned(),
                    "a title, written as a name",
                ),
                (None, Some(link)) => (
                    link.label.clone(),
                    format!(
                        "the paper is linked by its short name `{}`, and the entry has no title",
                        ctx.text(&link.label).trim()
                    ),
                    "a name where the title goes",
                ),
                (None, None) => (
                    entry.head.clone(),
                    "entry has no title".to_owned(),
                    "no title here",
                ),
            };
            out.push(
                Finding::new(Rule::EntryFormat, span, message)
                    .label(label)
                    .help(format!(
                        "write it like the list's other entries: {}",
                        expected(shape)
                    )),
            );
        } else if entry.in_entry {
            // A version nested under its entry (`* (TPAMI version) ...`)
            // is a note of it: not held to the shape of the list's entries.
        } else if let Some(finding) = {
            entry.parts_into(&mut parts);
            deviation(
                ctx.source.text(),
                shape,
                entry,
                &parts,
                |role, form| {
                    // Posts and talks under their own heading have no venue or
                    // date to leave out.
                    (form.is_none()
                    && matches!(role, Role::Venue | Role::Date)
                    && ctx.doc.under_other_material(entry))
                    // A remark naming a venue (`(Arxiv 24.02.08->ECCV24)`)
                    // holds the venue, written in a way not read.
                    || (form.is_none() && role == Role::Venue && names_a_venue(ctx, entry))
                    // `2017 - Title` where the list writes `2019-CVPR - Title`:
                    // the venue's tag written with its year alone, the venue
                    // left out on purpose (none known), not forgotten.
                    || (form.is_none() && role == Role::Venue && year_alone_in_tag(shape, entry))
                    // `(Book, 2016)` where the list writes `(2016)`: the
                    // date's parentheses with a word in them, read as a venue
                    // and its year; the date is there.
                    || (form.is_none() && role == Role::Date && date_as_venue(ctx, shape, entry))
                    // A preprint where the list gives its preprints no venue.
                    || (form.is_none()
                        && role == Role::Venue
                        && only_a_preprint(ctx, index)
                        && *unvenued.get_or_init(|| leaves_preprints_unvenued(ctx)))
                    || lists
                        .get_or_init(|| Runs::of(ctx))
                        .writes(index, entry.topic, role, form)
                },
                |role, place| {
                    lists
                        .get_or_init(|| Runs::of(ctx))
                        .places_at(index, role, place)
                },
            )
        } {
            out.push(finding);
        }
        check_required(ctx, entry, &linking, out);
    }
}

/// Why a note written as a date (`[222-04]`, `[2nd May]`: numbers, ordinal
/// days and month names alone) is none the list can be read by: its year
/// is mistyped or missing. `None` for any other note.
fn unreadable_date(note: &str) -> Option<&'static str> {
    let inner = note
        .trim()
        .trim_start_matches(['[', '('])
        .trim_end_matches([']', ')']);
    let mut numbers = Vec::new();
    let mut months = 0;
    for token in inner
        .split(['-', '.', '/', ',', ' '])
        .filter(|t| !t.is_empty())
    {
        let digits = token.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let suffix = &token[digits.len()..];
        if !digits.is_empty()
            && digits.bytes().all(|b| b.is_ascii_digit())
            && (suffix.is_empty() || ["st", "nd", "rd", "th"].contains(&suffix))
        {
            numbers.push(digits.len());
        } else if crate::document::date::month(token).is_some() {
            months += 1;
        } else {
            return None;
        }
    }
    if numbers.is_empty() || numbers.contains(&4) || numbers.len() + months < 2 {
        return None;
    }
    Some(if numbers.iter().any(|&n| n == 3 || n > 4) {
        "cannot be read: its year is mistyped"
    } else {
        "has no year"
    })
}

/// Whether the entry opens with a year where its shape opens with the venue
/// and its year (`2017 - Title` in a list of `2019-CVPR - Title`,
/// `[2023] Title` in a list of `[CVPR 2023] Title`).
fn year_alone_in_tag(shape: &Shape, entry: &Entry) -> bool {
    let Some(first) = shape.slots.first() else {
        return false;
    };
    let mut parts = Vec::new();
    entry.parts_into(&mut parts);
    let opening = parts.iter().min_by_key(|p| p.span.start);
    first.role == Role::Venue
        && opening.is_some_and(|p| p.role == Role::Date && p.place == first.place)
}

/// Whether the entry's "venue" is a word the list writes in its date's
/// place and markup, with the year: `(Book, 2016)` in a list of `Title
/// (2016), Authors`. A venue known by name is a venue, though its tag
/// looks like the date's (`[2024-02] [ACL 2024]`): no date there.
fn date_as_venue(ctx: &Context, shape: &Shape, entry: &Entry) -> bool {
    let (Some(slot), Some(venue)) = (shape.slot(Role::Date), &entry.venue) else {
        return false;
    };
    !venue.years.is_empty()
        && venue.form == slot.form
        && venue.place == slot.place
        && !ctx.settings.venues.recognizes(ctx.text(&venue.name))
}

/// Whether every paper link of entry `index` is an arXiv one: the paper
/// as posted, with no venue's page.
fn only_a_preprint(ctx: &Context, index: usize) -> bool {
    let keys = ctx.identities.paper_keys(index);
    !keys.is_empty()
        && keys
            .iter()
            .all(|(key, _)| matches!(key, crate::url::PaperKey::Arxiv(_)))
}

/// Whether the list leaves its preprints without a venue as a habit: of
/// its entries that link only an arXiv paper, three or more and one in ten
/// name none (where other entries of their section all name theirs, an
/// unpublished paper has none to name). Lists that tag their preprints
/// `arXiv` leave out one in twenty or fewer; lists that do not, one in
/// nine or more (measured on 30 real lists).
fn leaves_preprints_unvenued(ctx: &Context) -> bool {
    let (mut preprints, mut unvenued) = (0usize, 0usize);
    for (index, entry) in ctx.doc.entries.iter().enumerate() {
        if !entry.in_entry && only_a_preprint(ctx, index) {
            preprints += 1;
            unvenued += usize::from(entry.venue.is_none());
        }
    }
    unvenued >= 3 && unvenued * 10 >= preprints
}

fn unreadable(blocks: usize) -> Finding {
    let noun = if blocks == 1 {
        "block links"
    } else {
        "blocks link"
    };
    Finding::new(
        Rule::EntryFormat,
        0..0,
        format!("{blocks} {noun} a paper, but no entry could be read in this file"),
    )
    .severity(Severity::Warning)
    .label("no entries")
    .help(
        "run `awesome-lint init` to see how awesome-lint reads the list, or declare how its \
         entries are written with `shape` in the [entry] section of .awesome-lint.toml",
    )
}

fn expected(shape: &Shape) -> String {
    match shape.support {
        0 => format!("`{}`", shape.template()),
        1 => format!("`{}`, like the other entry", shape.template()),
        n => format!("`{}`, like the {n} other entries", shape.template()),
    }
}

/// What a part of an entry is called in a message.
/// Whether a note of the entry, or its text before the title, names a
/// known venue (`ICML24`, `Arxiv`, `(CVPR 2021 [Workshop](…))`): a venue
/// written in a way not read, not one left out.
fn names_a_venue(ctx: &Context, entry: &Entry) -> bool {
    let names = |written: &str| {
        written
            .split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | '[' | ']' | ','))
            // An address's words are no venue's.
            .filter(|w| !w.contains(['/', ':', '.']))
            .flat_map(|w| w.split(|c: char| !c.is_alphanumeric()))
            .map(|w| w.trim_end_matches(|c: char| c.is_ascii_digit()))
            .any(|w| w.len() >= 3 && ctx.settings.venues.recognizes(w))
    };
    let before_title = entry
        .title
        .as_ref()
        .filter(|t| t.span.start > entry.head.start)
        .map(|t| ctx.text(&(entry.head.start..t.span.start)));
    entry.notes.iter().any(|note| names(ctx.text(note))) || before_title.is_some_and(names)
}

/// `is` or `are`, as the part's name asks (`the authors are`).
fn verb(role: Role) -> &'static str {
    if role == Role::Authors { "are" } else { "is" }
}

fn pronoun(role: Role) -> &'static str {
    if role == Role::Authors { "them" } else { "it" }
}

fn part_name(role: Role) -> &'static str {
    match role {
        Role::Venue => "the venue",
        Role::Date => "the date",
        Role::Name => "the short name",
        Role::Title => "the title",
        Role::Authors => "the authors",
        Role::Link => "the links",
        Role::Note => "a note",
    }
}

/// Whether a slot is a convention: enough entries, agreeing enough.
fn is_convention(shape: &Shape, slot: &Slot) -> bool {
    shape.declared || (shape.support >= MIN_SUPPORT && is_strong(slot.agree, slot.present))
}

/// The first way an entry departs from its shape, as one finding.
/// Whether a part is written in another form than its slot's, as this rule
/// judges forms: a venue's markup is `venue-format`'s, and a title that
/// links somewhere (a paper, the list's write-up of it) is the same title
/// as one that does not.
/// A year in parentheses and one after a comma are the same date in a
/// reference (`Front. Neurosci. (2017), 11:535.` among `Conf. (ICRA),
/// 2019.`: a journal's citation and a conference's), where a tag's brackets
/// are a form the list gives its dates.
fn differs(form: Form, slot: &Slot) -> bool {
    let linked = |f: Form| matches!(f, Form::Linked | Form::Plain);
    let linked_bold = |f: Form| matches!(f, Form::LinkedBold | Form::Bold);
    let cited = |f: Form| matches!(f, Form::Plain | Form::Paren);
    form != slot.form
        && slot.role != Role::Venue
        && !(slot.role == Role::Title
            && (linked(form) && linked(slot.form) || linked_bold(form) && linked_bold(slot.form)))
        && !(slot.role == Role::Date && cited(form) && cited(slot.form))
}

/// `own_way(role, form)`: whether the entry's own list writes the part so
/// (or, with `None`, leaves it out), whatever the region does.
fn deviation(
    text: &str,
    shape: &Shape,
    entry: &Entry,
    parts: &[PartRef],
    own_way: impl Fn(Role, Option<Form>) -> bool,
    own_place: impl Fn(Role, Place) -> bool,
) -> Option<Finding> {
    let others = shape.support.saturating_sub(1).max(1);
    for slot in &shape.slots {
        if !matches!(
            slot.role,
            Role::Venue | Role::Name | Role::Title | Role::Date | Role::Authors
        ) {
            continue;
        }
        let part = parts.iter().find(|p| p.role == slot.role);
        // Authors are read by how they look: one not seen is not missing.
        if slot.role == Role::Authors && part.is_none() {
            continue;
        }
        let written = |form: Form| form.wrap("…").replace("(url)", "(…)");
        match part {
            // An unclosed tag is reported whatever the list's habits.
            Some(p) if p.form == Form::BracketBoldOpen => {
                return Some(
                    Finding::new(
                        Rule::EntryFormat,
                        p.span.clone(),
                        format!("{} tag is not closed with `**]`", part_name(slot.role)),
                    )
                    .label("not closed")
                    .help(format!(
                        "write it like the list's other entries: {}",
                        expected(shape)
                    )),
                );
            }
            // A venue written with other markup is `venue-format`'s (a
            // style, with a fix); here, a venue out of place.
            Some(p)
                if (differs(p.form, slot)
                    || !(same_line(p.place, slot.place)
                        || (slot.place == Place::Line(0)
                            && matches!(p.place, Place::Line(_))
                            && on_first_rendered_line(text, entry.head.start, p.span.start))))
                    && !(slot.role == Role::Title && p.form.highlights(slot.form))
                    && !slot.any_form
                    && is_convention(shape, slot)
                    && !(differs(p.form, slot) && own_way(slot.role, Some(p.form)))
                    && (differs(p.form, slot) || !own_place(slot.role, p.place)) =>
            {
                // `* Hongcheng Wang*, …, Hao Dong* <br>` under a bold title:
                // the authors' `*` with a space after it is a bullet, and
                // the entry above is cut in two, its venue and links under
                // a title that is its authors.
                let written_title = text[p.span.clone()].trim_end();
                if slot.role == Role::Title
                    && text[..entry.head.start].ends_with("* ")
                    && written_title.ends_with('*')
                    && crate::document::looks_like_authors(
                        written_title.trim_end_matches('*'),
                        false,
                    )
                {
                    return Some(
                        Finding::new(
                            Rule::EntryFormat,
                            entry.head.start - 2..entry.head.start,
                            "the authors' `*` has a space after it: markdown starts a new bullet here and cuts the entry above in two",
                        )
                        .label("a bullet, not emphasis")
                        .help(format!(
                            "write `*{}` with no space after the `*`",
                            short_text(written_title)
                        )),
                    );
                }
                let message = if differs(p.form, slot) {
                    let who = if shape.declared {
                        "the list's declared shape writes".to_owned()
                    } else {
                        format!("{} entries of the list write", slot.agree)
                    };
                    format!(
                        "{} {} written `{}` where {who} `{}`",
                        part_name(slot.role),
                        verb(slot.role),
                        written(p.form),
                        written(slot.form)
                    )
                } else {
                    if shape.declared {
                        format!(
                            "{} {} out of place: the list's declared shape has {} elsewhere",
                            part_name(slot.role),
                            verb(slot.role),
                            pronoun(slot.role)
                        )
                    } else {
                        format!(
                            "{} {} out of place: the other {others} entries have {} elsewhere",
                            part_name(slot.role),
                            verb(slot.role),
                            pronoun(slot.role)
                        )
                    }
                };
                return Some(
                    Finding::new(Rule::EntryFormat, p.span.clone(), message)
                        .label("written another way")
                        .help(format!("expected {}", expected(shape))),
                );
            }
            // A paper without an acronym has no short name to add: a
            // missing name is a finding only where the config asks for one.
            // One entry in twenty or more without the part is a way the
            // list writes some entries (a year alone where no venue is
            // known), not a slip in each.
            None if !slot.optional
                && slot.role != Role::Title
                && !entry.placeholder_at(text, slot.place)
                && (shape.declared
                    || (shape.support >= MIN_SUPPORT
                        && slot.role != Role::Name
                        && shape.support - slot.present <= (shape.support / 20).max(1)
                        && !own_way(slot.role, None))) =>
            {
                // `[222-04]`, `[2nd May]`: a date written where the others
                // write theirs, which cannot be read as one.
                if slot.role == Role::Date
                    && let Some((span, why)) = entry
                        .notes
                        .iter()
                        .find_map(|n| unreadable_date(&text[n.clone()]).map(|why| (n, why)))
                {
                    let written = &text[span.clone()];
                    return Some(
                        Finding::new(
                            Rule::EntryFormat,
                            span.clone(),
                            format!("the date `{written}` {why}"),
                        )
                        .label("not read as a date")
                        .help(format!("expected {}", expected(shape))),
                    );
                }
                return Some(
                    Finding::new(
                        Rule::EntryFormat,
                        entry.head.clone(),
                        if shape.declared {
                            format!(
                                "entry has no {}, which the list's declared shape asks for",
                                part_name(slot.role).trim_start_matches("the ")
                            )
                        } else {
                            let who = if slot.present >= others {
                                format!("the other {others}")
                            } else {
                                format!("{} of the other {others}", slot.present)
                            };
                            format!(
                                "entry has no {}, unlike {who} entries",
                                part_name(slot.role).trim_start_matches("the "),
                            )
                        },
                    )
                    .label(format!(
                        "no {} here",
                        part_name(slot.role).trim_start_matches("the ")
                    ))
                    .help(format!("expected {}", expected(shape))),
                );
            }
            _ => {}
        }
    }
    order_deviation(shape, parts)
}

/// Whether what starts at `to` shows on the same line as `from`: only soft
/// line breaks between them (a newline with no `\\`, no two spaces and no
/// `<br>` before it), which markdown renders as spaces. `**Title**.` then
/// `*Authors*. ACL 2018` on the next source line is one line on the page.
fn on_first_rendered_line(text: &str, from: usize, to: usize) -> bool {
    let Some(between) = text.get(from..to) else {
        return false;
    };
    if between.to_ascii_lowercase().contains("<br") {
        return false;
    }
    between.split('\n').rev().skip(1).all(|line| {
        let line = line.strip_suffix('\r').unwrap_or(line);
        !line.ends_with('\\') && !line.ends_with("  ")
    })
}

/// Lines count alike wherever the entry breaks them; a sub-item is not a line.
fn same_line(a: Place, b: Place) -> bool {
    match (a, b) {
        (Place::Line(x), Place::Line(y)) => x == y,
        (Place::Column(x), Place::Column(y)) => x == y,
        (Place::SubItem, Place::SubItem) => true,
        _ => false,
    }
}

/// Venue, name and title in another order than the shape's.
fn order_deviation(shape: &Shape, parts: &[PartRef]) -> Option<Finding> {
    if !(shape.declared || shape.support >= MIN_SUPPORT) {
        return None;
    }
    let ordered = |role: Role| {
        shape
            .slots
            .iter()
            .position(|s| s.role == role && is_convention(shape, s) && !s.optional)
    };
    let mut seen: Vec<(usize, &Span, Role)> = Vec::new();
    for part in parts
        .iter()
        .filter(|p| matches!(p.role, Role::Venue | Role::Name | Role::Title))
    {
        let Some(rank) = ordered(part.role) else {
            continue;
        };
        // A part inside another's markup (`**(Arxiv 23.12.01) Title**`)
        // has no order of its own against it.
        let nested = |other: &Span| {
            (other.start <= part.span.start && part.span.end <= other.end)
                || (part.span.start <= other.start && other.end <= part.span.end)
        };
        if let Some(&(_, _, before)) = seen.iter().find(|(r, span, _)| *r > rank && !nested(span))
            && same_line(part.place, Place::Line(0))
        {
            return Some(
                Finding::new(
                    Rule::EntryFormat,
                    part.span.clone(),
                    format!(
                        "{} comes after {}, unlike the other {} entries",
                        part_name(part.role),
                        part_name(before),
                        shape.support.saturating_sub(1).max(1)
                    ),
                )
                .label("out of order")
                .help(format!("expected {}", expected(shape))),
            );
        }
        seen.push((rank, part.span, part.role));
    }
    None
}

/// Links the config requires: categories (`paper`, `code`) or labels.
/// How many entries of a shape link anything, and their paper.
#[derive(Debug, Default, Clone, Copy)]
struct Linking {
    entries: usize,
    anything: usize,
    paper: usize,
}

fn links_something(ctx: &Context, entry: &Entry) -> bool {
    entry.links.iter().any(|l| {
        l.url
            .as_ref()
            .is_some_and(|u| !ctx.text(u).trim().is_empty())
    })
}

fn check_required(ctx: &Context, entry: &Entry, linking: &[Linking], out: &mut Vec<Finding>) {
    // By default, an entry that links only its code, model, data or project
    // is a tool, a model or a dataset, which may have no paper to link,
    // unless a known venue published it (`[**MICCAI 2023**]`) and it links
    // its code alone. An entry that links nothing at all is missing its
    // link. A requirement declared in the config holds for every entry.
    let links_something = links_something(ctx, entry);
    let habit = linking.get(entry.shape).copied().unwrap_or_default();
    if !ctx.settings.required_declared
        && ((!links_something && !is_strong(habit.anything, habit.entries))
            || !is_strong(habit.paper, habit.entries))
    {
        return;
    }
    let published = entry.venue.as_ref().is_some_and(|v| {
        let name = ctx.text(&v.name).trim();
        !name.is_empty()
            && (ctx.settings.venues.recognizes(name) || ctx.conventions.venue_uses(name) >= 2)
    });
    // What an entry links besides code may be its paper where no list
    // says so (a PDF in an institutional repository, a project page that
    // carries the paper, a blog post that is the work): only an entry
    // that links code alone is missing its paper for sure.
    let links_only_code = entry
        .links
        .iter()
        .filter(|l| {
            l.url
                .as_ref()
                .is_some_and(|u| !ctx.text(u).trim().is_empty())
        })
        .all(|l| l.host == HostKind::Code);
    if !ctx.settings.required_declared && links_something && !(published && links_only_code) {
        return;
    }
    for required in &ctx.settings.required {
        // A link where the required one goes, left without its address
        // (`[Title]()`, `[[pdf]]()`), is `empty-link`'s to report.
        let left_empty = entry.links.iter().any(|link| {
            link.url
                .as_ref()
                .is_none_or(|u| ctx.text(u).trim().is_empty())
                && ((link.is_title && required == "paper")
                    || link.kind.category() == Some(required.as_str()))
        });
        if left_empty || has_link(ctx, entry, required) {
            continue;
        }
        let span = entry
            .labelled_links()
            .last()
            .map(|l| l.span.clone())
            .or_else(|| entry.title.as_ref().map(|t| t.span.clone()))
            .unwrap_or_else(|| entry.head.clone());
        let what = if crate::label::CATEGORIES.contains(&required.as_str()) {
            format!("{required} link")
        } else {
            format!("`{required}` link")
        };
        // `**Title https://arxiv.org/abs/…**`: the address pasted into the
        // title, where it is no link of the entry's.
        let pasted = entry
            .title
            .as_ref()
            .filter(|_| required == "paper")
            .and_then(|title| {
                let text = ctx.text(&title.inner);
                let at = text.find("https://").or_else(|| text.find("http://"))?;
                let url = text[at..].split_whitespace().next()?;
                let start = title.inner.start + at;
                Some((start..start + url.len(), url))
            });
        if let Some((at, url)) = pasted {
            out.push(
                Finding::new(
                    Rule::EntryFormat,
                    at,
                    "the paper's URL is written inside the title, not as the entry's link",
                )
                // GitHub shows the address as a link of its own: the entry
                // is read amiss, not left without its paper.
                .severity(Severity::Warning)
                .label("inside the title")
                .help(format!(
                    "end the title before it, and link it as the list's other entries link their papers: `{url}`"
                )),
            );
            continue;
        }
        out.push(
            Finding::new(Rule::EntryFormat, span, format!("entry has no {what}"))
                .label(format!("add the {what} after this"))
                .help(format!(
                    "every entry links its {what}; `required` in the [entry] section of the config says which"
                )),
        );
    }
}

fn has_link(ctx: &Context, entry: &Entry, required: &str) -> bool {
    let is_category = crate::label::CATEGORIES.contains(&required);
    entry.links.iter().any(|link| {
        if link.is_title {
            // A linked title is the entry's paper link: lists that link
            // titles link the paper there (or its project page, by habit).
            return required == "paper"
                && link
                    .url
                    .as_ref()
                    .is_some_and(|url| !ctx.text(url).is_empty());
        }
        if is_category {
            link.kind.category() == Some(required)
                // A link to the paper links the paper, whatever it is called:
                // a name (`[SAMSGL](https://arxiv.org/abs/...)` in a table's
                // method column), or the list's own word (`[[page]]` on every
                // entry). A label that says otherwise is link-kind's to report.
                || (required == "paper"
                    && (link.host == HostKind::Paper
                        || link.to_pdf
                        || (link.generic && link.host == HostKind::Other)))
        } else {
            crate::label::normalize(ctx.text(&link.label)) == required
        }
    })
}

/// One word written as papers' short names are (`LimSim++`, `GPT-4`,
/// `ViT`): capitals past the first letter, a digit or a sign; not a word of
/// a title (`Speaker Generation`, `学习迁移`).
/// The first words of a text, for a message.
fn short_text(text: &str) -> String {
    let mut words = text.split_whitespace();
    let head: Vec<&str> = words.by_ref().take(3).collect();
    let more = if words.next().is_some() { " …" } else { "" };
    format!("{}{more}", head.join(" "))
}

fn looks_like_a_short_name(label: &str) -> bool {
    !label.is_empty()
        && !label.contains(char::is_whitespace)
        && label.is_ascii()
        && label.chars().next().is_some_and(char::is_alphanumeric)
        && (label.chars().skip(1).any(|c| c.is_ascii_uppercase())
            || label.contains(|c: char| c.is_ascii_digit() || matches!(c, '+' | '-')))
}

#[cfg(test)]
mod tests {
    use super::unreadable_date;

    #[test]
    fn dates_that_cannot_be_read_say_why() {
        assert_eq!(
            unreadable_date("[222-04]"),
            Some("cannot be read: its year is mistyped")
        );
        assert_eq!(unreadable_date("[2nd May]"), Some("has no year"));
        assert_eq!(unreadable_date("[9th, Sep.,]"), Some("has no year"));
        for note in [
            "[2023-04]",
            "[Oral]",
            "[v2]",
            "[12 layers]",
            "[7]",
            "[CVPR]",
        ] {
            assert_eq!(unreadable_date(note), None, "{note}");
        }
    }
}

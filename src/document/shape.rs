//! The shape of a list's entries: which parts they have, in what order,
//! written how. Inferred from the entries of a region of the file (or of the
//! whole file), or declared in the config with a template.
//!
//! A template is an entry written with placeholders where its parts go:
//!
//! ```text
//! [**{venue} {year}**] [**{name}**]? {title} {links}
//! **{title}** \ *{authors}* \ {venue} {year}. [[{label}]({url})]
//! | {title} | {venue} | {date} | {code} | {demo} |
//! ```
//!
//! `?` after a part makes it optional; `{links}` stands for the entry's
//! links in whatever form the list uses, `[[{label}]]({url})` for links in
//! that form. A template starting with `|` is a table row; one starting with
//! a bullet (`-`, `*`, `1.`) a list item; anything else matches items and
//! paragraphs alike. The template is read by the same reader as the entries,
//! so it means exactly what an entry written that way means.

use rustc_hash::FxHashMap as HashMap;
use std::fmt::Write as _;

use super::date::YearForm;
use super::{Block, BlockKind, Entry, Form, Place, Role};

/// Whether `written` of `all` entries written a shape's way is a confident
/// reading of them: seven in ten. On real lists judged by hand, findings
/// on parts in regions read below that were nearly all false (2 real of 21),
/// and from there up nearly all real (24 of 26 up to 0.85).
pub(crate) fn is_confident(written: usize, all: usize) -> bool {
    written * 10 >= all * 7
}

/// How a list writes its entries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shape {
    /// The kind of block its entries are; `None` when declared without one.
    pub kind: Option<BlockKind>,
    /// The heading that opens the region it was inferred in; `None` for the
    /// whole file, or for several regions written alike.
    pub region: Option<usize>,
    /// The parts, in order.
    pub slots: Vec<Slot>,
    /// How many entries it was inferred from (0 when declared).
    pub support: usize,
    pub declared: bool,
    /// How venue tags join the venue and the year, when most agree.
    pub venue_style: Option<VenueStyle>,
    /// Between neighbouring parts, by their roles: how many entries glue
    /// them together and how many put one space between them.
    pub glue: [[(u32, u32); Role::COUNT]; Role::COUNT],
}

/// How two neighbouring parts meet: with nothing (or only a separator)
/// between them, or with one space after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Join {
    /// `Title[[pdf]]`, `*arXiv*.[[Paper]]`, `2021 |[code]`
    Glued,
    /// `Title [[pdf]]`, `*arXiv*. [[Paper]]`, `2021 | [code]`
    Spaced,
}

/// Reads the text between two parts as a join: nothing or one space, or a
/// separator (`.`, `,`, `;`, `:`, `|`, a closing bracket, escaped or not) with
/// or without one space after it.
/// Anything else is not a join this model judges.
pub(crate) fn join(between: &str) -> Option<Join> {
    let after_separator = match between.strip_prefix(' ').unwrap_or(between).as_bytes() {
        [] if between.is_empty() => return Some(Join::Glued),
        [] => return Some(Join::Spaced),
        [b'.' | b',' | b';' | b':' | b'|' | b')' | b']', rest @ ..] => rest,
        // `\[[EMNLP 2023](…)\]Revisiting`: a tag's escaped bracket closes it.
        [b'\\', b')' | b']', rest @ ..] => rest,
        _ => return None,
    };
    match after_separator {
        [] => Some(Join::Glued),
        [b' '] => Some(Join::Spaced),
        _ => None,
    }
}

/// One part of a shape.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slot {
    pub role: Role,
    pub form: Form,
    pub place: Place,
    /// Entries that have this part at all.
    pub present: usize,
    /// Of those, the entries that write it in `form`, at `place`.
    pub agree: usize,
    /// Present in fewer than nine entries of ten, or declared with `?`.
    pub optional: bool,
    /// Declared as `{links}`: any form.
    pub any_form: bool,
}

/// The separator between a venue and its year, and the year's form: `CVPR 2023`
/// (` `, full), `CVPR'25` (`'`, short), `Nature Medicine, 2024` (`, `, full).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VenueStyle {
    pub separator: String,
    pub year: YearForm,
    pub present: usize,
    pub agree: usize,
    /// Tags with a four-digit year glued to the name (`TGRS2024`).
    pub glued: usize,
}

/// Why a template could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ShapeError {
    #[error("unknown placeholder `{{{0}}}` in the shape")]
    Unknown(String),
    #[error("the shape has no `{{title}}`")]
    NoTitle,
    #[error("the shape does not read as an entry: {0}")]
    Unreadable(String),
}

impl Shape {
    /// The shape a region's entries have in common.
    pub(crate) fn infer(
        text: &str,
        entries: &[&Entry],
        kind: BlockKind,
        region: Option<usize>,
    ) -> Shape {
        Tally::of(text, entries).shape(kind, region)
    }

    /// Reads a template (`[**{venue} {year}**] {title} {links}`) as a shape.
    pub fn from_template(template: &str, known: super::Known<'_>) -> Result<Shape, ShapeError> {
        let sample = sample(template)?;
        let entry = super::walk::sample_entry(&sample.text, known)
            .ok_or_else(|| ShapeError::Unreadable("nothing in it reads as an entry".into()))?;
        if entry.title.is_none() {
            return Err(ShapeError::Unreadable(
                "no part of it reads as the title".into(),
            ));
        }
        let kind = entry.block.kind();
        let mut shape = Shape::infer(&sample.text, &[&entry], kind, None);
        shape.kind = sample.kind;
        shape.support = 0;
        shape.declared = true;
        for slot in &mut shape.slots {
            let name = match slot.role {
                Role::Link => "links",
                other => other.as_str(),
            };
            slot.optional = sample.optional.contains(&name);
            slot.any_form = slot.role == Role::Link && sample.any_links;
        }
        Ok(shape)
    }

    /// Whether two inferred shapes write the same parts the same way, in the
    /// same order, whatever their counts: regions written alike are one
    /// convention, judged together.
    pub(crate) fn same_layout(&self, other: &Shape) -> bool {
        let style = |s: &Shape| {
            s.venue_style
                .as_ref()
                .map(|v| (v.separator.clone(), v.year))
        };
        self.kind == other.kind
            && self.slots.len() == other.slots.len()
            && self
                .slots
                .iter()
                .zip(&other.slots)
                .all(|(a, b)| a.role == b.role && a.form == b.form && a.place == b.place)
            && (self.venue_style.is_none()
                || other.venue_style.is_none()
                || style(self) == style(other))
    }

    pub(crate) fn slot(&self, role: Role) -> Option<&Slot> {
        self.slots.iter().find(|s| s.role == role)
    }

    /// Whether an entry has this shape's required parts, written its way:
    /// how an item that links no paper still reads as one of the list's entries.
    pub(crate) fn fits(&self, entry: &Entry) -> bool {
        // It must share something that papers have and other items do not:
        // a venue or date, or authors.
        let distinctive = self
            .slots
            .iter()
            .any(|s| matches!(s.role, Role::Venue | Role::Date | Role::Authors) && !s.optional);
        distinctive && self.is_written_by(entry)
    }

    /// Whether an entry is written this shape's way: a title, and every
    /// part the shape requires, in its form.
    pub(crate) fn is_written_by(&self, entry: &Entry) -> bool {
        let parts = entry.parts();
        entry.title.is_some()
            && self.required_parts().all(|slot| {
                parts
                    .iter()
                    .any(|p| p.role == slot.role && (slot.any_form || p.form == slot.form))
            })
    }

    /// Whether an entry is read as this shape reads: a title, and every part
    /// the shape requires, in whatever form (a bold title among plain ones
    /// is a style, not a misreading).
    pub(crate) fn reads(&self, entry: &Entry) -> bool {
        // A shape with no title (a table of datasets by name) reads entries
        // without one; so does one whose entries mostly have none, where
        // an entry names its paper in the label of the link to it (`|
        // [RSITMD](arxiv) | [Github](…) |`: a title read in a few rows is
        // the exception, not their way), or its venue (`| [RSCC](github) |
        // [NeurIPS2025](openreview) |`). Links labelled `Paper` or `Link`
        // under headings that name the papers are a misreading.
        let untitled_way = match self.slot(Role::Title) {
            None => true,
            Some(slot) => {
                !self.declared
                    && slot.present * 2 < self.support
                    && (entry.names_its_paper() || entry.venue.is_some())
            }
        };
        (entry.title.is_some() || untitled_way)
            && self.required_parts().all(|slot| entry.has(slot.role))
    }

    /// The slots an entry of this shape has, its links aside.
    fn required_parts(&self) -> impl Iterator<Item = &Slot> {
        self.slots
            .iter()
            .filter(|s| !s.optional && s.role != Role::Link)
    }

    /// The shape spelled as a template.
    pub fn template(&self) -> String {
        let mut out = String::new();
        let mut last_place: Option<Place> = None;
        let style = self.venue_style.as_ref();
        for slot in &self.slots {
            if let Some(last) = last_place {
                if last != slot.place {
                    match (last, slot.place) {
                        (_, Place::Column(_)) => out.push_str(" | "),
                        (_, Place::SubItem) => out.push_str(" ⏎ - "),
                        _ => out.push_str(" ⏎ "),
                    }
                } else {
                    out.push(' ');
                }
            } else if let Place::Column(_) = slot.place {
                out.push_str("| ");
            }
            last_place = Some(slot.place);
            let placeholder = match slot.role {
                Role::Venue => match style {
                    Some(style) => {
                        let year = match style.year {
                            YearForm::Short => "'{yy}",
                            YearForm::Bare => "{yy}",
                            YearForm::Dotted => "{year}.{month}",
                            YearForm::Numeric => "{date}",
                            YearForm::Named => "{month} {year}",
                            YearForm::Full => "{year}",
                        };
                        let sep = if style.year == YearForm::Short {
                            style.separator.trim_end_matches('\'').to_owned()
                        } else {
                            style.separator.clone()
                        };
                        format!("{{venue}}{sep}{year}")
                    }
                    _ => "{venue} {year}".to_owned(),
                },
                Role::Date => "{date}".to_owned(),
                Role::Name => "{name}".to_owned(),
                Role::Title => "{title}".to_owned(),
                Role::Authors => "{authors}".to_owned(),
                Role::Link => {
                    if slot.any_form {
                        "{links}".to_owned()
                    } else {
                        slot.form.wrap("{label}").replace("(url)", "({url})")
                    }
                }
                Role::Note => continue,
            };
            let written = match slot.role {
                Role::Link => placeholder,
                _ => slot.form.wrap(&placeholder).replace("(url)", "({url})"),
            };
            out.push_str(&written);
            if slot.optional && slot.role != Role::Link {
                out.push('?');
            }
        }
        if matches!(last_place, Some(Place::Column(_))) {
            out.push_str(" |");
        }
        out
    }

    /// A short description for messages: the template and how many entries
    /// were written that way.
    pub fn describe(&self) -> String {
        let mut out = format!("`{}`", self.template());
        if self.support > 0 {
            let _ = write!(out, " ({} entries)", self.support);
        }
        out
    }
}

/// The roles whose slots a shape has, in the order they are tallied.
const ROLES: [Role; 6] = [
    Role::Venue,
    Role::Date,
    Role::Name,
    Role::Title,
    Role::Authors,
    Role::Link,
];

/// What a group of entries does, counted: what its shape is concluded
/// from. Counts add up, so the tally of groups joined together is the sum
/// of theirs, and nothing is counted twice.
#[derive(Debug, Clone, Default)]
pub(crate) struct Tally<'t> {
    entries: usize,
    /// Per role: how each entry writes its first part of that role.
    forms: [Vec<((Form, Place), usize)>; 6],
    present: [usize; 6],
    /// Per role: the sum of its first part's rank among the entry's parts.
    rank_sum: [usize; 6],
    glue: [[(u32, u32); Role::COUNT]; Role::COUNT],
    /// How venue tags join name and year, by separator and year form.
    venue_styles: HashMap<(&'t str, YearForm), usize>,
    venue_present: usize,
}

impl<'t> Tally<'t> {
    pub(crate) fn of(text: &'t str, entries: &[&Entry]) -> Self {
        let mut tally = Tally::default();
        let mut parts = Vec::new();
        for entry in entries {
            tally.count(text, entry, &mut parts);
        }
        tally
    }

    /// Counts one more entry (`parts` is a buffer).
    pub(crate) fn count<'e>(
        &mut self,
        text: &'t str,
        entry: &'e Entry,
        parts: &mut Vec<super::PartRef<'e>>,
    ) {
        self.entries += 1;
        entry.parts_into(parts);
        let row = matches!(entry.block, Block::Row { .. });
        for pair in parts.windows(2) {
            let (a, b) = (pair[0].span, pair[1].span);
            let between = text.get(a.end..b.start.max(a.end)).unwrap_or_default();
            // A table's pipe parts its cells however it is padded: no
            // way of joining two parts.
            if row && between.contains('|') {
                continue;
            }
            let slot = &mut self.glue[pair[0].role as usize][pair[1].role as usize];
            match join(between) {
                Some(Join::Glued) => slot.0 += 1,
                Some(Join::Spaced) => slot.1 += 1,
                None => {}
            }
        }
        for (r, role) in ROLES.iter().enumerate() {
            let Some((rank, part)) = parts.iter().enumerate().find(|(_, p)| p.role == *role) else {
                continue;
            };
            self.present[r] += 1;
            self.rank_sum[r] += rank;
            let key = (part.form, part.place);
            match self.forms[r].iter_mut().find(|(k, _)| *k == key) {
                Some((_, count)) => *count += 1,
                None => self.forms[r].push((key, 1)),
            }
        }
        self.count_venue_style(text, entry);
    }

    fn count_venue_style(&mut self, text: &'t str, entry: &Entry) {
        let Some(venue) = &entry.venue else { return };
        let Some(year) = venue.years.first() else {
            return;
        };
        if venue.name.is_empty() || venue.name.end > year.date.start {
            return;
        }
        let separator = &text[venue.year_gap(text, year)];
        // Doubled spaces are slips, never a style. `ICCV2023` is a slip in
        // a list that writes `ICCV 2023`, and the style of one that writes
        // `TGRS2024` throughout: counted, it is the style only where it
        // is most of them.
        if separator.contains("  ") {
            return;
        }
        self.venue_present += 1;
        *self.venue_styles.entry((separator, year.form)).or_default() += 1;
    }

    /// Adds another group's counts.
    pub(crate) fn add(&mut self, other: &Tally<'t>) {
        self.entries += other.entries;
        for r in 0..ROLES.len() {
            self.present[r] += other.present[r];
            self.rank_sum[r] += other.rank_sum[r];
            for &(key, count) in &other.forms[r] {
                match self.forms[r].iter_mut().find(|(k, _)| *k == key) {
                    Some((_, mine)) => *mine += count,
                    None => self.forms[r].push((key, count)),
                }
            }
        }
        for (mine, theirs) in self.glue.iter_mut().zip(&other.glue) {
            for (a, b) in mine.iter_mut().zip(theirs) {
                a.0 += b.0;
                a.1 += b.1;
            }
        }
        for (key, count) in &other.venue_styles {
            *self.venue_styles.entry(*key).or_default() += count;
        }
        self.venue_present += other.venue_present;
    }

    /// The shape the counted entries have in common.
    pub(crate) fn shape(&self, kind: BlockKind, region: Option<usize>) -> Shape {
        let n = self.entries;
        let mut slots = Vec::new();
        for (r, role) in ROLES.iter().enumerate() {
            let present = self.present[r];
            if present == 0 || (present * 2 < n && *role != Role::Title) {
                continue;
            }
            let Some(&((form, place), agree)) = self.forms[r]
                .iter()
                .max_by_key(|&&((form, place), count)| (count, std::cmp::Reverse((place, form))))
            else {
                continue;
            };
            slots.push((
                self.rank_sum[r] as f64 / present as f64,
                Slot {
                    role: *role,
                    form,
                    place,
                    present,
                    agree,
                    optional: present * 10 < n * 9,
                    any_form: false,
                },
            ));
        }
        slots.sort_by(|(a_rank, a), (b_rank, b)| {
            a.place.cmp(&b.place).then(
                a_rank
                    .partial_cmp(b_rank)
                    .unwrap_or(std::cmp::Ordering::Equal),
            )
        });
        Shape {
            kind: Some(kind),
            region,
            slots: slots.into_iter().map(|(_, slot)| slot).collect(),
            support: n,
            declared: false,
            venue_style: self.venue_style(),
            glue: self.glue,
        }
    }

    /// The way most venue tags join venue and year.
    fn venue_style(&self) -> Option<VenueStyle> {
        let glued = self
            .venue_styles
            .iter()
            .filter(|((separator, year), _)| {
                separator.is_empty() && !matches!(year, YearForm::Short | YearForm::Bare)
            })
            .map(|(_, n)| n)
            .sum();
        let (&(separator, year), &agree) = self
            .venue_styles
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))?;
        Some(VenueStyle {
            separator: separator.to_owned(),
            year,
            present: self.venue_present,
            agree,
            glued,
        })
    }
}

/// Placeholder values a template is read with.
const SAMPLES: &[(&str, &str)] = &[
    ("venue", "CVPR"),
    ("year", "2023"),
    ("yy", "23"),
    ("month", "Jul"),
    ("mm", "07"),
    ("day", "14"),
    ("date", "2023-07-14"),
    ("name", "SampleNet"),
    ("title", "A Sample Title for the Shape of Entries"),
    ("authors", "Ada Lovelace, Alan Turing"),
    ("links", "[[pdf]](https://arxiv.org/abs/2301.00001)"),
    ("label", "pdf"),
    ("url", "https://arxiv.org/abs/2301.00001"),
];

/// A template with its placeholders filled in, and which roles are optional.
pub(super) struct Sample {
    pub text: String,
    pub optional: Vec<&'static str>,
    pub any_links: bool,
    pub kind: Option<BlockKind>,
}

/// Fills a template's placeholders with sample values.
pub(super) fn sample(template: &str) -> Result<Sample, ShapeError> {
    let mut text = String::with_capacity(template.len() * 2);
    let mut optional = Vec::new();
    let mut any_links = false;
    let mut last_role: Option<&'static str> = None;
    let table = template.trim_start().starts_with('|');
    let mut has_title = false;
    let mut rest = template;
    while let Some(c) = rest.chars().next() {
        if c == '{'
            && let Some(close) = rest.find('}')
        {
            let name = rest[1..close].trim();
            match SAMPLES.iter().find(|(n, _)| *n == name) {
                Some(&(n, value)) => {
                    text.push_str(value);
                    has_title |= n == "title";
                    any_links |= n == "links";
                    last_role = Some(match n {
                        "year" | "yy" | "month" | "mm" | "day" => "venue",
                        "label" | "url" | "links" => "links",
                        other => other,
                    });
                }
                // In a table, any other name is a column of links (`{code}`, `{demo}`).
                None if table
                    && !name.is_empty()
                    && name
                        .chars()
                        .all(|c| c.is_alphanumeric() || c == '_' || c == ' ') =>
                {
                    let _ = write!(
                        text,
                        "[{name}](https://example.org/{})",
                        name.replace(' ', "-")
                    );
                    last_role = Some("links");
                }
                None => return Err(ShapeError::Unknown(name.to_owned())),
            }
            rest = &rest[close + 1..];
            continue;
        }
        if c == '?'
            && let Some(role) = last_role
        {
            optional.push(role);
            rest = &rest[1..];
            continue;
        }
        text.push(c);
        rest = &rest[c.len_utf8()..];
    }
    if !has_title {
        return Err(ShapeError::NoTitle);
    }
    let trimmed = text.trim_start();
    let kind = if trimmed.starts_with('|') {
        Some(BlockKind::Row)
    } else if trimmed.starts_with(['-', '*', '+'])
        && !trimmed.starts_with("**")
        && trimmed[1..].starts_with(' ')
        || trimmed.split_once(['.', ')']).is_some_and(|(n, after)| {
            !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) && after.starts_with(' ')
        })
    {
        Some(BlockKind::Item)
    } else {
        None
    };
    // Multi-line templates use ` ⏎ ` (as `template()` writes them) or real line breaks.
    let text = text.replace(" ⏎ ", "\n");
    let text = match kind {
        // A table template needs a header for the reader to see a row.
        Some(BlockKind::Row) => {
            let columns = text.trim().trim_matches('|').split('|').count();
            format!(
                "|{}\n|{}\n{}\n",
                " x |".repeat(columns),
                "---|".repeat(columns),
                text.trim()
            )
        }
        Some(_) => format!("{}\n", text.trim()),
        // Read as a list item unless it opens with bold text, which is a paragraph.
        None if text.trim_start().starts_with("**") => format!("{}\n", text.trim()),
        None => format!("- {}\n", text.trim()),
    };
    Ok(Sample {
        text,
        optional,
        any_links,
        kind,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn samples_fill_placeholders() {
        let s = sample("[**{venue} {year}**] [**{name}**]? {title} {links}").unwrap();
        assert_eq!(
            s.text,
            "- [**CVPR 2023**] [**SampleNet**] A Sample Title for the Shape of Entries [[pdf]](https://arxiv.org/abs/2301.00001)\n"
        );
        assert_eq!(s.optional, ["name"]);
        assert!(s.any_links);
        assert_eq!(s.kind, None);
        assert!(sample("{venue} {title}").is_ok());
        assert_eq!(sample("{venue}").err(), Some(ShapeError::NoTitle));
        assert_eq!(
            sample("{title} {bogus}").err(),
            Some(ShapeError::Unknown("bogus".into()))
        );
        let row = sample("| {title} | {venue} | {date} | {code} |").unwrap();
        assert_eq!(row.kind, Some(BlockKind::Row));
        assert!(row.text.contains("[code](https://example.org/code)"));
    }
}

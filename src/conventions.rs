//! What a list does by habit, inferred once from its document and read by
//! every rule: the venues it names and how often, how it writes each venue's
//! tag, the link labels of its own, and whether it breaks entry lines with
//! two trailing spaces on purpose.
//!
//! A list's consistent habit is its convention, not a defect; what departs
//! from it is. The shapes (in [`crate::document::Shape`]) hold the habits of
//! form and order; this holds the habits of vocabulary.

use rustc_hash::FxHashMap;

use crate::document::{Document, Form, LabelKind};
use crate::venue::Venues;
use crate::vocabulary::{is_one_of, words};

/// How many entries, at least, make a convention: fewer are no law.
pub(crate) const MIN_SUPPORT: usize = 5;
/// The share of entries that must agree for their way to be the list's
/// law; below it the list mixes styles, and neither way is reported.
pub(crate) const AGREEMENT: f64 = 0.8;

/// The one agreement policy: `agree` of `present` entries (or parts) doing
/// a thing one way make it the list's convention.
pub(crate) fn is_strong(agree: usize, present: usize) -> bool {
    present >= MIN_SUPPORT && agree as f64 >= present as f64 * AGREEMENT
}

/// A list's habits of vocabulary.
#[derive(Debug, Default)]
pub(crate) struct Conventions {
    /// Each venue spelling as written (trimmed), and how many entries use it.
    pub venues: FxHashMap<String, usize>,
    /// Per shape and venue (lowercase): the forms its tag is written in, counted.
    pub venue_forms: FxHashMap<(usize, String), Vec<(Form, usize)>>,
    /// Per shape and venue (lowercase): how many of its tags carry no year.
    pub yearless: FxHashMap<(usize, String), usize>,
    /// Venue tags with no year on entries under a heading that names
    /// their year.
    pub yearless_in_sections: usize,
    /// Per shape: how many venue tags carry a year, of how many.
    pub with_year: FxHashMap<usize, (usize, usize)>,
    /// Per shape: how many links are written `[[l]](url)` and how many `[[l](url)]`.
    pub double_links: FxHashMap<usize, (usize, usize)>,
    /// Labels in no category (normalized), and how many links use them.
    pub labels: FxHashMap<String, usize>,
    /// Each link label as written (trimmed), with how many of its links
    /// lead nowhere and how many have a web address.
    pub label_uses: FxHashMap<String, (usize, usize)>,
    /// Entry lines that end with two spaces and go on with the entry on the
    /// next line (a markdown hard break), and entry lines that end otherwise
    /// before a continuation line.
    pub hard_breaks: (usize, usize),
    /// Per shape, and whether in the venue tag or a date of its own: how
    /// the dates written in digits are written (their [`digit_pattern`]s),
    /// counted.
    ///
    /// [`digit_pattern`]: crate::document::date::digit_pattern
    pub date_patterns: FxHashMap<(usize, bool), Vec<(String, usize)>>,
    /// The preprint servers' names, lowercase: their habits are kept together.
    preprints: Vec<String>,
}

impl Conventions {
    pub(crate) fn infer(text: &str, doc: &Document, venues: &Venues) -> Self {
        let mut c = Conventions {
            preprints: venues.preprints().to_vec(),
            ..Conventions::default()
        };
        for entry in &doc.entries {
            let dates = entry.dates.iter().map(|d| (&d.year, false));
            let tagged = entry
                .venue
                .iter()
                .flat_map(|v| v.years.iter().map(|y| (y, true)));
            for (year, in_venue) in dates.chain(tagged) {
                if let Some(pattern) =
                    crate::document::date::digit_pattern(&text[year.date.clone()])
                {
                    let counts = c.date_patterns.entry((entry.shape, in_venue)).or_default();
                    match counts.iter_mut().find(|(p, _)| *p == pattern) {
                        Some((_, n)) => *n += 1,
                        None => counts.push((pattern, 1)),
                    }
                }
            }
            if let Some(venue) = &entry.venue {
                let name = text[venue.name.clone()].trim();
                // (Most names are counted before: a copy only for a new one.)
                match c.venues.get_mut(name) {
                    Some(n) => *n += 1,
                    None if !name.is_empty() => {
                        c.venues.insert(name.to_owned(), 1);
                    }
                    None => {}
                }
                let lower = c.habit_key(name);
                let with = c.with_year.entry(entry.shape).or_default();
                with.1 += 1;
                if venue.years.is_empty() {
                    *c.yearless.entry((entry.shape, lower.clone())).or_default() += 1;
                    c.yearless_in_sections += usize::from(doc.section_of(entry).is_some());
                } else {
                    with.0 += 1;
                }
                let forms = c.venue_forms.entry((entry.shape, lower)).or_default();
                match forms.iter_mut().find(|(f, _)| *f == venue.form) {
                    Some((_, n)) => *n += 1,
                    None => forms.push((venue.form, 1)),
                }
            }
            // A venue tag written as a link (`**[[WACV 24](…)]**`) is
            // bracketed the entry's way too: a form the list writes links in.
            if let Some(venue) = &entry.venue {
                let written = text[venue.span.clone()].trim_matches(['*', '_']);
                if written.starts_with("[[") {
                    let doubles = c.double_links.entry(entry.shape).or_default();
                    if written.ends_with(")]") {
                        doubles.1 += 1;
                    } else if written.contains("]](") {
                        doubles.0 += 1;
                    }
                }
            }
            for link in &entry.links {
                let doubles = c.double_links.entry(entry.shape).or_default();
                match link.form {
                    Form::DoubleInside => doubles.0 += 1,
                    Form::DoubleOutside => doubles.1 += 1,
                    _ => {}
                }
                if !link.is_title {
                    let written = text[link.label.clone()].trim();
                    let filled = link
                        .url
                        .as_ref()
                        .is_some_and(|url| text[url.clone()].trim().contains("://"));
                    // (Most labels are counted before: a copy only for a new one.)
                    let uses = match c.label_uses.get_mut(written) {
                        Some(uses) => uses,
                        None => c.label_uses.entry(written.to_owned()).or_default(),
                    };
                    if filled {
                        uses.1 += 1;
                    } else {
                        uses.0 += 1;
                    }
                }
                if !link.is_title
                    && link.kind == LabelKind::Unknown
                    && !matches!(link.form, Form::Bare | Form::Badge)
                {
                    let label = crate::label::normalize(&text[link.label.clone()]);
                    if !label.is_empty() {
                        *c.labels.entry(label).or_default() += 1;
                    }
                }
            }
            // Line breaks inside the entry: whether any line but the last
            // ends with a hard break (many lists break after the authors
            // only, and let the title line run on).
            let body = &text[entry.span.clone()];
            let mut lines = body.split('\n').peekable();
            let mut inner_lines = 0;
            let mut hard = false;
            while let Some(line) = lines.next() {
                if lines.peek().is_none() {
                    break;
                }
                inner_lines += 1;
                let line = line.strip_suffix('\r').unwrap_or(line);
                // (`<br>` at the end breaks the line as two spaces do: a
                // list that breaks its entries so breaks them, either way.)
                let trimmed = line.trim_end().to_ascii_lowercase();
                hard |= (line.ends_with("  ") && !line.trim().is_empty())
                    || ["<br>", "<br/>", "<br />"]
                        .iter()
                        .any(|br| trimmed.ends_with(br));
            }
            if inner_lines > 0 {
                if hard {
                    c.hard_breaks.0 += 1;
                } else {
                    c.hard_breaks.1 += 1;
                }
            }
        }
        c
    }

    /// How many entries name a venue spelled exactly so.
    pub(crate) fn venue_uses(&self, name: &str) -> usize {
        self.venues.get(name.trim()).copied().unwrap_or(0)
    }

    /// Whether a spelling that differs from its venue's canonical one only
    /// by case or punctuation (`Arxiv`, `arxiv`) departs from the list's
    /// way of writing that venue. Among the entries naming the venue in any
    /// such variant: three or more agreeing on this spelling make it the
    /// list's own; where no spelling is a strong convention the list mixes
    /// them, and neither is a departure. Only a variant among entries that
    /// strongly agree on the canonical spelling (or a list that names the
    /// venue too seldom to have a way) departs.
    pub(crate) fn spelling_departs(&self, name: &str, canonical: &str) -> bool {
        let fold = |s: &str| -> String {
            s.chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect()
        };
        let key = fold(name);
        let all: usize = self
            .venues
            .iter()
            .filter(|(other, _)| fold(other) == key)
            .map(|(_, n)| n)
            .sum();
        // Three uses or more that nearly all agree, or every use (two or
        // more: `*Arxiv 2023*` both times the list names it).
        let strong = |uses: usize| {
            (uses >= 3 && uses as f64 >= all as f64 * AGREEMENT) || (uses >= 2 && uses == all)
        };
        if strong(self.venue_uses(name)) {
            return false;
        }
        // A name in capitals (`INTERSPEECH`, `NEURIPS`) is a typographic
        // style, not a misspelling: it departs only from a list's way.
        let capitals =
            name.chars().any(char::is_alphabetic) && !name.chars().any(char::is_lowercase);
        (all < 3 && !capitals) || strong(self.venue_uses(canonical))
    }

    /// Whether the list names a venue by its former name (`NIPS` for
    /// NeurIPS) by habit: three entries or more, and nearly all of those
    /// naming it either way.
    pub(crate) fn former_name_is_habit(&self, name: &str, canonical: &str) -> bool {
        let former = self.venue_uses(name);
        let all = former + self.venue_uses(canonical);
        former >= 3 && former as f64 >= all as f64 * AGREEMENT
    }

    /// Whether the list writes this venue's tag in this form by habit:
    /// three entries or more, and most of that venue's.
    pub(crate) fn is_venue_form_habit(&self, shape: usize, name: &str, form: Form) -> bool {
        let Some(forms) = self.venue_forms.get(&(shape, self.habit_key(name))) else {
            return false;
        };
        let total: usize = forms.iter().map(|(_, n)| n).sum();
        forms
            .iter()
            .any(|&(f, n)| f == form && n >= 3 && n * 2 > total)
    }

    /// Whether a tag without a year is a departure: most of the shape's
    /// tags carry one, and the list does not write this venue without one
    /// by habit (`[arXiv]` in a list filed by year headings): three of its
    /// tags or more, and one in five at least (five `[ArXiv]` among eighty
    /// `[arXiv 2021]` are slips, not a way of writing it).
    pub(crate) fn expects_year(&self, shape: usize, name: &str) -> bool {
        let (years, tags) = self.with_year.get(&shape).copied().unwrap_or_default();
        let key = (shape, self.habit_key(name));
        let written: usize = self
            .venue_forms
            .get(&key)
            .map_or(0, |forms| forms.iter().map(|(_, n)| n).sum());
        let habit = self
            .yearless
            .get(&key)
            .is_some_and(|&n| n >= 3 && n * 5 >= written);
        years * 10 >= tags * 8 && !habit
    }

    /// Whether the list writes this venue's tags with a year: most of them
    /// (three in four, two or more), where its other tags carry one too.
    pub(crate) fn dates_venue(&self, shape: usize, name: &str) -> bool {
        let key = (shape, self.habit_key(name));
        let written: usize = self
            .venue_forms
            .get(&key)
            .map_or(0, |forms| forms.iter().map(|(_, n)| n).sum());
        let yearless = self.yearless.get(&key).copied().unwrap_or(0);
        let dated = written.saturating_sub(yearless);
        dated >= 2 && dated * 4 >= (dated + yearless) * 3 && self.expects_year(shape, name)
    }

    /// How the shape's dates (in its venue tags, or dates of their own) are
    /// written in digits, when a strong convention: the pattern, and how
    /// many of how many dates follow it.
    pub(crate) fn date_pattern(
        &self,
        shape: usize,
        in_venue: bool,
    ) -> Option<(&str, usize, usize)> {
        let counts = self.date_patterns.get(&(shape, in_venue))?;
        let present: usize = counts.iter().map(|(_, n)| n).sum();
        let (pattern, agree) = counts.iter().max_by_key(|(_, n)| *n)?;
        is_strong(*agree, present).then_some((pattern.as_str(), *agree, present))
    }

    /// How many of the shape's dates are written in `pattern`.
    pub(crate) fn date_pattern_count(&self, shape: usize, in_venue: bool, pattern: &str) -> usize {
        self.date_patterns
            .get(&(shape, in_venue))
            .and_then(|counts| counts.iter().find(|(p, _)| p == pattern))
            .map_or(0, |(_, n)| *n)
    }

    /// Whether the list leaves the year of some tags to the heading they
    /// sit under (three or more tags without one, under year headings):
    /// its way, where one such tag is a slip.
    pub(crate) fn leaves_years_to_headings(&self) -> bool {
        self.yearless_in_sections >= 3
    }

    /// The list's double-bracket link form, when four in five of its
    /// double-bracket links (and five or more) agree on it.
    pub(crate) fn double_link_form(&self, shape: usize) -> Option<Form> {
        let &(inside, outside) = self.double_links.get(&shape)?;
        let total = inside + outside;
        if total < 5 {
            return None;
        }
        if inside * 10 >= total * 8 {
            Some(Form::DoubleInside)
        } else if outside * 10 >= total * 8 {
            Some(Form::DoubleOutside)
        } else {
            None
        }
    }

    /// Whether the list writes this label only on links that lead nowhere,
    /// by habit, as a marked form of a label it writes with addresses
    /// (`[[G-Scholar--]]()` on a hundred entries, `[[G-Scholar]](…)` on
    /// the rest): its mark for a link it has not got. A label left empty
    /// however often, with no such filled twin, is links left out.
    pub(crate) fn marks_absence(&self, label: &str) -> bool {
        let label = label.trim();
        let letters = |s: &str| -> String { s.chars().filter(|c| c.is_alphanumeric()).collect() };
        let marked = letters(label);
        self.label_uses
            .get(label)
            .is_some_and(|&(empty, filled)| filled == 0 && empty >= 2 * MIN_SUPPORT)
            && !marked.is_empty()
            && self.label_uses.iter().any(|(other, &(_, filled))| {
                filled > 0 && other != label && letters(other) == marked
            })
    }

    /// Whether a hard break inside an entry departs from the list's way:
    /// its entries of several lines strongly agree on not breaking them. A
    /// list that breaks some entries and not others mixes styles; neither is
    /// a defect there.
    pub(crate) fn hard_break_is_deviation(&self) -> bool {
        let (hard, other) = self.hard_breaks;
        is_strong(other, hard + other)
    }

    /// The name a venue's habits are kept under: preprint servers and open
    /// review sites together (a list that writes `[arXiv]` without a year
    /// writes `[OpenReview]` and `[Preprint]` so too), every other venue by
    /// its own name.
    fn habit_key(&self, name: &str) -> String {
        let lower = name.trim().to_lowercase();
        if self.preprints.contains(&lower) || is_one_of(&lower, &words().tags.preprint) {
            "preprint".to_owned()
        } else {
            lower
        }
    }
}

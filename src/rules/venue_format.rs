//! `venue-format`: a malformed venue tag, an unknown venue, or a
//! non-canonical spelling of a known one.

use rustc_hash::FxHashMap as HashMap;

use super::{Context, Fixable, Rule, RuleInfo};
use crate::document::{Entry, Form, Venue, Year};
use crate::finding::{Finding, Severity};
use crate::fix::{Edit, Fix};
use crate::venue::VenueCheck;

pub(super) const INFO: RuleInfo = RuleInfo {
    rule: Rule::VenueFormat,
    name: "venue-format",
    severity: Severity::Error,
    fixable: Fixable::SafeAndUnsafe,
    summary: "malformed venue tag, unknown venue, or non-canonical spelling (with a did-you-mean)",
    doc: DOC,
    check: Some(check),
};

const DOC: &str = "\
## What it does
Reads the venue tag `[**Venue Year**]` of every entry and reports:
- a malformed tag (an error): no space before the year (`ICCV2023`), or
  something else between them (`MICCAI-2023`), a year that is not four
  digits (`NeurIPS 202`), no year, stray stars (`[***CVPR 2023***]`), or
  text after the year (`PMLR 2022(arxiv 2020)`); `Workshop` or `Findings`
  after the year belongs before it (`[**MICCAI Workshop 2023**]`), while a
  presentation qualifier is fine (`[**ICCV 2023 Oral**]`, `Spotlight`,
  `Highlight`, `Poster`, `Best Paper`);
- a non-canonical spelling of a known venue (a warning): `NIPS` → `NeurIPS`,
  `arxiv` → `arXiv`;
- an unknown venue (a warning), with the closest known venue as a did-you-mean.

Workshop and Findings forms of a known venue (`MICCAI-ws`, `CVPR Workshop`,
`CVPRW`, `Findings of ACL`) are known. Add your own venues and spellings in the
config: `[venues] known = [...]`, `aliases = { \"Nature Com\" = \"Nature Communications\" }`.

## Why is this bad?
Readers filter and count by venue; `NIPS 2022`, `NeurIPS 2022` and
`Neurips 2022` look like three venues, and a tag the year cannot be read
from breaks the chronology checks.

## Example
```markdown
- [**NIPS 2022**] [**MGCA**] Multi-Granularity Cross-modal Alignment ... [[pdf]](https://arxiv.org/pdf/2210.06044.pdf)
- [**arxiv 2023**] [**MOTOR**] Towards Medical Artificial General Intelligence ... [[pdf]](https://arxiv.org/pdf/2304.14204.pdf)
```
Use instead:
```markdown
- [**NeurIPS 2022**] [**MGCA**] Multi-Granularity Cross-modal Alignment ... [[pdf]](https://arxiv.org/pdf/2210.06044.pdf)
- [**arXiv 2023**] [**MOTOR**] Towards Medical Artificial General Intelligence ... [[pdf]](https://arxiv.org/pdf/2304.14204.pdf)
```

## Fix safety
Canonical spellings and a missing space before the year are safe fixes. A
did-you-mean for an unknown venue is a guess: an unsafe fix.
";

const SHAPE: &str = "a venue tag holds one venue and one year, like `[**ICCV 2023**]`";

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    // A list names few venues many times: each is looked up once (a
    // did-you-mean compares with every known venue).
    let mut seen: HashMap<&str, VenueCheck> = HashMap::default();
    // How many of each shape's venues carry a year: a list that writes
    // years in its tags wants them in every tag.
    let mut with_year: HashMap<usize, (usize, usize)> = HashMap::default();
    // Venues a list writes without a year on purpose (`[arXiv]` in a year section).
    let mut yearless: HashMap<(usize, String), usize> = HashMap::default();
    for entry in &ctx.doc.entries {
        if let Some(venue) = &entry.venue {
            let slot = with_year.entry(entry.shape).or_default();
            slot.0 += usize::from(!venue.years.is_empty());
            slot.1 += 1;
            if venue.years.is_empty() {
                *yearless
                    .entry((entry.shape, ctx.text(&venue.name).to_lowercase()))
                    .or_default() += 1;
            }
        }
    }
    for entry in &ctx.doc.entries {
        let Some(venue) = &entry.venue else {
            continue;
        };
        let (years, venues) = with_year.get(&entry.shape).copied().unwrap_or_default();
        let habit = yearless
            .get(&(entry.shape, ctx.text(&venue.name).to_lowercase()))
            .is_some_and(|&n| n >= 3);
        let years_expected = years * 10 >= venues * 8 && !habit;
        check_shape(ctx, entry, venue, years_expected, out);
        check_venue(ctx, venue, &mut seen, out);
    }
}

/// Forms in which the venue part is a tag of its own, whose whole text is
/// the venue and its year.
fn is_tag(form: Form) -> bool {
    matches!(
        form,
        Form::BracketBold
            | Form::Bracket
            | Form::BracketBoldOpen
            | Form::Paren
            | Form::ParenEmph
            | Form::ParenBold
            | Form::Code
            | Form::Emph
            | Form::Bold
            | Form::BoldEmph
    )
}

fn check_shape(
    ctx: &Context,
    entry: &Entry,
    venue: &Venue,
    years_expected: bool,
    out: &mut Vec<Finding>,
) {
    let text = ctx.source.text();
    let inner = &venue.inner;
    let written = &text[inner.clone()];
    let clean = written.trim_matches(|c: char| c == '*' || c.is_whitespace());
    let tag = is_tag(venue.form);
    if clean.is_empty() {
        out.push(
            Finding::new(Rule::VenueFormat, venue.span.clone(), "empty venue tag")
                .label("no venue or year")
                .help(SHAPE),
        );
        return;
    }
    // A bold tag in brackets is written `[**Venue Year**]`: stray stars
    // (`[***CVPR 2023***]`) or spaces inside the stars (`[** CVPR 2023 **]`,
    // which markdown does not even read as bold) are reported there.
    let raw = &text[venue.span.clone()];
    let well_written = raw.len() == clean.len() + 6
        && raw.starts_with("[**")
        && raw.ends_with("**]")
        && &raw[3..raw.len() - 3] == clean;
    if matches!(venue.form, Form::BracketBold | Form::Bracket)
        && raw.starts_with("[*")
        && !well_written
    {
        let fixed = format!("[**{clean}**]");
        let (message, label) = if raw.starts_with("[***") || raw.ends_with("***]") {
            ("extra `*` in the venue tag", "stars inside the tag")
        } else {
            ("spaces inside the venue tag", "spaces inside the stars")
        };
        out.push(
            Finding::new(Rule::VenueFormat, venue.span.clone(), message)
                .label(label)
                .help(format!("write `{fixed}`"))
                .fix(Fix::safe(Edit::replace(venue.span.clone(), fixed))),
        );
    }
    if venue.name.is_empty() {
        if tag && !venue.years.is_empty() && entry.dates.is_empty() {
            out.push(
                Finding::new(
                    Rule::VenueFormat,
                    inner.clone(),
                    "the venue tag names no venue",
                )
                .label("no venue")
                .help(SHAPE),
            );
        }
        return;
    }
    let name = &text[venue.name.clone()];
    let Some(year) = venue.years.first() else {
        if !tag {
            return;
        }
        let after_venue = venue.name.end..inner.end;
        let trailing =
            text[after_venue.clone()].trim_matches(|c: char| c == '*' || c.is_whitespace());
        let (span, message) = if !trailing.is_empty()
            && trailing.bytes().all(|b| b.is_ascii_digit())
        {
            let start = after_venue.start + text[after_venue.clone()].find(trailing).unwrap_or(0);
            (
                start..start + trailing.len(),
                format!("year `{trailing}` is not four digits"),
            )
        } else {
            (inner.clone(), "the venue tag has no year".to_owned())
        };
        // A broken year is always reported; a missing one only in a list
        // whose tags carry years, and not when the entry dates itself elsewhere.
        if trailing.is_empty() && (!years_expected || !entry.dates.is_empty()) {
            return;
        }
        out.push(
            Finding::new(Rule::VenueFormat, span, message)
                .label("no year")
                .help(SHAPE),
        );
        return;
    };
    let style = ctx.doc.shape_of(entry).venue_style.as_ref();
    let usual = style.map_or(" ", |s| s.separator.as_str());
    {
        let gap = venue.name.end..year.date.start;
        let between = &text[gap.clone()];
        let year_text = &text[year.date.clone()];
        let write = || format!("write `{name}{usual}{year_text}`");
        let finding = match between {
            _ if between == usual => None,
            // `'25` carries its own apostrophe; `CVPR '25` and `CVPR'25` are both written.
            "" | " " if year.form == crate::document::YearForm::Short => None,
            " " => None,
            "" => Some(
                Finding::new(
                    Rule::VenueFormat,
                    gap.start..year.span.end,
                    "no space between the venue and the year",
                )
                .label("add a space before the year"),
            ),
            _ if between.bytes().all(|b| matches!(b, b' ' | b'\t')) => Some(
                Finding::new(
                    Rule::VenueFormat,
                    gap.clone(),
                    "venue and year are separated by more than one space",
                )
                .label("use one space"),
            ),
            _ => Some(
                Finding::new(
                    Rule::VenueFormat,
                    gap.clone(),
                    format!("venue and year are separated by `{}`", between.trim()),
                )
                .label("use one space"),
            ),
        };
        if let Some(finding) = finding {
            let replacement = if usual.trim().is_empty() { " " } else { usual };
            out.push(
                finding
                    .help(write())
                    .fix(Fix::safe(Edit::replace(gap, replacement))),
            );
        }
    }
    if tag {
        check_after_year(ctx, venue, year, out);
    }
}

/// Presentation qualifiers a list may put after the year: `[**ICCV 2023 Oral**]`.
const QUALIFIERS: &[&str] = &[
    "oral",
    "spotlight",
    "highlight",
    "poster",
    "best",
    "paper",
    "outstanding",
    "award",
    "honorable",
    "mention",
    "demo",
    "long",
    "short",
    "main",
    "track",
    "presentation",
    "selected",
];

/// Text after the year: a presentation qualifier passes; `Workshop` or
/// `Findings` belongs before the year (it names another venue); anything
/// else breaks the tag.
fn check_after_year(ctx: &Context, entry: &Venue, year: &Year, out: &mut Vec<Finding>) {
    let text = ctx.source.text();
    let inner = &entry.inner;
    let end = inner.start
        + text[inner.clone()]
            .trim_end_matches(|c: char| c == '*' || c.is_whitespace())
            .len();
    let year_end = entry.years.last().map_or(year.date.end, |y| y.date.end);
    if year.date.end >= end
        || (entry.years.len() > 1 && year_end >= end && !text[year.date.end..end].contains('('))
    {
        return;
    }
    let rest = year.date.end..end;
    let extra = &text[rest.clone()];
    let words: Vec<&str> = extra
        .split(|c: char| !c.is_alphanumeric() && c != '&')
        .filter(|w| !w.is_empty())
        .collect();
    let venue = &text[entry.name.clone()];
    if !words.is_empty()
        && words
            .iter()
            .all(|w| QUALIFIERS.iter().any(|q| q.eq_ignore_ascii_case(w)))
    {
        return;
    }
    if let [kind] = words.as_slice()
        && (kind.eq_ignore_ascii_case("workshop") || kind.eq_ignore_ascii_case("findings"))
    {
        let fixed = if kind.eq_ignore_ascii_case("findings") {
            format!("Findings of {venue} {}", year.value)
        } else {
            format!("{venue} Workshop {}", year.value)
        };
        out.push(
            Finding::new(
                Rule::VenueFormat,
                rest,
                format!("`{kind}` belongs before the year"),
            )
            .label("part of the venue")
            .help(format!("write `[**{fixed}**]`"))
            .fix(Fix::safe(Edit::replace(entry.name.start..end, fixed))),
        );
        return;
    }
    let mut finding = Finding::new(
        Rule::VenueFormat,
        rest.clone(),
        format!("unexpected `{}` after the year", extra.trim()),
    )
    .label("not part of `Venue Year`")
    .help(format!(
        "{SHAPE}; write `[**{venue} {}**]` and mention other versions in the title or a note",
        year.value
    ));
    // `2022(arxiv 2020)`: the one thing that is safe to repair is the space.
    if extra.starts_with('(') {
        finding = finding.fix(Fix::safe(Edit::insert(rest.start, " ")));
    }
    out.push(finding);
}

fn check_venue<'a>(
    ctx: &Context<'a>,
    entry: &Venue,
    seen: &mut HashMap<&'a str, VenueCheck>,
    out: &mut Vec<Finding>,
) {
    if entry.name.is_empty() {
        return;
    }
    let name = ctx.text(&entry.name);
    let verdict = seen
        .entry(name)
        .or_insert_with(|| ctx.settings.venues.check(name))
        .clone();
    match verdict {
        VenueCheck::Known => {}
        VenueCheck::Alias { canonical } => out.push(
            Finding::new(
                Rule::VenueFormat,
                entry.name.clone(),
                format!("`{name}` is spelled `{canonical}`"),
            )
            .severity(Severity::Warning)
            .label("non-canonical spelling")
            .help(format!("did you mean `{canonical}`?"))
            .fix(Fix::safe(Edit::replace(entry.name.clone(), canonical))),
        ),
        VenueCheck::Unknown { suggestion } => {
            let add =
                "add it to `known` in the [venues] section of .awesome-lint.toml if it is right";
            let mut finding = Finding::new(
                Rule::VenueFormat,
                entry.name.clone(),
                format!("unknown venue `{name}`"),
            )
            .severity(Severity::Warning)
            .label("not a known venue");
            finding = match suggestion {
                Some(suggestion) => finding
                    .help(format!("did you mean `{suggestion}`? ({add})"))
                    .fix(Fix::unsafe_edit(Edit::replace(
                        entry.name.clone(),
                        suggestion,
                    ))),
                None => finding.help(add),
            };
            out.push(finding);
        }
    }
}

//! `venue-format`: a malformed venue tag, an unknown venue, or a
//! non-canonical spelling of a known one.

use std::collections::HashMap;

use super::{Context, Fixable, Rule, RuleInfo};
use crate::document::{Entry, Year};
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
    let mut seen: HashMap<&str, VenueCheck> = HashMap::new();
    for entry in &ctx.doc.entries {
        check_shape(ctx, entry, out);
        check_venue(ctx, entry, &mut seen, out);
    }
}

fn check_shape(ctx: &Context, entry: &Entry, out: &mut Vec<Finding>) {
    let text = ctx.source.text();
    let tag = &entry.venue_tag;
    let inner = &tag.inner;
    let written = &text[inner.clone()];
    let clean = written.trim_matches(|c: char| c == '*' || c.is_whitespace());
    if clean.is_empty() {
        out.push(
            Finding::new(Rule::VenueFormat, tag.span.clone(), "empty venue tag")
                .label("no venue or year")
                .help(SHAPE),
        );
        return;
    }
    if clean.len() != written.len() {
        let (message, label) = if written.trim().len() == written.len() || written.contains('*') {
            ("extra `*` in the venue tag", "stars inside the tag")
        } else {
            ("spaces inside the venue tag", "spaces inside the stars")
        };
        let fixed = format!("[**{clean}**]");
        out.push(
            Finding::new(Rule::VenueFormat, tag.span.clone(), message)
                .label(label)
                .help(format!("write `{fixed}`"))
                .fix(Fix::safe(Edit::replace(tag.span.clone(), fixed))),
        );
    }
    if entry.venue.is_empty() {
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
    let venue = &text[entry.venue.clone()];
    let Some(year) = entry.years.first() else {
        let after_venue = entry.venue.end..inner.end;
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
        out.push(
            Finding::new(Rule::VenueFormat, span, message)
                .label("no year")
                .help(SHAPE),
        );
        return;
    };
    if !entry.venue.is_empty() {
        let gap = entry.venue.end..year.span.start;
        let between = &text[gap.clone()];
        let write = format!("write `{venue} {}`", year.value);
        let finding = match between {
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
            out.push(finding.help(write).fix(Fix::safe(Edit::replace(gap, " "))));
        }
    }
    check_after_year(ctx, entry, year, out);
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
fn check_after_year(ctx: &Context, entry: &Entry, year: &Year, out: &mut Vec<Finding>) {
    let text = ctx.source.text();
    let inner = &entry.venue_tag.inner;
    let end = inner.start
        + text[inner.clone()]
            .trim_end_matches(|c: char| c == '*' || c.is_whitespace())
            .len();
    if year.span.end >= end {
        return;
    }
    let rest = year.span.end..end;
    let extra = &text[rest.clone()];
    let words: Vec<&str> = extra
        .split(|c: char| !c.is_alphanumeric() && c != '&')
        .filter(|w| !w.is_empty())
        .collect();
    let venue = &text[entry.venue.clone()];
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
            .fix(Fix::safe(Edit::replace(entry.venue.start..end, fixed))),
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
    entry: &Entry,
    seen: &mut HashMap<&'a str, VenueCheck>,
    out: &mut Vec<Finding>,
) {
    if entry.venue.is_empty() {
        return;
    }
    let name = ctx.text(&entry.venue);
    let verdict = seen
        .entry(name)
        .or_insert_with(|| ctx.settings.venues.check(name))
        .clone();
    match verdict {
        VenueCheck::Known => {}
        VenueCheck::Alias { canonical } => out.push(
            Finding::new(
                Rule::VenueFormat,
                entry.venue.clone(),
                format!("`{name}` is spelled `{canonical}`"),
            )
            .severity(Severity::Warning)
            .label("non-canonical spelling")
            .help(format!("did you mean `{canonical}`?"))
            .fix(Fix::safe(Edit::replace(entry.venue.clone(), canonical))),
        ),
        VenueCheck::Unknown { suggestion } => {
            let add =
                "add it to `known` in the [venues] section of .awesome-lint.toml if it is right";
            let mut finding = Finding::new(
                Rule::VenueFormat,
                entry.venue.clone(),
                format!("unknown venue `{name}`"),
            )
            .severity(Severity::Warning)
            .label("not a known venue");
            finding = match suggestion {
                Some(suggestion) => finding
                    .help(format!("did you mean `{suggestion}`? ({add})"))
                    .fix(Fix::unsafe_edit(Edit::replace(
                        entry.venue.clone(),
                        suggestion,
                    ))),
                None => finding.help(add),
            };
            out.push(finding);
        }
    }
}

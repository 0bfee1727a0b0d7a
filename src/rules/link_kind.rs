//! `link-kind`: a link whose label says one thing and whose URL another
//! (`[[pdf]]` to GitHub, `[[code]]` to arXiv), and labels the list does not use.

use super::Context;
use crate::diagnostic::Finding;
use crate::document::{Entry, Form, Link};
use crate::label::LabelKind;
use crate::rule::Rule;
use crate::rule::Severity;
use crate::url::{self, HostKind};
use rustc_hash::FxHashMap;

/// What a link should point at, by its label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expect {
    Paper,
    Code,
    Anything,
}

fn expect(kind: LabelKind) -> Expect {
    match kind {
        LabelKind::Pdf | LabelKind::Paper => Expect::Paper,
        LabelKind::Code => Expect::Code,
        _ => Expect::Anything,
    }
}

/// A link whose URL is on the wrong kind of host.
struct Wrong<'a> {
    link: &'a Link,
    host: &'a str,
    expected: Expect,
}

/// Distinct labels in no category from which a list names its links by
/// what they link (`[DDNet](…)`, `[Bioinformatics, 2023](…)`) rather than
/// by a vocabulary of its own: a label there is no slip of another.
const NAMED_LINKS: usize = 5;

pub(super) fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let own = own_labels(ctx);
    // A list that names its links still slips on the labels it does use
    // (`[Cpde]` where it writes `[Code]`): only those are checked there.
    let used = (own.len() >= NAMED_LINKS).then(|| used_labels(ctx));
    for entry in &ctx.doc.entries {
        check_labels(ctx, entry, &own, used.as_ref(), out);
        // Nearly every entry is right: look closer only at a link whose host
        // contradicts its label (read once, with the entry).
        if !entry.labelled_links().any(is_wrong) {
            continue;
        }
        let wrong: Vec<Wrong> = entry
            .labelled_links()
            .filter_map(|link| wrong_host(ctx, link))
            .collect();
        let paper = wrong.iter().find(|w| w.expected == Expect::Paper);
        let code = wrong.iter().find(|w| w.expected == Expect::Code);
        if let (Some(paper), Some(code)) = (paper, code) {
            out.push(
                Finding::new(
                    Rule::LinkKind,
                    paper.link.span.clone(),
                    format!(
                        "the `{}` and `{}` links are swapped",
                        ctx.text(&paper.link.label),
                        ctx.text(&code.link.label)
                    ),
                )
                .label(format!("points at code ({})", paper.host))
                .related(
                    code.link.span.clone(),
                    format!("points at a paper ({})", code.host),
                )
                .help("swap the two URLs"),
            );
            continue;
        }
        for w in wrong {
            let label = written_label(ctx, w.link);
            let (message, help) = match w.expected {
                Expect::Paper => (
                    format!("`{label}` points at a code host ({})", w.host),
                    "link the paper itself (arXiv, the proceedings or the publisher) here, and the repository as `[[code]]`",
                ),
                _ => (
                    format!("`{label}` points at a paper ({})", w.host),
                    "link the source code repository here, and the paper as `[[pdf]]`",
                ),
            };
            out.push(
                Finding::new(Rule::LinkKind, w.link.span.clone(), message)
                    .label("wrong kind of link")
                    .help(help),
            );
        }
    }
}

/// A link's label in the brackets it is written in (`[[code]]`, `[Code]`),
/// or bare for an HTML link (`<a href="…">code</a>`).
fn written_label(ctx: &Context, link: &Link) -> String {
    let label = ctx.text(&link.label);
    let before = ctx.text(&(link.span.start..link.label.start.max(link.span.start)));
    let brackets = before.bytes().filter(|&b| b == b'[').count();
    format!("{}{label}{}", "[".repeat(brackets), "]".repeat(brackets))
}

/// The kind the label's words name, whatever the reader made of the link
/// (an unknown label on arXiv is read as the paper's link; `[Linke]` is
/// still no label the vocabulary knows).
fn written_kind(ctx: &Context, link: &Link) -> LabelKind {
    ctx.settings.labels.kind(ctx.text(&link.label))
}

/// Links whose label is judged: a badge's text describes its image, and a
/// bare address has no label.
fn judged(link: &Link) -> bool {
    !link.is_title && !matches!(link.form, Form::Bare | Form::Badge)
}

/// Labels in no category, by how often the list uses them: a label used
/// twice or more is the list's own vocabulary, not a typo.
fn own_labels(ctx: &Context) -> FxHashMap<String, usize> {
    let mut counts = FxHashMap::default();
    for entry in &ctx.doc.entries {
        for link in entry
            .links
            .iter()
            .filter(|l| judged(l) && written_kind(ctx, l) == LabelKind::Unknown)
        {
            *counts
                .entry(crate::label::normalize(ctx.text(&link.label)))
                .or_insert(0) += 1;
        }
    }
    counts
}

/// The labels in a category the list writes, normalized, by how often.
fn used_labels(ctx: &Context) -> FxHashMap<String, usize> {
    let mut counts = FxHashMap::default();
    for entry in &ctx.doc.entries {
        for link in entry
            .links
            .iter()
            .filter(|l| judged(l) && written_kind(ctx, l) != LabelKind::Unknown)
        {
            *counts
                .entry(crate::label::normalize(ctx.text(&link.label)))
                .or_insert(0) += 1;
        }
    }
    counts
}

/// `used`: set where the list names its links; a label is then reported
/// only as a slip of a label the list itself writes three times or more.
fn check_labels(
    ctx: &Context,
    entry: &Entry,
    own: &FxHashMap<String, usize>,
    used: Option<&FxHashMap<String, usize>>,
    out: &mut Vec<Finding>,
) {
    for link in entry.links.iter().filter(|l| judged(l)) {
        if written_kind(ctx, link) != LabelKind::Unknown {
            continue;
        }
        let label = ctx.text(&link.label);
        let normalized = crate::label::normalize(label);
        // `[[TMLR](openreview…)]`: a venue's name, no slip of a label.
        if own.get(&normalized).is_some_and(|&n| n >= 2)
            || normalized.is_empty()
            || ctx.settings.venues.recognizes(label.trim())
        {
            continue;
        }
        let lower = normalized;
        let suggestion: Option<&str> = ctx
            .settings
            .labels
            .names()
            .map(|known| (strsim::damerau_levenshtein(&lower, known), known))
            // Short labels get a suggestion for one typo only (`Repo` is not
            // `demo`, `SMOTE` is not `site`).
            .filter(|(distance, _)| *distance <= if lower.len() <= 6 { 1 } else { 2 })
            .filter(|(_, known)| used.is_none_or(|used| used.get(*known).is_some_and(|&n| n >= 3)))
            .min()
            .map(|(_, known)| known);
        // Only a slip of a label is reported: an unknown label that is no
        // typing slip of one names what it links (`[Open-CD](…)`, `[GLUE](…)`,
        // an author's page), and was never, on real lists, a defect to fix.
        let Some(known) = suggestion else {
            continue;
        };
        let help = format!(
            "did you mean `{known}`? (or add `{label}` to `labels` in [entry] of the config)"
        );
        out.push(
            Finding::new(
                Rule::LinkKind,
                link.label.clone(),
                format!("unknown link label `{label}`"),
            )
            .severity(Severity::Warning)
            .label("unknown label")
            .help(help),
        );
    }
}

/// Whether a link's host contradicts its label: a paper label on a code
/// host (unless it is a PDF committed to a repository), a code label on a
/// paper host.
fn is_wrong(link: &Link) -> bool {
    match expect(link.kind) {
        Expect::Paper => link.host == HostKind::Code && !link.to_pdf,
        Expect::Code => link.host == HostKind::Paper,
        Expect::Anything => false,
    }
}

fn wrong_host<'a>(ctx: &Context<'a>, link: &'a Link) -> Option<Wrong<'a>> {
    if !is_wrong(link) {
        return None;
    }
    let written = ctx.text(link.url.as_ref()?);
    let parts = url::parse(written)?;
    // `[PDF](https://github.com/Hank0626/PDF)`: a label that is the
    // repository's name names the project (a method called PDF), not a
    // kind of link.
    let label = ctx.text(&link.label);
    let label = label.trim_matches(|c: char| !c.is_alphanumeric());
    if parts
        .path
        .split('/')
        .filter(|s| !s.is_empty())
        .nth(1)
        .is_some_and(|repo| repo.eq_ignore_ascii_case(label))
    {
        return None;
    }
    // A paper's supplementary material (`openreview.net/attachment?…
    // name=supplementary_material`, `doi.org/…#supplemental-information`)
    // is where many papers keep their code: on a paper host, not the paper.
    if written.to_ascii_lowercase().contains("supplement") {
        return None;
    }
    Some(Wrong {
        link,
        host: parts.host,
        expected: expect(link.kind),
    })
}

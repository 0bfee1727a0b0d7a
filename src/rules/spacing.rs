//! `spacing`: the spaces a reader sees: a missing space between an entry's
//! parts, and a hard line break inside an entry that does not break its
//! lines by habit. What a reader never sees is `whitespace`'s.

use super::Context;
use crate::conventions::{MIN_SUPPORT, is_strong};
use crate::diagnostic::Finding;
use crate::diagnostic::{Edit, Fix};
use crate::document::Role;
use crate::document::{Block, Entry, Join, PartRef, Span, join, space_is_inert};
use crate::rule::Rule;
use crate::rule::Severity;

pub(super) fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let mut parts = Vec::new();
    for entry in &ctx.doc.entries {
        entry.parts_into(&mut parts);
        check_entry(ctx, entry, &parts, out);
        check_hard_breaks(ctx, entry, out);
        check_et_al(ctx, entry, out);
    }
}

/// `Dhruv Shahet al.`: `et al.` glued to the last name. Told, not fixed:
/// the name may be `Shah` with its space lost, or `Bouchet` with its `et`
/// lost (`Gu oet al.` is a space put a letter early).
fn check_et_al(ctx: &Context, entry: &Entry, out: &mut Vec<Finding>) {
    let Some(authors) = &entry.authors else {
        return;
    };
    let names = ctx.text(&authors.inner);
    for (at, _) in names.match_indices("et al") {
        let glued = names[..at]
            .chars()
            .next_back()
            .is_some_and(char::is_alphabetic);
        if !glued {
            continue;
        }
        let mut word_start = names[..at]
            .rfind(|c: char| !c.is_alphabetic())
            .map_or(0, |i| i + 1);
        // `Gu oet al.`: a letter alone is the name's, its space put early.
        let misplaced = at - word_start <= 2 && names[..word_start].ends_with(' ');
        if misplaced {
            word_start = names[..word_start - 1]
                .rfind(|c: char| !c.is_alphabetic())
                .map_or(0, |i| i + 1);
        }
        let what = if misplaced {
            "a space out of place"
        } else {
            "missing space"
        };
        let start = authors.inner.start + word_start;
        let end = authors.inner.start + at + "et al".len();
        out.push(
            Finding::new(
                Rule::Spacing,
                start..end,
                format!(
                    "{what} before `et al.` in `{}`",
                    &names[word_start..at + "et al".len()]
                ),
            )
            .label("glued to the name")
            .help("write the last name, a space, then `et al.`"),
        );
        break;
    }
}

fn check_entry(ctx: &Context, entry: &Entry, parts: &[PartRef], out: &mut Vec<Finding>) {
    let text = ctx.source.text();
    for pair in parts.windows(2) {
        let (before, after) = (pair[0].span, pair[1].span);
        if after.start < before.end {
            continue;
        }
        // Two notes side by side are one remark's words (`(Spatio-)Temporal`
        // in a Tags cell), written as its writer meant, never parts apart.
        if pair[0].role == Role::Note && pair[1].role == Role::Note {
            continue;
        }
        let between = &text[before.end..after.start];
        // A separator the next part is glued to: `*arXiv*.[[Paper]]`,
        // `CVPR 2021 |[github]` render glued too.
        let separated = !between.trim().is_empty();
        if separated {
            if join(between) != Some(Join::Glued) || pair[0].place != pair[1].place {
                continue;
            }
        } else if !between.is_empty() {
            continue;
        }
        // Punctuation, closing brackets and HTML need no space before
        // them: `[[pdf]](…), [[code]](…)`, `[**cls.**]`, `…)<br>`.
        let next_is_glue = text[after.clone()].bytes().next().is_some_and(|b| {
            matches!(
                b,
                b',' | b';' | b'.' | b':' | b'|' | b')' | b']' | b'}' | b'<' | b'&'
            )
        });
        // `it[s Claude.ai](…)`: a link's bracket inside a word, its label
        // going on with the word, is a bracket put a letter early, not a
        // missing space (a space would split the word on the page).
        let mid_word = !separated
            && text[before.clone()]
                .chars()
                .next_back()
                .is_some_and(char::is_alphabetic)
            && text[after.clone()]
                .strip_prefix('[')
                .and_then(|rest| rest.chars().next())
                .is_some_and(char::is_lowercase);
        if mid_word {
            continue;
        }
        // (`Seurat`'s: a possessive follows its word.)
        let possessive = ["'s ", "’s "]
            .iter()
            .any(|p| text[after.clone()].starts_with(p));
        if next_is_glue || possessive {
            continue;
        }
        // A badge glued to a link (`[Code](…)![Stars](…)`) renders as the
        // badge beside the link, as badges are put.
        if text[after.clone()].starts_with("![") || text[before.clone()].starts_with("![") {
            continue;
        }
        // A parenthesis glued on reads as a remark on the word before it
        // (`Data(base)`, `NIPS2022(ML Safety Workshop)`, `[link](…)(broken)`):
        // only a venue or date glued to the title or authors
        // (`Conversation(**AAAI, 2021**)`) is a part run into another.
        if text[after.clone()].starts_with('(')
            && !(matches!(pair[1].role, Role::Venue | Role::Date)
                && matches!(
                    pair[0].role,
                    Role::Title | Role::Authors | Role::Name | Role::Date
                ))
        {
            continue;
        }
        // `:fire:` is one emoji shortcode, not a colon before `fire:`.
        if separated && between.ends_with(':') && is_shortcode_tail(&text[after.clone()]) {
            continue;
        }
        // After HTML that renders nothing (`<a name="x"></a>Title`) no
        // space is missing on the page.
        let prev = text[before.clone()].trim();
        if prev.starts_with('<') && prev.ends_with('>') && !prev.contains("<img") {
            continue;
        }
        // A table's cells are apart however the pipes are padded.
        if separated && between.contains('|') && matches!(entry.block, Block::Row { .. }) {
            continue;
        }
        if needs_no_space(prev, &text[after.clone()]) {
            continue;
        }
        // `[[Paper]]https://…)`: the URL's `(` is what is missing, which
        // `malformed-link` says.
        if !separated && super::malformed_link::unopened_paren_at(text, after.start) {
            continue;
        }
        // A list that writes `[[paper](…)][[code](…)]` on purpose, or mixes
        // both ways, has no missing space there: the shape counts how its
        // entries join the two parts, and only a departure from a strong
        // convention of spacing them is reported.
        let (a, b) = (pair[0].role as usize, pair[1].role as usize);
        let (glued, spaced) = ctx.doc.shape_of(entry).glue[a][b];
        let (mut glued, mut spaced) = (glued as usize, spaced as usize);
        // Too few of the shape's entries join the two parts to say: the
        // whole list's say (its tables and sections that share the pair).
        if glued + spaced < MIN_SUPPORT {
            (glued, spaced) = ctx.doc.shapes.iter().fold((0, 0), |(g, s), shape| {
                let (sg, ss) = shape.glue[a][b];
                (g + sg as usize, s + ss as usize)
            });
        }
        // Under a convention's support, a lone glued pair is a slip; several
        // glued ones are a way of writing the pair, unless twice as many are
        // spaced (7 cells split 4 spaced, 3 glued have no habit to break).
        let spacing_is_law = if glued + spaced >= MIN_SUPPORT {
            is_strong(spaced, glued + spaced)
        } else {
            glued <= 1 || glued * 2 <= spaced
        };
        if !spacing_is_law {
            continue;
        }
        let next = first_char(text, after);
        let message = if separated {
            format!(
                "missing space after `{}`, before `{}`",
                between.trim(),
                preview(text, after)
            )
        } else {
            format!("missing space before `{}`", preview(text, after))
        };
        let mut finding =
            Finding::new(Rule::Spacing, next, message).label("add a space before this");
        if space_is_inert(text, after.start) {
            finding = finding.fix(Fix::safe(Edit::insert(after.start, " ")));
        }
        out.push(finding);
    }
}

/// Text that reads right glued: after an opening bracket or quote
/// (`(**Note:** …)`), next to CJK text or full-width punctuation (Chinese
/// and Japanese put no spaces between words, `详见：[link]`), and between
/// two images (badges side by side, `![stars](…)![commits](…)`).
fn needs_no_space(before: &str, after: &str) -> bool {
    let last = before.chars().next_back();
    let first = after.chars().next();
    let is_cjk = |c: char| matches!(c as u32, 0x2E80..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF);
    let is_image = |t: &str| t.starts_with("![") || t.starts_with("[![") || t.starts_with("<img");
    let ends_image = before.ends_with(')')
        && (before.starts_with("![") || before.starts_with("[!["))
        || before.starts_with("<img") && before.ends_with('>');
    // A straight quote opens when a space or nothing is before it.
    let opening_quote = (before.ends_with('"') || before.ends_with('\''))
        && before[..before.len() - 1]
            .chars()
            .next_back()
            .is_none_or(char::is_whitespace);
    last.is_some_and(|c| matches!(c, '(' | '[' | '{' | '“' | '‘') || is_cjk(c))
        || opening_quote
        || first.is_some_and(is_cjk)
        || ends_image && is_image(after)
}

/// The rest of an emoji shortcode after its opening colon: `fire:` of
/// `:fire:`, `+1:` of `:+1:`.
fn is_shortcode_tail(after: &str) -> bool {
    after.split_once(':').is_some_and(|(name, _)| {
        !name.is_empty()
            && name.bytes().all(|b| {
                b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'_' | b'+' | b'-')
            })
    })
}

/// Two spaces or more before the entry's next line are a markdown hard
/// break: a list's way of laying out an entry (title, then authors), not a
/// slip, unless the list's other entries strongly agree on not breaking.
fn check_hard_breaks(ctx: &Context, entry: &Entry, out: &mut Vec<Finding>) {
    if !ctx.conventions.hard_break_is_deviation() {
        return;
    }
    let source = ctx.source;
    let first = source.line_index(entry.span.start);
    let last = source.line_index(entry.span.end);
    for index in first..last {
        if let Some(span) = hard_break(ctx, index) {
            out.push(
                Finding::new(Rule::Spacing, span, "hard line break inside the entry")
                    .severity(Severity::Warning)
                    .label("two trailing spaces break the line here")
                    .help("the list's other entries do not break their lines: remove the spaces, or break every entry alike"),
            );
        }
    }
}

/// The trailing spaces of a line that make a hard break before the next:
/// two or more, no tab, after content, and content on the next line (before
/// a blank line the paragraph ends, and nothing breaks).
pub(super) fn hard_break(ctx: &Context, index: usize) -> Option<Span> {
    let text = ctx.source.text();
    let line = ctx.source.line_range(index);
    let content_end = line.start + text[line.clone()].trim_end_matches([' ', '\t']).len();
    let trailing = &text[content_end..line.end];
    // A next line that opens a block of its own (a nested item, a heading,
    // a table row) ends the paragraph too: the spaces break nothing.
    let next_has_content = index + 1 < ctx.source.line_count() && {
        let next = text[ctx.source.line_range(index + 1)].trim();
        !next.is_empty() && !opens_a_block(next)
    };
    (content_end > line.start
        && trailing.len() >= 2
        && !trailing.contains('\t')
        && next_has_content)
        .then_some(content_end..line.end)
}

/// Whether a line (without its indentation) starts a block of its own
/// rather than going on with the paragraph above: a list item, a heading,
/// a table row, a quote.
fn opens_a_block(line: &str) -> bool {
    let bullet = line
        .strip_prefix(['-', '*', '+'])
        .is_some_and(|rest| rest.starts_with(' '));
    let digits = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let numbered = (1..=9).contains(&digits)
        && line[digits..]
            .strip_prefix(['.', ')'])
            .is_some_and(|rest| rest.starts_with(' '));
    bullet || numbered || line.starts_with(['#', '|', '>'])
}

fn first_char(text: &str, span: &Span) -> Span {
    let len = text[span.clone()].chars().next().map_or(0, char::len_utf8);
    span.start..span.start + len
}

/// The start of a part, short enough for a message.
fn preview(text: &str, span: &Span) -> String {
    let part = &text[span.clone()];
    match part.char_indices().nth(12) {
        Some((cut, _)) => format!("{}…", &part[..cut]),
        None => part.to_owned(),
    }
}

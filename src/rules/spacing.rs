//! `spacing`: missing or doubled spaces between an entry's parts, trailing
//! whitespace on entry lines, and whitespace-only lines.

use super::Context;
use crate::diagnostic::Finding;
use crate::diagnostic::{Edit, Fix};
use crate::document::{Entry, Join, PartRef, Span, join, space_is_inert};
use crate::rule::Rule;
use crate::rule::Severity;

pub(super) fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let mut parts = Vec::new();
    for entry in &ctx.doc.entries {
        entry.parts_into(&mut parts);
        check_entry(ctx, entry, &parts, out);
    }
    check_blank_lines(ctx, out);
}

fn check_entry(ctx: &Context, entry: &Entry, parts: &[PartRef], out: &mut Vec<Finding>) {
    let text = ctx.source.text();
    for pair in parts.windows(2) {
        let (before, after) = (pair[0].span, pair[1].span);
        if after.start < before.end {
            continue;
        }
        let gap = before.end..after.start;
        let between = &text[gap.clone()];
        // A separator the next part is glued to: `*arXiv*.[[Paper]]`,
        // `CVPR 2021 |[github]` render glued too.
        let separated = !between.trim().is_empty();
        if separated {
            if join(between) != Some(Join::Glued) || pair[0].place != pair[1].place {
                continue;
            }
        } else if between == " " || !between.bytes().all(|b| b == b' ' || b == b'\t') {
            continue;
        }
        // Punctuation and HTML need no space before them: `[[pdf]](…), [[code]](…)`, `…)<br>`.
        let next_is_glue = text[after.clone()]
            .bytes()
            .next()
            .is_some_and(|b| matches!(b, b',' | b';' | b'.' | b':' | b'|' | b')' | b'<' | b'&'));
        if (between.is_empty() || separated) && next_is_glue {
            continue;
        }
        if between.is_empty() || separated {
            // A list that writes `[[paper](…)][[code](…)]` on purpose has no
            // missing space there: the shape counts how its entries join parts.
            let (glued, spaced) =
                ctx.doc.shape_of(entry).glue[pair[0].role as usize][pair[1].role as usize];
            if glued > spaced + 1 {
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
        } else {
            // Markdown renders a run of spaces, or a tab, as one space: the
            // reader sees nothing, so a warning.
            out.push(
                Finding::new(
                    Rule::Spacing,
                    gap.clone(),
                    if between.contains('\t') {
                        "parts of an entry are separated by a tab"
                    } else {
                        "parts of an entry are separated by more than one space"
                    },
                )
                .severity(Severity::Warning)
                .label("use one space")
                .fix(Fix::safe(Edit::replace(gap, " "))),
            );
        }
    }
    if let Some(title) = &entry.title {
        check_runs_inside(ctx, &title.inner, out);
    }
    check_trailing(ctx, entry, out);
}

/// Doubled spaces and tabs inside the title.
fn check_runs_inside(ctx: &Context, title: &Span, out: &mut Vec<Finding>) {
    let bytes = ctx.source.text().as_bytes();
    let mut i = title.start;
    while i < title.end {
        if matches!(bytes[i], b' ' | b'\t') {
            let start = i;
            while i < title.end && matches!(bytes[i], b' ' | b'\t') {
                i += 1;
            }
            // Indentation of a continuation line, or a hard break before one, is not spacing.
            let at_line_edge = (start > 0 && matches!(bytes[start - 1], b'\n' | b'\r'))
                || matches!(bytes.get(i), Some(b'\n' | b'\r'));
            if (i - start > 1 || bytes[start] == b'\t') && !at_line_edge {
                out.push(
                    Finding::new(Rule::Spacing, start..i, "doubled space in the title")
                        .label("use one space")
                        .fix(Fix::safe(Edit::replace(start..i, " "))),
                );
            }
        } else {
            i += 1;
        }
    }
}

/// Trailing whitespace after the entry, on its last line.
fn check_trailing(ctx: &Context, entry: &Entry, out: &mut Vec<Finding>) {
    let source = ctx.source;
    let text = source.text();
    let first = source.line_index(entry.span.start);
    let last = source.line_index(entry.span.end);
    for index in first..=last {
        let line = source.line_range(index);
        let content_end = line.start + text[line.clone()].trim_end_matches([' ', '\t']).len();
        if content_end == line.end || content_end == line.start {
            continue;
        }
        let span = content_end..line.end;
        let trailing = &text[span.clone()];
        // Two spaces or more before the entry's next line are a markdown
        // hard break: a list's way of laying out an entry (title, then
        // authors), not a slip, where it does so by habit.
        if index < last && trailing.len() >= 2 && !trailing.contains('\t') {
            if ctx.conventions.uses_hard_breaks() {
                continue;
            }
            out.push(
                Finding::new(Rule::Spacing, span, "hard line break inside the entry")
                    .severity(Severity::Warning)
                    .label("two trailing spaces break the line here")
                    .help("the list's other entries do not break their lines: remove the spaces, or break every entry alike"),
            );
            continue;
        }
        out.push(
            Finding::new(Rule::Spacing, span.clone(), "trailing whitespace")
                .severity(Severity::Warning)
                .label("remove this")
                .fix(Fix::safe(Edit::delete(span))),
        );
    }
}

/// Lines made only of spaces and tabs, outside code and HTML blocks.
fn check_blank_lines(ctx: &Context, out: &mut Vec<Finding>) {
    let source = ctx.source;
    let bytes = source.text().as_bytes();
    let mut verbatim = ctx.doc.verbatim.iter().peekable();
    for index in 0..source.line_count() {
        let line = source.line_range(index);
        if line.is_empty() || !matches!(bytes[line.start], b' ' | b'\t') {
            continue;
        }
        if !bytes[line.clone()]
            .iter()
            .all(|&b| matches!(b, b' ' | b'\t'))
        {
            continue;
        }
        while verbatim.peek().is_some_and(|block| block.end <= line.start) {
            verbatim.next();
        }
        if verbatim
            .peek()
            .is_some_and(|block| block.start <= line.start)
        {
            continue;
        }
        out.push(
            Finding::new(Rule::Spacing, line.clone(), "whitespace-only line")
                .severity(Severity::Warning)
                .label("only whitespace here")
                .help("make the line empty")
                .fix(Fix::safe(Edit::delete(line))),
        );
    }
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

//! `whitespace`: what a reader never sees. Markdown renders a run of spaces
//! or a tab as one space and drops trailing whitespace, so none of this
//! changes the page; it only makes the next diff noisy. Off by default.

use super::Context;
use super::spacing::hard_break;
use crate::diagnostic::Finding;
use crate::diagnostic::{Edit, Fix};
use crate::document::{Entry, PartRef, Span};
use crate::rule::Rule;

pub(super) fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let mut parts = Vec::new();
    for entry in &ctx.doc.entries {
        entry.parts_into(&mut parts);
        check_between_parts(ctx, &parts, out);
        if let Some(title) = &entry.title {
            check_runs_inside(ctx, &title.inner, out);
        }
        check_trailing(ctx, entry, out);
    }
    check_blank_lines(ctx, out);
}

/// Several spaces, or a tab, between two parts of an entry.
fn check_between_parts(ctx: &Context, parts: &[PartRef], out: &mut Vec<Finding>) {
    let text = ctx.source.text();
    for pair in parts.windows(2) {
        let (before, after) = (pair[0].span, pair[1].span);
        if after.start < before.end {
            continue;
        }
        let gap = before.end..after.start;
        let between = &text[gap.clone()];
        if between.is_empty() || between == " " || !between.bytes().all(|b| b == b' ' || b == b'\t')
        {
            continue;
        }
        out.push(
            Finding::new(
                Rule::Whitespace,
                gap.clone(),
                if between.contains('\t') {
                    "parts of an entry are separated by a tab"
                } else {
                    "parts of an entry are separated by more than one space"
                },
            )
            .label("use one space")
            .fix(Fix::safe(Edit::replace(gap, " "))),
        );
    }
}

/// Doubled spaces and tabs inside the title.
fn check_runs_inside(ctx: &Context, title: &Span, out: &mut Vec<Finding>) {
    let bytes = ctx.source.text().as_bytes();
    let mut i = title.start;
    while i < title.end {
        if !matches!(bytes[i], b' ' | b'\t') {
            i += 1;
            continue;
        }
        let start = i;
        while i < title.end && matches!(bytes[i], b' ' | b'\t') {
            i += 1;
        }
        // Indentation of a continuation line, or a hard break before one, is not spacing.
        let at_line_edge = (start > 0 && matches!(bytes[start - 1], b'\n' | b'\r'))
            || matches!(bytes.get(i), Some(b'\n' | b'\r'));
        if (i - start > 1 || bytes[start] == b'\t') && !at_line_edge {
            let message = if bytes[start..i].contains(&b'\t') {
                "a tab in the title"
            } else {
                "doubled space in the title"
            };
            out.push(
                Finding::new(Rule::Whitespace, start..i, message)
                    .label("use one space")
                    .fix(Fix::safe(Edit::replace(start..i, " "))),
            );
        }
    }
}

/// Trailing whitespace on an entry's lines (a single space too). Two
/// spaces before the entry's next line are a hard break, which the reader
/// does see: `spacing`'s.
fn check_trailing(ctx: &Context, entry: &Entry, out: &mut Vec<Finding>) {
    let source = ctx.source;
    let text = source.text();
    let first = source.line_index(entry.span.start);
    let last = source.line_index(entry.span.end);
    for index in first..=last {
        if index < last && hard_break(ctx, index).is_some() {
            continue;
        }
        let line = source.line_range(index);
        let content_end = line.start + text[line.clone()].trim_end_matches([' ', '\t']).len();
        if content_end == line.end || content_end == line.start {
            continue;
        }
        let span = content_end..line.end;
        out.push(
            Finding::new(Rule::Whitespace, span.clone(), "trailing whitespace")
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
            Finding::new(Rule::Whitespace, line.clone(), "whitespace-only line")
                .label("only whitespace here")
                .help("make the line empty")
                .fix(Fix::safe(Edit::delete(line))),
        );
    }
}

//! `malformed-link`: a link that does not render as written.

use super::Context;
use crate::diagnostic::Finding;
use crate::diagnostic::{Edit, Fix};
use crate::document::{Entry, Form, Link, Role};
use crate::rule::Rule;
use crate::url::PaperKey;

pub(super) fn check(ctx: &Context, out: &mut Vec<Finding>) {
    dropped_cells(ctx, out);
    undefined_references(ctx, out);
    for entry in &ctx.doc.entries {
        for link in &entry.links {
            if let Some(finding) = malformed(ctx, link) {
                out.push(finding);
            } else if let Some(finding) = missing_open_bracket(ctx, entry, link) {
                out.push(finding);
            } else if let Some(finding) = missing_close_bracket(ctx, entry, link) {
                out.push(finding);
            } else if let Some(finding) = other_form(ctx, entry, link) {
                out.push(finding);
            }
        }
    }
}

/// `[[code]][1.10]` in an entry of a list that links by reference
/// (`[1.10]: https://…` at its end, three definitions or more), where no
/// definition names `1.10`: the link shows as text. (Where a list defines
/// no references, two bracketed texts side by side are its tags.)
fn undefined_references(ctx: &Context, out: &mut Vec<Finding>) {
    let defined = &ctx.doc.reference_labels;
    if defined.len() < 3 {
        return;
    }
    // Labels are written one way in a list (`1.10`, `r12`, `paper-3`):
    // a bracket after a bracket written otherwise (`[2025-03][OOPSLA
    // 2025]`, two tags side by side) is no reference.
    let kind = |label: &str| {
        let label = label.trim();
        if label.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
            0
        } else if !label.contains(' ') {
            1
        } else {
            2
        }
    };
    for span in &ctx.doc.undefined_references {
        if !super::in_an_entry(ctx, span) {
            continue;
        }
        let written = ctx.text(span);
        let label = written.rfind('[').map_or(written, |open| &written[open..]);
        let inner = label.trim_start_matches('[').trim_end_matches(']');
        let alike = defined.iter().filter(|d| kind(d) == kind(inner)).count();
        if alike * 2 < defined.len() {
            continue;
        }
        out.push(
            Finding::new(
                Rule::MalformedLink,
                span.clone(),
                format!("no definition in the file names `{label}`: the link shows as text"),
            )
            .label("undefined reference")
            .help(format!(
                "add `{}: https://…` with the file's other definitions, or write the URL in the link",
                label
            )),
        );
    }
}

/// A link in a cell beyond the header's columns, in a row of the list's
/// entries: GFM drops the cell from the page, and the link with it.
fn dropped_cells(ctx: &Context, out: &mut Vec<Finding>) {
    for span in &ctx.doc.dropped_cells {
        let written = ctx.text(span);
        if !super::in_an_entry(ctx, span) || !(written.contains("](") || written.contains("http")) {
            continue;
        }
        let cell = written.trim_matches(|c: char| c == '|' || c.is_whitespace());
        let shown = if cell.chars().count() > 40 {
            format!("{}…", cell.chars().take(40).collect::<String>())
        } else {
            cell.to_owned()
        };
        out.push(
            Finding::new(
                Rule::MalformedLink,
                span.clone(),
                format!(
                    "`{shown}` is in a cell past the header's columns: GitHub does not show it"
                ),
            )
            .label("a cell too many")
            .help("move it into one of the row's columns, or give the header a column for it"),
        );
    }
}

/// `code](https://…)`, `[code]](https://…)`: the label's `[` is missing,
/// and the link shows as text. Its URL and label are both there: the fix
/// adds the `[` and nothing else (unsafe: the page changes).
fn unopened(ctx: &Context, link: &Link) -> Option<Finding> {
    let written = ctx.text(&link.span);
    let url = ctx.text(link.url.as_ref()?);
    let label_end = link.label.end.checked_sub(link.span.start)?;
    let closes = written[label_end..]
        .bytes()
        .take_while(|&b| b == b']')
        .count();
    let opening = written.len() - written.trim_start_matches('[').len();
    let missing = closes.checked_sub(opening).filter(|&n| n > 0)?;
    let fixed = format!("{}{written}", "[".repeat(missing));
    Some(
        Finding::new(
            Rule::MalformedLink,
            link.span.clone(),
            format!("`{written}` has no `[` before its label: markdown reads it as text"),
        )
        .label("not a link")
        .help(format!("write `{fixed}`"))
        .fix(Fix::unsafe_edit(Edit::insert(link.span.start, "[".repeat(missing))).restores(url)),
    )
}

/// `[label] (url)`, `[[Website] (url)]`: the space between the label's `]`
/// (ending at `label_end` in `written`) and the URL's `(` (at `paren`) is
/// all that keeps the link apart; taking it out makes the link the list
/// meant (unsafe: the page changes).
fn space_before_url(
    link: &Link,
    written: &str,
    url: &str,
    label_end: usize,
    paren: usize,
) -> Finding {
    let gap = link.span.start + label_end..link.span.start + paren;
    let joined = format!("{}{}", &written[..label_end], &written[paren..]);
    Finding::new(
        Rule::MalformedLink,
        link.span.clone(),
        "a space between the label and its URL: markdown reads them as text",
    )
    .label("not a link")
    .help(format!("write `{joined}`"))
    .fix(Fix::unsafe_edit(Edit::replace(gap, "")).restores(url.trim()))
}

fn malformed(ctx: &Context, link: &Link) -> Option<Finding> {
    if link.form == Form::Unlinked {
        return broken_after_label(ctx, link);
    }
    if link.form == Form::Unopened {
        return unopened(ctx, link);
    }
    let url_span = link.url.as_ref()?;
    let url = ctx.text(url_span);
    let written = ctx.text(&link.span);
    match link.form {
        Form::Split => {
            // Joined, the label's `]` and the URL's `(` meet.
            let paren = written[..url_span.start.checked_sub(link.span.start)?].rfind('(')?;
            let label_end = written[..paren].trim_end().len();
            let joined = format!("{}{}", &written[..label_end], &written[paren..]);
            if written[label_end..paren].contains('\n') {
                return Some(
                    Finding::new(
                        Rule::MalformedLink,
                        link.span.clone(),
                        "the label and its URL are on two lines: markdown reads them as text",
                    )
                    .label("not a link")
                    .help(format!("write `{joined}` on one line")),
                );
            }
            return Some(space_before_url(link, written, url, label_end, paren));
        }
        Form::Unjoined if let Some(finding) = spaced_destination(ctx, link) => {
            return Some(finding);
        }
        // `[[Project](https://…/]`: the label and URL are joined; the
        // URL's `)` is what is missing.
        Form::Unjoined if written.contains("](") && written.ends_with(']') => {
            let fixed = format!("{})]", &written[..written.len() - 1]);
            return Some(
                Finding::new(
                    Rule::MalformedLink,
                    link.span.clone(),
                    "the URL's closing `)` is missing: markdown reads it as text",
                )
                .label("not a link")
                .help(format!("write `{fixed}`")),
            );
        }
        // `[[Website] (https://…)]`: the `](` is there but for the space
        // between: taking it out makes the link the list meant.
        Form::Unjoined
            if written[..url_span.start.checked_sub(link.span.start + 1)?].ends_with(' ')
                && written[..url_span.start - link.span.start - 1]
                    .trim_end()
                    .ends_with(']')
                && written.as_bytes().get(url_span.start - link.span.start - 1) == Some(&b'(') =>
        {
            let paren = url_span.start - link.span.start - 1;
            let label_end = written[..paren].trim_end().len();
            if written[label_end..paren].contains('\n') {
                return None;
            }
            return Some(space_before_url(link, written, url, label_end, paren));
        }
        // `[[https://…)]`: no label, no `](`.
        Form::Unjoined if link.label.is_empty() => {
            let opening = written.len() - written.trim_start_matches('[').len();
            let fixed = format!(
                "{}label]({url}){}",
                "[".repeat(opening),
                "]".repeat(opening.saturating_sub(1))
            );
            return Some(
                Finding::new(
                    Rule::MalformedLink,
                    link.span.clone(),
                    "the link's label and `](` are missing: markdown reads it as text",
                )
                .label("not a link")
                .help(format!(
                    "write `{fixed}` with the link's label in its brackets"
                )),
            );
        }
        Form::Unjoined => {
            return Some(
                Finding::new(
                    Rule::MalformedLink,
                    link.span.clone(),
                    "`](` is missing between the label and its URL: markdown reads it as text",
                )
                .label("not a link")
                .help(format!(
                    "write `{}`",
                    with_join(ctx.text(&link.span), url_span.start - 1 - link.span.start)
                )),
            );
        }
        Form::Unlinked => return None,
        _ => {}
    }
    let wrapped = |open: char, close: char| {
        url.len() >= 2
            && url.starts_with(open)
            && url.ends_with(close)
            && url[1..url.len() - 1].trim_start().starts_with("http")
    };
    if wrapped('(', ')') || wrapped('[', ']') {
        let inner = url_span.start + 1..url_span.end - 1;
        let unwrapped = ctx.text(&inner).trim().to_owned();
        return Some(
            Finding::new(
                Rule::MalformedLink,
                url_span.clone(),
                format!(
                    "the URL is wrapped in `{}`: the link goes to a relative path",
                    &url[..1]
                ),
            )
            .label("extra brackets")
            .help(format!("write `{unwrapped}`")),
        );
    }
    // Nearly no URL has a `]`: look for one byte before the pair.
    if memchr::memchr(b']', url.as_bytes()).is_some()
        && let Some(glue) = url.find("](")
    {
        let second = &url[glue + 2..];
        let first = url[..glue].trim_start_matches(['(', '[', ' ']);
        // `[Github]([SEC-bench/SEC-bench](https://github.com/…))`: one
        // address, written as a link of its own inside the link.
        if second.trim_start_matches(['(', ' ']).starts_with("http") && !first.contains("://") {
            let inner = second
                .trim_start_matches(['(', ' '])
                .trim_end_matches([')', ' ']);
            return Some(
                Finding::new(
                    Rule::MalformedLink,
                    url_span.clone(),
                    "the address is written as a link of its own (`[text](url)`): the link goes nowhere",
                )
                .label("a link inside the link")
                .help(format!("write `{inner}`")),
            );
        }
        if second.trim_start_matches(['(', ' ']).starts_with("http") {
            return Some(
                Finding::new(
                    Rule::MalformedLink,
                    url_span.clone(),
                    "two URLs glued together by `](`: one link to a broken address",
                )
                .label("two URLs")
                .help("keep the URL of this entry's own paper and delete the other"),
            );
        }
    }
    if let Some(PaperKey::Arxiv(id)) = crate::url::paper_key(url)
        && let Some(why) = crate::url::impossible_arxiv_id(id)
    {
        return Some(
            Finding::new(
                Rule::MalformedLink,
                url_span.clone(),
                format!("`{id}` is no arXiv id ({why}): the link leads nowhere"),
            )
            .label("no such id")
            .help("link the paper's own id, as its arXiv page gives it"),
        );
    }
    if let Some(path) = crate::url::github_path_without_branch(url) {
        let cut = url.find(path).unwrap_or(url.len());
        return Some(
            Finding::new(
                Rule::MalformedLink,
                url_span.clone(),
                format!("GitHub serves no page at `…/{path}`: a repository's folder or file is under `tree/<branch>/` or `blob/<branch>/`"),
            )
            .label("no such page")
            .help(format!("write `{}tree/<branch>/{}`, with the repository's branch", &url[..cut], &url[cut..])),
        );
    }
    if let Some(at) = glued_scheme(url) {
        return Some(
            Finding::new(
                Rule::MalformedLink,
                url_span.clone(),
                "two URLs glued into one: the link leads to a broken address",
            )
            .label("two URLs")
            .help(format!(
                "keep `{}` or `{}`, whichever is this entry's, and give the other a link of its own",
                &url[..at],
                &url[at..]
            )),
        );
    }
    if let Some(host) = crate::url::host_without_domain(url) {
        // `https://https//github.com/…`: the scheme pasted twice. Told, not
        // fixed: no fix changes a link's destination (the fix fuzzer holds
        // every fix to that), however certain the address meant.
        let rest = &url[url.find("://")? + 3 + host.len()..];
        if host.eq_ignore_ascii_case("https") || host.eq_ignore_ascii_case("http") {
            let after = rest.trim_start_matches(':').strip_prefix("//")?;
            let fixed = format!("{}://{after}", host.to_ascii_lowercase());
            return Some(
                Finding::new(
                    Rule::MalformedLink,
                    url_span.clone(),
                    format!("`{url}` writes its scheme twice: the link leads nowhere"),
                )
                .label("the scheme twice")
                .help(format!("write `{fixed}`")),
            );
        }
        return Some(
            Finding::new(
                Rule::MalformedLink,
                url_span.clone(),
                format!("`{host}` is no domain: the link leads nowhere"),
            )
            .label("no such address")
            .help("link the real address (a placeholder left for later, or a domain cut short)"),
        );
    }
    if let Some((written, meant)) = crate::url::mistyped_scheme(url) {
        let fixed = format!("{meant}://{}", &url[written..]);
        return Some(
            Finding::new(
                Rule::MalformedLink,
                url_span.clone(),
                format!(
                    "`{}` is no web address's scheme: the link leads nowhere",
                    &url[..written]
                ),
            )
            .label("mistyped scheme")
            // Said, not fixed: a fix keeps every link's destination (the
            // fix fuzzer holds it to that), and this one changes it.
            .help(format!("write `{fixed}`")),
        );
    }
    if lacks_scheme(url) {
        return Some(
            Finding::new(
                Rule::MalformedLink,
                url_span.clone(),
                format!("`{url}` has no `https://`"),
            )
            .label("read as a link inside this repository")
            .help(format!("write `https://{url}`")),
        );
    }
    None
}

/// How the markup after a label with no URL of its own (`[[Paper]]`)
/// breaks the link it was meant to be: its URL follows, but `](` or the
/// closing `)` is not as markdown needs it.
pub(super) enum BrokenAfter {
    /// `[[Code]]](https://…)`: a `]` too many before the URL.
    ExtraBracket,
    /// `[[Paper]](https://….pdf）` or `(https://…/AOT0`: the URL's `(` is
    /// never closed on its line (a full-width `）` does not close it).
    Unclosed { full_width: bool },
    /// `[[Paper]]https://…)`: the URL's `(` is missing.
    UnopenedParen,
    /// `[[Paper]](https://arxiv.org/abs/` at a line's end and `2302.00002)`
    /// on the next: a destination takes no line break, so the `(` is
    /// closed, but not for markdown. Holds the URL written on one line.
    OverTwoLines(String),
}

/// Whether the text at `at` is a URL closed by a `)` that was never
/// opened, right after a label's `]`: `[[Paper]]https://…)`.
pub(super) fn unopened_paren_at(text: &str, at: usize) -> bool {
    let line = &text[at..];
    let line = &line[..line.find('\n').unwrap_or(line.len())];
    let url = &line[..line.find(char::is_whitespace).unwrap_or(line.len())];
    text[..at].ends_with(']')
        && (url.starts_with("http://") || url.starts_with("https://"))
        && url.ends_with(')')
        && !url.contains('(')
}

pub(super) fn broken_after(text: &str, link: &Link) -> Option<BrokenAfter> {
    let after = &text[link.span.end..];
    let line = &after[..after.find('\n').unwrap_or(after.len())];
    if line.trim_start_matches(']').starts_with("(http") && line.starts_with(']') {
        return Some(BrokenAfter::ExtraBracket);
    }
    if unopened_paren_at(text, link.span.end) {
        return Some(BrokenAfter::UnopenedParen);
    }
    let url = line.strip_prefix("(http")?;
    let end = url.find(char::is_whitespace).unwrap_or(url.len());
    let (url, rest) = url.split_at(end);
    if url.contains(')') {
        return None;
    }
    if rest.trim().is_empty()
        && let Some(tail) = continued_url(&after[line.len()..])
    {
        return Some(BrokenAfter::OverTwoLines(format!("http{url}{tail}")));
    }
    Some(BrokenAfter::Unclosed {
        full_width: url.contains('）'),
    })
}

/// The rest of a URL cut at a line's end, when the next line (`next`,
/// from its line break) goes on with it and closes it: `2302.00002)` or
/// `gamma) [[code]](…)`. Not a line that starts a list item, a table row
/// or a link of its own.
fn continued_url(next: &str) -> Option<&str> {
    let next = next
        .strip_prefix('\n')
        .or_else(|| next.strip_prefix("\r\n"))?;
    let next = next.trim_start_matches([' ', '\t']);
    let word = &next[..next.find(char::is_whitespace).unwrap_or(next.len())];
    let (tail, _) = word.split_once(')')?;
    let starts_other = tail.starts_with(['-', '*', '+', '|', '[', '(', '#', '>']);
    let url_like = tail
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"-._~:/?#@!$&'*+,;=%".contains(&b));
    (!tail.is_empty() && !starts_other && url_like).then_some(tail)
}

/// `[[Paper]](https://a https://b)`, `[Paper](https://x/a b.pdf)`: what
/// is inside the parentheses is no destination markdown takes (one
/// address, then at most a title in quotes), so the link is text.
fn spaced_destination(ctx: &Context, link: &Link) -> Option<Finding> {
    let url = ctx.text(link.url.as_ref()?).trim_end_matches(')').trim();
    let (first, rest) = url.split_once(char::is_whitespace)?;
    let rest = rest.trim_start();
    if !first.starts_with("http") || rest.starts_with(['"', '\'', '(']) {
        return None;
    }
    let addresses = url
        .split_whitespace()
        .filter(|w| w.starts_with("http"))
        .count();
    let (message, help) = if addresses >= 2 {
        (
            "two URLs in one link's parentheses: markdown reads the link as text",
            "keep one URL in the parentheses, and give the other a link of its own",
        )
    } else {
        (
            "a space inside the URL: markdown reads the link as text",
            "write `%20` for each space in the URL",
        )
    };
    Some(
        Finding::new(Rule::MalformedLink, link.span.clone(), message)
            .label("not a link")
            .help(help),
    )
}

fn broken_after_label(ctx: &Context, link: &Link) -> Option<Finding> {
    let written = ctx.text(&link.span);
    if let Some(finding) = spaced_destination(ctx, link) {
        return Some(finding);
    }
    let (message, help) = match broken_after(ctx.source.text(), link)? {
        BrokenAfter::ExtraBracket => (
            "a `]` too many between the label and its URL: markdown reads them as text",
            format!("take out the extra `]` after `{written}`"),
        ),
        BrokenAfter::Unclosed { full_width: true } => (
            "the URL is closed by a full-width `）`: markdown reads the link as text",
            "write `)` for `）` at the URL's end".to_owned(),
        ),
        BrokenAfter::Unclosed { full_width: false } => (
            "the URL's `(` is never closed: markdown reads the link as text",
            "end the URL with `)`".to_owned(),
        ),
        BrokenAfter::UnopenedParen => (
            "the URL's `(` is missing: markdown reads the link as text",
            format!("write `(` between `{written}` and the URL"),
        ),
        // Told, not fixed: the entry reads the link's first line as its
        // URL, and no fix changes what an entry's link leads to.
        BrokenAfter::OverTwoLines(url) => (
            "the URL is broken over two lines: markdown reads the link as text",
            format!("write the URL on one line: `{url}`"),
        ),
    };
    Some(
        Finding::new(Rule::MalformedLink, link.span.clone(), message)
            .label("not a link")
            .help(help),
    )
}

/// `[[pdf](url)]` in a list of `[[pdf]](url)`, or the reverse.
fn other_form(ctx: &Context, entry: &Entry, link: &Link) -> Option<Finding> {
    let double = |f: Form| matches!(f, Form::DoubleInside | Form::DoubleOutside);
    if link.is_title || !double(link.form) {
        return None;
    }
    let shape = ctx.doc.shape_of(entry);
    let declared = shape
        .slot(Role::Link)
        .filter(|s| shape.declared && !s.any_form && double(s.form))
        .map(|s| s.form);
    let form = declared.or_else(|| ctx.conventions.double_link_form(entry.shape))?;
    if form == link.form {
        return None;
    }
    let (inside, outside) = ctx
        .conventions
        .double_links
        .get(&entry.shape)
        .copied()
        .unwrap_or_default();
    let agree = if form == Form::DoubleInside {
        inside
    } else {
        outside
    };
    let label = ctx.text(&link.label);
    let url = ctx.text(link.url.as_ref()?);
    let fixed = match form {
        Form::DoubleInside => format!("[[{label}]]({url})"),
        _ => format!("[[{label}]({url})]"),
    };
    let finding = Finding::new(
        Rule::MalformedLink,
        link.span.clone(),
        if declared.is_some() {
            format!(
                "written `{}` where the list's declared shape writes `{}`",
                link.form.wrap(label),
                form.wrap("…")
            )
        } else {
            format!(
                "written `{}` where {} links of the list are written `{}`",
                link.form.wrap(label),
                agree,
                form.wrap("…")
            )
        },
    )
    // Both forms render as a working link: the other form is a style, a
    // warning (judged so on real lists), not a broken link.
    .severity(crate::rule::Severity::Warning)
    .label("the other bracket form")
    .help(format!("write `{fixed}`"));
    // Brackets, a backslash or a code span in the label pair up anew once
    // the brackets around it move (`[[][]](url)` is not `[[][](url)]`:
    // found by the fix fuzzer): said, not fixed.
    // An empty label or URL is `empty-link`'s to report; the bracket form
    // of a link to nowhere is not worth an edit (and `[[]]()`, whose text
    // is `[]`, is not `[[]()]`: found by the fix fuzzer).
    // And a link read as part of the title (`n*s[[f]](f)*`) is the title's
    // text: the title would change with it (found by the fix fuzzer).
    let in_title = entry
        .title
        .as_ref()
        .is_some_and(|t| t.span.start < link.span.end && link.span.start < t.span.end);
    // A link glued to what comes before it (`…(url)[[e](y)]`) may be read
    // with it as one part once its brackets move (found by the fix fuzzer).
    let before = &ctx.source.text()[..link.span.start];
    let glued = !(before.is_empty() || before.ends_with(char::is_whitespace));
    if label.contains(['[', ']', '\\', '`', '<'])
        || label.trim().is_empty()
        || url.trim().is_empty()
        || in_title
        || glued
    {
        return Some(finding);
    }
    Some(finding.fix(Fix::unsafe_edit(Edit::replace(link.span.clone(), fixed))))
}

/// `[pdf](url)]` in a list that writes `[[pdf](url)]`: the `[` before the
/// link is missing, and the `]` after it shows as text. The list's own
/// form says where the bracket goes; the fix inserts it and nothing else.
fn missing_open_bracket(ctx: &Context, entry: &Entry, link: &Link) -> Option<Finding> {
    if link.is_title || link.form != Form::Single {
        return None;
    }
    let text = ctx.source.text();
    if !text[link.span.end..].starts_with(']') || text[..link.span.start].ends_with('[') {
        return None;
    }
    if ctx.conventions.double_link_form(entry.shape) != Some(Form::DoubleOutside) {
        return None;
    }
    // A bracket opened earlier on the line closes there (`[CVPR 2023
    // [pdf](url)]`, `[Paper: [pdf](url)]`): nothing is missing.
    let line_start = text[..link.span.start].rfind('\n').map_or(0, |i| i + 1);
    let before = &text[line_start..link.span.start];
    if before.matches('[').count() > before.matches(']').count() {
        return None;
    }
    let written = ctx.text(&link.span);
    Some(
        Finding::new(
            Rule::MalformedLink,
            link.span.start..link.span.end + 1,
            format!("`{written}]` has no `[` before the link: its `]` shows as text"),
        )
        .severity(crate::rule::Severity::Warning)
        .label("a `]` with no `[`")
        .help(format!(
            "write `[{written}]`, as the list's other links are written"
        ))
        .fix(Fix::safe(Edit::insert(link.span.start, "["))),
    )
}

/// `[[pdf](url)` in a list that writes `[[pdf](url)]` or `[[pdf]](url)`:
/// the `[` before the link is never closed, and shows as text. The list's
/// own form says where the `]` goes (after the link, or after its label);
/// the fix inserts it and nothing else.
fn missing_close_bracket(ctx: &Context, entry: &Entry, link: &Link) -> Option<Finding> {
    if link.is_title || link.form != Form::Single || link.url.is_none() {
        return None;
    }
    let text = ctx.source.text();
    let before = &text[..link.span.start];
    if !before.ends_with('[') || before.ends_with("\\[") || text[link.span.end..].starts_with(']') {
        return None;
    }
    // Brackets in the label pair up anew once one is added.
    let written = ctx.text(&link.span);
    let label = ctx.text(&link.label);
    if label.contains(['[', ']', '\\', '`', '<']) || label.trim().is_empty() {
        return None;
    }
    // The stray `[` is the line's only bracket left open.
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line = &before[line_start..];
    if line.matches('[').count() != line.matches(']').count() + 1 {
        return None;
    }
    // Nor closed later on the line (`[[Paper](url) [Code](url)]`: one
    // bracket around two links).
    let after = &text[link.span.end..];
    let mut depth = 0usize;
    for c in after[..after.find('\n').unwrap_or(after.len())].chars() {
        match c {
            '[' => depth += 1,
            ']' if depth == 0 => return None,
            ']' => depth -= 1,
            _ => {}
        }
    }
    let (at, fixed) = match ctx.conventions.double_link_form(entry.shape)? {
        Form::DoubleOutside => (link.span.end, format!("[{written}]")),
        Form::DoubleInside => {
            let join = written.rfind("](")?;
            (
                link.span.start + join + 1,
                format!("[{}]{}", &written[..=join], &written[join + 1..]),
            )
        }
        _ => return None,
    };
    let finding = Finding::new(
        Rule::MalformedLink,
        link.span.start - 1..link.span.end,
        format!("`[{written}` opens a `[` it never closes: it shows as text"),
    )
    .severity(crate::rule::Severity::Warning)
    .label("a `[` with no `]`")
    .help(format!(
        "write `{fixed}`, as the list's other links are written"
    ));
    // `[[paper](url)}`: a bracket mistyped, not left out; the fix would
    // leave the `}` in view.
    if after.starts_with(|c: char| !c.is_whitespace()) {
        return Some(finding);
    }
    Some(finding.fix(Fix::safe(Edit::insert(at, "]"))))
}

/// `written` with `]` inserted before byte `at` (the URL's `(`).
fn with_join(written: &str, at: usize) -> String {
    format!("{}]{}", &written[..at], &written[at..])
}

/// `github.com/o/r`: a host name with no scheme, which markdown reads as a relative path.
/// Where a second URL starts inside `url`, glued to the end of the first
/// (`…/abs/2302.00002https://github.com/…`). A URL inside a path or a
/// query (`/web/2020/https://…`, `?url=https://…`) follows a `/`, `=` or
/// the like; one glued on follows the last letter or digit of the first.
fn glued_scheme(url: &str) -> Option<usize> {
    memchr::memmem::find_iter(url.as_bytes(), b"http")
        .filter(|&at| at > 0)
        .find(|&at| {
            let rest = &url[at..];
            (rest.starts_with("http://") || rest.starts_with("https://"))
                && url.as_bytes()[at - 1].is_ascii_alphanumeric()
                && url[..at].contains("://")
        })
}

pub(super) fn lacks_scheme(url: &str) -> bool {
    // Every link of a list comes here: find `://` by its colon, not by a
    // substring search set up for each URL.
    let bytes = url.as_bytes();
    let has_scheme = memchr::memchr_iter(b':', bytes).any(|at| bytes[at + 1..].starts_with(b"//"));
    if has_scheme || url.starts_with(['/', '#', '.', '?']) || url.starts_with("mailto:") {
        return false;
    }
    let host = url.split('/').next().unwrap_or_default();
    let labels: Vec<&str> = host.split('.').collect();
    labels.len() >= 2
        && labels
            .iter()
            .all(|l| !l.is_empty() && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'))
        && labels
            .last()
            .is_some_and(|tld| tld.len() >= 2 && tld.bytes().all(|b| b.is_ascii_alphabetic()))
        && ![".md", ".pdf", ".html", ".txt", ".bib", ".png", ".jpg"]
            .iter()
            .any(|ext| host.to_ascii_lowercase().ends_with(ext))
}

#[cfg(test)]
mod tests {
    use super::lacks_scheme;

    #[test]
    fn missing_schemes() {
        assert!(lacks_scheme("github.com/o/r"));
        assert!(lacks_scheme("openreview.net/forum?id=LO3Mw8Jrk0"));
        assert!(lacks_scheme("www.example.org"));
        assert!(!lacks_scheme("https://github.com/o/r"));
        assert!(!lacks_scheme("papers/x.pdf"));
        assert!(!lacks_scheme("README.md"));
        assert!(!lacks_scheme("paper.pdf"));
        assert!(!lacks_scheme("#2023"));
        assert!(!lacks_scheme("./citations/x.txt"));
    }
}

//! Every link of a file, wherever it is: markdown links and images,
//! autolinks, reference links, and `href`/`src` attributes in HTML; those
//! to the web, those into the repository, and the anchors they may name.
//!
//! Kept apart from [`super::Document`] because only the link checker needs
//! it: offline runs never pay for this second walk.

use std::sync::LazyLock;

use pulldown_cmark::{Event, Parser, Tag as MdTag};
use regex::Regex;

use super::Span;

/// A link found in the markdown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct MarkdownLink {
    /// Where the link is written: the whole `[text](url)`, or the URL of an HTML attribute.
    pub span: Span,
    /// The destination as markdown reads it (escapes resolved).
    pub url: String,
}

static HTML_URL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)\b(?:href|src)\s*=\s*(?:"(https?://[^"\s]+)"|'(https?://[^'\s]+)')"#)
        .expect("constant regex")
});

/// All http(s) links in document order.
pub(crate) fn markdown_links(text: &str) -> Vec<MarkdownLink> {
    links_where(text, &HTML_URL, is_http)
}

/// The links whose destination `keep` takes, markdown's and those of HTML
/// attributes `html` captures, in document order.
fn links_where(text: &str, html: &Regex, keep: fn(&str) -> bool) -> Vec<MarkdownLink> {
    let mut links = Vec::new();
    for (event, range) in Parser::new_ext(text, super::markdown_options()).into_offset_iter() {
        match event {
            Event::Start(MdTag::Link { dest_url, .. } | MdTag::Image { dest_url, .. })
                if keep(&dest_url) =>
            {
                links.push(MarkdownLink {
                    span: range,
                    url: dest_url.into_string(),
                });
            }
            Event::Html(_) | Event::InlineHtml(_) => {
                for captures in html.captures_iter(&text[range.clone()]) {
                    if let Some(url) = captures.get(1).or_else(|| captures.get(2))
                        && keep(url.as_str())
                    {
                        links.push(MarkdownLink {
                            span: range.start + url.start()..range.start + url.end(),
                            url: url.as_str().replace("&amp;", "&"),
                        });
                    }
                }
            }
            _ => {}
        }
    }
    links
}

static HTML_LOCAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)\b(?:href|src)\s*=\s*(?:"([^"\s]*)"|'([^'\s]*)')"#).expect("constant regex")
});

static HTML_ANCHOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)\b(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)')"#).expect("constant regex")
});

/// Links to a place in the repository rather than on the web: a heading of
/// the file (`#contents`), or a file beside it (`docs/survey.md`,
/// `./assets/overview.png`), in markdown or in HTML `href`/`src`.
pub(crate) fn local_links(text: &str) -> Vec<MarkdownLink> {
    links_where(text, &HTML_LOCAL, is_local)
}

/// Whether a destination leads into the repository: no scheme (`https:`,
/// `mailto:`), not protocol-relative (`//host/…`), and not empty or a bare
/// `#` (a placeholder, `empty-link`'s).
fn is_local(url: &str) -> bool {
    let url = url.trim();
    if url.is_empty() || url == "#" || url.starts_with("//") {
        return false;
    }
    // A scheme: letters, digits, `+`, `-`, `.` before a colon, before any
    // `/`, `?` or `#`.
    let head = url.split(['/', '?', '#']).next().unwrap_or_default();
    let scheme = head.split_once(':').is_some_and(|(scheme, _)| {
        !scheme.is_empty()
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    });
    !scheme
}

/// The anchors a page of this markdown has on GitHub: each heading's slug
/// (lowercase, punctuation and symbols dropped, spaces made hyphens; a
/// repeated slug numbered `-1`, `-2`), and every HTML `id` and `name`.
pub(crate) fn anchors(text: &str) -> rustc_hash::FxHashSet<String> {
    let mut anchors = rustc_hash::FxHashSet::default();
    let mut heading: Option<String> = None;
    // An image's alt text is no text of the heading's (a badge after the title).
    let mut images = 0usize;
    let add_slug = |anchors: &mut rustc_hash::FxHashSet<String>, words: &str| {
        let base = slug(words);
        let mut candidate = base.clone();
        let mut n = 0;
        while !anchors.insert(candidate.clone()) {
            n += 1;
            candidate = format!("{base}-{n}");
        }
    };
    for (event, range) in Parser::new_ext(text, super::markdown_options()).into_offset_iter() {
        match event {
            Event::Start(MdTag::Heading { id, .. }) => {
                heading = Some(String::new());
                if let Some(id) = id {
                    anchors.insert(id.to_lowercase());
                }
            }
            Event::End(pulldown_cmark::TagEnd::Heading(_)) => {
                if let Some(words) = heading.take() {
                    add_slug(&mut anchors, &words);
                }
            }
            Event::Start(MdTag::Image { .. }) => images += 1,
            Event::End(pulldown_cmark::TagEnd::Image) => images = images.saturating_sub(1),
            Event::Text(t) | Event::Code(t) if images == 0 => {
                if let Some(words) = &mut heading {
                    words.push_str(&t);
                }
            }
            Event::Html(_) | Event::InlineHtml(_) => {
                for captures in HTML_ANCHOR.captures_iter(&text[range]) {
                    if let Some(id) = captures.get(1).or_else(|| captures.get(2)) {
                        anchors.insert(id.as_str().to_lowercase());
                    }
                }
            }
            _ => {}
        }
    }
    anchors
}

/// A heading's anchor as GitHub makes it: `## 🔥 News (2024)` is
/// `-news-2024`. Letters, numbers and marks stay (the variation selector of
/// `🗂️` among them), punctuation and symbols go, and each space becomes a
/// hyphen, the one before a badge included (`# List [![Awesome](…)](…)` is
/// `list-`).
pub(crate) fn slug(words: &str) -> String {
    let mark = |c: char| {
        matches!(c as u32,
            0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF
            | 0xFE00..=0xFE0F | 0xFE20..=0xFE2F)
    };
    words
        .to_lowercase()
        .chars()
        .filter(|&c| c.is_alphanumeric() || mark(c) || matches!(c, '-' | '_' | ' '))
        .map(|c| if c == ' ' { '-' } else { c })
        .collect()
}

/// A web address to check: http(s), on a domain. One whose host names no
/// domain (`https://tbd`) leads nowhere, and `malformed-link` says so
/// offline; asking the network would only say it again.
fn is_http(url: &str) -> bool {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://"))
        && crate::url::host_without_domain(url).is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_on_no_domain_are_not_checked() {
        let text = "- [a](https://tbd/x) [b](https://arxiv.org/abs/2301.00001) [c](https://https//github.com/o/r)\n";
        let urls: Vec<String> = markdown_links(text).into_iter().map(|l| l.url).collect();
        assert_eq!(urls, ["https://arxiv.org/abs/2301.00001"]);
    }

    #[test]
    fn headings_and_html_give_the_anchors_github_gives() {
        let text = "# Awesome Lists [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)\n\n## 🗂️ Tasks\n\n## 🔥 News (2024)\n\n## Papers\n\n### Papers\n\n## `code` & Data: v2.0\n\n## :memo: Notes\n\n<a name=\"Top\"></a>\n<h3 id='by-year'>By year</h3>\n";
        let found = anchors(text);
        for anchor in [
            "awesome-lists-",
            "\u{fe0f}-tasks",
            "-news-2024",
            "papers",
            "papers-1",
            "code--data-v20",
            "memo-notes",
            "top",
            "by-year",
        ] {
            assert!(found.contains(anchor), "{anchor} in {found:?}");
        }
        assert!(!found.contains("papers-2"));
    }

    #[test]
    fn local_links_lead_into_the_repository() {
        let text = "[a](#papers) [b](docs/survey.md) [c](https://x.example/) [d](mailto:a@b.c) [e](#) [f](//cdn.example/x) ![g](./assets/o.png) <a href=\"../README.md#top\">h</a> <img src=\"https://x.example/i.png\">\n";
        let urls: Vec<String> = local_links(text).into_iter().map(|l| l.url).collect();
        assert_eq!(
            urls,
            [
                "#papers",
                "docs/survey.md",
                "./assets/o.png",
                "../README.md#top"
            ]
        );
    }

    #[test]
    fn finds_links_images_autolinks_references_and_html() {
        let text = "\
[a](https://a.example/x) ![b](http://b.example/i.png) <https://c.example>
[d][ref] [local](#anchor) [mail](mailto:x@y.z)
<a href=\"https://e.example/?a=1&amp;b=2\"><img src='https://f.example/b.svg'/></a>

[ref]: https://d.example/ref
";
        let links = markdown_links(text);
        let urls: Vec<&str> = links.iter().map(|l| l.url.as_str()).collect();
        assert_eq!(
            urls,
            [
                "https://a.example/x",
                "http://b.example/i.png",
                "https://c.example",
                "https://d.example/ref",
                "https://e.example/?a=1&b=2",
                "https://f.example/b.svg"
            ]
        );
        assert_eq!(&text[links[0].span.clone()], "[a](https://a.example/x)");
        assert_eq!(&text[links[5].span.clone()], "https://f.example/b.svg");
    }
}

//! Every http(s) link of a file, wherever it is: markdown links and images,
//! autolinks, reference links, and `href`/`src` attributes in HTML.
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
    let mut links = Vec::new();
    for (event, range) in Parser::new_ext(text, super::markdown_options()).into_offset_iter() {
        match event {
            Event::Start(MdTag::Link { dest_url, .. } | MdTag::Image { dest_url, .. })
                if is_http(&dest_url) =>
            {
                links.push(MarkdownLink {
                    span: range,
                    url: dest_url.into_string(),
                });
            }
            Event::Html(_) | Event::InlineHtml(_) => {
                let html = &text[range.clone()];
                for captures in HTML_URL.captures_iter(html) {
                    if let Some(url) = captures.get(1).or_else(|| captures.get(2)) {
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

fn is_http(url: &str) -> bool {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

#[cfg(test)]
mod tests {
    use super::*;

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

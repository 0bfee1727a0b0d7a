//! Which links of a file are checked, and where each is written.

use regex::Regex;

use crate::config::Settings;
use crate::document::{Document, Span, markdown_links};
use crate::source::Source;

use crate::label::LabelKind;
use crate::link::{Expect, Occurrence};

/// Every http(s) link of a document that neither the settings nor `exclude`
/// (the command line's `--exclude`) exclude.
pub(crate) fn occurrences(
    source: &Source,
    doc: &Document,
    settings: &Settings,
    exclude: &[Regex],
) -> Vec<Occurrence> {
    let text = source.text();
    // Entry links by where they start, to give markdown links their label.
    let mut entry_links: Vec<(usize, &str, Option<&Span>, LabelKind)> = doc
        .entries
        .iter()
        .flat_map(|entry| entry.links.iter())
        .map(|link| {
            (
                link.span.start,
                &text[link.label.clone()],
                link.url.as_ref(),
                link.kind,
            )
        })
        .collect();
    entry_links.sort_unstable_by_key(|(start, ..)| *start);

    let mut found = Vec::new();
    for link in markdown_links(text) {
        let url = link.url.split('#').next().unwrap_or_default().to_owned();
        let excluded = settings
            .links
            .exclude
            .iter()
            .chain(exclude)
            .any(|re| re.is_match(&link.url));
        if url.is_empty() || excluded {
            continue;
        }
        let entry = entry_links
            .binary_search_by_key(&link.span.start, |(start, ..)| *start)
            .ok()
            .map(|i| entry_links[i]);
        let url_span = match entry {
            Some((_, _, Some(url_span), _)) => Some(url_span.clone()),
            _ => literal_span(text, &link.span, &link.url),
        };
        found.push(Occurrence {
            span: link.span,
            url_span,
            url,
            label: entry.map(|(_, label, ..)| label.to_owned()),
            expect: match entry {
                Some((.., LabelKind::Pdf)) => Expect::Pdf,
                _ => Expect::Resolve,
            },
        });
    }
    found
}

/// Where `url` is written inside `span`, if it is written as is.
pub(super) fn literal_span(text: &str, span: &Span, url: &str) -> Option<Span> {
    let written = &text[span.clone()];
    if written == url {
        return Some(span.clone());
    }
    let at = written
        .rfind(&format!("({url}"))
        .map(|i| i + 1)
        .or_else(|| written.rfind(url))?;
    Some(span.start + at..span.start + at + url.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entry_links_carry_their_label_and_url_span() {
        let text = "### 2023\n- [**ICCV 2023**] [**X**] X: T [[pdf]](https://a.example/x.pdf#page=2) [[code]](https://github.com/o/r)\n\n[badge](https://b.example/b.svg) <https://c.example/>\n";
        let source = Source::new("t.md", "t.md", text.to_owned());
        let doc = Document::parse(text);
        let found = occurrences(&source, &doc, &Settings::default(), &[]);
        let summary: Vec<(&str, Option<&str>, &str)> = found
            .iter()
            .map(|o| {
                (
                    o.url.as_str(),
                    o.label.as_deref(),
                    &text[o.url_span.clone().unwrap()],
                )
            })
            .collect();
        assert_eq!(
            summary,
            [
                (
                    "https://a.example/x.pdf",
                    Some("pdf"),
                    "https://a.example/x.pdf#page=2"
                ),
                (
                    "https://github.com/o/r",
                    Some("code"),
                    "https://github.com/o/r"
                ),
                ("https://b.example/b.svg", None, "https://b.example/b.svg"),
                ("https://c.example/", None, "https://c.example/"),
            ]
        );
        assert_eq!(found[0].expect, Expect::Pdf);
        assert_eq!(found[1].expect, Expect::Resolve);
    }

    #[test]
    fn excluded_urls_are_skipped() {
        let text = "[a](https://visitor-badge.example/x) [b](https://b.example/)\n";
        let source = Source::new("t.md", "t.md", text.to_owned());
        let settings = Settings::from_toml(
            "[links]\nexclude = [\"^https://visitor-badge\"]\n",
            "c.toml".as_ref(),
        )
        .unwrap();
        let found = occurrences(&source, &Document::parse(text), &settings, &[]);
        let more = [Regex::new("b\\.example").unwrap()];
        assert!(occurrences(&source, &Document::parse(text), &settings, &more).is_empty());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].url, "https://b.example/");
    }
}

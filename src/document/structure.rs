//! What a reader gets from a markdown text, as markdown itself reads it,
//! whatever awesome-lint understood of its entries: the blocks (list items,
//! headings, table rows, paragraphs, code and HTML blocks), in order, and
//! every link and image with its destination and text.
//!
//! The fix engine compares it before and after a pass of safe fixes: a fix
//! that means to change whitespace or a spelling leaves it as it was, so a
//! difference is a fix that broke something (a link that is no longer a
//! link, an item that became a paragraph), whatever the parser misread.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

/// One thing the reader sees, with its text collapsed to single spaces.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Node {
    Item,
    Heading {
        level: u8,
        text: String,
    },
    Row,
    Paragraph,
    Code {
        text: String,
    },
    Html,
    Link {
        dest: String,
        text: String,
    },
    Image {
        dest: String,
        text: String,
    },
    /// A block ends: which block a later node belongs to matters.
    End,
}

/// The nodes of a text, in document order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Structure {
    pub nodes: Vec<Node>,
}

impl Structure {
    pub fn of(text: &str) -> Structure {
        let mut nodes = Vec::new();
        // Texts being gathered: for each open heading, link or image, the
        // node's index and its text so far.
        let mut open: Vec<(usize, String)> = Vec::new();
        for event in Parser::new_ext(text, super::walk::options()) {
            match event {
                Event::Start(tag) => {
                    let node = match tag {
                        Tag::Item => Some(Node::Item),
                        Tag::Heading { level, .. } => Some(Node::Heading {
                            level: level as u8,
                            text: String::new(),
                        }),
                        Tag::TableRow | Tag::TableHead => Some(Node::Row),
                        Tag::Paragraph => Some(Node::Paragraph),
                        Tag::CodeBlock(_) => Some(Node::Code {
                            text: String::new(),
                        }),
                        Tag::HtmlBlock => Some(Node::Html),
                        Tag::Link { dest_url, .. } => Some(Node::Link {
                            dest: dest_url.trim().to_owned(),
                            text: String::new(),
                        }),
                        Tag::Image { dest_url, .. } => Some(Node::Image {
                            dest: dest_url.trim().to_owned(),
                            text: String::new(),
                        }),
                        _ => None,
                    };
                    if let Some(node) = node {
                        let gathers = matches!(
                            node,
                            Node::Heading { .. }
                                | Node::Code { .. }
                                | Node::Link { .. }
                                | Node::Image { .. }
                        );
                        nodes.push(node);
                        if gathers {
                            open.push((nodes.len() - 1, String::new()));
                        }
                    }
                }
                Event::End(end) => {
                    let gathered = matches!(
                        end,
                        TagEnd::Heading(_) | TagEnd::CodeBlock | TagEnd::Link | TagEnd::Image
                    );
                    if gathered && let Some((index, text)) = open.pop() {
                        let collapsed = collapse(&text);
                        match &mut nodes[index] {
                            Node::Heading { text, .. }
                            | Node::Link { text, .. }
                            | Node::Image { text, .. } => *text = collapsed,
                            Node::Code { text: code } => {
                                // Code keeps its lines; their trailing blanks are whitespace.
                                *code = text
                                    .lines()
                                    .map(str::trim_end)
                                    .collect::<Vec<_>>()
                                    .join("\n");
                            }
                            _ => {}
                        }
                    }
                    if matches!(
                        end,
                        TagEnd::Item
                            | TagEnd::Heading(_)
                            | TagEnd::TableRow
                            | TagEnd::TableHead
                            | TagEnd::Paragraph
                            | TagEnd::CodeBlock
                            | TagEnd::HtmlBlock
                    ) {
                        nodes.push(Node::End);
                    }
                }
                Event::Text(t) | Event::Code(t) | Event::InlineHtml(t) | Event::Html(t) => {
                    for (_, text) in &mut open {
                        text.push_str(&t);
                    }
                }
                Event::SoftBreak | Event::HardBreak => {
                    for (_, text) in &mut open {
                        text.push(' ');
                    }
                }
                _ => {}
            }
        }
        Structure { nodes }
    }

    /// The link and image destinations, sorted: what moving blocks keeps.
    pub fn destinations(&self) -> Vec<&str> {
        let mut all: Vec<&str> = self
            .nodes
            .iter()
            .filter_map(|n| match n {
                Node::Link { dest, .. } | Node::Image { dest, .. } => Some(dest.as_str()),
                _ => None,
            })
            .collect();
        all.sort_unstable();
        all
    }
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_is_not_structure() {
        let a = Structure::of("- [**CVPR 2023**]  Title [[pdf]](https://x.org/a.pdf)   \n");
        let b = Structure::of("- [**CVPR 2023**] Title [[pdf]](https://x.org/a.pdf)\n");
        assert_eq!(a, b);
    }

    #[test]
    fn a_link_that_is_no_longer_a_link_is_seen() {
        let a = Structure::of("- [**Title**](https://x.org/a) [**CoRL 2024**]\n");
        let b = Structure::of("- [**Title**] (https://x.org/a) [**CoRL 2024**]\n");
        assert_ne!(a, b);
        let a = Structure::of("- T [[Paper](https://x.org/a)]\n");
        let b = Structure::of("- T [ [Paper](https://x.org/a) ]\n");
        // The link is the same; only text around it changed.
        assert_eq!(a.destinations(), b.destinations());
    }

    #[test]
    fn an_item_that_became_a_paragraph_is_seen() {
        let a = Structure::of("Intro\n\n- a\n");
        let b = Structure::of("Intro\n-a\n");
        assert_ne!(a, b);
    }
}

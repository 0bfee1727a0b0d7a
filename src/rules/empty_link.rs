//! `empty-link`: a link with no URL (`[[code]]`) or an empty one (`[[pdf]]()`).

use super::Context;
use crate::diagnostic::Finding;
use crate::document::{Form, Role};
use crate::rule::Rule;
use crate::vocabulary::{is_one_of, words};

pub(super) fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for entry in &ctx.doc.entries {
        for link in &entry.links {
            let label = ctx.text(&link.label);
            // The common case, a web address, needs no more looking at
            // unless its path is a placeholder (`https://github.com/tba`).
            if link.url.as_ref().is_some_and(|url| {
                let url = ctx.text(url);
                let bytes = url.as_bytes();
                bytes.len() > 8
                    && (bytes[..8].eq_ignore_ascii_case(b"https://")
                        || bytes[..7].eq_ignore_ascii_case(b"http://"))
                    && !placeholder_path(url)
            }) {
                continue;
            }
            // `[![Publish](…venue badge…)]()`: a badge that names no kind
            // of link is a label shown, not a link left out (lists generate
            // their venue and type badges so).
            if link.form == Form::Badge && link.kind.category().is_none() {
                continue;
            }
            // `[Coming soon]()`: the label says the link is not there yet,
            // the list's way of showing that, not a URL left out; so does a
            // marked form of a label the list fills (`[[G-Scholar--]]()`),
            // written only on empty links, many times over.
            if announces_absence(label) || ctx.conventions.marks_absence(label) {
                continue;
            }
            // `[[Code]]](https://…)`: the URL is there, its markup broken,
            // which `malformed-link` says.
            if link.url.is_none()
                && super::malformed_link::broken_after(ctx.source.text(), link).is_some()
            {
                continue;
            }
            let written = ctx.text(&link.span);
            let message = match &link.url {
                None => format!("`{written}` has no URL"),
                Some(url) if matches!(ctx.text(url), "" | "#" | "<>") => {
                    format!("`{written}` has an empty URL")
                }
                Some(url) if is_placeholder(ctx.text(url)) => {
                    format!("`{written}` has a placeholder instead of a URL")
                }
                Some(_) => continue,
            };
            // Spelled the way the list writes its links.
            let form = match link.form {
                Form::Unlinked => ctx
                    .doc
                    .shape_of(entry)
                    .slot(Role::Link)
                    .map_or(Form::DoubleInside, |slot| slot.form),
                form => form,
            };
            let written = if link.is_title {
                format!("[{label}](https://...)")
            } else {
                form.wrap(label).replace("(url)", "(https://...)")
            };
            out.push(
                Finding::new(Rule::EmptyLink, link.span.clone(), message)
                    .label("links nowhere")
                    .help(format!("add the URL, `{written}`, or remove the link")),
            );
        }
    }
}

/// A label that says its link is to come or will not be (`Coming soon`,
/// `Code: TBD`, `N/A`): a status shown where the link would be.
fn announces_absence(label: &str) -> bool {
    let placeholders = &words().links.placeholders;
    let label = label.trim_matches(|c: char| !c.is_alphanumeric() && c != '/');
    is_one_of(label, placeholders)
        || label
            .split(|c: char| !c.is_alphanumeric() && c != '/')
            .any(|word| {
                ["soon", "tbd", "tba", "todo"]
                    .iter()
                    .any(|w| w.eq_ignore_ascii_case(word))
            })
}

/// Text written where a URL will go later.
fn is_placeholder(url: &str) -> bool {
    let url = url.trim();
    is_one_of(url, &words().links.placeholders)
        || url.contains(char::is_whitespace)
        || url.eq_ignore_ascii_case("about:blank")
        || placeholder_path(url)
}

/// A web address whose path is a placeholder and nothing else
/// (`https://github.com/tba`, `https://github.com/TODO/`): a host named,
/// the page to come.
fn placeholder_path(url: &str) -> bool {
    let Some((_, rest)) = url.split_once("://") else {
        return false;
    };
    let Some((_, path)) = rest.split_once('/') else {
        return false;
    };
    let mut segments = path.split('/').filter(|s| !s.is_empty()).peekable();
    segments.peek().is_some()
        && segments.all(|s| {
            let s = s.replace(['-', '_'], " ");
            s != "-" && s != "..." && is_one_of(&s, &words().links.placeholders)
        })
}

#[cfg(test)]
mod tests {
    use super::{announces_absence, is_placeholder};

    #[test]
    fn placeholders_and_missing_schemes() {
        for url in ["TBD", "coming soon", "N/A", "..."] {
            assert!(is_placeholder(url), "{url}");
        }
        assert!(!is_placeholder("https://a.b/c"));
        assert!(is_placeholder("https://github.com/tba"));
        assert!(is_placeholder("https://github.com/TODO/"));
        assert!(is_placeholder("https://github.com/coming-soon"));
        assert!(is_placeholder("about:blank"));
        assert!(!is_placeholder("https://github.com/tba/real-repo"));
        assert!(!is_placeholder("https://github.com/"));
        assert!(!is_placeholder("https://na.org/na/x"));
    }

    #[test]
    fn labels_that_say_the_link_is_to_come() {
        for label in [
            "Coming soon",
            "Comins Soon",
            "Code (coming soon)",
            "TBD",
            "N/A",
            "code: TBA",
        ] {
            assert!(announces_absence(label), "{label}");
        }
        for label in ["code", "paper", "Project", "Soonet", "[pdf]"] {
            assert!(!announces_absence(label), "{label}");
        }
    }
}

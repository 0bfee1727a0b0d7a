//! Properties of the fix engine on generated lists with random defects:
//! fixing reaches a fixpoint, loses no entry, and safe fixes touch only the
//! lines that had a finding.

use std::collections::BTreeSet;

use awesome_lint::Document;
use awesome_lint::Settings;
use awesome_lint::Source;
use awesome_lint::Structure;
use awesome_lint::lint;
use awesome_lint::{FixMode, fix_to_fixpoint};
use proptest::prelude::*;

/// One entry's defects, each independent.
#[derive(Debug, Clone)]
struct Defects {
    double_space: bool,
    glued_link: bool,
    trailing: bool,
    venue: u8,
    bullet: u8,
    /// Tagged with another year than its section's: `Some(offset)` into the years.
    misplaced: Option<u8>,
}

fn defects() -> impl Strategy<Value = Defects> {
    (
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        0u8..5,
        0u8..4,
        prop::option::weighted(0.2, 0u8..8),
    )
        .prop_map(
            |(double_space, glued_link, trailing, venue, bullet, misplaced)| Defects {
                double_space,
                glued_link,
                trailing,
                venue,
                bullet,
                misplaced,
            },
        )
}

/// A list: distinct years in a random order, entries with random defects.
#[derive(Debug, Clone)]
struct List {
    years: Vec<u16>,
    entries: Vec<Vec<Defects>>,
    crlf: bool,
    final_newline: bool,
    blank_junk: bool,
}

fn list() -> impl Strategy<Value = List> {
    (
        prop::sample::subsequence((2015u16..2025).collect::<Vec<_>>(), 2..5).prop_shuffle(),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_flat_map(|(years, crlf, final_newline, blank_junk)| {
            let n = years.len();
            (
                Just(years),
                prop::collection::vec(prop::collection::vec(defects(), 1..4), n),
                Just(crlf),
                Just(final_newline),
                Just(blank_junk),
            )
        })
        .prop_map(|(years, entries, crlf, final_newline, blank_junk)| List {
            years,
            entries,
            crlf,
            final_newline,
            blank_junk,
        })
}

fn render(list: &List) -> String {
    let mut out = String::from("# Generated\n\n");
    let mut n = 0;
    for (year, entries) in list.years.iter().zip(&list.entries) {
        out.push_str(&format!("### {year}\n"));
        for d in entries {
            n += 1;
            let tag_year = match d.misplaced {
                Some(offset) => 2015 + u16::from(offset) % 10,
                None => *year,
            };
            let venue = match d.venue {
                0 => format!("ICCV {tag_year}"),
                1 => format!("arxiv {tag_year}"),
                2 => format!("NIPS {tag_year}"),
                3 => format!("ICCV{tag_year}"),
                _ => format!("MICCAI  {tag_year}"),
            };
            let bullet = ["- ", " - ", "* ", "-  "][usize::from(d.bullet)];
            let gap = if d.double_space { "  " } else { " " };
            let link_gap = if d.glued_link { "" } else { " " };
            let trailing = if d.trailing { "   " } else { "" };
            out.push_str(&format!(
                "{bullet}[**{venue}**] [**P{n}**]{gap}P{n}: Generated Paper Number {n}{link_gap}[[pdf]](https://arxiv.org/pdf/2401.{n:05}.pdf) [[code]](https://github.com/o/p{n}){trailing}\n"
            ));
        }
        if list.blank_junk {
            out.push_str("  \n");
        }
    }
    if !list.final_newline {
        out.pop();
    }
    if list.crlf {
        out.replace('\n', "\r\n")
    } else {
        out
    }
}

/// Each entry as (title with whitespace collapsed, links), sorted.
fn entries(text: &str) -> Vec<(String, Vec<String>)> {
    let doc = Document::parse(text);
    let mut found: Vec<(String, Vec<String>)> = doc
        .entries
        .iter()
        .map(|e| {
            let title = text[e.title_text()]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            let links = e
                .links
                .iter()
                .map(|l| {
                    format!(
                        "{} -> {}",
                        text[l.label.clone()].trim(),
                        l.url.as_ref().map_or("", |u| &text[u.clone()])
                    )
                })
                .collect();
            (title, links)
        })
        .collect();
    found.sort();
    found
}

fn source(text: &str) -> Source {
    Source::new("list.md", "list.md", text.to_owned())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn unsafe_fixes_reach_a_fixpoint_and_keep_every_entry(list in list()) {
        let text = render(&list);
        let settings = Settings::default();
        let fixed = fix_to_fixpoint(&source(&text), &settings, FixMode::Unsafe, Vec::new()).unwrap();
        let again = fix_to_fixpoint(&source(&fixed.text), &settings, FixMode::Unsafe, Vec::new()).unwrap();
        prop_assert!(fixed.withheld.is_empty(), "a rule offered a fix that changes an entry: {:?}", fixed.withheld);
        let (before, after) = (Structure::of(&text), Structure::of(&fixed.text));
        prop_assert_eq!(before.destinations(), after.destinations(), "the links changed");
        prop_assert_eq!(&again.text, &fixed.text, "a second pass changed something");
        prop_assert_eq!(again.fixed, 0);
        let left = lint(&source(&fixed.text), &settings).findings;
        prop_assert!(left.iter().all(|f| f.fix.is_none()), "fixable findings left: {:?}", left);
        prop_assert_eq!(entries(&text), entries(&fixed.text));
        // Line endings and the last line stay as they were.
        prop_assert_eq!(fixed.text.contains("\r\n"), list.crlf);
        // (Unless the last line is whitespace only: emptied, it leaves its
        // place to whatever line ending comes before it.)
        let last_line_blank = text.rsplit('\n').next().is_some_and(|l| l.trim().is_empty());
        if !last_line_blank {
            prop_assert_eq!(fixed.text.ends_with('\n'), list.final_newline);
        }
        if list.crlf {
            prop_assert_eq!(fixed.text.matches('\n').count(), fixed.text.matches("\r\n").count());
        }
    }

    #[test]
    fn safe_fixes_touch_only_lines_with_findings(list in list()) {
        let text = render(&list);
        let settings = Settings::default();
        let original = source(&text);
        let findings = lint(&original, &settings).findings;
        let mut touched = BTreeSet::new();
        for finding in &findings {
            let mut spans = vec![finding.span.clone()];
            spans.extend(finding.fix.iter().flat_map(|fix| fix.edits.iter().map(|e| e.span.clone())));
            for span in spans {
                for line in original.line_of(span.start)..=original.line_of(span.end.max(span.start)) {
                    touched.insert(line);
                }
            }
        }
        let fixed = fix_to_fixpoint(&original, &settings, FixMode::Safe, Vec::new()).unwrap();
        let before: Vec<&str> = text.split('\n').collect();
        let after: Vec<&str> = fixed.text.split('\n').collect();
        prop_assert_eq!(before.len(), after.len(), "safe fixes keep the line count");
        for (index, (old, new)) in before.iter().zip(&after).enumerate() {
            if !touched.contains(&(index + 1)) {
                prop_assert_eq!(old, new, "line {} had no finding but changed", index + 1);
            }
        }
        prop_assert_eq!(entries(&text), entries(&fixed.text));
        let left = lint(&source(&fixed.text), &settings).findings;
        prop_assert!(left.iter().all(|f| f.fix.as_ref().is_none_or(|fix| !fix.is_safe())), "safe fixes left: {:?}", left);
    }
}

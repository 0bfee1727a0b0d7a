//! `list-indent`: an entry whose bullet or indentation departs from a strong
//! convention of its region or of the file.

use rustc_hash::FxHashMap as HashMap;

use super::Context;
use crate::conventions::is_strong;
use crate::diagnostic::Finding;
use crate::diagnostic::{Applicability, Edit, Fix};
use crate::document::{Block, BulletKind, Entry, ListMarker};
use crate::rule::{Rule, Severity};

/// How an entry's line starts, compared between entries of one depth.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Style<'a> {
    indent: &'a str,
    kind: BulletKind,
    gap: usize,
}

impl<'a> Style<'a> {
    fn of(ctx: &Context<'a>, marker: &ListMarker) -> Self {
        Self {
            indent: ctx.text(&(marker.line_start..marker.bullet.start)),
            kind: marker.kind,
            gap: marker.gap.len(),
        }
    }

    /// The line prefix this style writes, keeping an entry's own number if both are ordered.
    fn render(&self, own_bullet: &str) -> String {
        let bullet = match self.kind {
            BulletKind::Bullet(b) => (b as char).to_string(),
            BulletKind::Ordered(delimiter) => {
                let digits: String = own_bullet
                    .chars()
                    .take_while(char::is_ascii_digit)
                    .collect();
                let digits = if digits.is_empty() {
                    "1".to_owned()
                } else {
                    digits
                };
                format!("{digits}{}", delimiter as char)
            }
        };
        format!("{}{}{}", self.indent, bullet, " ".repeat(self.gap))
    }

    /// What differs from `expected`, as a phrase: "is indented by 0 spaces where the other entries use 1".
    fn differences(&self, expected: &Style) -> String {
        let mut parts = Vec::new();
        if self.indent != expected.indent {
            parts.push(format!(
                "is indented by {} where the other entries use {}",
                width(self.indent),
                width(expected.indent)
            ));
        }
        if self.kind != expected.kind {
            parts.push(format!(
                "uses `{}` where the other entries use `{}`",
                bullet_text(self.kind),
                bullet_text(expected.kind)
            ));
        }
        if self.gap != expected.gap {
            parts.push(format!(
                "has {} after the bullet where the other entries have {}",
                spaces(self.gap),
                spaces(expected.gap)
            ));
        }
        parts.join(" and ")
    }
}

/// A bulleted or a numbered list, whatever the bullet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum BulletKindClass {
    Bulleted,
    Numbered,
}

impl BulletKindClass {
    fn of(kind: BulletKind) -> Self {
        match kind {
            BulletKind::Bullet(_) => Self::Bulleted,
            BulletKind::Ordered(_) => Self::Numbered,
        }
    }
}

fn bullet_text(kind: BulletKind) -> String {
    match kind {
        BulletKind::Bullet(b) => (b as char).to_string(),
        BulletKind::Ordered(d) => format!("1{}", d as char),
    }
}

fn width(indent: &str) -> String {
    if indent.contains('\t') {
        format!("`{}`", indent.replace('\t', "\\t"))
    } else {
        spaces(indent.len())
    }
}

fn spaces(n: usize) -> String {
    match n {
        1 => "1 space".to_owned(),
        n => format!("{n} spaces"),
    }
}

/// The style entries of one depth agree on, per region and over the file.
#[derive(Default)]
struct Tally<'a> {
    /// style → (count, first entry)
    styles: HashMap<Style<'a>, (usize, usize)>,
    total: usize,
}

impl<'a> Tally<'a> {
    fn add(&mut self, style: &Style<'a>, index: usize) {
        self.styles.entry(style.clone()).or_insert((0, index)).0 += 1;
        self.total += 1;
    }

    /// The style that is the law here, with its count: the most common one
    /// (ties to the first seen) when it is a strong convention.
    fn law(&self) -> Option<(&Style<'a>, usize)> {
        let (style, &(count, _)) = self
            .styles
            .iter()
            .max_by_key(|(_, (count, first))| (*count, std::cmp::Reverse(*first)))?;
        is_strong(count, self.total).then_some((style, count))
    }

    /// How many entries here are written in `style`.
    fn uses(&self, style: &Style<'a>) -> usize {
        self.styles.get(style).map_or(0, |&(count, _)| count)
    }

    /// Whether every entry here, three or more, is written one way: a small
    /// section with a layout of its own (`## Losses` of `  + url` items in
    /// a list of `- Name [url]`), too few for a convention, yet no slip.
    fn unanimous(&self) -> bool {
        self.total >= 3 && self.styles.len() == 1
    }
}

/// Items indented four spaces or more where no list takes them in: the
/// page shows them as a code block, and they are no entries at all.
fn entries_in_code(ctx: &Context, out: &mut Vec<Finding>) {
    for (block, items) in &ctx.doc.entries_in_code {
        let text = ctx.text(block);
        let first = text.len() - text.trim_start().len();
        let line_end = text[first..].find('\n').map_or(text.len(), |n| first + n);
        out.push(
            Finding::new(
                Rule::ListIndent,
                block.start + first..block.start + line_end,
                format!(
                    "{items} entries indented four spaces or more render as a code block: the page shows their markup, not a list"
                ),
            )
            .severity(Severity::Error)
            .label("a code block from here")
            .help("indent them as the list's other items are (a list's own `-` takes at most three spaces), or under the item they belong to"),
        );
    }
}

pub(super) fn check(ctx: &Context, out: &mut Vec<Finding>) {
    glued_bullets(ctx, out);
    entries_in_code(ctx, out);
    let entries: Vec<(usize, &Entry, &ListMarker, usize, Style)> = ctx
        .doc
        .entries
        .iter()
        .enumerate()
        .filter_map(|(i, e)| match &e.block {
            Block::Item { marker, depth, .. } if marker.plain_indent && !marker.is_glued() => {
                Some((i, e, marker, *depth, Style::of(ctx, marker)))
            }
            _ => None,
        })
        .collect();
    // A list may number one section and bullet another on purpose: a
    // region's own strong convention is its law; where the region has
    // none, the file's; where neither agrees strongly, the list mixes
    // styles and nothing is a deviation.
    let region = |entry: &Entry| (entry.section, entry.topic);
    let mut by_region: HashMap<(usize, Option<usize>, Option<usize>), Tally> = HashMap::default();
    let mut by_depth: HashMap<usize, Tally> = HashMap::default();
    for (index, entry, _, depth, style) in &entries {
        let (section, topic) = region(entry);
        by_region
            .entry((*depth, section, topic))
            .or_default()
            .add(style, *index);
        by_depth.entry(*depth).or_default().add(style, *index);
    }

    // Each list's own bullets: a numbered list and a bulleted one are two
    // kinds of list, and which a list is is the list's choice.
    let mut list_of = Vec::with_capacity(entries.len());
    let mut lists: Vec<HashMap<BulletKindClass, usize>> = Vec::new();
    let mut last: Option<&Entry> = None;
    for (_, entry, _, _, style) in &entries {
        if !last.is_some_and(|l| super::same_run(ctx, l, entry)) {
            lists.push(HashMap::default());
        }
        last = Some(entry);
        list_of.push(lists.len() - 1);
        *lists
            .last_mut()
            .expect("pushed above")
            .entry(BulletKindClass::of(style.kind))
            .or_default() += 1;
    }

    for (position, (_, entry, marker, depth, style)) in entries.iter().enumerate() {
        let (section, topic) = region(entry);
        let own = by_region.get(&(*depth, section, topic));
        if own.is_some_and(|tally| tally.law().is_none() && tally.unanimous()) {
            continue;
        }
        let law = own
            .and_then(Tally::law)
            .map(|(style, count)| (style, count, "section"))
            .or_else(|| {
                by_depth
                    .get(depth)
                    .and_then(Tally::law)
                    .map(|(style, count)| (style, count, "file"))
            });
        let Some((expected, count, scope)) = law else {
            continue;
        };
        // The one entry of its list (a tutorial's PDF among links to
        // notebooks and courses) is laid out as that list is, not as the
        // file's lists of entries elsewhere.
        let alone_in_its_list = lists[list_of[position]].values().sum::<usize>() == 1;
        if scope == "file" && alone_in_its_list && own.is_some_and(|tally| tally.total == 1) {
            continue;
        }
        // Written the way most of the file is, in a section of another way
        // (`- ` as 236 entries of the file are, under a heading whose nine
        // others write ` - `): the section's way is the odd one, the fix
        // would move the entry to the file's minority.
        if scope == "section"
            && by_depth
                .get(depth)
                .is_some_and(|file| file.uses(style) > file.uses(expected))
        {
            continue;
        }
        // The spaces after a bullet (one to four) render alike: a deviation
        // there is one no reader sees, `whitespace`'s to report if enabled.
        let same_but_gap = style.indent == expected.indent
            && style.kind == expected.kind
            && (1..=4).contains(&style.gap);
        if style == expected || same_but_gap {
            continue;
        }
        let class = BulletKindClass::of(style.kind);
        if class != BulletKindClass::of(expected.kind) {
            let own = &lists[list_of[position]];
            let in_list: usize = own.values().sum();
            if in_list >= 3 && own.get(&class) == Some(&in_list) {
                continue;
            }
        }
        let span = marker.line_start..marker.gap.end;
        let replacement = expected.render(ctx.text(&marker.bullet));
        let same_kind = matches!(
            (style.kind, expected.kind),
            (BulletKind::Bullet(_), BulletKind::Bullet(_))
                | (BulletKind::Ordered(_), BulletKind::Ordered(_))
        );
        // Lines under the bullet (a wrapped title, nested items) are placed
        // by the width of what precedes the text: changing it may re-nest them.
        let item_is_one_line = !ctx.text(&entry.item).trim_end().contains('\n');
        let (new_width, old_width) = (replacement.chars().count(), ctx.text(&span).chars().count());
        // A narrower start could take in the lines below the item (` - a`
        // then `  -` is two items; `- a` then `  -` one, whose `-` underlines
        // `a` into a heading): no fix, safe or not, would keep the entry.
        let takes_in_lines_below =
            new_width < old_width && could_take_in(ctx.source.text(), entry.item.end, new_width);
        // A line of the item indented less than its text is a lazy
        // continuation: it belongs to the item only as long as nothing else
        // claims it, and a new bullet or indent can change which list,
        // paragraph or item it ends up in. A wider start leaves the lines
        // indented less than the new text out of the item (`- a` over
        // `  - b` nests `b`; ` - a` over it makes `b` a sibling; found by
        // the fix fuzzer): no fix either, as the edit moves no other line.
        let lazy_lines = ctx
            .text(&entry.item)
            .trim_end()
            .lines()
            .skip(1)
            .any(|line| {
                let indent = line.len() - line.trim_start_matches(' ').len();
                !line.trim().is_empty()
                    && !line.starts_with('\t')
                    && indent < old_width.max(new_width)
            });
        // Another bullet joins the item to the list of that bullet next to
        // it; across a blank line, that list becomes loose (its items turn
        // into paragraphs), which a reader sees.
        // A blank line inside the item does the same: the item is loose,
        // and so is any list it joins (found by the fix fuzzer).
        let loose_inside = ctx
            .text(&entry.item)
            .trim_end()
            .lines()
            .any(|line| line.trim().is_empty());
        let rejoins_loosely = style.kind != expected.kind
            && (loose_inside
                || blank_line_in_its_lists(ctx.source.text(), marker.line_start, entry.item.end));
        let applicability =
            if same_kind && !rejoins_loosely && (item_is_one_line || new_width == old_width) {
                Applicability::Safe
            } else {
                Applicability::Unsafe
            };
        let others = format!("{count} entries of this {scope} do");
        let finding = Finding::new(
            Rule::ListIndent,
            span.clone(),
            format!("entry {}", style.differences(expected)),
        )
        // Bullets and indentation render alike: a departure from the
        // list's style, not a defect.
        .severity(Severity::Warning)
        .label("differs from the list's style")
        .help(format!("start the line with `{replacement}`, as {others}"));
        out.push(if takes_in_lines_below || lazy_lines {
            finding
        } else {
            finding.fix(Fix::new(
                vec![Edit::replace(span, replacement)],
                applicability,
            ))
        });
    }
}

/// Entries written `-[Title](url)`: with no space after the bullet there is
/// no list item, and the entries run together into one paragraph. Whatever
/// the list does elsewhere, a reader sees this; the space is what the
/// writer meant.
fn glued_bullets(ctx: &Context, out: &mut Vec<Finding>) {
    for entry in &ctx.doc.entries {
        let Block::Item { marker, .. } = &entry.block else {
            continue;
        };
        if !marker.is_glued() {
            continue;
        }
        let bullet = ctx.text(&marker.bullet);
        out.push(
            Finding::new(
                Rule::ListIndent,
                marker.bullet.clone(),
                format!("no space after the bullet `{bullet}`: the line is not a list item"),
            )
            .label("renders as text, run together with the lines around it")
            .help(format!(
                "write `{bullet} ` with a space before the entry's text"
            ))
            // Unsafe by what it does: the lines become list items, which
            // changes what renders (that is the point of it).
            .fix(Fix::new(
                vec![Edit::insert(marker.bullet.end, " ")],
                Applicability::Unsafe,
            )),
        );
    }
}

/// Whether a blank line lies between list items anywhere in the run of
/// lists around the item (from its line's start to `end`): items with
/// blank lines between them are loose, and moving an item to another
/// list by changing its bullet can make a list loose or tight, which a
/// reader sees (its items become paragraphs, or stop being ones).
fn blank_line_in_its_lists(text: &str, start: usize, end: usize) -> bool {
    const LOOK: usize = 256;
    let is_item = |line: &str| {
        let line = line.trim_start();
        line.starts_with(['-', '*', '+'])
            || line
                .find(['.', ')'])
                .is_some_and(|at| at > 0 && line[..at].bytes().all(|b| b.is_ascii_digit()))
    };
    // Lines of the lists: items, and indented lines under them.
    let in_lists = |line: &str| is_item(line) || line.starts_with([' ', '\t']);
    // A line of text right next to a list line, with no blank line between,
    // is a lazy continuation of an item (found by the fix fuzzer): the list
    // goes on past it. Read upwards, text is lazy only if a list line is
    // above it too; text under a blank line is a paragraph, ending the run.
    // Headings interrupt a paragraph, so never are one.
    let blank_between = |lines: &mut dyn Iterator<Item = &str>, upward: bool| {
        let (mut blank, mut in_text) = (false, false);
        for line in lines.take(LOOK) {
            if line.trim().is_empty() {
                if upward && in_text {
                    return false;
                }
                blank = true;
            } else if in_lists(line) {
                if blank {
                    return true;
                }
                in_text = false;
            } else if line.trim_start().starts_with('#') || (blank && !upward) {
                return false;
            } else {
                // Upwards, text over a blank line may still be a lazy line
                // of an item above it (`* a` then `text`, blank, `- b`:
                // found by the fix fuzzer); the lines above it tell.
                in_text = true;
            }
        }
        false
    };
    let above = text[..start].strip_suffix('\n').unwrap_or(&text[..start]);
    let last = text[..end].trim_end().len();
    let below = text[last..]
        .find('\n')
        .map_or("", |n| &text[last + n + 1..]);
    let mut up = above.split('\n').rev();
    let mut down = below.split('\n');
    (!above.is_empty() && blank_between(&mut up, true)) || blank_between(&mut down, false)
}

/// Whether a line below `from` (the end of a list item) could become part of
/// the item if its content started at column `width`: the first line after
/// any blank ones is indented that far (or with a tab, which is unclear).
/// Looks a bounded number of lines ahead and says yes when it cannot tell.
fn could_take_in(text: &str, from: usize, width: usize) -> bool {
    const LOOK_AHEAD: usize = 64;
    // The item's span may or may not end with its newline: start after the
    // line that holds its last character.
    let last = text[..from].trim_end().len();
    let Some(newline) = text[last..].find('\n') else {
        return false;
    };
    let below = &text[last + newline + 1..];
    for line in below.lines().take(LOOK_AHEAD) {
        if line.trim().is_empty() {
            continue;
        }
        let indent = &line[..line.len() - line.trim_start_matches([' ', '\t']).len()];
        return indent.contains('\t') || indent.len() >= width;
    }
    below.lines().nth(LOOK_AHEAD).is_some()
}

#[cfg(test)]
mod tests {
    use super::{blank_line_in_its_lists, could_take_in};

    #[test]
    fn items_a_blank_line_away() {
        let at = |text: &str| {
            let b = text.find(" - b").unwrap();
            blank_line_in_its_lists(text, b, b + 4)
        };
        assert!(at("* a\n\n - b\n* c\n"));
        assert!(!at("* a\n - b\n* c\n"));
        assert!(!at("Intro\n\n - b\n\nOutro\n"));
        assert!(at("* a\n - b\n\n1. c\n"));
        // Further away in the same run of lists: its looseness changes too.
        assert!(at(" - x\n - b\n - c\n\n - d\n"));
        assert!(at("* x\n  wrapped\n\n* y\n - b\n"));
        // A paragraph ends the run.
        assert!(!at("* x\n\n* y\n\nText\n - b\n"));
        // A lazy line does not end it, above or below.
        assert!(at("* x\n\n* y\nlazy\n - b\n"));
        assert!(at(" - b\nlazy\n\n* c\n"));
        assert!(!at(" - b\n\nText\n\n* c\n"));
    }

    #[test]
    fn lines_below_an_item_that_a_narrower_start_would_take_in() {
        let item = " - [**ICCV 2023**] A";
        // The next entry, at the old width or less, stays apart.
        assert!(!could_take_in(
            &format!("{item}\n - [**B 2023**] B\n"),
            item.len(),
            2
        ));
        assert!(!could_take_in(&format!("{item}\n\n- x"), item.len() + 1, 2));
        assert!(!could_take_in(item, item.len(), 2));
        // Indented as far as the new start, after blank lines or not: taken in.
        assert!(could_take_in(&format!("{item}\n  -"), item.len(), 2));
        assert!(could_take_in(
            &format!("{item}\n\n   text\n"),
            item.len() + 1,
            2
        ));
        assert!(could_take_in(&format!("{item}\n\tx"), item.len(), 2));
    }
}

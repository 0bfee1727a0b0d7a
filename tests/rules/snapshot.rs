//! Snapshot files: what a test renders, kept beside its fixture and
//! compared byte for byte.

use std::fmt::Write as _;
use std::fs;
use std::path::Path;

/// Compares `actual` with the snapshot at `path` (or writes it, with
/// `AWESOME_LINT_BLESS` set); a difference fails with a diff.
pub fn assert_snapshot(path: &Path, actual: &str) {
    if std::env::var_os("AWESOME_LINT_BLESS").is_some() {
        fs::write(path, actual).unwrap();
        return;
    }
    let expected = fs::read_to_string(path).unwrap_or_else(|_| {
        panic!(
            "missing snapshot {}: write it with AWESOME_LINT_BLESS=1 cargo test --test rules",
            path.display()
        )
    });
    if expected != actual {
        let diff = similar::TextDiff::from_lines(&expected, actual)
            .unified_diff()
            .context_radius(2)
            .header("snapshot", "now")
            .to_string();
        panic!(
            "{} differs from what the rule does now (AWESOME_LINT_BLESS=1 writes it anew):\n{diff}",
            path.display()
        );
    }
}

/// A line of the list as a snapshot shows it: tabs and other control
/// characters spelled out, trailing spaces marked (`·`), so that the
/// whitespace a rule is about survives editors and review tools.
pub fn show(line: &str) -> String {
    let kept = line.trim_end_matches(' ');
    let mut out = String::with_capacity(line.len());
    for c in kept.chars() {
        match c {
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => write!(out, "\\u{{{:x}}}", c as u32).unwrap(),
            c => out.push(c),
        }
    }
    for _ in kept.len()..line.len() {
        out.push('·');
    }
    out
}

/// The lines `new` changes of `old`, each prefixed `-` or `+` and indented
/// by `indent`, with `context` unchanged lines around each change
/// (`@@ -a,b +c,d @@` heads each group, unless there is one group and no
/// context: a change of one place).
pub fn changes(old: &str, new: &str, context: usize, indent: &str) -> String {
    let diff = similar::TextDiff::from_lines(old, new);
    let mut out = String::new();
    let groups = diff.grouped_ops(context);
    let headed = context > 0 || groups.len() > 1;
    for group in groups {
        if headed {
            let (first, last) = (&group[0], &group[group.len() - 1]);
            let old_range = first.old_range().start..last.old_range().end;
            let new_range = first.new_range().start..last.new_range().end;
            writeln!(
                out,
                "{indent}@@ -{},{} +{},{} @@",
                old_range.start + 1,
                old_range.len(),
                new_range.start + 1,
                new_range.len()
            )
            .unwrap();
        }
        for op in &group {
            for change in diff.iter_changes(op) {
                let sign = match change.tag() {
                    similar::ChangeTag::Delete => '-',
                    similar::ChangeTag::Insert => '+',
                    similar::ChangeTag::Equal => ' ',
                };
                let line = change.value();
                let line = line.strip_suffix('\n').unwrap_or(line);
                let line = line.strip_suffix('\r').unwrap_or(line);
                // No trailing space where the line is empty.
                let written = format!("{indent}{sign} {}", show(line));
                writeln!(out, "{}", written.trim_end()).unwrap();
            }
        }
    }
    out
}

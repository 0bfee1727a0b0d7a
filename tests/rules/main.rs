//! Rules specified by their fixtures and their documentation.
//!
//! - `offline`: each document rule runs alone on its fixtures
//!   (`fixtures/rules/<rule>/*.md`); a snapshot beside each fixture holds
//!   every finding (line, column, message, help, related places) with the
//!   change its own fix makes, and the text after `--fix` and after
//!   `--fix --unsafe-fixes`, applied to a fixpoint.
//! - `online`: each link and metadata rule runs alone, through the binary,
//!   on its fixtures against a web of loopback servers that answer as the
//!   real hosts and services would; its snapshot holds the same.
//! - `docs`: every rule's documented example runs: the bad one must fire,
//!   the one to use instead must not.
//! - `shapes`: the shape fixtures and the well-formed lists, every rule on.
//!
//! After an intended change, write the snapshots anew with
//! `AWESOME_LINT_BLESS=1 cargo test --test rules` and review the diff: the
//! snapshots are the specification.

#[path = "../support/mod.rs"]
mod support;

mod docs;
mod offline;
mod online;
mod shapes;
mod snapshot;

use awesome_lint::Rule;

/// Runs `rule` alone on one of its fixtures with `render` (the rule's
/// name, the fixture's name, its text: what the rule does there), checks
/// that `bad.md` makes it find something and `ok.md` nothing, and compares
/// the snapshot beside the fixture.
fn check_fixture(rule: Rule, fixture: &str, render: fn(Rule, &str, &str) -> String) {
    let path = offline::fixtures()
        .join("rules")
        .join(rule.name())
        .join(fixture);
    let text =
        std::fs::read_to_string(&path).unwrap_or_else(|err| panic!("{}: {err}", path.display()));
    let rendered = render(rule, &format!("{}/{fixture}", rule.name()), &text);
    let nothing = rendered.contains("\nno findings\n");
    match fixture {
        "ok.md" => assert!(nothing, "{rule} must find nothing in ok.md:\n{rendered}"),
        _ => assert!(!nothing, "{rule} must find something in {fixture}"),
    }
    snapshot::assert_snapshot(&path.with_extension("snap"), &rendered);
}

/// A test per fixture (`bad.md`, `ok.md`) of each rule, rendered by
/// `$render`, and `COVERED`: the rules they run.
macro_rules! rule_fixtures {
    ($render:path; $($name:ident => $rule:expr),* $(,)?) => {
        $(
            mod $name {
                use super::*;
                #[test]
                fn bad() {
                    crate::check_fixture($rule, "bad.md", $render);
                }
                #[test]
                fn ok() {
                    crate::check_fixture($rule, "ok.md", $render);
                }
            }
        )*
        /// The rules the tests above run.
        pub const COVERED: &[Rule] = &[$($rule),*];
    };
}
use rule_fixtures;

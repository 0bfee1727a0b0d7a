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

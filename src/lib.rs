//! awesome-lint: a linter and CI checker for awesome lists of research papers.
//!
//! Data flows one way: text ([`Source`]) → [`Document`] → [`Finding`]s
//! ([`lint`]) → fixes ([`fix_to_fixpoint`]) or link results → reports
//! ([`report`]). The library never prints: [`run`] writes to the writers
//! it is given.
//!
//! The surface is what the binary, the tests, the fuzz targets and the
//! benchmarks use; everything else is the crate's own (`pub(crate)`), and
//! `tests/layers.rs` keeps the modules in their layers.

#![warn(clippy::print_stdout, clippy::print_stderr)]
#![warn(unreachable_pub)]

mod add;
mod changes;
mod cli;
mod commands;
mod config;
mod conventions;
mod diagnostic;
mod document;
mod files;
mod fix;
mod identity;
mod label;
mod link;
mod links;
mod lint;
mod paper;
pub mod report;
mod rule;
mod rules;
mod source;
mod suppress;
mod url;
mod venue;
mod vocabulary;

// The command line.
pub use cli::{Cli, is_subcommand};
pub use commands::{ExitStatus, Output, run};
pub use link::Accept;
pub use links::{NoProgress, Progress};

// Linting and fixing a source.
pub use config::Settings;
pub use diagnostic::{Applicability, Edit, Finding, Fix, Related};
pub use fix::{FixMode, unified_diff};
pub use lint::{FixError, Fixed, Linted, MAX_PASSES, Withheld, fix_to_fixpoint, lint};
pub use rule::{Fixable, RULES, Rule, RuleInfo, Severity};
pub use source::{Source, SourceError, Span};

// The document model, and the rendered structure fixes must keep.
pub use document::structure::Structure;
pub use document::{Document, Shape, markdown_options};

//! awesome-lint: a linter and CI checker for awesome lists of research papers.
//!
//! Data flows one way: text ([`source::Source`]) → [`document::Document`] →
//! [`finding::Finding`]s ([`rules`], [`lint::lint`]) → reports ([`report`]).
//! The library never prints: [`commands::run`] writes to the writers it is given.

#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod changes;
pub mod cli;
pub mod commands;
pub mod config;
pub mod conventions;
pub mod diagnostic;
pub mod document;
pub mod files;
pub mod fix;
pub mod identity;
pub mod label;
pub mod link;
pub mod links;
pub mod lint;
pub mod paper;
pub mod report;
pub mod rule;
pub mod rules;
pub mod source;
pub mod suppress;
pub mod url;
pub mod venue;

pub use commands::{ExitStatus, Output, run};

//! The command line, as clap definitions only.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::report::ColorChoice;

/// A linter and CI checker for awesome lists of research papers.
#[derive(Debug, Parser)]
#[command(
    name = "awesome-lint",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    #[command(flatten)]
    pub lint: LintArgs,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the parsed entries of a file.
    Entries(EntriesArgs),
    /// List the rules: name, default severity, fixable, summary.
    Rules,
    /// Print a rule's documentation.
    Explain {
        /// The rule's name, as `awesome-lint rules` lists it.
        rule: String,
    },
}

/// Options of the lint command (the default command).
#[derive(Debug, Args, Default)]
pub struct LintArgs {
    /// Markdown files to lint.
    #[arg(value_name = "FILE", default_value = "README.md")]
    pub files: Vec<PathBuf>,

    /// No network: rules only. (Link checking is not built yet: runs are always offline.)
    #[arg(long)]
    pub offline: bool,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,

    #[command(flatten)]
    pub config: ConfigArgs,

    /// Color output: auto honours NO_COLOR, CLICOLOR and FORCE_COLOR.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    /// Exit 1 on warnings too.
    #[arg(long)]
    pub deny_warnings: bool,

    /// Findings only: no summary line.
    #[arg(short, long)]
    pub quiet: bool,
}

/// Where settings come from.
#[derive(Debug, Args, Default, Clone)]
pub struct ConfigArgs {
    /// Config file (default: the nearest .awesome-lint.toml upward from each file,
    /// stopping at the repository root).
    #[arg(long, value_name = "PATH", conflicts_with = "no_config")]
    pub config: Option<PathBuf>,

    /// Ignore config files: built-in defaults only.
    #[arg(long)]
    pub no_config: bool,
}

#[derive(Debug, Args)]
pub struct EntriesArgs {
    /// The markdown file to read.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,

    /// Output format.
    #[arg(long, value_enum, default_value_t = EntriesFormat::Json)]
    pub format: EntriesFormat,

    #[command(flatten)]
    pub config: ConfigArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum Format {
    /// miette diagnostics with source snippets.
    #[default]
    Text,
    /// One JSON document.
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EntriesFormat {
    Json,
    Csv,
}

//! Running a parsed command line: each command reads files, calls the
//! library, and writes to the output it is given. Nothing here prints.

mod add;
mod entries;
mod explain;
mod init;
mod lint;
mod rules;

use std::collections::HashMap;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use miette::{Diagnostic, GraphicalReportHandler, GraphicalTheme};

use crate::cli::{Cli, Command, ConfigArgs};
use crate::config::{self, ConfigError, Settings};
use crate::rule::Rule;

/// How a run ended, as the process exit status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitStatus {
    /// No error-severity findings.
    Success = 0,
    /// Error findings, or warnings with `--deny-warnings`.
    Failure = 1,
    /// Could not run: bad usage, unreadable file, bad config.
    Error = 2,
}

/// Where a run writes, and what it knows of its terminal and environment.
pub struct Output<'a> {
    /// What `-` reads.
    pub stdin: &'a mut dyn std::io::Read,
    pub stdout: &'a mut dyn Write,
    pub stderr: &'a mut dyn Write,
    pub stdout_is_terminal: bool,
    pub stderr_is_terminal: bool,
    pub env: &'a dyn Fn(&str) -> Option<String>,
    /// Where link-checking progress goes (a bar on a terminal, or nowhere).
    pub progress: &'a dyn crate::links::Progress,
}

impl Output<'_> {
    /// Renders an error diagnostic to stderr.
    fn error(&mut self, diagnostic: &dyn Diagnostic) {
        let color = crate::report::use_color(
            crate::report::ColorChoice::Auto,
            self.stderr_is_terminal,
            self.env,
        );
        let theme = if color {
            GraphicalTheme::unicode()
        } else {
            GraphicalTheme::unicode_nocolor()
        };
        let mut text = String::new();
        let handler = GraphicalReportHandler::new_themed(theme).with_links(false);
        if handler.render_report(&mut text, diagnostic).is_err() {
            text = format!("error: {diagnostic}\n");
        }
        // Nothing sensible is left to do if stderr itself is gone.
        let _ = self.stderr.write_all(text.as_bytes());
    }

    fn warn(&mut self, message: &str) {
        let _ = writeln!(self.stderr, "warning: {message}");
    }
}

/// Runs a command line to completion.
pub fn run(cli: Cli, output: &mut Output) -> ExitStatus {
    let result = match cli.command {
        Some(Command::Add(args)) => add::run(&args, output),
        Some(Command::Entries(args)) => entries::run(&args, output),
        Some(Command::Init(args)) => init::run(&args, output),
        Some(Command::Rules) => rules::run(output),
        Some(Command::Explain { rule }) => explain::run(&rule, output),
        None => lint::run(&cli.lint, output),
    };
    match result {
        Ok(status) => status,
        // The reader went away (`awesome-lint | head`): not our failure.
        Err(err) if err.kind() == io::ErrorKind::BrokenPipe => ExitStatus::Success,
        Err(err) => {
            let _ = writeln!(output.stderr, "error: cannot write output: {err}");
            ExitStatus::Error
        }
    }
}

/// Settings per file: one `--config`, none, or discovered and cached per config file.
struct SettingsResolver {
    fixed: Option<Arc<Settings>>,
    discovered: HashMap<PathBuf, Arc<Settings>>,
    defaults: Arc<Settings>,
    /// `--select` and `--ignore`: over every config, for this run.
    select: Vec<Rule>,
    ignore: Vec<Rule>,
}

impl SettingsResolver {
    fn new(args: &ConfigArgs) -> Result<Self, ConfigError> {
        let fixed = match (&args.config, args.no_config) {
            (Some(path), _) => Some(Arc::new(Settings::load(path)?)),
            (None, true) => Some(Arc::new(Settings::default())),
            (None, false) => None,
        };
        Ok(Self {
            fixed,
            discovered: HashMap::new(),
            defaults: Arc::new(Settings::default()),
            select: Vec::new(),
            ignore: Vec::new(),
        })
    }

    /// Rules added to and taken from every file's settings; a rule in both is off.
    fn with_rules(mut self, select: &[Rule], ignore: &[Rule]) -> Self {
        self.select = select.to_vec();
        self.ignore = ignore.to_vec();
        if let Some(fixed) = self.fixed.take() {
            self.fixed = Some(self.adjust(fixed));
        }
        self.defaults = self.adjust(Arc::clone(&self.defaults));
        self
    }

    fn adjust(&self, settings: Arc<Settings>) -> Arc<Settings> {
        if self.select.is_empty() && self.ignore.is_empty() {
            return settings;
        }
        let mut settings = Arc::unwrap_or_clone(settings);
        for &rule in &self.select {
            settings.select(rule);
        }
        for &rule in &self.ignore {
            settings.ignore(rule);
        }
        Arc::new(settings)
    }

    fn for_file(&mut self, file: &Path) -> Result<Arc<Settings>, ConfigError> {
        if let Some(fixed) = &self.fixed {
            return Ok(Arc::clone(fixed));
        }
        let Some(path) = config::discover(file) else {
            return Ok(Arc::clone(&self.defaults));
        };
        if let Some(settings) = self.discovered.get(&path) {
            return Ok(Arc::clone(settings));
        }
        let settings = self.adjust(Arc::new(Settings::load(&path)?));
        self.discovered.insert(path, Arc::clone(&settings));
        Ok(settings)
    }
}

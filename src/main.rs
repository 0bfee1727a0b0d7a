//! The `awesome-lint` binary: parse arguments, run, exit 0, 1 or 2.

use std::io::{BufWriter, IsTerminal, Write};
use std::process::ExitCode;

use awesome_lint::{Cli, NoProgress, Output, Progress, run};
use clap::Parser;
use indicatif::{ProgressBar, ProgressStyle};

/// The link-checking progress bar, drawn on stderr.
struct Bar(ProgressBar);

impl Progress for Bar {
    fn start(&self, total: usize) {
        self.0.set_length(total as u64);
    }

    fn advance(&self) {
        self.0.inc(1);
    }

    fn finish(&self) {
        self.0.finish_and_clear();
    }
}

fn main() -> ExitCode {
    let mut argv: Vec<std::ffi::OsString> = std::env::args_os().collect();
    // More arguments from the environment, split as a shell would (quotes
    // honoured): how the GitHub Action passes its `args` input, which no
    // shell splits for it. They come first, so that a `--` on the command
    // line still ends the options. They are the lint's: another command
    // (`awesome-lint rules`, `explain`, `init`, `entries`) ignores them.
    let subcommand = argv
        .get(1)
        .and_then(|arg| arg.to_str())
        .is_some_and(awesome_lint::is_subcommand);
    if let Some(extra) = std::env::var_os("AWESOME_LINT_ARGS").filter(|_| !subcommand) {
        match extra.to_str().map(shell_words::split) {
            Some(Ok(words)) => {
                let at = argv.len().min(1);
                argv.splice(at..at, words.into_iter().map(Into::into));
            }
            Some(Err(err)) => return usage_error(&format!("AWESOME_LINT_ARGS: {err}")),
            None => return usage_error("AWESOME_LINT_ARGS is not valid UTF-8"),
        }
    }
    // clap exits 2 itself on usage errors.
    let cli = Cli::parse_from(argv);
    let stdout = std::io::stdout();
    let stderr = std::io::stderr();
    let stdout_is_terminal = stdout.is_terminal();
    let stderr_is_terminal = stderr.is_terminal();
    let mut out = BufWriter::new(stdout.lock());
    let mut err = stderr.lock();
    let env = |name: &str| std::env::var(name).ok();
    // A bar only for a person watching: not in CI, not when quiet or piped.
    let show_bar =
        stderr_is_terminal && env("CI").is_none() && !cli.lint.quiet && cli.command.is_none();
    let bar;
    let progress: &dyn Progress = if show_bar {
        let style = ProgressStyle::with_template(
            "{spinner} checking links {pos}/{len} [{bar:30}] {elapsed}",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        .progress_chars("=> ");
        bar = Bar(ProgressBar::new(0).with_style(style));
        &bar
    } else {
        &NoProgress
    };
    let status = run(
        cli,
        &mut Output {
            stdin: &mut std::io::stdin().lock(),
            stdout: &mut out,
            stderr: &mut err,
            stdout_is_terminal,
            stderr_is_terminal,
            env: &env,
            progress,
        },
    );
    // A closed pipe at the final flush is as harmless as one during the run.
    let _ = out.flush();
    ExitCode::from(status as u8)
}

fn usage_error(message: &str) -> ExitCode {
    eprintln!("error: {message}");
    ExitCode::from(2)
}

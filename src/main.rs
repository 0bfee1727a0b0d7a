//! The `awesome-lint` binary: parse arguments, run, exit 0, 1 or 2.

use std::io::{BufWriter, IsTerminal, Write};
use std::process::ExitCode;

use awesome_lint::cli::Cli;
use awesome_lint::{Output, run};
use clap::Parser;

fn main() -> ExitCode {
    // clap exits 2 itself on usage errors.
    let cli = Cli::parse();
    let stdout = std::io::stdout();
    let stderr = std::io::stderr();
    let stdout_is_terminal = stdout.is_terminal();
    let stderr_is_terminal = stderr.is_terminal();
    let mut out = BufWriter::new(stdout.lock());
    let mut err = stderr.lock();
    let env = |name: &str| std::env::var(name).ok();
    let status = run(
        cli,
        &mut Output {
            stdout: &mut out,
            stderr: &mut err,
            stdout_is_terminal,
            stderr_is_terminal,
            env: &env,
        },
    );
    // A closed pipe at the final flush is as harmless as one during the run.
    let _ = out.flush();
    ExitCode::from(status as u8)
}

//! The lint command: every file, its settings, the rules, one report.

use std::io;

use super::{ExitStatus, Output, SettingsResolver};
use crate::cli::{Format, LintArgs};
use crate::lint::lint;
use crate::report::text::{self, TextOptions};
use crate::report::{self, FileReport, Summary};
use crate::source::Source;

pub(super) fn run(args: &LintArgs, output: &mut Output) -> io::Result<ExitStatus> {
    let mut resolver = match SettingsResolver::new(&args.config) {
        Ok(resolver) => resolver,
        Err(err) => {
            output.error(&err);
            return Ok(ExitStatus::Error);
        }
    };
    let mut could_not_run = false;
    let mut reports = Vec::new();
    for file in &args.files {
        let source = match Source::read(file) {
            Ok(source) => source,
            Err(err) => {
                output.error(&err);
                could_not_run = true;
                continue;
            }
        };
        let settings = match resolver.for_file(file) {
            Ok(settings) => settings,
            // A broken config breaks every file under it: stop here.
            Err(err) => {
                output.error(&err);
                return Ok(ExitStatus::Error);
            }
        };
        let linted = lint(&source, settings);
        for notice in &linted.notices {
            let at = source.position(notice.span.start);
            output.warn(&format!(
                "{}:{}:{}: {}",
                source.name(),
                at.line,
                at.column,
                notice.message
            ));
        }
        reports.push(FileReport {
            source,
            findings: linted.findings,
            entries: linted.entries,
        });
    }
    reports.sort_by(|a, b| a.source.name().cmp(b.source.name()));
    let summary = Summary::of(&reports);

    match args.format {
        Format::Text => {
            let options = TextOptions {
                color: report::use_color(args.color, output.stdout_is_terminal, output.env),
                width: (output.env)("COLUMNS")
                    .and_then(|c| c.parse().ok())
                    .filter(|&w: &usize| w >= 40)
                    .unwrap_or(100),
            };
            text::render(&reports, &options, output.stdout)?;
            if !args.quiet {
                writeln!(output.stdout, "{}", text::summary_line(&summary))?;
            }
        }
        Format::Json => report::json::render(&reports, &summary, output.stdout)?,
    }

    Ok(if could_not_run {
        ExitStatus::Error
    } else if summary.errors > 0 || (args.deny_warnings && summary.warnings > 0) {
        ExitStatus::Failure
    } else {
        ExitStatus::Success
    })
}

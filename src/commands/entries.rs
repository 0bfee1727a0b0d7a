//! `awesome-lint entries FILE`: the parsed entries.

use std::io;

use super::{ExitStatus, Output, SettingsResolver};
use crate::cli::{EntriesArgs, EntriesFormat};
use crate::document::Document;
use crate::report::entries;
use crate::source::Source;

pub(super) fn run(args: &EntriesArgs, output: &mut Output) -> io::Result<ExitStatus> {
    let source = match Source::read(&args.file) {
        Ok(source) => source,
        Err(err) => {
            output.error(&err);
            return Ok(ExitStatus::Error);
        }
    };
    let settings =
        match SettingsResolver::new(&args.config).and_then(|mut r| r.for_file(&args.file)) {
            Ok(settings) => settings,
            Err(err) => {
                output.error(&err);
                return Ok(ExitStatus::Error);
            }
        };
    let doc = Document::parse_with(source.text(), settings.parse_options());
    match args.format {
        EntriesFormat::Json => entries::render_json(&source, &doc, &settings, output.stdout)?,
        EntriesFormat::Csv => {
            // CSV has no place for them: the shapes go to stderr, for people.
            entries::render_shapes(&doc, output.stderr)?;
            entries::render_csv(&source, &doc, &settings, output.stdout)?
        }
    }
    Ok(ExitStatus::Success)
}

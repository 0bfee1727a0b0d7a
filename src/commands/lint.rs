//! The lint command: every file, its settings, the rules, the links, one report.

use std::collections::HashMap;
use std::io::{self, Write};
use std::sync::Arc;
use std::time::Duration;

use reqwest::Url;

use super::{ExitStatus, Output, SettingsResolver};
use crate::changes::{self, ChangedLines};
use crate::cli::{Format, LinkArgs, LintArgs};
use crate::config::{LinkSettings, Settings};
use crate::links::{self, Cache, Expect, LinkError, LinkOptions, Secret};
use crate::lint::{Linted, lint};
use crate::report::text::{self, TextOptions};
use crate::report::{self, FileReport, LinkSummary, Summary};
use crate::source::Source;

/// One file on its way through the run.
struct File {
    source: Source,
    settings: Arc<Settings>,
    linted: Linted,
    /// With `--changed-since`: the lines that count.
    changed: Option<ChangedLines>,
}

impl File {
    fn is_changed(&self, offset: usize) -> bool {
        self.changed
            .as_ref()
            .is_none_or(|changed| changed.contains(self.source.line_of(offset)))
    }

    /// Keeps the findings on changed lines; a finding that relates two places
    /// (a duplicate and its first copy, an entry and its section) stays when
    /// either place changed.
    fn keep_changed(&mut self) {
        if self.changed.is_none() {
            return;
        }
        let findings = std::mem::take(&mut self.linted.findings);
        self.linted.findings = findings
            .into_iter()
            .filter(|f| {
                self.is_changed(f.span.start)
                    || f.related.iter().any(|r| self.is_changed(r.span.start))
            })
            .collect();
    }
}

pub(super) fn run(args: &LintArgs, output: &mut Output) -> io::Result<ExitStatus> {
    let mut resolver = match SettingsResolver::new(&args.config) {
        Ok(resolver) => resolver,
        Err(err) => {
            output.error(&err);
            return Ok(ExitStatus::Error);
        }
    };
    if args.changed_since.is_some()
        && let Err(err) = changes::check_git()
    {
        output.error(&err);
        return Ok(ExitStatus::Error);
    }
    let mut could_not_run = false;
    let mut files = Vec::new();
    for path in &args.files {
        let source = match Source::read(path) {
            Ok(source) => source,
            Err(err) => {
                output.error(&err);
                could_not_run = true;
                continue;
            }
        };
        let settings = match resolver.for_file(path) {
            Ok(settings) => settings,
            // A broken config breaks every file under it: stop here.
            Err(err) => {
                output.error(&err);
                return Ok(ExitStatus::Error);
            }
        };
        let changed = match &args.changed_since {
            Some(rev) => match changes::changed_lines(path, rev) {
                Ok(changed) => Some(changed),
                Err(err) => {
                    output.error(&err);
                    return Ok(ExitStatus::Error);
                }
            },
            None => None,
        };
        let linted = lint(&source, &settings);
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
        let mut file = File {
            source,
            settings,
            linted,
            changed,
        };
        file.keep_changed();
        files.push(file);
    }

    let mut link_summary = None;
    if !args.offline && !files.is_empty() {
        match check_links(&mut files, &args.links, output) {
            Ok(summary) => link_summary = Some(summary),
            Err(err) => {
                output.error(&err);
                return Ok(ExitStatus::Error);
            }
        }
    }

    let mut reports: Vec<FileReport> = files
        .into_iter()
        .map(|file| FileReport {
            entries: file.linted.entries(),
            findings: file.linted.findings,
            source: file.source,
        })
        .collect();
    reports.sort_by(|a, b| a.source.name().cmp(b.source.name()));
    let summary = Summary::of(&reports, link_summary);

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
            // Nothing was read: the errors above say it all.
            if !args.quiet && !reports.is_empty() {
                writeln!(output.stdout, "{}", text::summary_line(&summary))?;
            }
        }
        Format::Json => report::json::render(&reports, &summary, output.stdout)?,
        Format::Github => {
            report::github::render(&reports, output.stdout)?;
            if let Some(path) = (output.env)("GITHUB_STEP_SUMMARY").filter(|p| !p.is_empty())
                && let Err(err) =
                    append(&path, &report::github::summary_markdown(&reports, &summary))
            {
                output.warn(&format!(
                    "could not write the job summary to `{path}`: {err}"
                ));
            }
        }
        Format::Sarif => report::sarif::render(&reports, output.stdout)?,
    }

    Ok(if could_not_run {
        ExitStatus::Error
    } else if summary.errors > 0 || (args.deny_warnings && summary.warnings > 0) {
        ExitStatus::Failure
    } else {
        ExitStatus::Success
    })
}

/// Checks the links of every file at once (each distinct URL once), and adds
/// the findings to each file.
fn check_links(
    files: &mut [File],
    args: &LinkArgs,
    output: &mut Output,
) -> Result<LinkSummary, LinkError> {
    // Run-wide settings (limits, cache, API) come from the first file's config.
    let settings = Arc::clone(&files[0].settings);
    let options = link_options(&settings.links, args)?;

    let mut occurrences = Vec::with_capacity(files.len());
    let mut wanted: HashMap<String, Expect> = HashMap::new();
    for file in files.iter() {
        let found: Vec<links::Occurrence> =
            links::occurrences(&file.source, &file.linted.doc, &file.settings)
                .into_iter()
                .filter(|o| !args.exclude.iter().any(|re| re.is_match(&o.url)))
                // With --changed-since, only the links on changed lines.
                .filter(|o| file.is_changed(o.span.start))
                .collect();
        for occurrence in &found {
            let expect = wanted
                .entry(occurrence.url.clone())
                .or_insert(Expect::Resolve);
            *expect = (*expect).max(occurrence.expect());
        }
        occurrences.push(found);
    }

    let mut cache = if args.no_cache {
        None
    } else {
        let path = args
            .cache
            .clone()
            .unwrap_or_else(|| settings.links.cache.clone());
        let (cache, warning) = Cache::load(&path, settings.links.cache_max_age);
        if let Some(warning) = warning {
            output.warn(&warning);
        }
        Some(cache)
    };
    let checked = links::check(&wanted, &options, cache.as_mut(), output.progress)?;
    if let Some(cache) = &cache
        && let Err(err) = cache.save()
    {
        output.warn(&format!("could not write the link cache: {err}"));
    }

    for (file, found) in files.iter_mut().zip(occurrences) {
        let text = file.source.text();
        let mut new = Vec::new();
        for occurrence in &found {
            let Some(result) = checked.results.get(&occurrence.url) else {
                continue;
            };
            let written = occurrence.url_span.clone().map(|span| &text[span]);
            new.extend(links::findings(occurrence, result, written));
        }
        file.linted.add(&file.source, &file.settings, new);
    }
    Ok(LinkSummary {
        checked: wanted.len(),
        cached: checked.cached,
        elapsed: checked.elapsed,
    })
}

/// Appends to a file (the job summary, which other steps write too).
fn append(path: &str, text: &str) -> io::Result<()> {
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)?;
    file.write_all(text.as_bytes())
}

/// The config's `[links]` with the command line's overrides.
fn link_options(config: &LinkSettings, args: &LinkArgs) -> Result<LinkOptions, LinkError> {
    let api = args.github_api_url.as_deref().unwrap_or(&config.github_api);
    let api = if api.ends_with('/') {
        api.to_owned()
    } else {
        format!("{api}/")
    };
    let github_api = Url::parse(&api)
        .map_err(|err| LinkError::Setup(format!("invalid GitHub API URL `{api}`: {err}")))?;
    Ok(LinkOptions {
        timeout: args.timeout.map_or(config.timeout, Duration::from_secs_f64),
        max_concurrency: args
            .max_concurrency
            .map_or(config.max_concurrency, |n| n as usize),
        host_concurrency: args
            .host_concurrency
            .map_or(config.host_concurrency, |n| n as usize),
        max_retries: args.max_retries.unwrap_or(config.max_retries),
        allow_private: args.allow_private || config.allow_private,
        github_token: args
            .github_token
            .clone()
            .filter(|t| !t.is_empty())
            .map(Secret::new),
        github_api,
    })
}

//! The lint command, in phases: read and lint every file; check the links of
//! all files at once; apply fixes (or print their diff); report.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use reqwest::Url;

use super::{ExitStatus, Output, SettingsResolver};
use crate::changes::{self, ChangedLines, ChangesError};
use crate::cli::{Format, LinkArgs, LintArgs, ReportFormat};
use crate::config::{LinkSettings, MetadataSettings, Settings};
use crate::diagnostic::Finding;
use crate::fix::{self, FixMode};
use crate::link::{Expect, LinkResult, Occurrence, Status};
use crate::links::{self, Cache, LinkError, LinkOptions, Secret, Services};
use crate::lint::{Linted, lint};
use crate::paper::{Answer, PaperId};
use crate::report::failure::Failure;
use crate::report::text::{self, TextOptions};
use crate::report::{self, FileReport, LinkSummary, Summary, plural};
use crate::rule::Rule;
use crate::rules::{title_mismatch, venue_update};
use crate::source::{Source, SourceError};

/// One file on its way through the run.
struct File {
    source: Source,
    settings: Arc<Settings>,
    linted: Linted,
    /// With `--changed-since`: the lines that count.
    changed: Option<ChangedLines>,
    /// Its links to check, found once.
    occurrences: Option<Vec<Occurrence>>,
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

    /// The http(s) links to check (not excluded, on changed lines), found once.
    fn occurrences(&mut self, args: &LinkArgs) -> &[Occurrence] {
        if self.occurrences.is_none() {
            let found = links::occurrences(
                &self.source,
                &self.linted.doc,
                &self.settings,
                &args.exclude,
            )
            .into_iter()
            .filter(|o| self.is_changed(o.span.start))
            .collect();
            self.occurrences = Some(found);
        }
        self.occurrences.as_deref().unwrap_or_default()
    }

    /// The papers the services are asked about: those whose titles
    /// `title-mismatch` compares, and the preprints `venue-update` looks
    /// up; on changed lines, and not linked by an excluded URL (nothing is
    /// asked about those).
    fn papers(&self, args: &LinkArgs) -> Vec<PaperId> {
        let text = self.source.text();
        let excluded = |url: &str| {
            args.exclude
                .iter()
                .chain(&self.settings.links.exclude)
                .any(|pattern| pattern.is_match(url))
        };
        let mut papers = Vec::new();
        if self.settings.is_enabled(Rule::TitleMismatch) {
            papers.extend(title_mismatch::papers(text, &self.linted.doc));
        }
        if self.settings.is_enabled(Rule::VenueUpdate) {
            papers.extend(venue_update::papers(
                text,
                &self.linted.doc,
                &self.settings.venues,
            ));
        }
        let mut ids: Vec<PaperId> = papers
            .into_iter()
            .filter(|(_, span)| self.is_changed(span.start) && !excluded(&text[span.clone()]))
            .map(|(id, _)| id)
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }

    /// The preprints `venue-update` asks a batch service about: those on
    /// changed lines whose arXiv record names no publication.
    fn unpublished(&self, args: &LinkArgs, answers: &HashMap<PaperId, Answer>) -> Vec<PaperId> {
        if !self.settings.is_enabled(Rule::VenueUpdate) {
            return Vec::new();
        }
        let text = self.source.text();
        venue_update::unpublished(text, &self.linted.doc, &self.settings.venues, answers)
            .into_iter()
            .filter(|(_, span)| {
                self.is_changed(span.start) && !self.excluded(args, &text[span.clone()])
            })
            .map(|(id, _)| id)
            .collect()
    }

    /// Whether `--exclude` or the config's `exclude` leaves `url` out.
    fn excluded(&self, args: &LinkArgs, url: &str) -> bool {
        args.exclude
            .iter()
            .chain(&self.settings.links.exclude)
            .any(|pattern| pattern.is_match(url))
    }

    /// Adds the `title-mismatch` findings from what the services said.
    fn add_paper_findings(&mut self, answers: &HashMap<PaperId, Answer>) {
        let mut found = Vec::new();
        if self.settings.is_enabled(Rule::TitleMismatch) {
            found.extend(title_mismatch::findings(
                &self.source,
                &self.linted.doc,
                answers,
            ));
        }
        if self.settings.is_enabled(Rule::VenueUpdate) {
            found.extend(venue_update::findings(
                &self.source,
                &self.linted.doc,
                &self.settings.venues,
                answers,
            ));
        }
        found.retain(|f| self.is_changed(f.span.start));
        self.linted.add(&self.source, &self.settings, found);
    }

    /// Adds the findings for this file's links from results already checked.
    fn add_link_findings(&mut self, args: &LinkArgs, results: &HashMap<String, LinkResult>) {
        self.occurrences(args);
        let text = self.source.text();
        let mut found = Vec::new();
        for occurrence in self.occurrences.as_deref().unwrap_or_default() {
            if let Some(result) = results.get(&occurrence.url) {
                let written = occurrence.url_span.clone().map(|span| &text[span]);
                found.extend(crate::rules::link_findings(occurrence, result, written));
            }
        }
        self.linted.add(&self.source, &self.settings, found);
        self.add_local_link_findings(args);
    }

    /// Adds the findings for the links into the repository (`#contents`,
    /// `docs/survey.md`), checked against the file's anchors and the files
    /// beside it: no network, so `--offline` checks them too, as lychee's
    /// `--offline` checks local files.
    fn add_local_link_findings(&mut self, args: &LinkArgs) {
        let mut found = Vec::new();
        for (occurrence, result) in links::local::broken(&self.source) {
            if self.is_changed(occurrence.span.start) && !self.excluded(args, &occurrence.url) {
                found.extend(crate::rules::link_findings(&occurrence, &result, None));
            }
        }
        self.linted.add(&self.source, &self.settings, found);
    }
}

pub(super) fn run(args: &LintArgs, output: &mut Output) -> io::Result<ExitStatus> {
    if args.unsafe_fixes && !(args.fix || args.diff) {
        writeln!(
            output.stderr,
            "error: --unsafe-fixes goes with --fix or --diff"
        )?;
        return Ok(ExitStatus::Error);
    }
    // What stops (part of) the run: on stderr at once, and in the report at
    // the end, where CI shows it.
    let mut failures: Vec<Failure> = Vec::new();
    let mut fail = |output: &mut Output, err: &dyn miette::Diagnostic, file: Option<&Path>| {
        output.error(err);
        failures.push(Failure::of(err, file));
    };
    if args.changed_since.is_some()
        && let Err(err) = changes::check_git()
    {
        fail(output, &err, None);
        return stopped(args, output, &failures);
    }
    let resolver = SettingsResolver::new(&args.config)
        .map(|resolver| resolver.with_rules(&args.select, &args.ignore));
    let mut resolver = match resolver {
        Ok(resolver) => resolver,
        Err(err) => {
            fail(output, &err, args.config.config.as_deref());
            return stopped(args, output, &failures);
        }
    };
    let mut could_not_run = false;
    let named = if args.files.is_empty() {
        vec![crate::files::default_readme()]
    } else {
        args.files.clone()
    };
    let (paths, unmatched) = crate::files::expand(&named);
    for (arg, err) in &unmatched {
        fail(output, err, Some(arg));
        could_not_run = true;
    }
    let mut files = Vec::new();
    for path in &paths {
        let stdin = path.as_os_str() == "-";
        if stdin && args.fix {
            fail(output, &StdinError::Fix, None);
            return stopped(args, output, &failures);
        }
        let read = if stdin {
            read_stdin(output, args.stdin_filename.as_deref())
        } else {
            Source::read(path)
        };
        let source = match read {
            Ok(source) => source,
            Err(err) => {
                fail(output, &err, Some(path));
                could_not_run = true;
                continue;
            }
        };
        // Stdin's config is found from the path it stands for, if given.
        let path = match &args.stdin_filename {
            Some(name) if stdin => name,
            _ => path,
        };
        let settings = match resolver.for_file(path) {
            Ok(settings) => settings,
            // A broken config breaks every file under it: stop here.
            Err(err) => {
                fail(output, &err, None);
                return stopped(args, output, &failures);
            }
        };
        let file = match read_file(source, settings, args) {
            Ok(file) => file,
            Err(err) => {
                fail(output, &err, Some(path));
                return stopped(args, output, &failures);
            }
        };
        files.push(file);
    }

    let mut link_summary = None;
    let mut link_results = HashMap::new();
    let mut paper_answers = HashMap::new();
    if args.offline {
        for file in &mut files {
            file.add_local_link_findings(&args.links);
        }
    }
    if !args.offline && !files.is_empty() {
        match check_links(&mut files, &args.links, args.format, output) {
            Ok(online) => {
                link_summary = Some(online.summary);
                link_results = online.results;
                paper_answers = online.papers;
            }
            Err(err) => {
                fail(output, &err, None);
                return stopped(args, output, &failures);
            }
        }
    }

    let mut fixed = 0;
    if args.fix || args.diff {
        let mode = if args.unsafe_fixes {
            FixMode::Unsafe
        } else {
            FixMode::Safe
        };
        let mut any_diff = false;
        for file in &mut files {
            // Moved links and published preprints found in this run (what
            // the network said) are fixed in the first pass.
            let moved: Vec<Finding> = file
                .linted
                .findings
                .iter()
                .filter(|f| matches!(f.rule, Rule::MovedLink | Rule::VenueUpdate))
                .cloned()
                .collect();
            let result =
                match crate::lint::fix_to_fixpoint(&file.source, &file.settings, mode, moved) {
                    Ok(result) => result,
                    Err(err) => {
                        fail(output, &err, Some(file.source.path()));
                        could_not_run = true;
                        continue;
                    }
                };
            for withheld in &result.withheld {
                output.warn(&format!(
                    "did not apply the `{}` fix at {}:{}: it would have changed what the list \
                     renders or lost an entry (a bug in awesome-lint; please report it with the file)",
                    withheld.rule,
                    file.source.name(),
                    withheld.line,
                ));
            }
            if result.text == file.source.text() {
                continue;
            }
            if args.diff {
                any_diff = true;
                output.stdout.write_all(
                    fix::unified_diff(file.source.path(), file.source.text(), &result.text)
                        .as_bytes(),
                )?;
                continue;
            }
            let bom = if file.source.had_bom() {
                "\u{feff}"
            } else {
                ""
            };
            let original = format!("{bom}{}", file.source.text());
            let new = format!("{bom}{}", result.text);
            if let Err(err) = fix::write::write_atomically(
                file.source.path(),
                original.as_bytes(),
                new.as_bytes(),
            ) {
                fail(output, &err, Some(file.source.path()));
                could_not_run = true;
                continue;
            }
            fixed += result.fixed;
            // Report what is left, on the new text, with this run's link results.
            let source = file.source.revised(result.text);
            match read_file(source, Arc::clone(&file.settings), args) {
                Ok(mut refreshed) => {
                    if args.offline {
                        refreshed.add_local_link_findings(&args.links);
                    } else {
                        refreshed.add_link_findings(&args.links, &link_results);
                        refreshed.add_paper_findings(&paper_answers);
                    }
                    *file = refreshed;
                }
                Err(err) => {
                    fail(output, &err, Some(file.source.path()));
                    could_not_run = true;
                }
            }
        }
        if args.diff {
            return Ok(if could_not_run {
                ExitStatus::Error
            } else if any_diff {
                ExitStatus::Failure
            } else {
                ExitStatus::Success
            });
        }
    }

    let mut reports: Vec<FileReport> = files
        .into_iter()
        .map(|file| FileReport {
            entries: file.linted.entries(),
            unreadable: file.linted.unreadable(),
            findings: file.linted.findings,
            source: file.source,
        })
        .collect();
    reports.sort_by(|a, b| a.source.name().cmp(b.source.name()));
    let mut summary = Summary::of(&reports, link_summary);
    summary.fixed = fixed;

    // The closure `fail` holds the list of failures until here.
    let unwritten = write_report_files(args, &reports, &summary, &failures);
    for err in &unwritten {
        output.error(err);
        failures.push(Failure::of(err, None));
        could_not_run = true;
    }
    render(args, output, &reports, &summary, &failures)?;

    Ok(if could_not_run {
        ExitStatus::Error
    } else if summary.errors > 0 || (args.deny_warnings && summary.warnings > 0) {
        ExitStatus::Failure
    } else {
        ExitStatus::Success
    })
}

/// Writes the report in the chosen format, failures included.
fn render(
    args: &LintArgs,
    output: &mut Output,
    reports: &[FileReport],
    summary: &Summary,
    failures: &[Failure],
) -> io::Result<()> {
    match args.format {
        Format::Text | Format::Concise if args.statistics => {
            report::concise::render_statistics(reports, output.stdout)?;
            if !args.quiet && !reports.is_empty() {
                writeln!(output.stdout, "{}", text::summary_line(summary))?;
            }
        }
        Format::Concise => {
            report::concise::render(reports, output.stdout)?;
            if !args.quiet && !reports.is_empty() {
                writeln!(output.stdout, "{}", text::summary_line(summary))?;
            }
        }
        Format::Text => {
            let options = TextOptions {
                color: report::use_color(args.color, output.stdout_is_terminal, output.env),
                width: (output.env)("COLUMNS")
                    .and_then(|c| c.parse().ok())
                    .filter(|&w: &usize| w >= 40)
                    .unwrap_or(100),
            };
            text::render(reports, &options, output.stdout)?;
            // Nothing was read: the errors above say it all.
            if !args.quiet && !reports.is_empty() {
                writeln!(output.stdout, "{}", text::summary_line(summary))?;
            }
        }
        Format::Json => report::json::render(reports, summary, failures, output.stdout)?,
        Format::Github => {
            report::github::render(reports, failures, output.stdout)?;
            if let Some(path) = (output.env)("GITHUB_STEP_SUMMARY").filter(|p| !p.is_empty())
                && let Err(err) = append(
                    &path,
                    &report::github::summary_markdown(reports, summary, failures),
                )
            {
                output.warn(&format!(
                    "could not write the job summary to `{path}`: {err}"
                ));
            }
        }
        Format::Sarif => report::sarif::render(reports, failures, output.stdout)?,
    }

    Ok(())
}

/// A run stopped before it read everything: the failures, reported in the
/// chosen format (text has them on stderr already), and exit 2.
fn stopped(args: &LintArgs, output: &mut Output, failures: &[Failure]) -> io::Result<ExitStatus> {
    if args.diff {
        return Ok(ExitStatus::Error);
    }
    // The report files are written too: a workflow that uploads one finds
    // it, with the reason the run stopped.
    let mut failures = failures.to_vec();
    for err in write_report_files(args, &[], &Summary::default(), &failures) {
        output.error(&err);
        failures.push(Failure::of(&err, None));
    }
    if !matches!(args.format, Format::Text | Format::Concise) {
        render(args, output, &[], &Summary::default(), &failures)?;
    }
    Ok(ExitStatus::Error)
}

/// Writes each `--output FORMAT=PATH` report; returns what could not be written.
fn write_report_files(
    args: &LintArgs,
    reports: &[FileReport],
    summary: &Summary,
    failures: &[Failure],
) -> Vec<ReportFileError> {
    let mut errors = Vec::new();
    for file in &args.output {
        let mut bytes = Vec::new();
        let rendered = match file.format {
            ReportFormat::Json => report::json::render(reports, summary, failures, &mut bytes),
            ReportFormat::Sarif => report::sarif::render(reports, failures, &mut bytes),
            ReportFormat::Markdown => {
                bytes = report::github::summary_markdown(reports, summary, failures).into_bytes();
                Ok(())
            }
        };
        if let Err(err) = rendered.and_then(|()| std::fs::write(&file.path, &bytes)) {
            errors.push(ReportFileError {
                path: file.path.display().to_string(),
                reason: err.to_string(),
            });
        }
    }
    errors
}

#[derive(Debug, thiserror::Error, miette::Diagnostic)]
#[error("cannot write the report `{path}`: {reason}")]
#[diagnostic(code(io))]
struct ReportFileError {
    path: String,
    reason: String,
}

/// The text on stdin, named as `--stdin-filename` says (`-` otherwise).
fn read_stdin(output: &mut Output, name: Option<&Path>) -> Result<Source, SourceError> {
    let shown = name.map_or_else(|| "-".to_owned(), |n| n.display().to_string());
    let mut bytes = Vec::new();
    output
        .stdin
        .read_to_end(&mut bytes)
        .map_err(|reason| SourceError::Io {
            path: shown.clone(),
            reason,
        })?;
    let path = name.map_or_else(|| PathBuf::from("-"), Path::to_path_buf);
    Source::from_bytes(shown, path, bytes)
}

#[derive(Debug, thiserror::Error, miette::Diagnostic)]
enum StdinError {
    #[error("`--fix` cannot write back to stdin (`-`)")]
    #[diagnostic(
        code(usage),
        help("use `--diff` to see the fixes, or name the file to fix it in place")
    )]
    Fix,
}

/// Lints a source and, with `--changed-since`, keeps what changed.
fn read_file(
    source: Source,
    settings: Arc<Settings>,
    args: &LintArgs,
) -> Result<File, ChangesError> {
    let changed = match &args.changed_since {
        Some(rev) => Some(changes::changed_lines(source.path(), rev)?),
        None => None,
    };
    let linted = lint(&source, &settings);
    let mut file = File {
        source,
        settings,
        linted,
        changed,
        occurrences: None,
    };
    file.keep_changed();
    Ok(file)
}

/// What the online part of a run found.
struct Online {
    summary: LinkSummary,
    results: HashMap<String, LinkResult>,
    papers: HashMap<PaperId, Answer>,
}

/// Checks the links of every file at once (each distinct URL once), and adds
/// the findings to each file. Returns the results, to map again after fixes.
fn check_links(
    files: &mut [File],
    args: &LinkArgs,
    format: Format,
    output: &mut Output,
) -> Result<Online, LinkError> {
    // Run-wide settings (limits, cache, API) come from the first file's config.
    let settings = Arc::clone(&files[0].settings);
    let options = link_options(&settings.links, &settings.metadata, args)?;

    let mut wanted: HashMap<String, Expect> = HashMap::new();
    for file in files.iter_mut() {
        for occurrence in file.occurrences(args) {
            let expect = wanted
                .entry(occurrence.url.clone())
                .or_insert(Expect::Resolve);
            *expect = (*expect).max(occurrence.expect);
        }
    }

    // The papers whose titles `title-mismatch` compares (on changed lines).
    let mut papers = BTreeSet::new();
    for file in files.iter() {
        papers.extend(file.papers(args));
    }

    let mut cache = if args.no_cache {
        None
    } else {
        let path = args
            .cache
            .clone()
            .unwrap_or_else(|| settings.links.cache.clone());
        let (cache, warning) = Cache::load(&path, settings.links.cache_max_age, args.allow_private);
        if let Some(warning) = warning {
            output.warn(&warning);
        }
        Some(cache.with_paper_max_age(settings.metadata.cache_max_age))
    };
    let mut checked = links::check(&wanted, &papers, &options, cache.as_mut(), output.progress)?;
    // The preprints arXiv names no publication of: one batch service
    // request per 500 (`venue-update`).
    let mut unpublished = BTreeSet::new();
    for file in files.iter() {
        unpublished.extend(file.unpublished(args, &checked.papers));
    }
    if !unpublished.is_empty() {
        let asked = links::check(
            &HashMap::new(),
            &unpublished,
            &options,
            cache.as_mut(),
            &links::NoProgress,
        )?;
        checked.papers.extend(asked.papers);
    }
    let unchecked = warn_unchecked(&wanted, &checked.results, &checked.papers, format, output);
    if let Some(cache) = &cache
        && let Err(err) = cache.save()
    {
        output.warn(&format!("could not write the link cache: {err}"));
    }
    for file in files.iter_mut() {
        file.add_link_findings(args, &checked.results);
        file.add_paper_findings(&checked.papers);
    }
    let summary = LinkSummary {
        checked: wanted.len(),
        cached: checked.cached,
        unchecked,
        elapsed: checked.elapsed,
    };
    Ok(Online {
        summary,
        results: checked.results,
        papers: checked.papers,
    })
}

/// Says what could not be checked: once per service that could not be
/// asked (its links unchecked, its papers' titles not compared), and once
/// per host that gave no answer. Returns how many of the wanted links went
/// unchecked.
fn warn_unchecked(
    wanted: &HashMap<String, Expect>,
    results: &HashMap<String, LinkResult>,
    answers: &HashMap<PaperId, Answer>,
    format: Format,
    output: &mut Output,
) -> usize {
    // By service: papers not described, links not checked, and why.
    let mut services: BTreeMap<&str, (usize, usize, String)> = BTreeMap::new();
    for (id, answer) in answers {
        if let Answer::Failed(reason) | Answer::Unreachable(reason) = answer {
            let entry = services
                .entry(id.service())
                .or_insert_with(|| (0, 0, reason.clone()));
            entry.0 += 1;
        }
    }
    // By host: links whose host gave no answer, and why (the first reason).
    let mut hosts: BTreeMap<String, (usize, String)> = BTreeMap::new();
    let mut unchecked = 0;
    for url in wanted.keys() {
        let Some(result) = results.get(url) else {
            // Not asked at all (a task that failed): not checked either.
            unchecked += 1;
            continue;
        };
        let Status::Unchecked {
            reason, service, ..
        } = &result.status
        else {
            continue;
        };
        unchecked += 1;
        match service {
            Some(service) => {
                let name = service.trim_end_matches(" API");
                services
                    .entry(name)
                    .or_insert_with(|| (0, 0, reason.clone()))
                    .1 += 1;
            }
            None => {
                let host = reqwest::Url::parse(url)
                    .ok()
                    .and_then(|u| u.host_str().map(str::to_owned))
                    .unwrap_or_default();
                hosts.entry(host).or_insert_with(|| (0, reason.clone())).0 += 1;
            }
        }
    }
    let mut messages = Vec::new();
    for (service, (papers, links, reason)) in services {
        let mut what = Vec::new();
        if links > 0 {
            what.push(format!("{} not checked", plural(links, "link", "links")));
        }
        if papers > 0 {
            what.push(format!(
                "the titles of {} not compared",
                plural(papers, "paper", "papers")
            ));
        }
        messages.push(format!(
            "{service} could not be asked: {} ({reason})",
            what.join(", ")
        ));
    }
    // The hosts with the most links first; a long tail in one line.
    const HOSTS_NAMED: usize = 5;
    let mut hosts: Vec<(String, (usize, String))> = hosts.into_iter().collect();
    hosts.sort_by(|a, b| b.1.0.cmp(&a.1.0).then_with(|| a.0.cmp(&b.0)));
    for (host, (links, reason)) in hosts.iter().take(HOSTS_NAMED) {
        messages.push(format!(
            "{} to `{host}` not checked: {reason}",
            plural(*links, "link", "links")
        ));
    }
    if hosts.len() > HOSTS_NAMED {
        let rest = &hosts[HOSTS_NAMED..];
        let links: usize = rest.iter().map(|(_, (n, _))| n).sum();
        messages.push(format!(
            "{} on {} more hosts not checked: no answer",
            plural(links, "link", "links"),
            rest.len()
        ));
    }
    for message in messages {
        output.warn(&message);
        // In a workflow, a warning in the log is easily missed: an annotation is not.
        if format == Format::Github {
            let _ = writeln!(
                output.stdout,
                "::warning title=awesome-lint::{}",
                report::github::escape_data(&message)
            );
        }
    }
    unchecked
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
pub(super) fn link_options(
    config: &LinkSettings,
    metadata: &MetadataSettings,
    args: &LinkArgs,
) -> Result<LinkOptions, LinkError> {
    // Only the command line chooses the API: a config comes with the
    // repository, and the token goes wherever the API is.
    let api = args.github_api_url.as_deref().unwrap_or(links::GITHUB_API);
    let api = if api.ends_with('/') {
        api.to_owned()
    } else {
        format!("{api}/")
    };
    let github_api = Url::parse(&api)
        .map_err(|err| LinkError::Setup(format!("invalid GitHub API URL `{api}`: {err}")))?;
    let mut services = Services::default();
    for (arg, base, what) in [
        (&args.arxiv_api_url, &mut services.arxiv, "arXiv"),
        (&args.crossref_api_url, &mut services.crossref, "Crossref"),
        (
            &args.openreview_api_url,
            &mut services.openreview,
            "OpenReview",
        ),
        (
            &args.semantic_scholar_api_url,
            &mut services.semantic_scholar,
            "Semantic Scholar",
        ),
    ] {
        if let Some(url) = arg {
            *base = api_base(url, what)?;
        }
    }
    if let Some(delay) = args.arxiv_delay {
        services.arxiv_delay = Duration::try_from_secs_f64(delay)
            .map_err(|_| LinkError::Setup(format!("invalid --arxiv-delay `{delay}`")))?;
    }
    Ok(LinkOptions {
        timeout: args.timeout.map_or(config.timeout, Duration::from_secs_f64),
        max_concurrency: args
            .max_concurrency
            .map_or(config.max_concurrency, |n| n as usize),
        host_concurrency: args
            .host_concurrency
            .map_or(config.host_concurrency, |n| n as usize),
        max_retries: args.max_retries.unwrap_or(config.max_retries),
        allow_private: args.allow_private,
        github_token: args
            .github_token
            .clone()
            .filter(|t| !t.is_empty())
            .map(Secret::new),
        github_api,
        services,
        contact: metadata.contact.clone(),
        batch: !args.link_by_link,
        accept: args.accept.clone().or_else(|| config.accept.clone()),
        user_agent: args
            .user_agent
            .clone()
            .or_else(|| config.user_agent.clone()),
        headers: headers(args)?,
        host_interval: args.host_interval.unwrap_or(config.host_interval),
    })
}

/// The headers to send with link requests: `--header`, then the lines of
/// AWESOME_LINT_HEADERS (blank lines skipped). Values are sensitive: never
/// printed, in a message or a debug dump.
fn headers(args: &LinkArgs) -> Result<Vec<crate::cli::Header>, LinkError> {
    let from_env = std::env::var("AWESOME_LINT_HEADERS").unwrap_or_default();
    let mut headers = args.headers.clone();
    for line in from_env.lines().filter(|l| !l.trim().is_empty()) {
        headers.push(
            crate::cli::parse_header(line)
                .map_err(|err| LinkError::Setup(format!("in AWESOME_LINT_HEADERS: {err}")))?,
        );
    }
    Ok(headers)
}

/// An API's base URL, ending in `/` so that paths join below it.
fn api_base(url: &str, what: &str) -> Result<Url, LinkError> {
    let url = if url.ends_with('/') {
        url.to_owned()
    } else {
        format!("{url}/")
    };
    Url::parse(&url)
        .map_err(|err| LinkError::Setup(format!("invalid {what} API URL `{url}`: {err}")))
}

//! `awesome-lint add URL... [--section NAME] [--code URL] [--diff] [FILE]`:
//! asks the services about each paper, writes its entry in the list's
//! shape at its place, and lints what it wrote.

use std::collections::BTreeSet;
use std::io;
use std::path::{Path, PathBuf};

use super::{ExitStatus, Output, SettingsResolver};
use crate::add::{self, NewPaper};
use crate::cli::AddArgs;
use crate::document::Document;
use crate::paper::{Answer, PaperId};
use crate::source::Source;

/// Why the command line cannot be run.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
enum UsageError {
    #[error("`{0}` names no paper add can describe")]
    #[diagnostic(
        code(usage),
        help(
            "give an arXiv, DOI or OpenReview URL, a bare arXiv id (2403.07636) or a DOI (10.1000/xyz)"
        )
    )]
    NotAPaper(String),
    #[error("--{0} goes with one paper; {1} were given")]
    #[diagnostic(code(usage), help("add the papers one at a time, each with its own"))]
    OneForMany(&'static str, usize),
    #[error("{0}")]
    #[diagnostic(code(add::metadata))]
    Metadata(String),
}

pub(super) fn run(args: &AddArgs, output: &mut Output) -> io::Result<ExitStatus> {
    let (urls, file) = split_file(&args.urls);
    let mut papers = Vec::new();
    for written in &urls {
        let url = paper_url(written);
        match PaperId::of_url(&url) {
            Some(id) => papers.push((id, url)),
            None => {
                output.error(&UsageError::NotAPaper(written.clone()));
                return Ok(ExitStatus::Error);
            }
        }
    }
    for (option, given) in [("code", args.code.is_some()), ("name", args.name.is_some())] {
        if given && papers.len() > 1 {
            output.error(&UsageError::OneForMany(option, papers.len()));
            return Ok(ExitStatus::Error);
        }
    }
    let path = file.unwrap_or_else(crate::files::default_readme);
    let source = match Source::read(&path) {
        Ok(source) => source,
        Err(err) => {
            output.error(&err);
            return Ok(ExitStatus::Error);
        }
    };
    let settings = match SettingsResolver::new(&args.config).and_then(|mut r| r.for_file(&path)) {
        Ok(settings) => settings,
        Err(err) => {
            output.error(&err);
            return Ok(ExitStatus::Error);
        }
    };
    let options = match super::lint::link_options(&settings.links, &settings.metadata, &args.links)
    {
        Ok(options) => options,
        Err(err) => {
            output.error(&err);
            return Ok(ExitStatus::Error);
        }
    };
    let ids: BTreeSet<PaperId> = papers.iter().map(|(id, _)| id.clone()).collect();
    let answers = match crate::links::describe(&ids, &options) {
        Ok(answers) => answers,
        Err(err) => {
            output.error(&err);
            return Ok(ExitStatus::Error);
        }
    };

    let original = source.text().to_owned();
    let mut text = original.clone();
    // Each added entry: its title, its section, and its lines as written.
    let mut added: Vec<(String, String, String)> = Vec::new();
    let mut refused = false;
    for (id, url) in papers {
        let paper = match answers.get(&id) {
            Some(Answer::Found(paper)) => paper,
            Some(Answer::Unknown) => {
                output.error(&UsageError::Metadata(format!(
                    "{} knows no paper {id}",
                    id.service()
                )));
                return Ok(ExitStatus::Error);
            }
            Some(Answer::Failed(reason) | Answer::Unreachable(reason)) => {
                output.error(&UsageError::Metadata(format!(
                    "{id} could not be described: {reason}"
                )));
                return Ok(ExitStatus::Error);
            }
            None => {
                output.error(&UsageError::Metadata(format!("{id} was not described")));
                return Ok(ExitStatus::Error);
            }
        };
        let doc = Document::parse_with(&text, settings.parse_options());
        let result = NewPaper::described(
            id,
            url,
            args.code.clone(),
            paper,
            &text,
            &doc,
            &settings.venues,
        )
        .map(|new| NewPaper {
            name: args.name.clone(),
            ..new
        })
        .and_then(|new| {
            add::add(&text, &doc, &settings.venues, &new, args.section.as_deref())
                .map(|addition| (new.title, addition))
        });
        match result {
            Ok((title, addition)) => {
                for advice in &addition.advice {
                    output.warn(advice);
                }
                text = addition.apply(&text);
                let lines = addition.text.trim_matches('\n').to_owned();
                added.push((title, addition.section, lines));
            }
            Err(err) => {
                output.error(&err);
                if !err.is_refusal() {
                    return Ok(ExitStatus::Error);
                }
                refused = true;
            }
        }
    }
    if added.is_empty() {
        return Ok(ExitStatus::Failure);
    }

    // Where the list's own order (as `entry-order` reads the whole list)
    // puts a new entry elsewhere than its section told, it goes there:
    // the move that rule's fix makes.
    for _ in 0..added.len() {
        let revised = source.revised(text.clone());
        let linted = crate::lint::lint(&revised, &settings);
        let lines = new_lines(&text, &added);
        let moves: Vec<&crate::diagnostic::Finding> = linted
            .findings
            .iter()
            .filter(|f| f.rule == crate::rule::Rule::EntryOrder && f.fix.is_some())
            .filter(|f| {
                let line = revised.line_of(f.span.start);
                lines.iter().any(|l| l.contains(&line))
            })
            .take(1)
            .collect();
        if moves.is_empty() {
            break;
        }
        text = crate::fix::splice(&text, &moves);
    }

    // What the lint says of the new entries: nothing, if they are written
    // as the list's own are.
    let revised = source.revised(text.clone());
    let before = crate::lint::lint(&source, &settings);
    let known: BTreeSet<(crate::rule::Rule, String)> = before
        .findings
        .iter()
        .map(|f| (f.rule, f.message.clone()))
        .collect();
    let lines = new_lines(&text, &added);
    for finding in &crate::lint::lint(&revised, &settings).findings {
        let line = revised.line_of(finding.span.start);
        let on_new = lines.iter().any(|l| l.contains(&line));
        if on_new && !known.contains(&(finding.rule, finding.message.clone())) {
            output.warn(&format!(
                "the added entry on line {line} has a finding: {}[{}] {}",
                finding.severity, finding.rule, finding.message
            ));
        }
    }

    if args.diff {
        output
            .stdout
            .write_all(crate::fix::unified_diff(source.path(), &original, &text).as_bytes())?;
    } else {
        let bom = if source.had_bom() { "\u{feff}" } else { "" };
        if let Err(err) = crate::fix::write::write_atomically(
            source.path(),
            format!("{bom}{original}").as_bytes(),
            format!("{bom}{text}").as_bytes(),
        ) {
            output.error(&err);
            return Ok(ExitStatus::Error);
        }
        for ((title, section, _), lines) in added.iter().zip(new_lines(&text, &added)) {
            writeln!(
                output.stdout,
                "{}:{}: added “{title}” under `{section}`",
                source.name(),
                lines.start
            )?;
        }
    }
    Ok(if refused {
        ExitStatus::Failure
    } else {
        ExitStatus::Success
    })
}

/// The URLs, and the list's file when the last word names one: a word that
/// is no paper's address and is a markdown file or an existing path.
fn split_file(words: &[String]) -> (Vec<String>, Option<PathBuf>) {
    match words.split_last() {
        Some((last, rest)) if !rest.is_empty() || PaperId::of_url(&paper_url(last)).is_none() => {
            let path = Path::new(last);
            let markdown = path.extension().is_some_and(|e| {
                e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown")
            });
            if PaperId::of_url(&paper_url(last)).is_none() && (markdown || path.exists()) {
                (rest.to_vec(), Some(path.to_path_buf()))
            } else {
                (words.to_vec(), None)
            }
        }
        _ => (words.to_vec(), None),
    }
}

/// The URL a word stands for: itself, or the page of a bare arXiv id
/// (`2403.07636`, `arXiv:2403.07636`) or DOI (`10.1000/xyz`).
fn paper_url(word: &str) -> String {
    let word = word.trim();
    let bare = word
        .strip_prefix("arXiv:")
        .or_else(|| word.strip_prefix("arxiv:"))
        .unwrap_or(word);
    if crate::url::arxiv_id(&format!("/abs/{bare}")) == Some(bare) {
        return format!("https://arxiv.org/abs/{bare}");
    }
    if word.starts_with("10.") && word.contains('/') {
        return format!("https://doi.org/{word}");
    }
    word.to_owned()
}

/// The lines (1-based) of each added entry in `text`: where its lines are
/// found, each entry's own (it carries its paper's address).
fn new_lines(text: &str, added: &[(String, String, String)]) -> Vec<std::ops::Range<usize>> {
    added
        .iter()
        .filter_map(|(_, _, lines)| {
            let at = text.find(lines.as_str())?;
            let first = text[..at].matches('\n').count() + 1;
            Some(first..first + lines.matches('\n').count() + 1)
        })
        .collect()
}

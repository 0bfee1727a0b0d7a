//! `awesome-lint init [FILE]`: reads a list the way the lint does and writes
//! what it learned (the shape of its entries, the venues and link labels it
//! uses that the built-in tables do not know) as a commented
//! `.awesome-lint.toml` beside it. It never overwrites a config.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{self, Write};

use super::{ExitStatus, Output};
use crate::cli::InitArgs;
use crate::config::{CONFIG_FILE, Settings};
use crate::document::{BlockKind, Document, LabelKind};
use crate::source::Source;
use crate::venue::VenueCheck;

pub(super) fn run(args: &InitArgs, output: &mut Output) -> io::Result<ExitStatus> {
    let source = match Source::read(&args.file) {
        Ok(source) => source,
        Err(err) => {
            output.error(&err);
            return Ok(ExitStatus::Error);
        }
    };
    let dir = args
        .file
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(std::path::Path::new("."));
    let path = dir.join(CONFIG_FILE);
    let settings = Settings::default();
    let doc = Document::parse_with(source.text(), settings.parse_options());
    let config = render(&source, &doc, &settings);
    // `create_new`: an existing config is the user's, never replaced.
    let file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path);
    let mut file = match file {
        Ok(file) => file,
        Err(err) if err.kind() == io::ErrorKind::AlreadyExists => {
            writeln!(
                output.stderr,
                "error: {} exists already; awesome-lint init never overwrites a config \
                 (remove it, or edit it by hand)",
                path.display()
            )?;
            return Ok(ExitStatus::Error);
        }
        Err(err) => {
            writeln!(
                output.stderr,
                "error: cannot write {}: {err}",
                path.display()
            )?;
            return Ok(ExitStatus::Error);
        }
    };
    if let Err(err) = file
        .write_all(config.as_bytes())
        .and_then(|()| file.sync_all())
    {
        writeln!(
            output.stderr,
            "error: cannot write {}: {err}",
            path.display()
        )?;
        return Ok(ExitStatus::Error);
    }
    writeln!(
        output.stdout,
        "wrote {} from {} ({} entries)",
        path.display(),
        source.name(),
        doc.entries.len()
    )?;
    Ok(ExitStatus::Success)
}

/// The config text: every inferred value with a comment saying where it came from.
fn render(source: &Source, doc: &Document, settings: &Settings) -> String {
    let text = source.text();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# awesome-lint configuration, written by `awesome-lint init` from {}.",
        source.name()
    );
    let _ = writeln!(
        out,
        "# Every key is optional: what is not set is inferred from the list on every run."
    );
    let _ = writeln!(out);
    let _ = writeln!(out, "[rules]");
    let _ = writeln!(
        out,
        "# A rule's severity: \"off\", \"warning\" or \"error\" (`awesome-lint rules` lists them)."
    );
    let _ = writeln!(out, "# title-format = \"warning\"");
    let _ = writeln!(out);

    let _ = writeln!(out, "[order]");
    let _ = writeln!(
        out,
        "# Which way year sections run: \"auto\" (detected per run), \"ascending\" or \"descending\"."
    );
    let _ = writeln!(out, "direction = \"auto\"");
    let _ = writeln!(out);

    // Venues the list names that the built-in table does not know.
    let mut unknown: BTreeMap<&str, usize> = BTreeMap::new();
    for entry in &doc.entries {
        if let Some(venue) = &entry.venue {
            let name = text[venue.name.clone()].trim();
            if !name.is_empty() && matches!(settings.venues.check(name), VenueCheck::Unknown { .. })
            {
                *unknown.entry(name).or_default() += 1;
            }
        }
    }
    let _ = writeln!(out, "[venues]");
    let often: Vec<&str> = unknown
        .iter()
        .filter(|&(_, &n)| n >= 2)
        .map(|(name, _)| *name)
        .collect();
    let once: Vec<&str> = unknown
        .iter()
        .filter(|&(_, &n)| n < 2)
        .map(|(name, _)| *name)
        .collect();
    let _ = writeln!(
        out,
        "# Venues this list uses that the built-in table does not know (a venue used twice"
    );
    let _ = writeln!(out, "# or more in a list is known to it anyway).");
    let _ = writeln!(out, "known = {}", toml_list(&often));
    if !once.is_empty() {
        let _ = writeln!(
            out,
            "# Used once, and unknown: typos, or venues to add to `known`: {}",
            once.join(", ")
        );
    }
    let _ = writeln!(
        out,
        "# aliases = {{ \"Nature Com\" = \"Nature Communications\" }}"
    );
    let _ = writeln!(out);

    let _ = writeln!(out, "[entry]");
    let mut shapes: Vec<(usize, &crate::document::Shape)> = doc
        .shapes
        .iter()
        .map(|shape| {
            let used = doc
                .entries
                .iter()
                .filter(|e| doc.shape_of(e) == shape)
                .count();
            (used, shape)
        })
        .filter(|(used, _)| *used > 0)
        .collect();
    shapes.sort_by_key(|s| std::cmp::Reverse(s.0));
    let mut templates: Vec<(String, usize, Option<BlockKind>)> = Vec::new();
    for (used, shape) in &shapes {
        let template = shape.template();
        match templates.iter_mut().find(|(t, _, _)| *t == template) {
            Some(slot) => slot.1 += used,
            None => templates.push((template, *used, shape.kind)),
        }
    }
    match templates.as_slice() {
        [] => {
            let _ = writeln!(
                out,
                "# No entries were recognized. Declare how entries are written, with a placeholder"
            );
            let _ = writeln!(
                out,
                "# for each part ({{venue}} {{year}} {{yy}} {{month}} {{date}} {{name}} {{title}} {{authors}} {{links}}),"
            );
            let _ = writeln!(out, "# for example:");
            let _ = writeln!(
                out,
                "# shape = \"[**{{venue}} {{year}}**] {{title}} {{links}}\""
            );
        }
        [(template, used, _)] => {
            let _ = writeln!(
                out,
                "# How the entries are written, as read from {used} of them; a declared shape"
            );
            let _ = writeln!(
                out,
                "# replaces inference. `?` marks a part some entries leave out."
            );
            let _ = writeln!(out, "shape = {}", toml_string(template));
        }
        many => {
            let _ = writeln!(
                out,
                "# The list writes entries in {} ways (in different sections); each is inferred",
                many.len()
            );
            let _ = writeln!(
                out,
                "# where it is used. Declaring one would hold every entry to it:"
            );
            for (template, used, _) in many {
                let _ = writeln!(
                    out,
                    "# shape = {}   # {used} entries",
                    toml_string(template)
                );
            }
        }
    }
    let mut labels: BTreeMap<String, usize> = BTreeMap::new();
    for entry in &doc.entries {
        for link in entry.labelled_links() {
            if link.kind == LabelKind::Unknown
                && !matches!(
                    link.form,
                    crate::document::Form::Bare | crate::document::Form::Badge
                )
            {
                let label = crate::label::normalize(&text[link.label.clone()]);
                if !label.is_empty() {
                    *labels.entry(label).or_default() += 1;
                }
            }
        }
    }
    let own: Vec<&str> = labels
        .iter()
        .filter(|&(_, &n)| n >= 2)
        .map(|(l, _)| l.as_str())
        .collect();
    let _ = writeln!(
        out,
        "# Link labels outside the built-in categories (paper, code, project, data, media,"
    );
    let _ = writeln!(out, "# other) that this list uses:");
    let _ = writeln!(out, "labels = {}", toml_list(&own));
    let _ = writeln!(
        out,
        "# Link categories (or labels) every entry must have; a linked title counts as the paper."
    );
    let _ = writeln!(out, "required = [\"paper\"]");
    let _ = writeln!(out);

    let _ = writeln!(out, "[links]");
    let _ = writeln!(out, "# timeout = 20");
    let _ = writeln!(out, "# exclude = [\"^https://img.shields.io\"]");
    out
}

fn toml_string(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn toml_list(items: &[&str]) -> String {
    let quoted: Vec<String> = items.iter().map(|i| toml_string(i)).collect();
    format!("[{}]", quoted.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_written_config_loads_and_declares_the_inferred_shape() {
        let text = "# Papers\n\n## Vision\n".to_owned()
            + &(0..8)
                .map(|i| {
                    format!(
                        "* [**CVPR'2{i}**] A Title Number {i} for Testing [[Paper](https://arxiv.org/abs/230{i}.0000{i})] [[tldr](https://s.example/{i})]\n"
                    )
                })
                .collect::<String>()
            + "* [**Zorbconf'22**] One More Title for Testing [[Paper](https://arxiv.org/abs/2209.00009)]\n";
        let source = Source::new("README.md", "README.md", text);
        let settings = Settings::default();
        let doc = Document::parse_with(source.text(), settings.parse_options());
        let config = render(&source, &doc, &settings);
        assert!(
            config.contains("shape = \"[**{venue}'{yy}**] {title} [[{label}]({url})]\""),
            "{config}"
        );
        assert!(config.contains("labels = [\"tldr\"]"), "{config}");
        assert!(config.contains("Zorbconf"), "{config}");
        let loaded = Settings::from_toml(&config, std::path::Path::new(".awesome-lint.toml"))
            .expect("the written config loads");
        assert!(loaded.shape.is_some());
    }
}

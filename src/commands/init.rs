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
use crate::conventions::Conventions;
use crate::document::Document;
use crate::source::Source;
use crate::venue::VenueCheck;

pub(super) fn run(args: &InitArgs, output: &mut Output) -> io::Result<ExitStatus> {
    let file = args
        .file
        .clone()
        .unwrap_or_else(crate::files::default_readme);
    let source = match Source::read(&file) {
        Ok(source) => source,
        Err(err) => {
            output.error(&err);
            return Ok(ExitStatus::Error);
        }
    };
    let dir = file
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

/// The config text: every convention inferred from the list, with a comment
/// saying where it came from. What awesome-lint infers on every run anyway
/// (the shape, the required links, the spelling habits) is written as a
/// comment, so that the run after `init` judges the list exactly as the run
/// before did; only vocabulary is written as values (venues and labels the
/// list uses, which the built-in tables lack), and that only quiets.
fn render(source: &Source, doc: &Document, settings: &Settings) -> String {
    let text = source.text();
    let conventions = Conventions::infer(text, doc, &settings.venues);
    let mut out = String::new();
    let mut line = |s: &str| {
        out.push_str(s);
        out.push('\n');
    };
    line(&format!(
        "# awesome-lint configuration, written by `awesome-lint init` from {}.",
        source.name()
    ));
    line("# Every key is optional: what is not set is inferred from the list on every run.");
    line("# The commented lines say what was inferred; uncomment one to make it the rule.");
    line("");

    line("[rules]");
    line(
        "# A rule's severity: \"off\", \"warning\" or \"error\" (`awesome-lint rules` lists them).",
    );
    line("# What a reader never sees is off until enabled:");
    line("# whitespace = \"warning\"");
    let numbered = doc
        .entries
        .iter()
        .filter(|e| matches!(e.block.marker(), Some(m) if matches!(m.kind, crate::document::BulletKind::Ordered(_))))
        .count();
    let items = doc
        .entries
        .iter()
        .filter(|e| e.block.marker().is_some())
        .count();
    if items > 0 {
        line(&format!(
            "# Layout: {numbered} of {items} list entries are numbered. A bullet, indent or numbering"
        ));
        line(
            "# unlike a strong convention of its section is a list-indent warning; none where styles mix.",
        );
    }
    line("");

    line("[order]");
    line(
        "# Which way year sections run: \"auto\" (detected per run), \"ascending\" or \"descending\".",
    );
    line("direction = \"auto\"");
    line("");

    // Venues the list names that the built-in table does not know.
    let mut unknown: BTreeMap<&str, usize> = BTreeMap::new();
    let mut habits: Vec<(String, String, usize)> = Vec::new();
    for (name, &uses) in &conventions.venues {
        match settings.venues.check(name) {
            VenueCheck::Unknown { .. } => {
                *unknown.entry(name.as_str()).or_default() += uses;
            }
            VenueCheck::Alias { canonical } if uses >= 3 => {
                habits.push((name.clone(), canonical, uses));
            }
            _ => {}
        }
    }
    habits.sort();
    line("[venues]");
    // A venue's name, not a citation's text (`ICASSP 2022-2022 IEEE
    // International Conference on …, Proceedings, Part IV`): those the list
    // knows by using them; as built-in names they would be did-you-means.
    let is_name = |name: &str| {
        name.split_whitespace().count() <= 8
            && !name
                .split(|c: char| !c.is_ascii_digit())
                .any(|d| d.len() == 4)
    };
    let often: Vec<&str> = unknown
        .iter()
        .filter(|&(name, &n)| n >= 2 && is_name(name))
        .map(|(name, _)| *name)
        .collect();
    let once: Vec<&str> = unknown
        .iter()
        .filter(|&(_, &n)| n < 2)
        .map(|(name, _)| *name)
        .collect();
    line("# Venues this list uses that the built-in table does not know (a venue used twice");
    line("# or more in a list is known to it anyway).");
    line(&format!("known = {}", toml_list(&often)));
    if !once.is_empty() {
        line(&format!(
            "# Used once, and unknown: typos, or venues to add to `known`: {}",
            once.join(", ")
        ));
    }
    for (name, canonical, uses) in &habits {
        let kept = !conventions.spelling_departs(name, canonical)
            || conventions.former_name_is_habit(name, canonical);
        if kept {
            line(&format!(
                "# `{name}` ({uses} entries) is this list's way of writing `{canonical}`: kept, not reported."
            ));
        }
    }
    line("# aliases = { \"Nature Com\" = \"Nature Communications\" }");
    line("");

    line("[entry]");
    let mut shapes: Vec<(usize, usize, &crate::document::Shape)> = doc
        .shapes
        .iter()
        .map(|shape| {
            let (written, used) = doc.written_by(shape);
            (used, written, shape)
        })
        .filter(|(used, _, _)| *used > 0)
        .collect();
    shapes.sort_by_key(|s| std::cmp::Reverse(s.0));
    // Per template: entries, and how many of them are written its way.
    let mut templates: Vec<(String, usize, usize)> = Vec::new();
    for &(used, written, shape) in &shapes {
        let template = shape.template();
        match templates.iter_mut().find(|(t, _, _)| *t == template) {
            Some(slot) => {
                slot.1 += used;
                slot.2 += written;
            }
            None => templates.push((template, used, written)),
        }
    }
    if templates.is_empty() {
        line("# No entries were recognized. Declare how entries are written, with a placeholder");
        line(
            "# for each part ({venue} {year} {yy} {month} {date} {name} {title} {authors} {links}),",
        );
        line("# for example:");
        line("# shape = \"[**{venue} {year}**] {title} {links}\"");
    } else {
        line("# How the entries are written, inferred per region on every run (`?` marks a part");
        line("# some entries leave out). Declaring one holds every entry of the file to it:");
        for (template, used, written) in &templates {
            line(&format!(
                "# shape = {}   # {used} entries, {written} written exactly so",
                toml_string(template)
            ));
        }
    }
    // (`[coming soon](…)`, `[[TBD]]`: a placeholder stands for a link to
    // come, and is no label to declare.)
    let placeholder = |label: &str| {
        crate::vocabulary::is_one_of(label, &crate::vocabulary::words().links.placeholders)
    };
    let own: Vec<&str> = conventions
        .labels
        .iter()
        .filter(|&(l, &n)| n >= 2 && !placeholder(l))
        .map(|(l, _)| l.as_str())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    line("# Link labels outside the built-in categories (paper, code, project, data, media,");
    line("# other) that this list uses:");
    // A list with five names or more for its links names each link after
    // its paper (`[TACTiS](…)`): no vocabulary to hold it to, and declaring
    // some names would make the others slips.
    let distinct = conventions.labels.len();
    if distinct >= 5 {
        line(&format!(
            "# This list names its links ({distinct} names outside the categories): only slips of"
        ));
        line("# names it uses itself are reported.");
        line(&format!("# labels = {}", toml_list(&own)));
    } else {
        line(&format!("labels = {}", toml_list(&own)));
    }
    // What the entries link, by category: the list's own content policy.
    let total = doc.entries.len();
    let linking = |category: &str| {
        doc.entries
            .iter()
            .filter(|e| (0..e.links.len()).any(|i| e.link_category(i) == category))
            .count()
    };
    let (papers, code) = (linking("paper"), linking("code"));
    line(&format!(
        "# Links: {papers} of {total} entries link their paper, {code} their code. Left unset, an entry"
    ));
    line("# that links nothing, or only its code under a known venue, is missing its paper.");
    line("# Declared, every entry must have each link named here (a linked title is the paper):");
    let mut required = Vec::new();
    if total > 0 && crate::conventions::is_strong(papers, total) {
        required.push("paper");
    }
    if total > 0 && crate::conventions::is_strong(code, total) {
        required.push("code");
    }
    line(&format!("# required = {}", toml_list(&required)));
    line("");

    line("[links]");
    line("# timeout = 20");
    line("# exclude = [\"^https://img.shields.io\"]");
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
        let source = Source::new("README.md", "README.md", text.clone());
        let settings = Settings::default();
        let doc = Document::parse_with(source.text(), settings.parse_options());
        let config = render(&source, &doc, &settings);
        assert!(
            config.contains("# shape = \"[**{venue}'{yy}**] {title} [[{label}]({url})]\""),
            "{config}"
        );
        assert!(config.contains("labels = [\"tldr\"]"), "{config}");
        // A placeholder written for a link to come is no label.
        let with_placeholders = text.clone()
            + "* [**CVPR'24**] A Title to Come for Testing [[Paper](https://arxiv.org/abs/2401.00010)] [[coming soon](https://s.example/x)]\n"
            + "* [**CVPR'24**] Another Title to Come for Testing [[Paper](https://arxiv.org/abs/2401.00011)] [[Coming Soon](https://s.example/y)]\n";
        let source2 = Source::new("README.md", "README.md", with_placeholders);
        let doc2 = Document::parse_with(source2.text(), settings.parse_options());
        let config2 = render(&source2, &doc2, &settings);
        assert!(config2.contains("labels = [\"tldr\"]"), "{config2}");
        assert!(!config2.contains("coming soon"), "{config2}");
        assert!(config.contains("Zorbconf"), "{config}");
        let loaded = Settings::from_toml(&config, std::path::Path::new(".awesome-lint.toml"))
            .expect("the written config loads");
        // Inferred on every run: written as a comment, so the config changes
        // nothing the next run judges.
        assert!(loaded.shape.is_none());
        assert!(!loaded.required_declared);
    }
}

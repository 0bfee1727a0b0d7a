//! What a link's label says it links to: one table for every part that
//! cares (the reader tells papers from other items by it, duplicates compare
//! paper links, link-kind checks hosts, the link checker expects a PDF
//! behind `[[pdf]]`).
//!
//! The labels are data ([`crate::vocabulary`]): the built-in table and a
//! list's `labels` are added by one function, [`Labels::add`].
//!
//! Labels compare case-, markup-, emoji- and space-insensitively:
//! `[[📖 Paper]]`, `[**Github**]` and `[project  page]` are `paper`,
//! `github` and `project page`.

use std::sync::{Arc, LazyLock};

use rustc_hash::FxHashMap;

use crate::vocabulary::{self, LabelTable, VocabularyError};

/// The kind of thing a label names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LabelKind {
    /// `pdf`: the paper's PDF itself.
    Pdf,
    /// The paper in another form: `paper`, `arxiv`, `openreview`, `doi`.
    Paper,
    /// Source code: `code`, `github`, `repo`, `colab`.
    Code,
    /// A project page: `project`, `website`, `homepage`, `demo`.
    Project,
    /// Data: `dataset`, `benchmark`, `leaderboard`.
    Data,
    /// Talks and write-ups: `video`, `slides`, `poster`, `blog`.
    Media,
    /// Other known labels: `bibtex`, `model`, `weights`.
    Other,
    /// A label in no category.
    Unknown,
}

impl LabelKind {
    /// Whether the link identifies the paper (what duplicates are found by).
    pub(crate) fn is_paper(self) -> bool {
        matches!(self, LabelKind::Pdf | LabelKind::Paper)
    }

    /// The kind a category of the vocabulary names (`pdf` for the PDF itself).
    fn of_category(name: &str) -> Option<Self> {
        Some(match name {
            "pdf" => LabelKind::Pdf,
            "paper" => LabelKind::Paper,
            "code" => LabelKind::Code,
            "project" => LabelKind::Project,
            "data" => LabelKind::Data,
            "media" => LabelKind::Media,
            "other" => LabelKind::Other,
            _ => return None,
        })
    }

    /// The category's name, as `[entry] required` names it.
    pub(crate) fn category(self) -> Option<&'static str> {
        Some(match self {
            LabelKind::Pdf | LabelKind::Paper => "paper",
            LabelKind::Code => "code",
            LabelKind::Project => "project",
            LabelKind::Data => "data",
            LabelKind::Media => "media",
            LabelKind::Other => "other",
            LabelKind::Unknown => return None,
        })
    }
}

/// The category names `[entry] required` accepts.
pub(crate) const CATEGORIES: &[&str] = &["paper", "code", "project", "data", "media", "other"];

/// A label's comparable form: lowercase, without emoji, markup, symbols
/// and doubled spaces (`📖 Paper` → `paper`, `Project  Page` → `project page`).
pub(crate) fn normalize(label: &str) -> String {
    let mut out = String::with_capacity(label.len());
    let mut space = false;
    for c in label.chars() {
        if c.is_alphanumeric() || matches!(c, '-' | '&' | '+' | '.') {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.extend(c.to_lowercase());
        } else {
            space = true;
        }
    }
    while out.ends_with(['.', '-']) {
        out.pop();
    }
    out
}

/// [`normalize`] for a short ASCII label, into `buffer`; `None` for others.
fn normalize_ascii<'b>(label: &str, buffer: &'b mut [u8; 64]) -> Option<&'b str> {
    let mut len = 0;
    let mut space = false;
    for &b in label.as_bytes() {
        if !b.is_ascii() {
            return None;
        }
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'&' | b'+' | b'.') {
            if space && len > 0 {
                *buffer.get_mut(len)? = b' ';
                len += 1;
            }
            space = false;
            *buffer.get_mut(len)? = b.to_ascii_lowercase();
            len += 1;
        } else {
            space = true;
        }
    }
    while len > 0 && matches!(buffer[len - 1], b'.' | b'-') {
        len -= 1;
    }
    std::str::from_utf8(&buffer[..len]).ok()
}

/// What a label of pictograms alone says (`[🌐](…)` for the project's
/// site, `[💻](…)` for its code): the few that lists use as legends do, one
/// kind each; any other is no label the table knows.
fn pictogram_kind(label: &str) -> LabelKind {
    let mut kind = LabelKind::Unknown;
    for c in label.chars().filter(|c| !c.is_whitespace()) {
        let this = match c {
            '🌐' | '🏠' | '🏡' => LabelKind::Project,
            '📄' | '📃' | '📑' | '📜' => LabelKind::Paper,
            '💻' | '🖥' | '⌨' => LabelKind::Code,
            '🎥' | '📹' | '📺' | '🎬' | '🎞' => LabelKind::Media,
            '💾' | '🗃' | '🗂' => LabelKind::Data,
            // Variation selectors and joiners ride along with the pictogram.
            '\u{fe0f}' | '\u{fe0e}' | '\u{200d}' => continue,
            _ => return LabelKind::Unknown,
        };
        if kind != LabelKind::Unknown && kind != this {
            return LabelKind::Unknown;
        }
        kind = this;
    }
    kind
}

/// The label table: the built-in labels, then a list's own.
#[derive(Debug, Clone, Default)]
pub struct Labels {
    kinds: FxHashMap<String, LabelKind>,
}

impl Labels {
    /// The built-in table, built once and shared.
    pub(crate) fn builtin() -> &'static Arc<Labels> {
        static BUILTIN: LazyLock<Arc<Labels>> = LazyLock::new(|| {
            let mut labels = Labels::default();
            if let Err(errors) = labels.add(&vocabulary::builtin().labels) {
                panic!("the built-in labels do not add up: {errors:?}");
            }
            Arc::new(labels)
        });
        &BUILTIN
    }

    /// Adds a table of labels (the built-in one, a list's `labels`): by
    /// category, a label takes the category the table gives it; a plain
    /// list adds the labels not known yet, in no category of the built-in
    /// ones (`other`). An unknown category is returned, with where it is.
    pub(crate) fn add(&mut self, table: &LabelTable) -> Result<(), Vec<VocabularyError>> {
        match table {
            LabelTable::Plain(labels) => {
                for label in labels {
                    let label = normalize(label.get_ref());
                    if !label.is_empty() && self.kind_of_normalized(&label) == LabelKind::Unknown {
                        self.kinds.insert(label, LabelKind::Other);
                    }
                }
                Ok(())
            }
            LabelTable::ByCategory(categories) => {
                let mut errors = Vec::new();
                for (category, labels) in categories {
                    let Some(kind) = LabelKind::of_category(category.get_ref()) else {
                        errors.push(VocabularyError {
                            span: category.span(),
                            message: format!("unknown link category `{}`", category.get_ref()),
                            label: "not a category",
                            help: Some(format!("categories are pdf, {}", CATEGORIES.join(", "))),
                        });
                        continue;
                    };
                    for label in labels {
                        self.kinds.insert(normalize(label.get_ref()), kind);
                    }
                }
                if errors.is_empty() {
                    Ok(())
                } else {
                    Err(errors)
                }
            }
        }
    }

    /// The kind of a label.
    pub(crate) fn kind(&self, label: &str) -> LabelKind {
        // No known label is long: a title linked is none of them.
        if label.len() > 40 {
            return LabelKind::Unknown;
        }
        // Most labels are short ASCII words (`pdf`, `Code`): normalized on the
        // stack, as this runs for every link of every entry.
        let mut buffer = [0u8; 64];
        match normalize_ascii(label, &mut buffer) {
            Some(normalized) => self.kind_of_normalized(normalized),
            None => {
                let normalized = normalize(label);
                if normalized.is_empty() {
                    return pictogram_kind(label);
                }
                self.kind_of_normalized(&normalized)
            }
        }
    }

    /// The kind of a label already [`normalize`]d.
    pub(crate) fn kind_of_normalized(&self, label: &str) -> LabelKind {
        if let Some(&kind) = self.kinds.get(label) {
            return kind;
        }
        self.compound_kind(label)
    }

    /// A label built from known ones: numbered (`paper1`, `code 2`,
    /// `PyTorch-1`), or two words of which the known ones agree
    /// (`Code/Prompts`, `public dataset`, `Open Database`), or name two
    /// kinds (`project+code`: other). Longer labels are titles or prose.
    fn compound_kind(&self, label: &str) -> LabelKind {
        let numbered = label
            .trim_end_matches(|c: char| c.is_ascii_digit())
            .trim_end_matches([' ', '-', '_', '#']);
        if numbered.len() < label.len()
            && let Some(&kind) = self.kinds.get(numbered)
        {
            return kind;
        }
        let words: Vec<&str> = label
            .split([' ', '/', '&', '+'])
            .filter(|w| !w.is_empty())
            .collect();
        if !(2..=2).contains(&words.len()) {
            return LabelKind::Unknown;
        }
        let mut found = LabelKind::Unknown;
        for word in words {
            match self.kinds.get(word) {
                Some(&kind) if found == LabelKind::Unknown || found == kind => found = kind,
                // `project+code`: one link to two kinds of thing, a label
                // all the same.
                Some(_) => found = LabelKind::Other,
                None => {}
            }
        }
        found
    }

    /// Every label of the table.
    pub(crate) fn names(&self) -> impl Iterator<Item = &str> {
        self.kinds.keys().map(String::as_str)
    }

    /// Whether a label is in a category.
    pub(crate) fn is_known(&self, label: &str) -> bool {
        self.kind(label) != LabelKind::Unknown
    }

    /// Whether a label is one of the table's own, not built from them
    /// (`Videos`, not `Impossible Videos`).
    pub(crate) fn is_listed(&self, label: &str) -> bool {
        let normalized = normalize(label);
        self.kinds.contains_key(normalized.as_str())
            || self.kinds.contains_key(
                normalized
                    .trim_end_matches(|c: char| c.is_ascii_digit())
                    .trim_end_matches([' ', '-', '_', '#']),
            )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(label: &str) -> LabelKind {
        Labels::builtin().kind(label)
    }

    /// Every built-in label once, in one category, and every category known.
    #[test]
    fn the_built_in_table_is_sound() {
        let LabelTable::ByCategory(categories) = &vocabulary::builtin().labels else {
            panic!("labels.toml lists labels by category");
        };
        let mut seen: FxHashMap<String, &str> = FxHashMap::default();
        let mut problems = Vec::new();
        for (category, labels) in categories {
            if LabelKind::of_category(category.get_ref()).is_none() {
                problems.push(format!("unknown category `{}`", category.get_ref()));
            }
            for label in labels {
                let normalized = normalize(label.get_ref());
                if normalized != *label.get_ref() {
                    problems.push(format!(
                        "`{}` is written `{normalized}` when compared",
                        label.get_ref()
                    ));
                }
                if let Some(first) = seen.insert(normalized, category.get_ref()) {
                    problems.push(format!(
                        "`{}` is in `{first}` and `{}`",
                        label.get_ref(),
                        category.get_ref()
                    ));
                }
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    #[test]
    fn kinds() {
        assert_eq!(kind("PDF"), LabelKind::Pdf);
        assert_eq!(kind("arXiv"), LabelKind::Paper);
        assert_eq!(kind("📖 Paper"), LabelKind::Paper);
        assert_eq!(kind("Code"), LabelKind::Code);
        assert_eq!(kind("**Github**"), LabelKind::Code);
        assert_eq!(kind("Pytorch Code"), LabelKind::Code);
        assert_eq!(kind("project"), LabelKind::Project);
        assert_eq!(kind("🍎 Project  Page"), LabelKind::Project);
        assert_eq!(kind("code-demo"), LabelKind::Project);
        assert_eq!(kind("🤗 Dataset"), LabelKind::Data);
        assert_eq!(kind("Knowledge Base"), LabelKind::Data);
        assert_eq!(kind("Slides"), LabelKind::Media);
        assert_eq!(kind("Washington Post"), LabelKind::Media);
        assert_eq!(kind("Wired"), LabelKind::Media);
        assert_eq!(kind("bibtex"), LabelKind::Other);
        assert_eq!(kind("cdoe"), LabelKind::Unknown);
        // Numbered, and two kinds in one link.
        assert_eq!(kind("PyTorch-1"), LabelKind::Code);
        assert_eq!(kind("project+code"), LabelKind::Other);
        assert!(kind("doi").is_paper() && !kind("code").is_paper());
        assert_eq!(LabelKind::Pdf.category(), Some("paper"));
    }

    fn table(toml: &str) -> LabelTable {
        #[derive(serde::Deserialize)]
        struct Config {
            labels: LabelTable,
        }
        toml::from_str::<Config>(toml).unwrap().labels
    }

    #[test]
    fn a_list_adds_labels_of_its_own() {
        let mut labels = Labels::clone(Labels::builtin());
        labels.add(&table(r#"labels = ["Impl", "pdf"]"#)).unwrap();
        assert_eq!(labels.kind("impl"), LabelKind::Other);
        // Known labels keep their category.
        assert_eq!(labels.kind("PDF"), LabelKind::Pdf);
        let errors = labels
            .add(&table(r#"labels = { code = ["Impl"], slides = ["x"] }"#))
            .unwrap_err();
        assert_eq!(labels.kind("impl"), LabelKind::Code);
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].message, "unknown link category `slides`");
    }

    #[test]
    fn pictograms_alone_name_a_kind() {
        assert_eq!(kind("🌐"), LabelKind::Project);
        assert_eq!(kind("💻"), LabelKind::Code);
        assert_eq!(kind("📄"), LabelKind::Paper);
        assert_eq!(kind("🎥"), LabelKind::Media);
        // Two kinds, or a pictogram nobody reads the same way: no label.
        assert_eq!(kind("🌐💻"), LabelKind::Unknown);
        assert_eq!(kind("🔥"), LabelKind::Unknown);
        // Beside words, the words say it.
        assert_eq!(kind("📖 Paper"), LabelKind::Paper);
    }

    #[test]
    fn normalizing() {
        assert_eq!(normalize("✒️ Citation"), "citation");
        assert_eq!(normalize("  Project   Page "), "project page");
        assert_eq!(normalize("**Code**"), "code");
    }
}

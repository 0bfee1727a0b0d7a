//! What a link's label says it links to: one table for every part that
//! cares (the reader tells papers from other items by it, duplicates compare
//! paper links, link-kind checks hosts, the link checker expects a PDF
//! behind `[[pdf]]`).
//!
//! Labels compare case-, markup-, emoji- and space-insensitively:
//! `[[📖 Paper]]`, `[**Github**]` and `[project  page]` are `paper`,
//! `github` and `project page`.

/// The kind of thing a label names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LabelKind {
    /// `pdf`: the paper's PDF itself.
    Pdf,
    /// The paper in another form: `paper`, `arxiv`, `openreview`, `doi`.
    Paper,
    /// Source code: `code`, `github`, `repo`.
    Code,
    /// A project page: `project`, `website`, `homepage`, `demo`.
    Project,
    /// Data: `dataset`, `benchmark`, `leaderboard`.
    Data,
    /// Talks and write-ups: `video`, `slides`, `poster`, `blog`.
    Media,
    /// Other known labels: `bibtex`, `model`, `weights`, `colab`.
    Other,
    /// A label in no category.
    Unknown,
}

impl LabelKind {
    /// Whether the link identifies the paper (what duplicates are found by).
    pub fn is_paper(self) -> bool {
        matches!(self, LabelKind::Pdf | LabelKind::Paper)
    }

    /// The category's name, as `[entry] required` names it.
    pub fn category(self) -> Option<&'static str> {
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

const PAPER: &[&str] = &[
    "paper",
    "papers",
    "arxiv",
    "openreview",
    "publication",
    "article",
    "doi",
    "html",
    "preprint",
    "proceedings",
    "proceeding",
    "acl",
    "aclanthology",
    "acl anthology",
    "ieee",
    "ieee xplore",
    "acm",
    "springer",
    "nature",
    "pubmed",
    "pmc",
    "biorxiv",
    "medrxiv",
    "pmlr",
    "cvf",
    "journal",
    "conference",
    "full paper",
    "paper link",
    "abs",
    "abstract",
    "ssrn",
    "semantic scholar",
    "report",
    "technical report",
    "tech report",
    "book",
    "chapter",
    "thesis",
    "survey",
    "pdf link",
];
const CODE: &[&str] = &[
    "code",
    "codes",
    "github",
    "gitlab",
    "repo",
    "repository",
    "official code",
    "pytorch code",
    "tensorflow code",
    "jax code",
    "pytorch",
    "tensorflow",
    "official",
    "implementation",
    "official implementation",
    "unofficial code",
    "unofficial implementation",
    "source",
    "source code",
    "src",
    "git",
    "bitbucket",
    "codebase",
    "toolbox",
    "toolkit",
    "library",
    "package",
    "software",
];
const PROJECT: &[&str] = &[
    "project",
    "project page",
    "project website",
    "projects",
    "website",
    "web",
    "webpage",
    "web page",
    "homepage",
    "home page",
    "home",
    "page",
    "site",
    "demo",
    "demos",
    "code-demo",
    "live demo",
    "online demo",
    "playground",
    "app",
    "space",
    "api",
];
const DATA: &[&str] = &[
    "data",
    "dataset",
    "datasets",
    "benchmark",
    "benchmarks",
    "leaderboard",
    "corpus",
    "knowledge base",
    "database",
    "challenge",
];
const MEDIA: &[&str] = &[
    "video",
    "videos",
    "youtube",
    "bilibili",
    "slides",
    "slide",
    "poster",
    "blog",
    "blogpost",
    "blog post",
    "talk",
    "media",
    "news",
    "press",
    "podcast",
    "tweet",
    "twitter",
    "zhihu",
    "medium",
    "presentation",
    "tutorial",
    "audio",
    // Press coverage, linked by the outlet's name.
    "washington post",
    "new york times",
    "nyt",
    "wired",
    "the verge",
    "techcrunch",
    "venturebeat",
    "mit technology review",
    "technology review",
    "forbes",
    "bbc",
    "cnn",
    "reuters",
    "the guardian",
    "guardian",
    "quanta",
    "quanta magazine",
    "ieee spectrum",
    "new scientist",
    "the economist",
    "financial times",
    "bloomberg",
    "axios",
    "zdnet",
    "engadget",
    "ars technica",
    "synced",
    "jiqizhixin",
];
const OTHER: &[&str] = &[
    // A survey's companion list of papers lives in a repository.
    "paper list",
    "papers list",
    "reading list",
    "bibtex",
    "bib",
    "citation",
    "cite",
    "model",
    "models",
    "weights",
    "checkpoint",
    "checkpoints",
    "ckpt",
    "huggingface",
    "hugging face",
    "hf",
    "colab",
    "notebook",
    "kaggle",
    "supp",
    "supplementary",
    "supplement",
    "supplemental",
    "appendix",
    "reviews",
    "review",
    "openreview discussion",
    "docs",
    "documentation",
    "eval tool",
    "zenodo",
    "model card",
    "link",
    "links",
    "url",
];

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

/// The kind of a label.
pub(crate) fn kind(label: &str) -> LabelKind {
    // No known label is long: a title linked is none of them.
    if label.len() > 40 {
        return LabelKind::Unknown;
    }
    // Most labels are short ASCII words (`pdf`, `Code`): normalized on the
    // stack, as this runs for every link of every entry.
    let mut buffer = [0u8; 64];
    match normalize_ascii(label, &mut buffer) {
        Some(normalized) => kind_of_normalized(normalized),
        None => kind_of_normalized(&normalize(label)),
    }
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

/// Every known label and its kind.
static KINDS: std::sync::LazyLock<rustc_hash::FxHashMap<&'static str, LabelKind>> =
    std::sync::LazyLock::new(|| {
        let mut kinds = rustc_hash::FxHashMap::default();
        for (names, kind) in [
            (OTHER, LabelKind::Other),
            (MEDIA, LabelKind::Media),
            (DATA, LabelKind::Data),
            (PROJECT, LabelKind::Project),
            (CODE, LabelKind::Code),
            (PAPER, LabelKind::Paper),
            (&["pdf", "paper pdf", "pdf paper"][..], LabelKind::Pdf),
        ] {
            for name in names {
                // A later category wins: `pdf` is Pdf, not the Paper it also is.
                kinds.insert(*name, kind);
            }
        }
        kinds
    });

/// The kind of a label already [`normalize`]d.
pub(crate) fn kind_of_normalized(label: &str) -> LabelKind {
    if let Some(&kind) = KINDS.get(label) {
        return kind;
    }
    compound_kind(label)
}

/// A label built from known ones: numbered (`paper1`, `code 2`), or two
/// words of which the known ones agree (`Code/Prompts`, `public dataset`,
/// `Open Database`). Longer labels are titles or prose, not labels.
fn compound_kind(label: &str) -> LabelKind {
    let numbered = label
        .trim_end_matches(|c: char| c.is_ascii_digit())
        .trim_end();
    if numbered.len() < label.len()
        && let Some(&kind) = KINDS.get(numbered)
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
        match KINDS.get(word) {
            Some(&kind) if found == LabelKind::Unknown || found == kind => found = kind,
            Some(_) => return LabelKind::Unknown,
            None => {}
        }
    }
    found
}

/// Every label of the built-in categories.
pub(crate) fn names() -> impl Iterator<Item = &'static str> {
    KINDS.keys().copied()
}

/// Whether a label is in a category.
pub(crate) fn is_known(label: &str) -> bool {
    kind(label) != LabelKind::Unknown
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert!(kind("doi").is_paper() && !kind("code").is_paper());
        assert_eq!(LabelKind::Pdf.category(), Some("paper"));
    }

    #[test]
    fn normalizing() {
        assert_eq!(normalize("✒️ Citation"), "citation");
        assert_eq!(normalize("  Project   Page "), "project page");
        assert_eq!(normalize("**Code**"), "code");
    }
}

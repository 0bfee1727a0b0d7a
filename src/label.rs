//! What a link's label says it links to: one table for every rule that
//! cares (duplicates compare paper links, link-kind checks hosts, the link
//! checker expects a PDF behind `[[pdf]]`).

/// The kind of thing a label names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LabelKind {
    /// `pdf`: the paper's PDF itself.
    Pdf,
    /// The paper in another form: `paper`, `arxiv`, `doi`, `html`.
    Paper,
    /// Source code: `code`, `github`, `repo`.
    Code,
    /// Anything else: project pages, data, videos.
    Other,
}

impl LabelKind {
    /// Whether the link identifies the paper (what duplicates are found by).
    pub fn is_paper(self) -> bool {
        matches!(self, LabelKind::Pdf | LabelKind::Paper)
    }
}

const PAPER: &[&str] = &["paper", "arxiv", "doi", "html"];
const CODE: &[&str] = &["code", "github", "repo"];

/// The kind of a label, ignoring ASCII case.
pub fn kind(label: &str) -> LabelKind {
    let is = |names: &[&str]| names.iter().any(|n| n.eq_ignore_ascii_case(label));
    if label.eq_ignore_ascii_case("pdf") {
        LabelKind::Pdf
    } else if is(PAPER) {
        LabelKind::Paper
    } else if is(CODE) {
        LabelKind::Code
    } else {
        LabelKind::Other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds() {
        assert_eq!(kind("PDF"), LabelKind::Pdf);
        assert_eq!(kind("arXiv"), LabelKind::Paper);
        assert_eq!(kind("Code"), LabelKind::Code);
        assert_eq!(kind("project"), LabelKind::Other);
        assert!(kind("doi").is_paper() && !kind("code").is_paper());
    }
}

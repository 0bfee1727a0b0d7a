//! `title-mismatch`: an entry's paper link is to a paper of another title,
//! by the paper's own metadata (arXiv, Crossref, OpenReview). Online: the
//! link checker asks the services, and this rule compares.

use std::collections::HashMap;

use crate::diagnostic::Finding;
use crate::document::{Document, Entry, Span};
use crate::identity::{self, same_paper_titles};
use crate::paper::{Answer, PaperId};
use crate::rule::Rule;
use crate::source::Source;

/// Titles sharing at least this share of their words (Dice) are taken as
/// one paper's: retitled versions stay above it. On the corpus lists, 4% of
/// neighbouring entries (different papers on one topic, what a copied
/// link points at) share as many.
const SAME_PAPER_DICE: f64 = 0.5;

/// The papers whose titles can be compared, with the span of the link to
/// each: each entry's paper links that a service can describe, when the
/// entry writes a title worth comparing.
pub(crate) fn papers(text: &str, doc: &Document) -> Vec<(PaperId, Span)> {
    let mut ids = Vec::new();
    for entry in &doc.entries {
        if comparable_title(text, entry).is_none() {
            continue;
        }
        for (_, url) in identity::paper_keys(text, entry) {
            if let Some(id) = PaperId::of_url(&text[url.clone()]) {
                ids.push((id, url.clone()));
            }
        }
    }
    ids
}

/// The findings, from what the services said.
pub(crate) fn findings(
    source: &Source,
    doc: &Document,
    answers: &HashMap<PaperId, Answer>,
) -> Vec<Finding> {
    let text = source.text();
    let mut out = Vec::new();
    for (index, entry) in doc.entries.iter().enumerate() {
        let Some(written) = comparable_title(text, entry) else {
            continue;
        };
        let mut seen: Vec<PaperId> = Vec::new();
        for (_, url) in identity::paper_keys(text, entry) {
            let Some(id) = PaperId::of_url(&text[url.clone()]) else {
                continue;
            };
            if seen.contains(&id) {
                continue;
            }
            let Some(Answer::Found(paper)) = answers.get(&id) else {
                continue;
            };
            if names_paper(written, &paper.title) {
                seen.push(id);
                continue;
            }
            let owner = doc.entries.iter().enumerate().find(|&(other, entry)| {
                other != index
                    && comparable_title(text, entry)
                        .is_some_and(|t| same_paper_titles(t, &paper.title))
            });
            // Only another entry's title says for sure that the link is
            // wrong: a paper retitled since the list was written (arXiv
            // gives the latest title only) looks the same otherwise.
            let (message, help) = match owner {
                Some((_, other)) => (
                    format!(
                        "the link is to {id}, \u{201c}{}\u{201d}: this is the paper of the entry on line {}",
                        paper.title,
                        source.line_of(other.head.start)
                    ),
                    "link this entry's own paper",
                ),
                None => (
                    format!(
                        "the link is to {id}, \u{201c}{}\u{201d}, not the title this entry gives",
                        paper.title
                    ),
                    "link the entry's own paper; if the link is right, the paper was retitled: write its title",
                ),
            };
            let mut finding = Finding::new(Rule::TitleMismatch, url.clone(), message)
                .label(format!("{} gives another title", id.service()))
                .help(help);
            if let Some(title) = &entry.title {
                finding = finding.related(title.inner.clone(), "the entry's title");
            }
            if let Some((_, other)) = owner
                && let Some(title) = &other.title
            {
                finding = finding.related(title.inner.clone(), "the entry whose paper it is");
            }
            out.push(finding);
            seen.push(id);
        }
    }
    out
}

/// The entry's title, when it can be compared: three words at least (a
/// name alone, `[CLIP](url)`, says too little), mostly in Latin letters (a
/// title the list gives in translation, `基于…的…`, cannot be compared with
/// the paper's English one).
fn comparable_title<'t>(text: &'t str, entry: &Entry) -> Option<&'t str> {
    let title = entry.title.as_ref()?;
    let written = text.get(title.inner.clone())?.trim();
    let words = written
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric));
    let (mut letters, mut latin) = (0usize, 0usize);
    for c in written.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        latin += usize::from(c <= '\u{24f}');
    }
    (words.count() >= 3 && latin * 2 > letters).then_some(written)
}

/// Whether the title an entry writes names the paper the service calls
/// `official`.
pub(crate) fn names_paper(written: &str, official: &str) -> bool {
    let (written, official) = (plain(written), plain(official));
    let variants = |t: &str| -> Vec<String> {
        let mut v = vec![t.to_owned()];
        if let Some(rest) = without_name(t) {
            v.push(rest.to_owned());
        }
        v
    };
    for a in variants(&written) {
        for b in variants(&official) {
            if similar(&a, &b) {
                return true;
            }
        }
    }
    false
}

fn similar(written: &str, official: &str) -> bool {
    if same_paper_titles(written, official) {
        return true;
    }
    let (w, o) = (
        identity::normalized_title(written),
        identity::normalized_title(official),
    );
    if w.is_empty() || o.is_empty() {
        return false;
    }
    // One is the other with a subtitle left out.
    let (shorter, longer) = if w.len() <= o.len() {
        (&w, &o)
    } else {
        (&o, &w)
    };
    if shorter.chars().count() >= 15 && longer.contains(shorter.as_str()) {
        return true;
    }
    // `Medical Knowledge Enhanced ... Radiology`: every piece, in order.
    if written.contains("...") || written.contains('\u{2026}') {
        let mut rest = o.as_str();
        let pieces = written.split("...").flat_map(|p| p.split('\u{2026}'));
        let mut all = true;
        for piece in pieces
            .map(identity::normalized_title)
            .filter(|p| !p.is_empty())
        {
            match rest.find(&piece) {
                Some(at) => rest = &rest[at + piece.len()..],
                None => {
                    all = false;
                    break;
                }
            }
        }
        if all {
            return true;
        }
    }
    dice(written, official) >= SAME_PAPER_DICE
}

/// The title after a leading `Name:` (`MAVL: Decomposing ...`).
fn without_name(title: &str) -> Option<&str> {
    let (head, rest) = title.split_once(':')?;
    let rest = rest.trim();
    (!head.trim().is_empty() && head.split_whitespace().count() <= 3 && !rest.is_empty())
        .then_some(rest)
}

/// The Dice coefficient of two titles' word lists.
fn dice(a: &str, b: &str) -> f64 {
    let (wa, wb) = (identity::words(a), identity::words(b));
    if wa.is_empty() || wb.is_empty() {
        return 0.0;
    }
    let mut pool = wb.clone();
    let mut shared = 0;
    for word in &wa {
        if let Some(at) = pool.iter().position(|w| w == word) {
            pool.swap_remove(at);
            shared += 1;
        }
    }
    (2 * shared) as f64 / (wa.len() + wb.len()) as f64
}

/// A title as plain text: LaTeX commands, math and braces gone (`\textit{X}`
/// is `X`, `$^2$` is `2`), accents folded (`é` is `e`), markdown emphasis gone.
fn plain(title: &str) -> String {
    let mut out = String::with_capacity(title.len());
    let mut chars = title.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                // A command's name goes; an escaped symbol (`\&`) stays.
                if chars.peek().is_some_and(|c| c.is_ascii_alphabetic()) {
                    while chars.peek().is_some_and(|c| c.is_ascii_alphabetic()) {
                        chars.next();
                    }
                    out.push(' ');
                }
            }
            '$' | '{' | '}' | '*' | '_' | '^' | '`' => {}
            _ => out.push(fold_accent(c)),
        }
    }
    out
}

/// The base letter of a Latin letter with a diacritic.
fn fold_accent(c: char) -> char {
    const LATIN1: &str = "AAAAAAACEEEEIIIIDNOOOOO×OUUUUYÞsaaaaaaaceeeeiiiidnooooo÷ouuuuyþy";
    match c {
        '\u{c0}'..='\u{ff}' => LATIN1.chars().nth(c as usize - 0xc0).unwrap_or(c),
        'ą' | 'ă' | 'ā' => 'a',
        'ć' | 'č' => 'c',
        'ę' | 'ě' | 'ē' => 'e',
        'ğ' => 'g',
        'ı' | 'ī' => 'i',
        'ł' => 'l',
        'ń' | 'ň' => 'n',
        'ő' | 'ō' => 'o',
        'ř' => 'r',
        'ś' | 'š' | 'ş' => 's',
        'ť' | 'ţ' => 't',
        'ű' | 'ů' | 'ū' => 'u',
        'ź' | 'ż' | 'ž' => 'z',
        'Ł' => 'L',
        'Ś' | 'Š' => 'S',
        'Ź' | 'Ż' | 'Ž' => 'Z',
        'Ć' | 'Č' => 'C',
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_of_one_title_name_the_paper() {
        let official =
            "MedKLIP: Medical Knowledge Enhanced Language-Image Pre-Training in Radiology";
        assert!(names_paper(official, official));
        assert!(names_paper(
            "Medical knowledge enhanced language-image pre-training in radiology",
            official
        ));
        assert!(names_paper(
            "MedKLIP: Medical Knowledge Enhanced ... Radiology",
            official
        ));
        assert!(names_paper(
            "$\\alpha$-Tuning: \\textit{Efficient} Résumé Models",
            "α-Tuning: Efficient Resume Models"
        ));
        // A retitled version keeps most of its words.
        assert!(names_paper(
            "Inference Optimal VLMs Need Only One Visual Token but Larger Models",
            "Inference Optimal VLMs Need Fewer Visual Tokens and More Parameters"
        ));
    }

    #[test]
    fn another_papers_title_does_not() {
        assert!(!names_paper(
            "PIGLeT: Language Grounding Through Neuro-Symbolic Interaction in a 3D World",
            "Language Models as Zero-Shot Planners: Extracting Actionable Knowledge for Embodied Agents"
        ));
        assert!(!names_paper(
            "Medical Report Generation with Knowledge Graphs",
            "MedRPG: Medical Visual Grounding via Region Pointing"
        ));
    }

    #[test]
    fn translated_titles_are_not_compared() {
        let text = "- [**CVPR 2024**] CLIP 在 医学图像 分割 中的 应用 [[pdf]](https://arxiv.org/pdf/2401.00001.pdf)\n";
        let doc = Document::parse(text);
        assert_eq!(doc.entries.len(), 1);
        assert!(doc.entries[0].title.is_some());
        assert_eq!(comparable_title(text, &doc.entries[0]), None);
        let english = "- [**CVPR 2024**] CLIP for Medical Image Segmentation [[pdf]](https://arxiv.org/pdf/2401.00001.pdf)\n";
        let doc = Document::parse(english);
        assert!(comparable_title(english, &doc.entries[0]).is_some());
        assert!(papers(text, &doc).is_empty());
    }

    #[test]
    fn accents_fold() {
        assert_eq!(plain("Éléphant Ñu Łódź"), "Elephant Nu Lodz");
    }
}

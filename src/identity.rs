//! What identifies a paper and a repository from an entry, for the rules
//! that compare entries with each other (`duplicate-entry`, `shared-link`):
//! the paper keys of its paper links, its code repositories, and its title
//! in a form that compares across spellings.

use crate::document::{Entry, HostKind, LabelKind, Link, Span};
use crate::url::{self, PaperKey};

/// The paper keys of an entry's links that identify its paper: paper-labelled
/// links, and a linked title on a paper host or to a PDF.
pub fn paper_keys<'t>(
    text: &'t str,
    entry: &'t Entry,
) -> impl Iterator<Item = (PaperKey<'t>, &'t Span)> + 't {
    entry
        .links
        .iter()
        .filter(|link| is_paper_link(link))
        .filter_map(move |link| {
            let url = link.url.as_ref()?;
            Some((url::paper_key(&text[url.clone()])?, url))
        })
}

fn is_paper_link(link: &Link) -> bool {
    if link.is_title {
        link.host == HostKind::Paper || link.to_pdf
    } else {
        link.kind.is_paper()
    }
}

/// A code repository: `owner/repo` of a code link on a code host, lowercase.
pub fn code_repos<'t>(
    text: &'t str,
    entry: &'t Entry,
) -> impl Iterator<Item = (String, &'t Span)> + 't {
    entry
        .links
        .iter()
        .filter(|link| {
            !link.is_title && link.kind == LabelKind::Code && link.host == HostKind::Code
        })
        .filter_map(move |link| {
            let url = link.url.as_ref()?;
            let parts = url::parse(&text[url.clone()])?;
            let mut segments = parts.path.split('/').filter(|s| !s.is_empty());
            let owner = segments.next()?;
            let repo = segments.next()?.trim_end_matches(".git");
            Some((
                format!(
                    "{}/{}/{}",
                    parts.host.to_ascii_lowercase(),
                    owner.to_ascii_lowercase(),
                    repo.to_ascii_lowercase()
                ),
                url,
            ))
        })
}

/// A title's letters, digits, `+` and `#`, lowercased: case, punctuation and
/// spacing do not matter, but `SAME` and `SAME++` stay two names.
pub fn normalized_title(title: &str) -> String {
    title
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, '+' | '#'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The words of a title, lowercased, without punctuation.
fn words(title: &str) -> Vec<String> {
    title
        .split(|c: char| !(c.is_alphanumeric() || matches!(c, '+' | '#')))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Whether two titles name one paper: the same once normalized, or one
/// wording of the other (most of their words shared: `Language-Image
/// Pre-training` and `Language Image Pre-Training (extended)`).
pub fn same_paper_titles(a: &str, b: &str) -> bool {
    let (na, nb) = (normalized_title(a), normalized_title(b));
    if na == nb {
        return true;
    }
    if na.len() >= 20 && nb.len() >= 20 && (na.starts_with(&nb) || nb.starts_with(&na)) {
        return true;
    }
    let (wa, wb) = (words(a), words(b));
    if wa.is_empty() || wb.is_empty() {
        return false;
    }
    // A retitled version keeps its opening (`Inference Optimal VLMs Need
    // Only One Visual Token` and `... Need Fewer Visual Tokens`).
    if wa.len() >= 4 && wb.len() >= 4 && wa[..4] == wb[..4] {
        return true;
    }
    let shared = wa.iter().filter(|w| wb.contains(w)).count();
    // Dice coefficient of the word lists.
    shared * 2 * 10 >= (wa.len() + wb.len()) * 7
}

/// Whether two author lists share most of their names' words.
pub fn same_authors(a: &str, b: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        let mut w: Vec<String> = s
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| w.chars().count() >= 3 && w.chars().next().is_some_and(char::is_uppercase))
            .map(str::to_lowercase)
            .collect();
        w.sort();
        w.dedup();
        w
    };
    let (a, b) = (words(a), words(b));
    let shared = a.iter().filter(|w| b.contains(w)).count();
    let fewer = a.len().min(b.len());
    fewer > 0 && shared * 2 >= fewer
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_of_one_paper_and_of_two() {
        assert!(same_paper_titles(
            "MedKLIP: Medical Knowledge Enhanced Language-Image Pre-Training in Radiology",
            "MedKLIP: Medical Knowledge-Enhanced Language Image Pre-training in Radiology (extended)"
        ));
        assert!(same_paper_titles(
            "Attention Is All You Need",
            "attention is all you need."
        ));
        assert!(!same_paper_titles("SAME", "SAME++"));
        assert_ne!(normalized_title("SAME"), normalized_title("SAME++"));
        assert!(!same_paper_titles(
            "Language Models as Zero-Shot Planners",
            "PIGLeT: Language Grounding Through Neuro-Symbolic Interaction in a 3D World"
        ));
        assert!(!same_paper_titles(
            "Multi-Modal Masked Autoencoders for Medical Vision-and-Language Pre-Training",
            "M3AE: the same paper, another title"
        ));
    }
}

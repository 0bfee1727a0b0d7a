//! What identifies a paper and a repository from an entry, for the rules
//! that compare entries with each other (`duplicate-entry`, `shared-link`):
//! the paper keys of its paper links, its code repositories, and its title
//! in a form that compares across spellings.

use crate::document::{Document, Entry, HostKind, LabelKind, Link, Span};
use crate::url::{self, PaperKey};

/// The paper keys of every entry, read once per lint: three rules compare
/// entries by them, and parsing each URL again in each was a fifth of the
/// rules' time on a large list.
#[derive(Debug, Default)]
pub(crate) struct Identities<'t> {
    keys: Vec<(PaperKey<'t>, &'t Span)>,
    /// Entry `i`'s keys are `keys[starts[i]..starts[i + 1]]`.
    starts: Vec<usize>,
}

impl<'t> Identities<'t> {
    pub(crate) fn of(text: &'t str, doc: &'t Document) -> Self {
        let mut identities = Identities {
            keys: Vec::with_capacity(doc.entries.len()),
            starts: Vec::with_capacity(doc.entries.len() + 1),
        };
        for entry in &doc.entries {
            identities.starts.push(identities.keys.len());
            identities.keys.extend(paper_keys(text, entry));
        }
        identities.starts.push(identities.keys.len());
        identities
    }

    /// The paper keys of the entry at `index`, with the URL each came from.
    pub(crate) fn paper_keys(&self, index: usize) -> &[(PaperKey<'t>, &'t Span)] {
        match (self.starts.get(index), self.starts.get(index + 1)) {
            (Some(&start), Some(&end)) => &self.keys[start..end],
            _ => &[],
        }
    }
}

/// The paper keys of an entry's links that identify its paper: paper-labelled
/// links, and a linked title on a paper host or to a PDF.
pub(crate) fn paper_keys<'t>(
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
        // A label that names no kind of link (`[[CVPR](…)]`, `[iccv21](…)`,
        // a venue the list labels its paper links with) on a paper host
        // or to a PDF: the paper, by where it leads.
        link.kind.is_paper()
            || (link.kind == LabelKind::Unknown && (link.host == HostKind::Paper || link.to_pdf))
    }
}

/// A code repository: host, owner and name as the link writes them, compared
/// and hashed without case (`GitHub.com/Owner/Repo` is `github.com/owner/repo`),
/// so that keying every repository of a list allocates nothing.
#[derive(Debug, Clone, Copy)]
pub(crate) struct RepoKey<'t> {
    pub host: &'t str,
    pub owner: &'t str,
    pub name: &'t str,
}

impl PartialEq for RepoKey<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.host.eq_ignore_ascii_case(other.host)
            && self.owner.eq_ignore_ascii_case(other.owner)
            && self.name.eq_ignore_ascii_case(other.name)
    }
}

impl Eq for RepoKey<'_> {}

impl std::hash::Hash for RepoKey<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        for part in [self.host, self.owner, self.name] {
            for b in part.bytes() {
                state.write_u8(b.to_ascii_lowercase());
            }
            // No URL part holds 0xff: `ab/c` and `a/bc` hash apart.
            state.write_u8(0xff);
        }
    }
}

/// The code repositories of an entry's code links on a code host. A link to
/// a PDF or a page kept in a repository (`…/blob/main/Tutorial.pdf`, slides
/// in the list's own repository) leads to that document, not to code: two
/// documents of one repository are no code shared.
pub(crate) fn code_repos<'t>(
    text: &'t str,
    entry: &'t Entry,
) -> impl Iterator<Item = (RepoKey<'t>, &'t Span)> + 't {
    entry
        .links
        .iter()
        .filter(|link| {
            !link.is_title
                && link.kind == LabelKind::Code
                && link.host == HostKind::Code
                && !link.to_pdf
                && !link.to_page
        })
        .filter_map(move |link| {
            let url = link.url.as_ref()?;
            let parts = url::parse(&text[url.clone()])?;
            let mut segments = parts.path.split('/').filter(|s| !s.is_empty());
            let owner = segments.next()?;
            let name = segments.next()?;
            let name = name.strip_suffix(".git").unwrap_or(name);
            Some((
                RepoKey {
                    host: parts.host,
                    owner,
                    name,
                },
                url,
            ))
        })
}

/// A title's letters, digits, `+` and `#`, lowercased: case, punctuation and
/// spacing do not matter, but `SAME` and `SAME++` stay two names.
pub(crate) fn normalized_title(title: &str) -> String {
    let mut out = String::with_capacity(title.len());
    normalized_chars(title, |c| out.push(c));
    out
}

/// What each ASCII byte is in a normalized title: itself lowercased, or 0
/// when it is left out (a table: this runs for every byte of every title).
const KEPT: [u8; 128] = {
    let mut table = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let byte = b as u8;
        if byte.is_ascii_alphanumeric() || byte == b'+' || byte == b'#' {
            table[b] = byte.to_ascii_lowercase();
        }
        b += 1;
    }
    table
};

/// [`normalized_title`]'s characters, handed over one by one, so that the
/// hash of every title of a list is computed without building it. ASCII,
/// nearly all of it, goes byte by byte through [`KEPT`].
fn normalized_chars(title: &str, mut each: impl FnMut(char)) {
    let bytes = title.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        let byte = bytes[at];
        if byte.is_ascii() {
            at += 1;
            let kept = KEPT[usize::from(byte)];
            if kept != 0 {
                each(char::from(kept));
            }
            continue;
        }
        let Some(c) = title[at..].chars().next() else {
            break;
        };
        at += c.len_utf8();
        if c.is_alphanumeric() {
            c.to_lowercase().for_each(&mut each);
        }
    }
}

/// A hash of [`normalized_title`] and its length in characters, computed
/// without allocating.
pub(crate) fn normalized_title_hash(title: &str) -> (u64, usize) {
    use std::hash::Hasher;
    let mut hasher = rustc_hash::FxHasher::default();
    let mut count = 0;
    // ASCII is packed eight characters to a word before hashing; any other
    // character goes in whole. The same string packs the same way.
    let mut word = 0u64;
    let mut packed = 0;
    normalized_chars(title, |c| {
        count += 1;
        if c.is_ascii() {
            word = word << 8 | c as u64;
            packed += 1;
            if packed == 8 {
                hasher.write_u64(word);
                (word, packed) = (0, 0);
            }
        } else {
            hasher.write_u32(c as u32);
        }
    });
    if packed > 0 {
        hasher.write_u64(word);
        hasher.write_u8(packed);
    }
    (hasher.finish(), count)
}

/// The words of a title, lowercased, without punctuation.
pub(crate) fn words(title: &str) -> Vec<String> {
    title
        .split(|c: char| !(c.is_alphanumeric() || matches!(c, '+' | '#')))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Whether two titles name one paper: the same once normalized, or one
/// wording of the other (most of their words shared: `Language-Image
/// Pre-training` and `Language Image Pre-Training (extended)`).
pub(crate) fn same_paper_titles(a: &str, b: &str) -> bool {
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
pub(crate) fn same_authors(a: &str, b: &str) -> bool {
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
        assert_eq!(normalized_title("Ünïcode: Ä-Title 2"), "ünïcodeätitle2");
        assert_eq!(normalized_title("Deep-Learning, 101"), "deeplearning101");
        // Spellings of one title hash alike, whatever their length.
        let long =
            "A Very Long Title About Vision-Language Pre-training for Medical Images, Revisited";
        assert_eq!(
            normalized_title_hash(long),
            normalized_title_hash(&long.to_uppercase().replace('-', " "))
        );
        assert_eq!(
            normalized_title_hash(long).1,
            normalized_title(long).chars().count()
        );
        assert_ne!(
            normalized_title_hash("SAME").0,
            normalized_title_hash("SAME++").0
        );
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

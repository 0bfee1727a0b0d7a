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

/// Whether two author lists are other people's: each written out in full
/// (no `et al.`), of two names or more, and no name's word shared. A code
/// repository is its authors': two such lists cannot both be its papers'.
pub(crate) fn other_authors(a: &str, b: &str) -> bool {
    let names = |s: &str| -> Option<Vec<String>> {
        let lower = s.to_lowercase();
        if lower.contains("et al") || lower.contains("etc") || s.contains('…') || s.contains("...")
        {
            return None;
        }
        let count = s
            .split([',', ';', '&'])
            .flat_map(|part| part.split(" and "))
            .filter(|part| part.chars().any(char::is_alphabetic))
            .count();
        let mut words: Vec<String> = s
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| w.chars().count() >= 2 && w.chars().next().is_some_and(char::is_uppercase))
            .map(str::to_lowercase)
            .collect();
        words.sort();
        words.dedup();
        (count >= 2 && words.len() >= 2).then_some(words)
    };
    match (names(a), names(b)) {
        (Some(a), Some(b)) => !a.iter().any(|w| b.contains(w)),
        _ => false,
    }
}

/// Whether a title's opening words spell a repository's name, by their
/// initials or their first letters run together (`CGT` from `Cell Graph
/// Transformer`, `HRSTNet` from `High-Resolution Swin Transformer`,
/// `attswinunet` from `Attention Swin U-Net`): the name a paper's code is
/// kept under when its title gives it none. Three words at least, from the
/// title's first (two spell too much by chance: `MAGE` from `Masked
/// Generative`); small words (`for`, `based`) may be passed over.
pub(crate) fn title_spells(title: &str, repo: &str) -> bool {
    const SMALL: &[&str] = &[
        "a", "an", "the", "of", "for", "and", "with", "in", "on", "to", "via", "by", "based",
        "from", "at", "towards", "toward",
    ];
    let repo: Vec<char> = repo
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    if repo.len() < 3 || repo.len() > 24 {
        return false;
    }
    let words: Vec<Vec<char>> = title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(12)
        .map(|w| w.chars().flat_map(char::to_lowercase).collect())
        .collect();
    // `net`, `former`: what a method's name adds to its title's words.
    let ends: &[&str] = &["", "net", "former"];
    ends.iter().any(|end| {
        let end: Vec<char> = end.chars().collect();
        repo.len() > end.len() + 2
            && repo.ends_with(&end)
            && spelled(&repo[..repo.len() - end.len()], &words, 0, 0, SMALL)
    })
}

/// Whether `name` is spelled by prefixes of `words[at..]`, one per word in
/// order (a small word may give none), `used` words having given some.
fn spelled(name: &[char], words: &[Vec<char>], at: usize, used: usize, small: &[&str]) -> bool {
    if name.is_empty() {
        return used >= 3;
    }
    let Some(word) = words.get(at) else {
        return false;
    };
    let is_small = small.iter().any(|s| s.chars().eq(word.iter().copied()));
    if is_small && spelled(name, words, at + 1, used, small) {
        return true;
    }
    // Longest prefix first: `swin` before `s`.
    let common = word.iter().zip(name).take_while(|(a, b)| a == b).count();
    (1..=common)
        .rev()
        .any(|take| spelled(&name[take..], words, at + 1, used + 1, small))
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

    #[test]
    fn titles_spell_their_repositories() {
        assert!(title_spells(
            "Cell Graph Transformer for Nuclei Classification",
            "CGT"
        ));
        assert!(title_spells(
            "Prompt-based Grouping Transformer for Nucleus Detection and Classification",
            "PGT"
        ));
        assert!(title_spells(
            "High-Resolution Swin Transformer for Automatic Medical Image Segmentation",
            "HRSTNet"
        ));
        assert!(title_spells(
            "Attention Swin U-Net: Cross-Contextual Attention Mechanism for Skin Lesion Segmentation",
            "attswinunet"
        ));
        // Not from the first word, not the words' letters, one word only.
        assert!(!title_spells(
            "Improved Super Resolution of MR Images",
            "HRSTNet"
        ));
        assert!(!title_spells(
            "Affine-Consistent Transformer for Multi-Class Cell Nuclei",
            "PGT"
        ));
        assert!(!title_spells("A Survey of Transformers", "survey"));
        assert!(!title_spells(
            "TFormer: 3D Tooth Segmentation in Mesh Scans",
            "attswinunet"
        ));
        assert!(!title_spells("Masked Generative Video Transformer", "MAGE"));
    }

    #[test]
    fn other_peoples_author_lists() {
        assert!(other_authors(
            "Bangzheng Li, Wenpeng Yin, and Muhao Chen",
            "Oscar Sainz, Itziar Gonzalez-Dios, Oier Lopez de Lacalle, Bonan Min, and Eneko Agirre"
        ));
        // One name shared, a list cut short, a single name: not told apart.
        assert!(!other_authors(
            "Hanzi Xu, Wenpeng Yin",
            "Bangzheng Li, Wenpeng Yin"
        ));
        assert!(!other_authors("Li et al.", "Sainz et al."));
        assert!(!other_authors("Bangzheng Li", "Oscar Sainz, Eneko Agirre"));
    }
}

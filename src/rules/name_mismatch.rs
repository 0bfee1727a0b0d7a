//! `name-mismatch`: the short-name tag disagrees with the name the title gives itself.

use super::Context;
use crate::diagnostic::Finding;
use crate::rule::Rule;

pub(super) fn check(ctx: &Context, out: &mut Vec<Finding>) {
    // Each entry's short name and the name its title gives itself.
    let pairs: Vec<(&crate::document::Name, crate::document::Span, bool)> = ctx
        .doc
        .entries
        .iter()
        .filter_map(|e| {
            let title = e.title.as_ref()?;
            // `METAMORPH: LEARNING UNIVERSAL CONTROLLERS`: a title in capitals
            // says nothing about how its name is cased.
            let shouting = !ctx.text(&title.inner).chars().any(char::is_lowercase);
            Some((e.name.as_ref()?, title.prefix.clone()?, shouting))
        })
        .collect();
    // A name may name something else than the title's on purpose (the
    // dataset a paper introduced: `**MD-EHR**: ClinicalGPT: ...`, the model
    // of a benchmark paper: `**[Moment-DETR]** QVHighlights: ...`): only a
    // near miss is a slip. On real lists judged by hand, every other
    // mismatch reported was on purpose (13 of 13).
    for (name_tag, prefix_span, shouting) in pairs {
        let prefix = ctx.text(&prefix_span);
        let name = ctx.text(&name_tag.inner).trim();
        if same_name(name, prefix) || !near_miss(name, prefix) {
            continue;
        }
        // `YOLO v3` and `YOLOv3`, `CycleGAN-VC V2` and `CycleGAN-VC2`: one
        // name, spaced, hyphenated or versioned another way.
        let (bare_name, bare_prefix) = (bare(name), bare(prefix));
        if bare_name == bare_prefix || abbreviates(name, prefix) {
            continue;
        }
        let case_only = bare_name.eq_ignore_ascii_case(&bare_prefix);
        if case_only && shouting {
            continue;
        }
        // A case-only difference is a slip where the list's own name drops
        // the capitals of the authors' acronym (`Medklip` for `MedKLIP`).
        // Where the name has more, the title is what a citation lowercased
        // (`CORD-19`, `Cord-19`; `XiaoIce Sing`, `XiaoiceSing`); a title
        // that writes its name in capitals (`CODESIM:`) styles it, and
        // `CodeSim` is how it is said.
        let capitals = |s: &str| s.chars().filter(|c| c.is_uppercase()).count();
        let styled = !prefix.chars().any(char::is_lowercase);
        // `tripletGAN` for `TripletGAN`: the first letter's case is how a
        // name is styled at the start of a line, not a slip in the name.
        let first_letter_only = {
            let rest = |s: &str| s.chars().skip(1).collect::<String>();
            rest(&bare_name) == rest(&bare_prefix)
        };
        // `flashinfer` for `FlashInfer`: a name all in lowercase is written
        // as its repository or package is, a style and no slip.
        let lowercase = !name.chars().any(char::is_uppercase);
        if case_only
            && (capitals(name) >= capitals(prefix) || styled || first_letter_only || lowercase)
        {
            continue;
        }
        let better = prefix;
        out.push(
            Finding::new(
                Rule::NameMismatch,
                name_tag.inner.clone(),
                format!("short name `{name}` does not match the title's `{prefix}`"),
            )
            .label("short name")
            .related(prefix_span, format!("the title calls it `{prefix}`"))
            .help(format!("use one name in both places, e.g. `{better}`")),
        );
    }
}

/// A name without its separators, and without the `v` of a version written
/// (`CycleGAN-VC V2`, `YOLO v3` and `YOLOv3` as `CycleGANVC2` and `YOLO3`).
fn bare(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut chars = name.chars().peekable();
    while let Some(c) = chars.next() {
        let separator = matches!(c, ' ' | '-' | '_' | '"' | '“' | '”');
        let version_mark = matches!(c, 'v' | 'V') && chars.peek().is_some_and(char::is_ascii_digit);
        if !separator && !version_mark {
            out.push(c);
        }
    }
    out
}

/// Whether `name` is the title's name cut short on purpose: its plural
/// (`EdgeViTs` for `EdgeViT`), or its initials and first letters in order,
/// from the same first letter, two letters or more dropped (`AFF` for
/// `AutoFocusFormer`, `TF-DL` for `TubeFormer-DeepLab`, `Zero-TP` for
/// `Zero-TPrune`). A letter dropped or changed is a typo still.
fn abbreviates(name: &str, prefix: &str) -> bool {
    let letters = |s: &str| -> Vec<char> {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let (short, long) = (letters(name), letters(prefix));
    let plural = |a: &[char], b: &[char]| {
        b.len() == a.len() + 1 && b.starts_with(a) && b.last() == Some(&'s')
    };
    if plural(&short, &long) || plural(&long, &short) {
        return true;
    }
    if short.len() < 2 || long.len() < short.len() + 2 || short[0] != long[0] {
        return false;
    }
    let mut rest = long.iter();
    short.iter().all(|c| rest.any(|l| l == c))
}

/// A typo's distance: the same letters ignoring case, or one or two edits
/// apart.
fn near_miss(a: &str, b: &str) -> bool {
    let (a, b) = (a.to_lowercase(), b.to_lowercase());
    if a == b {
        return true;
    }
    // One name inside the other: a stray letter (`CARZeroP`) is a typo, a
    // word more (`BianQueCorpus`) another thing named after the first.
    if a.contains(&b) || b.contains(&a) {
        return a.len().abs_diff(b.len()) <= 2;
    }
    let limit = if a.chars().count().min(b.chars().count()) <= 5 {
        1
    } else {
        2
    };
    strsim::damerau_levenshtein(&a, &b) <= limit
}

/// Whether two spellings name the same method: equal, or one is the other
/// with a version or size (`MEDITRON-70B`, `MedCLIP-SAMv2`, `GPT-4V(ision)`).
/// `CARZeroP` for `CARZero` is a typo, not a version.
fn same_name(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let Some(suffix) = long.strip_prefix(short) else {
        return false;
    };
    let version = suffix
        .strip_prefix(['v', 'V'])
        .unwrap_or(suffix)
        .bytes()
        .all(|b| b.is_ascii_digit() || b == b'.');
    suffix.is_empty()
        || suffix.starts_with(['-', '_', '(', '.', ' '])
        || (version && !short.is_empty())
}

#[cfg(test)]
mod tests {
    use super::{abbreviates, bare, same_name};
    use crate::document::title_prefix as title_name;

    #[test]
    fn versions_and_sizes_are_the_same_name() {
        assert!(same_name("MEDITRON", "MEDITRON-70B"));
        assert!(same_name("MedCLIP-SAM", "MedCLIP-SAMv2"));
        assert!(same_name("GPT-4V", "GPT-4V(ision)"));
        assert!(same_name("CARZero", "CARZero"));
        assert!(!same_name("CARZeroP", "CARZero"));
        assert!(!same_name("Medklip", "MedKLIP"));
    }

    #[test]
    fn spacing_and_version_marks_are_no_difference() {
        assert_eq!(bare("CycleGAN-VC V2"), bare("CycleGAN-VC2"));
        assert_eq!(bare("YOLO v3"), bare("YOLOv3"));
        assert_ne!(bare("CycleGAN-VC V2"), bare("CycleGAN-VC3"));
        assert_ne!(bare("Vicuna"), bare("icuna"));
    }

    #[test]
    fn near_misses_are_typos_other_names_are_not() {
        use super::near_miss;
        assert!(near_miss("CARZeroP", "CARZero"));
        assert!(near_miss("Medklip", "MedKLIP"));
        assert!(near_miss("CORD-19", "Cord-19"));
        assert!(near_miss("MedKLlP", "MedKLIP"));
        assert!(!near_miss("BianQueCorpus", "BianQue"));
        assert!(!near_miss("MD-EHR", "ClinicalGPT"));
        assert!(!near_miss("PMC-OA", "Pmc-clip"));
    }

    #[test]
    fn abbreviations_and_plurals_are_the_same_name() {
        for (name, title) in [
            ("AFF", "AutoFocusFormer"),
            ("TF-DL", "TubeFormer-DeepLab"),
            ("Zero-TP", "Zero-TPrune"),
            ("VRWKV", "Vision-RWKV"),
            ("EdgeViT", "EdgeViTs"),
            ("Video-FocalNets", "Video-FocalNet"),
        ] {
            assert!(abbreviates(name, title), "{name} {title}");
        }
        for (name, title) in [
            ("each-DETR", "Teach-DETR"),
            ("MedKIP", "MedKLIP"),
            ("CARZeroP", "CARZero"),
        ] {
            assert!(!abbreviates(name, title), "{name} {title}");
        }
    }

    #[test]
    fn recognizes_name_prefixes() {
        let name = |t| title_name(t).map(|(_, n)| n);
        assert_eq!(name("CARZero: Cross-Attention"), Some("CARZero"));
        assert_eq!(name("K-Diag: Knowledge"), Some("K-Diag"));
        assert_eq!(name("PRIOR: Prototype"), Some("PRIOR"));
        assert_eq!(title_name("**MedKLIP**: Medical"), Some((2, "MedKLIP")));
        assert_eq!(name("Knowledge Boosting: Rethinking"), None);
        assert_eq!(name("Retrieval: A Survey"), None);
        assert_eq!(name("DecomposingDiseaseDescriptions:A Multi"), None);
        assert_eq!(name("No colon here"), None);
    }
}

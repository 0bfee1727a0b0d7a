//! `title-format`: words run together in a title (`AMultimodal`,
//! `PathologyDetection:A`), without flagging real names (`PTUnifier`, `BioViL`);
//! a small word written twice (`for for`).

use super::Context;
use crate::diagnostic::Finding;
use crate::document::{Entry, Span};
use crate::identity::normalized_title;
use crate::rule::Rule;

pub(super) fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let colon_habit = glues_colons(ctx);
    for entry in &ctx.doc.entries {
        let glued = glued_words(ctx, entry, colon_habit);
        let Some((first, first_hint)) = glued.first() else {
            continue;
        };
        let word = ctx.text(first);
        let message = match glued.len() {
            1 => format!("words run together in the title: `{word}`"),
            n => format!(
                "words run together in the title: `{word}` and {} more",
                n - 1
            ),
        };
        let mut finding = Finding::new(Rule::TitleFormat, first.clone(), message)
            .label("run together")
            .help(first_hint.clone());
        for (span, _) in &glued[1..] {
            finding = finding.related(span.clone(), "run together");
        }
        out.push(finding);
    }
    for entry in &ctx.doc.entries {
        if let Some(finding) = doubled_word(ctx, entry) {
            out.push(finding);
        }
    }
    misspelled_listings(ctx, out);
}

/// One paper listed twice (one arXiv id, DOI or address), its titles one
/// word apart by a letter or two (`Synthetic Feedbacks` and `Synthetic
/// Feedback`, `Consitutional` and `Constitutional`): one of the two is
/// misspelled. Told at the listing the others outnumber (the later one of
/// two), naming the other.
fn misspelled_listings(ctx: &Context, out: &mut Vec<Finding>) {
    let entries = &ctx.doc.entries;
    let mut listings: rustc_hash::FxHashMap<crate::url::PaperKey, Vec<usize>> =
        rustc_hash::FxHashMap::default();
    for (index, entry) in entries.iter().enumerate().filter(|(_, e)| !e.in_entry) {
        if entry.title.is_none() {
            continue;
        }
        for &(key, _) in ctx.identities.paper_keys(index) {
            let list = listings.entry(key).or_default();
            if list.last() != Some(&index) {
                list.push(index);
            }
        }
    }
    let title = |i: usize| entries[i].title.as_ref().map(|t| t.inner.clone());
    let mut reported = rustc_hash::FxHashSet::default();
    let mut found = Vec::new();
    for (key, list) in listings.iter().filter(|(_, list)| list.len() >= 2) {
        let normalized: Vec<String> = list
            .iter()
            .map(|&i| title(i).map_or_else(String::new, |t| normalized_title(ctx.text(&t))))
            .collect();
        let agreeing = |n: usize| normalized.iter().filter(|t| **t == normalized[n]).count();
        // Each spelling once: its other listings say the same.
        let mut told: Vec<&str> = Vec::new();
        for (n, &odd) in list.iter().enumerate() {
            if told.contains(&normalized[n].as_str()) {
                continue;
            }
            let Some(odd_title) = title(odd) else {
                continue;
            };
            let other = (0..list.len()).find(|&m| {
                let outnumbers = agreeing(m) > agreeing(n) || (agreeing(m) == agreeing(n) && m < n);
                outnumbers
                    && title(list[m])
                        .is_some_and(|t| one_word_apart(ctx, &odd_title, ctx.text(&t)).is_some())
            });
            let Some(m) = other else {
                continue;
            };
            if !reported.insert(odd) {
                continue;
            }
            told.push(&normalized[n]);
            let their_title = title(list[m]).unwrap_or_default();
            let Some((word, theirs)) = one_word_apart(ctx, &odd_title, ctx.text(&their_title))
            else {
                continue;
            };
            let line = ctx.line(entries[list[m]].head.start);
            found.push(
                Finding::new(
                    Rule::TitleFormat,
                    word.clone(),
                    format!(
                        "`{}` here, `{theirs}` where the same paper ({key}) is listed on line {line}: one of the two titles is misspelled",
                        ctx.text(&word)
                    ),
                )
                .label("spelled another way")
                .related(their_title, "the same paper's title")
                .help("write the paper's title as it is, in both places"),
            );
        }
    }
    // In the order of the file: the map's order is no order.
    found.sort_by_key(|f| f.span.start);
    out.extend(found);
}

/// A title's words without the punctuation around them, each with its
/// offset in the title.
fn title_words(s: &str) -> Vec<(usize, &str)> {
    s.split_whitespace()
        .map(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            (w.as_ptr() as usize - s.as_ptr() as usize, w)
        })
        .collect()
}

/// The one word of `title` (its span) that differs from `other`'s, by a
/// letter or two, where the two titles are otherwise word for word the
/// same, with the other's word.
fn one_word_apart<'t>(ctx: &Context, title: &Span, other: &'t str) -> Option<(Span, &'t str)> {
    let text = ctx.text(title);
    let (ours, theirs) = (title_words(text), title_words(other));
    if ours.len() != theirs.len() || ours.len() < 3 {
        return None;
    }
    let mut differing = ours
        .iter()
        .zip(&theirs)
        .filter(|((_, a), (_, b))| !a.eq_ignore_ascii_case(b));
    let ((at, a), (_, b)) = differing.next()?;
    if differing.next().is_some() {
        return None;
    }
    let long_enough = |w: &str| w.chars().count() >= 4 && w.chars().all(char::is_alphabetic);
    let (la, lb) = (a.to_lowercase(), b.to_lowercase());
    let limit = if la.len().min(lb.len()) <= 5 { 1 } else { 2 };
    (long_enough(a) && long_enough(b) && strsim::damerau_levenshtein(&la, &lb) <= limit)
        .then(|| (title.start + at..title.start + at + a.len(), *b))
}

/// Small words a title never has twice in a row: `for for` is a slip.
const SMALL_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "is", "of", "on", "or", "the",
    "to", "via", "with",
];

/// `Tuning for for Retrieval`: a small word written twice in a row.
fn doubled_word(ctx: &Context, entry: &Entry) -> Option<Finding> {
    let title = entry.title.as_ref()?;
    let text = ctx.text(&title.inner);
    let mut previous: Option<&str> = None;
    let mut offset = 0;
    for word in text.split(' ') {
        let start = title.inner.start + offset;
        offset += word.len() + 1;
        if let Some(before) = previous
            && word.eq_ignore_ascii_case(before)
            && SMALL_WORDS.iter().any(|w| word.eq_ignore_ascii_case(w))
        {
            let first = start - before.len() - 1;
            return Some(
                Finding::new(
                    Rule::TitleFormat,
                    first..start + word.len(),
                    format!("`{word}` twice in a row in the title"),
                )
                .label("written twice")
                .help(format!("write `{word}` once")),
            );
        }
        previous = Some(word);
    }
    None
}

/// Whether the list writes a title's colon without a space after it by
/// habit (`RSMamba:Remote Sensing …`): five titles or more, and half its
/// colons between words. Then it is the list's way, not a slip (where one
/// or two glued among dozens spaced are).
fn glues_colons(ctx: &Context) -> bool {
    let (mut glued, mut spaced) = (0usize, 0usize);
    for title in ctx.doc.entries.iter().filter_map(|e| e.title.as_ref()) {
        let bytes = ctx.text(&title.inner).as_bytes();
        for at in 1..bytes.len().saturating_sub(1) {
            if bytes[at] == b':' && bytes[at - 1].is_ascii_alphanumeric() {
                match bytes[at + 1] {
                    b' ' => spaced += 1,
                    b if b.is_ascii_alphabetic() => glued += 1,
                    _ => {}
                }
            }
        }
    }
    glued >= 5 && glued * 2 >= glued + spaced
}

/// The title's words that look run together, each with a help line.
/// A colon glued to the next word is one where the list does not glue
/// its colons (`colon_habit`).
fn glued_words(ctx: &Context, entry: &Entry, colon_habit: bool) -> Vec<(Span, String)> {
    let Some(title_part) = &entry.title else {
        return Vec::new();
    };
    let title = ctx.text(&title_part.inner);
    // A "title" of more words than any paper's (forty) holds the text read
    // with it, a summary or a remark: its words are no title's to judge.
    if title.split_whitespace().nth(40).is_some() {
        return Vec::new();
    }
    let own_name = entry.name.as_ref().map(|n| ctx.text(&n.inner).trim());
    let prefix = title_part.prefix.as_ref().map(|p| ctx.text(p));
    let mut found = Vec::new();
    let mut offset = 0;
    for word in title.split([' ', '\t', '\n']) {
        let start = title_part.inner.start + offset;
        offset += word.len() + 1;
        // Most words are plain (`Medical`, `of`): no capital after the first
        // letter and no inner punctuation, nothing to look at.
        let plain = word
            .bytes()
            .skip(1)
            .all(|b| b.is_ascii_lowercase() || b == b'-' || b >= 0x80);
        if plain {
            continue;
        }
        let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
        // `Q&amp;A`: an HTML entity renders as one character (`Q&A`).
        let entity = word.contains('&') && word.contains(';');
        if bare.is_empty()
            || entity
            || Some(bare) == own_name
            || Some(bare) == prefix
            || word.contains("://")
        {
            continue;
        }
        // `ADMIRE: ADaptive …`: capitals that spell the title's name, on purpose.
        if let Some(name) = prefix.or(own_name)
            && spells(bare, name)
        {
            continue;
        }
        if colon_habit
            && glued_article(word).is_none()
            && !has_glued_words(word)
            && !has_glued_punctuation(&word.replace(':', " "))
        {
            continue;
        }
        if let Some(help) = diagnose(word) {
            found.push((start..start + word.len(), help));
        }
    }
    found
}

/// Whether a word's leading capitals (two or more) start the letters of
/// the name, in order: the word spells out the acronym it is named by.
fn spells(word: &str, name: &str) -> bool {
    let capitals: String = word.chars().take_while(char::is_ascii_uppercase).collect();
    let letters: String = name
        .chars()
        .filter(char::is_ascii_alphabetic)
        .map(|c| c.to_ascii_uppercase())
        .collect();
    capitals.len() >= 2 && letters.starts_with(&capitals)
}

/// Why a word looks like several words run together, as a help line.
fn diagnose(word: &str) -> Option<String> {
    if let Some(split) = glued_article(word) {
        return Some(format!("did you mean `{split}`?"));
    }
    let glued = has_glued_words(word);
    if !glued && !has_glued_punctuation(word) {
        return None;
    }
    let separated = separate(word, glued);
    if separated == word {
        return Some("separate the words: titles are written as in the paper".to_owned());
    }
    let hedge = if glued {
        " (check for words joined without a capital, too)"
    } else {
        ""
    };
    Some(format!("did you mean `{separated}`?{hedge}"))
}

/// The word with a space after glued punctuation and, when words are run
/// together (`glued`), before each capitalized word that follows a lowercase
/// one (`Pre-trainingFramework:A` → `Pre-training Framework: A`). A name
/// before the punctuation stays whole (`DeltaNet:Conditional` →
/// `DeltaNet: Conditional`). Words joined without a capital
/// (`Descriptionsfor`) cannot be told apart without a dictionary.
fn separate(word: &str, glued: bool) -> String {
    let bytes = word.as_bytes();
    let mut out = String::with_capacity(word.len() + 8);
    let mut from = 0;
    for i in 1..bytes.len() {
        let after_punctuation = glued_after_punctuation(bytes, i);
        // `Pre` of `LanguagePre`: short capitalized words count here.
        if after_punctuation || (glued && joint(bytes, i, 2)) {
            out.push_str(&word[from..i]);
            out.push(' ');
            from = i;
        }
    }
    out.push_str(&word[from..]);
    out
}

/// `AMultimodal` → `A Multimodal`: an article, then a capitalized lowercase word.
fn glued_article(word: &str) -> Option<String> {
    let bare = word.trim_end_matches(|c: char| !c.is_alphanumeric());
    for article in ["A", "An", "The"] {
        let Some(rest) = bare.strip_prefix(article) else {
            continue;
        };
        let mut bytes = rest.bytes();
        // `AIstorian` is no `A Istorian`: before a vowel, the article is `An`.
        let first = bytes.next();
        let capital = first.is_some_and(|b| b.is_ascii_uppercase())
            && !(article == "A" && first.is_some_and(|b| b"AEIOU".contains(&b)));
        if capital && rest.len() >= 4 && bytes.all(|b| b.is_ascii_lowercase()) {
            return Some(format!("{article} {}", &word[article.len()..]));
        }
    }
    None
}

/// `Detection:A`: letters, `:`/`;`/`,`, letters, with no space between.
fn has_glued_punctuation(word: &str) -> bool {
    let bytes = word.as_bytes();
    (3..bytes.len()).any(|at| glued_after_punctuation(bytes, at))
}

/// Whether the letter at `at` follows `:`, `;` or `,` with no space, after
/// a word (`n:A` in `Detection:A`, not `1:1` or `e.g.,`). Two lowercase
/// letters on each side are an abbreviation's (`tl;dr`), not two words.
fn glued_after_punctuation(bytes: &[u8], at: usize) -> bool {
    // After a name in capitals (`KPGT:knowledge-guided`), a word of four
    // letters or more: `A:B` and `CO:2` are no two words.
    let word_after = bytes[at..]
        .iter()
        .take_while(|b| b.is_ascii_alphabetic())
        .count();
    // `Ha-NeRF:laughing:` is an emoji's shortcode, which GitHub shows as
    // the emoji.
    let shortcode = bytes[at - 1] == b':' && bytes.get(at + word_after) == Some(&b':');
    at >= 3
        && !shortcode
        && matches!(bytes[at - 1], b':' | b';' | b',')
        && bytes[at - 3].is_ascii_alphabetic()
        && bytes[at].is_ascii_alphabetic()
        && if bytes[at - 2].is_ascii_lowercase() {
            bytes[at].is_ascii_uppercase() || (at >= 4 && bytes[at - 4].is_ascii_alphabetic())
        } else {
            (bytes[at - 2].is_ascii_uppercase() || bytes[at - 2] == b'+')
                && bytes[at - 1] == b':'
                && word_after >= 4
        }
}

/// Words run together without a separator: three or more capitalized words
/// in one (`DecomposingDiseaseDescriptions...`), or a lowercase word glued to
/// a capitalized one (`trainingFramework`). Names join at most two words
/// (`VoxelMorph`, `MedImageInsight` has short ones) and start with a capital.
fn has_glued_words(word: &str) -> bool {
    humps(word) >= 3 || word.split('-').any(starts_lowercase_then_capital)
}

/// Joints where a capitalized word (capital, then 3+ lowercase) follows 2+ lowercase letters.
fn humps(word: &str) -> usize {
    let bytes = word.as_bytes();
    (2..bytes.len()).filter(|&i| joint(bytes, i, 3)).count()
}

/// Whether a capitalized word starts at `i` right after two or more
/// lowercase letters: a capital, then at least `lowercase_after` lowercase.
fn joint(bytes: &[u8], i: usize, lowercase_after: usize) -> bool {
    i >= 2
        && bytes[i].is_ascii_uppercase()
        && bytes[i - 1].is_ascii_lowercase()
        && bytes[i - 2].is_ascii_lowercase()
        && bytes[i + 1..]
            .iter()
            .take_while(|b| b.is_ascii_lowercase())
            .count()
            >= lowercase_after
}

/// `trainingFramework`: a lowercase word of 4+ letters, then a capitalized one.
fn starts_lowercase_then_capital(part: &str) -> bool {
    let bytes = part.as_bytes();
    let lower = bytes.iter().take_while(|b| b.is_ascii_lowercase()).count();
    // (A small word glued to the next, `ofInstruction`, as well as a long
    // one: names open with a letter or two in lowercase, `iPhone`, `vLLM`,
    // never with `of`.)
    (lower >= 4 || (lower >= 2 && SMALL_WORDS.contains(&&part[..lower])))
        && bytes.get(lower).is_some_and(u8::is_ascii_uppercase)
        && bytes[lower + 1..]
            .iter()
            .take_while(|b| b.is_ascii_lowercase())
            .count()
            >= 3
}

#[cfg(test)]
mod tests {
    use super::diagnose;

    #[test]
    fn flags_glued_words() {
        for word in [
            "AMultimodal",
            "DecomposingDiseaseDescriptionsforEnhancedPathologyDetection:A",
            "Multi-AspectVision-LanguagePre-trainingFramework",
            "Pre-trainingFramework",
            "GlobalLocalAttentionNetwork",
            "Detection:A",
            "TheEffect",
            "KPGT:knowledge-guided",
            "GGViT:Multistream",
            "ofInstruction-tuned",
            "AttacKG+:Boosting",
        ] {
            assert!(diagnose(word).is_some(), "{word}");
        }
        assert_eq!(
            diagnose("KPGT:knowledge-guided").unwrap(),
            "did you mean `KPGT: knowledge-guided`?"
        );
        assert_eq!(
            diagnose("AMultimodal").unwrap(),
            "did you mean `A Multimodal`?"
        );
        assert_eq!(
            diagnose("Detection:A").unwrap(),
            "did you mean `Detection: A`?"
        );
        // A name before the colon stays whole; only the space is missing.
        assert_eq!(
            diagnose("DeltaNet:Conditional").unwrap(),
            "did you mean `DeltaNet: Conditional`?"
        );
        assert_eq!(
            diagnose("Multi-AspectVision-LanguagePre-trainingFramework").unwrap(),
            "did you mean `Multi-Aspect Vision-Language Pre-training Framework`? \
             (check for words joined without a capital, too)"
        );
        assert_eq!(
            diagnose("DecomposingDiseaseDescriptionsforEnhancedPathologyDetection:A").unwrap(),
            "did you mean `Decomposing Disease Descriptionsfor Enhanced Pathology Detection: A`? \
             (check for words joined without a capital, too)"
        );
    }

    #[test]
    fn leaves_real_names_alone() {
        for word in [
            "PTUnifier",
            "BioViL",
            "BioViL-T",
            "MedKLIP",
            "ConViRT",
            "GLoRIA",
            "CXR-CLIP",
            "M-FLAG",
            "Vision–Language",
            "Pre-training",
            "ImageNet",
            "QuiltNet",
            "LLaVA-Med",
            "CheXzero",
            "PubMedCLIP",
            "BiomedCLIP",
            "ALBEF",
            "An",
            "A",
            "Anatomical",
            "Semantics-Aware",
            "X-ray",
            "e.g.,",
            "1:1",
            "Ha-NeRF:laughing:",
            "iPhone",
            "vLLM",
            "CO:2",
            "A:B",
            "vs.",
            "ChestXray",
            "LayerNorm",
            "tl;dr",
        ] {
            assert!(diagnose(word).is_none(), "{word}");
        }
    }
}

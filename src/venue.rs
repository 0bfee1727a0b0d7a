//! Known venues: canonical names, accepted variants, deprecated aliases, and
//! the did-you-mean for everything else.
//!
//! Three kinds of spelling: the canonical name (`NeurIPS`); an accepted
//! variant that lists use on purpose (`MedIA` for MIA, `IEEE TMI`), never
//! reported; and an alias that should be rewritten (`NIPS`, `arxiv`), reported
//! as a warning with a safe fix. Workshop and Findings forms of a known venue
//! (`MICCAI-ws`, `CVPR Workshop`, `Findings of ACL`) are accepted.
//!
//! The names are data ([`crate::vocabulary`]): the built-in table and a
//! list's `[venues]` are added by one function, [`Venues::add`].

use rustc_hash::FxHashMap as HashMap;

use crate::vocabulary::{self, VenueTable, VocabularyError};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Spelling {
    Canonical,
    Variant,
    Alias,
}

/// What a venue name turned out to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VenueCheck {
    /// A canonical name, an accepted variant, or a workshop form of one.
    Known,
    /// A spelling that should be replaced by `canonical` (a safe fix).
    Alias { canonical: String },
    /// Not a known venue; `suggestion` is the closest known one, if any is close.
    Unknown { suggestion: Option<String> },
}

/// The venue table: the built-in venues, then a list's own.
#[derive(Debug, Clone, Default)]
pub struct Venues {
    names: Vec<String>,
    exact: HashMap<String, (usize, Spelling)>,
    /// Folded spelling (lowercase, letters and digits only) to venue.
    folded: HashMap<String, usize>,
    /// The letters and digits of each accepted spelling, case kept, to venue.
    letters: HashMap<String, usize>,
    /// The preprint servers' canonical names, lowercase.
    preprints: Vec<String>,
    /// Former names, and the year the venue stopped using them.
    renamed: Vec<(String, u16)>,
}

impl Venues {
    /// The built-in table, built once and shared.
    pub(crate) fn builtin_shared() -> &'static std::sync::Arc<Venues> {
        static BUILTIN_VENUES: std::sync::LazyLock<std::sync::Arc<Venues>> =
            std::sync::LazyLock::new(|| std::sync::Arc::new(Venues::builtin()));
        &BUILTIN_VENUES
    }

    /// The built-in table (`vocabulary/venues.toml`), which a test checks
    /// adds without an error.
    pub(crate) fn builtin() -> Self {
        let mut venues = Self::default();
        if let Err(errors) = venues.add(&vocabulary::builtin().venues) {
            panic!("the built-in venues do not add up: {errors:?}");
        }
        venues
    }

    /// Adds a table of venues (the built-in one, a list's `[venues]`), its
    /// names first, then the other spellings of them: what it says of a
    /// name already known wins. Everything that can be taken is; the rest
    /// is returned, each with where the table says it.
    pub(crate) fn add(&mut self, table: &VenueTable) -> Result<(), Vec<VocabularyError>> {
        let mut errors = Vec::new();
        for name in &table.known {
            self.add_known(name.get_ref());
        }
        for name in &table.preprints {
            self.add_known(name.get_ref());
            self.preprints.push(name.get_ref().to_lowercase());
        }
        for (variant, target) in &table.variants {
            match self.resolve(target.get_ref()) {
                Some(index) => self.add_spelling(variant.get_ref(), index, Spelling::Variant),
                None => errors.push(self.not_a_venue("variant", variant.get_ref(), target)),
            }
        }
        for (alias, target) in &table.aliases {
            if !self.add_alias(alias.get_ref(), target.get_ref()) {
                errors.push(self.not_a_venue("alias", alias.get_ref(), target));
            }
        }
        for (former, year) in &table.renamed {
            if matches!(self.exact.get(former.get_ref()), Some((_, Spelling::Alias))) {
                self.renamed
                    .push((former.get_ref().clone(), *year.get_ref()));
            } else {
                errors.push(VocabularyError {
                    span: former.span(),
                    message: format!("renamed `{}` is not an alias of a venue", former.get_ref()),
                    label: "not an alias",
                    help: Some("add it to `aliases` first, pointing at the current name".into()),
                });
            }
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    /// The venue a name is, canonical or variant, or a workshop form of a
    /// known one (added as a name of its own).
    fn resolve(&mut self, target: &str) -> Option<usize> {
        if !self.exact.contains_key(target) && self.check(target) == VenueCheck::Known {
            self.add_name(target);
        }
        match self.exact.get(target) {
            Some(&(index, Spelling::Canonical | Spelling::Variant)) => Some(index),
            _ => None,
        }
    }

    /// Why a spelling's venue is not taken, with a did-you-mean.
    fn not_a_venue(
        &self,
        what: &str,
        spelling: &str,
        target: &vocabulary::Name,
    ) -> VocabularyError {
        let help = match self.check(target.get_ref()) {
            VenueCheck::Alias { canonical } => Some(format!("did you mean `{canonical}`?")),
            VenueCheck::Unknown {
                suggestion: Some(s),
            } => Some(format!("did you mean `{s}`?")),
            _ => Some("add it to `known` first".to_owned()),
        };
        VocabularyError {
            span: target.span(),
            message: format!(
                "{what} `{spelling}` points at `{}`, which is not a known venue",
                target.get_ref()
            ),
            label: "not a known venue",
            help,
        }
    }

    /// Whether `name` is a venue's former name, right for a paper of `year`.
    /// Written as it was written then: `NIPS`, not `Nips`, which is a
    /// misspelling whatever the year.
    /// Whether `name` is a venue's former name (`NIPS`), whatever the year.
    pub(crate) fn is_former_name(&self, name: &str) -> bool {
        let base = split_workshop(name).map_or(name, |(base, _)| base);
        self.renamed.iter().any(|(former, _)| former == base)
    }

    pub(crate) fn former_name_then(&self, name: &str, year: u16) -> bool {
        // `NIPS Workshop`, `Proceedings of NIPS`: the former name in a form.
        let base = split_workshop(name).map_or(name, |(base, _)| base);
        self.renamed
            .iter()
            .any(|(former, since)| former == base && year < *since)
    }

    /// The canonical name of the venue `name` spells, in any of its
    /// spellings (`International Conference on Machine Learning` is
    /// `ICML`), or `None` if the table does not know it.
    pub(crate) fn canonical_name(&self, name: &str) -> Option<&str> {
        let index = match self.exact.get(name) {
            Some(&(index, _)) => index,
            None => *self.folded.get(&fold(name))?,
        };
        self.names.get(index).map(String::as_str)
    }

    /// The preprint servers' canonical names, lowercase.
    pub(crate) fn preprints(&self) -> &[String] {
        &self.preprints
    }

    fn add_name(&mut self, name: &str) -> usize {
        if let Some(&(index, Spelling::Canonical)) = self.exact.get(name) {
            return index;
        }
        let index = self.names.len();
        self.names.push(name.to_owned());
        self.add_spelling(name, index, Spelling::Canonical);
        index
    }

    fn add_spelling(&mut self, spelling: &str, index: usize, kind: Spelling) {
        self.exact.insert(spelling.to_owned(), (index, kind));
        self.folded.entry(fold(spelling)).or_insert(index);
        if kind != Spelling::Alias {
            self.letters.entry(letters(spelling)).or_insert(index);
        }
    }

    /// Adds a venue of a `known` list; it is accepted as written.
    fn add_known(&mut self, name: &str) {
        if !matches!(
            self.exact.get(name),
            Some((_, Spelling::Canonical | Spelling::Variant))
        ) {
            self.add_name(name);
        }
    }

    /// Adds a config alias. Returns false when the target is not a known
    /// venue (a workshop form of one, `CVPR Workshop`, is known).
    fn add_alias(&mut self, alias: &str, target: &str) -> bool {
        if !self.exact.contains_key(target) && self.check(target) == VenueCheck::Known {
            self.add_name(target);
        }
        let Some(&(index, _)) = self.exact.get(target) else {
            return false;
        };
        self.exact
            .insert(alias.to_owned(), (index, Spelling::Alias));
        self.folded.insert(fold(alias), index);
        true
    }

    /// Whether a name is a venue of the table in any spelling (canonical,
    /// variant, alias, workshop form): [`Venues::check`] without the
    /// did-you-mean, which costs a comparison with every venue.
    pub(crate) fn recognizes(&self, name: &str) -> bool {
        if self.check_exact(name).is_some() {
            return true;
        }
        if let Some((base, _)) = split_workshop(name)
            && (self.check_exact(base).is_some() || self.check_folded(base).is_some())
        {
            return true;
        }
        self.check_folded(name).is_some()
    }

    /// Classifies a venue name as written in a tag.
    pub fn check(&self, name: &str) -> VenueCheck {
        if let Some(check) = self.check_exact(name) {
            return check;
        }
        // `SafeGenAI@NeurIPS`, `NeurIPS@Workshop`: a workshop at a venue.
        if let Some((left, right)) = name.split_once('@')
            && !left.trim().is_empty()
            && !right.trim().is_empty()
            && [left, right].iter().any(|part| {
                self.check_exact(part.trim()).is_some() || self.check_folded(part.trim()).is_some()
            })
        {
            return VenueCheck::Known;
        }
        if let Some((base, affix)) = split_workshop(name) {
            match self.check_exact(base).or_else(|| self.check_folded(base)) {
                Some(VenueCheck::Known) => return VenueCheck::Known,
                Some(VenueCheck::Alias { canonical }) => {
                    return VenueCheck::Alias {
                        canonical: affix.rejoin(&canonical),
                    };
                }
                _ => {}
            }
        }
        if let Some(check) = self.check_folded(name) {
            return check;
        }
        // `Proceedings of EMNPL`: the did-you-mean is the base's, in its form.
        if let Some((base, affix)) = split_workshop(name)
            && let Some(suggestion) = self.suggest(base)
        {
            return VenueCheck::Unknown {
                suggestion: Some(affix.rejoin(&suggestion)),
            };
        }
        // `IEEE Trans. on Industrial Informatics`: a venue's name cut short
        // word by word, each cut marked with a period, is that venue
        // written in a citation style's abbreviations.
        if self.abbreviates(name) {
            return VenueCheck::Known;
        }
        VenueCheck::Unknown {
            suggestion: self.suggest(name),
        }
    }

    /// Whether `name` is one venue's name with some words cut short and
    /// marked so (`Trans.`, `Intell.`), the others as the venue writes them.
    fn abbreviates(&self, name: &str) -> bool {
        let written: Vec<&str> = name.split_whitespace().collect();
        if written.len() < 2 || !written.iter().any(|w| w.ends_with('.')) {
            return false;
        }
        // Abbreviations leave out the little words (`IEEE Trans. Med. Imaging`).
        let little =
            |w: &String| matches!(w.as_str(), "" | "on" | "of" | "the" | "and" | "for" | "in");
        let written: Vec<&str> = written.into_iter().filter(|w| !little(&fold(w))).collect();
        let words: Vec<String> = written.iter().map(|w| fold(w)).collect();
        self.exact.keys().any(|spelling| {
            let theirs: Vec<String> = spelling
                .split_whitespace()
                .map(fold)
                .filter(|w| !little(w))
                .collect();
            theirs.len() == words.len()
                && theirs != words
                && written
                    .iter()
                    .zip(&words)
                    .zip(&theirs)
                    .all(|((w, mine), t)| {
                        !mine.is_empty()
                            && if mine == t {
                                true
                            } else {
                                w.ends_with('.') && t.starts_with(mine.as_str())
                            }
                    })
        })
    }

    fn check_exact(&self, name: &str) -> Option<VenueCheck> {
        let &(index, kind) = self.exact.get(name)?;
        Some(match kind {
            Spelling::Canonical | Spelling::Variant => VenueCheck::Known,
            Spelling::Alias => VenueCheck::Alias {
                canonical: self.names[index].clone(),
            },
        })
    }

    fn check_folded(&self, name: &str) -> Option<VenueCheck> {
        // `tra.`, `seg.`: a lowercase word cut short is an abbreviation of
        // a word (a list's keyword tags), not an acronym in another case.
        if let Some(word) = name.trim_matches('`').strip_suffix('.')
            && !word.is_empty()
            && word.bytes().all(|b| b.is_ascii_lowercase())
        {
            return None;
        }
        // Looked up for every tag of every entry: folded on the stack when short.
        let mut buffer = [0u8; 64];
        let owned;
        let folded = match fold_ascii(name, &mut buffer) {
            Some(folded) => folded,
            None => {
                owned = fold(name);
                owned.as_str()
            }
        };
        let &index = self.folded.get(folded)?;
        // The letters of an accepted spelling, case and all, with other
        // punctuation or spacing (`Appl. Sci` for `Appl. Sci.`, `ACL/IJCNLP`
        // for `ACL-IJCNLP`): the same spelling, not one to rewrite.
        if self.letters.get(&letters(name)) == Some(&index) {
            return Some(VenueCheck::Known);
        }
        // A venue's full name in another case (`Conference on robot
        // learning`): citation styles write titles in sentence case.
        if name.split_whitespace().count() >= 3 {
            return Some(VenueCheck::Known);
        }
        // `MedIA` written `Media` folds to a variant of MIA: suggest the variant's
        // own canonical venue.
        Some(VenueCheck::Alias {
            canonical: self.names[index].clone(),
        })
    }

    /// A known venue the name is confidently a misspelling or an
    /// abbreviation of, if there is exactly one:
    /// - its words abbreviate the venue's words (`Nature Com` for `Nature
    ///   Communications`: as many words, the first one whole, each a prefix);
    /// - or it is a typo or two away (`MICCIA`, `ENNLP`), one for names of
    ///   up to six letters, two beyond, and for three letters only two
    ///   letters swapped (`GCO` for `CGO`); two venues as close is no
    ///   suggestion.
    fn suggest(&self, name: &str) -> Option<String> {
        let folded = fold(name);
        if folded.len() < 3 {
            return None;
        }
        let words: Vec<String> = name.split_whitespace().map(fold).collect();
        if words.len() >= 2 && !self.abbreviates(name) {
            let mut found: Option<usize> = None;
            for (spelling, &(index, _)) in &self.exact {
                // Most spellings have another number of words: told apart
                // before anything is folded.
                if spelling.split_whitespace().count() != words.len() {
                    continue;
                }
                let theirs: Vec<String> = spelling.split_whitespace().map(fold).collect();
                let abbreviates = theirs.len() == words.len()
                    && theirs[0] == words[0]
                    && words
                        .iter()
                        .zip(&theirs)
                        .all(|(w, t)| !w.is_empty() && t.starts_with(w.as_str()));
                if abbreviates && theirs != words {
                    match found {
                        Some(other) if other != index => return None,
                        _ => found = Some(index),
                    }
                }
            }
            if let Some(index) = found {
                return Some(self.names[index].clone());
            }
        }
        let mut best: Option<(usize, usize)> = None;
        let mut tied = false;
        for (spelling, &index) in &self.folded {
            let Some(distance) = misspelling_distance(&folded, spelling) else {
                continue;
            };
            match best {
                Some((d, i)) if distance == d && i != index => tied = true,
                Some((d, _)) if distance >= d => {}
                _ => {
                    best = Some((distance, index));
                    tied = false;
                }
            }
        }
        let (_, index) = best.filter(|_| !tied)?;
        // `Big Data` is not `J. Big Data` mistyped: a name that differs from
        // a spelling by whole words is another venue, or the same one
        // named shorter, never a slip of the fingers.
        let apart_by_words = self
            .exact
            .iter()
            .any(|(spelling, &(i, _))| i == index && whole_words_apart(&words, spelling));
        (!apart_by_words).then(|| self.names[index].clone())
    }
}

/// Whether one name's words are the other's, but for words added before or
/// after them (`Big Data`, `J. Big Data`): compared word by word, folded.
fn whole_words_apart(words: &[String], spelling: &str) -> bool {
    let theirs: Vec<String> = spelling
        .split(|c: char| c.is_whitespace() || c == '.')
        .map(fold)
        .filter(|w| !w.is_empty())
        .collect();
    let ours: Vec<&String> = words.iter().filter(|w| !w.is_empty()).collect();
    let (short, long): (Vec<&str>, Vec<&str>) = if ours.len() < theirs.len() {
        (
            ours.iter().map(|w| w.as_str()).collect(),
            theirs.iter().map(String::as_str).collect(),
        )
    } else {
        (
            theirs.iter().map(String::as_str).collect(),
            ours.iter().map(|w| w.as_str()).collect(),
        )
    };
    !short.is_empty()
        && short.len() < long.len()
        && long.windows(short.len()).any(|run| run == short.as_slice())
}

/// Whether `written` is confidently a misspelling of `venue` (see
/// [`Venues::check`]'s suggestions): compared folded.
pub(crate) fn is_misspelling(written: &str, venue: &str) -> bool {
    misspelling_distance(&fold(written), &fold(venue)).is_some()
}

/// Whether two names of five letters or more differ by one letter changed
/// or two swapped, digits alike (`aiXiv`, `arXiv`). A letter more or less
/// is as often a venue of its own (`ICSE-C` beside `ICSE`).
pub(crate) fn one_letter_apart(written: &str, venue: &str) -> bool {
    let (a, b) = (fold(written), fold(venue));
    let digits = |s: &str| s.bytes().filter(u8::is_ascii_digit).collect::<Vec<_>>();
    a.chars().count() >= 5
        && a.chars().count() == b.chars().count()
        && a != b
        && digits(&a) == digits(&b)
        && strsim::damerau_levenshtein(&a, &b) == 1
}

/// Whether `written` is `venue` typed with a slip of the fingers: two
/// neighbouring letters swapped in a name of four letters or more (`IORS`
/// for `IROS`), or a letter doubled (`CVPRR`). Unlike one letter for
/// another, these rarely make the name of another venue.
pub(crate) fn is_typing_slip(written: &str, venue: &str) -> bool {
    let (a, b) = (fold(written), fold(venue));
    let doubled = a.len() == b.len() + 1
        && (1..a.len()).any(|i| {
            a.as_bytes()[i] == a.as_bytes()[i - 1] && a[..i] == b[..i] && a[i + 1..] == b[i..]
        });
    (a.len() >= 4 && is_transposition(&a, &b)) || doubled
}

/// The edit distance between two folded names when it is small enough to
/// be a misspelling: one edit for names of up to six letters, two beyond,
/// measured past a publisher both share (`IEEE SPM` is not `IEEE SP`). Short
/// acronyms are venues of their own one letter apart (`ICCP`, `ICCV`;
/// `ESWC`, `ESWA`; `ICMI`, `ICML`), so for names of up to five letters one
/// letter for another counts only between neighbouring keys (`ENNLP`), a
/// letter more or less only from five letters (`MICCA`), and for three
/// letters only two letters swapped (`GCO` for `CGO`).
fn misspelling_distance(folded: &str, spelling: &str) -> Option<usize> {
    let (mut folded, mut spelling) = (folded, spelling);
    for publisher in ["ieee", "acm"] {
        if let (Some(a), Some(b)) = (
            folded.strip_prefix(publisher),
            spelling.strip_prefix(publisher),
        ) && !a.is_empty()
            && !b.is_empty()
        {
            (folded, spelling) = (a, b);
        }
    }
    let len = folded.len();
    if len < 3 {
        return None;
    }
    let limit = if len <= 8 { 1 } else { 2 };
    if spelling.len().abs_diff(len) > limit {
        return None;
    }
    let distance = strsim::damerau_levenshtein(folded, spelling);
    if distance > limit || distance == 0 {
        return None;
    }
    // Digits are years, editions and volumes (`ICASSP 2021` is not a slip
    // of `ICASSP 2022`, nor `3DV` of `4DV`): a slip is in the letters.
    let digits = |s: &str| s.bytes().filter(u8::is_ascii_digit).collect::<Vec<_>>();
    if digits(folded) != digits(spelling) {
        return None;
    }
    let swapped = is_transposition(folded, spelling);
    if len <= 3 && !swapped {
        return None;
    }
    if len <= 5 && !swapped {
        // Four letters or fewer: venues of their own one key apart
        // (`ICDS`, `ICDE`), so no letter for another there.
        if spelling.len() == len && len <= 4 {
            return None;
        }
        if spelling.len() == len {
            let neighbours = folded
                .bytes()
                .zip(spelling.bytes())
                .filter(|(a, b)| a != b)
                .all(|(a, b)| keys_touch(a, b));
            if !neighbours {
                return None;
            }
        } else if len.min(spelling.len()) < 5 && !doubled(folded, spelling) {
            return None;
        }
    }
    Some(distance)
}

/// Whether one name is the other with a letter typed twice (`CVPRR`).
fn doubled(a: &str, b: &str) -> bool {
    let (long, short) = if a.len() > b.len() { (a, b) } else { (b, a) };
    let (long, short) = (long.as_bytes(), short.as_bytes());
    long.len() == short.len() + 1
        && (1..long.len()).any(|i| {
            long[i] == long[i - 1] && long[..i] == short[..i] && long[i + 1..] == short[i..]
        })
}

/// Whether two letters are neighbouring keys of a QWERTY keyboard.
fn keys_touch(a: u8, b: u8) -> bool {
    const ROWS: [&[u8]; 3] = [b"qwertyuiop", b"asdfghjkl", b"zxcvbnm"];
    let at = |c: u8| {
        ROWS.iter().enumerate().find_map(|(r, row)| {
            row.iter()
                .position(|&k| k == c)
                .map(|i| (r as i32, i as i32))
        })
    };
    match (at(a), at(b)) {
        // Rows are offset by half a key: a key touches two of the row below.
        (Some((ra, ia)), Some((rb, ib))) => match rb - ra {
            0 => (ia - ib).abs() == 1,
            1 => ib == ia || ib == ia - 1,
            -1 => ia == ib || ia == ib - 1,
            _ => false,
        },
        _ => false,
    }
}

/// Whether `b` is `a` with two neighbouring letters swapped.
fn is_transposition(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let differ: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
    matches!(differ.as_slice(), [i, j] if *j == i + 1 && a[*i] == b[*j] && a[*j] == b[*i])
}

/// How a workshop form wraps its base venue, to rebuild it around a canonical name.
struct Affix<'a> {
    prefix: &'a str,
    suffix: &'a str,
}

impl Affix<'_> {
    fn rejoin(&self, base: &str) -> String {
        // `NIPSW` is `NeurIPS Workshop`: the appended `W` reads only after an acronym.
        if self.suffix == "W" && !base.bytes().all(|b| b.is_ascii_uppercase()) {
            return format!("{base} Workshop");
        }
        format!("{}{}{}", self.prefix, base, self.suffix)
    }
}

fn split_workshop(name: &str) -> Option<(&str, Affix<'_>)> {
    // `CVPRW`, `ICCVW`, `NeurIPSW`: a venue with a `W` appended (the
    // caller checks that the base is a venue).
    if let Some(base) = name.strip_suffix('W')
        && base.len() >= 3
        && base.bytes().all(|b| b.is_ascii_alphanumeric())
        && base.bytes().next().is_some_and(|b| b.is_ascii_uppercase())
    {
        return Some((
            base,
            Affix {
                prefix: "",
                suffix: "W",
            },
        ));
    }
    let bytes = name.as_bytes();
    let forms = &vocabulary::words().venue_forms;
    for suffix in &forms.workshop_suffixes {
        if bytes.len() > suffix.len()
            && bytes[bytes.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
        {
            let cut = name.len() - suffix.len();
            return Some((
                &name[..cut],
                Affix {
                    prefix: "",
                    suffix: &name[cut..],
                },
            ));
        }
    }
    for prefix in &forms.workshop_prefixes {
        if bytes.len() > prefix.len()
            && bytes[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
        {
            let cut = prefix.len();
            return Some((
                &name[cut..],
                Affix {
                    prefix: &name[..cut],
                    suffix: "",
                },
            ));
        }
    }
    None
}

/// [`fold`] for a short ASCII name, into `buffer`.
fn fold_ascii<'b>(name: &str, buffer: &'b mut [u8; 64]) -> Option<&'b str> {
    let mut len = 0;
    for &b in name.as_bytes() {
        if !b.is_ascii() {
            return None;
        }
        if b.is_ascii_alphanumeric() {
            *buffer.get_mut(len)? = b.to_ascii_lowercase();
            len += 1;
        }
    }
    std::str::from_utf8(&buffer[..len]).ok()
}

/// Letters and digits only, case kept: `Appl. Sci.` and `Appl Sci` are alike,
/// `MedIA` and `Media` are not.
fn letters(name: &str) -> String {
    // ASCII names, nearly all of them, byte by byte: this runs for every
    // spelling of the table when it is built, in every run.
    if name.is_ascii() {
        let mut out = String::with_capacity(name.len());
        for &b in name.as_bytes() {
            if b.is_ascii_alphanumeric() {
                out.push(b as char);
            }
        }
        return out;
    }
    name.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// Lowercase letters and digits only: `Nat. Commun.` and `nat commun` fold alike.
fn fold(name: &str) -> String {
    if name.is_ascii() {
        let mut out = String::with_capacity(name.len());
        for &b in name.as_bytes() {
            if b.is_ascii_alphanumeric() {
                out.push(b.to_ascii_lowercase() as char);
            }
        }
        return out;
    }
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(name: &str) -> VenueCheck {
        Venues::builtin().check(name)
    }

    fn alias(canonical: &str) -> VenueCheck {
        VenueCheck::Alias {
            canonical: canonical.into(),
        }
    }

    /// The built-in table, as its file writes it, is sound: every name
    /// once, every variant and alias pointing at a venue, no two venues
    /// folding to one spelling (which would make a lookup depend on the
    /// order of the file), no preprint server among the other venues.
    #[test]
    fn the_built_in_table_is_sound() {
        let table = &vocabulary::builtin().venues;
        let file = vocabulary::VENUES_FILE;
        let at = |name: &vocabulary::Name| {
            let line = file[..name.span().start].matches('\n').count() + 1;
            format!("venues.toml:{line}: `{}`", name.get_ref())
        };
        let mut problems = Vec::new();
        let mut venues = Venues::default();
        if let Err(errors) = venues.add(table) {
            for error in errors {
                let line = file[..error.span.start].matches('\n').count() + 1;
                problems.push(format!("venues.toml:{line}: {}", error.message));
            }
        }
        // Every spelling once, whatever its kind.
        let mut seen: HashMap<String, String> = HashMap::default();
        let names = table.known.iter().chain(&table.preprints);
        let spellings = table.variants.keys().chain(table.aliases.keys());
        for name in names.chain(spellings) {
            if let Some(first) = seen.insert(name.get_ref().clone(), at(name)) {
                problems.push(format!("{} is written twice (first at {first})", at(name)));
            }
        }
        // A preprint server is no other kind of venue.
        let preprints: Vec<String> = table
            .preprints
            .iter()
            .map(|p| p.get_ref().to_lowercase())
            .collect();
        for name in &table.known {
            if preprints.contains(&name.get_ref().to_lowercase()) {
                problems.push(format!("{} is a preprint server and a venue", at(name)));
            }
        }
        // No two venues fold alike: each folded spelling names one venue.
        let mut folded: HashMap<String, (usize, String)> = HashMap::default();
        let mut spelled = |name: &vocabulary::Name| {
            let Some(&(index, _)) = venues.exact.get(name.get_ref()) else {
                return;
            };
            match folded.get(&fold(name.get_ref())) {
                Some((other, first)) if *other != index => {
                    problems.push(format!("{} folds like {first}, another venue's", at(name)))
                }
                Some(_) => {}
                None => {
                    folded.insert(fold(name.get_ref()), (index, at(name)));
                }
            }
        };
        let names = table.known.iter().chain(&table.preprints);
        for name in names
            .chain(table.variants.keys())
            .chain(table.aliases.keys())
        {
            spelled(name);
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
        assert!(table.known.len() > 300);
    }

    #[test]
    fn the_issue_list_is_known() {
        let venues = Venues::builtin();
        for name in [
            "CVPR",
            "ICCV",
            "ECCV",
            "WACV",
            "BMVC",
            "NeurIPS",
            "ICML",
            "ICLR",
            "AAAI",
            "IJCAI",
            "ACL",
            "EMNLP",
            "NAACL",
            "COLING",
            "ACM MM",
            "KDD",
            "MICCAI",
            "MIDL",
            "IPMI",
            "ISBI",
            "TMI",
            "MIA",
            "MedIA",
            "TPAMI",
            "IJCV",
            "Nature",
            "Nature Communications",
            "Nature Medicine",
            "npj Digital Medicine",
            "Radiology",
            "PMLR",
            "CHIL",
            "ML4H",
            "arXiv",
            "bioRxiv",
            "medRxiv",
        ] {
            assert_eq!(venues.check(name), VenueCheck::Known, "{name}");
        }
    }

    #[test]
    fn aliases_and_case_variants_are_renamed() {
        assert_eq!(check("NIPS"), alias("NeurIPS"));
        let venues = Venues::builtin_shared();
        assert!(venues.former_name_then("NIPS", 2017));
        assert!(!venues.former_name_then("Nips", 2017));
        // Right up to 2018 (the contract's reading): its papers were accepted as NIPS.
        assert!(venues.former_name_then("NIPS", 2018));
        assert!(!venues.former_name_then("NIPS", 2019));
        assert!(!venues.former_name_then("ICML", 2010));
        assert!(venues.former_name_then("Proceedings of NIPS", 2017));
        assert_eq!(check("Proceedings of ACL"), VenueCheck::Known);
        assert_eq!(
            check("Proceedings of EMNPL"),
            VenueCheck::Unknown {
                suggestion: Some("Proceedings of EMNLP".into())
            }
        );
        assert_eq!(check("Proceedings of the NeurIPS"), VenueCheck::Known);
        assert_eq!(check("arxiv"), alias("arXiv"));
        assert_eq!(check("Arxiv"), alias("arXiv"));
        assert_eq!(check("neurips"), alias("NeurIPS"));
        assert_eq!(check("ACMMM"), VenueCheck::Known);
        assert_eq!(check("Media"), alias("MIA"));
        // Punctuation and spacing alone do not make another spelling.
        assert_eq!(check("Nat Commun"), VenueCheck::Known);
        assert_eq!(check("IJCAI."), VenueCheck::Known);
        assert_eq!(check("ACL/IJCNLP"), VenueCheck::Known);
        assert_eq!(check("nat commun"), alias("Nature Communications"));
        assert_eq!(check("Conference on robot learning"), VenueCheck::Known);
        // A lowercase word cut short is a keyword, not `TR-A` in lowercase.
        assert!(!venues.recognizes("tra."));
        assert!(!venues.recognizes("`tra.`"));
        assert!(venues.recognizes("TR-A"));
    }

    #[test]
    fn workshop_forms_of_known_venues_are_known() {
        for name in [
            "MICCAI-ws",
            "CVPR Workshop",
            "ICCV Workshops",
            "Findings of ACL",
            "EMNLP Findings",
            "CVPRW",
            "ECCVW",
            "NeurIPS-W",
            "MICCAI-W",
            "NeurIPSW",
            "ICLRW",
            "ICML Workshop",
            "NeurIPS-ws",
            "SafeGenAI@NeurIPS",
            "NeurIPS@Workshop",
        ] {
            assert_eq!(check(name), VenueCheck::Known, "{name}");
        }
        assert_eq!(check("NIPS Workshop"), alias("NeurIPS Workshop"));
        assert_eq!(check("NIPSW"), alias("NeurIPS Workshop"));
        assert_eq!(check("NeurIPS Workshop"), VenueCheck::Known);
        assert_eq!(check("arxiv-ws"), alias("arXiv-ws"));
        assert!(matches!(check("Foo Workshop"), VenueCheck::Unknown { .. }));
    }

    #[test]
    fn abbreviated_names_of_known_venues_are_known() {
        assert_eq!(
            check("IEEE Trans. on Industrial Informatics"),
            VenueCheck::Known
        );
        assert_eq!(check("IEEE Trans. Med. Imaging"), VenueCheck::Known);
        // Cut short without the period that marks it: a slip, or another venue.
        assert_ne!(
            check("IEEE Trans on Industrial Informatics"),
            VenueCheck::Known
        );
    }

    #[test]
    fn unknown_venues_get_a_did_you_mean() {
        assert_eq!(
            check("Nature Com"),
            VenueCheck::Unknown {
                suggestion: Some("Nature Communications".into())
            }
        );
        assert_eq!(
            check("MICCIA"),
            VenueCheck::Unknown {
                suggestion: Some("MICCAI".into())
            }
        );
        assert_eq!(
            check("Zebra Conf"),
            VenueCheck::Unknown { suggestion: None }
        );
        let suggestion = |name| match check(name) {
            VenueCheck::Unknown { suggestion } => suggestion,
            other => panic!("{name}: {other:?}"),
        };
        // The misspellings real lists carry.
        assert_eq!(suggestion("ENNLP").as_deref(), Some("EMNLP"));
        assert_eq!(suggestion("GCO").as_deref(), Some("CGO"));
        assert_eq!(suggestion("TPMAI").as_deref(), Some("TPAMI"));
        assert_eq!(suggestion("ESORCIS").as_deref(), Some("ESORICS"));
        assert_eq!(suggestion("MICCA").as_deref(), Some("MICCAI"));
        // Venues of their own, or too far to be sure.
        for name in [
            "PAKDD",
            "JMIR",
            "BIBM",
            "NLPCC",
            "VLDB",
            "SIGMOD",
            "OSDI",
            "SOSP",
            "ASPLOS",
            "EuroSys",
            "ISCA",
            "Remote Sensing",
            "Artif Intell Med",
            "Cureus",
            "ACM Computing Surveys",
        ] {
            assert_eq!(check(name), VenueCheck::Known, "{name}");
        }
        assert_eq!(suggestion("CFF"), None);
        // Real venues one letter from another, or sharing only a publisher:
        // known, or unknown without a suggestion, never another's misspelling.
        for name in [
            "ICCP", "ESWC", "IJSR", "ICMI", "Blog", "IEEE SPM", "IEEE SLT", "IEEE GCC",
        ] {
            match check(name) {
                VenueCheck::Known | VenueCheck::Unknown { suggestion: None } => {}
                other => panic!("{name}: {other:?}"),
            }
        }
        assert_eq!(suggestion("NeurlPS").as_deref(), Some("NeurIPS"));
        assert_eq!(suggestion("CVPRR").as_deref(), Some("CVPR"));
        assert_eq!(suggestion("Zorbconf"), None);
    }

    #[test]
    fn config_venues_and_aliases() {
        let mut venues = Venues::builtin();
        venues.add_known("MLHC Workshop Track");
        assert_eq!(venues.check("MLHC Workshop Track"), VenueCheck::Known);
        assert!(venues.add_alias("Nature Com", "Nature Communications"));
        assert_eq!(venues.check("Nature Com"), alias("Nature Communications"));
        assert!(!venues.add_alias("X", "Not A Venue"));
        assert!(venues.add_alias("CVPR-Workshop", "CVPR Workshop"));
        assert_eq!(venues.check("CVPR-Workshop"), alias("CVPR Workshop"));
    }
}

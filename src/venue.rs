//! Known venues: canonical names, accepted variants, deprecated aliases, and
//! the did-you-mean for everything else.
//!
//! Three kinds of spelling: the canonical name (`NeurIPS`); an accepted
//! variant that lists use on purpose (`MedIA` for MIA, `IEEE TMI`), never
//! reported; and an alias that should be rewritten (`NIPS`, `arxiv`), reported
//! as a warning with a safe fix. Workshop and Findings forms of a known venue
//! (`MICCAI-ws`, `CVPR Workshop`, `Findings of ACL`) are accepted.

use rustc_hash::FxHashMap as HashMap;

struct VenueDef {
    name: &'static str,
    variants: &'static [&'static str],
    aliases: &'static [&'static str],
}

const fn venue(name: &'static str) -> VenueDef {
    VenueDef {
        name,
        variants: &[],
        aliases: &[],
    }
}

const fn with(
    name: &'static str,
    variants: &'static [&'static str],
    aliases: &'static [&'static str],
) -> VenueDef {
    VenueDef {
        name,
        variants,
        aliases,
    }
}

/// The built-in list. Case-insensitive matches of any spelling here are
/// aliases of the canonical name, so `Arxiv` and `neurips` need no entry.
const BUILTIN: &[VenueDef] = &[
    // Computer vision.
    venue("CVPR"),
    venue("ICCV"),
    venue("ECCV"),
    venue("WACV"),
    venue("BMVC"),
    venue("ACCV"),
    venue("3DV"),
    venue("ICIP"),
    venue("ICPR"),
    venue("ICME"),
    // Machine learning and AI.
    with("NeurIPS", &[], &["NIPS"]),
    with(
        "NeurIPS Datasets and Benchmarks",
        &["NeurIPS D&B", "NeurIPS DB"],
        &[],
    ),
    venue("ICML"),
    venue("ICLR"),
    venue("AAAI"),
    venue("IJCAI"),
    venue("UAI"),
    venue("AISTATS"),
    venue("COLT"),
    venue("ECAI"),
    venue("IJCNN"),
    venue("TMLR"),
    venue("JMLR"),
    venue("PMLR"),
    // Language.
    venue("ACL"),
    venue("EMNLP"),
    with("NAACL", &["NAACL-HLT"], &[]),
    venue("COLING"),
    venue("EACL"),
    venue("AACL"),
    venue("TACL"),
    venue("CoNLL"),
    venue("LREC"),
    venue("BioNLP"),
    venue("ACL-IJCNLP"),
    venue("Interspeech"),
    venue("ICASSP"),
    // Multimedia, data mining, retrieval.
    with("ACM MM", &["ACM Multimedia", "MM"], &["ACMMM"]),
    with("KDD", &["SIGKDD", "ACM SIGKDD"], &[]),
    venue("SIGIR"),
    venue("WWW"),
    venue("CIKM"),
    venue("WSDM"),
    venue("ICDM"),
    venue("SDM"),
    // Robotics and graphics.
    venue("ICRA"),
    venue("IROS"),
    venue("CoRL"),
    venue("RSS"),
    venue("SIGGRAPH"),
    venue("SIGGRAPH Asia"),
    with("TOG", &["ACM TOG"], &[]),
    // Medical imaging and health.
    venue("MICCAI"),
    venue("MIDL"),
    venue("IPMI"),
    venue("ISBI"),
    venue("EMBC"),
    venue("MLMI"),
    venue("MLHC"),
    venue("CHIL"),
    venue("ML4H"),
    venue("SPIE Medical Imaging"),
    with(
        "TMI",
        &[
            "IEEE TMI",
            "IEEE Trans. Med. Imaging",
            "IEEE Transactions on Medical Imaging",
        ],
        &[],
    ),
    with("MIA", &["MedIA", "Medical Image Analysis"], &[]),
    with("JBHI", &["IEEE JBHI"], &[]),
    with("TBME", &["IEEE TBME"], &[]),
    venue("Medical Physics"),
    venue("Radiology"),
    with(
        "Radiology: Artificial Intelligence",
        &["Radiology: AI"],
        &[],
    ),
    // Journals.
    with(
        "TPAMI",
        &[
            "IEEE TPAMI",
            "PAMI",
            "T-PAMI",
            "IEEE Transactions on Pattern Analysis and Machine Intelligence",
        ],
        &[],
    ),
    venue("IJCV"),
    with("TIP", &["IEEE TIP"], &[]),
    with("TMM", &["IEEE TMM"], &[]),
    with("TNNLS", &["IEEE TNNLS"], &[]),
    with("TCSVT", &["IEEE TCSVT"], &[]),
    with("TKDE", &["IEEE TKDE"], &[]),
    venue("Pattern Recognition"),
    venue("Neurocomputing"),
    venue("Bioinformatics"),
    venue("Nature"),
    with("Nature Communications", &["Nat. Commun."], &[]),
    with("Nature Medicine", &["Nat. Med."], &[]),
    venue("Nature Methods"),
    venue("Nature Machine Intelligence"),
    venue("Nature Biomedical Engineering"),
    venue("npj Digital Medicine"),
    venue("Science"),
    venue("Science Advances"),
    venue("Cell"),
    with("Lancet Digital Health", &["The Lancet Digital Health"], &[]),
    venue("NEJM AI"),
    venue("JAMA"),
    with("Scientific Reports", &["Sci. Rep.", "Sci Rep"], &[]),
    venue("Scientific Data"),
    venue("Communications Medicine"),
    venue("IEEE Access"),
    with("Lancet", &["The Lancet"], &[]),
    venue("JAMIA"),
    venue("NEJM"),
    venue("PLOS ONE"),
    // Preprint servers.
    venue("arXiv"),
    venue("bioRxiv"),
    venue("medRxiv"),
];

/// Suffixes and prefixes that make a workshop or Findings form of a venue.
const WORKSHOP_SUFFIXES: &[&str] = &[
    "-ws",
    "-w",
    " ws",
    "-workshop",
    "-workshops",
    " workshop",
    " workshops",
    " (workshop)",
    " findings",
    "-findings",
];
const WORKSHOP_PREFIXES: &[&str] = &["findings of ", "workshop at ", "workshop of "];

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

/// The venue table: built-in venues plus the config's `known` and `aliases`.
#[derive(Debug, Clone)]
pub struct Venues {
    names: Vec<String>,
    exact: HashMap<String, (usize, Spelling)>,
    /// Folded spelling (lowercase, letters and digits only) to venue.
    folded: HashMap<String, usize>,
}

impl Default for Venues {
    fn default() -> Self {
        Self::builtin()
    }
}

impl Venues {
    /// The built-in table, built once.
    pub fn builtin_shared() -> &'static Venues {
        static BUILTIN_VENUES: std::sync::LazyLock<Venues> =
            std::sync::LazyLock::new(Venues::builtin);
        &BUILTIN_VENUES
    }

    pub fn builtin() -> Self {
        let mut venues = Self {
            names: Vec::new(),
            exact: HashMap::default(),
            folded: HashMap::default(),
        };
        for def in BUILTIN {
            let index = venues.add_name(def.name);
            for variant in def.variants {
                venues.add_spelling(variant, index, Spelling::Variant);
            }
            for alias in def.aliases {
                venues.add_spelling(alias, index, Spelling::Alias);
            }
        }
        venues
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
    }

    /// Adds a venue from the config's `known` list; it is accepted as written.
    pub fn add_known(&mut self, name: &str) {
        if !matches!(
            self.exact.get(name),
            Some((_, Spelling::Canonical | Spelling::Variant))
        ) {
            self.add_name(name);
        }
    }

    /// Adds a config alias. Returns false when the target is not a known
    /// venue (a workshop form of one, `CVPR Workshop`, is known).
    pub fn add_alias(&mut self, alias: &str, target: &str) -> bool {
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

    /// Whether a name (exactly as written) is a known venue or accepted variant.
    pub fn is_known(&self, name: &str) -> bool {
        matches!(
            self.exact.get(name),
            Some((_, Spelling::Canonical | Spelling::Variant))
        )
    }

    /// Whether a name is a venue of the table in any spelling (canonical,
    /// variant, alias, workshop form): [`Venues::check`] without the
    /// did-you-mean, which costs a comparison with every venue.
    pub fn recognizes(&self, name: &str) -> bool {
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
        VenueCheck::Unknown {
            suggestion: self.suggest(name),
        }
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
        // `MedIA` written `Media` folds to a variant of MIA: suggest the variant's
        // own canonical venue.
        Some(VenueCheck::Alias {
            canonical: self.names[index].clone(),
        })
    }

    /// The closest known venue: one that starts with what was written
    /// (`Nature Com`), or one a typo or two away (`MICCIA`).
    fn suggest(&self, name: &str) -> Option<String> {
        let folded = fold(name);
        if folded.len() < 2 {
            return None;
        }
        if folded.len() >= 3 {
            let mut prefixed = self
                .folded
                .iter()
                .filter(|(spelling, _)| spelling.starts_with(&folded));
            if let Some((_, &index)) = prefixed.next()
                && prefixed.all(|(_, &other)| other == index)
            {
                return Some(self.names[index].clone());
            }
        }
        let limit = if folded.len() <= 4 { 1 } else { 2 };
        self.folded
            .iter()
            .map(|(spelling, &index)| (strsim::damerau_levenshtein(&folded, spelling), index))
            .filter(|&(distance, _)| distance <= limit)
            .min_by_key(|&(distance, index)| (distance, index))
            .map(|(_, index)| self.names[index].clone())
    }
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
    // `CVPRW`, `ICCVW`: an acronym with a `W` appended.
    if let Some(base) = name.strip_suffix('W')
        && base.len() >= 3
        && base.bytes().all(|b| b.is_ascii_uppercase())
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
    for suffix in WORKSHOP_SUFFIXES {
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
    for prefix in WORKSHOP_PREFIXES {
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

/// Lowercase letters and digits only: `Nat. Commun.` and `nat commun` fold alike.
fn fold(name: &str) -> String {
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
        assert_eq!(check("arxiv"), alias("arXiv"));
        assert_eq!(check("Arxiv"), alias("arXiv"));
        assert_eq!(check("neurips"), alias("NeurIPS"));
        assert_eq!(check("ACMMM"), alias("ACM MM"));
        assert_eq!(check("Media"), alias("MIA"));
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

//! The vocabulary as data: the venues, link labels and hosts awesome-lint
//! knows (`vocabulary/venues.toml`, `labels.toml`, `hosts.toml`), and the
//! words the reader and the rules know beside them (`words.toml`).
//!
//! The first three have the schema of the config's `[venues]`, `[entry]
//! labels` and `[hosts]`: the built-in tables and a list's config are read
//! into the same types here, and merged by one function each
//! ([`crate::venue::Venues::add`], [`crate::label::Labels::add`],
//! [`crate::url::Hosts::add`]), the config's after the built-in. The data is
//! embedded at build time and parsed once; this module only reads it, and
//! knows nothing of what the names mean.

use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::LazyLock;

use serde::Deserialize;
use toml::Spanned;

/// A name as written in a vocabulary file, with where it is written.
pub(crate) type Name = Spanned<String>;

/// Venues: `[venues]` of the config and of `venues.toml`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct VenueTable {
    /// Canonical names, accepted as written.
    #[serde(default)]
    pub(crate) known: Vec<Name>,
    /// Preprint servers and open-review sites: canonical names too.
    #[serde(default)]
    pub(crate) preprints: Vec<Name>,
    /// Other spellings a list uses on purpose, accepted: spelling = venue.
    #[serde(default)]
    pub(crate) variants: BTreeMap<Name, Name>,
    /// Spellings to rewrite (a safe fix): alias = venue.
    #[serde(default)]
    pub(crate) aliases: BTreeMap<Name, Name>,
    /// An alias that was the venue's own name until the year given.
    #[serde(default)]
    pub(crate) renamed: BTreeMap<Name, Spanned<u16>>,
}

impl VenueTable {
    pub(crate) fn is_empty(&self) -> bool {
        self.known.is_empty()
            && self.preprints.is_empty()
            && self.variants.is_empty()
            && self.aliases.is_empty()
            && self.renamed.is_empty()
    }
}

/// Link labels: `labels` in `[entry]` of the config and of `labels.toml`.
#[derive(Debug, Clone)]
pub(crate) enum LabelTable {
    /// Labels a list uses, in no category of their own (`other` when new).
    Plain(Vec<Name>),
    /// Labels by category (`pdf`, `paper`, `code`, `project`, `data`,
    /// `media`, `other`).
    ByCategory(BTreeMap<Name, Vec<Name>>),
}

impl<'de> Deserialize<'de> for LabelTable {
    // By hand rather than `#[serde(untagged)]`, which buffers the value and
    // so loses the places the names are written at.
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Either;
        impl<'de> serde::de::Visitor<'de> for Either {
            type Value = LabelTable;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a list of labels, or a table of categories with a list of labels each")
            }

            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<LabelTable, A::Error> {
                let mut labels = Vec::new();
                while let Some(label) = seq.next_element()? {
                    labels.push(label);
                }
                Ok(LabelTable::Plain(labels))
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<LabelTable, A::Error> {
                let mut categories = BTreeMap::new();
                while let Some((category, labels)) = map.next_entry()? {
                    categories.insert(category, labels);
                }
                Ok(LabelTable::ByCategory(categories))
            }
        }
        deserializer.deserialize_any(Either)
    }
}

/// Hosts by what they serve: `[hosts]` of the config and of `hosts.toml`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct HostTable {
    #[serde(default)]
    pub(crate) code: Vec<Name>,
    #[serde(default)]
    pub(crate) paper: Vec<Name>,
}

impl HostTable {
    pub(crate) fn is_empty(&self) -> bool {
        self.code.is_empty() && self.paper.is_empty()
    }
}

/// Something a vocabulary says that cannot be taken: where, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct VocabularyError {
    /// Into the text the table was read from.
    pub(crate) span: Range<usize>,
    pub(crate) message: String,
    pub(crate) label: &'static str,
    pub(crate) help: Option<String>,
}

/// The built-in vocabulary, as its files write it.
#[derive(Debug)]
pub(crate) struct Builtin {
    pub(crate) venues: VenueTable,
    pub(crate) labels: LabelTable,
    pub(crate) hosts: HostTable,
}

/// The built-in files, for the tests that check them and for error messages.
pub(crate) const VENUES_FILE: &str = include_str!("vocabulary/venues.toml");
pub(crate) const LABELS_FILE: &str = include_str!("vocabulary/labels.toml");
pub(crate) const HOSTS_FILE: &str = include_str!("vocabulary/hosts.toml");
const WORDS_FILE: &str = include_str!("vocabulary/words.toml");

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct VenuesFile {
    venues: VenueTable,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LabelsFile {
    entry: LabelsSection,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LabelsSection {
    labels: LabelTable,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HostsFile {
    hosts: HostTable,
}

/// The built-in vocabulary, parsed once. The files are part of the binary
/// and a test parses them: a failure here is a build that never passed its
/// tests.
pub(crate) fn builtin() -> &'static Builtin {
    static BUILTIN: LazyLock<Builtin> = LazyLock::new(|| Builtin {
        venues: parse::<VenuesFile>(VENUES_FILE, "venues.toml").venues,
        labels: parse::<LabelsFile>(LABELS_FILE, "labels.toml").entry.labels,
        hosts: parse::<HostsFile>(HOSTS_FILE, "hosts.toml").hosts,
    });
    &BUILTIN
}

fn parse<T: serde::de::DeserializeOwned>(text: &str, name: &str) -> T {
    toml::from_str(text).unwrap_or_else(|err| panic!("the built-in {name} does not parse: {err}"))
}

/// Words the reader and the rules know, beside venues, labels and hosts:
/// built in only (`words.toml`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Words {
    pub(crate) tags: TagWords,
    pub(crate) venue_forms: VenueForms,
    pub(crate) headings: HeadingWords,
    pub(crate) columns: ColumnWords,
    pub(crate) fields: FieldWords,
    pub(crate) links: LinkWords,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct TagWords {
    /// A bracketed word beside a venue that is never a short name (`[Oral]`).
    pub(crate) qualifiers: Vec<String>,
    /// Words a venue tag may carry after its year (`ICCV 2023 Oral`).
    pub(crate) after_year: Vec<String>,
    /// Words that say a name is a venue (`Journal`, `workshop`).
    pub(crate) venue_words: Vec<String>,
    /// Written where a venue goes, meaning a preprint (`[Preprint]`).
    pub(crate) preprint: Vec<String>,
    /// GB/T 7714 document-type marks that end a title (`[J]`, `[C]`).
    pub(crate) citation_types: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct VenueForms {
    pub(crate) workshop_suffixes: Vec<String>,
    pub(crate) workshop_prefixes: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct HeadingWords {
    /// The first word of a short heading whose section holds no entries.
    pub(crate) no_entries: Vec<String>,
    /// The opening phrase of a heading whose section holds no entries.
    pub(crate) no_entries_phrases: Vec<String>,
    /// A word of a heading whose section lists material other than papers.
    pub(crate) not_papers: Vec<String>,
    pub(crate) before_year: Vec<String>,
    pub(crate) after_year: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ColumnWords {
    pub(crate) title: Vec<String>,
    pub(crate) venue: Vec<String>,
    pub(crate) date: Vec<String>,
    pub(crate) name: Vec<String>,
    pub(crate) notes: Vec<String>,
}

/// The labels of an entry's lines written `Label: value` (`- Publish Date:
/// 2024.12.24`), by what the value is.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct FieldWords {
    pub(crate) date: Vec<String>,
    pub(crate) venue: Vec<String>,
    pub(crate) publisher: Vec<String>,
    pub(crate) notes: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct LinkWords {
    /// Labels that name no kind of link: the host says what it leads to.
    pub(crate) generic_labels: Vec<String>,
    pub(crate) placeholders: Vec<String>,
}

/// The built-in words, parsed once (see [`builtin`] on why a failure panics).
pub(crate) fn words() -> &'static Words {
    static WORDS: LazyLock<Words> = LazyLock::new(|| parse(WORDS_FILE, "words.toml"));
    &WORDS
}

/// Whether `word` is one of `words`, ignoring ASCII case (the words are
/// written in lowercase).
pub(crate) fn is_one_of(word: &str, words: &[String]) -> bool {
    words.iter().any(|w| w.eq_ignore_ascii_case(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_files_parse() {
        let builtin = builtin();
        assert!(builtin.venues.known.len() > 300);
        assert!(matches!(builtin.labels, LabelTable::ByCategory(_)));
        assert!(builtin.hosts.paper.len() > 50);
        let words = words();
        assert!(!words.tags.qualifiers.is_empty());
        // Every word is written in lowercase: compared ignoring case.
        for list in [
            &words.tags.qualifiers,
            &words.tags.after_year,
            &words.tags.preprint,
            &words.tags.citation_types,
            &words.venue_forms.workshop_suffixes,
            &words.venue_forms.workshop_prefixes,
            &words.headings.no_entries,
            &words.headings.no_entries_phrases,
            &words.headings.not_papers,
            &words.headings.before_year,
            &words.headings.after_year,
            &words.columns.title,
            &words.columns.venue,
            &words.columns.date,
            &words.columns.name,
            &words.columns.notes,
            &words.links.placeholders,
            &words.links.generic_labels,
        ] {
            for word in list {
                assert_eq!(word, &word.to_lowercase());
            }
        }
    }
}

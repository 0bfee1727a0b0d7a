//! Papers as the services that hold them describe them: the identities a
//! link can name (arXiv id, DOI, OpenReview id) and what arXiv, Crossref or
//! OpenReview says about each (its title, its year, arXiv's latest version).
//!
//! Plain data: the link checker fills it in, `title-mismatch` reads it.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::url::{self, PaperKey};

/// A paper identity some service can describe.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum PaperId {
    /// A bare arXiv id, without version (`2403.07636`, `hep-th/9901001`).
    Arxiv(String),
    /// A DOI, lowercased (DOIs ignore case).
    Doi(String),
    /// An OpenReview note id (case matters).
    OpenReview(String),
    /// Where the arXiv paper of this bare id was published, as a batch
    /// metadata service (Semantic Scholar, with DBLP's key) says: asked
    /// about preprints whose arXiv record names no publication.
    Publication(String),
}

impl PaperId {
    /// The identity a URL names, if a service can describe it.
    pub(crate) fn of_url(url: &str) -> Option<Self> {
        Some(match url::paper_key(url)? {
            PaperKey::Arxiv(id) => PaperId::Arxiv(id.to_owned()),
            PaperKey::Doi(doi) => {
                // A DOI in a URL may be percent-encoded (`10.1000%2Fabc`).
                let doi = percent_decode(doi)?;
                PaperId::Doi(doi.to_ascii_lowercase())
            }
            PaperKey::OpenReview(id) if !id.is_empty() => PaperId::OpenReview(id.to_owned()),
            _ => return None,
        })
    }

    /// The key in the metadata cache.
    pub(crate) fn cache_key(&self) -> String {
        match self {
            PaperId::Arxiv(id) => format!("arxiv:{id}"),
            PaperId::Doi(doi) => format!("doi:{doi}"),
            PaperId::OpenReview(id) => format!("openreview:{id}"),
            PaperId::Publication(id) => format!("s2:arxiv:{id}"),
        }
    }

    /// Which service describes it.
    pub(crate) fn service(&self) -> &'static str {
        match self {
            PaperId::Arxiv(_) => "arXiv",
            PaperId::Doi(_) => "Crossref",
            PaperId::OpenReview(_) => "OpenReview",
            PaperId::Publication(_) => "Semantic Scholar",
        }
    }
}

impl fmt::Display for PaperId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PaperId::Arxiv(id) => write!(f, "arXiv:{id}"),
            PaperId::Doi(doi) => write!(f, "doi:{doi}"),
            PaperId::OpenReview(id) => write!(f, "OpenReview {id}"),
            PaperId::Publication(id) => write!(f, "the publication of arXiv:{id}"),
        }
    }
}

/// What a service says about a paper.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Paper {
    /// Whitespace collapsed, otherwise as the service writes it.
    pub title: String,
    /// The year it was first published or posted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<u16>,
    /// arXiv: the latest version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<u32>,
    /// arXiv: where the authors say the paper was published
    /// (`arxiv:journal_ref`, `CVPR 2024`), if they say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub journal_ref: Option<String>,
    /// The authors' names in order, as the service writes them (`Yann
    /// LeCun`): what `add` writes an entry's authors from.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<String>,
    /// When it was first published or posted, as far as the service says:
    /// year, month, day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<(u16, Option<u8>, Option<u8>)>,
    /// Where it was published as the service names it: Crossref's
    /// container title (`Medical Image Analysis`), OpenReview's venue
    /// (`ICLR 2024 poster`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub venue: Option<String>,
    /// The DOI of the published version, where the service gives one
    /// (arXiv's `arxiv:doi`; Semantic Scholar's, not arXiv's own).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doi: Option<String>,
    /// Other names of that venue the service knows (`CVPR` for `Computer
    /// Vision and Pattern Recognition`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub venue_aliases: Vec<String>,
}

/// The answer about one identity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Answer {
    Found(Paper),
    /// The service knows no such paper. For arXiv, whose ids are all its
    /// own, the link is broken; a DOI may be registered elsewhere (DataCite).
    Unknown,
    /// The service could not be asked, or its answer could not be read.
    Failed(String),
    /// The service's host could not be resolved or connected to: with
    /// every other host failing so, the network is down.
    Unreachable(String),
}

fn percent_decode(text: &str) -> Option<String> {
    if !text.contains('%') {
        return Some(text.to_owned());
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identities_of_urls() {
        assert_eq!(
            PaperId::of_url("https://arxiv.org/pdf/2403.07636v2.pdf"),
            Some(PaperId::Arxiv("2403.07636".into()))
        );
        assert_eq!(
            PaperId::of_url("https://doi.org/10.1000%2FABC.1"),
            Some(PaperId::Doi("10.1000/abc.1".into()))
        );
        assert_eq!(
            PaperId::of_url("https://dl.acm.org/doi/abs/10.1145/3581783.3612345"),
            Some(PaperId::Doi("10.1145/3581783.3612345".into()))
        );
        assert_eq!(
            PaperId::of_url("https://openreview.net/forum?id=AbC_12"),
            Some(PaperId::OpenReview("AbC_12".into()))
        );
        assert_eq!(PaperId::of_url("https://github.com/o/r"), None);
        assert_eq!(PaperId::of_url("https://doi.org/10.1000%zz"), None);
    }
}

//! What a link's URL says without fetching it: its host, whether that host
//! serves code or papers (the hosts are data: [`crate::vocabulary`]), and a
//! key that is the same for every spelling of one paper (arXiv abs/pdf/version
//! forms, DOIs, http/https, trailing slashes).

use crate::vocabulary::HostTable;

/// The pieces of an absolute http(s) URL that matter here, borrowed from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct UrlParts<'a> {
    /// As written (compare it ignoring ASCII case), without a leading `www.` or a port.
    pub host: &'a str,
    /// Path without the query and fragment; `""` for the root.
    pub path: &'a str,
    /// Query without `?`; `""` when absent.
    pub query: &'a str,
}

/// Splits an `http://` or `https://` URL; `None` for anything else.
pub(crate) fn parse(url: &str) -> Option<UrlParts<'_>> {
    let rest = strip_prefix_ignore_case(url, "https://")
        .or_else(|| strip_prefix_ignore_case(url, "http://"))?;
    // One pass over the bytes: this runs for every link of every entry,
    // whose URLs are short.
    let bytes = rest.as_bytes();
    let mut authority_end = bytes.len();
    let mut at_sign = None;
    let mut colon = None;
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'/' | b'?' | b'#' => {
                authority_end = i;
                break;
            }
            b'@' => {
                at_sign = Some(i);
                colon = None;
            }
            b':' if colon.is_none() => colon = Some(i),
            _ => {}
        }
    }
    let host_start = at_sign.map_or(0, |i| i + 1);
    let host = if bytes.get(host_start) == Some(&b'[') {
        let v6 = &rest[host_start + 1..authority_end];
        v6.split(']').next().unwrap_or_default()
    } else {
        &rest[host_start..colon.filter(|&c| c > host_start).unwrap_or(authority_end)]
    };
    let host = strip_prefix_ignore_case(host, "www.").unwrap_or(host);
    if host.is_empty() {
        return None;
    }
    let after = &rest[authority_end..];
    let after = after.as_bytes();
    let mut path_end = after.len();
    let mut query_end = after.len();
    for (i, &b) in after.iter().enumerate() {
        if b == b'?' && path_end == after.len() {
            path_end = i;
        } else if b == b'#' {
            query_end = i;
            path_end = path_end.min(i);
            break;
        }
    }
    let after = &rest[authority_end..];
    let path = &after[..path_end];
    let query = if path_end < query_end {
        &after[path_end + 1..query_end]
    } else {
        ""
    };
    Some(UrlParts { host, path, query })
}

fn strip_prefix_ignore_case<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    (s.len() >= prefix.len()
        && s.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes()))
    .then(|| &s[prefix.len()..])
}

/// What a host serves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HostKind {
    /// Source code hosting: github.com, gitlab.com, ...
    Code,
    /// Publishers, proceedings and preprint servers.
    Paper,
    Other,
}

/// The host table: the built-in hosts, then a list's own.
#[derive(Debug, Clone, Default)]
pub struct Hosts {
    kinds: rustc_hash::FxHashMap<String, HostKind>,
}

impl Hosts {
    /// The built-in table (`vocabulary/hosts.toml`), built once and shared.
    pub(crate) fn builtin() -> &'static std::sync::Arc<Hosts> {
        static BUILTIN: std::sync::LazyLock<std::sync::Arc<Hosts>> =
            std::sync::LazyLock::new(|| {
                let mut hosts = Hosts::default();
                hosts.add(&crate::vocabulary::builtin().hosts);
                std::sync::Arc::new(hosts)
            });
        &BUILTIN
    }

    /// Adds a table of hosts (the built-in one, a list's `[hosts]`): a
    /// host takes the kind the table gives it.
    pub(crate) fn add(&mut self, table: &HostTable) {
        for (hosts, kind) in [
            (&table.paper, HostKind::Paper),
            (&table.code, HostKind::Code),
        ] {
            for host in hosts {
                self.kinds
                    .insert(host.get_ref().trim().to_ascii_lowercase(), kind);
            }
        }
    }

    /// Whether a web address is a paper: on a paper host, or a PDF file.
    pub(crate) fn is_paper_link(&self, url: &str) -> bool {
        let Some(parts) = parse(url) else {
            return false;
        };
        self.kind(parts.host) == HostKind::Paper
            && !is_archive(parts.path)
            && !is_journal_page(parts.path)
            || ends_with_ignoring_case(parts.path, ".pdf")
            || names_a_doi(parts.path)
    }

    /// Classifies a host, subdomains included: the host, then each domain it
    /// is under, looked up in turn (`pubs.example.nature.com`, `example.nature.com`,
    /// `nature.com`).
    pub(crate) fn kind(&self, host: &str) -> HostKind {
        let mut buffer = [0u8; 128];
        let owned;
        let lower = if !host
            .bytes()
            .any(|b| b.is_ascii_uppercase() || !b.is_ascii())
        {
            host
        } else if host.len() <= buffer.len() && host.is_ascii() {
            let lower = &mut buffer[..host.len()];
            lower.copy_from_slice(host.as_bytes());
            lower.make_ascii_lowercase();
            std::str::from_utf8(lower).unwrap_or_default()
        } else {
            owned = host.to_lowercase();
            owned.as_str()
        };
        let mut domain = lower;
        loop {
            if let Some(&kind) = self.kinds.get(domain) {
                return kind;
            }
            match domain.split_once('.') {
                Some((_, rest)) if rest.contains('.') => domain = rest,
                _ => break,
            }
        }
        // A forge an institution runs for itself (`gitlab.lrz.de`,
        // `gitea.example.org`) is named after its software.
        match lower.split('.').next() {
            Some("gitlab" | "gitea" | "forgejo" | "codeberg") if lower.contains('.') => {
                HostKind::Code
            }
            _ => HostKind::Other,
        }
    }
}

/// `text` ends with `suffix`, ASCII case aside (no lowercase copy).
fn ends_with_ignoring_case(text: &str, suffix: &str) -> bool {
    let (text, suffix) = (text.as_bytes(), suffix.as_bytes());
    text.len() >= suffix.len() && text[text.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
}

/// Whether a URL's path names an archive file (`…-supp.zip`, `.tar.gz`):
/// supplementary material or code, never the paper, whatever the host.
pub(crate) fn is_archive(path: &str) -> bool {
    let path = path.as_bytes();
    [".zip", ".tgz", ".tar", ".7z", ".rar", ".gz", ".bz2", ".xz"]
        .iter()
        .any(|ext| {
            path.len() >= ext.len()
                && path[path.len() - ext.len()..].eq_ignore_ascii_case(ext.as_bytes())
        })
}

/// Whether a host serves a project's web site built from a repository
/// (`user.github.io`, `group.gitlab.io`): pages to read, never the
/// repository itself, whatever a link to them is labelled.
pub(crate) fn is_pages_site(host: &str) -> bool {
    let host = host.as_bytes();
    [".github.io", ".gitlab.io"].iter().any(|suffix| {
        host.len() > suffix.len()
            && host[host.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
    })
}

/// `sciencedirect.com/journal/information-fusion/about/call-for-papers`,
/// `springer.com/journal/521`: a journal's own pages on a publisher's
/// host, its calls for papers and its home, not a paper.
pub(crate) fn is_journal_page(path: &str) -> bool {
    let path = path.as_bytes();
    path.len() > "/journal/".len() && path[.."/journal/".len()].eq_ignore_ascii_case(b"/journal/")
}

/// Whether an address is a dataset's own page on a data hub
/// (`huggingface.co/datasets/…`, `kaggle.com/datasets/…`): data, whatever
/// the label says of it, where the label names no kind.
pub(crate) fn is_dataset_page(host: &str, path: &str) -> bool {
    let host = host.trim_start_matches("www.").to_ascii_lowercase();
    let path = path.to_ascii_lowercase();
    match host.as_str() {
        "huggingface.co" | "hf.co" | "kaggle.com" => path.starts_with("/datasets/"),
        "paperswithcode.com" => path.starts_with("/dataset/"),
        "data.mendeley.com" => path.starts_with("/datasets/"),
        "physionet.org" => path.starts_with("/content/"),
        _ => false,
    }
}

/// Whether a URL's path names a DOI the way publishers' paper pages do
/// (`/doi/10.1049/cje.2021.00.126`, `/doi/abs/10.1145/...`): a paper's page
/// on whatever host.
pub(crate) fn names_a_doi(path: &str) -> bool {
    let Some(at) = path.find("/doi/") else {
        return false;
    };
    let rest = &path[at + "/doi/".len()..];
    let rest = match rest.split_once('/') {
        Some((word, after)) if !word.starts_with("10.") => after,
        _ => rest,
    };
    rest.strip_prefix("10.").is_some_and(|r| {
        let digits = r.bytes().take_while(u8::is_ascii_digit).count();
        digits >= 4 && r[digits..].starts_with('/')
    })
}

/// What identifies the paper behind a link: equal for every spelling of one
/// paper, and borrowed from the URL (no allocation on the lint's hot path).
#[derive(Debug, Clone, Copy)]
pub(crate) enum PaperKey<'a> {
    /// Any arXiv abs/pdf/html/version form: the bare id.
    Arxiv(&'a str),
    /// A doi.org link: the DOI, compared ignoring case.
    Doi(&'a str),
    /// OpenReview forum and pdf pages: the `id` parameter.
    OpenReview(&'a str),
    /// IEEE Xplore's article number (`/document/N`, `/abstract/document/N`,
    /// `stamp.jsp?arnumber=N`).
    Ieee(&'a str),
    /// A PubMed id (`pubmed.ncbi.nlm.nih.gov/N`).
    PubMed(&'a str),
    /// A PubMed Central id, with its `PMC` (`/pmc/articles/PMCN`).
    Pmc(&'a str),
    /// A ScienceDirect article's PII (`/science/article/pii/S1361841523001234`,
    /// its `abs/` and `pdfft` pages alike), compared ignoring case.
    Pii(&'a str),
    /// A Google Drive file's id (`/file/d/ID/view`, `open?id=ID`, `uc?id=ID`).
    Drive(&'a str),
    /// Anything else: host (ignoring case and `www.`), path without a
    /// trailing slash, and query; the scheme does not matter, nor the
    /// fragment but a `#page=N` (with the query, in `query`).
    Url {
        host: &'a str,
        path: &'a str,
        query: &'a str,
    },
}

impl PartialEq for PaperKey<'_> {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (PaperKey::Arxiv(a), PaperKey::Arxiv(b))
            | (PaperKey::OpenReview(a), PaperKey::OpenReview(b))
            | (PaperKey::Ieee(a), PaperKey::Ieee(b))
            | (PaperKey::PubMed(a), PaperKey::PubMed(b))
            | (PaperKey::Drive(a), PaperKey::Drive(b)) => a == b,
            (PaperKey::Doi(a), PaperKey::Doi(b))
            | (PaperKey::Pmc(a), PaperKey::Pmc(b))
            | (PaperKey::Pii(a), PaperKey::Pii(b)) => a.eq_ignore_ascii_case(b),
            (
                PaperKey::Url { host, path, query },
                PaperKey::Url {
                    host: other_host,
                    path: other_path,
                    query: other_query,
                },
            ) => {
                host.eq_ignore_ascii_case(other_host) && path == other_path && query == other_query
            }
            _ => false,
        }
    }
}

impl Eq for PaperKey<'_> {}

impl std::hash::Hash for PaperKey<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        // Lowercased in chunks on the stack: one hasher call per 64 bytes,
        // not per byte.
        let lowercase = |text: &str, state: &mut H| {
            let mut chunk = [0u8; 64];
            for part in text.as_bytes().chunks(64) {
                let lower = &mut chunk[..part.len()];
                lower.copy_from_slice(part);
                lower.make_ascii_lowercase();
                state.write(lower);
            }
            state.write_u8(0xff);
        };
        match self {
            PaperKey::Arxiv(id) => (0u8, id).hash(state),
            PaperKey::Doi(doi) => {
                state.write_u8(1);
                lowercase(doi, state);
            }
            PaperKey::OpenReview(id) => (2u8, id).hash(state),
            PaperKey::Ieee(id) => (4u8, id).hash(state),
            PaperKey::PubMed(id) => (5u8, id).hash(state),
            PaperKey::Pmc(id) => {
                state.write_u8(6);
                lowercase(id, state);
            }
            PaperKey::Pii(id) => {
                state.write_u8(7);
                lowercase(id, state);
            }
            PaperKey::Drive(id) => (8u8, id).hash(state),
            PaperKey::Url { host, path, query } => {
                state.write_u8(3);
                lowercase(host, state);
                (path, query).hash(state);
            }
        }
    }
}

impl std::fmt::Display for PaperKey<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PaperKey::Arxiv(id) => write!(f, "arXiv id {id}"),
            PaperKey::Doi(doi) => write!(f, "DOI {}", doi.to_ascii_lowercase()),
            PaperKey::OpenReview(id) => write!(f, "OpenReview id {id}"),
            PaperKey::Ieee(id) => write!(f, "IEEE Xplore article {id}"),
            PaperKey::PubMed(id) => write!(f, "PubMed id {id}"),
            PaperKey::Pmc(id) => write!(f, "PubMed Central id {}", id.to_ascii_uppercase()),
            PaperKey::Pii(id) => write!(f, "ScienceDirect article {}", id.to_ascii_uppercase()),
            PaperKey::Drive(id) => write!(f, "Google Drive file {id}"),
            PaperKey::Url { .. } => f.write_str("paper link"),
        }
    }
}

/// The key of the paper a URL points at; `None` if it is not an http(s) URL.
pub(crate) fn paper_key(url: &str) -> Option<PaperKey<'_>> {
    let parts = parse(url)?;
    let host = parts.host;
    if (host.eq_ignore_ascii_case("arxiv.org") || host.eq_ignore_ascii_case("export.arxiv.org"))
        && let Some(id) = arxiv_id(parts.path)
    {
        return Some(PaperKey::Arxiv(id));
    }
    if host.eq_ignore_ascii_case("doi.org") || host.eq_ignore_ascii_case("dx.doi.org") {
        let doi = parts.path.trim_start_matches('/');
        // arXiv's own DOIs (`10.48550/arXiv.2403.01234`) name the arXiv id.
        if let Some(id) = arxiv_doi(doi) {
            return Some(PaperKey::Arxiv(id));
        }
        if doi.starts_with("10.") {
            return Some(PaperKey::Doi(doi));
        }
    }
    if host.eq_ignore_ascii_case("openreview.net")
        && let Some(id) = parts.query.split('&').find_map(|kv| kv.strip_prefix("id="))
    {
        return Some(PaperKey::OpenReview(id));
    }
    if let Some(key) = publisher_key(host.trim_start_matches("www."), parts.path, parts.query) {
        return Some(key);
    }
    // `proceedings.pdf#page=34` and `#page=82`: two papers of one volume,
    // told apart by the page the fragment opens (kept with the query).
    let query = match url.find('#') {
        Some(hash) if url[hash + 1..].starts_with("page=") => {
            let from = if parts.query.is_empty() {
                hash
            } else {
                hash - parts.query.len()
            };
            &url[from..]
        }
        _ => parts.query,
    };
    Some(PaperKey::Url {
        host,
        path: parts.path.trim_end_matches('/'),
        query,
    })
}

/// The identity in a publisher's or index's URL: the DOI its path embeds
/// (ACM, Wiley, Springer, bioRxiv and medRxiv), an IEEE Xplore article
/// number, a PubMed or PMC id. Every page of one paper (abstract, full
/// text, PDF) gets the key of the paper, and a doi.org link the same.
fn publisher_key<'a>(host: &str, path: &'a str, query: &'a str) -> Option<PaperKey<'a>> {
    let lower = host.to_ascii_lowercase();
    let doi_after = |prefixes: &[&str]| {
        prefixes
            .iter()
            .find_map(|p| path.strip_prefix(p))
            .filter(|rest| rest.starts_with("10."))
            .map(|rest| rest.trim_end_matches('/'))
    };
    let digits = |id: &'a str| {
        let id = id.trim_end_matches('/');
        (!id.is_empty() && id.bytes().all(|b| b.is_ascii_digit())).then_some(id)
    };
    match lower.as_str() {
        "dl.acm.org" | "onlinelibrary.wiley.com" => doi_after(&[
            "/doi/abs/",
            "/doi/pdf/",
            "/doi/epdf/",
            "/doi/full/",
            "/doi/fullHtml/",
            "/doi/",
        ])
        .map(PaperKey::Doi),
        "link.springer.com" => doi_after(&["/article/", "/chapter/", "/content/pdf/"])
            .map(|doi| doi.strip_suffix(".pdf").unwrap_or(doi))
            .map(PaperKey::Doi),
        "biorxiv.org" | "medrxiv.org" => {
            let doi = doi_after(&["/content/"])?;
            // `10.1101/2023.01.02.522500v1.full.pdf`: the DOI ends at the version.
            let end = doi
                .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == '/'))
                .unwrap_or(doi.len());
            Some(PaperKey::Doi(doi[..end].trim_end_matches('.')))
        }
        "ieeexplore.ieee.org" => {
            let id = ["/document/", "/abstract/document/"]
                .iter()
                .find_map(|p| path.strip_prefix(p))
                .map(|rest| rest.split('/').next().unwrap_or(rest))
                .or_else(|| {
                    (path == "/stamp/stamp.jsp")
                        .then(|| query.split('&').find_map(|kv| kv.strip_prefix("arnumber=")))
                        .flatten()
                })?;
            digits(id).map(PaperKey::Ieee)
        }
        "pubmed.ncbi.nlm.nih.gov" => digits(path.strip_prefix('/')?).map(PaperKey::PubMed),
        "ncbi.nlm.nih.gov" | "pmc.ncbi.nlm.nih.gov" => {
            let rest = path
                .strip_prefix("/pmc/articles/")
                .or_else(|| path.strip_prefix("/articles/"))?;
            let id = rest.split('/').next()?;
            let prefixed = id.get(..3).is_some_and(|p| p.eq_ignore_ascii_case("pmc"));
            (prefixed && digits(&id[3..]).is_some()).then_some(PaperKey::Pmc(id))
        }
        "sciencedirect.com" => {
            let rest = path
                .strip_prefix("/science/article/pii/")
                .or_else(|| path.strip_prefix("/science/article/abs/pii/"))?;
            let id = rest.split('/').next()?;
            pii_year(id).map(|_| PaperKey::Pii(id))
        }
        "drive.google.com" => {
            let id = match path.strip_prefix("/file/d/") {
                Some(rest) => rest.split('/').next()?,
                None if path == "/open" || path == "/uc" => {
                    query.split('&').find_map(|kv| kv.strip_prefix("id="))?
                }
                None => return None,
            };
            // Drive ids are long runs of letters, digits, `-` and `_`.
            (id.len() >= 10
                && id
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'))
            .then_some(PaperKey::Drive(id))
        }
        _ => None,
    }
}

/// The arXiv id an arXiv DOI names: `10.48550/arXiv.2403.01234` (any
/// case, a version after the id left out).
fn arxiv_doi(doi: &str) -> Option<&str> {
    let rest = doi.strip_prefix("10.48550/")?;
    let prefix = rest.get(..6)?;
    if !prefix.eq_ignore_ascii_case("arxiv.") {
        return None;
    }
    let id = rest[6..].trim_end_matches('/');
    let id = match id.rfind(['v', 'V']) {
        Some(v) if v > 0 && id[v + 1..].bytes().all(|b| b.is_ascii_digit()) && v + 1 < id.len() => {
            &id[..v]
        }
        _ => id,
    };
    arxiv_id(&format!("/abs/{id}")).is_some().then_some(id)
}

/// The year a ScienceDirect PII carries: `S` + the journal's ISSN (eight
/// characters) + the year's last two digits + the item's number and a check
/// character (`S1361841523001234` is of 2023). The year is the one the
/// publisher gave the article its PII, which is never after it appeared.
pub(crate) fn pii_year(pii: &str) -> Option<u16> {
    let bytes = pii.as_bytes();
    let well_formed = bytes.len() == 17
        && bytes[0].eq_ignore_ascii_case(&b'S')
        && bytes[1..8].iter().all(u8::is_ascii_digit)
        && (bytes[8].is_ascii_digit() || bytes[8].eq_ignore_ascii_case(&b'X'))
        && bytes[9..16].iter().all(u8::is_ascii_digit)
        && (bytes[16].is_ascii_digit() || bytes[16].eq_ignore_ascii_case(&b'X'));
    if !well_formed {
        return None;
    }
    let yy: u16 = pii[9..11].parse().ok()?;
    // ScienceDirect's PIIs began in the 1990s.
    Some(if yy >= 90 { 1900 + yy } else { 2000 + yy })
}

/// The arXiv identifier in an arXiv path, without version or `.pdf`.
pub(crate) fn arxiv_id(path: &str) -> Option<&str> {
    let rest = ["/abs/", "/pdf/", "/html/", "/format/"]
        .iter()
        .find_map(|prefix| path.strip_prefix(prefix))?;
    let rest = rest.trim_end_matches('/');
    let rest = match rest.len().checked_sub(4) {
        Some(cut) if rest.is_char_boundary(cut) && rest[cut..].eq_ignore_ascii_case(".pdf") => {
            &rest[..cut]
        }
        _ => rest,
    };
    // Strip a version suffix `v2`.
    let id = match rest.rfind('v') {
        Some(v)
            if v > 0 && rest[v + 1..].bytes().all(|b| b.is_ascii_digit()) && v + 1 < rest.len() =>
        {
            &rest[..v]
        }
        _ => rest,
    };
    let new_style = id.len() >= 9
        && id.as_bytes()[4] == b'.'
        && id[..4].bytes().all(|b| b.is_ascii_digit())
        && id[5..].bytes().all(|b| b.is_ascii_digit());
    let old_style = id.split_once('/').is_some_and(|(archive, number)| {
        !archive.is_empty() && number.len() == 7 && number.bytes().all(|b| b.is_ascii_digit())
    });
    (new_style || old_style).then_some(id)
}

/// The version an arXiv path names (`/abs/2403.07636v2` is 2), if it names one.
pub(crate) fn arxiv_version(path: &str) -> Option<u32> {
    let id = arxiv_id(path)?;
    let rest = &path[path.find(id)? + id.len()..];
    let digits = rest.strip_prefix('v')?;
    let end = digits
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(digits.len());
    digits[..end].parse().ok()
}

/// The year and month an arXiv id was first posted, read from the id:
/// `YYMM.NNNNN` since April 2007, `archive/YYMMNNN` before. `None` for a
/// month that cannot be (`2413.x`) or a new-style id before April 2007.
pub(crate) fn arxiv_posted(id: &str) -> Option<(u16, u8)> {
    let digits = match id.split_once('/') {
        Some((_, number)) => number.get(..4)?,
        None => id.get(..4)?,
    };
    let yymm: u16 = digits.parse().ok()?;
    let (yy, month) = (yymm / 100, (yymm % 100) as u8);
    if !(1..=12).contains(&month) {
        return None;
    }
    // Old-style ids ran from August 1991 to March 2007.
    let year = match (id.contains('/'), yy) {
        (true, 91..=99) => 1900 + yy,
        (true, _) => 2000 + yy,
        (false, _) if yymm < 704 => return None,
        (false, _) => 2000 + yy,
    };
    Some((year, month))
}

/// Why a new-style arXiv id (`2510.204384`) can name no paper, if it
/// cannot: its month is no month, it is dated before the scheme began
/// (April 2007), or its number has other than four digits (to 2014) or
/// five (from 2015).
pub(crate) fn impossible_arxiv_id(id: &str) -> Option<String> {
    let (yymm, number) = id.split_once('.')?;
    if yymm.len() != 4 || id.contains('/') {
        return None;
    }
    let value: u16 = yymm.parse().ok()?;
    let month = value % 100;
    if !(1..=12).contains(&month) {
        return Some(format!("`{yymm}` names no month"));
    }
    if value < 704 {
        return Some("ids of this form began in April 2007".to_owned());
    }
    let digits = if value < 1501 { 4 } else { 5 };
    (number.len() != digits).then(|| {
        let since = if digits == 4 {
            "until 2014"
        } else {
            "since 2015"
        };
        format!(
            "ids {since} have {digits} digits after the dot, this one {}",
            number.len()
        )
    })
}

/// The number of a new-style arXiv id within its month (`2101.00027`: 27).
pub(crate) fn arxiv_sequence(id: &str) -> Option<u32> {
    id.split_once('.')?.1.parse().ok()
}

/// The id of a paper in the ACL Anthology (`aclanthology.org/…`,
/// `aclweb.org/anthology/…`), without `.pdf`: `2023.acl-long.451`, `P19-1001`.
fn acl_anthology_id(url: &str) -> Option<&str> {
    let parts = parse(url)?;
    let host = parts.host.trim_start_matches("www.");
    let path = if host.eq_ignore_ascii_case("aclanthology.org") {
        parts.path
    } else if host.eq_ignore_ascii_case("aclweb.org") {
        parts.path.strip_prefix("/anthology")?
    } else {
        return None;
    };
    let id = path.strip_prefix('/')?.split('/').next()?;
    Some(id.strip_suffix(".pdf").unwrap_or(id))
}

/// The ACL conferences an Anthology id or a venue's name can name, lowercase.
pub(crate) const ACL_CONFERENCES: [&str; 7] =
    ["acl", "emnlp", "naacl", "eacl", "coling", "aacl", "conll"];

/// The year of a paper in the ACL Anthology, from its id: `2023.acl-long.451`
/// (new style), `P19-1001` (old style: a letter, the year's last two digits).
/// Journal papers (TACL, Computational Linguistics: `2021.tacl-1.5`, `Q19-…`,
/// `J19-…`) are left out: they are often presented at a later conference.
pub(crate) fn acl_anthology_year(url: &str) -> Option<u16> {
    let id = acl_anthology_id(url)?;
    let bytes = id.as_bytes();
    if let Some((year, rest)) = id.split_once('.')
        && year.len() == 4
        && year.bytes().all(|b| b.is_ascii_digit())
    {
        let venue = rest.split(['.', '-']).next().unwrap_or("");
        if venue.is_empty() || matches!(venue, "tacl" | "cl") {
            return None;
        }
        return year.parse().ok();
    }
    let old_style = bytes.len() >= 8
        && bytes[0].is_ascii_uppercase()
        && bytes[1..3].iter().all(u8::is_ascii_digit)
        && bytes[3] == b'-'
        && bytes[4..8].iter().all(u8::is_ascii_digit);
    if !old_style || matches!(bytes[0], b'Q' | b'J') {
        return None;
    }
    let yy: u16 = id[1..3].parse().ok()?;
    Some(if yy >= 60 { 1900 + yy } else { 2000 + yy })
}

/// The conferences of the ACL Anthology whose ids name them: new-style
/// (`2023.findings-emnlp.12`, `2021.emnlp-demo.35`: the conference after
/// `findings-`, before its track) and old-style by letter (`P19` ACL, `D19`
/// EMNLP, `N19` NAACL, `E17` EACL, `C18` COLING, `K19` CoNLL). Workshops,
/// journals and other events give `None`.
pub(crate) fn acl_anthology_conference(url: &str) -> Option<&'static str> {
    let id = acl_anthology_id(url)?;
    if let Some((year, rest)) = id.split_once('.')
        && year.len() == 4
        && year.bytes().all(|b| b.is_ascii_digit())
    {
        let slug = rest.split('.').next()?.to_ascii_lowercase();
        let slug = slug.strip_prefix("findings-").unwrap_or(&slug);
        let conference = slug.split('-').next()?;
        return ACL_CONFERENCES.iter().copied().find(|c| *c == conference);
    }
    let letter = id.bytes().next()?;
    let old_style = id.len() >= 8
        && id.as_bytes()[1..3].iter().all(u8::is_ascii_digit)
        && id.as_bytes()[3] == b'-';
    if !old_style {
        return None;
    }
    match letter {
        b'P' => Some("acl"),
        b'D' => Some("emnlp"),
        b'N' => Some("naacl"),
        b'E' => Some("eacl"),
        b'C' => Some("coling"),
        b'K' => Some("conll"),
        _ => None,
    }
}

/// The conference and year of a paper in CVF's open access proceedings,
/// from its path: `/content/CVPR2023/…`, `/content/ICCV2023W/…` (a
/// workshop), `/content_cvpr_2018/…`.
pub(crate) fn cvf_proceedings(url: &str) -> Option<(&str, u16)> {
    let parts = parse(url)?;
    if !parts.host.eq_ignore_ascii_case("openaccess.thecvf.com") {
        return None;
    }
    let path = parts.path.strip_prefix('/')?;
    let (first, rest) = path.split_once('/')?;
    let segment = match first {
        "content" => rest.split('/').next()?,
        _ => first.strip_prefix("content_")?,
    };
    // `CVPR2023W`, `CVPR_2018`, `cvpr_2018`: letters, an optional `_`, four digits.
    let letters = segment.bytes().take_while(u8::is_ascii_alphabetic).count();
    let conference = &segment[..letters];
    let rest = segment[letters..]
        .strip_prefix('_')
        .unwrap_or(&segment[letters..]);
    let year: u16 = rest.get(..4)?.parse().ok()?;
    (letters > 0 && (1990..=2100).contains(&year)).then_some((conference, year))
}

/// The year of a paper in the NeurIPS proceedings, from its path:
/// `proceedings.neurips.cc/paper/2020/hash/…`,
/// `papers.nips.cc/paper_files/paper/2022/file/…` (the datasets track's
/// site too). The oldest pages (`papers.nips.cc/paper/7181-…`) name none.
pub(crate) fn neurips_proceedings_year(url: &str) -> Option<u16> {
    let parts = parse(url)?;
    let host = parts.host.trim_start_matches("www.").to_ascii_lowercase();
    if !matches!(
        host.as_str(),
        "proceedings.neurips.cc"
            | "papers.nips.cc"
            | "papers.neurips.cc"
            | "datasets-benchmarks-proceedings.neurips.cc"
    ) {
        return None;
    }
    let path = parts
        .path
        .strip_prefix("/paper_files")
        .unwrap_or(parts.path);
    let year = path.strip_prefix("/paper/")?.split('/').next()?;
    let year: u16 = year.parse().ok().filter(|_| year.len() == 4)?;
    (1987..=2100).contains(&year).then_some(year)
}

/// The pages GitHub serves under a repository (`github.com/o/r/tree/…`).
const GITHUB_ROUTES: &[&str] = &[
    "actions",
    "activity",
    "archive",
    "attestations",
    "blame",
    "blob",
    "branches",
    "codespaces",
    "commit",
    "commits",
    "community",
    "compare",
    "contributors",
    "custom-properties",
    "delete",
    "dependabot",
    "deployments",
    "discussions",
    "edit",
    "find",
    "forks",
    "graphs",
    "insights",
    "invitations",
    "issues",
    "labels",
    "milestone",
    "milestones",
    "models",
    "network",
    "new",
    "packages",
    "pkgs",
    "projects",
    "pull",
    "pulls",
    "pulse",
    "raw",
    "releases",
    "rules",
    "search",
    "security",
    "settings",
    "stargazers",
    "subscription",
    "tags",
    "tarball",
    "tree",
    "upload",
    "watchers",
    "wiki",
    "zipball",
];

/// The folder or file a GitHub repository link names without the
/// `tree/<branch>/` or `blob/<branch>/` GitHub needs to serve it
/// (`github.com/MASILab/UNesT/wholebrainSeg`), if it names one: GitHub
/// answers such a path with a 404.
pub(crate) fn github_path_without_branch(url: &str) -> Option<&str> {
    let parts = parse(url)?;
    let host = parts.host.trim_start_matches("www.");
    if !host.eq_ignore_ascii_case("github.com") {
        return None;
    }
    let mut segments = parts.path.trim_start_matches('/').split('/');
    let (_owner, _repo, third) = (segments.next()?, segments.next()?, segments.next()?);
    // (`o/r/` with a trailing slash, `o/r/#readme`, and GitHub's own pages.)
    if third.is_empty() || GITHUB_ROUTES.iter().any(|r| third.eq_ignore_ascii_case(r)) {
        return None;
    }
    Some(third)
}

/// The host of a web address whose host has no dot, and so names no
/// domain on the web (`https://this-url-will-be-replaced-by-actual-code-link`,
/// `https://github/o/r`), if it is one. `localhost` and bracketed IPv6
/// hosts are hosts of their own.
pub(crate) fn host_without_domain(url: &str) -> Option<&str> {
    let scheme = ["https://", "http://"].iter().find(|s| {
        url.get(..s.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(s))
    })?;
    let rest = &url[scheme.len()..];
    let authority = &rest[..rest.find(['/', '?', '#']).unwrap_or(rest.len())];
    let host = authority.rsplit('@').next()?;
    let host = host.split(':').next()?;
    let named = !host.is_empty()
        && !host.contains('.')
        && !host.starts_with('[')
        && !host.eq_ignore_ascii_case("localhost")
        && host.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
    named.then_some(host)
}

/// A web address whose scheme is mistyped (`ttps://`, `hhttps://`,
/// `htps://`, `https//`), which a browser cannot follow: how many bytes of
/// `url` the written scheme and its slashes take, and the scheme meant.
/// Only a scheme one keystroke from `http` or `https` before a host with a
/// dot is one: `ftp://`, `hxxp://` (an address disarmed on purpose) and
/// any other scheme are written as meant.
pub(crate) fn mistyped_scheme(url: &str) -> Option<(usize, &'static str)> {
    let (written, rest, slashes) = match url.find("://") {
        Some(at) => (&url[..at], &url[at + 3..], at + 3),
        // `https//host`: the colon left out, read as a relative path.
        None => {
            let at = url.find("//")?;
            (&url[..at], &url[at + 2..], at + 2)
        }
    };
    if written.is_empty() || written.len() > 7 || !written.bytes().all(|b| b.is_ascii_alphabetic())
    {
        return None;
    }
    let lower = written.to_ascii_lowercase();
    let meant = if lower.ends_with('s') && strsim::levenshtein(&lower, "https") <= 1 {
        "https"
    } else if strsim::levenshtein(&lower, "http") <= 1 {
        "http"
    } else {
        return None;
    };
    // Written right but for its colon, or not at all.
    if lower == meant && url[written.len()..].starts_with("://") {
        return None;
    }
    let host = &rest[..rest.find(['/', '?', '#']).unwrap_or(rest.len())];
    // A host of names and dots alone (`s:arxiv.org` is no host meant).
    let named = host.contains('.')
        && host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-'));
    named.then_some((slashes, meant))
}

#[cfg(test)]
mod tests {

    #[test]
    fn github_paths_without_a_branch() {
        use super::github_path_without_branch as path;
        assert_eq!(
            path("https://github.com/MASILab/UNesT/wholebrainSeg"),
            Some("wholebrainSeg")
        );
        assert_eq!(path("https://github.com/o/r/tree/main/examples"), None);
        assert_eq!(path("https://github.com/o/r/blob/main/README.md"), None);
        assert_eq!(path("https://github.com/o/r"), None);
        assert_eq!(path("https://github.com/o/r/"), None);
        assert_eq!(path("https://github.com/o/r/issues/12"), None);
        assert_eq!(path("https://gitlab.com/o/r/examples"), None);
    }

    #[test]
    fn neurips_proceedings_years() {
        use super::neurips_proceedings_year as year;
        assert_eq!(
            year("https://proceedings.neurips.cc/paper/2020/hash/1457c0d6-Abstract.html"),
            Some(2020)
        );
        assert_eq!(
            year("https://papers.nips.cc/paper_files/paper/2022/file/abc-Paper-Conference.pdf"),
            Some(2022)
        );
        assert_eq!(
            year(
                "https://datasets-benchmarks-proceedings.neurips.cc/paper/2021/hash/x-Abstract-round1.html"
            ),
            Some(2021)
        );
        assert_eq!(
            year("https://papers.nips.cc/paper/7181-attention-is-all-you-need.pdf"),
            None
        );
        assert_eq!(year("https://neurips.cc/virtual/2023/poster/70000"), None);
    }

    #[test]
    fn impossible_arxiv_ids() {
        use super::impossible_arxiv_id;
        assert_eq!(impossible_arxiv_id("2510.20438"), None);
        assert_eq!(impossible_arxiv_id("1412.6980"), None);
        assert_eq!(impossible_arxiv_id("0704.0001"), None);
        assert_eq!(impossible_arxiv_id("hep-th/9901001"), None);
        assert!(impossible_arxiv_id("2510.204384").is_some_and(|w| w.contains("6")));
        assert!(impossible_arxiv_id("2302.0002").is_some());
        assert!(impossible_arxiv_id("1412.69801").is_some());
        assert!(impossible_arxiv_id("2313.00003").is_some_and(|w| w.contains("month")));
        assert!(impossible_arxiv_id("0612.0001").is_some());
    }

    #[test]
    fn mistyped_schemes() {
        use super::mistyped_scheme;
        assert_eq!(
            mistyped_scheme("ttps://arxiv.org/abs/1"),
            Some((7, "https"))
        );
        assert_eq!(
            mistyped_scheme("hhttps://arxiv.org/abs/1"),
            Some((9, "https"))
        );
        assert_eq!(mistyped_scheme("htps://arxiv.org"), Some((7, "https")));
        assert_eq!(mistyped_scheme("htp://example.org/a"), Some((6, "http")));
        assert_eq!(mistyped_scheme("https//github.com/o/r"), Some((7, "https")));
        assert_eq!(mistyped_scheme("http//github.com/o/r"), Some((6, "http")));
        assert_eq!(mistyped_scheme("https://arxiv.org"), None);
        assert_eq!(mistyped_scheme("HTTPS://arxiv.org"), None);
        assert_eq!(mistyped_scheme("ftp://ftp.example.org/x"), None);
        assert_eq!(mistyped_scheme("hxxp://example.org"), None);
        assert_eq!(mistyped_scheme("ttps://localhost/x"), None);
        assert_eq!(mistyped_scheme("papers//x.pdf"), None);
        assert_eq!(mistyped_scheme("http//s:arxiv.org/abs/2404.02668"), None);
        assert_eq!(mistyped_scheme("mailto:someone@example.org"), None);
    }

    #[test]
    fn a_journals_own_pages_are_no_paper() {
        assert!(is_journal_page(
            "/journal/information-fusion/about/call-for-papers"
        ));
        assert!(is_journal_page("/journal/521"));
        assert!(!is_journal_page("/science/article/pii/S1566253523001234"));
        assert!(!is_journal_page("/journal/"));
    }
    use std::hash::{BuildHasher, RandomState};

    use super::*;

    #[test]
    fn hosts_without_a_domain() {
        assert_eq!(
            host_without_domain("https://this-url-will-be-replaced-by-actual-code-link"),
            Some("this-url-will-be-replaced-by-actual-code-link")
        );
        assert_eq!(host_without_domain("https://github/o/r"), Some("github"));
        assert_eq!(host_without_domain("HTTP://tbd/"), Some("tbd"));
        for fine in [
            "https://github.com/o/r",
            "http://localhost:8000/x",
            "https://[::1]/x",
            "https://user@arxiv.org/abs/1",
            "github.com/o/r",
            "#top",
        ] {
            assert_eq!(host_without_domain(fine), None, "{fine}");
        }
    }

    #[test]
    fn the_month_an_arxiv_id_was_posted() {
        assert_eq!(arxiv_posted("2403.07636"), Some((2024, 3)));
        assert_eq!(arxiv_posted("0704.0001"), Some((2007, 4)));
        assert_eq!(arxiv_posted("hep-th/9901001"), Some((1999, 1)));
        assert_eq!(arxiv_posted("math/0611002"), Some((2006, 11)));
        assert_eq!(arxiv_posted("2413.00001"), None);
        assert_eq!(arxiv_posted("0612.0001"), None);
    }

    #[test]
    fn publisher_pages_of_one_paper_have_one_key() {
        let key = |url| paper_key(url).unwrap();
        let doi = PaperKey::Doi("10.1145/3580305.3599256");
        assert_eq!(key("https://dl.acm.org/doi/10.1145/3580305.3599256"), doi);
        assert_eq!(
            key("https://dl.acm.org/doi/pdf/10.1145/3580305.3599256"),
            doi
        );
        assert_eq!(key("https://doi.org/10.1145/3580305.3599256"), doi);
        assert_eq!(
            key("https://link.springer.com/content/pdf/10.1007/978-3-031-43907-0_1.pdf"),
            key("https://link.springer.com/chapter/10.1007/978-3-031-43907-0_1")
        );
        assert_eq!(
            key("https://onlinelibrary.wiley.com/doi/full/10.1002/mp.16000"),
            PaperKey::Doi("10.1002/mp.16000")
        );
        assert_eq!(
            key("https://www.biorxiv.org/content/10.1101/2023.01.02.522500v1.full.pdf"),
            PaperKey::Doi("10.1101/2023.01.02.522500")
        );
        let ieee = PaperKey::Ieee("10182304");
        assert_eq!(key("https://ieeexplore.ieee.org/document/10182304"), ieee);
        assert_eq!(
            key("https://ieeexplore.ieee.org/abstract/document/10182304/"),
            ieee
        );
        assert_eq!(
            key("https://ieeexplore.ieee.org/stamp/stamp.jsp?tp=&arnumber=10182304"),
            ieee
        );
        assert_eq!(
            key("https://pubmed.ncbi.nlm.nih.gov/36642345/"),
            PaperKey::PubMed("36642345")
        );
        assert_eq!(
            key("https://www.ncbi.nlm.nih.gov/pmc/articles/PMC9876543/"),
            key("https://pmc.ncbi.nlm.nih.gov/articles/pmc9876543")
        );
        // Pages that are no paper keep their URL.
        assert!(matches!(
            key("https://dl.acm.org/conference/kdd"),
            PaperKey::Url { .. }
        ));
        assert!(matches!(
            key("https://pubmed.ncbi.nlm.nih.gov/download/"),
            PaperKey::Url { .. }
        ));
    }

    #[test]
    fn a_page_of_a_proceedings_volume_is_a_paper_of_its_own() {
        let key = |url| paper_key(url).unwrap();
        let a = "https://sites.example.org/W2-ai4j-2016.pdf#page=34";
        let b = "https://sites.example.org/W2-ai4j-2016.pdf#page=82";
        let a_again = "http://www.sites.example.org/W2-ai4j-2016.pdf#page=34";
        assert_ne!(key(a), key(b));
        assert_eq!(key(a), key(a_again));
        // Any other fragment is no part of the paper's identity.
        let whole = "https://sites.example.org/W2-ai4j-2016.pdf";
        assert_eq!(
            key("https://sites.example.org/W2-ai4j-2016.pdf#abstract"),
            key(whole)
        );
        assert_ne!(
            key("https://sites.example.org/v.pdf?v=2#page=3"),
            key("https://sites.example.org/v.pdf?v=2#page=4")
        );
    }

    #[test]
    fn acl_anthology_ids_name_their_year() {
        let year = acl_anthology_year;
        assert_eq!(
            year("https://aclanthology.org/2023.acl-long.451/"),
            Some(2023)
        );
        assert_eq!(
            year("https://aclanthology.org/2022.findings-acl.277.pdf"),
            Some(2022)
        );
        assert_eq!(year("https://aclanthology.org/P19-1215/"), Some(2019));
        assert_eq!(
            year("https://www.aclweb.org/anthology/W04-1213.pdf"),
            Some(2004)
        );
        assert_eq!(year("https://aclanthology.org/2021.tacl-1.5/"), None);
        assert_eq!(year("https://aclanthology.org/Q19-1001.pdf"), None);
        assert_eq!(year("https://aclanthology.org/events/acl-2023/"), None);
        assert_eq!(year("https://arxiv.org/abs/2023.acl-long.451"), None);
    }

    #[test]
    fn cvf_paths_name_their_conference_and_year() {
        let at = |path: &str| {
            cvf_proceedings(&format!("https://openaccess.thecvf.com{path}"))
                .map(|(conference, year)| (conference.to_owned(), year))
        };
        assert_eq!(
            at("/content/CVPR2023/papers/X_CVPR_2023_paper.pdf"),
            Some(("CVPR".into(), 2023))
        );
        assert_eq!(
            at("/content/ICCV2021W/html/x.html"),
            Some(("ICCV".into(), 2021))
        );
        assert_eq!(
            at("/content_cvpr_2018/papers/x.pdf"),
            Some(("cvpr".into(), 2018))
        );
        assert_eq!(
            at("/content_CVPRW_2019/papers/x.pdf"),
            Some(("CVPRW".into(), 2019))
        );
        assert_eq!(at("/menu"), None);
        assert_eq!(
            cvf_proceedings("https://arxiv.org/content/CVPR2023/x"),
            None
        );
    }

    #[test]
    fn parses_hosts() {
        let p = parse("HTTPS://www.GitHub.com:443/o/r?tab=1#x").unwrap();
        assert_eq!((p.host, p.path, p.query), ("GitHub.com", "/o/r", "tab=1"));
        assert!(parse("ftp://x").is_none());
        assert!(parse("https://").is_none());
    }

    #[test]
    fn publishers_name_a_doi_in_the_path() {
        assert!(names_a_doi("/article/doi/10.1049/cje.2021.00.126"));
        assert!(names_a_doi("/doi/abs/10.1145/3581783.3612345"));
        assert!(names_a_doi("/doi/10.1148/radiol.000000"));
        assert!(!names_a_doi("/doi/abs/11.1145/3581783"));
        assert!(!names_a_doi("/docs/10.1/"));
        assert!(!names_a_doi("/doi/10.12/x"));
    }

    /// Every built-in host once, written as it is looked up.
    #[test]
    fn the_built_in_hosts_are_sound() {
        let table = &crate::vocabulary::builtin().hosts;
        let mut seen = std::collections::HashSet::new();
        for host in table.code.iter().chain(&table.paper) {
            let host = host.get_ref();
            assert_eq!(host, &host.trim().to_ascii_lowercase(), "{host}");
            assert!(
                !host.starts_with("www."),
                "{host}: hosts are looked up without `www.`"
            );
            assert!(seen.insert(host.clone()), "{host} is written twice");
        }
    }

    #[test]
    fn host_kinds() {
        let host_kind = |host| Hosts::builtin().kind(host);
        assert_eq!(host_kind("github.com"), HostKind::Code);
        assert_eq!(host_kind("GitHub.com"), HostKind::Code);
        assert_eq!(host_kind("marshuang80.github.io"), HostKind::Other);
        assert!(is_pages_site("marshuang80.github.io"));
        assert!(is_pages_site("Group.GitLab.io"));
        assert!(!is_pages_site("github.io"));
        assert!(!is_pages_site("github.com"));
        assert_eq!(host_kind("arxiv.org"), HostKind::Paper);
        assert_eq!(host_kind("www.nature.com"), HostKind::Paper);
        assert_eq!(host_kind("notarxiv.org"), HostKind::Other);
        assert_eq!(host_kind("gitlab.lrz.de"), HostKind::Code);
        assert_eq!(host_kind("gitlab"), HostKind::Other);
        assert_eq!(host_kind("gitlabs.example.org"), HostKind::Other);
        assert!(is_archive("/v151/vono22a/vono22a-supp.zip"));
        assert!(is_archive("/files/code.TAR.GZ"));
        assert!(!is_archive("/abs/2301.00001"));
    }

    #[test]
    fn acl_anthology_ids_name_their_conference() {
        let of = acl_anthology_conference;
        assert_eq!(
            of("https://aclanthology.org/2023.findings-emnlp.1053.pdf"),
            Some("emnlp")
        );
        assert_eq!(
            of("https://aclanthology.org/2021.emnlp-demo.35.pdf"),
            Some("emnlp")
        );
        assert_eq!(
            of("https://aclanthology.org/2023.acl-long.12/"),
            Some("acl")
        );
        assert_eq!(
            of("https://www.aclweb.org/anthology/P19-1001.pdf"),
            Some("acl")
        );
        assert_eq!(of("https://aclanthology.org/D19-1410.pdf"), Some("emnlp"));
        assert_eq!(of("https://aclanthology.org/2021.tacl-1.5.pdf"), None);
        assert_eq!(of("https://aclanthology.org/W19-4801.pdf"), None);
        assert_eq!(of("https://aclanthology.org/2023.trustnlp-1.2.pdf"), None);
    }

    #[test]
    fn a_pii_carries_its_year() {
        assert_eq!(pii_year("S1361841523001234"), Some(2023));
        assert_eq!(pii_year("S003132039800123X"), Some(1998));
        assert_eq!(pii_year("S0893608X22001234"), Some(2022));
        assert_eq!(pii_year("S13618415230012"), None);
        assert_eq!(pii_year("B978012345678900"), None);
    }

    #[test]
    fn one_key_per_paper() {
        let key = |u| paper_key(u).unwrap();
        let hasher = RandomState::new();
        let same = |a, b| {
            assert_eq!(key(a), key(b), "{a} vs {b}");
            assert_eq!(
                hasher.hash_one(key(a)),
                hasher.hash_one(key(b)),
                "{a} vs {b}"
            );
        };
        let id = PaperKey::Arxiv("2301.02228");
        assert_eq!(key("https://arxiv.org/abs/2301.02228"), id);
        assert_eq!(key("http://arxiv.org/pdf/2301.02228v3.pdf"), id);
        assert_eq!(key("https://www.arxiv.org/pdf/2301.02228/"), id);
        assert_eq!(key("https://arxiv.org/pdf/2301.02228v1.PDF"), id);
        assert_eq!(
            key("https://arxiv.org/abs/hep-th/9901001v1"),
            PaperKey::Arxiv("hep-th/9901001")
        );
        same(
            "https://doi.org/10.1038/S41551",
            "https://DX.doi.org/10.1038/s41551",
        );
        same(
            "https://openreview.net/pdf?id=w-x7U26GM7j",
            "https://openreview.net/forum?id=w-x7U26GM7j",
        );
        same("http://Example.com/a/", "https://www.example.com/a#top");
        assert_eq!(key("https://doi.org/10.48550/arXiv.2301.02228"), id);
        assert_eq!(key("https://doi.org/10.48550/ARXIV.2301.02228v2"), id);
        assert_eq!(
            key("https://doi.org/10.48550/arXiv.1234.5"),
            PaperKey::Doi("10.48550/arXiv.1234.5")
        );
        same(
            "https://www.sciencedirect.com/science/article/pii/S1361841523001234",
            "https://www.sciencedirect.com/science/article/abs/pii/s1361841523001234",
        );
        same(
            "https://www.sciencedirect.com/science/article/pii/S1361841523001234/pdfft?md5=1",
            "https://sciencedirect.com/science/article/pii/S1361841523001234",
        );
        assert_ne!(
            key("https://www.sciencedirect.com/science/article/pii/S1361841523001234"),
            key("https://www.sciencedirect.com/science/article/pii/S1361841523001246")
        );
        same(
            "https://drive.google.com/file/d/1AbCdEfGhIjKlMnOp_q-r/view?usp=sharing",
            "https://drive.google.com/open?id=1AbCdEfGhIjKlMnOp_q-r",
        );
        same(
            "https://drive.google.com/uc?export=download&id=1AbCdEfGhIjKlMnOp_q-r",
            "https://drive.google.com/file/d/1AbCdEfGhIjKlMnOp_q-r/preview",
        );
        assert_ne!(
            key("https://example.com/a?x=1"),
            key("https://example.com/a?x=2")
        );
        assert_ne!(
            key("https://arxiv.org/abs/2301.02228"),
            key("https://arxiv.org/abs/2301.02229")
        );
    }
}

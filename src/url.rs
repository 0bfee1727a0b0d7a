//! What a link's URL says without fetching it: its host, whether that host
//! serves code or papers, and a key that is the same for every spelling of
//! one paper (arXiv abs/pdf/version forms, DOIs, http/https, trailing slashes).

/// The pieces of an absolute http(s) URL that matter here.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UrlParts<'a> {
    /// Lowercased, without a leading `www.` or a port.
    pub host: String,
    /// Path without the query and fragment; `""` for the root.
    pub path: &'a str,
    /// Query without `?`; `""` when absent.
    pub query: &'a str,
}

/// Splits an `http://` or `https://` URL; `None` for anything else.
pub fn parse(url: &str) -> Option<UrlParts<'_>> {
    let rest = strip_prefix_ignore_case(url, "https://")
        .or_else(|| strip_prefix_ignore_case(url, "http://"))?;
    let rest = rest.split('#').next().unwrap_or_default();
    let authority_end = rest.find(['/', '?']).unwrap_or(rest.len());
    let authority = &rest[..authority_end];
    let host_port = authority.rsplit('@').next().unwrap_or_default();
    let host = match host_port.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or_default(),
        None => host_port.split(':').next().unwrap_or_default(),
    };
    if host.is_empty() {
        return None;
    }
    let host = host.to_ascii_lowercase();
    let host = host.strip_prefix("www.").map(str::to_owned).unwrap_or(host);
    let after = &rest[authority_end..];
    let (path, query) = match after.split_once('?') {
        Some((path, query)) => (path, query),
        None => (after, ""),
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

const CODE_HOSTS: &[&str] = &[
    "github.com",
    "gitlab.com",
    "bitbucket.org",
    "gitee.com",
    "codeberg.org",
    "sourceforge.net",
];

const PAPER_HOSTS: &[&str] = &[
    "arxiv.org",
    "export.arxiv.org",
    "openreview.net",
    "doi.org",
    "dx.doi.org",
    "ieeexplore.ieee.org",
    "dl.acm.org",
    "link.springer.com",
    "openaccess.thecvf.com",
    "proceedings.neurips.cc",
    "papers.nips.cc",
    "papers.neurips.cc",
    "proceedings.mlr.press",
    "aclanthology.org",
    "sciencedirect.com",
    "nature.com",
    "biorxiv.org",
    "medrxiv.org",
    "pubmed.ncbi.nlm.nih.gov",
    "ncbi.nlm.nih.gov",
    "semanticscholar.org",
    "researchgate.net",
    "academic.oup.com",
    "onlinelibrary.wiley.com",
    "ojs.aaai.org",
    "ijcai.org",
    "jmlr.org",
    "pubs.rsna.org",
    "ecva.net",
    "conferences.miccai.org",
    "papers.miccai.org",
];

/// Classifies a (parsed, lowercased) host, subdomains included.
pub fn host_kind(host: &str) -> HostKind {
    let matches = |known: &&str| {
        host == *known || host.strip_suffix(*known).is_some_and(|p| p.ends_with('.'))
    };
    if CODE_HOSTS.iter().any(matches) {
        HostKind::Code
    } else if PAPER_HOSTS.iter().any(matches) {
        HostKind::Paper
    } else {
        HostKind::Other
    }
}

/// A key equal for every spelling of one paper link.
///
/// `arxiv:2301.02228` for any arXiv abs/pdf/html/version form, `doi:10.…` for
/// doi.org links, `openreview:ID` for OpenReview forum and pdf pages, and
/// otherwise the URL without scheme, `www.`, fragment or trailing slash.
pub fn paper_key(url: &str) -> Option<String> {
    let parts = parse(url)?;
    if (parts.host == "arxiv.org" || parts.host == "export.arxiv.org")
        && let Some(id) = arxiv_id(parts.path)
    {
        return Some(format!("arxiv:{id}"));
    }
    if parts.host == "doi.org" || parts.host == "dx.doi.org" {
        let doi = parts.path.trim_start_matches('/');
        if doi.starts_with("10.") {
            return Some(format!("doi:{}", doi.to_lowercase()));
        }
    }
    if parts.host == "openreview.net"
        && let Some(id) = parts.query.split('&').find_map(|kv| kv.strip_prefix("id="))
    {
        return Some(format!("openreview:{id}"));
    }
    let path = parts.path.trim_end_matches('/');
    Some(if parts.query.is_empty() {
        format!("url:{}{}", parts.host, path)
    } else {
        format!("url:{}{}?{}", parts.host, path, parts.query)
    })
}

/// The arXiv identifier in an arXiv path, without version or `.pdf`.
pub fn arxiv_id(path: &str) -> Option<&str> {
    let rest = ["/abs/", "/pdf/", "/html/", "/format/"]
        .iter()
        .find_map(|prefix| path.strip_prefix(prefix))?;
    let rest = rest.trim_end_matches('/');
    let rest = rest.strip_suffix(".pdf").unwrap_or(rest);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_hosts() {
        let p = parse("HTTPS://www.GitHub.com:443/o/r?tab=1#x").unwrap();
        assert_eq!(
            (p.host.as_str(), p.path, p.query),
            ("github.com", "/o/r", "tab=1")
        );
        assert!(parse("ftp://x").is_none());
        assert!(parse("https://").is_none());
    }

    #[test]
    fn host_kinds() {
        assert_eq!(host_kind("github.com"), HostKind::Code);
        assert_eq!(host_kind("marshuang80.github.io"), HostKind::Other);
        assert_eq!(host_kind("arxiv.org"), HostKind::Paper);
        assert_eq!(host_kind("www.nature.com"), HostKind::Paper);
        assert_eq!(host_kind("notarxiv.org"), HostKind::Other);
    }

    #[test]
    fn one_key_per_paper() {
        let key = |u| paper_key(u).unwrap();
        let id = "arxiv:2301.02228";
        assert_eq!(key("https://arxiv.org/abs/2301.02228"), id);
        assert_eq!(key("http://arxiv.org/pdf/2301.02228v3.pdf"), id);
        assert_eq!(key("https://www.arxiv.org/pdf/2301.02228/"), id);
        assert_eq!(
            key("https://arxiv.org/abs/hep-th/9901001v1"),
            "arxiv:hep-th/9901001"
        );
        assert_eq!(key("https://doi.org/10.1038/S41551"), "doi:10.1038/s41551");
        assert_eq!(
            key("https://openreview.net/pdf?id=w-x7U26GM7j"),
            key("https://openreview.net/forum?id=w-x7U26GM7j")
        );
        assert_eq!(
            key("http://example.com/a/"),
            key("https://www.example.com/a#top")
        );
        assert_ne!(
            key("https://example.com/a?x=1"),
            key("https://example.com/a?x=2")
        );
    }
}

//! A link as the link checker sees it: where it is written
//! ([`Occurrence`]), what it must do ([`Expect`]), and what checking it
//! found ([`Status`], [`LinkResult`]), in the domain's words.
//!
//! Plain data: `links/` fills it in, the online rules turn it into findings.

use std::fmt;

use crate::source::Span;

/// What a link must do, by its label.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Expect {
    /// Resolve (any label but `pdf`).
    Resolve,
    /// Resolve and serve a PDF (`[[pdf]]`).
    Pdf,
}

impl fmt::Display for Expect {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Expect::Resolve => "link",
            Expect::Pdf => "pdf",
        })
    }
}

/// One place a URL is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Occurrence {
    /// The link as written: `[[pdf]](url)`, `[text](url)`, or an HTML attribute's URL.
    pub span: Span,
    /// The URL itself, when it is written literally (the span a fix replaces).
    pub url_span: Option<Span>,
    /// The URL to request: as markdown reads it, without its fragment.
    pub url: String,
    /// The entry link's label (`pdf`, `code`), if it is an entry link.
    pub label: Option<String>,
    /// What the link must do, by its label.
    pub expect: Expect,
}

/// The verdict on one URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Status {
    /// Resolves (and serves a PDF when one is expected).
    Ok,
    /// Resolves, but a `[[pdf]]` link serves something else.
    NotAPdf { found: String },
    /// Does not resolve: an error status, no such host, a loop.
    Broken {
        reason: String,
        /// No answer at all (the name resolves to nothing): counts towards
        /// "the network is unreachable".
        unreachable: bool,
    },
    /// Could not be asked: its host did not answer in time, refused or broke
    /// the connection, or the service that answers for it (the arXiv API,
    /// GitHub's) could not be asked. Never broken, never ok: counted apart,
    /// and asked again on the next run.
    Unchecked {
        reason: String,
        /// No connection was ever made: counts towards "the network is
        /// unreachable".
        connection_failed: bool,
        /// The service whose failure left it unchecked, when it is one.
        service: Option<&'static str>,
    },
    /// The server would not let us check (401, 403, 429 after retries).
    Unverifiable { reason: String },
    /// A GitHub repository that is archived (read-only).
    Archived,
    /// Not requested: the address is private and private addresses are not allowed.
    Refused { host: String },
}

impl Status {
    /// Why it is not [`Status::Ok`], in a few words (empty when it is).
    pub(crate) fn reason(&self) -> String {
        match self {
            Status::Ok => String::new(),
            Status::NotAPdf { found } => format!("serves {found}, not a PDF"),
            Status::Broken { reason, .. }
            | Status::Unverifiable { reason }
            | Status::Unchecked { reason, .. } => reason.clone(),
            Status::Archived => "archived".into(),
            Status::Refused { host } => {
                format!("`{host}` is a private address, and private addresses are not allowed")
            }
        }
    }
}

/// The verdict on one URL, and where it moved permanently, if it did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct LinkResult {
    pub status: Status,
    /// The target of a chain of permanent redirects from the URL itself.
    pub moved_to: Option<String>,
    /// Answered from the cache, not the network.
    pub cached: bool,
}

impl LinkResult {
    pub(crate) fn new(status: Status) -> Self {
        Self {
            status,
            moved_to: None,
            cached: false,
        }
    }

    pub(crate) fn is_success(&self) -> bool {
        self.status == Status::Ok && self.moved_to.is_none()
    }

    /// Whether no answer came at all: no address, or no connection.
    pub(crate) fn went_unanswered(&self) -> bool {
        matches!(
            self.status,
            Status::Broken {
                unreachable: true,
                ..
            } | Status::Unchecked {
                connection_failed: true,
                ..
            }
        )
    }
}

/// Status codes that count as alive besides 2xx (`--accept 200..=299,403`,
/// `accept` in `[links]`): a list may link a host that answers 403 to every
/// robot, or a page behind a login, on purpose.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Accept(Vec<std::ops::RangeInclusive<u16>>);

impl Accept {
    /// Parses `200..=299,403`, `200..300`, `200-299` or `403`: ranges and
    /// codes, separated by commas.
    pub fn parse(text: &str) -> Result<Self, String> {
        let code = |s: &str| -> Result<u16, String> {
            let s = s.trim();
            match s.parse::<u16>() {
                Ok(code) if (100..=999).contains(&code) => Ok(code),
                _ => Err(format!("`{s}` is not an HTTP status code (100 to 999)")),
            }
        };
        let mut ranges = Vec::new();
        for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let range = if let Some((a, b)) = part.split_once("..=") {
                code(a)?..=code(b)?
            } else if let Some((a, b)) = part.split_once("..") {
                let end = code(b)?;
                code(a)?..=end.saturating_sub(1)
            } else if let Some((a, b)) = part.split_once('-') {
                code(a)?..=code(b)?
            } else {
                let c = code(part)?;
                c..=c
            };
            if range.is_empty() {
                return Err(format!("`{part}` is an empty range"));
            }
            ranges.push(range);
        }
        if ranges.is_empty() {
            return Err("no status codes given".into());
        }
        Ok(Self(ranges))
    }

    pub(crate) fn contains(&self, status: u16) -> bool {
        self.0.iter().any(|range| range.contains(&status))
    }
}

#[cfg(test)]
mod accept_tests {
    use super::Accept;

    #[test]
    fn codes_and_ranges() {
        let accept = Accept::parse("200..=299, 403,429-430, 500..502").unwrap();
        for code in [200, 250, 299, 403, 429, 430, 500, 501] {
            assert!(accept.contains(code), "{code}");
        }
        for code in [300, 404, 428, 502] {
            assert!(!accept.contains(code), "{code}");
        }
        assert!(Accept::parse("").is_err());
        assert!(Accept::parse("abc").is_err());
        assert!(Accept::parse("99").is_err());
        assert!(Accept::parse("300..=200").is_err());
        assert!(!Accept::default().contains(200));
    }
}

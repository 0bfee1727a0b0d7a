//! What checking a link found, in the domain's words.

/// The verdict on one URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// Resolves (and serves a PDF when one is expected).
    Ok,
    /// Resolves, but a `[[pdf]]` link serves something else.
    NotAPdf { found: String },
    /// Does not resolve: an error status, no such host, a loop, a timeout.
    Broken {
        reason: String,
        /// No HTTP answer at all (DNS or connection failure): counts towards
        /// "the network is unreachable".
        unreachable: bool,
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
    pub fn reason(&self) -> String {
        match self {
            Status::Ok => String::new(),
            Status::NotAPdf { found } => format!("serves {found}, not a PDF"),
            Status::Broken { reason, .. } | Status::Unverifiable { reason } => reason.clone(),
            Status::Archived => "archived".into(),
            Status::Refused { host } => {
                format!("`{host}` is a private address, and private addresses are not allowed")
            }
        }
    }
}

/// The verdict on one URL, and where it moved permanently, if it did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkResult {
    pub status: Status,
    /// The target of a chain of permanent redirects from the URL itself.
    pub moved_to: Option<String>,
    /// Answered from the cache, not the network.
    pub cached: bool,
}

impl LinkResult {
    pub fn new(status: Status) -> Self {
        Self {
            status,
            moved_to: None,
            cached: false,
        }
    }

    pub fn is_success(&self) -> bool {
        self.status == Status::Ok && self.moved_to.is_none()
    }
}

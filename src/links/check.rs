//! Checking one URL over HTTP: HEAD first, GET when HEAD is refused or the
//! first bytes are needed, redirects followed by hand (each hop checked
//! against the address policy), retries with backoff, bodies capped.

use std::collections::HashSet;
use std::time::{Duration, SystemTime};

use reqwest::header::{CONTENT_TYPE, HeaderMap, LOCATION, RANGE, RETRY_AFTER};
use reqwest::{Client, Method, StatusCode, Url};

use super::LinkOptions;
use super::limits::{GivenUp, Limits};
use super::policy::{self, Refused};
use super::retry;
use crate::link::{Expect, LinkResult, Status};

/// At most this many redirects are followed.
pub(crate) const MAX_REDIRECTS: usize = 10;
/// No more of any body is read, whatever the server sends.
pub(crate) const BODY_CAP: usize = 64 * 1024;
/// Where the `%PDF-` signature must appear.
const MAGIC_WINDOW: usize = 1024;

/// What one request (one hop) returned.
#[derive(Debug)]
enum Answer {
    Response {
        status: StatusCode,
        headers: HeaderMap,
        /// The first bytes of the body, when they were asked for.
        prefix: Option<Vec<u8>>,
    },
    Failed(Failure),
}

/// A request that got no HTTP answer.
#[derive(Debug, Clone)]
enum Failure {
    /// No answer in time; `connecting` when not even a connection was made
    /// (a name that does not resolve in time, a firewall that drops).
    Timeout {
        connecting: bool,
    },
    /// The connection broke after it was made: worth another try.
    Reset(String),
    /// No connection at all: refused, no route.
    Connect(String),
    /// The host's name resolves to no address.
    NoSuchHost(String),
    Refused(Refused),
    Invalid(String),
    /// Not tried: the host never answered and failed too many connections.
    GivenUp(GivenUp),
}

impl Failure {
    /// No connection was ever made: what a network that is down looks like.
    fn no_connection(&self) -> bool {
        matches!(
            self,
            Failure::Connect(_) | Failure::NoSuchHost(_) | Failure::Timeout { connecting: true }
        )
    }
}

/// Where following redirects ended.
#[derive(Debug)]
enum Chain {
    Done {
        answer: Box<Answer>,
        moved_to: Option<Url>,
        host: String,
    },
    Loop,
    TooMany,
    Refused(Refused),
    BadLocation(String),
}

/// Checks URLs with one HTTP client and one set of limits.
pub(crate) struct Checker {
    client: Client,
    limits: Limits,
    options: LinkOptions,
}

impl Checker {
    pub(crate) fn new(client: Client, options: LinkOptions) -> Self {
        Self {
            client,
            limits: Limits::new(options.max_concurrency, options.host_concurrency)
                .with_interval(options.host_interval),
            options,
        }
    }

    pub(crate) fn client(&self) -> &Client {
        &self.client
    }

    pub(crate) fn limits(&self) -> &Limits {
        &self.limits
    }

    pub(crate) fn options(&self) -> &LinkOptions {
        &self.options
    }

    /// Checks one URL for what its label expects.
    pub(crate) async fn check(&self, url: &str, expect: Expect) -> LinkResult {
        let url = match Url::parse(url) {
            Ok(url) if matches!(url.scheme(), "http" | "https") => url,
            Ok(_) | Err(_) => {
                return LinkResult::new(Status::Broken {
                    reason: "not a valid http(s) URL".into(),
                    unreachable: false,
                });
            }
        };
        let mut method = Method::HEAD;
        let mut retries = 0;
        loop {
            let want_body = method == Method::GET && expect == Expect::Pdf;
            let chain = self.follow(&url, &method, want_body).await;
            let (answer, moved_to, host) = match chain {
                Chain::Done {
                    answer,
                    moved_to,
                    host,
                } => (answer, moved_to, host),
                Chain::Loop => return broken("redirect loop"),
                Chain::TooMany => return broken(&format!("more than {MAX_REDIRECTS} redirects")),
                Chain::Refused(refused) => {
                    return LinkResult::new(Status::Refused { host: refused.host });
                }
                Chain::BadLocation(location) => {
                    return broken(&format!("redirect to an invalid URL `{location}`"));
                }
            };
            let moved_to = moved_to.map(String::from);
            let (status, headers, prefix) = match *answer {
                Answer::Response {
                    status,
                    headers,
                    prefix,
                } => (status, headers, prefix),
                Answer::Failed(failure) => {
                    let retryable = matches!(failure, Failure::Timeout { .. } | Failure::Reset(_));
                    if retryable && retries < self.options.max_retries {
                        tokio::time::sleep(retry::backoff(retries)).await;
                        retries += 1;
                        continue;
                    }
                    // A host that gave no answer in time, or took no
                    // connection, was not asked, whatever the link:
                    // unchecked. A name that resolves to nothing is an
                    // answer (the domain is gone), and so is a connection
                    // broken every time it is made.
                    let unchecked = |reason: String, connection_failed: bool| Status::Unchecked {
                        reason,
                        connection_failed,
                        service: None,
                    };
                    return LinkResult::new(match failure {
                        Failure::Timeout { connecting } => unchecked(
                            format!("timed out after {}", seconds(self.options.timeout)),
                            connecting,
                        ),
                        Failure::Reset(reason) => Status::Broken {
                            reason,
                            unreachable: false,
                        },
                        Failure::Connect(reason) => unchecked(reason, true),
                        Failure::NoSuchHost(reason) => Status::Broken {
                            reason,
                            unreachable: true,
                        },
                        Failure::Refused(refused) => Status::Refused { host: refused.host },
                        Failure::Invalid(reason) => Status::Broken {
                            reason,
                            unreachable: false,
                        },
                        Failure::GivenUp(given_up) => {
                            let reason = format!(
                                "the host failed {} connections in a row and was not asked again",
                                given_up.failures
                            );
                            if given_up.unreachable {
                                unchecked(reason, true)
                            } else {
                                Status::Broken {
                                    reason,
                                    unreachable: false,
                                }
                            }
                        }
                    });
                }
            };

            // HEAD refused: ask again with GET, which is not a retry.
            if method == Method::HEAD && matches!(status.as_u16(), 403 | 405 | 501) {
                method = Method::GET;
                continue;
            }
            // A status the run accepts as alive (`--accept 403`): alive,
            // whatever it serves.
            if !status.is_success()
                && self
                    .options
                    .accept
                    .as_ref()
                    .is_some_and(|accept| accept.contains(status.as_u16()))
            {
                return LinkResult {
                    status: Status::Ok,
                    moved_to,
                    cached: false,
                };
            }
            if status == StatusCode::TOO_MANY_REQUESTS || status.is_server_error() {
                if retries < self.options.max_retries {
                    let asked = headers
                        .get(RETRY_AFTER)
                        .and_then(|v| v.to_str().ok())
                        .and_then(|v| retry::retry_after(v, SystemTime::now()));
                    let wait = asked.unwrap_or_else(|| retry::backoff(retries));
                    if asked.is_some() {
                        self.limits.pause(&host, wait);
                    }
                    tokio::time::sleep(wait).await;
                    retries += 1;
                    continue;
                }
                return LinkResult::new(if status == StatusCode::TOO_MANY_REQUESTS {
                    Status::Unverifiable {
                        reason: describe(status),
                    }
                } else {
                    Status::Broken {
                        reason: describe(status),
                        unreachable: false,
                    }
                });
            }
            if matches!(status.as_u16(), 401 | 403) {
                return LinkResult::new(Status::Unverifiable {
                    reason: describe(status),
                });
            }
            if !status.is_success() {
                return LinkResult::new(Status::Broken {
                    reason: describe(status),
                    unreachable: false,
                });
            }
            if expect == Expect::Pdf {
                match judge_pdf(&headers, prefix.as_deref()) {
                    Judgement::Pdf => {}
                    Judgement::NotPdf(found) => {
                        return LinkResult {
                            status: Status::NotAPdf { found },
                            moved_to,
                            cached: false,
                        };
                    }
                    Judgement::NeedBytes if method == Method::HEAD => {
                        method = Method::GET;
                        continue;
                    }
                    Judgement::NeedBytes => {
                        return LinkResult {
                            status: Status::NotAPdf {
                                found: "an empty body".into(),
                            },
                            moved_to,
                            cached: false,
                        };
                    }
                }
            }
            return LinkResult {
                status: Status::Ok,
                moved_to,
                cached: false,
            };
        }
    }

    /// Follows redirects by hand from `start`, checking each hop. The moved-to
    /// URL is where the leading run of permanent redirects (301, 308) ends.
    async fn follow(&self, start: &Url, method: &Method, want_body: bool) -> Chain {
        let mut url = start.clone();
        let mut seen = HashSet::new();
        let mut moved_to = None;
        let mut permanent_so_far = true;
        for _ in 0..=MAX_REDIRECTS {
            if let Err(refused) = policy::check_url(&url, self.options.allow_private) {
                return Chain::Refused(refused);
            }
            if !seen.insert(url.clone()) {
                return Chain::Loop;
            }
            let host = host_key(&url);
            let answer = self.request(&url, &host, method, want_body).await;
            let location = match &answer {
                Answer::Response {
                    status, headers, ..
                } if status.is_redirection() => headers
                    .get(LOCATION)
                    .and_then(|v| v.to_str().ok())
                    .map(str::to_owned)
                    .map(|location| (*status, location)),
                _ => None,
            };
            let Some((status, location)) = location else {
                return Chain::Done {
                    answer: Box::new(answer),
                    moved_to,
                    host,
                };
            };
            let next = match hop(&url, &location, self.options.allow_private) {
                Ok(next) => next,
                Err(Hop::Invalid) => return Chain::BadLocation(location),
                Err(Hop::Refused(refused)) => return Chain::Refused(refused),
            };
            let permanent = matches!(
                status,
                StatusCode::MOVED_PERMANENTLY | StatusCode::PERMANENT_REDIRECT
            );
            permanent_so_far &= permanent;
            if permanent_so_far {
                moved_to = Some(without_fragment(&next));
            }
            url = next;
        }
        Chain::TooMany
    }

    /// One request, inside the politeness limits; reads at most the first
    /// bytes of the body, and only when asked to.
    async fn request(&self, url: &Url, host: &str, method: &Method, want_body: bool) -> Answer {
        let _slot = self.limits.acquire(host).await;
        if let Some(given_up) = self.limits.given_up(host) {
            return Answer::Failed(Failure::GivenUp(given_up));
        }
        let mut request = self.client.request(method.clone(), url.clone());
        for (name, value) in &self.options.headers {
            request = request.header(name, value);
        }
        if *method == Method::GET {
            request = request.header(RANGE, format!("bytes=0-{}", MAGIC_WINDOW - 1));
        }
        let mut response = match request.send().await {
            Ok(response) => {
                self.limits.record(host, true, false);
                response
            }
            Err(err) => {
                let failure = classify(&err);
                if let Failure::Timeout { .. }
                | Failure::Reset(_)
                | Failure::Connect(_)
                | Failure::NoSuchHost(_) = failure
                {
                    self.limits.record(host, false, failure.no_connection());
                }
                return Answer::Failed(failure);
            }
        };
        let status = response.status();
        let headers = std::mem::take(response.headers_mut());
        let prefix = if want_body && status.is_success() {
            let mut prefix = Vec::new();
            loop {
                match response.chunk().await {
                    Ok(Some(chunk)) => {
                        let room = BODY_CAP - prefix.len();
                        prefix.extend_from_slice(&chunk[..chunk.len().min(room)]);
                        if prefix.len() >= MAGIC_WINDOW || prefix.len() >= BODY_CAP {
                            break;
                        }
                    }
                    Ok(None) => break,
                    Err(err) => match classify(&err) {
                        // What arrived is enough to judge; a cut-off body is not a broken link.
                        _ if !prefix.is_empty() => break,
                        failure => return Answer::Failed(failure),
                    },
                }
            }
            Some(prefix)
        } else {
            None
        };
        // Dropping the response here abandons the rest of the body.
        Answer::Response {
            status,
            headers,
            prefix,
        }
    }
}

enum Judgement {
    Pdf,
    NotPdf(String),
    NeedBytes,
}

/// Judges a response to a `[[pdf]]` link by its type, or by its first bytes
/// when the type says nothing.
fn judge_pdf(headers: &HeaderMap, prefix: Option<&[u8]>) -> Judgement {
    let content_type = headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(|v| {
            v.split(';')
                .next()
                .unwrap_or_default()
                .trim()
                .to_ascii_lowercase()
        })
        .unwrap_or_default();
    if matches!(
        content_type.as_str(),
        "application/pdf" | "application/x-pdf"
    ) {
        return Judgement::Pdf;
    }
    let vague = matches!(
        content_type.as_str(),
        "" | "application/octet-stream"
            | "binary/octet-stream"
            | "application/download"
            | "application/force-download"
            | "application/x-download"
            | "application/unknown"
    );
    match prefix {
        Some(bytes) if !bytes.is_empty() => {
            let window = &bytes[..bytes.len().min(MAGIC_WINDOW)];
            if memchr::memmem::find(window, b"%PDF-").is_some() {
                Judgement::Pdf
            } else if vague {
                Judgement::NotPdf("no `%PDF-` signature in its first bytes".into())
            } else {
                Judgement::NotPdf(content_type)
            }
        }
        _ if vague => Judgement::NeedBytes,
        _ => Judgement::NotPdf(content_type),
    }
}

/// What an error says at its root (`Connection refused`), not reqwest's
/// outer wrapping of it.
pub(super) fn innermost(err: &reqwest::Error) -> String {
    let mut innermost = err.to_string();
    let mut source = std::error::Error::source(err);
    while let Some(current) = source {
        innermost = current.to_string();
        source = current.source();
    }
    innermost
}

/// A reqwest error in this module's terms.
fn classify(err: &reqwest::Error) -> Failure {
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(err);
    while let Some(current) = source {
        if let Some(refused) = current.downcast_ref::<Refused>() {
            return Failure::Refused(refused.clone());
        }
        if let Some(unresolved) = current.downcast_ref::<policy::Unresolved>() {
            // A resolver that could not answer (none reachable, a timeout)
            // says nothing of the host: the link is unchecked, not broken.
            return if unresolved.is_temporary() {
                Failure::Connect(unresolved.to_string())
            } else {
                Failure::NoSuchHost(unresolved.to_string())
            };
        }
        if let Some(io) = current.downcast_ref::<std::io::Error>() {
            use std::io::ErrorKind::*;
            if matches!(
                io.kind(),
                ConnectionReset | ConnectionAborted | BrokenPipe | UnexpectedEof
            ) {
                return Failure::Reset("the connection was reset".into());
            }
        }
        source = current.source();
    }
    let innermost = innermost(err);
    if err.is_timeout() {
        Failure::Timeout {
            connecting: err.is_connect(),
        }
    } else if err.is_connect() {
        Failure::Connect(format!("could not connect: {innermost}"))
    } else if err.is_builder() {
        Failure::Invalid(format!("invalid request: {innermost}"))
    } else {
        // The connection was made but broke before a full answer arrived.
        Failure::Reset(format!("the connection broke: {innermost}"))
    }
}

/// Why a redirect is not followed.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Hop {
    Invalid,
    Refused(Refused),
}

/// Where a redirect from `url` to `location` leads, if it may be followed:
/// an http(s) URL whose host the address policy allows.
pub(super) fn hop(url: &Url, location: &str, allow_private: bool) -> Result<Url, Hop> {
    let next = url.join(location).map_err(|_| Hop::Invalid)?;
    if !matches!(next.scheme(), "http" | "https") {
        return Err(Hop::Invalid);
    }
    policy::check_url(&next, allow_private).map_err(Hop::Refused)?;
    Ok(next)
}

fn broken(reason: &str) -> LinkResult {
    LinkResult::new(Status::Broken {
        reason: reason.to_owned(),
        unreachable: false,
    })
}

/// `404 Not Found`.
fn describe(status: StatusCode) -> String {
    match status.canonical_reason() {
        Some(reason) => format!("{} {reason}", status.as_u16()),
        None => status.as_u16().to_string(),
    }
}

pub(super) fn seconds(duration: Duration) -> String {
    format!("{} s", duration.as_secs_f64())
}

/// Hosts are told apart with their port: two servers on one machine are two hosts.
pub(crate) fn host_key(url: &Url) -> String {
    match (url.host_str(), url.port_or_known_default()) {
        (Some(host), Some(port)) => format!("{}:{port}", host.to_ascii_lowercase()),
        (Some(host), None) => host.to_ascii_lowercase(),
        _ => String::new(),
    }
}

fn without_fragment(url: &Url) -> Url {
    let mut url = url.clone();
    url.set_fragment(None);
    url
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

    fn typed(content_type: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(CONTENT_TYPE, HeaderValue::from_str(content_type).unwrap());
        headers
    }

    #[test]
    fn pdf_by_type_or_by_magic() {
        assert!(matches!(
            judge_pdf(&typed("application/pdf"), None),
            Judgement::Pdf
        ));
        assert!(matches!(
            judge_pdf(&typed("Application/PDF; qs=1"), None),
            Judgement::Pdf
        ));
        assert!(
            matches!(judge_pdf(&typed("text/html; charset=utf-8"), None), Judgement::NotPdf(t) if t == "text/html")
        );
        assert!(matches!(
            judge_pdf(&typed("application/octet-stream"), None),
            Judgement::NeedBytes
        ));
        assert!(matches!(
            judge_pdf(&HeaderMap::new(), None),
            Judgement::NeedBytes
        ));
        assert!(matches!(
            judge_pdf(&typed("application/octet-stream"), Some(b"%PDF-1.7\n...")),
            Judgement::Pdf
        ));
        assert!(matches!(
            judge_pdf(&typed("application/octet-stream"), Some(b"<html>")),
            Judgement::NotPdf(_)
        ));
    }

    #[test]
    fn redirects_from_an_allowed_host_to_a_refused_one_stop_at_the_hop() {
        let allowed = Url::parse("https://example.org/paper").unwrap();
        assert_eq!(
            hop(&allowed, "/paper.pdf", false),
            Ok(Url::parse("https://example.org/paper.pdf").unwrap())
        );
        for location in [
            "http://127.0.0.1:8080/admin",
            "http://[::1]/",
            "http://169.254.169.254/latest/meta-data",
            "http://10.0.0.1/",
        ] {
            assert!(
                matches!(hop(&allowed, location, false), Err(Hop::Refused(_))),
                "{location}"
            );
            assert!(hop(&allowed, location, true).is_ok(), "{location}");
        }
        assert_eq!(
            hop(&allowed, "ftp://example.org/x", false),
            Err(Hop::Invalid)
        );
        assert_eq!(hop(&allowed, "http://[", false), Err(Hop::Invalid));
    }

    #[test]
    fn hosts_keep_their_port() {
        assert_eq!(
            host_key(&Url::parse("https://Example.org/a").unwrap()),
            "example.org:443"
        );
        assert_eq!(
            host_key(&Url::parse("http://127.0.0.1:8080/").unwrap()),
            "127.0.0.1:8080"
        );
    }
}

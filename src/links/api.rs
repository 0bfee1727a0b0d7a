//! Asking a web API: a GET (or a GraphQL POST) under the address policy (redirects followed by
//! hand, every hop checked like any link), 429 and 5xx retried as the options
//! say (`Retry-After` honoured), the answer read up to a cap. The GitHub,
//! arXiv, Crossref and OpenReview clients all ask through here.

use std::time::{Duration, SystemTime};

use reqwest::header::{ACCEPT, AUTHORIZATION, CONTENT_TYPE, LOCATION, RETRY_AFTER};
use reqwest::{StatusCode, Url};

use super::check::{Checker, Hop, MAX_REDIRECTS, hop, host_key};
use super::{policy, retry};
use crate::link::Status;
use crate::paper::Answer;

/// The largest answer any API client reads.
pub(crate) const ANSWER_CAP: usize = 8 * 1024 * 1024;

/// One request to an API.
pub(crate) struct Request<'a> {
    /// What the service is called in messages (`GitHub API`, `arXiv API`).
    pub service: &'static str,
    pub url: Url,
    pub accept: &'a str,
    /// Extra headers, sent on every hop.
    pub headers: &'a [(&'a str, &'a str)],
    /// A bearer token: sent on the first hop only, and only over https (or
    /// to loopback when private addresses are allowed, which is how tests run).
    pub token: Option<&'a str>,
    /// A JSON body: the request is a POST, and is not sent again across a
    /// redirect (GraphQL).
    pub json: Option<&'a [u8]>,
    /// The shortest wait before a retry (arXiv asks for seconds between
    /// any two requests, retries included).
    pub retry_floor: Duration,
}

/// What an API said, or why it said nothing.
#[derive(Debug)]
pub(crate) enum Reply {
    Answered {
        status: StatusCode,
        body: Vec<u8>,
        /// The answer came from another URL than the one asked.
        redirected: bool,
    },
    /// No usable answer: refused by the policy, no connection, too many
    /// redirects, an answer too large. A verdict a link can carry.
    Failed(Status),
}

/// Sends the request; retries what is worth retrying.
pub(crate) async fn get(checker: &Checker, request: &Request<'_>) -> Reply {
    let options = checker.options();
    let service = request.service;
    let broken = |reason: String, unreachable: bool| {
        Reply::Failed(Status::Broken {
            reason,
            unreachable,
        })
    };
    let send_token = request.url.scheme() == "https" || options.allow_private;
    let mut retries = 0;
    'attempt: loop {
        let mut url = request.url.clone();
        for hop_number in 0..=MAX_REDIRECTS {
            if let Err(refused) = policy::check_url(&url, options.allow_private) {
                return Reply::Failed(Status::Refused { host: refused.host });
            }
            let host = host_key(&url);
            let mut builder = match request.json {
                Some(body) => checker
                    .client()
                    .post(url.clone())
                    .header(CONTENT_TYPE, "application/json")
                    .body(body.to_vec()),
                None => checker.client().get(url.clone()),
            }
            .header(ACCEPT, request.accept);
            for (name, value) in request.headers {
                builder = builder.header(*name, *value);
            }
            if let Some(token) = request.token.filter(|_| hop_number == 0 && send_token) {
                builder = builder.header(AUTHORIZATION, format!("Bearer {token}"));
            }
            let response = {
                let _slot = checker.limits().acquire(&host).await;
                match builder.send().await {
                    Ok(response) => response,
                    Err(err)
                        if (err.is_timeout() || !err.is_connect())
                            && retries < options.max_retries =>
                    {
                        tokio::time::sleep(retry::backoff(retries).max(request.retry_floor)).await;
                        retries += 1;
                        continue 'attempt;
                    }
                    // The service could not be asked: its answers' links
                    // are unchecked, not broken.
                    Err(err) => {
                        return Reply::Failed(Status::Unchecked {
                            reason: describe(&err, options.timeout),
                            connection_failed: err.is_connect(),
                            service: Some(service),
                        });
                    }
                }
            };
            let status = response.status();
            if status.is_redirection() && request.json.is_some() {
                return broken(
                    format!("{service}: redirected ({})", status.as_u16()),
                    false,
                );
            }
            if status.is_redirection() {
                let location = response
                    .headers()
                    .get(LOCATION)
                    .and_then(|v| v.to_str().ok())
                    .map(str::to_owned);
                match location.map(|location| hop(&url, &location, options.allow_private)) {
                    Some(Ok(next)) => {
                        url = next;
                        continue;
                    }
                    Some(Err(Hop::Refused(refused))) => {
                        return Reply::Failed(Status::Refused { host: refused.host });
                    }
                    Some(Err(Hop::Invalid)) | None => {
                        return broken(
                            format!("{service}: a {} without a usable Location", status.as_u16()),
                            false,
                        );
                    }
                }
            }
            if (status == StatusCode::TOO_MANY_REQUESTS || status.is_server_error())
                && retries < options.max_retries
            {
                let wait = response
                    .headers()
                    .get(RETRY_AFTER)
                    .and_then(|v| v.to_str().ok())
                    .and_then(|v| retry::retry_after(v, SystemTime::now()))
                    .unwrap_or_else(|| retry::backoff(retries))
                    .max(request.retry_floor);
                tokio::time::sleep(wait).await;
                retries += 1;
                continue 'attempt;
            }
            return match read_body(response).await {
                Some(body) => Reply::Answered {
                    status,
                    body,
                    redirected: hop_number > 0,
                },
                None => Reply::Failed(Status::Unverifiable {
                    reason: format!(
                        "{service}: the answer broke off or is larger than {} MiB",
                        ANSWER_CAP >> 20
                    ),
                }),
            };
        }
        return broken(
            format!("{service}: more than {MAX_REDIRECTS} redirects"),
            false,
        );
    }
}

/// Why a request got no answer, in a few words: what timed out, or the
/// innermost error (`Connection refused`), not reqwest's outer wrapping.
fn describe(err: &reqwest::Error, timeout: Duration) -> String {
    if err.is_timeout() {
        return format!("no answer within {}", super::check::seconds(timeout));
    }
    let innermost = super::check::innermost(err);
    if err.is_connect() {
        format!("could not connect: {innermost}")
    } else {
        innermost
    }
}

/// The whole body, unless it breaks off or outgrows the cap.
async fn read_body(mut response: reqwest::Response) -> Option<Vec<u8>> {
    let mut body = Vec::new();
    loop {
        match response.chunk().await {
            Ok(Some(chunk)) => {
                body.extend_from_slice(&chunk);
                if body.len() > ANSWER_CAP {
                    return None;
                }
            }
            Ok(None) => return Some(body),
            Err(_) => return None,
        }
    }
}

/// The answer about a paper whose service could not be asked.
pub(super) fn answer_of_failure(service: &str, status: &Status) -> Answer {
    let reason = format!("{service} could not be asked: {}", status.reason());
    match status {
        Status::Broken {
            unreachable: true, ..
        }
        | Status::Unchecked {
            connection_failed: true,
            ..
        } => Answer::Unreachable(reason),
        _ => Answer::Failed(reason),
    }
}

/// Collapses runs of whitespace (titles in feeds are wrapped) and trims.
pub(super) fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The year, month and day of an ISO 8601 date or timestamp
/// (`2024-03-12T12:00:00Z`, `2024-03`, `2024`); `None` without a year.
pub(super) fn iso_date(text: &str) -> Option<(u16, Option<u8>, Option<u8>)> {
    let mut parts = text.get(..10.min(text.len()))?.split('-');
    let year: u16 = parts.next()?.parse().ok()?;
    let month = parts
        .next()
        .and_then(|m| m.parse().ok())
        .filter(|m| (1..=12).contains(m));
    let day = month
        .and(parts.next())
        .and_then(|d| d.parse().ok())
        .filter(|d| (1..=31).contains(d));
    Some((year, month, day))
}

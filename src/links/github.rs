//! github.com repositories through the GitHub REST API, when a token is
//! given: one call per repository, whatever the number of links to it. The
//! API is the one the command line names (never the config, which comes with
//! the repository); the token goes in the first request of a lookup only,
//! over https (or to loopback with --allow-private), never across a redirect,
//! and every hop is checked against the address policy like any link.

use std::sync::Arc;

use reqwest::{StatusCode, Url};
use serde::Deserialize;

use super::api;
use super::check::Checker;
use crate::link::{LinkResult, Status};

/// A repository named by a github.com URL.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct Repo {
    pub owner: String,
    pub name: String,
}

impl Repo {
    /// The repository of a `https://github.com/OWNER/NAME[/...]` URL.
    pub(crate) fn of(url: &str) -> Option<Self> {
        let parsed = Url::parse(url).ok()?;
        let host = parsed.host_str()?.to_ascii_lowercase();
        if host != "github.com" && host != "www.github.com" {
            return None;
        }
        let mut segments = parsed.path_segments()?;
        let owner = segments.next().filter(|s| !s.is_empty())?;
        let name = segments.next().filter(|s| !s.is_empty())?;
        // Site pages, not repositories.
        const SITE: &[&str] = &[
            "about",
            "apps",
            "collections",
            "contact",
            "customer-stories",
            "enterprise",
            "events",
            "explore",
            "features",
            "issues",
            "login",
            "marketplace",
            "new",
            "notifications",
            "orgs",
            "organizations",
            "pricing",
            "pulls",
            "search",
            "security",
            "settings",
            "site",
            "sponsors",
            "topics",
            "trending",
        ];
        if SITE.iter().any(|s| s.eq_ignore_ascii_case(owner)) {
            return None;
        }
        let name = name.strip_suffix(".git").unwrap_or(name);
        Some(Self {
            owner: owner.to_owned(),
            name: name.to_owned(),
        })
    }

    fn key(&self) -> String {
        format!("{}/{}", self.owner, self.name).to_ascii_lowercase()
    }
}

#[derive(Debug, Deserialize)]
struct RepoJson {
    full_name: String,
    html_url: String,
    #[serde(default)]
    archived: bool,
}

/// The API's answer about one repository.
#[derive(Debug, Clone)]
pub(crate) enum RepoState {
    Found {
        full_name: String,
        html_url: String,
        archived: bool,
    },
    Missing,
    Failed(Status),
}

/// Asks the API about a repository (through [`api::get`]: the address
/// policy on every hop, 429 and 5xx retried).
pub(crate) async fn lookup(checker: &Checker, api: &Url, token: &str, repo: &Repo) -> RepoState {
    let Ok(url) = api.join(&format!("repos/{}/{}", repo.owner, repo.name)) else {
        return RepoState::Failed(Status::Broken {
            reason: "invalid GitHub API URL".into(),
            unreachable: false,
        });
    };
    let request = api::Request {
        service: "GitHub API",
        url,
        accept: "application/vnd.github+json",
        headers: &[("X-GitHub-Api-Version", "2022-11-28")],
        token: Some(token),
        json: None,
        retry_floor: std::time::Duration::ZERO,
    };
    let (status, body, redirected) = match api::get(checker, &request).await {
        api::Reply::Answered {
            status,
            body,
            redirected,
        } => (status, body, redirected),
        api::Reply::Failed(status) => return RepoState::Failed(status),
    };
    match status {
        StatusCode::OK => match serde_json::from_slice::<RepoJson>(&body) {
            Ok(json) => RepoState::Found {
                full_name: json.full_name,
                html_url: json.html_url,
                archived: json.archived,
            },
            Err(_) => RepoState::Failed(Status::Unverifiable {
                reason: "GitHub API answered with unexpected JSON".into(),
            }),
        },
        // After a redirect the token is gone: a private repository's new home looks missing.
        StatusCode::NOT_FOUND | StatusCode::GONE if redirected => {
            RepoState::Failed(Status::Unverifiable {
                reason: "the repository moved, and its new place is not visible without the token"
                    .into(),
            })
        }
        StatusCode::NOT_FOUND | StatusCode::GONE => RepoState::Missing,
        StatusCode::UNAUTHORIZED => RepoState::Failed(Status::Unverifiable {
            reason: "GitHub API refused the token (401)".into(),
        }),
        StatusCode::FORBIDDEN | StatusCode::TOO_MANY_REQUESTS => {
            RepoState::Failed(Status::Unverifiable {
                reason: format!("GitHub API rate limit ({})", status.as_u16()),
            })
        }
        // The API is down: its repositories could not be asked about.
        other if other.is_server_error() => RepoState::Failed(Status::Unchecked {
            reason: format!("GitHub API answered {}", other.as_u16()),
            connection_failed: false,
            service: Some("GitHub API"),
        }),
        other => RepoState::Failed(Status::Broken {
            reason: format!("GitHub API answered {}", other.as_u16()),
            unreachable: false,
        }),
    }
}

/// At most this many repositories in one GraphQL query.
pub(crate) const GRAPHQL_BATCH: usize = 100;

#[derive(Deserialize)]
struct GraphAnswer {
    data: Option<std::collections::HashMap<String, Option<GraphRepo>>>,
    #[serde(default)]
    errors: Vec<GraphError>,
}

#[derive(Deserialize)]
struct GraphRepo {
    #[serde(rename = "nameWithOwner")]
    name_with_owner: String,
    #[serde(rename = "isArchived", default)]
    is_archived: bool,
    url: String,
}

#[derive(Deserialize)]
struct GraphError {
    #[serde(rename = "type")]
    kind: Option<String>,
    #[serde(default)]
    path: Vec<serde_json::Value>,
}

/// Asks the GraphQL API about many repositories, [`GRAPHQL_BATCH`] to a
/// query, one query at a time (GitHub asks clients not to send concurrent
/// requests). A repository the answer does not settle (an error other
/// than "not found", a failed or rate-limited query) is asked about
/// through REST, one call each: the two APIs are limited separately.
pub(crate) async fn lookup_many(
    checker: &Arc<Checker>,
    api: &Url,
    token: &str,
    repos: &[Repo],
) -> Vec<RepoState> {
    let mut states: Vec<Option<RepoState>> = vec![None; repos.len()];
    if let Ok(url) = api.join("graphql") {
        for (batch_number, batch) in repos.chunks(GRAPHQL_BATCH).enumerate() {
            let offset = batch_number * GRAPHQL_BATCH;
            // A query that fails whole (rate limited, no GraphQL here) would
            // fail again: the rest go through REST.
            let Some(answered) = graphql(checker, &url, token, batch).await else {
                break;
            };
            for (i, state) in answered.into_iter().enumerate() {
                states[offset + i] = state;
            }
        }
    }
    // The fallbacks run concurrently, within the host's limits, as REST calls always have.
    let mut fallbacks = tokio::task::JoinSet::new();
    for (i, state) in states.iter().enumerate() {
        if state.is_none() {
            let (checker, api, token, repo) = (
                Arc::clone(checker),
                api.clone(),
                token.to_owned(),
                repos[i].clone(),
            );
            fallbacks.spawn(async move { (i, lookup(&checker, &api, &token, &repo).await) });
        }
    }
    while let Some(done) = fallbacks.join_next().await {
        if let Ok((i, state)) = done {
            states[i] = Some(state);
        }
    }
    states
        .into_iter()
        .map(|state| {
            state.unwrap_or_else(|| {
                RepoState::Failed(Status::Unverifiable {
                    reason: "GitHub API: the lookup failed".into(),
                })
            })
        })
        .collect()
}

/// One query: each repository's state, `None` where the answer does not
/// settle it; `None` for all when the query failed as a whole.
async fn graphql(
    checker: &Checker,
    url: &Url,
    token: &str,
    batch: &[Repo],
) -> Option<Vec<Option<RepoState>>> {
    let mut query = String::from("query {");
    for (i, repo) in batch.iter().enumerate() {
        // serde_json's quoting is GraphQL's: a name cannot break out of its string.
        let owner = serde_json::to_string(&repo.owner).unwrap_or_default();
        let name = serde_json::to_string(&repo.name).unwrap_or_default();
        query.push_str(&format!(
            " r{i}: repository(owner: {owner}, name: {name}) {{ nameWithOwner isArchived url }}"
        ));
    }
    query.push_str(" }");
    let body = serde_json::json!({ "query": query }).to_string();
    let request = api::Request {
        service: "GitHub GraphQL API",
        url: url.clone(),
        accept: "application/json",
        headers: &[],
        token: Some(token),
        json: Some(body.as_bytes()),
        retry_floor: std::time::Duration::ZERO,
    };
    let api::Reply::Answered {
        status: StatusCode::OK,
        body,
        ..
    } = api::get(checker, &request).await
    else {
        return None;
    };
    let answer = serde_json::from_slice::<GraphAnswer>(&body).ok()?;
    // No data: RATE_LIMITED, or another failure of the whole query.
    let data = answer.data?;
    let states = (0..batch.len())
        .map(|i| {
            let alias = format!("r{i}");
            if let Some(Some(repo)) = data.get(&alias) {
                return Some(RepoState::Found {
                    full_name: repo.name_with_owner.clone(),
                    html_url: repo.url.clone(),
                    archived: repo.is_archived,
                });
            }
            let error = answer
                .errors
                .iter()
                .find(|e| e.path.first().and_then(|p| p.as_str()) == Some(alias.as_str()));
            match error.and_then(|e| e.kind.as_deref()) {
                Some("NOT_FOUND") => Some(RepoState::Missing),
                _ => None,
            }
        })
        .collect();
    Some(states)
}

/// The verdict for one URL of a repository the API described.
pub(crate) fn result_for(url: &str, repo: &Repo, state: &RepoState) -> LinkResult {
    match state {
        RepoState::Found {
            full_name,
            html_url,
            archived,
        } => {
            let moved_to =
                (!full_name.eq_ignore_ascii_case(&repo.key())).then(|| moved_url(url, html_url));
            LinkResult {
                status: if *archived {
                    Status::Archived
                } else {
                    Status::Ok
                },
                moved_to,
                cached: false,
            }
        }
        RepoState::Missing => LinkResult::new(Status::Broken {
            reason: "repository not found".into(),
            unreachable: false,
        }),
        RepoState::Failed(status) => LinkResult::new(status.clone()),
    }
}

/// The URL with its `OWNER/NAME` replaced by the repository's new home, the
/// rest of the path kept (`/tree/main/src` stays).
fn moved_url(url: &str, html_url: &str) -> String {
    let Ok(parsed) = Url::parse(url) else {
        return html_url.to_owned();
    };
    let rest: Vec<&str> = parsed
        .path_segments()
        .map(|s| s.skip(2).collect())
        .unwrap_or_default();
    let mut moved = html_url.trim_end_matches('/').to_owned();
    for segment in rest {
        moved.push('/');
        moved.push_str(segment);
    }
    if let Some(query) = parsed.query() {
        moved.push('?');
        moved.push_str(query);
    }
    moved
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repositories_of_urls() {
        let repo = Repo::of("https://github.com/Owner/Repo/tree/main/src").unwrap();
        assert_eq!((repo.owner.as_str(), repo.name.as_str()), ("Owner", "Repo"));
        assert_eq!(Repo::of("https://github.com/o/r.git").unwrap().name, "r");
        assert_eq!(Repo::of("https://github.com/o"), None);
        assert_eq!(Repo::of("https://github.com/topics/medical"), None);
        assert_eq!(Repo::of("https://gitlab.com/o/r"), None);
        assert_eq!(Repo::of("https://o.github.io/r"), None);
    }

    #[test]
    fn moved_repositories_keep_the_rest_of_the_path() {
        let repo = Repo::of("https://github.com/old/r/tree/main/x").unwrap();
        let state = RepoState::Found {
            full_name: "new/r2".into(),
            html_url: "https://github.com/new/r2".into(),
            archived: false,
        };
        let result = result_for("https://github.com/old/r/tree/main/x", &repo, &state);
        assert_eq!(
            result.moved_to.as_deref(),
            Some("https://github.com/new/r2/tree/main/x")
        );
        let same = RepoState::Found {
            full_name: "OLD/R".into(),
            html_url: "https://github.com/OLD/R".into(),
            archived: true,
        };
        let result = result_for("https://github.com/old/r", &repo, &same);
        assert_eq!((result.status, result.moved_to), (Status::Archived, None));
    }
}

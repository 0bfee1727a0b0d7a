//! The link checker: every http(s) link of the lint's files, each distinct URL
//! requested once, politely (global and per-host limits, `Retry-After`),
//! safely (no private addresses unless allowed, checked after DNS and on
//! every redirect hop) and within its timeouts.
//!
//! This is the only async part of the crate: [`check`] runs its own tokio
//! runtime and returns plain results.

mod cache;
mod check;
mod github;
mod limits;
mod policy;
mod report;
mod retry;
mod status;
mod target;

use std::collections::HashMap;
use std::fmt;
use std::sync::{Arc, Once};
use std::time::{Duration, Instant};

use reqwest::Url;
use tokio::task::JoinSet;

pub use cache::Cache;
pub use policy::{Refused, is_public};
pub use report::findings;
pub use status::{LinkResult, Status};
pub use target::{Occurrence, occurrences};

use check::Checker;
use github::{Repo, RepoState};

/// What a link must do, by its label.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Expect {
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

/// A secret that never shows in `Debug` output or logs.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: String) -> Self {
        Self(value)
    }

    fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(***)")
    }
}

/// How to check.
#[derive(Debug, Clone)]
pub struct LinkOptions {
    pub timeout: Duration,
    pub max_concurrency: usize,
    pub host_concurrency: usize,
    pub max_retries: u32,
    pub allow_private: bool,
    pub github_token: Option<Secret>,
    /// Base URL of the GitHub REST API.
    pub github_api: Url,
}

/// Reports progress as URLs finish; the CLI draws a bar with it.
pub trait Progress: Send + Sync {
    fn start(&self, total: usize);
    fn advance(&self);
    fn finish(&self);
}

/// Progress that goes nowhere.
pub struct NoProgress;

impl Progress for NoProgress {
    fn start(&self, _: usize) {}
    fn advance(&self) {}
    fn finish(&self) {}
}

/// The results of one run of the checker.
#[derive(Debug, Default)]
pub struct Checked {
    /// By URL (fragment stripped).
    pub results: HashMap<String, LinkResult>,
    /// Distinct URLs answered from the cache.
    pub cached: usize,
    pub elapsed: Duration,
}

/// Why the checker could not run.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub enum LinkError {
    #[error("the network is unreachable: none of the {0} links could be resolved or connected to")]
    #[diagnostic(
        code(network),
        help("check your connection, or run with --offline to lint without checking links")
    )]
    Unreachable(usize),
    #[error("cannot start the link checker: {0}")]
    #[diagnostic(code(network))]
    Setup(String),
}

/// The GitHub REST API.
pub const GITHUB_API: &str = "https://api.github.com/";

/// The user agent: the tool, its version, and what it is doing.
pub fn user_agent() -> String {
    format!(
        "awesome-lint/{} (link checker for paper lists)",
        env!("CARGO_PKG_VERSION")
    )
}

/// Checks each distinct URL once. `wanted` maps a URL to what its most
/// demanding occurrence expects (a URL that is somewhere a `[[pdf]]` must
/// serve a PDF).
pub fn check(
    wanted: &HashMap<String, Expect>,
    options: &LinkOptions,
    cache: Option<&mut Cache>,
    progress: &dyn Progress,
) -> Result<Checked, LinkError> {
    let started = Instant::now();
    let mut checked = Checked::default();
    let mut todo: Vec<(String, Expect)> = Vec::new();
    for (url, &expect) in wanted {
        if cache
            .as_deref()
            .is_some_and(|c| c.is_ok(&cache_key(url, expect)))
        {
            checked.results.insert(
                url.clone(),
                LinkResult {
                    cached: true,
                    ..LinkResult::new(Status::Ok)
                },
            );
            checked.cached += 1;
        } else {
            todo.push((url.clone(), expect));
        }
    }
    todo.sort();
    progress.start(todo.len());

    if !todo.is_empty() {
        let client = build_client(options)?;
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build()
            .map_err(|err| LinkError::Setup(err.to_string()))?;
        let checker = Arc::new(Checker::new(client, options.clone()));
        let results = runtime.block_on(run(checker, todo, progress));
        checked.results.extend(results);
    }
    progress.finish();

    let fresh: Vec<&LinkResult> = checked.results.values().filter(|r| !r.cached).collect();
    let unreachable = !fresh.is_empty()
        && fresh.iter().all(|r| {
            matches!(
                r.status,
                Status::Broken {
                    unreachable: true,
                    ..
                }
            )
        });
    let hosts: std::collections::HashSet<String> = checked
        .results
        .iter()
        .filter(|(_, r)| !r.cached)
        .filter_map(|(url, _)| Url::parse(url).ok().map(|u| check::host_key(&u)))
        .collect();
    // With one host only, it is that host that is down, not the network.
    if unreachable && hosts.len() >= 2 {
        return Err(LinkError::Unreachable(fresh.len()));
    }

    if let Some(cache) = cache {
        for (url, result) in &checked.results {
            if result.is_success() && !result.cached {
                cache.remember_ok(cache_key(url, wanted[url]));
            }
        }
    }
    checked.elapsed = started.elapsed();
    Ok(checked)
}

fn cache_key(url: &str, expect: Expect) -> String {
    format!("{expect} {url}")
}

fn build_client(options: &LinkOptions) -> Result<reqwest::Client, LinkError> {
    static PROVIDER: Once = Once::new();
    PROVIDER.call_once(|| {
        // Fails only if another provider is installed already, which is as good.
        let _ = rustls::crypto::ring::default_provider().install_default();
    });
    reqwest::Client::builder()
        .user_agent(user_agent())
        .redirect(reqwest::redirect::Policy::none())
        .timeout(options.timeout)
        .connect_timeout(options.timeout.min(Duration::from_secs(10)))
        .pool_max_idle_per_host(options.host_concurrency)
        // A proxy would resolve names itself, out of reach of the address policy.
        .no_proxy()
        .dns_resolver(policy::PolicyResolver {
            allow_private: options.allow_private,
        })
        .build()
        .map_err(|err| LinkError::Setup(err.to_string()))
}

/// Checks every URL concurrently, within the checker's limits.
async fn run(
    checker: Arc<Checker>,
    todo: Vec<(String, Expect)>,
    progress: &dyn Progress,
) -> HashMap<String, LinkResult> {
    let mut results = HashMap::with_capacity(todo.len());
    let mut tasks: JoinSet<Vec<(String, LinkResult)>> = JoinSet::new();

    // With a token, github.com repositories go through the API, one call per repository.
    let mut by_repo: HashMap<String, (Repo, Vec<String>)> = HashMap::new();
    let mut plain = Vec::new();
    for (url, expect) in todo {
        match (&checker.options().github_token, Repo::of(&url)) {
            (Some(_), Some(repo)) if expect == Expect::Resolve => {
                let key = format!("{}/{}", repo.owner, repo.name).to_ascii_lowercase();
                by_repo
                    .entry(key)
                    .or_insert_with(|| (repo, Vec::new()))
                    .1
                    .push(url);
            }
            _ => plain.push((url, expect)),
        }
    }
    for (url, expect) in plain {
        let checker = Arc::clone(&checker);
        tasks.spawn(async move {
            let result = checker.check(&url, expect).await;
            vec![(url, result)]
        });
    }
    for (repo, urls) in by_repo.into_values() {
        let checker = Arc::clone(&checker);
        tasks.spawn(async move {
            let options = checker.options();
            let (Some(token), api) = (&options.github_token, &options.github_api) else {
                return Vec::new();
            };
            let state: RepoState = github::lookup(&checker, api, token.expose(), &repo).await;
            urls.into_iter()
                .map(|url| {
                    let result = github::result_for(&url, &repo, &state);
                    (url, result)
                })
                .collect()
        });
    }
    while let Some(done) = tasks.join_next().await {
        // A panicking task is a bug; its URLs are simply missing from the results.
        if let Ok(done) = done {
            for (url, result) in done {
                results.insert(url, result);
                progress.advance();
            }
        }
    }
    results
}

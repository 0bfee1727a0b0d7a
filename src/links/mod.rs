//! The link checker: every http(s) link of the lint's files, each distinct URL
//! requested once, politely (global and per-host limits, `Retry-After`),
//! safely (no private addresses unless allowed, checked after DNS and on
//! every redirect hop) and within its timeouts.
//!
//! Beside the links, the papers: what arXiv, Crossref and OpenReview say
//! about the entries' papers (for `title-mismatch`), asked in batches where
//! the service allows. Their answers also stand for the requests of the
//! links they describe (an arXiv link the API knows is not requested), and
//! GitHub repositories go a hundred to a GraphQL query.
//!
//! This is the only async part of the crate: [`check`] runs its own tokio
//! runtime and returns plain results.

mod api;
mod arxiv;
mod cache;
mod check;
mod crossref;
mod github;
mod limits;
pub(crate) mod local;
mod openreview;
mod policy;
mod retry;
mod s2;
mod target;

use std::collections::{BTreeSet, HashMap, HashSet};
use std::fmt;
use std::sync::{Arc, Once};
use std::time::{Duration, Instant};

use reqwest::Url;
use tokio::task::JoinSet;

pub(crate) use cache::Cache;
pub(crate) use target::occurrences;

use crate::link::{Expect, LinkResult, Status};
use crate::paper::{Answer, PaperId};

use check::Checker;
use github::{Repo, RepoState};

/// A secret that never shows in `Debug` output or logs.
#[derive(Clone, PartialEq, Eq)]
pub(crate) struct Secret(String);

impl Secret {
    pub(crate) fn new(value: String) -> Self {
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
pub(crate) struct LinkOptions {
    pub timeout: Duration,
    pub max_concurrency: usize,
    pub host_concurrency: usize,
    pub max_retries: u32,
    pub allow_private: bool,
    pub github_token: Option<Secret>,
    /// Base URL of the GitHub REST API.
    pub github_api: Url,
    /// Where paper metadata comes from (the real services but in tests).
    pub services: Services,
    /// Sent to Crossref as `mailto`, for its polite pool.
    pub contact: Option<String>,
    /// Ask the arXiv API about arXiv links, a hundred at a time, instead of
    /// requesting each from arxiv.org.
    pub batch: bool,
    /// Status codes that count as alive besides 2xx.
    pub accept: Option<crate::link::Accept>,
    /// Instead of the tool's own.
    pub user_agent: Option<String>,
    /// Sent with every link request (not to the metadata services).
    pub headers: Vec<(reqwest::header::HeaderName, reqwest::header::HeaderValue)>,
    /// The least time between two requests to one host.
    pub host_interval: Duration,
}

/// The metadata services' base URLs, and the pause between arXiv queries.
#[derive(Debug, Clone)]
pub(crate) struct Services {
    pub arxiv: Url,
    pub crossref: Url,
    pub openreview: Url,
    pub semantic_scholar: Url,
    pub arxiv_delay: Duration,
}

impl Services {
    /// The service that describes a paper.
    fn of(&self, id: &PaperId) -> &Url {
        match id {
            PaperId::Arxiv(_) => &self.arxiv,
            PaperId::Doi(_) => &self.crossref,
            PaperId::OpenReview(_) => &self.openreview,
            PaperId::Publication(_) => &self.semantic_scholar,
        }
    }
}

impl Default for Services {
    fn default() -> Self {
        let url = |base: &str| Url::parse(base).expect("a valid built-in URL");
        Self {
            arxiv: url(arxiv::API),
            crossref: url(crossref::API),
            openreview: url(openreview::API),
            semantic_scholar: url(s2::API),
            arxiv_delay: arxiv::DELAY,
        }
    }
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
pub(crate) struct Checked {
    /// By URL (fragment stripped).
    pub results: HashMap<String, LinkResult>,
    /// What the services said about each paper asked about (the entries'
    /// papers, and the ids of arXiv links). The links of an arXiv paper the
    /// API failed to describe have no result.
    pub papers: HashMap<PaperId, Answer>,
    /// Distinct URLs answered from the cache.
    pub cached: usize,
    pub elapsed: Duration,
}

/// Why the checker could not run.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub(crate) enum LinkError {
    #[error(
        "the network is unreachable: {failed} of the {fresh} links could not be resolved or connected to"
    )]
    #[diagnostic(
        code(network),
        help("check your connection, or run with --offline to lint without checking links")
    )]
    Unreachable { failed: usize, fresh: usize },
    #[error("cannot start the link checker: {0}")]
    #[diagnostic(code(network))]
    Setup(String),
}

/// The GitHub REST API.
pub(crate) const GITHUB_API: &str = "https://api.github.com/";

/// The user agent: the tool, its version, and what it is doing.
pub(crate) fn user_agent() -> String {
    format!(
        "awesome-lint/{} (link checker for paper lists)",
        env!("CARGO_PKG_VERSION")
    )
}

/// Checks each distinct URL once, and asks about each paper once. `wanted`
/// maps a URL to what its most demanding occurrence expects (a URL that is
/// somewhere a `[[pdf]]` must serve a PDF); `papers` are the entries' papers
/// whose titles are to be compared.
pub(crate) fn check(
    wanted: &HashMap<String, Expect>,
    papers: &BTreeSet<PaperId>,
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

    // The papers to ask about: the entries', and those of arXiv links,
    // whose answer stands for a request of their own.
    let mut ask: BTreeSet<PaperId> = papers.clone();
    if options.batch {
        ask.extend(
            todo.iter()
                .filter_map(|(url, _)| PaperLink::of(url))
                .map(|link| link.id)
                .filter(|id| matches!(id, PaperId::Arxiv(_))),
        );
    }
    let mut unasked = Vec::new();
    for id in ask {
        match cache.as_deref().and_then(|c| c.paper(&id)) {
            Some(paper) => {
                checked.papers.insert(id, Answer::Found(paper.clone()));
            }
            None => unasked.push(id),
        }
    }
    progress.start(todo.len());

    let mut reached_a_service = false;
    let mut service_hosts: HashSet<String> = HashSet::new();
    if !todo.is_empty() || !unasked.is_empty() {
        let client = build_client(options)?;
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build()
            .map_err(|err| LinkError::Setup(err.to_string()))?;
        let checker = Arc::new(Checker::new(client, options.clone()));
        let (results, answers) =
            runtime.block_on(run(checker, todo, unasked, &checked.papers, progress));
        checked.results.extend(results);
        // The services asked: did any answer, and which could not be reached?
        for (id, answer) in &answers {
            match answer {
                Answer::Unreachable(_) => {
                    service_hosts.insert(check::host_key(options.services.of(id)));
                }
                _ => reached_a_service = true,
            }
        }
        checked.papers.extend(answers);
    }
    progress.finish();

    // The network is down, or this machine may reach almost nothing (a
    // sandbox, an egress firewall), when hardly any host answered: on a
    // working network nearly every host does, dead domains being few. The
    // hosts are counted, not the links, so a list linking one host a
    // hundred times weighs it once.
    let mut answered: HashSet<String> = HashSet::new();
    let mut silent: HashSet<String> = service_hosts;
    if reached_a_service {
        answered.insert(String::new());
    }
    let mut fresh = 0;
    let mut failed = 0;
    for (url, result) in checked.results.iter().filter(|(_, r)| !r.cached) {
        let Some(host) = Url::parse(url).ok().map(|u| check::host_key(&u)) else {
            continue;
        };
        // A link left unchecked by its service was not requested: the
        // service's host is counted, not the link's.
        if matches!(
            result.status,
            Status::Unchecked {
                service: Some(_),
                ..
            }
        ) {
            continue;
        }
        fresh += 1;
        if result.went_unanswered() {
            failed += 1;
            silent.insert(host);
        } else {
            answered.insert(host);
        }
    }
    let silent = silent.difference(&answered).count();
    // With one host only, it is that host that is down, not the network.
    if silent >= 2 && answered.len() * 10 <= silent + answered.len() {
        return Err(LinkError::Unreachable { failed, fresh });
    }

    if let Some(cache) = cache {
        for (url, result) in &checked.results {
            if result.is_success() && !result.cached {
                cache.remember_ok(cache_key(url, wanted[url]));
            }
        }
        for (id, answer) in &checked.papers {
            if let Answer::Found(paper) = answer {
                cache.remember_paper(id, paper.clone());
            }
        }
    }
    checked.elapsed = started.elapsed();
    Ok(checked)
}

/// What the services say about these papers now: the answers `add` writes
/// entries from. The cache is not read: a paper kept there from a link
/// check may predate the authors and dates an entry needs, and a handful
/// of papers is one request per service.
pub(crate) fn describe(
    papers: &BTreeSet<PaperId>,
    options: &LinkOptions,
) -> Result<HashMap<PaperId, Answer>, LinkError> {
    check(&HashMap::new(), papers, options, None, &NoProgress).map(|checked| checked.papers)
}

/// A link whose check a service's answer about its paper stands for: a
/// page of arXiv's own site, a doi.org link, an OpenReview forum or pdf.
struct PaperLink {
    id: PaperId,
    /// The arXiv version the link names.
    version: Option<u32>,
}

/// What to do with a [`PaperLink`] once its paper was asked about.
enum Verdict {
    /// The answer is the link's result.
    Known(LinkResult),
    /// The service could not tell, and the link is requested like any other.
    Request,
    /// arXiv could not tell: the link stays unchecked (the run warns once),
    /// since requesting a thousand links from a failing arXiv is not polite.
    Unchecked(LinkResult),
}

impl PaperLink {
    fn of(url: &str) -> Option<Self> {
        let parts = crate::url::parse(url)?;
        let host = parts.host.to_ascii_lowercase();
        match host.as_str() {
            "arxiv.org" | "www.arxiv.org" | "export.arxiv.org" if parts.query.is_empty() => {
                let id = crate::url::arxiv_id(parts.path)?;
                Some(Self {
                    id: PaperId::Arxiv(id.to_owned()),
                    version: crate::url::arxiv_version(parts.path),
                })
            }
            "doi.org" | "dx.doi.org" => Some(Self {
                id: PaperId::of_url(url).filter(|id| matches!(id, PaperId::Doi(_)))?,
                version: None,
            }),
            "openreview.net" if matches!(parts.path, "/forum" | "/pdf") => Some(Self {
                id: PaperId::of_url(url).filter(|id| matches!(id, PaperId::OpenReview(_)))?,
                version: None,
            }),
            _ => None,
        }
    }

    fn verdict(&self, answer: Option<&Answer>) -> Verdict {
        let broken = |reason: String| {
            Verdict::Known(LinkResult::new(Status::Broken {
                reason,
                unreachable: false,
            }))
        };
        match (&self.id, answer) {
            (PaperId::Arxiv(id), Some(Answer::Found(paper))) => match (self.version, paper.version)
            {
                (Some(asked), Some(latest)) if asked > latest => broken(format!(
                    "arXiv has no version {asked} of {id} (the latest is v{latest})"
                )),
                _ => Verdict::Known(LinkResult::new(Status::Ok)),
            },
            (PaperId::Arxiv(id), Some(Answer::Unknown)) => {
                broken(format!("arXiv has no paper {id}"))
            }
            (PaperId::Arxiv(_), answer) => {
                let (reason, connection_failed) = match answer {
                    Some(Answer::Unreachable(reason)) => (reason.clone(), true),
                    Some(Answer::Failed(reason)) => (reason.clone(), false),
                    _ => ("the arXiv API gave no answer".to_owned(), false),
                };
                Verdict::Unchecked(LinkResult::new(Status::Unchecked {
                    reason,
                    connection_failed,
                    service: Some("arXiv API"),
                }))
            }
            (_, Some(Answer::Found(_))) => Verdict::Known(LinkResult::new(Status::Ok)),
            // A DOI Crossref does not know may be DataCite's; an OpenReview
            // note may be hidden from the API but not from the page.
            (_, _) => Verdict::Request,
        }
    }
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
        .user_agent(options.user_agent.clone().unwrap_or_else(user_agent))
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

/// Checks every URL concurrently, within the checker's limits, while the
/// papers are asked about; the links of papers asked about wait for the
/// answer, which stands for their own request when it can.
async fn run(
    checker: Arc<Checker>,
    todo: Vec<(String, Expect)>,
    unasked: Vec<PaperId>,
    known: &HashMap<PaperId, Answer>,
    progress: &dyn Progress,
) -> (HashMap<String, LinkResult>, HashMap<PaperId, Answer>) {
    let mut results = HashMap::with_capacity(todo.len());
    let mut tasks: JoinSet<Vec<(String, LinkResult)>> = JoinSet::new();

    // With a token, github.com repositories go through the API: a hundred
    // to a GraphQL query, or one REST call each.
    let mut by_repo: HashMap<String, (Repo, Vec<String>)> = HashMap::new();
    // Links whose check the answer about their paper stands for wait for it.
    let asked: HashSet<&PaperId> = unasked.iter().chain(known.keys()).collect();
    let mut waiting = Vec::new();
    let mut plain = Vec::new();
    for (url, expect) in todo {
        if checker.options().batch
            && let Some(link) = PaperLink::of(&url)
            && asked.contains(&link.id)
        {
            waiting.push((url, expect, link));
            continue;
        }
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
        spawn_check(&mut tasks, &checker, url, expect);
    }
    if checker.options().batch && !by_repo.is_empty() {
        let checker = Arc::clone(&checker);
        let (repos, urls): (Vec<Repo>, Vec<Vec<String>>) = by_repo.into_values().unzip();
        tasks.spawn(async move {
            let options = checker.options();
            let (Some(token), api) = (&options.github_token, &options.github_api) else {
                return Vec::new();
            };
            let states = github::lookup_many(&checker, api, token.expose(), &repos).await;
            let mut results = Vec::new();
            for ((repo, urls), state) in repos.iter().zip(urls).zip(states) {
                for url in urls {
                    let result = github::result_for(&url, repo, &state);
                    results.push((url, result));
                }
            }
            results
        });
    } else {
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
    }

    // The other checks run meanwhile.
    let answers = ask(&checker, unasked).await;
    for (url, expect, link) in waiting {
        let answer = answers.get(&link.id).or_else(|| known.get(&link.id));
        match link.verdict(answer) {
            Verdict::Known(result) | Verdict::Unchecked(result) => {
                results.insert(url, result);
                progress.advance();
            }
            Verdict::Request => spawn_check(&mut tasks, &checker, url, expect),
        }
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
    (results, answers)
}

fn spawn_check(
    tasks: &mut JoinSet<Vec<(String, LinkResult)>>,
    checker: &Arc<Checker>,
    url: String,
    expect: Expect,
) {
    let checker = Arc::clone(checker);
    tasks.spawn(async move {
        let result = checker.check(&url, expect).await;
        vec![(url, result)]
    });
}

/// Asks each service about its papers: arXiv in batches, one query at a
/// time; Crossref and OpenReview one paper a request, within the limits.
async fn ask(checker: &Arc<Checker>, unasked: Vec<PaperId>) -> HashMap<PaperId, Answer> {
    let services = &checker.options().services;
    let mut arxiv_ids = Vec::new();
    let mut published_ids = Vec::new();
    let mut others: JoinSet<(PaperId, Answer)> = JoinSet::new();
    for id in unasked {
        let checker = Arc::clone(checker);
        match &id {
            PaperId::Arxiv(bare) => arxiv_ids.push(bare.clone()),
            PaperId::Doi(doi) => {
                let doi = doi.clone();
                others.spawn(async move {
                    let options = checker.options();
                    let answer = crossref::fetch(
                        &checker,
                        &options.services.crossref,
                        &doi,
                        options.contact.as_deref(),
                    )
                    .await;
                    (id, answer)
                });
            }
            PaperId::Publication(bare) => published_ids.push(bare.clone()),
            PaperId::OpenReview(note) => {
                let note = note.clone();
                others.spawn(async move {
                    let api = &checker.options().services.openreview;
                    let answer = openreview::fetch(&checker, api, &note).await;
                    (id, answer)
                });
            }
        }
    }
    let mut answers: HashMap<PaperId, Answer> =
        arxiv::fetch(checker, &services.arxiv, &arxiv_ids, services.arxiv_delay)
            .await
            .into_iter()
            .map(|(bare, answer)| (PaperId::Arxiv(bare), answer))
            .collect();
    if !published_ids.is_empty() {
        answers.extend(
            s2::fetch(checker, &services.semantic_scholar, &published_ids)
                .await
                .into_iter()
                .map(|(bare, answer)| (PaperId::Publication(bare), answer)),
        );
    }
    while let Some(done) = others.join_next().await {
        if let Ok((id, answer)) = done {
            answers.insert(id, answer);
        }
    }
    answers
}

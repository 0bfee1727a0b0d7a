//! Paper metadata end to end: `title-mismatch` and the batched arXiv
//! checks, against loopback servers that answer as the arXiv API (Atom),
//! Crossref (JSON `message`) and OpenReview's API v2 (`notes`) do. No test
//! touches the internet: the services are pointed at loopback, and arXiv's
//! own site is never requested.

mod support;

use std::collections::HashMap;
use std::fs;
use std::sync::Arc;

use assert_cmd::Command;
use serde_json::Value;
use support::{
    Reply, Server, arxiv_feed as feed, arxiv_feed_with_refs, arxiv_id_list as id_list, route,
    semantic_scholar_batch,
};

fn lint() -> Command {
    // A Semantic Scholar that knows no publication: the batch service
    // `venue-update` asks about preprints arXiv names none of.
    static NONE_PUBLISHED: std::sync::OnceLock<Server> = std::sync::OnceLock::new();
    let s2 = NONE_PUBLISHED.get_or_init(|| semantic_scholar(&[]));
    lint_asking(s2)
}

/// The lint, asking `s2` as Semantic Scholar.
fn lint_asking(s2: &Server) -> Command {
    let mut cmd = Command::cargo_bin("awesome-lint").unwrap();
    cmd.env_remove("GITHUB_TOKEN")
        .env_remove("NO_COLOR")
        .env_remove("FORCE_COLOR");
    cmd.args([
        "--format",
        "json",
        "--allow-private",
        "--arxiv-delay",
        "0.01",
        "--semantic-scholar-api-url",
        &s2.url("/s2/"),
    ]);
    cmd
}

/// Semantic Scholar's batch service, knowing the publications `known`
/// (`(arXiv id, venue, DBLP key)`).
fn semantic_scholar(known: &'static [(&'static str, &'static str, &'static str)]) -> Server {
    Server::start(
        "127.0.0.1",
        vec![(
            "/s2/paper/batch",
            route(move |seen, _| semantic_scholar_batch(seen, known)),
        )],
    )
}

struct Run {
    code: i32,
    json: Value,
    stderr: String,
}

fn run(cmd: &mut Command) -> Run {
    let output = cmd.output().unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    Run {
        code: output.status.code().unwrap_or(-1),
        json: serde_json::from_str(&stdout).unwrap_or(Value::Null),
        stderr: String::from_utf8(output.stderr).unwrap(),
    }
}

/// `(line, rule, message)` of the findings of these rules.
fn findings(json: &Value, rules: &[&str]) -> Vec<(u64, String, String)> {
    json["diagnostics"]
        .as_array()
        .unwrap_or(&Vec::new())
        .iter()
        .filter(|d| rules.contains(&d["rule"].as_str().unwrap()))
        .map(|d| {
            (
                d["line"].as_u64().unwrap(),
                d["rule"].as_str().unwrap().to_owned(),
                d["message"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

/// An arXiv API that knows `papers` (id → (latest version, title)) and
/// answers each query with the ones asked about.
fn arxiv_api(papers: HashMap<String, (u32, String)>) -> Server {
    let papers = Arc::new(papers);
    Server::start(
        "127.0.0.1",
        vec![(
            "/api/query",
            route(move |seen, _| {
                let known: Vec<(String, u32, String)> = id_list(seen)
                    .into_iter()
                    .filter_map(|id| papers.get(&id).map(|(v, t)| (id.clone(), *v, t.clone())))
                    .collect();
                let refs: Vec<(&str, u32, &str)> = known
                    .iter()
                    .map(|(id, v, t)| (id.as_str(), *v, t.as_str()))
                    .collect();
                feed(&refs)
            }),
        )],
    )
}

fn json(body: &str) -> Reply {
    Reply::Full(
        200,
        vec![("Content-Type", "application/json".into())],
        body.as_bytes().to_vec(),
    )
}

const LIST: &str = "\
# Papers

### 2024
- [**CVPR 2024**] [**MAVL**] Decomposing Disease Descriptions for Enhanced Pathology Detection: A Multi-Aspect Vision-Language Pre-training Framework [[pdf]](https://arxiv.org/pdf/2403.07636.pdf)
- [**MICCAI 2024**] [**MedRPG**] MedRPG: Medical Visual Grounding via Region Pointing [[pdf]](https://arxiv.org/pdf/2401.00002.pdf)
- [**CVPR 2024**] [**MedRG**] MedRG: Medical Report Grounding with Multi-modal Large Language Model [[pdf]](https://arxiv.org/abs/2401.00002)
- [**ICLR 2024**] [**Gone**] Gone: A Paper That arXiv Does Not Know [[pdf]](https://arxiv.org/pdf/2401.99999.pdf)
- [**ICLR 2024**] [**Late**] Late: A Version That Is Not There Yet [[pdf]](https://arxiv.org/abs/2401.00003v5)
- [**Nature 2024**] [**Deep**] Deep Learning for Histopathology Images [[paper]](https://doi.org/10.1038/s41591-024-00001-x)
- [**Nature 2024**] [**Other**] Foundation Models for Radiology Reports [[paper]](https://doi.org/10.1038/s41591-024-00002-y)
- [**ICLR 2024**] [**Open**] Open: Reviewing Papers in the Open [[pdf]](https://openreview.net/pdf?id=AbC123xyz)
";

#[test]
fn titles_are_compared_with_each_papers_own() {
    let arxiv = arxiv_api(HashMap::from([
        (
            "2403.07636".to_owned(),
            // Differs only in case and LaTeX markup: no finding.
            (
                2,
                "Decomposing Disease Descriptions for Enhanced Pathology Detection: A \\textit{multi-aspect} Vision-Language Pre-Training Framework"
                    .to_owned(),
            ),
        ),
        (
            "2401.00002".to_owned(),
            (1, "MedRPG: Medical Visual Grounding via Region Pointing".to_owned()),
        ),
        (
            "2401.00003".to_owned(),
            (2, "Late: A Version That Is Not There Yet".to_owned()),
        ),
    ]));
    let crossref = Server::start(
        "127.0.0.1",
        vec![
            (
                "/works/10.1038%2Fs41591-024-00001-x",
                route(|_, _| {
                    json(
                        r#"{"status":"ok","message-type":"work","message":{"title":["Deep learning for <i>histopathology</i> images"],"issued":{"date-parts":[[2024,1,5]]}}}"#,
                    )
                }),
            ),
            (
                "/works/10.1038%2Fs41591-024-00002-y",
                route(|_, _| {
                    json(
                        r#"{"status":"ok","message-type":"work","message":{"title":["Protein Structure Prediction at Scale"],"issued":{"date-parts":[[2024]]}}}"#,
                    )
                }),
            ),
        ],
    );
    let openreview = Server::start(
        "127.0.0.1",
        vec![(
            "/notes",
            route(|_, _| {
                json(
                    r#"{"notes":[{"id":"AbC123xyz","forum":"AbC123xyz","content":{"title":{"value":"Open: Reviewing Papers in the Open"},"venue":{"value":"ICLR 2024"}}}],"count":1}"#,
                )
            }),
        )],
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("list.md");
    fs::write(&path, LIST).unwrap();
    fs::write(
        dir.path().join(".awesome-lint.toml"),
        "[metadata]\ncontact = \"maintainer@example.org\"\n",
    )
    .unwrap();
    let out = run(lint()
        .arg(&path)
        .args(["--no-cache", "--arxiv-api-url"])
        .arg(arxiv.url("/api/"))
        .arg("--crossref-api-url")
        .arg(crossref.url("/"))
        .arg("--openreview-api-url")
        .arg(openreview.url("/")));
    let found = findings(&out.json, &["title-mismatch", "broken-link"]);
    let summary: Vec<(u64, &str)> = found.iter().map(|(l, r, _)| (*l, r.as_str())).collect();
    assert_eq!(
        summary,
        [
            (6, "title-mismatch"),
            (7, "broken-link"),
            (8, "broken-link"),
            (10, "title-mismatch"),
        ],
        "{found:#?}\n{}",
        out.stderr
    );
    assert!(
        found[0].2.contains("arXiv:2401.00002")
            && found[0]
                .2
                .contains("MedRPG: Medical Visual Grounding via Region Pointing")
            && found[0].2.contains("the paper of the entry on line 5"),
        "{:?}",
        found[0]
    );
    assert!(
        found[1].2.contains("arXiv has no paper 2401.99999"),
        "{:?}",
        found[1]
    );
    assert!(found[2].2.contains("no version 5"), "{:?}", found[2]);
    assert!(
        found[3].2.contains("Protein Structure Prediction at Scale"),
        "{:?}",
        found[3]
    );
    assert!(!found[3].2.contains("line"), "{:?}", found[3]);
    assert_eq!(out.code, 1, "{}", out.stderr);

    // One query for every arXiv id, and Crossref asked in its polite pool.
    let queries = arxiv.requests();
    assert_eq!(queries.len(), 1, "{queries:?}");
    let mut asked = id_list(&queries[0]);
    asked.sort();
    assert_eq!(
        asked,
        ["2401.00002", "2401.00003", "2401.99999", "2403.07636"]
    );
    let works = crossref.requests();
    assert_eq!(works.len(), 2, "{works:?}");
    assert!(
        works
            .iter()
            .all(|w| w.path.contains("mailto=maintainer%40example.org")),
        "{works:?}"
    );
    assert_eq!(openreview.requests().len(), 1);
    assert!(openreview.requests()[0].path.contains("id=AbC123xyz"));
}

#[test]
fn two_hundred_fifty_ids_are_three_queries_and_answers_are_cached() {
    let papers: HashMap<String, (u32, String)> = (1..=250)
        .map(|n| {
            let id = format!("2401.{n:05}");
            (id, (1, format!("Paper Number {n} About Things")))
        })
        .collect();
    let arxiv = arxiv_api(papers);
    let mut text = String::from("# Papers\n\n### 2024\n");
    for n in 1..=250 {
        text.push_str(&format!(
            "- [**ICLR 2024**] [**P{n}**] Paper Number {n} About Things [[pdf]](https://arxiv.org/pdf/2401.{n:05}.pdf)\n"
        ));
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("list.md");
    fs::write(&path, &text).unwrap();
    let cache = dir.path().join("cache.json");
    let check = || {
        run(lint()
            .arg(&path)
            .args(["--no-config", "--cache"])
            .arg(&cache)
            .arg("--arxiv-api-url")
            .arg(arxiv.url("/api/")))
    };
    let out = check();
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.json["summary"]["links_checked"], 250);
    let sizes: Vec<usize> = arxiv.requests().iter().map(|s| id_list(s).len()).collect();
    assert_eq!(sizes, [100, 100, 50]);
    assert!(arxiv.requests()[0].path.contains("max_results=100"));

    // The second run asks about nothing: links and papers are cached.
    let again = check();
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert_eq!(arxiv.requests().len(), 3);

    // A new entry: only its id is asked about.
    text.push_str("- [**ICLR 2024**] [**New**] A New Paper About Things [[pdf]](https://arxiv.org/pdf/2401.00251.pdf)\n");
    fs::write(&path, &text).unwrap();
    let third = check();
    let requests = arxiv.requests();
    assert_eq!(requests.len(), 4);
    assert_eq!(id_list(&requests[3]), ["2401.00251"]);
    // Unknown to the API: a broken link.
    let broken = findings(&third.json, &["broken-link"]);
    assert_eq!(broken.len(), 1, "{broken:?}");
    assert_eq!(broken[0].0, 254);
}

#[test]
fn a_busy_api_is_asked_again_and_a_broken_one_is_one_warning() {
    let one = "- [**ICLR 2024**] [**A**] A: Attention Is What You Need Here [[pdf]](https://arxiv.org/pdf/2401.00001.pdf)\n";
    let text = format!("# Papers\n\n### 2024\n{one}");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("list.md");
    fs::write(&path, &text).unwrap();
    let check = |server: &Server, extra: &[&str]| {
        run(lint()
            .arg(&path)
            .args(["--no-config", "--no-cache"])
            .args(extra)
            .arg("--arxiv-api-url")
            .arg(server.url("/api/")))
    };

    // 503, then the feed: asked twice, and the title is compared.
    let busy = Server::start(
        "127.0.0.1",
        vec![(
            "/api/query",
            route(|_, hit| {
                if hit == 1 {
                    Reply::Full(503, vec![("Retry-After", "0".into())], b"busy".to_vec())
                } else {
                    feed(&[("2401.00001", 1, "Something Else Entirely Different")])
                }
            }),
        )],
    );
    let out = check(&busy, &[]);
    assert_eq!(busy.requests().len(), 2);
    let found = findings(&out.json, &["title-mismatch", "broken-link"]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].1, "title-mismatch");

    // A malformed feed: one warning, no findings about the links.
    let malformed = Server::start(
        "127.0.0.1",
        vec![(
            "/api/query",
            route(|_, _| {
                Reply::Full(
                    200,
                    vec![("Content-Type", "application/atom+xml".into())],
                    b"<feed><entry><id>http://arxiv.org/abs/2401.00001v1</id><title>cut".to_vec(),
                )
            }),
        )],
    );
    let out = check(&malformed, &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    // Its link is neither broken nor ok: counted apart.
    assert_eq!(out.json["summary"]["links_unchecked"], 1, "{}", out.json);
    assert!(
        out.stderr.contains(
            "arXiv could not be asked: 1 link not checked, the titles of 1 paper not compared"
        ) && out.stderr.contains("malformed"),
        "{}",
        out.stderr
    );
    assert_eq!(malformed.requests().len(), 1);
    // In a workflow, also an annotation.
    let github = Command::cargo_bin("awesome-lint")
        .unwrap()
        .env_remove("GITHUB_TOKEN")
        .env_remove("GITHUB_STEP_SUMMARY")
        .args([
            "--format",
            "github",
            "--allow-private",
            "--no-config",
            "--no-cache",
        ])
        .arg("--arxiv-api-url")
        .arg(malformed.url("/api/"))
        .arg(&path)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&github.stdout);
    assert!(
        stdout.contains("::warning title=awesome-lint::arXiv could not be asked: 1 link not checked, the titles of 1 paper not compared"),
        "{stdout}"
    );
    assert!(
        findings(
            &out.json,
            &["title-mismatch", "broken-link", "unverifiable-link"]
        )
        .is_empty()
    );

    // Rate limited on every try: asked 1 + max_retries times, then one warning.
    let limited = Server::start(
        "127.0.0.1",
        vec![(
            "/api/query",
            route(|_, _| {
                Reply::Full(
                    429,
                    vec![("Retry-After", "0".into())],
                    b"Rate exceeded.".to_vec(),
                )
            }),
        )],
    );
    let out = check(&limited, &["--max-retries", "1"]);
    assert_eq!(limited.requests().len(), 2);
    assert!(
        out.stderr.contains("the arXiv API answered 429"),
        "{}",
        out.stderr
    );
    assert_eq!(out.code, 0);
}

#[test]
fn nothing_is_asked_offline_when_the_rule_is_off_or_the_link_excluded() {
    let arxiv = arxiv_api(HashMap::new());
    let text = "# Papers\n\n### 2024\n- [**ICLR 2024**] [**A**] A: Attention Is What You Need Here [[pdf]](https://arxiv.org/pdf/2401.00001.pdf)\n";
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("list.md");
    fs::write(&path, text).unwrap();
    let offline = run(lint()
        .arg(&path)
        .args(["--no-config", "--no-cache", "--offline", "--arxiv-api-url"])
        .arg(arxiv.url("/api/")));
    assert_eq!(offline.code, 0, "{}", offline.stderr);
    let excluded = run(lint()
        .arg(&path)
        .args([
            "--no-config",
            "--no-cache",
            "--exclude",
            "^https://arxiv",
            "--arxiv-api-url",
        ])
        .arg(arxiv.url("/api/")));
    assert_eq!(excluded.code, 0, "{}", excluded.stderr);
    assert!(arxiv.requests().is_empty(), "{:?}", arxiv.requests());

    // With the rule off, the link is still checked through the API.
    fs::write(
        dir.path().join(".awesome-lint.toml"),
        "[rules]\ntitle-mismatch = \"off\"\n",
    )
    .unwrap();
    let off = run(lint()
        .arg(&path)
        .args(["--no-cache", "--arxiv-api-url"])
        .arg(arxiv.url("/api/")));
    assert_eq!(arxiv.requests().len(), 1);
    let broken = findings(&off.json, &["broken-link"]);
    assert_eq!(broken.len(), 1, "{broken:?}");
    assert!(findings(&off.json, &["title-mismatch"]).is_empty());
}

#[test]
fn an_unreachable_api_counts_towards_an_unreachable_network() {
    let closed = |ip: &str| {
        let listener = std::net::TcpListener::bind((ip, 0)).unwrap();
        let port = listener.local_addr().unwrap().port();
        drop(listener);
        format!("http://{ip}:{port}")
    };
    let (api, code) = (closed("127.0.0.1"), closed("127.0.0.2"));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("list.md");
    let check = |text: &str| {
        fs::write(&path, text).unwrap();
        run(lint()
            .arg(&path)
            .args([
                "--no-config",
                "--no-cache",
                "--max-retries",
                "0",
                "--arxiv-api-url",
            ])
            .arg(format!("{api}/api/")))
    };
    // The API and a code host, both refusing: the network is down.
    let out = check(&format!(
        "# Papers\n\n### 2024\n- [**ICLR 2024**] [**A**] A: Attention Is What You Need Here [[pdf]](https://arxiv.org/pdf/2401.00001.pdf) [[code]]({code}/o/r)\n"
    ));
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr.contains("the network is unreachable"),
        "{}",
        out.stderr
    );
    // The API alone: that host is down, not the network; one warning.
    let out = check(
        "# Papers\n\n### 2024\n- [**ICLR 2024**] [**A**] A: Attention Is What You Need Here [[pdf]](https://arxiv.org/pdf/2401.00001.pdf)\n",
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr.contains(
            "arXiv could not be asked: 1 link not checked, the titles of 1 paper not compared"
        ),
        "{}",
        out.stderr
    );
}

#[test]
fn a_service_that_answers_503_to_everything_leaves_its_links_unchecked() {
    // The arXiv API and GitHub's both down (503 on every request, retries
    // included), the rest of the web up: each service's links are neither
    // broken nor ok, counted apart, and each service is named in one warning.
    let down = Server::start(
        "127.0.0.1",
        vec![(
            "/",
            route(|_, _| Reply::Full(503, vec![], b"down".to_vec())),
        )],
    );
    let web = Server::start(
        "127.0.0.1",
        vec![("/", route(|_, _| Reply::Full(200, vec![], Vec::new())))],
    );
    let text = format!(
        "# Papers\n\n### 2024\n\
         - [**ICLR 2024**] [**A**] A: Attention Is What You Need Here [[pdf]](https://arxiv.org/pdf/2401.00001.pdf) [[code]](https://github.com/o/a)\n\
         - [**ICML 2024**] [**B**] B: Another Paper on Other Things [[pdf]](https://arxiv.org/abs/2401.00002) [[code]](https://github.com/o/b)\n\
         - [**CVPR 2024**] [**C**] C: A Third Paper That Is Online [[paper]]({})\n",
        web.url("/c.html")
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("list.md");
    fs::write(&path, &text).unwrap();
    let summary_file = dir.path().join("summary.md");
    let mut cmd = lint();
    cmd.env("GITHUB_TOKEN", "ghp_secretsecretsecret")
        .env("GITHUB_STEP_SUMMARY", &summary_file)
        .args(["--no-config", "--no-cache", "--max-retries", "1"])
        .arg("--arxiv-api-url")
        .arg(down.url("/arxiv/"))
        .arg("--github-api-url")
        .arg(down.url("/github/"))
        .arg(&path);
    let out = run(&mut cmd);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        findings(
            &out.json,
            &["broken-link", "unverifiable-link", "title-mismatch"]
        ),
        []
    );
    assert_eq!(out.json["summary"]["links_checked"], 5);
    assert_eq!(out.json["summary"]["links_unchecked"], 4);
    let warnings: Vec<&str> = out
        .stderr
        .lines()
        .filter(|l| l.contains("could not be asked"))
        .collect();
    assert_eq!(warnings.len(), 2, "{}", out.stderr);
    assert!(
        warnings.iter().any(
            |w| w.contains("arXiv could not be asked: 2 links not checked") && w.contains("503")
        ),
        "{warnings:?}"
    );
    assert!(
        warnings.iter().any(
            |w| w.contains("GitHub could not be asked: 2 links not checked") && w.contains("503")
        ),
        "{warnings:?}"
    );
    // The page of the third paper was checked as usual; the services were
    // asked again once each, never link by link.
    assert_eq!(web.requests().len(), 1);
    assert!(
        down.requests().len() <= 8,
        "{} requests",
        down.requests().len()
    );

    // A workflow's view: annotations and the summary say so too.
    let mut cmd = Command::cargo_bin("awesome-lint").unwrap();
    cmd.env("GITHUB_TOKEN", "ghp_secretsecretsecret")
        .env("GITHUB_STEP_SUMMARY", &summary_file)
        .args([
            "--no-config",
            "--no-cache",
            "--max-retries",
            "0",
            "--format",
            "github",
            "--allow-private",
            "--arxiv-delay",
            "0.01",
        ])
        .arg("--arxiv-api-url")
        .arg(down.url("/arxiv/"))
        .arg("--github-api-url")
        .arg(down.url("/github/"))
        .arg(&path);
    let output = cmd.output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(
        stdout
            .lines()
            .filter(|l| l.starts_with("::warning title=awesome-lint::")
                && l.contains("could not be asked"))
            .count(),
        2,
        "{stdout}"
    );
    let written = fs::read_to_string(&summary_file).unwrap();
    assert!(
        written.contains("5 links checked, 4 of them could not be"),
        "{written}"
    );
}

#[test]
fn a_service_that_never_answers_in_time_leaves_its_links_unchecked() {
    // The arXiv API takes a connection and then says nothing: after the
    // timeout (and a retry), its links are unchecked, the run goes on.
    let silent = Server::start(
        "127.0.0.1",
        vec![(
            "/api/query",
            route(|_, _| {
                Reply::After(
                    std::time::Duration::from_secs(30),
                    Box::new(Reply::Full(200, vec![], Vec::new())),
                )
            }),
        )],
    );
    let text = "# Papers\n\n### 2024\n- [**ICLR 2024**] [**A**] A: Attention Is What You Need Here [[pdf]](https://arxiv.org/pdf/2401.00001.pdf)\n";
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("list.md");
    fs::write(&path, text).unwrap();
    let started = std::time::Instant::now();
    let out = run(lint()
        .args([
            "--no-config",
            "--no-cache",
            "--timeout",
            "1",
            "--max-retries",
            "1",
        ])
        .arg("--arxiv-api-url")
        .arg(silent.url("/api/"))
        .arg(&path));
    assert!(started.elapsed() < std::time::Duration::from_secs(20));
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(findings(&out.json, &["broken-link", "title-mismatch"]), []);
    assert_eq!(out.json["summary"]["links_unchecked"], 1);
    assert!(
        out.stderr
            .contains("arXiv could not be asked: 1 link not checked")
            && out.stderr.contains("no answer within 1 s"),
        "{}",
        out.stderr
    );
}

/// `venue-update`: preprints whose papers arXiv says were published, from
/// the `journal_ref` of the one batch the run asks for anyway. A workshop,
/// no `journal_ref`, and a tag that names a venue already are left alone;
/// the unsafe fix writes the venue as the list writes it, the year in the
/// tag's form, and nothing else.
#[test]
fn published_preprints_are_told_and_fixed_from_the_same_batch() {
    const PAPERS: [(&str, &str, Option<&str>); 5] = [
        (
            "2403.07636",
            "Decomposing Disease Descriptions for Pathology Detection",
            Some("CVPR 2024"),
        ),
        (
            "2401.00011",
            "Work: A Paper Shown at a Workshop",
            Some("ICML 2023 Workshop on Efficient Systems"),
        ),
        ("2401.00012", "Plain: A Preprint Still Unpublished", None),
        (
            "2401.00013",
            "Pub: A Conference Paper",
            Some("NeurIPS 2023"),
        ),
        (
            "2401.00014",
            "Short: A Paper Tagged With a Short Year",
            Some("Advances in Neural Information Processing Systems 36 (NeurIPS 2023)"),
        ),
    ];
    let arxiv = Server::start(
        "127.0.0.1",
        vec![(
            "/api/query",
            route(|seen, _| {
                let asked = id_list(seen);
                let known: Vec<(&str, u32, &str, Option<&str>)> = PAPERS
                    .iter()
                    .filter(|(id, _, _)| asked.iter().any(|a| a == id))
                    .map(|&(id, title, reference)| (id, 1, title, reference))
                    .collect();
                arxiv_feed_with_refs(&known)
            }),
        )],
    );
    let list = "\
# Papers

- [**arXiv 2023**] Decomposing Disease Descriptions for Pathology Detection [[pdf]](https://arxiv.org/pdf/2403.07636.pdf)
- [**arXiv 2023**] Work: A Paper Shown at a Workshop [[pdf]](https://arxiv.org/abs/2401.00011)
- [**arXiv 2023**] Plain: A Preprint Still Unpublished [[pdf]](https://arxiv.org/abs/2401.00012)
- [**NeurIPS 2023**] Pub: A Conference Paper [[pdf]](https://arxiv.org/abs/2401.00013)
- [**arXiv'23**] Short: A Paper Tagged With a Short Year [[pdf]](https://arxiv.org/abs/2401.00014)
";
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("list.md");
    fs::write(&path, list).unwrap();
    let online = |extra: &[&str]| {
        run(lint()
            .arg(&path)
            .args(["--no-config", "--no-cache", "--arxiv-api-url"])
            .arg(arxiv.url("/api/"))
            .args(extra))
    };
    let out = online(&[]);
    let found = findings(&out.json, &["venue-update"]);
    let lines: Vec<u64> = found.iter().map(|(l, _, _)| *l).collect();
    assert_eq!(lines, [3, 7], "{found:#?}\n{}", out.stderr);
    assert!(
        found[0].2.contains("tagged `arXiv 2023`") && found[0].2.contains("CVPR 2024"),
        "{:?}",
        found[0]
    );
    // The venue as the list writes it, the year in the tag's own form.
    let help: Vec<&str> = out.json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "venue-update")
        .filter_map(|d| d["help"].as_str())
        .collect();
    assert!(help[0].starts_with("write `CVPR 2024`"), "{help:?}");
    assert!(help[1].starts_with("write `NeurIPS'23`"), "{help:?}");
    // No request beyond the one arXiv batch.
    assert_eq!(arxiv.requests().len(), 1, "{:?}", arxiv.requests());

    let out = online(&["--fix", "--unsafe-fixes"]);
    assert!(
        out.stderr.is_empty() || !out.stderr.contains("did not apply"),
        "{}",
        out.stderr
    );
    let fixed = fs::read_to_string(&path).unwrap();
    assert_eq!(
        fixed,
        list.replace(
            "[**arXiv 2023**] Decomposing",
            "[**CVPR 2024**] Decomposing"
        )
        // (`'23` then written as the list's other tags write years.)
        .replace("[**arXiv'23**] Short", "[**NeurIPS 2023**] Short")
    );
    // Offline, nothing is asked and nothing said.
    let offline = run(lint().arg(&path).args(["--no-config", "--offline"]));
    assert!(findings(&offline.json, &["venue-update"]).is_empty());
}

/// `venue-update` on a thousand arXiv entries: the ten batches the link
/// check asks for anyway, and no request more.
#[test]
fn a_thousand_preprints_cost_only_the_arxiv_batches() {
    let titles: HashMap<String, (u32, String)> = (1..=1000)
        .map(|n| {
            (
                format!("2401.{n:05}"),
                (1, format!("Paper Number {n} on Learning Things")),
            )
        })
        .collect();
    let mut list = String::from("# Papers\n\n");
    for n in 1..=1000 {
        list.push_str(&format!(
            "- [**arXiv 2024**] Paper Number {n} on Learning Things [[pdf]](https://arxiv.org/abs/2401.{n:05})\n"
        ));
    }
    let arxiv = arxiv_api(titles);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("list.md");
    fs::write(&path, &list).unwrap();
    let s2 = semantic_scholar(&[]);
    let out = run(lint_asking(&s2)
        .arg(&path)
        .args(["--no-config", "--no-cache", "--arxiv-api-url"])
        .arg(arxiv.url("/api/")));
    // The loopback arXiv gives every paper `CVPR 2024` as its journal_ref.
    let found = findings(&out.json, &["venue-update"]);
    assert_eq!(found.len(), 1000, "{}", out.stderr);
    assert_eq!(arxiv.requests().len(), 10, "{:?}", arxiv.requests().len());
    // arXiv named every publication: the batch service is not asked.
    assert!(s2.requests().is_empty());
}

/// `venue-update` where arXiv names no publication: Semantic Scholar's
/// batch service, 500 papers a request, and only what DBLP indexes (a
/// workshop, arXiv's own DBLP record, and an unknown paper are no
/// publication). A thousand preprints cost two requests beyond the arXiv
/// batches.
#[test]
fn preprints_arxiv_names_no_venue_of_are_asked_in_batches_of_500() {
    let titles: HashMap<String, (u32, String)> = (1..=1000)
        .map(|n| {
            (
                format!("2311.{n:05}"),
                (1, format!("Paper Number {n} on Learning Things")),
            )
        })
        .collect();
    let titles = Arc::new(titles);
    let arxiv = Server::start(
        "127.0.0.1",
        vec![(
            "/api/query",
            route(move |seen, _| {
                let known: Vec<(String, u32, String)> = id_list(seen)
                    .into_iter()
                    .filter_map(|id| titles.get(&id).map(|(v, t)| (id.clone(), *v, t.clone())))
                    .collect();
                // No journal_ref for any of them.
                let refs: Vec<(&str, u32, &str, Option<&str>)> = known
                    .iter()
                    .map(|(id, v, t)| (id.as_str(), *v, t.as_str(), None))
                    .collect();
                arxiv_feed_with_refs(&refs)
            }),
        )],
    );
    const KNOWN: &[(&str, &str, &str)] = &[
        (
            "2311.00007",
            "Computer Vision and Pattern Recognition",
            "conf/cvpr/SmithJ24",
        ),
        (
            "2311.00512",
            "International Conference on Learning Representations",
            "conf/iclr/DoeR24",
        ),
        ("2311.00020", "arXiv.org", "journals/corr/abs-2311-00020"),
        (
            "2311.00030",
            "ICML Workshop on Things",
            "conf/icml/WorkshopX23",
        ),
    ];
    let s2 = semantic_scholar(KNOWN);
    let mut list = String::from("# Papers\n\n");
    for n in 1..=1000 {
        list.push_str(&format!(
            "- [**arXiv 2023**] Paper Number {n} on Learning Things [[pdf]](https://arxiv.org/abs/2311.{n:05})\n"
        ));
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("list.md");
    fs::write(&path, &list).unwrap();
    let out = run(lint_asking(&s2)
        .arg(&path)
        .args(["--no-config", "--no-cache", "--arxiv-api-url"])
        .arg(arxiv.url("/api/")));
    let found = findings(&out.json, &["venue-update"]);
    let lines: Vec<u64> = found.iter().map(|(l, _, _)| *l).collect();
    assert_eq!(lines, [9, 514], "{found:#?}\n{}", out.stderr);
    assert!(
        found[0].2.contains("Semantic Scholar gives “Computer Vision and Pattern Recognition”, 2024 (DBLP conf/cvpr/SmithJ24)"),
        "{found:?}"
    );
    let help: Vec<&str> = out.json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "venue-update")
        .filter_map(|d| d["help"].as_str())
        .collect();
    assert!(help[0].starts_with("write `CVPR 2024`"), "{help:?}");
    assert!(help[1].starts_with("write `ICLR 2024`"), "{help:?}");
    // Ten arXiv batches, and two batch-service requests of 500 papers.
    assert_eq!(arxiv.requests().len(), 10);
    let asked = s2.requests();
    assert_eq!(asked.len(), 2, "{asked:?}");
    assert!(asked.iter().all(|r| r.method == "POST"));
    let first: Value = serde_json::from_slice(&asked[0].body).unwrap();
    assert_eq!(first["ids"].as_array().unwrap().len(), 500);
    assert_eq!(first["ids"][0], "ARXIV:2311.00001");
}

/// `venue-update`'s fix links the published version where the list's
/// published entries carry a link beside arXiv's (here `[[paper](…)]`
/// before `[[arXiv](…)]`), from the DOI arXiv gives (`arxiv:doi`); a list
/// whose entries link arXiv alone gets the tag only.
#[test]
fn the_published_link_is_added_where_the_list_carries_one() {
    let arxiv = Server::start(
        "127.0.0.1",
        vec![(
            "/api/query",
            route(|seen, _| {
                let mut xml = String::from(
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xmlns:arxiv=\"http://arxiv.org/schemas/atom\">\n",
                );
                for id in id_list(seen) {
                    let published = id == "2403.07636";
                    xml.push_str(&format!(
                        "<entry><id>http://arxiv.org/abs/{id}v1</id><published>2023-11-01T00:00:00Z</published><title>Paper {id}</title><author><name>A. Author</name></author>{}</entry>\n",
                        if published {
                            "<arxiv:journal_ref>CVPR 2024</arxiv:journal_ref><arxiv:doi>10.1109/CVPR52733.2024.00042</arxiv:doi>"
                        } else {
                            ""
                        }
                    ));
                }
                xml.push_str("</feed>\n");
                Reply::Full(
                    200,
                    vec![("Content-Type", "application/atom+xml".into())],
                    xml.into_bytes(),
                )
            }),
        )],
    );
    let carried = "\
# Papers

- [**ICCV 2023**] Paper One [[paper](https://doi.org/10.1109/ICCV51070.2023.00001)] [[arXiv](https://arxiv.org/abs/2301.00001)]
- [**ICCV 2023**] Paper Two [[paper](https://doi.org/10.1109/ICCV51070.2023.00002)] [[arXiv](https://arxiv.org/abs/2301.00002)]
- [**ICCV 2023**] Paper Three [[paper](https://doi.org/10.1109/ICCV51070.2023.00003)] [[arXiv](https://arxiv.org/abs/2301.00003)]
- [**arXiv 2023**] Paper Four [[arXiv](https://arxiv.org/abs/2403.07636)]
";
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("list.md");
    let fix = |list: &str| {
        fs::write(&path, list).unwrap();
        let out = run(lint()
            .arg(&path)
            .args([
                "--no-config",
                "--no-cache",
                "--fix",
                "--unsafe-fixes",
                "--arxiv-api-url",
            ])
            .arg(arxiv.url("/api/")));
        assert!(!out.stderr.contains("did not apply"), "{}", out.stderr);
        fs::read_to_string(&path).unwrap()
    };
    assert_eq!(
        fix(carried),
        carried.replace(
            "- [**arXiv 2023**] Paper Four [[arXiv]",
            "- [**CVPR 2024**] Paper Four [[paper](https://doi.org/10.1109/CVPR52733.2024.00042)] [[arXiv]"
        )
    );
    // Entries that link arXiv alone: the tag only.
    let alone = "\
# Papers

- [**ICCV 2023**] Paper One [[arXiv](https://arxiv.org/abs/2301.00001)]
- [**ICCV 2023**] Paper Two [[arXiv](https://arxiv.org/abs/2301.00002)]
- [**ICCV 2023**] Paper Three [[arXiv](https://arxiv.org/abs/2301.00003)]
- [**arXiv 2023**] Paper Four [[arXiv](https://arxiv.org/abs/2403.07636)]
";
    assert_eq!(
        fix(alone),
        alone.replace("[**arXiv 2023**] Paper Four", "[**CVPR 2024**] Paper Four")
    );
}

//! Batched metadata against link-by-link checking, side by side in one run:
//! how many requests 1,000 entries cost, each with an arXiv pdf link and a
//! GitHub code link, and how long they take.
//!
//! - awesome-lint, batched: arXiv links through the arXiv API (100 ids a
//!   query, 3 s apart as arXiv asks), repositories through GitHub GraphQL
//!   (100 a query), both on loopback;
//! - awesome-lint, link by link: the same 2,000 links, each requested from a
//!   loopback host (what checking arxiv.org and github.com one by one costs);
//! - lychee on that list, when it is installed.
//!
//! Every server answers after 50 ms. Run: `cargo bench --bench metadata`
//! (part of `scripts/bench`). Never touches the network beyond loopback.

#[path = "../tests/support/mod.rs"]
mod support;

use std::process::Command;
use std::time::{Duration, Instant};

use support::{Reply, Server, arxiv_feed, arxiv_id_list, html, pdf, route};

const DELAY: Duration = Duration::from_millis(50);
const ENTRIES: usize = 1_000;

fn title(n: usize) -> String {
    format!("Paper Number {n} About Efficient Things")
}

fn main() {
    let api = Server::start(
        "127.0.0.1",
        vec![
            (
                "/arxiv/query",
                route(|seen, _| {
                    let ids = arxiv_id_list(seen);
                    let papers: Vec<(String, String)> = ids
                        .iter()
                        .map(|id| {
                            let n: usize = id[5..].parse().unwrap_or(0);
                            (id.clone(), title(n))
                        })
                        .collect();
                    let refs: Vec<(&str, u32, &str)> = papers
                        .iter()
                        .map(|(id, t)| (id.as_str(), 1, t.as_str()))
                        .collect();
                    Reply::After(DELAY, Box::new(arxiv_feed(&refs)))
                }),
            ),
            (
                "/github/graphql",
                route(|seen, _| {
                    let body = String::from_utf8_lossy(&seen.body).into_owned();
                    let mut data = Vec::new();
                    for (i, part) in body.split("repository(owner: \\\"").skip(1).enumerate() {
                        let owner = part.split("\\\"").next().unwrap_or_default();
                        let name = part
                            .split("name: \\\"")
                            .nth(1)
                            .and_then(|rest| rest.split("\\\"").next())
                            .unwrap_or_default();
                        data.push(format!(
                            r#""r{i}": {{"nameWithOwner": "{owner}/{name}", "isArchived": false, "url": "https://github.com/{owner}/{name}"}}"#
                        ));
                    }
                    let json = format!(r#"{{"data": {{{}}}}}"#, data.join(", "));
                    Reply::After(
                        DELAY,
                        Box::new(Reply::Full(
                            200,
                            vec![("Content-Type", "application/json".into())],
                            json.into_bytes(),
                        )),
                    )
                }),
            ),
        ],
    );
    let papers = Server::start(
        "127.0.0.2",
        vec![("/", route(|_, _| Reply::After(DELAY, Box::new(pdf()))))],
    );
    let repos = Server::start(
        "127.0.0.3",
        vec![("/", route(|_, _| Reply::After(DELAY, Box::new(html()))))],
    );

    let dir = std::env::temp_dir().join(format!(
        "awesome-lint-bench-metadata-{}",
        std::process::id()
    ));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let batched_list = dir.join("batched.md");
    let one_by_one_list = dir.join("one-by-one.md");
    let (mut batched, mut one_by_one) = (
        String::from("# Papers\n\n### 2024\n"),
        String::from("# Papers\n\n### 2024\n"),
    );
    for n in 1..=ENTRIES {
        let entry = |pdf: String, code: String| {
            format!(
                "- [**ICLR 2024**] [**P{n}**] {} [[pdf]]({pdf}) [[code]]({code})\n",
                title(n)
            )
        };
        batched.push_str(&entry(
            format!("https://arxiv.org/pdf/2401.{n:05}.pdf"),
            format!("https://github.com/o/repo{n}"),
        ));
        one_by_one.push_str(&entry(
            papers.url(&format!("/pdf/2401.{n:05}.pdf")),
            repos.url(&format!("/o/repo{n}")),
        ));
    }
    std::fs::write(&batched_list, batched).expect("write list");
    std::fs::write(&one_by_one_list, one_by_one).expect("write list");

    let ours = env!("CARGO_BIN_EXE_awesome-lint");
    let base = |list: &std::path::Path| {
        let mut cmd = Command::new(ours);
        cmd.args([
            "--allow-private",
            "--no-cache",
            "--no-config",
            "--quiet",
            "--format",
            "json",
        ]);
        cmd.arg(list);
        cmd.env_remove("GITHUB_TOKEN");
        cmd
    };
    println!(
        "{ENTRIES} entries, each an arXiv pdf link and a GitHub code link ({} links); every answer after {} ms\n",
        2 * ENTRIES,
        DELAY.as_millis()
    );
    println!(
        "{:<32} {:>9} {:>10} {:>8}",
        "checker", "requests", "wall", "result"
    );

    let mut cmd = base(&batched_list);
    cmd.arg("--arxiv-api-url")
        .arg(api.url("/arxiv/"))
        // (Never the real Semantic Scholar from a benchmark.)
        .arg("--semantic-scholar-api-url")
        .arg(api.url("/s2/"))
        .arg("--github-api-url")
        .arg(api.url("/github/"))
        .env("GITHUB_TOKEN", "bench-token");
    let (wall, ok) = time(&mut cmd);
    let requests = api.requests().len() + papers.requests().len() + repos.requests().len();
    row("awesome-lint, batched", requests, wall, ok);
    let arxiv_queries = api
        .requests()
        .iter()
        .filter(|s| s.path.starts_with("/arxiv/"))
        .count();
    let politeness = arxiv::DELAY.mul_f64(arxiv_queries.saturating_sub(1) as f64);

    let before = papers.requests().len() + repos.requests().len();
    let mut cmd = base(&one_by_one_list);
    cmd.arg("--link-by-link");
    let (wall, ok) = time(&mut cmd);
    let requests = papers.requests().len() + repos.requests().len() - before;
    row("awesome-lint, link by link", requests, wall, ok);

    match which("lychee") {
        Some(lychee) => {
            let before = papers.requests().len() + repos.requests().len();
            let mut cmd = Command::new(lychee);
            cmd.args([
                "--no-progress",
                "--max-concurrency",
                "64",
                "--host-request-interval",
                "0",
            ]);
            cmd.arg(&one_by_one_list);
            let started = Instant::now();
            let output = cmd.output();
            let wall = started.elapsed();
            let ok = output
                .as_ref()
                .is_ok_and(|o| o.status.code().is_some_and(|c| c <= 2));
            let requests = papers.requests().len() + repos.requests().len() - before;
            row("lychee, link by link", requests, wall, ok);
        }
        None => println!(
            "{:<32} not installed (`cargo install lychee` to compare)",
            "lychee"
        ),
    }
    println!(
        "\nbatched: {arxiv_queries} arXiv queries, whose politeness delay alone is {:.1} s; target: at most 30 requests in all",
        politeness.as_secs_f64()
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// The arXiv politeness delay, as the tool applies it by default.
mod arxiv {
    pub const DELAY: std::time::Duration = std::time::Duration::from_secs(3);
}

fn row(name: &str, requests: usize, wall: Duration, ok: bool) {
    println!(
        "{name:<32} {requests:>9} {:>9.2}s {:>8}",
        wall.as_secs_f64(),
        if ok { "ok" } else { "FAILED" }
    );
}

/// Runs a command; whether it exited 0 (every link fine, no finding).
fn time(cmd: &mut Command) -> (Duration, bool) {
    let started = Instant::now();
    let output = cmd.output();
    let wall = started.elapsed();
    let ok = output.as_ref().is_ok_and(|o| o.status.success());
    if let Ok(output) = &output
        && !output.status.success()
    {
        eprintln!("{}", String::from_utf8_lossy(&output.stderr));
    }
    (wall, ok)
}

fn which(program: &str) -> Option<std::path::PathBuf> {
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join(program))
            .find(|path| path.is_file())
    })
}

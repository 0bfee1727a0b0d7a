//! Hosts that fight back: each run must end within its timeouts and retries,
//! with the right finding, in bounded memory. Loopback only.

mod support;

use std::fs;
use std::io::Write;
use std::path::Path;
use std::time::{Duration, Instant};

use assert_cmd::Command;
use serde_json::Value;
use support::{Reply, Server, pdf, redirect, route, status};

fn list(links: &[String]) -> String {
    let mut text = String::from("### 2024\n");
    for (i, pdf) in links.iter().enumerate() {
        text.push_str(&format!(
            "- [**ICCV 2024**] [**H{i}**] H{i}: Hostile Host Number {i} [[pdf]]({pdf})\n"
        ));
    }
    text
}

/// Runs the linter on a list of links; returns exit code, JSON and wall time.
fn check(dir: &Path, links: &[String], args: &[&str]) -> (i32, Value, Duration) {
    let path = dir.join("list.md");
    fs::write(&path, list(links)).unwrap();
    let started = Instant::now();
    let output = Command::cargo_bin("awesome-lint")
        .unwrap()
        .args([
            "--no-config",
            "--no-cache",
            "--format",
            "json",
            "--allow-private",
        ])
        .args(args)
        .arg(&path)
        .timeout(Duration::from_secs(120))
        .output()
        .unwrap();
    let json = serde_json::from_slice(&output.stdout).unwrap_or(Value::Null);
    (output.status.code().unwrap_or(-1), json, started.elapsed())
}

fn findings(json: &Value) -> Vec<(u64, String, String)> {
    json["diagnostics"]
        .as_array()
        .map(|all| {
            all.iter()
                .map(|d| {
                    (
                        d["line"].as_u64().unwrap(),
                        d["rule"].as_str().unwrap().to_owned(),
                        d["message"].as_str().unwrap().to_owned(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn headers_trickled_one_byte_at_a_time_time_out_unchecked() {
    let head =
        b"HTTP/1.1 200 OK\r\nContent-Type: application/pdf\r\nContent-Length: 5\r\n\r\n%PDF-"
            .to_vec();
    let server = Server::start(
        "127.0.0.1",
        vec![(
            "/slow",
            route(move |_, _| Reply::Trickle(Duration::from_millis(300), head.clone())),
        )],
    );
    let dir = tempfile::tempdir().unwrap();
    let (code, json, took) = check(
        dir.path(),
        &[server.url("/slow")],
        &["--timeout", "1", "--max-retries", "1"],
    );
    // A host that does not answer in time was not asked: the link is
    // neither broken nor ok, and is counted apart.
    assert_eq!(code, 0, "{json}");
    assert_eq!(findings(&json), []);
    assert_eq!(json["summary"]["links_checked"], 1);
    assert_eq!(json["summary"]["links_unchecked"], 1);
    // Two attempts of 1 s and one backoff: never the 20 s the trickle would take.
    assert!(took < Duration::from_secs(15), "{took:?}");
    assert!(server.bytes_sent("/slow") < 20);
}

#[test]
fn an_endless_chain_of_growing_redirects_is_cut() {
    let server = Server::start(
        "127.0.0.1",
        vec![(
            "/grow",
            route(|seen, _| redirect(302, &format!("{}x", seen.path))),
        )],
    );
    let dir = tempfile::tempdir().unwrap();
    let (code, json, _) = check(dir.path(), &[server.url("/grow")], &[]);
    assert_eq!(code, 1);
    let found = findings(&json);
    assert_eq!(
        found[0].2,
        "`[[pdf]]` link is broken: more than 10 redirects"
    );
    assert!(
        server.requests().len() <= 11,
        "{} requests",
        server.requests().len()
    );
}

#[test]
fn a_gzip_bomb_is_never_inflated() {
    // 200 MB of zeros, gzipped to a few hundred KB, served as a vague type.
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    let zeros = vec![0u8; 1 << 20];
    for _ in 0..200 {
        encoder.write_all(&zeros).unwrap();
    }
    let bomb = encoder.finish().unwrap();
    let size = bomb.len();
    let server = Server::start(
        "127.0.0.1",
        vec![(
            "/bomb",
            route(move |_, _| {
                Reply::Full(
                    200,
                    vec![
                        ("Content-Type", "application/octet-stream".into()),
                        ("Content-Encoding", "gzip".into()),
                    ],
                    bomb.clone(),
                )
            }),
        )],
    );
    let dir = tempfile::tempdir().unwrap();
    let (code, json, _) = check(dir.path(), &[server.url("/bomb")], &[]);
    assert_eq!(code, 0, "a warning only");
    let found = findings(&json);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].1, "not-a-pdf");
    assert!(size < 1 << 20);
}

#[test]
fn invalid_bytes_in_headers_are_a_broken_link() {
    let server = Server::start(
        "127.0.0.1",
        vec![
            (
                "/bad-header",
                route(|_, _| {
                    Reply::Raw(
                        b"HTTP/1.1 200 OK\r\nX-Bad\x00: \xff\xfe\r\nContent-Length: 0\r\n\r\n"
                            .to_vec(),
                    )
                }),
            ),
            (
                "/bad-status",
                route(|_, _| Reply::Raw(b"HTTP/1.1 2x0 \xff\r\n\r\n".to_vec())),
            ),
        ],
    );
    let dir = tempfile::tempdir().unwrap();
    let (code, json, _) = check(
        dir.path(),
        &[server.url("/bad-header"), server.url("/bad-status")],
        &["--max-retries", "0"],
    );
    assert_eq!(code, 1);
    let found = findings(&json);
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(
        found.iter().all(|(_, rule, _)| rule == "broken-link"),
        "{found:?}"
    );
}

#[test]
fn a_host_that_always_asks_to_wait_an_hour_is_reported_not_waited_for() {
    let server = Server::start(
        "127.0.0.1",
        vec![(
            "/busy",
            route(|_, _| Reply::Full(429, vec![("Retry-After", "3600".into())], Vec::new())),
        )],
    );
    let dir = tempfile::tempdir().unwrap();
    let (code, json, took) = check(dir.path(), &[server.url("/busy")], &["--max-retries", "0"]);
    assert_eq!(code, 0, "unverifiable is a warning");
    let found = findings(&json);
    assert_eq!(found[0].1, "unverifiable-link");
    assert_eq!(
        found[0].2,
        "could not verify `[[pdf]]` link: 429 Too Many Requests"
    );
    assert!(took < Duration::from_secs(10), "{took:?}");
    // With retries, the wait is capped (unit-tested at 60 s in links::retry).
}

#[test]
fn two_thousand_links_to_a_host_that_resets_every_connection() {
    let server = Server::start("127.0.0.1", vec![("/", route(|_, _| Reply::Reset))]);
    let links: Vec<String> = (0..2000)
        .map(|i| server.url(&format!("/paper-{i}.pdf")))
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let started = Instant::now();
    let (code, json, _) = check(dir.path(), &links, &[]);
    let took = started.elapsed();
    assert_eq!(code, 1);
    let found = findings(&json);
    assert_eq!(found.len(), 2000);
    assert!(found.iter().all(|(_, rule, _)| rule == "broken-link"));
    // The host is given up on after a few failures, not hammered 6,000 times.
    assert!(
        server.requests().len() < 100,
        "{} requests",
        server.requests().len()
    );
    assert!(took < Duration::from_secs(30), "{took:?}");
}

#[test]
fn memory_stays_bounded_on_an_endless_body() {
    let server = Server::start(
        "127.0.0.1",
        vec![
            (
                "/endless",
                route(|_, _| {
                    Reply::Endless(
                        vec![("Content-Type", "application/octet-stream".into())],
                        b"%PDF-1.4\n".to_vec(),
                    )
                }),
            ),
            ("/paper", route(|_, _| pdf())),
            ("/gone", route(|_, _| status(410))),
        ],
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("list.md");
    let mut links: Vec<String> = (0..50)
        .map(|i| server.url(&format!("/endless/{i}")))
        .collect();
    links.push(server.url("/paper-1.pdf"));
    links.push(server.url("/gone"));
    fs::write(&path, list(&links)).unwrap();
    // Peak memory is read by GNU time, which this machine image has.
    assert!(
        Path::new("/usr/bin/time").exists(),
        "GNU time is needed to measure memory"
    );
    let bin = assert_cmd::cargo::cargo_bin("awesome-lint");
    let output = std::process::Command::new("/usr/bin/time")
        .args(["-f", "%M"])
        .arg(bin)
        .args([
            "--no-config",
            "--no-cache",
            "--format",
            "json",
            "--allow-private",
        ])
        .arg(&path)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    let max_rss_kib: u64 = stderr
        .lines()
        .last()
        .and_then(|l| l.trim().parse().ok())
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "one link is gone");
    assert!(max_rss_kib < 150 * 1024, "peak memory {max_rss_kib} KiB");
    // 50 endless bodies, each abandoned after its first bytes.
    let sent: usize = (0..50)
        .map(|i| server.bytes_sent(&format!("/endless/{i}")))
        .sum();
    assert!(sent < 50 * (16 << 20), "{sent} bytes sent");
}

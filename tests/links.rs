//! The link checker end to end, against servers on loopback that behave like
//! real hosts. Tests never touch the internet: every URL is 127.0.0.x.

mod support;

use std::collections::HashSet;
use std::fs;
use std::time::Duration;

use assert_cmd::Command;
use serde_json::Value;
use support::{Reply, Server, html, pdf, redirect, route, status};

fn lint() -> Command {
    let mut cmd = Command::cargo_bin("awesome-lint").unwrap();
    cmd.env_remove("GITHUB_TOKEN")
        .env_remove("NO_COLOR")
        .env_remove("FORCE_COLOR");
    cmd.args(["--no-config", "--no-cache", "--format", "json"]);
    cmd
}

struct Run {
    code: i32,
    json: Value,
    stdout: String,
    stderr: String,
}

fn run(cmd: &mut Command) -> Run {
    let output = cmd.output().unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    Run {
        code: output.status.code().unwrap_or(-1),
        json: serde_json::from_str(&stdout).unwrap_or(Value::Null),
        stdout,
        stderr: String::from_utf8(output.stderr).unwrap(),
    }
}

/// `(line, rule, message)` of the link findings.
fn link_findings(json: &Value) -> Vec<(u64, String, String)> {
    let link_rules = [
        "broken-link",
        "not-a-pdf",
        "moved-link",
        "unverifiable-link",
    ];
    json["diagnostics"]
        .as_array()
        .unwrap_or(&Vec::new())
        .iter()
        .filter(|d| link_rules.contains(&d["rule"].as_str().unwrap()))
        .map(|d| {
            (
                d["line"].as_u64().unwrap(),
                d["rule"].as_str().unwrap().to_owned(),
                d["message"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

/// A well-formed list: one entry per (pdf, code) pair, titles numbered.
fn list(links: &[(String, Option<String>)]) -> String {
    let mut text = String::from("# Links\n\n### 2024\n");
    for (i, (pdf, code)) in links.iter().enumerate() {
        text.push_str(&format!(
            "- [**ICCV 2024**] [**P{i}**] P{i}: Paper Number {i} [[pdf]]({pdf})"
        ));
        if let Some(code) = code {
            text.push_str(&format!(" [[code]]({code})"));
        }
        text.push('\n');
    }
    text
}

fn line_of(text: &str, needle: &str) -> u64 {
    text.lines().position(|l| l.contains(needle)).unwrap() as u64 + 1
}

fn hosts_behaving_like_the_web() -> Server {
    Server::start(
        "127.0.0.1",
        vec![
            ("/paper", route(|_, _| pdf())),
            ("/page.html", route(|_, _| html())),
            ("/missing", route(|_, _| status(404))),
            ("/gone", route(|_, _| status(410))),
            (
                "/flaky",
                route(|_, hit| if hit == 1 { status(503) } else { pdf() }),
            ),
            (
                "/busy",
                route(|_, hit| {
                    if hit == 1 {
                        Reply::Full(
                            429,
                            vec![("Retry-After", "1".into())],
                            b"slow down".to_vec(),
                        )
                    } else {
                        pdf()
                    }
                }),
            ),
            (
                "/moved",
                route(|_, _| redirect(301, "/paper-moved-target.pdf")),
            ),
            ("/temporary", route(|_, _| redirect(302, "/page.html"))),
            ("/loop-a", route(|_, _| redirect(301, "/loop-b"))),
            ("/loop-b", route(|_, _| redirect(301, "/loop-a"))),
            (
                "/slow",
                route(|_, _| Reply::After(Duration::from_secs(5), Box::new(pdf()))),
            ),
            (
                "/no-head",
                route(|seen, _| {
                    if seen.method == "HEAD" {
                        status(405)
                    } else {
                        pdf()
                    }
                }),
            ),
            (
                "/endless",
                route(|_, _| {
                    Reply::Endless(
                        vec![("Content-Type", "application/octet-stream".into())],
                        b"%PDF-1.4\n".to_vec(),
                    )
                }),
            ),
            ("/reset", route(|_, _| Reply::Reset)),
            ("/forbidden", route(|_, _| status(403))),
            ("/o/repo", route(|_, _| html())),
            ("/o/missing-repo", route(|_, _| status(404))),
            ("/shared-code", route(|_, _| html())),
        ],
    )
}

#[test]
fn every_behaviour_of_real_hosts_lands_on_its_line() {
    let server = hosts_behaving_like_the_web();
    let u = |path: &str| server.url(path);
    let entries = vec![
        (u("/paper-ok.pdf"), Some(u("/o/repo"))),
        (u("/page.html"), None),
        (u("/missing"), None),
        (u("/gone"), None),
        (u("/flaky"), None),
        (u("/busy"), None),
        (u("/moved"), None),
        (u("/paper-7.pdf"), Some(u("/temporary"))),
        (u("/paper-8.pdf"), Some(u("/loop-a"))),
        (u("/slow"), None),
        (u("/no-head"), None),
        (u("/endless"), None),
        (u("/paper-12.pdf"), Some(u("/reset"))),
        (u("/paper-13.pdf"), Some(u("/forbidden"))),
        (u("/paper-14.pdf"), Some(u("/o/missing-repo"))),
        (u("/paper-15.pdf"), Some(u("/shared-code#readme"))),
        (u("/paper-16.pdf"), Some(u("/shared-code"))),
        (u("/paper-17.pdf"), Some(u("/shared-code"))),
    ];
    let text = list(&entries);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("list.md");
    fs::write(&path, &text).unwrap();

    let out =
        run(lint()
            .arg(&path)
            .args(["--allow-private", "--timeout", "1", "--max-retries", "1"]));
    assert_eq!(out.code, 1, "{}\n{}", out.stdout, out.stderr);

    let line = |needle: &str| line_of(&text, needle);
    let mut expected: Vec<(u64, &str, String)> = vec![
        (
            line("/page.html"),
            "not-a-pdf",
            "`[[pdf]]` link serves text/html, not a PDF".into(),
        ),
        (
            line("/missing)"),
            "broken-link",
            "`[[pdf]]` link is broken: 404 Not Found".into(),
        ),
        (
            line("/gone"),
            "broken-link",
            "`[[pdf]]` link is broken: 410 Gone".into(),
        ),
        (
            line("/moved"),
            "moved-link",
            format!(
                "`[[pdf]]` link moved permanently to {}",
                u("/paper-moved-target.pdf")
            ),
        ),
        (
            line("/loop-a"),
            "broken-link",
            "`[[code]]` link is broken: redirect loop".into(),
        ),
        (
            line("/reset"),
            "broken-link",
            "`[[code]]` link is broken: the connection was reset".into(),
        ),
        (
            line("/forbidden"),
            "unverifiable-link",
            "could not verify `[[code]]` link: 403 Forbidden".into(),
        ),
        (
            line("/o/missing-repo"),
            "broken-link",
            "`[[code]]` link is broken: 404 Not Found".into(),
        ),
    ];
    expected.sort();
    let mut actual = link_findings(&out.json);
    actual.sort();
    let actual: Vec<(u64, &str, String)> = actual
        .iter()
        .map(|(l, r, m)| (*l, r.as_str(), m.clone()))
        .collect();
    assert_eq!(actual, expected, "\n{}", out.stdout);

    // Nothing else was reported: the list itself is well-formed.
    assert_eq!(
        out.json["diagnostics"].as_array().unwrap().len(),
        expected.len()
    );
    // Distinct URLs, once each (the fragment does not make another URL).
    assert_eq!(out.json["summary"]["links_checked"], 25);
    // The host that did not answer in time was not asked: neither broken
    // nor ok, counted apart and named once.
    assert_eq!(out.json["summary"]["links_unchecked"], 1);
    assert!(
        out.stderr
            .contains("1 link to `127.0.0.1` not checked: timed out after 1 s"),
        "{}",
        out.stderr
    );

    // 503 once and 429 once pass after a retry; the 429 waited its Retry-After.
    assert_eq!(server.requests_to("/flaky").len(), 2);
    assert_eq!(server.requests_to("/busy").len(), 2);
    // HEAD refused, GET answered.
    let methods: Vec<String> = server
        .requests_to("/no-head")
        .iter()
        .map(|s| s.method.clone())
        .collect();
    assert_eq!(methods, ["HEAD", "GET"]);
    // One URL listed three times is requested once.
    assert_eq!(server.requests_to("/shared-code").len(), 1);
    // The endless body was abandoned after its first bytes.
    let sent = server.bytes_sent("/endless");
    assert!(
        sent < 16 << 20,
        "the server sent {sent} bytes of an endless body"
    );
    // A redirect loop is cut, not followed forever.
    assert!(server.requests_to("/loop-a").len() <= 3);
    // The user agent names the tool and its version.
    let agent = server.requests()[0]
        .header("user-agent")
        .unwrap()
        .to_owned();
    assert!(
        agent.starts_with(&format!("awesome-lint/{}", env!("CARGO_PKG_VERSION"))),
        "{agent}"
    );
}

#[test]
fn private_addresses_are_never_requested_by_default() {
    let server = hosts_behaving_like_the_web();
    let text = list(&[(server.url("/paper-1.pdf"), Some(server.url("/o/repo")))]);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("list.md");
    fs::write(&path, &text).unwrap();
    let out = run(lint().arg(&path));
    assert_eq!(
        server.requests(),
        vec![],
        "no request may reach a loopback server"
    );
    assert_eq!(out.code, 0, "refused links are warnings: {}", out.stdout);
    let findings = link_findings(&out.json);
    assert_eq!(findings.len(), 2);
    for (line, rule, message) in findings {
        assert_eq!((line, rule.as_str()), (4, "unverifiable-link"));
        assert!(
            message.contains("not checked: `127.0.0.1` is a private or reserved address"),
            "{message}"
        );
    }
}

#[test]
fn a_redirect_to_a_closed_port_is_followed_and_left_unchecked() {
    let server = Server::start(
        "127.0.0.1",
        vec![
            (
                "/to-local",
                route(|_, _| redirect(302, "http://localhost:9/admin")),
            ),
            ("/paper", route(|_, _| pdf())),
        ],
    );
    let text = list(&[(server.url("/paper-1.pdf"), Some(server.url("/to-local")))]);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("list.md");
    fs::write(&path, &text).unwrap();
    let out = run(lint()
        .arg(&path)
        .args(["--allow-private", "--timeout", "2"]));
    // The closed port took no connection: the link could not be asked,
    // which is no verdict on it.
    assert_eq!(out.code, 0, "{}\n{}", out.stdout, out.stderr);
    assert_eq!(link_findings(&out.json), []);
    assert_eq!(out.json["summary"]["links_unchecked"], 1);
    assert!(
        out.stderr
            .contains("1 link to `127.0.0.1` not checked: could not connect"),
        "{}",
        out.stderr
    );
}

#[test]
fn exit_codes_follow_the_worst_link() {
    let server = hosts_behaving_like_the_web();
    let dir = tempfile::tempdir().unwrap();

    let only_warnings = dir.path().join("warn.md");
    fs::write(
        &only_warnings,
        list(&[(server.url("/page.html"), Some(server.url("/forbidden")))]),
    )
    .unwrap();
    let out = run(lint().arg(&only_warnings).arg("--allow-private"));
    assert_eq!(out.code, 0, "{}", out.stdout);
    assert_eq!(link_findings(&out.json).len(), 2);
    let out = run(lint()
        .arg(&only_warnings)
        .args(["--allow-private", "--deny-warnings"]));
    assert_eq!(out.code, 1);

    let broken = dir.path().join("broken.md");
    fs::write(&broken, list(&[(server.url("/missing"), None)])).unwrap();
    assert_eq!(run(lint().arg(&broken).arg("--allow-private")).code, 1);

    let clean = dir.path().join("clean.md");
    fs::write(
        &clean,
        list(&[(server.url("/paper-1.pdf"), Some(server.url("/o/repo")))]),
    )
    .unwrap();
    let out = run(lint().arg(&clean).arg("--allow-private"));
    assert_eq!(
        (out.code, link_findings(&out.json).len()),
        (0, 0),
        "{}",
        out.stdout
    );
}

#[test]
fn an_unreachable_network_is_one_message_and_exit_two() {
    // Two hosts with nothing listening: every connection is refused.
    let closed = |ip: &str| {
        let listener = std::net::TcpListener::bind((ip, 0)).unwrap();
        let port = listener.local_addr().unwrap().port();
        drop(listener);
        format!("http://{ip}:{port}")
    };
    let (a, b) = (closed("127.0.0.1"), closed("127.0.0.2"));
    let text = list(&[
        (format!("{a}/1.pdf"), Some(format!("{b}/r"))),
        (format!("{b}/2.pdf"), None),
    ]);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("list.md");
    fs::write(&path, &text).unwrap();
    let out = run(lint().arg(&path).arg("--allow-private"));
    assert_eq!(out.code, 2, "{}\n{}", out.stdout, out.stderr);
    assert!(
        out.stderr.contains("the network is unreachable"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("--offline"), "{}", out.stderr);
    assert_eq!(out.stderr.matches("unreachable").count(), 1);
    // The JSON says so too, with no place to point at.
    let failure = &out.json["failures"][0];
    assert!(
        failure["message"]
            .as_str()
            .unwrap()
            .contains("the network is unreachable"),
        "{}",
        out.stdout
    );
    assert!(failure["file"].is_null());

    // And so does a CI run: an annotation and the job summary.
    let summary = dir.path().join("summary.md");
    let out = run(Command::cargo_bin("awesome-lint")
        .unwrap()
        .args(["--no-config", "--no-cache", "--format", "github"])
        .env("GITHUB_STEP_SUMMARY", &summary)
        .arg(&path)
        .arg("--allow-private"));
    assert_eq!(out.code, 2);
    assert!(
        out.stdout
            .lines()
            .any(|l| l.starts_with("::error title=awesome-lint::") && l.contains("unreachable")),
        "{}",
        out.stdout
    );
    let written = fs::read_to_string(&summary).unwrap();
    assert!(written.contains("could not be completed"), "{written}");
    assert!(!written.contains("No findings"), "{written}");
}

#[test]
fn a_network_that_reaches_almost_nothing_is_unreachable_too() {
    // A sandbox or an egress firewall: eleven hosts refuse every
    // connection, one answers. Hundreds of "broken" links would be untrue.
    let server = hosts_behaving_like_the_web();
    let closed = |ip: String| {
        let listener = std::net::TcpListener::bind((ip.as_str(), 0)).unwrap();
        let port = listener.local_addr().unwrap().port();
        drop(listener);
        format!("http://{ip}:{port}")
    };
    let mut entries: Vec<(String, Option<String>)> = (2..=12)
        .map(|i| (format!("{}/{i}.pdf", closed(format!("127.0.0.{i}"))), None))
        .collect();
    entries.push((server.url("/paper-1.pdf"), None));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("list.md");
    fs::write(&path, list(&entries)).unwrap();
    let out = run(lint()
        .arg(&path)
        .args(["--allow-private", "--max-retries", "0"]));
    assert_eq!(out.code, 2, "{}\n{}", out.stdout, out.stderr);
    assert!(
        out.stderr
            .contains("the network is unreachable: 11 of the 12 links"),
        "{}",
        out.stderr
    );

    // Where a few hosts answer, the others are hosts down, not a network
    // down: their links could not be asked, and are neither broken nor ok.
    entries.truncate(3);
    entries.push((server.url("/paper-1.pdf"), Some(server.url("/o/repo"))));
    fs::write(&path, list(&entries)).unwrap();
    let out = run(lint()
        .arg(&path)
        .args(["--allow-private", "--max-retries", "0"]));
    assert_eq!(out.code, 0, "{}\n{}", out.stdout, out.stderr);
    assert_eq!(link_findings(&out.json), [], "{}", out.stdout);
    assert_eq!(out.json["summary"]["links_checked"], 5);
    assert_eq!(out.json["summary"]["links_unchecked"], 3);
    // One warning for each host that took no connection.
    assert_eq!(
        out.stderr.matches("not checked: could not connect").count(),
        3,
        "{}",
        out.stderr
    );
}

#[test]
fn offline_requests_nothing() {
    let server = hosts_behaving_like_the_web();
    let text = list(&[(server.url("/missing"), None)]);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("list.md");
    fs::write(&path, &text).unwrap();
    let out = run(lint().arg(&path).args(["--allow-private", "--offline"]));
    assert_eq!(out.code, 0);
    assert!(server.requests().is_empty());
    assert_eq!(out.json["summary"]["links_checked"], 0);
}

#[test]
fn successes_are_cached_failures_are_not() {
    let server = hosts_behaving_like_the_web();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("list.md");
    fs::write(
        &path,
        list(&[(server.url("/paper-1.pdf"), Some(server.url("/missing")))]),
    )
    .unwrap();
    let cache = dir.path().join("cache.json");
    let with_cache = || {
        let mut cmd = Command::cargo_bin("awesome-lint").unwrap();
        cmd.env_remove("GITHUB_TOKEN")
            .args([
                "--no-config",
                "--format",
                "json",
                "--allow-private",
                "--cache",
            ])
            .arg(&cache)
            .arg(&path);
        cmd
    };
    let first = run(&mut with_cache());
    assert_eq!(first.code, 1);
    assert!(cache.is_file());
    let second = run(&mut with_cache());
    assert_eq!(second.code, 1, "the broken link is checked again");
    assert_eq!(
        server.requests_to("/paper-1.pdf").len(),
        1,
        "the pdf came from the cache"
    );
    assert_eq!(server.requests_to("/missing").len(), 2);
    assert_eq!(link_findings(&first.json), link_findings(&second.json));

    // What a run allowed to reach private addresses saw is not reused by a
    // run that is not: the pdf is refused again, not taken from the cache.
    let strict = run(Command::cargo_bin("awesome-lint")
        .unwrap()
        .env_remove("GITHUB_TOKEN")
        .args(["--no-config", "--format", "json", "--cache"])
        .arg(&cache)
        .arg(&path));
    let refused: Vec<_> = link_findings(&strict.json)
        .into_iter()
        .filter(|(_, rule, message)| rule == "unverifiable-link" && message.contains("private"))
        .collect();
    assert_eq!(refused.len(), 2, "{}", strict.stdout);
    assert_eq!(server.requests_to("/paper-1.pdf").len(), 1);
    // And the strict run kept the permissive result for permissive runs.
    run(&mut with_cache());
    assert_eq!(server.requests_to("/paper-1.pdf").len(), 1);

    // A corrupt cache is a warning, not a crash.
    fs::write(&cache, "{ not json").unwrap();
    let third = run(&mut with_cache());
    assert_eq!(third.code, 1);
    assert!(
        third.stderr.contains("ignoring corrupt link cache"),
        "{}",
        third.stderr
    );
}

#[test]
fn github_repositories_through_the_api() {
    let api = Server::start(
        "127.0.0.1",
        vec![
            (
                "/api/repos/o/r",
                route(|_, _| {
                    json(
                        r#"{"full_name": "o/r", "html_url": "https://github.com/o/r", "archived": false}"#,
                    )
                }),
            ),
            ("/api/repos/o/gone", route(|_, _| status(404))),
            (
                "/api/repos/old/name",
                route(|_, _| redirect(301, "/api/repositories/42")),
            ),
            (
                "/api/repositories/42",
                route(|_, _| {
                    json(
                        r#"{"full_name": "new/name", "html_url": "https://github.com/new/name", "archived": false}"#,
                    )
                }),
            ),
            (
                "/api/repos/o/old",
                route(|_, _| {
                    json(
                        r#"{"full_name": "o/old", "html_url": "https://github.com/o/old", "archived": true}"#,
                    )
                }),
            ),
        ],
    );
    let entries = vec![
        (
            "https://arxiv.org/pdf/2401.00001.pdf".to_owned(),
            Some("https://github.com/o/r".to_owned()),
        ),
        (
            "https://arxiv.org/pdf/2401.00002.pdf".to_owned(),
            Some("https://github.com/o/r/tree/main/src".to_owned()),
        ),
        (
            "https://arxiv.org/pdf/2401.00003.pdf".to_owned(),
            Some("https://github.com/o/gone".to_owned()),
        ),
        (
            "https://arxiv.org/pdf/2401.00004.pdf".to_owned(),
            Some("https://github.com/old/name/tree/main".to_owned()),
        ),
        (
            "https://arxiv.org/pdf/2401.00005.pdf".to_owned(),
            Some("https://github.com/o/old".to_owned()),
        ),
    ];
    let text = list(&entries);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("list.md");
    fs::write(&path, &text).unwrap();
    let token = "ghp_secretsecretsecret";
    let out = run(lint()
        .arg(&path)
        .args(["--allow-private", "--exclude", "^https://arxiv"])
        .arg("--github-api-url")
        .arg(api.url("/api/"))
        .env("GITHUB_TOKEN", token));
    assert_eq!(out.code, 1, "{}\n{}", out.stdout, out.stderr);
    let findings = link_findings(&out.json);
    let summary: Vec<(u64, &str)> = findings.iter().map(|(l, r, _)| (*l, r.as_str())).collect();
    assert_eq!(
        summary,
        [(6, "broken-link"), (7, "moved-link"), (8, "broken-link")],
        "{findings:?}"
    );
    assert!(
        findings[1]
            .2
            .contains("https://github.com/new/name/tree/main"),
        "{:?}",
        findings[1]
    );
    assert!(findings[2].2.contains("archived"));
    let archived = &out.json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["line"] == 8)
        .unwrap()["severity"];
    assert_eq!(archived, "warning");

    // This API has no GraphQL (404): asked once, then one REST call per
    // repository, the token to the API only, and never across a redirect.
    let paths: HashSet<String> = api.requests().iter().map(|s| s.path.clone()).collect();
    assert_eq!(api.requests_to("/api/graphql").len(), 1);
    assert_eq!(
        api.requests_to("/api/repos/o/r").len(),
        1,
        "two links, one repository, one call"
    );
    assert_eq!(paths.len(), 6, "{paths:?}");
    for seen in api.requests() {
        let auth = seen.header("authorization");
        if seen.path.starts_with("/api/repositories/") {
            assert_eq!(auth, None, "the token crossed a redirect");
        } else {
            assert_eq!(auth, Some(format!("Bearer {token}").as_str()));
        }
    }
    assert!(!out.stdout.contains(token) && !out.stderr.contains(token));
}

fn json(body: &str) -> Reply {
    Reply::Full(
        200,
        vec![("Content-Type", "application/json".into())],
        body.as_bytes().to_vec(),
    )
}

#[test]
fn moved_links_are_fixed_only_when_checked_in_the_same_run() {
    let server = hosts_behaving_like_the_web();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("list.md");
    let text = list(&[(
        format!("{}#page=2", server.url("/moved")),
        Some(server.url("/o/repo")),
    )]);
    fs::write(&path, &text).unwrap();

    // Offline there is nothing known about the link: nothing to fix.
    let out = run(lint().arg(&path).args(["--offline", "--fix"]));
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(fs::read_to_string(&path).unwrap(), text);

    // Checked, the URL is replaced by its target; the fragment stays.
    let out = run(lint().arg(&path).args(["--allow-private", "--fix"]));
    assert_eq!(out.code, 0, "{}\n{}", out.stdout, out.stderr);
    let fixed = fs::read_to_string(&path).unwrap();
    assert_eq!(
        fixed,
        text.replace("/moved#page=2", "/paper-moved-target.pdf#page=2")
    );
    assert!(
        link_findings(&out.json).is_empty(),
        "nothing left: {}",
        out.stdout
    );
}

/// A URL fetched once for all its occurrences: it is `not-a-pdf` only where
/// it is labelled a PDF, not where the same URL is a `[[code]]` link or prose.
#[test]
fn a_page_reused_as_a_code_link_is_not_a_pdf_only_where_labelled_pdf() {
    let server = Server::start("127.0.0.1", vec![("/page.html", route(|_, _| html()))]);
    let page = server.url("/page.html");
    let text = format!(
        "# Links\n\n### 2024\n\
         - [**ICCV 2024**] [**A**] A: Paper Number One [[pdf]]({page})\n\
         - [**ICCV 2024**] [**B**] B: Paper Number Two [[pdf]]({pdf}) [[code]]({page})\n\
         \nSee also [the project page]({page}).\n",
        pdf = server.url("/b.pdf"),
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("list.md");
    fs::write(&path, &text).unwrap();
    let out = run(lint()
        .arg(&path)
        .args(["--allow-private", "--timeout", "2"]));
    let not_a_pdf: Vec<u64> = link_findings(&out.json)
        .into_iter()
        .filter(|(_, rule, _)| rule == "not-a-pdf")
        .map(|(line, _, _)| line)
        .collect();
    assert_eq!(not_a_pdf, vec![4], "{}", out.stdout);
}

/// A GitHub GraphQL endpoint: answers each aliased `repository(owner:,
/// name:)` as GitHub does, with `null` and an error of its type (`NOT_FOUND`,
/// `FORBIDDEN`) for the ones it will not describe.
fn graphql_answer(seen: &support::Seen) -> Reply {
    let request: Value = serde_json::from_slice(&seen.body).unwrap();
    let query = request["query"].as_str().unwrap();
    let pattern =
        regex::Regex::new(r#"(r\d+): repository\(owner: "([^"]*)", name: "([^"]*)"\)"#).unwrap();
    let mut data = serde_json::Map::new();
    let mut errors = Vec::new();
    for caps in pattern.captures_iter(query) {
        let (alias, owner, name) = (&caps[1], &caps[2], &caps[3]);
        let repo = |full: &str, archived: bool| {
            serde_json::json!({
                "nameWithOwner": full,
                "isArchived": archived,
                "url": format!("https://github.com/{full}"),
            })
        };
        let answer = match (owner, name) {
            ("old", "name") => repo("new/name", false),
            ("o", "old") => repo("o/old", true),
            ("o", "gone") | ("o", "saml") => {
                let kind = if name == "gone" {
                    "NOT_FOUND"
                } else {
                    "FORBIDDEN"
                };
                errors.push(serde_json::json!({
                    "type": kind,
                    "path": [alias],
                    "locations": [{"line": 1, "column": 9}],
                    "message": format!("Could not resolve to a Repository with the name '{owner}/{name}'."),
                }));
                Value::Null
            }
            _ => repo(&format!("{owner}/{name}"), false),
        };
        data.insert(alias.to_owned(), answer);
    }
    let mut body = serde_json::json!({ "data": data });
    if !errors.is_empty() {
        body["errors"] = Value::Array(errors);
    }
    json(&body.to_string())
}

#[test]
fn github_repositories_a_hundred_to_a_graphql_query() {
    let api = Server::start(
        "127.0.0.1",
        vec![
            ("/api/graphql", route(|seen, _| graphql_answer(seen))),
            (
                "/api/repos/o/saml",
                route(|_, _| {
                    json(
                        r#"{"full_name": "o/saml", "html_url": "https://github.com/o/saml", "archived": false}"#,
                    )
                }),
            ),
        ],
    );
    let mut entries: Vec<(String, Option<String>)> = (0..150)
        .map(|i| {
            (
                format!("https://arxiv.org/pdf/2401.{:05}.pdf", i + 1),
                Some(format!("https://github.com/o/repo{i}")),
            )
        })
        .collect();
    for (i, repo) in ["o/gone", "old/name", "o/old", "o/saml"].iter().enumerate() {
        entries.push((
            format!("https://arxiv.org/pdf/2402.{:05}.pdf", i + 1),
            Some(format!("https://github.com/{repo}")),
        ));
    }
    let text = list(&entries);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("list.md");
    fs::write(&path, &text).unwrap();
    let token = "ghp_secretsecretsecret";
    let check = |api: &Server| {
        run(lint()
            .arg(&path)
            .args(["--allow-private", "--exclude", "^https://arxiv"])
            .arg("--github-api-url")
            .arg(api.url("/api/"))
            .env("GITHUB_TOKEN", token))
    };
    let out = check(&api);
    let findings = link_findings(&out.json);
    let summary: Vec<(u64, &str)> = findings.iter().map(|(l, r, _)| (*l, r.as_str())).collect();
    let line = |repo: &str| line_of(&text, &format!("github.com/{repo})"));
    assert_eq!(
        summary,
        [
            (line("o/gone"), "broken-link"),
            (line("old/name"), "moved-link"),
            (line("o/old"), "broken-link"),
        ],
        "{findings:?}\n{}",
        out.stderr
    );
    assert!(
        findings[1].2.contains("https://github.com/new/name"),
        "{findings:?}"
    );
    assert!(findings[2].2.contains("archived"), "{findings:?}");

    // 154 repositories: two queries, in order, with the token; the one
    // GraphQL would not describe (FORBIDDEN) asked through REST.
    let queries = api.requests_to("/api/graphql");
    assert_eq!(queries.len(), 2);
    let sizes: Vec<usize> = queries
        .iter()
        .map(|q| {
            String::from_utf8_lossy(&q.body)
                .matches("repository(")
                .count()
        })
        .collect();
    assert_eq!(sizes, [100, 54]);
    assert!(queries.iter().all(
        |q| q.method == "POST" && q.header("authorization") == Some(&format!("Bearer {token}"))
    ));
    assert_eq!(api.requests().len(), 3, "{:?}", api.requests());
    assert_eq!(api.requests_to("/api/repos/o/saml").len(), 1);

    // Rate limited: asked once, then every repository through REST instead
    // (here, a 404 each).
    let limited = Server::start(
        "127.0.0.1",
        vec![(
            "/api/graphql",
            route(|_, _| {
                json(
                    r#"{"data": null, "errors": [{"type": "RATE_LIMITED", "code": "graphql_rate_limit", "message": "API rate limit exceeded for user ID 1."}]}"#,
                )
            }),
        )],
    );
    let out = check(&limited);
    assert_eq!(limited.requests_to("/api/graphql").len(), 1);
    assert_eq!(limited.requests().len(), 1 + 154);
    assert_eq!(link_findings(&out.json).len(), 154);
}

/// The link policy a run sets: `--accept` makes a status alive, and
/// `--user-agent`, `--header` and AWESOME_LINT_HEADERS go with every link
/// request (never printed); `--host-interval` spaces one host's requests.
#[test]
fn accepted_codes_user_agent_and_headers() {
    let server = Server::start(
        "127.0.0.1",
        vec![
            ("/forbidden", route(|_, _| status(403))),
            ("/teapot", route(|_, _| status(418))),
            (
                "/members",
                route(|seen, _| {
                    if seen.header("x-token") == Some("s3cret")
                        && seen.header("accept-language") == Some("en")
                    {
                        html()
                    } else {
                        status(404)
                    }
                }),
            ),
            (
                "/robots",
                route(|seen, _| {
                    if seen.header("user-agent") == Some("paper-bot/1.0") {
                        html()
                    } else {
                        status(404)
                    }
                }),
            ),
        ],
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("list.md");
    let text = format!(
        "# Sites\n\n- [a]({})\n- [b]({})\n- [c]({})\n- [d]({})\n",
        server.url("/forbidden"),
        server.url("/teapot"),
        server.url("/members"),
        server.url("/robots"),
    );
    fs::write(&path, &text).unwrap();
    let plain = run(lint().args(["--allow-private"]).arg(&path));
    let rules: Vec<(u64, String)> = link_findings(&plain.json)
        .into_iter()
        .map(|(line, rule, _)| (line, rule))
        .collect();
    assert_eq!(
        rules,
        [
            (3, "unverifiable-link".to_owned()),
            (4, "broken-link".to_owned()),
            (5, "broken-link".to_owned()),
            (6, "broken-link".to_owned()),
        ],
        "{}",
        plain.stdout
    );
    let told = run(lint()
        .args([
            "--allow-private",
            "--accept",
            "200..=299,403,418",
            "--user-agent",
            "paper-bot/1.0",
            "--header",
            "X-Token: s3cret",
        ])
        .env("AWESOME_LINT_HEADERS", "Accept-Language: en\n\n")
        .arg(&path));
    assert_eq!(link_findings(&told.json), [], "{}", told.stdout);
    assert_eq!(told.code, 0, "{}", told.stderr);
    assert!(!told.stdout.contains("s3cret") && !told.stderr.contains("s3cret"));
    // Only the user agent went with the other requests, not the header.
    let robots = server.requests_to("/robots");
    assert!(
        robots
            .iter()
            .any(|s| s.header("user-agent") == Some("paper-bot/1.0"))
    );
    // A malformed header stops the run before any request.
    let bad = run(lint()
        .args(["--allow-private", "--header", "no colon here"])
        .arg(&path));
    assert_eq!(bad.code, 2, "{}", bad.stderr);
    assert!(bad.stderr.contains("Name: value"), "{}", bad.stderr);
}

#[test]
fn one_hosts_requests_keep_the_interval_asked_for() {
    let server = Server::start("127.0.0.1", vec![("/", route(|_, _| html()))]);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("list.md");
    let text = format!(
        "# Sites\n\n- [a]({})\n- [b]({})\n- [c]({})\n",
        server.url("/one"),
        server.url("/two"),
        server.url("/three"),
    );
    fs::write(&path, &text).unwrap();
    let out = run(lint()
        .args(["--allow-private", "--host-interval", "300ms"])
        .arg(&path));
    assert_eq!(out.code, 0, "{}", out.stdout);
    let mut times: Vec<std::time::Instant> = server.requests().iter().map(|s| s.at).collect();
    times.sort();
    assert_eq!(times.len(), 3, "{:?}", server.requests());
    for pair in times.windows(2) {
        // (A lower bound only: the interval is the least gap, never the most.)
        assert!(
            pair[1] - pair[0] >= Duration::from_millis(280),
            "{:?}",
            pair[1] - pair[0]
        );
    }
}

/// Links into the repository: a `#fragment` against the file's own
/// headings (GitHub's slugs) and anchors, a relative path against the
/// files; pages GitHub serves above the repository (`../../issues`) are
/// left alone. No network is needed, so `--offline` checks them too (as
/// lychee's `--offline` checks local files).
#[test]
fn fragments_and_relative_files_that_lead_nowhere() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join(".git")).unwrap();
    fs::create_dir_all(dir.path().join("docs")).unwrap();
    fs::write(dir.path().join("docs/survey.md"), "# Survey\n").unwrap();
    let path = dir.path().join("README.md");
    let text = "# Awesome Things [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)\n\n\
- [Top](#awesome-things-)\n- [Papers 2024](#-papers-2024)\n- [Datasets](#datasets)\n\n\
## 🔥 Papers (2024)\n\n\
- [Survey notes](docs/survey.md) [More notes](docs/more.md) [Issues](../../issues)\n";
    fs::write(&path, text).unwrap();
    let out = run(lint().args(["--exclude", "awesome.re"]).arg(&path));
    let found = link_findings(&out.json);
    assert_eq!(
        found,
        [
            (
                5,
                "broken-link".to_owned(),
                "link is broken: no heading or anchor `#datasets` in this file".to_owned()
            ),
            (
                9,
                "broken-link".to_owned(),
                "link is broken: no file `docs/more.md` in the repository".to_owned()
            ),
        ],
        "{}",
        out.stdout
    );
    let offline = run(lint().args(["--offline"]).arg(&path));
    assert_eq!(link_findings(&offline.json), found);
}

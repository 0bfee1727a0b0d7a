//! Golden tests for the machine formats: GitHub workflow commands, the job
//! summary, and SARIF. Regenerate with `AWESOME_LINT_BLESS=1 cargo test --test formats`
//! and review the diff.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

fn fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(path)
}

/// Compares with a golden file, or writes it when blessing.
fn golden(name: &str, actual: &str) {
    let path = fixture("formats").join(name);
    if std::env::var_os("AWESOME_LINT_BLESS").is_some() {
        fs::write(&path, actual).unwrap();
    }
    let expected =
        fs::read_to_string(&path).unwrap_or_else(|_| panic!("missing {}", path.display()));
    assert_eq!(actual, expected, "{name} differs from the golden file");
}

/// The format fixture copied under a directory whose name needs escaping.
fn workspace() -> (tempfile::TempDir, &'static str) {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("dir,with:colon");
    fs::create_dir(&sub).unwrap();
    fs::copy(fixture("formats/list.md"), sub.join("list.md")).unwrap();
    (dir, "dir,with:colon/list.md")
}

fn lint(dir: &Path, args: &[&str]) -> (i32, String) {
    let output = Command::cargo_bin("awesome-lint")
        .unwrap()
        .current_dir(dir)
        .env_remove("GITHUB_STEP_SUMMARY")
        .args(["--offline", "--no-config"])
        .args(args)
        .output()
        .unwrap();
    (
        output.status.code().unwrap(),
        String::from_utf8(output.stdout).unwrap(),
    )
}

fn findings(dir: &Path, file: &str) -> usize {
    let (_, json) = lint(dir, &[file, "--format", "json"]);
    let value: Value = serde_json::from_str(&json).unwrap();
    value["diagnostics"].as_array().unwrap().len()
}

#[test]
fn github_annotations_escape_paths_and_messages() {
    let (dir, file) = workspace();
    let (code, out) = lint(dir.path(), &[file, "--format", "github"]);
    assert_eq!(code, 1);
    golden("github.expected", &out);
    // The path's `,` and `:` are escaped in the property, the message's `%`
    // and line break in the data.
    assert!(out.contains("::warning file=dir%2Cwith%3Acolon/list.md,line=4,col=106,"));
    assert!(out.contains("unknown link label `Cdoe%25`%0Ahelp: "));
    let annotations = out.lines().filter(|l| l.starts_with("::")).count();
    assert_eq!(annotations, findings(dir.path(), file));
}

#[test]
fn job_summary_is_appended_when_asked_for() {
    let (dir, file) = workspace();
    let summary = dir.path().join("summary.md");
    fs::write(&summary, "earlier step\n").unwrap();
    let output = Command::cargo_bin("awesome-lint")
        .unwrap()
        .current_dir(dir.path())
        .env("GITHUB_STEP_SUMMARY", &summary)
        .args(["--offline", "--no-config", file, "--format", "github"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let written = fs::read_to_string(&summary).unwrap();
    assert!(
        written.starts_with("earlier step\n"),
        "appended, not overwritten"
    );
    golden("summary.expected", &written["earlier step\n".len()..]);
}

#[test]
fn job_summary_is_cut_before_one_mebibyte() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from("### 2023\n");
    for i in 0..20_000 {
        text.push_str(&format!(
            "- [**CVPR 2023**] [**N{i}**] N{i}: Entry Number {i} With AMultimodal Title [[pdf]](https://arxiv.org/pdf/2301.{i:05}.pdf)\n"
        ));
    }
    fs::write(dir.path().join("big.md"), text).unwrap();
    let summary = dir.path().join("summary.md");
    let output = Command::cargo_bin("awesome-lint")
        .unwrap()
        .current_dir(dir.path())
        .env("GITHUB_STEP_SUMMARY", &summary)
        .args(["--offline", "--no-config", "big.md", "--format", "github"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "warnings only");
    let written = fs::read_to_string(&summary).unwrap();
    assert!(written.len() < 1024 * 1024, "{} bytes", written.len());
    assert!(written.contains("more not shown: the summary is limited to 1 MiB"));
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_eq!(
        stdout
            .lines()
            .filter(|l| l.starts_with("::warning"))
            .count(),
        20_000,
        "the log lists every finding"
    );
}

#[test]
fn sarif_describes_every_rule_and_locates_every_finding() {
    let (dir, file) = workspace();
    let (code, out) = lint(dir.path(), &[file, "--format", "sarif"]);
    assert_eq!(code, 1);
    let mut log: Value = serde_json::from_str(&out).unwrap();
    let driver = &log["runs"][0]["tool"]["driver"];
    assert_eq!(
        driver["rules"].as_array().unwrap().len(),
        awesome_lint::RULES.len()
    );
    for rule in driver["rules"].as_array().unwrap() {
        for key in [
            "id",
            "shortDescription",
            "fullDescription",
            "help",
            "defaultConfiguration",
        ] {
            assert!(!rule[key].is_null(), "{key} missing in {rule}");
        }
    }
    let results = log["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), findings(dir.path(), file));
    for result in results {
        let location = &result["locations"][0]["physicalLocation"];
        assert_eq!(
            location["artifactLocation"]["uri"],
            file.replace(':', "%3A")
        );
        assert!(location["region"]["startLine"].as_u64().unwrap() >= 1);
    }
    assert_eq!(
        log["runs"][0]["invocations"][0]["executionSuccessful"],
        true
    );
    // The base is where the test ran: absolute, a directory.
    let base = &mut log["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"];
    let uri = base.as_str().unwrap();
    assert!(uri.starts_with("file:///") && uri.ends_with('/'), "{uri}");
    *base = Value::from("file:///ROOT/");
    // The version changes with releases; the rest is golden.
    log["runs"][0]["tool"]["driver"]["version"] = Value::from("VERSION");
    log["runs"][0]["tool"]["driver"]["semanticVersion"] = Value::from("VERSION");
    golden(
        "sarif.expected",
        &serde_json::to_string_pretty(&log).unwrap(),
    );
}

/// An absolute path is reported relative to the base when it lies under it,
/// and as an absolute `file://` URI with no base when it does not.
#[test]
fn sarif_locations_are_relative_under_the_root_and_absolute_uris_outside() {
    let (dir, file) = workspace();
    let inside = dir.path().join(file);
    let outside_dir = tempfile::tempdir().unwrap();
    let outside = outside_dir.path().join("other list.md");
    fs::copy(fixture("formats/list.md"), &outside).unwrap();
    let (code, out) = lint(
        dir.path(),
        &[
            inside.to_str().unwrap(),
            outside.to_str().unwrap(),
            "--format",
            "sarif",
        ],
    );
    assert_eq!(code, 1);
    let log: Value = serde_json::from_str(&out).unwrap();
    let mut relative = 0;
    let mut absolute = 0;
    for result in log["runs"][0]["results"].as_array().unwrap() {
        let artifact = &result["locations"][0]["physicalLocation"]["artifactLocation"];
        let uri = artifact["uri"].as_str().unwrap();
        if artifact["uriBaseId"] == "%SRCROOT%" {
            assert_eq!(uri, file.replace(':', "%3A"));
            relative += 1;
        } else {
            assert!(artifact.get("uriBaseId").is_none());
            assert!(uri.starts_with("file:///"), "{uri}");
            assert!(uri.ends_with("/other%20list.md"), "{uri}");
            absolute += 1;
        }
    }
    assert!(
        relative > 0 && relative == absolute,
        "{relative} {absolute}"
    );
}

/// Run from a subdirectory of a git repository, paths are the repository's.
#[test]
fn paths_are_relative_to_the_repository_root() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("docs")).unwrap();
    fs::copy(fixture("formats/list.md"), dir.path().join("docs/list.md")).unwrap();
    git(dir.path(), &["init", "-q"]);
    let docs = dir.path().join("docs");
    let (_, out) = lint(&docs, &["list.md", "--format", "sarif"]);
    let log: Value = serde_json::from_str(&out).unwrap();
    let artifact =
        &log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"];
    assert_eq!(artifact["uri"], "docs/list.md");
    let (_, out) = lint(&docs, &["list.md", "--format", "github"]);
    assert!(out.contains("::error file=docs/list.md,"), "{out}");
}

/// A run that stops (exit 2) says why in every machine format, not only on
/// stderr: the annotation, the job summary, the JSON and the SARIF log.
#[test]
fn a_run_that_cannot_finish_says_why_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| {
        let summary = dir.path().join("summary.md");
        let _ = fs::remove_file(&summary);
        let output = Command::cargo_bin("awesome-lint")
            .unwrap()
            .current_dir(dir.path())
            .env("GITHUB_STEP_SUMMARY", &summary)
            .arg("--offline")
            .args(args)
            .output()
            .unwrap();
        (
            output.status.code().unwrap(),
            String::from_utf8(output.stdout).unwrap(),
            fs::read_to_string(&summary).unwrap_or_default(),
        )
    };

    // A list that does not exist.
    let (code, out, summary) = run(&["--no-config", "missing.md", "--format", "github"]);
    assert_eq!(code, 2);
    let annotation = out.lines().find(|l| l.starts_with("::error")).unwrap();
    assert!(
        annotation
            .starts_with("::error file=missing.md,title=awesome-lint::cannot read `missing.md`"),
        "{annotation}"
    );
    assert!(summary.contains("could not be completed"), "{summary}");
    assert!(summary.contains("`missing.md`: cannot read"), "{summary}");
    assert!(!summary.contains("No findings.\n"), "{summary}");

    // A bad value in the config: the annotation points at its line.
    fs::write(dir.path().join("list.md"), "# A list\n").unwrap();
    fs::write(
        dir.path().join(".awesome-lint.toml"),
        "[links]\nallow_private = true\n",
    )
    .unwrap();
    let (code, out, summary) = run(&["list.md", "--format", "github"]);
    assert_eq!(code, 2);
    assert!(
        out.contains("::error file=.awesome-lint.toml,line=2,col=17,title=awesome-lint::`allow_private` cannot be set"),
        "{out}"
    );
    assert!(summary.contains("`.awesome-lint.toml:2`"), "{summary}");

    let (code, out, _) = run(&["list.md", "--format", "json"]);
    assert_eq!(code, 2);
    let json: Value = serde_json::from_str(&out).unwrap();
    let failure = &json["failures"][0];
    assert_eq!(failure["file"], ".awesome-lint.toml");
    assert_eq!(failure["line"], 2);
    assert!(
        failure["message"]
            .as_str()
            .unwrap()
            .contains("allow_private")
    );

    let (code, out, _) = run(&["list.md", "--format", "sarif"]);
    assert_eq!(code, 2);
    let log: Value = serde_json::from_str(&out).unwrap();
    let invocation = &log["runs"][0]["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    let notification = &invocation["toolExecutionNotifications"][0];
    assert_eq!(notification["level"], "error");
    assert_eq!(
        notification["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        ".awesome-lint.toml"
    );
    assert_eq!(
        notification["locations"][0]["physicalLocation"]["region"]["startLine"],
        2
    );

    // One unreadable list among good ones: the others are still reported.
    let (code, out, summary) = run(&["--no-config", "list.md", "missing.md", "--format", "json"]);
    assert_eq!(code, 2);
    let json: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["summary"]["files"], 1);
    assert_eq!(json["failures"].as_array().unwrap().len(), 1);
    assert!(summary.is_empty());
}

fn git(dir: &Path, args: &[&str]) {
    let status = std::process::Command::new("git")
        .current_dir(dir)
        .args(args)
        .env("GIT_AUTHOR_NAME", "t")
        .env("GIT_AUTHOR_EMAIL", "t@example.org")
        .env("GIT_COMMITTER_NAME", "t")
        .env("GIT_COMMITTER_EMAIL", "t@example.org")
        .status()
        .unwrap();
    assert!(status.success(), "git {args:?}");
}

#[test]
fn changed_since_reports_only_what_the_change_touched() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    git(root, &["init", "-q", "-b", "main"]);
    // Old defects: a misspelled venue (line 3) and a doubled space (line 4).
    let old = "### 2023\n\
- [**ICCV 2023**] [**A**] A: First Paper [[pdf]](https://arxiv.org/pdf/2301.00001.pdf)\n\
- [**arxiv 2023**] [**B**] B: Second Paper [[pdf]](https://arxiv.org/pdf/2301.00002.pdf)\n\
- [**ICCV 2023**] [**C**]  C: Third Paper [[pdf]](https://arxiv.org/pdf/2301.00003.pdf)\n\
- [**ICCV 2023**] [**D**] D: Fourth Paper [[pdf]](https://arxiv.org/pdf/2301.00004.pdf)\n";
    fs::write(root.join("README.md"), old).unwrap();
    git(root, &["add", "README.md"]);
    git(root, &["commit", "-q", "-m", "list"]);
    // Change line 2 (a new defect: no space before the link) and append an
    // entry with a defect (filed in 2023, tagged 2022).
    let new = old.replace("A: First Paper [[pdf]]", "A: First Paper[[pdf]]")
        + "- [**ICCV 2022**] [**E**] E: Fifth Paper [[pdf]](https://arxiv.org/pdf/2201.00005.pdf)\n";
    fs::write(root.join("README.md"), new).unwrap();

    let output = Command::cargo_bin("awesome-lint")
        .unwrap()
        .current_dir(root)
        .args([
            "--offline",
            "--no-config",
            "--format",
            "json",
            "--changed-since",
            "HEAD",
            "README.md",
        ])
        .output()
        .unwrap();
    let value: Value = serde_json::from_slice(&output.stdout).unwrap();
    let found: Vec<(u64, &str)> = value["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["line"].as_u64().unwrap(), d["rule"].as_str().unwrap()))
        .collect();
    assert_eq!(found, [(2, "spacing"), (6, "year-section")]);
    assert_eq!(output.status.code(), Some(1));

    // A file that is new since the revision counts as wholly changed.
    fs::write(
        root.join("NEW.md"),
        "- [**arxiv 2023**] [**F**] F: New File [[pdf]](https://arxiv.org/pdf/2301.00006.pdf)\n",
    )
    .unwrap();
    let output = Command::cargo_bin("awesome-lint")
        .unwrap()
        .current_dir(root)
        .args([
            "--offline",
            "--no-config",
            "--format",
            "json",
            "--changed-since",
            "HEAD",
            "NEW.md",
        ])
        .output()
        .unwrap();
    let value: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(value["diagnostics"].as_array().unwrap().len(), 1);

    // A bad revision, and no repository at all: exit 2 with a clear message.
    let output = Command::cargo_bin("awesome-lint")
        .unwrap()
        .current_dir(root)
        .args([
            "--offline",
            "--no-config",
            "--changed-since",
            "no-such-branch",
            "README.md",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("`no-such-branch` is not a revision"));

    let elsewhere = tempfile::tempdir().unwrap();
    fs::write(elsewhere.path().join("x.md"), "# x\n").unwrap();
    let output = Command::cargo_bin("awesome-lint")
        .unwrap()
        .current_dir(elsewhere.path())
        .args([
            "--offline",
            "--no-config",
            "--changed-since",
            "HEAD",
            "x.md",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("is not in a git repository"));
}

//! The binary end to end: exit codes, output shapes, commands, config, bad input.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

fn fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(path)
}

/// The lint command, offline: these tests are about the rules, and tests never touch the internet.
fn lint() -> Command {
    let mut cmd = cmd();
    cmd.arg("--offline");
    cmd
}

fn cmd() -> Command {
    let mut cmd = Command::cargo_bin("awesome-lint").unwrap();
    // Keep runs independent of the developer's terminal and config files.
    cmd.env_remove("NO_COLOR")
        .env_remove("FORCE_COLOR")
        .env_remove("CLICOLOR")
        .env_remove("CLICOLOR_FORCE");
    cmd
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(cmd: &mut Command) -> Run {
    let output = cmd.output().unwrap();
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr: String::from_utf8(output.stderr).unwrap(),
    }
}

/// Lints `path` offline with no config and asserts it is clean: exit 0,
/// nothing found. `what` names the case in a failure.
fn assert_lints_clean(path: &Path, what: &str) {
    let out = run(lint().arg(path).arg("--no-config"));
    assert_eq!(out.code, 0, "{what}: {}", out.stdout);
    assert!(
        out.stdout.contains("0 errors, 0 warnings"),
        "{what}: {}",
        out.stdout
    );
}

fn json(args: &[&str]) -> (i32, Value) {
    let out = run(lint().args(args).args(["--format", "json", "--no-config"]));
    let value = serde_json::from_str(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", out.stdout));
    (out.code, value)
}

/// `(line, rule)` of every diagnostic, in output order.
fn lines_and_rules(value: &Value) -> Vec<(u64, String)> {
    value["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["line"].as_u64().unwrap(),
                d["rule"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[test]
fn acceptance_list_reports_each_defect_where_it_is() {
    let path = fixture("acceptance/paper-list.md");
    let (code, value) = json(&[path.to_str().unwrap()]);
    assert_eq!(code, 1);
    let expected: Vec<(u64, &str)> = vec![
        (8, "list-indent"),
        (8, "year-section"),
        (8, "venue-format"),
        (9, "list-indent"),
        (9, "title-format"),
        (14, "venue-format"),
        (21, "venue-format"),
        (23, "venue-format"),
        (25, "spacing"),
        (26, "name-mismatch"),
        (27, "title-format"),
        (29, "empty-link"),
        (29, "spacing"),
    ];
    let owned = |expected: Vec<(u64, &str)>| -> Vec<(u64, String)> {
        expected
            .into_iter()
            .map(|(l, r)| (l, r.to_owned()))
            .collect()
    };
    assert_eq!(lines_and_rules(&value), owned(expected.clone()));
    assert_eq!(value["summary"]["entries"], 19);
    // Defects are errors; the two entries indented unlike the list, a style warning.
    assert_eq!(value["summary"]["errors"], 5);
    assert_eq!(value["summary"]["warnings"], 8);

    // The whitespace nobody sees, once selected: warnings, between the others.
    let (code, value) = json(&[path.to_str().unwrap(), "--select", "whitespace"]);
    assert_eq!(code, 1);
    let mut with_whitespace = expected;
    with_whitespace.extend([
        (11, "whitespace"),
        (21, "whitespace"),
        (29, "whitespace"),
        (30, "whitespace"),
    ]);
    let mut with_whitespace = owned(with_whitespace);
    let mut found = lines_and_rules(&value);
    with_whitespace.sort();
    found.sort();
    assert_eq!(found, with_whitespace);
    assert_eq!(value["summary"]["errors"], 5);
    assert_eq!(value["summary"]["warnings"], 12);
}

#[test]
fn json_has_the_contract_shape() {
    let path = fixture("acceptance/paper-list.md");
    let (_, value) = json(&[path.to_str().unwrap()]);
    assert_eq!(value["version"], 1);
    let keys = |v: &Value| {
        let mut keys: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
        keys.sort();
        keys
    };
    assert_eq!(keys(&value), ["diagnostics", "summary", "version"]);
    assert_eq!(
        keys(&value["summary"]),
        [
            "entries",
            "errors",
            "files",
            "links_checked",
            "links_unchecked",
            "warnings"
        ]
    );
    let diagnostics = value["diagnostics"].as_array().unwrap();
    for d in diagnostics {
        assert_eq!(
            keys(d),
            [
                "column",
                "end_column",
                "end_line",
                "file",
                "fixable",
                "help",
                "line",
                "message",
                "rule",
                "severity"
            ]
        );
        assert!(d["file"].as_str().unwrap().ends_with("paper-list.md"));
        assert!(matches!(d["severity"].as_str(), Some("error" | "warning")));
    }
    // Sorted by line, then column.
    let positions: Vec<(u64, u64)> = diagnostics
        .iter()
        .map(|d| (d["line"].as_u64().unwrap(), d["column"].as_u64().unwrap()))
        .collect();
    let mut sorted = positions.clone();
    sorted.sort();
    assert_eq!(positions, sorted);
    // The year of `[**PMLR 2022(arxiv 2020)**]` on line 8: columns count characters.
    let year = diagnostics
        .iter()
        .find(|d| d["rule"] == "year-section")
        .unwrap();
    assert_eq!(
        (year["line"].as_u64(), year["column"].as_u64()),
        (Some(8), Some(11))
    );
    assert_eq!(
        (year["end_line"].as_u64(), year["end_column"].as_u64()),
        (Some(8), Some(15))
    );
    assert_eq!(year["fixable"], false);
    assert!(year["help"].as_str().unwrap().contains("line 10"));
}

#[test]
fn columns_count_characters_not_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("list.md");
    // `–` and `é` are multi-byte; the missing space is the 66th character.
    let line = "- [**ECCV 2022**] [**BioViL**] Vision–Language Processing for Radiologé[[pdf]](https://arxiv.org/pdf/2204.09817.pdf)";
    fs::write(&path, format!("### 2022\n{line}\n")).unwrap();
    let (_, value) = json(&[path.to_str().unwrap()]);
    let d = &value["diagnostics"][0];
    assert_eq!(d["rule"], "spacing");
    let expected = line
        .find("[[pdf]]")
        .map(|b| line[..b].chars().count() + 1)
        .unwrap();
    assert_eq!(d["column"].as_u64(), Some(expected as u64));
}

#[test]
fn well_formed_lists_pass_with_exit_zero() {
    for name in [
        "oldest-first",
        "newest-first",
        "topic-grouped",
        "crlf",
        "bom",
        "hard-breaks-and-versions",
        "cross-listed-and-software",
        "version-dates",
    ] {
        assert_lints_clean(&fixture(&format!("well-formed/{name}.md")), name);
    }
}

#[test]
fn crlf_and_bom_positions_match_lf() {
    let dir = tempfile::tempdir().unwrap();
    let body = "### 2023\n- [**arxiv 2023**] [**X**] X: A Title [[pdf]](https://arxiv.org/pdf/2301.00001.pdf)\n";
    let mut positions = Vec::new();
    for (name, text) in [
        ("lf.md", body.to_owned()),
        ("crlf.md", body.replace('\n', "\r\n")),
        ("bom.md", format!("\u{feff}{}", body.replace('\n', "\r\n"))),
    ] {
        let path = dir.path().join(name);
        fs::write(&path, text).unwrap();
        let (_, value) = json(&[path.to_str().unwrap()]);
        let d = &value["diagnostics"][0];
        positions.push((
            d["line"].clone(),
            d["column"].clone(),
            d["end_column"].clone(),
        ));
    }
    assert_eq!(positions[0], positions[1]);
    assert_eq!(positions[0], positions[2]);
    assert_eq!(positions[0].1, 6);
}

#[test]
fn text_output_points_at_the_span_with_a_help_line() {
    let path = fixture("acceptance/paper-list.md");
    let out = run(lint().arg(&path).args(["--no-config", "--color", "never"]));
    assert_eq!(out.code, 1);
    assert!(out.stdout.contains("paper-list.md:8:11]"), "{}", out.stdout);
    assert!(
        out.stdout
            .contains("entry from 2022/2020 is in the 2021 section")
    );
    assert!(out.stdout.contains("tagged 2022"));
    assert!(
        out.stdout
            .contains("help: move it to the 2022 section (line 10)")
    );
    assert!(out.stdout.contains("did you mean `NeurIPS`?"));
    assert!(
        !out.stdout.contains('\u{1b}'),
        "no color when asked for none"
    );
    assert!(
        out.stdout
            .trim_end()
            .ends_with("Checked 1 file, 19 entries: 5 errors, 8 warnings.")
    );
}

#[test]
fn color_follows_flags_and_environment() {
    let path = fixture("acceptance/paper-list.md");
    let always = run(lint().arg(&path).args(["--no-config", "--color", "always"]));
    assert!(always.stdout.contains('\u{1b}'));
    let forced = run(lint().arg(&path).arg("--no-config").env("FORCE_COLOR", "1"));
    assert!(forced.stdout.contains('\u{1b}'));
    let piped = run(lint().arg(&path).arg("--no-config"));
    assert!(!piped.stdout.contains('\u{1b}'));
    let no_color = run(lint()
        .arg(&path)
        .arg("--no-config")
        .env("NO_COLOR", "1")
        .env("FORCE_COLOR", "1"));
    assert!(!no_color.stdout.contains('\u{1b}'));
}

#[test]
fn quiet_drops_the_summary_and_deny_warnings_fails_on_warnings() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("warn.md");
    fs::write(
        &path,
        "### 2023\n- [**arxiv 2023**] [**X**] X: A Title [[pdf]](https://arxiv.org/pdf/2301.00001.pdf)\n",
    )
    .unwrap();
    let normal = run(lint().arg(&path).arg("--no-config"));
    assert_eq!(normal.code, 0, "warnings alone pass");
    assert!(normal.stdout.contains("0 errors, 1 warning."));
    let denied = run(lint()
        .arg(&path)
        .args(["--no-config", "--deny-warnings", "--quiet"]));
    assert_eq!(denied.code, 1);
    assert!(!denied.stdout.contains("Checked"));
    assert!(denied.stdout.contains("venue-format"));
}

#[test]
fn several_files_are_reported_in_file_order() {
    let dir = tempfile::tempdir().unwrap();
    let entry =
        "- [**arxiv 2023**] [**X**] X: A Title [[pdf]](https://arxiv.org/pdf/2301.00001.pdf)\n";
    fs::write(dir.path().join("b.md"), entry).unwrap();
    fs::write(dir.path().join("a.md"), entry).unwrap();
    let out = run(lint().current_dir(dir.path()).args([
        "b.md",
        "a.md",
        "--format",
        "json",
        "--no-config",
    ]));
    let value: Value = serde_json::from_str(&out.stdout).unwrap();
    let files: Vec<&str> = value["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["file"].as_str().unwrap())
        .collect();
    assert_eq!(files, ["a.md", "b.md"]);
    assert_eq!(value["summary"]["files"], 2);
}

#[test]
fn default_file_is_readme() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(lint().current_dir(dir.path()).arg("--no-config"));
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("README.md"), "{}", out.stderr);
    fs::write(
        dir.path().join("README.md"),
        "### 2023\n- [**ICCV 2023**] [**X**] X: A Title [[pdf]](https://arxiv.org/pdf/2301.00001.pdf)\n",
    )
    .unwrap();
    let out = run(lint().current_dir(dir.path()).arg("--no-config"));
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    assert!(out.stdout.contains("Checked 1 file, 1 entry"));
}

#[test]
fn bad_input_is_a_clear_error_never_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let missing = run(lint().arg(dir.path().join("nope.md")).arg("--no-config"));
    assert_eq!(missing.code, 2);
    assert!(missing.stderr.contains("cannot read"), "{}", missing.stderr);

    let directory = run(lint().arg(dir.path()).arg("--no-config"));
    assert_eq!(directory.code, 2);
    assert!(
        directory.stderr.contains("is a directory"),
        "{}",
        directory.stderr
    );

    let binary = dir.path().join("latin1.md");
    fs::write(&binary, b"# List\nna\xefve\n").unwrap();
    let not_utf8 = run(lint().arg(&binary).arg("--no-config"));
    assert_eq!(not_utf8.code, 2);
    assert!(
        not_utf8
            .stderr
            .contains("not valid UTF-8 (line 2, column 3)"),
        "{}",
        not_utf8.stderr
    );

    let empty = dir.path().join("empty.md");
    fs::write(&empty, "").unwrap();
    let out = run(lint().arg(&empty).arg("--no-config"));
    assert_eq!(out.code, 0);
    assert!(out.stdout.contains("0 entries"));

    // An unreadable file among readable ones: the others are still linted.
    let good = dir.path().join("good.md");
    fs::write(
        &good,
        "- [**arxiv 2023**] [**X**] X: T [[pdf]](https://arxiv.org/pdf/2301.00001.pdf)\n",
    )
    .unwrap();
    let mixed = run(lint().arg(&good).arg(dir.path().join("nope.md")).args([
        "--no-config",
        "--format",
        "json",
    ]));
    assert_eq!(mixed.code, 2);
    let value: Value = serde_json::from_str(&mixed.stdout).unwrap();
    assert_eq!(value["summary"]["files"], 1);
}

#[test]
fn huge_lines_and_deep_nesting_finish() {
    let dir = tempfile::tempdir().unwrap();
    // A 5 MB single line: an entry whose title never ends.
    let long = dir.path().join("long.md");
    let title = "word ".repeat(1_000_000);
    let line = format!(
        "- [**ICCV 2023**] [**X**] {}[[pdf]](https://arxiv.org/pdf/2301.00001.pdf)",
        title.trim_end()
    );
    fs::write(&long, format!("### 2023\n{line}\n")).unwrap();
    let out = run(lint().arg(&long).args(["--no-config", "--format", "json"]));
    assert_eq!(out.code, 1, "{}", out.stderr);
    let value: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(value["summary"]["entries"], 1);
    assert_eq!(lines_and_rules(&value), [(2, "spacing".to_owned())]);
    let column = line.find("[[pdf]]").unwrap() + 1;
    assert_eq!(
        value["diagnostics"][0]["column"].as_u64(),
        Some(column as u64)
    );
    // Text output shows a window of the 5 MB line (miette panicked on it whole).
    let out = run(lint().arg(&long).args(["--no-config", "--color", "never"]));
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        out.stdout.contains(&format!("long.md:2:{column}]")),
        "{}",
        &out.stdout[..out.stdout.len().min(2000)]
    );
    assert!(out.stdout.contains("add a space before this"));
    assert!(
        out.stdout.len() < 10_000,
        "the snippet is a window, not the line"
    );

    // 5,000 unbalanced link openers on one line: every finding rendered.
    let brackets = dir.path().join("brackets.md");
    fs::write(
        &brackets,
        format!("### 2023\n- [**ICCV 2023**] {}\n", "[[pdf]](".repeat(5_000)),
    )
    .unwrap();
    let out = run(lint()
        .arg(&brackets)
        .args(["--no-config", "--color", "never", "--quiet"]));
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(out.stdout.matches("has no URL").count() == 5_000);

    // 5,000 nested list levels.
    let nested = dir.path().join("nested.md");
    let mut text = String::new();
    for depth in 0..5_000 {
        text.push_str(&"  ".repeat(depth));
        text.push_str("- item\n");
    }
    fs::write(&nested, &text).unwrap();
    let out = run(lint().arg(&nested).args(["--no-config", "--quiet"]));
    assert_eq!(out.code, 0, "{}", out.stderr);

    // The same nesting written on one line.
    let inline = dir.path().join("inline.md");
    fs::write(&inline, format!("{}x\n", "- ".repeat(5_000))).unwrap();
    let out = run(lint().arg(&inline).args(["--no-config", "--quiet"]));
    assert_eq!(out.code, 0, "{}", out.stderr);
}

#[test]
fn bad_usage_exits_two() {
    let out = run(lint().args(["--format", "xml"]));
    assert_eq!(out.code, 2);
    let out = run(lint().args(["--config", "x.toml", "--no-config"]));
    assert_eq!(out.code, 2);
}

#[test]
fn concise_lines_and_statistics() {
    let path = fixture("acceptance/paper-list.md");
    let path = path.to_str().unwrap();
    let concise = run(cmd().args([path, "--offline", "--no-config", "--format", "concise"]));
    assert_eq!(concise.code, 1, "{}", concise.stderr);
    let lines: Vec<&str> = concise.stdout.lines().collect();
    let (findings, summary) = lines.split_at(lines.len() - 1);
    assert!(
        summary[0].starts_with("Checked 1 file"),
        "{}",
        concise.stdout
    );
    for line in findings {
        // `path:line:col: severity[rule] message`
        let rest = line
            .strip_prefix(&format!("{path}:"))
            .unwrap_or_else(|| panic!("{line}"));
        let mut parts = rest.splitn(3, ':');
        assert!(parts.next().unwrap().parse::<usize>().is_ok(), "{line}");
        assert!(parts.next().unwrap().parse::<usize>().is_ok(), "{line}");
        let tail = parts.next().unwrap();
        assert!(
            tail.starts_with(" error[") || tail.starts_with(" warning["),
            "{line}"
        );
    }
    assert!(
        concise
            .stdout
            .contains("warning[venue-format] `NIPS` is spelled `NeurIPS` [*]")
    );

    let stats = run(cmd().args([path, "--offline", "--no-config", "--statistics", "--quiet"]));
    assert_eq!(stats.code, 1);
    let total: usize = stats
        .stdout
        .lines()
        .map(|l| {
            l.split_whitespace()
                .next()
                .unwrap()
                .parse::<usize>()
                .unwrap()
        })
        .sum();
    assert_eq!(total, findings.len(), "{}", stats.stdout);
    assert!(
        stats.stdout.lines().any(|l| l.contains("  venue-format")),
        "{}",
        stats.stdout
    );
}

#[test]
fn entries_as_json_and_csv() {
    let path = fixture("acceptance/paper-list.md");
    let out = run(cmd().args(["entries", path.to_str().unwrap()]));
    assert_eq!(out.code, 0, "{}", out.stderr);
    let value: Value = serde_json::from_str(&out.stdout).unwrap();
    let entries = value["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 19);
    let first = &entries[0];
    assert_eq!(first["line"], 8);
    assert_eq!(first["section"], 2021);
    assert_eq!(first["venue"], "PMLR");
    assert_eq!(first["venue_tag"], "PMLR 2022(arxiv 2020)");
    assert_eq!(first["years"], serde_json::json!([2022, 2020]));
    assert_eq!(first["name"], "ConViRT");
    assert_eq!(first["links"][0]["label"], "pdf");
    assert_eq!(first["links"][0]["category"], "paper");
    assert_eq!(
        first["links"][0]["url"],
        "https://arxiv.org/pdf/2010.00747.pdf"
    );
    let nips = entries.iter().find(|e| e["venue"] == "NIPS").unwrap();
    assert_eq!(nips["canonical_venue"], "NeurIPS");
    let asg = entries.last().unwrap();
    assert_eq!(asg["links"][1]["url"], Value::Null);

    let csv = run(cmd().args(["entries", "--format", "csv", path.to_str().unwrap()]));
    assert_eq!(csv.code, 0);
    let rows: Vec<&str> = csv.stdout.lines().collect();
    assert_eq!(rows.len(), 20);
    assert_eq!(
        rows[0],
        "line,section,venue,years,name,title,pdf,code,other_links,authors,year,month,paper_url,code_url"
    );
    assert!(
        rows[1].starts_with("8,2021,PMLR,2022;2020,ConViRT,"),
        "{}",
        rows[1]
    );
    // The paper's link by its category, whatever its label (`pdf` here).
    assert!(
        rows[1].ends_with(
            ",https://arxiv.org/pdf/2010.00747.pdf,https://github.com/edreisMD/ConVIRT-pytorch"
        ),
        "{}",
        rows[1]
    );
    // A title with a comma is quoted.
    assert!(csv.stdout.contains(",\"Align, Reason and Learn: Enhancing"));

    let missing = run(cmd().args(["entries", "nope.md"]));
    assert_eq!(missing.code, 2);
}

#[test]
fn rules_lists_every_rule() {
    let out = run(cmd().arg("rules"));
    assert_eq!(out.code, 0);
    for name in [
        "entry-format",
        "empty-link",
        "spacing",
        "list-indent",
        "venue-format",
        "name-mismatch",
        "title-format",
        "link-kind",
        "year-section",
        "section-order",
        "duplicate-entry",
        "broken-link",
        "not-a-pdf",
        "moved-link",
        "unverifiable-link",
    ] {
        assert!(
            out.stdout
                .lines()
                .any(|line| line.starts_with(&format!("{name} "))),
            "{name} missing from:\n{}",
            out.stdout
        );
    }
    let spacing = out
        .stdout
        .lines()
        .find(|l| l.starts_with("spacing "))
        .unwrap();
    assert!(
        spacing.contains("error") && spacing.contains("safe"),
        "{spacing}"
    );
    let year = out
        .stdout
        .lines()
        .find(|l| l.starts_with("year-section "))
        .unwrap();
    assert!(year.contains("unsafe"), "{year}");
    // Outside the default set: shown off.
    let whitespace = out
        .stdout
        .lines()
        .find(|l| l.starts_with("whitespace "))
        .unwrap();
    assert!(whitespace.contains(" off "), "{whitespace}");
}

/// A list whose only defects are whitespace nobody sees, and one missing space everybody does.
fn list_with_invisible_whitespace() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join(".git")).unwrap();
    let list = dir.path().join("list.md");
    fs::write(
        &list,
        "### 2024\n- [**CVPR 2024**] [**KAD**]  Knowledge-enhanced Pre-training [[pdf]](https://arxiv.org/pdf/2302.14042.pdf) \n  \n- [**CVPR 2024**] [**ECAMP**] Entity-centered Pre-training[[pdf]](https://arxiv.org/pdf/2312.13316.pdf)\n",
    )
    .unwrap();
    (dir, list)
}

fn rules_reported(out: &Run) -> Vec<String> {
    let value: Value = serde_json::from_str(&out.stdout).unwrap();
    lines_and_rules(&value)
        .into_iter()
        .map(|(line, rule)| format!("{line}:{rule}"))
        .collect()
}

#[test]
fn a_list_that_names_its_links_is_checked_only_for_slips_of_its_own_labels() {
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("list.md");
    let mut text = String::from("## Methods\n");
    for (i, name) in ["NeDS", "BTC", "SCM", "CMNet", "A2Net", "BIT"]
        .iter()
        .enumerate()
    {
        text.push_str(&format!(
            "- [**TGRS 2022**] Method Number {i} for Change Detection [[{name}]](https://arxiv.org/abs/2201.0000{i}) [[Code]](https://github.com/o/{name})\n"
        ));
    }
    text.push_str("- [**TGRS 2022**] A Method With a Slip in Its Label [[BTC]](https://arxiv.org/abs/2201.00009) [[Cpde]](https://github.com/o/slip)\n");
    fs::write(&list, text).unwrap();
    let out = run(lint().arg(&list).args(["--no-config", "--format", "json"]));
    let value: Value = serde_json::from_str(&out.stdout).unwrap();
    let labels: Vec<&str> = value["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["message"].as_str().unwrap())
        .filter(|m| m.starts_with("unknown link label"))
        .collect();
    assert_eq!(labels, ["unknown link label `Cpde`"], "{}", out.stdout);
}

#[test]
fn a_repeated_slip_of_a_venue_the_list_writes_is_reported_its_own_venues_are_not() {
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("list.md");
    let mut text = String::from("### 2023\n");
    for i in 0..6 {
        text.push_str(&format!("- [**MICCAI 2023**] [**M{i}**] A Medical Paper Number {i} [[pdf]](https://arxiv.org/pdf/2301.0000{i}.pdf)\n"));
    }
    for (venue, tag) in [("MICCA", "S"), ("UrbComp", "U")] {
        for i in 0..2 {
            text.push_str(&format!("- [**{venue} 2023**] [**{tag}{i}**] A Paper Number {i} [[pdf]](https://arxiv.org/pdf/2302.0{tag}{i}.pdf)\n"));
        }
    }
    fs::write(&list, text).unwrap();
    let out = run(lint().arg(&list).args(["--no-config", "--format", "json"]));
    let value: Value = serde_json::from_str(&out.stdout).unwrap();
    let venues: Vec<&str> = value["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "venue-format")
        .map(|d| d["message"].as_str().unwrap())
        .collect();
    assert_eq!(
        venues,
        ["unknown venue `MICCA`", "unknown venue `MICCA`"],
        "{}",
        out.stdout
    );
}

#[test]
fn whitespace_is_off_until_the_config_or_select_turns_it_on() {
    let (dir, list) = list_with_invisible_whitespace();
    let out = run(lint().arg(&list).args(["--format", "json"]));
    assert_eq!(rules_reported(&out), ["4:spacing"]);
    assert_eq!(out.code, 1);

    let selected = run(lint()
        .arg(&list)
        .args(["--format", "json", "--select", "whitespace"]));
    assert_eq!(
        rules_reported(&selected),
        ["2:whitespace", "2:whitespace", "3:whitespace", "4:spacing"]
    );

    // --ignore takes a default rule away; with both, the rule is off.
    let ignored = run(lint().arg(&list).args([
        "--format",
        "json",
        "--select=whitespace,spacing",
        "--ignore",
        "spacing",
    ]));
    assert_eq!(
        rules_reported(&ignored),
        ["2:whitespace", "2:whitespace", "3:whitespace"]
    );
    assert_eq!(ignored.code, 0, "whitespace findings are warnings");

    fs::write(
        dir.path().join(".awesome-lint.toml"),
        "[rules]\nwhitespace = \"error\"\n",
    )
    .unwrap();
    let configured = run(lint()
        .arg(&list)
        .args(["--format", "json", "--ignore=spacing"]));
    assert_eq!(
        rules_reported(&configured),
        ["2:whitespace", "2:whitespace", "3:whitespace"]
    );
    assert_eq!(configured.code, 1, "the config made them errors");

    let unknown = run(lint().arg(&list).args(["--select", "whitespaces"]));
    assert_eq!(unknown.code, 2);
    assert!(
        unknown.stderr.contains("unknown rule `whitespaces`"),
        "{}",
        unknown.stderr
    );
}

#[test]
fn explain_prints_the_doc_or_fails_with_a_suggestion() {
    let out = run(cmd().args(["explain", "year-section"]));
    assert_eq!(out.code, 0);
    assert!(out.stdout.starts_with("# year-section"));
    assert!(out.stdout.contains("## Why is this bad?"));
    assert!(out.stdout.contains("## Example"));
    let out = run(cmd().args(["explain", "year-sections"]));
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("did you mean `year-section`?"),
        "{}",
        out.stderr
    );
}

/// A repository with a config at its root and a list in a subfolder.
fn repo_with_config(config: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join(".git")).unwrap();
    fs::create_dir(dir.path().join("docs")).unwrap();
    fs::write(dir.path().join(".awesome-lint.toml"), config).unwrap();
    let list = dir.path().join("docs/list.md");
    fs::write(
        &list,
        "### 2024\n- [**CVPR 2024**] [**CARZeroP**] CARZero: Cross-Attention Alignment [[pdf]](https://arxiv.org/pdf/2402.17417.pdf)\n- [**Nature Com 2024**] [**KAD**] Knowledge-enhanced Pre-training [[pdf]](https://arxiv.org/pdf/2302.14042.pdf)\n",
    )
    .unwrap();
    (dir, list)
}

#[test]
fn config_is_discovered_and_applied() {
    let (_dir, list) = repo_with_config(
        "[rules]\nname-mismatch = \"off\"\n\n[venues]\naliases = { \"Nature Com\" = \"Nature Communications\" }\n",
    );
    let out = run(lint().arg(&list).args(["--format", "json"]));
    let value: Value = serde_json::from_str(&out.stdout).unwrap();
    let rules = lines_and_rules(&value);
    assert_eq!(rules, [(3, "venue-format".to_owned())]);
    assert!(
        value["diagnostics"][0]["message"]
            .as_str()
            .unwrap()
            .contains("is spelled `Nature Communications`")
    );

    // --no-config brings the defaults back.
    let (_, value) = json(&[list.to_str().unwrap()]);
    assert_eq!(lines_and_rules(&value).len(), 2);
}

#[test]
fn config_severity_overrides_change_the_exit_code() {
    let (_dir, list) =
        repo_with_config("[rules]\nname-mismatch = \"error\"\nvenue-format = \"off\"\n");
    let out = run(lint().arg(&list).arg("--quiet"));
    assert_eq!(out.code, 1);
    assert!(out.stdout.contains("name-mismatch"));
    assert!(!out.stdout.contains("venue-format"));
}

#[test]
fn discovery_stops_at_the_repository_root() {
    let outer = tempfile::tempdir().unwrap();
    fs::write(
        outer.path().join(".awesome-lint.toml"),
        "[rules]\nname-mismatch = \"off\"\n",
    )
    .unwrap();
    let repo = outer.path().join("repo");
    fs::create_dir_all(repo.join(".git")).unwrap();
    let list = repo.join("list.md");
    fs::write(&list, "- [**CVPR 2024**] [**CARZeroP**] CARZero: Cross-Attention [[pdf]](https://arxiv.org/pdf/2402.17417.pdf)\n").unwrap();
    let out = run(lint().arg(&list).arg("--quiet"));
    assert!(
        out.stdout.contains("name-mismatch"),
        "the config outside the repository must not apply"
    );
}

#[test]
fn explicit_config_path() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("lint.toml");
    fs::write(&config, "[entry]\nrequired = [\"paper\", \"code\"]\n").unwrap();
    let list = fixture("well-formed/oldest-first.md");
    let out = run(lint()
        .arg(&list)
        .arg("--config")
        .arg(&config)
        .args(["--format", "json"]));
    let value: Value = serde_json::from_str(&out.stdout).unwrap();
    // The one entry without a code link, K-Diag, is now missing one.
    assert_eq!(lines_and_rules(&value), [(18, "entry-format".to_owned())]);
}

#[test]
fn config_errors_exit_two_and_point_into_the_file() {
    let (_dir, list) =
        repo_with_config("[rules]\nname-mismatch = \"off\"\nyear-sections = \"error\"\n");
    let out = run(lint().arg(&list));
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("unknown rule `year-sections`"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains(".awesome-lint.toml:3:1]"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("did you mean `year-section`?"),
        "{}",
        out.stderr
    );

    let (_dir, list) = repo_with_config("[order]\ndirection = \"sideways\"\n");
    let out = run(lint().arg(&list));
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("sideways"), "{}", out.stderr);
    assert!(
        out.stderr.contains(".awesome-lint.toml:2:13]"),
        "{}",
        out.stderr
    );

    let (_dir, list) = repo_with_config("[entry]\nlables = [\"pdf\"]\n");
    let out = run(lint().arg(&list));
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("unknown field `lables`"),
        "{}",
        out.stderr
    );

    let out = run(lint()
        .arg(&list)
        .arg("--config")
        .arg("/no/such/config.toml"));
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("cannot read config"), "{}", out.stderr);
}

#[test]
fn inline_suppressions() {
    let path = fixture("suppress/list.md");
    let out = run(lint().arg(&path).args(["--no-config", "--format", "json"]));
    let value: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(
        lines_and_rules(&value),
        [
            (4, "venue-format".to_owned()),
            (8, "title-format".to_owned()),
            (12, "suppression".to_owned()),
            (15, "suppression".to_owned()),
            (16, "venue-format".to_owned())
        ]
    );
    // A comment that does nothing is a finding of its own, where it is.
    let messages: Vec<&str> = value["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "suppression")
        .map(|d| d["message"].as_str().unwrap())
        .collect();
    assert_eq!(
        messages,
        [
            "unknown rule `no-such-rule` in an awesome-lint comment",
            "unknown comment `awesome-lint-disable-linee`"
        ]
    );
}

#[test]
fn a_suppression_that_suppresses_nothing_says_so() {
    let text = "# Papers\n\n### 2023\n\
        <!-- awesome-lint-disable-next-line year-section -->\n\
        - [**CVPR 2023**] [**A**] A: A Title About Things [[pdf]](https://arxiv.org/abs/2301.00001)\n\
        <!-- awesome-lint-disable-next-line venue-format -->\n\
        - [**NIPS 2023**] [**B**] B: Another Title About Things [[pdf]](https://arxiv.org/abs/2301.00002)\n\
        <!-- awesome-lint-disable-next-line broken-link -->\n\
        - [**CVPR 2023**] [**C**] C: A Third Title About Things [[pdf]](https://arxiv.org/abs/2301.00003)\n\
        <!-- awesome-lint-disable-next-line whitespace -->\n\
        - [**CVPR 2023**] [**D**] D: A Fourth Title About Things [[pdf]](https://arxiv.org/abs/2301.00004)\n";
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("list.md");
    fs::write(&path, text).unwrap();
    let out = run(lint().arg(&path).args(["--no-config", "--format", "json"]));
    let value: Value = serde_json::from_str(&out.stdout).unwrap();
    // The year-section comment suppresses nothing; the venue-format one
    // suppresses `NIPS 2023`; the broken-link one is about a check an offline
    // run does not make, and whitespace is off: neither can be judged.
    assert_eq!(lines_and_rules(&value), [(4, "suppression".to_owned())]);
    assert_eq!(
        value["diagnostics"][0]["message"],
        "this comment suppresses nothing: no `year-section` finding where it applies"
    );
    assert_eq!(out.code, 0, "a warning");
    // Turned off, the rule says nothing.
    let dir2 = tempfile::tempdir().unwrap();
    let listed = dir2.path().join("list.md");
    fs::write(&listed, text).unwrap();
    fs::write(
        dir2.path().join(".awesome-lint.toml"),
        "[rules]\nsuppression = \"off\"\n",
    )
    .unwrap();
    let out = run(lint().arg(&listed).args(["--format", "json"]));
    let value: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(lines_and_rules(&value), []);
}

#[test]
fn a_file_that_links_papers_but_has_no_entries_says_so() {
    let list = fixture("unreadable/prose.md");
    let (code, value) = json(&[list.to_str().unwrap()]);
    assert_eq!(code, 0, "a warning only");
    assert_eq!(lines_and_rules(&value), [(1, "entry-format".to_owned())]);
    let d = &value["diagnostics"][0];
    assert_eq!(d["severity"], "warning");
    assert!(
        d["message"]
            .as_str()
            .unwrap()
            .starts_with("2 blocks link a paper"),
        "{d}"
    );
    assert!(d["help"].as_str().unwrap().contains("awesome-lint init"));
    let text = run(lint().arg(&list).args(["--no-config", "--color", "never"]));
    assert!(
        text.stdout
            .contains("No entry could be read in it: see `awesome-lint init`."),
        "{}",
        text.stdout
    );
}

/// A line of authors separated by commas alone keeps its first author
/// (read alone, it once passed for a title followed by the authors).
#[test]
fn every_author_of_a_comma_separated_line_is_read() {
    let list = fixture("entries/authors-by-commas.md");
    let out = run(cmd().args(["entries", "--no-config", list.to_str().unwrap()]));
    let value: Value = serde_json::from_str(&out.stdout).unwrap();
    let authors: Vec<&str> = value["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["authors"].as_str().unwrap())
        .collect();
    assert_eq!(
        authors,
        [
            "Sherry Yang, Ofir Nachum, Yilun Du, Jason Wei, Pieter Abbeel, Dale Schuurmans.",
            "Haoyang He.",
            "Sergey Levine, Aviral Kumar, George Tucker, Justin Fu."
        ]
    );
}

/// `-[Title](url)`: a bullet glued to its text makes no list item, so the
/// lines render run together; each is read as the entry it was meant to
/// be, alone or under an item it would lazily continue, and reported with
/// a fix that adds the space.
#[test]
fn glued_bullets_are_read_as_the_items_they_were_meant_to_be() {
    let list = fixture("entries/glued-bullets.md");
    let out = run(cmd().args(["entries", "--no-config", list.to_str().unwrap()]));
    let value: Value = serde_json::from_str(&out.stdout).unwrap();
    let read: Vec<(u64, &str, &str)> = value["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["line"].as_u64().unwrap(),
                e["title"].as_str().unwrap(),
                e["venue"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        read,
        [
            (5, "Learning Things From Other Things", "CVPR"),
            (6, "Another Paper About Stuff", "ICCV"),
            (10, "A Listed Paper on Vision", "CVPR"),
            (11, "A Lazy Paper on Language", "ECCV"),
            (12, "A Third Paper on Speech", "NeurIPS"),
        ]
    );

    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("list.md");
    fs::copy(&list, &copy).unwrap();
    let out = run(cmd().args([
        "--offline",
        "--no-config",
        "--format",
        "json",
        copy.to_str().unwrap(),
    ]));
    assert_eq!(out.code, 1, "{}", out.stderr);
    let value: Value = serde_json::from_str(&out.stdout).unwrap();
    let found: Vec<(u64, &str)> = value["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["line"].as_u64().unwrap(), d["rule"].as_str().unwrap()))
        .collect();
    assert_eq!(
        found,
        [(5, "list-indent"), (6, "list-indent"), (11, "list-indent")]
    );

    // The space makes them items: what renders changes, so the fix is unsafe.
    let safe = run(cmd().args(["--offline", "--no-config", "--fix", copy.to_str().unwrap()]));
    assert_eq!(safe.code, 1, "{}", safe.stderr);
    let fixed = run(cmd().args([
        "--offline",
        "--no-config",
        "--fix",
        "--unsafe-fixes",
        copy.to_str().unwrap(),
    ]));
    assert_eq!(fixed.code, 0, "{}", fixed.stderr);
    let text = fs::read_to_string(&copy).unwrap();
    assert_eq!(
        text,
        fs::read_to_string(&list).unwrap().replace("\n-[", "\n- [")
    );
    let again = run(cmd().args(["entries", "--no-config", copy.to_str().unwrap()]));
    let again: Value = serde_json::from_str(&again.stdout).unwrap();
    assert_eq!(again["entries"].as_array().unwrap().len(), 5);
}

/// Titles behind badges (`[![Star](…)](repo) [![Publish](…)]() <br> :star:
/// [Title](url)`), behind an underlined name (`<u>T6</u>: **"Title"**`) and
/// behind one author in a GB/T reference (`James J Q. <b>Title[C]</b>//…`).
#[test]
fn titles_behind_badges_and_underlined_names_are_read() {
    let read = |name: &str| -> Vec<(Option<String>, String)> {
        let list = fixture(&format!("well-formed/{name}.md"));
        let out = run(cmd().args(["entries", "--no-config", list.to_str().unwrap()]));
        let value: Value = serde_json::from_str(&out.stdout).unwrap();
        value["entries"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                (
                    e["name"].as_str().map(str::to_owned),
                    e["title"].as_str().unwrap().to_owned(),
                )
            })
            .collect()
    };
    // Each shape says how well its region's entries fit it.
    let list = fixture("well-formed/table-columns.md");
    let out = run(cmd().args(["entries", "--no-config", list.to_str().unwrap()]));
    let value: Value = serde_json::from_str(&out.stdout).unwrap();
    for shape in value["shapes"].as_array().unwrap() {
        assert_eq!(shape["fit"], 1.0, "{shape}");
    }
    // One row of thirteen writes its title unlike the others.
    let bad = fixture("shapes/table/bad.md");
    let out = run(cmd().args(["entries", "--no-config", bad.to_str().unwrap()]));
    let value: Value = serde_json::from_str(&out.stdout).unwrap();
    let fit = value["shapes"][0]["fit"].as_f64().unwrap();
    assert!(fit > 0.8 && fit < 1.0, "{fit}");
    // A quoted phrase that opens a title is the title's start, not all of it.
    let quoted = read("quoted-openings");
    assert_eq!(
        quoted[0].1,
        "\"Do Anything Now\": Characterizing In-The-Wild Jailbreak Prompts."
    );
    assert!(
        quoted[2]
            .1
            .starts_with("“This is my unicorn”: Personalizing"),
        "{:?}",
        quoted[2]
    );
    assert!(
        quoted[5]
            .1
            .starts_with("\"Give Me Speed or Give Me Accuracy\"? Trade-Offs"),
        "{:?}",
        quoted[5]
    );
    let badges = read("badge-rows");
    assert_eq!(badges.len(), 8);
    // The venue badge (`badge/Conference-ICML'23-blue`) gives the venue.
    let list = fixture("well-formed/badge-rows.md");
    let out = run(cmd().args(["entries", "--no-config", list.to_str().unwrap()]));
    let value: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(value["entries"][0]["venue"], "ICML");
    assert_eq!(value["entries"][0]["year"], 2023);
    assert_eq!(
        badges[0],
        (
            None,
            "SparseTune: Pruning Large Models in One Shot".to_owned()
        )
    );
    // A GB/T reference with one author, its proceedings after `//`.
    let gbt = read("gbt-proceedings");
    assert_eq!(
        gbt[1],
        (
            None,
            "Online Traffic Speed Estimation with Few Data: A Transfer Learning Approach"
                .to_owned()
        )
    );
    // A table read by its header: the Title column, not the Abbreviation.
    let table = read("table-columns");
    assert_eq!(
        table[9],
        (
            Some("Cross-Scale MAE".to_owned()),
            "Cross-Scale MAE: A Tale of Multiscale Exploitation in Remote Sensing".to_owned()
        )
    );
    // Bold words a plain title goes on from are a highlight inside it.
    let bold = read("bold-keywords-in-titles");
    assert_eq!(bold[0].1, "**Egocentric Video** Task Translation");
    assert_eq!(bold[2].1, "**Scene Synthesis** from Human **Motion**");
    let named = read("underlined-names");
    assert_eq!(
        named[0],
        (
            Some("T6".to_owned()),
            "Exploring the Limits of Transfer with a Unified Text Model".to_owned()
        )
    );
}

#[test]
fn a_declared_shape_reads_a_list_that_links_no_paper() {
    let list = fixture("declared/list.md");
    // Without the config nothing is an entry; with it, four.
    let bare = run(cmd().args(["entries", "--no-config", list.to_str().unwrap()]));
    let bare: Value = serde_json::from_str(&bare.stdout).unwrap();
    assert_eq!(bare["entries"].as_array().unwrap().len(), 0);
    let out = run(cmd().args(["entries", list.to_str().unwrap()]));
    assert_eq!(out.code, 0, "{}", out.stderr);
    let value: Value = serde_json::from_str(&out.stdout).unwrap();
    let entries = value["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 4);
    assert_eq!(entries[0]["title"], "Seeing Things Clearly Again");
    assert_eq!(entries[0]["authors"], "Ada Lee and Bo Kim");
    assert_eq!(entries[0]["venue"], "CVPR");
    assert_eq!(entries[0]["year"], 2021);
    assert_eq!(value["shapes"][0]["declared"], true);
    // Held to it: the glued `CVPR2022` is the one finding.
    let lint = run(lint().arg(&list).args(["--format", "json"]));
    let value: Value = serde_json::from_str(&lint.stdout).unwrap();
    assert_eq!(lines_and_rules(&value), [(7, "venue-format".to_owned())]);
}

#[test]
fn init_writes_a_config_that_loads_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("README.md");
    fs::copy(fixture("well-formed/oldest-first.md"), &list).unwrap();
    let out = run(cmd().arg("init").arg(&list));
    assert_eq!(out.code, 0, "{}", out.stderr);
    let config = dir.path().join(".awesome-lint.toml");
    let written = fs::read_to_string(&config).unwrap();
    assert!(
        written
            .contains("shape = \"[**{venue} {year}**] [**{name}**] {title} [[{label}]]({url})\""),
        "{written}"
    );
    // The written config is valid, and linting with it finds what linting without it does.
    let with = run(lint().arg(&list).args(["--config"]).arg(&config));
    assert_eq!(with.code, 0, "{}{}", with.stdout, with.stderr);
    // A second run refuses, and leaves the file as it was.
    fs::write(&config, "# mine\n").unwrap();
    let again = run(cmd().arg("init").arg(&list));
    assert_eq!(again.code, 2);
    assert!(
        again.stderr.contains("never overwrites"),
        "{}",
        again.stderr
    );
    assert_eq!(fs::read_to_string(&config).unwrap(), "# mine\n");
}

/// A directory of lists: two at the top, one deeper, one ignored by git.
fn tree_of_lists() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let list = fs::read_to_string(fixture("acceptance/paper-list.md")).unwrap();
    let clean = fs::read_to_string(fixture("well-formed/oldest-first.md")).unwrap();
    for (path, text) in [
        ("README.md", &list),
        ("clean.md", &clean),
        ("docs/deep/more.md", &list),
        ("vendor/copied.md", &list),
        ("notes.txt", &list),
    ] {
        let path = dir.path().join(path);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }
    fs::write(dir.path().join(".gitignore"), "vendor/\n").unwrap();
    dir
}

fn files_of(value: &Value) -> Vec<String> {
    let mut files: Vec<String> = value["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["file"].as_str().unwrap().to_owned())
        .collect();
    files.dedup();
    files
}

#[test]
fn file_arguments_may_be_globs_that_honour_gitignore() {
    let dir = tree_of_lists();
    let out = run(lint().current_dir(dir.path()).args([
        "--no-config",
        "--format",
        "json",
        "**/*.md",
        "README.md",
    ]));
    assert_eq!(out.code, 1, "{}", out.stderr);
    let value: Value = serde_json::from_str(&out.stdout).unwrap();
    // Each file once, `vendor/` left out by .gitignore, `notes.txt` by the glob.
    assert_eq!(files_of(&value), ["README.md", "docs/deep/more.md"]);
    assert_eq!(value["summary"]["files"], 3);

    // `*` stays within a directory.
    let out = run(lint()
        .current_dir(dir.path())
        .args(["--no-config", "--format", "json", "*.md"]));
    let value: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(value["summary"]["files"], 2);

    // A glob that matches nothing is an error, like a missing file.
    let out = run(lint()
        .current_dir(dir.path())
        .args(["--no-config", "docs/*.markdown"]));
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("no file matches `docs/*.markdown`"),
        "{}",
        out.stderr
    );
    let out = run(lint().current_dir(dir.path()).args(["--no-config", "[a-"]));
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("invalid glob"), "{}", out.stderr);
}

#[test]
fn one_run_writes_several_reports() {
    let dir = tree_of_lists();
    let out = run(lint().current_dir(dir.path()).args([
        "--no-config",
        "--format",
        "github",
        "--output",
        "sarif=out/report.sarif",
        "--output",
        "json=report.json",
        "--output",
        "markdown=report.md",
        "README.md",
    ]));
    // `out/` does not exist: that report fails, the others are written.
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("cannot write the report `out/report.sarif`")
    );
    assert!(out.stdout.contains("::error file=README.md"));
    let json: Value =
        serde_json::from_str(&fs::read_to_string(dir.path().join("report.json")).unwrap()).unwrap();
    let errors = json["summary"]["errors"].as_u64().unwrap();
    assert!(errors > 0);
    let markdown = fs::read_to_string(dir.path().join("report.md")).unwrap();
    assert!(markdown.starts_with("## awesome-lint"), "{markdown}");
    assert!(markdown.contains(&format!("{errors} errors")), "{markdown}");

    fs::create_dir(dir.path().join("out")).unwrap();
    let out = run(lint().current_dir(dir.path()).args([
        "--no-config",
        "--format",
        "github",
        "--output",
        "sarif=out/report.sarif",
        "README.md",
    ]));
    assert_eq!(out.code, 1, "{}", out.stderr);
    let sarif: Value =
        serde_json::from_str(&fs::read_to_string(dir.path().join("out/report.sarif")).unwrap())
            .unwrap();
    assert_eq!(
        sarif["runs"][0]["results"].as_array().unwrap().len() as u64,
        errors + json["summary"]["warnings"].as_u64().unwrap()
    );

    // A run that stops still writes its reports, saying why.
    let out = run(lint().current_dir(dir.path()).args([
        "--no-config",
        "--output",
        "json=stopped.json",
        "missing.md",
    ]));
    assert_eq!(out.code, 2);
    let json: Value =
        serde_json::from_str(&fs::read_to_string(dir.path().join("stopped.json")).unwrap())
            .unwrap();
    assert!(
        json["failures"][0]["message"]
            .as_str()
            .unwrap()
            .contains("missing.md")
    );

    let out = run(lint().args(["--output", "html=x.html"]));
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("unknown report format `html`"));
}

#[test]
fn arguments_from_the_environment_are_split_like_a_shell() {
    let dir = tree_of_lists();
    // The quoted regex keeps its space and loses its quotes; the file name
    // with a space is one argument.
    fs::copy(dir.path().join("README.md"), dir.path().join("my list.md")).unwrap();
    let out = run(lint().current_dir(dir.path()).env(
        "AWESOME_LINT_ARGS",
        r#"--no-config --format json --exclude "^https://a b" "my list.md""#,
    ));
    assert_eq!(out.code, 1, "{}", out.stderr);
    let value: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(files_of(&value), ["my list.md"]);

    let out = run(lint().env("AWESOME_LINT_ARGS", "--exclude 'unclosed"));
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("AWESOME_LINT_ARGS"), "{}", out.stderr);
}

/// The same paper under two years of one topic is listed twice; a qualifier
/// after the year in another case than the list's other tags is a warning,
/// not a misplaced qualifier.
#[test]
fn duplicates_across_years_and_qualifier_case() {
    let path = fixture("entries/years-within-a-topic.md");
    let path = path.to_str().unwrap();
    let out = run(cmd().args([path, "--offline", "--no-config", "--format", "concise"]));
    assert_eq!(out.code, 1, "{}", out.stderr);
    let findings: Vec<&str> = out.stdout.lines().filter(|l| l.starts_with(path)).collect();
    assert_eq!(
        findings,
        [
            format!(
                "{path}:13:4: error[duplicate-entry] duplicate of the entry on line 6 (same arXiv id 2106.00001 and title)"
            ),
            format!(
                "{path}:14:15: warning[venue-format] `workshop` is written `Workshop` in the list's other tags [*]"
            ),
        ],
        "{}",
        out.stdout
    );
}

/// A venue written as the line after the title is read there whatever
/// words follow its year or stand before it.
#[test]
fn a_venue_line_after_the_title_is_read_whole() {
    let list = fixture("well-formed/venue-line-after-break.md");
    let out = run(cmd().args(["entries", "--no-config", list.to_str().unwrap()]));
    let value: Value = serde_json::from_str(&out.stdout).unwrap();
    let venue_of = |line: u64| {
        value["entries"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["line"] == line)
            .map(|e| (e["venue"].clone(), e["year"].clone()))
            .unwrap()
    };
    assert_eq!(venue_of(11), (Value::from("NeurIPS"), Value::from(2023)));
    assert_eq!(
        venue_of(12),
        (
            Value::from("NAACL Student Research Workshop (SRW)"),
            Value::from(2025)
        )
    );
}

/// Know when you misread: a region whose entries mostly lack the parts of
/// its shape (a paper per heading, its links as untitled bullets) gets one
/// warning saying so, and no finding on parts (the glued links of line 8);
/// a broken link there is reported as anywhere.
#[test]
fn a_region_read_with_little_confidence_says_so_once() {
    let list = fixture("entries/misread-region.md");
    let out = run(cmd().args([
        "--offline",
        "--no-config",
        "--format",
        "json",
        list.to_str().unwrap(),
    ]));
    let value: Value = serde_json::from_str(&out.stdout).unwrap();
    let found: Vec<(u64, String)> = value["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["line"].as_u64().unwrap(),
                d["rule"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            (7, "entry-format".to_owned()),
            (23, "malformed-link".to_owned())
        ]
    );
    let message = value["diagnostics"][0]["message"].as_str().unwrap();
    assert!(message.contains("written in no one shape"), "{message}");

    let out = run(cmd().args(["entries", "--no-config", list.to_str().unwrap()]));
    let value: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(value["shapes"][0]["confident"], false);
    assert!(
        value["entries"]
            .as_array()
            .unwrap()
            .iter()
            .all(|e| e["shape"] == 0)
    );
    // A well-read list is confident throughout.
    let well = fixture("well-formed/table-columns.md");
    let out = run(cmd().args(["entries", "--no-config", well.to_str().unwrap()]));
    let value: Value = serde_json::from_str(&out.stdout).unwrap();
    for shape in value["shapes"].as_array().unwrap() {
        assert_eq!(shape["confident"], true, "{shape}");
    }
}

/// A scholar's citation after a reference number: the number is no name,
/// the names before the quoted bold title are its authors, and the journal
/// after it is the venue.
#[test]
fn a_numbered_citation_is_read_by_its_parts() {
    let list = fixture("well-formed/numbered-citations.md");
    let out = run(cmd().args(["entries", "--no-config", list.to_str().unwrap()]));
    let value: Value = serde_json::from_str(&out.stdout).unwrap();
    let entry = value["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["line"] == 9)
        .unwrap();
    assert_eq!(entry["name"], Value::Null);
    assert_eq!(entry["title"], "Deep learning reviewed");
    assert_eq!(
        entry["authors"],
        "LeCour, Yann, Yosh Bengal, and Geoff Hinten"
    );
    assert_eq!(entry["venue"], "Nature");
    assert_eq!(entry["year"], 2015);
}

/// A table read by its header: a link in the title column is the title,
/// however short or whatever its words (`Genetic CNN`, `Video
/// Re-localization`); a count under `Stars` is no year; `Conf` names the
/// venue column, unknown venues included.
#[test]
fn a_table_s_columns_say_what_their_cells_are() {
    let list = fixture("well-formed/stars-column.md");
    let out = run(cmd().args(["entries", "--no-config", list.to_str().unwrap()]));
    let value: Value = serde_json::from_str(&out.stdout).unwrap();
    let entries = value["entries"].as_array().unwrap();
    let at = |line: u64| entry_on(entries, line);
    assert_eq!(at(11)["title"], "PointNet3");
    assert_eq!(at(12)["title"], "Genetic CNN");
    assert_eq!(at(13)["links"][0]["category"], "paper");
    assert_eq!(at(10)["years"], Value::Array(Vec::new()));
    assert_eq!(at(10)["year"], 2018);
    assert_eq!(at(19)["venue"], "SPE");
}

/// A venue named over a group of entries (`**CVPR**` on a line of its own,
/// `#### ICCV 2021`) is theirs, up to the next heading; a topic heading
/// that happens to be a journal's name (`## Machine Learning`) is none.
#[test]
fn a_venue_named_over_entries_is_theirs() {
    let list = fixture("entries/venue-labels.md");
    let out = run(cmd().args(["entries", "--no-config", list.to_str().unwrap()]));
    let value: Value = serde_json::from_str(&out.stdout).unwrap();
    let venues: Vec<(u64, Value)> = value["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["line"].as_u64().unwrap(), e["venue"].clone()))
        .collect();
    assert_eq!(
        venues,
        [
            (5, Value::Null),
            (10, "CVPR".into()),
            (11, "CVPR".into()),
            (14, "ECCV".into()),
            (19, "ICCV".into()),
            (22, "NeurIPS".into()),
            (23, Value::Null),
        ]
    );
}

/// A list that gives each paper a heading of its own (`##### • Title.
/// [\[PDF\]](…)`, its authors in italics under it): each such heading is an
/// entry, with the venue its section names; a heading that links a site
/// (a workshop's page) stays a heading.
#[test]
fn headings_that_link_their_paper_are_entries() {
    let list = fixture("entries/paper-per-heading-entries.md");
    let out = run(cmd().args(["entries", "--no-config", list.to_str().unwrap()]));
    let value: Value = serde_json::from_str(&out.stdout).unwrap();
    let entries = value["entries"].as_array().unwrap();
    let lines: Vec<u64> = entries
        .iter()
        .map(|e| e["line"].as_u64().unwrap())
        .collect();
    assert_eq!(lines, [9, 13, 19, 23, 31]);
    let at = |line: u64| entry_on(entries, line);
    assert_eq!(
        at(19)["title"],
        "HandGraph: Dynamic Graph Transformer for 3D Hand Poses."
    );
    assert_eq!(at(19)["authors"], "Wencan Cheng, Eunji Kim, Jong Hwan Ko");
    assert_eq!(at(19)["venue"], "ECCV");
    assert_eq!(at(19)["year"], 2024);
    assert_eq!(at(9)["links"][1]["label"], "PDF");
    let out = run(cmd().args(["--offline", "--no-config", list.to_str().unwrap()]));
    assert_eq!(out.code, 0, "{}", out.stdout);
}

/// A shields badge beside an entry's links, linked or not, shows its venue
/// and year (`badge/ICLR-2025-blue`, `badge/arXiv-2025.09-red`); a badge
/// without a year (`license-MIT`) shows none.
#[test]
fn an_image_badge_shows_the_venue() {
    let list = fixture("entries/image-badges.md");
    let out = run(cmd().args(["entries", "--no-config", list.to_str().unwrap()]));
    let value: Value = serde_json::from_str(&out.stdout).unwrap();
    let read: Vec<(Value, Value)> = value["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["venue"].clone(), e["year"].clone()))
        .collect();
    assert_eq!(
        read,
        [
            ("arXiv".into(), 2025.into()),
            ("AAAI/EAAI".into(), 2025.into()),
            ("ICLR".into(), 2025.into()),
            ("Notion".into(), 2025.into()),
            (Value::Null, Value::Null),
        ]
    );
}

/// Pasted citations among a list's own entries: `[arXiv:ID]` is the venue
/// arXiv (no short name); names before a year are the authors, the
/// preprint's citation after them a note; a bold title inside the citation
/// (`Ma, Jun, and Bo Wang. "**U-mamba: …**." arXiv preprint …`), or on the
/// line under its authors, is the title where the list writes bold titles.
#[test]
fn pasted_citations_are_read_by_the_lists_bold_titles() {
    let list = fixture("entries/pasted-citations.md");
    let out = run(cmd().args(["entries", "--no-config", list.to_str().unwrap()]));
    let value: Value = serde_json::from_str(&out.stdout).unwrap();
    let entries = value["entries"].as_array().unwrap();
    let at = |line: u64| entry_on(entries, line);
    let r2gen = at(7);
    assert_eq!(r2gen["venue"], "arXiv");
    assert_eq!(r2gen["name"], Value::Null);
    assert_eq!(
        r2gen["authors"],
        "Xiao Wang, Yuehang Li, Fuling Wang, Bo Jiang"
    );
    let grass = at(11);
    assert_eq!(
        grass["title"],
        "GrassNet: State Space Model Meets Graph Neural Network"
    );
    assert_eq!(
        grass["authors"],
        "Zhao, Gongpei, Tao Wang, Yi Jin, and Haibin Ling"
    );
    let umamba = at(15);
    assert_eq!(
        umamba["title"],
        "U-mamba: Enhancing long-range dependency for biomedical image segmentation"
    );
    assert_eq!(umamba["authors"], "Ma, Jun, Feifei Li, and Bo Wang");
    assert_eq!(
        at(18)["title"],
        "StableSSM: Alleviating the Curse of Memory in State-space Models through Stable Reparameterization"
    );
    // What is reported is the order of the pasted parts, not the title's markup.
    let out = run(cmd().args([
        "--offline",
        "--no-config",
        "--format",
        "concise",
        list.to_str().unwrap(),
    ]));
    assert!(!out.stdout.contains("title is written"), "{}", out.stdout);
    assert!(!out.stdout.contains("spacing"), "{}", out.stdout);
}

/// `**Graph U-Nets (ICML 2019)**` over a line of names and the links: the
/// venue ends the title, inside its bold, and the names are the authors.
#[test]
fn a_venue_ending_a_bold_title_and_an_authors_item_are_read() {
    let list = fixture("well-formed/venue-in-bold-title.md");
    let out = run(cmd().args(["entries", "--no-config", list.to_str().unwrap()]));
    let value: Value = serde_json::from_str(&out.stdout).unwrap();
    let read: Vec<(String, String, u64, String)> = value["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["title"].as_str().unwrap().to_owned(),
                e["venue"].as_str().unwrap_or_default().to_owned(),
                e["year"].as_u64().unwrap_or_default(),
                e["authors"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    assert_eq!(read.len(), 7);
    assert_eq!(
        read[1],
        (
            "ASAP: Adaptive Structure Aware Pooling for Learning Hierarchical Graph Representations"
                .to_owned(),
            "AAAI".to_owned(),
            2020,
            "Ekagra Ranjan, Soumya Sanyal, Partha Pratim Talukdar".to_owned()
        )
    );
    assert_eq!(read[5].0, "How Powerful are Graph Neural Networks?");
    assert_eq!(read[5].1, "ICLR");
    assert!(read.iter().all(|r| !r.3.is_empty()), "{read:?}");
}

/// Entries under a heading for posts or talks have no venue to expect,
/// whatever the list's papers carry; among the papers, the same entry
/// misses its venue.
#[test]
fn posts_apart_from_papers_have_no_venue_to_miss() {
    let list = fixture("well-formed/posts-apart-from-papers.md");
    let out = run(cmd().args(["--offline", "--no-config", list.to_str().unwrap()]));
    assert_eq!(out.code, 0, "{}", out.stdout);
    // Twenty-four papers (the six, four times over) and the post: one entry
    // in twenty-five without a venue is a slip only among the papers.
    let written = std::fs::read_to_string(&list).unwrap();
    let (head, rest) = written.split_once("**Calibrating").unwrap();
    let (papers, post) = rest.split_once("## Blog Posts\n\n").unwrap();
    let papers = format!("**Calibrating{papers}");
    let copies: String = (0..4)
        .map(|i| papers.replace("abs/2", &format!("abs/{}", i + 1)))
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("README.md");
    for (heading, reported) in [("## Blog Posts\n\n", false), ("", true)] {
        std::fs::write(&path, format!("{head}{copies}{heading}{post}")).unwrap();
        let out = run(cmd().args(["--offline", "--no-config", path.to_str().unwrap()]));
        assert_eq!(
            out.stdout.contains("entry has no venue"),
            reported,
            "{heading:?}: {}",
            out.stdout
        );
    }
}

/// A remark after a title's last sentence (`Networks. (Relational
/// Reasoning)`) is no word of the title; a line of names in italics keeps
/// its names through one slip in one of them (`jia Wang`, `Gerard De
/// melo`, a letter lost to an encoding in `B?hm`).
#[test]
fn title_remarks_and_slips_in_names_are_read() {
    let list = fixture("entries/remarks-and-name-slips.md");
    let out = run(cmd().args(["entries", "--no-config", list.to_str().unwrap()]));
    let value: Value = serde_json::from_str(&out.stdout).unwrap();
    let entries = value["entries"].as_array().unwrap();
    assert_eq!(entries[0]["title"], "Relational recurrent networks.");
    let authors: Vec<&str> = entries
        .iter()
        .map(|e| e["authors"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(
        authors[1..4],
        [
            "Hongwei Wang, jia Wang, jialin Wang, Minyi Guo.",
            "Wei Ye, Linfei Zhou, Christian B?hm.",
            "Zhu Cao, Linlin Wang, Gerard De melo."
        ]
    );
}

/// Lists of titles alone, each linking its paper's page (a notes page, not
/// a paper host), are lists of papers: five titles or more in the file,
/// however few under each heading. A table of contents (jumps within the
/// page) and a list of repositories by name are not.
#[test]
fn lists_of_linked_titles_are_papers() {
    let list = fixture("entries/title-lists.md");
    let out = run(cmd().args(["entries", "--no-config", list.to_str().unwrap()]));
    let value: Value = serde_json::from_str(&out.stdout).unwrap();
    let lines: Vec<u64> = value["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["line"].as_u64().unwrap())
        .collect();
    assert_eq!(lines, [12, 13, 16, 17, 18]);
    // Four titles are too few to tell a list of papers by.
    let text = std::fs::read_to_string(&list).unwrap();
    let fewer = text.replace(
        "- [A Topology-aware Graph Coarsening Framework](https://example.org/notes/taco/README.md)\n",
        "",
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("README.md");
    std::fs::write(&path, fewer).unwrap();
    let out = run(cmd().args(["entries", "--no-config", path.to_str().unwrap()]));
    let value: Value = serde_json::from_str(&out.stdout).unwrap();
    assert!(value["entries"].as_array().unwrap().is_empty(), "{value}");
}

/// One-line paragraphs that open with a `(Venue YY.MM.DD)` tag and end in
/// their links are a list's entries when the file writes five or more so;
/// a sentence that cites a paper and goes on is not one.
#[test]
fn one_line_paragraphs_of_plain_text_are_entries_by_habit() {
    let list = fixture("well-formed/plain-line-paragraphs.md");
    let out = run(cmd().args(["entries", "--no-config", list.to_str().unwrap()]));
    let value: Value = serde_json::from_str(&out.stdout).unwrap();
    let entries = value["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 8, "{value}");
    assert!(entries.iter().all(|e| e["line"] != 3), "{value}");
    let first = &entries[0];
    assert_eq!(first["venue"], "Arxiv");
    assert_eq!(first["year"], 2024);
    assert_eq!(first["month"], 4);
    // The highlighted line's tag opens its bold title.
    let bold = entries.iter().find(|e| e["line"] == 15).unwrap();
    assert_eq!(
        bold["title"],
        "Linear-Time Sequence Modeling with Selective State Spaces"
    );
    assert_eq!(bold["year"], 2023);
    // Four such lines are too few to call a habit.
    let text = std::fs::read_to_string(&list).unwrap();
    let kept: String = text
        .lines()
        .filter(|l| !l.starts_with("(Arxiv 24.0"))
        .chain(["(Arxiv 24.01.08) Efficient Selective State Space Models [Paper](https://arxiv.org/abs/2401.04081)"])
        .map(|l| format!("{l}\n"))
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("README.md");
    std::fs::write(&path, kept).unwrap();
    let out = run(cmd().args(["entries", "--no-config", path.to_str().unwrap()]));
    let value: Value = serde_json::from_str(&out.stdout).unwrap();
    assert!(
        value["entries"]
            .as_array()
            .unwrap()
            .iter()
            .all(|e| e["title"] != "Efficient Selective State Space Models"),
        "{value}"
    );
}

/// A list's template for its entries (`[[Paper](URL)]`, a word standing for
/// an address) is no entry; a venue tag holding a link (`(CVPR 2021
/// [Workshop](…)) **Title**`) leaves the bold title the title.
#[test]
fn templates_are_no_entries_and_linked_venues_keep_the_title() {
    let list = fixture("well-formed/template-and-linked-venues.md");
    let out = run(cmd().args(["entries", "--no-config", list.to_str().unwrap()]));
    let value: Value = serde_json::from_str(&out.stdout).unwrap();
    let entries = value["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 13, "{value}");
    assert!(entries.iter().all(|e| e["line"] != 4), "{value}");
    let titles: Vec<&str> = entries
        .iter()
        .map(|e| e["title"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(
        titles[2],
        "High-Resolution Complex Scene Synthesis with Transformers"
    );
    assert_eq!(
        titles[4],
        "Implicit Modality Alignment for Text-based Person Retrieval"
    );
}

/// A venue abbreviated as DBLP does (`J. Artif. Intell. Res. 2021`) is read
/// whole after a bold title; in a list that names many venues the
/// vocabulary does not know, no built-in name is guessed for one (`CVIP`
/// is no slip of `VCIP`).
#[test]
fn abbreviated_journals_are_read_whole_and_not_guessed_at() {
    let list = fixture("entries/abbreviated-journals.md");
    let out = run(cmd().args(["entries", "--no-config", list.to_str().unwrap()]));
    let value: Value = serde_json::from_str(&out.stdout).unwrap();
    let venues: Vec<&str> = value["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["venue"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(venues[0], "J. Artif. Intell. Res.");
    assert_eq!(venues[1], "Comput. Vis. Media");
    assert_eq!(venues[4], "ACM Comput. Surv.");
    let out = run(cmd().args(["--offline", "--no-config", list.to_str().unwrap()]));
    assert_eq!(out.code, 0, "{}", out.stdout);
    assert!(!out.stdout.contains("did you mean"), "{}", out.stdout);
    // A long name one slip from a known venue is a slip all the same.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("README.md");
    let text = fs::read_to_string(&list).unwrap()
        + "\n1. **Neural Ordinary Differential Equations for Long Sequences**. NeurlIPS 2020. [paper](https://doi.org/10.5555/neurips.2020.0001)\n\n   *Ricky Chen, David Duvenaud*\n";
    fs::write(&path, text).unwrap();
    let out = run(cmd().args(["--offline", "--no-config"]).arg(&path));
    assert!(
        out.stdout.contains("did you mean `NeurIPS`"),
        "{}",
        out.stdout
    );
}

/// `Title(@Stanford)`: the authors' affiliation ends the title, no word
/// of it.
#[test]
fn affiliation_tails_are_no_part_of_the_title() {
    let list = fixture("well-formed/affiliations-in-titles.md");
    let out = run(cmd().args(["entries", "--no-config", list.to_str().unwrap()]));
    let value: Value = serde_json::from_str(&out.stdout).unwrap();
    let titles: Vec<&str> = value["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["title"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(
        titles[0],
        "Fast and Memory-Efficient Exact Attention with IO-Awareness"
    );
    assert!(titles.iter().all(|t| !t.contains("(@")), "{titles:?}");
}

/// An entry whose date is out of its run's order while its arXiv id puts
/// it in place has a mistyped date, and is told so, with no move offered.
#[test]
fn a_date_the_arxiv_id_contradicts_is_reported_as_mistyped() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("README.md");
    let mut text = String::from("# Mamba\n\n## Language\n\n");
    for month in 1..=12 {
        if month == 5 {
            text.push_str("* (ICML 2025) A Paper Dated a Year Early [[paper](https://arxiv.org/abs/2505.09022)] (2024.05.13)\n");
            continue;
        }
        text.push_str(&format!(
            "* (ICML 2025) A Paper of Month {month} [[paper](https://arxiv.org/abs/25{month:02}.000{month:02})] (2025.{month:02}.10)\n"
        ));
    }
    std::fs::write(&path, text).unwrap();
    let out = run(cmd().args([
        "--offline",
        "--no-config",
        "--format",
        "concise",
        path.to_str().unwrap(),
    ]));
    assert!(
        out.stdout
            .contains("its arXiv id says May 2025: the date looks mistyped"),
        "{}",
        out.stdout
    );
    assert!(!out.stdout.contains("[*]"), "{}", out.stdout);
}

/// A one-word bold title where the list writes bold titles is the title
/// (`**TextArena**`); an item over paragraphs that each link a paper by its
/// title is a label over a group of papers, no paper of its own, and each
/// paragraph is an entry.
#[test]
fn short_bold_titles_are_titles_and_labels_over_papers_are_no_entries() {
    let list = fixture("well-formed/papers-grouped-under-labels.md");
    let out = run(cmd().args(["entries", "--no-config", list.to_str().unwrap()]));
    let value: Value = serde_json::from_str(&out.stdout).unwrap();
    let entries = value["entries"].as_array().unwrap();
    assert_eq!(entries[0]["title"], "TextArena");
    let titles: Vec<&str> = entries
        .iter()
        .map(|e| e["title"].as_str().unwrap_or_default())
        .collect();
    assert!(
        !titles.contains(&"Query-based Retrieval") && !titles.contains(&"Latent Retrieval"),
        "{value}"
    );
    for paper in [
        "Retrieval-Augmented Language Model Pre-Training",
        "Fusion of Retrieved Passages in the Decoder for Question Answering",
    ] {
        assert!(titles.contains(&paper), "{paper}: {value}");
    }
}

/// `Title. _Simon Frieder et al._ arXiv 2023.`: italic names after the
/// title's sentence end it, and the venue follows them; a bold keyword
/// inside a title stays in it.
#[test]
fn italic_authors_after_a_plain_title_end_it() {
    let list = fixture("entries/italic-authors-after-title.md");
    let out = run(cmd().args(["entries", "--no-config", list.to_str().unwrap()]));
    let value: Value = serde_json::from_str(&out.stdout).unwrap();
    let read: Vec<(String, String, String)> = value["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["title"].as_str().unwrap_or_default().to_owned(),
                e["authors"].as_str().unwrap_or_default().to_owned(),
                e["venue"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        read[0],
        (
            "Mathematical Capabilities of ChatGPT.".to_owned(),
            "Simon Frieder et al.".to_owned(),
            "arXiv".to_owned()
        )
    );
    assert_eq!(read[2].2, "TMLR");
    assert!(read[3].0.contains("Turing Tests"), "{read:?}");
}

/// `**RepoZero** (2026): [Title](…)`: the name, the year the paper came
/// out, then its linked title.
#[test]
fn a_year_between_a_bold_name_and_its_colon_is_the_date() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("README.md");
    let mut text = String::from("# Code Benchmarks\n\n## Repository\n\n");
    for (i, name) in ["RepoZero", "RepoMod", "ProjDev", "HWEBench", "SpecBench"]
        .iter()
        .enumerate()
    {
        text.push_str(&format!(
            "- **{name}** (2026): [{name}: A Benchmark for Coding Agents Number {i}](https://arxiv.org/abs/2602.1000{i}) - [Github](https://github.com/o/{name})\n"
        ));
    }
    std::fs::write(&path, text).unwrap();
    let out = run(cmd().args(["entries", "--no-config", path.to_str().unwrap()]));
    let value: Value = serde_json::from_str(&out.stdout).unwrap();
    let entries = value["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 5, "{value}");
    assert!(
        entries
            .iter()
            .all(|e| e["year"] == 2026 && e["name"].is_string()),
        "{value}"
    );
}

/// `(Oct., 2024 | NeurIPS 2024)`: the date and the venue in one tag, apart
/// by a bar, are each read; the list's date tags are not held against it.
#[test]
fn a_date_and_a_venue_in_one_tag_are_both_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("README.md");
    let mut text = String::from("# Video Diffusion\n\n## Generation\n\n");
    for i in 1..=6 {
        text.push_str(&format!(
            "+ [A Video Diffusion Paper Number {i}](https://arxiv.org/abs/2410.0000{i}) (Oct., 2024)\n"
        ));
    }
    text.push_str("+ [Enhancing Motion in Text-to-Video Generation](https://arxiv.org/abs/2410.24219) (Oct., 2024 | NeurIPS 2024)\n");
    std::fs::write(&path, text).unwrap();
    let out = run(cmd().args(["entries", "--no-config", path.to_str().unwrap()]));
    let value: Value = serde_json::from_str(&out.stdout).unwrap();
    let last = value["entries"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["venue"], "NeurIPS", "{value}");
    assert_eq!(last["year"], 2024, "{value}");
    assert_lints_clean(&path, "the list");
}

/// `A. Blum, T. Mitchell, 1998`: a person's name with an initial before
/// the year is the last author, not a venue.
#[test]
fn a_name_with_an_initial_before_the_year_is_an_author() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("README.md");
    std::fs::write(
        &path,
        "# Distillation\n\n\
         * [Combining Labeled and Unlabeled Data with Co-Training](https://dl.acm.org/doi/10.1145/279943.279962), A. Blum, T. Mitchell, 1998\n\
         * [Distilling the Knowledge in a Neural Network](https://arxiv.org/abs/1503.02531), Geoffrey Hinton, Oriol Vinyals, Jeff Dean, 2015\n\
         * [Sequence-Level Knowledge Distillation](https://arxiv.org/abs/1606.07947), Yoon Kim, Alexander M. Rush, EMNLP 2016\n",
    )
    .unwrap();
    let out = run(cmd().args(["entries", "--no-config", path.to_str().unwrap()]));
    let value: Value = serde_json::from_str(&out.stdout).unwrap();
    let first = &value["entries"][0];
    assert_eq!(first["venue"], Value::Null, "{value}");
    assert_eq!(first["authors"], "A. Blum, T. Mitchell", "{value}");
    assert_eq!(first["year"], 1998, "{value}");
    assert_eq!(value["entries"][2]["venue"], "EMNLP", "{value}");
}

/// A run where more than one entry in five has no date read is not judged
/// for its order; a paper listed again under its title is duplicate-entry's.
#[test]
fn runs_with_undated_entries_and_papers_listed_again_keep_no_order() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("README.md");
    // Venues apart, so that no three in a row make a venue's own group.
    let entries = |undated_every: usize| -> String {
        let mut text = String::from("# Papers\n\n## Retrieval\n\n");
        for (i, year) in (2008..=2024).rev().enumerate() {
            let venue = ["ICLR", "CVPR", "ACL"][i % 3];
            let tag = if undated_every > 0 && i % undated_every == 1 {
                String::new()
            } else {
                format!("[**{venue} {year}**] ")
            };
            text.push_str(&format!(
                "- {tag}Retrieval Paper of {year} [[pdf]](https://arxiv.org/abs/{:02}01.00001)\n",
                year % 100
            ));
        }
        text
    };
    let lint = |text: &str| {
        std::fs::write(&path, text).unwrap();
        run(cmd().args([
            "--offline",
            "--no-config",
            "--format",
            "concise",
            path.to_str().unwrap(),
        ]))
        .stdout
    };
    let late = "- [**ICLR 2023**] Retrieval Paper Appended Late [[pdf]](https://arxiv.org/abs/2302.00002)\n";
    // A paper appended late is out of the run's order...
    let out = lint(&format!("{}{late}", entries(0)));
    assert!(out.contains("entry-order"), "{out}");
    // ... but not in the same run with a fifth of its entries or more undated.
    let out = lint(&format!("{}{late}", entries(4)));
    assert!(!out.contains("entry-order"), "{out}");
    // The 2022 paper listed again at the end, linked to its published page,
    // is a copy (duplicate-entry's when it is one), not out of order.
    let again = "- [**ICLR 2022**] Retrieval Paper of 2022 [[pdf]](https://openreview.net/forum?id=abcdefg)\n";
    let out = lint(&format!("{}{again}", entries(0)));
    assert!(!out.contains("entry-order"), "{out}");
}

/// Two digits after the venue are a year where the list's tags write them
/// so by habit (`[ICLR 25]`), a year written unlike the list's where one
/// tag of many does;
/// tags in the venue's place the vocabulary does not know (`[Thesis 24]`,
/// `[Internet of Things 23]`) are venues, and a journal left to its year
/// heading is no tag missing a year.
#[test]
fn two_digit_years_by_habit_are_years_and_a_slip_is_not() {
    let list = fixture("well-formed/two-digit-years.md");
    let out = run(cmd().args([
        "entries",
        "--no-config",
        "--format",
        "json",
        list.to_str().unwrap(),
    ]));
    let value: Value = serde_json::from_str(&out.stdout).unwrap();
    let read: Vec<(String, Option<u64>)> = value["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["venue"].as_str().unwrap().to_owned(),
                e["years"][0].as_u64(),
            )
        })
        .collect();
    for (venue, year) in [
        ("ICLR", Some(2025)),
        ("arXiv", Some(2025)),
        ("IEEE Access", None),
        ("Thesis", Some(2024)),
        ("Internet of Things", Some(2023)),
        ("xAI", Some(2023)),
    ] {
        assert!(
            read.contains(&(venue.to_owned(), year)),
            "{venue} {year:?} not in {read:?}"
        );
    }

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("README.md");
    let mut text = String::from("# Papers\n\n");
    for (i, venue) in ["ICLR", "CVPR", "ACL", "KDD", "ICML", "AAAI"]
        .iter()
        .enumerate()
    {
        text.push_str(&format!(
            "- [{venue} 2023] **Graph Paper Number {i} on Explanations** [[paper]](https://arxiv.org/abs/2301.0000{i})\n"
        ));
    }
    text.push_str("- [WWW 23] **A Graph Paper with a Broken Year** [[paper]](https://arxiv.org/abs/2301.00009)\n");
    std::fs::write(&path, text).unwrap();
    let out = run(cmd().args([
        "--offline",
        "--no-config",
        "--format",
        "concise",
        path.to_str().unwrap(),
    ]));
    // A known venue's two digits are its year, written unlike the list's
    // tags: a style to follow, a warning, not a broken year.
    assert!(
        out.stdout.contains(
            "warning[venue-format] the year is written `23` where 6 tags of the list write `YYYY`"
        ),
        "{}",
        out.stdout
    );
}

/// A section that puts its authors on a line of their own throughout keeps
/// that layout; one entry laid out so among entries that fold them into a
/// summary is out of place.
#[test]
fn a_section_with_its_own_layout_keeps_it_and_a_lone_entry_does_not() {
    let list = fixture("well-formed/section-with-its-own-layout.md");
    let text = fs::read_to_string(&list).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("README.md");
    let slip = text.replacen(
        " (12 Mar 2024)<details><summary>Ann Lee, Bo Chen, et al.</summary>Ann Lee, Bo Chen, Cy Park</details>\n",
        " (12 Mar 2024) \\\nAnn Lee, Bo Chen, et al. \\\n",
        1,
    );
    assert_ne!(slip, text);
    fs::write(&path, slip).unwrap();
    let out = run(cmd().args([
        "--offline",
        "--no-config",
        "--format",
        "concise",
        path.to_str().unwrap(),
    ]));
    assert_eq!(
        out.stdout.matches("the authors are out of place").count(),
        1,
        "{}",
        out.stdout
    );
}

/// In a table dated to the day, newest first, a row dated two months
/// before its own arXiv id is the one out of place, not the neighbour its
/// doubtful date makes look late.
#[test]
fn the_row_with_the_doubtful_date_is_blamed_not_its_neighbour() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("README.md");
    let mut text =
        String::from("# Benchmarks\n\n| Title | Venue | Date | Code |\n|:--|:--:|:--:|:--:|\n");
    for (name, id, date) in [
        ("Agent Bench", "2408.01234", "2024-08-20"),
        ("Chart Reader", "2408.00567", "2024-08-02"),
        ("Video Judge", "2407.05678", "2024-07-15"),
        ("Chart Mimic", "2406.09961", "2024-04-15"),
        ("Video Eval", "2405.21075", "2024-05-31"),
        ("Doc Reader", "2405.01234", "2024-05-02"),
        ("Math Vista", "2404.04567", "2024-04-10"),
        ("Seed Bench", "2403.04567", "2024-03-08"),
        ("Mme Real", "2402.04567", "2024-02-09"),
        ("Mm Star", "2401.04567", "2024-01-12"),
        ("Pope Eval", "2312.04567", "2023-12-12"),
        ("Hall Bench", "2311.04567", "2023-11-12"),
        ("Text Vqa", "2310.04567", "2023-10-12"),
        ("Ocr Bench", "2309.04567", "2023-09-12"),
    ] {
        text.push_str(&format!(
            "| **{name}: A Benchmark for Multimodal Models** | arXiv | {date} | [Github](https://github.com/x/{}) |\n",
            name.replace(' ', "-")
        ));
        text = text.replace(
            &format!("**{name}: A Benchmark for Multimodal Models**"),
            &format!("[**{name}: A Benchmark for Multimodal Models**](https://arxiv.org/abs/{id})"),
        );
    }
    std::fs::write(&path, text).unwrap();
    let out = run(cmd().args([
        "--offline",
        "--no-config",
        "--format",
        "concise",
        path.to_str().unwrap(),
    ]));
    let order: Vec<&str> = out
        .stdout
        .lines()
        .filter(|l| l.contains("entry-order"))
        .collect();
    assert_eq!(order.len(), 1, "{}", out.stdout);
    assert!(order[0].contains("README.md:8:"), "{}", out.stdout);
    assert!(
        order[0].contains("the date looks mistyped"),
        "{}",
        out.stdout
    );
}

/// A short table dated to the month, newest first, with a row appended at
/// its end: one row out of order among seven in order is reported.
#[test]
fn a_row_appended_to_a_short_dated_table_is_out_of_order() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("README.md");
    let mut text = String::from("# Alignment\n\n| Title | Venue | Date |\n|:--|:--:|:--:|\n");
    for (i, date) in [
        "2025-05-02",
        "2025-03-10",
        "2025-02-14",
        "2024-10-09",
        "2023-12-05",
        "2023-11-30",
        "2023-09-25",
        "2024-08-22",
    ]
    .iter()
    .enumerate()
    {
        text.push_str(&format!(
            "| [**Reward Model Number {i} for Multimodal Alignment**](https://arxiv.org/abs/{}{}.0100{i}) | arXiv | {date} |\n",
            &date[2..4],
            &date[5..7]
        ));
    }
    std::fs::write(&path, text).unwrap();
    let out = run(cmd().args([
        "--offline",
        "--no-config",
        "--format",
        "concise",
        path.to_str().unwrap(),
    ]));
    let order: Vec<&str> = out
        .stdout
        .lines()
        .filter(|l| l.contains("entry-order"))
        .collect();
    assert_eq!(order.len(), 1, "{}", out.stdout);
    assert!(order[0].contains("README.md:12:"), "{}", out.stdout);
}

/// A year heading that carries a link back to the top (`### 2021 [[Back to
/// Top](#top)]`) is the year's section still.
#[test]
fn a_year_heading_with_a_link_back_to_the_top_is_a_year_section() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("README.md");
    let mut text = String::from("# Fraud Detection Papers\n\n");
    for year in [2022, 2021] {
        text.push_str(&format!(
            "### {year} [[Back to Top](#fraud-detection-papers)]\n\n"
        ));
        for i in 0..4 {
            text.push_str(&format!(
                "- [**KDD {year}**] Graph Fraud Detector Number {i} of {year} [[pdf]](https://arxiv.org/abs/{}0{i}.0000{i})\n",
                year % 100
            ));
        }
        text.push('\n');
    }
    text = text.replacen(
        "[**KDD 2022**] Graph Fraud Detector Number 3",
        "[**KDD 2020**] Graph Fraud Detector Number 3",
        1,
    );
    std::fs::write(&path, text).unwrap();
    let out = run(cmd().args([
        "--offline",
        "--no-config",
        "--format",
        "concise",
        path.to_str().unwrap(),
    ]));
    assert!(
        out.stdout
            .contains("entry from 2020 is in the 2022 section"),
        "{}",
        out.stdout
    );
    let entries = run(cmd().args(["entries", "--no-config", path.to_str().unwrap()]));
    let value: Value = serde_json::from_str(&entries.stdout).unwrap();
    assert_eq!(value["entries"][0]["section"], 2022);
}

/// `- **HeGAN**` over the paper's title line and its link lines is one
/// entry: the bold its name, the first line its title and venue (linked or
/// not, in capitals or not), the lines under it its links.
#[test]
fn a_bold_name_over_its_lines_is_one_entry() {
    let list = fixture("well-formed/names-over-their-lines.md");
    let out = run(cmd().args(["entries", "--no-config", list.to_str().unwrap()]));
    let value: Value = serde_json::from_str(&out.stdout).unwrap();
    let entries = value["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 5, "{}", out.stdout);
    let read: Vec<(&str, &str, &str, usize)> = entries
        .iter()
        .map(|e| {
            (
                e["name"].as_str().unwrap_or_default(),
                e["title"].as_str().unwrap_or_default(),
                e["venue"].as_str().unwrap_or_default(),
                e["links"].as_array().unwrap().len(),
            )
        })
        .collect();
    assert_eq!(
        read[0],
        (
            "HeGAN",
            "Adversarial Learning on Heterogeneous Information Networks",
            "KDD",
            2
        )
    );
    assert_eq!(read[1], ("GWNN", "Graph Wavelet Neural Network", "ICLR", 2));
    assert_eq!(
        read[2],
        (
            "node2vec",
            "node2vec: Scalable Feature Learning for Networks",
            "KDD",
            3
        )
    );
}

/// A list that writes each entry as its paper's link (`[[DCN] Deep & Cross
/// Network … (Stanford 2017)](…/DCN.pdf)`) names the paper in the label's
/// brackets and dates it in its closing parenthesis; a PDF kept in a
/// repository is the paper, not code.
#[test]
fn entries_inside_their_links_are_read_by_their_parts() {
    let list = fixture("well-formed/entries-inside-their-links.md");
    let out = run(cmd().args(["entries", "--no-config", list.to_str().unwrap()]));
    let value: Value = serde_json::from_str(&out.stdout).unwrap();
    let first = &value["entries"][0];
    assert_eq!(first["name"], "DCN", "{first}");
    assert_eq!(
        first["title"],
        "Deep & Cross Network for Ad Click Predictions"
    );
    assert_eq!(first["year"], 2017);
    assert_eq!(first["links"][0]["category"], "paper");
    assert_eq!(
        first["links"][0]["label"],
        "[DCN] Deep & Cross Network for Ad Click Predictions (Stanford 2017)"
    );
}

/// `Title, Authors: A, B`: a list that labels its authors says where the
/// title ends, on the title's line or on a line of its own after it.
#[test]
fn labelled_authors_end_the_title() {
    let list = fixture("well-formed/labelled-authors.md");
    let out = run(cmd().args(["entries", "--no-config", list.to_str().unwrap()]));
    let value: Value = serde_json::from_str(&out.stdout).unwrap();
    let entries = value["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 5);
    assert_eq!(
        entries[0]["title"],
        "BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding"
    );
    assert_eq!(
        entries[0]["authors"],
        "Jacob Devlin, Ming-Wei Chang, Kenton Lee, Kristina Toutanova"
    );
    assert_eq!(entries[2]["title"], "Passage Re-ranking with BERT");
    assert_eq!(entries[2]["authors"], "Rodrigo Nogueira, Kyunghyun Cho");
}

/// A date and a venue in plain text before the paper's linked title
/// (`- 20200529 TNNLS [Title](…)`, `2016-ICLR-[Title](…)`) leave the link
/// the title, and are read as the entry's date and venue.
#[test]
fn dates_and_venues_before_a_linked_title_leave_it_the_title() {
    let list = fixture("well-formed/dates-before-linked-titles.md");
    let out = run(cmd().args(["entries", "--no-config", list.to_str().unwrap()]));
    let value: Value = serde_json::from_str(&out.stdout).unwrap();
    let entries = value["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 8, "{value}");
    assert_eq!(entries[4]["venue"], "ICLR");
    assert_eq!(entries[4]["year"], 2022);
    assert_eq!(
        entries[2]["title"],
        "Deep Subdomain Adaptation Network for Image Classification"
    );
    assert_eq!(entries[2]["venue"], "TNNLS");
    assert_eq!(entries[2]["year"], 2020);
    assert_eq!(entries[2]["month"], 5);
    assert_eq!(
        entries[5]["title"],
        "Pruning Filters for Efficient ConvNets"
    );
    assert_eq!(entries[5]["venue"], "ICLR");
    assert_eq!(entries[5]["year"], 2016);
}

/// The entries `awesome-lint entries` reads from `list`, with the whole
/// answer for failure messages.
fn entries_of(list: &std::path::Path) -> (Value, Vec<Value>) {
    let out = run(cmd().args(["entries", "--no-config", list.to_str().unwrap()]));
    let value: Value = serde_json::from_str(&out.stdout).unwrap();
    let entries = value["entries"].as_array().unwrap().clone();
    (value, entries)
}

/// The entry read on `line`, or a panic naming the line.
fn entry_on(entries: &[Value], line: u64) -> &Value {
    entries
        .iter()
        .find(|e| e["line"] == line)
        .unwrap_or_else(|| panic!("no entry on line {line}: {entries:?}"))
}

/// A citation's ending (`Title, in *ICLR* 2024.`) is the venue and year,
/// not the title's words: `in` introduces the venue, and an emphasised
/// name after it is a venue even where no vocabulary knows it.
#[test]
fn a_venue_cited_after_the_title_ends_it() {
    let list = fixture("well-formed/cited-venues.md");
    let (value, entries) = entries_of(&list);
    assert_eq!(entries.len(), 5, "{value}");
    assert_eq!(
        entries[0]["title"],
        "Pathformer: Multi-scale Transformers with Adaptive Pathways for Time Series Forecasting"
    );
    assert_eq!(entries[0]["venue"], "ICLR");
    assert_eq!(entries[0]["years"], serde_json::json!([2024]));
    // A full-width comma separates as a comma does.
    assert_eq!(
        entries[2]["title"],
        "ContiFormer: Continuous-Time Transformer for Irregular Time Series Modeling"
    );
    assert_eq!(entries[2]["venue"], "NeurIPS");
    assert_eq!(entries[3]["venue"], "ACM Computing Surveys");
    assert_eq!(entries[4]["venue"], "Measurement");
    assert_eq!(entries[4]["year"], 2022);
}

/// A short linked title followed by its venue (`[Neural Baby Talk](…),
/// CVPR 2018`): the label is the title, the venue and year are not.
#[test]
fn a_short_linked_title_before_its_venue_is_the_title() {
    let list = fixture("well-formed/short-linked-titles.md");
    let (value, entries) = entries_of(&list);
    assert_eq!(entries.len(), 6, "{value}");
    assert_eq!(entries[2]["title"], "Datasheets for Datasets");
    // Two words are a title too where the venue's year follows.
    assert_eq!(entries[4]["title"], "Visual Dialog");
    assert_eq!(entries[4]["year"], 2017);
    assert_eq!(entries[2]["venue"], "arXiv");
    assert_eq!(entries[3]["title"], "Neural Baby Talk");
    assert_eq!(entries[3]["venue"], "CVPR");
    assert_eq!(entries[3]["year"], 2018);
    let out = run(lint().arg(&list).arg("--no-config"));
    assert_eq!(out.code, 0, "{}", out.stdout);
}

/// Authors written without their list's italics stay authors: a sentence
/// of names joined by `and` before the year is no venue, and a last name
/// before a venue's acronym ends the names (`… Yuan Qi. AAAI 2019.`).
#[test]
fn plain_authors_before_the_venue_are_not_the_venue() {
    let list = fixture("well-formed/plain-authors-before-venue.md");
    let (value, entries) = entries_of(&list);
    assert_eq!(entries.len(), 4, "{value}");
    assert_eq!(entries[1]["venue"], Value::Null);
    assert_eq!(entries[1]["year"], 2018);
    assert_eq!(
        entries[1]["authors"],
        "Ziwei Zhang, Peng Cui and Wenwu Zhu."
    );
    assert_eq!(entries[2]["venue"], "AAAI");
    assert!(
        entries[2]["authors"]
            .as_str()
            .is_some_and(|a| a.ends_with("Yuan Qi.")),
        "{}",
        entries[2]
    );
}

/// Lines written `Label: value` under an entry are what their label says:
/// `Publish Date:` dates the entry, `Publisher:` is a note, never a venue.
#[test]
fn labelled_lines_are_what_their_label_says() {
    let list = fixture("well-formed/labelled-fields.md");
    let (value, entries) = entries_of(&list);
    assert_eq!(entries.len(), 6, "{value}");
    assert_eq!(entries[0]["venue"], Value::Null);
    assert_eq!(entries[0]["year"], 2026);
    assert_eq!(entries[0]["month"], 6);
    assert_eq!(entries[2]["venue"], "AAAI");
    assert_eq!(entries[2]["year"], 2025);
    assert_eq!(entries[2]["authors"], "Aizierjiang Aiersilan");
    // A line's label says what its links lead to.
    let categories: Vec<&str> = entries[2]["links"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["category"].as_str().unwrap())
        .collect();
    assert_eq!(categories, ["paper", "project", "code", "data", "data"]);
}

/// Field lines behind a list's marker emoji (`📅 Date:`, `📑 Publisher:`)
/// are read by their label: the date dates the entry, a publisher that
/// names a venue (known, or by a word such as `Journal`) is its venue and
/// one that does not is a note, and an affiliation's acronym (`MSR`) is no
/// venue. An entry linking a project page in the list's shape is an entry.
#[test]
fn marked_field_lines_are_read_by_their_labels() {
    let list = fixture("well-formed/marked-field-lines.md");
    let (value, entries) = entries_of(&list);
    assert_eq!(entries.len(), 6, "{value}");
    let read: Vec<(&str, &str, i64)> = entries
        .iter()
        .map(|e| {
            (
                e["title"].as_str().unwrap().split(':').next().unwrap(),
                e["venue"].as_str().unwrap_or("-"),
                e["year"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        read,
        [
            ("PixelPilot", "ACL", 2025),
            ("TapBench", "arXiv", 2024),
            ("FormFiller", "Journal of Interactive Agents", 2024),
            ("ScreenSeer", "USENIX Security", 2024),
            ("DeskAgent", "-", 2024),
            ("ClickChain", "arXiv", 2024),
        ],
        "{value}"
    );
    assert_eq!(entries[1]["month"], 9);
    assert_eq!(entries[0]["authors"], "Mara Quinn, Tobias Reyes");
    // The ACL Anthology link is of the venue's year, not the date's: no
    // year-mismatch, and nothing else either.
    assert_lints_clean(&list, "the list");
}

/// `Title. In *ICML 2018*.`: the venue and its year in one emphasis after
/// the citation's `in` end the title, a question mark ending the title's
/// sentence included, and `Attention, please! …` is no sentence end.
#[test]
fn an_emphasised_venue_after_in_ends_the_title() {
    let list = fixture("well-formed/venue-after-in.md");
    let (value, entries) = entries_of(&list);
    let read: Vec<(&str, &str, i64)> = entries
        .iter()
        .map(|e| {
            (
                e["title"].as_str().unwrap(),
                e["venue"].as_str().unwrap_or("-"),
                e["year"].as_i64().unwrap_or(0),
            )
        })
        .collect();
    assert_eq!(
        read,
        [
            ("Gradient noise shapes where descent settles.", "ICML", 2018),
            ("When does descent leave a saddle point?", "NeurIPS", 2019),
            (
                "Wide networks train like their linearisations.",
                "ICLR",
                2020
            ),
            (
                "Attention, please! A study of stepsize schedules.",
                "JMLR",
                2021
            ),
            (
                "Sharp minima revisited under reparametrisation.",
                "COLT",
                2021
            ),
        ],
        "{value}"
    );
    assert_lints_clean(&list, "the list");
}

/// Headings that name a venue and nothing else (`### Arxiv`, `### NeurIPS
/// 2024`) part a topic as year headings do: the entries under them take
/// the heading's venue, and a preprint listed again under the venue that
/// published it is the same paper twice in one topic.
#[test]
fn venue_headings_are_no_topics_of_their_own() {
    let list = fixture("entries/venue-headings.md");
    let (value, entries) = entries_of(&list);
    let venues: Vec<&str> = entries
        .iter()
        .map(|e| e["venue"].as_str().unwrap_or("-"))
        .collect();
    assert_eq!(
        venues,
        ["Arxiv", "Arxiv", "NeurIPS", "NeurIPS", "ICML"],
        "{value}"
    );
    let (_, report) = json(&[list.to_str().unwrap()]);
    assert_eq!(
        lines_and_rules(&report),
        [(21, "duplicate-entry".to_owned())],
        "{report}"
    );
}

/// Two entries on one proceedings address: the address names its paper's
/// first author (`…/okafor24ao.html`), so the other entry, even the first
/// of the two, is the one that links the wrong paper.
#[test]
fn a_shared_proceedings_link_blames_the_entry_it_does_not_name() {
    let list = fixture("entries/proceedings-slug-owner.md");
    let (_, report) = json(&[list.to_str().unwrap()]);
    assert_eq!(
        lines_and_rules(&report),
        [(5, "shared-link".to_owned())],
        "{report}"
    );
    let help = report["diagnostics"][0]["help"].as_str().unwrap();
    assert!(
        help.contains("`Guided Sampling for Offline-to-Online Fine-Tuning`'s (line 9)"),
        "{help}"
    );
}

/// One paper link under two titles in two topics: a paper cross-listed
/// keeps its title (`Edge`, not reported), two titles with little in
/// common but the list's own words (`dynamics`, `training`) are two papers
/// (reported). Of two entries on one arXiv id, the one its venue's month
/// dates away from the id is the wrong one, even the earlier.
#[test]
fn shared_links_across_topics_are_judged_by_title_and_date() {
    let list = fixture("entries/shared-link-across-topics.md");
    let (_, report) = json(&[list.to_str().unwrap()]);
    assert_eq!(
        lines_and_rules(&report),
        [
            (8, "shared-link".to_owned()),
            (12, "shared-link".to_owned())
        ],
        "{report}"
    );
}

/// An entry whose paper is linked by its short name where the others link
/// their title is told so, not that it has no title at all.
#[test]
fn a_paper_linked_by_its_short_name_is_told_so() {
    let mut text = String::from("# Driving\n\n## Papers\n\n");
    for (i, title) in [
        "Lagrange: An Open-Vocabulary Framework for End-to-End Driving",
        "GraphWorld: Long-Horizon Planning with World Models",
        "DriveGPT4: Interpretable End-to-end Autonomous Driving",
        "GPT-Driver: Learning to Drive with GPT",
        "DriveLM: Driving with Graph Visual Question Answering",
        "LimSim++",
        "ReactSim-Bench: Benchmarking Reactive Behavior World Models",
    ]
    .iter()
    .enumerate()
    {
        text.push_str(&format!(
            "- [{title}](https://arxiv.org/abs/2402.0{i}246)\n  - Ada Lovelace, Alan Turing\n\n"
        ));
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("README.md");
    fs::write(&path, text).unwrap();
    let out = run(lint().arg(&path).arg("--no-config"));
    assert!(
        out.stdout.contains(
            "the paper is linked by its short name `LimSim++`, and the entry has no title"
        ),
        "{}",
        out.stdout
    );
}

/// A topic that links some papers by a word or two (`Bi-directional RNN`)
/// labels its papers informally: `[LSTM](…)` there is one more label, not
/// a title left out.
#[test]
fn informal_labels_are_a_topics_way() {
    let mut text = String::from("# Deep Learning\n\n## Papers\n\n");
    for (i, title) in [
        "ImageNet Classification with Deep Convolutional Neural Networks",
        "Learning Deep Architectures for AI",
        "Bi-directional RNN",
        "LSTM",
        "GRU - Gated Recurrent Unit",
        "Visualizing and Understanding Recurrent Networks",
        "Recurrent Neural Network based Language Model",
    ]
    .iter()
    .enumerate()
    {
        text.push_str(&format!(
            "{}. [{title}](https://arxiv.org/pdf/1502.0{i}367.pdf)\n",
            i + 1
        ));
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("README.md");
    fs::write(&path, text).unwrap();
    let (_, value) = json(&[path.to_str().unwrap()]);
    assert_eq!(lines_and_rules(&value), Vec::<(u64, String)>::new());
}

/// Where each entry opens with its venue's tag as a link (`\[[PR
/// 2021](…)\] Title`), every such tag is the venue, known or not, in words
/// or abbreviations; the words after it are the title.
#[test]
fn linked_venue_tags_are_venues_whatever_their_name() {
    let list = fixture("well-formed/linked-venue-tags.md");
    let (value, entries) = entries_of(&list);
    assert_eq!(entries.len(), 22, "{value}");
    assert_eq!(entries[1]["venue"], "PR");
    assert_eq!(entries[1]["year"], 2021);
    assert_eq!(entries[3]["year"], 2023);
    assert_eq!(
        entries[3]["title"],
        "Knowledge graph-enhanced molecular contrastive learning with functional prompt"
    );
    assert_eq!(entries[4]["year"], 2022);
    assert_eq!(
        entries[4]["title"],
        "Zero-Shot Learning with Common Sense Knowledge Graphs"
    );
}

/// In a list that writes its authors before a linked title, one author
/// alone (`- Bappaditya Mandal .[Title](…)`) is the authors, and the link
/// the title: two papers of one author are not one title twice.
#[test]
fn one_author_before_a_linked_title_is_the_authors() {
    let list = fixture("well-formed/one-author-before-linked-title.md");
    let (_, entries) = entries_of(&list);
    assert_eq!(entries[4]["authors"], "Bappaditya Mandal");
    assert_eq!(
        entries[4]["title"],
        "Face Recognition: Perspectives from the Real-World"
    );
    assert_eq!(
        entries[5]["title"],
        "Improved Eigenfeature Regularization for Face Identification"
    );
    // `.[J] arXiv preprint arXiv:1602.03256.`: the server, named, then its id.
    assert_eq!(entries[5]["venue"], "arXiv preprint");
}

/// An address in brackets (`- FCN [https://arxiv.org/pdf/….pdf] [2016]`)
/// is a link, as GitHub renders it; a small section written its own way
/// throughout (`  + url` items under `## Losses`) is no indentation slip.
#[test]
fn addresses_in_brackets_are_links() {
    let list = fixture("well-formed/bracketed-addresses.md");
    let (value, entries) = entries_of(&list);
    assert_eq!(entries.len(), 9, "{value}");
    assert_eq!(entries[2]["title"], "FCN");
    assert_eq!(entries[2]["year"], 2016);
    assert_eq!(
        entries[2]["links"][0]["url"],
        "https://arxiv.org/pdf/1605.06211.pdf"
    );
    assert_eq!(entries[2]["links"][0]["category"], "paper");
    assert_eq!(entries[2]["links"][1]["category"], "code");
}

/// A bold title over a list of lines led by keys (`- intro: NIPS 2015`,
/// `- arxiv: <…>`, `- github(Caffe): <…>`) is one entry: the keyed lines
/// are its fields and links, a key is no venue, and `intro:` gives it one.
#[test]
fn a_title_over_keyed_lines_is_one_entry() {
    let list = fixture("well-formed/titles-over-keyed-lines.md");
    let (value, entries) = entries_of(&list);
    assert_eq!(entries.len(), 4, "{value}");
    assert_eq!(
        entries[0]["title"],
        "Faster R-CNN: Towards Real-Time Object Detection with Region Proposal Networks"
    );
    assert_eq!(entries[0]["venue"], "NIPS");
    assert_eq!(entries[0]["year"], 2015);
    assert_eq!(entries[0]["links"].as_array().unwrap().len(), 4);
    assert_eq!(entries[2]["venue"], "CVPR");
}

/// Links grouped in parentheses before the title (`([paper](…) [code](…))
/// Title`) leave the title its own words; the title glued to the group's
/// `)` is a missing space.
#[test]
fn links_in_parentheses_before_the_title_are_no_part_of_it() {
    let list = fixture("well-formed/links-in-parentheses.md");
    let out = run(cmd().args(["entries", "--no-config", list.to_str().unwrap()]));
    let value: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(
        value["entries"][0]["title"],
        "A Closer Look at Few-Shot Classification"
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("README.md");
    let text = fs::read_to_string(&list)
        .unwrap()
        .replace("simple-cnaps)) Improved", "simple-cnaps))Improved");
    fs::write(&path, text).unwrap();
    let out = run(cmd().args([
        "--offline",
        "--no-config",
        "--format",
        "concise",
        path.to_str().unwrap(),
    ]));
    assert!(
        out.stdout
            .contains("missing space after `)`, before `Improved Few"),
        "{}",
        out.stdout
    );
}

/// A rank opening a table's cell (`1) **Title** - summary`) is no part of
/// the title, nor is the summary after it; a row with the bold title alone
/// has its title.
#[test]
fn ranks_and_summaries_in_a_cell_leave_the_bold_title() {
    let list = fixture("well-formed/ranked-table-rows.md");
    let out = run(cmd().args(["entries", "--no-config", list.to_str().unwrap()]));
    let value: Value = serde_json::from_str(&out.stdout).unwrap();
    let entries = value["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 5, "{value}");
    assert_eq!(entries[0]["title"], "Kolmogorov-Arnold Networks");
    assert_eq!(
        entries[3]["title"],
        "Architectures of Topological Deep Learning: A Survey on Topological Neural Networks"
    );
}

/// `it[s Claude.ai](…)`: a link's bracket put a letter early inside a word
/// is no missing space (a space would split the word on the page).
#[test]
fn a_bracket_inside_a_word_is_no_missing_space() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("README.md");
    let mut text = String::from("# Papers\n\n");
    for i in 0..6 {
        text.push_str(&format!(
            "- [**ICLR 2024**] Graph Paper Number {i} for Reasoning [[pdf]](https://arxiv.org/abs/2401.0000{i}) [[code]](https://github.com/o/p{i})\n"
        ));
    }
    text.push_str("- [**ICLR 2024**] Anthropic releases it[s Claude.ai](https://claude.ai) app, Graph Paper for Agents [[pdf]](https://arxiv.org/abs/2401.00009)\n");
    fs::write(&path, text).unwrap();
    let out = run(cmd().args([
        "--offline",
        "--no-config",
        "--format",
        "concise",
        path.to_str().unwrap(),
    ]));
    assert!(!out.stdout.contains("[s Claude"), "{}", out.stdout);
}

/// `(Similar topic: [2018-NIPSw-rethink](…))`: a link labelled by the
/// paper it points to, the title link of another entry, is a pointer to
/// that entry, no paper shared by two entries.
#[test]
fn a_pointer_to_another_entry_is_no_shared_link() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("README.md");
    let mut text = String::from("# Pruning\n\n");
    text.push_str("- 2018-ICLR-[To Prune, or Not to Prune: Exploring the Efficacy of Pruning](https://openreview.net/forum?id=Sy1iIDkPM) (Similar topic: [2018-NIPSw-rethink](https://openreview.net/forum?id=r1eLk2mKiX))\n");
    for i in 0..4 {
        text.push_str(&format!(
            "- 2019-ICLR-[Pruning Method Number {i} for Deep Networks](https://openreview.net/forum?id=abcdef{i})\n"
        ));
    }
    text.push_str("- 2018-NIPS-[Rethinking the Value of Network Pruning](https://openreview.net/forum?id=r1eLk2mKiX)\n");
    fs::write(&path, &text).unwrap();
    let out = run(cmd().args([
        "--offline",
        "--no-config",
        "--format",
        "concise",
        path.to_str().unwrap(),
    ]));
    assert!(!out.stdout.contains("shared-link"), "{}", out.stdout);
    // The same address given as the entry's own paper is shared.
    fs::write(&path, text.replace("[2018-NIPSw-rethink]", "[paper]")).unwrap();
    let out = run(cmd().args([
        "--offline",
        "--no-config",
        "--format",
        "concise",
        path.to_str().unwrap(),
    ]));
    assert!(out.stdout.contains("shared-link"), "{}", out.stdout);
}

/// A table whose dates mostly disagree with their arXiv ids dates its rows
/// some other way: no row's date is taken for mistyped, and none is out of
/// order for it.
#[test]
fn dates_that_mostly_disagree_with_their_ids_are_the_lists_way() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("README.md");
    let mut text = String::from("# Benchmarks\n\n| Title | Venue | Date |\n|:--|:--:|:--:|\n");
    for i in 0..30u32 {
        let year = 2015 + i % 10;
        let month = 1 + i % 12;
        text.push_str(&format!(
            "| [**Benchmark Number {i} for Multimodal Grounding**](https://arxiv.org/pdf/1501.{:05}) | CVPR | {year}-{month:02}-01 |\n",
            i + 1
        ));
    }
    fs::write(&path, text).unwrap();
    let out = run(cmd().args([
        "--offline",
        "--no-config",
        "--format",
        "concise",
        path.to_str().unwrap(),
    ]));
    assert!(!out.stdout.contains("entry-order"), "{}", out.stdout);
}

/// A did-you-mean offers the list's own spelling before the vocabulary's:
/// `NAACL-HIT` in a list that writes `NAACL-HLT` is `NAACL-HLT`.
#[test]
fn a_did_you_mean_prefers_the_lists_own_spelling() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("README.md");
    let mut text = String::from("# Knowledge Graph Papers\n\n");
    for i in 0..4 {
        text.push_str(&format!(
            "1. **Knowledge Graph Embedding Method Number {i}.** NAACL-HLT 2019. [paper](https://aclanthology.org/N19-100{i}/)\n"
        ));
    }
    text.push_str("1. **A Capsule Network Embedding Model for Knowledge Graphs.** NAACL-HIT 2019. [paper](https://aclanthology.org/N19-2000/)\n");
    fs::write(&path, text).unwrap();
    let out = run(cmd().args([
        "--offline",
        "--no-config",
        "--format",
        "json",
        path.to_str().unwrap(),
    ]));
    assert!(
        out.stdout.contains("did you mean `NAACL-HLT`?"),
        "{}",
        out.stdout
    );
}

/// A list with one entry, its links unneeded offline.
const ONE_ENTRY: &str = "# Papers\n\n- [**CVPR 2023**] A Title About Things [[pdf]](https://arxiv.org/abs/2301.00001)\n";

#[test]
fn the_default_list_is_found_whatever_the_case_of_its_name() {
    for name in ["README.md", "readme.md", "Readme.md"] {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join(name), ONE_ENTRY).unwrap();
        let out = run(lint()
            .current_dir(dir.path())
            .args(["--no-config", "--format", "json"]));
        assert_eq!(out.code, 0, "{name}: {}", out.stderr);
        let value: Value = serde_json::from_str(&out.stdout).unwrap();
        assert_eq!(value["summary"]["entries"], 1, "{name}");
    }
    // None at all: the error names the file a user would expect.
    let dir = tempfile::tempdir().unwrap();
    let out = run(lint().current_dir(dir.path()).arg("--no-config"));
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("README.md"), "{}", out.stderr);
}

#[test]
fn a_dash_reads_stdin_named_as_asked() {
    let text = "# Papers\n\n- [**CVPR 2023**] A Title About Things [[pdf]](https://arxiv.org/abs/2301.00001)  \n";
    let out = run(lint()
        .args([
            "--no-config",
            "--select",
            "whitespace",
            "--format",
            "concise",
            "-",
        ])
        .write_stdin(text));
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.starts_with("-:3:"),
        "stdin is `-` in reports: {}",
        out.stdout
    );
    // Named, it is reported under that name, and its config is the one
    // beside that path.
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("docs")).unwrap();
    fs::write(
        dir.path().join("docs/.awesome-lint.toml"),
        "[rules]\nwhitespace = \"error\"\n",
    )
    .unwrap();
    let out = run(lint()
        .current_dir(dir.path())
        .args([
            "--format",
            "concise",
            "--stdin-filename",
            "docs/list.md",
            "-",
        ])
        .write_stdin(text));
    assert_eq!(out.code, 1, "{}\n{}", out.stdout, out.stderr);
    assert!(
        out.stdout.starts_with("docs/list.md:3:") && out.stdout.contains("error[whitespace]"),
        "{}",
        out.stdout
    );
    // Nothing to write a fix back to: refused, with the way out.
    let out = run(lint().args(["--no-config", "--fix", "-"]).write_stdin(text));
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("--diff"), "{}", out.stderr);
    // The diff of the fixes is fine.
    let out = run(lint()
        .args(["--no-config", "--select", "whitespace", "--diff", "-"])
        .write_stdin(text));
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(out.stdout.contains("+- [**CVPR 2023**]"), "{}", out.stdout);
}

#[test]
fn the_environments_arguments_are_the_lints_only() {
    // The action passes its `args` input through the environment: they
    // must not turn `awesome-lint rules` into a lint of a file named `rules`.
    let out = run(cmd()
        .env("AWESOME_LINT_ARGS", "--offline --format json")
        .arg("rules"));
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("entry-format"), "{}", out.stdout);
    let out = run(cmd()
        .env("AWESOME_LINT_ARGS", "--offline")
        .args(["explain", "year-section"]));
    assert_eq!(out.code, 0, "{}", out.stderr);
    // The lint itself takes them.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("list.md");
    fs::write(&path, ONE_ENTRY).unwrap();
    let out = run(cmd()
        .env("AWESOME_LINT_ARGS", "--offline --no-config --format json")
        .arg(&path));
    assert_eq!(out.code, 0, "{}", out.stderr);
    let value: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(value["summary"]["entries"], 1);
}

#[test]
fn contradictory_or_empty_options_are_refused_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("list.md");
    fs::write(&path, ONE_ENTRY).unwrap();
    let out = run(lint().arg("--fix").arg("--diff").arg(&path));
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("'--fix' cannot be used with '--diff'"),
        "{}",
        out.stderr
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), ONE_ENTRY);
    let out = run(cmd().args(["--timeout", "0"]).arg(&path));
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("above 0"), "{}", out.stderr);
}

/// `<[Title](…)> by A, B and C, ICLR 2018.`: the names after `by` are the
/// authors, the venue and year end the text; `Peng et al, 2018` is authors
/// and a year, never a venue named `Peng et al`.
#[test]
fn authors_after_by_are_the_authors() {
    let list = fixture("well-formed/authors-after-by.md");
    let (value, entries) = entries_of(&list);
    assert_eq!(entries.len(), 5, "{value}");
    let read: Vec<(String, Value, Value)> = entries
        .iter()
        .map(|e| {
            (
                e["authors"].as_str().unwrap_or_default().to_owned(),
                e["venue"].clone(),
                e["years"].clone(),
            )
        })
        .collect();
    use serde_json::json;
    assert_eq!(
        read,
        [
            (
                "Jonathan Ho and Stefano Ermon".to_owned(),
                json!("NIPS"),
                json!([2016])
            ),
            (
                "Justin Fu, Katie Luo and Sergey Levine".to_owned(),
                json!("ICLR"),
                json!([2018])
            ),
            (
                "Xue Bin Peng, Angjoo Kanazawa, Sam Toyer, Pieter Abbeel and Sergey Levine"
                    .to_owned(),
                json!("ICLR"),
                json!([2019])
            ),
            ("Peng et al".to_owned(), Value::Null, json!([2018])),
            (
                "Stephane Ross, Geoffrey J. Gordon and J. Andrew Bagnell".to_owned(),
                Value::Null,
                json!([2011])
            ),
        ]
    );
}

/// `ToMP: "Transforming Model Prediction for Tracking" CVPR.`: a short name
/// and its colon before a quoted title are the entry's name, the quotes
/// hold the title, and the venue follows.
#[test]
fn a_name_before_a_quoted_title_is_the_name() {
    let list = fixture("well-formed/name-colon-quoted-title.md");
    let (value, entries) = entries_of(&list);
    assert_eq!(entries.len(), 6, "{value}");
    let read: Vec<(Value, &str, &str)> = entries
        .iter()
        .map(|e| {
            (
                e["name"].clone(),
                e["title"].as_str().unwrap_or_default(),
                e["venue"].as_str().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        read[0],
        (
            Value::from("ToMP"),
            "Transforming Model Prediction for Tracking",
            "CVPR"
        )
    );
    assert_eq!(
        read[1],
        (
            Value::Null,
            "Global Tracking via Ensemble of Local Trackers",
            "CVPR"
        )
    );
    assert_eq!(
        read[5],
        (
            Value::from("KeepTrack"),
            "Learning Target Candidate Association to Keep Track of What Not to Track",
            "ICCV"
        )
    );
}

/// In a list whose titles are plain, `**SetAR** Customize Your …` opens
/// with the paper's name in bold, its colon left out: the name is the bold
/// word, the title the rest, markup-free.
#[test]
fn a_bold_name_without_its_colon_is_the_name() {
    let list = fixture("well-formed/bold-name-without-colon.md");
    let (value, entries) = entries_of(&list);
    assert_eq!(entries.len(), 12, "{value}");
    let tail: Vec<(Value, &str)> = entries[9..]
        .iter()
        .map(|e| (e["name"].clone(), e["title"].as_str().unwrap_or_default()))
        .collect();
    assert_eq!(
        tail,
        [
            (
                Value::from("SetAR"),
                "Customize Your Visual Autoregressive Recipe with Set Modeling"
            ),
            (
                Value::from("MamGen"),
                "Scalable Autoregressive Image Generation with State Spaces"
            ),
            (
                Value::from("ARM-2"),
                "Autoregressive Pretraining with State Space Models in Vision"
            ),
        ]
    );
}

/// A rare spelling one letter from one the list writes many times more is
/// a slip the list repeated (`aiXiv` among `arXiv`), though it is written
/// twice and no keyboard puts the two letters side by side.
#[test]
fn a_repeated_slip_of_the_lists_own_spelling_is_reported() {
    let mut text = String::from("# Learned Databases\n\n## Papers\n\n");
    for i in 0..12 {
        text.push_str(&format!(
            "* A Learned Index Structure Number {i} for Databases (arXiv 202{})\n",
            i % 5
        ));
    }
    text.push_str("* Another Learned Index for Databases (aiXiv 2021)\n");
    text.push_str("* A Third Learned Index for Databases (aiXiv 2022)\n");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("list.md");
    fs::write(&path, &text).unwrap();
    let (_, value) = json(&[path.to_str().unwrap()]);
    let found: Vec<(u64, String, String)> = value["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["line"].as_u64().unwrap(),
                d["message"].as_str().unwrap().to_owned(),
                d["help"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    assert_eq!(found.len(), 2, "{found:?}");
    for (line, message, help) in &found {
        assert!([17, 18].contains(line), "{found:?}");
        assert_eq!(message, "unknown venue `aiXiv`");
        assert!(help.starts_with("did you mean `arXiv`?"), "{help}");
    }
}

/// A table of metrics (or datasets) whose reference column cites papers
/// by author and year (`[Salimans et al., 2016](…)`) holds no paper
/// entries: its rows are about the metrics, and are held to no paper shape.
#[test]
fn a_table_that_cites_papers_by_author_holds_no_entries() {
    let mut text = String::from("# Autoregressive Vision\n\n## Papers\n\n");
    for i in 0..6 {
        text.push_str(&format!(
            "- **[CVPR, 202{i}]** A Paper About Autoregressive Vision Number {i} [Paper](https://arxiv.org/abs/2201.0000{i})\n"
        ));
    }
    text.push_str(
        "\n## Evaluation Metrics\n\n| Metric | Analysis Type | Reference |\n|---|---|---|\n\
         | Inception Score | Quantitative | [Salimans et al., 2016](https://arxiv.org/pdf/1606.03498) |\n\
         | Frechet Inception Distance | Quantitative | [Heusel et al., 2017](https://arxiv.org/pdf/1706.08500) |\n\
         | Precision and Recall | Quantitative | [Powers, 2020](https://arxiv.org/pdf/2010.16061) |\n\
         | CLIP Score | Quantitative | [Hessel et al., 2021](https://arxiv.org/pdf/2104.08718) |\n\
         | Turing Test | Qualitative | [Turing, 1950](https://academic.oup.com/mind/article/LIX/236/433/986238) |\n",
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("list.md");
    fs::write(&path, &text).unwrap();
    let (_, value) = json(&[path.to_str().unwrap()]);
    assert_eq!(value["summary"]["entries"], 6, "{value}");
    assert_eq!(lines_and_rules(&value), []);
}

/// A thesis on its university's repository, linked `[[link]]` (a label
/// that names no kind) over a line of its author and where it was
/// written: an entry whose paper is that link. A forge an institution runs
/// itself (`gitlab.example.edu`) hosts code.
#[test]
fn a_generic_link_on_an_unknown_host_is_the_paper_of_its_entry() {
    let list = fixture("well-formed/theses-on-repositories.md");
    let (value, entries) = entries_of(&list);
    assert_eq!(entries.len(), 6, "{value}");
    let thesis = &entries[4];
    assert_eq!(thesis["line"], 27);
    assert_eq!(thesis["title"], "Backdoor Attacks in Neural Networks.");
    assert_eq!(thesis["authors"], "Kai Lund.");
    assert_eq!(
        thesis["venue"],
        "Master Thesis at Example University of Technology"
    );
    assert_eq!(thesis["links"][0]["category"], "paper");
    assert_eq!(entries[3]["links"][1]["category"], "code");
}

/// A list written as HTML tables (`<table><tr><td>`), the venue in a cell
/// spanning the rows of its papers: every row is an entry, under the
/// venue, its columns named by the header row.
#[test]
fn html_tables_are_read_by_their_header_and_spanning_cells() {
    let list = fixture("shapes/html-table/ok.md");
    let (value, entries) = entries_of(&list);
    assert_eq!(entries.len(), 11, "{value}");
    let venues: Vec<(&str, u64)> = entries
        .iter()
        .map(|e| (e["venue"].as_str().unwrap(), e["year"].as_u64().unwrap()))
        .collect();
    assert_eq!(
        venues[..6],
        [
            ("ICML", 2024),
            ("ICML", 2024),
            ("ICML", 2024),
            ("ICML", 2023),
            ("ICML", 2023),
            ("NeurIPS", 2021)
        ]
    );
    assert_eq!(
        entries[1]["title"],
        "Sharper Rates for Local Gradient Methods"
    );
    assert_eq!(entries[5]["name"], "FedTrim");
    assert_eq!(
        entries[7]["title"],
        "Bayesian Model Fusion <b>without</b> Shared Data"
    );
    assert_eq!(entries[0]["links"][1]["category"], "code");
}

/// The venue a sentence of its own closing the authors' emphasis (`*Ann
/// Lee et al. arXiv.*`), headings that divide a topic by year (`###
/// Planning: 2024`) under a list whose contents heading stands beside its
/// title, and a track after the venue's name (`ACL Findings`).
#[test]
fn venues_inside_author_emphasis_and_topic_year_headings_are_read() {
    let list = fixture("well-formed/venues-inside-author-emphasis.md");
    let (value, entries) = entries_of(&list);
    assert_eq!(entries.len(), 7, "{value}");
    let read: Vec<(&str, u64, &str)> = entries
        .iter()
        .map(|e| {
            (
                e["venue"].as_str().unwrap(),
                e["section"].as_u64().unwrap(),
                e["authors"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(read[0], ("arXiv", 2024, "Ann Lee et al."));
    assert_eq!(
        read[1],
        ("ICLR", 2024, "Bo Kim (Example University) et al.")
    );
    assert_eq!(read[3], ("arXiv", 2023, "Di Ezra et al."));
    assert_eq!(read[4], ("ACL Findings", 2024, "Ed Fong et al."));
}

/// A track written after the venue's year is part of the venue as the
/// list names it: `ACL 2025 Findings` is `ACL Findings`; its canonical
/// name stays the conference's.
#[test]
fn a_track_after_the_year_names_the_venue() {
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("list.md");
    std::fs::write(
        &list,
        "# Papers\n\n## Text\n\n\
         - [ACL 2025 Findings] Retrieval for Long Inputs [[paper]](https://arxiv.org/abs/2501.00001)\n\
         - [ICLR 2024 Workshop] Sparse Adapters at Scale [[paper]](https://arxiv.org/abs/2401.00002)\n\
         - [EMNLP 2024] Dense Adapters at Scale [[paper]](https://arxiv.org/abs/2406.00003)\n",
    )
    .unwrap();
    let (value, entries) = entries_of(&list);
    assert_eq!(entries.len(), 3, "{value}");
    assert_eq!(entries[0]["venue"], "ACL Findings");
    assert_eq!(entries[0]["canonical_venue"], "ACL");
    assert_eq!(entries[1]["venue"], "ICLR Workshop");
    assert_eq!(entries[2]["venue"], "EMNLP");
}

/// A paper's arXiv id copied into another paper's entry: the dates settle
/// which entry is wrong (the id was posted in May 2023, as Voyager's
/// entries say; FireAct is dated October), and the wrong entry is reported
/// once, however many listings of the right paper share its link.
#[test]
fn shared_link_blames_the_entry_the_dates_contradict_once() {
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("list.md");
    let voyager = "**Voyager: An Open-Ended Embodied Agent.** *Guanzhi Wang et al. arXiv.* [[paper](https://arxiv.org/abs/2305.16291)]";
    let mut text = String::from("# Agents\n\n## Embodied\n\n");
    text.push_str("- [2023/11] **Tree Planning for Agents.** *Ann Lee et al. arXiv.* [[paper](https://arxiv.org/abs/2311.01001)]\n");
    text.push_str("- [2023/10] **FireAct: Toward Language Agent Fine-tuning.** *Baian Chen et al. arXiv.* [[paper](https://arxiv.org/abs/2305.16291)]\n");
    text.push_str(&format!("- [2023/05] {voyager}\n"));
    text.push_str("- [2023/04] **Memory Streams for Agents.** *Bo Kim et al. arXiv.* [[paper](https://arxiv.org/abs/2304.02002)]\n");
    text.push_str("\n## Games\n\n");
    text.push_str(&format!("- [2023/05] {voyager}\n"));
    text.push_str("- [2023/03] **Agents that Play Cards.** *Cy Diaz et al. arXiv.* [[paper](https://arxiv.org/abs/2303.03003)]\n");
    std::fs::write(&list, text).unwrap();
    let out = run(cmd().args([
        "--offline",
        "--no-config",
        "--format",
        "concise",
        "--select",
        "shared-link",
        list.to_str().unwrap(),
    ]));
    let findings: Vec<&str> = out
        .stdout
        .lines()
        .filter(|l| l.contains("[shared-link]"))
        .collect();
    assert_eq!(findings.len(), 1, "{}", out.stdout);
    assert!(findings[0].contains(":6:"), "{}", findings[0]);
    assert!(findings[0].contains("as `Voyager"), "{}", findings[0]);
    let long = run(cmd().args([
        "--offline",
        "--no-config",
        "--select",
        "shared-link",
        list.to_str().unwrap(),
    ]));
    assert!(
        long.stdout.contains("was posted in May 2023")
            && long.stdout.contains("dated October 2023"),
        "{}",
        long.stdout
    );
}

/// A short title that ends with its sentence's period (`- Cliff-Learning.`)
/// is the title over its lines, not a name heading them; letters in
/// parentheses glued to a word (`(Mis)Fitting`, `Network(s)`) are the
/// word's; `Key Word:` lines are notes.
#[test]
fn short_titles_and_glued_parentheses_are_read_as_titles() {
    let list = fixture("well-formed/short-titles-over-their-lines.md");
    let (value, entries) = entries_of(&list);
    assert_eq!(entries.len(), 5, "{value}");
    let titles: Vec<&str> = entries
        .iter()
        .map(|e| e["title"].as_str().unwrap())
        .collect();
    assert_eq!(
        titles,
        [
            "Cliff-Learning.",
            "(Mis)Fitting: A Survey of Scaling Laws.",
            "Deep Networks Are Kernel Machines.",
            "Machine Love.",
            "Scaling Law(s) of Sparse Network(s).",
        ]
    );
    assert!(entries.iter().all(|e| e["name"].is_null()), "{value}");
    assert_eq!(entries[0]["authors"], "Ann Lee, Bo Kim.");
    assert_eq!(entries[3]["venue"], "ICML");
}

/// A bold line alone over a list (`**In life scenarios**`) heads a group
/// of items as a heading would: a paper listed under two groups is
/// cross-listed, not a duplicate; twice in one group it is one.
#[test]
fn bold_group_labels_part_a_list_for_duplicates() {
    let list = fixture("well-formed/bold-group-labels.md");
    let out = run(cmd().args([
        "--offline",
        "--no-config",
        "--format",
        "concise",
        list.to_str().unwrap(),
    ]));
    assert!(!out.stdout.contains("duplicate-entry"), "{}", out.stdout);
    let dir = tempfile::tempdir().unwrap();
    let twice = dir.path().join("twice.md");
    let text = std::fs::read_to_string(&list).unwrap();
    let copy = "- [2023/10] **OpenPlatform: An Open Platform for Language Agents.** *Ann Lee et al. arXiv.* [[paper](https://arxiv.org/abs/2310.10634)]\n";
    std::fs::write(&twice, format!("{text}{copy}")).unwrap();
    let out = run(cmd().args([
        "--offline",
        "--no-config",
        "--format",
        "concise",
        twice.to_str().unwrap(),
    ]));
    assert!(
        out.stdout.contains(":15:") && out.stdout.contains("duplicate-entry"),
        "{}",
        out.stdout
    );
}

/// Survey lines written their own way under several sibling headings are a
/// way of that part of the list; left with one such line, it is a slip.
#[test]
fn a_family_of_runs_keeps_its_way_and_a_lone_line_does_not() {
    let well = fs::read_to_string(fixture("well-formed/survey-lines-above-tables.md")).unwrap();
    assert_lints_clean(
        &fixture("well-formed/survey-lines-above-tables.md"),
        "family",
    );
    // The Code Search and Commit surveys rewritten in the list's main form:
    // the Summarization survey alone keeps the comma form.
    let text = well
        .replace(
            "\"Code Search: A Survey of Techniques for Finding Code\", 2022-04, ACM Comput. Surv.,",
            "\"Code Search: A Survey of Techniques for Finding Code\" [2022-04] [ACM Comput. Surv.]",
        )
        .replace(
            "\"A Survey of Deep Code Search\", 2023-05, arXiv,",
            "\"A Survey of Deep Code Search\" [2023-05]",
        )
        .replace(
            "An Experimental Study\", 2021-07, ICSME 2021, [[paper]",
            "An Experimental Study\" [2021-07] [ICSME 2021] [[paper]",
        );
    assert_eq!(text.matches("\", 20").count(), 1, "one comma line left");
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("list.md");
    fs::write(&list, &text).unwrap();
    let (_, value) = json(&[list.to_str().unwrap()]);
    let line = text
        .lines()
        .position(|l| l.contains("\", 2022-02, Symmetry"))
        .unwrap() as u64
        + 1;
    assert_eq!(
        lines_and_rules(&value),
        [(line, "entry-format".to_owned())],
        "{value}"
    );
}

/// A link labelled `code` to a site built from a repository (`….github.io`)
/// leads to the project's pages, not to its code.
#[test]
fn a_code_label_on_a_project_site_is_a_project_page() {
    let list = fixture("well-formed/code-labels-on-project-sites.md");
    let (value, entries) = entries_of(&list);
    assert_eq!(entries.len(), 6, "{value}");
    let categories: Vec<&str> = entries
        .iter()
        .map(|e| e["links"][1]["category"].as_str().unwrap())
        .collect();
    assert_eq!(
        categories,
        ["code", "project", "project", "code", "code", "code"]
    );
}

/// In a list that bolds its titles in HTML (`<b>…</b>`), a line whose
/// names end oddly (`Lee J G. :`, an APA `(2018).`) still has the bold for
/// its title, the names before it for authors, and the plain text after it
/// for the venue, where the list writes its venue there.
#[test]
fn an_html_bold_title_is_read_after_odd_names() {
    let list = fixture("well-formed/html-bold-citations.md");
    let (_, entries) = entries_of(&list);
    let at = |line: u64| entry_on(&entries, line);
    assert_eq!(
        at(9)["title"],
        "Multi-View Graph Convolution for Accident Risk Prediction[J]"
    );
    assert_eq!(at(9)["authors"], "Trirat P, Yoon S, Lee J G");
    assert_eq!(
        at(25)["title"],
        "GaAN: Gated Attention Networks for Learning on Large and Spatiotemporal Graphs"
    );
    assert_eq!(
        at(25)["authors"],
        "Zhang, J., Shi, X., Xie, J., & Yeung, D."
    );
    assert_eq!(at(25)["venue"], "UAI");
    assert_eq!(at(25)["year"], 2018);
}

/// Where the list writes `Names. Venue, Year.` under each title, a comma
/// for the period (`…, Mark van der Laan, arXiv, 2021.`) still leaves a
/// known venue or an acronym no person is named after the names.
#[test]
fn a_venue_after_the_authors_comma_is_the_venue() {
    let list = fixture("well-formed/venue-after-the-authors.md");
    let (value, entries) = entries_of(&list);
    let read: Vec<(&str, &str)> = entries
        .iter()
        .filter(|e| e["line"] == 33 || e["line"] == 63)
        .map(|e| {
            (
                e["venue"].as_str().unwrap_or_default(),
                e["authors"].as_str().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        read,
        [
            (
                "arXiv",
                "Aurelien Bibaut, Maya Petersen, and Mark van der Laan"
            ),
            ("RLEM", "Bingqing Chen, Ming Jin, and Mario Bergés"),
        ],
        "{value}"
    );
}

/// `**Title.** Preprint.`: the word a list writes for a preprint's venue,
/// alone after the title as a known venue is (`JMLR.`), is the venue.
#[test]
fn a_preprint_word_alone_is_the_venue() {
    let list = fixture("well-formed/preprint-word-venues.md");
    let (value, entries) = entries_of(&list);
    let venues: Vec<&str> = entries
        .iter()
        .map(|e| e["venue"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(
        venues,
        [
            "Preprint", "Preprint", "JMLR", "NeurIPS", "ACL", "EMNLP", "ACL"
        ],
        "{value}"
    );
}

/// `2019-CVPR - Title` leads: a workshop written `ICLR_W`, and a lead set
/// off with no-break spaces, are read like the others; `2017 - Title`, the
/// year alone where the venue goes, leaves the venue out on purpose.
#[test]
fn year_venue_leads_are_read_whatever_their_spaces() {
    let list = fixture("well-formed/year-venue-leads.md");
    let (_, entries) = entries_of(&list);
    let at = |line: u64| entry_on(&entries, line);
    assert_eq!(at(15)["venue"], "ICLR_W");
    assert_eq!(
        at(15)["title"],
        "How Do Neural Networks Overcome Label Noise?."
    );
    assert_eq!(at(26)["venue"], "NeurIPS");
    assert_eq!(at(26)["year"], 2020);
    assert!(
        at(26)["title"]
            .as_str()
            .unwrap()
            .starts_with("Self-Adaptive"),
        "{}",
        at(26)
    );
}

/// A table row that names its project in the title column and links only
/// its code is an entry of the table, however short its name.
#[test]
fn a_code_only_row_of_a_table_of_papers_is_an_entry() {
    let list = fixture("well-formed/code-only-table-rows.md");
    let (value, entries) = entries_of(&list);
    let titles: Vec<&str> = entries
        .iter()
        .map(|e| e["title"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(titles.len(), 8, "{value}");
    assert_eq!(titles[1], "MetaSpatial");
    assert_eq!(titles[4], "Multimodal Open R1");
    assert_eq!(entries[1]["links"][0]["category"], "code");
}

/// Comma-separated citation fields after a title: a venue's acronym as a
/// field of its own before the year (`, TETCI, 2018`), and a remark in
/// parentheses after the year (`(first deep learning based SE)`), which is
/// neither the title's nor the venue's.
#[test]
fn comma_fields_and_a_remark_after_the_year_are_read() {
    let list = fixture("well-formed/comma-fields-and-remarks.md");
    let (value, entries) = entries_of(&list);
    let read: Vec<(&str, &str, i64)> = entries
        .iter()
        .map(|e| {
            (
                e["title"].as_str().unwrap_or_default(),
                e["venue"].as_str().unwrap_or_default(),
                e["year"].as_i64().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        read[1],
        (
            "Audio-Visual Speech Enhancement Using Multimodal Deep Convolutional Neural Networks",
            "TETCI",
            2018
        ),
        "{value}"
    );
    assert_eq!(
        read[3],
        (
            "Speech Enhancement Based on Deep Denoising Autoencoder",
            "INTERSPEECH",
            2013
        ),
        "{value}"
    );
}

/// References broken over lines, the authors alone on the first and the
/// linked title on the second (`Chen, H., Wu, Q.,` over `*[Title](…)*,`):
/// the names are the authors and the link's text the title.
#[test]
fn names_over_a_linked_title_are_its_authors() {
    let list = fixture("well-formed/names-over-linked-titles.md");
    let (value, entries) = entries_of(&list);
    assert_eq!(entries.len(), 11, "{value}");
    assert_eq!(
        entries[0]["title"],
        "Asynchronous Tracking-by-Detection on Adaptive Time Surfaces for Event-based Object Tracking"
    );
    assert_eq!(
        entries[0]["authors"],
        "Chen, H., Wu, Q., Liang, Y., Gao, X., Wang, H."
    );
    assert_eq!(entries[7]["title"], "Event-Based Visual Flow");
    assert_eq!(entries[7]["year"], 2014);
    // (The comma slipped inside the title's emphasis: `*[Title](…),*`.)
    assert_eq!(
        entries[10]["title"],
        "Event-Based Vision Enhanced: A Joint Detection Framework in Autonomous Driving"
    );
    assert_eq!(entries[10]["venue"], "ICME");
}

/// A reading list kept without links (`- **Title;** Peng Xu et al`): as a
/// habit of the file, its bold titles with authors after them are papers.
#[test]
fn bold_titles_with_authors_and_no_links_are_papers() {
    let list = fixture("well-formed/bold-titles-without-links.md");
    let (value, entries) = entries_of(&list);
    assert_eq!(entries.len(), 14, "{value}");
    assert_eq!(entries[0]["authors"], "Peng Xu et al");
    assert!(
        entries[13]["title"]
            .as_str()
            .unwrap()
            .starts_with("Action Genome: Actions as Composition of Scene Graphs"),
        "{value}"
    );
}

/// A one-line paragraph whose title links a host not known to serve papers
/// (`[Title](https://direct.mit.edu/…), MIT Press 2024`) is an entry where
/// the file writes its entries so, its venue read from the place the
/// file's shape gives venues.
#[test]
fn a_one_line_paragraph_on_another_host_is_read_by_the_files_shape() {
    let list = fixture("well-formed/one-line-paragraphs.md");
    let (value, entries) = entries_of(&list);
    let entry = entries
        .iter()
        .find(|e| e["title"] == "Towards Faithful Model Explanation in NLP: A Survey")
        .unwrap_or_else(|| panic!("{value}"));
    assert_eq!(entry["venue"], "MIT Press");
    assert_eq!(entry["year"], 2024);
    assert_eq!(entry["links"][0]["category"], "paper");
}

/// A marked form of a label the list fills (`[[Scholar--]]()` beside
/// `[[Scholar]](…)`), written only on empty links ten times or more, is the
/// list's mark for a link it has not got. Once the marked label is written
/// with an address too, or the list fills no such label, its empty links
/// are links left out.
#[test]
fn a_label_written_only_empty_marks_a_link_not_there() {
    let list = fixture("well-formed/label-for-a-link-not-there.md");
    let text = fs::read_to_string(&list).unwrap();
    let filled_once = text.replacen("[[Scholar]](", "[[Scholar--]](", 1);
    let no_twin = text.replace("[[Scholar]](", "[[Cited by]](");
    for changed in [filled_once, no_twin] {
        assert_ne!(changed, text);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("README.md");
        fs::write(&path, changed).unwrap();
        let (code, value) = json(&[path.to_str().unwrap()]);
        assert_eq!(code, 1, "{value}");
        let found = lines_and_rules(&value);
        assert_eq!(found.len(), 10, "{value}");
        assert!(
            found.iter().all(|(_, rule)| rule == "empty-link"),
            "{value}"
        );
    }
}

/// A plain title soft-wrapped where a phrase cannot end (`…Covariate and`
/// over `Label Shift…`, `…Relabeling` over `for Adversarial…`) is one
/// title; a title over a line of its authors stays apart from them.
#[test]
fn a_plain_title_wrapped_mid_phrase_is_read_whole() {
    let (value, entries) = entries_of(&fixture("well-formed/plain-titles-wrapped-mid-phrase.md"));
    assert_eq!(
        entry_on(&entries, 5)["title"],
        "Generalized Domain Adaptation with Covariate and Label Shift CO-ALignment",
        "{value}"
    );
    assert_eq!(
        entry_on(&entries, 7)["title"],
        "Re-energizing Domain Discriminator with Sample Relabeling for Adversarial Domain Adaptation",
    );
    assert_eq!(entry_on(&entries, 12)["venue"], "ICML");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("README.md");
    fs::write(
        &path,
        "# Papers\n\n\
         - Enlarging Discriminative Power by Adding an Extra Class\n  \
         Hai H. Tran, Sumyeong Ahn [[ICPR 2020]](https://arxiv.org/abs/2002.08041)\n\
         - Adversarial Variational Domain Adaptation\n  \
         Manuel Pérez-Carrasco [[NeurIPS 2019]](https://arxiv.org/abs/1909.11651)\n",
    )
    .unwrap();
    let (value, entries) = entries_of(&path);
    let entry = entry_on(&entries, 3);
    assert_eq!(
        entry["title"], "Enlarging Discriminative Power by Adding an Extra Class",
        "{value}"
    );
    assert_eq!(entry["authors"], "Hai H. Tran, Sumyeong Ahn");
}

/// `[[12 Feb 2020]](https://arxiv.org/abs/…)` under a bold `**Arxiv**`
/// label: the link's label is the day the paper came out.
#[test]
fn a_link_labelled_with_a_date_dates_its_entry() {
    let (value, entries) = entries_of(&fixture("well-formed/dates-as-link-labels.md"));
    let entry = entry_on(&entries, 8);
    assert_eq!(entry["venue"], "Arxiv", "{value}");
    assert_eq!(entry["year"], 2020);
    assert_eq!(entry["month"], 2);
    assert_eq!(entry_on(&entries, 10)["year"], 2019);
}

/// `[Zhang et al., Proc. ICCV 2023]`: a citation's authors before the
/// venue and its year; the venue is `ICCV`, and a known venue's name alone
/// before it (`` `DaC` ``) is the entry's short name.
#[test]
fn a_tag_that_cites_its_authors_names_the_venue_after_them() {
    let (value, entries) = entries_of(&fixture("well-formed/cited-authors-in-tags.md"));
    let venues: Vec<(&str, u64)> = entries
        .iter()
        .map(|e| {
            (
                e["venue"].as_str().unwrap_or("-"),
                e["year"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    assert_eq!(
        venues,
        [
            ("ICCV", 2023),
            ("ACMMM", 2023),
            ("NeurIPS", 2023),
            ("Thesis", 2023),
            ("Applied Sciences", 2023),
            ("Image and Vision Computing", 2023),
        ],
        "{value}"
    );
    assert_eq!(entry_on(&entries, 6)["name"], "DaC");
}

/// `##### • \[2021 TPAMI\] Title. [\[PDF\]](https://ieeexplore…)`: escaped
/// brackets are a tag as brackets are, the year may come first, and a
/// heading whose link is labelled the paper is its paper's entry wherever
/// it points; a heading that links a workshop's site stays a heading.
#[test]
fn paper_headings_with_year_first_tags_are_read() {
    let (value, entries) = entries_of(&fixture("well-formed/year-first-tags-on-paper-headings.md"));
    assert_eq!(entries.len(), 4, "{value}");
    let first = entry_on(&entries, 5);
    assert_eq!(
        first["title"],
        "HandVoxNet++: 3D Hand Shape and Pose Estimation using Voxel-Based Neural Networks.",
    );
    assert_eq!(first["venue"], "TPAMI");
    assert_eq!(first["year"], 2021);
    assert_eq!(entry_on(&entries, 8)["venue"], "TIP");
    assert_eq!(entry_on(&entries, 11)["venue"], "ICIP");
    assert_eq!(entry_on(&entries, 14)["venue"], "3DV");
}

/// A run of entries from a year the list has no section for yet, at the
/// end of the last year's section, is one missing heading, said once; an
/// entry alone in the wrong section is said on its own.
#[test]
fn entries_of_a_year_without_its_section_are_one_finding() {
    let list = fixture("entries/year-missing-its-section.md");
    let (code, value) = json(&[list.to_str().unwrap()]);
    assert_eq!(code, 1, "{value}");
    assert_eq!(
        lines_and_rules(&value),
        [
            (7, "year-section".to_owned()),
            (11, "year-section".to_owned())
        ]
    );
    let run = &value["diagnostics"][1];
    assert!(
        run["message"]
            .as_str()
            .unwrap()
            .starts_with("3 entries from 2025 in a row are in the 2024 section"),
        "{value}"
    );
}

/// `CVPR'23 Title`, `ICCV-21 Title`, `NeurIPS'23 Title`: a known venue
/// glued to its year opens a plain title as a tag would (with its
/// qualifier, `ICLR'24 spotlight`); a shared task's name (`SemEval-2023
/// task 9: …`) is its title's own opening.
#[test]
fn a_venue_glued_to_its_year_before_a_plain_title_is_its_venue() {
    let (value, entries) = entries_of(&fixture("well-formed/glued-venue-years-before-titles.md"));
    let read: Vec<(&str, &str, u64)> = entries
        .iter()
        .map(|e| {
            (
                e["title"].as_str().unwrap_or("-"),
                e["venue"].as_str().unwrap_or("-"),
                e["year"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    assert_eq!(
        read[..6],
        [
            (
                "Masked Images Are Counterfactual Samples for Robust Fine-tuning",
                "CVPR",
                2023
            ),
            (
                "Domain Generalization via Shuffled Style Assembly for Face Anti-Spoofing",
                "ICCV",
                2021
            ),
            (
                "Understanding and Mitigating the Label Noise in Pre-training on Downstream Tasks",
                "ICLR",
                2024
            ),
            (
                "Geodesic Multi-Modal Mixup for Robust Fine-Tuning",
                "NeurIPS",
                2023
            ),
            (
                "Tailoring Self-Supervision for Supervised Learning",
                "ECCV",
                2022
            ),
            (
                "A Kernel-Based View of Language Model Fine-Tuning",
                "ICML",
                2023
            ),
        ],
        "{value}"
    );
    assert!(read[6].0.starts_with("SemEval-2023 task 9"), "{value}");
}

/// One arXiv id under two titles whose entries name other authors is a
/// wrong link, not one paper listed twice, whatever words the titles share
/// (`…through Semi-Supervised…`, `…Unsupervised Images through…`).
#[test]
fn one_id_under_two_author_lists_is_a_wrong_link() {
    let list = fixture("entries/one-id-two-author-lists.md");
    let (code, value) = json(&[list.to_str().unwrap()]);
    assert_eq!(code, 1, "{value}");
    assert_eq!(
        lines_and_rules(&value),
        [(19, "shared-link".to_owned())],
        "{value}"
    );
}

/// Where the list writes each paper's venue as its link's label after the
/// title (`Title [[ECCV2020]](…)`), a label there the vocabulary does not
/// know is the venue all the same, its spelling `venue-format`'s to judge
/// (`NeurlPS2019`, did you mean NeurIPS); `[[arXiv on 24 May 2019]](…)` is
/// arXiv, of 2019.
#[test]
fn a_venue_link_after_the_title_is_read_by_the_lists_shape() {
    let list = fixture("entries/venue-links-after-titles.md");
    let (code, value) = json(&[list.to_str().unwrap()]);
    assert_eq!(code, 0, "{value}");
    assert_eq!(lines_and_rules(&value), [(5, "venue-format".to_owned())]);
    let help = value["diagnostics"][0]["help"].as_str().unwrap_or_default();
    assert!(help.contains("`NeurIPS`"), "{value}");
    let (value, entries) = entries_of(&list);
    assert_eq!(entry_on(&entries, 18)["venue"], "arXiv", "{value}");
    assert_eq!(entry_on(&entries, 18)["year"], 2019);
}

/// `(Arxiv 24.01.24, MICCAI24)`, `(Arxiv 24.02.08->ECCV24)`: the day the
/// preprint came out, then the venue that published it; the venue is the
/// publisher's, inside a bold title's markup too.
#[test]
fn a_preprint_date_beside_its_venue_reads_the_venue() {
    let (value, entries) = entries_of(&fixture("well-formed/preprint-dates-beside-venues.md"));
    let venues: Vec<(u64, &str, u64)> = entries
        .iter()
        .map(|e| {
            (
                e["line"].as_u64().unwrap_or(0),
                e["venue"].as_str().unwrap_or("-"),
                e["year"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    assert_eq!(
        venues,
        [
            (5, "MICCAI", 2024),
            (7, "Arxiv", 2024),
            (9, "ICML", 2024),
            (11, "ECCV", 2024),
            (13, "INTERSPEECH", 2024),
            (15, "Arxiv", 2024),
        ],
        "{value}"
    );
    assert!(
        entry_on(&entries, 9)["title"]
            .as_str()
            .unwrap()
            .starts_with("Caduceus:")
    );
}

/// A remark before a paper link whose label reads as a title (`2018 一篇
/// 综述：[Asymmetric Heterogeneous Transfer Learning: A Survey](arxiv)`,
/// `CoRR abs/1911.02685 (2019) [Title](arxiv)`): the link is the title.
#[test]
fn a_remark_before_a_linked_title_is_not_the_title() {
    let (value, entries) = entries_of(&fixture("well-formed/remarks-before-linked-titles.md"));
    let titles: Vec<&str> = entries
        .iter()
        .map(|e| e["title"].as_str().unwrap_or("-"))
        .collect();
    assert_eq!(
        titles,
        [
            "A Comprehensive Survey on Transfer Learning",
            "Overcoming Negative Transfer: A Survey",
            "Transfer Adaptation Learning: A Decade Survey",
            "Asymmetric Heterogeneous Transfer Learning: A Survey",
            "A Survey on Deep Transfer Learning",
            "Transfer Learning for Visual Recognition: A Decade Review",
        ],
        "{value}"
    );
}

/// A list of references that links some of its papers (`[[Video]](doi)`)
/// and cites the others by title, venue and year, written two ways in its
/// one list: every item is an entry, and neither way is a departure there
/// from the bare venues of the file's other lists, a remark between them
/// or not (the fixture is linted clean with the well-formed ones).
#[test]
fn references_written_two_ways_in_one_list_are_all_entries() {
    let list = fixture("well-formed/references-written-two-ways.md");
    let (_, entries) = entries_of(&list);
    // (Line 56 is a remark among them, no paper.)
    assert!(entries.iter().all(|e| e["line"] != 56), "{entries:?}");
    for line in (48..=60).filter(|&line| line != 56) {
        let entry = entry_on(&entries, line);
        assert!(entry["venue"].is_string(), "line {line}: {entry}");
        assert!(entry["year"].is_u64(), "line {line}: {entry}");
    }
    assert_eq!(entry_on(&entries, 52)["venue"], "KDD");
    assert_eq!(
        entry_on(&entries, 48)["title"]
            .as_str()
            .map(|t| t.trim_end_matches('.')),
        Some(
            "Ranking Distillation: Learning Compact Ranking Models With High Performance for Recommender System"
        )
    );
}

/// Two entries under different topics, each written in its topic's own
/// shape, whose titles are the links to one arXiv id and share no word of
/// substance: one links the wrong paper. A dataset's line that links the
/// paper presenting it by a `[paper]` label is no such entry.
#[test]
fn a_linked_title_pointing_at_another_topics_paper_is_a_wrong_link() {
    let list = fixture("entries/wrong-link-across-regions.md");
    let (_, report) = json(&[list.to_str().unwrap()]);
    assert_eq!(
        lines_and_rules(&report),
        [(16, "shared-link".to_owned())],
        "{report}"
    );
}

/// A badge's venue is told as the list names it: the track after its year
/// (`ACL'23%20Findings`, `EMNLP'23_Findings`, `Industry%20Track`) and a
/// dash written `--` (`LREC--COLING'24`) decoded as shields shows them.
#[test]
fn a_badges_venue_keeps_its_track() {
    let list = fixture("entries/badge-venue-tracks.md");
    let (_, entries) = entries_of(&list);
    let venue = |line| entry_on(&entries, line)["venue"].clone();
    assert_eq!(venue(5), "AAAI");
    assert_eq!(venue(6), "ACL Industry Track");
    assert_eq!(venue(7), "ACL Findings");
    assert_eq!(venue(8), "EMNLP Findings");
    assert_eq!(venue(9), "LREC-COLING");
    assert_eq!(entry_on(&entries, 9)["year"], 2024);
}

/// In a list that writes `Title. Authors. Venue Year`, the authors are
/// read where no `et al.` marks them: `Shen,Zhiqiang, He,Zhankui, and Xue
/// Xiangyang`, `Cho, Jang Hyun and Hariharan`, and a first name cut off by
/// a comma split (`Guobin Chen, Wongun Choi, Xiang Yu`).
#[test]
fn authors_after_a_title_are_read_without_et_al() {
    let list = fixture("entries/authors-without-et-al.md");
    let (_, entries) = entries_of(&list);
    let read = |line| {
        let entry = entry_on(&entries, line);
        (
            entry["title"]
                .as_str()
                .unwrap()
                .trim_end_matches('.')
                .to_owned(),
            entry["authors"]
                .as_str()
                .unwrap_or("")
                .trim_end_matches('.')
                .to_owned(),
        )
    };
    assert_eq!(
        read(8),
        (
            "MEAL: Multi-Model Ensemble via Adversarial Learning".to_owned(),
            "Shen,Zhiqiang, He,Zhankui, and Xue Xiangyang".to_owned()
        )
    );
    assert_eq!(read(9).1, "Ba,Jimmy, and Rich Caruana");
    assert_eq!(read(10).1, "Cho, Jang Hyun and Hariharan");
    assert_eq!(
        read(12),
        (
            "Model Compression".to_owned(),
            "Bucilua, Cristian, Caruana, Rich, and Niculescu-Mizil, Alexandru".to_owned()
        )
    );
    assert_eq!(read(13).1, "Guobin Chen, Wongun Choi, Xiang Yu");
}

/// In a list of `Title (2015), G. Hinton et al.`, a paper by one author
/// (`Title (2017), S. Ioffe.`) has its year and author read, not read into
/// its title; `(Book, 2016)` in the year's place is its date.
#[test]
fn one_author_after_a_dated_title_is_read() {
    let list = fixture("entries/dated-authors-after-titles.md");
    let (_, entries) = entries_of(&list);
    let ioffe = entry_on(&entries, 14);
    assert_eq!(
        ioffe["title"],
        "Batch renormalization: Towards reducing minibatch dependence in batch-normalized models"
    );
    assert_eq!(ioffe["year"], 2017);
    assert_eq!(ioffe["authors"], "S. Ioffe.");
    assert_eq!(entry_on(&entries, 17)["authors"], "J. Schmidhuber");
    let (code, report) = json(&[list.to_str().unwrap()]);
    assert_eq!(code, 0, "{report}");
}

/// An emoji the list puts on a title (`[🔥BEIT: …](…)`, `[**🔥Context …**]`)
/// marks the paper; it is no part of the title read.
#[test]
fn an_emoji_marking_a_title_is_not_its_text() {
    let list = fixture("entries/emoji-marked-titles.md");
    let (_, entries) = entries_of(&list);
    let title = |line| entry_on(&entries, line)["title"].clone();
    assert_eq!(title(5), "BEIT: BERT Pre-Training of Image Transformers");
    assert_eq!(title(6), "Masked Autoencoders Are Scalable Vision Learners");
    assert_eq!(
        title(8),
        "Context Autoencoder for Self-Supervised Representation Learning"
    );
}

/// The list's bullet again mid-line before a paper's linked title (`…
/// Limin Wang+ [Masked Autoencoders are …](…)`) is the next entry with its
/// line break left out; a link to code after a dash is not.
#[test]
fn two_entries_on_one_line_are_told() {
    let list = fixture("entries/two-entries-on-one-line.md");
    let (code, report) = json(&[list.to_str().unwrap()]);
    assert_eq!(code, 1, "{report}");
    assert_eq!(
        lines_and_rules(&report),
        [(5, "entry-format".to_owned())],
        "{report}"
    );
    assert!(
        report["diagnostics"][0]["message"]
            .as_str()
            .is_some_and(|m| m.contains("two entries on one line")),
        "{report}"
    );
}

/// A track written after the year in plain text is the venue's, as it is
/// before the year: `ACL 2024 Findings` is ACL Findings, `ICLR 2025
/// Workshop on Sparsity in LLMs (SLLM)` an ICLR workshop; a qualifier that
/// names no track (`Datasets and Benchmarks Track`) leaves the venue as is.
#[test]
fn a_track_after_the_year_is_the_venues() {
    let list = fixture("entries/plain-venue-tracks.md");
    let (_, entries) = entries_of(&list);
    let read = |line| {
        let entry = entry_on(&entries, line);
        (
            entry["venue"].as_str().unwrap_or_default().to_owned(),
            entry["year"].as_u64().unwrap_or_default(),
        )
    };
    assert_eq!(read(5), ("ACL Findings".to_owned(), 2024));
    assert_eq!(read(6), ("EMNLP Findings".to_owned(), 2023));
    assert_eq!(read(7), ("ICML Workshop".to_owned(), 2023));
    assert_eq!(read(8), ("ICLR Workshop".to_owned(), 2025));
    assert_eq!(read(9), ("EMNLP Industry Track".to_owned(), 2024));
    assert_eq!(read(10), ("ICML".to_owned(), 2024));
    assert_eq!(read(11), ("NeurIPS".to_owned(), 2023));
}

/// `Findings` after the year, where the list writes it before: the fix
/// writes it the list's way, `EMNLP Findings 2023` or `Findings of EMNLP
/// 2023`, whichever its tags use.
#[test]
fn findings_moved_before_the_year_the_lists_way() {
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("README.md");
    let mut text = String::from("# Papers\n\n");
    for (i, venue) in [
        "EMNLP Findings 2023",
        "ACL Findings 2023",
        "NAACL Findings 2024",
    ]
    .iter()
    .enumerate()
    {
        text.push_str(&format!(
            "- [**{venue}**] Paper Number {i} on Reasoning [[pdf]](https://arxiv.org/abs/2301.0001{i})\n"
        ));
    }
    text.push_str("- [**ACL 2024 Findings**] A Paper Written the Other Way [[pdf]](https://arxiv.org/abs/2402.00019)\n");
    std::fs::write(&list, &text).unwrap();
    let (_, value) = json(&[list.to_str().unwrap()]);
    let help: Vec<&str> = value["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "venue-format")
        .filter_map(|d| d["help"].as_str())
        .collect();
    assert_eq!(help, ["write `ACL Findings 2024`"]);
}

/// `* Ada Lovelace, Alan Turing* <br>` under a bold title: the authors'
/// `*` with a space after it is a bullet, which cuts the entry in two. The
/// finding says so at the bullet, not that the title is written plain.
#[test]
fn an_authors_line_opened_as_a_bullet_is_told() {
    let mut text = String::from("# Embodied\n\n## Navigation\n\n");
    for i in 0..6 {
        let authors = if i == 4 {
            "* Ada Lovelace, Alan Turing, Grace Hopper*"
        } else {
            "*Ada Lovelace, Alan Turing, Grace Hopper*"
        };
        text.push_str(&format!(
            "* **Learning to Navigate Rooms Number {i} With Sound** <br>\n{authors} <br>\nCVPR, 2023. [[Paper]](https://arxiv.org/abs/2301.0{i}123)\n\n"
        ));
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("README.md");
    fs::write(&path, text).unwrap();
    let (_, value) = json(&[path.to_str().unwrap()]);
    let messages: Vec<(u64, &str)> = value["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["line"].as_u64().unwrap(), d["message"].as_str().unwrap()))
        .collect();
    assert_eq!(
        messages,
        [(
            22,
            "the authors' `*` has a space after it: markdown starts a new bullet here and cuts the entry above in two"
        )]
    );
}

/// A part left out under a heading whose entries leave it out by a strong
/// convention of their own (a feed of new preprints, `- **[date]**` with
/// `Paper: [title](url)` under it, above a long list of papers that give
/// their venue): nothing missing there, though the feed's runs are too
/// short to say so alone. A paper of the long list without its venue is
/// still a slip.
#[test]
fn a_topic_that_leaves_a_part_out_keeps_its_way() {
    let mut text = String::from("# Long Context Papers\n\n## News\n\n### Week Papers\n\n");
    let feed = [
        [
            "Periodic Rotary Embeddings for Infinite Context",
            "Adaptive Context Compression With Replay",
            "Self-Prophetic Decoding in Vision Models](https://arxiv.org/abs/2605.28741) (ICML 2026",
        ],
        [
            "Sparse Retrieval Heads for Long Inputs",
            "Streaming Caches for Endless Dialogue",
            "Hierarchical Memory for Long Videos",
        ],
    ];
    for (day, papers) in feed.iter().enumerate() {
        text.push_str(&format!("- **[2026.05.{}]**\n", 27 - day));
        for (n, paper) in papers.iter().enumerate() {
            if paper.contains("](") {
                text.push_str(&format!("  - Paper: [{paper})\n"));
            } else {
                text.push_str(&format!(
                    "  - Paper: [{paper}](https://arxiv.org/abs/2605.2{day}{n}00)\n"
                ));
            }
        }
        text.push('\n');
    }
    text.push_str("## Papers\n\n");
    for i in 0..600 {
        let venue = if i == 300 { "" } else { " Arxiv 2023." };
        text.push_str(&format!(
            "{}. [**Long Context Method Number {i}: Scaling Attention to Long Documents.**](https://arxiv.org/abs/2302.{:05}) _Ada Lovelace, Alan Turing._{venue}\n\n",
            i + 1,
            10000 + i * 11
        ));
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("README.md");
    fs::write(&path, &text).unwrap();
    let (_, value) = json(&[path.to_str().unwrap()]);
    let slip = text.lines().position(|l| l.starts_with("301. ")).unwrap() as u64 + 1;
    assert_eq!(
        lines_and_rules(&value),
        [(slip, "entry-format".to_owned())],
        "{value:#}"
    );
}

/// In a list of references that cite their preprints by id, an id glued to
/// the authors (`et al.arXiv:2012.08922`) or with its server's name
/// mistyped (`arXv:2003.01474`) is still the entry's, not a line dropped:
/// the glued one is told as a missing space.
#[test]
fn a_preprint_id_written_wrong_keeps_its_entry() {
    let mut text = String::from("# Knowledge Distillation\n\n");
    for i in 0..12 {
        text.push_str(&format!(
            "{}. Distilling Knowledge Number {i} Into Small Networks. Hinton, Geoffrey et al. arXiv:1503.{:05}\n",
            i + 1,
            2530 + i
        ));
    }
    text.push_str("13. Unsupervised Segmentation using Mutual Mean-Teaching. Wu, Zhichao et al.arXiv:2012.08922\n");
    text.push_str("14. Distilled Hierarchical Ensembles with Adaptive Inference Cost. Ruiz, Adria et al. arXv:2003.01474\n");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("README.md");
    fs::write(&path, &text).unwrap();
    let (_, entries) = entries_of(&path);
    assert_eq!(entries.len(), 14);
    assert_eq!(entry_on(&entries, 16)["venue"], "arXv");
    let (_, value) = json(&[path.to_str().unwrap()]);
    assert_eq!(lines_and_rules(&value), [(15, "spacing".to_owned())]);
}

/// A preprint's tag that the list itself contradicts: the same paper (one
/// arXiv id, one title) is listed under its venue in another topic. Told
/// offline; the unsafe fix writes the venue as that entry names it, in the
/// tag's own form, and nothing else. In one topic, the two listings are
/// the paper twice: `duplicate-entry` tells that, and no retag is offered.
#[test]
fn a_preprint_the_list_names_published_is_told_offline() {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("README.md");
    let list = "# Papers\n\n## Segmentation\n\n\
        - [**CVPR 2023**] SegRad: Segmenting Anything in Radiographs [[pdf]](https://arxiv.org/abs/2212.04444)\n\
        - [**arXiv 2022**] DetRad: Detecting Lesions in Radiographs [[pdf]](https://arxiv.org/abs/2211.03333)\n\
        - [**MICCAI 2023**] DetRad: Detecting Lesions in Radiographs [[pdf]](https://arxiv.org/abs/2211.03333)\n\n\
        ## Detection\n\n\
        - [**arXiv 2022**] SegRad: Segmenting Anything in Radiographs [[pdf]](https://arxiv.org/abs/2212.04444)\n\
        - [**ICCV 2023**] LocRad: Localizing Lesions Without Boxes [[pdf]](https://arxiv.org/abs/2303.01111)\n";
    fs::write(&copy, list).unwrap();
    let (code, value) = json(&[copy.to_str().unwrap()]);
    assert_eq!(code, 1, "{value}");
    assert_eq!(
        lines_and_rules(&value),
        [
            (7, "duplicate-entry".to_owned()),
            (11, "venue-update".to_owned())
        ],
        "{value}"
    );
    let told = &value["diagnostics"][1];
    assert!(
        told["message"]
            .as_str()
            .unwrap()
            .contains("the list names this paper `CVPR 2023` at line 5"),
        "{told}"
    );
    let fixed = run(cmd().args([
        "--offline",
        "--no-config",
        "--fix",
        "--unsafe-fixes",
        copy.to_str().unwrap(),
    ]));
    // The paper twice is left to the maintainer.
    assert_eq!(fixed.code, 1, "{}", fixed.stderr);
    assert_eq!(
        fs::read_to_string(&copy).unwrap(),
        list.replace("- [**arXiv 2022**] SegRad", "- [**CVPR 2023**] SegRad")
    );
}

/// A short section held to the list's own order: where the list's long
/// sections dated to the month run newest first, a section of four with
/// an older entry appended at its end is out of order; where the long
/// sections keep no one order, the short one is not judged.
#[test]
fn a_short_section_is_held_to_the_order_of_the_lists_long_ones() {
    let entry = |section: usize, i: usize, month: u32| {
        format!(
            "- [2023/{month:02}] **Paper {i} of Section {section}: A Study.** *Author et al. arXiv.* [[paper](https://arxiv.org/abs/23{month:02}.{:05})]\n",
            section * 100 + i
        )
    };
    let list = |long_orders: [bool; 3]| {
        let mut text = String::from("# Papers\n");
        for (section, newest_first) in long_orders.into_iter().enumerate() {
            text.push_str(&format!("\n## Topic {section}\n\n"));
            let months: Vec<u32> = if newest_first {
                (2..=9).rev().collect()
            } else {
                (2..=9).collect()
            };
            for (i, month) in months.into_iter().enumerate() {
                text.push_str(&entry(section, i, month));
            }
        }
        text.push_str("\n## Short Topic\n\n");
        for (i, month) in [8, 6, 3, 7].into_iter().enumerate() {
            text.push_str(&entry(9, i, month));
        }
        text
    };
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("list.md");
    let text = list([true, true, true]);
    let appended = text
        .lines()
        .position(|l| l.contains("Paper 3 of Section 9"))
        .unwrap()
        + 1;
    fs::write(&path, &text).unwrap();
    let (_, value) = json(&[path.to_str().unwrap()]);
    assert_eq!(
        lines_and_rules(&value),
        [(appended as u64, "entry-order".to_owned())],
        "{value}"
    );
    assert!(
        value["diagnostics"][0]["message"]
            .as_str()
            .unwrap()
            .contains("the list's sections run newest first"),
        "{value}"
    );
    fs::write(&path, list([true, false, true])).unwrap();
    let (_, value) = json(&[path.to_str().unwrap()]);
    assert_eq!(lines_and_rules(&value), [], "{value}");
}

/// An address pasted into a bold title (`**Title https://arxiv.org/…**`)
/// is told as such, at the address, in a list whose entries link their
/// papers; an entry that links nothing is told it has no paper link.
#[test]
fn a_url_pasted_into_the_title_is_told_where_it_is() {
    let mut text = String::from("# Papers\n\n## Detection\n\n");
    for i in 10..30 {
        text.push_str(&format!(
            "- [CVPR 2023] **Paper {i}: A Study of Things {i}.** [[paper]](https://arxiv.org/abs/2301.000{i}) [[code]](https://github.com/a/p{i})\n"
        ));
    }
    text.push_str("- [CVPR 2023] **Beta: A Study of Stuff.**\n");
    text.push_str("- [ICCV 2023] **Eta: The Last Study https://arxiv.org/abs/2305.00007**\n");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("list.md");
    fs::write(&path, &text).unwrap();
    let (_, value) = json(&[path.to_str().unwrap()]);
    assert_eq!(
        lines_and_rules(&value),
        [
            (25, "entry-format".to_owned()),
            (26, "entry-format".to_owned())
        ],
        "{value}"
    );
    let pasted = &value["diagnostics"][1];
    assert_eq!(pasted["column"], 37, "{pasted}");
    assert_eq!(pasted["severity"], "warning", "{pasted}");
    assert!(
        pasted["message"]
            .as_str()
            .unwrap()
            .contains("URL is written inside the title"),
        "{pasted}"
    );
}

/// Preprint tags without a year are the list's way only where they are a
/// share of its preprint tags: three `[arXiv]` among twenty `[arXiv 2023]`
/// are slips; three among six are a habit.
#[test]
fn yearless_preprint_tags_are_a_habit_only_as_a_share() {
    let list = |dated: usize| {
        let mut text = String::from("# Papers\n\n");
        for i in 0..dated {
            text.push_str(&format!(
                "{}. [arXiv 2023] **Dated Preprint Number {i}** [[paper]](https://arxiv.org/abs/2301.{:05})\n",
                i + 1,
                i + 10
            ));
        }
        for i in 0..3 {
            text.push_str(&format!(
                "{}. [arXiv] **Undated Preprint Number {i}** [[paper]](https://arxiv.org/abs/2302.{:05})\n",
                dated + i + 1,
                i + 10
            ));
        }
        text
    };
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("list.md");
    fs::write(&path, list(20)).unwrap();
    let (_, value) = json(&[path.to_str().unwrap()]);
    assert_eq!(
        lines_and_rules(&value),
        [
            (23, "venue-format".to_owned()),
            (24, "venue-format".to_owned()),
            (25, "venue-format".to_owned())
        ],
        "{value}"
    );
    fs::write(&path, list(6)).unwrap();
    let (_, value) = json(&[path.to_str().unwrap()]);
    assert_eq!(lines_and_rules(&value), [], "{value}");
}

/// The venue closing the names in their emphasis: after `et al.` (known or
/// not, glued or not), after names with affiliations, or a preprint
/// server's name with no period before it.
#[test]
fn a_venue_closing_the_names_is_read() {
    let list = fixture("entries/venue-after-the-names.md");
    let (_, entries) = entries_of(&list);
    let read = |line: u64| {
        let e = entry_on(&entries, line);
        (
            e["authors"].as_str().unwrap_or_default().to_owned(),
            e["venue"].as_str().unwrap_or_default().to_owned(),
        )
    };
    let expected = [
        (3, "Aman Madaan et al.", "arXiv"),
        (4, "Aman Madaan et al.", "arXiv"),
        (5, "Chao Li et al.", "CoRR"),
        (6, "Linda Smith et al.", "Artificial Life"),
        (7, "XLang Lab (The University of Hong Kong)", "arXiv"),
        (
            8,
            "Qiao Jin (National Institutes of Health), Yifan Yang, Qingyu Chen, Zhiyong Lu.",
            "arXiv",
        ),
        (9, "H Leung.", "Systems for Advanced Applications"),
    ];
    for (line, authors, venue) in expected {
        assert_eq!(
            read(line),
            (authors.to_owned(), venue.to_owned()),
            "line {line}"
        );
    }
    // The glued ones are read, and told: `et al.` glued to the venue after
    // it, or to the name before it (where the space is missing, or put a
    // letter early).
    let (_, value) = json(&[list.to_str().unwrap()]);
    assert_eq!(
        lines_and_rules(&value),
        [
            (4, "spacing".to_owned()),
            (10, "spacing".to_owned()),
            (11, "spacing".to_owned())
        ],
        "{value}"
    );
    let message = |i: usize| {
        value["diagnostics"][i]["message"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    assert_eq!(message(1), "missing space before `et al.` in `Shahet al`");
    assert_eq!(
        message(2),
        "a space out of place before `et al.` in `Gu oet al`"
    );
}

/// A date in code before a bracketed link (`` `2023.06` \[[Repo](…)\] ``)
/// is the entry's date, not its title's last words; a title's own
/// parenthesis before a glued link (`(FSE).[paper](…)`) stays the title's.
#[test]
fn a_date_in_code_before_a_link_is_read() {
    let list = fixture("entries/date-in-code-before-a-link.md");
    let (_, entries) = entries_of(&list);
    for (line, title) in [
        (
            3,
            "On the Evolution of Knowledge Graphs: A Survey and Perspective.",
        ),
        (
            4,
            "Unifying Large Language Models and Knowledge Graphs: A Roadmap.",
        ),
        (5, "Unifying Language Models and Graphs Again."),
    ] {
        let entry = entry_on(&entries, line);
        assert_eq!(entry["title"], title, "line {line}: {entry}");
        assert_eq!(entry["year"], 2023, "line {line}: {entry}");
        assert!(entry["month"].is_u64(), "line {line}: {entry}");
    }
    let care = entry_on(&entries, 6);
    assert!(
        care["title"].as_str().unwrap().ends_with("(FSE)."),
        "{care}"
    );
    assert!(care["venue"].is_null(), "{care}");
}

/// The one entry of a list of other links (a lecture's PDF among links to
/// notebooks and courses) is laid out as its list is: no `list-indent`
/// finding for not being indented as the file's lists of papers are.
#[test]
fn a_lone_entry_follows_its_own_lists_layout() {
    let path = fixture("entries/lone-entry-in-a-list-of-links.md");
    let (_, value) = json(&[path.to_str().unwrap()]);
    let rules = lines_and_rules(&value);
    assert!(
        !rules.iter().any(|(_, rule)| rule == "list-indent"),
        "{rules:?}"
    );
}

/// A list that writes `Name:Title` without a space by habit (five of its
/// six colons) is not told of it; a word glued after a comma still is.
#[test]
fn colons_glued_by_the_lists_habit_are_its_way() {
    let path = fixture("entries/colons-glued-by-habit.md");
    let (_, value) = json(&[path.to_str().unwrap()]);
    let rules = lines_and_rules(&value);
    let told: Vec<u64> = rules
        .iter()
        .filter(|(_, rule)| rule == "title-format")
        .map(|(line, _)| *line)
        .collect();
    assert_eq!(told, [13], "{rules:?}");
}

/// `TGRS(24.07.12, 24.12.16)`: a venue and the days its paper was received
/// and accepted, in parentheses. The venue is the name before them, its
/// year the acceptance's (a preprint's submission where it is the one date).
#[test]
fn a_venue_with_its_received_and_accepted_days() {
    let (_, entries) = entries_of(&fixture("entries/venue-received-accepted.md"));
    let read = |line: u64| {
        let e = entry_on(&entries, line);
        (e["venue"].clone(), e["year"].clone(), e["month"].clone())
    };
    assert_eq!(
        read(7),
        (
            serde_json::json!("TGRS"),
            serde_json::json!(2024),
            serde_json::json!(12)
        )
    );
    assert_eq!(
        read(8),
        (
            serde_json::json!("arXiv"),
            serde_json::json!(2024),
            serde_json::json!(8)
        )
    );
    assert_eq!(
        read(9),
        (
            serde_json::json!("RS"),
            serde_json::json!(2025),
            serde_json::json!(1)
        )
    );
    // Under a `Date` column too.
    assert_eq!(
        read(15),
        (
            serde_json::json!("arXiv"),
            serde_json::json!(2024),
            serde_json::json!(5)
        )
    );
    // Each entry's topic heading (no year section here).
    assert_eq!(entry_on(&entries, 7)["heading"], "Classification");
    assert_eq!(entry_on(&entries, 22)["heading"], "Survey Paper");
    assert_eq!(entry_on(&entries, 7)["section"], serde_json::Value::Null);
    // `Arxiv 24.04.15` under a venue column: the venue and its day.
    assert_eq!(
        read(22),
        (
            serde_json::json!("Arxiv"),
            serde_json::json!(2024),
            serde_json::json!(4)
        )
    );
}

/// In a list that dates its entries and most of its tags, a tag without a
/// year is told where the list writes that venue with its year (`[ASE]`
/// among `[ASE 2020]`, `[ASE 2023]`), not where it never does (`[TOSEM]`).
#[test]
fn a_yearless_tag_of_a_venue_the_list_dates() {
    let path = fixture("entries/yearless-tag-of-a-dated-venue.md");
    let (_, value) = json(&[path.to_str().unwrap()]);
    let rules = lines_and_rules(&value);
    assert_eq!(rules, [(8, "venue-format".to_owned())], "{rules:?}");
}

/// A tag closed by an escaped bracket glued to the title
/// (`\[[EMNLP 2023](…)\]Does`) is a missing space, as any separator glued
/// to the next part is; a date written `2023.7` among `2023.08` is told
/// as written another way (no fix: `entry-format` fixes nothing).
#[test]
fn a_glued_escaped_tag_and_a_date_written_another_way() {
    let path = fixture("entries/escaped-tags-and-dates.md");
    let (_, value) = json(&[path.to_str().unwrap()]);
    let rules = lines_and_rules(&value);
    assert_eq!(
        rules,
        [(8, "spacing".to_owned()), (13, "entry-format".to_owned())],
        "{rules:?}"
    );
}

/// A tag's date written unlike the list's other tags (`2023.5` among
/// `2023.07`) is `venue-format`'s, fixed to the list's way by an unsafe
/// fix (a year written another way is), and only the month's digit changes.
#[test]
fn a_tag_date_written_another_way_is_fixed_the_lists_way() {
    let path = fixture("entries/tag-date-written-another-way.md");
    let (_, value) = json(&[path.to_str().unwrap()]);
    let rules = lines_and_rules(&value);
    assert_eq!(rules, [(6, "venue-format".to_owned())], "{rules:?}");
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("README.md");
    std::fs::copy(&path, &copy).unwrap();
    run(cmd().args([
        "--no-config",
        "--offline",
        "--fix",
        "--unsafe-fixes",
        copy.to_str().unwrap(),
    ]));
    let before = std::fs::read_to_string(&path).unwrap();
    let after = std::fs::read_to_string(&copy).unwrap();
    assert_eq!(after, before.replace("[arXiv 2023.5]", "[arXiv 2023.05]"));
}

/// A linked tag with a known venue's two-digit year (`\[[ACL 24](…)\]`)
/// is read as the venue and its year, so a list that writes `ACL 2024`
/// is told of it.
#[test]
fn a_linked_tag_with_a_two_digit_year() {
    let path = fixture("entries/linked-tag-short-year.md");
    let (_, entries) = entries_of(&path);
    let entry = entry_on(&entries, 6);
    assert_eq!(entry["venue"], "ACL");
    assert_eq!(entry["year"], 2024);
    let (_, value) = json(&[path.to_str().unwrap()]);
    let rules = lines_and_rules(&value);
    assert_eq!(rules, [(6, "venue-format".to_owned())], "{rules:?}");
}

/// A label the vocabulary does not know, one letter from the list's own
/// (`[Linke]` among `[Link]`), is a slip even where its link leads to a
/// paper and is read as the paper's.
#[test]
fn a_label_slip_on_a_paper_host() {
    let path = fixture("entries/label-slip-on-a-paper-host.md");
    let (_, value) = json(&[path.to_str().unwrap()]);
    let rules = lines_and_rules(&value);
    assert_eq!(rules, [(5, "link-kind".to_owned())], "{rules:?}");
}

/// Entries that break their lines with `<br>` break them: one broken with
/// two trailing spaces instead renders alike and is no departure.
#[test]
fn a_hard_break_among_lines_broken_by_br() {
    let path = fixture("entries/lines-broken-by-br.md");
    let (_, value) = json(&[path.to_str().unwrap()]);
    let rules = lines_and_rules(&value);
    assert!(
        !rules.iter().any(|(_, rule)| rule == "spacing"),
        "{rules:?}"
    );
}

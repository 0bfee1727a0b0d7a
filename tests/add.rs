//! `awesome-lint add`: a paper written in the list's own shape, in its
//! section and place, from what the services say of it. The services are
//! loopback servers answering as the arXiv API (Atom with authors,
//! `published` and `journal_ref`), Crossref (a `works` message) and
//! OpenReview's API v2 (`notes`) do; no test touches the internet.

mod support;

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;
use support::{Reply, Server, arxiv_id_list, route};

/// A paper the arXiv test server knows.
struct Known {
    id: &'static str,
    title: &'static str,
    authors: &'static [&'static str],
    published: &'static str,
    journal_ref: Option<&'static str>,
}

const PAPERS: &[Known] = &[
    Known {
        id: "2410.01234",
        title: "Learning Things from Other Things\n      at Scale",
        authors: &["Ada Lovelace", "Alan Turing", "Grace Hopper"],
        published: "2024-10-02T17:59:59Z",
        journal_ref: None,
    },
    Known {
        id: "2403.07636",
        title: "MAVL: Decomposing Disease Descriptions for Enhanced Pathology Detection",
        authors: &[
            "Vu Minh Hieu Phan",
            "Yutong Xie",
            "Yuankai Qi",
            "Lingqiao Liu",
        ],
        published: "2024-03-12T12:00:00Z",
        journal_ref: Some(
            "Proceedings of the IEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR), 2024",
        ),
    },
    Known {
        id: "2302.08958",
        title: "Towards Unifying Medical Vision-and-Language Pre-training via Soft Prompts",
        authors: &["Zhihong Chen", "Shizhe Diao"],
        published: "2023-02-17T12:00:00Z",
        journal_ref: None,
    },
];

/// The arXiv API's Atom feed for the ids a query asks about, as arXiv
/// writes it (authors with affiliations, `arxiv:` extensions).
fn arxiv_api() -> Server {
    Server::start(
        "127.0.0.1",
        vec![(
            "/api/query",
            route(|seen, _| {
                let mut xml = String::from(
                    r#"<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom">
  <id>https://arxiv.org/api/x</id>
  <title>arXiv Query: id_list=...</title>
"#,
                );
                for id in arxiv_id_list(seen) {
                    let Some(paper) = PAPERS.iter().find(|p| p.id == id) else {
                        continue;
                    };
                    xml.push_str(&format!(
                        "  <entry>\n    <id>http://arxiv.org/abs/{id}v2</id>\n    <updated>2024-12-01T00:00:00Z</updated>\n    <published>{}</published>\n    <title>{}</title>\n    <summary>An abstract.</summary>\n",
                        paper.published, paper.title
                    ));
                    for author in paper.authors {
                        xml.push_str(&format!(
                            "    <author>\n      <name>{author}</name>\n      <arxiv:affiliation>A University</arxiv:affiliation>\n    </author>\n"
                        ));
                    }
                    if let Some(reference) = paper.journal_ref {
                        xml.push_str(&format!(
                            "    <arxiv:journal_ref>{reference}</arxiv:journal_ref>\n"
                        ));
                    }
                    xml.push_str(&format!(
                        "    <link href=\"http://arxiv.org/abs/{id}v2\" rel=\"alternate\" type=\"text/html\"/>\n    <arxiv:primary_category term=\"cs.CV\"/>\n  </entry>\n"
                    ));
                }
                xml.push_str("</feed>\n");
                Reply::Full(
                    200,
                    vec![("Content-Type", "application/atom+xml; charset=utf-8".into())],
                    xml.into_bytes(),
                )
            }),
        )],
    )
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
    /// The list after the run.
    text: String,
}

/// A copy of a fixture of `fixtures/add/` in a directory of its own.
fn copy(name: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("README.md");
    fs::copy(Path::new("fixtures/add").join(name), &path).unwrap();
    (dir, path)
}

fn add(server: &Server, list: &Path, args: &[&str]) -> Run {
    let output = Command::cargo_bin("awesome-lint")
        .unwrap()
        .env_remove("GITHUB_TOKEN")
        .arg("add")
        .args(args)
        .args(["--no-config", "--allow-private", "--arxiv-delay", "0.01"])
        .args(["--arxiv-api-url", &server.url("/api/")])
        .args(["--crossref-api-url", &server.url("/crossref/")])
        .args(["--openreview-api-url", &server.url("/openreview/")])
        .arg(list)
        .output()
        .unwrap();
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr: String::from_utf8(output.stderr).unwrap(),
        text: fs::read_to_string(list).unwrap(),
    }
}

/// The lines `after` has that `before` has not, with their line numbers,
/// where `after` is `before` with lines inserted in one place.
fn inserted(before: &str, after: &str) -> (usize, Vec<String>) {
    let old: Vec<&str> = before.lines().collect();
    let new: Vec<&str> = after.lines().collect();
    let head = old.iter().zip(&new).take_while(|(a, b)| a == b).count();
    let tail = old[head..]
        .iter()
        .rev()
        .zip(new[head..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    assert_eq!(head + tail, old.len(), "only lines were inserted");
    (
        head + 1,
        new[head..new.len() - tail]
            .iter()
            .map(|l| l.to_string())
            .collect(),
    )
}

fn json_of(args: &[&str], list: &Path) -> Value {
    let output = Command::cargo_bin("awesome-lint")
        .unwrap()
        .args(args)
        .arg(list)
        .output()
        .unwrap();
    serde_json::from_slice(&output.stdout).unwrap()
}

/// What the lint says of the list: `(line, rule)` of every finding.
fn findings(list: &Path) -> Vec<(u64, String)> {
    let report = json_of(&["--no-config", "--offline", "--format", "json"], list);
    report["diagnostics"]
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

/// The parsed entries of the list.
fn entries(list: &Path) -> Vec<Value> {
    json_of(&["entries", "--no-config"], list)["entries"]
        .as_array()
        .unwrap()
        .clone()
}

/// Which parts an entry has, and its links' categories in order: what a
/// reader compares when telling an entry from its neighbours.
fn parts(entry: &Value) -> (u64, Vec<&'static str>, Vec<String>) {
    let has = |key: &str| !entry[key].is_null();
    let roles: Vec<&'static str> = [
        ("venue", "venue"),
        ("name", "name"),
        ("title", "title"),
        ("authors", "authors"),
    ]
    .into_iter()
    .filter(|(key, _)| has(key))
    .map(|(_, role)| role)
    .collect();
    let links = entry["links"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["category"].as_str().unwrap().to_owned())
        .collect();
    (entry["shape"].as_u64().unwrap(), roles, links)
}

/// Adds a paper to a fixture; checks that nothing but its lines changed,
/// that the list lints as clean as before, and that the new entry has the
/// shape of the entry beside it and its parts (all of them where the paper
/// has each: `like_its_neighbour`; else no part the neighbour lacks).
/// Returns the first new line's number and the new lines.
fn added(fixture: &str, args: &[&str], like_its_neighbour: bool) -> (usize, Vec<String>, String) {
    let server = arxiv_api();
    let (_dir, list) = copy(fixture);
    let before = fs::read_to_string(&list).unwrap();
    assert!(findings(&list).is_empty(), "the fixture lints clean");
    let run = add(&server, &list, args);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        !run.stderr.contains("has a finding"),
        "no finding on the new entry: {}",
        run.stderr
    );
    let (line, lines) = inserted(&before, &run.text);
    assert_eq!(findings(&list), vec![], "the result lints clean");
    let entries = entries(&list);
    let first_written = line + lines.iter().take_while(|l| l.trim().is_empty()).count();
    let at = |line: usize| {
        entries
            .iter()
            .position(|e| e["line"].as_u64() == Some(line as u64))
    };
    let new = at(first_written).expect("the new lines are read as an entry");
    // Its neighbour in the same section: the entry after it, or before.
    let neighbour =
        if new + 1 < entries.len() && entries[new + 1]["section"] == entries[new]["section"] {
            new + 1
        } else {
            new - 1
        };
    let (ours, theirs) = (parts(&entries[new]), parts(&entries[neighbour]));
    if like_its_neighbour {
        assert_eq!(ours, theirs, "written as its neighbour is");
    } else {
        assert_eq!(ours.0, theirs.0, "of its neighbour's shape");
        assert!(
            ours.1.iter().all(|r| theirs.1.contains(r)),
            "{ours:?} {theirs:?}"
        );
        assert!(
            ours.2.iter().all(|l| theirs.2.contains(l)),
            "{ours:?} {theirs:?}"
        );
    }
    // One request to arXiv, for every paper at once.
    assert_eq!(server.requests().len(), 1);
    (line, lines, run.stdout)
}

#[test]
fn a_seed_shape_list_gets_its_tag_name_and_links() {
    let (line, lines, stdout) = added(
        "seed-shape.md",
        &[
            "https://arxiv.org/abs/2403.07636",
            "--code",
            "https://github.com/HieuPhan33/MAVL",
        ],
        true,
    );
    // The CVPR year section; the list's own tag, name and link forms; the
    // venue arXiv's journal_ref names.
    assert_eq!(line, 10);
    assert_eq!(
        lines,
        [
            "- [**CVPR 2024**] [**MAVL**] MAVL: Decomposing Disease Descriptions for Enhanced Pathology Detection [[pdf]](https://arxiv.org/pdf/2403.07636.pdf) [[code]](https://github.com/HieuPhan33/MAVL)"
        ]
    );
    assert!(stdout.contains(":10: added “MAVL: Decomposing"), "{stdout}");
    assert!(stdout.contains("under `2024`"), "{stdout}");
}

#[test]
fn a_preprint_without_a_name_or_code_leaves_both_out() {
    let (line, lines, _) = added("seed-shape.md", &["2410.01234"], false);
    assert_eq!(line, 10);
    assert_eq!(
        lines,
        [
            "- [**arXiv 2024**] Learning Things from Other Things at Scale [[pdf]](https://arxiv.org/pdf/2410.01234.pdf)"
        ]
    );
}

#[test]
fn a_name_the_title_does_not_give_is_asked_for_and_taken() {
    let server = arxiv_api();
    let (_dir, list) = copy("seed-shape.md");
    let run = add(&server, &list, &["2410.01234"]);
    assert!(
        run.stderr
            .contains("short name (`ECAMP`), and the title gives none: name it with --name"),
        "{}",
        run.stderr
    );
    let (line, lines, _) = added("seed-shape.md", &["2410.01234", "--name", "LoTS"], false);
    assert_eq!(line, 10);
    assert_eq!(
        lines,
        [
            "- [**arXiv 2024**] [**LoTS**] Learning Things from Other Things at Scale [[pdf]](https://arxiv.org/pdf/2410.01234.pdf)"
        ]
    );
    // One name for one paper.
    let run = add(&server, &list, &["2410.01234", "2302.08958", "--name", "X"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("--name goes with one paper"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_table_row_goes_in_its_date_order_with_its_badge() {
    let (line, lines, _) = added(
        "table.md",
        &[
            "https://arxiv.org/pdf/2410.01234v1",
            "--code",
            "https://github.com/ada/things",
        ],
        true,
    );
    // Newest first: after 2024-11-21, before 2024-09-23.
    assert_eq!(line, 9);
    assert_eq!(
        lines,
        [
            "| ![Star](https://img.shields.io/github/stars/ada/things?style=social&label=Star) <br> [**Learning Things from Other Things at Scale**](https://arxiv.org/pdf/2410.01234) <br> | arXiv | 2024-10-02 | [Github](https://github.com/ada/things) |"
        ]
    );
}

#[test]
fn a_table_row_without_code_keeps_its_cells() {
    let (line, lines, _) = added("table.md", &["https://arxiv.org/abs/2403.07636"], false);
    // March 2024: after September 2024, before October 2023.
    assert_eq!(line, 10);
    assert_eq!(
        lines,
        [
            "| [**MAVL: Decomposing Disease Descriptions for Enhanced Pathology Detection**](https://arxiv.org/pdf/2403.07636) <br> | CVPR | 2024-03-12 |  |"
        ]
    );
}

#[test]
fn a_multi_line_entry_is_written_on_its_lines_with_its_date() {
    let (line, lines, _) = added(
        "multi-line.md",
        &[
            "https://arxiv.org/abs/2410.01234",
            "--code",
            "https://github.com/ada/things",
        ],
        true,
    );
    // Newest first: at the top of the section, with the blank line after.
    assert_eq!(line, 5);
    assert_eq!(
        lines,
        [
            "**Learning Things from Other Things at Scale** \\",
            "*Ada Lovelace, Alan Turing, Grace Hopper* \\",
            "arXiv 2024. [[Paper](https://arxiv.org/abs/2410.01234)] [[Github](https://github.com/ada/things)] \\",
            "2 Oct 2024",
            "",
        ]
    );
}

#[test]
fn a_citation_list_lists_every_author_its_way() {
    let (line, lines, _) = added(
        "citation.md",
        &[
            "https://arxiv.org/abs/2302.08958",
            "--section",
            "theory and methods",
        ],
        true,
    );
    // Newest first by year: after the 2024 papers, before 2020.
    assert_eq!(line, 10);
    assert_eq!(
        lines,
        [
            "- [Towards Unifying Medical Vision-and-Language Pre-training via Soft Prompts](https://arxiv.org/abs/2302.08958)",
            "  - Zhihong Chen and Shizhe Diao. arXiv, 2023.",
        ]
    );
}

#[test]
fn a_paper_listed_already_is_refused_with_its_line() {
    let server = arxiv_api();
    let (_dir, list) = copy("seed-shape.md");
    let before = fs::read_to_string(&list).unwrap();
    let run = add(&server, &list, &["https://arxiv.org/abs/2302.08958v2"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains("arXiv:2302.08958 is listed already, on line 14"),
        "{}",
        run.stderr
    );
    assert_eq!(run.text, before, "nothing written");
}

#[test]
fn diff_prints_the_change_and_writes_nothing() {
    let server = arxiv_api();
    let (_dir, list) = copy("seed-shape.md");
    let before = fs::read_to_string(&list).unwrap();
    let run = add(&server, &list, &["2410.01234", "--diff"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.text, before);
    assert!(run.stdout.starts_with("--- "), "{}", run.stdout);
    assert!(
        run.stdout
            .contains("\n+- [**arXiv 2024**] Learning Things from Other Things at Scale [[pdf]]"),
        "{}",
        run.stdout
    );
}

#[test]
fn several_papers_take_one_arxiv_query() {
    let server = arxiv_api();
    let (_dir, list) = copy("citation.md");
    let run = add(
        &server,
        &list,
        &[
            "2410.01234",
            "2302.08958",
            "--section",
            "Theory and Methods",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(server.requests().len(), 1);
    assert_eq!(run.stdout.matches("added").count(), 2, "{}", run.stdout);
    assert!(
        run.text
            .contains("Ada Lovelace, Alan Turing, and Grace Hopper. arXiv, 2024.")
    );
}

#[test]
fn the_section_must_be_known() {
    let server = arxiv_api();
    // No year section for 2019.
    let (_dir, list) = copy("seed-shape.md");
    let before = fs::read_to_string(&list).unwrap();
    let run = add(
        &server,
        &list,
        &["2410.01234", "--section", "No Such Topic"],
    );
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("no section is named `No Such Topic`"),
        "{}",
        run.stderr
    );
    // Entries under two headings and no years: the user says which.
    let (_dir, other) = copy("citation.md");
    let run = add(&server, &other, &["2410.01234"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("--section"), "{}", run.stderr);
    assert!(
        run.stderr.contains("`Theory and Methods`"),
        "{}",
        run.stderr
    );
    assert_eq!(fs::read_to_string(&list).unwrap(), before);
}

#[test]
fn an_unknown_paper_or_address_is_a_clear_error() {
    let server = arxiv_api();
    let (_dir, list) = copy("seed-shape.md");
    let run = add(&server, &list, &["2401.99999"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("arXiv knows no paper arXiv:2401.99999"),
        "{}",
        run.stderr
    );
    let run = add(&server, &list, &["https://example.com/blog/post"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("names no paper add can describe"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_doi_is_described_by_crossref_and_named_as_the_list_names_its_venue() {
    let server = Server::start(
        "127.0.0.1",
        vec![(
            "/crossref/works/",
            route(|_, _| {
                let body = r#"{"status":"ok","message-type":"work","message":{
                    "DOI":"10.1109/cvpr52729.2023.01234","type":"proceedings-article",
                    "title":["Learning <i>Medical</i> Things"],
                    "author":[{"given":"Ada","family":"Lovelace","sequence":"first","affiliation":[]},
                              {"given":"Alan","family":"Turing","sequence":"additional","affiliation":[]}],
                    "container-title":["2023 IEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR)"],
                    "issued":{"date-parts":[[2023,6]]}}}"#;
                Reply::Full(
                    200,
                    vec![("Content-Type", "application/json".into())],
                    body.into(),
                )
            }),
        )],
    );
    let (_dir, list) = copy("seed-shape.md");
    let before = fs::read_to_string(&list).unwrap();
    let run = add(
        &server,
        &list,
        &["https://doi.org/10.1109/CVPR52729.2023.01234"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let (line, lines) = inserted(&before, &run.text);
    // The 2023 section keeps no order: at its end.
    assert_eq!(line, 15);
    assert_eq!(
        lines,
        // The address as given: the list's links are arXiv's, no DOI form to follow.
        [
            "- [**CVPR 2023**] Learning Medical Things [[pdf]](https://doi.org/10.1109/CVPR52729.2023.01234)"
        ]
    );
}

#[test]
fn an_openreview_note_is_filed_under_its_venue() {
    let server = Server::start(
        "127.0.0.1",
        vec![(
            "/openreview/notes",
            route(|_, _| {
                let body = r#"{"notes":[{"id":"AbC123xyz","forum":"AbC123xyz","cdate":1695000000000,"pdate":1705276800000,
                    "content":{"title":{"value":"Things: Learning Things at Scale"},
                               "authors":{"value":["Grace Hopper","Alan Turing"]},
                               "venue":{"value":"ICLR 2024 poster"},"venueid":{"value":"ICLR.cc/2024/Conference"}}}],"count":1}"#;
                Reply::Full(
                    200,
                    vec![("Content-Type", "application/json".into())],
                    body.into(),
                )
            }),
        )],
    );
    let (_dir, list) = copy("citation.md");
    let before = fs::read_to_string(&list).unwrap();
    let run = add(
        &server,
        &list,
        &[
            "https://openreview.net/forum?id=AbC123xyz",
            "--section",
            "Benchmarks",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let (line, lines) = inserted(&before, &run.text);
    // The section's one entry tells no order; the list runs newest first:
    // before the 2020 paper.
    assert_eq!(line, 16);
    assert_eq!(
        lines,
        [
            "- [Things: Learning Things at Scale](https://openreview.net/forum?id=AbC123xyz)",
            "  - Grace Hopper and Alan Turing. ICLR, 2024.",
        ]
    );
}

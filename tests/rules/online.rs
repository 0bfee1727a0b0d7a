//! Each online rule alone, through the binary, on its fixtures
//! (`fixtures/rules/<rule>/`), against a web on loopback: the links of a
//! fixture keep their real addresses in the file and are sent to a
//! loopback server that answers for each as the page it stands for would
//! (the table [`WEB`]); arXiv links are answered by a loopback arXiv API
//! (the table [`ARXIV`]) in its Atom format, as the real one is asked. The
//! snapshot holds each finding and the text after `--fix`.

use std::fmt::Write as _;
use std::fs;
use std::path::Path;
use std::sync::OnceLock;

use assert_cmd::Command;
use awesome_lint::{RULES, Rule};
use serde_json::Value;

use crate::snapshot::changes;
use crate::support::{
    Server, arxiv_feed_with_refs, arxiv_id_list, html, pdf, redirect, route,
    semantic_scholar_batch, status,
};

/// What a page of the web answers.
#[derive(Clone, Copy)]
enum Page {
    Html,
    Pdf,
    Status(u16),
    /// A redirect with this status to this address (a real one).
    Redirect(u16, &'static str),
}

/// The web the fixtures and the documented examples link to. A page not
/// listed here is not found (404).
const WEB: &[(&str, Page)] = &[
    // broken-link
    ("https://example.org/papers/gone.pdf", Page::Status(404)),
    (
        "https://example.org/papers/withdrawn.pdf",
        Page::Status(410),
    ),
    ("https://github.com/someone/deleted-repo", Page::Status(404)),
    (
        "https://example.org/loop",
        Page::Redirect(301, "https://example.org/loop"),
    ),
    ("https://example.org/server-error", Page::Status(500)),
    ("https://github.com/someone/fine", Page::Html),
    ("https://example.org/papers/fine.pdf", Page::Pdf),
    // not-a-pdf
    ("https://example.org/paper-landing-page", Page::Html),
    ("https://example.org/paper.pdf", Page::Pdf),
    ("https://example.org/project", Page::Html),
    // moved-link
    (
        "https://github.com/old-owner/gloria",
        Page::Redirect(301, "https://github.com/marshuang80/gloria"),
    ),
    ("https://github.com/marshuang80/gloria", Page::Html),
    (
        "https://example.org/old/paper.pdf",
        Page::Redirect(308, "https://example.org/new/paper.pdf"),
    ),
    ("https://example.org/new/paper.pdf", Page::Pdf),
    (
        "https://example.org/today",
        Page::Redirect(302, "https://example.org/papers/fine.pdf"),
    ),
    // unverifiable-link
    (
        "https://pubs.rsna.org/doi/pdf/10.1148/radiol.000000",
        Page::Status(403),
    ),
    ("https://example.org/members-only", Page::Status(401)),
];

/// The papers the arXiv API knows: `(id, latest version, title)`.
const ARXIV: &[(&str, u32, &str)] = &[
    (
        "2301.02228",
        2,
        "MedKLIP: Medical Knowledge Enhanced Language-Image Pre-Training in Radiology",
    ),
    (
        "2403.07636",
        1,
        "Decomposing Disease Descriptions for Enhanced Pathology Detection: A Multi-Aspect Vision-Language Pre-training Framework",
    ),
    (
        "2303.07618",
        1,
        "Medical Phrase Grounding with Region-Phrase Context Contrastive Alignment",
    ),
    (
        "2404.06798",
        1,
        "MedRG: Medical Report Grounding with Multi-modal Large Language Model",
    ),
    (
        "2210.06044",
        3,
        "Multi-Granularity Cross-modal Alignment for Generalized Medical Visual Representation Learning",
    ),
    (
        "2402.01111",
        1,
        "Calibrated Report Generation for Chest Radiographs",
    ),
    ("2402.02222", 1, "Grounded Findings in Radiology Reports"),
];

/// Where arXiv says a paper was published (`journal_ref`), where it says
/// otherwise than `CVPR` and the year of its id, or nothing.
const JOURNAL_REFS: &[(&str, Option<&str>)] = &[
    (
        "2402.01111",
        Some("ICLR 2024 Workshop on Reliable and Responsible Foundation Models"),
    ),
    ("2402.02222", None),
];

/// The loopback web, started once for all the tests of this binary.
fn web() -> &'static Server {
    static WEB_SERVER: OnceLock<Server> = OnceLock::new();
    WEB_SERVER.get_or_init(|| {
        Server::start(
            "127.0.0.1",
            vec![
                (
                    "/arxiv/",
                    route(|seen, _| {
                        let asked = arxiv_id_list(seen);
                        let known: Vec<(&str, u32, &str, Option<String>)> = ARXIV
                            .iter()
                            .filter(|(id, ..)| asked.iter().any(|a| a == id))
                            .map(|&(id, version, title)| {
                                let reference = match JOURNAL_REFS.iter().find(|(i, _)| *i == id) {
                                    Some((_, reference)) => reference.map(str::to_owned),
                                    None => Some(format!("CVPR 20{}", &id[..2])),
                                };
                                (id, version, title, reference)
                            })
                            .collect();
                        let refs: Vec<(&str, u32, &str, Option<&str>)> = known
                            .iter()
                            .map(|(id, version, title, reference)| {
                                (*id, *version, *title, reference.as_deref())
                            })
                            .collect();
                        arxiv_feed_with_refs(&refs)
                    }),
                ),
                // Semantic Scholar knows no publication of these papers.
                ("/s2/", route(|seen, _| semantic_scholar_batch(seen, &[]))),
                (
                    "/web/",
                    route(|seen, _| {
                        let address = real(&seen.path);
                        let page = WEB
                            .iter()
                            .find(|(url, _)| *url == address)
                            .map(|(_, page)| *page);
                        match page {
                            Some(Page::Html) => html(),
                            Some(Page::Pdf) => pdf(),
                            Some(Page::Status(code)) => status(code),
                            Some(Page::Redirect(code, to)) => redirect(code, &loopback_path(to)),
                            None => status(404),
                        }
                    }),
                ),
            ],
        )
    })
}

/// `https://example.org/a` as the loopback web serves it: `/web/https/example.org/a`.
fn loopback_path(url: &str) -> String {
    let (scheme, rest) = url.split_once("://").unwrap();
    format!("/web/{scheme}/{rest}")
}

/// The real address a loopback path stands for.
fn real(path: &str) -> String {
    let rest = path.strip_prefix("/web/").unwrap_or(path);
    let (scheme, rest) = rest.split_once('/').unwrap_or(("https", rest));
    format!("{scheme}://{rest}")
}

/// A list's text with every link but arXiv's sent to the loopback web, and
/// for each line, where it grew: `(line, column, chars added)`, to give
/// findings their columns in the list as written.
pub fn to_loopback(text: &str) -> (String, Vec<(usize, usize, usize)>) {
    let base = format!("http://{}", web().addr);
    let mut out = String::with_capacity(text.len());
    let mut grown = Vec::new();
    for (index, line) in text.split_inclusive('\n').enumerate() {
        let mut rest = line;
        let mut column = 1;
        while let Some(at) = ["https://", "http://"]
            .iter()
            .filter_map(|scheme| rest.find(scheme))
            .min()
        {
            let (before, from) = rest.split_at(at);
            out.push_str(before);
            column += before.chars().count();
            let (scheme, after) = from.split_once("://").unwrap();
            let host_end = after.find(['/', ')', ' ', '>', '"']).unwrap_or(after.len());
            let host = &after[..host_end];
            let written = format!("{scheme}://{host}");
            if host.eq_ignore_ascii_case("arxiv.org") {
                out.push_str(&written);
            } else {
                let sent = format!("{base}/web/{scheme}/{host}");
                grown.push((
                    index + 1,
                    column,
                    sent.chars().count() - written.chars().count(),
                ));
                out.push_str(&sent);
            }
            column += written.chars().count();
            rest = &after[host_end..];
        }
        out.push_str(rest);
    }
    (out, grown)
}

/// Loopback addresses in the tool's output, back to the real ones.
fn from_loopback(text: &str) -> String {
    let base = format!("http://{}/web/", web().addr);
    text.replace(&format!("{base}https/"), "https://")
        .replace(&format!("{base}http/"), "http://")
}

/// A config that turns every rule but `rule` off.
fn alone(dir: &Path, rule: Rule) -> std::path::PathBuf {
    let mut config = String::from("[rules]\n");
    for other in RULES.iter().filter(|info| info.rule != rule) {
        writeln!(config, "{} = \"off\"", other.name).unwrap();
    }
    let path = dir.join("alone.toml");
    fs::write(&path, config).unwrap();
    path
}

/// Runs the binary on `text` with `rule` alone, online against the
/// loopback web; `extra` adds arguments (`--fix`). Returns the JSON report
/// and the file's text afterwards, both with the real addresses.
pub fn run(rule: Rule, text: &str, extra: &[&str]) -> (Value, String, Vec<(usize, usize, usize)>) {
    let dir = tempfile::tempdir().unwrap();
    let (sent, grown) = to_loopback(text);
    let path = dir.path().join("list.md");
    fs::write(&path, &sent).unwrap();
    let output = Command::cargo_bin("awesome-lint")
        .unwrap()
        .env_remove("GITHUB_TOKEN")
        .current_dir(dir.path())
        .arg("--config")
        .arg(alone(dir.path(), rule))
        .args(["--no-cache", "--allow-private", "--format", "json"])
        .args([
            "--max-retries",
            "0",
            "--timeout",
            "5",
            "--arxiv-delay",
            "0.01",
        ])
        .arg("--arxiv-api-url")
        .arg(web().url("/arxiv/api/"))
        .arg("--semantic-scholar-api-url")
        .arg(web().url("/s2/"))
        .args(extra)
        .arg("list.md")
        .output()
        .unwrap();
    let stdout = from_loopback(&String::from_utf8_lossy(&output.stdout));
    let json: Value = serde_json::from_str(&stdout).unwrap_or_else(|_| {
        panic!(
            "not a report:\n{stdout}\n{}",
            String::from_utf8_lossy(&output.stderr)
        )
    });
    let after = from_loopback(&fs::read_to_string(&path).unwrap());
    (json, after, grown)
}

/// The findings of a report, with columns in the list as written.
pub fn findings(json: &Value, grown: &[(usize, usize, usize)]) -> Vec<Value> {
    let mut found = json["diagnostics"].as_array().cloned().unwrap_or_default();
    for finding in &mut found {
        let line = finding["line"].as_u64().unwrap() as usize;
        let column = finding["column"].as_u64().unwrap() as usize;
        let shift: usize = grown
            .iter()
            .filter(|&&(l, c, _)| l == line && c < column)
            .map(|&(_, _, by)| by)
            .sum();
        finding["column"] = Value::from(column - shift);
    }
    found
}

pub fn render(rule: Rule, name: &str, text: &str) -> String {
    let (json, _, grown) = run(rule, text, &[]);
    let mut out = format!("{rule} alone on {name}, online\n");
    let found = findings(&json, &grown);
    if found.is_empty() {
        out.push_str("\nno findings\n");
    }
    for finding in &found {
        assert_eq!(finding["rule"], rule.name(), "only {rule} is on");
        writeln!(
            out,
            "\n{}:{} {}[{}] {}",
            finding["line"],
            finding["column"],
            finding["severity"].as_str().unwrap(),
            rule,
            finding["message"].as_str().unwrap()
        )
        .unwrap();
        if let Some(help) = finding["help"].as_str() {
            writeln!(out, "  help: {help}").unwrap();
        }
        if finding["fixable"] == true {
            writeln!(out, "  fixable").unwrap();
        }
    }
    let (_, fixed, _) = run(rule, text, &["--fix"]);
    if fixed == text {
        writeln!(out, "\n--fix: nothing to fix").unwrap();
    } else {
        writeln!(out, "\n--fix:").unwrap();
        out.push_str(&changes(text, &fixed, 1, ""));
        // A second run finds nothing more to fix.
        let (_, again, _) = run(rule, &fixed, &["--fix"]);
        assert_eq!(again, fixed, "a second --fix changes {name}");
    }
    out
}

crate::rule_fixtures! {
    render;
    broken_link => Rule::BrokenLink,
    not_a_pdf => Rule::NotAPdf,
    moved_link => Rule::MovedLink,
    unverifiable_link => Rule::UnverifiableLink,
    title_mismatch => Rule::TitleMismatch,
    venue_update => Rule::VenueUpdate,
}

#[test]
fn the_loopback_web_keeps_columns_and_arxiv_links() {
    let text =
        "- [a](https://example.org/x) [b](https://arxiv.org/abs/1) [c](http://h.example/y)\n";
    let (sent, grown) = to_loopback(text);
    assert!(sent.contains("(https://arxiv.org/abs/1)"));
    assert_eq!(from_loopback(&sent), text);
    assert_eq!(grown.len(), 2);
    assert_eq!((grown[0].0, grown[0].1), (1, 7));
    assert_eq!((grown[1].0, grown[1].1), (1, 63));
}

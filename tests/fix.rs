//! `--fix`, `--unsafe-fixes` and `--diff` end to end. Each `fixtures/fix/<case>/input.md`
//! has `safe.expected` (after `--fix`) and `unsafe.expected` (after
//! `--fix --unsafe-fixes`). Regenerate with `AWESOME_LINT_BLESS=1 cargo test --test fix`
//! and review the diff: nothing may be lost.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

fn fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(path)
}

fn lint(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let output = Command::cargo_bin("awesome-lint")
        .unwrap()
        .current_dir(dir)
        .args(["--offline", "--no-config"])
        .args(args)
        .output()
        .unwrap();
    (
        output.status.code().unwrap(),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

/// Fixes a copy of the case's input; checks the result against the golden
/// file, that a second run changes nothing, and that `--diff` showed exactly it.
fn check_case(case: &str, unsafe_fixes: bool) {
    check_case_with(case, unsafe_fixes, &[]);
}

/// [`check_case`] with more rules selected (`--select whitespace`).
fn check_case_with(case: &str, unsafe_fixes: bool, select: &[&str]) {
    let dir = tempfile::tempdir().unwrap();
    let input = fs::read(fixture(&format!("fix/{case}/input.md"))).unwrap();
    let path = dir.path().join("list.md");
    fs::write(&path, &input).unwrap();
    let mode: &[&str] = if unsafe_fixes {
        &["--unsafe-fixes"]
    } else {
        &[]
    };
    let mode = &[mode, select].concat()[..];

    let (code, diff, stderr) = lint(dir.path(), &[&["list.md", "--diff"], mode].concat());
    assert_eq!(
        fs::read(&path).unwrap(),
        input,
        "--diff must not touch the file"
    );
    assert_eq!(code, 1, "{case}: a diff is expected: {stderr}");
    assert!(diff.starts_with("--- a/list.md\n+++ b/list.md\n"), "{diff}");

    let (_, _, stderr) = lint(dir.path(), &[&["list.md", "--fix"], mode].concat());
    assert!(!stderr.contains("error"), "{stderr}");
    let fixed = fs::read(&path).unwrap();
    let golden = fixture(&format!(
        "fix/{case}/{}.expected",
        if unsafe_fixes { "unsafe" } else { "safe" }
    ));
    if std::env::var_os("AWESOME_LINT_BLESS").is_some() {
        fs::write(&golden, &fixed).unwrap();
    }
    assert_eq!(
        String::from_utf8_lossy(&fixed),
        String::from_utf8_lossy(&fs::read(&golden).unwrap()),
        "{case} fixed differs from {}",
        golden.display()
    );

    // The diff printed before is exactly the change made.
    let expected_diff = awesome_lint::unified_diff(
        Path::new("list.md"),
        std::str::from_utf8(strip_bom(&input)).unwrap(),
        std::str::from_utf8(strip_bom(&fixed)).unwrap(),
    );
    assert_eq!(diff, expected_diff, "{case}: --diff and --fix disagree");

    // A second run finds nothing more to fix.
    let (code, diff, _) = lint(dir.path(), &[&["list.md", "--diff"], mode].concat());
    assert_eq!(
        (code, diff.as_str()),
        (0, ""),
        "{case}: the second run still changes something"
    );
    let (_, json, _) = lint(
        dir.path(),
        &[&["list.md", "--format", "json"], select].concat(),
    );
    let value: Value = serde_json::from_str(&json).unwrap();
    if !unsafe_fixes {
        assert!(
            value["diagnostics"]
                .as_array()
                .unwrap()
                .iter()
                .all(|d| d["fixable"] == false),
            "{case}: a safe fix is left: {json}"
        );
        let lines = |b: &[u8]| b.iter().filter(|&&c| c == b'\n').count();
        assert_eq!(
            lines(&input),
            lines(&fixed),
            "{case}: safe fixes keep the line count"
        );
    }
}

fn strip_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes)
}

#[test]
fn spacing_safe() {
    check_case_with("spacing", false, &["--select", "whitespace"]);
}

#[test]
fn list_indent_safe() {
    check_case("list-indent", false);
}

#[test]
fn venue_format_safe() {
    check_case("venue-format", false);
}

#[test]
fn line_endings_bom_and_last_line_are_kept() {
    check_case_with("line-endings", false, &["--select", "whitespace"]);
    let fixed = fs::read(fixture("fix/line-endings/safe.expected")).unwrap();
    assert!(fixed.starts_with("\u{feff}".as_bytes()), "the BOM is kept");
    assert!(!fixed.ends_with(b"\n"), "no final newline, as before");
    let text = String::from_utf8(fixed).unwrap();
    assert_eq!(
        text.matches('\n').count(),
        text.matches("\r\n").count(),
        "CRLF everywhere"
    );
}

#[test]
fn year_section_unsafe() {
    check_case("year-section", true);
}

#[test]
fn section_order_unsafe() {
    check_case("section-order", true);
}

#[test]
fn unsafe_fixes_need_fix_or_diff() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("list.md"), "# x\n").unwrap();
    let (code, _, stderr) = lint(dir.path(), &["list.md", "--unsafe-fixes"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("--unsafe-fixes goes with --fix or --diff"));
}

#[test]
fn fix_reports_what_is_left() {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(
        fixture("acceptance/paper-list.md"),
        dir.path().join("list.md"),
    )
    .unwrap();
    let (code, out, _) = lint(dir.path(), &["list.md", "--fix", "--format", "json"]);
    assert_eq!(code, 1);
    let value: Value = serde_json::from_str(&out).unwrap();
    let left: Vec<(u64, &str)> = value["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["line"].as_u64().unwrap(), d["rule"].as_str().unwrap()))
        .collect();
    // Only findings without a safe fix remain.
    assert_eq!(
        left,
        [
            (8, "year-section"),
            (8, "venue-format"),
            (9, "title-format"),
            (21, "venue-format"),
            (26, "name-mismatch"),
            (27, "title-format"),
            (29, "empty-link")
        ]
    );
    let (_, text, _) = lint(dir.path(), &["list.md", "--fix"]);
    assert!(
        text.trim_end()
            .ends_with("Checked 1 file, 19 entries: 3 errors, 4 warnings."),
        "{text}"
    );
}

/// Regression (found by fuzzing the fix engine): moves into one section used
/// to be one per pass, so twelve of them never settled.
#[test]
fn many_moves_into_one_section_settle_in_one_pass() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from(
        "### 2022\n- [**ICCV 2022**] [**A**] A: Already Here [[pdf]](https://arxiv.org/pdf/2201.00000.pdf)\n### 2023\n",
    );
    for i in 1..=12 {
        text.push_str(&format!(
            "- [**ICCV 2022**] [**M{i}**] M{i}: Misplaced Number {i} [[pdf]](https://arxiv.org/pdf/2201.{i:05}.pdf)\n"
        ));
    }
    text.push_str(
        "- [**ICCV 2023**] [**B**] B: Stays [[pdf]](https://arxiv.org/pdf/2301.00000.pdf)\n",
    );
    fs::write(dir.path().join("list.md"), &text).unwrap();
    let (code, _, stderr) = lint(
        dir.path(),
        &["list.md", "--fix", "--unsafe-fixes", "--quiet"],
    );
    assert_eq!(code, 0, "{stderr}");
    let fixed = fs::read_to_string(dir.path().join("list.md")).unwrap();
    let lines: Vec<&str> = fixed.lines().collect();
    assert_eq!(lines[0], "### 2022");
    assert!(
        lines[2..14]
            .iter()
            .enumerate()
            .all(|(i, l)| l.contains(&format!("[**M{}**]", i + 1))),
        "{fixed}"
    );
    assert_eq!(lines[14], "### 2023");
}

/// An entry nested under a group item arrives at the top level of its new section.
#[test]
fn moved_nested_entries_are_taken_to_the_top_level() {
    let dir = tempfile::tempdir().unwrap();
    let text = "### 2022\n- [**ICCV 2022**] [**A**] A: Here [[pdf]](https://arxiv.org/pdf/2201.00001.pdf)\n### 2023\n- **Segmentation**\n  - [**ICCV 2022**] [**S**] S: Nested and Misplaced [[pdf]](https://arxiv.org/pdf/2201.00002.pdf)\n    - a note under it\n";
    fs::write(dir.path().join("list.md"), text).unwrap();
    let (_, _, stderr) = lint(
        dir.path(),
        &["list.md", "--fix", "--unsafe-fixes", "--quiet"],
    );
    assert!(!stderr.contains("error"), "{stderr}");
    assert_eq!(
        fs::read_to_string(dir.path().join("list.md")).unwrap(),
        "### 2022\n- [**ICCV 2022**] [**A**] A: Here [[pdf]](https://arxiv.org/pdf/2201.00001.pdf)\n- [**ICCV 2022**] [**S**] S: Nested and Misplaced [[pdf]](https://arxiv.org/pdf/2201.00002.pdf)\n  - a note under it\n### 2023\n- **Segmentation**\n"
    );
}

/// Fixing through a symbolic link fixes the file it points at and keeps the link.
#[test]
fn fixing_through_a_symbolic_link_keeps_the_link() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("real.md"), "### 2023\n- [**arxiv 2023**] [**A**] A: Title [[pdf]](https://arxiv.org/pdf/2301.00001.pdf)\n").unwrap();
    std::os::unix::fs::symlink("real.md", dir.path().join("README.md")).unwrap();
    let (code, _, stderr) = lint(dir.path(), &["README.md", "--fix", "--quiet"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        fs::symlink_metadata(dir.path().join("README.md"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(
        fs::read_to_string(dir.path().join("real.md"))
            .unwrap()
            .contains("[**arXiv 2023**]")
    );
}

/// A read-only file is the owner's wish to keep it: reported, not replaced.
#[test]
fn a_read_only_file_is_reported_and_left_untouched() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("list.md");
    let text = "### 2023\n- [**arxiv 2023**] [**A**] A: Title [[pdf]](https://arxiv.org/pdf/2301.00001.pdf)\n";
    fs::write(&path, text).unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).unwrap();
    let (code, _, stderr) = lint(dir.path(), &["list.md", "--fix", "--quiet"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("read-only"), "{stderr}");
    assert_eq!(fs::read_to_string(&path).unwrap(), text);
    assert_eq!(
        fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o444
    );
    // Nothing was left beside it.
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
}

/// Regression (found by fuzzing the fix engine): an entry moved under a
/// heading followed by a paragraph took the paragraph in as its continuation.
#[test]
fn a_moved_entry_does_not_swallow_the_paragraph_after_it() {
    let dir = tempfile::tempdir().unwrap();
    let text = "### 2022\nA paragraph about 2022 [[pdf]](https://example.org/x.pdf).\n### 2023\n- [**ICCV 2022**] [**M**] M: Misplaced [[pdf]](https://arxiv.org/pdf/2201.00001.pdf)\n";
    fs::write(dir.path().join("list.md"), text).unwrap();
    let (_, _, stderr) = lint(
        dir.path(),
        &["list.md", "--fix", "--unsafe-fixes", "--quiet"],
    );
    assert!(!stderr.contains("error"), "{stderr}");
    assert_eq!(
        fs::read_to_string(dir.path().join("list.md")).unwrap(),
        "### 2022\n- [**ICCV 2022**] [**M**] M: Misplaced [[pdf]](https://arxiv.org/pdf/2201.00001.pdf)\n\nA paragraph about 2022 [[pdf]](https://example.org/x.pdf).\n### 2023\n"
    );
}

/// Regression (found by fuzzing the fix engine): `-[]` is paragraph text,
/// not a list item, and would also have become the moved entry's continuation.
/// (`-[` now reads as an item with its bullet glued; `-1` is text to both.)
#[test]
fn a_moved_entry_stays_apart_from_text_that_only_looks_like_a_list() {
    let dir = tempfile::tempdir().unwrap();
    let text = "### 2024\n-1 [**CVPR 2024**] not an item [[pdf]](https://example.org/x.pdf)\n### 2022\n- [**CVPR 2024**] [**C**] C: Misplaced [[pdf]](https://arxiv.org/pdf/2401.00002.pdf)\n";
    fs::write(dir.path().join("list.md"), text).unwrap();
    let (_, _, stderr) = lint(
        dir.path(),
        &["list.md", "--fix", "--unsafe-fixes", "--quiet"],
    );
    assert!(!stderr.contains("error"), "{stderr}");
    assert_eq!(
        fs::read_to_string(dir.path().join("list.md")).unwrap(),
        "### 2024\n- [**CVPR 2024**] [**C**] C: Misplaced [[pdf]](https://arxiv.org/pdf/2401.00002.pdf)\n\n-1 [**CVPR 2024**] not an item [[pdf]](https://example.org/x.pdf)\n### 2022\n"
    );
}

/// Regression (found by fuzzing the fix engine): a section that ends in an
/// unclosed code fence would swallow anything placed after it. Such a move is
/// not offered; the finding stays for a person, and the file is untouched.
#[test]
fn a_move_into_an_unclosed_code_fence_is_not_offered() {
    let dir = tempfile::tempdir().unwrap();
    let text = "### 2021\n- [**CVPR 2024**] [**C**] C: Misplaced [[pdf]](https://arxiv.org/pdf/2401.00002.pdf)\n```\n";
    fs::write(dir.path().join("list.md"), text).unwrap();
    let (code, stdout, _) = lint(
        dir.path(),
        &[
            "list.md",
            "--fix",
            "--unsafe-fixes",
            "--quiet",
            "--format",
            "json",
        ],
    );
    assert_eq!(code, 1);
    assert!(stdout.contains("\"year-section\""), "{stdout}");
    assert_eq!(
        fs::read_to_string(dir.path().join("list.md")).unwrap(),
        text
    );
}

/// Sections moved after a section that ends in an unclosed code fence would
/// be read as code: that reorder is not offered either.
#[test]
fn a_reorder_behind_an_unclosed_code_fence_is_not_offered() {
    let dir = tempfile::tempdir().unwrap();
    let text = "### 2021\n- [**CVPR 2021**] [**A**] A: One [[pdf]](https://arxiv.org/pdf/2101.00001.pdf)\n### 2023\n- [**CVPR 2023**] [**C**] C: Three [[pdf]](https://arxiv.org/pdf/2301.00001.pdf)\n### 2022\n- [**CVPR 2022**] [**B**] B: Two [[pdf]](https://arxiv.org/pdf/2201.00001.pdf)\n```\n";
    fs::write(dir.path().join("list.md"), text).unwrap();
    let (code, stdout, _) = lint(
        dir.path(),
        &[
            "list.md",
            "--fix",
            "--unsafe-fixes",
            "--quiet",
            "--format",
            "json",
        ],
    );
    assert_eq!(code, 1);
    assert!(stdout.contains("\"section-order\""), "{stdout}");
    assert_eq!(
        fs::read_to_string(dir.path().join("list.md")).unwrap(),
        text
    );
}

/// Every link and image destination of a text, in order, as pulldown-cmark
/// reads it: independent of how awesome-lint reads entries.
fn destinations(text: &str) -> Vec<String> {
    use pulldown_cmark::{Event, Options, Parser, Tag};
    Parser::new_ext(text, Options::ENABLE_TABLES)
        .filter_map(|event| match event {
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                Some(dest_url.to_string())
            }
            _ => None,
        })
        .collect()
}

/// Lists that once lost links to `--fix` (`[**Title**](url)` entries,
/// `[[Paper](url)]` links) and one written so that its entries are misread:
/// `--fix` keeps every link, in order, and `--fix --unsafe-fixes` keeps every
/// destination; a second run changes nothing.
#[test]
fn fixes_keep_every_link() {
    let cases = fixture("fix/keeps-links");
    let mut seen = 0;
    for entry in fs::read_dir(&cases).unwrap() {
        let case = entry.unwrap().path();
        let original = fs::read_to_string(&case).unwrap();
        let links = destinations(&original);
        assert!(
            links.len() >= 7,
            "{}: a case is about links",
            case.display()
        );
        for unsafe_fixes in [false, true] {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("list.md");
            fs::write(&path, &original).unwrap();
            let args: &[&str] = if unsafe_fixes {
                &["--fix", "--unsafe-fixes", "list.md"]
            } else {
                &["--fix", "list.md"]
            };
            let (_, _, stderr) = lint(dir.path(), args);
            assert!(
                !stderr.contains("did not apply"),
                "{}: {stderr}",
                case.display()
            );
            let fixed = fs::read_to_string(&path).unwrap();
            assert_ne!(
                fixed,
                original,
                "{}: the case has something to fix",
                case.display()
            );
            let after = destinations(&fixed);
            if unsafe_fixes {
                let (mut a, mut b) = (links.clone(), after.clone());
                a.sort();
                b.sort();
                assert_eq!(a, b, "{}: --unsafe-fixes changed the links", case.display());
            } else {
                assert_eq!(after, links, "{}: --fix changed the links", case.display());
            }
            lint(dir.path(), args);
            assert_eq!(
                fs::read_to_string(&path).unwrap(),
                fixed,
                "{}: a second run changed something",
                case.display()
            );
        }
        seen += 1;
    }
    assert_eq!(seen, 3);
}

//! Speed and memory of the lint core, side by side with a bare pulldown-cmark walk.
//!
//! Run with `cargo bench --bench lint` (or `scripts/bench`). Sizes default to
//! 1,000, 10,000 and 100,000 entries; pass others after `--`:
//! `cargo bench --bench lint -- 1000 50000`. `--iters N` sets the number of
//! timed iterations per size (default 7, after one warm-up). `--write PATH`
//! writes the list of the first size to PATH and stops, for profiling:
//! `cargo bench --bench lint -- 100000 --write /tmp/list.md`.
//!
//! Everything happens in memory: no files, no network.

use std::fmt::Write as _;
use std::hint::black_box;
use std::time::{Duration, Instant};

use awesome_lint::Settings;
use awesome_lint::Source;
use awesome_lint::lint;
use awesome_lint::markdown_options;

const TARGET_RATIO: f64 = 2.0;
/// The table and multi-line shapes read more per entry (cells, lines).
const TARGET_RATIO_OTHER: f64 = 2.5;
const TARGET_PEAK: f64 = 8.0;
const DEFAULT_SIZES: [usize; 3] = [1_000, 10_000, 100_000];
const DEFAULT_ITERS: usize = 7;

#[path = "common/alloc.rs"]
mod alloc;

use alloc::{peak, reset_peak};

// ---------------------------------------------------------------------------
// The generated paper list.

const VENUES: [&str; 12] = [
    "CVPR",
    "ICCV",
    "ECCV",
    "NeurIPS",
    "ICML",
    "ICLR",
    "MICCAI",
    "arXiv",
    "TMI",
    "MIA",
    "Nature Medicine",
    "ACM MM",
];

const WORDS: [&str; 32] = [
    "Medical",
    "Vision-Language",
    "Pretraining",
    "Contrastive",
    "Learning",
    "Radiology",
    "Report",
    "Generation",
    "Chest",
    "X-ray",
    "Pathology",
    "Segmentation",
    "Foundation",
    "Model",
    "Multimodal",
    "Alignment",
    "Knowledge",
    "Enhanced",
    "Zero-Shot",
    "Classification",
    "Retrieval",
    "Grounding",
    "Clinical",
    "Representation",
    "Benchmark",
    "Dataset",
    "Efficient",
    "Adaptation",
    "Prompt",
    "Tuning",
    "Diagnosis",
    "Volumetric",
];

/// `Med` + the index in base-26 letters, first letter capital: `MedA`, `MedBa`, ...
fn short_name(index: usize, out: &mut String) {
    let mut letters = Vec::new();
    let mut n = index;
    loop {
        letters.push(b'a' + (n % 26) as u8);
        n /= 26;
        if n == 0 {
            break;
        }
    }
    letters.reverse();
    letters[0] = letters[0].to_ascii_uppercase();
    out.push_str("Med");
    out.push_str(std::str::from_utf8(&letters).expect("ascii"));
}

/// The entry shapes the benchmark generates lists in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ListShape {
    /// `- [**CVPR 2023**] [**Name**] Title [[pdf]](url) [[code]](url)` under year headings.
    Seed,
    /// Table rows: `| [**Title**](url) | Venue | 2023-06-12 | [Github](url) | [Demo](url) |`.
    Table,
    /// Bold-title paragraphs over four lines joined by `\`: title, authors,
    /// venue and links, date.
    Multiline,
}

impl ListShape {
    const ALL: [ListShape; 3] = [ListShape::Seed, ListShape::Table, ListShape::Multiline];

    fn name(self) -> &'static str {
        match self {
            ListShape::Seed => "seed",
            ListShape::Table => "table",
            ListShape::Multiline => "multiline",
        }
    }

    fn generate(self, n: usize) -> String {
        match self {
            ListShape::Seed => generate(n),
            ListShape::Table => generate_table(n),
            ListShape::Multiline => generate_multiline(n),
        }
    }
}

/// Five title words chosen from the index: unique titles come from the name.
fn title_words(i: usize) -> [&'static str; 5] {
    let w = |k: usize| WORDS[(i / WORDS.len().pow(k as u32) + 7 * k) % WORDS.len()];
    [w(0), w(1), w(2), w(3), w(4)]
}

/// arXiv id YYMM.NNNNN: the 5-digit number cycles, the month/year move on.
fn arxiv_id(i: usize) -> String {
    let number = i % 99_999 + 1;
    let block = i / 99_999;
    let (yy, mm) = (15 + (block / 12) % 10, 1 + block % 12);
    format!("{yy:02}{mm:02}.{number:05}")
}

/// A table list: sections of 1,000 rows under topic headings.
fn generate_table(n: usize) -> String {
    let mut text = String::with_capacity(n * 230 + 512);
    text.push_str(
        "# Awesome Multimodal Benchmark Tables

A generated table list for the awesome-lint benchmark.
",
    );
    let mut name = String::new();
    for i in 0..n {
        if i % 1000 == 0 {
            let _ = write!(
                text,
                "\n## Topic {}\n|  Title  |   Venue  |   Date   |   Code   |   Demo   |\n|:--------|:--------:|:--------:|:--------:|:--------:|\n",
                i / 1000 + 1
            );
        }
        name.clear();
        short_name(i, &mut name);
        let [a, b, c, d, e] = title_words(i);
        let venue = VENUES[i % VENUES.len()];
        let _ = writeln!(
            text,
            "| [**{name}: {a} {b} for {c} {d} About {e}**](https://arxiv.org/pdf/{}) | {venue} | 20{:02}-{:02}-{:02} | [Github](https://github.com/owner{i}/repo{i}) | [Demo](https://owner{i}.github.io/demo/) |",
            arxiv_id(i),
            15 + i % 10,
            1 + i % 12,
            1 + i % 28,
        );
    }
    text.shrink_to_fit();
    text
}

/// A list of bold-title paragraphs, four lines each.
fn generate_multiline(n: usize) -> String {
    let mut text = String::with_capacity(n * 260 + 512);
    text.push_str(
        "# Awesome Diffusion Benchmark List

A generated list of multi-line entries for the awesome-lint benchmark.
",
    );
    let mut name = String::new();
    for i in 0..n {
        if i % 1000 == 0 {
            let _ = write!(text, "\n## Topic {}\n", i / 1000 + 1);
        }
        name.clear();
        short_name(i, &mut name);
        let [a, b, c, d, e] = title_words(i);
        let venue = VENUES[i % VENUES.len()];
        let _ = write!(
            text,
            "\n**{name}: {a} {b} for {c} {d} About {e}** \\\n*Ada {name}son, Alan Turing, Grace Hopper* \\\n{venue} 20{:02}. [[Paper](https://arxiv.org/abs/{})] [[Github](https://github.com/owner{i}/repo{i})] \\\n{} Oct 20{:02}\n",
            15 + i % 10,
            arxiv_id(i),
            1 + i % 28,
            15 + i % 10,
        );
    }
    text.shrink_to_fit();
    text
}

/// A well-formed list of `n` entries over ascending year sections.
fn generate(n: usize) -> String {
    let years = (n / 1000).max(10);
    let first_year = 2025 - years;
    let per_year = n.div_ceil(years);
    let mut text = String::with_capacity(n * 200 + 512);
    text.push_str("# Awesome Medical Vision-Language Benchmark List\n\n");
    text.push_str(
        "A curated list of papers on medical vision-language learning, generated for \
         the awesome-lint benchmark. Entries are grouped by year, oldest first.\n",
    );
    let mut name = String::new();
    for i in 0..n {
        let year = first_year + i / per_year;
        if i % per_year == 0 {
            let _ = write!(text, "\n### {year}\n\n");
        }
        name.clear();
        short_name(i, &mut name);
        let mut venue = VENUES[i % VENUES.len()];
        // The ids are of 2015 to 2024: an older preprint would be dated
        // before its id was posted (a `year-mismatch`), and the list is
        // meant to be well-formed.
        if venue == "arXiv" && year < 2015 {
            venue = VENUES[(i + 1) % VENUES.len()];
        }
        let [a, b, c, d, e] = title_words(i);
        let _ = writeln!(
            text,
            " - [**{venue} {year}**] [**{name}**] {name}: {a} {b} for {c} {d} About {e} \
             [[pdf]](https://arxiv.org/pdf/{}.pdf) \
             [[code]](https://github.com/owner{i}/repo{i})",
            arxiv_id(i),
        );
    }
    text.shrink_to_fit();
    text
}

// ---------------------------------------------------------------------------
// Measuring.

struct Row {
    entries: usize,
    size: usize,
    walk: Duration,
    source: Duration,
    lint: Duration,
    walk_peak: usize,
    peak: usize,
    new_peak: usize,
    findings: usize,
    parsed: usize,
}

fn walk(text: &str) -> usize {
    let mut events = 0;
    for event in pulldown_cmark::Parser::new_ext(text, markdown_options()).into_offset_iter() {
        black_box(event);
        events += 1;
    }
    events
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn measure(shape: ListShape, entries: usize, iters: usize, settings: &Settings) -> Row {
    let text = shape.generate(entries);
    let size = text.len();

    // Warm-up, and the findings count.
    black_box(walk(&text));
    let source = Source::new("bench.md", "bench.md", text.clone());
    let linted = lint(&source, settings);
    let findings = linted.findings.len();
    let parsed = linted.entries();
    if let Some(first) = linted.findings.first() {
        eprintln!(
            "  note: {entries} entries: first finding: {} {:?}: {}",
            first.rule, first.span, first.message
        );
    }
    drop(linted);
    drop(source);

    let (mut walks, mut sources, mut lints) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..iters {
        let start = Instant::now();
        black_box(walk(black_box(&text)));
        walks.push(start.elapsed());

        let start = Instant::now();
        let source = Source::new("bench.md", "bench.md", black_box(text.clone()));
        sources.push(start.elapsed());

        let start = Instant::now();
        let linted = black_box(lint(black_box(&source), settings));
        lints.push(start.elapsed());
        drop(linted);
    }

    // Memory: the walk's own peak, for reference; the peak while `Source::new` copies the text, then the peak of
    // one lint run with the Source (its text and line index) counted as live.
    let before = reset_peak();
    black_box(walk(&text));
    let walk_peak = peak() - before;
    let before = reset_peak();
    let source = Source::new("bench.md", "bench.md", text.clone());
    let new_peak = peak() - before;
    reset_peak();
    let linted = lint(&source, settings);
    let peak = peak() - before;
    drop(linted);
    drop(source);

    Row {
        entries,
        size,
        walk: median(walks),
        source: median(sources),
        lint: median(lints),
        walk_peak,
        peak,
        new_peak,
        findings,
        parsed,
    }
}

fn ms(d: Duration) -> String {
    let ms = d.as_secs_f64() * 1e3;
    if ms < 10.0 {
        format!("{ms:.2} ms")
    } else if ms < 100.0 {
        format!("{ms:.1} ms")
    } else {
        format!("{ms:.0} ms")
    }
}

struct Args {
    sizes: Vec<usize>,
    iters: usize,
    sample: bool,
    /// The shapes to generate lists in (all by default).
    shapes: Vec<ListShape>,
    /// Write the generated list of the first size here and stop (for profiling).
    write: Option<String>,
}

fn parse_args() -> Args {
    let mut args = Args {
        sizes: Vec::new(),
        iters: DEFAULT_ITERS,
        sample: false,
        shapes: Vec::new(),
        write: None,
    };
    let mut raw = std::env::args().skip(1);
    while let Some(arg) = raw.next() {
        if arg == "--iters" {
            let value = raw.next().and_then(|v| v.parse().ok());
            args.iters = value.unwrap_or(args.iters);
        } else if let Some(v) = arg.strip_prefix("--iters=") {
            args.iters = v.parse().unwrap_or(args.iters);
        } else if arg == "--write" {
            args.write = raw.next();
        } else if arg == "--sample" {
            args.sample = true;
        } else if arg == "--shape" {
            let name = raw.next().unwrap_or_default();
            match ListShape::ALL.iter().find(|s| s.name() == name) {
                Some(&shape) => args.shapes.push(shape),
                None => eprintln!("unknown shape `{name}`: seed, table or multiline"),
            }
        } else if let Ok(n) = arg.replace(['_', ','], "").parse::<usize>() {
            args.sizes.push(n.max(1));
        }
        // Anything else (cargo's `--bench`, libtest flags) is ignored.
    }
    if args.sizes.is_empty() {
        args.sizes = DEFAULT_SIZES.to_vec();
    }
    if args.shapes.is_empty() {
        args.shapes = ListShape::ALL.to_vec();
    }
    args.iters = args.iters.max(1);
    args
}

fn main() {
    let args = parse_args();
    let iters = args.iters;
    let settings = Settings::default();

    if let Some(path) = &args.write {
        let n = args.sizes[0];
        match std::fs::write(path, args.shapes[0].generate(n)) {
            Ok(()) => println!("wrote a list of {n} entries to {path}"),
            Err(err) => println!("cannot write {path}: {err}"),
        }
        return;
    }
    if args.sample {
        println!("sample of the generated list (first lines):");
        for line in args.shapes[0].generate(args.sizes[0]).lines().take(8) {
            println!("  | {line}");
        }
        println!();
    }
    println!(
        "awesome-lint core: lint::lint vs a bare pulldown-cmark walk \
         (median of {iters} alternating runs after 1 warm-up)"
    );
    println!(
        "targets: ratio (lint / walk) <= {TARGET_RATIO}x for the seed shape, <= {TARGET_RATIO_OTHER}x for the others, peak heap during lint / file size <= {TARGET_PEAK}x"
    );
    println!();
    println!(
        "{:<10} {:<8} {:<8} {:<8} {:<8} {:<8} {:<6} {:<9} {:<9} {:<8} findings",
        "shape",
        "entries",
        "size",
        "walk",
        "lint",
        "source",
        "ratio",
        "peak/size",
        "walk-peak",
        "new/size",
    );

    let mut pass = true;
    for (&shape, &n) in args
        .shapes
        .iter()
        .flat_map(|s| args.sizes.iter().map(move |n| (s, n)))
    {
        let row = measure(shape, n, iters, &settings);
        let per_size = |bytes: usize| bytes as f64 / row.size as f64;
        let ratio = row.lint.as_secs_f64() / row.walk.as_secs_f64();
        let peak = per_size(row.peak);
        // The ratio target is the seed grammar's (the list the lint core was
        // first measured on); other shapes are measured, and their figures
        // reported, against the same walk.
        let target = if shape == ListShape::Seed {
            TARGET_RATIO
        } else {
            TARGET_RATIO_OTHER
        };
        let ok = ratio <= target && peak <= TARGET_PEAK;
        pass &= ok;
        println!(
            "{:<10} {:<8} {:<8} {:<8} {:<8} {:<8} {:<6} {:<9} {:<9} {:<8} {}{}",
            shape.name(),
            row.entries,
            format!("{:.1} MB", row.size as f64 / 1e6),
            ms(row.walk),
            ms(row.lint),
            ms(row.source),
            format!("{ratio:.2}x"),
            format!("{peak:.2}x"),
            format!("{:.2}x", per_size(row.walk_peak)),
            format!("{:.2}x", per_size(row.new_peak)),
            row.findings,
            if ok { "" } else { "  <- over target" },
        );
        if row.parsed != row.entries {
            println!(
                "  warning: the linter parsed {} entries out of {}",
                row.parsed, row.entries
            );
        }
    }

    println!();
    for line in [
        "walk:      Parser::new_ext(text, markdown_options()).into_offset_iter(), events counted",
        "lint:      lint::lint(&source, &Settings::default()) only; Source::new is timed apart",
        "source:    Source::new(.., text.clone()), the clone included; not part of the ratio",
        "ratio:     lint / walk, medians",
        "peak/size: peak heap above the generated text during one lint call, counting the",
        "           Source's copy of the text and its line index as live, / file size",
        "walk-peak: peak heap of one bare walk / file size, for reference",
        "new/size:  peak heap while Source::new takes the text (clone + Arc<str> copy), / file size",
    ] {
        println!("{line}");
    }
    let verdict = if pass {
        "all sizes within target"
    } else {
        "OVER TARGET"
    };
    println!("result:    {verdict}");
    compare_with_other_tools();
}

/// Where the npm tools are: `$AWESOME_LINT_BENCH_TOOLS`, or `.bench-tools/`
/// in the repository (`scripts/bench --install-tools` puts them there).
fn npm_tool(name: &str) -> Option<std::path::PathBuf> {
    let dir = std::env::var_os("AWESOME_LINT_BENCH_TOOLS")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(".bench-tools"));
    let path = dir.join("node_modules/.bin").join(name);
    path.is_file().then_some(path)
}

/// Whole runs of each tool on the same file, side by side: awesome-lint's
/// binary (offline) against markdownlint-cli2 and sindresorhus/awesome-lint.
fn compare_with_other_tools() {
    const ENTRIES: [usize; 2] = [1_000, 10_000];
    const TARGET: f64 = 20.0;
    println!();
    println!(
        "against other tools (whole process, wall time; target: at least {TARGET}x faster on 10,000 entries)"
    );
    println!(
        "{:<8} {:<28} {:>10} {:>10}",
        "entries", "tool", "time", "vs ours"
    );
    let dir = std::env::temp_dir().join(format!("awesome-lint-bench-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    for n in ENTRIES {
        let path = dir.join(format!("list-{n}.md"));
        if std::fs::write(&path, generate(n)).is_err() {
            println!("cannot write {}", path.display());
            return;
        }
        let ours = env!("CARGO_BIN_EXE_awesome-lint").into();
        let tools: [(&str, Option<std::path::PathBuf>, &[&str]); 3] = [
            (
                "awesome-lint (this)",
                Some(ours),
                &["--offline", "--no-config", "--quiet"],
            ),
            ("markdownlint-cli2", npm_tool("markdownlint-cli2"), &[]),
            ("sindresorhus/awesome-lint", npm_tool("awesome-lint"), &[]),
        ];
        let mut baseline = None;
        for (name, program, args) in tools {
            let Some(program) = program else {
                println!("{n:<8} {name:<28} {:>10}", "not installed");
                continue;
            };
            let started = Instant::now();
            let status = std::process::Command::new(&program)
                .args(args)
                .arg(&path)
                .current_dir(&dir)
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .status();
            let took = started.elapsed();
            if status.is_err() {
                println!("{n:<8} {name:<28} {:>10}", "failed");
                continue;
            }
            let base = *baseline.get_or_insert(took);
            println!(
                "{n:<8} {name:<28} {:>10} {:>9.1}x",
                ms(took),
                took.as_secs_f64() / base.as_secs_f64()
            );
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

//! Bad input, at two sizes each: a clear error or a correct result, never a
//! panic, and time linear in size (the last column: the bigger case's time
//! per MB over the smaller's; 1.0 is perfectly linear).
//!
//! Run: `cargo bench --bench bad_input` (part of `scripts/bench`).

#[path = "common/alloc.rs"]
mod alloc;

use std::hint::black_box;
use std::time::{Duration, Instant};

use alloc::{peak, reset_peak};
use awesome_lint::Settings;
use awesome_lint::Source;
use awesome_lint::lint;
use awesome_lint::report::{self, FileReport, Summary};

/// A cheap, repeatable stream of pseudo-random bytes.
fn random_bytes(n: usize, seed: u64) -> Vec<u8> {
    let mut x = seed | 1;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect()
}

/// Random text made of markdown's busiest characters.
fn random_markdown(n: usize) -> Vec<u8> {
    const ALPHABET: &[u8] = b"[]()*_-#>`!:| \n\n\nabcdefgh0123456789";
    random_bytes(n, 7)
        .into_iter()
        .map(|b| ALPHABET[b as usize % ALPHABET.len()])
        .collect()
}

fn list(entries: usize) -> Vec<u8> {
    let mut text = String::with_capacity(entries * 200);
    text.push_str("# Big\n\n");
    for i in 0..entries {
        if i % 5_000 == 0 {
            text.push_str(&format!("### {}\n", 1900 + i / 5_000 % 200));
        }
        let year = 1900 + i / 5_000 % 200;
        text.push_str(&format!(
            "- [**ICCV {year}**] [**P{i}**] P{i}: A Generated Paper About Medical Images Number {i} [[pdf]](https://arxiv.org/pdf/2301.{i:07}.pdf) [[code]](https://github.com/o/p{i})\n"
        ));
    }
    text.into_bytes()
}

/// The cases: name, and a generator for a given scale.
type Case = (&'static str, fn(usize) -> Vec<u8>, [usize; 2]);

const CASES: &[Case] = &[
    (
        "random bytes (not UTF-8)",
        |n| random_bytes(n, 3),
        [10 << 20, 100 << 20],
    ),
    (
        "random markdown-ish text",
        random_markdown,
        [2 << 20, 20 << 20],
    ),
    (
        "invalid UTF-8 mid-list",
        |n| {
            let mut text = list(n);
            let middle = text.len() / 2;
            text[middle] = 0xff;
            text
        },
        [50_000, 500_000],
    ),
    ("list of N entries", list, [100_000, 1_000_000]),
    (
        "N nested block quotes",
        |n| {
            let mut text = vec![b'>'; n];
            text.extend_from_slice(b" [**ICCV 2023**] x\n");
            text
        },
        [10_000, 100_000],
    ),
    (
        "N unbalanced brackets",
        |n| {
            let mut text = b"### 2023\n- [**ICCV 2023**] [**X**] X: T ".to_vec();
            text.extend(std::iter::repeat_n(b'[', n));
            text.push(b'\n');
            text
        },
        [20_000, 200_000],
    ),
    (
        "N unclosed links `[[a]](`",
        |n| {
            let mut text = b"### 2023\n- [**ICCV 2023**] [**X**] X: T ".to_vec();
            for _ in 0..n {
                text.extend_from_slice(b"[[a]](");
            }
            text.push(b'\n');
            text
        },
        [20_000, 200_000],
    ),
];

struct Outcome {
    took: Duration,
    peak: usize,
    result: String,
}

/// Reads, lints and renders the JSON report, as the binary would.
fn run(bytes: Vec<u8>) -> Outcome {
    let started = Instant::now();
    let base = reset_peak();
    let result = match Source::from_bytes("bad.md".into(), "bad.md".into(), bytes) {
        Err(err) => format!("error: {err}"),
        Ok(source) => {
            let settings = Settings::default();
            let linted = lint(&source, &settings);
            let entries = linted.entries();
            let reports = vec![FileReport {
                source,
                findings: linted.findings,
                entries,
                unreadable: false,
            }];
            let summary = Summary::of(&reports, None);
            let mut sink = Vec::new();
            report::json::render(&reports, &summary, &[], &mut sink).expect("render");
            black_box(&sink);
            format!(
                "{} entries, {} findings",
                summary.entries,
                summary.errors + summary.warnings
            )
        }
    };
    Outcome {
        took: started.elapsed(),
        peak: peak() - base,
        result,
    }
}

fn main() {
    println!(
        "bad input: read + lint + JSON report, two sizes per case; never a panic, time linear in size"
    );
    println!();
    println!(
        "{:<26} {:>10} {:>9} {:>10} {:>9}  {:<40} {:>9}",
        "case", "scale", "size", "time", "peak/size", "result", "linear"
    );
    for &(name, generate, scales) in CASES {
        let mut per_mb = Vec::new();
        for scale in scales {
            let bytes = generate(scale);
            let size = bytes.len();
            let outcome = run(bytes);
            let mb = size as f64 / 1e6;
            per_mb.push(outcome.took.as_secs_f64() / mb);
            let linear = if per_mb.len() == 2 {
                format!("{:.2}", per_mb[1] / per_mb[0])
            } else {
                String::new()
            };
            println!(
                "{:<26} {:>10} {:>7.1}MB {:>9.3}s {:>8.2}x  {:<40} {:>9}",
                name,
                scale,
                mb,
                outcome.took.as_secs_f64(),
                outcome.peak as f64 / size as f64,
                outcome.result.chars().take(40).collect::<String>(),
                linear
            );
        }
    }
}

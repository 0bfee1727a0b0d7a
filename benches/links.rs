//! Link checking speed against the concurrency limit, and against lychee
//! when it is installed, measured side by side in one run.
//!
//! Twenty loopback hosts (127.0.0.1 to 127.0.0.20) answer every request
//! after 50 ms; a list of 1,000 entries links a pdf and a code URL each
//! (2,000 URLs). With 64 requests in flight, no checker can beat
//! ceil(2000 / 64) x 50 ms = 1.6 s: the table shows how close each comes.
//! A second run checks 10,000 URLs for the peak memory (max RSS).
//!
//! Run: `cargo bench --bench links` (part of `scripts/bench`). Never
//! touches the network beyond loopback.

#[path = "../tests/support/mod.rs"]
mod support;

use std::process::Command;
use std::time::{Duration, Instant};

use support::{Reply, Server, pdf, route};

const DELAY: Duration = Duration::from_millis(50);
const HOSTS: usize = 20;
const CONCURRENCY: usize = 64;
const PER_HOST: usize = 8;
/// Runs of each checker; the table shows the median.
const RUNS: usize = 5;

fn main() {
    let servers: Vec<Server> = (1..=HOSTS)
        .map(|i| {
            Server::start(
                &format!("127.0.0.{i}"),
                vec![("/", route(|_, _| Reply::After(DELAY, Box::new(pdf()))))],
            )
        })
        .collect();
    let dir = std::env::temp_dir().join(format!("awesome-lint-bench-links-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");

    let small = dir.join("list-2000.md");
    std::fs::write(&small, list(&servers, 1_000)).expect("write list");
    let large = dir.join("list-10000.md");
    std::fs::write(&large, list(&servers, 5_000)).expect("write list");

    let ours = env!("CARGO_BIN_EXE_awesome-lint");
    let limit = (2_000f64 / CONCURRENCY as f64).ceil() * DELAY.as_secs_f64();
    println!(
        "{HOSTS} loopback hosts, every answer after {} ms; --max-concurrency {CONCURRENCY} --host-concurrency {PER_HOST}",
        DELAY.as_millis()
    );
    println!(
        "limit for 2,000 URLs: ceil(2000/{CONCURRENCY}) x {} ms = {limit:.2} s",
        DELAY.as_millis()
    );
    // What the test server really allows: its timer sleeps a little over 50 ms,
    // and a request has its round trip. Rounds measured one after another.
    let rounds = (2_000f64 / CONCURRENCY as f64).ceil() as usize;
    let floor = sequential_rounds(&servers[0], rounds);
    println!(
        "server floor: {rounds} requests one after another = {:.2} s ({:.1} ms a round)\n",
        floor.as_secs_f64(),
        floor.as_secs_f64() * 1000.0 / rounds as f64
    );
    println!(
        "{:<14} {:>8} {:>10} {:>10} {:>10}",
        "checker", "urls", "median", "x limit", "x floor"
    );

    let awesome = || {
        let mut cmd = Command::new(ours);
        cmd.args([
            "--allow-private",
            "--no-cache",
            "--no-config",
            "--quiet",
            "--format",
            "json",
        ]);
        cmd.args(["--max-concurrency", &CONCURRENCY.to_string()]);
        cmd.args(["--host-concurrency", &PER_HOST.to_string()]);
        cmd.arg(&small);
        cmd
    };
    let small_list = small.clone();
    let lychee = which("lychee").map(|lychee| {
        move || {
            let mut cmd = Command::new(&lychee);
            cmd.args([
                "--no-progress",
                "--max-concurrency",
                &CONCURRENCY.to_string(),
            ]);
            cmd.args([
                "--host-concurrency",
                &PER_HOST.to_string(),
                "--host-request-interval",
                "0",
            ]);
            cmd.arg(&small_list);
            cmd
        }
    });
    // Alternate the two, so that both see the same machine; report medians.
    let (mut ours_times, mut lychee_times) = (Vec::new(), Vec::new());
    let (mut ours_ok, mut lychee_ok) = (true, true);
    let mut lychee_counts = String::new();
    for _ in 0..RUNS {
        let (wall, ok) = time(&mut awesome());
        ours_times.push(wall);
        ours_ok &= ok;
        if let Some(lychee) = &lychee {
            let started = Instant::now();
            let output = lychee().output();
            lychee_times.push(started.elapsed());
            lychee_ok &= output
                .as_ref()
                .is_ok_and(|o| o.status.code().is_some_and(|c| c <= 2));
            if let Ok(output) = output {
                // lychee's own counts, to show that it checked every URL.
                lychee_counts = String::from_utf8_lossy(&output.stdout)
                    .lines()
                    .filter(|l| l.contains("Total"))
                    .map(|l| l.trim().to_owned())
                    .collect();
            }
        }
    }
    let row = |name: &str, times: &mut Vec<Duration>, ok: bool| {
        times.sort();
        let median = times[times.len() / 2].as_secs_f64();
        println!(
            "{name:<14} {:>8} {median:>9.2}s {:>9.2}x {:>9.2}x{}",
            2_000,
            median / limit,
            median / floor.as_secs_f64(),
            status(ok)
        );
    };
    row("awesome-lint", &mut ours_times, ours_ok);
    if lychee.is_some() {
        row("lychee", &mut lychee_times, lychee_ok);
        println!("{:<14} lychee's count: {lychee_counts}", "");
    } else {
        println!(
            "{:<14} not installed (`cargo install lychee` to compare)",
            "lychee"
        );
    }

    // Peak memory: the larger list under /usr/bin/time.
    let mut big = Command::new("/usr/bin/time");
    big.args(["-f", "%M"]).arg(ours);
    big.args([
        "--allow-private",
        "--no-cache",
        "--no-config",
        "--quiet",
        "--format",
        "json",
    ]);
    big.args([
        "--max-concurrency",
        &CONCURRENCY.to_string(),
        "--host-concurrency",
        &PER_HOST.to_string(),
    ]);
    big.arg(&large);
    let started = Instant::now();
    match big.output() {
        Ok(output) => {
            let stderr = String::from_utf8_lossy(&output.stderr);
            let kib: Option<u64> = stderr.lines().last().and_then(|l| l.trim().parse().ok());
            match kib {
                Some(kib) => println!(
                    "\n10,000 URLs: {:.2} s, peak memory (max RSS) {:.1} MB (target: under 100 MB)",
                    started.elapsed().as_secs_f64(),
                    kib as f64 / 1024.0
                ),
                None => println!("\n10,000 URLs: could not read max RSS from /usr/bin/time"),
            }
        }
        Err(_) => println!("\n10,000 URLs: /usr/bin/time not available, peak memory not measured"),
    }
    println!("\ntarget: awesome-lint at most 1.3x the limit, and faster than lychee");
    let _ = std::fs::remove_dir_all(&dir);
}

/// `rounds` HEAD requests to `server`, each on a fresh connection, one after
/// another: the time no checker can beat for that many rounds.
fn sequential_rounds(server: &Server, rounds: usize) -> Duration {
    use std::io::{Read, Write};
    let started = Instant::now();
    for i in 0..rounds {
        let Ok(mut stream) = std::net::TcpStream::connect(server.addr) else {
            continue;
        };
        let request = format!(
            "HEAD /floor-{i}.pdf HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
            server.addr
        );
        let _ = stream.write_all(request.as_bytes());
        // The server answers, then sees the end of the requests and closes.
        let _ = stream.shutdown(std::net::Shutdown::Write);
        let mut answer = Vec::new();
        let _ = stream.read_to_end(&mut answer);
    }
    started.elapsed()
}

/// A well-formed list: each entry's pdf and code links on two different hosts.
fn list(servers: &[Server], entries: usize) -> String {
    let mut text = String::from("# Bench\n\n### 2024\n");
    for i in 0..entries {
        let pdf_host = &servers[i % servers.len()];
        let code_host = &servers[(i + 7) % servers.len()];
        text.push_str(&format!(
            "- [**ICCV 2024**] [**P{i}**] P{i}: Paper Number {i} [[pdf]]({}) [[code]]({})\n",
            pdf_host.url(&format!("/paper-{i}.pdf")),
            code_host.url(&format!("/code/{i}")),
        ));
    }
    text
}

fn time(cmd: &mut Command) -> (Duration, bool) {
    let started = Instant::now();
    let ok = cmd
        .output()
        .map(|o| o.status.code().is_some_and(|c| c <= 1))
        .unwrap_or(false);
    (started.elapsed(), ok)
}

fn status(ok: bool) -> &'static str {
    if ok { "" } else { "  (did not run cleanly)" }
}

fn which(program: &str) -> Option<std::path::PathBuf> {
    std::env::var_os("PATH")?
        .to_str()?
        .split(':')
        .map(|dir| std::path::Path::new(dir).join(program))
        .find(|path| path.is_file())
}

//! errcat's lookups and `explain`, each group against the alternatives a caller could write,
//! measured in the same run: see `benches/README.md` for the groups, the targets and the last
//! results.
//!
//! Every alternative times a batch (all the keys of a set, looked up one after the other, each
//! through `black_box`), and every time is divided by the batch length: the tables are in
//! nanoseconds per lookup. Hits are the real catalog keys; misses have the same shape (the first or
//! the last byte changed) and are checked to be absent from every structure measured.
//!
//! The timing is the bench's own (`harness.rs`: `Instant` and `black_box`), built so that a ratio
//! holds on a shared, noisy machine:
//!
//! - The alternatives of a group are **interleaved**: the group runs in rounds; in each round,
//!   every alternative is sampled `passes` times, in a new shuffled order each pass, each sample a
//!   calibrated number of batches lasting about `sample`. An alternative's time in a round is its
//!   fastest sample of that round (noise only ever adds time). A sample during which the thread
//!   was switched out (`/proc/thread-self/schedstat`) is taken again.
//! - A ratio is computed **per round**, from times taken within milliseconds of each other, so
//!   that a slow period of the machine slows both sides.
//! - The rounds are spread over **several processes** (this binary, started again with
//!   `--child`), one after the other: what is fixed for the life of a process (where the code,
//!   the stack and the heap were placed, `HashMap`'s random keys) moved some ratios by 15%
//!   between two runs, and a single process measures only one draw of it. `HashMap`s are also
//!   built again before each round, with new random keys.
//! - The report gives each ratio's median over all the rounds with its spread (interquartile
//!   range, min–max, and the range of the processes' medians), calls a target met only when the
//!   interquartile range and every process's median meet it (not met when they all miss it,
//!   within noise otherwise), and says how far each median moved since the previous run.
//!
//! `cargo bench --bench lookup` runs everything (about two minutes) and, at the end, prints the
//! tables and writes them to `<target>/errcat-bench/report.md`. `-- --quick` (or
//! `ERRCAT_BENCH_QUICK=1`) runs every group for a tiny time; `-- header` runs only the groups
//! whose name contains `header`. Without `--bench` (`cargo test --benches`), every check runs and
//! every alternative is called once, untimed.

mod codes;
mod explain;
mod harness;
mod header;
mod report;
mod status;

use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant, SystemTime};

use harness::{Row, Suite};

const USAGE: &str = "\
usage: cargo bench --bench lookup -- [OPTIONS] [FILTER]...

  FILTER            run only the groups whose name contains one of these
  --quick           every group for a tiny time (also: ERRCAT_BENCH_QUICK=1)
  --processes N     processes the rounds are spread over, one after the other (default 10; quick 2)
  --rounds N        rounds per group in each process (default 8; quick 3)
  --passes N        samples of each alternative per round, the fastest kept (default 5; quick 1)
  --sample-ms X     length of one sample, in milliseconds (default 2; quick 0.2)
  --list            list the groups and alternatives
  --test            every check, and every alternative once, untimed (the default without --bench)
  --child           (internal) measure in this process and print the rounds for the parent

The report is written to <target>/errcat-bench/report.md (or $ERRCAT_BENCH_DIR/report.md).";

/// How the binary was asked to run.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Mode {
    /// Without `--bench` (`cargo test --benches`), or `--test`: the checks, then every
    /// alternative called once, untimed; no report.
    Test,
    /// `--list`: the groups and alternatives, nothing run.
    List,
    /// `cargo bench`: start the child processes one after the other, gather their rounds,
    /// report.
    Bench,
    /// `--bench --child`: measure, and print the rounds on stdout.
    Child,
}

/// How long and how often each alternative is measured.
#[derive(Clone, Debug)]
struct Plan {
    /// Processes the rounds are spread over.
    processes: usize,
    /// Rounds per group in each process; a ratio is computed in each.
    rounds: usize,
    /// Samples of each alternative per round (each pass in a new order); the fastest is kept.
    passes: usize,
    /// The length of one sample (the batches per sample are calibrated to it).
    sample: Duration,
    /// Minimum time each alternative runs before its calibration is kept.
    warm_up: Duration,
    /// `--quick`.
    quick: bool,
}

impl Plan {
    const FULL: Plan = Plan {
        processes: 10,
        rounds: 8,
        passes: 5,
        sample: Duration::from_millis(2),
        warm_up: Duration::from_millis(20),
        quick: false,
    };

    const QUICK: Plan = Plan {
        processes: 2,
        rounds: 3,
        passes: 1,
        sample: Duration::from_micros(200),
        warm_up: Duration::from_millis(1),
        quick: true,
    };

    /// One line for the report.
    fn describe(&self) -> String {
        format!(
            "{}{} processes × {} rounds, each alternative's best of {} samples of {} ms per round, \
             interleaved",
            if self.quick { "quick: " } else { "" },
            self.processes,
            self.rounds,
            self.passes,
            self.sample.as_secs_f64() * 1e3,
        )
    }
}

/// The command line.
#[derive(Debug)]
struct Config {
    mode: Mode,
    plan: Plan,
    /// Substrings of group names; empty: every group.
    filters: Vec<String>,
}

fn parse_args(args: impl IntoIterator<Item = String>, quick_env: bool) -> Result<Config, String> {
    let (mut bench, mut test, mut list, mut child) = (false, false, false, false);
    let mut quick = quick_env;
    let (mut processes, mut rounds, mut passes, mut sample) = (None, None, None, None);
    let mut filters = Vec::new();
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or_else(|| format!("{name} takes a value"));
        match arg.as_str() {
            "--bench" => bench = true,
            "--test" => test = true,
            "--list" => list = true,
            "--child" => child = true,
            "--quick" => quick = true,
            "--processes" => processes = Some(parse_count(&arg, &value(&arg)?)?),
            "--rounds" => rounds = Some(parse_count(&arg, &value(&arg)?)?),
            "--passes" => passes = Some(parse_count(&arg, &value(&arg)?)?),
            "--sample-ms" => {
                let v = value(&arg)?;
                let ms: f64 = v
                    .parse()
                    .ok()
                    .filter(|ms: &f64| ms.is_finite() && *ms > 0.0)
                    .ok_or_else(|| format!("--sample-ms: not a positive number: {v}"))?;
                sample = Some(Duration::from_secs_f64(ms / 1e3));
            }
            "-h" | "--help" => return Err(String::new()),
            // What libtest-style runners may pass; nothing to do here.
            "--nocapture" | "--show-output" | "--exact" => {}
            flag if flag.starts_with('-') => return Err(format!("unknown option {flag}")),
            filter => filters.push(filter.to_owned()),
        }
    }
    let mut plan = if quick { Plan::QUICK } else { Plan::FULL };
    plan.processes = processes.unwrap_or(plan.processes);
    plan.rounds = rounds.unwrap_or(plan.rounds);
    plan.passes = passes.unwrap_or(plan.passes);
    plan.sample = sample.unwrap_or(plan.sample);
    let mode = match (list, bench && !test, child) {
        (true, _, _) => Mode::List,
        (false, true, true) => Mode::Child,
        (false, true, false) => Mode::Bench,
        (false, false, _) => Mode::Test,
    };
    Ok(Config {
        mode,
        plan,
        filters,
    })
}

fn parse_count(name: &str, v: &str) -> Result<usize, String> {
    v.parse()
        .ok()
        .filter(|&n| n > 0)
        .ok_or_else(|| format!("{name}: not a positive integer: {v}"))
}

/// Where the report goes: `$ERRCAT_BENCH_DIR`, else `<target>/errcat-bench`, the target directory
/// being `$CARGO_TARGET_DIR` or the one this executable was built in
/// (`<target>/release/deps/lookup-<hash>`).
fn report_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("ERRCAT_BENCH_DIR") {
        return PathBuf::from(dir);
    }
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .or_else(|| {
            let exe = std::env::current_exe().ok()?;
            Some(exe.ancestors().nth(3)?.to_path_buf())
        })
        .unwrap_or_else(|| PathBuf::from("target"));
    target.join("errcat-bench")
}

/// `/proc/loadavg`'s three averages, or `unknown`.
fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg").map_or_else(
        |_| "unknown".to_owned(),
        |s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "),
    )
}

/// Every group, in the order of the report.
fn run_groups(suite: &mut Suite) {
    codes::bench(suite);
    status::bench(suite);
    header::bench(suite);
    explain::bench(suite);
}

/// What a child prints on stdout, one line each, for the parent: a row and its rounds
/// (nanoseconds per lookup, in round order, as Rust prints an `f64`: exactly), then the sample
/// counts.
const ROW: &str = "errcat-bench-row";
const SAMPLES: &str = "errcat-bench-samples";

/// `--child`: measures every selected group and prints the rows for the parent.
fn child(config: Config) {
    let mut suite = Suite::new(config);
    run_groups(&mut suite);
    for row in &suite.rows {
        let rounds: Vec<String> = row.rounds.iter().map(f64::to_string).collect();
        println!("{ROW}\t{}\t{}\t{}", row.group, row.name, rounds.join(","));
    }
    println!(
        "{SAMPLES}\t{}\t{}",
        suite.samples,
        if suite.schedstat {
            suite.retaken.to_string()
        } else {
            String::new()
        }
    );
}

/// The rows and sample counts a child printed, appended to `rows` (in the first child's order).
fn gather(stdout: &str, rows: &mut Vec<Row>, run: &mut report::Run) -> Result<(), String> {
    let mut seen = 0;
    for line in stdout.lines() {
        let fields: Vec<&str> = line.split('\t').collect();
        match fields[..] {
            [ROW, group, name, rounds] => {
                let rounds = if rounds.is_empty() {
                    Vec::new()
                } else {
                    rounds
                        .split(',')
                        .map(str::parse)
                        .collect::<Result<Vec<f64>, _>>()
                        .map_err(|e| format!("{line}: {e}"))?
                };
                if let Some(row) = rows.get_mut(seen) {
                    if (row.group.as_str(), row.name.as_str()) != (group, name) {
                        return Err(format!("{group}/{name}: not in the first process's order"));
                    }
                    row.rounds.extend(rounds);
                } else {
                    rows.push(Row {
                        group: group.to_owned(),
                        name: name.to_owned(),
                        rounds,
                    });
                }
                seen += 1;
            }
            [SAMPLES, samples, retaken] => {
                run.samples += samples.parse::<u64>().map_err(|e| format!("{line}: {e}"))?;
                run.retaken = match (run.retaken, retaken.parse::<u64>()) {
                    (Some(total), Ok(n)) => Some(total + n),
                    _ => None,
                };
            }
            _ => {}
        }
    }
    if seen == rows.len() {
        Ok(())
    } else {
        Err(format!("{seen} rows, not {}", rows.len()))
    }
}

/// `cargo bench`: runs the children one after the other, then reports.
fn parent(config: &Config, args: &[String]) {
    let exe = std::env::current_exe().expect("this executable's path");
    let started = SystemTime::now();
    let clock = Instant::now();
    let mut run = report::Run {
        started,
        seconds: 0.0,
        plan: config.plan.describe(),
        load_before: load_average(),
        load_after: String::new(),
        rounds_per_process: config.plan.rounds,
        samples: 0,
        retaken: Some(0),
    };
    let mut rows = Vec::new();
    let n = config.plan.processes;
    for i in 1..=n {
        eprintln!("== process {i} of {n}");
        let output = Command::new(&exe)
            .arg("--child")
            .args(args)
            .stdin(Stdio::null())
            .stderr(Stdio::inherit())
            .output()
            .expect("start the bench again");
        let stdout = String::from_utf8_lossy(&output.stdout);
        if !output.status.success() {
            eprintln!("process {i} failed ({}):\n{stdout}", output.status);
            std::process::exit(1);
        }
        if let Err(e) = gather(&stdout, &mut rows, &mut run) {
            eprintln!("process {i}: {e}");
            std::process::exit(1);
        }
    }
    run.seconds = clock.elapsed().as_secs_f64();
    run.load_after = load_average();
    report::write(&report_dir(), &rows, &run);
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let quick_env =
        std::env::var_os("ERRCAT_BENCH_QUICK").is_some_and(|v| !v.is_empty() && v != "0");
    let config = match parse_args(args.iter().cloned(), quick_env) {
        Ok(config) => config,
        Err(e) => {
            if !e.is_empty() {
                eprintln!("error: {e}\n");
            }
            eprintln!("{USAGE}");
            std::process::exit(if e.is_empty() { 0 } else { 2 });
        }
    };
    match config.mode {
        Mode::Bench => parent(&config, &args),
        Mode::Child => child(config),
        Mode::Test | Mode::List => run_groups(&mut Suite::new(config)),
    }
}

//! errcat's lookups and `explain`, each group against the alternatives a caller could write,
//! measured in the same run: see `benches/README.md` for the groups, the targets and the last
//! results.
//!
//! Every benchmark times a batch (all the keys of a set, looked up one after the other, each
//! through `black_box`) and the report divides by the batch length: the table is in nanoseconds
//! per lookup. Hits are the real catalog keys; misses have the same shape (the first or the last
//! byte changed) and are checked to be absent from every structure measured.
//!
//! `cargo bench --bench lookup` runs everything (a few minutes) and, at the end, prints the table
//! of medians and ratios and writes it to `<target>/criterion/errcat-report.md`. Criterion's
//! options work as usual (`cargo bench --bench lookup -- code_`); the report then marks the rows
//! not measured in this run.

mod codes;
mod explain;
mod header;
mod report;
mod status;

use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, SystemTime};

use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, Criterion, Throughput};

/// One benchmark, as the report needs it.
struct Row {
    /// Criterion's group.
    group: String,
    /// Criterion's function id: the alternative (`api`, `phf`, `hashmap`, ...).
    name: String,
    /// Lookups per iteration.
    batch: usize,
}

/// The benchmarks of a run, and the rows the report reads back.
struct Suite {
    criterion: Criterion,
    rows: Vec<Row>,
}

impl Suite {
    /// A criterion group; each `batch` call in it adds a row.
    fn group(&mut self, name: &str) -> Group<'_> {
        Group {
            inner: self.criterion.benchmark_group(name),
            rows: &mut self.rows,
            name: name.to_owned(),
        }
    }
}

/// A criterion group that records its rows.
struct Group<'a> {
    inner: BenchmarkGroup<'a, WallTime>,
    rows: &'a mut Vec<Row>,
    name: String,
}

impl Group<'_> {
    /// Times `f` over every input, one call each, inputs and outputs through `black_box`.
    fn batch<I, O>(&mut self, name: &str, inputs: &[I], f: impl Fn(&I) -> O) {
        assert!(!inputs.is_empty(), "{}/{name}: no inputs", self.name);
        self.inner
            .throughput(Throughput::Elements(inputs.len() as u64));
        self.inner.bench_function(name, |b| {
            b.iter(|| {
                for input in inputs {
                    black_box(f(black_box(input)));
                }
            });
        });
        self.rows.push(Row {
            group: self.name.clone(),
            name: name.to_owned(),
            batch: inputs.len(),
        });
    }
}

impl Group<'_> {
    /// Ends the group (criterion prints its summary).
    fn finish(self) {
        self.inner.finish();
    }
}

/// Where criterion writes its results: `$CRITERION_HOME`, else `<target>/criterion`, the target
/// directory being `$CARGO_TARGET_DIR` or the one this executable was built in
/// (`<target>/release/deps/lookup-<hash>`).
fn criterion_dir() -> PathBuf {
    if let Some(home) = std::env::var_os("CRITERION_HOME") {
        return PathBuf::from(home);
    }
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .or_else(|| {
            let exe = std::env::current_exe().ok()?;
            Some(exe.ancestors().nth(3)?.to_path_buf())
        })
        .unwrap_or_else(|| PathBuf::from("target"));
    target.join("criterion")
}

fn main() {
    let started = SystemTime::now();
    let dir = criterion_dir();
    // Short runs: the whole suite takes a few minutes on two shared cores. The medians of 20
    // samples are what the report uses; criterion's own options override these.
    let criterion = Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_millis(900))
        .nresamples(10_000)
        .without_plots()
        .output_directory(&dir)
        .configure_from_args();
    let mut suite = Suite {
        criterion,
        rows: Vec::new(),
    };

    codes::bench(&mut suite);
    status::bench(&mut suite);
    header::bench(&mut suite);
    explain::bench(&mut suite);

    suite.criterion.final_summary();
    // Criterion runs each benchmark once, untimed, under `cargo test --benches` and without
    // `--bench`: there is nothing to report then.
    let args: Vec<String> = std::env::args().collect();
    let benchmarking =
        args.iter().any(|a| a == "--bench") && !args.iter().any(|a| a == "--test" || a == "--list");
    if benchmarking {
        report::write(&dir, &suite.rows, started);
    }
}

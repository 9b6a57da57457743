//! The report: every row's time per lookup and its ratio to the group's reference, each target
//! of the benchmark issue with its ratio, all as the median over the rounds with its spread, and
//! how far each ratio moved since the previous run. Printed, and written to
//! `<dir>/report.md` (the source of the tables in `benches/README.md`); the ratios go to
//! `<dir>/ratios.tsv`, which the next run compares with.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;
use std::time::{SystemTime, UNIX_EPOCH};

use crate::harness::Row;

/// The median of a set of values, its quartiles and its extremes.
#[derive(Clone, Copy, Debug)]
pub struct Spread {
    pub median: f64,
    pub p25: f64,
    pub p75: f64,
    pub min: f64,
    pub max: f64,
}

impl Spread {
    /// Of `values` (not empty): quantiles interpolated linearly between the sorted values.
    pub fn of(values: &[f64]) -> Spread {
        assert!(!values.is_empty());
        let mut v = values.to_vec();
        v.sort_by(f64::total_cmp);
        #[allow(
            clippy::cast_precision_loss,
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss
        )]
        let q = |q: f64| {
            let at = q * (v.len() - 1) as f64;
            let (lo, hi) = (at.floor() as usize, at.ceil() as usize);
            v[lo] + (v[hi] - v[lo]) * (at - lo as f64)
        };
        Spread {
            median: q(0.5),
            p25: q(0.25),
            p75: q(0.75),
            min: v[0],
            max: v[v.len() - 1],
        }
    }
}

/// `row[i] / base[i]` for each round `i`.
pub fn ratios(row: &[f64], base: &[f64]) -> Vec<f64> {
    assert_eq!(row.len(), base.len(), "the same rounds");
    row.iter().zip(base).map(|(a, b)| a / b).collect()
}

/// The reference row of a group, which its ratios in the first table divide by.
pub fn reference(group: &str) -> &'static str {
    if group.starts_with("scaling") {
        "phf_30"
    } else {
        "api"
    }
}

/// What the report says about the run itself.
pub struct Run {
    pub started: SystemTime,
    pub seconds: f64,
    pub plan: String,
    pub load_before: String,
    pub load_after: String,
    /// Rounds per group in each process.
    pub rounds_per_process: usize,
    pub samples: u64,
    /// Samples taken again because the thread was switched out; `None` without schedstat.
    pub retaken: Option<u64>,
}

/// One target of the issue: `row / base` in `groups` must be at most (or, `at_least`, at least)
/// `limit`; without a limit, the ratio is shown for information.
struct Target {
    what: &'static str,
    groups: &'static [&'static str],
    row: &'static str,
    base: &'static str,
    limit: Option<f64>,
    at_least: bool,
}

const CODE_GROUPS: &[&str] = &[
    "code_family_hit",
    "code_family_miss",
    "code_typed_hit",
    "code_typed_miss",
    "code_any_hit",
    "code_any_miss",
];

const EXPLAIN_BODIES: &[&str] = &[
    "explain_cloudbypass",
    "explain_tencent_cdn",
    "explain_upyun",
    "explain_tencent_cloud",
];

const TARGETS: &[Target] = &[
    Target {
        what: "Tencent Cloud product code across products (`products::by_code`) ≤ 1.2× raw `phf::Map::get`",
        groups: &["products_code_hit", "products_code_miss"],
        row: "api",
        base: "phf",
        limit: Some(1.2),
        at_least: false,
    },
    Target {
        what: "Tencent Cloud product code by product (`Product::lookup`) ≤ 1.2× raw `phf::Map::get`",
        groups: &["products_pair_hit", "products_pair_miss"],
        row: "api",
        base: "phf",
        limit: Some(1.2),
        at_least: false,
    },
    Target {
        what: "(cache-bound) `products::by_code` of every one of the 12,793 keys / raw phf of the same",
        groups: &["products_code_hit", "products_code_miss"],
        row: "api_every_key",
        base: "phf_every_key",
        limit: None,
        at_least: false,
    },
    Target {
        what: "`products::by_code` on the real 12,793 keys ≤ 1.5× a raw phf of 30 of them",
        groups: &["products_code_hit", "products_code_miss"],
        row: "api",
        base: "phf_30",
        limit: Some(1.5),
        at_least: false,
    },
    Target {
        what: "code lookup (API) ≤ 1.2× raw `phf::Map::get`",
        groups: CODE_GROUPS,
        row: "api",
        base: "phf",
        limit: Some(1.2),
        at_least: false,
    },
    Target {
        what: "code lookup (typed tables dispatched by family) ≤ 1.2× raw `phf::Map::get`",
        groups: &["code_family_hit", "code_family_miss"],
        row: "api_typed",
        base: "phf",
        limit: Some(1.2),
        at_least: false,
    },
    Target {
        what: "code lookup (API) ≤ 1.0× std `HashMap`",
        groups: CODE_GROUPS,
        row: "api",
        base: "hashmap",
        limit: Some(1.0),
        at_least: false,
    },
    Target {
        what: "linear scan ≥ 10× the code lookup (API)",
        groups: CODE_GROUPS,
        row: "linear",
        base: "api",
        limit: Some(10.0),
        at_least: true,
    },
    Target {
        what: "phf lookup, 30,000 keys ≤ 1.5× 30 keys",
        groups: &["scaling_hit", "scaling_miss"],
        row: "phf_30000",
        base: "phf_30",
        limit: Some(1.5),
        at_least: false,
    },
    Target {
        what: "(cache-bound) phf lookup of every one of 30,000 keys / 30 keys",
        groups: &["scaling_hit", "scaling_miss"],
        row: "phf_30000_every_key",
        base: "phf_30",
        limit: None,
        at_least: false,
    },
    Target {
        what: "(for comparison) `HashMap`, 30,000 keys / 30 keys",
        groups: &["scaling_hit", "scaling_miss"],
        row: "hashmap_30000",
        base: "hashmap_30",
        limit: None,
        at_least: false,
    },
    Target {
        what: "(for comparison) sorted slice, 30,000 keys / 30 keys",
        groups: &["scaling_hit", "scaling_miss"],
        row: "sorted_30000",
        base: "sorted_30",
        limit: None,
        at_least: false,
    },
    Target {
        what: "status lookup `catalog::by_status` ≤ 1.5× the no-op call",
        groups: &["status_hit", "status_miss"],
        row: "api",
        base: "noop",
        limit: Some(1.5),
        at_least: false,
    },
    Target {
        what: "status lookup `Vendor::status_meaning` ≤ 1.5× the no-op call",
        groups: &["status_meaning_hit", "status_meaning_miss"],
        row: "api",
        base: "noop",
        limit: Some(1.5),
        at_least: false,
    },
    Target {
        what: "header name ≤ 0.3× lowercase-then-phf",
        groups: &["header_hit", "header_miss"],
        row: "api",
        base: "lowercase_phf",
        limit: Some(0.3),
        at_least: false,
    },
    Target {
        what: "explain ≤ 0.4× the `Value` route",
        groups: EXPLAIN_BODIES,
        row: "api",
        base: "value",
        limit: Some(0.4),
        at_least: false,
    },
    Target {
        what: "explain ≤ 1.3× the minimal borrowed struct",
        groups: EXPLAIN_BODIES,
        row: "api",
        base: "borrowed",
        limit: Some(1.3),
        at_least: false,
    },
    Target {
        what: "(headers only, no body) explain / the headers read by hand",
        groups: &["explain_aliyun_apigateway"],
        row: "api",
        base: "by_hand",
        limit: None,
        at_least: false,
    },
];

/// Where a ratio stands against its limit, given its spread: the interquartile range of the
/// rounds, widened to the lowest and the highest of the processes' medians where these lie
/// outside it. The first covers the noise within a process, the second what is fixed for a
/// process's life (where its code and data were placed): some ratios have two modes, one process
/// landing in one and the next in the other.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Verdict {
    /// The whole band meets the limit.
    Met,
    /// The band straddles the limit.
    WithinNoise,
    /// The whole band misses the limit.
    NotMet,
}

impl Verdict {
    fn of(t: &Target, limit: f64, r: &Spread, processes: (f64, f64)) -> Verdict {
        let (low, high) = (r.p25.min(processes.0), r.p75.max(processes.1));
        let (best, worst) = if t.at_least { (high, low) } else { (low, high) };
        let meets = |v: f64| if t.at_least { v >= limit } else { v <= limit };
        if meets(worst) {
            Verdict::Met
        } else if meets(best) {
            Verdict::WithinNoise
        } else {
            Verdict::NotMet
        }
    }

    fn text(self) -> &'static str {
        match self {
            Verdict::Met => "met",
            Verdict::WithinNoise => "within noise",
            Verdict::NotMet => "**not met**",
        }
    }
}

/// The measured rows, by (group, row): nanoseconds per lookup, one per round.
type Measured<'r> = BTreeMap<(&'r str, &'r str), &'r [f64]>;

fn ratio(measured: &Measured<'_>, group: &str, row: &str, base: &str) -> Option<Spread> {
    let a = measured.get(&(group, row))?;
    let b = measured.get(&(group, base))?;
    Some(Spread::of(&ratios(a, b)))
}

/// The lowest and highest of the per-process medians of `row / base`, the rounds being
/// `per_process` per process, in process order.
fn process_medians(
    measured: &Measured<'_>,
    group: &str,
    row: &str,
    base: &str,
    per_process: usize,
) -> Option<(f64, f64)> {
    let a = measured.get(&(group, row))?;
    let b = measured.get(&(group, base))?;
    let medians: Vec<f64> = ratios(a, b)
        .chunks(per_process)
        .map(|chunk| Spread::of(chunk).median)
        .collect();
    let s = Spread::of(&medians);
    Some((s.min, s.max))
}

/// A ratio saved by a run, for the next one to compare with.
struct Saved {
    median: f64,
    verdict: String,
}

/// The previous run's ratios by (group, row, base), and its first line.
struct Previous {
    header: String,
    ratios: BTreeMap<(String, String, String), Saved>,
}

const TSV: &str = "ratios.tsv";

fn read_previous(dir: &Path) -> Option<Previous> {
    let text = std::fs::read_to_string(dir.join(TSV)).ok()?;
    let mut lines = text.lines();
    let header = lines.next()?.trim_start_matches("# ").to_owned();
    let ratios = lines
        .filter_map(|line| {
            let f: Vec<&str> = line.split('\t').collect();
            let [group, row, base, median, verdict] = f[..] else {
                return None;
            };
            Some((
                (group.to_owned(), row.to_owned(), base.to_owned()),
                Saved {
                    median: median.parse().ok()?,
                    verdict: verdict.to_owned(),
                },
            ))
        })
        .collect();
    Some(Previous { header, ratios })
}

/// `time` as `YYYY-MM-DD HH:MM UTC`.
fn utc(time: SystemTime) -> String {
    let secs = time.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let (days, rem) = (secs / 86_400, secs % 86_400);
    // Days since 1970-01-01 to a civil date (H. Hinnant's `civil_from_days`).
    let z = days + 719_468;
    let era = z / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + u64::from(month <= 2);
    format!(
        "{year}-{month:02}-{day:02} {:02}:{:02} UTC",
        rem / 3_600,
        rem % 3_600 / 60
    )
}

fn pct(v: f64) -> String {
    format!("{:+.1}%", (v - 1.0) * 100.0)
}

/// The first paragraph: when, how, on what.
fn header(run: &Run) -> String {
    format!(
        "Run of {}: {}; {:.1} s in all; {} CPU(s) available; load average (1, 5, 15 min) {} \
         before, {} after; {}.\n",
        utc(run.started),
        run.plan,
        run.seconds,
        std::thread::available_parallelism().map_or(0, std::num::NonZero::get),
        run.load_before,
        run.load_after,
        run.retaken.map_or_else(
            || "scheduler switches not detected (no /proc/thread-self/schedstat)".to_owned(),
            |n| format!(
                "{n} of {} samples taken again after the thread was switched out",
                run.samples
            )
        ),
    )
}

/// `ratio / previous - 1` of every ratio also in the previous run, as absolute values.
#[derive(Default)]
struct Moves {
    targets: Vec<f64>,
    rows: Vec<f64>,
    flips: usize,
    /// The table's lines.
    lines: String,
}

/// The table of every row: its time and its ratio to the group's reference.
fn rows_table(
    rows: &[Row],
    measured: &Measured<'_>,
    previous: Option<&Previous>,
    tsv: &mut String,
    moves: &mut Moves,
) -> String {
    let mut out = "| group | row | ns/lookup | ÷ group's reference (api; scaling: phf_30) |\n\
                   |---|---|---:|---:|\n"
        .to_owned();
    let cell = |s: Option<Spread>| {
        s.map_or_else(
            || "—".to_owned(),
            |s| format!("{:.2} ({:.2}–{:.2})", s.median, s.p25, s.p75),
        )
    };
    for row in rows {
        let ns = measured
            .get(&(&row.group, &row.name))
            .map(|r| Spread::of(r));
        let base = reference(&row.group);
        let r = ratio(measured, &row.group, &row.name, base);
        if let Some(r) = r {
            let _ = writeln!(tsv, "{}\t{}\t{base}\t{}\t—", row.group, row.name, r.median);
            let key = (row.group.clone(), row.name.clone(), base.to_owned());
            if let Some(before) = previous.and_then(|p| p.ratios.get(&key)) {
                if row.name != base {
                    moves.rows.push((r.median / before.median - 1.0).abs());
                }
            }
        }
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            row.group,
            row.name,
            cell(ns),
            cell(r)
        );
    }
    out
}

/// The table of the targets, each ratio with its spread and verdict.
fn targets_table(
    measured: &Measured<'_>,
    per_process: usize,
    previous: Option<&Previous>,
    tsv: &mut String,
    moves: &mut Moves,
) -> String {
    let mut out = "| target | group | ratio | median | interquartile range | min–max | \
                   process medians | limit | verdict |\n|---|---|---|---:|---:|---:|---:|---:|---|\n"
        .to_owned();
    let dash = || "—".to_owned();
    for t in TARGETS {
        for &group in t.groups {
            let r = ratio(measured, group, t.row, t.base);
            let processes = process_medians(measured, group, t.row, t.base, per_process);
            let (limit, verdict) = match (t.limit, r.zip(processes)) {
                (Some(limit), measured) => (
                    format!("{}{limit}", if t.at_least { "≥ " } else { "≤ " }),
                    measured.map_or("not measured", |(r, p)| Verdict::of(t, limit, &r, p).text()),
                ),
                (None, _) => (dash(), "—"),
            };
            let name = format!("{}/{}", t.row, t.base);
            let _ = writeln!(
                out,
                "| {} | {group} | {name} | {} | {} | {} | {} | {limit} | {verdict} |",
                t.what,
                r.map_or_else(dash, |r| format!("{:.3}", r.median)),
                r.map_or_else(dash, |r| format!("{:.3}–{:.3}", r.p25, r.p75)),
                r.map_or_else(dash, |r| format!("{:.3}–{:.3}", r.min, r.max)),
                processes.map_or_else(dash, |(lo, hi)| format!("{lo:.3}–{hi:.3}")),
            );
            let Some(r) = r else { continue };
            // After the row's own line, if it has one: read back, this one wins.
            let _ = writeln!(
                tsv,
                "{group}\t{}\t{}\t{}\t{verdict}",
                t.row, t.base, r.median
            );
            let key = (group.to_owned(), t.row.to_owned(), t.base.to_owned());
            let Some(before) = previous.and_then(|p| p.ratios.get(&key)) else {
                continue;
            };
            let change = r.median / before.median;
            moves.targets.push((change - 1.0).abs());
            let flipped = t.limit.is_some() && before.verdict != "—" && before.verdict != verdict;
            moves.flips += usize::from(flipped);
            let _ = writeln!(
                moves.lines,
                "| {group} | {name} | {:.3} | {:.3} | {} | {}{} |",
                before.median,
                r.median,
                pct(change),
                if t.limit.is_some() {
                    before.verdict.as_str()
                } else {
                    "—"
                },
                if flipped {
                    format!(" → {verdict}")
                } else {
                    String::new()
                },
            );
        }
    }
    out
}

/// How far the ratios moved since the previous run.
fn movement(previous: &Previous, plan: &str, moves: &mut Moves) -> String {
    let mut out = format!("### Against the previous run ({})\n\n", previous.header);
    if previous.header.split_once("; ").map(|(_, p)| p) != Some(plan) {
        out.push_str(
            "(The previous run was measured differently: the comparison says little.)\n\n",
        );
    }
    if moves.targets.is_empty() {
        out.push_str("No target of this run was measured in the previous one.\n");
        return out;
    }
    let summary = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        format!(
            "{:.1}% at the median and {:.1}% at most ({} ratios)",
            Spread::of(v).median * 100.0,
            v[v.len() - 1] * 100.0,
            v.len()
        )
    };
    let _ = write!(
        out,
        "The targets' median ratios moved by {}; {} verdict(s) changed.",
        summary(&mut moves.targets),
        moves.flips
    );
    if !moves.rows.is_empty() {
        let _ = write!(
            out,
            " Every row's median ratio to its group's reference moved by {}.",
            summary(&mut moves.rows)
        );
    }
    let _ = write!(
        out,
        "\n\n| group | ratio | previous | this run | moved | verdict |\n\
         |---|---|---:|---:|---:|---|\n{}",
        moves.lines
    );
    out
}

/// The report, and the lines of `ratios.tsv`.
fn render(rows: &[Row], run: &Run, previous: Option<&Previous>) -> (String, String) {
    let measured: Measured<'_> = rows
        .iter()
        .filter(|r| !r.rounds.is_empty())
        .map(|r| ((r.group.as_str(), r.name.as_str()), r.rounds.as_slice()))
        .collect();
    let mut tsv = format!("# {}; {}\n", utc(run.started), run.plan);
    let mut moves = Moves::default();
    let rows = rows_table(rows, &measured, previous, &mut tsv, &mut moves);
    let targets = targets_table(
        &measured,
        run.rounds_per_process,
        previous,
        &mut tsv,
        &mut moves,
    );
    let mut out = format!(
        "{}\nEach cell: the median over the rounds (interquartile range). Ratios are computed in \
         each round, then summarised.\n\n{rows}\n\
         \"process medians\": the lowest and the highest of the separate processes' medians, what \
         one process alone would have reported. A target is met when its ratio's interquartile \
         range over all the rounds and every process's median meet it, not met when they all \
         miss it, and within noise otherwise.\n\n{targets}",
        header(run)
    );
    if let Some(p) = previous {
        let _ = write!(out, "\n{}", movement(p, &run.plan, &mut moves));
    }
    (out, tsv)
}

/// Prints the report, writes it to `dir/report.md` and the ratios to `dir/ratios.tsv`, after
/// comparing them with the ones the previous run left there.
pub fn write(dir: &Path, rows: &[Row], run: &Run) {
    let previous = read_previous(dir);
    let (text, tsv) = render(rows, run, previous.as_ref());
    println!("\n{text}");
    let written = std::fs::create_dir_all(dir)
        .and_then(|()| std::fs::write(dir.join("report.md"), text))
        .and_then(|()| std::fs::write(dir.join(TSV), tsv));
    match written {
        Ok(()) => println!("report written to {}", dir.join("report.md").display()),
        Err(e) => eprintln!("cannot write to {}: {e}", dir.display()),
    }
}

//! The report: criterion's median of every row of this run, per lookup, the ratios to the
//! crate's API in each group, and each target of the benchmark issue with its measured ratio.
//! Printed, and written to `<criterion dir>/errcat-report.md` (the source of the tables in
//! `benches/README.md`).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;
use std::time::SystemTime;

use crate::Row;

/// Medians in nanoseconds per lookup, by (group, row), for the rows measured in this run.
type Medians = BTreeMap<(String, String), f64>;

/// The median of one benchmark, from criterion's `estimates.json`, if written since `since`.
fn median(dir: &Path, row: &Row, since: SystemTime) -> Option<f64> {
    let path = dir
        .join(&row.group)
        .join(&row.name)
        .join("new")
        .join("estimates.json");
    let modified = std::fs::metadata(&path).ok()?.modified().ok()?;
    if modified < since {
        return None;
    }
    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).ok()?).ok()?;
    let ns = json["median"]["point_estimate"].as_f64()?;
    #[allow(clippy::cast_precision_loss)] // batches are a few thousand lookups
    Some(ns / row.batch as f64)
}

/// One target of the issue: `row / base` in `groups` must be at most (or, `at_least`, at least)
/// `limit`.
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

fn get(medians: &Medians, group: &str, row: &str) -> Option<f64> {
    medians.get(&(group.to_owned(), row.to_owned())).copied()
}

/// The reference row of a group, which its ratios divide by.
fn reference(group: &str) -> &'static str {
    if group.starts_with("scaling") {
        "phf_30"
    } else {
        "api"
    }
}

fn render(rows: &[Row], medians: &Medians) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "phf: PtrHash (as errcat ships); {} CPU(s) available.\n",
        std::thread::available_parallelism().map_or(0, std::num::NonZero::get)
    );
    let _ = writeln!(
        out,
        "| group | row | median ns/lookup | ÷ group's reference (api; scaling: phf_30) |
|---|---|---:|---:|"
    );
    for row in rows {
        let ns = get(medians, &row.group, &row.name);
        let base = get(medians, &row.group, reference(&row.group));
        let cell = |v: Option<f64>, f: fn(f64) -> String| v.map_or_else(|| "—".to_owned(), f);
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            row.group,
            row.name,
            cell(ns, |v| format!("{v:.2}")),
            cell(ns.zip(base).map(|(a, b)| a / b), |v| format!("{v:.2}")),
        );
    }
    let _ = writeln!(
        out,
        "\n| target | group | measured | limit | met |\n|---|---|---:|---:|---|"
    );
    for t in TARGETS {
        for group in t.groups {
            let ratio = get(medians, group, t.row)
                .zip(get(medians, group, t.base))
                .map(|(a, b)| a / b);
            let (limit, met) = match (t.limit, ratio) {
                (Some(limit), Some(r)) => {
                    let met = if t.at_least { r >= limit } else { r <= limit };
                    (
                        format!("{}{limit}", if t.at_least { "≥ " } else { "≤ " }),
                        if met { "met" } else { "**not met**" },
                    )
                }
                (Some(limit), None) => (format!("{limit}"), "not measured"),
                (None, _) => ("—".to_owned(), "—"),
            };
            let _ = writeln!(
                out,
                "| {} | {group} | {} | {limit} | {met} |",
                t.what,
                ratio.map_or_else(
                    || "—".to_owned(),
                    |r| format!("{}/{} = {r:.2}", t.row, t.base)
                ),
            );
        }
    }
    out
}

/// Prints the report and writes it to `dir/errcat-report.md`.
pub fn write(dir: &Path, rows: &[Row], since: SystemTime) {
    let medians: Medians = rows
        .iter()
        .filter_map(|row| {
            median(dir, row, since).map(|m| ((row.group.clone(), row.name.clone()), m))
        })
        .collect();
    let text = render(rows, &medians);
    println!("\n{text}");
    let path = dir.join("errcat-report.md");
    match std::fs::write(&path, text) {
        Ok(()) => println!("report written to {}", path.display()),
        Err(e) => eprintln!("cannot write {}: {e}", path.display()),
    }
}

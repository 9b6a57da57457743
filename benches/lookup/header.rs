//! Header names, case-insensitively: `catalog::header` against lowercasing into a `String` then a
//! phf map of lowercase names, and a linear `eq_ignore_ascii_case` scan.

use std::hint::black_box;

use errcat::{Header, catalog};
use errcat_bench_support::{HEADER_NAMES, HEADERS_LOWER};

use crate::harness::Suite;

/// Common response headers, none of them a vendor's: most names a caller passes are these.
const COMMON: [&str; 16] = [
    "Content-Type",
    "Content-Length",
    "Date",
    "Server",
    "Connection",
    "Cache-Control",
    "ETag",
    "Last-Modified",
    "Vary",
    "Set-Cookie",
    "Transfer-Encoding",
    "Access-Control-Allow-Origin",
    "Strict-Transport-Security",
    "X-Request-Id",
    "Accept-Ranges",
    "content-encoding",
];

#[inline(never)]
fn noop_header(_: &str) -> Option<&'static Header> {
    black_box(None)
}

pub fn bench(suite: &mut Suite) {
    let lower_phf = |name: &str| {
        HEADERS_LOWER
            .get(name.to_ascii_lowercase().as_str())
            .copied()
    };
    let linear = |name: &str| {
        HEADER_NAMES
            .iter()
            .position(|h| h.eq_ignore_ascii_case(name))
    };

    // Every documented name as written, lower case, upper case and alternating case.
    let hits: Vec<&'static str> = HEADER_NAMES
        .iter()
        .flat_map(|&name| errcat_bench_support::casings(name))
        .map(|s| &*Box::leak(s.into_boxed_str()))
        .collect();
    let misses: Vec<&'static str> = COMMON.to_vec();
    for &name in &hits {
        let found = catalog::header(name).expect(name);
        let i = usize::from(lower_phf(name).expect(name));
        assert_eq!(found.name(), HEADER_NAMES[i]);
        assert_eq!(linear(name), Some(i));
    }
    for &name in &misses {
        assert!(
            catalog::header(name).is_none() && lower_phf(name).is_none() && linear(name).is_none()
        );
    }

    for (group, inputs) in [("header_hit", &hits), ("header_miss", &misses)] {
        let mut g = suite.group(group);
        g.batch("api", inputs, |&name| catalog::header(name));
        g.batch("lowercase_phf", inputs, |&name| lower_phf(name));
        g.batch("linear", inputs, |&name| linear(name));
        g.batch("noop", inputs, |&name| noop_header(name));
        g.finish();
    }
}

//! Lookups by HTTP status: `catalog::by_status` (an array indexed by the status) against a
//! `phf::Map<u16, _>` and a `match`, and `Vendor::status_meaning` (with `Family::status_meaning`,
//! which it asks of each of the vendor's families).

use std::hint::black_box;

use errcat::{AnyCode, Family, StatusMeaning, Vendor, catalog};
use errcat_bench_support::{BY_STATUS, by_status_match};

use crate::harness::Suite;

/// Statuses a response commonly has, none of them documented for a code: the misses.
const COMMON: [u16; 16] = [
    200, 201, 202, 204, 206, 301, 302, 304, 307, 401, 405, 409, 410, 418, 422, 429,
];

#[inline(never)]
fn noop_status(_: u16) -> &'static [AnyCode] {
    black_box(&[])
}

#[inline(never)]
fn noop_meaning(_: u16) -> Option<&'static StatusMeaning> {
    black_box(None)
}

pub fn bench(suite: &mut Suite) {
    let all = catalog::all();
    let phf = |s: u16| BY_STATUS.get(&s).copied().unwrap_or(&[]);

    let hits: Vec<u16> = (0..=u16::MAX)
        .filter(|&s| !catalog::by_status(s).is_empty())
        .collect();
    // The common statuses no code documents (Upyun's REST API documents several).
    let misses: Vec<u16> = COMMON
        .iter()
        .copied()
        .filter(|&s| catalog::by_status(s).is_empty())
        .collect();
    for &s in &hits {
        let expected = catalog::by_status(s);
        let raw: Vec<AnyCode> = phf(s).iter().map(|&i| all[usize::from(i)]).collect();
        assert_eq!(raw, expected, "{s}");
        assert_eq!(by_status_match(s), phf(s), "{s}");
    }
    for &s in &misses {
        assert!(
            catalog::by_status(s).is_empty() && phf(s).is_empty() && by_status_match(s).is_empty()
        );
    }
    for (group, inputs) in [("status_hit", &hits), ("status_miss", &misses)] {
        let mut g = suite.group(group);
        g.batch("api", inputs, |&s| catalog::by_status(s));
        g.batch("phf", inputs, |&s| phf(s));
        g.batch("match", inputs, |&s| by_status_match(s));
        g.batch("noop", inputs, |&s| noop_status(s));
        g.finish();
    }

    // `Vendor::status_meaning` (Upyun documents eight statuses), and `Family::status_meaning` of
    // its one family (`api_family`). The "array" row is the same answers from an array indexed
    // by the status, built here from the API.
    let vendor = Vendor::Upyun;
    let family = Family::UpyunManagement;
    assert!(vendor.families().contains(&family));
    let array: Vec<Option<&'static StatusMeaning>> =
        (0..600).map(|s| vendor.status_meaning(s)).collect();
    let by_array = |s: u16| array.get(usize::from(s)).copied().flatten();
    let hits: Vec<u16> = (0..600)
        .filter(|&s| vendor.status_meaning(s).is_some())
        .collect();
    let misses: Vec<u16> = COMMON
        .iter()
        .copied()
        .filter(|&s| vendor.status_meaning(s).is_none())
        .collect();
    // Upyun has two families now (management, REST): the vendor answers at least what the
    // management API documents.
    for s in 0..=u16::MAX {
        if let Ok(Some(_)) = family.status_meaning(s) {
            assert!(vendor.status_meaning(s).is_some(), "{s}");
        }
    }
    for (group, inputs) in [
        ("status_meaning_hit", &hits),
        ("status_meaning_miss", &misses),
    ] {
        let mut g = suite.group(group);
        g.batch("api", inputs, |&s| vendor.status_meaning(s));
        g.batch("api_family", inputs, |&s| family.status_meaning(s));
        g.batch("array", inputs, |&s| by_array(s));
        g.batch("noop", inputs, |&s| noop_meaning(s));
        g.finish();
    }
}

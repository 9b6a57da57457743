//! Code lookups: by vendor and code, through a typed table, across vendors, and on synthetic
//! catalogs of 30 to 30,000 keys.

use std::collections::HashMap;
use std::hint::black_box;

use errcat::{
    AnyCode, Vendor, aliyun_apigateway, catalog, cloudbypass, tencent_cdn, tencent_cloud, upyun,
};
use errcat_bench_support::{BY_CODE, SYNTH, SYNTH_KEYS, TABLES, VENDOR_CODES};

use crate::Suite;

pub fn bench(suite: &mut Suite) {
    by_vendor(suite);
    typed(suite);
    across_vendors(suite);
    scaling(suite);
}

// ---------------------------------------------------------------------------------------------
// Inputs

/// A deterministic shuffle, so that no structure is favoured by the order of the keys.
pub fn shuffle<T>(items: &mut [T], mut seed: u64) {
    for i in (1..items.len()).rev() {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let j = usize::try_from(seed % (i as u64 + 1)).expect("fits");
        items.swap(i, j);
    }
}

/// `key` with its first byte (`first`) or its last byte replaced by another of the same class
/// (digit, lower or upper case letter), the first such key for which `absent` holds. Leaked: the
/// benchmark inputs live for the whole run, like the catalog's own keys.
pub fn miss(key: &str, first: bool, absent: impl Fn(&str) -> bool) -> &'static str {
    let bytes = key.as_bytes();
    let at = if first { 0 } else { bytes.len() - 1 };
    let b = bytes[at];
    assert!(b.is_ascii(), "{key:?}: not ASCII at {at}");
    let (base, zero) = match b {
        b'0'..=b'9' => (10, b'0'),
        b'a'..=b'z' => (26, b'a'),
        b'A'..=b'Z' => (26, b'A'),
        _ => (1, b),
    };
    let candidates = (1..base)
        .map(|d| zero + (b - zero + d) % base)
        .chain(*b"xX0");
    for c in candidates {
        let mut changed = bytes.to_vec();
        changed[at] = c;
        let changed = String::from_utf8(changed).expect("ASCII for ASCII");
        if absent(&changed) {
            return Box::leak(changed.into_boxed_str());
        }
    }
    panic!("no miss of the shape of {key:?}");
}

/// Every key of every code (wire code and aliases), with its code, in catalog order.
fn catalog_keys() -> Vec<(&'static str, AnyCode)> {
    catalog::all()
        .iter()
        .flat_map(|&code| {
            let entry = code.entry();
            std::iter::once(entry.code())
                .chain(entry.aliases().iter().copied())
                .map(move |key| (key, code))
        })
        .collect()
}

/// Hits and misses of the same shape, alternately first and last byte changed.
fn hits_and_misses<K: Copy>(
    hits: &[K],
    key: impl Fn(K) -> &'static str,
    with_key: impl Fn(K, &'static str) -> K,
    absent: impl Fn(K, &str) -> bool,
) -> (Vec<K>, Vec<K>) {
    let mut hits = hits.to_vec();
    shuffle(&mut hits, 0x2545_F491_4F6C_DD1D);
    let misses = hits
        .iter()
        .enumerate()
        .map(|(i, &k)| with_key(k, miss(key(k), i % 2 == 0, |m| absent(k, m))))
        .collect();
    (hits, misses)
}

// ---------------------------------------------------------------------------------------------
// No-op floors: real calls (never inlined, result opaque) of the lookups' signatures.

#[inline(never)]
fn noop_vendor(_: Vendor, _: &str) -> Option<AnyCode> {
    black_box(None)
}

#[inline(never)]
fn noop_typed(_: &str) -> Option<upyun::Code> {
    black_box(None)
}

#[inline(never)]
fn noop_any(_: &str) -> &'static [AnyCode] {
    black_box(&[])
}

// ---------------------------------------------------------------------------------------------
// By vendor and code

/// The typed tables' own lookups, dispatched by vendor: what a caller holding a `Vendor` writes
/// without `catalog::lookup`.
fn typed_lookup(vendor: Vendor, code: &str) -> Option<AnyCode> {
    match vendor {
        Vendor::Cloudbypass => cloudbypass::Code::from_code(code).map(AnyCode::from),
        Vendor::TencentCdn => tencent_cdn::Code::from_code(code)
            .map(AnyCode::from)
            .or_else(|| tencent_cdn::ModuleCode::from_code(code).map(AnyCode::from)),
        Vendor::AliyunApiGateway => aliyun_apigateway::Code::from_code(code).map(AnyCode::from),
        Vendor::Upyun => upyun::Code::from_code(code).map(AnyCode::from),
        Vendor::TencentCloud => tencent_cloud::Code::from_code(code).map(AnyCode::from),
        _ => None,
    }
}

fn by_vendor(suite: &mut Suite) {
    let all = catalog::all();
    let keyed: Vec<(Vendor, &'static str)> = catalog_keys()
        .into_iter()
        .map(|(key, code)| (code.vendor(), key))
        .collect();

    // The alternatives, one structure per vendor (indexed by `Vendor as usize`), built once.
    let mut hashmaps: Vec<HashMap<&'static str, AnyCode>> = vec![HashMap::new(); 5];
    let mut linear: Vec<Vec<(&'static str, AnyCode)>> = vec![Vec::new(); 5];
    for (key, code) in catalog_keys() {
        let v = code.vendor() as usize;
        hashmaps[v].insert(key, code);
        linear[v].push((key, code));
    }
    let mut sorted = linear.clone();
    for table in &mut sorted {
        table.sort_unstable_by_key(|&(key, _)| key);
    }

    let phf = |v: Vendor, k: &str| {
        VENDOR_CODES[v as usize]
            .get(k)
            .map(|&i| all[usize::from(i)])
    };
    let hashmap = |v: Vendor, k: &str| hashmaps[v as usize].get(k).copied();
    let binary = |v: Vendor, k: &str| {
        let table = &sorted[v as usize];
        table
            .binary_search_by(|&(key, _)| key.cmp(k))
            .ok()
            .map(|i| table[i].1)
    };
    let scan = |v: Vendor, k: &str| {
        linear[v as usize]
            .iter()
            .find(|&&(key, _)| key == k)
            .map(|&(_, code)| code)
    };

    let (hits, misses) = hits_and_misses(
        &keyed,
        |(_, k)| k,
        |(v, _), m| (v, m),
        |(v, _), m| catalog::lookup(v, m).is_none() && phf(v, m).is_none(),
    );
    for &(v, k) in &hits {
        let expected = catalog::lookup(v, k);
        assert!(expected.is_some(), "{v} {k}");
        for found in [
            typed_lookup(v, k),
            phf(v, k),
            hashmap(v, k),
            binary(v, k),
            scan(v, k),
        ] {
            assert_eq!(found, expected, "{v} {k}");
        }
    }
    for &(v, k) in &misses {
        for found in [typed_lookup(v, k), hashmap(v, k), binary(v, k), scan(v, k)] {
            assert_eq!(found, None, "{v} {k}");
        }
    }

    for (group, inputs) in [("code_vendor_hit", &hits), ("code_vendor_miss", &misses)] {
        let mut g = suite.group(group);
        g.batch("api", inputs, |&(v, k)| catalog::lookup(v, k));
        g.batch("api_typed", inputs, |&(v, k)| typed_lookup(v, k));
        g.batch("phf", inputs, |&(v, k)| phf(v, k));
        g.batch("hashmap", inputs, |&(v, k)| hashmap(v, k));
        g.batch("sorted", inputs, |&(v, k)| binary(v, k));
        g.batch("linear", inputs, |&(v, k)| scan(v, k));
        g.batch("noop", inputs, |&(v, k)| noop_vendor(v, k));
        g.finish();
    }
}

// ---------------------------------------------------------------------------------------------
// One typed table: `upyun::Code::from_code`, the largest table (144 codes).

fn typed(suite: &mut Suite) {
    let table = TABLES
        .iter()
        .find(|t| t.vendor == "upyun" && t.name == "Code")
        .expect("the upyun table");
    let keyed: Vec<(&'static str, upyun::Code)> = upyun::Code::ALL
        .iter()
        .flat_map(|&code| {
            std::iter::once(code.as_str())
                .chain(code.entry().aliases().iter().copied())
                .map(move |k| (k, code))
        })
        .collect();
    let hashmap: HashMap<&'static str, upyun::Code> = keyed.iter().copied().collect();
    let mut sorted = keyed.clone();
    sorted.sort_unstable_by_key(|&(key, _)| key);
    let linear = keyed.clone();

    let phf = |k: &str| {
        table
            .codes
            .get(k)
            .map(|&i| upyun::Code::ALL[usize::from(i)])
    };
    let binary = |k: &str| {
        sorted
            .binary_search_by(|&(key, _)| key.cmp(k))
            .ok()
            .map(|i| sorted[i].1)
    };
    let scan = |k: &str| linear.iter().find(|&&(key, _)| key == k).map(|&(_, c)| c);

    let keys: Vec<&'static str> = keyed.iter().map(|&(k, _)| k).collect();
    let (hits, misses) = hits_and_misses(
        &keys,
        |k| k,
        |_, m| m,
        |_, m| upyun::Code::from_code(m).is_none() && phf(m).is_none(),
    );
    for &k in &hits {
        let expected = upyun::Code::from_code(k);
        assert!(expected.is_some(), "{k}");
        for found in [phf(k), hashmap.get(k).copied(), binary(k), scan(k)] {
            assert_eq!(found, expected, "{k}");
        }
    }
    for &k in &misses {
        assert_eq!(
            (hashmap.get(k), binary(k), scan(k)),
            (None, None, None),
            "{k}"
        );
    }

    for (group, inputs) in [("code_typed_hit", &hits), ("code_typed_miss", &misses)] {
        let mut g = suite.group(group);
        g.batch("api", inputs, |&k| upyun::Code::from_code(k));
        g.batch("phf", inputs, |&k| phf(k));
        g.batch("hashmap", inputs, |&k| hashmap.get(k).copied());
        g.batch("sorted", inputs, |&k| binary(k));
        g.batch("linear", inputs, |&k| scan(k));
        g.batch("noop", inputs, |&k| noop_typed(k));
        g.finish();
    }
}

// ---------------------------------------------------------------------------------------------
// Across vendors: `catalog::by_code`, every code that has the key.

fn across_vendors(suite: &mut Suite) {
    // Distinct keys, in catalog order of first appearance, with every code that has them.
    let mut linear: Vec<(&'static str, &'static [AnyCode])> = Vec::new();
    for (key, _) in catalog_keys() {
        if !linear.iter().any(|&(k, _)| k == key) {
            linear.push((key, catalog::by_code(key)));
        }
    }
    let hashmap: HashMap<&'static str, &'static [AnyCode]> = linear.iter().copied().collect();
    let mut sorted = linear.clone();
    sorted.sort_unstable_by_key(|&(key, _)| key);

    let all = catalog::all();
    let phf = |k: &str| BY_CODE.get(k).copied().unwrap_or(&[]);
    let binary = |k: &str| {
        sorted
            .binary_search_by(|&(key, _)| key.cmp(k))
            .map_or(&[][..], |i| sorted[i].1)
    };
    let scan = |k: &str| {
        linear
            .iter()
            .find(|&&(key, _)| key == k)
            .map_or(&[][..], |&(_, codes)| codes)
    };

    let keys: Vec<&'static str> = linear.iter().map(|&(k, _)| k).collect();
    let (hits, misses) = hits_and_misses(
        &keys,
        |k| k,
        |_, m| m,
        |_, m| catalog::by_code(m).is_empty() && phf(m).is_empty(),
    );
    for &k in &hits {
        let expected = catalog::by_code(k);
        assert!(!expected.is_empty(), "{k}");
        let raw: Vec<AnyCode> = phf(k).iter().map(|&i| all[usize::from(i)]).collect();
        assert_eq!(raw, expected, "{k}");
        for found in [hashmap.get(k).copied().unwrap_or(&[]), binary(k), scan(k)] {
            assert_eq!(found, expected, "{k}");
        }
    }
    for &k in &misses {
        assert!(!hashmap.contains_key(k) && binary(k).is_empty() && scan(k).is_empty());
    }

    for (group, inputs) in [("code_any_hit", &hits), ("code_any_miss", &misses)] {
        let mut g = suite.group(group);
        g.batch("api", inputs, |&k| catalog::by_code(k));
        g.batch("phf", inputs, |&k| phf(k));
        g.batch("hashmap", inputs, |&k| {
            hashmap.get(k).copied().unwrap_or(&[])
        });
        g.batch("sorted", inputs, |&k| binary(k));
        g.batch("linear", inputs, |&k| scan(k));
        g.batch("noop", inputs, |&k| noop_any(k));
        g.finish();
    }
}

// ---------------------------------------------------------------------------------------------
// Scaling: the same phf lookup on synthetic catalogs of 30, 300, 3,000 and 30,000 keys, with a
// `HashMap` and a sorted slice of the same keys for comparison.
//
// Each batch is 1,024 lookups of keys spread evenly over the catalog (every key, repeated, when
// there are fewer), so that the work per lookup is compared on the same number of distinct keys.
// The `_every_key` rows look up each of the 30,000 keys once: their entries no longer fit in the
// caches, and what they add is the memory hierarchy's cost, which any table pays.

/// Lookups per batch.
const BATCH: usize = 1024;

fn scaling(suite: &mut Suite) {
    struct Size {
        keys: usize,
        hits: Vec<&'static str>,
        misses: Vec<&'static str>,
        hashmap: HashMap<&'static str, u32>,
        sorted: Vec<(&'static str, u32)>,
    }
    let absent = |synth: &errcat_bench_support::Synth, k: &str| synth.codes.get(k).is_none();
    let sizes: Vec<Size> = SYNTH
        .iter()
        .map(|synth| {
            let keys = &SYNTH_KEYS[..synth.keys];
            let hashmap: HashMap<&'static str, u32> =
                keys.iter().zip(0..).map(|(&k, i)| (k, i)).collect();
            let mut sorted: Vec<(&'static str, u32)> =
                hashmap.iter().map(|(&k, &v)| (k, v)).collect();
            sorted.sort_unstable_by_key(|&(key, _)| key);
            let sample: Vec<&'static str> = (0..BATCH)
                .map(|j| {
                    keys[if keys.len() >= BATCH {
                        j * keys.len() / BATCH
                    } else {
                        j % keys.len()
                    }]
                })
                .collect();
            let (hits, misses) = hits_and_misses(&sample, |k| k, |_, m| m, |_, m| absent(synth, m));
            for &k in &hits {
                let found = synth.codes.get(k).copied();
                assert!(found.is_some(), "{k}");
                assert_eq!(hashmap.get(k).copied(), found);
            }
            for &k in &misses {
                assert!(
                    !hashmap.contains_key(k)
                        && sorted.binary_search_by(|&(key, _)| key.cmp(k)).is_err()
                );
            }
            Size {
                keys: synth.keys,
                hits,
                misses,
                hashmap,
                sorted,
            }
        })
        .collect();
    let largest = SYNTH.last().expect("synthetic catalogs");
    let every_key = hits_and_misses(
        &SYNTH_KEYS[..largest.keys],
        |k| k,
        |_, m| m,
        |_, m| absent(largest, m),
    );
    let largest_hashmap = &sizes.last().expect("sizes").hashmap;

    for (group, hit) in [("scaling_hit", true), ("scaling_miss", false)] {
        let mut g = suite.group(group);
        for (size, synth) in sizes.iter().zip(&SYNTH) {
            let inputs = if hit { &size.hits } else { &size.misses };
            let n = size.keys;
            g.batch(&format!("phf_{n}"), inputs, |&k| {
                synth.codes.get(k).copied()
            });
            g.batch(&format!("hashmap_{n}"), inputs, |&k| {
                size.hashmap.get(k).copied()
            });
            g.batch(&format!("sorted_{n}"), inputs, |&k| {
                size.sorted
                    .binary_search_by(|&(key, _)| key.cmp(k))
                    .ok()
                    .map(|i| size.sorted[i].1)
            });
        }
        let inputs = if hit { &every_key.0 } else { &every_key.1 };
        let n = largest.keys;
        g.batch(&format!("phf_{n}_every_key"), inputs, |&k| {
            largest.codes.get(k).copied()
        });
        g.batch(&format!("hashmap_{n}_every_key"), inputs, |&k| {
            largest_hashmap.get(k).copied()
        });
        g.finish();
    }
}

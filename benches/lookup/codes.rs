//! Code lookups: by family and code, through a typed table, across families, and on synthetic
//! catalogs of 30 to 30,000 keys.

use std::collections::HashMap;
use std::hint::black_box;

use errcat::{AnyCode, Disabled, Family, aliyun, catalog, cloudbypass, tencent_cloud, upyun};
use errcat_bench_support::{BY_CODE, FAMILY_CODES, SYNTH, SYNTH_KEYS, TABLES};

use crate::harness::Suite;

pub fn bench(suite: &mut Suite) {
    by_family(suite);
    typed(suite);
    across_families(suite);
    scaling(suite);
    #[cfg(feature = "tencent-cloud-products")]
    products(suite);
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
fn noop_family(_: Family, _: &str) -> Result<Option<AnyCode>, Disabled> {
    black_box(Ok(None))
}

#[inline(never)]
fn noop_typed(_: &str) -> Option<upyun::management::Code> {
    black_box(None)
}

#[inline(never)]
fn noop_any(_: &str) -> &'static [AnyCode] {
    black_box(&[])
}

// ---------------------------------------------------------------------------------------------
// By family and code

/// The typed tables' own lookups, dispatched by family: what a caller holding a `Family` writes
/// without `catalog::lookup_in`.
fn typed_lookup(family: Family, code: &str) -> Option<AnyCode> {
    match family {
        Family::CloudbypassApi => cloudbypass::api::Code::from_code(code).map(AnyCode::from),
        Family::TencentCdn => tencent_cloud::cdn::Code::from_code(code)
            .map(AnyCode::from)
            .or_else(|| tencent_cloud::cdn::ModuleCode::from_code(code).map(AnyCode::from)),
        Family::AliyunApiGateway => aliyun::apigateway::Code::from_code(code)
            .map(AnyCode::from)
            .or_else(|| aliyun::apigateway::ErrorCode::from_code(code).map(AnyCode::from)),
        Family::AliyunHigressHmacAuth => {
            aliyun::higress_hmac_auth::Code::from_code(code).map(AnyCode::from)
        }
        Family::UpyunManagement => upyun::management::Code::from_code(code).map(AnyCode::from),
        Family::UpyunRest => upyun::rest::Code::from_code(code).map(AnyCode::from),
        Family::UpyunForm => upyun::form::Code::from_code(code).map(AnyCode::from),
        Family::UpyunMultipart => upyun::multipart::Code::from_code(code).map(AnyCode::from),
        Family::TencentCloudCommon => tencent_cloud::common::Code::from_code(code)
            .map(AnyCode::from)
            .or_else(|| tencent_cloud::common::PageCode::from_code(code).map(AnyCode::from)),
        _ => None,
    }
}

/// `family`'s position in `Family::ALL`: the index of its map in `FAMILY_CODES`.
fn index(family: Family) -> usize {
    Family::ALL
        .iter()
        .position(|&f| f == family)
        .expect("a family of Family::ALL")
}

fn by_family(suite: &mut Suite) {
    // The support crate reads the families in `Family::ALL` order.
    // (The Tencent Cloud product codes have no table: `products` below; a family that documents
    // no code, such as Cloudbypass's balance API, has none either.)
    let with_data = Family::ALL
        .into_iter()
        .filter(|&f| f != Family::TencentCloudProducts);
    assert_eq!(FAMILY_CODES.len(), with_data.clone().count());
    let with_tables: Vec<Family> = with_data.filter(|f| f.has_codes()).collect();
    let mut order: Vec<&str> = TABLES.iter().map(|t| t.family).collect();
    order.dedup();
    assert_eq!(
        order,
        with_tables.iter().map(|f| f.slug()).collect::<Vec<_>>()
    );
    let all = catalog::all();
    let keyed: Vec<(Family, &'static str)> = catalog_keys()
        .into_iter()
        .map(|(key, code)| (code.family(), key))
        .collect();

    // The alternatives, one structure per family (indexed as in `Family::ALL`), built once.
    // The `HashMap`s are built again (with new random hash keys) before each round.
    let n = with_tables.len();
    let mut linear: Vec<Vec<(&'static str, AnyCode)>> = vec![Vec::new(); n];
    for (key, code) in catalog_keys() {
        linear[index(code.family())].push((key, code));
    }
    let build_hashmaps = || -> Vec<HashMap<&'static str, AnyCode>> {
        linear
            .iter()
            .map(|table| table.iter().copied().collect())
            .collect()
    };
    let hashmaps = build_hashmaps();
    let mut sorted = linear.clone();
    for table in &mut sorted {
        table.sort_unstable_by_key(|&(key, _)| key);
    }

    // `Family as usize` is the position in `Family::ALL` (registry order), checked below.
    let phf = |f: Family, k: &str| {
        FAMILY_CODES[f as usize]
            .get(k)
            .map(|&i| all[usize::from(i)])
    };
    let hashmap = |f: Family, k: &str| hashmaps[f as usize].get(k).copied();
    let binary = |f: Family, k: &str| {
        let table = &sorted[f as usize];
        table
            .binary_search_by(|&(key, _)| key.cmp(k))
            .ok()
            .map(|i| table[i].1)
    };
    let scan = |f: Family, k: &str| {
        linear[f as usize]
            .iter()
            .find(|&&(key, _)| key == k)
            .map(|&(_, code)| code)
    };
    let api = |f: Family, k: &str| catalog::lookup_in(f, k).expect("every family is enabled");
    for family in with_tables {
        assert_eq!(family as usize, index(family), "{family}");
    }

    let (hits, misses) = hits_and_misses(
        &keyed,
        |(_, k)| k,
        |(f, _), m| (f, m),
        |(f, _), m| api(f, m).is_none() && phf(f, m).is_none(),
    );
    for &(f, k) in &hits {
        let expected = api(f, k);
        assert!(expected.is_some_and(|c| c.family() == f), "{f} {k}");
        for found in [
            typed_lookup(f, k),
            phf(f, k),
            hashmap(f, k),
            binary(f, k),
            scan(f, k),
        ] {
            assert_eq!(found, expected, "{f} {k}");
        }
    }
    for &(f, k) in &misses {
        for found in [typed_lookup(f, k), hashmap(f, k), binary(f, k), scan(f, k)] {
            assert_eq!(found, None, "{f} {k}");
        }
    }

    for (group, inputs) in [("code_family_hit", &hits), ("code_family_miss", &misses)] {
        let mut g = suite.group(group);
        g.batch("api", inputs, |&(f, k)| catalog::lookup_in(f, k));
        g.batch("api_typed", inputs, |&(f, k)| typed_lookup(f, k));
        g.batch("phf", inputs, |&(f, k)| phf(f, k));
        g.batch_rebuilt("hashmap", inputs, build_hashmaps, |maps, &(f, k)| {
            maps[f as usize].get(k).copied()
        });
        g.batch("sorted", inputs, |&(f, k)| binary(f, k));
        g.batch("linear", inputs, |&(f, k)| scan(f, k));
        g.batch("noop", inputs, |&(f, k)| noop_family(f, k));
        g.finish();
    }
}

// ---------------------------------------------------------------------------------------------
// One typed table: `upyun::management::Code::from_code`, the largest table (144 codes).

fn typed(suite: &mut Suite) {
    let table = TABLES
        .iter()
        .find(|t| t.family == Family::UpyunManagement.slug() && t.name == "Code")
        .expect("the upyun/management table");
    let keyed: Vec<(&'static str, upyun::management::Code)> = upyun::management::Code::ALL
        .iter()
        .flat_map(|&code| {
            std::iter::once(code.as_str())
                .chain(code.entry().aliases().iter().copied())
                .map(move |k| (k, code))
        })
        .collect();
    let build_hashmap =
        || -> HashMap<&'static str, upyun::management::Code> { keyed.iter().copied().collect() };
    let hashmap = build_hashmap();
    let mut sorted = keyed.clone();
    sorted.sort_unstable_by_key(|&(key, _)| key);
    let linear = keyed.clone();

    let phf = |k: &str| {
        table
            .codes
            .get(k)
            .map(|&i| upyun::management::Code::ALL[usize::from(i)])
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
        |_, m| upyun::management::Code::from_code(m).is_none() && phf(m).is_none(),
    );
    for &k in &hits {
        let expected = upyun::management::Code::from_code(k);
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
        g.batch("api", inputs, |&k| upyun::management::Code::from_code(k));
        g.batch("phf", inputs, |&k| phf(k));
        g.batch_rebuilt("hashmap", inputs, build_hashmap, |map, &k| {
            map.get(k).copied()
        });
        g.batch("sorted", inputs, |&k| binary(k));
        g.batch("linear", inputs, |&k| scan(k));
        g.batch("noop", inputs, |&k| noop_typed(k));
        g.finish();
    }
}

// ---------------------------------------------------------------------------------------------
// Across families: `catalog::by_code`, every code that has the key.

fn across_families(suite: &mut Suite) {
    // Distinct keys, in catalog order of first appearance, with every code that has them.
    let mut linear: Vec<(&'static str, &'static [AnyCode])> = Vec::new();
    for (key, _) in catalog_keys() {
        if !linear.iter().any(|&(k, _)| k == key) {
            linear.push((key, catalog::by_code(key)));
        }
    }
    let build_hashmap =
        || -> HashMap<&'static str, &'static [AnyCode]> { linear.iter().copied().collect() };
    let hashmap = build_hashmap();
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
        g.batch_rebuilt("hashmap", inputs, build_hashmap, |map, &k| {
            map.get(k).copied().unwrap_or(&[])
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
        sorted: Vec<(&'static str, u32)>,
    }
    let absent = |synth: &errcat_bench_support::Synth, k: &str| synth.codes.get(k).is_none();
    // The `HashMap`s are built again (with new random hash keys) before each round.
    let build_hashmap = |keys: usize| -> HashMap<&'static str, u32> {
        SYNTH_KEYS[..keys]
            .iter()
            .zip(0..)
            .map(|(&k, i)| (k, i))
            .collect()
    };
    let sizes: Vec<Size> = SYNTH
        .iter()
        .map(|synth| {
            let keys = &SYNTH_KEYS[..synth.keys];
            let hashmap = build_hashmap(synth.keys);
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

    for (group, hit) in [("scaling_hit", true), ("scaling_miss", false)] {
        let mut g = suite.group(group);
        for (size, synth) in sizes.iter().zip(&SYNTH) {
            let inputs = if hit { &size.hits } else { &size.misses };
            let n = size.keys;
            g.batch(&format!("phf_{n}"), inputs, |&k| {
                synth.codes.get(k).copied()
            });
            g.batch_rebuilt(
                &format!("hashmap_{n}"),
                inputs,
                move || build_hashmap(n),
                |map, &k| map.get(k).copied(),
            );
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
        g.batch_rebuilt(
            &format!("hashmap_{n}_every_key"),
            inputs,
            move || build_hashmap(n),
            |map, &k| map.get(k).copied(),
        );
        g.finish();
    }
}

// ---------------------------------------------------------------------------------------------
// The Tencent Cloud product codes (feature `tencent-cloud-products`): 17,508 entries, 12,793 keys.

#[cfg(feature = "tencent-cloud-products")]
#[inline(never)]
fn noop_products(_: &str) -> &'static [errcat::tencent_cloud::products::ProductCode] {
    black_box(&[])
}

#[cfg(feature = "tencent-cloud-products")]
#[inline(never)]
fn noop_product(
    _: errcat::tencent_cloud::products::Product,
    _: &str,
) -> Option<errcat::tencent_cloud::products::ProductCode> {
    black_box(None)
}

/// `products::by_code` (one phf probe over every product code) and `Product::lookup` (one probe
/// in the product's map) against bare phf maps of the same keys, built as errcat builds them,
/// and against a bare phf map of only 30 product codes (`phf_30`): the real tables' flatness.
#[cfg(feature = "tencent-cloud-products")]
fn products(suite: &mut Suite) {
    use errcat::tencent_cloud::products::{self, Product};
    use errcat_bench_support::{PRODUCT_BY_CODE, PRODUCT_MAPS, PRODUCT_SAMPLE_30};

    let entries: Vec<&errcat::Entry> = products::entries().collect();
    let index_of = |e: &errcat::Entry| {
        entries
            .iter()
            .position(|x| std::ptr::eq(*x, e))
            .expect("an entry of entries()")
    };
    // Across products: every key.
    let keys: Vec<&'static str> = PRODUCT_BY_CODE.keys().copied().collect();
    let phf_across = |k: &str| PRODUCT_BY_CODE.get(k).copied();
    let api_across = |k: &str| products::by_code(k);
    let sample: Vec<&'static str> = PRODUCT_SAMPLE_30.keys().copied().collect();
    let (hits, misses) = hits_and_misses(
        &keys,
        |k| k,
        |_, m| m,
        |_, m| {
            api_across(m).is_empty()
                && phf_across(m).is_none()
                && PRODUCT_SAMPLE_30.get(m).is_none()
        },
    );
    // Batches of 1,024 keys spread evenly over the set, as the `scaling` group's (the same
    // count of distinct keys at every size); `*_every_key` rows look up every key once.
    let spread = |keys: &[&'static str]| -> Vec<&'static str> {
        (0..1024).map(|i| keys[i * keys.len() / 1024]).collect()
    };
    let (every_hit, every_miss) = (hits.clone(), misses.clone());
    let (hits, misses) = (spread(&every_hit), spread(&every_miss));
    // The 30-key map: hits are its own keys, repeated to the same batch length.
    let sample_hits: Vec<&'static str> = sample.iter().copied().cycle().take(hits.len()).collect();
    for &k in &hits {
        let found: Vec<usize> = api_across(k).iter().map(|c| index_of(c.entry())).collect();
        let raw: Vec<usize> = phf_across(k)
            .expect("a key")
            .iter()
            .map(|&i| i as usize)
            .collect();
        assert_eq!(found, raw, "{k}");
    }
    for (group, inputs, sample_inputs, every) in [
        ("products_code_hit", &hits, &sample_hits, &every_hit),
        ("products_code_miss", &misses, &misses, &every_miss),
    ] {
        let mut g = suite.group(group);
        g.batch("api", inputs, |&k| products::by_code(k));
        g.batch("phf", inputs, |&k| PRODUCT_BY_CODE.get(k).copied());
        g.batch("phf_30", sample_inputs, |&k| {
            PRODUCT_SAMPLE_30.get(k).copied()
        });
        g.batch("api_every_key", every, |&k| products::by_code(k));
        g.batch("phf_every_key", every, |&k| PRODUCT_BY_CODE.get(k).copied());
        g.batch("noop", inputs, |&k| noop_products(k));
        g.finish();
    }

    // By (product, code), the product already resolved: every entry's code and aliases.
    let pairs: Vec<(Product, usize, &'static str)> = products::products()
        .enumerate()
        .flat_map(|(i, p)| {
            p.entries().iter().flat_map(move |e| {
                std::iter::once(e.code())
                    .chain(e.aliases().iter().copied())
                    .map(move |k| (p, i, k))
            })
        })
        .collect();
    for (p, i, _) in &pairs {
        assert_eq!(PRODUCT_MAPS[*i].0, p.name());
    }
    let (hits, misses) = hits_and_misses(
        &pairs,
        |(_, _, k)| k,
        |(p, i, _), m| (p, i, m),
        |(p, i, _), m| p.lookup(m).is_none() && PRODUCT_MAPS[i].1.get(m).is_none(),
    );
    for &(p, i, k) in &hits {
        let found = p.lookup(k).map(|c| index_of(c.entry()));
        let raw = PRODUCT_MAPS[i].1.get(k).map(|&x| x as usize);
        assert_eq!(found, raw, "{p} {k}");
    }
    let names: Vec<(&'static str, &'static str)> =
        hits.iter().map(|&(p, _, k)| (p.name(), k)).collect();
    for (group, inputs) in [
        ("products_pair_hit", &hits),
        ("products_pair_miss", &misses),
    ] {
        let mut g = suite.group(group);
        g.batch("api", inputs, |&(p, _, k)| p.lookup(k));
        g.batch("phf", inputs, |&(_, i, k)| {
            PRODUCT_MAPS[i].1.get(k).copied()
        });
        g.batch("noop", inputs, |&(p, _, k)| noop_product(p, k));
        if group.ends_with("hit") {
            // With the product's name: a second probe, for the product.
            g.batch("api_by_name", &names, |&(n, k)| products::lookup(n, k));
        }
        g.finish();
    }
}

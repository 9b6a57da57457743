//! Tencent Cloud product codes (feature `tencent-cloud-products`): every entry of the data files
//! against the lookups, the counts against the extraction of the pinned SDK wheels, the
//! product hint of `explain`, and the review of rate, frequency and concurrency codes.
//!
//! The data is read here through `serde_json::Value`, not the build's schema.

#![cfg(feature = "tencent-cloud-products")]

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use errcat::response::Basis;
use errcat::tencent_cloud::products::{self, English, Product, Root};
use errcat::{AnyCode, ApiError, ErrorKind, Family, Outcome, Response, Wait, Window};
use serde_json::Value;

/// The products folder.
const DIR: &str = "data/tencent-cloud/products";

/// Counts of tools/tencent-products/NOTES.md (the extraction of tencentcloud-sdk-python 3.1.195
/// and -intl-en 3.1.193), as merged by `products_data.py`.
const PRODUCTS: usize = 264; // 252 with Chinese codes, 12 only in the English SDK
const ENTRIES: usize = 17_508; // 17,511 (product, code) pairs less 3 English spellings (aliases)
const CODES: usize = 12_792; // 12,793 distinct codes less those 3 spellings, which are aliases
const CODES_ZH: usize = 12_388; // distinct codes with a Chinese text
const CODES_EN: usize = 8_290; // distinct codes with a (non-empty) English text: 8,293 less the 3
const ENTRIES_WITHOUT_EN: usize = 6_773;

struct DataEntry {
    product: String,
    code: String,
    aliases: Vec<String>,
    zh: Option<String>,
    en: Option<String>,
}

fn data() -> Vec<DataEntry> {
    let mut out = Vec::new();
    let mut paths: Vec<_> = std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join(DIR))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap() != "classifications.json")
        .collect();
    paths.sort();
    for path in paths {
        let v: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
        let product = v["product"].as_str().unwrap().to_owned();
        for e in v["entries"].as_array().unwrap() {
            let s = |k: &str| e.get(k).and_then(Value::as_str).map(str::to_owned);
            out.push(DataEntry {
                product: product.clone(),
                code: s("code").unwrap(),
                aliases: e
                    .get("aliases")
                    .and_then(Value::as_array)
                    .map(|a| a.iter().map(|x| x.as_str().unwrap().to_owned()).collect())
                    .unwrap_or_default(),
                zh: s("zh"),
                en: s("en"),
            });
        }
    }
    out
}

#[test]
fn counts_match_the_extraction() {
    let data = data();
    let products: BTreeSet<&str> = data.iter().map(|e| e.product.as_str()).collect();
    assert_eq!(products.len(), PRODUCTS);
    assert_eq!(products::products().len(), PRODUCTS);
    assert_eq!(data.len(), ENTRIES);
    assert_eq!(products::entries().count(), ENTRIES);
    let codes: BTreeSet<&str> = data.iter().map(|e| e.code.as_str()).collect();
    assert_eq!(codes.len(), CODES);
    let zh: BTreeSet<&str> = data
        .iter()
        .filter(|e| e.zh.is_some())
        .map(|e| e.code.as_str())
        .collect();
    assert_eq!(zh.len(), CODES_ZH);
    let en: BTreeSet<&str> = data
        .iter()
        .filter(|e| e.en.is_some())
        .map(|e| e.code.as_str())
        .collect();
    assert_eq!(en.len(), CODES_EN);
    let without_en = products::entries()
        .filter(|e| e.message().en.is_empty())
        .count();
    assert_eq!(without_en, ENTRIES_WITHOUT_EN);
}

#[test]
fn every_entry_is_found_by_product_and_across_products() {
    let data = data();
    let mut by_code: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for e in &data {
        for code in std::iter::once(&e.code).chain(&e.aliases) {
            by_code.entry(code).or_default().push(&e.product);
        }
    }
    let mut failures = Vec::new();
    for e in &data {
        let product = Product::from_name(&e.product).unwrap();
        for code in std::iter::once(&e.code).chain(&e.aliases) {
            let Some(found) = products::lookup(&e.product, code) else {
                failures.push(format!("{}/{code}: not found", e.product));
                continue;
            };
            let entry = found.entry();
            if found.as_str() != e.code || found.product() != product {
                failures.push(format!("{}/{code}: found {found:?}", e.product));
            }
            if found.zh() != e.zh.as_deref() || found.en() != e.en.as_deref() {
                failures.push(format!("{}/{code}: texts differ", e.product));
            }
            if entry.family() != Family::TencentCloudProducts
                || entry.kind() == ErrorKind::Unknown
                || entry.source().at().is_none()
                || !entry
                    .source()
                    .document()
                    .path()
                    .unwrap()
                    .ends_with("/errorcodes.py")
            {
                failures.push(format!("{}/{code}: entry {entry:?}", e.product));
            }
            if AnyCode::from(found).entry() != entry || found.root().is_none() {
                failures.push(format!("{}/{code}: handle", e.product));
            }
        }
    }
    for (code, products) in &by_code {
        let found: Vec<&str> = products::by_code(code)
            .iter()
            .map(|c| c.product().name())
            .collect();
        if found != *products {
            failures.push(format!("by_code({code}): {found:?}, expected {products:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures[..failures.len().min(20)].join("\n")
    );
}

#[test]
fn a_code_in_two_products_has_each_products_text() {
    let found = products::by_code("InvalidZone.MismatchRegion");
    let texts: Vec<(&str, &str)> = found
        .iter()
        .map(|c| (c.product().name(), c.zh().unwrap()))
        .collect();
    assert_eq!(
        texts,
        [
            ("batch", "指定的zone不存在。"),
            ("cvm", "指定的`zone`不存在。")
        ]
    );
}

#[test]
fn absent_english_says_so() {
    let code = products::lookup("aai", "FailedOperation.ServiceIsolate").unwrap();
    assert_eq!(code.en(), None);
    assert_eq!(code.entry().message().en, "");
    assert!(code.entry().note().unwrap().contains("no English"));
    assert_eq!(
        code.english(),
        English::FromCodeName("FailedOperation.ServiceIsolate")
    );
    assert_eq!(
        code.english().to_string(),
        "Failed operation: service isolate (from the code name; the vendor gives no English)"
    );
    let cvm = products::lookup("cvm", "InvalidParameterValue.InstanceTypeNotFound").unwrap();
    assert_eq!(
        cvm.english(),
        English::Vendor("The specified instance type does not exist.")
    );
}

#[test]
fn english_spellings_are_aliases() {
    let a = products::lookup("sms", "InvalidParameterValue.SdkAppidNotExist").unwrap();
    let b = products::lookup("sms", "InvalidParameterValue.SdkAppIdNotExist").unwrap();
    assert_eq!(a, b);
    assert_eq!(
        a.entry().aliases(),
        ["InvalidParameterValue.SdkAppidNotExist"]
    );
}

#[test]
fn every_root_is_typed() {
    assert!(Root::all().len() >= 120);
    assert_eq!(Root::of("OperationDenied.X"), Some(Root::OperationDenied));
    assert_eq!(Root::of("ResourcesSoldOut"), Some(Root::ResourcesSoldOut));
    assert_eq!(Root::of("NoSuchRoot.X"), None);
    for e in products::entries() {
        assert!(Root::of(e.code()).is_some(), "{}", e.code());
    }
}

fn body(code: &str) -> Vec<u8> {
    format!(
        r#"{{"Response": {{"Error": {{"Code": "{code}", "Message": "m"}}, "RequestId": "r-1"}}}}"#
    )
    .into_bytes()
}

#[test]
fn explain_with_a_product_hint_gives_the_products_entry() {
    let b = body("InvalidParameterValue.InstanceTypeNotFound");
    for hint in [
        "cvm",
        "cvm.tencentcloudapi.com",
        "cvm.ap-guangzhou.tencentcloudapi.com",
    ] {
        let Outcome::Error(err) = Response::new(&b).with_product(hint).explain().unwrap() else {
            panic!()
        };
        assert_eq!(err.family(), Family::TencentCloudCommon);
        assert_eq!(err.basis(), Basis::Exact);
        let entry = err.entry().unwrap();
        assert_eq!(entry.family(), Family::TencentCloudProducts);
        assert_eq!(entry.message().zh, "指定机型不存在");
        let Some(AnyCode::TencentCloudProduct(code)) = err.typed_code() else {
            panic!()
        };
        assert_eq!(code.product().name(), "cvm");
    }
    // A code several products have, without a hint: the common fallback and the candidates.
    let b = body("InvalidZone.MismatchRegion");
    let Outcome::Error(err) = Response::new(&b).explain().unwrap() else {
        panic!()
    };
    assert_eq!(err.product_candidates().len(), 2);
    assert!(
        err.entry()
            .is_none_or(|e| e.family() != Family::TencentCloudProducts)
    );
    let Outcome::Error(err) = Response::new(&b).with_product("batch").explain().unwrap() else {
        panic!()
    };
    assert_eq!(err.entry().unwrap().message().zh, "指定的zone不存在。");
    // A code one product has: found without a hint.
    let b = body("FailedOperation.CdnConfigError");
    let Outcome::Error(err) = Response::new(&b).explain().unwrap() else {
        panic!()
    };
    assert_eq!(err.entry().unwrap().family(), Family::TencentCloudProducts);
    // A code the common table lists keeps its common entry, hint or not.
    let b = body("InternalError");
    let Outcome::Error(err) = Response::new(&b).with_product("cvm").explain().unwrap() else {
        panic!()
    };
    assert_eq!(err.entry().unwrap().family(), Family::TencentCloudCommon);
    // An unlisted code under a root the common table lacks: the root's kind.
    let r = products::resolve("OperationDenied.NoSuchThing", None);
    assert_eq!(r.basis(), Basis::Classification);
    assert_eq!(r.kind(), ErrorKind::PermissionDenied);
}

/// Whether a code's name or texts speak of rate, frequency, concurrency or a per-period limit:
/// the candidate patterns of `tools/tencent-products/analyse.py` (groups rate, concurrency and
/// period; its broad group "other" is left out), as substring tests.
fn speaks_of_rate(code: &str, zh: &str, en: &str) -> bool {
    let lower = code.to_ascii_lowercase();
    let en = en.to_lowercase();
    let second = code
        .match_indices("Second")
        .any(|(i, _)| !code[i + 6..].starts_with("ary"));
    code == "RequestLimitExceeded"
        || code.starts_with("RequestLimitExceeded.")
        || [
            "RateLimit",
            "Freq",
            "TooManyRequests",
            "Daily",
            "PerDay",
            "OneDay",
            "Hour",
            "Minute",
        ]
        .iter()
        .any(|w| code.contains(w))
        || second
        || [
            "frequen",
            "toooften",
            "qps",
            "throttl",
            "flowcontr",
            "flowctr",
            "concurren",
        ]
        .iter()
        .any(|w| lower.contains(w))
        || [
            "频率",
            "频繁",
            "限频",
            "频控",
            "流控",
            "限流",
            "请求过多",
            "请求量过大",
            "请求次数",
            "调用次数",
            "访问次数",
            "并发",
            "每天",
            "每日",
            "当天",
            "当日",
            "今日",
            "今天",
            "24小时",
            "每小时",
            "小时内",
            "1小时",
            "每分钟",
            "分钟内",
            "每秒",
            "秒内",
        ]
        .iter()
        .any(|w| zh.contains(w))
        || zh.to_ascii_lowercase().contains("qps")
        || [
            "frequen",
            "rate limit",
            "too many requests",
            "throttl",
            "too often",
            "qps",
            "concurren",
            "per day",
            "daily",
            "per hour",
            "hourly",
            "per minute",
            "per second",
            "24 hours",
        ]
        .iter()
        .any(|w| en.contains(w))
}

/// Every code whose name or description speaks of rate, frequency, concurrency or a period has
/// been reviewed: a rule of `classifications.json` gives its kind with a reason, or its root is
/// itself the rate-limit root (`RequestLimitExceeded`). None is a quota without a reason.
#[test]
fn rate_and_frequency_codes_are_reviewed() {
    let classifications: Value = serde_json::from_slice(
        &std::fs::read(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join(DIR)
                .join("classifications.json"),
        )
        .unwrap(),
    )
    .unwrap();
    let rules = classifications["rules"].as_array().unwrap();
    let reviewed = |product: &str, code: &str| {
        rules.iter().any(|r| {
            let c = r["code"].as_str().unwrap();
            let covers = code == c
                || code
                    .strip_prefix(c)
                    .is_some_and(|rest| rest.starts_with('.'));
            let products = r.get("products").and_then(Value::as_array);
            covers
                && !r["reason"].as_str().unwrap().trim().is_empty()
                && products.is_none_or(|ps| ps.iter().any(|p| p == product))
        })
    };
    let mut candidates = 0;
    let mut unreviewed = Vec::new();
    for e in data() {
        let (zh, en) = (e.zh.as_deref().unwrap_or(""), e.en.as_deref().unwrap_or(""));
        if !speaks_of_rate(&e.code, zh, en) {
            continue;
        }
        candidates += 1;
        let entry = products::lookup(&e.product, &e.code).unwrap().entry();
        let root_is_rate = Root::of(&e.code) == Some(Root::RequestLimitExceeded)
            && e.code == "RequestLimitExceeded";
        if !reviewed(&e.product, &e.code) && !root_is_rate {
            unreviewed.push(format!("{}/{} ({})", e.product, e.code, entry.kind()));
        }
        if entry.kind() == ErrorKind::QuotaExceeded {
            assert!(
                reviewed(&e.product, &e.code),
                "{}/{}: a quota without a reason",
                e.product,
                e.code
            );
        }
    }
    assert!(candidates >= 300, "{candidates} candidates");
    assert!(
        unreviewed.is_empty(),
        "{} unreviewed: {unreviewed:?}",
        unreviewed.len()
    );
}

#[test]
fn classified_sub_codes_override_their_root() {
    let kind = |product: &str, code: &str| {
        let e = products::lookup(product, code).unwrap().entry();
        (e.kind(), e.is_retryable(), e.wait())
    };
    // A rate limit under the quota root.
    assert_eq!(
        kind("teo", "LimitExceeded.RateLimitExceeded"),
        (ErrorKind::RateLimited, true, Wait::Backoff)
    );
    assert_eq!(
        kind("fmu", "FailedOperation.FreqCtrl").0,
        ErrorKind::RateLimited
    );
    assert_eq!(
        kind("cdn", "UnauthorizedOperation.OperationTooOften").0,
        ErrorKind::RateLimited
    );
    // A concurrency cap clears when a job ends.
    assert!(kind("vclm", "RequestLimitExceeded.JobNumExceed").1);
    // A once-per-24-hours policy: no automatic retry.
    let (k, retry, wait) = kind("kms", "RequestLimitExceeded.RotateRateLimited");
    assert_eq!((k, retry), (ErrorKind::RateLimited, false));
    assert_eq!(wait, Wait::NextWindow(Window::Day));
    // A daily policy.
    assert_eq!(
        kind("sms", "LimitExceeded.PhoneNumberDailyLimit"),
        (ErrorKind::RateLimited, false, Wait::NextWindow(Window::Day))
    );
    // Misleading names.
    assert_eq!(
        kind("ciam", "RequestLimitExceeded.RepeatRequest").0,
        ErrorKind::Conflict
    );
    assert_eq!(
        kind("cam", "RequestLimitExceeded.UinLimitExceeded").0,
        ErrorKind::QuotaExceeded
    );
    assert_eq!(
        kind("asr", "RequestLimitExceeded.UinLimitExceeded").0,
        ErrorKind::RateLimited
    );
    // A root the common table lacks.
    assert_eq!(
        kind("teo", "OperationDenied").0,
        ErrorKind::PermissionDenied
    );
    // A quota stays a quota.
    assert_eq!(
        kind("cdn", "LimitExceeded.CdnUserTooManyHosts").0,
        ErrorKind::QuotaExceeded
    );
    // Read again with real responses (tests/fixtures/tencent-cloud/real_*): an operation in
    // progress where the product's text says so, not where it does not (ecm); a certificate
    // that does not parse; spot stock, not a quota.
    for product in ["cvm", "hai", "lighthouse"] {
        assert_eq!(
            kind(product, "OperationDenied.InstanceOperationInProgress"),
            (ErrorKind::FailedPrecondition, true, Wait::Backoff),
            "{product}"
        );
    }
    assert_eq!(
        kind("ecm", "OperationDenied.InstanceOperationInProgress").0,
        ErrorKind::PermissionDenied
    );
    assert_eq!(
        kind("ssl", "FailedOperation.CertificateParseError").0,
        ErrorKind::InvalidRequest
    );
    let (k, retry, _) = kind("cvm", "LimitExceeded.SpotQuota");
    assert_eq!((k, retry), (ErrorKind::Unavailable, false));
}

/// Where the common family classifies a code, the products agree.
#[cfg(feature = "tencent-cloud-common")]
#[test]
fn the_common_classifications_agree() {
    for code in [
        "LimitExceeded.PhoneNumberThirtySecondLimit",
        "LimitExceeded.PhoneNumberOneHourLimit",
        "LimitExceeded.DeliveryFrequencyLimit",
        "LimitExceeded.PhoneNumberDailyLimit",
    ] {
        let r = errcat::catalog::resolve(Family::TencentCloudCommon, code).unwrap();
        assert_eq!(r.basis(), Basis::Classification);
        let e = products::lookup("sms", code).unwrap().entry();
        assert_eq!(
            (e.kind(), e.is_retryable(), e.wait()),
            (r.kind(), r.is_retryable(), r.wait()),
            "{code}"
        );
    }
}

#[test]
fn product_codes_and_entries_round_trip_through_serde() {
    let code = products::lookup("cvm", "InvalidZone.MismatchRegion").unwrap();
    let any = AnyCode::from(code);
    let json = serde_json::to_value(any).unwrap();
    assert_eq!(json["product"], "cvm");
    assert_eq!(json["family"], "tencent-cloud/products");
    assert_eq!(serde_json::from_value::<AnyCode>(json).unwrap(), any);
    let entry = code.entry();
    let json = serde_json::to_string(entry).unwrap();
    let back: &'static errcat::Entry = serde_json::from_str(&json).unwrap();
    assert!(std::ptr::eq(back, entry));
    // The same code of another product is another entry.
    let batch = serde_json::json!({"family": "tencent-cloud/products", "product": "batch", "code": "InvalidZone.MismatchRegion"});
    let other: AnyCode = serde_json::from_value(batch).unwrap();
    assert_ne!(other, any);
    assert!(
        serde_json::from_value::<AnyCode>(
            serde_json::json!({"family": "tencent-cloud/products", "product": "nope", "code": "X"})
        )
        .is_err()
    );
}

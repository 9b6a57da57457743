//! No lookup allocates, over every key of every table; neither does resolving a raw code through
//! the resolution walk (sub-codes, numbers, appended detail), nor explaining an error response
//! whose body has no JSON escapes, one per family.
//!
//! A `#[global_allocator]` counts the allocations this thread makes while each call runs
//! (`errcat_bench_support::alloc`: errcat forbids `unsafe_code` in all its targets, so the
//! allocator lives in the support crate). Everything runs in one test, on one thread, and every
//! lookup is first used inside a counted call: a table built at first use would allocate there
//! and fail the test, so this also shows that nothing is built at run time. One thing is, and
//! is counted first: with the feature `tencent-cloud-products`, a product's entries are built
//! from its rows when one is first asked for, in one allocation per product
//! ([`Product::entries`](errcat::tencent_cloud::products::Product::entries)).
//!
//! Each check collects its failures, and the test reports them all at once.

// Written against the five tables of the default features (`cfg` set by build.rs).
#![cfg(errcat_default_features)]

use std::fmt::Display;
use std::str::FromStr;

use errcat::{
    AnyCode, ApiError, ErrorKind, Family, Header, Outcome, Response, Vendor, aliyun, catalog,
    cloudbypass, tencent_cloud, upyun,
};
use errcat_bench_support::alloc::{Counting, count};

#[allow(dead_code)]
#[path = "support/expected.rs"]
mod expected;
use expected::TENCENT_SUB_CODES;

#[global_allocator]
static ALLOC: Counting = Counting;

/// Collects every allocating call and every wrong answer.
#[derive(Default)]
struct Check {
    calls: usize,
    failures: Vec<String>,
}

impl Check {
    /// Runs `f`, recording a failure named `what` if it allocated.
    fn no_alloc<R>(&mut self, what: impl Display, f: impl FnOnce() -> R) -> R {
        let (result, allocations) = count(f);
        self.calls += 1;
        if allocations != 0 {
            self.failures
                .push(format!("{what}: {allocations} allocation(s)"));
        }
        result
    }

    /// Records a failure named `what` unless `ok`.
    fn expect(&mut self, ok: bool, what: impl Display) {
        if !ok {
            self.failures.push(format!("{what}: wrong answer"));
        }
    }
}

/// Every key of a code: its wire code, then its aliases.
fn keys(code: AnyCode) -> Vec<&'static str> {
    let entry = code.entry();
    std::iter::once(entry.code())
        .chain(entry.aliases().iter().copied())
        .collect()
}

/// `key` with its last byte changed (a miss of the same shape), if the result is still UTF-8.
fn miss(key: &str) -> Option<String> {
    let mut bytes = key.as_bytes().to_vec();
    let last = bytes.last_mut()?;
    *last = if *last == b'~' { b'}' } else { b'~' };
    String::from_utf8(bytes).ok()
}

/// The typed lookups of one code table, over every key of every code, hits and misses.
macro_rules! check_table {
    ($check:expr, $ty:ty) => {{
        let check: &mut Check = $check;
        let table = stringify!($ty);
        for &code in <$ty>::ALL {
            for key in keys(code.into()) {
                let found = check.no_alloc(format_args!("{table}::from_code({key:?})"), || {
                    <$ty>::from_code(key)
                });
                check.expect(
                    found == Some(code),
                    format_args!("{table}::from_code({key:?})"),
                );
                let parsed = check.no_alloc(format_args!("{key:?}.parse::<{table}>()"), || {
                    <$ty>::from_str(key)
                });
                check.expect(
                    parsed == Ok(code),
                    format_args!("{key:?}.parse::<{table}>()"),
                );
                let tried = check.no_alloc(format_args!("{table}::try_from({key:?})"), || {
                    <$ty>::try_from(key)
                });
                check.expect(
                    tried == Ok(code),
                    format_args!("{table}::try_from({key:?})"),
                );
                if let Some(miss) = miss(key) {
                    let found = check
                        .no_alloc(format_args!("{table}::from_code({miss:?})"), || {
                            <$ty>::from_code(&miss)
                        });
                    check.expect(
                        found.is_none(),
                        format_args!("{table}::from_code({miss:?})"),
                    );
                    let parsed = check
                        .no_alloc(format_args!("{miss:?}.parse::<{table}>()"), || {
                            <$ty>::from_str(&miss).is_err()
                        });
                    check.expect(parsed, format_args!("{miss:?}.parse::<{table}>()"));
                }
            }
            let (wire, entry) = check.no_alloc(format_args!("{table}::{code:?} accessors"), || {
                (code.as_str(), code.entry())
            });
            check.expect(
                wire == entry.code(),
                format_args!("{table}::{code:?}.as_str()"),
            );
        }
    }};
}

fn check_tables(check: &mut Check) {
    check_table!(check, tencent_cloud::common::Code);
    check_table!(check, upyun::management::Code);
    check_table!(check, tencent_cloud::cdn::Code);
    check_table!(check, tencent_cloud::cdn::ModuleCode);
    check_table!(check, cloudbypass::api::Code);
    check_table!(check, aliyun::apigateway::Code);
    check_table!(check, aliyun::apigateway::ErrorCode);
    check_table!(check, aliyun::higress_hmac_auth::Code);
}

fn check_catalog(check: &mut Check) {
    let all = check.no_alloc("catalog::all()", catalog::all);
    for &code in all {
        let vendor = code.vendor();
        let family = code.family();
        let entry = check.no_alloc(format_args!("{code:?}.entry()"), || code.entry());
        for key in keys(code) {
            check_family_lookups(check, family, key, Some(code));
            let found = check.no_alloc(format_args!("catalog::lookup({vendor}, {key:?})"), || {
                catalog::lookup(vendor, key)
            });
            // The vendor's first family that documents the key (the Higress plugin shares
            // `Empty Signature` and `Invalid Content-MD5` with the API Gateway's classic table).
            let first = all.iter().copied().find(|c| {
                c.vendor() == vendor && catalog::lookup_in(c.family(), key) == Ok(Some(*c))
            });
            check.expect(
                found == Ok(first) && first.is_some_and(|f| f.family() <= family),
                format_args!("catalog::lookup({vendor}, {key:?})"),
            );
            let found = check.no_alloc(format_args!("catalog::by_code({key:?})"), || {
                catalog::by_code(key)
            });
            check.expect(
                found.contains(&code),
                format_args!("catalog::by_code({key:?})"),
            );
            if let Some(miss) = miss(key) {
                check_family_lookups(check, family, &miss, None);
                let found = check
                    .no_alloc(format_args!("catalog::lookup({vendor}, {miss:?})"), || {
                        catalog::lookup(vendor, &miss)
                    });
                // No code; or, with a family of the vendor disabled, that family named.
                check.expect(
                    found == Ok(None) || found.is_err_and(|e| !e.family().is_enabled()),
                    format_args!("catalog::lookup({vendor}, {miss:?})"),
                );
                check.no_alloc(format_args!("catalog::by_code({miss:?})"), || {
                    catalog::by_code(&miss)
                });
            }
        }
        let message = entry.message();
        let texts = [message.zh, message.en]
            .into_iter()
            .chain(entry.message_aliases().iter().copied())
            .filter(|t| !t.trim().is_empty());
        for text in texts {
            let found = check.no_alloc(format_args!("catalog::by_message({text:?})"), || {
                catalog::by_message(text)
            });
            check.expect(
                found.contains(&code),
                format_args!("catalog::by_message({text:?})"),
            );
        }
        check.no_alloc(format_args!("{code:?} through ApiError"), || {
            (
                code.kind(),
                code.is_retryable(),
                ApiError::message(&code),
                code.http_status(),
                code.docs_url(),
                code.description(),
                code.remedy(),
            )
        });
    }
}

/// `catalog::lookup_in` and `catalog::resolve` of `key` in `family`: `expected` when it is a
/// documented key, nothing for a miss (the walk may still find a family or classification).
fn check_family_lookups(check: &mut Check, family: Family, key: &str, expected: Option<AnyCode>) {
    let found = check.no_alloc(
        format_args!("catalog::lookup_in({family}, {key:?})"),
        || catalog::lookup_in(family, key),
    );
    check.expect(
        found == Ok(expected),
        format_args!("catalog::lookup_in({family}, {key:?})"),
    );
    let resolved = check.no_alloc(format_args!("catalog::resolve({family}, {key:?})"), || {
        catalog::resolve(family, key).map(|r| (r.typed_code(), r.kind(), r.is_retryable(), r.via()))
    });
    check.expect(
        expected.is_none() || resolved.is_ok_and(|r| r.0 == expected),
        format_args!("catalog::resolve({family}, {key:?})"),
    );
}

fn check_statuses(check: &mut Check) {
    for status in (0..=600).chain([u16::MAX]) {
        let found = check.no_alloc(format_args!("catalog::by_status({status})"), || {
            catalog::by_status(status)
        });
        check.expect(
            found
                .iter()
                .all(|c| c.entry().http_status() == Some(status)),
            format_args!("catalog::by_status({status})"),
        );
        check.no_alloc(
            format_args!("ErrorKind::from_http_status({status})"),
            || ErrorKind::from_http_status(status),
        );
        for vendor in Vendor::ALL {
            let n = check.no_alloc(
                format_args!("catalog::by_status_for({vendor}, {status})"),
                || catalog::by_status_for(vendor, status).count(),
            );
            check.expect(
                n <= found.len(),
                format_args!("by_status_for({vendor}, {status})"),
            );
            let meaning = check.no_alloc(format_args!("{vendor}.status_meaning({status})"), || {
                vendor.status_meaning(status)
            });
            check.expect(
                meaning.is_none_or(|m| m.status() == status && m.vendor() == vendor),
                format_args!("{vendor}.status_meaning({status})"),
            );
        }
        for family in Family::ALL {
            let meaning = check.no_alloc(format_args!("{family}.status_meaning({status})"), || {
                family.status_meaning(status)
            });
            // A disabled family (the products' without their feature) says so.
            check.expect(
                meaning.map_or(!family.is_enabled(), |m| {
                    m.is_none_or(|m| m.status() == status && m.family() == family)
                }),
                format_args!("{family}.status_meaning({status})"),
            );
        }
    }
}

fn check_headers(check: &mut Check) {
    for vendor in Vendor::ALL {
        check.no_alloc(format_args!("{vendor}.headers()"), || {
            vendor.headers().count()
        });
    }
    for family in Family::ALL {
        check.no_alloc(format_args!("{family}.headers()"), || {
            family.headers().count()
        });
    }
    let documented: Vec<&'static Header> = Family::ALL.iter().flat_map(|&f| f.headers()).collect();
    for header in &documented {
        for name in errcat_bench_support::casings(header.name()) {
            let found = check.no_alloc(format_args!("catalog::header({name:?})"), || {
                catalog::header(&name)
            });
            check.expect(
                found == Some(header),
                format_args!("catalog::header({name:?})"),
            );
            for &code in catalog::all()
                .iter()
                .filter(|c| c.family() == header.family())
            {
                for key in keys(code) {
                    check.no_alloc(
                        format_args!("catalog::by_header({name:?}, {key:?})"),
                        || catalog::by_header(&name, key),
                    );
                }
            }
        }
    }
    for name in [
        "Content-Type",
        "content-length",
        "Date",
        "Server",
        "X-Request-Id",
        "x-ca-error-messagf",
        "",
        &"x".repeat(300),
    ] {
        let found = check.no_alloc(format_args!("catalog::header({name:?})"), || {
            catalog::header(name)
        });
        check.expect(found.is_none(), format_args!("catalog::header({name:?})"));
    }
    let value = "Invalid Signature, Server StringToSign:GET\n*/*\n/api";
    let found = check.no_alloc("catalog::template(..)", || catalog::template(value));
    check.expect(found.is_some(), "catalog::template(..)");
    let found = check.no_alloc("catalog::by_header(x-ca-error-message, template)", || {
        catalog::by_header("X-Ca-Error-Message", value)
    });
    check.expect(
        found.is_some_and(|m| m.parameter() == Some("GET\n*/*\n/api")),
        "catalog::by_header(x-ca-error-message, template)",
    );
}

fn check_vendor_helpers(check: &mut Check) {
    for vendor in Vendor::ALL {
        let slug = vendor.slug();
        let parsed = check.no_alloc(format_args!("Vendor::from_str({slug:?})"), || {
            Vendor::from_str(slug)
        });
        check.expect(
            parsed == Ok(vendor),
            format_args!("Vendor::from_str({slug:?})"),
        );
        check.no_alloc(format_args!("{vendor} facts"), || {
            (vendor.name(), vendor.families())
        });
    }
    for family in Family::ALL {
        let slug = family.slug();
        let parsed = check.no_alloc(format_args!("Family::from_str({slug:?})"), || {
            Family::from_str(slug)
        });
        check.expect(
            parsed == Ok(family),
            format_args!("Family::from_str({slug:?})"),
        );
        let sources = check.no_alloc(format_args!("{family} facts"), || {
            (
                family.name(),
                family.vendor(),
                family.feature(),
                family.is_enabled(),
                family.sources().map(<[_]>::len),
            )
        });
        check.expect(
            sources.4.map_or(!family.is_enabled(), |n| n > 0),
            format_args!("{family}.sources()"),
        );
    }
    for &code in catalog::all() {
        let citation = check.no_alloc(format_args!("{code:?}.entry().source()"), || {
            let citation = code.entry().source();
            let d = citation.document();
            (
                citation.at(),
                citation.section(),
                d.url(),
                d.title(),
                d.date(),
                d.cite(),
            )
        });
        check.expect(!citation.2.is_empty(), format_args!("{code:?} source url"));
    }
    for &code in tencent_cloud::common::Code::ALL {
        let raw = format!("{}.SomeUnlistedSubCode", code.as_str());
        let resolved = check.no_alloc(
            format_args!("tencent_cloud::common::Code::resolve({raw:?})"),
            || tencent_cloud::common::Code::resolve(&raw),
        );
        check.expect(
            resolved.is_some_and(|r| r.code() == Some(code)),
            format_args!("tencent_cloud::common::Code::resolve({raw:?})"),
        );
        let rule = check.no_alloc(
            format_args!("TencentCloudCommon.classification({raw:?})"),
            || Family::TencentCloudCommon.classification(&raw),
        );
        check.expect(
            rule == Ok(None),
            format_args!("TencentCloudCommon.classification({raw:?})"),
        );
        check_resolution(check, Family::TencentCloudCommon, &raw);
    }
    check_sub_codes(check);
    for &code in upyun::management::Code::ALL {
        let s = check.no_alloc(format_args!("upyun {code:?} structure"), || {
            let s = code.structure();
            (
                upyun::management::Structure::parse(code.as_str()),
                s.module_name(),
                s,
            )
        });
        check.expect(
            s.0 == Some(s.2),
            format_args!("upyun::management::Structure::parse({code})"),
        );
    }
    for &code in tencent_cloud::cdn::ModuleCode::ALL {
        let message = format!("({}){}", code.as_str(), code.entry().message().zh);
        let split = check.no_alloc(
            format_args!("tencent_cloud::cdn::split_message({message:?})"),
            || tencent_cloud::cdn::split_message(&message),
        );
        check.expect(
            split.is_some_and(|(m, _)| m == code.as_str()),
            format_args!("tencent_cloud::cdn::split_message({message:?})"),
        );
    }
}

/// `catalog::resolve`, `catalog::resolve_all` and the resolution's `ApiError` view.
fn check_resolution(check: &mut Check, family: Family, raw: &str) {
    let resolved = check.no_alloc(format_args!("catalog::resolve({family}, {raw:?})"), || {
        catalog::resolve(family, raw).map(|r| {
            (
                r.basis(),
                r.via(),
                r.typed_code(),
                r.classification(),
                r.parameter(),
                r.kind(),
                r.is_retryable(),
                ApiError::message(&r),
                r.docs_url(),
            )
        })
    });
    check.expect(
        resolved.is_ok(),
        format_args!("catalog::resolve({family}, {raw:?})"),
    );
    check.no_alloc(format_args!("catalog::resolve_all(None, {raw:?})"), || {
        catalog::resolve_all(None, raw).count()
    });
    check.no_alloc(
        format_args!("catalog::resolve_all({}, {raw:?})", family.vendor()),
        || catalog::resolve_all(Some(family.vendor()), raw).count(),
    );
}

/// Sub-codes (typed and through the walk, and explained), numbers of a hundred, and Aliyun values
/// with appended detail.
fn check_sub_codes(check: &mut Check) {
    for raw in TENCENT_SUB_CODES {
        let typed = check.no_alloc(
            format_args!("tencent_cloud::common::Code::resolve({raw:?})"),
            || tencent_cloud::common::Code::resolve(raw),
        );
        check.expect(
            typed.is_some() == (raw != "NoSuchFamily.Sub"),
            format_args!("tencent_cloud::common::Code::resolve({raw:?})"),
        );
        check_resolution(check, Family::TencentCloudCommon, raw);
        let body = format!(
            r#"{{"Response": {{"Error": {{"Code": "{raw}", "Message": "m"}}, "RequestId": "r"}}}}"#
        );
        let outcome = check.no_alloc(format_args!("explain Tencent Cloud {raw:?}"), || {
            Response::new(body.as_bytes()).explain()
        });
        check.expect(
            matches!(&outcome, Ok(Outcome::Error(e)) if e.raw_code() == Some(raw)),
            format_args!("explain Tencent Cloud {raw:?}"),
        );
    }
    for raw in ["4102", "4199", "6250", "2130", "1050", "0"] {
        check_resolution(check, Family::TencentCdn, raw);
    }
    let r = check.no_alloc("catalog::resolve(tencent-cloud/cdn, 4102)", || {
        catalog::resolve(Family::TencentCdn, "4102").map(|r| r.via())
    });
    check.expect(
        r == Ok(Some("4100")),
        "catalog::resolve(tencent-cloud/cdn, 4102)",
    );
    for value in [
        "Invalid Url: /v2/x",
        "Quota Exhausted; later",
        "API Not Found, /v2",
    ] {
        check_resolution(check, Family::AliyunApiGateway, value);
        let found = check.no_alloc(format_args!("catalog::by_header(.., {value:?})"), || {
            catalog::by_header("X-Ca-Error-Message", value).map(|m| m.code())
        });
        check.expect(
            found.is_some(),
            format_args!("catalog::by_header(.., {value:?})"),
        );
        let headers = [("X-Ca-Error-Message", value)];
        let outcome = check.no_alloc(format_args!("explain Aliyun {value:?}"), || {
            Response::new(b"")
                .with_status(400)
                .with_headers(headers)
                .explain()
        });
        check.expect(
            matches!(&outcome, Ok(Outcome::Error(e)) if e.typed_code().is_some()),
            format_args!("explain Aliyun {value:?}"),
        );
    }
}

/// A response: family slug, HTTP status, headers, body.
type Case = (
    &'static str,
    u16,
    &'static [(&'static str, &'static str)],
    &'static str,
);

/// One realistic error response per family, as in the vendors' documents and `benches/`: no
/// JSON escapes, headers as `(&str, &str)` pairs.
const RESPONSES: [Case; 8] = [
    (
        "cloudbypass/api",
        400,
        &[("Content-Type", "application/json"), ("Server", "nginx")],
        r#"{"id": "8f2c1a9e-4b7d-4e21-9a3f-6d5c0b7e1f42", "code": "PARAM_ERROR", "message": "参数错误，可能是请求参数不正确或者缺少必填参数。"}"#,
    ),
    (
        "tencent-cloud/cdn",
        200,
        &[("Content-Type", "application/json"), ("Server", "nginx")],
        r#"{"code": 4000, "message": "(2130)非法ProjectID参数"}"#,
    ),
    (
        "aliyun/apigateway",
        403,
        &[
            ("Content-Type", "application/json"),
            ("X-Ca-Request-Id", "7AD052CB-EE8B-4DFD-BBAF-EFB340E0A5AF"),
            ("X-Ca-Error-Message", "Throttled by APP Flow Control"),
        ],
        "",
    ),
    (
        "aliyun/apigateway",
        404,
        &[
            ("X-Ca-Request-Id", "5F1C1E8D-3A0B-4E2C-9C7D-0B6E2F1A9D44"),
            ("X-Ca-Error-Code", "I404NF"),
            (
                "X-Ca-Error-Message",
                "API not found with `GET /v2/user/abc`",
            ),
        ],
        "",
    ),
    (
        "aliyun/apigateway",
        400,
        &[("X-Ca-Error-Message", "Invalid AppCode `not exists`")],
        "",
    ),
    (
        "aliyun/higress-hmac-auth",
        400,
        &[(
            "x-ca-error-message",
            "Server StringToSign:`GET#application/json##application/json##X-Ca-Key:200000#/app/v1/config/keys?keys=TEST`",
        )],
        "Invalid Signature",
    ),
    (
        "upyun/management",
        409,
        &[
            ("Content-Type", "application/json"),
            ("Server", "marco/2.20"),
        ],
        r#"{"error_code": "21402", "request": "PUT /operators/", "message": "Operator already exists."}"#,
    ),
    (
        "tencent-cloud/common",
        200,
        &[
            ("Content-Type", "application/json"),
            ("Server", "tencent-cloud"),
        ],
        r#"{"Response": {"Error": {"Code": "AuthFailure.SignatureFailure", "Message": "The provided credentials could not be validated. Please ensure your signature is correct."}, "RequestId": "ed93f3cb-f35e-473f-b9f3-0d451b8b79c6"}}"#,
    ),
];

fn check_explain(check: &mut Check) {
    for (slug, status, headers, body) in RESPONSES {
        let family: Family = slug.parse().expect("a family");
        let vendor = family.vendor();
        let explain = || {
            Response::new(body.as_bytes())
                .with_status(status)
                .with_headers(headers)
                .explain()
        };
        let outcome = check.no_alloc(format_args!("explain {slug}"), explain);
        let ok = matches!(&outcome, Ok(Outcome::Error(e)) if e.family() == family && e.entry().is_some());
        check.expect(ok, format_args!("explain {slug}: {outcome:?}"));
        // The parameters of a message template are read without allocating.
        if let Ok(Outcome::Error(e)) = &outcome {
            let count = check.no_alloc(format_args!("{slug}: Details::parameters"), || {
                aliyun::apigateway::Details::of(e).map(|d| d.parameters().count())
            });
            check.expect(
                count.is_none_or(|n| n <= 1),
                format_args!("{slug}: Details::parameters: {count:?}"),
            );
        }
        let outcome = check.no_alloc(format_args!("explain {slug} with the vendor"), || {
            Response::new(body.as_bytes())
                .with_vendor(vendor)
                .with_status(status)
                .with_headers(headers)
                .explain()
        });
        check.expect(
            matches!(&outcome, Ok(Outcome::Error(e)) if e.family() == family),
            format_args!("explain {slug} with the vendor"),
        );
        let outcome = check.no_alloc(format_args!("explain {slug} with the family"), || {
            Response::new(body.as_bytes())
                .with_family(family)
                .with_status(status)
                .with_headers(headers)
                .explain()
        });
        check.expect(
            matches!(&outcome, Ok(Outcome::Error(e)) if e.family() == family && e.entry().is_some()),
            format_args!("explain {slug} with the family: {outcome:?}"),
        );
    }
    // Cloudbypass's balance API, under the vendor's name: no code, the detail kept, borrowed.
    let body = br#"{"detail": "example detail: invalid apikey"}"#;
    let outcome = check.no_alloc("explain cloudbypass/balance with the vendor", || {
        Response::new(body)
            .with_vendor(errcat::Vendor::Cloudbypass)
            .with_status(401)
            .explain()
    });
    check.expect(
        matches!(&outcome, Ok(Outcome::Error(e)) if e.family() == Family::CloudbypassBalance
            && e.received_message() == Some("example detail: invalid apikey")),
        format_args!("explain cloudbypass/balance with the vendor: {outcome:?}"),
    );
}

/// Before any product's entries are built: the lookups, the codes and their texts read the
/// rows and build nothing.
#[cfg(feature = "tencent-cloud-products")]
fn check_product_rows(check: &mut Check) {
    use errcat::tencent_cloud::products::{self, Product};
    for product in products::products() {
        let name = product.name();
        let codes: Vec<_> = product.codes().collect();
        for code in codes {
            let wire = check.no_alloc(format_args!("{name}: ProductCode::as_str"), || {
                code.as_str()
            });
            let (by_product, by_name, across, texts) =
                check.no_alloc(format_args!("products {name}/{wire}, rows only"), || {
                    (
                        product.lookup(wire),
                        products::lookup(name, wire),
                        products::by_code(wire),
                        (code.zh(), code.en(), code.english(), code.root()),
                    )
                });
            // The display English is the vendor's text where there is one, else the code's
            // name; every code of the pinned SDKs has a root.
            let (_, en, english, root) = texts;
            let english_ok = match (en, english) {
                (Some(en), products::English::Vendor(text)) => text == en,
                (None, products::English::FromCodeName(c)) => c == wire,
                _ => false,
            };
            check.expect(
                by_product == Some(code)
                    && by_name == Some(code)
                    && across.contains(&code)
                    && english_ok
                    && root.is_some()
                    && Product::from_name(name) == Some(product),
                format_args!("products {name}/{wire}, rows only"),
            );
        }
    }
}

/// Builds every product's entries, as the first use of one does: one allocation per product,
/// then none.
#[cfg(feature = "tencent-cloud-products")]
fn build_products(check: &mut Check) {
    use errcat::tencent_cloud::products;
    for product in products::products() {
        let (entries, allocations) = count(|| product.entries().len());
        check.calls += 1;
        check.expect(
            allocations == 1 && entries > 0,
            format_args!("{product}: entries built in {allocations} allocation(s)"),
        );
        check.no_alloc(format_args!("{product}: entries, built"), || {
            product.entries().len()
        });
    }
}

/// The Tencent Cloud product codes: every entry by (product, code), by product name, across
/// products, the walk with a product hint, and `explain` with one.
#[cfg(feature = "tencent-cloud-products")]
fn check_products(check: &mut Check) {
    use errcat::tencent_cloud::products::{self, Product};
    for product in products::products() {
        let name = product.name();
        let found = check.no_alloc(format_args!("Product::from_name({name:?})"), || {
            Product::from_name(name)
        });
        check.expect(
            found == Some(product),
            format_args!("Product::from_name({name:?})"),
        );
        for entry in product.entries() {
            let code = entry.code();
            let (by_product, by_name, across, walked) =
                check.no_alloc(format_args!("products {name}/{code}"), || {
                    (
                        product.lookup(code),
                        products::lookup(name, code),
                        products::by_code(code),
                        products::resolve(code, Some(product)).is_resolved(),
                    )
                });
            let ok = by_product.is_some_and(|c| std::ptr::eq(c.entry(), entry))
                && by_name == by_product
                && across.iter().any(|c| std::ptr::eq(c.entry(), entry))
                && walked;
            check.expect(ok, format_args!("products {name}/{code}"));
        }
    }
    let body = br#"{"Response": {"Error": {"Code": "InvalidParameterValue.InstanceTypeNotFound", "Message": "m"}, "RequestId": "r-1"}}"#;
    let outcome = check.no_alloc("explain with a product hint", || {
        Response::new(body).with_product("cvm").explain()
    });
    check.expect(
        matches!(&outcome, Ok(Outcome::Error(e)) if e.entry().is_some_and(|e| e.family() == Family::TencentCloudProducts)),
        "explain with a product hint",
    );
}

#[test]
fn lookups_and_explain_do_not_allocate() {
    let mut check = Check::default();
    // The counter works: a `Box` is one allocation. Without this, every zero below could mean
    // that the allocator is not installed.
    let ((), boxed) = count(|| drop(std::hint::black_box(Box::new(1_u64))));
    assert_eq!(boxed, 1, "the counting allocator is not installed");

    #[cfg(feature = "tencent-cloud-products")]
    check_product_rows(&mut check);
    #[cfg(feature = "tencent-cloud-products")]
    build_products(&mut check);
    check_tables(&mut check);
    check_catalog(&mut check);
    check_statuses(&mut check);
    check_headers(&mut check);
    check_vendor_helpers(&mut check);
    check_explain(&mut check);
    #[cfg(feature = "tencent-cloud-products")]
    check_products(&mut check);

    assert!(check.calls > 5_000, "only {} calls checked", check.calls);
    assert!(
        check.failures.is_empty(),
        "{} of {} calls failed:\n{}",
        check.failures.len(),
        check.calls,
        check.failures.join("\n")
    );
}

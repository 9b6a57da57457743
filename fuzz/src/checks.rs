//! The invariants the fuzz targets check, beyond "did not panic".
//!
//! Shared, without a copy, by the fuzz targets (`fuzz/fuzz_targets/*.rs`, through the
//! `errcat-fuzz` library) and by `tests/fuzz_corpus.rs`, which compiles this file as a module and
//! replays `fuzz/corpus/` on stable. A check panics with the input when an invariant fails.
//!
//! # Input formats
//!
//! Every byte string is an input of every target; text is read as UTF-8, invalid bytes becoming
//! U+FFFD, so that the fuzzer never wastes an input.
//!
//! - `lookup_code`: the first byte picks the family, `'0'` onward in [`Family::ALL`] order (any
//!   byte `b` picks `(b - '0')` modulo the number of families); the rest is the code.
//! - `lookup_header`: the header name up to the first `\n`, then the value.
//! - `lookup_message`: the whole input is the message.
//! - `explain`: an HTTP-like text, see [`ExplainInput::decode`].

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use errcat::response::{Basis, MAX_BODY, Problem};
use errcat::{
    AnyCode, ApiError, ErrorKind, Family, HeaderRole, Outcome, ParseError, Response, UnknownCode,
    Vendor, catalog,
};
use errcat::{aliyun, cloudbypass, tencent_cloud, upyun};

// The literal expectations the tests share (`tests/support/expected.rs`).
#[allow(dead_code)]
#[path = "../../tests/support/expected.rs"]
mod expected;
use expected::{
    DETAIL_SEPARATORS, FAMILY_ALIASES, VENDOR_ALIASES, fills, header_carries, message_key,
};

// The check of a parsed error the property tests share (`tests/support/parsed_error.rs`).
#[path = "../../tests/support/parsed_error.rs"]
mod parsed_error;
use parsed_error::{check_parsed_error, json_is};

/// A fuzz target's check of one raw input.
pub type Check = fn(&[u8]);

/// Every fuzz target by name (the name of its `fuzz/corpus/` directory) and its check.
pub const TARGETS: [(&str, Check); 4] = [
    ("lookup_code", lookup_code),
    ("lookup_header", lookup_header),
    ("lookup_message", lookup_message),
    ("explain", explain),
];

// ---------------------------------------------------------------------------------------------
// lookup_code

/// `lookup_code`: [`catalog::lookup`], [`catalog::lookup_in`], [`catalog::by_code`] and every
/// table's `from_code`, `FromStr` and `TryFrom<&str>` agree, and whatever they find is spelled
/// like the input; [`catalog::resolve`] finds the code itself first, else only what its walk
/// allows.
pub fn lookup_code(data: &[u8]) {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let family = Family::ALL[usize::from(first.wrapping_sub(b'0')) % Family::ALL.len()];
    check_code(family, &String::from_utf8_lossy(rest));
}

fn check_code(family: Family, code: &str) {
    let found = catalog::by_code(code);
    for (i, &c) in found.iter().enumerate() {
        assert!(
            spells(c, code),
            "by_code({code:?}) found {c:?}, spelled otherwise"
        );
        assert!(
            !found[..i].contains(&c),
            "by_code({code:?}) lists {c:?} twice"
        );
        assert!(
            catalog::all().contains(&c),
            "by_code({code:?}): {c:?} not in all()"
        );
        assert_eq!(
            catalog::lookup_in(c.family(), code).ok().flatten(),
            Some(c),
            "lookup_in vs by_code({code:?})"
        );
        assert_eq!(
            catalog::lookup(c.vendor(), code).map(|l| l.map(|c| c.vendor())),
            Ok(Some(c.vendor())),
            "lookup vs by_code({code:?})"
        );
        assert!(
            catalog::by_code(c.as_str()).contains(&c),
            "{c:?} does not round-trip"
        );
        assert_eq!(c.to_string(), c.as_str());
        assert_eq!(c.entry().any_code(), c);
    }
    check_lookups(family, code, found);
    check_tables(code, found);
    check_resolution(family, code);
    check_code_helpers(family, code);
}

/// [`catalog::lookup_in`] of `family` and [`catalog::lookup`] of its vendor agree with
/// [`catalog::by_code`]; the vendor's lookup is the first of its families that has the code.
fn check_lookups(family: Family, code: &str, found: &[AnyCode]) {
    let vendor = family.vendor();
    match catalog::lookup_in(family, code) {
        Ok(Some(c)) => {
            assert_eq!(
                c.family(),
                family,
                "lookup_in({family}, {code:?}) found {c:?}"
            );
            assert!(
                found.contains(&c),
                "lookup_in({family}, {code:?}) not in by_code"
            );
        }
        Ok(None) => assert!(
            found.iter().all(|c| c.family() != family),
            "lookup_in({family}, {code:?}) missed a code by_code finds"
        ),
        Err(disabled) => {
            assert!(
                !family.is_enabled(),
                "lookup_in({family}, {code:?}): {disabled}"
            );
            assert!(found.iter().all(|c| c.family() != family));
        }
    }
    // A vendor's lookup: the first of its families that has the code; else, when one of its
    // families that could have it is disabled, the first such family; else none.
    let first = vendor
        .families()
        .iter()
        .find_map(|&f| catalog::lookup_in(f, code).ok().flatten());
    let first_disabled = vendor
        .families()
        .iter()
        .filter(|f| f.could_have(code) && **f != Family::TencentCloudProducts)
        .find_map(|&f| catalog::lookup_in(f, code).err());
    let looked_up = catalog::lookup(vendor, code);
    let expected = match (first, first_disabled) {
        (Some(c), _) => Ok(Some(c)),
        (None, Some(disabled)) => Err(disabled),
        (None, None) => Ok(None),
    };
    assert_eq!(
        looked_up, expected,
        "lookup({vendor}, {code:?}) vs its families' lookup_in"
    );
    if let Ok(Some(c)) = looked_up {
        assert_eq!(c.vendor(), vendor, "lookup({vendor}, {code:?}) found {c:?}");
        assert!(
            found.contains(&c),
            "lookup({vendor}, {code:?}) not in by_code"
        );
    } else {
        assert!(
            found.iter().all(|c| c.vendor() != vendor),
            "lookup({vendor}, {code:?}) missed a code by_code finds"
        );
    }
}

/// Every table's own lookups agree with `by_code`.
fn check_tables(code: &str, found: &[AnyCode]) {
    check_table(
        code,
        found,
        cloudbypass::api::Code::from_code,
        cloudbypass::api::Code::as_str,
        |c| match c {
            AnyCode::CloudbypassApi(t) => Some(t),
            _ => None,
        },
    );
    check_table(
        code,
        found,
        tencent_cloud::cdn::Code::from_code,
        tencent_cloud::cdn::Code::as_str,
        |c| match c {
            AnyCode::TencentCdn(t) => Some(t),
            _ => None,
        },
    );
    check_table(
        code,
        found,
        tencent_cloud::cdn::ModuleCode::from_code,
        tencent_cloud::cdn::ModuleCode::as_str,
        |c| match c {
            AnyCode::TencentCdnModule(t) => Some(t),
            _ => None,
        },
    );
    check_table(
        code,
        found,
        aliyun::apigateway::Code::from_code,
        aliyun::apigateway::Code::as_str,
        |c| match c {
            AnyCode::AliyunApiGateway(t) => Some(t),
            _ => None,
        },
    );
    check_table(
        code,
        found,
        upyun::management::Code::from_code,
        upyun::management::Code::as_str,
        |c| match c {
            AnyCode::UpyunManagement(t) => Some(t),
            _ => None,
        },
    );
    check_table(
        code,
        found,
        tencent_cloud::common::Code::from_code,
        tencent_cloud::common::Code::as_str,
        |c| match c {
            AnyCode::TencentCloudCommon(t) => Some(t),
            _ => None,
        },
    );
}

/// Whether `code` is the wire code or an alias of `c`.
fn spells(c: AnyCode, code: &str) -> bool {
    spellings(c).any(|s| s == code)
}

/// The wire code and the aliases of `c`.
fn spellings(c: AnyCode) -> impl Iterator<Item = &'static str> {
    std::iter::once(c.as_str()).chain(c.entry().aliases().iter().copied())
}

/// Whether `code` is a spelling of `c` followed by appended detail: white space, then one of the
/// separators (`Invalid Url: /v2/x`).
fn with_appended_detail(c: AnyCode, code: &str) -> bool {
    spellings(c).any(|s| {
        code.strip_prefix(s).is_some_and(|rest| {
            rest.trim_start_matches(|ch: char| ch.is_whitespace() && ch != '\n')
                .starts_with(DETAIL_SEPARATORS)
        })
    })
}

/// Whether `ancestor` is a dotted ancestor of `code`: `A` or `A.B` of `A.B.C`.
fn is_dotted_ancestor(ancestor: &str, code: &str) -> bool {
    code.strip_prefix(ancestor)
        .is_some_and(|sub| sub.starts_with('.'))
}

/// Whether `code` is the dotted ancestor of `raw` that `c` spells.
fn spells_ancestor(c: AnyCode, raw: &str) -> bool {
    spellings(c).any(|s| is_dotted_ancestor(s, raw))
}

/// [`catalog::resolve`] of `code` in `family`: the exact code or alias first; otherwise only
/// what the walk's steps allow (a template, appended detail for Alibaba Cloud API Gateway, the
/// nearest classified or listed dotted ancestor for Tencent Cloud API 3.0, the hundred for
/// Tencent CDN), each of the family; and `resolve_all` keeps exactly the families that find
/// something.
fn check_resolution(family: Family, code: &str) {
    let r = match catalog::resolve(family, code) {
        Ok(r) => r,
        Err(disabled) => {
            assert!(
                !family.is_enabled(),
                "resolve({family}, {code:?}): {disabled}"
            );
            return;
        }
    };
    let what = format!("resolve({family}, {code:?}) = {r:?}");
    assert_eq!(ApiError::family(&r), family, "{what}");
    assert_eq!(r.raw_code(), code, "{what}");
    assert_eq!(ApiError::code(&r), code, "{what}");
    let exact = catalog::lookup_in(family, code).ok().flatten();
    if let Some(c) = exact {
        assert_eq!(
            (r.basis(), r.typed_code(), r.parameter()),
            (Basis::Exact, Some(c), None),
            "{what}: the exact code first"
        );
    }
    let entry = ApiError::entry(&r);
    if let Some(entry) = entry {
        assert_eq!(entry.family(), family, "{what}: an entry of another family");
    }
    check_basis(&r, exact, &what);
    assert_eq!(
        r.is_resolved(),
        entry.is_some() || r.classification().is_some(),
        "{what}"
    );
    if let (None, Some(entry)) = (r.classification(), entry) {
        assert_eq!(
            (r.kind(), r.is_retryable()),
            (entry.kind(), entry.is_retryable()),
            "{what}"
        );
    }
    // A classification of the raw code itself applies when the code is not listed.
    if let (None, Ok(Some(rule))) = (exact, family.classification(code)) {
        assert_eq!(
            r.classification(),
            Some(rule),
            "{what}: its own classification"
        );
    }

    for vendor in [None, Some(family.vendor())] {
        let all: Vec<Family> = catalog::resolve_all(vendor, code)
            .map(|r| ApiError::family(&r))
            .collect();
        // Every family with tables (the products are walked with the common family).
        let expected: Vec<Family> = Family::ALL
            .into_iter()
            .filter(|&f| f != Family::TencentCloudProducts)
            .filter(|f| vendor.is_none_or(|v| f.vendor() == v))
            .filter(|&f| catalog::resolve(f, code).is_ok_and(|r| r.is_resolved()))
            .collect();
        assert_eq!(all, expected, "resolve_all({vendor:?}, {code:?})");
    }
}

/// What each basis of a resolution allows; `exact` is the code's own `lookup_in`.
fn check_basis(r: &errcat::Resolution<'_>, exact: Option<AnyCode>, what: &str) {
    let family = ApiError::family(r);
    let code = r.raw_code();
    let entry = ApiError::entry(r);
    match r.basis() {
        Basis::Exact => {
            let c = r.typed_code();
            assert!(c.is_some(), "{what}: exact without a code");
            let Some(c) = c else { return };
            assert_eq!(c.family(), family, "{what}");
            assert_eq!(entry, Some(c.entry()), "{what}");
            assert_eq!((r.classification(), r.via()), (None, None), "{what}");
            match r.parameter() {
                Some(parameter) => {
                    assert_eq!(exact, None, "{what}");
                    check_template(code, c, parameter);
                }
                None => assert!(
                    exact == Some(c)
                        || (family == Family::AliyunApiGateway && with_appended_detail(c, code)),
                    "{what}: neither the code nor the code with detail appended"
                ),
            }
        }
        Basis::Family => {
            assert_eq!((r.typed_code(), exact), (None, None), "{what}");
            assert_eq!(r.classification(), None, "{what}");
            let Some(entry) = entry else {
                panic!("{what}: a family without an entry");
            };
            assert_eq!(r.via(), Some(entry.code()), "{what}");
            let ancestor =
                family == Family::TencentCloudCommon && spells_ancestor(entry.any_code(), code);
            let hundred = family == Family::TencentCdn
                && code
                    .parse::<u32>()
                    .is_ok_and(|n| entry.code().parse::<u32>() == Ok(n / 100 * 100));
            assert!(
                ancestor || hundred,
                "{what}: not a dotted ancestor nor the hundred"
            );
        }
        Basis::Classification => {
            assert_eq!((r.typed_code(), exact), (None, None), "{what}");
            let Some(rule) = r.classification() else {
                panic!("{what}: classified without a classification");
            };
            assert_eq!(rule.family(), family, "{what}");
            assert!(
                rule.code() == code || is_dotted_ancestor(rule.code(), code),
                "{what}: the classification is not of the code or an ancestor"
            );
            assert_eq!(family.classification(rule.code()), Ok(Some(rule)), "{what}");
            if let Some(entry) = entry {
                assert!(
                    spells_ancestor(entry.any_code(), rule.code()),
                    "{what}: the entry is not an ancestor of the classification"
                );
            }
            assert_eq!(r.via(), entry.map(errcat::Entry::code), "{what}");
            assert_eq!(
                (r.kind(), r.is_retryable()),
                (rule.kind(), rule.is_retryable()),
                "{what}"
            );
        }
        other => {
            assert_eq!(other, Basis::None, "{what}");
            assert_eq!(r.typed_code(), None, "{what}");
            assert_eq!(entry, None, "{what}");
            assert_eq!(r.classification(), None, "{what}");
            assert_eq!(r.kind(), ErrorKind::Unknown, "{what}");
        }
    }
}

/// One table's `from_code`, `FromStr`, `TryFrom`, `Display` and serde agree with each other and
/// with `by_code`; a code found round-trips through `as_str`.
fn check_table<T>(
    code: &str,
    by_code: &[AnyCode],
    from_code: fn(&str) -> Option<T>,
    as_str: fn(T) -> &'static str,
    of_table: fn(AnyCode) -> Option<T>,
) where
    T: Copy
        + Eq
        + fmt::Debug
        + fmt::Display
        + Into<AnyCode>
        + FromStr<Err = UnknownCode>
        + for<'s> TryFrom<&'s str, Error = UnknownCode>
        + serde::Serialize
        + serde::de::DeserializeOwned,
{
    let found = from_code(code);
    assert_eq!(
        found,
        code.parse::<T>().ok(),
        "from_code vs FromStr on {code:?}"
    );
    assert_eq!(
        found,
        T::try_from(code).ok(),
        "from_code vs TryFrom on {code:?}"
    );
    assert_eq!(
        found,
        by_code.iter().find_map(|&c| of_table(c)),
        "from_code vs by_code on {code:?}"
    );
    let Some(t) = found else { return };
    let any: AnyCode = t.into();
    assert!(
        spells(any, code),
        "from_code({code:?}) found {t:?}, spelled otherwise"
    );
    assert_eq!(as_str(t), any.as_str());
    assert_eq!(
        from_code(as_str(t)),
        Some(t),
        "{t:?} does not round-trip through as_str"
    );
    assert_eq!(
        as_str(t).parse::<T>(),
        Ok(t),
        "{t:?} does not round-trip through FromStr"
    );
    assert_eq!(t.to_string(), as_str(t));
    let json = serde_json::to_string(&t).unwrap_or_default();
    assert_eq!(
        serde_json::from_str::<T>(&json).ok(),
        Some(t),
        "{t:?} through serde: {json}"
    );
}

/// The other string lookups of a code: Tencent Cloud API 3.0 resolution, Upyun structure, Tencent
/// CDN module codes in messages, classifications, vendor, family and kind names.
fn check_code_helpers(family: Family, code: &str) {
    check_tencent_cloud_common_resolve(code);

    if let Some(s) = upyun::management::Structure::parse(code) {
        let b = code.as_bytes();
        assert!(
            b.len() == 5 && b.iter().all(u8::is_ascii_digit),
            "Structure::parse({code:?})"
        );
        let level = match b[0] {
            b'1' => upyun::management::Level::System,
            _ => upyun::management::Level::Module,
        };
        assert_eq!(s.level(), level, "Structure::parse({code:?})");
        assert_eq!(
            s.module(),
            (b[1] - b'0') * 10 + (b[2] - b'0'),
            "Structure::parse({code:?})"
        );
        assert_eq!(
            s.error(),
            (b[3] - b'0') * 10 + (b[4] - b'0'),
            "Structure::parse({code:?})"
        );
    }
    if let Some(c) = upyun::management::Code::from_code(code) {
        let s = c.structure();
        assert_eq!(
            upyun::management::Structure::parse(c.as_str()),
            Some(s),
            "{c:?}.structure()"
        );
    }

    if let Some((module, text)) = tencent_cloud::cdn::split_message(code) {
        assert!(
            code.contains(module),
            "split_message({code:?}) module {module:?}"
        );
        assert!(
            code.ends_with(text),
            "split_message({code:?}) text {text:?}"
        );
        let digits = module.strip_prefix('-').unwrap_or(module);
        assert!(
            !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()),
            "split_message({code:?}) module {module:?}"
        );
    }

    match family.classification(code) {
        Ok(Some(rule)) => {
            assert_eq!(rule.code(), code, "classification({family}, {code:?})");
            assert_eq!(rule.family(), family, "classification({family}, {code:?})");
            assert_eq!(
                rule.vendor(),
                family.vendor(),
                "classification({family}, {code:?})"
            );
        }
        Ok(None) => {}
        Err(_) => assert!(!family.is_enabled(), "classification({family}, {code:?})"),
    }

    check_names(code);
}

/// `tencent_cloud::common::Code::resolve`: the catalog's walk in Tencent Cloud API 3.0, seen
/// through the common table; an ancestor it names is a dotted ancestor.
fn check_tencent_cloud_common_resolve(code: &str) {
    use tencent_cloud::common::{Code, Resolved};

    let walk = catalog::resolve(Family::TencentCloudCommon, code).ok();
    let resolved = Code::resolve(code);
    match resolved {
        Some(Resolved::Exact(c)) => {
            assert_eq!(Code::from_code(code), Some(c), "resolve({code:?})");
        }
        Some(Resolved::Parent(c)) => {
            assert_eq!(Code::from_code(code), None, "resolve({code:?})");
            assert!(
                spells_ancestor(AnyCode::from(c), code),
                "resolve({code:?}) gave {c:?}, not an ancestor"
            );
        }
        Some(Resolved::Classified(rule, parent)) => {
            assert_eq!(Code::from_code(code), None, "resolve({code:?})");
            assert_eq!(
                rule.family(),
                Family::TencentCloudCommon,
                "resolve({code:?})"
            );
            assert!(
                rule.code() == code || is_dotted_ancestor(rule.code(), code),
                "resolve({code:?}) gave {rule:?}, not of the code or an ancestor"
            );
            if let Some(c) = parent {
                assert!(
                    spells_ancestor(AnyCode::from(c), rule.code()),
                    "resolve({code:?}) gave {c:?}, not an ancestor of {rule:?}"
                );
            }
        }
        Some(_) => {}
        None => assert_eq!(Code::from_code(code), None, "resolve({code:?})"),
    }
    // `Code::resolve` is the catalog's walk, seen through the common table.
    if let Some(r) = walk {
        let code_of = |r: &errcat::Resolution<'_>| {
            ApiError::entry(r).and_then(|e| match e.any_code() {
                AnyCode::TencentCloudCommon(c) => Some(c),
                _ => None,
            })
        };
        let expected = match r.basis() {
            Basis::Exact => code_of(&r).map(Resolved::Exact),
            Basis::Family => code_of(&r).map(Resolved::Parent),
            Basis::Classification => r
                .classification()
                .map(|rule| Resolved::Classified(rule, code_of(&r))),
            _ => None,
        };
        assert_eq!(
            resolved, expected,
            "Code::resolve vs catalog::resolve of {code:?}"
        );
    }
}

/// Vendor and family slugs and aliases parse, ignoring ASCII case, and nothing else does; kind
/// names parse exactly.
fn check_names(code: &str) {
    if let Ok(k) = code.parse::<ErrorKind>() {
        assert_eq!(k.as_str(), code);
    }
    let vendor = Vendor::ALL
        .into_iter()
        .find(|v| v.slug().eq_ignore_ascii_case(code))
        .or_else(|| {
            VENDOR_ALIASES
                .iter()
                .find(|(alias, _)| alias.eq_ignore_ascii_case(code))
                .map(|&(_, v)| v)
        });
    assert_eq!(code.parse::<Vendor>().ok(), vendor, "{code:?} as a vendor");
    if let Some(v) = vendor {
        assert_eq!(v.slug().parse::<Vendor>().ok(), Some(v));
        assert_eq!(v.to_string(), v.slug());
    }
    let named = Family::ALL
        .into_iter()
        .find(|f| f.slug().eq_ignore_ascii_case(code))
        .or_else(|| {
            FAMILY_ALIASES
                .iter()
                .find(|(alias, _)| alias.eq_ignore_ascii_case(code))
                .map(|&(_, f)| f)
        });
    assert_eq!(code.parse::<Family>().ok(), named, "{code:?} as a family");
    if let Some(f) = named {
        assert_eq!(f.slug().parse::<Family>().ok(), Some(f));
        assert_eq!(f.to_string(), f.slug());
        assert!(f.vendor().families().contains(&f));
    }
}

// ---------------------------------------------------------------------------------------------
// lookup_header

/// `lookup_header`: [`catalog::header`], [`catalog::by_header`] and [`catalog::template`] find
/// only what the name and value say: names equal ignoring ASCII case, codes of the header's
/// family found by its resolution walk (the code itself, a filled-in template, or the code with
/// detail appended), template parameters that are the rest of the value.
pub fn lookup_header(data: &[u8]) {
    let (name, value) = match data.iter().position(|&b| b == b'\n') {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (data, &[][..]),
    };
    check_header(
        &String::from_utf8_lossy(name),
        &String::from_utf8_lossy(value),
    );
}

fn check_header(name: &str, value: &str) {
    let header = catalog::header(name);
    let documented = Family::ALL
        .into_iter()
        .flat_map(Family::headers)
        .find(|h| h.name().eq_ignore_ascii_case(name));
    assert_eq!(header, documented, "header({name:?}) vs Family::headers()");
    let of_vendors = Vendor::ALL
        .into_iter()
        .flat_map(Vendor::headers)
        .find(|h| h.name().eq_ignore_ascii_case(name));
    assert_eq!(header, of_vendors, "header({name:?}) vs Vendor::headers()");
    if let Some(h) = header {
        assert!(
            h.name().eq_ignore_ascii_case(name),
            "header({name:?}) found {h:?}"
        );
        assert_eq!(h.vendor(), h.family().vendor(), "{h:?}");
    }
    let carries_code = header.is_some_and(|h| {
        matches!(
            h.carries(),
            HeaderRole::ErrorCode | HeaderRole::ErrorMessage
        )
    });

    match catalog::by_header(name, value) {
        Some(m) => {
            let h = m.header();
            assert_eq!(header, Some(h), "by_header({name:?}, {value:?}) vs header");
            assert!(
                carries_code,
                "by_header({name:?}, {value:?}): {h:?} carries no code"
            );
            let code = m.code();
            let family = h.family();
            assert_eq!(code.family(), family, "by_header({name:?}, {value:?})");
            assert!(
                header_carries(h, code),
                "by_header({name:?}, {value:?}): {code:?} is not of the header's table"
            );
            // The family's one resolution walk found it, as `explain` would.
            let r = catalog::resolve(family, value).ok();
            assert_eq!(
                r.map(|r| (r.basis(), r.typed_code(), r.parameter())),
                Some((Basis::Exact, Some(code), m.parameter())),
                "by_header({name:?}, {value:?}) vs resolve"
            );
            let exact = catalog::lookup_in(family, value).ok().flatten();
            match m.parameter() {
                None => assert!(
                    exact == Some(code) || with_appended_detail(code, value),
                    "by_header({name:?}, {value:?}) found {code:?}: neither the code nor the \
                     code with detail appended"
                ),
                Some(parameter) => {
                    assert_eq!(exact, None, "exact code first");
                    check_template(value, code, parameter);
                }
            }
        }
        None => {
            // A header that carries a code finds every documented code of its table.
            if let Some(h) = header.filter(|_| carries_code) {
                let r = catalog::resolve(h.family(), value).ok();
                let carried = |c: &AnyCode| header_carries(h, *c);
                assert_eq!(
                    r.and_then(|r| r.typed_code()).filter(carried),
                    None,
                    "by_header({name:?}, {value:?}) missed what resolve finds"
                );
                assert_eq!(
                    catalog::lookup_in(h.family(), value)
                        .ok()
                        .flatten()
                        .filter(carried),
                    None,
                    "by_header({name:?}, {value:?}) missed a documented code"
                );
            }
        }
    }
    for text in [value, name] {
        if let Some((code, parameter)) = catalog::template(text) {
            check_template(text, code, parameter);
        }
    }
}

/// `value` is the text of template `code` before `%s`, followed by `parameter`.
fn check_template(value: &str, code: AnyCode, parameter: &str) {
    let prefix = value.strip_suffix(parameter);
    assert!(
        prefix.is_some(),
        "parameter {parameter:?} is not a suffix of {value:?}"
    );
    let template = code.as_str();
    let before = template.find("%s").map(|i| &template[..i]);
    assert!(
        before.is_some(),
        "template({value:?}) found {code:?}, not a template"
    );
    assert_eq!(prefix, before, "template({value:?}) found {code:?}");
}

// ---------------------------------------------------------------------------------------------
// lookup_message

/// `lookup_message`: every code [`catalog::by_message`] finds has a message (Chinese, English or
/// a documented misspelling) with the input's normal form, or a message template (`invalid
/// ip:...`) the input fills in, and is found by its own message.
pub fn lookup_message(data: &[u8]) {
    check_message(&String::from_utf8_lossy(data));
}

fn check_message(text: &str) {
    let key = message_key(text);
    let found = catalog::by_message(text);
    for (i, &c) in found.iter().enumerate() {
        assert!(
            !found[..i].contains(&c),
            "by_message({text:?}) lists {c:?} twice"
        );
        let entry = c.entry();
        let message = entry.message();
        let texts = [message.zh, message.en];
        let own = texts
            .iter()
            .chain(entry.message_aliases())
            .find(|t| message_key(t) == key || fills(t, key));
        assert!(
            own.is_some(),
            "by_message({text:?}) found {c:?}, whose messages are {message:?}"
        );
        if let Some(own) = own {
            assert!(
                catalog::by_message(own).contains(&c),
                "{c:?} not found by {own:?}"
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------
// explain

/// The input of the `explain` target: what a caller of [`Response::explain`] holds.
#[derive(Clone, PartialEq, Eq)]
pub struct ExplainInput {
    /// The hint: the wire family, or the vendor, the caller called.
    pub hint: Option<Hint>,
    /// The HTTP status.
    pub status: Option<u16>,
    /// The headers, in order: names as text, values as bytes.
    pub headers: Vec<(String, Vec<u8>)>,
    /// The body.
    pub body: Vec<u8>,
}

/// What the caller says it called.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hint {
    /// [`Response::with_family`]: detection is skipped.
    Family(Family),
    /// [`Response::with_vendor`]: only the vendor's families are detected, its first by default.
    Vendor(Vendor),
}

impl ExplainInput {
    /// The response this input describes, ready to explain.
    pub fn response(&self) -> Response<'_, impl Iterator<Item = (&str, &[u8])> + '_> {
        let response = Response::new(&self.body)
            .with_headers(
                self.headers
                    .iter()
                    .map(|(name, value)| (name.as_str(), value.as_slice())),
            )
            .with_status(self.status);
        match self.hint {
            Some(Hint::Family(family)) => response.with_family(family),
            Some(Hint::Vendor(vendor)) => response.with_vendor(vendor),
            None => response,
        }
    }

    /// The same response, with `family` as the hint instead.
    fn with_family(&self, family: Family) -> Self {
        Self {
            hint: Some(Hint::Family(family)),
            ..self.clone()
        }
    }
}

impl ExplainInput {
    /// Decodes any bytes, HTTP-style:
    ///
    /// ```text
    /// 4 403          first line: the hint, '0' to '@' (the digits, then ':' to '@') a family
    ///                in Family::ALL order, 'a' to 'd' a vendor in Vendor::ALL order (anything
    ///                else: none), then the status (anything that is not a u16: none)
    /// Name: value    headers, up to an empty line; one space after the colon is skipped
    ///  more value    a line starting with a space or tab continues the value after a '\n'
    ///                the empty line
    /// {"body": 1}    the rest: the body, as bytes
    /// ```
    #[must_use]
    pub fn decode(data: &[u8]) -> Self {
        let (control, mut rest) = split_line(data);
        let hint = control.first().and_then(|&b| match b {
            b'0'..=b'@' => Family::ALL
                .get(usize::from(b - b'0'))
                .copied()
                .map(Hint::Family),
            b'a'..=b'z' => Vendor::ALL
                .get(usize::from(b - b'a'))
                .copied()
                .map(Hint::Vendor),
            _ => None,
        });
        let status = std::str::from_utf8(control.get(1..).unwrap_or_default())
            .ok()
            .and_then(|s| s.trim().parse().ok());
        let mut headers: Vec<(String, Vec<u8>)> = Vec::new();
        let mut body = Vec::new();
        while let Some(text) = rest {
            let (line, next) = split_line(text);
            rest = next;
            match (line.first(), headers.last_mut()) {
                (None, _) => {
                    body = next.unwrap_or_default().to_vec();
                    break;
                }
                (Some(b' ' | b'\t'), Some((_, value))) => {
                    value.push(b'\n');
                    value.extend_from_slice(&line[1..]);
                }
                _ => {
                    let (name, value) = match line.iter().position(|&b| b == b':') {
                        Some(i) => (&line[..i], &line[i + 1..]),
                        None => (line, &[][..]),
                    };
                    let value = value.strip_prefix(b" ").unwrap_or(value);
                    headers.push((String::from_utf8_lossy(name).into_owned(), value.to_vec()));
                }
            }
        }
        Self {
            hint,
            status,
            headers,
            body,
        }
    }
}

/// The bytes up to the first `\n`, and what follows it if there is one.
fn split_line(data: &[u8]) -> (&[u8], Option<&[u8]>) {
    match data.iter().position(|&b| b == b'\n') {
        Some(i) => (&data[..i], Some(&data[i + 1..])),
        None => (data, None),
    }
}

/// Readable in a crash report: bytes are shown escaped.
impl fmt::Debug for ExplainInput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let headers: Vec<String> = self
            .headers
            .iter()
            .map(|(name, value)| format!("{name:?}: \"{}\"", value.escape_ascii()))
            .collect();
        f.debug_struct("ExplainInput")
            .field("hint", &self.hint)
            .field("status", &self.status)
            .field("headers", &headers)
            .field("body", &format_args!("b\"{}\"", self.body.escape_ascii()))
            .finish()
    }
}

/// `explain`: decodes the input and checks it.
pub fn explain(data: &[u8]) {
    check_explain(&ExplainInput::decode(data));
}

/// Explains `input` and checks the outcome: no panic; a family hint is the family, a vendor hint
/// the vendor; explaining with the family found as the hint gives the same outcome; an error
/// outcome has a family, the status given, and a raw code, message, request id, request line,
/// module code and template parameter that each come from the input (a substring of the body, of
/// a header value, or of a JSON string in the body once unescaped); its typed code, entry and
/// classification are what the family's resolution walk finds for the raw code; the request id
/// of an Alibaba Cloud API Gateway response is its first `X-Ca-Request-Id`; an unrecognized
/// response carries no documented header and its kind is the status's; a body over `MAX_BODY` is
/// said (`Problem::BodyTooLarge`) and never an error on its own; every outcome displays,
/// serializes and detaches (`into_owned`) as its accessors say; the only `ParseError` is a JSON
/// error, for a body that starts with `{`, naming the family the body was read for, its source
/// `serde_json`'s error with the position.
///
/// # Panics
///
/// When an invariant does not hold, with the input.
pub fn check_explain(input: &ExplainInput) {
    match input.response().explain() {
        Ok(outcome) => check_outcome(input, &outcome),
        Err(err) => {
            let ParseError::Json { family, source } = &err else {
                panic!("{err:?}, not a JSON error, on {input:?}");
            };
            assert!(
                err.position().is_some(),
                "{err} without a position on {input:?}"
            );
            check_json_error(input, *family, source, &err);
        }
    }
}

/// A JSON error is for a body meant to be read: within the limit, starting with `{`, of no
/// family or of one that needs its body (not an Upyun success's). It names the family the body
/// was read for: the hinted one, one of the hinted vendor's, or one whose documented header the
/// response carries; else `JSON`. Its message does not repeat its source, `serde_json`'s error,
/// which says where.
fn check_json_error(
    input: &ExplainInput,
    family: Option<Family>,
    source: &serde_json::Error,
    err: &ParseError,
) {
    let message = err.to_string();
    let slug = family.map_or("JSON", Family::slug);
    assert_eq!(
        message,
        format!("invalid {slug} response body"),
        "{input:?}"
    );
    let cause = std::error::Error::source(err).map(ToString::to_string);
    assert_eq!(cause, Some(source.to_string()), "{message}: {input:?}");
    let at = format!(" at line {} column {}", source.line(), source.column());
    assert!(
        source.to_string().ends_with(&at),
        "{source} does not say where: {input:?}"
    );
    assert_eq!(
        err.position(),
        Some((source.line(), source.column())),
        "{input:?}"
    );
    let first = input.body.iter().find(|b| !b.is_ascii_whitespace());
    assert!(
        first == Some(&b'{') && input.body.len() <= MAX_BODY,
        "{message} of a body not meant to be read: {input:?}"
    );
    match family {
        Some(Family::CloudbypassApi | Family::AliyunApiGateway | Family::AliyunHigressHmacAuth) => {
            panic!("{message}: the family does not need its body: {input:?}")
        }
        Some(f) if f.vendor() == Vendor::Upyun => assert!(
            input.status.is_none_or(|s| s >= 400),
            "{message}: an Upyun success's body need not be JSON: {input:?}"
        ),
        _ => {}
    }
    match (input.hint, family) {
        (Some(Hint::Family(hint)), _) => assert_eq!(family, Some(hint), "{message}: {input:?}"),
        (Some(Hint::Vendor(hint)), _) => assert_eq!(
            family.map(Family::vendor),
            Some(hint),
            "{message}: {input:?}"
        ),
        (None, Some(family)) => assert!(
            family.headers().any(|h| input
                .headers
                .iter()
                .any(|(name, _)| name.eq_ignore_ascii_case(h.name()))),
            "{message}: no header of {family} in {input:?}"
        ),
        (None, None) => assert!(
            input
                .headers
                .iter()
                .all(|(name, _)| catalog::header(name).is_none()),
            "{message}: a documented header, yet read for no family: {input:?}"
        ),
    }
}

fn check_outcome(input: &ExplainInput, outcome: &Outcome<'_>) {
    match input.hint {
        Some(Hint::Family(family)) => assert_eq!(
            outcome.family(),
            Some(family),
            "the hint is the family: {input:?}"
        ),
        Some(Hint::Vendor(vendor)) => assert_eq!(
            outcome.vendor(),
            Some(vendor),
            "the hint is the vendor: {input:?}"
        ),
        None => {}
    }
    assert_eq!(
        outcome.vendor(),
        outcome.family().map(Family::vendor),
        "{input:?}"
    );
    // Detection picks the family; the family's parser then reads the response as it would with
    // that family as the hint.
    if let (Some(family), false) = (
        outcome.family(),
        matches!(input.hint, Some(Hint::Family(_))),
    ) {
        let hinted = input.with_family(family);
        assert_eq!(
            hinted.response().explain().ok().as_ref(),
            Some(outcome),
            "detected {family}, explained otherwise with it as the hint: {input:?}"
        );
    }
    let request_id = match outcome {
        Outcome::Error(err) => {
            assert_eq!(outcome.family(), Some(ApiError::family(err)), "{input:?}");
            assert_eq!(outcome.as_str(), "error");
            assert!(outcome.error().is_some());
            assert_eq!(
                err.response_status(),
                input.status,
                "status kept: {input:?}"
            );
            let fields = [
                ("raw_code", err.raw_code()),
                ("message", err.received_message()),
                ("request_id", err.request_id()),
                (
                    "request",
                    errcat::upyun::management::Details::of(err).and_then(|d| d.request()),
                ),
                (
                    "module_code",
                    errcat::tencent_cloud::cdn::Details::of(err).and_then(|d| d.module_code()),
                ),
                ("template_parameter", err.template_parameter()),
            ];
            for (what, text) in fields {
                if let Some(text) = text {
                    assert_from_input(input, what, text);
                }
            }
            check_error(input, err);
            err.request_id()
        }
        Outcome::Success(success) => {
            assert_eq!(outcome.family(), Some(success.family()), "{input:?}");
            assert_eq!(outcome.vendor(), Some(success.vendor()), "{input:?}");
            assert_eq!(
                success.response_status(),
                input.status,
                "status kept: {input:?}"
            );
            if let Some(id) = success.request_id() {
                assert_from_input(input, "request_id", id);
            }
            success.request_id()
        }
        Outcome::Unrecognized(unrecognized) => {
            check_unrecognized(input, unrecognized);
            None
        }
        _ => None,
    };
    check_problems(input, outcome);
    check_traits(input, outcome);
    if outcome.family() == Some(Family::AliyunApiGateway) {
        let first = input
            .headers
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case("X-Ca-Request-Id"))
            .map(|(_, value)| String::from_utf8_lossy(value));
        assert_eq!(
            request_id,
            first.as_deref(),
            "request id dropped: {input:?}"
        );
    }
}

/// An unrecognized response: no hint, no documented header (evidence of its family), the
/// status kept, and what the status says is all there is.
fn check_unrecognized(input: &ExplainInput, unrecognized: &errcat::response::Unrecognized) {
    assert!(
        input.hint.is_none(),
        "unrecognized despite a hint: {input:?}"
    );
    assert_eq!(
        unrecognized.response_status(),
        input.status,
        "status kept: {input:?}"
    );
    // What the status says is all there is.
    let kind = input
        .status
        .map_or(ErrorKind::Unknown, ErrorKind::from_http_status);
    assert_eq!(unrecognized.kind(), kind, "kind: {input:?}");
    assert_eq!(
        unrecognized.is_retryable(),
        kind.is_retryable_by_default(),
        "retryable: {input:?}"
    );
    // A documented header is evidence of its family.
    assert!(
        input
            .headers
            .iter()
            .all(|(name, _)| catalog::header(name).is_none()),
        "a documented header, yet unrecognized: {input:?}"
    );
}

/// The problems of an outcome are listed once; a body over the limit is said, whatever the
/// outcome, and nothing else is.
fn check_problems(input: &ExplainInput, outcome: &Outcome<'_>) {
    let problems = outcome_problems(outcome);
    assert_eq!(
        problems.contains(&Problem::BodyTooLarge),
        input.body.len() > MAX_BODY,
        "body_too_large: {input:?}"
    );
    for (i, p) in problems.iter().enumerate() {
        assert!(!problems[..i].contains(p), "{p} twice: {input:?}");
    }
}

/// The problems of any outcome.
fn outcome_problems(outcome: &Outcome<'_>) -> Vec<Problem> {
    match outcome {
        Outcome::Success(success) => success.problems().collect(),
        Outcome::Error(err) => err.problems().collect(),
        Outcome::Unrecognized(unrecognized) => unrecognized.problems().collect(),
        _ => Vec::new(),
    }
}

/// An outcome detaches from the input unchanged (`into_owned`) and serializes, with
/// `"outcome"`, `family`, `vendor` and the fields of its case as its accessors say; an error
/// displays on one line with its family, raw code, kind, message and request id.
fn check_traits(input: &ExplainInput, outcome: &Outcome<'_>) {
    let owned: Outcome<'_> = outcome.clone().into_owned();
    assert_eq!(&owned, outcome, "into_owned: {input:?}");
    let json = match serde_json::to_value(outcome) {
        Ok(json) => json,
        Err(err) => panic!("{outcome:?} does not serialize ({err}): {input:?}"),
    };
    let null = serde_json::Value::Null;
    let field = |name: &str| json.get(name).unwrap_or(&null);
    assert_eq!(
        field("outcome").as_str(),
        Some(outcome.as_str()),
        "{json}: {input:?}"
    );
    assert!(
        json_is(field("family"), outcome.family().map(Family::slug)),
        "family: {json}: {input:?}"
    );
    assert!(
        json_is(field("vendor"), outcome.vendor().map(Vendor::slug)),
        "vendor: {json}: {input:?}"
    );
    let problems: Vec<&str> = outcome_problems(outcome)
        .into_iter()
        .map(Problem::as_str)
        .collect();
    assert_eq!(
        field("problems"),
        &serde_json::json!(problems),
        "{json}: {input:?}"
    );
    let status = |s: Option<u16>| s.map(u64::from);
    match outcome {
        Outcome::Success(success) => {
            assert_eq!(
                field("response_status").as_u64(),
                status(success.response_status())
            );
            assert!(
                json_is(field("request_id"), success.request_id()),
                "{json}: {input:?}"
            );
        }
        Outcome::Error(err) => {
            assert_eq!(
                field("response_status").as_u64(),
                status(err.response_status())
            );
            check_error_traits(input, err, &json);
        }
        Outcome::Unrecognized(unrecognized) => {
            assert_eq!(
                field("response_status").as_u64(),
                status(unrecognized.response_status())
            );
            assert_eq!(
                field("kind").as_str(),
                Some(unrecognized.kind().as_str()),
                "{json}: {input:?}"
            );
            assert_eq!(
                field("retryable").as_bool(),
                Some(unrecognized.is_retryable()),
                "{json}: {input:?}"
            );
        }
        _ => {}
    }
}

/// A parsed error: its traits as `tests/support/parsed_error.rs` checks them, and the outcome's
/// JSON is `"outcome"` then the error's own JSON.
fn check_error_traits(
    input: &ExplainInput,
    err: &errcat::ParsedError<'_>,
    json: &serde_json::Value,
) {
    check_parsed_error(err, input);
    let mut fields = json.clone();
    if let Some(object) = fields.as_object_mut() {
        object.remove("outcome");
    }
    let own = serde_json::to_value(err).ok();
    assert_eq!(Some(fields), own, "the outcome's JSON: {input:?}");
}

/// The typed parts of an error agree with the raw parts and with the catalog: what the family's
/// resolution walk finds for the raw code (a documented Tencent CDN module code then stands in
/// as the entry; Alibaba Cloud API Gateway resolves only an `X-Ca-Error-Message` text).
fn check_error(input: &ExplainInput, err: &errcat::ParsedError<'_>) {
    let family = ApiError::family(err);
    assert_eq!(err.vendor(), family.vendor());
    assert_eq!(ApiError::code(err), err.raw_code().unwrap_or(""));
    // A Tencent Cloud API 3.0 error may resolve in the products' tables.
    let same = |other: Family| {
        other == family
            || (matches!(
                family,
                Family::TencentCloudCommon | Family::TencentCloudProducts
            ) && matches!(
                other,
                Family::TencentCloudCommon | Family::TencentCloudProducts
            ))
    };
    if let Some(code) = err.typed_code() {
        assert!(
            same(code.family()),
            "typed code of another family: {input:?}"
        );
    }
    if let Some(entry) = ApiError::entry(err) {
        assert!(same(entry.family()), "entry of another family: {input:?}");
    }
    if let Some(rule) = err.classification() {
        assert!(
            same(rule.family()),
            "classification of another family: {input:?}"
        );
    }
    if let Some(module) =
        errcat::tencent_cloud::cdn::Details::of(err).and_then(|d| d.typed_module_code())
    {
        let raw = errcat::tencent_cloud::cdn::Details::of(err)
            .and_then(|d| d.module_code())
            .and_then(tencent_cloud::cdn::ModuleCode::from_code);
        assert_eq!(raw, Some(module), "typed module code: {input:?}");
    }
    assert_eq!(
        err.is_known(),
        err.typed_code().is_some(),
        "is_known: {input:?}"
    );

    let resolvable = check_error_resolution(input, err);

    let _ = (err.kind(), err.is_retryable(), ApiError::message(err));
    let problems: Vec<Problem> = err.problems().collect();
    assert_eq!(
        problems.contains(&Problem::TablesDisabled),
        !family.is_enabled() && resolvable.is_some(),
        "tables_disabled: {input:?}"
    );
    if problems.contains(&Problem::HeaderNotUtf8) {
        assert!(
            input
                .headers
                .iter()
                .any(|(_, v)| std::str::from_utf8(v).is_err()),
            "header_not_utf8 with UTF-8 headers: {input:?}"
        );
    }
}

/// An error's typed code, entry, classification and basis are what the family's resolution walk
/// finds for its raw code (Alibaba Cloud API Gateway resolves only an `X-Ca-Error-Message` text,
/// as `by_header` does). A Tencent CDN public `code` is one of the public codes, or falls back to
/// its hundred: module codes are another numbering, read from the message, and a documented one
/// is then the entry. Returns the raw code resolved, if any.
fn check_error_resolution<'e>(
    input: &ExplainInput,
    err: &'e errcat::ParsedError<'_>,
) -> Option<&'e str> {
    let family = ApiError::family(err);
    let resolvable = err.raw_code();
    // The typed code, the template parameter, and (entry, classification, basis) if any.
    let (typed, parameter, found) = if family == Family::AliyunApiGateway {
        aliyun_expected(input, err)
    } else if family == Family::AliyunHigressHmacAuth {
        higress_expected(input, err)
    } else if family == Family::TencentCdn {
        let public = resolvable.and_then(tencent_cdn_public);
        let typed = public
            .filter(|&(_, basis)| basis == Basis::Exact)
            .map(|(code, _)| AnyCode::from(code));
        let found = public.map(|(code, basis)| (Some(AnyCode::from(code).entry()), None, basis));
        (typed, None, found)
    } else {
        let r = resolvable.and_then(|raw| resolve(family, raw));
        let found = r
            .filter(errcat::Resolution::is_resolved)
            .map(|r| (ApiError::entry(&r), r.classification(), r.basis()));
        (
            r.and_then(|r| r.typed_code()),
            r.and_then(|r| r.parameter()),
            found,
        )
    };
    assert_eq!(err.typed_code(), typed, "typed code: {input:?}");
    assert_eq!(
        err.template_parameter(),
        parameter,
        "template parameter: {input:?}"
    );
    let found =
        match errcat::tencent_cloud::cdn::Details::of(err).and_then(|d| d.typed_module_code()) {
            Some(module) => Some((Some(AnyCode::from(module).entry()), None, Basis::Exact)),
            None => found,
        };
    let got = (ApiError::entry(err), err.classification());
    if let Some((entry, rule, basis)) = found {
        assert_eq!(
            (got, err.basis()),
            ((entry, rule), basis),
            "entry, classification and basis: {input:?}"
        );
        let kind = rule.map(|r| (r.kind(), r.is_retryable()));
        let kind = kind.or_else(|| entry.map(|e| (e.kind(), e.is_retryable())));
        assert_eq!(
            Some((err.kind(), err.is_retryable())),
            kind,
            "kind: {input:?}"
        );
    } else {
        assert_eq!(
            got,
            (None, None),
            "nothing resolved, yet an entry: {input:?}"
        );
        // Alibaba Cloud API Gateway: an empty `X-Ca-Error-Code` says the backend answered.
        let backend = aliyun::apigateway::Details::of(err)
            .and_then(|d| d.error_code_header())
            .is_some_and(|c| c.trim().is_empty());
        if backend {
            assert_eq!(err.basis(), Basis::Backend, "{input:?}");
        } else {
            assert!(
                matches!(err.basis(), Basis::HttpStatus | Basis::None),
                "nothing resolved, yet basis {:?}: {input:?}",
                err.basis()
            );
        }
    }
    resolvable
}

/// What the typed parts of an Alibaba Cloud API Gateway error are, as `aliyun::apigateway`
/// documents them, through the public lookups (`by_header` is the walk within a header's
/// table): a non-empty `X-Ca-Error-Code` is the raw code, resolved in its table, and for an
/// unlisted one the message's classic code or classification stands in (basis `Message`); without
/// it, the raw code is the message, resolved in the classic table, else by the `X-Ca-Error-Code`
/// message template it fills in (basis `Message`). A classic template in the message gives the
/// template parameter either way.
fn aliyun_expected<'e>(
    input: &ExplainInput,
    err: &'e errcat::ParsedError<'_>,
) -> (Option<AnyCode>, Option<&'e str>, Found) {
    let family = Family::AliyunApiGateway;
    let code_header = aliyun::apigateway::Details::of(err)
        .and_then(|d| d.error_code_header())
        .filter(|c| !c.trim().is_empty());
    let message = err.received_message();
    let rule = |text: &str| family.classification(text).ok().flatten();
    let classic = message.and_then(|m| catalog::by_header("X-Ca-Error-Message", m));
    let parameter = classic.and_then(|m| m.parameter());
    let exact = |typed: Option<AnyCode>| typed.map(|c| (Some(c.entry()), None, Basis::Exact));
    let header = aliyun::apigateway::Details::of(err).and_then(|d| d.error_code_header());
    if header.is_some() && code_header.is_none() {
        // Empty: the backend's error, nothing resolved.
        assert_eq!(err.raw_code(), None, "the backend's error: {input:?}");
        return (None, None, None);
    }
    if let Some(code) = code_header {
        assert_eq!(
            err.raw_code(),
            Some(code),
            "the code header wins: {input:?}"
        );
        let typed = catalog::by_header("X-Ca-Error-Code", code).map(|m| m.code());
        let found = exact(typed)
            .or_else(|| rule(code).map(|r| (None, Some(r), Basis::Classification)))
            .or_else(|| exact(classic.map(|m| m.code())).map(|(e, r, _)| (e, r, Basis::Message)))
            .or_else(|| {
                message
                    .and_then(rule)
                    .map(|r| (None, Some(r), Basis::Message))
            });
        (typed, parameter, found)
    } else {
        assert_eq!(
            err.raw_code(),
            message,
            "the message is the code: {input:?}"
        );
        let typed = classic.map(|m| m.code());
        let template = || {
            let message = message?;
            aliyun::apigateway::ErrorCode::ALL
                .iter()
                .map(|c| AnyCode::from(*c).entry())
                .find(|e| {
                    aliyun::apigateway::template_parameters(e.message().en, message).matches()
                })
                .map(|e| (Some(e), None, Basis::Message))
        };
        let found = exact(typed)
            .or_else(|| {
                message
                    .and_then(rule)
                    .map(|r| (None, Some(r), Basis::Classification))
            })
            .or_else(template);
        (typed, parameter, found)
    }
}

/// What the typed parts of a Higress `hmac-auth` error are, as `aliyun::higress_hmac_auth`
/// documents them: the raw code (the body's text) through the family's walk; the string-to-sign
/// of the first `x-ca-error-message` is the template parameter, and names Invalid Signature
/// (basis `Message`) when the raw code resolves to nothing.
fn higress_expected<'e>(
    input: &ExplainInput,
    err: &'e errcat::ParsedError<'_>,
) -> (Option<AnyCode>, Option<&'e str>, Found) {
    let family = Family::AliyunHigressHmacAuth;
    let header = input
        .headers
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case("x-ca-error-message"))
        .map(|(_, value)| String::from_utf8_lossy(value));
    assert_eq!(
        err.received_message().map(str::to_owned),
        header
            .as_deref()
            .map(str::to_owned)
            .or_else(|| err.raw_code().map(str::to_owned)),
        "the message: the header, else the body: {input:?}"
    );
    let parameter = header
        .as_deref()
        .and_then(aliyun::higress_hmac_auth::string_to_sign)
        .and_then(|p| err.template_parameter().filter(|got| *got == p));
    assert_eq!(
        err.template_parameter().is_some(),
        header
            .as_deref()
            .and_then(aliyun::higress_hmac_auth::string_to_sign)
            .is_some(),
        "the string-to-sign: {input:?}"
    );
    let r = err
        .raw_code()
        .and_then(|raw| catalog::resolve(family, raw).ok());
    let found = r
        .filter(errcat::Resolution::is_resolved)
        .map(|r| (ApiError::entry(&r), r.classification(), r.basis()))
        .or_else(|| {
            parameter?;
            let code = catalog::lookup_in(family, "Invalid Signature")
                .ok()
                .flatten()?;
            Some((Some(code.entry()), None, Basis::Message))
        });
    (r.and_then(|r| r.typed_code()), parameter, found)
}

/// What an error's walk found: entry, classification and basis.
type Found = Option<(
    Option<&'static errcat::Entry>,
    Option<&'static errcat::Classification>,
    Basis,
)>;

/// What `explain` resolves a raw code of `family` to, without a product hint: the family's walk,
/// or for Tencent Cloud API 3.0 with the products' tables, their walk.
fn resolve(family: Family, raw: &str) -> Option<errcat::Resolution<'_>> {
    #[cfg(feature = "tencent-cloud-products")]
    if matches!(
        family,
        Family::TencentCloudCommon | Family::TencentCloudProducts
    ) {
        return Some(errcat::tencent_cloud::products::resolve(raw, None));
    }
    catalog::resolve(family, raw).ok()
}

/// The Tencent CDN public code `raw` is (exactly, or as an alias), else its hundred's
/// (`4102` -> `4100`, basis `Family`), in the public table only.
fn tencent_cdn_public(raw: &str) -> Option<(tencent_cloud::cdn::Code, Basis)> {
    use tencent_cloud::cdn::Code;

    if let Some(code) = Code::from_code(raw) {
        return Some((code, Basis::Exact));
    }
    let hundred = raw.parse::<u32>().ok()? / 100 * 100;
    Code::ALL
        .iter()
        .copied()
        .find(|code| code.as_str().parse::<u32>() == Ok(hundred))
        .map(|code| (code, Basis::Family))
}

/// `text`, which explain returned, comes from the input: a substring of the body or of a header
/// value as bytes, of a header value read lossily, or of a JSON string in the body unescaped.
fn assert_from_input(input: &ExplainInput, what: &str, text: &str) {
    let needle = text.as_bytes();
    let found = contains(&input.body, needle) || input.headers.iter().any(|(_, value)| {
        contains(value, needle)
            || matches!(String::from_utf8_lossy(value), Cow::Owned(lossy) if lossy.contains(text))
    })
        || (input.body.contains(&b'\\') && json_strings(&input.body).any(|s| s.contains(text)));
    assert!(found, "{what} {text:?} is not in the input: {input:?}");
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    needle.is_empty() || haystack.windows(needle.len()).any(|w| w == needle)
}

/// The string literals of a JSON text, unescaped (those that are valid JSON strings).
fn json_strings(json: &[u8]) -> impl Iterator<Item = String> + '_ {
    let mut i = 0;
    std::iter::from_fn(move || {
        loop {
            let start = i + json.get(i..)?.iter().position(|&b| b == b'"')?;
            let mut end = start + 1;
            while *json.get(end)? != b'"' {
                end += if json[end] == b'\\' { 2 } else { 1 };
            }
            i = end + 1;
            if let Ok(s) = serde_json::from_slice::<String>(&json[start..=end]) {
                return Some(s);
            }
        }
    })
}

//! Properties of the catalog's lookups, each against a naive linear oracle built here from the
//! public data alone (`catalog::all()`, each entry's code, aliases and messages, each table's
//! `ALL`, `Family::headers()`), with no phf map in it:
//!
//! - every documented key is found: each code and alias, each message text, each header name in
//!   any casing, each documented status, each template filled in, each code with detail
//!   appended where the family allows it;
//! - for arbitrary strings, nothing panics, and whatever is found is really in the catalog;
//! - every O(1) lookup agrees with the oracle, on every key and on random misses near the keys;
//! - the one resolution walk (`catalog::resolve`) agrees with the typed resolution
//!   (`tencent_cloud::common::Code::resolve`), with `by_header` and with `Response::explain`.

// Written against the five tables of the default features (`cfg` set by build.rs).
#![cfg(errcat_default_features)]

use std::fmt::Debug;
use std::str::FromStr;

use errcat::response::Basis;
use errcat::tencent_cloud::common::Resolved;
use errcat::{
    AnyCode, ApiError, Entry, ErrorKind, Family, Header, HeaderRole, Outcome, Resolution, Response,
    UnknownCode, Vendor, aliyun, catalog, cloudbypass, tencent_cloud, upyun,
};
use proptest::prelude::*;

#[path = "support/expected.rs"]
mod expected;
use expected::{
    DETAIL_SEPARATORS, FAMILY_ALIASES, TENCENT_SUB_CODES, VENDOR_ALIASES, fills, header_carries,
    message_key,
};

// ---------------------------------------------------------------------------------------------
// Literal expectations: what `data/registry.json` says about names and resolution policies
// (the ones shared with the fuzz checks are in `support/expected.rs`).

/// Families whose codes are dotted (`A.B` falls back to `A`).
const DOTTED: [Family; 1] = [Family::TencentCloudCommon];
/// Families with template codes (`...:%s`).
const TEMPLATES: [Family; 1] = [Family::AliyunApiGateway];
/// Families whose codes may come with detail appended (`Invalid Url: /x`).
const APPENDED_DETAIL: [Family; 1] = [Family::AliyunApiGateway];
/// The messages the Alibaba Cloud API Gateway's data classifies (seen live or in a re-post of the
/// classic table, not in the vendor's tables).
const ALIYUN_CLASSIFIED: [&str; 2] = [
    "Expiry of Authorization",
    "Api Market Subscription quota exhausted",
];
/// The codes Tencent Cloud's data classifies (`classifications` of its data file).
const CLASSIFIED: [&str; 6] = [
    "AuthFailure",
    "LimitExceeded.PhoneNumberThirtySecondLimit",
    "LimitExceeded.PhoneNumberOneHourLimit",
    "LimitExceeded.DeliveryFrequencyLimit",
    "LimitExceeded.PhoneNumberDailyLimit",
    "FailedOperation.InsufficientBalanceInSmsPackage",
];

// ---------------------------------------------------------------------------------------------
// The oracle: linear scans of the public data.

/// Whether `code` is the wire code or a documented alias of `c`.
fn spells(c: AnyCode, code: &str) -> bool {
    c.as_str() == code || c.entry().aliases().contains(&code)
}

/// Every spelling of every code: wire codes, then aliases.
fn code_keys() -> Vec<&'static str> {
    let all = catalog::all().iter();
    let aliases = all
        .clone()
        .flat_map(|c| c.entry().aliases().iter().copied());
    all.map(|c| c.as_str()).chain(aliases).collect()
}

fn oracle_by_code(code: &str) -> Vec<AnyCode> {
    catalog::all()
        .iter()
        .copied()
        .filter(|&c| spells(c, code))
        .collect()
}

/// The first of the vendor's families (catalog order is family order) that has it.
fn oracle_lookup(vendor: Vendor, code: &str) -> Option<AnyCode> {
    catalog::all()
        .iter()
        .copied()
        .find(|&c| c.vendor() == vendor && spells(c, code))
}

fn oracle_lookup_in(family: Family, code: &str) -> Option<AnyCode> {
    catalog::all()
        .iter()
        .copied()
        .find(|&c| c.family() == family && spells(c, code))
}

/// An entry's message texts: Chinese, English and documented misspellings.
fn messages(c: AnyCode) -> Vec<&'static str> {
    let entry = c.entry();
    let mut texts = vec![entry.message().zh, entry.message().en];
    texts.extend(entry.message_aliases());
    texts
}

fn message_keys() -> Vec<&'static str> {
    catalog::all().iter().flat_map(|&c| messages(c)).collect()
}

/// Exact texts first; when none matches, the message templates (`invalid ip:...`) whose words
/// up to the colon start the text, followed by a value.
fn oracle_by_message(text: &str) -> Vec<AnyCode> {
    let key = message_key(text);
    let exact: Vec<AnyCode> = catalog::all()
        .iter()
        .copied()
        .filter(|&c| messages(c).iter().any(|t| message_key(t) == key))
        .collect();
    if !exact.is_empty() {
        return exact;
    }
    catalog::all()
        .iter()
        .copied()
        .filter(|&c| messages(c).iter().any(|t| fills(t, key)))
        .collect()
}

fn headers() -> Vec<&'static Header> {
    Family::ALL.into_iter().flat_map(Family::headers).collect()
}

fn oracle_header(name: &str) -> Option<&'static Header> {
    headers()
        .into_iter()
        .find(|h| h.name().eq_ignore_ascii_case(name))
}

/// Template codes and their text before `%s`.
fn templates() -> Vec<(AnyCode, &'static str)> {
    catalog::all()
        .iter()
        .filter_map(|&c| c.as_str().split_once("%s").map(|(before, _)| (c, before)))
        .collect()
}

fn oracle_template(family: Option<Family>, value: &str) -> Option<(AnyCode, &str)> {
    templates()
        .into_iter()
        .filter(|(c, _)| family.is_none_or(|f| c.family() == f))
        .find_map(|(c, before)| value.strip_prefix(before).map(|rest| (c, rest)))
}

/// A documented code of `family` (that `keep` keeps) followed by detail: the text before a
/// separator, without its trailing white space, is the code (the first such separator).
fn oracle_appended_detail(
    family: Family,
    value: &str,
    keep: impl Fn(AnyCode) -> bool,
) -> Option<AnyCode> {
    value
        .char_indices()
        .filter(|(_, ch)| DETAIL_SEPARATORS.contains(ch))
        .find_map(|(i, _)| oracle_lookup_in(family, value[..i].trim_end()).filter(|&c| keep(c)))
}

/// The documented code of a raw code, as the walk's first steps find it: exactly, as a filled
/// template, or with detail appended, by the family's policies; and a template's parameter.
fn oracle_exact(family: Family, value: &str) -> Option<(AnyCode, Option<&str>)> {
    oracle_exact_in(family, value, |_| true)
}

/// [`oracle_exact`] among the codes `keep` keeps (one table's).
fn oracle_exact_in(
    family: Family,
    value: &str,
    keep: impl Fn(AnyCode) -> bool,
) -> Option<(AnyCode, Option<&str>)> {
    if let Some(c) = oracle_lookup_in(family, value).filter(|&c| keep(c)) {
        return Some((c, None));
    }
    if TEMPLATES.contains(&family) {
        if let Some((c, parameter)) = templates()
            .into_iter()
            .filter(|&(c, _)| c.family() == family && keep(c))
            .find_map(|(c, before)| value.strip_prefix(before).map(|rest| (c, rest)))
        {
            return Some((c, Some(parameter)));
        }
    }
    if APPENDED_DETAIL.contains(&family) {
        return oracle_appended_detail(family, value, keep).map(|c| (c, None));
    }
    None
}

/// `by_header` as documented: a header carrying an error code (or a message naming one), whose
/// value names a documented code the header carries ([`header_carries`]), exactly, as a filled
/// template, or with detail appended.
fn oracle_by_header<'a>(
    name: &str,
    value: &'a str,
) -> Option<(&'static Header, AnyCode, Option<&'a str>)> {
    let header = oracle_header(name)?;
    if !matches!(
        header.carries(),
        HeaderRole::ErrorCode | HeaderRole::ErrorMessage
    ) {
        return None;
    }
    let (c, parameter) = oracle_exact_in(header.family(), value, |c| header_carries(header, c))?;
    Some((header, c, parameter))
}

/// What the walk should find for `raw` in `family`: the basis, the entry's code, and the
/// classified level (for a classification).
fn oracle_resolve(family: Family, raw: &str) -> (Basis, Option<AnyCode>, Option<&str>) {
    if let Some((c, _)) = oracle_exact(family, raw) {
        return (Basis::Exact, Some(c), None);
    }
    // The levels of a dotted code, nearest first; the nearest documented or classified wins.
    let dotted = DOTTED.contains(&family);
    let mut level = Some(raw);
    let mut depth = 0;
    while let Some(l) = level {
        if depth > 0 {
            if let Some(c) = oracle_lookup_in(family, l) {
                return (Basis::Family, Some(c), None);
            }
        }
        if (family == Family::TencentCloudCommon && CLASSIFIED.contains(&l))
            || (family == Family::AliyunApiGateway && ALIYUN_CLASSIFIED.contains(&l))
        {
            let parent = parents(l, dotted).find_map(|p| oracle_lookup_in(family, p));
            return (Basis::Classification, parent, Some(l));
        }
        level = if dotted {
            l.rsplit_once('.').map(|(p, _)| p)
        } else {
            None
        };
        depth += 1;
    }
    // The hundred of a number, among the public codes (not the module codes).
    if family == Family::TencentCdn && is_number(raw) {
        let hundred = raw.parse::<u32>().ok().map(|n| n / 100 * 100);
        if let Some(&c) = tencent_cloud::cdn::Code::ALL
            .iter()
            .find(|c| c.as_str().parse::<u32>().ok() == hundred)
        {
            return (Basis::Family, Some(c.into()), None);
        }
    }
    (Basis::None, None, None)
}

/// A number as the vendor writes it: ASCII digits, no sign, no leading zero.
fn is_number(raw: &str) -> bool {
    !raw.is_empty() && raw.bytes().all(|b| b.is_ascii_digit()) && !raw.starts_with('0')
}

/// The ancestors of a dotted code, nearest first (none for an undotted family).
fn parents(code: &str, dotted: bool) -> impl Iterator<Item = &str> {
    std::iter::successors(Some(code), move |l| {
        if dotted {
            l.rsplit_once('.').map(|(p, _)| p)
        } else {
            None
        }
    })
    .skip(1)
}

fn sorted(codes: &[AnyCode]) -> Vec<AnyCode> {
    let mut codes = codes.to_vec();
    codes.sort();
    codes
}

// ---------------------------------------------------------------------------------------------
// Agreement of each O(1) lookup with the oracle, on one input.

/// `catalog::lookup` (every vendor), `catalog::lookup_in` and `catalog::resolve` (every family),
/// `catalog::by_code`, every table's `from_code` and `FromStr`, and the `FromStr` of `Vendor`
/// and `Family`, against the oracle.
fn codes_agree(code: &str) {
    let found = catalog::by_code(code);
    assert_eq!(sorted(found), oracle_by_code(code), "by_code({code:?})");
    for &c in found {
        assert!(
            catalog::all().contains(&c),
            "by_code({code:?}): {c:?} is not in the catalog"
        );
    }
    for vendor in Vendor::ALL {
        let got = catalog::lookup(vendor, code);
        assert_eq!(
            got,
            Ok(oracle_lookup(vendor, code)),
            "lookup({vendor}, {code:?})"
        );
    }
    for family in table_families() {
        assert_eq!(
            catalog::lookup_in(family, code),
            Ok(oracle_lookup_in(family, code)),
            "lookup_in({family}, {code:?})"
        );
        resolve_agrees(family, code);
    }
    table_agrees(
        code,
        tencent_cloud::common::Code::ALL,
        tencent_cloud::common::Code::from_code,
    );
    table_agrees(
        code,
        upyun::management::Code::ALL,
        upyun::management::Code::from_code,
    );
    table_agrees(
        code,
        tencent_cloud::cdn::Code::ALL,
        tencent_cloud::cdn::Code::from_code,
    );
    table_agrees(
        code,
        tencent_cloud::cdn::ModuleCode::ALL,
        tencent_cloud::cdn::ModuleCode::from_code,
    );
    table_agrees(
        code,
        cloudbypass::api::Code::ALL,
        cloudbypass::api::Code::from_code,
    );
    table_agrees(
        code,
        aliyun::apigateway::Code::ALL,
        aliyun::apigateway::Code::from_code,
    );
    let vendor = Vendor::ALL
        .into_iter()
        .find(|v| v.slug().eq_ignore_ascii_case(code))
        .or_else(|| {
            VENDOR_ALIASES
                .iter()
                .find(|(a, _)| a.eq_ignore_ascii_case(code))
                .map(|&(_, v)| v)
        });
    assert_eq!(
        code.parse::<Vendor>().ok(),
        vendor,
        "Vendor::from_str({code:?})"
    );
    let family = Family::ALL
        .into_iter()
        .find(|f| f.slug().eq_ignore_ascii_case(code))
        .or_else(|| {
            FAMILY_ALIASES
                .iter()
                .find(|(a, _)| a.eq_ignore_ascii_case(code))
                .map(|&(_, f)| f)
        });
    assert_eq!(
        code.parse::<Family>().ok(),
        family,
        "Family::from_str({code:?})"
    );
}

/// One table's `from_code` and `FromStr` against a scan of the table's `ALL`.
fn table_agrees<T>(code: &str, table: &[T], from_code: fn(&str) -> Option<T>)
where
    T: Copy + Eq + Debug + Into<AnyCode> + FromStr<Err = UnknownCode>,
{
    let oracle = table.iter().copied().find(|&t| spells(t.into(), code));
    assert_eq!(from_code(code), oracle, "from_code({code:?})");
    assert_eq!(code.parse::<T>().ok(), oracle, "from_str({code:?})");
}

/// What a resolution says, in comparable form.
#[derive(Debug, PartialEq, Eq)]
struct Said<'a> {
    basis: Basis,
    typed_code: Option<AnyCode>,
    entry: Option<AnyCode>,
    via: Option<&'static str>,
    classified: Option<&'a str>,
    parameter: Option<&'a str>,
    kind: ErrorKind,
    retryable: bool,
    resolved: bool,
}

fn said<'a>(r: &Resolution<'a>) -> Said<'a> {
    Said {
        basis: r.basis(),
        typed_code: r.typed_code(),
        entry: ApiError::entry(r).map(Entry::any_code),
        via: r.via(),
        classified: r.classification().map(errcat::Classification::code),
        parameter: r.parameter(),
        kind: r.kind(),
        retryable: r.is_retryable(),
        resolved: r.is_resolved(),
    }
}

/// `catalog::resolve(family, raw)` against the oracle's walk.
fn resolve_agrees(family: Family, raw: &str) {
    let r = catalog::resolve(family, raw).expect("every family is enabled");
    assert_eq!(r.raw_code(), raw);
    assert_eq!(ApiError::code(&r), raw);
    assert_eq!(ApiError::family(&r), family);
    let (basis, entry, classified) = oracle_resolve(family, raw);
    let rule = classified.map(|c| {
        family
            .classification(c)
            .expect("enabled")
            .unwrap_or_else(|| panic!("{c:?} is classified"))
    });
    let parameter = match (basis, oracle_exact(family, raw)) {
        (Basis::Exact, Some((_, p))) => p,
        _ => None,
    };
    let entry_of = |c: Option<AnyCode>| c.map(|c| c.entry());
    let (kind, retryable) = match (rule, entry_of(entry)) {
        (Some(rule), _) => (rule.kind(), rule.is_retryable()),
        (None, Some(e)) => (e.kind(), e.is_retryable()),
        (None, None) => (ErrorKind::Unknown, false),
    };
    let expected = Said {
        basis,
        typed_code: entry.filter(|_| basis == Basis::Exact),
        entry,
        via: entry
            .filter(|_| matches!(basis, Basis::Family | Basis::Classification))
            .map(AnyCode::as_str),
        classified,
        parameter,
        kind,
        retryable,
        resolved: entry.is_some() || rule.is_some(),
    };
    assert_eq!(said(&r), expected, "resolve({family}, {raw:?})");
}

fn messages_agree(text: &str) {
    let found = catalog::by_message(text);
    assert_eq!(
        sorted(found),
        oracle_by_message(text),
        "by_message({text:?})"
    );
}

fn headers_agree(name: &str, value: &str) {
    assert_eq!(
        catalog::header(name),
        oracle_header(name),
        "header({name:?})"
    );
    let got = catalog::by_header(name, value).map(|m| (m.header(), m.code(), m.parameter()));
    assert_eq!(
        got,
        oracle_by_header(name, value),
        "by_header({name:?}, {value:?})"
    );
    assert_eq!(
        catalog::template(value),
        oracle_template(None, value),
        "template({value:?})"
    );
}

// ---------------------------------------------------------------------------------------------
// Every documented key, exhaustively.

#[test]
fn every_code_and_alias_is_found_by_every_index() {
    for &c in catalog::all() {
        let entry = c.entry();
        for &code in std::iter::once(&c.as_str()).chain(entry.aliases()) {
            // The vendor's first family that documents it: the Higress plugin shares
            // `Empty Signature` and `Invalid Content-MD5` with the gateway's classic table.
            assert_eq!(
                catalog::lookup(c.vendor(), code),
                Ok(oracle_lookup(c.vendor(), code)),
                "{code:?}"
            );
            assert!(oracle_lookup(c.vendor(), code).is_some_and(|f| f.family() <= c.family()));
            assert_eq!(
                catalog::lookup_in(c.family(), code),
                Ok(Some(c)),
                "{code:?}"
            );
            assert!(catalog::by_code(code).contains(&c), "{code:?}");
            codes_agree(code);
        }
        assert_eq!(entry.any_code(), c);
    }
}

#[test]
fn every_message_text_is_found() {
    for &c in catalog::all() {
        for text in messages(c) {
            if message_key(text).is_empty() {
                continue;
            }
            assert!(catalog::by_message(text).contains(&c), "{c:?} by {text:?}");
            messages_agree(text);
        }
    }
}

#[test]
fn every_header_is_found_in_lower_upper_and_documented_case() {
    let headers = headers();
    assert!(!headers.is_empty());
    for h in headers {
        let name = h.name();
        for spelling in [
            name.to_owned(),
            name.to_ascii_lowercase(),
            name.to_ascii_uppercase(),
        ] {
            assert_eq!(catalog::header(&spelling), Some(h), "{spelling:?}");
        }
    }
    // A vendor's headers are its families'.
    for vendor in Vendor::ALL {
        let of_families: Vec<&Header> =
            vendor.families().iter().flat_map(|f| f.headers()).collect();
        assert_eq!(
            vendor.headers().collect::<Vec<_>>(),
            of_families,
            "{vendor}"
        );
    }
}

#[test]
fn every_status_agrees_with_the_entries() {
    for status in 0..=u16::MAX {
        let oracle: Vec<AnyCode> = catalog::all()
            .iter()
            .copied()
            .filter(|c| c.entry().http_status() == Some(status))
            .collect();
        assert_eq!(
            sorted(catalog::by_status(status)),
            oracle,
            "by_status({status})"
        );
        for vendor in Vendor::ALL {
            let mut got: Vec<AnyCode> = catalog::by_status_for(vendor, status).collect();
            got.sort();
            let expected: Vec<AnyCode> = oracle
                .iter()
                .copied()
                .filter(|c| c.vendor() == vendor)
                .collect();
            assert_eq!(got, expected, "by_status_for({vendor}, {status})");
        }
    }
}

#[test]
fn every_code_is_found_by_its_error_headers_and_every_template_when_filled() {
    let error_headers: Vec<&Header> = headers()
        .into_iter()
        .filter(|h| {
            matches!(
                h.carries(),
                HeaderRole::ErrorCode | HeaderRole::ErrorMessage
            )
        })
        .collect();
    assert!(!error_headers.is_empty());
    for h in error_headers {
        let codes = catalog::all().iter().filter(|&&c| header_carries(h, c));
        for &c in codes {
            let m = catalog::by_header(&h.name().to_ascii_lowercase(), c.as_str());
            assert_eq!(m.map(|m| (m.code(), m.parameter())), Some((c, None)));
            headers_agree(h.name(), c.as_str());
        }
    }
    let templates = templates();
    assert!(!templates.is_empty(), "the catalog documents a template");
    for (c, before) in templates {
        for parameter in ["", "GET\n*/*\n/api", "%s", before] {
            let value = format!("{before}{parameter}");
            assert_eq!(catalog::template(&value), Some((c, parameter)), "{value:?}");
            headers_agree("X-Ca-Error-Message", &value);
            resolve_agrees(c.family(), &value);
        }
    }
}

#[test]
fn every_code_with_detail_appended_is_found_where_the_family_allows_it() {
    let mut checked = 0;
    for &c in catalog::all() {
        if c.as_str().contains("%s") {
            continue;
        }
        for separator in DETAIL_SEPARATORS {
            for value in [
                format!("{c}{separator} /v2/x"),
                format!("{c} {separator}detail"),
                format!("{c}{separator}"),
            ] {
                checked += 1;
                resolve_agrees(c.family(), &value);
                let r = catalog::resolve(c.family(), &value).expect("enabled");
                if APPENDED_DETAIL.contains(&c.family()) {
                    assert_eq!(r.typed_code(), Some(c), "{value:?}");
                    assert_eq!(r.basis(), Basis::Exact, "{value:?}");
                    for h in c.family().headers() {
                        headers_agree(h.name(), &value);
                    }
                }
            }
        }
    }
    // Every code but the one template, each with every separator three ways.
    assert_eq!(
        checked,
        (catalog::all().len() - 1) * DETAIL_SEPARATORS.len() * 3
    );
    assert_eq!(catalog::all().len(), 648);
}

// ---------------------------------------------------------------------------------------------
// The one resolution walk: `catalog::resolve`, the typed resolution, `by_header` and `explain`
// agree.

/// A Tencent Cloud API 3.0 error body carrying `code` (no JSON escapes needed: codes are plain).
fn tencent_cloud_body(code: &str) -> String {
    format!(
        r#"{{"Response": {{"Error": {{"Code": "{code}", "Message": "m"}}, "RequestId": "r-1"}}}}"#
    )
}

/// The parsed error of a response that must be one.
fn explained<'a>(outcome: &'a Outcome<'a>, what: &str) -> &'a errcat::ParsedError<'a> {
    match outcome {
        Outcome::Error(e) => e,
        other => panic!("{what}: not an error: {other:?}"),
    }
}

/// The parsed error says what the resolution says: entry, kind, retry advice, basis.
fn explain_agrees(e: &errcat::ParsedError<'_>, r: &Resolution<'_>, what: &str) {
    assert_eq!(ApiError::family(e), ApiError::family(r), "{what}: family");
    assert_eq!(
        ApiError::entry(e).map(Entry::any_code),
        ApiError::entry(r).map(Entry::any_code),
        "{what}: entry"
    );
    assert_eq!(e.typed_code(), r.typed_code(), "{what}: typed code");
    assert_eq!(e.kind(), r.kind(), "{what}: kind");
    assert_eq!(e.is_retryable(), r.is_retryable(), "{what}: retry advice");
    assert_eq!(e.basis(), r.basis(), "{what}: basis");
    assert_eq!(
        e.classification(),
        r.classification(),
        "{what}: classification"
    );
    assert_eq!(e.raw_code(), Some(r.raw_code()), "{what}: raw code");
}

/// `Code::resolve`'s answer, as `catalog::resolve` would give it.
fn typed_as_walk(resolved: Option<Resolved>) -> (Basis, Option<AnyCode>, Option<&'static str>) {
    match resolved {
        None => (Basis::None, None, None),
        Some(Resolved::Exact(c)) => (Basis::Exact, Some(c.into()), None),
        Some(Resolved::Parent(c)) => (Basis::Family, Some(c.into()), None),
        Some(Resolved::Classified(rule, c)) => (
            Basis::Classification,
            c.map(AnyCode::from),
            Some(rule.code()),
        ),
        Some(other) => panic!("a new Resolved variant: {other:?}"),
    }
}

#[test]
fn every_documented_code_of_every_family_resolves_exactly_to_its_entry() {
    let mut checked = 0;
    for family in table_families() {
        let codes: Vec<AnyCode> = catalog::all()
            .iter()
            .copied()
            .filter(|c| c.family() == family)
            .collect();
        // Cloudbypass's balance API documents no code.
        assert_eq!(
            codes.is_empty(),
            family == Family::CloudbypassBalance,
            "{family}"
        );
        for c in codes {
            for &key in std::iter::once(&c.as_str()).chain(c.entry().aliases()) {
                checked += 1;
                let r = catalog::resolve(family, key).expect("enabled");
                assert_eq!(r.basis(), Basis::Exact, "{family} {key:?}");
                assert_eq!(r.typed_code(), Some(c), "{family} {key:?}");
                assert!(
                    ApiError::entry(&r).is_some_and(|e| std::ptr::eq(e, c.entry())),
                    "{family} {key:?}: the code's entry"
                );
                assert_eq!(r.via(), None, "{family} {key:?}");
                assert_eq!(r.classification(), None, "{family} {key:?}");
                assert_eq!(r.parameter(), None, "{family} {key:?}");
                assert!(r.is_resolved());
                assert_eq!(r.kind(), c.entry().kind(), "{family} {key:?}");
                assert_eq!(
                    r.is_retryable(),
                    c.entry().is_retryable(),
                    "{family} {key:?}"
                );
                // Found in this family by `resolve_all` too.
                assert!(
                    catalog::resolve_all(None, key)
                        .any(|o| ApiError::family(&o) == family && o.typed_code() == Some(c)),
                    "resolve_all({key:?})"
                );
            }
        }
    }
    assert_eq!(checked, 648 + 1, "every code and the one alias");
}

#[test]
fn tencent_cloud_typed_resolution_and_explain_agree_with_the_walk() {
    use tencent_cloud::common::Code;
    let family = Family::TencentCloudCommon;
    let documented = Code::ALL.iter().map(|c| c.as_str());
    let subs = Code::ALL
        .iter()
        .flat_map(|c| [format!("{c}.ErrcatSub"), format!("{c}.Errcat.Deeper")]);
    let raws: Vec<String> = documented
        .map(str::to_owned)
        .chain(TENCENT_SUB_CODES.iter().map(|s| (*s).to_owned()))
        .chain(CLASSIFIED.iter().map(|s| (*s).to_owned()))
        .chain(subs)
        .collect();
    for raw in &raws {
        let r = catalog::resolve(family, raw).expect("enabled");
        resolve_agrees(family, raw);
        // The typed resolution is the same walk.
        let (basis, entry, classified) = typed_as_walk(Code::resolve(raw));
        assert_eq!(basis, r.basis(), "Code::resolve({raw:?}): basis");
        assert_eq!(
            entry,
            ApiError::entry(&r).map(Entry::any_code),
            "Code::resolve({raw:?}): entry"
        );
        assert_eq!(
            classified,
            r.classification().map(errcat::Classification::code),
            "Code::resolve({raw:?}): classification"
        );
        if let Some(Resolved::Classified(rule, _)) = Code::resolve(raw) {
            assert_eq!(Some(rule), r.classification(), "{raw:?}: the same rule");
        }
        // So is explain, on a body carrying the code (with the products' tables, their walk).
        #[cfg(feature = "tencent-cloud-products")]
        let r = errcat::tencent_cloud::products::resolve(raw, None);
        let body = tencent_cloud_body(raw);
        for response in [
            Response::new(body.as_bytes()).explain(),
            Response::new(body.as_bytes()).with_family(family).explain(),
            Response::new(body.as_bytes())
                .with_vendor(Vendor::TencentCloud)
                .explain(),
        ] {
            let outcome = response.expect("a valid body");
            let e = explained(&outcome, raw);
            explain_agrees(e, &r, &format!("explain Tencent Cloud {raw:?}"));
            assert_eq!(e.received_message(), Some("m"));
            assert_eq!(e.request_id(), Some("r-1"));
        }
    }
    // The family's other table: `catalog::resolve` finds the `PageCode` exactly; the typed
    // `Code::resolve` is the same walk within its own table, so it answers with the nearest
    // `Code` level, as if the `PageCode`s were not listed.
    for page in tencent_cloud::common::PageCode::ALL {
        let raw = page.as_str();
        let r = catalog::resolve(family, raw).expect("enabled");
        assert_eq!(r.basis(), Basis::Exact, "{raw}");
        assert_eq!(r.typed_code(), Some(AnyCode::from(*page)), "{raw}");
        let walked = typed_as_walk(Code::resolve(raw));
        let mut level = raw;
        let expected = loop {
            match level.rsplit_once('.') {
                Some((parent, _)) => level = parent,
                None => break (Basis::None, None, None),
            }
            if let Some(code) = Code::from_code(level) {
                break (Basis::Family, Some(AnyCode::from(code)), None);
            }
            if Family::TencentCloudCommon
                .classification(level)
                .expect("enabled")
                .is_some()
            {
                break (Basis::Classification, None, Some(level));
            }
        };
        let expected = if raw.contains('.') {
            expected
        } else {
            (Basis::None, None, None)
        };
        assert_eq!(walked, expected, "Code::resolve({raw:?})");
    }
}

/// A raw sub-code, its basis, via, classified level, kind and retry advice.
type SubCase = (
    &'static str,
    Basis,
    Option<&'static str>,
    Option<&'static str>,
    ErrorKind,
    bool,
);

#[test]
fn tencent_cloud_sub_codes_resolve_as_documented() {
    use tencent_cloud::common::Code;
    let family = Family::TencentCloudCommon;
    let cases: [SubCase; 6] = [
        (
            "InvalidParameter.InvalidZoneName",
            Basis::Family,
            Some("InvalidParameter"),
            None,
            ErrorKind::InvalidRequest,
            false,
        ),
        (
            "AuthFailure.Whatever",
            Basis::Classification,
            None,
            Some("AuthFailure"),
            ErrorKind::Unauthenticated,
            false,
        ),
        (
            "LimitExceeded.PhoneNumberDailyLimit",
            Basis::Classification,
            Some("LimitExceeded"),
            Some("LimitExceeded.PhoneNumberDailyLimit"),
            ErrorKind::RateLimited,
            false,
        ),
        (
            "LimitExceeded.PhoneNumberThirtySecondLimit",
            Basis::Classification,
            Some("LimitExceeded"),
            Some("LimitExceeded.PhoneNumberThirtySecondLimit"),
            ErrorKind::RateLimited,
            true,
        ),
        (
            "RequestLimitExceeded.SomethingNew",
            Basis::Family,
            Some("RequestLimitExceeded"),
            None,
            ErrorKind::RateLimited,
            true,
        ),
        (
            "NoSuchFamily.Sub",
            Basis::None,
            None,
            None,
            ErrorKind::Unknown,
            false,
        ),
    ];
    for (raw, basis, via, classified, kind, retryable) in cases {
        let r = catalog::resolve(family, raw).expect("enabled");
        assert_eq!(
            (
                r.basis(),
                r.via(),
                r.classification().map(errcat::Classification::code),
                r.kind(),
                r.is_retryable()
            ),
            (basis, via, classified, kind, retryable),
            "{raw}"
        );
        assert_eq!(r.typed_code(), None, "{raw}: undocumented");
        assert_eq!(r.is_resolved(), basis != Basis::None, "{raw}");
    }
    assert!(matches!(
        Code::resolve("LimitExceeded.PhoneNumberDailyLimit"),
        Some(Resolved::Classified(_, Some(Code::LimitExceeded)))
    ));
    assert!(matches!(
        Code::resolve("AuthFailure.Whatever"),
        Some(Resolved::Classified(_, None))
    ));
    // The data's classifications are exactly the ones the oracle knows.
    for c in CLASSIFIED {
        let rule = family.classification(c).expect("enabled");
        assert_eq!(rule.map(errcat::Classification::code), Some(c));
    }
    for c in ALIYUN_CLASSIFIED {
        let rule = Family::AliyunApiGateway.classification(c).expect("enabled");
        assert_eq!(rule.map(errcat::Classification::code), Some(c));
        resolve_agrees(Family::AliyunApiGateway, c);
    }
}

#[test]
fn tencent_cdn_numbers_resolve_through_the_walk_and_explain() {
    let family = Family::TencentCdn;
    let r = catalog::resolve(family, "4102").expect("enabled");
    assert_eq!(r.basis(), Basis::Family);
    assert_eq!(r.via(), Some("4100"));
    assert_eq!(r.typed_code(), None);
    let mut resolved = 0;
    for n in 1..=10_999_u32 {
        let raw = n.to_string();
        resolve_agrees(family, &raw);
        let r = catalog::resolve(family, &raw).expect("enabled");
        if r.is_resolved() {
            resolved += 1;
        }
        if n % 7 != 0 && tencent_cloud::cdn::Code::from_code(&raw).is_none() && n != 4102 {
            continue; // explain a sample, every public code and 4102
        }
        // The body's `code` is a public code: explain resolves it among the public codes only,
        // never to the module code of the same number (module codes come from the message). The
        // body carries API 2.0's `codeDesc`, as real responses do, so that it is Tencent CDN's
        // without a hint too.
        let public = tencent_cloud::cdn::Code::from_code(&raw).is_some();
        let module_number = tencent_cloud::cdn::ModuleCode::from_code(&raw).is_some();
        for (body, bare) in [
            (
                format!(r#"{{"code": {raw}, "message": "x", "codeDesc": "d"}}"#),
                format!(r#"{{"code": {raw}, "message": "x"}}"#),
            ),
            (
                format!(r#"{{"code": "{raw}", "message": "x", "codeDesc": "d"}}"#),
                format!(r#"{{"code": "{raw}", "message": "x"}}"#),
            ),
        ] {
            for response in [
                Response::new(body.as_bytes()).explain(),
                Response::new(body.as_bytes()).with_family(family).explain(),
                Response::new(bare.as_bytes()).with_family(family).explain(),
            ] {
                let outcome = response.expect("a valid body");
                let e = explained(&outcome, &body);
                if module_number {
                    let hundred = tencent_cloud::cdn::Code::ALL
                        .iter()
                        .find(|c| c.as_str().parse::<u32>().ok() == Some(n / 100 * 100))
                        .map(|c| AnyCode::from(*c));
                    assert_eq!(e.typed_code(), None, "{body}: not a public code");
                    assert_eq!(ApiError::entry(e).map(Entry::any_code), hundred, "{body}");
                } else {
                    explain_agrees(e, &r, &format!("explain Tencent CDN {body}"));
                }
            }
            // Without `codeDesc` or a hint, `{code, message}` is anybody's: Tencent CDN's only
            // when the code is a documented public code.
            let detected = Response::new(bare.as_bytes())
                .explain()
                .expect("a valid body");
            if public {
                explain_agrees(explained(&detected, &bare), &r, &format!("explain {bare}"));
            } else {
                assert!(
                    matches!(detected, Outcome::Unrecognized(_)),
                    "{bare}: no evidence, yet {detected:?}"
                );
            }
        }
    }
    // The hundreds of the 16 public codes, and the module codes below 11000.
    assert!(resolved >= 16 * 100, "{resolved}");
}

#[test]
fn aliyun_values_with_detail_resolve_through_headers_and_explain() {
    use aliyun::apigateway::Code;
    let family = Family::AliyunApiGateway;
    let cases = [
        ("Invalid Url: /v2/x", Code::InvalidUrl),
        ("Quota Exhausted; resets at 00:00", Code::QuotaExhausted),
        (
            "Throttled by APP Flow Control.",
            Code::ThrottledByAppFlowControl,
        ),
        ("API Not Found, path /v2/x", Code::ApiNotFound),
        (
            "TThrottled by GROUP Flow Control (100/s)",
            Code::ThrottledByGroupFlowControl,
        ),
    ];
    for (value, code) in cases {
        let any = AnyCode::from(code);
        let r = catalog::resolve(family, value).expect("enabled");
        assert_eq!(r.typed_code(), Some(any), "{value:?}");
        assert_eq!(r.basis(), Basis::Exact, "{value:?}");
        assert_eq!(r.raw_code(), value);
        resolve_agrees(family, value);
        let m = catalog::by_header("X-Ca-Error-Message", value).expect(value);
        assert_eq!((m.code(), m.parameter()), (any, None), "{value:?}");
        assert_eq!(
            catalog::resolve_all(Some(Vendor::Aliyun), value)
                .map(|r| r.typed_code())
                .collect::<Vec<_>>(),
            [Some(any)],
            "{value:?}"
        );
        let headers = [
            ("X-Ca-Error-Message", value),
            ("X-Ca-Request-Id", "7AD052CB"),
        ];
        for response in [
            Response::new(b"")
                .with_status(403)
                .with_headers(&headers)
                .explain(),
            Response::new(b"")
                .with_family(family)
                .with_status(400)
                .with_headers(&headers)
                .explain(),
        ] {
            let outcome = response.expect("headers only");
            let e = explained(&outcome, value);
            explain_agrees(e, &r, &format!("explain Aliyun {value:?}"));
            assert_eq!(e.request_id(), Some("7AD052CB"));
            assert_eq!(e.received_message(), Some(value), "the detail is kept");
        }
    }
    // Every documented code, with detail, through explain.
    for &code in Code::ALL {
        if code.as_str().contains("%s") {
            continue;
        }
        let value = format!("{code}: detail");
        let r = catalog::resolve(family, &value).expect("enabled");
        assert_eq!(r.typed_code(), Some(code.into()), "{value:?}");
        let headers = [("X-Ca-Error-Message", value.as_str())];
        let outcome = Response::new(b"")
            .with_status(403)
            .with_headers(&headers)
            .explain()
            .expect("headers only");
        explain_agrees(
            explained(&outcome, &value),
            &r,
            &format!("explain {value:?}"),
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Arbitrary strings and near misses.

/// A key changed a little: cased, cut, a character inserted, removed or replaced, padded.
fn mutate(key: &str, op: u8, ch: char, at: usize) -> String {
    let mut chars: Vec<char> = key.chars().collect();
    let i = at % (chars.len() + 1);
    match op % 9 {
        0 => return key.to_owned(),
        1 => return key.to_ascii_lowercase(),
        2 => return key.to_ascii_uppercase(),
        3 => chars.insert(i, ch),
        4 if i < chars.len() => {
            chars.remove(i);
        }
        5 if i < chars.len() => chars[i] = ch,
        6 => return format!(" {key}{ch}"),
        7 => chars.truncate(i),
        _ => chars.push(ch),
    }
    chars.into_iter().collect()
}

/// Characters that matter to the lookups (separators, white space, sentence punctuation, case),
/// and any character.
fn interesting_char() -> impl Strategy<Value = char> {
    prop_oneof![
        prop::sample::select(vec![
            '.', '。', '!', '！', ' ', '\t', '\n', ':', '%', 's', '-', '_', 'A', 'a', '0', '9',
            'é', '\u{FFFD}'
        ]),
        any::<char>(),
    ]
}

/// Near a key, or anything.
fn near(keys: Vec<&'static str>) -> impl Strategy<Value = String> {
    prop_oneof![
        3 => (
            prop::sample::select(keys),
            any::<u8>(),
            interesting_char(),
            any::<usize>()
        )
            .prop_map(|(key, op, ch, at)| mutate(key, op, ch, at)),
        1 => "[ -~]{0,40}",
        1 => any::<String>(),
    ]
}

fn header_name() -> impl Strategy<Value = String> {
    let names: Vec<&'static str> = headers().into_iter().map(Header::name).collect();
    prop_oneof![
        3 => (prop::sample::select(names), prop::collection::vec(any::<bool>(), 64))
            .prop_map(|(name, upper)| recase(name, &upper)),
        1 => near(vec!["x-ca-error-message", "x-cb-status", "content-type"]),
        1 => "[A-Za-z-]{60,70}",
    ]
}

/// `name` with character `i` uppercased where `upper[i]`, else lowercased.
fn recase(name: &str, upper: &[bool]) -> String {
    name.chars()
        .zip(upper.iter().cycle())
        .map(|(c, &up)| {
            if up {
                c.to_ascii_uppercase()
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect()
}

/// The Tencent CDN message split as documented, written the plain way: the text after leading
/// white space and `(` or `（`, up to the first `)` or `）`, is the code when it is ASCII digits
/// after an optional `-`; the rest, after that parenthesis and white space, is the text.
fn split_oracle(message: &str) -> Option<(&str, &str)> {
    let rest = message.trim_start().strip_prefix(['(', '（'])?;
    let end = rest.find([')', '）'])?;
    let code = &rest[..end];
    let digits = code.strip_prefix('-').unwrap_or(code);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let after = &rest[end..];
    let after = after.strip_prefix([')', '）']).unwrap_or(after);
    Some((code, after.trim_start()))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn tencent_cdn_messages_split_as_documented(
        message in r"[ \t\u{3000}]{0,2}[(（]?-{0,2}[0-9a]{0,5}[)）]?[ ]{0,2}[a-z非法]{0,4}[)）]?"
    ) {
        prop_assert_eq!(tencent_cloud::cdn::split_message(&message), split_oracle(&message));
    }

    #[test]
    fn any_casing_of_a_header_name_is_found(
        index in any::<prop::sample::Index>(),
        upper in prop::collection::vec(any::<bool>(), 64),
    ) {
        let headers = headers();
        let header = headers[index.index(headers.len())];
        let name = recase(header.name(), &upper);
        prop_assert_eq!(catalog::header(&name), Some(header));
    }

    #[test]
    fn codes_agree_with_the_oracle(code in near(code_keys())) {
        codes_agree(&code);
    }

    #[test]
    fn sub_codes_and_numbers_resolve_as_the_oracle_walks(
        code in near(
            TENCENT_SUB_CODES
                .into_iter()
                .chain(CLASSIFIED)
                .chain(ALIYUN_CLASSIFIED)
                .chain(["4102", "4199", "6250", "2130", "Invalid Url: /x", "Quota Exhausted."])
                .collect()
        ),
    ) {
        for family in table_families() {
            resolve_agrees(family, &code);
        }
    }

    #[test]
    fn messages_agree_with_the_oracle(text in near(message_keys())) {
        messages_agree(&text);
        for &c in catalog::by_message(&text) {
            prop_assert!(catalog::all().contains(&c));
        }
    }

    #[test]
    fn headers_agree_with_the_oracle(
        name in header_name(),
        value in prop_oneof![
            near(code_keys()),
            near(templates().into_iter().map(|(_, before)| before).collect()),
        ],
    ) {
        headers_agree(&name, &value);
    }
}

/// The families whose codes are in tables, which the oracle reads: every family but the
/// Tencent Cloud product codes (`tests/tencent_products.rs`).
fn table_families() -> impl Iterator<Item = Family> {
    Family::ALL
        .into_iter()
        .filter(|f| *f != Family::TencentCloudProducts)
}

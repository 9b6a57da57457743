//! Properties of the catalog's lookups, each against a naive linear oracle built here from the
//! public data alone (`catalog::all()`, each entry's code, aliases and messages, each table's
//! `ALL`, `Vendor::headers()`), with no phf map in it:
//!
//! - every documented key is found: each code and alias, each message text, each header name in
//!   any casing, each documented status, each template filled in;
//! - for arbitrary strings, nothing panics, and whatever is found is really in the catalog;
//! - every O(1) lookup agrees with the oracle, on every key and on random misses near the keys.

use std::fmt::Debug;
use std::str::FromStr;

use errcat::{
    AnyCode, Header, HeaderRole, UnknownCode, Vendor, aliyun_apigateway, catalog, cloudbypass,
    tencent_cdn, tencent_cloud, upyun,
};
use proptest::prelude::*;

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

fn oracle_lookup(vendor: Vendor, code: &str) -> Option<AnyCode> {
    catalog::all()
        .iter()
        .copied()
        .find(|&c| c.vendor() == vendor && spells(c, code))
}

/// The normal form `catalog::by_message` documents: leading white space, and any run of trailing
/// white space and sentence punctuation, removed.
fn message_key(text: &str) -> &str {
    text.trim_start()
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '.' | '。' | '!' | '！'))
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

fn oracle_by_message(text: &str) -> Vec<AnyCode> {
    let key = message_key(text);
    catalog::all()
        .iter()
        .copied()
        .filter(|&c| messages(c).iter().any(|t| message_key(t) == key))
        .collect()
}

fn headers() -> Vec<&'static Header> {
    Vendor::ALL.into_iter().flat_map(Vendor::headers).collect()
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

fn oracle_template(vendor: Option<Vendor>, value: &str) -> Option<(AnyCode, &str)> {
    templates()
        .into_iter()
        .filter(|(c, _)| vendor.is_none_or(|v| c.vendor() == v))
        .find_map(|(c, before)| value.strip_prefix(before).map(|rest| (c, rest)))
}

/// `by_header` as documented: a header carrying an error code (or a message naming one), whose
/// value is one of its vendor's codes exactly, or fills one of its vendor's templates.
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
    if let Some(c) = oracle_lookup(header.vendor(), value) {
        return Some((header, c, None));
    }
    let (c, parameter) = oracle_template(Some(header.vendor()), value)?;
    Some((header, c, Some(parameter)))
}

fn sorted(codes: &[AnyCode]) -> Vec<AnyCode> {
    let mut codes = codes.to_vec();
    codes.sort();
    codes
}

// ---------------------------------------------------------------------------------------------
// Agreement of each O(1) lookup with the oracle, on one input.

/// `catalog::lookup` (every vendor), `catalog::by_code`, every table's `from_code` and `FromStr`,
/// and `Vendor`'s `FromStr`, against the oracle.
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
            oracle_lookup(vendor, code),
            "lookup({vendor}, {code:?})"
        );
    }
    table_agrees(code, cloudbypass::Code::ALL, cloudbypass::Code::from_code);
    table_agrees(code, tencent_cdn::Code::ALL, tencent_cdn::Code::from_code);
    table_agrees(
        code,
        tencent_cdn::ModuleCode::ALL,
        tencent_cdn::ModuleCode::from_code,
    );
    table_agrees(
        code,
        aliyun_apigateway::Code::ALL,
        aliyun_apigateway::Code::from_code,
    );
    table_agrees(code, upyun::Code::ALL, upyun::Code::from_code);
    table_agrees(
        code,
        tencent_cloud::Code::ALL,
        tencent_cloud::Code::from_code,
    );
    let vendor = Vendor::ALL.into_iter().find(|v| v.slug() == code);
    assert_eq!(
        code.parse::<Vendor>().ok(),
        vendor,
        "Vendor::from_str({code:?})"
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
            assert_eq!(catalog::lookup(c.vendor(), code), Some(c), "{code:?}");
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
    for h in error_headers {
        let codes = catalog::all().iter().filter(|c| c.vendor() == h.vendor());
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
        }
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

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

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

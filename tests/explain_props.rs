//! Property tests of `Response::explain`.
//!
//! - Arbitrary headers, status, family or vendor hint and body bytes (random, or vendor bodies
//!   mutated): explain never panics; whatever it reports as the raw code, message, request id,
//!   module code, request line or template parameter comes from the input; an outcome has the
//!   family, or the vendor, asked for.
//! - JSON shaped like each family's body, with fields missing, null, of the wrong type, huge
//!   numbers, escapes and nesting: the code, message and request id are kept whenever they are
//!   strings (or numbers, as written), and a wrong-typed field is reported as a problem.
//! - Deep nesting and bodies of several MB complete without panicking.
//!
//! The case count is modest (see [`config`]) so that the suite runs in seconds in debug mode.

// Written against the five tables of the default features (`cfg` set by build.rs).
#![cfg(errcat_default_features)]

use std::borrow::Cow;
use std::fmt::Write as _;

use errcat::response::{MAX_BODY, Problem};
use errcat::{ApiError, Family, Outcome, ParseError, ParsedError, Response, Vendor};
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;
use proptest::sample::{Index, select};

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 192,
        ..ProptestConfig::default()
    }
}

// ---------------------------------------------------------------------------------------------
// Inputs

const DOCUMENTED_HEADERS: [&str; 4] = [
    "x-cb-status",
    "X-Ca-Error-Message",
    "X-Ca-Error-Code",
    "X-Ca-Request-Id",
];

const HEADER_VALUES: [&str; 9] = [
    "ok",
    "",
    " ok ",
    "Quota Exhausted",
    "Throttled by APP Flow Control, limit 1/s",
    "TThrottled by GROUP Flow Control",
    "Invalid Signature, Server StringToSign:GET#/v1",
    "7AD052CB-EE8B",
    "A403AF",
];

/// Vendor bodies (and non-bodies) to mutate.
const BODIES: [&str; 12] = [
    r#"{"id":"abc","code":"PARAM_ERROR","message":"x"}"#,
    r#"{"code":4000,"message":"(2130)非法ProjectID参数","codeDesc":"InvalidParameter"}"#,
    r#"{"code":0,"message":"","data":{"a":[1,2]}}"#,
    r#"{"error_code":"21402","request":"PUT /operators/","message":"Operator already exists."}"#,
    r#"{"error_code":40100012,"message":"\u7a7a\u95f4"}"#,
    r#"{"Response":{"Error":{"Code":"InvalidParameter.InvalidZoneName","Message":"m \"q\""},"RequestId":"r-1"}}"#,
    r#"{"Response":{"TotalCount":0,"RequestId":"r-2"}}"#,
    r#"{"Error":{"Code":"InternalError","Message":"m"},"RequestId":"r-3"}"#,
    r#"{"code":"4102","message":"(-1) x","codeDesc":null}"#,
    "<html><body>blocked</body></html>",
    "",
    "{}",
];

/// `name` in a random mix of ASCII cases.
fn random_case(name: &str, mask: u64) -> String {
    name.chars()
        .enumerate()
        .map(|(i, c)| {
            if (mask >> (i % 64)) & 1 == 1 {
                c.to_ascii_uppercase()
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect()
}

/// What the caller says it called: the family (detection is skipped) or the vendor (detection
/// among its families).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Hint {
    Family(Family),
    Vendor(Vendor),
}

fn hint() -> impl Strategy<Value = Option<Hint>> {
    option::of(prop_oneof![
        select(Family::ALL.to_vec()).prop_map(Hint::Family),
        select(Vendor::ALL.to_vec()).prop_map(Hint::Vendor),
    ])
}

fn status() -> impl Strategy<Value = Option<u16>> {
    prop_oneof![
        1 => Just(None),
        3 => select(vec![200_u16, 201, 400, 401, 403, 404, 409, 429, 500, 502, 503, 504]).prop_map(Some),
        1 => any::<u16>().prop_map(Some),
    ]
}

fn header_name() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => (select(DOCUMENTED_HEADERS.to_vec()), any::<u64>()).prop_map(|(n, m)| random_case(n, m)),
        1 => "[!-~]{0,70}",
        1 => any::<String>(),
    ]
}

fn header_value() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        2 => select(HEADER_VALUES.to_vec()).prop_map(|v| v.as_bytes().to_vec()),
        1 => vec(any::<u8>(), 0..48),
        1 => any::<String>().prop_map(String::into_bytes),
    ]
}

/// Mutates `body` once: 0 keeps it, 1 truncates, 2 replaces a byte, 3 inserts one.
fn mutate(body: &[u8], at: Index, byte: u8, op: u8) -> Vec<u8> {
    let mut out = body.to_vec();
    if out.is_empty() {
        if op != 0 {
            out.push(byte);
        }
        return out;
    }
    let i = at.index(out.len());
    match op {
        1 => out.truncate(i),
        2 => out[i] = byte,
        3 => out.insert(i, byte),
        _ => {}
    }
    out
}

fn body() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        1 => vec(any::<u8>(), 0..300),
        2 => (select(BODIES.to_vec()), any::<Index>(), any::<u8>(), 0..4_u8)
            .prop_map(|(b, at, byte, op)| mutate(b.as_bytes(), at, byte, op)),
    ]
}

// ---------------------------------------------------------------------------------------------
// Oracles

/// Every JSON string literal in `bytes`, unescaped: a hand-rolled scan, independent of how
/// explain reads the body.
fn json_strings(bytes: &[u8]) -> Vec<String> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'"' {
            let start = i;
            i += 1;
            while i < bytes.len() && bytes[i] != b'"' {
                if bytes[i] == b'\\' {
                    i += 1;
                }
                i += 1;
            }
            if i < bytes.len() {
                if let Ok(s) = serde_json::from_slice::<String>(&bytes[start..=i]) {
                    out.push(s);
                }
            }
        }
        i += 1;
    }
    out
}

/// Whatever explain reports comes from the input: the body's text, one of its JSON strings
/// unescaped, or a header value (lossily, as explain reads a value that is not UTF-8).
fn check_from_input(
    e: &ParsedError<'_>,
    body: &[u8],
    headers: &[(String, Vec<u8>)],
) -> Result<(), TestCaseError> {
    let body_text = String::from_utf8_lossy(body);
    let strings = json_strings(body);
    let values: Vec<Cow<'_, str>> = headers
        .iter()
        .map(|(_, v)| String::from_utf8_lossy(v))
        .collect();
    let fields = [
        ("raw code", e.raw_code()),
        ("message", e.message()),
        ("request id", e.request_id()),
        (
            "module code",
            errcat::tencent_cloud::cdn::Details::of(e).and_then(|d| d.module_code()),
        ),
        (
            "request",
            errcat::upyun::management::Details::of(e).and_then(|d| d.request()),
        ),
        ("template parameter", e.template_parameter()),
    ];
    for (what, field) in fields {
        let Some(text) = field else { continue };
        let found = body_text.contains(text)
            || strings.iter().any(|s| s.contains(text))
            || values.iter().any(|v| v.contains(text));
        prop_assert!(found, "{} {:?} is not in the input", what, text);
    }
    Ok(())
}

/// What must hold of any outcome.
fn check_outcome(
    outcome: &Outcome<'_>,
    hint: Option<Hint>,
    status: Option<u16>,
) -> Result<(), TestCaseError> {
    prop_assert_eq!(outcome.vendor(), outcome.family().map(Family::vendor));
    match outcome {
        Outcome::Success(s) => {
            prop_assert_eq!(outcome.family(), Some(s.family()));
            prop_assert_eq!(outcome.vendor(), Some(s.vendor()));
            prop_assert_eq!(s.status(), status);
        }
        Outcome::Error(e) => {
            prop_assert_eq!(outcome.family(), Some(e.family()));
            prop_assert_eq!(outcome.vendor(), Some(e.vendor()));
            prop_assert_eq!(e.status(), status);
            prop_assert_eq!(ApiError::code(e), e.raw_code().unwrap_or(""));
            if e.is_known() {
                prop_assert!(e.entry().is_some(), "known without an entry: {:?}", e);
            }
            if let Some(code) = e.typed_code() {
                prop_assert_eq!(code.family(), e.family());
                prop_assert!(e.is_known());
            }
            if let Some(rule) = e.classification() {
                prop_assert_eq!(rule.family(), e.family());
            }
            if let Some(entry) = e.entry() {
                prop_assert_eq!(entry.family(), e.family());
                if e.classification().is_none() {
                    prop_assert_eq!(e.kind(), entry.kind());
                    prop_assert_eq!(e.is_retryable(), entry.is_retryable());
                }
            }
        }
        Outcome::Unrecognized(u) => {
            prop_assert_eq!(outcome.family(), None);
            prop_assert_eq!(hint, None, "a hinted response was not recognized");
            prop_assert_eq!(u.status(), status);
        }
        _ => prop_assert!(false, "an outcome this test does not know: {:?}", outcome),
    }
    match hint {
        Some(Hint::Family(family)) => {
            prop_assert_eq!(
                outcome.family(),
                Some(family),
                "the family hint was not followed"
            );
        }
        Some(Hint::Vendor(vendor)) => {
            prop_assert_eq!(
                outcome.vendor(),
                Some(vendor),
                "the vendor hint was not followed"
            );
        }
        None => {}
    }
    Ok(())
}

/// A `ParseError` only for a body meant to be read as JSON, and a JSON error says where.
fn check_parse_error(err: &ParseError, body: &[u8]) -> Result<(), TestCaseError> {
    let first = body.iter().find(|b| !b.is_ascii_whitespace());
    prop_assert!(
        first == Some(&b'{') || body.len() > MAX_BODY,
        "a body that is not a JSON object failed to read: {}",
        err
    );
    if let ParseError::Json { .. } = err {
        let (line, column) = err.position().expect("a JSON error has a position");
        let suffix = format!(" at line {line} column {column}");
        prop_assert!(
            err.to_string().ends_with(&suffix),
            "{} does not end with{}",
            err,
            suffix
        );
    }
    Ok(())
}

/// `response` with the hint, if any.
fn hinted<H>(response: Response<'_, H>, hint: Option<Hint>) -> Response<'_, H> {
    match hint {
        Some(Hint::Family(family)) => response.with_family(family),
        Some(Hint::Vendor(vendor)) => response.with_vendor(vendor),
        None => response,
    }
}

fn explain<'a>(
    body: &'a [u8],
    headers: &'a [(String, Vec<u8>)],
    hint: Option<Hint>,
    status: Option<u16>,
) -> Result<Outcome<'a>, ParseError> {
    let pairs: Vec<(&str, &[u8])> = headers
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_slice()))
        .collect();
    let response = Response::new(body).with_headers(pairs).with_status(status);
    hinted(response, hint).explain()
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn arbitrary_input_never_panics_and_reports_only_what_it_read(
        hint in hint(),
        status in status(),
        headers in vec((header_name(), header_value()), 0..6),
        body in body(),
    ) {
        match explain(&body, &headers, hint, status) {
            Ok(outcome) => {
                check_outcome(&outcome, hint, status)?;
                if let Outcome::Error(e) = &outcome {
                    check_from_input(e, &body, &headers)?;
                }
            }
            Err(err) => check_parse_error(&err, &body)?,
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Family-shaped JSON

/// A field of a generated body.
#[derive(Clone, Debug)]
enum Field {
    Missing,
    Null,
    /// A string, written with `\uXXXX` escapes for everything not ASCII when `escaped`.
    Str(String, bool),
    /// A number literal, as written.
    Num(String),
    Bool(bool),
    /// An array or object, as JSON text.
    Nested(String),
}

impl Field {
    fn json(&self) -> Option<String> {
        match self {
            Self::Missing => None,
            Self::Null => Some("null".to_owned()),
            Self::Str(s, escaped) => Some(json_string(s, *escaped)),
            Self::Num(n) => Some(n.clone()),
            Self::Bool(b) => Some(b.to_string()),
            Self::Nested(text) => Some(text.clone()),
        }
    }

    /// The text explain must report for this field: a string unescaped, a number as written.
    fn text(&self) -> Option<&str> {
        match self {
            Self::Str(s, _) => Some(s),
            Self::Num(n) => Some(n),
            _ => None,
        }
    }
}

/// `s` as a JSON string; with `escape_all`, every non-ASCII character as `\uXXXX` (surrogate
/// pairs above the BMP).
fn json_string(s: &str, escape_all: bool) -> String {
    if !escape_all {
        return serde_json::to_string(s).expect("a string serializes");
    }
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_ascii() && !c.is_ascii_control() => out.push(c),
            c => {
                let mut units = [0_u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    let _ = write!(out, "\\u{unit:04x}");
                }
            }
        }
    }
    out.push('"');
    out
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        2 => any::<String>(),
        1 => "[A-Za-z]{1,12}(\\.[A-Za-z]{1,12}){0,2}",
        1 => "[\u{4e00}-\u{9fa5}\"\\\\ /:]{0,20}",
        1 => select(vec![
            "PARAM_ERROR", "4000", "0", "21402", "AuthFailure.SignatureFailure",
            "InvalidParameter.InvalidZoneName", "", "null", "(2130)x",
        ]).prop_map(str::to_owned),
    ]
}

fn number() -> impl Strategy<Value = String> {
    prop_oneof![
        "0|-?[1-9][0-9]{0,5}",
        "-?[1-9][0-9]{19,40}",
        "-?(0|[1-9][0-9]{0,3})\\.[0-9]{1,4}",
        "[1-9][eE][+-]?[0-9]{1,3}",
    ]
}

/// An array or object, up to a few levels deep (well under `serde_json`'s recursion limit).
fn nested() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        text().prop_map(|s| json_string(&s, false)),
        number(),
        Just("null".to_owned()),
        Just("true".to_owned()),
    ];
    let inner = leaf.prop_recursive(6, 48, 6, |inner| {
        prop_oneof![
            vec(inner.clone(), 0..6).prop_map(|items| format!("[{}]", items.join(","))),
            vec(("[a-zA-Z_]{1,10}", inner), 0..6).prop_map(|entries| {
                let body: Vec<String> = entries
                    .iter()
                    .map(|(k, v)| format!("{}:{v}", json_string(k, false)))
                    .collect();
                format!("{{{}}}", body.join(","))
            }),
        ]
    });
    prop_oneof![
        vec(inner.clone(), 0..4).prop_map(|items| format!("[{}]", items.join(", "))),
        inner.prop_map(|v| format!("{{\"x\": {v}}}")),
    ]
}

fn field() -> impl Strategy<Value = Field> {
    prop_oneof![
        1 => Just(Field::Missing),
        1 => Just(Field::Null),
        5 => (text(), any::<bool>()).prop_map(|(s, e)| Field::Str(s, e)),
        2 => number().prop_map(Field::Num),
        1 => any::<bool>().prop_map(Field::Bool),
        1 => nested().prop_map(Field::Nested),
    ]
}

/// Unknown fields next to the vendor's: any JSON, keys that no vendor uses.
fn extras() -> impl Strategy<Value = Vec<(String, String)>> {
    vec(
        (
            "x_[a-z]{1,8}",
            prop_oneof![
                nested(),
                number(),
                text().prop_map(|s| json_string(&s, true))
            ],
        ),
        0..3,
    )
}

/// Layout of a generated object: key order and white space.
#[derive(Clone, Copy, Debug)]
struct Layout {
    seed: u64,
    pretty: bool,
}

fn layout() -> impl Strategy<Value = Layout> {
    (any::<u64>(), any::<bool>()).prop_map(|(seed, pretty)| Layout { seed, pretty })
}

/// FNV-1a, to order keys by a seed without a dependency.
fn fnv(text: &str, seed: u64) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325 ^ seed, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// A JSON object of the present fields and the extras, in an order and layout from `layout`.
fn object(fields: &[(&str, &Field)], extras: &[(String, String)], layout: Layout) -> String {
    let mut entries: Vec<(String, String)> = fields
        .iter()
        .filter_map(|(k, f)| f.json().map(|v| ((*k).to_owned(), v)))
        .chain(extras.iter().cloned())
        .collect();
    entries.sort_by_key(|(k, _)| fnv(k, layout.seed));
    let (open, sep, colon, close) = if layout.pretty {
        ("{\n  ", ",\n  ", ": ", "\n}")
    } else {
        ("{", ",", ":", "}")
    };
    let items: Vec<String> = entries
        .iter()
        .map(|(k, v)| format!("{}{colon}{v}", json_string(k, false)))
        .collect();
    format!("{open}{}{close}", items.join(sep))
}

/// Explain must report `given` as `got`: a string or number as written; a wrong-typed field as
/// `wrong`; nothing for a missing or null field. (A boolean is left out: see
/// `boolean_code_is_kept_and_flagged_wrong_type` in tests/parse.rs.)
fn check_field(
    what: &str,
    got: Option<&str>,
    given: &Field,
    e: &ParsedError<'_>,
    wrong: Problem,
) -> Result<(), TestCaseError> {
    match given {
        Field::Str(..) | Field::Num(_) => prop_assert_eq!(got, given.text(), "{}", what),
        Field::Missing | Field::Null => prop_assert_eq!(got, None, "{}", what),
        Field::Nested(_) => {
            prop_assert_eq!(got, None, "{}", what);
            prop_assert!(
                e.problems().any(|p| p == wrong),
                "{} of the wrong type is not reported: {:?}",
                what,
                e
            );
        }
        Field::Bool(_) => {}
    }
    Ok(())
}

fn error_outcome<'a>(result: Result<Outcome<'a>, ParseError>, body: &str) -> ParsedError<'a> {
    match result {
        Ok(Outcome::Error(e)) => e,
        other => panic!("{body}\n=> expected an error outcome, got {other:?}"),
    }
}

fn is_zero(code: &Field) -> bool {
    code.text() == Some("0") && matches!(code, Field::Num(_) | Field::Str(..))
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn cloudbypass_body_keeps_its_fields(
        id in field(),
        code in field(),
        message in field(),
        extras in extras(),
        layout in layout(),
        // Values that are not `ok` in any case ("OK" and " ok " are successes).
        header in option::of((select(vec!["", "fail", "0k", "ok.", "okay"]), any::<u64>())),
        status in status(),
    ) {
        let body = object(&[("id", &id), ("code", &code), ("message", &message)], &extras, layout);
        let headers: Vec<(String, Vec<u8>)> = header
            .iter()
            .map(|(v, mask)| (random_case("x-cb-status", *mask), v.as_bytes().to_vec()))
            .collect();
        let e = error_outcome(
            explain(body.as_bytes(), &headers, Some(Hint::Family(Family::CloudbypassApi)), status),
            &body,
        );
        check_field("code", e.raw_code(), &code, &e, Problem::CodeWrongType)?;
        check_field("message", e.message(), &message, &e, Problem::MessageWrongType)?;
        check_field("id", e.request_id(), &id, &e, Problem::RequestIdWrongType)?;
    }

    #[test]
    fn tencent_cdn_body_keeps_its_fields(
        code in prop_oneof![
            3 => number().prop_map(Field::Num),
            2 => "0|-?[1-9][0-9]{0,6}".prop_map(|s| Field::Str(s, false)),
            2 => field(),
        ],
        module in option::of(select(vec![
            ("(2130)", "2130"), ("(-1) ", "-1"), ("(123456789012345678901)", "123456789012345678901"),
            ("（2130）", "2130"), ("(10103)  ", "10103"),
        ])),
        text in text(),
        escaped in any::<bool>(),
        other_message in field(),
        code_desc in field(),
        extras in extras(),
        layout in layout(),
        status in status(),
    ) {
        let message = match module {
            Some((prefix, _)) => Field::Str(format!("{prefix}{text}"), escaped),
            None => other_message,
        };
        let body = object(
            &[("code", &code), ("message", &message), ("codeDesc", &code_desc)],
            &extras,
            layout,
        );
        let result = explain(body.as_bytes(), &[], Some(Hint::Family(Family::TencentCdn)), status);
        if is_zero(&code) {
            prop_assert!(matches!(result, Ok(Outcome::Success(_))), "code 0: {:?}", result);
        } else {
            let e = error_outcome(result, &body);
            check_field("code", e.raw_code(), &code, &e, Problem::CodeWrongType)?;
            check_field("message", e.message(), &message, &e, Problem::MessageWrongType)?;
            if let Some((_, digits)) = module {
                prop_assert_eq!(errcat::tencent_cloud::cdn::Details::of(&e).and_then(|d| d.module_code()), Some(digits));
            }
        }
    }

    #[test]
    fn upyun_body_keeps_its_fields(
        code in prop_oneof![
            2 => "[12][0-9]{4}|[1-9][0-9]{7}|0[0-9]{4}".prop_map(|s| Field::Str(s, false)),
            1 => "[12][0-9]{4}|[1-9][0-9]{7}".prop_map(Field::Num),
            3 => field(),
        ],
        message in field(),
        request in field(),
        extras in extras(),
        layout in layout(),
        status in select(vec![None, Some(400_u16), Some(401), Some(404), Some(409), Some(500)]),
        hinted in any::<bool>(),
    ) {
        let body = object(
            &[("error_code", &code), ("message", &message), ("request", &request)],
            &extras,
            layout,
        );
        let hint = (hinted || matches!(code, Field::Missing | Field::Null))
            .then_some(Hint::Family(Family::UpyunManagement));
        let e = error_outcome(explain(body.as_bytes(), &[], hint, status), &body);
        prop_assert_eq!(e.family(), Family::UpyunManagement);
        prop_assert_eq!(e.vendor(), Vendor::Upyun);
        check_field("error_code", e.raw_code(), &code, &e, Problem::CodeWrongType)?;
        check_field("message", e.message(), &message, &e, Problem::MessageWrongType)?;
        if let Field::Str(..) | Field::Num(_) = request {
            prop_assert_eq!(errcat::upyun::management::Details::of(&e).and_then(|d| d.request()), request.text());
        }
        // Level and module only for exactly five ASCII digits starting 1 or 2.
        let raw = e.raw_code().unwrap_or("");
        let five = raw.len() == 5
            && raw.bytes().all(|b| b.is_ascii_digit())
            && matches!(raw.as_bytes()[0], b'1' | b'2');
        prop_assert_eq!(errcat::upyun::management::Details::of(&e).and_then(|d| d.structure()).is_some(), five, "structure of {:?}", raw);
        if let Some(s) = errcat::upyun::management::Details::of(&e).and_then(|d| d.structure()) {
            prop_assert_eq!(u32::from(s.module()), raw[1..3].parse::<u32>().unwrap());
            prop_assert_eq!(u32::from(s.error()), raw[3..5].parse::<u32>().unwrap());
        }
    }

    #[test]
    fn tencent_cloud_body_keeps_its_fields(
        code in field(),
        message in field(),
        request_id in field(),
        wrapped in any::<bool>(),
        error_extras in extras(),
        extras in extras(),
        layout in layout(),
        status in select(vec![None, Some(200_u16), Some(400), Some(500)]),
    ) {
        let error = Field::Nested(object(&[("Code", &code), ("Message", &message)], &error_extras, layout));
        let inner = object(&[("Error", &error), ("RequestId", &request_id)], &extras, layout);
        let body = if wrapped {
            format!("{{\"Response\": {inner}}}")
        } else {
            inner
        };
        let e = error_outcome(
            explain(body.as_bytes(), &[], Some(Hint::Family(Family::TencentCloudCommon)), status),
            &body,
        );
        check_field("Code", e.raw_code(), &code, &e, Problem::CodeWrongType)?;
        check_field("Message", e.message(), &message, &e, Problem::MessageWrongType)?;
        check_field("RequestId", e.request_id(), &request_id, &e, Problem::RequestIdWrongType)?;
    }

    #[test]
    fn aliyun_headers_are_kept(
        message in option::of(prop_oneof![header_value(), any::<String>().prop_map(String::into_bytes)]),
        request_id in option::of(header_value()),
        error_code in option::of(header_value()),
        masks in (any::<u64>(), any::<u64>(), any::<u64>()),
        junk in vec((header_name(), header_value()), 0..3),
        status in 400_u16..600,
        body in body(),
    ) {
        let mut headers: Vec<(String, Vec<u8>)> = Vec::new();
        let named = [
            ("X-Ca-Error-Message", &message, masks.0),
            ("X-Ca-Request-Id", &request_id, masks.1),
            ("X-Ca-Error-Code", &error_code, masks.2),
        ];
        for (name, value, mask) in named {
            if let Some(v) = value {
                headers.push((random_case(name, mask), v.clone()));
            }
        }
        // Junk after the documented headers: a repeated name does not replace the first value;
        // a documented name not sent above would be a first value, so it is left out.
        let absent: Vec<&str> = named
            .iter()
            .filter(|(_, v, _)| v.is_none())
            .map(|(n, _, _)| *n)
            .collect();
        headers.extend(
            junk.into_iter()
                .filter(|(n, _)| !absent.iter().any(|a| a.eq_ignore_ascii_case(n))),
        );
        let e = error_outcome(
            explain(&body, &headers, Some(Hint::Family(Family::AliyunApiGateway)), Some(status)),
            &String::from_utf8_lossy(&body),
        );
        let lossy = |v: &Option<Vec<u8>>| v.as_deref().map(|b| String::from_utf8_lossy(b).into_owned());
        prop_assert_eq!(e.message().map(str::to_owned), lossy(&message));
        prop_assert_eq!(e.request_id().map(str::to_owned), lossy(&request_id));
        // The raw code is the X-Ca-Error-Message text the table documents; X-Ca-Error-Code
        // stands in only without it, and is kept apart.
        prop_assert_eq!(
            e.raw_code().map(str::to_owned),
            lossy(&message).or_else(|| lossy(&error_code))
        );
        prop_assert_eq!(errcat::aliyun::apigateway::Details::of(&e).and_then(|d| d.error_code_header()).map(str::to_owned), lossy(&error_code));
        let not_utf8 = [&message, &request_id, &error_code]
            .iter()
            .any(|v| v.as_deref().is_some_and(|b| std::str::from_utf8(b).is_err()));
        prop_assert_eq!(e.problems().any(|p| p == Problem::HeaderNotUtf8), not_utf8);
    }
}

// ---------------------------------------------------------------------------------------------
// Deep nesting and large bodies: each must complete without panicking (not timed).

fn explain_any(body: &[u8], hint: Option<Hint>) -> Result<Outcome<'_>, ParseError> {
    hinted(Response::new(body).with_status(400), hint).explain()
}

/// No hint, every family and every vendor.
fn every_hint() -> impl Iterator<Item = Option<Hint>> {
    std::iter::once(None)
        .chain(Family::ALL.map(|f| Some(Hint::Family(f))))
        .chain(Vendor::ALL.map(|v| Some(Hint::Vendor(v))))
}

#[test]
fn deep_nesting_completes() {
    const DEPTH: usize = 10_000;
    let arrays = format!("{}1{}", "[".repeat(DEPTH), "]".repeat(DEPTH));
    let objects = format!("{}1{}", "{\"a\":".repeat(DEPTH), "}".repeat(DEPTH));
    let unclosed = "[".repeat(DEPTH);
    let bodies = [
        objects.clone(),
        format!("{{\"error_code\": \"21402\", \"message\": \"m\", \"x\": {arrays}}}"),
        format!("{{\"error_code\": \"21402\", \"message\": {arrays}}}"),
        format!(
            "{{\"Response\": {{\"Error\": {{\"Code\": \"InternalError\", \"Message\": \"m\", \"x\": {objects}}}, \"RequestId\": \"r\"}}}}"
        ),
        format!("{{\"Response\": {arrays}}}"),
        format!("{{\"code\": 4000, \"message\": \"(2130)x\", \"data\": {objects}}}"),
        format!(
            "{{\"id\": \"i\", \"code\": \"PARAM_ERROR\", \"message\": \"m\", \"x\": {unclosed}"
        ),
        format!("{{\"x\": {unclosed}"),
        "{".repeat(DEPTH),
    ];
    for body in &bodies {
        for hint in every_hint() {
            // Any outcome or error will do, provided a code it reports is the one sent.
            if let Ok(Outcome::Error(e)) = explain_any(body.as_bytes(), hint) {
                if let Some(code) = e.raw_code() {
                    assert!(
                        ["21402", "InternalError", "4000", "PARAM_ERROR"].contains(&code),
                        "{code:?}"
                    );
                }
            }
        }
    }
}

#[test]
fn several_megabyte_bodies_complete() {
    // 3 MiB of valid Tencent Cloud JSON: read, the error found.
    let filler = "\"lorem ipsum dolor sit amet\",".repeat((3 << 20) / 29);
    let body = format!(
        "{{\"Response\": {{\"Items\": [{filler}\"end\"], \"Error\": {{\"Code\": \"InternalError\", \"Message\": \"m\"}}, \"RequestId\": \"big-1\"}}}}"
    );
    assert!(body.len() > 3 << 20 && body.len() <= MAX_BODY);
    let e = match explain_any(body.as_bytes(), None) {
        Ok(Outcome::Error(e)) => e,
        other => panic!("{other:?}"),
    };
    assert_eq!(e.raw_code(), Some("InternalError"));
    assert_eq!(e.request_id(), Some("big-1"));

    // Over the limit: with the vendor known the status stands and the problem is said; without,
    // a size error.
    let huge = format!(
        "{{\"error_code\": \"21402\", \"x\": \"{}\"}}",
        "a".repeat(6 << 20)
    );
    for hint in [
        Hint::Family(Family::UpyunManagement),
        Hint::Vendor(Vendor::Upyun),
    ] {
        let e = match explain_any(huge.as_bytes(), Some(hint)) {
            Ok(Outcome::Error(e)) => e,
            other => panic!("{hint:?}: {other:?}"),
        };
        assert!(e.problems().any(|p| p == Problem::BodyTooLarge));
    }
    assert!(matches!(
        explain_any(huge.as_bytes(), None),
        Err(ParseError::BodyTooLarge { .. })
    ));

    // Just under the limit: 4 MiB of unclosed arrays in a field, binary junk, white space.
    let mut arrays = b"{\"error_code\": \"21402\", \"x\": ".to_vec();
    arrays.resize(MAX_BODY, b'[');
    let _ = explain_any(&arrays, None);
    let junk: Vec<u8> = (0..MAX_BODY)
        .map(|i| (i * 7 + 3).to_le_bytes()[0])
        .collect();
    let _ = explain_any(&junk, None);
    for hint in every_hint() {
        let _ = explain_any(&junk, hint);
    }
    let mut spaces = vec![b' '; MAX_BODY - 2];
    spaces.extend_from_slice(b"{}");
    assert!(matches!(
        explain_any(&spaces, None),
        Ok(Outcome::Unrecognized(_))
    ));
}

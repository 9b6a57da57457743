//! `Response::explain` over real-world responses: table-driven over `tests/fixtures/<dir>/*.json`,
//! one directory per wire family (see [`DIRS`]; named by the vendor slugs of an earlier release)
//! and `tests/fixtures/unrecognized/`, then direct assertions for what a fixture cannot express.
//!
//! A fixture is one JSON object:
//!
//! ```json
//! {
//!   "about": "what the case is and where it comes from",
//!   "ignore": "bug: ...",                       (optional: skipped and printed)
//!   "family": null,                             (a family hint: a family slug, or null)
//!   "vendor": null,                             (a vendor hint: a vendor slug, or null)
//!   "product": "cvm",                           (optional, `tencent-cloud/` only: the Tencent
//!                                                Cloud product called, `Response::with_product`)
//!   "status": 403,                              (or null)
//!   "headers": [["X-Ca-Error-Message", "Quota Exhausted"], ["x-raw", [255, 0]]],
//!   "body": "...",                              (or "body_bytes": [..] or "body_file": "page.html")
//!   "expect": { "outcome": "error", ... }       (or "expect_error": "the exact ParseError message")
//!   "expect_with_products": { "basis": ... }    (optional: the fields that differ when the feature
//!                                                `tencent-cloud-products` is on)
//! }
//! ```
//!
//! A header value is a string, or an array of byte values for a value that is not UTF-8.
//! A `product` hint changes the answer only with the feature `tencent-cloud-products` (a code
//! several products have resolves to the named one's entry); with the feature, it must name a
//! product that has the fixture's code, so that a misspelt hint cannot be silently ignored.
//! `expect` may give `entry_zh`, the Chinese text of the entry, to pin which product's entry
//! answered where several products have the code.
//! `expect` must name every field of its outcome (see [`ERROR_KEYS`]), so a fixture cannot
//! forget to pin one; each is compared exactly, and every mismatch of every fixture is reported
//! at once, with the fixture's name.

// Written against the five tables of the default features (`cfg` set by build.rs).
#![cfg(errcat_default_features)]

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use errcat::response::{Basis, MAX_BODY, Problem};
use errcat::{
    AnyCode, ApiError, Classification, Entry, ErrorKind, Family, Outcome, ParseError, ParsedError,
    Response, Vendor, tencent_cloud, upyun,
};
use serde::Deserialize;
use serde_json::{Map, Value, json};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

/// Every fixture directory and the family its responses are of: one per family, plus responses
/// of none of them. (The directories keep the vendor slugs of the release before families.)
const DIRS: [(&str, Option<Family>); 11] = [
    ("cloudbypass", Some(Family::CloudbypassApi)),
    ("tencent-cdn", Some(Family::TencentCdn)),
    ("aliyun-apigateway", Some(Family::AliyunApiGateway)),
    ("upyun", Some(Family::UpyunManagement)),
    ("upyun-rest", Some(Family::UpyunRest)),
    ("upyun-form", Some(Family::UpyunForm)),
    ("upyun-multipart", Some(Family::UpyunMultipart)),
    ("tencent-cloud", Some(Family::TencentCloudCommon)),
    (
        "aliyun-higress-hmac-auth",
        Some(Family::AliyunHigressHmacAuth),
    ),
    ("cloudbypass-balance", Some(Family::CloudbypassBalance)),
    ("unrecognized", None),
];

/// The fewest fixtures a directory may hold, so that a path mistake cannot pass silently.
const MIN_PER_DIR: usize = 8;

/// The fields `expect` must give for an error.
const ERROR_KEYS: [&str; 15] = [
    "outcome",
    "vendor",
    "family",
    "code",
    "raw_code",
    "known",
    "module_code",
    "kind",
    "retryable",
    "request_id",
    "message",
    "template_parameter",
    "basis",
    "problems",
    "entry",
];
/// Further fields an error of these families must give (their `Details`); an error of another
/// family may give them (as `null`).
const FAMILY_ERROR_KEYS: [(Family, &[&str]); 3] = [
    (Family::UpyunManagement, &["request", "upyun_structure"]),
    (Family::UpyunForm, &["url"]),
    (Family::UpyunMultipart, &["path"]),
];
/// Fields an error may give.
const OPTIONAL_ERROR_KEYS: [&str; 2] = ["classification", "entry_zh"];
/// The fields `expect` must give for a success.
const SUCCESS_KEYS: [&str; 4] = ["outcome", "vendor", "family", "request_id"];
/// The fields `expect` must give for an unrecognized response.
const UNRECOGNIZED_KEYS: [&str; 3] = ["outcome", "vendor", "family"];

// ---------------------------------------------------------------------------------------------
// Fixtures

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Fixture {
    about: String,
    #[serde(default)]
    ignore: Option<String>,
    family: Option<Family>,
    vendor: Option<Vendor>,
    #[serde(default)]
    product: Option<String>,
    status: Option<u16>,
    headers: Vec<(String, HeaderValue)>,
    #[serde(default)]
    body: Option<String>,
    #[serde(default)]
    body_bytes: Option<Vec<u8>>,
    #[serde(default)]
    body_file: Option<String>,
    #[serde(default)]
    expect: Option<Map<String, Value>>,
    #[serde(default)]
    expect_error: Option<String>,
    #[serde(default)]
    expect_with_products: Option<Map<String, Value>>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum HeaderValue {
    Text(String),
    Bytes(Vec<u8>),
}

impl HeaderValue {
    fn as_bytes(&self) -> &[u8] {
        match self {
            Self::Text(s) => s.as_bytes(),
            Self::Bytes(b) => b,
        }
    }
}

/// A loaded fixture: `<dir>/<file>`, its body bytes, and what it expects.
struct Case {
    name: String,
    fixture: Fixture,
    body: Vec<u8>,
}

/// Every fixture of every directory, sorted by name. Panics on a missing or thin directory, on a
/// fixture that does not parse, and on a file no fixture uses.
fn load() -> Vec<Case> {
    let root = Path::new(FIXTURES);
    let mut found: BTreeSet<String> = BTreeSet::new();
    for entry in fs::read_dir(root).unwrap_or_else(|e| panic!("cannot read {FIXTURES}: {e}")) {
        let entry = entry.expect("fixture directory entry");
        found.insert(entry.file_name().to_string_lossy().into_owned());
    }
    let expected: BTreeSet<String> = DIRS.iter().map(|(dir, _)| (*dir).to_owned()).collect();
    assert_eq!(
        found, expected,
        "tests/fixtures must hold exactly one directory per family plus `unrecognized`"
    );

    let mut cases = Vec::new();
    for (dir, _) in DIRS {
        let path = root.join(dir);
        let mut files: Vec<PathBuf> = fs::read_dir(&path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
            .map(|e| e.expect("fixture file").path())
            .collect();
        files.sort();
        let mut used: BTreeSet<PathBuf> = BTreeSet::new();
        let mut count = 0;
        for file in files
            .iter()
            .filter(|f| f.extension().is_some_and(|x| x == "json"))
        {
            let name = format!("{dir}/{}", file.file_name().unwrap().to_string_lossy());
            let case = load_case(&name, file);
            if let Some(sibling) = &case.fixture.body_file {
                used.insert(path.join(sibling));
            }
            used.insert(file.clone());
            cases.push(case);
            count += 1;
        }
        assert!(
            count >= MIN_PER_DIR,
            "tests/fixtures/{dir} holds {count} fixtures; expected at least {MIN_PER_DIR}"
        );
        let stray: Vec<_> = files.iter().filter(|f| !used.contains(*f)).collect();
        assert!(
            stray.is_empty(),
            "files no fixture uses (misnamed fixture?): {stray:?}"
        );
    }
    cases
}

fn load_case(name: &str, file: &Path) -> Case {
    let text = fs::read_to_string(file).unwrap_or_else(|e| panic!("{name}: cannot read: {e}"));
    let value: Value =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name}: invalid fixture: {e}"));
    let object = value
        .as_object()
        .unwrap_or_else(|| panic!("{name}: a fixture is a JSON object"));
    // `family`, `vendor` and `status` may be null but not absent: every input is stated.
    for key in ["about", "family", "vendor", "status", "headers"] {
        assert!(object.contains_key(key), "{name}: fixture lacks `{key}`");
    }
    let fixture: Fixture =
        serde_json::from_value(value).unwrap_or_else(|e| panic!("{name}: invalid fixture: {e}"));
    assert!(
        !fixture.about.trim().is_empty(),
        "{name}: `about` says nothing"
    );
    assert!(
        fixture.family.is_none() || fixture.vendor.is_none(),
        "{name}: give a family hint or a vendor hint, not both"
    );
    if let Some(product) = &fixture.product {
        assert!(
            name.starts_with("tencent-cloud/") && !product.trim().is_empty(),
            "{name}: a `product` hint is a Tencent Cloud product's name, for tencent-cloud/ only"
        );
    }
    let bodies = [
        fixture.body.is_some(),
        fixture.body_bytes.is_some(),
        fixture.body_file.is_some(),
    ];
    assert_eq!(
        bodies.iter().filter(|b| **b).count(),
        1,
        "{name}: give exactly one of `body`, `body_bytes`, `body_file`"
    );
    assert!(
        fixture.expect.is_some() != fixture.expect_error.is_some(),
        "{name}: give exactly one of `expect`, `expect_error`"
    );
    let body = if let Some(text) = &fixture.body {
        text.clone().into_bytes()
    } else if let Some(bytes) = &fixture.body_bytes {
        bytes.clone()
    } else {
        let sibling = file.with_file_name(fixture.body_file.as_deref().unwrap_or_default());
        fs::read(&sibling)
            .unwrap_or_else(|e| panic!("{name}: cannot read body_file {}: {e}", sibling.display()))
    };
    Case {
        name: name.to_owned(),
        fixture,
        body,
    }
}

// ---------------------------------------------------------------------------------------------
// Running a fixture

fn basis_name(basis: Basis) -> &'static str {
    match basis {
        Basis::Exact => "exact",
        Basis::Family => "family",
        Basis::Classification => "classification",
        Basis::Message => "message",
        Basis::HttpStatus => "http_status",
        Basis::Backend => "backend",
        Basis::None => "none",
        _ => "(a basis this test does not know)",
    }
}

/// What the code of an error is: the catalog's wire code when the raw code is documented, else
/// the raw code (as the CLI's `code`).
fn shown_code(e: &ParsedError<'_>) -> Option<String> {
    e.typed_code()
        .map(AnyCode::as_str)
        .or(e.raw_code())
        .map(str::to_owned)
}

/// Every field of an outcome, as a fixture's `expect` spells it.
fn actual(outcome: &Outcome<'_>) -> Map<String, Value> {
    let mut map = Map::new();
    map.insert("outcome".into(), json!(outcome.as_str()));
    map.insert("vendor".into(), json!(outcome.vendor().map(Vendor::slug)));
    map.insert("family".into(), json!(outcome.family().map(Family::slug)));
    match outcome {
        Outcome::Success(s) => {
            map.insert("request_id".into(), json!(s.request_id()));
        }
        Outcome::Error(e) => {
            let structure = errcat::upyun::management::Details::of(e)
                .and_then(|d| d.structure())
                .map(|s| serde_json::to_value(s).expect("structure serializes"));
            let fields = [
                ("code", json!(shown_code(e))),
                ("raw_code", json!(e.raw_code())),
                ("known", json!(e.is_known())),
                (
                    "module_code",
                    json!(errcat::tencent_cloud::cdn::Details::of(e).and_then(|d| d.module_code())),
                ),
                ("kind", json!(e.kind().as_str())),
                ("retryable", json!(e.is_retryable())),
                ("request_id", json!(e.request_id())),
                ("message", json!(e.received_message())),
                ("template_parameter", json!(e.template_parameter())),
                ("basis", json!(basis_name(e.basis()))),
                (
                    "problems",
                    json!(e.problems().map(Problem::as_str).collect::<Vec<_>>()),
                ),
                ("entry", json!(e.entry().map(Entry::code))),
                ("entry_zh", json!(e.entry().map(|x| x.message().zh))),
                (
                    "request",
                    json!(errcat::upyun::management::Details::of(e).and_then(|d| d.request())),
                ),
                ("upyun_structure", json!(structure)),
                (
                    "url",
                    json!(errcat::upyun::form::Details::of(e).and_then(|d| d.url())),
                ),
                (
                    "path",
                    json!(errcat::upyun::multipart::Details::of(e).and_then(|d| d.path())),
                ),
                (
                    "classification",
                    json!(e.classification().map(Classification::code)),
                ),
            ];
            for (key, value) in fields {
                map.insert(key.into(), value);
            }
        }
        _ => {}
    }
    map
}

fn outcome_status(outcome: &Outcome<'_>) -> Option<u16> {
    match outcome {
        Outcome::Success(s) => s.response_status(),
        Outcome::Error(e) => e.response_status(),
        Outcome::Unrecognized(u) => u.response_status(),
        _ => None,
    }
}

/// Checks that `expect` names exactly the fields its outcome requires (plus allowed extras).
fn check_keys(case: &Case, expect: &Map<String, Value>, failures: &mut Vec<String>) {
    let name = &case.name;
    let outcome = expect.get("outcome").and_then(Value::as_str);
    let (required, optional): (Vec<&str>, Vec<&str>) = match outcome {
        Some("error") => {
            let mut required = ERROR_KEYS.to_vec();
            let mut optional = OPTIONAL_ERROR_KEYS.to_vec();
            let family = expect.get("family").and_then(Value::as_str);
            for (owner, keys) in FAMILY_ERROR_KEYS {
                if family == Some(owner.slug()) {
                    required.extend(keys);
                } else {
                    optional.extend(keys);
                }
            }
            (required, optional)
        }
        Some("success") => (SUCCESS_KEYS.to_vec(), Vec::new()),
        Some("unrecognized") => (UNRECOGNIZED_KEYS.to_vec(), Vec::new()),
        other => {
            failures.push(format!(
                "{name}: expect.outcome must be error, success or unrecognized, not {other:?}"
            ));
            return;
        }
    };
    for key in &required {
        if !expect.contains_key(*key) {
            failures.push(format!("{name}: expect lacks `{key}`"));
        }
    }
    for key in expect.keys() {
        if !required.contains(&key.as_str()) && !optional.contains(&key.as_str()) {
            failures.push(format!(
                "{name}: expect has `{key}`, which is not a field of this outcome"
            ));
        }
    }
}

/// Runs one fixture; returns every way it fails.
fn run(case: &Case) -> Vec<String> {
    let name = &case.name;
    let f = &case.fixture;
    let pairs: Vec<(&str, &[u8])> = f
        .headers
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_bytes()))
        .collect();
    let response = Response::new(&case.body)
        .with_headers(&pairs)
        .with_family(f.family)
        .with_vendor(f.vendor)
        .with_product(f.product.as_deref())
        .with_status(f.status);
    let result = response.explain();

    let mut failures = Vec::new();
    let expect = f.expect.clone().map(|mut expect| {
        if cfg!(feature = "tencent-cloud-products") {
            for (key, value) in f.expect_with_products.clone().unwrap_or_default() {
                expect.insert(key, value);
            }
        }
        expect
    });
    match (&expect, &f.expect_error, &result) {
        (Some(expect), _, Ok(outcome)) => {
            check_keys(case, expect, &mut failures);
            let got = actual(outcome);
            for (key, want) in expect {
                let have = got.get(key).unwrap_or(&Value::Null);
                if have != want {
                    failures.push(format!(
                        "{name}: `{key}`: expected {want}, got {have}\n    ({})",
                        f.about
                    ));
                }
            }
            if outcome_status(outcome) != f.status {
                failures.push(format!(
                    "{name}: the HTTP status was not kept: given {:?}, got {:?}",
                    f.status,
                    outcome_status(outcome)
                ));
            }
        }
        (Some(_), _, Err(e)) => {
            failures.push(format!(
                "{name}: unexpected ParseError: {e}\n    ({})",
                f.about
            ));
        }
        (None, Some(want), Err(e)) => {
            if chain(e) != *want {
                failures.push(format!(
                    "{name}: error message: expected {want:?}, got {:?}",
                    chain(e)
                ));
            }
            failures.extend(check_parse_error(name, e));
        }
        (None, Some(want), Ok(outcome)) => {
            failures.push(format!(
                "{name}: expected the error {want:?}, got {}",
                Value::Object(actual(outcome))
            ));
        }
        (None, None, _) => unreachable!("load_case checks expect/expect_error"),
    }
    failures
}

/// A JSON error says where: its message ends with `serde_json`'s position, which `position()`
/// reports, and the `serde_json` error is its source.
/// An error and its sources, joined with `: ` (what anyhow's `{:#}` prints).
fn chain(e: &dyn std::error::Error) -> String {
    let mut text = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        text.push_str(": ");
        text.push_str(&s.to_string());
        source = s.source();
    }
    text
}

fn check_parse_error(name: &str, e: &ParseError) -> Vec<String> {
    let mut failures = Vec::new();
    match e {
        ParseError::Json { .. } => {
            match e.position() {
                Some((line, column)) => {
                    let suffix = format!(" at line {line} column {column}");
                    if !chain(e).ends_with(&suffix) {
                        failures.push(format!(
                            "{name}: message {:?} does not end with{suffix:?}",
                            chain(e)
                        ));
                    }
                    if e.to_string().contains(" at line ") {
                        failures.push(format!(
                            "{name}: the message {e} repeats its source's position"
                        ));
                    }
                }
                None => failures.push(format!("{name}: a JSON error without a position")),
            }
            if std::error::Error::source(e).is_none() {
                failures.push(format!("{name}: the serde_json error is not the source"));
            }
        }
        // Explain no longer fails on a large body (issue 10): any other error is one too many.
        other => failures.push(format!("{name}: an error other than invalid JSON: {other}")),
    }
    failures
}

fn report(failures: &[String], what: &str) {
    if !failures.is_empty() {
        let mut text = format!("{} {what} failure(s):\n", failures.len());
        for f in failures {
            let _ = writeln!(text, "- {f}");
        }
        panic!("{text}");
    }
}

#[test]
fn fixtures() {
    let cases = load();
    let mut failures = Vec::new();
    let mut ran = 0;
    for case in &cases {
        if let Some(reason) = &case.fixture.ignore {
            let outcome = run(case);
            let state = if outcome.is_empty() {
                "now passes: remove `ignore`".to_owned()
            } else {
                format!("still fails: {}", outcome.join("; "))
            };
            eprintln!("ignored fixture {} ({reason}): {state}", case.name);
            continue;
        }
        failures.extend(run(case));
        ran += 1;
    }
    eprintln!("ran {ran} fixtures, {} ignored", cases.len() - ran);
    report(&failures, "fixture");
}

#[test]
#[ignore = "runs the fixtures marked `ignore` (known bugs); they fail until the bugs are fixed"]
fn ignored_fixtures() {
    let failures: Vec<String> = load()
        .iter()
        .filter(|c| c.fixture.ignore.is_some())
        .flat_map(run)
        .collect();
    report(&failures, "ignored-fixture");
}

/// A fixture's `product` hint names a product whose table has the fixture's code: a hint that
/// names no product, or one without the code, would be ignored and the fixture would pass for
/// another reason than the one it states.
#[cfg(feature = "tencent-cloud-products")]
#[test]
fn fixture_product_hints_name_a_product_that_has_the_code() {
    let cases = load();
    let mut hinted = 0;
    for case in &cases {
        let Some(product) = &case.fixture.product else {
            continue;
        };
        let raw = case
            .fixture
            .expect
            .as_ref()
            .and_then(|e| e.get("raw_code"))
            .and_then(Value::as_str)
            .unwrap_or_else(|| panic!("{}: a product hint on a fixture without a code", case.name));
        assert!(
            tencent_cloud::products::Product::from_name(product).is_some(),
            "{}: `{product}` is not a product",
            case.name
        );
        assert!(
            tencent_cloud::products::lookup(product, raw).is_some(),
            "{}: product `{product}` has no code `{raw}`",
            case.name
        );
        hinted += 1;
    }
    assert!(hinted > 0, "no fixture gives a product hint");
}

#[test]
fn fixtures_cover_success_and_error_and_sit_in_their_family_directory() {
    // Each family's directory covers a success and an error; the expected outcome names its
    // family, and the family's vendor.
    let cases = load();
    for (dir, _) in DIRS.iter().filter(|(_, family)| family.is_some()) {
        let outcomes: BTreeSet<&str> = cases
            .iter()
            .filter(|c| c.name.starts_with(&format!("{dir}/")))
            .filter_map(|c| c.fixture.expect.as_ref())
            .filter_map(|e| e.get("outcome").and_then(Value::as_str))
            .collect();
        assert!(
            outcomes.contains("success") && outcomes.contains("error"),
            "{dir}: fixtures cover only {outcomes:?}"
        );
    }
    for case in &cases {
        let Some(expect) = &case.fixture.expect else {
            continue;
        };
        let dir = case.name.split('/').next().unwrap_or_default();
        let (_, family) = DIRS
            .iter()
            .find(|(d, _)| *d == dir)
            .expect("a fixture directory");
        let got = |key: &str| expect.get(key).and_then(Value::as_str);
        assert_eq!(
            (got("family"), got("vendor")),
            (family.map(Family::slug), family.map(|f| f.vendor().slug())),
            "{}: fixture in the wrong directory",
            case.name
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Direct assertions

/// Explains `body` with `headers`, `status` and the `family` hint, expecting an error outcome.
fn error_of<'a>(
    body: &'a [u8],
    headers: &'a [(&'a str, &'a str)],
    status: Option<u16>,
    family: Option<Family>,
) -> ParsedError<'a> {
    let response = Response::new(body)
        .with_headers(headers)
        .with_family(family)
        .with_status(status);
    match response.explain() {
        Ok(Outcome::Error(e)) => e,
        other => panic!("expected an error outcome, got {other:?}"),
    }
}

/// Whether `part` lies inside `whole`'s memory: it was borrowed, not copied.
fn borrowed_from(part: &str, whole: &[u8]) -> bool {
    let range = whole.as_ptr_range();
    let start = part.as_ptr();
    // An empty `part` could point anywhere; callers pass non-empty text.
    !part.is_empty() && range.contains(&start) && start.wrapping_add(part.len()) <= range.end
}

#[test]
fn fields_without_escapes_are_borrowed_from_the_body() {
    let body = br#"{"error_code": "21402", "request": "PUT /operators/", "message": "Operator already exists."}"#;
    let e = error_of(body, &[], Some(409), None);
    assert!(
        borrowed_from(e.received_message().unwrap(), body),
        "message copied"
    );
    assert!(
        borrowed_from(e.raw_code().unwrap(), body),
        "raw code copied"
    );
    assert!(
        borrowed_from(
            errcat::upyun::management::Details::of(&e)
                .and_then(|d| d.request())
                .unwrap(),
            body
        ),
        "request copied"
    );

    // Tencent Cloud's fields sit two objects deep: still borrowed from the caller's bytes.
    let body = br#"{"Response": {"Error": {"Code": "InvalidParameter.InvalidZoneName", "Message": "zone name is invalid"}, "RequestId": "ed93f3cb-f35e"}}"#;
    let e = error_of(body, &[], Some(200), None);
    for field in [e.received_message(), e.raw_code(), e.request_id()] {
        assert!(borrowed_from(field.unwrap(), body), "{field:?} copied");
    }

    // A Tencent CDN module code is a slice of the borrowed message.
    let body =
        r#"{"code": 4000, "message": "(2130)非法ProjectID参数", "codeDesc": "InvalidParameter"}"#;
    let e = error_of(body.as_bytes(), &[], None, None);
    assert!(borrowed_from(
        errcat::tencent_cloud::cdn::Details::of(&e)
            .and_then(|d| d.module_code())
            .unwrap(),
        body.as_bytes()
    ));
    assert!(borrowed_from(
        e.received_message().unwrap(),
        body.as_bytes()
    ));
}

#[test]
fn escaped_fields_are_unescaped() {
    let body =
        br#"{"id": "e-1", "code": "PARAM_ERROR", "message": "\u53c2\u6570\u9519\u8bef \"x\""}"#;
    let e = error_of(body, &[("x-cb-status", "")], Some(400), None);
    assert_eq!(e.received_message(), Some("参数错误 \"x\""));
    assert!(borrowed_from(e.raw_code().unwrap(), body));
}

#[test]
fn header_values_are_borrowed_when_utf8() {
    let headers = [
        ("X-Ca-Error-Message", "Quota Exhausted"),
        ("X-Ca-Request-Id", "7AD052CB-EE8B-4DFD-BBAF-EFB340E0A5AF"),
    ];
    let e = error_of(b"", &headers, Some(403), None);
    assert!(borrowed_from(
        e.request_id().unwrap(),
        headers[1].1.as_bytes()
    ));
    assert!(borrowed_from(
        e.received_message().unwrap(),
        headers[0].1.as_bytes()
    ));
}

#[test]
fn byte_header_values_are_read_as_bytes() {
    // `(&str, &[u8])` pairs: a GBK request id is kept lossily and flagged.
    let id: &[u8] = b"req-\xc7\xeb\xc7\xf3-1";
    let headers: [(&str, &[u8]); 2] = [
        ("x-ca-error-message", b"Quota Exhausted"),
        ("x-ca-request-id", id),
    ];
    let outcome = Response::new(b"")
        .with_status(403)
        .with_headers(headers)
        .explain()
        .unwrap();
    let e = outcome.error().unwrap();
    assert_eq!(e.request_id(), Some(&*String::from_utf8_lossy(id)));
    assert_eq!(e.problems().collect::<Vec<_>>(), [Problem::HeaderNotUtf8]);
    assert_eq!(e.kind(), ErrorKind::QuotaExceeded);
}

#[test]
fn upyun_structure_only_for_the_documented_five_digits() {
    use upyun::management::{Level, Structure};

    let s = Structure::parse("21402").unwrap();
    assert_eq!((s.level(), s.module(), s.error()), (Level::Module, 14, 2));
    let s = Structure::parse("10399").unwrap();
    assert_eq!((s.level(), s.module(), s.error()), (Level::System, 3, 99));
    for not in [
        "",
        "2140",
        "214020",
        "40100012",
        "31402",
        "01402",
        "2140a",
        " 21402",
        "21402 ",
        "-2140",
        "２１４０２",
        "2.140",
    ] {
        assert_eq!(Structure::parse(not), None, "{not:?} decoded");
    }

    // Through explain: the structure of the raw code, listed or not, and only for Upyun.
    let decoded = |body: &[u8], family: Option<Family>| {
        let e = error_of(body, &[], Some(400), family);
        errcat::upyun::management::Details::of(&e)
            .and_then(|d| d.structure())
            .map(|s| (s.level(), s.module(), s.error()))
    };
    assert_eq!(
        decoded(
            br#"{"error_code": "21499", "request": "GET /", "message": "?"}"#,
            None
        ),
        Some((Level::Module, 14, 99))
    );
    assert_eq!(
        decoded(
            br#"{"error_code": 21203, "message": "Bucket not found."}"#,
            None
        ),
        Some((Level::Module, 12, 3))
    );
    // (Undocumented codes without Upyun's `request` line are no evidence of Upyun: named.)
    let upyun = Some(Family::UpyunManagement);
    assert_eq!(
        decoded(br#"{"error_code": 40100012, "message": "?"}"#, upyun),
        None
    );
    assert_eq!(
        decoded(br#"{"error_code": "401000120", "message": "?"}"#, upyun),
        None
    );
    // A five-digit code of another vendor is not an Upyun structure.
    assert_eq!(
        decoded(
            br#"{"code": 10100, "message": "(10100)DSA"}"#,
            Some(Family::TencentCdn)
        ),
        None
    );
    // An 8-digit code of another Upyun family is not typed either.
    let e = error_of(
        br#"{"error_code": 40100012, "message": "?"}"#,
        &[],
        None,
        Some(Family::UpyunManagement),
    );
    assert_eq!(e.typed_code(), None);
    assert_eq!(e.raw_code(), Some("40100012"));
}

#[test]
fn parsed_error_through_the_api_error_trait() {
    // `code()` is the raw code, the trait's `message()` the catalog's text, the inherent
    // `message()` what the vendor sent; `http_status()` is the documented status and `status()`
    // the received one.
    let headers = [
        ("X-Ca-Error-Message", "TThrottled by GROUP Flow Control"),
        ("X-Ca-Request-Id", "id-1"),
    ];
    let e = error_of(b"", &headers, Some(429), None);
    let api: &dyn ApiError = &e;
    assert_eq!(api.vendor(), Vendor::Aliyun);
    assert_eq!(api.family(), Family::AliyunApiGateway);
    assert_eq!(api.code(), "TThrottled by GROUP Flow Control");
    assert_eq!(
        e.received_message(),
        Some("TThrottled by GROUP Flow Control")
    );
    assert_eq!(api.message().unwrap().zh, "因分组流控被限制");
    assert_eq!(api.http_status(), Some(403));
    assert_eq!(e.response_status(), Some(429));
    assert_eq!(api.kind(), ErrorKind::RateLimited);
    assert!(api.is_retryable());
    assert_eq!(
        e.typed_code(),
        Some(AnyCode::AliyunApiGateway(
            errcat::aliyun::apigateway::Code::ThrottledByGroupFlowControl
        ))
    );

    // No code at all: `code()` is empty, kind from the status.
    let e = error_of(
        b"<html>blocked</html>",
        &[("x-cb-status", "")],
        Some(403),
        None,
    );
    assert_eq!(ApiError::code(&e), "");
    assert_eq!(e.kind(), ErrorKind::Blocked);
    assert_eq!(e.basis(), Basis::HttpStatus);
}

#[test]
fn vendor_message_is_never_replaced_by_catalog_text() {
    let body = br#"{"error_code": "21402", "request": "PUT /operators/", "message": "operator 'bob' exists (since 2015)"}"#;
    let e = error_of(body, &[], Some(409), None);
    assert_eq!(
        e.typed_code(),
        Some(AnyCode::UpyunManagement(
            upyun::management::Code::OperatorAlreadyExists
        ))
    );
    assert_eq!(
        e.received_message(),
        Some("operator 'bob' exists (since 2015)")
    );
    // An empty message stays empty, not the catalog's text.
    let e = error_of(
        br#"{"code": 4100, "message": ""}"#,
        &[],
        None,
        Some(Family::TencentCdn),
    );
    assert_eq!(e.received_message(), Some(""));
}

#[test]
fn tencent_cdn_typed_codes() {
    let e = error_of(
        r#"{"code": 4000, "message": "(2130)非法ProjectID参数"}"#.as_bytes(),
        &[],
        None,
        None,
    );
    assert_eq!(
        e.typed_code(),
        Some(AnyCode::TencentCdn(
            tencent_cloud::cdn::Code::InvalidParameter
        ))
    );
    assert_eq!(
        errcat::tencent_cloud::cdn::Details::of(&e).and_then(|d| d.typed_module_code()),
        Some(tencent_cloud::cdn::ModuleCode::InvalidProjectId)
    );
    // With a documented module code (the entry), the public code is typed when asked for: every
    // view of it agrees, owned or not, with the family given or detected.
    let public = "TencentCdn(InvalidParameter)";
    assert!(e.is_known());
    assert_eq!(e.entry().map(errcat::Entry::code), Some("2130"));
    assert!(format!("{e:?}").contains(&format!("typed_code: Some({public})")));
    let json = serde_json::to_value(&e).unwrap();
    assert_eq!(json["code"], "4000");
    assert_eq!(json["known"], true);
    assert_eq!(e.clone().into_owned().typed_code(), e.typed_code());
    let hinted = error_of(
        r#"{"code": 4000, "message": "(2130)非法ProjectID参数"}"#.as_bytes(),
        &[],
        None,
        Some(Family::TencentCdn),
    );
    assert_eq!(hinted, e);
    // Escaped, the message is decoded: the module code is looked up again, with the same result.
    let e = error_of(
        br#"{"code": 4000, "message": "(2130)\u975e"}"#,
        &[],
        None,
        None,
    );
    assert_eq!(e.entry().map(errcat::Entry::code), Some("2130"));
    assert!(e.is_known());
    // The public code is typed in the public table only: 1000 is a module code's number.
    let e = error_of(br#"{"code": 1000, "message": "(2130)x"}"#, &[], None, None);
    assert_eq!(e.entry().map(errcat::Entry::code), Some("2130"));
    assert_eq!(e.typed_code(), None);
    assert!(!e.is_known());
    assert_eq!(
        serde_json::to_value(&e).unwrap()["code"],
        serde_json::Value::Null
    );
    // An undocumented module code is kept, not typed.
    let e = error_of(br#"{"code": 4000, "message": "(-1)x"}"#, &[], None, None);
    assert_eq!(
        errcat::tencent_cloud::cdn::Details::of(&e).and_then(|d| d.module_code()),
        Some("-1")
    );
    assert_eq!(
        errcat::tencent_cloud::cdn::Details::of(&e).and_then(|d| d.typed_module_code()),
        None
    );
}

#[test]
fn tencent_cloud_family_and_classification() {
    let body = br#"{"Response": {"Error": {"Code": "InvalidParameter.InvalidZoneName", "Message": "m"}, "RequestId": "r"}}"#;
    let e = error_of(body, &[], Some(200), None);
    assert_eq!(e.typed_code(), None);
    assert_eq!(e.basis(), Basis::Family);
    assert_eq!(
        e.entry().map(Entry::any_code),
        Some(AnyCode::TencentCloudCommon(
            tencent_cloud::common::Code::InvalidParameter
        ))
    );
    assert!(!e.is_known());

    // The nearest listed ancestor, not the top: `A.B.C` falls back to a listed `A.B`.
    let body = br#"{"Response": {"Error": {"Code": "AuthFailure.SignatureFailure.Expired", "Message": "m"}, "RequestId": "r"}}"#;
    let e = error_of(body, &[], Some(200), None);
    assert_eq!(
        e.entry().map(Entry::any_code),
        Some(AnyCode::TencentCloudCommon(
            tencent_cloud::common::Code::AuthFailureSignatureFailure
        ))
    );
}

#[test]
fn body_size_limit_boundary() {
    // Exactly MAX_BODY bytes is read; one more is not.
    let json = br#"{"error_code": "21203", "message": "Bucket not found."}"#;
    let mut body = json.to_vec();
    body.resize(MAX_BODY, b' ');
    let e = error_of(&body, &[], Some(404), None);
    assert_eq!(e.raw_code(), Some("21203"));
    assert_eq!(e.problems().count(), 0);

    body.push(b' ');
    // Issue 10 item 8: a body over the limit is never an error on its own. With nothing else
    // to go on, the response is unrecognized, says why, and its status still gives a kind.
    let outcome = Response::new(&body)
        .with_status(404)
        .explain()
        .expect("no error");
    let Outcome::Unrecognized(u) = outcome else {
        panic!("{outcome:?}")
    };
    assert_eq!(u.problems().collect::<Vec<_>>(), [Problem::BodyTooLarge]);
    assert_eq!(u.kind(), ErrorKind::NotFound);

    // With the family or the vendor known, the outcome stands on the status and says what it
    // could not read.
    let e = error_of(&body, &[], Some(404), Some(Family::UpyunManagement));
    assert_eq!(e.problems().collect::<Vec<_>>(), [Problem::BodyTooLarge]);
    assert_eq!(e.kind(), ErrorKind::NotFound);
    assert_eq!(e.raw_code(), None);
    let outcome = Response::new(&body)
        .with_vendor(Vendor::Upyun)
        .with_status(404)
        .explain()
        .unwrap();
    assert_eq!(outcome.error(), Some(&e));

    // A Cloudbypass success carries the target's page, of any size.
    let outcome = Response::new(&body)
        .with_headers([("x-cb-status", "ok")])
        .with_status(200)
        .explain()
        .unwrap();
    assert_eq!(outcome.as_str(), "success");
}

#[test]
fn unread_body_is_not_a_silent_success_where_errors_come_with_200() {
    let json =
        br#"{"Response": {"Error": {"Code": "InternalError", "Message": "m"}, "RequestId": "r"}}"#;
    let mut huge = json.to_vec();
    huge.resize(MAX_BODY + 1, b' ');
    for family in [Family::TencentCloudCommon, Family::TencentCdn] {
        // Unreadable: an error with no code, flagged.
        for body in [&b"<html><body>maintenance</body></html>"[..], b""] {
            let outcome = Response::new(body)
                .with_family(family)
                .with_status(200)
                .explain()
                .unwrap();
            let Outcome::Error(e) = &outcome else {
                panic!(
                    "{family}: an unread body of {} bytes became {outcome:?}",
                    body.len()
                );
            };
            assert_eq!(e.raw_code(), None);
            assert!(e.problems().any(|p| p == Problem::BodyUnreadable), "{e:?}");
        }
        // Oversized: taken for a success (error bodies are small), flagged.
        let outcome = Response::new(&huge)
            .with_family(family)
            .with_status(200)
            .explain()
            .unwrap();
        let Outcome::Success(s) = &outcome else {
            panic!("{family}: {outcome:?}");
        };
        assert_eq!(s.problems().collect::<Vec<_>>(), [Problem::BodyTooLarge]);
        // ... unless the status says it failed.
        let outcome = Response::new(&huge)
            .with_family(family)
            .with_status(502)
            .explain()
            .unwrap();
        assert_eq!(outcome.as_str(), "error", "{family}: {outcome:?}");
    }
}

#[test]
fn vendor_hint_detects_among_its_families_else_takes_the_first() {
    const HEADERS: [(&str, &str); 1] = [("X-Ca-Error-Message", "Quota Exhausted")];
    let explain = |body: &'static [u8], headers: &'static [(&'static str, &'static str)]| {
        Response::new(body)
            .with_headers(headers)
            .with_vendor(Vendor::TencentCloud)
            .with_status(200)
            .explain()
            .unwrap()
    };
    // A Tencent CDN body, the vendor Tencent Cloud given: its CDN family is detected.
    let outcome = explain(
        r#"{"code": 4000, "message": "(2130)非法ProjectID参数"}"#.as_bytes(),
        &[],
    );
    assert_eq!(outcome.family(), Some(Family::TencentCdn));
    assert_eq!(
        outcome.error().and_then(ParsedError::typed_code),
        Some(AnyCode::TencentCdn(
            tencent_cloud::cdn::Code::InvalidParameter
        ))
    );
    // Nothing to detect, or only another vendor's shape or headers: the vendor's first family.
    for (body, headers) in [
        (&b"<html>maintenance</html>"[..], &[][..]),
        (br#"{"error_code": "21402", "message": "m"}"#, &[]),
        (b"", &HEADERS[..]),
    ] {
        let outcome = explain(body, headers);
        assert_eq!(
            outcome.family(),
            Some(Family::TencentCloudCommon),
            "{}",
            String::from_utf8_lossy(body)
        );
    }
    // The vendor slug of the release before families names the vendor; as a family, the family.
    assert_eq!(
        "tencent-cdn".parse::<Vendor>().ok(),
        Some(Vendor::TencentCloud)
    );
    assert_eq!(
        "Tencent-CDN".parse::<Family>().ok(),
        Some(Family::TencentCdn)
    );
}

#[test]
fn aliyun_error_code_header_wins_over_the_message() {
    use errcat::aliyun::apigateway::{Code, Details, ErrorCode};
    // A listed code: its entry; the message is kept as received.
    let headers = [
        ("X-Ca-Error-Code", "I404NF"),
        (
            "X-Ca-Error-Message",
            "API not found with `GET /v2/user/abc`",
        ),
    ];
    let e = error_of(b"", &headers, Some(404), None);
    assert_eq!(e.raw_code(), Some("I404NF"));
    assert_eq!(e.typed_code(), Some(AnyCode::from(ErrorCode::ApiNotFound)));
    assert_eq!(e.basis(), Basis::Exact);
    assert_eq!(
        e.received_message(),
        Some("API not found with `GET /v2/user/abc`")
    );
    let details = Details::of(&e).unwrap();
    assert_eq!(details.error_code_header(), Some("I404NF"));
    assert_eq!(details.message_template(), Some("API not found ${Reason}"));
    assert_eq!(
        details.parameters().collect::<Vec<_>>(),
        [("Reason", "with `GET /v2/user/abc`")]
    );

    // An unlisted code whose message is a classic code: the classic entry stands in; the raw
    // code stays the code header's and is not known.
    let headers = [
        ("X-Ca-Error-Code", "A403AF"),
        ("X-Ca-Error-Message", "Throttled by APP Flow Control"),
    ];
    let e = error_of(b"", &headers, Some(403), None);
    assert_eq!(e.raw_code(), Some("A403AF"));
    assert_eq!((e.typed_code(), e.is_known()), (None, false));
    assert_eq!(e.basis(), Basis::Message);
    assert_eq!(
        e.entry().map(Entry::any_code),
        Some(AnyCode::from(Code::ThrottledByAppFlowControl))
    );
    assert_eq!(e.kind(), ErrorKind::RateLimited);
    assert_eq!(Details::of(&e).unwrap().message_template(), None);
    assert_eq!(Details::of(&e).unwrap().parameters().count(), 0);
    // ... also with detail appended to the classic code.
    let headers = [
        ("X-Ca-Error-Code", "B403QE"),
        ("X-Ca-Error-Message", "Quota Exhausted: 1000 calls a day"),
    ];
    let e = error_of(b"", &headers, Some(403), None);
    assert_eq!(
        (e.basis(), e.kind()),
        (Basis::Message, ErrorKind::QuotaExceeded)
    );

    // Without the message header, the code header alone: its status, else the response's.
    let e = error_of(b"", &headers[..1], Some(403), None);
    assert_eq!(e.raw_code(), Some("B403QE"));
    assert_eq!((e.typed_code(), e.basis()), (None, Basis::HttpStatus));
    assert_eq!(e.kind(), ErrorKind::PermissionDenied);
    let e = error_of(b"", &[("X-Ca-Error-Code", "T429ID")], None, None);
    assert_eq!(
        (e.basis(), e.kind()),
        (Basis::HttpStatus, ErrorKind::RateLimited)
    );
    // A code not of the form gives no status.
    let e = error_of(b"", &[("X-Ca-Error-Code", "T429")], None, None);
    assert_eq!((e.basis(), e.kind()), (Basis::None, ErrorKind::Unknown));
    // The response's status beats the code's.
    let e = error_of(b"", &[("X-Ca-Error-Code", "T429ID")], Some(503), None);
    assert_eq!(e.kind(), ErrorKind::Unavailable);
}

#[test]
fn aliyun_message_alone_resolves_in_the_classic_table_else_by_a_code_template() {
    use errcat::aliyun::apigateway::{Code, Details, ErrorCode};
    // A classic code: its entry.
    let e = error_of(
        b"",
        &[("X-Ca-Error-Message", "Invalid AppKey")],
        Some(400),
        None,
    );
    assert_eq!(e.typed_code(), Some(AnyCode::from(Code::InvalidAppKey)));
    // A message filling an X-Ca-Error-Code template: that entry stands in (basis message), the
    // message is the raw code, and its parameters are read.
    let message = "Invalid Header `X-Ca-Timestamp` expired, `1589458000000` is 20 minutes old";
    let headers = [("X-Ca-Error-Message", message)];
    let e = error_of(b"", &headers, Some(400), None);
    assert_eq!(e.raw_code(), Some(message));
    assert_eq!((e.typed_code(), e.basis()), (None, Basis::Message));
    assert_eq!(
        e.entry().map(Entry::any_code),
        Some(AnyCode::from(ErrorCode::InvalidHeader))
    );
    assert_eq!(
        Details::of(&e).unwrap().parameters().collect::<Vec<_>>(),
        [
            ("HeaderName", "X-Ca-Timestamp"),
            ("Reason", "expired, `1589458000000` is 20 minutes old")
        ]
    );
    // A message of neither: the status.
    let e = error_of(b"", &[("X-Ca-Error-Message", "Not Found")], Some(404), None);
    assert_eq!((e.entry(), e.basis()), (None, Basis::HttpStatus));
}

#[test]
fn known_means_the_raw_code_is_typed() {
    let inputs: [(&[u8], Option<Family>); 3] = [
        (br#"{"code": 4102, "message": "(2130)x"}"#, None),
        (br#"{"code": 9999, "message": "(2000)x"}"#, None),
        (
            br#"{"code": null, "message": "(2130)x"}"#,
            Some(Family::TencentCdn),
        ),
    ];
    for (body, family) in inputs {
        let e = error_of(body, &[], None, family);
        assert!(!e.is_known(), "{}", String::from_utf8_lossy(body));
        assert_eq!(e.typed_code(), None);
        // The documented module code is still the entry.
        assert!(e.entry().is_some(), "{}", String::from_utf8_lossy(body));
    }
    let e = error_of(br#"{"code": 4000, "message": "(2130)x"}"#, &[], None, None);
    assert!(e.is_known());
    assert_eq!(e.typed_code().map(AnyCode::as_str), Some("4000"));
}

#[test]
fn lone_surrogate_is_kept_as_written_and_flagged() {
    type Field = for<'a, 'b> fn(&'a ParsedError<'b>) -> Option<&'a str>;
    let cases: [(&[u8], Field, &str); 3] = [
        (
            br#"{"error_code": "\ud800", "message": "m"}"#,
            |e| e.raw_code(),
            r"\ud800",
        ),
        (
            br#"{"error_code": "21402", "message": "bad \udc00 text"}"#,
            |e| e.received_message(),
            r"bad \udc00 text",
        ),
        (
            br#"{"Response": {"Error": {"Code": "InternalError", "Message": "m"}, "RequestId": "\ud800-1"}}"#,
            |e| e.request_id(),
            r"\ud800-1",
        ),
    ];
    for (body, field, kept) in cases {
        // An undocumented `error_code` alone is no evidence of Upyun: name the family.
        let upyun = body.starts_with(br#"{"error_code""#);
        let family = upyun.then_some(Family::UpyunManagement);
        let e = error_of(body, &[], Some(400), family);
        assert_eq!(field(&e), Some(kept), "{}", String::from_utf8_lossy(body));
        assert!(
            e.problems().any(|p| p == Problem::InvalidEscape),
            "{}: {e:?}",
            String::from_utf8_lossy(body)
        );
    }
}

#[test]
fn boolean_code_is_kept_and_flagged_wrong_type() {
    let e = error_of(
        br#"{"error_code": true, "message": "m"}"#,
        &[],
        Some(400),
        Some(Family::UpyunManagement),
    );
    assert_eq!(e.raw_code(), Some("true"));
    assert!(
        e.problems().any(|p| p == Problem::CodeWrongType),
        "problems {:?}",
        e.problems().collect::<Vec<_>>()
    );
}

#[test]
fn nesting_is_accepted_at_any_depth_as_documented() {
    let deep = |n: usize| format!("{}1{}", "[".repeat(n), "]".repeat(n));
    let bodies = [
        format!(
            r#"{{"error_code": "21402", "message": "m", "extra": {}}}"#,
            deep(200)
        ),
        format!(
            r#"{{"Response": {{"Error": {{"Code": "InternalError", "Message": "m", "x": {}}}, "RequestId": "r"}}}}"#,
            deep(10_000)
        ),
    ];
    for body in &bodies {
        let e = error_of(body.as_bytes(), &[], Some(400), None);
        assert!(
            matches!(e.raw_code(), Some("21402" | "InternalError")),
            "{e:?}"
        );
    }
}

#[test]
fn duplicate_header_names_first_wins_in_any_case() {
    let headers = [
        ("x-ca-error-message", "Quota Exhausted"),
        ("X-CA-ERROR-MESSAGE", "Internal Error"),
        ("X-Ca-Request-Id", "first"),
        ("x-ca-request-id", "second"),
    ];
    let e = error_of(b"", &headers, Some(403), None);
    assert_eq!(e.received_message(), Some("Quota Exhausted"));
    assert_eq!(e.request_id(), Some("first"));
}

#[test]
fn outcome_accessors() {
    let outcome = Response::new(b"<html></html>")
        .with_status(200)
        .explain()
        .unwrap();
    assert_eq!(outcome.as_str(), "unrecognized");
    assert_eq!(outcome.vendor(), None);
    assert_eq!(outcome.family(), None);
    assert!(outcome.error().is_none());

    let body = br#"{"Response": {"TotalCount": 0, "RequestId": "b5b41468"}}"#;
    let outcome = Response::new(body).with_status(200).explain().unwrap();
    let Outcome::Success(s) = &outcome else {
        panic!("{outcome:?}")
    };
    assert_eq!(s.vendor(), Vendor::TencentCloud);
    assert_eq!(s.family(), Family::TencentCloudCommon);
    assert_eq!(outcome.family(), Some(Family::TencentCloudCommon));
    assert_eq!(s.request_id(), Some("b5b41468"));
    assert_eq!(s.response_status(), Some(200));
    assert!(outcome.error().is_none());
}

#[cfg(feature = "http")]
#[test]
fn from_http_reads_repeated_and_non_utf8_headers() {
    let response = http::Response::builder()
        .status(400)
        .header(
            "X-Ca-Error-Message",
            http::HeaderValue::from_bytes(
                b"Invalid Signature, Server StringToSign:GET#/v1/\xc9\xcc",
            )
            .unwrap(),
        )
        .header("x-ca-error-message", "Internal Error")
        .header("X-Ca-Request-Id", "7AD052CB")
        .body(Vec::<u8>::new())
        .unwrap();
    let outcome = Response::from_http(&response).explain().unwrap();
    let e = outcome.error().unwrap();
    assert_eq!(e.response_status(), Some(400));
    assert_eq!(e.request_id(), Some("7AD052CB"));
    assert_eq!(
        e.template_parameter(),
        Some("GET#/v1/\u{fffd}\u{fffd}"),
        "the first value wins, read as bytes"
    );
    assert_eq!(e.kind(), ErrorKind::Unauthenticated);
    assert_eq!(e.problems().collect::<Vec<_>>(), [Problem::HeaderNotUtf8]);
}

#[test]
fn upyun_error_code_bodies_go_to_the_family_whose_evidence_they_carry() {
    let family_of = |body: String| {
        Response::new(body.as_bytes())
            .with_status(404)
            .explain()
            .unwrap()
            .family()
    };
    for &code in upyun::multipart::Code::ALL {
        let wire = code.as_str();
        // The old multipart API's body: its family, with its path, and never the management
        // API's level/module/error structure.
        let body = format!(r#"{{"error_code": "{wire}", "path": "/a.zip", "message": "m"}}"#);
        let outcome = Response::new(body.as_bytes())
            .with_status(404)
            .explain()
            .unwrap();
        let err = outcome.error().expect("an error");
        assert_eq!(err.family(), Family::UpyunMultipart, "{wire}");
        assert_eq!(err.typed_code(), Some(AnyCode::UpyunMultipart(code)));
        assert_eq!(upyun::management::Details::of(err), None, "{wire}");
        #[allow(deprecated)]
        let structure = err.upyun_structure();
        assert_eq!(structure, None, "{wire}");
        assert_eq!(
            upyun::multipart::Details::of(err).and_then(|d| d.path()),
            Some("/a.zip")
        );
        // Without the path, not even its documented message is evidence enough.
        let text = code.entry().message().en;
        let body = format!(r#"{{"error_code": {wire}, "message": {text:?}}}"#);
        assert_eq!(family_of(body), None, "{wire} with {text:?}");
        // With the management API's request line, the management API's, but not decoded.
        let body = format!(r#"{{"error_code": "{wire}", "request": "POST /b/", "message": "m"}}"#);
        let outcome = Response::new(body.as_bytes()).explain().unwrap();
        let err = outcome.error().expect("an error");
        assert_eq!(err.family(), Family::UpyunManagement, "{wire}");
        assert_eq!(err.typed_code(), None, "{wire}");
        let details = upyun::management::Details::of(err).expect("management details");
        assert_eq!(details.structure(), None, "{wire}");
    }
    // Every management code stays the management API's, with a path or without its request.
    for code in upyun::management::Code::ALL {
        let wire = code.as_str();
        for body in [
            format!(r#"{{"error_code": "{wire}", "path": "/a.zip", "message": "m"}}"#),
            format!(r#"{{"error_code": "{wire}", "message": "m"}}"#),
        ] {
            assert_eq!(family_of(body), Some(Family::UpyunManagement), "{wire}");
        }
    }
    // Neither: the multipart form without its path, or another first digit or length.
    for body in [
        r#"{"error_code": "40401", "message": "Bucket not found."}"#,
        r#"{"error_code": "40001", "message": ""}"#,
        r#"{"error_code": "30401", "path": "/a", "message": "m"}"#,
        r#"{"error_code": "404010", "path": "/a", "message": "m"}"#,
        r#"{"error_code": "4040", "path": "/a", "message": "m"}"#,
    ] {
        assert_eq!(family_of(body.to_owned()), None, "{body}");
    }
}

#[test]
fn upyun_form_body_code_stands_for_a_missing_status() {
    let explain = |body: &'static str, status: Option<u16>| {
        Response::new(body.as_bytes())
            .with_status(status)
            .explain()
            .unwrap()
    };
    // Success: a code below 400, whatever the message, with or without the response's status.
    for status in [None, Some(200), Some(201)] {
        let outcome = explain(
            r#"{"code": 200, "message": "ok", "url": "/a.jpg", "time": 1}"#,
            status,
        );
        assert!(
            matches!(outcome, Outcome::Success(_)),
            "{status:?}: {outcome:?}"
        );
        assert_eq!(outcome.family(), Some(Family::UpyunForm));
    }
    // The response says it failed though the body's code does not: an error without a code.
    let outcome = explain(
        r#"{"code": 200, "message": "ok", "url": "/a.jpg", "time": 1}"#,
        Some(500),
    );
    let err = outcome.error().expect("an error");
    assert_eq!((err.raw_code(), err.kind()), (None, ErrorKind::Internal));
    assert_eq!(err.received_message(), Some("ok"));
    // An unlisted message: the body's code classifies it when the response has no status, and
    // the response's status when it has one.
    let body = r#"{"code": 429, "message": "too many requests", "url": "", "time": 1}"#;
    assert_eq!(
        explain(body, None).error().map(ApiError::kind),
        Some(ErrorKind::RateLimited)
    );
    assert_eq!(
        explain(body, Some(503)).error().map(ApiError::kind),
        Some(ErrorKind::Unavailable)
    );
    // A documented message: the entry decides, whatever the statuses say.
    let body = r#"{"code": 403, "message": "Not accept, Signature error.", "url": "", "time": 1}"#;
    for status in [None, Some(200), Some(403), Some(500)] {
        let outcome = explain(body, status);
        let err = outcome.error().expect("an error");
        assert_eq!(
            err.typed_code(),
            Some(AnyCode::UpyunForm(upyun::form::Code::SignatureError))
        );
        assert_eq!(err.kind(), ErrorKind::Unauthenticated, "{status:?}");
        assert_eq!(err.response_status(), status);
    }
}

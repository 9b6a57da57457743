//! `errcat explain`, run for real through `CARGO_BIN_EXE_errcat`: the `--json` object's shape and
//! values for each vendor, the body from `--body`, `--body-file` and stdin (`-`), and exit status
//! 2 with one clear line on stderr for input that cannot be read.
//!
//! The binary needs the `cli` feature; without it this file compiles to nothing.

#![cfg(all(feature = "cli", errcat_default_features))]

use std::io::Write as _;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use serde_json::{Map, Value, json};

/// What one run of the binary gave.
#[derive(Debug)]
struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

/// Runs `errcat` with `args`, feeding `stdin` when given (else an empty stdin).
fn errcat(args: &[&str], stdin: Option<&[u8]>) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_errcat"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("errcat runs");
    let mut input = child.stdin.take().expect("stdin is piped");
    if let Some(bytes) = stdin {
        // The binary may exit before reading everything (an argument error): not a failure here.
        let _ = input.write_all(bytes);
    }
    drop(input);
    let out = child.wait_with_output().expect("errcat finishes");
    Run {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// A file under Cargo's per-test scratch directory.
fn scratch(name: &str, contents: &[u8]) -> PathBuf {
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("cli_explain_{name}"));
    std::fs::write(&path, contents).expect("scratch file written");
    path
}

/// Runs `errcat explain <args> --json`, expects exit 0 and one JSON object of the documented
/// shape, and returns it.
fn explain_json(args: &[&str], stdin: Option<&[u8]>) -> Map<String, Value> {
    let mut all = vec!["explain"];
    all.extend_from_slice(args);
    all.push("--json");
    let run = errcat(&all, stdin);
    assert_eq!(run.code, Some(0), "{all:?}: {run:#?}");
    assert!(run.stderr.is_empty(), "{all:?}: stderr {:?}", run.stderr);
    let value: Value = serde_json::from_str(&run.stdout).unwrap_or_else(|e| {
        panic!(
            "{all:?}: stdout is not one JSON value ({e}): {}",
            run.stdout
        )
    });
    let Value::Object(object) = value else {
        panic!("{all:?}: not a JSON object: {}", run.stdout)
    };
    check_shape(&all, &object);
    object
}

#[derive(Clone, Copy)]
enum Type {
    /// A string or an object (`wait`: `"backoff"` or `{"after_seconds": 30}`).
    Any,
    Str,
    Bool,
    Num,
    Obj,
    Arr,
}

fn is(value: &Value, ty: Type) -> bool {
    match ty {
        Type::Any => value.is_string() || value.is_object(),
        Type::Str => value.is_string(),
        Type::Bool => value.is_boolean(),
        Type::Num => value.is_u64(),
        Type::Obj => value.is_object(),
        Type::Arr => value.is_array(),
    }
}

/// The keys of each outcome's `--json` object, in order (the library's `Serialize`, documented in
/// `errcat::response`), with the type each has when it is not null and whether it may be null.
/// The shape is stable: exactly these keys, in this order.
const ERROR_KEYS: [(&str, Type, bool); 19] = [
    ("outcome", Type::Str, false),
    ("vendor", Type::Str, false),
    ("family", Type::Str, false),
    ("raw_code", Type::Str, true),
    ("code", Type::Str, true),
    ("known", Type::Bool, false),
    ("kind", Type::Str, false),
    ("retryable", Type::Bool, false),
    ("wait", Type::Any, false),
    ("retry_after", Type::Obj, true),
    ("basis", Type::Str, false),
    ("response_status", Type::Num, true),
    ("received_message", Type::Str, true),
    ("request_id", Type::Str, true),
    ("template_parameter", Type::Str, true),
    ("details", Type::Obj, false),
    ("classification", Type::Obj, true),
    ("problems", Type::Arr, false),
    ("entry", Type::Obj, true),
];
const SUCCESS_KEYS: [(&str, Type, bool); 6] = [
    ("outcome", Type::Str, false),
    ("vendor", Type::Str, false),
    ("family", Type::Str, false),
    ("response_status", Type::Num, true),
    ("request_id", Type::Str, true),
    ("problems", Type::Arr, false),
];
const UNRECOGNIZED_KEYS: [(&str, Type, bool); 6] = [
    ("outcome", Type::Str, false),
    ("response_status", Type::Num, true),
    ("kind", Type::Str, false),
    ("retryable", Type::Bool, false),
    ("retry_after", Type::Obj, true),
    ("problems", Type::Arr, false),
];

fn check_shape(args: &[&str], o: &Map<String, Value>) {
    let outcome = o["outcome"].as_str().unwrap_or_default();
    let keys: &[(&str, Type, bool)] = match outcome {
        "error" => &ERROR_KEYS,
        "success" => &SUCCESS_KEYS,
        "unrecognized" => &UNRECOGNIZED_KEYS,
        other => panic!("{args:?}: outcome {other:?}"),
    };
    let names: Vec<&str> = o.keys().map(String::as_str).collect();
    let mut expected: Vec<&str> = keys.iter().map(|(k, _, _)| *k).collect();
    // serde_json's map keeps keys sorted here (no `preserve_order`); compare as sets.
    let mut sorted = names.clone();
    sorted.sort_unstable();
    expected.sort_unstable();
    assert_eq!(sorted, expected, "{args:?}: the keys of a {outcome}");
    for &(key, ty, nullable) in keys {
        let value = &o[key];
        assert!(
            is(value, ty) || (nullable && value.is_null()),
            "{args:?}: `{key}` has the wrong type: {value}"
        );
    }
    if let Some(vendor) = o.get("vendor").and_then(Value::as_str) {
        assert!(
            vendor.parse::<errcat::Vendor>().is_ok(),
            "{args:?}: vendor {vendor:?} is not a slug"
        );
    }
    if outcome != "unrecognized" {
        check_family(args, o);
    }
    assert!(
        o["problems"]
            .as_array()
            .unwrap()
            .iter()
            .all(Value::is_string),
        "{args:?}: problems {}",
        o["problems"]
    );
    if outcome == "error" {
        if o["raw_code"].is_null() {
            assert!(o["code"].is_null(), "{args:?}: a code without a raw code");
        }
        if let Some(entry) = o["entry"].as_object() {
            for key in [
                "vendor",
                "family",
                "code",
                "name",
                "kind",
                "retryable",
                "message",
                "source",
            ] {
                assert!(entry.contains_key(key), "{args:?}: entry lacks `{key}`");
            }
            assert_eq!(
                entry["vendor"], o["vendor"],
                "{args:?}: entry of another vendor"
            );
            // A Tencent Cloud API 3.0 code may be a product's (`tencent-cloud/products`).
            let products = entry["family"] == "tencent-cloud/products"
                && o["family"] == "tencent-cloud/common";
            assert!(
                products || entry["family"] == o["family"],
                "{args:?}: entry of another family"
            );
        }
    }
}

/// The family next to the vendor: both or neither, the family one of the vendor's.
fn check_family(args: &[&str], o: &Map<String, Value>) {
    match (o["vendor"].as_str(), o["family"].as_str()) {
        (None, None) => {}
        (Some(vendor), Some(family)) => {
            let parsed: errcat::Family = family
                .parse()
                .unwrap_or_else(|e| panic!("{args:?}: family {family:?}: {e}"));
            assert_eq!(parsed.slug(), family, "{args:?}: family is not a slug");
            assert_eq!(
                parsed.vendor().slug(),
                vendor,
                "{args:?}: family {family} is not a family of {vendor}"
            );
        }
        (vendor, family) => panic!("{args:?}: vendor {vendor:?} without family {family:?}"),
    }
}

/// Checks the given fields of an explained object; `entry` compares the entry's `code`.
fn assert_fields(o: &Map<String, Value>, expected: &Value) {
    for (key, want) in expected.as_object().expect("expected fields are an object") {
        let have = match key.as_str() {
            "entry" => o["entry"].get("code").cloned().unwrap_or(Value::Null),
            "module_code" => o["details"]
                .get("module_code")
                .cloned()
                .unwrap_or(Value::Null),
            key => o.get(key).cloned().unwrap_or(Value::Null),
        };
        assert_eq!(&have, want, "`{key}` in {o:#?}");
    }
}

const SEED_004_FAILURE: &str = r#"{
    "Response": {
        "Error": {
            "Code": "AuthFailure.SignatureFailure",
            "Message": "The provided credentials could not be validated. Please ensure your signature is correct."
        },
        "RequestId": "ed93f3cb-f35e-473f-b9f3-0d451b8b79c6"
    }
}"#;

/// Seed 003's own example, exactly as printed: single quotes and a tab, not valid JSON.
const SEED_003_EXAMPLE: &str = "{\n    \"error_code\": \"21402\",\n    \"request\": 'PUT /operators/',\n\t\"message\" : \"Operator already exists.\"\n}";

#[test]
fn cloudbypass_error_json() {
    let o = explain_json(
        &[
            "--status",
            "403",
            "-H",
            "x-cb-status:",
            "--body",
            r#"{"id": "b1c2", "code": "FORBIDDEN", "message": "目标网站限制访问"}"#,
        ],
        None,
    );
    assert_fields(
        &o,
        &json!({
            "outcome": "error", "vendor": "cloudbypass", "family": "cloudbypass/api",
            "code": "FORBIDDEN",
            "raw_code": "FORBIDDEN", "known": true, "module_code": null, "kind": "blocked",
            "retryable": false, "response_status": 403, "request_id": "b1c2",
            "received_message": "目标网站限制访问", "basis": "exact", "problems": [], "entry": "FORBIDDEN",
        }),
    );
}

#[test]
fn cloudbypass_html_block_page_from_body_file() {
    let page = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/cloudbypass/cloudflare_403.html"
    );
    let o = explain_json(
        &[
            "--status",
            "403",
            "--header",
            "X-CB-Status: ",
            "--body-file",
            page,
        ],
        None,
    );
    assert_fields(
        &o,
        &json!({
            "outcome": "error", "vendor": "cloudbypass", "family": "cloudbypass/api",
            "code": null, "raw_code": null,
            "known": false, "kind": "blocked", "retryable": false, "response_status": 403,
            "basis": "http_status", "problems": ["body_unreadable"], "entry": null,
        }),
    );
}

#[test]
fn cloudbypass_success_json() {
    let o = explain_json(
        &[
            "--status",
            "200",
            "-H",
            "x-cb-status: ok",
            "--body",
            "<html>shop</html>",
        ],
        None,
    );
    assert_fields(
        &o,
        &json!({
            "outcome": "success", "vendor": "cloudbypass", "family": "cloudbypass/api",
            "response_status": 200, "request_id": null,
        }),
    );
}

#[test]
fn tencent_cdn_error_json() {
    let o = explain_json(
        &[
            "--status",
            "200",
            "--body",
            r#"{"code": 4000, "message": "(2130)非法ProjectID参数", "codeDesc": "InvalidParameter"}"#,
        ],
        None,
    );
    assert_fields(
        &o,
        &json!({
            "outcome": "error", "vendor": "tencent-cloud", "family": "tencent-cloud/cdn",
            "code": "4000", "raw_code": "4000",
            "known": true, "module_code": "2130", "kind": "invalid_request", "retryable": false,
            "response_status": 200, "request_id": null, "received_message": "(2130)非法ProjectID参数",
            "entry": "2130",
        }),
    );

    // An unlisted public code falls back to its hundred.
    let o = explain_json(
        &[
            "--body",
            r#"{"code": 4102, "message": "签名已过期", "codeDesc": "x"}"#,
        ],
        None,
    );
    assert_fields(
        &o,
        &json!({
            "family": "tencent-cloud/cdn",
            "code": null, "raw_code": "4102", "known": false, "kind": "unauthenticated",
            "basis": "family", "entry": "4100", "response_status": null,
        }),
    );
}

#[test]
fn aliyun_headers_json() {
    let o = explain_json(
        &[
            "--status",
            "403",
            "-H",
            "x-ca-error-message: Throttled by APP Flow Control",
            "-H",
            "X-Ca-Request-Id: 7AD052CB-EE8B-4DFD-BBAF-EFB340E0A5AF",
            "-H",
            "X-CA-ERROR-MESSAGE: Internal Error",
        ],
        None,
    );
    assert_fields(
        &o,
        &json!({
            "outcome": "error", "vendor": "aliyun", "family": "aliyun/apigateway",
            "code": "Throttled by APP Flow Control", "raw_code": "Throttled by APP Flow Control",
            "known": true, "kind": "rate_limited", "retryable": true, "response_status": 403,
            "request_id": "7AD052CB-EE8B-4DFD-BBAF-EFB340E0A5AF",
            "received_message": "Throttled by APP Flow Control", "entry": "Throttled by APP Flow Control",
        }),
    );
    // The documented HTTP status is in the entry.
    assert_eq!(o["entry"]["http_status"], json!(403));

    // A filled-in template: the string-to-sign is the parameter.
    let o = explain_json(
        &[
            "--status",
            "400",
            "-H",
            "X-Ca-Error-Message: Invalid Signature, Server StringToSign:GET#application/json#/v1/items",
        ],
        None,
    );
    assert_fields(
        &o,
        &json!({
            "code": "Invalid Signature, Server StringToSign:%s",
            "raw_code": "Invalid Signature, Server StringToSign:GET#application/json#/v1/items",
            "template_parameter": "GET#application/json#/v1/items", "kind": "unauthenticated",
        }),
    );

    // HTTP 200 with error headers: a success.
    let o = explain_json(
        &[
            "--status",
            "200",
            "-H",
            "X-Ca-Error-Message: Quota Exhausted",
            "-H",
            "X-Ca-Request-Id: r-1",
        ],
        None,
    );
    assert_fields(
        &o,
        &json!({
            "outcome": "success", "vendor": "aliyun", "family": "aliyun/apigateway",
            "request_id": "r-1",
        }),
    );
}

#[test]
fn aliyun_error_code_json() {
    // A dedicated instance's X-Ca-Error-Code: the raw code; the template's parameters in
    // `details`.
    let o = explain_json(
        &[
            "--status",
            "404",
            "-H",
            "X-Ca-Error-Code: I404NF",
            "-H",
            "X-Ca-Error-Message: API not found with `GET /v2/user/abc`",
        ],
        None,
    );
    assert_fields(
        &o,
        &json!({
            "code": "I404NF", "raw_code": "I404NF", "known": true, "kind": "not_found",
            "basis": "exact", "received_message": "API not found with `GET /v2/user/abc`",
            "entry": "I404NF",
        }),
    );
    assert_eq!(
        o["details"],
        json!({"error_code_header": "I404NF", "parameters": {"Reason": "with `GET /v2/user/abc`"}})
    );

    // An unlisted code with a classic code as its message: the classic entry stands in.
    let o = explain_json(
        &[
            "--status",
            "403",
            "-H",
            "X-Ca-Error-Code: A403AF",
            "-H",
            "X-Ca-Error-Message: Throttled by APP Flow Control",
        ],
        None,
    );
    assert_fields(
        &o,
        &json!({
            "code": null, "raw_code": "A403AF", "known": false, "kind": "rate_limited",
            "basis": "message", "entry": "Throttled by APP Flow Control",
        }),
    );

    // An empty X-Ca-Error-Code: the backend's error, passed through.
    let o = explain_json(
        &[
            "--status",
            "502",
            "-H",
            "X-Ca-Error-Code:",
            "-H",
            "X-Ca-Error-Message: Bad Gateway",
        ],
        None,
    );
    assert_fields(
        &o,
        &json!({
            "code": null, "raw_code": null, "known": false, "kind": "upstream",
            "basis": "backend", "received_message": "Bad Gateway", "entry": null,
        }),
    );
    assert_eq!(o["details"], json!({"error_code_header": ""}));
}

#[test]
fn upyun_error_json() {
    let o = explain_json(
        &[
            "--status",
            "404",
            "--body",
            r#"{"error_code": 21203, "request": "GET /buckets/photos", "message": "Bucket not found."}"#,
        ],
        None,
    );
    assert_fields(
        &o,
        &json!({
            "outcome": "error", "vendor": "upyun", "family": "upyun/management",
            "code": "21203", "raw_code": "21203",
            "known": true, "kind": "not_found", "retryable": false, "response_status": 404,
            "received_message": "Bucket not found.", "entry": "21203",
        }),
    );

    // The vendor given and a proxy's page: an error with no code.
    let o = explain_json(
        &[
            "--vendor",
            "upyun",
            "--status",
            "502",
            "--body",
            "<html>502 Bad Gateway</html>",
        ],
        None,
    );
    assert_fields(
        &o,
        &json!({
            "outcome": "error", "vendor": "upyun", "family": "upyun/management",
            "code": null, "kind": "upstream",
            "retryable": true, "problems": ["body_unreadable"],
        }),
    );
}

#[test]
fn tencent_cloud_from_stdin_json() {
    let o = explain_json(&["--status", "200", "-"], Some(SEED_004_FAILURE.as_bytes()));
    assert_fields(
        &o,
        &json!({
            "outcome": "error", "vendor": "tencent-cloud", "family": "tencent-cloud/common",
            "code": "AuthFailure.SignatureFailure",
            "known": true, "kind": "unauthenticated", "retryable": false, "response_status": 200,
            "request_id": "ed93f3cb-f35e-473f-b9f3-0d451b8b79c6",
            "received_message": "The provided credentials could not be validated. Please ensure your signature is correct.",
            "entry": "AuthFailure.SignatureFailure",
        }),
    );

    // Family fallback, from --body.
    let o = explain_json(
        &[
            "--body",
            r#"{"Response": {"Error": {"Code": "InvalidParameter.InvalidZoneName", "Message": "bad zone"}, "RequestId": "r-9"}}"#,
        ],
        None,
    );
    assert_fields(
        &o,
        &json!({
            "code": null, "raw_code": "InvalidParameter.InvalidZoneName",
            "known": false, "kind": "invalid_request", "basis": "family", "entry": "InvalidParameter",
        }),
    );

    // A classified sub-code: the classification's kind, the documented parent's entry. (Below
    // the SMS code, which the products' tables, compiled in with the CLI's tests, list.)
    let o = explain_json(
        &[
            "--body",
            r#"{"Response": {"Error": {"Code": "LimitExceeded.PhoneNumberDailyLimit.Sub", "Message": "daily limit"}, "RequestId": "r-10"}}"#,
        ],
        None,
    );
    assert_fields(
        &o,
        &json!({
            "family": "tencent-cloud/common", "code": null,
            "raw_code": "LimitExceeded.PhoneNumberDailyLimit.Sub", "known": false, "kind": "rate_limited", "retryable": false,
            "basis": "classification", "entry": "LimitExceeded",
        }),
    );
}

#[test]
fn vendor_option_takes_a_vendor_or_a_family() {
    let cdn_body = r#"{"code": 4000, "message": "(2130)非法ProjectID参数"}"#;
    // A vendor: detection among its families; a family (or the slug of an earlier release that
    // named it): that family. Case is ignored.
    for scope in [
        "tencent-cloud",
        "Tencent-Cloud",
        "tencent-cloud/cdn",
        "TENCENT-CLOUD/CDN",
        "tencent-cdn",
    ] {
        let o = explain_json(&["--vendor", scope, "--body", cdn_body], None);
        assert_fields(
            &o,
            &json!({
                "outcome": "error", "vendor": "tencent-cloud", "family": "tencent-cloud/cdn",
                "code": "4000", "module_code": "2130", "entry": "2130",
            }),
        );
    }
    for scope in ["aliyun", "aliyun/apigateway", "aliyun-apigateway", "ALIYUN"] {
        let args: &[&str] = if scope == "ALIYUN" {
            &[
                "--vendor",
                "Aliyun",
                "--status",
                "403",
                "-H",
                "X-Ca-Error-Message: Quota Exhausted",
            ]
        } else {
            &[
                "--vendor",
                scope,
                "--status",
                "403",
                "-H",
                "X-Ca-Error-Message: Quota Exhausted",
            ]
        };
        let o = explain_json(args, None);
        assert_fields(
            &o,
            &json!({
                "outcome": "error", "vendor": "aliyun", "family": "aliyun/apigateway",
                "code": "Quota Exhausted", "entry": "Quota Exhausted",
            }),
        );
    }
}

#[test]
fn unrecognized_exits_zero() {
    let o = explain_json(&["--status", "200", "--body", "<html>hello</html>"], None);
    assert_fields(
        &o,
        &json!({"outcome": "unrecognized", "vendor": null, "family": null, "response_status": 200}),
    );
    // No body at all, and binary bytes from a file.
    let o = explain_json(&[], None);
    assert_fields(
        &o,
        &json!({"outcome": "unrecognized", "response_status": null}),
    );
    let png = scratch("binary.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\xff\xfe");
    let o = explain_json(&["--body-file", png.to_str().unwrap()], None);
    assert_fields(&o, &json!({"outcome": "unrecognized"}));
}

#[test]
fn human_output_exits_zero() {
    let run = errcat(
        &[
            "explain",
            "--status",
            "409",
            "--body",
            r#"{"error_code": "21402", "request": "PUT /operators/", "message": "Operator already exists."}"#,
        ],
        None,
    );
    assert_eq!(run.code, Some(0), "{run:#?}");
    assert!(
        run.stdout
            .starts_with("error from upyun/management (HTTP 409)\n"),
        "{run:#?}"
    );
    assert!(run.stdout.contains("21402"), "{run:#?}");
    assert!(run.stdout.contains("Operator already exists."), "{run:#?}");
}

/// Runs `errcat <args>` expecting exit 2 and exactly one line on stderr; with `--json`, stdout
/// is `{"error": {"message": <that line without "errcat: ">, ...}}` (issue 10: `--json` always
/// prints JSON), else nothing. Returns the stderr line.
fn bad_input(args: &[&str], stdin: Option<&[u8]>) -> String {
    let run = errcat(args, stdin);
    assert_eq!(run.code, Some(2), "{args:?}: {run:#?}");
    if args.contains(&"--json") {
        let value: Value = serde_json::from_str(&run.stdout)
            .unwrap_or_else(|e| panic!("{args:?}: stdout is not JSON ({e}): {}", run.stdout));
        let message = value["error"]["message"].as_str().unwrap_or_default();
        assert_eq!(
            format!("errcat: {message}"),
            run.stderr.trim_end(),
            "{args:?}: the JSON error is the stderr line"
        );
    } else {
        assert!(run.stdout.is_empty(), "{args:?}: stdout {:?}", run.stdout);
    }
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(
        lines.len(),
        1,
        "{args:?}: stderr is not one line: {:?}",
        run.stderr
    );
    lines[0].to_owned()
}

#[test]
fn upyun_document_example_exits_2_with_the_position() {
    let line = bad_input(&["explain", "--body", SEED_003_EXAMPLE, "--json"], None);
    assert_eq!(
        line,
        "errcat: invalid JSON response body: expected value at line 3 column 16"
    );
    let run = errcat(&["explain", "--body", SEED_003_EXAMPLE, "--json"], None);
    let value: Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(value["error"]["line"], json!(3), "{value}");
    assert_eq!(value["error"]["column"], json!(16), "{value}");
    let line = bad_input(
        &["explain", "--vendor", "upyun", "--status", "409", "-"],
        Some(SEED_003_EXAMPLE.as_bytes()),
    );
    assert_eq!(
        line,
        "errcat: invalid upyun/management response body: expected value at line 3 column 16"
    );
    let file = scratch("seed_003_example.json", SEED_003_EXAMPLE.as_bytes());
    let line = bad_input(
        &["explain", "--body-file", file.to_str().unwrap(), "--json"],
        None,
    );
    assert_eq!(
        line,
        "errcat: invalid JSON response body: expected value at line 3 column 16"
    );
}

#[test]
fn missing_body_file_exits_2() {
    let missing = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("cli_explain_no_such_file.json");
    let _ = std::fs::remove_file(&missing);
    let path = missing.to_str().unwrap();
    let line = bad_input(&["explain", "--body-file", path, "--json"], None);
    assert!(
        line.starts_with(&format!("errcat: cannot read {path}: ")),
        "{line:?}"
    );
}

#[test]
fn oversized_stdin_is_not_read_and_says_so() {
    // Issue 10 item 8: a body over the limit is never an error on its own.
    let body = vec![b'{'; 5 << 20];
    let run = errcat(&["explain", "-", "--json"], Some(&body));
    assert_eq!(run.code, Some(0), "{run:#?}");
    let value: Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(value["outcome"], json!("unrecognized"), "{value}");
    assert_eq!(value["problems"], json!(["body_too_large"]), "{value}");
}

#[test]
fn bad_header_syntax_exits_2() {
    for header in ["NoColonHere", ": no name"] {
        let run = errcat(&["explain", "-H", header, "--body", "{}"], None);
        assert_eq!(run.code, Some(2), "-H {header:?}: {run:#?}");
        assert!(run.stdout.is_empty(), "-H {header:?}: {run:#?}");
        let first = run.stderr.lines().next().unwrap_or_default();
        assert!(
            first.contains(header.trim_start_matches(": ")) || first.contains("header name"),
            "-H {header:?}: {first:?}"
        );
        assert!(
            run.stderr.contains("Name: value") || run.stderr.contains("no header name"),
            "-H {header:?}: the message does not say what a header looks like: {:?}",
            run.stderr
        );
    }
}

#[test]
fn other_argument_errors_exit_2() {
    for args in [
        &["explain", "--vendor", "aws", "--body", "{}"][..],
        &["explain", "--status", "70000", "--body", "{}"],
        &["explain", "--body", "{}", "--body-file", "x.json"],
        &["explain", "--body", "{}", "-"],
    ] {
        let run = errcat(args, None);
        assert_eq!(run.code, Some(2), "{args:?}: {run:#?}");
        assert!(run.stdout.is_empty(), "{args:?}: {run:#?}");
        assert!(!run.stderr.is_empty(), "{args:?}: {run:#?}");
    }
}

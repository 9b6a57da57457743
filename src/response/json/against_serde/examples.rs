//! The vendors' example bodies read as errcat reads them, and deep nesting.

use std::borrow::Cow;

use crate::response::json::{Fields, Flow, Member, Value, read_object, unescape};

/// Every member, as (key, value).
fn members(input: &[u8]) -> Vec<(Cow<'_, str>, Value<'_>)> {
    let mut got = Vec::new();
    assert!(
        read_object(input, &Fields::NONE, |Member { key, value, .. }| {
            got.push((key, value));
            Ok(Flow::Continue)
        })
        .expect("valid")
    );
    got
}

fn text<'a>(value: &Value<'a>) -> &'a str {
    match *value {
        Value::Str {
            raw,
            escaped: false,
        }
        | Value::Number(raw) => raw,
        ref other => panic!("not plain text: {other:?}"),
    }
}

#[test]
fn tencent_cdn() {
    let body = r#"{"code": 4000, "message": "(2130)非法ProjectID参数", "codeDesc": "x"}"#;
    let got = members(body.as_bytes());
    let keys: Vec<&str> = got.iter().map(|(k, _)| &**k).collect();
    assert_eq!(keys, ["code", "message", "codeDesc"]);
    assert_eq!(got[0].1, Value::Number("4000"));
    assert_eq!(text(&got[1].1), "(2130)非法ProjectID参数");
    assert_eq!(text(&got[2].1), "x");
    assert!(matches!(got[0].0, Cow::Borrowed(_)));
    assert!(super::common::check(body.as_bytes()));
}

#[test]
fn upyun() {
    let body = br#"{"error_code": "21402", "request": "PUT /operators/", "message": "Operator already exists."}"#;
    let got = members(body);
    assert_eq!(
        got.iter().map(|(k, v)| (&**k, text(v))).collect::<Vec<_>>(),
        [
            ("error_code", "21402"),
            ("request", "PUT /operators/"),
            ("message", "Operator already exists.")
        ]
    );
    assert!(super::common::check(body));
}

#[test]
fn cloudbypass() {
    let body = r#"{"id": "8f2c1a9e-4b7d-4e21-9a3f-6d5c0b7e1f42", "code": "PARAM_ERROR", "message": "参数错误，可能是请求参数不正确或者缺少必填参数。"}"#;
    let got = members(body.as_bytes());
    assert_eq!(
        got.iter().map(|(k, v)| (&**k, text(v))).collect::<Vec<_>>(),
        [
            ("id", "8f2c1a9e-4b7d-4e21-9a3f-6d5c0b7e1f42"),
            ("code", "PARAM_ERROR"),
            (
                "message",
                "参数错误，可能是请求参数不正确或者缺少必填参数。"
            )
        ]
    );
    assert!(super::common::check(body.as_bytes()));
}

const TENCENT_CLOUD: &str = r#"{
    "Response": {
        "Error": {
            "Code": "AuthFailure.SignatureFailure",
            "Message": "The provided credentials could not be validated. Please ensure your signature is correct."
        },
        "RequestId": "ed93f3cb-f35e-473f-b9f3-0d451b8b79c6"
    }
}"#;

const ERROR: Fields = Fields::new(2, &["Code", "Message"], &[]);
const RESPONSE: Fields = Fields::new(1, &["Error", "RequestId"], &[(0, ERROR)]);
const BODY: Fields = Fields::new(0, &["Response"], &[(0, RESPONSE)]);

/// In one pass: the members of `Error`, then `Error`, `RequestId`, then `Response`.
#[test]
fn tencent_cloud_nested() {
    let body = TENCENT_CLOUD.as_bytes();
    let mut got = Vec::new();
    assert!(
        read_object(body, &BODY, |m| {
            got.push((m.object, m.field, m.key, m.value));
            Ok(Flow::Continue)
        })
        .expect("valid")
    );
    let order: Vec<(usize, Option<usize>, &str)> =
        got.iter().map(|(o, f, k, _)| (*o, *f, &**k)).collect();
    assert_eq!(
        order,
        [
            (2, Some(0), "Code"),
            (2, Some(1), "Message"),
            (1, Some(0), "Error"),
            (1, Some(1), "RequestId"),
            (0, Some(0), "Response")
        ]
    );
    assert_eq!(text(&got[0].3), "AuthFailure.SignatureFailure");
    assert!(text(&got[1].3).starts_with("The provided credentials"));
    assert_eq!(text(&got[3].3), "ed93f3cb-f35e-473f-b9f3-0d451b8b79c6");
    let Value::Object(response) = got[4].3 else {
        panic!()
    };
    let offset = TENCENT_CLOUD.find(": {").unwrap() + 2;
    assert_eq!(response.offset(), offset);
    assert_eq!(
        &TENCENT_CLOUD[offset..offset + response.text().len()],
        response.text()
    );
    assert!(response.text().starts_with('{') && response.text().ends_with('}'));
    // The same, reading the nested objects again.
    let (mut code, mut request_id) = (None, None);
    response
        .read(&Fields::new(RESPONSE.id, RESPONSE.names, &[]), |m| {
            match (m.field, m.value) {
                (Some(0), Value::Object(error)) => error.read(&ERROR, |m| {
                    if m.field == Some(0) {
                        code = Some(m.value);
                    }
                    Ok(Flow::Continue)
                })?,
                (Some(1), value) => request_id = Some(value),
                _ => {}
            }
            Ok(Flow::Continue)
        })
        .expect("valid");
    assert_eq!(code, Some(got[0].3));
    assert_eq!(request_id, Some(got[3].3));
    assert!(super::common::check(body));
}

/// Aliyun's error body is empty: not JSON at all.
#[test]
fn aliyun_empty_body() {
    let err = read_object(b"", &Fields::NONE, |_| Ok(Flow::Continue)).unwrap_err();
    assert_eq!(
        err.to_string(),
        "EOF while parsing a value at line 1 column 0"
    );
    assert!(!super::common::check(b""));
}

#[test]
fn escapes_decode() {
    let body = br#"{"m\u0065ssage": "caf\u00e9 \ud83d\ude00 \"q\"", "bad": "\ud800", "\udc00": 1}"#;
    let got = members(body);
    assert_eq!(got[0].0, "message");
    let Value::Str { raw, escaped } = got[0].1 else {
        panic!()
    };
    assert!(escaped);
    assert_eq!(unescape(raw, escaped).unwrap(), "café 😀 \"q\"");
    let Value::Str { raw, escaped } = got[1].1 else {
        panic!()
    };
    assert_eq!(unescape(raw, escaped), None);
    assert_eq!(got[2].0, "\u{fffd}");
    assert!(super::common::check(body));
}

#[test]
fn stop_still_validates() {
    let mut calls = 0;
    let body = br#"{"code": 1, "message": "m", "x": [1, 2,]}"#;
    let err = read_object(body, &Fields::NONE, |_| {
        calls += 1;
        Ok(Flow::Stop)
    })
    .unwrap_err();
    assert_eq!(calls, 1);
    assert_eq!(
        err.to_string(),
        serde_json::from_slice::<serde::de::IgnoredAny>(body)
            .unwrap_err()
            .to_string()
    );
    // And duplicates of fields after the stop.
    let body = br#"{"code": 1, "message": "m", "code": 2}"#;
    let code = Fields::new(0, &["code"], &[]);
    let err = read_object(body, &code, |_| Ok(Flow::Stop)).unwrap_err();
    assert_eq!(
        err.to_string(),
        "duplicate field `code` at line 1 column 34"
    );
}

#[test]
fn top_level_not_an_object() {
    for body in ["[1, {}]", "\"x\"", "1", " null ", "true"] {
        let mut calls = 0;
        let is_object = read_object(body.as_bytes(), &Fields::NONE, |_| {
            calls += 1;
            Ok(Flow::Continue)
        })
        .expect("valid");
        assert!(!is_object);
        assert_eq!(calls, 0);
    }
}

/// A deep body inside a member, arrays and objects, valid and not, on a thread with a small
/// stack: nothing recurses.
#[test]
fn deep_nesting() {
    std::thread::Builder::new()
        .stack_size(256 << 10)
        .spawn(|| {
            for depth in [
                127, 128, 129, 5_000, 65_535, 65_536, 65_537, 100_000, 140_000,
            ] {
                for body in deep_bodies(depth) {
                    assert!(super::common::check(body.as_bytes()));
                    let got = members(body.as_bytes());
                    assert_eq!(got.len(), 2);
                    assert_eq!(text(&got[1].1), "after");
                    assert!(serde_json::from_str::<serde::de::IgnoredAny>(&body).is_ok());
                    let (Value::Array(_) | Value::Object(_)) = got[0].1 else {
                        panic!()
                    };
                    // Broken at the bottom, in the middle, at the end.
                    for broken in [
                        body.replacen("[]", "[}", 1).replacen("{}", "{]", 1),
                        body.replacen(']', "}", 1),
                        body.replacen("]]", "],]", 1).replacen("}}", "},}", 1),
                        body[..body.len() - 20].to_owned(),
                    ] {
                        super::common::check(broken.as_bytes());
                    }
                }
                // Deep at the top level too.
                let top = "[".repeat(depth) + &"]".repeat(depth);
                assert!(
                    !read_object(top.as_bytes(), &Fields::NONE, |_| Ok(Flow::Continue)).unwrap()
                );
            }
        })
        .unwrap()
        .join()
        .unwrap();
}

/// `{"deep": <depth levels>, "code": "after"}`: arrays; objects; the two alternating with
/// strings that hold brackets.
fn deep_bodies(depth: usize) -> Vec<String> {
    let wrap = |inner: String| format!("{{\"deep\": {inner}, \"code\": \"after\"}}");
    vec![
        wrap("[".repeat(depth) + &"]".repeat(depth)),
        wrap("{\"a\":".repeat(depth) + "{}" + &"}".repeat(depth)),
        wrap("[{\"k]\":".repeat(depth / 2) + "\"}]\\\"\"" + &"}]".repeat(depth / 2)),
        wrap("[0,{\"k\":".repeat(depth / 2) + "[]" + &"},1]".repeat(depth / 2)),
    ]
}

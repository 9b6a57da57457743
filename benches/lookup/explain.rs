//! `Response::explain` on one realistic error response per wire family (the vendor documents'
//! examples), against parsing the same body into a `serde_json::Value` and indexing it, and
//! against a minimal `#[derive(Deserialize)]` struct borrowing just the fields the vendor uses.
//! Every route ends with the same catalog lookup, so the rows differ by how the body is read.
//!
//! Alibaba Cloud API Gateway reports its errors in headers, with an empty body: there is no body
//! to parse, and its row compares explain with scanning the headers by hand.

use serde::Deserialize;
use serde_json::Value;

use errcat::tencent_cloud::common::Resolved;
use errcat::{AnyCode, Family, Outcome, Response, catalog, tencent_cloud, upyun};

use crate::harness::Suite;

type Headers = [(&'static str, &'static str)];

/// Headers every one of these responses carries, none of them the vendor's.
const DATE: (&str, &str) = ("Date", "Tue, 25 Nov 2025 02:14:07 GMT");
const JSON: (&str, &str) = ("Content-Type", "application/json; charset=utf-8");

/// What every route extracts: the resolved code, the message and the request id (lengths, since
/// the `Value` route cannot lend its strings).
#[derive(Debug, PartialEq, Eq)]
struct Found {
    code: Option<AnyCode>,
    message: usize,
    request_id: usize,
}

fn explained(outcome: &Outcome<'_>) -> Found {
    let err = outcome.error().expect("an error");
    Found {
        code: errcat::ApiError::entry(err).map(errcat::Entry::any_code),
        message: err.received_message().map_or(0, str::len),
        request_id: err
            .request_id()
            .or(errcat::upyun::management::Details::of(err).and_then(|d| d.request()))
            .map_or(0, str::len),
    }
}

/// Writes `n` in decimal on the stack (the numeric Tencent CDN code, looked up as text).
fn decimal(mut n: u64, buf: &mut [u8; 20]) -> &str {
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + u8::try_from(n % 10).expect("a digit");
        n /= 10;
        if n == 0 {
            break;
        }
    }
    std::str::from_utf8(&buf[i..]).expect("digits")
}

/// The Tencent CDN code: the module code in the message when documented, else the public code.
fn cdn_code(code: u64, message: &str) -> Option<AnyCode> {
    let module = tencent_cloud::cdn::split_message(message)
        .and_then(|(m, _)| tencent_cloud::cdn::ModuleCode::from_code(m))
        .map(AnyCode::from);
    module.or_else(|| {
        tencent_cloud::cdn::Code::from_code(decimal(code, &mut [0; 20])).map(AnyCode::from)
    })
}

// ---------------------------------------------------------------------------------------------
// The `Value` routes

fn str_len(v: &Value) -> usize {
    v.as_str().map_or(0, str::len)
}

fn value_cloudbypass(body: &[u8]) -> Option<Found> {
    let v: Value = serde_json::from_slice(body).ok()?;
    Some(Found {
        code: v["code"]
            .as_str()
            .and_then(|c| catalog::lookup_in(Family::CloudbypassApi, c).ok().flatten()),
        message: str_len(&v["message"]),
        request_id: str_len(&v["id"]),
    })
}

fn value_tencent_cdn(body: &[u8]) -> Option<Found> {
    let v: Value = serde_json::from_slice(body).ok()?;
    let message = v["message"].as_str().unwrap_or("");
    Some(Found {
        code: v["code"].as_u64().and_then(|c| cdn_code(c, message)),
        message: message.len(),
        request_id: 0,
    })
}

fn value_upyun(body: &[u8]) -> Option<Found> {
    let v: Value = serde_json::from_slice(body).ok()?;
    Some(Found {
        code: v["error_code"]
            .as_str()
            .and_then(upyun::management::Code::from_code)
            .map(AnyCode::from),
        message: str_len(&v["message"]),
        request_id: str_len(&v["request"]),
    })
}

fn value_tencent_cloud(body: &[u8]) -> Option<Found> {
    let v: Value = serde_json::from_slice(body).ok()?;
    let r = &v["Response"];
    Some(Found {
        code: r["Error"]["Code"]
            .as_str()
            .and_then(tencent_cloud::common::Code::resolve)
            .and_then(Resolved::code)
            .map(AnyCode::from),
        message: str_len(&r["Error"]["Message"]),
        request_id: str_len(&r["RequestId"]),
    })
}

// ---------------------------------------------------------------------------------------------
// The minimal borrowed structs

#[derive(Deserialize)]
struct CloudbypassBody<'a> {
    id: &'a str,
    code: &'a str,
    message: &'a str,
}

#[derive(Deserialize)]
struct TencentCdnBody<'a> {
    code: u64,
    message: &'a str,
}

#[derive(Deserialize)]
struct UpyunBody<'a> {
    error_code: &'a str,
    request: &'a str,
    message: &'a str,
}

#[derive(Deserialize)]
struct TencentCloudBody<'a> {
    #[serde(rename = "Response", borrow)]
    response: TencentCloudResponse<'a>,
}

#[derive(Deserialize)]
struct TencentCloudResponse<'a> {
    #[serde(rename = "Error", borrow)]
    error: TencentCloudError<'a>,
    #[serde(rename = "RequestId")]
    request_id: &'a str,
}

#[derive(Deserialize)]
struct TencentCloudError<'a> {
    #[serde(rename = "Code")]
    code: &'a str,
    #[serde(rename = "Message")]
    message: &'a str,
}

fn struct_cloudbypass(body: &[u8]) -> Option<Found> {
    let b: CloudbypassBody<'_> = serde_json::from_slice(body).ok()?;
    Some(Found {
        code: catalog::lookup_in(Family::CloudbypassApi, b.code)
            .ok()
            .flatten(),
        message: b.message.len(),
        request_id: b.id.len(),
    })
}

fn struct_tencent_cdn(body: &[u8]) -> Option<Found> {
    let b: TencentCdnBody<'_> = serde_json::from_slice(body).ok()?;
    Some(Found {
        code: cdn_code(b.code, b.message),
        message: b.message.len(),
        request_id: 0,
    })
}

fn struct_upyun(body: &[u8]) -> Option<Found> {
    let b: UpyunBody<'_> = serde_json::from_slice(body).ok()?;
    Some(Found {
        code: upyun::management::Code::from_code(b.error_code).map(AnyCode::from),
        message: b.message.len(),
        request_id: b.request.len(),
    })
}

fn struct_tencent_cloud(body: &[u8]) -> Option<Found> {
    let b: TencentCloudBody<'_> = serde_json::from_slice(body).ok()?;
    let r = b.response;
    Some(Found {
        code: tencent_cloud::common::Code::resolve(r.error.code)
            .and_then(Resolved::code)
            .map(AnyCode::from),
        message: r.error.message.len(),
        request_id: r.request_id.len(),
    })
}

/// Alibaba Cloud API Gateway by hand: the two headers, then the lookup.
fn headers_aliyun(headers: &Headers) -> Option<Found> {
    let get = |name: &str| {
        headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|&(_, v)| v)
    };
    let message = get("x-ca-error-message")?;
    Some(Found {
        code: catalog::lookup_in(Family::AliyunApiGateway, message)
            .ok()
            .flatten(),
        message: message.len(),
        request_id: get("x-ca-request-id").map_or(0, str::len),
    })
}

// ---------------------------------------------------------------------------------------------

/// A hand-written route: the body in, what it found out.
type Route = fn(&[u8]) -> Option<Found>;

/// One family's response and its hand-written routes.
struct Case {
    vendor: &'static str,
    status: u16,
    headers: &'static Headers,
    body: &'static [u8],
    value: Option<Route>,
    borrowed: Option<Route>,
}

/// One escape-free error response per family, from the vendors' documents.
const CASES: [Case; 5] = [
    Case {
        vendor: "cloudbypass",
        status: 400,
        headers: &[JSON, DATE, ("Server", "nginx"), ("Content-Length", "121")],
        body: r#"{"id": "8f2c1a9e-4b7d-4e21-9a3f-6d5c0b7e1f42", "code": "PARAM_ERROR", "message": "参数错误，可能是请求参数不正确或者缺少必填参数。"}"#
            .as_bytes(),
        value: Some(value_cloudbypass),
        borrowed: Some(struct_cloudbypass),
    },
    Case {
        vendor: "tencent_cdn",
        status: 200,
        headers: &[JSON, DATE, ("Server", "nginx"), ("Content-Length", "53")],
        body: r#"{"code": 4000, "message": "(2130)非法ProjectID参数"}"#.as_bytes(),
        value: Some(value_tencent_cdn),
        borrowed: Some(struct_tencent_cdn),
    },
    Case {
        vendor: "aliyun_apigateway",
        status: 403,
        headers: &[
            JSON,
            DATE,
            ("Content-Length", "0"),
            ("Connection", "keep-alive"),
            ("X-Ca-Request-Id", "7AD052CB-EE8B-4DFD-BBAF-EFB340E0A5AF"),
            ("X-Ca-Error-Message", "Throttled by APP Flow Control"),
        ],
        body: b"",
        value: None,
        borrowed: None,
    },
    Case {
        vendor: "upyun",
        status: 409,
        headers: &[JSON, DATE, ("Server", "marco/2.20"), ("Content-Length", "92")],
        body: br#"{"error_code": "21402", "request": "PUT /operators/", "message": "Operator already exists."}"#,
        value: Some(value_upyun),
        borrowed: Some(struct_upyun),
    },
    Case {
        vendor: "tencent_cloud",
        status: 200,
        headers: &[JSON, DATE, ("Server", "tencent-cloud"), ("Content-Length", "242")],
        body: br#"{
    "Response": {
        "Error": {
            "Code": "AuthFailure.SignatureFailure",
            "Message": "The provided credentials could not be validated. Please ensure your signature is correct."
        },
        "RequestId": "ed93f3cb-f35e-473f-b9f3-0d451b8b79c6"
    }
}"#,
        value: Some(value_tencent_cloud),
        borrowed: Some(struct_tencent_cloud),
    },
];

fn explain(case: &Case) -> Result<Outcome<'static>, errcat::ParseError> {
    Response::new(case.body)
        .with_status(case.status)
        .with_headers(case.headers)
        .explain()
}

pub fn bench(suite: &mut Suite) {
    for case in &CASES {
        let outcome = explain(case).expect("explains");
        let expected = explained(&outcome);
        assert!(expected.code.is_some(), "{}: {outcome:?}", case.vendor);
        let one = [case];
        let mut g = suite.group(&format!("explain_{}", case.vendor));
        g.batch("api", &one, |c| explain(c));
        if let (Some(value), Some(borrowed)) = (case.value, case.borrowed) {
            assert_eq!(
                value(case.body).as_ref(),
                Some(&expected),
                "{}",
                case.vendor
            );
            assert_eq!(
                borrowed(case.body).as_ref(),
                Some(&expected),
                "{}",
                case.vendor
            );
            g.batch("value", &one, move |c| value(c.body));
            g.batch("borrowed", &one, move |c| borrowed(c.body));
        } else {
            assert_eq!(headers_aliyun(case.headers).as_ref(), Some(&expected));
            g.batch("by_hand", &one, |c| headers_aliyun(c.headers));
        }
        g.finish();
    }
}

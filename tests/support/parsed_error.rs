//! The check of a parsed error's traits, written once: shared by the property tests
//! (`tests/explain_props.rs`) and the fuzz checks (`fuzz/src/checks.rs`), each compiling this
//! file as a module. It panics, naming `input`, when an invariant fails.

use std::fmt::Debug;

use errcat::response::Problem;
use errcat::{AnyCode, ApiError, Entry, ParsedError, aliyun, tencent_cloud, upyun};

/// A parsed error: `Display` on one line whatever was received (family, raw code, kind, message
/// and request id as received), no `source`, a compact `Debug`; `into_owned` keeping every field;
/// its JSON's fields as the accessors say.
pub fn check_parsed_error(e: &ParsedError<'_>, input: &dyn Debug) {
    check_display(e, input);
    check_into_owned(e, input);
    check_json(e, input);
}

/// Received text as `Display` writes it: control characters escaped as `char::escape_default`
/// writes them, so that the line stays one.
pub fn one_line(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_control() {
                c.escape_default().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// Whether `text` breaks a line.
pub fn breaks_line(text: &str) -> bool {
    text.contains(['\n', '\r'])
}

/// Whether a JSON value is the string `text`, or null for `None`.
pub fn json_is(value: &serde_json::Value, text: Option<&str>) -> bool {
    match text {
        Some(text) => value.as_str() == Some(text),
        None => value.is_null(),
    }
}

fn check_display(e: &ParsedError<'_>, input: &dyn Debug) {
    let line = e.to_string();
    let head = match e.raw_code() {
        Some(code) => format!("{} error {} ({})", e.family(), one_line(code), e.kind()),
        None => format!("{} error ({})", e.family(), e.kind()),
    };
    assert!(
        line.starts_with(&head),
        "{line:?} is not {head:?}...: {input:?}"
    );
    if let Some(message) = e.received_message() {
        assert!(
            line.contains(&format!(": {}", one_line(message))),
            "{line:?} lacks the message: {input:?}"
        );
    }
    if let Some(id) = e.request_id() {
        assert!(
            line.ends_with(&format!(", request id {}", one_line(id))),
            "{line:?} lacks the id: {input:?}"
        );
    }
    assert!(!breaks_line(&line), "{line:?} is not one line: {input:?}");
    let error: &dyn std::error::Error = e;
    assert!(error.source().is_none(), "a source: {input:?}");
    let debug = format!("{e:?}");
    assert!(debug.starts_with("ParsedError {"), "{debug}: {input:?}");
}

fn check_into_owned(e: &ParsedError<'_>, input: &dyn Debug) {
    let owned: ParsedError<'static> = e.clone().into_owned();
    let fields = |e: &ParsedError<'_>| {
        format!(
            "{:?}",
            (
                (
                    e.family(),
                    e.raw_code(),
                    e.typed_code(),
                    e.received_message()
                ),
                (e.request_id(), e.template_parameter(), e.response_status()),
                (
                    e.basis(),
                    e.classification(),
                    e.entry().map(Entry::any_code)
                ),
                (e.kind(), e.is_retryable(), e.problems().collect::<Vec<_>>()),
                tencent_cloud::cdn::Details::of(e),
                upyun::management::Details::of(e),
                aliyun::apigateway::Details::of(e),
                e.to_string(),
            )
        )
    };
    assert_eq!(fields(&owned), fields(e), "into_owned: {input:?}");
    let owned: ParsedError<'_> = owned;
    assert!(owned == *e, "into_owned changed it: {input:?}");
}

fn check_json(e: &ParsedError<'_>, input: &dyn Debug) {
    let json = serde_json::to_value(e)
        .unwrap_or_else(|error| panic!("{e:?} does not serialize ({error}): {input:?}"));
    let is = |name: &str, text: Option<&str>| {
        assert!(json_is(&json[name], text), "{name}: {json}: {input:?}");
    };
    is("raw_code", e.raw_code());
    is("kind", Some(e.kind().as_str()));
    is("family", Some(e.family().slug()));
    is("vendor", Some(e.vendor().slug()));
    is("code", e.typed_code().map(AnyCode::as_str));
    is("basis", Some(e.basis().as_str()));
    is("received_message", e.received_message());
    is("request_id", e.request_id());
    is("template_parameter", e.template_parameter());
    assert!(
        json_is(&json["entry"]["code"], e.entry().map(Entry::code)),
        "entry: {json}: {input:?}"
    );
    assert_eq!(
        json["known"].as_bool(),
        Some(e.is_known()),
        "{json}: {input:?}"
    );
    assert_eq!(
        json["retryable"].as_bool(),
        Some(e.is_retryable()),
        "{json}: {input:?}"
    );
    assert_eq!(
        json["response_status"].as_u64(),
        e.response_status().map(u64::from),
        "{json}: {input:?}"
    );
    let problems: Vec<&str> = e.problems().map(Problem::as_str).collect();
    assert_eq!(
        json["problems"],
        serde_json::json!(problems),
        "{json}: {input:?}"
    );
}

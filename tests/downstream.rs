//! A service crate's error handling, as a user writes it (issue 10): `explain()?` into
//! `anyhow::Result`, the parsed error returned with `?` after the body is dropped, and wrapped in
//! the crate's own `thiserror` enum, with its kind and retry advice kept.

// Written against the five tables of the default features (`cfg` set by build.rs).
#![cfg(errcat_default_features)]

use errcat::{ApiError, ErrorKind, Outcome, ParsedError, Response, Wait};

/// Calls a vendor: the body is owned here and dropped on return; the error outlives it.
#[allow(
    clippy::needless_pass_by_value,
    reason = "the point: the body is dropped here"
)]
fn call(status: u16, body: Vec<u8>) -> anyhow::Result<String> {
    match Response::new(&body).with_status(status).explain()? {
        Outcome::Success(ok) => Ok(ok.request_id().unwrap_or_default().to_owned()),
        Outcome::Error(err) => Err(err.into_owned().into()),
        other => anyhow::bail!("not a vendor response: {}", other.as_str()),
    }
}

#[test]
fn anyhow_carries_the_parsed_error_past_the_body() {
    let body = br#"{"Response": {"Error": {"Code": "LimitExceeded.PhoneNumberThirtySecondLimit",
        "Message": "too fast"}, "RequestId": "r-7"}}"#
        .to_vec();
    let err = call(200, body).unwrap_err();
    assert_eq!(
        err.to_string(),
        "tencent-cloud/common error LimitExceeded.PhoneNumberThirtySecondLimit (rate_limited): too fast, request id r-7"
    );
    let parsed = err
        .downcast_ref::<ParsedError<'static>>()
        .expect("the parsed error itself");
    // The classification survives `into_owned`.
    assert_eq!(parsed.kind(), ErrorKind::RateLimited);
    assert!(parsed.is_retryable());
    assert_eq!(
        parsed.wait(),
        Wait::After(std::time::Duration::from_secs(30))
    );
    assert_eq!(parsed.request_id(), Some("r-7"));
}

#[test]
fn a_parse_error_prints_its_position_once() {
    let err = call(400, br#"{"error_code": "21402",, }"#.to_vec()).unwrap_err();
    let chain = format!("{err:#}");
    assert_eq!(chain.matches("line 1 column").count(), 1, "{chain}");
    assert!(chain.starts_with("invalid JSON response body: "), "{chain}");
}

/// The service's own error type (the parsed error boxed, as clippy's `result_large_err` asks).
#[derive(Debug, thiserror::Error)]
enum ServiceError {
    #[error("vendor error")]
    Vendor(#[source] Box<ParsedError<'static>>),
    #[error("unreadable response")]
    Unreadable(#[from] errcat::ParseError),
}

#[allow(
    clippy::needless_pass_by_value,
    reason = "the point: the body is dropped here"
)]
fn call_typed(status: u16, body: Vec<u8>) -> Result<(), ServiceError> {
    if let Outcome::Error(err) = Response::new(&body).with_status(status).explain()? {
        return Err(ServiceError::Vendor(Box::new(err.into_owned())));
    }
    Ok(())
}

#[test]
fn a_thiserror_enum_wraps_it_and_keeps_the_advice() {
    let body = br#"{"error_code": "21402", "request": "PUT /operators/", "message": "exists"}"#;
    let err = call_typed(409, body.to_vec()).unwrap_err();
    let ServiceError::Vendor(parsed) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(parsed.kind(), ErrorKind::Conflict);
    assert!(!parsed.is_retryable());
    assert_eq!(
        std::error::Error::source(&err).map(ToString::to_string),
        Some("upyun/management error 21402 (conflict): exists".to_owned())
    );
    // The log line of `{:?}` stays small: no bilingual entry in it.
    assert!(format!("{parsed:?}").len() < 400, "{parsed:?}");
}

#[test]
fn parsed_errors_are_send_and_sync() {
    fn assert_send_sync<T: Send + Sync + 'static>() {}
    assert_send_sync::<ParsedError<'static>>();
    assert_send_sync::<Outcome<'static>>();
    assert_send_sync::<errcat::ParseError>();
}

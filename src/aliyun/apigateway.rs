//! Alibaba Cloud API Gateway (classic): 29 error codes, each with its documented HTTP status.
//! Feature `aliyun-apigateway` (default).
//!
//! The gateway reports an error in response headers: `X-Ca-Error-Message` holds the code (the
//! code *is* the message text, such as `Throttled by APP Flow Control`) and `X-Ca-Request-Id`
//! the id to quote to support. One code is a template,
//! `Invalid Signature, Server StringToSign:%s`, whose real value carries the gateway's
//! string-to-sign: resolve header values with [`catalog::by_header`](crate::catalog::by_header).
//!
//! # Examples
//!
//! ```
//! use errcat::{ApiError, ErrorKind, aliyun::apigateway::Code};
//!
//! let code = Code::from_code("Quota Exhausted").unwrap();
//! assert_eq!(code.http_status(), Some(403));
//! assert_eq!(code.kind(), ErrorKind::QuotaExceeded);
//! assert!(!code.is_retryable());
//!
//! // The document's misspelling `TThrottled` is an alias of the corrected code.
//! assert_eq!(
//!     Code::from_code("TThrottled by GROUP Flow Control"),
//!     Some(Code::ThrottledByGroupFlowControl)
//! );
//! assert_eq!(Code::ThrottledByGroupFlowControl.as_str(), "Throttled by GROUP Flow Control");
//! ```

use crate::response::ParsedError;
use crate::response::kit::{Body, Fields, Headers, Read, header_text};
use crate::{Family, HeaderRole};

#[cfg(feature = "aliyun-apigateway")]
pub use crate::tables::aliyun_apigateway::Code;

/// An Alibaba Cloud API Gateway error's own details: the `X-Ca-Error-Code` header that
/// dedicated gateways send.
///
/// # Examples
///
/// ```
/// use errcat::{Outcome, Response, aliyun::apigateway::Details};
///
/// let headers = [("X-Ca-Error-Message", "Quota Exhausted"), ("X-Ca-Error-Code", "B403QE")];
/// let outcome = Response::new(b"").with_status(403).with_headers(&headers).explain()?;
/// let Outcome::Error(err) = outcome else { panic!() };
/// assert_eq!(Details::of(&err).unwrap().error_code_header(), Some("B403QE"));
/// # Ok::<(), errcat::ParseError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Details<'e> {
    error_code_header: Option<&'e str>,
}

impl<'e> Details<'e> {
    /// The details of `err`, when it is an Alibaba Cloud API Gateway error.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::{Outcome, Response, aliyun::apigateway::Details};
    ///
    /// let headers = [("X-Ca-Error-Message", "Quota Exhausted"), ("X-Ca-Error-Code", "B403QE")];
    /// let outcome = Response::new(b"").with_status(403).with_headers(&headers).explain()?;
    /// let Outcome::Error(err) = outcome else { panic!() };
    /// assert!(Details::of(&err).is_some());
    /// // Another family's error has no gateway details.
    /// let body = br#"{"error_code": "21402", "request": "PUT /operators/", "message": "m"}"#;
    /// let Outcome::Error(upyun) = Response::new(body).explain()? else { panic!() };
    /// assert_eq!(Details::of(&upyun), None);
    /// # Ok::<(), errcat::ParseError>(())
    /// ```
    #[must_use]
    pub fn of(err: &'e crate::ParsedError<'_>) -> Option<Self> {
        (crate::ApiError::family(err) == Family::AliyunApiGateway).then(|| Self {
            error_code_header: err.detail_of(Family::AliyunApiGateway),
        })
    }

    /// The `X-Ca-Error-Code` header as received (the raw code is the `X-Ca-Error-Message`
    /// text, which the gateway's classic table documents).
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::{Outcome, Response, aliyun::apigateway::Details};
    ///
    /// // A classic gateway sends the message header only.
    /// let headers = [("X-Ca-Error-Message", "Quota Exhausted")];
    /// let outcome = Response::new(b"").with_status(403).with_headers(&headers).explain()?;
    /// let Outcome::Error(err) = outcome else { panic!() };
    /// assert_eq!(Details::of(&err).unwrap().error_code_header(), None);
    ///
    /// // With only the code header, the code header is the raw code, and is kept here too.
    /// let headers = [("X-Ca-Error-Code", "B403QE")];
    /// let outcome = Response::new(b"").with_status(403).with_headers(&headers).explain()?;
    /// let Outcome::Error(err) = outcome else { panic!() };
    /// assert_eq!(err.raw_code(), Some("B403QE"));
    /// assert_eq!(Details::of(&err).unwrap().error_code_header(), Some("B403QE"));
    /// # Ok::<(), errcat::ParseError>(())
    /// ```
    #[must_use]
    pub fn error_code_header(&self) -> Option<&'e str> {
        self.error_code_header
    }
}

/// The gateway reports in headers: no body shape is its own.
pub(crate) fn detect_body(_: &Fields<'_>) -> bool {
    false
}

/// The HTTP status is the primary signal; the code is the `X-Ca-Error-Message` text.
pub(crate) fn parse<'a>(err: &mut ParsedError<'a>, headers: &Headers<'a>, _: &Body<'a>) -> Read {
    let family = Family::AliyunApiGateway;
    if let Some(id) = headers.get(family, HeaderRole::RequestId) {
        err.request_id = Some(header_text(id, &mut err.problems));
    }
    let message = headers
        .get(family, HeaderRole::ErrorMessage)
        .map(|v| header_text(v, &mut err.problems));
    let error_code = headers
        .get(family, HeaderRole::ErrorCode)
        .map(|v| header_text(v, &mut err.problems));
    // The HTTP status is the primary signal: error headers on a 2xx do not make it a failure.
    if err.status.is_some_and(|s| s < 400)
        || (err.status.is_none() && message.is_none() && error_code.is_none())
    {
        return Read::Success;
    }
    // The seed documents the code as the `X-Ca-Error-Message` text; a newer gateway's
    // `X-Ca-Error-Code` is the raw code only when there is no message header, and is kept.
    let resolve = message.is_some();
    err.raw_code = message.clone().or_else(|| error_code.clone());
    err.detail = error_code;
    err.message = message;
    if resolve {
        err.resolve_raw(None);
    }
    err.finish();
    Read::Error
}

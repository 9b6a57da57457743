//! Explaining a raw HTTP response: did it fail, which vendor error is it, what does it mean, may
//! I retry, and which request id do I quote.
//!
//! [`Response`] takes what a caller holds (the vendor if known, the HTTP status if known, the
//! headers, the body bytes) and [`Response::explain`] returns an [`Outcome`]: a success, a
//! vendor error ([`ParsedError`]), or a response of none of these vendors; or a [`ParseError`]
//! for input it cannot read.
//!
//! # Detection
//!
//! Without a vendor hint, the vendor is picked by these rules, in order:
//!
//! 1. a header `x-cb-status` (any case): Cloudbypass;
//! 2. a header `X-Ca-Error-Message`, `X-Ca-Error-Code` or `X-Ca-Request-Id`: Alibaba Cloud API
//!    Gateway;
//! 3. a JSON object body with a `Response` object, or with an `Error` object next to a
//!    `RequestId`: Tencent Cloud API 3.0;
//! 4. a JSON object body with `error_code`: Upyun;
//! 5. a JSON object body whose `code` is a number or a string of digits, with a `message`:
//!    Tencent Cloud API 2.0 (CDN);
//! 6. a JSON object body with `id`, `code` and `message`, `code` a string: Cloudbypass.
//!
//! Otherwise the outcome is [`Outcome::Unrecognized`]: errcat does not guess.
//!
//! # Limits
//!
//! - A body longer than [`MAX_BODY`] bytes is not parsed. When the vendor is known from the hint
//!   or the headers, the outcome still stands on the status and headers, and the error records
//!   [`Problem::BodyTooLarge`]; when the vendor could only come from the body, explain returns
//!   [`ParseError::BodyTooLarge`].
//! - JSON nesting is accepted at any depth: explain reads a handful of fields and `serde_json`
//!   skips everything else without recursing, so a deeply nested body costs time linear in its
//!   length and no stack. (A body that is not valid JSON is still [`ParseError::Json`].)
//! - A header value that is not UTF-8 is read as bytes and kept with U+FFFD replacing the invalid
//!   bytes ([`Problem::HeaderNotUtf8`]); a code is only resolved from exact text.
//! - A header name repeated: the first value with that name is used, the rest ignored; header
//!   names are compared case-insensitively.
//! - A JSON key repeated in an object explain reads is an invalid body ([`ParseError::Json`],
//!   with the position in the whole body): errcat cannot tell which value the vendor meant. This
//!   holds for the vendors whose body is their own (Tencent Cloud, Tencent CDN, Upyun). A
//!   Cloudbypass failure may carry the target site's page: an unreadable one is flagged
//!   ([`Problem::BodyUnreadable`]) and the outcome stands on status and headers. Aliyun reports
//!   in headers, so an Aliyun body (known from the hint or the headers) is not read at all.
//! - A string with an escape that is not Unicode (a lone surrogate, `\ud800`) is kept as
//!   written, escapes undecoded, and flagged ([`Problem::InvalidEscape`]).
//! - Tencent Cloud and Tencent CDN report errors with HTTP 200, so a body they cannot have sent
//!   (empty, HTML, not JSON) is an error with no code ([`Problem::BodyUnreadable`]), never a
//!   success; a body over [`MAX_BODY`] is a success flagged [`Problem::BodyTooLarge`] (error
//!   bodies are small, large ones are listings).
//!
//! Explain never panics, and it keeps the raw code, the message and the request id whenever they
//! can be read.

use std::borrow::Cow;
use std::fmt;

use serde::Deserialize;
use serde_json::value::RawValue;

use crate::{AnyCode, ApiError, Classification, Entry, ErrorKind, HeaderRole, Vendor, catalog};
use crate::{tencent_cdn, tencent_cloud, upyun};

/// The largest body explain parses, in bytes (4 MiB). See the [module docs](self#limits).
pub const MAX_BODY: usize = 4 << 20;

/// One response header: a name and its value as bytes.
///
/// Implemented for `(&str, &[u8])`, `(&str, &str)` and references to them, and with the `http`
/// feature for the items of `http::HeaderMap::iter()`.
pub trait HeaderPair<'a> {
    /// The header name, any case.
    fn name(&self) -> &'a str;
    /// The header value, as received.
    fn value(&self) -> &'a [u8];
}

impl<'a> HeaderPair<'a> for (&'a str, &'a [u8]) {
    fn name(&self) -> &'a str {
        self.0
    }
    fn value(&self) -> &'a [u8] {
        self.1
    }
}

impl<'a> HeaderPair<'a> for (&'a str, &'a str) {
    fn name(&self) -> &'a str {
        self.0
    }
    fn value(&self) -> &'a [u8] {
        self.1.as_bytes()
    }
}

impl<'a, T: HeaderPair<'a>> HeaderPair<'a> for &T {
    fn name(&self) -> &'a str {
        (**self).name()
    }
    fn value(&self) -> &'a [u8] {
        (**self).value()
    }
}

#[cfg(feature = "http")]
impl<'a> HeaderPair<'a> for (&'a http::HeaderName, &'a http::HeaderValue) {
    fn name(&self) -> &'a str {
        self.0.as_str()
    }
    fn value(&self) -> &'a [u8] {
        self.1.as_bytes()
    }
}

#[cfg(feature = "http")]
impl<'a> Response<'a, http::header::Iter<'a, http::HeaderValue>> {
    /// The status, headers and body of an `http::Response`, as reqwest, hyper and axum hand them
    /// over (read the body into bytes first). Requires the `http` feature.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::{ApiError, ErrorKind, Outcome, Response};
    ///
    /// let response = http::Response::builder()
    ///     .status(403)
    ///     .header("x-ca-error-message", "Throttled by APP Flow Control")
    ///     .header("x-ca-request-id", "7AD052CB-EE8B-4DFD-BBAF-EFB340E0A5AF")
    ///     .body(Vec::new())
    ///     .unwrap();
    /// let Outcome::Error(err) = Response::from_http(&response).explain()? else { panic!() };
    /// assert_eq!(err.kind(), ErrorKind::RateLimited);
    /// assert_eq!(err.request_id(), Some("7AD052CB-EE8B-4DFD-BBAF-EFB340E0A5AF"));
    /// # Ok::<(), errcat::ParseError>(())
    /// ```
    #[must_use]
    pub fn from_http<B: AsRef<[u8]>>(response: &'a http::Response<B>) -> Self {
        Response::new(response.body().as_ref())
            .with_status(response.status().as_u16())
            .with_headers(response.headers().iter())
    }
}

/// A raw HTTP response to explain. Build it with [`Response::new`] and the `with_` methods.
///
/// # Examples
///
/// ```
/// use errcat::{ApiError, ErrorKind, Outcome, Response, Vendor};
///
/// let body = br#"{"Response": {"Error": {"Code": "InvalidParameter.InvalidZoneName",
///     "Message": "zone name is invalid"}, "RequestId": "ed93f3cb-f35e"}}"#;
/// let outcome = Response::new(body).with_status(200).explain()?;
/// let Outcome::Error(err) = outcome else { panic!("expected an error") };
/// assert_eq!(err.vendor(), Vendor::TencentCloud);
/// assert_eq!(err.raw_code(), Some("InvalidParameter.InvalidZoneName"));
/// assert_eq!(err.message(), Some("zone name is invalid"));
/// assert_eq!(err.request_id(), Some("ed93f3cb-f35e"));
/// assert_eq!(err.kind(), ErrorKind::InvalidRequest); // from its listed parent
/// # Ok::<(), errcat::ParseError>(())
/// ```
#[derive(Clone, Debug)]
pub struct Response<'a, H = [(&'a str, &'a [u8]); 0]> {
    vendor: Option<Vendor>,
    status: Option<u16>,
    headers: H,
    body: &'a [u8],
}

impl<'a> Response<'a> {
    /// A response with this body, no headers, unknown status and vendor.
    #[must_use]
    pub fn new(body: &'a [u8]) -> Self {
        Self {
            vendor: None,
            status: None,
            headers: [],
            body,
        }
    }
}

impl<'a, H> Response<'a, H> {
    /// The vendor, when the caller knows which API it called: detection is skipped. Takes a
    /// `Vendor` or an `Option<Vendor>` (`None`: detect).
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::{Outcome, Response, Vendor};
    ///
    /// let hint: Option<Vendor> = None; // say, from configuration
    /// let body = br#"{"error_code": "21402", "message": "Operator already exists."}"#;
    /// let outcome = Response::new(body).with_vendor(hint).with_status(409).explain()?;
    /// assert_eq!(outcome.vendor(), Some(Vendor::Upyun));
    /// # Ok::<(), errcat::ParseError>(())
    /// ```
    #[must_use]
    pub fn with_vendor(mut self, vendor: impl Into<Option<Vendor>>) -> Self {
        self.vendor = vendor.into();
        self
    }

    /// The HTTP status. Takes a `u16` or an `Option<u16>` (`None`: unknown).
    #[must_use]
    pub fn with_status(mut self, status: impl Into<Option<u16>>) -> Self {
        self.status = status.into();
        self
    }

    /// The headers: anything iterable over [`HeaderPair`]s, such as `&[(&str, &str)]`.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::{Outcome, Response};
    ///
    /// let headers = [("X-Ca-Error-Message", "Quota Exhausted"), ("X-Ca-Request-Id", "7AD052CB")];
    /// let outcome = Response::new(b"").with_status(403).with_headers(&headers).explain()?;
    /// let Outcome::Error(err) = outcome else { panic!() };
    /// assert_eq!(err.request_id(), Some("7AD052CB"));
    /// # Ok::<(), errcat::ParseError>(())
    /// ```
    #[must_use]
    pub fn with_headers<H2>(self, headers: H2) -> Response<'a, H2> {
        Response {
            vendor: self.vendor,
            status: self.status,
            headers,
            body: self.body,
        }
    }
}

impl<'a, H> Response<'a, H>
where
    H: IntoIterator,
    H::Item: HeaderPair<'a>,
{
    /// Explains the response. See the [module docs](self) for how the vendor is detected and what
    /// the limits are.
    ///
    /// # Errors
    ///
    /// [`ParseError`] when the body must be read and cannot be: invalid JSON, or too large.
    pub fn explain(self) -> Result<Outcome<'a>, ParseError> {
        let headers = Headers::scan(self.headers);
        let vendor = self.vendor.or_else(|| headers.vendor());
        let body = Body::read(self.body, vendor)?;
        let Some(vendor) = vendor.or_else(|| body.vendor()) else {
            return Ok(Outcome::Unrecognized(Unrecognized {
                status: self.status,
            }));
        };
        let mut err = ParsedError::new(vendor, self.status);
        if body.too_large {
            err.problems.add(Problem::BodyTooLarge);
        }
        let success = match vendor {
            Vendor::Cloudbypass => parse_cloudbypass(&mut err, &headers, &body),
            Vendor::TencentCdn => parse_tencent_cdn(&mut err, &body),
            Vendor::AliyunApiGateway => parse_aliyun(&mut err, &headers),
            Vendor::Upyun => parse_upyun(&mut err, &body),
            Vendor::TencentCloud => parse_tencent_cloud(&mut err, &body),
        };
        if success {
            Ok(Outcome::Success(Success {
                vendor,
                status: self.status,
                request_id: err.request_id,
                problems: err.problems,
            }))
        } else {
            Ok(Outcome::Error(err))
        }
    }
}

/// What a response was.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Outcome<'a> {
    /// The call succeeded.
    Success(Success<'a>),
    /// The vendor reported an error.
    Error(ParsedError<'a>),
    /// Not a response of any of the five vendors, as far as the detection rules can tell.
    Unrecognized(Unrecognized),
}

impl Outcome<'_> {
    /// `success`, `error` or `unrecognized`.
    ///
    /// # Examples
    ///
    /// ```
    /// let outcome = errcat::Response::new(b"<html>hello</html>").explain()?;
    /// assert_eq!(outcome.as_str(), "unrecognized");
    /// # Ok::<(), errcat::ParseError>(())
    /// ```
    #[must_use]
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Success(_) => "success",
            Self::Error(_) => "error",
            Self::Unrecognized(_) => "unrecognized",
        }
    }

    /// The vendor, unless unrecognized.
    #[must_use]
    pub fn vendor(&self) -> Option<Vendor> {
        match self {
            Self::Success(s) => Some(s.vendor),
            Self::Error(e) => Some(e.vendor),
            Self::Unrecognized(_) => None,
        }
    }

    /// The parsed error, if the outcome is one.
    #[must_use]
    pub fn error(&self) -> Option<&ParsedError<'_>> {
        match self {
            Self::Error(e) => Some(e),
            Self::Success(_) | Self::Unrecognized(_) => None,
        }
    }
}

/// A successful response.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Success<'a> {
    vendor: Vendor,
    status: Option<u16>,
    request_id: Option<Cow<'a, str>>,
    problems: Problems,
}

impl Success<'_> {
    /// The vendor.
    #[must_use]
    pub fn vendor(&self) -> Vendor {
        self.vendor
    }

    /// The HTTP status, if given.
    #[must_use]
    pub fn status(&self) -> Option<u16> {
        self.status
    }

    /// The request id, where the response carries one.
    #[must_use]
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }

    /// What could not be read: a success can only be told with what was read (a body over
    /// [`MAX_BODY`] is taken for a success, flagged [`Problem::BodyTooLarge`]).
    pub fn problems(&self) -> impl Iterator<Item = Problem> {
        self.problems.iter()
    }
}

/// A response errcat does not attribute to any vendor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unrecognized {
    status: Option<u16>,
}

impl Unrecognized {
    /// The HTTP status, if given.
    #[must_use]
    pub fn status(&self) -> Option<u16> {
        self.status
    }
}

/// Something explain could not read, while still returning what it could.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Problem {
    /// The body was over [`MAX_BODY`] and was not parsed.
    BodyTooLarge,
    /// A header value was not UTF-8; it is kept with U+FFFD for the invalid bytes.
    HeaderNotUtf8,
    /// The code field had a type that cannot be a code: an object or array (dropped) or a
    /// boolean (kept as written).
    CodeWrongType,
    /// The message field had a type that cannot be a message.
    MessageWrongType,
    /// The request id field had a type that cannot be an id.
    RequestIdWrongType,
    /// Upyun's `request` field had a type that cannot be a request line.
    RequestWrongType,
    /// The body was expected to hold the vendor's JSON error and could not be read as one (an
    /// HTML page from a proxy or the target site, invalid or truncated JSON, nothing at all); the
    /// outcome stands on the status and headers.
    BodyUnreadable,
    /// A string held an escape that is not Unicode (a lone surrogate); it is kept as written.
    InvalidEscape,
}

impl Problem {
    const ALL: [Problem; 8] = [
        Self::BodyTooLarge,
        Self::HeaderNotUtf8,
        Self::CodeWrongType,
        Self::MessageWrongType,
        Self::RequestIdWrongType,
        Self::RequestWrongType,
        Self::BodyUnreadable,
        Self::InvalidEscape,
    ];

    /// A short `snake_case` name.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::BodyTooLarge => "body_too_large",
            Self::HeaderNotUtf8 => "header_not_utf8",
            Self::CodeWrongType => "code_wrong_type",
            Self::MessageWrongType => "message_wrong_type",
            Self::RequestIdWrongType => "request_id_wrong_type",
            Self::RequestWrongType => "request_wrong_type",
            Self::BodyUnreadable => "body_unreadable",
            Self::InvalidEscape => "invalid_escape",
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A set of [`Problem`]s, without allocating.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Problems(u8);

impl Problems {
    fn add(&mut self, p: Problem) {
        self.0 |= 1 << (p as u8);
    }
    fn iter(self) -> impl Iterator<Item = Problem> {
        Problem::ALL
            .into_iter()
            .filter(move |p| self.0 & (1 << (*p as u8)) != 0)
    }
}

/// How the catalog entry of a parsed error was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Basis {
    /// The raw code is documented.
    Exact,
    /// The raw code is not documented; the entry is its documented family (Tencent Cloud `A` for
    /// `A.B`, Tencent CDN `4100` for `4102`).
    Family,
    /// The raw code, or its nearest ancestor, is covered by a [`Classification`] (a family the
    /// table does not list, or a sub-code whose meaning differs from its parent); the entry, if
    /// any, is the nearest documented ancestor, for its texts.
    Classification,
    /// No entry; kind and retry advice come from the HTTP status.
    HttpStatus,
    /// No entry and nothing to classify by: kind `unknown`.
    None,
}

/// A vendor error read from a response: the typed code when the catalog knows it, and always
/// what was received.
///
/// Implements [`ApiError`]: `code()` is the raw code as received (empty when the response carries
/// none), `entry()` the catalog entry (exact or family), and `kind()`/`is_retryable()` are
/// classified from the entry, else from the HTTP status.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParsedError<'a> {
    vendor: Vendor,
    status: Option<u16>,
    raw_code: Option<Cow<'a, str>>,
    code: Option<AnyCode>,
    module_code: Option<Cow<'a, str>>,
    module: Option<tencent_cdn::ModuleCode>,
    message: Option<Cow<'a, str>>,
    request_id: Option<Cow<'a, str>>,
    request: Option<Cow<'a, str>>,
    parameter: Option<Cow<'a, str>>,
    error_code_header: Option<Cow<'a, str>>,
    entry: Option<&'static Entry>,
    rule: Option<&'static Classification>,
    basis: Basis,
    /// The kind when there is no entry.
    fallback_kind: ErrorKind,
    problems: Problems,
}

impl ParsedError<'_> {
    fn new(vendor: Vendor, status: Option<u16>) -> Self {
        Self {
            vendor,
            status,
            raw_code: None,
            code: None,
            module_code: None,
            module: None,
            message: None,
            request_id: None,
            request: None,
            parameter: None,
            error_code_header: None,
            entry: None,
            rule: None,
            basis: Basis::None,
            fallback_kind: ErrorKind::Unknown,
            problems: Problems::default(),
        }
    }

    /// The code exactly as received (a number's digits as written), or `None` when the response
    /// carries no code (a Cloudbypass failure whose body is the target's page, say).
    #[must_use]
    pub fn raw_code(&self) -> Option<&str> {
        self.raw_code.as_deref()
    }

    /// The typed code, when the catalog documents the raw code exactly.
    #[must_use]
    pub fn typed_code(&self) -> Option<AnyCode> {
        self.code
    }

    /// Tencent CDN: the module code from the start of the message, as received, documented or not.
    #[must_use]
    pub fn module_code(&self) -> Option<&str> {
        self.module_code.as_deref()
    }

    /// Tencent CDN: the typed module code, when the catalog documents it.
    #[must_use]
    pub fn typed_module_code(&self) -> Option<tencent_cdn::ModuleCode> {
        self.module
    }

    /// The vendor's message as received, never replaced by catalog text.
    #[must_use]
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// The request id to quote to the vendor's support.
    #[must_use]
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }

    /// Upyun: the structure (level, module) of the raw code, decoded only for codes of the
    /// documented five-digit family; other Upyun APIs use longer codes that are not decoded.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::{Outcome, Response, upyun::Level};
    ///
    /// let body = br#"{"error_code": "21499", "request": "PUT /operators/", "message": "?"}"#;
    /// let Outcome::Error(err) = Response::new(body).explain()? else { panic!() };
    /// let s = err.upyun_structure().unwrap(); // unlisted, still decoded
    /// assert_eq!((s.level(), s.module()), (Level::Module, 14));
    ///
    /// let body = br#"{"error_code": 40100012, "request": "GET /x", "message": "?"}"#;
    /// let Outcome::Error(err) = Response::new(body).explain()? else { panic!() };
    /// assert_eq!(err.upyun_structure(), None);
    /// # Ok::<(), errcat::ParseError>(())
    /// ```
    #[must_use]
    pub fn upyun_structure(&self) -> Option<upyun::Structure> {
        if self.vendor != Vendor::Upyun {
            return None;
        }
        self.raw_code.as_deref().and_then(upyun::Structure::parse)
    }

    /// Upyun: the request line the vendor echoes (`PUT /operators/`).
    #[must_use]
    pub fn request(&self) -> Option<&str> {
        self.request.as_deref()
    }

    /// For a template code (Aliyun `Invalid Signature, Server StringToSign:%s`): the filled-in
    /// part, which for that code is the gateway's string-to-sign, to diff against your own.
    #[must_use]
    pub fn template_parameter(&self) -> Option<&str> {
        self.parameter.as_deref()
    }

    /// Aliyun: the `X-Ca-Error-Code` header newer gateways send, as received (the raw code is the
    /// `X-Ca-Error-Message` text, which the gateway's table documents).
    #[must_use]
    pub fn error_code_header(&self) -> Option<&str> {
        self.error_code_header.as_deref()
    }

    /// The HTTP status, if given.
    #[must_use]
    pub fn status(&self) -> Option<u16> {
        self.status
    }

    /// The classification that gave the kind, when [`basis`](Self::basis) is
    /// [`Basis::Classification`].
    #[must_use]
    pub fn classification(&self) -> Option<&'static Classification> {
        self.rule
    }

    /// How the entry was found.
    #[must_use]
    pub fn basis(&self) -> Basis {
        self.basis
    }

    /// Whether the catalog documents the raw code, i.e. [`typed_code`](Self::typed_code) is
    /// `Some`: exactly, or for Aliyun as a filled-in template or a documented code with detail
    /// appended (the raw code keeps the detail). A Tencent CDN error may instead have only a
    /// documented module code, which is then its entry, under an unlisted public code.
    #[must_use]
    pub fn is_known(&self) -> bool {
        self.code.is_some()
    }

    /// What could not be read.
    pub fn problems(&self) -> impl Iterator<Item = Problem> {
        self.problems.iter()
    }

    /// Sets the entry from a resolved code.
    fn resolve(&mut self, code: AnyCode, basis: Basis) {
        if basis == Basis::Exact {
            self.code = Some(code);
        }
        self.entry = Some(code.entry());
        self.basis = basis;
    }

    /// With no entry, classify by the HTTP status.
    fn finish(&mut self) {
        if self.entry.is_some() || self.rule.is_some() {
            return;
        }
        let Some(status) = self.status else { return };
        self.fallback_kind = match (self.vendor, status) {
            // Cloudbypass mirrors the target's status: with no Cloudbypass error body, a refusal
            // or a server error came from the target site, not from Cloudbypass.
            (Vendor::Cloudbypass, 401 | 403) => ErrorKind::Blocked,
            (Vendor::Cloudbypass, 500..=599) => ErrorKind::Upstream,
            _ => ErrorKind::from_http_status(status),
        };
        if self.fallback_kind != ErrorKind::Unknown {
            self.basis = Basis::HttpStatus;
        }
    }
}

impl ApiError for ParsedError<'_> {
    fn vendor(&self) -> Vendor {
        self.vendor
    }

    fn code(&self) -> &str {
        self.raw_code.as_deref().unwrap_or("")
    }

    fn entry(&self) -> Option<&'static Entry> {
        self.entry
    }

    /// The entry's kind; without an entry, the kind the HTTP status suggests (for Cloudbypass,
    /// whose status mirrors the target's, 401/403 are `blocked` and 5xx `upstream`), else
    /// `unknown`.
    fn kind(&self) -> ErrorKind {
        match (self.rule, self.entry) {
            (Some(rule), _) => rule.kind(),
            (None, Some(entry)) => entry.kind(),
            (None, None) => self.fallback_kind,
        }
    }

    /// The classification's advice, else the entry's, else the kind's default.
    fn is_retryable(&self) -> bool {
        match (self.rule, self.entry) {
            (Some(rule), _) => rule.is_retryable(),
            (None, Some(entry)) => entry.is_retryable(),
            (None, None) => self.fallback_kind.is_retryable_by_default(),
        }
    }
}

/// Input explain cannot read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ParseError {
    /// The body had to be read as JSON and is not valid JSON.
    #[error("invalid {} response body: {source}", vendor.map_or("JSON", Vendor::slug))]
    Json {
        /// The vendor the body was read for, if known.
        vendor: Option<Vendor>,
        /// `serde_json`'s error, with line and column.
        #[source]
        source: serde_json::Error,
    },
    /// The body had to be read to tell the vendor, and is over [`MAX_BODY`].
    #[error("response body of {len} bytes is over the {limit}-byte limit")]
    BodyTooLarge {
        /// The body's length.
        len: usize,
        /// [`MAX_BODY`].
        limit: usize,
    },
}

impl ParseError {
    /// The 1-based line and column of a JSON error.
    #[must_use]
    pub fn position(&self) -> Option<(usize, usize)> {
        match self {
            Self::Json { source, .. } => Some((source.line(), source.column())),
            Self::BodyTooLarge { .. } => None,
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Headers

/// The documented headers found in a response: first value of each, by role.
#[derive(Default)]
struct Headers<'a> {
    cb_status: Option<&'a [u8]>,
    ca_error_message: Option<&'a [u8]>,
    ca_error_code: Option<&'a [u8]>,
    ca_request_id: Option<&'a [u8]>,
}

impl<'a> Headers<'a> {
    fn scan<H>(headers: H) -> Self
    where
        H: IntoIterator,
        H::Item: HeaderPair<'a>,
    {
        let mut found = Self::default();
        for pair in headers {
            let Some(header) = catalog::header(pair.name()) else {
                continue;
            };
            let slot = match (header.vendor(), header.carries()) {
                (Vendor::Cloudbypass, HeaderRole::Status) => &mut found.cb_status,
                (Vendor::AliyunApiGateway, HeaderRole::RequestId) => &mut found.ca_request_id,
                (Vendor::AliyunApiGateway, HeaderRole::ErrorCode) => &mut found.ca_error_code,
                (Vendor::AliyunApiGateway, HeaderRole::ErrorMessage) => &mut found.ca_error_message,
                _ => continue,
            };
            slot.get_or_insert(pair.value());
        }
        found
    }

    fn vendor(&self) -> Option<Vendor> {
        if self.cb_status.is_some() {
            Some(Vendor::Cloudbypass)
        } else if self.ca_error_message.is_some()
            || self.ca_error_code.is_some()
            || self.ca_request_id.is_some()
        {
            Some(Vendor::AliyunApiGateway)
        } else {
            None
        }
    }
}

/// A header value as text: borrowed when UTF-8, else lossily converted.
fn header_text<'a>(value: &'a [u8], problems: &mut Problems) -> Cow<'a, str> {
    let text = String::from_utf8_lossy(value);
    if matches!(text, Cow::Owned(_)) {
        problems.add(Problem::HeaderNotUtf8);
    }
    text
}

// ---------------------------------------------------------------------------------------------
// Body

/// Every top-level field any vendor uses: scalars unparsed, Tencent Cloud's objects parsed in the
/// same pass (so that an error inside them is reported at its position in the body, and so that
/// nothing is allocated to skip over them).
#[derive(Default, Deserialize)]
struct Fields<'a> {
    #[serde(borrow, rename = "Response")]
    response: Option<Nested<TencentResponse<'a>>>,
    #[serde(borrow, rename = "Error")]
    error: Option<Nested<TencentError<'a>>>,
    #[serde(borrow, rename = "RequestId")]
    request_id: Option<&'a RawValue>,
    #[serde(borrow)]
    error_code: Option<&'a RawValue>,
    #[serde(borrow)]
    request: Option<&'a RawValue>,
    #[serde(borrow)]
    message: Option<&'a RawValue>,
    #[serde(borrow)]
    code: Option<&'a RawValue>,
    #[serde(borrow)]
    id: Option<&'a RawValue>,
}

/// A field that is either an object of type `T` or anything else, which is skipped. (Capturing
/// a nested object as `&RawValue` would make `serde_json` allocate to skip its inside.)
#[derive(Default)]
enum Nested<T> {
    Object(T),
    #[default]
    Other,
}

fn is_object<T>(field: Option<&Nested<T>>) -> bool {
    matches!(field, Some(Nested::Object(_)))
}

impl<T> Nested<T> {
    fn object(&self) -> Option<&T> {
        match self {
            Self::Object(t) => Some(t),
            Self::Other => None,
        }
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Nested<T> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visit<T>(std::marker::PhantomData<T>);

        impl<'de, T: Deserialize<'de>> serde::de::Visitor<'de> for Visit<T> {
            type Value = Nested<T>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("any JSON value")
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> Result<Self::Value, A::Error> {
                T::deserialize(serde::de::value::MapAccessDeserializer::new(map))
                    .map(Nested::Object)
            }

            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Self::Value, A::Error> {
                while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {}
                Ok(Nested::Other)
            }

            fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
                Ok(Nested::Other)
            }

            fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
                Ok(Nested::Other)
            }

            fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
                Ok(Nested::Other)
            }

            fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
                Ok(Nested::Other)
            }

            fn visit_str<E>(self, _: &str) -> Result<Self::Value, E> {
                Ok(Nested::Other)
            }

            fn visit_unit<E>(self) -> Result<Self::Value, E> {
                Ok(Nested::Other)
            }
        }

        deserializer.deserialize_any(Visit(std::marker::PhantomData))
    }
}

/// The fields of a Tencent Cloud API 3.0 `Response` object.
#[derive(Default, Deserialize)]
struct TencentResponse<'a> {
    #[serde(borrow, rename = "Error")]
    error: Option<Nested<TencentError<'a>>>,
    #[serde(borrow, rename = "RequestId")]
    request_id: Option<&'a RawValue>,
}

/// The fields of a Tencent Cloud API 3.0 `Error` object.
#[derive(Clone, Copy, Default, Deserialize)]
struct TencentError<'a> {
    #[serde(borrow, rename = "Code")]
    code: Option<&'a RawValue>,
    #[serde(borrow, rename = "Message")]
    message: Option<&'a RawValue>,
}

struct Body<'a> {
    /// `None` when the body is not a JSON object (empty, HTML, text, too large).
    fields: Option<Fields<'a>>,
    too_large: bool,
}

impl<'a> Body<'a> {
    /// Reads the body. It is JSON when it starts (after white space) with `{`; such a body that
    /// does not parse is an error, since it was meant to be read.
    fn read(bytes: &'a [u8], vendor: Option<Vendor>) -> Result<Self, ParseError> {
        if bytes.len() > MAX_BODY {
            return if vendor.is_some() {
                Ok(Self {
                    fields: None,
                    too_large: true,
                })
            } else {
                Err(ParseError::BodyTooLarge {
                    len: bytes.len(),
                    limit: MAX_BODY,
                })
            };
        }
        // Aliyun reports in headers: its body is whatever the backend sent, and not read.
        if vendor == Some(Vendor::AliyunApiGateway) {
            return Ok(Self {
                fields: None,
                too_large: false,
            });
        }
        let looks_json = bytes
            .iter()
            .find(|b| !b.is_ascii_whitespace())
            .is_some_and(|&b| b == b'{');
        if !looks_json {
            return Ok(Self {
                fields: None,
                too_large: false,
            });
        }
        match serde_json::from_slice::<Fields<'a>>(bytes) {
            Ok(fields) => Ok(Self {
                fields: Some(fields),
                too_large: false,
            }),
            // A Cloudbypass failure may carry the target site's own page, broken JSON included.
            Err(_) if vendor == Some(Vendor::Cloudbypass) => Ok(Self {
                fields: None,
                too_large: false,
            }),
            Err(source) => Err(ParseError::Json { vendor, source }),
        }
    }

    fn vendor(&self) -> Option<Vendor> {
        let f = self.fields.as_ref()?;
        let is = |raw: Option<&RawValue>, first: u8| {
            raw.is_some_and(|r| r.get().as_bytes().first() == Some(&first))
        };
        if is_object(f.response.as_ref()) || (is_object(f.error.as_ref()) && f.request_id.is_some())
        {
            Some(Vendor::TencentCloud)
        } else if f.error_code.is_some() {
            Some(Vendor::Upyun)
        } else if f.message.is_some() && f.code.is_some_and(is_numeric) {
            Some(Vendor::TencentCdn)
        } else if f.id.is_some() && f.message.is_some() && is(f.code, b'"') {
            Some(Vendor::Cloudbypass)
        } else {
            None
        }
    }
}

/// A JSON integer, or a string of ASCII digits; optionally negative.
fn is_numeric(raw: &RawValue) -> bool {
    let text = raw.get();
    let inner = text
        .strip_prefix('"')
        .and_then(|t| t.strip_suffix('"'))
        .unwrap_or(text);
    let digits = inner.strip_prefix('-').unwrap_or(inner);
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
}

/// The part of `text` that `part` picks, borrowed from the input when `text` is.
fn sub_cow<'a>(text: &Cow<'a, str>, part: fn(&str) -> Option<&str>) -> Option<Cow<'a, str>> {
    match text {
        Cow::Borrowed(t) => part(t).map(Cow::Borrowed),
        Cow::Owned(t) => part(t).map(|p| Cow::Owned(p.to_owned())),
    }
}

/// A scalar field as text: a string unescaped (borrowed when it has no escapes; kept as written
/// when an escape is not Unicode), a number as written, a boolean as written but flagged `wrong`;
/// `null` is absent; an object or array is flagged `wrong` and dropped.
fn scalar<'a>(
    raw: Option<&'a RawValue>,
    wrong: Problem,
    problems: &mut Problems,
) -> Option<Cow<'a, str>> {
    let text = raw?.get();
    match text.as_bytes().first() {
        // The common case: no escapes, so the text between the quotes is the value.
        Some(b'"') if !text.contains('\\') => Some(Cow::Borrowed(&text[1..text.len() - 1])),
        Some(b'"') => Some(
            serde_json::from_str::<&'a str>(text)
                .map(Cow::Borrowed)
                .or_else(|_| serde_json::from_str::<String>(text).map(Cow::Owned))
                .unwrap_or_else(|_| {
                    problems.add(Problem::InvalidEscape);
                    Cow::Borrowed(&text[1..text.len() - 1])
                }),
        ),
        Some(b'n') => None,
        Some(b't' | b'f') => {
            problems.add(wrong);
            Some(Cow::Borrowed(text))
        }
        Some(b'{' | b'[') | None => {
            problems.add(wrong);
            None
        }
        Some(_) => Some(Cow::Borrowed(text)),
    }
}

// ---------------------------------------------------------------------------------------------
// Vendors. Each fills `err` and returns whether the response is a success.

fn parse_cloudbypass<'a>(
    err: &mut ParsedError<'a>,
    headers: &Headers<'a>,
    body: &Body<'a>,
) -> bool {
    if headers
        .cb_status
        .is_some_and(|v| v.trim_ascii().eq_ignore_ascii_case(b"ok"))
    {
        return true;
    }
    match &body.fields {
        Some(f) => {
            err.raw_code = scalar(f.code, Problem::CodeWrongType, &mut err.problems);
            err.message = scalar(f.message, Problem::MessageWrongType, &mut err.problems);
            err.request_id = scalar(f.id, Problem::RequestIdWrongType, &mut err.problems);
        }
        // The target's own page: a failure, with no code invented.
        None if !body.too_large => err.problems.add(Problem::BodyUnreadable),
        None => {}
    }
    if let Some(code) = err
        .raw_code
        .as_deref()
        .and_then(|c| catalog::lookup(Vendor::Cloudbypass, c))
    {
        err.resolve(code, Basis::Exact);
    }
    err.finish();
    false
}

fn parse_tencent_cdn<'a>(err: &mut ParsedError<'a>, body: &Body<'a>) -> bool {
    let Some(f) = &body.fields else {
        return unread_body_of_200_vendor(err, body);
    };
    err.raw_code = scalar(f.code, Problem::CodeWrongType, &mut err.problems);
    err.message = scalar(f.message, Problem::MessageWrongType, &mut err.problems);
    if err.raw_code.as_deref() == Some("0") {
        return true;
    }
    err.module_code = err
        .message
        .as_ref()
        .and_then(|m| sub_cow(m, |m| tencent_cdn::split_message(m).map(|(code, _)| code)));
    err.module = err
        .module_code
        .as_deref()
        .and_then(tencent_cdn::ModuleCode::from_code);
    if let Some(raw) = err.raw_code.as_deref() {
        if let Some(code) = tencent_cdn::Code::from_code(raw) {
            err.resolve(code.into(), Basis::Exact);
        } else if let Some(family) = cdn_family(raw) {
            err.resolve(family.into(), Basis::Family);
        }
    }
    // A documented module code is the more specific meaning: it is the entry.
    if let Some(module) = err.module {
        err.entry = Some(module.entry());
        err.basis = Basis::Exact;
    }
    err.finish();
    false
}

/// Tencent Cloud and Tencent CDN answer errors with HTTP 200, so the status cannot tell success
/// when the body could not be read: an unreadable body is an error with no code; an oversized one
/// (error bodies are small, listings are large) a success, unless the status says otherwise. Both
/// are flagged.
fn unread_body_of_200_vendor(err: &mut ParsedError<'_>, body: &Body<'_>) -> bool {
    if body.too_large && err.status.is_none_or(|s| s < 400) {
        return true;
    }
    if !body.too_large {
        err.problems.add(Problem::BodyUnreadable);
    }
    err.finish();
    false
}

/// What a dotted code resolves to.
enum Dotted {
    /// A documented code: the raw code itself (`Exact`) or an ancestor (`Family`).
    Code(AnyCode, Basis),
    /// A classification, and the nearest documented ancestor above it.
    Rule(&'static Classification, Option<AnyCode>),
    Nothing,
}

/// Walks from the full code up through its ancestors (`A.B.C`, `A.B`, `A`) and stops at the
/// first level the catalog documents or a classification covers: the nearest meaning wins, so a
/// classified sub-code beats its documented parent. O(number of dots).
fn resolve_dotted(vendor: Vendor, raw: &str) -> Dotted {
    for (depth, level) in tencent_cloud::levels(raw).enumerate() {
        if let Some(code) = catalog::lookup(vendor, level) {
            let basis = if depth == 0 {
                Basis::Exact
            } else {
                Basis::Family
            };
            return Dotted::Code(code, basis);
        }
        if let Some(rule) = vendor.classification(level) {
            let ancestor = tencent_cloud::levels(level)
                .skip(1)
                .find_map(|parent| catalog::lookup(vendor, parent));
            return Dotted::Rule(rule, ancestor);
        }
    }
    Dotted::Nothing
}

/// The documented public code of `raw`'s hundred: `4102` -> `4100` (the table is 4000, 4100, ...).
fn cdn_family(raw: &str) -> Option<tencent_cdn::Code> {
    let hundred = raw.parse::<u32>().ok()? / 100 * 100;
    tencent_cdn::Code::ALL
        .iter()
        .copied()
        .find(|code| code.as_str().parse() == Ok(hundred))
}

fn parse_aliyun<'a>(err: &mut ParsedError<'a>, headers: &Headers<'a>) -> bool {
    if let Some(id) = headers.ca_request_id {
        err.request_id = Some(header_text(id, &mut err.problems));
    }
    let message = headers
        .ca_error_message
        .map(|v| header_text(v, &mut err.problems));
    let error_code = headers
        .ca_error_code
        .map(|v| header_text(v, &mut err.problems));
    // The HTTP status is the primary signal: error headers on a 2xx do not make it a failure.
    if err.status.is_some_and(|s| s < 400)
        || (err.status.is_none() && message.is_none() && error_code.is_none())
    {
        return true;
    }
    // The seed documents the code as the `X-Ca-Error-Message` text; a newer gateway's
    // `X-Ca-Error-Code` is the raw code only when there is no message header, and is kept.
    err.raw_code = message.clone().or_else(|| error_code.clone());
    err.error_code_header = error_code;
    if let Some(text) = message.as_deref() {
        if let Some(code) = catalog::lookup(Vendor::AliyunApiGateway, text) {
            err.resolve(code, Basis::Exact);
        } else if let Some((code, _)) = catalog::template(text) {
            err.resolve(code, Basis::Exact);
            err.parameter = message
                .as_ref()
                .and_then(|m| sub_cow(m, |m| catalog::template(m).map(|(_, p)| p)));
        } else if let Some(code) = aliyun_prefix(text) {
            err.resolve(code, Basis::Exact);
        }
    }
    err.message = message;
    err.finish();
    false
}

/// A documented Aliyun code followed by appended detail: `Invalid Url: /v2/x` or
/// `Throttled by APP Flow Control, limit 100/s`. Tries the text before each of the first few
/// separators.
fn aliyun_prefix(value: &str) -> Option<AnyCode> {
    value
        .match_indices([':', ',', ';', '(', '\n', '.'])
        .take(8)
        .find_map(|(i, _)| catalog::lookup(Vendor::AliyunApiGateway, value[..i].trim_end()))
}

fn parse_upyun<'a>(err: &mut ParsedError<'a>, body: &Body<'a>) -> bool {
    if let Some(f) = &body.fields {
        err.raw_code = scalar(f.error_code, Problem::CodeWrongType, &mut err.problems);
        err.message = scalar(f.message, Problem::MessageWrongType, &mut err.problems);
        err.request = scalar(f.request, Problem::RequestWrongType, &mut err.problems);
    }
    // Upyun reports errors with 4xx/5xx: a 2xx without an error code is a success, whatever
    // its body (a file, say).
    if err.raw_code.is_none() && err.status.is_some_and(|s| s < 400) {
        return true;
    }
    if body.fields.is_none() && !body.too_large {
        err.problems.add(Problem::BodyUnreadable);
    }
    if let Some(code) = err.raw_code.as_deref().and_then(upyun::Code::from_code) {
        err.resolve(code.into(), Basis::Exact);
    }
    err.finish();
    false
}

fn parse_tencent_cloud<'a>(err: &mut ParsedError<'a>, body: &Body<'a>) -> bool {
    let Some(f) = &body.fields else {
        return unread_body_of_200_vendor(err, body);
    };
    // `{"Response": {...}}`, or the inner object on its own.
    let (error, request_id) = match f.response.as_ref().and_then(Nested::object) {
        Some(response) => (response.error.as_ref(), response.request_id),
        None => (f.error.as_ref(), f.request_id),
    };
    err.request_id = scalar(request_id, Problem::RequestIdWrongType, &mut err.problems);
    // No `Error`, or `"Error": null`: a success.
    let Some(error) = error else {
        return true;
    };
    let Nested::Object(error) = error else {
        err.problems.add(Problem::CodeWrongType);
        err.finish();
        return false;
    };
    err.raw_code = scalar(error.code, Problem::CodeWrongType, &mut err.problems);
    err.message = scalar(error.message, Problem::MessageWrongType, &mut err.problems);
    match err
        .raw_code
        .as_deref()
        .map(|raw| resolve_dotted(Vendor::TencentCloud, raw))
    {
        Some(Dotted::Code(code, basis)) => err.resolve(code, basis),
        Some(Dotted::Rule(rule, ancestor)) => {
            err.rule = Some(rule);
            err.entry = ancestor.map(|c| c.entry());
            err.basis = Basis::Classification;
        }
        Some(Dotted::Nothing) | None => {}
    }
    err.finish();
    false
}

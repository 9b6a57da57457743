//! Explaining a raw HTTP response: did it fail, which vendor error is it, what does it mean, may
//! I retry, and which request id do I quote.
//!
//! [`Response`] takes what a caller holds (the vendor if known, the HTTP status if known, the
//! headers, the body bytes) and [`Response::explain`] returns an [`Outcome`]: a success, a
//! vendor error ([`ParsedError`]), or a response of none of these vendors; or a [`ParseError`]
//! for input it cannot read.
//!
//! # Examples
//!
//! ```
//! use errcat::{ErrorKind, Family, Outcome, Response};
//!
//! // A documented header is evidence: this is Cloudbypass, and its status says it failed.
//! let body = br#"{"id": "r-1", "code": "PARAM_ERROR", "message": "bad parameter"}"#;
//! let headers = [("x-cb-status", "")];
//! let outcome = Response::new(body).with_status(400).with_headers(&headers).explain()?;
//! assert_eq!(outcome.family(), Some(Family::CloudbypassApi));
//! assert_eq!(outcome.error().unwrap().raw_code(), Some("PARAM_ERROR"));
//!
//! // A shape other services share is no evidence: errcat does not guess.
//! let outcome = Response::new(br#"{"code": 4001, "message": "nope"}"#).with_status(429).explain()?;
//! let Outcome::Unrecognized(u) = outcome else { panic!() };
//! assert_eq!(u.kind(), ErrorKind::RateLimited); // what the status says
//! # Ok::<(), errcat::ParseError>(())
//! ```
//!
//! # Detection
//!
//! Each [`Family`] is one wire format. Without a family hint, the family is picked from the one
//! ordered registry, [`Family::ALL`] (only the hinted vendor's families, when a vendor is
//! given):
//!
//! 1. the first family one of whose documented headers the response carries (Cloudbypass
//!    `x-cb-status`; Alibaba Cloud API Gateway `X-Ca-Error-Message`, `X-Ca-Error-Code`,
//!    `X-Ca-Request-Id`), except that an `X-Ca-Error-Message` holding the Higress `hmac-auth`
//!    plugin's ``Server StringToSign:`...` `` (without the gateway's `Invalid Signature, `) is the
//!    plugin's;
//! 2. else the first family whose own evidence the JSON object body carries (each family module's
//!    `detect_body`), never a shape other services share: Tencent Cloud API 3.0, a `Response`
//!    object, or an `Error` object next to a `RequestId`; Upyun management, `error_code` with
//!    its `request` line, or a documented `error_code`; Tencent CDN, a numeric `code` and a
//!    `message` with API 2.0's `codeDesc`, a documented public code or a documented module code
//!    at the start of the message; Cloudbypass, `{id, code, message}` with a documented `code`;
//!    Upyun REST, `msg` and an eight-digit `code` (first digit 4 or 5) with the request `id` or
//!    the code's documented message; Upyun form, a `code` that is an HTTP status and a
//!    `message`, with `url` and `time` or a documented message; Upyun old multipart, a five-digit
//!    `error_code` starting with 4 and its `path`;
//! 3. else a plain-text body that is one of the Higress `hmac-auth` plugin's codes, answered with
//!    the status the plugin sends for it (`Invalid Key` with 401);
//! 4. else, with a vendor hint: for Cloudbypass, its balance API for a body with a `detail`
//!    member and neither the API's `id` nor its `code` (a `detail` alone is no evidence without
//!    the hint: many APIs answer `{"detail": ...}`); otherwise the first of the vendor's families
//!    whose code form the body's `code` or `error_code` has (eight digits: Upyun REST; five, the
//!    first 1 or 2: Upyun management; five, the first 4: Upyun old multipart), else the
//!    vendor's first family.
//!
//! Otherwise the outcome is [`Outcome::Unrecognized`], with the kind the status suggests:
//! errcat does not guess. (With a family's tables disabled, only its field-set evidence
//! counts.) The family's own
//! parser then reads the response, and the code is resolved by the one resolution walk
//! ([`catalog::resolve`](crate::catalog::resolve)).
//!
//! # Limits
//!
//! - A body longer than [`MAX_BODY`] bytes is not parsed. When the vendor is known from the hint
//!   or the headers, the outcome still stands on the status and headers, and the error records
//!   [`Problem::BodyTooLarge`]; when the vendor could only come from the body, the outcome is
//!   [`Outcome::Unrecognized`], with the same problem. Either way, never an error on its own.
//! - JSON nesting is accepted at any depth: explain reads a handful of fields with its own reader,
//!   which skips everything else without recursing or allocating, so a deeply nested body costs
//!   time linear in its length and no stack. A body that is not valid JSON is
//!   [`ParseError::Json`], with `serde_json`'s error, line and column. So is a JSON body that is
//!   not UTF-8 (RFC 8259 requires UTF-8), even where the invalid bytes are in a field explain does
//!   not read.
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
//! - Upyun reports errors with a status of 400 or more: below that, a body without an error
//!   code, or one that is not valid JSON (a downloaded file that starts with `{`), is a success,
//!   the unreadable body flagged ([`Problem::BodyUnreadable`]). The form API's body carries the
//!   status in its `code`: without a status on the response, that one decides.
//!
//! Explain never panics, and it keeps the raw code, the message and the request id whenever they
//! can be read.

use crate::{Family, RetryAfter, Vendor};

mod deprecated;
mod json;
pub(crate) mod kit;
mod outcome;
mod parsed;
mod problem;

use kit::{Body, Headers, Read};
pub use outcome::{Outcome, Success, Unrecognized};
#[cfg(feature = "tencent-cloud-products")]
pub(crate) use parsed::Found;
pub use parsed::{Basis, ParsedError};
pub(crate) use problem::Problems;
pub use problem::{ParseError, Problem};

/// The largest body explain parses, in bytes (4 MiB). See the [module docs](self#limits).
///
/// # Examples
///
/// ```
/// use errcat::{Outcome, Response, response::{MAX_BODY, Problem}};
///
/// assert_eq!(MAX_BODY, 4 * 1024 * 1024);
/// let body = vec![b' '; MAX_BODY + 1];
/// // The vendor is known from a header: the error stands on it, and says the body was not read.
/// let headers = [("X-Ca-Error-Message", "Quota Exhausted")];
/// let outcome = Response::new(&body).with_status(403).with_headers(&headers).explain()?;
/// assert_eq!(outcome.error().unwrap().problems().collect::<Vec<_>>(), [Problem::BodyTooLarge]);
/// // Only the body could tell: unrecognized, never an error on its own.
/// let Outcome::Unrecognized(u) = Response::new(&body).explain()? else { panic!() };
/// assert_eq!(u.problems().collect::<Vec<_>>(), [Problem::BodyTooLarge]);
/// # Ok::<(), errcat::ParseError>(())
/// ```
pub const MAX_BODY: usize = 4 << 20;

/// What [`Response::with_status`] takes: `u16`, `Option<u16>`, and with the `http` feature
/// `http::StatusCode` and `Option<http::StatusCode>`. Sealed: errcat implements it.
///
/// # Examples
///
/// ```
/// use errcat::response::IntoStatus;
///
/// assert_eq!(404_u16.into_status(), Some(404));
/// assert_eq!(None::<u16>.into_status(), None);
/// ```
pub trait IntoStatus: sealed::Sealed {
    /// The status as a number, `None` when unknown.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::response::IntoStatus;
    ///
    /// assert_eq!(503_u16.into_status(), Some(503));
    /// assert_eq!(Some(503_u16).into_status(), Some(503));
    /// assert_eq!(None::<u16>.into_status(), None);
    /// #[cfg(feature = "http")]
    /// {
    ///     assert_eq!(http::StatusCode::NOT_FOUND.into_status(), Some(404));
    ///     assert_eq!(None::<http::StatusCode>.into_status(), None);
    /// }
    /// ```
    fn into_status(self) -> Option<u16>;
}

mod sealed {
    pub trait Sealed {}
    impl Sealed for u16 {}
    impl Sealed for Option<u16> {}
    #[cfg(feature = "http")]
    impl Sealed for http::StatusCode {}
    #[cfg(feature = "http")]
    impl Sealed for Option<http::StatusCode> {}
}

impl IntoStatus for u16 {
    fn into_status(self) -> Option<u16> {
        Some(self)
    }
}

impl IntoStatus for Option<u16> {
    fn into_status(self) -> Option<u16> {
        self
    }
}

/// Requires the `http` feature.
#[cfg(feature = "http")]
impl IntoStatus for http::StatusCode {
    fn into_status(self) -> Option<u16> {
        Some(self.as_u16())
    }
}

/// Requires the `http` feature.
#[cfg(feature = "http")]
impl IntoStatus for Option<http::StatusCode> {
    fn into_status(self) -> Option<u16> {
        self.map(|s| s.as_u16())
    }
}

/// One response header: a name and its value as bytes.
///
/// Implemented for `(&str, &[u8])`, `(&str, &str)` and references to them, and with the `http`
/// feature for the items of `http::HeaderMap::iter()`.
///
/// # Examples
///
/// ```
/// use errcat::Response;
///
/// // Owned headers, lent as `(&str, &[u8])` pairs.
/// let owned: Vec<(String, Vec<u8>)> = vec![("X-Ca-Error-Message".into(), b"Quota Exhausted".to_vec())];
/// let headers = owned.iter().map(|(name, value)| (name.as_str(), value.as_slice()));
/// let outcome = Response::new(b"").with_status(403).with_headers(headers).explain()?;
/// assert_eq!(outcome.error().unwrap().raw_code(), Some("Quota Exhausted"));
/// # Ok::<(), errcat::ParseError>(())
/// ```
pub trait HeaderPair<'a> {
    /// The header name, any case.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::response::HeaderPair;
    ///
    /// assert_eq!(("X-CA-REQUEST-ID", "7AD0").name(), "X-CA-REQUEST-ID");
    /// ```
    fn name(&self) -> &'a str;
    /// The header value, as received.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::response::HeaderPair;
    ///
    /// assert_eq!(("x-cb-status", "ok").value(), b"ok");
    /// // Bytes that are not UTF-8 are passed on as they are.
    /// let raw: (&str, &[u8]) = ("x-cb-status", b"\xffok");
    /// assert_eq!(raw.value(), b"\xffok");
    /// ```
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
/// assert_eq!(err.received_message(), Some("zone name is invalid"));
/// assert_eq!(err.request_id(), Some("ed93f3cb-f35e"));
/// assert_eq!(err.kind(), ErrorKind::InvalidRequest); // from its listed parent
/// # Ok::<(), errcat::ParseError>(())
/// ```
#[derive(Clone, Debug)]
pub struct Response<'a, H = [(&'a str, &'a [u8]); 0]> {
    vendor: Option<Vendor>,
    family: Option<Family>,
    product: Option<crate::tencent_cloud::products::Hint>,
    status: Option<u16>,
    headers: H,
    body: &'a [u8],
}

impl<'a> Response<'a> {
    /// A response with this body, no headers, unknown status and vendor.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::{Family, Outcome, Response};
    ///
    /// // The body alone is enough when its shape is a family's own.
    /// let body = br#"{"Response": {"Error": {"Code": "InternalError", "Message": "m"}, "RequestId": "r"}}"#;
    /// let outcome = Response::new(body).explain()?;
    /// assert_eq!(outcome.family(), Some(Family::TencentCloudCommon));
    /// assert_eq!(outcome.error().unwrap().response_status(), None);
    /// // An empty body, and nothing else: nothing to go on.
    /// assert!(matches!(Response::new(b"").explain()?, Outcome::Unrecognized(_)));
    /// # Ok::<(), errcat::ParseError>(())
    /// ```
    #[must_use]
    pub fn new(body: &'a [u8]) -> Self {
        Self {
            vendor: None,
            family: None,
            product: None,
            status: None,
            headers: [],
            body,
        }
    }
}

impl<'a, H> Response<'a, H> {
    /// The vendor, when the caller knows which vendor it called: only its families are
    /// detected, and without other evidence its first family is taken. Takes a `Vendor` or an
    /// `Option<Vendor>` (`None`: detect).
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

    /// The wire family, when the caller knows which API it called: detection is skipped. Takes
    /// a `Family` or an `Option<Family>` (`None`: detect).
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::{Family, Outcome, Response};
    ///
    /// let body = r#"{"code": 4000, "message": "(2130)非法ProjectID参数"}"#;
    /// let outcome = Response::new(body.as_bytes()).with_family(Family::TencentCdn).explain()?;
    /// assert_eq!(outcome.family(), Some(Family::TencentCdn));
    /// # Ok::<(), errcat::ParseError>(())
    /// ```
    #[must_use]
    pub fn with_family(mut self, family: impl Into<Option<Family>>) -> Self {
        self.family = family.into();
        self
    }

    /// The Tencent Cloud product called, for a Tencent Cloud API 3.0 response: its name (`cvm`)
    /// or its API host (`cvm.tencentcloudapi.com`). With the feature `tencent-cloud-products`,
    /// a code the common tables do not list resolves to that product's entry (see
    /// `tencent_cloud::products::resolve`); without
    /// the feature, or for a name that is no product, the hint is ignored. Takes a `&str` or an
    /// `Option<&str>` (`None`: no hint).
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::{ApiError, ErrorKind, Outcome, Response};
    ///
    /// let body = br#"{"Response": {"Error": {"Code": "InvalidParameterValue.InstanceTypeNotFound",
    ///     "Message": "The specified instance type does not exist."}, "RequestId": "r-1"}}"#;
    /// let Outcome::Error(err) = Response::new(body).with_product("cvm").explain()? else { panic!() };
    /// assert_eq!(err.kind(), ErrorKind::InvalidRequest);
    /// # #[cfg(feature = "tencent-cloud-products")]
    /// assert_eq!(err.entry().unwrap().message().zh, "指定机型不存在");
    /// # Ok::<(), errcat::ParseError>(())
    /// ```
    #[must_use]
    pub fn with_product<'p>(mut self, product: impl Into<Option<&'p str>>) -> Self {
        self.product = product
            .into()
            .and_then(crate::tencent_cloud::products::hint);
        self
    }

    /// The HTTP status: a `u16`, an `Option<u16>` (`None`: unknown), or with the `http` feature
    /// an `http::StatusCode` (or an `Option` of one).
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::{ErrorKind, Outcome, Response};
    ///
    /// let outcome = Response::new(b"<html>slow down</html>").with_status(429).explain()?;
    /// let Outcome::Unrecognized(u) = outcome else { panic!() };
    /// assert_eq!(u.kind(), ErrorKind::RateLimited);
    /// # Ok::<(), errcat::ParseError>(())
    /// ```
    #[must_use]
    pub fn with_status(mut self, status: impl IntoStatus) -> Self {
        self.status = status.into_status();
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
            family: self.family,
            product: self.product,
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
    /// [`ParseError`] when the body must be read and is not valid JSON. A body over
    /// [`MAX_BODY`] is never an error on its own: it is not read, and the outcome says so
    /// ([`Problem::BodyTooLarge`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::{ParseError, Response};
    ///
    /// let outcome = Response::new(br#"{"error_code": "21203", "message": "Bucket not found."}"#)
    ///     .with_status(404)
    ///     .explain()?;
    /// assert_eq!(outcome.as_str(), "error");
    ///
    /// // A body that starts like a JSON object and is not one: the input cannot be read.
    /// let err = Response::new(br#"{"error_code": "21203""#).explain().unwrap_err();
    /// assert!(matches!(err, ParseError::Json { family: None, .. }));
    /// assert_eq!(err.position(), Some((1, 22)));
    /// # Ok::<(), ParseError>(())
    /// ```
    pub fn explain(self) -> Result<Outcome<'a>, ParseError> {
        let headers = Headers::scan(self.headers);
        let vendor = self.vendor;
        let candidates = move |f: &Family| vendor.is_none_or(|v| f.vendor() == v);
        let first = vendor.and_then(|v| v.families().first().copied());
        let family = self.family.or_else(|| {
            if headers.none() {
                return None;
            }
            Family::ALL
                .into_iter()
                .filter(candidates)
                .find(|f| headers.has_any(*f))
                .map(|f| f.sending_headers(&headers, candidates))
        });
        let mut body = Body::default();
        body.read(self.body, family.or(first));
        let status = self.status;
        let family = family
            .or_else(|| body.family(candidates))
            .or_else(|| Family::of_plain_text(body.bytes, status, candidates))
            .or_else(|| vendor.and_then(|v| body.fallback(v)));
        let Some(family) = family else {
            // Invalid JSON could not be told apart from any family's; a body over the limit was
            // not read for its shape.
            if let Some(source) = body.invalid {
                return Err(ParseError::Json {
                    family: None,
                    source,
                });
            }
            let mut problems = Problems::default();
            if body.too_large {
                problems.add(Problem::BodyTooLarge);
            }
            return Ok(Outcome::Unrecognized(Unrecognized {
                status: self.status,
                retry_after: headers.retry_after.and_then(RetryAfter::parse),
                problems,
            }));
        };
        // Built where it is returned: a `ParsedError` is large (176 bytes), and moving it into
        // the outcome cost a copy.
        let mut outcome = Ok(Outcome::Error(ParsedError::new(family, self.status)));
        let Ok(Outcome::Error(err)) = &mut outcome else {
            unreachable!("just built")
        };
        err.product = self.product;
        err.retry_after = headers.retry_after.and_then(RetryAfter::parse);
        if body.too_large {
            err.problems.add(Problem::BodyTooLarge);
        }
        match family.parse(err, &headers, &body) {
            Read::Success => {
                let success = Success {
                    family,
                    status: self.status,
                    request_id: err.request_id.take(),
                    problems: err.problems,
                };
                outcome = Ok(Outcome::Success(success));
            }
            Read::Error => {}
            Read::InvalidBody => {
                // A family asks for the body's error only when there is one.
                if let Some(source) = body.invalid.take() {
                    outcome = Err(ParseError::Json {
                        family: Some(family),
                        source,
                    });
                }
            }
        }
        outcome
    }
}

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
//! Each [`Family`] is one wire format. Without a family hint, the family is picked from the one
//! ordered registry, [`Family::ALL`] (only the hinted vendor's families, when a vendor is
//! given):
//!
//! 1. the first family one of whose documented headers the response carries (Cloudbypass
//!    `x-cb-status`; Alibaba Cloud API Gateway `X-Ca-Error-Message`, `X-Ca-Error-Code`,
//!    `X-Ca-Request-Id`);
//! 2. else the first family whose body shape the JSON object body has (each family module's
//!    `detect_body`): Tencent Cloud API 3.0, a `Response` object, or an `Error` object next to a
//!    `RequestId`; Upyun management, `error_code`; Tencent CDN, a `code` that is a number or a
//!    string of digits, with a `message`; Cloudbypass, `id`, `code` and `message`, `code` a
//!    string;
//! 3. else, with a vendor hint, the vendor's first family.
//!
//! Otherwise the outcome is [`Outcome::Unrecognized`]: errcat does not guess. The family's own
//! parser then reads the response, and the code is resolved by the one resolution walk
//! ([`catalog::resolve`](crate::catalog::resolve)).
//!
//! # Limits
//!
//! - A body longer than [`MAX_BODY`] bytes is not parsed. When the vendor is known from the hint
//!   or the headers, the outcome still stands on the status and headers, and the error records
//!   [`Problem::BodyTooLarge`]; when the vendor could only come from the body, explain returns
//!   [`ParseError::BodyTooLarge`].
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
//!
//! Explain never panics, and it keeps the raw code, the message and the request id whenever they
//! can be read.

use std::borrow::Cow;

use crate::{Family, Vendor};

mod json;
pub(crate) mod kit;
mod parsed;

use kit::{Body, Headers};
pub(crate) use parsed::Problems;
pub use parsed::{Basis, ParseError, ParsedError, Problem};

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
    family: Option<Family>,
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
            family: None,
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
            family: self.family,
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
        let vendor = self.vendor;
        let candidates = move |f: &Family| vendor.is_none_or(|v| f.vendor() == v);
        let fallback = vendor.and_then(|v| v.families().first().copied());
        let family = self.family.or_else(|| {
            Family::ALL
                .into_iter()
                .filter(candidates)
                .find(|f| headers.has_any(*f))
        });
        let body = Body::read(self.body, family.or(fallback))?;
        let family = family.or_else(|| body.family(candidates)).or(fallback);
        let Some(family) = family else {
            return Ok(Outcome::Unrecognized(Unrecognized {
                status: self.status,
            }));
        };
        let mut err = ParsedError::new(family, self.status);
        if body.too_large {
            err.problems.add(Problem::BodyTooLarge);
        }
        if family.parse(&mut err, &headers, &body) {
            Ok(Outcome::Success(Success {
                family,
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
        self.family().map(Family::vendor)
    }

    /// The wire family, unless unrecognized.
    #[must_use]
    pub fn family(&self) -> Option<Family> {
        match self {
            Self::Success(s) => Some(s.family),
            Self::Error(e) => Some(e.family),
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
    family: Family,
    status: Option<u16>,
    request_id: Option<Cow<'a, str>>,
    problems: Problems,
}

impl Success<'_> {
    /// The vendor.
    #[must_use]
    pub fn vendor(&self) -> Vendor {
        self.family.vendor()
    }

    /// The wire family.
    #[must_use]
    pub fn family(&self) -> Family {
        self.family
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

//! [`Outcome`]: what a response was, and its [`Success`] and [`Unrecognized`] cases.
//!
//! # JSON
//!
//! Every type here serializes to the shape `errcat explain --json` prints, one definition for
//! both. An [`Outcome`] is the object of its case with `"outcome"` first:
//!
//! - `{"outcome": "error", ...}`: the fields of [`ParsedError`] (see its `Serialize`).
//! - `{"outcome": "success", "vendor", "family", "response_status", "request_id", "problems"}`.
//! - `{"outcome": "unrecognized", "response_status", "kind", "retryable", "retry_after",
//!   "problems"}`.
//!
//! Absent values are `null`, lists are `[]`; fields are only ever added, in later releases.

use std::borrow::Cow;

use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

use super::{ParsedError, Problem, Problems};
use crate::{ErrorKind, Family, Vendor};

/// What a response was.
///
/// Marked `#[non_exhaustive]`: a `match` needs a `_` arm, which today can see nothing (the three
/// cases are every outcome explain gives); a later release may add a case, and then that arm is
/// where it goes until you handle it.
///
/// # Examples
///
/// ```
/// use errcat::{ApiError, Outcome, Response};
///
/// fn describe(outcome: &Outcome<'_>) -> String {
///     match outcome {
///         Outcome::Success(s) => format!("ok from {}", s.family()),
///         Outcome::Error(e) => format!("{e}"),
///         Outcome::Unrecognized(u) => format!("not a known vendor's ({})", u.kind()),
///         _ => "something newer".to_owned(),
///     }
/// }
///
/// let outcome = Response::new(br#"{"error_code": "21402", "message": "Operator already exists."}"#)
///     .with_status(409)
///     .explain()?;
/// assert!(describe(&outcome).starts_with("upyun/management error 21402 (conflict)"));
/// # Ok::<(), errcat::ParseError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Outcome<'a> {
    /// The call succeeded.
    Success(Success<'a>),
    /// The vendor reported an error.
    Error(ParsedError<'a>),
    /// Not a response of any family errcat knows, as far as the evidence goes.
    Unrecognized(Unrecognized),
}

impl<'a> Outcome<'a> {
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
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::{Response, Vendor};
    ///
    /// let outcome = Response::new(br#"{"error_code": "21402", "message": "m"}"#).explain()?;
    /// assert_eq!(outcome.vendor(), Some(Vendor::Upyun));
    /// # Ok::<(), errcat::ParseError>(())
    /// ```
    #[must_use]
    pub fn vendor(&self) -> Option<Vendor> {
        self.family().map(Family::vendor)
    }

    /// The wire family, unless unrecognized.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::{Family, Response};
    ///
    /// let outcome = Response::new(br#"{"error_code": "21402", "message": "m"}"#).explain()?;
    /// assert_eq!(outcome.family(), Some(Family::UpyunManagement));
    /// # Ok::<(), errcat::ParseError>(())
    /// ```
    #[must_use]
    pub fn family(&self) -> Option<Family> {
        match self {
            Self::Success(s) => Some(s.family),
            Self::Error(e) => Some(e.family),
            Self::Unrecognized(_) => None,
        }
    }

    /// The parsed error, if the outcome is one.
    ///
    /// # Examples
    ///
    /// ```
    /// let outcome = errcat::Response::new(br#"{"error_code": "21402", "message": "m"}"#).explain()?;
    /// assert_eq!(outcome.error().and_then(|e| e.raw_code()), Some("21402"));
    /// # Ok::<(), errcat::ParseError>(())
    /// ```
    #[must_use]
    pub fn error(&self) -> Option<&ParsedError<'a>> {
        match self {
            Self::Error(e) => Some(e),
            Self::Success(_) | Self::Unrecognized(_) => None,
        }
    }

    /// The same outcome, owning its strings, so that it outlives the response it was read from.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::{Outcome, Response};
    ///
    /// fn explain_owned(body: Vec<u8>) -> Result<Outcome<'static>, errcat::ParseError> {
    ///     Ok(Response::new(&body).with_status(409).explain()?.into_owned())
    /// }
    ///
    /// let outcome = explain_owned(br#"{"error_code": "21402", "message": "m"}"#.to_vec())?;
    /// assert_eq!(outcome.as_str(), "error");
    /// # Ok::<(), errcat::ParseError>(())
    /// ```
    #[must_use]
    pub fn into_owned(self) -> Outcome<'static> {
        match self {
            Self::Success(s) => Outcome::Success(s.into_owned()),
            Self::Error(e) => Outcome::Error(e.into_owned()),
            Self::Unrecognized(u) => Outcome::Unrecognized(u),
        }
    }
}

/// Serializes as the object of its case with `"outcome"` first: `{"outcome": "error", ...}` and
/// the fields of [`ParsedError`], `{"outcome": "success", ...}` and those of [`Success`], or
/// `{"outcome": "unrecognized", ...}` and those of [`Unrecognized`].
impl Serialize for Outcome<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("outcome", self.as_str())?;
        match self {
            Self::Success(s) => s.fields(&mut map)?,
            Self::Error(e) => e.fields(&mut map)?,
            Self::Unrecognized(u) => u.fields(&mut map)?,
        }
        map.end()
    }
}

/// A successful response.
///
/// # Examples
///
/// ```
/// use errcat::{Family, Outcome, Response};
///
/// let body = br#"{"Response": {"RequestId": "ed93f3cb"}}"#;
/// let Outcome::Success(ok) = Response::new(body).with_status(200).explain()? else { panic!() };
/// assert_eq!(ok.family(), Family::TencentCloudCommon);
/// assert_eq!(ok.request_id(), Some("ed93f3cb"));
/// assert_eq!(ok.response_status(), Some(200));
/// assert_eq!(ok.problems().count(), 0);
/// # Ok::<(), errcat::ParseError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Success<'a> {
    pub(crate) family: Family,
    pub(crate) status: Option<u16>,
    pub(crate) request_id: Option<Cow<'a, str>>,
    pub(crate) problems: Problems,
}

impl Success<'_> {
    /// The vendor.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::{Outcome, Response, Vendor};
    ///
    /// let headers = [("x-cb-status", "ok")];
    /// let outcome = Response::new(b"<html>the target's page</html>").with_headers(&headers).explain()?;
    /// let Outcome::Success(ok) = outcome else { panic!() };
    /// assert_eq!(ok.vendor(), Vendor::Cloudbypass);
    /// # Ok::<(), errcat::ParseError>(())
    /// ```
    #[must_use]
    pub fn vendor(&self) -> Vendor {
        self.family.vendor()
    }

    /// The wire family.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::{Family, Outcome, Response};
    ///
    /// let body = br#"{"Response": {"RequestId": "ed93f3cb"}}"#;
    /// let Outcome::Success(ok) = Response::new(body).with_status(200).explain()? else { panic!() };
    /// assert_eq!(ok.family(), Family::TencentCloudCommon);
    /// # Ok::<(), errcat::ParseError>(())
    /// ```
    #[must_use]
    pub fn family(&self) -> Family {
        self.family
    }

    /// The response's HTTP status, if given.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::{Outcome, Response};
    ///
    /// let body = br#"{"Response": {"RequestId": "ed93f3cb"}}"#;
    /// let Outcome::Success(ok) = Response::new(body).with_status(200).explain()? else { panic!() };
    /// assert_eq!(ok.response_status(), Some(200));
    /// // Tencent Cloud answers errors with 200 too: the status alone is no success.
    /// let body = br#"{"Response": {"Error": {"Code": "InternalError", "Message": "m"}, "RequestId": "r"}}"#;
    /// assert_eq!(Response::new(body).with_status(200).explain()?.as_str(), "error");
    /// # Ok::<(), errcat::ParseError>(())
    /// ```
    #[must_use]
    pub fn response_status(&self) -> Option<u16> {
        self.status
    }

    /// The response's HTTP status, if given.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::{Outcome, Response};
    ///
    /// let body = br#"{"Response": {"RequestId": "ed93f3cb"}}"#;
    /// let Outcome::Success(ok) = Response::new(body).with_status(200).explain()? else { panic!() };
    /// // Deprecated: the same as `response_status`.
    /// #[allow(deprecated)]
    /// let status = ok.status();
    /// assert_eq!(status, ok.response_status());
    /// # Ok::<(), errcat::ParseError>(())
    /// ```
    #[deprecated(since = "0.2.0", note = "use `response_status`")]
    #[must_use]
    pub fn status(&self) -> Option<u16> {
        self.status
    }

    /// The request id, where the response carries one.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::{Outcome, Response};
    ///
    /// let body = br#"{"Response": {"RequestId": "ed93f3cb"}}"#;
    /// let Outcome::Success(ok) = Response::new(body).with_status(200).explain()? else { panic!() };
    /// assert_eq!(ok.request_id(), Some("ed93f3cb"));
    /// // Upyun's successes carry none.
    /// let Outcome::Success(ok) = Response::new(b"[]").with_vendor(errcat::Vendor::Upyun).with_status(200).explain()? else {
    ///     panic!()
    /// };
    /// assert_eq!(ok.request_id(), None);
    /// # Ok::<(), errcat::ParseError>(())
    /// ```
    #[must_use]
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }

    /// What could not be read: a success can only be told with what was read (a body over
    /// [`MAX_BODY`](super::MAX_BODY) is taken for a success, flagged [`Problem::BodyTooLarge`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::{Family, Outcome, Response, response::{MAX_BODY, Problem}};
    ///
    /// // Tencent Cloud error bodies are small: a large body is a listing.
    /// let body = vec![b' '; MAX_BODY + 1];
    /// let outcome = Response::new(&body).with_family(Family::TencentCloudCommon).with_status(200).explain()?;
    /// let Outcome::Success(ok) = outcome else { panic!() };
    /// assert_eq!(ok.problems().collect::<Vec<_>>(), [Problem::BodyTooLarge]);
    /// # Ok::<(), errcat::ParseError>(())
    /// ```
    pub fn problems(&self) -> impl Iterator<Item = Problem> {
        self.problems.iter()
    }

    /// The same success, owning its strings.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::{Outcome, Response, response::Success};
    ///
    /// fn success(body: Vec<u8>) -> Option<Success<'static>> {
    ///     match Response::new(&body).with_status(200).explain() {
    ///         Ok(Outcome::Success(ok)) => Some(ok.into_owned()),
    ///         _ => None,
    ///     }
    /// }
    ///
    /// let ok = success(br#"{"Response": {"RequestId": "ed93f3cb"}}"#.to_vec()).unwrap();
    /// assert_eq!(ok.request_id(), Some("ed93f3cb"));
    /// ```
    #[must_use]
    pub fn into_owned(self) -> Success<'static> {
        Success {
            family: self.family,
            status: self.status,
            request_id: self.request_id.map(|id| Cow::Owned(id.into_owned())),
            problems: self.problems,
        }
    }

    fn fields<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
        map.serialize_entry("vendor", &self.vendor())?;
        map.serialize_entry("family", &self.family)?;
        map.serialize_entry("response_status", &self.status)?;
        map.serialize_entry("request_id", &self.request_id)?;
        map.serialize_entry("problems", &self.problems)
    }
}

/// Serializes as `{"vendor", "family", "response_status", "request_id", "problems"}`.
impl Serialize for Success<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        self.fields(&mut map)?;
        map.end()
    }
}

/// A response errcat does not attribute to any family: no header of one, no body shape specific
/// to one, and no vendor named by the caller. What the status says is all there is.
///
/// # Examples
///
/// ```
/// use errcat::{ErrorKind, Outcome, Response};
///
/// let outcome = Response::new(b"<html>Bad Gateway</html>").with_status(502).explain()?;
/// let Outcome::Unrecognized(u) = outcome else { panic!() };
/// assert_eq!(u.response_status(), Some(502));
/// assert_eq!(u.kind(), ErrorKind::Upstream);
/// assert!(u.is_retryable());
/// # Ok::<(), errcat::ParseError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unrecognized {
    pub(crate) status: Option<u16>,
    pub(crate) retry_after: Option<crate::RetryAfter>,
    pub(crate) problems: Problems,
}

impl Unrecognized {
    /// The response's HTTP status, if given.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::{Outcome, Response};
    ///
    /// let Outcome::Unrecognized(u) = Response::new(b"<html>Bad Gateway</html>").with_status(502).explain()? else {
    ///     panic!()
    /// };
    /// assert_eq!(u.response_status(), Some(502));
    /// # Ok::<(), errcat::ParseError>(())
    /// ```
    #[must_use]
    pub fn response_status(&self) -> Option<u16> {
        self.status
    }

    /// The response's HTTP status, if given.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::{Outcome, Response};
    ///
    /// let Outcome::Unrecognized(u) = Response::new(b"<html>Bad Gateway</html>").with_status(502).explain()? else {
    ///     panic!()
    /// };
    /// // Deprecated: the same as `response_status`.
    /// #[allow(deprecated)]
    /// let status = u.status();
    /// assert_eq!(status, u.response_status());
    /// # Ok::<(), errcat::ParseError>(())
    /// ```
    #[deprecated(since = "0.2.0", note = "use `response_status`")]
    #[must_use]
    pub fn status(&self) -> Option<u16> {
        self.status
    }

    /// The kind the status suggests ([`ErrorKind::from_http_status`]); `unknown` without one.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::{ErrorKind, Outcome, Response};
    ///
    /// let kind = |status: Option<u16>| match Response::new(b"<html></html>").with_status(status).explain() {
    ///     Ok(Outcome::Unrecognized(u)) => u.kind(),
    ///     other => panic!("{other:?}"),
    /// };
    /// assert_eq!(kind(Some(404)), ErrorKind::NotFound);
    /// assert_eq!(kind(Some(418)), ErrorKind::Unknown);
    /// assert_eq!(kind(None), ErrorKind::Unknown);
    /// ```
    #[must_use]
    pub fn kind(&self) -> ErrorKind {
        self.status
            .map_or(ErrorKind::Unknown, ErrorKind::from_http_status)
    }

    /// Whether retrying can help, by [`kind`](Self::kind)'s default.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::{Outcome, Response};
    ///
    /// let retryable = |status: u16| match Response::new(b"").with_status(status).explain() {
    ///     Ok(Outcome::Unrecognized(u)) => u.is_retryable(),
    ///     other => panic!("{other:?}"),
    /// };
    /// assert!(retryable(503));
    /// assert!(retryable(429));
    /// assert!(!retryable(403));
    /// ```
    #[must_use]
    pub fn is_retryable(&self) -> bool {
        self.kind().is_retryable_by_default()
    }

    /// What the response's `Retry-After` header says, when it has a valid one.
    ///
    /// # Examples
    ///
    /// ```
    /// use std::time::Duration;
    /// use errcat::{Outcome, Response, RetryAfter};
    ///
    /// let headers = [("Retry-After", "120")];
    /// let outcome = Response::new(b"").with_status(503).with_headers(&headers).explain()?;
    /// let Outcome::Unrecognized(u) = outcome else { panic!() };
    /// assert_eq!(u.retry_after(), Some(RetryAfter::Delay(Duration::from_secs(120))));
    /// # Ok::<(), errcat::ParseError>(())
    /// ```
    #[must_use]
    pub fn retry_after(&self) -> Option<crate::RetryAfter> {
        self.retry_after
    }

    /// What could not be read (a body over [`MAX_BODY`](super::MAX_BODY) is not read for its
    /// shape, [`Problem::BodyTooLarge`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::{Outcome, Response, response::{MAX_BODY, Problem}};
    ///
    /// let Outcome::Unrecognized(u) = Response::new(b"<html></html>").explain()? else { panic!() };
    /// assert_eq!(u.problems().count(), 0);
    /// // Too large to read for its shape.
    /// let body = vec![b'{'; MAX_BODY + 1];
    /// let Outcome::Unrecognized(u) = Response::new(&body).explain()? else { panic!() };
    /// assert_eq!(u.problems().collect::<Vec<_>>(), [Problem::BodyTooLarge]);
    /// # Ok::<(), errcat::ParseError>(())
    /// ```
    pub fn problems(&self) -> impl Iterator<Item = Problem> {
        self.problems.iter()
    }

    fn fields<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
        map.serialize_entry("response_status", &self.status)?;
        map.serialize_entry("kind", &self.kind())?;
        map.serialize_entry("retryable", &self.is_retryable())?;
        map.serialize_entry("retry_after", &self.retry_after)?;
        map.serialize_entry("problems", &self.problems)
    }
}

/// Serializes as `{"response_status", "kind", "retryable", "retry_after", "problems"}`.
impl Serialize for Unrecognized {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        self.fields(&mut map)?;
        map.end()
    }
}

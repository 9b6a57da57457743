//! [`ParsedError`]: a vendor error read from a response.

use std::borrow::Cow;
use std::fmt;

use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

use super::kit::Fields;
use super::problem::{Problem, Problems};
use crate::{AnyCode, ApiError, Classification, Entry, ErrorKind, Family};

pub use crate::resolve::Basis;

/// A vendor error read from a response: the typed code when the catalog knows it, and always
/// what was received.
///
/// Implements [`ApiError`]: `code()` is the raw code as received (empty when the response carries
/// none), `entry()` the catalog entry (exact or family), `message()` the catalog's text, and
/// `kind()`/`is_retryable()` are classified from the classification, else the entry, else the
/// HTTP status. What the response itself said is [`received_message`](Self::received_message),
/// [`response_status`](Self::response_status) and [`request_id`](Self::request_id).
///
/// It is an ordinary Rust error: [`Display`](fmt::Display) gives one line (family, code, kind,
/// message as received, request id), it implements [`std::error::Error`], `Send` and `Sync`, and
/// [`into_owned`](Self::into_owned) detaches it from the response body, so `?` carries it into
/// `anyhow` or your own error type. It holds what was received without allocating, which makes it
/// large (about 180 bytes): in an error enum of your own, box it (`Vendor(Box<ParsedError<'static>>)`),
/// as clippy's `result_large_err` advises.
///
/// # Examples
///
/// ```
/// use errcat::{ApiError, ErrorKind, Outcome, ParsedError, Response};
///
/// fn call(body: Vec<u8>, status: u16) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
///     match Response::new(&body).with_status(status).explain()? {
///         Outcome::Error(err) => Err(err.into_owned().into()),
///         _ => Ok(()),
///     }
/// }
///
/// let err = call(br#"{"error_code": "21402", "message": "Operator already exists."}"#.to_vec(), 409)
///     .unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     "upyun/management error 21402 (conflict): Operator already exists."
/// );
/// let parsed = err.downcast_ref::<ParsedError<'static>>().unwrap();
/// assert_eq!(parsed.kind(), ErrorKind::Conflict);
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct ParsedError<'a> {
    pub(crate) family: Family,
    pub(crate) status: Option<u16>,
    pub(crate) raw_code: Option<Cow<'a, str>>,
    pub(crate) code: Option<AnyCode>,
    /// The family's table in which the raw code is typed on demand (`typed_code`), `code` then
    /// being `None`: Tencent CDN, whose documented module code, when there is one, is the entry,
    /// so that the public code is only looked up when asked for. The same response always
    /// gives the same state, so that comparing two errors compares their typed codes.
    pub(crate) code_in: Option<u8>,
    pub(crate) message: Option<Cow<'a, str>>,
    pub(crate) request_id: Option<Cow<'a, str>>,
    pub(crate) parameter: Option<Cow<'a, str>>,
    /// The family's own detail, as received (Tencent CDN: the module code from the message;
    /// Upyun management: the request line; Alibaba Cloud API Gateway: `X-Ca-Error-Code`); read
    /// through the family's `Details` view.
    pub(crate) detail: Option<Cow<'a, str>>,
    /// The documented code of `detail`, where the family has one (Tencent CDN's module code).
    pub(crate) detail_code: Option<AnyCode>,
    pub(crate) entry: Option<&'static Entry>,
    pub(crate) rule: Option<&'static Classification>,
    pub(crate) basis: Basis,
    /// The kind when there is no entry.
    pub(crate) fallback_kind: ErrorKind,
    pub(crate) retry_after: Option<crate::RetryAfter>,
    pub(crate) problems: Problems,
    /// The product hint of the response (Tencent Cloud API 3.0).
    pub(crate) product: Option<crate::tencent_cloud::products::Hint>,
}

impl ParsedError<'_> {
    pub(crate) fn new(family: Family, status: Option<u16>) -> Self {
        Self {
            family,
            status,
            raw_code: None,
            code: None,
            code_in: None,
            message: None,
            request_id: None,
            parameter: None,
            detail: None,
            detail_code: None,
            entry: None,
            rule: None,
            basis: Basis::None,
            fallback_kind: ErrorKind::Unknown,
            retry_after: None,
            problems: Problems::default(),
            product: None,
        }
    }

    /// The code exactly as received (a number's digits as written), or `None` when the response
    /// carries no code (a Cloudbypass failure whose body is the target's page, say).
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::{Outcome, Response};
    ///
    /// // A JSON number, as written.
    /// let Outcome::Error(err) = Response::new(br#"{"code": 4102, "message": "m", "codeDesc": "x"}"#).explain()? else {
    ///     panic!()
    /// };
    /// assert_eq!(err.raw_code(), Some("4102"));
    ///
    /// // No code at all.
    /// let headers = [("x-cb-status", "")];
    /// let outcome = Response::new(b"<html>blocked</html>").with_status(403).with_headers(&headers).explain()?;
    /// assert_eq!(outcome.error().unwrap().raw_code(), None);
    /// # Ok::<(), errcat::ParseError>(())
    /// ```
    #[must_use]
    pub fn raw_code(&self) -> Option<&str> {
        self.raw_code.as_deref()
    }

    /// The typed code, when the catalog documents the raw code exactly.
    ///
    /// For a Tencent CDN error whose message starts with a documented module code (the entry),
    /// the public code is looked up when this is called (one table probe), not while explaining.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::{AnyCode, ApiError, Outcome, Response, tencent_cloud::common::Code};
    ///
    /// let typed = |code: &str| {
    ///     let body = format!(r#"{{"Response": {{"Error": {{"Code": "{code}", "Message": "m"}}, "RequestId": "r"}}}}"#);
    ///     let Ok(Outcome::Error(err)) = Response::new(body.as_bytes()).explain() else { panic!() };
    ///     (err.typed_code(), err.entry().map(|e| e.code()))
    /// };
    /// assert_eq!(
    ///     typed("InvalidParameter"),
    ///     (Some(AnyCode::TencentCloudCommon(Code::InvalidParameter)), Some("InvalidParameter"))
    /// );
    /// // An undocumented sub-code: no typed code, its parent's entry.
    /// assert_eq!(typed("InvalidParameter.Zone"), (None, Some("InvalidParameter")));
    /// ```
    #[must_use]
    pub fn typed_code(&self) -> Option<AnyCode> {
        let Some(table) = self.code_in else {
            return self.code;
        };
        let info = self.family.info()?;
        info.codes
            .get(self.raw_code.as_deref()?)
            .copied()
            .filter(|code| info.in_table(usize::from(table), *code))
    }

    /// The vendor's message as received, never replaced by catalog text. (The catalog's text is
    /// [`ApiError::message`].)
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::{ApiError, Outcome, Response};
    ///
    /// let body = br#"{"error_code": "21402", "message": "operator exists!"}"#;
    /// let Outcome::Error(err) = Response::new(body).explain()? else { panic!() };
    /// assert_eq!(err.received_message(), Some("operator exists!"));
    /// assert_eq!(ApiError::message(&err).unwrap().en, "Operator already exists.");
    /// # Ok::<(), errcat::ParseError>(())
    /// ```
    #[must_use]
    pub fn received_message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// The request id to quote to the vendor's support.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::{Outcome, Response};
    ///
    /// let body = br#"{"Response": {"Error": {"Code": "InternalError", "Message": "m"}, "RequestId": "ed93f3cb"}}"#;
    /// let Outcome::Error(err) = Response::new(body).explain()? else { panic!() };
    /// assert_eq!(err.request_id(), Some("ed93f3cb"));
    /// # Ok::<(), errcat::ParseError>(())
    /// ```
    #[must_use]
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }

    /// For a template code (Aliyun `Invalid Signature, Server StringToSign:%s`): the filled-in
    /// part, which for that code is the gateway's string-to-sign, to diff against your own. With
    /// an Aliyun `X-Ca-Error-Code` (`A403IS`), the raw code is that header's and the template is
    /// the `X-Ca-Error-Message` text: its filled-in part is given all the same. (The `${Name}`
    /// parameters of an `X-Ca-Error-Code` entry's message template are
    /// [`aliyun::apigateway::Details::parameters`](crate::aliyun::apigateway::Details::parameters).)
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::{ApiError, Outcome, Response};
    ///
    /// let headers = [("X-Ca-Error-Message", "Invalid Signature, Server StringToSign:GET\n*/*\n/v1/items")];
    /// let outcome = Response::new(b"").with_status(400).with_headers(&headers).explain()?;
    /// let Outcome::Error(err) = outcome else { panic!() };
    /// assert_eq!(err.template_parameter(), Some("GET\n*/*\n/v1/items"));
    /// assert_eq!(ApiError::code(&err), "Invalid Signature, Server StringToSign:GET\n*/*\n/v1/items");
    /// assert!(err.is_known());
    ///
    /// // A dedicated instance's code header, with the same message.
    /// let headers = [
    ///     ("X-Ca-Error-Code", "A403IS"),
    ///     ("X-Ca-Error-Message", "Invalid Signature, Server StringToSign:GET#*/*#/v1/items"),
    /// ];
    /// let outcome = Response::new(b"").with_status(403).with_headers(&headers).explain()?;
    /// let Outcome::Error(err) = outcome else { panic!() };
    /// assert_eq!(err.raw_code(), Some("A403IS"));
    /// assert_eq!(err.template_parameter(), Some("GET#*/*#/v1/items"));
    /// # Ok::<(), errcat::ParseError>(())
    /// ```
    #[must_use]
    pub fn template_parameter(&self) -> Option<&str> {
        self.parameter.as_deref()
    }

    /// The response's HTTP status, if given. (The status the vendor documents for the code is
    /// [`ApiError::http_status`].)
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::{ApiError, Outcome, Response};
    ///
    /// let headers = [("X-Ca-Error-Message", "Empty Signature")];
    /// let outcome = Response::new(b"").with_status(401).with_headers(&headers).explain()?;
    /// let Outcome::Error(err) = outcome else { panic!() };
    /// assert_eq!(err.response_status(), Some(401));
    /// assert_eq!(err.http_status(), Some(404)); // as the classic table documents it
    /// # Ok::<(), errcat::ParseError>(())
    /// ```
    #[must_use]
    pub fn response_status(&self) -> Option<u16> {
        self.status
    }

    /// What the response's `Retry-After` header says, when it has a valid one: the vendor's own
    /// word on when to retry, which beats the catalog's [`ApiError::wait`].
    ///
    /// # Examples
    ///
    /// ```
    /// use std::time::Duration;
    /// use errcat::{Outcome, Response, RetryAfter};
    ///
    /// let headers = [("X-Ca-Error-Message", "Throttled by APP Flow Control"), ("Retry-After", "3")];
    /// let outcome = Response::new(b"").with_status(403).with_headers(&headers).explain()?;
    /// let Outcome::Error(err) = outcome else { panic!() };
    /// assert_eq!(err.retry_after(), Some(RetryAfter::Delay(Duration::from_secs(3))));
    /// # Ok::<(), errcat::ParseError>(())
    /// ```
    #[must_use]
    pub fn retry_after(&self) -> Option<crate::RetryAfter> {
        self.retry_after
    }

    /// The same error, owning its strings, so that it outlives the response body it was read
    /// from; everything is kept, classification and fallbacks included.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::{ApiError, ErrorKind, Outcome, ParsedError, Response};
    ///
    /// fn parse(body: Vec<u8>) -> Option<ParsedError<'static>> {
    ///     match Response::new(&body).with_status(429).explain() {
    ///         Ok(Outcome::Error(err)) => Some(err.into_owned()),
    ///         _ => None,
    ///     }
    /// }
    ///
    /// let body = br#"{"Response": {"Error": {"Code": "LimitExceeded.PhoneNumberDailyLimit",
    ///     "Message": "m"}, "RequestId": "r"}}"#;
    /// let err = parse(body.to_vec()).unwrap();
    /// assert_eq!(err.kind(), ErrorKind::RateLimited); // the classification survives
    /// ```
    #[must_use]
    pub fn into_owned(self) -> ParsedError<'static> {
        let own = |c: Option<Cow<'_, str>>| c.map(|c| Cow::Owned(c.into_owned()));
        ParsedError {
            family: self.family,
            status: self.status,
            raw_code: own(self.raw_code),
            code: self.code,
            code_in: self.code_in,
            message: own(self.message),
            request_id: own(self.request_id),
            parameter: own(self.parameter),
            detail: own(self.detail),
            detail_code: self.detail_code,
            entry: self.entry,
            rule: self.rule,
            basis: self.basis,
            fallback_kind: self.fallback_kind,
            retry_after: self.retry_after,
            problems: self.problems,
            product: self.product,
        }
    }

    /// The classification that gave the kind, when [`basis`](Self::basis) is
    /// [`Basis::Classification`].
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::{ErrorKind, Outcome, Response, response::Basis};
    ///
    /// // A sub-code of a classified code (the SMS code itself is an entry of the `sms` product
    /// // with the feature `tencent-cloud-products`).
    /// let body = br#"{"Response": {"Error": {"Code": "LimitExceeded.PhoneNumberDailyLimit.X", "Message": "m"},
    ///     "RequestId": "r"}}"#;
    /// let Outcome::Error(err) = Response::new(body).explain()? else { panic!() };
    /// assert_eq!(err.basis(), Basis::Classification);
    /// let rule = err.classification().unwrap();
    /// assert_eq!((rule.code(), rule.kind()), ("LimitExceeded.PhoneNumberDailyLimit", ErrorKind::RateLimited));
    /// # Ok::<(), errcat::ParseError>(())
    /// ```
    #[must_use]
    pub fn classification(&self) -> Option<&'static Classification> {
        self.rule
    }

    /// How the entry was found.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::{ApiError, ErrorKind, Outcome, Response, response::Basis};
    ///
    /// // Found by its hundred: Tencent CDN's `4102` is a `4100`.
    /// let Outcome::Error(err) = Response::new(br#"{"code": 4102, "message": "m", "codeDesc": "x"}"#).explain()? else {
    ///     panic!()
    /// };
    /// assert_eq!(err.basis(), Basis::Family);
    /// // No entry: the kind comes from the HTTP status.
    /// let body = br#"{"error_code": "29999", "request": "GET /", "message": "m"}"#;
    /// let Outcome::Error(err) = Response::new(body).with_status(404).explain()? else { panic!() };
    /// assert_eq!(err.basis(), Basis::HttpStatus);
    /// assert_eq!(err.kind(), ErrorKind::NotFound);
    /// # Ok::<(), errcat::ParseError>(())
    /// ```
    #[must_use]
    pub fn basis(&self) -> Basis {
        self.basis
    }

    /// Whether the catalog documents the raw code, i.e. [`typed_code`](Self::typed_code) is
    /// `Some`: exactly, or for Aliyun as a filled-in template or a documented code with detail
    /// appended (the raw code keeps the detail). A Tencent CDN error may instead have only a
    /// documented module code, which is then its entry, under an unlisted public code.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::{ApiError, Outcome, Response};
    ///
    /// let known = |body: &str| match Response::new(body.as_bytes()).explain() {
    ///     Ok(Outcome::Error(err)) => (err.is_known(), err.entry().map(|e| e.code())),
    ///     other => panic!("{other:?}"),
    /// };
    /// assert_eq!(known(r#"{"code": 4000, "message": "m"}"#), (true, Some("4000")));
    /// // An unlisted public code (`4102`): found by its hundred, not known.
    /// assert_eq!(known(r#"{"code": 4102, "message": "m", "codeDesc": "x"}"#), (false, Some("4100")));
    /// // An unlisted public code with a documented module code: that is the entry.
    /// assert_eq!(known(r#"{"code": 5101, "message": "(2130)非法ProjectID参数"}"#), (false, Some("2130")));
    /// ```
    #[must_use]
    pub fn is_known(&self) -> bool {
        self.typed_code().is_some()
    }

    /// What could not be read.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::{Outcome, Response, response::Problem};
    ///
    /// // A code of a type that cannot be a code: flagged, the rest still read.
    /// let body = br#"{"error_code": true, "request": "GET /", "message": "m"}"#;
    /// let Outcome::Error(err) = Response::new(body).with_status(400).explain()? else { panic!() };
    /// assert_eq!(err.problems().collect::<Vec<_>>(), [Problem::CodeWrongType]);
    /// assert_eq!(err.raw_code(), Some("true"));
    /// assert_eq!(err.received_message(), Some("m"));
    /// # Ok::<(), errcat::ParseError>(())
    /// ```
    pub fn problems(&self) -> impl Iterator<Item = Problem> {
        self.problems.iter()
    }

    /// The family's own detail, for a view of `family`.
    pub(crate) fn detail_of(&self, family: Family) -> Option<&str> {
        if self.family == family {
            self.detail.as_deref()
        } else {
            None
        }
    }

    /// Resolves the raw code through the family's walk (`catalog::resolve`), reusing the lookup
    /// of it that detection made in `fields`, if any.
    pub(crate) fn resolve_raw(&mut self, fields: Option<&Fields<'_>>) {
        self.resolve_raw_in(None, fields);
    }

    /// Resolves the raw code through the family's walk, a code found exactly being one of the
    /// family's table number `table`, when given; reusing the lookup of it that detection made
    /// in `fields`, if any.
    pub(crate) fn resolve_raw_in(&mut self, table: Option<usize>, fields: Option<&Fields<'_>>) {
        let Some(raw) = self.raw_code.as_deref() else {
            return;
        };
        let family = self.family;
        let found = family.enabled_info().map(|info| {
            let exact = match fields {
                Some(f) => f.exact(family, info, raw),
                None => info.codes.get(raw).copied(),
            };
            Found::of(&crate::resolve::walk_known(family, info, raw, table, exact))
        });
        self.store(found);
    }

    /// Stores what a walk of the raw code found (a family's own walk, such as the Tencent Cloud
    /// products', calls this with its resolution); a disabled family's tables are a problem.
    pub(crate) fn store(&mut self, found: Result<Found, crate::Disabled>) {
        match found {
            Ok(found) => {
                self.code = found.code;
                self.entry = found.entry;
                self.rule = found.rule;
                self.basis = found.basis;
                if let (Some(len), Some(raw)) = (found.parameter, &self.raw_code) {
                    self.parameter = Some(super::kit::suffix(raw, len));
                }
            }
            Err(_) => self.problems.add(Problem::TablesDisabled),
        }
    }

    /// With no entry, classify by the response's HTTP status.
    pub(crate) fn finish(&mut self) {
        self.finish_with(None, ErrorKind::from_http_status);
    }

    /// With no entry, classify by the HTTP status, with `kind_of` (the family's reading of a
    /// status): the response's error status, else `carried`, the one the error carries (Upyun's
    /// form API `code`, the first three digits of an Upyun REST code, the three digits of an
    /// Alibaba `X-Ca-Error-Code`), else the response's.
    pub(crate) fn finish_with(&mut self, carried: Option<u16>, kind_of: fn(u16) -> ErrorKind) {
        if self.entry.is_some() || self.rule.is_some() {
            return;
        }
        let status = match self.status {
            Some(s) if s >= 400 => Some(s),
            other => carried.or(other),
        };
        let Some(status) = status else {
            return;
        };
        self.fallback_kind = kind_of(status);
        if self.fallback_kind != ErrorKind::Unknown {
            self.basis = Basis::HttpStatus;
        }
    }
}

/// What a resolution of the raw code found, without its borrow of the code: the parameter is
/// the length of the code's filled-in part.
pub(crate) struct Found {
    code: Option<AnyCode>,
    entry: Option<&'static Entry>,
    rule: Option<&'static Classification>,
    basis: Basis,
    parameter: Option<usize>,
}

impl Found {
    pub(crate) fn of(r: &crate::Resolution<'_>) -> Found {
        Found {
            code: r.typed_code(),
            entry: ApiError::entry(r),
            rule: r.classification(),
            basis: r.basis(),
            parameter: r.parameter().map(str::len),
        }
    }
}

impl ApiError for ParsedError<'_> {
    fn family(&self) -> Family {
        self.family
    }

    fn code(&self) -> &str {
        self.raw_code.as_deref().unwrap_or("")
    }

    fn entry(&self) -> Option<&'static Entry> {
        self.entry
    }

    /// The entry's kind; without an entry, the kind the HTTP status suggests (for Cloudbypass,
    /// whose status mirrors the target's, 401/403 are `blocked` and 5xx `upstream`; for an Upyun
    /// REST code without an error status, the status its first three digits carry), else
    /// `unknown`.
    fn kind(&self) -> ErrorKind {
        crate::resolve::advice(self.rule, self.entry, self.fallback_kind).0
    }

    /// The classification's advice, else the entry's, else the kind's default.
    fn is_retryable(&self) -> bool {
        crate::resolve::advice(self.rule, self.entry, self.fallback_kind).1
    }

    /// The catalog's timing (classification, else entry), else the retry advice's default. What
    /// the response says, its `Retry-After`, is [`ParsedError::retry_after`]: when present, it is
    /// the better answer.
    fn wait(&self) -> crate::Wait {
        crate::resolve::wait(self.rule, self.entry, self.fallback_kind)
    }
}

impl ParsedError<'_> {
    /// The fields of its JSON object (see its `Serialize`).
    pub(crate) fn fields<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
        map.serialize_entry("vendor", &self.family.vendor())?;
        map.serialize_entry("family", &self.family)?;
        map.serialize_entry("raw_code", &self.raw_code)?;
        map.serialize_entry("code", &self.typed_code().map(AnyCode::as_str))?;
        map.serialize_entry("known", &self.is_known())?;
        map.serialize_entry("kind", &self.kind())?;
        map.serialize_entry("retryable", &self.is_retryable())?;
        map.serialize_entry("wait", &self.wait())?;
        map.serialize_entry("retry_after", &self.retry_after)?;
        map.serialize_entry("basis", &self.basis)?;
        map.serialize_entry("response_status", &self.status)?;
        map.serialize_entry("received_message", &self.message)?;
        map.serialize_entry("request_id", &self.request_id)?;
        map.serialize_entry("template_parameter", &self.parameter)?;
        map.serialize_entry("details", &Details(self))?;
        map.serialize_entry("classification", &self.rule)?;
        map.serialize_entry("problems", &self.problems)?;
        map.serialize_entry("entry", &self.entry)
    }
}

/// The family's own detail, as `{name: value}` (`{}` for a family without one).
struct Details<'e, 'a>(&'e ParsedError<'a>);

impl Serialize for Details<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let err = self.0;
        let mut map = serializer.serialize_map(None)?;
        if let (Some(name), Some(value)) = (err.family.detail_name(), &err.detail) {
            map.serialize_entry(name, value)?;
        }
        // Alibaba Cloud API Gateway: the parameters the message fills in its template.
        let parameters = crate::aliyun::apigateway::Details::of(err).map(|d| d.parameters());
        if let Some(parameters) = parameters.filter(|p| p.clone().next().is_some()) {
            map.serialize_entry("parameters", &parameters)?;
        }
        map.end()
    }
}

/// Serializes as one object: `vendor`, `family`, `raw_code` (as received), `code` (the typed
/// code's wire form, when documented), `known`, `kind`, `retryable`, `basis`,
/// `response_status`, `received_message`, `request_id`, `template_parameter`, `details` (the
/// family's own, `{"module_code": "2130"}`; Aliyun's `{"error_code_header": "I404NF",
/// "parameters": {"Reason": "..."}}`), `classification`, `problems` and `entry` (the
/// catalog entry, with its documented `http_status`). `errcat explain --json` prints it, after
/// `"outcome": "error"`.
impl Serialize for ParsedError<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        self.fields(&mut map)?;
        map.end()
    }
}

/// One line: `<family> error <code> (<kind>): <message as received>, request id <id>`; the code,
/// message and request id where the response carries them (the catalog's English message when
/// the response has none), control characters in them escaped (`\n`), so a log line stays one.
impl fmt::Display for ParsedError<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} error", self.family)?;
        if let Some(code) = &self.raw_code {
            write!(f, " {}", OneLine(code))?;
        }
        write!(f, " ({})", self.kind())?;
        let catalog = self.entry.map(|e| e.message().en);
        if let Some(message) = self.message.as_deref().or(catalog) {
            write!(f, ": {}", OneLine(message))?;
        }
        if let Some(id) = &self.request_id {
            write!(f, ", request id {}", OneLine(id))?;
        }
        Ok(())
    }
}

/// Received text on one line: control characters (line breaks, tabs, ...) escaped as Rust writes
/// them (`\n`), everything else as received.
struct OneLine<'t>(&'t str);

impl fmt::Display for OneLine<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for c in self.0.chars() {
            if c.is_control() {
                write!(f, "{}", c.escape_default())?;
            } else {
                fmt::Write::write_char(f, c)?;
            }
        }
        Ok(())
    }
}

impl std::error::Error for ParsedError<'_> {}

/// The fields a log wants, without the catalog entry's texts (its code stands for it).
impl fmt::Debug for ParsedError<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut d = f.debug_struct("ParsedError");
        d.field("family", &self.family)
            .field("raw_code", &self.raw_code)
            .field("typed_code", &self.typed_code())
            .field("kind", &self.kind())
            .field("basis", &self.basis)
            .field("response_status", &self.status)
            .field("received_message", &self.message)
            .field("request_id", &self.request_id);
        if let Some(p) = &self.parameter {
            d.field("template_parameter", p);
        }
        if let Some(detail) = &self.detail {
            d.field(self.family.detail_name().unwrap_or("detail"), detail);
        }
        if let Some(entry) = self.entry {
            d.field("entry", &entry.code());
        }
        if let Some(rule) = self.rule {
            d.field("classification", &rule.code());
        }
        let problems: Vec<Problem> = self.problems.iter().collect();
        if !problems.is_empty() {
            d.field("problems", &problems);
        }
        d.finish()
    }
}

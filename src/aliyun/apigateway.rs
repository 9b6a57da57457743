//! Alibaba Cloud API Gateway: the classic table's 29 error codes (`Code`) and 25 codes of the
//! `X-Ca-Error-Code` table of dedicated and VPC instances (`ErrorCode`), each with its
//! documented HTTP status. Feature `aliyun-apigateway` (default).
//!
//! The gateway reports an error in response headers: `X-Ca-Error-Message` holds the classic code
//! (the code *is* the message text, such as `Throttled by APP Flow Control`) and
//! `X-Ca-Request-Id` the id to quote to support. One classic code is a template,
//! `Invalid Signature, Server StringToSign:%s`, whose real value carries the gateway's
//! string-to-sign: resolve header values with [`catalog::by_header`](crate::catalog::by_header).
//!
//! Dedicated and VPC instances also send `X-Ca-Error-Code`, a six-character code: a class letter
//! (`I` request, `A` authorization, `B` billing and security, `T` throttling, `D` backend, `X`
//! gateway, `N` network), the HTTP status and a two-letter reason (`I404NF`). Its table,
//! `ErrorCode`, holds the rows a public source gives (the stored copy of the vendor's page is
//! cut, so it is incomplete; each entry's source note says where it comes from); an entry's
//! English message is the vendor's `X-Ca-Error-Message` template (``API not found ${Reason}``).
//!
//! [`Response::explain`](crate::Response::explain) reads a response so:
//!
//! - A non-empty `X-Ca-Error-Code` wins: it is the raw code, resolved in `ErrorCode`, and
//!   `X-Ca-Error-Message` is kept as the message ([`Details::parameters`] reads the template's
//!   parameters from it). An unlisted code whose message is a classic code
//!   (`Throttled by APP Flow Control`) takes that code's meaning
//!   ([`Basis::Message`]); otherwise its kind comes from the
//!   response's status, or, without one, from the status the code carries ([`status_of`]).
//! - An empty `X-Ca-Error-Code` says, by the vendor's word, that the status came from the API's
//!   backend service and the gateway passed its error through: no code, the message kept as
//!   received and not resolved, the kind from the status
//!   ([`Basis::Backend`]).
//! - Without the header, the raw code is the `X-Ca-Error-Message` text, resolved in the classic
//!   `Code` table; a message that is none of its codes but fills an `ErrorCode` template
//!   (``Invalid AppCode `not exists` ``) takes that entry's meaning (`Basis::Message`).
//! - A status below 400 is a success, whatever the headers say (`X-Ca-Error-Message: OK`).
//!
//! # Examples
//!
//! ```
//! use errcat::{ApiError, ErrorKind, aliyun::apigateway::{Code, ErrorCode}};
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
//!
//! // A code of the `X-Ca-Error-Code` table, and its message template.
//! let code: ErrorCode = "I404NF".parse()?;
//! assert_eq!(code, ErrorCode::ApiNotFound);
//! assert_eq!(code.kind(), ErrorKind::NotFound);
//! assert_eq!(code.http_status(), Some(404));
//! assert_eq!(code.message().unwrap().en, "API not found ${Reason}");
//! # Ok::<(), errcat::UnknownCode>(())
//! ```

use std::fmt;

use serde::ser::{Serialize, SerializeMap, Serializer};

use crate::response::kit::{Body, Fields, Headers, Read, header_text, suffix};
use crate::response::{Basis, ParsedError};
use crate::{Entry, Family, HeaderRole};

#[cfg(feature = "aliyun-apigateway")]
pub use crate::tables::aliyun_apigateway::{Code, ErrorCode};

/// The family's table of classic codes, `Code` (`codes.json`, the first file read).
pub(crate) const CLASSIC_TABLE: usize = 0;
/// The family's table of `X-Ca-Error-Code` codes, `ErrorCode` (`error-codes.json`).
pub(crate) const ERROR_CODE_TABLE: usize = 1;

/// The table whose codes a header of the family carries: `X-Ca-Error-Code` the six-character
/// codes, `X-Ca-Error-Message` the classic codes.
pub(crate) fn header_table(role: HeaderRole) -> Option<usize> {
    match role {
        HeaderRole::ErrorCode => Some(ERROR_CODE_TABLE),
        HeaderRole::ErrorMessage => Some(CLASSIC_TABLE),
        _ => None,
    }
}

/// The HTTP status an `X-Ca-Error-Code` code carries, for any code of the documented form, listed
/// or not: six characters, a class letter (`I`, `A`, `B`, `T`, `D`, `X` or `N`), a status of
/// three digits from 100 to 599, and a reason of two ASCII capital letters or digits. `None`
/// otherwise.
///
/// # Examples
///
/// ```
/// use errcat::aliyun::apigateway::status_of;
///
/// assert_eq!(status_of("I404NF"), Some(404));
/// assert_eq!(status_of("T429ID"), Some(429)); // not listed, still of the form
/// assert_eq!(status_of("I400I5"), Some(400));
/// assert_eq!(status_of("Q404NF"), None); // no such class
/// assert_eq!(status_of("I404nf"), None);
/// assert_eq!(status_of("I004NF"), None);
/// assert_eq!(status_of("Quota Exhausted"), None); // a classic code
/// ```
#[must_use]
pub fn status_of(code: &str) -> Option<u16> {
    let [class, a, b, c, r1, r2] = *code.as_bytes() else {
        return None;
    };
    let digits = [a, b, c];
    let of_form = b"IATBDXN".contains(&class)
        && digits.iter().all(u8::is_ascii_digit)
        && [r1, r2]
            .iter()
            .all(|r| r.is_ascii_uppercase() || r.is_ascii_digit());
    let status = digits
        .iter()
        .fold(0, |n, &d| n * 10 + u16::from(d.wrapping_sub(b'0')));
    (of_form && (100..=599).contains(&status)).then_some(status)
}

/// The `${Name}` parameters of a message template filled in by a received message, as
/// (name, value) pairs in template order: what [`template_parameters`] and
/// [`Details::parameters`] give. Borrowed from the template and the message, computed as it is
/// iterated; nothing is allocated.
///
/// A value runs to the first occurrence of the template text that follows it; the last one runs
/// to the template's closing text, which must end the message. The template's other text must be
/// in the message as written. When the message does not fill the template, the iterator yields
/// nothing and [`matches`](Self::matches) is false.
///
/// # Examples
///
/// ```
/// use errcat::aliyun::apigateway::template_parameters;
///
/// let template = "Invalid Header `${HeaderName}` ${Reason}";
/// let message = "Invalid Header `X-Ca-Timestamp` expired, `1589458000000` is 20 minutes old";
/// let pairs: Vec<_> = template_parameters(template, message).collect();
/// assert_eq!(
///     pairs,
///     [("HeaderName", "X-Ca-Timestamp"), ("Reason", "expired, `1589458000000` is 20 minutes old")]
/// );
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct Parameters<'t, 'm> {
    /// The template text still to walk.
    template: &'t str,
    /// The message text still to walk.
    message: &'m str,
    matches: bool,
}

/// A template split at its next parameter: the text before it, its name, the template after it.
fn next_parameter(template: &str) -> Option<(&str, &str, &str)> {
    let start = template.find("${")?;
    let after = &template[start + 2..];
    let len = after.find('}')?;
    Some((&template[..start], &after[..len], &after[len + 1..]))
}

/// One step of the walk.
enum Step<'t, 'm> {
    Pair(&'t str, &'m str),
    End,
    Mismatch,
}

impl<'t, 'm> Parameters<'t, 'm> {
    fn new(template: &'t str, message: &'m str) -> Self {
        let mut probe = Self {
            template,
            message,
            matches: true,
        };
        let matches = loop {
            match probe.step() {
                Step::Pair(..) => {}
                Step::End => break true,
                Step::Mismatch => break false,
            }
        };
        if matches {
            Self {
                template,
                message,
                matches,
            }
        } else {
            Self::none()
        }
    }

    /// Nothing to yield: no template, or a message that does not fill it.
    fn none() -> Self {
        Self {
            template: "",
            message: "",
            matches: false,
        }
    }

    /// Whether the message fills the template in (a template without parameters: whether the
    /// message is its text).
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::aliyun::apigateway::template_parameters;
    ///
    /// assert!(template_parameters("API not found ${Reason}", "API not found with `GET /x`").matches());
    /// assert!(template_parameters("Invalid Stage", "Invalid Stage").matches());
    /// assert!(!template_parameters("API not found ${Reason}", "Quota Exhausted").matches());
    /// ```
    #[must_use]
    pub fn matches(&self) -> bool {
        self.matches
    }

    /// The next parameter, or the end of the template, or a mismatch; consumes what it read.
    fn step(&mut self) -> Step<'t, 'm> {
        let Some((before, name, rest)) = next_parameter(self.template) else {
            if self.template == self.message {
                (self.template, self.message) = ("", "");
                return Step::End;
            }
            return Step::Mismatch;
        };
        let Some(message) = self.message.strip_prefix(before) else {
            return Step::Mismatch;
        };
        let end = match next_parameter(rest) {
            // Two parameters in a row: the first is empty.
            Some(("", ..)) => Some(0),
            // The value runs to the next text of the template.
            Some((text, ..)) => message.find(text),
            // The last value runs to the template's closing text, which ends the message.
            None => message
                .len()
                .checked_sub(rest.len())
                .filter(|&end| message.is_char_boundary(end) && message[end..] == *rest),
        };
        let Some(end) = end else {
            return Step::Mismatch;
        };
        (self.template, self.message) = (rest, &message[end..]);
        Step::Pair(name, &message[..end])
    }
}

impl<'t, 'm> Iterator for Parameters<'t, 'm> {
    type Item = (&'t str, &'m str);

    fn next(&mut self) -> Option<Self::Item> {
        if !self.matches {
            return None;
        }
        match self.step() {
            Step::Pair(name, value) => Some((name, value)),
            Step::End | Step::Mismatch => None,
        }
    }
}

impl fmt::Debug for Parameters<'_, '_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.clone()).finish()
    }
}

/// Serializes as a JSON object of the parameters, `{"Reason": "with `GET /x`"}`.
impl Serialize for Parameters<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        for (name, value) in self.clone() {
            map.serialize_entry(name, value)?;
        }
        map.end()
    }
}

/// The `${Name}` parameters of `template` (an `X-Ca-Error-Code` entry's English message, the
/// vendor's `X-Ca-Error-Message` template) that `message` fills in, as (name, value) pairs.
/// Nothing is allocated; see [`Parameters`] for how values are delimited.
///
/// # Examples
///
/// ```
/// use errcat::{ApiError, aliyun::apigateway::{ErrorCode, template_parameters}};
///
/// let template = ErrorCode::ApiNotFound.message().unwrap().en;
/// assert_eq!(template, "API not found ${Reason}");
/// let mut pairs = template_parameters(template, "API not found with `GET /v2/user/abc`");
/// assert_eq!(pairs.next(), Some(("Reason", "with `GET /v2/user/abc`")));
/// assert_eq!(pairs.next(), None);
///
/// // A value with spaces and backticks, delimited by the template's closing backtick.
/// let pairs: Vec<_> = template_parameters(
///     "Invalid Request Path `${Reason}`",
///     "Invalid Request Path `/v2/a b/`c``",
/// )
/// .collect();
/// assert_eq!(pairs, [("Reason", "/v2/a b/`c`")]);
///
/// // A message that does not fill the template: nothing.
/// assert_eq!(template_parameters(template, "Quota Exhausted").count(), 0);
/// ```
#[must_use]
pub fn template_parameters<'t, 'm>(template: &'t str, message: &'m str) -> Parameters<'t, 'm> {
    Parameters::new(template, message)
}

/// An Alibaba Cloud API Gateway error's own details: the `X-Ca-Error-Code` header that
/// dedicated and VPC instances send, and the parameters the `X-Ca-Error-Message` fills in.
///
/// # Examples
///
/// ```
/// use errcat::{ApiError, ErrorKind, Outcome, Response, aliyun::apigateway::{Details, ErrorCode}};
///
/// let headers = [
///     ("X-Ca-Error-Code", "I400HD"),
///     ("X-Ca-Error-Message", "Invalid Header `X-Ca-Nonce` is used, `a8c0 11e9` seen before"),
/// ];
/// let outcome = Response::new(b"").with_status(400).with_headers(&headers).explain()?;
/// let Outcome::Error(err) = outcome else { panic!() };
/// assert_eq!(err.typed_code(), Some(ErrorCode::InvalidHeader.into()));
/// assert_eq!(err.kind(), ErrorKind::InvalidRequest);
/// let details = Details::of(&err).unwrap();
/// assert_eq!(details.error_code_header(), Some("I400HD"));
/// let pairs: Vec<_> = details.parameters().collect();
/// assert_eq!(pairs, [("HeaderName", "X-Ca-Nonce"), ("Reason", "is used, `a8c0 11e9` seen before")]);
/// # Ok::<(), errcat::ParseError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Details<'e> {
    error_code_header: Option<&'e str>,
    message: Option<&'e str>,
    template: Option<&'static str>,
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
            message: err.received_message(),
            template: crate::ApiError::entry(err)
                .filter(|e| is_error_code(e))
                .map(|e| e.message().en),
        })
    }

    /// The `X-Ca-Error-Code` header as received, empty or not. When it is not empty, it is also
    /// the raw code; without it, the raw code is the `X-Ca-Error-Message` text.
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
    /// assert_eq!(err.raw_code(), Some("Quota Exhausted"));
    ///
    /// // A dedicated or VPC instance sends the code header too: it is the raw code.
    /// let headers = [("X-Ca-Error-Code", "I404NF"), ("X-Ca-Error-Message", "API not found with `GET /x`")];
    /// let outcome = Response::new(b"").with_status(404).with_headers(&headers).explain()?;
    /// let Outcome::Error(err) = outcome else { panic!() };
    /// assert_eq!(err.raw_code(), Some("I404NF"));
    /// assert_eq!(Details::of(&err).unwrap().error_code_header(), Some("I404NF"));
    /// # Ok::<(), errcat::ParseError>(())
    /// ```
    #[must_use]
    pub fn error_code_header(&self) -> Option<&'e str> {
        self.error_code_header
    }

    /// The message template of the error's `X-Ca-Error-Code` entry (its English message, as the
    /// vendor writes it), when its entry is one.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::{Outcome, Response, aliyun::apigateway::Details};
    ///
    /// let headers = [("X-Ca-Error-Code", "I404NF"), ("X-Ca-Error-Message", "API not found with `GET /x`")];
    /// let outcome = Response::new(b"").with_status(404).with_headers(&headers).explain()?;
    /// let Outcome::Error(err) = outcome else { panic!() };
    /// assert_eq!(Details::of(&err).unwrap().message_template(), Some("API not found ${Reason}"));
    ///
    /// // A classic code has no template of this kind.
    /// let headers = [("X-Ca-Error-Message", "Quota Exhausted")];
    /// let outcome = Response::new(b"").with_status(403).with_headers(&headers).explain()?;
    /// let Outcome::Error(err) = outcome else { panic!() };
    /// assert_eq!(Details::of(&err).unwrap().message_template(), None);
    /// # Ok::<(), errcat::ParseError>(())
    /// ```
    #[must_use]
    pub fn message_template(&self) -> Option<&'static str> {
        self.template
    }

    /// The `${Name}` parameters the received `X-Ca-Error-Message` fills in the
    /// [`message_template`](Self::message_template), as (name, value) pairs in template order;
    /// computed as they are iterated, borrowing from the message. Nothing when there is no
    /// template or the message does not fill it.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::{Outcome, Response, aliyun::apigateway::Details};
    ///
    /// let explain = |code: &'static str, message: &'static str, status: u16| {
    ///     let headers = [("X-Ca-Error-Code", code), ("X-Ca-Error-Message", message)];
    ///     let Ok(Outcome::Error(err)) = Response::new(b"").with_status(status).with_headers(&headers).explain() else {
    ///         panic!()
    ///     };
    ///     err.into_owned()
    /// };
    /// let err = explain("I404NF", "API not found with `GET /v2/user/abc`", 404);
    /// let pairs: Vec<_> = Details::of(&err).unwrap().parameters().collect();
    /// assert_eq!(pairs, [("Reason", "with `GET /v2/user/abc`")]);
    ///
    /// let err = explain("X400PM", "Invalid plugin meta ipControl bad `allow` rule: 10.0.0.0/33", 400);
    /// let pairs: Vec<_> = Details::of(&err).unwrap().parameters().collect();
    /// assert_eq!(pairs, [("PluginName", "ipControl"), ("Reason", "bad `allow` rule: 10.0.0.0/33")]);
    ///
    /// // The message does not fill the template: nothing.
    /// let err = explain("I404NF", "Not Found", 404);
    /// assert_eq!(Details::of(&err).unwrap().parameters().count(), 0);
    /// ```
    #[must_use]
    pub fn parameters(&self) -> Parameters<'static, 'e> {
        match (self.template, self.message) {
            (Some(template), Some(message)) => Parameters::new(template, message),
            _ => Parameters::none(),
        }
    }
}

/// Whether `entry` is one of the `X-Ca-Error-Code` table's.
fn is_error_code(entry: &Entry) -> bool {
    Family::AliyunApiGateway.info().is_some_and(|info| {
        info.tables
            .get(ERROR_CODE_TABLE)
            .is_some_and(|codes| codes.contains(&entry.any_code()))
    })
}

/// The `X-Ca-Error-Code` entry whose message template `message` fills in, the first in table
/// order; none with the family's tables disabled.
fn by_message_template(message: &str) -> Option<&'static Entry> {
    let info = Family::AliyunApiGateway.info()?;
    info.tables
        .get(ERROR_CODE_TABLE)?
        .iter()
        .map(crate::AnyCode::entry)
        .find(|entry| Parameters::new(entry.message().en, message).matches())
}

/// The gateway reports in headers: no body shape is its own.
pub(crate) fn detect_body(_: &Fields<'_>) -> bool {
    false
}

/// Resolves the received message through the family's walk within table `table`, the raw
/// code being `X-Ca-Error-Code`: a filled-in template in it gives the template parameter; and,
/// when `stand_in` and the raw code resolved to nothing, the message's entry or classification
/// stands in ([`Basis::Message`]).
fn resolve_message_in(err: &mut ParsedError<'_>, table: Option<usize>, stand_in: bool) {
    let (Some(message), Ok(info)) = (err.message.as_deref(), err.family.enabled_info()) else {
        return;
    };
    let r = crate::resolve::walk_in(err.family, info, message, table);
    let (parameter, entry, rule) = (
        r.parameter().map(str::len),
        crate::ApiError::entry(&r),
        r.classification(),
    );
    if let (Some(len), Some(message)) = (parameter, &err.message) {
        err.parameter = Some(suffix(message, len));
    }
    if stand_in && err.entry.is_none() && err.rule.is_none() && (entry, rule) != (None, None) {
        err.entry = entry;
        err.rule = rule;
        err.basis = Basis::Message;
    }
}

/// The HTTP status is the primary signal. A non-empty `X-Ca-Error-Code` is the raw code, resolved
/// in its table, the message kept as received (a classic code in it stands in for an unlisted
/// code); without it, the raw code is the `X-Ca-Error-Message` text, resolved in the classic
/// table, else by the `X-Ca-Error-Code` message template it fills in.
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
    let gateway_code = error_code.as_ref().filter(|c| !c.trim().is_empty());
    // The vendor: an empty `X-Ca-Error-Code` says the status came from the backend service.
    let from_backend = error_code.is_some() && gateway_code.is_none();
    // The HTTP status is the primary signal: error headers on a 2xx do not make it a failure; an
    // empty code header is no error either.
    if err.status.is_some_and(|s| s < 400)
        || (err.status.is_none() && message.is_none() && gateway_code.is_none())
    {
        return Read::Success;
    }
    err.raw_code = gateway_code.cloned();
    err.detail = error_code;
    err.message = message;
    if from_backend {
        // The backend's error, passed through: no gateway code, the message its own.
        err.finish();
        err.basis = Basis::Backend;
        return Read::Error;
    }
    if err.raw_code.is_some() {
        // The gateway's own code wins, in its table; a classic code in the message stands in for
        // an unlisted one, and a filled-in classic template gives its parameter.
        err.resolve_raw_in(Some(ERROR_CODE_TABLE), None);
        resolve_message_in(err, Some(CLASSIC_TABLE), true);
    } else {
        err.raw_code = err.message.clone();
        err.resolve_raw_in(Some(CLASSIC_TABLE), None);
        if err.entry.is_none() && err.rule.is_none() {
            if let Some(entry) = err.message.as_deref().and_then(by_message_template) {
                err.entry = Some(entry);
                err.basis = Basis::Message;
            }
        }
    }
    // Without an entry, the status a gateway code carries stands in for a missing one.
    let carried = err.raw_code.as_deref().and_then(status_of);
    err.finish_with(carried, crate::ErrorKind::from_http_status);
    Read::Error
}

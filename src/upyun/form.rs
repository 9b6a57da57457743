//! Upyun (又拍云) form API (表单 API): 29 errors. Feature `upyun-form` (default).
//!
//! Without a `return-url`, the API answers an upload with a JSON body `{"code": 403, "message":
//! "Not accept, Signature error.", "url": "/path/to/file.jpg", "time": 1332129461, ...}`: `code` is
//! the HTTP status, `message` the English text that is the code (as in Alibaba Cloud's classic
//! API Gateway table, whose code is the message), `url` the path the file was saved to and `time`
//! a Unix time. The table is upyun/docs `sources/api/form_api.md`, its status table in its last
//! version (2015); see [`Entry::source`](crate::Entry::source) for each row's line.
//!
//! A body is taken for this family on evidence of its own: a `code` that is an HTTP status (three
//! digits) and a `message`, with the API's `url` and `time` members, or with a documented
//! message. `{"code": 403, "message": "..."}` alone is a shape many services share, and is not
//! enough. Without a status on the response, the body's `code` stands for it: a `code` below 400
//! is a success, and it classifies a message the table does not list. The API sends newer texts
//! than the table's (`need file`, `authorization has expired`, which are the REST API's
//! messages): they are read as unlisted codes, keeping the message and the kind their status
//! gives.
//!
//! With a `return-url`, the API redirects (302) with `code`, `message`, `url`, `time` and a
//! signature in the query string instead, and a `notify-url` receives them as a form; neither is
//! a response body, and explain does not read them.
//!
//! # Examples
//!
//! ```
//! use errcat::{ApiError, ErrorKind, Outcome, Response, upyun::form::{Code, Details}};
//!
//! let code: Code = "Not accept, Signature error.".parse()?;
//! assert_eq!(code, Code::SignatureError);
//! assert_eq!(code.kind(), ErrorKind::Unauthenticated);
//! assert_eq!(code.http_status(), Some(403));
//!
//! let body = br#"{"code": 403, "message": "Not accept, Signature error.", "url": "/img.jpg", "time": 1409200758}"#;
//! let Ok(Outcome::Error(err)) = Response::new(body).with_status(403).explain() else { panic!() };
//! assert_eq!(err.typed_code(), Some(Code::SignatureError.into()));
//! assert_eq!(Details::of(&err).unwrap().url(), Some("/img.jpg"));
//! # Ok::<(), errcat::UnknownCode>(())
//! ```

use crate::response::kit::{Body, Fields, Headers, Read, plain_text, scalar};
use crate::response::{ParsedError, Problem};
use crate::{ApiError, Family};

#[cfg(feature = "upyun-form")]
pub use crate::tables::upyun_form::Code;

/// The HTTP status a form API body carries in `code`: three ASCII digits, 100 to 599.
fn body_status(code: &str) -> Option<u16> {
    let bytes = code.as_bytes();
    if bytes.len() != 3 || !bytes.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let status = bytes.iter().fold(0, |n, &b| n * 10 + u16::from(b - b'0'));
    (100..=599).contains(&status).then_some(status)
}

/// An Upyun form API error's own details: the `url` the body carries.
///
/// # Examples
///
/// ```
/// use errcat::{Outcome, Response, upyun::form::Details};
///
/// // As quoted in upyun/node-sdk#31: a message the 2015 table does not have, `url` empty.
/// let body = br#"{"code":400,"url":"","time":1504591341,"message":"need file","no-sign":"6e1174292609bfdd23e0b54eb6e646b5"}"#;
/// let Outcome::Error(err) = Response::new(body).with_status(400).explain()? else { panic!() };
/// assert_eq!(Details::of(&err).unwrap().url(), Some(""));
/// # Ok::<(), errcat::ParseError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Details<'e> {
    url: Option<&'e str>,
}

impl<'e> Details<'e> {
    /// The details of `err`, when it is an Upyun form API error.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::{Outcome, Response, upyun::form::Details};
    ///
    /// let body = br#"{"code": 404, "message": "Bucket does not exist.", "url": "/a.png", "time": 1}"#;
    /// let Outcome::Error(err) = Response::new(body).explain()? else { panic!() };
    /// assert!(Details::of(&err).is_some());
    /// // Another family's error has no form API details.
    /// let body = br#"{"error_code": "21402", "request": "PUT /operators/", "message": "m"}"#;
    /// let Outcome::Error(other) = Response::new(body).explain()? else { panic!() };
    /// assert_eq!(Details::of(&other), None);
    /// # Ok::<(), errcat::ParseError>(())
    /// ```
    #[must_use]
    pub fn of(err: &'e ParsedError<'_>) -> Option<Self> {
        (err.family() == Family::UpyunForm).then(|| Self {
            url: err.detail_of(Family::UpyunForm),
        })
    }

    /// The `url` the body carries: the path the file was (or was to be) saved to, as received.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::{Outcome, Response, upyun::form::Details};
    ///
    /// let body = br#"{"code": 403, "message": "Bucket blocked.", "url": "/2015/06/a.png", "time": 1}"#;
    /// let Outcome::Error(err) = Response::new(body).explain()? else { panic!() };
    /// assert_eq!(Details::of(&err).unwrap().url(), Some("/2015/06/a.png"));
    /// # Ok::<(), errcat::ParseError>(())
    /// ```
    #[must_use]
    pub fn url(&self) -> Option<&'e str> {
        self.url
    }
}

/// A body whose `code` is an HTTP status (three digits, a number or a string of them) with a
/// `message`, and the API's `url` and `time` or a documented message: `{code, message}` alone is
/// a shape many services share.
pub(crate) fn detect_body(f: &Fields<'_>) -> bool {
    plain_text(f.code).and_then(body_status).is_some()
        && f.message.is_some()
        && ((f.url.is_some() && f.time.is_some())
            || f.documented(Family::UpyunForm, plain_text(f.message)))
}

/// The body's `code` decides (the response's status when the body has none): below 400 a
/// success, otherwise an error whose code is the `message`.
pub(crate) fn parse<'a>(err: &mut ParsedError<'a>, _: &Headers<'a>, body: &Body<'a>) -> Read {
    super::read_error(
        err,
        body,
        |_| true,
        |err, f| {
            let code = scalar(f.code, Problem::CodeWrongType, &mut err.problems);
            let status = code.as_deref().and_then(body_status);
            err.message = scalar(f.message, Problem::MessageWrongType, &mut err.problems);
            err.detail = scalar(f.url, Problem::DetailWrongType, &mut err.problems);
            if status.or(err.status).is_none_or(|s| s >= 400) {
                err.raw_code.clone_from(&err.message);
            }
            status
        },
    )
}

//! Upyun (又拍云) REST API (cloud storage): 258 error codes. Feature `upyun-rest` (default).
//!
//! A failure's body is `{"msg": "signature error", "code": 40100005, "id": "5486…"}`: `msg` is the
//! English message, `code` an eight-digit number whose first three digits are the HTTP status,
//! `id` the request id. The table is upyun/docs `sources/api/errno.md`; see
//! [`Entry::source`](crate::Entry::source) for each code's line.
//!
//! # Examples
//!
//! ```
//! use errcat::{ApiError, ErrorKind, Outcome, Response, upyun::rest::{self, Code}};
//!
//! assert_eq!(Code::ALL.len(), 258);
//! let code: Code = "40100005".parse()?;
//! assert_eq!(code, Code::SignatureError);
//! assert_eq!(code.kind(), ErrorKind::Unauthenticated);
//! assert_eq!(rest::status_of("40100005"), Some(401));
//!
//! // As PicGo logged it (Molunerfinn/PicGo#1214).
//! let body = br#"{"msg":"signature error","code":40100005,"id":"5486020283e12a92abf034129bf0d4be"}"#;
//! let Ok(Outcome::Error(err)) = Response::new(body).with_status(401).explain() else { panic!() };
//! assert_eq!(err.typed_code(), Some(Code::SignatureError.into()));
//! assert_eq!(err.request_id(), Some("5486020283e12a92abf034129bf0d4be"));
//! # Ok::<(), errcat::UnknownCode>(())
//! ```

use crate::Family;
use crate::response::kit::{Body, Fields, Headers, Read, plain_text, scalar};
use crate::response::{ParsedError, Problem};

#[cfg(feature = "upyun-rest")]
pub use crate::tables::upyun_rest::Code;

/// The HTTP status an Upyun REST code carries in its first three digits, for any code of the
/// documented form (eight ASCII digits, the first `4` or `5`), listed or not; `None` otherwise.
///
/// # Examples
///
/// ```
/// use errcat::upyun::rest::status_of;
///
/// assert_eq!(status_of("42900003"), Some(429));
/// assert_eq!(status_of("40399999"), Some(403)); // not listed, still of the form
/// assert_eq!(status_of("21402"), None); // a management API code
/// assert_eq!(status_of("20000000"), None);
/// ```
#[must_use]
pub fn status_of(code: &str) -> Option<u16> {
    // The registry's `code_format` of the family: eight digits, the first 4 or 5.
    Family::UpyunRest.could_have(code).then(|| {
        code.bytes()
            .take(3)
            .fold(0, |n, b| n * 10 + u16::from(b - b'0'))
    })
}

/// A body with `msg` and a `code` of the documented form, and the request `id` or the code's
/// documented message: `{code, msg}` alone is a shape many services share, round codes such as
/// `40100001` included.
pub(crate) fn detect_body(f: &Fields<'_>) -> bool {
    let Some(code) = plain_text(f.code).filter(|c| status_of(c).is_some()) else {
        return false;
    };
    f.msg.is_some() && (f.id.is_some() || documented_message(code, plain_text(f.msg)))
}

/// Whether `msg` is the message the vendor documents for `code` (false when the family's
/// tables are disabled).
fn documented_message(code: &str, msg: Option<&str>) -> bool {
    let Some(entry) = crate::catalog::lookup_in(Family::UpyunRest, code)
        .ok()
        .flatten()
        .map(|c| c.entry())
    else {
        return false;
    };
    msg.is_some_and(|m| m == entry.message().en || entry.message_aliases().contains(&m))
}

/// A status below 400 without a code of the documented form is a success (a stored JSON file
/// may have a `code` of its own); otherwise the body's error.
pub(crate) fn parse<'a>(err: &mut ParsedError<'a>, _: &Headers<'a>, body: &Body<'a>) -> Read {
    super::read_error(
        err,
        body,
        |code| status_of(code).is_some(),
        |err, f| {
            err.raw_code = scalar(f.code, Problem::CodeWrongType, &mut err.problems);
            err.message = scalar(f.msg, Problem::MessageWrongType, &mut err.problems);
            err.request_id = scalar(f.id, Problem::RequestIdWrongType, &mut err.problems);
            // The status the code carries classifies an unlisted code.
            err.raw_code.as_deref().and_then(status_of)
        },
    )
}

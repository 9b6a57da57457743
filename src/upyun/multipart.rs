//! Upyun (又拍云) old multipart upload API (分块上传, 2015): 11 error codes. Feature
//! `upyun-multipart` (default).
//!
//! A failure's body is `{"error_code": "40401", "path": "/demo.zip", "message": "Bucket
//! NotFound."}`: `error_code` five digits whose first is 4, `path` the file's, `message` the
//! English text. The table is upyun/docs `sources/api/multipart_upload.md` in its last version
//! with it (2015-08-28); see [`Entry::source`](crate::Entry::source) for each code's line. The
//! document gives no HTTP status per code, only what each status means
//! ([`Family::status_meaning`](crate::Family::status_meaning)).
//!
//! The management API ([`super::management`]) sends `error_code` too, with its `request` line
//! and codes whose first digit is 1 or 2; a body is taken for this family on a five-digit
//! `error_code` starting with 4 together with its `path` (a code alone, even a documented one, is
//! not enough: 40001 and 40101 are common codes elsewhere). A body with neither `path` nor
//! `request` is read as this family's when the family is given
//! ([`Response::with_family`](crate::Response::with_family)). A code of this family is not of the
//! management API's structure (level, module, error):
//! [`super::management::Structure::parse`] gives `None` for it.
//!
//! # Examples
//!
//! ```
//! use errcat::{ApiError, ErrorKind, Outcome, Response, upyun::multipart::{Code, Details}};
//!
//! let code: Code = "40402".parse()?;
//! assert_eq!(code, Code::BlocksNotFound);
//! assert_eq!(code.kind(), ErrorKind::NotFound);
//! assert_eq!(code.http_status(), None); // the document gives none per code
//!
//! // The document's own example (lines 321-326), as JSON.
//! let body = br#"{"error_code": "40401", "path": "/demo.zip", "message": "Bucket NotFound."}"#;
//! let Ok(Outcome::Error(err)) = Response::new(body).with_status(404).explain() else { panic!() };
//! assert_eq!(err.typed_code(), Some(Code::BucketNotFound.into()));
//! assert_eq!(Details::of(&err).unwrap().path(), Some("/demo.zip"));
//! # Ok::<(), errcat::UnknownCode>(())
//! ```

use crate::response::kit::{Body, Fields, Headers, Read, plain_text, scalar};
use crate::response::{ParsedError, Problem};
use crate::{ApiError, Family};

#[cfg(feature = "upyun-multipart")]
pub use crate::tables::upyun_multipart::Code;

/// An Upyun old multipart API error's own details: the `path` the body carries.
///
/// # Examples
///
/// ```
/// use errcat::{Outcome, Response, upyun::multipart::Details};
///
/// let body = br#"{"error_code": "40402", "path": "/big.zip", "message": "Blocks NotFound."}"#;
/// let Outcome::Error(err) = Response::new(body).with_status(404).explain()? else { panic!() };
/// assert_eq!(Details::of(&err).unwrap().path(), Some("/big.zip"));
/// # Ok::<(), errcat::ParseError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Details<'e> {
    path: Option<&'e str>,
}

impl<'e> Details<'e> {
    /// The details of `err`, when it is an Upyun old multipart API error.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::{Outcome, Response, upyun::{management, multipart::Details}};
    ///
    /// let body = br#"{"error_code": "40101", "path": "/a.zip", "message": "Auth failed"}"#;
    /// let Outcome::Error(err) = Response::new(body).explain()? else { panic!() };
    /// assert!(Details::of(&err).is_some());
    /// // Not the management API's: no level, module or error decoded.
    /// assert_eq!(management::Details::of(&err), None);
    /// # Ok::<(), errcat::ParseError>(())
    /// ```
    #[must_use]
    pub fn of(err: &'e ParsedError<'_>) -> Option<Self> {
        (err.family() == Family::UpyunMultipart).then(|| Self {
            path: err.detail_of(Family::UpyunMultipart),
        })
    }

    /// The `path` the body carries: the file's, as received.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::{Outcome, Response, upyun::multipart::Details};
    ///
    /// let body = br#"{"error_code": "40303", "path": "/v.mp4", "message": "Invalid file hash."}"#;
    /// let Outcome::Error(err) = Response::new(body).explain()? else { panic!() };
    /// assert_eq!(Details::of(&err).unwrap().path(), Some("/v.mp4"));
    /// # Ok::<(), errcat::ParseError>(())
    /// ```
    #[must_use]
    pub fn path(&self) -> Option<&'e str> {
        self.path
    }
}

/// A body with an `error_code` of the documented form (five digits, the first 4) and the file's
/// `path`: an `error_code` alone is too common to be evidence.
pub(crate) fn detect_body(f: &Fields<'_>) -> bool {
    f.path.is_some()
        && plain_text(f.error_code).is_some_and(|c| Family::UpyunMultipart.could_have(c))
}

/// A status below 400 without an error code is a success; otherwise the body's error.
pub(crate) fn parse<'a>(err: &mut ParsedError<'a>, _: &Headers<'a>, body: &Body<'a>) -> Read {
    super::read_error(
        err,
        body,
        |_| true,
        |err, f| {
            err.raw_code = scalar(f.error_code, Problem::CodeWrongType, &mut err.problems);
            err.message = scalar(f.message, Problem::MessageWrongType, &mut err.problems);
            err.detail = scalar(f.path, Problem::DetailWrongType, &mut err.problems);
            None
        },
    )
}

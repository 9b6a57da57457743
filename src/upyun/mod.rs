//! Upyun (又拍云): its wire families.
//!
//! | family | module | feature |
//! |---|---|---|
//! | [`Family::UpyunManagement`](crate::Family::UpyunManagement) | [`management`] | `upyun-management` |
//! | [`Family::UpyunRest`](crate::Family::UpyunRest) | [`rest`] | `upyun-rest` |
//! | [`Family::UpyunForm`](crate::Family::UpyunForm) | [`form`] | `upyun-form` |
//! | [`Family::UpyunMultipart`](crate::Family::UpyunMultipart) | [`multipart`] | `upyun-multipart` |
//!
//! # Examples
//!
//! ```
//! use errcat::{Family, Vendor, upyun};
//!
//! assert_eq!(
//!     Vendor::Upyun.families(),
//!     [Family::UpyunManagement, Family::UpyunRest, Family::UpyunForm, Family::UpyunMultipart]
//! );
//! assert_eq!(upyun::management::Code::BucketNotFound.entry().family(), Family::UpyunManagement);
//! assert_eq!(upyun::rest::Code::SignatureError.entry().family(), Family::UpyunRest);
//! assert_eq!(upyun::form::Code::SignatureError.entry().family(), Family::UpyunForm);
//! assert_eq!(upyun::multipart::Code::BucketNotFound.entry().family(), Family::UpyunMultipart);
//! ```

pub mod form;
pub mod management;
pub mod multipart;
pub mod rest;

use crate::ParsedError;
use crate::response::Problem;
use crate::response::kit::{Body, Fields, Read};

/// What Upyun's families share: errors come with a status of 400 or more, so below that a body
/// without an error code (one `is_error_code` accepts), or one that is not JSON (a downloaded
/// file that starts with `{`), is a success; otherwise `read` takes the family's fields from the
/// body. `read` returns the HTTP status the body itself carries, if any (the form API's `code`;
/// the one a REST code spells in its first three digits): it stands in for the response's status
/// when that is not given, and classifies an unlisted code when the response's status is no
/// error status.
fn read_error<'a>(
    err: &mut ParsedError<'a>,
    body: &Body<'a>,
    is_error_code: fn(&str) -> bool,
    read: impl FnOnce(&mut ParsedError<'a>, &Fields<'a>) -> Option<u16>,
) -> Read {
    if body.invalid.is_some() {
        if err.status.is_some_and(|s| s < 400) {
            err.problems.add(Problem::BodyUnreadable);
            return Read::Success;
        }
        return Read::InvalidBody;
    }
    let carried = body.fields.as_ref().and_then(|f| read(err, f));
    let error_code = err.raw_code.as_deref().is_some_and(is_error_code);
    if !error_code && err.status.or(carried).is_some_and(|s| s < 400) {
        return Read::Success;
    }
    if body.fields.is_none() && !body.too_large {
        err.problems.add(Problem::BodyUnreadable);
    }
    err.resolve_raw(body.fields.as_ref());
    err.finish_with(carried, crate::ErrorKind::from_http_status);
    Read::Error
}

/// Moved to [`management::Code`].
///
/// # Examples
///
/// ```
/// #[allow(deprecated)]
/// use errcat::upyun::Code as OldCode;
/// use errcat::upyun::management::Code;
///
/// // The same type under its old path.
/// let code: OldCode = Code::BucketNotFound;
/// assert_eq!(code.as_str(), "21203");
/// ```
#[cfg(feature = "upyun-management")]
#[deprecated(since = "0.2.0", note = "use `errcat::upyun::management::Code`")]
pub type Code = management::Code;

/// Moved to [`management::Structure`].
///
/// # Examples
///
/// ```
/// #[allow(deprecated)]
/// use errcat::upyun::Structure as OldStructure;
/// use errcat::upyun::management::Structure;
///
/// // The same type under its old path.
/// let structure: Option<OldStructure> = Structure::parse("21203");
/// assert_eq!(structure.map(|s| s.module()), Some(12));
/// ```
#[deprecated(since = "0.2.0", note = "use `errcat::upyun::management::Structure`")]
pub type Structure = management::Structure;

/// Moved to [`management::Level`].
///
/// # Examples
///
/// ```
/// #[allow(deprecated)]
/// use errcat::upyun::Level as OldLevel;
/// use errcat::upyun::management::{Level, Structure};
///
/// // The same type under its old path.
/// let level: OldLevel = Structure::parse("10001").unwrap().level();
/// assert_eq!(level, Level::System);
/// ```
#[deprecated(since = "0.2.0", note = "use `errcat::upyun::management::Level`")]
pub type Level = management::Level;

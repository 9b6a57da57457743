//! Cloudbypass (穿云API) API: 28 error codes. Feature `cloudbypass-api` (default).
//!
//! On the wire, the response header `x-cb-status` is `ok` on success and empty or absent on
//! failure; a failure's body is `{"id": ..., "code": "PARAM_ERROR", "message": ...}`. Some codes
//! exist only in API v1 or v2 ([`Versions`]).
//!
//! # Examples
//!
//! ```
//! use errcat::{ApiError, ErrorKind, cloudbypass::api::{Code, Versions}};
//!
//! let code: Code = "CHALLENGE_LOCK_TIMEOUT".parse()?;
//! assert_eq!(code, Code::ChallengeLockTimeout);
//! assert_eq!(code.kind(), ErrorKind::Timeout);
//! assert_eq!(code.versions(), Versions::V2);
//! # Ok::<(), errcat::UnknownCode>(())
//! ```

use serde::Serialize;

use crate::response::kit::{Body, Fields, Headers, Read, is_string, plain_text, scalar};
use crate::response::{ParsedError, Problem};
use crate::{ErrorKind, Family, HeaderRole};

#[cfg(feature = "cloudbypass-api")]
pub use crate::tables::cloudbypass_api::Code;

/// Which Cloudbypass API versions return a code.
///
/// # Examples
///
/// ```
/// use errcat::cloudbypass::api::{Code, Versions};
///
/// let v2_only: Vec<Code> = Code::ALL.iter().copied().filter(|c| c.versions() == Versions::V2).collect();
/// assert!(v2_only.contains(&Code::ChallengeLockTimeout));
/// assert_eq!(serde_json::to_string(&Versions::All).unwrap(), r#""all""#);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Versions {
    /// Every version (所有版本).
    All,
    /// API v1 only.
    V1,
    /// API v2 only.
    V2,
}

#[cfg(feature = "cloudbypass-api")]
impl Code {
    /// The API versions that return this code.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::cloudbypass::api::{Code, Versions};
    ///
    /// assert_eq!(Code::CloudflareFiveSecondShield.versions(), Versions::V1);
    /// assert_eq!(Code::InvalidParameter.versions(), Versions::All);
    /// ```
    #[must_use]
    pub fn versions(self) -> Versions {
        match crate::tables::cloudbypass_api::CODE_VERSIONS[self as usize] {
            "v1" => Versions::V1,
            "v2" => Versions::V2,
            // "all", the only other value the data validator accepts.
            _ => Versions::All,
        }
    }
}

/// A body `{"id", "code", "message"}` whose `code` is a documented Cloudbypass code: the field
/// set alone is too common to be evidence.
pub(crate) fn detect_body(f: &Fields<'_>) -> bool {
    f.id.is_some()
        && f.message.is_some()
        && is_string(f.code)
        && f.documented(Family::CloudbypassApi, plain_text(f.code))
}

/// Success only on `x-cb-status: ok`; otherwise the body's error, or the target's own page.
pub(crate) fn parse<'a>(err: &mut ParsedError<'a>, headers: &Headers<'a>, body: &Body<'a>) -> Read {
    if headers
        .get(Family::CloudbypassApi, HeaderRole::Status)
        .is_some_and(|v| v.trim_ascii().eq_ignore_ascii_case(b"ok"))
    {
        return Read::Success;
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
    err.resolve_raw(body.fields.as_ref());
    err.finish_with(None, kind_of_status);
    Read::Error
}

/// The kind of a failure that has no entry, by its HTTP status: Cloudbypass mirrors the target's
/// status, so with no Cloudbypass error body, a refusal or a server error came from the target
/// site, not from Cloudbypass.
fn kind_of_status(status: u16) -> ErrorKind {
    match status {
        401 | 403 => ErrorKind::Blocked,
        500..=599 => ErrorKind::Upstream,
        _ => ErrorKind::from_http_status(status),
    }
}

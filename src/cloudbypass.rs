//! Cloudbypass (穿云API): 27 error codes.
//!
//! On the wire, the response header `x-cb-status` is `ok` on success and empty or absent on
//! failure; a failure's body is `{"id": ..., "code": "PARAM_ERROR", "message": ...}`. Some codes
//! exist only in API v1 or v2 ([`Versions`]).
//!
//! # Examples
//!
//! ```
//! use errcat::{ApiError, ErrorKind, cloudbypass::{Code, Versions}};
//!
//! let code: Code = "CHALLENGE_LOCK_TIMEOUT".parse()?;
//! assert_eq!(code, Code::ChallengeLockTimeout);
//! assert_eq!(code.kind(), ErrorKind::Timeout);
//! assert_eq!(code.entry().versions(), Some(Versions::V2));
//! # Ok::<(), errcat::UnknownCode>(())
//! ```

use serde::Serialize;

crate::macros::include_generated!("cloudbypass.rs", "data/cloudbypass.json");

pub use generated::Code;

/// Which Cloudbypass API versions return a code.
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

//! Tencent Cloud API 3.0: the 26 common error codes.
//!
//! A failed call answers `{"Response": {"Error": {"Code": "AuthFailure.SignatureFailure",
//! "Message": "..."}, "RequestId": "..."}}`. Codes are dotted, `Parent.Sub`; products return
//! many sub-codes no common table lists, which [`Code::resolve`] maps to their listed parent.
//!
//! # Examples
//!
//! ```
//! use errcat::{ApiError, ErrorKind, tencent_cloud::Code};
//!
//! let code: Code = "AuthFailure.SignatureExpire".parse()?;
//! assert_eq!(code.kind(), ErrorKind::Unauthenticated);
//! assert_eq!(code.message().unwrap().en, "Signature expired.");
//! # Ok::<(), errcat::UnknownCode>(())
//! ```

crate::macros::include_generated!("tencent_cloud.rs", "data/tencent-cloud.json");

pub use generated::Code;

/// How [`Code::resolve`] matched a raw code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Resolved {
    /// The raw code is listed.
    Exact(Code),
    /// The raw code is not listed; this is its nearest listed ancestor (`A` for `A.B`).
    Parent(Code),
}

impl Resolved {
    /// The listed code, exact or parent.
    #[must_use]
    pub fn code(self) -> Code {
        match self {
            Self::Exact(code) | Self::Parent(code) => code,
        }
    }
}

impl Code {
    /// Resolves a raw code: the listed code itself, else its nearest listed ancestor
    /// (`InvalidParameter.InvalidZoneName` -> `InvalidParameter`). O(number of dots).
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::tencent_cloud::{Code, Resolved};
    ///
    /// assert_eq!(
    ///     Code::resolve("InvalidParameter.InvalidZoneName"),
    ///     Some(Resolved::Parent(Code::InvalidParameter))
    /// );
    /// assert_eq!(Code::resolve("InternalError"), Some(Resolved::Exact(Code::InternalError)));
    /// assert_eq!(Code::resolve("NoSuchFamily.Sub"), None);
    /// ```
    #[must_use]
    pub fn resolve(raw: &str) -> Option<Resolved> {
        levels(raw).enumerate().find_map(|(depth, level)| {
            Self::from_code(level).map(|code| {
                if depth == 0 {
                    Resolved::Exact(code)
                } else {
                    Resolved::Parent(code)
                }
            })
        })
    }
}

/// A dotted code and its ancestors, nearest first: `A.B.C`, `A.B`, `A`.
pub(crate) fn levels(raw: &str) -> impl Iterator<Item = &str> {
    std::iter::successors(Some(raw), |level| {
        level.rsplit_once('.').map(|(parent, _)| parent)
    })
}

//! [`ErrorKind`]: the one cross-vendor taxonomy every catalog entry is classified into.
//!
//! The kinds, their canonical statuses and default retry advice are rows of
//! `data/registry.json`; the enum and those methods are generated from them (`src/tables.rs`).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::UnknownName;

pub use crate::tables::ErrorKind;

impl ErrorKind {
    /// The kind an HTTP status suggests when no catalog entry says more: what errcat falls back
    /// to for an unlisted code. `Unknown` for statuses that say nothing specific (2xx, 3xx, other
    /// 4xx and 5xx).
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::ErrorKind;
    ///
    /// assert_eq!(ErrorKind::from_http_status(429), ErrorKind::RateLimited);
    /// assert_eq!(ErrorKind::from_http_status(502), ErrorKind::Upstream);
    /// assert_eq!(ErrorKind::from_http_status(200), ErrorKind::Unknown);
    /// ```
    #[must_use]
    pub const fn from_http_status(status: u16) -> Self {
        match status {
            400 | 413 | 414 | 415 | 422 | 431 => Self::InvalidRequest,
            401 | 407 => Self::Unauthenticated,
            402 => Self::Billing,
            403 => Self::PermissionDenied,
            404 | 410 => Self::NotFound,
            405 | 501 | 505 => Self::Unsupported,
            408 | 504 => Self::Timeout,
            409 => Self::Conflict,
            412 | 428 => Self::FailedPrecondition,
            429 => Self::RateLimited,
            500 => Self::Internal,
            502 => Self::Upstream,
            503 => Self::Unavailable,
            _ => Self::Unknown,
        }
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for ErrorKind {
    type Err = UnknownName;

    /// Parses the `snake_case` name.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| UnknownName::new("error kind", s, crate::tables::KIND_NAMES))
    }
}

/// Serializes as the `snake_case` name.
impl Serialize for ErrorKind {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// Deserializes from the `snake_case` name.
impl<'de> Deserialize<'de> for ErrorKind {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

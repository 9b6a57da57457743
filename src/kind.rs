//! [`ErrorKind`]: the one cross-vendor taxonomy every catalog entry is classified into.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::error::UnknownName;

/// What an error means for the caller, across vendors.
///
/// Every catalog entry has exactly one kind, judged from its documented meaning. Each kind has a
/// canonical HTTP status and a default retry advice; an entry may override the advice (with its
/// reason in the data), so ask the entry ([`ApiError::is_retryable`](crate::ApiError::is_retryable))
/// rather than its kind when you decide whether to retry.
///
/// Serialized and displayed in `snake_case` (`rate_limited`).
///
/// # Examples
///
/// ```
/// use errcat::ErrorKind;
///
/// let kind: ErrorKind = "rate_limited".parse()?;
/// assert_eq!(kind, ErrorKind::RateLimited);
/// assert_eq!(kind.http_status(), 429);
/// assert!(kind.is_retryable_by_default());
/// assert_eq!(kind.to_string(), "rate_limited");
/// # Ok::<(), errcat::UnknownName>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ErrorKind {
    /// Malformed or missing parameters, bad values or body, unknown action or version.
    InvalidRequest,
    /// The caller's identity could not be established: bad or expired key, signature, token,
    /// timestamp, or a replayed nonce.
    Unauthenticated,
    /// The identity is known but not allowed: no authorization, account banned, resource not the
    /// caller's.
    PermissionDenied,
    /// The addressed resource, API, user or domain does not exist.
    NotFound,
    /// The resource already exists or clashes with existing state.
    Conflict,
    /// The request is valid but the system is not in the state it requires (not verified, not
    /// online yet, must configure something first).
    FailedPrecondition,
    /// Too many requests in a time window; waiting helps.
    RateLimited,
    /// A count or size limit of the account or resource is reached; waiting does not help.
    QuotaExceeded,
    /// Arrears, insufficient balance, or a purchase that failed for payment reasons.
    Billing,
    /// The target site, or its protection (such as Cloudflare), refused or challenged the request.
    Blocked,
    /// A proxy, DNS, TLS or origin/backend failure between the vendor and the target.
    Upstream,
    /// An operation timed out.
    Timeout,
    /// The service is temporarily unavailable or in maintenance.
    Unavailable,
    /// The vendor's own internal error.
    Internal,
    /// The operation, protocol, region, captcha type or version is not supported.
    Unsupported,
    /// A batch operation partly succeeded.
    PartialSuccess,
    /// Not classified: what an unlisted code gets. No catalog entry has this kind.
    Unknown,
}

impl ErrorKind {
    /// Every kind, in declaration order.
    pub const ALL: [ErrorKind; 17] = [
        Self::InvalidRequest,
        Self::Unauthenticated,
        Self::PermissionDenied,
        Self::NotFound,
        Self::Conflict,
        Self::FailedPrecondition,
        Self::RateLimited,
        Self::QuotaExceeded,
        Self::Billing,
        Self::Blocked,
        Self::Upstream,
        Self::Timeout,
        Self::Unavailable,
        Self::Internal,
        Self::Unsupported,
        Self::PartialSuccess,
        Self::Unknown,
    ];

    /// The `snake_case` name, as in JSON and `Display`.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(errcat::ErrorKind::PermissionDenied.as_str(), "permission_denied");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::InvalidRequest => "invalid_request",
            Self::Unauthenticated => "unauthenticated",
            Self::PermissionDenied => "permission_denied",
            Self::NotFound => "not_found",
            Self::Conflict => "conflict",
            Self::FailedPrecondition => "failed_precondition",
            Self::RateLimited => "rate_limited",
            Self::QuotaExceeded => "quota_exceeded",
            Self::Billing => "billing",
            Self::Blocked => "blocked",
            Self::Upstream => "upstream",
            Self::Timeout => "timeout",
            Self::Unavailable => "unavailable",
            Self::Internal => "internal",
            Self::Unsupported => "unsupported",
            Self::PartialSuccess => "partial_success",
            Self::Unknown => "unknown",
        }
    }

    /// The HTTP status that best represents the kind, whatever the vendor actually sent.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::ErrorKind;
    ///
    /// assert_eq!(ErrorKind::NotFound.http_status(), 404);
    /// assert_eq!(ErrorKind::Upstream.http_status(), 502);
    /// ```
    #[must_use]
    pub const fn http_status(self) -> u16 {
        match self {
            Self::InvalidRequest | Self::FailedPrecondition => 400,
            Self::Unauthenticated => 401,
            Self::Billing => 402,
            Self::PermissionDenied | Self::Blocked => 403,
            Self::NotFound => 404,
            Self::Conflict => 409,
            Self::RateLimited | Self::QuotaExceeded => 429,
            Self::PartialSuccess => 207,
            Self::Internal | Self::Unknown => 500,
            Self::Unsupported => 501,
            Self::Upstream => 502,
            Self::Unavailable => 503,
            Self::Timeout => 504,
        }
    }

    /// Whether retrying the same request can help, for an error of this kind with no more
    /// specific advice. True for `rate_limited`, `upstream`, `timeout`, `unavailable` and
    /// `internal`.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::ErrorKind;
    ///
    /// assert!(ErrorKind::Timeout.is_retryable_by_default());
    /// assert!(!ErrorKind::QuotaExceeded.is_retryable_by_default());
    /// ```
    #[must_use]
    pub const fn is_retryable_by_default(self) -> bool {
        match self {
            Self::RateLimited
            | Self::Upstream
            | Self::Timeout
            | Self::Unavailable
            | Self::Internal => true,
            Self::InvalidRequest
            | Self::Unauthenticated
            | Self::PermissionDenied
            | Self::NotFound
            | Self::Conflict
            | Self::FailedPrecondition
            | Self::QuotaExceeded
            | Self::Billing
            | Self::Blocked
            | Self::Unsupported
            | Self::PartialSuccess
            | Self::Unknown => false,
        }
    }
}

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
            .ok_or_else(|| {
                UnknownName::new(
                    "error kind",
                    s,
                    "invalid_request, unauthenticated, permission_denied, not_found, conflict, \
                     failed_precondition, rate_limited, quota_exceeded, billing, blocked, upstream, \
                     timeout, unavailable, internal, unsupported, partial_success, unknown",
                )
            })
    }
}

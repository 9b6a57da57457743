//! Response headers: which vendor's header a name is (case-insensitively, without allocating),
//! and what it carries.

use serde::Serialize;

use crate::catalog::generated::HEADERS_BY_LEN;
use crate::{Text, Vendor};

/// What a documented response header carries.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum HeaderRole {
    /// A success flag (Cloudbypass `x-cb-status`: `ok` on success, empty or absent on failure).
    Status,
    /// An error code (Aliyun `X-Ca-Error-Code`, sent by newer gateways).
    ErrorCode,
    /// The error message. For Aliyun `X-Ca-Error-Message` the message text *is* the documented
    /// code (`Throttled by APP Flow Control`), so [`catalog::by_header`](crate::catalog::by_header)
    /// resolves codes from it.
    ErrorMessage,
    /// The request id to quote to the vendor's support.
    RequestId,
}

/// A response header a vendor documents.
///
/// # Examples
///
/// ```
/// use errcat::{HeaderRole, Vendor, catalog};
///
/// let header = catalog::header("x-ca-request-id").unwrap();
/// assert_eq!(header.name(), "X-Ca-Request-Id");
/// assert_eq!(header.vendor(), Vendor::AliyunApiGateway);
/// assert_eq!(header.carries(), HeaderRole::RequestId);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Header {
    pub(crate) name: &'static str,
    pub(crate) vendor: Vendor,
    pub(crate) carries: HeaderRole,
    pub(crate) description: Text,
}

impl Header {
    /// The name as the vendor writes it.
    #[must_use]
    pub fn name(&self) -> &'static str {
        self.name
    }

    /// The vendor that sends it.
    #[must_use]
    pub fn vendor(&self) -> Vendor {
        self.vendor
    }

    /// What its value carries.
    #[must_use]
    pub fn carries(&self) -> HeaderRole {
        self.carries
    }

    /// What the vendor says about it.
    #[must_use]
    pub fn description(&self) -> Text {
        self.description
    }
}

/// Looks `name` up case-insensitively without allocating or hashing: only the documented names
/// of the same length (at most a few) are compared, ignoring ASCII case, so the many headers of
/// other lengths a response carries (`content-type`, `date`, ...) are rejected by one index.
#[inline]
pub(crate) fn lookup(name: &str) -> Option<&'static Header> {
    HEADERS_BY_LEN
        .get(name.len())?
        .iter()
        .find(|h| h.name.eq_ignore_ascii_case(name))
}

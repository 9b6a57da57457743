//! Response headers: which vendor's header a name is (case-insensitively, without allocating),
//! and what it carries.

use serde::Serialize;

use crate::catalog::generated::HEADER_NAME_LENGTHS;
use crate::{Text, Vendor};

/// Longest header name that can be documented (mirrors `MAX_HEADER_NAME` in `build/validate.rs`);
/// a longer name cannot be one of ours and is rejected before any work.
const MAX_NAME: usize = 64;

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

/// Looks `name` up case-insensitively: ASCII-lowercases it into a stack buffer and probes the
/// phf map keyed by lowercase names. No allocation. A name whose length no documented header
/// has (most headers a response carries: `content-type`, `date`, ...) is rejected before any
/// copying or hashing.
pub(crate) fn lookup(name: &str) -> Option<&'static Header> {
    let bytes = name.as_bytes();
    if bytes.len() > MAX_NAME || HEADER_NAME_LENGTHS & (1 << bytes.len()) == 0 {
        return None;
    }
    let mut buf = [0u8; MAX_NAME];
    let lower = &mut buf[..bytes.len()];
    for (dst, src) in lower.iter_mut().zip(bytes) {
        *dst = src.to_ascii_lowercase();
    }
    // ASCII lowercasing keeps UTF-8 valid; a failure here would only mean "not found".
    let lower = std::str::from_utf8(lower).ok()?;
    crate::catalog::generated::HEADERS.get(lower)
}

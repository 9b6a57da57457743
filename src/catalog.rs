//! Cross-vendor lookups. Every function here is O(1) (a phf probe, an array index, or for header
//! names a comparison with the one or two documented names of the same length, plus a constant
//! amount of work over the handful of codes that share a key) and none allocates (tests/alloc.rs).
//!
//! # Examples
//!
//! ```
//! use errcat::{AnyCode, Vendor, catalog, upyun};
//!
//! // By vendor and code.
//! assert_eq!(
//!     catalog::lookup(Vendor::Upyun, "21402"),
//!     Some(AnyCode::Upyun(upyun::Code::OperatorAlreadyExists))
//! );
//! // By code across vendors: every vendor that documents it.
//! assert_eq!(catalog::by_code("4000").len(), 1);
//! // By message: every code sharing a text.
//! assert_eq!(catalog::by_message("Bucket not found.").len(), 3);
//! ```

use serde::Serialize;
use serde::ser::{SerializeStruct, Serializer};

use crate::message_key::message_key;
use crate::{ApiError, Entry, Header, HeaderRole, Vendor};

/// Generated from `data/*.json` by `build.rs`: `AnyCode` and the cross-vendor indexes.
#[allow(
    clippy::unreadable_literal, // phf's hash keys
    clippy::match_same_arms, // one arm per table; a vendor may have several tables
)]
pub(crate) mod generated {
    include!(concat!(env!("OUT_DIR"), "/catalog.rs"));
}

pub use generated::AnyCode;

impl AnyCode {
    /// The wire code.
    ///
    /// # Examples
    ///
    /// ```
    /// let code = errcat::AnyCode::from(errcat::tencent_cdn::ModuleCode::InvalidProjectId);
    /// assert_eq!(code.as_str(), "2130");
    /// ```
    #[must_use]
    pub fn as_str(self) -> &'static str {
        self.entry().code()
    }
}

/// Writes the wire code.
impl std::fmt::Display for AnyCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Serializes as `{"vendor": slug, "code": wire code}`.
impl Serialize for AnyCode {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("AnyCode", 2)?;
        s.serialize_field("vendor", &self.vendor())?;
        s.serialize_field("code", self.as_str())?;
        s.end()
    }
}

impl ApiError for AnyCode {
    fn vendor(&self) -> Vendor {
        AnyCode::vendor(self)
    }

    fn code(&self) -> &str {
        self.as_str()
    }

    fn entry(&self) -> Option<&'static Entry> {
        Some(AnyCode::entry(self))
    }
}

/// Every code of every vendor, in vendor, table and document order.
///
/// # Examples
///
/// ```
/// assert_eq!(errcat::catalog::all().len(), 305);
/// ```
#[must_use]
pub fn all() -> &'static [AnyCode] {
    &generated::ALL
}

/// The code `code` (or a documented alias) of `vendor`, in O(1).
///
/// Codes are unique within a vendor, across its tables. Exact match: no trimming, case-sensitive.
///
/// # Examples
///
/// ```
/// use errcat::{AnyCode, Vendor, aliyun_apigateway::Code, catalog};
///
/// // The seed's misspelling resolves to the corrected entry.
/// assert_eq!(
///     catalog::lookup(Vendor::AliyunApiGateway, "TThrottled by GROUP Flow Control"),
///     Some(AnyCode::AliyunApiGateway(Code::ThrottledByGroupFlowControl))
/// );
/// assert_eq!(catalog::lookup(Vendor::Upyun, "4000"), None);
/// ```
#[must_use]
#[inline]
pub fn lookup(vendor: Vendor, code: &str) -> Option<AnyCode> {
    vendor.info().codes.get(code).copied()
}

/// Every code, of any vendor, whose wire code or alias is `code`, in O(1).
///
/// # Examples
///
/// ```
/// use errcat::{Vendor, catalog};
///
/// let found = catalog::by_code("InternalError");
/// assert_eq!(found.len(), 1);
/// assert_eq!(found[0].vendor(), Vendor::TencentCloud);
/// assert!(catalog::by_code("no such code").is_empty());
/// ```
#[must_use]
#[inline]
pub fn by_code(code: &str) -> &'static [AnyCode] {
    generated::BY_CODE.get(code).copied().unwrap_or(&[])
}

/// Every code whose documented HTTP status is `status`, by array index.
///
/// Only Alibaba Cloud API Gateway documents a status per code. For what a vendor says a status
/// means in general, see [`Vendor::status_meaning`].
///
/// # Examples
///
/// ```
/// use errcat::{Vendor, catalog};
///
/// let not_found = catalog::by_status(404);
/// assert_eq!(not_found.len(), 1);
/// assert_eq!(not_found[0].as_str(), "Empty Signature");
/// assert!(catalog::by_status(418).is_empty());
/// assert!(catalog::by_status(u16::MAX).is_empty());
/// ```
#[must_use]
#[inline]
pub fn by_status(status: u16) -> &'static [AnyCode] {
    generated::BY_STATUS
        .get(usize::from(status))
        .copied()
        .unwrap_or(&[])
}

/// The codes of `vendor` whose documented HTTP status is `status`.
///
/// # Examples
///
/// ```
/// use errcat::{Vendor, catalog};
///
/// assert_eq!(catalog::by_status_for(Vendor::AliyunApiGateway, 503).count(), 1);
/// assert_eq!(catalog::by_status_for(Vendor::Upyun, 503).count(), 0);
/// ```
pub fn by_status_for(vendor: Vendor, status: u16) -> impl Iterator<Item = AnyCode> {
    by_status(status)
        .iter()
        .copied()
        .filter(move |c| c.vendor() == vendor)
}

/// Every code whose message is `text`, in Chinese or English, in O(1).
///
/// Surrounding white space and trailing sentence punctuation are ignored, so a wire message
/// `Bucket not found` finds the entry documented as `Bucket not found.`. The vendor's own
/// misspellings of messages (see [`Entry::message_aliases`]) are found too.
///
/// # Examples
///
/// ```
/// use errcat::{catalog, tencent_cdn::ModuleCode, AnyCode};
///
/// // Two Tencent CDN module codes share one text.
/// let found = catalog::by_message("非法ProjectID参数");
/// assert_eq!(
///     found,
///     [
///         AnyCode::TencentCdnModule(ModuleCode::InvalidProjectId),
///         AnyCode::TencentCdnModule(ModuleCode::InvalidQueryProjectId),
///     ]
/// );
/// // Trailing punctuation and spaces are not part of the key.
/// assert_eq!(catalog::by_message("  Bucket not found. .").len(), 3);
/// ```
#[must_use]
#[inline]
pub fn by_message(text: &str) -> &'static [AnyCode] {
    generated::BY_MESSAGE
        .get(message_key(text))
        .copied()
        .unwrap_or(&[])
}

/// The documented response header called `name`, compared case-insensitively, without
/// allocating.
///
/// # Examples
///
/// ```
/// use errcat::{HeaderRole, Vendor, catalog};
///
/// let header = catalog::header("X-CA-ERROR-MESSAGE").unwrap();
/// assert_eq!(header.vendor(), Vendor::AliyunApiGateway);
/// assert_eq!(header.carries(), HeaderRole::ErrorMessage);
/// assert_eq!(catalog::header("content-type"), None);
/// ```
#[must_use]
#[inline]
pub fn header(name: &str) -> Option<&'static Header> {
    crate::header::lookup(name)
}

/// What a header value means: the header, the code it carries, and a template's parameter.
///
/// Returned by [`by_header`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HeaderMatch<'a> {
    header: &'static Header,
    code: AnyCode,
    parameter: Option<&'a str>,
}

impl<'a> HeaderMatch<'a> {
    /// The documented header.
    #[must_use]
    pub fn header(&self) -> &'static Header {
        self.header
    }

    /// The code the value names.
    #[must_use]
    pub fn code(&self) -> AnyCode {
        self.code
    }

    /// For a template code such as `Invalid Signature, Server StringToSign:%s`, the part of the
    /// value that fills `%s` (the gateway's string-to-sign); `None` for other codes.
    #[must_use]
    pub fn parameter(&self) -> Option<&'a str> {
        self.parameter
    }
}

/// Resolves a response header that carries an error code or an error message naming one (Aliyun's
/// `X-Ca-Error-Message` text is the code): `name` is matched case-insensitively,
/// `value` exactly, or against a template code by its text before `%s`. `None` when the header
/// is not a documented error-code header or the value names no documented code.
///
/// # Examples
///
/// ```
/// use errcat::{AnyCode, catalog, aliyun_apigateway::Code};
///
/// let m = catalog::by_header("x-ca-error-message", "Invalid Signature, Server StringToSign:GET\n*/*\n/api").unwrap();
/// assert_eq!(m.code(), AnyCode::AliyunApiGateway(Code::InvalidSignature));
/// assert_eq!(m.parameter(), Some("GET\n*/*\n/api"));
///
/// let m = catalog::by_header("X-Ca-Error-Message", "Throttled by APP Flow Control").unwrap();
/// assert_eq!(m.code(), AnyCode::AliyunApiGateway(Code::ThrottledByAppFlowControl));
/// assert_eq!(m.parameter(), None);
///
/// assert!(catalog::by_header("X-Ca-Request-Id", "Throttled by APP Flow Control").is_none());
/// ```
#[must_use]
pub fn by_header<'a>(name: &str, value: &'a str) -> Option<HeaderMatch<'a>> {
    let header = header(name)?;
    if !matches!(
        header.carries(),
        HeaderRole::ErrorCode | HeaderRole::ErrorMessage
    ) {
        return None;
    }
    let vendor = header.vendor();
    if let Some(code) = lookup(vendor, value) {
        return Some(HeaderMatch {
            header,
            code,
            parameter: None,
        });
    }
    template_for(vendor, value).map(|(code, parameter)| HeaderMatch {
        header,
        code,
        parameter: Some(parameter),
    })
}

/// The template code that `value` fills, of any vendor, and the filled-in parameter: `value`
/// starts with the template's text before `%s`, and the rest is the parameter. There is one
/// template in the catalog, so this is O(1).
///
/// # Examples
///
/// ```
/// use errcat::{AnyCode, catalog, aliyun_apigateway::Code};
///
/// let (code, parameter) = catalog::template("Invalid Signature, Server StringToSign:POST\n/x").unwrap();
/// assert_eq!(code, AnyCode::AliyunApiGateway(Code::InvalidSignature));
/// assert_eq!(parameter, "POST\n/x");
/// assert_eq!(catalog::template("Invalid Signature"), None);
/// ```
#[must_use]
pub fn template(value: &str) -> Option<(AnyCode, &str)> {
    generated::TEMPLATES
        .iter()
        .find_map(|&(prefix, code)| value.strip_prefix(prefix).map(|rest| (code, rest)))
}

/// [`template`], for one vendor.
fn template_for(vendor: Vendor, value: &str) -> Option<(AnyCode, &str)> {
    generated::TEMPLATES
        .iter()
        .filter(|(_, code)| code.vendor() == vendor)
        .find_map(|&(prefix, code)| value.strip_prefix(prefix).map(|rest| (code, rest)))
}

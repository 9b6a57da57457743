//! [`Vendor`]: the five APIs in the catalog, and what each documents about headers and statuses.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::UnknownName;
use crate::{Classification, Header, Text};

/// One of the five vendors whose error tables the catalog holds.
///
/// Displayed, parsed and serialized as its slug (`tencent-cdn`).
///
/// # Examples
///
/// ```
/// use errcat::Vendor;
///
/// let vendor: Vendor = "aliyun-apigateway".parse()?;
/// assert_eq!(vendor, Vendor::AliyunApiGateway);
/// assert_eq!(vendor.to_string(), "aliyun-apigateway");
/// assert_eq!(vendor.name(), "Alibaba Cloud API Gateway");
/// # Ok::<(), errcat::UnknownName>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Vendor {
    /// Cloudbypass (穿云API): error in the JSON body `{"id","code","message"}`, success flagged by
    /// the `x-cb-status` header.
    Cloudbypass,
    /// Tencent Cloud API 2.0 (CDN): numeric public `code`, module code in parentheses at the start
    /// of `message`.
    TencentCdn,
    /// Alibaba Cloud API Gateway: error in the `X-Ca-Error-Message` header.
    AliyunApiGateway,
    /// Upyun (又拍云) management API: body `{"error_code","request","message"}`.
    Upyun,
    /// Tencent Cloud API 3.0: body `{"Response":{"Error":{"Code","Message"},"RequestId"}}`.
    TencentCloud,
}

/// Per-vendor facts generated from the data files.
#[derive(Debug)]
pub(crate) struct Info {
    pub(crate) seed: &'static str,
    pub(crate) docs_url: Option<&'static str>,
    /// Wire codes and aliases of all the vendor's tables.
    pub(crate) codes: phf::Map<&'static str, crate::AnyCode>,
    pub(crate) headers: &'static [Header],
    pub(crate) statuses: &'static [StatusMeaning],
    /// By HTTP status: 0, or 1 + the position of its meaning in `statuses`.
    pub(crate) status_index: Option<&'static [u8; 600]>,
    pub(crate) classifications: phf::Map<&'static str, Classification>,
}

const EXPECTED: &str = "cloudbypass, tencent-cdn, aliyun-apigateway, upyun, tencent-cloud";

impl Vendor {
    /// Every vendor, in catalog order.
    pub const ALL: [Vendor; 5] = [
        Self::Cloudbypass,
        Self::TencentCdn,
        Self::AliyunApiGateway,
        Self::Upyun,
        Self::TencentCloud,
    ];

    /// The slug: `cloudbypass`, `tencent-cdn`, `aliyun-apigateway`, `upyun`, `tencent-cloud`.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(errcat::Vendor::TencentCloud.slug(), "tencent-cloud");
    /// ```
    #[must_use]
    pub const fn slug(self) -> &'static str {
        match self {
            Self::Cloudbypass => "cloudbypass",
            Self::TencentCdn => "tencent-cdn",
            Self::AliyunApiGateway => "aliyun-apigateway",
            Self::Upyun => "upyun",
            Self::TencentCloud => "tencent-cloud",
        }
    }

    /// A human-readable name.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(errcat::Vendor::Upyun.name(), "Upyun (又拍云)");
    /// ```
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Cloudbypass => "Cloudbypass (穿云API)",
            Self::TencentCdn => "Tencent Cloud API 2.0 (CDN)",
            Self::AliyunApiGateway => "Alibaba Cloud API Gateway",
            Self::Upyun => "Upyun (又拍云)",
            Self::TencentCloud => "Tencent Cloud API 3.0",
        }
    }

    pub(crate) fn info(self) -> &'static Info {
        &crate::catalog::generated::VENDOR_INFO[self as usize]
    }

    /// The file name of the vendor document the catalog was built from.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(errcat::Vendor::Cloudbypass.seed(), "000_dec0d4430ef91315.txt");
    /// ```
    #[must_use]
    pub fn seed(self) -> &'static str {
        self.info().seed
    }

    /// The vendor's error-code documentation page, where the document gives one.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::Vendor;
    ///
    /// assert_eq!(
    ///     Vendor::AliyunApiGateway.docs_url(),
    ///     Some("https://help.aliyun.com/document_detail/43906.html")
    /// );
    /// assert_eq!(Vendor::Upyun.docs_url(), None);
    /// ```
    #[must_use]
    pub fn docs_url(self) -> Option<&'static str> {
        self.info().docs_url
    }

    /// The response headers the vendor documents.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::{HeaderRole, Vendor};
    ///
    /// let headers: Vec<_> = Vendor::Cloudbypass.headers().collect();
    /// assert_eq!(headers.len(), 1);
    /// assert_eq!(headers[0].name(), "x-cb-status");
    /// assert_eq!(headers[0].carries(), HeaderRole::Status);
    /// ```
    #[must_use]
    pub fn headers(self) -> impl ExactSizeIterator<Item = &'static Header> {
        self.info().headers.iter()
    }

    /// What the vendor says an HTTP status means, where its document says (Upyun documents eight
    /// statuses). O(1).
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::Vendor;
    ///
    /// let meaning = Vendor::Upyun.status_meaning(409).unwrap();
    /// assert_eq!(meaning.reason(), "Conflict");
    /// assert_eq!(Vendor::Upyun.status_meaning(418), None);
    /// assert_eq!(Vendor::TencentCloud.status_meaning(409), None);
    /// ```
    #[must_use]
    #[inline]
    pub fn status_meaning(self, status: u16) -> Option<&'static StatusMeaning> {
        let info = self.info();
        let slot = *info.status_index?.get(usize::from(status))?;
        info.statuses.get(usize::from(slot).checked_sub(1)?)
    }
}

impl Vendor {
    /// How the vendor's unlisted codes at `code` are classified, where the data says: a family
    /// whose parent code is not itself documented (Tencent Cloud `AuthFailure`), or a known
    /// sub-code whose meaning differs from its documented parent. Exact match, O(1); see
    /// [`Response::explain`](crate::Response::explain) for how dotted codes walk up to it.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::{ErrorKind, Vendor};
    ///
    /// let rule = Vendor::TencentCloud.classification("AuthFailure").unwrap();
    /// assert_eq!(rule.kind(), ErrorKind::Unauthenticated);
    /// assert_eq!(Vendor::TencentCloud.classification("InvalidParameter"), None); // documented
    /// ```
    #[must_use]
    #[inline]
    pub fn classification(self, code: &str) -> Option<&'static Classification> {
        self.info().classifications.get(code)
    }
}

impl fmt::Display for Vendor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.slug())
    }
}

impl FromStr for Vendor {
    type Err = UnknownName;

    /// Parses a slug.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|v| v.slug() == s)
            .ok_or_else(|| UnknownName::new("vendor", s, EXPECTED))
    }
}

impl Serialize for Vendor {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.slug())
    }
}

impl<'de> Deserialize<'de> for Vendor {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// What a vendor's document says an HTTP status means.
///
/// # Examples
///
/// ```
/// use errcat::Vendor;
///
/// let meaning = Vendor::Upyun.status_meaning(401).unwrap();
/// assert_eq!(meaning.vendor(), Vendor::Upyun);
/// assert_eq!(meaning.status(), 401);
/// assert_eq!(meaning.reason(), "Unauthorized");
/// assert!(!meaning.description().zh.is_empty());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct StatusMeaning {
    pub(crate) vendor: Vendor,
    pub(crate) status: u16,
    pub(crate) reason: &'static str,
    pub(crate) description: Text,
}

impl StatusMeaning {
    /// The vendor whose document says it.
    #[must_use]
    pub fn vendor(&self) -> Vendor {
        self.vendor
    }

    /// The HTTP status.
    #[must_use]
    pub fn status(&self) -> u16 {
        self.status
    }

    /// The reason phrase as the vendor writes it (`NotFound`, `Internal Server Error`).
    #[must_use]
    pub fn reason(&self) -> &'static str {
        self.reason
    }

    /// What the vendor says the status means.
    #[must_use]
    pub fn description(&self) -> Text {
        self.description
    }
}

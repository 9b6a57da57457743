//! [`Vendor`] (the company) and [`Family`] (one of its wire families): names, parsing, and what
//! each family documents about headers and statuses.
//!
//! Both enums are rows of `data/registry.json`, generated into `src/tables.rs`.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::{Disabled, UnknownName};
use crate::{Classification, Header, Source, Text};

pub use crate::tables::{Family, Vendor};

impl Vendor {
    /// The response headers the vendor's enabled families document.
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
    pub fn headers(self) -> impl Iterator<Item = &'static Header> {
        self.families().iter().flat_map(|f| f.header_list())
    }

    /// What the vendor says an HTTP status means, where one of its enabled families' documents
    /// says (Upyun's management API documents eight statuses). O(number of families).
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
        self.families()
            .iter()
            .find_map(|f| f.status_meaning(status).ok().flatten())
    }
}

impl Family {
    /// What the family's document says an HTTP status means, where it says. O(1).
    ///
    /// # Errors
    ///
    /// [`Disabled`] when the family's feature is off.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::Family;
    ///
    /// let meaning = Family::UpyunManagement.status_meaning(404)?.unwrap();
    /// assert_eq!(meaning.reason(), "NotFound");
    /// assert_eq!(Family::TencentCdn.status_meaning(404)?, None);
    /// # Ok::<(), errcat::Disabled>(())
    /// ```
    #[inline]
    pub fn status_meaning(self, status: u16) -> Result<Option<&'static StatusMeaning>, Disabled> {
        let info = self.enabled_info()?;
        let Some(index) = info.status_index else {
            return Ok(None);
        };
        let slot = index.get(usize::from(status)).copied().unwrap_or(0);
        Ok(usize::from(slot)
            .checked_sub(1)
            .and_then(|i| info.statuses.get(i)))
    }

    /// How the family's unlisted codes at `code` are classified, where the data says: a family
    /// of codes whose parent is not itself documented (Tencent Cloud `AuthFailure`), or a known
    /// sub-code whose meaning differs from its documented parent. Exact match, O(1); the
    /// resolution walk ([`catalog::resolve`](crate::catalog::resolve)) finds the nearest one.
    ///
    /// # Errors
    ///
    /// [`Disabled`] when the family's feature is off.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::{ErrorKind, Family};
    ///
    /// let rule = Family::TencentCloudCommon.classification("AuthFailure")?.unwrap();
    /// assert_eq!(rule.kind(), ErrorKind::Unauthenticated);
    /// assert_eq!(Family::TencentCloudCommon.classification("InvalidParameter")?, None); // documented
    /// # Ok::<(), errcat::Disabled>(())
    /// ```
    #[inline]
    pub fn classification(self, code: &str) -> Result<Option<&'static Classification>, Disabled> {
        Ok(self.enabled_info()?.classifications.get(code))
    }

    /// The documents the family's data comes from.
    ///
    /// # Errors
    ///
    /// [`Disabled`] when the family's feature is off.
    ///
    /// # Examples
    ///
    /// ```
    /// let sources = errcat::Family::AliyunApiGateway.sources()?;
    /// assert_eq!(sources[0].url(), "https://help.aliyun.com/document_detail/43906.html");
    /// # Ok::<(), errcat::Disabled>(())
    /// ```
    pub fn sources(self) -> Result<&'static [&'static Source], Disabled> {
        Ok(self.enabled_info()?.sources)
    }

    /// The response headers the family documents. They are its detection evidence, from the
    /// registry, and known whether or not its tables are enabled.
    ///
    /// # Examples
    ///
    /// ```
    /// let names: Vec<_> = errcat::Family::AliyunApiGateway.headers().map(|h| h.name()).collect();
    /// assert!(names.contains(&"X-Ca-Error-Message"));
    /// ```
    #[must_use]
    pub fn headers(self) -> impl ExactSizeIterator<Item = &'static Header> {
        self.header_list().iter()
    }

    #[inline]
    pub(crate) fn enabled_info(self) -> Result<&'static crate::family::Info, Disabled> {
        self.info().ok_or(Disabled::new(self))
    }
}

impl fmt::Display for Vendor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.slug())
    }
}

impl FromStr for Vendor {
    type Err = UnknownName;

    /// Parses a slug, ignoring ASCII case, or the slug of an earlier release (`tencent-cdn`,
    /// `aliyun-apigateway`).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|v| {
                v.slug().eq_ignore_ascii_case(s)
                    || v.aliases().iter().any(|a| a.eq_ignore_ascii_case(s))
            })
            .ok_or_else(|| UnknownName::new("vendor", s, crate::tables::VENDOR_SLUGS))
    }
}

impl fmt::Display for Family {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.slug())
    }
}

impl FromStr for Family {
    type Err = UnknownName;

    /// Parses a slug, ignoring ASCII case, or the vendor slug of an earlier release that named
    /// it (`tencent-cdn`, `aliyun-apigateway`).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|f| {
                f.slug().eq_ignore_ascii_case(s)
                    || f.aliases().iter().any(|a| a.eq_ignore_ascii_case(s))
            })
            .ok_or_else(|| UnknownName::new("family", s, crate::tables::FAMILY_SLUGS))
    }
}

macro_rules! serde_as_slug {
    ($ty:ty) => {
        /// Serializes as the slug.
        impl Serialize for $ty {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.slug())
            }
        }

        /// Deserializes from a slug (see `FromStr`).
        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let s = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
                s.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}

serde_as_slug!(Vendor);
serde_as_slug!(Family);

/// What a family's document says an HTTP status means.
///
/// # Examples
///
/// ```
/// use errcat::{Family, Vendor};
///
/// let meaning = Vendor::Upyun.status_meaning(401).unwrap();
/// assert_eq!(meaning.family(), Family::UpyunManagement);
/// assert_eq!(meaning.status(), 401);
/// assert_eq!(meaning.reason(), "Unauthorized");
/// assert!(!meaning.description().zh.is_empty());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct StatusMeaning {
    pub(crate) family: Family,
    pub(crate) status: u16,
    pub(crate) reason: &'static str,
    pub(crate) description: Text,
}

impl StatusMeaning {
    /// The family whose document says it.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::{Family, Vendor};
    ///
    /// let meaning = Vendor::Upyun.status_meaning(401).unwrap();
    /// assert_eq!(meaning.family(), Family::UpyunManagement);
    /// ```
    #[must_use]
    pub fn family(&self) -> Family {
        self.family
    }

    /// The vendor whose document says it.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::{Family, Vendor};
    ///
    /// let meaning = Family::UpyunManagement.status_meaning(401)?.unwrap();
    /// assert_eq!(meaning.vendor(), Vendor::Upyun);
    /// # Ok::<(), errcat::Disabled>(())
    /// ```
    #[must_use]
    pub fn vendor(&self) -> Vendor {
        self.family.vendor()
    }

    /// The HTTP status.
    ///
    /// # Examples
    ///
    /// ```
    /// let meaning = errcat::Vendor::Upyun.status_meaning(500).unwrap();
    /// assert_eq!(meaning.status(), 500);
    /// assert_eq!(meaning.reason(), "Internal Server Error");
    /// ```
    #[must_use]
    pub fn status(&self) -> u16 {
        self.status
    }

    /// The reason phrase as the vendor writes it (`NotFound`, `Internal Server Error`).
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::Vendor;
    ///
    /// // As written, not the standard phrase (`Not Found`).
    /// assert_eq!(Vendor::Upyun.status_meaning(404).unwrap().reason(), "NotFound");
    /// ```
    #[must_use]
    pub fn reason(&self) -> &'static str {
        self.reason
    }

    /// What the vendor says the status means.
    ///
    /// # Examples
    ///
    /// ```
    /// let meaning = errcat::Vendor::Upyun.status_meaning(401).unwrap();
    /// assert_eq!(meaning.description().zh, "参数错误、授权无效或过期");
    /// assert_eq!(meaning.description().en, "Parameter error, or the authorization is invalid or expired.");
    /// ```
    #[must_use]
    pub fn description(&self) -> Text {
        self.description
    }
}

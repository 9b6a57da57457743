//! Cross-family lookups, and the resolution walk. Every lookup here is O(1) (a phf probe, an array index, or for header
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
//!     catalog::lookup(Vendor::Upyun, "21402")?,
//!     Some(AnyCode::UpyunManagement(upyun::management::Code::OperatorAlreadyExists))
//! );
//! // What an undocumented sub-code means, by the same walk `explain` uses.
//! let r = catalog::resolve(errcat::Family::TencentCloudCommon, "InvalidParameter.Zone")?;
//! assert_eq!(r.via(), Some("InvalidParameter"));
//! // By code across vendors: every vendor that documents it.
//! assert_eq!(catalog::by_code("4000").len(), 1);
//! // By message: every code sharing a text.
//! assert_eq!(catalog::by_message("Bucket not found.").len(), 3);
//! # Ok::<(), errcat::Disabled>(())
//! ```

use serde::ser::{SerializeStruct, Serializer};
use serde::{Deserialize, Deserializer, Serialize};

use crate::error::Disabled;
use crate::message_key::message_key;
use crate::resolve::Resolution;
use crate::tables as generated;
use crate::{ApiError, Entry, Family, Header, HeaderRole, Vendor};

pub use crate::tables::AnyCode;

impl AnyCode {
    /// The vendor whose table documents this code.
    ///
    /// # Examples
    ///
    /// ```
    /// let code = errcat::AnyCode::from(errcat::upyun::management::Code::OperatorAlreadyExists);
    /// assert_eq!(code.vendor(), errcat::Vendor::Upyun);
    /// ```
    #[must_use]
    #[allow(clippy::trivially_copy_pass_by_ref)] // `&self`: see `code_table!`
    pub fn vendor(&self) -> Vendor {
        self.family().vendor()
    }

    /// The wire code.
    ///
    /// # Examples
    ///
    /// ```
    /// let code = errcat::AnyCode::from(errcat::tencent_cloud::cdn::ModuleCode::InvalidProjectId);
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

impl AnyCode {
    /// The Tencent Cloud product of a product code (`tencent_cloud::products`), by name.
    pub(crate) fn product_name(self) -> Option<&'static str> {
        #[cfg(feature = "tencent-cloud-products")]
        match self {
            AnyCode::TencentCloudProduct(code) => Some(code.product().name()),
            _ => None,
        }
        #[cfg(not(feature = "tencent-cloud-products"))]
        {
            let _ = self;
            None
        }
    }
}

/// Serializes as `{"vendor": slug, "family": slug, "code": wire code}`, with `"product": name`
/// after them for a Tencent Cloud product code.
impl Serialize for AnyCode {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let product = self.product_name();
        let mut s = serializer.serialize_struct("AnyCode", 3 + usize::from(product.is_some()))?;
        s.serialize_field("vendor", &self.vendor())?;
        s.serialize_field("family", &self.family())?;
        s.serialize_field("code", self.as_str())?;
        if let Some(product) = product {
            s.serialize_field("product", product)?;
        }
        s.end()
    }
}

/// The fields an `AnyCode` or an `Entry` deserializes from.
#[derive(Deserialize)]
struct CodeRef<'a> {
    #[serde(default)]
    vendor: Option<Vendor>,
    #[serde(default)]
    family: Option<Family>,
    #[serde(borrow)]
    code: std::borrow::Cow<'a, str>,
    /// A Tencent Cloud product code's product.
    #[serde(default, borrow)]
    product: Option<std::borrow::Cow<'a, str>>,
}

impl CodeRef<'_> {
    fn resolve<E: serde::de::Error>(&self) -> Result<AnyCode, E> {
        if let Some(product) = &self.product {
            #[cfg(feature = "tencent-cloud-products")]
            return crate::tencent_cloud::products::lookup(product, &self.code)
                .map(AnyCode::from)
                .ok_or_else(|| {
                    E::custom(format_args!(
                        "not a documented code of product {product:?}: {:?}",
                        self.code
                    ))
                });
            #[cfg(not(feature = "tencent-cloud-products"))]
            return Err(E::custom(format_args!(
                "{:?} of product {product:?}: the tables of family tencent-cloud/products are not \
                 compiled in: enable the cargo feature `tencent-cloud-products`",
                self.code
            )));
        }
        let found = match (self.family, self.vendor) {
            (Some(family), _) => lookup_in(family, &self.code).map_err(E::custom)?,
            (None, Some(vendor)) => lookup(vendor, &self.code).map_err(E::custom)?,
            (None, None) => return Err(E::missing_field("family")),
        };
        found.ok_or_else(|| E::custom(format_args!("not a documented code: {:?}", self.code)))
    }
}

/// Deserializes from what it serializes to: `{"family", "code"}` (or `{"vendor", "code"}`, the
/// first of the vendor's families that documents the code); the code may be an alias.
///
/// # Examples
///
/// ```
/// use errcat::{AnyCode, upyun::management::Code};
///
/// let code = AnyCode::from(Code::OperatorAlreadyExists);
/// let json = serde_json::to_string(&code).unwrap();
/// assert_eq!(serde_json::from_str::<AnyCode>(&json).unwrap(), code);
/// ```
impl<'de> Deserialize<'de> for AnyCode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        CodeRef::deserialize(deserializer)?.resolve()
    }
}

/// Deserializes an entry object (or any object with its `family` and `code`) as the catalog's
/// entry of that code: the texts are the catalog's, not the input's.
///
/// # Examples
///
/// ```
/// use errcat::{Entry, upyun::management::Code};
///
/// let entry = Code::BucketNotFound.entry();
/// let json = serde_json::to_string(entry).unwrap();
/// let back: &'static Entry = serde_json::from_str(&json).unwrap();
/// assert_eq!(back, entry);
/// ```
impl<'de> Deserialize<'de> for &'static Entry {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        CodeRef::deserialize(deserializer)?
            .resolve()
            .map(|code: AnyCode| code.entry())
    }
}

impl ApiError for AnyCode {
    fn family(&self) -> Family {
        AnyCode::family(self)
    }

    fn code(&self) -> &str {
        self.as_str()
    }

    fn entry(&self) -> Option<&'static Entry> {
        Some(AnyCode::entry(self))
    }
}

/// Every code of every enabled family, in family, table and document order.
///
/// # Examples
///
/// ```
/// assert_eq!(errcat::catalog::all().len(), 648); // the default features' nine families with codes
/// ```
#[must_use]
pub fn all() -> &'static [AnyCode] {
    &generated::ALL
}

/// The code `code` (or a documented alias) in the families of `vendor` that have typed codes
/// (all but Tencent Cloud's product codes: see `tencent_cloud::products`), in O(number of
/// families). Exact match: no trimming, case-sensitive. For what an undocumented code means, see
/// [`resolve`]; for one family, [`lookup_in`].
///
/// # Errors
///
/// [`Disabled`] when no enabled family of `vendor` has the code and one of its disabled families
/// (the first, in catalog order) could have it: a miss is then not an answer. A family whose codes
/// have a documented form (Upyun's five- and eight-digit codes) could not have a code of another
/// form. A code found in an enabled family is found whatever the other families' features.
///
/// # Examples
///
/// ```
/// use errcat::{AnyCode, Vendor, aliyun::apigateway::Code, catalog};
///
/// // The seed's misspelling resolves to the corrected entry.
/// assert_eq!(
///     catalog::lookup(Vendor::Aliyun, "TThrottled by GROUP Flow Control")?,
///     Some(AnyCode::AliyunApiGateway(Code::ThrottledByGroupFlowControl))
/// );
/// assert_eq!(catalog::lookup(Vendor::Upyun, "4000")?, None);
/// # Ok::<(), errcat::Disabled>(())
/// ```
#[inline]
pub fn lookup(vendor: Vendor, code: &str) -> Result<Option<AnyCode>, Disabled> {
    let mut disabled = None;
    // Tencent Cloud's product codes are entries without a typed code: `tencent_cloud::products`
    // looks them up.
    for &family in vendor.families() {
        if family == Family::TencentCloudProducts {
            continue;
        }
        match family.enabled_info() {
            Ok(info) => {
                if let Some(&found) = info.codes.get(code) {
                    return Ok(Some(found));
                }
            }
            Err(e) if family.could_have(code) => {
                disabled.get_or_insert(e);
            }
            Err(_) => {}
        }
    }
    disabled.map_or(Ok(None), Err)
}

/// The code `code` (or a documented alias) of `family`, in O(1).
///
/// # Errors
///
/// [`Disabled`] when the family's feature is off: its codes are not compiled in.
///
/// # Examples
///
/// ```
/// use errcat::{Family, catalog};
///
/// assert!(catalog::lookup_in(Family::TencentCdn, "4000")?.is_some());
/// assert_eq!(catalog::lookup_in(Family::TencentCloudCommon, "4000")?, None);
/// # Ok::<(), errcat::Disabled>(())
/// ```
#[inline]
pub fn lookup_in(family: Family, code: &str) -> Result<Option<AnyCode>, Disabled> {
    Ok(family.enabled_info()?.codes.get(code).copied())
}

/// What the raw code `code` of `family` means: the one resolution walk (exact code, alias,
/// template, appended detail, classification, documented ancestor, hundred; see
/// [`Resolution`]) that [`Response::explain`](crate::Response::explain) and the typed lookups
/// use too.
///
/// # Errors
///
/// [`Disabled`] when the family's feature is off.
///
/// # Examples
///
/// ```
/// use errcat::{ApiError, ErrorKind, Family, catalog, response::Basis};
///
/// let r = catalog::resolve(Family::TencentCloudCommon, "RequestLimitExceeded.SomethingNew")?;
/// assert_eq!(r.basis(), Basis::Family);
/// assert_eq!(r.via(), Some("RequestLimitExceeded"));
/// assert_eq!(r.kind(), ErrorKind::RateLimited);
///
/// let r = catalog::resolve(Family::TencentCdn, "4102")?;
/// assert_eq!(r.via(), Some("4100"));
/// # Ok::<(), errcat::Disabled>(())
/// ```
pub fn resolve(family: Family, code: &str) -> Result<Resolution<'_>, Disabled> {
    Ok(crate::resolve::walk(family, family.enabled_info()?, code))
}

/// [`resolve`] in every enabled family (optionally only `vendor`'s), keeping the ones that find
/// something, in family order. The Tencent Cloud product codes are not walked here: their
/// family has no table of its own, and
/// `tencent_cloud::products::resolve` (feature `tencent-cloud-products`) walks them
/// with the common family.
///
/// # Examples
///
/// ```
/// use errcat::{Family, catalog};
///
/// let found: Vec<_> = catalog::resolve_all(None, "AuthFailure.Whatever").collect();
/// assert_eq!(found.len(), 1);
/// assert_eq!(errcat::ApiError::family(&found[0]), Family::TencentCloudCommon);
/// ```
pub fn resolve_all(vendor: Option<Vendor>, code: &str) -> impl Iterator<Item = Resolution<'_>> {
    Family::ALL
        .into_iter()
        .filter(|f| *f != Family::TencentCloudProducts)
        .filter(move |f| vendor.is_none_or(|v| f.vendor() == v))
        .filter_map(move |f| resolve(f, code).ok())
        .filter(Resolution::is_resolved)
}

/// Every code, of any enabled family, whose wire code or alias is `code`, in O(1).
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
/// Alibaba Cloud API Gateway and Upyun's REST and form APIs document a status per code; the codes
/// come in catalog order. For what a vendor says a status means in general, see
/// [`Vendor::status_meaning`] and [`Family::status_meaning`].
///
/// # Examples
///
/// ```
/// use errcat::{Vendor, catalog};
///
/// let not_found = catalog::by_status(404);
/// assert_eq!(not_found.len(), 10); // 3 Alibaba Cloud, 5 Upyun REST, 2 Upyun form
/// assert_eq!(not_found[0].as_str(), "Empty Signature");
/// assert_eq!(not_found[1].as_str(), "I404DO");
/// assert_eq!(not_found[3].as_str(), "40400001");
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
/// assert_eq!(catalog::by_status_for(Vendor::Aliyun, 503).count(), 1);
/// assert_eq!(catalog::by_status_for(Vendor::Upyun, 503).count(), 42); // 41 REST API, 1 form API
/// assert_eq!(catalog::by_status_for(Vendor::TencentCloud, 503).count(), 0);
/// ```
pub fn by_status_for(vendor: Vendor, status: u16) -> impl Iterator<Item = AnyCode> {
    by_status(status)
        .iter()
        .copied()
        .filter(move |c| c.vendor() == vendor)
}

/// Every code whose message is `text`, in Chinese or English: one hash probe, then, only on a
/// miss, a scan of the few message templates.
///
/// Surrounding white space and trailing sentence punctuation are ignored, so a wire message
/// `Bucket not found` finds the entry documented as `Bucket not found.`. The vendor's own
/// misspellings of messages (see [`Entry::message_aliases`]) are found too. A message the
/// vendor documents with a value left out (Upyun's `invalid ip:...`) is a template: text that
/// is no documented message but starts with the template's words and carries a value
/// (`invalid ip: 10.0.0.256`) finds its codes.
///
/// # Examples
///
/// ```
/// use errcat::{catalog, tencent_cloud::cdn::ModuleCode, AnyCode};
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
/// // A template, filled in on the wire.
/// # #[cfg(feature = "upyun-management")] {
/// use errcat::upyun::management::Code;
/// assert_eq!(catalog::by_message("invalid ip:10.0.0.256"), [AnyCode::UpyunManagement(Code::InvalidIp)]);
/// assert_eq!(catalog::by_message("invalid ip:"), [AnyCode::UpyunManagement(Code::InvalidIp)]);
/// assert!(catalog::by_message("invalid ipv6:10.0.0.256").is_empty());
/// # }
/// ```
#[must_use]
#[inline]
pub fn by_message(text: &str) -> &'static [AnyCode] {
    let key = message_key(text);
    if let Some(&codes) = generated::BY_MESSAGE.get(key) {
        return codes;
    }
    generated::MESSAGE_TEMPLATES
        .iter()
        .find(|(prefix, _)| {
            key.strip_prefix(prefix)
                .is_some_and(|value| !value.trim().is_empty())
        })
        .map_or(&[], |&(_, codes)| codes)
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
/// assert_eq!(header.vendor(), Vendor::Aliyun);
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
///
/// # Examples
///
/// ```
/// use errcat::{AnyCode, HeaderRole, catalog, aliyun::apigateway::Code};
///
/// let m = catalog::by_header("x-ca-error-message", "Quota Exhausted").unwrap();
/// assert_eq!(m.header().carries(), HeaderRole::ErrorMessage);
/// assert_eq!(m.code(), AnyCode::AliyunApiGateway(Code::QuotaExhausted));
/// assert_eq!(m.parameter(), None);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HeaderMatch<'a> {
    header: &'static Header,
    code: AnyCode,
    parameter: Option<&'a str>,
}

impl<'a> HeaderMatch<'a> {
    /// The documented header.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::catalog;
    ///
    /// // The name as the vendor writes it, whatever the case asked.
    /// let m = catalog::by_header("X-CA-ERROR-MESSAGE", "Quota Exhausted").unwrap();
    /// assert_eq!(m.header().name(), "X-Ca-Error-Message");
    /// ```
    #[must_use]
    pub fn header(&self) -> &'static Header {
        self.header
    }

    /// The code the value names.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::{ApiError, ErrorKind, catalog};
    ///
    /// let m = catalog::by_header("X-Ca-Error-Message", "Throttled by APP Flow Control").unwrap();
    /// assert_eq!(m.code().as_str(), "Throttled by APP Flow Control");
    /// assert_eq!(m.code().kind(), ErrorKind::RateLimited);
    /// ```
    #[must_use]
    pub fn code(&self) -> AnyCode {
        self.code
    }

    /// For a template code such as `Invalid Signature, Server StringToSign:%s`, the part of the
    /// value that fills `%s` (the gateway's string-to-sign); `None` for other codes.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::catalog;
    ///
    /// let m = catalog::by_header("X-Ca-Error-Message", "Invalid Signature, Server StringToSign:GET\n/v1").unwrap();
    /// assert_eq!(m.code().as_str(), "Invalid Signature, Server StringToSign:%s");
    /// assert_eq!(m.parameter(), Some("GET\n/v1"));
    ///
    /// let m = catalog::by_header("X-Ca-Error-Message", "Empty Signature").unwrap();
    /// assert_eq!(m.parameter(), None);
    /// ```
    #[must_use]
    pub fn parameter(&self) -> Option<&'a str> {
        self.parameter
    }
}

/// Resolves a response header that carries an error code or an error message naming one (Aliyun's
/// `X-Ca-Error-Message` text is the classic code): `name` is matched case-insensitively, and
/// `value` through the header's family's resolution walk, when it finds a documented code
/// (exactly, as a filled-in template, or with detail appended). Aliyun's `X-Ca-Error-Code`
/// resolves in the `ErrorCode` table, its `X-Ca-Error-Message` in the classic `Code` table. `None`
/// when the header is not a documented error-code header or the value names no documented code.
///
/// # Examples
///
/// ```
/// use errcat::{AnyCode, catalog, aliyun::apigateway::Code};
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
///
/// // The six-character codes of dedicated and VPC instances, in their own header only.
/// let m = catalog::by_header("X-Ca-Error-Code", "I404NF").unwrap();
/// assert_eq!(m.code().as_str(), "I404NF");
/// assert!(catalog::by_header("X-Ca-Error-Message", "I404NF").is_none());
/// assert!(catalog::by_header("X-Ca-Error-Code", "Quota Exhausted").is_none());
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
    let family = header.family();
    // Alibaba Cloud API Gateway: each header carries one table's codes.
    let table = match family {
        Family::AliyunApiGateway => crate::aliyun::apigateway::header_table(header.carries()),
        _ => None,
    };
    let r = crate::resolve::walk_in(family, family.enabled_info().ok()?, value, table);
    r.typed_code().map(|code| HeaderMatch {
        header,
        code,
        parameter: r.parameter(),
    })
}

/// The template code that `value` fills, of any enabled family, and the filled-in parameter:
/// `value` starts with the template's text before `%s`, and the rest is the parameter. There is
/// one template in the catalog, so this is O(1).
///
/// # Examples
///
/// ```
/// use errcat::{AnyCode, catalog, aliyun::apigateway::Code};
///
/// let (code, parameter) = catalog::template("Invalid Signature, Server StringToSign:POST\n/x").unwrap();
/// assert_eq!(code, AnyCode::AliyunApiGateway(Code::InvalidSignature));
/// assert_eq!(parameter, "POST\n/x");
/// assert_eq!(catalog::template("Invalid Signature"), None);
/// ```
#[must_use]
pub fn template(value: &str) -> Option<(AnyCode, &str)> {
    Family::ALL
        .iter()
        .filter_map(|f| f.info())
        .flat_map(|info| info.templates)
        .find_map(|&(prefix, code)| value.strip_prefix(prefix).map(|rest| (code, rest)))
}

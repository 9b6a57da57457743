//! Tencent Cloud (腾讯云): its wire families.
//!
//! | family | module | feature |
//! |---|---|---|
//! | [`Family::TencentCloudCommon`](crate::Family::TencentCloudCommon) | [`common`] | `tencent-cloud-common` |
//! | [`Family::TencentCdn`](crate::Family::TencentCdn) | [`cdn`] | `tencent-cloud-cdn` |
//! | [`Family::TencentCloudProducts`](crate::Family::TencentCloudProducts) | [`products`] | `tencent-cloud-products` (not default) |
//!
//! # Examples
//!
//! ```
//! use errcat::{Family, Vendor, catalog, tencent_cloud};
//!
//! // Three families: two code spaces with tables (a lookup by vendor searches both, in this
//! // order), and the products' codes, which share the common family's wire shape.
//! assert_eq!(
//!     Vendor::TencentCloud.families(),
//!     [Family::TencentCloudCommon, Family::TencentCdn, Family::TencentCloudProducts]
//! );
//! assert_eq!(
//!     catalog::lookup(Vendor::TencentCloud, "4000")?,
//!     Some(tencent_cloud::cdn::Code::InvalidParameter.into())
//! );
//! # Ok::<(), errcat::Disabled>(())
//! ```

pub mod cdn;
pub mod common;
pub mod products;

/// Moved to [`common::Code`].
///
/// # Examples
///
/// ```
/// #[allow(deprecated)]
/// use errcat::tencent_cloud::Code as OldCode;
/// use errcat::tencent_cloud::common::Code;
///
/// // The same type under its old path.
/// let code: OldCode = Code::InternalError;
/// assert_eq!(code.as_str(), "InternalError");
/// ```
#[cfg(feature = "tencent-cloud-common")]
#[deprecated(since = "0.2.0", note = "use `errcat::tencent_cloud::common::Code`")]
pub type Code = common::Code;

/// Moved to [`common::Resolved`].
///
/// # Examples
///
/// ```
/// #[allow(deprecated)]
/// use errcat::tencent_cloud::Resolved as OldResolved;
/// use errcat::tencent_cloud::common::{Code, Resolved};
///
/// // The same type under its old path.
/// let resolved: Option<OldResolved> = Code::resolve("InternalError");
/// assert_eq!(resolved, Some(Resolved::Exact(Code::InternalError)));
/// ```
#[cfg(feature = "tencent-cloud-common")]
#[deprecated(
    since = "0.2.0",
    note = "use `errcat::tencent_cloud::common::Resolved`"
)]
pub type Resolved = common::Resolved;

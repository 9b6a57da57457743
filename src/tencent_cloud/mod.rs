//! Tencent Cloud (腾讯云): its wire families.
//!
//! | family | module | feature |
//! |---|---|---|
//! | [`Family::TencentCloudCommon`](crate::Family::TencentCloudCommon) | [`common`] | `tencent-cloud-common` |
//! | [`Family::TencentCdn`](crate::Family::TencentCdn) | [`cdn`] | `tencent-cloud-cdn` |

pub mod cdn;
pub mod common;

/// Moved to [`common::Code`].
#[cfg(feature = "tencent-cloud-common")]
#[deprecated(since = "0.2.0", note = "use `errcat::tencent_cloud::common::Code`")]
pub type Code = common::Code;

/// Moved to [`common::Resolved`].
#[cfg(feature = "tencent-cloud-common")]
#[deprecated(
    since = "0.2.0",
    note = "use `errcat::tencent_cloud::common::Resolved`"
)]
pub type Resolved = common::Resolved;

//! Cloudbypass (穿云API): its wire families.
//!
//! | family | module | feature |
//! |---|---|---|
//! | [`Family::CloudbypassApi`](crate::Family::CloudbypassApi) | [`api`] | `cloudbypass-api` |
//! | [`Family::CloudbypassBalance`](crate::Family::CloudbypassBalance) | [`balance`] (no code table) | `cloudbypass-balance` |
//!
//! # Examples
//!
//! ```
//! use errcat::{Family, Vendor, cloudbypass};
//!
//! assert_eq!(
//!     Vendor::Cloudbypass.families(),
//!     [Family::CloudbypassApi, Family::CloudbypassBalance]
//! );
//! assert_eq!(cloudbypass::api::Code::DnsError.entry().family(), Family::CloudbypassApi);
//! ```

pub mod api;
pub mod balance;

/// Moved to [`api::Code`].
///
/// # Examples
///
/// ```
/// #[allow(deprecated)]
/// use errcat::cloudbypass::Code as OldCode;
/// use errcat::cloudbypass::api::Code;
///
/// // The same type under its old path.
/// let code: OldCode = Code::DnsError;
/// assert_eq!(code.as_str(), "DNS_ERROR");
/// ```
#[cfg(feature = "cloudbypass-api")]
#[deprecated(since = "0.2.0", note = "use `errcat::cloudbypass::api::Code`")]
pub type Code = api::Code;

/// Moved to [`api::Versions`].
///
/// # Examples
///
/// ```
/// #[allow(deprecated)]
/// use errcat::cloudbypass::Versions as OldVersions;
/// use errcat::cloudbypass::api::{Code, Versions};
///
/// // The same type under its old path.
/// let versions: OldVersions = Code::CloudflareFiveSecondShield.versions();
/// assert_eq!(versions, Versions::V1);
/// ```
#[deprecated(since = "0.2.0", note = "use `errcat::cloudbypass::api::Versions`")]
pub type Versions = api::Versions;

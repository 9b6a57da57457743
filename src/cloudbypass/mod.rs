//! Cloudbypass (穿云API): its wire families.
//!
//! | family | module | feature |
//! |---|---|---|
//! | [`Family::CloudbypassApi`](crate::Family::CloudbypassApi) | [`api`] | `cloudbypass-api` |

pub mod api;

/// Moved to [`api::Code`].
#[cfg(feature = "cloudbypass-api")]
#[deprecated(since = "0.2.0", note = "use `errcat::cloudbypass::api::Code`")]
pub type Code = api::Code;

/// Moved to [`api::Versions`].
#[deprecated(since = "0.2.0", note = "use `errcat::cloudbypass::api::Versions`")]
pub type Versions = api::Versions;

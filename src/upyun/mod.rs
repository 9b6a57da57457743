//! Upyun (又拍云): its wire families.
//!
//! | family | module | feature |
//! |---|---|---|
//! | [`Family::UpyunManagement`](crate::Family::UpyunManagement) | [`management`] | `upyun-management` |
//!
//! # Examples
//!
//! ```
//! use errcat::{Family, Vendor, upyun};
//!
//! assert_eq!(Vendor::Upyun.families(), [Family::UpyunManagement]);
//! assert_eq!(upyun::management::Code::BucketNotFound.entry().family(), Family::UpyunManagement);
//! ```

pub mod management;

/// Moved to [`management::Code`].
///
/// # Examples
///
/// ```
/// #[allow(deprecated)]
/// use errcat::upyun::Code as OldCode;
/// use errcat::upyun::management::Code;
///
/// // The same type under its old path.
/// let code: OldCode = Code::BucketNotFound;
/// assert_eq!(code.as_str(), "21203");
/// ```
#[cfg(feature = "upyun-management")]
#[deprecated(since = "0.2.0", note = "use `errcat::upyun::management::Code`")]
pub type Code = management::Code;

/// Moved to [`management::Structure`].
///
/// # Examples
///
/// ```
/// #[allow(deprecated)]
/// use errcat::upyun::Structure as OldStructure;
/// use errcat::upyun::management::Structure;
///
/// // The same type under its old path.
/// let structure: Option<OldStructure> = Structure::parse("21203");
/// assert_eq!(structure.map(|s| s.module()), Some(12));
/// ```
#[deprecated(since = "0.2.0", note = "use `errcat::upyun::management::Structure`")]
pub type Structure = management::Structure;

/// Moved to [`management::Level`].
///
/// # Examples
///
/// ```
/// #[allow(deprecated)]
/// use errcat::upyun::Level as OldLevel;
/// use errcat::upyun::management::{Level, Structure};
///
/// // The same type under its old path.
/// let level: OldLevel = Structure::parse("10001").unwrap().level();
/// assert_eq!(level, Level::System);
/// ```
#[deprecated(since = "0.2.0", note = "use `errcat::upyun::management::Level`")]
pub type Level = management::Level;

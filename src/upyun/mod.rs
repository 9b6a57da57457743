//! Upyun (又拍云): its wire families.
//!
//! | family | module | feature |
//! |---|---|---|
//! | [`Family::UpyunManagement`](crate::Family::UpyunManagement) | [`management`] | `upyun-management` |

pub mod management;

/// Moved to [`management::Code`].
#[cfg(feature = "upyun-management")]
#[deprecated(since = "0.2.0", note = "use `errcat::upyun::management::Code`")]
pub type Code = management::Code;

/// Moved to [`management::Structure`].
#[deprecated(since = "0.2.0", note = "use `errcat::upyun::management::Structure`")]
pub type Structure = management::Structure;

/// Moved to [`management::Level`].
#[deprecated(since = "0.2.0", note = "use `errcat::upyun::management::Level`")]
pub type Level = management::Level;

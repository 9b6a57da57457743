//! Tencent Cloud API 2.0 (CDN): 16 public codes ([`Code`]) and 63 module codes ([`ModuleCode`]).
//!
//! A response is `{"code": 4000, "message": "(2130)非法ProjectID参数", ...}`: `code` is the
//! public code (0 is success) and the module code, where there is one, stands in parentheses at
//! the start of `message` ([`split_message`]).
//!
//! # Examples
//!
//! ```
//! use errcat::{ApiError, ErrorKind, tencent_cdn::{self, Code, ModuleCode}};
//!
//! let public = Code::from_code("4000").unwrap();
//! assert_eq!(public.kind(), ErrorKind::InvalidRequest);
//!
//! let (module, text) = tencent_cdn::split_message("(2130)非法ProjectID参数").unwrap();
//! assert_eq!((module, text), ("2130", "非法ProjectID参数"));
//! assert_eq!(ModuleCode::from_code(module), Some(ModuleCode::InvalidProjectId));
//! ```

crate::macros::include_generated!("tencent_cdn.rs", "data/tencent-cdn.json");

pub use generated::{Code, ModuleCode};

/// Splits a message into its module code and its text: `"(2130)非法ProjectID参数"` gives
/// `("2130", "非法ProjectID参数")`. The code is any run of ASCII digits, optionally negative;
/// white space after the parenthesis is skipped. `None` when the message does not start with one.
///
/// # Examples
///
/// ```
/// use errcat::tencent_cdn::split_message;
///
/// assert_eq!(split_message("(-1) internal"), Some(("-1", "internal")));
/// assert_eq!(split_message("no module code"), None);
/// assert_eq!(split_message("(12a)x"), None);
/// ```
#[must_use]
pub fn split_message(message: &str) -> Option<(&str, &str)> {
    let rest = message.trim_start().strip_prefix(['(', '（'])?;
    let end = rest.find([')', '）'])?;
    let code = &rest[..end];
    let digits = code.strip_prefix('-').unwrap_or(code);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let after = &rest[end..];
    let after = after.strip_prefix([')', '）']).unwrap_or(after);
    Some((code, after.trim_start()))
}

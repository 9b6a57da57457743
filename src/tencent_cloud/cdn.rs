//! Tencent Cloud API 2.0 (CDN): 16 public codes (`Code`) and 63 module codes (`ModuleCode`).
//! Feature `tencent-cloud-cdn` (default).
//!
//! A response is `{"code": 4000, "message": "(2130)非法ProjectID参数", ...}`: `code` is the
//! public code (0 is success) and the module code, where there is one, stands in parentheses at
//! the start of `message` ([`split_message`]).
//!
//! # Examples
//!
//! ```
//! use errcat::{ApiError, ErrorKind, tencent_cloud::cdn::{self, Code, ModuleCode}};
//!
//! let public = Code::from_code("4000").unwrap();
//! assert_eq!(public.kind(), ErrorKind::InvalidRequest);
//!
//! let (module, text) = cdn::split_message("(2130)非法ProjectID参数").unwrap();
//! assert_eq!((module, text), ("2130", "非法ProjectID参数"));
//! assert_eq!(ModuleCode::from_code(module), Some(ModuleCode::InvalidProjectId));
//! ```

use std::borrow::Cow;

use crate::AnyCode;
use crate::response::kit::{
    Body, Fields, Headers, Read, is_numeric, plain_text, scalar, sub_cow, unread_body_of_200_vendor,
};
use crate::response::{Basis, ParsedError, Problem};

#[cfg(feature = "tencent-cloud-cdn")]
pub use crate::tables::tencent_cloud_cdn::{Code, ModuleCode};

/// A Tencent CDN error's own details: the module code at the start of its message.
///
/// # Examples
///
/// ```
/// use errcat::{Outcome, Response, tencent_cloud::cdn::{Details, ModuleCode}};
///
/// let body = r#"{"code": 4000, "message": "(2130)非法ProjectID参数"}"#;
/// let Outcome::Error(err) = Response::new(body.as_bytes()).explain()? else { panic!() };
/// let details = Details::of(&err).unwrap();
/// assert_eq!(details.module_code(), Some("2130"));
/// assert_eq!(details.typed_module_code(), Some(ModuleCode::InvalidProjectId));
/// # Ok::<(), errcat::ParseError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Details<'e> {
    module_code: Option<&'e str>,
    module: Option<AnyCode>,
}

impl<'e> Details<'e> {
    /// The details of `err`, when it is a Tencent CDN error.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::{Outcome, Response, tencent_cloud::cdn::Details};
    ///
    /// let body = r#"{"code": 4000, "message": "(2130)非法ProjectID参数"}"#;
    /// let Outcome::Error(err) = Response::new(body.as_bytes()).explain()? else { panic!() };
    /// assert!(Details::of(&err).is_some());
    /// // Tencent Cloud API 3.0 is another family of the same vendor.
    /// let body = br#"{"Response": {"Error": {"Code": "InternalError", "Message": "m"}, "RequestId": "r"}}"#;
    /// let Outcome::Error(other) = Response::new(body).explain()? else { panic!() };
    /// assert_eq!(Details::of(&other), None);
    /// # Ok::<(), errcat::ParseError>(())
    /// ```
    #[must_use]
    pub fn of(err: &'e ParsedError<'_>) -> Option<Self> {
        (crate::ApiError::family(err) == crate::Family::TencentCdn).then(|| Self {
            module_code: err.detail_of(crate::Family::TencentCdn),
            module: err.detail_code,
        })
    }

    /// The module code from the start of the message, as received, documented or not.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::{Outcome, Response, tencent_cloud::cdn::Details};
    ///
    /// let module = |message: &str| {
    ///     let body = format!(r#"{{"code": 4000, "message": "{message}"}}"#);
    ///     let Ok(Outcome::Error(err)) = Response::new(body.as_bytes()).explain() else { panic!() };
    ///     Details::of(&err).unwrap().module_code().map(str::to_owned)
    /// };
    /// assert_eq!(module("(2130)非法ProjectID参数").as_deref(), Some("2130"));
    /// assert_eq!(module("(99999)undocumented").as_deref(), Some("99999"));
    /// assert_eq!(module("no module code").as_deref(), None);
    /// ```
    #[must_use]
    pub fn module_code(&self) -> Option<&'e str> {
        self.module_code
    }

    /// The module code, when the catalog documents it.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::{Outcome, Response, tencent_cloud::cdn::{Details, ModuleCode}};
    ///
    /// let module = |message: &str| {
    ///     let body = format!(r#"{{"code": 4000, "message": "{message}"}}"#);
    ///     let Ok(Outcome::Error(err)) = Response::new(body.as_bytes()).explain() else { panic!() };
    ///     Details::of(&err).unwrap().typed_module_code()
    /// };
    /// assert_eq!(module("(2130)非法ProjectID参数"), Some(ModuleCode::InvalidProjectId));
    /// assert_eq!(module("(99999)undocumented"), None);
    /// ```
    #[cfg(feature = "tencent-cloud-cdn")]
    #[must_use]
    pub fn typed_module_code(&self) -> Option<ModuleCode> {
        match self.module {
            Some(AnyCode::TencentCdnModule(code)) => Some(code),
            _ => None,
        }
    }
}

/// A body whose `code` is a number or a string of digits, with a `message`, and something only
/// API 2.0 sends: its `codeDesc` field, a documented public code, or a documented module code
/// at the start of the message. (`{"code": 4001, "message": "…"}` alone is anybody's.)
/// The module code first: it is the one `parse` looks up (the public code, when the module code
/// is documented, only on demand).
pub(crate) fn detect_body(f: &Fields<'_>) -> bool {
    if f.message.is_none() || !f.code.is_some_and(is_numeric) {
        return false;
    }
    let module = || plain_text(f.message).and_then(module_code_text);
    f.code_desc.is_some()
        || f.documented_in_table(crate::Family::TencentCdn, MODULE, module())
        || f.documented_in_table(crate::Family::TencentCdn, PUBLIC, plain_text(f.code))
}

/// The family's tables: the public codes (`Code`), then the module codes (`ModuleCode`).
const PUBLIC: usize = 0;
const MODULE: usize = 1;

/// `code` 0 is a success; otherwise the public code, and the module code in the message.
pub(crate) fn parse<'a>(err: &mut ParsedError<'a>, _: &Headers<'a>, body: &Body<'a>) -> Read {
    let Some(f) = &body.fields else {
        return unread_body_of_200_vendor(err, body);
    };
    err.raw_code = scalar(f.code, Problem::CodeWrongType, &mut err.problems);
    err.message = scalar(f.message, Problem::MessageWrongType, &mut err.problems);
    if err.raw_code.as_deref() == Some("0") {
        return Read::Success;
    }
    err.detail = err
        .message
        .as_ref()
        .and_then(|m: &Cow<'a, str>| sub_cow(m, module_code_text));
    err.detail_code = (err.detail.as_deref())
        .and_then(|code| f.exact_in(crate::Family::TencentCdn, MODULE, code));
    // `code` is a public code: resolved in the public table, never to a module code that happens
    // to have the same number. A documented module code is the more specific meaning: it is the
    // entry, and the public code is typed only when asked for (the walk would find an entry that
    // the module code's replaces).
    if let Some(module) = err.detail_code {
        err.code_in = u8::try_from(PUBLIC).ok();
        err.entry = Some(module.entry());
        err.rule = None;
        err.basis = Basis::Exact;
    } else {
        err.resolve_raw_in(Some(PUBLIC), Some(f));
    }
    err.finish();
    Read::Error
}

/// Splits a message into its module code and its text: `"(2130)非法ProjectID参数"` gives
/// `("2130", "非法ProjectID参数")`. The code is any run of ASCII digits, optionally negative;
/// white space after the parenthesis is skipped. `None` when the message does not start with one.
///
/// # Examples
///
/// ```
/// use errcat::tencent_cloud::cdn::split_message;
///
/// assert_eq!(split_message("(-1) internal"), Some(("-1", "internal")));
/// assert_eq!(split_message("no module code"), None);
/// assert_eq!(split_message("(12a)x"), None);
/// ```
#[must_use]
pub fn split_message(message: &str) -> Option<(&str, &str)> {
    let (code, after) = split_code(message)?;
    Some((code, after.trim_start()))
}

/// The module code at the start of a message, as [`split_message`] gives it, without the text.
fn module_code_text(message: &str) -> Option<&str> {
    split_code(message).map(|(code, _)| code)
}

/// [`split_message`]'s module code, and what follows its closing parenthesis, untrimmed.
#[inline]
fn split_code(message: &str) -> Option<(&str, &str)> {
    // Trimming decodes the first character: skipped when it is the parenthesis, as it is in
    // the vendor's messages.
    let text = if message.starts_with('(') {
        message
    } else {
        message.trim_start()
    };
    let rest = text.strip_prefix('(').or_else(|| text.strip_prefix('（'))?;
    // An optional `-`, ASCII digits, then the closing parenthesis: read as bytes (the digits and
    // the sign are ASCII, so the slices stay on character boundaries).
    let bytes = rest.as_bytes();
    let sign = usize::from(bytes.first() == Some(&b'-'));
    let digits = bytes[sign..]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count();
    if digits == 0 {
        return None;
    }
    let (code, after) = rest.split_at(sign + digits);
    let after = after
        .strip_prefix(')')
        .or_else(|| after.strip_prefix('）'))?;
    Some((code, after))
}

//! errcat's own errors: what went wrong when *using* the catalog. Never confused with
//! [`ApiError`](crate::ApiError), which describes a vendor's error.

use thiserror::Error;

/// A string is not a documented code of the table it was parsed as.
///
/// Returned by `FromStr`/`TryFrom<&str>` of every code enum. It names the table; the caller
/// already holds the input.
///
/// # Examples
///
/// ```
/// let err = "99999".parse::<errcat::upyun::management::Code>().unwrap_err();
/// assert_eq!(err.to_string(), "not a documented code of errcat::upyun::management::Code");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Error)]
#[error("not a documented code of {table}")]
pub struct UnknownCode {
    table: &'static str,
}

impl UnknownCode {
    #[allow(dead_code, reason = "unused when no family's feature is enabled")]
    pub(crate) const fn new(table: &'static str) -> Self {
        Self { table }
    }

    /// The path of the code type that was asked, such as `errcat::upyun::management::Code`.
    ///
    /// # Examples
    ///
    /// ```
    /// let err = "nope".parse::<errcat::tencent_cloud::common::Code>().unwrap_err();
    /// assert_eq!(err.table(), "errcat::tencent_cloud::common::Code");
    /// ```
    #[must_use]
    pub const fn table(&self) -> &'static str {
        self.table
    }
}

/// A name (vendor or family slug, error kind) is not one errcat knows.
///
/// # Examples
///
/// ```
/// let err = "aws".parse::<errcat::Vendor>().unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     "unknown vendor \"aws\": expected one of cloudbypass, tencent-cloud, aliyun, upyun"
/// );
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Error)]
#[error("unknown {what} {given:?}: expected one of {expected}")]
pub struct UnknownName {
    what: &'static str,
    given: Box<str>,
    expected: &'static str,
}

impl UnknownName {
    /// The longest part of the rejected input kept for the message.
    const KEEP: usize = 64;

    pub(crate) fn new(what: &'static str, given: &str, expected: &'static str) -> Self {
        let mut end = given.len().min(Self::KEEP);
        while !given.is_char_boundary(end) {
            end -= 1;
        }
        Self {
            what,
            given: given[..end].into(),
            expected,
        }
    }
}

/// A family's tables are not compiled in: its cargo feature is off.
///
/// Returned by lookups that name a disabled family, so that a missing table never reads as an
/// undocumented code.
///
/// # Examples
///
/// ```
/// use errcat::Family;
///
/// let family = Family::UpyunManagement;
/// match family.sources() {
///     Ok(sources) => assert!(!sources.is_empty()),
///     Err(e) => assert_eq!(
///         e.to_string(),
///         "the tables of family upyun/management are not compiled in: enable the cargo feature `upyun-management`"
///     ),
/// }
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Error)]
#[error("the tables of family {family} are not compiled in: enable the cargo feature `{}`", family.feature())]
pub struct Disabled {
    family: crate::Family,
}

impl Disabled {
    pub(crate) const fn new(family: crate::Family) -> Self {
        Self { family }
    }

    /// The disabled family.
    ///
    /// # Examples
    ///
    /// ```
    /// if let Err(e) = errcat::Family::TencentCdn.sources() {
    ///     assert_eq!(e.family(), errcat::Family::TencentCdn);
    /// }
    /// ```
    #[must_use]
    pub const fn family(&self) -> crate::Family {
        self.family
    }
}

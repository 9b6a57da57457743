//! Tencent Cloud API 3.0: the 38 common error codes, in two tables by source (`Code`, 26;
//! `PageCode`, 12). Feature `tencent-cloud-common` (default).
//!
//! A failed call answers `{"Response": {"Error": {"Code": "AuthFailure.SignatureFailure",
//! "Message": "..."}, "RequestId": "..."}}`. Codes are dotted, `Parent.Sub`; products return
//! many sub-codes no common table lists, which `Code::resolve` maps through the one resolution
//! walk ([`catalog::resolve`](crate::catalog::resolve)): a classification in the data, else the
//! nearest listed parent.
//!
//! # Examples
//!
//! ```
//! use errcat::{ApiError, ErrorKind, tencent_cloud::common::Code};
//!
//! let code: Code = "AuthFailure.SignatureExpire".parse()?;
//! assert_eq!(code.kind(), ErrorKind::Unauthenticated);
//! assert_eq!(code.message().unwrap().en, "Signature expired.");
//! # Ok::<(), errcat::UnknownCode>(())
//! ```

#[cfg(feature = "tencent-cloud-products")]
use crate::response::Found;
use crate::response::kit::{
    Body, Fields, Headers, Read, is_object, scalar, unread_body_of_200_vendor,
};
use crate::response::{ParsedError, Problem};

#[cfg(feature = "tencent-cloud-common")]
pub use crate::tables::tencent_cloud_common::{Code, PageCode};

#[cfg(feature = "tencent-cloud-common")]
pub use resolved::Resolved;

#[cfg(feature = "tencent-cloud-common")]
mod resolved {
    use super::Code;
    use crate::response::Basis;
    use crate::{AnyCode, ApiError, Classification, Family};

    /// How [`Code::resolve`] matched a raw code.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::tencent_cloud::common::{Code, Resolved};
    ///
    /// let describe = |raw| match Code::resolve(raw) {
    ///     Some(Resolved::Exact(code)) => format!("documented: {code}"),
    ///     Some(Resolved::Parent(code)) => format!("a sub-code of {code}"),
    ///     Some(Resolved::Classified(rule, _)) => format!("classified as {}", rule.kind()),
    ///     Some(_) => "resolved".to_owned(),
    ///     None => "unknown".to_owned(),
    /// };
    /// assert_eq!(describe("InternalError"), "documented: InternalError");
    /// assert_eq!(describe("ResourceNotFound.NoSuchBucket"), "a sub-code of ResourceNotFound");
    /// assert_eq!(describe("AuthFailure.Something"), "classified as unauthenticated");
    /// assert_eq!(describe("Nonsense"), "unknown");
    /// ```
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
    #[non_exhaustive]
    pub enum Resolved {
        /// The raw code is listed.
        Exact(Code),
        /// The raw code is not listed; this is its nearest listed ancestor (`A` for `A.B`).
        Parent(Code),
        /// The data classifies the raw code or an ancestor (a family the table does not list,
        /// or a sub-code whose meaning differs from its parent), with the nearest listed
        /// ancestor, if any, for its texts.
        Classified(&'static Classification, Option<Code>),
    }

    impl Resolved {
        /// The listed code, exact or ancestor, if any.
        ///
        /// # Examples
        ///
        /// ```
        /// use errcat::tencent_cloud::common::Code;
        ///
        /// let code = |raw| Code::resolve(raw).and_then(|r| r.code());
        /// assert_eq!(code("InvalidParameter.InvalidZoneName"), Some(Code::InvalidParameter));
        /// // Classified with a listed ancestor for its texts, and without one.
        /// assert_eq!(code("LimitExceeded.PhoneNumberDailyLimit"), Some(Code::LimitExceeded));
        /// assert_eq!(code("AuthFailure.Something"), None);
        /// ```
        #[must_use]
        pub fn code(self) -> Option<Code> {
            match self {
                Self::Exact(code) | Self::Parent(code) => Some(code),
                Self::Classified(_, code) => code,
            }
        }
    }

    fn common(code: AnyCode) -> Option<Code> {
        match code {
            AnyCode::TencentCloudCommon(code) => Some(code),
            #[allow(unreachable_patterns)] // with only this family enabled
            _ => None,
        }
    }

    impl Code {
        /// Resolves a raw code through the one resolution walk
        /// ([`catalog::resolve`](crate::catalog::resolve)) within this table: the listed code
        /// itself; else the nearest classified or listed level
        /// (`LimitExceeded.PhoneNumberThirtySecondLimit` is classified a rate limit;
        /// `InvalidParameter.InvalidZoneName` falls back to `InvalidParameter`). A code the
        /// family's other table ([`PageCode`](super::PageCode)) lists resolves here to its nearest `Code`
        /// ancestor; `catalog::resolve` gives the `PageCode` itself. O(number of dots).
        ///
        /// # Examples
        ///
        /// ```
        /// use errcat::tencent_cloud::common::{Code, Resolved};
        ///
        /// assert_eq!(
        ///     Code::resolve("InvalidParameter.InvalidZoneName"),
        ///     Some(Resolved::Parent(Code::InvalidParameter))
        /// );
        /// assert_eq!(Code::resolve("InternalError"), Some(Resolved::Exact(Code::InternalError)));
        /// assert!(matches!(
        ///     Code::resolve("LimitExceeded.PhoneNumberDailyLimit"),
        ///     Some(Resolved::Classified(_, Some(Code::LimitExceeded)))
        /// ));
        /// assert_eq!(Code::resolve("NoSuchFamily.Sub"), None);
        /// // Listed in the other table: here, its `Code` parent.
        /// assert_eq!(
        ///     Code::resolve("RequestLimitExceeded.UinLimitExceeded"),
        ///     Some(Resolved::Parent(Code::RequestLimitExceeded))
        /// );
        /// ```
        #[must_use]
        pub fn resolve(raw: &str) -> Option<Resolved> {
            // The walk within this table: what `catalog::resolve` finds in another table of the
            // family (`PageCode`) is not a `Code`, and this answers with `Code`s.
            let family = Family::TencentCloudCommon;
            let info = family.enabled_info().ok()?;
            let r = crate::resolve::walk_in(family, info, raw, Some(0));
            let code = ApiError::entry(&r).and_then(|e| common(e.any_code()));
            match r.basis() {
                Basis::Exact => code.map(Resolved::Exact),
                Basis::Family => code.map(Resolved::Parent),
                Basis::Classification => r
                    .classification()
                    .map(|rule| Resolved::Classified(rule, code)),
                _ => None,
            }
        }
    }
}

/// A body with a `Response` object, or an `Error` object next to a `RequestId`.
pub(crate) fn detect_body(f: &Fields<'_>) -> bool {
    is_object(f.response) || (is_object(f.error) && f.request_id.is_some())
}

/// No `Error` is a success; otherwise the error's `Code` and `Message`.
pub(crate) fn parse<'a>(err: &mut ParsedError<'a>, _: &Headers<'a>, body: &Body<'a>) -> Read {
    let Some(f) = &body.fields else {
        return unread_body_of_200_vendor(err, body);
    };
    // `{"Response": {...}}`, or the inner object on its own.
    let (error, fields, request_id) = if is_object(f.response) {
        (f.inner.error, f.inner.inner_error, f.inner.request_id)
    } else {
        (f.error, f.outer_error, f.request_id)
    };
    err.request_id = scalar(request_id, Problem::RequestIdWrongType, &mut err.problems);
    // No `Error`, or `"Error": null`: a success.
    let Some(error) = error else {
        return Read::Success;
    };
    if !is_object(Some(error)) {
        err.problems.add(Problem::CodeWrongType);
        err.finish();
        return Read::Error;
    }
    let error = fields;
    err.raw_code = scalar(error.code, Problem::CodeWrongType, &mut err.problems);
    err.message = scalar(error.message, Problem::MessageWrongType, &mut err.problems);
    resolve(err, body.fields.as_ref());
    err.finish();
    Read::Error
}

/// The common family's walk; with the products' tables (feature `tencent-cloud-products`), their
/// walk, with the response's product hint (`tencent_cloud::products::resolve`).
fn resolve(err: &mut ParsedError<'_>, fields: Option<&Fields<'_>>) {
    #[cfg(feature = "tencent-cloud-products")]
    if let Some(raw) = err.raw_code.as_deref() {
        let found = Found::of(&crate::resolve::walk_tencent(raw, err.product));
        err.store(Ok(found));
        return;
    }
    err.resolve_raw(fields);
}

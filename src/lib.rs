//! A typed, constant-time catalog of the error codes of cloud/API vendors, one wire family at a
//! time: Tencent Cloud API 3.0 and API 2.0 (CDN), Upyun's management, REST, form and old
//! multipart upload APIs, Cloudbypass's API, Alibaba Cloud's API Gateway and the `hmac-auth`
//! plugin of Higress, Alibaba's open-source gateway.
//!
//! Every code the vendors document is a variant of a `#[non_exhaustive]` enum in its family's
//! module, with the exact wire code, the message in Chinese and English, the vendor's
//! description and remedy, the documented HTTP status, a cross-vendor [`ErrorKind`] and retry
//! advice. All lookups are O(1) through perfect-hash maps and tables built at compile time from
//! `data/`; none allocates, and nothing is built at run time (but for the optional Tencent Cloud
//! product codes, whose [`Entry`] values are built per product on first use: see
//! [`tencent_cloud::products`]).
//!
//! # A tour
//!
//! Match on a typed code:
//!
//! ```
//! use errcat::upyun;
//!
//! let code: upyun::management::Code = "21402".parse()?;
//! let advice = match code {
//!     upyun::management::Code::OperatorAlreadyExists => "reuse the existing operator",
//!     _ => "see the catalog",
//! };
//! assert_eq!(advice, "reuse the existing operator");
//! # Ok::<(), errcat::UnknownCode>(())
//! ```
//!
//! Ask what a raw code means and whether to retry, through the [`ApiError`] trait:
//!
//! ```
//! use errcat::{ApiError, ErrorKind, Vendor, catalog};
//!
//! let code = catalog::lookup(Vendor::TencentCloud, "RequestLimitExceeded")?.unwrap();
//! assert_eq!(code.kind(), ErrorKind::RateLimited);
//! assert!(code.is_retryable());
//! assert_eq!(code.message().unwrap().zh, "请求的次数超过了频率限制。");
//! # Ok::<(), errcat::Disabled>(())
//! ```
//!
//! Look up across vendors by code, HTTP status, header or message:
//!
//! ```
//! use errcat::{AnyCode, catalog, aliyun::apigateway::Code};
//!
//! assert_eq!(catalog::by_status(503).len(), 43); // 1 Alibaba Cloud, 41 Upyun REST, 1 Upyun form
//! let m = catalog::by_header("x-ca-error-message", "Throttled by APP Flow Control").unwrap();
//! assert_eq!(m.code(), AnyCode::AliyunApiGateway(Code::ThrottledByAppFlowControl));
//! assert_eq!(catalog::by_message("Bucket not found").len(), 3);
//! ```
//!
//! Explain a raw HTTP response (see [`response`] for the detection rules and limits):
//!
//! ```
//! use errcat::{ApiError, ErrorKind, Outcome, Response};
//!
//! let body = br#"{"error_code": "21402", "request": "PUT /operators/", "message": "Operator already exists."}"#;
//! let Outcome::Error(err) = Response::new(body).with_status(409).explain()? else { panic!() };
//! assert_eq!(err.raw_code(), Some("21402"));
//! assert_eq!(err.message(), Some("Operator already exists."));
//! assert_eq!(err.kind(), ErrorKind::Conflict);
//! # Ok::<(), errcat::ParseError>(())
//! ```
//!
//! # Vendors, families and features
//!
//! A [`Vendor`] (the company) speaks one or more wire [`Family`]s: one body shape, code space and
//! set of tables each, with its own module, detection rule and parser. Each family's tables sit
//! behind a cargo feature; the ten below are on by default. With a family's feature off, its
//! data is not compiled, its lookups answer [`Disabled`], and `explain` still reads its responses
//! (flagged [`response::Problem::TablesDisabled`]). Cloudbypass's balance API documents no code:
//! its family has no table, only its sources, and explain reads its errors as received.
//!
//! | family | module | code types | feature |
//! |---|---|---|---|
//! | Tencent Cloud API 3.0, common codes | [`tencent_cloud::common`] | `Code`, `PageCode` | `tencent-cloud-common` |
//! | Upyun (又拍云) management API | [`upyun::management`] | `Code` | `upyun-management` |
//! | Tencent Cloud API 2.0 (CDN) | [`tencent_cloud::cdn`] | `Code`, `ModuleCode` | `tencent-cloud-cdn` |
//! | Cloudbypass (穿云API) | [`cloudbypass::api`] | `Code` | `cloudbypass-api` |
//! | Alibaba Cloud API Gateway | [`aliyun::apigateway`] | `Code`, `ErrorCode` | `aliyun-apigateway` |
//! | Upyun (又拍云) REST API (cloud storage) | [`upyun::rest`] | `Code` | `upyun-rest` |
//! | Upyun (又拍云) form API | [`upyun::form`] | `Code` | `upyun-form` |
//! | Upyun (又拍云) old multipart upload API | [`upyun::multipart`] | `Code` | `upyun-multipart` |
//! | Higress `hmac-auth` plugin (Alibaba's open-source gateway) | [`aliyun::higress_hmac_auth`] | `Code` | `aliyun-higress-hmac-auth` |
//! | Tencent Cloud API 3.0, product codes (not default) | [`tencent_cloud::products`] | entries, `Root` | `tencent-cloud-products` (turns on `tencent-cloud-common`) |
//! | Cloudbypass (穿云API) balance API | [`cloudbypass::balance`] | none (no documented code) | `cloudbypass-balance` |
//!
//! Other features: `http` (`Response::from_http` explains an `http::Response` directly) and `cli`
//! (the `errcat` command-line tool).
//!
//! Every entry names where the vendor documents it ([`Entry::source`]): the document's title,
//! URL and version, and the row or line.

#![forbid(unsafe_code)]
#![deny(missing_docs, rustdoc::broken_intra_doc_links)]
#![warn(missing_debug_implementations)]

mod api_error;
pub mod catalog;
mod entry;
mod error;
mod family;
mod header;
mod kind;
mod macros;
mod message_key;
mod resolve;
pub mod response;
mod source;
mod tables;
mod vendor;
pub mod wait;

pub mod aliyun;
pub mod cloudbypass;
pub mod tencent_cloud;
pub mod upyun;

pub use api_error::ApiError;
pub use catalog::AnyCode;
pub use entry::{Classification, Entry, Text};
pub use error::{Disabled, UnknownCode, UnknownName};
pub use header::{Header, HeaderRole};
pub use kind::ErrorKind;
pub use resolve::Resolution;
pub use response::{Outcome, ParseError, ParsedError, Response};
pub use source::{Citation, Cite, Source};
pub use vendor::{Family, StatusMeaning, Vendor};
pub use wait::{RetryAfter, Wait, Window};

/// Moved to [`tencent_cloud::cdn`]: Tencent CDN is a family of the vendor Tencent Cloud.
///
/// # Examples
///
/// ```
/// #[allow(deprecated)]
/// use errcat::tencent_cdn::Code as OldCode;
/// use errcat::tencent_cloud::cdn::Code;
///
/// // The same type under its old path.
/// let code: OldCode = Code::ResourceNotFound;
/// assert_eq!(code.as_str(), "5000");
/// ```
#[deprecated(since = "0.2.0", note = "use `errcat::tencent_cloud::cdn`")]
pub mod tencent_cdn {
    #[allow(unused_imports, reason = "empty when the family's feature is off")]
    pub use crate::tencent_cloud::cdn::*;
}

/// Moved to [`aliyun::apigateway`]: the API Gateway is a family of the vendor Alibaba Cloud.
///
/// # Examples
///
/// ```
/// #[allow(deprecated)]
/// use errcat::aliyun_apigateway::Code as OldCode;
/// use errcat::aliyun::apigateway::Code;
///
/// // The same type under its old path.
/// let code: OldCode = Code::QuotaExhausted;
/// assert_eq!(code.as_str(), "Quota Exhausted");
/// ```
#[deprecated(since = "0.2.0", note = "use `errcat::aliyun::apigateway`")]
pub mod aliyun_apigateway {
    #[allow(unused_imports, reason = "empty when the family's feature is off")]
    pub use crate::aliyun::apigateway::*;
}

/// The README's examples, run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

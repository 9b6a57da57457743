//! Alibaba Cloud API Gateway: 29 error codes, each with its documented HTTP status.
//!
//! The gateway reports an error in response headers: `X-Ca-Error-Message` holds the code (the
//! code *is* the message text, such as `Throttled by APP Flow Control`) and `X-Ca-Request-Id`
//! the id to quote to support. One code is a template,
//! `Invalid Signature, Server StringToSign:%s`, whose real value carries the gateway's
//! string-to-sign: resolve header values with [`catalog::by_header`](crate::catalog::by_header).
//!
//! # Examples
//!
//! ```
//! use errcat::{ApiError, ErrorKind, aliyun_apigateway::Code};
//!
//! let code = Code::from_code("Quota Exhausted").unwrap();
//! assert_eq!(code.http_status(), Some(403));
//! assert_eq!(code.kind(), ErrorKind::QuotaExceeded);
//! assert!(!code.is_retryable());
//!
//! // The document's misspelling `TThrottled` is an alias of the corrected code.
//! assert_eq!(
//!     Code::from_code("TThrottled by GROUP Flow Control"),
//!     Some(Code::ThrottledByGroupFlowControl)
//! );
//! assert_eq!(Code::ThrottledByGroupFlowControl.as_str(), "Throttled by GROUP Flow Control");
//! ```

crate::macros::include_generated!("aliyun_apigateway.rs", "data/aliyun-apigateway.json");

pub use generated::Code;

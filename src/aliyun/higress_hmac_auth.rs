//! Higress `hmac-auth` plugin: 7 error codes, each with the HTTP status the plugin sends. Feature
//! `aliyun-higress-hmac-auth` (default).
//!
//! Higress, Alibaba's open-source gateway (alibaba/higress), verifies requests signed as for the
//! Alibaba Cloud API Gateway (`x-ca-key`, `x-ca-signature`) with its `hmac-auth` plugin, which
//! answers a failure in the classic gateway's style but with statuses of its own (`Invalid Key`
//! 401, `Empty Signature` 401, `Unauthorized Consumer` 403, ...) and with the code as the
//! plain-text body. On a bad signature it adds one header, the gateway's `x-ca-error-message`,
//! holding ``Server StringToSign:`<the server's string-to-sign>` `` (newlines sent as `#`) where
//! the gateway sends `Invalid Signature, Server StringToSign:<...>`. The table is
//! `plugins/wasm-cpp/extensions/hmac_auth/plugin.cc` at bd670855; see
//! [`Entry::source`](crate::Entry::source) for each code's line.
//!
//! The plugin's responses carry no header of their own, so
//! [`Response::explain`](crate::Response::explain) recognises them by what only the plugin sends:
//! an `X-Ca-Error-Message` that starts with `Server StringToSign:` (without the gateway's
//! `Invalid Signature, `), or a plain-text body that is one of the plugin's codes, answered with
//! the status the plugin sends for it; or by a family hint. The raw code is the body's text, the
//! message the `x-ca-error-message` header when there is one (else the body), and the
//! string-to-sign its template parameter.
//!
//! # Examples
//!
//! ```
//! use errcat::{ApiError, ErrorKind, Family, Outcome, Response, aliyun::higress_hmac_auth::Code};
//!
//! let code: Code = "Invalid Key".parse()?;
//! assert_eq!((code.http_status(), code.kind()), (Some(401), ErrorKind::Unauthenticated));
//!
//! // A bad signature, as the plugin answers it.
//! let headers = [("x-ca-error-message", "Server StringToSign:`GET#application/json##application/json##X-Ca-Key:200000#X-Ca-Timestamp:1589458000000#/app/v1/config/keys?keys=TEST`")];
//! let outcome = Response::new(b"Invalid Signature").with_status(400).with_headers(&headers).explain().unwrap();
//! assert_eq!(outcome.family(), Some(Family::AliyunHigressHmacAuth));
//! let err = outcome.error().unwrap();
//! assert_eq!(err.typed_code(), Some(Code::InvalidSignature.into()));
//! assert_eq!(
//!     err.template_parameter(),
//!     Some("GET#application/json##application/json##X-Ca-Key:200000#X-Ca-Timestamp:1589458000000#/app/v1/config/keys?keys=TEST")
//! );
//! # Ok::<(), errcat::UnknownCode>(())
//! ```

use std::borrow::Cow;

use crate::response::kit::{Body, Fields, Headers, Read, header_text, sub_cow};
use crate::response::{Basis, ParsedError};
use crate::{Family, HeaderRole};

#[cfg(feature = "aliyun-higress-hmac-auth")]
pub use crate::tables::aliyun_higress_hmac_auth::Code;

/// The text before the string-to-sign in the plugin's `x-ca-error-message` (plugin.cc line 389).
const STRING_TO_SIGN: &str = "Server StringToSign:";

/// The longest body read as a code: the plugin's codes are one short line each.
const MAX_CODE: usize = 256;

/// The server's string-to-sign in an `x-ca-error-message` value of the plugin's form,
/// ``Server StringToSign:`...` ``: the text between the backticks (after the colon, when they are
/// missing), as sent, its newlines replaced by `#`. `None` for any other value, the gateway's
/// `Invalid Signature, Server StringToSign:...` included.
///
/// # Examples
///
/// ```
/// use errcat::aliyun::higress_hmac_auth::string_to_sign;
///
/// assert_eq!(string_to_sign("Server StringToSign:`GET#*/*##/v1`"), Some("GET#*/*##/v1"));
/// assert_eq!(string_to_sign("Invalid Signature, Server StringToSign:GET"), None);
/// ```
#[must_use]
pub fn string_to_sign(message: &str) -> Option<&str> {
    let rest = message.strip_prefix(STRING_TO_SIGN)?;
    Some(
        rest.strip_prefix('`')
            .and_then(|r| r.strip_suffix('`'))
            .unwrap_or(rest),
    )
}

/// Whether the response's headers are the plugin's: the API Gateway's `X-Ca-Error-Message`
/// holding the plugin's string-to-sign, which the gateway itself prefixes with
/// `Invalid Signature, `.
pub(crate) fn claims(headers: &Headers<'_>) -> bool {
    headers
        .get(Family::AliyunApiGateway, HeaderRole::ErrorMessage)
        .is_some_and(|v| v.starts_with(STRING_TO_SIGN.as_bytes()))
}

/// Whether a plain-text body is the plugin's: one of its codes, answered with the status the
/// plugin sends for it (false with the family's tables disabled).
pub(crate) fn detect_text(bytes: &[u8], status: Option<u16>) -> bool {
    let (Some(status), Some(code)) = (status, body_code(bytes)) else {
        return false;
    };
    crate::catalog::lookup_in(Family::AliyunHigressHmacAuth, code)
        .ok()
        .flatten()
        .is_some_and(|c| c.entry().http_status() == Some(status))
}

/// The body as a code: UTF-8 text of one line, at most [`MAX_CODE`] bytes, white space around it
/// trimmed; `None` for anything else (empty, a page, binary).
fn body_code(bytes: &[u8]) -> Option<&str> {
    let text = std::str::from_utf8(bytes).ok()?.trim();
    (!text.is_empty() && text.len() <= MAX_CODE && !text.contains(['\n', '\r'])).then_some(text)
}

/// The plugin's responses are plain text: no JSON body shape is its own.
pub(crate) fn detect_body(_: &Fields<'_>) -> bool {
    false
}

/// A status below 400 is a success; otherwise the code is the body's text and the message the
/// `x-ca-error-message` header (else the body), whose string-to-sign is the template parameter.
pub(crate) fn parse<'a>(err: &mut ParsedError<'a>, headers: &Headers<'a>, body: &Body<'a>) -> Read {
    let message = headers
        .get(Family::AliyunApiGateway, HeaderRole::ErrorMessage)
        .map(|v| header_text(v, &mut err.problems));
    let code = body_code(body.bytes).map(Cow::Borrowed);
    if err.status.is_some_and(|s| s < 400)
        || (err.status.is_none() && code.is_none() && message.is_none())
    {
        return Read::Success;
    }
    err.parameter = message.as_ref().and_then(|m| sub_cow(m, string_to_sign));
    err.raw_code = code;
    err.message = message.or_else(|| err.raw_code.clone());
    err.resolve_raw(None);
    // The string-to-sign header is sent with Invalid Signature only (plugin.cc line 91): it names
    // the code when the body does not.
    if err.entry.is_none() && err.rule.is_none() && err.parameter.is_some() {
        let code = crate::catalog::lookup_in(Family::AliyunHigressHmacAuth, "Invalid Signature");
        if let Ok(Some(code)) = code {
            err.entry = Some(code.entry());
            err.basis = Basis::Message;
        }
    }
    err.finish();
    Read::Error
}

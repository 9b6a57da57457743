//! Cloudbypass (穿云API) balance API: no documented code or message. Feature
//! `cloudbypass-balance` (default).
//!
//! The console's balance API (`https://console.cloudbypass.com/api/v1/balance`, a host of its
//! own, not the proxy API's `api.cloudbypass.com`) answers a success with HTTP 200 and
//! `{"balance": ...}`, and an error with any other status and a JSON body whose message is its
//! `detail` member, `{"detail": ...}`. That is all its sources say: the vendor's page documents
//! the request and the success only (cloudbypass/cloudbypass.github.com
//! `docs/us-en/credit_balance.md` at 259f398f, lines 7-15), and both of the vendor's SDKs read
//! an error without listing a single code or message (cloudbypass/python-sdk
//! `src/cloudbypass/sessions.py` at 1bc0491b, lines 85-86, and `src/cloudbypass/exceptions.py`
//! line 6; cloudbypass/nodejs-sdk `lib/api.js` at 29789498, lines 24-26). The `Unknown Error`
//! and `Balance API error` they fall back on are their own texts, not the server's.
//!
//! So the family has no code table, and no typed code: nothing documented could be one, and
//! errcat does not invent codes from messages nobody published. (The data folder,
//! `data/cloudbypass/balance/`, holds the sources and the lines cited, `layout: "codeless"` in
//! the registry; [`Family::sources`](crate::Family::sources) lists them.) An error is explained
//! as received:
//!
//! - the message is `detail` as received ([`ParsedError::received_message`]), else `message`
//!   (the Node.js SDK reads it when `detail` is absent); a `detail` that is not a string (an
//!   array, as the validation errors of the `FastAPI` framework are) is kept as its JSON text,
//!   as the Node.js SDK shows it;
//! - there is no code and no request id;
//! - the kind is the one the HTTP status suggests ([`ErrorKind::from_http_status`]), with its
//!   default retry advice ([`Basis::HttpStatus`](crate::response::Basis::HttpStatus));
//! - HTTP 200 is a success, whatever the body; any other status is an error, as both SDKs read
//!   it; without a status, a body with `detail` (or `message`) is an error and any other a
//!   success.
//!
//! # Detection
//!
//! A `detail` member alone is no evidence: `FastAPI` and Django REST framework, among many,
//! answer errors as `{"detail": ...}`, and the balance API sends no header of its own that its
//! sources document. So [`Response::explain`](crate::Response::explain) never picks this family from the
//! body alone (such a response is [`Outcome::Unrecognized`](crate::Outcome::Unrecognized)). It
//! picks it:
//!
//! - with the family hint ([`Response::with_family`](crate::Response::with_family)); or
//! - with the Cloudbypass vendor hint ([`Response::with_vendor`](crate::Response::with_vendor)),
//!   for a JSON object with a `detail` member and neither the API's `id` nor its `code` (a
//!   response with the API's `x-cb-status` header, or with a documented API `code`, stays the
//!   API's).
//!
//! # Examples
//!
//! ```
//! use errcat::{ApiError, ErrorKind, Family, Outcome, Response, Vendor};
//!
//! let body = br#"{"detail": "Invalid apikey"}"#;
//! // The body alone is no evidence: many APIs answer so.
//! let outcome = Response::new(body).with_status(401).explain()?;
//! assert!(matches!(outcome, Outcome::Unrecognized(_)));
//!
//! // Named: the message as received, the kind from the status.
//! let outcome = Response::new(body).with_status(401).with_vendor(Vendor::Cloudbypass).explain()?;
//! assert_eq!(outcome.family(), Some(Family::CloudbypassBalance));
//! let err = outcome.error().unwrap();
//! assert_eq!(err.received_message(), Some("Invalid apikey"));
//! assert_eq!((err.raw_code(), err.entry()), (None, None));
//! assert_eq!(err.kind(), ErrorKind::Unauthenticated);
//!
//! // HTTP 200 is the balance.
//! let outcome = Response::new(br#"{"balance": 9999816}"#)
//!     .with_status(200)
//!     .with_family(Family::CloudbypassBalance)
//!     .explain()?;
//! assert!(matches!(outcome, Outcome::Success(_)));
//! # Ok::<(), errcat::ParseError>(())
//! ```
//!
//! [`ParsedError::received_message`]: crate::ParsedError::received_message
//! [`ErrorKind::from_http_status`]: crate::ErrorKind::from_http_status

use crate::response::kit::{Body, Fields, Headers, Read, scalar_or_json};
use crate::response::{ParsedError, Problem};

/// The balance API's responses carry nothing that only it sends: no JSON body shape is its own
/// evidence (see the [module docs](self#detection)).
pub(crate) fn detect_body(_: &Fields<'_>) -> bool {
    false
}

/// Under the Cloudbypass vendor hint: a body with `detail` and neither of the API's `id` and
/// `code` members is the balance API's.
pub(crate) fn detect_hinted(f: &Fields<'_>) -> bool {
    f.detail.is_some() && f.id.is_none() && f.code.is_none()
}

/// HTTP 200 is a success; any other status an error whose message is `detail` (else
/// `message`), as received; without a status, a body with either is an error.
pub(crate) fn parse<'a>(err: &mut ParsedError<'a>, _: &Headers<'a>, body: &Body<'a>) -> Read {
    let fields = body.fields.as_ref();
    let said = fields.and_then(|f| f.detail.or(f.message));
    match err.status {
        Some(200) => return Read::Success,
        None if said.is_none() => {
            return if body.invalid.is_some() {
                Read::InvalidBody
            } else {
                Read::Success
            };
        }
        _ => {}
    }
    if body.invalid.is_some() {
        return Read::InvalidBody;
    }
    match fields {
        Some(_) => err.message = scalar_or_json(said, Problem::MessageWrongType, &mut err.problems),
        // Not JSON (a proxy's page, nothing at all): an error with no message, and said so.
        None if !body.too_large => err.problems.add(Problem::BodyUnreadable),
        None => {}
    }
    err.finish();
    Read::Error
}

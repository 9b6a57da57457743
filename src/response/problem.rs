//! What explain could not read while still answering ([`Problem`]), and input it cannot read
//! at all ([`ParseError`]).

use std::fmt;

use serde::Serialize;
use serde::ser::Serializer;

use crate::Family;

/// Something explain could not read, while still returning what it could.
///
/// # Examples
///
/// ```
/// use errcat::{Outcome, Response, response::Problem};
///
/// // A Cloudbypass failure whose body is the target site's page: no code, and said so.
/// let headers = [("x-cb-status", "")];
/// let outcome = Response::new(b"<html>Access denied</html>").with_status(403).with_headers(&headers).explain()?;
/// let Outcome::Error(err) = outcome else { panic!() };
/// assert_eq!(err.raw_code(), None);
/// assert_eq!(err.problems().collect::<Vec<_>>(), [Problem::BodyUnreadable]);
/// # Ok::<(), errcat::ParseError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Problem {
    /// The body was over [`MAX_BODY`](super::MAX_BODY) and was not parsed.
    BodyTooLarge,
    /// A header value was not UTF-8; it is kept with U+FFFD for the invalid bytes.
    HeaderNotUtf8,
    /// The code field had a type that cannot be a code: an object or array (dropped) or a
    /// boolean (kept as written).
    CodeWrongType,
    /// The message field had a type that cannot be a message.
    MessageWrongType,
    /// The request id field had a type that cannot be an id.
    RequestIdWrongType,
    /// Upyun's `request` field had a type that cannot be a request line.
    RequestWrongType,
    /// The field with the family's own detail had a type that cannot be text (Upyun's form API
    /// `url`, its old multipart API `path`); it is dropped.
    DetailWrongType,
    /// The body was expected to hold the vendor's JSON error and could not be read as one (an
    /// HTML page from a proxy or the target site, invalid or truncated JSON, nothing at all); the
    /// outcome stands on the status and headers.
    BodyUnreadable,
    /// A string held an escape that is not Unicode (a lone surrogate); it is kept as written.
    InvalidEscape,
    /// The family's tables are not compiled in (its cargo feature is off): the raw code, message
    /// and request id are read, but not resolved.
    TablesDisabled,
}

impl Problem {
    const ALL: [Problem; 10] = [
        Self::BodyTooLarge,
        Self::HeaderNotUtf8,
        Self::CodeWrongType,
        Self::MessageWrongType,
        Self::RequestIdWrongType,
        Self::RequestWrongType,
        Self::DetailWrongType,
        Self::BodyUnreadable,
        Self::InvalidEscape,
        Self::TablesDisabled,
    ];

    /// A short `snake_case` name.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::response::Problem;
    ///
    /// assert_eq!(Problem::BodyTooLarge.as_str(), "body_too_large");
    /// assert_eq!(Problem::HeaderNotUtf8.to_string(), "header_not_utf8");
    /// ```
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::BodyTooLarge => "body_too_large",
            Self::HeaderNotUtf8 => "header_not_utf8",
            Self::CodeWrongType => "code_wrong_type",
            Self::MessageWrongType => "message_wrong_type",
            Self::RequestIdWrongType => "request_id_wrong_type",
            Self::RequestWrongType => "request_wrong_type",
            Self::DetailWrongType => "detail_wrong_type",
            Self::BodyUnreadable => "body_unreadable",
            Self::InvalidEscape => "invalid_escape",
            Self::TablesDisabled => "tables_disabled",
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A set of [`Problem`]s, without allocating. Serializes as the list of their names.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Problems(u16);

impl Serialize for Problems {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

/// Serializes as its `snake_case` name.
impl Serialize for Problem {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl Problems {
    pub(crate) fn add(&mut self, p: Problem) {
        self.0 |= 1 << (p as u8);
    }
    pub(crate) fn iter(self) -> impl Iterator<Item = Problem> {
        Problem::ALL
            .into_iter()
            .filter(move |p| self.0 & (1 << (*p as u8)) != 0)
    }
}

/// Input explain cannot read.
///
/// # Examples
///
/// ```
/// use errcat::{Family, ParseError, Response};
///
/// // Upyun's body was expected, and it is broken JSON.
/// let err = Response::new(b"{\"error_code\": ").with_family(Family::UpyunManagement).explain().unwrap_err();
/// assert!(matches!(err, ParseError::Json { family: Some(Family::UpyunManagement), .. }));
/// assert_eq!(err.to_string(), "invalid upyun/management response body");
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ParseError {
    /// The body had to be read as JSON and is not valid JSON.
    #[error("invalid {} response body", family.map_or("JSON", Family::slug))]
    Json {
        /// The family the body was read for, if known.
        family: Option<Family>,
        /// `serde_json`'s error, with line and column.
        #[source]
        source: serde_json::Error,
    },
    /// No longer returned: a body over [`MAX_BODY`](super::MAX_BODY) is never an error on its
    /// own (the outcome says what was not read, [`Problem::BodyTooLarge`]). Kept for this
    /// release so that matches on it compile.
    #[deprecated(since = "0.2.0", note = "explain no longer fails on a large body")]
    #[error("response body of {len} bytes is over the {limit}-byte limit")]
    BodyTooLarge {
        /// The body's length.
        len: usize,
        /// [`MAX_BODY`](super::MAX_BODY).
        limit: usize,
    },
}

impl ParseError {
    /// The 1-based line and column of a JSON error.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::Response;
    ///
    /// let err = Response::new(b"{\n  \"code\": 40,\n  \"message\": }").explain().unwrap_err();
    /// assert_eq!(err.position(), Some((3, 14)));
    /// ```
    #[must_use]
    pub fn position(&self) -> Option<(usize, usize)> {
        match self {
            Self::Json { source, .. } => Some((source.line(), source.column())),
            #[allow(deprecated)]
            Self::BodyTooLarge { .. } => None,
        }
    }
}

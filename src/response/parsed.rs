//! [`ParsedError`]: a vendor error read from a response, what explain could not read
//! ([`Problem`]), and input it cannot read at all ([`ParseError`]).

use std::borrow::Cow;
use std::fmt;

use crate::upyun;
use crate::{AnyCode, ApiError, Classification, Entry, ErrorKind, Family};

pub use crate::resolve::Basis;

/// Something explain could not read, while still returning what it could.
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
    const ALL: [Problem; 9] = [
        Self::BodyTooLarge,
        Self::HeaderNotUtf8,
        Self::CodeWrongType,
        Self::MessageWrongType,
        Self::RequestIdWrongType,
        Self::RequestWrongType,
        Self::BodyUnreadable,
        Self::InvalidEscape,
        Self::TablesDisabled,
    ];

    /// A short `snake_case` name.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::BodyTooLarge => "body_too_large",
            Self::HeaderNotUtf8 => "header_not_utf8",
            Self::CodeWrongType => "code_wrong_type",
            Self::MessageWrongType => "message_wrong_type",
            Self::RequestIdWrongType => "request_id_wrong_type",
            Self::RequestWrongType => "request_wrong_type",
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

/// A set of [`Problem`]s, without allocating.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Problems(u16);

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

/// A vendor error read from a response: the typed code when the catalog knows it, and always
/// what was received.
///
/// Implements [`ApiError`]: `code()` is the raw code as received (empty when the response carries
/// none), `entry()` the catalog entry (exact or family), and `kind()`/`is_retryable()` are
/// classified from the entry, else from the HTTP status.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParsedError<'a> {
    pub(crate) family: Family,
    pub(crate) status: Option<u16>,
    pub(crate) raw_code: Option<Cow<'a, str>>,
    pub(crate) code: Option<AnyCode>,
    pub(crate) message: Option<Cow<'a, str>>,
    pub(crate) request_id: Option<Cow<'a, str>>,
    pub(crate) parameter: Option<Cow<'a, str>>,
    /// The family's own detail, as received (Tencent CDN: the module code from the message;
    /// Upyun management: the request line; Alibaba Cloud API Gateway: `X-Ca-Error-Code`); read
    /// through the family's `Details` view.
    pub(crate) detail: Option<Cow<'a, str>>,
    /// The documented code of `detail`, where the family has one (Tencent CDN's module code).
    pub(crate) detail_code: Option<AnyCode>,
    pub(crate) entry: Option<&'static Entry>,
    pub(crate) rule: Option<&'static Classification>,
    pub(crate) basis: Basis,
    /// The kind when there is no entry.
    pub(crate) fallback_kind: ErrorKind,
    pub(crate) problems: Problems,
}

impl ParsedError<'_> {
    pub(crate) fn new(family: Family, status: Option<u16>) -> Self {
        Self {
            family,
            status,
            raw_code: None,
            code: None,
            message: None,
            request_id: None,
            parameter: None,
            detail: None,
            detail_code: None,
            entry: None,
            rule: None,
            basis: Basis::None,
            fallback_kind: ErrorKind::Unknown,
            problems: Problems::default(),
        }
    }

    /// The code exactly as received (a number's digits as written), or `None` when the response
    /// carries no code (a Cloudbypass failure whose body is the target's page, say).
    #[must_use]
    pub fn raw_code(&self) -> Option<&str> {
        self.raw_code.as_deref()
    }

    /// The typed code, when the catalog documents the raw code exactly.
    #[must_use]
    pub fn typed_code(&self) -> Option<AnyCode> {
        self.code
    }

    /// Tencent CDN: the module code from the start of the message, as received, documented or not.
    #[deprecated(
        since = "0.2.0",
        note = "use `errcat::tencent_cloud::cdn::Details::of(&err)`"
    )]
    #[must_use]
    pub fn module_code(&self) -> Option<&str> {
        self.detail_of(Family::TencentCdn)
    }

    /// Tencent CDN: the typed module code, when the catalog documents it.
    #[cfg(feature = "tencent-cloud-cdn")]
    #[deprecated(
        since = "0.2.0",
        note = "use `errcat::tencent_cloud::cdn::Details::of(&err)`"
    )]
    #[must_use]
    pub fn typed_module_code(&self) -> Option<crate::tencent_cloud::cdn::ModuleCode> {
        match self.detail_code {
            Some(AnyCode::TencentCdnModule(code)) => Some(code),
            _ => None,
        }
    }

    /// The vendor's message as received, never replaced by catalog text.
    #[must_use]
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// The request id to quote to the vendor's support.
    #[must_use]
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }

    /// Upyun: the structure (level, module) of the raw code, decoded only for codes of the
    /// documented five-digit family. Moved to the family's view,
    /// [`upyun::management::Details`](crate::upyun::management::Details).
    #[deprecated(
        since = "0.2.0",
        note = "use `errcat::upyun::management::Details::of(&err)`"
    )]
    #[must_use]
    pub fn upyun_structure(&self) -> Option<upyun::management::Structure> {
        if self.family != Family::UpyunManagement {
            return None;
        }
        self.raw_code
            .as_deref()
            .and_then(upyun::management::Structure::parse)
    }

    /// Upyun: the request line the vendor echoes (`PUT /operators/`).
    #[deprecated(
        since = "0.2.0",
        note = "use `errcat::upyun::management::Details::of(&err)`"
    )]
    #[must_use]
    pub fn request(&self) -> Option<&str> {
        self.detail_of(Family::UpyunManagement)
    }

    /// For a template code (Aliyun `Invalid Signature, Server StringToSign:%s`): the filled-in
    /// part, which for that code is the gateway's string-to-sign, to diff against your own.
    #[must_use]
    pub fn template_parameter(&self) -> Option<&str> {
        self.parameter.as_deref()
    }

    /// Aliyun: the `X-Ca-Error-Code` header newer gateways send, as received (the raw code is the
    /// `X-Ca-Error-Message` text, which the gateway's table documents).
    #[deprecated(
        since = "0.2.0",
        note = "use `errcat::aliyun::apigateway::Details::of(&err)`"
    )]
    #[must_use]
    pub fn error_code_header(&self) -> Option<&str> {
        self.detail_of(Family::AliyunApiGateway)
    }

    /// The HTTP status, if given.
    #[must_use]
    pub fn status(&self) -> Option<u16> {
        self.status
    }

    /// The classification that gave the kind, when [`basis`](Self::basis) is
    /// [`Basis::Classification`].
    #[must_use]
    pub fn classification(&self) -> Option<&'static Classification> {
        self.rule
    }

    /// How the entry was found.
    #[must_use]
    pub fn basis(&self) -> Basis {
        self.basis
    }

    /// Whether the catalog documents the raw code, i.e. [`typed_code`](Self::typed_code) is
    /// `Some`: exactly, or for Aliyun as a filled-in template or a documented code with detail
    /// appended (the raw code keeps the detail). A Tencent CDN error may instead have only a
    /// documented module code, which is then its entry, under an unlisted public code.
    #[must_use]
    pub fn is_known(&self) -> bool {
        self.code.is_some()
    }

    /// What could not be read.
    pub fn problems(&self) -> impl Iterator<Item = Problem> {
        self.problems.iter()
    }

    /// The family's own detail, for a view of `family`.
    pub(crate) fn detail_of(&self, family: Family) -> Option<&str> {
        if self.family == family {
            self.detail.as_deref()
        } else {
            None
        }
    }

    /// Resolves the raw code through the family's walk (`catalog::resolve`).
    pub(crate) fn resolve_raw(&mut self) {
        self.resolve_raw_in(None);
    }

    /// Resolves the raw code through the family's walk, a code found exactly being one of the
    /// family's table number `table`, when given.
    pub(crate) fn resolve_raw_in(&mut self, table: Option<usize>) {
        let Some(raw) = self.raw_code.as_deref() else {
            return;
        };
        let resolved = self
            .family
            .enabled_info()
            .map(|info| crate::resolve::walk_in(self.family, info, raw, table));
        match resolved {
            Ok(r) => {
                self.code = r.typed_code();
                self.entry = ApiError::entry(&r);
                self.rule = r.classification();
                self.basis = r.basis();
                if let (Some(p), Some(raw)) = (r.parameter(), &self.raw_code) {
                    // The parameter is the raw code's suffix: borrow it from the input when the
                    // raw code is borrowed.
                    let start = raw.len() - p.len();
                    self.parameter = Some(match raw {
                        Cow::Borrowed(t) => Cow::Borrowed(&t[start..]),
                        Cow::Owned(t) => Cow::Owned(t[start..].to_owned()),
                    });
                }
            }
            Err(_) => self.problems.add(Problem::TablesDisabled),
        }
    }

    /// With no entry, classify by the HTTP status.
    pub(crate) fn finish(&mut self) {
        if self.entry.is_some() || self.rule.is_some() {
            return;
        }
        let Some(status) = self.status else { return };
        self.fallback_kind = match (self.family, status) {
            // Cloudbypass mirrors the target's status: with no Cloudbypass error body, a refusal
            // or a server error came from the target site, not from Cloudbypass.
            (Family::CloudbypassApi, 401 | 403) => ErrorKind::Blocked,
            (Family::CloudbypassApi, 500..=599) => ErrorKind::Upstream,
            _ => ErrorKind::from_http_status(status),
        };
        if self.fallback_kind != ErrorKind::Unknown {
            self.basis = Basis::HttpStatus;
        }
    }
}

impl ApiError for ParsedError<'_> {
    fn family(&self) -> Family {
        self.family
    }

    fn code(&self) -> &str {
        self.raw_code.as_deref().unwrap_or("")
    }

    fn entry(&self) -> Option<&'static Entry> {
        self.entry
    }

    /// The entry's kind; without an entry, the kind the HTTP status suggests (for Cloudbypass,
    /// whose status mirrors the target's, 401/403 are `blocked` and 5xx `upstream`), else
    /// `unknown`.
    fn kind(&self) -> ErrorKind {
        crate::resolve::advice(self.rule, self.entry, self.fallback_kind).0
    }

    /// The classification's advice, else the entry's, else the kind's default.
    fn is_retryable(&self) -> bool {
        crate::resolve::advice(self.rule, self.entry, self.fallback_kind).1
    }
}

/// Input explain cannot read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ParseError {
    /// The body had to be read as JSON and is not valid JSON.
    #[error("invalid {} response body: {source}", family.map_or("JSON", Family::slug))]
    Json {
        /// The family the body was read for, if known.
        family: Option<Family>,
        /// `serde_json`'s error, with line and column.
        #[source]
        source: serde_json::Error,
    },
    /// The body had to be read to tell the vendor, and is over [`MAX_BODY`](super::MAX_BODY).
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
    #[must_use]
    pub fn position(&self) -> Option<(usize, usize)> {
        match self {
            Self::Json { source, .. } => Some((source.line(), source.column())),
            Self::BodyTooLarge { .. } => None,
        }
    }
}

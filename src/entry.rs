//! [`Entry`]: one documented code and everything the vendor says about it.

use serde::Serialize;
use serde::ser::{SerializeStruct, Serializer};

use crate::{AnyCode, ErrorKind, Vendor};

/// A text in Chinese and English.
///
/// `zh` is the vendor's text where the vendor writes Chinese, `en` where it writes English; the
/// other language is a faithful translation (the data file notes which).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Text {
    /// Chinese.
    pub zh: &'static str,
    /// English.
    pub en: &'static str,
}

/// One documented code of one vendor's table, with all its metadata.
///
/// Every `&'static Entry` comes from the generated tables; get one from a typed code
/// (`upyun::Code::OperatorAlreadyExists.entry()`), from [`AnyCode::entry`], or from a lookup in
/// [`catalog`](crate::catalog).
///
/// Serializes as the entry object of the `errcat` CLI: `vendor`, `code`, `aliases`, `name`,
/// `kind`, `retryable`, `http_status`, `message`, `description`, `remedy`, `docs_url`, ...
///
/// # Examples
///
/// ```
/// use errcat::{ErrorKind, Vendor, aliyun_apigateway::Code};
///
/// let entry = Code::ThrottledByAppFlowControl.entry();
/// assert_eq!(entry.vendor(), Vendor::AliyunApiGateway);
/// assert_eq!(entry.code(), "Throttled by APP Flow Control");
/// assert_eq!(entry.http_status(), Some(403));
/// assert_eq!(entry.kind(), ErrorKind::RateLimited);
/// assert!(entry.is_retryable());
/// ```
#[derive(Debug)]
pub struct Entry {
    pub(crate) code: AnyCode,
    pub(crate) wire: &'static str,
    pub(crate) aliases: &'static [&'static str],
    pub(crate) name: &'static str,
    pub(crate) message: Text,
    pub(crate) message_aliases: &'static [&'static str],
    pub(crate) description: Option<Text>,
    pub(crate) remedy: Option<Text>,
    pub(crate) http_status: Option<u16>,
    pub(crate) kind: ErrorKind,
    pub(crate) retryable: bool,
    pub(crate) retry_reason: Option<&'static str>,
    pub(crate) docs_url: Option<&'static str>,
    pub(crate) versions: Option<crate::cloudbypass::Versions>,
    pub(crate) line: u32,
    pub(crate) note: Option<&'static str>,
}

impl Entry {
    /// The typed code of this entry.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::{AnyCode, upyun};
    ///
    /// let entry = upyun::Code::BucketNotFound.entry();
    /// assert_eq!(entry.any_code(), AnyCode::Upyun(upyun::Code::BucketNotFound));
    /// ```
    #[must_use]
    pub fn any_code(&self) -> AnyCode {
        self.code
    }

    /// The vendor whose table documents this code.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(errcat::upyun::Code::BucketNotFound.entry().vendor(), errcat::Vendor::Upyun);
    /// ```
    #[must_use]
    pub fn vendor(&self) -> Vendor {
        self.code.vendor()
    }

    /// The wire code, exactly as the vendor sends it.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(errcat::upyun::Code::BucketNotFound.entry().code(), "21203");
    /// ```
    #[must_use]
    pub fn code(&self) -> &'static str {
        self.wire
    }

    /// Other spellings that resolve to this entry, such as a misspelling in the vendor's document.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::aliyun_apigateway::Code;
    ///
    /// let entry = Code::ThrottledByGroupFlowControl.entry();
    /// assert_eq!(entry.aliases(), ["TThrottled by GROUP Flow Control"]);
    /// ```
    #[must_use]
    pub fn aliases(&self) -> &'static [&'static str] {
        self.aliases
    }

    /// The Rust variant name, such as `OperatorAlreadyExists`.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(errcat::upyun::Code::OperatorAlreadyExists.entry().name(), "OperatorAlreadyExists");
    /// ```
    #[must_use]
    pub fn name(&self) -> &'static str {
        self.name
    }

    /// The message in Chinese and English.
    ///
    /// # Examples
    ///
    /// ```
    /// let message = errcat::upyun::Code::OperatorAlreadyExists.entry().message();
    /// assert_eq!(message.en, "Operator already exists.");
    /// assert_eq!(message.zh, "操作员帐号已经存在");
    /// ```
    #[must_use]
    pub fn message(&self) -> Text {
        self.message
    }

    /// Message spellings documented by the vendor that the catalog corrected (typos); reverse
    /// lookup by message finds the entry by these too.
    ///
    /// # Examples
    ///
    /// ```
    /// let entry = errcat::upyun::Code::PurgeDailyLimitExceeded.entry();
    /// assert_eq!(entry.message_aliases(), ["Purge reflesh must not over 5 times per day."]);
    /// ```
    #[must_use]
    pub fn message_aliases(&self) -> &'static [&'static str] {
        self.message_aliases
    }

    /// The vendor's longer explanation, where it gives one.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::tencent_cdn::Code;
    ///
    /// let description = Code::ResourceNotFound.entry().description().unwrap();
    /// assert!(description.zh.starts_with("资源标识对应的实例不存在"));
    /// ```
    #[must_use]
    pub fn description(&self) -> Option<Text> {
        self.description
    }

    /// What the vendor says to do about it, where it says.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::tencent_cdn::ModuleCode;
    ///
    /// assert_eq!(ModuleCode::InvalidProjectId.entry().remedy().unwrap().zh, "请确认后重试");
    /// ```
    #[must_use]
    pub fn remedy(&self) -> Option<Text> {
        self.remedy
    }

    /// The HTTP status the vendor documents for this code, if it documents one.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::aliyun_apigateway::Code;
    ///
    /// assert_eq!(Code::EmptySignature.entry().http_status(), Some(404));
    /// assert_eq!(errcat::upyun::Code::BucketNotFound.entry().http_status(), None);
    /// ```
    #[must_use]
    pub fn http_status(&self) -> Option<u16> {
        self.http_status
    }

    /// The cross-vendor kind.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::ErrorKind;
    ///
    /// assert_eq!(errcat::upyun::Code::BucketNotFound.entry().kind(), ErrorKind::NotFound);
    /// ```
    #[must_use]
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// Whether retrying the same request can help: the kind's default unless the data overrides
    /// it (see [`retry_reason`](Self::retry_reason)).
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::cloudbypass::Code;
    ///
    /// assert!(Code::DnsError.entry().is_retryable());
    /// assert!(!Code::InvalidParameter.entry().is_retryable());
    /// ```
    #[must_use]
    pub fn is_retryable(&self) -> bool {
        self.retryable
    }

    /// Why this entry's retry advice differs from its kind's default, when it does.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::cloudbypass::Code;
    ///
    /// let entry = Code::ChallengeLockOccupied.entry();
    /// assert!(entry.is_retryable() != entry.kind().is_retryable_by_default());
    /// assert!(entry.retry_reason().is_some());
    /// assert_eq!(Code::InvalidParameter.entry().retry_reason(), None);
    /// ```
    #[must_use]
    pub fn retry_reason(&self) -> Option<&'static str> {
        self.retry_reason
    }

    /// A documentation link: the one the vendor gives for this code, else the vendor's error-code
    /// page, where it has one.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::aliyun_apigateway::Code;
    ///
    /// assert_eq!(
    ///     Code::QuotaExhausted.entry().docs_url(),
    ///     Some("https://help.aliyun.com/document_detail/43906.html")
    /// );
    /// assert_eq!(errcat::upyun::Code::BucketNotFound.entry().docs_url(), None);
    /// ```
    #[must_use]
    pub fn docs_url(&self) -> Option<&'static str> {
        self.docs_url.or_else(|| self.vendor().docs_url())
    }

    /// The Cloudbypass API versions that return this code (Cloudbypass entries only).
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::cloudbypass::{Code, Versions};
    ///
    /// assert_eq!(Code::CloudflareFiveSecondShield.entry().versions(), Some(Versions::V1));
    /// assert_eq!(errcat::upyun::Code::BucketNotFound.entry().versions(), None);
    /// ```
    #[must_use]
    pub fn versions(&self) -> Option<crate::cloudbypass::Versions> {
        self.versions
    }

    /// Where the vendor documents the code: the seed document's file name and the 1-based line.
    ///
    /// # Examples
    ///
    /// ```
    /// let (seed, line) = errcat::upyun::Code::OperatorAlreadyExists.entry().seed();
    /// assert_eq!(seed, "003_64ab1c58c0931e38.txt");
    /// assert!(line > 0);
    /// ```
    #[must_use]
    pub fn seed(&self) -> (&'static str, u32) {
        (self.vendor().seed(), self.line)
    }

    /// How a flaw of the vendor's document was cleaned for this entry, if one was.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::aliyun_apigateway::Code;
    ///
    /// assert!(Code::NonceUsed.entry().note().is_some());
    /// ```
    #[must_use]
    pub fn note(&self) -> Option<&'static str> {
        self.note
    }
}

/// Entries are equal when they are the same code's entry.
impl PartialEq for Entry {
    fn eq(&self, other: &Self) -> bool {
        self.code == other.code
    }
}

impl Eq for Entry {}

impl Serialize for Entry {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (seed, line) = self.seed();
        let mut s = serializer.serialize_struct("Entry", 16)?;
        s.serialize_field("vendor", &self.vendor())?;
        s.serialize_field("code", self.wire)?;
        s.serialize_field("aliases", self.aliases)?;
        s.serialize_field("name", self.name)?;
        s.serialize_field("kind", &self.kind)?;
        s.serialize_field("retryable", &self.retryable)?;
        s.serialize_field("retry_reason", &self.retry_reason)?;
        s.serialize_field("http_status", &self.http_status)?;
        s.serialize_field("message", &self.message)?;
        s.serialize_field("message_aliases", self.message_aliases)?;
        s.serialize_field("description", &self.description)?;
        s.serialize_field("remedy", &self.remedy)?;
        s.serialize_field("docs_url", &self.docs_url())?;
        s.serialize_field("versions", &self.versions)?;
        s.serialize_field("seed", &Seed { file: seed, line })?;
        s.serialize_field("note", &self.note)?;
        s.end()
    }
}

#[derive(Serialize)]
struct Seed {
    file: &'static str,
    line: u32,
}

/// How unlisted codes at and below a code are classified: kind and retry advice for codes the
/// vendor's table does not list, with the reason and where the knowledge comes from.
///
/// Not a catalog entry: the code is not in the vendor's table (see `data/README.md`).
///
/// # Examples
///
/// ```
/// use errcat::{ErrorKind, Vendor};
///
/// let rule = Vendor::TencentCloud
///     .classification("LimitExceeded.PhoneNumberThirtySecondLimit")
///     .unwrap();
/// assert_eq!(rule.kind(), ErrorKind::RateLimited);
/// assert!(rule.is_retryable());
/// assert!(!rule.reason().is_empty());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Classification {
    pub(crate) vendor: Vendor,
    pub(crate) code: &'static str,
    pub(crate) kind: ErrorKind,
    pub(crate) retryable: bool,
    pub(crate) retry_reason: Option<&'static str>,
    pub(crate) reason: &'static str,
    pub(crate) source: Option<&'static str>,
}

impl Classification {
    /// The vendor.
    #[must_use]
    pub fn vendor(&self) -> Vendor {
        self.vendor
    }

    /// The code (or family prefix) it classifies.
    #[must_use]
    pub fn code(&self) -> &'static str {
        self.code
    }

    /// The kind of codes it classifies.
    #[must_use]
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// Whether retrying can help.
    #[must_use]
    pub fn is_retryable(&self) -> bool {
        self.retryable
    }

    /// Why the retry advice differs from the kind's default, when it does.
    #[must_use]
    pub fn retry_reason(&self) -> Option<&'static str> {
        self.retry_reason
    }

    /// Why codes here get this kind.
    #[must_use]
    pub fn reason(&self) -> &'static str {
        self.reason
    }

    /// Where the knowledge comes from, when not the seed document.
    #[must_use]
    pub fn source(&self) -> Option<&'static str> {
        self.source
    }
}

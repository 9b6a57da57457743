//! [`Entry`]: one documented code and everything the vendor says about it; [`Classification`]:
//! how codes no table lists are classified.

use serde::Serialize;
use serde::ser::{SerializeStruct, Serializer};

use crate::{AnyCode, Citation, ErrorKind, Family, Source, Vendor, Wait};

/// A text in Chinese and English.
///
/// `zh` is the vendor's text where the vendor writes Chinese, `en` where it writes English; the
/// other language is a faithful translation (the data file notes which).
///
/// # Examples
///
/// ```
/// use errcat::{Text, upyun::management::Code};
///
/// let message: Text = Code::BucketNotFound.entry().message();
/// assert_eq!(message.zh, "空间不存在");
/// assert_eq!(message.en, "Bucket not found.");
/// ```
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
/// (`upyun::management::Code::OperatorAlreadyExists.entry()`), from [`AnyCode::entry`], or from a lookup in
/// [`catalog`](crate::catalog).
///
/// Serializes as the entry object of the `errcat` CLI: `vendor`, `code`, `aliases`, `name`,
/// `kind`, `retryable`, `http_status`, `message`, `description`, `remedy`, `docs_url`, ...
///
/// # Examples
///
/// ```
/// use errcat::{ErrorKind, Vendor, aliyun::apigateway::Code};
///
/// let entry = Code::ThrottledByAppFlowControl.entry();
/// assert_eq!(entry.vendor(), Vendor::Aliyun);
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
    pub(crate) wait: Option<Wait>,
    pub(crate) docs_url: Option<&'static str>,
    pub(crate) source: &'static Source,
    pub(crate) section: Option<&'static str>,
    pub(crate) at: Option<u32>,
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
    /// let entry = upyun::management::Code::BucketNotFound.entry();
    /// assert_eq!(entry.any_code(), AnyCode::UpyunManagement(upyun::management::Code::BucketNotFound));
    /// ```
    #[must_use]
    pub fn any_code(&self) -> AnyCode {
        self.code
    }

    /// The family whose table documents this code.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::{Family, upyun::management::Code};
    ///
    /// assert_eq!(Code::BucketNotFound.entry().family(), Family::UpyunManagement);
    /// ```
    #[must_use]
    pub fn family(&self) -> Family {
        self.code.family()
    }

    /// The vendor whose table documents this code.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::{Vendor, upyun::management::Code};
    ///
    /// assert_eq!(Code::BucketNotFound.entry().vendor(), Vendor::Upyun);
    /// ```
    #[must_use]
    pub fn vendor(&self) -> Vendor {
        self.code.family().vendor()
    }

    /// The wire code, exactly as the vendor sends it.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(errcat::upyun::management::Code::BucketNotFound.entry().code(), "21203");
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
    /// use errcat::aliyun::apigateway::Code;
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
    /// assert_eq!(errcat::upyun::management::Code::OperatorAlreadyExists.entry().name(), "OperatorAlreadyExists");
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
    /// let message = errcat::upyun::management::Code::OperatorAlreadyExists.entry().message();
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
    /// use errcat::upyun::management::Code;
    ///
    /// let entry = Code::PurgeDailyLimitExceeded.entry();
    /// assert_eq!(entry.message().zh, "每天刷新次数不能多于5次");
    /// assert_eq!(
    ///     entry.message_aliases(),
    ///     ["Purge reflesh must not over 5 times per day.", "每天刷新次数不能多余5次"]
    /// );
    /// assert!(errcat::catalog::by_message("每天刷新次数不能多余5次").contains(&Code::PurgeDailyLimitExceeded.into()));
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
    /// use errcat::tencent_cloud::cdn::Code;
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
    /// use errcat::tencent_cloud::cdn::ModuleCode;
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
    /// use errcat::aliyun::apigateway::Code;
    ///
    /// assert_eq!(Code::EmptySignature.entry().http_status(), Some(404));
    /// assert_eq!(errcat::upyun::management::Code::BucketNotFound.entry().http_status(), None);
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
    /// assert_eq!(errcat::upyun::management::Code::BucketNotFound.entry().kind(), ErrorKind::NotFound);
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

    /// How long to wait before retrying: the vendor's timing where the catalog documents one
    /// (a per-day limit), else [`Wait::from_retryable`] of the retry advice.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::{Wait, Window, upyun::management::Code};
    ///
    /// assert_eq!(Code::PurgeDailyLimitExceeded.entry().wait(), Wait::NextWindow(Window::Day));
    /// assert_eq!(Code::BucketNotFound.entry().wait(), Wait::Never);
    /// ```
    #[must_use]
    pub fn wait(&self) -> Wait {
        self.wait.unwrap_or(Wait::from_retryable(self.retryable))
    }

    /// A documentation link: the one the vendor gives for this code, else the page of the
    /// document the code comes from.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::aliyun::apigateway::Code;
    ///
    /// assert_eq!(
    ///     Code::QuotaExhausted.entry().docs_url(),
    ///     Some("https://help.aliyun.com/document_detail/43906.html")
    /// );
    /// ```
    #[must_use]
    pub fn docs_url(&self) -> Option<&'static str> {
        self.docs_url.or(Some(self.source.url))
    }

    /// Where the vendor documents the code: the document, and the line or row in it.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::upyun::management::Code;
    ///
    /// let source = Code::OperatorAlreadyExists.entry().source();
    /// assert!(source.document().url().starts_with("http"));
    /// assert_eq!(source.section(), Some("错误代码"));
    /// assert!(source.to_string().contains(", row "));
    /// ```
    #[must_use]
    pub fn source(&self) -> Citation {
        Citation {
            document: self.source,
            section: self.section,
            at: self.at,
            code: self.wire,
        }
    }

    /// How a flaw of the vendor's document was cleaned for this entry, if one was.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::aliyun::apigateway::Code;
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
        let product = self.code.product_name();
        let mut s = serializer.serialize_struct("Entry", 17 + usize::from(product.is_some()))?;
        s.serialize_field("vendor", &self.vendor())?;
        s.serialize_field("family", &self.family())?;
        s.serialize_field("code", self.wire)?;
        if let Some(product) = product {
            s.serialize_field("product", product)?;
        }
        s.serialize_field("aliases", self.aliases)?;
        s.serialize_field("name", self.name)?;
        s.serialize_field("kind", &self.kind)?;
        s.serialize_field("retryable", &self.retryable)?;
        s.serialize_field("retry_reason", &self.retry_reason)?;
        s.serialize_field("wait", &self.wait())?;
        s.serialize_field("http_status", &self.http_status)?;
        s.serialize_field("message", &self.message)?;
        s.serialize_field("message_aliases", self.message_aliases)?;
        s.serialize_field("description", &self.description)?;
        s.serialize_field("remedy", &self.remedy)?;
        s.serialize_field("docs_url", &self.docs_url())?;
        s.serialize_field("source", &self.source())?;
        s.serialize_field("note", &self.note)?;
        s.end()
    }
}

/// How unlisted codes at and below a code are classified: kind and retry advice for codes the
/// vendor's table does not list, with the reason and where the knowledge comes from.
///
/// Not a catalog entry: the code is not in the vendor's table (see `data/README.md`).
///
/// # Examples
///
/// ```
/// use errcat::{ErrorKind, Family};
///
/// let rule = Family::TencentCloudCommon
///     .classification("LimitExceeded.PhoneNumberThirtySecondLimit")?
///     .unwrap();
/// assert_eq!(rule.kind(), ErrorKind::RateLimited);
/// assert!(rule.is_retryable());
/// assert!(!rule.reason().is_empty());
/// # Ok::<(), errcat::Disabled>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Classification {
    pub(crate) family: Family,
    pub(crate) code: &'static str,
    pub(crate) kind: ErrorKind,
    pub(crate) retryable: bool,
    pub(crate) retry_reason: Option<&'static str>,
    #[serde(skip)]
    pub(crate) wait: Option<Wait>,
    pub(crate) reason: &'static str,
    pub(crate) source: Option<&'static str>,
}

impl Classification {
    /// The family.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::Family;
    ///
    /// let rule = Family::TencentCloudCommon.classification("AuthFailure")?.unwrap();
    /// assert_eq!(rule.family(), Family::TencentCloudCommon);
    /// # Ok::<(), errcat::Disabled>(())
    /// ```
    #[must_use]
    pub fn family(&self) -> Family {
        self.family
    }

    /// The vendor.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::{Family, Vendor};
    ///
    /// let rule = Family::TencentCloudCommon.classification("AuthFailure")?.unwrap();
    /// assert_eq!(rule.vendor(), Vendor::TencentCloud);
    /// # Ok::<(), errcat::Disabled>(())
    /// ```
    #[must_use]
    pub fn vendor(&self) -> Vendor {
        self.family.vendor()
    }

    /// The code (or family prefix) it classifies.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::{Family, catalog};
    ///
    /// // The resolution walk finds the nearest classified level of a raw code.
    /// let r = catalog::resolve(Family::TencentCloudCommon, "AuthFailure.SomethingNew")?;
    /// assert_eq!(r.classification().unwrap().code(), "AuthFailure");
    /// # Ok::<(), errcat::Disabled>(())
    /// ```
    #[must_use]
    pub fn code(&self) -> &'static str {
        self.code
    }

    /// The kind of codes it classifies.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::{ErrorKind, Family};
    ///
    /// // A sub-code whose meaning differs from its documented parent, `FailedOperation`.
    /// let rule = Family::TencentCloudCommon
    ///     .classification("FailedOperation.InsufficientBalanceInSmsPackage")?
    ///     .unwrap();
    /// assert_eq!(rule.kind(), ErrorKind::Billing);
    /// # Ok::<(), errcat::Disabled>(())
    /// ```
    #[must_use]
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// Whether retrying can help.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::Family;
    ///
    /// let family = Family::TencentCloudCommon;
    /// assert!(family.classification("LimitExceeded.PhoneNumberThirtySecondLimit")?.unwrap().is_retryable());
    /// // A rate limit that resets daily: retrying the same day does not help.
    /// assert!(!family.classification("LimitExceeded.PhoneNumberDailyLimit")?.unwrap().is_retryable());
    /// # Ok::<(), errcat::Disabled>(())
    /// ```
    #[must_use]
    pub fn is_retryable(&self) -> bool {
        self.retryable
    }

    /// Why the retry advice differs from the kind's default, when it does.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::Family;
    ///
    /// let family = Family::TencentCloudCommon;
    /// let daily = family.classification("LimitExceeded.PhoneNumberDailyLimit")?.unwrap();
    /// assert!(daily.kind().is_retryable_by_default() && !daily.is_retryable());
    /// assert!(daily.retry_reason().unwrap().contains("daily"));
    /// // Advice as the kind's default: no reason.
    /// assert_eq!(family.classification("AuthFailure")?.unwrap().retry_reason(), None);
    /// # Ok::<(), errcat::Disabled>(())
    /// ```
    #[must_use]
    pub fn retry_reason(&self) -> Option<&'static str> {
        self.retry_reason
    }

    /// How long to wait before retrying: the vendor's timing where documented, else
    /// [`Wait::from_retryable`].
    ///
    /// # Examples
    ///
    /// ```
    /// use std::time::Duration;
    /// use errcat::{Family, Wait, Window};
    ///
    /// let rule = |code| Family::TencentCloudCommon.classification(code).unwrap().unwrap();
    /// assert_eq!(
    ///     rule("LimitExceeded.PhoneNumberThirtySecondLimit").wait(),
    ///     Wait::After(Duration::from_secs(30))
    /// );
    /// assert_eq!(rule("LimitExceeded.PhoneNumberOneHourLimit").wait(), Wait::NextWindow(Window::Hour));
    /// // No documented timing.
    /// assert_eq!(rule("LimitExceeded.DeliveryFrequencyLimit").wait(), Wait::Backoff);
    /// assert_eq!(rule("AuthFailure").wait(), Wait::Never);
    /// ```
    #[must_use]
    pub fn wait(&self) -> Wait {
        self.wait.unwrap_or(Wait::from_retryable(self.retryable))
    }

    /// Why codes here get this kind.
    ///
    /// # Examples
    ///
    /// ```
    /// let rule = errcat::Family::TencentCloudCommon.classification("AuthFailure")?.unwrap();
    /// assert!(!rule.reason().is_empty());
    /// # Ok::<(), errcat::Disabled>(())
    /// ```
    #[must_use]
    pub fn reason(&self) -> &'static str {
        self.reason
    }

    /// Where the knowledge comes from, when not the seed document.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::Family;
    ///
    /// let family = Family::TencentCloudCommon;
    /// let sms = family.classification("LimitExceeded.PhoneNumberDailyLimit")?.unwrap();
    /// assert!(sms.source().unwrap().contains("SMS"));
    /// // Known from the seed document itself.
    /// assert_eq!(family.classification("AuthFailure")?.unwrap().source(), None);
    /// # Ok::<(), errcat::Disabled>(())
    /// ```
    #[must_use]
    pub fn source(&self) -> Option<&'static str> {
        self.source
    }
}

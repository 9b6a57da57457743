//! The [`ApiError`] trait: one view of a vendor error, whatever the vendor.

use crate::{Entry, ErrorKind, Family, Text, Vendor, Wait};

/// A vendor's error, seen through the catalog.
///
/// Implemented by every code enum (`upyun::management::Code`, `tencent_cloud::common::Code`, ...), by [`AnyCode`]
/// and by errors parsed from responses. Only [`family`](Self::family), [`code`](Self::code) and
/// [`entry`](Self::entry) are required; every other method reads the catalog entry, so an error
/// whose code the catalog does not know (`entry()` is `None`) answers `None`, kind
/// [`ErrorKind::Unknown`], and not retryable unless the implementor knows better.
///
/// [`AnyCode`]: crate::AnyCode
///
/// # Examples
///
/// ```
/// use errcat::{ApiError, ErrorKind, Vendor, tencent_cloud};
///
/// fn should_retry(err: &dyn ApiError) -> bool {
///     err.is_retryable()
/// }
///
/// let code = tencent_cloud::common::Code::RequestLimitExceeded;
/// assert_eq!(code.vendor(), Vendor::TencentCloud);
/// assert_eq!(ApiError::code(&code), "RequestLimitExceeded");
/// assert_eq!(code.kind(), ErrorKind::RateLimited);
/// assert!(should_retry(&code));
/// assert_eq!(code.message().unwrap().en, "The number of requests exceeds the frequency limit.");
/// ```
pub trait ApiError {
    /// The wire family the error belongs to.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::{ApiError, Family, Outcome, Response, tencent_cloud};
    ///
    /// assert_eq!(tencent_cloud::cdn::ModuleCode::InvalidProjectId.family(), Family::TencentCdn);
    ///
    /// // A parsed error's family is the one explain detected, documented code or not.
    /// let body = br#"{"Response": {"Error": {"Code": "NoSuch.Code", "Message": "m"}, "RequestId": "r"}}"#;
    /// let Outcome::Error(err) = Response::new(body).explain()? else { panic!() };
    /// assert_eq!(err.family(), Family::TencentCloudCommon);
    /// # Ok::<(), errcat::ParseError>(())
    /// ```
    fn family(&self) -> Family;

    /// The vendor that returned the error: the family's.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::{ApiError, Vendor, tencent_cloud};
    ///
    /// // Two families of one vendor.
    /// assert_eq!(tencent_cloud::common::Code::InternalError.vendor(), Vendor::TencentCloud);
    /// assert_eq!(tencent_cloud::cdn::Code::ResourceNotFound.vendor(), Vendor::TencentCloud);
    /// ```
    fn vendor(&self) -> Vendor {
        self.family().vendor()
    }

    /// The wire code, exactly as the vendor sends it (for a parsed error: as received).
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::{ApiError, Outcome, Response, tencent_cloud::common::Code};
    ///
    /// assert_eq!(ApiError::code(&Code::AuthFailureSignatureExpire), "AuthFailure.SignatureExpire");
    ///
    /// // An undocumented sub-code is kept as received; its entry is the documented parent's.
    /// let body = br#"{"Response": {"Error": {"Code": "InvalidParameter.Zone", "Message": "m"}, "RequestId": "r"}}"#;
    /// let Outcome::Error(err) = Response::new(body).explain()? else { panic!() };
    /// assert_eq!(ApiError::code(&err), "InvalidParameter.Zone");
    /// assert_eq!(err.entry().unwrap().code(), "InvalidParameter");
    /// # Ok::<(), errcat::ParseError>(())
    /// ```
    fn code(&self) -> &str;

    /// The catalog entry, when the catalog documents the code.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::{ApiError, Entry, ErrorKind, Family, upyun};
    ///
    /// assert!(ApiError::entry(&upyun::management::Code::BucketNotFound).is_some());
    ///
    /// // An implementor whose code the catalog does not know: every provided method says so.
    /// struct Unlisted;
    ///
    /// impl ApiError for Unlisted {
    ///     fn family(&self) -> Family {
    ///         Family::UpyunManagement
    ///     }
    ///     fn code(&self) -> &str {
    ///         "29999"
    ///     }
    ///     fn entry(&self) -> Option<&'static Entry> {
    ///         None
    ///     }
    /// }
    ///
    /// assert_eq!(Unlisted.message(), None);
    /// assert_eq!(Unlisted.kind(), ErrorKind::Unknown);
    /// assert!(!Unlisted.is_retryable());
    /// ```
    fn entry(&self) -> Option<&'static Entry>;

    /// The catalog's message in Chinese and English.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::{ApiError, Outcome, Response};
    ///
    /// let body = br#"{"error_code": "21402", "request": "PUT /operators/", "message": "exists!"}"#;
    /// let Outcome::Error(err) = Response::new(body).explain()? else { panic!() };
    /// // The catalog's text, not the message the response carried.
    /// assert_eq!(ApiError::message(&err).unwrap().zh, "操作员帐号已经存在");
    /// assert_eq!(err.received_message(), Some("exists!"));
    /// # Ok::<(), errcat::ParseError>(())
    /// ```
    fn message(&self) -> Option<Text> {
        self.entry().map(Entry::message)
    }

    /// The vendor's longer explanation, where it gives one.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::{ApiError, tencent_cloud::cdn::Code};
    ///
    /// assert!(Code::ResourceNotFound.description().unwrap().zh.starts_with("资源标识对应的实例不存在"));
    /// assert_eq!(errcat::upyun::management::Code::BucketNotFound.description(), None);
    /// ```
    fn description(&self) -> Option<Text> {
        self.entry().and_then(Entry::description)
    }

    /// What the vendor says to do about it, where it says.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::{ApiError, tencent_cloud::cdn::ModuleCode};
    ///
    /// assert_eq!(ModuleCode::InvalidProjectId.remedy().unwrap().zh, "请确认后重试");
    /// assert_eq!(errcat::upyun::management::Code::BucketNotFound.remedy(), None);
    /// ```
    fn remedy(&self) -> Option<Text> {
        self.entry().and_then(Entry::remedy)
    }

    /// The HTTP status the vendor documents for the code, where it documents one.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::{ApiError, aliyun::apigateway::Code};
    ///
    /// assert_eq!(Code::ThrottledByAppFlowControl.http_status(), Some(403));
    /// assert_eq!(errcat::upyun::rest::Code::SignatureError.http_status(), Some(401));
    /// // The other families document no status per code.
    /// assert_eq!(errcat::upyun::management::Code::BucketNotFound.http_status(), None);
    /// ```
    fn http_status(&self) -> Option<u16> {
        self.entry().and_then(Entry::http_status)
    }

    /// The cross-vendor kind; [`ErrorKind::Unknown`] without an entry.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::{ApiError, ErrorKind, Family, catalog, cloudbypass::api::Code};
    ///
    /// assert_eq!(Code::InsufficientBalance.kind(), ErrorKind::Billing);
    /// // A code the catalog cannot resolve at all.
    /// let r = catalog::resolve(Family::CloudbypassApi, "NOT_A_CODE")?;
    /// assert_eq!(r.entry(), None);
    /// assert_eq!(r.kind(), ErrorKind::Unknown);
    /// # Ok::<(), errcat::Disabled>(())
    /// ```
    fn kind(&self) -> ErrorKind {
        self.entry().map_or(ErrorKind::Unknown, Entry::kind)
    }

    /// Whether retrying the same request can help.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::{ApiError, ErrorKind, cloudbypass::api::Code};
    ///
    /// assert!(Code::DnsError.is_retryable());
    /// assert!(!Code::InvalidParameter.is_retryable());
    /// // The entry's advice can differ from its kind's default (with a reason).
    /// let code = Code::ChallengeLockOccupied;
    /// assert_ne!(code.is_retryable(), code.kind().is_retryable_by_default());
    /// ```
    fn is_retryable(&self) -> bool {
        self.entry().map_or_else(
            || self.kind().is_retryable_by_default(),
            Entry::is_retryable,
        )
    }

    /// How long to wait before retrying ([`Wait`]): the vendor's timing where the catalog
    /// documents one, else [`Backoff`](Wait::Backoff) when retryable and [`Never`](Wait::Never)
    /// when not. A retryable call is not always safe to repeat: see [`crate::wait`]'s notes on
    /// idempotency.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::{ApiError, Wait, Window, upyun::management::Code};
    ///
    /// // A documented per-day limit: retrying today does not help.
    /// assert_eq!(Code::PurgeDailyLimitExceeded.wait(), Wait::NextWindow(Window::Day));
    /// // No documented timing: backoff when retryable, never when not.
    /// assert_eq!(errcat::tencent_cloud::common::Code::RequestLimitExceeded.wait(), Wait::Backoff);
    /// assert_eq!(Code::BucketNotFound.wait(), Wait::Never);
    /// ```
    fn wait(&self) -> Wait {
        self.entry()
            .and_then(|e| e.wait)
            .unwrap_or(Wait::from_retryable(self.is_retryable()))
    }

    /// A documentation link for the code or the vendor's error page.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::{ApiError, aliyun::apigateway::Code};
    ///
    /// assert_eq!(
    ///     Code::QuotaExhausted.docs_url(),
    ///     Some("https://help.aliyun.com/document_detail/43906.html")
    /// );
    /// ```
    fn docs_url(&self) -> Option<&'static str> {
        self.entry().and_then(Entry::docs_url)
    }
}

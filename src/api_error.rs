//! The [`ApiError`] trait: one view of a vendor error, whatever the vendor.

use crate::{Entry, ErrorKind, Family, Text, Vendor};

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
    fn family(&self) -> Family;

    /// The vendor that returned the error: the family's.
    fn vendor(&self) -> Vendor {
        self.family().vendor()
    }

    /// The wire code, exactly as the vendor sends it (for a parsed error: as received).
    fn code(&self) -> &str;

    /// The catalog entry, when the catalog documents the code.
    fn entry(&self) -> Option<&'static Entry>;

    /// The catalog's message in Chinese and English.
    fn message(&self) -> Option<Text> {
        self.entry().map(Entry::message)
    }

    /// The vendor's longer explanation, where it gives one.
    fn description(&self) -> Option<Text> {
        self.entry().and_then(Entry::description)
    }

    /// What the vendor says to do about it, where it says.
    fn remedy(&self) -> Option<Text> {
        self.entry().and_then(Entry::remedy)
    }

    /// The HTTP status the vendor documents for the code, where it documents one.
    fn http_status(&self) -> Option<u16> {
        self.entry().and_then(Entry::http_status)
    }

    /// The cross-vendor kind; [`ErrorKind::Unknown`] without an entry.
    fn kind(&self) -> ErrorKind {
        self.entry().map_or(ErrorKind::Unknown, Entry::kind)
    }

    /// Whether retrying the same request can help.
    fn is_retryable(&self) -> bool {
        self.entry().map_or_else(
            || self.kind().is_retryable_by_default(),
            Entry::is_retryable,
        )
    }

    /// A documentation link for the code or the vendor's error page.
    fn docs_url(&self) -> Option<&'static str> {
        self.entry().and_then(Entry::docs_url)
    }
}

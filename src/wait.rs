//! Retry timing: how long to wait before retrying ([`Wait`], from the catalog), and what the
//! response itself says ([`RetryAfter`], from its `Retry-After` header).
//!
//! # Examples
//!
//! ```
//! use std::time::Duration;
//! use errcat::{ApiError, Outcome, Response, RetryAfter, Wait};
//!
//! let headers = [("X-Ca-Error-Message", "Throttled by APP Flow Control"), ("Retry-After", "7")];
//! let Outcome::Error(err) = Response::new(b"").with_status(403).with_headers(&headers).explain()? else {
//!     panic!()
//! };
//! // The catalog's advice, and the response's own word, which is the better answer.
//! assert_eq!(err.wait(), Wait::Backoff);
//! assert_eq!(err.retry_after(), Some(RetryAfter::Delay(Duration::from_secs(7))));
//! # Ok::<(), errcat::ParseError>(())
//! ```
//!
//! # Retrying is not always safe
//!
//! A retryable error says that the same request may succeed later, not that it did nothing this
//! time. A timeout or an `InternalError` on a call that creates or charges something may have
//! been applied before the error was sent: retry such calls only when they are idempotent (the
//! vendor's client token or request id de-duplicates them), or after checking their effect.

use std::time::{Duration, SystemTime};

use serde::Serialize;
use serde::ser::Serializer;

/// How long to wait before retrying the same request.
///
/// From the catalog where the vendor documents it (a per-day limit, a 30-second window), else
/// from the retry advice: [`Backoff`](Self::Backoff) when a retry can help, [`Never`](Self::Never)
/// when it cannot. See [`ApiError::wait`](crate::ApiError::wait), and the
/// [module docs](self#retrying-is-not-always-safe) on idempotency.
///
/// # Examples
///
/// ```
/// use std::time::Duration;
/// use errcat::{ApiError, Family, Wait, Window, catalog};
///
/// let wait = |code| catalog::resolve(Family::TencentCloudCommon, code).unwrap().wait();
/// assert_eq!(wait("LimitExceeded.PhoneNumberThirtySecondLimit"), Wait::After(Duration::from_secs(30)));
/// assert_eq!(wait("LimitExceeded.PhoneNumberDailyLimit"), Wait::NextWindow(Window::Day));
/// assert_eq!(wait("RequestLimitExceeded"), Wait::Backoff);
/// assert_eq!(wait("InvalidParameter"), Wait::Never);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Wait {
    /// Retry at once: the failure does not outlast the request.
    Immediately,
    /// Retry after a short, growing delay (exponential backoff with jitter): the vendor gives no
    /// time, and waiting helps.
    Backoff,
    /// Retry after this long: the limit's window, as the vendor documents it.
    After(Duration),
    /// The limit is counted per window (a day, an hour) and resets with it: an automatic retry
    /// in the same window fails again; retry in the next one, or not at all.
    NextWindow(Window),
    /// Retrying the same request does not help: change the request, the account or the plan.
    Never,
}

/// A limit's counting window.
///
/// # Examples
///
/// ```
/// use errcat::{ApiError, Family, Wait, Window, catalog};
///
/// let r = catalog::resolve(Family::TencentCloudCommon, "LimitExceeded.PhoneNumberOneHourLimit")?;
/// assert_eq!(r.wait(), Wait::NextWindow(Window::Hour));
/// assert_eq!(serde_json::to_string(&Window::Hour).unwrap(), r#""hour""#);
/// # Ok::<(), errcat::Disabled>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Window {
    /// A minute.
    Minute,
    /// An hour.
    Hour,
    /// A day (the vendor's day, usually midnight in China Standard Time).
    Day,
}

impl Wait {
    /// The advice a retry decision needs from the advice alone, when the catalog documents no
    /// timing: [`Backoff`](Self::Backoff) for retryable, else [`Never`](Self::Never).
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(errcat::Wait::from_retryable(true), errcat::Wait::Backoff);
    /// ```
    #[must_use]
    pub const fn from_retryable(retryable: bool) -> Self {
        if retryable {
            Self::Backoff
        } else {
            Self::Never
        }
    }
}

/// Serializes as `"immediately"`, `"backoff"`, `"never"`, `{"after_seconds": N}` or
/// `{"next_window": "day"}`, as in the data.
impl Serialize for Wait {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        match self {
            Self::Immediately => serializer.serialize_str("immediately"),
            Self::Backoff => serializer.serialize_str("backoff"),
            Self::Never => serializer.serialize_str("never"),
            Self::After(d) => {
                let mut map = serializer.serialize_map(Some(1))?;
                map.serialize_entry("after_seconds", &d.as_secs())?;
                map.end()
            }
            Self::NextWindow(w) => {
                let mut map = serializer.serialize_map(Some(1))?;
                map.serialize_entry("next_window", w)?;
                map.end()
            }
        }
    }
}

/// What a response's `Retry-After` header says (RFC 9110, section 10.2.3): a delay in seconds,
/// or a date.
///
/// # Examples
///
/// ```
/// use std::time::{Duration, UNIX_EPOCH};
/// use errcat::RetryAfter;
///
/// assert_eq!(RetryAfter::parse(b"120"), Some(RetryAfter::Delay(Duration::from_secs(120))));
/// assert_eq!(
///     RetryAfter::parse(b"Wed, 21 Oct 2015 07:28:00 GMT"),
///     Some(RetryAfter::At(UNIX_EPOCH + Duration::from_secs(1_445_412_480)))
/// );
/// assert_eq!(RetryAfter::parse(b"soon"), None);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum RetryAfter {
    /// Retry after this long.
    Delay(Duration),
    /// Retry at this time.
    At(SystemTime),
}

impl RetryAfter {
    /// Parses a `Retry-After` value: `delay-seconds` (ASCII digits) or an HTTP date in the
    /// preferred IMF-fixdate form (`Sun, 06 Nov 1994 08:49:37 GMT`); surrounding white space is
    /// ignored. `None` for anything else (the obsolete date forms included).
    ///
    /// # Examples
    ///
    /// ```
    /// use std::time::{Duration, UNIX_EPOCH};
    /// use errcat::RetryAfter;
    ///
    /// assert_eq!(RetryAfter::parse(b" 30 "), Some(RetryAfter::Delay(Duration::from_secs(30))));
    /// assert_eq!(
    ///     RetryAfter::parse(b"Sun, 06 Nov 1994 08:49:37 GMT"),
    ///     Some(RetryAfter::At(UNIX_EPOCH + Duration::from_secs(784_111_777)))
    /// );
    /// // The obsolete RFC 850 form, a negative delay, a fraction: none is read.
    /// assert_eq!(RetryAfter::parse(b"Sunday, 06-Nov-94 08:49:37 GMT"), None);
    /// assert_eq!(RetryAfter::parse(b"-1"), None);
    /// assert_eq!(RetryAfter::parse(b"1.5"), None);
    /// // A delay too long for a `u64` is, in effect, forever.
    /// assert_eq!(
    ///     RetryAfter::parse(b"99999999999999999999999"),
    ///     Some(RetryAfter::Delay(Duration::from_secs(u64::MAX)))
    /// );
    /// ```
    #[must_use]
    pub fn parse(value: &[u8]) -> Option<Self> {
        let value = std::str::from_utf8(value).ok()?.trim();
        if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
            // Delays too long for a u64 are a delay of u64::MAX seconds, in effect forever.
            let secs = value.parse::<u64>().unwrap_or(u64::MAX);
            return Some(Self::Delay(Duration::from_secs(secs)));
        }
        imf_fixdate(value).map(Self::At)
    }

    /// How long from `now` until the retry: the delay, or the time until the date (zero when it
    /// has passed).
    ///
    /// # Examples
    ///
    /// ```
    /// use std::time::{Duration, UNIX_EPOCH};
    /// use errcat::RetryAfter;
    ///
    /// let at = RetryAfter::At(UNIX_EPOCH + Duration::from_secs(100));
    /// assert_eq!(at.delay_from(UNIX_EPOCH + Duration::from_secs(40)), Duration::from_secs(60));
    /// assert_eq!(at.delay_from(UNIX_EPOCH + Duration::from_secs(400)), Duration::ZERO);
    /// ```
    #[must_use]
    pub fn delay_from(self, now: SystemTime) -> Duration {
        match self {
            Self::Delay(d) => d,
            Self::At(t) => t.duration_since(now).unwrap_or(Duration::ZERO),
        }
    }
}

/// Serializes as `{"delay_seconds": N}` or `{"at_unix_seconds": N}`.
impl Serialize for RetryAfter {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(1))?;
        match self {
            Self::Delay(d) => map.serialize_entry("delay_seconds", &d.as_secs())?,
            Self::At(t) => {
                let secs = t
                    .duration_since(SystemTime::UNIX_EPOCH)
                    .map_or(0, |d| d.as_secs());
                map.serialize_entry("at_unix_seconds", &secs)?;
            }
        }
        map.end()
    }
}

/// `Sun, 06 Nov 1994 08:49:37 GMT`, exactly.
fn imf_fixdate(s: &str) -> Option<SystemTime> {
    const DAYS: [&[u8]; 7] = [b"Mon", b"Tue", b"Wed", b"Thu", b"Fri", b"Sat", b"Sun"];
    const MONTHS: [&[u8]; 12] = [
        b"Jan", b"Feb", b"Mar", b"Apr", b"May", b"Jun", b"Jul", b"Aug", b"Sep", b"Oct", b"Nov",
        b"Dec",
    ];
    let b = s.as_bytes();
    if b.len() != 29 || &b[3..5] != b", " || &b[25..] != b" GMT" {
        return None;
    }
    let weekday = DAYS.iter().position(|d| *d == &b[0..3])?;
    let num = |range: std::ops::Range<usize>| -> Option<u64> {
        let digits = b.get(range)?;
        digits
            .iter()
            .all(u8::is_ascii_digit)
            .then(|| digits.iter().fold(0, |n, d| n * 10 + u64::from(d - b'0')))
    };
    let sep = |i: usize, c: u8| b.get(i) == Some(&c);
    if !(sep(7, b' ') && sep(11, b' ') && sep(16, b' ') && sep(19, b':') && sep(22, b':')) {
        return None;
    }
    let day = num(5..7)?;
    let month = MONTHS.iter().position(|m| *m == &b[8..11])? + 1;
    let year = num(12..16)?;
    let (hour, minute, second) = (num(17..19)?, num(20..22)?, num(23..25)?);
    if !(1..=31).contains(&day) || hour > 23 || minute > 59 || second > 60 || year < 1970 {
        return None;
    }
    let days = days_from_civil(year, month, day)?;
    // 1970-01-01 was a Thursday (index 3).
    if (days + 3) % 7 != weekday as u64 {
        return None;
    }
    let secs = days * 86_400 + hour * 3_600 + minute * 60 + second;
    SystemTime::UNIX_EPOCH.checked_add(Duration::from_secs(secs))
}

/// Days from 1970-01-01 to a Gregorian date, `None` for a day the month does not have.
fn days_from_civil(year: u64, month: usize, day: u64) -> Option<u64> {
    const LENGTHS: [u64; 12] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let length = LENGTHS[month - 1] + u64::from(month == 2 && leap);
    if day > length {
        return None;
    }
    let years = year - 1970;
    // Leap days between 1970 and the start of `year`.
    let leaps = |y: u64| y / 4 - y / 100 + y / 400;
    let leap_days = leaps(year - 1) - leaps(1969);
    let before_month: u64 = LENGTHS[..month - 1].iter().sum::<u64>() + u64::from(month > 2 && leap);
    Some(years * 365 + leap_days + before_month + day - 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_agree_with_a_day_count_from_the_epoch() {
        // Every day from 1970 to 2100 at noon: the parsed date is the day count's.
        let mut secs = 12 * 3_600;
        let days = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
        let months = [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ];
        let lengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
        let mut n = 0;
        for year in 1970..2100_u64 {
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
            for (m, month) in months.iter().enumerate() {
                let length = lengths[m] + u64::from(m == 1 && leap);
                for day in 1..=length {
                    let text = format!("{}, {day:02} {month} {year} 12:00:00 GMT", days[n % 7]);
                    let expected = SystemTime::UNIX_EPOCH + Duration::from_secs(secs);
                    assert_eq!(
                        RetryAfter::parse(text.as_bytes()),
                        Some(RetryAfter::At(expected)),
                        "{text}"
                    );
                    secs += 86_400;
                    n += 1;
                }
            }
        }
    }

    #[test]
    fn malformed_values_are_none() {
        for bad in [
            "",
            " ",
            "-1",
            "1.5",
            "Sun, 06 Nov 1994 08:49:37 UTC",
            "Mon, 06 Nov 1994 08:49:37 GMT", // a Sunday
            "Sun, 31 Feb 1994 08:49:37 GMT",
            "Sunday, 06-Nov-94 08:49:37 GMT",
            "Sun Nov  6 08:49:37 1994",
            "Sun, 06 Nov 1994 24:00:00 GMT",
            "Sun, 06 Nov 1969 08:49:37 GMT",
        ] {
            assert_eq!(RetryAfter::parse(bad.as_bytes()), None, "{bad:?}");
        }
        assert_eq!(
            RetryAfter::parse(b" 99999999999999999999999 "),
            Some(RetryAfter::Delay(Duration::from_secs(u64::MAX)))
        );
    }
}

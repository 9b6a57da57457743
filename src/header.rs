//! Response headers: which vendor's header a name is (case-insensitively, without allocating),
//! and what it carries.

use serde::Serialize;

use crate::tables::HEADERS_BY_LEN;
use crate::{Family, Text, Vendor};

/// What a documented response header carries.
///
/// # Examples
///
/// ```
/// use errcat::{HeaderRole, Vendor};
///
/// let roles: Vec<(&str, HeaderRole)> = Vendor::Aliyun.headers().map(|h| (h.name(), h.carries())).collect();
/// assert!(roles.contains(&("X-Ca-Error-Message", HeaderRole::ErrorMessage)));
/// assert!(roles.contains(&("X-Ca-Error-Code", HeaderRole::ErrorCode)));
/// assert!(roles.contains(&("X-Ca-Request-Id", HeaderRole::RequestId)));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum HeaderRole {
    /// A success flag (Cloudbypass `x-cb-status`: `ok` on success, empty or absent on failure).
    Status,
    /// An error code (Aliyun `X-Ca-Error-Code`, sent by dedicated and VPC instances).
    ErrorCode,
    /// The error message. For Aliyun `X-Ca-Error-Message` the message text *is* the documented
    /// classic code (`Throttled by APP Flow Control`), so
    /// [`catalog::by_header`](crate::catalog::by_header) resolves codes from it.
    ErrorMessage,
    /// The request id to quote to the vendor's support.
    RequestId,
}

/// A response header a vendor documents.
///
/// # Examples
///
/// ```
/// use errcat::{HeaderRole, Vendor, catalog};
///
/// let header = catalog::header("x-ca-request-id").unwrap();
/// assert_eq!(header.name(), "X-Ca-Request-Id");
/// assert_eq!(header.vendor(), Vendor::Aliyun);
/// assert_eq!(header.carries(), HeaderRole::RequestId);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Header {
    pub(crate) name: &'static str,
    /// Its position among every documented header (`response::kit::Headers` slots).
    pub(crate) slot: usize,
    pub(crate) family: Family,
    pub(crate) carries: HeaderRole,
    pub(crate) description: Text,
}

impl Header {
    /// The name as the vendor writes it.
    ///
    /// # Examples
    ///
    /// ```
    /// // Looked up in any case, named as documented.
    /// assert_eq!(errcat::catalog::header("X-CB-STATUS").unwrap().name(), "x-cb-status");
    /// ```
    #[must_use]
    pub fn name(&self) -> &'static str {
        self.name
    }

    /// The family whose responses carry it.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::{Family, catalog};
    ///
    /// assert_eq!(catalog::header("x-cb-status").unwrap().family(), Family::CloudbypassApi);
    /// ```
    #[must_use]
    pub fn family(&self) -> Family {
        self.family
    }

    /// The vendor that sends it.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::{Vendor, catalog};
    ///
    /// assert_eq!(catalog::header("X-Ca-Error-Code").unwrap().vendor(), Vendor::Aliyun);
    /// ```
    #[must_use]
    pub fn vendor(&self) -> Vendor {
        self.family.vendor()
    }

    /// What its value carries.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::{HeaderRole, catalog};
    ///
    /// assert_eq!(catalog::header("x-cb-status").unwrap().carries(), HeaderRole::Status);
    /// assert_eq!(catalog::header("X-Ca-Error-Code").unwrap().carries(), HeaderRole::ErrorCode);
    /// ```
    #[must_use]
    pub fn carries(&self) -> HeaderRole {
        self.carries
    }

    /// What the vendor says about it.
    ///
    /// # Examples
    ///
    /// ```
    /// let header = errcat::catalog::header("x-cb-status").unwrap();
    /// assert!(header.description().en.starts_with("Response status: ok means"));
    /// ```
    #[must_use]
    pub fn description(&self) -> Text {
        self.description
    }
}

/// Looks `name` up case-insensitively without allocating or hashing: only the documented names
/// of the same length (at most a few) are compared, so the many headers of other lengths a
/// response carries (`content-type`, `date`, ...) are rejected by one index.
#[inline]
pub(crate) fn lookup(name: &str) -> Option<&'static Header> {
    // Most names have a length no documented name has: one bit test, no load of the table.
    if name.len() < 64 && DOCUMENTED_LENGTHS & 1 << name.len() == 0 {
        return None;
    }
    HEADERS_BY_LEN
        .get(name.len())?
        .iter()
        .find(|(lower, _)| eq_lowercase(name.as_bytes(), lower.as_bytes()))
        .map(|(_, header)| header)
}

/// The lengths below 64 of the documented header names, a bit each.
const DOCUMENTED_LENGTHS: u64 = {
    let mut lengths = 0;
    let mut len = 0;
    while len < 64 {
        if !HEADERS_BY_LEN[len].is_empty() {
            lengths |= 1 << len;
        }
        len += 1;
    }
    lengths
};

/// Whether `input`, ASCII-lowercased, equals `lower`, comparing eight bytes at a time (the last
/// word overlapping the one before it), without copying `input`.
fn eq_lowercase(input: &[u8], lower: &[u8]) -> bool {
    if input.len() != lower.len() {
        return false;
    }
    if input.len() < 8 {
        return input.eq_ignore_ascii_case(lower);
    }
    let word = |bytes: &[u8], at: usize| {
        bytes
            .get(at..at + 8)
            .and_then(|w| <[u8; 8]>::try_from(w).ok())
            .map(u64::from_le_bytes)
    };
    let last = input.len() - 8;
    (0..last)
        .step_by(8)
        .chain(std::iter::once(last))
        .all(|at| word(input, at).map(ascii_lowercase_word) == word(lower, at))
}

/// ASCII-lowercases the eight bytes of `x` at once; other bytes are unchanged.
const fn ascii_lowercase_word(x: u64) -> u64 {
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    let ascii = !x & (ONES * 0x80);
    let seven_bits = x & (ONES * 0x7f);
    // High bit set where the seven bits are >= 'A', and where they are > 'Z' (no carry between
    // bytes: 0x7f + 0x3f < 0x100).
    let at_least_a = seven_bits + ONES * (0x80 - b'A' as u64);
    let above_z = seven_bits + ONES * (0x7f - b'Z' as u64);
    let upper = at_least_a & !above_z & ascii;
    // 0x80 >> 2 is 0x20, the case bit.
    x | (upper >> 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_lowercasing_agrees_with_std_on_every_byte() {
        for b in 0..=255u8 {
            let word = u64::from_le_bytes([b, b'A', b'z', b'-', b'Z', b'@', b'[', b'`']);
            let expected = u64::from_le_bytes(
                [b, b'A', b'z', b'-', b'Z', b'@', b'[', b'`'].map(|c| c.to_ascii_lowercase()),
            );
            assert_eq!(ascii_lowercase_word(word), expected, "byte {b:#04x}");
            let all = u64::from_le_bytes([b; 8]);
            let expected = u64::from_le_bytes([b.to_ascii_lowercase(); 8]);
            assert_eq!(
                ascii_lowercase_word(all),
                expected,
                "byte {b:#04x} in every lane"
            );
        }
    }

    #[test]
    fn eq_lowercase_matches_eq_ignore_ascii_case() {
        let lower = "x-ca-error-message";
        for input in [
            "X-Ca-Error-Message",
            "x-ca-error-message",
            "X-CA-ERROR-MESSAGE",
            "X-Ca-Error-Messagf",
            "Y-Ca-Error-Message",
            "X-Ca-Error-Messag",
            "x\u{e9}ca-error-messag",
            "short",
        ] {
            assert_eq!(
                eq_lowercase(input.as_bytes(), lower.as_bytes()),
                input.eq_ignore_ascii_case(lower),
                "{input}"
            );
        }
    }
}

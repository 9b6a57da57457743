//! The one resolution walk: what a raw code of a family means, used by the typed lookups,
//! [`catalog::resolve`](crate::catalog::resolve), the CLI and [`Response::explain`](crate::Response::explain)
//! alike, so that they agree on every code and sub-code.
//!
//! In order, the first step that answers wins:
//!
//! 1. the exact code or a documented alias;
//! 2. a template code (`Invalid Signature, Server StringToSign:%s`) whose text before `%s`
//!    starts the raw code (families whose policy allows templates);
//! 3. a documented code followed by appended detail (`Invalid Url: /v2/x`; Alibaba Cloud API
//!    Gateway);
//! 4. walking up a dotted code (`A.B.C`, `A.B`, `A`; Tencent Cloud API 3.0), the nearest level
//!    that the data classifies or the tables document: a classification of the raw code itself
//!    or of an ancestor beats a documented ancestor further up;
//! 5. the documented code of the raw code's hundred (`4102` to `4100`; Tencent CDN).
//!
//! An HTTP status, when there is one, is the last resort; only `explain` has one.

use serde::Serialize;

use crate::{AnyCode, ApiError, Classification, Entry, ErrorKind, Family, Wait};

/// How a family resolves codes it does not list; generated from `data/registry.json`.
#[derive(Clone, Copy, Debug)]
#[allow(clippy::struct_excessive_bools)] // four independent switches of one registry row
pub(crate) struct Policy {
    pub(crate) dotted: bool,
    pub(crate) hundreds: bool,
    pub(crate) templates: bool,
    pub(crate) appended_detail: bool,
}

/// How the catalog entry of a code was found.
///
/// # Examples
///
/// ```
/// use errcat::{Family, catalog, response::Basis};
///
/// let r = catalog::resolve(Family::TencentCloudCommon, "InvalidParameter.InvalidZoneName")?;
/// assert_eq!(r.basis(), Basis::Family);
/// # Ok::<(), errcat::Disabled>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Basis {
    /// The raw code is documented: exactly, as an alias, as a filled-in template, or as a
    /// documented code with detail appended.
    Exact,
    /// The raw code is not documented; the entry is its documented family (Tencent Cloud `A` for
    /// `A.B`, Tencent CDN `4100` for `4102`).
    Family,
    /// The raw code, or its nearest ancestor, is covered by a [`Classification`] (a family the
    /// table does not list, or a sub-code whose meaning differs from its parent); the entry, if
    /// any, is the nearest documented ancestor, for its texts.
    Classification,
    /// The raw code is not documented; the entry (or classification) is the one the response's
    /// message resolves to, itself a code, or the message template, of the family. Alibaba
    /// Cloud API Gateway: an unlisted `X-Ca-Error-Code` whose `X-Ca-Error-Message` is a classic
    /// code (`Throttled by APP Flow Control`), or a response with the message alone that fills
    /// the message template of an `X-Ca-Error-Code` entry (``Invalid AppCode `not exists` ``, the
    /// template of `A400AC`). Only a parsed error
    /// ([`ParsedError::basis`](crate::ParsedError::basis)) has it.
    Message,
    /// No entry; kind and retry advice come from the HTTP status: the response's, or, when the
    /// response has no error status, the one the body carries (an Upyun REST code's first three
    /// digits, the Upyun form API's `code`).
    HttpStatus,
    /// No entry, by the vendor's word: the status and the error come from the API's backend
    /// service, which the gateway passed through, so no gateway code applies; kind and retry
    /// advice come from the HTTP status (`unknown` without one). Alibaba Cloud API Gateway: an
    /// empty `X-Ca-Error-Code` (a non-empty one is the gateway's own code), whose
    /// `X-Ca-Error-Message`, if any, is the backend's and is kept as received, unresolved. Only
    /// a parsed error ([`ParsedError::basis`](crate::ParsedError::basis)) has it.
    Backend,
    /// No entry and nothing to classify by: kind `unknown`.
    None,
}

impl Basis {
    /// A short `snake_case` name.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::response::Basis;
    ///
    /// assert_eq!(Basis::HttpStatus.as_str(), "http_status");
    /// assert_eq!(Basis::Message.as_str(), "message");
    /// assert_eq!(Basis::Backend.as_str(), "backend");
    /// // Serialized as the same name.
    /// assert_eq!(serde_json::to_string(&Basis::Backend).unwrap(), r#""backend""#);
    /// ```
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Exact => "exact",
            Self::Family => "family",
            Self::Classification => "classification",
            Self::Message => "message",
            Self::HttpStatus => "http_status",
            Self::Backend => "backend",
            Self::None => "none",
        }
    }
}

/// What a raw code of a family means: the result of the resolution walk.
///
/// Implements [`ApiError`]: `code()` is the raw code, `entry()` the entry found (exact or an
/// ancestor), and `kind()`/`is_retryable()` come from the classification, else the entry.
///
/// # Examples
///
/// ```
/// use errcat::{ApiError, ErrorKind, Family, catalog, response::Basis};
///
/// // A sub-code the data classifies differently from its documented parent.
/// let r = catalog::resolve(Family::TencentCloudCommon, "LimitExceeded.PhoneNumberThirtySecondLimit")?;
/// assert_eq!(r.basis(), Basis::Classification);
/// assert_eq!(r.kind(), ErrorKind::RateLimited);
/// assert_eq!(r.via(), Some("LimitExceeded"));
/// # Ok::<(), errcat::Disabled>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Resolution<'a> {
    family: Family,
    raw: &'a str,
    code: Option<AnyCode>,
    entry: Option<&'static Entry>,
    rule: Option<&'static Classification>,
    parameter: Option<&'a str>,
    basis: Basis,
}

impl<'a> Resolution<'a> {
    /// The raw code as given.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::{Family, catalog};
    ///
    /// let r = catalog::resolve(Family::TencentCloudCommon, "InvalidParameter.Zone")?;
    /// assert_eq!(r.raw_code(), "InvalidParameter.Zone");
    /// # Ok::<(), errcat::Disabled>(())
    /// ```
    #[must_use]
    pub fn raw_code(&self) -> &'a str {
        self.raw
    }

    /// The documented code, when the raw code is documented ([`Basis::Exact`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::{AnyCode, Family, catalog, tencent_cloud::common::Code};
    ///
    /// let r = catalog::resolve(Family::TencentCloudCommon, "InvalidParameter")?;
    /// assert_eq!(r.typed_code(), Some(AnyCode::TencentCloudCommon(Code::InvalidParameter)));
    /// // An undocumented sub-code: its parent's entry stands in, but it has no typed code.
    /// let r = catalog::resolve(Family::TencentCloudCommon, "InvalidParameter.Zone")?;
    /// assert_eq!(r.typed_code(), None);
    /// assert_eq!(r.via(), Some("InvalidParameter"));
    /// # Ok::<(), errcat::Disabled>(())
    /// ```
    #[must_use]
    pub fn typed_code(&self) -> Option<AnyCode> {
        self.code
    }

    /// The classification that gives the kind, when [`basis`](Self::basis) is
    /// [`Basis::Classification`].
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::{ErrorKind, Family, catalog};
    ///
    /// let r = catalog::resolve(Family::TencentCloudCommon, "AuthFailure.Whatever")?;
    /// assert_eq!(r.classification().unwrap().kind(), ErrorKind::Unauthenticated);
    /// assert!(catalog::resolve(Family::TencentCloudCommon, "InternalError")?.classification().is_none());
    /// # Ok::<(), errcat::Disabled>(())
    /// ```
    #[must_use]
    pub fn classification(&self) -> Option<&'static Classification> {
        self.rule
    }

    /// For a template code, the part of the raw code that fills `%s`.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::{Family, catalog};
    ///
    /// let r = catalog::resolve(Family::AliyunApiGateway, "Invalid Signature, Server StringToSign:GET\n/x")?;
    /// assert_eq!(r.parameter(), Some("GET\n/x"));
    /// assert_eq!(catalog::resolve(Family::AliyunApiGateway, "Quota Exhausted")?.parameter(), None);
    /// # Ok::<(), errcat::Disabled>(())
    /// ```
    #[must_use]
    pub fn parameter(&self) -> Option<&'a str> {
        self.parameter
    }

    /// How the entry was found.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::{Family, catalog, response::Basis};
    ///
    /// let basis = |family, code| catalog::resolve(family, code).map(|r| r.basis());
    /// assert_eq!(basis(Family::TencentCdn, "4100")?, Basis::Exact);
    /// assert_eq!(basis(Family::TencentCdn, "4102")?, Basis::Family); // its hundred
    /// assert_eq!(basis(Family::TencentCloudCommon, "AuthFailure.X")?, Basis::Classification);
    /// assert_eq!(basis(Family::UpyunManagement, "99999")?, Basis::None);
    /// # Ok::<(), errcat::Disabled>(())
    /// ```
    #[must_use]
    pub fn basis(&self) -> Basis {
        self.basis
    }

    /// The documented ancestor whose entry stands in for an undocumented code (`LimitExceeded`
    /// for `LimitExceeded.X`), when the entry is not the raw code's own.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::{Family, catalog};
    ///
    /// let via = |code| catalog::resolve(Family::TencentCloudCommon, code).unwrap().via();
    /// assert_eq!(via("LimitExceeded.X"), Some("LimitExceeded"));
    /// assert_eq!(via("LimitExceeded.PhoneNumberDailyLimit"), Some("LimitExceeded")); // classified
    /// assert_eq!(via("LimitExceeded"), None); // the raw code's own entry
    /// assert_eq!(via("AuthFailure.X"), None); // classified, no documented ancestor
    /// ```
    #[must_use]
    pub fn via(&self) -> Option<&'static str> {
        match self.basis {
            Basis::Family | Basis::Classification => self.entry.map(Entry::code),
            _ => None,
        }
    }

    /// Whether the walk found anything: an entry or a classification.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::{Family, catalog};
    ///
    /// assert!(catalog::resolve(Family::TencentCloudCommon, "AuthFailure.X")?.is_resolved());
    /// assert!(!catalog::resolve(Family::TencentCloudCommon, "NoSuchFamily.X")?.is_resolved());
    /// # Ok::<(), errcat::Disabled>(())
    /// ```
    #[must_use]
    pub fn is_resolved(&self) -> bool {
        self.entry.is_some() || self.rule.is_some()
    }
}

impl ApiError for Resolution<'_> {
    fn family(&self) -> Family {
        self.family
    }

    fn code(&self) -> &str {
        self.raw
    }

    fn entry(&self) -> Option<&'static Entry> {
        self.entry
    }

    fn kind(&self) -> ErrorKind {
        advice(self.rule, self.entry, ErrorKind::Unknown).0
    }

    fn is_retryable(&self) -> bool {
        advice(self.rule, self.entry, ErrorKind::Unknown).1
    }

    fn wait(&self) -> Wait {
        wait(self.rule, self.entry, ErrorKind::Unknown)
    }
}

/// Kind and retry advice, from one rule for every error type: the classification's, else the
/// entry's, else `fallback` with its default advice.
pub(crate) fn advice(
    rule: Option<&Classification>,
    entry: Option<&Entry>,
    fallback: ErrorKind,
) -> (ErrorKind, bool) {
    match (rule, entry) {
        (Some(rule), _) => (rule.kind(), rule.is_retryable()),
        (None, Some(entry)) => (entry.kind(), entry.is_retryable()),
        (None, None) => (fallback, fallback.is_retryable_by_default()),
    }
}

/// How long to wait, by the same rule as [`advice`]: the classification's documented timing,
/// else the entry's, else the retry advice's default.
pub(crate) fn wait(
    rule: Option<&Classification>,
    entry: Option<&Entry>,
    fallback: ErrorKind,
) -> Wait {
    let documented = match (rule, entry) {
        (Some(rule), _) => rule.wait,
        (None, Some(entry)) => entry.wait,
        (None, None) => None,
    };
    documented.unwrap_or(Wait::from_retryable(advice(rule, entry, fallback).1))
}

/// The walk, over an enabled family's facts. O(number of dots + templates + a few separators).
pub(crate) fn walk<'a>(
    family: Family,
    info: &'static crate::family::Info,
    raw: &'a str,
) -> Resolution<'a> {
    walk_in(family, info, raw, None)
}

/// The walk within the family's table number `table`, when given: every code it finds (exact,
/// template, with detail appended, ancestor, hundred) is one of that table's. For a field whose
/// codes are one table's (Tencent CDN's public `code`, whose numbers can collide with module
/// codes; Alibaba Cloud API Gateway's `X-Ca-Error-Code` and `X-Ca-Error-Message`), and for a
/// typed table's own resolution (`tencent_cloud::common::Code::resolve`).
pub(crate) fn walk_in<'a>(
    family: Family,
    info: &'static crate::family::Info,
    raw: &'a str,
    table: Option<usize>,
) -> Resolution<'a> {
    walk_known(family, info, raw, table, info.codes.get(raw).copied())
}

/// [`walk_in`], with the first step's lookup of `raw` made already: `exact` is what `info.codes`
/// holds under `raw` (explain looks a code up to detect the family, and does not again).
pub(crate) fn walk_known<'a>(
    family: Family,
    info: &'static crate::family::Info,
    raw: &'a str,
    table: Option<usize>,
    exact: Option<AnyCode>,
) -> Resolution<'a> {
    let policy = family.policy();
    let mut r = Resolution {
        family,
        raw,
        code: None,
        entry: None,
        rule: None,
        parameter: None,
        basis: Basis::None,
    };
    let found = |r: &mut Resolution<'a>, code: AnyCode, parameter: Option<&'a str>| {
        r.code = Some(code);
        r.entry = Some(code.entry());
        r.parameter = parameter;
        r.basis = Basis::Exact;
    };
    let in_scope = |code: &AnyCode| table.is_none_or(|t| info.in_table(t, *code));
    // 1. The code or an alias.
    if let Some(code) = exact.filter(|c| in_scope(c)) {
        found(&mut r, code, None);
        return r;
    }
    // 2. A filled-in template.
    if policy.templates {
        if let Some((code, parameter)) = info
            .templates
            .iter()
            .filter(|(_, code)| in_scope(code))
            .find_map(|&(prefix, code)| raw.strip_prefix(prefix).map(|p| (code, p)))
        {
            found(&mut r, code, Some(parameter));
            return r;
        }
    }
    // 3. A documented code with detail appended: the text before one of the first separators.
    if policy.appended_detail {
        if let Some(code) = raw
            .match_indices([':', ',', ';', '(', '\n', '.'])
            .take(8)
            .find_map(|(i, _)| {
                info.codes
                    .get(raw[..i].trim_end())
                    .copied()
                    .filter(|code| in_scope(code))
            })
        {
            found(&mut r, code, None);
            return r;
        }
    }
    // 4. The nearest classified or documented level.
    let levels = levels(raw, policy.dotted);
    for (depth, level) in levels.enumerate() {
        if depth > 0 {
            if let Some(&code) = info.codes.get(level).filter(|c| in_scope(c)) {
                r.entry = Some(code.entry());
                r.basis = Basis::Family;
                return r;
            }
        }
        if let Some(rule) = info.classifications.get(level) {
            r.rule = Some(rule);
            r.entry = self::levels(level, policy.dotted)
                .skip(1)
                .find_map(|parent| info.codes.get(parent).filter(|c| in_scope(c)))
                .map(AnyCode::entry);
            r.basis = Basis::Classification;
            return r;
        }
    }
    // 5. The hundred of a number, in the family's first table.
    if policy.hundreds {
        if let Some(code) = hundred(info, raw) {
            r.entry = Some(code.entry());
            r.basis = Basis::Family;
        }
    }
    r
}

/// A code and, for a dotted family, its ancestors, nearest first: `A.B.C`, `A.B`, `A`.
pub(crate) fn levels(raw: &str, dotted: bool) -> impl Iterator<Item = &str> {
    std::iter::successors(Some(raw), move |level| {
        if dotted {
            level.rsplit_once('.').map(|(parent, _)| parent)
        } else {
            None
        }
    })
}

/// The documented code of `raw`'s hundred in the first table: `4102` -> `4100`. Only a code as
/// the vendor writes numbers counts: ASCII digits, no sign, no leading zero.
fn hundred(info: &crate::family::Info, raw: &str) -> Option<AnyCode> {
    let canonical = raw.bytes().all(|b| b.is_ascii_digit()) && !raw.starts_with('0');
    if !canonical {
        return None;
    }
    let hundred = raw.parse::<u32>().ok()? / 100 * 100;
    info.tables
        .first()?
        .iter()
        .copied()
        .find(|code| code.as_str().parse() == Ok(hundred))
}

/// The walk of a Tencent Cloud API 3.0 code with the products' tables (see
/// `tencent_cloud::products::resolve`): the common tables' exact code, the product's (or the one
/// product's) entry, a rule for every product of the code itself, the common walk, the
/// products' roots and rules.
#[cfg(feature = "tencent-cloud-products")]
pub(crate) fn walk_tencent(
    raw: &str,
    product: Option<crate::tencent_cloud::products::Product>,
) -> Resolution<'_> {
    use crate::tencent_cloud::products;
    let family = Family::TencentCloudCommon;
    let products_info = &crate::tables::tencent_cloud_products::INFO;
    let common = family.info().map(|info| walk_in(family, info, raw, None));
    if let Some(r) = common.filter(|r| r.basis == Basis::Exact) {
        return r;
    }
    let found = match product {
        Some(p) => p.lookup(raw),
        None => match products::by_code(raw) {
            [one] => Some(*one),
            _ => None,
        },
    };
    if let Some(code) = found {
        return Resolution {
            family,
            raw,
            code: Some(code.into()),
            entry: Some(code.entry()),
            rule: None,
            parameter: None,
            basis: Basis::Exact,
        };
    }
    let nearest_common = |r: Option<Resolution<'_>>| r.and_then(|r| r.entry);
    if let Some(rule) = products_info.classifications.get(raw) {
        return Resolution {
            family,
            raw,
            code: None,
            entry: nearest_common(common),
            rule: Some(rule),
            parameter: None,
            basis: Basis::Classification,
        };
    }
    if let Some(r) = common.filter(Resolution::is_resolved) {
        return r;
    }
    let mut r = walk_in(Family::TencentCloudProducts, products_info, raw, None);
    r.family = family;
    r
}

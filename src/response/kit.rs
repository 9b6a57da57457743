//! The reading kit the families share: the documented headers found in a response (slots by
//! header), and the body's JSON fields read in one pass, strings borrowed where they have no
//! escape.

use std::borrow::Cow;
use std::cell::Cell;

use super::json::{self, Value};
use super::{HeaderPair, MAX_BODY, ParsedError, Problem, Problems};
use crate::family::Info;
use crate::tables::HEADER_COUNT;
use crate::{AnyCode, Family, HeaderRole, catalog};

// ---------------------------------------------------------------------------------------------
// Headers

/// The documented headers found in a response: the first value of each, by header slot.
pub(crate) struct Headers<'a> {
    values: [Option<&'a [u8]>; HEADER_COUNT],
    /// The families one of whose headers was found, a bit each (`Family as u32`): detection asks
    /// each family in turn, and this answers without going over its headers.
    families: u32,
    /// The first `Retry-After` (RFC 9110), whatever the family.
    pub(crate) retry_after: Option<&'a [u8]>,
}

impl<'a> Headers<'a> {
    pub(crate) fn scan<H>(headers: H) -> Self
    where
        H: IntoIterator,
        H::Item: HeaderPair<'a>,
    {
        let mut found = Self {
            values: [None; HEADER_COUNT],
            families: 0,
            retry_after: None,
        };
        for pair in headers {
            let Some(header) = catalog::header(pair.name()) else {
                if found.retry_after.is_none() && pair.name().eq_ignore_ascii_case("retry-after") {
                    found.retry_after = Some(pair.value());
                }
                continue;
            };
            if let Some(slot) = found.values.get_mut(header.slot) {
                slot.get_or_insert(pair.value());
                found.families |= family_bit(header.family);
            }
        }
        found
    }

    /// The first value of `family`'s header that carries `role`.
    pub(crate) fn get(&self, family: Family, role: HeaderRole) -> Option<&'a [u8]> {
        family
            .headers()
            .filter(|h| h.carries() == role)
            .find_map(|h| self.values.get(h.slot).copied().flatten())
    }

    /// Whether the response carries any header `family` documents.
    pub(crate) fn has_any(&self, family: Family) -> bool {
        self.families & family_bit(family) != 0
    }

    /// Whether the response carries no header any family documents (most responses).
    pub(crate) fn none(&self) -> bool {
        self.families == 0
    }
}

/// `family`'s bit in `Headers::families`.
fn family_bit(family: Family) -> u32 {
    const _: () = assert!(Family::ALL.len() <= 32, "a family's bit is in a u32");
    1 << family as u32
}

/// A header value as text: borrowed when UTF-8, else lossily converted.
pub(crate) fn header_text<'a>(value: &'a [u8], problems: &mut Problems) -> Cow<'a, str> {
    let text = String::from_utf8_lossy(value);
    if matches!(text, Cow::Owned(_)) {
        problems.add(Problem::HeaderNotUtf8);
    }
    text
}

// ---------------------------------------------------------------------------------------------
// Body

/// The body fields the families read, in one pass of the JSON reader ([`json::read_object`]):
/// strings borrowed as written, numbers as their text, Tencent Cloud's `Response` and `Error`
/// objects read in the same pass (so that an error inside them is reported at its position in the
/// body, and nothing is allocated to skip over them). A `null` reads as absent, as for an
/// `Option` field of a derived struct.
#[derive(Default)]
pub(crate) struct Fields<'a> {
    pub(crate) response: Option<Value<'a>>,
    pub(crate) error: Option<Value<'a>>,
    pub(crate) request_id: Option<Value<'a>>,
    pub(crate) error_code: Option<Value<'a>>,
    pub(crate) request: Option<Value<'a>>,
    pub(crate) message: Option<Value<'a>>,
    pub(crate) code: Option<Value<'a>>,
    pub(crate) id: Option<Value<'a>>,
    /// Tencent Cloud API 2.0's `codeDesc`.
    pub(crate) code_desc: Option<Value<'a>>,
    /// Upyun REST API's message.
    pub(crate) msg: Option<Value<'a>>,
    /// Upyun form API's saved path.
    pub(crate) url: Option<Value<'a>>,
    /// Upyun form API's timestamp.
    pub(crate) time: Option<Value<'a>>,
    /// Upyun old multipart API's file path.
    pub(crate) path: Option<Value<'a>>,
    /// Cloudbypass balance API's message.
    pub(crate) detail: Option<Value<'a>>,
    /// The members of `Response`, when it is an object.
    pub(crate) inner: TencentResponse<'a>,
    /// The members of a top-level `Error`, when it is an object.
    pub(crate) outer_error: TencentError<'a>,
    /// The last code looked up in a family's catalog ([`Fields::lookup`]): detection looks a
    /// code up, and resolving the same code then does not look it up again.
    probe: Cell<Option<Probe<'a>>>,
    /// The one looked up before it (Tencent CDN's detection looks up the module code, then the
    /// public code).
    earlier: Cell<Option<Probe<'a>>>,
}

/// A code looked up in a family's catalog, and what was found.
#[derive(Clone, Copy)]
struct Probe<'a> {
    family: Family,
    /// The code, a slice of the body.
    code: &'a str,
    found: Option<AnyCode>,
}

/// The fields of a Tencent Cloud API 3.0 `Response` object.
#[derive(Default)]
pub(crate) struct TencentResponse<'a> {
    pub(crate) error: Option<Value<'a>>,
    pub(crate) request_id: Option<Value<'a>>,
    /// The members of its `Error`, when that is an object.
    pub(crate) inner_error: TencentError<'a>,
}

/// The fields of a Tencent Cloud API 3.0 `Error` object.
#[derive(Clone, Copy, Default)]
pub(crate) struct TencentError<'a> {
    pub(crate) code: Option<Value<'a>>,
    pub(crate) message: Option<Value<'a>>,
}

/// The objects the reader reads, by `json::Fields::id`.
const BODY: usize = 0;
const RESPONSE: usize = 1;
const RESPONSE_ERROR: usize = 2;
const TOP_ERROR: usize = 3;

/// The fields read, as a derived struct's: a second one in its object is an invalid body.
const BODY_FIELDS: json::Fields<'static> = json::Fields::new(
    BODY,
    &[
        "Response",
        "Error",
        "RequestId",
        "error_code",
        "request",
        "message",
        "code",
        "id",
        "codeDesc",
        "msg",
        "url",
        "time",
        "path",
        "detail",
    ],
    &[
        (
            0,
            json::Fields::new(
                RESPONSE,
                &["Error", "RequestId"],
                &[(
                    0,
                    json::Fields::new(RESPONSE_ERROR, &["Code", "Message"], &[]),
                )],
            ),
        ),
        (1, json::Fields::new(TOP_ERROR, &["Code", "Message"], &[])),
    ],
);

impl<'a> Fields<'a> {
    /// Stores one member the reader hands over.
    #[allow(
        clippy::inline_always,
        reason = "measured: called for every member, a call costs more than the store, and \
                  explain ran 50 to 80 instructions slower when the compiler did not inline it"
    )]
    #[inline(always)]
    fn store(&mut self, member: &json::Member<'a>) {
        let Some(field) = member.field else { return };
        // `null` is absent, as for an `Option` of a derived struct.
        let value = Some(member.value).filter(|v| *v != Value::Null);
        // Each arm stores: a `match` that picks a slot to store into afterwards made the
        // compiler compute every slot's address before the loop, for every object read.
        match (member.object, field) {
            (BODY, 0) => self.response = value,
            (BODY, 1) => self.error = value,
            (BODY, 2) => self.request_id = value,
            (BODY, 3) => self.error_code = value,
            (BODY, 4) => self.request = value,
            (BODY, 5) => self.message = value,
            (BODY, 6) => self.code = value,
            (BODY, 7) => self.id = value,
            (BODY, 8) => self.code_desc = value,
            (BODY, 9) => self.msg = value,
            (BODY, 10) => self.url = value,
            (BODY, 11) => self.time = value,
            (BODY, 12) => self.path = value,
            (BODY, 13) => self.detail = value,
            (RESPONSE, 0) => self.inner.error = value,
            (RESPONSE, 1) => self.inner.request_id = value,
            (RESPONSE_ERROR, 0) => self.inner.inner_error.code = value,
            (RESPONSE_ERROR, 1) => self.inner.inner_error.message = value,
            (TOP_ERROR, 0) => self.outer_error.code = value,
            (TOP_ERROR, 1) => self.outer_error.message = value,
            _ => {}
        }
    }
}

impl<'a> Fields<'a> {
    /// What `family`'s catalog holds under `code` (exactly, as `catalog::lookup_in`); `None`
    /// when the family's tables are disabled. Kept for [`exact`](Self::exact).
    pub(crate) fn lookup(&self, family: Family, code: &'a str) -> Option<AnyCode> {
        let found = family.info()?.codes.get(code).copied();
        self.earlier.set(self.probe.get());
        self.probe.set(Some(Probe {
            family,
            code,
            found,
        }));
        found
    }

    /// What `family`'s catalog `info` holds under `code`: what [`lookup`](Self::lookup) found,
    /// when this same slice of the body (not merely an equal text) was one of the last two codes
    /// it looked up; else looked up now.
    pub(crate) fn exact(&self, family: Family, info: &Info, code: &str) -> Option<AnyCode> {
        let same = |p: &Probe<'_>| p.family == family && std::ptr::eq(p.code, code);
        match (self.probe.get().filter(same)).or_else(|| self.earlier.get().filter(same)) {
            Some(p) => p.found,
            None => info.codes.get(code).copied(),
        }
    }

    /// What the table number `table` of `family` holds under `code`, as [`exact`](Self::exact)
    /// finds it; `None` when the family's tables are disabled.
    pub(crate) fn exact_in(&self, family: Family, table: usize, code: &str) -> Option<AnyCode> {
        let info = family.info()?;
        self.exact(family, info, code)
            .filter(|found| info.in_table(table, *found))
    }

    /// Whether `family` documents `code` (false when its tables are disabled).
    pub(crate) fn documented(&self, family: Family, code: Option<&'a str>) -> bool {
        code.is_some_and(|c| self.lookup(family, c).is_some())
    }

    /// Whether the table number `table` of `family` documents `code` (false when the family's
    /// tables are disabled): a field whose codes are one table's (Tencent CDN's public `code`).
    pub(crate) fn documented_in_table(
        &self,
        family: Family,
        table: usize,
        code: Option<&'a str>,
    ) -> bool {
        let Some(info) = family.info() else {
            return false;
        };
        code.and_then(|c| self.lookup(family, c))
            .is_some_and(|found| info.in_table(table, found))
    }
}

/// Whether a field is a string.
pub(crate) fn is_string(field: Option<Value<'_>>) -> bool {
    matches!(field, Some(Value::Str { .. }))
}

/// Whether a field is an object.
pub(crate) fn is_object(field: Option<Value<'_>>) -> bool {
    matches!(field, Some(Value::Object(_)))
}

#[derive(Default)]
pub(crate) struct Body<'a> {
    /// The body as received; empty when over [`MAX_BODY`] (not read).
    pub(crate) bytes: &'a [u8],
    /// `None` when the body is not a JSON object (empty, HTML, text, too large, invalid).
    pub(crate) fields: Option<Fields<'a>>,
    pub(crate) too_large: bool,
    /// Why a body that starts like a JSON object is not valid JSON: the family decides whether
    /// that matters (`Read::InvalidBody`).
    pub(crate) invalid: Option<serde_json::Error>,
}

/// What a family's `parse` found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Read {
    /// The call succeeded.
    Success,
    /// The vendor reported an error, read into the `ParsedError`.
    Error,
    /// The family needs the body, and it is not valid JSON (`Body::invalid`).
    InvalidBody,
}

impl<'a> Body<'a> {
    /// Reads the body into `self` (an unread, default `Body`: read in place, since `Fields` is
    /// large and a returned `Body` is copied). It is JSON when it starts (after white space) with
    /// `{`; such a body that does not parse is an error, since it was meant to be read.
    pub(crate) fn read(&mut self, bytes: &'a [u8], family: Option<Family>) {
        let body = self;
        // Never an error on its own: what decides the outcome may be elsewhere (the status, the
        // headers), and what was not read is said (`Problem::BodyTooLarge`).
        if bytes.len() > MAX_BODY {
            body.too_large = true;
            return;
        }
        body.bytes = bytes;
        // Aliyun's API Gateway reports in headers: its body is whatever the backend sent, and not
        // read; Higress's hmac-auth plugin answers in plain text, never JSON.
        if matches!(
            family,
            Some(Family::AliyunApiGateway | Family::AliyunHigressHmacAuth)
        ) {
            return;
        }
        let looks_json = bytes
            .iter()
            .find(|b| !b.is_ascii_whitespace())
            .is_some_and(|&b| b == b'{');
        if !looks_json {
            return;
        }
        let fields = body.fields.insert(Fields::default());
        let read = json::read_object(bytes, &BODY_FIELDS, |member| {
            fields.store(&member);
            Ok(json::Flow::Continue)
        });
        if let Err(source) = read {
            // The body starts with `{`: when valid, it is an object; when not, nothing of it is
            // read.
            body.fields = None;
            // A Cloudbypass failure may carry the target site's own page, broken JSON included.
            if family != Some(Family::CloudbypassApi) {
                body.invalid = Some(source);
            }
        }
    }

    /// With a vendor hint and no family's evidence: for Cloudbypass, a body of the balance API's
    /// shape (`cloudbypass::balance::detect_hinted`) is its; otherwise the first of the vendor's
    /// families that documents one form for its codes and whose form the body's `code` or
    /// `error_code` has (an eight-digit code is Upyun REST's, a five-digit one the management
    /// API's), else the vendor's first family.
    pub(crate) fn fallback(&self, vendor: crate::Vendor) -> Option<Family> {
        // A `detail` member is the balance API's only under the vendor's name (many APIs answer
        // `{"detail": ...}`).
        if vendor == crate::Vendor::Cloudbypass
            && self
                .fields
                .as_ref()
                .is_some_and(crate::cloudbypass::balance::detect_hinted)
        {
            return Some(Family::CloudbypassBalance);
        }
        let families = vendor.families();
        let codes = self
            .fields
            .as_ref()
            .map(|f| [plain_text(f.code), plain_text(f.error_code)]);
        let fits = |family: &Family| {
            family.code_format().is_some()
                && codes
                    .iter()
                    .flatten()
                    .flatten()
                    .any(|code| family.could_have(code))
        };
        families
            .iter()
            .copied()
            .find(fits)
            .or(families.first().copied())
    }

    /// The first family, in registry order and among `candidates`, whose body shape this is.
    pub(crate) fn family(&self, candidates: impl Fn(&Family) -> bool) -> Option<Family> {
        let fields = self.fields.as_ref()?;
        Family::ALL
            .into_iter()
            .filter(candidates)
            .find(|f| f.detect_body(fields))
    }
}

/// A JSON integer, or a string of ASCII digits; optionally negative.
pub(crate) fn is_numeric(value: Value<'_>) -> bool {
    let (Value::Number(text) | Value::Str { raw: text, .. }) = value else {
        return false;
    };
    let digits = text.strip_prefix('-').unwrap_or(text);
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
}

/// The part of `text` that `part` picks, borrowed from the input when `text` is.
pub(crate) fn sub_cow<'a>(
    text: &Cow<'a, str>,
    part: fn(&str) -> Option<&str>,
) -> Option<Cow<'a, str>> {
    match text {
        Cow::Borrowed(t) => part(t).map(Cow::Borrowed),
        Cow::Owned(t) => part(t).map(|p| Cow::Owned(p.to_owned())),
    }
}

/// A scalar field as text: a string unescaped (borrowed when it has no escapes; kept as written
/// when an escape is not Unicode), a number as written, a boolean as written but flagged `wrong`;
/// `null` is absent; an object or array is flagged `wrong` and dropped.
pub(crate) fn scalar<'a>(
    value: Option<Value<'a>>,
    wrong: Problem,
    problems: &mut Problems,
) -> Option<Cow<'a, str>> {
    match value? {
        Value::Str { raw, escaped } => Some(json::unescape(raw, escaped).unwrap_or_else(|| {
            problems.add(Problem::InvalidEscape);
            Cow::Borrowed(raw)
        })),
        Value::Number(text) => Some(Cow::Borrowed(text)),
        Value::Null => None,
        Value::Bool(b) => {
            problems.add(wrong);
            Some(Cow::Borrowed(if b { "true" } else { "false" }))
        }
        Value::Object(_) | Value::Array(_) => {
            problems.add(wrong);
            None
        }
    }
}

/// A message field as text: as [`scalar`], except that an object or array is kept as its JSON
/// text, as written, not dropped (Cloudbypass's balance API, whose Node.js SDK shows a `detail`
/// that is not a string as its JSON).
pub(crate) fn scalar_or_json<'a>(
    value: Option<Value<'a>>,
    wrong: Problem,
    problems: &mut Problems,
) -> Option<Cow<'a, str>> {
    match value? {
        Value::Object(object) => Some(Cow::Borrowed(object.text())),
        Value::Array(array) => Some(Cow::Borrowed(array.text())),
        other => scalar(Some(other), wrong, problems),
    }
}

pub(crate) fn unread_body_of_200_vendor(err: &mut ParsedError<'_>, body: &Body<'_>) -> Read {
    if body.invalid.is_some() {
        return Read::InvalidBody;
    }
    if body.too_large && err.status.is_none_or(|s| s < 400) {
        return Read::Success;
    }
    if !body.too_large {
        err.problems.add(Problem::BodyUnreadable);
    }
    err.finish();
    Read::Error
}

/// The text of a string or number field as written, when it has no escape (what a lookup of a
/// documented code needs).
pub(crate) fn plain_text(field: Option<Value<'_>>) -> Option<&str> {
    match field? {
        Value::Str {
            raw,
            escaped: false,
        }
        | Value::Number(raw) => Some(raw),
        _ => None,
    }
}

/// The last `len` bytes of `text`, borrowed from the input when `text` is.
pub(crate) fn suffix<'a>(text: &Cow<'a, str>, len: usize) -> Cow<'a, str> {
    let start = text.len() - len;
    match text {
        Cow::Borrowed(t) => Cow::Borrowed(&t[start..]),
        Cow::Owned(t) => Cow::Owned(t[start..].to_owned()),
    }
}

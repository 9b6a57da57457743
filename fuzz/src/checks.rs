//! The invariants the fuzz targets check, beyond "did not panic".
//!
//! Shared, without a copy, by the fuzz targets (`fuzz/fuzz_targets/*.rs`, through the
//! `errcat-fuzz` library) and by `tests/fuzz_corpus.rs`, which compiles this file as a module and
//! replays `fuzz/corpus/` on stable. A check panics with the input when an invariant fails.
//!
//! # Input formats
//!
//! Every byte string is an input of every target; text is read as UTF-8, invalid bytes becoming
//! U+FFFD, so that the fuzzer never wastes an input.
//!
//! - `lookup_code`: the first byte picks the vendor, `'0'` to `'4'` in [`Vendor::ALL`] order (any
//!   byte `b` picks `(b - '0') mod 5`); the rest is the code.
//! - `lookup_header`: the header name up to the first `\n`, then the value.
//! - `lookup_message`: the whole input is the message.
//! - `explain`: an HTTP-like text, see [`ExplainInput::decode`].

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use errcat::response::{MAX_BODY, Problem};
use errcat::{
    AnyCode, ApiError, ErrorKind, Outcome, ParseError, Response, UnknownCode, Vendor, catalog,
};
use errcat::{aliyun_apigateway, cloudbypass, tencent_cdn, tencent_cloud, upyun};

/// A fuzz target's check of one raw input.
pub type Check = fn(&[u8]);

/// Every fuzz target by name (the name of its `fuzz/corpus/` directory) and its check.
pub const TARGETS: [(&str, Check); 4] = [
    ("lookup_code", lookup_code),
    ("lookup_header", lookup_header),
    ("lookup_message", lookup_message),
    ("explain", explain),
];

// ---------------------------------------------------------------------------------------------
// lookup_code

/// `lookup_code`: [`catalog::lookup`], [`catalog::by_code`] and every table's `from_code`,
/// `FromStr` and `TryFrom<&str>` agree, and whatever they find is spelled like the input.
pub fn lookup_code(data: &[u8]) {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let vendor = Vendor::ALL[usize::from(first.wrapping_sub(b'0')) % Vendor::ALL.len()];
    check_code(vendor, &String::from_utf8_lossy(rest));
}

fn check_code(vendor: Vendor, code: &str) {
    let found = catalog::by_code(code);
    for (i, &c) in found.iter().enumerate() {
        assert!(
            spells(c, code),
            "by_code({code:?}) found {c:?}, spelled otherwise"
        );
        assert!(
            !found[..i].contains(&c),
            "by_code({code:?}) lists {c:?} twice"
        );
        assert!(
            catalog::all().contains(&c),
            "by_code({code:?}): {c:?} not in all()"
        );
        assert_eq!(
            catalog::lookup(c.vendor(), code),
            Some(c),
            "lookup vs by_code({code:?})"
        );
        assert!(
            catalog::by_code(c.as_str()).contains(&c),
            "{c:?} does not round-trip"
        );
        assert_eq!(c.to_string(), c.as_str());
        assert_eq!(c.entry().any_code(), c);
    }
    match catalog::lookup(vendor, code) {
        Some(c) => {
            assert_eq!(c.vendor(), vendor, "lookup({vendor}, {code:?}) found {c:?}");
            assert!(
                found.contains(&c),
                "lookup({vendor}, {code:?}) not in by_code"
            );
        }
        None => assert!(
            found.iter().all(|c| c.vendor() != vendor),
            "lookup({vendor}, {code:?}) missed a code by_code finds"
        ),
    }

    check_table(
        code,
        found,
        cloudbypass::Code::from_code,
        cloudbypass::Code::as_str,
        |c| match c {
            AnyCode::Cloudbypass(t) => Some(t),
            _ => None,
        },
    );
    check_table(
        code,
        found,
        tencent_cdn::Code::from_code,
        tencent_cdn::Code::as_str,
        |c| match c {
            AnyCode::TencentCdn(t) => Some(t),
            _ => None,
        },
    );
    check_table(
        code,
        found,
        tencent_cdn::ModuleCode::from_code,
        tencent_cdn::ModuleCode::as_str,
        |c| match c {
            AnyCode::TencentCdnModule(t) => Some(t),
            _ => None,
        },
    );
    check_table(
        code,
        found,
        aliyun_apigateway::Code::from_code,
        aliyun_apigateway::Code::as_str,
        |c| match c {
            AnyCode::AliyunApiGateway(t) => Some(t),
            _ => None,
        },
    );
    check_table(
        code,
        found,
        upyun::Code::from_code,
        upyun::Code::as_str,
        |c| match c {
            AnyCode::Upyun(t) => Some(t),
            _ => None,
        },
    );
    check_table(
        code,
        found,
        tencent_cloud::Code::from_code,
        tencent_cloud::Code::as_str,
        |c| match c {
            AnyCode::TencentCloud(t) => Some(t),
            _ => None,
        },
    );

    check_code_helpers(vendor, code);
}

/// Whether `code` is the wire code or an alias of `c`.
fn spells(c: AnyCode, code: &str) -> bool {
    c.as_str() == code || c.entry().aliases().contains(&code)
}

/// One table's `from_code`, `FromStr`, `TryFrom`, `Display` and serde agree with each other and
/// with `by_code`; a code found round-trips through `as_str`.
fn check_table<T>(
    code: &str,
    by_code: &[AnyCode],
    from_code: fn(&str) -> Option<T>,
    as_str: fn(T) -> &'static str,
    of_table: fn(AnyCode) -> Option<T>,
) where
    T: Copy
        + Eq
        + fmt::Debug
        + fmt::Display
        + Into<AnyCode>
        + FromStr<Err = UnknownCode>
        + for<'s> TryFrom<&'s str, Error = UnknownCode>
        + serde::Serialize
        + serde::de::DeserializeOwned,
{
    let found = from_code(code);
    assert_eq!(
        found,
        code.parse::<T>().ok(),
        "from_code vs FromStr on {code:?}"
    );
    assert_eq!(
        found,
        T::try_from(code).ok(),
        "from_code vs TryFrom on {code:?}"
    );
    assert_eq!(
        found,
        by_code.iter().find_map(|&c| of_table(c)),
        "from_code vs by_code on {code:?}"
    );
    let Some(t) = found else { return };
    let any: AnyCode = t.into();
    assert!(
        spells(any, code),
        "from_code({code:?}) found {t:?}, spelled otherwise"
    );
    assert_eq!(as_str(t), any.as_str());
    assert_eq!(
        from_code(as_str(t)),
        Some(t),
        "{t:?} does not round-trip through as_str"
    );
    assert_eq!(
        as_str(t).parse::<T>(),
        Ok(t),
        "{t:?} does not round-trip through FromStr"
    );
    assert_eq!(t.to_string(), as_str(t));
    let json = serde_json::to_string(&t).unwrap_or_default();
    assert_eq!(
        serde_json::from_str::<T>(&json).ok(),
        Some(t),
        "{t:?} through serde: {json}"
    );
}

/// The other string lookups of a code: Tencent Cloud family resolution, Upyun structure, Tencent
/// CDN module codes in messages, classifications, vendor and kind names.
fn check_code_helpers(vendor: Vendor, code: &str) {
    match tencent_cloud::Code::resolve(code) {
        Some(tencent_cloud::Resolved::Exact(c)) => {
            assert_eq!(
                tencent_cloud::Code::from_code(code),
                Some(c),
                "resolve({code:?})"
            );
        }
        Some(tencent_cloud::Resolved::Parent(c)) => {
            assert_eq!(
                tencent_cloud::Code::from_code(code),
                None,
                "resolve({code:?})"
            );
            let any = AnyCode::from(c);
            let mut parent =
                std::iter::once(any.as_str()).chain(any.entry().aliases().iter().copied());
            assert!(
                parent.any(|p| code.strip_prefix(p).is_some_and(|sub| sub.starts_with('.'))),
                "resolve({code:?}) gave {c:?}, not an ancestor"
            );
        }
        Some(_) => {}
        None => assert_eq!(
            tencent_cloud::Code::from_code(code),
            None,
            "resolve({code:?})"
        ),
    }

    if let Some(s) = upyun::Structure::parse(code) {
        let b = code.as_bytes();
        assert!(
            b.len() == 5 && b.iter().all(u8::is_ascii_digit),
            "Structure::parse({code:?})"
        );
        let level = match b[0] {
            b'1' => upyun::Level::System,
            _ => upyun::Level::Module,
        };
        assert_eq!(s.level(), level, "Structure::parse({code:?})");
        assert_eq!(
            s.module(),
            (b[1] - b'0') * 10 + (b[2] - b'0'),
            "Structure::parse({code:?})"
        );
        assert_eq!(
            s.error(),
            (b[3] - b'0') * 10 + (b[4] - b'0'),
            "Structure::parse({code:?})"
        );
    }
    if let Some(c) = upyun::Code::from_code(code) {
        let s = c.structure();
        assert_eq!(
            upyun::Structure::parse(c.as_str()),
            Some(s),
            "{c:?}.structure()"
        );
    }

    if let Some((module, text)) = tencent_cdn::split_message(code) {
        assert!(
            code.contains(module),
            "split_message({code:?}) module {module:?}"
        );
        assert!(
            code.ends_with(text),
            "split_message({code:?}) text {text:?}"
        );
        let digits = module.strip_prefix('-').unwrap_or(module);
        assert!(
            !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()),
            "split_message({code:?}) module {module:?}"
        );
    }

    if let Some(rule) = vendor.classification(code) {
        assert_eq!(rule.code(), code, "classification({vendor}, {code:?})");
        assert_eq!(rule.vendor(), vendor, "classification({vendor}, {code:?})");
    }
    if let Ok(v) = code.parse::<Vendor>() {
        assert_eq!(v.slug(), code);
    }
    if let Ok(k) = code.parse::<ErrorKind>() {
        assert_eq!(k.as_str(), code);
    }
}

// ---------------------------------------------------------------------------------------------
// lookup_header

/// `lookup_header`: [`catalog::header`], [`catalog::by_header`] and [`catalog::template`] find
/// only what the name and value say: names equal ignoring ASCII case, codes of the header's
/// vendor, template parameters that are the rest of the value.
pub fn lookup_header(data: &[u8]) {
    let (name, value) = match data.iter().position(|&b| b == b'\n') {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (data, &[][..]),
    };
    check_header(
        &String::from_utf8_lossy(name),
        &String::from_utf8_lossy(value),
    );
}

fn check_header(name: &str, value: &str) {
    let header = catalog::header(name);
    let documented = Vendor::ALL
        .into_iter()
        .flat_map(Vendor::headers)
        .find(|h| h.name().eq_ignore_ascii_case(name));
    assert_eq!(header, documented, "header({name:?}) vs Vendor::headers()");
    if let Some(h) = header {
        assert!(
            h.name().eq_ignore_ascii_case(name),
            "header({name:?}) found {h:?}"
        );
    }

    if let Some(m) = catalog::by_header(name, value) {
        let h = m.header();
        assert_eq!(header, Some(h), "by_header({name:?}, {value:?}) vs header");
        let code = m.code();
        assert_eq!(code.vendor(), h.vendor(), "by_header({name:?}, {value:?})");
        match m.parameter() {
            None => assert_eq!(
                catalog::lookup(h.vendor(), value),
                Some(code),
                "by_header({name:?}, {value:?}) without a parameter"
            ),
            Some(parameter) => {
                assert_eq!(catalog::lookup(h.vendor(), value), None, "exact code first");
                check_template(value, code, parameter);
            }
        }
    }
    for text in [value, name] {
        if let Some((code, parameter)) = catalog::template(text) {
            check_template(text, code, parameter);
        }
    }
}

/// `value` is the text of template `code` before `%s`, followed by `parameter`.
fn check_template(value: &str, code: AnyCode, parameter: &str) {
    let prefix = value.strip_suffix(parameter);
    assert!(
        prefix.is_some(),
        "parameter {parameter:?} is not a suffix of {value:?}"
    );
    let template = code.as_str();
    let before = template.find("%s").map(|i| &template[..i]);
    assert!(
        before.is_some(),
        "template({value:?}) found {code:?}, not a template"
    );
    assert_eq!(prefix, before, "template({value:?}) found {code:?}");
}

// ---------------------------------------------------------------------------------------------
// lookup_message

/// `lookup_message`: every code [`catalog::by_message`] finds has a message (Chinese, English or
/// a documented misspelling) with the input's normal form, and is found by its own message.
pub fn lookup_message(data: &[u8]) {
    check_message(&String::from_utf8_lossy(data));
}

fn check_message(text: &str) {
    let key = message_key(text);
    let found = catalog::by_message(text);
    for (i, &c) in found.iter().enumerate() {
        assert!(
            !found[..i].contains(&c),
            "by_message({text:?}) lists {c:?} twice"
        );
        let entry = c.entry();
        let message = entry.message();
        let texts = [message.zh, message.en];
        let own = texts
            .iter()
            .chain(entry.message_aliases())
            .find(|t| message_key(t) == key);
        assert!(
            own.is_some(),
            "by_message({text:?}) found {c:?}, whose messages are {message:?}"
        );
        if let Some(own) = own {
            assert!(
                catalog::by_message(own).contains(&c),
                "{c:?} not found by {own:?}"
            );
        }
    }
}

/// The normal form `catalog::by_message` documents: leading white space, and any run of trailing
/// white space and sentence punctuation (`.`, `。`, `!`, `！`), removed.
fn message_key(text: &str) -> &str {
    text.trim_start()
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '.' | '。' | '!' | '！'))
}

// ---------------------------------------------------------------------------------------------
// explain

/// The input of the `explain` target: what a caller of [`Response::explain`] holds.
#[derive(Clone, PartialEq, Eq)]
pub struct ExplainInput {
    /// The vendor hint.
    pub vendor: Option<Vendor>,
    /// The HTTP status.
    pub status: Option<u16>,
    /// The headers, in order: names as text, values as bytes.
    pub headers: Vec<(String, Vec<u8>)>,
    /// The body.
    pub body: Vec<u8>,
}

impl ExplainInput {
    /// The response this input describes, ready to explain.
    pub fn response(&self) -> Response<'_, impl Iterator<Item = (&str, &[u8])> + '_> {
        Response::new(&self.body)
            .with_headers(
                self.headers
                    .iter()
                    .map(|(name, value)| (name.as_str(), value.as_slice())),
            )
            .with_vendor(self.vendor)
            .with_status(self.status)
    }
}

impl ExplainInput {
    /// Decodes any bytes, HTTP-style:
    ///
    /// ```text
    /// 4 403          first line: the vendor hint, '0' to '4' in Vendor::ALL order (anything
    ///                else: none), then the status (anything that is not a u16: none)
    /// Name: value    headers, up to an empty line; one space after the colon is skipped
    ///  more value    a line starting with a space or tab continues the value after a '\n'
    ///                the empty line
    /// {"body": 1}    the rest: the body, as bytes
    /// ```
    #[must_use]
    pub fn decode(data: &[u8]) -> Self {
        let (control, mut rest) = split_line(data);
        let vendor = control
            .first()
            .and_then(|b| Vendor::ALL.get(usize::from(b.wrapping_sub(b'0'))))
            .copied();
        let status = std::str::from_utf8(control.get(1..).unwrap_or_default())
            .ok()
            .and_then(|s| s.trim().parse().ok());
        let mut headers: Vec<(String, Vec<u8>)> = Vec::new();
        let mut body = Vec::new();
        while let Some(text) = rest {
            let (line, next) = split_line(text);
            rest = next;
            match (line.first(), headers.last_mut()) {
                (None, _) => {
                    body = next.unwrap_or_default().to_vec();
                    break;
                }
                (Some(b' ' | b'\t'), Some((_, value))) => {
                    value.push(b'\n');
                    value.extend_from_slice(&line[1..]);
                }
                _ => {
                    let (name, value) = match line.iter().position(|&b| b == b':') {
                        Some(i) => (&line[..i], &line[i + 1..]),
                        None => (line, &[][..]),
                    };
                    let value = value.strip_prefix(b" ").unwrap_or(value);
                    headers.push((String::from_utf8_lossy(name).into_owned(), value.to_vec()));
                }
            }
        }
        Self {
            vendor,
            status,
            headers,
            body,
        }
    }
}

/// The bytes up to the first `\n`, and what follows it if there is one.
fn split_line(data: &[u8]) -> (&[u8], Option<&[u8]>) {
    match data.iter().position(|&b| b == b'\n') {
        Some(i) => (&data[..i], Some(&data[i + 1..])),
        None => (data, None),
    }
}

/// Readable in a crash report: bytes are shown escaped.
impl fmt::Debug for ExplainInput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let headers: Vec<String> = self
            .headers
            .iter()
            .map(|(name, value)| format!("{name:?}: \"{}\"", value.escape_ascii()))
            .collect();
        f.debug_struct("ExplainInput")
            .field("vendor", &self.vendor)
            .field("status", &self.status)
            .field("headers", &headers)
            .field("body", &format_args!("b\"{}\"", self.body.escape_ascii()))
            .finish()
    }
}

/// `explain`: decodes the input and checks it.
pub fn explain(data: &[u8]) {
    check_explain(&ExplainInput::decode(data));
}

/// Explains `input` and checks the outcome: no panic; the vendor is the hint when there is one;
/// an error outcome has a vendor, the status given, and a raw code, message, request id, request
/// line, module code and template parameter that each come from the input (a substring of the
/// body, of a header value, or of a JSON string in the body once unescaped); the request id of
/// an Alibaba Cloud API Gateway response is its first `X-Ca-Request-Id`.
///
/// # Panics
///
/// When an invariant does not hold, with the input.
pub fn check_explain(input: &ExplainInput) {
    match input.response().explain() {
        Ok(outcome) => check_outcome(input, &outcome),
        Err(ParseError::BodyTooLarge { len, limit }) => {
            assert_eq!((len, limit), (input.body.len(), MAX_BODY), "{input:?}");
            assert!(
                len > limit && input.vendor.is_none(),
                "BodyTooLarge on {input:?}"
            );
        }
        Err(err) => {
            assert!(
                err.position().is_some(),
                "{err} without a position on {input:?}"
            );
            assert!(!err.to_string().is_empty());
        }
    }
}

fn check_outcome(input: &ExplainInput, outcome: &Outcome<'_>) {
    if let Some(vendor) = input.vendor {
        assert_eq!(
            outcome.vendor(),
            Some(vendor),
            "the hint is the vendor: {input:?}"
        );
    }
    let request_id = match outcome {
        Outcome::Error(err) => {
            assert_eq!(outcome.vendor(), Some(err.vendor()), "{input:?}");
            assert_eq!(outcome.as_str(), "error");
            assert!(outcome.error().is_some());
            assert_eq!(err.status(), input.status, "status kept: {input:?}");
            let fields = [
                ("raw_code", err.raw_code()),
                ("message", err.message()),
                ("request_id", err.request_id()),
                ("request", err.request()),
                ("module_code", err.module_code()),
                ("template_parameter", err.template_parameter()),
            ];
            for (what, text) in fields {
                if let Some(text) = text {
                    assert_from_input(input, what, text);
                }
            }
            check_error(input, err);
            err.request_id()
        }
        Outcome::Success(success) => {
            assert_eq!(outcome.vendor(), Some(success.vendor()), "{input:?}");
            assert_eq!(success.status(), input.status, "status kept: {input:?}");
            if let Some(id) = success.request_id() {
                assert_from_input(input, "request_id", id);
            }
            success.request_id()
        }
        Outcome::Unrecognized(unrecognized) => {
            assert!(
                input.vendor.is_none(),
                "unrecognized despite a hint: {input:?}"
            );
            assert_eq!(
                unrecognized.status(),
                input.status,
                "status kept: {input:?}"
            );
            None
        }
        _ => None,
    };
    if outcome.vendor() == Some(Vendor::AliyunApiGateway) {
        let first = input
            .headers
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case("X-Ca-Request-Id"))
            .map(|(_, value)| String::from_utf8_lossy(value));
        assert_eq!(
            request_id,
            first.as_deref(),
            "request id dropped: {input:?}"
        );
    }
}

/// The typed parts of an error agree with the raw parts and with the catalog.
fn check_error(input: &ExplainInput, err: &errcat::ParsedError<'_>) {
    let vendor = err.vendor();
    assert_eq!(ApiError::code(err), err.raw_code().unwrap_or(""));
    if let Some(code) = err.typed_code() {
        assert_eq!(
            code.vendor(),
            vendor,
            "typed code of another vendor: {input:?}"
        );
    }
    if let Some(entry) = ApiError::entry(err) {
        assert_eq!(entry.vendor(), vendor, "entry of another vendor: {input:?}");
    }
    if let Some(rule) = err.classification() {
        assert_eq!(
            rule.vendor(),
            vendor,
            "classification of another vendor: {input:?}"
        );
    }
    if let Some(module) = err.typed_module_code() {
        let raw = err
            .module_code()
            .and_then(tencent_cdn::ModuleCode::from_code);
        assert_eq!(raw, Some(module), "typed module code: {input:?}");
    }
    assert_eq!(
        err.is_known(),
        err.typed_code().is_some(),
        "is_known: {input:?}"
    );
    let _ = (err.kind(), err.is_retryable(), ApiError::message(err));
    let problems: Vec<Problem> = err.problems().collect();
    for (i, p) in problems.iter().enumerate() {
        assert!(!problems[..i].contains(p), "{p} twice: {input:?}");
    }
    assert_eq!(
        problems.contains(&Problem::BodyTooLarge),
        input.body.len() > MAX_BODY,
        "body_too_large: {input:?}"
    );
    if problems.contains(&Problem::HeaderNotUtf8) {
        assert!(
            input
                .headers
                .iter()
                .any(|(_, v)| std::str::from_utf8(v).is_err()),
            "header_not_utf8 with UTF-8 headers: {input:?}"
        );
    }
}

/// `text`, which explain returned, comes from the input: a substring of the body or of a header
/// value as bytes, of a header value read lossily, or of a JSON string in the body unescaped.
fn assert_from_input(input: &ExplainInput, what: &str, text: &str) {
    let needle = text.as_bytes();
    let found = contains(&input.body, needle) || input.headers.iter().any(|(_, value)| {
        contains(value, needle)
            || matches!(String::from_utf8_lossy(value), Cow::Owned(lossy) if lossy.contains(text))
    })
        || (input.body.contains(&b'\\') && json_strings(&input.body).any(|s| s.contains(text)));
    assert!(found, "{what} {text:?} is not in the input: {input:?}");
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    needle.is_empty() || haystack.windows(needle.len()).any(|w| w == needle)
}

/// The string literals of a JSON text, unescaped (those that are valid JSON strings).
fn json_strings(json: &[u8]) -> impl Iterator<Item = String> + '_ {
    let mut i = 0;
    std::iter::from_fn(move || {
        loop {
            let start = i + json.get(i..)?.iter().position(|&b| b == b'"')?;
            let mut end = start + 1;
            while *json.get(end)? != b'"' {
                end += if json[end] == b'\\' { 2 } else { 1 };
            }
            i = end + 1;
            if let Ok(s) = serde_json::from_slice::<String>(&json[start..=end]) {
                return Some(s);
            }
        }
    })
}

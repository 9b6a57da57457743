//! Every data rule of `data/README.md`.
//!
//! Each error names the file, the entry and the rule broken. All errors are collected; nothing is
//! dropped, and nothing here panics on any input. Shared by `build.rs` and `tests/data_rules.rs`.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use crate::schema::{Entry, Table, Text, VendorFile};

/// The vendor slugs, in catalog order. Must agree with `errcat::Vendor` (tested).
pub const VENDORS: [&str; 5] = [
    "cloudbypass",
    "tencent-cdn",
    "aliyun-apigateway",
    "upyun",
    "tencent-cloud",
];

/// The error kinds and their default retry advice. Must agree with `errcat::ErrorKind` (tested).
pub const KINDS: [(&str, bool); 17] = [
    ("invalid_request", false),
    ("unauthenticated", false),
    ("permission_denied", false),
    ("not_found", false),
    ("conflict", false),
    ("failed_precondition", false),
    ("rate_limited", true),
    ("quota_exceeded", false),
    ("billing", false),
    ("blocked", false),
    ("upstream", true),
    ("timeout", true),
    ("unavailable", true),
    ("internal", true),
    ("unsupported", false),
    ("partial_success", false),
    ("unknown", false),
];

/// What a header may carry.
pub const HEADER_ROLES: [&str; 4] = ["status", "error_code", "error_message", "request_id"];

/// Cloudbypass API versions an entry may be tagged with.
pub const VERSIONS: [&str; 3] = ["all", "v1", "v2"];

/// Largest data file accepted, in bytes.
pub const MAX_FILE_BYTES: usize = 1 << 20;

/// Longest header name accepted; `src/header.rs` lowercases names into a buffer of this size.
pub const MAX_HEADER_NAME: usize = 64;

/// Longest code or alias accepted, in bytes.
pub const MAX_CODE_BYTES: usize = 256;

/// The placeholder that makes a code a template.
pub const TEMPLATE_PLACEHOLDER: &str = "%s";

const KEYWORDS: [&str; 52] = [
    "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern",
    "false", "fn", "for", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub",
    "ref", "return", "self", "Self", "static", "struct", "super", "trait", "true", "type",
    "unsafe", "use", "where", "while", "abstract", "become", "box", "do", "final", "gen", "macro",
    "override", "priv", "try", "typeof", "unsized", "virtual", "yield",
];

/// The default retry advice of `kind`, or `None` if it is not a kind.
#[must_use]
pub fn kind_retryable(kind: &str) -> Option<bool> {
    KINDS.iter().find(|(k, _)| *k == kind).map(|&(_, r)| r)
}

/// The HTTP status of a validated `http_status` value.
#[must_use]
pub fn status_of(value: &serde_json::Value) -> Option<u16> {
    value
        .as_u64()
        .and_then(|n| u16::try_from(n).ok())
        .filter(|n| (100..=599).contains(n))
}

/// The retry advice of a validated entry: its override, else its kind's default.
#[must_use]
pub fn entry_retryable(entry: &Entry) -> bool {
    entry
        .retryable
        .unwrap_or_else(|| kind_retryable(&entry.kind).unwrap_or(false))
}

/// Reads and checks one data file. `path` is how errors name the file.
///
/// # Errors
/// Every rule the file breaks, one message each.
pub fn validate_file(path: &str, bytes: &[u8]) -> Result<VendorFile, Vec<String>> {
    let fail = |rule: &str, detail: String| Err(vec![format!("{path}: {rule}: {detail}")]);
    if bytes.len() > MAX_FILE_BYTES {
        return fail(
            "file too large",
            format!(
                "{} bytes, over the limit of {MAX_FILE_BYTES} bytes",
                bytes.len()
            ),
        );
    }
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        return fail(
            "byte-order mark",
            "the file starts with a UTF-8 byte-order mark; save it without one".to_owned(),
        );
    }
    if let Err(e) = std::str::from_utf8(bytes) {
        return fail(
            "not utf-8",
            format!("invalid UTF-8 at byte offset {}", e.valid_up_to()),
        );
    }
    let file: VendorFile = match serde_json::from_slice(bytes) {
        Ok(file) => file,
        Err(e) => return fail("invalid json", e.to_string()),
    };
    let mut errors = Vec::new();
    check_file(path, &file, &mut errors);
    if errors.is_empty() {
        Ok(file)
    } else {
        Err(errors)
    }
}

/// Checks the rules that span files: each vendor exactly once, header names unique.
///
/// # Errors
/// Every rule the set of files breaks.
pub fn validate_catalog(files: &[(String, VendorFile)]) -> Result<(), Vec<String>> {
    let mut errors = Vec::new();
    for slug in VENDORS {
        let paths: Vec<&str> = files
            .iter()
            .filter(|(_, f)| f.vendor == slug)
            .map(|(p, _)| p.as_str())
            .collect();
        match paths.len() {
            1 => {}
            0 => errors.push(format!("data: missing vendor: no file has vendor {slug:?}")),
            _ => errors.push(format!(
                "data: duplicate vendor: {slug:?} is the vendor of {}",
                paths.join(", ")
            )),
        }
    }
    let mut headers: BTreeMap<String, &str> = BTreeMap::new();
    for (path, file) in files {
        for header in &file.headers {
            let key = header.name.to_ascii_lowercase();
            if let Some(first) = headers.insert(key, path) {
                errors.push(format!(
                    "{path}: header {:?}: duplicate header: also documented in {first}",
                    header.name
                ));
            }
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

fn check_file(path: &str, file: &VendorFile, errors: &mut Vec<String>) {
    let mut err = |place: &str, rule: &str, detail: &str| {
        errors.push(format!("{path}: {place}: {rule}: {detail}"));
    };
    let stem = path
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or(path)
        .trim_end_matches(".json");
    if !VENDORS.contains(&file.vendor.as_str()) {
        err(
            "vendor",
            "unknown vendor",
            &format!("{:?} is not one of {}", file.vendor, VENDORS.join(", ")),
        );
    } else if stem != file.vendor {
        err(
            "vendor",
            "vendor mismatch",
            &format!(
                "the file is named {stem:?} but declares vendor {:?}",
                file.vendor
            ),
        );
    }
    if file.seed.trim().is_empty() {
        err("seed", "missing text", "the seed document is not named");
    }
    check_url(file.docs_url.as_deref(), "docs_url", &mut err);

    check_headers(file, &mut err);
    check_statuses_and_modules(file, &mut err);

    if file.tables.is_empty() {
        err("tables", "empty table", "the file has no code table");
    }
    // Codes and aliases are unique across all of a vendor's tables.
    let mut codes: BTreeMap<&str, String> = BTreeMap::new();
    let mut table_names = BTreeSet::new();
    for table in &file.tables {
        let place = format!("table {:?}", table.name);
        if KEYWORDS.contains(&table.name.as_str()) {
            err(
                &place,
                "invalid name",
                &format!("{:?} is a Rust keyword", table.name),
            );
        } else if !is_variant_name(&table.name) || !table.name.ends_with("Code") {
            // The `Code` suffix keeps the generated names apart: the `AnyCode` variant is the
            // vendor plus the name without `Code`, and no table can shadow a module's own items.
            err(
                &place,
                "invalid name",
                "a table name is an UpperCamelCase Rust identifier ending in `Code`",
            );
        }
        // Generated statics are named after the upper-cased table name.
        if !table_names.insert(table.name.to_ascii_uppercase()) {
            err(
                &place,
                "duplicate name",
                "two tables have this name (ignoring case)",
            );
        }
        if table.doc.trim().is_empty() {
            err(&place, "missing text", "doc is empty");
        }
        if table.entries.is_empty() {
            err(&place, "empty table", "the table has no entries");
        }
        check_table(file, table, &mut codes, &mut err);
    }
    check_classifications(file, &codes, &mut err);
}

fn check_classifications(
    file: &VendorFile,
    codes: &BTreeMap<&str, String>,
    err: &mut impl FnMut(&str, &str, &str),
) {
    let mut seen = BTreeSet::new();
    for (i, c) in file.classifications.iter().enumerate() {
        let place = format!("classification {} (code {:?})", i + 1, c.code);
        let mut err = |rule: &str, detail: &str| err(&place, rule, detail);
        if let Some(problem) = code_problem(&c.code) {
            err("invalid code", &format!("code {:?} {problem}", c.code));
        }
        if !seen.insert(c.code.as_str()) {
            err("duplicate code", "two classifications have this code");
        }
        if let Some(entry) = codes.get(c.code.as_str()) {
            err(
                "duplicate code",
                &format!("{entry} documents this code; a classification is for unlisted codes"),
            );
        }
        if c.reason.trim().is_empty() {
            err("missing text", "reason is missing or empty");
        }
        check_kind_and_retry(&c.kind, c.retryable, c.retry_reason.as_deref(), &mut err);
    }
}

fn check_headers(file: &VendorFile, err: &mut impl FnMut(&str, &str, &str)) {
    let mut header_names = BTreeSet::new();
    for (i, header) in file.headers.iter().enumerate() {
        let place = format!("header {} ({:?})", i + 1, header.name);
        let valid = !header.name.is_empty()
            && header.name.len() <= MAX_HEADER_NAME
            && header.name.bytes().all(is_tchar);
        if !valid {
            err(
                &place,
                "invalid header",
                &format!("a header name is 1 to {MAX_HEADER_NAME} token characters"),
            );
        }
        if !header_names.insert(header.name.to_ascii_lowercase()) {
            err(
                &place,
                "duplicate header",
                "the name appears twice (case-insensitively)",
            );
        }
        if !HEADER_ROLES.contains(&header.carries.as_str()) {
            err(
                &place,
                "invalid header",
                &format!(
                    "carries {:?}, not one of {}",
                    header.carries,
                    HEADER_ROLES.join(", ")
                ),
            );
        }
        check_text(&header.description, "description", &place, err);
    }
}

fn check_statuses_and_modules(file: &VendorFile, err: &mut impl FnMut(&str, &str, &str)) {
    let mut statuses = BTreeSet::new();
    for (i, status) in file.http_statuses.iter().enumerate() {
        let place = format!("http status {}", i + 1);
        match status_of(&status.status) {
            Some(n) if !statuses.insert(n) => {
                err(&place, "duplicate status", &format!("{n} appears twice"));
            }
            Some(_) => {}
            None => err(
                &place,
                "malformed status",
                &format!("{} is not an integer from 100 to 599", status.status),
            ),
        }
        if status.reason.trim().is_empty() {
            err(&place, "missing text", "reason is empty");
        }
        check_text(&status.description, "description", &place, err);
    }

    let mut modules = BTreeSet::new();
    for module in &file.modules {
        let place = format!("module {}", module.module);
        if file.vendor != "upyun" {
            err(&place, "invalid module", "only Upyun codes have modules");
        }
        if module.module > 99 {
            err(&place, "invalid module", "a module is two digits");
        }
        if !modules.insert(module.module) {
            err(&place, "duplicate module", "the module appears twice");
        }
        check_text(&module.name, "name", &place, err);
    }
}

fn check_table<'a>(
    file: &VendorFile,
    table: &'a Table,
    codes: &mut BTreeMap<&'a str, String>,
    err: &mut impl FnMut(&str, &str, &str),
) {
    let mut names: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, entry) in table.entries.iter().enumerate() {
        let place = format!(
            "table {}, entry {} (code {:?})",
            table.name,
            i + 1,
            entry.code
        );
        let mut err = |rule: &str, detail: &str| err(&place, rule, detail);
        check_codes(&file.vendor, entry, &place, codes, &mut err);
        if let Some(first) = names.insert(entry.name.as_str(), i + 1) {
            err(
                "duplicate name",
                &format!("{:?} is also the name of entry {first}", entry.name),
            );
        }
        check_name(&entry.name, &mut err);
        check_meaning(entry, &mut err);
        match (file.vendor == "cloudbypass", entry.versions.as_deref()) {
            (true, Some(v)) if VERSIONS.contains(&v) => {}
            (true, Some(v)) => err(
                "versions",
                &format!("{v:?} is not one of {}", VERSIONS.join(", ")),
            ),
            (true, None) => err("versions", "a Cloudbypass entry names its API versions"),
            (false, Some(_)) => err("versions", "only Cloudbypass entries have versions"),
            (false, None) => {}
        }
        if entry.line == 0 {
            err("invalid line", "line is the 1-based seed line of the code");
        }
    }
}

/// The code and aliases: well-formed, unique within the vendor, templates well placed.
fn check_codes<'a>(
    vendor: &str,
    entry: &'a Entry,
    place: &str,
    codes: &mut BTreeMap<&'a str, String>,
    err: &mut impl FnMut(&str, &str),
) {
    for (what, code) in
        std::iter::once(("code", &entry.code)).chain(entry.aliases.iter().map(|a| ("alias", a)))
    {
        if let Some(problem) = code_problem(code) {
            err("invalid code", &format!("{what} {code:?} {problem}"));
        }
        if let Some(first) = codes.insert(code.as_str(), place.to_owned()) {
            err(
                "duplicate code",
                &format!("{what} {code:?} is already used by {first}"),
            );
        }
    }
    if vendor == "upyun" && !is_upyun_code(&entry.code) {
        err(
            "invalid code",
            "an Upyun code is five ASCII digits, the first 1 (system) or 2 (module)",
        );
    }
    if entry
        .aliases
        .iter()
        .any(|a| a.contains(TEMPLATE_PLACEHOLDER))
    {
        err("invalid template", "an alias cannot be a template");
    }
    if let Some(at) = entry.code.find(TEMPLATE_PLACEHOLDER) {
        if at == 0 || at + TEMPLATE_PLACEHOLDER.len() != entry.code.len() {
            err(
                "invalid template",
                "a template has text before one `%s`, which ends the code",
            );
        }
    }
}

fn check_name(name: &str, err: &mut impl FnMut(&str, &str)) {
    if KEYWORDS.contains(&name) {
        err("invalid name", &format!("{name:?} is a Rust keyword"));
    } else if !is_variant_name(name) {
        err(
            "invalid name",
            &format!(
                "{name:?} is not an UpperCamelCase Rust identifier ([A-Z][A-Za-z0-9]*, at most 64 bytes)"
            ),
        );
    }
}

/// Texts, kind, retry advice, status and link.
fn check_meaning(entry: &Entry, err: &mut impl FnMut(&str, &str)) {
    let mut err3 = |_: &str, rule: &str, detail: &str| err(rule, detail);
    check_text(&entry.message, "message", "", &mut err3);
    for (field, text) in [
        ("description", &entry.description),
        ("remedy", &entry.remedy),
    ] {
        if let Some(text) = text {
            check_text(text, field, "", &mut err3);
        }
    }
    check_url(entry.docs_url.as_deref(), "docs_url", &mut err3);
    if entry.message_aliases.iter().any(|a| a.trim().is_empty()) {
        err("missing text", "a message alias is empty");
    }
    if let Some(status) = &entry.http_status {
        if status_of(status).is_none() {
            err(
                "malformed status",
                &format!("http_status {status} is not an integer from 100 to 599"),
            );
        }
    }
    check_kind_and_retry(
        &entry.kind,
        entry.retryable,
        entry.retry_reason.as_deref(),
        err,
    );
}

/// A kind other than `unknown`, and a retry override only with a reason and only where it
/// changes the kind's default.
fn check_kind_and_retry(
    kind: &str,
    retryable: Option<bool>,
    retry_reason: Option<&str>,
    err: &mut impl FnMut(&str, &str),
) {
    match kind_retryable(kind) {
        None if kind.is_empty() => err("unknown kind", "kind is missing"),
        None => err(
            "unknown kind",
            &format!("{kind:?} is not a kind (see data/README.md)"),
        ),
        Some(_) if kind == "unknown" => err(
            "unknown kind",
            "\"unknown\" is what unclassified codes get; judge the meaning into a kind",
        ),
        Some(default) => match (retryable, retry_reason) {
            (Some(r), _) if r == default => err(
                "retry override",
                &format!("retryable is {r}, which is already the default of {kind}"),
            ),
            (Some(_), None) => err(
                "retry override",
                "retryable overrides the kind's default but retry_reason is missing",
            ),
            (Some(_), Some(reason)) if reason.trim().is_empty() => {
                err("retry override", "retry_reason is empty");
            }
            (None, Some(_)) => err(
                "retry override",
                "retry_reason is given but retryable is not",
            ),
            _ => {}
        },
    }
}

fn check_text(text: &Text, field: &str, place: &str, err: &mut impl FnMut(&str, &str, &str)) {
    for (lang, s) in [("zh", &text.zh), ("en", &text.en)] {
        if s.trim().is_empty() {
            err(
                place,
                "missing text",
                &format!("{field}.{lang} is missing or empty"),
            );
        } else if s.chars().any(char::is_control) {
            err(
                place,
                "invalid text",
                &format!("{field}.{lang} contains a control character"),
            );
        }
    }
}

fn check_url(url: Option<&str>, field: &str, err: &mut impl FnMut(&str, &str, &str)) {
    if let Some(url) = url {
        let ok = (url.starts_with("https://") || url.starts_with("http://"))
            && !url.chars().any(|c| c.is_whitespace() || c.is_control());
        if !ok {
            err(
                field,
                "invalid url",
                &format!("{url:?} is not an http(s) URL"),
            );
        }
    }
}

/// Why `code` cannot be a wire code, if it cannot.
fn code_problem(code: &str) -> Option<String> {
    if code.is_empty() {
        Some("is empty".to_owned())
    } else if code.len() > MAX_CODE_BYTES {
        Some(format!("is longer than {MAX_CODE_BYTES} bytes"))
    } else if code.trim() != code {
        Some("has leading or trailing whitespace".to_owned())
    } else if let Some(c) = code.chars().find(|c| c.is_control()) {
        let mut s = String::from("contains the control character ");
        let _ = write!(s, "U+{:04X}", u32::from(c));
        Some(s)
    } else {
        None
    }
}

fn is_upyun_code(code: &str) -> bool {
    let bytes = code.as_bytes();
    bytes.len() == 5 && matches!(bytes[0], b'1' | b'2') && bytes.iter().all(u8::is_ascii_digit)
}

fn is_variant_name(name: &str) -> bool {
    let mut bytes = name.bytes();
    name.len() <= 64
        && bytes.next().is_some_and(|b| b.is_ascii_uppercase())
        && bytes.all(|b| b.is_ascii_alphanumeric())
}

/// RFC 9110 `tchar`.
fn is_tchar(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b)
}

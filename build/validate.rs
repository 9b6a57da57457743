//! Every data rule of `data/README.md`.
//!
//! Each error names the file, the entry and the rule broken. All errors are collected; nothing is
//! dropped, and nothing here panics on any input. Shared by `build.rs` and `tests/data_rules.rs`.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use crate::schema::{Entry, FamilyFile, FamilyRow, Registry, Table, Text};

/// The layouts a family's folder may have (absent: code tables).
pub const LAYOUTS: [&str; 2] = ["products", CODELESS];

/// The layout of a family whose vendor documents no code or message.
pub const CODELESS: &str = "codeless";

/// What a header may carry.
pub const HEADER_ROLES: [&str; 4] = ["status", "error_code", "error_message", "request_id"];

/// Largest data file accepted, in bytes: a guard against a runaway import, far above any real
/// table (the largest product set, about 5,000 codes, is about 3 MiB).
pub const MAX_FILE_BYTES: usize = 64 << 20;

/// Longest header name accepted; `src/header.rs` compares names of at most this length.
pub const MAX_HEADER_NAME: usize = 64;

/// Longest code or alias accepted, in bytes.
pub const MAX_CODE_BYTES: usize = 256;

/// The placeholder that makes a code a template.
pub const TEMPLATE_PLACEHOLDER: &str = "%s";

/// How a vendor marks the variable end of a message (Upyun's `invalid ip:...`): a message
/// text ending in it is a template whose wire form is the text before the dots, then a value.
pub const MESSAGE_PLACEHOLDER: &str = ":...";

const KEYWORDS: [&str; 52] = [
    "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern",
    "false", "fn", "for", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub",
    "ref", "return", "self", "Self", "static", "struct", "super", "trait", "true", "type",
    "unsafe", "use", "where", "while", "abstract", "become", "box", "do", "final", "gen", "macro",
    "override", "priv", "try", "typeof", "unsized", "virtual", "yield",
];

impl Registry {
    /// The default retry advice of `kind`, or `None` if it is not a kind.
    #[must_use]
    pub fn kind_retryable(&self, kind: &str) -> Option<bool> {
        self.kinds
            .iter()
            .find(|k| k.name == kind)
            .map(|k| k.retryable)
    }

    /// The family called `slug`.
    #[must_use]
    pub fn family(&self, slug: &str) -> Option<&FamilyRow> {
        self.families.iter().find(|f| f.slug == slug)
    }

    /// The retry advice of a validated entry: its override, else its kind's default.
    #[must_use]
    pub fn entry_retryable(&self, entry: &Entry) -> bool {
        entry
            .retryable
            .unwrap_or_else(|| self.kind_retryable(&entry.kind).unwrap_or(false))
    }
}

/// A validated `wait` value as the Rust expression of a `crate::Wait`, and whether it implies
/// that a retry helps (`None`: either).
#[must_use]
pub fn wait_of(value: &serde_json::Value) -> Option<(String, Option<bool>)> {
    match value {
        serde_json::Value::String(s) => match s.as_str() {
            "immediately" => Some(("crate::Wait::Immediately".to_owned(), Some(true))),
            "backoff" => Some(("crate::Wait::Backoff".to_owned(), Some(true))),
            "never" => Some(("crate::Wait::Never".to_owned(), Some(false))),
            _ => None,
        },
        serde_json::Value::Object(map) if map.len() == 1 => {
            if let Some(n) = map.get("after_seconds").and_then(serde_json::Value::as_u64) {
                (1..=86_400).contains(&n).then(|| {
                    (
                        format!("crate::Wait::After(std::time::Duration::from_secs({n}))"),
                        Some(true),
                    )
                })
            } else {
                let window = match map.get("next_window")?.as_str()? {
                    "minute" => "Minute",
                    "hour" => "Hour",
                    "day" => "Day",
                    _ => return None,
                };
                Some((
                    format!("crate::Wait::NextWindow(crate::Window::{window})"),
                    None,
                ))
            }
        }
        _ => None,
    }
}

/// Checks a `wait` value against the retry advice it goes with.
fn check_wait(wait: Option<&serde_json::Value>, retryable: bool, err: &mut impl FnMut(&str, &str)) {
    let Some(value) = wait else { return };
    match wait_of(value) {
        None => err(
            "invalid wait",
            &format!(
                "wait {value} is not \"immediately\", \"backoff\", \"never\", \
                 {{\"after_seconds\": 1 to 86400}} or {{\"next_window\": \"minute\"|\"hour\"|\"day\"}}"
            ),
        ),
        Some((_, Some(helps))) if helps != retryable => err(
            "invalid wait",
            &format!("wait {value} contradicts the retry advice (retryable: {retryable})"),
        ),
        Some(_) => {}
    }
}

/// The HTTP status of a validated `http_status` value.
#[must_use]
pub fn status_of(value: &serde_json::Value) -> Option<u16> {
    value
        .as_u64()
        .and_then(|n| u16::try_from(n).ok())
        .filter(|n| (100..=599).contains(n))
}

/// Reads the bytes of a JSON file: size, byte-order mark, UTF-8 and JSON syntax.
fn read_json<T: serde::de::DeserializeOwned>(path: &str, bytes: &[u8]) -> Result<T, Vec<String>> {
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
    serde_json::from_slice(bytes).or_else(|e| fail("invalid json", e.to_string()))
}

/// Reads and checks `data/registry.json`.
///
/// # Errors
/// Every rule the registry breaks, one message each.
pub fn validate_registry(path: &str, bytes: &[u8]) -> Result<Registry, Vec<String>> {
    let registry: Registry = read_json(path, bytes)?;
    let mut errors = Vec::new();
    let mut err = |place: &str, rule: &str, detail: &str| {
        errors.push(format!("{path}: {place}: {rule}: {detail}"));
    };
    let mut names = BTreeSet::new();
    for kind in &registry.kinds {
        let place = format!("kind {:?}", kind.name);
        if !is_snake(&kind.name) || !names.insert(kind.name.as_str()) {
            err(&place, "invalid name", "a kind is a unique snake_case name");
        }
        if !(100..=599).contains(&kind.http_status) {
            err(&place, "malformed status", "http_status is from 100 to 599");
        }
        if kind.doc.trim().is_empty() {
            err(&place, "missing text", "doc is empty");
        }
    }
    if registry.kind_retryable("unknown").is_none() {
        err("kinds", "unknown kind", "the kind \"unknown\" is missing");
    }
    let mut slugs = BTreeSet::new();
    let mut rust = BTreeSet::new();
    for vendor in &registry.vendors {
        let place = format!("vendor {:?}", vendor.slug);
        if !is_slug(&vendor.slug) {
            err(
                &place,
                "invalid name",
                "a vendor slug is lowercase ASCII words joined by `-`",
            );
        }
        if !is_variant_name(&vendor.rust) || !rust.insert(vendor.rust.as_str()) {
            err(
                &place,
                "invalid name",
                "rust is a unique UpperCamelCase identifier",
            );
        }
        if !is_snake(&vendor.module) || KEYWORDS.contains(&vendor.module.as_str()) {
            err(
                &place,
                "invalid name",
                "module is a snake_case Rust identifier",
            );
        }
        if vendor.name.trim().is_empty() {
            err(&place, "missing text", "name is empty");
        }
        for slug in std::iter::once(&vendor.slug).chain(&vendor.aliases) {
            if !slugs.insert(slug.as_str()) {
                err(
                    &place,
                    "duplicate name",
                    &format!("{slug:?} names two vendors"),
                );
            }
        }
    }
    check_families(&registry, &mut rust, &mut err);
    if errors.is_empty() {
        Ok(registry)
    } else {
        Err(errors)
    }
}

/// The registry's family rows: slugs, names, features, headers and code formats.
fn check_families<'r>(
    registry: &'r Registry,
    rust: &mut BTreeSet<&'r str>,
    err: &mut impl FnMut(&str, &str, &str),
) {
    let mut slugs = BTreeSet::new();
    let mut features = BTreeSet::new();
    let mut header_names = BTreeSet::new();
    for family in &registry.families {
        let place = format!("family {:?}", family.slug);
        check_headers(
            &family.headers,
            &mut header_names,
            &mut |at, rule, detail| {
                err(&format!("{place}, {at}"), rule, detail);
            },
        );
        let mut err = |rule: &str, detail: &str| err(&place, rule, detail);
        match family.slug.split_once('/') {
            Some((vendor, name)) if vendor == family.vendor && is_slug(name) => {}
            _ => err(
                "invalid name",
                "a family slug is `<vendor slug>/<name>`, the name lowercase words joined by `-`",
            ),
        }
        if !registry.vendors.iter().any(|v| v.slug == family.vendor) {
            err(
                "unknown vendor",
                &format!("{:?} is not a vendor", family.vendor),
            );
        }
        if !is_variant_name(&family.rust) || !rust.insert(family.rust.as_str()) {
            err("invalid name", "rust is a unique UpperCamelCase identifier");
        }
        if !is_snake(&family.module) || KEYWORDS.contains(&family.module.as_str()) {
            err("invalid name", "module is a snake_case Rust identifier");
        }
        if !is_slug(&family.feature) || !features.insert(family.feature.as_str()) {
            err(
                "invalid name",
                "feature is a unique lowercase name joined by `-`",
            );
        }
        if family.name.trim().is_empty() || family.doc.trim().is_empty() {
            err("missing text", "name and doc are not empty");
        }
        for slug in std::iter::once(&family.slug).chain(&family.aliases) {
            if !slugs.insert(slug.as_str()) {
                err("duplicate name", &format!("{slug:?} names two families"));
            }
        }
        if let Some(format) = &family.code_format {
            if format.digits == 0 || !format.first.bytes().all(|b| b.is_ascii_digit()) {
                err(
                    "invalid code",
                    "code_format is a digit count and a set of first digits",
                );
            }
        }
        match family.layout.as_deref() {
            Some(layout) if !LAYOUTS.contains(&layout) => err(
                "invalid layout",
                &format!(
                    "layout {layout:?} is not one of {} (absent: code tables)",
                    LAYOUTS.join(", ")
                ),
            ),
            Some(CODELESS) => {
                let r = &family.resolution;
                let resolves = r.dotted || r.hundreds || r.templates || r.appended_detail;
                if family.code_format.is_some()
                    || !family.versions.is_empty()
                    || resolves
                    || family.detail.is_some()
                {
                    err(
                        "invalid layout",
                        "a codeless family has no code_format, versions, resolution or detail: \
                         it has no code",
                    );
                }
            }
            _ => {}
        }
    }
}

/// Reads and checks one data file of the family folder `family` (a slug of the registry).
/// `path` is how errors name the file.
///
/// # Errors
/// Every rule the file breaks, one message each.
pub fn validate_file(
    path: &str,
    bytes: &[u8],
    registry: &Registry,
    family: &str,
) -> Result<FamilyFile, Vec<String>> {
    let file: FamilyFile = read_json(path, bytes)?;
    let mut errors = Vec::new();
    check_file(path, &file, registry, family, &mut errors);
    if errors.is_empty() {
        Ok(file)
    } else {
        Err(errors)
    }
}

/// Checks the rules that span files: every family read has a file, codes and table names are
/// unique within a family.
///
/// # Errors
/// Every rule the set of files breaks.
pub fn validate_catalog(
    families: &[&str],
    files: &[(String, FamilyFile)],
) -> Result<(), Vec<String>> {
    let mut errors = Vec::new();
    for slug in families {
        let in_family: Vec<&(String, FamilyFile)> =
            files.iter().filter(|(_, f)| f.family == *slug).collect();
        if in_family.is_empty() {
            errors.push(format!(
                "data/{slug}: missing family: no data file declares family {slug:?}"
            ));
        }
        let mut codes: BTreeMap<&str, String> = BTreeMap::new();
        let mut tables: BTreeMap<String, &str> = BTreeMap::new();
        for (path, file) in &in_family {
            for table in &file.tables {
                if let Some(first) = tables.insert(table.name.to_ascii_uppercase(), path) {
                    if first != path.as_str() {
                        errors.push(format!(
                            "{path}: table {:?}: duplicate name: {first} has a table of this name",
                            table.name
                        ));
                    }
                }
                for (i, entry) in table.entries.iter().enumerate() {
                    for code in std::iter::once(&entry.code).chain(&entry.aliases) {
                        let place = format!(
                            "{path}: table {}, entry {} (code {:?})",
                            table.name,
                            i + 1,
                            entry.code
                        );
                        if let Some(first) = codes.insert(code.as_str(), place.clone()) {
                            if !first.starts_with(&format!("{path}:")) {
                                errors.push(format!(
                                    "{place}: duplicate code: {code:?} is already used by {first}"
                                ));
                            }
                        }
                    }
                }
            }
        }
        for (path, file) in &in_family {
            for (i, c) in file.classifications.iter().enumerate() {
                if let Some(first) = codes.get(c.code.as_str()) {
                    if !first.starts_with(&format!("{path}:")) {
                        errors.push(format!(
                            "{path}: classification {} (code {:?}): duplicate code: {first} \
                             documents this code; a classification is for unlisted codes",
                            i + 1,
                            c.code
                        ));
                    }
                }
            }
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

fn check_file(
    path: &str,
    file: &FamilyFile,
    registry: &Registry,
    family: &str,
    errors: &mut Vec<String>,
) {
    let mut err = |place: &str, rule: &str, detail: &str| {
        errors.push(format!("{path}: {place}: {rule}: {detail}"));
    };
    let Some(row) = registry.family(&file.family) else {
        let known: Vec<&str> = registry.families.iter().map(|f| f.slug.as_str()).collect();
        err(
            "family",
            "unknown family",
            &format!("{:?} is not one of {}", file.family, known.join(", ")),
        );
        return;
    };
    if file.family != family {
        err(
            "family",
            "family mismatch",
            &format!(
                "the file is in the folder of {family:?} but declares family {:?}",
                file.family
            ),
        );
    }
    check_source(file, &mut err);
    check_statuses_and_modules(file, row, &mut err);
    if row.layout.as_deref() == Some(CODELESS) {
        check_codeless(file, &mut err);
        return;
    }
    if !file.evidence.is_empty() {
        err(
            "evidence",
            "unexpected evidence",
            "only a codeless family's files cite evidence; a family with tables cites each entry",
        );
    }

    if file.tables.is_empty() {
        err("tables", "empty table", "the file has no code table");
    }
    // Codes and aliases are unique across all of a family's tables.
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
            // family plus the name without `Code`, and no table can shadow a module's own items.
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
        check_table(file, row, registry, table, &mut codes, &mut err);
    }
    check_classifications(file, registry, &codes, &mut err);
}

/// A file of a codeless family (`layout: "codeless"`): no table, classification or module, and
/// its source cited by line, each line with what it shows.
fn check_codeless(file: &FamilyFile, err: &mut impl FnMut(&str, &str, &str)) {
    let codeless = "a codeless family (layout \"codeless\") has no code";
    if !file.tables.is_empty() {
        err(
            "tables",
            "unexpected table",
            &format!("{codeless}: its files have no table"),
        );
    }
    if !file.classifications.is_empty() {
        err(
            "classifications",
            "unexpected classification",
            &format!("{codeless} to classify"),
        );
    }
    if file.source.cite != "line" {
        err(
            "source",
            "invalid source",
            "a codeless family's source is cited by line (source.cite \"line\"): its evidence",
        );
    }
    if file.evidence.is_empty() {
        err(
            "evidence",
            "missing evidence",
            "a codeless family's file cites the lines its detection and parser rest on",
        );
    }
    let mut last = 0;
    for (i, e) in file.evidence.iter().enumerate() {
        let place = format!("evidence {} (line {})", i + 1, e.at);
        if e.at == 0 {
            err(
                &place,
                "invalid line",
                "at is the 1-based line of the source",
            );
        } else if e.at <= last {
            err(
                &place,
                "invalid line",
                &format!(
                    "lines are cited once each, in order: {} comes after {last}",
                    e.at
                ),
            );
        }
        last = last.max(e.at);
        if e.what.trim().is_empty() {
            err(&place, "missing text", "what is missing or empty");
        }
    }
}

fn check_source(file: &FamilyFile, err: &mut impl FnMut(&str, &str, &str)) {
    let s = &file.source;
    if s.title.trim().is_empty() {
        err("source", "missing text", "source.title is missing or empty");
    }
    if s.url.is_empty() {
        err("source", "invalid url", "source.url is missing");
    } else {
        check_url(Some(&s.url), "source", err);
    }
    if !is_date(&s.date) {
        err(
            "source",
            "invalid source",
            "source.date is a YYYY-MM-DD date",
        );
    }
    if !matches!(s.cite.as_str(), "line" | "row" | "code") {
        err(
            "source",
            "invalid source",
            "source.cite is \"line\", \"row\" or \"code\"",
        );
    }
    let sections = file.tables.iter().filter(|t| t.section.is_some()).count();
    match s.cite.as_str() {
        "row" if sections != file.tables.len() => err(
            "source",
            "invalid source",
            "a source cited by row names the section of every table",
        ),
        "line" | "code" if sections > 0 => err(
            "source",
            "invalid source",
            "only a source cited by row names sections",
        ),
        _ => {}
    }
    match (&s.repository, &s.path, &s.commit) {
        (None, None, None) => {}
        (Some(_), Some(_), Some(commit))
            if commit.len() == 40 && commit.bytes().all(|b| b.is_ascii_hexdigit()) => {}
        _ => err(
            "source",
            "invalid source",
            "a repository source names repository, path and a 40-hex-digit commit",
        ),
    }
}

fn check_classifications(
    file: &FamilyFile,
    registry: &Registry,
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
        check_kind_and_retry(
            registry,
            &c.kind,
            c.retryable,
            c.retry_reason.as_deref(),
            &mut err,
        );
        let retryable = c
            .retryable
            .unwrap_or_else(|| registry.kind_retryable(&c.kind).unwrap_or(false));
        check_wait(c.wait.as_ref(), retryable, &mut err);
    }
}

/// Header names: tokens of at most `MAX_HEADER_NAME` bytes, unique across every family
/// (`names` collects them, lowercased), each with a known role and a description.
fn check_headers(
    headers: &[crate::schema::Header],
    header_names: &mut BTreeSet<String>,
    err: &mut impl FnMut(&str, &str, &str),
) {
    for (i, header) in headers.iter().enumerate() {
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
                "the name appears twice in the registry (case-insensitively)",
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

fn check_statuses_and_modules(
    file: &FamilyFile,
    row: &FamilyRow,
    err: &mut impl FnMut(&str, &str, &str),
) {
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
        if row.code_format.is_none() {
            err(
                &place,
                "invalid module",
                "only a family whose codes have a digit format has modules",
            );
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
    file: &FamilyFile,
    row: &FamilyRow,
    registry: &Registry,
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
        check_codes(row, entry, &place, codes, &mut err);
        if let Some(first) = names.insert(entry.name.as_str(), i + 1) {
            err(
                "duplicate name",
                &format!("{:?} is also the name of entry {first}", entry.name),
            );
        }
        check_name(&entry.name, &mut err);
        check_meaning(registry, entry, &mut err);
        check_wait(
            entry.wait.as_ref(),
            registry.entry_retryable(entry),
            &mut err,
        );
        let versions = &row.versions;
        match (versions.is_empty(), entry.versions.as_deref()) {
            (false, Some(v)) if versions.iter().any(|x| x == v) => {}
            (false, Some(v)) => err(
                "versions",
                &format!("{v:?} is not one of {}", versions.join(", ")),
            ),
            (false, None) => err("versions", "an entry of this family names its API versions"),
            (true, Some(_)) => err("versions", "this family's entries have no versions"),
            (true, None) => {}
        }
        let cite = file.source.cite.as_str();
        match (cite, entry.at) {
            ("code", Some(_)) => err(
                "invalid line",
                "the source cites entries by code: at is not given",
            ),
            ("line" | "row", None | Some(0)) => err(
                "invalid line",
                &format!("at is the 1-based {cite} of the code in the source"),
            ),
            _ => {}
        }
        // Cited by row or code, the source's numbers are not the seed's: every entry gives its
        // seed line. Cited by line, the source is either the file the seed copies (`at` is the
        // seed line) or a later version of it (`seed_line` for each entry the seed has): the
        // seed is not read here, `tests/catalog.rs` checks which, and every line, against it.
        let has_seed = file.source.seed.is_some();
        match entry.seed_line {
            Some(0) => err("invalid line", "seed_line is 1-based"),
            Some(_) if !has_seed => err(
                "invalid line",
                "seed_line is a line of the seed copy, and the source names no seed",
            ),
            None if has_seed && cite != "line" => err(
                "invalid line",
                "seed_line is the 1-based line of the seed copy where the code is",
            ),
            _ => {}
        }
    }
}

/// The code and aliases: well-formed, unique within the family, templates well placed.
fn check_codes<'a>(
    row: &FamilyRow,
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
    if let Some(format) = &row.code_format {
        let bytes = entry.code.as_bytes();
        let ok = bytes.len() == format.digits
            && bytes.iter().all(u8::is_ascii_digit)
            && format.first.as_bytes().contains(&bytes[0]);
        if !ok {
            err(
                "invalid code",
                &format!(
                    "a code of this family is {} ASCII digits, the first one of {}",
                    format.digits, format.first
                ),
            );
        }
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
fn check_meaning(registry: &Registry, entry: &Entry, err: &mut impl FnMut(&str, &str)) {
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
    let texts = [&entry.message.zh, &entry.message.en].into_iter();
    if texts
        .chain(&entry.message_aliases)
        .filter_map(|t| t.strip_suffix(MESSAGE_PLACEHOLDER))
        .any(|prefix| prefix.trim().is_empty())
    {
        err(
            "invalid template",
            "a message template (ending in `:...`) has words before its placeholder",
        );
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
        registry,
        &entry.kind,
        entry.retryable,
        entry.retry_reason.as_deref(),
        err,
    );
}

/// A kind other than `unknown`, and a retry override only with a reason and only where it
/// changes the kind's default.
fn check_kind_and_retry(
    registry: &Registry,
    kind: &str,
    retryable: Option<bool>,
    retry_reason: Option<&str>,
    err: &mut impl FnMut(&str, &str),
) {
    match registry.kind_retryable(kind) {
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

fn is_snake(name: &str) -> bool {
    name.bytes().next().is_some_and(|b| b.is_ascii_lowercase())
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

fn is_slug(name: &str) -> bool {
    name.bytes().next().is_some_and(|b| b.is_ascii_lowercase())
        && !name.ends_with('-')
        && !name.contains("--")
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
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

// ---------------------------------------------------------------------------------------------
// The products layout (`layout: "products"`): Tencent Cloud's product codes.

/// The format tag of a product file.
pub const PRODUCT_FORMAT: &str = "errcat/tencent-cloud-products/1";

/// The first dot-separated segment of a code: its family root.
#[must_use]
pub fn root_of(code: &str) -> &str {
    code.split('.').next().unwrap_or(code)
}

/// Whether `rule` (a code, or a dotted prefix) covers `code`.
#[must_use]
pub fn rule_covers(rule: &str, code: &str) -> bool {
    code.strip_prefix(rule)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('.'))
}

/// Where a product code's kind comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KindFrom {
    /// `roots[i]`.
    Root(usize),
    /// `rules[i]`.
    Rule(usize),
}

/// The rule or root that classifies `code` of `product`: the most specific rule (exact code
/// before a prefix, a longer prefix before a shorter; a rule naming the product before one for
/// every product), else the root's row.
#[must_use]
pub fn product_kind(
    classes: &crate::schema::ProductClassifications,
    product: &str,
    code: &str,
) -> Option<KindFrom> {
    let mut best: Option<(usize, bool, usize)> = None;
    for (i, rule) in classes.rules.iter().enumerate() {
        let applies = rule.products.is_empty() || rule.products.iter().any(|p| p == product);
        if !applies || !rule_covers(&rule.code, code) {
            continue;
        }
        let key = (rule.code.len(), !rule.products.is_empty());
        if best.is_none_or(|(len, named, _)| key > (len, named)) {
            best = Some((key.0, key.1, i));
        }
    }
    if let Some((_, _, i)) = best {
        return Some(KindFrom::Rule(i));
    }
    let root = root_of(code);
    classes
        .roots
        .iter()
        .position(|r| r.root == root)
        .map(KindFrom::Root)
}

/// Reads `classifications.json` of a products folder (checked with the product files, by
/// `validate_products`).
///
/// # Errors
/// The file cannot be read as JSON of the schema, or names another family.
pub fn read_classifications(
    path: &str,
    bytes: &[u8],
    family: &str,
) -> Result<crate::schema::ProductClassifications, Vec<String>> {
    let c: crate::schema::ProductClassifications = read_json(path, bytes)?;
    if c.family != family {
        return Err(vec![format!(
            "{path}: family: wrong folder: the file says {:?}, its folder is {family:?}",
            c.family
        )]);
    }
    Ok(c)
}

fn is_sha256(s: &str) -> bool {
    s.len() == 64
        && s.bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// Whether `s` is a `YYYY-MM-DD` date (its shape: four digits, `-`, two, `-`, two).
fn is_date(s: &str) -> bool {
    let date = s.as_bytes();
    date.len() == 10
        && date.iter().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                *b == b'-'
            } else {
                b.is_ascii_digit()
            }
        })
}

/// Reads and checks one product file.
///
/// # Errors
/// Every rule the file breaks, one message each.
#[allow(
    clippy::too_many_lines,
    reason = "every rule of a product file, in order"
)]
pub fn validate_product_file(
    path: &str,
    bytes: &[u8],
    family: &str,
) -> Result<crate::schema::ProductFile, Vec<String>> {
    let file: crate::schema::ProductFile = read_json(path, bytes)?;
    let mut errors = Vec::new();
    let mut err = |place: &str, rule: &str, detail: &str| {
        errors.push(format!("{path}: {place}: {rule}: {detail}"));
    };
    if file.family != family {
        err(
            "family",
            "wrong folder",
            &format!("the file says {:?}", file.family),
        );
    }
    if file.format != PRODUCT_FORMAT {
        err(
            "format",
            "unknown format",
            &format!("{:?} is not {PRODUCT_FORMAT:?}", file.format),
        );
    }
    let expected = format!("{}.json", file.product);
    if !is_snake(&file.product) || !path.ends_with(&format!("/{expected}")) {
        err(
            "product",
            "invalid name",
            &format!(
                "the product {:?} is a lowercase name and the file is {expected}",
                file.product
            ),
        );
    }
    if file.generator.trim().is_empty() {
        err(
            "generator",
            "missing text",
            "name the tool that wrote the file",
        );
    }
    let mut langs = BTreeSet::new();
    for s in &file.sources {
        let place = format!("source {:?}", s.lang);
        if !matches!(s.lang.as_str(), "zh" | "en") || !langs.insert(s.lang.as_str()) {
            err(
                &place,
                "invalid source",
                "one source per language, zh or en",
            );
        }
        if s.package.trim().is_empty() || s.version.trim().is_empty() || s.file.trim().is_empty() {
            err(
                &place,
                "missing text",
                "package, version and file are given",
            );
        }
        if !is_sha256(&s.sha256) {
            err(
                &place,
                "invalid source",
                "sha256 is 64 lowercase hex digits",
            );
        }
        if !is_date(&s.date) {
            err(&place, "invalid date", "date is YYYY-MM-DD");
        }
    }
    if file.versions.is_empty() {
        err(
            "versions",
            "missing versions",
            "a product has at least one API version",
        );
    }
    for (i, v) in file.versions.iter().enumerate() {
        let place = format!("version {}", i + 1);
        if v.version.trim().is_empty() || (v.zh_path.is_none() && v.en_path.is_none()) {
            err(
                &place,
                "invalid version",
                "a version names itself and at least one SDK file",
            );
        }
        for (lang, p) in [("zh", &v.zh_path), ("en", &v.en_path)] {
            if p.is_some() && !langs.contains(lang) {
                err(
                    &place,
                    "invalid source",
                    &format!("a {lang} file without a {lang} source"),
                );
            }
        }
    }
    let mut codes: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, e) in file.entries.iter().enumerate() {
        let place = format!("entry {} (code {:?})", i + 1, e.code);
        for code in std::iter::once(&e.code).chain(&e.aliases) {
            if let Some(problem) = code_problem(code) {
                err(&place, "invalid code", &format!("{code:?} {problem}"));
            }
            if let Some(first) = codes.insert(code.as_str(), i + 1) {
                err(
                    &place,
                    "duplicate code",
                    &format!("{code:?} is also entry {first}"),
                );
            }
        }
        let texts = [("zh", e.zh.as_ref()), ("en", e.en.as_ref())];
        for (lang, t) in texts
            .into_iter()
            .chain(e.zh_aliases.iter().map(|a| ("zh_aliases", Some(a))))
        {
            if let Some(t) = t {
                if t.trim().is_empty() || t.trim() != t {
                    err(
                        &place,
                        "invalid text",
                        &format!("{lang} is empty or has surrounding white space"),
                    );
                } else if t.chars().any(char::is_control) {
                    err(
                        &place,
                        "invalid text",
                        &format!("{lang} contains a control character"),
                    );
                }
            }
        }
        let version = |v: usize| file.versions.get(v);
        match version(e.v) {
            None => err(
                &place,
                "invalid version",
                &format!("v {} is not a version of the file", e.v),
            ),
            Some(v) => {
                let en_version = e.en_v.map_or(Some(v), version);
                for (lang, line, file_path) in [
                    ("zh", e.zh_line, v.zh_path.as_ref()),
                    ("en", e.en_line, en_version.and_then(|x| x.en_path.as_ref())),
                ] {
                    match (line, file_path) {
                        (Some(0), _) => {
                            err(&place, "invalid line", &format!("{lang}_line is 1-based"));
                        }
                        (Some(_), None) => err(
                            &place,
                            "invalid line",
                            &format!("{lang}_line cites a version without a {lang} file"),
                        ),
                        _ => {}
                    }
                }
                if e.zh.is_some() && e.zh_line.is_none() || e.en.is_some() && e.en_line.is_none() {
                    err(&place, "invalid line", "each text cites its line");
                }
            }
        }
    }
    if errors.is_empty() {
        Ok(file)
    } else {
        Err(errors)
    }
}

/// The rules across a products folder: every root of every code has a row; rules and roots are
/// well-formed, unique and each matches a code.
///
/// # Errors
/// Every rule broken, one message each.
#[allow(
    clippy::too_many_lines,
    reason = "every rule across a products folder, in order"
)]
pub fn validate_products(
    registry: &Registry,
    files: &[(String, crate::schema::ProductFile)],
    classes: &crate::schema::ProductClassifications,
) -> Result<(), Vec<String>> {
    let path = "data/tencent-cloud/products/classifications.json";
    let mut errors = Vec::new();
    let mut err = |place: &str, rule: &str, detail: &str| {
        errors.push(format!("{path}: {place}: {rule}: {detail}"));
    };
    if classes.note.trim().is_empty() {
        err(
            "note",
            "missing text",
            "say what the file is and how it was reviewed",
        );
    }
    let mut roots = BTreeSet::new();
    for r in &classes.roots {
        let place = format!("root {:?}", r.root);
        let mut e = |rule: &str, detail: &str| err(&place, rule, detail);
        if !is_variant_name(&r.root) || KEYWORDS.contains(&r.root.as_str()) {
            e("invalid name", "a root is an UpperCamelCase identifier");
        }
        if !roots.insert(r.root.as_str()) {
            e("duplicate code", "two rows have this root");
        }
        if r.reason.trim().is_empty() {
            e("missing text", "reason is missing or empty");
        }
        check_kind_and_retry(
            registry,
            &r.kind,
            r.retryable,
            r.retry_reason.as_deref(),
            &mut e,
        );
    }
    let products: BTreeSet<&str> = files.iter().map(|(_, f)| f.product.as_str()).collect();
    let mut used = vec![false; classes.rules.len()];
    let mut seen = BTreeSet::new();
    for (i, r) in classes.rules.iter().enumerate() {
        let place = format!("rule {} (code {:?})", i + 1, r.code);
        let mut e = |rule: &str, detail: &str| err(&place, rule, detail);
        if let Some(problem) = code_problem(&r.code) {
            e("invalid code", &format!("{:?} {problem}", r.code));
        }
        for p in &r.products {
            if !products.contains(p.as_str()) {
                e("unknown product", &format!("{p:?} has no product file"));
            }
        }
        let mut key = r.products.clone();
        key.sort();
        if !seen.insert((r.code.as_str(), key)) {
            e(
                "duplicate code",
                "two rules have this code for the same products",
            );
        }
        if r.reason.trim().is_empty() {
            e("missing text", "reason is missing or empty");
        }
        check_kind_and_retry(
            registry,
            &r.kind,
            r.retryable,
            r.retry_reason.as_deref(),
            &mut e,
        );
        let retryable = r
            .retryable
            .unwrap_or_else(|| registry.kind_retryable(&r.kind).unwrap_or(false));
        check_wait(r.wait.as_ref(), retryable, &mut e);
    }
    let mut missing_roots = BTreeSet::new();
    for (_, file) in files {
        for entry in &file.entries {
            match product_kind(classes, &file.product, &entry.code) {
                Some(KindFrom::Rule(i)) => used[i] = true,
                Some(KindFrom::Root(_)) => {}
                None => {
                    missing_roots.insert(root_of(&entry.code).to_owned());
                }
            }
            // A rule that a more specific one hides still counts as matching.
            for (i, r) in classes.rules.iter().enumerate() {
                if !used[i]
                    && rule_covers(&r.code, &entry.code)
                    && (r.products.is_empty() || r.products.contains(&file.product))
                {
                    used[i] = true;
                }
            }
        }
    }
    for root in missing_roots {
        err(
            &format!("root {root:?}"),
            "missing root",
            "codes have this root and no row gives it a kind",
        );
    }
    for (i, r) in classes.rules.iter().enumerate() {
        if !used[i] {
            err(
                &format!("rule {} (code {:?})", i + 1, r.code),
                "unused rule",
                "no code of the named products is this code or below it",
            );
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

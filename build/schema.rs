//! Serde structs mirroring `data/README.md`. No logic: every rule lives in `validate.rs`.
//!
//! Shared by `build.rs` and `tests/data_rules.rs` (through `validate.rs`).

use serde::Deserialize;

/// One `data/<vendor>.json` file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VendorFile {
    pub vendor: String,
    pub seed: String,
    pub docs_url: Option<String>,
    #[serde(default)]
    pub headers: Vec<Header>,
    #[serde(default)]
    pub http_statuses: Vec<StatusMeaning>,
    #[serde(default)]
    pub modules: Vec<Module>,
    #[serde(default)]
    pub classifications: Vec<Classification>,
    pub tables: Vec<Table>,
}

/// How to classify unlisted codes at and below `code` (dotted codes: `code` and `code.*`).
#[derive(Debug, Default, Deserialize)]
// Absent fields read as empty, so that the validator reports them by classification.
#[serde(deny_unknown_fields, default)]
pub struct Classification {
    pub code: String,
    pub kind: String,
    pub retryable: Option<bool>,
    pub retry_reason: Option<String>,
    pub reason: String,
    pub source: Option<String>,
}

/// A text in Chinese and English.
#[derive(Debug, Clone, Default, Deserialize)]
// Absent languages read as empty, so that the validator reports them by entry.
#[serde(deny_unknown_fields, default)]
pub struct Text {
    pub zh: String,
    pub en: String,
}

/// A response header the vendor documents.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Header {
    pub name: String,
    pub carries: String,
    pub description: Text,
}

/// What the vendor says an HTTP status means.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusMeaning {
    pub status: serde_json::Value,
    pub reason: String,
    pub description: Text,
}

/// An Upyun module (the 2nd and 3rd digits of a code).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Module {
    pub module: u8,
    pub name: Text,
}

/// One code table; `name` becomes the Rust type name.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Table {
    pub name: String,
    pub doc: String,
    pub entries: Vec<Entry>,
}

/// One documented code.
#[derive(Debug, Default, Deserialize)]
// Absent fields read as empty, so that the validator reports each by entry (file, table,
// entry, rule) instead of serde reporting the first by byte offset.
#[serde(deny_unknown_fields, default)]
pub struct Entry {
    pub code: String,
    pub aliases: Vec<String>,
    pub name: String,
    pub message: Text,
    pub message_aliases: Vec<String>,
    pub description: Option<Text>,
    pub remedy: Option<Text>,
    /// Kept as a JSON value so that a malformed status is reported by the validator, by entry.
    pub http_status: Option<serde_json::Value>,
    pub kind: String,
    pub retryable: Option<bool>,
    pub retry_reason: Option<String>,
    pub docs_url: Option<String>,
    pub versions: Option<String>,
    pub line: u32,
    pub note: Option<String>,
}

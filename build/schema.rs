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
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Classification {
    #[serde(default)]
    pub code: String,
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub retryable: Option<bool>,
    #[serde(default)]
    pub retry_reason: Option<String>,
    #[serde(default)]
    pub reason: String,
    #[serde(default)]
    pub source: Option<String>,
}

/// A text in Chinese and English.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    /// Absent reads as empty, so that the validator reports it by entry.
    #[serde(default)]
    pub zh: String,
    #[serde(default)]
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
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    // `code`, `name`, `kind` and `line` default to empty/0 when absent, so that the validator
    // reports the missing field by entry instead of serde reporting it by byte offset.
    #[serde(default)]
    pub code: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub name: String,
    pub message: Text,
    #[serde(default)]
    pub message_aliases: Vec<String>,
    #[serde(default)]
    pub description: Option<Text>,
    #[serde(default)]
    pub remedy: Option<Text>,
    /// Kept as a JSON value so that a malformed status is reported by the validator, by entry.
    #[serde(default)]
    pub http_status: Option<serde_json::Value>,
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub retryable: Option<bool>,
    #[serde(default)]
    pub retry_reason: Option<String>,
    #[serde(default)]
    pub docs_url: Option<String>,
    #[serde(default)]
    pub versions: Option<String>,
    #[serde(default)]
    pub line: u32,
    #[serde(default)]
    pub note: Option<String>,
}

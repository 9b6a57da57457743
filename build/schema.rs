//! Serde structs mirroring `data/README.md`. No logic: every rule lives in `validate.rs`.
//!
//! Shared by `build.rs`, `tests/data_rules.rs` and the benchmarks' support crate.

use serde::Deserialize;

/// `data/registry.json`: every list the crate is built from, written once.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Registry {
    /// The error kinds, in `ErrorKind` order.
    pub kinds: Vec<KindRow>,
    /// The vendors (companies), in `Vendor` order.
    pub vendors: Vec<VendorRow>,
    /// The wire families, in detection and catalog order.
    pub families: Vec<FamilyRow>,
}

/// One `ErrorKind`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KindRow {
    pub name: String,
    pub http_status: u16,
    pub retryable: bool,
    pub doc: String,
}

/// One `Vendor`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VendorRow {
    pub slug: String,
    pub rust: String,
    pub module: String,
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// One `Family`: a wire family of a vendor, with its data folder `data/<slug>/`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FamilyRow {
    pub slug: String,
    pub vendor: String,
    pub rust: String,
    pub module: String,
    pub feature: String,
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub doc: String,
    /// The name of the family's own detail of a parsed error (`module_code`), if it has one.
    pub detail: Option<String>,
    /// The response headers the family documents: its detection evidence, compiled in whether
    /// or not the family's tables are.
    #[serde(default)]
    pub headers: Vec<Header>,
    /// A format every code of the family has.
    pub code_format: Option<CodeFormat>,
    /// The API-version tags an entry may carry (an entry then must carry one).
    #[serde(default)]
    pub versions: Vec<String>,
    pub resolution: Resolution,
    /// How the family's folder is laid out: absent for tables (`FamilyFile`s), `"products"`
    /// for one file per product (`ProductFile`) and a reviewed `classifications.json`
    /// (`ProductClassifications`): Tencent Cloud's product codes; `"codeless"` for a family
    /// whose vendor documents no code or message (`FamilyFile`s without tables, each citing the
    /// lines of its source that the family's detection and parser rest on: `evidence`).
    pub layout: Option<String>,
}

/// A code format: `digits` ASCII digits, the first one of `first`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CodeFormat {
    pub digits: usize,
    pub first: String,
}

/// How a family resolves a code it does not list (see `src/resolve.rs`).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
#[allow(
    clippy::struct_excessive_bools,
    reason = "four independent switches of the data"
)]
pub struct Resolution {
    /// `A.B.C` falls back to `A.B`, then `A`.
    pub dotted: bool,
    /// A number falls back to its hundred (`4102` to `4100`).
    pub hundreds: bool,
    /// Codes ending in `%s` match any value that starts with their text.
    pub templates: bool,
    /// A documented code followed by appended detail (`Invalid Url: /x`).
    pub appended_detail: bool,
}

/// One data file of a family folder.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FamilyFile {
    pub family: String,
    pub source: Source,
    #[serde(default)]
    pub http_statuses: Vec<StatusMeaning>,
    #[serde(default)]
    pub modules: Vec<Module>,
    #[serde(default)]
    pub classifications: Vec<Classification>,
    /// Empty (`[]`) in a codeless family's file (`layout: "codeless"`).
    pub tables: Vec<Table>,
    /// A codeless family's citations (`layout: "codeless"`): what the source says of the wire,
    /// line by line. A family with tables cites each entry instead.
    #[serde(default)]
    pub evidence: Vec<Evidence>,
}

/// One line of a codeless family's source and what it says of the wire.
#[derive(Debug, Default, Deserialize)]
// Absent fields read as empty, so that the validator reports them by rule.
#[serde(deny_unknown_fields, default)]
pub struct Evidence {
    /// The 1-based line of the source file at its commit.
    pub at: u32,
    /// What the line shows (English, one sentence).
    pub what: String,
}

/// The public document a file's entries come from.
#[derive(Debug, Default, Deserialize)]
// Absent fields read as empty, so that the validator reports them by rule.
#[serde(deny_unknown_fields, default)]
pub struct Source {
    /// The document's title as the vendor gives it.
    pub title: String,
    /// Where a user reads it: the vendor's page, or the repository file's web address.
    pub url: String,
    /// `owner/name`, when the document is a file in a public repository.
    pub repository: Option<String>,
    /// The file's path in `repository`.
    pub path: Option<String>,
    /// The commit read, 40 hex digits.
    pub commit: Option<String>,
    /// The version read: the commit's date, or the day the page was read (`YYYY-MM-DD`).
    pub date: String,
    /// How an entry is cited: `line` (`at` is a line of the file at `commit`), `row` (`at` is a
    /// data row of the table's `section`, in document order) or `code` (the code itself, where
    /// the document's rows cannot be counted reliably).
    pub cite: String,
    /// What the date is, and anything else a reader of the source should know.
    pub note: Option<String>,
    /// The workspace copy the entries were transcribed from (checked by `tests/catalog.rs`).
    pub seed: Option<String>,
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
    /// How long to wait before a retry, where the vendor documents it (see `Wait`).
    pub wait: Option<serde_json::Value>,
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

/// A response header the family documents.
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
    /// The section of the source whose rows `at` counts (sources cited by row).
    pub section: Option<String>,
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
    /// How long to wait before a retry, where the vendor documents it: `"immediately"`,
    /// `"backoff"`, `"never"`, `{"after_seconds": N}` or `{"next_window": "minute"|"hour"|"day"}`.
    pub wait: Option<serde_json::Value>,
    pub docs_url: Option<String>,
    pub versions: Option<String>,
    /// Where the source documents the code: a line or a row number, as `Source::cite` says.
    pub at: Option<u32>,
    /// The line of the seed copy, unless the source is the file the seed copies (`at` is then the
    /// seed line) or the seed lacks the code (checked by `tests/catalog.rs`).
    pub seed_line: Option<u32>,
    pub note: Option<String>,
}

/// One product's codes (`data/tencent-cloud/products/<product>.json`), written by
/// `tools/tencent-products/products_data.py` from the pinned SDK wheels.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProductFile {
    pub family: String,
    pub format: String,
    pub product: String,
    pub generator: String,
    /// The packages read: one per language whose SDK has the product.
    pub sources: Vec<ProductSource>,
    /// The product's API versions, oldest first, with each SDK's file.
    pub versions: Vec<ProductVersion>,
    pub entries: Vec<ProductEntry>,
}

/// A pinned SDK package.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProductSource {
    /// `zh` or `en`: the language of the package's comments.
    pub lang: String,
    pub package: String,
    pub version: String,
    /// The wheel's file name.
    pub file: String,
    pub sha256: String,
    /// The day the wheel was built (its files' date), `YYYY-MM-DD`.
    pub date: String,
}

/// One API version of a product and its `errorcodes.py` in each SDK.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProductVersion {
    pub version: String,
    pub zh_path: Option<String>,
    pub en_path: Option<String>,
}

/// One code of a product, merged over its API versions; defaults omitted.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ProductEntry {
    pub code: String,
    /// The Chinese SDK's comment, absent where only the English SDK has the code.
    pub zh: Option<String>,
    /// The English SDK's comment, absent where the vendor gives no English.
    pub en: Option<String>,
    /// The API version cited (index in `versions`), 0 when absent.
    pub v: usize,
    /// The API version of the English text when it is not `v`'s.
    pub en_v: Option<usize>,
    pub zh_line: Option<u32>,
    pub en_line: Option<u32>,
    /// Other spellings of the code (the other SDK's).
    pub aliases: Vec<String>,
    /// Chinese texts of older API versions, where they differ.
    pub zh_aliases: Vec<String>,
    /// How a text was cleaned (control characters removed).
    pub note: Option<String>,
}

/// `data/tencent-cloud/products/classifications.json`: the reviewed kinds of the product codes.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProductClassifications {
    pub family: String,
    pub note: String,
    /// One row per family root (a code's first dot-separated segment).
    pub roots: Vec<RootRow>,
    /// Sub-code rules: a code (and the codes below it), in every product or in some.
    pub rules: Vec<RuleRow>,
}

/// The kind of every code under a root, unless a rule says otherwise.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RootRow {
    pub root: String,
    pub kind: String,
    pub retryable: Option<bool>,
    pub retry_reason: Option<String>,
    pub reason: String,
}

/// A reviewed sub-code: its kind, retry advice and why.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RuleRow {
    /// A code, or a dotted prefix that covers the codes below it.
    pub code: String,
    /// The products it applies to; all when empty.
    pub products: Vec<String>,
    pub kind: String,
    pub retryable: Option<bool>,
    pub retry_reason: Option<String>,
    pub wait: Option<serde_json::Value>,
    pub reason: String,
}

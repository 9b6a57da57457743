//! Every data entry against every index, checked with a naive oracle.
//!
//! The oracle is this file's own minimal reading of `data/registry.json` and of the family
//! folders `data/<vendor>/<family>/*.json` through `serde_json::Value` (not the build script's
//! schema or emitter), and every lookup is compared with a linear scan of it. Checks collect
//! every mismatch and report them all at once, so one failing entry does not hide the next.

// Written against the five tables of the default features (`cfg` set by build.rs).
#![cfg(errcat_default_features)]

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::{Debug, Display};
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::LazyLock;

use errcat::tencent_cloud::common::Resolved;
use errcat::upyun::management::{Level, Structure};
use errcat::{
    AnyCode, ApiError, Cite, Entry, ErrorKind, Family, UnknownCode, Vendor, aliyun, catalog,
    cloudbypass, tencent_cloud, upyun,
};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

#[allow(dead_code)]
#[path = "support/expected.rs"]
mod expected;
use expected::{fills, template_words};

// The build's own reading of the registry, compared with the library's enums below.
// `validate.rs` names its schema as `crate::schema`, so both are included at the crate root,
// exactly as `build.rs` does.
#[allow(dead_code)]
#[path = "../build/schema.rs"]
mod schema;
#[allow(dead_code)]
#[path = "../build/validate.rs"]
mod validate;

// ---------------------------------------------------------------------------------------------
// Literal expectations (written by hand, independent of the data files and of the library).

/// Family slugs in registry order, which is detection order and catalog order.
const CATALOG_ORDER: [&str; 9] = [
    "tencent-cloud/common",
    "upyun/management",
    "tencent-cloud/cdn",
    "cloudbypass/api",
    "aliyun/apigateway",
    "upyun/rest",
    "upyun/form",
    "upyun/multipart",
    "aliyun/higress-hmac-auth",
];

/// Families laid out by product (`layout: "products"` in the registry), after the table
/// families in registry order: their codes are not in the cross-family indexes, and
/// `tests/tencent_products.rs` checks them.
const PRODUCT_FAMILIES: [&str; 1] = ["tencent-cloud/products"];

/// Families whose vendor documents no code (`layout: "codeless"` in the registry), after the
/// product families in registry order: no table and no entry; their data files hold their
/// sources and the lines cited (`evidence`).
const CODELESS_FAMILIES: [&str; 1] = ["cloudbypass/balance"];

/// What the codeless families' data holds: sources (data files) and evidence rows, by family.
const CODELESS_COUNTS: [(&str, usize, usize); 1] = [
    // python-sdk sessions.py (4 lines) and exceptions.py (1) at 1bc0491b, nodejs-sdk lib/api.js
    // at 29789498 (5), cloudbypass.github.com docs/us-en/credit_balance.md at 259f398f (5).
    ("cloudbypass/balance", 4, 15),
];

/// Every family slug in registry order: `CATALOG_ORDER`, `PRODUCT_FAMILIES`, then
/// `CODELESS_FAMILIES`.
fn registry_order() -> Vec<&'static str> {
    CATALOG_ORDER
        .iter()
        .chain(&PRODUCT_FAMILIES)
        .chain(&CODELESS_FAMILIES)
        .copied()
        .collect()
}

/// Vendor slugs in `Vendor::ALL` order.
const VENDORS: [&str; 4] = ["cloudbypass", "tencent-cloud", "aliyun", "upyun"];

/// Total number of documented codes.
const TOTAL: usize = 648;

/// Number of codes per family and table, in catalog order.
const COUNTS: [(&str, &str, usize); 12] = [
    ("tencent-cloud/common", "Code", 26),
    ("tencent-cloud/common", "PageCode", 12),
    ("upyun/management", "Code", 144),
    ("tencent-cloud/cdn", "Code", 16),
    ("tencent-cloud/cdn", "ModuleCode", 63),
    ("cloudbypass/api", "Code", 28),
    ("aliyun/apigateway", "Code", 29),
    ("aliyun/apigateway", "ErrorCode", 25),
    // The rows of upyun/docs `sources/api/errno.md` at 8d194b08 (the importer checks it too).
    ("upyun/rest", "Code", 258),
    // The status table of upyun/docs `sources/api/form_api.md` at dc24d0e, lines 223-251 (the
    // 200 OK row is the success, not a code).
    ("upyun/form", "Code", 29),
    // The error codes of upyun/docs `sources/api/multipart_upload.md` at 1d20722, lines 332-342.
    ("upyun/multipart", "Code", 11),
    // The sendLocalResponse calls of alibaba/higress hmac_auth/plugin.cc at bd670855.
    ("aliyun/higress-hmac-auth", "Code", 7),
];

/// The kinds table of `data/README.md`: name, canonical HTTP status, retry by default.
const KINDS: [(&str, u16, bool); 18] = [
    ("invalid_request", 400, false),
    ("unauthenticated", 401, false),
    ("permission_denied", 403, false),
    ("not_found", 404, false),
    ("conflict", 409, false),
    ("failed_precondition", 400, false),
    ("rate_limited", 429, true),
    ("quota_exceeded", 429, false),
    ("billing", 402, false),
    ("blocked", 403, false),
    ("upstream", 502, true),
    ("timeout", 504, true),
    ("unavailable", 503, true),
    ("internal", 500, true),
    ("unsupported", 501, false),
    ("partial_success", 207, false),
    ("dry_run", 200, false),
    ("unknown", 500, false),
];

fn kind_default_retry(kind: &str) -> bool {
    KINDS
        .iter()
        .find(|(k, _, _)| *k == kind)
        .unwrap_or_else(|| panic!("{kind:?} is not a kind of data/README.md"))
        .2
}

// ---------------------------------------------------------------------------------------------
// The oracle: a linear reading of data/registry.json and data/<vendor>/<family>/*.json.

/// One data file's `source`: the public document its entries come from.
#[derive(Debug, Clone, PartialEq, Eq)]
struct OSource {
    title: String,
    url: String,
    repository: Option<String>,
    path: Option<String>,
    commit: Option<String>,
    date: String,
    cite: String,
    note: Option<String>,
    /// The workspace copy the entries were transcribed from (`/work/shared/seeds/<seed>`).
    seed: Option<String>,
}

/// One classification of unlisted codes.
#[derive(Debug)]
struct OClassification {
    code: String,
    kind: String,
    retryable: bool,
    retry_reason: Option<String>,
    reason: String,
    source: Option<String>,
}

/// One wire family: its registry row (with its headers) and the contents of its data files, in
/// file order.
#[derive(Debug)]
struct OFamily {
    slug: String,
    vendor: String,
    name: String,
    feature: String,
    aliases: Vec<String>,
    /// One per data file.
    sources: Vec<OSource>,
    /// name, carries, (zh, en)
    headers: Vec<(String, String, (String, String))>,
    /// status, reason, (zh, en)
    statuses: Vec<(u16, String, (String, String))>,
    /// module, (zh, en)
    modules: Vec<(u8, (String, String))>,
    classifications: Vec<OClassification>,
    /// table name, entry count
    tables: Vec<(String, usize)>,
    /// The evidence rows of a codeless family's files.
    evidence: usize,
}

/// One entry, with file-level defaults already applied (retry advice, docs link).
#[derive(Debug)]
struct ORow {
    family: String,
    vendor: String,
    table: String,
    section: Option<String>,
    code: String,
    aliases: Vec<String>,
    name: String,
    zh: String,
    en: String,
    message_aliases: Vec<String>,
    description: Option<(String, String)>,
    remedy: Option<(String, String)>,
    http_status: Option<u16>,
    kind: String,
    retryable: bool,
    retry_reason: Option<String>,
    /// The entry's own link, else its source document's URL.
    docs_url: String,
    versions: Option<String>,
    /// Line or row in the public source, per `source.cite` (absent when cite is `code`).
    at: Option<u32>,
    /// Line in the seed copy (absent when the source is the file the seed copies, cited by line:
    /// `at` is the seed line then; and absent for an entry the seed does not have).
    seed_line: Option<u32>,
    note: Option<String>,
    source: OSource,
}

impl ORow {
    fn id(&self) -> (&str, &str) {
        (&self.family, &self.code)
    }

    fn spells(&self, code: &str) -> bool {
        self.code == code || self.aliases.iter().any(|a| a == code)
    }

    /// The message texts the catalog indexes: zh, en and the documented misspellings.
    fn texts(&self) -> Vec<&str> {
        let mut texts = vec![self.zh.as_str(), self.en.as_str()];
        texts.extend(self.message_aliases.iter().map(String::as_str));
        texts
    }
}

struct Oracle {
    /// Registry vendors: slug, aliases.
    vendors: Vec<(String, Vec<String>)>,
    families: Vec<OFamily>,
    /// Every entry, in catalog order (family, file, table, entry).
    rows: Vec<ORow>,
}

impl Oracle {
    fn family(&self, slug: &str) -> &OFamily {
        self.families
            .iter()
            .find(|f| f.slug == slug)
            .unwrap_or_else(|| panic!("no family {slug} in data/registry.json"))
    }

    fn table(&self, family: &str, table: &str) -> Vec<&ORow> {
        self.rows
            .iter()
            .filter(|r| r.family == family && r.table == table)
            .collect()
    }

    fn row(&self, family: &str, code: &str) -> &ORow {
        self.rows
            .iter()
            .find(|r| r.family == family && r.code == code)
            .unwrap_or_else(|| panic!("no entry {code:?} in {family}"))
    }

    /// Every entry whose code or alias is `code`, in catalog order (linear scan).
    fn by_code(&self, code: &str) -> Vec<(&str, &str)> {
        self.rows
            .iter()
            .filter(|r| r.spells(code))
            .map(ORow::id)
            .collect()
    }

    /// The first entry of `family` whose code or alias is `code`.
    fn lookup_in(&self, family: &str, code: &str) -> Option<(&str, &str)> {
        self.rows
            .iter()
            .find(|r| r.family == family && r.spells(code))
            .map(ORow::id)
    }

    /// The first entry of `vendor`'s families, in registry order, whose code or alias is `code`.
    fn lookup(&self, vendor: &str, code: &str) -> Option<(&str, &str)> {
        self.rows
            .iter()
            .find(|r| r.vendor == vendor && r.spells(code))
            .map(ORow::id)
    }

    /// Every entry that documents `status`, in catalog order (linear scan).
    fn by_status(&self, status: u16) -> Vec<(&str, &str)> {
        self.rows
            .iter()
            .filter(|r| r.http_status == Some(status))
            .map(ORow::id)
            .collect()
    }

    /// Every entry with a text whose normal form is that of `text`, in catalog order; failing
    /// that, every entry with a template text (`invalid ip:...`) whose words before the dots
    /// start `text` and are followed by a value.
    fn by_message(&self, text: &str) -> Vec<(&str, &str)> {
        let key = normalise(text);
        let exact: Vec<_> = self
            .rows
            .iter()
            .filter(|r| r.texts().into_iter().any(|t| normalise(t) == key))
            .map(ORow::id)
            .collect();
        if !exact.is_empty() {
            return exact;
        }
        self.rows
            .iter()
            .filter(|r| r.texts().into_iter().any(|t| fills(t, key)))
            .map(ORow::id)
            .collect()
    }

    /// The entries whose message has a value left out (`invalid ip:...`), with the words before
    /// the dots.
    fn templates(&self) -> Vec<((&str, &str), &str)> {
        self.rows
            .iter()
            .flat_map(|r| {
                r.texts()
                    .into_iter()
                    .filter_map(template_words)
                    .map(|words| (r.id(), words))
            })
            .collect()
    }
}

/// The test's own normal form of a message (as `src/message_key.rs` documents it): leading white
/// space removed, then trailing white space and `.`, `。`, `!`, `！`, one character at a time.
fn normalise(text: &str) -> &str {
    let mut s = text.trim_start();
    while let Some(c) = s.chars().next_back() {
        if !(c.is_whitespace() || matches!(c, '.' | '。' | '!' | '！')) {
            break;
        }
        s = &s[..s.len() - c.len_utf8()];
    }
    s
}

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn str_field(v: &Value, key: &str, place: &str) -> String {
    v[key]
        .as_str()
        .unwrap_or_else(|| panic!("{place}: {key} is not a string"))
        .to_owned()
}

fn opt_str(v: &Value, key: &str, place: &str) -> Option<String> {
    match v.get(key) {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s.clone()),
        Some(other) => panic!("{place}: {key} is {other}, not a string or null"),
    }
}

fn str_list(v: &Value, key: &str, place: &str) -> Vec<String> {
    match v.get(key) {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => items
            .iter()
            .map(|i| {
                i.as_str()
                    .unwrap_or_else(|| panic!("{place}: {key} holds a non-string"))
                    .to_owned()
            })
            .collect(),
        Some(other) => panic!("{place}: {key} is {other}, not an array"),
    }
}

fn text_field(v: &Value, key: &str, place: &str) -> Option<(String, String)> {
    match v.get(key) {
        None | Some(Value::Null) => None,
        Some(t) => Some((
            str_field(t, "zh", &format!("{place}.{key}")),
            str_field(t, "en", &format!("{place}.{key}")),
        )),
    }
}

fn u16_field(v: &Value, key: &str, place: &str) -> Option<u16> {
    match v.get(key) {
        None | Some(Value::Null) => None,
        Some(n) => Some(
            n.as_u64()
                .and_then(|n| u16::try_from(n).ok())
                .unwrap_or_else(|| panic!("{place}: {key} is {n}, not a u16")),
        ),
    }
}

fn u32_field(v: &Value, key: &str, place: &str) -> Option<u32> {
    match v.get(key) {
        None | Some(Value::Null) => None,
        Some(n) => Some(
            n.as_u64()
                .and_then(|n| u32::try_from(n).ok())
                .unwrap_or_else(|| panic!("{place}: {key} is {n}, not a u32")),
        ),
    }
}

fn read_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Names of the entries of a directory, sorted.
fn list_dir(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("list {}: {e}", dir.display()))
        .map(|e| {
            e.unwrap_or_else(|e| panic!("read {}: {e}", dir.display()))
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    names
}

/// The registry's vendors and families (without their files yet).
fn read_registry(data: &Path) -> (Vec<(String, Vec<String>)>, Vec<OFamily>) {
    let registry = read_json(&data.join("registry.json"));
    let place = "data/registry.json";
    let list = |key: &str| registry[key].as_array().cloned().unwrap_or_default();
    let vendors = list("vendors")
        .iter()
        .map(|v| (str_field(v, "slug", place), str_list(v, "aliases", place)))
        .collect();
    let families = list("families")
        .iter()
        .map(|f| OFamily {
            slug: str_field(f, "slug", place),
            vendor: str_field(f, "vendor", place),
            name: str_field(f, "name", place),
            feature: str_field(f, "feature", place),
            aliases: str_list(f, "aliases", place),
            sources: Vec::new(),
            headers: read_headers(f, place),
            statuses: Vec::new(),
            modules: Vec::new(),
            classifications: Vec::new(),
            tables: Vec::new(),
            evidence: 0,
        })
        .collect();
    (vendors, families)
}

/// `data/` holds the registry, its README and one folder per vendor, each holding one folder
/// per family of the registry: nothing else, so that no data file is silently ignored.
fn check_layout(data: &Path, families: &[OFamily]) {
    let vendors: BTreeSet<&str> = families.iter().map(|f| f.vendor.as_str()).collect();
    let mut expected: Vec<String> = vendors.iter().map(|v| (*v).to_owned()).collect();
    expected.extend(["README.md".to_owned(), "registry.json".to_owned()]);
    expected.sort();
    assert_eq!(
        list_dir(data),
        expected,
        "data/ holds the registry and one folder per vendor"
    );
    for vendor in vendors {
        let mut expected: Vec<String> = families
            .iter()
            .filter(|f| f.vendor == vendor)
            .map(|f| {
                let (v, name) = f
                    .slug
                    .split_once('/')
                    .expect("a family slug is vendor/name");
                assert_eq!(v, vendor, "{}: the slug starts with the vendor", f.slug);
                name.to_owned()
            })
            .collect();
        expected.sort();
        assert_eq!(
            list_dir(&data.join(vendor)),
            expected,
            "data/{vendor}/ holds one folder per family"
        );
    }
}

/// The `headers` of a registry family row or of a data file: name, carries, description.
fn read_headers(v: &Value, place: &str) -> Vec<(String, String, (String, String))> {
    v["headers"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default()
        .iter()
        .map(|h| {
            (
                str_field(h, "name", place),
                str_field(h, "carries", place),
                text_field(h, "description", place).expect("header description"),
            )
        })
        .collect()
}

fn read_source(file: &Value, place: &str) -> OSource {
    let s = &file["source"];
    let place = format!("{place}: source");
    OSource {
        title: str_field(s, "title", &place),
        url: str_field(s, "url", &place),
        repository: opt_str(s, "repository", &place),
        path: opt_str(s, "path", &place),
        commit: opt_str(s, "commit", &place),
        date: str_field(s, "date", &place),
        cite: str_field(s, "cite", &place),
        note: opt_str(s, "note", &place),
        seed: opt_str(s, "seed", &place),
    }
}

/// Reads one family file into `family`, and its entries into `rows`.
fn read_family_file(family: &mut OFamily, v: &Value, place: &str, rows: &mut Vec<ORow>) {
    assert_eq!(
        str_field(v, "family", place),
        family.slug,
        "{place}: family"
    );
    let source = read_source(v, place);
    family.sources.push(source.clone());
    // Headers are the family's (its registry row); a data file may add its own after them.
    family.headers.extend(read_headers(v, place));
    let list = |key: &str| v[key].as_array().cloned().unwrap_or_default();
    for s in list("http_statuses") {
        family.statuses.push((
            u16_field(&s, "status", place).expect("status"),
            str_field(&s, "reason", place),
            text_field(&s, "description", place).expect("status description"),
        ));
    }
    for m in list("modules") {
        family.modules.push((
            u8::try_from(m["module"].as_u64().expect("module")).expect("module"),
            text_field(&m, "name", place).expect("module name"),
        ));
    }
    for c in list("classifications") {
        let kind = str_field(&c, "kind", place);
        family.classifications.push(OClassification {
            code: str_field(&c, "code", place),
            retryable: c["retryable"]
                .as_bool()
                .unwrap_or_else(|| kind_default_retry(&kind)),
            kind,
            retry_reason: opt_str(&c, "retry_reason", place),
            reason: str_field(&c, "reason", place),
            source: opt_str(&c, "source", place),
        });
    }
    family.evidence += list("evidence").len();
    for table in list("tables") {
        let table_name = str_field(&table, "name", place);
        let section = opt_str(&table, "section", place);
        let entries = table["entries"].as_array().cloned().unwrap_or_default();
        family.tables.push((table_name.clone(), entries.len()));
        for (i, e) in entries.iter().enumerate() {
            let place = format!("{place}, table {table_name}, entry {}", i + 1);
            rows.push(read_row(
                family,
                &table_name,
                section.as_ref(),
                &source,
                e,
                &place,
            ));
        }
    }
}

fn read_row(
    family: &OFamily,
    table: &str,
    section: Option<&String>,
    source: &OSource,
    e: &Value,
    place: &str,
) -> ORow {
    let kind = str_field(e, "kind", place);
    let (zh, en) = text_field(e, "message", place).expect("message");
    ORow {
        family: family.slug.clone(),
        vendor: family.vendor.clone(),
        table: table.to_owned(),
        section: section.cloned(),
        code: str_field(e, "code", place),
        aliases: str_list(e, "aliases", place),
        name: str_field(e, "name", place),
        zh,
        en,
        message_aliases: str_list(e, "message_aliases", place),
        description: text_field(e, "description", place),
        remedy: text_field(e, "remedy", place),
        http_status: u16_field(e, "http_status", place),
        retryable: e["retryable"]
            .as_bool()
            .unwrap_or_else(|| kind_default_retry(&kind)),
        kind,
        retry_reason: opt_str(e, "retry_reason", place),
        docs_url: opt_str(e, "docs_url", place).unwrap_or_else(|| source.url.clone()),
        versions: opt_str(e, "versions", place),
        at: u32_field(e, "at", place),
        seed_line: u32_field(e, "seed_line", place),
        note: opt_str(e, "note", place),
        source: source.clone(),
    }
}

fn read_oracle() -> Oracle {
    let data = manifest_dir().join("data");
    let (vendors, mut families) = read_registry(&data);
    let slugs: Vec<&str> = families.iter().map(|f| f.slug.as_str()).collect();
    assert_eq!(
        slugs,
        registry_order(),
        "data/registry.json: families in catalog order"
    );
    check_layout(&data, &families);
    families.retain(|f| !PRODUCT_FAMILIES.contains(&f.slug.as_str()));

    let mut rows = Vec::new();
    for family in &mut families {
        let dir = data.join(&family.slug);
        let names: Vec<String> = list_dir(&dir)
            .into_iter()
            .filter(|n| Path::new(n).extension().is_some_and(|x| x == "json"))
            .collect();
        assert!(!names.is_empty(), "data/{}/ holds a data file", family.slug);
        for name in names {
            let place = format!("data/{}/{name}", family.slug);
            let v = read_json(&dir.join(&name));
            read_family_file(family, &v, &place, &mut rows);
        }
    }
    Oracle {
        vendors,
        families,
        rows,
    }
}

static ORACLE: LazyLock<Oracle> = LazyLock::new(read_oracle);

/// The library's family of a slug, found by scanning `Family::ALL` (not by parsing).
fn family_of(slug: &str) -> Family {
    Family::ALL
        .into_iter()
        .find(|f| f.slug() == slug)
        .unwrap_or_else(|| panic!("no Family has the slug {slug:?}"))
}

fn id(code: AnyCode) -> (&'static str, &'static str) {
    (code.family().slug(), code.as_str())
}

fn ids(codes: impl IntoIterator<Item = AnyCode>) -> Vec<(&'static str, &'static str)> {
    codes.into_iter().map(id).collect()
}

fn text_pair(t: errcat::Text) -> (String, String) {
    (t.zh.to_owned(), t.en.to_owned())
}

/// Collects mismatches, so that [`Failures::finish`] reports all of them at once.
#[derive(Default)]
struct Failures(Vec<String>);

impl Failures {
    fn check(&mut self, ok: bool, what: impl FnOnce() -> String) {
        if !ok {
            self.0.push(what());
        }
    }

    #[allow(clippy::needless_pass_by_value)] // callers pass temporaries; taking them is simpler
    fn eq<T: PartialEq + Debug>(&mut self, actual: T, expected: T, what: impl FnOnce() -> String) {
        if actual != expected {
            self.0.push(format!(
                "{}\n    actual:   {actual:?}\n    expected: {expected:?}",
                what()
            ));
        }
    }

    fn finish(self, checked: &str) {
        assert!(
            self.0.is_empty(),
            "{} mismatch(es) in {checked}:\n{}",
            self.0.len(),
            self.0.join("\n")
        );
    }
}

// ---------------------------------------------------------------------------------------------
// One generic check per code table.

/// The API every generated code enum has. Inherent methods are reached through this trait so that
/// one generic function checks all six tables.
trait Typed:
    'static
    + Copy
    + Eq
    + Debug
    + Display
    + FromStr<Err = UnknownCode>
    + for<'a> TryFrom<&'a str, Error = UnknownCode>
    + Serialize
    + DeserializeOwned
    + Into<AnyCode>
    + ApiError
{
    const FAMILY: &'static str;
    const TABLE: &'static str;
    const PATH: &'static str;
    fn all() -> &'static [Self];
    fn from_code(code: &str) -> Option<Self>;
    fn as_str(self) -> &'static str;
    fn entry(self) -> &'static Entry;
    /// The API versions that return the code, as the data spells them (Cloudbypass only).
    fn versions(self) -> Option<Value> {
        None
    }
}

macro_rules! typed {
    ($ty:ty, $family:literal, $table:literal, $path:literal $(, $versions:ident)?) => {
        impl Typed for $ty {
            const FAMILY: &'static str = $family;
            const TABLE: &'static str = $table;
            const PATH: &'static str = $path;
            fn all() -> &'static [Self] {
                <$ty>::ALL
            }
            fn from_code(code: &str) -> Option<Self> {
                <$ty>::from_code(code)
            }
            fn as_str(self) -> &'static str {
                <$ty>::as_str(self)
            }
            fn entry(self) -> &'static Entry {
                <$ty>::entry(&self)
            }
            $(
                fn $versions(self) -> Option<Value> {
                    serde_json::to_value(<$ty>::versions(self)).ok()
                }
            )?
        }
    };
}

typed!(
    tencent_cloud::common::Code,
    "tencent-cloud/common",
    "Code",
    "errcat::tencent_cloud::common::Code"
);
typed!(
    upyun::management::Code,
    "upyun/management",
    "Code",
    "errcat::upyun::management::Code"
);
typed!(
    tencent_cloud::cdn::Code,
    "tencent-cloud/cdn",
    "Code",
    "errcat::tencent_cloud::cdn::Code"
);
typed!(
    tencent_cloud::cdn::ModuleCode,
    "tencent-cloud/cdn",
    "ModuleCode",
    "errcat::tencent_cloud::cdn::ModuleCode"
);
typed!(
    cloudbypass::api::Code,
    "cloudbypass/api",
    "Code",
    "errcat::cloudbypass::api::Code",
    versions
);
typed!(
    aliyun::apigateway::Code,
    "aliyun/apigateway",
    "Code",
    "errcat::aliyun::apigateway::Code"
);
typed!(
    aliyun::higress_hmac_auth::Code,
    "aliyun/higress-hmac-auth",
    "Code",
    "errcat::aliyun::higress_hmac_auth::Code"
);
typed!(
    aliyun::apigateway::ErrorCode,
    "aliyun/apigateway",
    "ErrorCode",
    "errcat::aliyun::apigateway::ErrorCode"
);

/// Every entry of one table: every index finds it, and it carries exactly the data's fields.
fn check_table<T: Typed>() -> Vec<String> {
    let oracle = &*ORACLE;
    let rows = oracle.table(T::FAMILY, T::TABLE);
    let mut f = Failures::default();
    let family = family_of(T::FAMILY);
    let vendor = family.vendor();

    f.eq(
        T::all().iter().map(|c| c.as_str()).collect::<Vec<_>>(),
        rows.iter().map(|r| r.code.as_str()).collect(),
        || format!("{}::ALL is every code in document order", T::PATH),
    );

    for row in &rows {
        let at = format!("{} {:?}", T::PATH, row.code);
        let Some(code) = T::from_code(&row.code) else {
            f.0.push(format!("{at}: from_code misses"));
            continue;
        };
        check_conversions(&mut f, &at, row, code);
        check_indexes(&mut f, &at, row, code);
        check_aliases(&mut f, &at, row, code);
        check_fields(&mut f, &at, row, code.entry(), code.into());
        check_source(&mut f, &at, row, code.entry());
        f.eq(
            code.versions(),
            row.versions.clone().map(Value::String),
            || format!("{at}: versions"),
        );
        check_api_error(&mut f, &at, row, code);
    }

    // Near misses: lookups are exact (no trimming, case-sensitive).
    for row in &rows {
        for miss in [
            format!(" {}", row.code),
            format!("{} ", row.code),
            format!("{}\n", row.code),
        ] {
            check_miss::<T>(&mut f, &miss, family, vendor);
        }
        for cased in [row.code.to_lowercase(), row.code.to_uppercase()] {
            if oracle.lookup(&row.vendor, &cased).is_none() {
                check_miss::<T>(&mut f, &cased, family, vendor);
            }
        }
    }
    for miss in ["", "no such code", "0", "-1", "%s"] {
        check_miss::<T>(&mut f, miss, family, vendor);
    }
    f.0
}

/// Round trips through every conversion of the typed code and of `AnyCode`.
fn check_conversions<T: Typed>(f: &mut Failures, at: &str, row: &ORow, code: T) {
    let any: AnyCode = code.into();
    f.eq(code.as_str(), row.code.as_str(), || format!("{at}: as_str"));
    f.eq(code.to_string(), row.code.clone(), || {
        format!("{at}: Display")
    });
    f.eq(format!("{code:?}"), row.name.clone(), || {
        format!("{at}: Debug")
    });
    f.eq(row.code.parse::<T>(), Ok(code), || format!("{at}: FromStr"));
    f.eq(T::try_from(row.code.as_str()), Ok(code), || {
        format!("{at}: TryFrom")
    });
    let wire = Value::String(row.code.clone()).to_string();
    f.eq(
        serde_json::to_string(&code).ok(),
        Some(wire.clone()),
        || format!("{at}: serialize"),
    );
    f.eq(serde_json::from_str::<T>(&wire).ok(), Some(code), || {
        format!("{at}: deserialize")
    });
    f.eq(T::all().contains(&code), true, || format!("{at}: in ALL"));
    f.eq(any.as_str(), row.code.as_str(), || {
        format!("{at}: AnyCode::as_str")
    });
    f.eq(any.to_string(), row.code.clone(), || {
        format!("{at}: AnyCode Display")
    });
    f.eq(any.family().slug(), row.family.as_str(), || {
        format!("{at}: AnyCode::family")
    });
    f.eq(any.vendor().slug(), row.vendor.as_str(), || {
        format!("{at}: AnyCode::vendor")
    });
    f.check(std::ptr::eq(any.entry(), code.entry()), || {
        format!("{at}: AnyCode::entry is the code's entry")
    });
    f.eq(
        serde_json::to_value(any).ok(),
        Some(serde_json::json!({"vendor": row.vendor, "family": row.family, "code": row.code})),
        || format!("{at}: AnyCode serializes as vendor, family and code"),
    );
}

/// The cross-family indexes find the code.
fn check_indexes<T: Typed>(f: &mut Failures, at: &str, row: &ORow, code: T) {
    let any: AnyCode = code.into();
    let family = any.family();
    f.eq(
        catalog::lookup(any.vendor(), &row.code).map(|found| found.map(id)),
        Ok(ORACLE.lookup(&row.vendor, &row.code)),
        || format!("{at}: catalog::lookup"),
    );
    // The vendor's first family documenting the code: this one, unless an earlier family of the
    // vendor documents the same code (the Higress plugin's `Empty Signature` is also the API
    // Gateway's).
    let earlier = ORACLE
        .rows
        .iter()
        .take_while(|r| r.family != row.family)
        .any(|r| r.vendor == row.vendor && r.spells(&row.code));
    if !earlier {
        f.eq(
            catalog::lookup(any.vendor(), &row.code),
            Ok(Some(any)),
            || format!("{at}: catalog::lookup gives the code"),
        );
    }
    f.eq(catalog::lookup_in(family, &row.code), Ok(Some(any)), || {
        format!("{at}: catalog::lookup_in")
    });
    f.eq(
        ids(catalog::by_code(&row.code).iter().copied()),
        ORACLE.by_code(&row.code),
        || format!("{at}: catalog::by_code"),
    );
    match catalog::resolve(family, &row.code) {
        Ok(r) => {
            f.eq(r.typed_code(), Some(any), || format!("{at}: resolve: code"));
            f.eq(r.basis(), errcat::response::Basis::Exact, || {
                format!("{at}: resolve: basis")
            });
            f.check(
                ApiError::entry(&r).is_some_and(|e| std::ptr::eq(e, code.entry())),
                || format!("{at}: resolve: the code's entry"),
            );
        }
        Err(e) => f.0.push(format!("{at}: resolve: {e}")),
    }
}

/// Every alias resolves to the same entry, and the code names the corrected spelling.
fn check_aliases<T: Typed>(f: &mut Failures, at: &str, row: &ORow, code: T) {
    let any: AnyCode = code.into();
    for alias in &row.aliases {
        let at = format!("{at} alias {alias:?}");
        f.eq(T::from_code(alias), Some(code), || {
            format!("{at}: from_code")
        });
        f.eq(alias.parse::<T>(), Ok(code), || format!("{at}: FromStr"));
        f.eq(T::try_from(alias.as_str()), Ok(code), || {
            format!("{at}: TryFrom")
        });
        let json = Value::String(alias.clone()).to_string();
        f.eq(serde_json::from_str::<T>(&json).ok(), Some(code), || {
            format!("{at}: deserialize")
        });
        f.eq(catalog::lookup(any.vendor(), alias), Ok(Some(any)), || {
            format!("{at}: catalog::lookup")
        });
        f.eq(
            catalog::lookup_in(any.family(), alias),
            Ok(Some(any)),
            || format!("{at}: catalog::lookup_in"),
        );
        f.eq(
            ids(catalog::by_code(alias).iter().copied()),
            ORACLE.by_code(alias),
            || format!("{at}: catalog::by_code"),
        );
        f.eq(
            catalog::resolve(any.family(), alias).map(|r| (r.typed_code(), r.basis())),
            Ok((Some(any), errcat::response::Basis::Exact)),
            || format!("{at}: catalog::resolve"),
        );
        f.eq(code.as_str(), row.code.as_str(), || {
            format!("{at}: as_str gives the corrected code")
        });
    }
}

/// The `ApiError` view of the typed code and of `AnyCode` reads the same entry.
fn check_api_error<T: Typed>(f: &mut Failures, at: &str, row: &ORow, code: T) {
    let any: AnyCode = code.into();
    f.eq(ApiError::family(&code).slug(), row.family.as_str(), || {
        format!("{at}: ApiError::family")
    });
    f.eq(ApiError::vendor(&code).slug(), row.vendor.as_str(), || {
        format!("{at}: ApiError::vendor")
    });
    f.eq(ApiError::code(&code), row.code.as_str(), || {
        format!("{at}: ApiError::code")
    });
    f.eq(
        code.message().map(text_pair),
        Some((row.zh.clone(), row.en.clone())),
        || format!("{at}: ApiError::message"),
    );
    f.eq(
        code.description().map(text_pair),
        row.description.clone(),
        || format!("{at}: ApiError::description"),
    );
    f.eq(code.remedy().map(text_pair), row.remedy.clone(), || {
        format!("{at}: ApiError::remedy")
    });
    f.eq(ApiError::http_status(&code), row.http_status, || {
        format!("{at}: ApiError::http_status")
    });
    f.eq(code.kind().as_str(), row.kind.as_str(), || {
        format!("{at}: ApiError::kind")
    });
    f.eq(code.is_retryable(), row.retryable, || {
        format!("{at}: ApiError::is_retryable")
    });
    f.eq(
        ApiError::docs_url(&code),
        Some(row.docs_url.as_str()),
        || format!("{at}: ApiError::docs_url"),
    );
    f.eq(ApiError::family(&any), any.family(), || {
        format!("{at}: ApiError::family of AnyCode")
    });
    f.eq(ApiError::code(&any), row.code.as_str(), || {
        format!("{at}: ApiError::code of AnyCode")
    });
    f.eq(any.is_retryable(), row.retryable, || {
        format!("{at}: ApiError::is_retryable of AnyCode")
    });
}

fn check_miss<T: Typed>(f: &mut Failures, miss: &str, family: Family, vendor: Vendor) {
    let at = format!("{} {miss:?}", T::PATH);
    f.eq(T::from_code(miss), None, || {
        format!("{at}: from_code must miss")
    });
    match miss.parse::<T>() {
        Ok(c) => f.0.push(format!("{at}: FromStr must fail, gave {c:?}")),
        Err(e) => {
            f.eq(e.table(), T::PATH, || format!("{at}: UnknownCode::table"));
            f.eq(
                e.to_string(),
                format!("not a documented code of {}", T::PATH),
                || format!("{at}: UnknownCode message"),
            );
        }
    }
    f.check(T::try_from(miss).is_err(), || {
        format!("{at}: TryFrom must fail")
    });
    f.check(
        serde_json::from_str::<T>(&Value::String(miss.to_owned()).to_string()).is_err(),
        || format!("{at}: deserialize must fail"),
    );
    f.eq(catalog::lookup(vendor, miss), Ok(None), || {
        format!("{at}: catalog::lookup must miss")
    });
    f.eq(catalog::lookup_in(family, miss), Ok(None), || {
        format!("{at}: catalog::lookup_in must miss")
    });
}

/// The entry's fields equal the data's.
fn check_fields(f: &mut Failures, at: &str, row: &ORow, entry: &'static Entry, any: AnyCode) {
    f.eq(entry.any_code(), any, || format!("{at}: any_code"));
    f.eq(entry.family().slug(), row.family.as_str(), || {
        format!("{at}: family")
    });
    f.eq(entry.vendor().slug(), row.vendor.as_str(), || {
        format!("{at}: vendor")
    });
    f.eq(entry.code(), row.code.as_str(), || format!("{at}: code"));
    f.eq(
        entry.aliases().to_vec(),
        row.aliases.iter().map(String::as_str).collect(),
        || format!("{at}: aliases"),
    );
    f.eq(entry.name(), row.name.as_str(), || format!("{at}: name"));
    f.eq(
        text_pair(entry.message()),
        (row.zh.clone(), row.en.clone()),
        || format!("{at}: message"),
    );
    f.eq(
        entry.message_aliases().to_vec(),
        row.message_aliases.iter().map(String::as_str).collect(),
        || format!("{at}: message_aliases"),
    );
    f.eq(
        entry.description().map(text_pair),
        row.description.clone(),
        || format!("{at}: description"),
    );
    f.eq(entry.remedy().map(text_pair), row.remedy.clone(), || {
        format!("{at}: remedy")
    });
    f.eq(entry.http_status(), row.http_status, || {
        format!("{at}: http_status")
    });
    f.eq(entry.kind().as_str(), row.kind.as_str(), || {
        format!("{at}: kind")
    });
    f.eq(entry.kind().to_string(), row.kind.clone(), || {
        format!("{at}: kind Display")
    });
    f.eq(
        serde_json::to_value(entry.kind()).ok(),
        Some(Value::String(row.kind.clone())),
        || format!("{at}: kind serializes as snake_case"),
    );
    f.eq(entry.is_retryable(), row.retryable, || {
        format!("{at}: retryable (override, else the kind's default)")
    });
    f.eq(entry.retry_reason(), row.retry_reason.as_deref(), || {
        format!("{at}: retry_reason")
    });
    f.eq(entry.docs_url(), Some(row.docs_url.as_str()), || {
        format!("{at}: docs_url (the entry's, else the source document's)")
    });
    f.eq(entry.note(), row.note.as_deref(), || format!("{at}: note"));

    // Data invariants.
    f.check(entry.kind() != ErrorKind::Unknown, || {
        format!("{at}: a documented code is never of kind unknown")
    });
    f.check(
        !entry.message().zh.trim().is_empty() && !entry.message().en.trim().is_empty(),
        || format!("{at}: message texts are non-empty"),
    );
    check_entry_json(f, at, row, entry);
}

/// `Entry` serializes with `family` after `vendor`, a `source` object, and no `versions` or
/// `seed`.
fn check_entry_json(f: &mut Failures, at: &str, row: &ORow, entry: &'static Entry) {
    let text = serde_json::to_string(entry).unwrap_or_default();
    let head = format!(
        "{{\"vendor\":{},\"family\":{},\"code\":",
        Value::String(row.vendor.clone()),
        Value::String(row.family.clone())
    );
    f.check(text.starts_with(&head), || {
        format!("{at}: Entry JSON starts {head}, is {text}")
    });
    let json: Value = serde_json::from_str(&text).unwrap_or_default();
    for gone in ["versions", "seed", "line", "seed_line"] {
        f.check(json.get(gone).is_none(), || {
            format!("{at}: Entry JSON has no {gone:?}")
        });
    }
    f.eq(
        &json["docs_url"],
        &Value::String(row.docs_url.clone()),
        || format!("{at}: Entry JSON docs_url"),
    );
    let source = &json["source"];
    let mut keys: Vec<&str> = source
        .as_object()
        .map(|o| o.keys().map(String::as_str).collect())
        .unwrap_or_default();
    keys.sort_unstable();
    let mut expected = [
        "title",
        "url",
        "repository",
        "path",
        "commit",
        "date",
        "cite",
        "section",
        "at",
        "text",
    ];
    expected.sort_unstable();
    f.eq(keys, expected.to_vec(), || {
        format!("{at}: Entry JSON source keys")
    });
    let s = &row.source;
    let opt = |v: Option<&String>| v.map_or(Value::Null, |s| Value::String(s.clone()));
    f.eq(
        [
            &source["title"],
            &source["url"],
            &source["repository"],
            &source["path"],
            &source["commit"],
            &source["date"],
            &source["cite"],
            &source["section"],
            &source["at"],
            &source["text"],
        ]
        .map(Value::clone),
        [
            Value::String(s.title.clone()),
            Value::String(s.url.clone()),
            opt(s.repository.as_ref()),
            opt(s.path.as_ref()),
            opt(s.commit.as_ref()),
            Value::String(s.date.clone()),
            Value::String(s.cite.clone()),
            opt(row.section.as_ref()),
            row.at.map_or(Value::Null, Value::from),
            Value::String(entry.source().to_string()),
        ],
        || format!("{at}: Entry JSON source"),
    );
}

/// The entry's citation equals the data's: its file's source, its table's section, its `at`.
fn check_source(f: &mut Failures, at: &str, row: &ORow, entry: &'static Entry) {
    let citation = entry.source();
    let d = citation.document();
    let s = &row.source;
    f.eq(
        (
            d.title(),
            d.url(),
            d.repository(),
            d.path(),
            d.commit(),
            d.date(),
            d.note(),
        ),
        (
            s.title.as_str(),
            s.url.as_str(),
            s.repository.as_deref(),
            s.path.as_deref(),
            s.commit.as_deref(),
            s.date.as_str(),
            s.note.as_deref(),
        ),
        || format!("{at}: source document"),
    );
    f.eq(
        serde_json::to_value(d.cite()).ok(),
        Some(Value::String(s.cite.clone())),
        || format!("{at}: source cite"),
    );
    f.eq(citation.section(), row.section.as_deref(), || {
        format!("{at}: source section (the table's)")
    });
    f.eq(citation.at(), row.at, || format!("{at}: source at"));
}

#[test]
fn every_entry_of_every_table_resolves_through_every_index() {
    let mut all = Vec::new();
    all.extend(check_table::<tencent_cloud::common::Code>());
    all.extend(check_table::<upyun::management::Code>());
    all.extend(check_table::<tencent_cloud::cdn::Code>());
    all.extend(check_table::<tencent_cloud::cdn::ModuleCode>());
    all.extend(check_table::<cloudbypass::api::Code>());
    all.extend(check_table::<aliyun::apigateway::Code>());
    all.extend(check_table::<aliyun::apigateway::ErrorCode>());
    all.extend(check_table::<aliyun::higress_hmac_auth::Code>());
    Failures(all).finish("the per-entry checks");
}

// ---------------------------------------------------------------------------------------------
// Counts and order.

#[test]
fn counts_match_the_literal_expectations_and_the_oracle() {
    let oracle = &*ORACLE;
    assert_eq!(oracle.rows.len(), TOTAL, "oracle total");
    assert_eq!(catalog::all().len(), TOTAL, "catalog::all()");
    let typed = [
        (
            "tencent-cloud/common",
            "Code",
            tencent_cloud::common::Code::ALL.len(),
        ),
        (
            "tencent-cloud/common",
            "PageCode",
            tencent_cloud::common::PageCode::ALL.len(),
        ),
        (
            "upyun/management",
            "Code",
            upyun::management::Code::ALL.len(),
        ),
        (
            "tencent-cloud/cdn",
            "Code",
            tencent_cloud::cdn::Code::ALL.len(),
        ),
        (
            "tencent-cloud/cdn",
            "ModuleCode",
            tencent_cloud::cdn::ModuleCode::ALL.len(),
        ),
        ("cloudbypass/api", "Code", cloudbypass::api::Code::ALL.len()),
        (
            "aliyun/apigateway",
            "Code",
            aliyun::apigateway::Code::ALL.len(),
        ),
        (
            "aliyun/apigateway",
            "ErrorCode",
            aliyun::apigateway::ErrorCode::ALL.len(),
        ),
        ("upyun/rest", "Code", upyun::rest::Code::ALL.len()),
        ("upyun/form", "Code", upyun::form::Code::ALL.len()),
        ("upyun/multipart", "Code", upyun::multipart::Code::ALL.len()),
        (
            "aliyun/higress-hmac-auth",
            "Code",
            aliyun::higress_hmac_auth::Code::ALL.len(),
        ),
    ];
    assert_eq!(typed, COUNTS, "generated ALL lengths");
    let from_oracle: Vec<(&str, &str, usize)> = oracle
        .families
        .iter()
        .flat_map(|f| {
            f.tables
                .iter()
                .map(|(t, n)| (f.slug.as_str(), t.as_str(), *n))
        })
        .collect();
    assert_eq!(
        from_oracle, COUNTS,
        "tables of data/<vendor>/<family>/*.json"
    );
    assert_eq!(COUNTS.iter().map(|c| c.2).sum::<usize>(), TOTAL);
    for family in Family::ALL {
        let expected: usize = COUNTS
            .iter()
            .filter(|c| c.0 == family.slug())
            .map(|c| c.2)
            .sum();
        let in_catalog = catalog::all()
            .iter()
            .filter(|c| c.family() == family)
            .count();
        assert_eq!(in_catalog, expected, "catalog::all() entries of {family}");
    }
    for vendor in Vendor::ALL {
        let expected: usize = COUNTS
            .iter()
            .filter(|c| oracle.family(c.0).vendor == vendor.slug())
            .map(|c| c.2)
            .sum();
        let in_catalog = catalog::all()
            .iter()
            .filter(|c| c.vendor() == vendor)
            .count();
        assert_eq!(in_catalog, expected, "catalog::all() entries of {vendor}");
    }
}

/// A codeless family holds no code anywhere (no table, no entry, no index hit) and exactly its
/// sources and evidence rows.
#[test]
fn codeless_families_hold_their_sources_and_no_code() {
    let oracle = &*ORACLE;
    let from_oracle: Vec<(&str, usize, usize)> = CODELESS_FAMILIES
        .iter()
        .map(|slug| {
            let f = oracle.family(slug);
            assert!(f.tables.is_empty(), "{slug}: no table");
            (f.slug.as_str(), f.sources.len(), f.evidence)
        })
        .collect();
    assert_eq!(
        from_oracle, CODELESS_COUNTS,
        "data/<vendor>/<family>/*.json"
    );
    let registry = registry();
    for (slug, sources, _) in CODELESS_COUNTS {
        let row = registry.family(slug).expect("a registry row");
        assert_eq!(row.layout.as_deref(), Some("codeless"), "{slug}: layout");
        let family = family_of(slug);
        assert!(family.is_enabled(), "{slug}: enabled under --all-features");
        assert_eq!(family.sources().map(<[_]>::len), Ok(sources), "{slug}");
        assert!(
            catalog::all().iter().all(|c| c.family() != family),
            "{slug}: no code in the catalog"
        );
        assert!(
            !oracle.rows.iter().any(|r| r.family == slug),
            "{slug}: no row"
        );
    }
    // Every other family has a table.
    for f in &oracle.families {
        if !CODELESS_FAMILIES.contains(&f.slug.as_str()) {
            assert!(
                !f.tables.is_empty() && f.evidence == 0,
                "{}: tables, no evidence",
                f.slug
            );
        }
    }
}

#[test]
fn all_has_every_entry_once_in_catalog_order() {
    let oracle = &*ORACLE;
    let expected: Vec<(&str, &str)> = oracle.rows.iter().map(ORow::id).collect();
    assert_eq!(ids(catalog::all().iter().copied()), expected);
    let distinct: BTreeSet<AnyCode> = catalog::all().iter().copied().collect();
    assert_eq!(distinct.len(), TOTAL, "no entry twice");
    // Each entry's own code leads back to it.
    for &code in catalog::all() {
        assert_eq!(code.entry().any_code(), code);
    }
    // Family blocks in registry order: each family's codes are contiguous.
    let mut blocks: Vec<&str> = catalog::all().iter().map(|c| c.family().slug()).collect();
    blocks.dedup();
    assert_eq!(blocks, CATALOG_ORDER);
}

// ---------------------------------------------------------------------------------------------
// By HTTP status.

#[test]
fn by_status_equals_a_linear_scan_for_every_u16() {
    let oracle = &*ORACLE;
    let mut f = Failures::default();
    let mut found = 0;
    for status in 0..=u16::MAX {
        let expected = oracle.by_status(status);
        found += expected.len();
        f.eq(
            ids(catalog::by_status(status).iter().copied()),
            expected.clone(),
            || format!("by_status({status})"),
        );
        for vendor in Vendor::ALL {
            f.eq(
                ids(catalog::by_status_for(vendor, status)),
                expected
                    .iter()
                    .copied()
                    .filter(|(family, _)| oracle.family(family).vendor == vendor.slug())
                    .collect(),
                || format!("by_status_for({vendor}, {status})"),
            );
        }
    }
    f.finish("by_status");
    // The data documents statuses (Aliyun: every code), so the scan above compared something.
    assert_eq!(
        found,
        oracle
            .rows
            .iter()
            .filter(|r| r.http_status.is_some())
            .count()
    );
    assert_eq!(
        found,
        29 + 25 + 258 + 29 + 7,
        "every Aliyun, Upyun REST, Upyun form and Higress code has a status, no other does"
    );
}

type Meaning = (u16, String, (String, String));

fn meaning(m: &errcat::StatusMeaning) -> Meaning {
    (
        m.status(),
        m.reason().to_owned(),
        text_pair(m.description()),
    )
}

#[test]
fn status_meanings_equal_the_data_for_every_u16() {
    let oracle = &*ORACLE;
    let mut f = Failures::default();
    for file in &oracle.families {
        let family = family_of(&file.slug);
        for status in 0..=u16::MAX {
            let expected = file.statuses.iter().find(|s| s.0 == status).cloned();
            let actual = family.status_meaning(status).map(|m| {
                m.map(|m| {
                    assert_eq!(m.family(), family);
                    assert_eq!(m.vendor(), family.vendor());
                    meaning(m)
                })
            });
            f.eq(actual, Ok(expected), || {
                format!("{family}.status_meaning({status})")
            });
        }
    }
    // A vendor's: the first of its families that documents the status.
    for vendor in Vendor::ALL {
        for status in 0..=u16::MAX {
            let expected = oracle
                .families
                .iter()
                .filter(|fam| fam.vendor == vendor.slug())
                .find_map(|fam| fam.statuses.iter().find(|s| s.0 == status).cloned());
            f.eq(vendor.status_meaning(status).map(meaning), expected, || {
                format!("{vendor}.status_meaning({status})")
            });
        }
    }
    f.finish("status meanings");
    assert_eq!(
        Vendor::Upyun
            .status_meaning(409)
            .map(errcat::StatusMeaning::reason),
        Some("Conflict")
    );
    assert_eq!(
        Family::UpyunManagement
            .status_meaning(409)
            .map(|m| m.map(errcat::StatusMeaning::family)),
        Ok(Some(Family::UpyunManagement))
    );
}

// ---------------------------------------------------------------------------------------------
// By message.

#[test]
fn by_message_finds_every_text_and_every_code_sharing_it() {
    let oracle = &*ORACLE;
    let mut f = Failures::default();
    for row in &oracle.rows {
        for text in row.texts() {
            let expected = oracle.by_message(text);
            f.check(expected.contains(&row.id()), || {
                format!("oracle: {:?} has text {text:?}", row.id())
            });
            let key = normalise(text);
            for variant in [
                text.to_owned(),
                key.to_owned(),
                format!("  {key}\t"),
                format!("{key}."),
                format!("{key}。"),
                format!("{key}!"),
                format!("{key}！ "),
            ] {
                f.eq(
                    ids(catalog::by_message(&variant).iter().copied()),
                    expected.clone(),
                    || format!("by_message({variant:?}) for {:?}", row.id()),
                );
            }
        }
    }
    for miss in [
        "",
        "   ",
        "。",
        "no such message",
        "Bucket not",
        "bucket not found",
        "invalid ip",
        "invalid userAgent :x",
        "invalid ipv6:1.2.3.4",
        "Invalid ip:1.2.3.4",
        "ip不合法:1.2.3.4",
    ] {
        f.eq(
            ids(catalog::by_message(miss).iter().copied()),
            oracle.by_message(miss),
            || format!("by_message({miss:?})"),
        );
        f.eq(catalog::by_message(miss).len(), 0, || {
            format!("by_message({miss:?}) finds nothing")
        });
    }
    f.finish("by_message");
}

/// Texts a response can carry as the seeds write them, which the catalog once lost by fixing a
/// typo, translating or following a source that reworded them: each finds its entry by message.
#[test]
fn documented_spellings_find_their_entries() {
    let cases: [(&str, &[(&str, &str)]); 10] = [
        ("非法Metirc参数", &[("tencent-cloud/cdn", "9001")]),
        (
            "余额不足，您的积分余额为0。",
            &[("cloudbypass/api", "INSUFFICIENT_BALANCE")],
        ),
        ("cant't beyond 24 hours", &[("upyun/management", "21902")]),
        (r"cant\'t beyond 24 hours", &[("upyun/management", "21902")]),
        (
            "cant't beyond 30 days",
            &[("upyun/management", "21903"), ("upyun/management", "21904")],
        ),
        ("单数错误", &[("upyun/management", "21301")]),
        ("user_agentip不合法", &[("upyun/management", "21223")]),
        (
            "帐户mi'm密码验证失败,没有权限删除空间",
            &[("upyun/management", "21230")],
        ),
        (
            "invalid userAgent:curl/8.0",
            &[("upyun/management", "21223")],
        ),
        (
            "http(s)请求协议错误，只支持GET和POST请求。",
            &[("tencent-cloud/common", "UnsupportedProtocol")],
        ),
    ];
    let mut f = Failures::default();
    for (text, expected) in cases {
        f.eq(
            ids(catalog::by_message(text).iter().copied()),
            expected.to_vec(),
            || format!("by_message({text:?})"),
        );
    }
    f.finish("documented spellings");
}

/// Kinds and retry advice decided against the vendors' own words (each entry's note or
/// `retry_reason` says why): family, code, kind, retryable.
const DECIDED_KINDS: &[(&str, &str, ErrorKind, bool)] = &[
    (
        "cloudbypass/api",
        "TOO_MANY_REQUESTS",
        ErrorKind::Blocked,
        false,
    ),
    (
        "cloudbypass/api",
        "PROXY_NON_STICKY",
        ErrorKind::FailedPrecondition,
        false,
    ),
    (
        "tencent-cloud/common",
        "ResourceInsufficient",
        ErrorKind::Unavailable,
        true,
    ),
    // The request would have succeeded: not a failure, and the same request gives the same
    // answer.
    (
        "tencent-cloud/common",
        "DryRunOperation",
        ErrorKind::DryRun,
        false,
    ),
    (
        "tencent-cloud/common",
        "RequestSizeLimitExceeded",
        ErrorKind::InvalidRequest,
        false,
    ),
    (
        "tencent-cloud/cdn",
        "2171",
        ErrorKind::InvalidRequest,
        false,
    ),
    ("tencent-cloud/cdn", "10000", ErrorKind::Internal, false),
    ("upyun/management", "21103", ErrorKind::RateLimited, false),
    ("upyun/management", "21113", ErrorKind::RateLimited, false),
    ("upyun/management", "21114", ErrorKind::RateLimited, false),
    // Documented with 403; the caller must fix the request, or authenticate anew.
    (
        "upyun/form",
        "Not accept, POST URI error.",
        ErrorKind::InvalidRequest,
        false,
    ),
    (
        "upyun/form",
        "Not accept, File size too large.",
        ErrorKind::InvalidRequest,
        false,
    ),
    (
        "upyun/form",
        "Authorize has expired.",
        ErrorKind::Unauthenticated,
        false,
    ),
    (
        "upyun/form",
        "Not accept, Form API disabled.",
        ErrorKind::FailedPrecondition,
        false,
    ),
    // Documented with 503; the text says it is the vendor's system error, and to retry.
    (
        "upyun/form",
        "System Error, please try again.",
        ErrorKind::Internal,
        true,
    ),
    // The English the API sends says the upload lacks its file (errcat follows it, as the
    // REST API's `need file`); the Chinese is 40402's, copied.
    ("upyun/multipart", "40304", ErrorKind::InvalidRequest, false),
    ("upyun/multipart", "40307", ErrorKind::InvalidRequest, false),
    // The gateway's `X-Ca-Error-Code` table: the meaning, not the status.
    ("aliyun/apigateway", "I403PT", ErrorKind::Unsupported, false),
    ("aliyun/apigateway", "I410GG", ErrorKind::NotFound, false),
    (
        "aliyun/apigateway",
        "X500ED",
        ErrorKind::FailedPrecondition,
        false,
    ),
    (
        "aliyun/apigateway",
        "X500AM",
        ErrorKind::FailedPrecondition,
        false,
    ),
    ("aliyun/apigateway", "B403OD", ErrorKind::Billing, false),
    (
        "aliyun/apigateway",
        "B451DO",
        ErrorKind::PermissionDenied,
        false,
    ),
];

/// Kinds and retry advice decided against the seeds' own words (each entry's note or
/// `retry_reason` says why): they hold.
#[test]
fn kinds_decided_from_the_vendors_words_hold() {
    let mut f = Failures::default();
    for &(family, code, kind, retryable) in DECIDED_KINDS {
        let found: Vec<AnyCode> = catalog::by_code(code)
            .iter()
            .copied()
            .filter(|c| c.family().slug() == family)
            .collect();
        let [c] = found[..] else {
            f.0.push(format!("{family} {code}: found {found:?}"));
            continue;
        };
        let entry = c.entry();
        f.eq(entry.kind(), kind, || format!("{family} {code}: kind"));
        f.eq(entry.is_retryable(), retryable, || {
            format!("{family} {code}: retryable")
        });
    }
    f.finish("decided kinds");
}

/// Upyun documents three messages with their value left out; the wire fills it in.
#[test]
fn by_message_fills_in_message_templates() {
    let oracle = &*ORACLE;
    let templates = oracle.templates();
    assert_eq!(
        templates,
        [
            (("upyun/management", "21221"), "invalid ip:"),
            (("upyun/management", "21223"), "invalid userAgent:"),
            (("upyun/management", "21225"), "invalid domain:"),
        ]
    );
    let mut f = Failures::default();
    for (id, words) in templates {
        for value in ["1.2.3.4", " 10.0.0.256", "curl/8.0 (x86_64)", "例子.com."] {
            let text = format!("{words}{value}");
            f.eq(
                ids(catalog::by_message(&text).iter().copied()),
                vec![id],
                || format!("by_message({text:?})"),
            );
            f.eq(oracle.by_message(&text), vec![id], || {
                format!("oracle: by_message({text:?})")
            });
        }
        // Not filled in: the documented text itself, found exactly.
        f.eq(
            ids(catalog::by_message(&format!("{words}...")).iter().copied()),
            vec![id],
            || format!("by_message({words:?}...)"),
        );
    }
    f.finish("message templates");
}

#[test]
fn shared_messages_return_every_code() {
    use tencent_cloud::cdn::ModuleCode;
    let cdn = [
        AnyCode::TencentCdnModule(ModuleCode::InvalidProjectId),
        AnyCode::TencentCdnModule(ModuleCode::InvalidQueryProjectId),
    ];
    assert_eq!(catalog::by_message("非法ProjectID参数"), cdn);
    assert_eq!(
        ids(cdn),
        [("tencent-cloud/cdn", "2130"), ("tencent-cloud/cdn", "9002")]
    );
    assert_eq!(
        ORACLE.by_message("非法ProjectID参数"),
        [("tencent-cloud/cdn", "2130"), ("tencent-cloud/cdn", "9002")]
    );

    let upyun_codes = [
        ("upyun/management", "21203"),
        ("upyun/management", "21603"),
        ("upyun/management", "21905"),
    ];
    for text in [
        "Bucket not found.",
        "Bucket not found",
        " Bucket not found。",
    ] {
        assert_eq!(
            ids(catalog::by_message(text).iter().copied()),
            upyun_codes,
            "{text:?}"
        );
    }
    assert_eq!(ORACLE.by_message("Bucket not found."), upyun_codes);

    // The old multipart API gives two codes one Chinese text; their English differs.
    let blocks = [("upyun/multipart", "40304"), ("upyun/multipart", "40402")];
    assert_eq!(
        ids(catalog::by_message("文件分块信息不存在").iter().copied()),
        blocks
    );
    assert_eq!(ORACLE.by_message("文件分块信息不存在"), blocks);
    assert_eq!(
        ids(catalog::by_message("Missing file.").iter().copied()),
        [("upyun/multipart", "40304")]
    );
}

// ---------------------------------------------------------------------------------------------
// Headers.

/// Alternates the case of the ASCII letters, starting upper (`X-cA-ErRoR`) or lower
/// (`x-Ca-eRrOr`).
fn mixed_case(name: &str, upper_first: bool) -> String {
    name.chars()
        .enumerate()
        .map(|(i, c)| {
            if (i % 2 == 0) == upper_first {
                c.to_ascii_uppercase()
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect()
}

/// The documented casing, lowercase, UPPERCASE and two mixed casings.
fn casings(name: &str) -> [String; 5] {
    [
        name.to_owned(),
        name.to_ascii_lowercase(),
        name.to_ascii_uppercase(),
        mixed_case(name, true),
        mixed_case(name, false),
    ]
}

#[test]
fn every_documented_header_resolves_in_any_ascii_case() {
    let oracle = &*ORACLE;
    let mut f = Failures::default();
    let mut seen = 0;
    for file in &oracle.families {
        let family = family_of(&file.slug);
        for (name, carries, description) in &file.headers {
            seen += 1;
            for casing in casings(name) {
                let at = format!("catalog::header({casing:?})");
                let Some(h) = catalog::header(&casing) else {
                    f.0.push(format!("{at}: misses"));
                    continue;
                };
                f.eq(h.name(), name.as_str(), || format!("{at}: documented name"));
                f.eq(h.family(), family, || format!("{at}: family"));
                f.eq(h.vendor(), family.vendor(), || format!("{at}: vendor"));
                f.eq(
                    serde_json::to_value(h.carries()).ok(),
                    Some(Value::String(carries.clone())),
                    || format!("{at}: carries"),
                );
                f.eq(text_pair(h.description()), description.clone(), || {
                    format!("{at}: description")
                });
            }
        }
        f.eq(
            family
                .headers()
                .map(errcat::Header::name)
                .collect::<Vec<_>>(),
            file.headers.iter().map(|h| h.0.as_str()).collect(),
            || format!("{family}.headers()"),
        );
    }
    for vendor in Vendor::ALL {
        f.eq(
            vendor
                .headers()
                .map(errcat::Header::name)
                .collect::<Vec<_>>(),
            oracle
                .families
                .iter()
                .filter(|fam| fam.vendor == vendor.slug())
                .flat_map(|fam| fam.headers.iter().map(|h| h.0.as_str()))
                .collect(),
            || format!("{vendor}.headers(): its families' headers, in family order"),
        );
    }
    f.finish("headers");
    assert_eq!(seen, 4, "x-cb-status and three Aliyun headers");
}

#[test]
fn undocumented_over_long_and_non_ascii_header_names_miss() {
    let long = format!("x-ca-error-message{}", "-x".repeat(24));
    assert!(long.len() > 64);
    let just_over = "x".repeat(65);
    for name in [
        "content-type",
        "Content-Type",
        "date",
        "server",
        "x-ca-foo",
        "x-ca-error",
        "x-ca-error-messages",
        " x-ca-error-message",
        "x-ca-error-message ",
        "x-ca-error_message",
        "",
        long.as_str(),
        just_over.as_str(),
        "x-ca-érror-message",
        "Ｘ-Ca-Error-Message",
        "x-ca-error-messagé",
        "x-cb-statuſ",
        "x-ca-request-\u{130}d",
        "\u{212A}",
    ] {
        assert_eq!(catalog::header(name), None, "{name:?}");
        assert!(
            catalog::by_header(name, "Quota Exhausted").is_none(),
            "by_header({name:?}, ...)"
        );
    }
}

#[test]
fn by_header_resolves_every_code_of_its_family_and_only_those() {
    let oracle = &*ORACLE;
    let mut f = Failures::default();
    let mut checked = 0;
    for file in &oracle.families {
        for (name, carries, _) in &file.headers {
            // Alibaba Cloud API Gateway: `X-Ca-Error-Code` carries the six-character codes,
            // `X-Ca-Error-Message` the classic ones.
            let table = match (file.slug.as_str(), carries.as_str()) {
                ("aliyun/apigateway", "error_code") => Some("ErrorCode"),
                ("aliyun/apigateway", "error_message") => Some("Code"),
                _ => None,
            };
            let of_table = |r: &&ORow| table.is_none_or(|t| r.table == t);
            let rows = oracle.rows.iter().filter(|r| r.family == file.slug);
            // Aliyun's `X-Ca-Error-Message` carries the message, whose text is the code.
            if carries != "error_code" && carries != "error_message" {
                // A header that carries no code or message resolves nothing.
                for row in rows {
                    f.check(catalog::by_header(name, &row.code).is_none(), || {
                        format!("by_header({name:?}, {:?}) must be None", row.code)
                    });
                }
                continue;
            }
            // The family's other tables' codes are not this header's.
            for row in rows.clone().filter(|r| !of_table(r)) {
                f.check(catalog::by_header(name, &row.code).is_none(), || {
                    format!("by_header({name:?}, {:?}) of another table", row.code)
                });
            }
            for row in rows.filter(of_table) {
                for value in std::iter::once(&row.code).chain(&row.aliases) {
                    for casing in casings(name) {
                        checked += 1;
                        let at = format!("by_header({casing:?}, {value:?})");
                        let Some(m) = catalog::by_header(&casing, value) else {
                            f.0.push(format!("{at}: misses"));
                            continue;
                        };
                        f.eq(id(m.code()), row.id(), || format!("{at}: code"));
                        f.eq(m.header().name(), name.as_str(), || format!("{at}: header"));
                        f.eq(m.parameter(), None, || format!("{at}: parameter"));
                    }
                }
            }
            // Codes of other families are not this header's.
            for row in oracle.rows.iter().filter(|r| r.family != file.slug) {
                if oracle.lookup_in(&file.slug, &row.code).is_none() {
                    f.check(catalog::by_header(name, &row.code).is_none(), || {
                        format!("by_header({name:?}, {:?}) of another family", row.code)
                    });
                }
            }
        }
    }
    f.finish("by_header");
    // X-Ca-Error-Message: 29 codes and one alias; X-Ca-Error-Code: 25 codes; five casings each.
    assert_eq!(checked, (30 + 25) * 5);
    let m = catalog::by_header("X-Ca-Error-Message", "Quota Exhausted").expect("classic");
    assert_eq!(m.code().as_str(), "Quota Exhausted");
    let m = catalog::by_header("X-Ca-Error-Code", "I404NF").expect("X-Ca-Error-Code");
    assert_eq!(m.code().as_str(), "I404NF");
    assert!(catalog::by_header("X-Ca-Error-Code", "Quota Exhausted").is_none());
    assert!(catalog::by_header("X-Ca-Error-Message", "I404NF").is_none());
}

#[test]
fn by_header_resolves_the_misspelled_alias() {
    let m = catalog::by_header("X-Ca-Error-Message", "TThrottled by GROUP Flow Control")
        .expect("the documented misspelling resolves");
    assert_eq!(
        m.code(),
        AnyCode::AliyunApiGateway(aliyun::apigateway::Code::ThrottledByGroupFlowControl)
    );
    assert_eq!(m.code().as_str(), "Throttled by GROUP Flow Control");
    assert_eq!(m.parameter(), None);
}

#[test]
fn by_header_finds_a_documented_code_with_detail_appended() {
    use aliyun::apigateway::Code;
    for (value, code) in [
        ("Invalid Url: /v2/x", Code::InvalidUrl),
        ("Invalid Url:/v2/x", Code::InvalidUrl),
        ("Invalid Url (path /v2/x)", Code::InvalidUrl),
        ("Quota Exhausted; resets at 00:00", Code::QuotaExhausted),
        ("API Not Found, path /v2/x", Code::ApiNotFound),
        (
            "Throttled by APP Flow Control.",
            Code::ThrottledByAppFlowControl,
        ),
        (
            "TThrottled by GROUP Flow Control: 100/s",
            Code::ThrottledByGroupFlowControl,
        ),
    ] {
        for name in ["X-Ca-Error-Message", "x-ca-error-message"] {
            let m = catalog::by_header(name, value)
                .unwrap_or_else(|| panic!("by_header({name:?}, {value:?})"));
            assert_eq!(m.code(), AnyCode::AliyunApiGateway(code), "{value:?}");
            assert_eq!(m.parameter(), None, "{value:?}");
        }
        // `X-Ca-Error-Code` carries the six-character codes, not the classic ones.
        assert!(
            catalog::by_header("x-ca-error-code", value).is_none(),
            "{value:?}"
        );
    }
    for value in [
        "Invalid Urls: /v2/x",
        "invalid url: /v2/x",
        " Invalid Url: /v2/x",
        "Invalid: Url",
        "Quota",
        "x-Invalid Url: /v2/x",
    ] {
        assert!(
            catalog::by_header("X-Ca-Error-Message", value).is_none(),
            "{value:?}"
        );
    }
}

#[test]
fn by_header_fills_the_template_with_the_exact_suffix() {
    let invalid_signature = AnyCode::AliyunApiGateway(aliyun::apigateway::Code::InvalidSignature);
    let prefix = "Invalid Signature, Server StringToSign:";
    assert_eq!(
        format!("{prefix}%s"),
        invalid_signature.as_str(),
        "the template code"
    );
    let string_to_sign = "POST\napplication/json; charset=utf-8\nX1yN7FRvJBm0Of8pu3zKvg==\n\
         application/json\nWed, 25 Nov 2026 02:16:00 GMT\n\
         x-ca-key:203752812\nx-ca-nonce:c9f15cbf-f4ac-4a6c-b54d-f51abf4b5b44\n\
         x-ca-timestamp:1764036960000\n/v1/商品/搜索?名称=测试&排序=价格 ↑";
    for value in [
        format!("{prefix}{string_to_sign}"),
        format!("{prefix}GET\n*/*\n\n\n\n/api"),
        format!("{prefix}%s"),
        format!("{prefix}  "),
        prefix.to_owned(),
    ] {
        assert!(catalog::by_header("X-CA-ERROR-CODE", &value).is_none());
        for name in [
            "X-Ca-Error-Message",
            "x-ca-error-message",
            "X-CA-ERROR-MESSAGE",
        ] {
            let m = catalog::by_header(name, &value)
                .unwrap_or_else(|| panic!("by_header({name:?}, {value:?})"));
            assert_eq!(m.code(), invalid_signature, "{value:?}");
            if value == invalid_signature.as_str() {
                // The template's own text is an exact match.
                continue;
            }
            let parameter = m.parameter().expect("a filled template has a parameter");
            let suffix = &value[prefix.len()..];
            assert_eq!(parameter, suffix);
            assert!(
                std::ptr::eq(parameter.as_ptr(), suffix.as_ptr()),
                "the parameter borrows the value"
            );
        }
        let (code, parameter) = catalog::template(&value).expect("catalog::template");
        assert_eq!(code, invalid_signature);
        assert_eq!(parameter, &value[prefix.len()..]);
    }
    let value = format!("{prefix}{string_to_sign}");
    for name in [
        "X-Ca-Request-Id",
        "x-cb-status",
        "X-Ca-Error-Mesage",
        "X-Ca-Error",
        "Content-Type",
    ] {
        assert!(catalog::by_header(name, &value).is_none(), "{name:?}");
    }
    for value in [
        "Invalid Signature",
        "Invalid Signature, Server StringToSign",
        "invalid signature, server stringtosign:GET",
        " Invalid Signature, Server StringToSign:GET",
        "",
    ] {
        assert!(
            catalog::by_header("X-Ca-Error-Message", value).is_none(),
            "{value:?}"
        );
        assert_eq!(catalog::template(value), None, "{value:?}");
    }
}

// ---------------------------------------------------------------------------------------------
// Vendor, Family and ErrorKind against the registry.

/// The registry as the build reads and validates it.
fn registry() -> schema::Registry {
    let path = manifest_dir().join("data/registry.json");
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    validate::validate_registry("data/registry.json", &bytes)
        .unwrap_or_else(|e| panic!("data/registry.json is invalid: {e:?}"))
}

#[test]
fn vendor_order_and_slugs_agree_with_the_registry() {
    let registry = registry();
    let slugs: Vec<&str> = Vendor::ALL.iter().map(|v| v.slug()).collect();
    assert_eq!(slugs, VENDORS);
    assert_eq!(
        slugs,
        registry
            .vendors
            .iter()
            .map(|v| v.slug.as_str())
            .collect::<Vec<_>>()
    );
    for (vendor, (slug, aliases)) in Vendor::ALL.into_iter().zip(&ORACLE.vendors) {
        assert_eq!(vendor.slug(), slug);
        assert_eq!(slug.parse::<Vendor>(), Ok(vendor));
        assert_eq!(slug.to_ascii_uppercase().parse::<Vendor>(), Ok(vendor));
        assert_eq!(vendor.to_string(), *slug);
        let json = format!("{slug:?}");
        assert_eq!(serde_json::to_string(&vendor).unwrap(), json);
        assert_eq!(serde_json::from_str::<Vendor>(&json).unwrap(), vendor);
        assert_eq!(
            serde_json::from_value::<Vendor>(Value::String(slug.clone())).unwrap(),
            vendor
        );
        for alias in aliases {
            assert_eq!(alias.parse::<Vendor>(), Ok(vendor), "alias {alias:?}");
            assert_eq!(
                alias.to_ascii_uppercase().parse::<Vendor>(),
                Ok(vendor),
                "alias {alias:?}"
            );
        }
        assert!(!vendor.name().is_empty());
        let families: Vec<&str> = ORACLE
            .families
            .iter()
            .filter(|f| f.vendor == *slug)
            .map(|f| f.slug.as_str())
            .chain(
                PRODUCT_FAMILIES
                    .iter()
                    .copied()
                    .filter(|f| f.starts_with(&format!("{slug}/"))),
            )
            .collect();
        assert!(!families.is_empty(), "{vendor} has a family");
        assert_eq!(
            vendor
                .families()
                .iter()
                .map(|f| f.slug())
                .collect::<Vec<_>>(),
            families,
            "{vendor}.families(), in registry order"
        );
    }
    // The slugs of the earlier release still parse, in any ASCII case.
    for (old, vendor) in [
        ("tencent-cdn", Vendor::TencentCloud),
        ("TENCENT-CDN", Vendor::TencentCloud),
        ("aliyun-apigateway", Vendor::Aliyun),
        ("Aliyun-ApiGateway", Vendor::Aliyun),
        ("Upyun", Vendor::Upyun),
        ("UPYUN", Vendor::Upyun),
    ] {
        assert_eq!(old.parse::<Vendor>(), Ok(vendor), "{old:?}");
        assert_eq!(
            serde_json::from_str::<Vendor>(&format!("{old:?}")).ok(),
            Some(vendor),
            "{old:?}"
        );
    }
    for bad in [
        "aws",
        " upyun",
        "upyun ",
        "tencent_cdn",
        "tencent",
        "upyun/management",
        "",
    ] {
        let err = bad.parse::<Vendor>().expect_err(bad);
        assert_eq!(
            err.to_string(),
            format!(
                "unknown vendor {bad:?}: expected one of cloudbypass, tencent-cloud, aliyun, upyun"
            )
        );
        assert!(serde_json::from_str::<Vendor>(&format!("{bad:?}")).is_err());
    }
}

#[test]
fn family_order_slugs_and_facts_agree_with_the_registry() {
    let registry = registry();
    let slugs: Vec<&str> = Family::ALL.iter().map(|f| f.slug()).collect();
    assert_eq!(slugs, registry_order());
    assert_eq!(
        slugs,
        registry
            .families
            .iter()
            .map(|f| f.slug.as_str())
            .collect::<Vec<_>>()
    );
    // The oracle leaves the product families out.
    let read = |f: &Family| !PRODUCT_FAMILIES.contains(&f.slug());
    for (family, file) in Family::ALL.into_iter().filter(read).zip(&ORACLE.families) {
        let slug = family.slug();
        let row = registry.family(slug).expect("a registry row");
        assert_eq!(slug, file.slug);
        assert_eq!(family.vendor().slug(), row.vendor, "{slug}: vendor");
        assert_eq!(family.vendor().slug(), file.vendor, "{slug}: vendor");
        assert_eq!(family.name(), row.name, "{slug}: name");
        assert_eq!(family.name(), file.name, "{slug}: name");
        assert_eq!(family.feature(), row.feature, "{slug}: feature");
        assert_eq!(family.feature(), file.feature, "{slug}: feature");
        assert!(family.is_enabled(), "{slug}: enabled under --all-features");
        assert_eq!(slug.parse::<Family>(), Ok(family));
        assert_eq!(slug.to_ascii_uppercase().parse::<Family>(), Ok(family));
        assert_eq!(family.to_string(), slug);
        let json = format!("{slug:?}");
        assert_eq!(serde_json::to_string(&family).unwrap(), json);
        assert_eq!(serde_json::from_str::<Family>(&json).unwrap(), family);
        for alias in &file.aliases {
            assert_eq!(alias.parse::<Family>(), Ok(family), "alias {alias:?}");
            assert_eq!(
                alias.to_ascii_uppercase().parse::<Family>(),
                Ok(family),
                "alias {alias:?}"
            );
        }
        let sources: Vec<OSource> = family
            .sources()
            .expect("enabled")
            .iter()
            .map(|s| OSource {
                title: s.title().to_owned(),
                url: s.url().to_owned(),
                repository: s.repository().map(str::to_owned),
                path: s.path().map(str::to_owned),
                commit: s.commit().map(str::to_owned),
                date: s.date().to_owned(),
                cite: serde_json::to_value(s.cite())
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_owned))
                    .unwrap_or_default(),
                note: s.note().map(str::to_owned),
                seed: None,
            })
            .collect();
        let expected: Vec<OSource> = file
            .sources
            .iter()
            .map(|s| OSource {
                seed: None,
                ..s.clone()
            })
            .collect();
        assert_eq!(sources, expected, "{slug}: sources(), one per data file");
    }
    for (old, family) in [
        ("tencent-cdn", Family::TencentCdn),
        ("Tencent-CDN", Family::TencentCdn),
        ("aliyun-apigateway", Family::AliyunApiGateway),
    ] {
        assert_eq!(old.parse::<Family>(), Ok(family), "{old:?}");
    }
    for bad in [
        "tencent-cloud",
        "upyun",
        "upyun/",
        "/management",
        " upyun/management",
        "",
    ] {
        let err = bad.parse::<Family>().expect_err(bad);
        assert_eq!(
            err.to_string(),
            format!(
                "unknown family {bad:?}: expected one of tencent-cloud/common, upyun/management, \
                 tencent-cloud/cdn, cloudbypass/api, aliyun/apigateway, upyun/rest, upyun/form, \
                 upyun/multipart, aliyun/higress-hmac-auth, tencent-cloud/products, \
                 cloudbypass/balance"
            )
        );
        assert!(serde_json::from_str::<Family>(&format!("{bad:?}")).is_err());
    }
}

#[test]
fn error_kinds_agree_with_the_registry_and_the_readme() {
    let registry = registry();
    let names: Vec<&str> = ErrorKind::ALL.iter().map(|k| k.as_str()).collect();
    let from_registry: Vec<&str> = registry.kinds.iter().map(|k| k.name.as_str()).collect();
    let readme: Vec<&str> = KINDS.iter().map(|k| k.0).collect();
    assert_eq!(names, from_registry);
    assert_eq!(names, readme);
    for ((kind, row), (_, status, readme_retry)) in
        ErrorKind::ALL.into_iter().zip(&registry.kinds).zip(KINDS)
    {
        let name = kind.as_str();
        assert_eq!(
            kind.is_retryable_by_default(),
            row.retryable,
            "{name}: registry"
        );
        assert_eq!(
            registry.kind_retryable(name),
            Some(readme_retry),
            "{name}: registry"
        );
        assert_eq!(
            kind.is_retryable_by_default(),
            readme_retry,
            "{name}: README"
        );
        assert_eq!(kind.http_status(), status, "{name}: http_status");
        assert_eq!(row.http_status, status, "{name}: registry http_status");
        assert_eq!(name.parse::<ErrorKind>(), Ok(kind));
        assert_eq!(kind.to_string(), name);
        let json = format!("{name:?}");
        assert_eq!(serde_json::to_string(&kind).unwrap(), json);
        assert_eq!(serde_json::from_str::<ErrorKind>(&json).unwrap(), kind);
    }
    for bad in [
        "RateLimited",
        "rate-limited",
        "rate_limited ",
        "",
        "unknown_kind",
    ] {
        assert!(bad.parse::<ErrorKind>().is_err(), "{bad:?}");
        assert!(serde_json::from_str::<ErrorKind>(&format!("{bad:?}")).is_err());
    }
}

// ---------------------------------------------------------------------------------------------
// Family helpers.

#[test]
fn upyun_structure_agrees_with_the_digits_of_every_code() {
    let oracle = &*ORACLE;
    let modules = &oracle.family("upyun/management").modules;
    for code in upyun::management::Code::ALL {
        let wire = code.as_str();
        let s = code.structure();
        assert_eq!(Structure::parse(wire), Some(s), "{wire}");
        let digits: Vec<u8> = wire.bytes().map(|b| b - b'0').collect();
        let level = match digits[0] {
            1 => Level::System,
            2 => Level::Module,
            d => panic!("{wire}: level digit {d}"),
        };
        assert_eq!(s.level(), level, "{wire}: level");
        assert_eq!(s.module(), digits[1] * 10 + digits[2], "{wire}: module");
        assert_eq!(s.error(), digits[3] * 10 + digits[4], "{wire}: error");
        // A module with documented codes has a name.
        assert!(
            s.module_name().is_some(),
            "{wire}: module {} has no name",
            s.module()
        );
    }
    for module in 0..=99_u8 {
        let s = Structure::parse(&format!("2{module:02}01")).expect("decodable");
        assert_eq!(s.module(), module);
        let expected = modules.iter().find(|m| m.0 == module).map(|m| m.1.clone());
        assert_eq!(s.module_name().map(text_pair), expected, "module {module}");
    }
    assert_eq!(modules.len(), 12);
}

#[test]
fn upyun_multipart_codes_are_not_of_the_management_structure() {
    assert_eq!(upyun::multipart::Code::ALL.len(), 11);
    for code in upyun::multipart::Code::ALL {
        let wire = code.as_str();
        // Five digits, the first 4: the management API's level digit is 1 or 2, so no level,
        // module or error is decoded, and no management code is the same.
        assert!(
            wire.len() == 5 && wire.starts_with('4') && wire.bytes().all(|b| b.is_ascii_digit()),
            "{wire}"
        );
        assert_eq!(Structure::parse(wire), None, "{wire}");
        assert_eq!(
            catalog::lookup_in(Family::UpyunManagement, wire),
            Ok(None),
            "{wire}"
        );
        assert_eq!(
            ids(catalog::by_code(wire).iter().copied()),
            [("upyun/multipart", wire)],
            "{wire}"
        );
        // The document gives no status per code.
        assert_eq!(code.http_status(), None, "{wire}");
    }
    // Nor is a management code one of this family's.
    for code in upyun::management::Code::ALL {
        assert_eq!(
            catalog::lookup_in(Family::UpyunMultipart, code.as_str()),
            Ok(None)
        );
    }
}

#[test]
fn upyun_form_codes_are_their_english_messages_with_the_rows_status() {
    let oracle = &*ORACLE;
    let rows: Vec<&ORow> = oracle
        .rows
        .iter()
        .filter(|r| r.family == "upyun/form")
        .collect();
    assert_eq!(rows.len(), upyun::form::Code::ALL.len());
    let mut statuses = BTreeMap::new();
    for row in &rows {
        // The wire code is the English message, exactly as the vendor writes it.
        assert_eq!(row.en, row.code, "{}", row.code);
        let status = row.http_status.expect("every row has a status");
        *statuses.entry(status).or_insert(0) += 1;
    }
    // The table's statuses: 400 nine times, 403 seventeen, 404 twice, 503 once.
    assert_eq!(
        statuses.into_iter().collect::<Vec<_>>(),
        [(400, 9), (403, 17), (404, 2), (503, 1)]
    );
    let code: upyun::form::Code = "Not accept, Miss policy.".parse().expect("documented");
    assert_eq!(code, upyun::form::Code::MissingPolicy);
    assert_eq!(code.http_status(), Some(400));
    // Exact text only: the wording without its full stop is not the code.
    assert!(
        "Not accept, Miss policy"
            .parse::<upyun::form::Code>()
            .is_err()
    );
}

#[test]
fn upyun_rest_codes_carry_their_http_status() {
    let oracle = &*ORACLE;
    let rows: Vec<&ORow> = oracle
        .rows
        .iter()
        .filter(|r| r.family == "upyun/rest")
        .collect();
    assert_eq!(rows.len(), upyun::rest::Code::ALL.len());
    for row in &rows {
        // The document's status column, and the status the code's first three digits carry.
        let digits: u16 = row.code[..3].parse().expect("eight digits");
        assert_eq!(row.http_status, Some(digits), "{}", row.code);
        assert_eq!(
            upyun::rest::status_of(&row.code),
            Some(digits),
            "{}",
            row.code
        );
        // The vendor's English is the wire `msg`; the Chinese is errcat's, and says so.
        assert!(
            row.note
                .as_deref()
                .is_some_and(|n| n.contains("Chinese message is errcat's translation")),
            "{}",
            row.code
        );
    }
    // Not of the form: a management code, too short, too long, not an error status, not digits.
    for other in [
        "21402",
        "4010000",
        "401000050",
        "20000000",
        "6000000x",
        "4O100005",
        "",
    ] {
        assert_eq!(upyun::rest::status_of(other), None, "{other:?}");
    }
    // A typo the importer fixed still finds its entry by the document's wording.
    let by_typo: Vec<&str> = catalog::by_message("unknow error")
        .iter()
        .map(|c| c.as_str())
        .collect();
    assert_eq!(by_typo, ["50300029"]);
}

#[test]
fn upyun_structure_decodes_unlisted_codes_and_rejects_malformed_ones() {
    for (code, level, module, error) in [
        ("10399", Level::System, 3, 99),
        ("10000", Level::System, 0, 0),
        ("29999", Level::Module, 99, 99),
        ("21402", Level::Module, 14, 2),
    ] {
        let s = Structure::parse(code).expect(code);
        assert_eq!((s.level(), s.module(), s.error()), (level, module, error));
    }
    for bad in [
        "",
        "2",
        "2140",
        "214020",
        "2140200",
        "31402",
        "01402",
        "91402",
        "2140a",
        "a1402",
        "21 02",
        " 2140",
        "2140 ",
        "-2140",
        "+2140",
        "２１４０２",
        "2140٢",
        "21402\n",
        "40100012",
    ] {
        assert_eq!(Structure::parse(bad), None, "{bad:?}");
    }
}

/// The data's classification of `code`, as the library gives it.
fn rule(code: &str) -> &'static errcat::Classification {
    Family::TencentCloudCommon
        .classification(code)
        .expect("enabled")
        .unwrap_or_else(|| panic!("{code:?} is classified in the data"))
}

#[test]
fn classifications_equal_the_data() {
    let oracle = &*ORACLE;
    let mut f = Failures::default();
    let mut seen = 0;
    for file in &oracle.families {
        let family = family_of(&file.slug);
        for c in &file.classifications {
            seen += 1;
            let at = format!("{family}.classification({:?})", c.code);
            let Ok(Some(rule)) = family.classification(&c.code) else {
                f.0.push(format!("{at}: misses"));
                continue;
            };
            f.eq(
                (
                    rule.family(),
                    rule.vendor().slug(),
                    rule.code(),
                    rule.kind().as_str(),
                    rule.is_retryable(),
                    rule.retry_reason(),
                    rule.reason(),
                    rule.source(),
                ),
                (
                    family,
                    file.vendor.as_str(),
                    c.code.as_str(),
                    c.kind.as_str(),
                    c.retryable,
                    c.retry_reason.as_deref(),
                    c.reason.as_str(),
                    c.source.as_deref(),
                ),
                || at.clone(),
            );
            // Exact match only: neither a sub-code nor a parent is the classification's.
            f.eq(
                family.classification(&format!("{}.Sub", c.code)),
                Ok(None),
                || format!("{at}: a sub-code"),
            );
        }
        // A documented code is not classified.
        for row in oracle.rows.iter().filter(|r| r.family == file.slug) {
            f.eq(family.classification(&row.code), Ok(None), || {
                format!(
                    "{family}.classification({:?}) of a documented code",
                    row.code
                )
            });
        }
    }
    f.finish("classifications");
    assert_eq!(
        seen,
        6 + 2,
        "six Tencent Cloud classifications, two Alibaba Cloud API Gateway messages"
    );
}

#[test]
fn tencent_cloud_resolve_falls_back_to_the_nearest_classified_or_listed_level() {
    use tencent_cloud::common::Code;
    for code in Code::ALL {
        let wire = code.as_str();
        assert_eq!(Code::resolve(wire), Some(Resolved::Exact(*code)), "{wire}");
        assert_eq!(Code::resolve(wire).and_then(Resolved::code), Some(*code));
        // An unlisted sub-code (one or two levels down) of any listed code falls back to it.
        for sub in [
            format!("{wire}.ErrcatUnlistedSub"),
            format!("{wire}.ErrcatUnlisted.Deeper"),
        ] {
            assert_eq!(Code::resolve(&sub), Some(Resolved::Parent(*code)), "{sub}");
        }
    }
    let undotted = Code::ALL
        .iter()
        .filter(|c| !c.as_str().contains('.'))
        .count();
    assert_eq!(undotted, 19, "the listed families");
    assert_eq!(
        Code::resolve("InvalidParameter.InvalidZoneName"),
        Some(Resolved::Parent(Code::InvalidParameter))
    );
    assert_eq!(
        Code::resolve("InvalidParameterValue.InvalidZoneName"),
        Some(Resolved::Parent(Code::InvalidParameterValue))
    );
    // The data classifies `AuthFailure`, which the table does not list: it and its unlisted
    // sub-codes are classified, with no listed ancestor.
    for raw in [
        "AuthFailure",
        "AuthFailure.NotListed",
        "AuthFailure.NotListed.Deeper",
    ] {
        assert_eq!(
            Code::resolve(raw),
            Some(Resolved::Classified(rule("AuthFailure"), None)),
            "{raw}"
        );
    }
    // Known sub-codes whose meaning differs from their listed parent: classified, with the
    // parent for its texts; the classification covers their sub-codes too.
    for (classified, parent) in [
        ("LimitExceeded.PhoneNumberDailyLimit", Code::LimitExceeded),
        (
            "LimitExceeded.PhoneNumberThirtySecondLimit",
            Code::LimitExceeded,
        ),
        ("LimitExceeded.PhoneNumberOneHourLimit", Code::LimitExceeded),
        ("LimitExceeded.DeliveryFrequencyLimit", Code::LimitExceeded),
        (
            "FailedOperation.InsufficientBalanceInSmsPackage",
            Code::FailedOperation,
        ),
    ] {
        for raw in [classified.to_owned(), format!("{classified}.Sub")] {
            assert_eq!(
                Code::resolve(&raw),
                Some(Resolved::Classified(rule(classified), Some(parent))),
                "{raw}"
            );
        }
    }
    for unlisted in [
        "NoSuchFamily",
        "NoSuchFamily.Sub",
        "InvalidParameterX",
        "invalidparameter.Sub",
        "authfailure.NotListed",
        "Sub.InvalidParameter",
        "Sub.AuthFailure",
        "",
        ".",
    ] {
        assert_eq!(Code::resolve(unlisted), None, "{unlisted:?}");
    }
}

#[test]
fn tencent_cdn_split_message() {
    use tencent_cloud::cdn::split_message;
    for (message, expected) in [
        (
            "(2130)非法ProjectID参数",
            Some(("2130", "非法ProjectID参数")),
        ),
        (
            "(9002)非法ProjectID参数",
            Some(("9002", "非法ProjectID参数")),
        ),
        ("(-1) internal", Some(("-1", "internal"))),
        ("  (10000)  text", Some(("10000", "text"))),
        (
            "（2130）非法ProjectID参数",
            Some(("2130", "非法ProjectID参数")),
        ),
        ("(2130)", Some(("2130", ""))),
        ("(2130)(1000)x", Some(("2130", "(1000)x"))),
        ("no module code", None),
        ("", None),
        ("()", None),
        ("(-)", None),
        ("(12a)x", None),
        ("( 2130)x", None),
        ("(2130 )x", None),
        ("(2130", None),
        ("2130)x", None),
        ("(二一三〇)x", None),
        ("(+2130)x", None),
        ("(--1)x", None),
    ] {
        assert_eq!(split_message(message), expected, "{message:?}");
    }
    // Every module code, as the API sends it, splits back to the code and its text.
    for code in tencent_cloud::cdn::ModuleCode::ALL {
        let entry = code.entry();
        let zh = entry.message().zh;
        let message = format!("({}){zh}", code.as_str());
        assert_eq!(split_message(&message), Some((code.as_str(), zh)));
        let (module, text) = split_message(&message).unwrap();
        assert_eq!(
            tencent_cloud::cdn::ModuleCode::from_code(module),
            Some(*code)
        );
        assert!(catalog::by_message(text).contains(&AnyCode::from(*code)));
    }
}

// ---------------------------------------------------------------------------------------------
// Sources and seed references.

/// `YYYY-MM-DD`, with a month from 1 to 12 and a day from 1 to 31.
fn is_date(date: &str) -> bool {
    let b = date.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if b.len() != 10
        || b[4] != b'-'
        || b[7] != b'-'
        || !digits(0..4)
        || !digits(5..7)
        || !digits(8..10)
    {
        return false;
    }
    let month: u32 = date[5..7].parse().unwrap_or(0);
    let day: u32 = date[8..10].parse().unwrap_or(0);
    (1..=12).contains(&month) && (1..=31).contains(&day)
}

/// An `http://` or `https://` URL with a host and no white space.
fn is_http_url(url: &str) -> bool {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    rest.is_some_and(|r| {
        let host = r.split('/').next().unwrap_or("");
        host.contains('.') && !url.chars().any(char::is_whitespace)
    })
}

#[test]
fn every_entry_cites_a_dated_public_source() {
    let mut f = Failures::default();
    for &code in catalog::all() {
        let entry = code.entry();
        let citation = entry.source();
        let d = citation.document();
        let at = format!("{} {:?}", entry.family(), entry.code());
        f.check(is_http_url(d.url()), || format!("{at}: url {:?}", d.url()));
        f.check(!d.title().trim().is_empty(), || {
            format!("{at}: empty title")
        });
        f.check(is_date(d.date()), || format!("{at}: date {:?}", d.date()));
        f.check(entry.docs_url().is_some_and(is_http_url), || {
            format!("{at}: docs_url {:?}", entry.docs_url())
        });
        // A repository file names its path and the commit read; a page names neither.
        f.check(
            d.repository().is_some() == d.path().is_some()
                && d.repository().is_some() == d.commit().is_some(),
            || format!("{at}: repository, path and commit go together"),
        );
        if let Some(commit) = d.commit() {
            f.check(
                commit.len() == 40 && commit.bytes().all(|b| b.is_ascii_hexdigit()),
                || format!("{at}: commit {commit:?}"),
            );
        }
        let text = citation.to_string();
        f.check(text.contains(d.url()), || {
            format!("{at}: {text:?} names the URL")
        });
        let head = format!("{}, {}", d.title(), d.url());
        let expected = match (d.cite(), citation.at(), citation.section()) {
            (Cite::Line, Some(n), _) => Some(format!("{head}, line {n}")),
            (Cite::Row, Some(n), Some(section)) => Some(format!("{head}, {section}, row {n}")),
            (Cite::Row, Some(n), None) => Some(format!("{head}, row {n}")),
            (Cite::Code, None, _) => Some(format!("{head}, code {:?}", entry.code())),
            _ => None,
        };
        let Some(expected) = expected else {
            f.0.push(format!(
                "{at}: cite {:?} with at {:?}: a line or row cite has a number, a code cite none",
                d.cite(),
                citation.at()
            ));
            continue;
        };
        if let Some(n) = citation.at() {
            f.check(text.contains(&n.to_string()), || {
                format!("{at}: {text:?} names the number {n}")
            });
        }
        f.eq(text, expected, || format!("{at}: the citation's text"));
    }
    f.finish("sources");
}

// ---------------------------------------------------------------------------------------------
// Web pages: the committed copies of the pages the data cites.

/// `tools/vendor-tables/`, with the copies of the web pages the data cites (`pages/`) and the
/// list of them (`SOURCES.md`); it ships with the repository, not the crate.
fn vendor_tables() -> PathBuf {
    manifest_dir().join("tools/vendor-tables")
}

/// One committed page copy, as `tools/vendor-tables/SOURCES.md` lists it.
#[derive(Debug)]
struct PageCopy {
    /// The file under `tools/vendor-tables/`: `pages/<name>`.
    file: String,
    url: String,
    /// The git blob hash of the copy (`git hash-object`).
    blob: String,
}

/// The rows of SOURCES.md's table of committed page copies: `| pages/<name> | URL | blob |`.
fn page_copies() -> Vec<PageCopy> {
    let text = std::fs::read_to_string(vendor_tables().join("SOURCES.md"))
        .unwrap_or_else(|e| panic!("tools/vendor-tables/SOURCES.md: {e}"));
    text.lines()
        .filter_map(|line| {
            let cells: Vec<&str> = line.split('|').map(str::trim).collect();
            match cells[..] {
                ["", file, url, blob, ""] if file.starts_with("pages/") => Some(PageCopy {
                    file: file.to_owned(),
                    url: url.to_owned(),
                    blob: blob.to_owned(),
                }),
                _ => None,
            }
        })
        .collect()
}

/// SHA-1 (FIPS 180-4), for git's blob hashes: the test needs no dependency for it.
#[allow(
    clippy::many_single_char_names,
    reason = "the names FIPS 180-4 gives the words"
)]
fn sha1(data: &[u8]) -> [u8; 20] {
    let mut h: [u32; 5] = [
        0x6745_2301,
        0xEFCD_AB89,
        0x98BA_DCFE,
        0x1032_5476,
        0xC3D2_E1F0,
    ];
    let mut message = data.to_vec();
    let bits = u64::try_from(data.len()).expect("a small file") * 8;
    message.push(0x80);
    while message.len() % 64 != 56 {
        message.push(0);
    }
    message.extend_from_slice(&bits.to_be_bytes());
    for block in message.chunks(64) {
        let mut w = [0u32; 80];
        for (i, word) in block.chunks(4).enumerate() {
            w[i] = u32::from_be_bytes([word[0], word[1], word[2], word[3]]);
        }
        for i in 16..80 {
            w[i] = (w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16]).rotate_left(1);
        }
        let [mut a, mut b, mut c, mut d, mut e] = h;
        for (i, &word) in w.iter().enumerate() {
            let (f, k) = match i {
                0..20 => ((b & c) | (!b & d), 0x5A82_7999),
                20..40 => (b ^ c ^ d, 0x6ED9_EBA1),
                40..60 => ((b & c) | (b & d) | (c & d), 0x8F1B_BCDC),
                _ => (b ^ c ^ d, 0xCA62_C1D6),
            };
            let t = a
                .rotate_left(5)
                .wrapping_add(f)
                .wrapping_add(e)
                .wrapping_add(k)
                .wrapping_add(word);
            (e, d, c, b, a) = (d, c, b.rotate_left(30), a, t);
        }
        for (x, y) in h.iter_mut().zip([a, b, c, d, e]) {
            *x = x.wrapping_add(y);
        }
    }
    let mut out = [0u8; 20];
    for (chunk, word) in out.chunks_mut(4).zip(h) {
        chunk.copy_from_slice(&word.to_be_bytes());
    }
    out
}

/// `git hash-object` of `data`.
fn git_blob_hash(data: &[u8]) -> String {
    let mut object = format!("blob {}\0", data.len()).into_bytes();
    object.extend_from_slice(data);
    sha1(&object)
        .iter()
        .fold(String::with_capacity(40), |mut hex, b| {
            use std::fmt::Write;
            let _ = write!(hex, "{b:02x}");
            hex
        })
}

#[test]
fn git_blob_hash_is_git_hash_object() {
    // `printf '' | git hash-object --stdin` and `printf 'hello\n' | git hash-object --stdin`.
    assert_eq!(
        git_blob_hash(b""),
        "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391"
    );
    assert_eq!(
        git_blob_hash(b"hello\n"),
        "ce013625030ba8dba906f756967f9e9ca394464a"
    );
}

/// A web page the data cites (a source with no repository, or one an entry's note names, such as
/// the page a description comes from) has its copy committed under `tools/vendor-tables/pages/`,
/// listed with its blob hash in SOURCES.md: each copy is the file listed, and every entry of a
/// page source spells its code in the copy of that page or of a page its note names.
#[test]
fn every_page_source_has_its_committed_copy() {
    if !vendor_tables().is_dir() {
        println!(
            "skipped: {} is absent (it ships with the repository, not the crate)",
            vendor_tables().display()
        );
        return;
    }
    let copies = page_copies();
    let mut f = Failures::default();
    let mut texts: BTreeMap<&str, String> = BTreeMap::new();
    for copy in &copies {
        let path = vendor_tables().join(&copy.file);
        let Ok(bytes) = std::fs::read(&path) else {
            f.0.push(format!(
                "{}: listed in SOURCES.md, not committed",
                copy.file
            ));
            continue;
        };
        f.eq(git_blob_hash(&bytes), copy.blob.clone(), || {
            format!("{}: blob hash", copy.file)
        });
        texts.insert(&copy.url, String::from_utf8_lossy(&bytes).into_owned());
    }
    let mut pages = BTreeSet::new();
    for row in ORACLE.rows.iter().filter(|r| r.source.repository.is_none()) {
        let at = format!("{} {:?}", row.family, row.code);
        if row.source.seed.is_some() {
            continue;
        }
        pages.insert(row.source.url.as_str());
        f.check(texts.contains_key(row.source.url.as_str()), || {
            format!("{at}: no committed copy of {}", row.source.url)
        });
        let note = row.note.as_deref().unwrap_or("");
        let cited = texts
            .iter()
            .filter(|(url, _)| **url == row.source.url || note.contains(**url));
        let spelled = cited
            .map(|(_, text)| text)
            .any(|text| text.contains(&row.code));
        f.check(spelled, || {
            format!("{at}: no copy of its page, or of a page its note names, has the code")
        });
    }
    f.check(!pages.is_empty() || copies.is_empty(), || {
        "page copies, but no page source".to_owned()
    });
    // A classification whose source names a page with a copy finds its code in the copy.
    for family in &ORACLE.families {
        for c in &family.classifications {
            let source = c.source.as_deref().unwrap_or("");
            for (url, text) in texts.iter().filter(|(url, _)| source.contains(**url)) {
                f.check(text.contains(&c.code), || {
                    format!(
                        "{} classification {:?}: the copy of {url} lacks it",
                        family.slug, c.code
                    )
                });
            }
        }
    }
    f.finish("page copies");
}

/// The seeds that are byte-for-byte copies of a file in a public repository: seed, repository,
/// path, commit. A source that is that very file, cited by line, has the seed's lines: its `at` is
/// the seed line. (000: `git show 027deb0008f2…:docs/zh-cn/response_data.md` of
/// cloudbypass/docs-page equals it byte for byte.)
const SEED_COPIES: [(&str, &str, &str, &str); 1] = [(
    "000_dec0d4430ef91315.txt",
    "cloudbypass/docs-page",
    "docs/zh-cn/response_data.md",
    "027deb0008f264d27d18cef2afa2e61bac6abed4",
)];

/// Is `source`, cited by line, the very file the seed `seed` copies?
fn is_the_seed_copy(source: &OSource, seed: &str) -> bool {
    source.cite == "line"
        && SEED_COPIES.iter().any(|&(s, repository, path, commit)| {
            s == seed
                && source.repository.as_deref() == Some(repository)
                && source.path.as_deref() == Some(path)
                && source.commit.as_deref() == Some(commit)
        })
}

/// What is wrong with an entry's reference to its seed, read as `seed_lines`; `None` when it
/// holds. The seed line is `at` when the source is the file the seed copies, cited by line;
/// otherwise (a row or code cite, or a later version of the file) it is `seed_line`, which only
/// an entry the seed does not have goes without: then no line of the seed spells its code.
fn seed_line_problem(
    source: &OSource,
    spellings: &[&str],
    at: Option<u32>,
    seed_line: Option<u32>,
    seed_lines: &[String],
) -> Option<String> {
    let seed = source.seed.as_deref()?;
    let spelled = |text: &str| spellings.iter().any(|s| text.contains(s));
    let line = if is_the_seed_copy(source, seed) {
        if seed_line.is_some() {
            return Some(format!(
                "seed_line {seed_line:?}: the source is the file {seed} copies, `at` is the seed line"
            ));
        }
        at
    } else {
        seed_line
    };
    let Some(line) = line else {
        return seed_lines
            .iter()
            .position(|text| spelled(text))
            .map(|i| format!("no seed_line, but {seed}:{} has the code", i + 1));
    };
    let text = usize::try_from(line)
        .ok()
        .and_then(|l| l.checked_sub(1))
        .and_then(|i| seed_lines.get(i));
    match text {
        None => Some(format!("{seed}:{line}: no such line")),
        // The documented spelling may be an alias (Aliyun's `TThrottled`); templates are
        // written with their `%s` in the seed.
        Some(text) if !spelled(text) => Some(format!("{seed}:{line}: the line is {text:?}")),
        Some(_) => None,
    }
}

/// The lines of a seed copy.
fn seed_lines(seeds: &Path, seed: &str) -> Vec<String> {
    std::fs::read_to_string(seeds.join(seed))
        .unwrap_or_else(|e| panic!("{seed}: {e}"))
        .lines()
        .map(str::to_owned)
        .collect()
}

#[test]
fn every_entry_points_at_its_seed_line() {
    let seeds = manifest_dir().join("../shared/seeds");
    if !seeds.is_dir() {
        println!(
            "skipped: {} is absent (it ships with the repository, not the crate)",
            seeds.display()
        );
        return;
    }
    let oracle = &*ORACLE;
    let mut f = Failures::default();
    let mut cache: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for &code in catalog::all() {
        let entry = code.entry();
        let row = oracle.row(entry.family().slug(), entry.code());
        let at = format!("{} {:?}", row.family, row.code);
        let Some(seed) = row.source.seed.as_deref() else {
            // A file of a public repository, pinned to a commit and cited by line, is its own
            // reference: `at` is a line of that file, which a reader checks at `commit`.
            let pinned = row.source.repository.is_some()
                && row.source.path.is_some()
                && row.source.commit.is_some()
                && row.source.cite == "line"
                && row.seed_line.is_none()
                && row.at.is_some();
            // So is a web page whose copy is committed (`page_copies`): the page is cited by
            // code, and `every_page_source_has_its_committed_copy` finds each code in a copy.
            let page = row.source.repository.is_none()
                && row.source.cite == "code"
                && row.seed_line.is_none()
                && (!vendor_tables().is_dir()
                    || page_copies().iter().any(|c| c.url == row.source.url));
            f.check(pinned || page, || format!("{at}: its source names no seed"));
            continue;
        };
        let lines = cache
            .entry(seed)
            .or_insert_with(|| seed_lines(&seeds, seed));
        let spellings: Vec<&str> = std::iter::once(entry.code())
            .chain(entry.aliases().iter().copied())
            .collect();
        if let Some(problem) =
            seed_line_problem(&row.source, &spellings, row.at, row.seed_line, lines)
        {
            f.0.push(format!("{at}: {problem}"));
        }
    }
    f.finish("seed lines");
}

/// A case of the seed-line rule: what it describes, the source, the code, `at`, `seed_line`, and
/// whether the rule holds.
type SeedCase<'a> = (&'a str, &'a OSource, &'a str, u32, Option<u32>, bool);

/// The seed-line rule on lines that are wrong: each is reported. The Cloudbypass seed (000) is a
/// copy of cloudbypass/docs-page at 027deb00; its line 53 is `INSUFFICIENT_BALANCE`.
#[test]
fn a_wrong_seed_line_is_reported() {
    let seeds = manifest_dir().join("../shared/seeds");
    if !seeds.is_dir() {
        println!("skipped: {} is absent", seeds.display());
        return;
    }
    let seed = "000_dec0d4430ef91315.txt";
    let lines = seed_lines(&seeds, seed);
    let (_, repository, path, commit) = SEED_COPIES[0];
    let copy = OSource {
        title: "t".to_owned(),
        url: "https://example.com/t".to_owned(),
        repository: Some(repository.to_owned()),
        path: Some(path.to_owned()),
        commit: Some(commit.to_owned()),
        date: "2024-08-22".to_owned(),
        cite: "line".to_owned(),
        note: None,
        seed: Some(seed.to_owned()),
    };
    // A later version of the file (another repository), cited by line.
    let later = OSource {
        repository: Some("cloudbypass/cloudbypass.github.com".to_owned()),
        commit: Some("f5239a19798c9ffac1feca33a3ca032dc4d98148".to_owned()),
        ..copy.clone()
    };
    // The same file at another commit is not the copy either.
    let other_commit = OSource {
        commit: Some("0".repeat(40)),
        ..copy.clone()
    };
    let by_row = OSource {
        cite: "row".to_owned(),
        repository: None,
        path: None,
        commit: None,
        ..copy.clone()
    };
    let (paid, sticky) = ("INSUFFICIENT_BALANCE", "PROXY_NON_STICKY");
    let cases: [SeedCase; 14] = [
        ("copy: at", &copy, paid, 53, None, true),
        ("copy: a wrong at", &copy, paid, 55, None, false),
        ("copy: seed_line too", &copy, paid, 53, Some(53), false),
        ("copy: past the end", &copy, paid, 5300, None, false),
        ("later: seed_line", &later, paid, 55, Some(53), true),
        ("later: a wrong one", &later, paid, 55, Some(55), false),
        ("later: line 0", &later, paid, 55, Some(0), false),
        ("later: none, in seed", &later, paid, 55, None, false),
        ("later: not in seed", &later, sticky, 81, None, true),
        (
            "later: line, not in seed",
            &later,
            sticky,
            81,
            Some(78),
            false,
        ),
        ("other commit: at", &other_commit, paid, 53, None, false),
        (
            "other commit: seed_line",
            &other_commit,
            paid,
            53,
            Some(53),
            true,
        ),
        ("by row: seed_line", &by_row, paid, 3, Some(53), true),
        ("by row: a wrong one", &by_row, paid, 3, Some(52), false),
    ];
    let mut f = Failures::default();
    for (what, source, code, at, seed_line, holds) in cases {
        let problem = seed_line_problem(source, &[code], Some(at), seed_line, &lines);
        f.check(problem.is_none() == holds, || {
            format!("{what}: {problem:?}")
        });
    }
    f.finish("seed-line rule");
}

/// Rows of the error table (`### 错误代码`) of cloudbypass/cloudbypass.github.com
/// `docs/zh-cn/response_data.md` at f5239a19798c9ffac1feca33a3ca032dc4d98148 (2025-06-06): lines
/// 53 to 81, one code a line, `BAD_GATEWAY` twice (lines 76 and 79), merged into one entry.
const CLOUDBYPASS_TABLE_LINES: std::ops::RangeInclusive<u32> = 53..=81;
const CLOUDBYPASS_SECOND_BAD_GATEWAY: u32 = 79;

/// The Cloudbypass family follows the vendor's current table: one entry per row (the repeated
/// row merged), the code added in 2025 with the vendor's texts, and the 2024 wording of a
/// reworded description still found by message.
#[test]
fn cloudbypass_follows_the_current_table() {
    use cloudbypass::api::{Code, Versions};
    let mut f = Failures::default();
    let document = Code::InvalidParameter.entry().source().document();
    f.eq(
        (document.repository(), document.path(), document.commit()),
        (
            Some("cloudbypass/cloudbypass.github.com"),
            Some("docs/zh-cn/response_data.md"),
            Some("f5239a19798c9ffac1feca33a3ca032dc4d98148"),
        ),
        || "source".to_owned(),
    );
    // Every row is an entry's `at`, but the second BAD_GATEWAY.
    let mut lines: Vec<u32> = Code::ALL
        .iter()
        .filter_map(|c| c.entry().source().at())
        .chain([CLOUDBYPASS_SECOND_BAD_GATEWAY])
        .collect();
    lines.sort_unstable();
    f.eq(lines, CLOUDBYPASS_TABLE_LINES.collect(), || {
        "the lines of the entries and the table's rows".to_owned()
    });
    f.eq(Code::ALL.len(), CLOUDBYPASS_TABLE_LINES.count() - 1, || {
        "one entry per row, BAD_GATEWAY once".to_owned()
    });

    let sticky = Code::from_code("PROXY_NON_STICKY");
    f.eq(sticky, Some(Code::NonStickyProxy), || {
        "PROXY_NON_STICKY".to_owned()
    });
    let entry = Code::NonStickyProxy.entry();
    f.eq(
        entry.description().map(|t| (t.zh, t.en)),
        Some((
            "(仅穿云代理)挑战前检查代理是否为粘性IP，非粘性IP无法完成验证，为避免资源浪费会返回该提示。 需要忽略验证可以设置 no-challenge。",
            "(Only for Scrapingbypass Proxy) Before the challenge, check whether the proxy is a sticky IP. \
             Non-sticky IP cannot complete the verification. To avoid wasting resources, this prompt will \
             be returned. If you need to ignore the verification, you can set no-challenge.",
        )),
        || "PROXY_NON_STICKY: the vendor's texts".to_owned(),
    );
    f.eq(entry.source().at(), Some(81), || {
        "PROXY_NON_STICKY: line".to_owned()
    });
    f.check(entry.source().to_string().ends_with(", line 81"), || {
        format!("PROXY_NON_STICKY: cited as {}", entry.source())
    });
    f.eq(Code::NonStickyProxy.versions(), Versions::V2, || {
        "PROXY_NON_STICKY: versions".to_owned()
    });
    f.eq(
        (entry.kind(), entry.is_retryable()),
        (ErrorKind::FailedPrecondition, false),
        || "PROXY_NON_STICKY: kind".to_owned(),
    );

    let balance = Code::InsufficientBalance.entry();
    f.eq(
        balance.description().map(|t| (t.zh, t.en)),
        Some(("账户余额不足。", "Insufficient account balance.")),
        || "INSUFFICIENT_BALANCE: the current texts".to_owned(),
    );
    f.eq(balance.source().at(), Some(55), || {
        "INSUFFICIENT_BALANCE: line".to_owned()
    });
    for text in [
        "余额不足，您的积分余额为0。",
        "余额不足",
        "Insufficient balance.",
    ] {
        f.eq(
            ids(catalog::by_message(text).iter().copied()),
            vec![("cloudbypass/api", "INSUFFICIENT_BALANCE")],
            || format!("by_message({text:?})"),
        );
    }
    f.finish("Cloudbypass's current table");
}

/// Upyun's seed gives each code on one line, `code [English] Chinese`. Where errcat corrected
/// the Chinese, the seed's own spelling stays a message alias: a response worded as documented
/// must still find its entry by message.
#[test]
fn upyun_seed_chinese_is_a_message_text() {
    let seeds = manifest_dir().join("../shared/seeds");
    if !seeds.is_dir() {
        println!("skipped: {} is absent", seeds.display());
        return;
    }
    let oracle = &*ORACLE;
    let mut f = Failures::default();
    let mut lines: Option<Vec<String>> = None;
    let mut checked = 0;
    for &code in catalog::all() {
        let entry = code.entry();
        if entry.family().slug() != "upyun/management" {
            continue;
        }
        let row = oracle.row(entry.family().slug(), entry.code());
        let (Some(seed), Some(line)) = (row.source.seed.as_deref(), row.seed_line) else {
            f.0.push(format!("{:?}: no seed line", row.code));
            continue;
        };
        let lines = lines.get_or_insert_with(|| {
            std::fs::read_to_string(seeds.join(seed))
                .unwrap_or_else(|e| panic!("{seed}: {e}"))
                .lines()
                .map(str::to_owned)
                .collect()
        });
        let text = &lines[usize::try_from(line).unwrap() - 1];
        let documented = std::iter::once(entry.message().zh)
            .chain(entry.message_aliases().iter().copied())
            .find(|t| text.ends_with(&format!(" {t}")));
        f.check(documented.is_some(), || {
            format!(
                "{:?}: the seed line {text:?} ends with none of its message texts",
                row.code
            )
        });
        if let Some(t) = documented {
            f.check(catalog::by_message(t).contains(&code), || {
                format!("{:?}: by_message({t:?}) misses it", row.code)
            });
        }
        checked += 1;
    }
    let expected: usize = COUNTS
        .iter()
        .filter(|(family, _, _)| *family == "upyun/management")
        .map(|(_, _, n)| n)
        .sum();
    f.eq(checked, expected, || "Upyun entries checked".to_owned());
    f.finish("Upyun seed texts");
}

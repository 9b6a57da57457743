//! Every data entry against every index, checked with a naive oracle.
//!
//! The oracle is this file's own minimal reading of `data/*.json` through `serde_json::Value`
//! (not the build script's schema or emitter), and every lookup is compared with a linear scan
//! of it. Checks collect every mismatch and report them all at once, so one failing entry does
//! not hide the next.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::{Debug, Display};
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::LazyLock;

use errcat::tencent_cloud::Resolved;
use errcat::upyun::{Level, Structure};
use errcat::{
    AnyCode, ApiError, Entry, ErrorKind, UnknownCode, Vendor, aliyun_apigateway, catalog,
    cloudbypass, tencent_cdn, tencent_cloud, upyun,
};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

// The build's own lists, compared with the library's enums below. `validate.rs` names its schema
// as `crate::schema`, so both are included at the crate root, exactly as `build.rs` does.
#[allow(dead_code)]
#[path = "../build/schema.rs"]
mod schema;
#[allow(dead_code)]
#[path = "../build/validate.rs"]
mod validate;

// ---------------------------------------------------------------------------------------------
// Literal expectations (written by hand, independent of the data files and of the library).

/// Vendor slugs in catalog order (DESIGN.md).
const CATALOG_ORDER: [&str; 5] = [
    "cloudbypass",
    "tencent-cdn",
    "aliyun-apigateway",
    "upyun",
    "tencent-cloud",
];

/// Total number of documented codes.
const TOTAL: usize = 305;

/// Number of codes per vendor and table.
const COUNTS: [(&str, &str, usize); 6] = [
    ("cloudbypass", "Code", 27),
    ("tencent-cdn", "Code", 16),
    ("tencent-cdn", "ModuleCode", 63),
    ("aliyun-apigateway", "Code", 29),
    ("upyun", "Code", 144),
    ("tencent-cloud", "Code", 26),
];

/// The kinds table of `data/README.md`: name, canonical HTTP status, retry by default.
const KINDS: [(&str, u16, bool); 17] = [
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
// The oracle: a linear reading of data/*.json.

/// One vendor file.
#[derive(Debug)]
struct OFile {
    vendor: String,
    seed: String,
    docs_url: Option<String>,
    /// name, carries, (zh, en)
    headers: Vec<(String, String, (String, String))>,
    /// status, reason, (zh, en)
    statuses: Vec<(u16, String, (String, String))>,
    /// module, (zh, en)
    modules: Vec<(u8, (String, String))>,
    /// table name, entry count
    tables: Vec<(String, usize)>,
}

/// One entry, with file-level defaults already applied (retry advice, docs link).
#[derive(Debug)]
struct ORow {
    vendor: String,
    table: String,
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
    docs_url: Option<String>,
    versions: Option<String>,
    line: u32,
    note: Option<String>,
    seed: String,
}

impl ORow {
    fn id(&self) -> (&str, &str) {
        (&self.vendor, &self.code)
    }

    /// The message texts the catalog indexes: zh, en and the documented misspellings.
    fn texts(&self) -> Vec<&str> {
        let mut texts = vec![self.zh.as_str(), self.en.as_str()];
        texts.extend(self.message_aliases.iter().map(String::as_str));
        texts
    }
}

struct Oracle {
    files: Vec<OFile>,
    /// Every entry, in catalog order (vendor, table, entry).
    rows: Vec<ORow>,
}

impl Oracle {
    fn file(&self, vendor: &str) -> &OFile {
        self.files
            .iter()
            .find(|f| f.vendor == vendor)
            .unwrap_or_else(|| panic!("no data file for {vendor}"))
    }

    fn table(&self, vendor: &str, table: &str) -> Vec<&ORow> {
        self.rows
            .iter()
            .filter(|r| r.vendor == vendor && r.table == table)
            .collect()
    }

    /// Every entry whose code or alias is `code`, in catalog order (linear scan).
    fn by_code(&self, code: &str) -> Vec<(&str, &str)> {
        self.rows
            .iter()
            .filter(|r| r.code == code || r.aliases.iter().any(|a| a == code))
            .map(ORow::id)
            .collect()
    }

    /// Every entry that documents `status`, in catalog order (linear scan).
    fn by_status(&self, status: u16) -> Vec<(&str, &str)> {
        self.rows
            .iter()
            .filter(|r| r.http_status == Some(status))
            .map(ORow::id)
            .collect()
    }

    /// Every entry with a text whose normal form is that of `text`, in catalog order.
    fn by_message(&self, text: &str) -> Vec<(&str, &str)> {
        let key = normalise(text);
        self.rows
            .iter()
            .filter(|r| r.texts().into_iter().any(|t| normalise(t) == key))
            .map(ORow::id)
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

fn read_oracle() -> Oracle {
    let data = manifest_dir().join("data");
    let mut names: Vec<String> = std::fs::read_dir(&data)
        .expect("list data/")
        .map(|e| {
            e.expect("read data/")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|n| Path::new(n).extension().is_some_and(|x| x == "json"))
        .collect();
    names.sort();
    let mut expected: Vec<String> = CATALOG_ORDER.iter().map(|s| format!("{s}.json")).collect();
    expected.sort();
    assert_eq!(names, expected, "data/ holds one JSON file per vendor");

    let mut files = Vec::new();
    let mut rows = Vec::new();
    for slug in CATALOG_ORDER {
        let place = format!("data/{slug}.json");
        let text = std::fs::read_to_string(data.join(format!("{slug}.json"))).expect("read");
        let v: Value = serde_json::from_str(&text).expect("parse");
        assert_eq!(str_field(&v, "vendor", &place), slug);
        let seed = str_field(&v, "seed", &place);
        let docs_url = opt_str(&v, "docs_url", &place);
        let list = |key: &str| v[key].as_array().cloned().unwrap_or_default();
        let headers = list("headers")
            .iter()
            .map(|h| {
                (
                    str_field(h, "name", &place),
                    str_field(h, "carries", &place),
                    text_field(h, "description", &place).expect("header description"),
                )
            })
            .collect();
        let statuses = list("http_statuses")
            .iter()
            .map(|s| {
                (
                    u16_field(s, "status", &place).expect("status"),
                    str_field(s, "reason", &place),
                    text_field(s, "description", &place).expect("status description"),
                )
            })
            .collect();
        let modules = list("modules")
            .iter()
            .map(|m| {
                (
                    u8::try_from(m["module"].as_u64().expect("module")).expect("module"),
                    text_field(m, "name", &place).expect("module name"),
                )
            })
            .collect();
        let mut tables = Vec::new();
        for table in list("tables") {
            let table_name = str_field(&table, "name", &place);
            let entries = table["entries"].as_array().cloned().unwrap_or_default();
            tables.push((table_name.clone(), entries.len()));
            for (i, e) in entries.iter().enumerate() {
                let place = format!("{place}, table {table_name}, entry {}", i + 1);
                let kind = str_field(e, "kind", &place);
                let (zh, en) = text_field(e, "message", &place).expect("message");
                rows.push(ORow {
                    vendor: slug.to_owned(),
                    table: table_name.clone(),
                    code: str_field(e, "code", &place),
                    aliases: str_list(e, "aliases", &place),
                    name: str_field(e, "name", &place),
                    zh,
                    en,
                    message_aliases: str_list(e, "message_aliases", &place),
                    description: text_field(e, "description", &place),
                    remedy: text_field(e, "remedy", &place),
                    http_status: u16_field(e, "http_status", &place),
                    retryable: e["retryable"]
                        .as_bool()
                        .unwrap_or_else(|| kind_default_retry(&kind)),
                    kind,
                    retry_reason: opt_str(e, "retry_reason", &place),
                    docs_url: opt_str(e, "docs_url", &place).or_else(|| docs_url.clone()),
                    versions: opt_str(e, "versions", &place),
                    line: u32::try_from(e["line"].as_u64().expect("line")).expect("line"),
                    note: opt_str(e, "note", &place),
                    seed: seed.clone(),
                });
            }
        }
        files.push(OFile {
            vendor: slug.to_owned(),
            seed,
            docs_url,
            headers,
            statuses,
            modules,
            tables,
        });
    }
    Oracle { files, rows }
}

static ORACLE: LazyLock<Oracle> = LazyLock::new(read_oracle);

fn id(code: AnyCode) -> (&'static str, &'static str) {
    (code.vendor().slug(), code.as_str())
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
    const VENDOR: &'static str;
    const TABLE: &'static str;
    const PATH: &'static str;
    fn all() -> &'static [Self];
    fn from_code(code: &str) -> Option<Self>;
    fn as_str(self) -> &'static str;
    fn entry(self) -> &'static Entry;
}

macro_rules! typed {
    ($ty:ty, $vendor:literal, $table:literal, $path:literal) => {
        impl Typed for $ty {
            const VENDOR: &'static str = $vendor;
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
        }
    };
}

typed!(
    cloudbypass::Code,
    "cloudbypass",
    "Code",
    "errcat::cloudbypass::Code"
);
typed!(
    tencent_cdn::Code,
    "tencent-cdn",
    "Code",
    "errcat::tencent_cdn::Code"
);
typed!(
    tencent_cdn::ModuleCode,
    "tencent-cdn",
    "ModuleCode",
    "errcat::tencent_cdn::ModuleCode"
);
typed!(
    aliyun_apigateway::Code,
    "aliyun-apigateway",
    "Code",
    "errcat::aliyun_apigateway::Code"
);
typed!(upyun::Code, "upyun", "Code", "errcat::upyun::Code");
typed!(
    tencent_cloud::Code,
    "tencent-cloud",
    "Code",
    "errcat::tencent_cloud::Code"
);

/// Every entry of one table: every index finds it, and it carries exactly the data's fields.
fn check_table<T: Typed>() -> Vec<String> {
    let oracle = &*ORACLE;
    let rows = oracle.table(T::VENDOR, T::TABLE);
    let mut f = Failures::default();
    let vendor: Vendor = T::VENDOR.parse().expect("vendor slug");

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
        let any: AnyCode = code.into();

        // Round trips through every conversion.
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

        // Cross-vendor indexes.
        f.eq(catalog::lookup(vendor, &row.code), Some(any), || {
            format!("{at}: catalog::lookup")
        });
        f.eq(
            ids(catalog::by_code(&row.code).iter().copied()),
            oracle.by_code(&row.code),
            || format!("{at}: catalog::by_code"),
        );
        f.eq(any.as_str(), row.code.as_str(), || {
            format!("{at}: AnyCode::as_str")
        });
        f.eq(any.to_string(), row.code.clone(), || {
            format!("{at}: AnyCode Display")
        });
        f.eq(any.vendor(), vendor, || format!("{at}: AnyCode::vendor"));
        f.check(std::ptr::eq(any.entry(), code.entry()), || {
            format!("{at}: AnyCode::entry is the code's entry")
        });
        f.eq(
            serde_json::to_value(any).ok(),
            Some(serde_json::json!({"vendor": row.vendor, "code": row.code})),
            || format!("{at}: AnyCode serializes as vendor and code"),
        );

        check_aliases(&mut f, &at, row, code);
        check_fields(&mut f, &at, row, code.entry(), any);
        check_api_error(&mut f, &at, row, code);
    }

    // Near misses: lookups are exact (no trimming, case-sensitive).
    for row in &rows {
        for miss in [
            format!(" {}", row.code),
            format!("{} ", row.code),
            format!("{}\n", row.code),
        ] {
            check_miss::<T>(&mut f, &miss, vendor);
        }
        for cased in [row.code.to_lowercase(), row.code.to_uppercase()] {
            if oracle.by_code(&cased).iter().all(|(v, _)| *v != T::VENDOR) {
                check_miss::<T>(&mut f, &cased, vendor);
            }
        }
    }
    for miss in ["", "no such code", "0", "-1", "%s"] {
        check_miss::<T>(&mut f, miss, vendor);
    }
    f.0
}

/// Every alias resolves to the same entry, and the code names the corrected spelling.
fn check_aliases<T: Typed>(f: &mut Failures, at: &str, row: &ORow, code: T) {
    let any: AnyCode = code.into();
    let vendor = any.vendor();
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
        f.eq(catalog::lookup(vendor, alias), Some(any), || {
            format!("{at}: catalog::lookup")
        });
        f.eq(
            ids(catalog::by_code(alias).iter().copied()),
            ORACLE.by_code(alias),
            || format!("{at}: catalog::by_code"),
        );
        f.eq(code.as_str(), row.code.as_str(), || {
            format!("{at}: as_str gives the corrected code")
        });
    }
}

/// The `ApiError` view of the typed code and of `AnyCode` reads the same entry.
fn check_api_error<T: Typed>(f: &mut Failures, at: &str, row: &ORow, code: T) {
    let any: AnyCode = code.into();
    let vendor = any.vendor();
    f.eq(ApiError::vendor(&code), vendor, || {
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
    f.eq(ApiError::docs_url(&code), row.docs_url.as_deref(), || {
        format!("{at}: ApiError::docs_url")
    });
    f.eq(ApiError::code(&any), row.code.as_str(), || {
        format!("{at}: ApiError::code of AnyCode")
    });
    f.eq(any.is_retryable(), row.retryable, || {
        format!("{at}: ApiError::is_retryable of AnyCode")
    });
}

fn check_miss<T: Typed>(f: &mut Failures, miss: &str, vendor: Vendor) {
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
    f.eq(catalog::lookup(vendor, miss), None, || {
        format!("{at}: catalog::lookup must miss")
    });
}

/// The entry's fields equal the data's.
fn check_fields(f: &mut Failures, at: &str, row: &ORow, entry: &'static Entry, any: AnyCode) {
    f.eq(entry.any_code(), any, || format!("{at}: any_code"));
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
    f.eq(entry.docs_url(), row.docs_url.as_deref(), || {
        format!("{at}: docs_url (the entry's, else the file's)")
    });
    f.eq(
        serde_json::to_value(entry.versions()).ok(),
        Some(row.versions.clone().map_or(Value::Null, Value::String)),
        || format!("{at}: versions"),
    );
    f.eq(entry.seed(), (row.seed.as_str(), row.line), || {
        format!("{at}: seed and line")
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
}

#[test]
fn every_entry_of_every_table_resolves_through_every_index() {
    let mut all = Vec::new();
    all.extend(check_table::<cloudbypass::Code>());
    all.extend(check_table::<tencent_cdn::Code>());
    all.extend(check_table::<tencent_cdn::ModuleCode>());
    all.extend(check_table::<aliyun_apigateway::Code>());
    all.extend(check_table::<upyun::Code>());
    all.extend(check_table::<tencent_cloud::Code>());
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
        ("cloudbypass", "Code", cloudbypass::Code::ALL.len()),
        ("tencent-cdn", "Code", tencent_cdn::Code::ALL.len()),
        (
            "tencent-cdn",
            "ModuleCode",
            tencent_cdn::ModuleCode::ALL.len(),
        ),
        (
            "aliyun-apigateway",
            "Code",
            aliyun_apigateway::Code::ALL.len(),
        ),
        ("upyun", "Code", upyun::Code::ALL.len()),
        ("tencent-cloud", "Code", tencent_cloud::Code::ALL.len()),
    ];
    assert_eq!(typed, COUNTS, "generated ALL lengths");
    let from_oracle: Vec<(&str, &str, usize)> = oracle
        .files
        .iter()
        .flat_map(|f| {
            f.tables
                .iter()
                .map(|(t, n)| (f.vendor.as_str(), t.as_str(), *n))
        })
        .collect();
    assert_eq!(from_oracle, COUNTS, "tables of data/*.json");
    assert_eq!(COUNTS.iter().map(|c| c.2).sum::<usize>(), TOTAL);
    for vendor in Vendor::ALL {
        let expected: usize = COUNTS
            .iter()
            .filter(|c| c.0 == vendor.slug())
            .map(|c| c.2)
            .sum();
        let in_catalog = catalog::all()
            .iter()
            .filter(|c| c.vendor() == vendor)
            .count();
        assert_eq!(in_catalog, expected, "catalog::all() entries of {vendor}");
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
                    .filter(|(v, _)| *v == vendor.slug())
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
    assert_eq!(found, 29, "every Aliyun code has a status, no other does");
}

#[test]
fn status_meanings_equal_the_data_for_every_u16() {
    let oracle = &*ORACLE;
    let mut f = Failures::default();
    for file in &oracle.files {
        let vendor: Vendor = file.vendor.parse().expect("slug");
        for status in 0..=u16::MAX {
            let expected = file
                .statuses
                .iter()
                .find(|s| s.0 == status)
                .map(|(n, reason, d)| (*n, reason.clone(), d.clone()));
            let actual = vendor.status_meaning(status).map(|m| {
                assert_eq!(m.vendor(), vendor);
                (
                    m.status(),
                    m.reason().to_owned(),
                    text_pair(m.description()),
                )
            });
            f.eq(actual, expected, || {
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

#[test]
fn shared_messages_return_every_code() {
    use tencent_cdn::ModuleCode;
    let cdn = [
        AnyCode::TencentCdnModule(ModuleCode::InvalidProjectId),
        AnyCode::TencentCdnModule(ModuleCode::InvalidQueryProjectId),
    ];
    assert_eq!(catalog::by_message("非法ProjectID参数"), cdn);
    assert_eq!(ids(cdn), [("tencent-cdn", "2130"), ("tencent-cdn", "9002")]);
    assert_eq!(
        ORACLE.by_message("非法ProjectID参数"),
        [("tencent-cdn", "2130"), ("tencent-cdn", "9002")]
    );

    let upyun_codes = [("upyun", "21203"), ("upyun", "21603"), ("upyun", "21905")];
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
    for file in &oracle.files {
        let vendor: Vendor = file.vendor.parse().expect("slug");
        for (name, carries, description) in &file.headers {
            seen += 1;
            for casing in casings(name) {
                let at = format!("catalog::header({casing:?})");
                let Some(h) = catalog::header(&casing) else {
                    f.0.push(format!("{at}: misses"));
                    continue;
                };
                f.eq(h.name(), name.as_str(), || format!("{at}: documented name"));
                f.eq(h.vendor(), vendor, || format!("{at}: vendor"));
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
            vendor
                .headers()
                .map(errcat::Header::name)
                .collect::<Vec<_>>(),
            file.headers.iter().map(|h| h.0.as_str()).collect(),
            || format!("{vendor}.headers()"),
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
fn by_header_resolves_every_code_of_its_vendor_and_only_those() {
    let oracle = &*ORACLE;
    let mut f = Failures::default();
    let mut checked = 0;
    for file in &oracle.files {
        for (name, carries, _) in &file.headers {
            let rows = oracle.rows.iter().filter(|r| r.vendor == file.vendor);
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
            for row in rows {
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
            // Codes of other vendors are not this header's.
            for row in oracle.rows.iter().filter(|r| r.vendor != file.vendor) {
                if oracle
                    .by_code(&row.code)
                    .iter()
                    .all(|(v, _)| *v != file.vendor)
                {
                    f.check(catalog::by_header(name, &row.code).is_none(), || {
                        format!("by_header({name:?}, {:?}) of another vendor", row.code)
                    });
                }
            }
        }
    }
    f.finish("by_header");
    // X-Ca-Error-Message and X-Ca-Error-Code: 29 codes and one alias, five casings each.
    assert_eq!(checked, 2 * 30 * 5);
    for name in ["X-Ca-Error-Message", "X-Ca-Error-Code"] {
        let m = catalog::by_header(name, "Quota Exhausted").expect(name);
        assert_eq!(m.code().as_str(), "Quota Exhausted");
    }
}

#[test]
fn by_header_resolves_the_misspelled_alias() {
    let m = catalog::by_header("X-Ca-Error-Message", "TThrottled by GROUP Flow Control")
        .expect("the documented misspelling resolves");
    assert_eq!(
        m.code(),
        AnyCode::AliyunApiGateway(aliyun_apigateway::Code::ThrottledByGroupFlowControl)
    );
    assert_eq!(m.code().as_str(), "Throttled by GROUP Flow Control");
    assert_eq!(m.parameter(), None);
}

#[test]
fn by_header_fills_the_template_with_the_exact_suffix() {
    let invalid_signature = AnyCode::AliyunApiGateway(aliyun_apigateway::Code::InvalidSignature);
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
        for name in [
            "X-Ca-Error-Message",
            "x-ca-error-message",
            "X-CA-ERROR-CODE",
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
// Vendor and ErrorKind against the build's lists.

#[test]
fn vendor_order_and_slugs_agree_with_the_validator() {
    let slugs: Vec<&str> = Vendor::ALL.iter().map(|v| v.slug()).collect();
    assert_eq!(slugs, validate::VENDORS);
    assert_eq!(slugs, CATALOG_ORDER);
    for (vendor, file) in Vendor::ALL.into_iter().zip(&ORACLE.files) {
        let slug = vendor.slug();
        assert_eq!(slug, file.vendor);
        assert_eq!(slug.parse::<Vendor>(), Ok(vendor));
        assert_eq!(vendor.to_string(), slug);
        let json = format!("{slug:?}");
        assert_eq!(serde_json::to_string(&vendor).unwrap(), json);
        assert_eq!(serde_json::from_str::<Vendor>(&json).unwrap(), vendor);
        assert_eq!(
            serde_json::from_value::<Vendor>(Value::String(slug.to_owned())).unwrap(),
            vendor
        );
        assert_eq!(vendor.seed(), file.seed);
        assert_eq!(vendor.docs_url(), file.docs_url.as_deref());
        assert!(!vendor.name().is_empty());
    }
    for bad in [
        "aws",
        "Upyun",
        "UPYUN",
        " upyun",
        "upyun ",
        "tencent_cdn",
        "",
    ] {
        let err = bad.parse::<Vendor>().expect_err(bad);
        assert_eq!(
            err.to_string(),
            format!(
                "unknown vendor {bad:?}: expected one of cloudbypass, tencent-cdn, \
                 aliyun-apigateway, upyun, tencent-cloud"
            )
        );
        assert!(serde_json::from_str::<Vendor>(&format!("{bad:?}")).is_err());
    }
}

#[test]
fn error_kinds_agree_with_the_validator_and_the_readme() {
    let names: Vec<&str> = ErrorKind::ALL.iter().map(|k| k.as_str()).collect();
    let validator: Vec<&str> = validate::KINDS.iter().map(|k| k.0).collect();
    let readme: Vec<&str> = KINDS.iter().map(|k| k.0).collect();
    assert_eq!(names, validator);
    assert_eq!(names, readme);
    for ((kind, (_, retry)), (_, status, readme_retry)) in
        ErrorKind::ALL.into_iter().zip(validate::KINDS).zip(KINDS)
    {
        let name = kind.as_str();
        assert_eq!(kind.is_retryable_by_default(), retry, "{name}: validator");
        assert_eq!(
            kind.is_retryable_by_default(),
            readme_retry,
            "{name}: README"
        );
        assert_eq!(kind.http_status(), status, "{name}: http_status");
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
// Vendor helpers.

#[test]
fn upyun_structure_agrees_with_the_digits_of_every_code() {
    let oracle = &*ORACLE;
    let modules = &oracle.file("upyun").modules;
    for code in upyun::Code::ALL {
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

#[test]
fn tencent_cloud_resolve_falls_back_to_the_listed_parent() {
    use tencent_cloud::Code;
    for code in Code::ALL {
        let wire = code.as_str();
        assert_eq!(Code::resolve(wire), Some(Resolved::Exact(*code)), "{wire}");
        assert_eq!(Code::resolve(wire).map(Resolved::code), Some(*code));
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
    for unlisted in [
        "NoSuchFamily",
        "NoSuchFamily.Sub",
        "AuthFailure",
        "AuthFailure.NotListed",
        "InvalidParameterX",
        "invalidparameter.Sub",
        "Sub.InvalidParameter",
        "",
        ".",
    ] {
        assert_eq!(Code::resolve(unlisted), None, "{unlisted:?}");
    }
}

#[test]
fn tencent_cdn_split_message() {
    use tencent_cdn::split_message;
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
    for code in tencent_cdn::ModuleCode::ALL {
        let entry = code.entry();
        let zh = entry.message().zh;
        let message = format!("({}){zh}", code.as_str());
        assert_eq!(split_message(&message), Some((code.as_str(), zh)));
        let (module, text) = split_message(&message).unwrap();
        assert_eq!(tencent_cdn::ModuleCode::from_code(module), Some(*code));
        assert!(catalog::by_message(text).contains(&AnyCode::from(*code)));
    }
}

// ---------------------------------------------------------------------------------------------
// Seed references.

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
    let mut f = Failures::default();
    let mut cache: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for &code in catalog::all() {
        let entry = code.entry();
        let (seed, line) = entry.seed();
        let lines = cache.entry(seed).or_insert_with(|| {
            std::fs::read_to_string(seeds.join(seed))
                .unwrap_or_else(|e| panic!("{seed}: {e}"))
                .lines()
                .map(str::to_owned)
                .collect()
        });
        let at = format!("{} {:?} at {seed}:{line}", entry.vendor(), entry.code());
        let Some(text) = usize::try_from(line)
            .ok()
            .and_then(|l| l.checked_sub(1))
            .and_then(|i| lines.get(i))
        else {
            f.0.push(format!("{at}: no such line"));
            continue;
        };
        // The documented spelling may be an alias (Aliyun's `TThrottled`); templates are
        // written with their `%s` in the seed.
        let found = text.contains(entry.code()) || entry.aliases().iter().any(|a| text.contains(a));
        f.check(found, || format!("{at}: the line is {text:?}"));
    }
    f.finish("seed lines");
}

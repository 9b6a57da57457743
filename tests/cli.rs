//! The `errcat` binary, run for real through `CARGO_BIN_EXE_errcat`.
//!
//! Golden files: the stdout of each case in `GOLDEN` is compared byte for byte with
//! `tests/cli/<case>.out`. After an intended change of the output, rewrite them with
//! `ERRCAT_BLESS=1 cargo test --all-features --test cli` and review the diff.
//!
//! The binary needs the `cli` feature; without it this file compiles to nothing, so that a plain
//! `cargo test` still passes.

#![cfg(all(feature = "cli", errcat_default_features))]

use std::io::Read as _;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use errcat::{ApiError, ErrorKind, Family, Vendor, catalog};
use serde_json::Value;

/// What one run of the binary gave.
struct Run {
    args: Vec<String>,
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

impl Run {
    fn describe(&self) -> String {
        format!(
            "errcat {:?}: exit {:?}\n--- stdout\n{}\n--- stderr\n{}",
            self.args, self.code, self.stdout, self.stderr
        )
    }
}

fn command(args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_errcat"));
    cmd.args(args)
        .env("NO_COLOR", "1")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("RUST_BACKTRACE")
        .stdin(Stdio::null());
    cmd
}

fn errcat(args: &[&str]) -> Run {
    let Output {
        status,
        stdout,
        stderr,
    } = command(args).output().expect("run errcat");
    let run = Run {
        args: args.iter().map(|&a| a.to_owned()).collect(),
        code: status.code(),
        stdout: String::from_utf8(stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(stderr).expect("stderr is UTF-8"),
    };
    assert!(
        !run.stderr.contains("panicked"),
        "the binary panicked:\n{}",
        run.describe()
    );
    run
}

fn golden_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/cli")
}

/// Golden cases: file name (without `.out`) and arguments. Each exits 0 with nothing on stderr.
const GOLDEN: [(&str, &[&str]); 23] = [
    // The JSON shape of `explain`, one per outcome: the library's `Serialize`, as it is.
    (
        "explain_json_error_tencent_cdn",
        &[
            "explain",
            "--json",
            "--status",
            "200",
            "-H",
            "Retry-After: 5",
            "--body",
            r#"{"code": 4000, "message": "(2130)非法ProjectID参数", "codeDesc": "InvalidParameter"}"#,
        ],
    ),
    (
        "explain_json_success_cloudbypass",
        &[
            "explain",
            "--json",
            "--status",
            "200",
            "-H",
            "x-cb-status: ok",
            "--body",
            "<html>shop</html>",
        ],
    ),
    (
        "explain_json_unrecognized",
        &[
            "explain",
            "--json",
            "--status",
            "503",
            "-H",
            "Retry-After: 120",
            "--body",
            r#"{"code": 4001, "message": "bad things"}"#,
        ],
    ),
    ("lookup_21402", &["lookup", "21402"]),
    ("lookup_40100005", &["lookup", "40100005"]),
    (
        // As quoted in Molunerfinn/PicGo#1214.
        "explain_upyun_rest_signature_error",
        &[
            "explain",
            "--status",
            "401",
            "--body",
            r#"{"msg":"signature error","code":40100005,"id":"5486020283e12a92abf034129bf0d4be"}"#,
        ],
    ),
    (
        "lookup_upyun_form_signature_error",
        &["lookup", "Not accept, Signature error."],
    ),
    (
        // A row of the form API's table (upyun/docs form_api.md line 234) in the body the
        // document describes (lines 206, 355), with its policy example's save-key and expiration.
        "explain_upyun_form_signature_error",
        &[
            "explain",
            "--status",
            "403",
            "--body",
            r#"{"code":403,"message":"Not accept, Signature error.","url":"/img.jpg","time":1409200758}"#,
        ],
    ),
    ("lookup_40402", &["lookup", "40402"]),
    (
        // Cloudbypass's balance API under the vendor's name: the shape its SDKs read (python-sdk
        // sessions.py lines 85-86, exceptions.py line 6); no code, the detail as received, the
        // kind from the status. The detail text is illustrative: none is documented.
        "explain_cloudbypass_balance_detail",
        &[
            "explain",
            "--vendor",
            "cloudbypass",
            "--status",
            "401",
            "--body",
            r#"{"detail":"example detail: invalid apikey"}"#,
        ],
    ),
    (
        // The old multipart API's own example (upyun/docs multipart_upload.md lines 322-326), as
        // JSON; the document gives no status.
        "explain_upyun_multipart_bucket_not_found",
        &[
            "explain",
            "--body",
            r#"{"error_code": "40401", "path": "/demo.zip", "message": "Bucket NotFound."}"#,
        ],
    ),
    ("lookup_json_21402", &["lookup", "--json", "21402"]),
    (
        "lookup_vendor_aliyun_alias",
        &[
            "lookup",
            "--vendor",
            "aliyun-apigateway",
            "TThrottled by GROUP Flow Control",
        ],
    ),
    // A code of the gateway's `X-Ca-Error-Code` table, with its message template.
    (
        "lookup_vendor_aliyun_error_code",
        &["lookup", "--vendor", "aliyun-apigateway", "I404NF"],
    ),
    (
        // The status, code and message a live PDS call answered (aliyun/aliyun-pds-js-sdk
        // tests/ut/PDSError.test.ts), in the gateway's headers.
        "explain_aliyun_error_code",
        &[
            "explain",
            "--status",
            "404",
            "-H",
            "X-Ca-Error-Code: I404NF",
            "-H",
            "X-Ca-Error-Message: API not found with `GET /v2/user/abc`",
            "-H",
            "X-Ca-Request-Id: 5F1C1E8D-3A0B-4E2C-9C7D-0B6E2F1A9D44",
        ],
    ),
    (
        // A live message no vendor table lists, classified by the data (godruoyi/ocr's test).
        "lookup_aliyun_classified_message",
        &[
            "lookup",
            "--vendor",
            "aliyun-apigateway",
            "Api Market Subscription quota exhausted",
        ],
    ),
    ("status_429_json", &["status", "429", "--json"]),
    ("status_409", &["status", "409"]),
    (
        "list_vendor_tencent_cloud_json",
        &["list", "--vendor", "tencent-cloud", "--json"],
    ),
    // Undocumented codes, resolved by the library's resolution walk.
    (
        "lookup_classified_sub_code",
        &[
            "lookup",
            "--vendor",
            "tencent-cloud/common",
            "LimitExceeded.PhoneNumberDailyLimit",
        ],
    ),
    // A product's code, with the product named.
    (
        "lookup_product_code",
        &[
            "lookup",
            "--vendor",
            "tencent-cloud",
            "--product",
            "cvm",
            "InvalidParameterValue.InstanceTypeNotFound",
        ],
    ),
    (
        "lookup_json_classified_family",
        &["lookup", "--json", "AuthFailure.NoSuchSubCode"],
    ),
    (
        "lookup_json_family_tencent_cdn_hundred",
        &["lookup", "--vendor", "tencent-cdn", "--json", "4102"],
    ),
];

/// The first differing line of two texts, with a little context.
fn first_difference(expected: &str, actual: &str) -> String {
    let e: Vec<&str> = expected.lines().collect();
    let a: Vec<&str> = actual.lines().collect();
    let at = e
        .iter()
        .zip(&a)
        .position(|(x, y)| x != y)
        .unwrap_or(e.len().min(a.len()));
    let from = at.saturating_sub(2);
    let show = |lines: &[&str]| {
        lines
            .iter()
            .enumerate()
            .skip(from)
            .take(5)
            .map(|(i, l)| format!("    {:>4} | {l}", i + 1))
            .collect::<Vec<_>>()
            .join("\n")
    };
    format!(
        "first difference at line {} (expected {} lines, got {}):\n  expected:\n{}\n  actual:\n{}",
        at + 1,
        e.len(),
        a.len(),
        show(&e),
        show(&a)
    )
}

#[test]
fn golden_outputs() {
    let bless = std::env::var_os("ERRCAT_BLESS").is_some_and(|v| v == "1");
    let mut failures = Vec::new();
    for (case, args) in GOLDEN {
        let run = errcat(args);
        assert_eq!(run.code, Some(0), "{}", run.describe());
        assert_eq!(run.stderr, "", "{}", run.describe());
        let path = golden_dir().join(format!("{case}.out"));
        if bless {
            std::fs::write(&path, &run.stdout).expect("write golden file");
        }
        let expected = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("{}: {e} (ERRCAT_BLESS=1 creates it)", path.display()));
        if run.stdout != expected {
            failures.push(format!(
                "{case} (errcat {}): {}",
                args.join(" "),
                first_difference(&expected, &run.stdout)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "stdout differs from tests/cli/*.out (ERRCAT_BLESS=1 rewrites them):\n{}",
        failures.join("\n\n")
    );
}

/// Parses stdout as a JSON array of entry objects.
fn json_array(run: &Run) -> Vec<Value> {
    match serde_json::from_str(&run.stdout) {
        Ok(Value::Array(items)) => items,
        other => panic!("not a JSON array ({other:?}):\n{}", run.describe()),
    }
}

fn is_text(v: &Value) -> bool {
    v.as_object().is_some_and(|o| {
        ["zh", "en"].iter().all(|k| {
            o.get(*k)
                .and_then(Value::as_str)
                .is_some_and(|s| !s.is_empty())
        })
    })
}

/// A product entry's message: `{zh, en}` strings, either empty where the vendor gives none.
fn is_product_text(v: &Value) -> bool {
    v.as_object().is_some_and(|o| {
        ["zh", "en"]
            .iter()
            .all(|k| o.get(*k).is_some_and(Value::is_string))
    })
}

/// The keys of an entry object, sorted.
const ENTRY_KEYS: [&str; 17] = [
    "aliases",
    "code",
    "description",
    "docs_url",
    "family",
    "http_status",
    "kind",
    "message",
    "message_aliases",
    "name",
    "note",
    "remedy",
    "retry_reason",
    "retryable",
    "source",
    "vendor",
    "wait",
];

/// Checks the documented shape of an entry's `source` object (where the vendor documents it).
fn check_source_shape(v: &Value) -> Result<(), String> {
    let o = v
        .as_object()
        .ok_or(format!("source is not an object: {v}"))?;
    let field = |k: &str| o.get(k).ok_or(format!("no field {k:?} in source {v}"));
    let non_empty = |k: &str| -> Result<&str, String> {
        field(k)?
            .as_str()
            .filter(|s| !s.is_empty())
            .ok_or(format!("source {k} is not a non-empty string: {v}"))
    };
    let title = non_empty("title")?;
    if !non_empty("url")?.starts_with("http") {
        return Err(format!("source url: {v}"));
    }
    for k in ["repository", "path", "commit", "section"] {
        let x = field(k)?;
        if !(x.is_null() || x.as_str().is_some_and(|s| !s.is_empty())) {
            return Err(format!(
                "source {k} is neither a non-empty string nor null: {v}"
            ));
        }
    }
    let date = non_empty("date")?;
    if !(date.len() == 10
        && date.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        }))
    {
        return Err(format!("source date {date:?} is not YYYY-MM-DD"));
    }
    let cite = non_empty("cite")?;
    let at = field("at")?;
    match cite {
        "line" | "row" if at.as_u64().is_some_and(|n| n > 0) => {}
        "code" if at.is_null() => {}
        _ => return Err(format!("source cite {cite:?} with at {at}")),
    }
    if !non_empty("text")?.starts_with(title) {
        return Err(format!("source text does not start with the title: {v}"));
    }
    Ok(())
}

/// Checks the documented shape of one entry object; returns its (family, code).
fn check_entry_shape(v: &Value) -> Result<(String, String), String> {
    let o = v.as_object().ok_or("not an object")?;
    let mut keys: Vec<&str> = o
        .keys()
        .map(String::as_str)
        // A Tencent Cloud product code's entry names its product too.
        .filter(|k| !(*k == "product" && o["family"] == "tencent-cloud/products"))
        .collect();
    keys.sort_unstable();
    if keys != ENTRY_KEYS {
        return Err(format!("keys {keys:?}, expected {ENTRY_KEYS:?}"));
    }
    let field = |k: &str| o.get(k).ok_or(format!("no field {k:?} in {v}"));
    let vendor = field("vendor")?.as_str().ok_or("vendor is not a string")?;
    let vendor = vendor
        .parse::<Vendor>()
        .map_err(|e| format!("vendor: {e}"))?;
    let family = field("family")?.as_str().ok_or("family is not a string")?;
    let family = family
        .parse::<Family>()
        .map_err(|e| format!("family: {e}"))?;
    if family.slug() != o["family"] || vendor.slug() != o["vendor"] {
        return Err(format!("vendor and family are not slugs: {v}"));
    }
    if family.vendor() != vendor {
        return Err(format!("family {family} is not a family of {vendor}"));
    }
    let code = field("code")?.as_str().ok_or("code is not a string")?;
    if code.is_empty() {
        return Err("code is empty".into());
    }
    let aliases = field("aliases")?
        .as_array()
        .ok_or("aliases is not an array")?;
    if !aliases.iter().all(Value::is_string) {
        return Err("aliases are not strings".into());
    }
    let name = field("name")?.as_str().ok_or("name is not a string")?;
    if !name.starts_with(|c: char| c.is_ascii_uppercase()) {
        return Err(format!("name {name:?}"));
    }
    let kind: ErrorKind = field("kind")?
        .as_str()
        .ok_or("kind is not a string")?
        .parse()
        .map_err(|e| format!("kind: {e}"))?;
    if kind == ErrorKind::Unknown {
        return Err("a documented code has kind unknown".into());
    }
    field("retryable")?
        .as_bool()
        .ok_or("retryable is not a bool")?;
    match field("http_status")? {
        Value::Null => {}
        Value::Number(n) if n.as_u64().is_some_and(|n| (100..=599).contains(&n)) => {}
        other => return Err(format!("http_status is {other}")),
    }
    let product = field("family")? == "tencent-cloud/products";
    if !(is_text(field("message")?) || product && is_product_text(field("message")?)) {
        return Err("message is not {zh, en}".into());
    }
    let description = field("description")?;
    if !description.is_null() && !is_text(description) {
        return Err("description is neither {zh, en} nor null".into());
    }
    // The entry's own link, else its source document's: never null.
    let docs = field("docs_url")?;
    if !docs.as_str().is_some_and(|u| u.starts_with("http")) {
        return Err(format!("docs_url is {docs}"));
    }
    check_source_shape(field("source")?)?;
    Ok((family.slug().to_owned(), code.to_owned()))
}

#[test]
fn list_json_has_every_entry_with_the_documented_shape() {
    let run = errcat(&["list", "--json"]);
    assert_eq!(run.code, Some(0), "{}", run.describe());
    assert_eq!(run.stderr, "");
    let items = json_array(&run);
    assert_eq!(items.len(), errcat::catalog::all().len());
    assert_eq!(items.len(), 648);
    let mut listed = Vec::new();
    for (i, item) in items.iter().enumerate() {
        match check_entry_shape(item) {
            Ok(id) => listed.push(id),
            Err(e) => panic!("entry {i}: {e}\n{item:#}"),
        }
    }
    let expected: Vec<(String, String)> = catalog::all()
        .iter()
        .map(|c| (c.family().slug().to_owned(), c.as_str().to_owned()))
        .collect();
    assert_eq!(listed, expected, "every entry once, in catalog order");
    // Catalog order is family registry order.
    let mut families: Vec<String> = listed.iter().map(|(f, _)| f.clone()).collect();
    families.dedup();
    // The product codes are listed by product or family (`--product`, `--vendor`), not here.
    // Nor does a family that documents no code (Cloudbypass's balance API).
    let registry: Vec<&str> = Family::ALL
        .iter()
        .filter(|f| **f != Family::TencentCloudProducts && f.has_codes())
        .map(|f| f.slug())
        .collect();
    assert_eq!(families, registry);
}

/// `errcat lookup --vendor <scope> <wire> --json`: the (family, code) of each entry object.
fn lookup_entries(scope: &str, wire: &str) -> (Run, Vec<(String, String)>) {
    let run = errcat(&["lookup", "--vendor", scope, wire, "--json"]);
    let found = if run.code == Some(0) {
        json_array(&run)
            .iter()
            .filter_map(|item| check_entry_shape(item).ok())
            .collect()
    } else {
        Vec::new()
    };
    (run, found)
}

#[test]
fn every_documented_code_resolves_through_lookup() {
    let mut failures = Vec::new();
    for code in catalog::all() {
        let (family, wire) = (code.family().slug(), code.as_str());
        // By its family: exactly its own entry.
        let (run, found) = lookup_entries(family, wire);
        if found != [(family.to_owned(), wire.to_owned())] {
            failures.push(format!("{family} {wire:?}: {found:?}\n{}", run.describe()));
        }
        // By its vendor: every code of the vendor's families with that key, its own among them.
        let vendor = code.vendor();
        let expected: Vec<(String, String)> = catalog::by_code(wire)
            .iter()
            .filter(|c| c.vendor() == vendor)
            .map(|c| (c.family().slug().to_owned(), c.as_str().to_owned()))
            .collect();
        let (run, found) = lookup_entries(vendor.slug(), wire);
        if found != expected || !found.contains(&(family.to_owned(), wire.to_owned())) {
            failures.push(format!("{vendor} {wire:?}: {found:?}\n{}", run.describe()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// `errcat list --vendor <scope> --json`: the (family, code) of each entry object.
fn list_entries(scope: &str) -> Vec<(String, String)> {
    let run = errcat(&["list", "--vendor", scope, "--json"]);
    assert_eq!(run.code, Some(0), "{}", run.describe());
    assert_eq!(run.stderr, "", "{}", run.describe());
    json_array(&run)
        .iter()
        .map(|item| check_entry_shape(item).unwrap_or_else(|e| panic!("{scope}: {e}")))
        .collect()
}

/// The catalog's (family, code) pairs whose code `keep` keeps, in catalog order.
fn catalog_entries(keep: impl Fn(errcat::AnyCode) -> bool) -> Vec<(String, String)> {
    catalog::all()
        .iter()
        .copied()
        .filter(|&c| keep(c))
        .map(|c| (c.family().slug().to_owned(), c.as_str().to_owned()))
        .collect()
}

#[test]
fn lookup_text_names_the_family_and_cites_the_source() {
    let mut failures = Vec::new();
    for &code in catalog::all() {
        let entry = code.entry();
        let family = code.family();
        let run = errcat(&["lookup", "--vendor", family.slug(), code.as_str()]);
        let lines: Vec<&str> = run.stdout.lines().collect();
        let first = format!("{family} {:?} ({})", entry.code(), entry.name());
        let last = format!("  source:      {}", entry.source());
        let versions = lines.iter().any(|l| l.starts_with("  versions:    "));
        if run.code != Some(0)
            || lines.first() != Some(&first.as_str())
            || lines.last() != Some(&last.as_str())
            || versions != (family == Family::CloudbypassApi)
            || lines.iter().any(|l| l.starts_with("  seed:"))
        {
            failures.push(run.describe());
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn list_by_vendor_json_has_only_that_vendor() {
    for vendor in Vendor::ALL {
        let expected = catalog_entries(|c| c.vendor() == vendor);
        assert!(!expected.is_empty(), "{vendor}");
        assert_eq!(list_entries(vendor.slug()), expected, "{vendor}");
    }
}

#[test]
fn list_by_family_json_has_only_that_family() {
    for family in Family::ALL {
        if !family.has_codes() {
            // Cloudbypass's balance API: nothing to list, and said so.
            let run = errcat(&["list", "--vendor", family.slug(), "--json"]);
            assert_eq!(run.code, Some(1), "{}", run.describe());
            assert_eq!(run.stdout.trim(), "[]", "{}", run.describe());
            assert_eq!(
                run.stderr,
                format!(
                    "errcat: no code: {family} documents no code (`errcat explain --vendor \
                     {family}` reads its responses as received)\n"
                ),
                "{}",
                run.describe()
            );
            continue;
        }
        let expected = if family == Family::TencentCloudProducts {
            // Not in `catalog::all()`: every product's entries, in product order.
            #[cfg(feature = "tencent-cloud-products")]
            let entries = errcat::tencent_cloud::products::entries()
                .map(|e| (e.family().slug().to_owned(), e.code().to_owned()))
                .collect();
            #[cfg(not(feature = "tencent-cloud-products"))]
            let entries = Vec::new();
            entries
        } else {
            catalog_entries(|c| c.family() == family)
        };
        assert!(!expected.is_empty(), "{family}");
        assert_eq!(list_entries(family.slug()), expected, "{family}");
    }
}

#[test]
fn vendor_and_family_slugs_parse_case_insensitively_and_old_slugs_name_their_family() {
    let cases: [(&str, &[Family]); 9] = [
        (
            "UPYUN",
            &[
                Family::UpyunManagement,
                Family::UpyunRest,
                Family::UpyunForm,
                Family::UpyunMultipart,
            ],
        ),
        ("Upyun/Management", &[Family::UpyunManagement]),
        (
            "Tencent-Cloud",
            &[Family::TencentCloudCommon, Family::TencentCdn],
        ),
        ("TENCENT-CLOUD/CDN", &[Family::TencentCdn]),
        (
            "Aliyun",
            &[Family::AliyunApiGateway, Family::AliyunHigressHmacAuth],
        ),
        // The slugs of the release before families: as before, only that family's codes.
        ("tencent-cdn", &[Family::TencentCdn]),
        ("Tencent-CDN", &[Family::TencentCdn]),
        ("aliyun-apigateway", &[Family::AliyunApiGateway]),
        ("cloudbypass", &[Family::CloudbypassApi]),
    ];
    for (scope, families) in cases {
        let expected = catalog_entries(|c| families.contains(&c.family()));
        assert_eq!(list_entries(scope), expected, "{scope}");
    }
    // The other subcommands; `-v` is not a short `--vendor` (issue 10).
    let run = errcat(&["status", "--vendor", "Upyun", "403"]);
    assert_eq!(run.code, Some(0), "{}", run.describe());
    let run = errcat(&["lookup", "--vendor", "TENCENT-CDN", "2130"]);
    assert_eq!(run.code, Some(0), "{}", run.describe());
    assert!(
        run.stdout.starts_with("tencent-cloud/cdn \"2130\" "),
        "{}",
        run.describe()
    );
    let run = errcat(&["lookup", "-v", "upyun", "21402"]);
    assert_eq!(run.code, Some(2), "{}", run.describe());
}

#[test]
fn status_json_lists_the_codes_documented_with_the_status() {
    for status in ["403", "400", "404", "500", "503", "504"] {
        let run = errcat(&["status", status, "--json"]);
        assert_eq!(run.code, Some(0), "{}", run.describe());
        let items = json_array(&run);
        let n: u16 = status.parse().unwrap();
        assert_eq!(items.len(), catalog::by_status(n).len(), "{status}");
        assert!(!items.is_empty(), "{status}");
        for item in &items {
            check_entry_shape(item).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(item["http_status"], n, "{item}");
        }
    }
    // A status nothing documents: an empty array, and nothing found (exit 1, as for `lookup`).
    let run = errcat(&["status", "418", "--json"]);
    assert_eq!(run.code, Some(1), "{}", run.describe());
    assert!(json_array(&run).is_empty());
    let run = errcat(&["status", "418"]);
    assert_eq!(run.code, Some(1), "{}", run.describe());
}

#[test]
fn status_text_gives_the_vendor_meaning() {
    let run = errcat(&["status", "409"]);
    assert_eq!(run.code, Some(0), "{}", run.describe());
    assert!(
        run.stdout
            .starts_with("upyun/management says 409 Conflict: "),
        "{}",
        run.describe()
    );
    for scope in ["upyun", "upyun/management"] {
        let run = errcat(&["status", "409", "--vendor", scope]);
        assert_eq!(run.code, Some(0), "{}", run.describe());
        assert!(
            run.stdout
                .starts_with("upyun/management says 409 Conflict: "),
            "{}",
            run.describe()
        );
    }
    for scope in ["tencent-cloud", "tencent-cloud/cdn", "aliyun"] {
        // Nothing of these documents 409: nothing found.
        let run = errcat(&["status", "409", "--vendor", scope]);
        assert_eq!(run.code, Some(1), "{}", run.describe());
        assert!(!run.stdout.contains("upyun"), "{}", run.describe());
    }
}

#[test]
fn lookup_finds_aliases_templates_and_messages() {
    let cases: [(&[&str], &[&str]); 7] = [
        (
            &["lookup", "--json", "TThrottled by GROUP Flow Control"],
            &["Throttled by GROUP Flow Control"],
        ),
        (
            &[
                "lookup",
                "--json",
                "Invalid Signature, Server StringToSign:GET\n*/*\n/v1/商品",
            ],
            &["Invalid Signature, Server StringToSign:%s"],
        ),
        (
            &["lookup", "--json", "Bucket not found"],
            &["21203", "21603", "21905"],
        ),
        (
            &["lookup", "--json", "非法ProjectID参数"],
            &["2130", "9002"],
        ),
        (&["lookup", "--json", "invalid ip:10.0.0.256"], &["21221"]),
        (&["lookup", "--json", "user_agentip不合法"], &["21223"]),
        (
            &["lookup", "--json", "AuthFailure.SignatureExpire"],
            &["AuthFailure.SignatureExpire"],
        ),
    ];
    for (args, codes) in cases {
        let run = errcat(args);
        assert_eq!(run.code, Some(0), "{}", run.describe());
        let found: Vec<String> = json_array(&run)
            .iter()
            .map(|i| check_entry_shape(i).unwrap_or_else(|e| panic!("{e}")).1)
            .collect();
        assert_eq!(found, codes, "{}", run.describe());
    }
}

/// Parses stdout as a JSON array of one object, of an undocumented code the resolution walk
/// resolved, and checks its shape against the library's own resolution of the code.
fn resolved_item(run: &Run) -> serde_json::Map<String, Value> {
    assert_eq!(run.code, Some(0), "{}", run.describe());
    assert_eq!(run.stderr, "", "{}", run.describe());
    let items = json_array(run);
    assert_eq!(items.len(), 1, "{}", run.describe());
    let Value::Object(o) = items.into_iter().next().unwrap() else {
        panic!("not an object: {}", run.describe())
    };
    let mut keys: Vec<&str> = o.keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "basis",
            "classification",
            "code",
            "entry",
            "family",
            "kind",
            "known",
            "raw_code",
            "retry_reason",
            "retryable",
            "vendor",
            "via"
        ],
        "{}",
        run.describe()
    );
    let family: Family = o["family"].as_str().unwrap().parse().unwrap();
    let raw = o["raw_code"].as_str().unwrap();
    assert_eq!(o["code"], raw, "the code as given");
    assert_eq!(o["vendor"], family.vendor().slug());
    assert_eq!(o["known"], false);
    // The same answer as the library's resolution walk.
    let r = catalog::resolve(family, raw).unwrap();
    assert!(r.is_resolved());
    assert_eq!(o["basis"], r.basis().as_str(), "{}", run.describe());
    assert_eq!(o["via"], serde_json::to_value(r.via()).unwrap());
    assert_eq!(o["kind"], r.kind().to_string());
    assert_eq!(o["retryable"], r.is_retryable());
    assert_eq!(
        o["classification"],
        serde_json::to_value(r.classification()).unwrap()
    );
    match r.entry() {
        Some(entry) => {
            let (f, code) = check_entry_shape(&o["entry"]).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!((f.as_str(), code.as_str()), (family.slug(), entry.code()));
        }
        None => assert!(o["entry"].is_null(), "{}", run.describe()),
    }
    o
}

#[test]
fn lookup_of_an_unlisted_code_says_what_its_form_carries() {
    // No public text gives T429ID's row (README, "Alibaba Cloud API Gateway"): not found, and the
    // status its form carries, as explain reads it.
    for (args, family, status, kind) in [
        (
            &["lookup", "--vendor", "aliyun-apigateway", "T429ID"][..],
            "aliyun/apigateway",
            429,
            "rate_limited",
        ),
        (
            &["lookup", "40100099"][..],
            "upyun/rest",
            401,
            "unauthenticated",
        ),
    ] {
        let run = errcat(args);
        assert_eq!(run.code, Some(1), "{}", run.describe());
        assert!(run.stdout.is_empty(), "{}", run.describe());
        assert!(
            run.stderr.contains(&format!(
                "in {family}, a code of this form carries HTTP {status}: kind {kind}"
            )),
            "{}",
            run.describe()
        );
    }
    // A code of no such form: not found, nothing more.
    let run = errcat(&["lookup", "--vendor", "aliyun-apigateway", "T429"]);
    assert_eq!(run.code, Some(1), "{}", run.describe());
    assert!(!run.stderr.contains("its form"), "{}", run.describe());
}

#[test]
fn lookup_resolves_undocumented_codes_through_the_walk() {
    // A sub-code of a documented family: via its parent.
    let o = resolved_item(&errcat(&[
        "lookup",
        "--json",
        "InvalidParameter.InvalidZoneName",
    ]));
    assert_eq!(o["family"], "tencent-cloud/common");
    assert_eq!(o["basis"], "family");
    assert_eq!(o["via"], "InvalidParameter");
    assert_eq!(o["kind"], "invalid_request");
    assert!(o["classification"].is_null());
    assert_eq!(o["entry"]["code"], "InvalidParameter");

    // A classified sub-code: the classification's kind, the parent's entry for its texts.
    let o = resolved_item(&errcat(&[
        "lookup",
        "--vendor",
        "tencent-cloud/common",
        "--json",
        "LimitExceeded.PhoneNumberDailyLimit",
    ]));
    assert_eq!(o["basis"], "classification");
    assert_eq!(o["via"], "LimitExceeded");
    assert_eq!(o["kind"], "rate_limited");
    assert_eq!(o["retryable"], false);
    assert!(o["retry_reason"].is_string());
    assert_eq!(
        o["classification"]["code"],
        "LimitExceeded.PhoneNumberDailyLimit"
    );
    assert_eq!(o["entry"]["code"], "LimitExceeded");
    assert_eq!(o["entry"]["kind"], "quota_exceeded");

    // A classified family the table does not list: no entry at all.
    let o = resolved_item(&errcat(&[
        "lookup",
        "--vendor",
        "tencent-cloud/common",
        "--json",
        "AuthFailure.NoSuchSubCode",
    ]));
    assert_eq!(o["basis"], "classification");
    assert!(o["via"].is_null());
    assert!(o["entry"].is_null());
    assert_eq!(o["kind"], "unauthenticated");
    assert_eq!(o["classification"]["code"], "AuthFailure");

    // Tencent CDN: the code of the hundred.
    for scope in ["tencent-cloud", "tencent-cloud/cdn", "tencent-cdn"] {
        let o = resolved_item(&errcat(&["lookup", "--vendor", scope, "--json", "4102"]));
        assert_eq!(o["family"], "tencent-cloud/cdn");
        assert_eq!(o["basis"], "family");
        assert_eq!(o["via"], "4100");
    }

    // A documented code with detail appended is that code: today's entry object.
    let run = errcat(&[
        "lookup",
        "--vendor",
        "aliyun",
        "--json",
        "Invalid Url: /v2/x",
    ]);
    assert_eq!(run.code, Some(0), "{}", run.describe());
    let found: Vec<(String, String)> = json_array(&run)
        .iter()
        .map(|i| check_entry_shape(i).unwrap_or_else(|e| panic!("{e}")))
        .collect();
    assert_eq!(
        found,
        [("aliyun/apigateway".to_owned(), "Invalid Url".to_owned())]
    );

    // In text: how it resolved, then the entry it resolved through.
    let run = errcat(&[
        "lookup",
        "--vendor",
        "tencent-cloud/common",
        "LimitExceeded.PhoneNumberDailyLimit",
    ]);
    assert_eq!(run.code, Some(0), "{}", run.describe());
    let rule = errcat::Family::TencentCloudCommon
        .classification("LimitExceeded.PhoneNumberDailyLimit")
        .unwrap()
        .unwrap();
    for says in [
        "tencent-cloud/common \"LimitExceeded.PhoneNumberDailyLimit\" (undocumented)\n",
        &format!("classified: {}\n", rule.reason()),
        "via parent LimitExceeded\n",
        "  kind:        rate_limited (not retryable)\n",
        "\ntencent-cloud/common \"LimitExceeded\" (LimitExceeded)\n",
    ] {
        assert!(run.stdout.contains(says), "{says:?}: {}", run.describe());
    }
    let run = errcat(&["lookup", "InvalidParameter.InvalidZoneName"]);
    assert_eq!(run.code, Some(0), "{}", run.describe());
    assert!(
        run.stdout
            .contains("  resolved:    via parent InvalidParameter\n")
            && !run.stdout.contains("classified"),
        "{}",
        run.describe()
    );
    let run = errcat(&["lookup", "AuthFailure.NoSuchSubCode"]);
    assert_eq!(run.code, Some(0), "{}", run.describe());
    assert!(
        run.stdout.contains("  resolved:    classified: ") && !run.stdout.contains("via parent"),
        "{}",
        run.describe()
    );
}

#[test]
fn an_unknown_code_exits_1_with_one_line_on_stderr() {
    for args in [
        &["lookup", "--json", "nope"][..],
        &["lookup", "nope"],
        &["lookup", "--vendor", "upyun", "4000"],
        &["lookup", "--vendor", "upyun", "--json", "4000"],
        &["lookup", ""],
        &["lookup", "21402 "],
        // Neither documented nor resolved: no family, classification or hundred covers them.
        &["lookup", "NoSuchFamily.Sub"],
        &["lookup", "--json", "NoSuchFamily.Sub"],
        // Resolvable, but not in the family or vendor asked.
        &[
            "lookup",
            "--vendor",
            "upyun",
            "InvalidParameter.InvalidZoneName",
        ],
        &[
            "lookup",
            "--vendor",
            "tencent-cloud/cdn",
            "AuthFailure.NoSuchSubCode",
        ],
        &[
            "lookup",
            "--vendor",
            "tencent-cloud/common",
            "--json",
            "4102",
        ],
        &["lookup", "--vendor", "cloudbypass", "Invalid Url: /v2/x"],
    ] {
        let run = errcat(args);
        assert_eq!(run.code, Some(1), "{}", run.describe());
        // Issue 10: `--json` always prints JSON, an empty array when nothing is found.
        let expected = if args.contains(&"--json") { "[]\n" } else { "" };
        assert_eq!(run.stdout, expected, "{}", run.describe());
        assert_eq!(run.stderr.lines().count(), 1, "{}", run.describe());
        assert!(run.stderr.ends_with('\n'), "{}", run.describe());
        assert!(run.stderr.starts_with("errcat: "), "{}", run.describe());
    }
    let run = errcat(&["lookup", "--vendor", "upyun", "4000"]);
    assert!(
        run.stderr.contains("upyun"),
        "names the vendor: {}",
        run.describe()
    );
}

#[test]
fn bad_arguments_exit_2_with_a_usage_message() {
    // A value that does not parse: clap names the argument and points to `--help`.
    let bad_values: [(&[&str], &str); 7] = [
        (
            &["lookup", "--vendor", "aws", "21402"],
            "invalid value 'aws' for '--vendor <VENDOR>': unknown vendor or family \"aws\": \
             expected a vendor (cloudbypass, tencent-cloud, aliyun, upyun) or a family \
             (tencent-cloud/common, upyun/management, tencent-cloud/cdn, cloudbypass/api, \
             aliyun/apigateway, upyun/rest, upyun/form, upyun/multipart, aliyun/higress-hmac-auth, \
             tencent-cloud/products, cloudbypass/balance)",
        ),
        (
            &["status", "--vendor", "upyun/cdn", "403"],
            "unknown vendor or family \"upyun/cdn\"",
        ),
        (&["list", "--vendor", ""], "--vendor"),
        (&["status", "abc"], "invalid value 'abc' for '<STATUS>'"),
        (&["status", "70000"], "invalid value '70000' for '<STATUS>'"),
        (&["status", "403.0"], "invalid value '403.0' for '<STATUS>'"),
        (&["status", "-1"], "'-1'"),
    ];
    // Arguments missing, unknown or extra: clap also prints the usage line.
    let bad_shapes: [(&[&str], &str); 5] = [
        (&["status"], "Usage: errcat status <STATUS>"),
        (&["lookup"], "Usage: errcat lookup <CODE>"),
        (&["frobnicate"], "Usage: errcat <COMMAND>"),
        (&["lookup", "21402", "extra"], "Usage: errcat lookup"),
        (&["list", "--jsn"], "Usage: errcat list"),
    ];
    for (args, says) in bad_values.into_iter().chain(bad_shapes) {
        let run = errcat(args);
        assert_eq!(run.code, Some(2), "{}", run.describe());
        assert_eq!(run.stdout, "", "{}", run.describe());
        assert!(run.stderr.starts_with("error: "), "{}", run.describe());
        assert!(run.stderr.contains(says), "{says:?}: {}", run.describe());
        assert!(
            run.stderr
                .ends_with("For more information, try '--help'.\n"),
            "{}",
            run.describe()
        );
    }
    // No subcommand at all: the full help, on stderr.
    let run = errcat(&[]);
    assert_eq!(run.code, Some(2), "{}", run.describe());
    assert_eq!(run.stdout, "", "{}", run.describe());
    assert!(
        run.stderr.contains("Usage: errcat <COMMAND>") && run.stderr.contains("Commands:"),
        "{}",
        run.describe()
    );
}

#[test]
fn help_on_every_subcommand_exits_0() {
    let help = errcat(&["--help"]);
    assert_eq!(help.code, Some(0), "{}", help.describe());
    assert!(help.stdout.contains("Usage: errcat"), "{}", help.describe());
    // Every subcommand the top-level help lists.
    let subcommands: Vec<String> = help
        .stdout
        .lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|s| *s != "help")
        .map(str::to_owned)
        .collect();
    for expected in ["lookup", "status", "list"] {
        assert!(
            subcommands.iter().any(|s| s == expected),
            "{expected} in {subcommands:?}"
        );
    }
    for sub in &subcommands {
        for args in [
            vec![sub.as_str(), "--help"],
            vec![sub.as_str(), "-h"],
            vec!["help", sub.as_str()],
        ] {
            let run = errcat(&args);
            assert_eq!(run.code, Some(0), "{}", run.describe());
            assert!(
                run.stdout.contains(&format!("Usage: errcat {sub}")),
                "{}",
                run.describe()
            );
            assert_eq!(run.stderr, "", "{}", run.describe());
        }
    }
    let version = errcat(&["--version"]);
    assert_eq!(version.code, Some(0), "{}", version.describe());
    assert_eq!(
        version.stdout,
        format!("errcat {}\n", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn odd_inputs_do_not_panic() {
    let long = "x".repeat(100_000);
    for args in [
        &["lookup", long.as_str()][..],
        &["lookup", "\u{1}\u{7f}\n"],
        &["lookup", "(2130)非法ProjectID参数"],
        &["lookup", "。"],
        &["lookup", "%s"],
        &["lookup", "Invalid Signature, Server StringToSign:"],
        &["lookup", "AuthFailure."],
        &["lookup", "."],
        &["lookup", "..LimitExceeded.."],
        &["lookup", "99999999999999999999999"],
        &["lookup", "--json", "4199"],
        &["lookup", "Invalid Url:"],
    ] {
        // `run` asserts that nothing panicked.
        let run = errcat(args);
        assert!(matches!(run.code, Some(0 | 1)), "{}", run.describe());
    }
    // Issue 10: a status outside 100 to 599 is bad input.
    for args in [
        &["status", "0"][..],
        &["status", "65535"],
        &["status", "0", "--json"],
        &["status", "99"],
        &["status", "600"],
        &["explain", "--status", "999", "--body", ""],
    ] {
        let run = errcat(args);
        assert_eq!(run.code, Some(2), "{}", run.describe());
    }
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    let mut child = command(&["list"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0_u8; 64];
    stdout.read_exact(&mut first).expect("some output");
    drop(stdout);
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    let status = child.wait().unwrap();
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(status.code(), Some(0), "stderr: {stderr}");
}

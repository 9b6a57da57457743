//! The data validator (`build/validate.rs`) on bad data: every rule, with its exact messages.
//!
//! Table-driven: each `tests/data_rules/<vendor>__<rule>__<variant>.json` is validated as
//! `data/<family>/codes.json` (the vendor slug of the first release names the family: `upyun` is
//! `upyun/management`, `tencent-cdn` is `tencent-cloud/cdn`) and every message is compared with the lines of the paired `.err` file
//! (an empty `.err` means the file must validate). `<rule>` is the rule name with `_` for spaces,
//! and at least one message must name it. Cases whose bytes cannot sensibly be committed (too
//! large, byte-order mark, not UTF-8) are generated below with their messages inline.
//!
//! To rewrite the `.err` files after an intended change of messages, run
//! `ERRCAT_BLESS=1 cargo test --test data_rules` and review the diff.

// `validate.rs` names its schema as `crate::schema`, so both sit at the crate root, as in build.rs.
#[allow(dead_code)]
#[path = "../build/load.rs"]
mod load;
#[path = "../build/markdown.rs"]
mod markdown;
#[allow(dead_code)]
#[path = "../build/schema.rs"]
mod schema;
#[allow(dead_code)]
#[path = "../build/validate.rs"]
mod validate;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

/// Every rule name the validator uses.
const RULES: [&str; 34] = [
    "file too large",
    "byte-order mark",
    "not utf-8",
    "invalid json",
    "unknown family",
    "family mismatch",
    "missing family",
    "unknown vendor",
    "invalid source",
    "missing text",
    "invalid text",
    "invalid url",
    "invalid header",
    "duplicate header",
    "duplicate status",
    "malformed status",
    "invalid module",
    "duplicate module",
    "empty table",
    "invalid name",
    "duplicate name",
    "invalid code",
    "duplicate code",
    "invalid template",
    "unknown kind",
    "retry override",
    "invalid wait",
    "versions",
    "invalid line",
    "invalid layout",
    "unexpected table",
    "unexpected classification",
    "missing evidence",
    "unexpected evidence",
];

/// Rules about the whole file, reported before it is parsed: no place between file and rule.
const WHOLE_FILE: [&str; 4] = [
    "file too large",
    "byte-order mark",
    "not utf-8",
    "invalid json",
];

/// Rules that only an entry (or a classification) can break: their place must name it.
const ENTRY_ONLY: [&str; 8] = [
    "duplicate code",
    "invalid code",
    "invalid template",
    "unknown kind",
    "retry override",
    "invalid wait",
    "versions",
    "invalid line",
];

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data_rules")
}

fn bless() -> bool {
    std::env::var_os("ERRCAT_BLESS").is_some_and(|v| v == "1")
}

/// The real registry, which the fixtures are validated against.
static REGISTRY: LazyLock<schema::Registry> = LazyLock::new(|| {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/registry.json");
    let bytes = std::fs::read(path).expect("data/registry.json");
    validate::validate_registry("data/registry.json", &bytes).expect("a valid registry")
});

/// The family a fixture's vendor prefix names (the vendor slugs of the first release).
fn family_of(vendor: &str) -> &'static str {
    match vendor {
        "cloudbypass" => "cloudbypass/api",
        "tencent-cdn" => "tencent-cloud/cdn",
        "aliyun-apigateway" => "aliyun/apigateway",
        "upyun" => "upyun/management",
        "tencent-cloud" => "tencent-cloud/common",
        "cloudbypass-balance" => "cloudbypass/balance",
        _ => panic!("no family for the fixture prefix {vendor:?}"),
    }
}

/// The path a family's data file is validated under.
fn path_of(family: &str) -> String {
    format!("data/{family}/codes.json")
}

/// Validates `bytes` as a data file of the family whose folder `path` is in.
fn validate(path: &str, bytes: &[u8]) -> Vec<String> {
    let family = path
        .strip_prefix("data/")
        .and_then(|p| p.rsplit_once('/'))
        .map_or("", |(family, _)| family);
    match validate::validate_file(path, bytes, &REGISTRY, family) {
        Ok(_) => Vec::new(),
        Err(errors) => errors,
    }
}

/// The messages a fixture's paired `.err` file expects, one a line (rewritten from `actual`
/// first, with `ERRCAT_BLESS=1`).
fn expected_messages(case: &Path, actual: &[String]) -> Vec<String> {
    let err_file = case.with_extension("err");
    if bless() {
        let mut text = actual.join("\n");
        if !text.is_empty() {
            text.push('\n');
        }
        std::fs::write(&err_file, text).expect("write .err");
    }
    std::fs::read_to_string(&err_file)
        .unwrap_or_else(|e| panic!("{}: {e}", err_file.display()))
        .lines()
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

/// A line diff of two message lists: `-` expected only, `+` actual only, ` ` both.
fn diff(expected: &[String], actual: &[String]) -> String {
    let mut out = String::new();
    for line in expected {
        let mark = if actual.contains(line) { ' ' } else { '-' };
        let _ = writeln!(out, "  {mark} {line}");
    }
    for line in actual.iter().filter(|l| !expected.contains(l)) {
        let _ = writeln!(out, "  + {line}");
    }
    out
}

/// Where a message says the problem is.
#[derive(Debug, PartialEq)]
enum Place {
    WholeFile,
    File,
    Header,
    Status,
    Module,
    Table,
    Entry,
    Classification,
    /// A codeless family's evidence row.
    Evidence,
}

fn place_of(place: &str) -> Option<Place> {
    let number = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if place.is_empty() {
        Some(Place::WholeFile)
    } else if ["family", "source", "tables", "classifications", "evidence"].contains(&place) {
        Some(Place::File)
    } else if let Some(rest) = place.strip_prefix("evidence ") {
        let (n, line) = rest.split_once(" (line ")?;
        let line = line.strip_suffix(')')?;
        (number(n) && number(line)).then_some(Place::Evidence)
    } else if let Some(rest) = place.strip_prefix("header ") {
        let (n, name) = rest.split_once(" (\"")?;
        (number(n) && name.ends_with("\")")).then_some(Place::Header)
    } else if let Some(n) = place.strip_prefix("http status ") {
        number(n).then_some(Place::Status)
    } else if let Some(n) = place.strip_prefix("module ") {
        number(n).then_some(Place::Module)
    } else if let Some(rest) = place.strip_prefix("classification ") {
        let (n, code) = rest.split_once(" (code \"")?;
        (number(n) && code.ends_with("\")")).then_some(Place::Classification)
    } else if let Some(name) = place.strip_prefix("table \"") {
        name.ends_with('"').then_some(Place::Table)
    } else if let Some(rest) = place.strip_prefix("table ") {
        let (_, rest) = rest.split_once(", entry ")?;
        let (n, code) = rest.split_once(" (code \"")?;
        (number(n) && code.ends_with("\")")).then_some(Place::Entry)
    } else {
        None
    }
}

/// Every message names the file, the place (the entry, for an entry's rule) and a known rule.
fn check_shape(path: &str, message: &str) -> Result<(&'static str, Place), String> {
    let rest = message
        .strip_prefix(path)
        .and_then(|r| r.strip_prefix(": "))
        .ok_or_else(|| format!("does not start with the file {path:?}: {message}"))?;
    let (rule, place) = if let Some(rule) = WHOLE_FILE
        .into_iter()
        .find(|r| rest.starts_with(&format!("{r}: ")))
    {
        (rule, "")
    } else {
        RULES
            .into_iter()
            .filter_map(|r| rest.find(&format!(": {r}: ")).map(|at| (at, r)))
            .min()
            .map(|(at, r)| (r, &rest[..at]))
            .ok_or_else(|| format!("names no known rule: {message}"))?
    };
    let place = place_of(place).ok_or_else(|| format!("unknown place {place:?}: {message}"))?;
    // A codeless family's evidence row cites a line as an entry does.
    let line_of_evidence = rule == "invalid line" && place == Place::Evidence;
    if ENTRY_ONLY.contains(&rule)
        && ![Place::Entry, Place::Classification].contains(&place)
        && !line_of_evidence
    {
        return Err(format!("rule {rule:?} does not name the entry: {message}"));
    }
    if WHOLE_FILE.contains(&rule) != (place == Place::WholeFile) {
        return Err(format!("rule {rule:?} at the wrong place: {message}"));
    }
    Ok((rule, place))
}

#[test]
fn every_fixture_gives_exactly_its_expected_messages() {
    let dir = fixtures_dir();
    let mut cases: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/data_rules")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    cases.sort();
    assert!(cases.len() > 100, "only {} fixtures found", cases.len());

    let mut failures = Vec::new();
    let mut rules_seen = Vec::new();
    for case in &cases {
        let stem = case.file_stem().unwrap().to_string_lossy().into_owned();
        let mut parts = stem.split("__");
        let (Some(vendor), Some(rule), Some(_variant), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            failures.push(format!("{stem}: name it <vendor>__<rule>__<variant>.json"));
            continue;
        };
        let rule = rule.replace('_', " ");
        let path = path_of(family_of(vendor));
        let bytes = std::fs::read(case).expect("read fixture");
        let actual = validate(&path, &bytes);
        let expected = expected_messages(case, &actual);
        if actual != expected {
            failures.push(format!(
                "{stem}: messages differ (- expected, + actual):\n{}",
                diff(&expected, &actual)
            ));
        }

        if rule == "valid" {
            if !actual.is_empty() {
                failures.push(format!("{stem}: a valid fixture must validate"));
            }
            continue;
        }
        if actual.is_empty() {
            failures.push(format!("{stem}: must be rejected"));
        }
        let mut named = false;
        for message in &actual {
            match check_shape(&path, message) {
                Ok((r, _)) => named |= r == rule,
                Err(e) => failures.push(format!("{stem}: {e}")),
            }
        }
        if !named {
            failures.push(format!("{stem}: no message names the rule {rule:?}"));
        }
        rules_seen.push(rule);
    }
    // Every rule of a single file has at least one fixture or generated case.
    for rule in RULES {
        let generated = WHOLE_FILE[..3].contains(&rule);
        // Rules of the set of files, or of the registry: tested below.
        let catalog_wide = [
            "missing family",
            "unknown vendor",
            "invalid header",
            "duplicate header",
            "invalid layout",
        ]
        .contains(&rule);
        if !generated && !catalog_wide && !rules_seen.iter().any(|r| r == rule) {
            failures.push(format!("no fixture for the rule {rule:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} problem(s) in tests/data_rules (ERRCAT_BLESS=1 rewrites the .err files):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Registry fixtures, `tests/data_rules/registry/<rule>__<variant>.json`: `{"family", "headers"}`
/// replaces that family's headers in the real registry, which is then validated, and every
/// message compared with the paired `.err` file.
#[test]
fn every_registry_fixture_gives_exactly_its_expected_messages() {
    let dir = fixtures_dir().join("registry");
    let mut cases: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/data_rules/registry")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    cases.sort();
    assert!(cases.len() >= 9, "only {} registry fixtures", cases.len());
    let real =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("data/registry.json"))
            .expect("read");
    let mut failures = Vec::new();
    for case in &cases {
        let stem = case.file_stem().unwrap().to_string_lossy().into_owned();
        let rule = stem
            .split("__")
            .next()
            .unwrap_or_default()
            .replace('_', " ");
        let fixture: serde_json::Value =
            serde_json::from_slice(&std::fs::read(case).expect("read")).expect("json");
        let mut registry: serde_json::Value = serde_json::from_str(&real).expect("json");
        let families = registry["families"].as_array_mut().expect("families");
        let family = families
            .iter_mut()
            .find(|f| f["slug"] == fixture["family"])
            .expect("the fixture's family");
        family["headers"] = fixture["headers"].clone();
        let bytes = serde_json::to_vec(&registry).expect("json");
        let actual = validate::validate_registry("data/registry.json", &bytes)
            .err()
            .unwrap_or_default();
        let expected = expected_messages(case, &actual);
        if actual != expected {
            failures.push(format!("{stem}:\n{}", diff(&expected, &actual)));
        }
        if !actual.iter().any(|m| m.contains(&format!(": {rule}: "))) {
            failures.push(format!("{stem}: no message names the rule {rule:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The minimal valid fixture, the base of the generated cases.
fn minimal() -> Vec<u8> {
    std::fs::read(fixtures_dir().join("tencent-cloud__valid__minimal.json")).expect("read")
}

const PATH: &str = "data/tencent-cloud/common/codes.json";

#[test]
fn generated_cases_give_exactly_their_expected_messages() {
    let valid = minimal();
    assert_eq!(validate(PATH, &valid), Vec::<String>::new());

    // Exactly at the limit is accepted (white space pads a valid file); one byte more is not.
    let mut at_limit = valid.clone();
    at_limit.resize(validate::MAX_FILE_BYTES, b' ');
    assert_eq!(validate(PATH, &at_limit), Vec::<String>::new());
    let mut too_large = at_limit.clone();
    too_large.push(b'\n');

    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(&valid);

    // Invalid UTF-8 inside a string: a lone continuation byte, and a truncated sequence.
    let at = valid
        .windows(8)
        .position(|w| w == b"Internal")
        .expect("fixture text");
    let mut lone = valid.clone();
    lone[at] = 0x80;
    let mut truncated = valid.clone();
    truncated.splice(at..at, [0xE5, 0x86]);

    let cases: [(&str, Vec<u8>, Vec<String>); 4] = [
        (
            "file too large",
            too_large,
            vec![format!(
                "{PATH}: file too large: {} bytes, over the limit of {} bytes",
                validate::MAX_FILE_BYTES + 1,
                validate::MAX_FILE_BYTES
            )],
        ),
        (
            "byte-order mark",
            bom,
            vec![format!(
                "{PATH}: byte-order mark: the file starts with a UTF-8 byte-order mark; \
                 save it without one"
            )],
        ),
        (
            "not utf-8",
            lone,
            vec![format!(
                "{PATH}: not utf-8: invalid UTF-8 at byte offset {at}"
            )],
        ),
        (
            "not utf-8",
            truncated,
            vec![format!(
                "{PATH}: not utf-8: invalid UTF-8 at byte offset {at}"
            )],
        ),
    ];
    for (rule, bytes, expected) in cases {
        let actual = validate(PATH, &bytes);
        assert_eq!(actual, expected, "{rule}:\n{}", diff(&expected, &actual));
        for message in &actual {
            assert_eq!(
                check_shape(PATH, message),
                Ok((rule_of(rule), Place::WholeFile))
            );
        }
    }
}

fn rule_of(rule: &str) -> &'static str {
    RULES.into_iter().find(|r| *r == rule).expect("a rule")
}

#[test]
fn the_validator_never_panics_on_a_truncated_file() {
    let valid = minimal();
    // Every proper prefix of the JSON text (the trailing newline aside) is incomplete.
    for len in 0..valid.trim_ascii_end().len() {
        let errors = validate(PATH, &valid[..len]);
        assert!(
            !errors.is_empty(),
            "a truncated file ({len} bytes) is invalid"
        );
        for message in &errors {
            check_shape(PATH, message).unwrap_or_else(|e| panic!("{len} bytes: {e}"));
        }
    }
}

/// The real data files, read and validated by the build's own reader (`build/load.rs`).
fn real_files() -> load::Loaded {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    match load::load(root, |_| true) {
        Ok(loaded) => loaded,
        Err(errors) => panic!("data/ is invalid:\n{}", errors.join("\n")),
    }
}

/// The families whose folders hold data files, as `load` checks them: laid out in tables, or
/// codeless (a products folder is checked by `load` itself).
fn slugs(loaded: &load::Loaded) -> Vec<&str> {
    loaded
        .registry
        .families
        .iter()
        .filter(|f| f.layout.as_deref() != Some("products"))
        .map(|f| f.slug.as_str())
        .collect()
}

#[test]
fn the_real_data_validates() {
    let loaded = real_files();
    let names: Vec<&str> = loaded.files.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "data/tencent-cloud/common/codes.json",
            "data/tencent-cloud/common/common-codes-page.json",
            "data/upyun/management/codes.json",
            "data/tencent-cloud/cdn/codes.json",
            "data/cloudbypass/api/codes.json",
            "data/aliyun/apigateway/codes.json",
            "data/aliyun/apigateway/error-codes.json",
            "data/upyun/rest/errno.json",
            "data/upyun/form/codes.json",
            "data/upyun/multipart/codes.json",
            "data/aliyun/higress-hmac-auth/codes.json",
            "data/cloudbypass/balance/docs-credit-balance.json",
            "data/cloudbypass/balance/nodejs-sdk-api.json",
            "data/cloudbypass/balance/python-sdk-exceptions.json",
            "data/cloudbypass/balance/python-sdk-sessions.json",
        ]
    );
    assert_eq!(
        validate::validate_catalog(&slugs(&loaded), &loaded.files),
        Ok(())
    );
}

#[test]
fn every_family_read_needs_a_file_and_files_may_be_split() {
    let mut loaded = real_files();
    let all = slugs(&real_files())
        .into_iter()
        .map(str::to_owned)
        .collect::<Vec<_>>();
    let all: Vec<&str> = all.iter().map(String::as_str).collect();
    loaded.files.retain(|(_, f)| f.family != "upyun/management");
    assert_eq!(
        validate::validate_catalog(&all, &loaded.files),
        Err(vec![
            "data/upyun/management: missing family: no data file declares family \"upyun/management\""
                .to_owned()
        ])
    );
    assert_eq!(
        validate::validate_catalog(&[], &[]),
        Ok(()),
        "no family enabled: nothing to read"
    );

    // A family's codes split over two files: fine while codes stay unique in the family.
    let mut loaded = real_files();
    let (_, mut copy) = real_files()
        .files
        .into_iter()
        .find(|(_, f)| f.family == "tencent-cloud/common")
        .unwrap();
    copy.tables[0].name = "OtherCode".to_owned();
    copy.classifications.clear();
    loaded
        .files
        .push(("data/tencent-cloud/common/more.json".to_owned(), copy));
    let errors =
        validate::validate_catalog(&all, &loaded.files).expect_err("the copy repeats every code");
    assert_eq!(errors.len(), 26, "{errors:#?}");
    assert!(
        errors[0].starts_with(
            "data/tencent-cloud/common/more.json: table OtherCode, entry 1 (code \"AuthFailure.InvalidSecretId\"): \
             duplicate code: \"AuthFailure.InvalidSecretId\" is already used by data/tencent-cloud/common/codes.json"
        ),
        "{}",
        errors[0]
    );
}

#[test]
fn a_real_file_in_another_family_folder_is_a_family_mismatch() {
    // The real Tencent Cloud common file in Tencent CDN's folder: rejected for the mismatch alone.
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let bytes = std::fs::read(data.join("tencent-cloud/common/codes.json")).expect("read");
    let errors = validate("data/tencent-cloud/cdn/codes.json", &bytes);
    assert_eq!(
        errors,
        [
            "data/tencent-cloud/cdn/codes.json: family: family mismatch: the file is in the folder \
             of \"tencent-cloud/cdn\" but declares family \"tencent-cloud/common\""
        ]
    );
}

/// Registry rules: each error names the registry, the row and the rule.
#[test]
fn the_registry_rules() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/registry.json");
    let text = std::fs::read_to_string(path).expect("read");
    let mut bad: serde_json::Value = serde_json::from_str(&text).expect("json");
    bad["families"][1]["vendor"] = "aws".into();
    bad["families"][2]["feature"] = bad["families"][0]["feature"].clone();
    bad["kinds"][0]["http_status"] = 99.into();
    let bytes = serde_json::to_vec(&bad).expect("json");
    let errors = validate::validate_registry("data/registry.json", &bytes).expect_err("bad");
    assert_eq!(
        errors,
        [
            "data/registry.json: kind \"invalid_request\": malformed status: http_status is from 100 to 599",
            "data/registry.json: family \"upyun/management\": invalid name: a family slug is \
             `<vendor slug>/<name>`, the name lowercase words joined by `-`",
            "data/registry.json: family \"upyun/management\": unknown vendor: \"aws\" is not a vendor",
            "data/registry.json: family \"tencent-cloud/cdn\": invalid name: feature is a unique \
             lowercase name joined by `-`",
        ]
    );
}

/// The registry's `layout`: absent, `products` or `codeless`; a codeless family has no code
/// format, versions, resolution or detail.
#[test]
fn the_registry_layout_rules() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/registry.json");
    let text = std::fs::read_to_string(path).expect("read");
    let mut bad: serde_json::Value = serde_json::from_str(&text).expect("json");
    let families = bad["families"].as_array_mut().expect("families");
    families[0]["layout"] = "tables".into();
    let balance = families
        .iter_mut()
        .find(|f| f["slug"] == "cloudbypass/balance")
        .expect("the codeless family");
    balance["code_format"] = serde_json::json!({"digits": 3, "first": "4"});
    let bytes = serde_json::to_vec(&bad).expect("json");
    let errors = validate::validate_registry("data/registry.json", &bytes).expect_err("bad");
    assert_eq!(
        errors,
        [
            "data/registry.json: family \"tencent-cloud/common\": invalid layout: layout \"tables\" \
             is not one of products, codeless (absent: code tables)",
            "data/registry.json: family \"cloudbypass/balance\": invalid layout: a codeless family \
             has no code_format, versions, resolution or detail: it has no code",
        ]
    );
}

/// Generated docs turn a bare URL of the data's texts into an autolink (rustdoc denies bare
/// URLs), and only a URL.
#[test]
fn generated_docs_autolink_bare_urls() {
    let cases = [
        (
            "page (https://help.upyun.com/knowledge-base/errno/, read 2026-11-30)",
            "page (<https://help.upyun.com/knowledge-base/errno/>, read 2026-11-30)",
        ),
        ("see http://a.example/x.", "see <http://a.example/x>."),
        (
            "at https://a.example/p?q=1!",
            "at <https://a.example/p?q=1>!",
        ),
        (
            "链接https://a.example/x、详情",
            "链接<https://a.example/x>、详情",
        ),
        ("end https://a.example", "end <https://a.example>"),
        // No host: not a URL, its characters escaped as text.
        ("just https:// here", "just https:// here"),
        ("a_b <c>", "a\\_b \\<c\\>"),
    ];
    for (text, expected) in cases {
        assert_eq!(markdown::md(text), expected, "{text:?}");
    }
}

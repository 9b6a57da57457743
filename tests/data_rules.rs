//! The data validator (`build/validate.rs`) on bad data: every rule, with its exact messages.
//!
//! Table-driven: each `tests/data_rules/<vendor>__<rule>__<variant>.json` is validated as
//! `data/<vendor>.json` and every message is compared with the lines of the paired `.err` file
//! (an empty `.err` means the file must validate). `<rule>` is the rule name with `_` for spaces,
//! and at least one message must name it. Cases whose bytes cannot sensibly be committed (too
//! large, byte-order mark, not UTF-8) are generated below with their messages inline.
//!
//! To rewrite the `.err` files after an intended change of messages, run
//! `ERRCAT_BLESS=1 cargo test --test data_rules` and review the diff.

// `validate.rs` names its schema as `crate::schema`, so both sit at the crate root, as in build.rs.
#[allow(dead_code)]
#[path = "../build/schema.rs"]
mod schema;
#[allow(dead_code)]
#[path = "../build/validate.rs"]
mod validate;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// Every rule name the validator uses.
const RULES: [&str; 27] = [
    "file too large",
    "byte-order mark",
    "not utf-8",
    "invalid json",
    "unknown vendor",
    "vendor mismatch",
    "missing vendor",
    "duplicate vendor",
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
    "versions",
    "invalid line",
];

/// Rules about the whole file, reported before it is parsed: no place between file and rule.
const WHOLE_FILE: [&str; 4] = [
    "file too large",
    "byte-order mark",
    "not utf-8",
    "invalid json",
];

/// Rules that only an entry (or a classification) can break: their place must name it.
const ENTRY_ONLY: [&str; 7] = [
    "duplicate code",
    "invalid code",
    "invalid template",
    "unknown kind",
    "retry override",
    "versions",
    "invalid line",
];

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data_rules")
}

fn bless() -> bool {
    std::env::var_os("ERRCAT_BLESS").is_some_and(|v| v == "1")
}

fn validate(path: &str, bytes: &[u8]) -> Vec<String> {
    match validate::validate_file(path, bytes) {
        Ok(_) => Vec::new(),
        Err(errors) => errors,
    }
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
}

fn place_of(place: &str) -> Option<Place> {
    let number = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if place.is_empty() {
        Some(Place::WholeFile)
    } else if ["vendor", "seed", "docs_url", "tables"].contains(&place) {
        Some(Place::File)
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
    if ENTRY_ONLY.contains(&rule) && ![Place::Entry, Place::Classification].contains(&place) {
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
        let path = format!("data/{vendor}.json");
        let bytes = std::fs::read(case).expect("read fixture");
        let actual = validate(&path, &bytes);
        let err_file = case.with_extension("err");

        if bless() {
            let mut text = actual.join("\n");
            if !text.is_empty() {
                text.push('\n');
            }
            std::fs::write(&err_file, text).expect("write .err");
        }
        let expected: Vec<String> = std::fs::read_to_string(&err_file)
            .unwrap_or_else(|e| panic!("{}: {e}", err_file.display()))
            .lines()
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect();
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
        let catalog_wide = ["missing vendor", "duplicate vendor"].contains(&rule);
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

/// The minimal valid fixture, the base of the generated cases.
fn minimal() -> Vec<u8> {
    std::fs::read(fixtures_dir().join("tencent-cloud__valid__minimal.json")).expect("read")
}

const PATH: &str = "data/tencent-cloud.json";

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
                "{PATH}: file too large: 1048577 bytes, over the limit of 1048576 bytes"
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

/// The real data files, validated as build.rs does: sorted, named `data/<file>`.
fn real_files() -> Vec<(String, schema::VendorFile)> {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&data)
        .expect("data/")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let name = format!("data/{}", p.file_name().unwrap().to_string_lossy());
            let bytes = std::fs::read(p).expect("read");
            match validate::validate_file(&name, &bytes) {
                Ok(file) => (name, file),
                Err(errors) => panic!("{name} is invalid:\n{}", errors.join("\n")),
            }
        })
        .collect()
}

#[test]
fn the_real_data_validates() {
    let files = real_files();
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "data/aliyun-apigateway.json",
            "data/cloudbypass.json",
            "data/tencent-cdn.json",
            "data/tencent-cloud.json",
            "data/upyun.json",
        ]
    );
    assert_eq!(validate::validate_catalog(&files), Ok(()));
}

#[test]
fn the_catalog_needs_every_vendor_exactly_once() {
    let mut files = real_files();
    files.retain(|(_, f)| f.vendor != "upyun");
    assert_eq!(
        validate::validate_catalog(&files),
        Err(vec![
            "data: missing vendor: no file has vendor \"upyun\"".to_owned()
        ])
    );

    let mut files = real_files();
    let (_, copy) = real_files()
        .into_iter()
        .find(|(_, f)| f.vendor == "tencent-cloud")
        .unwrap();
    files.push(("data/tencent-cloud-copy.json".to_owned(), copy));
    assert_eq!(
        validate::validate_catalog(&files),
        Err(vec![
            "data: duplicate vendor: \"tencent-cloud\" is the vendor of data/tencent-cloud.json, \
             data/tencent-cloud-copy.json"
                .to_owned(),
        ])
    );

    assert_eq!(
        validate::validate_catalog(&[]),
        Err(validate::VENDORS
            .iter()
            .map(|v| format!("data: missing vendor: no file has vendor {v:?}"))
            .collect())
    );
}

#[test]
fn header_names_are_unique_across_files() {
    let mut files = real_files();
    let cloudbypass = files
        .iter_mut()
        .find(|(_, f)| f.vendor == "cloudbypass")
        .unwrap();
    for name in ["x-ca-request-id", "X-CA-ERROR-MESSAGE"] {
        cloudbypass.1.headers.push(schema::Header {
            name: name.to_owned(),
            carries: "request_id".to_owned(),
            description: schema::Text {
                zh: "重复。".to_owned(),
                en: "A duplicate.".to_owned(),
            },
        });
    }
    let errors = validate::validate_catalog(&files).expect_err("duplicate headers");
    assert_eq!(
        errors,
        [
            "data/cloudbypass.json: header \"x-ca-request-id\": duplicate header: also \
             documented in data/aliyun-apigateway.json",
            "data/cloudbypass.json: header \"X-CA-ERROR-MESSAGE\": duplicate header: also \
             documented in data/aliyun-apigateway.json",
        ]
    );
}

#[test]
fn a_real_file_under_another_name_is_a_vendor_mismatch() {
    // The real Tencent Cloud file under Tencent CDN's file name: rejected for the mismatch alone.
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let bytes = std::fs::read(data.join("tencent-cloud.json")).expect("read");
    let errors = validate("data/tencent-cdn.json", &bytes);
    assert_eq!(
        errors,
        [
            "data/tencent-cdn.json: vendor: vendor mismatch: the file is named \"tencent-cdn\" \
             but declares vendor \"tencent-cloud\""
        ]
    );
}

//! Replays the fuzz corpus on stable, so that `cargo test` catches a regression without nightly
//! or cargo-fuzz: every file of `fuzz/corpus/<target>/` (the seeds) and of
//! `fuzz/artifacts/<target>/` (crashes kept as regressions, if any) goes through the fuzz target's
//! own invariant checks, `fuzz/src/checks.rs`, compiled here as a module.

// Written against the five tables of the default features (`cfg` set by build.rs).
#![cfg(errcat_default_features)]

#[path = "../fuzz/src/checks.rs"]
mod checks;

use std::collections::BTreeSet;
use std::fs;
use std::panic;
use std::path::{Path, PathBuf};

use checks::{ExplainInput, Hint, TARGETS};
use errcat::{ApiError, Family, Outcome, Vendor};

const FUZZ: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/fuzz");

/// The files of `fuzz/<kind>/<target>/`, sorted; none if the directory does not exist. Hidden
/// files (libFuzzer's bookkeeping) are skipped.
fn inputs(kind: &str, target: &str) -> Vec<PathBuf> {
    let Ok(dir) = fs::read_dir(Path::new(FUZZ).join(kind).join(target)) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = dir
        .map(|entry| entry.expect("readable directory entry").path())
        .filter(|p| p.is_file())
        .filter(|p| {
            !p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        })
        .collect();
    files.sort();
    files
}

/// Runs every seed and kept artifact of `target` through its check; reports every failing file.
fn replay(target: &str) {
    let (_, check) = TARGETS
        .into_iter()
        .find(|(name, _)| *name == target)
        .expect("a fuzz target");
    let seeds = inputs("corpus", target);
    assert!(!seeds.is_empty(), "fuzz/corpus/{target}/ has no seeds");
    let mut failed = Vec::new();
    for path in seeds.iter().chain(&inputs("artifacts", target)) {
        let bytes = fs::read(path).expect("readable corpus file");
        if panic::catch_unwind(|| check(&bytes)).is_err() {
            failed.push(path.display().to_string());
        }
    }
    assert!(
        failed.is_empty(),
        "{target}: invariants broken by {failed:#?}"
    );
}

#[test]
fn lookup_code_corpus() {
    replay("lookup_code");
}

#[test]
fn lookup_header_corpus() {
    replay("lookup_header");
}

#[test]
fn lookup_message_corpus() {
    replay("lookup_message");
}

#[test]
fn explain_corpus() {
    replay("explain");
}

/// A directory for a target that does not exist would never be replayed.
#[test]
fn every_corpus_directory_is_a_target() {
    for kind in ["corpus", "artifacts"] {
        let Ok(dir) = fs::read_dir(Path::new(FUZZ).join(kind)) else {
            continue;
        };
        for entry in dir {
            let name = entry.expect("readable directory entry").file_name();
            let name = name.to_string_lossy();
            assert!(
                TARGETS.iter().any(|(target, _)| *target == name),
                "fuzz/{kind}/{name} is not a fuzz target: {:?}",
                TARGETS.map(|(target, _)| target)
            );
        }
    }
}

/// The `explain` seeds are responses of every family, successes and failures included (an Upyun
/// success whose body is not JSON too), with a family hint, a vendor hint and none: the input
/// format is read as intended, and the fuzzer starts from every parser.
#[test]
fn explain_seeds_reach_every_family_and_outcome() {
    let mut reached = BTreeSet::new();
    for path in inputs("corpus", "explain") {
        let input = ExplainInput::decode(&fs::read(&path).expect("readable corpus file"));
        reached.insert(
            match input.hint {
                Some(Hint::Family(_)) => "family hint",
                Some(Hint::Vendor(_)) => "vendor hint",
                None => "no hint",
            }
            .to_owned(),
        );
        match input.response().explain() {
            Ok(Outcome::Error(err)) => reached.insert(format!("error {}", err.family())),
            Ok(Outcome::Success(ok)) => reached.insert(format!("success {}", ok.family())),
            Ok(outcome) => reached.insert(outcome.as_str().to_owned()),
            Err(_) => reached.insert("parse error".to_owned()),
        };
    }
    let mut expected: BTreeSet<String> = [
        "unrecognized",
        "parse error",
        "family hint",
        "vendor hint",
        "no hint",
    ]
    .map(str::to_owned)
    .into();
    // The product codes share the common family's shape: explain reads them as that family.
    for family in Family::ALL
        .into_iter()
        .filter(|f| *f != Family::TencentCloudProducts)
    {
        expected.insert(format!("error {family}"));
    }
    for family in [
        Family::CloudbypassApi,
        Family::TencentCdn,
        Family::TencentCloudCommon,
        Family::UpyunManagement,
        Family::UpyunRest,
        Family::UpyunForm,
        Family::UpyunMultipart,
        Family::AliyunApiGateway,
        Family::AliyunHigressHmacAuth,
        Family::CloudbypassBalance,
    ] {
        expected.insert(format!("success {family}"));
    }
    let missing: Vec<_> = expected.difference(&reached).collect();
    assert!(missing.is_empty(), "no explain seed gives {missing:?}");
}

/// The `explain` input format, as `ExplainInput::decode` documents it.
#[test]
fn explain_input_format() {
    let input = ExplainInput::decode(
        b"4 403\nX-Ca-Error-Message: Invalid Signature, Server StringToSign:GET\n\t/api\n\
          no-colon\nx-raw:\xff\n\n{\"body\": 1}\n\n",
    );
    assert_eq!(
        input,
        ExplainInput {
            hint: Some(Hint::Family(Family::AliyunApiGateway)),
            status: Some(403),
            headers: vec![
                (
                    "X-Ca-Error-Message".to_owned(),
                    b"Invalid Signature, Server StringToSign:GET\n/api".to_vec()
                ),
                ("no-colon".to_owned(), Vec::new()),
                ("x-raw".to_owned(), b"\xff".to_vec()),
            ],
            body: b"{\"body\": 1}\n\n".to_vec(),
        }
    );
    let none = ExplainInput::decode(b"- -");
    assert_eq!(
        (none.hint, none.status, none.headers.len()),
        (None, None, 0)
    );
    assert!(none.body.is_empty());
    let max = ExplainInput::decode(b"0 65535\n\n");
    assert_eq!(
        (max.hint, max.status),
        (Some(Hint::Family(Family::TencentCloudCommon)), Some(65535))
    );
    assert_eq!(ExplainInput::decode(b"x 65536").status, None);
    // '0' to '@': a family, in `Family::ALL` order; 'a' to 'd': a vendor, in `Vendor::ALL` order.
    for (i, family) in Family::ALL.into_iter().enumerate() {
        let control = [b'0' + u8::try_from(i).unwrap()];
        assert_eq!(
            ExplainInput::decode(&control).hint,
            Some(Hint::Family(family))
        );
    }
    for (i, vendor) in Vendor::ALL.into_iter().enumerate() {
        let control = [b'a' + u8::try_from(i).unwrap()];
        assert_eq!(
            ExplainInput::decode(&control).hint,
            Some(Hint::Vendor(vendor))
        );
    }
    assert_eq!(
        ExplainInput::decode(b"b").hint,
        Some(Hint::Vendor(Vendor::TencentCloud))
    );
    // The first digit and letter past the registry's families and vendors.
    let families = u8::try_from(Family::ALL.len()).unwrap();
    let vendors = u8::try_from(Vendor::ALL.len()).unwrap();
    for beyond in [b'0' + families, b'a' + vendors, b'-', b'A'] {
        assert_eq!(ExplainInput::decode(&[beyond]).hint, None);
    }
}

//! Cargo features per family: an enabled family answers from its tables, a disabled one says so
//! (`errcat::Disabled`, `Problem::TablesDisabled`), never a silent miss. This file runs in every
//! feature set `.ci/run` tests (`--no-default-features`, default, `--all-features`), and checks
//! each family against the features this build was compiled with.

use errcat::response::{Basis, Problem};
use errcat::{ApiError, Family, Outcome, Response, Vendor, catalog};

/// Whether cargo enabled the family's feature for this test build, asked of cargo itself
/// (`cfg!`), not of the library.
fn compiled(family: Family) -> bool {
    match family.feature() {
        "tencent-cloud-common" => cfg!(feature = "tencent-cloud-common"),
        "upyun-management" => cfg!(feature = "upyun-management"),
        "upyun-rest" => cfg!(feature = "upyun-rest"),
        "upyun-form" => cfg!(feature = "upyun-form"),
        "upyun-multipart" => cfg!(feature = "upyun-multipart"),
        "tencent-cloud-cdn" => cfg!(feature = "tencent-cloud-cdn"),
        "cloudbypass-api" => cfg!(feature = "cloudbypass-api"),
        "aliyun-apigateway" => cfg!(feature = "aliyun-apigateway"),
        "aliyun-higress-hmac-auth" => cfg!(feature = "aliyun-higress-hmac-auth"),
        "tencent-cloud-products" => cfg!(feature = "tencent-cloud-products"),
        "cloudbypass-balance" => cfg!(feature = "cloudbypass-balance"),
        other => panic!("a family feature this test does not know: {other}; add it here"),
    }
}

/// One documented code of each family, and a response that carries it.
fn sample(
    family: Family,
) -> (
    &'static str,
    Response<'static, Vec<(&'static str, &'static str)>>,
) {
    match family {
        Family::TencentCloudCommon => (
            "InternalError",
            Response::new(
                br#"{"Response": {"Error": {"Code": "InternalError", "Message": "m"}, "RequestId": "r-1"}}"#,
            )
            .with_status(200)
            .with_headers(vec![]),
        ),
        Family::UpyunManagement => (
            "21402",
            Response::new(br#"{"error_code": "21402", "request": "PUT /operators/", "message": "m"}"#)
                .with_status(409)
                .with_headers(vec![]),
        ),
        Family::UpyunRest => (
            "40100005",
            Response::new(br#"{"msg": "signature error", "code": 40100005, "id": "r-1"}"#)
                .with_status(401)
                .with_headers(vec![]),
        ),
        Family::UpyunForm => (
            "Not accept, Signature error.",
            Response::new(
                br#"{"code": 403, "message": "Not accept, Signature error.", "url": "/a.jpg", "time": 1}"#,
            )
            .with_status(403)
            .with_headers(vec![]),
        ),
        Family::UpyunMultipart => (
            "40401",
            Response::new(br#"{"error_code": "40401", "path": "/demo.zip", "message": "Bucket NotFound."}"#)
                .with_status(404)
                .with_headers(vec![]),
        ),
        Family::TencentCdn => (
            "4000",
            Response::new(br#"{"code": 4000, "message": "m", "codeDesc": "InvalidParameter"}"#)
                .with_status(200)
                .with_headers(vec![]),
        ),
        Family::CloudbypassApi => (
            "PARAM_ERROR",
            Response::new(br#"{"id": "r-1", "code": "PARAM_ERROR", "message": "m"}"#)
                .with_status(400)
                .with_headers(vec![("x-cb-status", "")]),
        ),
        Family::AliyunApiGateway => (
            "Quota Exhausted",
            Response::new(b"")
                .with_status(403)
                .with_headers(vec![("X-Ca-Error-Message", "Quota Exhausted")]),
        ),
        Family::AliyunHigressHmacAuth => (
            "Invalid Key",
            Response::new(b"Invalid Key")
                .with_status(401)
                .with_headers(vec![]),
        ),
        // The common family's shape, with a code only a product's table lists (CDN's).
        Family::TencentCloudProducts => (
            "FailedOperation.CdnConfigError",
            Response::new(
                br#"{"Response": {"Error": {"Code": "FailedOperation.CdnConfigError", "Message": "m"}, "RequestId": "r-1"}}"#,
            )
            .with_status(200)
            .with_headers(vec![]),
        ),
        // No code: the balance API documents none (the code is empty).
        Family::CloudbypassBalance => (
            "",
            Response::new(br#"{"detail": "m"}"#)
                .with_status(401)
                .with_headers(vec![]),
        ),
        other => panic!("no sample for {other}; add one"),
    }
}

#[test]
fn is_enabled_follows_the_features() {
    for family in Family::ALL {
        assert_eq!(family.is_enabled(), compiled(family), "{family}");
    }
}

#[test]
fn every_family_belongs_to_its_vendor_and_parses_from_its_slug() {
    for family in Family::ALL {
        assert!(family.vendor().families().contains(&family), "{family}");
        assert_eq!(family.slug().parse::<Family>(), Ok(family));
        assert_eq!(family.slug().to_uppercase().parse::<Family>(), Ok(family));
        assert!(
            family
                .slug()
                .starts_with(&format!("{}/", family.vendor().slug()))
        );
    }
    for vendor in Vendor::ALL {
        assert_eq!(vendor.slug().parse::<Vendor>(), Ok(vendor));
        assert!(!vendor.families().is_empty(), "{vendor}");
    }
    // The slugs of the first release still parse.
    assert_eq!("tencent-cdn".parse::<Family>(), Ok(Family::TencentCdn));
    assert_eq!(
        "aliyun-apigateway".parse::<Family>(),
        Ok(Family::AliyunApiGateway)
    );
    assert_eq!("tencent-cdn".parse::<Vendor>(), Ok(Vendor::TencentCloud));
    assert_eq!("aliyun-apigateway".parse::<Vendor>(), Ok(Vendor::Aliyun));
}

#[test]
fn an_enabled_family_answers_and_a_disabled_one_says_so() {
    for family in Family::ALL {
        let (code, _) = sample(family);
        if family == Family::CloudbypassBalance {
            // No code: its feature compiles its sources only.
            assert!(!family.could_have("x"));
            assert!(catalog::all().iter().all(|c| c.family() != family));
            match family.sources() {
                Ok(sources) => assert!(compiled(family) && !sources.is_empty()),
                Err(err) => assert!(!compiled(family) && err.family() == family),
            }
            assert_eq!(
                catalog::lookup_in(family, "x").map_err(|e| e.family()),
                if compiled(family) {
                    Ok(None)
                } else {
                    Err(family)
                }
            );
            continue;
        }
        let lookup = catalog::lookup_in(family, code);
        let resolved = catalog::resolve(family, code);
        if compiled(family) && family == Family::TencentCloudProducts {
            // Codes are looked up by product (`tencent_cloud::products`), not in the family.
            assert_eq!(lookup, Ok(None));
            assert!(resolved.expect("enabled").is_resolved()); // by its root
            #[cfg(feature = "tencent-cloud-products")]
            {
                let found = errcat::tencent_cloud::products::lookup("cdn", code).expect("listed");
                assert_eq!(found.entry().family(), family);
            }
            assert!(!family.sources().expect("enabled").is_empty());
        } else if compiled(family) {
            let found = lookup.expect("enabled").expect("documented");
            assert_eq!(found.family(), family);
            assert_eq!(found.as_str(), code);
            let r = resolved.expect("enabled");
            assert_eq!(r.basis(), Basis::Exact);
            assert_eq!(r.typed_code(), Some(found));
            assert!(!family.sources().expect("enabled").is_empty());
            assert!(catalog::all().iter().any(|c| c.family() == family));
        } else {
            let err = lookup.expect_err("disabled");
            assert_eq!(err.family(), family);
            assert_eq!(
                err.to_string(),
                format!(
                    "the tables of family {family} are not compiled in: enable the cargo feature `{}`",
                    family.feature()
                )
            );
            assert_eq!(resolved.expect_err("disabled"), err);
            assert_eq!(family.sources().expect_err("disabled"), err);
            assert_eq!(family.status_meaning(404).expect_err("disabled"), err);
            assert_eq!(family.classification(code).expect_err("disabled"), err);
            assert!(catalog::all().iter().all(|c| c.family() != family));
            assert!(catalog::by_code(code).iter().all(|c| c.family() != family));
        }
    }
}

#[test]
fn a_vendor_lookup_that_may_miss_a_disabled_family_says_so() {
    // Tencent Cloud's product codes have no typed code: `catalog::lookup` does not search them.
    // Cloudbypass's balance API has no code at all.
    let typed =
        |f: &Family| !matches!(f, Family::TencentCloudProducts | Family::CloudbypassBalance);
    for family in Family::ALL.into_iter().filter(typed) {
        let (code, _) = sample(family);
        let vendor = family.vendor();
        // The first of the vendor's disabled (typed) families that could have a code.
        let first_disabled = |code: &str| {
            vendor
                .families()
                .iter()
                .filter(|f| typed(f))
                .find(|f| !compiled(**f) && f.could_have(code))
                .copied()
        };
        match catalog::lookup(vendor, code) {
            Ok(Some(found)) => {
                assert!(compiled(found.family()), "{family} {code:?}");
                assert_eq!(found.vendor(), vendor);
            }
            // Every sample code is documented: with its family on, the lookup finds it.
            Ok(None) => panic!("{family} {code:?}: a documented code missed"),
            Err(disabled) => {
                assert!(!compiled(family), "{family} {code:?}: {disabled}");
                assert_eq!(
                    Some(disabled.family()),
                    first_disabled(code),
                    "{family} {code:?}"
                );
            }
        }
        // A code no family documents: none, or, with a family off that could have it, the first.
        for code in ["NoSuchCode.Anywhere", "29999", "49999999"] {
            assert_eq!(
                catalog::lookup(vendor, code).map_err(|e| e.family()),
                first_disabled(code).map_or(Ok(None), Err),
                "{vendor} {code:?}"
            );
        }
    }
}

#[test]
fn explain_reads_a_disabled_familys_response_and_flags_it() {
    for family in Family::ALL {
        let (code, response) = sample(family);
        // Named by the caller, so that detection (which needs headers a disabled family has no
        // table of) is not what is tested here.
        let outcome = response.with_family(family).explain().expect("explained");
        let Outcome::Error(err) = outcome else {
            panic!("{family}: {outcome:?}")
        };
        assert_eq!(err.family(), family);
        if family == Family::CloudbypassBalance {
            // No code to resolve, with its feature on or off: the same error, nothing flagged.
            assert_eq!((err.raw_code(), err.entry()), (None, None));
            assert_eq!(err.received_message(), Some("m"));
            assert_eq!(err.basis(), Basis::HttpStatus);
            assert_eq!(err.problems().count(), 0, "{err:?}");
            continue;
        }
        assert_eq!(err.raw_code(), Some(code), "{family}: the raw code is kept");
        let flagged = err.problems().any(|p| p == Problem::TablesDisabled);
        assert_eq!(flagged, !compiled(family), "{family}: {err:?}");
        assert_eq!(err.entry().is_some(), compiled(family), "{family}");
        if !compiled(family) {
            assert_eq!(err.typed_code(), None);
        }
    }
}

#[test]
fn body_evidence_of_a_field_set_does_not_depend_on_the_tables() {
    // A field set only one family uses is evidence in code, not data: found with the family's
    // tables off too (Tencent Cloud's `Response`, Upyun's `request`, Tencent CDN's `codeDesc`,
    // the Upyun form API's `url` and `time` with a status `code`, the old multipart API's `path`
    // with a five-digit `error_code` starting with 4).
    for family in [
        Family::TencentCloudCommon,
        Family::UpyunManagement,
        Family::TencentCdn,
        Family::UpyunForm,
        Family::UpyunMultipart,
    ] {
        let (_, response) = sample(family);
        let outcome = response.with_headers(Vec::<(&str, &str)>::new()).explain();
        assert_eq!(outcome.expect("explained").family(), Some(family));
    }
    // Cloudbypass's `{id, code, message}` is anybody's shape: only a documented code makes it
    // evidence, and that needs the tables. Without them (or the `x-cb-status` header), nothing
    // is attributed.
    let (_, response) = sample(Family::CloudbypassApi);
    let outcome = response
        .with_headers(Vec::<(&str, &str)>::new())
        .explain()
        .expect("explained");
    let expected = compiled(Family::CloudbypassApi).then_some(Family::CloudbypassApi);
    assert_eq!(outcome.family(), expected);
    // Likewise the form API's `{code, message}` without `url` and `time`: only a documented
    // message makes it evidence.
    let outcome = Response::new(br#"{"code": 403, "message": "Not accept, Signature error."}"#)
        .with_status(403)
        .explain()
        .expect("explained");
    let expected = compiled(Family::UpyunForm).then_some(Family::UpyunForm);
    assert_eq!(outcome.family(), expected);
    // So is a Higress hmac-auth plain-text body: its code is evidence only with the tables; its
    // string-to-sign header is evidence in code.
    let (_, response) = sample(Family::AliyunHigressHmacAuth);
    let outcome = response.explain().expect("explained");
    let expected = compiled(Family::AliyunHigressHmacAuth).then_some(Family::AliyunHigressHmacAuth);
    assert_eq!(outcome.family(), expected);
    let headers = [("x-ca-error-message", "Server StringToSign:`GET#/v1`")];
    let outcome = Response::new(b"Invalid Signature")
        .with_status(400)
        .with_headers(&headers)
        .explain()
        .expect("explained");
    assert_eq!(outcome.family(), Some(Family::AliyunHigressHmacAuth));
}

#[test]
fn a_vendor_hint_picks_the_family_whose_code_form_the_body_has() {
    // No family's evidence (an unlisted code, no request id): the eight-digit code is Upyun
    // REST's, whichever of Upyun's families are compiled in; the code and message are kept.
    let body = br#"{"msg": "new thing", "code": 40012345}"#;
    let outcome = Response::new(body)
        .with_status(400)
        .with_vendor(Vendor::Upyun)
        .explain()
        .expect("explained");
    let Outcome::Error(err) = outcome else {
        panic!("{outcome:?}")
    };
    assert_eq!(err.family(), Family::UpyunRest);
    assert_eq!(err.raw_code(), Some("40012345"));
    assert_eq!(err.received_message(), Some("new thing"));
    let flagged = err.problems().any(|p| p == Problem::TablesDisabled);
    assert_eq!(flagged, !compiled(Family::UpyunRest));
}

/// The product codes come with the common family: `explain` reaches them through its detection
/// (a Tencent Cloud API 3.0 body), and they would never be consulted without it.
#[test]
fn the_product_codes_come_with_the_common_codes() {
    if compiled(Family::TencentCloudProducts) {
        assert!(compiled(Family::TencentCloudCommon));
        let body = br#"{"Response": {"Error": {"Code": "InvalidParameterValue.InstanceTypeNotFound", "Message": "m"}, "RequestId": "r-1"}}"#;
        let Ok(Outcome::Error(e)) = Response::new(body).with_product("cvm").explain() else {
            panic!("a Tencent Cloud API 3.0 error")
        };
        assert_eq!(
            e.entry().map(errcat::Entry::family),
            Some(Family::TencentCloudProducts)
        );
    }
}

#[test]
fn the_balance_api_is_found_by_its_hints_whatever_the_features() {
    // Its evidence is in code, not data: the Cloudbypass vendor hint with a `detail` member.
    let (_, response) = sample(Family::CloudbypassBalance);
    let outcome = response
        .with_vendor(Vendor::Cloudbypass)
        .explain()
        .expect("explained");
    assert_eq!(outcome.family(), Some(Family::CloudbypassBalance));
    // The body alone is no evidence.
    let (_, response) = sample(Family::CloudbypassBalance);
    let outcome = response.explain().expect("explained");
    assert!(matches!(outcome, Outcome::Unrecognized(_)), "{outcome:?}");
}

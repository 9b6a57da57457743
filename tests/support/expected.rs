//! Literal expectations, written once and independently of the crate: what `data/registry.json`
//! and the docs promise about names, resolution and message lookup.
//!
//! Shared by the tests (`tests/lookup_props.rs`, `tests/catalog.rs`, `tests/alloc.rs`) and the
//! fuzz checks (`fuzz/src/checks.rs`), each compiling this file as a module.

use errcat::{AnyCode, Family, Header, HeaderRole, Vendor};

/// Earlier slugs, and another name, that still parse as a vendor (any ASCII case).
pub const VENDOR_ALIASES: [(&str, Vendor); 3] = [
    ("tencent-cdn", Vendor::TencentCloud),
    ("aliyun-apigateway", Vendor::Aliyun),
    ("alibaba-cloud", Vendor::Aliyun),
];

/// Earlier vendor slugs that still parse as the family they named (any ASCII case).
pub const FAMILY_ALIASES: [(&str, Family); 2] = [
    ("tencent-cdn", Family::TencentCdn),
    ("aliyun-apigateway", Family::AliyunApiGateway),
];

/// What may separate a code from appended detail (`Invalid Url: /v2/x`).
pub const DETAIL_SEPARATORS: [char; 6] = [':', ',', ';', '(', '\n', '.'];

/// Undocumented Tencent Cloud sub-codes, resolved by the walk.
pub const TENCENT_SUB_CODES: [&str; 10] = [
    "InvalidParameter.InvalidZoneName",
    "InvalidParameterValue.InvalidZoneName",
    "AuthFailure.Whatever",
    "AuthFailure",
    "LimitExceeded.PhoneNumberDailyLimit",
    "LimitExceeded.PhoneNumberThirtySecondLimit",
    "LimitExceeded.PhoneNumberDailyLimit.Deeper",
    "RequestLimitExceeded.SomethingNew",
    "FailedOperation.InsufficientBalanceInSmsPackage",
    "NoSuchFamily.Sub",
];

/// The normal form `catalog::by_message` documents: leading white space, and any run of trailing
/// white space and sentence punctuation (`.`, `。`, `!`, `！`), removed.
pub fn message_key(text: &str) -> &str {
    text.trim_start()
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '.' | '。' | '!' | '！'))
}

/// The words of a message template, up to and including its colon (`invalid ip:` of `invalid
/// ip:...`), or `None` for a message that is no template.
pub fn template_words(message: &str) -> Option<&str> {
    message
        .strip_suffix("...")
        .filter(|words| words.ends_with(':'))
}

/// Whether the message `key` fills in the template `message`: it starts with the template's words
/// and a value follows them.
pub fn fills(message: &str, key: &str) -> bool {
    template_words(message)
        .and_then(|words| key.strip_prefix(words))
        .is_some_and(|value| !value.trim().is_empty())
}

/// Whether `header` carries the code `c`: Alibaba Cloud API Gateway's `X-Ca-Error-Code` carries
/// the six-character codes (`ErrorCode`), its `X-Ca-Error-Message` the classic ones (`Code`);
/// any other error header, every code of its family.
pub fn header_carries(header: &Header, c: AnyCode) -> bool {
    match (header.family(), header.carries()) {
        (Family::AliyunApiGateway, HeaderRole::ErrorCode) => {
            matches!(c, AnyCode::AliyunApiGatewayError(_))
        }
        (Family::AliyunApiGateway, HeaderRole::ErrorMessage) => {
            matches!(c, AnyCode::AliyunApiGateway(_))
        }
        _ => c.family() == header.family(),
    }
}

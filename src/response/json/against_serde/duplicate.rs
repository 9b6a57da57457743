//! A duplicate of a field the caller reads gives the error a `#[derive(Deserialize)]` struct gives
//! for the same input: message, line and column. Flat bodies (Tencent CDN, Upyun, Cloudbypass
//! fields) and nested ones (Tencent Cloud's `Response.Error`, read from inside the callback, so
//! that errors come in the order of the input), hand-written and generated.

use crate::response::json::{Fields, Flow, Value, read_object};
use proptest::prelude::*;
use serde::Deserialize;
use serde::de::IgnoredAny;

/// The derive: every field errcat reads at the top level, of any type.
#[derive(Deserialize)]
#[allow(dead_code)]
struct Flat {
    code: Option<IgnoredAny>,
    message: Option<IgnoredAny>,
    id: Option<IgnoredAny>,
    error_code: Option<IgnoredAny>,
    request: Option<IgnoredAny>,
}

/// The derive: Tencent Cloud API 3.0, nested as errcat reads it today (`Nested`: an object is
/// read as `T`, anything else skipped).
#[derive(Deserialize)]
#[allow(dead_code)]
struct Tencent {
    #[serde(rename = "Response")]
    response: Option<Nested<TencentResponse>>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct TencentResponse {
    #[serde(rename = "Error")]
    error: Option<Nested<TencentError>>,
    #[serde(rename = "RequestId")]
    request_id: Option<IgnoredAny>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct TencentError {
    #[serde(rename = "Code")]
    code: Option<IgnoredAny>,
    #[serde(rename = "Message")]
    message: Option<IgnoredAny>,
}

/// An object read as `T`, or any other value, skipped (errcat's `response::Nested`).
#[allow(dead_code)]
enum Nested<T> {
    Object(T),
    Other,
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Nested<T> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visit<T>(std::marker::PhantomData<T>);

        impl<'de, T: Deserialize<'de>> serde::de::Visitor<'de> for Visit<T> {
            type Value = Nested<T>;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("any JSON value")
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> Result<Nested<T>, A::Error> {
                T::deserialize(serde::de::value::MapAccessDeserializer::new(map))
                    .map(Nested::Object)
            }

            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Nested<T>, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(Nested::Other)
            }

            fn visit_bool<E>(self, _: bool) -> Result<Nested<T>, E> {
                Ok(Nested::Other)
            }

            fn visit_i64<E>(self, _: i64) -> Result<Nested<T>, E> {
                Ok(Nested::Other)
            }

            fn visit_u64<E>(self, _: u64) -> Result<Nested<T>, E> {
                Ok(Nested::Other)
            }

            fn visit_f64<E>(self, _: f64) -> Result<Nested<T>, E> {
                Ok(Nested::Other)
            }

            fn visit_str<E>(self, _: &str) -> Result<Nested<T>, E> {
                Ok(Nested::Other)
            }

            fn visit_unit<E>(self) -> Result<Nested<T>, E> {
                Ok(Nested::Other)
            }
        }

        deserializer.deserialize_any(Visit(std::marker::PhantomData))
    }
}

const FLAT: Fields = Fields::new(0, &["code", "message", "id", "error_code", "request"], &[]);

fn read_flat(input: &[u8]) -> Result<bool, serde_json::Error> {
    read_object(input, &FLAT, |member| {
        // The field is the key's index in FLAT.
        assert_eq!(
            member.field,
            FLAT.names.iter().position(|f| *f == member.key)
        );
        Ok(Flow::Continue)
    })
}

const ERROR: Fields = Fields::new(2, &["Code", "Message"], &[]);
const RESPONSE: Fields = Fields::new(1, &["Error", "RequestId"], &[(0, ERROR)]);
const TENCENT: Fields = Fields::new(0, &["Response"], &[(0, RESPONSE)]);

/// Tencent Cloud, the nested objects read in the same pass.
fn read_tencent(input: &[u8]) -> Result<bool, serde_json::Error> {
    read_object(input, &TENCENT, |_| Ok(Flow::Continue))
}

/// Tencent Cloud, each nested object read again from inside the callback: the same errors, but
/// for a duplicate inside an object that goes wrong later (the derive and the single pass find
/// the duplicate first; this finds the object invalid before reading it).
fn read_tencent_again(input: &[u8]) -> Result<bool, serde_json::Error> {
    let response = Fields::new(RESPONSE.id, RESPONSE.names, &[]);
    let top = Fields::new(TENCENT.id, TENCENT.names, &[]);
    read_object(input, &top, |member| {
        if let (Some(0), Value::Object(object)) = (member.field, member.value) {
            object.read(&response, |member| {
                if let (Some(0), Value::Object(error)) = (member.field, member.value) {
                    error.read(&ERROR, |_| Ok(Flow::Continue))?;
                }
                Ok(Flow::Continue)
            })?;
        }
        Ok(Flow::Continue)
    })
}

/// Both readings fail, or both succeed. A duplicate field fails both with the same error; any
/// other error of the derive is a syntax error, for which the reader gives the error of
/// `serde_json::from_str::<IgnoredAny>`, which may be worded differently (after a trailing comma
/// at the end of the input, the derive says "EOF while parsing a value" and `IgnoredAny` "EOF
/// while parsing an object").
fn agree<T>(
    derived: Result<T, serde_json::Error>,
    read: Result<bool, serde_json::Error>,
    input: &str,
) {
    match (derived, read) {
        (Ok(_), Ok(true)) => {}
        (Err(derived), Err(got)) => {
            let expected = if derived.to_string().starts_with("duplicate field") {
                derived
            } else {
                serde_json::from_str::<IgnoredAny>(input).expect_err("a syntax error")
            };
            assert_eq!(
                (got.to_string(), got.line(), got.column(), got.classify()),
                (
                    expected.to_string(),
                    expected.line(),
                    expected.column(),
                    expected.classify()
                ),
                "{input:?}"
            );
        }
        (derived, read) => panic!(
            "{input:?}: derive {:?}, read {read:?}",
            derived.err().map(|e| e.to_string())
        ),
    }
}

fn check_flat(input: &str) {
    agree(
        serde_json::from_str::<Flat>(input),
        read_flat(input.as_bytes()),
        input,
    );
}

fn check_tencent(input: &str) {
    agree(
        serde_json::from_str::<Tencent>(input),
        read_tencent(input.as_bytes()),
        input,
    );
}

/// Reading nested objects again agrees with the derive on valid input.
fn check_tencent_again(input: &str) {
    if serde_json::from_str::<serde::de::IgnoredAny>(input).is_ok() {
        agree(
            serde_json::from_str::<Tencent>(input),
            read_tencent_again(input.as_bytes()),
            input,
        );
    }
}

#[test]
fn flat_duplicates() {
    for input in [
        r#"{"code":1,"code":2}"#,
        r#"{"code":1,"message":"m","code":2}"#,
        r#"{"code" :1,"code" :2}"#,
        "{\"code\":1,\"code\"\n:2}",
        "{\"code\":1,\"code\" \n \n\t: 2}",
        "{\"code\":1,\"code\"\r\n:2}",
        "{\n  \"message\": \"a\",\n  \"code\": 1,\n  \"code\" \n\n : 2\n}",
        r#"{"code":1,"co\u0064e":2}"#,
        r#"{"c\u006fde":1,"code":2}"#,
        r#"{"message":"非法参数","x":"参数错误","message":"再"}"#,
        r#"{"id":"a","id":"b" , "x": }"#,
        r#"{"id":"a","id""#,
        r#"{"id":"a","id"#,
        r#"{"id":"a","id":"b"}   x"#,
        r#"{"id":[{"id":1,"id":2}],"code":{"code":1},"code":3}"#,
        r#"{"error_code":"1","request":"r","error_code":"2"}"#,
        r#"{"request":null,"request":null}"#,
        r#"{"code":1}"#,
        r#"{"code":1,"x":1,"x":2}"#,
        "  \n {\"code\":1,\"code\":2}",
    ] {
        check_flat(input);
    }
}

#[test]
fn nested_duplicates() {
    for input in [
        r#"{"Response":{"Error":{"Code":"a","Code":"b"}}}"#,
        r#"{"Response":{"Error":{"Code":"a","Message":"m","Message":"n"},"RequestId":"r"}}"#,
        r#"{"Response":{"RequestId":"r","Error":{},"RequestId":"s"}}"#,
        r#"{"Response":{"Error":{},"Error":{"Code":1}}}"#,
        r#"{"Response":{},"Response":{}}"#,
        r#"{"Response":{"Error":{"Code":"a","Code":"b"}},"Response":{}}"#,
        r#"{"Response":{"Error":{"Code":"a","Code":"b"}}, x}"#,
        r#"{"Response":{"Error":{"Code":"a","Code":"b"}}"#,
        "{\n    \"Response\": {\n        \"Error\": {\n            \"Code\": \"AuthFailure\",\n            \"Message\": \"m\",\n            \"Code\"\n  : \"again\"\n        },\n        \"RequestId\": \"ed93f3cb\"\n    }\n}",
        "{\n    \"Response\": {\n        \"Error\": {\n            \"Code\": \"AuthFailure\"\n        },\n        \"RequestId\": \"ed93f3cb\",\n        \"RequestId\" : \"again\"\n    }\n}",
        "{\"x\": \"非法\",\n \"Response\": {\"Error\": {\"Message\": \"参数\", \"Message\": \"错误\"}}}",
        r#"{"Response":{"Error":{"Code":"a"},"RequestId":"r"}}"#,
    ] {
        check_tencent(input);
        check_tencent_again(input);
    }
}

/// A JSON text made of the keys above and a few others, with white space of every kind around
/// every token, objects nested.
fn body(keys: &'static [&'static str]) -> impl Strategy<Value = String> {
    let ws = prop::sample::select(vec!["", "", "", " ", "\n", "  \n ", "\t", "\r\n"]);
    let key = prop::sample::select(keys.to_vec());
    let leaf = prop::sample::select(vec!["1", "\"v\"", "null", "[]", "\"参数\"", "-2.5e3", "{}"])
        .prop_map(str::to_owned);
    leaf.prop_recursive(4, 40, 5, move |inner| {
        prop::collection::vec(
            (
                ws.clone(),
                key.clone(),
                ws.clone(),
                ws.clone(),
                inner,
                ws.clone(),
            ),
            0..5,
        )
        .prop_map(|members| {
            let members: Vec<String> = members
                .into_iter()
                .map(|(a, k, b, c, v, d)| format!("{a}\"{k}\"{b}:{c}{v}{d}"))
                .collect();
            format!("{{{}}}", members.join(","))
        })
    })
    .prop_filter("an object", |text| text.starts_with('{'))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn generated_flat(text in body(&["code", "message", "id", "error_code", "request", "x", "co\\u0064e"])) {
        check_flat(&text);
    }

    #[test]
    fn generated_nested(text in body(&["Response", "Error", "Code", "Message", "RequestId", "x"])) {
        check_tencent(&text);
        check_tencent_again(&text);
    }

    /// Cut anywhere: the syntax error or the duplicate, whichever comes first.
    #[test]
    fn generated_nested_cut(
        text in body(&["Response", "Error", "Code", "Message", "RequestId"]),
        cut in any::<prop::sample::Index>(),
    ) {
        let cut = cut.index(text.len() + 1);
        if let Some(text) = text.get(..cut) {
            check_tencent(text);
        }
    }

    #[test]
    fn generated_flat_cut(
        text in body(&["code", "message", "id", "x"]),
        cut in any::<prop::sample::Index>(),
    ) {
        let cut = cut.index(text.len() + 1);
        if let Some(text) = text.get(..cut) {
            check_flat(text);
        }
    }

    /// One byte changed: a syntax error anywhere, before or after a duplicate.
    #[test]
    fn generated_nested_mutated(
        text in body(&["Response", "Error", "Code", "Message", "RequestId"]),
        at in any::<prop::sample::Index>(),
        byte in prop::sample::select(b"{}[]\":, x1".to_vec()),
    ) {
        let mut bytes = text.into_bytes();
        let at = at.index(bytes.len());
        prop_assume!(bytes[at].is_ascii());
        bytes[at] = byte;
        let text = String::from_utf8(bytes).expect("ASCII replaced by ASCII");
        check_tencent(&text);
    }
}

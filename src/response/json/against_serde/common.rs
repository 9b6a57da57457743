//! The reference the tests hold `read_object` to: `serde_json` itself.
//!
//! - Acceptance and errors: `serde_json::from_slice::<IgnoredAny>`; for input it accepts that is
//!   not UTF-8, the error of `serde_json::from_slice::<&RawValue>` (the first invalid byte).
//! - Members: a map visitor capturing each key and value as `&RawValue`, in order (duplicates
//!   kept), against which every handed-over member is compared: the same key decoded, a string's
//!   raw text and its decoding (`serde_json::from_str::<String>`), a number's text, a nested
//!   value's text and offset, and the members of nested objects, read with `Object::read`.

#![allow(dead_code)]

use std::borrow::Cow;
use std::fmt;

use crate::response::json::{Fields, Flow, Value, read_object, unescape};
use serde::de::{Deserialize, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde_json::value::RawValue;

/// Asserts that two errors are the same: message, line, column and category.
pub fn same_error(got: &serde_json::Error, expected: &serde_json::Error, input: &[u8]) {
    assert_eq!(
        (got.to_string(), got.line(), got.column(), got.classify()),
        (
            expected.to_string(),
            expected.line(),
            expected.column(),
            expected.classify()
        ),
        "input: {:?}",
        String::from_utf8_lossy(input)
    );
}

/// Reads `input` with `read_object` and checks everything against the reference. Returns whether
/// it was accepted.
pub fn check(input: &[u8]) -> bool {
    let mut got = Vec::new();
    let result = read_object(input, &Fields::NONE, |member| {
        assert_eq!(member.field, None);
        got.push((member.key.into_owned(), member.value));
        Ok(Flow::Continue)
    });
    match serde_json::from_slice::<IgnoredAny>(input) {
        Err(expected) => {
            let err = result.expect_err("serde_json refuses it");
            same_error(&err, &expected, input);
            false
        }
        Ok(_) => match std::str::from_utf8(input) {
            Err(_) => {
                let expected = serde_json::from_slice::<&RawValue>(input)
                    .expect_err("serde_json refuses it as a RawValue");
                let err = result.expect_err("not UTF-8");
                same_error(&err, &expected, input);
                false
            }
            Ok(text) => {
                let is_object = text
                    .trim_start_matches([' ', '\n', '\t', '\r'])
                    .starts_with('{');
                assert_eq!(result.expect("accepted"), is_object, "{text:?}");
                if is_object {
                    let start = text.find('{').expect("an object");
                    compare(text, start, &got, 0);
                } else {
                    assert!(got.is_empty());
                }
                true
            }
        },
    }
}

/// Compares the members handed over for the object at `start` in `whole` with the reference's.
pub fn compare(whole: &str, start: usize, got: &[(String, Value<'_>)], depth: usize) {
    let object = &whole[start..];
    let mut de = serde_json::Deserializer::from_str(object);
    let expected = RawMembers::deserialize(&mut de)
        .expect("the reference reads it")
        .0;
    assert_eq!(got.len(), expected.len(), "{object:?}: {got:?}");
    for ((key, value), (raw_key, raw_value)) in got.iter().zip(&expected) {
        let raw_key = raw_key.get();
        let (decoded, lossless) = reference_decode(&raw_key[1..raw_key.len() - 1]);
        assert_eq!(key, &decoded, "key {raw_key}");
        if lossless {
            assert_eq!(
                serde_json::from_str::<String>(raw_key).ok().as_ref(),
                Some(key)
            );
        }
        compare_value(whole, value, raw_value.get(), depth);
    }
}

fn compare_value(whole: &str, value: &Value<'_>, raw: &str, depth: usize) {
    match *value {
        Value::Str { raw: text, escaped } => {
            assert_eq!(format!("\"{text}\""), raw);
            assert_eq!(escaped, text.contains('\\'), "{raw}");
            let decoded = unescape(text, escaped);
            assert_eq!(
                decoded.as_deref(),
                serde_json::from_str::<String>(raw).ok().as_deref(),
                "{raw}"
            );
            let (reference, lossless) = reference_decode(text);
            assert_eq!(decoded.map(Cow::into_owned), lossless.then_some(reference));
        }
        Value::Number(text) => {
            assert_eq!(text, raw);
            // Within f64's range, it is the number serde_json reads.
            if let Ok(expected) = serde_json::from_str::<serde_json::Number>(raw) {
                assert_eq!(
                    serde_json::from_str::<serde_json::Number>(text).ok(),
                    Some(expected)
                );
            }
        }
        Value::Bool(b) => assert_eq!(raw, if b { "true" } else { "false" }),
        Value::Null => assert_eq!(raw, "null"),
        Value::Array(array) => {
            assert_eq!(array.text(), raw);
            assert_eq!(&whole[array.offset()..array.offset() + raw.len()], raw);
        }
        Value::Object(object) => {
            assert_eq!(object.text(), raw);
            assert_eq!(&whole[object.offset()..object.offset() + raw.len()], raw);
            if depth < 4 {
                let mut nested = Vec::new();
                object
                    .read(&Fields::NONE, |member| {
                        nested.push((member.key.into_owned(), member.value));
                        Ok(Flow::Continue)
                    })
                    .expect("a nested object reads");
                compare(whole, object.offset(), &nested, depth + 1);
            }
        }
    }
}

/// Decodes a string's content through UTF-16 code units, with `char::decode_utf16`: each
/// unpaired surrogate becomes U+FFFD. Whether there was none.
pub fn reference_decode(content: &str) -> (String, bool) {
    let mut units: Vec<u16> = Vec::new();
    let mut chars = content.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            units.extend_from_slice(c.encode_utf16(&mut [0; 2]));
            continue;
        }
        let unit = match chars.next().expect("an escape") {
            '"' => 0x22,
            '\\' => 0x5c,
            '/' => 0x2f,
            'b' => 0x08,
            'f' => 0x0c,
            'n' => 0x0a,
            'r' => 0x0d,
            't' => 0x09,
            'u' => {
                let hex: String = chars.by_ref().take(4).collect();
                u16::from_str_radix(&hex, 16).expect("four hex digits")
            }
            other => panic!("not an escape: {other}"),
        };
        units.push(unit);
    }
    let mut lossless = true;
    let text = char::decode_utf16(units)
        .map(|c| {
            c.unwrap_or_else(|_| {
                lossless = false;
                char::REPLACEMENT_CHARACTER
            })
        })
        .collect();
    (text, lossless)
}

/// An object's members as raw keys and raw values, in order, duplicates kept.
struct RawMembers<'a>(Vec<(&'a RawValue, &'a RawValue)>);

impl<'de> Deserialize<'de> for RawMembers<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Members;

        impl<'de> Visitor<'de> for Members {
            type Value = RawMembers<'de>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut members = Vec::new();
                while let Some(key) = map.next_key::<&'de RawValue>()? {
                    members.push((key, map.next_value::<&'de RawValue>()?));
                }
                Ok(RawMembers(members))
            }
        }

        deserializer.deserialize_map(Members)
    }
}

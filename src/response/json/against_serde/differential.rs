//! `read_object` against `serde_json` (see `common`): the same inputs accepted, the same errors
//! (message, line, column), the same members. On arbitrary bytes, on bytes from JSON's alphabet,
//! on generated JSON-ish texts (nesting, escapes and lone surrogates, numbers of every form valid
//! and not, white space of every kind, trailing characters), mutated or not, on every prefix of
//! valid bodies, and on hand-written edge cases.

use super::common::check;
use proptest::prelude::*;

/// Hand-written edge cases, as bytes.
const EDGES: &[&[u8]] = &[
    b"",
    b" ",
    b"{",
    b"}",
    b"{}",
    b" \n\t\r{} \n\t\r",
    b"{} x",
    b"{}{}",
    b"{} {",
    b"\x0c{}",
    b"{}\x0c",
    b"\xef\xbb\xbf{}",
    b"{,}",
    b"{\"a\"}",
    b"{\"a\":}",
    b"{\"a\" 1}",
    b"{\"a\":1,}",
    b"{\"a\":1,,\"b\":2}",
    b"{\"a\":1 \"b\":2}",
    b"{1:2}",
    b"{'a':1}",
    b"{a:1}",
    b"{\"a\":1}}",
    b"{\"a\":01}",
    b"{\"a\":-}",
    b"{\"a\":-0}",
    b"{\"a\":-01}",
    b"{\"a\":1.}",
    b"{\"a\":.5}",
    b"{\"a\":1.5e}",
    b"{\"a\":1e+}",
    b"{\"a\":1e-5}",
    b"{\"a\":1E+5}",
    b"{\"a\":+1}",
    b"{\"a\":1e99999}",
    b"{\"a\":-1e-99999}",
    b"{\"a\":123456789012345678901234567890123456789}",
    b"{\"a\":18446744073709551616}",
    b"{\"a\":1.5.5}",
    b"{\"a\":0x10}",
    b"{\"a\":NaN}",
    b"{\"a\":Infinity}",
    b"{\"a\":-Infinity}",
    b"{\"a\":tru}",
    b"{\"a\":true}",
    b"{\"a\":truex}",
    b"{\"a\":nul}",
    b"{\"a\":null}",
    b"{\"a\":False}",
    b"{\"a\":1",
    b"{\"a\":1 ",
    b"{\"a\":\"x",
    b"{\"a\":\"x\\",
    b"{\"a\":\"x\\u12",
    b"{\"a\":\"\\u12g4\"}",
    b"{\"a\":\"\\x\"}",
    b"{\"a\":\"\\U0041\"}",
    b"{\"a\":\"\\'\"}",
    b"{\"a\":\"\\ud800\"}",
    b"{\"a\":\"\\udc00\"}",
    b"{\"a\":\"\\ud800\\u0041\"}",
    b"{\"a\":\"\\ud800\\ud800\\udc00\"}",
    b"{\"a\":\"\\ud800\\n\"}",
    b"{\"a\":\"\\uD83D\\uDE00\"}",
    b"{\"a\":\"\\u0000\"}",
    b"{\"\\ud800\":1}",
    b"{\"\\udc00\\ud800\":1,\"\\ud800x\":2}",
    b"{\"co\\u0064e\":1}",
    b"{\"a\":\"\x01\"}",
    b"{\"a\":\"\x1f\"}",
    b"{\"a\":\"\t\"}",
    b"{\"a\":\"\n\"}",
    b"{\"a\":\"\x7f\"}",
    b"{\"a\":\"\xff\"}",
    b"{\"a\":\"\xc0\x80\"}",
    b"{\"a\":\"\xed\xa0\x80\"}",
    b"{\"a\":\"\xe4\xb8\"}",
    b"{\"a\":\"\xe4\xb8\xad\"}",
    b"{\"\xff\":1}",
    b"{\"a\":[\"ok\", \"\xff\"]}",
    b"{\"a\":1,\n \"b\":\"\xf0\x9f\x98\"}",
    b"{\xff}",
    b"{\"a\":1}\xff",
    b"{\"a\":[}",
    b"{\"a\":[1,]}",
    b"{\"a\":[,1]}",
    b"{\"a\":[1 2]}",
    b"{\"a\":{\"b\":1,}}",
    b"{\"a\":{\"b\"}}",
    b"{\"a\":{1:1}}",
    b"{\"a\":{\"b\":[{}]]}}",
    b"{\"a\":[[[[]]]]}",
    b"{\"a\":[{\"b\":[{\"c\":[]}]}]}",
    b"{\"a\":{}, \"b\":[], \"c\":\"\", \"d\":0, \"e\":true, \"f\":false, \"g\":null}",
    b"[1,2]",
    b"[1,2,]",
    b"[",
    b"\"str\"",
    b"\"str",
    b"1",
    b"-",
    b"01",
    b"null",
    b"nul",
    b"true false",
];

#[test]
fn edge_cases() {
    for edge in EDGES {
        check(edge);
    }
}

/// Every byte that a string may not hold raw, and the quote, the backslash and a few that it may,
/// at every offset of a long string (the scanner reads strings eight bytes at a time).
#[test]
fn special_bytes_at_every_offset_of_a_string() {
    let mut bytes: Vec<u8> = (0..0x20).collect();
    bytes.extend_from_slice(b"\"\\ !\x7f\x80\xff");
    for byte in bytes {
        for offset in 0..24 {
            let mut input = b"{\"k\": \"".to_vec();
            input.extend(std::iter::repeat_n(b'a', offset));
            input.push(byte);
            input.extend_from_slice(b"bcdefghijklmnopqrstuvwxyz\"}");
            check(&input);
            // The same in a key, and in a nested value.
            let mut key = b"{\"".to_vec();
            key.extend(std::iter::repeat_n(b'a', offset));
            key.push(byte);
            key.extend_from_slice(b"bcdefghijklmnopqrstuvwxyz\": 1}");
            check(&key);
            let mut nested = b"{\"k\": [\"".to_vec();
            nested.extend(std::iter::repeat_n(b'a', offset));
            nested.push(byte);
            nested.extend_from_slice(b"bcdefghijklmnopqrstuvwxyz\"]}");
            check(&nested);
        }
    }
}

/// Valid bodies, each cut at every byte.
#[test]
fn every_prefix_of_valid_bodies() {
    let bodies: &[&str] = &[
        r#"{"code": 4000, "message": "(2130)非法ProjectID参数", "codeDesc": "x"}"#,
        r#"{"error_code": "21402", "request": "PUT /operators/", "message": "Operator already exists."}"#,
        r#"{"id": "8f2c1a9e", "code": "PARAM_ERROR", "message": "参数错误，可能是请求参数不正确。"}"#,
        "{\n    \"Response\": {\n        \"Error\": {\n            \"Code\": \"AuthFailure.SignatureFailure\",\n            \"Message\": \"The provided credentials could not be validated.\"\n        },\n        \"RequestId\": \"ed93f3cb-f35e-473f-b9f3-0d451b8b79c6\"\n    }\n}",
        r#"{"a": [1, -2.5e-3, true, false, null, "x\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00"], "b": {"c": {}, "d": []}, "\u0065": -0}"#,
        "\r\n\t {\"k\" : [ { } , [ ] ] , \"v\":1E+2 }\r\n",
    ];
    for body in bodies {
        assert!(check(body.as_bytes()), "{body}");
        for end in 0..body.len() {
            check(&body.as_bytes()[..end]);
        }
    }
}

/// The weight of the pieces that are not valid JSON: none in a clean text, a few in a dirty one.
fn bad(dirty: bool) -> u32 {
    u32::from(dirty)
}

fn ws(dirty: bool) -> BoxedStrategy<String> {
    prop_oneof![
        60 => Just(String::new()),
        40 => prop::collection::vec(prop::sample::select(vec![' ', '\n', '\t', '\r']), 1..4)
            .prop_map(|v| v.into_iter().collect()),
        // Not JSON white space.
        bad(dirty) => prop::sample::select(vec!["\u{c}", "\u{b}", "\u{a0}", "\u{feff}", "\u{0}", "\u{2028}"])
            .prop_map(str::to_owned),
    ]
    .boxed()
}

fn string_literal(dirty: bool) -> BoxedStrategy<String> {
    let piece = prop_oneof![
        80 => "[a-zA-Z0-9 _.()-]{0,6}",
        20 => prop::sample::select(vec!["非法", "é", "😀", "\u{7f}", "\u{80}", "\u{2028}", "\u{ffff}"])
            .prop_map(str::to_owned),
        30 => prop::sample::select(vec![
            r#"\""#, r"\\", r"\/", r"\b", r"\f", r"\n", r"\r", r"\t", r"\u00e9", r"\u0000",
            r"\u4E2D", r"\ud83d\ude00", r"\uD83D\uDE00", r"\u001f", r"\uffff",
        ])
        .prop_map(str::to_owned),
        // Escapes that are not Unicode: accepted when skipped, not decoded.
        20 => prop::sample::select(vec![
            r"\ud800", r"\udc00", r"\ud800\u0041", r"\ud800\ud800", r"\ud800\n", r"\udbff\udfff",
            r"\ud800\udbff\udc00", r"\ud800x", r"\udfff\ud800", r"\uDBFF",
        ])
        .prop_map(str::to_owned),
        // Not JSON.
        4 * bad(dirty) => prop::sample::select(vec![
            r"\x", r"\u12", r"\u12g4", r"\U0041", "\u{1}", "\t", "\n", r"\", r"\'", "\u{1f}", r"\u",
        ])
        .prop_map(str::to_owned),
    ];
    prop::collection::vec(piece, 0..5)
        .prop_map(|pieces| format!("\"{}\"", pieces.concat()))
        .boxed()
}

fn number(dirty: bool) -> BoxedStrategy<String> {
    prop_oneof![
        20 => "-?(0|[1-9][0-9]{0,22})(\\.[0-9]{1,4})?([eE][+-]?[0-9]{1,4})?",
        2 => prop::sample::select(vec!["1e999999", "-1e-999999", "123456789012345678901234567890",
            "18446744073709551616", "-9223372036854775809", "1E400", "-0", "0.0", "0e0"])
        .prop_map(str::to_owned),
        4 * bad(dirty) => prop::sample::select(vec![
            "01", "-", "1.", "1e", "1e+", ".5", "+1", "1.5.3", "0x10", "-01", "00", "1e999999",
            "-1e-999999", "123456789012345678901234567890", "18446744073709551616",
            "-9223372036854775809", "1E400", "Infinity", "NaN", "--1", "1ee5", "1e5.5", "-0",
            "0.0", "0e0", "1.e5", "-.5", "1_000", "1 000",
        ])
        .prop_map(str::to_owned),
    ]
    .boxed()
}

fn literal(dirty: bool) -> BoxedStrategy<String> {
    prop_oneof![
        20 => prop::sample::select(vec!["true", "false", "null"]).prop_map(str::to_owned),
        4 * bad(dirty) => prop::sample::select(vec!["tru", "nul", "True", "nulll", "fals"])
            .prop_map(str::to_owned),
    ]
    .boxed()
}

fn key(dirty: bool) -> BoxedStrategy<String> {
    prop_oneof![
        40 => prop::sample::select(vec![
            "\"code\"", "\"message\"", "\"id\"", "\"Response\"", "\"Error\"", "\"co\\u0064e\"",
        ])
        .prop_map(str::to_owned),
        20 => string_literal(dirty),
        // Not a string.
        4 * bad(dirty) => prop::sample::select(vec!["code", "1", "'a'", "null", "{}"]).prop_map(str::to_owned),
    ]
    .boxed()
}

/// The members of an object, with white space, rendered.
fn members(value: BoxedStrategy<String>, dirty: bool) -> BoxedStrategy<String> {
    (
        prop::collection::vec(
            (
                ws(dirty),
                key(dirty),
                ws(dirty),
                ws(dirty),
                value,
                ws(dirty),
            ),
            0..6,
        ),
        ws(dirty),
        if dirty {
            prop::sample::select(vec!["", "", "", "", "", "", "", "", "", ",", ":"])
        } else {
            prop::sample::select(vec![""])
        },
    )
        .prop_map(|(members, empty, trailing)| {
            let mut text = String::from("{");
            if members.is_empty() {
                text.push_str(&empty);
            }
            let rendered: Vec<String> = members
                .into_iter()
                .map(|(a, k, b, c, v, d)| format!("{a}{k}{b}:{c}{v}{d}"))
                .collect();
            text.push_str(&rendered.join(","));
            text.push_str(trailing);
            text.push('}');
            text
        })
        .boxed()
}

fn value(dirty: bool) -> BoxedStrategy<String> {
    let leaf = prop_oneof![3 => string_literal(dirty), 3 => number(dirty), 1 => literal(dirty)];
    leaf.prop_recursive(5, 64, 6, move |inner| {
        prop_oneof![
            (
                prop::collection::vec((ws(dirty), inner.clone(), ws(dirty)), 0..6),
                ws(dirty),
                if dirty {
                    prop::sample::select(vec!["", "", "", "", "", "", "", "", "", ","])
                } else {
                    prop::sample::select(vec![""])
                },
            )
                .prop_map(|(items, empty, trailing)| {
                    let rendered: Vec<String> = items
                        .into_iter()
                        .map(|(a, v, b)| format!("{a}{v}{b}"))
                        .collect();
                    if rendered.is_empty() {
                        format!("[{empty}{trailing}]")
                    } else {
                        format!("[{}{trailing}]", rendered.join(","))
                    }
                }),
            members(inner, dirty),
        ]
    })
    .boxed()
}

/// A whole text: mostly an object, between white space, sometimes followed by something.
fn document() -> BoxedStrategy<String> {
    prop_oneof![document_of(false), document_of(true)].boxed()
}

/// A clean text (valid JSON but for the numbers out of range and the lone surrogates, which
/// `serde_json` accepts while skipping) or a dirty one.
fn document_of(dirty: bool) -> BoxedStrategy<String> {
    (
        ws(dirty),
        prop_oneof![9 => members(value(dirty), dirty), 1 => value(dirty)],
        ws(dirty),
        prop_oneof![
            12 => Just(String::new()),
            bad(dirty) => prop::sample::select(vec!["x", "}", ",", "{}", "\u{0}", " 1", "\"\"", "]", "\u{ff}"])
                .prop_map(str::to_owned),
        ],
    )
        .prop_map(|(a, v, b, tail)| format!("{a}{v}{b}{tail}"))
        .boxed()
}

/// What to do to a generated text's bytes.
#[derive(Debug, Clone)]
enum Mutation {
    None,
    Truncate(usize),
    Replace(usize, u8),
    Insert(usize, u8),
    Delete(usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let byte = prop_oneof![
        prop::sample::select(b"{}[]\":,\\ 0-eE.tfnu\n\x00\x1f\x80\xff".to_vec()),
        any::<u8>()
    ];
    prop_oneof![
        10 => Just(Mutation::None),
        2 => any::<usize>().prop_map(Mutation::Truncate),
        1 => (any::<usize>(), byte.clone()).prop_map(|(i, b)| Mutation::Replace(i, b)),
        1 => (any::<usize>(), byte).prop_map(|(i, b)| Mutation::Insert(i, b)),
        1 => any::<usize>().prop_map(Mutation::Delete),
    ]
}

fn mutate(text: &str, mutation: &Mutation) -> Vec<u8> {
    let mut bytes = text.as_bytes().to_vec();
    let len = bytes.len();
    match *mutation {
        Mutation::Truncate(i) => bytes.truncate(i % (len + 1)),
        Mutation::Replace(i, b) if len > 0 => bytes[i % len] = b,
        Mutation::Insert(i, b) => bytes.insert(i % (len + 1), b),
        Mutation::Delete(i) if len > 0 => {
            bytes.remove(i % len);
        }
        Mutation::None | Mutation::Replace(..) | Mutation::Delete(_) => {}
    }
    bytes
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..48)) {
        check(&bytes);
    }

    #[test]
    fn bytes_of_json_alphabet(
        bytes in prop::collection::vec(
            prop::sample::select(
                b"{{{}}}[]\"\"\"\":::,,,0123456789-+.eE tfnrulase\\\\u/b\n\t\r\x00\x1f\xff\xc3\xa9".to_vec(),
            ),
            0..40,
        )
    ) {
        check(&bytes);
    }

    #[test]
    fn bytes_after_an_object_start(
        bytes in prop::collection::vec(
            prop::sample::select(b"{}[]\"\"\"\"::,,0123-.e tfnul\\u\n\xff".to_vec()),
            0..40,
        )
    ) {
        let mut input = b"{\"k\":".to_vec();
        input.extend_from_slice(&bytes);
        check(&input);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 6000, ..ProptestConfig::default() })]

    #[test]
    fn json_ish_texts(text in document(), mutation in mutation()) {
        check(&mutate(&text, &mutation));
    }
}

/// Most generated texts should be valid, or the property says little about members.
#[test]
fn generated_texts_are_often_valid() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;

    let mut runner = TestRunner::deterministic();
    let strategy = document();
    let mut valid = 0;
    let mut objects_with_members = 0;
    for _ in 0..1000 {
        let text = strategy.new_tree(&mut runner).expect("a text").current();
        if check(text.as_bytes()) {
            valid += 1;
            if text.trim().starts_with('{') && text.contains(':') {
                objects_with_members += 1;
            }
        }
    }
    eprintln!("{valid} valid, {objects_with_members} objects with members, of 1000");
    assert!(valid > 500, "{valid} valid texts of 1000");
    assert!(objects_with_members > 300, "{objects_with_members}");
}

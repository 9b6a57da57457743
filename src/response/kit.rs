//! The reading kit the families share: the documented headers found in a response (slots by
//! header), and the body's JSON fields read in one pass, strings borrowed where they have no
//! escape.

use std::borrow::Cow;
use std::fmt;

use serde::Deserialize;
use serde_json::value::RawValue;

use super::{HeaderPair, MAX_BODY, ParseError, ParsedError, Problem, Problems};
use crate::tables::HEADER_COUNT;
use crate::{Family, HeaderRole, catalog};

// ---------------------------------------------------------------------------------------------
// Headers

/// The documented headers found in a response: the first value of each, by header slot.
pub(crate) struct Headers<'a> {
    values: [Option<&'a [u8]>; HEADER_COUNT],
}

impl<'a> Headers<'a> {
    pub(crate) fn scan<H>(headers: H) -> Self
    where
        H: IntoIterator,
        H::Item: HeaderPair<'a>,
    {
        let mut found = Self {
            values: [None; HEADER_COUNT],
        };
        for pair in headers {
            let Some(header) = catalog::header(pair.name()) else {
                continue;
            };
            if let Some(slot) = found.values.get_mut(header.slot) {
                slot.get_or_insert(pair.value());
            }
        }
        found
    }

    /// The first value of `family`'s header that carries `role`.
    pub(crate) fn get(&self, family: Family, role: HeaderRole) -> Option<&'a [u8]> {
        family
            .headers()
            .filter(|h| h.carries() == role)
            .find_map(|h| self.values.get(h.slot).copied().flatten())
    }

    /// Whether the response carries any header `family` documents.
    pub(crate) fn has_any(&self, family: Family) -> bool {
        family
            .headers()
            .any(|h| self.values.get(h.slot).copied().flatten().is_some())
    }
}

/// A header value as text: borrowed when UTF-8, else lossily converted.
pub(crate) fn header_text<'a>(value: &'a [u8], problems: &mut Problems) -> Cow<'a, str> {
    let text = String::from_utf8_lossy(value);
    if matches!(text, Cow::Owned(_)) {
        problems.add(Problem::HeaderNotUtf8);
    }
    text
}

// ---------------------------------------------------------------------------------------------
// Body

/// Every top-level field any vendor uses: scalars unparsed, Tencent Cloud's objects parsed in the
/// same pass (so that an error inside them is reported at its position in the body, and so that
/// nothing is allocated to skip over them).
#[derive(Default, Deserialize)]
pub(crate) struct Fields<'a> {
    #[serde(borrow, rename = "Response")]
    pub(crate) response: Option<Nested<TencentResponse<'a>>>,
    #[serde(borrow, rename = "Error")]
    pub(crate) error: Option<Nested<TencentError<'a>>>,
    #[serde(borrow, rename = "RequestId")]
    pub(crate) request_id: Option<&'a RawValue>,
    #[serde(borrow)]
    pub(crate) error_code: Option<&'a RawValue>,
    #[serde(borrow)]
    pub(crate) request: Option<&'a RawValue>,
    #[serde(borrow)]
    pub(crate) message: Option<&'a RawValue>,
    #[serde(borrow)]
    pub(crate) code: Option<&'a RawValue>,
    #[serde(borrow)]
    pub(crate) id: Option<&'a RawValue>,
}

/// A field that is either an object of type `T` or anything else, which is skipped. (Capturing
/// a nested object as `&RawValue` would make `serde_json` allocate to skip its inside.)
#[derive(Default)]
pub(crate) enum Nested<T> {
    Object(T),
    #[default]
    Other,
}

pub(crate) fn is_object<T>(field: Option<&Nested<T>>) -> bool {
    matches!(field, Some(Nested::Object(_)))
}

impl<T> Nested<T> {
    pub(crate) fn object(&self) -> Option<&T> {
        match self {
            Self::Object(t) => Some(t),
            Self::Other => None,
        }
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Nested<T> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visit<T>(std::marker::PhantomData<T>);

        impl<'de, T: Deserialize<'de>> serde::de::Visitor<'de> for Visit<T> {
            type Value = Nested<T>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("any JSON value")
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> Result<Self::Value, A::Error> {
                T::deserialize(serde::de::value::MapAccessDeserializer::new(map))
                    .map(Nested::Object)
            }

            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Self::Value, A::Error> {
                while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {}
                Ok(Nested::Other)
            }

            fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
                Ok(Nested::Other)
            }

            fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
                Ok(Nested::Other)
            }

            fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
                Ok(Nested::Other)
            }

            fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
                Ok(Nested::Other)
            }

            fn visit_str<E>(self, _: &str) -> Result<Self::Value, E> {
                Ok(Nested::Other)
            }

            fn visit_unit<E>(self) -> Result<Self::Value, E> {
                Ok(Nested::Other)
            }
        }

        deserializer.deserialize_any(Visit(std::marker::PhantomData))
    }
}

/// The fields of a Tencent Cloud API 3.0 `Response` object.
#[derive(Default, Deserialize)]
pub(crate) struct TencentResponse<'a> {
    #[serde(borrow, rename = "Error")]
    pub(crate) error: Option<Nested<TencentError<'a>>>,
    #[serde(borrow, rename = "RequestId")]
    pub(crate) request_id: Option<&'a RawValue>,
}

/// The fields of a Tencent Cloud API 3.0 `Error` object.
#[derive(Clone, Copy, Default, Deserialize)]
pub(crate) struct TencentError<'a> {
    #[serde(borrow, rename = "Code")]
    pub(crate) code: Option<&'a RawValue>,
    #[serde(borrow, rename = "Message")]
    pub(crate) message: Option<&'a RawValue>,
}

pub(crate) struct Body<'a> {
    /// `None` when the body is not a JSON object (empty, HTML, text, too large).
    pub(crate) fields: Option<Fields<'a>>,
    pub(crate) too_large: bool,
}

impl<'a> Body<'a> {
    /// Reads the body. It is JSON when it starts (after white space) with `{`; such a body that
    /// does not parse is an error, since it was meant to be read.
    pub(crate) fn read(bytes: &'a [u8], family: Option<Family>) -> Result<Self, ParseError> {
        if bytes.len() > MAX_BODY {
            return if family.is_some() {
                Ok(Self {
                    fields: None,
                    too_large: true,
                })
            } else {
                Err(ParseError::BodyTooLarge {
                    len: bytes.len(),
                    limit: MAX_BODY,
                })
            };
        }
        // Aliyun reports in headers: its body is whatever the backend sent, and not read.
        if family == Some(Family::AliyunApiGateway) {
            return Ok(Self {
                fields: None,
                too_large: false,
            });
        }
        let looks_json = bytes
            .iter()
            .find(|b| !b.is_ascii_whitespace())
            .is_some_and(|&b| b == b'{');
        if !looks_json {
            return Ok(Self {
                fields: None,
                too_large: false,
            });
        }
        match serde_json::from_slice::<Fields<'a>>(bytes) {
            Ok(fields) => Ok(Self {
                fields: Some(fields),
                too_large: false,
            }),
            // A Cloudbypass failure may carry the target site's own page, broken JSON included.
            Err(_) if family == Some(Family::CloudbypassApi) => Ok(Self {
                fields: None,
                too_large: false,
            }),
            Err(source) => Err(ParseError::Json { family, source }),
        }
    }

    /// The first family, in registry order and among `candidates`, whose body shape this is.
    pub(crate) fn family(&self, candidates: impl Fn(&Family) -> bool) -> Option<Family> {
        let fields = self.fields.as_ref()?;
        Family::ALL
            .into_iter()
            .filter(candidates)
            .find(|f| f.detect_body(fields))
    }
}

/// A JSON integer, or a string of ASCII digits; optionally negative.
pub(crate) fn is_numeric(raw: &RawValue) -> bool {
    let text = raw.get();
    let inner = text
        .strip_prefix('"')
        .and_then(|t| t.strip_suffix('"'))
        .unwrap_or(text);
    let digits = inner.strip_prefix('-').unwrap_or(inner);
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
}

/// The part of `text` that `part` picks, borrowed from the input when `text` is.
pub(crate) fn sub_cow<'a>(
    text: &Cow<'a, str>,
    part: fn(&str) -> Option<&str>,
) -> Option<Cow<'a, str>> {
    match text {
        Cow::Borrowed(t) => part(t).map(Cow::Borrowed),
        Cow::Owned(t) => part(t).map(|p| Cow::Owned(p.to_owned())),
    }
}

/// A scalar field as text: a string unescaped (borrowed when it has no escapes; kept as written
/// when an escape is not Unicode), a number as written, a boolean as written but flagged `wrong`;
/// `null` is absent; an object or array is flagged `wrong` and dropped.
pub(crate) fn scalar<'a>(
    raw: Option<&'a RawValue>,
    wrong: Problem,
    problems: &mut Problems,
) -> Option<Cow<'a, str>> {
    let text = raw?.get();
    match text.as_bytes().first() {
        // The common case: no escapes, so the text between the quotes is the value.
        Some(b'"') if !text.contains('\\') => Some(Cow::Borrowed(&text[1..text.len() - 1])),
        Some(b'"') => Some(
            serde_json::from_str::<&'a str>(text)
                .map(Cow::Borrowed)
                .or_else(|_| serde_json::from_str::<String>(text).map(Cow::Owned))
                .unwrap_or_else(|_| {
                    problems.add(Problem::InvalidEscape);
                    Cow::Borrowed(&text[1..text.len() - 1])
                }),
        ),
        Some(b'n') => None,
        Some(b't' | b'f') => {
            problems.add(wrong);
            Some(Cow::Borrowed(text))
        }
        Some(b'{' | b'[') | None => {
            problems.add(wrong);
            None
        }
        Some(_) => Some(Cow::Borrowed(text)),
    }
}

pub(crate) fn unread_body_of_200_vendor(err: &mut ParsedError<'_>, body: &Body<'_>) -> bool {
    if body.too_large && err.status.is_none_or(|s| s < 400) {
        return true;
    }
    if !body.too_large {
        err.problems.add(Problem::BodyUnreadable);
    }
    err.finish();
    false
}

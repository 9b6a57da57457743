//! The reading kit's JSON reader: a validating, allocation-free reader of the members of a JSON
//! object, strings borrowed as `&str`, numbers as their text.
//!
//! [`read_object`] validates a whole JSON text and hands each member of its top-level object to a
//! callback ([`Member`]): the key decoded (borrowed unless it has escapes), the value borrowed from
//! the input ([`Value`]): a string's text between its quotes, a number's text as written, a nested
//! object or array as its text and offset.
//!
//! [`Fields`] names the keys the caller reads, as a `#[derive(Deserialize)]` struct's fields: a
//! member says which of them it is, a second one in the same object is an error (as for the
//! derive), and the objects named as [nested](Fields::nested) are read in the same pass, their
//! members handed over just before them. [`Object::read`] reads a nested object again, reporting
//! positions in the whole input.
//!
//! # What is accepted
//!
//! Exactly the texts that `serde_json::from_slice::<serde::de::IgnoredAny>` accepts (JSON white
//! space around the value, no trailing characters, no control characters in strings, only JSON's
//! escapes, numbers in JSON's grammar of any size, nesting at any depth), except one: that reading
//! does not check that the bytes of a string are UTF-8, and this one does (it lends `&str`s). On
//! invalid input the error is the one `serde_json` gives:
//!
//! - a syntax error: the error of `serde_json::from_slice::<IgnoredAny>`, message, line and column;
//! - otherwise invalid UTF-8: `serde_json`'s "invalid unicode code point" at the line and column of
//!   the first invalid byte (as `serde_json::from_slice::<&RawValue>` reports it);
//! - a duplicate of one of the fields the caller reads: the error a `#[derive(Deserialize)]`
//!   struct with those fields gives, at the same line and column.
//!
//! Errors are rare, so they are found by running `serde_json` on the input again: only that path
//! allocates. The fast path does not allocate, except to decode a key that has escapes, and does
//! not recurse: nested values are skipped with a bit stack of brackets that lives on the stack (a
//! small one, then, past 128 levels, 8 KiB of it, then past 65,536 levels a scan from the start of
//! the value to recover the kinds of the enclosing brackets).

// `explain` uses the top-level reading; the rest of the reader's API (re-reading a nested object,
// `Fields::NONE`, `Flow::Stop`, offsets) is held to its contract by the tests below.
#![cfg_attr(
    not(test),
    allow(
        dead_code,
        reason = "part of the reader's API is used only by its tests"
    )
)]

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, IgnoredAny};
use serde_json::Error;

/// A member's value, borrowed from the input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Value<'a> {
    /// A string: the text between the quotes, escapes not decoded ([`unescape`] decodes them).
    Str {
        /// The text between the quotes, as written.
        raw: &'a str,
        /// Whether `raw` holds an escape (a backslash).
        escaped: bool,
    },
    /// A number exactly as written (`4000`, `-1.5e3`), in JSON's grammar, of any size.
    Number(&'a str),
    /// `true` or `false`.
    Bool(bool),
    /// `null`.
    Null,
    /// An object, validated; [`Object::read`] reads its members.
    Object(Object<'a>),
    /// An array, validated.
    Array(Array<'a>),
}

/// A nested object: its text, where it is in the whole input, and a way to read its members
/// that reports errors at their positions in the whole input.
#[derive(Clone, Copy)]
pub struct Object<'a> {
    /// The whole input.
    input: &'a str,
    /// The offset of `{` in `input`.
    start: usize,
    /// The offset just past `}` in `input`.
    end: usize,
}

/// A nested array: its text and where it is in the whole input.
#[derive(Clone, Copy)]
pub struct Array<'a> {
    /// The whole input.
    input: &'a str,
    /// The offset of `[` in `input`.
    start: usize,
    /// The offset just past `]` in `input`.
    end: usize,
}

macro_rules! nested_common {
    ($ty:ident, $open:literal, $close:literal) => {
        impl<'a> $ty<'a> {
            #[doc = concat!("Its text, from `", $open, "` to `", $close, "` inclusive.")]
            #[must_use]
            pub fn text(&self) -> &'a str {
                self.input.get(self.start..self.end).unwrap_or_default()
            }

            #[doc = concat!("The byte offset of its `", $open, "` in the whole input.")]
            #[must_use]
            pub fn offset(&self) -> usize {
                self.start
            }
        }

        /// Shows the text and the offset (not the whole input).
        impl fmt::Debug for $ty<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.debug_struct(stringify!($ty))
                    .field("text", &self.text())
                    .field("offset", &self.start)
                    .finish()
            }
        }

        /// Equal when the text and the offset are.
        impl PartialEq for $ty<'_> {
            fn eq(&self, other: &Self) -> bool {
                self.start == other.start && self.text() == other.text()
            }
        }

        impl Eq for $ty<'_> {}
    };
}

nested_common!(Object, "{", "}");
nested_common!(Array, "[", "]");

impl<'a> Object<'a> {
    /// Reads its members as [`read_object`] reads the top-level object's, with `fields`. It was
    /// validated when it was read, so the only errors are a duplicate field, reported at its
    /// position in the whole input, and the callback's own.
    ///
    /// (Reading a nested object through [`Fields::nested`] instead reads it in the same pass as
    /// its parent.)
    ///
    /// # Errors
    ///
    /// The error of a `#[derive(Deserialize)]` struct with `fields` reading this object, for a
    /// duplicate field; the callback's error, as it is.
    pub fn read<F>(&self, fields: &Fields<'_>, mut member: F) -> Result<(), Error>
    where
        F: FnMut(Member<'a>) -> Result<Flow, Error>,
    {
        let mut scan = Scan {
            text: self.input,
            pos: self.start,
            calling: true,
        };
        scan.members(fields, &mut member)
            .map_err(|fail| fail.into_error(self.input.as_bytes()))
    }
}

/// The fields a caller reads in an object, as a `#[derive(Deserialize)]` struct's, and the
/// objects among them that it reads in the same pass. Built by [`Fields::new`].
///
/// ```text
///
/// // Tencent Cloud API 3.0: `{"Response": {"Error": {"Code": .., "Message": ..}, "RequestId": ..}}`.
/// const ERROR: Fields = Fields::new(2, &["Code", "Message"], &[]);
/// const RESPONSE: Fields = Fields::new(1, &["Error", "RequestId"], &[(0, ERROR)]);
/// const BODY: Fields = Fields::new(0, &["Response"], &[(0, RESPONSE)]);
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Fields<'s> {
    /// Tells the callback which object a member is in ([`Member::object`]).
    pub id: usize,
    /// The keys read: a member whose key is one of them says which ([`Member::field`]), and one of
    /// them appearing twice in the object fails the reading as it fails a derived struct, with
    /// serde's "duplicate field" at the second key. At most 64.
    pub names: &'s [&'static str],
    /// `(i, fields)`: when the value of `names[i]` is an object, its members are read with
    /// `fields` as it is scanned, and handed over before it.
    pub nested: &'s [(usize, Fields<'s>)],
    /// `by_len[n]`: the names of `n` bytes (`LONG` and more: `by_len[LONG]`), a bit each, so that
    /// a key is compared only with the names of its length.
    by_len: [u64; LONG + 1],
    /// The names that have `nested` fields, a bit each.
    has_nested: u64,
}

/// Names of this many bytes or more share the last of `Fields::by_len`.
const LONG: usize = 31;

impl<'s> Fields<'s> {
    /// No field: every member is handed over with no [`Member::field`], and nothing is checked
    /// for duplicates.
    pub const NONE: Fields<'static> = Fields::new(0, &[], &[]);

    /// The fields `names` of the object `id`, and the `nested` objects read in the same pass
    /// (see the fields' docs).
    ///
    /// # Panics
    ///
    /// At compile time (it is meant for a `const`): over 64 names, or a `nested` index that is not
    /// one of them.
    #[must_use]
    pub const fn new(
        id: usize,
        names: &'s [&'static str],
        nested: &'s [(usize, Fields<'s>)],
    ) -> Self {
        assert!(names.len() <= 64, "at most 64 fields");
        let mut by_len = [0; LONG + 1];
        let mut i = 0;
        while i < names.len() {
            let len = names[i].len();
            by_len[if len < LONG { len } else { LONG }] |= 1 << i;
            i += 1;
        }
        let mut has_nested = 0;
        let mut n = 0;
        while n < nested.len() {
            assert!(
                nested[n].0 < names.len(),
                "a nested field is one of the names"
            );
            has_nested |= 1 << nested[n].0;
            n += 1;
        }
        Self {
            id,
            names,
            nested,
            by_len,
            has_nested,
        }
    }

    /// The index of `key` in `names`.
    #[inline]
    fn find(&self, key: &str) -> Option<usize> {
        let key = key.as_bytes();
        let mut candidates = self.by_len[key.len().min(LONG)];
        while candidates != 0 {
            let i = candidates.trailing_zeros() as usize;
            let name = self.names[i].as_bytes();
            // The first byte first: names of one length mostly differ there.
            if name.first() == key.first() && name == key {
                return Some(i);
            }
            candidates &= candidates - 1;
        }
        None
    }

    /// The fields read in the object that is the value of field `i`, if any.
    #[inline]
    fn nested_in(&self, i: usize) -> Option<&Fields<'s>> {
        if self.has_nested & 1 << i == 0 {
            return None;
        }
        self.nested
            .iter()
            .find(|(f, _)| *f == i)
            .map(|(_, inner)| inner)
    }
}

/// A member of an object, handed to the callback.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Member<'a> {
    /// The [`Fields::id`] of the object it is in.
    pub object: usize,
    /// The index of its key in that object's [`Fields::names`], if it is one of them.
    pub field: Option<usize>,
    /// Its key, decoded: borrowed when it has no escape; a `\u` escape in it that is not Unicode
    /// (a lone surrogate) is U+FFFD.
    pub key: Cow<'a, str>,
    /// Its value.
    pub value: Value<'a>,
}

/// What the callback tells the reader after a member.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flow {
    /// Hand over the next member.
    Continue,
    /// The caller has all it needs: no more members are handed over, but the rest of the input is
    /// still validated, duplicate fields included.
    Stop,
}

/// Decodes a string value: borrowed when it has no escape (`escaped` false), owned when it has;
/// `None` when an escape is not Unicode (a lone surrogate like `\ud800`), which `serde_json`
/// accepts while skipping but not when decoding into a `String`.
///
/// `raw` is meant to come from [`Value::Str`]; any other text with an escape that is not JSON's
/// also gives `None`.
#[must_use]
pub fn unescape(raw: &str, escaped: bool) -> Option<Cow<'_, str>> {
    if escaped {
        decode(raw, false).map(Cow::Owned)
    } else {
        Some(Cow::Borrowed(raw))
    }
}

/// Reads a JSON text whose top level is an object, calling `member` for each member of that
/// object, in order, until it returns [`Flow::Stop`]; and, in the same pass, for each member of
/// the objects `fields` names as [nested](Fields::nested), just before the member holding that
/// object.
///
/// `fields` are the keys read, as a `#[derive(Deserialize)]` struct's fields ([`Fields::NONE`]
/// for none): a duplicate of one of them fails the reading as it fails a derived struct, with
/// the same error, at the same position; and errors come in the order of the input, as they do
/// for a derived struct.
///
/// The whole input is validated (see the [module docs](self#what-is-accepted)), including after
/// a [`Flow::Stop`]. Returns `Ok(true)` for an object; `Ok(false)`, with no member handed over,
/// for valid JSON whose top level is not an object.
///
/// # Errors
///
/// The `serde_json` error for invalid input (see the [module docs](self#what-is-accepted)) or
/// for a duplicate field; the callback's error, as it is.
pub fn read_object<'a, F>(
    input: &'a [u8],
    fields: &Fields<'_>,
    mut member: F,
) -> Result<bool, Error>
where
    F: FnMut(Member<'a>) -> Result<Flow, Error>,
{
    let Ok(text) = std::str::from_utf8(input) else {
        return Err(invalid_error(input));
    };
    let mut scan = Scan {
        text,
        pos: 0,
        calling: true,
    };
    scan.document(fields, &mut member)
        .map_err(|fail| fail.into_error(input))
}

// ---------------------------------------------------------------------------------------------
// The scanner

/// Why the scanner stopped early.
#[derive(Debug)]
enum Fail {
    /// Not valid JSON: `serde_json` tells why and where.
    Invalid,
    /// Deeper than the small bracket stack holds: skip the value again with the deep one.
    Deep,
    /// The key of the member at `index` (0-based) of the object at `start` is a second `field`.
    Duplicate {
        start: usize,
        index: usize,
        field: &'static str,
    },
    /// The callback's error.
    Callback(Error),
}

impl Fail {
    /// The error to return for `input`.
    fn into_error(self, input: &[u8]) -> Error {
        match self {
            Self::Duplicate {
                start,
                index,
                field,
            } => duplicate_error(input, start, index, field),
            Self::Callback(err) => err,
            Self::Invalid | Self::Deep => invalid_error(input),
        }
    }
}

/// A position in a UTF-8 input.
struct Scan<'a> {
    text: &'a str,
    pos: usize,
    /// Whether the callback still wants members (it has not said [`Flow::Stop`]).
    calling: bool,
}

impl<'a> Scan<'a> {
    #[inline]
    fn bytes(&self) -> &'a [u8] {
        self.text.as_bytes()
    }

    #[inline]
    fn peek(&self) -> Option<u8> {
        self.bytes().get(self.pos).copied()
    }

    /// The text from `start` to the current position. Scanning only stops after an ASCII byte
    /// or before one, or at the end, so the slice is always on character boundaries.
    #[inline]
    fn since(&self, start: usize) -> Result<&'a str, Fail> {
        self.text.get(start..self.pos).ok_or(Fail::Invalid)
    }

    #[inline]
    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\n' | b'\t' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    #[inline]
    fn eat(&mut self, byte: u8) -> Result<(), Fail> {
        if self.peek() == Some(byte) {
            self.pos += 1;
            Ok(())
        } else {
            Err(Fail::Invalid)
        }
    }

    /// The whole input: one value between white space. Whether it is an object.
    fn document<F>(&mut self, fields: &Fields<'_>, member: &mut F) -> Result<bool, Fail>
    where
        F: FnMut(Member<'a>) -> Result<Flow, Error>,
    {
        self.skip_ws();
        let is_object = if self.peek() == Some(b'{') {
            self.members(fields, member)?;
            true
        } else {
            self.value()?;
            false
        };
        self.skip_ws();
        if self.pos == self.text.len() {
            Ok(is_object)
        } else {
            Err(Fail::Invalid)
        }
    }

    /// The object at the current position (`{`), handing its members over. Recurses only into
    /// the objects `fields` names, so as deep as `fields` is nested.
    fn members<F>(&mut self, fields: &Fields<'_>, member: &mut F) -> Result<(), Fail>
    where
        F: FnMut(Member<'a>) -> Result<Flow, Error>,
    {
        let object = self.pos;
        self.eat(b'{')?;
        self.skip_ws();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(());
        }
        let mut index = 0;
        // The fields seen so far, a bit each.
        let mut seen = 0u64;
        loop {
            self.eat(b'"')?;
            let (raw_key, escaped) = self.string()?;
            let key = if escaped {
                Cow::Owned(decode(raw_key, true).unwrap_or_default())
            } else {
                Cow::Borrowed(raw_key)
            };
            // A duplicate field fails at its key, before its value is read, as in a derived
            // struct.
            let field = fields.find(&key);
            if let Some(i) = field {
                if seen & 1 << i != 0 {
                    return Err(Fail::Duplicate {
                        start: object,
                        index,
                        field: fields.names[i],
                    });
                }
                seen |= 1 << i;
            }
            self.skip_ws();
            self.eat(b':')?;
            self.skip_ws();
            let start = self.pos;
            let nested = field.and_then(|i| fields.nested_in(i));
            let value = match nested {
                Some(inner) if self.peek() == Some(b'{') => {
                    self.members(inner, member)?;
                    Value::Object(Object {
                        input: self.text,
                        start,
                        end: self.pos,
                    })
                }
                _ => self.value()?,
            };
            if self.calling {
                let flow = member(Member {
                    object: fields.id,
                    field,
                    key,
                    value,
                });
                match flow {
                    Ok(Flow::Continue) => {}
                    Ok(Flow::Stop) => self.calling = false,
                    Err(err) => return Err(Fail::Callback(err)),
                }
            }
            index += 1;
            self.skip_ws();
            match self.peek() {
                Some(b',') => {
                    self.pos += 1;
                    self.skip_ws();
                }
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(());
                }
                _ => return Err(Fail::Invalid),
            }
        }
    }

    /// The value at the current position (not white space).
    fn value(&mut self) -> Result<Value<'a>, Fail> {
        let start = self.pos;
        match self.peek() {
            Some(b'"') => {
                self.pos += 1;
                let (raw, escaped) = self.string()?;
                Ok(Value::Str { raw, escaped })
            }
            Some(b'-' | b'0'..=b'9') => {
                self.number()?;
                Ok(Value::Number(self.since(start)?))
            }
            Some(b't') => self.literal(b"true", Value::Bool(true)),
            Some(b'f') => self.literal(b"false", Value::Bool(false)),
            Some(b'n') => self.literal(b"null", Value::Null),
            Some(b'{') => {
                self.container()?;
                Ok(Value::Object(Object {
                    input: self.text,
                    start,
                    end: self.pos,
                }))
            }
            Some(b'[') => {
                self.container()?;
                Ok(Value::Array(Array {
                    input: self.text,
                    start,
                    end: self.pos,
                }))
            }
            _ => Err(Fail::Invalid),
        }
    }

    #[inline]
    fn literal(&mut self, word: &[u8], value: Value<'a>) -> Result<Value<'a>, Fail> {
        if self
            .bytes()
            .get(self.pos..)
            .is_some_and(|rest| rest.starts_with(word))
        {
            self.pos += word.len();
            Ok(value)
        } else {
            Err(Fail::Invalid)
        }
    }

    /// A string's content, the opening quote consumed: the text before the closing quote (which
    /// is consumed) and whether it holds an escape.
    #[allow(
        clippy::inline_always,
        reason = "measured: a call's set-up costs as much as scanning a short key, and explain \
                  ran 60 to 150 instructions slower when the compiler did not inline it"
    )]
    #[inline(always)]
    fn string(&mut self) -> Result<(&'a str, bool), Fail> {
        let start = self.pos;
        let mut escaped = false;
        loop {
            self.pos = find_special(self.bytes(), self.pos);
            match self.peek() {
                Some(b'"') => {
                    let raw = self.since(start)?;
                    self.pos += 1;
                    return Ok((raw, escaped));
                }
                Some(b'\\') => {
                    escaped = true;
                    self.pos += 1;
                    self.escape()?;
                }
                // A control character, or the end of the input.
                _ => return Err(Fail::Invalid),
            }
        }
    }

    /// An escape, the backslash consumed. `\u` takes any four hex digits (a lone surrogate too).
    fn escape(&mut self) -> Result<(), Fail> {
        match self.peek() {
            Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => {
                self.pos += 1;
                Ok(())
            }
            Some(b'u') => match self.bytes().get(self.pos + 1..self.pos + 5) {
                Some(hex) if hex.iter().all(u8::is_ascii_hexdigit) => {
                    self.pos += 5;
                    Ok(())
                }
                _ => Err(Fail::Invalid),
            },
            _ => Err(Fail::Invalid),
        }
    }

    /// A number: `-`? (`0` | [1-9][0-9]*) (`.` [0-9]+)? ([eE] [+-]? [0-9]+)?, with no digit
    /// after a leading `0`.
    fn number(&mut self) -> Result<(), Fail> {
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek() {
            Some(b'0') => {
                self.pos += 1;
                if let Some(b'0'..=b'9') = self.peek() {
                    return Err(Fail::Invalid);
                }
            }
            Some(b'1'..=b'9') => {
                self.pos += 1;
                self.digits();
            }
            _ => return Err(Fail::Invalid),
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if !self.digits() {
                return Err(Fail::Invalid);
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            if !self.digits() {
                return Err(Fail::Invalid);
            }
        }
        Ok(())
    }

    /// Skips ASCII digits; whether there was one.
    #[inline]
    fn digits(&mut self) -> bool {
        let start = self.pos;
        while let Some(b'0'..=b'9') = self.peek() {
            self.pos += 1;
        }
        self.pos > start
    }

    /// Validates and skips the object or array at the current position.
    fn container(&mut self) -> Result<(), Fail> {
        let start = self.pos;
        match self.skip_nested(&mut Shallow::default()) {
            Err(Fail::Deep) => self.skip_deep(start),
            done => done,
        }
    }

    /// Skips the container at `start` again, with the deep bracket stack.
    #[cold]
    #[inline(never)]
    fn skip_deep(&mut self, start: usize) -> Result<(), Fail> {
        self.pos = start;
        let mut stack = Deep::<DEEP_WORDS>::new(self.bytes(), start);
        self.skip_nested(&mut stack)
    }

    /// Validates and skips the object or array at the current position, without recursion: the
    /// state is the kind of each open bracket, in `stack`. Accepts what `serde_json`'s
    /// `ignore_value` accepts.
    fn skip_nested<S: Brackets>(&mut self, stack: &mut S) -> Result<(), Fail> {
        let mut object = self.peek() == Some(b'{');
        self.pos += 1;
        stack.push(object)?;
        let mut opened = true;
        loop {
            // Just after an opening bracket (`opened`), or after a comma: an element, or the
            // closing bracket of an empty container.
            self.skip_ws();
            if opened && self.peek() == Some(closing(object)) {
                self.pos += 1;
                match stack.pop(self.pos) {
                    Some(outer) => object = outer,
                    None => return Ok(()),
                }
            } else {
                if object {
                    self.eat(b'"')?;
                    self.string()?;
                    self.skip_ws();
                    self.eat(b':')?;
                    self.skip_ws();
                }
                match self.peek() {
                    Some(bracket @ (b'{' | b'[')) => {
                        object = bracket == b'{';
                        self.pos += 1;
                        stack.push(object)?;
                        opened = true;
                        continue;
                    }
                    Some(b'"') => {
                        self.pos += 1;
                        self.string()?;
                    }
                    Some(b'-' | b'0'..=b'9') => self.number()?,
                    Some(b't') => {
                        self.literal(b"true", Value::Null)?;
                    }
                    Some(b'f') => {
                        self.literal(b"false", Value::Null)?;
                    }
                    Some(b'n') => {
                        self.literal(b"null", Value::Null)?;
                    }
                    _ => return Err(Fail::Invalid),
                }
            }
            // After an element of `object`: a comma, or its closing bracket.
            loop {
                self.skip_ws();
                match self.peek() {
                    Some(b',') => {
                        self.pos += 1;
                        opened = false;
                        break;
                    }
                    Some(byte) if byte == closing(object) => {
                        self.pos += 1;
                        match stack.pop(self.pos) {
                            Some(outer) => object = outer,
                            None => return Ok(()),
                        }
                    }
                    _ => return Err(Fail::Invalid),
                }
            }
        }
    }
}

/// The closing bracket of an object (`true`) or an array.
#[inline]
fn closing(object: bool) -> u8 {
    if object { b'}' } else { b']' }
}

/// The index of the first `"`, `\` or control character (U+0000 to U+001F) in `bytes` from
/// `pos`, or `bytes.len()`. Eight bytes at a time: for each byte, `x - k` borrows into the high
/// bit exactly when `x < k` (barring a borrow from a lower byte, which only happens above a byte
/// that matched), so the lowest flagged byte is the first match.
#[inline]
fn find_special(bytes: &[u8], mut pos: usize) -> usize {
    const ONES: u64 = u64::MAX / 255;
    const HIGH: u64 = ONES << 7;
    while let Some(chunk) = bytes.get(pos..).and_then(<[u8]>::first_chunk::<8>) {
        let x = u64::from_le_bytes(*chunk);
        let control = x.wrapping_sub(ONES * 0x20) & !x;
        let q = x ^ (ONES * u64::from(b'"'));
        let quote = q.wrapping_sub(ONES) & !q;
        let b = x ^ (ONES * u64::from(b'\\'));
        let backslash = b.wrapping_sub(ONES) & !b;
        let found = (control | quote | backslash) & HIGH;
        if found != 0 {
            return pos + (found.trailing_zeros() / 8) as usize;
        }
        pos += 8;
    }
    while let Some(&byte) = bytes.get(pos) {
        if byte == b'"' || byte == b'\\' || byte < 0x20 {
            return pos;
        }
        pos += 1;
    }
    pos
}

/// The kinds of the open brackets, innermost last.
trait Brackets {
    /// Opens a container inside the current one: an object (`true`) or an array.
    /// `Err(Fail::Deep)` when there is no room.
    fn push(&mut self, object: bool) -> Result<(), Fail>;

    /// Closes the innermost container, whose closing bracket ends just before `pos`: the kind of
    /// the one that is now innermost, or `None` if none is open.
    fn pop(&mut self, pos: usize) -> Option<bool>;
}

/// Up to 128 levels, in a register.
#[derive(Default)]
struct Shallow {
    /// Bit `i` is the kind of the container `i` levels out from the innermost.
    bits: u128,
    depth: u32,
}

impl Brackets for Shallow {
    #[inline]
    fn push(&mut self, object: bool) -> Result<(), Fail> {
        if self.depth == u128::BITS {
            return Err(Fail::Deep);
        }
        self.bits = self.bits << 1 | u128::from(object);
        self.depth += 1;
        Ok(())
    }

    #[inline]
    fn pop(&mut self, _: usize) -> Option<bool> {
        self.bits >>= 1;
        self.depth -= 1;
        (self.depth > 0).then_some(self.bits & 1 == 1)
    }
}

/// The deep stack's size in 64-bit words: 8 KiB, 65,536 levels.
const DEEP_WORDS: usize = 1024;

/// Any depth: the kinds of the innermost `64 * WORDS` levels in a ring; those of the levels
/// below are forgotten, and found again, a ring at a time, by scanning from the start of the
/// outermost container to the current position (which was validated already).
struct Deep<'a, const WORDS: usize> {
    ring: [u64; WORDS],
    /// The number of open containers.
    depth: usize,
    /// The lowest level whose kind is in the ring.
    floor: usize,
    /// The input, and the offset of the outermost container's opening bracket.
    bytes: &'a [u8],
    start: usize,
}

impl<'a, const WORDS: usize> Deep<'a, WORDS> {
    const BITS: usize = 64 * WORDS;

    fn new(bytes: &'a [u8], start: usize) -> Self {
        Self {
            ring: [0; WORDS],
            depth: 0,
            floor: 0,
            bytes,
            start,
        }
    }

    fn set(&mut self, level: usize, object: bool) {
        let slot = level % Self::BITS;
        let (word, bit) = (slot / 64, slot % 64);
        self.ring[word] = self.ring[word] & !(1 << bit) | u64::from(object) << bit;
    }

    fn get(&self, level: usize) -> bool {
        let slot = level % Self::BITS;
        self.ring[slot / 64] >> (slot % 64) & 1 == 1
    }

    /// Finds the kinds of the innermost ring's worth of containers open at `pos` again.
    #[cold]
    #[inline(never)]
    fn recover(&mut self, pos: usize) {
        let low = self.depth.saturating_sub(Self::BITS);
        let mut level = 0usize;
        let mut i = self.start;
        while i < pos {
            match self.bytes.get(i) {
                Some(b'"') => {
                    // Validated: the string closes before `pos`.
                    i += 1;
                    while let Some(&byte) = self.bytes.get(i) {
                        match byte {
                            b'"' => break,
                            b'\\' => i += 2,
                            _ => i += 1,
                        }
                    }
                }
                Some(&bracket @ (b'{' | b'[')) => {
                    if (low..self.depth).contains(&level) {
                        self.set(level, bracket == b'{');
                    }
                    level += 1;
                }
                Some(b'}' | b']') => level = level.saturating_sub(1),
                _ => {}
            }
            i += 1;
        }
        self.floor = low;
    }
}

impl<const WORDS: usize> Brackets for Deep<'_, WORDS> {
    fn push(&mut self, object: bool) -> Result<(), Fail> {
        self.set(self.depth, object);
        self.depth += 1;
        self.floor = self.floor.max(self.depth.saturating_sub(Self::BITS));
        Ok(())
    }

    fn pop(&mut self, pos: usize) -> Option<bool> {
        self.depth -= 1;
        let innermost = self.depth.checked_sub(1)?;
        if innermost < self.floor {
            self.recover(pos);
        }
        Some(self.get(innermost))
    }
}

/// Decodes the escapes of a string's content; a `\u` escape that is not Unicode (a lone
/// surrogate) is U+FFFD when `lossy`, else `None`, as is any escape that is not JSON's.
fn decode(raw: &str, lossy: bool) -> Option<String> {
    /// Four hex digits at the start of `s`, and what follows them.
    fn hex4(s: &str) -> Option<(u32, &str)> {
        let digits = s.get(..4)?;
        if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        Some((u32::from_str_radix(digits, 16).ok()?, s.get(4..)?))
    }

    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(at) = rest.find('\\') {
        out.push_str(rest.get(..at)?);
        let escape = *rest.as_bytes().get(at + 1)?;
        rest = rest.get(at + 2..)?;
        let ch = match escape {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let (unit, after) = hex4(rest)?;
                rest = after;
                match unit {
                    0xD800..=0xDBFF => {
                        match rest.strip_prefix("\\u").and_then(hex4) {
                            Some((low @ 0xDC00..=0xDFFF, after)) => {
                                rest = after;
                                char::from_u32(0x1_0000 + ((unit - 0xD800) << 10) + (low - 0xDC00))?
                            }
                            // A lone high surrogate: what follows is read on its own.
                            _ if lossy => char::REPLACEMENT_CHARACTER,
                            _ => return None,
                        }
                    }
                    0xDC00..=0xDFFF if lossy => char::REPLACEMENT_CHARACTER,
                    _ => char::from_u32(unit)?,
                }
            }
            _ => return None,
        };
        out.push(ch);
    }
    out.push_str(rest);
    Some(out)
}

// ---------------------------------------------------------------------------------------------
// Errors: found by running serde_json on the input again.

/// The error for an input the scanner refused: `serde_json`'s syntax error, else (the input is
/// JSON but not UTF-8) an invalid code point at the first invalid byte.
#[cold]
#[inline(never)]
fn invalid_error(input: &[u8]) -> Error {
    if let Err(err) = serde_json::from_slice::<IgnoredAny>(input) {
        return err;
    }
    match std::str::from_utf8(input) {
        Err(err) => utf8_error(input, err.valid_up_to()),
        Ok(_) => internal("the scanner refused JSON that serde_json accepts"),
    }
}

/// `serde_json`'s "invalid unicode code point" at the line and column of `input[at]`, which is
/// inside a string (JSON allows no other non-ASCII byte, and no line break in a string, so an
/// opening quote is before it on its line).
fn utf8_error(input: &[u8], at: usize) -> Error {
    let before = &input[..at];
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let lines = before.split(|&b| b == b'\n').count() - 1;
    // The same invalid byte at the same line and column, as the whole of a string whose opening
    // quote is just before it: `serde_json` points at the byte.
    let column = at - line_start + 1;
    let mut text = vec![b'\n'; lines];
    text.resize(lines + column.saturating_sub(2), b' ');
    text.extend_from_slice(b"\"\xff\"");
    match serde_json::from_slice::<String>(&text) {
        Err(err) => err,
        Ok(_) => internal("serde_json accepted invalid UTF-8"),
    }
}

/// The error a derived struct reading the object at `start` gives for a duplicate `field` as its
/// member at `index`: `serde_json` reads that object again (the input before it blanked, line
/// breaks kept, so that positions stay those of the whole input) and is told that member is a
/// duplicate as soon as it has read its key, as a derived struct's visitor does.
#[cold]
#[inline(never)]
fn duplicate_error(input: &[u8], start: usize, index: usize, field: &'static str) -> Error {
    let mut text = input.to_vec();
    for byte in text.iter_mut().take(start) {
        if *byte != b'\n' {
            *byte = b' ';
        }
    }
    let mut deserializer = serde_json::Deserializer::from_slice(&text);
    match de::Deserializer::deserialize_struct(
        &mut deserializer,
        "",
        &[],
        DuplicateAt { index, field },
    ) {
        Err(err) => err,
        Ok(()) => internal("serde_json found fewer members than the scanner"),
    }
}

/// A map visitor that fails with a duplicate `field` on reading the key of member `index`.
struct DuplicateAt {
    index: usize,
    field: &'static str,
}

impl<'de> de::Visitor<'de> for DuplicateAt {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut index = 0;
        while map.next_key_seed(AnyKey)?.is_some() {
            if index == self.index {
                return Err(de::Error::duplicate_field(self.field));
            }
            map.next_value::<IgnoredAny>()?;
            index += 1;
        }
        Ok(())
    }
}

/// A key read as bytes: neither UTF-8 nor its escapes are checked, as in skipping.
struct AnyKey;

impl<'de> de::DeserializeSeed<'de> for AnyKey {
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_bytes(IgnoredAny).map(|_| ())
    }
}

/// An error for a disagreement between this reader and `serde_json` (a bug).
#[cold]
fn internal(what: &str) -> Error {
    debug_assert!(false, "json reader: {what}");
    de::Error::custom(format_args!("internal error in the JSON reader: {what}"))
}

#[cfg(test)]
mod tests {
    use super::{Brackets, Deep, Fail, Scan, Shallow};

    /// Skips the value at the start of `text` with a given stack; whether it is valid and ends
    /// the text.
    fn skips<S: Brackets>(text: &str, stack: &mut S) -> bool {
        let mut scan = Scan {
            text,
            pos: 0,
            calling: true,
        };
        let skipped = matches!(scan.skip_nested(stack), Ok(()));
        scan.skip_ws();
        skipped && scan.pos == text.len()
    }

    fn accepted(text: &str) -> bool {
        serde_json::from_str::<serde::de::IgnoredAny>(text).is_ok()
    }

    /// Nestings of every shape, with a ring of one word (64 levels), so that the recovery scan
    /// runs again and again.
    #[test]
    fn small_ring_recovers() {
        let shapes: Vec<String> = vec![
            "[".repeat(300) + &"]".repeat(300),
            "{\"a\":".repeat(300) + "1" + &"}".repeat(300),
            "[{\"k\":".repeat(150) + "\"]}\\\"[{\"" + &"}]".repeat(150),
            "[{\"k\":".repeat(150) + "0" + &"}]".repeat(149) + "}}",
            "[".repeat(100) + &"[],{}".repeat(3) + &"]".repeat(100),
            // Up and down across the ring's edge several times.
            ("[".repeat(70) + &"]".repeat(10)).repeat(5) + &"]".repeat(300),
            "{\"x\":[".repeat(40) + "null" + "]},{\"y\":[1" + &"]}".repeat(40),
        ];
        for shape in &shapes {
            if !shape.starts_with(['[', '{']) {
                continue;
            }
            let expected = accepted(shape);
            let got = skips(shape, &mut Deep::<1>::new(shape.as_bytes(), 0));
            assert_eq!(got, expected, "{shape}");
            let got = skips(shape, &mut Deep::<2>::new(shape.as_bytes(), 0));
            assert_eq!(got, expected, "{shape}");
        }
    }

    #[test]
    fn shallow_overflows_into_deep() {
        let deep = "[".repeat(129) + &"]".repeat(129);
        let mut scan = Scan {
            text: &deep,
            pos: 0,
            calling: true,
        };
        assert!(matches!(
            scan.skip_nested(&mut Shallow::default()),
            Err(Fail::Deep)
        ));
        let mut scan = Scan {
            text: &deep,
            pos: 0,
            calling: true,
        };
        assert!(scan.container().is_ok());
        assert_eq!(scan.pos, deep.len());
    }

    /// Random bracket shapes against `serde_json`, with a tiny ring.
    #[test]
    fn random_shapes_with_a_tiny_ring() {
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let pieces = ["[", "]", "{", "}", "\"a\":", ",", "1", "\"]\"", " "];
        for _ in 0..20_000 {
            let len = 1 + next() % 400;
            let mut text = String::from(if next() % 2 == 0 { "[" } else { "{" });
            for _ in 0..len {
                text.push_str(pieces[usize::try_from(next() % 9).unwrap()]);
            }
            let expected = accepted(&text);
            assert_eq!(
                skips(&text, &mut Deep::<1>::new(text.as_bytes(), 0)),
                expected,
                "{text}"
            );
        }
        // Valid ones are rare at random: build deep valid ones, and break some.
        for round in 0..3_000 {
            let mut text = String::new();
            // (object, has an element) for each open container.
            let mut open: Vec<(bool, bool)> = Vec::new();
            let element = |text: &mut String, open: &mut Vec<(bool, bool)>| {
                if let Some((object, has)) = open.last_mut() {
                    if *has {
                        text.push(',');
                    }
                    if *object {
                        text.push_str("\"k\":");
                    }
                    *has = true;
                }
            };
            let object = next() % 2 == 0;
            text.push(if object { '{' } else { '[' });
            open.push((object, false));
            for _ in 0..(next() % 800) {
                let Some(&(top, _)) = open.last() else { break };
                match next() % 5 {
                    0 | 1 => {
                        element(&mut text, &mut open);
                        let object = next() % 2 == 0;
                        text.push(if object { '{' } else { '[' });
                        open.push((object, false));
                    }
                    2 => {
                        element(&mut text, &mut open);
                        text.push_str("\"]}\\\"\"");
                    }
                    _ => {
                        open.pop();
                        text.push(if top { '}' } else { ']' });
                    }
                }
            }
            while let Some((object, _)) = open.pop() {
                text.push(if object { '}' } else { ']' });
            }
            if round % 3 == 0 {
                // Swap one bracket for the other kind.
                let at = usize::try_from(next()).unwrap() % text.len();
                if let Some(b) = text.get(at..=at) {
                    let swapped = match b {
                        "]" => "}",
                        "}" => "]",
                        "[" => "{",
                        "{" => "[",
                        _ => b,
                    }
                    .to_owned();
                    text.replace_range(at..=at, &swapped);
                }
            }
            let expected = accepted(&text);
            assert!(round % 3 == 0 || expected, "{text}");
            assert_eq!(
                skips(&text, &mut Deep::<1>::new(text.as_bytes(), 0)),
                expected,
                "{text}"
            );
        }
    }
}

#[cfg(test)]
mod against_serde;

//! The normal form of a message text for reverse lookup. Shared with `build.rs`, which keys the
//! message index with it, so that both sides agree byte for byte.

/// The part of `message` that identifies it: leading white space, and any run of trailing white
/// space and sentence punctuation (`.`, `。`, `!`, `！`), removed. Never allocates.
pub(crate) fn message_key(message: &str) -> &str {
    message
        .trim_start()
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '.' | '。' | '!' | '！'))
}

//! The normal form of a message text for reverse lookup. Shared with `build.rs`, which keys the
//! message index with it, so that both sides agree byte for byte.

/// The part of `message` that identifies it: surrounding white space and trailing sentence
/// punctuation (`.`, `。`, `!`, `！`) removed. Never allocates.
pub(crate) fn message_key(message: &str) -> &str {
    message
        .trim()
        .trim_end_matches(['.', '。', '!', '！'])
        .trim_end()
}

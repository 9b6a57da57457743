//! The generated facts of one enabled family, read through `Family::info`.

use crate::{AnyCode, Classification, Source, StatusMeaning};

/// What `build/emit.rs` writes for each enabled family.
#[derive(Debug)]
pub(crate) struct Info {
    /// The documents its data files come from, one per file.
    pub(crate) sources: &'static [&'static Source],
    /// Every code of each table, in table and document order.
    pub(crate) tables: &'static [&'static [AnyCode]],
    /// Wire codes and aliases of all its tables.
    pub(crate) codes: phf::Map<&'static str, AnyCode>,
    /// Template codes: the text before `%s`, and the code.
    pub(crate) templates: &'static [(&'static str, AnyCode)],
    pub(crate) statuses: &'static [StatusMeaning],
    /// By HTTP status: 0, or 1 + the position of its meaning in `statuses`.
    pub(crate) status_index: Option<&'static [u8; 600]>,
    pub(crate) classifications: phf::Map<&'static str, Classification>,
}

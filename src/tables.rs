//! The generated data, in one private home: `OUT_DIR/tables.rs`, written by `build.rs`
//! (`build/emit.rs`) from `data/registry.json` and the data folders of the enabled families.
//!
//! It defines the registry's enums (`ErrorKind`, `Vendor`, `Family`), one private module per
//! enabled family (its code enums, entry tables and phf maps) and the cross-family indexes. The
//! public facades (`catalog`, `header`, the vendor modules) read it; nothing here is public but
//! the types they re-export.

// phf's hash keys are long literals; variant docs quote the vendors' prose; one `match` arm per
// table, and a family may have several tables; `Family::info` answers `Some` for every family
// when all features are on; the tables are long.
#![allow(
    clippy::unreadable_literal,
    clippy::doc_markdown,
    clippy::match_same_arms,
    clippy::too_many_lines,
    clippy::unnecessary_wraps
)]

include!(concat!(env!("OUT_DIR"), "/tables.rs"));

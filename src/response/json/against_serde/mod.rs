//! The reader against `serde_json` itself: acceptance, errors (message, line, column), members,
//! duplicate fields against real `#[derive(Deserialize)]` structs, the vendors' bodies and deep
//! nesting.

mod common;
mod differential;
mod duplicate;
mod examples;

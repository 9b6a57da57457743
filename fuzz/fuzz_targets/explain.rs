//! `explain`: `Response::explain` with any vendor hint, status, headers and body. See
//! `fuzz/src/checks.rs` (`ExplainInput::decode`) for the input format and the invariants.
#![no_main]

use errcat_fuzz::ExplainInput;

libfuzzer_sys::fuzz_target!(|input: ExplainInput| errcat_fuzz::check_explain(&input));

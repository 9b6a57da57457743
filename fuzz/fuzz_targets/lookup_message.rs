//! `lookup_message`: see `fuzz/src/checks.rs` for the input format and the invariants.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| errcat_fuzz::lookup_message(data));

//! The fix engine on any input: it settles, and loses no entry.
#![no_main]

#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::check_fix(data));

//! The fix engine on any input, as `fix`, and no rule offers a fix that
//! the engine must withhold.
#![no_main]

#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::check_fix_offers(data));

//! Shape templates from a config: read, spelled again, and used to parse.
#![no_main]

#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::check_template(data));

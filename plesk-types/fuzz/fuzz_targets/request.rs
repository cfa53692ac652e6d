//! Fuzz target: arbitrary bytes as a request packet of every bundled protocol
//! version. Reading must never panic; whatever reads must survive
//! value -> XML -> value unchanged and serialize stably (the checks are in
//! plesk-types/tests/support/fuzz_checks.rs, which the corpus replay
//! `cargo test --test fuzz_corpus` shares).
#![no_main]

#[path = "../../tests/support/fuzz_checks.rs"]
mod fuzz_checks;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(failure) = fuzz_checks::check(fuzz_checks::Side::Request, data) {
        panic!("{failure}");
    }
});

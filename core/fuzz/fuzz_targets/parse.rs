//! Arbitrary bytes → `from_utf8_lossy` → `baogao::parse`: it returns, and
//! every span slices the caller's text exactly in bytes, chars and UTF-16
//! units (see `../src/check.rs`).
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../src/check.rs"]
mod check;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    check::parse_and_check(&baogao::Parser::default(), &text);
});

//! Valid UTF-8 only (so libFuzzer's mutations of the Chinese seeds stay
//! Chinese), parsed by a `Parser` with `Options::year` set from the first
//! byte; the same invariants as `parse`.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../src/check.rs"]
mod check;

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    // 1950–2205, so both plausible years and odd ones reach the stages.
    let options = baogao::Options::default().with_year(1950 + i32::from(first));
    let report = check::parse_and_check(&baogao::Parser::new(options), text);
    if report.meta.year.is_none() {
        panic!("Options::year is the fallback year, but the report has none");
    }
});

//! Issue 7's memory bound: the heap a parse adds on top of its input peaks at
//! no more than 10× the input's size, on the embedded sample and on every
//! corpus report (`BAOGAO_CORPUS`). The figures are bytes requested from the
//! allocator, counted by a global allocator, so they are the same on every
//! machine (unlike timings); `examples/memory.rs` prints them per report.
//!
//! One test only: the counter is process-wide, and the tests of one file run
//! on parallel threads.

mod common;

use peak_alloc::PeakAlloc;

#[global_allocator]
static HEAP: PeakAlloc = PeakAlloc;

/// The bound issue 7 sets.
const MAX_RATIO: f64 = 10.0;

/// Peak heap bytes above the current level while `text` is parsed, per byte
/// of `text` (the returned report included).
fn peak_ratio(text: &str) -> f64 {
    let base = HEAP.current_usage();
    HEAP.reset_peak_usage();
    let report = baogao::parse(text);
    let peak = HEAP.peak_usage().saturating_sub(base);
    drop(report);
    peak as f64 / text.len().max(1) as f64
}

#[test]
fn parse_peak_heap_is_at_most_ten_times_the_input() {
    // (the lexicons and tables built once, lazily, are not part of a parse)
    drop(baogao::parse(baogao::SAMPLE_REPORT));
    let mut inputs = vec![("sample".to_string(), baogao::SAMPLE_REPORT.to_string())];
    if let Some(dir) = common::corpus("memory") {
        inputs.extend(common::corpus_files(&dir));
    }
    let mut over = Vec::new();
    let mut worst = (0.0, String::new());
    for (name, text) in &inputs {
        let ratio = peak_ratio(text);
        // (a sanity check of the counter: the report alone holds a copy of the text)
        assert!(ratio > 1.0, "{name}: a peak of {ratio:.2}x cannot be right");
        if ratio > MAX_RATIO {
            over.push(format!("{name}: {ratio:.2}x"));
        }
        if ratio > worst.0 {
            worst = (ratio, name.clone());
        }
    }
    eprintln!("worst peak heap: {:.2}x the input ({}) over {} inputs", worst.0, worst.1, inputs.len());
    assert!(over.is_empty(), "peak heap over {MAX_RATIO}x the input: {over:?}");
}

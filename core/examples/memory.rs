//! Peak heap bytes while parsing, relative to the input size (target: at most
//! 10× the input).
//!
//! ```text
//! cargo run --release -p baogao --example memory [FILE...]
//! ```
//!
//! A counting global allocator ([`peak_alloc`]) records the heap in use; for
//! each input (the FILEs given, else every `*.txt` of the corpus at
//! `BAOGAO_CORPUS`, default `../shared/corpus`, plus the embedded sample and
//! twenty numbered copies of it in one text) the peak is reset after the text
//! is read, so the figure is what parsing adds on top of the input:
//!
//! - `parse`: the peak during `baogao::parse` (the returned report included);
//! - `report`: what the finished report holds;
//! - `cli`: the peak of what `baogao parse FILE` does (parse, re-index to
//!   chars, serialize to a JSON buffer; the JSON is about 6× the input).
//!
//! The parser's lazily built tables are built first (one parse of the sample),
//! so no input pays for them. The allocator counts a reallocation as the old
//! and the new block together (as when it moves), so peaks are an upper bound.
//!
//! Ends with the largest `parse` ratio and exits non-zero only on a read error.

mod common;

use std::path::PathBuf;

use baogao::OffsetUnit;
use peak_alloc::PeakAlloc;

#[global_allocator]
static HEAP: PeakAlloc = PeakAlloc;

fn inputs() -> Vec<(String, String)> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut out: Vec<(String, String)> = Vec::new();
    let files: Vec<PathBuf> = if args.is_empty() {
        let (dir, v) = common::corpus_files();
        if v.is_empty() {
            eprintln!("no corpus at {}: the sample only", dir.display());
        }
        v
    } else {
        args.iter().map(PathBuf::from).collect()
    };
    for p in files {
        match std::fs::read_to_string(&p) {
            Ok(t) => out.push((p.file_name().map_or_else(String::new, |n| n.to_string_lossy().into()), t)),
            Err(e) => {
                eprintln!("{}: {e}", p.display());
                std::process::exit(2);
            }
        }
    }
    if args.is_empty() {
        out.push(("sample".into(), baogao::SAMPLE_REPORT.to_string()));
        let twenty: String = (0..20)
            .map(|k| baogao::SAMPLE_REPORT.lines().map(|l| format!("{l}{k}")).collect::<Vec<_>>().join("\n"))
            .collect::<Vec<_>>()
            .join("\n");
        out.push(("sample×20".into(), twenty));
    }
    out
}

/// Peak heap bytes above the current level while `f` runs, and what its
/// result still holds when it returns.
fn measure<T>(f: impl FnOnce() -> T) -> (usize, usize, T) {
    let base = HEAP.current_usage();
    HEAP.reset_peak_usage();
    let v = f();
    let (peak, held) = (HEAP.peak_usage(), HEAP.current_usage());
    (peak.saturating_sub(base), held.saturating_sub(base), v)
}

fn main() {
    let inputs = inputs();
    // The lexicons and tables the parser builds once (lazily) are not part of a parse.
    drop(baogao::parse(baogao::SAMPLE_REPORT));
    println!(
        "{:<36} {:>10} {:>12} {:>6} {:>12} {:>6} {:>6}",
        "input", "bytes", "parse peak", "×", "report", "×", "cli ×"
    );
    let mut worst = (0.0f64, String::new());
    for (name, text) in &inputs {
        let n = text.len().max(1) as f64;
        let (peak, held, report) = measure(|| baogao::parse(text));
        drop(report);
        let (cli_peak, _, json) = measure(|| {
            let r = baogao::parse(text).into_reindexed(OffsetUnit::Char);
            let mut buf = Vec::new();
            serde_json::to_writer_pretty(&mut buf, &r).map(|()| buf).unwrap_or_default()
        });
        drop(json);
        let ratio = peak as f64 / n;
        println!(
            "{name:<36} {:>10} {peak:>12} {ratio:>6.2} {held:>12} {:>6.2} {:>6.2}",
            text.len(),
            held as f64 / n,
            cli_peak as f64 / n
        );
        if ratio > worst.0 {
            worst = (ratio, name.clone());
        }
    }
    println!(
        "max parse peak / input: {:.2}× ({}); target ≤ 10× → {}",
        worst.0,
        worst.1,
        if worst.0 <= 10.0 { "PASS" } else { "BELOW" }
    );
}

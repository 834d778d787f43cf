//! One full parse of every corpus report (`BAOGAO_CORPUS`, default
//! `../shared/corpus`; the embedded sample when absent), after one warm-up
//! parse that builds the lazily loaded tables: the workload to run under a
//! profiler, which counts instructions where wall times are noisy.
//!
//! ```text
//! CARGO_PROFILE_RELEASE_DEBUG=line-tables-only cargo build --release -p baogao --example profile
//! valgrind --tool=callgrind --toggle-collect='baogao::Parser::parse' target/release/examples/profile
//! ```
//!
//! Prints the indicator and commitment counts, so a change that speeds the
//! parse up by doing less shows.

mod common;

fn main() {
    let texts = common::corpus_texts();
    std::hint::black_box(baogao::parse(baogao::SAMPLE_REPORT));
    let (mut indicators, mut commitments) = (0, 0);
    for t in &texts {
        let r = baogao::parse(t);
        indicators += r.indicators.len();
        commitments += r.commitments.len();
    }
    println!("{} reports: {indicators} indicators, {commitments} commitments", texts.len());
}

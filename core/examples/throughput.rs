//! Full-parse throughput and linear scaling, quickly (criterion's
//! `cargo bench -p baogao --bench parse` is the careful measurement).
//!
//! ```text
//! cargo run --release -p baogao --example throughput
//! ```
//!
//! Prints MB/s over the corpus (`BAOGAO_CORPUS`, default `../shared/corpus`;
//! the embedded sample when absent), and the time to parse the sample report
//! against twenty copies of it in one text: a linear parser takes about 20×.

mod common;

fn main() {
    let texts = common::corpus_texts();
    let bytes: usize = texts.iter().map(String::len).sum();
    let t = common::best_of(5, || {
        for x in &texts {
            std::hint::black_box(baogao::parse(x));
        }
    });
    println!(
        "full parse: {} files, {:.2} MB in {:.1} ms → {:.1} MB/s (one core)",
        texts.len(),
        bytes as f64 / 1e6,
        t.as_secs_f64() * 1e3,
        bytes as f64 / 1e6 / t.as_secs_f64()
    );
    // Linear scaling: one report against twenty copies of it in one text. Each
    // copy's lines carry the copy number so no copy is taken for a page
    // pasted twice.
    let one = baogao::SAMPLE_REPORT;
    let twenty: String = (0..20)
        .map(|k| one.lines().map(|l| format!("{l}{k}")).collect::<Vec<_>>().join("\n"))
        .collect::<Vec<_>>()
        .join("\n");
    let t1 = common::best_of(5, || {
        std::hint::black_box(baogao::parse(one));
    });
    let t20 = common::best_of(3, || {
        std::hint::black_box(baogao::parse(&twenty));
    });
    println!(
        "scaling: {:.2} MB in {:.1} ms; 20× that ({:.2} MB) in {:.1} ms → {:.1}× the time",
        one.len() as f64 / 1e6,
        t1.as_secs_f64() * 1e3,
        twenty.len() as f64 / 1e6,
        t20.as_secs_f64() * 1e3,
        t20.as_secs_f64() / t1.as_secs_f64()
    );
}

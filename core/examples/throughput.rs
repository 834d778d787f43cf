//! Full-parse throughput and linear scaling, quickly (criterion's
//! `cargo bench -p baogao --bench parse` is the careful measurement).
//!
//! ```text
//! cargo run --release -p baogao --example throughput
//! ```
//!
//! Prints MB/s over the corpus (`BAOGAO_CORPUS`, default `../shared/corpus`;
//! the embedded sample when absent), and the time to parse 20 reports joined
//! into one text against parsing them one by one: a linear parser gives a
//! ratio near 1.

use std::path::PathBuf;
use std::time::{Duration, Instant};

fn corpus() -> Vec<String> {
    let dir = std::env::var_os("BAOGAO_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus"));
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let texts: Vec<String> = files.iter().filter_map(|p| std::fs::read_to_string(p).ok()).collect();
    if texts.is_empty() {
        eprintln!("no corpus at {}: using the embedded sample", dir.display());
        return vec![baogao::SAMPLE_REPORT.to_string()];
    }
    texts
}

fn best_of<F: FnMut()>(n: usize, mut f: F) -> Duration {
    (0..n)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .min()
        .unwrap()
}

fn main() {
    let texts = corpus();
    let bytes: usize = texts.iter().map(String::len).sum();
    let t = best_of(5, || {
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
    // Linear scaling: 20 different reports as one text vs one by one.
    let twenty: Vec<&String> = texts.iter().cycle().take(20).collect();
    let joined: String = twenty.iter().map(|s| s.as_str()).collect::<Vec<_>>().join("\n\n");
    let separate = best_of(5, || {
        for x in &twenty {
            std::hint::black_box(baogao::parse(x));
        }
    });
    let together = best_of(5, || {
        std::hint::black_box(baogao::parse(&joined));
    });
    let one = best_of(5, || {
        std::hint::black_box(baogao::parse(twenty[0]));
    });
    println!(
        "scaling: one report {:.1} ms; 20 reports one by one {:.1} ms; the same 20 joined ({:.2} MB) {:.1} ms; joined/separate = {:.2}",
        one.as_secs_f64() * 1e3,
        separate.as_secs_f64() * 1e3,
        joined.len() as f64 / 1e6,
        together.as_secs_f64() * 1e3,
        together.as_secs_f64() / separate.as_secs_f64()
    );
}

//! Single-pass reference points for parse speed: how fast one trivial pass
//! over the same bytes goes, on one core, so the parser's MB/s has a ceiling
//! to be read against.
//!
//! ```text
//! cargo run --release -p baogao --example limits [-- --json] [FILE...]
//! ```
//!
//! Inputs: the FILEs given, else every `*.txt` of the corpus (`BAOGAO_CORPUS`,
//! default `../shared/corpus`), else the embedded sample. Passes (best of 20):
//! `utf8` (`std::str::from_utf8` on each file's bytes), `chars` (counting
//! chars, as re-indexing offsets does), `regex` (every number with its unit,
//! `[0-9]+(\.[0-9]+)?(%|亿元|万元|元|万人|个)?`, found with the `regex` crate)
//! and `bytes` (a plain loop counting ASCII digits). `--json` prints one JSON
//! object (used by `scripts/bench-side-by-side.py`).

mod common;

use std::path::PathBuf;
use std::time::Duration;

fn inputs(args: &[String]) -> Vec<Vec<u8>> {
    let files: Vec<PathBuf> =
        if args.is_empty() { common::corpus_files().1 } else { args.iter().map(PathBuf::from).collect() };
    let texts: Vec<Vec<u8>> = files.iter().filter_map(|p| std::fs::read(p).ok()).collect();
    if texts.is_empty() {
        return vec![baogao::SAMPLE_REPORT.as_bytes().to_vec()];
    }
    texts
}

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let json = args.iter().any(|a| a == "--json");
    args.retain(|a| a != "--json");
    let texts = inputs(&args);
    let bytes: usize = texts.iter().map(Vec::len).sum();
    let strs: Vec<&str> = texts.iter().filter_map(|b| std::str::from_utf8(b).ok()).collect();
    let chars: usize = strs.iter().map(|s| s.chars().count()).sum();
    let re = regex::Regex::new(r"[0-9]+(\.[0-9]+)?(%|亿元|万元|元|万人|个)?").expect("valid regex");
    let passes: [(&str, Duration); 4] = [
        ("utf8", common::best_of(20, || texts.iter().filter(|b| std::str::from_utf8(b).is_ok()).count())),
        ("chars", common::best_of(20, || strs.iter().map(|s| s.chars().count()).sum::<usize>())),
        ("regex", common::best_of(20, || strs.iter().map(|s| re.find_iter(s).count()).sum::<usize>())),
        (
            "bytes",
            common::best_of(20, || {
                texts.iter().map(|b| b.iter().filter(|b| b.is_ascii_digit()).count()).sum::<usize>()
            }),
        ),
    ];
    let mbs = |d: Duration| bytes as f64 / 1e6 / d.as_secs_f64().max(1e-9);
    if json {
        let fields: Vec<String> = passes
            .iter()
            .map(|(name, d)| format!("\"{name}\":{{\"seconds\":{:.9},\"mb_per_s\":{:.1}}}", d.as_secs_f64(), mbs(*d)))
            .collect();
        println!("{{\"files\":{},\"bytes\":{bytes},\"chars\":{chars},{}}}", texts.len(), fields.join(","));
    } else {
        println!("{} files, {:.2} MB ({} chars), one core, best of 20:", texts.len(), bytes as f64 / 1e6, chars);
        for (name, d) in passes {
            println!("  {name:<6} {:>8.3} ms  {:>9.1} MB/s", d.as_secs_f64() * 1e3, mbs(d));
        }
    }
}

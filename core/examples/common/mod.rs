//! What the examples and the criterion benches share: where the corpus is.
//! (Each includes this file as a module and uses part of it.)
#![allow(dead_code)]

use std::path::PathBuf;

/// The corpus folder (`BAOGAO_CORPUS`, default `../shared/corpus` beside the
/// checkout) and its `*.txt` files, sorted (none when the folder is absent).
pub fn corpus_files() -> (PathBuf, Vec<PathBuf>) {
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
    (dir, files)
}

/// The texts of the corpus files; the embedded sample report alone when there
/// are none.
pub fn corpus_texts() -> Vec<String> {
    let (dir, files) = corpus_files();
    let texts: Vec<String> = files.iter().filter_map(|p| std::fs::read_to_string(p).ok()).collect();
    if texts.is_empty() {
        eprintln!("no corpus at {}: using the embedded sample", dir.display());
        return vec![baogao::SAMPLE_REPORT.to_string()];
    }
    texts
}

/// The shortest of `n` runs of `f` (its result kept from the optimizer).
pub fn best_of<R>(n: usize, mut f: impl FnMut() -> R) -> std::time::Duration {
    (0..n)
        .map(|_| {
            let t = std::time::Instant::now();
            std::hint::black_box(f());
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

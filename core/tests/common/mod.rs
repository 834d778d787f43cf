//! Shared helpers for the integration tests: where the corpus, the gold
//! answers and the shared fixtures are.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// The workspace root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

/// `tests/fixtures/<name>` of the workspace.
pub fn fixture(name: &str) -> PathBuf {
    root().join("tests").join("fixtures").join(name)
}

/// A shared JSON fixture.
pub fn fixture_json(name: &str) -> serde_json::Value {
    let text = std::fs::read_to_string(fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn folder(var: &str, default: &str) -> Option<PathBuf> {
    let dir =
        std::env::var_os(var).map(PathBuf::from).unwrap_or_else(|| root().join("..").join("shared").join(default));
    dir.is_dir().then_some(dir)
}

/// The folder of real reports (`$BAOGAO_CORPUS`, default `../shared/corpus`),
/// or `None` with a message saying the test is skipped.
pub fn corpus(test: &str) -> Option<PathBuf> {
    let c = folder("BAOGAO_CORPUS", "corpus");
    if c.is_none() {
        eprintln!("SKIPPED {test}: no corpus folder (set BAOGAO_CORPUS or place ../shared/corpus beside the checkout)");
    }
    c
}

/// The folder of hand-checked answers (`$BAOGAO_GOLD`, default `../shared/gold`).
pub fn gold(test: &str) -> Option<PathBuf> {
    let g = folder("BAOGAO_GOLD", "gold");
    if g.is_none() {
        eprintln!("SKIPPED {test}: no gold folder (set BAOGAO_GOLD or place ../shared/gold beside the checkout)");
    }
    g
}

/// Every `.txt` report of the corpus, sorted, with its text.
pub fn corpus_files(dir: &Path) -> Vec<(String, String)> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().to_string();
            let text = std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{name}: {e}"));
            (name, text)
        })
        .collect()
}

/// Every (start, end, text, what) of a report that has a text: section
/// titles, paragraphs, leads, indicators and their metric names, commitments
/// and their objects, list items ([`baogao::Report::spans`]).
pub fn text_spans(r: &baogao::Report) -> Vec<(usize, usize, String, &'static str)> {
    r.spans().filter_map(|s| s.text.map(|t| (s.start, s.end, t.to_string(), s.kind.describe()))).collect()
}

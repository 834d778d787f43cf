//! Full-parse throughput on the corpus (`BAOGAO_CORPUS`, default
//! `<repo>/../shared/corpus`), or on the embedded sample report when the
//! corpus is absent. Criterion reports bytes per second (MB/s).
//!
//! ```text
//! cargo bench -p baogao --bench parse
//! ```

use std::path::{Path, PathBuf};

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};

fn corpus() -> Vec<(String, String)> {
    let dir = std::env::var_os("BAOGAO_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus"));
    let mut files: Vec<(String, String)> = std::fs::read_dir(&dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .filter_map(|p| Some((p.file_name()?.to_string_lossy().to_string(), std::fs::read_to_string(&p).ok()?)))
        .collect();
    files.sort();
    if files.is_empty() {
        eprintln!("corpus not found at {}: benchmarking the embedded sample", dir.display());
        files.push(("sample".to_string(), baogao::SAMPLE_REPORT.to_string()));
    }
    files
}

fn bench(c: &mut Criterion) {
    let files = corpus();
    let bytes: usize = files.iter().map(|(_, t)| t.len()).sum();
    let mut group = c.benchmark_group("parse");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(20);
    group.bench_function(format!("corpus ({} files, {} bytes)", files.len(), bytes), |b| {
        b.iter_batched(
            || (),
            |()| {
                let mut n = 0;
                for (_, text) in &files {
                    n += baogao::parse(text).indicators.len();
                }
                n
            },
            BatchSize::SmallInput,
        )
    });
    group.finish();
    // the quantity stages alone, on the same files (normalized and outlined once)
    let prepared: Vec<(baogao::normalize::Normalized<'_>, baogao::Report)> =
        files.iter().map(|(_, t)| (baogao::normalize::Normalized::new(t), baogao::parse(t))).collect();
    let mut group = c.benchmark_group("stages");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(20);
    group.bench_function("normalize", |b| {
        b.iter(|| files.iter().map(|(_, t)| baogao::normalize::Normalized::new(t).text().len()).sum::<usize>())
    });
    group.bench_function("numbers::scan", |b| {
        b.iter(|| prepared.iter().map(|(n, _)| baogao::numbers::scan(n.text()).len()).sum::<usize>())
    });
    group.bench_function("indicators::extract", |b| {
        b.iter(|| {
            prepared
                .iter()
                .map(|(n, r)| baogao::indicators::extract(n, &r.sections, &r.paragraphs, &r.meta).len())
                .sum::<usize>()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

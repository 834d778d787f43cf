//! Throughput (bytes per second) of the full parse and of each pipeline stage,
//! on three inputs:
//!
//! - `corpus`: every report of the corpus (`BAOGAO_CORPUS`, default
//!   `<repo>/../shared/corpus`; the embedded sample report when absent);
//! - `sample`: the embedded sample report;
//! - `sample×10`: ten numbered copies of the sample in one text (each line
//!   carries its copy number, so no copy is taken for a page pasted twice).
//!   Its MB/s should match `sample`'s: a lower figure is a super-linear stage.
//!
//! ```text
//! cargo bench -p baogao --bench parse                       # everything
//! cargo bench -p baogao --bench parse -- --quick            # a rough pass
//! cargo bench -p baogao --bench parse -- 'stages/commitments'
//! ```
//!
//! Stages are timed on the inputs the parser gives them (prepared once, the
//! way `Parser::parse` calls them): normalize, layout, meta, outline,
//! indicators, targets (on a copy of the indicators), lists, commitments; then
//! `reindex` (bytes → chars, on a copy of the report) and `to_json`.
//! `to_json` is serde_json, as `Report::to_json` and the bindings use it; the
//! CLI writes its JSON with its own serializer (module `json` of
//! `src/bin/baogao.rs`: the same bytes in about half the instructions).

use std::hint::black_box;
#[path = "../examples/common/mod.rs"]
mod common;

use baogao::normalize::Normalized;
use baogao::{Diagnostic, Indicator, List, Meta, OffsetUnit, Paragraph, Report, Section};
use criterion::{criterion_group, criterion_main, BatchSize, BenchmarkId, Criterion, Throughput};

/// `n` copies of the sample in one text, each line suffixed with its copy number.
fn sample_times(n: usize) -> String {
    (0..n)
        .map(|k| baogao::SAMPLE_REPORT.lines().map(|l| format!("{l}{k}")).collect::<Vec<_>>().join("\n"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every stage's input for one text, computed the way `Parser::parse` does.
struct Prepared<'a> {
    norm: Normalized<'a>,
    layout: baogao::layout::Layout,
    meta: Meta,
    sections: Vec<Section>,
    paragraphs: Vec<Paragraph>,
    /// as `indicators::extract` returns them (the input of `targets::apply`)
    raw_indicators: Vec<Indicator>,
    /// after `targets::apply` (the input of lists and commitments)
    indicators: Vec<Indicator>,
    block: Option<baogao::targets::TargetsBlock>,
    lists: Vec<List>,
    report: Report,
}

fn prepare(text: &str) -> Prepared<'_> {
    let norm = Normalized::new(text);
    let mut diags: Vec<Diagnostic> = Vec::new();
    let layout = baogao::layout::layout(&norm, &mut diags);
    let mut meta = baogao::meta::read(&norm, &layout);
    let (mut sections, mut paragraphs) = baogao::outline::build(&norm, &layout, meta.year, &mut diags);
    if meta.year.is_none() {
        baogao::meta::infer_year(&mut meta, &sections, &norm);
        if meta.year.is_some() {
            (sections, paragraphs) = baogao::outline::build(&norm, &layout, meta.year, &mut diags);
        }
    }
    let raw_indicators = baogao::indicators::extract(&norm, &sections, &paragraphs, &meta);
    let mut indicators = raw_indicators.clone();
    let block = baogao::targets::apply(&norm, &sections, &paragraphs, &mut indicators, &meta);
    let lists = baogao::lists::extract(&norm, &sections, &paragraphs, &mut diags);
    let report = baogao::parse(text);
    Prepared { norm, layout, meta, sections, paragraphs, raw_indicators, indicators, block, lists, report }
}

fn bench(c: &mut Criterion) {
    let inputs: Vec<(&str, Vec<String>)> = vec![
        ("corpus", common::corpus_texts()),
        ("sample", vec![baogao::SAMPLE_REPORT.to_string()]),
        ("sample×10", vec![sample_times(10)]),
    ];

    let mut group = c.benchmark_group("parse");
    group.sample_size(10);
    for (name, texts) in &inputs {
        let bytes: usize = texts.iter().map(String::len).sum();
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_with_input(BenchmarkId::from_parameter(name), texts, |b, texts| {
            b.iter(|| texts.iter().map(|t| baogao::parse(t).indicators.len()).sum::<usize>())
        });
    }
    group.finish();

    let mut group = c.benchmark_group("stages");
    group.sample_size(10);
    for (name, texts) in &inputs {
        let bytes: usize = texts.iter().map(String::len).sum();
        let prep: Vec<Prepared<'_>> = texts.iter().map(|t| prepare(t)).collect();
        let prep = &prep;
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_with_input(BenchmarkId::new("normalize", name), texts, |b, texts| {
            b.iter(|| texts.iter().map(|t| Normalized::new(t).text().len()).sum::<usize>())
        });
        group.bench_function(BenchmarkId::new("layout", name), |b| {
            b.iter(|| prep.iter().map(|p| baogao::layout::layout(&p.norm, &mut Vec::new()).lines.len()).sum::<usize>())
        });
        group.bench_function(BenchmarkId::new("meta", name), |b| {
            b.iter(|| prep.iter().map(|p| baogao::meta::read(&p.norm, &p.layout).year).collect::<Vec<_>>())
        });
        group.bench_function(BenchmarkId::new("outline", name), |b| {
            b.iter(|| {
                prep.iter()
                    .map(|p| baogao::outline::build(&p.norm, &p.layout, p.meta.year, &mut Vec::new()).0.len())
                    .sum::<usize>()
            })
        });
        group.bench_function(BenchmarkId::new("indicators", name), |b| {
            b.iter(|| {
                prep.iter()
                    .map(|p| baogao::indicators::extract(&p.norm, &p.sections, &p.paragraphs, &p.meta).len())
                    .sum::<usize>()
            })
        });
        group.bench_function(BenchmarkId::new("targets", name), |b| {
            b.iter_batched(
                || prep.iter().map(|p| p.raw_indicators.clone()).collect::<Vec<_>>(),
                |mut all| {
                    let mut found = 0;
                    for (p, inds) in prep.iter().zip(&mut all) {
                        let block = baogao::targets::apply(&p.norm, &p.sections, &p.paragraphs, inds, &p.meta);
                        found += usize::from(block.is_some());
                    }
                    found
                },
                BatchSize::LargeInput,
            )
        });
        group.bench_function(BenchmarkId::new("lists", name), |b| {
            b.iter(|| {
                prep.iter()
                    .map(|p| baogao::lists::extract(&p.norm, &p.sections, &p.paragraphs, &mut Vec::new()).len())
                    .sum::<usize>()
            })
        });
        group.bench_function(BenchmarkId::new("commitments", name), |b| {
            b.iter(|| {
                prep.iter()
                    .map(|p| {
                        baogao::commitments::extract(
                            &p.norm,
                            &p.sections,
                            &p.paragraphs,
                            &p.indicators,
                            &p.lists,
                            &p.meta,
                            p.block.as_ref(),
                        )
                        .len()
                    })
                    .sum::<usize>()
            })
        });
        group.bench_function(BenchmarkId::new("reindex", name), |b| {
            b.iter_batched(
                || prep.iter().map(|p| p.report.clone()).collect::<Vec<_>>(),
                |reports| reports.into_iter().map(|r| r.into_reindexed(OffsetUnit::Char).sections.len()).sum::<usize>(),
                BatchSize::LargeInput,
            )
        });
        let in_chars: Vec<Report> = prep.iter().map(|p| p.report.reindexed(OffsetUnit::Char)).collect();
        group.bench_function(BenchmarkId::new("to_json", name), |b| {
            b.iter(|| {
                in_chars
                    .iter()
                    .map(|r| {
                        let mut buf = Vec::new();
                        serde_json::to_writer(&mut buf, black_box(r)).map_or(0, |()| buf.len())
                    })
                    .sum::<usize>()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

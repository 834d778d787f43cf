//! Time per pipeline stage over the corpus (`BAOGAO_CORPUS`, default
//! `../shared/corpus`; the embedded sample when absent), best of five runs:
//! where a full parse spends its time, quickly. `cargo bench -p baogao` is
//! the careful measurement.
//!
//! ```text
//! cargo run --release -p baogao --example stages
//! ```

mod common;

use std::time::Duration;

use baogao::normalize::Normalized;

/// Best of five runs; the stage results are counts.
fn best(f: impl FnMut() -> usize) -> Duration {
    common::best_of(5, f)
}

fn main() {
    let texts = common::corpus_texts();
    let bytes: usize = texts.iter().map(String::len).sum();
    let norms: Vec<Normalized<'_>> = texts.iter().map(|t| Normalized::new(t)).collect();
    let reports: Vec<baogao::Report> = texts.iter().map(|t| baogao::parse(t)).collect();
    let mut layouts = Vec::new();
    let row = |name: &str, d: Duration| {
        println!("{name:<14} {:8.1} ms {:8.1} MB/s", d.as_secs_f64() * 1e3, bytes as f64 / 1e6 / d.as_secs_f64());
    };
    row("full parse", best(|| texts.iter().map(|t| baogao::parse(t).indicators.len()).sum()));
    row("normalize", best(|| texts.iter().map(|t| Normalized::new(t).text().len()).sum()));
    row(
        "layout",
        best(|| {
            layouts = norms.iter().map(|n| baogao::layout::layout(n, &mut Vec::new())).collect();
            layouts.len()
        }),
    );
    row(
        "meta",
        best(|| norms.iter().zip(&layouts).map(|(n, l)| baogao::meta::read(n, l).year.is_some() as usize).sum()),
    );
    row(
        "outline",
        best(|| {
            norms
                .iter()
                .zip(&layouts)
                .zip(&reports)
                .map(|((n, l), r)| baogao::outline::build(n, l, r.meta.year, &mut Vec::new()).0.len())
                .sum()
        }),
    );
    row("numbers", best(|| norms.iter().map(|n| baogao::numbers::scan(n.text()).len()).sum()));
    row(
        "indicators",
        best(|| {
            norms
                .iter()
                .zip(&reports)
                .map(|(n, r)| baogao::indicators::extract(n, &r.sections, &r.paragraphs, &r.meta).len())
                .sum()
        }),
    );
    row(
        "targets",
        best(|| {
            norms
                .iter()
                .zip(&reports)
                .map(|(n, r)| {
                    let mut inds = baogao::indicators::extract(n, &r.sections, &r.paragraphs, &r.meta);
                    baogao::targets::apply(n, &r.sections, &r.paragraphs, &mut inds, &r.meta).is_some() as usize
                })
                .sum()
        }),
    );
    row(
        "lists",
        best(|| {
            norms
                .iter()
                .zip(&reports)
                .map(|(n, r)| baogao::lists::extract(n, &r.sections, &r.paragraphs, &mut Vec::new()).len())
                .sum()
        }),
    );
    row(
        "commitments",
        best(|| {
            norms
                .iter()
                .zip(&reports)
                .map(|(n, r)| {
                    let block = baogao::targets::locate(r);
                    baogao::commitments::extract(
                        n,
                        &r.sections,
                        &r.paragraphs,
                        &r.indicators,
                        &r.lists,
                        &r.meta,
                        block.as_ref(),
                    )
                    .len()
                })
                .sum()
        }),
    );
}

//! Prints the promise-tracking table of every pair of consecutive reports of
//! one region in a corpus folder (SPEC §4): each annual target of year N and
//! the outcome the report of year N+1 gives for it.
//!
//! ```text
//! cargo run --example track                 # the corpus in $BAOGAO_CORPUS or ../shared/corpus
//! cargo run --example track -- DIR          # another folder of <year>-<region>.txt files
//! ```
//!
//! Files are named `<year>-<region…>.txt` (e.g. `2017-china-national.txt`);
//! two files are a pair when their region parts are equal and their years
//! follow each other.

use std::collections::BTreeMap;
use std::path::PathBuf;

use baogao::{OffsetUnit, TrackStatus};

fn corpus_dir() -> Option<PathBuf> {
    if let Some(d) = std::env::args().nth(1) {
        return Some(PathBuf::from(d));
    }
    if let Some(d) = std::env::var_os("BAOGAO_CORPUS") {
        return Some(PathBuf::from(d));
    }
    let d = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..").join("..").join("shared").join("corpus");
    d.is_dir().then_some(d)
}

fn status_name(s: TrackStatus) -> &'static str {
    match s {
        TrackStatus::Met => "met",
        TrackStatus::Exceeded => "exceeded",
        TrackStatus::Missed => "missed",
        TrackStatus::NotReported => "not_reported",
    }
}

fn fmt_num(x: Option<f64>) -> String {
    match x {
        None => "—".to_string(),
        Some(v) if v.abs() >= 1e4 => format!("{v:.4e}"),
        Some(v) => format!("{v}"),
    }
}

fn main() {
    let Some(dir) = corpus_dir() else {
        eprintln!("no corpus folder: pass one, or set BAOGAO_CORPUS");
        std::process::exit(2);
    };
    // region → year → path
    let mut by_region: BTreeMap<String, BTreeMap<i32, PathBuf>> = BTreeMap::new();
    let entries = match std::fs::read_dir(&dir) {
        Ok(e) => e,
        Err(e) => {
            eprintln!("{}: {e}", dir.display());
            std::process::exit(2);
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let Some(name) = path.file_name().and_then(|n| n.to_str()).and_then(|n| n.strip_suffix(".txt")) else {
            continue;
        };
        let Some((year, region)) = name.split_once('-') else { continue };
        let Ok(year) = year.parse::<i32>() else { continue };
        by_region.entry(region.to_string()).or_default().insert(year, path.clone());
    }
    let mut pairs = 0;
    for (region, years) in &by_region {
        let ys: Vec<(&i32, &PathBuf)> = years.iter().collect();
        for w in ys.windows(2) {
            let ((&y0, p0), (&y1, p1)) = (w[0], w[1]);
            if y1 != y0 + 1 {
                continue;
            }
            pairs += 1;
            let (Ok(a), Ok(b)) = (std::fs::read_to_string(p0), std::fs::read_to_string(p1)) else { continue };
            let prev = baogao::parse(&a).reindexed(OffsetUnit::Char);
            let next = baogao::parse(&b).reindexed(OffsetUnit::Char);
            let rows = baogao::track(&prev, &next);
            println!("\n{region} {y0} → {y1}: {} targets", rows.len());
            println!(
                "  {:<26} {:>10} {:>10} {:>10} {:<9} {:>12}  status",
                "metric", "target", "low", "high", "bound", "actual"
            );
            for r in &rows {
                let bound = serde_json::to_value(r.target.bound).ok().and_then(|v| v.as_str().map(str::to_string));
                println!(
                    "  {:<26} {:>10} {:>10} {:>10} {:<9} {:>12}  {}",
                    r.metric,
                    fmt_num(r.target.number),
                    fmt_num(r.target.low),
                    fmt_num(r.target.high),
                    bound.unwrap_or_default(),
                    fmt_num(r.actual.and_then(|x| x.number)),
                    status_name(r.status)
                );
            }
        }
    }
    println!("\n{pairs} consecutive pairs");
}

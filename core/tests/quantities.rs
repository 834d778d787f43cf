//! Indicators against the hand-checked gold data (`../shared/gold`).
//!
//! - `gold_quantities`: parses every corpus file named in
//!   `quantities-dev.jsonl`, writes each report as JSON (char offsets), runs
//!   `score_quantities.py` on it and asserts precision and recall ≥ 0.97 and
//!   bound accuracy ≥ 0.95.
//! - `national_previous_year_gdp_growth`: in every State Council report from
//!   1992 on, the previous year's GDP growth stated in the review is a gdp
//!   growth indicator (actual or estimated) for the previous year.
//!
//! Folders: corpus from `BAOGAO_CORPUS` (default `<repo>/../shared/corpus`),
//! gold from `BAOGAO_GOLD` (default `<repo>/../shared/gold`). When they are
//! missing the tests print why and pass.

use std::path::{Path, PathBuf};
use std::process::Command;

use baogao::{Aggregation, IndicatorKind, OffsetUnit, Options, Parser, Status};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn folder(var: &str, default: &str) -> PathBuf {
    std::env::var_os(var).map(PathBuf::from).unwrap_or_else(|| repo().join("..").join("shared").join(default))
}

fn corpus() -> PathBuf {
    folder("BAOGAO_CORPUS", "corpus")
}

fn gold() -> PathBuf {
    folder("BAOGAO_GOLD", "gold")
}

/// The figure after `name` in the scorer's summary line.
fn figure(out: &str, name: &str) -> Option<f64> {
    let at = out.find(name)? + name.len();
    out[at..].split_whitespace().next()?.parse().ok()
}

#[test]
fn gold_quantities() {
    let (corpus, gold) = (corpus(), gold());
    let gold_file = gold.join("quantities-dev.jsonl");
    let scorer = gold.join("score_quantities.py");
    if !gold_file.is_file() || !scorer.is_file() || !corpus.is_dir() {
        println!(
            "skipped: gold data not found ({} / {}); set BAOGAO_GOLD and BAOGAO_CORPUS",
            gold.display(),
            corpus.display()
        );
        return;
    }
    let rows = std::fs::read_to_string(&gold_file).expect("read gold");
    let mut files: Vec<String> = rows
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v.get("file").and_then(|f| f.as_str()).map(str::to_string))
        .collect();
    files.sort();
    files.dedup();
    let out_dir = std::env::temp_dir().join(format!("baogao-quantities-{}", std::process::id()));
    std::fs::create_dir_all(&out_dir).expect("temp dir");
    for f in &files {
        let name = Path::new(f).file_name().expect("file name");
        let path = corpus.join(name);
        let Ok(text) = std::fs::read_to_string(&path) else {
            println!("warning: corpus file {} missing", path.display());
            continue;
        };
        let report = baogao::parse(&text).reindexed(OffsetUnit::Char);
        let stem = Path::new(name).file_stem().expect("stem").to_string_lossy().to_string();
        std::fs::write(out_dir.join(format!("{stem}.json")), report.to_json()).expect("write json");
    }
    let out = Command::new("python3").arg(&scorer).arg(&gold_file).arg(&corpus).arg(&out_dir).output();
    let _ = std::fs::remove_dir_all(&out_dir);
    let out = match out {
        Ok(o) => o,
        Err(e) => {
            println!("skipped: cannot run python3 ({e})");
            return;
        }
    };
    let stdout = String::from_utf8_lossy(&out.stdout);
    println!("{stdout}");
    eprintln!("{}", String::from_utf8_lossy(&out.stderr));
    let p = figure(&stdout, "precision").expect("precision figure");
    let r = figure(&stdout, "recall").expect("recall figure");
    let b = figure(&stdout, "bound accuracy").expect("bound figure");
    assert!(p >= 0.97, "precision {p}");
    assert!(r >= 0.97, "recall {r}");
    assert!(b >= 0.95, "bound accuracy {b}");
}

#[test]
fn national_previous_year_gdp_growth() {
    let (corpus, gold) = (corpus(), gold());
    let Ok(data) = std::fs::read_to_string(gold.join("national-targets-dev.json")) else {
        println!("skipped: {} not found", gold.join("national-targets-dev.json").display());
        return;
    };
    let v: serde_json::Value = serde_json::from_str(&data).expect("gold json");
    let obj = v.as_object().expect("object");
    let mut checked = 0;
    for (key, entry) in obj {
        let Ok(year) = key.parse::<i32>() else { continue };
        if year < 1992 {
            continue;
        }
        let Some(prev) = entry.get("prev_gdp_growth").filter(|p| !p.is_null()) else { continue };
        let path = corpus.join(format!("{year}-china-national.txt"));
        let Ok(text) = std::fs::read_to_string(&path) else {
            println!("warning: {} missing", path.display());
            continue;
        };
        let value = prev["value"].as_f64().expect("value");
        let quote = prev["quote"].as_str().expect("quote");
        let prev_year = prev["year"].as_i64().map_or(year - 1, |y| y as i32);
        let at = text.find(quote).unwrap_or_else(|| panic!("{year}: quote not in text"));
        let report = Parser::new(Options::default().with_year(year)).parse(&text);
        let found = report.indicators.iter().find(|i| {
            i.start >= at
                && i.end <= at + quote.len()
                && i.kind == IndicatorKind::Growth
                && i.value.number.is_some_and(|n| (n - value).abs() < 1e-9)
        });
        let Some(i) = found else {
            panic!("{year}: no growth {value} in {quote:?}");
        };
        assert_eq!(i.metric.id.as_deref(), Some("gdp"), "{year}: metric of {:?}", i.text);
        assert!(matches!(i.status, Status::Actual | Status::Estimated), "{year}: status {:?}", i.status);
        let p = i.period.as_ref().unwrap_or_else(|| panic!("{year}: no period"));
        assert_eq!((p.start_year, p.end_year), (Some(prev_year), Some(prev_year)), "{year}: period {p:?}");
        assert_ne!(p.aggregation, Aggregation::Cagr, "{year}");
        checked += 1;
    }
    println!("checked {checked} national reports");
}

#[test]
fn national_targets() {
    let (corpus, gold) = (corpus(), gold());
    let Ok(data) = std::fs::read_to_string(gold.join("national-targets-dev.json")) else {
        println!("skipped: {} not found", gold.join("national-targets-dev.json").display());
        return;
    };
    let v: serde_json::Value = serde_json::from_str(&data).expect("gold json");
    let mut checked = 0;
    for (key, entry) in v.as_object().expect("object") {
        let Ok(year) = key.parse::<i32>() else { continue };
        let Ok(text) = std::fs::read_to_string(corpus.join(format!("{year}-china-national.txt"))) else { continue };
        let report = Parser::new(Options::default().with_year(year)).parse(&text);
        for (field, ids) in [
            ("gdp_growth", &["gdp", "gnp"][..]),
            ("cpi", &["cpi"][..]),
            ("urban_jobs", &["jobs_new_urban"][..]),
            ("unemployment", &["unemployment_registered", "unemployment_surveyed"][..]),
        ] {
            let g = &entry[field];
            let (Some(quote), Some(bound)) = (g["quote"].as_str(), g["bound"].as_str()) else { continue };
            if bound == "none" {
                continue;
            }
            let at = text.find(quote).unwrap_or_else(|| panic!("{year} {field}: quote not in text"));
            let want = g["value_persons"].as_f64().or_else(|| g["value"].as_f64());
            let range = g["range"].as_array().map(|r| (r[0].as_f64().unwrap_or(0.0), r[1].as_f64().unwrap_or(0.0)));
            let found = report.indicators.iter().find(|i| {
                let inside = i.start >= at && i.end <= at + quote.len();
                let value = match (range, want) {
                    (Some((lo, hi)), _) => {
                        i.value.low.is_some_and(|l| (l - lo).abs() < 1e-9)
                            && i.value.high.is_some_and(|h| (h - hi).abs() < 1e-9)
                    }
                    (None, Some(w)) => i.value.number.is_some_and(|n| (n.abs() - w).abs() < 1e-6 * w.max(1.0)),
                    _ => false,
                };
                inside && value
            });
            let i = found.unwrap_or_else(|| panic!("{year} {field}: no indicator for {quote:?}"));
            let bound = serde_json::to_value(i.bound).expect("bound");
            assert_eq!(bound.as_str(), g["bound"].as_str(), "{year} {field}: bound of {quote:?}");
            assert_eq!(i.status, Status::Target, "{year} {field}: status of {quote:?}");
            assert!(ids.contains(&i.metric.id.as_deref().unwrap_or("")), "{year} {field}: metric {:?}", i.metric);
            let target_year = g["target_year"].as_i64().map(|y| y as i32);
            assert_eq!(i.period.as_ref().and_then(|p| p.start_year), target_year, "{year} {field}: period");
            checked += 1;
        }
    }
    println!("checked {checked} national targets");
}

#[test]
fn subnational_gdp_targets() {
    let (corpus, gold) = (corpus(), gold());
    let Ok(dir) = std::fs::read_dir(gold.join("reports-dev")) else {
        println!("skipped: {} not found", gold.join("reports-dev").display());
        return;
    };
    let mut checked = 0;
    for entry in dir.flatten() {
        let path = entry.path();
        let Some(slug) = path.file_stem().map(|s| s.to_string_lossy().to_string()) else { continue };
        let Ok(data) = std::fs::read_to_string(&path) else { continue };
        let g: serde_json::Value = serde_json::from_str(&data).expect("gold json");
        let t = &g["gdp_target"];
        let Some(quote) = t["quote"].as_str() else { continue };
        let Ok(text) = std::fs::read_to_string(corpus.join(format!("{slug}.txt"))) else { continue };
        let year: i32 = slug[..4].parse().expect("year in file name");
        let report = Parser::new(Options::default().with_year(year)).parse(&text);
        let at = text.find(quote).unwrap_or_else(|| panic!("{slug}: quote not in text"));
        let range = t["range"].as_array().map(|r| (r[0].as_f64().unwrap_or(0.0), r[1].as_f64().unwrap_or(0.0)));
        let i = report
            .indicators
            .iter()
            .find(|i| {
                i.start >= at
                    && i.end <= at + quote.len()
                    && i.kind == IndicatorKind::Growth
                    && match range {
                        Some((lo, hi)) => i.value.low == Some(lo) && i.value.high == Some(hi),
                        None => i.value.number == t["value"].as_f64(),
                    }
            })
            .unwrap_or_else(|| panic!("{slug}: no growth indicator in {quote:?}"));
        let bound = serde_json::to_value(i.bound).expect("bound");
        assert_eq!(bound.as_str(), t["bound"].as_str(), "{slug}: bound");
        assert_eq!(i.metric.id.as_deref(), Some("gdp"), "{slug}: metric {:?}", i.metric);
        assert_eq!(i.status, Status::Target, "{slug}: status");
        assert_eq!(i.period.as_ref().and_then(|p| p.start_year), Some(year), "{slug}: period");
        checked += 1;
    }
    println!("checked {checked} sub-national GDP targets");
}

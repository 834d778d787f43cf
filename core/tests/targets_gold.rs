//! The coming year's headline targets of every corpus report against the
//! hand-checked gold (`$BAOGAO_GOLD`, default `../shared/gold`):
//!
//! - the headline growth target (metric `gdp`, or `gnp` / `gross_output_ia`
//!   in older reports) is exactly one target indicator of the target year
//!   with the gold's number or range and bound — or none where the report
//!   sets none, or one `absent` indicator where it says so (2020);
//! - for the State Council reports also CPI, new urban jobs and the
//!   unemployment rates.
//!
//! Skipped with a message when the corpus or the gold is not there.

mod common;

use baogao::{Aggregation, Bound, Indicator, IndicatorKind, Report, Status};
use serde_json::Value as Json;

/// Indicators of `r` that are targets of `metrics` for `year` (one year, not
/// a five-year average), of a percent-like kind when `growth`.
fn targets_of<'a>(r: &'a Report, metrics: &[&str], year: i64, growth: bool) -> Vec<&'a Indicator> {
    r.indicators
        .iter()
        .filter(|i| i.status == Status::Target)
        .filter(|i| i.metric.id.as_deref().is_some_and(|m| metrics.contains(&m)))
        .filter(|i| !growth || i.kind == IndicatorKind::Growth)
        .filter(|i| {
            i.period.as_ref().is_some_and(|p| {
                p.start_year == Some(year as i32)
                    && p.end_year == Some(year as i32)
                    && !matches!(p.aggregation, Aggregation::Cagr | Aggregation::Cumulative)
            })
        })
        .collect()
}

fn bound_of(s: &str) -> Option<Bound> {
    Some(match s {
        "about" => Bound::About,
        "at_least" => Bound::AtLeast,
        "at_most" => Bound::AtMost,
        "range" => Bound::Range,
        "exact" => Bound::Exact,
        "nearly" => Bound::Nearly,
        _ => return None,
    })
}

fn close(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => (a - b).abs() <= 1e-6 * b.abs().max(1.0),
        (None, None) => true,
        _ => false,
    }
}

/// Checks one gold target (`{value, range, bound}`) against the candidates;
/// returns an error message or `None`.
fn check(what: &str, found: &[&Indicator], gold: &Json, scale: f64) -> Option<String> {
    let bound = gold["bound"].as_str().unwrap_or("none");
    let describe = |v: &[&Indicator]| {
        v.iter()
            .map(|i| format!("{:?} {:?} {:?}/{:?}/{:?}", i.text, i.bound, i.value.number, i.value.low, i.value.high))
            .collect::<Vec<_>>()
            .join("; ")
    };
    if bound == "none" {
        let absent_expected = gold["quote"].as_str().is_some();
        let real: Vec<&Indicator> = found.iter().copied().filter(|i| i.bound != Bound::Absent).collect();
        let absent: Vec<&Indicator> = found.iter().copied().filter(|i| i.bound == Bound::Absent).collect();
        if !real.is_empty() {
            return Some(format!("{what}: expected no target, found {}", describe(&real)));
        }
        if absent_expected && absent.len() != 1 {
            return Some(format!("{what}: expected one absent target, found {}", absent.len()));
        }
        if !absent_expected && !absent.is_empty() {
            return Some(format!("{what}: unexpected absent target"));
        }
        return None;
    }
    if found.len() != 1 {
        return Some(format!("{what}: expected one target, found {}: {}", found.len(), describe(found)));
    }
    let i = found[0];
    let want_bound = bound_of(bound);
    if Some(i.bound) != want_bound {
        return Some(format!("{what}: bound {:?}, expected {bound} ({})", i.bound, describe(found)));
    }
    if let Some(range) = gold["range"].as_array() {
        let lo = range[0].as_f64();
        let hi = range[1].as_f64();
        if !close(i.value.low, lo) || !close(i.value.high, hi) {
            return Some(format!("{what}: range {:?}–{:?}, expected {lo:?}–{hi:?}", i.value.low, i.value.high));
        }
    } else {
        let want = gold["value"].as_f64().map(|v| v * scale);
        if !close(i.value.number, want) {
            return Some(format!("{what}: value {:?}, expected {want:?}", i.value.number));
        }
    }
    None
}

fn read_json(path: &std::path::Path) -> Json {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn headline_targets_match_the_gold() {
    let (Some(corpus), Some(gold)) =
        (common::corpus("headline_targets_match_the_gold"), common::gold("headline_targets_match_the_gold"))
    else {
        return;
    };
    let national = read_json(&gold.join("national-targets-dev.json"));
    let mut errors = Vec::new();
    let mut checked = 0;
    let mut right = 0;
    for (name, text) in common::corpus_files(&corpus) {
        let r = baogao::parse(&text);
        let stem = name.trim_end_matches(".txt");
        let headline = ["gdp", "gnp", "gross_output_ia"];
        let mut one = |what: String, found: Vec<&Indicator>, g: &Json, scale: f64| {
            checked += 1;
            match check(&what, &found, g, scale) {
                Some(e) => errors.push(e),
                None => right += 1,
            }
        };
        if let Some(year) = stem.strip_suffix("-china-national") {
            let Some(g) = national.get(year) else {
                eprintln!("{name}: no gold entry (skipped)");
                continue;
            };
            let ty = g["target_year"].as_i64().unwrap();
            one(format!("{name} gdp"), targets_of(&r, &headline, ty, true), &g["gdp_growth"], 1.0);
            if !g["cpi"].is_null() {
                one(format!("{name} cpi"), targets_of(&r, &["cpi"], ty, false), &g["cpi"], 1.0);
            }
            if !g["urban_jobs"].is_null() {
                let jobs = &g["urban_jobs"];
                let scale = jobs["value_persons"].as_f64().zip(jobs["value"].as_f64()).map_or(1.0, |(p, v)| p / v);
                one(format!("{name} urban_jobs"), targets_of(&r, &["jobs_new_urban"], ty, false), jobs, scale);
            }
            if !g["unemployment"].is_null() {
                let u = &g["unemployment"];
                let mut all = vec![u.clone()];
                all.extend(u["also"].as_array().cloned().unwrap_or_default());
                for x in all {
                    let id = if x["metric_text"].as_str().unwrap_or("").contains("调查") {
                        "unemployment_surveyed"
                    } else {
                        "unemployment_registered"
                    };
                    one(format!("{name} {id}"), targets_of(&r, &[id], ty, false), &x, 1.0);
                }
            }
        } else {
            let path = gold.join("reports-dev").join(format!("{stem}.json"));
            if !path.exists() {
                eprintln!("{name}: no gold file (skipped)");
                continue;
            }
            let g = read_json(&path);
            let year = g["meta"]["year"].as_i64().unwrap();
            let none = serde_json::json!({"bound": "none"});
            let gt = if g["gdp_target"].is_null() { &none } else { &g["gdp_target"] };
            one(format!("{name} gdp"), targets_of(&r, &headline, year, true), gt, 1.0);
        }
    }
    eprintln!("headline targets right: {right} of {checked}");
    for e in &errors {
        eprintln!("  {e}");
    }
    assert!(errors.is_empty(), "{} of {checked} targets wrong", errors.len());
}

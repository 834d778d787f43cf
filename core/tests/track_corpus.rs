//! `track` on consecutive corpus reports (`$BAOGAO_CORPUS`, default
//! `../shared/corpus`): the State Council reports 2016→2017→2018→2019→2020
//! and the Hailar district reports 2012→2013→2014. The statuses were worked
//! out by hand from the reports' text (targets paragraph of year N, review
//! of the report of year N+1); skipped with a message without the corpus.

mod common;

use baogao::{OffsetUnit, Report, TrackStatus as S, TrackedTarget};

/// (metric, target number or range low, expected outcome, expected status)
type Expected = (&'static str, f64, Option<f64>, S);

fn load(dir: &std::path::Path, name: &str) -> Option<(String, Report)> {
    let text = std::fs::read_to_string(dir.join(name)).ok()?;
    let r = baogao::parse(&text);
    Some((text, r))
}

/// The first row for `metric` whose target is `target` (number, or low of a range).
fn row<'a>(rows: &'a [TrackedTarget], metric: &str, target: f64) -> &'a TrackedTarget {
    rows.iter()
        .find(|r| {
            r.metric == metric
                && r.target.number.or(r.target.low).is_some_and(|t| (t - target).abs() < 1e-6 * target.abs().max(1.0))
        })
        .unwrap_or_else(|| panic!("no {metric} target {target}: {rows:#?}"))
}

fn check(rows: &[TrackedTarget], expected: &[Expected], pair: &str) {
    for &(metric, target, actual, status) in expected {
        let r = row(rows, metric, target);
        let got = r.actual.and_then(|a| a.number);
        let same = match (got, actual) {
            (Some(a), Some(b)) => (a - b).abs() < 1e-6 * b.abs().max(1.0),
            (None, None) => true,
            _ => false,
        };
        assert!(same, "{pair} {metric}: actual {got:?}, expected {actual:?}");
        assert_eq!(r.status, status, "{pair} {metric}");
    }
}

#[test]
fn state_council_2016_to_2020() {
    let Some(dir) = common::corpus("state_council_2016_to_2020") else { return };
    let expected: [(u32, &[Expected]); 4] = [
        (
            2016,
            &[
                ("gdp", 6.5, Some(6.7), S::Met), // 6.5%－7%, 2017 report: 增长6.7%
                ("cpi", 3.0, Some(2.0), S::Met), // ceiling: 上涨2%
                ("jobs_new_urban", 1e7, Some(1.314e7), S::Met),
                ("unemployment_registered", 4.5, Some(4.02), S::Met),
                ("energy_intensity", -3.4, Some(-5.0), S::Met), // 下降3.4%以上, fell 5%
            ],
        ),
        (
            2017,
            &[
                ("gdp", 6.5, Some(6.9), S::Met),                  // 6.5% about, 6.9% within 0.5 pp
                ("cpi", 3.0, None, S::NotReported),               // the 2018 report gives no 2017 CPI
                ("jobs_new_urban", 1.1e7, Some(1.351e7), S::Met), // not the five-year 6600万
                ("unemployment_registered", 4.5, None, S::NotReported),
            ],
        ),
        (
            2018,
            &[
                ("gdp", 6.5, Some(6.6), S::Met),
                ("cpi", 3.0, Some(2.1), S::Met),
                ("jobs_new_urban", 1.1e7, Some(1.361e7), S::Met),
                ("unemployment_surveyed", 5.5, Some(5.0), S::Met),
                ("energy_intensity", -3.0, Some(-3.1), S::Met),
            ],
        ),
        (
            2019,
            &[
                ("gdp", 6.0, Some(6.1), S::Met), // 6%－6.5%
                ("cpi", 3.0, Some(2.9), S::Met),
                ("jobs_new_urban", 1.1e7, Some(1.352e7), S::Met),
                ("unemployment_surveyed", 5.5, Some(5.3), S::Met),
                ("energy_intensity", -3.0, None, S::NotReported),
            ],
        ),
    ];
    for (year, rows_expected) in expected {
        let (Some((_, prev)), Some((_, next))) = (
            load(&dir, &format!("{year}-china-national.txt")),
            load(&dir, &format!("{}-china-national.txt", year + 1)),
        ) else {
            eprintln!("SKIPPED {year}: file missing");
            continue;
        };
        let rows = baogao::track(&prev, &next);
        check(&rows, rows_expected, &format!("{year}→{}", year + 1));
        // one GDP row per year, and spans slice both texts
        assert_eq!(rows.iter().filter(|r| r.metric == "gdp").count(), 1, "{year}");
        for r in &rows {
            let t = &prev.indicators[r.target_indicator];
            assert_eq!((r.target_start, r.target_end), (t.start, t.end));
            if let Some(a) = r.actual_indicator {
                assert_eq!(Some(next.indicators[a].start), r.actual_start);
            }
        }
    }
}

#[test]
fn the_2020_report_sets_no_growth_target() {
    let Some(dir) = common::corpus("the_2020_report_sets_no_growth_target") else { return };
    let Some((_, r)) = load(&dir, "2020-china-national.txt") else { return };
    // nothing to track for GDP: the target is `absent`
    let rows = baogao::track(&r, &r);
    assert!(rows.iter().all(|x| x.metric != "gdp"));
}

#[test]
fn offsets_in_chars() {
    let Some(dir) = common::corpus("offsets_in_chars") else { return };
    let (Some((a, prev)), Some((b, next))) =
        (load(&dir, "2017-china-national.txt"), load(&dir, "2018-china-national.txt"))
    else {
        return;
    };
    let rows = baogao::track(&prev.reindexed(OffsetUnit::Char), &next.reindexed(OffsetUnit::Char));
    let (ac, bc): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let gdp = row(&rows, "gdp", 6.5);
    assert_eq!(ac[gdp.target_start..gdp.target_end].iter().collect::<String>(), "6.5%");
    let (s, e) = (gdp.actual_start.unwrap(), gdp.actual_end.unwrap());
    assert_eq!(bc[s..e].iter().collect::<String>(), "6.9%");
    // the same rows from UTF-8 reports, reindexed afterwards
    let mut utf8 = baogao::track(&prev, &next);
    baogao::track::reindex(&mut utf8, &a, &b, OffsetUnit::Utf8, OffsetUnit::Char);
    assert_eq!(utf8, rows);
}

/// Hailar district, worked out by hand. The 2012 targets: 地区生产总值达到240亿元,
/// 同比增长21%; 地方财政总收入达到20亿元, 同比增长24.6%; 社会消费品零售总额达到
/// 100.8亿元, 同比增长20%; 城镇人均可支配收入达到23896元, 同比增长18%; 农民人均
/// 纯收入达到16892元, 同比增长18%; (tasks) 新增就业5000人. The 2013 review:
/// 地区生产总值完成235.2亿元, 同比增长18.5%; 地方财政总收入完成20.67亿元, 同比
/// 增长28.8%; 社会消费品零售总额完成97.9亿元, 同比增长16.2%; 城镇居民人均可支配
/// 收入达到23267元, 同比增长14.9%; 农民人均纯收入达到16720元, 同比增长16.8%.
const HAILAR_2012: &[Expected] = &[
    ("gdp", 2.4e10, Some(2.352e10), S::Missed),
    ("gdp", 21.0, Some(18.5), S::Missed),
    ("fiscal_total_revenue", 2.0e9, Some(2.067e9), S::Met),
    ("fiscal_total_revenue", 24.6, Some(28.8), S::Met),
    ("retail_sales", 1.008e10, Some(9.79e9), S::Missed),
    ("retail_sales", 20.0, Some(16.2), S::Missed),
    ("income_rural_net_legacy", 16892.0, Some(16720.0), S::Missed),
    ("income_rural_net_legacy", 18.0, Some(16.8), S::Missed),
];

/// The 2013 targets: 地区生产总值增长20%, 达到282亿元; 地方财政总收入增长20%,
/// 达到24.8亿元; 社会消费品零售总额增长22%, 达到120亿元. The 2014 review:
/// 地区生产总值完成253.7亿元, 同比增长10.1%; 地方财政总收入完成24.85亿元, 同比
/// 增长20.3%; 社会消费品零售总额完成110.6亿元, 同比增长13%.
const HAILAR_2013: &[Expected] = &[
    ("gdp", 20.0, Some(10.1), S::Missed),
    ("gdp", 2.82e10, Some(2.537e10), S::Missed),
    ("fiscal_total_revenue", 20.0, Some(20.3), S::Met),
    ("fiscal_total_revenue", 2.48e9, Some(2.485e9), S::Met),
    ("retail_sales", 22.0, Some(13.0), S::Missed),
    ("retail_sales", 1.2e10, Some(1.106e10), S::Missed),
];

fn hailar(dir: &std::path::Path, year: u32) -> Option<Vec<TrackedTarget>> {
    let (_, prev) = load(dir, &format!("{year}-hulunbuir-hailar-district.txt"))?;
    let (_, next) = load(dir, &format!("{}-hulunbuir-hailar-district.txt", year + 1))?;
    Some(baogao::track(&prev, &next))
}

#[test]
fn hailar_rows_that_do_not_depend_on_review_subjects() {
    let Some(dir) = common::corpus("hailar_rows_that_do_not_depend_on_review_subjects") else { return };
    if let Some(rows) = hailar(&dir, 2012) {
        check(&rows, &HAILAR_2012[6..], "Hailar 2012→2013");
        // 新增就业5000人 (2012 tasks) → 2013 review
        assert!(rows.iter().any(|r| r.metric == "jobs_new_urban"));
    }
}

/// District reports state outcomes as "地区生产总值完成235.2亿元" ("X完成N"):
/// the subject is the text before 完成.
#[test]
fn hailar_2012_to_2014_by_hand() {
    let Some(dir) = common::corpus("hailar_2012_to_2014_by_hand") else { return };
    if let Some(rows) = hailar(&dir, 2012) {
        check(&rows, HAILAR_2012, "Hailar 2012→2013");
    }
    if let Some(rows) = hailar(&dir, 2013) {
        check(&rows, HAILAR_2013, "Hailar 2013→2014");
    }
}

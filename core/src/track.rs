//! Promise tracking across years (SPEC §4, `domain.md` §6 item 1).
//!
//! [`track`] pairs each quantified annual target of a report (year N) with
//! the outcome the next report gives for the same metric and year, and rates
//! it:
//!
//! - **targets**: indicators of `prev` with status `target`, a canonical
//!   metric, a number or a range, and a period of one year N (the report year,
//!   or the next year for a report delivered late in the year) that is not a
//!   five-year average or sum; a target named twice (same metric, kind and
//!   value) counts once;
//! - **outcomes**: indicators of `next` with status `actual` (else
//!   `estimated`) of the same series (`gdp`, `gnp` and `gross_output_ia` are
//!   one series, `data/track.tsv`), the same base unit, a compatible kind
//!   (growth with growth, rate with rate, amounts with amounts), the same
//!   scope (region prefixes such as 全市 aside) and the period N; the first in
//!   the text wins, but one in a paragraph that reviews five years ("五年来，…")
//!   only when there is no other;
//! - **status**: `about` — within the tolerance → met, above → exceeded,
//!   below → missed; `range` — inside → met, above → exceeded, below →
//!   missed; `at_least` and `exact` (floors) — actual ≥ target → met, else
//!   missed; `at_most`, and every target on a ceiling metric (CPI,
//!   unemployment rates, energy-intensity falls …) — actual ≤ target → met,
//!   else missed; no outcome → not_reported. The tolerance is 0.5
//!   percentage point by default ([`TrackOptions`]); for targets not in
//!   percent it is read as a percentage of the target.
//!
//! Offsets are copied from the indicators, so they are in the unit of the
//! reports: track UTF-8 reports for `&str` offsets, or reports reindexed to
//! chars or UTF-16 ([`crate::Report::reindexed`]) for Python and JavaScript
//! offsets; [`reindex`] converts rows afterwards.
//!
//! ```
//! use baogao::{Options, Parser, TrackStatus};
//! let prev = Parser::new(Options::default().with_year(2017)).parse(
//!     "一、2016年工作回顾\n国内生产总值增长6.7%。\n二、2017年工作总体部署\n今年发展的主要预期目标是：国内生产总值增长6.5%左右。\n",
//! );
//! let next = Parser::new(Options::default().with_year(2018)).parse(
//!     "一、2017年工作回顾\n国内生产总值增长6.9%。\n二、2018年工作总体部署\n今年发展的主要预期目标是：国内生产总值增长6.5%左右。\n",
//! );
//! let rows = baogao::track(&prev, &next);
//! assert_eq!(rows.len(), 1);
//! assert_eq!(rows[0].metric, "gdp");
//! assert_eq!(rows[0].actual.unwrap().number, Some(6.9));
//! assert_eq!(rows[0].status, TrackStatus::Met);
//! ```

use std::sync::OnceLock;

use crate::lexicon::rows;
use crate::model::{
    ActualValue, Aggregation, BaseUnit, Bound, Indicator, IndicatorKind, OffsetUnit, Report, Status, TargetValue,
    TrackStatus, TrackedTarget,
};

/// Options of [`track_with`].
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct TrackOptions {
    /// How far an `about` target may miss and still be met, in percentage
    /// points (for targets not in percent: in percent of the target).
    pub tolerance: f64,
}

impl Default for TrackOptions {
    fn default() -> Self {
        TrackOptions { tolerance: 0.5 }
    }
}

impl TrackOptions {
    /// Sets [`TrackOptions::tolerance`].
    pub fn with_tolerance(mut self, tolerance: f64) -> Self {
        self.tolerance = tolerance;
        self
    }
}

struct Table {
    series: Vec<(&'static str, &'static str)>,
    ceiling: Vec<&'static str>,
    scope_region: Vec<&'static str>,
    five_year_paragraph: Vec<&'static str>,
}

fn table() -> &'static Table {
    static T: OnceLock<Table> = OnceLock::new();
    T.get_or_init(|| {
        let mut t = Table {
            series: Vec::new(),
            ceiling: Vec::new(),
            scope_region: Vec::new(),
            five_year_paragraph: Vec::new(),
        };
        for row in rows(include_str!("../data/track.tsv")) {
            match (row.first().copied(), row.get(1).copied(), row.get(2).copied()) {
                (Some("series"), Some(id), Some(s)) => t.series.push((id, s)),
                (Some("ceiling"), Some(id), _) => t.ceiling.push(id),
                (Some("scope_region"), Some(w), _) => t.scope_region.push(w),
                (Some("five_year_paragraph"), Some(w), _) => t.five_year_paragraph.push(w),
                _ => {}
            }
        }
        t.scope_region.sort_by_key(|w| std::cmp::Reverse(w.len()));
        t
    })
}

fn series(id: &str) -> &str {
    table().series.iter().find(|(m, _)| *m == id).map_or(id, |(_, s)| s)
}

fn is_ceiling(id: &str) -> bool {
    table().ceiling.contains(&id)
}

/// The scope without a leading region prefix ("全市规模以上" → "规模以上").
fn scope_key(scope: Option<&str>) -> &str {
    let s = scope.unwrap_or("");
    table().scope_region.iter().find_map(|w| s.strip_prefix(w)).unwrap_or(s)
}

/// The single year of an indicator's period (not a multi-year average or sum).
fn one_year(i: &Indicator) -> Option<i32> {
    let p = i.period.as_ref()?;
    if matches!(p.aggregation, Aggregation::Cagr | Aggregation::Cumulative) {
        return None;
    }
    match (p.start_year, p.end_year) {
        (Some(a), Some(b)) if a == b => Some(a),
        _ => None,
    }
}

/// Kinds a target and an outcome may differ in and still measure the same thing.
fn kind_class(k: IndicatorKind) -> u8 {
    match k {
        IndicatorKind::Growth => 0,
        IndicatorKind::Rate => 1,
        IndicatorKind::Share => 2,
        IndicatorKind::Level | IndicatorKind::Change | IndicatorKind::Count | IndicatorKind::Threshold => 3,
        IndicatorKind::Ratio => 4,
        IndicatorKind::Multiple => 5,
        IndicatorKind::Structure => 6,
        IndicatorKind::Rank => 7,
    }
}

fn trackable_kind(k: IndicatorKind) -> bool {
    !matches!(k, IndicatorKind::Structure | IndicatorKind::Rank | IndicatorKind::Multiple)
}

fn has_value(i: &Indicator) -> bool {
    i.value.number.is_some() || (i.value.low.is_some() && i.value.high.is_some())
}

/// The quantified annual targets of `prev` (indices), one per metric, kind and value.
fn targets_of(prev: &Report) -> Vec<usize> {
    let r = prev.meta.year;
    let mut out: Vec<usize> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (k, i) in prev.indicators.iter().enumerate() {
        if i.status != Status::Target || i.bound == Bound::Absent || !has_value(i) || !trackable_kind(i.kind) {
            continue;
        }
        let Some(id) = i.metric.id.as_deref() else { continue };
        let Some(y) = one_year(i) else { continue };
        if r.is_some_and(|r| y != r && y != r + 1) {
            continue;
        }
        let bits = |x: Option<f64>| x.map(f64::to_bits);
        let key = (
            id,
            kind_class(i.kind),
            scope_key(i.metric.scope.as_deref()),
            [bits(i.value.number), bits(i.value.low), bits(i.value.high)],
            y,
        );
        if seen.insert(key) {
            out.push(k);
        }
    }
    out.sort_by_key(|&k| prev.indicators[k].start);
    out
}

/// The outcome in `next` for the target `t` (year `y`).
fn actual_for<'a>(next: &'a Report, t: &Indicator, y: i32) -> Option<&'a Indicator> {
    let id = t.metric.id.as_deref()?;
    let fits = |i: &&Indicator| {
        matches!(i.status, Status::Actual | Status::Estimated)
            && i.metric.id.as_deref().is_some_and(|m| series(m) == series(id))
            && i.value.base_unit == t.value.base_unit
            && kind_class(i.kind) == kind_class(t.kind)
            && i.value.number.is_some()
            && one_year(i) == Some(y)
            && scope_key(i.metric.scope.as_deref()) == scope_key(t.metric.scope.as_deref())
    };
    let five_year = |i: &Indicator| {
        i.paragraph.and_then(|p| next.paragraphs.get(p)).is_some_and(|p| {
            let head: String = p.text.trim_start().chars().take(16).collect();
            table().five_year_paragraph.iter().any(|w| head.contains(w))
        })
    };
    // actual before estimated, a paragraph about the year before one about five years, then text order
    next.indicators.iter().filter(fits).min_by_key(|i| (i.status != Status::Actual, five_year(i), i.start))
}

fn percentish(u: Option<BaseUnit>) -> bool {
    matches!(u, Some(BaseUnit::Percent | BaseUnit::PercentagePoint | BaseUnit::Permille))
}

/// The status of target `t` against outcome value `a` (SPEC §4).
pub fn rate(t: &TargetValue, a: f64, ceiling: bool, tolerance: f64) -> TrackStatus {
    const EPS: f64 = 1e-9;
    let point = t.number;
    let (low, high) = (t.low.or(point), t.high.or(point));
    if ceiling || t.bound == Bound::AtMost {
        return match high {
            Some(h) if a <= h + EPS => TrackStatus::Met,
            Some(_) => TrackStatus::Missed,
            None => TrackStatus::NotReported,
        };
    }
    match t.bound {
        Bound::Range => match (low, high) {
            (Some(l), Some(_)) if a < l - EPS => TrackStatus::Missed,
            (Some(_), Some(h)) if a > h + EPS => TrackStatus::Exceeded,
            (Some(_), Some(_)) => TrackStatus::Met,
            _ => TrackStatus::NotReported,
        },
        Bound::About | Bound::Nearly => match point.or(low) {
            Some(p) if (a - p).abs() <= tolerance + EPS => TrackStatus::Met,
            Some(p) if a > p => TrackStatus::Exceeded,
            Some(_) => TrackStatus::Missed,
            None => TrackStatus::NotReported,
        },
        _ => match point.or(low) {
            Some(p) if a >= p - EPS => TrackStatus::Met,
            Some(_) => TrackStatus::Missed,
            None => TrackStatus::NotReported,
        },
    }
}

/// [`track_with`] with the default options (tolerance 0.5 percentage point).
pub fn track(prev: &Report, next: &Report) -> Vec<TrackedTarget> {
    track_with(prev, next, &TrackOptions::default())
}

/// Pairs each quantified annual target of `prev` with the outcome `next`
/// reports for it. Both reports should be in the same offset unit; when they
/// differ and both hold their source text, `next` is reindexed to `prev`'s.
pub fn track_with(prev: &Report, next: &Report, options: &TrackOptions) -> Vec<TrackedTarget> {
    let converted;
    let next = if next.offset_unit != prev.offset_unit && next.source().is_some() {
        converted = next.reindexed(prev.offset_unit);
        &converted
    } else {
        next
    };
    let mut out = Vec::new();
    for k in targets_of(prev) {
        let t = &prev.indicators[k];
        let Some(id) = t.metric.id.clone() else { continue };
        let Some(y) = one_year(t) else { continue };
        let target = TargetValue { number: t.value.number, low: t.value.low, high: t.value.high, bound: t.bound };
        let actual = actual_for(next, t, y);
        let tol = if percentish(t.value.base_unit) {
            options.tolerance
        } else {
            options.tolerance / 100.0 * t.value.number.or(t.value.high).unwrap_or(0.0).abs()
        };
        let status = match actual.and_then(|a| a.value.number) {
            Some(a) => rate(&target, a, is_ceiling(&id), tol),
            None => TrackStatus::NotReported,
        };
        out.push(TrackedTarget {
            metric: id,
            target,
            actual: actual.map(|a| ActualValue { number: a.value.number }),
            status,
            target_indicator: t.id,
            target_start: t.start,
            target_end: t.end,
            actual_indicator: actual.map(|a| a.id),
            actual_start: actual.map(|a| a.start),
            actual_end: actual.map(|a| a.end),
        });
    }
    out
}

/// Converts offset `off` of `text`, counted in `from`, to `to`.
fn convert(text: &str, off: usize, from: OffsetUnit, to: OffsetUnit) -> usize {
    if from == to {
        return off;
    }
    let (mut b, mut c, mut u) = (0usize, 0usize, 0usize);
    for ch in text.chars() {
        let here = match from {
            OffsetUnit::Utf8 => b,
            OffsetUnit::Char => c,
            OffsetUnit::Utf16 => u,
        };
        if here >= off {
            break;
        }
        b += ch.len_utf8();
        c += 1;
        u += ch.len_utf16();
    }
    match to {
        OffsetUnit::Utf8 => b,
        OffsetUnit::Char => c,
        OffsetUnit::Utf16 => u,
    }
}

/// Converts the offsets of tracking rows from `from` to `to`, given the
/// texts of the earlier and the later report.
///
/// ```
/// use baogao::{OffsetUnit, Options, Parser};
/// let a = "𠮷一、2016年工作回顾\n国内生产总值增长6.7%。\n二、2017年工作\n今年的主要预期目标是：国内生产总值增长6.5%左右。\n";
/// let b = "一、2017年工作回顾\n国内生产总值增长6.9%。\n";
/// let prev = Parser::new(Options::default().with_year(2017)).parse(a);
/// let next = Parser::new(Options::default().with_year(2018)).parse(b);
/// let mut rows = baogao::track(&prev, &next);
/// baogao::track::reindex(&mut rows, a, b, OffsetUnit::Utf8, OffsetUnit::Char);
/// let chars: Vec<char> = a.chars().collect();
/// let s: String = chars[rows[0].target_start..rows[0].target_end].iter().collect();
/// assert_eq!(s, "6.5%");
/// ```
pub fn reindex(rows: &mut [TrackedTarget], prev_text: &str, next_text: &str, from: OffsetUnit, to: OffsetUnit) {
    for r in rows {
        r.target_start = convert(prev_text, r.target_start, from, to);
        r.target_end = convert(prev_text, r.target_end, from, to);
        r.actual_start = r.actual_start.map(|o| convert(next_text, o, from, to));
        r.actual_end = r.actual_end.map(|o| convert(next_text, o, from, to));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tv(number: Option<f64>, low: Option<f64>, high: Option<f64>, bound: Bound) -> TargetValue {
        TargetValue { number, low, high, bound }
    }

    #[test]
    fn status_rules() {
        use TrackStatus::*;
        let about = tv(Some(6.5), None, None, Bound::About);
        assert_eq!(rate(&about, 6.9, false, 0.5), Met);
        assert_eq!(rate(&about, 7.0, false, 0.5), Met);
        assert_eq!(rate(&about, 7.1, false, 0.5), Exceeded);
        assert_eq!(rate(&about, 5.9, false, 0.5), Missed);
        assert_eq!(rate(&about, 6.9, false, 0.2), Exceeded);
        let range = tv(None, Some(6.5), Some(7.0), Bound::Range);
        assert_eq!(rate(&range, 6.7, false, 0.5), Met);
        assert_eq!(rate(&range, 7.2, false, 0.5), Exceeded);
        assert_eq!(rate(&range, 6.4, false, 0.5), Missed);
        let floor = tv(Some(8.0), None, None, Bound::AtLeast);
        assert_eq!(rate(&floor, 8.0, false, 0.5), Met);
        assert_eq!(rate(&floor, 7.9, false, 0.5), Missed);
        let exact = tv(Some(8.0), None, None, Bound::Exact);
        assert_eq!(rate(&exact, 12.0, false, 0.5), Met);
        let ceiling = tv(Some(4.5), None, None, Bound::AtMost);
        assert_eq!(rate(&ceiling, 3.9, false, 0.5), Met);
        assert_eq!(rate(&ceiling, 4.6, false, 0.5), Missed);
        // CPI 3% about is a ceiling: 2% is met, 3.2% missed
        let cpi = tv(Some(3.0), None, None, Bound::About);
        assert_eq!(rate(&cpi, 2.0, true, 0.5), Met);
        assert_eq!(rate(&cpi, 3.2, true, 0.5), Missed);
        // an energy-intensity fall of 3.4%: falling 5% is met, 2% missed
        let fall = tv(Some(-3.4), None, None, Bound::Exact);
        assert_eq!(rate(&fall, -5.0, true, 0.5), Met);
        assert_eq!(rate(&fall, -2.0, true, 0.5), Missed);
    }

    #[test]
    fn series_and_scopes() {
        assert_eq!(series("gnp"), "gdp");
        assert_eq!(series("gross_output_ia"), "gdp");
        assert_eq!(series("cpi"), "cpi");
        assert_eq!(scope_key(Some("全市规模以上")), "规模以上");
        assert_eq!(scope_key(None), "");
        assert!(is_ceiling("cpi") && !is_ceiling("gdp"));
    }

    #[test]
    fn pairs_by_metric_and_year() {
        use crate::{Options, Parser};
        let prev = Parser::new(Options::default().with_year(2013)).parse(
            "一、2012年工作回顾\n地区生产总值增长18%。\n二、2013年工作安排\n经济社会发展主要预期目标是：地区生产总值增长20%，达到282亿元；社会消费品零售总额增长22%；城镇居民人均可支配收入增长18%。\n",
        );
        let next = Parser::new(Options::default().with_year(2014)).parse(
            "一、2013年工作回顾\n实现地区生产总值270亿元，增长10.5%；社会消费品零售总额达到118亿元，增长14%。\n",
        );
        let rows = track(&prev, &next);
        let got: Vec<(&str, Option<f64>, TrackStatus)> =
            rows.iter().map(|r| (r.metric.as_str(), r.actual.and_then(|a| a.number), r.status)).collect();
        assert_eq!(got[0], ("gdp", Some(10.5), TrackStatus::Missed));
        assert_eq!(got[1], ("gdp", Some(2.7e10), TrackStatus::Missed));
        assert_eq!(got[2], ("retail_sales", Some(14.0), TrackStatus::Missed));
        assert_eq!(got.last().unwrap().2, TrackStatus::NotReported);
        for r in &rows {
            let t = &prev.indicators[r.target_indicator];
            assert_eq!((r.target_start, r.target_end), (t.start, t.end));
        }
        // reports in chars give char offsets
        let rows_c = track(&prev.reindexed(OffsetUnit::Char), &next.reindexed(OffsetUnit::Char));
        let src: Vec<char> = prev.source().unwrap().chars().collect();
        let s: String = src[rows_c[0].target_start..rows_c[0].target_end].iter().collect();
        assert_eq!(s, "20%");
    }

    #[test]
    fn empty_reports() {
        let a = crate::parse("");
        assert!(track(&a, &a).is_empty());
    }
}

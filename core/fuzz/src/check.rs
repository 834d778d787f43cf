//! The invariants every parse must keep, whatever the input (SPEC §1, §2):
//! every span lies on char boundaries of the caller's string and slices
//! exactly the item's text, in UTF-8 bytes, chars and UTF-16 units; ids are
//! array indices and every cross-reference points into its array; values are
//! finite; the report serializes.
//!
//! Shared by the fuzz targets (`core/fuzz/fuzz_targets/*.rs`) and the
//! regression tests (`core/tests/fuzz_regressions.rs`), which include this
//! file with `#[path]`. It depends on nothing but `baogao`.

use baogao::{OffsetUnit, Report};

/// Every span of `r`, including the ones without text (clause spans,
/// diagnostics), as (start, end, the text it must slice when known, what).
fn spans(r: &Report) -> Vec<(usize, usize, Option<&str>, &'static str)> {
    r.spans().map(|s| (s.start, s.end, s.text, s.kind.describe())).collect()
}

/// The text of `text[start..end]` counted in `unit`, or `None` when the span
/// is out of range, reversed or not on a boundary (a split surrogate pair
/// fails to decode).
fn slice(text: &str, chars: &[char], units: &[u16], unit: OffsetUnit, start: usize, end: usize) -> Option<String> {
    if start > end {
        return None;
    }
    match unit {
        OffsetUnit::Utf8 => text.get(start..end).map(str::to_string),
        OffsetUnit::Char => chars.get(start..end).map(|c| c.iter().collect()),
        OffsetUnit::Utf16 => units.get(start..end).and_then(|u| String::from_utf16(u).ok()),
    }
}

fn check_spans(text: &str, r: &Report, chars: &[char], units: &[u16]) {
    assert_eq!(r.source(), Some(text), "the report keeps the caller's text");
    for (start, end, want, what) in spans(r) {
        let got = slice(text, chars, units, r.offset_unit, start, end);
        let Some(got) = got else {
            panic!("{what} {start}..{end} ({:?}) is not a valid span of a {}-unit text", r.offset_unit, text.len())
        };
        if let Some(want) = want {
            assert_eq!(got, want, "{what} {start}..{end} ({:?}) does not slice its text", r.offset_unit);
        }
    }
}

fn check_refs(r: &Report) {
    let (ns, np, ni, nl) = (r.sections.len(), r.paragraphs.len(), r.indicators.len(), r.lists.len());
    for (k, s) in r.sections.iter().enumerate() {
        assert_eq!(s.id, k, "section id");
        assert!(s.parent.is_none_or(|p| p < k), "section {k}: parent {:?} comes first", s.parent);
        assert!(s.start <= s.title_start && s.title_end <= s.end, "section {k} covers its title");
    }
    for (k, p) in r.paragraphs.iter().enumerate() {
        assert_eq!(p.id, k, "paragraph id");
        assert!(p.section.is_none_or(|s| s < ns), "paragraph {k}: section in range");
    }
    for (k, i) in r.indicators.iter().enumerate() {
        assert_eq!(i.id, k, "indicator id");
        assert!(i.section.is_none_or(|s| s < ns), "indicator {k}: section in range");
        assert!(i.paragraph.is_none_or(|p| p < np), "indicator {k}: paragraph in range");
        assert_eq!(i.metric.start.is_some(), i.metric.end.is_some(), "indicator {k}: metric start/end both or neither");
        assert!(i.relation.as_ref().is_none_or(|rel| rel.of < ni), "indicator {k}: relation in range");
        let v = &i.value;
        for x in [v.number, v.low, v.high, v.multiplier].into_iter().flatten() {
            assert!(x.is_finite(), "indicator {k} ({:?}): value {x} is finite", i.text);
        }
    }
    for (k, c) in r.commitments.iter().enumerate() {
        assert_eq!(c.id, k, "commitment id");
        assert!(c.section.is_none_or(|s| s < ns), "commitment {k}: section in range");
        assert!(c.paragraph.is_none_or(|p| p < np), "commitment {k}: paragraph in range");
        assert!(c.targets.iter().all(|&t| t < ni), "commitment {k}: targets in range");
        if let Some(li) = &c.list_item {
            assert!(li.list < nl, "commitment {k}: list in range");
        }
    }
    for (k, l) in r.lists.iter().enumerate() {
        assert_eq!(l.id, k, "list id");
        assert!(l.paragraph.is_none_or(|p| p < np), "list {k}: paragraph in range");
    }
}

/// Checks every invariant of `report`, the parse of `text`, in all three
/// offset units, and the reindexing round trip. Panics on the first
/// violation.
pub fn check_report(text: &str, report: &Report) {
    assert_eq!(report.offset_unit, OffsetUnit::Utf8);
    let chars: Vec<char> = text.chars().collect();
    let units: Vec<u16> = text.encode_utf16().collect();
    check_spans(text, report, &chars, &units);
    check_refs(report);
    let by_char = report.reindexed(OffsetUnit::Char);
    assert_eq!(by_char.offset_unit, OffsetUnit::Char);
    check_spans(text, &by_char, &chars, &units);
    let by_utf16 = by_char.reindexed(OffsetUnit::Utf16);
    assert_eq!(by_utf16.offset_unit, OffsetUnit::Utf16);
    check_spans(text, &by_utf16, &chars, &units);
    assert!(by_utf16.reindexed(OffsetUnit::Utf8) == *report, "chars → utf16 → utf8 gives the offsets back");
    let json = report.to_json();
    assert!(json.starts_with("{\"schema_version\""), "to_json failed: {}", &json[..json.len().min(200)]);
}

/// Parses `text` with `parser` and checks it.
pub fn parse_and_check(parser: &baogao::Parser, text: &str) -> Report {
    let report = parser.parse(text);
    check_report(text, &report);
    report
}

//! The one rule about text positions (SPEC §1): every span indexes the
//! caller's original string, in bytes, chars and UTF-16 units, on every
//! corpus report, the embedded sample and the shared edge cases.

mod common;

use baogao::{OffsetUnit, Report};

/// Every (start, end, expected text) of a report. Section titles are exact
/// slices too.
fn items(r: &Report) -> Vec<(usize, usize, String, &'static str)> {
    for s in &r.sections {
        assert!(s.start <= s.title_start && s.title_end <= s.end, "section span covers its title");
    }
    common::text_spans(r)
}

/// Checks the invariant in all three units; returns the number of spans checked.
fn check(name: &str, text: &str) -> usize {
    let report = baogao::parse(text);
    assert_eq!(report.offset_unit, OffsetUnit::Utf8);
    let utf8 = items(&report);
    for (s, e, t, what) in &utf8 {
        assert_eq!(text.get(*s..*e), Some(t.as_str()), "{name}: {what} bytes {s}..{e}");
    }
    let chars: Vec<char> = text.chars().collect();
    let by_char = items(&report.reindexed(OffsetUnit::Char));
    for (s, e, t, what) in &by_char {
        let slice: String = chars[*s..*e].iter().collect();
        assert_eq!(&slice, t, "{name}: {what} chars {s}..{e}");
    }
    let units: Vec<u16> = text.encode_utf16().collect();
    let by_utf16 = items(&report.reindexed(OffsetUnit::Utf16));
    for (s, e, t, what) in &by_utf16 {
        assert_eq!(
            String::from_utf16(&units[*s..*e]).ok().as_deref(),
            Some(t.as_str()),
            "{name}: {what} utf16 {s}..{e}"
        );
    }
    // Round trip: chars → utf16 → utf8 gives the original offsets back.
    let back = report.reindexed(OffsetUnit::Char).reindexed(OffsetUnit::Utf16).reindexed(OffsetUnit::Utf8);
    assert_eq!(back, report, "{name}: reindexing round trip");
    utf8.len()
}

#[test]
fn spans_slice_the_sample_exactly() {
    let n = check("sample", baogao::SAMPLE_REPORT);
    assert!(n > 100, "the sample has sections, paragraphs and leads ({n} spans)");
    let n = check("sample with astral prefix", &format!("𠮷😀{}", baogao::SAMPLE_REPORT));
    assert!(n > 100);
}

#[test]
fn spans_slice_every_corpus_report_exactly() {
    let Some(dir) = common::corpus("spans_slice_every_corpus_report_exactly") else { return };
    let files = common::corpus_files(&dir);
    assert!(files.len() >= 40, "corpus has its 42 reports");
    for (name, text) in files {
        let n = check(&name, &text);
        assert!(n > 0, "{name}: nothing found");
        check(&format!("{name} with astral prefix"), &format!("𠮷😀\r\n{text}"));
    }
}

#[test]
fn edge_cases_parse_and_keep_spans() {
    let cases = common::fixture_json("edge-cases.json");
    for case in cases.as_array().unwrap() {
        let name = case["name"].as_str().unwrap();
        let text = case["text"].as_str().unwrap();
        check(name, text);
    }
}

#[test]
fn odd_input_never_panics() {
    let big_digits = "9".repeat(1_000_000);
    let inputs = [
        "一、".repeat(10_000),
        "(一)\n".repeat(5_000),
        "\n".repeat(100_000),
        "各位代表：\n".repeat(2_000),
        big_digits,
        "\u{FFFD}\u{0}\u{1}ab\u{7f}".repeat(1_000),
        "。".repeat(50_000),
    ];
    for t in inputs {
        check("odd", &t);
    }
}

//! Inputs found by fuzzing (`scripts/fuzz.sh`, `core/fuzz/`) and by the
//! property tests (`tests/props.rs`) that once broke an invariant: a panic, a
//! span off a char boundary or not slicing its text, a wrong value, or time
//! growing faster than the input. Each is minimized and kept here, inline,
//! with the invariant check the fuzz targets run (`core/fuzz/src/check.rs`).
//!
//! To add one: minimize the artifact (`cargo +nightly fuzz tmin --fuzz-dir
//! core/fuzz TARGET core/fuzz/artifacts/TARGET/crash-…`), paste its bytes as a
//! literal below, and name the bug it caught.

use std::time::{Duration, Instant};

use baogao::normalize::Normalized;
use baogao::numbers::scan;

#[path = "../fuzz/src/check.rs"]
mod check;

/// Parses `text` (lossy UTF-8 like the `parse` target) and checks every invariant.
fn parses_cleanly(bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    check::parse_and_check(&baogao::Parser::default(), &text);
}

/// The numbers `scan` reads in the normalized `text`.
fn numbers(text: &str) -> Vec<Option<f64>> {
    scan(Normalized::new(text).text()).iter().map(|q| q.number).collect()
}

/// Found by `props::growth_percent_reads_the_same_in_every_script`: a
/// decimal point after 百/千 ended the Chinese numeral, so 百分之一百点一
/// read as 100 (and 一千点五 as 1000). The scanner now keeps 点 after 十,
/// 百 and 千 as it did after a digit.
#[test]
fn chinese_decimal_after_hundreds() {
    assert_eq!(numbers("增长百分之一百点一"), [Some(100.1)]);
    assert_eq!(numbers("增长百分之二十点五"), [Some(20.5)]);
    let q = numbers("投资一千点五亿元");
    assert_eq!(q.len(), 1);
    assert!((q[0].unwrap() - 1.0005e11).abs() < 1.0, "{q:?}");
    parses_cleanly("地区生产总值增长百分之一百点一。".as_bytes());
}

/// Found by the scaling check: when a ① list restarted in the same paragraph
/// (①…②…①…②…), the previous list's last item ran to the end of the
/// paragraph, so n restarts copied n paragraph-long item texts: quadratic time
/// and output (8000 × "①②" took 1.6 s, 2000 × 0.1 s). The item now ends
/// before the next list's marker (or at its sentence).
#[test]
fn restarted_circled_lists_end_their_last_item() {
    let r = baogao::parse("①甲②乙。①丙②丁。");
    let items: Vec<Vec<&str>> = r.lists.iter().map(|l| l.items.iter().map(|i| i.text.as_str()).collect()).collect();
    assert_eq!(items, [["甲", "乙"], ["丙", "丁"]]);
    let r = baogao::parse("①甲②乙①丙②丁");
    let items: Vec<Vec<&str>> = r.lists.iter().map(|l| l.items.iter().map(|i| i.text.as_str()).collect()).collect();
    assert_eq!(items, [["甲", "乙"], ["丙", "丁"]]);
    for unit in ["①②", "①增长5%②", "一是加快;二是推进;"] {
        let text = unit.repeat(2000);
        let r = check::parse_and_check(&baogao::Parser::default(), &text);
        let item_bytes: usize = r.lists.iter().flat_map(|l| &l.items).map(|i| i.text.len()).sum();
        assert!(item_bytes <= text.len(), "{unit}: list items hold {item_bytes} bytes of a {}-byte text", text.len());
    }
}

/// Odd inputs the fuzz targets start from: empty, lone markers, control and
/// replacement characters, astral characters at every position, CRLF and
/// full-width runs.
#[test]
fn odd_small_inputs_keep_every_invariant() {
    let inputs: &[&[u8]] = &[
        b"",
        b"\xff",
        b"\r",
        b"\r\n\r\n",
        "一、".as_bytes(),
        "（一）\r\n".as_bytes(),
        "𠮷一、\u{200B}回顾\r\n增长６．５\n％左右。".as_bytes(),
        "\u{FEFF}政府工作报告\n各位代表：\n一、\n二、\n".as_bytes(),
        b"1.\n2.\n(1)\n(2)\n\xe4\xb8\x80\xe6\x98\xaf",
        "百分之百分之百分之".as_bytes(),
        "一二三四五六七八九十百千万亿".as_bytes(),
        "增长0.0000000000000000000000000000000000001%".as_bytes(),
    ];
    for bytes in inputs {
        parses_cleanly(bytes);
    }
}

fn best_of(text: &str, runs: usize) -> Duration {
    (0..runs)
        .map(|_| {
            let t0 = Instant::now();
            std::hint::black_box(baogao::parse(text));
            t0.elapsed()
        })
        .min()
        .unwrap_or_default()
}

/// 20 copies must not take more than 60× one copy (the `scaling` fuzz
/// target's check), in the debug build of the tests: the copies as
/// paragraphs of their own (a chunk of the sample), and run together into
/// one paragraph (the sample's longest line; under AddressSanitizer a 1978
/// paragraph took 76× as long, natively and here it scales linearly).
#[test]
fn twenty_copies_scale_linearly() {
    let chunk = &baogao::SAMPLE_REPORT[..baogao::SAMPLE_REPORT.char_indices().nth(3000).map_or(0, |(b, _)| b)];
    let paragraph = baogao::SAMPLE_REPORT.lines().max_by_key(|l| l.len()).unwrap_or_default();
    let as_paragraphs = |k: usize| chunk.lines().map(|l| format!("{l} {k}\n")).collect::<String>() + "\n";
    let run_together = |k: usize| format!("{paragraph} {k}");
    for (what, copy) in [("paragraphs", &as_paragraphs as &dyn Fn(usize) -> String), ("one paragraph", &run_together)] {
        let one = copy(0);
        let many: String = (0..20).map(copy).collect();
        // The fastest of many runs of each, interleaved over up to six
        // rounds: the other tests run in parallel threads, and on a loaded
        // machine any one run can be descheduled (the longer text more
        // often). Quadratic work would show as about 400×, far above 60×.
        let (mut t1, mut tn) = (Duration::MAX, Duration::MAX);
        let mut ratios = Vec::new();
        for _ in 0..6 {
            t1 = t1.min(best_of(&one, 5).max(Duration::from_micros(200)));
            tn = tn.min(best_of(&many, 2));
            ratios.push(tn.as_secs_f64() / t1.as_secs_f64());
            if ratios.last().is_some_and(|&r| r < 60.0) {
                break;
            }
        }
        assert!(ratios.iter().any(|&r| r < 60.0), "{what}: 20 copies take {ratios:.0?}× one copy");
    }
}

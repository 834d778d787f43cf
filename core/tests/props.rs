//! Property tests (proptest) for the pieces every span and value rests on:
//! the offset maps (UTF-8 bytes ↔ chars ↔ UTF-16 units), the normalized
//! view's map back to the original text, and numeral reading (Chinese
//! numerals ↔ Arabic, full-width digits, 百分之N).
//!
//! Case counts are modest so the file runs in a few seconds in debug builds;
//! `PROPTEST_CASES=5000 cargo test -p baogao --test props` digs deeper.

use baogao::normalize::Normalized;
use baogao::numbers::{scan, Form};
use baogao::numerals::small_int;
use baogao::offsets::{char_offset, utf16_offset};
use baogao::{BaseUnit, Diagnostic, OffsetUnit};
use proptest::prelude::*;

#[path = "../fuzz/src/check.rs"]
mod check;

/// `cases` cases (or `PROPTEST_CASES`), without failure files: a failing
/// case is printed, minimized, and belongs in a named test.
fn config(cases: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(cases);
    ProptestConfig { cases, failure_persistence: None, ..ProptestConfig::default() }
}

/// Characters the normalizer folds, drops or joins on, plus astral ones.
const SPECIAL: &[char] = &[
    '\r', '\n', '\t', ' ', '\u{3000}', '\u{200B}', '\u{200D}', '\u{FEFF}', '\u{A0}', '\u{2003}', '０', '９', '．',
    '％', '，', '（', '）', 'Ａ', 'ｚ', '。', '、', '；', '：', '“', '”', '《', '》', '—', '…', '⼀', '⾦', '豈', '增',
    '長', '长', '亿', '万', '元', '一', '二', '十', '百', '(', ')', '.', '%', '5', '0', '𠮷', '😀', '𝄞', '\u{FFFD}',
    '\u{0}',
];

fn any_text(max: usize) -> impl Strategy<Value = String> {
    let c = prop_oneof![
        4 => prop::sample::select(SPECIAL),
        1 => any::<char>(),
        1 => prop::char::range('\u{4E00}', '\u{9FFF}'),
    ];
    prop::collection::vec(c, 0..max).prop_map(|v| v.into_iter().collect())
}

/// Char boundaries of `text` (including 0 and `text.len()`).
fn boundaries(text: &str) -> Vec<usize> {
    text.char_indices().map(|(b, _)| b).chain([text.len()]).collect()
}

// ---------------------------------------------------------------------------------------------
// Offsets

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn one_off_offsets_count_chars_and_units(text in any_text(60)) {
        let mut prev = (0, 0);
        for b in boundaries(&text) {
            let (c, u) = (char_offset(&text, b), utf16_offset(&text, b));
            prop_assert_eq!(c, text[..b].chars().count());
            prop_assert_eq!(u, text[..b].encode_utf16().count());
            prop_assert!(c >= prev.0 && u >= prev.1 && u >= c);
            prev = (c, u);
        }
    }

    /// Every pair of char boundaries, as diagnostic spans of a report over
    /// `text`, converts to chars and UTF-16 units and back unchanged.
    #[test]
    fn reindexing_round_trips_on_every_boundary(text in any_text(40)) {
        let mut report = baogao::parse(&text);
        let bs = boundaries(&text);
        report.diagnostics = bs
            .iter()
            .flat_map(|&s| bs.iter().filter(move |&&e| e >= s).map(move |&e| (s, e)))
            .map(|(s, e)| Diagnostic { code: "t".into(), message: String::new(), start: Some(s), end: Some(e) })
            .collect();
        let by_char = report.reindexed(OffsetUnit::Char);
        let by_utf16 = report.reindexed(OffsetUnit::Utf16);
        for ((d, c), u) in report.diagnostics.iter().zip(&by_char.diagnostics).zip(&by_utf16.diagnostics) {
            let (s, e) = (d.start.unwrap(), d.end.unwrap());
            prop_assert_eq!((c.start, c.end), (Some(char_offset(&text, s)), Some(char_offset(&text, e))));
            prop_assert_eq!((u.start, u.end), (Some(utf16_offset(&text, s)), Some(utf16_offset(&text, e))));
        }
        let back = by_char.reindexed(OffsetUnit::Utf16).reindexed(OffsetUnit::Utf8);
        prop_assert!(back == report, "char → utf16 → utf8 round trip");
        prop_assert!(by_utf16.reindexed(OffsetUnit::Char) == by_char, "utf16 → char");
        prop_assert!(by_char.reindexed(OffsetUnit::Utf8) == report, "char → utf8");
    }

    /// Whatever the parser finds in arbitrary text slices it exactly, in
    /// every unit (the fuzz targets' invariant, `core/fuzz/src/check.rs`).
    #[test]
    fn reindexed_reports_slice_their_text(text in any_text(120)) {
        let report = baogao::parse(&text);
        check::check_report(&text, &report);
    }
}

/// Report-shaped text: headings, targets, numbers, CRLF and full-width
/// characters, so the parser finds sections, indicators and commitments.
fn reportish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("一、过去一年工作回顾\n".to_string()),
        Just("二、今年主要目标和重点工作\r\n".to_string()),
        Just("（一）着力稳增长\n".to_string()),
        Just("地区生产总值增长６．５％左右，".to_string()),
        Just("力争完成投资550亿元以上；".to_string()),
        Just("居民收入增长与经济增长同步。\n".to_string()),
        Just("一是深化改革；二是扩大开放。\n".to_string()),
        Just("2017年".to_string()),
        (1u32..100).prop_map(|n| format!("新增{n}万人，")),
        any_text(12),
    ];
    prop::collection::vec(piece, 0..24).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(config(64))]

    #[test]
    fn reportish_text_keeps_every_span(prefix in any_text(4), body in reportish()) {
        let text = format!("{prefix}{body}");
        check::parse_and_check(&baogao::Parser::new(baogao::Options::default().with_year(2017)), &text);
    }
}

// ---------------------------------------------------------------------------------------------
// Normalization alignment

proptest! {
    #![proptest_config(config(256))]

    /// Normalized char starts map to original char starts: in range, on
    /// boundaries, monotone; ranges map to non-empty boundary ranges; and
    /// `from_original` finds the normalized char again.
    #[test]
    fn normalized_positions_map_back_monotonically(text in any_text(120)) {
        let n = Normalized::new(&text);
        let norm = n.text();
        prop_assert!(norm.len() <= text.len() * 3, "folding never more than triples the length");
        let mut prev = 0usize;
        let nb = boundaries(norm);
        for (k, &i) in nb.iter().enumerate() {
            let (s, e) = n.to_original(i, i);
            prop_assert_eq!(s, e);
            prop_assert!(s <= text.len() && text.is_char_boundary(s), "start {} of {}", s, i);
            prop_assert!(s >= prev, "monotone: {} after {}", s, prev);
            prev = s;
            if i < norm.len() {
                let next = nb[k + 1];
                let (cs, ce) = n.to_original(i, next);
                prop_assert_eq!(cs, s);
                prop_assert!(ce > cs && ce <= text.len() && text.is_char_boundary(ce));
                let j = n.from_original(s);
                prop_assert!(j <= i && norm.is_char_boundary(j), "from_original({}) = {} for {}", s, j, i);
                prop_assert_eq!(n.to_original(j, j).0, s);
                prop_assert_eq!(n.original_slice(i, next), &text[cs..ce]);
            }
        }
        // Any range, also off boundaries and past the end, stays sliceable.
        for &(a, b) in &[(0, norm.len()), (0, norm.len() + 5), (1, 2), (norm.len() / 2, norm.len())] {
            let (s, e) = n.to_original(a, b);
            prop_assert!(s <= e && e <= text.len() && text.get(s..e).is_some(), "{}..{} → {}..{}", a, b, s, e);
        }
    }

    /// Folding only drops or replaces characters: ASCII letters and Han
    /// characters (outside the folding tables) survive in order.
    #[test]
    fn normalization_keeps_ascii_letters(text in any_text(80)) {
        let n = Normalized::new(&text);
        let letters = |s: &str| s.chars().filter(|c| c.is_ascii_alphabetic()).collect::<String>();
        let folded: String = text
            .chars()
            .map(|c| match c as u32 {
                0xFF21..=0xFF3A | 0xFF41..=0xFF5A => char::from_u32(c as u32 - 0xFEE0).unwrap(),
                _ => c,
            })
            .collect();
        prop_assert_eq!(letters(n.text()), letters(&folded));
    }
}

// ---------------------------------------------------------------------------------------------
// Numerals

const DIGITS: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/// 0 < n < 10000 in Chinese: 10 → 十, 15 → 十五, 105 → 一百零五,
/// 1050 → 一千零五十, 110 → 一百一十.
fn cn_small(n: u64, leading: bool) -> String {
    assert!(n > 0 && n < 10_000);
    let mut out = String::new();
    let mut pending_zero = false;
    for (p, unit) in [(1000, Some('千')), (100, Some('百')), (10, Some('十')), (1, None)] {
        let d = (n / p % 10) as usize;
        if d == 0 {
            pending_zero |= !out.is_empty();
            continue;
        }
        if std::mem::take(&mut pending_zero) {
            out.push('零');
        }
        // 十五, not 一十五, at the start of a number; 一百一十 inside it.
        if !(p == 10 && d == 1 && out.is_empty() && leading) {
            out.push(DIGITS[d]);
        }
        out.extend(unit);
    }
    out
}

/// n > 0 in Chinese with 万 and 亿: 12345 → 一万二千三百四十五, 100000000 → 一亿,
/// 100010 → 十万零一十.
fn cn_number(n: u64) -> String {
    assert!(n > 0);
    let groups = [(n / 100_000_000, '亿'), (n / 10_000 % 10_000, '万'), (n % 10_000, ' ')];
    let mut out = String::new();
    let mut gap = false;
    for (g, unit) in groups {
        if g == 0 {
            gap |= !out.is_empty();
            continue;
        }
        // A group under 1000 after a higher one needs 零 (一万零五百); so does a skipped group.
        let needs_zero = !out.is_empty() && (gap || g < 1000);
        if needs_zero {
            out.push('零');
        }
        out.push_str(&cn_small(g, out.is_empty()));
        if unit != ' ' {
            out.push(unit);
        }
        gap = false;
    }
    out
}

#[test]
fn the_formatter_writes_numbers_as_reports_do() {
    for (n, s) in [
        (1, "一"),
        (10, "十"),
        (15, "十五"),
        (20, "二十"),
        (105, "一百零五"),
        (110, "一百一十"),
        (1050, "一千零五十"),
        (1005, "一千零五"),
        (12345, "一万二千三百四十五"),
        (100_010, "十万零一十"),
        (10_500, "一万零五百"),
        (100_000_000, "一亿"),
        (300_000_000_000, "三千亿"),
        (120_000_000, "一亿二千万"),
        (100_000_001, "一亿零一"),
    ] {
        assert_eq!(cn_number(n), s, "{n}");
    }
}

/// The one quantity `scan` finds in the normalized `text`, as (number, base unit).
fn only_quantity(text: &str) -> Option<(f64, Option<BaseUnit>, Form)> {
    let n = Normalized::new(text);
    let q = scan(n.text());
    match q.as_slice() {
        [q] => Some((q.number?, q.base_unit, q.form)),
        _ => None,
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * b.abs().max(1.0)
}

fn full_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '0'..='9' | '.' | '%' => char::from_u32(c as u32 + 0xFEE0).unwrap(),
            _ => c,
        })
        .collect()
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn small_chinese_numerals_read_back(n in 1u64..10_000) {
        let s = cn_small(n, true);
        prop_assert_eq!(small_int(&s), Some(n as u32), "{}", s);
        prop_assert_eq!(small_int(&n.to_string()), Some(n as u32));
    }

    /// 增长N% in Arabic, full-width and 百分之 Chinese numerals, and a
    /// decimal one, give the same growth value.
    #[test]
    fn growth_percent_reads_the_same_in_every_script(n in 1u64..=100, tenth in 1u64..10) {
        let arabic = format!("地区生产总值增长{n}%。");
        let want = only_quantity(&arabic);
        prop_assert_eq!(want.map(|w| (w.1, w.2)), Some((Some(BaseUnit::Percent), Form::Amount)), "{}", arabic);
        let want = want.unwrap().0;
        prop_assert!(close(want, n as f64), "{} → {}", arabic, want);
        for text in [full_width(&arabic), format!("地区生产总值增长百分之{}。", cn_number(n))] {
            let got = only_quantity(&text).map(|g| g.0);
            prop_assert!(got.is_some_and(|g| close(g, want)), "{} → {:?}, want {}", text, got, want);
        }
        let dec = format!("增长{n}.{tenth}%");
        let want = n as f64 + tenth as f64 / 10.0;
        for text in [dec.clone(), full_width(&dec), format!("增长百分之{}点{}", cn_number(n), DIGITS[tenth as usize])] {
            let got = only_quantity(&text).map(|g| g.0);
            prop_assert!(got.is_some_and(|g| close(g, want)), "{} → {:?}, want {}", text, got, want);
        }
    }

    /// Amounts of money in Chinese numerals up to 千亿 read as the Arabic ones.
    #[test]
    fn chinese_amounts_read_as_arabic(n in prop_oneof![11u64..10_000, 10_000u64..100_000_000, 100_000_000u64..1_000_000_000_000]) {
        let arabic = only_quantity(&format!("完成投资{n}元。"));
        prop_assert_eq!(arabic.map(|a| (a.1, a.2)), Some((Some(BaseUnit::Cny), Form::Amount)));
        prop_assert!(arabic.is_some_and(|a| close(a.0, n as f64)));
        let text = format!("完成投资{}元。", cn_number(n));
        let got = only_quantity(&text);
        prop_assert!(got.is_some_and(|g| close(g.0, n as f64)), "{} → {:?}, want {}", text, got, n);
    }
}

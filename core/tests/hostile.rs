//! Hostile and degenerate inputs (issue 7), from the shared fixture
//! `tests/fixtures/hostile.json` that the Python and Node suites read too:
//! every input returns a report — no panic, no hang — and every span slices
//! its text exactly, in bytes, chars and UTF-16 units. Bytes that are not
//! UTF-8 (GBK) are a clear error naming the encoding and the byte offset,
//! and the caller keeps the bytes.
//!
//! Times are printed (`cargo test --test hostile -- --nocapture`) and guarded
//! generously only: a parse that does not finish within [`GUARD`] is a hang or
//! super-linear behaviour. Speed itself is measured by the benchmarks.

mod common;

use std::sync::mpsc;
use std::time::{Duration, Instant};

use baogao::decode::{decode, Encoding};
use baogao::{ErrorKind, OffsetUnit, Report};
use serde_json::Value;

/// How long one parse may take before the test calls it a hang. The slowest
/// input, 1 MB of "12.5%3%" (300,000 indicators), takes about 4 s in a release
/// build and about a minute in a debug build.
const GUARD: Duration = Duration::from_secs(if cfg!(debug_assertions) { 600 } else { 60 });

/// The shared fixture.
fn fixture() -> Value {
    common::fixture_json("hostile.json")
}

/// xorshift32, the generator every suite uses (deterministic, no dependency).
struct XorShift(u32);

impl XorShift {
    fn next(&mut self) -> u32 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        self.0 = x;
        x
    }
}

/// 1 → "一", 10 → "十", 15 → "十五", 101 → "一百零一", 3000 → "三千".
fn zh(n: u64) -> String {
    const D: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    if n < 10 {
        return D[n as usize].to_string();
    }
    if n < 20 {
        return format!("十{}", if n % 10 == 0 { "" } else { D[(n % 10) as usize] });
    }
    let mut out = String::new();
    let mut zero = false;
    for (place, unit) in [(1000, "千"), (100, "百"), (10, "十"), (1, "")] {
        let d = (n / place) % 10;
        if d == 0 {
            zero = !out.is_empty();
            continue;
        }
        if zero {
            out.push('零');
            zero = false;
        }
        out.push_str(D[d as usize]);
        out.push_str(unit);
    }
    out
}

fn sample(copies: u64, distinct: bool) -> String {
    let one = baogao::SAMPLE_REPORT;
    let mut out = String::new();
    for k in 0..copies {
        if distinct {
            for line in one.split('\n') {
                out.push_str(line);
                out.push_str(&k.to_string());
                out.push('\n');
            }
        } else {
            out.push_str(one);
        }
    }
    out
}

/// The text of a fixture case. A lone surrogate becomes U+FFFD, which is
/// what the JS and Python bindings hand the core for one.
fn build(case: &Value) -> String {
    let mut out = String::new();
    for part in case["parts"].as_array().unwrap() {
        let num = |k: &str| part[k].as_u64().unwrap_or_else(|| panic!("{part}: {k}"));
        if let Some(t) = part["text"].as_str() {
            out.push_str(t);
        } else if let Some(unit) = part["repeat"].as_str() {
            out.push_str(&unit.repeat(num("times") as usize));
        } else if let Some(template) = part["numbered"].as_str() {
            let sep = part["sep"].as_str().unwrap();
            let items: Vec<String> =
                (1..=num("count")).map(|n| template.replace("{zh}", &zh(n)).replace("{n}", &n.to_string())).collect();
            out.push_str(&items.join(sep));
        } else if let Some(len) = part["random_bytes"].as_u64() {
            let mut rng = XorShift(num("seed") as u32);
            let bytes: Vec<u8> = (0..len).map(|_| (rng.next() & 0xff) as u8).collect();
            out.push_str(&String::from_utf8_lossy(&bytes));
        } else if let Some(alphabet) = part["random_chars"].as_str() {
            let chars: Vec<char> = alphabet.chars().collect();
            let mut rng = XorShift(num("seed") as u32);
            out.extend((0..num("count")).map(|_| chars[rng.next() as usize % chars.len()]));
        } else if part.get("sample").is_some() {
            out.push_str(&sample(num("sample"), part["distinct"].as_bool().unwrap_or(false)));
        } else if part.get("surrogate").is_some() {
            out.push('\u{FFFD}');
        } else {
            panic!("unknown part {part}");
        }
    }
    out
}

/// CPU time of the calling thread (Linux; elsewhere `None`): unlike wall
/// time it does not count the time other processes hold the cores.
fn thread_cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    Some(Duration::from_nanos(stat.split_whitespace().next()?.parse().ok()?))
}

/// Parses on another thread; a parse that panics or outlives [`GUARD`] fails
/// the test with the case name. Returns the report and the CPU time taken.
fn parse_guarded(name: &str, text: &str) -> (Report, Duration) {
    let (tx, rx) = mpsc::channel();
    let owned = text.to_string();
    std::thread::spawn(move || {
        let (t0, cpu0) = (Instant::now(), thread_cpu_time());
        let report = baogao::parse(&owned);
        let took = match (cpu0, thread_cpu_time()) {
            (Some(a), Some(b)) => b.saturating_sub(a),
            _ => t0.elapsed(),
        };
        let _ = tx.send((report, took));
    });
    match rx.recv_timeout(GUARD) {
        Ok(done) => done,
        Err(mpsc::RecvTimeoutError::Timeout) => panic!("{name}: parse did not finish within {GUARD:?}"),
        Err(mpsc::RecvTimeoutError::Disconnected) => panic!("{name}: parse panicked"),
    }
}

/// Spans without text: they must lie on boundaries inside the text.
fn bare_spans(r: &Report) -> Vec<(usize, usize, &'static str)> {
    let mut out = Vec::new();
    for s in &r.sections {
        out.push((s.start, s.end, "section"));
        assert!(s.start <= s.title_start && s.title_end <= s.end, "section span covers its title");
    }
    for i in &r.indicators {
        out.push((i.sentence.start, i.sentence.end, "indicator sentence"));
        if let (Some(a), Some(b)) = (i.metric.start, i.metric.end) {
            out.push((a, b, "indicator metric"));
        }
    }
    for d in &r.diagnostics {
        if let (Some(a), Some(b)) = (d.start, d.end) {
            out.push((a, b, "diagnostic"));
        }
    }
    out
}

/// The span rule in bytes, chars and UTF-16 units; returns the number of
/// spans with text.
fn check_spans(name: &str, text: &str, report: &Report) -> usize {
    assert_eq!(report.offset_unit, OffsetUnit::Utf8);
    let items = common::text_spans(report);
    for (s, e, t, what) in &items {
        assert_eq!(text.get(*s..*e), Some(t.as_str()), "{name}: {what} bytes {s}..{e}");
    }
    for (s, e, what) in bare_spans(report) {
        assert!(s <= e && text.get(s..e).is_some(), "{name}: {what} bytes {s}..{e} not a slice");
    }
    let chars: Vec<char> = text.chars().collect();
    for (s, e, t, what) in common::text_spans(&report.reindexed(OffsetUnit::Char)) {
        assert!(s <= e && e <= chars.len(), "{name}: {what} chars {s}..{e}");
        assert_eq!(chars[s..e].iter().collect::<String>(), t, "{name}: {what} chars {s}..{e}");
    }
    let units: Vec<u16> = text.encode_utf16().collect();
    let utf16 = report.reindexed(OffsetUnit::Utf16);
    for (s, e, t, what) in common::text_spans(&utf16) {
        assert!(s <= e && e <= units.len(), "{name}: {what} utf16 {s}..{e}");
        assert_eq!(String::from_utf16(&units[s..e]).ok(), Some(t), "{name}: {what} utf16 {s}..{e}");
    }
    let back = utf16.reindexed(OffsetUnit::Char).reindexed(OffsetUnit::Utf8);
    assert!(back == *report, "{name}: reindexing round trip");
    items.len()
}

#[test]
fn xorshift_and_numerals_match_the_other_suites() {
    let mut rng = XorShift(2463534242);
    assert_eq!([rng.next(), rng.next(), rng.next()], [723471715, 2497366906, 2064144800]);
    let got: Vec<String> = [1, 10, 11, 20, 101, 110, 1001, 1010, 2999, 3000].into_iter().map(zh).collect();
    assert_eq!(
        got,
        ["一", "十", "十一", "二十", "一百零一", "一百一十", "一千零一", "一千零一十", "二千九百九十九", "三千"]
    );
}

#[test]
fn every_hostile_input_returns_a_report_with_exact_spans() {
    let fx = fixture();
    let cases = fx["cases"].as_array().unwrap();
    assert!(cases.len() >= 30, "the fixture has its cases");
    let mut slowest = (Duration::ZERO, String::new());
    for case in cases {
        let name = case["name"].as_str().unwrap();
        let text = build(case);
        if let Some(chars) = case["expect"]["chars"].as_u64() {
            // The generators agree across the three suites.
            assert_eq!(text.chars().count() as u64, chars, "{name}: chars");
            assert_eq!(text.len() as u64, case["expect"]["utf8_bytes"].as_u64().unwrap(), "{name}: bytes");
        }
        let (report, took) = parse_guarded(name, &text);
        let n = check_spans(name, &text, &report);
        // Serializing the whole report works too (the CLI and bindings do it).
        let json = report.reindexed(OffsetUnit::Char).to_json();
        assert!(json.starts_with("{\"schema_version\""), "{name}: {}", &json[..json.len().min(200)]);
        if case["big"].as_bool().unwrap_or(false) {
            println!(
                "{name:40} {:>9} bytes  {:>8.1} ms  {n} spans, {} sections, {} indicators, {} commitments",
                text.len(),
                took.as_secs_f64() * 1e3,
                report.sections.len(),
                report.indicators.len(),
                report.commitments.len()
            );
        }
        if took > slowest.0 {
            slowest = (took, name.to_string());
        }
    }
    println!("slowest: {} ({:.1} ms)", slowest.1, slowest.0.as_secs_f64() * 1e3);
}

#[test]
fn hostile_inputs_keep_the_report_content() {
    let fx = fixture();
    let case = |name: &str| {
        let c = fx["cases"].as_array().unwrap().iter().find(|c| c["name"] == name).unwrap();
        let text = build(c);
        (parse_guarded(name, &text).0, text)
    };
    // Empty and blank input: an empty report, not an error.
    for name in ["empty", "whitespace_only"] {
        let (r, _) = case(name);
        assert!(r.sections.is_empty() && r.indicators.is_empty() && r.commitments.is_empty(), "{name}");
    }
    // A lone surrogate (U+FFFD here) at the start or end changes nothing else.
    let one = baogao::parse(baogao::SAMPLE_REPORT);
    for name in ["surrogate_at_start", "surrogate_at_end"] {
        let (r, _) = case(name);
        assert_eq!(r.sections.len(), one.sections.len(), "{name}");
        let titles = |r: &Report| r.sections.iter().map(|s| s.title.clone()).collect::<Vec<_>>();
        assert_eq!(titles(&r), titles(&one), "{name}");
        assert_eq!(r.indicators.len(), one.indicators.len(), "{name}");
    }
    // Surrogates inside a report's quantities and headings do not hide the rest.
    let (r, text) = case("surrogates_inside_report");
    assert!(r.sections.len() >= 2, "{:?}", r.sections);
    assert!(r.indicators.iter().any(|i| i.text == "550亿元"), "{:?}", r.indicators);
    assert!(text.contains('\u{FFFD}'));
    // The sample pasted 50 times is one report with a duplicate-copy diagnostic.
    let (r, _) = case("sample_pasted_x50");
    assert_eq!(r.sections.len(), one.sections.len());
    assert!(r.diagnostics.iter().any(|d| d.code == "duplicate_copy"), "{:?}", r.diagnostics);
}

#[test]
fn a_pasted_report_scales_linearly() {
    let fx = fixture();
    let scaling = &fx["scaling"];
    let find = |name: &str| build(fx["cases"].as_array().unwrap().iter().find(|c| c["name"] == name).unwrap());
    let (one, many) = (find(scaling["one"].as_str().unwrap()), find(scaling["many"].as_str().unwrap()));
    let copies = scaling["copies"].as_f64().unwrap();
    // The best of a few runs, on this thread (warm allocator), in CPU time:
    // single runs are noisy on a shared machine.
    // The thread CPU clock ticks coarsely (a few ms on some kernels), about
    // the time of one small parse: so one copy is timed over `copies` parses
    // in a row, as long as the pasted text takes, and divided.
    let timed = |text: &str, times: usize| {
        let (t0, cpu0) = (Instant::now(), thread_cpu_time());
        let mut report = None;
        for _ in 0..times {
            report = Some(baogao::parse(text));
        }
        let took = match (cpu0, thread_cpu_time()) {
            (Some(a), Some(b)) => b.saturating_sub(a),
            _ => t0.elapsed(),
        };
        (report.unwrap(), took)
    };
    parse_guarded("many copies", &many); // a hang fails here, with a message
    let n = copies as usize;
    let t1 = (0..3).map(|_| timed(&one, n).1).min().unwrap() / n as u32;
    let (report, _) = timed(&many, 1);
    let tn = (0..2).map(|_| timed(&many, 1).1).min().unwrap();
    let ratio = tn.as_secs_f64() / t1.as_secs_f64().max(1e-6);
    println!(
        "1 copy {:.1} ms, {copies} copies {:.1} ms: ratio {ratio:.1} (linear = {copies})",
        t1.as_secs_f64() * 1e3,
        tn.as_secs_f64() * 1e3
    );
    assert!(report.sections.len() >= 19, "the copies keep their sections");
    assert!(
        ratio < scaling["max_ratio"].as_f64().unwrap(),
        "{copies} copies took {ratio:.1}× one copy: super-linear parse time"
    );
}

#[test]
fn gbk_bytes_on_the_utf8_path_are_a_clear_error_and_nothing_is_lost() {
    let fx = fixture();
    let gbk = &fx["gbk"];
    let text = gbk["text"].as_str().unwrap();
    let (bytes, _, _) = encoding_rs::GBK.encode(text);
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    assert_eq!(hex, gbk["bytes_hex"].as_str().unwrap(), "the fixture's bytes are the GBK encoding of its text");
    let at = gbk["first_bad_byte"].as_u64().unwrap() as usize;

    // The decoder borrows the bytes: on error the caller still owns them and
    // can decode them as GBK, getting the text back unchanged.
    let err = decode(&bytes, Encoding::Utf8).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Encoding);
    assert_eq!(err.byte_offset(), Some(at));
    assert_eq!(err.to_string(), format!("input is not valid UTF-8 at byte offset {at}"));
    assert_eq!(decode(&bytes, Encoding::Gbk).unwrap(), text);
    // std's own check agrees on the offset.
    assert_eq!(std::str::from_utf8(&bytes).unwrap_err().valid_up_to(), at);

    // Truncated and garbage bytes: errors, never panics.
    for bad in [&bytes[..bytes.len() - 1], b"\xff\xfe\xfd", b"\xed\xa0\x80", b"\xc0\x80"] {
        assert_eq!(decode(bad, Encoding::Utf8).unwrap_err().kind(), ErrorKind::Encoding);
    }
    assert!(decode(b"\x81", Encoding::Gbk).is_err(), "a lone GBK lead byte");

    // The CLI: exit code 2, the file, the offset and the hint.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_baogao"))
        .args(["parse", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            child.stdin.take().unwrap().write_all(&bytes)?;
            child.wait_with_output()
        })
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains(&format!("byte offset {at}")) && stderr.contains("--encoding gbk"), "{stderr}");
}

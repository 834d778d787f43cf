//! The outline and meta of the embedded sample and of the State Council
//! reports, against expectations written by reading them
//! (`tests/fixtures/sample-expected.json`, `tests/fixtures/national-outlines.json`).

mod common;

use serde_json::{json, Value};

fn to_json<T: serde::Serialize>(v: T) -> Value {
    serde_json::to_value(v).unwrap()
}

#[test]
fn sample_meta_and_outline() {
    let want = common::fixture_json("sample-expected.json");
    let r = baogao::parse(baogao::SAMPLE_REPORT);
    assert_eq!(to_json(&r.meta), want["meta"]);
    let got: Vec<Value> = r
        .sections
        .iter()
        .map(|s| json!({"marker": s.marker, "title": s.title, "depth": s.depth, "parent": s.parent, "role": s.role}))
        .collect();
    assert_eq!(Value::Array(got), want["sections"]);
}

#[test]
fn sample_paragraphs_sit_in_the_right_sections() {
    let want = common::fixture_json("sample-expected.json");
    let r = baogao::parse(baogao::SAMPLE_REPORT);
    for case in want["paragraph_sections"].as_array().unwrap() {
        let prefix = case["starts_with"].as_str().unwrap();
        let p =
            r.paragraphs.iter().find(|p| p.text.starts_with(prefix)).unwrap_or_else(|| panic!("no paragraph {prefix}"));
        assert_eq!(to_json(p.section), case["section"], "paragraph {prefix}");
        if let Some(s) = p.section {
            let s = &r.sections[s];
            assert!(s.start <= p.start && p.end <= s.end, "section {} spans paragraph {prefix}", s.title);
        }
    }
    for case in want["leads"].as_array().unwrap() {
        let prefix = case["paragraph_starts_with"].as_str().unwrap();
        let p = r.paragraphs.iter().find(|p| p.text.starts_with(prefix)).unwrap();
        assert_eq!(to_json(p.lead.as_ref().map(|l| l.text.as_str())), case["lead"], "lead of {prefix}");
    }
    // Every body paragraph after the salutation is covered; no paragraph is a heading line.
    for s in &r.sections {
        assert!(
            !r.paragraphs.iter().any(|p| p.start == s.start && p.text.trim_end() == s.title),
            "heading {}",
            s.title
        );
    }
}

#[test]
fn state_council_outlines_and_years() {
    let Some(dir) = common::corpus("state_council_outlines_and_years") else { return };
    let want = common::fixture_json("national-outlines.json");
    for (file, w) in want["reports"].as_object().unwrap() {
        let text = std::fs::read_to_string(dir.join(file)).unwrap();
        let r = baogao::parse(&text);
        assert_eq!(r.meta.region.as_deref(), Some("国务院"), "{file}");
        assert_eq!(r.meta.level, Some(baogao::Level::National), "{file}");
        assert_eq!(r.meta.year.map(i64::from), w["year"].as_i64(), "{file}: year");
        let got: Vec<Value> = r.sections.iter().filter(|s| s.depth == 1).map(|s| json!([s.marker, s.title])).collect();
        assert_eq!(Value::Array(got), w["depth1"], "{file}: depth-1 headings");
    }
}

#[test]
fn traditional_report_is_read_through_the_folded_view() {
    let Some(dir) = common::corpus("traditional_report_is_read_through_the_folded_view") else { return };
    let r = baogao::parse(&std::fs::read_to_string(dir.join("1954-china-national.txt")).unwrap());
    assert_eq!(r.meta.script, baogao::Script::Traditional);
    // The Wikisource licence footer is not part of the report's last paragraph.
    assert!(r.paragraphs.len() > 50);
}

#[test]
fn noisy_pages_keep_only_the_report() {
    let Some(dir) = common::corpus("noisy_pages_keep_only_the_report") else { return };
    // Pasted twice: the first copy only, with a diagnostic.
    for f in ["2001-hebei-province.txt", "2003-hebei-province.txt", "2021-hebei-province.txt"] {
        let text = std::fs::read_to_string(dir.join(f)).unwrap();
        let r = baogao::parse(&text);
        assert!(r.diagnostics.iter().any(|d| d.code == "duplicate_copy"), "{f}");
        let last = r.paragraphs.last().unwrap();
        assert!(last.end < text.len() * 2 / 3, "{f}: paragraphs stop at the end of the first copy");
        assert!(!r.paragraphs.iter().any(|p| p.text.contains("ICP备")), "{f}: footer skipped");
    }
    // Page controls and related links around the report.
    let text = std::fs::read_to_string(dir.join("2026-zhejiang-province.txt")).unwrap();
    let r = baogao::parse(&text);
    assert!(r.paragraphs[0].text.starts_with("各位代表"), "{}", r.paragraphs[0].text);
    assert!(!r.paragraphs.iter().any(|p| p.text.starts_with("相关报道") || p.text == "下载"));
    // A glossary after the closing is one section.
    let text = std::fs::read_to_string(dir.join("2026-sichuan-province.txt")).unwrap();
    let r = baogao::parse(&text);
    let glossary: Vec<_> = r.sections.iter().filter(|s| s.role == baogao::Role::Glossary).collect();
    assert_eq!(glossary.len(), 1);
    assert_eq!(glossary[0].parent, None);
    assert!(!r
        .paragraphs
        .iter()
        .any(|p| p.text.contains("打印本页") || p.text.starts_with("2026年四川省人民政府工作报告")));
}

#[test]
fn hard_wrapped_pdf_text_keeps_outline_and_meta() {
    let Some(dir) = common::corpus("hard_wrapped_pdf_text_keeps_outline_and_meta") else { return };
    for f in ["2026-zhejiang-province.txt", "2017-china-national.txt", "2021-baoding-city.txt"] {
        let text = std::fs::read_to_string(dir.join(f)).unwrap();
        // Every line cut every 28 characters, as text copied out of a GB/T 9704 PDF.
        let mut wrapped = String::new();
        for line in text.split('\n') {
            let chars: Vec<char> = line.chars().collect();
            let pieces: Vec<String> = chars.chunks(28).map(|c| c.iter().collect()).collect();
            wrapped.push_str(&if pieces.is_empty() { String::new() } else { pieces.join("\n") });
            wrapped.push('\n');
        }
        let (a, b) = (baogao::parse(&text), baogao::parse(&wrapped));
        let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        let outline = |r: &baogao::Report| -> Vec<(u8, Option<String>, String)> {
            r.sections.iter().map(|s| (s.depth, s.marker.clone(), squeeze(&s.title))).collect()
        };
        assert_eq!(outline(&a), outline(&b), "{f}: outline");
        assert_eq!(to_json(&a.meta.speaker), to_json(&b.meta.speaker), "{f}: speaker");
        assert_eq!((a.meta.year, a.meta.region.clone()), (b.meta.year, b.meta.region.clone()), "{f}: meta");
        let targets = |r: &baogao::Report| {
            r.indicators
                .iter()
                .filter(|i| i.status == baogao::Status::Target && i.metric.id.as_deref() == Some("gdp"))
                .map(|i| (i.value.number, i.value.low, i.value.high, i.bound))
                .collect::<Vec<_>>()
        };
        assert_eq!(targets(&a), targets(&b), "{f}: GDP targets");
    }
}

/// The same report as it reaches users in other forms — blank lines between
/// all lines, CRLF, ideographic-space indents, half-width punctuation,
/// traditional characters — gives the same outline, meta and targets.
#[test]
fn variants_of_a_report_parse_alike() {
    let Some(dir) = common::corpus("variants_of_a_report_parse_alike") else { return };
    // simplified → traditional, inverting the crate's own folding table
    let table = std::fs::read_to_string(common::root().join("core/data/trad2simp.tsv")).unwrap();
    let mut to_trad = std::collections::HashMap::new();
    for line in table.lines().filter(|l| !l.starts_with('#')) {
        let mut it = line.split('\t');
        if let (Some(t), Some(s)) = (it.next(), it.next()) {
            to_trad.entry(s.chars().next().unwrap()).or_insert(t.chars().next().unwrap());
        }
    }
    let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    for f in ["2026-zhejiang-province.txt", "2017-hangzhou-jianggan-district.txt"] {
        let text = std::fs::read_to_string(dir.join(f)).unwrap();
        let base = baogao::parse(&text);
        let fold = |s: &str| -> String {
            // compare through the simplified folding (a traditional variant's titles are traditional)
            baogao::normalize::Normalized::new(&squeeze(s)).text().replace([',', ';', ':', '(', ')'], "")
        };
        let summary = |r: &baogao::Report| {
            let outline: Vec<(u8, String)> = r.sections.iter().map(|s| (s.depth, fold(&s.title))).collect();
            let targets: Vec<_> = r
                .indicators
                .iter()
                .filter(|i| i.status == baogao::Status::Target)
                .map(|i| (i.metric.id.clone(), i.value.number, i.value.low, i.value.high, i.bound))
                .collect();
            (outline, r.meta.year, r.meta.level, r.meta.delivered_on.clone(), targets)
        };
        let want = summary(&base);
        assert!(want.0.len() > 10 && !want.4.is_empty(), "{f}: the report has an outline and targets");
        let half: String = text
            .chars()
            .map(|c| match c {
                '，' => ',',
                '；' => ';',
                '：' => ':',
                '（' => '(',
                '）' => ')',
                c => c,
            })
            .collect();
        let variants = [
            ("blank lines", text.replace('\n', "\n\n")),
            ("crlf", text.replace('\n', "\r\n")),
            ("indents", text.lines().map(|l| format!("\u{3000}\u{3000}{l}")).collect::<Vec<_>>().join("\n")),
            ("half-width", half),
            ("traditional", text.chars().map(|c| *to_trad.get(&c).unwrap_or(&c)).collect()),
        ];
        for (name, v) in variants {
            assert_eq!(summary(&baogao::parse(&v)), want, "{f}: {name}");
        }
    }
}

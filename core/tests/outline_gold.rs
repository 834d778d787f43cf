//! Outline and meta of the corpus's sub-national reports against the
//! hand-checked answers in `../shared/gold/reports-dev/` (level 1 = the 一、
//! series; level 2 = the (一) series, or a 1、 series right under 一、 where a
//! report has none).

mod common;

use baogao::{Report, Section};

fn level(r: &Report, s: &Section) -> Option<u8> {
    s.marker.as_ref()?;
    match s.depth {
        1 => Some(1),
        2 => Some(2),
        3 => s.parent.map(|p| &r.sections[p]).filter(|p| p.depth == 1 && p.marker.is_some()).map(|_| 2),
        _ => None,
    }
}

#[test]
fn headings_and_meta_match_the_gold_outlines() {
    let Some(gold) = common::gold("headings_and_meta_match_the_gold_outlines") else { return };
    let Some(corpus) = common::corpus("headings_and_meta_match_the_gold_outlines") else { return };
    let mut files: Vec<_> =
        std::fs::read_dir(gold.join("reports-dev")).unwrap().filter_map(|e| e.ok()).map(|e| e.path()).collect();
    files.sort();
    assert!(files.len() >= 20);
    let (mut headings, mut meta_fields, mut failures) = (0, 0, Vec::new());
    for path in files {
        let g: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let stem = path.file_stem().unwrap().to_string_lossy().to_string();
        let text = std::fs::read_to_string(corpus.join(format!("{stem}.txt"))).unwrap();
        let r = baogao::parse(&text);
        let got: Vec<(u64, String, String)> = r
            .sections
            .iter()
            .filter_map(|s| level(&r, s).map(|l| (l as u64, s.marker.clone().unwrap(), s.title.clone())))
            .collect();
        let want: Vec<(u64, String, String)> = g["headings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| {
                (
                    h["level"].as_u64().unwrap(),
                    h["marker"].as_str().unwrap().into(),
                    h["title"].as_str().unwrap().into(),
                )
            })
            .collect();
        headings += want.len();
        if got != want {
            failures.push(format!("{stem}: headings differ\n  want {want:?}\n  got  {got:?}"));
        }
        let m = &g["meta"];
        let sp = r.meta.speaker.clone().unwrap_or_default();
        let title = sp.title.map(|t| if sp.acting { format!("代{t}") } else { t });
        let level = r.meta.level.map(|l| serde_json::to_value(l).unwrap().as_str().unwrap().to_string());
        let checks: [(&str, Option<String>); 7] = [
            ("region", r.meta.region.clone()),
            ("level", level),
            ("year", r.meta.year.map(|y| y.to_string())),
            ("speaker", sp.name.clone()),
            ("speaker_title", title),
            ("delivered_on", r.meta.delivered_on.clone()),
            ("meeting", r.meta.meeting.clone()),
        ];
        for (field, got) in checks {
            meta_fields += 1;
            let want = match &m[field] {
                serde_json::Value::String(s) => Some(s.clone()),
                serde_json::Value::Number(n) => Some(n.to_string()),
                _ => None,
            };
            if got != want {
                failures.push(format!("{stem}: meta {field} want {want:?} got {got:?}"));
            }
        }
    }
    println!("checked {headings} headings and {meta_fields} meta fields; {} differences", failures.len());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

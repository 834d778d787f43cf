//! The `baogao` command line (SPEC §5).

mod common;

use std::io::Write;
use std::process::{Command, Stdio};

fn baogao(args: &[&str], stdin: Option<&[u8]>) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_baogao"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(input) = stdin {
        child.stdin.take().unwrap().write_all(input).unwrap();
    } else {
        drop(child.stdin.take());
    }
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

fn sample_path() -> String {
    common::root().join("core/data/sample-2017-hangzhou-jianggan-district.txt").to_string_lossy().into()
}

#[test]
fn show_without_a_file_shows_the_embedded_sample() {
    let (code, out, _) = baogao(&["show"], None);
    assert_eq!(code, 0);
    assert!(out.contains("江干区"));
    assert!(out.contains("楼建忠"));
    assert!(out.contains("一、 过去五年和2016年政府工作回顾  [review]"), "{out}");
    assert!(out.contains("(一) 突出创新驱动,经济实力明显增强  [review]"));
    assert!(out.contains("三、 切实加强政府自身建设  [self_building]"));
}

#[test]
fn parse_one_file_is_one_json_report_in_chars() {
    let path = sample_path();
    let (code, out, _) = baogao(&["parse", &path], None);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["offset_unit"], "char");
    assert_eq!(v["schema_version"], "1");
    let text: Vec<char> = baogao::SAMPLE_REPORT.chars().collect();
    for s in v["sections"].as_array().unwrap() {
        let (a, b) = (s["title_start"].as_u64().unwrap() as usize, s["title_end"].as_u64().unwrap() as usize);
        assert_eq!(text[a..b].iter().collect::<String>(), s["title"].as_str().unwrap());
    }
}

#[test]
fn parse_several_files_is_json_lines_with_source() {
    let path = sample_path();
    let (code, out, _) = baogao(&["parse", &path, "-"], Some("各位代表：\n一、回顾\n正文。".as_bytes()));
    assert_eq!(code, 0);
    let lines: Vec<serde_json::Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["source"], path.as_str());
    assert_eq!(lines[1]["source"], "-");
    assert_eq!(lines[1]["sections"][0]["title"], "回顾");
}

#[test]
fn table_sections_is_csv_with_a_source_column() {
    let path = sample_path();
    let (code, out, _) = baogao(&["table", "sections", &path], None);
    assert_eq!(code, 0);
    let mut lines = out.lines();
    assert!(lines.next().unwrap().starts_with("source,id,parent,depth,marker,ordinal,title,role"));
    let first = lines.next().unwrap();
    assert!(first.contains(",一、,1,过去五年和2016年政府工作回顾,review,"), "{first}");
    assert_eq!(out.lines().count(), 1 + 19);
    // Titles with commas are quoted.
    assert!(out.contains("\"突出创新驱动,经济实力明显增强\""));
}

#[test]
fn non_utf8_input_names_the_file_and_the_byte_offset() {
    let dir = std::env::temp_dir().join(format!("baogao-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (gbk, _, _) = encoding_rs::GBK.encode("各位代表：\n一、过去一年工作回顾\n全年增长5%。");
    let path = dir.join("gbk.txt");
    std::fs::write(&path, &gbk).unwrap();
    let p = path.to_string_lossy().to_string();
    let (code, _, err) = baogao(&["parse", &p], None);
    assert_eq!(code, 2);
    assert!(err.contains(&p) && err.contains("byte offset 0"), "{err}");
    let (code, out, _) = baogao(&["--encoding", "gbk", "table", "sections", &p], None);
    assert_eq!(code, 0);
    assert!(out.contains("过去一年工作回顾"), "{out}");
    let (code, _, err) = baogao(&["show", "-"], Some(b"ok\xffno"));
    assert_eq!(code, 2);
    assert!(err.contains("<stdin>") && err.contains("byte offset 2"), "{err}");
}

#[test]
fn bad_usage_exits_2_with_help() {
    for args in [&["frobnicate"][..], &["table", "nope", "x"], &["parse"], &["--encoding", "latin1", "show"], &[]] {
        let (code, _, err) = baogao(args, None);
        assert_eq!(code, 2, "{args:?}");
        assert!(err.contains("Usage"), "{args:?}: {err}");
    }
    let (code, _, err) = baogao(&["parse", "/no/such/file.txt"], None);
    assert_eq!(code, 2);
    assert!(err.contains("/no/such/file.txt"));
}

#[test]
fn show_prints_the_annual_targets_and_the_livelihood_list() {
    let (code, out, _) = baogao(&["show"], None);
    assert_eq!(code, 0);
    assert!(out.contains("Annual targets for 2017"), "{out}");
    assert!(out.lines().any(|l| l.contains("地区生产总值") && l.contains("8%") && l.contains("gdp")), "{out}");
    assert!(out.contains("Livelihood list (10 items, 10 declared)"), "{out}");
    assert!(out.contains(" 1. 启动11个社区城中村改造"), "{out}");
}

#[test]
fn table_commitments_is_csv_with_the_model_columns() {
    let path = sample_path();
    let (code, out, _) = baogao(&["table", "commitments", &path], None);
    assert_eq!(code, 0);
    let header = out.lines().next().unwrap();
    assert_eq!(
        header,
        "source,id,section,section_path,paragraph,start,end,text,kind,action_verb,action_stage,object,object_start,\
         object_end,targets,modality,deadline_year,deadline_month,deadline_kind,deadline_raw,list,list_ordinal,\
         verifiability"
    );
    assert!(out.lines().any(|l| l.contains(",地区生产总值增长8%,metric_target,增长,add,")), "{out}");
    assert!(out.lines().any(|l| l.contains(",livelihood_item,") && l.ends_with(",quantified")));
}

#[test]
fn track_prints_json_rows_in_chars() {
    let Some(dir) = common::corpus("track_prints_json_rows_in_chars") else { return };
    let (a, b) = (dir.join("2017-china-national.txt"), dir.join("2018-china-national.txt"));
    let (code, out, err) = baogao(&["track", &a.to_string_lossy(), &b.to_string_lossy()], None);
    assert_eq!(code, 0, "{err}");
    let rows: serde_json::Value = serde_json::from_str(&out).unwrap();
    let gdp = rows.as_array().unwrap().iter().find(|r| r["metric"] == "gdp").expect("gdp row");
    assert_eq!(gdp["target"]["number"], 6.5);
    assert_eq!(gdp["target"]["bound"], "about");
    assert_eq!(gdp["actual"]["number"], 6.9);
    assert_eq!(gdp["status"], "met");
    let text: Vec<char> = std::fs::read_to_string(&a).unwrap().chars().collect();
    let (s, e) = (gdp["target_start"].as_u64().unwrap() as usize, gdp["target_end"].as_u64().unwrap() as usize);
    assert_eq!(text[s..e].iter().collect::<String>(), "6.5%");
    for key in ["target_indicator", "actual_indicator", "actual_start", "actual_end"] {
        assert!(gdp.get(key).is_some(), "{key}");
    }
    // wrong arity is a usage error
    let (code, _, err) = baogao(&["track", &a.to_string_lossy()], None);
    assert_eq!(code, 2);
    assert!(err.contains("track takes two FILEs"));
}

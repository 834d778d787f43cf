//! The worked examples 9, 10 and 12–19 of `domain.md` §7 give exactly the
//! listed commitments. Expected values are written from the examples' text
//! and the seed report (the embedded sample).
//!
//! Choices made where the example table leaves room:
//! - a commitment is a clause (between commas); a clause with no object of
//!   its own ("确保2018年完成竣工验收") continues the one naming the project, so
//!   example 15 is one commitment over the whole sentence;
//! - the self-assessments of examples 9 and 19 are left out (no commitment);
//! - "其中服务业增加值增长9%" is a clause of its own (example 10: seven targets,
//!   seven commitments);
//! - "五年内" and "通过五年努力" end with the fifth year counted from the
//!   report year (2017 → 2021).

use baogao::{
    Bound, Commitment, CommitmentKind as K, DeadlineKind, Modality, Options, Parser, Report, Stage, Verifiability,
};

fn sample() -> Report {
    baogao::parse(baogao::SAMPLE_REPORT)
}

/// The one commitment whose text is `text`.
fn one<'a>(r: &'a Report, text: &str) -> &'a Commitment {
    let found: Vec<&Commitment> = r.commitments.iter().filter(|c| c.text == text).collect();
    assert_eq!(
        found.len(),
        1,
        "{text}: {:#?}",
        r.commitments.iter().filter(|c| c.text.contains(&text[..6])).collect::<Vec<_>>()
    );
    let c = found[0];
    assert_eq!(&baogao::SAMPLE_REPORT[c.start..c.end], c.text);
    c
}

fn action(c: &Commitment) -> Option<(&str, Stage)> {
    c.action.as_ref().map(|a| (a.verb.as_str(), a.stage))
}

fn object(c: &Commitment) -> Option<&str> {
    c.object.as_ref().map(|o| o.text.as_str())
}

fn deadline(c: &Commitment) -> (Option<i32>, DeadlineKind, Option<&str>) {
    let d = c.deadline.as_ref().expect("deadline");
    (d.year, d.kind, d.raw.as_deref())
}

fn target_texts<'a>(r: &'a Report, c: &Commitment) -> Vec<&'a str> {
    c.targets.iter().map(|&i| r.indicators[i].text.as_str()).collect()
}

#[test]
fn example_9_and_19_self_assessments_are_no_commitments() {
    let r = sample();
    assert!(r.commitments.iter().all(|c| !c.text.contains("八件为民办实事全面完成")));
    assert!(r.commitments.iter().all(|c| !c.text.contains("确定的主要目标任务")));
    // also when they stand in a task part
    let text = "一、2016年工作回顾\n各项工作取得新成效。\n二、2017年重点工作\n八件为民办实事全面完成。全面完成了区十四届人大五次会议确定的主要目标任务。加快建设区人民医院。\n";
    let r = Parser::new(Options::default().with_year(2017)).parse(text);
    let texts: Vec<&str> = r.commitments.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(texts, ["加快建设区人民医院"]);
    assert!(r.lists.iter().all(|l| !l.livelihood));
}

#[test]
fn example_10_the_targets_paragraph() {
    let r = sample();
    let expected = [
        ("地区生产总值增长8%", "8%", Some(("增长", Stage::Add)), "地区生产总值"),
        ("其中服务业增加值增长9%", "9%", Some(("增长", Stage::Add)), "服务业增加值"),
        ("公共财政预算收入增长8.5%", "8.5%", Some(("增长", Stage::Add)), "公共财政预算收入"),
        ("其中地方一般公共预算收入增长8.5%", "8.5%", Some(("增长", Stage::Add)), "地方一般公共预算收入"),
        ("社会消费品零售总额增长10%", "10%", Some(("增长", Stage::Add)), "社会消费品零售总额"),
        ("限额以上固定资产投资总额500亿元", "500亿元", None, "限额以上固定资产投资总额"),
        ("单位GDP电耗下降4.5%", "4.5%", Some(("下降", Stage::Reduce)), "单位GDP电耗"),
    ];
    // exactly these seven commitments in the paragraph of the targets
    let para = r.paragraphs.iter().find(|p| p.text.contains("主要预期目标是")).unwrap().id;
    let in_para: Vec<&str> =
        r.commitments.iter().filter(|c| c.paragraph == Some(para)).map(|c| c.text.as_str()).collect();
    assert_eq!(in_para, expected.iter().map(|e| e.0).collect::<Vec<_>>());
    for (text, target, act, obj) in expected {
        let c = one(&r, text);
        assert_eq!(c.kind, K::MetricTarget, "{text}");
        assert_eq!(target_texts(&r, c), [target], "{text}");
        let i = &r.indicators[c.targets[0]];
        assert_eq!(i.bound, Bound::Exact, "{text}");
        assert_eq!(i.period.as_ref().unwrap().start_year, Some(2017));
        assert_eq!(action(c), act, "{text}");
        assert_eq!(object(c), Some(obj), "{text}");
        assert_eq!(c.modality, Modality::Firm);
        assert_eq!(deadline(c), (Some(2017), DeadlineKind::Implicit, None));
        assert_eq!(c.verifiability, Verifiability::Quantified);
        assert_eq!(c.list_item, None);
    }
    // 其中 children stay linked to their parents
    let parent = one(&r, "地区生产总值增长8%").targets[0];
    let child = one(&r, "其中服务业增加值增长9%").targets[0];
    assert_eq!(r.indicators[child].relation.map(|x| x.of), Some(parent));
}

#[test]
fn example_12_strive_for_an_entity_target() {
    let r = sample();
    let c = one(&r, "力争丁兰智慧小镇实现固定资产投资10亿元以上");
    assert_eq!(c.kind, K::MetricTarget);
    assert_eq!(c.modality, Modality::Strive);
    assert_eq!(target_texts(&r, c), ["10亿元"]);
    let i = &r.indicators[c.targets[0]];
    assert_eq!((i.metric.id.as_deref(), i.bound, i.value.number), (Some("fai"), Bound::AtLeast, Some(1e9)));
    assert_eq!(object(c), Some("固定资产投资"));
    assert_eq!(action(c), None);
    assert_eq!(deadline(c), (Some(2017), DeadlineKind::Implicit, None));
    assert_eq!(c.verifiability, Verifiability::Quantified);
}

#[test]
fn example_13_two_projects() {
    let r = sample();
    let a = one(&r, "实现鲁能杭州国际中心、三堡大厦等项目开工");
    let b = one(&r, "绿谷·杭州、徐龙国际广场等项目竣工");
    assert_eq!((a.kind, b.kind), (K::Project, K::Project));
    assert_eq!(action(a), Some(("开工", Stage::Start)));
    assert_eq!(action(b), Some(("竣工", Stage::Complete)));
    assert_eq!(object(a), Some("鲁能杭州国际中心、三堡大厦等项目"));
    assert_eq!(object(b), Some("绿谷·杭州、徐龙国际广场等项目"));
    assert_eq!((a.verifiability, b.verifiability), (Verifiability::Binary, Verifiability::Binary));
    assert!(a.targets.is_empty() && b.targets.is_empty());
    assert_eq!((a.modality, b.modality), (Modality::Firm, Modality::Firm));
}

#[test]
fn example_14_an_output_target_with_a_programme_name() {
    let r = sample();
    let c = one(&r, "引进和培养国家和省海外高层次人次、市521等人才10人");
    assert_eq!(c.kind, K::OutputTarget);
    assert_eq!(action(c), Some(("引进和培养", Stage::Add)));
    assert_eq!(object(c), Some("国家和省海外高层次人次、市521等人才"));
    assert_eq!(target_texts(&r, c), ["10人"]);
    assert_eq!(r.indicators[c.targets[0]].value.number, Some(10.0));
    assert_eq!(c.verifiability, Verifiability::Quantified);
}

#[test]
fn example_15_a_guaranteed_project_completion_beyond_the_year() {
    let r = sample();
    let c = one(&r, "加快建设区人民医院,积极谋划运营管理模式,确保2018年完成竣工验收");
    assert_eq!(c.kind, K::Project);
    assert_eq!(action(c), Some(("完成", Stage::Complete)));
    assert_eq!(object(c), Some("区人民医院"));
    assert_eq!(c.modality, Modality::Guarantee);
    assert_eq!(deadline(c), (Some(2018), DeadlineKind::Explicit, Some("2018年")));
    assert_eq!(c.verifiability, Verifiability::Binary);
}

#[test]
fn example_16_a_guarantee_within_five_years() {
    let r = sample();
    let c = one(&r, "确保在外过渡拆迁户五年内全部得到安置");
    assert_eq!(c.kind, K::Guarantee);
    assert_eq!(c.modality, Modality::Guarantee);
    assert_eq!(deadline(c), (Some(2021), DeadlineKind::Relative, Some("五年内")));
    assert_eq!(object(c), Some("在外过渡拆迁户"));
    assert!(c.targets.is_empty());
    assert_eq!(c.verifiability, Verifiability::Vague);
}

#[test]
fn example_17_the_livelihood_list() {
    let r = sample();
    let list = r.lists.iter().find(|l| l.livelihood).expect("livelihood list");
    assert_eq!(list.declared_count, Some(10));
    assert_eq!(list.items.len(), 10);
    let items: Vec<&Commitment> = r.commitments.iter().filter(|c| c.kind == K::LivelihoodItem).collect();
    assert_eq!(items.len(), 10);
    for (k, (c, it)) in items.iter().zip(&list.items).enumerate() {
        assert_eq!(c.text, it.text);
        let li = c.list_item.expect("list item");
        assert_eq!((li.list, li.ordinal), (list.id, k as u32 + 1));
        assert_eq!(c.verifiability, Verifiability::Quantified);
    }
    let first = items[0];
    assert_eq!(first.text, "启动11个社区城中村改造,完成征迁改造住户6000户以上,征迁面积300万平方米以上");
    assert_eq!(target_texts(&r, first), ["11个", "6000户", "300万平方米"]);
    assert_eq!(action(first), Some(("启动", Stage::Start)));
    let tenth = items[9];
    assert_eq!(tenth.text, "加大应急救护知识培训普及,完成培训1万人次以上");
    assert_eq!(target_texts(&r, tenth), ["1万人次"]);
    let i = &r.indicators[tenth.targets[0]];
    assert_eq!((i.value.number, i.bound), (Some(10000.0), Bound::AtLeast));
    // the list's introduction is no commitment, and no clause of an item is counted twice
    assert!(r.commitments.iter().all(|c| !c.text.contains("10件实事")));
    assert!(r
        .commitments
        .iter()
        .filter(|c| c.kind != K::LivelihoodItem)
        .all(|c| !c.text.contains("东城文体中心和丁兰体育中心")));
}

#[test]
fn example_18_a_five_year_goal() {
    let r = sample();
    let c = one(&r, "通过五年努力,全区城镇居民人均可支配收入比2010年翻一番以上");
    assert_eq!(c.kind, K::PlanGoal);
    assert_eq!(target_texts(&r, c), ["翻一番"]);
    let i = &r.indicators[c.targets[0]];
    assert_eq!(i.metric.id.as_deref(), Some("income_urban"));
    assert_eq!(i.bound, Bound::AtLeast);
    let p = i.period.as_ref().unwrap();
    assert_eq!((p.start_year, p.end_year), (Some(2017), Some(2021)), "a five-year goal is no annual target");
    assert_eq!(deadline(c), (Some(2021), DeadlineKind::Relative, Some("通过五年努力")));
    assert_eq!(object(c), Some("全区城镇居民人均可支配收入"));
    assert_eq!(c.verifiability, Verifiability::Quantified);
}

#[test]
fn commitments_slice_the_original() {
    let r = sample();
    assert!(r.commitments.len() > 100);
    for (k, c) in r.commitments.iter().enumerate() {
        assert_eq!(c.id, k);
        assert_eq!(&baogao::SAMPLE_REPORT[c.start..c.end], c.text);
        if let Some(o) = &c.object {
            assert_eq!(&baogao::SAMPLE_REPORT[o.start..o.end], o.text);
        }
        assert!(c.targets.iter().all(|&t| t < r.indicators.len()));
    }
    assert!(r.commitments.windows(2).all(|w| w[0].start <= w[1].start));
}

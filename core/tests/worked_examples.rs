//! The worked examples 1–8 and 11 of `domain.md` §7 (the seed report's
//! sentences) give exactly the listed indicators, and the non-value cases of
//! SPEC §3 and issue 3 give none.
//!
//! Expected values are written from the examples' text. Where the example
//! table and the hand-checked gold (`quantities-dev.jsonl`) disagree, the gold
//! wins: "总数突破200家" is a count and "较上个五年提升30%" a growth.

use baogao::{Aggregation, BaseUnit, Bound, Indicator, IndicatorKind as K, Options, Parser, RelationKind, Status};

/// Parses `sentence` as the body of a review part (heading "过去五年和2016年
/// 政府工作回顾") of a report delivered in 2017.
fn review(sentence: &str) -> Vec<Indicator> {
    let text = format!("一、过去五年和2016年政府工作回顾\n{sentence}\n");
    let r = Parser::new(Options::default().with_year(2017)).parse(&text);
    for i in &r.indicators {
        assert_eq!(&text[i.start..i.end], i.text);
    }
    r.indicators
}

fn tasks(sentence: &str) -> Vec<Indicator> {
    let text = format!(
        "一、过去五年和2016年政府工作回顾\n各项工作取得新成效。\n二、今后五年奋斗目标和2017年重点工作\n{sentence}\n"
    );
    let r = Parser::new(Options::default().with_year(2017)).parse(&text);
    r.indicators
}

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() <= 1e-9 * b.abs().max(1.0))
}

fn years(i: &Indicator) -> (Option<i32>, Option<i32>, Aggregation) {
    let p = i.period.as_ref().expect("period");
    (p.start_year, p.end_year, p.aggregation)
}

fn metric(i: &Indicator) -> Option<&str> {
    i.metric.id.as_deref()
}

#[test]
fn example_1_gdp_level_and_five_year_growth() {
    let i = review("2016年，预计实现地区生产总值550亿元，五年来年均增长9%。");
    assert_eq!(i.len(), 2, "{i:#?}");
    assert_eq!((i[0].text.as_str(), metric(&i[0]), i[0].kind), ("550亿元", Some("gdp"), K::Level));
    assert!(close(i[0].value.number, 5.5e10));
    assert_eq!(i[0].value.base_unit, Some(BaseUnit::Cny));
    assert_eq!(i[0].status, Status::Estimated);
    let (s, e, _) = years(&i[0]);
    assert_eq!((s, e), (Some(2016), Some(2016)));
    assert_eq!((i[1].text.as_str(), metric(&i[1]), i[1].kind), ("9%", Some("gdp"), K::Growth));
    assert!(close(i[1].value.number, 9.0));
    assert_eq!(years(&i[1]), (Some(2012), Some(2016), Aggregation::Cagr));
    assert_eq!(i[1].status, Status::Estimated);
}

#[test]
fn example_2_parent_and_group() {
    let i = review("实现财政总收入142.7亿元，其中地方一般公共预算收入87.5亿元，年均分别增长10.9%、11.1%。");
    assert_eq!(i.len(), 4, "{i:#?}");
    assert_eq!((metric(&i[0]), i[0].kind), (Some("fiscal_total_revenue"), K::Level));
    assert!(close(i[0].value.number, 1.427e10));
    assert_eq!((metric(&i[1]), i[1].kind), (Some("general_budget_revenue"), K::Level));
    assert!(close(i[1].value.number, 8.75e9));
    let rel = i[1].relation.expect("其中");
    assert_eq!((rel.kind, rel.of), (RelationKind::Parent, i[0].id));
    for (k, (num, of)) in [(2, (10.9, 0)), (3, (11.1, 1))] {
        assert_eq!(i[k].kind, K::Growth);
        assert!(close(i[k].value.number, num));
        assert_eq!(years(&i[k]).2, Aggregation::Cagr);
        let rel = i[k].relation.expect("分别");
        assert_eq!((rel.kind, rel.of), (RelationKind::Group, i[of].id));
        assert_eq!(metric(&i[k]), metric(&i[of]));
    }
}

#[test]
fn example_3_fai_with_rank_streak_and_cumulative() {
    let i = review("限额以上固定资产投资590亿元，连续10年居主城区首位，五年累计达2526亿元，年均增长11.3%。");
    assert_eq!(i.len(), 4, "{i:#?}");
    for x in &i {
        assert_eq!(metric(x), Some("fai"), "{}", x.text);
        assert_eq!(x.metric.scope.as_deref(), Some("限额以上"), "{}", x.text);
        assert_eq!(x.status, Status::Actual);
    }
    assert_eq!((i[0].text.as_str(), i[0].kind), ("590亿元", K::Level));
    assert!(close(i[0].value.number, 5.9e10));
    assert_eq!((i[1].text.as_str(), i[1].kind), ("首位", K::Rank));
    let rank = i[1].rank.as_ref().expect("rank");
    assert_eq!((rank.position, rank.scope.as_deref(), rank.streak_years), (Some(1), Some("主城区"), Some(10)));
    assert_eq!((i[2].text.as_str(), i[2].kind), ("2526亿元", K::Level));
    assert!(close(i[2].value.number, 2.526e11));
    assert_eq!(years(&i[2]), (Some(2012), Some(2016), Aggregation::Cumulative));
    assert_eq!((i[3].text.as_str(), i[3].kind), ("11.3%", K::Growth));
    assert_eq!(years(&i[3]).2, Aggregation::Cagr);
}

#[test]
fn example_4_structure_from_to() {
    let i = review("三次产业比重由2011年的0.2:33.3:66.5进一步优化调整为0.1:22.4:77.5，中心区现代产业体系不断完善。");
    assert_eq!(i.len(), 2, "{i:#?}");
    assert_eq!(i[0].text, "0.2:33.3:66.5");
    assert_eq!(i[1].text, "0.1:22.4:77.5");
    for x in &i {
        assert_eq!(
            (metric(x), x.kind, x.value.base_unit),
            (Some("industry_structure"), K::Structure, Some(BaseUnit::Ratio))
        );
    }
    assert!(close(i[0].value.number, 0.2) && close(i[1].value.number, 0.1));
    let (s, e, _) = years(&i[0]);
    assert_eq!((s, e), (Some(2011), Some(2011)));
    let (s, e, _) = years(&i[1]);
    assert_eq!((s, e), (Some(2016), Some(2016)));
    let rel = i[1].relation.expect("由…调整为…");
    assert_eq!((rel.kind, rel.of), (RelationKind::FromTo, i[0].id));
}

#[test]
fn example_5_level_share_rank() {
    let i = review("工业经济加快转型，实现高新技术产业销售产值110亿元，占规模以上工业比重达74.9%，稳居全市第二。");
    assert_eq!(i.len(), 3, "{i:#?}");
    assert_eq!(
        (metric(&i[0]), i[0].metric.scope.as_deref(), i[0].kind),
        (Some("va_high_tech"), Some("销售产值"), K::Level)
    );
    assert!(close(i[0].value.number, 1.1e10));
    assert_eq!((i[1].text.as_str(), i[1].kind), ("74.9%", K::Share));
    assert_eq!(metric(&i[1]), Some("va_high_tech"));
    assert_eq!((i[2].text.as_str(), i[2].kind), ("第二", K::Rank));
    let rank = i[2].rank.as_ref().expect("rank");
    assert_eq!((rank.position, rank.scope.as_deref()), (Some(2), Some("全市")));
}

#[test]
fn example_6_usd_and_doubling() {
    let i = review("实际利用外资17.8亿美元，较上个五年翻一番，引进世界500强企业投资项目9个。");
    assert_eq!(i.len(), 3, "{i:#?}");
    assert_eq!((metric(&i[0]), i[0].kind, i[0].value.base_unit), (Some("fdi_actual"), K::Level, Some(BaseUnit::Usd)));
    assert!(close(i[0].value.number, 1.78e9));
    assert_eq!((i[1].text.as_str(), i[1].kind), ("翻一番", K::Multiple));
    assert!(close(i[1].value.number, 2.0));
    let (s, e, _) = years(&i[1]);
    assert_eq!((s, e), (Some(2012), Some(2016)));
    assert_eq!((i[2].text.as_str(), i[2].kind), ("9个", K::Count));
}

#[test]
fn example_7_class_threshold_is_no_value() {
    let i = review("税收千万元以上企业新增近百家，总数突破200家。");
    assert_eq!(i.len(), 2, "{i:#?}");
    assert_eq!((i[0].text.as_str(), i[0].kind, i[0].bound), ("百家", K::Change, Bound::Nearly));
    assert!(close(i[0].value.number, 100.0));
    assert_eq!(i[0].metric.name.as_deref(), Some("税收千万元以上企业"));
    assert_eq!((i[1].text.as_str(), i[1].kind, i[1].bound), ("200家", K::Count, Bound::AtLeast));
    assert!(close(i[1].value.number, 200.0));
}

#[test]
fn example_8_capacity_rate_and_growth() {
    let i = review("新增截污量5万余吨/日，截污率达95%，较上个五年提升30%。");
    assert_eq!(i.len(), 3, "{i:#?}");
    assert_eq!((i[0].text.as_str(), i[0].kind, i[0].bound), ("5万余吨/日", K::Change, Bound::AtLeast));
    assert!(close(i[0].value.number, 5e4));
    assert_eq!(i[0].value.unit.as_deref(), Some("万吨/日"));
    assert_eq!((i[1].text.as_str(), i[1].kind), ("95%", K::Rate));
    assert_eq!((i[2].text.as_str(), i[2].kind), ("30%", K::Growth));
    assert!(close(i[2].value.number, 30.0));
}

#[test]
fn example_11_points_target() {
    let i = tasks("产业项目及基础设施投资占比提升十个百分点以上，打造杭城东部创新中心。");
    assert_eq!(i.len(), 1, "{i:#?}");
    assert_eq!((i[0].text.as_str(), i[0].kind, i[0].bound), ("十个百分点", K::Change, Bound::AtLeast));
    assert_eq!(i[0].value.base_unit, Some(BaseUnit::PercentagePoint));
    assert!(close(i[0].value.number, 10.0));
    assert_eq!(i[0].status, Status::Target);
    let (s, e, _) = years(&i[0]);
    assert_eq!((s, e), (Some(2017), Some(2017)));
}

#[test]
fn non_values_give_no_indicator() {
    let text = "一、过去一年工作回顾\n\
        深入实施“三改一拆”，实现了“十二五”圆满收官和十三五良好开局。\n\
        “一号工程”强势推进，成功举办G20杭州峰会和B20峰会，加快5G网络建设，PM2.5平均浓度逐年下降。\n\
        引进世界500强企业，保障地铁1号线开通运营，运河水质达到Ⅲ类标准，创建国家4A级旅游景区，建成500KV变电站。\n\
        引进和培养市521等人才，构建“1+2+9+N”指挥体系，首创“5+2”特色河长制。\n\
        2016年是关键之年，五年来成绩显著，连续10年保持增长，连续十一年被授予“省平安区”称号。\n\
        一是启动改革，二是推进建设。\n\
        (一)突出创新驱动\n\
        1.加快发展数字经济。\n\
        培育税收千万元以上企业，引进亿元级重大项目，扶持年收入5万元以下的村，打造税收亿元楼宇。\n\
        2017年2月7日，《法治政府建设实施纲要(2015-2020年)》，坚持“四个全面”，推进一批重大项目，实现三个零增长，数十家企业，每万人发明专利拥有量。\n";
    let r = Parser::new(Options::default().with_year(2017)).parse(text);
    assert!(r.indicators.is_empty(), "{:#?}", r.indicators.iter().map(|i| &i.text).collect::<Vec<_>>());
}

//! The typed model of a parsed report (SPEC §2): the wire format shared by
//! Rust, Python, JavaScript and the JSON the CLI writes.
//!
//! Entities live in flat arrays (`Report::sections`, `Report::indicators`, …)
//! and refer to each other by integer `id` = index into their array, so each
//! array is one table. Every entity carries flat `start`/`end` offsets into the
//! caller's **original** string, in the unit named by [`Report::offset_unit`]
//! (UTF-8 bytes straight out of [`crate::parse`]).
//!
//! Glossary of the Chinese terms behind the English names:
//!
//! | English | 中文 |
//! |---|---|
//! | report | 政府工作报告 |
//! | section / part | 部分, 一、 (二)… headings |
//! | review | 工作回顾 |
//! | targets | 主要预期目标 |
//! | tasks | 重点工作 |
//! | self-building | 政府自身建设 |
//! | livelihood list | 民生实事, 为民办实事 |
//! | indicator | 指标 (a number with a unit stating a fact or a target) |
//! | commitment | 承诺 / 任务 (a pledge) |
//! | bound | 左右 / 以上 / 以内 … qualifiers |
//! | modality | 确保 / 力争 / 争创 … firmness |

use serde::{Deserialize, Serialize};

/// The version of this wire format; bumped on breaking changes.
pub const SCHEMA_VERSION: &str = "1";

/// The unit in which every `start`/`end` of a [`Report`] is counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum OffsetUnit {
    /// UTF-8 bytes: Rust `&str` indices (what [`crate::parse`] returns).
    #[default]
    Utf8,
    /// Unicode scalar values: Python `str` indices, and the JSON of the CLI.
    Char,
    /// UTF-16 code units: JavaScript string indices.
    Utf16,
}

/// A parsed report. See SPEC §2.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// Always [`SCHEMA_VERSION`].
    pub schema_version: String,
    /// The unit of every offset in this value.
    pub offset_unit: OffsetUnit,
    /// Title-block metadata.
    pub meta: Meta,
    /// Numbered headings and the appendix/glossary, in document order.
    pub sections: Vec<Section>,
    /// Body paragraphs, in document order.
    pub paragraphs: Vec<Paragraph>,
    /// Quantities with a unit or a % that state a fact or a target.
    pub indicators: Vec<Indicator>,
    /// Pledges in the target, task, goal and livelihood parts.
    pub commitments: Vec<Commitment>,
    /// Enumerations (一是…二是…, 1.…2.…, the 民生实事 list).
    pub lists: Vec<List>,
    /// What was ambiguous or skipped. Parsing never fails on odd text.
    pub diagnostics: Vec<Diagnostic>,
    /// The text this report was parsed from; not serialized.
    #[serde(skip)]
    pub(crate) source: Option<std::sync::Arc<str>>,
}

/// Administrative level of the government that delivers the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// 国务院 (the State Council).
    National,
    /// 省, 自治区, 直辖市.
    Province,
    /// 地级市, 自治州, 盟, 地区.
    City,
    /// 市辖区 (an urban district).
    District,
    /// 县, 县级市, 自治县, 旗.
    County,
}

/// Writing system of the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Script {
    /// 简体.
    #[default]
    Simplified,
    /// 繁體.
    Traditional,
    /// Both in significant amounts.
    Mixed,
}

/// Metadata read from the title block (SPEC §2 Meta).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Meta {
    /// The report's title as written, e.g. "政府工作报告".
    pub title: Option<String>,
    /// The government's name for itself: "江干区", "河北省"; "国务院" for national reports.
    pub region: Option<String>,
    /// Administrative level.
    pub level: Option<Level>,
    /// Year the report is delivered in.
    pub year: Option<i32>,
    /// Delivery date, ISO `YYYY-MM-DD`.
    pub delivered_on: Option<String>,
    /// The session it is delivered to: "江干区第十五届人民代表大会第一次会议".
    pub meeting: Option<String>,
    /// Who delivers it.
    pub speaker: Option<Speaker>,
    /// Simplified, traditional or mixed characters.
    pub script: Script,
}

/// The speaker line: "江干区人民政府代区长 楼建忠".
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Speaker {
    /// Personal name: "楼建忠".
    pub name: Option<String>,
    /// Office without the acting prefix: "区长", "省长", "总理".
    pub title: Option<String>,
    /// `true` for 代区长/代市长/… (acting, before the congress elects the head).
    pub acting: bool,
}

/// What a section of the report is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Review of the past year or term (工作回顾, 一年来).
    Review,
    /// Difficulties and shortcomings (困难和问题).
    Problems,
    /// Situation and guiding thought (形势, 指导思想, 总体要求).
    Outlook,
    /// Five-year or plan goals (今后五年, 奋斗目标, “十五五”时期的主要目标).
    Goals,
    /// The annual targets (主要预期目标).
    Targets,
    /// This year's key tasks (重点工作, 政府工作任务).
    Tasks,
    /// Government self-building (政府自身建设).
    SelfBuilding,
    /// The livelihood projects list (民生实事).
    Livelihood,
    /// Closing exhortation (而努力奋斗).
    Closing,
    /// An appendix (附件) after the closing.
    Appendix,
    /// A glossary (名词解释, 注释) after the closing.
    Glossary,
    /// Anything else (foreign affairs, defence, …).
    Other,
}

/// A numbered heading and everything under it (SPEC §2 Section).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Section {
    /// Index into [`Report::sections`].
    pub id: usize,
    /// Enclosing section, `None` at the top.
    pub parent: Option<usize>,
    /// 1 = 一、, 2 = (一), 3 = 1., 4 = (1) — follows the marker.
    pub depth: u8,
    /// The marker as written: "一、", "(一)", "（一）", "1."; `None` for an unnumbered
    /// appendix or glossary heading.
    pub marker: Option<String>,
    /// 1, 2, 3 … from the marker.
    pub ordinal: Option<u32>,
    /// Heading text without marker and trailing punctuation; for an inline heading
    /// ("（一）标题。正文…") the text up to the first 。. Line breaks inside a heading
    /// are dropped, otherwise it equals `text[title_start..title_end]`.
    pub title: String,
    /// What the section is for.
    pub role: Role,
    /// Start of the heading (its marker).
    pub start: usize,
    /// End of the section: just before the next sibling or ancestor heading (or the end of the report).
    pub end: usize,
    /// Start of the title.
    pub title_start: usize,
    /// End of the title.
    pub title_end: usize,
}

/// A span of text with the text itself: `text == original[start..end]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextSpan {
    /// The slice of the original input.
    pub text: String,
    /// Start offset.
    pub start: usize,
    /// End offset.
    pub end: usize,
}

/// A body paragraph (SPEC §2 Paragraph).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Paragraph {
    /// Index into [`Report::paragraphs`].
    pub id: usize,
    /// The innermost section containing it; `None` before the first heading.
    pub section: Option<usize>,
    /// Start offset.
    pub start: usize,
    /// End offset (before the line break).
    pub end: usize,
    /// The paragraph as written: `original[start..end]`.
    pub text: String,
    /// The topic sentence that opens it ("产业结构稳步提升"), without its 。.
    pub lead: Option<TextSpan>,
}

/// A `start`/`end` pair without text (the clause an indicator belongs to).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    /// Start offset.
    pub start: usize,
    /// End offset.
    pub end: usize,
}

/// Kind of quantity (SPEC §2 Indicator.kind).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IndicatorKind {
    /// An amount: 地区生产总值550亿元.
    Level,
    /// Relative change in %: 增长9%, 下降4.5% (negative).
    Growth,
    /// Absolute change or additions: 新增就业岗位17.6万个, 提高五个百分点.
    Change,
    /// A as % of B: 占地区生产总值比重达12.7%.
    Share,
    /// A metric that is itself a rate: 截污率达95%.
    Rate,
    /// A ratio: 1/4, 每百人4.5张.
    Ratio,
    /// Multi-part structure: 0.1:22.4:77.5.
    Structure,
    /// Number of things: 25家.
    Count,
    /// ×N: 翻一番, 2倍.
    Multiple,
    /// Position in a peer set: 首位, 全市第二.
    Rank,
    /// Crossing a level: 突破70亿元.
    Threshold,
}

/// Normalized base units (SPEC §2 Indicator.value.base_unit).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BaseUnit {
    /// Renminbi yuan.
    #[serde(rename = "CNY")]
    Cny,
    /// US dollars.
    #[serde(rename = "USD")]
    Usd,
    /// Hong Kong dollars.
    #[serde(rename = "HKD")]
    Hkd,
    /// %.
    Percent,
    /// 个百分点.
    PercentagePoint,
    /// ‰.
    Permille,
    /// Things counted with a measure word (个 家 项 …).
    Count,
    /// People.
    Person,
    /// Person-times (人次).
    PersonTime,
    /// Households (户).
    Household,
    /// Square metres.
    AreaM2,
    /// 亩.
    Mu,
    /// Metres.
    LengthM,
    /// Kilograms.
    MassKg,
    /// Kilowatt-hours.
    EnergyKwh,
    /// Kilowatts.
    PowerKw,
    /// Twenty-foot equivalent units (标箱).
    Teu,
    /// ×N.
    Multiple,
    /// A position (1 = first).
    Rank,
    /// A plain ratio (0.25).
    Ratio,
}

/// A normalized value (SPEC §2 Indicator.value).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Value {
    /// The value in `base_unit`; `None` for a range.
    pub number: Option<f64>,
    /// Low end of a range, in `base_unit`.
    pub low: Option<f64>,
    /// High end of a range, in `base_unit`.
    pub high: Option<f64>,
    /// The unit as written: "亿元", "%", "万个", "个百分点".
    pub unit: Option<String>,
    /// The multiplier as written: 1e8 for 亿元.
    pub multiplier: Option<f64>,
    /// The normalized unit.
    pub base_unit: Option<BaseUnit>,
}

/// Qualifier on a quantity (SPEC §2 Indicator.bound).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Bound {
    /// No qualifier.
    #[default]
    Exact,
    /// 左右, 约.
    About,
    /// 以上, 超过, 突破, 余, 不低于.
    AtLeast,
    /// 以内, 以下, 不超过.
    AtMost,
    /// 近.
    Nearly,
    /// 6.5%－7%.
    Range,
    /// Explicitly no number set (2020: no GDP growth target).
    Absent,
}

/// Whether a number is a fact, an estimate, a target or a plan figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// A reported outcome.
    Actual,
    /// 预计: an estimate of an outcome.
    Estimated,
    /// A target or task.
    Target,
    /// A plan figure quoted in passing (计划总投资).
    Plan,
}

/// How a value aggregates over its period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Aggregation {
    /// A level at a point in time.
    Point,
    /// Within one year.
    Annual,
    /// Compound annual growth over the period (年均).
    Cagr,
    /// Summed over the period (累计).
    Cumulative,
    /// Year on year (同比).
    Yoy,
}

/// The time a value refers to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    /// First year.
    pub start_year: Option<i32>,
    /// Last year.
    pub end_year: Option<i32>,
    /// How the value aggregates.
    pub aggregation: Aggregation,
    /// The phrase that set it ("五年来", "今年"), if any.
    pub raw: Option<String>,
}

/// The subject a quantity measures.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Metric {
    /// Canonical id from the alias table ("gdp"), `None` when unknown.
    pub id: Option<String>,
    /// The subject as written ("地区生产总值").
    pub name: Option<String>,
    /// Start of the subject.
    pub start: Option<usize>,
    /// End of the subject.
    pub end: Option<usize>,
    /// Scope or caliber stripped from the name ("全市", "限额以上").
    pub scope: Option<String>,
}

/// How an indicator relates to another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RelationKind {
    /// 其中: a part of `of`.
    Parent,
    /// 分别: one of a group led by `of`.
    Group,
    /// 由…调整为…: the new value of `of`.
    FromTo,
}

/// A link from one indicator to another (by id).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Relation {
    /// The kind of link.
    pub kind: RelationKind,
    /// The other indicator's id.
    pub of: usize,
}

/// A rank: "连续10年居主城区首位".
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Rank {
    /// 1 for 首位/第一.
    pub position: Option<u32>,
    /// The peer set: "主城区", "全市".
    pub scope: Option<String>,
    /// Consecutive years: 10.
    pub streak_years: Option<u32>,
}

/// A quantity with its metric, kind, bound, status and period (SPEC §2 Indicator).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Indicator {
    /// Index into [`Report::indicators`].
    pub id: usize,
    /// Innermost section.
    pub section: Option<usize>,
    /// Paragraph.
    pub paragraph: Option<usize>,
    /// Start of the quantity.
    pub start: usize,
    /// End of the quantity.
    pub end: usize,
    /// The quantity as written, without bound words ("550亿元", "9%").
    pub text: String,
    /// The clause it belongs to.
    pub sentence: Span,
    /// What it measures.
    pub metric: Metric,
    /// Kind of quantity.
    pub kind: IndicatorKind,
    /// Normalized value.
    pub value: Value,
    /// Qualifier.
    pub bound: Bound,
    /// Fact, estimate, target or plan.
    pub status: Status,
    /// The time it refers to.
    pub period: Option<Period>,
    /// Link to another indicator.
    pub relation: Option<Relation>,
    /// Rank details for `kind == Rank`.
    pub rank: Option<Rank>,
}

/// Kind of pledge (SPEC §2 Commitment.kind).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CommitmentKind {
    /// A canonical metric with a number (地区生产总值增长8%).
    MetricTarget,
    /// A countable output (新增公共停车泊位1300个以上).
    OutputTarget,
    /// Named projects with a lifecycle verb.
    Project,
    /// An institutional action.
    Policy,
    /// Winning a title or model status (争创).
    Aspiration,
    /// Keeping bad outcomes at zero (确保…稳定).
    Guarantee,
    /// Holding an event (举办).
    Event,
    /// One entry of the 民生实事 list.
    LivelihoodItem,
    /// A five-year or plan goal.
    PlanGoal,
    /// A budget parameter (赤字率拟按…).
    Fiscal,
}

/// Lifecycle stage of an action verb.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// 谋划, 筹建.
    Prepare,
    /// 启动, 开工.
    Start,
    /// 推进, 加快.
    Progress,
    /// 完成, 建成.
    Complete,
    /// 新增, 新建.
    Add,
    /// 下降, 减少.
    Reduce,
    /// 保持, 控制在.
    Maintain,
    /// 创建, 争创.
    Attain,
    /// 出台, 建立.
    Institutionalize,
    /// 举办.
    Host,
}

/// The verb of a commitment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Action {
    /// The verb as written.
    pub verb: String,
    /// Its lifecycle stage.
    pub stage: Stage,
}

/// Firmness of a pledge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Modality {
    /// 确保.
    Guarantee,
    /// Plain 要/将.
    #[default]
    Firm,
    /// 力争/争取.
    Strive,
    /// 争创.
    Aspire,
    /// 探索/谋划.
    Explore,
    /// 拟.
    Proposed,
}

/// How a deadline was stated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeadlineKind {
    /// "2018年", "年底前".
    Explicit,
    /// "五年内", "三年攻坚".
    Relative,
    /// Not stated: the end of the report year.
    Implicit,
}

/// When a commitment is due.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deadline {
    /// Year due.
    pub year: Option<i32>,
    /// Month due, if stated.
    pub month: Option<u32>,
    /// How it was stated.
    pub kind: DeadlineKind,
    /// The phrase, if any.
    pub raw: Option<String>,
}

/// Position of a commitment in a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListItemRef {
    /// Index into [`Report::lists`].
    pub list: usize,
    /// 1-based position in the list.
    pub ordinal: u32,
}

/// How checkable a commitment is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verifiability {
    /// A number with a unit.
    Quantified,
    /// A completion verb and a named object.
    Binary,
    /// A progress verb only.
    Vague,
}

/// A pledge (SPEC §2 Commitment).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Commitment {
    /// Index into [`Report::commitments`].
    pub id: usize,
    /// Innermost section.
    pub section: Option<usize>,
    /// Paragraph.
    pub paragraph: Option<usize>,
    /// Start of the clause.
    pub start: usize,
    /// End of the clause.
    pub end: usize,
    /// The clause as written.
    pub text: String,
    /// Kind of pledge.
    pub kind: CommitmentKind,
    /// Verb and stage.
    pub action: Option<Action>,
    /// What is acted on.
    pub object: Option<TextSpan>,
    /// Ids of the indicators this commitment sets.
    pub targets: Vec<usize>,
    /// Firmness.
    pub modality: Modality,
    /// When it is due.
    pub deadline: Option<Deadline>,
    /// Its place in a list.
    pub list_item: Option<ListItemRef>,
    /// How checkable it is.
    pub verifiability: Verifiability,
}

/// Numbering style of a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ListStyle {
    /// 一是…二是….
    ShiList,
    /// 一、.
    HanziDun,
    /// (一).
    ParenHanzi,
    /// 1. 1、.
    ArabicDot,
    /// (1).
    ParenArabic,
    /// ①.
    Circled,
    /// ——.
    Dash,
    /// No markers.
    Unnumbered,
}

/// One item of a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListItem {
    /// 1-based position.
    pub ordinal: u32,
    /// Start offset.
    pub start: usize,
    /// End offset.
    pub end: usize,
    /// The item as written.
    pub text: String,
}

/// An enumeration (SPEC §2 List).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct List {
    /// Index into [`Report::lists`].
    pub id: usize,
    /// The paragraph it starts in.
    pub paragraph: Option<usize>,
    /// Numbering style.
    pub style: ListStyle,
    /// The count announced before it ("10件实事" → 10).
    pub declared_count: Option<u32>,
    /// `true` for the 民生实事 list.
    pub livelihood: bool,
    /// Its items.
    pub items: Vec<ListItem>,
}

/// Something ambiguous or skipped (SPEC §2 Diagnostic). Codes are stable and
/// documented in [`crate::diagnostics`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// Stable code, e.g. "duplicate_copy".
    pub code: String,
    /// Human-readable message.
    pub message: String,
    /// Start of the text concerned, if any.
    pub start: Option<usize>,
    /// End of the text concerned, if any.
    pub end: Option<usize>,
}

/// Outcome of an annual target one year on (SPEC §4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TrackStatus {
    /// Reached (within the tolerance of an `about` target, inside a range,
    /// at or above a floor, at or below a ceiling).
    Met,
    /// Above an `about` target by more than the tolerance, or above a range.
    Exceeded,
    /// Short of the target (or above a ceiling).
    Missed,
    /// The next report states no figure for the metric and year.
    NotReported,
}

/// The target side of a [`TrackedTarget`], normalized as in [`Value`].
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct TargetValue {
    /// The target value; `None` for a range.
    pub number: Option<f64>,
    /// Low end of a range.
    pub low: Option<f64>,
    /// High end of a range.
    pub high: Option<f64>,
    /// The target's qualifier.
    pub bound: Bound,
}

/// The outcome side of a [`TrackedTarget`].
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct ActualValue {
    /// The reported value, in the target's base unit.
    pub number: Option<f64>,
}

/// One annual target of a report paired with the outcome the next report
/// gives for it (SPEC §4, [`crate::track()`]). Offsets are in the unit of the
/// reports it was computed from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrackedTarget {
    /// Canonical metric id of the target ("gdp").
    pub metric: String,
    /// The target.
    pub target: TargetValue,
    /// The outcome, `None` when not reported.
    pub actual: Option<ActualValue>,
    /// Met, exceeded, missed or not reported.
    pub status: TrackStatus,
    /// Indicator id of the target in the earlier report.
    pub target_indicator: usize,
    /// Start of the target quantity in the earlier report's text.
    pub target_start: usize,
    /// End of the target quantity in the earlier report's text.
    pub target_end: usize,
    /// Indicator id of the outcome in the later report.
    pub actual_indicator: Option<usize>,
    /// Start of the outcome quantity in the later report's text.
    pub actual_start: Option<usize>,
    /// End of the outcome quantity in the later report's text.
    pub actual_end: Option<usize>,
}

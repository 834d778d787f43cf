
/* ---- The baogao model (SPEC §2), mirrored from core/src/model.rs. ----
 * Field names are snake_case; enum values are snake_case strings; `null`
 * means "not stated / not found". Entities live in flat arrays and refer to
 * each other by `id` (the index into their array). Every `start`/`end` is a
 * UTF-16 index into the string passed to `parse`:
 * `text.slice(item.start, item.end) === item.text`. */

/** Options of `parse(text, options)`. Unknown keys throw an `Error`. */
export interface ParseOptions {
  /** The report year, used when the text has no date line. */
  year?: number | null;
}

/** The unit of every offset in a report; always `"utf16"` from `parse`. */
export type OffsetUnit = "utf8" | "char" | "utf16";

/** Administrative level of the government that delivers the report. */
export type Level = "national" | "province" | "city" | "district" | "county";

/** Writing system of the report. */
export type Script = "simplified" | "traditional" | "mixed";

/** What a section of the report is for. */
export type Role =
  | "review"
  | "problems"
  | "outlook"
  | "goals"
  | "targets"
  | "tasks"
  | "self_building"
  | "livelihood"
  | "closing"
  | "appendix"
  | "glossary"
  | "other";

/** Kind of quantity. */
export type IndicatorKind =
  | "level"
  | "growth"
  | "change"
  | "share"
  | "rate"
  | "ratio"
  | "structure"
  | "count"
  | "multiple"
  | "rank"
  | "threshold";

/** Normalized base unit of a value. */
export type BaseUnit =
  | "CNY"
  | "USD"
  | "HKD"
  | "percent"
  | "percentage_point"
  | "permille"
  | "count"
  | "person"
  | "person_time"
  | "household"
  | "area_m2"
  | "mu"
  | "length_m"
  | "mass_kg"
  | "energy_kwh"
  | "power_kw"
  | "teu"
  | "multiple"
  | "rank"
  | "ratio";

/** Qualifier on a quantity: 左右 → about, 以上 → at_least, 以内 → at_most, 近 → nearly. */
export type Bound = "exact" | "about" | "at_least" | "at_most" | "nearly" | "range" | "absent";

/** Whether a number is a fact, an estimate (预计), a target or a plan figure. */
export type Status = "actual" | "estimated" | "target" | "plan";

/** How a value aggregates over its period. */
export type Aggregation = "point" | "annual" | "cagr" | "cumulative" | "yoy";

/** How an indicator relates to another: 其中 → parent, 分别 → group, 由…调整为… → from_to. */
export type RelationKind = "parent" | "group" | "from_to";

/** Kind of pledge. */
export type CommitmentKind =
  | "metric_target"
  | "output_target"
  | "project"
  | "policy"
  | "aspiration"
  | "guarantee"
  | "event"
  | "livelihood_item"
  | "plan_goal"
  | "fiscal";

/** Lifecycle stage of an action verb. */
export type Stage =
  | "prepare"
  | "start"
  | "progress"
  | "complete"
  | "add"
  | "reduce"
  | "maintain"
  | "attain"
  | "institutionalize"
  | "host";

/** Firmness of a pledge: 确保 → guarantee, 力争 → strive, 争创 → aspire, 探索 → explore, 拟 → proposed. */
export type Modality = "guarantee" | "firm" | "strive" | "aspire" | "explore" | "proposed";

/** How a deadline was stated. */
export type DeadlineKind = "explicit" | "relative" | "implicit";

/** How checkable a commitment is. */
export type Verifiability = "quantified" | "binary" | "vague";

/** Numbering style of a list. */
export type ListStyle =
  | "shi_list"
  | "hanzi_dun"
  | "paren_hanzi"
  | "arabic_dot"
  | "paren_arabic"
  | "circled"
  | "dash"
  | "unnumbered";

/** A parsed report. */
export interface Report {
  /** The wire-format version, `"1"`. */
  schema_version: string;
  /** The unit of every offset: `"utf16"` from `parse`. */
  offset_unit: OffsetUnit;
  /** Title-block metadata. */
  meta: Meta;
  /** Numbered headings and the appendix/glossary, in document order. */
  sections: Section[];
  /** Body paragraphs, in document order. */
  paragraphs: Paragraph[];
  /** Quantities with a unit or a % that state a fact or a target. */
  indicators: Indicator[];
  /** Pledges in the target, task, goal and livelihood parts. */
  commitments: Commitment[];
  /** Enumerations (一是…二是…, 1.…2.…, the 民生实事 list). */
  lists: List[];
  /** What was ambiguous or skipped. */
  diagnostics: Diagnostic[];
}

/** Metadata read from the title block. */
export interface Meta {
  /** The title as written, e.g. "政府工作报告". */
  title: string | null;
  /** The government's name for itself: "江干区"; "国务院" for national reports. */
  region: string | null;
  level: Level | null;
  /** Year the report is delivered in. */
  year: number | null;
  /** Delivery date, `YYYY-MM-DD`. */
  delivered_on: string | null;
  /** The session it is delivered to. */
  meeting: string | null;
  speaker: Speaker | null;
  script: Script;
}

/** The speaker line: "江干区人民政府代区长 楼建忠". */
export interface Speaker {
  name: string | null;
  /** Office without the acting prefix: "区长". */
  title: string | null;
  /** `true` for 代区长/代市长/…. */
  acting: boolean;
}

/** A numbered heading and everything under it. */
export interface Section {
  id: number;
  /** Enclosing section id, `null` at the top. */
  parent: number | null;
  /** 1 = 一、, 2 = (一), 3 = 1., 4 = (1). */
  depth: number;
  /** The marker as written; `null` for an unnumbered appendix or glossary heading. */
  marker: string | null;
  ordinal: number | null;
  /** Heading text without marker and trailing punctuation (line breaks dropped). */
  title: string;
  role: Role;
  start: number;
  end: number;
  title_start: number;
  title_end: number;
}

/** A span with its text: `text === input.slice(start, end)`. */
export interface TextSpan {
  text: string;
  start: number;
  end: number;
}

/** A span without text. */
export interface Span {
  start: number;
  end: number;
}

/** A body paragraph. */
export interface Paragraph {
  id: number;
  /** The innermost section containing it; `null` before the first heading. */
  section: number | null;
  start: number;
  end: number;
  text: string;
  /** The topic sentence that opens it, without its 。. */
  lead: TextSpan | null;
}

/** A normalized value: number / low / high are in `base_unit`. */
export interface Value {
  number: number | null;
  low: number | null;
  high: number | null;
  /** The unit as written: "亿元", "%". */
  unit: string | null;
  /** The multiplier as written: 1e8 for 亿元. */
  multiplier: number | null;
  base_unit: BaseUnit | null;
}

/** The time a value refers to. */
export interface Period {
  start_year: number | null;
  end_year: number | null;
  aggregation: Aggregation;
  /** The phrase that set it ("五年来", "今年"). */
  raw: string | null;
}

/** The subject a quantity measures. */
export interface Metric {
  /** Canonical id ("gdp"), `null` when unknown. */
  id: string | null;
  /** The subject as written ("地区生产总值"). */
  name: string | null;
  start: number | null;
  end: number | null;
  /** Scope stripped from the name ("全市", "限额以上"). */
  scope: string | null;
}

/** A link to another indicator. */
export interface Relation {
  kind: RelationKind;
  /** The other indicator's id. */
  of: number;
}

/** A rank: "连续10年居主城区首位". */
export interface Rank {
  position: number | null;
  scope: string | null;
  streak_years: number | null;
}

/** A quantity with its metric, kind, bound, status and period. */
export interface Indicator {
  id: number;
  section: number | null;
  paragraph: number | null;
  start: number;
  end: number;
  /** The quantity as written, without bound words ("550亿元"). */
  text: string;
  /** The clause it belongs to. */
  sentence: Span;
  metric: Metric;
  kind: IndicatorKind;
  value: Value;
  bound: Bound;
  status: Status;
  period: Period | null;
  relation: Relation | null;
  rank: Rank | null;
}

/** The verb of a commitment. */
export interface Action {
  verb: string;
  stage: Stage;
}

/** When a commitment is due. */
export interface Deadline {
  year: number | null;
  month: number | null;
  kind: DeadlineKind;
  raw: string | null;
}

/** Position of a commitment in a list. */
export interface ListItemRef {
  /** The list's id. */
  list: number;
  /** 1-based position. */
  ordinal: number;
}

/** A pledge. */
export interface Commitment {
  id: number;
  section: number | null;
  paragraph: number | null;
  start: number;
  end: number;
  /** The clause as written. */
  text: string;
  kind: CommitmentKind;
  action: Action | null;
  object: TextSpan | null;
  /** Ids of the indicators this commitment sets. */
  targets: number[];
  modality: Modality;
  deadline: Deadline | null;
  list_item: ListItemRef | null;
  verifiability: Verifiability;
}

/** One item of a list. */
export interface ListItem {
  /** 1-based position. */
  ordinal: number;
  start: number;
  end: number;
  text: string;
}

/** An enumeration. */
export interface List {
  id: number;
  /** The paragraph it starts in. */
  paragraph: number | null;
  style: ListStyle;
  /** The count announced before it ("10件实事" → 10). */
  declared_count: number | null;
  /** `true` for the 民生实事 list. */
  livelihood: boolean;
  items: ListItem[];
}

/** Something ambiguous or skipped. */
export interface Diagnostic {
  /** Stable code, e.g. "duplicate_copy". */
  code: string;
  message: string;
  start: number | null;
  end: number | null;
}

/* ---- Promise tracking (SPEC §4): `track(prev, next)`. ---- */

/** Options of `track(prev, next, options)`. Unknown keys throw an `Error`. */
export interface TrackOptions {
  /**
   * How far an `about` target may miss and still be met, in percentage points
   * (for targets not in percent: in percent of the target). Default 0.5.
   */
  tolerance?: number | null;
}

/** Outcome of an annual target one year on. */
export type TrackStatus = "met" | "exceeded" | "missed" | "not_reported";

/** The target side of a `TrackedTarget`, normalized as in `Value`. */
export interface TargetValue {
  /** The target value; `null` for a range. */
  number: number | null;
  /** Low end of a range. */
  low: number | null;
  /** High end of a range. */
  high: number | null;
  /** The target's qualifier. */
  bound: Bound;
}

/** The outcome side of a `TrackedTarget`. */
export interface ActualValue {
  /** The reported value, in the target's base unit. */
  number: number | null;
}

/**
 * One annual target of the earlier report paired with the outcome the later
 * report gives for it. Offsets are UTF-16 indices into each report's own text
 * (for reports from `parse`).
 */
export interface TrackedTarget {
  /** Canonical metric id of the target ("gdp"). */
  metric: string;
  target: TargetValue;
  /** The outcome, `null` when not reported. */
  actual: ActualValue | null;
  status: TrackStatus;
  /** Indicator id of the target in `prev`. */
  target_indicator: number;
  /** Start of the target quantity in `prev`'s text. */
  target_start: number;
  /** End of the target quantity in `prev`'s text. */
  target_end: number;
  /** Indicator id of the outcome in `next`, `null` when not reported. */
  actual_indicator: number | null;
  /** Start of the outcome quantity in `next`'s text. */
  actual_start: number | null;
  /** End of the outcome quantity in `next`'s text. */
  actual_end: number | null;
}

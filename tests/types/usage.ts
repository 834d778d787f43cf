// Typed usage of the npm package, checked by `tsc -p tests/types/tsconfig.json` (strict) against
// the generated bindings-wasm/pkg/baogao.d.ts. It is never run: it only has to type-check. It
// touches every exported type, and the Record<Union, …> tables below fail to compile when a
// string union gains or loses a member, so they pin the unions to core/src/model.rs.
import init, {
  initSync,
  parse,
  track,
  version,
  type Action,
  type ActualValue,
  type Aggregation,
  type BaseUnit,
  type Bound,
  type Commitment,
  type CommitmentKind,
  type Deadline,
  type DeadlineKind,
  type Diagnostic,
  type Indicator,
  type IndicatorKind,
  type InitOutput,
  type Level,
  type List,
  type ListItem,
  type ListItemRef,
  type ListStyle,
  type Meta,
  type Metric,
  type Modality,
  type OffsetUnit,
  type Paragraph,
  type ParseOptions,
  type Period,
  type Rank,
  type Relation,
  type RelationKind,
  type Report,
  type Role,
  type Script,
  type Section,
  type Span,
  type Speaker,
  type Stage,
  type Status,
  type TargetValue,
  type TextSpan,
  type TrackedTarget,
  type TrackOptions,
  type TrackStatus,
  type Value,
  type Verifiability,
} from "../../bindings-wasm/pkg/baogao.js";

// ---- enums: exactly these members ----
const offsetUnits: Record<OffsetUnit, true> = { utf8: true, char: true, utf16: true };
const levels: Record<Level, true> = { national: true, province: true, city: true, district: true, county: true };
const scripts: Record<Script, true> = { simplified: true, traditional: true, mixed: true };
const roles: Record<Role, true> = {
  review: true, problems: true, outlook: true, goals: true, targets: true, tasks: true,
  self_building: true, livelihood: true, closing: true, appendix: true, glossary: true, other: true,
};
const indicatorKinds: Record<IndicatorKind, true> = {
  level: true, growth: true, change: true, share: true, rate: true, ratio: true,
  structure: true, count: true, multiple: true, rank: true, threshold: true,
};
const baseUnits: Record<BaseUnit, true> = {
  CNY: true, USD: true, HKD: true, percent: true, percentage_point: true, permille: true,
  count: true, person: true, person_time: true, household: true, area_m2: true, mu: true,
  length_m: true, mass_kg: true, energy_kwh: true, power_kw: true, teu: true, multiple: true,
  rank: true, ratio: true,
};
const bounds: Record<Bound, true> = {
  exact: true, about: true, at_least: true, at_most: true, nearly: true, range: true, absent: true,
};
const statuses: Record<Status, true> = { actual: true, estimated: true, target: true, plan: true };
const aggregations: Record<Aggregation, true> = { point: true, annual: true, cagr: true, cumulative: true, yoy: true };
const relationKinds: Record<RelationKind, true> = { parent: true, group: true, from_to: true };
const commitmentKinds: Record<CommitmentKind, true> = {
  metric_target: true, output_target: true, project: true, policy: true, aspiration: true,
  guarantee: true, event: true, livelihood_item: true, plan_goal: true, fiscal: true,
};
const stages: Record<Stage, true> = {
  prepare: true, start: true, progress: true, complete: true, add: true, reduce: true,
  maintain: true, attain: true, institutionalize: true, host: true,
};
const modalities: Record<Modality, true> = {
  guarantee: true, firm: true, strive: true, aspire: true, explore: true, proposed: true,
};
const deadlineKinds: Record<DeadlineKind, true> = { explicit: true, relative: true, implicit: true };
const verifiabilities: Record<Verifiability, true> = { quantified: true, binary: true, vague: true };
const listStyles: Record<ListStyle, true> = {
  shi_list: true, hanzi_dun: true, paren_hanzi: true, arabic_dot: true, paren_arabic: true,
  circled: true, dash: true, unnumbered: true,
};
const trackStatuses: Record<TrackStatus, true> = { met: true, exceeded: true, missed: true, not_reported: true };
export const ENUMS = [
  offsetUnits, levels, scripts, roles, indicatorKinds, baseUnits, bounds, statuses, aggregations,
  relationKinds, commitmentKinds, stages, modalities, deadlineKinds, verifiabilities, listStyles,
  trackStatuses,
];

// ---- the API ----
declare const wasmBytes: Uint8Array;
const exports_: InitOutput = initSync({ module: wasmBytes });
export const memory: WebAssembly.Memory = exports_.memory;
export async function browserInit(): Promise<void> {
  await init();
  await init({ module_or_path: new URL("baogao_bg.wasm", "https://example.invalid/") });
}

const v: string = version();
const options: ParseOptions = { year: 2017 };
const noYear: ParseOptions = { year: null };
const text = "一、回顾\n正文。";
const report: Report = parse(text, options);
parse(text);
parse(text, noYear);
parse(text, {});
// @ts-expect-error: text must be a string
parse(42);
// @ts-expect-error: unknown option
parse(text, { yaer: 2017 });

// ---- every field of every type ----
function slice(s: { start: number; end: number }): string {
  return text.slice(s.start, s.end);
}
function textSpan(s: TextSpan): boolean {
  return slice(s) === s.text;
}
const span: Span = { start: 0, end: 1 };

const unit: OffsetUnit = report.offset_unit;
const schema: string = report.schema_version;

const meta: Meta = report.meta;
const metaFields: [string | null, string | null, Level | null, number | null, string | null, string | null, Script] = [
  meta.title, meta.region, meta.level, meta.year, meta.delivered_on, meta.meeting, meta.script,
];
const speaker: Speaker | null = meta.speaker;
const speakerLine: string = speaker ? `${speaker.title ?? ""}${speaker.acting ? "(acting)" : ""} ${speaker.name ?? ""}` : "";

const outline: string[] = report.sections.map((s: Section) => {
  const parent: number | null = s.parent;
  const marker: string = s.marker ?? "";
  const ordinal: number | null = s.ordinal;
  const role: Role = s.role;
  return `${s.id}/${parent ?? "-"} ${"  ".repeat(s.depth)}${marker}${s.title} [${role}] ${ordinal} ` +
    `${s.start}-${s.end} ${text.slice(s.title_start, s.title_end)}`;
});

const leads: string[] = report.paragraphs.map((p: Paragraph) => {
  const lead: TextSpan | null = p.lead;
  const section: number | null = p.section;
  return `${p.id} ${section} ${textSpan(p)} ${lead ? textSpan(lead) : ""}`;
});

function describeIndicator(i: Indicator): string {
  const sentence: Span = i.sentence;
  const metric: Metric = i.metric;
  const value: Value = i.value;
  const period: Period | null = i.period;
  const relation: Relation | null = i.relation;
  const rank: Rank | null = i.rank;
  const kind: IndicatorKind = i.kind;
  const bound: Bound = i.bound;
  const status: Status = i.status;
  const base: BaseUnit | null = value.base_unit;
  const n: number | null = value.number ?? value.low ?? value.high;
  const agg: Aggregation | undefined = period?.aggregation;
  const rel: RelationKind | undefined = relation?.kind;
  return [
    i.id, i.section, i.paragraph, textSpan(i), slice(sentence),
    metric.id, metric.name, metric.start, metric.end, metric.scope,
    kind, n, value.unit, value.multiplier, base, bound, status,
    period?.start_year, period?.end_year, agg, period?.raw,
    rel, relation?.of, rank?.position, rank?.scope, rank?.streak_years,
  ].join("\t");
}
const indicatorRows: string[] = report.indicators.map(describeIndicator);

function describeCommitment(c: Commitment): string {
  const action: Action | null = c.action;
  const stage: Stage | undefined = action?.stage;
  const object: TextSpan | null = c.object;
  const deadline: Deadline | null = c.deadline;
  const dk: DeadlineKind | undefined = deadline?.kind;
  const item: ListItemRef | null = c.list_item;
  const kind: CommitmentKind = c.kind;
  const modality: Modality = c.modality;
  const verifiability: Verifiability = c.verifiability;
  const targets: Indicator[] = c.targets.flatMap((id: number) => report.indicators[id] ?? []);
  return [
    c.id, c.section, c.paragraph, textSpan(c), kind, action?.verb, stage, object ? textSpan(object) : "",
    targets.length, modality, deadline?.year, deadline?.month, dk, deadline?.raw, item?.list, item?.ordinal,
    verifiability,
  ].join("\t");
}
const commitmentRows: string[] = report.commitments.map(describeCommitment);

const livelihood: List | undefined = report.lists.find((l: List) => l.livelihood);
const items: ListItem[] = livelihood?.items ?? [];
const listRows: string[] = report.lists.map((l: List) => {
  const style: ListStyle = l.style;
  return `${l.id} ${l.paragraph} ${style} ${l.declared_count} ${l.items.map((it: ListItem) => `${it.ordinal}:${textSpan(it)}`).join(",")}`;
});

const problems: string[] = report.diagnostics.map((d: Diagnostic) => `${d.code}: ${d.message} ${d.start}-${d.end}`);

// ---- track(prev, next): TrackedTarget rows ----
const nextText = "一、回顾\n正文。";
const next: Report = parse(nextText, { year: 2018 });
const trackOptions: TrackOptions = { tolerance: 0.2 };
const tracked: TrackedTarget[] = track(report, next);
track(report, next, trackOptions);
track(report, next, {});
track(report, next, { tolerance: null });
// @ts-expect-error: reports, not texts
track(text, nextText);
// @ts-expect-error: unknown option
track(report, next, { tol: 1 });
const trackRows: string[] = tracked.map((r: TrackedTarget) => {
  const metric: string = r.metric;
  const target: TargetValue = r.target;
  const tb: Bound = target.bound;
  const actual: ActualValue | null = r.actual;
  const an: number | null = actual ? actual.number : null;
  const status: TrackStatus = r.status;
  const targetText: string = text.slice(r.target_start, r.target_end);
  const targetIndicator: Indicator | undefined = report.indicators[r.target_indicator];
  const actualId: number | null = r.actual_indicator;
  const actualText: string =
    r.actual_start !== null && r.actual_end !== null ? nextText.slice(r.actual_start, r.actual_end) : "";
  return [
    metric, target.number, target.low, target.high, tb, an, status, targetText, targetIndicator?.text,
    actualId, actualText,
  ].join("\t");
});
// @ts-expect-error: actual may be null
export const badActual: number | null = tracked[0]!.actual.number;
// @ts-expect-error: actual_start may be null
export const badStart: number = tracked[0]!.actual_start;

// null-ness is part of the contract: these must not compile without the checks.
// @ts-expect-error: marker may be null
export const badMarker: string = report.sections[0]!.marker;
// @ts-expect-error: lead may be null
export const badLead: string = report.paragraphs[0]!.lead.text;

export const ALL = [
  v, unit, schema, metaFields, speakerLine, outline, leads, indicatorRows, commitmentRows,
  items, listRows, problems, span, trackRows,
];

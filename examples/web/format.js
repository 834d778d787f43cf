// Formatting helpers of the viewer: numbers, values, periods, labels, CSV. Pure functions, no DOM.

/** Chinese glosses of the section roles (the model's values stay the English ids). */
export const ROLE_ZH = {
  review: '回顾', problems: '问题', outlook: '展望', goals: '目标', targets: '指标', tasks: '任务',
  self_building: '自身建设', livelihood: '民生', closing: '结语', appendix: '附件', glossary: '名词解释',
  other: '其他',
};

/** Indicator statuses in display order, with their Chinese glosses. */
export const STATUSES = [
  ['actual', '实绩'], ['estimated', '预计'], ['target', '目标'], ['plan', '规划'],
];

/** Commitment modalities in display order, with the cue words that set them. */
export const MODALITIES = [
  ['guarantee', '确保'], ['firm', '一般'], ['strive', '力争'], ['aspire', '争创'], ['explore', '探索'],
  ['proposed', '拟'],
];

/** Tracking statuses, with their Chinese glosses. */
export const TRACK_STATUSES = [
  ['met', '完成'], ['exceeded', '超额'], ['missed', '未完成'], ['not_reported', '未报告'],
];

/** Short labels of the base units (SPEC §2). */
const UNIT = {
  CNY: '元 CNY', USD: 'USD', HKD: 'HKD', percent: '%', percentage_point: '个百分点 pp', permille: '‰',
  count: '个 count', person: '人 persons', person_time: '人次', household: '户', area_m2: 'm²', mu: '亩',
  length_m: 'm', mass_kg: 'kg', energy_kwh: 'kWh', power_kw: 'kW', teu: 'TEU', multiple: '×', rank: 'rank',
  ratio: 'ratio',
};

/** A number with thousands separators and at most 6 significant decimals; "—" for null. */
export function fmtNumber(n) {
  if (n === null || n === undefined) return '—';
  return n.toLocaleString('en-US', { maximumFractionDigits: Math.abs(n) < 1 ? 6 : 4 });
}

/** "≈ 550 亿" / "≈ 17.6 万" for large numbers, so a reader can check against the text. */
function magnitude(n) {
  const a = Math.abs(n);
  if (a >= 1e8) return ` ≈ ${fmtNumber(+(n / 1e8).toPrecision(6))} 亿`;
  if (a >= 1e4) return ` ≈ ${fmtNumber(+(n / 1e4).toPrecision(6))} 万`;
  return '';
}

/** The unit label of a base unit. */
export function unitLabel(baseUnit) {
  return baseUnit ? (UNIT[baseUnit] ?? baseUnit) : '';
}

/** A normalized value `{ number, low, high }` in `baseUnit`: "55,000,000,000 元 CNY ≈ 550 亿", "6.5 – 7 %". */
export function fmtValue(v, baseUnit) {
  const { number = null, low = null, high = null } = v; // a tracking outcome has only `number`
  const unit = unitLabel(baseUnit);
  if (number !== null) return `${fmtNumber(number)} ${unit}${magnitude(number)}`.trim();
  if (low !== null || high !== null) return `${fmtNumber(low)} – ${fmtNumber(high)} ${unit}`.trim();
  return '—';
}

/** A period: "2017", "2013–2017 · cagr", with the phrase that set it. */
export function fmtPeriod(p) {
  if (!p) return '—';
  const years = p.start_year === p.end_year ? `${p.start_year ?? '?'}` : `${p.start_year ?? '?'}–${p.end_year ?? '?'}`;
  return `${years} · ${p.aggregation}${p.raw ? ` (${p.raw})` : ''}`;
}

/** A deadline: "2020-06 · explicit (2020年6月底前)". */
export function fmtDeadline(d) {
  if (!d) return '';
  const when = d.year === null ? '?' : d.month === null ? `${d.year}` : `${d.year}-${String(d.month).padStart(2, '0')}`;
  return `${when} · ${d.kind}${d.raw ? ` (${d.raw})` : ''}`;
}

/** Whitespace (line breaks in web-scraped headings) collapsed to single spaces. */
export function oneLine(s) {
  return (s ?? '').replace(/\s+/g, ' ').trim();
}

/** At most `n` characters, with an ellipsis. */
export function clip(s, n) {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

/**
 * CSV text (RFC 4180, CRLF) of `rows` with `columns` = [[header, row => value], …]. Starts with a
 * UTF-8 byte order mark so that spreadsheet programs open the Chinese text correctly.
 */
export function toCsv(columns, rows) {
  const cell = (v) => {
    const s = v === null || v === undefined ? '' : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [columns.map(([h]) => cell(h)).join(',')];
  for (const row of rows) lines.push(columns.map(([, f]) => cell(f(row))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** A safe file name stem for downloads: "国务院-2018". */
export function fileStem(meta, fallback) {
  const parts = [meta.region, meta.year].filter((x) => x !== null && x !== undefined);
  const stem = parts.length ? parts.join('-') : fallback;
  return String(stem).replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 60) || 'report';
}

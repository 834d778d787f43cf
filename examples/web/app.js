// The report viewer: paste or open one or two government work reports, parse them in the page
// with the baogao WebAssembly package, and show the outline, the text with indicators and
// commitments highlighted, tables with CSV download, and — with two reports — the targets of
// the earlier one against the outcomes the later one reports (`track`).
//
// Plain ES modules, no bundler: the package is imported straight from its build folder.
import init, { parse, track, version } from '../../bindings-wasm/pkg/baogao.js';
import {
  MODALITIES, ROLE_ZH, STATUSES, TRACK_STATUSES, clip, fileStem, fmtDeadline, fmtNumber, fmtPeriod, fmtValue,
  oneLine, toCsv,
} from './format.js';
import { makeElement, renderOutline, renderText, spansOf } from './render.js';

const $ = (id) => document.getElementById(id);

/** The sample report shipped with the Rust crate (present when the repository root is served). */
const SAMPLE_URL = new URL('../../core/data/sample-2017-hangzhou-jianggan-district.txt', import.meta.url);

/**
 * What is loaded. Each slot is null or `{ name, text, encoding, report, ms }`; `text` is exactly
 * the string passed to `parse`, so every `start`/`end` of `report` slices it.
 */
const state = { main: null, prev: null, shown: 'main', tracking: null };
let renders = 0;

// ---------------------------------------------------------------- small DOM helpers

/** `h('td', { class: 'x', title: '…' }, child, …)`: an element with attributes and children. */
function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  el.append(...children.filter((c) => c !== null && c !== undefined && c !== false));
  return el;
}

function setStatus(message, isError = false) {
  const el = $('status');
  el.textContent = message;
  el.classList.toggle('error', isError);
}

function download(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

// ---------------------------------------------------------------- input: decode, parse, load

/**
 * Decodes a file's bytes: UTF-16 when it starts with a byte order mark, else UTF-8 when the
 * bytes are valid UTF-8 (`fatal: true` throws on the first invalid sequence), else GBK (the
 * browser's GBK decoder is the GB18030 superset). A UTF-8 BOM is dropped by the decoder.
 */
function decode(bytes) {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'UTF-16LE' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'UTF-16BE' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    return { text: new TextDecoder('gbk').decode(bytes), encoding: 'GBK' };
  }
}

async function openFile(slot, file) {
  if (!file) return;
  const { text, encoding } = decode(new Uint8Array(await file.arrayBuffer()));
  const area = $(`text-${slot}`);
  area.value = text;
  area.scrollTop = 0;
  load(slot, text, file.name, encoding);
}

/** Parses `text` into `slot` and re-renders. */
function load(slot, text, name, encoding) {
  if (!text.trim()) {
    clearSlot(slot);
    setStatus(`Nothing to parse: paste a report or open a .txt file.`);
    return;
  }
  const t0 = performance.now();
  let report;
  try {
    report = parse(text);
  } catch (e) {
    setStatus(`Could not parse: ${e.message}`, true);
    return;
  }
  const ms = performance.now() - t0;
  state[slot] = { name, text, encoding, report, ms };
  state.shown = slot;
  const m = report.meta;
  $(`info-${slot}`).textContent = [name, encoding, `${text.length.toLocaleString('en-US')} chars`].filter(Boolean).join(' · ');
  $(`clear-${slot}`).hidden = false;
  setStatus(
    `Parsed ${m.region ?? 'a report'}${m.year ? ` ${m.year}` : ''} in ${ms.toFixed(0)} ms: ${report.sections.length} sections, ` +
      `${report.indicators.length} indicators, ${report.commitments.length} commitments.`,
  );
  update();
}

function clearSlot(slot) {
  state[slot] = null;
  $(`text-${slot}`).value = '';
  $(`info-${slot}`).textContent = '';
  $(`clear-${slot}`).hidden = true;
  if (state.shown === slot) state.shown = slot === 'main' ? 'prev' : 'main';
  update();
}

// ---------------------------------------------------------------- tracking

/**
 * `track(prev, next)` over the two slots. The earlier report (by `meta.year`) is `prev`
 * whichever slot it is in; without both years the "previous year" slot is `prev`.
 */
function computeTracking() {
  if (!state.main || !state.prev) return null;
  let prevSlot = 'prev';
  let nextSlot = 'main';
  const py = state.prev.report.meta.year;
  const ny = state.main.report.meta.year;
  if (py !== null && ny !== null && py > ny) [prevSlot, nextSlot] = ['main', 'prev'];
  const rows = track(state[prevSlot].report, state[nextSlot].report);
  return { prevSlot, nextSlot, rows };
}

// ---------------------------------------------------------------- rendering

function update() {
  const any = state.main || state.prev;
  $('viewer').hidden = !any;
  if (!any) return;
  if (!state[state.shown]) state.shown = state.main ? 'main' : 'prev';
  state.tracking = computeTracking();
  renderDocTabs();
  renderShown();
  renderTracking();
  document.body.dataset.renders = String(++renders);
}

const slotLabel = (slot) => {
  const m = state[slot].report.meta;
  return [m.year, m.region].filter((x) => x !== null).join(' ') || (slot === 'main' ? 'Report' : 'Previous year');
};

function renderDocTabs() {
  const tabs = $('doc-tabs');
  const both = Boolean(state.main && state.prev);
  tabs.hidden = !both;
  tabs.replaceChildren();
  if (!both) return;
  for (const slot of ['main', 'prev']) {
    tabs.append(
      h('button', {
        type: 'button', role: 'tab', 'data-slot': slot, 'aria-selected': String(state.shown === slot),
        onclick: () => { state.shown = slot; renderShown(); renderDocTabs(); },
      }, slotLabel(slot)),
    );
  }
}

/** Meta bar, outline, legend, text and the two tables of the report being shown. */
function renderShown() {
  const slot = state.shown;
  const { report, text, ms } = state[slot];
  renderMeta(report, ms);
  $('outline').replaceChildren(
    report.sections.length
      ? renderOutline(report, (r) => ROLE_ZH[r] ?? r, (id) => jumpTo(slot, `#sec-${id}`, 'start'))
      : h('p', { class: 'hint' }, 'No numbered headings found.'),
  );
  renderLegend(report);
  const doc = $('doc');
  doc.replaceChildren(renderText(text, spansOf(report), makeElement(report)));
  doc.dataset.slot = slot;
  doc.parentElement.scrollTop = 0;
  renderIndicatorTable(report, text, slot);
  renderCommitmentTable(report, slot);
}

function renderMeta(report, ms) {
  const m = report.meta;
  const sp = m.speaker;
  const speaker = sp ? `${sp.acting ? '代' : ''}${sp.title ?? ''} ${sp.name ?? ''}`.trim() : null;
  const facts = [
    m.level, m.delivered_on, m.meeting, speaker, m.script !== 'simplified' ? m.script : null,
  ].filter(Boolean);
  $('meta').replaceChildren(
    h('div', { class: 'meta-title', lang: 'zh-CN' },
      h('b', {}, [m.region, m.year].filter((x) => x !== null).join(' ') || 'Untitled report'),
      // A scraped title can hold line breaks ("政府工作报\n告"): drop them for display.
      ' ', (m.title ?? '').replace(/\s+/g, '')),
    h('div', { class: 'meta-facts', lang: 'zh-CN' }, facts.join(' · ')),
    h('div', { class: 'meta-counts' },
      `${report.sections.length} sections · ${report.paragraphs.length} paragraphs · ` +
        `${report.indicators.length} indicators · ${report.commitments.length} commitments · ` +
        `${report.lists.length} lists · parsed in ${ms.toFixed(0)} ms`),
  );
}

/** Colour keys with counts; each is a checkbox that shows or hides its highlights. */
function renderLegend(report) {
  const count = (xs, key) => xs.reduce((n, x) => ((n[x[key]] = (n[x[key]] ?? 0) + 1), n), {});
  const byStatus = count(report.indicators, 'status');
  const byModality = count(report.commitments, 'modality');
  const doc = $('doc');
  const toggle = (cls) => (e) => doc.classList.toggle(cls, !e.target.checked);
  const key = (kind, value, gloss, n) =>
    h('label', { class: `key key-${kind}`, 'data-value': value, 'data-count': n, title: gloss },
      h('input', { type: 'checkbox', checked: !doc.classList.contains(`hide-${kind}-${value}`), onchange: toggle(`hide-${kind}-${value}`) }),
      h('span', { class: 'swatch' }), `${value} `, h('span', { class: 'n' }, String(n)));
  $('legend').replaceChildren(
    h('span', { class: 'legend-h' }, 'Indicators'),
    ...STATUSES.map(([s, zh]) => key('i', s, zh, byStatus[s] ?? 0)),
    h('span', { class: 'legend-h' }, 'Commitments'),
    ...MODALITIES.map(([m, zh]) => key('c', m, zh, byModality[m] ?? 0)),
  );
}

/** Shows `slot`'s report, scrolls the text pane to the element `selector` and flashes it. */
function jumpTo(slot, selector, block = 'center') {
  if (state.shown !== slot) {
    state.shown = slot;
    renderShown();
    renderDocTabs();
  }
  const el = $('doc').querySelector(selector);
  if (!el) return;
  const pane = $('doc').parentElement;
  const r = el.getBoundingClientRect();
  const p = pane.getBoundingClientRect();
  const legend = $('legend').offsetHeight;
  // Scroll the pane only (not the page): the heading to the top, an item to the middle.
  const offset = block === 'start' ? r.top - p.top - legend - 8 : r.top - p.top - p.height / 2;
  pane.scrollTop += offset;
  el.classList.remove('flash');
  void el.offsetWidth; // restart the CSS animation
  el.classList.add('flash');
}

// ---------------------------------------------------------------- hover card

const card = $('card');

function cardRows(rows) {
  return h('dl', {}, ...rows.filter(([, v]) => v !== null && v !== undefined && v !== '').flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));
}

function indicatorCard(report, i) {
  const v = i.value;
  const metric = i.metric;
  return [
    h('div', { class: 'card-head' }, h('span', { class: 'card-text', lang: 'zh-CN' }, i.text),
      h('span', { class: `chip status-${i.status}` }, i.status)),
    cardRows([
      ['metric', [metric.id ?? '(unknown)', metric.name ? ` · ${metric.name}` : '', metric.scope ? ` · ${metric.scope}` : ''].join('')],
      ['value', fmtValue(v, v.base_unit)],
      ['unit', v.unit && v.multiplier !== null && v.multiplier !== 1 ? `${v.unit} (× ${fmtNumber(v.multiplier)})` : null],
      ['bound', i.bound],
      ['kind', i.kind],
      ['period', i.period ? fmtPeriod(i.period) : null],
      ['relation', i.relation ? `${i.relation.kind} of “${report.indicators[i.relation.of]?.text ?? i.relation.of}”` : null],
      ['rank', i.rank ? [i.rank.position, i.rank.scope, i.rank.streak_years ? `${i.rank.streak_years} years running` : null].filter((x) => x !== null).join(' · ') : null],
    ]),
  ];
}

function commitmentCard(report, c, compact) {
  const head = h('div', { class: 'card-head' }, h('span', { class: 'card-kind' }, `commitment · ${c.kind}`),
    h('span', { class: `chip modality-${c.modality}` }, c.modality));
  if (compact) return [head];
  return [
    head,
    h('p', { class: 'card-quote', lang: 'zh-CN' }, clip(c.text, 90)),
    cardRows([
      ['action', c.action ? `${c.action.verb} · ${c.action.stage}` : null],
      ['object', c.object ? clip(c.object.text, 40) : null],
      ['deadline', fmtDeadline(c.deadline)],
      ['targets', c.targets.map((t) => report.indicators[t]?.text).filter(Boolean).join('，')],
      ['checkable', c.verifiability],
    ]),
  ];
}

function showCard(el) {
  const { report } = state[state.shown];
  const parts = [];
  if (el.dataset.i !== undefined) {
    parts.push(...indicatorCard(report, report.indicators[Number(el.dataset.i)]));
    const c = el.closest('[data-c]');
    if (c) parts.push(...commitmentCard(report, report.commitments[Number(c.dataset.c)], true));
  } else {
    parts.push(...commitmentCard(report, report.commitments[Number(el.dataset.c)], false));
  }
  card.replaceChildren(...parts);
  card.hidden = false;
  // Below the item, or above it when there is no room; inside the viewport horizontally.
  const r = el.getClientRects()[0] ?? el.getBoundingClientRect();
  const w = card.offsetWidth;
  const ch = card.offsetHeight;
  const left = Math.max(8, Math.min(r.left, window.innerWidth - w - 8));
  const top = r.bottom + 8 + ch > window.innerHeight ? Math.max(8, r.top - ch - 8) : r.bottom + 8;
  card.style.left = `${left}px`;
  card.style.top = `${top}px`;
}

function hideCard() {
  card.hidden = true;
}

$('doc').addEventListener('mouseover', (e) => {
  const el = e.target.closest('[data-i], [data-c]');
  if (el) showCard(el);
  else hideCard();
});
$('doc').addEventListener('mouseleave', hideCard);
$('doc').parentElement.addEventListener('scroll', hideCard, { passive: true });

// ---------------------------------------------------------------- tables

/**
 * Fills `table` with a header and one row per item. `columns` = [[header, row => text | Node,
 * className?], …]; clicking a row calls `onPick(row)`. Each row keeps its text for the filter.
 */
function fillTable(table, columns, rows, onPick, rowAttrs = () => ({})) {
  const head = h('thead', {}, h('tr', {}, ...columns.map(([name, , cls]) => h('th', { class: cls, scope: 'col' }, name))));
  const body = h('tbody');
  for (const row of rows) {
    const tr = h('tr', { tabindex: onPick ? '0' : null, ...rowAttrs(row) },
      ...columns.map(([, f, cls]) => h('td', { class: cls }, f(row) ?? '')));
    tr.dataset.search = tr.textContent.toLowerCase();
    if (onPick) {
      tr.addEventListener('click', (e) => { if (!e.target.closest('a, button')) onPick(row); });
      tr.addEventListener('keydown', (e) => { if (e.key === 'Enter') onPick(row); });
    }
    body.append(tr);
  }
  table.replaceChildren(head, body);
}

function applyFilter(name) {
  const q = $(`filter-${name}`).value.trim().toLowerCase();
  let shown = 0;
  const rows = $(`table-${name}`).tBodies[0]?.rows ?? [];
  for (const tr of rows) {
    const hit = !q || tr.dataset.search.includes(q);
    tr.hidden = !hit;
    if (hit) shown++;
  }
  $(`count-${name}`).textContent = q ? `${shown} of ${rows.length}` : `${rows.length} rows`;
}

const sectionLabel = (report, id) => {
  const s = id === null ? null : report.sections[id];
  return s ? oneLine(`${s.marker ?? ''}${s.title}`) : '';
};
const chip = (cls, value) => h('span', { class: `chip ${cls}-${value}` }, value);

function renderIndicatorTable(report, text, slot) {
  const columns = [
    ['#', (i) => String(i.id), 'num'],
    ['quantity', (i) => h('span', { lang: 'zh-CN' }, i.text), 'zh'],
    ['metric', (i) => i.metric.id ?? '', 'mono'],
    ['subject as written', (i) => h('span', { lang: 'zh-CN' }, oneLine(i.metric.name ?? '')), 'zh'],
    ['value', (i) => fmtValue(i.value, i.value.base_unit), 'num'],
    ['bound', (i) => i.bound],
    ['status', (i) => chip('status', i.status)],
    ['kind', (i) => i.kind],
    ['period', (i) => (i.period ? fmtPeriod(i.period) : '')],
    ['section', (i) => h('span', { lang: 'zh-CN' }, clip(sectionLabel(report, i.section), 18)), 'zh dim'],
  ];
  fillTable($('table-indicators'), columns, report.indicators, (i) => jumpTo(slot, `[data-i="${i.id}"]`),
    (i) => ({ 'data-status': i.status }));
  $('tab-indicators').querySelector('.n').textContent = String(report.indicators.length);
  applyFilter('indicators');
}

function renderCommitmentTable(report, slot) {
  const columns = [
    ['#', (c) => String(c.id), 'num'],
    ['pledge', (c) => h('span', { lang: 'zh-CN', title: c.text }, clip(c.text, 48)), 'zh wide'],
    ['modality', (c) => chip('modality', c.modality)],
    ['kind', (c) => c.kind],
    ['action', (c) => (c.action ? `${c.action.verb} · ${c.action.stage}` : ''), 'zh'],
    ['deadline', (c) => fmtDeadline(c.deadline), 'zh'],
    ['targets', (c) => c.targets.map((t) => report.indicators[t]?.text).filter(Boolean).join('，'), 'zh'],
    ['checkable', (c) => c.verifiability],
    ['section', (c) => h('span', { lang: 'zh-CN' }, clip(sectionLabel(report, c.section), 18)), 'zh dim'],
  ];
  fillTable($('table-commitments'), columns, report.commitments, (c) => jumpTo(slot, `[data-c="${c.id}"]`),
    (c) => ({ 'data-modality': c.modality }));
  $('tab-commitments').querySelector('.n').textContent = String(report.commitments.length);
  applyFilter('commitments');
}

function renderTracking() {
  const t = state.tracking;
  $('tracking-hint').hidden = Boolean(t);
  $('csv-tracking').disabled = !t;
  $('tab-tracking').querySelector('.n').textContent = t ? String(t.rows.length) : '';
  if (!t) {
    $('table-tracking').replaceChildren();
    $('count-tracking').textContent = '';
    return;
  }
  const prev = state[t.prevSlot];
  const next = state[t.nextSlot];
  const targetOf = (r) => prev.report.indicators[r.target_indicator];
  const link = (slot, textOf, selector) => (r) => {
    const s = textOf(r);
    return s === null ? '—' : h('a', { href: '#', lang: 'zh-CN', onclick: (e) => { e.preventDefault(); jumpTo(slot, selector(r)); } }, s);
  };
  const columns = [
    ['metric', (r) => r.metric, 'mono'],
    ['subject', (r) => h('span', { lang: 'zh-CN' }, oneLine(targetOf(r)?.metric.name ?? '')), 'zh'],
    [`target (${slotLabel(t.prevSlot)})`, link(t.prevSlot, (r) => prev.text.slice(r.target_start, r.target_end), (r) => `[data-i="${r.target_indicator}"]`), 'zh'],
    ['target value', (r) => `${fmtValue(r.target, targetOf(r)?.value.base_unit)} · ${r.target.bound}`, 'num'],
    [`outcome (${slotLabel(t.nextSlot)})`, link(t.nextSlot, (r) => (r.actual_start === null ? null : next.text.slice(r.actual_start, r.actual_end)), (r) => `[data-i="${r.actual_indicator}"]`), 'zh'],
    ['outcome value', (r) => (r.actual ? fmtValue(r.actual, targetOf(r)?.value.base_unit) : '—'), 'num'],
    ['status', (r) => chip('track', r.status)],
  ];
  fillTable($('table-tracking'), columns, t.rows, null, (r) => ({ 'data-metric': r.metric, 'data-status': r.status }));
  const by = t.rows.reduce((n, r) => ((n[r.status] = (n[r.status] ?? 0) + 1), n), {});
  $('count-tracking').textContent = `${t.rows.length} targets of ${slotLabel(t.prevSlot)} · ` +
    TRACK_STATUSES.filter(([s]) => by[s]).map(([s]) => `${by[s]} ${s.replace('_', ' ')}`).join(' · ');
}

// ---------------------------------------------------------------- CSV / JSON downloads

const stemOf = (slot) => fileStem(state[slot].report.meta, slot);

function indicatorCsv({ report, text }) {
  return toCsv([
    ['id', (i) => i.id], ['section', (i) => i.section], ['section_title', (i) => sectionLabel(report, i.section)],
    ['paragraph', (i) => i.paragraph], ['start', (i) => i.start], ['end', (i) => i.end], ['text', (i) => i.text],
    ['metric_id', (i) => i.metric.id], ['metric_name', (i) => i.metric.name], ['metric_scope', (i) => i.metric.scope],
    ['kind', (i) => i.kind], ['value_number', (i) => i.value.number], ['value_low', (i) => i.value.low],
    ['value_high', (i) => i.value.high], ['value_unit', (i) => i.value.unit], ['value_multiplier', (i) => i.value.multiplier],
    ['base_unit', (i) => i.value.base_unit], ['bound', (i) => i.bound], ['status', (i) => i.status],
    ['period_start_year', (i) => i.period?.start_year], ['period_end_year', (i) => i.period?.end_year],
    ['period_aggregation', (i) => i.period?.aggregation], ['period_raw', (i) => i.period?.raw],
    ['relation_kind', (i) => i.relation?.kind], ['relation_of', (i) => i.relation?.of],
    ['rank_position', (i) => i.rank?.position], ['rank_scope', (i) => i.rank?.scope],
    ['rank_streak_years', (i) => i.rank?.streak_years],
    ['sentence', (i) => text.slice(i.sentence.start, i.sentence.end)],
  ], report.indicators);
}

function commitmentCsv({ report }) {
  return toCsv([
    ['id', (c) => c.id], ['section', (c) => c.section], ['section_title', (c) => sectionLabel(report, c.section)],
    ['paragraph', (c) => c.paragraph], ['start', (c) => c.start], ['end', (c) => c.end], ['text', (c) => c.text],
    ['kind', (c) => c.kind], ['modality', (c) => c.modality], ['action_verb', (c) => c.action?.verb],
    ['action_stage', (c) => c.action?.stage], ['object', (c) => c.object?.text],
    ['deadline_year', (c) => c.deadline?.year], ['deadline_month', (c) => c.deadline?.month],
    ['deadline_kind', (c) => c.deadline?.kind], ['deadline_raw', (c) => c.deadline?.raw],
    ['list', (c) => c.list_item?.list], ['list_ordinal', (c) => c.list_item?.ordinal],
    ['verifiability', (c) => c.verifiability], ['targets', (c) => c.targets.join(';')],
    ['target_texts', (c) => c.targets.map((t) => report.indicators[t]?.text).join(';')],
  ], report.commitments);
}

function trackingCsv(t) {
  const prev = state[t.prevSlot];
  const next = state[t.nextSlot];
  const target = (r) => prev.report.indicators[r.target_indicator];
  return toCsv([
    ['prev_region', () => prev.report.meta.region], ['prev_year', () => prev.report.meta.year],
    ['next_year', () => next.report.meta.year], ['metric', (r) => r.metric],
    ['metric_name', (r) => target(r)?.metric.name], ['base_unit', (r) => target(r)?.value.base_unit],
    ['target_number', (r) => r.target.number], ['target_low', (r) => r.target.low], ['target_high', (r) => r.target.high],
    ['target_bound', (r) => r.target.bound], ['target_text', (r) => prev.text.slice(r.target_start, r.target_end)],
    ['actual_number', (r) => r.actual?.number],
    ['actual_text', (r) => (r.actual_start === null ? null : next.text.slice(r.actual_start, r.actual_end))],
    ['status', (r) => r.status], ['target_indicator', (r) => r.target_indicator], ['target_start', (r) => r.target_start],
    ['target_end', (r) => r.target_end], ['actual_indicator', (r) => r.actual_indicator],
    ['actual_start', (r) => r.actual_start], ['actual_end', (r) => r.actual_end],
  ], t.rows);
}

const CSV = 'text/csv;charset=utf-8';
$('csv-indicators').addEventListener('click', () =>
  download(`${stemOf(state.shown)}-indicators.csv`, indicatorCsv(state[state.shown]), CSV));
$('csv-commitments').addEventListener('click', () =>
  download(`${stemOf(state.shown)}-commitments.csv`, commitmentCsv(state[state.shown]), CSV));
$('csv-tracking').addEventListener('click', () => {
  const t = state.tracking;
  if (t) download(`${stemOf(t.prevSlot)}-targets-vs-${state[t.nextSlot].report.meta.year ?? 'next'}.csv`, trackingCsv(t), CSV);
});
$('json-report').addEventListener('click', () =>
  download(`${stemOf(state.shown)}.json`, `${JSON.stringify(state[state.shown].report, null, 1)}\n`, 'application/json'));

// ---------------------------------------------------------------- wiring

for (const name of ['indicators', 'commitments']) {
  $(`filter-${name}`).addEventListener('input', () => applyFilter(name));
}

const TABS = ['indicators', 'commitments', 'tracking'];
for (const name of TABS) {
  $(`tab-${name}`).addEventListener('click', () => {
    for (const other of TABS) {
      $(`tab-${other}`).setAttribute('aria-selected', String(other === name));
      $(`panel-${other}`).hidden = other !== name;
    }
  });
}

for (const slot of ['main', 'prev']) {
  const area = $(`text-${slot}`);
  const parseArea = () => load(slot, area.value, 'pasted text', null);
  $(`parse-${slot}`).addEventListener('click', parseArea);
  // Pasting parses at once (after the pasted text is in the textarea); Ctrl/⌘+Enter too.
  area.addEventListener('paste', () => setTimeout(parseArea, 0));
  area.addEventListener('keydown', (e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) parseArea(); });
  $(`file-${slot}`).addEventListener('change', (e) => { openFile(slot, e.target.files[0]); e.target.value = ''; });
  $(`clear-${slot}`).addEventListener('click', () => { clearSlot(slot); setStatus(''); });
  // Drop a file anywhere on the slot.
  const box = $(`slot-${slot}`);
  box.addEventListener('dragover', (e) => { e.preventDefault(); box.classList.add('drop'); });
  box.addEventListener('dragleave', () => box.classList.remove('drop'));
  box.addEventListener('drop', (e) => {
    e.preventDefault();
    box.classList.remove('drop');
    openFile(slot, e.dataTransfer.files[0]);
  });
}

$('sample-main').addEventListener('click', async () => {
  try {
    const res = await fetch(SAMPLE_URL);
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const text = await res.text();
    $('text-main').value = text;
    load('main', text, 'sample-2017-hangzhou-jianggan-district.txt', 'UTF-8');
  } catch (e) {
    setStatus(`The sample report is not served here (${e.message}): paste a report instead.`, true);
  }
});

try {
  await init(); // fetches ../../bindings-wasm/pkg/baogao_bg.wasm
  $('version').textContent = `v${version()}`;
  $('sample-main').hidden = false;
  setStatus('Paste a report or open a .txt file to start.');
  document.body.dataset.ready = '1';
} catch (e) {
  setStatus(
    `Could not load the WebAssembly parser (${e.message}). Build it with scripts/build-wasm.sh and serve the ` +
      'repository root over HTTP (python3 -m http.server), then open /examples/web/.',
    true,
  );
  document.body.dataset.ready = 'error';
}

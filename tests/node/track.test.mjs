// track(prev, next) in JavaScript (SPEC §4): the binding reads two reports from `parse` back
// into the core and returns plain TrackedTarget rows whose offsets index each report's text in
// UTF-16 units. The State Council's 2017 → 2018 reports give the GDP row of the issue.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import test from 'node:test';
import { ASTRAL_PREFIX, CORPUS, parse, track } from './support.mjs';

// A two-report miniature (the core's doc example): target 6.5% about, outcome 6.9%.
const PREV = '一、2016年工作回顾\n国内生产总值增长6.7%。\n二、2017年工作总体部署\n今年发展的主要预期目标是：国内生产总值增长6.5%左右。\n';
const NEXT = '一、2017年工作回顾\n国内生产总值增长6.9%。\n二、2018年工作总体部署\n今年发展的主要预期目标是：国内生产总值增长6.5%左右。\n';

const ROW_KEYS = ['metric', 'target', 'actual', 'status', 'target_indicator', 'target_start', 'target_end',
  'actual_indicator', 'actual_start', 'actual_end'];

/** Checks every row against the two texts and reports: ids, spans and values agree. */
function checkRows(rows, prevText, prev, nextText, next) {
  assert.ok(Array.isArray(rows));
  for (const r of rows) {
    assert.deepEqual(Object.keys(r), ROW_KEYS);
    assert.equal(Object.getPrototypeOf(r), Object.prototype);
    const t = prev.indicators[r.target_indicator];
    assert.equal(t.status, 'target');
    assert.deepEqual([r.target_start, r.target_end], [t.start, t.end]);
    assert.equal(prevText.slice(r.target_start, r.target_end), t.text);
    assert.deepEqual(r.target, { number: t.value.number, low: t.value.low, high: t.value.high, bound: t.bound });
    if (r.actual === null) {
      assert.equal(r.status, 'not_reported');
      assert.deepEqual([r.actual_indicator, r.actual_start, r.actual_end], [null, null, null]);
    } else {
      const a = next.indicators[r.actual_indicator];
      assert.deepEqual([r.actual_start, r.actual_end], [a.start, a.end]);
      assert.equal(nextText.slice(r.actual_start, r.actual_end), a.text);
      assert.equal(r.actual.number, a.value.number);
    }
  }
}

test('track: a target met one year on, offsets in UTF-16 (also after 𠮷 and an emoji)', () => {
  for (const prefix of ['', ASTRAL_PREFIX]) {
    const prevText = prefix + PREV;
    const nextText = prefix + prefix + NEXT;
    const prev = parse(prevText, { year: 2017 });
    const next = parse(nextText, { year: 2018 });
    const rows = track(prev, next);
    checkRows(rows, prevText, prev, nextText, next);
    assert.equal(rows.length, 1);
    const [r] = rows;
    assert.equal(r.metric, 'gdp');
    assert.deepEqual(r.target, { number: 6.5, low: null, high: null, bound: 'about' });
    assert.deepEqual(r.actual, { number: 6.9 });
    assert.equal(r.status, 'met');
    assert.equal(prevText.slice(r.target_start, r.target_end), '6.5%');
    assert.equal(nextText.slice(r.actual_start, r.actual_end), '6.9%');
    // JSON round trip of the reports (e.g. stored, sent from a worker) changes nothing.
    assert.deepEqual(track(JSON.parse(JSON.stringify(prev)), JSON.parse(JSON.stringify(next))), rows);
    // The tolerance option: 6.9 against 6.5 ± 0.2 is exceeded.
    assert.equal(track(prev, next, { tolerance: 0.2 })[0].status, 'exceeded');
    assert.equal(track(prev, next, { tolerance: null })[0].status, 'met');
  }
});

test('track: reports without targets give an empty array', () => {
  assert.deepEqual(track(parse(''), parse('')), []);
  assert.deepEqual(track(parse(NEXT, { year: 2018 }), parse('')).map((r) => r.status), ['not_reported']);
});

test('track: bad arguments throw TypeError / Error with a message', () => {
  const ok = parse(PREV, { year: 2017 });
  for (const bad of [42, 'text', null, undefined, [ok], () => ok]) {
    assert.throws(() => track(bad, ok), (e) => e instanceof TypeError && /prev must be a report object/.test(e.message), String(bad));
    assert.throws(() => track(ok, bad), (e) => e instanceof TypeError && /next must be a report object/.test(e.message), String(bad));
  }
  assert.throws(() => track({}, ok), (e) => e instanceof Error && /prev is not a report returned by parse\(\): missing field/.test(e.message));
  assert.throws(() => track(ok, { ...ok, indicators: 5 }), (e) => e instanceof Error && /next is not a report/.test(e.message));
  assert.throws(() => track(ok, { ...ok, offset_unit: 'bytes' }), (e) => e instanceof Error && /next is not a report/.test(e.message));
  assert.throws(() => track(ok, ok, { tol: 1 }), (e) => e instanceof Error && /unknown option `tol`/.test(e.message));
  for (const tolerance of [-1, NaN, Infinity, '0.5']) {
    assert.throws(() => track(ok, ok, { tolerance }), (e) => e instanceof Error && /`tolerance`/.test(e.message), String(tolerance));
  }
  assert.throws(() => track(ok, ok, 0.5), (e) => e instanceof TypeError && /options must be an object/.test(e.message));
});

test('track: State Council 2017 → 2018 gives GDP 6.5% about, met at 6.9%', (t) => {
  const files = ['2017-china-national.txt', '2018-china-national.txt'].map((f) => path.join(CORPUS, f));
  if (!files.every(existsSync)) {
    console.log(`# corpus reports ${files.join(', ')} not found (set BAOGAO_CORPUS): skipping`);
    t.skip(`no national reports in ${CORPUS}`);
    return;
  }
  const [prevText, nextText] = files.map((f) => readFileSync(f, 'utf8'));
  const prev = parse(prevText);
  const next = parse(nextText);
  assert.equal(prev.meta.year, 2017);
  assert.equal(next.meta.year, 2018);
  const rows = track(prev, next);
  checkRows(rows, prevText, prev, nextText, next);
  const gdp = rows.find((r) => r.metric === 'gdp');
  assert.ok(gdp, `no gdp row in ${JSON.stringify(rows.map((r) => r.metric))}`);
  assert.equal(gdp.target.number, 6.5);
  assert.equal(gdp.target.bound, 'about');
  assert.equal(gdp.status, 'met');
  assert.deepEqual(gdp.actual, { number: 6.9 });
  assert.equal(prevText.slice(gdp.target_start, gdp.target_end), '6.5%');
  assert.equal(nextText.slice(gdp.actual_start, gdp.actual_end), '6.9%');
  t.diagnostic(rows.map((r) => `${r.metric} ${r.status}`).join('; '));
});

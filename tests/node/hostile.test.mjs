// Hostile and degenerate inputs (issue 7), from the shared fixture tests/fixtures/hostile.json
// (the Rust and Python suites read it too): every input returns a report — no throw, no wasm
// trap, no hang — and `text.slice(item.start, item.end) === item.text` holds for every item,
// also when the text holds lone surrogates (which wasm-bindgen hands Rust as U+FFFD: the
// package takes those items' texts back from the caller's string). GBK bytes are not a string:
// the caller decodes them (TextDecoder('gbk')), and passing the bytes themselves is a TypeError.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import { ROOT, SAMPLE_PATH, checkReport, parse } from './support.mjs';

const FIXTURE = JSON.parse(readFileSync(path.join(ROOT, 'tests', 'fixtures', 'hostile.json'), 'utf8'));
const SAMPLE = readFileSync(SAMPLE_PATH, 'utf8');
/** Generous: a parse slower than this is a hang or super-linear (1 MB takes seconds). */
const GUARD_MS = 120_000;

/** xorshift32, as in the other suites. */
function xorshift(seed) {
  let x = seed >>> 0;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x;
  };
}

const DIGITS = '零一二三四五六七八九';
/** 1 → 一, 15 → 十五, 101 → 一百零一, 3000 → 三千. */
function zh(n) {
  if (n < 10) return DIGITS[n];
  if (n < 20) return '十' + (n % 10 ? DIGITS[n % 10] : '');
  let out = '';
  let zero = false;
  for (const [place, unit] of [[1000, '千'], [100, '百'], [10, '十'], [1, '']]) {
    const d = Math.floor(n / place) % 10;
    if (d === 0) {
      zero = out !== '';
      continue;
    }
    if (zero) {
      out += '零';
      zero = false;
    }
    out += DIGITS[d] + unit;
  }
  return out;
}

function sample(copies, distinct) {
  let out = '';
  for (let k = 0; k < copies; k++) {
    out += distinct ? SAMPLE.split('\n').map((l) => `${l}${k}\n`).join('') : SAMPLE;
  }
  return out;
}

function build(c) {
  let out = '';
  for (const p of c.parts) {
    if ('text' in p) out += p.text;
    else if ('repeat' in p) out += p.repeat.repeat(p.times);
    else if ('numbered' in p) {
      const items = [];
      for (let n = 1; n <= p.count; n++) items.push(p.numbered.replaceAll('{zh}', zh(n)).replaceAll('{n}', String(n)));
      out += items.join(p.sep);
    } else if ('random_bytes' in p) {
      const next = xorshift(p.seed);
      const bytes = new Uint8Array(p.random_bytes);
      for (let i = 0; i < bytes.length; i++) bytes[i] = next() & 0xff;
      out += new TextDecoder('utf-8').decode(bytes); // U+FFFD per maximal invalid subpart
    } else if ('random_chars' in p) {
      const chars = [...p.random_chars];
      const next = xorshift(p.seed);
      let s = '';
      for (let i = 0; i < p.count; i++) s += chars[next() % chars.length];
      out += s;
    } else if ('sample' in p) out += sample(p.sample, Boolean(p.distinct));
    else if ('surrogate' in p) out += String.fromCharCode(parseInt(p.surrogate, 16));
    else throw new Error(`unknown part ${JSON.stringify(p)}`);
  }
  return out;
}

const caseNamed = (name) => FIXTURE.cases.find((c) => c.name === name);

function timedParse(name, text) {
  // Wall time (process.cpuUsage counts V8's compiler and GC threads too).
  const t0 = performance.now();
  const report = parse(text);
  const ms = performance.now() - t0;
  assert.ok(ms < GUARD_MS, `${name}: parse took ${ms.toFixed(0)} ms`);
  return { report, ms };
}

test('the generators agree with the other suites', () => {
  const next = xorshift(2463534242);
  assert.deepEqual([next(), next(), next()], [723471715, 2497366906, 2064144800]);
  assert.deepEqual(
    [1, 10, 11, 20, 101, 110, 1001, 1010, 2999, 3000].map(zh),
    ['一', '十', '十一', '二十', '一百零一', '一百一十', '一千零一', '一千零一十', '二千九百九十九', '三千'],
  );
  for (const c of FIXTURE.cases.filter((c) => c.expect)) {
    const text = build(c);
    assert.equal([...text].length, c.expect.chars, `${c.name}: chars`);
    assert.equal(Buffer.byteLength(text, 'utf8'), c.expect.utf8_bytes, `${c.name}: bytes`);
  }
});

for (const c of FIXTURE.cases) {
  test(`hostile input: ${c.name}`, () => {
    const text = build(c);
    const { report, ms } = timedParse(c.name, text);
    checkReport(text, report, c.name);
    assert.ok(JSON.stringify(report).length > 0);
    if (c.big) {
      console.log(
        `${c.name.padEnd(40)} ${String(text.length).padStart(8)} units ${ms.toFixed(1).padStart(9)} ms  ` +
          `${report.sections.length} sections, ${report.indicators.length} indicators, ${report.commitments.length} commitments`,
      );
    }
  });
}

test('lone surrogates: items keep them, the rest of the report is unchanged', () => {
  const one = parse(SAMPLE);
  for (const name of ['surrogate_at_start', 'surrogate_at_end']) {
    const text = build(caseNamed(name));
    assert.equal(text.isWellFormed(), false);
    const r = parse(text);
    assert.deepEqual(r.sections.map((s) => s.title), one.sections.map((s) => s.title), name);
    assert.equal(r.indicators.length, one.indicators.length, name);
  }
  const text = build(caseNamed('surrogates_inside_report'));
  const r = checkReportAndReturn(text);
  assert.ok(r.indicators.some((i) => i.text === '550亿元'), JSON.stringify(r.indicators.map((i) => i.text)));
  // Items that cover a lone surrogate hold it (not U+FFFD).
  const texts = [...r.paragraphs.map((p) => p.text), ...r.sections.map((s) => s.title), ...r.commitments.map((c) => c.text)];
  assert.ok(texts.some((t) => !t.isWellFormed()), 'some item holds a lone surrogate');
  assert.ok(texts.every((t) => !t.includes('\uFFFD')), 'no item shows U+FFFD for a surrogate');
  // A well-formed text is untouched by the fallback: the same report as before.
  assert.deepEqual(parse(SAMPLE + '😀'), parse(SAMPLE + '😀'));
});

function checkReportAndReturn(text) {
  const r = parse(text);
  checkReport(text, r, 'surrogates');
  return r;
}

test('a report pasted 50 times scales linearly', () => {
  const { one, many, copies, max_ratio: maxRatio } = FIXTURE.scaling;
  const t1 = build(caseNamed(one));
  const tn = build(caseNamed(many));
  let best = Infinity;
  for (let i = 0; i < 5; i++) best = Math.min(best, timedParse(one, t1).ms);
  const { report } = timedParse(many, tn);
  let ms = Infinity;
  for (let i = 0; i < 3; i++) ms = Math.min(ms, timedParse(many, tn).ms);
  const ratio = ms / Math.max(best, 0.001);
  console.log(`1 copy ${best.toFixed(1)} ms, ${copies} copies ${ms.toFixed(1)} ms: ratio ${ratio.toFixed(1)} (linear = ${copies})`);
  assert.ok(report.sections.length >= 19);
  assert.ok(ratio < maxRatio, `${copies} copies took ${ratio.toFixed(1)}× one copy: super-linear parse time`);
});

test('GBK bytes: a TypeError when passed as bytes, a report once decoded as GBK', () => {
  const { text, bytes_hex: hex, first_bad_byte: at } = FIXTURE.gbk;
  const bytes = Uint8Array.from(hex.match(/../g).map((h) => parseInt(h, 16)));
  const copy = bytes.slice();
  assert.throws(() => parse(bytes), (e) => e instanceof TypeError && /text must be a string/.test(e.message));
  assert.deepEqual(bytes, copy, 'the caller keeps its bytes unchanged');
  // Strict UTF-8 decoding refuses them; the valid prefix ends at the first bad byte.
  assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes), TypeError);
  assert.equal(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, at)), text.slice(0, at));
  // Lossy UTF-8 gives U+FFFD garbage that still parses; GBK gives the text back.
  const lossy = new TextDecoder('utf-8').decode(bytes);
  checkReport(lossy, parse(lossy), 'gbk as lossy utf-8');
  const decoded = new TextDecoder('gbk').decode(bytes);
  assert.equal(decoded, text);
  const r = parse(decoded);
  checkReport(decoded, r, 'gbk decoded');
  assert.equal(r.sections[0].title, '过去一年工作回顾');
});

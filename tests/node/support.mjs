// Shared helpers of the Node tests: load the built npm package (bindings-wasm/pkg, the
// `--target web` layout) synchronously, find the corpus, and check the SPEC §1 rule
// `text.slice(item.start, item.end) === item.text` on every item of a report.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const PKG = path.join(ROOT, 'bindings-wasm', 'pkg');

if (!existsSync(path.join(PKG, 'baogao.js'))) {
  throw new Error(`${PKG}/baogao.js is missing: build it with scripts/build-wasm.sh`);
}
const baogao = await import(path.join(PKG, 'baogao.js'));
baogao.initSync({ module: readFileSync(path.join(PKG, 'baogao_bg.wasm')) });
export const { parse, track, version } = baogao;

export const SAMPLE_PATH = path.join(ROOT, 'core', 'data', 'sample-2017-hangzhou-jianggan-district.txt');

/** The corpus folder: $BAOGAO_CORPUS, default ../shared/corpus beside the repo. */
export const CORPUS = path.resolve(ROOT, process.env.BAOGAO_CORPUS || path.join('..', 'shared', 'corpus'));

/** Report files of the corpus (*.txt, sorted), or null when the folder is absent. */
export function corpusFiles() {
  if (!existsSync(CORPUS)) return null;
  return readdirSync(CORPUS)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => path.join(CORPUS, f));
}

const isHigh = (c) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c) => c >= 0xdc00 && c <= 0xdfff;

/** `i` is a valid UTF-16 boundary of `text`: inside it and not between a surrogate pair. */
function assertBoundary(text, i, where) {
  assert.ok(Number.isInteger(i) && i >= 0 && i <= text.length, `${where}: offset ${i} outside 0..${text.length}`);
  if (i > 0 && i < text.length) {
    assert.ok(
      !(isHigh(text.charCodeAt(i - 1)) && isLow(text.charCodeAt(i))),
      `${where}: offset ${i} splits a surrogate pair`,
    );
  }
}

function assertSpan(text, start, end, where) {
  assertBoundary(text, start, `${where}.start`);
  assertBoundary(text, end, `${where}.end`);
  assert.ok(start <= end, `${where}: start ${start} > end ${end}`);
}

/** `{ text, start, end }` indexes `input`. */
function assertTextSpan(input, item, where) {
  assertSpan(input, item.start, item.end, where);
  assert.equal(input.slice(item.start, item.end), item.text, `${where}: slice(start, end) !== text`);
}


/**
 * Checks every offset of `report` against `input`. Returns how many items with text were
 * compared, by kind.
 */
export function checkReport(input, report, label) {
  const n = { sections: 0, paragraphs: 0, leads: 0, indicators: 0, commitments: 0, objects: 0, list_items: 0 };
  assert.equal(report.offset_unit, 'utf16', `${label}: offset_unit`);
  report.sections.forEach((s, i) => {
    const at = `${label}: sections[${i}]`;
    assert.equal(s.id, i, `${at}.id`);
    assertSpan(input, s.start, s.end, at);
    assertSpan(input, s.title_start, s.title_end, `${at}.title`);
    assert.ok(s.start <= s.title_start && s.title_end <= s.end, `${at}: title outside the section`);
    assert.ok(s.parent === null || s.parent < i, `${at}.parent ${s.parent}`);
    // A title is an exact slice (a heading split by web markup keeps its line breaks).
    assert.equal(
      input.slice(s.title_start, s.title_end),
      s.title,
      `${at}: title ${JSON.stringify(s.title)} vs slice ${JSON.stringify(input.slice(s.title_start, s.title_end))}`,
    );
    n.sections++;
  });
  report.paragraphs.forEach((p, i) => {
    const at = `${label}: paragraphs[${i}]`;
    assert.equal(p.id, i, `${at}.id`);
    assertTextSpan(input, p, at);
    n.paragraphs++;
    if (p.lead !== null) {
      assertTextSpan(input, p.lead, `${at}.lead`);
      assert.ok(p.start <= p.lead.start && p.lead.end <= p.end, `${at}: lead outside the paragraph`);
      n.leads++;
    }
  });
  report.indicators.forEach((x, i) => {
    const at = `${label}: indicators[${i}]`;
    assert.equal(x.id, i, `${at}.id`);
    assertTextSpan(input, x, at);
    assertSpan(input, x.sentence.start, x.sentence.end, `${at}.sentence`);
    if (x.metric.start !== null && x.metric.end !== null) assertSpan(input, x.metric.start, x.metric.end, `${at}.metric`);
    n.indicators++;
  });
  report.commitments.forEach((c, i) => {
    const at = `${label}: commitments[${i}]`;
    assert.equal(c.id, i, `${at}.id`);
    assertTextSpan(input, c, at);
    n.commitments++;
    if (c.object !== null) {
      assertTextSpan(input, c.object, `${at}.object`);
      n.objects++;
    }
  });
  report.lists.forEach((l, i) => {
    assert.equal(l.id, i, `${label}: lists[${i}].id`);
    l.items.forEach((item, j) => {
      assertTextSpan(input, item, `${label}: lists[${i}].items[${j}]`);
      n.list_items++;
    });
  });
  report.diagnostics.forEach((d, i) => {
    if (d.start !== null && d.end !== null) assertSpan(input, d.start, d.end, `${label}: diagnostics[${i}]`);
  });
  return n;
}

/** Text prepended to test that offsets count UTF-16 units (two astral characters, 4 units). */
export const ASTRAL_PREFIX = '𠮷😀';

// The JS API of the npm package: argument checks, errors, options, version, plain objects.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import test from 'node:test';
import { PKG, parse, version } from './support.mjs';

const pkgJson = JSON.parse(readFileSync(path.join(PKG, 'package.json'), 'utf8'));

test('version() matches package.json', () => {
  assert.equal(typeof version(), 'string');
  assert.equal(version(), pkgJson.version);
  assert.equal(pkgJson.name, 'baogao');
});

test('package.json is an ES module package with types', () => {
  assert.equal(pkgJson.type, 'module');
  assert.equal(pkgJson.types, './baogao.d.ts');
  assert.equal(pkgJson.sideEffects, false);
  assert.deepEqual(pkgJson.exports['.'], { types: './baogao.d.ts', default: './baogao.js' });
  for (const f of pkgJson.files) assert.ok(readFileSync(path.join(PKG, f)), f);
});

test('package.json describes the package for the npm registry', () => {
  assert.match(pkgJson.description, /政府工作报告/);
  assert.ok(pkgJson.keywords.includes('wasm') && pkgJson.keywords.length >= 5);
  assert.ok(pkgJson.files.includes('README.md'));
  const readme = readFileSync(path.join(PKG, 'README.md'), 'utf8');
  for (const word of ['await init()', 'initSync', 'parse(', 'track(']) assert.ok(readme.includes(word), word);
});

test('npm pack: the tarball holds exactly the listed files', () => {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: PKG, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'],
  });
  const files = JSON.parse(out)[0].files.map((f) => f.path).sort();
  assert.deepEqual(files, [...pkgJson.files, 'package.json'].sort());
});

test('the package exports init, initSync, parse, track and version', async () => {
  const mod = await import(path.join(PKG, 'baogao.js'));
  for (const name of ['default', 'initSync', 'parse', 'track', 'version']) assert.equal(typeof mod[name], 'function', name);
});

test('non-string text throws a TypeError with a message', () => {
  for (const bad of [42, null, undefined, {}, ['a'], true, 10n, Symbol('s')]) {
    assert.throws(
      () => parse(bad),
      (e) => e instanceof TypeError && /text must be a string/.test(e.message),
      `parse(${String(bad)})`,
    );
  }
});

test('a String object is not a string', () => {
  assert.throws(() => parse(new String('一、回顾')), TypeError);
});

test('bad options throw an Error naming the option', () => {
  assert.throws(
    () => parse('一、回顾', { yaer: 2017 }),
    (e) => e instanceof Error && !(e instanceof TypeError) && /`yaer`/.test(e.message),
  );
  for (const year of [2017.5, '2017', NaN, Infinity, 2 ** 40, {}]) {
    assert.throws(
      () => parse('一、回顾', { year }),
      (e) => e instanceof Error && /`year`/.test(e.message),
      `year: ${String(year)}`,
    );
  }
  for (const options of [5, 'year', [2017], () => 1]) {
    assert.throws(() => parse('一、回顾', options), (e) => e instanceof TypeError && /options/.test(e.message));
  }
});

test('options: year fills meta.year when the text has none; null/undefined are defaults', () => {
  assert.equal(parse('一、回顾\n正文。', { year: 2017 }).meta.year, 2017);
  assert.equal(parse('一、回顾\n正文。', {}).meta.year, null);
  assert.equal(parse('一、回顾\n正文。', { year: null }).meta.year, null);
  assert.equal(parse('一、回顾\n正文。', null).meta.year, null);
  assert.equal(parse('一、回顾\n正文。', undefined).meta.year, null);
});

test('the report is plain JSON-compatible objects with the SPEC field names', () => {
  const r = parse(readFileSync(path.join(PKG, '..', '..', 'core', 'data', 'sample-2017-hangzhou-jianggan-district.txt'), 'utf8'));
  assert.equal(Object.getPrototypeOf(r), Object.prototype);
  // No Maps, no undefined (None is null): a JSON round trip changes nothing.
  assert.deepEqual(JSON.parse(JSON.stringify(r)), r);
  assert.deepEqual(Object.keys(r), [
    'schema_version', 'offset_unit', 'meta', 'sections', 'paragraphs',
    'indicators', 'commitments', 'lists', 'diagnostics',
  ]);
  assert.equal(r.schema_version, '1');
  assert.equal(r.offset_unit, 'utf16');
  assert.deepEqual(Object.keys(r.meta), [
    'title', 'region', 'level', 'year', 'delivered_on', 'meeting', 'speaker', 'script',
  ]);
  const keys = {
    sections: ['id', 'parent', 'depth', 'marker', 'ordinal', 'title', 'role', 'start', 'end', 'title_start', 'title_end'],
    paragraphs: ['id', 'section', 'start', 'end', 'text', 'lead'],
    indicators: ['id', 'section', 'paragraph', 'start', 'end', 'text', 'sentence', 'metric', 'kind', 'value', 'bound', 'status', 'period', 'relation', 'rank'],
    commitments: ['id', 'section', 'paragraph', 'start', 'end', 'text', 'kind', 'action', 'object', 'targets', 'modality', 'deadline', 'list_item', 'verifiability'],
    lists: ['id', 'paragraph', 'style', 'declared_count', 'livelihood', 'items'],
    diagnostics: ['code', 'message', 'start', 'end'],
  };
  for (const [table, fields] of Object.entries(keys)) {
    for (const row of r[table]) assert.deepEqual(Object.keys(row), fields, table);
  }
});

test('odd input parses without throwing', () => {
  for (const text of ['', ' ', '\n\n\n', 'Hello, world.', '\uD800 lone surrogate', '\u0000\u0001', '9'.repeat(100000), '一、'.repeat(5000)]) {
    const r = parse(text);
    assert.equal(r.offset_unit, 'utf16');
  }
});

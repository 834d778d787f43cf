// Browser test of the example page examples/web/ (the report viewer) in Debian's Chromium via
// playwright-core, served from the repository root by an in-process static server:
//
//  1. paste a corpus report (2026 Zhejiang; the crate's embedded sample when the corpus is
//     absent): the outline entries and the highlight counts equal what the same npm package
//     computes in Node; the hover card, outline jumps, tables and the CSV download work;
//     the same report as a GBK file (TextDecoder fallback) gives the same result;
//  2. load the State Council reports of 2017 and 2018 as files: the target-vs-outcome table has
//     the GDP row (6.5% about → 6.9%, met), also with the two slots swapped;
//  3. screenshot → tests/artifacts/web-viewer.png (and examples/web/screenshot.png, the README's
//     picture, when it is missing or UPDATE_SCREENSHOT=1);
//  4. no page errors, console errors or warnings.
//
// Prints "N passed, N failed"; exits 1 on a failure.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, checker, collectErrors, launch, serve } from './harness.mjs';

const PKG = path.join(ROOT, 'bindings-wasm', 'pkg');
const { initSync, parse, track } = await import(path.join(PKG, 'baogao.js'));
initSync({ module: readFileSync(path.join(PKG, 'baogao_bg.wasm')) });

const CORPUS = path.resolve(ROOT, process.env.BAOGAO_CORPUS || path.join('..', 'shared', 'corpus'));
const SAMPLE = path.join(ROOT, 'core', 'data', 'sample-2017-hangzhou-jianggan-district.txt');
const ARTIFACTS = path.join(ROOT, 'tests', 'artifacts');
const SHOT = path.join(ARTIFACTS, 'web-viewer.png');
const README_SHOT = path.join(ROOT, 'examples', 'web', 'screenshot.png');

const corpusFile = (name) => {
  const f = path.join(CORPUS, name);
  return existsSync(f) ? f : null;
};

const { check, summary } = checker();
const oneLine = (s) => (s ?? '').replace(/\s+/g, ' ').trim();
const tally = (xs, key) => xs.reduce((n, x) => ((n[x[key]] = (n[x[key]] ?? 0) + 1), n), {});

/** Minimal RFC 4180 reader: records of fields (quoted fields may hold commas and line breaks). */
function readCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let k = 0; k < text.length; k++) {
    const ch = text[k];
    if (quoted) {
      if (ch === '"' && text[k + 1] === '"') { field += '"'; k++; } else if (ch === '"') quoted = false; else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(field); field = ''; }
    else if (ch === '\n') { row.push(field.replace(/\r$/, '')); rows.push(row); row = []; field = ''; }
    else field += ch;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

/** Waits until the page has rendered `n` times in all (body[data-renders]). */
async function rendered(page, n) {
  await page.waitForSelector(`body[data-renders="${n}"]`, { timeout: 30000 });
}

/** What the page shows for the report in view: outline, highlights, legend, tables. */
function readPage(page) {
  return page.evaluate(() => {
    const distinct = (sel, attr) => new Set([...document.querySelectorAll(sel)].map((e) => e.dataset[attr])).size;
    const doc = document.getElementById('doc');
    const byValue = (sel, attr, values) =>
      Object.fromEntries(values.map((v) => [v, distinct(`#doc ${sel}[data-${attr}="${v}"]`, sel === 'mark' ? 'i' : 'c')]));
    return {
      outline: [...document.querySelectorAll('#outline li[data-section]')].map((li) => ({
        id: Number(li.dataset.section),
        parent: li.parentElement.closest('li[data-section]')?.dataset.section ?? null,
        role: li.dataset.role,
        marker: li.querySelector(':scope > a .marker').textContent,
        title: li.querySelector(':scope > a .title').textContent,
        badge: li.querySelector(':scope > a .role').textContent,
      })),
      headings: doc.querySelectorAll('.h[id^="sec-"]').length,
      indicators: distinct('#doc mark[data-i]', 'i'),
      commitments: distinct('#doc span[data-c]', 'c'),
      byStatus: byValue('mark', 'status', ['actual', 'estimated', 'target', 'plan']),
      byModality: byValue('span', 'modality', ['guarantee', 'firm', 'strive', 'aspire', 'explore', 'proposed']),
      // The text of every unsplit indicator mark, to compare with `indicator.text`.
      markTexts: [...doc.querySelectorAll('mark[data-i]:not(.cont)')]
        .filter((m) => !doc.querySelector(`mark.cont[data-i="${m.dataset.i}"]`))
        .map((m) => [Number(m.dataset.i), m.textContent]),
      legend: Object.fromEntries([...document.querySelectorAll('#legend .key')].map((k) => [`${k.classList.contains('key-i') ? 'i' : 'c'}:${k.dataset.value}`, Number(k.dataset.count)])),
      indicatorRows: document.querySelectorAll('#table-indicators tbody tr').length,
      commitmentRows: document.querySelectorAll('#table-commitments tbody tr').length,
      info: document.getElementById('info-main').textContent,
    };
  });
}

/** Checks the page against `report` (parsed in Node from the same text). */
function compare(label, seen, report) {
  const want = report.sections.map((s) => ({
    id: s.id, parent: s.parent === null ? null : String(s.parent), role: s.role, marker: s.marker ?? '',
    title: oneLine(s.title), badge: s.role,
  }));
  check(`${label}: outline has the ${report.sections.length} sections, with markers, titles, roles and nesting`,
    JSON.stringify(seen.outline) === JSON.stringify(want),
    `page ${JSON.stringify(seen.outline.slice(0, 3))}… vs ${JSON.stringify(want.slice(0, 3))}…`);
  check(`${label}: one heading anchor per section`, seen.headings === report.sections.length, `${seen.headings}`);
  check(`${label}: ${report.indicators.length} indicator highlights`, seen.indicators === report.indicators.length,
    `${seen.indicators}`);
  check(`${label}: ${report.commitments.length} commitment highlights`, seen.commitments === report.commitments.length,
    `${seen.commitments}`);
  const status = { actual: 0, estimated: 0, target: 0, plan: 0, ...tally(report.indicators, 'status') };
  check(`${label}: highlights by status ${JSON.stringify(status)}`, JSON.stringify(seen.byStatus) === JSON.stringify(status),
    JSON.stringify(seen.byStatus));
  const modality = { guarantee: 0, firm: 0, strive: 0, aspire: 0, explore: 0, proposed: 0, ...tally(report.commitments, 'modality') };
  check(`${label}: highlights by modality ${JSON.stringify(modality)}`,
    JSON.stringify(seen.byModality) === JSON.stringify(modality), JSON.stringify(seen.byModality));
  const badMarks = seen.markTexts.filter(([id, t]) => report.indicators[id].text !== t);
  check(`${label}: each highlight shows its indicator's text`, seen.markTexts.length > 0 && badMarks.length === 0,
    JSON.stringify(badMarks.slice(0, 3)));
  const legendOk = Object.entries(status).every(([k, n]) => seen.legend[`i:${k}`] === n) &&
    Object.entries(modality).every(([k, n]) => seen.legend[`c:${k}`] === n);
  check(`${label}: legend counts`, legendOk, JSON.stringify(seen.legend));
  check(`${label}: tables have one row per indicator and commitment`,
    seen.indicatorRows === report.indicators.length && seen.commitmentRows === report.commitments.length,
    `${seen.indicatorRows}/${seen.commitmentRows}`);
}

const server = await serve();
const base = `http://127.0.0.1:${server.address().port}`;
const { page, close } = await launch({ width: 1440, height: 1560 });
const errors = collectErrors(page);
let renders = 0;
let shotTaken = false;
try {
  await page.goto(`${base}/examples/web/`);
  await page.waitForSelector('body[data-ready]', { timeout: 30000 });
  check('the page loads the package (init)', (await page.getAttribute('body', 'data-ready')) === '1',
    await page.textContent('#status'));

  // ---- 1. one report, pasted
  const file = corpusFile('2026-zhejiang-province.txt') ?? SAMPLE;
  if (file === SAMPLE) console.log(`# corpus not found at ${CORPUS} (set BAOGAO_CORPUS): using the embedded sample report`);
  const text = readFileSync(file, 'utf8');
  const report = parse(text);
  const label = path.basename(file);
  await page.fill('#text-main', text);
  await page.click('#parse-main');
  await rendered(page, ++renders);
  compare(`${label} (pasted)`, await readPage(page), report);

  // Chinese text renders with a CJK font (not boxes): ask Chromium which platform fonts drew
  // the report text and the outline (fonts-noto-cjk on Debian).
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument');
  for (const selector of ['#doc', '#outline li .title']) {
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    const main = [...fonts].sort((a, b) => b.glyphCount - a.glyphCount)[0];
    check(`${selector} is drawn with a CJK font (${main?.familyName})`, /CJK|Han|PingFang|YaHei|Song|Hei/i.test(main?.familyName ?? ''),
      JSON.stringify(fonts));
  }
  await cdp.detach();

  // Hover card of the first target (or any) indicator: its metric, normalized value and bound.
  const shown = report.indicators.find((i) => i.status === 'target' && i.metric.id) ?? report.indicators[0];
  if (shown) {
    await page.click('#tab-indicators');
    await page.click(`#table-indicators tbody tr:nth-child(${shown.id + 1})`); // jumps to it in the text
    await page.hover(`#doc mark[data-i="${shown.id}"]`);
    await page.waitForSelector('#card:not([hidden])');
    const cardText = await page.textContent('#card');
    const ok = cardText.includes(shown.text) && cardText.includes(shown.bound) && cardText.includes(shown.status) &&
      (!shown.metric.id || cardText.includes(shown.metric.id));
    check(`hover card of “${shown.text}” shows metric, value, bound and status`, ok, cardText);
  }

  // Clicking an outline entry scrolls its heading into the text pane.
  const lastTop = report.sections.filter((s) => s.parent === null).at(-1);
  if (lastTop) {
    await page.click(`#outline li[data-section="${lastTop.id}"] > a`);
    const inView = await page.evaluate((id) => {
      const pane = document.querySelector('.doc-pane').getBoundingClientRect();
      const r = document.getElementById(`sec-${id}`).getBoundingClientRect();
      return r.top >= pane.top && r.bottom <= pane.bottom;
    }, lastTop.id);
    check('an outline click scrolls its heading into view', inView, `section ${lastTop.id}`);
  }

  // CSV download of the indicators: one record per indicator, with a BOM for spreadsheets.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#csv-indicators')]);
  const csvText = readFileSync(await download.path(), 'utf8');
  const csv = readCsv(csvText.replace(/^\uFEFF/, ''));
  check('indicators CSV: header + one record per indicator, texts intact',
    csvText.startsWith('\uFEFFid,') && csv.length === report.indicators.length + 1 &&
      csv.slice(1).every((r, k) => r[6] === report.indicators[k].text),
    `${csv.length} records for ${report.indicators.length} indicators (${download.suggestedFilename()})`);

  // The same report as a GBK file: TextDecoder('utf-8', { fatal: true }) fails, GBK decodes it.
  // Encoded as GB18030 (GBK's superset, which covers every character; browsers decode the label
  // "gbk" with the GB18030 decoder) by iconv from Debian's libc-bin.
  let gbk = null;
  try {
    gbk = execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: text, stdio: ['pipe', 'pipe', 'ignore'] });
  } catch {
    console.log('# SKIPPED the GBK file check: iconv cannot encode the report as GB18030 here');
  }
  if (gbk) {
    await page.setInputFiles('#file-main', { name: 'report-gbk.txt', mimeType: 'text/plain', buffer: gbk });
    await rendered(page, ++renders);
    const seen = await readPage(page);
    check('a GBK file is decoded as GBK', / GBK /.test(` ${seen.info} `), seen.info);
    compare(`${label} (GBK file)`, seen, report);
  }

  // The sample button loads the report embedded in the crate (served from the repository).
  await page.click('#sample-main');
  await rendered(page, ++renders);
  const sample = parse(readFileSync(SAMPLE, 'utf8'));
  const sampleSeen = await readPage(page);
  check('the sample button loads and parses the embedded sample',
    sampleSeen.outline.length === sample.sections.length && sampleSeen.indicators === sample.indicators.length,
    `${sampleSeen.outline.length} sections, ${sampleSeen.indicators} indicators`);

  // ---- 2. two national reports: targets of 2017 against outcomes reported in 2018
  const f17 = corpusFile('2017-china-national.txt');
  const f18 = corpusFile('2018-china-national.txt');
  if (!f17 || !f18) {
    console.log(`# SKIPPED the track table check: national reports 2017/2018 not found in ${CORPUS} (set BAOGAO_CORPUS)`);
  } else {
    const t17 = readFileSync(f17);
    const t18 = readFileSync(f18);
    const want = track(parse(t17.toString('utf8')), parse(t18.toString('utf8')));
    const readTracking = () => page.$$eval('#table-tracking tbody tr', (trs) =>
      trs.map((tr) => ({ metric: tr.dataset.metric, status: tr.dataset.status, cells: [...tr.cells].map((c) => c.textContent) })));
    const gdpMet = (rows) => rows.find((r) => r.metric === 'gdp' && r.status === 'met' && r.cells.includes('6.5%') && r.cells.includes('6.9%'));

    await page.setInputFiles('#file-main', { name: '2018-china-national.txt', mimeType: 'text/plain', buffer: t18 });
    await rendered(page, ++renders);
    await page.setInputFiles('#file-prev', { name: '2017-china-national.txt', mimeType: 'text/plain', buffer: t17 });
    await rendered(page, ++renders);
    await page.click('#tab-tracking');
    let rows = await readTracking();
    check(`track table: ${want.length} rows as track() in Node, in order`,
      JSON.stringify(rows.map((r) => [r.metric, r.status])) === JSON.stringify(want.map((r) => [r.metric, r.status])),
      JSON.stringify(rows.map((r) => [r.metric, r.status])));
    check('track table: gdp 6.5% (2017 target) → 6.9% (2018 outcome), met', Boolean(gdpMet(rows)),
      JSON.stringify(rows.find((r) => r.metric === 'gdp')));

    // The outcome link shows the 2018 report and flashes the outcome in the text.
    await page.click('#table-tracking tbody tr[data-metric="gdp"] td:nth-child(5) a');
    const jumped = await page.evaluate(() => ({
      slot: document.getElementById('doc').dataset.slot,
      flashed: document.querySelector('#doc mark.flash')?.textContent ?? null,
    }));
    check('the outcome link jumps to 6.9% in the 2018 report', jumped.slot === 'main' && jumped.flashed === '6.9%',
      JSON.stringify(jumped));

    // Screenshot: the 2018 report at its targets, a hover card, the target-vs-outcome table.
    await page.click('#doc-tabs button[data-slot="main"]');
    const targetsPart = parse(t18.toString('utf8')).sections.find((s) => s.parent === null && ['outlook', 'goals', 'targets'].includes(s.role));
    if (targetsPart) await page.click(`#outline li[data-section="${targetsPart.id}"] > a`);
    await page.evaluate(() => {
      window.scrollTo(0, 0);
      document.querySelectorAll('.flash').forEach((el) => el.classList.remove('flash'));
    });
    const gdpTarget = parse(t18.toString('utf8')).indicators.find((i) => i.status === 'target' && i.metric.id === 'gdp');
    if (gdpTarget) await page.hover(`#doc mark[data-i="${gdpTarget.id}"]`);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: SHOT });
    shotTaken = true;
    if (!existsSync(README_SHOT) || process.env.UPDATE_SCREENSHOT === '1') {
      copyFileSync(SHOT, README_SHOT);
      console.log(`# wrote ${path.relative(ROOT, README_SHOT)}`);
    }

    // Swapped slots: the earlier report (by year) is still `prev`.
    await page.setInputFiles('#file-main', { name: '2017-china-national.txt', mimeType: 'text/plain', buffer: t17 });
    await rendered(page, ++renders);
    await page.setInputFiles('#file-prev', { name: '2018-china-national.txt', mimeType: 'text/plain', buffer: t18 });
    await rendered(page, ++renders);
    rows = await readTracking();
    check('track table with the slots swapped: still gdp met', Boolean(gdpMet(rows)), JSON.stringify(rows.slice(0, 2)));
  }

  if (!shotTaken) {
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: SHOT });
  }
  console.log(`# screenshot ${path.relative(ROOT, SHOT)}`);
  check('no page errors, console errors or warnings', errors.length === 0, errors.join(' | '));
} finally {
  await close();
  server.close();
}
process.exit(summary() ? 1 : 0);

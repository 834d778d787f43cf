// Smoke test of the npm package in a browser: loads tests/browser/index.html in Debian's
// Chromium through playwright-core (no browser download), served from the repo root by an
// in-process static server, checks what the page computed with the package, takes a screenshot
// (tests/artifacts/browser-smoke.png), prints "N passed, N failed". The example page
// examples/web/ has its own test, tests/browser/viewer.mjs.
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, checker, collectErrors, launch, serve } from './harness.mjs';

const SHOT = process.env.SHOT || path.join(ROOT, 'tests', 'artifacts', 'browser-smoke.png');
const version = JSON.parse(readFileSync(path.join(ROOT, 'bindings-wasm', 'pkg', 'package.json'), 'utf8')).version;

const { check, summary } = checker();
const server = await serve();
let browser;
try {
  browser = await launch();
  const { page } = browser;
  const errors = collectErrors(page);
  await page.goto(`http://127.0.0.1:${server.address().port}/tests/browser/index.html`);
  await page.waitForSelector('body[data-ready="1"]', { timeout: 30000 });
  const out = JSON.parse(await page.textContent('#out'));
  check('init() + parse() ran in the page', !out.error, out.error);
  check('version() in the page', out.version === version, `${out.version} !== ${version}`);
  check('offset_unit is utf16', out.offset_unit === 'utf16', out.offset_unit);
  check(`slice(start, end) === text for ${out.items} items`, out.bad_slices === 0, `${out.bad_slices} bad`);
  check('parse(42) throws TypeError', /^TypeError: /.test(out.type_error), out.type_error);
  check('track(report, report) returns an array of rows', out.track_rows >= 0, JSON.stringify(out.track_rows));
  check('track(42, report) throws TypeError', /^TypeError: /.test(out.track_error), out.track_error);
  check('no page errors or console warnings', errors.length === 0, errors.join(' | '));
  mkdirSync(path.dirname(SHOT), { recursive: true });
  await page.screenshot({ path: SHOT, fullPage: true });
  console.log(`# ${out.sections} sections; screenshot ${path.relative(ROOT, SHOT)}`);
} finally {
  if (browser) await browser.close();
  server.close();
}
process.exit(summary() ? 1 : 0);

// Loads tests/browser/index.html in Debian's Chromium through playwright-core (no browser
// download), served from the repo root by an in-process static server on 127.0.0.1, checks what
// the page computed with the npm package, takes a screenshot, prints "N passed, N failed".
import { mkdtempSync, mkdirSync, readFileSync, rmSync, statSync, createReadStream, existsSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json', '.txt': 'text/plain; charset=utf-8' };
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const SHOT = process.env.SHOT || path.join(ROOT, 'target', 'browser-shot.png');
const version = JSON.parse(readFileSync(path.join(ROOT, 'bindings-wasm', 'pkg', 'package.json'), 'utf8')).version;

function serve() {
  const server = http.createServer((req, res) => {
    const rel = path.normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname));
    const file = path.join(ROOT, rel);
    if (!file.startsWith(ROOT + path.sep) || !existsSync(file) || statSync(file).isDirectory()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

let passed = 0;
let failed = 0;
const check = (name, ok, detail) => {
  if (ok) { passed++; console.log(`ok - ${name}`); } else { failed++; console.log(`not ok - ${name}: ${detail}`); }
};

const server = await serve();
const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'baogao-chromium-'));
let ctx;
try {
  ctx = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const page = ctx.pages()[0] || (await ctx.newPage());
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text()); });
  await page.goto(`http://127.0.0.1:${server.address().port}/tests/browser/index.html`);
  await page.waitForSelector('body[data-ready="1"]', { timeout: 30000 });
  const out = JSON.parse(await page.textContent('#out'));
  check('init() + parse() ran in the page', !out.error, out.error);
  check('version() in the page', out.version === version, `${out.version} !== ${version}`);
  check('offset_unit is utf16', out.offset_unit === 'utf16', out.offset_unit);
  check(`slice(start, end) === text for ${out.items} items`, out.bad_slices === 0, `${out.bad_slices} bad`);
  check('parse(42) throws TypeError', /^TypeError: /.test(out.type_error), out.type_error);
  check('no page errors or console warnings', errors.length === 0, errors.join(' | '));
  mkdirSync(path.dirname(SHOT), { recursive: true });
  await page.screenshot({ path: SHOT, fullPage: true });
  console.log(`# ${out.sections} sections; screenshot ${path.relative(ROOT, SHOT)}`);
} finally {
  if (ctx) await ctx.close();
  server.close();
  rmSync(userDataDir, { recursive: true, force: true });
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);

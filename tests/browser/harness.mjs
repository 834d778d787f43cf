// Shared by the browser tests: an in-process static server for the repository root (so pages
// load the npm package from /bindings-wasm/pkg/ exactly as from any static server) and Debian's
// Chromium driven by playwright-core (which never downloads a browser).
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8', '.png': 'image/png', '.svg': 'image/svg+xml',
};
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

/** Serves ROOT on 127.0.0.1 (a free port); a folder serves its index.html. Resolves to the server. */
export function serve() {
  const server = http.createServer((req, res) => {
    const rel = path.normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname));
    let file = path.join(ROOT, rel);
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!(file === ROOT || file.startsWith(ROOT + path.sep)) || !existsSync(file) || statSync(file).isDirectory()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/**
 * Starts headless Chromium with a fresh profile (launchPersistentContext: Playwright refuses
 * --user-data-dir in `launch()` args). Returns `{ ctx, page, close }`.
 */
export async function launch(viewport = { width: 1280, height: 900 }) {
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'baogao-chromium-'));
  const ctx = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    acceptDownloads: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const page = ctx.pages()[0] || (await ctx.newPage());
  const close = async () => {
    await ctx.close();
    rmSync(userDataDir, { recursive: true, force: true });
  };
  return { ctx, page, close };
}

/** Collects page errors and console errors/warnings of `page` into the returned array. */
export function collectErrors(page) {
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`); });
  return errors;
}

/** `check(name, ok, detail)` printing TAP-like lines; `summary()` prints "N passed, N failed". */
export function checker() {
  let passed = 0;
  let failed = 0;
  const check = (name, ok, detail) => {
    if (ok) { passed++; console.log(`ok - ${name}`); } else { failed++; console.log(`not ok - ${name}: ${detail}`); }
    return ok;
  };
  const summary = () => { console.log(`${passed} passed, ${failed} failed`); return failed; };
  return { check, summary };
}

// Parse throughput of the npm package in Node.js, comparable with the native
// `cargo run --release -p baogao --example throughput` (same corpus, same MB = UTF-8 bytes,
// best of 5 passes over the corpus). Includes the conversion to plain JS objects, which is
// what a caller of `parse` pays.
//
//   node scripts/bench-node.mjs            # after scripts/build-wasm.sh
//   BAOGAO_CORPUS=/path/to/corpus node scripts/bench-node.mjs
//
// Reads the corpus from $BAOGAO_CORPUS (default ../shared/corpus beside the repo), or the
// embedded sample report when that folder is absent.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PKG = path.join(ROOT, 'bindings-wasm', 'pkg');
const { initSync, parse, track } = await import(path.join(PKG, 'baogao.js'));

let t0 = performance.now();
initSync({ module: readFileSync(path.join(PKG, 'baogao_bg.wasm')) });
const initMs = performance.now() - t0;

const corpus = path.resolve(ROOT, process.env.BAOGAO_CORPUS || path.join('..', 'shared', 'corpus'));
let files = existsSync(corpus) ? readdirSync(corpus).filter((f) => f.endsWith('.txt')).sort() : [];
let texts = files.map((f) => readFileSync(path.join(corpus, f), 'utf8'));
if (texts.length === 0) {
  console.error(`no corpus at ${corpus}: using the embedded sample`);
  files = ['sample-2017-hangzhou-jianggan-district.txt'];
  texts = [readFileSync(path.join(ROOT, 'core', 'data', files[0]), 'utf8')];
}
const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t, 'utf8'), 0);

/** The fastest of `n` runs of `f`, in milliseconds. */
function bestOf(n, f) {
  let best = Infinity;
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    f();
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

texts.forEach((t) => parse(t)); // warm-up: JIT, wasm tier-up, lazily built tables
const all = bestOf(5, () => texts.forEach((t) => parse(t)));
console.log(
  `node ${process.version}: full parse: ${texts.length} files, ${(bytes / 1e6).toFixed(2)} MB in ` +
    `${all.toFixed(1)} ms → ${(bytes / 1e6 / (all / 1e3)).toFixed(1)} MB/s (one core); ` +
    `${(all / texts.length).toFixed(1)} ms per report on average; initSync ${initMs.toFixed(1)} ms`,
);

// track(prev, next) on the two State Council reports of 2017 and 2018 when present: its cost is
// mostly reading the two report objects back into Rust.
const i17 = files.indexOf('2017-china-national.txt');
const i18 = files.indexOf('2018-china-national.txt');
if (i17 >= 0 && i18 >= 0) {
  const [prev, next] = [parse(texts[i17]), parse(texts[i18])];
  const ms = bestOf(5, () => track(prev, next));
  console.log(`track(2017 national, 2018 national): ${ms.toFixed(1)} ms`);
}

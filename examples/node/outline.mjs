// Prints the outline of a report with the npm package (bindings-wasm/pkg, built by `make test`
// or `bash scripts/build-wasm.sh`).
//
//   node examples/node/outline.mjs [report.txt]
//
// Without a file it reads the sample report embedded in the Rust crate's data folder.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { initSync, parse } from '../../bindings-wasm/pkg/baogao.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
initSync({ module: readFileSync(join(root, 'bindings-wasm/pkg/baogao_bg.wasm')) });

const file = process.argv[2] ?? join(root, 'core/data/sample-2017-hangzhou-jianggan-district.txt');
const text = readFileSync(file, 'utf8');
const report = parse(text);
const { meta } = report;
console.log(`${meta.region ?? '?'} ${meta.year ?? '?'} (${meta.level ?? '?'})`);
for (const s of report.sections) {
  let depth = 0;
  for (let p = s.parent; p !== null; p = report.sections[p].parent) depth++;
  // Offsets are UTF-16 units: slicing the original string gives the title back.
  if (text.slice(s.title_start, s.title_end) !== s.title) throw new Error('span mismatch');
  console.log(`${'  '.repeat(depth)}${s.marker ?? ''}${s.title}  [${s.role}]`);
}
const livelihood = report.lists.find((l) => l.livelihood);
if (livelihood) {
  console.log(`\nlivelihood list: ${livelihood.items.length} items (declared ${livelihood.declared_count ?? '—'})`);
  livelihood.items.forEach((it) => console.log(`  ${it.ordinal}. ${it.text}`));
}

// Figures, not a test: saving a municipality with five years of monthly rounds; the renderer's size.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { applyEdit } from '../src/core/checklist/edits';
import { STATUSES } from '../src/core/schema/common';
import { tempWorkspace } from '../test/helpers/workspace';
import { generatePortfolio } from './fixtures';
import { percentile } from './stats';


export async function benchSave(): Promise<void> {
  const { service } = await tempWorkspace();
  let [file] = await generatePortfolio();
  for (let month = 0; month < 60; month++) {
    const date = `${2022 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}-15`;
    const env = { now: () => new Date(`${date}T10:00:00Z`), newId: () => `r${month}` };
    file = applyEdit(file!, { type: 'setStatus', itemId: file!.items[month % 30]!.id, status: STATUSES[month % 3]! }, env);
    file = applyEdit(file, { type: 'recordSnapshot', date, label: `Måling ${month + 1}` }, env);
  }
  const base = await service.importFile(JSON.stringify(file), 'bench.json');
  let current = base;
  const times: number[] = [];
  for (let i = 0; i < 300; i++) {
    const edited = { ...current, items: current.items.map((it, n) => (n === i % current.items.length ? { ...it, notes: `gem ${i}` } : it)) };
    const start = performance.now();
    current = await service.save(edited, current.revision);
    times.push(performance.now() - start);
  }
  const p99 = percentile(times, 99);
  console.log(`save of a municipality with 60 monthly rounds (atomic write + fsync + backup rotation), 300 saves: median ${percentile(times, 50).toFixed(1)} ms, p99 ${p99.toFixed(1)} ms (goal p99 < 20 ms) – ${p99 < 20 ? 'met' : 'NOT met'}`);
}

export async function benchBundle(): Promise<void> {
  const dir = path.resolve('out/renderer/assets');
  const files = (await readdir(dir)).filter((f) => f.endsWith('.js'));
  const sizes = await Promise.all(files.map(async (f) => ({ f, raw: (await readFile(path.join(dir, f))).length, gz: gzipSync(await readFile(path.join(dir, f))).length })));
  const main = sizes.find((s) => s.f.startsWith('index-'))!;
  console.log(`renderer bundle (npm run build:ui): main chunk ${(main.gz / 1024).toFixed(0)} KB gzipped (${(main.raw / 1024).toFixed(0)} KB raw) (goal ≤ 350 KB) – ${main.gz / 1024 <= 350 ? 'met' : 'NOT met'}`);
  for (const s of sizes.filter((x) => x !== main)) console.log(`  lazy chunk ${s.f.replace(/-[\w-]+\.js$/, '')}: ${(s.gz / 1024).toFixed(0)} KB gzipped, loaded only when needed`);
}

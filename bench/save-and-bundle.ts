// Figures, not a test: saving a municipality with five years of monthly rounds; the renderer's size.
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { writeFileAtomic } from '../src/backend/fs/atomic-write';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { applyEdit } from '../src/core/checklist/edits';
import { STATUSES } from '../src/core/schema/common';
import { tempWorkspace } from '../test/helpers/workspace';
import { openWorkspace } from '../src/backend/workspace';
import { engineOf } from '../src/backend/engine/registry';
import { generatePortfolio } from './fixtures';
import { median, percentile, spread, verdict } from './stats';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);


export async function benchSave(): Promise<void> {
  const { service } = await tempWorkspace();
  let [file] = await generatePortfolio();
  for (let month = 0; month < 60; month++) {
    const date = `${2022 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}-15`;
    const env = { now: () => new Date(`${date}T10:00:00Z`), newId: () => `r${month}` };
    file = applyEdit(file!, { type: 'setStatus', itemId: file!.items[month % 30]!.id, status: STATUSES[month % 3]! }, env);
    file = applyEdit(file, { type: 'recordSnapshot', date, label: `Måling ${month + 1}` }, env);
  }
  const medians: number[] = [];
  const p99s: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    let current = await service.importFile(JSON.stringify(file), 'bench.json');
    const times: number[] = [];
    for (let i = 0; i < 300; i++) {
      const edited = { ...current, items: current.items.map((it, n) => (n === i % current.items.length ? { ...it, notes: `gem ${i}` } : it)) };
      const start = performance.now();
      current = await service.save(edited, current.revision);
      times.push(performance.now() - start);
    }
    medians.push(median(times));
    p99s.push(percentile(times, 99));
  }
  // The disk's own floor in this run: the same bytes written atomically (temporary file, fsync, rename) with nothing else.
  const floorDir = await mkdtemp(path.join(tmpdir(), 'milepael-floor-'));
  const text = JSON.stringify(file);
  const floorP99s: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const times: number[] = [];
    for (let i = 0; i < 300; i++) {
      const start = performance.now();
      await writeFileAtomic(path.join(floorDir, 'bench.json'), text);
      times.push(performance.now() - start);
    }
    floorP99s.push(percentile(times, 99));
  }
  // What the app does since the team workspace (issue 10): the save becomes field changes on the engine.
  const engineService = await openWorkspace({ location: await mkdtemp(path.join(tmpdir(), 'milepael-engine-save-')), engine: { watchFolder: false, mirrorDelayMs: 600_000 }, warn: () => undefined });
  const engineMedians: number[] = [];
  const engineP99s: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    let current = await engineService.importFile(JSON.stringify(file), 'bench.json');
    const times: number[] = [];
    for (let i = 0; i < 300; i++) {
      const edited = { ...current, items: current.items.map((it, n) => (n === i % current.items.length ? { ...it, notes: `gem ${i}` } : it)) };
      const start = performance.now();
      current = await engineService.save(edited, current.revision);
      times.push(performance.now() - start);
    }
    engineMedians.push(median(times));
    engineP99s.push(percentile(times, 99));
  }
  await engineOf(engineService)?.close();
  console.log(`save of a municipality with 60 monthly rounds, ${RUNS} runs of 300 saves:`);
  console.log(`  on the engine (the app's save: field changes, one chunk written, fsynced, renamed): median ${spread(engineMedians)}; p99 per run ${spread(engineP99s)} (goal p99 < 20 ms) – ${verdict(median(engineP99s) < 20)}`);
  console.log(`  as a JSON file (export/backup copy: read + revision check, backup rotation, atomic write + fsync): median ${spread(medians)}; p99 per run ${spread(p99s)}`);
  console.log(`  reference, a bare atomic write of the JSON file's bytes in the same run: p99 ${spread(floorP99s)}; the engine save's p99 is ${(median(engineP99s) / median(floorP99s)).toFixed(2)}× that, the JSON save's ${(median(p99s) / median(floorP99s)).toFixed(2)}×`);
}

export async function benchBundle(): Promise<void> {
  const dir = path.resolve('out/renderer/assets');
  const files = (await readdir(dir)).filter((f) => f.endsWith('.js'));
  const sizes = await Promise.all(files.map(async (f) => ({ f, raw: (await readFile(path.join(dir, f))).length, gz: gzipSync(await readFile(path.join(dir, f))).length })));
  // What a page loads before anything else: the scripts and module preloads index.html names.
  const html = await readFile(path.resolve('out/renderer/index.html'), 'utf8');
  const atStart = new Set([...html.matchAll(/(?:src|href)="\.\/assets\/([^"]+\.js)"/g)].map((m) => m[1]));
  const main = sizes.find((s) => s.f.startsWith('index-'))!;
  const start = sizes.filter((s) => atStart.has(s.f));
  const kb = (n: number) => (n / 1024).toFixed(0);
  console.log(`renderer bundle (npm run build:ui): main chunk ${kb(main.gz)} KB gzipped (${kb(main.raw)} KB raw) (goal ≤ 350 KB) – ${main.gz / 1024 <= 350 ? 'met' : 'NOT met'}`);
  console.log(`  everything loaded at start (${start.length} files the page names): ${kb(start.reduce((t, s) => t + s.gz, 0))} KB gzipped (${kb(start.reduce((t, s) => t + s.raw, 0))} KB raw)`);
  for (const s of sizes.filter((x) => !atStart.has(x.f))) console.log(`  lazy chunk ${s.f.replace(/-[\w-]+\.js$/, '')}: ${kb(s.gz)} KB gzipped, loaded only when needed`);
}

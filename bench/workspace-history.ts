// Figures, not a test: a consultant's workspace of 98 municipalities, each with 5 years of monthly
// assessment rounds, opened and scored from disk. Measured in a fresh process for an honest peak RSS.
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { applyEdit } from '../src/core/checklist/edits';
import { STATUSES } from '../src/core/schema/common';
import { serializeMunicipality } from '../src/core/schema/validate-municipality';
import { generatePortfolio } from './fixtures';
import { median, spread, verdict } from './stats';

const MONTHS = 60;
/** Each run is a fresh process; the figure is their median, with the spread. */
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

export async function benchWorkspaceHistory(): Promise<void> {
  const location = await mkdtemp(path.join(tmpdir(), 'milepael-history-'));
  await mkdir(path.join(location, 'municipalities'));
  let bytes = 0;
  for (const [n, base] of (await generatePortfolio()).entries()) {
    let file = base;
    for (let month = 0; month < MONTHS; month++) {
      const date = `${2022 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}-15`;
      const env = { now: () => new Date(`${date}T10:00:00Z`), newId: () => `r${month}` };
      const item = file.items[(month * 7 + n) % file.items.length]!;
      file = applyEdit(file, { type: 'setStatus', itemId: item.id, status: STATUSES[(month + n) % 3]! }, env);
      file = applyEdit(file, { type: 'recordSnapshot', date, label: `Måling ${month + 1}` }, env);
    }
    const text = serializeMunicipality(file);
    bytes += text.length;
    await writeFile(path.join(location, 'municipalities', `${file.id}.json`), text);
  }
  // Bundled and run on plain Node, as the shipped app runs: no TypeScript loader in the figures.
  const child = fileURLToPath(new URL('../node_modules/.cache/milepael-bench/workspace-history-child.mjs', import.meta.url));
  await build({ entryPoints: [fileURLToPath(new URL('./workspace-history-child.ts', import.meta.url))], bundle: true, platform: 'node', format: 'esm', outfile: child, packages: 'external', logLevel: 'error' });
  const run = (folder: string) =>
    JSON.parse(execFileSync(process.execPath, [child, folder], { encoding: 'utf8' })) as { coldMs: number; warmMs: number; listMs: number; rawMs: number; maxRssMb: number };
  const empty = await mkdtemp(path.join(tmpdir(), 'milepael-empty-'));
  await mkdir(path.join(empty, 'municipalities'));
  const baseline = run(empty);
  const results = Array.from({ length: RUNS }, () => run(location));
  const cold = results.map((r) => r.coldMs);
  const rss = results.map((r) => r.maxRssMb);
  console.log(`workspace of 98 municipalities × ${MONTHS} monthly assessment rounds (${(bytes / 2 ** 20).toFixed(1)} MB on disk), ${RUNS} fresh processes:`);
  const raw = results.map((r) => r.rawMs);
  console.log(`  load + validate + score on opening: ${spread(cold, 'ms', 0)} (goal < 300 ms) – ${verdict(median(cold) < 300)}; a second pass in the same process: ${spread(results.map((r) => r.warmMs), 'ms', 0)}`);
  console.log(`  reference, the same files only read and JSON-parsed in the same processes: ${spread(raw, 'ms', 0)}; opening costs ${(median(cold) / median(raw)).toFixed(2)}× that`);
  console.log(`  start-screen list with a fresh index: ${spread(results.map((r) => r.listMs), 'ms', 0)}`);
  console.log(`  peak memory of that process: ${spread(rss, 'MB', 0)} (goal < 200 MB) – ${verdict(median(rss) < 200)}; the same process with an empty workspace peaks at ${baseline.maxRssMb.toFixed(0)} MB (Node and the app's modules), so the workspace adds ${(median(rss) - baseline.maxRssMb).toFixed(0)} MB`);
}

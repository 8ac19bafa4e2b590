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

const MONTHS = 60;

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
    JSON.parse(execFileSync(process.execPath, [child, folder], { encoding: 'utf8' })) as { coldMs: number; warmMs: number; listMs: number; maxRssMb: number };
  const empty = await mkdtemp(path.join(tmpdir(), 'milepael-empty-'));
  await mkdir(path.join(empty, 'municipalities'));
  const baseline = run(empty);
  const result = run(location);
  console.log(`workspace of 98 municipalities × ${MONTHS} monthly assessment rounds (${(bytes / 2 ** 20).toFixed(1)} MB on disk):`);
  console.log(`  load + validate + score on opening: ${result.coldMs.toFixed(0)} ms (goal < 300 ms) – ${result.coldMs < 300 ? 'met' : 'NOT met'}; a second pass in the same process: ${result.warmMs.toFixed(0)} ms`);
  console.log(`  start-screen list with a fresh index: ${result.listMs.toFixed(0)} ms`);
  console.log(`  peak memory of that process: ${result.maxRssMb.toFixed(0)} MB (goal < 200 MB) – ${result.maxRssMb < 200 ? 'met' : 'NOT met'}; the same process with an empty workspace peaks at ${baseline.maxRssMb.toFixed(0)} MB (Node and the app's modules), so the workspace adds ${(result.maxRssMb - baseline.maxRssMb).toFixed(0)} MB`);
}

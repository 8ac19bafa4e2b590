// Figures, not a test: does the cost of the start screen and the portfolio grow with the work, and
// no faster? 100/500/1,000 municipalities × 12/60/240 monthly rounds, time per municipality.
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { buildPortfolio } from '../src/core/portfolio';
import { openWorkspace } from '../src/backend/workspace';
import { FsWorkspace } from '../src/backend/storage/fs-workspace';
import { templatesWithRounds, writeWorkspace } from './scale-fixtures';
import { median, timeRuns } from './stats';

const COUNTS = [100, 500, 1000];
const ROUNDS = [12, 60, 240];
/** Cells whose files would take more than this are left out: the machine is shared. */
const MAX_BYTES = 300 * 2 ** 20;
/** The old way (every file read and validated on every call) is measured up to this size only. */
const MAX_REFERENCE_BYTES = 150 * 2 ** 20;
const RUNS = 5;

const cell = (ms: number, count: number) => `${ms.toFixed(0).padStart(6)} ms ${(ms / count).toFixed(2).padStart(5)} ms/m`;

export async function benchGrowth(): Promise<void> {
  console.log(`growth: start screen and portfolio by workspace size (median of ${RUNS} calls; "first" = no index yet, median of 2; ms/m = per municipality)`);
  console.log('  municipalities × rounds |    MB | first list (no index)    | portfolio after restart  | start-screen list        | portfolio                | portfolio, every file re-read (before) | ratio');
  for (const rounds of ROUNDS) {
    const templates = await templatesWithRounds(rounds);
    for (const count of COUNTS) {
      const perFile = Buffer.byteLength(JSON.stringify(templates[0]));
      if (perFile * count > MAX_BYTES) {
        console.log(`  ${String(count).padStart(5)} × ${String(rounds).padStart(3)}            | ${((perFile * count) / 2 ** 20).toFixed(0).padStart(5)} | left out (over ${MAX_BYTES / 2 ** 20} MB on a shared machine)`);
        continue;
      }
      const { location, bytes } = await writeWorkspace(templates, count);
      // A fresh service each time: the cache also remembers the last call in memory.
      const first: number[] = [];
      for (let run = 0; run < 2; run++) {
        await rm(path.join(location, 'index.json'), { force: true });
        const fresh = await openWorkspace({ location, warn: () => undefined });
        first.push(...(await timeRuns(1, () => fresh.list())));
      }
      // After a restart: the index on disk is current, nothing is in memory yet.
      const restart: number[] = [];
      for (let run = 0; run < 2; run++) {
        const fresh = await openWorkspace({ location, warn: () => undefined });
        restart.push(...(await timeRuns(1, () => fresh.portfolio('familieraadslagning', false))));
      }
      const service = await openWorkspace({ location, warn: () => undefined });
      const list = await timeRuns(RUNS, () => service.list());
      const portfolio = await timeRuns(RUNS, () => service.portfolio('familieraadslagning', false));
      let reference = '   –  (not measured at this size)    ';
      let ratio = '  –';
      if (bytes <= MAX_REFERENCE_BYTES) {
        const storage = new FsWorkspace(location);
        const pack = service.getPack('familieraadslagning');
        const before = await timeRuns(2, async () => {
          const files = [];
          for (const id of await storage.listIds()) files.push((await storage.read(id)).file);
          return buildPortfolio(pack, files, '2026-11-23');
        });
        reference = `${cell(median(before), count)}          `;
        ratio = `${(median(before) / median(portfolio)).toFixed(0)}× faster`;
      }
      console.log(`  ${String(count).padStart(5)} × ${String(rounds).padStart(3)}            | ${(bytes / 2 ** 20).toFixed(0).padStart(5)} | ${cell(median(first), count)} | ${cell(median(restart), count)} | ${cell(median(list), count)} | ${cell(median(portfolio), count)} | ${reference} | ${ratio}`);
      await rm(location, { recursive: true, force: true });
    }
  }
}

// Figures, not a test: how fast the compiled command and `npm start` are, each against plain Node
// measured in the same run.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { median, spread, timeRuns, verdict } from './stats';

const RUNS = Number(process.env.BENCH_RUNS ?? 10);

/** Wall time from `npm start` to the first page and the first api answer of the browser edition. */
async function startToUsablePage(): Promise<number> {
  const workspace = await mkdtemp(path.join(tmpdir(), 'milepael-start-'));
  const started = performance.now();
  const child = spawn('npm', ['start', '--silent'], { env: { ...process.env, CI: '1', MILEPAEL_WORKSPACE: workspace }, stdio: ['ignore', 'pipe', 'inherit'], detached: true });
  try {
    const address = await new Promise<string>((resolve, reject) => {
      let seen = '';
      child.stdout.on('data', (chunk: Buffer) => {
        seen += chunk.toString();
        const match = /running at (http:\/\/\S+)/.exec(seen);
        if (match?.[1]) resolve(match[1]);
      });
      child.on('exit', () => reject(new Error(`npm start ended before it served a page: ${seen}`)));
    });
    const url = new URL(address);
    const page = await fetch(address);
    if (!page.ok) throw new Error(`the page answered ${page.status}`);
    const list = await fetch(new URL('/api/municipality.list', url), { method: 'POST', headers: { 'content-type': 'application/json', 'x-milepael-token': url.searchParams.get('token') ?? '' }, body: '{}' });
    if (!((await list.json()) as { ok: boolean }).ok) throw new Error('the api did not answer');
    return performance.now() - started;
  } finally {
    process.kill(-child.pid!, 'SIGTERM');
    await new Promise((resolve) => child.on('exit', resolve));
    // The server may still be closing its workspace (writing what the next start reads) as npm exits.
    await rm(workspace, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  }
}

export async function benchCliStart(): Promise<void> {
  const node = () => execFileSync(process.execPath, ['-e', '0']);
  const packs = () => execFileSync(process.execPath, ['bin/milepael.js', 'packs'], { encoding: 'utf8' });
  packs(); // the first run after a build fills the pack cache
  const nodeTimes: number[] = [];
  const packTimes: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    nodeTimes.push(...(await timeRuns(1, node)));
    packTimes.push(...(await timeRuns(1, packs)));
  }
  const ratio = median(packTimes) / median(nodeTimes);
  console.log(`command line (compiled JavaScript in out/node, ${RUNS} runs each, alternating):`);
  console.log(`  node -e 0 (reference): ${spread(nodeTimes, 'ms', 0)}`);
  console.log(`  milepael packs: ${spread(packTimes, 'ms', 0)} = ${ratio.toFixed(2)}× node -e 0 (goal ≤ 3×) – ${verdict(ratio <= 3)}`);
  const starts = await timeRuns(3, startToUsablePage);
  console.log(`  npm start → page and api answering (browser edition, built checkout, 3 runs): ${spread(starts, 'ms', 0)} (goal ≤ 5000 ms) – ${verdict(median(starts) <= 5000)}`);
}

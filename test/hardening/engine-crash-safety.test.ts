import { spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { EngineWorkspace } from '../../src/backend/engine/engine-workspace';
import { testClock } from '../helpers/workspace';
import { samplePackFile, tempFolder } from '../engine/helpers';

const KILLS = Number(process.env.MILEPAEL_CRASH_KILLS ?? 200);

function runAndKill(child: string, location: string, id: string, waitMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child, location, id], { stdio: ['ignore', 'pipe', 'pipe'] });
    let lastAck = -1;
    let buffer = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    proc.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    proc.stdout.on('data', (c: Buffer) => {
      buffer += c.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) if (line.startsWith('ack ')) lastAck = Number(line.slice(4));
      timer ??= setTimeout(() => proc.kill('SIGKILL'), waitMs);
    });
    proc.on('exit', (_code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') reject(new Error(`the child stopped by itself: ${stderr}`));
      else resolve(lastAck);
    });
  });
}

describe('a change on the engine killed at a random moment', () => {
  it(`leaves a document that loads and holds every acknowledged change (${KILLS} kills)`, { timeout: 1_800_000 }, async () => {
    const child = fileURLToPath(new URL('../../node_modules/.cache/milepael-test/engine-change-loop-child.mjs', import.meta.url));
    await build({ entryPoints: [fileURLToPath(new URL('./engine-change-loop-child.ts', import.meta.url))], bundle: true, platform: 'node', format: 'esm', outfile: child, packages: 'external', logLevel: 'error' });
    const clock = testClock();
    const location = await tempFolder();
    const setup = await EngineWorkspace.open({ location, env: clock.env, watchFolder: false, warn: () => undefined });
    const { id } = await setup.create(await samplePackFile(clock.env), 'Projektleder');
    await setup.close();
    let previous = 0;
    let damaged = 0;
    for (let kill = 0; kill < KILLS; kill++) {
      const lastAck = await runAndKill(child, location, id, Math.random() * 150);
      const engine = await EngineWorkspace.open({ location, env: clock.env, watchFolder: false, mirrorDelayMs: 60_000, warn: () => undefined });
      try {
        const stored = await engine.read(id);
        if (stored.recovery) damaged++;
        const n = Number(/^stored (\d+)/.exec(stored.file.items[0]!.notes)?.[1] ?? 0);
        expect(n, `after kill ${kill + 1}: stored ${n}, last ack ${lastAck}`).toBeGreaterThanOrEqual(Math.max(lastAck, previous));
        previous = n;
      } finally {
        await engine.close();
      }
    }
    const quarantined = (await readdir(path.join(location, 'quarantine')).catch(() => [] as string[])).filter((n) => n.startsWith('engine-'));
    console.info(`engine crash safety: ${KILLS} SIGKILLs during changes, ${damaged} damaged documents, ${previous} changes stored in all`);
    expect(damaged).toBe(0);
    expect(quarantined).toEqual([]);
  });
});

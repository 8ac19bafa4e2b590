import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { parseMunicipalityJson } from '../../src/core/schema/validate-municipality';
import { tempWorkspace, testClock } from '../helpers/workspace';

export const KILLS = Number(process.env.MILEPAEL_CRASH_KILLS ?? 200);

/** Starts the saver, waits a random moment after it has saved at least once, and kills it hard. */
function runAndKill(child: string, location: string, id: string, waitMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const saver = spawn(process.execPath, [child, location, id], { stdio: ['ignore', 'pipe', 'pipe'] });
    let lastAck = -1;
    let buffer = '';
    let timer: NodeJS.Timeout | undefined;
    let stderr = '';
    saver.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    saver.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) if (line.startsWith('ack ')) lastAck = Number(line.slice(4));
      timer ??= setTimeout(() => saver.kill('SIGKILL'), waitMs);
    });
    saver.on('exit', (_code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') reject(new Error(`the saver stopped by itself: ${stderr}`));
      else resolve(lastAck);
    });
  });
}

describe('a save killed at a random moment', () => {
  it(`leaves a valid file holding the last acknowledged save or the one in flight (${KILLS} kills)`, { timeout: 300_000 }, async () => {
    const child = fileURLToPath(new URL('../../node_modules/.cache/milepael-test/save-loop-child.mjs', import.meta.url));
    await build({ entryPoints: [fileURLToPath(new URL('./save-loop-child.ts', import.meta.url))], bundle: true, platform: 'node', format: 'esm', outfile: child, packages: 'external', logLevel: 'error' });
    const { service, location } = await tempWorkspace(testClock().env);
    const { id } = await service.createSample();
    const file = path.join(location, 'municipalities', `${id}.json`);
    let checked = 0;
    let previous = 0;
    for (let kill = 0; kill < KILLS; kill++) {
      const lastAck = await runAndKill(child, location, id, Math.random() * 25);
      const result = parseMunicipalityJson(await readFile(file, 'utf8'));
      expect(result.ok, `after kill ${kill + 1} the file does not validate`).toBe(true);
      if (!result.ok) return;
      const revision = result.value.file.revision;
      expect([lastAck, lastAck + 1], `after kill ${kill + 1}: revision ${revision}, last ack ${lastAck}`).toContain(revision);
      expect(revision).toBeGreaterThanOrEqual(previous);
      previous = revision;
      checked++;
    }
    console.info(`crash safety: ${checked} SIGKILLs during saves, the file was valid every time; ${previous} saves in all`);
    expect(checked).toBe(KILLS);
  });
});

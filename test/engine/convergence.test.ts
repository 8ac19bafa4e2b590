import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import type { LogEntry } from '../../src/backend/engine/change-log';
import type { MunicipalityFile } from '../../src/core/schema/municipality';
import { testClock } from '../helpers/workspace';
import { openEngine, samplePackFile, tempFolder } from './helpers';

const PROCESSES = 3;
const EDITS = Number(process.env.MILEPAEL_CONVERGENCE_EDITS ?? 200);

interface Result {
  file: MunicipalityFile;
  heads: string[];
  log: LogEntry[];
}

function run(child: string, args: string[]): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    proc.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    proc.on('exit', (code) => (code === 0 ? resolve(stdout.trim().split('\n')) : reject(new Error(`child ${args[2]} exited ${code}: ${stderr}`))));
  });
}

describe('three apps on one shared folder', () => {
  it(`end with identical documents holding every one of ${PROCESSES} × ${EDITS} concurrent edits`, { timeout: 300_000 }, async () => {
    const child = fileURLToPath(new URL('../../node_modules/.cache/milepael-test/convergence-child.mjs', import.meta.url));
    await build({ entryPoints: [fileURLToPath(new URL('./convergence-child.ts', import.meta.url))], bundle: true, platform: 'node', format: 'esm', outfile: child, packages: 'external', logLevel: 'error' });
    const location = await tempFolder();
    const clock = testClock();
    const setup = await openEngine(location, clock.env);
    const { id } = await setup.create(await samplePackFile(clock.env), 'Projektleder');
    const start = (await setup.live(id)).file;
    await setup.close();

    const outs = Array.from({ length: PROCESSES }, (_, p) => path.join(location, `result-${p}.json`));
    const edits = await Promise.all(outs.map((out, p) => run(child, [location, id, String(p), String(EDITS), String(PROCESSES), out])));
    const results = await Promise.all(outs.map(async (out) => JSON.parse(await readFile(out, 'utf8')) as Result));

    // Identical everywhere: same history, same file.
    for (const result of results.slice(1)) {
      expect(result.heads).toEqual(results[0]!.heads);
      expect(result.file).toEqual(results[0]!.file);
    }
    const final = results[0]!.file;
    const caseType = final.framework.tally!.caseTypes[0]!.id;
    const startTally = start.conferences.counts.find((c) => c.month === '2026-01' && c.caseType === caseType)?.count ?? 0;
    let tallies = 0;
    const evidence = new Set(final.items.flatMap((i) => i.evidence.map((e) => e.label)));
    edits.forEach((lines, p) => {
      const made = lines.filter((l) => l.startsWith('edit ')).map((l) => l.split(' ') as [string, string, string, string]);
      expect(made).toHaveLength(EDITS);
      const lastPerField = new Map<string, string>();
      const lastEvaluation = new Map<string, number>();
      for (const [, kind, itemId, token] of made) {
        if (kind === 'tally') tallies++;
        if (kind === 'evidence') expect(evidence.has(token), `evidence ${token}`).toBe(true);
        if (kind === 'owner' || kind === 'notes') lastPerField.set(`${itemId}|${kind}`, token);
        if (kind === 'evaluation') lastEvaluation.set(itemId, Number(token.split('-')[1]));
      }
      // Each app owns its fields, so its last value of each is the value everyone ends with.
      for (const [key, token] of lastPerField) {
        const [itemId, field] = key.split('|') as [string, 'owner' | 'notes'];
        expect(final.items.find((i) => i.id === itemId)![field], `${key} of proc-${p}`).toBe(token);
      }
      for (const [month, figure] of lastEvaluation) expect(final.evaluation?.months.find((m) => m.month === month)?.firstConferences, `evaluation ${month} of proc-${p}`).toBe(figure);
      // And every edit is in the log under its author.
      expect(results[0]!.log.filter((e) => e.by === `proc-${p}`)).toHaveLength(EDITS + 1);
    });
    expect(final.conferences.counts.find((c) => c.month === '2026-01' && c.caseType === caseType)?.count).toBe(startTally + tallies);
    console.info(`convergence: ${PROCESSES} processes × ${EDITS} edits, ${tallies} tally increments, identical heads ${results[0]!.heads.join(',').slice(0, 16)}…`);
  });
});

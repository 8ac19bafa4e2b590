import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'milepael-overwrite-'));
});

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l), now: () => new Date('2026-11-22T10:00:00Z') });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('milepael plan does not overwrite (issue 15, point 2)', () => {
  it('refuses to write the plan over its own input, even with --force, and leaves the input intact', async () => {
    const file = path.join(dir, 'a.json');
    await cli('new', 'Assens Kommune', '--pack', 'familieraadslagning', '--out', file);
    const before = await readFile(file, 'utf8');
    for (const out of [file, path.join(dir, '.', 'a.json')]) {
      for (const force of [[], ['--force']]) {
        const result = await cli('plan', file, '--format', 'md', '--out', out, ...force);
        expect(result.code, `${out} ${force.join('')}`).not.toBe(0);
        expect(result.err).toMatch(/input/);
      }
    }
    expect(await readFile(file, 'utf8')).toBe(before);
  });

  it('refuses an existing output file unless --force is given', async () => {
    const file = path.join(dir, 'a.json');
    await cli('new', 'Assens Kommune', '--pack', 'familieraadslagning', '--out', file);
    const out = path.join(dir, 'plan.md');
    await writeFile(out, 'mine');
    const refused = await cli('plan', file, '--format', 'md', '--out', out);
    expect(refused.code).not.toBe(0);
    expect(refused.err).toMatch(/already exists.*--force/);
    expect(await readFile(out, 'utf8')).toBe('mine');
    expect((await cli('plan', file, '--format', 'md', '--out', out, '--force')).code).toBe(0);
    expect(await readFile(out, 'utf8')).toContain('Assens Kommune');
  });

  it('in a batch, keeps existing files in the output folder unless --force, and never writes over an input', async () => {
    const input = path.join(dir, 'kommuner');
    await mkdir(input);
    await cli('new', 'Assens Kommune', '--pack', 'familieraadslagning', '--out', path.join(input, 'assens.json'));
    const out = path.join(dir, 'planer');
    await mkdir(out);
    const existing = path.join(out, 'implementeringsplan-assens-kommune.md');
    await writeFile(existing, 'mine');
    const refused = await cli('plan', input, '--format', 'md', '--out', out);
    expect(refused.code).not.toBe(0);
    expect(refused.err).toMatch(/already exists/);
    expect(await readFile(existing, 'utf8')).toBe('mine');
    expect((await cli('plan', input, '--format', 'md', '--out', out, '--force')).code).toBe(0);
    expect(await readFile(existing, 'utf8')).toContain('Assens Kommune');

    const sameFolder = await cli('plan', input, '--format', 'md', '--out', input, '--force');
    expect(sameFolder.code).toBe(0);
    // The Markdown plan's charts are PNG files beside it; no other file is added or replaced.
    expect((await readdir(input)).filter((n) => !n.endsWith('.png')).sort()).toEqual(['assens.json', 'implementeringsplan-assens-kommune.md']);
  });
});

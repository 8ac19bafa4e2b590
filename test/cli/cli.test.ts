import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'milepael-cli-'));
});

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l), now: () => new Date('2026-11-22T10:00:00Z') });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('milepael packs', () => {
  it('lists the packs with their counts as JSON', async () => {
    const { code, out } = await cli('packs', '--json');
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual([
      { id: 'familieraadslagning', version: '1.2.0', title: 'Familierådslagning', drivers: 3, phases: 4, milestones: 17, questions: 59, flowSteps: 18, principles: 0 },
      { id: 'relationel-familieraadgivning', version: '1.2.0', title: 'Relationel Familierådgivning', drivers: 2, phases: 2, milestones: 9, questions: 17, flowSteps: 0, principles: 6 },
      { id: 'styrket-familiebehandling', version: '2.2.0', title: 'Styrket familiebehandling i udsatte familier', drivers: 2, phases: 3, milestones: 7, questions: 21, flowSteps: 0, principles: 15 },
    ]);
  });
});

describe('milepael new, validate and score', () => {
  it('creates a file that validates and scores 0 % in every group', async () => {
    const file = path.join(dir, 'aarhus.json');
    const created = await cli('new', 'Aarhus Kommune', '--pack', 'familieraadslagning', '--out', file);
    expect(created.code).toBe(0);
    expect(created.out).toContain('35 checklist items');
    expect((await cli('validate', file)).code).toBe(0);
    const scored = await cli('score', file, '--json');
    const report = JSON.parse(scored.out) as { municipality: string; overall: { percent: number; band: { id: string } }; drivers: Array<{ title: string; percent: number }>; phases: unknown[] };
    expect(report.municipality).toBe('Aarhus Kommune');
    expect(report.overall).toMatchObject({ percent: 0, band: { id: 'opstart' } });
    expect(report.drivers.map((d) => d.title)).toEqual(['Ledelse', 'Kompetencer', 'Organisering']);
    expect(report.phases).toHaveLength(4);
  });

  it('scores a file edited by hand', async () => {
    const file = path.join(dir, 'odense.json');
    await cli('new', 'Odense Kommune', '--pack', 'styrket-familiebehandling', '--out', file);
    const data = JSON.parse(await readFile(file, 'utf8')) as { items: Array<{ status: string }> };
    data.items.forEach((item, n) => (item.status = n < 3 ? 'in_place' : 'not_started'));
    await writeFile(file, JSON.stringify(data));
    const report = JSON.parse((await cli('score', file, '--json')).out) as { overall: { percent: number }; drivers: Array<{ id: string; percent: number }> };
    expect(report.drivers).toMatchObject([{ id: 'organisatoriske', percent: 100 }, { id: 'faglige', percent: 0 }]);
    expect(report.overall.percent).toBe(42.9);
    expect((await cli('score', file)).out).toMatch(/Organisatoriske elementer\s+100 %/);
  });

  it('prints every problem of an invalid file and exits 1', async () => {
    const file = path.join(dir, 'bad.json');
    await cli('new', 'Ikast-Brande Kommune', '--pack', 'familieraadslagning', '--out', file);
    const data = JSON.parse(await readFile(file, 'utf8')) as { revision: unknown; items: Array<{ status: string }> };
    data.items[0]!.status = 'færdig';
    data.revision = -1;
    await writeFile(file, JSON.stringify(data));
    const result = await cli('validate', file);
    expect(result.code).toBe(1);
    expect(result.err).toContain('items[0] (id "formaal-og-maalgruppe").status');
    expect(result.err).toContain('revision');
    expect(result.err).toContain('2 problems');
    expect((await cli('score', file)).code).toBe(1);
  });
});

describe('mistakes give one actionable line and a non-zero exit', () => {
  it.each([
    [['new', 'X', '--pack', 'ukendt', '--out', 'x.json'], 2, /unknown pack "ukendt"; available: familieraadslagning, relationel-familieraadgivning, styrket-familiebehandling/],
    [['new', '--pack', 'familieraadslagning', '--out', 'x.json'], 2, /give the municipality name/],
    [['new', 'X', '--pack', 'familieraadslagning'], 2, /missing --out/],
    [['score', '--colour'], 2, /Unknown option '--colour'/],
    [['validate'], 2, /give the municipality file/],
    [['validate', '/no/such/file.json'], 1, /no such file/],
    [['score', '/'], 1, /is a folder/],
    [['deploy'], 2, /unknown command "deploy"/],
  ])('milepael %j', async (argv, code, message) => {
    const result = await cli(...argv);
    expect(result.code).toBe(code);
    expect(result.err).toMatch(message);
    expect(result.err.split('\n')).toHaveLength(1);
  });

  it('refuses to overwrite an existing file without --force', async () => {
    const file = path.join(dir, 'x.json');
    await cli('new', 'X', '--pack', 'familieraadslagning', '--out', file);
    expect((await cli('new', 'Y', '--pack', 'familieraadslagning', '--out', file)).err).toMatch(/already exists/);
    expect((await cli('new', 'Y', '--pack', 'familieraadslagning', '--out', file, '--force')).code).toBe(0);
  });
});

describe('the installed bin', () => {
  it('runs as a command and exits non-zero with a one-line error, no stack trace', async () => {
    const bin = new URL('../../bin/milepael.js', import.meta.url).pathname;
    const ok = await promisify(execFile)(process.execPath, [bin, 'packs']);
    expect(ok.stdout).toContain('17 milestones, 59 questions');
    const failed = await promisify(execFile)(process.execPath, [bin, 'validate', path.join(dir, 'missing.json')]).catch((e: { code: number; stderr: string }) => e);
    expect('code' in failed && failed.code).toBe(1);
    expect('stderr' in failed && failed.stderr.trim().split('\n')).toHaveLength(1);
    // Two cold starts of node + tsx: seconds on a busy machine, so not the 5 s default.
  }, 60_000);
});

describe('milepael plan', () => {
  it('exports every municipality in a folder, continues past a bad file and reports it with exit 1', async () => {
    const input = path.join(dir, 'kommuner');
    await mkdir(input);
    await cli('new', 'Aabenraa Kommune', '--pack', 'familieraadslagning', '--out', path.join(input, 'aabenraa.json'));
    await cli('new', 'Tønder Kommune', '--pack', 'styrket-familiebehandling', '--out', path.join(input, 'toender.json'));
    await writeFile(path.join(input, 'gammel.json'), '{"schemaVersion": 1, "name": "halv');
    const out = path.join(dir, 'planer');
    const result = await cli('plan', input, '--format', 'md', '--out', out);
    expect(result.code).toBe(1);
    expect((await readdir(out)).filter((f) => f.endsWith('.md')).sort()).toEqual(['implementeringsplan-aabenraa-kommune.md', 'implementeringsplan-toender-kommune.md']);
    expect(result.err).toContain('[1/3] Aabenraa Kommune →');
    expect(result.err).toMatch(/2 of 3 plans written; these files could not be exported:\n {2}.*gammel\.json.*not valid JSON/);
    expect(await readFile(path.join(out, 'implementeringsplan-toender-kommune.md'), 'utf8')).toContain('# Implementeringsplan: Styrket familiebehandling i udsatte familier');
  });

  it('writes one plan in English and refuses a bad format with a hint', async () => {
    const file = path.join(dir, 'x.json');
    await cli('new', 'Struer Kommune', '--pack', 'familieraadslagning', '--out', file);
    const ok = await cli('plan', file, '--format', 'html', '--out', path.join(dir, 'plan.html'), '--lang', 'en', '--author', 'K. Konsulent');
    expect(ok.code).toBe(0);
    expect(await readFile(path.join(dir, 'plan.html'), 'utf8')).toMatch(/<td dir="auto">K\. Konsulent<\/td>/);
    const bad = await cli('plan', file, '--format', 'odt', '--out', 'x.odt');
    expect(bad).toMatchObject({ code: 2, err: expect.stringMatching(/--format must be one of md, html, docx, pdf, xlsx/) });
  });
});

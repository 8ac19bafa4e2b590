import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main';

const FIXTURES = path.join(import.meta.dirname, '../fixtures/evaluation');
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'milepael-eval-'));
});

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l), now: () => new Date('2026-11-22T10:00:00Z') });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('milepael evaluation', () => {
  it('imports a register and answers and prints the figures the fixture gives, as JSON', async () => {
    const file = path.join(dir, 'ribe.json');
    expect((await cli('new', 'Ribe Kommune', '--pack', 'familieraadslagning', '--out', file)).code).toBe(0);
    const register = await cli('evaluation', file, '--import', path.join(FIXTURES, 'register.csv'));
    expect(register).toMatchObject({ code: 0, out: expect.stringContaining('Imported 5 rows (conference register) into 3 months: 2026-01, 2026-02, 2026-04') });
    expect((await cli('evaluation', file, '--import', path.join(FIXTURES, 'answers.csv'))).code).toBe(0);
    const { code, out } = await cli('evaluation', file, '--from', '2026-01', '--to', '2026-12', '--json');
    expect(code).toBe(0);
    const json = JSON.parse(out);
    // Register: 3 first + 2 follow-ups; 4 plans of 5; waits 21, 50 and 7 days → 2 of 3 within 4 weeks;
    // durations 2.5, 3.5, 2, 1.5, 1 → 4 of 5 within 3 hours; follow-up: only first conferences at least 3 months
    // before the register's last month (April) count, i.e. January's two; 12 Jan → 20 Apr is within 3–6 months.
    expect(json.conferences).toEqual({ first: 3, followUp: 2, plans: 4 });
    expect(json.register).toEqual([
      expect.objectContaining({ metric: 'plan_rate', count: 4, of: 5, percent: 80, benchmark: 97 }),
      expect.objectContaining({ metric: 'within_weeks', count: 2, of: 3, percent: 66.7, benchmark: null }),
      expect.objectContaining({ metric: 'within_hours', count: 4, of: 5, percent: 80 }),
      expect.objectContaining({ metric: 'follow_up_rate', count: 1, of: 2, percent: 50 }),
    ]);
    expect(json.forms).toBe(5);
    const item = (id: string) => json.items.find((i: { id: string }) => i.id === id);
    // barn_hoert: 5, 3, 4, 5, 1 → positive 3 of 5, neutral 1, negative 1 (2-1-2).
    expect(item('barn_hoert')).toMatchObject({ answers: 5, counts: [1, 0, 1, 1, 2], positive: 60, neutral: 20, negative: 20, benchmark: { positive: 86.4 } });
    // tilfreds_plan: 5, 4, 2 (the caseworker and coordinator left it empty).
    expect(item('tilfreds_plan')).toMatchObject({ answers: 3, positive: 66.7, negative: 33.3, benchmark: { positive: 88.6 } });
    expect(item('tilfreds_samlet')).toMatchObject({ answers: 5, positive: 60, neutral: 20, negative: 20, benchmark: { negative: 1.4 } });
    expect(json.benchmarkSource).toMatch(/UC SYD/);
    expect(json.stage).toMatchObject({ id: 'udforskning', next: 'installation' });
  });

  it('refuses a file with a CPR-like value, says which column, and leaves the municipality file unchanged', async () => {
    const file = path.join(dir, 'ribe.json');
    await cli('new', 'Ribe Kommune', '--pack', 'familieraadslagning', '--out', file);
    const before = await readFile(file);
    const bad = path.join(dir, 'bad.csv');
    await copyFile(path.join(FIXTURES, 'register.csv'), bad);
    await writeFile(bad, `${await readFile(bad, 'utf8')}2026-05-01;første;;2;ja;010190-1234\n`);
    const { code, err } = await cli('evaluation', file, '--import', bad);
    expect(code).toBe(1);
    expect(err).toMatch(/column "opfoelgning_dato" holds something that looks like a CPR number \(row 7\)/);
    expect(await readFile(file)).toEqual(before);
  });

  it('explains wrong calls in one line with exit code 2', async () => {
    expect(await cli('evaluation')).toMatchObject({ code: 2, err: expect.stringMatching(/give the municipality file/) });
    expect(await cli('evaluation', 'x.json', '--from', '2026-13')).toMatchObject({ code: 2, err: expect.stringMatching(/YYYY-MM/) });
  });
});

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importEvaluationInto } from '../../src/backend/evaluation/use-case';
import { evaluationResults, sharesOf } from '../../src/core/evaluation/results';
import { WAIT_WEEK_BOUNDS, DURATION_HOUR_BOUNDS } from '../../src/core/evaluation/data';
import { tempWorkspace, testClock } from '../helpers/workspace';

const fileOf = (location: string, id: string) => path.join(location, 'municipalities', `${id}.json`);
const bytes = (text: string) => new TextEncoder().encode(text);

/** A small deterministic generator, so a failing run can be repeated. */
function random(seed: number) {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
}

const ITEMS = ['tilfreds_plan', 'barn_hoert', 'egen_inddragelse', 'rigtige_spoergsmaal', 'privat_tid', 'tilfreds_samlet'];
const GROUPS = ['barn', 'forælder', 'netværk', 'rådgiver', 'samordner'];
const GROUP_IDS: Record<string, string> = { barn: 'barn', forælder: 'foraelder', netværk: 'netvaerk', rådgiver: 'raadgiver', samordner: 'samordner' };
const iso = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (date: string, days: number) => iso(new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000));

async function workspaceWithMunicipality() {
  const { env } = testClock();
  const { location, service } = await tempWorkspace(env);
  const file = await service.create('Ribe Kommune', 'familieraadslagning');
  return { location, service, file };
}

describe('importing a conference register and questionnaire answers', () => {
  it('aggregates 300 register rows and 1,000 answers exactly as an independent count does', async () => {
    const next = random(42);
    const pick = <T,>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!;
    // Register: dates in 2026, a yes 0–70 days before, durations 1–6 h, plans, follow-ups 60–220 days later.
    const register: string[] = ['dato;type;ja_dato;varighed_timer;plan;opfoelgning_dato'];
    const expected = new Map<string, { first: number; follow: number; plans: number; inWindow: number; within4: number; waits: number; within3: number; durations: number }>();
    for (let n = 0; n < 300; n++) {
      const date = addDays('2026-01-01', Math.floor(next() * 330));
      const first = next() < 0.7;
      const wait = next() < 0.1 ? null : Math.floor(next() * 70);
      const hours = Math.round((1 + next() * 5) * 2) / 2;
      const plan = next() < 0.95;
      const followDays = first && next() < 0.8 ? 60 + Math.floor(next() * 160) : null;
      register.push([date, first ? 'første' : 'opfølgning', wait === null ? '' : addDays(date, -wait), String(hours).replace('.', ','), plan ? 'ja' : 'nej', followDays === null ? '' : addDays(date, followDays)].join(';'));
      const m = expected.get(date.slice(0, 7)) ?? { first: 0, follow: 0, plans: 0, inWindow: 0, within4: 0, waits: 0, within3: 0, durations: 0 };
      expected.set(date.slice(0, 7), m);
      if (first) m.first++;
      else m.follow++;
      if (plan) m.plans++;
      if (wait !== null) {
        m.waits++;
        if (wait <= 28) m.within4++;
      }
      m.durations++;
      if (hours <= 3) m.within3++;
      if (followDays !== null) {
        // Independent reading of "3–6 months later": compare calendar dates with month arithmetic done by Date.
        const d = new Date(`${date}T00:00:00Z`);
        const lo = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 3, 1));
        lo.setUTCDate(Math.min(d.getUTCDate(), new Date(Date.UTC(lo.getUTCFullYear(), lo.getUTCMonth() + 1, 0)).getUTCDate()));
        const hi = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 6, 1));
        hi.setUTCDate(Math.min(d.getUTCDate(), new Date(Date.UTC(hi.getUTCFullYear(), hi.getUTCMonth() + 1, 0)).getUTCDate()));
        const follow = addDays(date, followDays);
        if (follow >= iso(lo) && follow <= iso(hi)) m.inWindow++;
      }
    }
    const answers: string[] = [['dato', 'gruppe', ...ITEMS].join(',')];
    const answerCounts = new Map<string, number[]>();
    const forms = new Map<string, number>();
    for (let n = 0; n < 1000; n++) {
      const date = addDays('2026-01-01', Math.floor(next() * 330));
      const group = pick(GROUPS);
      const values = ITEMS.map(() => (next() < 0.1 ? '' : String(1 + Math.floor(next() * 5))));
      answers.push([date, group, ...values].join(','));
      forms.set(GROUP_IDS[group]!, (forms.get(GROUP_IDS[group]!) ?? 0) + 1);
      values.forEach((v, i) => {
        if (v === '') return;
        const key = `${ITEMS[i]}|${GROUP_IDS[group]}`;
        const counts = answerCounts.get(key) ?? [0, 0, 0, 0, 0];
        counts[Number(v) - 1]!++;
        answerCounts.set(key, counts);
      });
    }

    const { service, file } = await workspaceWithMunicipality();
    const first = await importEvaluationInto(service, file.id, 0, 'register.csv', bytes(register.join('\r\n')));
    expect(first.ok ? [] : first.problems).toEqual([]);
    const second = await importEvaluationInto(service, file.id, 1, 'svar.csv', bytes(answers.join('\n')));
    expect(second.ok).toBe(true);
    const stored = (await service.open(file.id)).file;

    for (const [month, m] of expected) {
      const got = stored.evaluation!.months.find((x) => x.month === month)!;
      expect({ first: got.firstConferences, follow: got.followUpConferences, plans: got.plans, inWindow: got.followUpsInWindow }).toEqual({ first: m.first, follow: m.follow, plans: m.plans, inWindow: m.inWindow });
      const within4 = got.weeksFromYes.slice(0, WAIT_WEEK_BOUNDS.indexOf(4) + 1).reduce((a, b) => a + b, 0);
      expect([within4, got.weeksFromYes.reduce((a, b) => a + b, 0)]).toEqual([m.within4, m.waits]);
      const within3 = got.durationHours.slice(0, DURATION_HOUR_BOUNDS.indexOf(3) + 1).reduce((a, b) => a + b, 0);
      expect([within3, got.durationHours.reduce((a, b) => a + b, 0)]).toEqual([m.within3, m.durations]);
    }
    const summed = new Map<string, number[]>();
    const formsGot = new Map<string, number>();
    for (const month of stored.evaluation!.months) {
      for (const a of month.answers) {
        const key = `${a.item}|${a.group}`;
        summed.set(key, (summed.get(key) ?? [0, 0, 0, 0, 0]).map((n, i) => n + a.counts[i]!));
      }
      for (const f of month.forms) formsGot.set(f.group, (formsGot.get(f.group) ?? 0) + f.count);
    }
    expect(Object.fromEntries(summed)).toEqual(Object.fromEntries(answerCounts));
    expect(Object.fromEntries(formsGot)).toEqual(Object.fromEntries(forms));

    // The rates over the year are the counts divided as the definitions say.
    const results = evaluationResults(stored, '2026-01', '2026-12');
    const total = [...expected.values()].reduce((a, m) => ({ conf: a.conf + m.first + m.follow, plans: a.plans + m.plans }), { conf: 0, plans: 0 });
    expect(results.register.find((r) => r.metric === 'plan_rate')).toMatchObject({ count: total.plans, of: total.conf });
    expect(results.forms).toBe(1000);
    // Nothing of the rows is kept: no date of a single conference or answer, only months.
    const text = await readFile(fileOf((await service.location), file.id), 'utf8');
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}(?!T)/);
  });

  it('reads 1–5 answers 2-1-2: the two top answers positive, the middle neutral, the two bottom negative', () => {
    expect(sharesOf([1, 2, 3, 4, 5])).toMatchObject({ answers: 15, positive: (9 / 15) * 100, neutral: (3 / 15) * 100, negative: (3 / 15) * 100 });
    fc.assert(
      fc.property(fc.array(fc.nat(1000), { minLength: 5, maxLength: 5 }), (counts) => {
        const s = sharesOf(counts);
        const n = counts.reduce((a, b) => a + b, 0);
        if (n === 0) return s.positive === null && s.neutral === null && s.negative === null;
        return Math.abs(s.positive! - ((counts[3]! + counts[4]!) / n) * 100) < 1e-9 && Math.abs(s.neutral! - (counts[2]! / n) * 100) < 1e-9 && Math.abs(s.positive! + s.neutral! + s.negative! - 100) < 1e-9;
      }),
    );
  });

  it('refuses a CPR-like value anywhere or a name column, naming the column, and leaves the municipality file byte for byte unchanged', async () => {
    const { location, service, file } = await workspaceWithMunicipality();
    const before = await readFile(fileOf(location, file.id));
    const cpr = await importEvaluationInto(service, file.id, 0, 'register.csv', bytes('dato;type;bemærkning\n2026-03-04;første;\n2026-03-05;første;ring 010203-1234\n'));
    expect(cpr.ok).toBe(false);
    expect(!cpr.ok && cpr.problems[0]).toMatchObject({ column: 'bemærkning', row: 3, da: expect.stringContaining('CPR') });
    const named = await importEvaluationInto(service, file.id, 0, 'svar.csv', bytes('dato,gruppe,Barnets navn,tilfreds_plan\n2026-03-04,barn,x,5\n'));
    expect(!named.ok && named.problems[0]).toMatchObject({ column: 'Barnets navn', da: expect.stringContaining('Barnets navn') });
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Register').addRows([['dato', 'type'], ['2026-03-04', 'første']]);
    workbook.addWorksheet('Svar').addRows([['dato', 'gruppe', 'tilfreds_plan'], ['2026-03-04', 'barn', 5], ['2026-03-04', '0102031234', 4]]);
    const xlsx = await importEvaluationInto(service, file.id, 0, 'data.xlsx', new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(!xlsx.ok && xlsx.problems[0]).toMatchObject({ sheet: 'Svar', column: 'gruppe', row: 3 });
    expect(await readFile(fileOf(location, file.id))).toEqual(before);
  });

  it('says which row and column of a damaged CSV or XLSX is wrong, and stores nothing', async () => {
    const { location, service, file } = await workspaceWithMunicipality();
    const before = await readFile(fileOf(location, file.id));
    const ragged = await importEvaluationInto(service, file.id, 0, 'register.csv', bytes('dato;type;plan\n2026-03-04;første;ja\n2026-03-05;første;ja;ekstra\n'));
    expect(!ragged.ok && ragged.problems[0]).toMatchObject({ row: 3, column: '4', da: expect.stringMatching(/række 3, kolonne 4/) });
    const quote = await importEvaluationInto(service, file.id, 0, 'register.csv', bytes('dato;type\n2026-03-04;"første\n'));
    expect(!quote.ok && quote.problems[0]?.da).toMatch(/række 2/);
    const badValue = await importEvaluationInto(service, file.id, 0, 'register.csv', bytes('dato;type;varighed_timer\n2026-03-04;første;2,5\n2026-03-05;første;tre\n'));
    expect(!badValue.ok && badValue.problems[0]).toMatchObject({ row: 3, column: 'varighed_timer', da: expect.stringContaining('Række 3, kolonne "varighed_timer"') });
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Svar').addRows([['dato', 'gruppe', 'barn_hoert'], ['2026-03-04', 'barn', 5], ['2026-03-04', 'forælder', 7]]);
    const badCell = await importEvaluationInto(service, file.id, 0, 'svar.xlsx', new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(!badCell.ok && badCell.problems[0]).toMatchObject({ sheet: 'Svar', row: 3, column: 'barn_hoert' });
    const truncated = new Uint8Array(await workbook.xlsx.writeBuffer()).slice(0, 300);
    const broken = await importEvaluationInto(service, file.id, 0, 'svar.xlsx', truncated);
    expect(!broken.ok && broken.problems[0]?.da).toMatch(/beskadiget/);
    expect(await readFile(fileOf(location, file.id))).toEqual(before);
  });

  it('gives the same figures when the same file is imported twice (months are replaced, not added)', async () => {
    const { service, file } = await workspaceWithMunicipality();
    const csv = bytes('dato;type;plan\n2026-03-04;første;ja\n2026-03-20;opfølgning;nej\n');
    await importEvaluationInto(service, file.id, 0, 'r.csv', csv);
    const again = await importEvaluationInto(service, file.id, 1, 'r.csv', csv);
    expect(again.ok && again.file.evaluation!.months).toMatchObject([{ month: '2026-03', firstConferences: 1, followUpConferences: 1, plans: 1 }]);
  });
});

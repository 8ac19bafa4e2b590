import { CURRENT_SCHEMA_VERSION } from '../../src/core/schema/municipality';
import { readFile } from 'node:fs/promises';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyEdit, checklistEditSchema, type ChecklistEdit } from '../../src/core/checklist/edits';
import { deltaBetween, findDips, isStale, monthsBefore, snapshotOf, sortedSnapshots, tallyProgress } from '../../src/core/history';
import { migrate } from '../../src/core/schema/migrations';
import { conferencesSchema, type MunicipalityFile } from '../../src/core/schema/municipality';
import { validateMunicipality } from '../../src/core/schema/validate-municipality';
import { fixedSampleWithoutHistory as fixedSample } from '../helpers/sample';

let sample: MunicipalityFile;
beforeAll(async () => {
  sample = await fixedSample();
});

function at(day: string) {
  let n = 0;
  return { now: () => new Date(`${day}T09:00:00Z`), newId: () => `h${day}-${++n}` };
}
const apply = (file: MunicipalityFile, day: string, ...edits: ChecklistEdit[]) => edits.reduce((f, e) => applyEdit(f, checklistEditSchema.parse(e), at(day)), file);

describe('the schema 1 → 2 migration', () => {
  it('turns a file written before assessment rounds into a valid current file, once', async () => {
    const v1: unknown = JSON.parse(await readFile(new URL('../fixtures/municipality-v1.json', import.meta.url), 'utf8'));
    const result = validateMunicipality(v1);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.migratedFrom).toEqual([1, 2, 3, 4, 5]);
    const file = result.value.file;
    expect(file).toMatchObject({ schemaVersion: CURRENT_SCHEMA_VERSION, assessment: { cadenceMonths: 6, snapshots: [] }, conferences: { targets: [], counts: [] } });
    const tovholder = file.items.find((i) => i.id === 'tovholder')!;
    expect(tovholder.packTitle).toBe(tovholder.title);
    expect(tovholder.questions.every((q) => q.packText === q.text)).toBe(true);
    expect(tovholder.owner).toBe('Teamleder, myndighed');
    const again = migrate(file);
    expect(again.ok && again.value).toEqual({ file, applied: [] });
  });
});

describe('assessment rounds', () => {
  it('record the state and scores of every item and are kept in the file', () => {
    const file = apply(sample, '2026-11-22', { type: 'recordSnapshot', date: '2026-11-22', label: 'Styregruppemøde november' });
    const [round] = file.assessment.snapshots;
    expect(round).toMatchObject({ date: '2026-11-22', label: 'Styregruppemøde november', statuses: { tovholder: 'in_progress' }, dueDates: { tovholder: '2026-11-12' } });
    expect(round!.answered['formaal-og-maalgruppe']).toEqual(['forandringer', 'antal-sager', 'fravalgte-sager']);
    expect(round!.scores.overall).toBeCloseTo(73.5, 0);
    expect(validateMunicipality(JSON.parse(JSON.stringify(file))).ok).toBe(true);
  });

  it('show what moved up, what moved down, what became overdue and which decisions were taken', () => {
    let file = apply(sample, '2026-03-01', { type: 'recordSnapshot', date: '2026-03-01', label: 'Marts' });
    // Before the first round the sample's overdue items were not yet due: move the clock into the past.
    file = { ...file, assessment: { ...file.assessment, snapshots: file.assessment.snapshots.map((s) => ({ ...s, date: '2026-03-01', dueDates: { ...s.dueDates, tovholder: '2026-12-01' } })) } };
    file = apply(
      file,
      '2026-06-01',
      { type: 'setStatus', itemId: 'tovholder', status: 'in_place' },
      { type: 'setStatus', itemId: 'lokaler', status: 'in_progress' },
      { type: 'setDueDate', itemId: 'informatoerer', dueDate: '2026-05-01' },
      { type: 'answerQuestion', itemId: 'implementeringsteam', questionId: 'involvering', answer: 'Månedlige personalemøder' },
      { type: 'setStatus', itemId: 'forplejning', status: 'not_relevant' },
      { type: 'recordSnapshot', date: '2026-06-01', label: 'Juni' },
    );
    const [march, june] = sortedSnapshots(file);
    const delta = deltaBetween(file, march!, june!);
    expect(delta.movedUp.map((m) => [m.itemId, m.from, m.to])).toEqual([['tovholder', 'in_progress', 'in_place']]);
    expect(delta.movedDown.map((m) => [m.itemId, m.from, m.to])).toEqual([['lokaler', 'in_place', 'in_progress']]);
    expect(delta.otherMoves.map((m) => m.itemId)).toEqual(['forplejning']);
    expect(delta.newlyOverdue.map((o) => o.itemId)).toContain('informatoerer');
    expect(delta.newDecisions).toEqual([{ itemId: 'implementeringsteam', title: 'Der er nedsat et beslutningsdygtigt implementeringsteam', question: 'Hvordan kan medarbejderne inddrages i implementeringen?', answer: 'Månedlige personalemøder' }]);
    const kompetencer = delta.drivers.find((d) => d.id === 'kompetencer')!;
    expect(kompetencer.change!).toBeGreaterThan(0);
    expect(kompetencer.to! - kompetencer.from!).toBeCloseTo(kompetencer.change!, 10);
  });

  it('compare a round with the present too, and flag score drops as implementation dips', () => {
    let file = apply(sample, '2026-01-10', { type: 'recordSnapshot', date: '2026-01-10', label: 'Januar' });
    file = apply(file, '2026-04-10', { type: 'setStatus', itemId: 'ledelsesansvar', status: 'in_progress' }, { type: 'recordSnapshot', date: '2026-04-10', label: 'April' });
    const now = snapshotOf(apply(file, '2026-05-01', { type: 'setStatus', itemId: 'ledelsesansvar', status: 'in_place' }), '2026-05-01', 'Nu', at('2026-05-01'));
    expect(deltaBetween(file, sortedSnapshots(file)[1]!, now).movedUp.map((m) => m.itemId)).toEqual(['ledelsesansvar']);
    const dips = findDips(file, sortedSnapshots(file));
    expect(dips.map((d) => d.group)).toEqual(expect.arrayContaining(['overall', 'ledelse', 'phase:organisering']));
    expect(dips.find((d) => d.group === 'ledelse')!.drop).toBe(10);
  });
});

describe('a round read from a file', () => {
  it('is refused with the field named when its maps hold anything but ids and the right values', () => {
    const file = apply(sample, '2026-11-22', { type: 'recordSnapshot', date: '2026-11-22', label: 'November' });
    const broken = (change: (round: Record<string, unknown>) => void) => {
      const copy = JSON.parse(JSON.stringify(file)) as { assessment: { snapshots: Array<Record<string, unknown>> } };
      change(copy.assessment.snapshots[0]!);
      return validateMunicipality(copy);
    };
    const wrongStatus = broken((r) => ((r.statuses as Record<string, unknown>).tovholder = 'done'));
    expect(!wrongStatus.ok && wrongStatus.problems[0]).toEqual({ field: 'assessment.snapshots[0].statuses', message: 'must map ids to a status' });
    const proto = broken((r) => (r.dueDates = JSON.parse('{"__proto__": "2026-01-01"}')));
    expect(!proto.ok && proto.problems[0]?.field).toBe('assessment.snapshots[0].dueDates');
    expect(broken((r) => (r.answered = [['tovholder']])).ok).toBe(false);
    expect(broken((r) => ((r.scores as { drivers: Record<string, unknown> }).drivers.ledelse = 140)).ok).toBe(false);
    expect(broken((r) => ((r.dueDates as Record<string, unknown>)['x'.repeat(121)] = '2026-01-01')).ok).toBe(false);
  });
});

describe('stale items', () => {
  it('are open items whose status was not reviewed within the cadence', () => {
    const file = apply(sample, '2026-01-15', { type: 'setStatus', itemId: 'lokaler', status: 'in_progress' });
    const lokaler = () => file.items.find((i) => i.id === 'lokaler')!;
    expect(isStale(lokaler(), file, '2026-07-15')).toBe(false);
    expect(isStale(lokaler(), file, '2026-07-16')).toBe(true);
    const yearly = apply(file, '2026-01-15', { type: 'setCadence', months: 12 });
    expect(isStale(yearly.items.find((i) => i.id === 'lokaler')!, yearly, '2026-07-16')).toBe(false);
    const none = apply(file, '2026-01-15', { type: 'setCadence', months: null });
    expect(isStale(none.items.find((i) => i.id === 'lokaler')!, none, '2030-01-01')).toBe(false);
    const confirmed = apply(file, '2026-07-01', { type: 'confirmStatus', itemId: 'lokaler' });
    expect(isStale(confirmed.items.find((i) => i.id === 'lokaler')!, confirmed, '2026-12-31')).toBe(false);
    const inPlace = sample.items.find((i) => i.status === 'in_place')!;
    expect(isStale(inPlace, sample, '2035-01-01')).toBe(false);
  });

  it('count months by the calendar', () => {
    expect(monthsBefore('2026-08-31', 6)).toBe('2026-02-28');
    expect(monthsBefore('2026-03-15', 3)).toBe('2025-12-15');
    expect(monthsBefore('2026-01-01', 12)).toBe('2025-01-01');
  });
});

describe('the conference tally', () => {
  it('adds up counts by month and case type against the yearly target', () => {
    const file = apply(
      sample,
      '2026-11-22',
      { type: 'setTarget', year: 2026, count: 190 },
      { type: 'setTallyCount', month: '2026-01', caseType: 'forebyggende', count: 9 },
      { type: 'setTallyCount', month: '2026-01', caseType: 'anbragt', count: 3 },
      { type: 'setTallyCount', month: '2026-02', caseType: 'forebyggende', count: 7 },
      { type: 'setTallyCount', month: '2026-02', caseType: 'forebyggende', count: 8 },
      { type: 'setTallyCount', month: '2025-12', caseType: 'anbragt', count: 50 },
    );
    const progress = tallyProgress(file, 2026);
    expect(progress).toMatchObject({ target: 190, total: 20, byCaseType: { forebyggende: 17, 'foer-anbringelse': 0, anbragt: 3 } });
    expect(progress.percent).toBeCloseTo((20 / 190) * 100, 10);
    expect(progress.byMonth[1]).toEqual({ month: 2, byCaseType: { forebyggende: 8, 'foer-anbringelse': 0, anbragt: 0 }, total: 8 });
    expect(() => apply(file, '2026-11-22', { type: 'setTallyCount', month: '2026-03', caseType: 'ukendt', count: 1 })).toThrow(/unknown case type/);
  });

  it('never stores more than counts: any other field is refused', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 12 }).filter((k) => !['month', 'caseType', 'count'].includes(k)), fc.string(), (key, value) => {
        const entry = { month: '2026-01', caseType: 'anbragt', count: 2, [key]: value };
        expect(conferencesSchema.safeParse({ targets: [], counts: [entry] }).success).toBe(false);
      }),
    );
    const stored = apply(sample, '2026-11-22', { type: 'setTallyCount', month: '2026-05', caseType: 'anbragt', count: 4 }).conferences.counts;
    expect(stored).toEqual([{ month: '2026-05', caseType: 'anbragt', count: 4 }]);
    expect(checklistEditSchema.safeParse({ type: 'setTallyCount', month: '2026-05', caseType: 'anbragt', count: 1, childName: 'Emma' }).success).toBe(false);
  });
});

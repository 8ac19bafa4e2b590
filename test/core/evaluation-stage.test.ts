import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createMunicipality } from '../../src/core/checklist/create';
import { emptyMonth } from '../../src/core/evaluation/data';
import type { MunicipalityFile } from '../../src/core/schema/municipality';
import type { Status } from '../../src/core/schema/common';
import { scoreMunicipality } from '../../src/core/scoring/score';
import { implementationStage } from '../../src/core/scoring/stage';
import { bundledPack, fixedEnv } from '../helpers/packs';

const TODAY = '2026-11-22';
let base: MunicipalityFile;
beforeAll(async () => {
  base = createMunicipality(await bundledPack('familieraadslagning'), 'Test Kommune', fixedEnv());
});

const withStatuses = (file: MunicipalityFile, statuses: readonly Status[]): MunicipalityFile => ({
  ...file,
  items: file.items.map((item, i) => ({ ...item, status: statuses[i % statuses.length] ?? item.status })),
});

/** Evaluation figures: conferences per month and questionnaires in `formMonths` of them. */
function withFigures(file: MunicipalityFile, months: number, conferencesPerMonth: number, formMonths: number, target: number | null): MunicipalityFile {
  const list = Array.from({ length: months }, (_, i) => {
    const d = new Date(Date.UTC(2026, 10 - i, 1));
    const m = emptyMonth(d.toISOString().slice(0, 7));
    return { ...m, firstConferences: conferencesPerMonth, forms: i < formMonths ? [{ group: 'barn', count: 3 }] : [] };
  });
  return { ...file, evaluation: { targets: [], months: list }, conferences: { ...file.conferences, targets: target === null ? [] : [{ year: 2026, count: target }] } };
}

const statusArb = fc.constantFrom<Status>('not_started', 'in_progress', 'in_place', 'not_relevant');
const figuresArb = fc.record({ months: fc.nat(14), perMonth: fc.nat(30), formMonths: fc.nat(14), target: fc.option(fc.nat(400)) });

describe('implementation stages (NIRN, Fixsen et al. 2005) from the pack rules', () => {
  it('starts in exploration and names what installation needs', () => {
    const stage = implementationStage(base, TODAY)!;
    expect(stage.current.id).toBe('udforskning');
    expect(stage.next?.id).toBe('installation');
    expect(stage.missingForNext[0]).toMatchObject({ kind: 'inPlace', missing: base.items.filter((i) => i.id === 'formaal-og-maalgruppe' || i.id === 'ledelsesansvar').map((i) => i.title) });
  });

  it('never rises when an item is set to "I gang" (in progress)', () => {
    fc.assert(
      fc.property(fc.array(statusArb, { minLength: 35, maxLength: 35 }), fc.nat(34), figuresArb, (statuses, at, fig) => {
        const before = withFigures(withStatuses(base, statuses), fig.months, fig.perMonth, fig.formMonths, fig.target);
        const after = { ...before, items: before.items.map((item, i) => (i === at ? { ...item, status: 'in_progress' as const } : item)) };
        return implementationStage(after, TODAY)!.index <= implementationStage(before, TODAY)!.index;
      }),
    );
  });

  it('never reaches full implementation with every item in place but no evaluation results', () => {
    fc.assert(
      fc.property(fc.nat(14), fc.nat(60), fc.option(fc.nat(400)), (months, perMonth, target) => {
        const file = withFigures(withStatuses(base, ['in_place']), months, perMonth, 0, target);
        const stage = implementationStage(file, TODAY)!;
        return stage.current.id !== 'fuld-implementering' && (stage.next?.id !== 'fuld-implementering' || stage.missingForNext.some((c) => c.kind === 'evaluationMonths'));
      }),
    );
  });

  it('reaches full implementation with everything in place, the year\'s conferences and six months of results', () => {
    const file = withFigures(withStatuses(base, ['in_place']), 12, 16, 6, 190);
    expect(implementationStage(file, TODAY)!.current.id).toBe('fuld-implementering');
    const short = withFigures(withStatuses(base, ['in_place']), 12, 16, 5, 190);
    expect(implementationStage(short, TODAY)!.missingForNext).toMatchObject([{ kind: 'evaluationMonths', have: 5, need: 6 }]);
    const few = withFigures(withStatuses(base, ['in_place']), 12, 10, 6, 190);
    expect(implementationStage(few, TODAY)!.missingForNext).toMatchObject([{ kind: 'targetShare', have: 120, need: 152 }]);
  });

  it('every item "I gang" stays in exploration', () => {
    expect(implementationStage(withFigures(withStatuses(base, ['in_progress']), 12, 16, 12, 190), TODAY)!.current.id).toBe('udforskning');
  });
});

describe('the overall score', () => {
  it('is over the pack milestones only: Ledelse 80 %, Kompetencer 50 %, Organisering 50 % gives 59 %, not 28 %', () => {
    const status = new Map<string, Status>();
    const byDriver = (driver: string) => base.items.filter((i) => i.kind === 'milestone' && i.driverId === driver).map((i) => i.id);
    byDriver('ledelse').forEach((id, n) => status.set(id, n < 4 ? 'in_place' : 'not_started')); // 8 of 10
    byDriver('kompetencer').forEach((id, n) => status.set(id, n === 0 ? 'in_place' : n === 1 ? 'in_progress' : 'not_started')); // 3 of 6
    byDriver('organisering').forEach((id, n) => status.set(id, n < 4 ? 'in_place' : n === 4 ? 'in_progress' : 'not_started')); // 9 of 18
    const file = { ...base, items: base.items.map((i) => ({ ...i, status: status.get(i.id) ?? i.status })) };
    const report = scoreMunicipality(file);
    expect(report.drivers.map((d) => Math.round(d.percent!))).toEqual([80, 50, 50]);
    expect(report.overall.percent).toBeCloseTo((20 / 34) * 100, 10);
    expect(report.overall.counts.not_started + report.overall.counts.in_place + report.overall.counts.in_progress).toBe(17);
    // The year-1 flow keeps its own figure.
    expect(report.flows[0]).toMatchObject({ id: 'aar-1', percent: 0 });
  });
});

describe('the portfolio ranking', () => {
  it('ranks drivers 90/83/56 above 50/83/56 (the flow no longer drags one of them down)', async () => {
    const { buildPortfolio } = await import('../../src/core/portfolio');
    const pack = await bundledPack('familieraadslagning');
    const set = (file: MunicipalityFile, name: string, ledelseInPlace: number, flowDone: boolean): MunicipalityFile => {
      const ledelse = file.items.filter((i) => i.driverId === 'ledelse').map((i) => i.id);
      return {
        ...file,
        id: name,
        name,
        items: file.items.map((i) => {
          if (i.kind === 'flow_step') return { ...i, status: flowDone ? 'in_place' : 'not_started' };
          if (i.driverId === 'ledelse') return { ...i, status: ledelse.indexOf(i.id) < ledelseInPlace ? 'in_place' : 'in_progress' };
          if (i.driverId === 'kompetencer') return { ...i, status: i.id === 'tovholder' ? 'in_progress' : 'in_place' };
          return { ...i, status: ['lokaler', 'forplejning', 'samordnere', 'informatoerer', 'evaluering-af-raadslagningerne'].includes(i.id) ? 'in_place' : 'not_started' };
        }),
      };
    };
    // A: Ledelse 90 % with no flow steps done; B: Ledelse 60 % but the whole year-1 flow done.
    const a = set(base, 'A', 4, false);
    const b = set(base, 'B', 1, true);
    const rows = buildPortfolio(pack, [a, b], TODAY).municipalities;
    const overall = (id: string) => rows.find((r) => r.id === id)!.overall!;
    expect(Math.round(rows.find((r) => r.id === 'A')!.drivers.ledelse!)).toBe(90);
    expect(overall('A')).toBeGreaterThan(overall('B'));
  });
});

import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createMunicipality } from '../../src/core/checklist/create';
import type { MunicipalityFile } from '../../src/core/schema/municipality';
import { validateMunicipality } from '../../src/core/schema/validate-municipality';
import { roundPercent, scoreItems, scoreMunicipality } from '../../src/core/scoring/score';
import { bundledPack, fixedEnv } from '../helpers/packs';

let base: MunicipalityFile;
beforeAll(async () => {
  base = createMunicipality(await bundledPack('familieraadslagning'), 'Testkommune', fixedEnv());
});

const driverScores = (file: MunicipalityFile) => scoreMunicipality(file).drivers.map((d) => [d.id, d.percent, d.possible]);

describe('what a driver counts (issue 15, point 6: drivers are milestones, as the docs say)', () => {
  it('a flow step that carries a driverId does not count in that driver', () => {
    const stepsInPlace = { ...base, items: base.items.map((i) => (i.kind === 'flow_step' ? { ...i, status: 'in_place' as const } : i)) };
    const tagged = { ...stepsInPlace, items: stepsInPlace.items.map((i) => (i.kind === 'flow_step' ? { ...i, driverId: 'ledelse' } : i)) };
    expect(driverScores(tagged)).toEqual(driverScores(base));
  });

  it('a milestone that names a flow is refused by validation, and never counts in that flow', () => {
    const flowId = base.framework.flows[0]!.id;
    const milestone = base.items.findIndex((i) => i.kind === 'milestone');
    const items = base.items.map((i, n) => (n === milestone ? { ...i, flowId, status: 'in_place' as const } : i));
    const file = { ...base, items };
    const checked = validateMunicipality(file);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.problems.map((p) => p.message).join(' ')).toMatch(/milestone.*flow/);
    expect(scoreMunicipality(file).flows[0]).toEqual(scoreMunicipality(base).flows[0]);
  });
});

/** Half-up to one decimal, with integers only: the exact answer for earned/possible. */
function exactOneDecimal(earned: number, possible: number): number {
  return Math.floor((2 * earned * 1000 + possible) / (2 * possible)) / 10;
}

describe('percentages are rounded half-up from the exact fraction (issue 15, point 6)', () => {
  it('18.75 → 18.8 and 28.75 → 28.8', () => {
    expect(roundPercent(null)).toBeNull();
    expect(roundPercent((3 / 16) * 100)).toBe(18.8);
    expect(roundPercent((23 / 80) * 100)).toBe(28.8);
    const group = scoreItems('g', 'G', [...Array.from({ length: 23 }, () => 'in_place' as const), ...Array.from({ length: 57 }, () => 'not_started' as const)].map((status, n) => ({ ...base.items[0]!, id: `i${n}`, status })));
    expect(roundPercent(group.percent)).toBe(28.8);
  });

  it('matches exact arithmetic for every score with whole points', () => {
    const statuses = fc.array(fc.constantFrom('not_started' as const, 'in_progress' as const, 'in_place' as const, 'not_relevant' as const), { minLength: 1, maxLength: 300 });
    fc.assert(
      fc.property(statuses, (list) => {
        const group = scoreItems('g', 'G', list.map((status, n) => ({ ...base.items[0]!, id: `i${n}`, status })));
        expect(roundPercent(group.percent)).toBe(group.possible === 0 ? null : exactOneDecimal(group.earned, group.possible));
      }),
      { numRuns: 2000 },
    );
  });
});

import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { deltaBetween, findDips, snapshotOf, sortedSnapshots } from '../../src/core/history';
import { planToMarkdown } from '../../src/core/plan/markdown';
import { buildPlan } from '../../src/core/plan/model';
import { planOptionsSchema } from '../../src/core/plan/options';
import { buildPortfolio } from '../../src/core/portfolio';
import type { MunicipalityFile, Snapshot } from '../../src/core/schema/municipality';
import { serializeMunicipality, validateMunicipality } from '../../src/core/schema/validate-municipality';
import { bundledPack } from '../helpers/packs';
import { fixedSample, SAMPLE_TODAY } from '../helpers/sample';
import { tempWorkspace, testClock } from '../helpers/workspace';

/** Ids that pass the id rule but name members every plain object inherits. */
const INHERITED_NAMES = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString'] as const;

let sample: MunicipalityFile;
beforeAll(async () => {
  sample = await fixedSample();
});

function renameKeys<T>(record: Record<string, T>, from: string, to: string): Record<string, T> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k === from ? to : k, v]));
}

/** The sample with some items renamed to inherited names, everywhere the id is used. */
function withIds(file: MunicipalityFile, renames: ReadonlyArray<readonly [number, string]>): MunicipalityFile {
  let next = structuredClone(file);
  for (const [index, to] of renames) {
    const from = next.items[index % next.items.length]!.id;
    if (next.items.some((i) => i.id === to)) continue;
    const swap = (id: string) => (id === from ? to : id);
    next = {
      ...next,
      items: next.items.map((i) => ({ ...i, id: swap(i.id), dependsOn: i.dependsOn.map(swap) })),
      assessment: {
        ...next.assessment,
        snapshots: next.assessment.snapshots.map((s): Snapshot => ({
          ...s,
          statuses: renameKeys(s.statuses, from, to),
          dueDates: renameKeys(s.dueDates, from, to),
          answered: renameKeys(s.answered, from, to),
        })),
      },
    };
  }
  return next;
}

/** A round recorded before the renamed items existed: their ids are missing from it. */
function roundWithout(file: MunicipalityFile, ids: readonly string[]): Snapshot {
  const round = snapshotOf(file, '2026-01-01', 'før', testClock().env);
  const drop = <T>(r: Record<string, T>) => Object.fromEntries(Object.entries(r).filter(([k]) => !ids.includes(k)));
  return { ...round, statuses: drop(round.statuses), dueDates: drop(round.dueDates), answered: drop(round.answered) };
}

describe('item ids that name inherited object members (issue 15, point 3)', () => {
  it('validate, and every view of the file works with them: deltas, dips, plan, portfolio', () => {
    const renames = fc.array(fc.tuple(fc.nat(200), fc.constantFrom(...INHERITED_NAMES)), { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(renames, (pairs) => {
        const file = withIds(sample, pairs);
        const checked = validateMunicipality(JSON.parse(serializeMunicipality(file)));
        expect(checked.ok).toBe(true);
        const renamed = pairs.map(([, id]) => id);
        const before = roundWithout(file, renamed);
        const now = snapshotOf(file, SAMPLE_TODAY, 'nu', testClock().env);
        const delta = deltaBetween(file, before, now);
        expect(delta.newDecisions.every((d) => typeof d.question === 'string')).toBe(true);
        expect(deltaBetween(file, now, before).movedUp.every((m) => typeof m.from === 'string')).toBe(true);
        findDips(file, [before, ...sortedSnapshots(file), now]);
        const markdown = planToMarkdown(buildPlan(file, planOptionsSchema.parse({}), SAMPLE_TODAY), { kind: 'reference' });
        expect(markdown.length).toBeGreaterThan(0);
      }),
      { numRuns: 40 },
    );
  });

  it('give the same delta as ordinary ids would, also against a round from before those items existed', () => {
    const renames = [
      [0, 'constructor'],
      [1, 'toString'],
      [2, 'valueOf'],
    ] as const;
    const originals = renames.map(([index]) => sample.items[index]!.id);
    const file = withIds(sample, renames);
    const now = (f: MunicipalityFile) => snapshotOf(f, SAMPLE_TODAY, 'nu', testClock().env);
    const expected = deltaBetween(sample, roundWithout(sample, originals), now(sample));
    const actual = deltaBetween(file, roundWithout(file, ['constructor', 'toString', 'valueOf']), now(file));
    const back = (id: string) => originals[renames.findIndex(([, name]) => name === id)] ?? id;
    const ids = (d: typeof actual) => [...d.movedUp, ...d.movedDown, ...d.otherMoves, ...d.newlyOverdue, ...d.newDecisions].map((m) => m.itemId);
    expect(ids(actual).map(back)).toEqual(ids(expected));
    expect(actual.overall).toEqual(expected.overall);
  });

  it('plan preview and export through the service, and the portfolio, work with them', async () => {
    const file = withIds(sample, [
      [0, 'constructor'],
      [5, 'toString'],
      [30, 'valueOf'],
    ]);
    const { service } = await tempWorkspace(testClock().env);
    const imported = await service.importFile(serializeMunicipality(file), 'prototype.json');
    expect(await service.previewPlan(imported.id, planOptionsSchema.parse({}))).toContain(file.name);
    const exported = await service.exportPlan(imported.id, 'md', planOptionsSchema.parse({}));
    expect(exported.data.byteLength).toBeGreaterThan(0);
    const portfolio = buildPortfolio(await bundledPack('familieraadslagning'), [file], SAMPLE_TODAY);
    expect(portfolio.municipalities).toHaveLength(1);
  });
});

import * as A from '@automerge/automerge';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyMonth } from '../../src/core/evaluation/data';
import { applyEdit, type ChecklistEdit } from '../../src/core/checklist/edits';
import type { EngineWorkspace } from '../../src/backend/engine/engine-workspace';
import { documentToFile, patchDocument, seedDocument } from '../../src/backend/engine/mapping';
import type { MunicipalityFile } from '../../src/core/schema/municipality';
import { stamp, type MunicipalityDoc } from '../../src/backend/engine/document';
import { testClock } from '../helpers/workspace';
import { openEngine, samplePackFile, tempFolder } from './helpers';

const open: EngineWorkspace[] = [];
afterEach(async () => {
  for (const engine of open.splice(0)) await engine.close();
});

const at = { now: () => new Date('2026-11-12T13:03:00Z'), newId: () => 'x1' };
const edit = (engine: EngineWorkspace, id: string, edits: ChecklistEdit[], author: string, heads?: string[]) =>
  engine.change(id, (file) => edits.reduce((next, e) => applyEdit(next, e, at), file), author, heads);

async function engineWithSample() {
  const clock = testClock();
  const engine = await openEngine(await tempFolder(), clock.env);
  open.push(engine);
  const file = await engine.create(await samplePackFile(clock.env), 'Projektleder Anne');
  return { engine, file };
}

describe('evaluation figures on the engine', { timeout: 30_000 }, () => {
  it('keeps both of two imports made at the same moment: one month\'s register and another month\'s questionnaires, and a target set meanwhile', async () => {
    const { engine, file } = await engineWithSample();
    const { heads } = await engine.live(file.id);
    const january = { ...emptyMonth('2026-01'), firstConferences: 7, plans: 5 };
    const february = { ...emptyMonth('2026-02'), forms: [{ group: file.framework.evaluation!.groups[0]!.id, count: 4 }] };
    await edit(engine, file.id, [{ type: 'setEvaluationMonth', figures: january }], 'Anne', heads);
    await edit(engine, file.id, [{ type: 'setEvaluationMonth', figures: february }], 'Bo', heads);
    const after = await edit(engine, file.id, [{ type: 'setEvaluationTarget', metric: 'plan_rate', percent: 80 }], 'Carl', heads);
    const months = after.file.evaluation!.months;
    expect(months.find((m) => m.month === '2026-01')).toMatchObject({ firstConferences: 7, plans: 5 });
    expect(months.find((m) => m.month === '2026-02')?.forms).toEqual(february.forms);
    expect(after.file.evaluation!.targets).toContainEqual({ metric: 'plan_rate', percent: 80 });
    // The figures the sample came with are all still there.
    for (const month of file.evaluation!.months) expect(months.some((m) => m.month === month.month)).toBe(true);
  });

  it('importing the same month again replaces its figures instead of adding them up', async () => {
    const { engine, file } = await engineWithSample();
    const march = { ...emptyMonth('2026-03'), firstConferences: 3 };
    await edit(engine, file.id, [{ type: 'setEvaluationMonth', figures: march }], 'Anne');
    const again = await edit(engine, file.id, [{ type: 'setEvaluationMonth', figures: march }], 'Anne');
    expect(again.file.evaluation!.months.find((m) => m.month === '2026-03')?.firstConferences).toBe(3);
  });

  it('reads a document that holds the figures as one value (made before this layout) and moves it on its first change', async () => {
    const { file } = await engineWithSample();
    // The old layout: the whole figures in one top-level field.
    const seeded = seedDocument({ ...file, evaluation: undefined }, 'Anne');
    const old = A.change(seeded, (d: MunicipalityDoc) => void (d.fields.evaluation = stamp(file.evaluation, 'Anne')));
    expect(documentToFile(old).evaluation).toEqual(file.evaluation);
    const before = documentToFile(old) as unknown as MunicipalityFile;
    const updated = applyEdit(before, { type: 'setEvaluationMonth', figures: { ...emptyMonth('2026-04'), plans: 2 } }, at);
    const moved = A.change(old, (d: MunicipalityDoc) => void patchDocument(d, before, updated, 'Bo', 'bo'));
    expect(moved.fields.evaluation).toBeUndefined();
    expect(documentToFile(moved).evaluation).toEqual(updated.evaluation);
  });
});

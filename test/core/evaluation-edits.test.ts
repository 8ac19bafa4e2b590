import { describe, expect, it } from 'vitest';
import { applyEdit, checklistEditSchema } from '../../src/core/checklist/edits';
import { createMunicipality } from '../../src/core/checklist/create';
import { emptyMonth } from '../../src/core/evaluation/data';
import { evaluationResults } from '../../src/core/evaluation/results';
import { validateMunicipality } from '../../src/core/schema/validate-municipality';
import { bundledPack, fixedEnv } from '../helpers/packs';

describe('manual entry of a month\'s evaluation figures', () => {
  it('replaces the month, sets and clears targets, and keeps the file valid', async () => {
    const env = fixedEnv();
    let file = createMunicipality(await bundledPack('familieraadslagning'), 'Tønder Kommune', env);
    const march = { ...emptyMonth('2026-03'), firstConferences: 4, followUpConferences: 1, plans: 5, answers: [{ item: 'barn_hoert', group: 'barn', counts: [0, 0, 1, 1, 2] as [number, number, number, number, number] }] };
    file = applyEdit(file, checklistEditSchema.parse({ type: 'setEvaluationMonth', figures: march }), env);
    file = applyEdit(file, { type: 'setEvaluationMonth', figures: { ...march, plans: 4 } }, env);
    file = applyEdit(file, { type: 'setEvaluationTarget', metric: 'item:barn_hoert', percent: 90 }, env);
    expect(file.evaluation!.months).toHaveLength(1);
    const results = evaluationResults(file);
    expect(results.register[0]).toMatchObject({ metric: 'plan_rate', count: 4, of: 5, percent: 80 });
    expect(results.items.find((i) => i.id === 'barn_hoert')).toMatchObject({ target: 90, all: { answers: 4, positive: 75 } });
    expect(validateMunicipality(JSON.parse(JSON.stringify(file))).ok).toBe(true);
    file = applyEdit(file, { type: 'setEvaluationTarget', metric: 'item:barn_hoert', percent: null }, env);
    expect(file.evaluation!.targets).toEqual([]);
  });

  it('refuses an answer count that is not a whole number, or free text, at the edit boundary', () => {
    expect(checklistEditSchema.safeParse({ type: 'setEvaluationMonth', figures: { ...emptyMonth('2026-03'), plans: 1.5 } }).success).toBe(false);
    expect(checklistEditSchema.safeParse({ type: 'setEvaluationMonth', figures: { ...emptyMonth('2026-03'), note: 'Peter, 8 år' } }).success).toBe(false);
  });
});

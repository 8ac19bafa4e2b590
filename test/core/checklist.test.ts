import { beforeAll, describe, expect, it } from 'vitest';
import { applyEdit, checklistEditSchema, EditError, type ChecklistEdit } from '../../src/core/checklist/edits';
import { createMunicipality } from '../../src/core/checklist/create';
import { municipalityFileSchema, type MunicipalityFile } from '../../src/core/schema/municipality';
import type { Pack } from '../../src/core/schema/pack';
import { scoreMunicipality } from '../../src/core/scoring/score';
import { bundledPack, fixedEnv } from '../helpers/packs';

let pack: Pack;
let fresh: MunicipalityFile;
const env = fixedEnv();
beforeAll(async () => {
  pack = await bundledPack('familieraadslagning');
  fresh = createMunicipality(pack, '  Aabenraa Kommune ', env);
});

const apply = (file: MunicipalityFile, ...edits: ChecklistEdit[]) => edits.reduce((f, e) => applyEdit(f, checklistEditSchema.parse(e), env), file);
const find = (file: MunicipalityFile, id: string) => file.items.find((i) => i.id === id)!;

describe('a new municipality', () => {
  it('gets every milestone and flow step of the pack, not started, and validates', () => {
    expect(fresh.name).toBe('Aabenraa Kommune');
    expect(fresh.items.filter((i) => i.kind === 'milestone')).toHaveLength(17);
    expect(fresh.items.filter((i) => i.kind === 'flow_step')).toHaveLength(18);
    expect(fresh.items.flatMap((i) => i.questions)).toHaveLength(59);
    expect(new Set(fresh.items.map((i) => i.status))).toEqual(new Set(['not_started']));
    expect(find(fresh, 'aar-1.saet-i-gang').dependsOn).toContain('aar-1.rekrutter-samordnere');
    expect(municipalityFileSchema.safeParse(fresh).success).toBe(true);
  });
});

describe('editing the checklist', () => {
  it('records status, owner, due date, notes, answers and evidence on an item', () => {
    const file = apply(
      fresh,
      { type: 'setStatus', itemId: 'tovholder', status: 'in_progress' },
      { type: 'setOwner', itemId: 'tovholder', owner: 'Mette (teamleder)' },
      { type: 'setDueDate', itemId: 'tovholder', dueDate: '2027-03-01' },
      { type: 'setNotes', itemId: 'tovholder', notes: 'Afventer budget' },
      { type: 'answerQuestion', itemId: 'tovholder', questionId: 'ressourcer', answer: '4 timer om ugen' },
      { type: 'addEvidence', itemId: 'tovholder', label: 'Referat', target: 'https://intra.example.dk/referat' },
    );
    const t = find(file, 'tovholder');
    expect(t).toMatchObject({ status: 'in_progress', owner: 'Mette (teamleder)', dueDate: '2027-03-01', notes: 'Afventer budget', statusChangedAt: '2026-11-22T10:00:00.000Z' });
    expect(t.questions.find((q) => q.id === 'ressourcer')?.answer).toBe('4 timer om ugen');
    expect(t.evidence[0]).toMatchObject({ label: 'Referat' });
    expect(find(fresh, 'tovholder').status).toBe('not_started');
    expect(municipalityFileSchema.safeParse(file).success).toBe(true);
    const cleared = apply(file, { type: 'setDueDate', itemId: 'tovholder', dueDate: null }, { type: 'removeEvidence', itemId: 'tovholder', evidenceId: t.evidence[0]!.id });
    expect(find(cleared, 'tovholder').dueDate).toBeUndefined();
    expect(find(cleared, 'tovholder').evidence).toEqual([]);
  });

  it('edits texts and questions and adds custom questions', () => {
    const file = apply(
      fresh,
      { type: 'setTitle', itemId: 'lokaler', title: 'Lokaler på biblioteket er booket' },
      { type: 'editQuestion', itemId: 'lokaler', questionId: 'leje', text: 'Skal vi leje forsamlingshuset?' },
      { type: 'removeQuestion', itemId: 'lokaler', questionId: 'aftentimer' },
      { type: 'addQuestion', itemId: 'lokaler', text: 'Er der legetøj til de mindste?' },
    );
    const l = find(file, 'lokaler');
    expect(l.title).toBe('Lokaler på biblioteket er booket');
    expect(l.questions.map((q) => q.text)).toEqual([
      'Hvilke neutrale lokaler uden for rådhuset kan kommunen bruge?',
      'Skal vi leje forsamlingshuset?',
      'Kan samarbejdspartnere stille lokaler til rådighed?',
      'Er der legetøj til de mindste?',
    ]);
    expect(l.questions.at(-1)?.origin).toBe('custom');
  });

  it('adds a custom milestone after the last one of its driver, reorders and removes items', () => {
    const added = apply(fresh, { type: 'addItem', title: 'Politisk godkendelse', driverId: 'ledelse', phaseId: 'mobilisering' });
    const index = added.items.findIndex((i) => i.title === 'Politisk godkendelse');
    expect(added.items[index - 1]?.id).toBe('ressourcer-i-projektperioden');
    const customId = added.items[index]!.id;
    const moved = apply(added, { type: 'moveItem', itemId: customId, toIndex: 0 });
    expect(moved.items[0]?.id).toBe(customId);
    const removed = apply(moved, { type: 'removeItem', itemId: 'forplejning' }, { type: 'removeItem', itemId: customId });
    expect(removed.items.some((i) => i.id === 'forplejning' || i.id === customId)).toBe(false);
    expect(removed.removedPackItemIds).toEqual(['forplejning']);
    expect(municipalityFileSchema.safeParse(removed).success).toBe(true);
  });

  it('keeps dependencies valid when a flow step is removed', () => {
    const file = apply(fresh, { type: 'removeItem', itemId: 'aar-1.opstil-budget' });
    expect(find(file, 'aar-1.find-samordnere').dependsOn).toEqual([]);
    expect(municipalityFileSchema.safeParse(file).success).toBe(true);
  });

  it('marks an item not relevant, which takes it out of the score', () => {
    const before = scoreMunicipality(apply(fresh, { type: 'setStatus', itemId: 'forplejning', status: 'in_place' }));
    const after = scoreMunicipality(apply(fresh, { type: 'setStatus', itemId: 'forplejning', status: 'not_relevant' }));
    expect(before.overall.possible - after.overall.possible).toBe(2);
  });

  it('refuses edits that point at nothing, with a message', () => {
    expect(() => apply(fresh, { type: 'setStatus', itemId: 'findes-ikke', status: 'in_place' })).toThrow(new EditError('there is no checklist item "findes-ikke"'));
    expect(() => apply(fresh, { type: 'answerQuestion', itemId: 'lokaler', questionId: 'nope', answer: 'x' })).toThrow(/has no question "nope"/);
    expect(() => apply(fresh, { type: 'addItem', title: 'x', driverId: 'oekonomi' })).toThrow(/unknown driver "oekonomi"/);
    expect(checklistEditSchema.safeParse({ type: 'setStatus', itemId: 'lokaler', status: 'done' }).success).toBe(false);
    expect(checklistEditSchema.safeParse({ type: 'setTitle', itemId: 'lokaler', title: '   ' }).success).toBe(false);
  });
});

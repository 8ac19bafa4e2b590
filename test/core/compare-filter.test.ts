import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createMunicipality } from '../../src/core/checklist/create';
import { compareMunicipalities } from '../../src/core/checklist/compare';
import { applyEdit, checklistEditSchema, type ChecklistEdit } from '../../src/core/checklist/edits';
import { matchesFilter, NO_FILTER, ownersOf, searchHits, type ChecklistFilter } from '../../src/core/checklist/filter';
import type { MunicipalityFile } from '../../src/core/schema/municipality';
import { bundledPack, fixedEnv } from '../helpers/packs';

let fresh: MunicipalityFile;
const env = fixedEnv();
beforeAll(async () => {
  fresh = createMunicipality(await bundledPack('familieraadslagning'), 'Odense Kommune', env);
});
const apply = (file: MunicipalityFile, ...edits: ChecklistEdit[]) => edits.reduce((f, e) => applyEdit(f, checklistEditSchema.parse(e), env), file);
const milestones = (file: MunicipalityFile) => file.items.filter((i) => i.kind === 'milestone');
const TODAY = '2026-11-22';

describe('comparing a municipality with an imported copy of it', () => {
  it('finds nothing when the copy is the same', () => {
    expect(compareMunicipalities(fresh, structuredClone(fresh))).toMatchObject({ identical: true, items: [], name: null });
  });

  it('lists each changed field of each item, added and removed items, the name and the rounds', () => {
    const incoming = apply(
      { ...fresh, name: 'Odense Kommune (konsulent)', updatedAt: '2026-12-01T09:00:00.000Z' },
      { type: 'setStatus', itemId: 'tovholder', status: 'in_place' },
      { type: 'setOwner', itemId: 'tovholder', owner: 'Konsulent' },
      { type: 'answerQuestion', itemId: 'tovholder', questionId: 'ressourcer', answer: 'Ja' },
      { type: 'addItem', title: 'Egen milepæl', driverId: 'ledelse' },
      { type: 'removeItem', itemId: 'lokaler' },
    );
    const diff = compareMunicipalities(fresh, incoming);
    expect(diff.identical).toBe(false);
    expect(diff.name).toEqual({ from: 'Odense Kommune', to: 'Odense Kommune (konsulent)' });
    expect(diff.newer).toBe('incoming');
    const tovholder = diff.items.find((d) => d.itemId === 'tovholder')!;
    expect(tovholder.changes.map((c) => c.field)).toEqual(['status', 'owner', 'answers']);
    expect(tovholder.changes[0]).toMatchObject({ from: 'not_started', to: 'in_place' });
    expect(diff.items.filter((d) => d.kind === 'added').map((d) => d.title)).toEqual(['Egen milepæl']);
    expect(diff.items.filter((d) => d.kind === 'removed').map((d) => d.itemId)).toEqual(['lokaler']);
  });

  it('is symmetric in what it counts: every differing item is found from both sides', () => {
    fc.assert(
      fc.property(fc.subarray(milestones(fresh).map((i) => i.id), { minLength: 0, maxLength: 10 }), (ids) => {
        const changed = apply(fresh, ...ids.map((itemId): ChecklistEdit => ({ type: 'setNotes', itemId, notes: `note ${itemId}` })));
        const forth = compareMunicipalities(fresh, changed).items.map((d) => d.itemId).sort();
        const back = compareMunicipalities(changed, fresh).items.map((d) => d.itemId).sort();
        expect(forth).toEqual([...ids].sort());
        expect(back).toEqual(forth);
      }),
      { numRuns: 40 },
    );
  });
});

describe('filtering the checklist', () => {
  const file = () =>
    apply(
      fresh,
      { type: 'setOwner', itemId: 'tovholder', owner: 'Mette Hansen' },
      { type: 'setDueDate', itemId: 'tovholder', dueDate: '2026-01-15' },
      { type: 'setOwner', itemId: 'lokaler', owner: ' mette hansen ' },
      { type: 'setDueDate', itemId: 'lokaler', dueDate: '2027-06-01' },
      { type: 'setStatus', itemId: 'lokaler', status: 'in_place' },
      { type: 'setNotes', itemId: 'forplejning', notes: 'Kantinen på rådhuset leverer' },
      { type: 'answerQuestion', itemId: 'tovholder', questionId: 'ressourcer', answer: 'Fire timer om ugen' },
    );
  const matching = (filter: Partial<ChecklistFilter>) =>
    milestones(file())
      .filter((i) => matchesFilter(i, { ...NO_FILTER, ...filter }, TODAY))
      .map((i) => i.id);

  it('shows everything without a filter', () => {
    expect(matching({})).toHaveLength(17);
  });

  it('"only late" shows exactly the open items past their due date', () => {
    expect(matching({ lateOnly: true })).toEqual(['tovholder']);
  });

  it('by owner matches regardless of case and spaces; "no owner" shows the rest', () => {
    expect(matching({ owner: { kind: 'person', name: 'Mette Hansen' } }).sort()).toEqual(['lokaler', 'tovholder']);
    expect(matching({ owner: { kind: 'none' } })).toHaveLength(15);
    expect(ownersOf(milestones(file()))).toEqual(['Mette Hansen']);
  });

  it('by status, and combined with other filters', () => {
    expect(matching({ status: 'in_place' })).toEqual(['lokaler']);
    expect(matching({ status: 'in_place', lateOnly: true })).toEqual([]);
  });

  it('searches titles, notes, answers and questions, every word, ignoring case', () => {
    expect(matching({ search: 'KANTINEN' })).toEqual(['forplejning']);
    expect(matching({ search: 'fire timer' })).toEqual(['tovholder']);
    expect(matching({ search: 'fire kantinen' })).toEqual([]);
    const questionWord = milestones(fresh).find((i) => i.id === 'tovholder')!.questions[0]!.text.split(' ').slice(-1)[0]!.replace(/\W/g, '');
    expect(matching({ search: questionWord })).toContain('tovholder');
  });
});

describe('why a search found an item', () => {
  it('names the hidden places a word was found in, and nothing when the title holds every word', () => {
    const file = apply(fresh, { type: 'setNotes', itemId: 'lokaler', notes: 'Aftalt med husleje-teamet' }, { type: 'setOwner', itemId: 'lokaler', owner: 'Teamleder' });
    const lokaler = file.items.find((i) => i.id === 'lokaler')!;
    expect(matchesFilter(lokaler, { ...NO_FILTER, search: 'husleje' }, TODAY)).toBe(true);
    expect(searchHits(lokaler, 'husleje')).toEqual(['notes']);
    expect(searchHits(lokaler, 'HUSLEJE teamleder')).toEqual(['owner', 'notes']);
    const titleWord = lokaler.title.split(/\s+/)[0]!;
    expect(searchHits(lokaler, titleWord)).toEqual([]);
    expect(searchHits(lokaler, '')).toEqual([]);
  });
});

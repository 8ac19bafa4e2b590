import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEdit } from '../../src/core/checklist/edits';
import { shareUnchanged } from '../../src/core/share-unchanged';
import { fixedEnv } from '../helpers/packs';
import { fixedSample } from '../helpers/sample';

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('sharing the unchanged parts of a new copy of a municipality', () => {
  it('keeps every item object but the changed one, so only its card redraws', async () => {
    const before = await fixedSample();
    const changedId = before.items[3]!.id;
    // What the backend sends after a save: a whole new copy with one status changed.
    const answer = clone(applyEdit(before, { type: 'setStatus', itemId: changedId, status: 'in_place' }, fixedEnv()));
    const shown = shareUnchanged(before, answer);
    expect(shown).toEqual(answer);
    for (const [index, item] of shown.items.entries()) {
      if (item.id === changedId) expect(item).not.toBe(before.items[index]);
      else expect(item).toBe(before.items[index]);
    }
    expect(shown.framework).toBe(before.framework);
  });

  it('is the previous copy itself when nothing changed', async () => {
    const before = await fixedSample();
    expect(shareUnchanged(before, clone(before))).toBe(before);
  });

  it('matches entries by id, so an item added in the middle keeps the others', async () => {
    const before = await fixedSample();
    const added = clone(applyEdit(before, { type: 'addItem', title: 'Ny milepæl', driverId: before.framework.drivers[0]!.id }, fixedEnv()));
    const shown = shareUnchanged(before, added);
    expect(shown).toEqual(added);
    // The new item sits among the driver's items, so every later item moved one place down.
    const others = shown.items.filter((item) => item.title !== 'Ny milepæl');
    expect(others).toHaveLength(before.items.length);
    expect(others.every((item) => item === before.items.find((b) => b.id === item.id))).toBe(true);
  });

  it('always equals the new copy, and sharing again changes nothing', () => {
    const json = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, fc.constantFrom(null, true, 0, 1, 'a', 'b'), fc.array(tie('value'), { maxLength: 4 }), fc.dictionary(fc.constantFrom('id', 'a', 'b', 'c'), tie('value'), { maxKeys: 3 })),
    })).value;
    fc.assert(
      fc.property(json, json, (previous, next) => {
        const shared = shareUnchanged(previous, clone(next));
        expect(shared).toEqual(next);
        expect(shareUnchanged(shared, clone(next))).toBe(shared);
      }),
    );
  });
});

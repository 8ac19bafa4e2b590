import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempWorkspace, testClock } from '../helpers/workspace';

/** The consultant ↔ municipality exchange: the same municipality file travels back and forth. */
describe('importing a municipality that is already in the workspace', () => {
  async function exchange() {
    const clock = testClock();
    const home = await tempWorkspace(clock.env);
    const created = await home.service.create('Aarhus Kommune', 'familieraadslagning');
    const sent = await home.service.exportFile(created.id);
    const consultant = await tempWorkspace(testClock().env);
    const theirs = await consultant.service.importFile(sent.text, sent.fileName);
    await consultant.service.applyEdits(theirs.id, theirs.revision, [{ type: 'setStatus', itemId: 'tovholder', status: 'in_place' }]);
    const back = await consultant.service.exportFile(theirs.id);
    return { home, created, back, clock };
  }

  it('tells what an update would change before anything is written', async () => {
    const { home, created, back } = await exchange();
    const check = await home.service.checkImport(back.text, back.fileName);
    expect(check.id).toBe(created.id);
    expect(check.existing?.difference.identical).toBe(false);
    expect(check.existing?.difference.items).toEqual([expect.objectContaining({ itemId: 'tovholder', changes: [expect.objectContaining({ field: 'status', to: 'in_place' })] })]);
    expect(await home.service.list()).toHaveLength(1);
  });

  it('updates the same municipality on "replace": one municipality, the new status, a backup of the old', async () => {
    const { home, created, back } = await exchange();
    const updated = await home.service.importFile(back.text, back.fileName, 'replace');
    expect(updated.id).toBe(created.id);
    expect(updated.revision).toBe(created.revision + 1);
    expect(await home.service.list()).toHaveLength(1);
    expect((await home.service.open(created.id)).file.items.find((i) => i.id === 'tovholder')?.status).toBe('in_place');
    expect((await readdir(path.join(home.location, 'backups', created.id))).filter((n) => n.endsWith('.json'))).toHaveLength(1);
  });

  it('keeps both on "copy", as a second municipality with a new id', async () => {
    const { home, created, back } = await exchange();
    const copy = await home.service.importFile(back.text, back.fileName, 'copy');
    expect(copy.id).not.toBe(created.id);
    expect(await home.service.list()).toHaveLength(2);
    expect((await home.service.open(created.id)).file.items.find((i) => i.id === 'tovholder')?.status).toBe('not_started');
  });

  it('reports a file that is not a municipality file without writing anything', async () => {
    const { home } = await exchange();
    await expect(home.service.checkImport('{"schemaVersion": 2}', 'brev.json')).rejects.toMatchObject({ code: 'invalid_file' });
    expect(await home.service.list()).toHaveLength(1);
  });
});

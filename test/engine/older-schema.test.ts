import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EngineWorkspace } from '../../src/backend/engine/engine-workspace';
import { createMunicipality } from '../../src/core/checklist/create';
import { applyEdit } from '../../src/core/checklist/edits';
import { CURRENT_SCHEMA_VERSION, type MunicipalityFile } from '../../src/core/schema/municipality';
import { bundledPack } from '../helpers/packs';
import { testClock } from '../helpers/workspace';
import { openEngine, samplePackFile, tempFolder } from './helpers';

const open: EngineWorkspace[] = [];
afterEach(async () => {
  for (const engine of open.splice(0)) await engine.close();
});

/** Stores what an older app wrote (as the current schema), then opens the folder again as a new app would. */
async function storeThenReopen(location: string, env: ReturnType<typeof testClock>['env'], older: MunicipalityFile) {
  const first = await openEngine(location, env);
  const created = await first.create(older, 'Anne');
  expect(created.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
  await first.close();
  const engine = await openEngine(location, env);
  open.push(engine);
  return { engine, read: await engine.read(older.id) };
}

async function expectChangeTakenAndNothingSetAside(engine: EngineWorkspace, location: string, id: string) {
  const changed = await engine.change(id, (f) => ({ ...f, items: f.items.map((i, n) => (n === 0 ? { ...i, owner: 'Bo' } : i)) }), 'Bo');
  expect(changed.file.items[0]!.owner).toBe('Bo');
  expect(await readdir(path.join(location, 'quarantine')).catch(() => [])).toEqual([]);
}

describe('a document written by the Milepæl before the English texts (schema 4)', () => {
  it('opens as the current schema, is not set aside, and takes changes', async () => {
    const clock = testClock();
    const location = await tempFolder();
    const current = await samplePackFile(clock.env);
    // What a schema-4 app wrote: its number, and no pack intros or English intros on the items.
    const older = { ...current, schemaVersion: 4, items: current.items.map(({ packIntro: _p, en, ...i }) => ({ ...i, ...(en ? { en: { title: en.title } } : {}) })) } as unknown as MunicipalityFile;
    const { engine, read } = await storeThenReopen(location, clock.env, older);
    expect(read.recovery).toBeUndefined();
    expect(read.file.items.map((i) => i.intro)).toEqual(current.items.map((i) => i.intro));
    await expectChangeTakenAndNothingSetAside(engine, location, current.id);
  });
});

describe('a document written by the Milepæl before the English of principles and signs (schema 5)', () => {
  it('opens as the current schema with its ticks, is not set aside, and takes changes', async () => {
    const clock = testClock();
    const location = await tempFolder();
    const pack = await bundledPack('styrket-familiebehandling');
    let current = createMunicipality(pack, 'Randers Kommune', clock.env);
    current = applyEdit(current, { type: 'setSign', itemId: 'systematisk-relationsarbejde', principleId: 'systematisk-relationsarbejde', signId: 'match', seen: true, comment: 'Fast punkt' }, clock.env);
    // What a schema-5 app wrote: its number, and no English on principles, signs, tools or resource notes.
    const older = {
      ...current,
      schemaVersion: 5,
      items: current.items.map(({ principles, tools, en, ...i }) => ({
        ...i,
        ...(en ? { en: (({ resourceNotes: _r, ...e }) => e)(en) } : {}),
        ...(principles ? { principles: principles.map(({ en: _p, ...p }) => ({ ...p, signs: p.signs.map(({ en: _s, ...s }) => s) })) } : {}),
        ...(tools ? { tools: tools.map(({ en: _t, ...t }) => t) } : {}),
      })),
    } as unknown as MunicipalityFile;
    const { engine, read } = await storeThenReopen(location, clock.env, older);
    expect(read.recovery).toBeUndefined();
    const sign = read.file.items.find((i) => i.id === 'systematisk-relationsarbejde')!.principles![0]!.signs.find((s) => s.id === 'match')!;
    expect(sign).toMatchObject({ seen: true, comment: 'Fast punkt' });
    expect(sign.en).toBeUndefined();
    await expectChangeTakenAndNothingSetAside(engine, location, current.id);
  });
});

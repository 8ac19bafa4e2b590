import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EngineWorkspace } from '../../src/backend/engine/engine-workspace';
import { CURRENT_SCHEMA_VERSION, type MunicipalityFile } from '../../src/core/schema/municipality';
import { testClock } from '../helpers/workspace';
import { openEngine, samplePackFile, tempFolder } from './helpers';

const open: EngineWorkspace[] = [];
afterEach(async () => {
  for (const engine of open.splice(0)) await engine.close();
});

describe('a document written by the Milepæl before the English texts (schema 4)', () => {
  it('opens as the current schema, is not set aside, and takes changes', async () => {
    const clock = testClock();
    const location = await tempFolder();
    const current = await samplePackFile(clock.env);
    // What a schema-4 app wrote: its number, and no pack intros or English intros on the items.
    const older = { ...current, schemaVersion: 4, items: current.items.map(({ packIntro: _p, en, ...i }) => ({ ...i, ...(en ? { en: { title: en.title } } : {}) })) } as unknown as MunicipalityFile;
    const first = await openEngine(location, clock.env);
    const created = await first.create(older, 'Anne');
    expect(created.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    await first.close();

    const engine = await openEngine(location, clock.env);
    open.push(engine);
    const read = await engine.read(current.id);
    expect(read.recovery).toBeUndefined();
    expect(read.file.items.map((i) => i.intro)).toEqual(current.items.map((i) => i.intro));
    const changed = await engine.change(current.id, (f) => ({ ...f, items: f.items.map((i, n) => (n === 0 ? { ...i, owner: 'Bo' } : i)) }), 'Bo');
    expect(changed.file.items[0]!.owner).toBe('Bo');
    expect(await readdir(path.join(location, 'quarantine')).catch(() => [])).toEqual([]);
  });
});

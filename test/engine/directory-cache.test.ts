import { copyFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { testClock } from '../helpers/workspace';
import { openEngine, samplePackFile, tempFolder } from './helpers';

const cacheFile = (location: string) => path.join(location, 'engine', '.directory.json');

async function workspaceWith(names: string[]) {
  const clock = testClock();
  const location = await tempFolder();
  const engine = await openEngine(location, clock.env);
  for (const name of names) await engine.create({ ...(await samplePackFile(clock.env)), id: name.toLowerCase(), name }, 'Anne');
  await engine.close();
  return { location, clock };
}

describe('the directory cache the start screen lists from', () => {
  it('lists the same municipalities from the cache as from the document, and the trash stays right', async () => {
    const { location, clock } = await workspaceWith(['Aarhus', 'Odense']);
    expect(JSON.parse(await readFile(cacheFile(location), 'utf8')).entries).toHaveLength(2);
    const engine = await openEngine(location, clock.env);
    expect(await engine.listIds()).toEqual(['aarhus', 'odense']);
    await engine.moveToTrash('odense');
    expect(await engine.listIds()).toEqual(['aarhus']);
    expect((await engine.listTrash()).map((t) => t.id)).toEqual(['odense']);
    await engine.close();
    const again = await openEngine(location, clock.env);
    expect(await again.listIds()).toEqual(['aarhus']);
    await again.close();
  });

  it('is not trusted once the directory has chunks it was not made from (another app added a municipality)', async () => {
    const { location, clock } = await workspaceWith(['Aarhus']);
    const stale = path.join(location, 'stale-cache.json');
    await copyFile(cacheFile(location), stale);
    const other = await openEngine(location, clock.env);
    await other.create({ ...(await samplePackFile(clock.env)), id: 'vejle', name: 'Vejle' }, 'Bo');
    await other.close();
    // As if the other app had been killed before it wrote the cache.
    await copyFile(stale, cacheFile(location));
    const engine = await openEngine(location, clock.env);
    expect(await engine.listIds()).toEqual(['aarhus', 'vejle']);
    await engine.close();
  });

  it('ignores a damaged cache', async () => {
    const { location, clock } = await workspaceWith(['Aarhus', 'Vejle']);
    await writeFile(cacheFile(location), '{"format":1,"chunks":');
    const engine = await openEngine(location, clock.env);
    expect(await engine.listIds()).toEqual(['aarhus', 'vejle']);
    await engine.close();
  });
});

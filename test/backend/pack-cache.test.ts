import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

let dir: string;
let packDir: string;

async function loadWithCache() {
  // The build id is read when the module loads, as in the compiled command.
  vi.resetModules();
  const { loadPackFolder } = await import('../../src/backend/packs/fs-packs');
  const result = await loadPackFolder(packDir);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'milepael-pack-cache-'));
  packDir = path.join(dir, 'familieraadslagning');
  await cp(new URL('../../content/familieraadslagning', import.meta.url), packDir, { recursive: true });
  vi.stubEnv('MILEPAEL_BUILD_ID', 'test-build');
  vi.stubEnv('XDG_CACHE_HOME', path.join(dir, 'cache'));
});

afterEach(async () => {
  vi.unstubAllEnvs();
  await rm(dir, { recursive: true, force: true });
});

describe('the pack cache of the compiled command', () => {
  it('serves the same pack as parsing, and a changed milestone file is parsed again', async () => {
    const parsed = await loadWithCache();
    const cacheDir = path.join(dir, 'cache', 'milepael', 'packs');
    expect(await readdir(cacheDir)).toHaveLength(1);
    expect(await loadWithCache()).toEqual(parsed);

    const first = path.join(packDir, 'milestones', (await readdir(path.join(packDir, 'milestones'))).sort()[0]!);
    const text = await readFile(first, 'utf8');
    await writeFile(first, text.replace(/^title: .*$/m, 'title: Ændret titel'));
    const changed = await loadWithCache();
    expect(changed.milestones.map((m) => m.title)).toContain('Ændret titel');
  });

  it('parses the pack when the cache file is damaged', async () => {
    const parsed = await loadWithCache();
    const cacheDir = path.join(dir, 'cache', 'milepael', 'packs');
    const [name] = await readdir(cacheDir);
    await writeFile(path.join(cacheDir, name!), '{"key": "x", "pack": {"id": 1}');
    expect(await loadWithCache()).toEqual(parsed);
  });

  it('does not serve a cached pack that was altered after it was validated', async () => {
    const parsed = await loadWithCache();
    const cacheDir = path.join(dir, 'cache', 'milepael', 'packs');
    const [name] = await readdir(cacheDir);
    const entry = JSON.parse(await readFile(path.join(cacheDir, name!), 'utf8')) as { pack: { milestones: { title: unknown }[] } };
    entry.pack.milestones[0]!.title = { not: 'a title' };
    await writeFile(path.join(cacheDir, name!), JSON.stringify(entry));
    expect(await loadWithCache()).toEqual(parsed);
  });
});

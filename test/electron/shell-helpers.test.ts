import { chmod, mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_CHARS } from '../../src/api/contract';
import { dataFolderProblem } from '../../electron/data-folder';
import { readImportFile } from '../../electron/import-file';

describe('"Vælg datamappe" (issue 15, point 8)', () => {
  it("refuses the app's own folder and folders inside it, and accepts an ordinary writable folder", async () => {
    const install = await mkdtemp(path.join(tmpdir(), 'milepael-install-'));
    await mkdir(path.join(install, 'resources'));
    expect(await dataFolderProblem(install, [install])).toMatch(/hører til selve programmet/);
    expect(await dataFolderProblem(path.join(install, 'resources'), [install])).toMatch(/hører til selve programmet/);
    const mine = await mkdtemp(path.join(tmpdir(), 'milepael-data-'));
    expect(await dataFolderProblem(mine, [install])).toBeNull();
    expect(await readdir(mine)).toEqual([]);
  });

  it('refuses a folder it cannot write to', async () => {
    const missing = path.join(await mkdtemp(path.join(tmpdir(), 'milepael-data-')), 'findes-ikke', 'heller-ikke');
    expect(await dataFolderProblem(missing, [])).toMatch(/kan ikke skrive/);
    if (process.getuid?.() !== 0) {
      const locked = await mkdtemp(path.join(tmpdir(), 'milepael-locked-'));
      await chmod(locked, 0o500);
      expect(await dataFolderProblem(locked, [])).toMatch(/kan ikke skrive/);
    }
  });
});

describe('import from the menu', () => {
  it("honours the api's 20 MB limit", async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'milepael-import-'));
    const big = path.join(folder, 'stor.json');
    await writeFile(big, 'x'.repeat(MAX_IMPORT_CHARS + 1));
    expect(await readImportFile(big)).toEqual({ ok: false, message: expect.stringMatching(/20 MB/) });
    const small = path.join(folder, 'lille.json');
    await writeFile(small, '{}');
    expect(await readImportFile(small)).toEqual({ ok: true, text: '{}' });
  });
});
